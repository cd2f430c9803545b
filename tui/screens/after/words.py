"""What the worker's legal status and money say in words, on their page, on the case page and
in F1: a legal matter's next date (marked ! within a week or passed), a sum with its currency,
totals per status and currency, and the ASEAN guidance on the non-punishment of victims."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from store import N_, _, clock, format_date, format_money, ngettext
from store.domain import LegalMatter, MoneyEntry, MoneyStatus, label, totals

if TYPE_CHECKING:
    from store.db import Database
    from tui.screens.form import RecordForm

_WEEK = 7
DATE_HINT = "DD/MM/YYYY"


def _db(form: RecordForm[Any]) -> Database:
    return cast("Database", getattr(form.app, "db"))

# F1 of the worker's page and of the legal matter's form: the instruments an officer can name
# to an authority when a victim of trafficking is treated as an offender. The 2023 declaration
# is named for what it commits to (identifying victims, their access to legal assistance and
# remedy), not as a non-punishment clause.
NON_PUNISHMENT = N_(
    "Non-punishment: a victim of trafficking should not be punished for what they were made to "
    "do. Ask the police, the prosecutor or the court, in writing, to identify the worker as a "
    "victim first and to drop or not bring the charge, naming:\n"
    "- ACTIP (the ASEAN Convention against Trafficking in Persons, Especially Women and "
    "Children, 2015), Art. 14(7): each party shall consider not holding victims criminally or "
    "administratively liable for unlawful acts directly related to their being trafficked "
    "(immigration offences, scams they were forced to run, accounts used as money mules).\n"
    "- In Indonesia, UU 21/2007 on trafficking in persons, Art. 18: a victim who commits a "
    "crime because a trafficker forced them to is not punished.\n"
    "- The ASEAN Leaders' Declaration on Combating Trafficking in Persons Caused by the Abuse "
    "of Technology (Labuan Bajo, May 2023), on scam compounds: the leaders committed to "
    "identify victims and to improve their access to legal assistance and remedy.\n"
    "Record the charge, tick \u201cNon-punishment argued\u201d once you have asked, and note "
    "the answer and the next hearing."
)


def next_mark(matter: LegalMatter, today: dt.date | None = None) -> str:
    """The next date of a matter, marked ! when it is within a week or passed (and the matter
    is still open); empty when there is none."""
    if matter.next_date is None:
        return ""
    today = today or clock.today()
    urgent = matter.is_open and (matter.next_date - today).days <= _WEEK
    return ("! " if urgent else "") + format_date(matter.next_date)


def matter_about(matter: LegalMatter) -> str:
    """The authority, or else what the matter is about (the subject, the organisation)."""
    return next((x for x in (matter.authority, matter.subject, matter.organisation,
                             matter.lawyer, matter.place) if x.strip()), "")


def who_paid(entry: MoneyEntry) -> str:
    return " · ".join(x for x in (label(entry.paid_by) if entry.paid_by else "",
                                  entry.payer) if x)


def sums(found: dict[str, Decimal]) -> str:
    """Sums per currency, as the language writes them: "US$1,500.00, Rp60.000.000"."""
    return ", ".join(format_money(amount, code) for code, amount in found.items())


def by_status(entries: list[MoneyEntry]) -> dict[MoneyStatus, dict[str, Decimal]]:
    """The entries' sums per status (in the order of the statuses), then per currency."""
    found = {status: totals([(e.currency, e.amount) for e in entries if e.status is status])
             for status in MoneyStatus}
    return {status: sums for status, sums in found.items() if sums}


def totals_line(by_status: dict[MoneyStatus, dict[str, Decimal]]) -> str:
    """Each status with its sums per currency, in the order of the statuses."""
    return " · ".join(_("{status}: {sums}").format(status=label(status), sums=sums(found))
                      for status, found in by_status.items() if found)


def worker_glance(matters: list[LegalMatter], entries: list[MoneyEntry],
                  today: dt.date | None = None) -> str:
    """One line for the case page: the worker's open legal matters and the next date among
    them; their money entries counted. Empty when they have none."""
    if not matters and not entries:
        return ""
    today = today or clock.today()
    open_ = [m for m in matters if m.is_open]
    parts = [ngettext("{count} open legal matter", "{count} open legal matters",
                      len(open_)).format(count=len(open_))]
    coming = sorted((m for m in open_ if m.next_date is not None),
                    key=lambda m: m.next_date or dt.date.max)
    if coming:
        first = coming[0]
        parts.append(_("next: {date} {what}").format(date=next_mark(first, today),
                                                     what=first.next_what).strip())
    parts.append(ngettext("{count} money entry", "{count} money entries",
                          len(entries)).format(count=len(entries)))
    return " · ".join(parts) + " (w)"

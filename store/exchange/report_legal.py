"""The report's figures of money and legal status (issue 34), for `pulang report` and the
dashboard: totals of every case's money entries, and how many workers stand where in law.

Money. Sums of the money entries of every case, per currency (ISO 4217 codes, sorted), as
exact decimals: `Decimal` here, their text ("1500000.50") in json, never a float. Each entry
is one sum at one status (`MoneyStatus`), so a total is that of the entries at that status:
- claimed, awarded, recovered: compensation, restitution, wages and fees sought for workers;
- ransom paid: the ransoms that were paid (by the worker, the family or anyone);
- owed: what a worker is said to owe or be owed (a travel debt, unpaid wages, a fee).
No total is converted into another currency: the report holds no exchange rate.

Legal status. Counts of workers, not of records (a worker with two charges is one):
- facing a charge: an open charge (`LegalMatter.is_open`: not acquitted or dropped);
- detained now: an open detention (not released);
- deported or blacklisted: a deportation at the stage "deported" or "blacklisted";
- with legal aid: legal aid at the stage "assigned";
- witness against recruiters: an open case against the recruiters in which the worker's
  role is witness or complainant;
- hearing in the next 30 days: an open matter (a hearing or another deadline) whose next
  date falls from today to 30 days on.
A count of 1 to 4 (below the report's small-number threshold, that of the provinces:
`report.MIN_PROVINCE_COUNT`, passed here as `min_count`) is not given: it reads "fewer than
5" (json: the string "<5"), since a few workers in a union's database can be pointed at.
Zero is given: it points at no one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

from store.common.i18n import _, format_money
from store.domain.legal_codes import (
    CLOSED_STAGES,
    LegalKind,
    LegalStage,
    MoneyKind,
    MoneyStatus,
    WitnessRole,
)
from store.domain.money import totals

if TYPE_CHECKING:
    from store.domain.records import LegalMatter, MoneyEntry
    from store.exchange.report_stored import Stored

Doc = dict[str, Any]  # a record as stored

HEARING_DAYS = 30

# The money totals, in the order shown.
MONEY_KEYS: tuple[str, ...] = ("claimed", "awarded", "recovered", "ransom_paid", "owed")
# The legal counts, in the order shown.
LEGAL_KEYS: tuple[str, ...] = ("facing_charge", "detained", "deported_or_blacklisted",
                               "legal_aid", "witness", "hearing_soon")


def money_totals(entries: Iterable[MoneyEntry | Doc]) -> dict[str, dict[str, Decimal]]:
    """The totals of `entries` (see the module), each {currency: sum}, currencies sorted;
    the entries as records or as stored."""
    pairs: dict[str, list[tuple[str, Any]]] = {key: [] for key in MONEY_KEYS}
    for entry in entries:
        if isinstance(entry, dict):
            status, kind = entry.get("status"), entry.get("kind")
            value = (entry.get("currency"), entry.get("amount"))
        else:
            status, kind = entry.status.value, entry.kind.value
            value = (entry.currency, entry.value)
        if status in _MONEY_STATUS:
            pairs[_MONEY_STATUS[status]].append(value)
        elif status == MoneyStatus.PAID.value and kind == MoneyKind.RANSOM.value:
            pairs["ransom_paid"].append(value)
    with localcontext() as exact:  # 25 digits an amount, summed: never rounded at 28
        exact.prec = 80
        return {key: dict(sorted(totals(found).items())) for key, found in pairs.items()}


_MONEY_STATUS = {MoneyStatus.CLAIMED.value: "claimed", MoneyStatus.AWARDED.value: "awarded",
                 MoneyStatus.RECOVERED.value: "recovered", MoneyStatus.OWED.value: "owed"}
_CLOSED = frozenset(stage.value for stage in CLOSED_STAGES)


def legal_workers(matters: Iterable[LegalMatter | Doc], today: dt.date) -> dict[str, set[str]]:
    """For each legal count (see the module), the ids of the workers it counts; the matters
    as records or as stored."""
    found: dict[str, set[str]] = {key: set() for key in LEGAL_KEYS}
    first, soon = today.isoformat(), (today + dt.timedelta(days=HEARING_DAYS)).isoformat()
    for matter in matters:
        doc = matter if isinstance(matter, dict) else matter.model_dump(mode="json")
        kind, who, stage = doc.get("kind"), doc.get("worker_id"), doc.get("stage")
        is_open = stage is None or stage not in _CLOSED
        if kind == LegalKind.CHARGE.value and is_open:
            found["facing_charge"].add(who)
        elif kind == LegalKind.DETENTION.value and is_open:
            found["detained"].add(who)
        elif kind == LegalKind.DEPORTATION.value and stage in (LegalStage.DEPORTED.value,
                                                               LegalStage.BLACKLISTED.value):
            found["deported_or_blacklisted"].add(who)
        elif kind == LegalKind.LEGAL_AID.value and stage == LegalStage.ASSIGNED.value:
            found["legal_aid"].add(who)
        elif (kind == LegalKind.PROSECUTION.value and is_open
              and doc.get("role") in (WitnessRole.WITNESS.value, WitnessRole.COMPLAINANT.value)):
            found["witness"].add(who)
        next_date = doc.get("next_date")
        if is_open and next_date and first <= str(next_date)[:10] <= soon:
            found["hearing_soon"].add(who)
    return found


def shown_count(count: int, min_count: int) -> int | str:
    """A count as the report gives it: "<5" for 1 to 4 (see the module)."""
    return f"<{min_count}" if 0 < count < min_count else count


def money_and_legal(stored: Stored, today: dt.date, min_count: int
                    ) -> tuple[dict[str, dict[str, str]], dict[str, int | str]]:
    """The money totals as json gives them ({currency: "1500000.50"}) and the legal counts,
    of every case (its stored money entries and legal matters: `report_stored.Stored`)."""
    entries = [doc for docs in stored.of_cases("money").values() for doc in docs]
    matters = [doc for docs in stored.of_cases("legal").values() for doc in docs]
    money = {key: {currency: format(value, "f") for currency, value in sums.items()}
             for key, sums in money_totals(entries).items()}
    legal = {key: shown_count(len(ids), min_count)
             for key, ids in legal_workers(matters, today).items()}
    return money, legal


# -- labels and lines, for the text report and the dashboard ---------------------------------

def money_heading() -> str:
    return _("Money in the cases, per currency (not converted)")


def legal_heading() -> str:
    return _("Workers by legal status")


def money_label(key: str) -> str:
    return {
        "claimed": _("claimed"),
        "awarded": _("awarded"),
        "recovered": _("recovered"),
        "ransom_paid": _("ransom paid"),
        "owed": _("owed"),
    }[key]


def legal_label(key: str) -> str:
    return {
        "facing_charge": _("facing a charge"),
        "detained": _("detained now"),
        "deported_or_blacklisted": _("deported or blacklisted"),
        "legal_aid": _("with legal aid"),
        # TRANSLATORS: workers who are witnesses (or complainants) in a case against the
        # recruiters.
        "witness": _("witness against recruiters"),
        # TRANSLATORS: workers with a hearing or a deadline in the next 30 days.
        "hearing_soon": _("hearing in next {days} days").format(days=HEARING_DAYS),
    }[key]


def count_text(value: int | str, min_count: int) -> str:
    """A legal count as text: the number, or "fewer than 5"."""
    if isinstance(value, str):
        return _("fewer than {count}").format(count=min_count)
    return str(value)


def money_rows(money: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """(label, sums) for each total that holds something: the sums as the language writes
    them ("Rp60.000.000 · US$1,200.00"), currencies in the order of their codes."""
    return [(money_label(key), " · ".join(format_money(amount, currency)
                                          for currency, amount in sums.items()))
            for key in MONEY_KEYS if (sums := money.get(key))]


def text_lines(money: dict[str, dict[str, str]], legal: dict[str, int | str],
               min_count: int) -> list[str]:
    """The money and legal figures as aligned lines under their headings."""
    lines = [money_heading()]
    rows = money_rows(money)
    width = max((len(name) for name, _sums in rows), default=0)
    lines += [f"  {name:<{width}}  {sums}" for name, sums in rows] or [
        "  " + _("nothing recorded")]
    lines += ["", legal_heading()]
    counts = [(legal_label(key), count_text(legal[key], min_count))
              for key in LEGAL_KEYS if key in legal]
    width = max((len(name) for name, _count in counts), default=0)
    counts_width = max((len(count) for _name, count in counts), default=0)
    lines += [f"  {name:<{width}}  {count:>{counts_width}}" for name, count in counts]
    return lines + [""]


__all__ = ["HEARING_DAYS", "LEGAL_KEYS", "MONEY_KEYS", "count_text",
           "legal_heading", "legal_label", "legal_workers", "money_and_legal", "money_heading",
           "money_label", "money_rows", "money_totals", "shown_count", "text_lines"]

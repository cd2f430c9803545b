"""A case brief for one kind of recipient (the embassy, a partner union, the police...).

The brief holds the case's public facts, each worker's step on the road home, the open requests
to that kind of recipient and the recent log entries with them; and, for each worker, their
personal data only when their consent covers that kind of recipient (`Consent.allows`).

Which of a worker's fields go in, all read from the field classification:
what may go to a recipient by `store.domain.rules.sharing.may_go` (the one rule, a partner
organisation's copy follows it too), but the record's bookkeeping (`audit.BOOKKEEPING`):
- public fields (sex, nationality), for a worker whose consent covers the recipient;
- personal fields, but free text (a field of the NOTES kind: the officer's notes are not
  written for a recipient);
- of the sensitive fields, only those declared `shared=True` (the passport's number and
  whether the worker holds it: what an embassy needs for a travel document). The current
  location or shelter, the family contact and health never go in a brief: a shelter's place is
  personal data of the highest kind, and health is specific data under UU 27/2022.
A worker without such consent appears as "Worker 3 (details withheld: no consent for police)",
with their step only; the number is the one the case page shows beside the worker's name
(`records.worker_numbers`), so that the officer knows who it is and the recipient does not.

The open requests to that kind of recipient (awaiting its reply, or a next step not done) come
first, whatever their age; then the other log entries with it of the last 30 days: each entry
once. A log entry's summary and next step are personal: they are shown only when every worker
the entry names consents to the recipient; an entry that names no worker may concern any of the
case's workers, so then every worker of the case must consent. Otherwise the summary is
withheld, and the brief says why.

For a worker whose consent covers that kind of recipient, their legal matters and money of the
kinds that recipient needs, and the principle of non-punishment where one faces a charge:
`store.exchange.brief_legal`. Nothing of them for any other worker.

For the police only (`brief_registry.REGISTRY_RECIPIENTS`), the registry's places, actors and
identifiers of the case, each with its source: `store.exchange.brief_registry`. Any other
recipient's brief holds nothing of the registry.

Media and recruiters never receive a brief (`NeverRecipient`). Generating a brief is recorded in
the audit trail (`audit.SHARE`, before the brief is made: what cannot be recorded is not done),
with the kind of recipient and counts only.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from store.common import clock
from store.common.errors import NeverRecipient, NotFound
from store.common.i18n import _, current_language, format_date, format_datetime
from store.domain.classification import Classification, fields_classified
from store.domain.countries import country_name
from store.domain.legal_codes import LEGAL_FOR, MONEY_FOR
from store.domain.records import Case, Consent, LogEntry, Worker, case_order, worker_numbers
from store.domain.road import TEMPLATES
from store.domain.rules.sharing import consenting, may_go
from store.domain.vocab import NEVER_RECIPIENTS, RecipientKind, label
from store.engine import audit
from store.exchange.brief_legal import legal_part
from store.exchange.brief_registry import REGISTRY_RECIPIENTS, registry_items
from store.exchange.report import NO_PLAN, current_step, step_label

if TYPE_CHECKING:
    from store.db.database import Database

RECENT_DAYS = 30
_NOT_SHOWN = frozenset({"case_id", "erased_at", "stage_override"})


def worker_fields() -> list[str]:
    """The worker's fields a brief may hold for a consenting worker, in declaration order:
    what may go to a recipient (`store.domain.rules.sharing.may_go`, the rule of a partner's
    copy too), but the record's bookkeeping."""
    return [name for name in Worker.model_fields
            if name not in audit.BOOKKEEPING and name not in _NOT_SHOWN
            and may_go(Worker, name, True)]


def case_fields() -> list[str]:
    """The case's facts in a brief: its public fields, without the record's bookkeeping."""
    return [name for name in fields_classified(Case, Classification.PUBLIC)
            if name not in audit.BOOKKEEPING and name not in _NOT_SHOWN]


@dataclass(frozen=True)
class Brief:
    markdown: str
    html: str
    workers: int = 0  # how many workers the case has
    withheld: int = 0  # of them, how many appear without their details (no consent)
    case_id: str = ""
    note: str = ""  # as recorded in the audit trail: the kind of recipient and counts


def record_brief(db: Database, brief: Brief) -> None:
    """The brief's entry in the audit trail (`audit.SHARE`, on its case)."""
    db.audit_event(audit.SHARE, table="cases", record_id=brief.case_id, note=brief.note)


def _value(model: type[Any], name: str, value: Any) -> str:
    """A field's value as text in the user's language."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return ", ".join(_value(model, name, item) for item in value)
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if name in ("destination_country", "origin_country", "nationality"):
        return f"{country_name(value)} ({value})"
    return str(value)


# -- the brief as data, then as Markdown and HTML --------------------------------------------

Pairs = list[tuple[str, str]]


@dataclass
class _Section:
    heading: str
    items: list[tuple[str, Pairs]]  # a line (a worker, an entry) and its details


def case_brief(db: Database, case_id: str, recipient: RecipientKind, *,
               now: dt.datetime | None = None, record: bool = True) -> Brief:
    """The brief of a case for one kind of recipient (see the module), recorded in the trail
    before it is made; with `record=False` the caller records it (`record_brief`) before it
    puts the files in place (`store.engine.storage.write_recorded`)."""
    if recipient in NEVER_RECIPIENTS:
        raise NeverRecipient(_("{kind} never receive a case brief: it would carry workers' "
                               "personal data.").format(kind=label(recipient)))
    case = db.get(Case, case_id)
    if case is None:  # pragma: no cover - get raises NotFound itself
        raise NotFound(case_id)
    now = now or clock.now()
    kind_label = label(recipient)
    workers = case_order(db.workers_of(case.id))
    number = worker_numbers(workers)
    consents: dict[str, Consent | None] = {w.id: db.consent_of(w.id) for w in workers}
    allowed = {w.id for w in workers if consenting([consents[w.id]], recipient)}

    facts: Pairs = []
    for name in case_fields():
        shown = _value(Case, name, getattr(case, name))
        if shown:
            facts.append((Case.field_label(name), shown))

    worker_items: list[tuple[str, Pairs]] = []
    for worker in workers:
        step = _step_of(db, worker)
        n = number[worker.id]
        if worker.id not in allowed:
            worker_items.append((
                _("Worker {number} (details withheld: no consent for {kind})").format(
                    number=n, kind=kind_label), [(_("Step"), step)]))
            continue
        details: Pairs = []
        for name in worker_fields():
            if name == "full_name":
                continue  # in the line above the details
            shown = _value(Worker, name, getattr(worker, name))
            if shown:
                details.append((Worker.field_label(name), shown))
        details.append((_("Step"), step))
        worker_items.append((_("Worker {number}: {name}").format(
            number=n, name=worker.full_name), details))

    def summary_allowed(entry: LogEntry) -> bool:
        named = entry.worker_ids or list(number)
        return may_go(LogEntry, "summary", all(worker_id in allowed for worker_id in named))

    def entry_item(entry: LogEntry) -> tuple[str, Pairs]:
        line = f"{format_datetime(entry.at)} · {label(entry.kind)}"
        if entry.counterpart_org:
            line += f" · {entry.counterpart_org}"
        details: Pairs = []
        if entry.worker_ids:
            details.append((_("Workers"), ", ".join(
                str(number[w]) for w in entry.worker_ids if w in number)))
        if summary_allowed(entry):
            details.append((LogEntry.field_label("summary"), entry.summary))
            if entry.next_step:
                details.append((LogEntry.field_label("next_step"), entry.next_step))
        elif entry.worker_ids:
            details.append((LogEntry.field_label("summary"), _(
                "(summary withheld: names a worker without consent for {kind})").format(
                    kind=kind_label)))
        else:
            details.append((LogEntry.field_label("summary"), _(
                "(summary withheld: names no worker, so may concern one without consent for "
                "{kind})").format(kind=kind_label)))
        if entry.due_date is not None:
            details.append((LogEntry.field_label("due_date"), format_date(entry.due_date)))
        if entry.awaiting_reply:
            details.append((LogEntry.field_label("awaiting_reply"), _("yes")))
        return line, details

    theirs = [e for e in db.log_of(case.id) if e.counterpart_kind is recipient]
    open_requests = [e for e in theirs if e.awaiting_reply
                     or (e.next_step.strip() and not e.next_step_done)]
    since = now - dt.timedelta(days=RECENT_DAYS)
    recent = [e for e in theirs if e.at >= since and e not in open_requests]

    # Each entry once: an open request of the last days is not listed again below it, so the
    # heading says "other" then (else "None." would deny the entry just listed).
    recent_heading = (_("Other log entries with {kind} in the last {days} days")
                      if open_requests else _("Log entries with {kind} in the last {days} days"))
    legal = legal_part(db, case.id, recipient, workers, number, consents)
    sections = [
        _Section(_("The case"), [("", facts)]),
        _Section(_("Workers"), worker_items),
        _Section(_("Open requests to {kind}").format(kind=kind_label),
                 [entry_item(e) for e in open_requests]),
        _Section(recent_heading.format(kind=kind_label, days=RECENT_DAYS),
                 [entry_item(e) for e in recent]),
    ]
    registry_facts = 0
    if recipient in REGISTRY_RECIPIENTS:  # the police only: see store.exchange.brief_registry
        registry, registry_facts = registry_items(db, case.id, workers, number, allowed)
        sections.append(_Section(_("Who and where (registry)"), registry))
    if LEGAL_FOR.get(recipient) or MONEY_FOR.get(recipient):  # what that recipient needs
        sections += [_Section(_("Legal matters"), legal.legal),
                     _Section(_("Money"), legal.money)]
    note = (f"brief {recipient.value}: {len(workers)} workers, {len(allowed)} with details, "
            f"{len(workers) - len(allowed)} withheld, {len(open_requests)} open requests, "
            f"{len(recent)} recent entries")
    if recipient in REGISTRY_RECIPIENTS:
        note += f", {registry_facts} registry facts"
    if record:
        db.audit_event(audit.SHARE, table="cases", record_id=case.id, note=note)
    title = _("Case brief {ref} for {kind}").format(ref=case.ref or "", kind=kind_label)
    footer = _("Written {when}. Confidential: it holds only what each worker agreed to share "
               "with {kind}; do not pass it on.").format(when=format_datetime(now),
                                                        kind=kind_label)
    return Brief(_markdown(title, sections, footer), _html(title, sections, footer),
                 workers=len(workers), withheld=len(workers) - len(allowed), case_id=case.id,
                 note=note)


def _step_of(db: Database, worker: Worker) -> str:
    plan = db.plan_of(worker.id)
    if plan is None or plan.template not in TEMPLATES:
        return step_label(NO_PLAN)
    key = current_step(TEMPLATES[plan.template], plan.statuses)
    shown = step_label(key)
    if key in TEMPLATES[plan.template].keys:
        shown += f" ({label(plan.state(key).status)})"
    return shown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def _md(text: str) -> str:
    """Text as Markdown shows it literally: its markup characters escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _markdown(title: str, sections: list[_Section], footer: str) -> str:
    lines = [f"# {_md(title)}", ""]
    for section in sections:
        lines += [f"## {_md(section.heading)}", ""]
        if not section.items:
            lines += [_md(_("None.")), ""]
        for line, details in section.items:
            if line:
                lines.append(f"### {_md(line)}")
                lines.append("")
            lines += [f"- **{_md(key)}:** {_md(value)}" for key, value in details]
            lines.append("")
    lines += ["---", "", _md(footer), ""]
    return "\n".join(lines)


_CSS = """body { font-family: sans-serif; max-width: 48em; margin: 2em auto; color: #000; }
h1 { font-size: 1.4em; border-bottom: 2px solid #000; }
h2 { font-size: 1.15em; margin-top: 1.5em; border-bottom: 1px solid #888; }
h3 { font-size: 1em; margin: 1em 0 0.2em; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; margin: 0; }
dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; }
footer { margin-top: 2em; font-size: 0.85em; border-top: 1px solid #888; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
  section > div { break-inside: avoid; } }"""


def _html(title: str, sections: list[_Section], footer: str) -> str:
    esc = html.escape
    out = ["<!DOCTYPE html>", f'<html lang="{current_language()}">', "<head>",
           '<meta charset="utf-8">', f"<title>{esc(title)}</title>",
           f"<style>\n{_CSS}\n</style>", "</head>", "<body>", f"<h1>{esc(title)}</h1>"]
    for section in sections:
        out += ["<section>", f"<h2>{esc(section.heading)}</h2>"]
        if not section.items:
            out.append("<p>" + esc(_("None.")) + "</p>")
        for line, details in section.items:
            out.append("<div>")
            if line:
                out.append(f"<h3>{esc(line)}</h3>")
            if details:
                out.append("<dl>")
                out += [f"<dt>{esc(key)}</dt><dd>{esc(value)}</dd>" for key, value in details]
                out.append("</dl>")
            out.append("</div>")
        out.append("</section>")
    out += [f"<footer><p>{esc(footer)}</p></footer>", "</body>", "</html>", ""]
    return "\n".join(out)

"""Intakes in the Database: a list taken in (`store.exchange.intake` reads and matches it),
saved open with every row and its proposal, each row decided by an officer and saved as they
go (an interrupted triage resumes), then confirmed in one atomic change: a group case per
compound, a new worker per "new" row, a log entry in each linked worker's case and one in the
group case naming them by case reference and number only, the inquiries a row may answer
marked for an officer to confirm; the intake's rows then blanked (`IntakeRow.blanked`).

A part of `store.db.database.Database` (see `store.db.base`); the record is
`store.domain.records.intake`'s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from store.common import clock
from store.common.errors import RecordInvalid, RuleRefused
from store.common.i18n import _, format_date, ngettext
from store.db.base import Part
from store.domain.records import (
    Case,
    Inquiry,
    Intake,
    IntakeRow,
    LogEntry,
    Organisation,
    Place,
    RegistryLink,
    Worker,
    build,
    worker_numbers,
)
from store.domain.registry_codes import Certainty, SourceKind
from store.domain.rules.identifiers import place_named
from store.domain.text import fold, shorten
from store.domain.vocab import (
    CaseKind,
    InquiryStatus,
    IntakeSource,
    IntakeStatus,
    ReachedVia,
    RowDecision,
)
from store.engine import audit

# How each kind of sender's list reached the union (the group cases' "reached via").
REACHED_VIA = {IntakeSource.UNION: ReachedVia.UNION_CONTACT, IntakeSource.OTHER: ReachedVia.OTHER}


@dataclass
class Group:
    """Rows held at one compound: the registry's place whose name the list wrote, else the
    same text folded; `key` "" for the rows that say no compound."""

    key: str
    name: str = ""
    place: Place | None = None
    rows: list[int] = field(default_factory=list)  # indexes into the intake's rows


def group_rows(rows: Sequence[IntakeRow], places: Sequence[Place]) -> list[Group]:
    """The rows grouped by compound (see `Group`), in the order of their first row."""
    groups: dict[str, Group] = {}
    for index, row in enumerate(rows):
        text = row.compound.strip()
        place = place_named(text, places) if text else None
        key = f"place:{place.id}" if place else (f"text:{fold(text)}" if text else "")
        group = groups.setdefault(key, Group(key, place.name if place else text, place))
        group.rows.append(index)
    return list(groups.values())


def worker_data(row: IntakeRow, case_id: str) -> dict[str, object]:
    """What a "new" row makes of a worker."""
    return {"case_id": case_id, "full_name": row.name, "other_spellings": row.other_names,
            "sex": row.sex, "date_of_birth": row.date_of_birth, "age": row.age,
            "nationality": row.nationality, "home_province": row.home_province,
            "phone": row.phone or None, "passport_number": row.passport, "notes": row.notes}


class IntakesPart(Part):
    """Lists taken in, reviewed and confirmed (see the module's doc)."""

    def intakes(self) -> list[Intake]:
        """Every intake, the last received first."""
        return sorted(self._all(Intake), key=lambda i: (i.received_on, i.id), reverse=True)

    def open_intakes(self) -> list[Intake]:
        return [i for i in self.intakes() if i.status is IntakeStatus.OPEN]

    def intake(self, intake_id: str) -> Intake:
        return self._one(Intake, intake_id)

    def save_intake(self, intake: Intake) -> Intake:
        """Save an open intake, its rows and decisions as they are (the officer's review is
        saved as it goes). A confirmed or abandoned one is not changed any more."""
        with self.transaction():
            self._must_be_open(intake.id)
            if intake.status is not IntakeStatus.OPEN:
                raise RuleRefused(_("An intake is confirmed or abandoned by its own step, "
                                    "not by saving it."))
            self._must_exist(Organisation, [intake.source_org_id], _("The organisation"))
            for row in intake.rows:
                if row.worker_id is not None and self._doc(Worker, row.worker_id) is None:
                    raise RuleRefused(_("{row}: the worker is not in Pulang any more.")
                                      .format(row=row.label))
            return self._save(intake)

    def decide_row(self, intake_id: str, index: int, decision: RowDecision | None,
                   worker_id: str | None = None) -> Intake:
        """One row's decision, saved at once: "match" with the worker it is, "new", "skip",
        or None (not reviewed)."""
        with self.transaction():
            intake = self.intake(intake_id)
            rows = list(intake.rows)
            keep = worker_id if decision is RowDecision.MATCH else None
            rows[index] = rows[index].model_copy(update={"decision": decision,
                                                        "worker_id": keep})
            return self.save_intake(build(Intake, {**intake.model_dump(), "rows": rows}))

    def abandon_intake(self, intake_id: str) -> Intake:
        """Give up an open intake: nothing is made of it, and its rows are blanked."""
        with self.transaction():
            intake = self._must_be_open(intake_id)
            return self._save(intake.model_copy(update={
                "status": IntakeStatus.ABANDONED, "rows": [r.blanked() for r in intake.rows]}))

    def remove_intake(self, intake_id: str) -> None:
        with self.transaction():
            self._remove(Intake, intake_id)

    def _must_be_open(self, intake_id: str) -> Intake:
        doc = self._doc(Intake, intake_id)
        if doc is None:
            return None  # type: ignore[return-value]  # a new one
        intake = self._read(Intake, doc)
        if intake.status is not IntakeStatus.OPEN:
            raise RuleRefused(_("This intake is {status}: it is not changed any more.").format(
                status=_("confirmed") if intake.status is IntakeStatus.CONFIRMED
                else _("abandoned")))
        return intake

    def confirm_intake(self, intake_id: str, officer: str, destination_country: str | None = None,
                       countries: Mapping[str, str] | None = None) -> Intake:
        """Make what the officer decided, in one atomic change (see the module's doc). Every
        row must be decided. A group's case is in the country of the registry's place, else
        `countries[group key]`, else `destination_country`, else the intake's; RuleRefused
        when none says it, or when a "new" row does not make a valid worker (naming it)."""
        with self.audit_as(audit.INTAKE_CONFIRMED), self.transaction():
            intake = self._must_be_open(intake_id)
            if intake is None:
                raise RuleRefused(_("No such intake."))
            undecided = [r.label for r in intake.rows if r.decision is None]
            if undecided:
                raise RuleRefused(ngettext(
                    "{count} row is not reviewed yet: {rows}.",
                    "{count} rows are not reviewed yet: {rows}.", len(undecided)).format(
                    count=len(undecided), rows=shorten(", ".join(undecided), 120)))
            rows = list(intake.rows)
            kept = [r if r.decision is not RowDecision.SKIP else r.model_copy(
                update={"compound": ""}) for r in rows]
            groups = [g for g in group_rows(kept, self._all(Place))
                      if any(rows[i].decision is not RowDecision.SKIP for i in g.rows)]
            case_ids: list[str] = []
            for number, group in enumerate(groups, start=1):
                title = intake.title if len(groups) == 1 else _(
                    "{title}, group {number} of {count}").format(
                    title=intake.title, number=number, count=len(groups))
                case = self._group_case(intake, group, rows, countries or {},
                                        destination_country, title)
                case_ids.append(case.id)
                self._fill_group(intake, case, group, rows, officer)
            inquiries = {q.id: q for q in self._all(Inquiry)}
            for row in rows:
                inquiry = inquiries.get(row.inquiry_id or "")
                if (inquiry is not None and row.worker_id and inquiry.status
                        is InquiryStatus.OPEN and row.worker_id not in inquiry.rejected_ids):
                    self._save(inquiry.model_copy(update={"pending_worker_id": row.worker_id}))
            return self._save(intake.model_copy(update={
                "status": IntakeStatus.CONFIRMED, "rows": [r.blanked() for r in rows],
                "case_ids": case_ids, "confirmed_on": clock.today(), "confirmed_by": officer}))

    def _group_case(self, intake: Intake, group: Group, rows: list[IntakeRow],
                    countries: Mapping[str, str], fallback: str | None, title: str) -> Case:
        """The group's case. Its title is public, so the compound (sensitive, as the
        registry's places are) is not in it: `_fill_group` says it in the log."""
        country = ((group.place.country if group.place else None) or countries.get(group.key)
                   or fallback or intake.destination_country)
        if not country:
            raise RuleRefused(_("Say the country of the group case for {group}.").format(
                group=shorten(group.name) if group.name else _("the rows without a compound")))
        origins = Counter(rows[i].nationality for i in group.rows if rows[i].nationality)
        return self.save_case(build(Case, {
            "title": shorten(title, 200), "kind": CaseKind.GROUP,
            "destination_country": country,
            "origin_country": origins.most_common(1)[0][0] if origins else None,
            "reached_via": REACHED_VIA.get(intake.source, ReachedVia.PARTNER_REFERRAL),
            "date_reported": intake.received_on}))

    def _fill_group(self, intake: Intake, case: Case, group: Group, rows: list[IntakeRow],
                    officer: str) -> None:
        """The group's new workers, and the log entries of its rows linked to workers."""
        linked: list[Worker] = []
        for index in group.rows:
            row = rows[index]
            if row.decision is RowDecision.NEW:
                try:
                    worker = self.save_worker(build(Worker, worker_data(row, case.id)))
                except RecordInvalid as invalid:
                    raise RuleRefused(_("{row}: {problem}").format(
                        row=row.label, problem="; ".join(invalid.errors.values()))) from None
                rows[index] = row.model_copy(update={"worker_id": worker.id,
                                                     "case_id": case.id})
            elif row.decision is RowDecision.MATCH and row.worker_id:
                linked.append(self.get(Worker, row.worker_id))
                rows[index] = row.model_copy(update={"case_id": case.id})
        self._held_at(intake, case, group, rows, officer)
        said: list[str] = []
        for worker in linked:
            other = self.get(Case, worker.case_id)
            number = worker_numbers(self.workers_of(worker.case_id)).get(worker.id)
            self._save(build(LogEntry, {
                "case_id": worker.case_id, "worker_ids": [worker.id], "recorded_by": officer,
                "summary": _("Listed in {title} on {date}: case {ref}").format(
                    title=intake.title, date=format_date(intake.received_on), ref=case.ref)}))
            said.append(_("{ref} No. {number}").format(ref=other.ref, number=number))
        if said:
            self._save(build(LogEntry, {
                "case_id": case.id, "recorded_by": officer,
                "summary": ngettext("Already in Pulang, linked: {workers}",
                                    "Already in Pulang, linked ({count}): {workers}",
                                    len(said)).format(count=len(said),
                                                      workers=", ".join(said))}))

    def _held_at(self, intake: Intake, case: Case, group: Group, rows: list[IntakeRow],
                 officer: str) -> None:
        """Where the list says the group was held: a log entry of the group case, and for the
        registry's place when one is named so, a link of each new worker to it (alleged,
        reported by the list's sender)."""
        if not group.name:
            return
        self._save(build(LogEntry, {
            "case_id": case.id, "recorded_by": officer,
            "summary": _("{title}: held at {compound}, as the list says").format(
                title=intake.title, compound=group.name)}))
        if group.place is None:
            return
        source = SourceKind.POLICE if intake.source is IntakeSource.POLICE else \
            SourceKind.PARTNER
        for index in group.rows:
            row = rows[index]
            if row.decision is RowDecision.NEW and row.worker_id:
                self._save(build(RegistryLink, {
                    "case_id": case.id, "place_id": group.place.id, "worker_id": row.worker_id,
                    "source": source, "certainty": Certainty.ALLEGED,
                    "reported_by": shorten(intake.title, 200),
                    "reported_on": intake.received_on}))

    def _tracing_after_removal(self, worker_id: str, erased: bool = False) -> None:
        """A worker removed or erased: an open intake's row matched to them is blanked
        (erased) or undecided (removed); an inquiry that found them keeps the id of the bare
        record when erased, and opens again, its match gone, when they are removed."""
        for intake in self._all(Intake):
            rows = list(intake.rows)
            for index, row in enumerate(rows):
                if row.worker_id != worker_id:
                    continue
                if erased:
                    rows[index] = row.blanked()
                elif intake.status is IntakeStatus.OPEN:
                    rows[index] = row.model_copy(update={"worker_id": None, "decision": None})
                else:
                    rows[index] = row.model_copy(update={"worker_id": None})
            if rows != intake.rows:
                self._save(intake.model_copy(update={"rows": rows}))
        if erased:
            return  # an inquiry keeps the bare record's id; its text is cleaned of the names
        for inquiry in self._all(Inquiry):
            if worker_id not in (inquiry.worker_id, inquiry.pending_worker_id,
                                 *inquiry.rejected_ids):
                continue
            update: dict[str, object] = {"rejected_ids": [
                w for w in inquiry.rejected_ids if w != worker_id]}
            if inquiry.worker_id == worker_id:
                update.update(worker_id=None, status=InquiryStatus.OPEN)
            if inquiry.pending_worker_id == worker_id:
                update["pending_worker_id"] = None
            self._save(inquiry.model_copy(update=update))

__all__ = ["REACHED_VIA", "Group", "IntakesPart", "group_rows", "worker_data"]

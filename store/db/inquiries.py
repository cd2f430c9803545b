"""Families' inquiries in the Database: saved and removed; matched on every read against the
workers (`match_people`, one call for every open inquiry), the open intakes' rows
(`compare_people`), the registry's identifiers (the one asking may be the trafficker) and
places (the compound's name); a match confirmed or rejected by an officer; and the family told
only through `tell_family`, which refuses without the found worker's consent naming the family,
and, when the one asking is in the registry, without an officer's reason (recorded in the audit
trail).

A part of `store.db.database.Database` (see `store.db.base`); the record is
`store.domain.records.inquiry`'s, the matching `store.domain.matching.people`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.common import clock
from store.common.errors import RuleRefused
from store.common.i18n import _
from store.db.base import Part
from store.domain.matching.people import Likeness, Person, compare_people
from store.domain.parse import InputProblem
from store.domain.records import (
    Actor,
    Case,
    Consent,
    Identifier,
    Inquiry,
    Intake,
    IntakeRow,
    Place,
    Worker,
    worker_numbers,
)
from store.domain.rules.erasure import blanked
from store.domain.rules.identifiers import normalise, place_named
from store.domain.text import shorten
from store.domain.vocab import IdentifierKind, InquiryStatus, RecipientKind, label
from store.engine import audit

if TYPE_CHECKING:
    from store.db.people import PersonMatch

# The kinds a phone number is looked up under in the registry (a number is often a WhatsApp).
_PHONE_KINDS = (IdentifierKind.PHONE, IdentifierKind.WHATSAPP, IdentifierKind.TELEGRAM)


def sought_person(inquiry: Inquiry) -> Person:
    """The one an inquiry seeks, as the matching compares people."""
    return Person(name=inquiry.sought_name, other_names=tuple(inquiry.sought_other_names),
                  date_of_birth=inquiry.sought_date_of_birth, age=inquiry.sought_age,
                  sex=inquiry.sought_sex.value if inquiry.sought_sex.value != "unknown"
                  else None, nationality=inquiry.sought_nationality)


def row_person(row: IntakeRow) -> Person:
    """A row of an intake, as the matching compares people."""
    return Person(name=row.name, other_names=tuple(row.other_names),
                  date_of_birth=row.date_of_birth, age=row.age,
                  sex=row.sex.value if row.sex.value != "unknown" else None,
                  nationality=row.nationality, phone=row.phone, passport=row.passport)


@dataclass(frozen=True)
class RegistryHit:
    """The inquirer's phone or handle found in the registry."""

    identifier: Identifier
    actor: Actor | None
    place: Place | None

    @property
    def said(self) -> str:
        """"this number is used by Ken Susanto, recruiter, alleged"."""
        what = (_("this number") if self.identifier.value.startswith("+")
                else _("this handle"))
        if self.actor is not None:
            return _("{what} is used by {name}, {role}, {certainty}").format(
                what=what, name=shorten(self.actor.name), role=label(self.actor.role),
                certainty=label(self.identifier.certainty))
        if self.place is not None:
            return _("{what} is used at {place}, {certainty}").format(
                what=what, place=shorten(self.place.name),
                certainty=label(self.identifier.certainty))
        return _("{what} is in the registry, {certainty}").format(
            what=what, certainty=label(self.identifier.certainty))


@dataclass(frozen=True)
class RowHit:
    """A row of an open intake that may be the one sought."""

    intake_id: str
    title: str
    index: int
    label: str
    likeness: Likeness


@dataclass(frozen=True)
class InquiryMatches:
    """What an open inquiry may have found, computed on read (`inquiry_matches`)."""

    inquiry: Inquiry
    workers: list[PersonMatch]  # likely, best first, none the officer rejected
    rows: list[RowHit]  # of the open intakes
    inquirer_hits: list[RegistryHit]  # the one asking, in the registry
    places: list[Place]  # the registry's places the family's compound name is


class InquiriesPart(Part):
    """Families' inquiries (see the module's doc)."""

    def inquiries(self) -> list[Inquiry]:
        """Every inquiry, the last received first."""
        return sorted(self._all(Inquiry), key=lambda q: (q.received_on, q.id), reverse=True)

    def open_inquiries(self) -> list[Inquiry]:
        return [q for q in self.inquiries() if q.status is InquiryStatus.OPEN]

    def inquiry(self, inquiry_id: str) -> Inquiry:
        return self._one(Inquiry, inquiry_id)

    def save_inquiry(self, inquiry: Inquiry) -> Inquiry:
        """Save an inquiry as typed; whether and when the family was told is kept as stored
        (only `tell_family` sets it), and so is what an officer confirmed or rejected."""
        with self.transaction():
            self._must_exist(Place, [inquiry.place_id], _("The place"))
            doc = self._doc(Inquiry, inquiry.id)
            kept = ("told_family_on", "told_override", "worker_id", "pending_worker_id",
                    "rejected_ids", "status")
            before = self._read(Inquiry, doc) if doc is not None else Inquiry(
                inquirer_name="-", sought_name="-")
            update = {name: getattr(before, name) for name in kept}
            if doc is not None and inquiry.status is InquiryStatus.CLOSED:
                update["status"] = InquiryStatus.CLOSED  # closing is the officer's to do
            elif doc is not None and before.status is InquiryStatus.CLOSED:
                update["status"] = inquiry.status if inquiry.status is InquiryStatus.OPEN \
                    and before.worker_id is None else before.status
            return self._save(inquiry.model_copy(update=update))

    def remove_inquiry(self, inquiry_id: str, version: int | None = None) -> None:
        with self.transaction():
            for intake in self._all(Intake):
                if any(r.inquiry_id == inquiry_id for r in intake.rows):
                    self._save(intake.model_copy(update={"rows": [
                        r.model_copy(update={"inquiry_id": None})
                        if r.inquiry_id == inquiry_id else r for r in intake.rows]}))
            self._remove(Inquiry, inquiry_id, version)

    def erase_inquiry(self, inquiry_id: str) -> Inquiry:
        """Erase what an inquiry holds of anyone (the family asks, or the law): every personal
        and sensitive field back to empty, the bare record kept for the counts, closed."""
        with self.audit_as(audit.ERASE), self.transaction():
            inquiry = self.inquiry(inquiry_id)
            return self._save(inquiry.model_copy(update={
                **blanked(Inquiry), "handles": [], "status": InquiryStatus.CLOSED,
                "consent_given_on": None,
                "pending_worker_id": None}))

    # -- matching ----------------------------------------------------------------------------

    def inquirer_hits(self, inquiry: Inquiry) -> list[RegistryHit]:
        """The one asking's phone and handles as the registry knows them (see the module's
        doc): checked before anyone replies."""
        wanted: list[tuple[IdentifierKind, str]] = []
        if inquiry.inquirer_phone:
            wanted.extend((kind, inquiry.inquirer_phone) for kind in _PHONE_KINDS)
        wanted.extend((h.kind, h.value) for h in inquiry.handles)
        actors = {a.id: a for a in self._all(Actor)}
        places = {p.id: p for p in self._all(Place)}
        hits: dict[str, RegistryHit] = {}
        for kind, value in wanted:
            try:
                found = self.find_identifier(kind, normalise(kind, value))
            except InputProblem:
                continue
            if found is not None and found.id not in hits:
                hits[found.id] = RegistryHit(found, actors.get(found.actor_id or ""),
                                             places.get(found.place_id or ""))
        return list(hits.values())

    def compound_places(self, inquiry: Inquiry) -> list[Place]:
        """The registry's places the inquiry names: linked, or the family's compound name."""
        places = self.places()
        named = place_named(inquiry.compound_name, places)
        return [p for p in places if p.id == inquiry.place_id or p is named]

    def inquiry_matches(self) -> list[InquiryMatches]:
        """For each open inquiry, what it may have found (see `InquiryMatches`): computed on
        every read, so a new worker, intake or registry entry shows at once."""
        inquiries = self.open_inquiries()
        if not inquiries:
            return []
        most = 3 + max(len(q.rejected_ids) for q in inquiries)
        people = [sought_person(q) for q in inquiries]
        found = self.match_people(people, limit=most)
        rows = [(intake, index, row, row_person(row)) for intake in self.open_intakes()
                for index, row in enumerate(intake.rows) if row.name]
        out = []
        for inquiry, person, matches in zip(inquiries, people, found, strict=True):
            likely = [m for m in matches if m.likely and m.worker_id not in inquiry.rejected_ids]
            hits = []
            for intake, index, row, other in rows:
                likeness = compare_people(person, other)
                if likeness.likely:
                    hits.append(RowHit(intake.id, intake.title, index, row.label, likeness))
            out.append(InquiryMatches(inquiry, likely[:3], hits, self.inquirer_hits(inquiry),
                                      self.compound_places(inquiry)))
        return out

    def inquiry_lines(self) -> list[str]:
        """Today's lines: "inquiry <who> <sought> may be worker N of REF", one per open
        inquiry and worker it may be (a match pending an officer's confirmation first)."""
        lines = []
        for found in self.inquiry_matches():
            inquiry = found.inquiry
            ids = [inquiry.pending_worker_id] if inquiry.pending_worker_id else []
            ids += [m.worker_id for m in found.workers if m.worker_id not in ids]
            for worker_id in ids:
                said = self._worker_said(worker_id)
                if said is not None:
                    lines.append(_("inquiry {who} {sought} may be worker {number} of {ref}")
                                 .format(who=shorten(inquiry.inquirer_name, 30),
                                         sought=shorten(inquiry.sought_name, 30), **said))
        return lines

    def _worker_said(self, worker_id: str) -> dict[str, object] | None:
        doc = self._doc(Worker, worker_id)
        if doc is None:
            return None
        case = self.get(Case, doc["case_id"])
        number = worker_numbers(self.workers_of(case.id)).get(worker_id)
        return {"number": number, "ref": case.ref}

    # -- an officer's decisions ---------------------------------------------------------------

    def confirm_inquiry_match(self, inquiry_id: str, worker_id: str) -> Inquiry:
        """The officer confirms the worker is the one sought: the inquiry is found. Nothing is
        told to the family by this (`tell_family`)."""
        with self.transaction():
            inquiry = self.inquiry(inquiry_id)
            self.get(Worker, worker_id)
            return self._save(inquiry.model_copy(update={
                "status": InquiryStatus.FOUND, "worker_id": worker_id,
                "pending_worker_id": None,
                "rejected_ids": [w for w in inquiry.rejected_ids if w != worker_id]}))

    def reject_inquiry_match(self, inquiry_id: str, worker_id: str) -> Inquiry:
        """The officer says the worker is not the one sought: never proposed again."""
        with self.transaction():
            inquiry = self.inquiry(inquiry_id)
            update: dict[str, object] = {"rejected_ids": [*inquiry.rejected_ids, worker_id]}
            if inquiry.pending_worker_id == worker_id:
                update["pending_worker_id"] = None
            if inquiry.worker_id == worker_id:
                update.update(worker_id=None, status=InquiryStatus.OPEN)
            return self._save(inquiry.model_copy(update=update))

    def tell_family(self, inquiry_id: str, override: str = "") -> Inquiry:
        """Record that the family was told the one they sought was found. RuleRefused, in
        words, unless the inquiry is found, the found worker's consent names the family and
        is not withdrawn, and the one asking has no registry hit, or `override` gives the
        officer's reason to tell them anyway (the audit trail records it)."""
        with self._lock:
            self._engine.refresh()
            inquiry = self.inquiry(inquiry_id)
            if inquiry.status is not InquiryStatus.FOUND or inquiry.worker_id is None:
                raise RuleRefused(_("Not told: no worker is confirmed as the one sought yet."))
            consent = self._per_worker(Consent, inquiry.worker_id)
            if (consent is None or consent.withdrawn_on is not None
                    or RecipientKind.FAMILY not in consent.recipients):
                raise RuleRefused(_("Not told: the worker's consent does not name their "
                                    "family. Ask the worker first, and record their consent."))
            hits = self.inquirer_hits(inquiry)
            reason = override.strip() if hits else ""
            if hits and not reason:
                raise RuleRefused(_("Not told: the one asking is in the registry ({hits}). "
                                    "They may be the trafficker: give your reason to tell "
                                    "them anyway.").format(hits="; ".join(h.said for h in hits)))
            action = audit.FAMILY_TOLD_OVERRIDE if hits else audit.FAMILY_TOLD
            with self.audit_as(action, reason or None), self.transaction():
                return self._save(inquiry.model_copy(update={
                    "told_family_on": clock.today(), "told_override": reason}))

__all__ = ["InquiriesPart", "InquiryMatches", "RegistryHit", "RowHit", "row_person",
           "sought_person"]

"""One organisation: its type, place, parent and notes, then its people, member organisations,
cases, meetings and agreements.
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from store import N_, NotFound, _, format_date, format_number, ngettext
from store.domain import (
    MIN_ANSWERED,
    Organisation,
    Person,
    country_name,
    label,
    printable,
    shorten,
)
from tui.dialogs.picker import PickItem
from tui.screens.directory.base import _REF, Lines, first_line, place
from tui.screens.directory.organisation_form import OrganisationForm
from tui.screens.directory.partner import PartnerPart
from tui.screens.directory.person_form import PersonForm
from tui.screens.directory.record import _likely_first, _RecordScreen
from tui.screens.tasks import organisation_items

if TYPE_CHECKING:
    from store.db import Database


def reply_words(days: list[int]) -> str:
    """How long the organisation usually takes to answer a request, from the log."""
    if len(days) < MIN_ANSWERED:
        return ngettext("Days to reply: not computed, {count} request answered (fewer than "
                        "{least})", "Days to reply: not computed, {count} requests answered "
                        "(fewer than {least})", len(days)).format(count=len(days),
                                                                 least=MIN_ANSWERED)
    median = statistics.median(days)
    return ngettext("Usually replies in {days} day (median of {count} answered requests)",
                    "Usually replies in {days} days (median of {count} answered requests)",
                    1 if median == 1 else 2).format(days=format_number(median),
                                                    count=len(days))


class OrganisationScreen(PartnerPart, _RecordScreen):
    kind = "organisation"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="organisation.back"),
        Binding("e", "edit", N_("Edit"), id="organisation.edit"),
        Binding("n", "new_person", N_("Add person"), id="organisation.new_person"),
        # Before Merge: where a language's words are longer, Merge (in F1) is cut first.
        Binding("s", "sync_partner", N_("Sync partner"), id="organisation.sync_partner"),
        Binding("M", "merge", N_("Merge"), id="organisation.merge"),
        Binding("d", "remove", N_("Remove"), id="organisation.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="organisation.help"),
    ]
    HELP = N_(
        "One organisation: its type, place, the organisation it is a member of, other names "
        "and notes; then its people (those who were there once are marked former), its "
        "member organisations, the cases whose log names it or its people, its meetings and "
        "its agreements. Enter opens the line under the cursor. e edits the organisation; n "
        "adds a person to it. Shift+M merges a duplicate into this organisation: choose the "
        "other record, confirm, and its names, people, members and every link move here "
        "(recorded in the audit trail). d removes it, which is refused while anything names "
        "it: merge it instead. s syncs with it as a partner: the cases shared with it go to "
        "its own database on the hub, under their own key, and what it adds to them comes "
        "back; the first time it asks that database's address and credentials, and without a "
        "cooperation agreement covering data sharing in force it asks a reason to share "
        "anyway (recorded). The lines under its facts then say its last sync, the changes "
        "waiting, the conflicts to decide (on Today), the cases shared and under which "
        "agreement. Escape goes back."
    )

    def __init__(self, org_id: str) -> None:
        super().__init__(org_id)
        self.org: Organisation | None = None
        self.facts: list[str] = []

    @property
    def record_name(self) -> str:
        return self.org.name if self.org is not None else ""

    def load(self, db: Database) -> None:
        org = db.organisation(self.record_id)
        self.org, self.record_id = org, org.id
        self.parent_org: Organisation | None = None
        if org.parent_id:
            try:
                self.parent_org = db.organisation(org.parent_id)
            except NotFound:
                self.parent_org = None
        self.staff = db.people_of(org.id, former=True)
        self.member_orgs = db.members_of(org.id)
        case_ids = db.cases_of(org.id)
        self.open_list = db.open_requests(org.id)
        self.replies = db.partner_replies(org.id)
        rows = {row.id: row for row in db.case_rows()} if case_ids or self.open_list else {}
        self.refs = {case_id: row.ref for case_id, row in rows.items()}
        self.case_list = [rows[c] for c in case_ids if c in rows]
        self.meeting_list = db.meetings_with(org.id)
        self.agreement_list = db.agreements_of(org.id)
        self.title = printable(org.shown_name, limit=200)
        facts = [" · ".join(x for x in (label(org.kind), place(org.city, org.country)) if x)]
        if self.parent_org is not None:
            facts.append(_("Member of {name}").format(name=self.parent_org.shown_name))
        if org.other_names:
            facts.append(f"{Organisation.field_label('other_names')}: "
                         f"{', '.join(org.other_names)}")
        if org.notes.strip():
            facts.append(f"{Organisation.field_label('notes')}: {first_line(org.notes)}")
        if self.replies or self.open_list:  # an organisation asked nothing says nothing
            facts.append(reply_words(self.replies))
        self.facts = facts
        self.show_all_facts()
        self.read_partner()

    def show_all_facts(self) -> None:
        """Its facts, then its domain's status as a partner."""
        self.show_facts([*self.facts, *self.partner_words()])

    def fill(self, lines: Lines, width: int) -> None:
        org = self.org
        assert org is not None
        current = [p for p in self.staff if p.org_id == org.id]
        former = [p for p in self.staff if p.org_id != org.id]
        lines.heading(_("People"), len(self.staff))
        name_width = 28
        for person in current:
            lines.row(f"p:{person.id}", self.open("person", person.id),
                      (person.name_in_rows, name_width), (person.title, width - name_width - 1))
        for person in former:
            role = next((r for r in reversed(person.history) if r.org_id == org.id), None)
            was = _("former: {title}").format(title=role.title if role else "")
            lines.row(f"p:{person.id}", self.open("person", person.id),
                      (person.name_in_rows, name_width), (was, width - name_width - 1))
        if self.parent_org is not None:
            lines.heading(_("Member of"), 1)
            lines.row(f"o:{self.parent_org.id}", self.open("organisation", self.parent_org.id),
                      (self.parent_org.shown_name, width))
        lines.heading(_("Member organisations"), len(self.member_orgs))
        for member in self.member_orgs:
            lines.row(f"o:{member.id}", self.open("organisation", member.id),
                      (member.shown_name, width - 19), (country_name(member.country), 18))
        lines.heading(_("Cases"), len(self.case_list))
        for row in self.case_list:
            lines.row(f"c:{row.id}", self.open_case(row.id), (row.ref, _REF),
                      (row.title, width - _REF - 1))
        if self.open_list:
            lines.heading(_("Open requests"), len(self.open_list))
        for entry in self.open_list:
            state = label(entry.request_state) if entry.request_state else ""
            lines.row(f"r:{entry.id}", self.open_case(entry.case_id),
                      (self.refs.get(entry.case_id, ""), _REF),
                      (f"{format_date(entry.at.date())} {state}", 24),
                      (entry.summary, width - _REF - 26))
        self.meeting_rows(lines, self.meeting_list, width)
        self.agreement_rows(lines, _("Agreements"), self.agreement_list, width)

    def action_edit(self) -> None:
        if self.org is not None:
            self.app.push_screen(OrganisationForm(self.org, _("Edit organisation")))

    def action_new_person(self) -> None:
        if self.org is not None:
            def added(person: Person | None) -> None:
                if person is not None:
                    self.notify(_("Added to the directory."))

            self.app.push_screen(PersonForm(None, _("New person"), org_id=self.org.id), added)

    def merge_items(self, db: Database) -> list[PickItem]:
        org = self.org
        assert org is not None
        items = [i for i in organisation_items(db) if i.id != org.id]
        matches = db.similar_organisations(org.name, exclude=org.id,
                                           names=[org.acronym, *org.other_names])
        return _likely_first(items, {m.id: m.score for m in matches})

    def merge_record(self, db: Database, drop_id: str) -> Any:
        return db.merge_organisations(keep_id=self.record_id, drop_id=drop_id)

    def merge_question(self, dropped: str) -> str:
        return _("Merge «{dropped}» into «{kept}»? Its names, people, member organisations "
                 "and every link move to «{kept}»; «{dropped}» is then removed. The merge is "
                 "recorded in the audit trail.").format(dropped=shorten(dropped),
                                                        kept=shorten(self.record_name))

    def remove_record(self, db: Database) -> None:
        assert self.org is not None
        db.remove_organisation(self.org.id, self.org.version)

"""One person of the directory: their role, spellings, phones, e-mails and languages, then
their earlier roles, the log entries naming them, their meetings and the agreements they
signed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from store import N_, _, format_date
from store.domain import Person, country_name, fits_a_row, format_phone, printable, shorten
from tui.dialogs.picker import PickItem
from tui.screens.directory.base import _DATE, _REF, Lines, first_line, org_label, place
from tui.screens.directory.person_form import PersonForm
from tui.screens.directory.record import _likely_first, _RecordScreen
from tui.screens.tasks import people_items
from tui.widgets import log_kind

if TYPE_CHECKING:
    from store.db import Database


class PersonScreen(_RecordScreen):
    kind = "person"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="person.back"),
        Binding("e", "edit", N_("Edit"), id="person.edit"),
        Binding("M", "merge", N_("Merge"), id="person.merge"),
        Binding("d", "remove", N_("Remove"), id="person.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="person.help"),
    ]
    HELP = N_(
        "One person of the directory: their organisation, title and since when, other "
        "spellings of their name, phones, e-mails, languages and notes; then their earlier "
        "roles, every log entry naming them (Enter opens the case on that entry), the "
        "meetings they were at and the agreements they signed. Enter opens the line under "
        "the cursor. e edits the person. Shift+M merges a duplicate into this person: choose "
        "the other record, confirm, and its spellings, phones, roles and every link move "
        "here (recorded in the audit trail). d removes the person, which is refused while "
        "anything names them: merge instead. Escape goes back."
    )

    def __init__(self, person_id: str) -> None:
        super().__init__(person_id)
        self.person: Person | None = None

    @property
    def record_name(self) -> str:
        return self.person.name_in_rows if self.person is not None else ""

    def load(self, db: Database) -> None:
        person = db.person(self.record_id)
        self.person, self.record_id = person, person.id
        self.orgs = {o.id: o for o in db.organisations()}
        self.entries = db.entries_naming(person.id)
        rows = {row.id: row for row in db.case_rows()} if self.entries else {}
        self.refs = {case_id: row.ref for case_id, row in rows.items()}
        self.meeting_list = db.meetings_with(person.id)
        self.agreement_list = db.agreements_of(person.id)
        self.title = printable(person.name_in_rows, limit=200)
        org = self.orgs.get(person.org_id or "")
        role = " · ".join(x for x in (person.title, org.shown_name if org else "") if x)
        if person.title_since is not None and role:
            role = _("{role}, since {date}").format(role=role,
                                                   date=format_date(person.title_since))
        facts = [role]
        # A spelling in a script that does not fit a row (`fits_a_row`): as it is written,
        # last on a line of its own; the title and the lists show `name_in_rows`.
        if not fits_a_row(person.full_name):
            facts.append(f"{Person.field_label('full_name')}: {person.full_name}")
        fitting = [n for n in person.other_spellings if fits_a_row(n)]
        if fitting:
            facts.append(f"{Person.field_label('other_spellings')}: {', '.join(fitting)}")
        facts += [f"{Person.field_label('other_spellings')}: {n}"
                  for n in person.other_spellings if not fits_a_row(n)]
        if person.phones:
            facts.append(f"{Person.field_label('phones')}: "
                         f"{'; '.join(format_phone(p) for p in person.phones)}")
        if person.emails:
            facts.append(f"{Person.field_label('emails')}: {', '.join(person.emails)}")
        if person.languages or person.country:
            facts.append(" · ".join(x for x in (
                f"{Person.field_label('languages')}: {', '.join(person.languages)}"
                if person.languages else "",
                f"{Person.field_label('country')}: {country_name(person.country)}"
                if person.country else "") if x))
        if person.notes.strip():
            facts.append(f"{Person.field_label('notes')}: {first_line(person.notes)}")
        self.show_facts(facts)

    def fill(self, lines: Lines, width: int) -> None:
        person = self.person
        assert person is not None
        org = self.orgs.get(person.org_id or "")
        if org is not None:
            lines.heading(_("Organisation"), 1)
            lines.row(f"o:{org.id}", self.open("organisation", org.id),
                      (org.shown_name, width - 19), (place(org.city, org.country), 18))
        lines.heading(_("Earlier roles"), len(person.history))
        for n, role in enumerate(reversed(person.history)):
            at = self.orgs.get(role.org_id or "")
            when = " – ".join((format_date(role.since) or "…",
                               format_date(role.until) or "…")) \
                if role.since or role.until else _("dates not recorded")
            lines.row(f"r:{n}", self.open("organisation", at.id) if at else None,
                      (when, 25), (role.title, width - 25 - 16), (org_label(at), 14))
        lines.heading(_("Log entries naming them"), len(self.entries))
        kind_width = 12
        for entry in self.entries:
            lines.row(f"e:{entry.id}",
                      self.open_case(entry.case_id, {"entry": entry.id}),
                      (format_date(entry.at.astimezone().date()), _DATE),
                      (self.refs.get(entry.case_id, ""), _REF),
                      (log_kind(entry), kind_width),
                      (first_line(entry.summary), width - _DATE - _REF - kind_width - 3))
        self.meeting_rows(lines, self.meeting_list, width)
        self.agreement_rows(lines, _("Agreements signed"), self.agreement_list, width)

    def action_edit(self) -> None:
        if self.person is not None:
            self.app.push_screen(PersonForm(self.person, _("Edit person")))

    def merge_items(self, db: Database) -> list[PickItem]:
        person = self.person
        assert person is not None
        items = [i for i in people_items(db) if i.id != person.id]
        matches = db.similar_people(person.full_name, exclude=person.id,
                                    names=person.other_spellings)
        return _likely_first(items, {m.id: m.score for m in matches})

    def merge_record(self, db: Database, drop_id: str) -> Any:
        return db.merge_people(keep_id=self.record_id, drop_id=drop_id)

    def merge_question(self, dropped: str) -> str:
        return _("Merge «{dropped}» into «{kept}»? Its spellings, phones, roles and every "
                 "link move to «{kept}»; «{dropped}» is then removed. The merge is recorded "
                 "in the audit trail.").format(dropped=shorten(dropped),
                                               kept=shorten(self.record_name))

    def remove_record(self, db: Database) -> None:
        assert self.person is not None
        db.remove_person(self.person.id, self.person.version)

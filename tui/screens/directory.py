"""People & organisations (key 3): the directory, one organisation, one person.

`DirectoryScreen` lists every organisation and every person in one list with a heading for
each, narrowed by a filter line that searches every name and spelling, tolerant of spelling
differences. `OrganisationScreen` and `PersonScreen` show one record: its facts on top, then
one list of everything linked to it (people, member organisations, cases, log entries,
meetings, agreements); Enter on a line opens what it names. From either, `M` merges a
duplicate into the record on screen and `d` removes it (refused while it is named anywhere).

Directory reads are small and run on the event loop, as the case screen's do; merges and
removals go through `app.run_store`, off it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, NotFound, PulangError, _, format_date
from store.domain import (
    Organisation,
    Person,
    country_name,
    fits_a_row,
    format_phone,
    label,
    matches_query,
    printable,
    shorten,
)
from tui.caselist import fit
from tui.screens.dialogs import ConfirmDialog
from tui.screens.pickers import PickerDialog, PickItem
from tui.screens.today import TodayList
from tui.translate import TranslatedBindings
from tui.widgets import TextInput, log_kind

if TYPE_CHECKING:
    from store.db import Database
    from tui.app import PulangApp

# Room the list's border and scrollbar take from the screen's width.
_CHROME = 2
_DATE = 11
_REF = 12


def first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


class SectionList(TodayList):
    """Lines under headings; the headings cannot take the cursor. Enter opens the line."""


class Lines:
    """The options of a `SectionList`, with what Enter does on each."""

    def __init__(self) -> None:
        self.options: list[Option] = []
        self.targets: dict[str, Callable[[], None]] = {}

    def heading(self, text: str, count: int) -> None:
        shown = _("{title} ({count})").format(title=text, count=count) if count else \
            _("{title}: none").format(title=text)
        self.options.append(Option(Text(shown, style="bold underline"), disabled=True))

    def row(self, key: str, target: Callable[[], None] | None, *cells: tuple[str, int]) -> None:
        # Record text goes in as plain text, never as markup.
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(" ".join(fit(text, width) for text, width in cells))
        if target is not None:
            self.targets[key] = target
        self.options.append(Option(line, id=key))

    def show_in(self, listing: SectionList) -> None:
        keep = None
        if listing.highlighted is not None and listing.option_count:
            keep = listing.get_option_at_index(listing.highlighted).id
        listing.clear_options()
        listing.add_options(self.options)
        listing.cursor_to(keep)


def list_width(listing: SectionList, screen: Screen[Any]) -> int:
    inner = listing.scrollable_content_region.width
    return max(40, (inner or screen.size.width - _CHROME) - 1)


def org_label(org: Organisation | None) -> str:
    """An organisation in a short column: its acronym, else its name."""
    if org is None:
        return ""
    return org.acronym or org.name


def place(city: str, country: str | None) -> str:
    return ", ".join(x for x in (city, country_name(country)) if x)


class _Listing(TranslatedBindings, Screen[None]):
    """What the three screens share: a list whose lines Enter opens, reloaded on return."""

    NAVIGATION_KEYS = True  # 1-5 leave this screen

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, Callable[[], None]] = {}
        self.loaded = False

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    @property
    def db(self) -> Database:
        db = self.pulang.db
        assert db is not None
        return db

    def on_screen_resume(self) -> None:
        # Back from a form, a merge or another record: what was done there may show here.
        if self.loaded:
            self.reload()

    def others_changed(self, is_current: bool) -> None:
        """Another officer changed the database: redraw now if in front, else on return."""
        if is_current and self.loaded:
            self.reload()

    def on_resize(self) -> None:
        if self.loaded:
            self.render_view()

    def reload(self) -> None:
        raise NotImplementedError

    def render_view(self) -> None:
        raise NotImplementedError

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            target()

    # -- where Enter goes ------------------------------------------------------------------

    def open(self, kind: str, record_id: str) -> Callable[[], None]:
        return lambda: self.pulang.open_record(kind, record_id)

    def open_case(self, case_id: str, focus: dict[str, str] | None = None) -> Callable[[], None]:
        # Opening a case closes the screens in front of Today: ask first if a form among
        # them holds typing (a record opened from the likely matches of a new one).
        return self.pulang.after_leaving_forms(lambda: self.pulang.open_case(case_id, focus))


class DirectoryScreen(_Listing):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="directory.back", show=False),
        Binding("slash", "filter", N_("Filter"), id="directory.filter"),
        Binding("o", "new_organisation", N_("New organisation"), id="directory.new_org"),
        Binding("n", "new_person", N_("New person"), id="directory.new_person"),
        Binding("f1", "app.help", N_("Help"), id="directory.help"),
    ]
    HELP = N_(
        "People & organisations: every partner and counterpart organisation, then every "
        "person of the directory, with their title and organisation. / goes to the filter: "
        "type part of any name, spelling, acronym, title or city to narrow both lists (small "
        "differences of spelling are forgiven); Enter or Down goes back to the list, Escape "
        "clears the filter. Enter opens the organisation or person under the cursor. o adds "
        "an organisation, n a person: if the directory already holds someone or something "
        "much like it, you are asked first. Escape goes back to Today."
    )

    def __init__(self) -> None:
        super().__init__()
        self.organisations: list[Organisation] = []
        self.people: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(placeholder=_("/ to filter by any name, acronym, title or city"),
                        id="directory-filter", compact=True, select_on_focus=False)
        yield SectionList(id="directory", classes="section-list")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("People & organisations")
        self.set_focus(self.query_one(SectionList))
        self.pulang.when_loaded(self.reload)

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.organisations = db.organisations()
            self.people = db.people()
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        self.loaded = True
        self.render_view()

    def render_view(self) -> None:
        listing = self.query_one(SectionList)
        query = self.query_one("#directory-filter", Input).value
        width = list_width(listing, self)
        orgs = {o.id: o for o in self.organisations}
        lines = Lines()
        shown_orgs = [o for o in self.organisations
                      if not query.strip() or matches_query(query, [*o.all_names, o.city])]
        lines.heading(_("Organisations"), len(shown_orgs))
        kind_width, place_width = 22, 18
        for org in shown_orgs:
            lines.row(f"o:{org.id}", self.open("organisation", org.id),
                      (org.shown_name, width - kind_width - place_width - 2),
                      (label(org.kind), kind_width), (place(org.city, org.country), place_width))
        shown_people = []
        for person in self.people:
            org = orgs.get(person.org_id or "")
            if not query.strip() or matches_query(
                    query, [*person.all_names, person.title, *(org.all_names if org else [])]):
                shown_people.append((person, org))
        lines.heading(_("People"), len(shown_people))
        name_width, org_width = 26, 14
        for person, org in shown_people:
            lines.row(f"p:{person.id}", self.open("person", person.id),
                      (person.name_in_rows, name_width),
                      (person.title, width - name_width - org_width - 2),
                      (org_label(org), org_width))
        self.targets = lines.targets
        lines.show_in(listing)

    @on(Input.Changed, "#directory-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.loaded:
            self.render_view()

    @on(Input.Submitted, "#directory-filter")
    def _into_list(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.query_one(SectionList))

    def on_key(self, event: Any) -> None:
        if event.key == "down" and self.focused is self.query_one("#directory-filter"):
            self.set_focus(self.query_one(SectionList))
            event.stop()

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#directory-filter"))

    def action_back(self) -> None:
        field = self.query_one("#directory-filter", Input)
        if self.focused is field or field.value:
            field.value = ""
            self.set_focus(self.query_one(SectionList))
            return
        self.pulang.show_today()

    def action_new_organisation(self) -> None:
        from tui.screens.directory_forms import OrganisationForm

        self.pulang.when_loaded(lambda: self.app.push_screen(
            OrganisationForm(None, _("New organisation")), self._created("organisation")))

    def action_new_person(self) -> None:
        from tui.screens.directory_forms import PersonForm

        self.pulang.when_loaded(lambda: self.app.push_screen(
            PersonForm(None, _("New person")), self._created("person")))

    def _created(self, kind: str) -> Callable[[Any], None]:
        def created(record: Organisation | Person | None) -> None:
            if record is not None:
                self.notify(_("Added to the directory."))
                self.pulang.open_record(kind, record.id)

        return created


class _RecordScreen(_Listing):
    """One organisation or person: facts, the list of what names it, merge and remove."""

    kind: str  # "organisation" or "person"

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    @property  # type: ignore[override]
    def NAVIGATION_KEYS(self) -> bool:  # noqa: N802 - the name the app reads
        """1-5 leave this screen, unless it was opened over a form (from the likely
        matches of a new record, or the search): leaving would lose what was typed there."""
        from tui.screens.form import RecordForm

        return not any(isinstance(s, RecordForm) for s in self.app.screen_stack)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="record-facts", markup=False)
        yield SectionList(id="record-list", classes="section-list")
        yield Footer()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(SectionList))
        self.pulang.when_loaded(self.reload)

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.load(db)
        except PulangError as error:  # removed or merged away by another officer
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            if self.is_current:
                self.app.call_later(self.app.pop_screen)
            return
        self.loaded = True
        self.render_view()

    def render_view(self) -> None:
        lines = Lines()
        self.fill(lines, list_width(self.query_one(SectionList), self))
        self.targets = lines.targets
        lines.show_in(self.query_one(SectionList))

    def load(self, db: Database) -> None:
        raise NotImplementedError

    def fill(self, lines: Lines, width: int) -> None:
        raise NotImplementedError

    @property
    def record_name(self) -> str:
        raise NotImplementedError

    def show_facts(self, facts: list[str]) -> None:
        self.query_one("#record-facts", Static).update(
            "\n".join(printable(f, limit=400) for f in facts if f))

    def meeting_rows(self, lines: Lines, meetings: list[Any], width: int) -> None:
        lines.heading(_("Meetings"), len(meetings))
        for meeting in meetings:
            lines.row(f"m:{meeting.id}", self.open("meeting", meeting.id),
                      (format_date(meeting.at.astimezone().date()), _DATE),
                      (meeting.title, width - _DATE - 20), (meeting.city, 18))

    def agreement_rows(self, lines: Lines, heading: str, agreements: list[Any],
                       width: int) -> None:
        lines.heading(heading, len(agreements))
        for agreement in agreements:
            lines.row(f"a:{agreement.id}", self.open("agreement", agreement.id),
                      (agreement.title, width - 19), (label(agreement.status), 18))

    # -- merge and remove --------------------------------------------------------------------

    def merge_items(self, db: Database) -> list[PickItem]:
        raise NotImplementedError

    def merge_record(self, db: Database, drop_id: str) -> Any:
        raise NotImplementedError

    def merge_question(self, dropped: str) -> str:
        raise NotImplementedError

    def action_merge(self) -> None:
        db = self.db
        items = self.merge_items(db)
        if not items:
            self.notify(_("Nothing to merge with: it is the only one of its kind."))
            return
        names = {item.id: item.label for item in items}

        def picked(ids: list[str] | None) -> None:
            if not ids:
                return
            drop_id = ids[0]

            def answered(yes: bool | None) -> None:
                if yes:
                    self.pulang.run_store(lambda: self.merge_record(db, drop_id),
                                          self._merged, self._refused, what="merge")

            self.app.push_screen(
                ConfirmDialog(self.merge_question(names[drop_id]), _("Merge"), _("Cancel")),
                answered)

        self.app.push_screen(PickerDialog(
            _("Merge which record into «{name}»?").format(name=shorten(self.record_name)), items),
            picked)

    def _merged(self, record: Any) -> None:
        self.record_id = record.id
        self.notify(_("Merged: both records are now one."))
        self.reload()

    def _refused(self, error: PulangError) -> None:
        self.notify(printable(str(error)), title=_("Not done"), severity="error", timeout=10,
                    markup=False)

    def remove_record(self, db: Database) -> None:
        raise NotImplementedError

    def action_remove(self) -> None:
        db = self.db

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.remove_record(db), self._removed,
                                      self._refused, what="remove")

        self.app.push_screen(ConfirmDialog(
            _("Remove «{name}» from the directory?").format(name=shorten(self.record_name)),
            _("Remove"), _("Keep")), answered)

    def _removed(self, _result: object) -> None:
        self.notify(_("Removed from the directory."))
        if self.is_current:  # else it goes when it is back in front (it is not found)
            self.dismiss()

    def action_back(self) -> None:
        self.dismiss()


def _likely_first(items: list[PickItem], scores: dict[str, float]) -> list[PickItem]:
    """The likely matches first, best first, marked in their detail; then the rest."""
    marked = []
    for item in items:
        if item.id in scores:
            mark = _("likely the same ({score}%)").format(score=round(scores[item.id]))
            detail = f"{mark} · {item.detail}" if item.detail else mark
            marked.append(PickItem(item.id, item.label, detail, item.spellings))
    marked.sort(key=lambda item: -scores[item.id])
    return marked + [item for item in items if item.id not in scores]


class OrganisationScreen(_RecordScreen):
    kind = "organisation"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="organisation.back"),
        Binding("e", "edit", N_("Edit"), id="organisation.edit"),
        Binding("n", "new_person", N_("Add person"), id="organisation.new_person"),
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
        "it: merge it instead. Escape goes back."
    )

    def __init__(self, org_id: str) -> None:
        super().__init__(org_id)
        self.org: Organisation | None = None

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
        rows = {row.id: row for row in db.case_rows()} if case_ids else {}
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
        self.show_facts(facts)

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
        self.meeting_rows(lines, self.meeting_list, width)
        self.agreement_rows(lines, _("Agreements"), self.agreement_list, width)

    def action_edit(self) -> None:
        from tui.screens.directory_forms import OrganisationForm

        if self.org is not None:
            self.app.push_screen(OrganisationForm(self.org, _("Edit organisation")))

    def action_new_person(self) -> None:
        from tui.screens.directory_forms import PersonForm

        if self.org is not None:
            def added(person: Person | None) -> None:
                if person is not None:
                    self.notify(_("Added to the directory."))

            self.app.push_screen(PersonForm(None, _("New person"), org_id=self.org.id), added)

    def merge_items(self, db: Database) -> list[PickItem]:
        from tui.screens.tasks import organisation_items

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
        from tui.screens.directory_forms import PersonForm

        if self.person is not None:
            self.app.push_screen(PersonForm(self.person, _("Edit person")))

    def merge_items(self, db: Database) -> list[PickItem]:
        from tui.screens.tasks import people_items

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

"""The command palette (ctrl+p): the app's own commands, every case by its reference, and (from
three letters typed) the organisations and people of the directory by any of their names, and
the registry's places, actors and identifiers."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.strip import Strip
from textual.widgets.option_list import Option

from store import _
from store.domain import fold, printable
from tui.widgets import with_cursor

_MOST_CASES = 40
_MOST_RECORDS = 20  # organisations and people of the directory offered at most
_RECORD_QUERY = 3  # letters typed before the directory is searched

if TYPE_CHECKING:
    from tui.app import PulangApp


def _export(app: PulangApp) -> None:
    """The export dialog, over whatever is in front (a form's typing stays under it)."""
    # Imported here, not at the top, for start-up time: the export loads the database's
    # modules (pydantic, TinyDB), which the first frame goes without.
    from tui.dialogs.export import ExportDialog

    if not isinstance(app.screen, ExportDialog):
        app.push_screen(ExportDialog())


class PaletteList(CommandList):
    """The palette's commands: the highlighted one in reverse video (Textual marks it in
    colours only, lost under NO_COLOR), and "No matches found" in the user's language."""

    def render_line(self, y: int) -> Strip:
        # The choice is the palette's, wherever focus is (it stays in the search line).
        return with_cursor(self, y, super().render_line(y), focused=True)

    def add_option(self, option: Any = None) -> PaletteList:
        if isinstance(option, Option) and option.id == CommandPalette._NO_MATCHES:  # noqa: SLF001
            option = Option(Align.center(Text(_("No matches found"), style="not bold")),
                            disabled=True, id=option.id)
        super().add_option(option)
        return self


class Palette(CommandPalette):
    """Textual's command palette, in the user's language and readable without colours."""

    def __init__(self, providers: Any = None, placeholder: str | None = None,
                 id: str | None = "--command-palette") -> None:  # noqa: A002 - Textual's name
        super().__init__(providers, id=id,
                         placeholder=placeholder or _("Search for commands…"))

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield PaletteList() if type(widget) is CommandList else widget


class PulangCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        # Imported here, not at the top, for start-up time: the case page loads pydantic.
        from tui.screens.after import WorkerAfterScreen
        from tui.screens.case import CaseScreen
        from tui.screens.checkins import CheckInsScreen
        from tui.screens.directory import OrganisationScreen
        from tui.screens.intake.start import start_intake

        app: PulangApp = self.app  # type: ignore[assignment]
        common = [
            (_("Lock now"), _("Hide everything and drop the data from memory until the "
                              "passphrase is given again (Ctrl+L)"),
             partial(app.run_action, "lock")),
            (_("Help"), _("Help and keys for the screen in front"), app.action_help),
            (_("Quit"), _("Leave Pulang"), app.exit),
        ]
        sync = (_("Sync with the hub"),
                _("Send the changes made here and take the other sites' (Ctrl+Y)"),
                partial(app.run_action, "sync"))
        by_file = (_("Sync by file…"),
                   _("No link: write a file for another site, or take one it wrote (Y on "
                     "Today)"), partial(app.run_action, "sync_file"))
        if app.db is None or app.db.locked:
            return common[1:]
        here: list[tuple[str, str, object]] = []
        if isinstance(self.screen, CaseScreen):
            here.append((_("History of this case"),
                         _("Who changed what in this case, its workers and its log, and when"),
                         self.screen.action_history))
            here.append((_("Start the road home"),
                         _("Give every worker of this case without one a plan of the steps "
                           "home (p)"), self.screen.action_start_road))
            here.append((_("Screening of the worker under the cursor"),
                         _("Act, means, purpose and the ILO indicators (s)"),
                         self.screen.action_screening))
            here.append((_("Consent of the worker under the cursor"),
                         _("To whom their personal data may go (c)"),
                         self.screen.action_consent))
            here.append((_("Mark a step"),
                         _("Set the step under the cursor for the selected workers (m)"),
                         self.screen.action_mark_step))
            here.append((_("Link this log's counterparts to the directory"),
                         _("Organisations and people typed in this log that look like "
                           "records of the directory: link them (Shift+L)"),
                         self.screen.action_link_counterparts))
            here.append((_("Link this case to the registry"),
                         _("Handles and numbers typed in this case, places and actors of the "
                           "registry: link them to it (Shift+R)"),
                         self.screen.action_registry))
            here.append((_("Brief of this case…"),
                         _("Write a brief for a partner union, the police, the embassy...: "
                           "only what each worker's consent allows (b)"),
                         self.screen.action_brief))
            here.append((_("Share this case with a partner…"),
                         _("Mark it shared with an organisation of the directory, or no "
                           "longer: only what each worker's consent allows goes, at the next "
                           "sync with it (Shift+S)"), self.screen.action_share))
            here.append((_("Legal status and money of the worker under the cursor"),
                         _("Charges, detention, fines, legal aid, hearings; fees, ransom, "
                           "wages and compensation (w)"), self.screen.action_legal_money))
            here.append((_("Check-ins of the worker under the cursor"),
                         _("After the flight home: the schedule, the check-ins with their "
                           "scores, the signs of re-recruitment (i)"),
                         self.screen.action_checkins))
            here.append((_("Close or reopen the case…"),
                         _("Closed with a reason from the union's list and a note, or reopened "
                           "with a reason (Shift+C)"), self.screen.action_close_case))
            here.append((_("Close or reopen the worker under the cursor…"),
                         _("Lost contact, asked to stop...: out of Today's lists, still in the "
                           "case; or reopened (Shift+K)"), self.screen.action_close_worker))
            here.append((_("Convert this case's money totals…"),
                         _("Into one currency, at the rates you give, for this session only "
                           "($)"), self.screen.action_convert_money))
        if isinstance(self.screen, WorkerAfterScreen):
            here.append((_("New legal matter"),
                         _("A charge, detention, fine, deportation, legal aid, statement or "
                           "the case against the recruiters (n)"), self.screen.action_new_legal))
            here.append((_("New money entry"),
                         _("A fee, debt, ransom, wages, fine or compensation, at one status "
                           "(m)"), self.screen.action_new_money))
        if isinstance(self.screen, CheckInsScreen):
            here.append((_("New check-in"),
                         _("A visit, call or messages with this worker: the questions of the "
                           "union's check-in, scored (n)"), self.screen.action_new_checkin))
            here.append((_("Follow up the signs of re-recruitment"),
                         _("Say what was done about them: the worker leaves Today's signs "
                           "(f)"), self.screen.action_follow_up))
        if isinstance(self.screen, OrganisationScreen):
            here.append((_("Sync with this partner"),
                         _("Send the cases shared with this organisation to its own database "
                           "on the hub, and take what it added to them (s)"),
                         self.screen.action_sync_partner))
        return here + [
            (_("New case"), _("Record a new case"), app.new_case),
            (_("Go to case…"), _("Find a case by reference, title, place or worker name"),
             app.after_leaving_forms(app.go_to_cases_filter)),
            (_("Today"), _("What needs chasing today, across every open case (1)"),
             app.after_leaving_forms(app.show_today)),
            (_("Cases"), _("The list of all cases"), app.after_leaving_forms(app.show_cases)),
            (_("People & organisations"),
             _("The directory of partner organisations and their people (3)"),
             app.after_leaving_forms(partial(app.show_top, "directory"))),
            (_("Meetings"), _("Meetings with partners, their decisions and follow-ups (4)"),
             app.after_leaving_forms(partial(app.show_top, "meetings"))),
            (_("Agreements"), _("Cooperation agreements, their drafts and commitments (5)"),
             app.after_leaving_forms(partial(app.show_top, "agreements"))),
            (_("Dashboard"), _("Cases by stage, workers by step, new cases per month, "
                               "days to return home: counts only (6)"),
             app.after_leaving_forms(partial(app.show_top, "dashboard"))),
            (_("Registry"), _("Compounds, recruiters and the phones, handles and accounts they "
                              "use, with the cases each is seen in (7)"),
             app.after_leaving_forms(partial(app.show_top, "registry"))),
            (_("Intake a list…"), _("An embassy's, shelter's or police list of people released: "
                                    "every row matched against every case, triaged, then "
                                    "confirmed into group cases (i)"),
             app.after_leaving_forms(partial(start_intake, app))),
            (_("Family inquiries"), _("Families looking for their own, and the workers they "
                                      "may have found, to confirm (8)"),
             app.after_leaving_forms(partial(app.show_top, "inquiries"))),
            # Over a form too: it opens on top, and Escape comes back to what was typed.
            (_("Search everything"),
             _("Cases, workers, organisations, people, meetings and agreements (Ctrl+F)"),
             app.action_search),
            (_("Export…"), _("Write the database to a file: json (a backup), csv or htcds "
                             "statistics (e on Today)"), partial(_export, app)),
            sync,
            by_file,
            *common,
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
        app: PulangApp = self.app  # type: ignore[assignment]
        if app.db is None or app.db.locked or not query.strip():
            return
        # A plain substring test first, on the rows' folded text: fuzzy matching every one of
        # fifty thousand cases on each keystroke would freeze the palette.
        wanted = fold(query)
        prefix = _("Go to case")
        shown = 0
        for row in app.db.case_rows():
            if wanted not in row.search_text:
                continue
            text = printable(f"{prefix} {row.ref} {row.title}", limit=200)
            # Content, not matcher.highlight(): that reads the title as markup, and a title
            # is whatever was typed ("[/]" would crash the palette, "[@click=...]" run actions).
            yield Hit(max(matcher.match(text), 0.5), Content(text),
                      app.after_leaving_forms(partial(app.open_case, row.id)), text=text,
                      help=_("Open this case"))
            shown += 1
            if shown == _MOST_CASES:
                break
        if len(query.strip()) >= _RECORD_QUERY:
            for hit in self._directory_hits(query):
                yield hit

    def _directory_hits(self, query: str) -> list[Hit]:
        """Organisations and people whose names (any of them) match `query`, to open."""
        from store.domain import country_name, matches_query

        app: PulangApp = self.app  # type: ignore[assignment]
        db = app.db
        assert db is not None
        matcher = self.matcher(query)
        prefix = _("Open:")
        orgs = db.organisations()
        org_names = {o.id: o.acronym or o.name for o in orgs}
        found: list[tuple[str, str, str, str]] = []  # kind, id, name, help
        for org in orgs:
            if matches_query(query, org.all_names):
                about = [_("Organisation in the directory"), org.city,
                         country_name(org.country)]
                found.append(("organisation", org.id, org.shown_name,
                              " · ".join(x for x in about if x)))
        for person in db.people():
            if matches_query(query, person.all_names):
                about = [_("Person in the directory"), person.title,
                         org_names.get(person.org_id or "", "")]
                found.append(("person", person.id, person.name_in_rows,
                              " · ".join(x for x in about if x)))
        found += self._registry_found(query)
        hits = []
        for kind, record_id, name, about in found[:_MOST_RECORDS]:
            text = printable(f"{prefix} {name}", limit=200)
            # Content, not matcher.highlight(): a name is whatever was typed, never markup.
            hits.append(Hit(max(matcher.match(text), 0.5), Content(text),
                            partial(app.open_record, kind, record_id), text=text,
                            help=printable(about, limit=200)))
        return hits

    def _registry_found(self, query: str) -> list[tuple[str, str, str, str]]:
        """Places and actors of the registry by any of their names, identifiers by part of
        their value; each said alleged or confirmed."""
        from store.domain import fold, label, matches_query

        app: PulangApp = self.app  # type: ignore[assignment]
        db = app.db
        assert db is not None
        wanted = fold(query.strip().lstrip("@+"))
        found: list[tuple[str, str, str, str]] = []
        for place in db.places():
            if matches_query(query, place.all_names):
                found.append(("place", place.id, place.name, " · ".join(
                    (_("Place in the registry"), label(place.kind), label(place.certainty)))))
        for actor in db.actors():
            if matches_query(query, actor.all_names):
                found.append(("actor", actor.id, actor.name, " · ".join(
                    (_("Actor in the registry"), label(actor.role), label(actor.certainty)))))
        for identifier in db.identifiers():
            if wanted and wanted in fold(identifier.value):
                found.append(("identifier", identifier.id,
                              f"{label(identifier.kind)} {identifier.value}", " · ".join(
                                  (_("Identifier in the registry"),
                                   label(identifier.certainty)))))
        return found

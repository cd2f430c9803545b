"""The command palette (ctrl+p): the app's own commands, and every case by its reference."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from store.i18n import _
from store.text import fold, printable

_MOST_CASES = 40

if TYPE_CHECKING:
    from tui.app import PulangApp


class PulangCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        from tui.screens.case import CaseScreen

        app: PulangApp = self.app  # type: ignore[assignment]
        common = [
            (_("Lock now"), _("Hide everything and drop the data from memory until the "
                              "passphrase is given again (Ctrl+L)"), partial(app.run_action, "lock")),
            (_("Help"), _("Help and keys for the screen in front"), app.action_help),
            (_("Quit"), _("Leave Pulang"), app.exit),
        ]
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
        return here + [
            (_("New case"), _("Record a new case"), app.new_case),
            (_("Go to case…"), _("Find a case by reference, title, place or worker name"),
             app.after_leaving_forms(app.go_to_cases_filter)),
            (_("Today"), _("What needs chasing today, across every open case (1)"),
             app.after_leaving_forms(app.show_today)),
            (_("Cases"), _("The list of all cases"), app.after_leaving_forms(app.show_cases)),
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
                return

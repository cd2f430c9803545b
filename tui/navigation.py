"""Going between the app's screens, for the keys, the palette and the screens' links: Today, the
cases list, a case (new or open), the other top screens, any record by its kind, the search.

A mixin of `PulangApp` (tui/app.py): `self` is the app. Where the officer works from (the cases
list, and Today over it when open) stays under what opens; the rest is closed first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store import _
from tui.screens.today import TodayScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from store.domain import Case
    from tui.screens.cases import CasesScreen


class Navigation:
    """Opening screens in front of Today or the cases list (mixed into PulangApp)."""

    def _home_depth(self) -> int:
        """How many screens stay when going back to where the officer works from: the
        default screen and the cases list, and Today above them when it is open."""
        stack = self.screen_stack
        return 3 if len(stack) > 2 and isinstance(stack[2], TodayScreen) else 2

    def open_case(self, case_id: str, focus: dict[str, str] | None = None) -> None:
        """Open a case, with the cursor on `focus` (see CaseScreen) if given. It opens over
        Today or over the list, whichever the officer works from, and Escape goes back there."""
        from tui.screens.case import CaseScreen

        while len(self.screen_stack) > self._home_depth():
            self.pop_screen()
        self.push_screen(CaseScreen(case_id, focus=focus))

    def new_case(self, draft: dict[str, Any] | None = None, focus: str | None = None) -> None:
        from tui.screens.case.case_form import CaseForm

        def created(case: Case | None) -> None:
            if case is not None:
                self.notify(_("Case {ref} recorded.").format(ref=case.ref))
                self.open_case(case.id)

        form = CaseForm(None, _("New case"))
        form.restore_values = draft
        form.restore_focus = focus
        self.push_screen(form, created)

    def show_cases(self) -> CasesScreen:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not self._load_started:
            self._first_frame_painted()
        return self.cases_screen

    def go_to_cases_filter(self) -> None:
        self.show_cases().action_filter()

    def show_today(self) -> TodayScreen:
        """Today, in front: the one open comes back (and refreshes), else a new one."""
        depth = self._home_depth()
        while len(self.screen_stack) > depth:
            self.pop_screen()
        if depth == 3:
            return self.screen_stack[2]  # type: ignore[return-value]
        screen = TodayScreen()
        self.push_screen(screen)
        return screen

    def action_show_today(self) -> None:
        if not isinstance(self.screen, TodayScreen):
            self.show_today()

    def action_show_cases(self) -> None:
        self.show_cases()

    def show_top(self, which: str) -> Screen[Any]:
        """People & organisations, Meetings or Agreements, in front of Today or the list
        (Escape goes back there); the one already in front stays."""
        screen = self.SCREENS[which]()
        if isinstance(self.screen, type(screen)):
            return self.screen  # the new one, never shown, goes
        while len(self.screen_stack) > self._home_depth():
            self.pop_screen()
        self.push_screen(screen)
        return screen

    def action_show_top(self, which: str) -> None:
        self.show_top(which)

    def open_record(self, kind: str, record_id: str, case_id: str | None = None) -> None:
        """Open any record by its kind: a case (or a worker in it), an organisation, a person,
        a meeting or an agreement (the global search and the screens' links)."""
        if kind in ("case", "worker"):
            self.open_case(case_id or record_id,
                           focus={"worker": record_id} if kind == "worker" else None)
            return
        self.push_screen(self.RECORD_SCREENS[kind](record_id))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

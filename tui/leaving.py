"""Leaving: Ctrl+Q in turn with the keys typed before it, after the saves asked for, and a
question first when a form or a dialog holds typing not saved; the same question before a
palette command closes the screens in front.

A mixin of `PulangApp` (tui/app.py): `self` is the app.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from store import _

if TYPE_CHECKING:
    from tui.app import PulangApp


class Leaving:
    """Quitting and closing forms without losing typing (mixed into PulangApp)."""

    def holds_unsaved_input(self) -> bool:
        """Whether a form or a dialog open, in front or under other screens, holds typing not
        saved: each says so by its `is_dirty` (forms, the step dialog, the brief and export
        dialogs, the import screen, the screening page...). While locked, the forms put away
        under the lock count as they were when it locked."""
        from textual.css.query import NoMatches

        if self._drafts_unsaved:
            return True
        for screen in self.screen_stack:
            if not screen.is_mounted:  # not shown yet: nothing typed in it
                continue
            with contextlib.suppress(NoMatches):
                if getattr(screen, "is_dirty", False):
                    return True
        return False

    def action_quit(self) -> None:
        """Ctrl+Q (and Quit in the palette, or on the lock screen). It arrives as a priority
        key, ahead of the keys typed before it that are still on their way up from the focused
        field: a Ctrl+S right before it (one burst over SSH) had not started its save when the
        app ended, and what the officer saved was lost. So it goes the same way as those keys,
        and is acted on once they have been (`on_pulang_app_quit_in_turn`)."""
        (self.focused or self.screen).post_message(self.QuitInTurn())

    async def on_pulang_app_quit_in_turn(self, message: PulangApp.QuitInTurn) -> None:
        """At once, unless something typed is not saved; then it asks, and no keeps everything
        as it was. First every save already asked for runs (a save is a worker, which the
        end of the app would cancel before it began): a form it saved is closed by then and no
        longer counts as unsaved typing; one it refused still does."""
        message.stop()
        await self.store_jobs_settled()
        unsaved = self.holds_unsaved_input()
        if not unsaved and not self.sync_running:
            self.exit()
            return
        if self._quit_question is not None and self.screen is self._quit_question:
            return  # asked already: y or n answers
        from tui.dialogs.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            self._quit_question = None
            if leave:
                self.exit()

        self._quit_question = ConfirmDialog(
            _("Quit Pulang? What you typed and did not save will be lost."), _("Quit"),
            _("Keep editing")) if unsaved else ConfirmDialog(
            _("A sync is running. Quit anyway? Nothing is lost: it finishes by itself, or the "
              "next sync goes on from where it got to."), _("Quit"), _("Keep Pulang open"))
        self.push_screen(self._quit_question, answered)

    def after_leaving_forms(self, action: Callable[[], object]) -> Callable[[], None]:
        """`action`, for a palette command that closes the screens in front: if a form there
        holds unsaved typing, ask first, so nothing typed is lost without the user's say."""
        from tui.dialogs.confirm import ConfirmDialog

        def run() -> None:
            if not self.holds_unsaved_input():
                action()
                return

            def answered(discard: bool | None) -> None:
                if discard:
                    action()

            self.push_screen(ConfirmDialog(_("Discard your changes?"), _("Discard"),
                                           _("Keep editing")), answered)

        return run

    async def store_jobs_settled(self) -> None:
        """Wait for the saves asked for so far (each says for itself how it went)."""
        for worker in list(self.workers):
            if worker.group == "store" and not worker.is_finished:
                with contextlib.suppress(Exception):
                    await worker.wait()

    def action_help_quit(self) -> None:
        self.notify(_("Press Ctrl+Q to quit."), title=_("Do you want to quit?"))

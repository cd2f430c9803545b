"""The Pulang application: a thin shell that opens screens; screens own their behaviour.

It paints first and loads after: the first frame needs only Textual and the cases list, while
the database (and pydantic, pycountry, phonenumbers behind it) is opened in a worker thread.
Keys pressed meanwhile are kept: text goes into the filter, and actions that need the data run
once it is there.

Every few seconds it asks the database, off the event loop, whether another officer changed it
(two stats when nothing did), and if so redraws the cases list and an open case; forms are never
touched.

Here only the shell: the app's keys, its messages and what every screen needs of it. The rest
is in modules by role, mixins of `PulangApp`: loading (tui/loading.py), locking
(tui/locking.py), going between screens (tui/navigation.py), leaving (tui/leaving.py) and other
officers' changes (tui/others_changes.py). Textual collects `BINDINGS` and `@on` handlers only
from its own classes, so those stay here.
"""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter, Monochrome, NoColor
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal

from store import N_, PulangError, _, busy_retrying
from store.db import Sealer, is_encrypted_file
from store.domain import printable
from tui import perf, store_work
from tui.crash import safe_report
from tui.data_changed import DataChanged
from tui.dialogs.help import HelpScreen
from tui.leaving import Leaving
from tui.loading import Loading
from tui.locking import Locking, idle_minutes_from_environment
from tui.navigation import Navigation
from tui.others_changes import OthersChanges
from tui.partner_syncing import PartnerSyncing
from tui.registry import DRAFT_FORMS, RECORD_SCREENS, TOP_SCREENS
from tui.screens.cases import CasesScreen
from tui.screens.lock import LockScreen
from tui.screens.today import TodayScreen
from tui.syncing import Syncing
from tui.translate import TranslatedBindings, translate_bindings
from tui.widgets import ControlCharacterFilter

if TYPE_CHECKING:
    from textual.command import Provider

    from store.db import Database

# idle_minutes_from_environment: its old path (it lives with the idle lock now).
__all__ = ["PulangApp", "idle_minutes_from_environment"]


def _pulang_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens: tui.commands brings every
    screen's keys and the shared widgets, which the first frame does not need."""
    from tui.commands import PulangCommands

    return PulangCommands


# The mixins before App: theirs override its actions (quit, help_quit).
class PulangApp(Loading, Locking, Navigation, Leaving, OthersChanges, Syncing, PartnerSyncing,
                App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "Pulang"
    COMMANDS = {_pulang_commands}  # a callable: Textual asks it when the palette opens
    ENABLE_COMMAND_PALETTE = True
    # By name, each a callable making a new screen (tui/registry.py).
    SCREENS = TOP_SCREENS
    RECORD_SCREENS = RECORD_SCREENS
    DRAFT_FORMS = DRAFT_FORMS
    # How often an open app looks for other officers' changes.
    REFRESH_SECONDS = 2.0

    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app.help"),
        # Priority, so that it works over every dialog; but it acts only once the keys before
        # it have been handled (see action_quit).
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("ctrl+l", "lock", N_("Lock"), id="app.lock", priority=True),
        # Priority: the field changes when Tab arrives, not when the old field gets to it, so
        # that what is typed right after it in one burst (slow SSH, a paste) is not lost.
        Binding("tab", "move_focus(1)", N_("Next field"), show=False, priority=True,
                id="app.next_field"),
        Binding("shift+tab", "move_focus(-1)", N_("Previous field"), show=False,
                priority=True, id="app.previous_field"),
        # Not priority: typed into a field (the cases filter), a digit stays a digit. Only
        # on the screens one moves between (check_action), never over a form.
        Binding("1,t", "show_today", N_("Today"), show=False, id="app.today"),
        Binding("2", "show_cases", N_("Cases"), show=False, id="app.cases"),
        Binding("3", "show_top('directory')", N_("People & organisations"), show=False,
                id="app.directory"),
        Binding("4", "show_top('meetings')", N_("Meetings"), show=False, id="app.meetings"),
        Binding("5", "show_top('agreements')", N_("Agreements"), show=False,
                id="app.agreements"),
        # Over a form too: it opens on top, and Escape comes back to what was typed.
        Binding("6", "show_top('dashboard')", N_("Dashboard"), show=False, id="app.dashboard"),
        Binding("7", "show_top('registry')", N_("Registry"), show=False, id="app.registry"),
        Binding("8", "show_top('inquiries')", N_("Family inquiries"), show=False,
                id="app.inquiries"),
        Binding("ctrl+f", "search", N_("Search everything"), id="app.search"),
        # Over every screen (in F1 and the palette; in Today's footer): the sync runs in the
        # background (tui/syncing.py).
        Binding("ctrl+y", "sync", N_("Sync"), show=False, id="app.sync"),
    ]

    class BusyWaiting(Message):
        """A write found another officer's in progress and waits for it (from any thread)."""

    class QuitInTurn(Message):
        """Ctrl+Q, sent along the path the keys before it took (see `action_quit`)."""

    def __init__(self, source: Database | Path | str, *, create: bool = False,
                 sealer: Sealer | None = None, idle_minutes: float | None = None,
                 ask_officer: bool = False) -> None:
        super().__init__()
        # "Who is working?" once as it starts (the command line decides: an account several
        # officers share, `store.engine.officer.needs_officer_name`).
        self.ask_officer = ask_officer
        self.sealer = sealer  # the key, when the command line already unlocked the file
        self.idle_seconds = 60 * (idle_minutes_from_environment() if idle_minutes is None
                                  else idle_minutes)
        self._last_activity = time.monotonic()
        self._sealed_drafts: bytes | None = None
        if isinstance(source, (str, Path)):
            self.db: Database | None = None
            self.db_path = Path(source)
        else:
            self.db = source
            self.db_path = source.path
        self.create = create
        self.load_error: PulangError | None = None
        self._after_load: list[Callable[[], None]] = []
        self._stalls = perf.StallWatch()
        self._usable_marked = False
        self._load_started = False
        self._control_filter = ControlCharacterFilter()
        self._no_color_filter = NoColor()
        self._checking = False
        # Records a sync left with an undecided conflict: id -> fields (store.sync.conflicts),
        # read after opening and after another process changed the database.
        self.sync_conflicts: dict[str, list[str]] = {}
        self._check_failed = ""
        # Forms holding unsaved typing when the app locked (their drafts are sealed meanwhile).
        self._drafts_unsaved = False
        self._quit_question: Screen[bool] | None = None
        self._translated: weakref.WeakSet[object] = weakref.WeakSet()
        # Another officer changed the database: the screens showing data subscribe to it.
        self.data_changed: Signal[DataChanged] = Signal(self, "data_changed")
        translate_bindings(self)
        self.theme = "ansi-dark"

    @property
    def cases_screen(self) -> CasesScreen:
        screen = self.screen_stack[1]
        assert isinstance(screen, CasesScreen)
        return screen

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Textual's own (NO_COLOR...), then ours: no control character reaches the terminal.
        # Under NO_COLOR Textual turns the ansi theme's "default" colours into black on black
        # (Monochrome): the terminal's own colours instead, so the text stays readable and
        # reverse video (the cursor, overdue dates) shows.
        filters = [self._no_color_filter if isinstance(f, Monochrome) else f
                   for f in super().get_line_filters()]
        return [*filters, self._control_filter]

    def on_mount(self) -> None:
        # Collected again once the first frame is out (`tui.cli.entry.run` turned it off).
        self.call_after_refresh(gc.enable)
        self.sub_title = printable(str(self.db_path))
        if self.idle_seconds > 0:
            self.set_interval(min(30.0, max(1.0, self.idle_seconds / 4)), self._lock_if_idle)
        self.set_interval(self.REFRESH_SECONDS, self.check_for_changes)
        if self.db is None and self.sealer is None and not self.create and \
                is_encrypted_file(self.db_path):
            # Before anything else: the passphrase. Nothing is read until it is given.
            self.push_screen(self._lock_screen(first=True))
            return
        self.push_screen(CasesScreen())
        self.push_screen(TodayScreen())  # says it is loading until the data is here
        self._ask_officer()
        if perf.enabled():
            self._stalls.start()
            self.set_interval(perf.StallWatch.INTERVAL, self._stalls.tick)
        # Load only once the first frame is out: the loader competes for the interpreter.
        self.call_after_refresh(self._first_frame_painted)
        self.when_loaded(self.refresh_sync_summary)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("lock", "sync") and (isinstance(self.screen, LockScreen)
                                           or self.db is None):
            return False  # nothing to lock or sync: not offered in the footer either
        if action == "search":  # not offered on the search itself (named, not imported)
            return (self.db is not None and not isinstance(self.screen, LockScreen)
                    and type(self.screen).__name__ != "SearchScreen")
        if action in ("show_today", "show_cases", "show_top"):
            # Only between Today, the list and a case: over a form, a dialog or the lock
            # screen a 1 or a 2 is never taken as leaving it. Read from a class attribute,
            # not by importing the case screen: this runs for the first frame's footer, and
            # that import (pydantic and the records behind it) cost half a second there.
            screen = self.screen
            if isinstance(screen, HelpScreen):  # listing the keys of the screen under it
                screen = screen.for_screen
            return bool(getattr(screen, "NAVIGATION_KEYS", False))
        return True

    _FOCUS_ACTIONS = ("app.focus_next", "app.focus_previous", "focus_next", "focus_previous")

    def action_move_focus(self, step: int) -> None:
        """Tab / Shift+Tab, handled as the key arrives. Textual hands each key to the widget
        focused when it arrives, and Tab only moves the focus once that widget has passed
        it up; letters typed just after Tab in one burst went to the old field, which drops
        them, and were lost. A widget or a screen that uses the key itself (an editor that
        indents, the screening page's jump) still gets it."""
        from textual.actions import SkipAction
        from textual.keys import key_to_character

        key = "tab" if step > 0 else "shift+tab"
        focused = self.focused
        if focused is not None and focused.check_consume_key(key, key_to_character(key)):
            raise SkipAction()
        for node, bindings in self.screen._binding_chain:  # noqa: SLF001 - Textual's own chain
            if node is not self and any(b.action not in self._FOCUS_ACTIONS
                                        for b in bindings.key_to_bindings.get(key, [])):
                raise SkipAction()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown,
                              events.MouseScrollUp, events.Paste)):
            self._last_activity = time.monotonic()  # the idle lock counts from here
        await super().on_event(event)

    def _busy_waiting(self) -> None:
        """From the thread that writes, holding the store: a message, which never waits for
        the event loop (call_from_thread would, and the loop may be waiting for the store)."""
        self.post_message(self.BusyWaiting())

    def on_pulang_app_busy_waiting(self, _message: BusyWaiting) -> None:
        self.notify(busy_retrying(), severity="warning", markup=False)

    def run_store(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[PulangError], None],
        what: str = "save",
    ) -> None:
        """Run a store job off the event loop (one at a time), then `done` or `failed` on it."""
        if perf.enabled():
            self._stalls.start()  # the stall reported after it is the save's own

        def timed() -> tuple[Any, list[str]]:
            started = time.monotonic()
            result = job()
            perf.mark("save_done", kind=what, ms=round((time.monotonic() - started) * 1000, 2))
            return result, self.db.take_warnings() if self.db is not None else []

        def saved(outcome: tuple[Any, list[str]]) -> None:
            result, warnings = outcome
            done(result)
            self.refresh_sync_summary()  # one more change waiting to be sent
            for warning in warnings:  # saved, but something beside it went wrong (audit trail)
                self.notify(warning, severity="warning", timeout=15)
            if perf.enabled():
                self.call_after_refresh(self._stalls.report, what)

        store_work.run_store(self, timed, saved, failed, group="store")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """Textual's palette (Ctrl+P), in the user's language and readable without colours."""
        from tui.commands import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette())

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from tui.commands import Palette

        self.push_screen(Palette([ThemeProvider], _("Search for themes…"), id=None))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Textual's own widgets show their keys in the user's language too (a Select's open
        list: "Dismiss menu"): each translated once, when it first takes focus."""
        widget = event.widget
        if not isinstance(widget, TranslatedBindings) and widget not in self._translated:
            self._translated.add(widget)
            translate_bindings(widget)
            if self.screen_stack:  # a focus event can come as the app shuts down: no screen
                self.screen.refresh_bindings()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own commands speak English only; keep the useful ones, in the user's language.
        yield SystemCommand(_("Theme"), _("Change the colours"), self.action_change_theme)
        yield SystemCommand(_("Quit"), _("Leave Pulang"), self.action_quit)
        yield SystemCommand(_("Help"), _("Help and keys for the screen in front"), self.action_help)

    # -- a crash report without personal data -----------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(Text(safe_report(error)))
        self._close_messages_no_wait()


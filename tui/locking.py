"""Locking the app: Ctrl+L and the idle lock seal the open forms' drafts, close every screen that
shows data and ask for the passphrase; unlocking brings the list, the case and the forms back.
Also the first unlock of an encrypted file, before anything is read.

A mixin of `PulangApp` (tui/app.py): `self` is the app.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from store import PulangError
from tui.screens.cases import CasesScreen
from tui.screens.lock import LockScreen
from tui.screens.today import TodayScreen

if TYPE_CHECKING:
    from store.db import Sealer


def idle_minutes_from_environment() -> float:
    """Minutes without a key before the app locks: $PULANG_IDLE_LOCK_MINUTES, default 10;
    0 turns idle locking off."""
    import os

    try:
        return max(0.0, float(os.environ.get("PULANG_IDLE_LOCK_MINUTES", "10")))
    except ValueError:
        return 10.0


class Locking:
    """The lock screen, locking and unlocking (mixed into PulangApp)."""

    def _lock_screen(self, first: bool) -> LockScreen:
        from store.db import is_encrypted_file

        encrypted = first or (self.db is not None and self.db.encrypted) or \
            is_encrypted_file(self.db_path)
        return LockScreen(self.db_path, encrypted=encrypted, first=first,
                          unlock=self._unlock_first if first else self._unlock_again,
                          unlocked=self._opened_unlocked if first else self._relocked)

    def _unlock_first(self, passphrase: str) -> Sealer | None:
        """From the lock screen's thread: the key for the file (the records load next)."""
        from store.db import unlock

        return unlock(self.db_path, passphrase)

    async def _opened_unlocked(self, sealer: Sealer | None) -> None:
        self.sealer = sealer
        await self.switch_screen(CasesScreen())
        await self.push_screen(TodayScreen())
        self._ask_officer()
        self._load_started = True
        self._load()

    def _unlock_again(self, passphrase: str) -> None:
        assert self.db is not None
        self.db.unlock(passphrase if self.db_needs_passphrase() else None)

    def db_needs_passphrase(self) -> bool:
        from store.db import is_encrypted_file

        return is_encrypted_file(self.db_path)

    async def _lock_if_idle(self) -> None:
        if time.monotonic() - self._last_activity >= self.idle_seconds:
            await self.action_lock()

    async def action_lock(self) -> None:
        """Lock now: seal the open forms' drafts with the key, close every screen that shows
        data, drop the records and the key, and ask for the passphrase."""
        if isinstance(self.screen, LockScreen) or self.db is None:
            return
        import orjson  # here, not at the top: not on the first frame

        from tui.screens.case import CaseScreen
        from tui.screens.form import RecordForm

        case_id = next((s.case_id for s in self.screen_stack if isinstance(s, CaseScreen)), None)
        forms = [s.draft() for s in self.screen_stack if isinstance(s, RecordForm)]
        self._drafts_unsaved = any(s.is_dirty for s in self.screen_stack
                                   if isinstance(s, RecordForm))
        today = any(isinstance(s, TodayScreen) for s in self.screen_stack)
        note = orjson.dumps({"case": case_id, "forms": forms, "today": today})
        self._sealed_drafts = self.db.seal_note(note)
        del note, forms
        db = self.db
        await self.push_screen(self._lock_screen(first=False))
        db.lock()
        # Every screen that showed data goes, removed from the bottom up under the lock screen.
        for screen in self.screen_stack[1:-1]:
            self._screen_stack.remove(screen)
            await screen.remove()
        self.clear_notifications()

    async def _relocked(self, _result: object) -> None:
        """Unlocked again: the list, the case that was open, and the forms as they were."""
        import orjson

        assert self.db is not None
        sealed, self._sealed_drafts = self._sealed_drafts, None
        self._drafts_unsaved = False  # the forms are back, and say it themselves
        plain = self.db.open_note(sealed) if sealed is not None else None
        drafts = orjson.loads(plain) if plain else {"case": None, "forms": []}
        await self.switch_screen(CasesScreen())
        # Today, unless the officer was working from the list: the case and forms go on top
        # of whichever it was, so that Escape leads back the same way as before the lock.
        if drafts.get("today") or not (drafts["case"] or drafts["forms"]):
            await self.push_screen(TodayScreen())
        self._last_activity = time.monotonic()
        self._loaded(self.db, self.db.case_rows())
        if drafts["case"]:
            from tui.screens.case import CaseScreen

            # Its own forms only: those of the registry or the directory rebuild themselves.
            self.push_screen(CaseScreen(drafts["case"], drafts=[
                d for d in drafts["forms"] if d["kind"] not in self.DRAFT_FORMS]))
        else:
            for draft in drafts["forms"]:
                if draft["kind"] == "case":
                    self.new_case(draft["values"], draft.get("focus"))
        for draft in drafts["forms"]:
            # Forms of the network (not of a case): each rebuilds itself from its draft.
            if draft["kind"] in self.DRAFT_FORMS:
                form = self.DRAFT_FORMS[draft["kind"]](draft)
                form.restore_values = draft["values"]
                form.restore_focus = draft.get("focus")
                self.push_screen(form, self._open_saved)

    def _open_saved(self, saved: object) -> None:
        """A form brought back after a lock has lost the screen that opened it: once saved,
        show what was saved (a task or a draft version with its meeting or agreement)
        rather than leave the officer on Today."""
        from store.domain import Agreement, Meeting, Organisation, Person, Task

        kinds = {Organisation: "organisation", Person: "person", Meeting: "meeting",
                 Agreement: "agreement"}
        if isinstance(saved, Task):
            if saved.meeting_id:
                self.open_record("meeting", saved.meeting_id)
            elif saved.agreement_id:
                self.open_record("agreement", saved.agreement_id)
        elif type(saved) in kinds:
            self.open_record(kinds[type(saved)], saved.id)  # type: ignore[attr-defined]

    def exit_for_wrong_passphrase(self, error: PulangError) -> None:
        """Five wrong tries in a row: end the program, with the wrong-passphrase exit code."""
        self.load_error = error
        self.exit(return_code=int(error.exit_code))

"""Sync from the app: Ctrl+Y sends what changed here to the union's hub and takes what the
other sites sent, while the officer goes on working; the status line (tui/widgets/
sync_line.py) says when the last sync was, what waits to be sent, the conflicts to decide, and
how far a sync under way has got.

The first time, a dialog asks the hub's address and the credentials (a file, remembered by its
path; or a user and password, kept in memory for this session only). A sync runs in a process
of its own (tui/sync_child.py), started from a worker thread that reads its progress: in a
thread of the app's process it would compete with the app's frames for the interpreter
(measured: tests/perf/app_sync_bench.py). PULANG_SYNC_IN=thread runs it in the thread itself,
for that comparison. The network is reached only there, only through store.sync, only when
the officer asks.

A mixin of `PulangApp` (tui/app.py): `self` is the app.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from functools import partial
from typing import TYPE_CHECKING, Any

from store import PulangError, _, format_date, format_number, ngettext
from store.domain import printable
from tui import store_work
from tui.data_changed import DataChanged

if TYPE_CHECKING:
    from store.db import Database
    from store.sync import Summary
    from tui.dialogs.sync import SyncAsk
    from tui.dialogs.sync_file import FileAsk


class SyncFailed(PulangError):
    """A sync that failed, told by the process that ran it: `kind` as HubProblem's
    (unreachable, credentials, full, missing, refused) or the error's class name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind

PROGRESS_EVERY = 0.5  # seconds


def in_thread() -> bool:
    return os.environ.get("PULANG_SYNC_IN", "process") == "thread"


class Syncing:
    """The sync key, its dialog and the status line's content (mixed into PulangApp)."""

    sync_running = False
    sync_progress: tuple[str, int, int] | None = None
    sync_failure = ""
    sync_info: Summary | None = None
    _sync_login: tuple[str, str] | None = None  # a user and password typed, this session only
    _sync_hub_asked = ""  # the hub named in the dialog, until the first sync remembers it
    _sync_told = 0.0  # when the status line last heard how far the sync has got

    # -- the status line -----------------------------------------------------------------

    def sync_line(self) -> str:
        """The status line's words (nothing that could reach the terminal as a control)."""
        return printable(self._sync_words())

    def _sync_words(self) -> str:
        if self.sync_running:
            what, done, of = self.sync_progress or ("", 0, 0)
            if what == "sent":
                return _("Syncing… {done} of {of} sent").format(
                    done=format_number(done), of=format_number(of))
            if what == "received":
                return _("Syncing… {done} received").format(done=format_number(done))
            return _("Syncing…")
        if self.sync_failure:
            return _("Last sync failed: {reason}").format(reason=self.sync_failure)
        info = self.sync_info
        last = (info.last_sync or {}) if info is not None else {}
        if info is None or (info.hub is None and not last.get("file")):
            return ""  # a database that never synced: no line (the list keeps its room)
        waiting = ngettext("{count} change waiting", "{count} changes waiting",
                           info.waiting).format(count=format_number(info.waiting))
        if last.get("file"):  # the last was by file, with no link
            parts = [_("Synced {when} by file {name}").format(when=_ago(last.get("at")),
                                                              name=last["file"])]
        else:
            parts = [_("Synced {when} with {host}").format(
                when=_ago(last.get("at")), host=_host(info.hub or ""))]
        parts.append(waiting)
        conflicts = len(self.sync_conflicts)
        if conflicts:
            parts.append(ngettext("{count} conflict to decide", "{count} conflicts to decide",
                                  conflicts).format(count=conflicts))
        return " · ".join(parts)

    def show_sync_line(self) -> None:
        from tui.widgets.sync_line import SyncLine

        text = self.sync_line()
        for screen in self.screen_stack:
            for line in screen.query(SyncLine):
                line.show(text)

    def refresh_sync_summary(self) -> None:
        """Count again, off the event loop, what waits to be sent (after a save, a sync)."""
        db = self.db
        if db is None or db.locked or not db.encrypted:
            return  # nothing to count (Ctrl+Y says why a plain database does not sync)

        def counted(info: Summary) -> None:
            self.sync_info = info
            self.show_sync_line()

        from store.sync import sync_summary

        store_work.run_store(self, lambda: sync_summary(db), counted, lambda _e: None,
                             group="sync-summary", exclusive=True)

    # -- the key ---------------------------------------------------------------------------

    def _may_start(self) -> bool:
        """Whether a sync may start now: a database open and unlocked, no sync running (said)."""
        if self.db is None or self.db.locked:
            return False
        if self.sync_running:
            self.notify(_("A sync is running: {progress}").format(progress=self.sync_line()),
                        timeout=5, markup=False)
            return False
        return True

    def action_sync(self) -> None:
        db = self.db
        if db is None or not self._may_start():
            return

        def known(info: Summary) -> None:
            self.sync_info = info
            if info.hub is None and not self._sync_hub_asked:
                self._ask_hub()
            else:
                self._start_sync(None, info.credentials)

        # A group of its own: a recount of what waits (after a save, another officer's change)
        # is exclusive in its group, and would cancel the officer's Ctrl+Y if it shared it.
        store_work.run_store(self, lambda: _summary_or_refusal(db), known, self._sync_refused,
                             group="sync-start")

    def action_sync_file(self) -> None:
        """No link: write a file for another site, or take one (tui/dialogs/sync_file.py)."""
        from tui.dialogs.sync_file import SyncFileDialog

        if not self._may_start():
            return

        def answered(asked: FileAsk | None) -> None:
            if asked is None or self.db is None or self.db.locked:
                return
            path = os.path.abspath(os.path.expanduser(asked.path))
            what = {"to_file": path, "all": asked.everything} if asked.write else {
                "from_file": path}
            self.sync_running, self.sync_progress, self.sync_failure = True, None, ""
            self.show_sync_line()
            store_work.run_store(self, partial(self._file_job, self.db, what),
                                 partial(self._file_done, asked.write), self._sync_refused,
                                 group="sync")

        self.push_screen(SyncFileDialog(), answered)

    def _file_job(self, db: Database, what: dict[str, Any]) -> dict[str, Any]:
        """In the worker thread: the file written or taken, in a process of its own."""
        if not db.encrypted:
            from store.sync import load_state

            load_state(db)  # says why not, and what to do
        from store.sync import handoff

        return self._run_child(handoff(db, **what))

    def _file_done(self, wrote: bool, report: dict[str, Any]) -> None:
        if not wrote:
            self._synced(report)
            return
        self.sync_running, self.sync_progress = False, None
        self.notify(ngettext(
            "Wrote {path}: {count} record. Carry it to the other site and take it there.",
            "Wrote {path}: {count} records. Carry it to the other site and take it there.",
            report.get("records", 0)).format(path=report.get("path", ""),
                                             count=format_number(report.get("records", 0))),
            timeout=12, markup=False)
        self.refresh_sync_summary()

    def _ask_hub(self) -> None:
        from tui.dialogs.sync import SyncDialog

        def answered(asked: SyncAsk | None) -> None:
            if asked is None:
                return
            if asked.user:
                self._sync_login = (asked.user, asked.password)
            self._sync_hub_asked = asked.hub
            self._start_sync(asked.hub, asked.credentials or None)

        self.push_screen(SyncDialog(), answered)

    def _start_sync(self, hub: str | None, credentials: str | None) -> None:
        db = self.db
        if db is None or db.locked:
            return
        self.sync_running, self.sync_progress, self.sync_failure = True, None, ""
        self.show_sync_line()
        login = self._sync_login
        store_work.run_store(self, lambda: self._sync_job(db, hub or self._sync_hub_asked or None,
                                                          credentials, login),
                             self._synced, self._sync_refused, group="sync")

    def _sync_job(self, db: Database, hub: str | None, credentials: str | None,
                  login: tuple[str, str] | None) -> dict[str, Any]:
        """In the worker thread: the sync, in a process of its own (or here); its report."""
        if login is not None:
            user, password = login
            credentials = None
        else:
            from tui.cli.sync import _credentials

            user, password = _credentials(credentials)  # type: ignore[assignment]
            if credentials:
                credentials = os.path.abspath(os.path.expanduser(credentials))
        if in_thread():
            from store.sync import sync

            report = sync(db, hub, user=user, password=password, credentials=credentials,
                          progress=self._progress_from_thread)
            return dict(report.__dict__)
        from store.sync import handoff

        line = handoff(db, hub=hub, user=user, password=password, credentials=credentials)
        return self._run_child(line)

    def _run_child(self, line: bytes) -> dict[str, Any]:
        import json

        try:
            child = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
                [sys.executable, "-m", "tui.sync_child"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write(line)
            child.stdin.close()
        except OSError as error:  # no process to be had (memory, limits): said, not a crash
            raise SyncFailed("crash", _(
                "The sync could not start ({reason}). Nothing was changed: try again, or sync "
                "with `pulang sync`.").format(reason=error.strerror or type(error).__name__)
                ) from None
        outcome: dict[str, Any] = {}
        for raw in child.stdout:
            try:
                said = json.loads(raw)
            except ValueError:
                continue  # not ours (a library's warning): the outcome comes last
            if "progress" in said:
                self._progress_from_thread(*said["progress"])
            else:
                outcome = said
        child.wait()
        if "report" in outcome:
            return dict(outcome["report"])
        error = outcome.get("error") or {"kind": "crash", "message": ""}
        if error["kind"] == "crash":
            raise SyncFailed("crash", _("The sync stopped on an error of Pulang's ({what}). "
                                        "Nothing was lost: sync again, and tell whoever "
                                        "looks after Pulang if it happens again.").format(
                                            what=error["message"] or child.returncode))
        raise SyncFailed(error["kind"], error["message"])

    def _progress_from_thread(self, what: str, done: int, of: int) -> None:
        """The status line told twice a second at most (a packet goes every few tens of
        milliseconds on a fast link: each told would redraw the line as often)."""
        now = time.monotonic()
        if now - self._sync_told < PROGRESS_EVERY and done != of:
            return
        self._sync_told = now
        self.call_from_thread(partial(self._sync_moved, what, done, of))

    def _sync_moved(self, what: str, done: int, of: int) -> None:
        self.sync_progress = (what, done, of)
        self.show_sync_line()

    def _synced(self, report: dict[str, Any]) -> None:
        self.sync_running, self.sync_progress = False, None
        self.notify(ngettext(
            "Synced: sent {sent}, received {received}; {count} conflict to decide.",
            "Synced: sent {sent}, received {received}; {count} conflicts to decide.",
            report.get("conflicts", 0)).format(
                sent=format_number(report.get("sent", 0)),
                received=format_number(report.get("received", 0)),
                count=report.get("conflicts", 0)), timeout=8, markup=False)
        for problem in report.get("problems") or []:
            self.notify(printable(str(problem)), severity="warning", timeout=15, markup=False)
        self.refresh_sync_marks()

    def refresh_sync_marks(self) -> None:
        """After a sync, or a conflict decided here: the conflicts read again, the screens
        showing data drawn again (without telling of another officer), the waiting counted."""
        db = self.db
        if db is not None and not db.locked:
            store_work.run_store(self, lambda: _after_sync(db), self._show_synced,
                                 lambda _e: None, group="refresh")
        self.refresh_sync_summary()

    def _show_synced(self, found: tuple[Any, dict[str, list[str]]]) -> None:
        rows, self.sync_conflicts = found
        self.data_changed.publish(DataChanged(rows))
        self.show_sync_line()

    def _sync_refused(self, error: PulangError) -> None:
        self.sync_running, self.sync_progress = False, None
        if getattr(error, "kind", "") == "credentials":
            self._sync_login = None  # typed wrong: asked again next time
            if self.sync_info is None or self.sync_info.hub is None:
                self._sync_hub_asked = ""
        message = printable(str(error))
        self.sync_failure = message
        self.show_sync_line()
        self.notify(message, title=_("Sync"), severity="error", timeout=20, markup=False)


def _summary_or_refusal(db: Database) -> Summary:
    """The summary; SyncRefused (in words, with what to do) when the database cannot sync."""
    from store.sync import load_state, sync_summary

    if not db.encrypted:
        load_state(db)  # says why not, and what to do
    return sync_summary(db)


def _after_sync(db: Database) -> tuple[Any, dict[str, list[str]]]:
    """The cases list and the conflicts, once a sync (or a decision) changed the database."""
    from store.sync import marks

    db.changed_elsewhere()  # the sync's process: caught up with here, told once
    return db.case_rows(), marks(db)


def _host(url: str) -> str:
    """The hub's host, as the status line names it (no urllib here: see the network rule)."""
    place = url.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[2]
    host, colon, port = place.rpartition(":")
    return host if colon and port.isdigit() else place


def _ago(text: str | None) -> str:
    """When, from now: "just now", "5 minutes ago", "3 hours ago", or the day."""
    if not text:
        return ""
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    seconds = (dt.datetime.now(dt.timezone.utc) - when).total_seconds()
    if seconds < 60:
        return _("just now")
    if seconds < 3600:
        minutes = int(seconds // 60)
        return ngettext("{count} minute ago", "{count} minutes ago", minutes).format(
            count=minutes)
    if seconds < 86400:
        hours = int(seconds // 3600)
        return ngettext("{count} hour ago", "{count} hours ago", hours).format(count=hours)
    return format_date(when.astimezone().date())

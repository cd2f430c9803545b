"""Sync with a partner organisation from the app (its page in the directory, `s`): the cases
shared with it go to its own database on the hub under their own key, and what it adds comes
back (`store.sync.partnering`; `pulang sync --partner` does the same from the command line).

As the union's sync (tui/syncing.py), it runs in a process of its own (tui/sync_child.py, the
key through the same pipe), started from a worker thread, one sync at a time. The first time,
a dialog asks the partner's database on the hub and its credentials (a file remembered by its
path; or a user and password kept in memory for this session, per organisation). When no
agreement covering data sharing is in force and no override is recorded, the dialog says so
and asks a reason, which the store records as the override. The outcome is said in words:
what was sent, received, left to decide, and every note of the sync (fields withdrawn, the
override it went under); a failure is said as well, and kept for the organisation's page.

A mixin of `PulangApp` (tui/app.py), beside `Syncing`: `self` is the app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from store import PulangError, _, format_number, ngettext
from store.domain import printable
from tui import store_work

if TYPE_CHECKING:
    from store.db import Database
    from tui.dialogs.sync_partner import PartnerAsk


@dataclass
class PartnerReady:
    """What a sync with a partner needs to know before it starts (read off the event loop)."""

    org_id: str
    org: str  # its name
    hub: str | None  # its database on the hub, remembered from the last sync
    credentials: str | None  # the credentials file remembered
    refusal: str  # SharingRefused's words; "" when an agreement or an override covers it


class PartnerSyncing:
    """The partner's sync, its dialog and its outcome (mixed into PulangApp)."""

    partner_running = ""  # the organisation a sync runs with now

    def _kept(self, name: str) -> dict[str, Any]:
        """A dict of this session, made the first time it is asked for."""
        found = self.__dict__.get(name)
        if found is None:
            found = self.__dict__[name] = {}
        return found

    @property
    def partner_logins(self) -> dict[str, tuple[str, str]]:
        """Per organisation: a user and password typed, kept for this session only."""
        return self._kept("_partner_logins")

    @property
    def partner_failures(self) -> dict[str, str]:
        """Per organisation: its last sync's failure, in words, until one succeeds."""
        return self._kept("_partner_failures")

    def sync_with_partner(self, org_id: str) -> None:
        """Sync the domain of the organisation `org_id` (its page's `s`)."""
        db = self.db
        if db is None or not self._may_start():
            return
        store_work.run_store(self, lambda: _ready(db, org_id), self._partner_ready,
                             partial(self._partner_failed, org_id), group="sync-start")

    def _partner_ready(self, ready: PartnerReady) -> None:
        logins = self.partner_logins
        known = bool(ready.credentials or ready.org_id in logins
                     or os.environ.get("PULANG_HUB_USER"))
        if ready.hub and known and not ready.refusal:
            self._start_partner(ready, None)
            return
        from tui.dialogs.sync_partner import PartnerSyncDialog

        def answered(asked: PartnerAsk | None) -> None:
            if asked is None:
                return
            if asked.user:
                logins[ready.org_id] = (asked.user, asked.password)
            self._start_partner(ready, asked)

        self.push_screen(PartnerSyncDialog(ready.org, hub=ready.hub or "",
                                           ask_hub=not (ready.hub and known),
                                           refusal=ready.refusal), answered)

    def _start_partner(self, ready: PartnerReady, asked: PartnerAsk | None) -> None:
        db = self.db
        if db is None or db.locked or not self._may_start():
            return
        hub = (asked.hub if asked is not None else "") or ready.hub
        credentials = (asked.credentials if asked is not None else "") or ready.credentials
        reason = (asked.reason if asked is not None else "") or None
        login = self.partner_logins.get(ready.org_id)
        self.sync_running, self.sync_progress = True, None
        self.partner_running = ready.org_id
        self.show_sync_line()
        self._partner_shown()
        store_work.run_store(
            self, lambda: self._partner_job(db, ready.org_id, hub, credentials, login, reason),
            partial(self._partner_synced, ready), partial(self._partner_failed, ready.org_id),
            group="sync")

    def _partner_job(self, db: Database, org_id: str, hub: str | None,
                     credentials: str | None, login: tuple[str, str] | None,
                     override: str | None) -> dict[str, Any]:
        """In the worker thread: the partner's sync, in a process of its own (or here)."""
        if login is not None:
            user, password = login
            credentials = None
        else:
            from tui.cli.sync import _credentials

            user, password = _credentials(credentials)  # type: ignore[assignment]
            if credentials:
                credentials = os.path.abspath(os.path.expanduser(credentials))
        asked = {"hub": hub, "user": user, "password": password, "credentials": credentials,
                 "override": override}
        from tui.syncing import in_thread

        if in_thread():
            from store.sync import sync_partner
            from tui.sync_child import partner_report

            return partner_report(sync_partner(
                db, org_id, asked.pop("hub"), progress=self._progress_from_thread, **asked))
        from store.sync import handoff

        return self._run_child(handoff(db, partner=org_id, **asked))

    def _partner_synced(self, ready: PartnerReady, report: dict[str, Any]) -> None:
        self.partner_failures.pop(ready.org_id, None)
        self.sync_running, self.sync_progress, self.partner_running = False, None, ""
        self.notify(ngettext(
            "Synced with {org}: sent {sent}, received {received}; {count} conflict to decide.",
            "Synced with {org}: sent {sent}, received {received}; {count} conflicts to decide.",
            report.get("conflicts", 0)).format(
                org=ready.org, sent=format_number(report.get("sent", 0)),
                received=format_number(report.get("received", 0)),
                count=report.get("conflicts", 0)), timeout=10, markup=False)
        for note in [*(report.get("notes") or []), *(report.get("problems") or [])]:
            self.notify(printable(str(note)), severity="warning", timeout=20, markup=False)
        self.show_sync_line()
        self._partner_shown()
        self.refresh_sync_marks()  # what it took is shown; Today reads the conflicts again

    def _partner_failed(self, org_id: str, error: PulangError) -> None:
        """Said in words; nothing was lost (the store keeps only what it finished)."""
        self.sync_running, self.sync_progress, self.partner_running = False, None, ""
        if getattr(error, "kind", "") == "credentials":
            self.partner_logins.pop(org_id, None)  # typed wrong: asked again next time
        message = printable(str(error))
        self.partner_failures[org_id] = message
        self.show_sync_line()
        self._partner_shown()
        self.notify(message, title=_("Sync with a partner"), severity="error", timeout=20,
                    markup=False)

    def _partner_shown(self) -> None:
        """The organisation's page, if it is open, says how its sync stands."""
        for screen in self.screen_stack:
            shown = getattr(screen, "partner_changed", None)
            if shown is not None:
                shown()


def _ready(db: Database, org_id: str) -> PartnerReady:
    """In a thread: the partner's hub and credentials remembered, and whether an agreement
    (or an override recorded) covers sharing with it. SyncRefused (in words, with what to do)
    for a database that is not encrypted."""
    from store.sync import SharingRefused, covered, load_state, view_of

    if not db.encrypted:
        load_state(db)  # says why not, and what to do
    view = view_of(db, org_id)
    state = view.state
    try:
        covered(db, view)  # with no reason given it records nothing
        refusal = ""
    except SharingRefused as refused:
        refusal = str(refused)
    return PartnerReady(org_id, view.org_name, state.hub if state else None,
                        state.credentials if state else None, refusal)

"""An organisation's page as a partner's: the status of its domain (the cases shared with it,
under which agreement or override, its last sync, what waits, what is left to decide), read off
the event loop, and `s`, which syncs with it (tui/partner_syncing.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from store import PulangError, _, format_date, format_number, ngettext
from tui.store_work import run_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.db import Database
    from tui.app import PulangApp


class PartnerPart:
    """The partner's lines and key of `OrganisationScreen` (mixed into it)."""

    # The screen's (annotations only: the screen's own attributes are found first).
    record_id: str
    pulang: PulangApp
    show_all_facts: Callable[[], None]
    partner_status: list[str] = []  # the domain's status, as last read

    def partner_words(self) -> list[str]:
        """The status lines, or what the app is doing with it now."""
        app = self.pulang
        if app.partner_running == self.record_id:
            return [_("Syncing with this partner…")]
        failed = app.partner_failures.get(self.record_id)
        if failed:
            return [*self.partner_status,
                    _("Last sync with this partner failed: {reason}").format(reason=failed)]
        return self.partner_status

    def read_partner(self) -> None:
        """The domain's status, read in a thread, then shown."""
        db = self.pulang.db
        if db is None or db.locked:
            return
        org_id = self.record_id

        def read() -> list[str]:
            return partner_lines(db, org_id)

        run_store(self, read, self._partner_read, lambda _e: None,  # type: ignore[arg-type]
                  group="partner-status", exclusive=True)

    def _partner_read(self, lines: list[str]) -> None:
        self.partner_status = lines
        self.show_all_facts()

    def partner_changed(self) -> None:
        """The app started, finished or failed a sync (of this partner or another)."""
        self.show_all_facts()
        if not self.pulang.sync_running:
            self.read_partner()

    def action_sync_partner(self) -> None:
        self.pulang.sync_with_partner(self.record_id)


def partner_lines(db: Database, org_id: str) -> list[str]:
    """In a thread: the domain's status in a line or two for the organisation's page (none
    where nothing is shared with it and it never synced)."""
    from store.sync import partner_ids, partner_status

    shared = len(db.cases_shared_with(org_id))
    if org_id not in partner_ids(db):
        if not shared:
            return []
        return [ngettext("{count} case shared with it, never synced: s sends it to its "
                         "database on the hub.",
                         "{count} cases shared with it, never synced: s sends them to its "
                         "database on the hub.", shared).format(count=format_number(shared))]
    try:
        found = partner_status(db, org_id)
    except PulangError as error:  # its state cannot be read (the key...): said, not a crash
        return [str(error)]
    status = found.status
    first = [ngettext("{count} case shared", "{count} cases shared", found.shared_cases).format(
        count=format_number(found.shared_cases))]
    if found.received:
        first.append(ngettext("{count} record received", "{count} records received",
                              found.received).format(count=format_number(found.received)))
    if found.agreement:
        first.append(_("under the agreement “{title}”").format(title=found.agreement))
    elif found.override:
        first.append(_("no agreement: shared under the override of {on} ({reason})").format(
            on=_day(found.override.get("on", "")), reason=found.override.get("reason", "")))
    else:
        first.append(_("no agreement covering data sharing in force"))
    last = (status.last_sync or {}).get("at")
    second = [_("Partner sync: last {when}").format(when=_when(last)) if last else
              _("Partner sync: not synced yet")]
    second.append(ngettext("{count} change waiting", "{count} changes waiting",
                           status.waiting).format(count=format_number(status.waiting)))
    if status.conflicts:
        second.append(ngettext("{count} conflict to decide on Today",
                               "{count} conflicts to decide on Today",
                               len(status.conflicts)).format(count=len(status.conflicts)))
    return [" · ".join(second), " · ".join(first)]


def _when(text: str) -> str:
    from tui.syncing import _ago

    return _ago(text)


def _day(text: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(text))
    except ValueError:
        return text

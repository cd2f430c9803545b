"""The network's agreements in the Database: saving one, moving it along its lifecycle one
allowed, dated step at a time, keeping each draft version's text, and removing it.

A part of `store.db.database.Database` (see `store.db.base`; the module `store.db.network`
says the network's rules). Reading them is `store.db.network.NetworkMixin`'s.
"""

from __future__ import annotations

import datetime as dt

from store.common import clock
from store.common.errors import AgreementMoveRefused, VersionUnchanged
from store.common.i18n import _
from store.db.base import AGREEMENTS, Part
from store.domain.records import (
    Agreement,
    DraftVersion,
    Organisation,
    Person,
    StatusChange,
    Task,
    build,
)
from store.domain.text import normalise_line_breaks
from store.domain.vocab import AGREEMENT_MOVES, AgreementStatus, label


class AgreementsPart(Part):
    """Agreements and their lifecycle."""

    def save_agreement(self, agreement: Agreement) -> Agreement:
        """Save an agreement's parties, areas, signatories and notes. A new one starts its
        history at its status; changing the status of a saved one is `move_agreement`."""
        with self.transaction():
            self._must_exist(Organisation, agreement.party_ids, _("A party"))
            self._must_exist(Person, agreement.signatory_ids, _("A signatory"))
            doc = self._engine.get(AGREEMENTS, agreement.id)
            if doc is None and not agreement.history:
                agreement = agreement.model_copy(update={"history": [
                    StatusChange(status=agreement.status, on=clock.today())]})
            elif doc is not None and doc.get("status") != agreement.status.value:
                raise AgreementMoveRefused(_("Change an agreement's status with its own "
                                             "action, which dates the change"))
            return self._save(agreement)

    def move_agreement(self, agreement: Agreement, status: AgreementStatus,
                       on: dt.date | None = None, note: str = "") -> Agreement:
        """Move an agreement to `status`, dated `on` (today by default)."""
        on = on or clock.today()
        if status not in AGREEMENT_MOVES[agreement.status]:
            allowed = AGREEMENT_MOVES[agreement.status]
            if not allowed:
                message = _("The agreement is {status}: it does not move any more.").format(
                    status=label(agreement.status))
            else:
                message = _("From {status} an agreement moves to {allowed}, not to "
                            "{wanted}.").format(status=label(agreement.status),
                                                allowed=", ".join(label(s) for s in allowed),
                                                wanted=label(status))
            raise AgreementMoveRefused(message)
        if on > clock.today():
            raise AgreementMoveRefused(_("The date of the change must not be in the future."))
        if agreement.history and on < agreement.history[-1].on:
            raise AgreementMoveRefused(_("The date of the change is before the last one "
                                         "({date}).").format(
                                             date=agreement.history[-1].on.strftime("%d/%m/%Y")))
        change = StatusChange(status=status, on=on, note=note)
        moved = build(Agreement, {**agreement.model_dump(), "status": status,
                                  "history": [*agreement.history, change]})
        with self.transaction():
            return self._save(moved)

    def add_draft_version(self, agreement: Agreement, text: str, note: str = "",
                          on: dt.date | None = None) -> Agreement:
        """Keep `text` as the agreement's next draft version; the latest one's text again is
        refused (`VersionUnchanged`): nothing would tell the two apart."""
        latest = agreement.latest
        if latest is not None and normalise_line_breaks(text) == normalise_line_breaks(
                latest.text):
            raise VersionUnchanged(latest.number)
        number = latest.number + 1 if latest is not None else 1
        version = DraftVersion(number=number, on=on or clock.today(), text=text, note=note)
        updated = build(Agreement, {**agreement.model_dump(),
                                    "versions": [*agreement.versions, version]})
        with self.transaction():
            return self._save(updated)

    def remove_agreement(self, agreement_id: str, version: int | None = None) -> None:
        """Remove an agreement and its commitments; meetings that discussed it forget it."""
        with self.transaction():
            for task in self.tasks(agreement_id=agreement_id):
                self._remove(Task, task.id)
            for meeting in self.meetings_with(agreement_id):
                kept = [a for a in meeting.agreement_ids if a != agreement_id]
                self._save(meeting.model_copy(update={"agreement_ids": kept}))
            self._remove(Agreement, agreement_id, version)

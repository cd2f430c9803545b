"""The network's meetings and tasks in the Database: saving and removing them, and marking a
task done.

A part of `store.db.database.Database` (see `store.db.base`; the module `store.db.network`
says the network's rules). Reading them is `store.db.network.NetworkMixin`'s.
"""

from __future__ import annotations

import datetime as dt

from store.common import clock
from store.common.errors import LinkRefused
from store.common.i18n import _
from store.db.base import Part
from store.domain.records import Agreement, Meeting, Organisation, Person, Task, build


class MeetingsPart(Part):
    """Meetings and their follow-up tasks."""

    # -- meetings --------------------------------------------------------------------------

    def save_meeting(self, meeting: Meeting) -> Meeting:
        with self.transaction():
            self._must_exist(Organisation, meeting.org_ids, _("An organisation present"))
            self._must_exist(Person, meeting.person_ids, _("A person present"))
            self._must_exist(Agreement, meeting.agreement_ids, _("An agreement discussed"))
            for case_id in meeting.case_ids:
                if self._engine.get("cases", case_id) is None:
                    raise LinkRefused(_("A case discussed no longer exists"))
            return self._save(meeting)

    def remove_meeting(self, meeting_id: str, version: int | None = None) -> None:
        """Remove a meeting and its follow-up tasks."""
        with self.transaction():
            for task in self.tasks(meeting_id=meeting_id):
                self._remove(Task, task.id)
            self._remove(Meeting, meeting_id, version)

    # -- tasks -----------------------------------------------------------------------------

    def save_task(self, task: Task) -> Task:
        with self.transaction():
            self._must_exist(Person, [task.owner_id], _("The owner"))
            self._must_exist(Meeting, [task.meeting_id], _("The meeting"))
            self._must_exist(Agreement, [task.agreement_id], _("The agreement"))
            return self._save(task)

    def complete_task(self, task: Task, done_on: dt.date | None = None) -> Task:
        """Mark a task done (today by default), or, with a done task, open again."""
        done = None if task.done_on is not None else (done_on or clock.today())
        return self.save_task(build(Task, {**task.model_dump(), "done_on": done}))

    def remove_task(self, task_id: str, version: int | None = None) -> None:
        with self.transaction():
            self._remove(Task, task_id, version)

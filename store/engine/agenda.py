"""Today's items, kept up to date on each save and stored with the snapshot (issue 36).

Today lists what needs chasing across every case: next steps, deadlines, hearings, partners to
chase, workers without screening or consent, check-ins after return, closed cases to
anonymise, tasks of meetings and agreements. Working that out from the records is a pass over
the whole database; at 50,000 cases it took seconds, and the records had to be read first.
So each *owner* of items (a case: everything of its workers and log; `TASKS`: the tasks of
meetings and agreements) keeps its items here, as plain lists of dates and words
(`store.domain.agenda` says their shapes and turns them into a `Today` for any day): whatever
depends on the day or on a setting is worked out when Today is drawn, never stored.

- A change to a record marks its owner (`_agenda_touch`, from `Indexes._index`); the owner's
  items are worked out again by the store's `agenda_of` before the change is committed, and
  go into the journal entry with it (`commit_agenda`), so that the journal says what Today is
  after each entry.
- A snapshot stores every owner's items in its `_today` table, read before the records
  (`store.engine.snapshot.read_head`); with the journal's on top (`store.engine.early`),
  Today is drawn while the records load.
- An owner whose items are not known (a file without them, a journal entry from a program
  that did not write them) is worked out when Today first asks (`fresh_agenda`).

Personal data: names (of workers, of task owners) are in the items, as they are in the cases
list's rows: inside the database's own files only (encrypted with it), never elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

TASKS = "~tasks"  # the owner of the tasks of meetings and agreements
# Tables whose changes touch the tasks' items (a task, its owner's name, its source's title).
TASK_TABLES = frozenset({"tasks", "people", "meetings", "agreements"})


class Agenda:
    """See the module's doc. Part of `store.engine.tables.Engine` through `Indexes`."""

    agenda: dict[str, list[Any]]  # owner -> its items
    agenda_dirty: set[str]  # owners whose items must be worked out again
    agenda_complete: bool  # False: some owner's items are unknown (work them all out)
    agenda_of: Callable[[str], list[Any]] | None  # the store's: an owner's items, now
    agenda_built: bool  # every owner's items were worked out here (the file had none)
    agenda_failed: dict[str, Exception]  # owners whose records could not be read, and why
    _loading: bool

    def _reset_agenda(self) -> None:
        self.agenda, self.agenda_dirty, self.agenda_complete = {}, set(), False
        self.agenda_built = False
        self.agenda_failed: dict[str, Exception] = {}

    def _agenda_touch(self, table: str, *case_ids: str | None) -> None:
        if self._loading:
            return
        if table in TASK_TABLES:
            self.agenda_dirty.add(TASKS)
        self.agenda_dirty.update(c for c in case_ids if c)

    def take_agenda(self, items: Iterable[tuple[str, list[Any]]], complete: bool) -> None:
        """Owners' items as a snapshot stored them (`complete`: for every owner)."""
        self.agenda = dict(items)
        self.agenda_complete = complete

    def overlay(self, today: dict[str, list[Any]] | None) -> None:
        """A journal entry's items, read after its changes (which marked their owners): those
        owners are up to date. An entry without items leaves them marked, worked out again."""
        for owner, items in (today or {}).items():
            self._set_items(owner, items)
            self.agenda_dirty.discard(owner)

    def _set_items(self, owner: str, items: list[Any]) -> None:
        if items:
            self.agenda[owner] = items
        else:
            self.agenda.pop(owner, None)

    def _work_out(self, owners: Iterable[str]) -> dict[str, list[Any]]:
        """The owners' items; one whose records cannot be read (a damaged record) is left
        out, its items dropped, and kept in `agenda_failed` with why."""
        assert self.agenda_of is not None
        found = {}
        for owner in owners:
            try:
                found[owner] = self.agenda_of(owner)
            except Exception as error:  # noqa: BLE001 - said where Today is drawn
                self.agenda_failed[owner] = error
                self.agenda.pop(owner, None)
            else:
                self.agenda_failed.pop(owner, None)
        return found

    def commit_agenda(self) -> dict[str, list[Any]] | None:
        """The items of the owners touched since they were last worked out, for the journal
        entry being committed (None when the store does not keep them: an engine alone)."""
        if self.agenda_of is None:
            return None
        found = self._work_out(sorted(self.agenda_dirty))
        # An owner that could not be worked out: the entry carries none, so that Today is
        # not drawn early from items that may be stale (never a reason to refuse a save).
        return None if self.agenda_failed.keys() & self.agenda_dirty else found

    def committed_agenda(self, items: dict[str, list[Any]] | None) -> None:
        """The journal entry carrying `items` is written: they are the owners' now."""
        for owner, found in (items or {}).items():
            self._set_items(owner, found)
            self.agenda_dirty.discard(owner)

    def fresh_agenda(self, every_owner: Callable[[], Iterable[str]]) -> dict[str, list[Any]]:
        """Every owner's items, up to date (`every_owner`: all the owners there are, asked
        only when some were never worked out: then it is a pass over the database, once)."""
        if self.agenda_of is None:
            return self.agenda
        if not self.agenda_complete:
            self.agenda = {}
            self.agenda_dirty = set(every_owner())
            self.agenda_complete = self.agenda_built = True
        if self.agenda_dirty:
            self.committed_agenda(self._work_out(list(self.agenda_dirty)))
        return self.agenda

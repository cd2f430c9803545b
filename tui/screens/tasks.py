"""Tasks: a meeting's follow-ups and an agreement's commitments, each with an owner and a due
date. They appear in Today when due within the week or overdue, until marked done.

`TaskForm` edits one; `task_rows` gives the lines a screen lists them with; `people_items`
offers the directory's people for the owner.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from store import _, clock, date_for_input, format_date
from store.domain import Task, printable
from tui.dialogs.picker import PickItem
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.form.fields import PickField

if TYPE_CHECKING:
    from store.db import Database

DATE_HINT = "DD/MM/YYYY"


def people_items(db: Database) -> list[PickItem]:
    """Every person of the directory, with their title and organisation, for a picker."""
    orgs = {o.id: o.acronym or o.name for o in db.organisations()}
    return [
        PickItem(p.id, p.name_in_rows,
                 " · ".join(x for x in (p.title, orgs.get(p.org_id or "", "")) if x),
                 tuple(p.all_names))
        for p in db.people()
    ]


def organisation_items(db: Database) -> list[PickItem]:
    """Every organisation of the directory, by name, with its other names and acronym."""
    from store.domain import country_name

    return [
        PickItem(o.id, o.shown_name,
                 " · ".join(x for x in (o.city, country_name(o.country)) if x),
                 tuple(o.other_names) + ((o.acronym,) if o.acronym else ()))
        for o in db.organisations()
    ]


def task_line(task: Task, owners: dict[str, str], today: dt.date | None = None) -> str:
    """One task in words, for a list: done or due (overdue said), owner, what."""
    today = today or clock.today()
    if task.done_on is not None:
        when = _("done {date}").format(date=format_date(task.done_on))
        mark = "✓"
    elif task.due is None:
        when, mark = _("no due date"), "·"
    elif task.due < today:
        when, mark = _("overdue since {date}").format(date=format_date(task.due)), "!"
    else:
        when, mark = _("due {date}").format(date=format_date(task.due)), "·"
    owner = owners.get(task.owner_id or "", _("nobody yet"))
    return f"{mark} {when} · {printable(owner, limit=30)} · {printable(task.text, limit=200)}"


class TaskForm(RecordForm[Task]):
    """What is to be done, by whom, by when; and when it was done."""

    record_type = Task
    draft_kind = "task"

    def __init__(self, record: Task | None, title: str, *, meeting_id: str | None = None,
                 agreement_id: str | None = None) -> None:
        self.meeting_id = meeting_id if record is None else record.meeting_id
        self.agreement_id = agreement_id if record is None else record.agreement_id
        super().__init__(record, title)

    def _db(self) -> Database:
        return cast("Database", getattr(self.app, "db"))

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("text", required=True, placeholder=_("what is to be done")),
            FieldSpec("owner_id", "pick", source=lambda: people_items(self._db()),
                      hint=_("Enter chooses a person of the directory.")),
            FieldSpec("due", placeholder=DATE_HINT),
            FieldSpec("done_on", placeholder=DATE_HINT, hint=_("Fill in when it is done.")),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        owner = self.query_one("#f-owner_id", PickField)
        owner.names.update({item.id: item.label for item in people_items(self._db())
                            if item.id in owner.chosen})
        owner.set_value(owner.value)

    def values_of(self, task: Task) -> dict[str, Any]:
        return {
            "text": task.text,
            "owner_id": task.owner_id,
            "due": date_for_input(task.due),
            "done_on": date_for_input(task.done_on),
        }

    def defaults(self) -> dict[str, Any]:
        return {"owner_id": None}

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update(meeting_id=self.meeting_id, agreement_id=self.agreement_id)
        return data

    def draft(self) -> dict[str, Any]:
        return {**super().draft(), "meeting_id": self.meeting_id,
                "agreement_id": self.agreement_id}

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> TaskForm:
        record = Task.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"], meeting_id=draft.get("meeting_id"),
                   agreement_id=draft.get("agreement_id"))

    def persist(self, record: Task) -> Task:
        return self._db().save_task(record)

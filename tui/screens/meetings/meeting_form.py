"""The form that records a meeting, and the lists its pickers offer (cases, agreements)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from store import _, datetime_for_input
from store.domain import Meeting, MeetingKind, choices, country_name, label
from tui.dialogs.picker import PickItem
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.form.fields import PickField
from tui.screens.tasks import organisation_items, people_items

if TYPE_CHECKING:
    from store.db import Database


DATETIME_HINT = "DD/MM/YYYY HH:MM"


def _db(node: Any) -> Database:
    return cast("Database", getattr(node.app, "db"))


def case_items(db: Database) -> list[PickItem]:
    """Every case, by reference, with its title, for a picker."""
    return [PickItem(r.id, r.ref, r.title) for r in db.case_rows()]


def agreement_items(db: Database) -> list[PickItem]:
    """Every agreement, by title, with its status."""
    return [PickItem(a.id, a.title, label(a.status)) for a in db.agreements()]


class MeetingForm(RecordForm[Meeting]):
    """When and where, who was there, what was said and decided, which cases and agreements."""

    record_type = Meeting
    draft_kind = "meeting"

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("at", required=True, placeholder=DATETIME_HINT),
            FieldSpec("kind", "select", choices(MeetingKind), required=True),
            FieldSpec("title", required=True,
                      placeholder=_("e.g. ASEAN TUC working visit to LFTU")),
            FieldSpec("city", placeholder=_("e.g. Vientiane")),
            FieldSpec("country", "country", placeholder=_("country name or code, e.g. Laos or LA")),
            FieldSpec("org_ids", "picks", source=lambda: organisation_items(_db(self)),
                      hint=_("Enter chooses organisations of the directory.")),
            FieldSpec("person_ids", "picks", source=lambda: people_items(_db(self)),
                      hint=_("Enter chooses people of the directory.")),
            FieldSpec("agenda", "area"),
            FieldSpec("decisions", "area"),
            FieldSpec("case_ids", "picks", source=lambda: case_items(_db(self))),
            FieldSpec("agreement_ids", "picks", source=lambda: agreement_items(_db(self))),
        ]

    def _sources(self) -> dict[str, list[PickItem]]:
        db = _db(self)
        return {"org_ids": organisation_items(db), "person_ids": people_items(db),
                "case_ids": case_items(db), "agreement_ids": agreement_items(db)}

    def on_mount(self) -> None:
        # The names of what the meeting holds, before any draft is put back into the fields.
        for name, items in self._sources().items():
            self.query_one(f"#f-{name}", PickField).names.update(
                {item.id: item.label for item in items})
        super().on_mount()
        for name in ("org_ids", "person_ids", "case_ids", "agreement_ids"):
            field = self.query_one(f"#f-{name}", PickField)
            field.set_value(field.value)

    def defaults(self) -> dict[str, Any]:
        # No date to start with: a meeting is written up after it, or before it is held,
        # seldom at the minute the form opens ("-1 10:00" or "today 14:00" is quick to type).
        return {"kind": MeetingKind.MEETING}

    def values_of(self, meeting: Meeting) -> dict[str, Any]:
        return {
            "at": datetime_for_input(meeting.at),
            "kind": meeting.kind,
            "title": meeting.title,
            "city": meeting.city,
            "country": country_name(meeting.country),
            "org_ids": list(meeting.org_ids),
            "person_ids": list(meeting.person_ids),
            "agenda": meeting.agenda,
            "decisions": meeting.decisions,
            "case_ids": list(meeting.case_ids),
            "agreement_ids": list(meeting.agreement_ids),
        }

    def shown(self, record: Meeting) -> dict[str, str]:
        """As the form shows it: chosen records by their names, not their ids (another
        officer's version beside this one)."""
        result = super().shown(record)
        values = self.values_of(record)
        for spec in self.specs:
            if spec.kind == "picks":
                names = self.query_one(f"#f-{spec.name}", PickField).names
                result[spec.name] = "; ".join(names.get(i, _("(removed)"))
                                              for i in values[spec.name])
        return result

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> MeetingForm:
        record = Meeting.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])

    def persist(self, record: Meeting) -> Meeting:
        return _db(self).save_meeting(record)

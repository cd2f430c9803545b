"""The form of a family's inquiry: who asks and how to reach them (their phone and handles, one a
line: "telegram @anis", a number alone is a WhatsApp), their consent to tracing (given on,
taken by), the one sought, their last message (on, from), where last heard of, the compound as
the family says it (and its registry place, if known), notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from store import RecordInvalid, _, clock, date_for_input
from store.domain import (
    IdentifierKind,
    Inquiry,
    Sex,
    build,
    choices,
    country_name,
    fold,
    format_phone,
    label,
)
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.registry.forms import place_items

if TYPE_CHECKING:
    from store.db import Database


def read_handles(text: str) -> list[dict[str, str]]:
    """Handles one a line, each "kind value" or the value alone: a handle starting with @ is
    a Telegram, anything else a WhatsApp (the way families write most)."""
    kinds = {fold(k.value): k for k in IdentifierKind} | {
        fold(label(k)): k for k in IdentifierKind}
    handles = []
    for line in text.replace(",", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        first, _space, rest = line.partition(" ")
        kind = kinds.get(fold(first.rstrip(":")))
        if kind is not None and rest.strip():
            handles.append({"kind": kind.value, "value": rest.strip()})
        else:
            guess = IdentifierKind.TELEGRAM if line.startswith("@") else IdentifierKind.WHATSAPP
            handles.append({"kind": guess.value, "value": line})
    return handles


def handles_text(inquiry: Inquiry) -> str:
    return "\n".join(f"{h.kind.value} {h.value}" for h in inquiry.handles)


class InquiryForm(RecordForm[Inquiry]):
    record_type = Inquiry
    draft_kind = "inquiry"

    def _db(self) -> Database:
        return cast("Database", getattr(self.app, "db"))

    def fields(self) -> list[FieldSpec]:
        date = "DD/MM/YYYY"
        country = _("country name or code, e.g. Cambodia or KH")
        return [
            FieldSpec("inquirer_name", required=True),
            FieldSpec("relation", placeholder=_("e.g. mother, brother, wife")),
            FieldSpec("inquirer_phone", placeholder="+62 813 …",
                      hint=_("Checked against the registry before anyone replies.")),
            FieldSpec("handles", "area",
                      hint=_("One a line: \"telegram @name\", \"facebook name\"; a number "
                             "alone is a WhatsApp.")),
            FieldSpec("reach_by"),
            FieldSpec("consent_given_on", placeholder=date),
            FieldSpec("consent_taken_by"),
            FieldSpec("sought_name", required=True),
            FieldSpec("sought_other_names", placeholder=_("separated by commas")),
            FieldSpec("sought_date_of_birth", placeholder=date),
            FieldSpec("sought_age"),
            FieldSpec("sought_sex", "select", choices(Sex), required=True),
            FieldSpec("sought_nationality", "country", placeholder=country),
            FieldSpec("sought_home_province"),
            FieldSpec("last_message_on", placeholder=date),
            FieldSpec("last_message_from"),
            FieldSpec("last_city"),
            FieldSpec("last_country", "country", placeholder=country),
            FieldSpec("compound_name"),
            FieldSpec("place_id", "pick", source=lambda: place_items(self._db())),
            FieldSpec("received_on", placeholder=date),
            FieldSpec("received_by"),
            FieldSpec("notes", "area"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        from tui.screens.form.fields import PickField

        pick = self.query_one("#f-place_id", PickField)
        pick.names.update({item.id: item.label for item in place_items(self._db())
                           if item.id in pick.chosen})
        pick.set_value(pick.value)

    def defaults(self) -> dict[str, Any]:
        return {"sought_sex": Sex.UNKNOWN, "place_id": None,
                "received_on": date_for_input(clock.today())}

    def values_of(self, q: Inquiry) -> dict[str, Any]:
        texts = ("inquirer_name", "relation", "reach_by", "consent_taken_by",
                 "sought_name", "sought_home_province", "last_message_from", "last_city",
                 "compound_name", "received_by", "notes")
        dates = ("consent_given_on", "sought_date_of_birth", "last_message_on", "received_on")
        return {**{name: getattr(q, name) for name in texts},
                **{name: date_for_input(getattr(q, name)) for name in dates},
                "inquirer_phone": format_phone(q.inquirer_phone),
                "handles": handles_text(q), "sought_other_names": ", ".join(q.sought_other_names),
                "sought_age": "" if q.sought_age is None else str(q.sought_age),
                "sought_sex": q.sought_sex, "place_id": q.place_id,
                "sought_nationality": country_name(q.sought_nationality),
                "last_country": country_name(q.last_country)}

    def validated(self) -> Inquiry | None:
        data = {**self.base_data(), **self.values()}
        data["handles"] = read_handles(str(data.get("handles") or ""))
        for name in ("sought_age", "sought_date_of_birth", "consent_given_on",
                     "last_message_on"):
            if data.get(name) == "":
                data[name] = None
        try:
            record = build(Inquiry, data)
        except RecordInvalid as invalid:
            self._refused(invalid)
            return None
        self.show_errors({})
        self._show_status("")
        return record

    def persist(self, record: Inquiry) -> Inquiry:
        return self._db().save_inquiry(record)

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> InquiryForm:
        record = Inquiry.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])


__all__ = ["InquiryForm", "handles_text", "read_handles"]

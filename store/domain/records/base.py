"""What every record shares: the `Record` base, with its identity, who changed it when, and the
one input policy for text; the field helpers the records' validators use (dates, countries,
lists, ids); and `build` and `changed`, which validate data into a record and name each bad
field in the user's language (`RecordInvalid`)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from store.common import clock
from store.common.errors import RecordInvalid
from store.common.i18n import N_, _
from store.domain.classification import label_msgid, personal, public
from store.domain.parse import InputProblem, parse_country, parse_date, parse_list
from store.domain.text import (
    LINE,
    NAME,
    RULES,
    list_problem,
    normalise_line_breaks,
    text_problem,
)

R = TypeVar("R", bound="Record")

_E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")  # ASCII digits only: \d also matches Lao or Thai

# Validation context for a record read back from the file: its text is taken as it was saved.
STORED: dict[str, Any] = {"stored": True}


def new_id() -> str:
    return uuid.uuid4().hex


def _problem(message: str) -> PydanticCustomError:
    # The message is already translated; pydantic shows it as it is.
    return PydanticCustomError("pulang", message)


class Record(BaseModel):
    """What every record carries: a stable identity and who changed it when."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = public(N_("Id"), default_factory=new_id)
    created_at: dt.datetime | None = public(N_("Created"), None)
    updated_at: dt.datetime | None = public(N_("Updated"), None)
    changed_by: str = personal(N_("Changed by"), "", text=NAME.name)
    version: int = public(N_("Version"), 0, ge=0)

    @classmethod
    def field_label(cls, name: str) -> str:
        return _(label_msgid(cls, name))

    def checks(self) -> dict[str, str]:
        """Rules across fields; field name -> message. Overridden by records that have them."""
        return {}

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Record:
        problems = self.checks()
        if problems:
            # Not a ValueError, so pydantic lets it through unwrapped, field names intact.
            raise RecordInvalid(problems, {n: self.field_label(n) for n in problems})
        return self

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any, info: ValidationInfo) -> Any:
        # Runs for every field of every record read: test the value before the field.
        if isinstance(value, str) and not value.strip():
            if cls.__pydantic_fields__[info.field_name or ""].default is None:
                return None
        return value

    @field_validator("*")
    @classmethod
    def _text_policy(cls, value: Any, info: ValidationInfo) -> Any:
        """The input policy of `store.domain.text`, for every text field and list of texts."""
        if isinstance(value, str):
            pass
        elif not (isinstance(value, list) and value and isinstance(value[0], str)):
            return value
        if info.context is not None and info.context.get("stored"):
            return value  # as saved: read back exactly, whatever an older version let in
        extra = cls.__pydantic_fields__[info.field_name or ""].json_schema_extra
        rule = RULES[str(extra.get("text", LINE.name))] if isinstance(extra, dict) else LINE
        if isinstance(value, str):
            if rule.multiline:
                value = normalise_line_breaks(value)
            problem = text_problem(value, rule)
        else:
            problem = list_problem(value, rule)
        if problem:
            raise _problem(problem)
        return value


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_date(value)
        except InputProblem as problem:
            raise _problem(str(problem)) from None
    return value


def _date_or_today(value: Any) -> Any:
    """A date field that defaults to today when left empty."""
    value = _date(value)
    return clock.today() if value is None else value


def _country(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_country(value)
        except InputProblem as problem:
            raise _problem(str(problem)) from None
    return value


def _listed(value: Any) -> Any:
    return parse_list(value) if isinstance(value, str) else value



def _required(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _problem(_("must not be empty"))
    return value


def _ids(value: Any) -> Any:
    """A list of record ids, each once, order kept."""
    value = _listed(value)
    return list(dict.fromkeys(value)) if isinstance(value, list) else value


# What a value pydantic refuses for a reason not named below is said to be.
_NOT_VALID = N_("is not a valid value")
_PYDANTIC_MESSAGES = {
    "missing": N_("must not be empty"),
    "int_parsing": N_("Enter a whole number"),
    "int_from_float": N_("Enter a whole number"),
    "greater_than_equal": N_("is too small"),
    "less_than_equal": N_("is too large"),
    "enum": N_("choose one of the listed values"),
    "extra_forbidden": N_("is not a field of this record"),
    "date_from_datetime_parsing": N_("Not a date; write it as DD/MM/YYYY, e.g. 12/12/2025"),
    "date_parsing": N_("Not a date; write it as DD/MM/YYYY, e.g. 12/12/2025"),
    "string_unicode": N_("contains a character that cannot be stored; remove it"),
}


def build(cls: type[R], data: dict[str, Any]) -> R:
    """Validate `data` into a record, or raise `RecordInvalid` naming each bad field."""
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        problems: dict[str, str] = {}
        for item in error.errors():
            name = str(item["loc"][0]) if item["loc"] else "record"
            if item["type"] == "pulang":
                message = item["msg"]
            elif item["type"] == "value_error":
                message = str(item.get("ctx", {}).get("error", item["msg"]))
            else:
                message = _(_PYDANTIC_MESSAGES.get(item["type"], _NOT_VALID))
            problems.setdefault(name, message)
        labels = {n: cls.field_label(n) for n in problems if n in cls.model_fields}
        raise RecordInvalid(problems, labels) from None


def changed(record: R, **changes: Any) -> R:
    """A copy of `record` with `changes`, validated as a whole."""
    data = record.model_dump()
    data.update(changes)
    return build(type(record), data)

"""The one classification of every record field: public, personal or sensitive.

Each field declares its class (and its label) once, in its pydantic metadata, through
`public()`, `personal()` or `sensitive()`. Everything that logs, exports, shares or audits reads
it from here (`classification_of`, `fields_classified`), never from a list of its own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class Classification(StrEnum):
    PUBLIC = "public"  # may leave the tool, e.g. in statistics
    PERSONAL = "personal"  # names, phones, dates of birth, free-text notes about a person
    SENSITIVE = "sensitive"  # passport, current location and shelter, family contact, health


def _field(classification: Classification, label: str, default: Any = ..., *,
           text: str | None = None, shared: bool | None = None, local: bool = False,
           **kwargs: Any) -> Any:
    extra: dict[str, Any] = {"classification": classification.value, "label": label}
    if text is not None:  # the kind of text it holds (`store.domain.text.RULES`); a line by default
        extra["text"] = text
    if shared is not None:  # see `consent_covers`
        extra["shared"] = shared
    if local:  # see `is_local`
        extra["local"] = True
    return Field(default, json_schema_extra=extra, **kwargs)


def public(label: str, default: Any = ..., **kwargs: Any) -> Any:
    return _field(Classification.PUBLIC, label, default, **kwargs)


def personal(label: str, default: Any = ..., **kwargs: Any) -> Any:
    return _field(Classification.PERSONAL, label, default, **kwargs)


def sensitive(label: str, default: Any = ..., **kwargs: Any) -> Any:
    return _field(Classification.SENSITIVE, label, default, **kwargs)


def _extra(model: type[BaseModel], name: str) -> dict[str, Any]:
    extra = model.model_fields[name].json_schema_extra
    if not isinstance(extra, dict) or "classification" not in extra:
        raise LookupError(f"{model.__name__}.{name} has no classification")
    return extra


def classification_of(model: type[BaseModel], name: str) -> Classification:
    return Classification(_extra(model, name)["classification"])


def label_msgid(model: type[BaseModel], name: str) -> str:
    """The untranslated label of a field (pass it through `_()` to show it)."""
    return str(_extra(model, name)["label"])


def fields_classified(model: type[BaseModel], *levels: Classification) -> list[str]:
    """The names of the model's fields in any of the given classes, in declaration order."""
    return [name for name in model.model_fields if classification_of(model, name) in levels]


def consent_covers(model: type[BaseModel], name: str) -> bool:
    """Whether a worker's consent to a kind of recipient lets this private field go to one
    (`store.domain.rules.sharing`): a personal field does unless it is free notes written for
    the office (text of the NOTES kind) or is declared `shared=False`; a sensitive one only
    when declared `shared=True` (a passport's number: what an embassy needs for a travel
    document). Where a worker is, their family and their health never go."""
    extra = _extra(model, name)
    if "shared" in extra:
        return bool(extra["shared"])
    if Classification(extra["classification"]) is Classification.SENSITIVE:
        return False
    return extra.get("text") != "notes"  # store.domain.text.NOTES


def is_local(model: type[BaseModel], name: str) -> bool:
    """A field that is this database's own and never goes to a partner organisation's copy:
    with whom a case is shared, the partner a record came from, the officer assigned here."""
    return bool(_extra(model, name).get("local"))


def about_one_worker(model: type[BaseModel]) -> bool:
    """A kind of record declared to be about one worker as a whole (a legal matter, a sum of
    money in their case: `model_config`'s `json_schema_extra={"about_one_worker": True}`):
    that it exists at all says something of them. It goes to a recipient whole where the
    worker's consent covers that recipient, else not at all (`store.domain.rules.sharing`),
    and a plain export, which has no recipient's consent, holds none of its rows."""
    extra = model.model_config.get("json_schema_extra")
    return isinstance(extra, dict) and bool(extra.get("about_one_worker"))


def is_private(model: type[BaseModel], name: str) -> bool:
    """True for personal and sensitive fields: never in logs, crash reports or plain exports."""
    return classification_of(model, name) is not Classification.PUBLIC

"""Erasing a worker: what is left of their records once their personal and sensitive data is
gone for good (consent withdrawn, or a request under the data protection law).

Which fields are personal or sensitive is the field classification's
(`store.domain.classification`); `Database.erase_worker` applies these to the worker, their
screening, consent and plan, and the text of the case's log, meetings and tasks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypeVar

from store.domain.classification import is_private
from store.domain.records import Record, Worker

R = TypeVar("R", bound=Record)

ERASED_NAME = "[erased]"


def erased_worker(worker: Worker, now: dt.datetime) -> Worker:
    """The worker with every private field back to empty, their name ERASED_NAME, and the
    moment of the erasure (`now`) recorded."""
    blank: dict[str, Any] = {
        name: info.get_default(call_default_factory=True)
        for name, info in Worker.model_fields.items() if is_private(Worker, name)
    }
    blank.update(full_name=ERASED_NAME, erased_at=now)
    return worker.model_copy(update=blank)


def names_to_blank(worker: Worker) -> list[str]:
    """The worker's names to blank out of other records' text: every spelling of three
    letters or more."""
    return [n for n in worker.all_names if len(n.strip()) >= 3]


def blanked(kind: type[Record]) -> dict[str, Any]:
    """Every personal and sensitive field of `kind` back to empty (a required name becomes
    ERASED_NAME): what erasing leaves of a record."""
    blank: dict[str, Any] = {}
    for name, info in kind.model_fields.items():
        if is_private(kind, name):
            blank[name] = (ERASED_NAME if info.is_required()
                           else info.get_default(call_default_factory=True))
    return blank


def without_names(entry: R, names: list[str]) -> R | None:
    """The record with every spelling of `names` blanked out of its personal and sensitive
    text, or None if no such text held one. Ids and codes are never touched (a short name
    such as "Ade" can be part of an id's hex digits)."""
    changes: dict[str, Any] = {}
    for field, value in entry.model_dump().items():
        if not isinstance(value, str) or not value or not is_private(type(entry), field):
            continue
        cleaned = value
        for name in sorted(names, key=len, reverse=True):
            cleaned = re.sub(re.escape(name), ERASED_NAME, cleaned, flags=re.IGNORECASE)
        if cleaned != value:
            changes[field] = cleaned
    return entry.model_copy(update=changes) if changes else None

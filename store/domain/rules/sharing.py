"""What of a case may go to a recipient outside the union: the one rule, for a brief
(`store.exchange.brief`) and for a partner organisation's copy (`store.sync.partners`).

Read from the field classification only (`store.domain.classification`):
- a public field goes (a worker's sex, a case's facts, a step's status);
- a personal or sensitive field goes only where the workers the record concerns all consent
  to that kind of recipient (`consenting`), and then only if consent can cover it at all
  (`consent_covers`: not the office's free notes, not where a worker is, their family or
  their health);
- a field that is the database's own (`is_local`: whom a case is shared with, the officer
  assigned here) never goes;
- a record about one worker as a whole (`about_one_worker`: a legal matter, money in their
  case) goes whole or not at all (`goes_at_all`): whole where that worker's own consent
  covers the kind of recipient, and then `shared_body` applies the field rules to it as to
  any record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from store.domain.classification import (
    Classification,
    about_one_worker,
    classification_of,
    consent_covers,
    is_local,
)
from store.domain.records import Consent
from store.domain.vocab import RECIPIENT_OF_ORG, OrgKind, RecipientKind

# What a required name or text becomes where the recipient may not have it.
WITHHELD = "[withheld]"


def consenting(consents: Iterable[Consent | None], kind: RecipientKind) -> bool:
    """Whether every one of these workers' consents covers `kind` (a worker without consent
    does not). A record about no worker in particular concerns all of its case's."""
    return all(c is not None and c.allows(kind) for c in consents)


def goes_at_all(model: type[BaseModel], consent: Consent | None, kind: RecipientKind) -> bool:
    """Whether a record of `model` goes to a recipient of `kind` at all. A record about one
    worker as a whole (`about_one_worker`: its mere existence says something of them) goes
    only where `consent`, that worker's own, covers `kind` (none, withdrawn or narrowed: not
    at all, never as a shell of withheld fields); any other record goes, its fields as
    `shared_body` lets them. The partner's copy (`store.sync.partners`) and the briefs ask
    this before `shared_body`."""
    return not about_one_worker(model) or consenting([consent], kind)


def recipient_of(kind: OrgKind) -> RecipientKind:
    """The kind of recipient an organisation of this type is, for its workers' consent: a
    union is a partner union; one whose type says nothing is "other", which no consent
    names."""
    return RECIPIENT_OF_ORG.get(kind, RecipientKind.OTHER)


def may_go(model: type[BaseModel], name: str, consent: bool) -> bool:
    """Whether field `name` of a record of `model` may go to a recipient; `consent`: the
    workers it concerns consent to that kind of recipient (see the module)."""
    if is_local(model, name):
        return False
    if classification_of(model, name) is Classification.PUBLIC:
        return True
    return consent and consent_covers(model, name)


def shared_body(model: type[BaseModel], body: dict[str, Any], consent: bool) -> dict[str, Any]:
    """A stored record as a recipient may have it: a field that may not go is back to its
    empty value, but a required one and a text that holds something, which read WITHHELD; a
    field of the database's own is left out."""
    out: dict[str, Any] = {}
    for name, value in body.items():
        info = model.model_fields.get(name)
        if info is None:
            out[name] = value
        elif is_local(model, name):
            continue
        elif may_go(model, name, consent):
            out[name] = value
        elif info.is_required() or (isinstance(value, str) and value and _text(model, name)):
            out[name] = WITHHELD  # said withheld: an empty text could break a rule across
        else:                     # fields (a due date needs its next step)
            default = info.get_default(call_default_factory=True)
            out[name] = default.value if hasattr(default, "value") else default
    return out


def _text(model: type[BaseModel], name: str) -> bool:
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and "text" in extra


def withheld_fields(model: type[BaseModel], body: dict[str, Any], consent: bool) -> list[str]:
    """The fields holding a value that `shared_body` keeps back (for a recipient that had
    them before: consent withdrawn or narrowed)."""
    empty = shared_body(model, body, consent)
    return [name for name, value in body.items()
            if name in model.model_fields and not is_local(model, name)
            and value not in (None, "", [], {}) and empty.get(name) != value]

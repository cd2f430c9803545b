"""The registry's forms: a place (its map position typed, or pasted from a map link), an actor,
an identifier, and a link of a place or an actor to a case (a worker held there and when, an
actor's role). Each ends with where its fact came from, who reported it, when, and whether it
is alleged or confirmed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar, cast

from store import RecordInvalid, _, date_for_input
from store.domain import (
    Actor,
    ActorRole,
    Certainty,
    Identifier,
    IdentifierKind,
    InputProblem,
    Place,
    PlaceKind,
    PlaceStatus,
    RegistryLink,
    SourceKind,
    build,
    choices,
    country_name,
    label,
    map_position,
    parse_date,
)
from tui.dialogs.picker import PickItem
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.form.fields import PickField

if TYPE_CHECKING:
    from store.db import Database

S = TypeVar("S", Place, Actor, Identifier, RegistryLink)


def place_items(db: Database) -> list[PickItem]:
    return [PickItem(p.id, p.name, " · ".join(x for x in (label(p.kind), p.city) if x),
                     p.other_names) for p in db.places()]


def actor_items(db: Database) -> list[PickItem]:
    return [PickItem(a.id, a.name, label(a.role), a.other_names) for a in db.actors()]


class _SourcedForm(RecordForm[S]):
    """A form of the registry: its own fields, then where the fact came from."""

    def _db(self) -> Database:
        return cast("Database", getattr(self.app, "db"))

    def own_fields(self) -> list[FieldSpec]:
        raise NotImplementedError

    def fields(self) -> list[FieldSpec]:
        return [*self.own_fields(),
                FieldSpec("certainty", "select", choices(Certainty), required=True),
                FieldSpec("source", "select", choices(SourceKind), required=True),
                FieldSpec("reported_by", placeholder=_("who told or found it")),
                FieldSpec("reported_on", placeholder="DD/MM/YYYY")]

    def source_defaults(self) -> dict[str, Any]:
        return {"certainty": Certainty.ALLEGED, "source": SourceKind.OFFICER}

    def source_values(self, record: Any) -> dict[str, Any]:
        return {"certainty": record.certainty, "source": record.source,
                "reported_by": record.reported_by,
                "reported_on": date_for_input(record.reported_on)}

    def defaults(self) -> dict[str, Any]:
        return self.source_defaults()

    def persist(self, record: S) -> S:
        return self._db().save(record)

    def _pick_names(self, field: str, items: list[PickItem]) -> None:
        """Show the chosen record by its name (the field knows only its id)."""
        pick = self.query_one(f"#f-{field}", PickField)
        pick.names.update({item.id: item.label for item in items if item.id in pick.chosen})
        pick.set_value(pick.value)

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> _SourcedForm[Any]:
        record = cls.record_type.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])


class PlaceForm(_SourcedForm[Place]):
    record_type = Place
    draft_kind = "place"

    def own_fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", required=True, placeholder=_("e.g. KK Park, Shwe Kokko")),
            FieldSpec("other_names", placeholder=_("separated by commas")),
            FieldSpec("kind", "select", choices(PlaceKind), required=True),
            FieldSpec("status", "select", choices(PlaceStatus), required=True,
                      hint=_("A new status is dated today in its history.")),
            FieldSpec("city", placeholder=_("e.g. Bavet")),
            FieldSpec("province", placeholder=_("e.g. Svay Rieng")),
            FieldSpec("country", "country",
                      placeholder=_("country name or code, e.g. Cambodia or KH")),
            FieldSpec("position", label=_("Position"),
                      placeholder=_("11.0921, 106.1233 or a map link pasted"),
                      hint=_("Latitude and longitude, or a link copied from a map (Google "
                             "Maps, OpenStreetMap): nothing is looked up on the network.")),
            FieldSpec("operator_id", "pick", source=lambda: actor_items(self._db())),
            FieldSpec("moved_to_id", "pick", source=self._other_places),
            FieldSpec("notes", "area"),
        ]

    def _other_places(self) -> list[PickItem]:
        own = self.record.id if self.record is not None else None
        return [item for item in place_items(self._db()) if item.id != own]

    def on_mount(self) -> None:
        super().on_mount()
        self._pick_names("operator_id", actor_items(self._db()))
        self._pick_names("moved_to_id", place_items(self._db()))

    def defaults(self) -> dict[str, Any]:
        return {**self.source_defaults(), "kind": PlaceKind.COMPOUND,
                "status": PlaceStatus.OPERATING, "operator_id": None, "moved_to_id": None}

    def values_of(self, place: Place) -> dict[str, Any]:
        position = ("" if place.latitude is None or place.longitude is None
                    else f"{place.latitude}, {place.longitude}")
        return {"name": place.name, "other_names": ", ".join(place.other_names),
                "kind": place.kind, "status": place.status, "city": place.city,
                "province": place.province, "country": country_name(place.country),
                "position": position, "operator_id": place.operator_id,
                "moved_to_id": place.moved_to_id, "notes": place.notes,
                **self.source_values(place)}

    def validated(self) -> Place | None:
        """The place the widgets hold, its position read from what was typed or pasted."""
        values = self.values()
        text = str(values.pop("position") or "").strip()
        position = map_position(text) if text else (None, None)
        data = {**self.base_data(), **values}
        problems = {}
        if position is None:
            problems["position"] = _("is neither a latitude and longitude nor a map link")
        else:
            data["latitude"], data["longitude"] = position
        try:
            record = build(Place, data)
        except RecordInvalid as invalid:
            for field in ("latitude", "longitude"):
                if field in invalid.errors:
                    problems.setdefault("position", invalid.errors[field])
            self._refused(RecordInvalid({**invalid.errors, **problems}, {}))
            return None
        if problems:
            self._refused(RecordInvalid(problems, {}))
            return None
        self.show_errors({})
        self._show_status("")
        return record


class ActorForm(_SourcedForm[Actor]):
    record_type = Actor
    draft_kind = "actor"

    def own_fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", required=True, placeholder=_("a name, or the alias they use")),
            FieldSpec("other_names", placeholder=_("separated by commas")),
            FieldSpec("role", "select", choices(ActorRole), required=True),
            FieldSpec("country", "country",
                      placeholder=_("country name or code, e.g. Indonesia or ID")),
            FieldSpec("notes", "area"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {**self.source_defaults(), "role": ActorRole.RECRUITER}

    def values_of(self, actor: Actor) -> dict[str, Any]:
        return {"name": actor.name, "other_names": ", ".join(actor.other_names),
                "role": actor.role, "country": country_name(actor.country),
                "notes": actor.notes, **self.source_values(actor)}


class IdentifierForm(_SourcedForm[Identifier]):
    record_type = Identifier
    draft_kind = "identifier"

    def own_fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("kind", "select", choices(IdentifierKind), required=True),
            FieldSpec("value", required=True,
                      placeholder=_("+855 12 345 678, @handle, t.me/… or an account number"),
                      hint=_("Written as its platform writes it when saved: the same handle "
                             "typed three ways is one.")),
            FieldSpec("bank", placeholder=_("for an account: the bank or the wallet")),
            FieldSpec("actor_id", "pick", source=lambda: actor_items(self._db())),
            FieldSpec("place_id", "pick", source=lambda: place_items(self._db())),
            FieldSpec("seen", "area",
                      placeholder=_("Facebook group Loker Kamboja, 03/01/2026"),
                      hint=_("One a line: where it was seen, then a comma and the date if "
                             "known.")),
            FieldSpec("notes", "area"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self._pick_names("actor_id", actor_items(self._db()))
        self._pick_names("place_id", place_items(self._db()))

    def defaults(self) -> dict[str, Any]:
        return {**self.source_defaults(), "kind": IdentifierKind.PHONE, "actor_id": None,
                "place_id": None}

    def values_of(self, identifier: Identifier) -> dict[str, Any]:
        return {"kind": identifier.kind, "value": identifier.value, "bank": identifier.bank,
                "actor_id": identifier.actor_id, "place_id": identifier.place_id,
                "seen": "\n".join(", ".join(x for x in (s.where, date_for_input(s.on)) if x)
                                  for s in identifier.seen),
                "notes": identifier.notes, **self.source_values(identifier)}

    def validated(self) -> Identifier | None:
        """The identifier the widgets hold, each line of "seen" read as where, then a date."""
        values = self.values()
        seen, wrong = [], []
        for number, line in enumerate(str(values.pop("seen") or "").splitlines(), start=1):
            line = line.strip()
            where, comma, last = line.rpartition(",")
            if comma and last.strip():
                on = _date_or_none(last)
                if on is not None:
                    seen.append({"where": where.strip(), "on": on})
                    continue
                if looks_like_a_date(last):
                    wrong.append(str(number))
                    continue
            if line:
                on = _date_or_none(line) if looks_like_a_date(line) else None
                seen.append({"where": "" if on else line, "on": on})
        if wrong:
            self._refused(RecordInvalid({"seen": _(
                "line {lines}: the date after the comma is not one Pulang reads (DD/MM/YYYY)"
            ).format(lines=", ".join(wrong))}, {}))
            return None
        try:
            record = build(Identifier, {**self.base_data(), **values, "seen": seen})
        except RecordInvalid as invalid:
            self._refused(invalid)
            return None
        self.show_errors({})
        self._show_status("")
        return record


def _date_or_none(text: str) -> dt.date | None:
    try:
        return parse_date(text.strip())
    except InputProblem:
        return None


def looks_like_a_date(text: str) -> bool:
    """Whether what follows a line's last comma was meant as a date: digits and separators
    only ("3/1/2026", "2026-01-03"), or a day and a month's name ("3 Jan")."""
    text = text.strip()
    return bool(text) and any(c.isdigit() for c in text) and len(text.split()) <= 3


class RegistryLinkForm(_SourcedForm[RegistryLink]):
    """A place or an actor of the registry linked to a case: a worker held at the place (from,
    to), or the actor's role with a worker (or with the whole case)."""

    record_type = RegistryLink
    draft_kind = "registry_link"

    def __init__(self, record: RegistryLink | None, title: str, *, case_id: str,
                 target: tuple[str, str], workers: list[tuple[str, str]]) -> None:
        self.case_id = case_id
        self.target = target  # ("place_id" or "actor_id", its id)
        self.worker_choices = workers  # (name, id) of the case's workers
        super().__init__(record, title)

    def own_fields(self) -> list[FieldSpec]:
        field, _id = self.target
        specs = [FieldSpec("worker_id", "select", self.worker_choices,
                           hint=_("(not set): the whole case"))]
        if field == "place_id":
            specs += [FieldSpec("held_from", placeholder="DD/MM/YYYY"),
                      FieldSpec("held_to", placeholder="DD/MM/YYYY")]
        else:
            specs.append(FieldSpec("role", "select", choices(ActorRole)))
        return [*specs, FieldSpec("note")]

    def defaults(self) -> dict[str, Any]:
        return {**self.source_defaults(), "source": SourceKind.WORKER}

    def values_of(self, link: RegistryLink) -> dict[str, Any]:
        values = {"worker_id": link.worker_id, "note": link.note, **self.source_values(link)}
        if self.target[0] == "place_id":
            values.update(held_from=date_for_input(link.held_from),
                          held_to=date_for_input(link.held_to))
        else:
            values["role"] = link.role
        return values

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        field, target_id = self.target
        return {**data, "case_id": self.case_id, field: target_id}

    def draft(self) -> dict[str, Any]:
        return {**super().draft(), "case_id": self.case_id, "target": list(self.target),
                "workers": [list(w) for w in self.worker_choices]}

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> RegistryLinkForm:
        record = RegistryLink.model_validate(draft["record"]) if draft.get("record") else None
        field, target_id = draft["target"]
        return cls(record, draft["title"], case_id=draft["case_id"], target=(field, target_id),
                   workers=[(name, wid) for name, wid in draft["workers"]])


__all__ = ["ActorForm", "IdentifierForm", "PlaceForm", "RegistryLinkForm", "actor_items",
           "place_items"]

"""The registry in a generated database (who trafficked, and where), for
tests/perf/generate_more.py: compounds and other places in the destination countries (a few
large ones hold many cases, as KK Park or Shwe Kokko do; some raided, some moved after a raid
to another), recruiters, agencies, brokers and bosses, and their phones, Telegram handles and
bank accounts; a few hundred of each at 50,000 cases (`Registry.make`, before the cases).

`Registry.links` ties them to a case as the models allow (`RegistryLink`): about two cases
in five name the place where their workers were held (each worker held from a day to a day),
one in four a recruiter (with the worker recruited), some an identifier seen in the case; and
a prosecution of a worker's names its recruiter (`LegalMatter.actor_ids`).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from store.domain.records import Actor, Identifier, Place, RegistryLink
from store.domain.registry_codes import (
    ActorRole,
    Certainty,
    IdentifierKind,
    PlaceKind,
    PlaceStatus,
    SourceKind,
)
from store.domain.rules.identifiers import normalise
from tests.perf.generate_kinds import count_of, template

Doc = dict[str, Any]
Stamp = Callable[[random.Random, dt.datetime], Doc]

_COUNTRIES = ["KH", "KH", "KH", "MM", "MM", "LA", "PH", "MY", "TH"]
_PROVINCES = {"KH": ["Preah Sihanouk", "Kandal", "Banteay Meanchey", "Svay Rieng"],
              "MM": ["Kayin", "Shan"], "LA": ["Bokeo", "Luang Namtha"], "PH": ["Pampanga"],
              "MY": ["Johor"], "TH": ["Tak"]}
_CITIES = {"KH": ["Sihanoukville", "Ta Khmau", "Poipet", "Bavet"], "MM": ["Myawaddy",
           "Shwe Kokko", "Tachileik"], "LA": ["Ton Pheung", "Boten"], "PH": ["Clark"],
           "MY": ["Johor Bahru"], "TH": ["Mae Sot"]}
_NAMES = ["Park", "Garden", "Tower", "Resort", "Industrial Zone", "Building", "Casino", "City"]
_WORDS = ["Golden", "Lotus", "Jin Bei", "Huione", "Dragon", "Crown", "Star", "Royal", "Sky",
          "Fortune", "Jade", "Kaiyue", "Victory", "Apollo"]
_ALIASES = ["Boss Chen", "Mr. Wang", "Pak Andi", "Madam Lin", "Ko Zaw", "Agent Tony", "Bang Jek",
            "Lao Li", "Sister May", "Uncle Som"]


@dataclass
class Registry:
    places: list[Doc] = field(default_factory=list)
    actors: list[Doc] = field(default_factory=list)
    identifiers: list[Doc] = field(default_factory=list)
    # Compounds by country, each with its weight (a few large ones, many small).
    _held: dict[str, tuple[list[Doc], list[float]]] = field(default_factory=dict)
    _recruiters: list[Doc] = field(default_factory=list)

    @classmethod
    def make(cls, rng: random.Random, cases: int, today: dt.date, stamp: Stamp) -> Registry:
        reg = cls()
        since = dt.datetime.combine(today - dt.timedelta(days=4 * 365), dt.time(9, 0),
                                    tzinfo=dt.timezone.utc)
        actor_tpl, place_tpl, ident_tpl = template(Actor), template(Place), template(Identifier)
        for n in range(count_of("actors", cases)):
            role = rng.choice([ActorRole.RECRUITER] * 5 + [
                ActorRole.AGENCY, ActorRole.BROKER, ActorRole.EMPLOYER, ActorRole.TRANSPORTER])
            reg.actors.append({
                **actor_tpl, **_sourced(rng, since, today, stamp),
                "name": f"{rng.choice(_ALIASES)} {n}" if role is not ActorRole.AGENCY
                else f"PT {rng.choice(_WORDS)} Karya {n}",
                "other_names": [rng.choice(_ALIASES)] if rng.random() < 0.3 else [],
                "role": role.value,
                "country": rng.choice(["ID", "ID", "CN", "KH", "MM"]),
                "notes": ""})
        reg._recruiters = [a for a in reg.actors if a["role"] in ("recruiter", "agency")]
        for n in range(count_of("places", cases)):
            # A compound in every destination first, then as the cases go.
            first = n < len(_PROVINCES)
            country = list(_PROVINCES)[n] if first else rng.choice(_COUNTRIES)
            kind = PlaceKind.COMPOUND if first else rng.choice(
                [PlaceKind.COMPOUND] * 6 + [PlaceKind.TRANSIT, PlaceKind.RECRUITMENT])
            reported = _sourced(rng, since, today, stamp)
            status, history = _status(rng, dt.date.fromisoformat(reported["reported_on"]),
                                      today)
            bosses = [a for a in reg.actors if a["role"] == "employer"]
            reg.places.append({
                **place_tpl, **reported,
                "name": f"{rng.choice(_WORDS)} {rng.choice(_NAMES)} {n}",
                "kind": kind.value, "city": rng.choice(_CITIES[country]),
                "province": rng.choice(_PROVINCES[country]), "country": country,
                "latitude": round(rng.uniform(10.5, 20.5), 5) if rng.random() < 0.4 else None,
                "operator_id": rng.choice(bosses)["id"] if bosses and rng.random() < 0.3
                else None,
                "status": status, "history": history})
        for place in reg.places:  # moved after a raid: to another of its country
            if place["status"] == "relocated":
                others = [p for p in reg.places if p["country"] == place["country"]
                          and p is not place]
                place["moved_to_id"] = rng.choice(others)["id"] if others else None
            if place["latitude"] is not None:
                place["longitude"] = round(rng.uniform(97.5, 106.5), 5)
        for place in reg.places:
            if place["kind"] == "compound":
                held = reg._held.setdefault(place["country"], ([], []))
                held[0].append(place)
                held[1].append(1 / (len(held[0]) ** 1.1))  # Zipf-like: the first are large
        for _ in range(count_of("identifiers", cases)):
            actor = rng.choice(reg.actors)
            kind = rng.choice([IdentifierKind.PHONE, IdentifierKind.PHONE,
                               IdentifierKind.TELEGRAM, IdentifierKind.WHATSAPP,
                               IdentifierKind.FACEBOOK, IdentifierKind.BANK_ACCOUNT])
            raw = {IdentifierKind.PHONE: f"+62 8{rng.randrange(10**9, 10**10)}",
                   IdentifierKind.WHATSAPP: f"+855 {rng.randrange(10**8, 10**9)}",
                   IdentifierKind.TELEGRAM: f"@{actor['name'].split()[0].lower()}"
                                            f"{rng.randrange(10**4)}",
                   IdentifierKind.FACEBOOK: f"facebook.com/lowongan.{rng.randrange(10**6)}",
                   IdentifierKind.BANK_ACCOUNT: str(rng.randrange(10**9, 10**10))}[kind]
            reg.identifiers.append({
                **ident_tpl, **_sourced(rng, since, today, stamp), "kind": kind.value,
                "value": normalise(kind, raw),
                "bank": "Bank Rakyat Indonesia" if kind is IdentifierKind.BANK_ACCOUNT else "",
                "actor_id": actor["id"],
                "seen": [{"where": "A worker's phone", "on": None}] if rng.random() < 0.3
                else []})
        return reg

    def links(self, rng: random.Random, case: Doc, workers: list[Doc], today: dt.date,
              stamp: Stamp) -> list[Doc]:
        """The case's links to the registry (see the module's doc)."""
        out: list[Doc] = []
        tpl = template(RegistryLink)
        reported = dt.date.fromisoformat(case["date_reported"])
        when = dt.datetime.combine(reported, dt.time(15, 0), tzinfo=dt.timezone.utc)
        base = {**tpl, "case_id": case["id"], "reported_on": reported.isoformat(),
                "source": SourceKind.WORKER.value, "reported_by": "Rina"}
        held = self._held.get(case["destination_country"])
        if held and rng.random() < 0.4:
            place = rng.choices(held[0], weights=held[1])[0]
            for worker in workers:
                start = reported - dt.timedelta(days=rng.randrange(30, 300))
                out.append({**base, **stamp(rng, when), "worker_id": worker["id"],
                            "place_id": place["id"], "held_from": start.isoformat(),
                            "held_to": (reported - dt.timedelta(days=rng.randrange(0, 20)))
                            .isoformat() if rng.random() < 0.7 else None})
        if self._recruiters and rng.random() < 0.25:
            actor = rng.choice(self._recruiters)
            out.append({**base, **stamp(rng, when), "worker_id": rng.choice(workers)["id"],
                        "actor_id": actor["id"], "role": actor["role"],
                        "note": "Recruited through a job advert" if rng.random() < 0.5 else ""})
        if self.identifiers and rng.random() < 0.08:
            out.append({**base, **stamp(rng, when), "worker_id": None,
                        "identifier_id": rng.choice(self.identifiers)["id"],
                        "note": "Number the recruiter called from"})
        return out

    def recruiter_of(self, links: list[Doc]) -> str | None:
        return next((link["actor_id"] for link in links if link["actor_id"]), None)


def _sourced(rng: random.Random, since: dt.datetime, today: dt.date, stamp: Stamp) -> Doc:
    at = since + dt.timedelta(days=rng.randrange(max((today - since.date()).days, 1)))
    return {**stamp(rng, at), "source": rng.choice(list(SourceKind)).value,
            "reported_by": rng.choice(["Rina", "Dewi", "Somchai"]),
            "reported_on": at.date().isoformat(),
            "certainty": rng.choice([Certainty.ALLEGED, Certainty.ALLEGED,
                                     Certainty.CONFIRMED]).value}


def _status(rng: random.Random, reported: dt.date, today: dt.date) -> tuple[str, list[Doc]]:
    status = rng.choice([PlaceStatus.OPERATING] * 4 + [PlaceStatus.RAIDED, PlaceStatus.RELOCATED,
                                                       PlaceStatus.CLOSED, PlaceStatus.UNKNOWN])
    history = [{"status": PlaceStatus.OPERATING.value, "on": reported.isoformat(), "note": ""}]
    if status not in (PlaceStatus.OPERATING, PlaceStatus.UNKNOWN):
        on = min(reported + dt.timedelta(days=rng.randrange(30, 600)), today)
        history.append({"status": status.value, "on": on.isoformat(),
                        "note": "Raided by the police" if status is PlaceStatus.RAIDED else ""})
    return status.value, history if status is not PlaceStatus.UNKNOWN else []

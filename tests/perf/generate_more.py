"""The kinds of record the benchmark's generator made last (issue 36), for tests/perf/generate.py:
workers' screenings and consents (generate_screening.py), the money in their cases
(generate_money.py), the registry of places, actors and identifiers with its links to cases
(generate_registry.py), the union's directory with its meetings, agreements and tasks
(generate_network.py), and the lists taken in and families' inquiries (generate_tracing.py).

Each kind draws from a random stream of its own (`More.begin`), so the cases, workers, log
entries and the kinds made before stay as they were drawn. Two links change records of those
kinds (from the "links" stream, without touching their draws): a log entry naming an
organisation of the directory links to it (`counterpart_org_id`, two in three), and a worker's
prosecution names the recruiter the case links to (`actor_ids`), legal aid its organisation.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from store.common import clock
from store.domain.records import (
    Actor,
    Agreement,
    Consent,
    Identifier,
    Inquiry,
    Intake,
    Meeting,
    MoneyEntry,
    Organisation,
    Person,
    Place,
    RegistryLink,
    Screening,
    Task,
)
from store.domain.records.base import STORED
from tests.perf.generate_money import make_money
from tests.perf.generate_network import Network
from tests.perf.generate_registry import Registry
from tests.perf.generate_screening import make_screenings
from tests.perf.generate_tracing import Sample, make_tracing
from tests.perf.people_names import People

Doc = dict[str, Any]
Stamp = Callable[[random.Random, dt.datetime], Doc]

# The tables this module adds, with the model of each (to validate a sample).
KINDS: dict[str, type] = {
    "screenings": Screening, "consents": Consent, "money": MoneyEntry,
    "organisations": Organisation, "people": Person, "meetings": Meeting,
    "agreements": Agreement, "tasks": Task, "places": Place, "actors": Actor,
    "identifiers": Identifier, "registry_links": RegistryLink, "intakes": Intake,
    "inquiries": Inquiry}
_STREAMS = ("screenings", "money", "network", "registry", "registry_links", "links", "meetings",
            "tracing", "sample")


@dataclass
class More:
    rngs: dict[str, random.Random]
    cases: int
    today: dt.date
    stamp: Stamp
    network: Network
    registry: Registry
    sample: Sample

    @classmethod
    def begin(cls, seed: int, cases: int, today: dt.date, stamp: Stamp,
              org_names: Sequence[str]) -> More:
        """The streams, and the records made before the cases: the directory's organisations,
        people and agreements (`org_names` among them: those the log entries name) and the
        registry's places, actors and identifiers."""
        rngs = {kind: random.Random(f"{kind}-{seed}") for kind in _STREAMS}
        return cls(rngs, cases, today, stamp,
                   Network.make(rngs["network"], cases, org_names, today, stamp),
                   Registry.make(rngs["registry"], cases, today, stamp),
                   Sample(rngs["sample"]))

    def before(self) -> dict[str, list[Doc]]:
        net, reg = self.network, self.registry
        return {"organisations": net.organisations, "people": net.people,
                "agreements": net.agreements, "places": reg.places, "actors": reg.actors,
                "identifiers": reg.identifiers}

    def of_case(self, case: Doc, workers: list[Doc], entries: list[Doc],
                matters: list[Doc]) -> dict[str, list[Doc]]:
        """A case's screenings, consents, money and registry links; its log entries and legal
        matters linked in place (see the module's doc)."""
        rngs, today, stamp = self.rngs, self.today, self.stamp
        screenings, consents = make_screenings(rngs["screenings"], case, workers, today, stamp)
        money = make_money(rngs["money"], case, workers, today, stamp)
        links = self.registry.links(rngs["registry_links"], case, workers, today, stamp)
        self._link(case, entries, matters, links)
        self.sample.offer(case, workers)
        return {"screenings": screenings, "consents": consents, "money": money,
                "registry_links": links}

    def _link(self, case: Doc, entries: list[Doc], matters: list[Doc],
              links: list[Doc]) -> None:
        rng, by_name = self.rngs["links"], self.network.by_name
        for entry in entries:
            org_id = by_name.get(entry.get("counterpart_org") or "")
            if org_id and rng.random() < 2 / 3:
                entry["counterpart_org_id"] = org_id
        recruiter = self.registry.recruiter_of(links)
        legal_orgs = [o for o in self.network.organisations if o["kind"] == "LegalService"]
        for matter in matters:
            if matter["kind"] == "prosecution" and recruiter:
                matter["actor_ids"] = [recruiter]
            elif matter["kind"] == "legal_aid" and legal_orgs and rng.random() < 0.5:
                org = rng.choice(legal_orgs)
                matter.update(org_id=org["id"], organisation=org["name"])

    def after(self, people: People) -> dict[str, list[Doc]]:
        """The records made after the cases: meetings and tasks, intakes and inquiries."""
        case_ids = [case["id"] for case, _workers in self.sample.cases]
        meetings, tasks = self.network.meetings_and_tasks(self.rngs["meetings"], self.cases,
                                                          case_ids, self.today, self.stamp)
        compounds = [p for p in self.registry.places if p["kind"] == "compound"]
        intakes, inquiries = make_tracing(
            self.rngs["tracing"], self.cases, self.sample, people,
            [o["id"] for o in self.network.organisations], compounds, self.today, self.stamp)
        return {"meetings": meetings, "tasks": tasks, "intakes": intakes,
                "inquiries": inquiries}


def validate_more(added: dict[str, list[Doc]], today: dt.date, limit: int = 50) -> None:
    """Put (up to `limit` of each table of) the records through the real models, as the store
    reads them and as `pulang check` does, on the generator's day `today`."""
    clock.set_today(today)
    try:
        for name, docs in added.items():
            kind = KINDS.get(name)
            if kind is None:
                continue
            for doc in docs[:limit]:
                kind.model_validate(doc, context=STORED)
                kind.model_validate(dict(doc))
    finally:
        clock.set_today(None)

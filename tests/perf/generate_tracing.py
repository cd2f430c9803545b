"""Lists taken in and families' inquiries in a generated database (the tables of
store/engine/migrations.py TRACING_TABLES), for tests/perf/generate_more.py: a few dozen of
each at 50,000 cases, made after the cases from a sample of them (`Sample`).

An intake is an embassy's, a shelter's or the police's list: open ones hold their rows as the
list wrote them (a present worker's name as another list spells it, or someone new), each with
what the matching proposed and, for some, the officer's decision; confirmed ones keep only the
decisions and ids (`IntakeRow.blanked`: nothing personal twice), with the cases they made; a
few were abandoned. An inquiry is a family's: who asks and how to reach them (with their
consent to the tracing), who is sought, where last heard of (now and then a registry
compound); most still open (some with a match for an officer to confirm: Today shows them),
some found (the family told, or not yet), a few closed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from store.domain.records import Inquiry, Intake
from store.domain.registry_codes import IntakeSource, IntakeStatus, RowDecision
from tests.perf.generate_kinds import count_of, template
from tests.perf.people_names import People, draw_person

Doc = dict[str, Any]
Stamp = Callable[[random.Random, dt.datetime], Doc]
_RELATIONS = ["mother", "father", "wife", "husband", "sister", "brother", "aunt"]
_ABOUT = {"name", "other_spellings", "sex", "date_of_birth", "nationality", "home_province"}


@dataclass
class Sample:
    """A uniform sample of the cases made (reservoir sampling: a stream of its own), each with
    what the intakes and inquiries need of its workers."""

    rng: random.Random
    size: int = 400
    seen: int = 0
    cases: list[tuple[Doc, list[Doc]]] = field(default_factory=list)

    def offer(self, case: Doc, workers: list[Doc]) -> None:
        self.seen += 1
        kept = ({k: case[k] for k in ("id", "destination_country", "date_reported")},
                [{k: w.get(k) for k in ("id", "full_name", "other_spellings", "sex",
                                        "date_of_birth", "nationality", "home_province")}
                 for w in workers])
        if len(self.cases) < self.size:
            self.cases.append(kept)
        elif (at := self.rng.randrange(self.seen)) < self.size:
            self.cases[at] = kept


def make_tracing(rng: random.Random, cases: int, sample: Sample, people: People,
                 org_ids: list[str], compounds: list[Doc], today: dt.date, stamp: Stamp,
                 ) -> tuple[list[Doc], list[Doc]]:
    """The intakes and inquiries (see the module's doc)."""
    inquiries = [_inquiry(rng, sample, people, compounds, today, stamp)
                 for _ in range(count_of("inquiries", cases))]
    intakes = [_intake(rng, sample, people, org_ids, inquiries, today, stamp)
               for _ in range(count_of("intakes", cases))]
    return intakes, inquiries


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.timezone.utc)


def _intake(rng: random.Random, sample: Sample, people: People, org_ids: list[str],
            inquiries: list[Doc], today: dt.date, stamp: Stamp) -> Doc:
    status = rng.choice([IntakeStatus.OPEN] * 3 + [IntakeStatus.CONFIRMED] * 3
                        + [IntakeStatus.ABANDONED])
    received = today - dt.timedelta(days=rng.randrange(0, 30 if status is IntakeStatus.OPEN
                                                       else 700))
    made = rng.sample(sample.cases, min(len(sample.cases), rng.randrange(1, 4)))
    rows = []
    for n in range(rng.randrange(8, 60)):
        case, workers = rng.choice(made)
        worker = rng.choice(workers)
        present = rng.random() < 0.5
        row = {"label": f"row {n + 2} (No. {n + 1})", "sex": worker["sex"] or "unknown",
               "nationality": worker["nationality"], "proposed": "match" if present else "new",
               "decision": None, "worker_id": None, "inquiry_id": None, "case_id": None}
        if status is IntakeStatus.CONFIRMED:
            row.update(decision=row["proposed"] if rng.random() < 0.95 else "skip")
            if row["decision"] != "skip":
                row.update(worker_id=worker["id"], case_id=case["id"])
            rows.append(_blank(row))
            continue
        person = worker if present else draw_person(rng, people, worker["nationality"] or "ID")
        born = person.get("date_of_birth")
        row.update(name=person["full_name"], other_names=list(person.get("other_spellings")
                                                              or [])[:1],
                   date_of_birth=born if isinstance(born, str) or born is None
                   else born.isoformat(),
                   home_province=worker["home_province"] or "",
                   compound="KK Park" if rng.random() < 0.3 else "",
                   phone="", passport="", notes="", age=None)
        if present:
            row.update(worker_id=worker["id"])
        if rng.random() < 0.5:  # reviewed already
            row.update(decision=row["proposed"] if rng.random() < 0.9 else RowDecision.SKIP.value)
        if inquiries and rng.random() < 0.03:
            row.update(inquiry_id=rng.choice(inquiries)["id"])
        rows.append(_blank(row, keep=True))
    return {**template(Intake), **stamp(rng, _noon(received)),
            "title": f"{rng.choice(['Embassy list', 'Shelter list', 'Police list'])} "
                     f"{received.isoformat()}",
            "source": rng.choice(list(IntakeSource)).value,
            "source_org_id": rng.choice(org_ids) if org_ids and rng.random() < 0.7 else None,
            "received_on": received.isoformat(), "status": status.value,
            "destination_country": made[0][0]["destination_country"], "rows": rows,
            "case_ids": [c["id"] for c, _w in made] if status is IntakeStatus.CONFIRMED else [],
            "confirmed_on": received.isoformat() if status is IntakeStatus.CONFIRMED else None,
            "confirmed_by": "Rina" if status is IntakeStatus.CONFIRMED else ""}


def _blank(row: Doc, keep: bool = False) -> Doc:
    """Every field of an intake's row, in its order (the personal ones empty unless `keep`)."""
    empty = {"name": "", "other_names": [], "date_of_birth": None, "age": None, "phone": "",
             "passport": "", "home_province": "", "compound": "", "notes": ""}
    full = {**empty, **row} if keep else {**row, **empty}
    order = ("label", "name", "other_names", "date_of_birth", "age", "sex", "nationality",
             "phone", "passport", "home_province", "compound", "notes", "proposed", "decision",
             "worker_id", "inquiry_id", "case_id")
    return {k: full[k] for k in order}


def _inquiry(rng: random.Random, sample: Sample, people: People, compounds: list[Doc],
             today: dt.date, stamp: Stamp) -> Doc:
    case, workers = rng.choice(sample.cases)
    worker = rng.choice(workers)
    known = rng.random() < 0.6  # the one sought is one of the workers
    nationality = worker["nationality"] or "ID"
    sought = worker if known else draw_person(rng, people, nationality)
    born = sought.get("date_of_birth")
    reported = dt.date.fromisoformat(case["date_reported"])
    received = min(today, reported + dt.timedelta(days=rng.randrange(-60, 60)))
    status = rng.choice(["open"] * 5 + ["found"] * 3 + ["closed"]) if known else \
        rng.choice(["open"] * 6 + ["closed"])
    place = [c for c in compounds if c["country"] == case["destination_country"]]
    phone = f"+628{rng.randrange(10**9, 10**10)}"
    return {**template(Inquiry), **stamp(rng, _noon(received)),
            "inquirer_name": draw_person(rng, people, nationality)["full_name"],
            "relation": rng.choice(_RELATIONS), "inquirer_phone": phone,
            "handles": [{"kind": "whatsapp", "value": phone}] if rng.random() < 0.6 else [],
            "reach_by": "WhatsApp, evenings", "consent_given_on": received.isoformat(),
            "consent_taken_by": "Siti Rahmawati",
            "sought_name": sought["full_name"],
            "sought_date_of_birth": born if isinstance(born, str) or born is None
            else born.isoformat(),
            "sought_sex": sought.get("sex") or "unknown", "sought_nationality": nationality,
            "last_message_on": (received - dt.timedelta(days=rng.randrange(5, 90))).isoformat(),
            "last_city": rng.choice(["Sihanoukville", "Myawaddy", "Poipet", ""]),
            "last_country": case["destination_country"],
            "place_id": rng.choice(place)["id"] if place and rng.random() < 0.3 else None,
            "received_on": received.isoformat(), "received_by": "Siti Rahmawati",
            "status": status,
            "pending_worker_id": worker["id"] if known and status == "open"
            and rng.random() < 0.5 else None,
            "worker_id": worker["id"] if status == "found" else None,
            "told_family_on": received.isoformat() if status == "found" and rng.random() < 0.7
            else None}

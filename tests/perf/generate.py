"""Deterministic synthetic Pulang databases for benchmarks and for trying the app at scale.

    python -m tests.perf.generate --cases 50000 --out /tmp/pulang-50k.json

Each case averages 3 workers and 8 log entries, about 7 KB of JSON with everything a record
carries. Case number 1 is always a group case with exactly 20 workers (the benchmark opens it);
its reference is `group_case_ref(seed)`, e.g. PH-2022-00001. Names come in Indonesian, Lao,
Khmer, Burmese and Thai, in their own scripts and in the Latin spellings they reach a union
officer in. Records are written as the store writes them
(a sample is validated through the real pydantic models while generating).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import uuid
from pathlib import Path
from typing import Any

from store.domain.records import Case, LogEntry, Worker
from store.domain.vocab import (
    CaseKind,
    ExploitationType,
    LogKind,
    PassportStatus,
    ReachedVia,
    Sector,
    Sex,
    Stage,
    Urgency,
)
from store.engine.migrations import FORMAT_MARKER, META_DOC, META_TABLE, SCHEMA_VERSION

# (given names, family names, other spellings of some names) by nationality
NAMES: dict[str, tuple[list[str], list[str]]] = {
    "ID": (["Rizky", "Dewi", "Agus", "Siti", "Fajar", "Nur Aisyah", "Bayu", "Putu Eka", "Wulan",
            "Hendra", "Yohanes", "Fitriani", "Teguh", "Ratna", "Andreas", "Lestari"],
           ["Pratama", "Siregar", "Hidayat", "Wahyuningsih", "Lubis", "Manek", "Ramadhani",
            "Harahap", "Wardana", "Gunawan", "Tumbelaka", "Prasetyo", "Juwita", "Nugroho"]),
    "LA": (["Souksavanh", "Khamphone", "Phonesavanh", "Bounmy", "Vilayphone", "Sengdao",
            "ສຸກສະຫວັນ", "ຄຳພອນ"],
           ["Phommachanh", "Sengdara", "Vilaymeing", "Louangvilay", "Keomany", "ພົມມະຈັນ"]),
    "KH": (["Sokha", "Dara", "Vannak", "Sreymom", "Chanthou", "សុខា", "ដារា"],
           ["Chhun", "Sok", "Keo", "Meas", "Prak", "សុខ", "កែវ"]),
    "MM": (["Aung", "Thida", "Kyaw", "Hnin", "Zaw", "အောင်", "သီတာ"],
           ["Min Htet", "Win", "Soe", "Myint", "Naing", "မင်းထက်"]),
    "TH": (["Somchai", "Malee", "Anan", "Nattaya", "Wichai", "สมชาย", "มาลี"],
           ["Srisuk", "Chaiyaporn", "Boonmee", "Thongchai", "ศรีสุข"]),
}
VARIANTS = {"Souksavanh": "Souksavan", "Phommachanh": "Phommachan", "Rizky": "Riski",
            "Phonesavanh": "Phonsavan", "Khamphone": "Khamphon", "Hidayat": "Hidajat",
            "Sreymom": "Srey Mom", "Thida": "Theda", "Somchai": "Somchay"}
PLACES = {"KH": ["Phnom Penh", "Sihanoukville", "Poipet", "Bavet", "Koh Kong"],
          "MM": ["Myawaddy", "Shwe Kokko", "Tachileik", "KK Park"],
          "LA": ["Bokeo, Golden Triangle SEZ", "Vientiane", "Boten"],
          "TH": ["Mae Sot", "Bangkok", "Chiang Rai"],
          "PH": ["Pasay", "Clark"], "MY": ["Kuala Lumpur", "Johor Bahru"]}
ORGS = ["KBRI Phnom Penh", "KBRI Yangon", "KBRI Vientiane", "Desk Ketenagakerjaan Polri",
        "Cambodian union confederation", "LFTU labour department", "IOM Cambodia", "BP3MI Jawa Barat",
        "Bareskrim TPPO task force", "Partner shelter", "ASEAN TUC secretariat"]
SENTENCES = [
    "Worker reports passport taken on arrival and a daily quota of scam messages.",
    "Family received a ransom demand to release the worker from the compound.",
    "Embassy confirms registration and assessment; waiting for the travel document.",
    "Immigration clearance pending; overstay fine waiver requested by the embassy.",
    "Partner union visited the shelter; the group is safe and receiving medical checks.",
    "Police labour desk opened an inquiry into the recruiter who posted the job advert.",
    "Flight booked by the ministry; handover at the arrival airport arranged with BP3MI.",
    "Follow-up call after return: worker is home and looking for local work.",
]
PROVINCES = ["Sumatera Utara", "Jawa Barat", "Jawa Tengah", "Jawa Timur", "Kepulauan Riau",
             "Nusa Tenggara Timur", "Bali", "Sulawesi Utara", "Kalimantan Barat", "Savannakhet",
             "Champasak", "Kampong Cham", "Mandalay", "Isan"]

STAGES = list(Stage)
TODAY = dt.date(2026, 11, 1)
GROUP_CASE_NUMBER = 1  # the case the benchmark opens
GROUP_CASE_WORKERS = 20


def _stamp(rng: random.Random, when: dt.datetime, version: int = 1) -> dict[str, Any]:
    iso = when.astimezone(dt.timezone.utc).isoformat()
    return {"id": uuid.UUID(int=rng.getrandbits(128), version=4).hex, "created_at": iso,
            "updated_at": iso, "changed_by": rng.choice(["rina", "dewi", "somchai", "desk"]),
            "version": version}


def _name(rng: random.Random, nationality: str) -> tuple[str, list[str]]:
    given, family = NAMES[nationality]
    first, last = rng.choice(given), rng.choice(family)
    spellings = []
    if first in VARIANTS or last in VARIANTS:
        spellings.append(f"{VARIANTS.get(first, first)} {VARIANTS.get(last, last)}")
    if rng.random() < 0.2:
        spellings.append(f"{last} {first}")
    return f"{first} {last}", spellings


def make_case(rng: random.Random, number: int) -> tuple[dict[str, Any], list[dict[str, Any]],
                                                        list[dict[str, Any]]]:
    destination = rng.choice(list(PLACES))
    origin = rng.choices(["ID", "LA", "KH", "MM", "TH"], weights=[6, 2, 1, 1, 1])[0]
    if origin == destination:
        origin = "ID"
    reported = TODAY - dt.timedelta(days=rng.randrange(0, 5 * 365))
    when = dt.datetime.combine(reported, dt.time(9, 0), tzinfo=dt.timezone.utc)
    n_workers = rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5, 8])
    if number == GROUP_CASE_NUMBER:
        n_workers = GROUP_CASE_WORKERS
    ref = f"{destination}-{reported.year}-{number:05d}"
    case = {
        **_stamp(rng, when, version=rng.randrange(1, 6)),
        "ref": ref,
        "title": f"{n_workers} workers: {rng.choice(SENTENCES)[:60]}",
        "kind": CaseKind.GROUP.value if n_workers > 1 else CaseKind.INDIVIDUAL.value,
        "destination_country": destination,
        "destination_place": rng.choice(PLACES[destination]),
        "origin_country": origin,
        "exploitation_types": rng.sample([e.value for e in ExploitationType], rng.randrange(1, 3)),
        "sector": rng.choice([Sector.J, Sector.R, Sector.I]).value,
        "reached_via": rng.choice(list(ReachedVia)).value,
        "date_reported": reported.isoformat(),
        "urgency": rng.choice(list(Urgency)).value,
        "assigned_officer": rng.choice(["Rina", "Dewi", "Somchai", "International desk"]),
        "stage": rng.choice(STAGES).value,
        "tags": rng.sample(["scam", "gambling", "raid", "LFTU", "ASEAN TUC", "KSPSI", "ransom"], 2),
    }
    workers = []
    for _ in range(n_workers):
        name, spellings = _name(rng, origin)
        born = dt.date(rng.randrange(1970, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
        workers.append({
            **_stamp(rng, when),
            "case_id": case["id"],
            "full_name": name,
            "other_spellings": spellings,
            "sex": rng.choice(list(Sex)).value,
            "date_of_birth": born.isoformat(),
            "age": None,
            "nationality": origin,
            "home_province": rng.choice(PROVINCES),
            "home_district": rng.choice(["Medan", "Bekasi", "Cilacap", "Batam", "Belu", "Pakse"]),
            "phone": f"+62812{rng.randrange(10_000_000, 99_999_999)}",
            "passport_number": f"C{rng.randrange(1_000_000, 9_999_999)}",
            "passport_status": rng.choice(list(PassportStatus)).value,
            "current_location": "Partner shelter, " + rng.choice(PLACES[destination]),
            "family_contact": "Mother, +62813" + str(rng.randrange(10_000_000, 99_999_999)),
            "health": rng.choice(["", "", "Needs dental care", "Trauma counselling started"]),
            "notes": rng.choice(SENTENCES),
        })
    entries = []
    for n in range(rng.choice([4, 6, 8, 8, 10, 12])):
        at = when + dt.timedelta(days=n * rng.randrange(1, 9), hours=rng.randrange(0, 8))
        due = at.date() + dt.timedelta(days=rng.randrange(1, 15)) if rng.random() < 0.6 else None
        kind = rng.choice(list(LogKind))
        entries.append({
            **_stamp(rng, at),
            "case_id": case["id"],
            "worker_ids": [w["id"] for w in rng.sample(workers, rng.randrange(0, len(workers) + 1))],
            "at": at.isoformat(),
            "recorded_by": rng.choice(["Rina", "Dewi", "Somchai"]),
            "kind": kind.value,
            # A referral says to what kind of recipient (the workers' consent depends on it).
            "counterpart_kind": "embassy_ministry" if kind is LogKind.REFERRAL else None,
            "counterpart_org": rng.choice(ORGS),
            "counterpart_person": rng.choice(["Consul", "Duty officer", "President", "Case worker"]),
            "summary": " ".join(rng.sample(SENTENCES, 2)),
            "next_step": rng.choice(SENTENCES)[:70] if due else "",
            "due_date": due.isoformat() if due else None,
            "next_step_done": bool(due and due < TODAY and rng.random() < 0.8),
        })
    return case, workers, entries


def generate_tables(cases: int, seed: int = 2025) -> dict[str, dict[str, Any]]:
    """The database's tables, as the storage keeps them, for `cases` synthetic cases."""
    rng = random.Random(seed)
    tables: dict[str, dict[str, Any]] = {"cases": {}, "workers": {}, "log": {}}
    for number in range(1, cases + 1):
        case, workers, entries = make_case(rng, number)
        if number % 97 == 1:  # a sample goes through the real models, so the shape stays true
            Case.model_validate(case)
            for worker in workers:
                Worker.model_validate(worker)
            for entry in entries:
                LogEntry.model_validate(entry)
        for name, docs in (("cases", [case]), ("workers", workers), ("log", entries)):
            table = tables[name]
            for doc in docs:
                table[str(len(table) + 1)] = doc
    meta = {"format": FORMAT_MARKER, "schema": SCHEMA_VERSION, "demo": False,
            "created_at": TODAY.isoformat(), "counters": {}}
    # The marker first, as Pulang writes it, so a glance at the file's head recognises it.
    return {META_TABLE: {META_DOC: meta}, **tables}


def group_case_ref(seed: int = 2025) -> str:
    """The reference of case number 1, the group case with 20 workers, for this seed.

    Cases are drawn in order from one seeded stream, so case 1 is the same whatever the size.
    """
    return generate_tables(GROUP_CASE_NUMBER, seed)["cases"]["1"]["ref"]


def snapshot_bytes(tables: dict[str, dict[str, Any]]) -> bytes:
    """The tables in Pulang's own snapshot layout (one record a line, sealed), as Pulang writes
    them at compaction, so a generated database opens as fast as a real one."""
    import orjson

    from store.engine.snapshot import render

    meta = dict(tables[META_TABLE][META_DOC], generation=1)
    return render(meta, {name: [(key, orjson.dumps(doc)) for key, doc in table.items()]
                         for name, table in tables.items() if name != META_TABLE})


def write_list_rows(path: Path) -> None:
    """Let Pulang fold the cases list's rows into the snapshot, as its own compaction does,
    so that opening the generated file shows the list before the records are indexed."""
    from store.db.database import Database

    db = Database.open(path)
    db.compact()
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; not overwriting it", file=sys.stderr)
        return 64
    import orjson

    from store.engine.storage import write_atomically

    tables = generate_tables(args.cases, args.seed)
    write_atomically(args.out, snapshot_bytes(tables), 0o600, None)
    write_list_rows(args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {args.cases} cases, {len(tables['workers'])} workers, "
          f"{len(tables['log'])} log entries, {size / 1e6:.1f} MB "
          f"({size / max(args.cases, 1) / 1000:.1f} KB a case); "
          f"group case with {GROUP_CASE_WORKERS} workers: {tables['cases']['1']['ref']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

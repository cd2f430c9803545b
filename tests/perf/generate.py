"""Deterministic synthetic Pulang databases for benchmarks and for trying the app at scale.

    python -m tests.perf.generate --cases 50000 --out /tmp/pulang-50k.json [--schema 12]

Each case averages 3 workers and 8 log entries, about 23 KB of JSON with everything its
records carry. One worker in five has one or two legal matters (issue 34: a charge, a
detention, a deportation...), a third of those with a next hearing or deadline from 20 days
before the generator's day to 40 after, some at a stage that closes the matter (`make_legal`:
drawn from a stream of their own, so the cases, workers and log entries are those of before).
Closings, roads home, check-ins after return and requests to partners:
tests/perf/generate_after.py. Screenings and consents, money, the registry and its links, the
directory with its meetings, agreements and tasks, intakes and families' inquiries:
tests/perf/generate_more.py. Case number 1 is always a group case with exactly 20 workers (the
benchmark opens it); its reference is `group_case_ref(seed)`, e.g. PH-2022-00001. Names come
in Indonesian, Lao, Khmer, Burmese and Thai, in their own scripts and in the Latin spellings
they reach a union officer in. Records are written as the store writes them (a sample is
validated through the real pydantic models while generating).

The file is written as it is drawn (`write_database`, tests/perf/generate_write.py): in
Pulang's snapshot layout with the cases list's rows and the seal, as Pulang's compaction
writes it, in about 110 MB of memory at 50,000 cases. `--schema 12` writes the schema before
the check-ins (no `checkins` table), for the migration's benchmark: Pulang upgrades it on
opening. `generate_tables` gives the same records as tables in memory, for small databases.

People (tests/perf/people_names.py): names drawn Zipf-like per nationality from pools much
larger than a name list (the committed name pairs' words, with their scripts, and syllables
combined), so a few names are shared by hundreds of workers and most by one; other spellings
(a variant, the name in its script, the words swapped); birth dates, phones (the nationality's
country code) and passports spread, some missing. Over 20,000 distinct full names at 50,000
cases (`distinct_names`).

A list for intake, as an embassy or a shelter sends one, from a generated database:

    from tests.perf.generate import intake_list
    rows = intake_list(tables_or_db_path, rows=300, present_share=0.5, seed=1)

Each row: name (a present worker respelt: a variant, their script, the words swapped, a typo;
or a new person freshly drawn, whose name may well exist), date_of_birth (ISO, or empty),
age, sex, nationality, phone, passport (some empty), expect ("present" or "new") and, for a
present one, worker_id (the worker it is). `tests.perf.intake_bench` measures the matcher on
it (`python -m tests.perf.intake_bench --cases 50000`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from store.domain.records import Case, LegalMatter, LogEntry, Worker
from store.domain.vocab import (
    CaseKind,
    ExploitationType,
    LogKind,
    PassportStatus,
    ReachedVia,
    Sector,
    Stage,
    Urgency,
)
from store.engine.migrations import (
    CHECKIN_TABLES,
    FORMAT_MARKER,
    META_DOC,
    META_TABLE,
    SCHEMA_VERSION,
)
from tests.perf.generate_after import TABLES, Streams, after_kinds, validate
from tests.perf.generate_legal import make_legal
from tests.perf.generate_more import KINDS, More, validate_more
from tests.perf.generate_write import SnapshotWriter, case_row, peak_memory_mb
from tests.perf.people_names import People, build_people, draw_person

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
        "Cambodian union confederation", "LFTU labour department", "IOM Cambodia",
        "BP3MI Jawa Barat",
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


def make_case(rng: random.Random, number: int, people: People | None = None,
              ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    people = people or build_people(2025)
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
        person = draw_person(rng, people, origin)
        born = person["date_of_birth"]
        workers.append({
            **_stamp(rng, when),
            "case_id": case["id"],
            "full_name": person["full_name"],
            "other_spellings": person["other_spellings"],
            "sex": person["sex"],
            "date_of_birth": born.isoformat() if isinstance(born, dt.date) else None,
            "age": person["age"],
            "nationality": origin,
            "home_province": rng.choice(PROVINCES),
            "home_district": rng.choice(["Medan", "Bekasi", "Cilacap", "Batam", "Belu", "Pakse"]),
            "phone": person["phone"],
            "passport_number": person["passport_number"],
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
            "worker_ids": [w["id"] for w in rng.sample(workers,
                                                       rng.randrange(0, len(workers) + 1))],
            "at": at.isoformat(),
            "recorded_by": rng.choice(["Rina", "Dewi", "Somchai"]),
            "kind": kind.value,
            # A referral says to what kind of recipient (the workers' consent depends on it).
            "counterpart_kind": "embassy_ministry" if kind is LogKind.REFERRAL else None,
            "counterpart_org": rng.choice(ORGS),
            "counterpart_person": rng.choice(["Consul", "Duty officer", "President",
                                              "Case worker"]),
            "summary": " ".join(rng.sample(SENTENCES, 2)),
            "next_step": rng.choice(SENTENCES)[:70] if due else "",
            "due_date": due.isoformat() if due else None,
            "next_step_done": bool(due and due < TODAY and rng.random() < 0.8),
        })
    return case, workers, entries


class _Tables:
    """Where `generate_into` puts the records: here, tables in memory (`generate_tables`)."""

    def __init__(self, names: list[str]) -> None:
        self.tables: dict[str, dict[str, Any]] = {name: {} for name in names}

    def add(self, name: str, docs: list[dict[str, Any]]) -> None:
        table = self.tables[name]
        for doc in docs:
            table[str(len(table) + 1)] = doc

    def row(self, case: dict[str, Any], workers: list[dict[str, Any]],
            entries: list[dict[str, Any]]) -> None:
        pass  # `write_list_rows` lets Pulang make them


def generate_into(sink: Any, cases: int, seed: int = 2025,
                  schema: int = SCHEMA_VERSION) -> None:
    """Draw `cases` synthetic cases with every record of theirs and the records of no one
    case, handing each table's records to `sink.add(table, docs)` and each case with its
    workers and log entries to `sink.row` as soon as drawn. At `schema` 12 (the schema before
    the check-ins) no check-ins are handed."""
    rng = random.Random(seed)
    legal_rng = random.Random(f"legal-{seed}")  # its own: the other tables stay as they were
    streams = Streams.of(seed)  # likewise
    people = build_people(seed)
    more = More.begin(seed, cases, TODAY, _stamp, ORGS)  # likewise, each kind its own
    kept = (lambda name: name != "checkins") if schema < 13 else (lambda name: True)
    for name, docs in more.before().items():
        sink.add(name, docs)
    validate_more(more.before(), TODAY)
    for number in range(1, cases + 1):
        case, workers, entries = make_case(rng, number, people)
        matters = make_legal(legal_rng, workers, TODAY, ORGS, SENTENCES, _stamp)
        case, entries, added = after_kinds(streams, case, workers, entries, TODAY, _stamp)
        extra = more.of_case(case, workers, entries, matters)
        if number % 97 == 1:  # a sample goes through the real models, so the shape stays true
            Case.model_validate(case)
            for worker in workers:
                Worker.model_validate(worker)
            for entry in entries:
                LogEntry.model_validate(entry)
            for matter in matters:
                LegalMatter.model_validate(matter)
            validate(added, TODAY)
            validate_more(extra, TODAY)
        for name, docs in (("cases", [case]), ("workers", workers), ("log", entries),
                           ("legal", matters), *added.items(), *extra.items()):
            if kept(name):
                sink.add(name, docs)
        sink.row(case, workers, entries)
    after = more.after(people)
    validate_more(after, TODAY)
    for name, docs in after.items():
        sink.add(name, docs)


def meta_of(schema: int = SCHEMA_VERSION) -> dict[str, Any]:
    return {"format": FORMAT_MARKER, "schema": schema, "demo": False,
            "created_at": TODAY.isoformat(), "counters": {}}


def generate_tables(cases: int, seed: int = 2025) -> dict[str, dict[str, Any]]:
    """The database's tables, as the storage keeps them, for `cases` synthetic cases (in
    memory: for small databases; `write_database` writes a large one as it goes)."""
    sink = _Tables(["cases", "workers", "log", "legal", *TABLES, *KINDS])
    generate_into(sink, cases, seed)
    # The marker first, as Pulang writes it, so a glance at the file's head recognises it.
    return {META_TABLE: {META_DOC: meta_of()}, **sink.tables}


class _Written:
    """Where `generate_into` puts the records for `write_database`: the snapshot's spools, each
    case's row of the list, and what the summary tells."""

    def __init__(self, writer: SnapshotWriter) -> None:
        self.writer, self.names = writer, set()

    def add(self, name: str, docs: list[dict[str, Any]]) -> None:
        self.writer.add(name, docs)
        if name == "workers":
            self.names.update(doc["full_name"] for doc in docs)

    def row(self, case: dict[str, Any], workers: list[dict[str, Any]],
            entries: list[dict[str, Any]]) -> None:
        self.writer.row(case["id"], case_row(case, workers, entries))


def write_database(out: Path, cases: int, seed: int = 2025,
                   schema: int = SCHEMA_VERSION) -> tuple[dict[str, int], int, str]:
    """Generate and write the database at `out` as it goes (tests/perf/generate_write.py):
    records per table, distinct full names, the group case's reference."""
    from store.engine.indexes import RECORD_TABLES

    tables = [t for t in RECORD_TABLES if schema >= 13 or t not in CHECKIN_TABLES]
    with SnapshotWriter(out, {**meta_of(schema), "generation": 2, "removed": {}},
                        tables) as writer:
        sink = _Written(writer)
        generate_into(sink, cases, seed, schema)
        writer.finish()
        return dict(writer.counts), len(sink.names), group_case_ref(seed)


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


def distinct_names(tables: dict[str, dict[str, Any]]) -> int:
    """How many distinct full names the workers have."""
    return len({doc["full_name"] for doc in tables["workers"].values()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--schema", type=int, choices=(12, SCHEMA_VERSION),
                        default=SCHEMA_VERSION,
                        help="12: the previous schema (no check-ins), for the migration's "
                             "benchmark")
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; not overwriting it", file=sys.stderr)
        return 64
    started = time.perf_counter()
    counts, names, ref = write_database(args.out, args.cases, args.seed, args.schema)
    size = args.out.stat().st_size
    print(f"{args.out}: {args.cases} cases, schema {args.schema}, {names} distinct full "
          f"names, {size / 1e6:.1f} MB ({size / max(args.cases, 1) / 1000:.1f} KB a case), "
          f"{time.perf_counter() - started:.1f} s, peak {peak_memory_mb():.0f} MB; group case "
          f"with {GROUP_CASE_WORKERS} workers: {ref}")
    print("records: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    return 0


# Kept here for the benchmarks that import it from this module.
from tests.perf.generate_intake import intake_list  # noqa: E402

__all__ = ["generate_tables", "group_case_ref", "intake_list", "snapshot_bytes", "write_database",
           "write_list_rows"]

if __name__ == "__main__":
    raise SystemExit(main())

"""Deterministic synthetic Pulang databases for benchmarks and for trying the app at scale.

    python -m tests.perf.generate --cases 50000 --out /tmp/pulang-50k.json

Each case averages 3 workers and 8 log entries, about 16 KB of JSON with everything a record
carries. One worker in five has one or two legal matters (issue 34: a charge, a detention, a
deportation...), a third of those with a next hearing or deadline from 20 days before the
generator's day to 40 after, some at a stage that closes the matter (`make_legal`: drawn from
a stream of their own, so the cases, workers and log entries are those of before). Closings,
roads home, check-ins after return and requests to partners: tests/perf/generate_after.py.
Case number 1 is always a group case with exactly 20 workers (the benchmark opens it);
its reference is `group_case_ref(seed)`, e.g. PH-2022-00001. Names come in Indonesian, Lao,
Khmer, Burmese and Thai, in their own scripts and in the Latin spellings they reach a union
officer in. Records are written as the store writes them
(a sample is validated through the real pydantic models while generating).

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
from store.engine.migrations import FORMAT_MARKER, META_DOC, META_TABLE, SCHEMA_VERSION
from tests.perf.generate_after import TABLES, Streams, after_kinds, validate
from tests.perf.generate_legal import make_legal
from tests.perf.people_names import People, build_people, draw_person, respelt

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


def generate_tables(cases: int, seed: int = 2025) -> dict[str, dict[str, Any]]:
    """The database's tables, as the storage keeps them, for `cases` synthetic cases."""
    rng = random.Random(seed)
    legal_rng = random.Random(f"legal-{seed}")  # its own: the other tables stay as they were
    streams = Streams.of(seed)  # likewise
    people = build_people(seed)
    tables: dict[str, dict[str, Any]] = {name: {} for name in (
        "cases", "workers", "log", "legal", *TABLES)}
    for number in range(1, cases + 1):
        case, workers, entries = make_case(rng, number, people)
        matters = make_legal(legal_rng, workers, TODAY, ORGS, SENTENCES, _stamp)
        case, entries, added = after_kinds(streams, case, workers, entries, TODAY, _stamp)
        if number % 97 == 1:  # a sample goes through the real models, so the shape stays true
            Case.model_validate(case)
            for worker in workers:
                Worker.model_validate(worker)
            for entry in entries:
                LogEntry.model_validate(entry)
            for matter in matters:
                LegalMatter.model_validate(matter)
            validate(added, TODAY)
        for name, docs in (("cases", [case]), ("workers", workers), ("log", entries),
                           ("legal", matters), *added.items()):
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


def distinct_names(tables: dict[str, dict[str, Any]]) -> int:
    """How many distinct full names the workers have."""
    return len({doc["full_name"] for doc in tables["workers"].values()})


_CODES = {"ID": "62", "LA": "856", "KH": "855", "MM": "95", "TH": "66"}


def _workers_of(source: dict[str, dict[str, Any]] | Path | str) -> list[dict[str, Any]]:
    if isinstance(source, dict):
        return list(source["workers"].values())
    import orjson

    from store.db.database import Database

    db = Database.open(Path(source))
    try:
        return [orjson.loads(raw) for raw in db._engine.raw["workers"].values()]
    finally:
        db.close()


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    at = max(range(len(words)), key=lambda n: (len(words[n]), rng.random()))
    word = words[at]
    if len(word) >= 4:
        n = rng.randrange(1, len(word) - 1)
        change = rng.choice(["drop", "double", "swap"])
        if change == "drop":
            word = word[:n] + word[n + 1:]
        elif change == "double":
            word = word[:n] + word[n] + word[n:]
        else:
            word = word[:n] + word[n + 1] + word[n] + word[n + 2:]
    words[at] = word
    return " ".join(words)


def _respelt_row(rng: random.Random, worker: dict[str, Any], people: People) -> str:
    """A present worker's name as another list writes it."""
    name = worker["full_name"]
    scripts = [s for s in worker.get("other_spellings") or [] if not s.isascii()]
    words = name.split()
    given, family = people.given.get(worker.get("nationality") or ""), people.family.get(
        worker.get("nationality") or "")
    if not scripts and len(words) == 2 and given and family:
        first, last = given.script.get(words[0]), family.script.get(words[1])
        if first and last:
            scripts = [f"{last} {first}" if worker.get("nationality") == "KH"
                       else f"{first} {last}"]
    ways = ["variant", "swapped", "typo"] + (["script", "script"] if scripts else [])
    way = rng.choice(ways)
    if way == "script":
        return rng.choice(scripts)
    if way == "swapped" and len(words) >= 2:
        return " ".join([*words[1:], words[0]])
    if way == "typo":
        return _typo(rng, name)
    other = " ".join(respelt(rng, word, people.variants) for word in words)
    return other if other != name else _typo(rng, name)


def _said_phone(rng: random.Random, phone: str, nationality: str) -> str:
    code = _CODES.get(nationality, "")
    if code and phone.startswith("+" + code) and rng.random() < 0.6:
        national = "0" + phone[len(code) + 1:]
        return f"{national[:4]}-{national[4:8]}-{national[8:]}"
    return phone


def intake_list(source: dict[str, dict[str, Any]] | Path | str, rows: int = 300,
                present_share: float = 0.5, seed: int = 1,
                generator_seed: int = 2025) -> list[dict[str, Any]]:
    """A list for intake from a generated database (its tables, or its file): see the module's
    doc. `generator_seed`: the seed the database was generated with (its name pools)."""
    rng = random.Random(f"intake-{seed}")
    people = build_people(generator_seed)
    workers = [w for w in _workers_of(source) if w.get("full_name")]
    present = rng.sample(workers, min(len(workers), round(rows * present_share)))
    out = []
    for worker in present:
        nationality = worker.get("nationality") or "ID"
        born = worker.get("date_of_birth") if rng.random() < 0.92 else None
        age = None
        if born is None and worker.get("date_of_birth") and rng.random() < 0.5:
            year = int(worker["date_of_birth"][:4])
            age = TODAY.year - year - rng.choice([0, 1])
        out.append({
            "name": _respelt_row(rng, worker, people), "date_of_birth": born or "",
            "age": age if age is not None else worker.get("age") if not born else None,
            "sex": worker.get("sex") if rng.random() < 0.5 else "",
            "nationality": nationality,
            "phone": _said_phone(rng, worker["phone"], nationality)
            if worker.get("phone") and rng.random() < 0.3 else "",
            "passport": worker.get("passport_number") or "" if rng.random() < 0.25 else "",
            "expect": "present", "worker_id": worker["id"]})
    origins = [w.get("nationality") or "ID" for w in workers] or ["ID"]
    for _ in range(rows - len(present)):
        nationality = rng.choice(origins)
        person = draw_person(rng, people, nationality)
        born = person["date_of_birth"] if person["date_of_birth"] and rng.random() < 0.95 \
            else None
        out.append({
            "name": person["full_name"],
            "date_of_birth": born.isoformat() if isinstance(born, dt.date) else "",
            "age": person["age"], "sex": person["sex"] if rng.random() < 0.5 else "",
            "nationality": nationality,
            "phone": _said_phone(rng, str(person["phone"]), nationality)
            if person["phone"] and rng.random() < 0.3 else "",
            "passport": person["passport_number"] if rng.random() < 0.25 else "",
            "expect": "new", "worker_id": ""})
    rng.shuffle(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; not overwriting it", file=sys.stderr)
        return 64
    from store.engine.storage import write_atomically

    tables = generate_tables(args.cases, args.seed)
    write_atomically(args.out, snapshot_bytes(tables), 0o600, None)
    write_list_rows(args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {args.cases} cases, {len(tables['workers'])} workers, "
          f"{len(tables['log'])} log entries, {len(tables['legal'])} legal matters, "
          f"{len(tables['plans'])} plans, {len(tables['checkins'])} check-ins, "
          f"{distinct_names(tables)} distinct full names, "
          f"{size / 1e6:.1f} MB ({size / max(args.cases, 1) / 1000:.1f} KB a case); "
          f"group case with {GROUP_CASE_WORKERS} workers: {tables['cases']['1']['ref']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

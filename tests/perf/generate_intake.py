"""A list for intake, as an embassy or a shelter sends one, from a generated database (see
tests/perf/generate.py's doc; `from tests.perf.generate import intake_list` still works)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from tests.perf.people_names import People, build_people, draw_person, respelt

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
    from tests.perf.generate import TODAY

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

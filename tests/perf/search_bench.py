"""The workers' search against today's exact filter, at 50,000 cases, in one run.

    .venv/bin/python -m tests.perf.search_bench                  # 50,000 cases, generated
    .venv/bin/python -m tests.perf.search_bench --names varied   # names from a large vocabulary
    .venv/bin/python -m tests.perf.search_bench --db /tmp/pulang-50k.json

A database is generated (`tests.perf.generate`, 50,000 cases, about 150,000 workers and
207,000 spellings) into a temporary folder, or read from --db, and opened through the store.
Then names are typed into the cases filter as an officer types them, a key at a time; for each
keystroke, in turn:

- exact: today's filter (`tui.widgets.caselist.typed_rows` over every row: each row's folded text
  holds every word typed), the immediate part of the filter;
- fuzzy: the same, then the workers' search (`Database.worker_cases`: the in-memory index of
  every spelling, store.domain.matching.SpellingIndex) and the rows merged, best first
  (`tui.widgets.caselist.with_names`): what a keystroke costs in all.

Each keystroke starts from every row (the app narrows what is shown when a word is extended,
which makes the exact part cheaper; the fuzzy part costs the same either way). Medians over
the keystrokes, and their ratio (target: fuzzy no slower than twice exact), for every keystroke
and for those of 4 letters or more (shorter ones are matched as typed only). "Cold" clears the
index's cache of looked-up words before each keystroke (as if every word were new). Also: the
index's build (`Database.prepare_finding`, after opening, in a background thread in the app)
with the memory it takes, and Ctrl+F (`Database.search`) for the whole names.

`--names varied`: the generator's names come from a few dozen words; a real database has tens
of thousands. This replaces each worker's names with ones built from syllables: 6,000 given
names and 10,000 family names, each written one to three ways (Rizky, Rizki, Riski: the
variants recur across people, as real ones do), about 40,000 distinct words in all; a third
of the workers have a second spelling, some the words the other way round. The index's
look-ups and the groups it scores are then as many as a real database would make.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SYLLABLES = ["ka", "ri", "su", "ma", "no", "to", "la", "wi", "dy", "an", "phon", "sou", "sa",
             "va", "nh", "cha", "tha", "keo", "mi", "ng", "ra", "ti", "ha", "ya", "un", "ok",
             "ai", "bun", "som", "dao", "vong", "sin", "lin", "kham", "pet", "wat", "nur",
             "de", "wi", "jo", "ko", "hen", "dra", "put", "ek", "se", "tia", "wan"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _variant(rng: random.Random, word: str) -> str:
    at = rng.randrange(1, len(word))
    return word[:at] + rng.choice("aeiouyhk") + word[at + 1:]


def vary_names(tables: dict[str, dict[str, Any]], seed: int = 7) -> None:
    """Every worker named from a large vocabulary, in its recurring spellings (see the doc)."""
    rng = random.Random(seed)

    def spellings(count: int) -> list[list[str]]:
        out = []
        for _ in range(count):
            word = _word(rng)
            out.append([word, *(_variant(rng, word) for _ in range(rng.randint(0, 2)))])
        return out

    given, family = spellings(6_000), spellings(10_000)
    for doc in tables["workers"].values():
        first, last = rng.choice(given), rng.choice(family)
        doc["full_name"] = f"{first[0]} {last[0]}"
        others = []
        if rng.random() < 0.35:
            others.append(f"{rng.choice(first)} {rng.choice(last)}")
        if rng.random() < 0.15:
            others.append(f"{last[0]} {first[0]}")
        doc["other_spellings"] = [o for o in others if o != doc["full_name"]]


def make_database(folder: Path, cases: int, names: str) -> Path:
    from store.engine.storage import write_atomically
    from tests.perf.generate import generate_tables, snapshot_bytes, write_list_rows

    tables = generate_tables(cases)
    if names == "varied":
        vary_names(tables)
    path = folder / "pulang.json"
    write_atomically(path, snapshot_bytes(tables), 0o600, None)
    write_list_rows(path)
    return path


def typing(name: str) -> list[str]:
    """What the filter holds after each key as `name` is typed."""
    return [name[:n] for n in range(1, len(name) + 1)]


def held_mb(db: Any) -> float:
    """The memory the search's indexes hold, in MB: built again under tracemalloc (slower:
    not timed), what is still allocated once built."""
    import tracemalloc

    engine = db._engine  # noqa: SLF001
    engine.spellings = engine.numbers = None
    gc.collect()
    tracemalloc.start()
    try:
        db.prepare_finding()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] / 1e6
    finally:
        tracemalloc.stop()


def clock(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--names", choices=["generated", "varied"], default="generated")
    parser.add_argument("--db", type=Path, help="an existing database to read (not written)")
    parser.add_argument("--queries", type=int, default=12, help="names typed")
    args = parser.parse_args(argv)

    from store.db import Database
    from store.domain import fold
    from tui.screens.cases import typed_rows, with_names

    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            started = time.perf_counter()
            path = make_database(Path(folder), args.cases, args.names)
            print(f"generated {args.cases} cases ({args.names} names) in "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        db = Database.open(path)
        rows = db.case_rows()
        positions = {row.id: n for n, row in enumerate(rows)}  # kept by the screen
        build = clock(db.prepare_finding)
        held = held_mb(db)
        index = db._engine.spellings  # noqa: SLF001 - the figures of the index, for the report
        assert index is not None
        rng = random.Random(11)
        workers = list(db._engine.names.items())  # noqa: SLF001
        names = []
        for _ in range(args.queries):  # whole names, some typed with a letter off
            full = rng.choice(workers)[1][0]
            names.append(_variant(rng, full) if rng.random() < 0.5 else full)
        exact: list[float] = []
        fuzzy: list[float] = []
        cold: list[float] = []
        long_exact: list[float] = []
        long_fuzzy: list[float] = []
        found: list[int] = []
        gc.collect()
        for name in names:
            for text in typing(name):
                query = fold(text)
                mine = clock(lambda q=query: typed_rows(rows, q))
                answer: dict[str, Any] = {}

                def both(q: str = query, t: str = text, a: dict[str, Any] = answer) -> None:
                    typed = typed_rows(rows, q)
                    matches = db.worker_cases(t)
                    # As the screen: nothing found by a name leaves the rows as typed.
                    a["shown"] = with_names(rows, typed, matches, positions) if matches \
                        else typed

                theirs = clock(both)
                index._looked_up.clear()  # noqa: SLF001
                cold.append(clock(both))
                exact.append(mine)
                fuzzy.append(theirs)
                if sum(c.isalpha() for c in text) >= 4:
                    long_exact.append(mine)
                    long_fuzzy.append(theirs)
                    found.append(len(answer["shown"]))
        search = [clock(lambda n=name: db.search(n)) for name in names]
        db.close()

    def median(values: list[float]) -> float:
        return statistics.median(values)

    names_from = "read from --db" if args.db else f"{args.names} names"
    print(f"database: {len(rows)} cases, {len(index)} workers, {index.spellings} spellings "
          f"indexed, {len(index._groups)} distinct, {len(index._by_pair)} distinct words "  # noqa: SLF001
          f"({names_from})")
    print(f"index built in {build:.0f} ms (after opening, in a background thread), "
          f"holding {held:.0f} MB (names, phones and passports)")
    print(f"names typed: {len(names)}, keystrokes: {len(exact)} ({len(long_exact)} of 4 "
          f"letters or more, median {median([float(n) for n in found]):.0f} rows shown)")
    print(f"filter keystroke, every key:   exact {median(exact):.1f} ms, fuzzy "
          f"{median(fuzzy):.1f} ms, ratio {median(fuzzy) / median(exact):.2f}")
    print(f"filter keystroke, 4+ letters:  exact {median(long_exact):.1f} ms, fuzzy "
          f"{median(long_fuzzy):.1f} ms, ratio {median(long_fuzzy) / median(long_exact):.2f}")
    print(f"slowest fuzzy keystroke {max(fuzzy):.1f} ms; cold (no word cached) median "
          f"{median(cold):.1f} ms, ratio {median(cold) / median(exact):.2f}")
    print(f"Ctrl+F (Database.search) for a whole name: median {median(search):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

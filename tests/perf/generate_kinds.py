"""What the generator's modules of the later kinds share (tests/perf/generate_more.py): a
record's template as the store writes it, and how many of the records of no one case a
database of a given size holds."""

from __future__ import annotations

import warnings
from functools import cache
from typing import Any

from store.domain.records import Record

# At 50,000 cases (scaled down with the cases, never below the floor): a few hundred of the
# registry's and of the directory's, a few dozen lists taken in and families' inquiries.
AT_FIFTY_THOUSAND = {"organisations": 300, "people": 400, "meetings": 250, "agreements": 120,
                     "tasks": 400, "places": 250, "actors": 350, "identifiers": 450,
                     "intakes": 40, "inquiries": 60}
FLOOR = {"organisations": 15, "people": 10, "meetings": 4, "agreements": 3, "tasks": 6,
         "places": 8, "actors": 5, "identifiers": 6, "intakes": 2, "inquiries": 3}

def count_of(table: str, cases: int) -> int:
    """How many records of `table` (one of `AT_FIFTY_THOUSAND`) a database of `cases` has."""
    return max(FLOOR[table], round(AT_FIFTY_THOUSAND[table] * cases / 50_000))


@cache
def _template(kind: type[Record]) -> tuple[tuple[str, Any], ...]:
    # Built without validation (the checks come with the values): a required field is None.
    data = {name: None for name, info in kind.model_fields.items() if info.is_required()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # None where a value is required, until filled in
        dumped = kind.model_construct(**data).model_dump(mode="json")
    return tuple(dumped.items())


def template(kind: type[Record]) -> dict[str, Any]:
    """Every field of `kind` in the store's order, at its default (required ones None), as a
    fresh dict: the caller fills it in."""
    return {k: list(v) if isinstance(v, list) else v for k, v in _template(kind)}

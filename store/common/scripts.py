"""The romanisation tables of the region's scripts, read from the package's data files.

`store/common/scripts/<script>.toml` (lao, thai, khmer, burmese): how each letter, vowel and
final of a script is written in Latin letters, after the published systems each file cites,
extended with the spellings passports actually use. Read once, with `importlib.resources`, so
that they load from an installed wheel too; `store.domain.scripts` romanises with them. Here,
because store.domain does no I/O.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def romanisation_table(script: str) -> dict[str, Any]:
    """The parsed `<script>.toml` (an empty table for a script without one)."""
    path = files(__package__) / "scripts" / f"{script}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(text)

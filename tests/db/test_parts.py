"""The Database is made of parts (store.db.base): a method defined in two of them would be
shadowed by the first in the order of the bases, silently (the registry's `links_to` once hid
under the directory's, and its `cases_of` too)."""

from __future__ import annotations

from collections import Counter

from store.db.base import Part
from store.db.database import Database


def test_no_method_is_defined_in_two_parts_of_the_database() -> None:
    parts = [base for base in Database.__mro__ if issubclass(base, Part) and base is not Part
             and base is not Database]
    counts = Counter(name for part in parts for name, value in vars(part).items()
                     if callable(value) and not name.startswith("__"))
    assert [name for name, count in counts.items() if count > 1] == []

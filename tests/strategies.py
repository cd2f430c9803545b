"""Hypothesis strategies the property tests share (tests/domain, tests/exchange)."""

from __future__ import annotations

import datetime as dt

from hypothesis import settings
from hypothesis import strategies as st

# Enough examples to find what a few hand-written ones miss, few enough to take seconds.
SOME = settings(max_examples=150, deadline=None)

MONTH_NAMES = {1: ("Jan", "Januari", "January"), 2: ("Feb", "Februari", "Pebruari"),
               3: ("Mar", "Maret", "March"), 4: ("Apr", "April"), 5: ("May", "Mei"),
               6: ("Jun", "Juni", "June"), 7: ("Jul", "Juli", "July"),
               8: ("Aug", "Agustus", "Agt"), 9: ("Sep", "Sept", "September"),
               10: ("Oct", "Okt", "Oktober"), 11: ("Nov", "Nopember", "November"),
               12: ("Dec", "Des", "Desember")}


@st.composite
def written_dates(draw: st.DrawFn, day: dt.date) -> str:
    """`day` as a list or a form may write it: DD/MM/YYYY (/ - .), with or without leading
    zeros, YYYY-MM-DD, or the day, the month's name (English or Indonesian, any case) and the
    year. The year has four digits."""
    how = draw(st.sampled_from(["dmy", "iso", "words"]))
    if how == "iso":
        return day.isoformat()
    if how == "words":
        month = draw(st.sampled_from(MONTH_NAMES[day.month]))
        month = draw(st.sampled_from([month, month.upper(), month.lower()]))
        return f"{day.day} {month} {day.year}"
    sep = draw(st.sampled_from("/-."))
    padded = draw(st.booleans())
    d, m = (f"{day.day:02}", f"{day.month:02}") if padded else (str(day.day), str(day.month))
    return f"{d}{sep}{m}{sep}{day.year}"

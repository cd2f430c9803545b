"""The rows of the screening page: the questions (act, means, purpose, under 18, the eleven ILO
indicators), then the means of control and the recruitment; their names and values as the page
shows them, and the list that draws them one line each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from rich.text import Text
from textual.widget import Widget

from store import _, format_date
from store.domain import (
    INDICATOR_FIELDS,
    Answer,
    IloIndicator,
    Platform,
    Record,
    RecruiterRelation,
    RecruitmentMethod,
    Screening,
    label,
)

RowKind = Literal["answer", "multi", "recruitment"]


@dataclass(frozen=True)
class Row:
    """One line of the list: a question (answer + evidence) or a choice."""

    kind: RowKind
    field: str
    evidence: str | None = None  # the evidence field of a question (None: it has none)
    indicator: IloIndicator | None = None


ROWS: tuple[Row, ...] = (
    Row("answer", "act", "act_evidence"),
    Row("answer", "means", "means_evidence"),
    Row("answer", "purpose", "purpose_evidence"),
    Row("answer", "minor"),
    *(Row("answer", field, evidence, indicator=ind)
      for ind, (field, evidence) in INDICATOR_FIELDS.items()),
    Row("multi", "means_of_control"),
    # How, where and by whom: one line, three choices (Enter asks which).
    Row("recruitment", "recruitment"),
)
RECRUITMENT: dict[str, type[StrEnum]] = {
    "recruitment_method": RecruitmentMethod,
    "platform": Platform,
    "recruiter_relation": RecruiterRelation,
}
FIRST_CHOICE = next(i for i, row in enumerate(ROWS) if row.kind != "answer")

# What the officer fills in: every field but the bookkeeping and the links.
CONTENT_FIELDS: tuple[str, ...] = tuple(
    name for name in Screening.model_fields
    if name not in Record.model_fields and name not in ("case_id", "worker_id")
)
TEXT_FIELDS = tuple(n for n in CONTENT_FIELDS
                    if Screening.model_fields[n].annotation is str)

CYCLE = {Answer.UNKNOWN: Answer.YES, Answer.YES: Answer.NO, Answer.NO: Answer.UNKNOWN}


def mark(answer: Answer) -> str:
    """The answer as characters, readable without colour; the letters are the keys' own."""
    return {Answer.YES: "[Y]", Answer.NO: "[N]"}.get(answer, "[?]")


def short_label(row: Row) -> str:
    """The row's name in the list (the whole label is on the line at the bottom)."""
    if row.indicator is not None:
        number = list(IloIndicator).index(row.indicator) + 1
        return f"{number:>2} {label(row.indicator)}"
    if row.field == "act":
        return _("Act")
    if row.field == "means":
        return _("Means")
    if row.field == "purpose":
        return _("Purpose")
    if row.field == "recruitment":
        return _("Recruitment")
    return Screening.field_label(row.field)


def long_label(row: Row) -> str:
    if row.indicator is not None:
        return _("ILO indicator {number} of 11: {name}").format(
            number=list(IloIndicator).index(row.indicator) + 1, name=label(row.indicator))
    if row.field == "recruitment":
        return _("Recruited, platform, recruiter")
    return Screening.field_label(row.field)


def shown_value(name: str, value: Any) -> str:
    """A field's value as the page shows it: choices by their labels, dates as dates."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(label(v) for v in value)
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def fit(text: Text, width: int) -> Text:
    """`text` cut to `width` cells (with "…") and padded to exactly that width."""
    text = text.copy()
    text.no_wrap = True
    text.truncate(max(0, width), overflow="ellipsis", pad=True)
    return text


class ScreeningList(Widget, can_focus=True):
    """The rows of the page, one line each; the cursor row is marked with › and reversed, so it
    shows without colour too. The screen owns the keys; this only draws."""

    DEFAULT_CSS = """
    ScreeningList { height: 1fr; }
    """

    def __init__(self, line: Callable[[int, int, bool], Text], count: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._line = line
        self.count = count
        self.cursor = 0

    def move(self, index: int) -> None:
        self.cursor = max(0, min(self.count - 1, index))
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        height = max(1, self.size.height)
        # Taller than the terminal (not at 80×24): keep the cursor row in view.
        top = max(0, min(self.cursor - height + 1, self.count - height)) \
            if self.cursor >= height else 0
        lines = [self._line(i, width, i == self.cursor)
                 for i in range(top, min(self.count, top + height))]
        return Text("\n", end="").join(lines)


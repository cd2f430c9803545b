"""The dashboard's text charts: every value written as a number, bars of block characters,
heights in proportion, never wider than asked (they are read at 80 columns, in monochrome)."""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.chart import FULL, RIGHT, UPPER, bars, columns

MONTHS = [("Dec", "2025"), ("Jan", "2026"), ("Feb", ""), ("Mar", "")]


def _eighths(column: list[str]) -> int:
    """The height of a drawn column, in eighths of a line."""
    total = 0
    for char in column:
        if char == FULL:
            total += 8
        elif char in UPPER[1:]:
            total += UPPER.index(char)
    return total


def _column_at(lines: list[str], x: int) -> list[str]:
    return [line[x] if x < len(line) else " " for line in lines]


def test_columns_write_every_count_above_its_column_and_keep_proportions() -> None:
    values = [0, 3, 12, 6]
    lines = columns(values, MONTHS, width=40, height=6)
    base = next(i for i, line in enumerate(lines) if line.startswith("─"))
    label_line = lines[base + 1]
    assert label_line.split() == ["Dec", "Jan", "Feb", "Mar"]
    assert lines[base + 2].split() == ["2025", "2026"]
    heights = []
    for name, value in zip(["Dec", "Jan", "Feb", "Mar"], values):
        x = label_line.index(name) + 1
        column = _column_at(lines[:base], x)
        heights.append(_eighths(column))
        drawn = [i for i, c in enumerate(column) if c in FULL + UPPER[1:]]
        above = (drawn[0] if drawn else base) - 1
        assert lines[above][x - 1:x + 2].strip() == str(value)  # the number on its column
    assert heights[0] == 0
    assert heights[2] == 6 * 8  # the largest fills the chart
    assert heights[3] == heights[2] // 2 and heights[1] == heights[2] // 4


def test_a_small_count_still_shows_and_nothing_is_wider_than_asked() -> None:
    lines = columns([1, 500, 0, 2], MONTHS, width=24, height=4)
    assert all(cell_len(line) <= 24 for line in lines)
    base = next(i for i, line in enumerate(lines) if line.startswith("─"))
    x = lines[base + 1].index("Dec") + 1
    assert _eighths(_column_at(lines[:base], x)) >= 1
    assert "500" in lines[0]


def test_bars_are_scaled_to_the_largest_and_labelled_with_their_value() -> None:
    rows = [("reported", 0), ("in shelter", 4), ("a very long name of a stage indeed", 8)]
    lines = bars(rows, width=40)
    assert all(cell_len(line) <= 40 for line in lines)
    lengths = []
    for line, (_label, value) in zip(lines, rows):
        parts = line.split("  ")
        assert str(value) in [p.strip() for p in parts]
        bar = line[len(line.rstrip(FULL + RIGHT[1:])):]
        lengths.append(sum(8 if c == FULL else RIGHT.index(c) for c in bar))
    assert lengths[0] == 0
    assert lengths[2] == 2 * lengths[1] > 0
    assert "…" in lines[2]  # a long label is cut, visibly


def test_the_dashboards_month_labels_never_run_together_in_a_narrow_terminal() -> None:
    import datetime as dt

    from store.common.i18n import month_abbr
    from store.exchange.report import Figures, last_months
    from tui.screens.dashboard import dashboard_lines

    months = last_months(dt.date(2026, 11, 28))
    figures = Figures(today="2026-11-28", cases=12, workers=30, cases_by_stage={},
                      workers_by_step={}, workers_by_destination={}, workers_by_province={},
                      new_cases_by_month={m: n % 3 for n, m in enumerate(months)},
                      median_days_to_return=None, returns=0)
    names = {month_abbr(m) for m in range(1, 13)} | {str(m) for m in range(1, 13)}
    for width in (30, 40, 56, 80):
        lines = dashboard_lines(figures, width)
        base = next(i for i, line in enumerate(lines) if line.startswith("─"))
        top = lines.index("New cases per month")
        assert all(cell_len(line) <= width for line in lines[top + 1:base + 3]), width
        assert set(lines[base + 1].split()) <= names, (width, lines[base + 1])
        years = lines[base + 2].split()
        assert years and all(y in ("2025", "2026", "25", "26") for y in years), (width, years)

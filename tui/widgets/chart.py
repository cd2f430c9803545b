"""Charts drawn with text, for the dashboard: they read the same in colour, in monochrome
(`NO_COLOR`) and in a terminal log, because every value is written as a number beside or above
its bar, and a bar is made of block characters, not of colour.

- `columns`: a column per period (the new cases per month), the count above each column and
  the period's label under it; heights in eighths of a line, so small differences show.
- `bars`: a horizontal bar per label (cases by stage, workers by step...), the count before
  the bar, every bar scaled to the largest.

Both return plain lines of at most `width` cells; nothing here knows Textual.
"""

from __future__ import annotations

from rich.cells import cell_len

from store.domain import printable

FULL = "█"
# A column's top: 1/8 to 7/8 of a line, bottom-aligned.
UPPER = " ▁▂▃▄▅▆▇"
# A bar's end: 1/8 to 7/8 of a cell, left-aligned.
RIGHT = " ▏▎▍▌▋▊▉"
BASE = "─"


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when cut."""
    text = printable(text)
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def _centre(text: str, width: int) -> str:
    text = _fit(text, width)
    left = (width - cell_len(text)) // 2
    return _pad(" " * left + text, width)


def column_step(count: int, width: int) -> int:
    """Cells per column (its gap included) for `count` columns in `width`: labels longer than
    the step less one would run into each other."""
    return max(2, min(7, width // max(1, count)))


def columns(values: list[int], labels: list[tuple[str, str]], width: int,
            height: int = 6) -> list[str]:
    """A column chart: `values` with two label lines each (e.g. month and year, the second
    may be ""), as lines no wider than `width`. A value of 0 has no column but its 0."""
    count = len(values)
    if count == 0:
        return []
    step = column_step(count, width)
    bar = max(1, step - 1 if step < 4 else step - 2)
    top = max(values) or 1
    eighths = [round(v * height * 8 / top) if v else 0 for v in values]
    for i, v in enumerate(values):
        if v and not eighths[i]:
            eighths[i] = 1  # a count above zero always shows

    def cellwise(render: list[str]) -> str:
        return "".join(_centre(c, step) for c in render).rstrip()

    lines: list[str] = []
    # the count, written on the line just above each column's top
    tops = [e // 8 + (1 if e % 8 else 0) for e in eighths]  # lines each column fills
    for row in range(height, -1, -1):  # row `height` is above the tallest column
        parts = []
        for v, e, t in zip(values, eighths, tops):
            if row == t:
                parts.append(str(v))
            elif row < t:
                full = e - row * 8
                parts.append((FULL if full >= 8 else UPPER[full]) * bar)
            else:
                parts.append("")
        lines.append(cellwise(parts))
    lines.append(BASE * min(width, step * count))
    lines.append(cellwise([first for first, _second in labels]))
    if any(second for _first, second in labels):
        lines.append(cellwise([second for _first, second in labels]))
    return lines


def bars(rows: list[tuple[str, int]], width: int, label_width: int | None = None) -> list[str]:
    """One line per (label, value): the label, the value, then a bar scaled to the largest
    value (a value above zero always shows at least a sliver)."""
    if not rows:
        return []
    number = max(len(str(v)) for _l, v in rows)
    widest = max(cell_len(printable(label)) for label, _v in rows)
    label_width = min(label_width or widest, widest, max(8, width // 2))
    room = max(1, width - label_width - number - 4)
    top = max(v for _l, v in rows) or 1
    lines = []
    for label, value in rows:
        eighths = round(value * room * 8 / top)
        if value and not eighths:
            eighths = 1
        drawn = FULL * (eighths // 8) + (RIGHT[eighths % 8] if eighths % 8 else "")
        lines.append(f"{_pad(_fit(label, label_width), label_width)}  {value:>{number}}  "
                     f"{drawn}".rstrip())
    return lines

"""The difference between two versions of an agreement's text, as lines and as Rich `Text`:
unified (one column, each line led by its mark) or side by side (two columns).

It reads without colour: every line starts with `-`, `+` or a space; with colour, added lines
are green and removed ones red. The texts are shown through `printable`, never read as markup.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from itertools import zip_longest

from rich.cells import cell_len, chop_cells
from rich.text import Text

from store.domain import printable

ADDED, REMOVED, SAME, HUNK = "+", "-", " ", "@"


def unified_lines(old: str, new: str, context: int = 3) -> list[tuple[str, str]]:
    """The unified difference of two texts, line by line: (kind, text) with kind one of
    ADDED, REMOVED, SAME or HUNK (where a stretch of changes starts, as "@@ ... @@")."""
    lines: list[tuple[str, str]] = []
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=context)
    for line in diff:
        if line.startswith(("---", "+++")):
            continue  # the header says which versions these are
        if line.startswith("@@"):
            lines.append((HUNK, line))
        elif line.startswith("+"):
            lines.append((ADDED, line[1:]))
        elif line.startswith("-"):
            lines.append((REMOVED, line[1:]))
        else:
            lines.append((SAME, line[1:]))
    return lines


def side_rows(old: str, new: str) -> list[tuple[str, str, str, str]]:
    """The two texts side by side: (left mark, left line, right mark, right line), marks
    "-" (removed or changed on the left), "+" (added or changed on the right) or " "."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[tuple[str, str, str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [(SAME, x, SAME, y) for x, y in zip(a[i1:i2], b[j1:j2])]
            continue
        for x, y in zip_longest(a[i1:i2], b[j1:j2]):
            rows.append((REMOVED if x is not None else SAME, x or "",
                         ADDED if y is not None else SAME, y or ""))
    return rows


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """`text` (one line) in lines of at most `width` cells (the first line `first`, when
    given), broken between words where it can."""
    width = max(1, width)
    first = max(1, first) if first is not None else width
    text = printable(text)
    if cell_len(text) <= first:
        return [text]
    lines: list[str] = []
    current = ""

    def room() -> int:
        return first if not lines else width

    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= room():
            current = candidate
            continue
        if current:
            lines.append(current)
        while cell_len(word) > room():
            head = chop_cells(word, room())[0] or word[0]  # a wide character in one cell
            lines.append(head)
            word = word[len(head):]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


_STYLES = {ADDED: "green bold", REMOVED: "red", SAME: "", HUNK: "bold"}


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def unified_text(lines: Sequence[tuple[str, str]], width: int) -> Text:
    """The unified difference, each line led by its mark (continuations too, indented)."""
    out = Text(no_wrap=True, overflow="crop", end="")
    for kind, line in lines:
        if kind == HUNK:
            out.append(printable(line) + "\n", style=_STYLES[HUNK])
            continue
        for n, part in enumerate(wrap(line, width - 4, first=width - 2)):
            lead = f"{kind} " if n == 0 else f"{kind}   "
            out.append(lead + part + "\n", style=_STYLES[kind])
    out.rstrip()
    return out


def side_text(rows: Sequence[tuple[str, str, str, str]], width: int) -> Text:
    """The two versions in two columns of equal width, with "│" between them; each changed
    line marked (- on the left, + on the right), long lines wrapped within their column."""
    side = max(8, (width - 1) // 2)  # each column: its mark, a space, the text
    inner = side - 2
    out = Text(no_wrap=True, overflow="crop", end="")
    for left_mark, left, right_mark, right in rows:
        lefts, rights = wrap(left, inner), wrap(right, inner)
        for n, (x, y) in enumerate(zip_longest(lefts, rights, fillvalue="")):
            lm = left_mark if n == 0 or x else " "
            rm = right_mark if n == 0 or y else " "
            if not left and left_mark == SAME and right_mark == ADDED:
                lm = " "
            out.append(pad(f"{lm} {x}", side), style=_STYLES[left_mark] if left else "")
            out.append("│")
            out.append(f"{rm} {y}\n", style=_STYLES[right_mark] if right else "")
    out.rstrip()
    return out

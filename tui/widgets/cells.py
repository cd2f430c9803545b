"""Cutting text to a number of terminal cells without breaking a letter of a complex script.

In Khmer, Lao, Burmese or Thai a letter on screen is often several code points: a consonant
with its vowel signs and tone marks (which take no cell of their own), or a Khmer consonant
stacked under another by the COENG sign. Rich's graphemes keep the marks with their letter but
not a stacked consonant, and a cut between them leaves a sign with nothing to sit on
("ថ្ងៃកំណ់្់"). Here text is cut only between whole letters.
"""

from __future__ import annotations

from rich.cells import cell_len, split_graphemes

# Signs that join the next consonant to the letter before them, stacking it: Khmer COENG and
# Myanmar VIRAMA. Rich's graphemes keep marks and zero-width joiners with their letter, not
# these.
_JOINERS = frozenset("\u17d2\u1039")


def clusters(text: str) -> list[str]:
    """`text` split into what the terminal shows as one letter: Rich's graphemes (a character
    taking cells with the marks after it, joined by ZWJ), with a consonant stacked by a COENG or
    VIRAMA kept with the letter it is stacked under."""
    spans, _cells = split_graphemes(text)
    out: list[str] = []
    for start, end, _width in spans:
        piece = text[start:end]
        if out and out[-1][-1] in _JOINERS:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def cut_cells(text: str, width: int) -> str:
    """The longest start of `text` that fits in `width` cells, cut between clusters, padded
    with spaces to exactly `width` cells."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    kept: list[str] = []
    used = 0
    for cluster in clusters(text):
        size = cell_len(cluster)
        if used + size > width:
            break
        kept.append(cluster)
        used += size
    return "".join(kept) + " " * (width - used)

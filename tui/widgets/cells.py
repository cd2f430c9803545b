"""Cutting text to a number of terminal cells without breaking a letter of a complex script.

Rich measures and cuts text a code point at a time. In Khmer, Lao, Burmese or Thai a letter on
screen is often several code points: a consonant with its vowel signs and tone marks (which take
no cell of their own), or a Khmer consonant stacked under another by the COENG sign. A cut
between them leaves a mark with nothing to sit on ("ថ្ងៃកំណ់្់"). Here text is cut only between
such clusters.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

# Signs that join the next consonant to the cluster before them: Khmer COENG, Myanmar VIRAMA
# (stacked consonants), Myanmar ASAT is a mark (no cell) and needs nothing here.
_JOINERS = frozenset("\u17d2\u1039")
_ZWJ = "\u200d"


def clusters(text: str) -> list[str]:
    """`text` split into what the terminal shows as one letter (an approximation of Unicode
    grapheme clusters good enough for the region's scripts): a character taking cells, with the
    marks that follow it (no cell of their own), and consonants joined to it by a COENG,
    VIRAMA or zero-width joiner."""
    out: list[str] = []
    joined = False
    for char in text:
        if out and (joined or get_character_cell_size(char) == 0):
            out[-1] += char
        else:
            out.append(char)
        joined = char in _JOINERS or char == _ZWJ
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

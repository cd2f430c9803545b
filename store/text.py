"""Text folding for search: case, accents and spacing do not decide whether a name matches."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip accents, collapse white space: 'Phonésan  VILAYMEING' -> 'phonesan vilaymeing'."""
    if text.isascii():  # most names and places: nothing to strip, a hundred times faster
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())

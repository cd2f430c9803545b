"""Names compared across scripts: a name in Lao, Thai, Khmer or Burmese script and its Latin
spellings are one person (`store.domain.scripts` gives the spellings)."""

from __future__ import annotations

from store.domain.matching.words import similarity
from store.domain.scripts import matching_forms


def cross_script_similarity(a: str, b: str) -> float:
    """How alike two names are, 0..100, whatever scripts they are written in: the best
    `similarity` of any of their forms (each as typed, and a name in another script by each of
    its Latin spellings)."""
    return max(similarity(x, y) for x in matching_forms(a) for y in matching_forms(b))

"""Organisations' initials: 'LFTU' for 'Lao Federation of Trade Unions', for matching a name
written one way against one written the other (`store.domain.matching`)."""

from __future__ import annotations

import re

from store.domain.matching.words import _APOSTROPHES, _fold, _kept, _split

ACRONYM_SCORE = 95.0  # "LFTU" for "Lao Federation of Trade Unions": sure, but not the same spelling

# Words an organisation's initials skip: English, Indonesian ("dan", "untuk", "se-").
STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&",
                       "dan", "untuk", "se", "di", "ke", "dari", "yang"})
_ACRONYM_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014/]+")


def acronym(name: str) -> str:
    """An organisation's initials: 'Lao Federation of Trade Unions' -> 'LFTU'.

    Words in `STOPWORDS` are skipped; a word already written in capitals is an acronym itself
    and kept whole ('ASEAN Trade Union Council' and 'ASEAN TUC' -> 'ASEANTUC'; 'L.F.T.U.' ->
    'LFTU'). Accents are dropped: 'Énergie' gives 'E'.
    """
    letters = []
    for raw in _ACRONYM_SPLIT.split(name):
        word = "".join(char for char in raw.translate(_APOSTROPHES) if _kept(char))
        if not word or word.casefold() in STOPWORDS:
            continue
        folded = _fold(word)
        if word.isupper() and len(word) >= 2:
            letters.append(folded.upper())
        elif folded:
            letters.append(folded[0].upper())
    return "".join(letters)


def _significant_words(name: str) -> int:
    return sum(1 for word in _ACRONYM_SPLIT.split(name)
               if word.strip() and word.casefold() not in STOPWORDS)


def _acronym_key(name: str) -> str | None:
    """The initials of a name of two significant words or more, folded; else None."""
    if _significant_words(name) < 2:
        return None
    initials = acronym(name).casefold()
    return initials if len(initials) >= 2 else None


def _plain_key(name: str) -> str:
    """A name folded and joined without spaces, with no transliteration rules: 'ASEAN TUC' ->
    'aseantuc'. Initials are compared exactly, in this form."""
    return "".join(_split(_fold(name)))

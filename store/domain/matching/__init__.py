"""Spelling-tolerant matching of people's and organisations' names.

The same person reaches officers in several Latin spellings of a Lao, Khmer, Burmese, Thai,
Vietnamese or Indonesian name ("Phonensan Vilaymeing" and "Phonesan Vilaymeing", "Nguyen Van An"
and "Nguyễn Văn An", "Aung Kyaw Moe" and "Aungkyawmoe"). This package says how alike two names
are, which saved records a newly typed name is likely to be (`likely_matches`, `NameIndex`), and
whether a search matches a record's spellings (`matches_query`), and, for the workers' search,
how well a query finds a spelling (`search_score`) and the in-memory indexes that find the
spellings and the phone and passport numbers a query finds among many (`SpellingIndex`,
`NumberIndex`). It has no user-facing strings.

The rules by which names are compared and scored are in `store.domain.matching.words`
(`name_words`, `name_key`, `similarity`); organisations' initials in `acronyms`; likely
matches in `index`; search in `search`. Import them from here.
"""

from __future__ import annotations

from store.domain.matching.acronyms import ACRONYM_SCORE, STOPWORDS, acronym
from store.domain.matching.across import cross_script_similarity
from store.domain.matching.grams import SpellingIndex
from store.domain.matching.index import Match, NameIndex, likely_matches
from store.domain.matching.numbers import NumberHit, NumberIndex, passport_query, phone_query
from store.domain.matching.people import (
    Likeness,
    Person,
    compare_people,
    person_of,
    reasons_said,
)
from store.domain.matching.scored import NameHit, search_score
from store.domain.matching.search import matches_query
from store.domain.matching.words import (
    MATCH_THRESHOLD,
    MISSING_WORD_PENALTY,
    name_key,
    name_words,
    similarity,
)

__all__ = [
    "ACRONYM_SCORE",
    "MATCH_THRESHOLD",
    "MISSING_WORD_PENALTY",
    "STOPWORDS",
    "Likeness",
    "Match",
    "NameHit",
    "NameIndex",
    "NumberHit",
    "NumberIndex",
    "Person",
    "SpellingIndex",
    "acronym",
    "compare_people",
    "cross_script_similarity",
    "likely_matches",
    "matches_query",
    "name_key",
    "name_words",
    "passport_query",
    "person_of",
    "phone_query",
    "reasons_said",
    "search_score",
    "similarity",
]

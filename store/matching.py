"""PROVISIONAL (replaced by the helper's module)."""
from __future__ import annotations
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
import re
from rapidfuzz import fuzz
from store.text import fold

MATCH_THRESHOLD = 85.0

@dataclass(frozen=True)
class Match:
    id: str
    spelling: str
    score: float

def name_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))

def acronym(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in ("of", "the", "and", "for")).upper()

def similarity(a: str, b: str) -> float:
    return max(fuzz.ratio(name_key(a), name_key(b)), fuzz.token_sort_ratio(fold(a), fold(b)))

def likely_matches(name, candidates, *, exclude=None, limit=5, threshold=MATCH_THRESHOLD, acronyms=False):
    best = {}
    for cid, spellings in candidates:
        if cid == exclude: continue
        for s in spellings:
            score = similarity(name, s)
            if acronyms and (name_key(name) == name_key(acronym(s)) or name_key(s) == name_key(acronym(name))):
                score = 100.0
            if score >= threshold and (cid not in best or score > best[cid].score):
                best[cid] = Match(cid, s, score)
    return sorted(best.values(), key=lambda m: -m.score)[:limit]

def matches_query(query, spellings):
    q = fold(query)
    if any(q in fold(s) for s in spellings): return True
    words = q.split()
    if len(name_key(query)) < 4: return False
    return all(any(fuzz.ratio(w, x) >= 85 for s in spellings for x in fold(s).split()) for w in words)

"""Whether two people are likely the same person: `compare_people` on what is known of each
(`Person`: every spelling of the name, in any script, the date of birth or age, sex,
nationality, phone, passport), with the reasons why (`Likeness.reasons`, said to the user by
`reasons_said`).

The rules, for a list of hundreds of names checked against 150,000 workers whose common names
repeat hundreds of times:
- a name alone is weak: it makes a likely match only when it is near-identical and nothing
  contradicts it (the store's `match_people` then also asks that few workers share it);
- the same passport number, or the same phone, is strong: with a name near enough, or the same
  date of birth, it is likely the same person;
- the same date of birth with a close name is strong; another date of birth (both known) takes
  a name match back, unless a number agrees;
- an age is held against a date of birth (within a year of it, on the day given) or an age;
- a name in Lao, Thai, Khmer or Burmese script is compared by its Latin spellings too
  (`store.domain.matching.scored.forms_of`), and counts as the name.

Pure: no I/O; today is given (`on`) when an age is to be compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from store.common.i18n import _, format_date
from store.domain.matching.scored import forms_of
from store.domain.matching.words import MATCH_THRESHOLD, _score, name_words

if TYPE_CHECKING:
    from store.domain.records import Worker

# The name's share of the score, and what each fact adds or takes away.
NAME_WEIGHT = 0.55
BIRTH_DATE_POINTS = 30.0
PASSPORT_POINTS = 35.0
PHONE_POINTS = 30.0
AGE_POINTS = 5.0
BIRTH_DATE_DIFFERS = -35.0
PASSPORT_DIFFERS = -15.0
SEX_DIFFERS = -25.0
AGE_DIFFERS = -20.0
NATIONALITY_DIFFERS = -10.0

# How close a name must be, with each kind of evidence, to propose a likely match.
NAME_ALONE = 95.0  # nothing else known on both sides: near-identical
NAME_WITH_BIRTH_DATE = 72.0
NAME_WITH_PHONE = 60.0  # a family shares a phone
NAME_WITH_PASSPORT = 40.0
NAME_WITH_AGE = 88.0
NAME_EVIDENCE = 70.0  # below this, a name is no evidence at all
PHONE_DIGITS = 8  # the last digits of two phones compared (a trunk prefix or code aside)


@dataclass(frozen=True)
class Person:
    """What is known of someone to be matched (see the module's doc)."""

    name: str
    other_names: tuple[str, ...] = ()
    date_of_birth: dt.date | None = None
    age: int | None = None
    sex: str | None = None  # a Sex code's value, or None
    nationality: str | None = None  # ISO alpha-2, or None
    phone: str = ""  # as typed, any format
    passport: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling, the name first, blanks left out."""
        return tuple(n for n in (self.name, *self.other_names) if n and n.strip())


@dataclass(frozen=True)
class Likeness:
    """How alike two people are: a score 0..100, whether it is strong enough to propose them
    as the same person, the reason codes (see `reasons_said`), and the spelling of the second
    person's that matched the first's name best."""

    score: float
    likely: bool
    reasons: tuple[str, ...]
    spelling: str = ""
    name_score: float = 0.0
    born: dt.date | None = None  # the second's date of birth, when it differs


def person_of(worker: Worker) -> Person:
    """A saved worker as a `Person` to be matched."""
    sex = getattr(worker.sex, "value", worker.sex)
    return Person(worker.full_name, tuple(worker.other_spellings), worker.date_of_birth,
                  worker.age, None if sex in (None, "", "unknown") else str(sex),
                  worker.nationality, worker.phone or "", worker.passport_number or "")


def person_of_doc(doc: dict[str, Any]) -> Person:
    """A worker's stored record (a dict, as the store keeps it) as a `Person`, without building
    the model: what the store's matching does for each candidate."""
    born = doc.get("date_of_birth")
    if isinstance(born, str):
        try:
            born = dt.date.fromisoformat(born[:10])
        except ValueError:
            born = None
    sex = doc.get("sex")
    return Person(doc.get("full_name") or "", tuple(doc.get("other_spellings") or ()), born,
                  doc.get("age"), None if sex in (None, "", "unknown") else str(sex),
                  doc.get("nationality"), doc.get("phone") or "",
                  doc.get("passport_number") or "")


# -- the facts compared ------------------------------------------------------------------

def _digits(text: str) -> str:
    out = []
    for char in text:
        if char.isdecimal():
            out.append(str(int(char)))  # any script's digit
    return "".join(out)


def phone_key(phone: str) -> str:
    """A phone's last PHONE_DIGITS digits (in ASCII), the same for +62 812... and 0812...;
    empty when it has too few digits to compare."""
    digits = _digits(phone)
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def passport_key(passport: str) -> str:
    """A passport number as compared: capitals, letters and digits only; empty when too short
    or without a digit."""
    key = "".join(char for char in passport.upper() if char.isalnum())
    return key if len(key) >= 5 and any(char.isdigit() for char in key) else ""


def _forms(names: tuple[str, ...]) -> list[tuple[str, tuple[str, ...], bool]]:
    """Each spelling's forms: (the spelling, a form's words, whether it is a transliteration)."""
    out = []
    for position, spelling in enumerate(names):
        for n, form in enumerate(forms_of(spelling)):
            words = name_words(form)
            if words:
                out.append((spelling, words, n > 0 or position < 0))
    return out


def name_likeness(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, str, str]:
    """How alike the best pair of `a`'s and `b`'s spellings are, in any script: (score, the
    spelling of `b` that matched, the reason code: "name", "other_spelling" or "script")."""
    best = (0.0, "", "")
    forms_b = _forms(b)
    if not forms_b:
        return best
    full = b[0]
    for spelling_a, words_a, across_a in _forms(a):
        for spelling_b, words_b, across_b in forms_b:
            score = _score(words_a, words_b)
            if score > best[0]:
                if across_a or across_b:
                    reason = "script"
                else:
                    reason = "name" if spelling_b == full and spelling_a == a[0] \
                        else "other_spelling"
                best = (score, spelling_b, reason)
                if score >= 100.0:
                    return best
    return best


def _age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _ages_agree(a: Person, b: Person, on: dt.date | None) -> bool | None:
    """Whether an age agrees with the other's date of birth or age (within a year); None when
    there is nothing to compare (or no day given to compare an age with a date on)."""
    if a.age is not None and b.age is not None and (a.date_of_birth is None
                                                     or b.date_of_birth is None):
        return abs(a.age - b.age) <= 1
    if on is None:
        return None
    for x, y in ((a, b), (b, a)):
        if x.age is not None and x.date_of_birth is None and y.date_of_birth is not None:
            return abs(x.age - _age_on(y.date_of_birth, on)) <= 1
    return None


def compare_people(a: Person, b: Person, *, on: dt.date | None = None,
                   name: tuple[float, str, str] | None = None) -> Likeness:
    """How alike `a` and `b` are, and whether likely the same person (the module's doc).
    Symmetric but for `spelling` (b's). `on`: today, to hold an age against a date of birth.
    `name`: `name_likeness(a.names, b.names)` when the caller has it already."""
    name_score, spelling, name_reason = name or name_likeness(a.names, b.names)
    reasons: list[str] = []
    if name_score >= NAME_EVIDENCE:
        reasons.append(name_reason)
    score = NAME_WEIGHT * name_score
    by_passport = by_phone = same_birth = False
    contradicted = False
    passport_a, passport_b = passport_key(a.passport), passport_key(b.passport)
    if passport_a and passport_b:
        if passport_a == passport_b:
            reasons.append("passport")
            score += PASSPORT_POINTS
            by_passport = True
        else:
            reasons.append("passport_differs")
            score += PASSPORT_DIFFERS
    phone_a, phone_b = phone_key(a.phone), phone_key(b.phone)
    if phone_a and phone_b and phone_a == phone_b:
        reasons.append("phone")
        score += PHONE_POINTS
        by_phone = True
    if a.date_of_birth is not None and b.date_of_birth is not None:
        if a.date_of_birth == b.date_of_birth:
            reasons.append("birth_date")
            score += BIRTH_DATE_POINTS
            same_birth = True
        else:
            reasons.append("birth_date_differs")
            score += BIRTH_DATE_DIFFERS
            contradicted = True
    ages = _ages_agree(a, b, on)
    if ages is True:
        reasons.append("age")
        score += AGE_POINTS
    elif ages is False:
        reasons.append("age_differs")
        score += AGE_DIFFERS
        contradicted = True
    if a.sex and b.sex and a.sex != b.sex:
        reasons.append("sex_differs")
        score += SEX_DIFFERS
        contradicted = True
    if a.nationality and b.nationality and a.nationality != b.nationality:
        score += NATIONALITY_DIFFERS
    if by_passport or by_phone:
        likely = same_birth or name_score >= (NAME_WITH_PASSPORT if by_passport
                                              else NAME_WITH_PHONE)
    elif contradicted:
        likely = False
    elif same_birth:
        likely = name_score >= NAME_WITH_BIRTH_DATE
    elif ages is True:
        likely = name_score >= NAME_WITH_AGE
    else:
        likely = name_score >= NAME_ALONE
    score = max(0.0, min(100.0, score))
    born = b.date_of_birth if "birth_date_differs" in reasons else None
    return Likeness(round(score, 1), likely, tuple(reasons), spelling, round(name_score, 1),
                    born)


def evidence(likeness: Likeness) -> bool:
    """Whether a likeness rests on anything at all: a name near enough, or a number."""
    return (likeness.name_score >= MATCH_THRESHOLD or likeness.likely
            or "passport" in likeness.reasons or "phone" in likeness.reasons)


def reasons_said(likeness: Likeness) -> list[str]:
    """The reasons in the user's words, translated, in the order found."""
    said: list[str] = []
    for reason in likeness.reasons:
        if reason == "name" and likeness.name_score >= 100.0:
            said.append(_("same name"))
        elif reason in ("name", "other_spelling"):  # spelt otherwise: say how
            said.append(_("name spelt '{spelling}'").format(spelling=likeness.spelling))
        elif reason == "script":
            said.append(_("name in another script '{spelling}'").format(
                spelling=likeness.spelling))
        elif reason == "birth_date":
            said.append(_("same date of birth"))
        elif reason == "birth_date_differs" and likeness.born is not None:
            said.append(_("born on another date ({date})").format(
                date=format_date(likeness.born)))
        elif reason == "birth_date_differs":
            said.append(_("born on another date"))
        elif reason == "age":
            said.append(_("age agrees"))
        elif reason == "age_differs":
            said.append(_("age differs"))
        elif reason == "phone":
            said.append(_("same phone"))
        elif reason == "passport":
            said.append(_("same passport"))
        elif reason == "passport_differs":
            said.append(_("another passport number"))
        elif reason == "sex_differs":
            said.append(_("sex differs"))
    return said


"""Burmese (Myanmar script) names: their normal form for matching, and their Latin spellings.

`normalise(text)`: Burmese typed in the Zawgyi font encoding (still common on phones bought
before 2019) converted to Unicode, then every syllable's marks put in Unicode's storage order
(medials ျ ြ ွ ှ, then ေ, the upper and the lower vowel signs, ာ, ံ, ့, ်, း: the order Unicode
Technical Note #11 gives), and the digit zero ၀ typed for the letter wa ဝ inside a word read as
wa. Zawgyi is told from Unicode by Google's detector (`myanmartools`, on PyPI), and converted
by CLDR's Zawgyi-my transform through ICU (already here for the order of names, pyicu-wheels):
only a text the detector is sure of (probability above 0.95) is converted, since converting
Unicode as if it were Zawgyi garbles it. For matching only: what was typed is stored as typed.

`romanise(word)`: a word's likely Latin spellings, best first, lower case, one Latin word a
syllable ("aung kyaw moe"), since Burmese names are written without spaces between their
syllables' words. The word is cut into syllables (a consonant or independent vowel with its
medials and vowel signs, and a final consonant marked by asat ် or stacked under the next with
virama ္, kinzi included); each syllable is spelt from the table of name syllables
(store/common/scripts/burmese.toml, [syllables]: MLC and BGN/PCGN extended with the spellings
passports and the news use), else from its onset and rhyme ([onsets], [rhymes], then [vowels]
and [finals]). Names of several syllables written as one Latin word (Thuzar) are in [words].
"""

from __future__ import annotations

import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from store.common.scripts import romanisation_table

# Spellings offered for a word, at most.
MOST = 6
# Above this Zawgyi probability (Google's detector) a text is converted to Unicode.
ZAWGYI_LIKELY = 0.95

ASAT, VIRAMA, DOT_BELOW, VISARGA = "\u103a", "\u1039", "\u1037", "\u1038"
MEDIALS = "\u103b\u103c\u103e"  # ya, ra, ha (wa, ွ, is read with the rhyme)
WA_MEDIAL = "\u103d"
VOWEL_SIGNS = "\u1031\u102d\u102e\u1032\u102f\u1030\u102b\u102c\u1036"
NASALS = "\u1014\u1004\u1019\u1009\u100f"  # na, nga, ma, nya, nna: -nt with the creaky tone
# Each mark's place in a syllable, in Unicode's storage order (UTN #11).
_ORDER = {char: rank for rank, chars in enumerate((
    "\u103b", "\u103c", "\u103d", "\u103e", "\u1031", "\u102d\u102e\u1032", "\u102f\u1030",
    "\u102b\u102c", "\u1036", DOT_BELOW, ASAT, VISARGA)) for char in chars}
_INDEPENDENT = {chr(c) for c in range(0x1023, 0x102B)}
_WA, _ZERO = "\u101d", "\u1040"


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc") and "\u1000" <= char <= "\u109f"


def _is_letter(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and "\u1000" <= char <= "\u109f"


@cache
def _detector() -> Any:
    from myanmartools import ZawgyiDetector
    with warnings.catch_warnings():  # it reads its model with a legacy importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


def zawgyi_probability(text: str) -> float:
    """How likely `text` is Burmese typed in the Zawgyi encoding (0..1; 0 for no Burmese)."""
    probability = _detector().get_zawgyi_probability(text)
    return max(0.0, probability)


@cache
def _zawgyi_to_unicode() -> Any:
    import icu

    return icu.Transliterator.createInstance("Zawgyi-my")


def from_zawgyi(text: str) -> str:
    """`text`, read as Zawgyi, in Unicode (CLDR's Zawgyi-my transform, through ICU)."""
    return str(_zawgyi_to_unicode().transliterate(text))


def _ordered(text: str) -> str:
    """Each run of marks in Unicode's storage order; ၀ (zero) beside letters read as ဝ (wa)."""
    chars = list(text)
    for i, char in enumerate(chars):
        if char == _ZERO and any(0 <= j < len(chars) and (_is_letter(chars[j])
                                                        or _is_mark(chars[j]))
                                 for j in (i - 1, i + 1)):
            chars[i] = _WA
    out: list[str] = []
    run: list[str] = []
    for char in chars:
        if char in _ORDER:
            run.append(char)
            continue
        out += sorted(run, key=_ORDER.__getitem__)
        run = []
        out.append(char)
    out += sorted(run, key=_ORDER.__getitem__)
    return "".join(out)


@lru_cache(maxsize=16_384)
def normalise(text: str) -> str:
    """`text` as matching compares it: Zawgyi converted to Unicode, marks in storage order,
    NFC (see the module's docstring)."""
    if zawgyi_probability(text) > ZAWGYI_LIKELY:
        text = from_zawgyi(text)
    return unicodedata.normalize("NFC", _ordered(unicodedata.normalize("NFC", text)))


@dataclass
class _Syllable:
    text: str
    head: str
    medials: str = ""
    wa: bool = False
    vowels: str = ""
    final: str = ""
    creaky: bool = False
    high: bool = False
    marks: list[str] = field(default_factory=list)


def _units(word: str) -> list[tuple[str, str]]:
    """The word cut before each letter: (letter, the marks after it)."""
    units: list[tuple[str, str]] = []
    for char in word:
        if _is_mark(char) and units:
            head, marks = units[-1]
            units[-1] = (head, marks + char)
        elif _is_letter(char) or not units:
            units.append((char, ""))
        else:  # a stray character: a unit of its own
            units.append((char, ""))
    return units


def _is_final(marks: str) -> bool:
    """A letter's marks make it a final: asat or virama, with tone marks only."""
    return bool(marks) and (ASAT in marks or VIRAMA in marks) and set(marks) <= {
        ASAT, VIRAMA, DOT_BELOW, VISARGA}


def syllables(word: str) -> list[_Syllable]:
    """The word's syllables, each with its onset, medials, vowel signs, final and tones."""
    found: list[_Syllable] = []
    for head, marks in _units(word):
        last = found[-1] if found else None
        if (last is not None and not last.final and head not in _INDEPENDENT
                and _is_final(marks) and last.head not in ("",)):
            last.final = head
            last.text += head + marks
            last.creaky = last.creaky or DOT_BELOW in marks
            last.high = last.high or VISARGA in marks
            continue
        found.append(_Syllable(
            text=head + marks, head=head,
            medials="".join(m for m in marks if m in MEDIALS), wa=WA_MEDIAL in marks,
            vowels="".join(m for m in marks if m in VOWEL_SIGNS),
            creaky=DOT_BELOW in marks, high=VISARGA in marks))
    return found


@cache
def _tables() -> dict[str, dict[str, list[str]]]:
    """The romanisation table, its keys brought to the order `normalise` gives."""
    raw = romanisation_table("burmese")
    return {name: {normalise(key) if key else key: [s.lower() for s in spellings]
                   for key, spellings in section.items()}
            for name, section in raw.items() if isinstance(section, dict)}


def _onset(syllable: _Syllable) -> list[str]:
    onsets = _tables()["onsets"]
    key = syllable.head + syllable.medials
    if key in onsets:
        return onsets[key]
    base = onsets.get(syllable.head, [""])
    tail = "y" if set(syllable.medials) & set("\u103b\u103c") else ""
    front = "h" if "\u103e" in syllable.medials else ""
    return [front + b + tail for b in base]


def _rhyme(syllable: _Syllable) -> list[str]:
    tables = _tables()
    rhymes = tables["rhymes"]
    final = syllable.final + ASAT if syllable.final else ""
    key = syllable.vowels + final
    for candidate in ((WA_MEDIAL + key + VISARGA, WA_MEDIAL + key) if syllable.wa else ()):
        if candidate in rhymes:
            return rhymes[candidate]
    prefix = "w" if syllable.wa else ""
    for candidate in (key + VISARGA, key) if syllable.high else (key,):
        if candidate in rhymes:
            return [prefix + r for r in rhymes[candidate]]
    vowels = tables["vowels"].get(syllable.vowels, ["a"])
    finals = tables["finals"].get(syllable.final, [""]) if syllable.final else [""]
    return [prefix + v + f for v in vowels for f in finals]


def _with_tone(spellings: list[str], syllable: _Syllable) -> list[str]:
    """A nasal final with the creaky tone written -nt (Thant, Myint) before plain -n."""
    if not (syllable.creaky and syllable.final in NASALS):
        return spellings
    out: list[str] = []
    for spelling in spellings:
        if spelling.endswith("n"):
            out.append(spelling + "t")
        out.append(spelling)
    return list(dict.fromkeys(out))


def spell_syllable(syllable: _Syllable) -> list[str]:
    """A syllable's Latin spellings, best first."""
    table = _tables()["syllables"]
    for key in (syllable.text, syllable.text.replace(VISARGA, "")):
        if key in table:
            return table[key]
    if syllable.head in _INDEPENDENT:
        vowel = _tables()["independent"].get(syllable.head, [""])
        finals = _tables()["finals"].get(syllable.final, [""]) if syllable.final else [""]
        return [v + f for v in vowel for f in finals]
    if not _is_letter(syllable.head):
        return [syllable.head] if syllable.head.isalnum() else [""]
    spellings = [o + r for o in _onset(syllable) for r in _rhyme(syllable)]
    return _with_tone(list(dict.fromkeys(spellings)), syllable)


def _pieces(found: list[_Syllable]) -> list[list[str]]:
    """Each syllable's spellings, or a name of several syllables' from [words]."""
    words = _tables()["words"]
    pieces: list[list[str]] = []
    i = 0
    while i < len(found):
        for j in range(min(len(found), i + 4), i + 1, -1):
            text = "".join(s.text for s in found[i:j])
            if text in words:
                pieces.append(words[text])
                i = j
                break
        else:
            pieces.append(spell_syllable(found[i]))
            i += 1
    return pieces


def best_combined(pieces: list[list[str]], most: int, joiner: str = " ") -> list[str]:
    """The pieces' spellings joined, best first (least sum of ranks), `most` at most: a beam
    over the pieces, so that a long word costs no more than a short one."""
    beam: list[tuple[int, str]] = [(0, "")]
    for options in pieces:
        grown = [(cost + rank, joiner.join(p for p in (text, option) if p))
                 for cost, text in beam for rank, option in enumerate(options[:most])]
        grown.sort(key=lambda item: item[0])
        beam = list({text: (cost, text) for cost, text in reversed(grown)}.values())
        beam.sort(key=lambda item: item[0])
        beam = beam[:most * 4]
    return [text for _, text in beam if text][:most]


@lru_cache(maxsize=16_384)
def _romanise(word: str) -> tuple[str, ...]:
    pieces = [p for p in _pieces(syllables(normalise(word))) if p and any(p)]
    return tuple(best_combined(pieces, MOST))


def romanise(word: str) -> list[str]:
    """A Burmese word's likely Latin spellings, best first, lower case, a space between its
    syllables' words: 'အောင်ကျော်မိုး' -> ['aung kyaw moe', 'aung kyaw mo', ...]."""
    return list(_romanise(word))

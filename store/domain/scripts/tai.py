"""Thai and Lao words cut into syllables and spelt in Latin letters: the engine that `thai` and
`lao` share, driven by each script's table (store/common/scripts/thai.toml, lao.toml: the
letters' values, after the published systems each cites, and the passports' spellings).

The two scripts are built alike, and so is their reading (its costs are the table's):

- tone marks are not spelt; a letter under the cancelling mark (Thai ์ thanthakhat, Lao ໌),
  with a vowel sign it carries, is dropped, and the word is cut there: a letter left between
  a syllable's final and the cut is silent too (จันทร์ -> จัน, chan; ลักษณ์ -> ลัก, lak);
- a syllable is a leading vowel (เ แ โ ใ ไ / ເ ແ ໂ ໃ ໄ, written before the consonant it
  follows in sound), an onset (a consonant, or a cluster of the table: กร, ปร, a silent ห/ຫ
  before a sonorant...), the vowel signs written after it, and perhaps a final consonant;
  the table's vowels are patterns around the onset ("เ-ีย": เ, the onset, then ีย);
- where two consonants follow a leading vowel that belongs to the second (เจริญ: ja-roen), the
  first is a syllable of its own with the inherent vowel;
- a consonant without a vowel sign carries the inherent vowel: closed before a final ("o":
  สม, som), open before another syllable ("a": ทวี, tha-wi);
- a consonant is a final when no vowel sign follows it (or a last ิ, not said: ชาติ, chat);
  a final may be read again as the next onset (รัตนา, rat-ta-na); a word may be read more
  than one way (นาธร: na-thon or nat-...), so every reading is scored and the best spelt.

Each syllable is then spelt from the table's ranked lists: the onset's spellings, the vowel's
(or a rime's, a vowel and final spelt together, e.g. -า with a final n: "an", "arn"), the
final's (at a word's end, `finals_last`'s); a spelling's rank in its list is its cost. A
word's spellings, cheapest first, are the cheapest combinations of its readings and its
letters' spellings. A table's styles (`styles`) put other spellings first (the passports').
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

# Readings of a word kept at each position, and spellings kept of a syllable and a word.
READINGS = 6
SYLLABLE_SPELLINGS = 4
WORD_SPELLINGS = 8
OPEN, CLOSED = "(a)", "(o)"  # the inherent vowel, in an open and in a closed syllable
LITERAL = "="  # a character of no syllable (a digit, a Latin letter), kept as it is


@dataclass(frozen=True)
class Syllable:
    onset: str  # a consonant or cluster of the table; "" before a vowel standing alone
    vowel: str  # a pattern of the table's [vowels], OPEN, CLOSED or LITERAL
    final: str = ""  # the final consonant, "" in an open syllable
    silent: str = ""  # letters written after the final and not spoken
    linked: bool = False  # the final read again as the next syllable's onset
    last: bool = False  # the word's last syllable


@dataclass(frozen=True)
class _Pattern:
    key: str
    pre: str  # the leading vowel, "" for none
    post: str  # the signs after the onset
    alone: bool  # a vowel with no onset (Thai ฤ)


Spelt = tuple[float, str]


class Rules:
    """A script's reading and spelling, from its romanisation table."""

    def __init__(self, table: dict[str, Any]) -> None:
        letters = table["letters"]
        self.consonants = frozenset(letters["consonants"])
        self.dependent = frozenset(letters["dependent"])
        self.pre_vowels = frozenset(letters["pre_vowels"])
        self.ignored = re.compile("[" + re.escape(letters["ignored"]) + "]")
        cancel = letters["cancel"]
        self.cancelled = re.compile(
            "([" + re.escape(letters["consonants"]) + "])[" + re.escape(letters.get(
                "cancelled_vowels", "")) + "]?" + re.escape(cancel))
        self.initials: dict[str, list[str]] = table["initials"]
        self.clusters: dict[str, list[str]] = table.get("clusters", {})
        self.finals: dict[str, list[str]] = table["finals"]
        self.finals_last: dict[str, list[str]] = table.get("finals_last", {})  # a word's end
        self.vowels: dict[str, list[str]] = dict(table["vowels"])
        self.vowels[OPEN] = table["inherent"]["open"]
        self.vowels[CLOSED] = table["inherent"]["closed"]
        # The open inherent vowel before ร read with it (วรวุฒิ: wo-ra-wut), after บ (bo-din).
        self.open_before: dict[str, str] = {}
        self.open_after: dict[str, str] = {}
        for part, found in (("open_before", self.open_before), ("open_after", self.open_after)):
            for letter, spellings in table["inherent"].get(part, {}).items():
                found[letter] = f"{OPEN}{part}{letter}"
                self.vowels[f"{OPEN}{part}{letter}"] = spellings
        self.rimes: dict[str, list[str]] = table.get("rimes", {})
        self.silent: dict[str, list[str]] = table.get("silent", {})
        self.cancelled_spellings: dict[str, list[str]] = table.get("cancelled", {})
        self.joins: dict[str, str] = table.get("joins", {})
        syllable = table["syllable"]
        self.needs_final = frozenset(syllable["needs_final"])
        self.no_final = frozenset(syllable["no_final"])
        self.before_consonant = frozenset(syllable.get("before_consonant", ()))
        self.cost: dict[str, float] = table["parse"]
        self.inside_final, self.inside_onset, self.split_vowel, self.final_after, \
            self.linking = (table.get(f"parse_{part}", {}) for part in (
                "inside_final", "inside_onset", "split", "final_after", "linking"))
        rules = table.get("parse_letters", {})
        self.silent_after, self.split_first, self.not_inherent_final, self.silent_vowels, \
            self.stops, self.not_linked_before, self.sonorants, self.glides, \
            self.spelt_cancelled_after, self.cluster_seconds = (frozenset(rules.get(name, "")) for
                name in ("silent_after", "split_first", "not_inherent_final", "silent_vowels",
                         "stop_finals", "not_linked_before", "sonorants", "glides",
                         "spelt_cancelled_after", "cluster_seconds"))
        self.not_after_glide = tuple(rules.get("not_after_glide", ()))
        self.patterns = [self._pattern(key) for key in table["vowels"]]
        self.letter_vowels = {key for key in table["vowels"] if set(key) & self.consonants}

    @staticmethod
    def _pattern(key: str) -> _Pattern:
        if "-" not in key:
            return _Pattern(key, "", key, True)
        pre, post = key.split("-", 1)
        return _Pattern(key, pre, post, False)

    # -- reading ---------------------------------------------------------------------------

    def segments(self, word: str) -> list[tuple[str, str]]:
        """The word without tone marks, cut where a letter is cancelled: (text, the cancelled
        letter after it, "" at the end)."""
        parts = self.cancelled.split(self.ignored.sub("", word)) + [""]
        return [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2) if parts[i]]

    def _final_at(self, text: str, k: int) -> bool:
        return (k < len(text) and text[k] in self.finals
                and (k + 1 == len(text) or text[k + 1] not in self.dependent))

    def _onsets(self, text: str, j: int, split: bool, inside: bool
                ) -> list[tuple[str, int, float, str]]:
        """Onsets starting at j: (onset, end, cost, a consonant read before it alone);
        `inside`: a word's letters before, and no leading vowel."""
        found: list[tuple[str, int, float, str]] = []
        if j < len(text) and text[j] in self.consonants:
            found.append((text[j], j + 1, 0.0, ""))
            pair = text[j:j + 2]
            if pair in self.clusters:
                found.append((pair, j + 2, self.inside_onset.get(pair, 0.0) if inside else 0.0,
                              ""))
            if split and text[j] in self.split_first and j + 1 < len(text) and \
                    text[j + 1] in self.consonants:
                found.append((text[j + 1], j + 2, self.cost["split"], text[j]))
        return found

    def _closings(self, text: str, k: int, cut: bool, allowed: bool, explicit: bool = True
                  ) -> list[tuple[str, str, int, float]]:
        """A syllable's endings after position k: (final, silent letters, end, cost)."""
        endings: list[tuple[str, str, int, float]] = []
        if not allowed or k >= len(text):
            return endings
        final, rest = text[k], text[k + 1:]
        if explicit and rest[:1] in self.silent_vowels and final in self.stops:
            # a vowel not spoken after a stop: at a word's end (ชาติ, chat), inside one too
            if len(rest) == 1 and not cut:  # (สมบัติเจริญ, sombatcharoen)
                endings.append((final, "", len(text), self.cost["silent_vowel"]))
            elif len(rest) > 1 and (rest[1] in self.consonants or rest[1] in self.pre_vowels):
                endings.append((final, "", k + 2, self.cost["silent_vowel_inside"]))
        if not self._final_at(text, k) or not (explicit or final not in self.not_inherent_final):
            return endings
        endings.append((final, "", k + 1, self.inside_final.get(final, 0.0) if rest else 0.0))
        if len(rest) == 1 and rest in self.consonants:
            silent = "silent_cut" if cut else (
                "silent_after" if final in self.silent_after else "silent_end")
            more = self.cost["silent_sonorant"] if cut and rest[0] in self.sonorants else 0.0
            endings.append((final, rest, len(text), self.cost[silent] + more))
        return endings

    def _explicit(self, text: str, i: int, cut: bool
                  ) -> list[tuple[float, tuple[Syllable, ...], int]]:
        matches: list[tuple[int, _Pattern, str, int, float, str]] = []
        starts_pre = text[i] in self.pre_vowels
        for pattern in self.patterns:
            if pattern.alone:
                if text.startswith(pattern.post, i):
                    matches.append((len(pattern.post), pattern, "", i + len(pattern.post), 0, ""))
                continue
            if pattern.pre != (text[i] if starts_pre else "") or not (pattern.pre or
                                                                     pattern.post):
                continue
            j = i + len(pattern.pre)
            split = bool(pattern.pre and pattern.post)
            for onset, m, cost, before in self._onsets(text, j, split, i > 0 and not pattern.pre):
                k = m + len(pattern.post)
                if not text.startswith(pattern.post, m) or (
                        k < len(text) and text[k] in self.dependent) or (
                        pattern.key in self.before_consonant and not (
                            k < len(text) and text[k] in self.consonants)):
                    continue
                if before:
                    cost += self.split_vowel.get(pattern.key, 0.0)
                if len(onset) == 2 and onset[1] in self.glides and \
                        pattern.post.startswith(self.not_after_glide):
                    cost += self.cost["glide_before_vowel"]  # กวิน: ka-win, not kwin
                matches.append((len(pattern.post), pattern, onset, k, cost, before))
        # The longest vowel read, but for a split seldom made (เกษา: ke-sa beside ka-sao).
        longest = max((m[0] for m in matches if not (m[5] and m[1].key in self.split_vowel)),
                      default=0)
        found: list[tuple[float, tuple[Syllable, ...], int]] = []
        for size, pattern, onset, k, cost, before in matches:
            if size < longest:
                continue
            first = (Syllable(before, OPEN),) if before else ()
            if pattern.key not in self.needs_final:
                # Open before a letter that could have closed it: dearer (อินทนนท์, in-tha-non).
                more = self.cost["open_before_final"] if self._final_at(text, k) and \
                    pattern.key not in self.no_final else 0.0
                found.append((cost + more, first + (Syllable(onset, pattern.key),), k))
            for final, silent, end, more in self._closings(
                    text, k, cut, pattern.key not in self.no_final):
                more += self.final_after.get(f"{pattern.key}|{final}", 0.0)  # ปิยะ: pi-ya
                found.append((cost + more,
                              first + (Syllable(onset, pattern.key, final, silent),), end))
        return found

    def _inherent(self, text: str, i: int, cut: bool
                  ) -> list[tuple[float, tuple[Syllable, ...], int]]:
        found: list[tuple[float, tuple[Syllable, ...], int]] = []
        for onset, m, cost, _before in self._onsets(text, i, False, i > 0):
            if m < len(text) and text[m] in self.dependent:
                continue
            if len(onset) == 2 and onset[1] in self.cluster_seconds:
                cost += self.cost["cluster_inherent"]  # พรทิพย์: phon-thip, not phra-thip
            for final, silent, end, more in self._closings(text, m, cut, True, False):
                if end < len(text) and text[end] in self.consonants and (
                        end + 1 == len(text) or text[end + 1] not in self.dependent):
                    more += self.cost["inherent_run"]  # กมล: ka-mon, not kom-la
                found.append((cost + self.cost["inherent_closed"] + more,
                              (Syllable(onset, CLOSED, final, silent),), end))
            if m == len(text):
                found.append((cost + self.cost["inherent_open_end"], (Syllable(onset, OPEN),),
                              m))
            elif text[m] in self.consonants or text[m] in self.pre_vowels:
                found.append((cost + self.cost["inherent_open"], (Syllable(onset, OPEN),), m))
        return found

    def _at(self, text: str, i: int, cut: bool
            ) -> list[tuple[float, tuple[Syllable, ...], int]]:
        char = text[i]
        if char in self.dependent:  # a sign with no consonant before it: skipped
            return [(self.cost["stray"], (), i + 1)]
        if char not in self.consonants and char not in self.pre_vowels and not any(
                p.alone and text.startswith(p.post, i) for p in self.patterns):
            return [(0.0, (Syllable(char, LITERAL),), i + 1)]
        found = self._explicit(text, i, cut)
        # A vowel's letters read as consonants instead (อรวรรณ: o-ra-wan, not -ruan): dearer.
        read = [s for _cost, syllables, _j in found for s in syllables]
        more = self.cost["not_vowel"] if any(s.vowel in self.letter_vowels for s in read) else 0
        if not found or more or any(len(s.onset) == 2 and self.clusters[s.onset][0] != (
                self.initials[s.onset[1]][0]) for s in read):  # ...or beside a cluster (กวิน)
            found += [(c + more, syllables, j) for c, syllables, j in self._inherent(text, i, cut)]
        # A final read again as the onset of an inherent a (รัชนก, rat-cha-nok): Pali and
        # Sanskrit compounds; not a final doubled in writing (ชัชชาติ).
        return found + [
            (cost + self.linking.get(syllables[-1].final, self.cost["linking"]),
             syllables[:-1] + (replace(syllables[-1], linked=True),
                               Syllable(syllables[-1].final, OPEN)), j)
            for cost, syllables, j in found
            if syllables and syllables[-1].final and not syllables[-1].silent
            and j < len(text) and text[j - 1] == syllables[-1].final != text[j]
            and text[j] not in self.not_linked_before
            and (text[j] in self.consonants or text[j] in self.pre_vowels)]

    def readings(self, text: str, cut: bool = False) -> list[tuple[float, tuple[Syllable, ...]]]:
        """A text's readings as syllables, cheapest first (`cut`: a letter was cancelled after
        it)."""
        best: list[list[tuple[float, tuple[Syllable, ...]]]] = [[] for _ in text] + [[(0.0, ())]]
        for i in range(len(text) - 1, -1, -1):
            options = [(cost + rest_cost, syllables + rest)
                       for cost, syllables, j in self._at(text, i, cut)
                       for rest_cost, rest in best[j]]
            kept: dict[tuple[Syllable, ...], float] = {}
            for cost, syllables in sorted(options, key=lambda option: option[0]):
                kept.setdefault(syllables, cost)
            best[i] = [(cost, syllables) for syllables, cost in kept.items()][:READINGS]
        return best[0]

    # -- spelling --------------------------------------------------------------------------

    def _ranked(self, spellings: list[str]) -> list[Spelt]:
        step = self.cost["alternative"]
        return [(rank * step, spelling) for rank, spelling in enumerate(spellings)]

    def _rime(self, syllable: Syllable) -> list[Spelt]:
        vowel, final = syllable.vowel, syllable.final
        table = self.finals_last if syllable.last and final in self.finals_last else self.finals
        finals = self._ranked(table.get(final, [""])) if final else [(0.0, "")]
        if syllable.linked and "linked_final_dropped" in self.cost:  # Vadhana, Ratana
            finals = sorted(finals + [(self.cost["linked_final_dropped"], "")],
                            key=lambda option: option[0])
        kind = self.finals[final][0] if final in self.finals else ""
        override = (self.rimes.get(f"{vowel}|{final}") if final else None) or \
            self.rimes.get(f"{vowel}|{kind}")
        if override is not None:
            return _combine(self._ranked(override), finals,
                            lambda rime, f: rime.replace("{F}", f), uses="{F}")
        return _combine(self._ranked(self.vowels.get(vowel, [""])), finals,
                        lambda v, f: v + f)

    def spell(self, syllable: Syllable) -> list[Spelt]:
        """A syllable's spellings, cheapest first."""
        if syllable.vowel == LITERAL:
            return [(0.0, syllable.onset.lower())]
        onset = syllable.onset
        onsets = self._ranked(self.clusters.get(onset) or self.initials.get(onset, [""])) \
            if onset else [(0.0, "")]
        spelt = _combine(onsets, self._rime(syllable), lambda a, b: a + b)
        for letter in syllable.silent:
            spelt = _combine(spelt, self._ranked(self.silent.get(letter, [""])),
                             lambda a, b: a + b)
        return spelt[:SYLLABLE_SPELLINGS]

    def spellings(self, word: str) -> list[Spelt]:
        """A word's likely Latin spellings, lower case, each with its cost, cheapest first."""
        spelt: list[Spelt] = [(0.0, "")]
        segments = self.segments(word)
        for text, cancelled in segments:
            options: list[Spelt] = []
            for cost, syllables in self.readings(text, bool(cancelled)):
                if syllables and text == segments[-1][0]:
                    syllables = (*syllables[:-1], replace(syllables[-1], last=True))
                syllables = tuple(
                    replace(syllable, vowel=self.open_before[after.onset])
                    if syllable.vowel == OPEN and after.vowel == OPEN
                    and after.onset in self.open_before else
                    replace(syllable, vowel=self.open_after[syllable.onset])
                    if syllable.vowel == OPEN and syllable.onset in self.open_after
                    and after.onset else syllable
                    for syllable, after in zip(syllables, (*syllables[1:], Syllable("", ""))))
                reading: list[Spelt] = [(cost, "")]
                for syllable in syllables:
                    reading = _combine(reading, self.spell(syllable), lambda a, b: a + b)
                if syllables and syllables[-1].final in self.spelt_cancelled_after and \
                        not syllables[-1].silent:  # จุลานนท์: Chulanon, Chulanont
                    reading = _combine(reading, self._ranked(self.cancelled_spellings.get(
                        cancelled, [""])), lambda a, b: a + b)
                options += reading
            options.sort(key=lambda option: option[0])
            spelt = _combine(spelt, options, lambda a, b: a + b)
        seen: dict[str, float] = {}
        for cost, spelling in spelt:
            for seam, joined in self.joins.items():
                spelling = spelling.replace(seam, joined)
            seen.setdefault(spelling, cost)
        return [(cost, spelling) for spelling, cost in seen.items() if spelling]


def styled(table: dict[str, Any], style: str) -> dict[str, Any]:
    """The table in one of its styles (its part `[<style>]`, after the style it names `like`,
    if any): the spellings named there put first in their lists; its costs (`parse...`) and
    `joins` in place of the table's."""
    chosen_parts = dict(table.get(style, {}))
    result = styled(table, chosen_parts.pop("like")) if "like" in chosen_parts else dict(table)
    if "finals" in chosen_parts:  # a final chosen is chosen at a word's end too
        chosen_parts["finals_last"] = {key: spelling for key, spelling in chosen_parts[
            "finals"].items() if key in table.get("finals_last", {})} | chosen_parts.get(
                "finals_last", {})
    for part, chosen in chosen_parts.items():
        result[part] = dict(result.get(part, {}))
        for key, spelling in chosen.items():
            if part.startswith("parse") or part == "joins":
                result[part][key] = spelling
            else:
                result[part][key] = [spelling] + [s for s in result[part].get(key, [])
                                                  if s != spelling]
    return result


def styles(table: dict[str, Any]) -> tuple[tuple[float, Rules], ...]:
    """The table's styles (its `[styles]`: each style's name and cost, the published system
    "published", the table as it is, first), each as (cost, Rules)."""
    return tuple((cost, Rules(styled(table, style)))
                 for style, cost in table.get("styles", {"published": 0.0}).items())


def interleaved(*lists: list[str]) -> list[str]:
    """The first of each list, then the second of each..., each spelling once."""
    return list(dict.fromkeys(spelling for row in itertools.zip_longest(*lists)
                              for spelling in row if spelling is not None))


def _combine(left: list[Spelt], right: list[Spelt], join: Any, uses: str = "") -> list[Spelt]:
    """Each of `left` joined with each of `right`, cheapest first, the best WORD_SPELLINGS
    distinct ones (`uses`: join `right` only where a left part holds that placeholder)."""
    joined: list[Spelt] = []
    for left_cost, a in left:
        if uses and uses not in a:
            joined.append((left_cost, a))
            continue
        joined += [(left_cost + right_cost, join(a, b)) for right_cost, b in right]
    kept: dict[str, float] = {}
    for cost, spelling in sorted(joined, key=lambda option: option[0]):
        kept.setdefault(spelling, cost)
    return [(cost, spelling) for spelling, cost in kept.items()][:WORD_SPELLINGS]

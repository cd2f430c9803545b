"""The workers' search (store.domain.matching: `search_score`, `SpellingIndex`, `NumberIndex`):
the targets of issue 28, and the index giving the same hits as scoring every spelling.

Targets: "Muhammad Rizki", "M. Rizky" and "Rizky Muhammad" find "Muhammad Rizky Pratama";
"Muhammad Rizky" among fifty Muhammads puts him first (all the query's words found beats some);
the spelling that matched is said; a phone by its last digits in any format; a passport, or its
beginning, case and spaces aside.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.domain.matching import (
    MATCH_THRESHOLD,
    NumberIndex,
    SpellingIndex,
    likely_matches,
    search_score,
)
from tests.domain.test_matching import FALSE_PAIRS, TRUE_PAIRS
from tests.strategies import SOME

RIZKY = "Muhammad Rizky Pratama"
GIVEN = ["Ali", "Yusuf", "Hasan", "Ilham", "Fajar", "Ikhsan", "Akbar", "Iqbal", "Arif", "Hafiz",
         "Rahmat", "Syahrul", "Fauzi", "Taufik", "Irfan", "Zainal", "Reza", "Nur", "Agus", "Dedi",
         "Eko", "Bayu", "Yogi", "Lutfi", "Amin"]
FAMILY = ["Hidayat", "Siregar", "Lubis", "Nasution", "Harahap"]
# Fifty Muhammads, none of them Rizky (nor a name like it).
MUHAMMADS = [f"Muhammad {given} {family}" for given in GIVEN[:10] for family in FAMILY]


def index_of(names: dict[str, list[str]]) -> SpellingIndex:
    return SpellingIndex(names.items())


# -- the targets ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Muhammad Rizki", "M. Rizky", "Rizky Muhammad",
                                   "muhammad rizky", "Rizki", "M Rizki Pratama",
                                   "Mohammad Rizky", "Rizky Pratama"])
def test_the_query_finds_muhammad_rizky_pratama(query: str) -> None:
    index = index_of({"rizky": [RIZKY], **{f"m{n}": [name] for n, name in enumerate(MUHAMMADS)}})
    hits = index.search(query)
    assert hits and hits[0].id == "rizky", [(h.spelling, h.score) for h in hits[:3]]
    assert hits[0].spelling == RIZKY
    assert hits[0].score >= MATCH_THRESHOLD - 3  # a word of the name not typed costs 3
    assert search_score(query, RIZKY) == (hits[0].score, hits[0].matched)


def test_muhammad_rizky_does_not_drown_in_fifty_muhammads() -> None:
    names = {f"m{n}": [name] for n, name in enumerate(MUHAMMADS)}
    names["rizky"] = [RIZKY]
    names["rizki"] = ["Mohamad Rizki"]  # the same name spelt another way: found, second
    index = index_of(names)
    hits = index.search("Muhammad Rizky")
    assert [h.id for h in hits[:2]] == ["rizky", "rizki"]
    # The fifty share a word only: none of them is found by both words.
    assert all(h.matched == 2 for h in hits) and len(hits) == 2
    # "Muhammad" alone finds all fifty-two: the name spelt another way last.
    everyone = index.search("Muhammad")
    assert len(everyone) == 52 and everyone[-1].id == "rizki"
    assert [h.score for h in everyone] == sorted((h.score for h in everyone), reverse=True)


def test_all_the_words_found_beat_some() -> None:
    index = index_of({"full": [RIZKY], "short": ["Muhammad Rizky"],
                      "other": ["Muhammad Rizal Pratama"]})
    hits = index.search("Muhammad Rizky Pratama")
    assert [(h.id, h.matched, h.words) for h in hits] == [("full", 3, 3), ("short", 2, 3)]
    assert hits[1].score == 97.0  # one word of the query the saved name does not have


def test_the_spelling_that_matched_is_said() -> None:
    index = index_of({"w": ["Rizky Pratama Nugroho", "Riski Pratama"],
                      "x": ["Yohanes Kristianto Manek", "Yohanis Manek"]})
    (hit,) = index.search("Riski Pratama")
    assert (hit.id, hit.spelling, hit.position, hit.score) == ("w", "Riski Pratama", 1, 100.0)
    (hit,) = index.search("Yohanis")
    assert hit.spelling in ("Yohanis Manek", "Yohanes Kristianto Manek")
    assert hit.position == 1 and hit.score == 97.0  # the shorter spelling: fewer words left


def test_a_short_query_is_left_to_the_search_as_typed() -> None:
    index = index_of({"w": ["Sokha Chea"]})
    assert index.search("Sok") == [] and search_score("Sok", "Sokha Chea") is None
    assert index.search("Sokh")[0].id == "w"


def test_names_run_together_are_found() -> None:
    index = index_of({"a": ["Aung Kyaw Moe"], "b": ["Aungkyawmoe"]})
    assert {h.id for h in index.search("Aungkyawmoe")} == {"a", "b"}
    assert {h.id for h in index.search("Aung Kyaw Moe")} == {"a", "b"}


@pytest.mark.parametrize(("a", "b"), TRUE_PAIRS)
def test_each_true_pair_of_the_directory_is_found(a: str, b: str) -> None:
    assert search_score(a, b) is not None or len(a.replace(" ", "")) < 4


@pytest.mark.parametrize(("a", "b"), [(a, b) for a, b in FALSE_PAIRS
                                      if len(a.split()) == len(b.split())])
def test_no_false_pair_of_the_directory_is_found_by_the_whole_name(a: str, b: str) -> None:
    # ("Siti" finds "Siti Aminah", as a search should: a part of a name.)
    assert search_score(a, b) is None


@pytest.mark.parametrize("text", ["Phommachanh  Souksavanh", "Nguyễn Văn An", "Nur'aini",
                                  "M. Rizky", "Sok", "Vilay", "ĐẶNG Thị Ørsted", "ສຸກ ສະຫວັນ"])
def test_a_text_is_analysed_as_the_directory_s_search_analyses_it(text: str) -> None:
    from store.domain.matching.scored import analysed
    from store.domain.matching.search import _searched

    mine, theirs = analysed(text), _searched(text)
    assert (mine.words, mine.fuzzy) == (theirs.words, theirs.fuzzy)
    assert "".join(mine.ruled) == theirs.key


# -- the index finds what scoring every spelling finds ------------------------------------------

POOL = [name for pair in TRUE_PAIRS + FALSE_PAIRS for name in pair] + MUHAMMADS + [
    RIZKY, "Aung Kyaw Moe", "Aungkyawmoe", "Nguyễn Văn An", "Nur'aini", "Sri Wahyuningsih"]


def _typed(rng: random.Random, name: str) -> str:
    """A query an officer might type for `name`: a part of it, in another order, with a typo,
    an initial, or cut short as they are still typing."""
    words = name.split()
    rng.shuffle(words) if rng.random() < 0.3 else None
    words = words[:rng.randint(1, len(words))]
    out: list[str] = []
    for word in words:
        roll = rng.random()
        if roll < 0.1 and out:
            out[-1] += word.lower()  # run together with the word before
            continue
        if roll < 0.2:
            word = word[0] + "."
        elif roll < 0.35 and len(word) > 3:
            at = rng.randrange(len(word))
            word = word[:at] + rng.choice("aeiouyhkz") + word[at + 1:]
        elif roll < 0.5 and len(word) > 3:
            word = word[:rng.randint(2, len(word) - 1)]
        out.append(word)
    return " ".join(out)


@given(st.randoms(use_true_random=False), st.integers(5, 40))
@SOME
def test_the_index_finds_what_scoring_every_spelling_finds(rng: random.Random,
                                                          size: int) -> None:
    records = {f"r{n}": rng.sample(POOL, rng.randint(1, 3)) for n in range(size)}
    index = index_of(records)
    for _ in range(5):
        query = _typed(rng, rng.choice(POOL))
        expected: dict[str, tuple[int, float]] = {}
        for record_id, spellings in records.items():
            for spelling in spellings:
                found = search_score(query, spelling)
                if found is not None:
                    score, matched = found
                    expected[record_id] = max(expected.get(record_id, (0, 0.0)),
                                              (matched, score))
        got = {h.id: (h.matched, h.score) for h in index.search(query)}
        assert got == expected, query


@given(st.randoms(use_true_random=False), st.integers(5, 40))
@SOME
def test_likely_matches_are_the_directory_s(rng: random.Random, size: int) -> None:
    records = {f"r{n}": rng.sample(POOL, rng.randint(1, 3)) for n in range(size)}
    index = index_of(records)
    for _ in range(3):
        name = rng.choice([rng.choice(POOL), _typed(rng, rng.choice(POOL))])
        mine = {(m.id, round(m.score, 6)) for m in index.likely(name, limit=100)}
        theirs = {(m.id, round(m.score, 6))
                  for m in likely_matches(name, records.items(), limit=100)}
        assert mine == theirs, name


# -- a name in another script ---------------------------------------------------------------------

LAO = "ສຸກສະຫວັນ ພົມມະຈັນ"


@pytest.fixture
def lao_spelt(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`store.domain.scripts.matching_forms` as it is once the Lao rules are installed (their
    module comes with the romanisation tables): a Lao name and its Latin spelling."""
    from store.domain.matching import scored

    def forms(spelling: str) -> list[str]:
        return [spelling, "Souksavan Phommachan"] if spelling == LAO else [spelling]

    monkeypatch.setattr(scored, "matching_forms", forms)
    scored.forms_of.cache_clear()
    yield
    scored.forms_of.cache_clear()


def test_a_name_in_another_script_is_found_by_its_latin_spelling_and_back(
        lao_spelt: None) -> None:
    index = index_of({"lao": ["Khamla", LAO], "latin": ["Souksavanh Phommachanh"]})
    hits = {h.id: h for h in index.search("Souksavan Phomachan")}
    assert set(hits) == {"lao", "latin"}
    assert (hits["lao"].spelling, hits["lao"].form) == (LAO, "Souksavan Phommachan")
    assert {h.id for h in index.search(LAO)} == {"lao", "latin"}  # typed in Lao: both
    assert {m.id for m in index.likely(LAO)} == {"lao", "latin"}
    assert {m.id for m in index.likely("Souksavanh Phommachanh")} == {"lao", "latin"}


# -- kept in step with the records ---------------------------------------------------------------


def test_put_and_drop_keep_the_index_in_step() -> None:
    index = index_of({"a": ["Siti Aminah"], "b": [RIZKY]})
    assert [h.id for h in index.search("Rizki Pratama")] == ["b"]
    index.put("b", ["Dewi Anggraini", "Dewi Angraini"])  # renamed
    assert index.search("Rizki Pratama") == [] and index.search("Pratama") == []
    assert [h.id for h in index.search("Dewi Anggraeni")] == ["b"]
    index.drop("b")
    assert index.search("Dewi Anggraini") == [] and "b" not in index
    assert [h.id for h in index.search("Siti Aminah")] == ["a"]
    index.drop("a")
    assert len(index) == 0 and index.spellings == 0
    # Nothing of them is left behind to be found.
    assert not index._groups and not index._by_pair and not index._ruled  # noqa: SLF001


# -- phones and passports ------------------------------------------------------------------------


def _region(_record_id: str, region: str | None) -> str:
    return region or "ID"


@pytest.fixture
def numbers() -> NumberIndex:
    index = NumberIndex()
    index.put("siti", "+6281234567890", "C1234567", "ID")
    index.put("somxay", "+8562055550101", "P 0012345", "LA")
    index.put("nobody", None, "", None)
    index.put("dewi", "+6281299990000", "c7654321", None)
    return index


@pytest.mark.parametrize("query", ["+62 812-3456-7890", "0812 3456 7890", "(0812) 3456-7890",
                                   "0062 812 3456 7890", "6281234567890"])
def test_a_phone_written_any_way_finds_its_worker(numbers: NumberIndex, query: str) -> None:
    assert [(h.id, h.field, h.number, h.score) for h in numbers.phones(query, _region)] == [
        ("siti", "phone", "+6281234567890", 100.0)]


@pytest.mark.parametrize("query", ["567890", "34567890", "3456-7890", "3456 7890", "٣٤٥٦٧٨٩٠"])
def test_the_last_digits_of_a_phone_find_it(numbers: NumberIndex, query: str) -> None:
    hits = numbers.phones(query, _region)
    assert [h.id for h in hits] == ["siti"]
    assert 0 < hits[0].score < 100


def test_a_lao_number_is_read_in_the_worker_s_region(numbers: NumberIndex) -> None:
    assert [h.id for h in numbers.phones("020 5555 0101", _region)] == ["somxay"]
    assert [h.id for h in numbers.phones("໐໒໐ ໕໕໕໕ ໐໑໐໑", _region)] == ["somxay"]
    # Read in Indonesia, the same digits are another number.
    assert numbers.phones("020 5555 0101", lambda _i, _r: "ID") == []


def test_too_few_digits_or_letters_find_no_phone(numbers: NumberIndex) -> None:
    assert numbers.phones("67890", _region) == []
    assert numbers.phones("Siti 567890", _region) == []


@pytest.mark.parametrize(("query", "found", "score"), [
    ("C1234567", "siti", 100.0), ("c123 4567", "siti", 100.0), ("C1234", "siti", 62.5),
    ("P0012345", "somxay", 100.0), ("p 001", "somxay", 50.0), ("C7654321", "dewi", 100.0)])
def test_a_passport_number_or_its_beginning_finds_its_worker(
        numbers: NumberIndex, query: str, found: str, score: float) -> None:
    assert [(h.id, h.field, h.score) for h in numbers.passports(query)] == [
        (found, "passport", score)]


def test_a_passport_query_needs_four_characters_and_a_digit(numbers: NumberIndex) -> None:
    assert numbers.passports("C12") == [] and numbers.passports("CABC") == []
    assert numbers.passports("C1239") == []


def test_numbers_follow_their_records(numbers: NumberIndex) -> None:
    numbers.put("siti", "+6281200001111", "", "ID")
    assert numbers.phones("34567890", _region) == [] and numbers.passports("C1234567") == []
    assert [h.id for h in numbers.phones("00001111", _region)] == ["siti"]
    numbers.drop("siti")
    assert numbers.phones("00001111", _region) == []
    assert len(numbers) == 2

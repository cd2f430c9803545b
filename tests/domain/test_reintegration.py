"""The check-ins after return: the data file (store/common/reintegration.toml) reads, cites
its sources and carries a weight only with where it was published; a union's months
($PULANG_CHECKINS); the scores (store/domain/rules/reintegration.py), weighted and not,
computed by hand; the signs of re-recruitment."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from store.common import reintegration as data
from store.common.reintegration import (
    DIMENSIONS,
    Answer,
    ChecksFileInvalid,
    Indicator,
    checkin_months,
    packaged,
    parse,
)
from store.domain.rules.reintegration import OVERALL, UNWEIGHTED, WEIGHTED, re_recruitment, score

ROOT = Path(__file__).resolve().parent.parent.parent
FILE = ROOT / "store" / "common" / "reintegration.toml"


def text() -> str:
    return FILE.read_text(encoding="utf-8")


# -- the file -----------------------------------------------------------------------------------


def test_the_file_reads_with_every_dimension_and_the_template() -> None:
    read = packaged()
    assert read.months == (1, 3, 6, 12)
    for dimension in DIMENSIONS:
        assert sum(i.dimension == dimension for i in read.indicators) >= 4, dimension
    # The topics the issue asks every check-in to record.
    ids = {i.id for i in read.indicators}
    assert {"income_source", "debt", "family", "wellbeing", "recruiter_contact",
            "migrate_again"} <= ids
    for indicator in read.indicators:
        assert indicator.question.strip()
        assert all(0 <= a.score <= 1 for a in indicator.answers if a.score is not None)


def test_the_package_carries_the_file() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        package_data = tomllib.load(f)["tool"]["setuptools"]["package-data"]
    assert "reintegration.toml" in package_data["store.common"]


def test_the_sources_are_cited() -> None:
    sources = {s.id: s for s in packaged().sources}
    assert {"handbook", "measure"} <= set(sources)
    handbook = sources["handbook"]
    assert handbook.year == 2019 and "Reintegration Handbook" in handbook.title
    assert "Annex 4" in handbook.where and handbook.url.startswith("https://")
    assert sources["measure"].year == 2017 and "Samuel Hall" in sources["measure"].publisher
    for source in sources.values():
        assert source.found.strip(), f"{source.id}: say what was read there"
    # The file's header says what was not found, for whoever adds a weight.
    header = text().split("\n[[sources]]")[0]
    assert "could NOT be read" in header and "weight_source" in header


def test_weights_only_where_published() -> None:
    """A weight stands in the file only with the source and page it was read from; none is
    there now (none could be read), so every score says it is unweighted."""
    sources = {s.id for s in packaged().sources}
    for indicator in packaged().indicators:
        if indicator.weight is not None or indicator.overall_weight is not None:
            named, _, page = indicator.weight_source.partition(",")
            assert named.strip() in sources and page.strip(), indicator.id
        else:
            assert not indicator.weight_source
    scores = score({"income_source": "regular"}, packaged().indicators)
    assert all(s.method == UNWEIGHTED for s in scores.values())


def test_the_translation_markers_are_the_files_words() -> None:
    """store/common/reintegration_words.py is what the file generates: a question changed in
    the TOML and not regenerated would go untranslated."""
    generated = (ROOT / "store" / "common" / "reintegration_words.py").read_text("utf-8")
    assert generated == data.words_module(packaged())
    from store.common.reintegration_words import WORDS

    assert {t for i in packaged().indicators
            for t in (i.question, *(a.label for a in i.answers))} == set(WORDS)


# -- a broken file is refused, its key named ------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "key"), [
    ('dimension = "economic"\nquestion = "Do you have work',
     'dimension = "economc"\nquestion = "Do you have work',
     "indicators[1] (income_source).dimension"),
    ('question = "Do you have work', 'questoin = "Do you have work',
     "indicators[1] (income_source).questoin"),
    ('label = "Yes, regular work or income", score = 1.0',
     'label = "Yes, regular work or income", score = 1.5',
     "indicators[1] (income_source).answers[1].score"),
    ('{ code = "irregular", label = "Only', '{ code = "regular", label = "Only',
     'indicators[1] (income_source).answers: the code "regular" is given twice'),
    ('id = "income_source"\ndimension = "economic"',
     'id = "income_source"\nweight = 0.3\ndimension = "economic"',
     "indicators[1] (income_source).weight_source"),
    ("months = [1, 3, 6, 12]", "months = [3, 1]", "checkins.months"),
    ('[[sources]]\nid = "handbook"', '[[source]]\nid = "handbook"', "[source]"),
])
def test_a_broken_file_is_refused_with_its_key(old: str, new: str, key: str) -> None:
    assert text().count(old) == 1
    with pytest.raises(ChecksFileInvalid) as refused:
        parse(text().replace(old, new), "reintegration.toml")
    assert any(problem.startswith(key) for problem in refused.value.problems), (
        refused.value.problems)
    assert key in str(refused.value) and "reintegration.toml" in str(refused.value)


def test_a_weight_with_its_source_is_read() -> None:
    read = parse(text().replace(
        'id = "income_source"\ndimension = "economic"',
        'id = "income_source"\nweight = 0.3\nweight_source = "handbook, Annex 4, p. 1"\n'
        'dimension = "economic"'), "reintegration.toml")
    assert read.indicators[0].weight == 0.3


def test_a_file_that_is_not_toml_is_refused() -> None:
    with pytest.raises(ChecksFileInvalid, match="not TOML"):
        parse("[checkins\n", "reintegration.toml")


# -- a union's own months: $PULANG_CHECKINS -------------------------------------------------------


def test_a_unions_months_replace_the_template(tmp_path: Path) -> None:
    own = tmp_path / "checkins.toml"
    own.write_text("[checkins]\nmonths = [2, 6, 24]\n", encoding="utf-8")
    assert checkin_months({"PULANG_CHECKINS": str(own)}) == (2, 6, 24)
    assert checkin_months({}) == (1, 3, 6, 12)


@pytest.mark.parametrize(("content", "key"), [
    ("[checkins]\nmonths = [6, 3]\n", "checkins.months"),
    ("[checkins]\nmonths = []\n", "checkins.months"),
    ('[checkins]\nmonths = ["1"]\n', "checkins.months"),
    ("[checkins]\nmonth = [1, 3]\n", "checkins.month"),
    ("[checkin]\nmonths = [1, 3]\n", "[checkins]"),
    ("[checkins]\nmonths = [1]\n[indicators]\n", "[indicators]"),
    ("[checkins\n", "not TOML"),
])
def test_a_broken_union_file_is_refused_with_its_key(tmp_path: Path, content: str,
                                                     key: str) -> None:
    own = tmp_path / "checkins.toml"
    own.write_text(content, encoding="utf-8")
    with pytest.raises(ChecksFileInvalid) as refused:
        checkin_months({"PULANG_CHECKINS": str(own)})
    assert any(problem.startswith(key) for problem in refused.value.problems), (
        refused.value.problems)
    assert str(own) in str(refused.value)


def test_a_missing_union_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ChecksFileInvalid, match="not read"):
        checkin_months({"PULANG_CHECKINS": str(tmp_path / "none.toml")})


# -- the scores -----------------------------------------------------------------------------------


def indicator(ident: str, dimension: str, weight: float | None = None,
              overall: float | None = None) -> Indicator:
    """An indicator with answers scored 1, 0.5, 0.25 and 0, and one not counted."""
    answers = tuple(Answer(code, code, value) for code, value in
                    (("a", 1.0), ("b", 0.5), ("c", 0.25), ("d", 0.0), ("na", None)))
    return Indicator(ident, dimension, ident, answers, weight, overall)


def test_a_weighted_score_by_hand() -> None:
    indicators = [indicator("e1", "economic", 2.0, 1.0), indicator("e2", "economic", 1.0, 3.0),
                  indicator("s1", "social", 1.0, 1.0), indicator("p1", "psychosocial", 1.0, 1.0)]
    scores = score({"e1": "a", "e2": "c", "s1": "b"}, indicators)
    # (2 x 1 + 1 x 0.25) / (2 + 1)
    assert scores["economic"].value == pytest.approx(0.75)
    assert scores["economic"].method == WEIGHTED
    assert (scores["economic"].answered, scores["economic"].of) == (2, 2)
    # The whole by the overall weights, over what was answered: (1 + 3 x 0.25 + 0.5) / 5
    assert scores[OVERALL].value == pytest.approx(0.45)
    assert scores[OVERALL].method == WEIGHTED and scores[OVERALL].answered == 3
    assert scores["psychosocial"].value is None and scores["psychosocial"].answered == 0


def test_an_unweighted_score_by_hand() -> None:
    """One weight missing in a dimension: its score is the plain mean, and says so; an
    answer not counted, an unknown one and a question not asked are left out, never 0."""
    indicators = [indicator("s1", "social", 3.0), indicator("s2", "social"),
                  indicator("s3", "social", 1.0), indicator("s4", "social", 1.0),
                  indicator("s5", "social", 1.0)]
    scores = score({"s1": "a", "s2": "c", "s3": "na", "s4": "zz"}, indicators)
    assert scores["social"].value == pytest.approx((1.0 + 0.25) / 2)
    assert scores["social"].method == UNWEIGHTED
    assert (scores["social"].answered, scores["social"].of) == (2, 5)
    assert scores[OVERALL].method == UNWEIGHTED


def test_the_packaged_indicators_score_by_hand() -> None:
    answers = {"income_source": "regular", "food": "often", "schooling": "no_children",
               "housing": "fair", "recruiter_contact": "no"}
    scores = score(answers, packaged().indicators)
    assert scores["economic"].value == pytest.approx((1.0 + 0.3333) / 2)
    assert scores["social"].value == pytest.approx(0.5) and scores["social"].answered == 1
    assert scores["psychosocial"].value is None
    assert scores[OVERALL].value == pytest.approx((1.0 + 0.3333 + 0.5) / 3)
    # The questions not scored are not counted anywhere.
    assert scores[OVERALL].of == sum(i.dimension is not None for i in packaged().indicators)


# -- the signs of re-recruitment ------------------------------------------------------------------


def test_the_signs_of_re_recruitment() -> None:
    indicators = packaged().indicators
    flagged = {(i.id, a.code) for i in indicators for a in i.answers if a.sign}
    assert flagged == {("recruiter_contact", "yes"), ("offer_abroad", "yes"),
                       ("recruiter_debt", "yes"), ("migrate_again", "irregular")}
    answers = {"recruiter_contact": "yes", "migrate_again": "irregular", "offer_abroad": "no",
               "recruiter_debt": "no", "income_source": "none"}
    assert re_recruitment(answers, indicators) == [("migrate_again", "irregular"),
                                                   ("recruiter_contact", "yes")]
    calm = {"recruiter_contact": "no", "offer_abroad": "no", "recruiter_debt": "no",
            "migrate_again": "regular"}
    assert re_recruitment(calm, indicators) == []
    assert re_recruitment({}, indicators) == []

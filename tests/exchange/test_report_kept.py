"""The figures counted once and kept until a table they read changes
(store/exchange/report_stored.py): asked again, nothing is read; after a save, here or by
another process, only the parts that read a changed table are counted again, and the figures
are those a fresh count gives. And the check-ins' scores as the report makes them, held to
`store.domain.rules.reintegration.score`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.common.reintegration import indicators
from store.db.database import Database
from store.domain.records import Case, LogEntry, build
from store.domain.rules.reintegration import re_recruitment, score
from store.exchange import report_checkins, report_stored
from store.exchange.demo import write_demo
from store.exchange.report import figures

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def demo(db_path: Path) -> Iterator[Database]:
    db = write_demo(db_path)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tables the figures parse, in order (each `Stored.docs` and `Stored.where`)."""
    seen: list[str] = []
    docs, where = report_stored.Stored.docs, report_stored.Stored.where

    def counted_docs(self: report_stored.Stored, table: str) -> list[dict[str, object]]:
        seen.append(table)
        return docs(self, table)

    def counted_where(self: report_stored.Stored, table: str, needle: bytes
                      ) -> list[dict[str, object]]:
        seen.append(table)
        return where(self, table, needle)

    monkeypatch.setattr(report_stored.Stored, "docs", counted_docs)
    monkeypatch.setattr(report_stored.Stored, "where", counted_where)
    return seen


def fresh(path: Path) -> dict[str, object]:
    """The figures counted by a database object that has kept nothing."""
    with Database.open(path) as other:
        return figures(other, TODAY).as_json()


def test_asked_again_the_figures_read_nothing(demo: Database, reads: list[str]) -> None:
    first = figures(demo, TODAY)
    assert {"cases", "workers", "plans", "checkins", "legal", "money", "log"} <= set(reads)
    reads.clear()
    assert figures(demo, TODAY).as_json() == first.as_json()
    assert reads == []
    # another day is another count of what depends on the day
    figures(demo, TODAY + dt.timedelta(days=40))
    assert "cases" in reads


def test_a_save_counts_again_only_what_read_its_table(demo: Database,
                                                      reads: list[str]) -> None:
    before = figures(demo, TODAY)
    case = demo.case_by_ref("KH-2025-0001")
    assert case is not None
    reads.clear()
    demo.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": dt.datetime(2026, 5, 1, 9, tzinfo=dt.timezone.utc),
        "kind": "referral", "summary": "Asked the embassy", "counterpart_org": "KBRI",
        "counterpart_kind": "embassy_ministry"}))
    after = figures(demo, TODAY)
    assert set(reads) == {"log"}  # only the requests were counted again
    assert after.requests_by_state["sent"] == before.requests_by_state["sent"] + 1
    assert after.as_json() == fresh(demo.path)

    reads.clear()
    demo.save_case(build(Case, {"title": "One more", "destination_country": "MY",
                                "date_reported": "01/05/2026"}))
    again = figures(demo, TODAY)
    assert "log" not in reads and "cases" in reads
    assert again.cases == after.cases + 1
    assert again.new_cases_by_month["2026-05"] == after.new_cases_by_month["2026-05"] + 1
    assert again.as_json() == fresh(demo.path)


def test_another_process_saving_is_counted(demo: Database) -> None:
    before = figures(demo, TODAY)
    with Database.open(demo.path) as other:
        other.save_case(build(Case, {"title": "From the other office",
                                     "destination_country": "TH",
                                     "date_reported": "02/05/2026"}))
    after = figures(demo, TODAY)
    assert after.cases == before.cases + 1
    assert after.cases_by_stage != before.cases_by_stage
    assert after.as_json() == fresh(demo.path)


# -- the scores -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Answer:
    code: str
    score: float | None
    sign: bool = False


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str | None
    answers: tuple[Answer, ...]
    weight: float | None = None
    overall_weight: float | None = None


def weighted(known: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """The same indicators with a weight in their dimension and in the whole (and a code
    given twice, of which the first counts)."""
    return tuple(Indicator(i.id, i.dimension, (*i.answers, Answer(i.answers[0].code, 0.5)),
                           weight=0.1 + n / 7, overall_weight=0.05 + n / 11)
                 for n, i in enumerate(known))


PACKAGED = tuple(Indicator(i.id, i.dimension, tuple(Answer(a.code, a.score, a.sign)
                                                    for a in i.answers))
                 for i in indicators())


@st.composite
def answers_to(draw: st.DrawFn, known: tuple[Indicator, ...]) -> dict[str, str]:
    """Some of the indicators answered, with their codes or a code none of them has."""
    chosen = draw(st.lists(st.sampled_from(known), unique_by=lambda i: i.id))
    return {i.id: draw(st.sampled_from([a.code for a in i.answers] + ["unheard_of"]))
            for i in chosen}


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_the_reports_scores_are_those_of_the_rules(data: st.DataObject) -> None:
    for known in (PACKAGED, weighted(PACKAGED)):
        answers = data.draw(answers_to(known))
        scores = report_checkins._Scores(known)
        expected = score(answers, known)
        assert scores.values(answers) == {name: s.value for name, s in expected.items()}
        assert scores.signed(answers) == bool(re_recruitment(answers, known))

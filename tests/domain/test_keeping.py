"""Keeping a closed case no longer than needed: the union's period (closing.toml's [keeping])
and the rule of when a closed case falls due, is warned of, and is held."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.common import closing
from store.common.errors import InputFileUnreadable, RuleRefused
from store.domain.records import Case, build
from store.domain.rules import keeping as rules

REASONS = '[reasons.other]\nlabel = "Other"\n'


def own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / f"closing{abs(hash(text))}.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(closing.VARIABLE, str(path))


def test_pulang_keeps_a_closed_case_24_months_and_says_why() -> None:
    assert closing.months_after_closing() == 24
    from importlib.resources import files
    text = (files("store.common") / "closing.toml").read_text(encoding="utf-8")
    for why in ("UU 27/2022", "Pasal 42(1)", "Pasal 43(1)(a)", "Pasal 44(1)(c)", "check-ins"):
        assert why in text


def test_a_union_sets_its_own_period_and_0_or_none_is_the_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own_file(tmp_path, monkeypatch, REASONS + "[keeping]\nmonths_after_closing = 36\n")
    assert closing.months_after_closing() == 36
    own_file(tmp_path, monkeypatch, REASONS + "[keeping]\nmonths_after_closing = 0\n")
    assert closing.months_after_closing() == 24
    own_file(tmp_path, monkeypatch, REASONS)
    assert closing.months_after_closing() == 24
    assert [r.code for r in closing.reasons()] == ["other"]


@pytest.mark.parametrize(("text", "key"), [
    ("[keeping]\nmonths_after_closing = -1\n", "keeping.months_after_closing"),
    ("[keeping]\nmonths_after_closing = \"two years\"\n", "keeping.months_after_closing"),
    ("[keeping]\nmonths_after_closing = true\n", "keeping.months_after_closing"),
    ("[keeping]\nmonths_after_closing = 601\n", "keeping.months_after_closing"),
    ("[keeping]\nmonths = 12\n", "keeping.months"),
    ("keeping = 12\n", "keeping"),
])
def test_a_bad_period_is_refused_naming_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                text: str, key: str) -> None:
    own_file(tmp_path, monkeypatch, text + REASONS)
    with pytest.raises(InputFileUnreadable, match=f"\u201c{key}\u201d"):
        closing.months_after_closing()


def a_case(closed: str | None, *, reopened: str | None = None,
           anonymised: str | None = None, ref: str = "KH-2025-0001") -> Case:
    lines = [f"{closed} closed other verifying"] if closed else []
    if reopened:
        lines.append(f"{reopened} reopened")
    return build(Case, {"title": "Kept", "destination_country": "MY", "ref": ref,
                        "date_reported": "2024-01-01", "closed_on": closed,
                        "closed_reason": "other" if closed else None, "closings": lines,
                        "stage": "closed" if closed and not reopened else "verifying",
                        "anonymised_on": anonymised})


def test_calendar_months_and_the_last_day_of_a_short_month() -> None:
    assert rules.add_months(dt.date(2025, 1, 5), 24) == dt.date(2027, 1, 5)
    assert rules.add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert rules.add_months(dt.date(2022, 2, 29 - 1), 24) == dt.date(2024, 2, 28)
    assert rules.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert rules.add_months(dt.date(2025, 3, 31), -1) == dt.date(2025, 2, 28)
    assert rules.add_months(dt.date(2025, 12, 15), 1) == dt.date(2026, 1, 15)
    assert rules.warn_from(dt.date(2027, 1, 5)) == dt.date(2026, 12, 5)


def test_only_a_case_closed_now_and_not_anonymised_falls_due() -> None:
    assert rules.due_on(a_case("2025-01-05"), 24) == dt.date(2027, 1, 5)
    assert rules.due_on(a_case("2025-08-31"), 6) == dt.date(2026, 2, 28)
    assert rules.due_on(a_case(None), 24) is None
    assert rules.due_on(a_case("2025-01-05", reopened="2025-03-01"), 24) is None
    assert rules.due_on(a_case("2025-01-05", anonymised="2027-01-05"), 24) is None


def test_due_warned_and_held_on_a_day() -> None:
    cases = [a_case("2025-01-05", ref="KH-2025-0001"),  # due 2027-01-05
             a_case("2025-01-20", ref="KH-2025-0002"),  # due 2027-01-20: warned
             a_case("2025-03-01", ref="KH-2025-0003"),  # due 2027-03-01: not yet
             a_case("2024-12-01", ref="KH-2024-0009"),  # due, but a legal matter is open
             a_case("2024-12-02", ref="KH-2024-0010")]  # due, but a check-in is due
    legal = {cases[3].id}
    checkins = {cases[4].id}
    today = dt.date(2027, 1, 5)
    found = rules.keeping(cases, 24, today, legal, checkins)
    assert [k.ref for k in found] == ["KH-2024-0009", "KH-2024-0010", "KH-2025-0001",
                                      "KH-2025-0002"]
    assert [k.ref for k in rules.due_today(found, today)] == ["KH-2025-0001"]
    assert [k.ref for k in rules.warned(found, today)] == ["KH-2025-0002"]
    assert [(k.ref, k.held) for k in rules.held(found)] == [
        ("KH-2024-0009", rules.HELD_BY_LEGAL), ("KH-2024-0010", rules.HELD_BY_CHECKIN)]
    # The day before the warning starts, the third case is not listed; on it, it is.
    assert "KH-2025-0003" not in [k.ref for k in rules.keeping(cases, 24, dt.date(2027, 1, 31),
                                                                legal)]
    assert "KH-2025-0003" in [k.ref for k in rules.keeping(cases, 24, dt.date(2027, 2, 1),
                                                            legal)]
    # Without the check-ins' hook, that case is due like any other.
    assert cases[4].id in [k.case_id for k in rules.due_today(
        rules.keeping(cases, 24, today, legal), today)]


def test_what_is_not_closed_anonymised_or_held_is_refused() -> None:
    with pytest.raises(RuleRefused, match="not closed"):
        rules.refuse_anonymising(a_case(None), "")
    with pytest.raises(RuleRefused, match="not closed"):
        rules.refuse_anonymising(a_case("2025-01-05", reopened="2025-02-01"), "")
    with pytest.raises(RuleRefused, match="anonymised on 2027-01-05"):
        rules.refuse_anonymising(a_case("2025-01-05", anonymised="2027-01-05"), "")
    with pytest.raises(RuleRefused, match="legal matter is open"):
        rules.refuse_anonymising(a_case("2025-01-05"), rules.HELD_BY_LEGAL)
    rules.refuse_anonymising(a_case("2025-01-05"), "")

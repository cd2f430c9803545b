"""`pulang check` of the check-ins after return (issue 35): a check-in whose worker is of
another case is a problem, named by its kind and case; an answer the union's indicators do
not know (its file changed since) is a warning naming the indicator, never the answer, and
leaves the database sound."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import orjson
import pytest

from store.common.reintegration import indicators
from tests.conftest import Run


def test_check_names_a_checkin_whose_worker_is_of_another_case(cli: Run,
                                                                demo_file: Path) -> None:
    assert cli("check", "--db", demo_file).returncode == 0  # the demo's are sound
    data = orjson.loads(demo_file.read_bytes())
    moved = sorted(data["checkins"].values(), key=lambda d: d["id"])[0]
    case = next(c for c in data["cases"].values() if c["id"] == moved["case_id"])
    elsewhere = next(w for w in data["workers"].values() if w["case_id"] != case["id"])
    moved["worker_id"] = elsewhere["id"]
    demo_file.write_bytes(orjson.dumps(data))
    done = cli("check", "--db", demo_file)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"check-in {moved['id'][:8]} (case {case['ref']}): is about a worker who is not " \
           "in its case" in done.stdout


def test_an_answer_the_indicators_no_longer_know_is_a_warning_naming_it(
        cli: Run, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The union's file changed after the demo's check-ins were recorded: wellbeing is no
    longer asked, and "irregular" is no longer an answer to income_source."""
    changed = tuple(
        dataclasses.replace(i, answers=tuple(a for a in i.answers if a.code != "irregular"))
        if i.id == "income_source" else i
        for i in indicators() if i.id != "wellbeing")
    monkeypatch.setattr("store.domain.records.checkin.indicators", lambda: changed)
    done = cli("check", "--db", demo_file)
    assert done.returncode == 0, done.stdout + done.stderr  # sound: warnings only
    warned = [line for line in done.stdout.splitlines() if ": warning: " in line]
    # Teguh's 1-month (irregular income) and 3-month, Ratna's two: wellbeing.
    assert sorted(line.split(": warning: answers ")[1].split(",")[0] for line in warned) == [
        "income_source", "wellbeing", "wellbeing", "wellbeing"]
    assert all(line.startswith("check-in ") and "(case " in line for line in warned)
    assert "often" not in done.stdout and "sometimes" not in done.stdout  # no answer shown
    assert "4 warnings above" in done.stdout

"""A yes at the command line's "[y/N]" in Khmer or Lao (the words files' [answers],
store/common/words): `pulang import-workers` adds a Khmer-headed list after "បាទ", `pulang
restore` puts a backup back after "ແມ່ນ"; any other answer writes nothing. In this process
(tui.cli.main), with what the officer types on what the command takes for a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from store.domain.records import Case, build
from store.domain.vocab import Sex
from store.exchange.demo import write_demo
from tui.cli import main

KHMER_LIST = ("ល.រ;ឈ្មោះ;ភេទ;លេខទូរស័ព្ទ;សញ្ជាតិ\r\n"
              "1;សុខ ស្រីនាង;ស្រី;+855 12 345 678;ខ្មែរ\r\n"
              "2;ចាន់ ដារ៉ា;ប្រុស;+855 12 876 543;កម្ពុជា\r\n").encode()


class Terminal(io.StringIO):
    """What the officer types, read as from a terminal (the command asks only on one)."""

    def isatty(self) -> bool:
        return True


def typed(monkeypatch: pytest.MonkeyPatch, answer: str, *argv: object) -> int:
    monkeypatch.setattr(sys, "stdin", Terminal(answer + "\n"))
    return main([str(arg) for arg in argv])


@pytest.mark.parametrize("answer", ["បាទ", "ចាស", " យល់ព្រម ", "ទេ", "n", ""])
def test_a_khmer_yes_adds_a_khmer_list_and_anything_else_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        answer: str) -> None:
    db_path = tmp_path / "pulang.json"
    write_demo(db_path).close()
    listed = tmp_path / "list.csv"
    listed.write_bytes(KHMER_LIST)
    before = db_path.read_bytes()
    code = typed(monkeypatch, answer, "import-workers", listed, "--case", "KH-2025-0001",
                 "--db", db_path)
    out = capsys.readouterr().out
    after = db_path.read_bytes()  # opening took a backup beside it: its records are the same
    assert "Add 2 workers to KH-2025-0001? [y/N]" in out
    with Database.open(db_path) as db:
        case = db.case_by_ref("KH-2025-0001")
        assert case is not None
        added = {w.full_name: w for w in db.workers_of(case.id)
                 if w.full_name in ("សុខ ស្រីនាង", "ចាន់ ដារ៉ា")}
    if answer.strip() in ("បាទ", "ចាស", "យល់ព្រម"):  # Khmer yes: "bat", "chas", "agreed"
        assert code == ExitCode.OK
        assert "2 workers added to KH-2025-0001." in out
        assert (added["សុខ ស្រីនាង"].sex, added["ចាន់ ដារ៉ា"].sex) == (Sex.FEMALE, Sex.MALE)
        assert {w.nationality for w in added.values()} == {"KH"}
    else:
        assert code == ExitCode.PROBLEMS
        assert "Nothing was written." in out
        assert added == {} and after == before


@pytest.mark.parametrize("answer", ["ແມ່ນ", "ບໍ່"])
def test_a_lao_yes_restores_a_backup_and_a_lao_no_does_not(
        empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], answer: str) -> None:
    case = empty_db.save_case(build(Case, {"title": "Before", "destination_country": "LA"}))
    empty_db.backup()
    empty_db.save_case(case.model_copy(update={"title": "After"}))
    empty_db.close()
    code = typed(monkeypatch, answer, "restore", "1", "--db", db_path)
    said = capsys.readouterr()
    assert "The present state is kept as a backup. [y/N]" in said.err
    with Database.open(db_path) as db:
        titles = [c.title for c in db.cases()]
    if answer == "ແມ່ນ":  # "it is so": yes
        assert code == ExitCode.OK, said.err
        assert titles == ["Before"]
    else:  # "no"
        assert code == ExitCode.PROBLEMS and "Nothing was restored." in said.err
        assert titles == ["After"]

"""The `pulang` command line on real files: in this process (`cli`), and as the user runs it,
a real process (`pulang`), where the process is the point: the installed script (marked
`script`), the app's own start, a terminal, another process holding the lock."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.db.database import Database
from store.domain.records import Case, build
from tests.conftest import PULANG, Run, mode_of, snapshot


@pytest.fixture
def home(isolated_environment: Path) -> Path:
    return isolated_environment


@pytest.fixture
def data_folder(home: Path) -> Path:
    return home / ".local" / "share" / "pulang"


def assert_one_clean_line(done: subprocess.CompletedProcess[str]) -> None:
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr


# -- the basics ----------------------------------------------------------------------------


@pytest.mark.script
def test_version(pulang: Run) -> None:
    done = pulang("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("pulang ")


def test_help_lists_the_exit_codes(cli: Run) -> None:
    done = cli("--help")
    assert done.returncode == 0
    assert "Exit codes" in done.stdout and "64" in done.stdout


@pytest.mark.parametrize("args", [["--no-such-option"], ["check", "--no-such-option"],
                                  ["no-such-command"], ["--lang", "fr", "check"]])
def test_a_usage_error_exits_64(cli: Run, args: list[str]) -> None:
    done = cli(*args)
    assert done.returncode == 64, done.stderr
    assert "Traceback" not in done.stderr


# -- check ---------------------------------------------------------------------------------


def test_a_fresh_demo_checks_sound(cli: Run, demo_file: Path) -> None:
    done = cli("check", "--db", demo_file)
    assert done.returncode == 0, done.stdout + done.stderr


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda valid: valid[: len(valid) // 2],
    "garbage": lambda valid: b"\x00\x9f garbage, not a database \xff" * 10,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_check_refuses_a_damaged_file_and_leaves_it(cli: Run, demo_file: Path,
                                                    damage: str) -> None:
    demo_file.write_bytes(DAMAGE[damage](demo_file.read_bytes()))
    before = snapshot(demo_file)

    done = cli("check", "--db", demo_file)

    assert done.returncode == 2
    assert_one_clean_line(done)
    assert snapshot(demo_file) == before


@pytest.mark.script
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_opening_a_damaged_file_changes_nothing_and_starts_no_ui(
    pulang: Run, demo_file: Path, data_folder: Path, damage: str
) -> None:
    demo_file.write_bytes(DAMAGE[damage](demo_file.read_bytes()))
    before = snapshot(demo_file)

    done = pulang("--db", demo_file)

    assert done.returncode == 2
    assert_one_clean_line(done)
    assert snapshot(demo_file) == before
    assert not data_folder.exists()


def test_check_on_a_missing_file_creates_nothing(cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    done = cli("check", "--db", missing)
    assert done.returncode == 2
    assert_one_clean_line(done)
    assert not missing.exists()


def test_check_lists_a_broken_link_without_personal_data(cli: Run, demo_file: Path) -> None:
    data: dict[str, Any] = orjson.loads(demo_file.read_bytes())
    worker = next(iter(data["workers"].values()))
    worker["case_id"] = "0" * 32  # a case that does not exist
    demo_file.write_bytes(orjson.dumps(data))

    done = cli("check", "--db", demo_file)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "belongs to a case that does not exist" in done.stdout
    assert worker["id"][:8] in done.stdout  # the record is named by its id
    output = done.stdout + done.stderr
    for private in [worker["full_name"], *worker["other_spellings"], worker["phone"]]:
        assert private not in output


# -- demo ----------------------------------------------------------------------------------


@pytest.mark.script
def test_demo_twice_reopens_the_same_file(pulang: Run, data_folder: Path) -> None:
    first = pulang("demo", "--no-open")
    assert first.returncode == 0, first.stderr
    demo = data_folder / "demo.json"
    before = snapshot(demo)

    again = pulang("demo", "--no-open")

    assert again.returncode == 0, again.stderr
    assert "reopen" in again.stderr.lower()
    assert snapshot(demo) == before
    assert not (data_folder / "pulang.json").exists()  # the user's own database stays apart


def test_demo_reset_rebuilds(cli: Run, data_folder: Path) -> None:
    assert cli("demo", "--no-open").returncode == 0
    demo = data_folder / "demo.json"
    with Database.open(demo) as db:
        db.save_case(build(Case, {"title": "Added while trying the demo",
                                  "destination_country": "MY"}))
        assert len(db.cases()) == 7

    done = cli("demo", "--no-open", "--reset")

    assert done.returncode == 0, done.stderr
    with Database.open(demo) as db:
        assert db.is_demo
        assert "Added while trying the demo" not in [c.title for c in db.cases()]
        assert len(db.cases()) == 6


@pytest.mark.parametrize("extra", [[], ["--force"], ["--reset"]], ids=str)
def test_demo_never_overwrites_a_real_database(cli: Run, tmp_path: Path,
                                               extra: list[str]) -> None:
    real = tmp_path / "real.json"
    with Database.open(real, create=True) as db:
        db.save_case(build(Case, {"title": "A real case", "destination_country": "KH"}))
    before = snapshot(real)

    done = cli("demo", "--db", real, "--no-open", *extra)

    assert done.returncode == 2
    assert_one_clean_line(done)
    assert snapshot(real) == before


# -- options before or after the subcommand ------------------------------------------------


@pytest.mark.parametrize("order", ["after", "before", "mixed"])
def test_db_and_lang_go_before_or_after_the_command(cli: Run, demo_file: Path,
                                                    order: str) -> None:
    args = {
        "after": ["check", "--db", demo_file, "--lang", "en"],
        "before": ["--db", demo_file, "--lang", "en", "check"],
        "mixed": ["--lang", "en", "check", "--db", demo_file],
    }[order]
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{demo_file}: sound, no problems found."


@pytest.mark.parametrize("where", ["after", "before"])
def test_check_speaks_indonesian(cli: Run, demo_file: Path, where: str) -> None:
    from store.common.i18n import catalog

    msgid = "{path}: sound, no problems found."
    assert catalog("id").gettext(msgid) != msgid
    expected = catalog("id").gettext(msgid).format(path=demo_file)
    args = (["check", "--db", demo_file, "--lang", "id"] if where == "after"
            else ["--lang", "id", "check", "--db", demo_file])

    done = cli(*args)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


# -- sharing with a group, and refusing what anyone can read -------------------------------


def own_group() -> str:
    import grp

    return grp.getgrgid(os.getegid()).gr_name


@pytest.mark.script
def test_share_gives_the_database_its_group_and_mode(pulang: Run, cli: Run,
                                                     demo_file: Path) -> None:
    from store.engine.journal import journal_path, lock_path

    done = pulang("share", "--group", own_group(), "--db", demo_file)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"{demo_file} is shared with the group {own_group()}: its files are mode 0660.")
    for path in (demo_file, journal_path(demo_file), lock_path(demo_file)):
        assert mode_of(path) == 0o660, path.name
    assert mode_of(demo_file.parent) & 0o2070 == 0o2070  # our folder: setgid, group rwx
    assert cli("check", "--db", demo_file).returncode == 0


def test_share_with_an_unknown_group_exits_64_and_changes_nothing(cli: Run,
                                                                 demo_file: Path) -> None:
    before = snapshot(demo_file), mode_of(demo_file)
    done = cli("share", "--group", "pulang-no-such-group", "--db", demo_file)
    assert done.returncode == 64
    assert_one_clean_line(done)
    assert "no group called pulang-no-such-group" in done.stderr
    assert (snapshot(demo_file), mode_of(demo_file)) == before


def test_share_refuses_a_file_that_is_not_a_database(cli: Run, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"not a database")
    notes.chmod(0o600)
    done = cli("share", "--group", own_group(), "--db", notes)
    assert done.returncode == 2
    assert_one_clean_line(done)
    assert mode_of(notes) == 0o600


def test_a_new_database_with_an_unknown_group_is_not_created(pulang: Run,
                                                             tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    done = pulang("--db", new, "--shared-group", "pulang-no-such-group")
    assert done.returncode == 64
    assert_one_clean_line(done)
    assert sorted(os.listdir(tmp_path)) == []


def test_shared_group_on_an_existing_database_points_to_share(pulang: Run,
                                                              demo_file: Path) -> None:
    before = snapshot(demo_file)
    done = pulang("--db", demo_file, "--shared-group", own_group())
    assert done.returncode == 64
    assert_one_clean_line(done)
    assert f"pulang share --group {own_group()} --db {demo_file}" in done.stderr
    assert snapshot(demo_file) == before


def test_demo_written_for_a_group(cli: Run, tmp_path: Path) -> None:
    from store.engine.journal import journal_path

    path = tmp_path / "shared-demo.json"
    done = cli("demo", "--db", path, "--shared-group", own_group(), "--no-open")
    assert done.returncode == 0, done.stderr
    assert mode_of(path) == mode_of(journal_path(path)) == 0o660
    assert cli("check", "--db", path).returncode == 0


def test_a_database_anyone_can_read_is_refused_before_the_screen(pulang: Run, cli: Run,
                                                                 demo_file: Path) -> None:
    demo_file.chmod(0o644)
    before = snapshot(demo_file)

    for args in (["--db", demo_file], ["check", "--db", demo_file],
                 ["demo", "--db", demo_file, "--no-open"]):
        done = (pulang if args[0] == "--db" else cli)(*args)  # the app's start: a process
        assert done.returncode == 2, args
        assert_one_clean_line(done)
        assert f"chmod o-rwx {demo_file}" in done.stderr

    assert snapshot(demo_file) == before
    assert mode_of(demo_file) == 0o644, "the user fixes the mode, not Pulang"


def test_a_busy_database_is_waited_for_and_said(demo_file: Path, home: Path) -> None:
    from tests.lock_holder import lock_held_elsewhere

    with lock_held_elsewhere(demo_file) as release:
        share = subprocess.Popen([str(PULANG), "share", "--group", own_group(), "--db",
                                  demo_file], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        assert share.stderr is not None
        # Said while it waits, before the lock is free. The backup a writing command takes
        # first is skipped, and said so, after a short wait rather than the full one a save
        # gets: the officer is not left looking at nothing for ten seconds.
        skipped = share.stderr.readline()
        first = share.stderr.readline()
        release()
        out, rest = share.communicate(timeout=60)
    assert skipped.strip() == "pulang: Backup skipped: another Pulang kept the database busy."
    assert first.strip() == "pulang: Database busy: another officer is saving. Retrying…"
    assert share.returncode == 0, rest
    assert mode_of(demo_file) == 0o660


def test_a_new_database_for_a_group_opens_shared(tmp_path: Path, home: Path) -> None:
    from store.engine.journal import journal_path, lock_path
    from tests.perf.bench import run_in_pty

    new = tmp_path / "shared.json"
    with run_in_pty([str(PULANG), "--db", str(new), "--shared-group", own_group()], tmp_path,
                    "shared") as app:
        app.wait("first_frame", timeout=60)
        assert app.quit(timeout=60) >= 0
    for path in (new, journal_path(new), lock_path(new)):
        assert mode_of(path) == 0o660, path.name
    assert mode_of(tmp_path) & 0o2070 == 0o2070


def test_on_a_database_shared_with_a_group_pulang_asks_who_is_working(tmp_path: Path,
                                                                       home: Path) -> None:
    """Several officers on one database, perhaps under one account: `pulang` asks once, as
    it starts, who is working (Escape skips), unless PULANG_OFFICER says it."""
    from tests.perf.bench import run_in_pty

    new = tmp_path / "shared.json"
    with run_in_pty([str(PULANG), "--db", str(new), "--shared-group", own_group()], tmp_path,
                    "who", env={"PULANG_OFFICER": None}) as app:
        app.key_to_output(b"", "Who is working?", timeout=60)
        app.key_to_output(b"\x1b", "Today", timeout=60)  # Escape: the account alone
        assert app.quit(timeout=60) >= 0


def test_a_db_in_a_folder_that_does_not_exist_says_how_to_create_it(pulang: Run, cli: Run,
                                                                     tmp_path: Path) -> None:
    """Said before the screen is taken over, with the commands to type; nothing created."""
    folder = tmp_path / "union data"
    path = folder / "pulang.json"
    for args in (["--db", path], ["demo", "--no-open", "--db", path]):
        done = (pulang if args[0] == "--db" else cli)(*args)  # the app's start: a process
        assert done.returncode == 2, args
        assert_one_clean_line(done)  # no screen was drawn
        said = done.stderr
        assert said.startswith(f"pulang: The folder {folder} does not exist: "), said
        assert f"`mkdir -p '{folder}'`" in said and f"`chmod 700 '{folder}'`" in said
        assert not folder.exists()

"""One database, several officers' accounts on one server: a shared group and no one else.

The tests with real accounts need root (the suite runs as root in CI): they make a group and two
officers' accounts, and run each officer's work in a child process that has become that officer.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store.common.errors import ExitCode, GroupError, NotADatabase, OpenToOthers
from store.db.database import Database
from store.domain.records import Worker, build
from store.engine.journal import journal_path, lock_path
from store.engine.sharing import audit_path, backups_path, group_id, share_database
from store.exchange.check import check
from tests.conftest import Run, mode_of
from tests.engine.conftest import a_case

GROUP = "pulangstaff"
OFFICERS = ("pulang_officer_a", "pulang_officer_b")
def group_of(path: Path) -> str:
    return grp.getgrgid(os.lstat(path).st_gid).gr_name


def another_group() -> int:
    """A group of ours other than our own primary one, if we have one (root has them all)."""
    if os.geteuid() == 0:
        return next(g.gr_gid for g in grp.getgrall() if g.gr_gid != os.getegid())
    others = [g for g in os.getgroups() if g != os.getegid()]
    return others[0] if others else os.getegid()


@pytest.fixture
def strict_umask() -> Iterator[None]:
    """The most private umask an officer could have: Pulang must not depend on it."""
    old = os.umask(0o077)
    yield
    os.umask(old)


# -- anyone on the machine: refused until fixed --------------------------------------------


@pytest.mark.parametrize("which", ["database", "journal"])
def test_a_database_anyone_can_read_is_refused_with_the_fix(db_path: Path, which: str) -> None:
    with Database.open(db_path, create=True) as db:
        db.save_case(a_case("Workers held in Sihanoukville"))
    exposed = db_path if which == "database" else journal_path(db_path)
    exposed.chmod(0o604)  # readable by anyone (and a journal only others may write: 0o606)
    before = db_path.read_bytes(), journal_path(db_path).read_bytes()

    with pytest.raises(OpenToOthers) as refused:
        Database.open(db_path)

    assert refused.value.exit_code == ExitCode.UNREADABLE == 2
    assert f"chmod o-rwx {exposed}" in str(refused.value)
    assert (db_path.read_bytes(), journal_path(db_path).read_bytes()) == before
    assert mode_of(exposed) == 0o604, "Pulang never changes a mode on its own"
    exposed.chmod(0o600)
    with Database.open(db_path) as db:  # fixed by the user: opens again
        assert [c.title for c in db.cases()] == ["Workers held in Sihanoukville"]


def test_a_database_anyone_can_change_is_refused(db_path: Path) -> None:
    Database.open(db_path, create=True).close()
    journal_path(db_path).chmod(0o602)
    with pytest.raises(OpenToOthers, match="o-rwx"):
        Database.open(db_path)


# -- files made beside the database --------------------------------------------------------


def test_files_made_beside_the_database_take_its_mode_and_group_whatever_the_umask(
    db_path: Path, strict_umask: None
) -> None:
    gid = another_group()
    db = Database.open(db_path, create=True)
    for path in (db_path, journal_path(db_path)):
        os.chown(path, -1, gid)
        path.chmod(0o660)
    lock_path(db_path).unlink()  # made again by the next save, under this umask

    db.save_case(a_case("Workers held in Sihanoukville"))
    db.compact()  # a new snapshot and a new journal, each renamed over the old

    for path in (db_path, journal_path(db_path), lock_path(db_path)):
        assert (mode_of(path), os.stat(path).st_gid) == (0o660, gid), path.name
    db.close()


def test_share_gives_the_database_and_all_beside_it_the_group(
    db_path: Path, tmp_path: Path
) -> None:
    with Database.open(db_path, create=True) as db:
        db.save_case(a_case("Workers held in Sihanoukville"))
    audit = audit_path(db_path)
    audit.write_bytes(b"")
    audit.chmod(0o600)
    backups = backups_path(db_path)
    backups.mkdir(mode=0o700)
    (backups / "pulang.json.1").write_bytes(b"a backup")
    (backups / "pulang.json.1").chmod(0o600)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.write_bytes(b"not the database's")
    outside.chmod(0o600)
    (backups / "link").symlink_to(outside)  # planted: must not lead Pulang elsewhere
    migrated = db_path.with_name(db_path.name + ".schema1-20250101-000000.bak")
    migrated.write_bytes(b"a copy kept before a migration")
    migrated.chmod(0o600)
    gid = another_group()

    advice = share_database(db_path, gid)

    assert advice == []
    for path in (db_path, journal_path(db_path), lock_path(db_path), audit,
                 backups / "pulang.json.1", migrated):
        assert (mode_of(path), os.stat(path).st_gid) == (0o660, gid), path.name
    assert (mode_of(backups), os.stat(backups).st_gid) == (0o2770, gid)
    folder = os.stat(tmp_path)
    assert folder.st_gid == gid and folder.st_mode & 0o2070 == 0o2070  # setgid, group rwx
    assert mode_of(outside) == 0o600, "the link was not followed"
    outside.unlink()
    with Database.open(db_path) as db:  # still the same database, and sound
        assert check(db) == []


def test_share_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"not a database at all")
    notes.chmod(0o600)
    with pytest.raises(NotADatabase):
        share_database(notes, another_group())
    assert (mode_of(notes), notes.read_bytes()) == (0o600, b"not a database at all")


def test_share_in_a_folder_anyone_may_write_to_says_to_move_it(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o1777)
    path = folder / "pulang.json"
    Database.open(path, create=True).close()

    (advice,) = share_database(path, os.getegid())

    assert "folder of its own" in advice and str(folder) in advice
    assert mode_of(folder) == 0o1777, "a folder like /tmp is never given to a group"
    assert mode_of(path) == 0o660


def test_an_unknown_group_is_refused() -> None:
    with pytest.raises(GroupError, match="no group called pulang-no-such-group") as refused:
        group_id("pulang-no-such-group")
    assert refused.value.exit_code == ExitCode.USAGE


# -- two officers' real accounts -----------------------------------------------------------


@pytest.fixture(scope="module")
def officers() -> dict[str, pwd.struct_passwd]:
    """The group and two officers in it (made once; kept, so a second run finds them)."""
    if os.geteuid() != 0:
        pytest.skip("making officers' accounts needs root")
    useradd, groupadd = shutil.which("useradd"), shutil.which("groupadd")
    if useradd is None or groupadd is None:
        pytest.skip("no useradd or groupadd on this machine")
    subprocess.run([groupadd, "-f", GROUP], check=True)
    shell = next((s for s in ("/usr/sbin/nologin", "/sbin/nologin", "/bin/false")
                  if os.path.exists(s)), "/bin/false")
    for name in OFFICERS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            subprocess.run([useradd, "-M", "-N", "-g", GROUP, "-s", shell, name], check=True)
    return {name: pwd.getpwnam(name) for name in OFFICERS}


@pytest.fixture
def shared_folder(officers: dict[str, pwd.struct_passwd]) -> Iterator[Path]:
    """A folder the officers reach (pytest's own is root's only): root:pulangstaff, 02770."""
    folder = Path(tempfile.mkdtemp(prefix="pulang-shared-", dir="/tmp"))
    os.chown(folder, 0, grp.getgrnam(GROUP).gr_gid)
    folder.chmod(0o2770)
    yield folder
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def warmed_up(officers: dict[str, pwd.struct_passwd],
              tmp_path_factory: pytest.TempPathFactory) -> None:
    """Everything an officer's child will need, imported and loaded while still root.

    The interpreter lives under /root, which an officer cannot read: a module or data file
    loaded lazily after the child has become an officer would not be found.
    """
    path = tmp_path_factory.mktemp("warm") / "pulang.json"
    db = Database.open(path, create=True)
    share_database(path, group_id(GROUP))
    case = db.save_case(a_case("Warm-up"))
    db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Warm Up"}))
    db.compact()
    db.close()
    path.chmod(0o644)
    with pytest.raises(OpenToOthers):
        Database.open(path)
    with pytest.raises(GroupError):
        group_id("pulang-no-such-group")


def as_officer(name: str, work: Callable[[], None]) -> None:
    """Run `work` in a child that has become officer `name` (group pulangstaff only)."""
    officer = pwd.getpwnam(name)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read_end)
            os.setgroups([officer.pw_gid])
            os.setgid(officer.pw_gid)
            os.setuid(officer.pw_uid)
            os.environ.update(USER=name, LOGNAME=name)
            work()
            code = 0
        except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
            os.write(write_end, traceback.format_exc().encode())
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        report = reader.read().decode()
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, f"{name} failed:\n{report}"


def test_two_officers_share_one_database(
    officers: dict[str, pwd.struct_passwd], shared_folder: Path, warmed_up: None
) -> None:
    path = shared_folder / "pulang.json"
    officer_a, officer_b = OFFICERS

    def a_creates_a_shared_database() -> None:
        os.umask(0o077)  # the most private an officer could have set
        gid = group_id(GROUP)
        db = Database.open(path, create=True)
        assert share_database(path, gid) == []  # the folder is already set up
        db.save_case(a_case("Recorded by officer A"))
        db.close()
        with pytest.raises(GroupError):  # not one of A's groups
            group_id("root")

    def b_writes_and_compacts() -> None:
        os.umask(0o077)
        db = Database.open(path)
        assert [c.title for c in db.cases()] == ["Recorded by officer A"]
        case = db.save_case(a_case("Recorded by officer B"))
        db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Dewi Anggraini"}))
        db.compact()
        db.close()

    def a_writes_on_b_s_files() -> None:
        os.umask(0o077)
        db = Database.open(path)
        db.save_case(a_case("Recorded by officer A again"))
        db.close()  # folds the journal into a new snapshot, over the one B wrote

    as_officer(officer_a, a_creates_a_shared_database)
    for file in (path, journal_path(path), lock_path(path)):
        assert (mode_of(file), group_of(file)) == (0o660, GROUP), file.name

    as_officer(officer_b, b_writes_and_compacts)
    b_uid = officers[officer_b].pw_uid
    for file in (path, journal_path(path)):
        assert os.stat(file).st_uid == b_uid, "B's compaction wrote new files"
    for file in (path, journal_path(path), lock_path(path)):
        assert (mode_of(file), group_of(file)) == (0o660, GROUP), file.name

    as_officer(officer_a, a_writes_on_b_s_files)
    for file in (path, journal_path(path), lock_path(path)):
        assert (mode_of(file), group_of(file)) == (0o660, GROUP), file.name
    with Database.open(path) as db:
        assert sorted(c.title for c in db.cases()) == [
            "Recorded by officer A", "Recorded by officer A again", "Recorded by officer B"]
        assert {c.changed_by for c in db.cases()} == {officer_a, officer_b}
        assert check(db) == []


def test_a_shared_database_anyone_can_read_is_refused(
    officers: dict[str, pwd.struct_passwd], shared_folder: Path, warmed_up: None, cli: Run,
    pulang: Run
) -> None:
    path = shared_folder / "pulang.json"

    def a_creates() -> None:
        db = Database.open(path, create=True)
        share_database(path, group_id(GROUP))
        db.save_case(a_case("Recorded by officer A"))
        db.close()

    def b_is_refused() -> None:
        with pytest.raises(OpenToOthers, match=f"chmod o-rwx {path}"):
            Database.open(path)

    as_officer(OFFICERS[0], a_creates)
    path.chmod(0o644)  # someone "fixed" access the wrong way
    before = path.read_bytes(), journal_path(path).read_bytes()

    as_officer(OFFICERS[1], b_is_refused)
    for args in (["check", "--db", path], ["--db", path]):
        done = (pulang if args[0] == "--db" else cli)(*args)  # the app's start: a process
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip() == (
            f"pulang: Anyone on this computer can read or change {path}; Pulang will not open "
            f"the database until you run: chmod o-rwx {path}")
    assert (path.read_bytes(), journal_path(path).read_bytes()) == before
    assert mode_of(path) == 0o644


def test_a_folder_without_the_group_is_named_for_the_administrator(
    officers: dict[str, pwd.struct_passwd], shared_folder: Path, warmed_up: None
) -> None:
    shared_folder.chmod(0o770)  # the group may write, but new files would not take it
    path = shared_folder / "pulang.json"

    def a_creates() -> None:
        Database.open(path, create=True).close()
        (advice,) = share_database(path, group_id(GROUP))
        assert f"chgrp {GROUP} {shared_folder}; chmod g+rwxs {shared_folder}" in advice

    as_officer(OFFICERS[0], a_creates)
    assert (mode_of(path), group_of(path)) == (0o660, GROUP)
    assert mode_of(shared_folder) == 0o770, "not A's folder: left to the administrator"

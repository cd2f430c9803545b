"""Every test runs with its own home, data folder and database: never the user's own."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from store.common import clock
from store.common.i18n import set_language
from store.db.database import Database
from store.engine.audit import audit_path
from store.engine.officer import set_officer
from store.exchange.demo import write_demo


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    # The working folder too: what a dialog offers to write there stays the test's own, and
    # the dialogs are seen as under a long folder (pytest's temporary ones are long).
    monkeypatch.chdir(home)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("PULANG_DB", raising=False)
    monkeypatch.delenv("PULANG_OFFICER", raising=False)
    for var in [name for name in os.environ if name.startswith("PULANG_")]:
        monkeypatch.delenv(var)  # a passphrase, a backup count from the machine: none
    # The app's sync process at the lowest priority but not idle-only: the test workers keep
    # every core busy, and an idle-only process would wait for them (tui/sync_child.py).
    monkeypatch.setenv("PULANG_SYNC_IDLE", "0")
    monkeypatch.delenv("NO_COLOR", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    set_language("en")
    yield home
    set_language("en")
    set_officer(None)  # who said they were working, in a test of the app: forgotten


# The moment `fixed_clock` stops the clock at, in the time zone it sets (Jakarta's, UTC+7 all
# year: a POSIX rule, so no zoneinfo files are needed).
FIXED_MOMENT = dt.datetime(2026, 12, 6, 10, 0)
FIXED_TZ = "WIB-7"


@pytest.fixture
def fixed_clock() -> Iterator[dt.datetime]:
    """Today is Sunday 6 December 2026 and it is 10:00 in Jakarta, for the store and the app
    (`store.common.clock`), and local times are shown in Jakarta's zone on any machine. Both are
    given back afterwards. Yields the moment (aware); a test may move it on with `clock.set_now`."""
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = FIXED_TZ
    time.tzset()
    clock.set_now(FIXED_MOMENT)
    try:
        yield clock.now()
    finally:
        clock.set_now(None)
        if old_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_tz
        time.tzset()


# A Tuesday in the store's past, for dates typed relative to today (`tuesday`).
TUESDAY = dt.date(2025, 12, 9)


@pytest.fixture
def tuesday() -> Iterator[dt.date]:
    """Today, for the store and the app, is Tuesday 9 December 2025; given back afterwards."""
    clock.set_today(TUESDAY)
    yield TUESDAY
    clock.set_today(None)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The databases a killed `encrypt` (plain) and `passwd` (sealed) start from, made once a
    module: tests take a copy (`tests.killed.copy_of`)."""
    from tests.killed import make_database

    base = tmp_path_factory.mktemp("originals")
    return {"encrypt": make_database(base / "plain", encrypted=False),
            "passwd": make_database(base / "sealed", encrypted=True)}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database goes (not created yet)."""
    return tmp_path / "pulang.json"


@pytest.fixture
def empty_db(db_path: Path) -> Iterator[Database]:
    db = Database.open(db_path, create=True)
    yield db
    db.close()


@pytest.fixture
def demo_db(db_path: Path) -> Iterator[Database]:
    db = write_demo(db_path)
    yield db
    db.close()


PULANG = Path(sys.executable).parent / "pulang"


@pytest.fixture
def pulang(isolated_environment: Path,
           tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `pulang` as a user would, with this test's home and data folder: no PULANG_DB, no
    language from the machine, no SSH session, no terminal."""
    home = isolated_environment
    base = {k: v for k, v in os.environ.items()
            if k not in ("PULANG_DB", "PULANG_OFFICER", "LANG", "LC_ALL", "LC_MESSAGES",
                         "SSH_CLIENT", "SSH_CONNECTION")}
    base.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
                XDG_CONFIG_HOME=str(home / ".config"))

    def run(*args: object, env: dict[str, str] | None = None,
            **options: Any) -> subprocess.CompletedProcess[str]:
        """`env`: variables added for this run; `options` go to subprocess.run: stdin (no
        terminal unless given one, a pty's end), pass_fds."""
        options.setdefault("stdin", subprocess.DEVNULL)
        return subprocess.run([str(PULANG), *map(str, args)], env={**base, **(env or {})},
                              cwd=tmp_path, capture_output=True, text=True, timeout=60,
                              **options)

    return run


# -- the command line in this process ---------------------------------------------------------

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(isolated_environment: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Run:
    """`pulang` in this process: `tui.cli.main(argv)`, its output captured, in the test's home
    and data folder, with no terminal on stdin and no passphrase or language from the machine.
    `env` sets (or, with None, removes) variables for this one run. What it returns reads as
    the `pulang` fixture's finished process: returncode, stdout, stderr.

    The `pulang` fixture (a real process) is for what only a process shows: the installed
    script, a kill, another process holding the lock, a terminal; and the app's own start
    (`pulang` with no command), which here would take over the test's terminal."""
    from tui.cli import build_parser, main

    for var in ("SSH_CLIENT", "SSH_CONNECTION"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)

    def run(*args: object, env: dict[str, str | None] | None = None,
            stdin: str = "") -> subprocess.CompletedProcess[str]:
        argv = [str(arg) for arg in args]
        with contextlib.suppress(SystemExit):  # --help, a usage error: main says it below
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                assert build_parser().parse_args(argv).command is not None, (
                    "`pulang` with no command starts the app: run it with the `pulang` fixture")
        capsys.readouterr()  # what the test printed before is not this command's
        with monkeypatch.context() as patch:
            for name, value in (env or {}).items():
                if value is None:
                    patch.delenv(name, raising=False)
                else:
                    patch.setenv(name, value)
            patch.setattr(sys, "stdin", io.StringIO(stdin))  # not a terminal
            try:
                code = main(argv)
            except SystemExit as exit_:  # argparse: --help, --version, a usage error
                code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(argv, int(code), out, err)

    return run


@pytest.fixture
def demo_file(cli: Run, tmp_path: Path) -> Path:
    """The demo database as `pulang demo --db PATH --no-open` writes it."""
    path = tmp_path / "demo.json"
    done = cli("demo", "--db", path, "--no-open")
    assert done.returncode == 0, done.stderr
    return path


# -- passphrases ------------------------------------------------------------------------------

PASSPHRASE = "kopi tubruk di Vientiane"
NEW_PASSPHRASE = "teh tarik di Phnom Penh"
# Argon2id at 8 KiB and 1 pass: a key in microseconds, not a second. The parameters travel in
# the file's header, so the store derives them as it would any other; a real process (the
# `pulang` fixture) still derives the real ones.
CHEAP_KDF = {"name": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1}


@pytest.fixture
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """New keys made in this process with CHEAP_KDF."""
    from store.engine import crypto

    for key, value in CHEAP_KDF.items():
        monkeypatch.setitem(crypto.DEFAULT_KDF, key, value)


# -- what is on disk --------------------------------------------------------------------------


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    """The file's bytes and mtime, and what else is in its folder."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def mode_of(path: Path) -> int:
    """The permission bits (with setuid, setgid, sticky) of the path itself, not of a link's
    target."""
    import stat

    return stat.S_IMODE(os.lstat(path).st_mode)


def files_of(db_path: Path) -> dict[str, bytes]:
    """Every file of the database with its bytes: those beside it whose name starts with its
    name (journal, lock, audit trail, notes), and everything in its backups folder."""
    return {str(p.relative_to(db_path.parent)): p.read_bytes()
            for p in sorted(db_path.parent.rglob("*"))
            if p.is_file() and p.relative_to(db_path.parent).parts[0].startswith(db_path.name)}


FIXTURES = Path(__file__).parent / "fixtures"


def private_copy(fixture: Path, tmp_path: Path) -> Path:
    """A copy of a kept database (tests/fixtures) for one test, private as Pulang makes its
    own: the fixture itself is never opened."""
    path = tmp_path / "pulang.json"
    shutil.copyfile(fixture, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def full_disk_for_the_trail(db_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """Writes to the audit trail fail as on a full disk; every other write goes through. The
    disk has room again when the test calls `.undo()` on what this gives, or when it ends."""
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}") == str(audit_path(db_path)):
            real_write(fd, data[: len(data) // 2])  # a part gets out before the disk fills
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    full = pytest.MonkeyPatch()
    full.setattr(os, "write", write)
    yield full
    full.undo()

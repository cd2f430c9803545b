"""Every test runs with its own home, data folder and database: never the user's own."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store import clock
from store.database import Database
from store.demo import write_demo
from store.i18n import set_language
from store.officer import set_officer


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("PULANG_DB", raising=False)
    monkeypatch.delenv("PULANG_OFFICER", raising=False)
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
    (`store.clock`), and local times are shown in Jakarta's zone on any machine. Both are given
    back afterwards. Yields the moment (aware); a test may move it on with `clock.set_now`."""
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
    env = {k: v for k, v in os.environ.items()
           if k not in ("PULANG_DB", "PULANG_OFFICER", "LANG", "LC_ALL", "LC_MESSAGES",
                        "SSH_CLIENT", "SSH_CONNECTION")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"))

    def run(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(PULANG), *map(str, args)], env=env, cwd=tmp_path,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=60)

    return run

"""Every test runs with its own home, data folder and database: never the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.database import Database
from store.demo import write_demo
from store.i18n import set_language


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("PULANG_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    set_language("en")
    yield home
    set_language("en")


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

"""The long kill loops, outside the default run (minutes, not seconds): `pytest tests/soak`.

- `pulang encrypt` and `pulang passwd` killed at every one of their renames and unlinks (the
  default run kills them at one step of each kind: tests/engine/test_interrupted.py);
- a writer killed at 50 random moments, with the real key derivation for the encrypted
  database (the default run: 8 moments, a cheap key: tests/engine/test_storage.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.killed import STEPS, encrypt_killed_at, passwd_killed_at, writers_killed


@pytest.mark.parametrize("at", range(1, STEPS["encrypt"] + 2))
def test_encrypt_killed_at_every_step(at: int, originals: dict[str, Path], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch, cheap_keys: None) -> None:
    encrypt_killed_at(at, originals, tmp_path, capsys, monkeypatch)


@pytest.mark.parametrize("at", range(1, STEPS["passwd"] + 2))
def test_passwd_killed_at_every_step(at: int, originals: dict[str, Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch, cheap_keys: None) -> None:
    passwd_killed_at(at, originals, tmp_path, capsys, monkeypatch)


@pytest.mark.parametrize("passphrase", ["", PASSPHRASE], ids=["plain", "encrypted"])
def test_a_writer_killed_at_50_moments_loses_nothing_it_reported_saved(
        db_path: Path, tmp_path: Path, passphrase: str) -> None:
    writers_killed(db_path, tmp_path, passphrase, rounds=50)

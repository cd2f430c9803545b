"""`pulang encrypt` and `pulang passwd` killed at their renames and unlinks, then opened again.

The real command runs in a child process that SIGKILLs itself just before its Nth rename or
unlink (`os.replace`, `os.rename`, `os.unlink`, `os.remove`: wrapped in the child only, so
nothing in the store pays for the test), for an N of each kind of step and the step after the
last (every N: tests/soak/test_kill_loops.py, `pytest tests/soak`). After each
kill the database is opened again, with the passphrase that opens it, by the real command line
(in-process): whatever the kill left half done is finished or called off, and said. Then:

- nothing beside the database (backups, temporary files, audit trail, journal) reads without
  the key that is in force, and nothing opens with a key that was given up;
- `pulang audit --verify` finds no break;
- the records are all there;
- run again after a kill that came before the change took effect, the command completes, and the
  same holds.

The machinery (the child, the database each run starts from, what is checked) is in
tests/killed.py; the `originals` fixture in tests/conftest.py. A key here costs microseconds: the tests' Argon2id is 8 KiB, 1 pass (the parameters travel in
the file's header, so the store derives them as it would any other).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.common.errors import ExitCode
from store.engine.crypto import Sealer, file_salt
from store.engine.unfinished import note_path
from tests.killed import (
    KINDS_OF_STEP,
    NEW,
    OLD,
    copy_of,
    encrypt_killed_at,
    next_run,
    passwd_killed_at,
    run_killed,
)


@pytest.mark.parametrize("at", KINDS_OF_STEP["encrypt"], ids=lambda at: f"step {at}")
def test_encrypt_killed_at_each_kind_of_step(at: int, originals: dict[str, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch,
                                             cheap_keys: None) -> None:
    encrypt_killed_at(at, originals, tmp_path, capsys, monkeypatch)


@pytest.mark.parametrize("at", KINDS_OF_STEP["passwd"], ids=lambda at: f"step {at}")
def test_passwd_killed_at_each_kind_of_step(at: int, originals: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            cheap_keys: None) -> None:
    passwd_killed_at(at, originals, tmp_path, capsys, monkeypatch)


def test_a_note_opening_cannot_settle_stops_the_next_change(
        originals: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, cheap_keys: None) -> None:
    """A second passwd over a first one still unfinished would overwrite its note, and with it
    the only way to seal the backups still under the first passphrase: it is refused."""
    import orjson

    path = copy_of(originals["passwd"], tmp_path)
    old_key = Sealer.unlock(path, path.read_bytes(), OLD)
    killed = run_killed(10, "passwd", "--db", path)  # the snapshot is under the new key
    assert "killed before" in killed.stderr and file_salt(path) != old_key.salt
    note = orjson.loads(note_path(path).read_bytes())
    note_path(path).write_bytes(orjson.dumps({**note, "old_key": "AAAA"}))  # damaged

    code, _out, said = next_run(capsys, monkeypatch, "check", "--db", str(path),
                                passphrase=NEW)
    assert code == ExitCode.OK
    assert "cannot be finished now (its note of the previous key is damaged)" in said
    sealed = path.read_bytes()
    code, _out, said = next_run(capsys, monkeypatch, "passwd", "--db", str(path),
                                passphrase=NEW, new="a third passphrase here")
    assert code == ExitCode.PROBLEMS
    assert "not finished yet" in said and "Nothing was changed" in said
    assert path.read_bytes() == sealed and note_path(path).exists()

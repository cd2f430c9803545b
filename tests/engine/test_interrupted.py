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

A key here costs microseconds: the tests' Argon2id is 8 KiB, 1 pass (the parameters travel in
the file's header, so the store derives them as it would any other).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from store.crypto import Sealer, file_salt, is_encrypted, read_header
from store.database import Database
from store.errors import ExitCode
from store.journal import JOURNAL_MARKER
from store.records import Case, Worker, build
from store.unfinished import note_path
from tests.conftest import CHEAP_KDF, NEW_PASSPHRASE, PASSPHRASE
from tests.engine.conftest import records
from tui.cli import main

OLD, NEW = PASSPHRASE, NEW_PASSPHRASE
SECRETS = ("Sokha Chhim Nakry", "N1234567", "Dara Pich Sreymom", "N7654321",
           "Eleven workers in Bavet")
# Renames and unlinks each command makes on the database below (the uninterrupted run, the
# last of each test's parameters, asserts it exactly: a new step cannot go untested).
STEPS = {"encrypt": 17, "passwd": 19}
# The kills of the default run, one of each kind of step (the soak kills at every one).
KINDS_OF_STEP = {
    "encrypt": {1: "the note of what is under way", 2: "the snapshot sealed",
                6: "the audit trail sealed", 7: "the first plain backup deleted",
                13: "the copy from before a schema upgrade deleted",
                16: "a temporary file an earlier kill left deleted", 17: "the note deleted",
                18: "none: the uninterrupted run"},
    "passwd": {1: "the backup taken first", 4: "the note of what is under way",
               5: "the snapshot sealed anew", 9: "the audit trail sealed anew",
               10: "a backup sealed anew", 16: "the copy from before a schema upgrade",
               18: "a temporary file an earlier kill left deleted", 19: "the note deleted",
               20: "none: the uninterrupted run"},
}
assert all(max(KINDS_OF_STEP[c]) == STEPS[c] + 1 for c in STEPS), "the uninterrupted run is kept"

CHILD = textwrap.dedent(
    """
    import os, signal, sys

    import store.crypto

    store.crypto.DEFAULT_KDF.update(%r)
    at, count = int(sys.argv[1]), 0

    def counted(real):
        def step(*args, **kwargs):
            global count
            count += 1
            if count == at:
                sys.stderr.write(f"killed before {real.__name__} {args[0]}\\n")
                sys.stderr.flush()
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return step

    for name in ("replace", "rename", "unlink", "remove"):
        setattr(os, name, counted(getattr(os, name)))
    from tui.cli import run

    sys.argv = ["pulang", *sys.argv[2:]]
    try:
        run()
    finally:
        sys.stderr.write(f"steps: {count}\\n")
    """ % CHEAP_KDF
)


def run_killed(at: int, *args: object) -> subprocess.CompletedProcess[str]:
    """The real command, killed just before its `at`th rename or unlink (0: never)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PULANG_") and k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(PULANG_PASSPHRASE=OLD, PULANG_NEW_PASSPHRASE=NEW)
    return subprocess.run([sys.executable, "-c", CHILD, str(at), *map(str, args)], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).parent.parent.parent)


# -- the database each run starts from ------------------------------------------------------


def make_database(folder: Path, encrypted: bool) -> Path:
    """A case, two workers, two backups, a journal holding the last save, a copy from before a
    schema upgrade, and a temporary file an earlier kill left (unencrypted, or under the key)."""
    folder.mkdir()
    path = folder / "union.json"
    sealer = Sealer.new(OLD, CHEAP_KDF) if encrypted else None
    db = Database.open(path, create=True, sealer=sealer)
    case = db.save_case(build(Case, {"title": "Eleven workers in Bavet",
                                     "destination_country": "KH"}))
    db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Sokha Chhim Nakry",
                                  "passport_number": "N1234567"}))
    assert db.backup().backup is not None
    db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Dara Pich Sreymom",
                                  "passport_number": "N7654321"}))
    assert db.backup().backup is not None
    db._engine.commits = 0  # the last save stays in the journal: do not fold it in at close
    db.close()
    copy = path.with_name(path.name + ".schema1-20000101-000000.bak")
    shutil.copyfile(path, copy)
    shutil.copyfile(path.with_name(path.name + ".journal"), copy.with_name(copy.name + ".journal"))
    stray = ".union.json.k3j9x0ab.tmp" if not encrypted else ".union.json.journal.q8w7e6r5.tmp"
    source = path if not encrypted else path.with_name(path.name + ".journal")
    shutil.copyfile(source, folder / stray)
    return path


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("originals")
    return {"encrypt": make_database(base / "plain", encrypted=False),
            "passwd": make_database(base / "sealed", encrypted=True)}


def copy_of(original: Path, tmp_path: Path) -> Path:
    shutil.copytree(original.parent, tmp_path / "db")
    return tmp_path / "db" / original.name


# -- what is checked ----------------------------------------------------------------------------


def everything(path: Path) -> list[Path]:
    return [p for p in sorted(path.parent.rglob("*")) if p.is_file()]


def unsealed_lines(data: bytes) -> list[bytes]:
    """The lines of a journal or audit trail that are not sealed (a journal's header is)."""
    lines = [line for line in data.split(b"\n") if line]
    if lines and lines[0].startswith(b'{"format":"' + JOURNAL_MARKER.encode()):
        lines = lines[1:]
    return [line for line in lines if line.startswith(b"{")]


def readable_without_key(path: Path) -> list[str]:
    """The files beside the database a thief without the passphrase could read data in."""
    found = []
    for file in everything(path):
        if ".manifest" in file.name or file.name == "erasures":
            continue  # why, who and when of a backup (or its temporary file): no record data
        data = file.read_bytes()
        if is_encrypted(data):
            continue
        if any(secret.encode() in data for secret in SECRETS) or unsealed_lines(data) or \
                b'"format":"pulang-db"' in data:
            found.append(file.name)
    return found


def opens_with(path: Path, key: Sealer) -> list[str]:
    """The files beside the database anything in which opens with `key`."""
    found = []
    for file in everything(path):
        data = file.read_bytes()
        if is_encrypted(data):
            if key.opens(read_header(file, data)[0]):
                found.append(file.name)
            continue
        for line in data.split(b"\n"):
            if line and any(key.open_line(line, purpose) is not None
                            for purpose in (b"journal", b"audit")):
                found.append(file.name)
                break
    return found


def next_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
             *args: str, passphrase: str | None, new: str | None = None) -> tuple[int, str, str]:
    """The real command line, in this process, as the user runs it next."""
    monkeypatch.delenv("PULANG_PASSPHRASE", raising=False)
    monkeypatch.delenv("PULANG_NEW_PASSPHRASE", raising=False)
    if passphrase is not None:
        monkeypatch.setenv("PULANG_PASSPHRASE", passphrase)
    if new is not None:
        monkeypatch.setenv("PULANG_NEW_PASSPHRASE", new)
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_sound(path: Path, passphrase: str | None, before: dict[str, list[str]],
                 capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = next_run(capsys, monkeypatch, "audit", "--verify", "--db", str(path),
                              passphrase=passphrase)
    assert code == ExitCode.OK and "intact" in out, out + err
    assert records(path, passphrase) == before
    assert not note_path(path).exists()


# -- the tests --------------------------------------------------------------------------------


def assert_killed_at(at: int, command: str, killed: subprocess.CompletedProcess[str]) -> bool:
    """Whether the command finished (the kill came after its last step), and that it was
    killed otherwise; the uninterrupted run also counts the steps, so none goes untested."""
    if killed.returncode == 0:
        assert f"steps: {STEPS[command]}\n" in killed.stderr, (
            f"{command} no longer takes {STEPS[command]} renames and unlinks: set STEPS "
            f"to what it takes now\n{killed.stderr}")
        return True
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert at <= STEPS[command], f"{command} takes more steps than STEPS says\n{killed.stderr}"
    return False


@pytest.mark.parametrize("at", KINDS_OF_STEP["encrypt"], ids=lambda at: f"step {at}")
def test_encrypt_killed_at_each_kind_of_step(at: int, originals: dict[str, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch,
                                             cheap_keys: None) -> None:
    encrypt_killed_at(at, originals, tmp_path, capsys, monkeypatch)


def encrypt_killed_at(at: int, originals: dict[str, Path], tmp_path: Path,
                      capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(originals["encrypt"], tmp_path)
    before = records(path, None)
    killed = run_killed(at, "encrypt", "--db", path)
    finished = assert_killed_at(at, "encrypt", killed)
    took_effect = file_salt(path) is not None
    noted = note_path(path).exists()

    code, _out, said = next_run(capsys, monkeypatch, "check", "--db", str(path),
                                passphrase=NEW if took_effect else None)
    assert code == ExitCode.OK, said
    if took_effect:
        if not finished:
            assert "it is finished now" in said, (killed.stderr, said)
    else:
        assert ("interrupted before it took effect" in said) == noted, (killed.stderr, said)
        assert_sound(path, None, before, capsys, monkeypatch)
        # The user runs it again, and it completes: no plain copy the kill left survives it.
        code, _out, said = next_run(capsys, monkeypatch, "encrypt", "--db", str(path),
                                    passphrase=None, new=NEW)
        assert code == ExitCode.OK, said
    assert readable_without_key(path) == [], killed.stderr
    assert_sound(path, NEW, before, capsys, monkeypatch)


@pytest.mark.parametrize("at", KINDS_OF_STEP["passwd"], ids=lambda at: f"step {at}")
def test_passwd_killed_at_each_kind_of_step(at: int, originals: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            cheap_keys: None) -> None:
    passwd_killed_at(at, originals, tmp_path, capsys, monkeypatch)


def passwd_killed_at(at: int, originals: dict[str, Path], tmp_path: Path,
                     capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(originals["passwd"], tmp_path)
    before = records(path, OLD)
    old_key = Sealer.unlock(path, path.read_bytes(), OLD)
    killed = run_killed(at, "passwd", "--db", path)
    finished = assert_killed_at(at, "passwd", killed)
    took_effect = file_salt(path) != old_key.salt
    noted = note_path(path).exists()

    code, _out, said = next_run(capsys, monkeypatch, "check", "--db", str(path),
                                passphrase=NEW if took_effect else OLD)
    assert code == ExitCode.OK, said
    if took_effect:
        if not finished:
            assert "it is finished now" in said, (killed.stderr, said)
    else:
        assert ("interrupted before it took effect" in said) == noted, (killed.stderr, said)
        # Nothing half done: the previous passphrase opens every file, as before the run.
        assert_sound(path, OLD, before, capsys, monkeypatch)
        code, _out, said = next_run(capsys, monkeypatch, "passwd", "--db", str(path),
                                    passphrase=OLD, new=NEW)
        assert code == ExitCode.OK, said
    assert opens_with(path, old_key) == [], killed.stderr
    assert readable_without_key(path) == [], killed.stderr
    assert_sound(path, NEW, before, capsys, monkeypatch)


async def test_the_app_says_what_it_finished(originals: dict[str, Path], tmp_path: Path,
                                             cheap_keys: None) -> None:
    from textual.message import Message
    from textual.notifications import Notify

    from store import backups
    from tui.app import PulangApp

    path = copy_of(originals["encrypt"], tmp_path)
    killed = run_killed(7, "encrypt", "--db", path)  # after the sealed rename, before the
    assert "killed before unlink" in killed.stderr   # first plain backup is deleted
    assert any(not backup.encrypted for backup in backups.list_backups(path))
    said: list[str] = []

    def hear(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    app = PulangApp(path, sealer=Sealer.unlock(path, path.read_bytes(), NEW))
    async with app.run_test(size=(80, 24), message_hook=hear) as pilot:
        while app.db is None and app.load_error is None:
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.db is not None
    app.db.close()
    assert any("it is finished now" in line for line in said), said
    assert readable_without_key(path) == []


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

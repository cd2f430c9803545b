"""Commands and writers killed part way, for the tests that open what they left.

- `run_killed`: `pulang encrypt` or `pulang passwd` in a child process that SIGKILLs itself just
  before its Nth rename or unlink; `encrypt_killed_at` and `passwd_killed_at` run one such kill
  and check what the next run finds (tests/engine/test_interrupted.py kills at one step of each
  kind, tests/soak at every step; tests/ui/test_interrupted_ui.py opens the result in the app).
- `writers_killed`: writers killed at random moments (tests/engine/test_storage.py, tests/soak).
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.engine.crypto import Sealer, file_salt, is_encrypted, read_header
from store.engine.journal import JOURNAL_MARKER
from store.engine.unfinished import note_path
from store.exchange.check import check
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

    import store.engine.crypto

    store.engine.crypto.DEFAULT_KDF.update(%r)
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
                          cwd=Path(__file__).parent.parent)


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


def copy_of(original: Path, tmp_path: Path) -> Path:
    shutil.copytree(original.parent, tmp_path / "db")
    return tmp_path / "db" / original.name


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


# A spawner that imports the store and derives the key (if any) once, then for every line on
# stdin forks a writer that saves in a tight loop until it is killed. It reports each writer's
# pid, each case's id once its save has returned ("saved ID"), and the writer's wait status
# once dead.
_SPAWNER = """
import os, sys
from pathlib import Path
from store.db.database import Database, unlock
from store.domain.records import Case, LogEntry, Worker, build

path = Path(sys.argv[1])
sealer = unlock(path, sys.argv[2] or None)
while sys.stdin.readline():
    pid = os.fork()
    if pid == 0:
        db = Database.open(path, sealer=sealer)
        os.write(1, f"{os.getpid()}\\n".encode())
        n = 0
        while True:
            n += 1
            with db.transaction():
                case = db.save_case(build(Case, {"title": f"Case {n}", "destination_country": "KH"}))
                worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"W {n}"}))
                db.save_log_entry(build(LogEntry, {
                    "case_id": case.id, "worker_ids": [worker.id], "summary": "Called"}))
            os.write(1, f"saved {case.id}\\n".encode())  # one write: never half a line
            if n % 3 == 0:
                db.remove_worker(worker.id)
            if n % 7 == 0:
                db.compact()  # a kill may land in the middle of a compaction too
    _, status = os.waitpid(pid, 0)
    print("dead", os.waitstatus_to_exitcode(status), flush=True)
"""


def _line_from(process: subprocess.Popen[bytes], saved: list[str], timeout: float = 60) -> str:
    """The spawner's next line that is not a "saved" one; those are collected in `saved`."""
    assert process.stdout is not None
    while True:
        ready, _, _ = select.select([process.stdout], [], [], timeout)
        line = process.stdout.readline() if ready else b""
        if not line:
            process.kill()  # so that reading what it said cannot wait for ever
            said = process.stderr.read() if process.stderr else b""
            raise AssertionError(f"the writer did not answer: {said!r}")
        text = line.decode().strip()
        if not text.startswith("saved "):
            return text
        saved.append(text.split()[1])


def writers_killed(db_path: Path, tmp_path: Path, passphrase: str, rounds: int) -> None:
    """`rounds` writers, each killed at a random moment of its life; after each kill the
    database is sound and holds every save a writer reported done."""
    Database.open(db_path, create=True, passphrase=passphrase or None).close()
    script = tmp_path / "writer.py"
    script.write_text(_SPAWNER)
    delays = random.Random(20251212)
    spawner = subprocess.Popen([sys.executable, str(script), str(db_path), passphrase],
                               bufsize=0, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert spawner.stdin is not None
    reported: list[str] = []
    try:
        for _ in range(rounds):
            spawner.stdin.write(b"go\n")
            writer = int(_line_from(spawner, reported))
            time.sleep(delays.uniform(0.005, 0.2))  # a random moment in the writer's life
            os.kill(writer, signal.SIGKILL)
            assert _line_from(spawner, reported) == f"dead {-signal.SIGKILL}"  # not crashed

            with Database.open(db_path, passphrase=passphrase or None) as db:
                assert check(db) == []
                assert db.verify_audit().ok  # a cut-short last entry is not a break
                held = {case.id for case in db.cases()}
            missing = [case_id for case_id in reported if case_id not in held]
            assert missing == [], f"{len(missing)} saves reported but lost"
    finally:
        spawner.kill()
        spawner.wait()
    assert len(reported) > rounds  # the writers did write, round after round
    if passphrase:
        assert db_path.read_bytes().startswith(b'{"format":"pulang-encrypted"')
        assert b"Case 1" not in db_path.read_bytes()

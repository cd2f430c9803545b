"""Encryption at rest: nothing readable on disk, a wrong passphrase changes nothing, and the
conversions in both directions keep every record."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.common.errors import ExitCode, PassphraseNeeded, WrongPassphrase
from store.db.database import Database
from store.domain.classification import is_private
from store.domain.records import Case, LogEntry, Worker, build
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE, Run
from tests.engine.conftest import records

# Keys made in this process are cheap; the script's own (the `pulang` fixture) are the real ones.
pytestmark = pytest.mark.usefixtures("cheap_keys")

def personal_values(path: Path, passphrase: str | None = None) -> set[str]:
    """Every personal or sensitive value the database holds (by the field classification),
    with the case titles and places: the words a thief should not be able to grep."""
    found: set[str] = set()
    models = {"cases": Case, "workers": Worker, "log": LogEntry}
    with Database.open(path, passphrase=passphrase) as db:
        tables = db.raw_tables()
    for table, model in models.items():
        for doc in tables[table].values():
            for name, value in doc.items():
                if not (is_private(model, name) or name in ("title", "destination_place")):
                    continue
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and len(item) >= 5:
                        found.add(item)
    return found


def files_beside(path: Path) -> list[Path]:
    """The database and everything Pulang keeps beside it: journal, audit trail, backups."""
    return [p for p in path.parent.rglob("*") if p.is_file() and p.name.startswith(path.name)]


def test_an_encrypted_demo_holds_nothing_readable(cli: Run, demo_file: Path) -> None:
    secrets = personal_values(demo_file)
    assert len(secrets) > 20 and any(s.startswith("Rizky") for s in secrets)  # the check is not empty
    before = records(demo_file)

    done = cli("encrypt", "--db", demo_file, env={"PULANG_NEW_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    # A save after encrypting lands in the journal: it must be sealed there too.
    with Database.open(demo_file, passphrase=PASSPHRASE) as db:
        case = db.cases()[0]
        db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Sokha Chhim Nakry",
                                      "passport_number": "N1234567"}))
        db._engine.commits = 0  # keep the entry in the journal: do not fold it in at close
    secrets |= {"Sokha Chhim Nakry", "N1234567"}

    files = files_beside(demo_file)
    assert demo_file.with_name(demo_file.name + ".journal") in files
    for file in files:
        data = file.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{secret!r} readable in {file.name}"
    assert demo_file.read_bytes().startswith(b'{"format":"pulang-encrypted"')
    after = records(demo_file, PASSPHRASE)
    assert len(after["workers"]) == len(before["workers"]) + 1


def test_a_wrong_passphrase_exits_3_and_changes_nothing(cli: Run, pulang: Run,
                                                       demo_file: Path) -> None:
    assert cli("encrypt", "--db", demo_file,
               env={"PULANG_NEW_PASSPHRASE": PASSPHRASE}).returncode == 0
    files = {f: f.read_bytes() for f in files_beside(demo_file) if not f.name.endswith(".lock")}

    for command in (["check"], ["--db", demo_file], ["decrypt", "--yes"], ["passwd"]):
        args = [*command, "--db", demo_file] if command[0] != "--db" else command
        run = pulang if command[0] == "--db" else cli  # the app's start: a process
        done = run(*args, env={"PULANG_PASSPHRASE": "not the passphrase",
                               "PULANG_NEW_PASSPHRASE": NEW_PASSPHRASE})
        assert done.returncode == ExitCode.WRONG_PASSPHRASE, (command, done.stderr)
        assert "Wrong passphrase" in done.stderr
        assert "Traceback" not in done.stderr
    assert {f: f.read_bytes() for f in files} == files


@pytest.mark.script
def test_no_terminal_and_no_passphrase_exits_5_instead_of_waiting(cli: Run, pulang: Run,
                                                                 demo_file: Path) -> None:
    assert cli("encrypt", "--db", demo_file,
               env={"PULANG_NEW_PASSPHRASE": PASSPHRASE}).returncode == 0
    done = pulang("check", "--db", demo_file)
    assert done.returncode == ExitCode.NEEDS_CONFIRMATION
    assert "PULANG_PASSPHRASE" in done.stderr


@pytest.mark.script
def test_encrypt_then_decrypt_gives_back_the_same_records(cli: Run, pulang: Run,
                                                          demo_file: Path) -> None:
    before = records(demo_file)
    assert cli("encrypt", "--db", demo_file,
               env={"PULANG_NEW_PASSPHRASE": PASSPHRASE}).returncode == 0
    assert records(demo_file, PASSPHRASE) == before
    # decrypt asks first: without a terminal and without --yes it changes nothing
    sealed = demo_file.read_bytes()
    refused = pulang("decrypt", "--db", demo_file, env={"PULANG_PASSPHRASE": PASSPHRASE})
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION
    assert demo_file.read_bytes() == sealed

    done = pulang("decrypt", "--yes", "--db", demo_file, env={"PULANG_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert records(demo_file) == before
    assert cli("check", "--db", demo_file).returncode == 0


@pytest.mark.script
def test_passwd_changes_the_passphrase(cli: Run, pulang: Run, demo_file: Path) -> None:
    before = records(demo_file)
    assert cli("encrypt", "--db", demo_file,
               env={"PULANG_NEW_PASSPHRASE": PASSPHRASE}).returncode == 0
    done = pulang("passwd", "--db", demo_file,
                  env={"PULANG_PASSPHRASE": PASSPHRASE, "PULANG_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert done.returncode == 0, done.stderr
    with pytest.raises(WrongPassphrase):
        Database.open(demo_file, passphrase=PASSPHRASE)
    assert records(demo_file, NEW_PASSPHRASE) == before


def test_a_short_new_passphrase_is_refused(cli: Run, demo_file: Path) -> None:
    plain = demo_file.read_bytes()
    done = cli("encrypt", "--db", demo_file, env={"PULANG_NEW_PASSPHRASE": "short"})
    assert done.returncode == ExitCode.PROBLEMS
    assert "too short" in done.stderr
    assert demo_file.read_bytes() == plain


@pytest.mark.script
def test_the_passphrase_from_a_file_descriptor(pulang: Run, cli: Run, demo_file: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, (PASSPHRASE + "\n").encode())
    os.close(write_end)
    done = pulang("encrypt", "--db", demo_file, "--passphrase-fd", read_end,
                  pass_fds=(read_end,))
    os.close(read_end)
    assert done.returncode == 0, done.stderr

    read_end, write_end = os.pipe()
    os.write(write_end, (PASSPHRASE + "\n").encode())
    os.close(write_end)
    done = cli("check", "--db", demo_file, "--passphrase-fd", read_end)  # in this process
    os.close(read_end)
    assert done.returncode == 0, done.stderr


def test_a_failed_conversion_leaves_the_old_file(demo_file: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    plain = demo_file.read_bytes()
    db = Database.open(demo_file)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(src: str, dst: str) -> None:
        # the note of what is under way and the first compaction (plain, folding the journal)
        # go through; the encrypted one fails at its rename, as a full disk would
        calls["n"] += 1
        if calls["n"] >= 4:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(Exception):
        db.encrypt(PASSPHRASE)
    monkeypatch.undo()
    assert not demo_file.read_bytes().startswith(b'{"format":"pulang-encrypted"')
    assert records(demo_file)["cases"]
    leftovers = [p for p in demo_file.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    # Nothing took effect: no note is left for the next open to finish.
    assert not demo_file.with_name(demo_file.name + ".unfinished").exists()
    del plain


def test_the_store_refuses_without_the_key(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    Database.open(path, create=True, passphrase=PASSPHRASE).close()
    with pytest.raises(PassphraseNeeded):
        Database.open(path)
    with Database.open(path, passphrase=PASSPHRASE) as db:
        assert db.encrypted
        db.lock()
        assert not db.has_key()
        assert db._engine.raw.keys() >= {"cases", "workers", "log"}
        assert not any(db._engine.raw.values())
        db.unlock(PASSPHRASE)
        assert db.has_key()


def test_audit_verify_names_a_flipped_entry_in_an_encrypted_database(cli: Run,
                                                                     demo_file: Path) -> None:
    assert cli("encrypt", "--db", demo_file,
               env={"PULANG_NEW_PASSPHRASE": PASSPHRASE}).returncode == 0
    with Database.open(demo_file, passphrase=PASSPHRASE) as db:
        case = db.cases()[0]
        for n in range(3):
            db.save_case(db.get(Case, case.id).model_copy(update={"title": f"Renamed {n}"}))
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    intact = cli("audit", "--verify", "--db", demo_file, env=env)
    assert intact.returncode == 0, intact.stderr + intact.stdout
    trail = demo_file.with_name(demo_file.name + ".audit")
    lines = trail.read_bytes().split(b"\n")
    assert len(lines) > 4 and not lines[1].startswith(b"{")  # sealed, line by line
    assert b"Renamed" not in trail.read_bytes()
    target = 2  # the third entry
    line = bytearray(lines[target])
    line[len(line) // 2] ^= 0x01
    lines[target] = bytes(line)
    trail.write_bytes(b"\n".join(lines))

    broken = cli("audit", "--verify", "--db", demo_file, env=env)
    assert broken.returncode == ExitCode.PROBLEMS
    assert "entry 3" in broken.stdout + broken.stderr


def test_backups_follow_the_encryption(cli: Run, tmp_path: Path) -> None:
    from store.engine import backups
    from store.engine.crypto import Sealer

    path = tmp_path / "union.json"
    with Database.open(path, create=True) as db:
        db.save_case(build(Case, {"title": "Eleven workers in Bavet", "destination_country": "KH"}))
        assert db.backup().backup is not None
    assert [b.encrypted for b in backups.list_backups(path)] == [False]

    done = cli("encrypt", "--db", path, env={"PULANG_NEW_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert "1 plain" in done.stderr
    assert backups.list_backups(path) == []  # no plain copy outlives the encryption
    with Database.open(path, passphrase=PASSPHRASE) as db:
        assert db.backup().backup is not None
    [sealed] = backups.list_backups(path)
    assert sealed.encrypted and b"Bavet" not in sealed.path.read_bytes()

    done = cli("passwd", "--db", path,
               env={"PULANG_PASSPHRASE": PASSPHRASE, "PULANG_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert done.returncode == 0, done.stderr
    [resealed] = backups.list_backups(path)
    data = resealed.path.read_bytes()
    with pytest.raises(WrongPassphrase):
        Sealer.unlock(resealed.path, data, PASSPHRASE)  # the old passphrase opens nothing now
    new_key = Sealer.unlock(resealed.path, data, NEW_PASSPHRASE)
    backups.check_backup(resealed, new_key)  # snapshot and journal both open with the new key

    restored = cli("restore", "1", "--yes", "--db", path,
                   env={"PULANG_PASSPHRASE": NEW_PASSPHRASE})
    assert restored.returncode == 0, restored.stderr
    with Database.open(path, passphrase=NEW_PASSPHRASE) as db:
        assert [c.title for c in db.cases()] == ["Eleven workers in Bavet"]
        assert "restore" in [e.action for e in db.audit_trail().entries]

"""The audit trail: what every change records, what it never records, and that tampering shows."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.common.errors import AuditGapLost, ExitCode, WriteFailed
from store.db.database import Database, current_user
from store.domain.classification import Classification, fields_classified
from store.domain.records import Case, LogEntry, Worker, build, changed
from store.engine import audit
from store.engine.audit import audit_path, verify
from store.engine.crypto import Sealer
from tests.conftest import Run
from tests.engine.conftest import a_case

# Values only a worker's own record holds: none may ever be found in the trail.
PRIVATE_BEFORE = {
    "full_name": "Wulandari Kusumaningtyas",
    "other_spellings": "Wulan Kusumaningtias",
    "phone": "0812 7777 3131",
    "passport_number": "C9182736",
    "home_district": "Karanganyarwetan",
    "current_location": "Rumah Aman Melati Tujuh",
    "family_contact": "Ibu Sumarsih Wiryokusumo",
    "health": "Fraktur pergelangan kiri",
    "notes": "Takut kembali ke agen Batamindo",
}
PRIVATE_AFTER = {
    "full_name": "Wulandari Kusumawardhani",
    "other_spellings": "Wulan Kusumawardani",
    "phone": "0813 4444 2929",
    "passport_number": "E5647382",
    "home_district": "Tegalrejokulon",
    "current_location": "Shelter Serikat Anggrek Biru",
    "family_contact": "Bapak Darmanto Sastrowardoyo",
    "health": "Pulih, kontrol bulan depan",
    "notes": "Bersedia bersaksi di pengadilan",
}
STORED = {"phone": {"0812 7777 3131": "+6281277773131", "0813 4444 2929": "+6281344442929"}}


def stored_forms(values: dict[str, str]) -> list[str]:
    """Each value as typed and as the record stores it (phones in E.164, passports upper)."""
    found = []
    for name, value in values.items():
        found += [value, STORED.get(name, {}).get(value, value), value.upper()]
    return found


def entries_of(path: Path, sealer: Sealer | None = None) -> list[dict[str, Any]]:
    lines = audit_path(path).read_bytes().splitlines()
    if sealer is None:
        return [orjson.loads(line) for line in lines]
    return [orjson.loads(sealer.open_line(line, b"audit") or b"null") for line in lines]


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def line_start(path: Path, number: int) -> int:
    """Byte offset where line `number` (1-based) of the file begins."""
    lines = path.read_bytes().splitlines(keepends=True)
    return sum(len(line) for line in lines[: number - 1])


@pytest.fixture(scope="module")
def sealer() -> Iterator[Sealer]:
    key = Sealer.new("some passphrase")
    yield key
    key.wipe()


def case_worker_and_edits(db: Database) -> tuple[Case, Worker]:
    """A case, a worker with every private field filled, then both edited."""
    case = db.save_case(a_case())
    worker = db.save_worker(build(Worker, {"case_id": case.id, "nationality": "ID",
                                           **PRIVATE_BEFORE}))
    worker = db.save_worker(changed(worker, sex="female", passport_status="with_worker",
                                    **PRIVATE_AFTER))
    case = db.save_case(changed(case, title="Workers moved to Bavet", stage="verifying"))
    return case, worker


# -- what is recorded ----------------------------------------------------------------------


def test_create_update_delete_record_who_what_and_which_fields(
    empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSH_CLIENT", "203.0.113.7 52311 22")
    case, worker = case_worker_and_edits(empty_db)
    entry = empty_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "worker_ids": [worker.id], "summary": "Called the shelter",
        "counterpart_org": "KBRI Phnom Penh"}))
    empty_db.remove_worker(worker.id)

    got = entries_of(db_path)
    assert [(e["seq"], e["action"], e["table"], e["record"]) for e in got] == [
        (1, "create", "cases", case.id),
        (2, "create", "workers", worker.id),
        (3, "update", "workers", worker.id),
        (4, "update", "cases", case.id),
        (5, "create", "log", entry.id),
        (6, "update", "log", entry.id),  # the removed worker's link is dropped first
        (7, "delete", "workers", worker.id),
    ]
    assert all(e["who"] == current_user() and e["from"] == "203.0.113.7" for e in got)
    assert all(e["case"] == case.id and e["ref"] == "KH-2025-0001" for e in got)
    assert [(e["old_version"], e["new_version"]) for e in got] == [
        (None, 1), (None, 1), (1, 2), (1, 2), (None, 1), (1, 2), (2, None)]

    created_case, _w, updated_worker, updated_case, _log, unlinked, removed = got
    assert created_case["fields"]["title"] == {"old": None,
                                               "new": "Workers held in Sihanoukville"}
    assert created_case["fields"]["ref"] == {"old": None, "new": "KH-2025-0001"}
    assert updated_case["fields"] == {
        "title": {"old": "Workers held in Sihanoukville", "new": "Workers moved to Bavet"},
        "stage": {"old": "reported", "new": "verifying"},
    }
    # Only what changed, private fields as "changed", bookkeeping left out.
    assert updated_worker["fields"] == {
        "sex": {"old": "unknown", "new": "female"},
        **{name: "changed" for name in PRIVATE_AFTER},
        "passport_status": "changed",
    }
    assert unlinked["fields"] == {"worker_ids": {"old": [worker.id], "new": []}}
    assert removed["fields"]["sex"] == {"old": "female", "new": None}
    assert removed["fields"]["full_name"] == "changed"


def test_no_personal_or_sensitive_value_ever_reaches_the_trail(empty_db: Database,
                                                               db_path: Path) -> None:
    case, worker = case_worker_and_edits(empty_db)
    empty_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "worker_ids": [worker.id],
        "summary": "Wulandari Kusumawardhani called from the shelter",
        "counterpart_person": "Pak Hendrawan Joyokusumo"}))
    empty_db.save_case(changed(empty_db.get(Case, case.id), assigned_officer="Officer Ratnasari"))
    empty_db.remove_worker(worker.id)

    trail = audit_path(db_path).read_bytes()
    private = [*stored_forms(PRIVATE_BEFORE), *stored_forms(PRIVATE_AFTER),
               "Wulandari", "Hendrawan", "Ratnasari", "called from the shelter"]
    leaked = [value for value in private if value.encode() in trail]
    assert leaked == []
    # Public values and record ids are there, old and new.
    for public in (b"Workers held in Sihanoukville", b"Workers moved to Bavet", b'"female"',
                   case.id.encode(), worker.id.encode()):
        assert public in trail


PRIVATE_WORKER_FIELDS = [name for name in fields_classified(
    Worker, Classification.PERSONAL, Classification.SENSITIVE) if name not in audit.BOOKKEEPING]


@settings(max_examples=60, deadline=None)
@given(
    before=st.fixed_dictionaries({}, optional={
        name: st.text(min_size=1) | st.lists(st.text(min_size=1), max_size=3)
        for name in PRIVATE_WORKER_FIELDS}),
    after=st.fixed_dictionaries({}, optional={
        name: st.text(min_size=1) | st.lists(st.text(min_size=1), max_size=3)
        for name in PRIVATE_WORKER_FIELDS}),
)
def test_a_private_field_is_only_ever_recorded_as_changed(before: dict[str, Any],
                                                          after: dict[str, Any]) -> None:
    fields = audit.field_changes(Worker, before, after)
    assert set(fields) <= set(PRIVATE_WORKER_FIELDS)
    assert all(value == "changed" for value in fields.values())
    empty = (None, "", [])
    for name in set(before) | set(after):
        old, new = before.get(name), after.get(name)
        if old != new and not (old in empty and new in empty):  # "" and none are alike
            assert name in fields


def test_a_field_unknown_to_this_version_is_treated_as_private() -> None:
    fields = audit.field_changes(Case, {"title": "A"}, {"title": "A", "from_the_future": "x"})
    assert fields == {"from_the_future": "changed"}


def test_the_trail_has_the_database_s_mode_and_group_whatever_the_umask(
    db_path: Path,
) -> None:
    db = Database.open(db_path, create=True)
    os.chmod(db_path, 0o640)
    groups = [g for g in os.getgroups() if g != os.stat(db_path).st_gid]
    if os.geteuid() == 0:
        groups.append(4242)
    group = groups[0] if groups else None
    if group is not None:
        os.chown(db_path, -1, group)
    old_umask = os.umask(0o077)
    try:
        db.save_case(a_case())
    finally:
        os.umask(old_umask)
        db.close()
    st_audit = os.stat(audit_path(db_path))
    assert stat.S_IMODE(st_audit.st_mode) == 0o640
    if group is not None:
        assert st_audit.st_gid == group


def test_a_world_readable_database_still_gets_a_private_trail(db_path: Path) -> None:
    with Database.open(db_path, create=True) as db:
        os.chmod(db_path, 0o644)
        db.save_case(a_case())
    assert stat.S_IMODE(os.stat(audit_path(db_path)).st_mode) == 0o640


# -- events, named actions, history --------------------------------------------------------


def test_an_event_is_recorded_with_its_record_and_case(empty_db: Database,
                                                       db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    worker = empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "A B"}))
    empty_db.audit_event("export", table="workers", record_id=worker.id, note="partner union")
    empty_db.audit_event("decrypt")
    with empty_db.transaction():  # inside a transaction, the lock it holds is used
        empty_db.audit_event("restore", note="from backup")
        empty_db.save_case(changed(case, title="Renamed"))

    got = entries_of(db_path)
    export, decrypt, restore, update = got[2:]
    assert (export["action"], export["record"], export["case"], export["ref"], export["note"]) == (
        "export", worker.id, case.id, case.ref, "partner union")
    assert (decrypt["action"], decrypt["table"], decrypt["record"]) == ("decrypt", None, None)
    assert (restore["action"], update["action"]) == ("restore", "update")
    assert verify(audit_path(db_path), None).entries == 6


def test_a_named_action_labels_the_changes_it_commits(empty_db: Database,
                                                      db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    keep = empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Rizky P"}))
    twin = empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Riski P"}))
    with empty_db.audit_as("merge", note=f"into {keep.id}"), empty_db.transaction():
        empty_db.save_worker(changed(keep, other_spellings=["Riski P"]))
        empty_db.remove_worker(twin.id)
    empty_db.save_case(changed(case, title="After the merge"))

    got = entries_of(db_path)
    assert [(e["action"], e["record"], e["new_version"]) for e in got[3:]] == [
        ("merge", keep.id, 2), ("merge", twin.id, None), ("update", case.id, 2)]
    assert got[3]["note"] == f"into {keep.id}"
    assert b"Riski" not in audit_path(db_path).read_bytes()


def test_history_of_a_case_holds_its_workers_and_log_but_no_other_case(
    empty_db: Database,
) -> None:
    case = empty_db.save_case(a_case())
    other = empty_db.save_case(a_case(title="Another case"))
    worker = empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "A B"}))
    empty_db.save_worker(build(Worker, {"case_id": other.id, "full_name": "C D"}))
    entry = empty_db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": "Call"}))
    empty_db.remove_worker(worker.id)

    history = empty_db.history(case.id)
    assert [(e.action, e.record) for e in history] == [
        ("create", case.id), ("create", worker.id), ("create", entry.id),
        ("delete", worker.id)]
    assert [e.record for e in empty_db.history(worker.id)] == [worker.id, worker.id]
    assert len(empty_db.audit_trail().entries) == 6
    words = "; ".join(history[1].changes())
    assert "Full name: changed" in words and "A B" not in words


# -- the hash chain ------------------------------------------------------------------------


@pytest.mark.script
def test_an_untouched_trail_verifies(demo_db: Database, db_path: Path, pulang: Run) -> None:
    result = demo_db.verify_audit()
    assert result.ok and result.entries == len(entries_of(db_path)) > 20

    done = pulang("audit", "--db", db_path, "--verify")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == f"audit trail intact: {result.entries} entries"


def test_check_names_where_the_trail_breaks(db_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`pulang check` verifies the trail as `audit --verify` does: "sound" only when it holds."""
    from tui.cli import main

    with Database.open(db_path, create=True) as db:
        for n in range(3):
            db.save_case(a_case(title=f"Workers held in Sihanoukville {n}"))
    assert main(["check", "--db", str(db_path)]) == ExitCode.OK
    assert "sound" in capsys.readouterr().out

    flip(audit_path(db_path), _offsets(audit_path(db_path), 2)["inside the title"])
    files = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    assert main(["check", "--db", str(db_path)]) == ExitCode.PROBLEMS
    out, err = capsys.readouterr()
    assert "sound" not in out
    assert (f"{audit_path(db_path)}: broken at entry 2 (line 2): its content does not match "
            "its hash") in out
    assert "1 problems found" in err
    assert {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()} == files


def _offsets(path: Path, k: int) -> dict[str, int]:
    """Byte offsets of telling places of plain entry k."""
    start = line_start(path, k)
    line = path.read_bytes().splitlines(keepends=True)[k - 1]
    return {
        "opening brace": start,
        "inside the title": start + line.index(b"Sihanoukville") + 3,
        "inside the user name": start + line.index(b'"who":"') + 7,
        "inside the hash": start + line.index(b'"hash":"') + 20,
        "inside prev": start + line.index(b'"prev":"') + 20,
        "in the number": start + line.index(b'"seq":') + 6,
        "a key": start + line.index(b'"action"') + 2,
        "the newline": start + len(line) - 1,
    }


@pytest.mark.parametrize("where", ["opening brace", "inside the title", "inside the user name",
                                   "inside the hash", "inside prev", "in the number", "a key",
                                   "the newline"])
def test_one_flipped_byte_names_its_entry(db_path: Path, cli: Run, where: str) -> None:
    with Database.open(db_path, create=True) as db:
        for n in range(5):
            db.save_case(a_case(title=f"Sihanoukville {n}"))
    trail = audit_path(db_path)
    k = 3
    flip(trail, _offsets(trail, k)[where])

    done = cli("audit", "--db", db_path, "--verify")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"broken at entry {k} (line {k} of" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("where", ["first character", "middle", "last character",
                                   "the newline"])
def test_one_flipped_byte_names_its_entry_in_a_sealed_trail(db_path: Path, sealer: Sealer,
                                                            where: str) -> None:
    with Database.open(db_path, create=True) as db:
        db._engine.sealer = sealer  # noqa: SLF001 - as Database.open does for an encrypted file
        for n in range(5):
            db.save_case(a_case(title=f"Sihanoukville {n}"))
    trail = audit_path(db_path)
    assert verify(trail, sealer).ok and verify(trail, sealer).entries == 5
    assert b"Sihanoukville" not in trail.read_bytes()  # sealed: public values are hidden too
    k = 4
    line = trail.read_bytes().splitlines(keepends=True)[k - 1]
    offset = line_start(trail, k) + {"first character": 0, "middle": len(line) // 2,
                                     "last character": len(line) - 2,
                                     "the newline": len(line) - 1}[where]
    flip(trail, offset)

    result = verify(trail, sealer)

    assert not result.ok
    assert (result.broken_entry, result.broken_line) == (k, k)
    assert f"broken at entry {k} (line {k} of" in result.describe()


def test_every_change_to_the_last_base64_character_is_found(db_path: Path,
                                                            sealer: Sealer) -> None:
    with Database.open(db_path, create=True) as db:
        db._engine.sealer = sealer  # noqa: SLF001
        db.save_case(a_case())
    trail = audit_path(db_path)
    original = trail.read_bytes()
    last = len(original) - 2
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
    for byte in alphabet:
        if byte == original[last]:
            continue
        trail.write_bytes(original[:last] + bytes([byte]) + original[last + 1:])
        assert verify(trail, sealer).broken_line == 1, chr(byte)


def test_a_sealed_trail_needs_its_own_key(db_path: Path, sealer: Sealer) -> None:
    with Database.open(db_path, create=True) as db:
        db._engine.sealer = sealer  # noqa: SLF001
        db.save_case(a_case())
    trail = audit_path(db_path)
    without = verify(trail, None)
    assert (without.broken_line, without.reason) == (1, audit.R_SEALED)
    other = Sealer.new("another passphrase", {**sealer.kdf, "memory_kib": 8 * 1024})
    assert verify(trail, other).reason == audit.R_UNSEALED_FAILED
    # A plain line slipped into a sealed trail is refused too.
    with trail.open("ab") as handle:
        handle.write(b'{"seq":2}\n')
    assert (verify(trail, sealer).broken_line, verify(trail, sealer).reason) == (
        2, audit.R_NOT_SEALED)


def test_resealing_keeps_the_chain(db_path: Path, sealer: Sealer) -> None:
    with Database.open(db_path, create=True) as db:
        for n in range(3):
            db.save_case(a_case(title=f"Case {n}"))
        trail = audit_path(db_path)
        audit.reseal(db_path, None, sealer)  # encrypt
        assert verify(trail, sealer).entries == 3
        db._engine.sealer = sealer  # noqa: SLF001
        db.save_case(a_case(title="Saved encrypted"))
        assert verify(trail, sealer).entries == 4
        audit.reseal(db_path, sealer, None)  # decrypt
        db._engine.sealer = None  # noqa: SLF001
    assert verify(trail, None).entries == 4
    assert b"Saved encrypted" in trail.read_bytes()


@pytest.mark.parametrize("damage", ["removed", "swapped", "first removed", "duplicated"])
def test_removed_or_reordered_entries_break_the_chain(db_path: Path, damage: str) -> None:
    with Database.open(db_path, create=True) as db:
        for n in range(5):
            db.save_case(a_case(title=f"Case {n}"))
    trail = audit_path(db_path)
    lines = trail.read_bytes().splitlines(keepends=True)
    edited, broken = {
        "removed": (lines[:2] + lines[3:], 3),
        "swapped": (lines[:2] + [lines[3], lines[2]] + lines[4:], 3),
        "first removed": (lines[1:], 1),
        "duplicated": (lines[:3] + [lines[2]] + lines[3:], 4),
    }[damage]
    trail.write_bytes(b"".join(edited))

    result = verify(trail, None)

    assert not result.ok and result.broken_line == broken


def test_a_torn_last_entry_is_reported_then_dropped_on_record(db_path: Path) -> None:
    with Database.open(db_path, create=True) as db:
        db.save_case(a_case())
        trail = audit_path(db_path)
        whole = trail.read_bytes()
        with trail.open("ab") as handle:  # a writer killed in the middle of its line
            handle.write(whole[: len(whole) // 2])
        torn = verify(trail, None)
        assert torn.ok and torn.torn and torn.entries == 1
        assert "cut short" in torn.describe()

        db.save_case(a_case(title="After the crash"))

    got = entries_of(db_path)
    assert [e["action"] for e in got] == ["create", audit.TORN_DROPPED, "create"]
    result = verify(audit_path(db_path), None)
    assert result.ok and not result.torn and result.entries == 3


def test_a_damaged_last_entry_warns_and_stays_the_named_break(empty_db: Database,
                                                              db_path: Path) -> None:
    empty_db.save_case(a_case())
    empty_db.save_case(a_case())
    trail = audit_path(db_path)
    last = trail.read_bytes().splitlines(keepends=True)[1]
    flip(trail, line_start(trail, 2) + last.index(b'"hash":"') + 12)

    saved = empty_db.save_case(a_case(title="Saved anyway"))

    assert empty_db.get(Case, saved.id).title == "Saved anyway"
    assert any("damaged" in w for w in empty_db.take_warnings())
    assert empty_db.take_warnings() == []  # said once
    result = empty_db.verify_audit()
    assert (result.broken_line, result.reason) == (2, audit.R_CHANGED)
    assert [e["seq"] for e in map(orjson.loads, trail.read_bytes().splitlines()[2:])] == [3]


def test_an_entry_larger_than_the_tail_read_at_first_is_found(empty_db: Database,
                                                              db_path: Path) -> None:
    # ~150 kB: twice the first read (a note, since no record field holds that much text)
    empty_db.audit_event("export", note="Long " * 30_000)
    empty_db.save_case(a_case())
    result = empty_db.verify_audit()
    assert result.ok and result.entries == 2


def test_two_writers_on_one_file_keep_one_chain(db_path: Path) -> None:
    first = Database.open(db_path, create=True)
    second = Database.open(db_path)
    try:
        for n in range(6):
            writer = first if n % 2 == 0 else second
            case = writer.save_case(a_case(title=f"Case {n}"))
            writer.save_worker(build(Worker, {"case_id": case.id, "full_name": f"W {n}"}))
        second.audit_event("export")
        result = first.verify_audit()
        assert result.ok and result.entries == 13
        assert [e["seq"] for e in entries_of(db_path)] == list(range(1, 14))
    finally:
        first.close()
        second.close()


_WRITER = """
import sys
from store.db.database import Database
from store.domain.records import Case, build

db = Database.open(sys.argv[1])
for n in range(int(sys.argv[2])):
    db.save_case(build(Case, {"title": f"{sys.argv[3]} {n}", "destination_country": "TH"}))
db.close()
"""


def test_two_processes_saving_at_once_keep_one_chain(db_path: Path, tmp_path: Path) -> None:
    Database.open(db_path, create=True).close()
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    writers = [subprocess.Popen([sys.executable, str(script), str(db_path), "25", name],
                                stderr=subprocess.PIPE) for name in ("first", "second")]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err

    result = verify(audit_path(db_path), None)
    assert result.ok and result.entries == 50
    with Database.open(db_path) as db:
        assert len(db.cases()) == 50


# -- when the trail cannot be written -----------------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_trail_that_cannot_be_written_does_not_undo_the_save(
    empty_db: Database, db_path: Path, request: pytest.FixtureRequest
) -> None:
    empty_db.save_case(a_case(title="Before the disk filled"))
    before = audit_path(db_path).read_bytes()
    request.getfixturevalue("full_disk_for_the_trail")

    saved = empty_db.save_case(a_case(title="Saved while the disk was full"))

    assert empty_db.get(Case, saved.id).title == "Saved while the disk was full"
    (warning,) = empty_db.take_warnings()
    assert "audit trail" in warning and "No space left" in warning
    assert audit_path(db_path).read_bytes() == before  # no half entry left behind
    with pytest.raises(WriteFailed):
        empty_db.audit_event("export")
    # Still full on closing: the gap cannot be recorded, and the close says which record.
    with pytest.raises(AuditGapLost, match=saved.id):
        empty_db.close()
    assert audit_path(db_path).read_bytes() == before
    with Database.open(db_path) as again:
        assert {c.title for c in again.cases()} == {"Before the disk filled",
                                                    "Saved while the disk was full"}
        assert again.verify_audit().ok


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_changes_saved_while_the_trail_was_full_are_recorded_as_a_gap(
    empty_db: Database, db_path: Path, request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str]
) -> None:
    """The next entry written says how many changes went unrecorded and which records (ids
    only), and `audit --verify` and `check` report it."""
    from tui.cli import main

    first = empty_db.save_case(a_case(title="Before the disk filled"))
    full = request.getfixturevalue("full_disk_for_the_trail")
    missed = empty_db.save_case(a_case(title="Saved while the disk was full"))
    worker = empty_db.save_worker(build(Worker, {"case_id": missed.id,
                                                 "full_name": PRIVATE_BEFORE["full_name"]}))
    assert len(empty_db.take_warnings()) == 2
    full.undo()  # room on the disk again
    empty_db.save_case(a_case(title="After", destination_country="MY"))

    actions = [e["action"] for e in entries_of(db_path)]
    assert actions == ["create", audit.GAP, "create"]
    gap_line = audit_path(db_path).read_bytes().splitlines()[1]
    assert PRIVATE_BEFORE["full_name"].encode() not in gap_line
    result = empty_db.verify_audit()
    assert result.ok and not result.complete
    [gap] = result.gaps
    assert (gap.entry, gap.count) == (2, 2)
    assert gap.records == (("cases", missed.id), ("workers", worker.id))
    assert first.id not in gap.records_text()
    # The record's own history shows it was changed without an entry.
    assert [e.action for e in empty_db.history(worker.id)] == [audit.GAP]

    assert main(["audit", "--db", str(db_path), "--verify"]) == ExitCode.PROBLEMS
    said = capsys.readouterr().out
    assert "audit trail intact: 3 entries" in said
    assert "entry 2: 2 changes were saved without their audit entries" in said
    assert missed.id in said and worker.id in said
    assert PRIVATE_BEFORE["full_name"] not in said
    assert main(["check", "--db", str(db_path)]) == ExitCode.PROBLEMS
    said = capsys.readouterr().out
    assert f"worker {worker.id}" in said and "sound" not in said
    assert main(["audit", "--db", str(db_path)]) == ExitCode.OK
    listed = capsys.readouterr().out.splitlines()
    assert "saved without an audit entry" in listed[1] and missed.id in listed[1]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("then", ["close", "event"])
def test_a_gap_is_recorded_by_an_event_or_on_closing(
    empty_db: Database, db_path: Path, request: pytest.FixtureRequest, then: str
) -> None:
    """One save, then the process records an export, or simply closes: the gap is written
    then, before the export's entry, since no save comes after to carry it."""
    full = request.getfixturevalue("full_disk_for_the_trail")
    missed = empty_db.save_case(a_case())
    full.undo()
    if then == "event":
        empty_db.audit_event(audit.EXPORT, note="json: cases=1")
        assert [e["action"] for e in entries_of(db_path)] == [audit.GAP, audit.EXPORT]
    empty_db.close()
    assert [e["action"] for e in entries_of(db_path)][0] == audit.GAP
    assert len(entries_of(db_path)) == (2 if then == "event" else 1)
    with Database.open(db_path) as again:
        [gap] = again.verify_audit().gaps
        assert gap.records == (("cases", missed.id),) and gap.count == 1


# -- the command line ----------------------------------------------------------------------


def test_audit_lists_each_change_on_one_line_without_private_values(
    db_path: Path, cli: Run
) -> None:
    with Database.open(db_path, create=True) as db:
        _case, worker = case_worker_and_edits(db)
        db.save_case(a_case(title="Someone else's case", destination_country="MY"))
    before = sorted(os.listdir(db_path.parent)), audit_path(db_path).read_bytes()

    done = cli("audit", "--db", db_path)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 5
    assert "KH-2025-0001" in lines[0] and "created" in lines[0] and current_user() in lines[0]
    assert f"worker KH-2025-0001 {worker.id[:8]}" in lines[2]
    # A vocabulary's codes are shown by their labels, in the officer's language.
    assert 'Sex: unknown → female' in lines[2] and "Full name: changed" in lines[2]
    assert 'Title: "Workers held in Sihanoukville" → "Workers moved to Bavet"' in lines[3]
    for value in stored_forms(PRIVATE_BEFORE) + stored_forms(PRIVATE_AFTER):
        assert value not in done.stdout
    # Listing writes nothing.
    assert (sorted(os.listdir(db_path.parent)), audit_path(db_path).read_bytes()) == before

    by_ref = cli("audit", "--db", db_path, "--record", "kh-2025-0001")
    assert by_ref.returncode == 0 and len(by_ref.stdout.splitlines()) == 4
    by_id = cli("audit", "--db", db_path, "--record", worker.id)
    assert by_id.returncode == 0 and len(by_id.stdout.splitlines()) == 2


def test_audit_on_a_missing_database_exits_2_and_creates_nothing(cli: Run,
                                                                 tmp_path: Path) -> None:
    done = cli("audit", "--db", tmp_path / "missing.json", "--verify")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert os.listdir(tmp_path) == []


def test_audit_speaks_indonesian(db_path: Path, cli: Run) -> None:
    from store.common.i18n import catalog

    with Database.open(db_path, create=True) as db:
        db.save_case(a_case())
    done = cli("audit", "--db", db_path, "--verify", "--lang", "id")
    assert done.returncode == 0
    expected = catalog("id").gettext("audit trail intact: {count} entries").format(count=1)
    assert expected != "audit trail intact: {count} entries".format(count=1)
    assert done.stdout.strip() == expected


# -- the app -------------------------------------------------------------------------------


def test_a_removal_is_undone_from_a_backup_after_compaction(db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    case = db.save_case(build(Case, {"title": "Bavet group", "destination_country": "KH"}))
    worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Sok Dara"}))
    db.compact()
    assert db.backup().backup is not None
    db.remove_worker(worker.id)
    db.compact()  # the journal that held the worker is folded in: only the backup has it
    assert db.bring_back(Worker, worker.id).full_name == "Sok Dara"
    assert [e.action for e in db.history(worker.id)][-1] == "restore"
    db.close()

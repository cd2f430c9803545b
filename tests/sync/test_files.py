"""Two sites with no link at all: the sync carried in files (`store.sync.to_file/from_file`).

The real store on temporary encrypted databases; the hub only where a file is followed by a
hub sync. What must hold: the changes arrive; a file taken twice changes nothing; the same
field changed at both sites is a conflict at both, as online; a file altered, cut short or made
for another union is refused with its reason and nothing is applied.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.db.database import Database
from store.domain.records import Case, Worker
from store.engine import audit, replicas
from store.sync import (
    FileRefused,
    conflicts,
    export_key,
    from_file,
    import_key,
    status,
    sync,
    to_file,
)
from tests.sync.conftest import SITE

KEY_PASSPHRASE = "carried by hand 1"


def _pair(make_site: Callable[..., Database], tmp_path: Path) -> tuple[Database, Database]:
    """Jakarta (the demo) and a field laptop that took its key and, by file, its records."""
    jakarta = make_site("jakarta", demo=True)
    field = make_site("field")
    first = to_file(jakarta, tmp_path / "first.pulang", site_name="Jakarta")
    assert first.everything and first.records == len(jakarta.replica_records())
    import_key(field, export_key(jakarta, KEY_PASSPHRASE), KEY_PASSPHRASE)
    report = from_file(field, tmp_path / "first.pulang")
    assert report.received == first.records and report.problems == []
    assert field.replica_records() == jakarta.replica_records()
    return jakarta, field


def _worker(db: Database, index: int = 0) -> Worker:
    ids = sorted(i for i, (t, _b) in db.replica_records().items() if t == "workers")
    return db.get(Worker, ids[index])


def _edit(db: Database, kind: type[Any], record_id: str, **fields: Any) -> None:
    db.save(db.get(kind, record_id).model_copy(update=fields))


def _files(db: Database) -> dict[str, bytes]:
    """The database's own files, as bytes (its records, its journal, its sync state)."""
    return {p.name: p.read_bytes() for p in db.path.parent.iterdir()
            if p.name.startswith(db.path.name) and not p.name.endswith(".lock")}


def test_changes_arrive_and_a_file_taken_twice_changes_nothing(
        make_site: Callable[..., Database], tmp_path: Path) -> None:
    jakarta, field = _pair(make_site, tmp_path)
    worker = _worker(jakarta, 0)
    _edit(jakarta, Worker, worker.id, phone="+6281234500001")
    made = to_file(jakarta, tmp_path / "second.pulang")
    # Only what changed since the file the field site has not acknowledged yet: all again,
    # as it has sent nothing back; after its file comes back, only the change.
    assert made.records == len(jakarta.replica_records())
    to_file(field, tmp_path / "back.pulang", site_name="Field")
    assert from_file(jakarta, tmp_path / "back.pulang").problems == []
    _edit(jakarta, Worker, worker.id, phone="+6281234500003")
    third = to_file(jakarta, tmp_path / "third.pulang")
    assert (third.records, third.revisions, third.made) == (1, 1, 1)
    assert third.since > 0 and not third.everything
    for name in ("second.pulang", "third.pulang"):
        assert from_file(field, tmp_path / name).problems == []
    assert field.get(Worker, worker.id).phone == "+6281234500003"
    before = _files(field)
    again = from_file(field, tmp_path / "third.pulang")
    assert (again.received, again.merged, again.conflicts) == (0, 0, 0)
    assert _files(field) == before
    assert (tmp_path / "third.pulang").stat().st_mode & 0o777 == 0o600
    pushed = [e.note for e in jakarta.audit_trail().entries if e.action == audit.PUSHED]
    # The file by a fingerprint of its path, never the path (it may name a worker).
    from store.sync.carrying import file_mark

    assert any(f"file={file_mark(tmp_path / 'third.pulang')}" in (n or "") for n in pushed)
    assert not any("third.pulang" in (n or "") for n in pushed)
    assert not any("+628123450000" in (n or "") for n in pushed)


def test_the_same_field_changed_at_both_sites_is_a_conflict_at_both(
        make_site: Callable[..., Database], tmp_path: Path) -> None:
    jakarta, field = _pair(make_site, tmp_path)
    both = _worker(jakarta, 0)
    # Records changed apart at both sites: merged. Six, so that in all likelihood (63 in 64)
    # the winning leaf of one of them is Jakarta's, whose merge the field's file taken again
    # would otherwise merge again.
    aparts = [_worker(jakarta, n) for n in range(1, 7)]
    _edit(jakarta, Worker, both.id, phone="+6281234500001")
    _edit(field, Worker, both.id, phone="+6281234500002")
    for apart in aparts:
        _edit(jakarta, Worker, apart.id, current_location="Jakarta shelter")
        _edit(field, Worker, apart.id, health="sprained ankle, treated")
    _edit(field, Case, both.case_id, title="Rescued from the compound, now safe")
    to_file(jakarta, tmp_path / "from-jakarta.pulang")
    to_file(field, tmp_path / "from-field.pulang", site_name="Field")
    taken = from_file(field, tmp_path / "from-jakarta.pulang")
    assert taken.conflicts == 1 and taken.merged == len(aparts)
    assert from_file(jakarta, tmp_path / "from-field.pulang").conflicts == 1
    records = jakarta.replica_records()
    again = from_file(jakarta, tmp_path / "from-field.pulang")
    assert (again.received, again.merged, again.conflicts) == (0, 0, 1)
    assert jakarta.replica_records() == records
    # The field site's merge goes back in its next file; Jakarta merged the same itself.
    to_file(field, tmp_path / "field-2.pulang")
    from_file(jakarta, tmp_path / "field-2.pulang")
    for db in (jakarta, field):
        assert conflicts(db) == {both.id: ["phone"]}
        assert [c["id"] for c in status(db).conflicts] == [both.id]
        for apart in aparts:
            merged = db.get(Worker, apart.id)
            assert (merged.current_location, merged.health) == ("Jakarta shelter",
                                                                "sprained ankle, treated")
        assert db.get(Case, both.case_id).title == "Rescued from the compound, now safe"
    assert jakarta.replica_records() == field.replica_records()


@pytest.mark.parametrize("damage", ["one byte", "cut short", "another union", "not ours"])
def test_a_damaged_or_foreign_file_is_refused_and_nothing_applied(
        make_site: Callable[..., Database], tmp_path: Path, damage: str) -> None:
    jakarta, field = _pair(make_site, tmp_path)
    _edit(jakarta, Worker, _worker(jakarta, 0).id, phone="+6281234500001")
    path = tmp_path / "second.pulang"
    to_file(jakarta, path)
    data = bytearray(path.read_bytes())
    if damage == "one byte":
        data[len(data) // 2] ^= 0x01
        reason = "altered"
    elif damage == "cut short":
        data = data[: len(data) - 100]
        reason = "cut short"
    elif damage == "another union":
        other = make_site("another")
        to_file(other, tmp_path / "other.pulang")
        data = bytearray((tmp_path / "other.pulang").read_bytes())
        reason = "another union"
    else:
        data = bytearray(b'{"cases": []}\n')
        reason = "not a Pulang sync file"
    path.write_bytes(bytes(data))
    before = _files(field)
    with pytest.raises(FileRefused, match=reason):
        from_file(field, path)
    assert _files(field) == before


def test_a_header_changed_in_the_clear_is_refused(make_site: Callable[..., Database],
                                                  tmp_path: Path) -> None:
    jakarta, field = _pair(make_site, tmp_path)
    path = tmp_path / "second.pulang"
    to_file(jakarta, path)
    data = path.read_bytes()
    assert b'"version":1,' in data
    path.write_bytes(data.replace(b'"version":1,', b'"version":2,', 1))  # the same length
    with pytest.raises(FileRefused, match="altered"):
        from_file(field, path)


def test_a_lost_file_is_carried_again_and_a_site_missing_one_is_told(
        make_site: Callable[..., Database], tmp_path: Path) -> None:
    jakarta, field = _pair(make_site, tmp_path)
    to_file(field, tmp_path / "ack.pulang", site_name="Field")
    from_file(jakarta, tmp_path / "ack.pulang")
    first, second = _worker(jakarta, 0), _worker(jakarta, 1)
    _edit(jakarta, Worker, first.id, phone="+6281234500001")
    to_file(jakarta, tmp_path / "lost.pulang")  # never reaches the field site
    _edit(jakarta, Worker, second.id, phone="+6281234500002")
    # The field site has not acknowledged the lost file: the next one holds it again.
    following = to_file(jakarta, tmp_path / "next.pulang")
    assert following.records == 2 and not following.everything
    assert from_file(field, tmp_path / "next.pulang").problems == []
    assert field.get(Worker, first.id).phone == "+6281234500001"
    # A third site that never took a file from Jakarta is told it lacks the earlier ones.
    third = make_site("third")
    import_key(third, export_key(jakarta, KEY_PASSPHRASE), KEY_PASSPHRASE)
    told = from_file(third, tmp_path / "next.pulang")
    assert told.received == 2 and "earlier file from Jakarta" in told.problems[0]
    # Once Jakarta hears of it, its next file holds everything.
    to_file(third, tmp_path / "from-third.pulang", site_name="Third")
    from_file(jakarta, tmp_path / "from-third.pulang")
    healing = to_file(jakarta, tmp_path / "healing.pulang")
    assert healing.everything
    assert from_file(third, tmp_path / "healing.pulang").problems == []
    assert third.replica_records() == jakarta.replica_records()


def test_an_existing_file_or_the_database_is_never_written(
        make_site: Callable[..., Database], tmp_path: Path) -> None:
    jakarta = make_site("jakarta", demo=True)
    taken = tmp_path / "taken.pulang"
    taken.write_bytes(b"someone's file")
    before = _files(jakarta)
    for path in (taken, jakarta.path, jakarta.path.with_name(jakarta.path.name + ".sync")):
        with pytest.raises(Exception, match="choose another name"):
            to_file(jakarta, path)
    assert taken.read_bytes() == b"someone's file" and _files(jakarta) == before


def test_revisions_made_for_a_file_still_reach_the_hub(
        make_site: Callable[..., Database], tmp_path: Path, hub_url: str) -> None:
    jakarta, field = _pair(make_site, tmp_path)
    worker = _worker(jakarta, 0)
    _edit(jakarta, Worker, worker.id, phone="+6281234500001")
    to_file(jakarta, tmp_path / "second.pulang")
    from_file(field, tmp_path / "second.pulang")
    sent = sync(jakarta, hub_url, user=SITE[0], password=SITE[1])
    assert sent.sent == len(jakarta.replica_records())
    pulled = sync(field, hub_url, user=SITE[0], password=SITE[1])
    assert (pulled.received, pulled.conflicts) == (0, 0)  # the same revisions, already here
    third = make_site("third")
    import_key(third, export_key(jakarta, KEY_PASSPHRASE), KEY_PASSPHRASE)
    sync(third, hub_url, user=SITE[0], password=SITE[1])
    assert third.get(Worker, worker.id).phone == "+6281234500001"
    assert third.replica_records() == jakarta.replica_records()


def test_a_state_from_before_files_still_loads(make_site: Callable[..., Database],
                                               tmp_path: Path) -> None:
    jakarta, _field = _pair(make_site, tmp_path)
    sealer = jakarta._engine.sealer  # noqa: SLF001 - the test's own database
    state = replicas.load(jakarta.path, sealer)
    assert state is not None and state.counter == 1
    raw = state.as_json()
    for name in ("counter", "peers"):
        raw.pop(name)
    old = replicas.ReplicaState.from_json(orjson.loads(orjson.dumps(raw)))
    for doc in old.docs.values():
        doc.raw.pop("q", None)
        doc.raw.pop("qs", None)
    replicas.save(jakarta.path, sealer, old)
    loaded = replicas.load(jakarta.path, sealer)
    assert loaded is not None and (loaded.counter, loaded.peers) == (0, {})
    again = to_file(jakarta, tmp_path / "again.pulang")
    assert again.everything and again.records == len(jakarta.replica_records())


@pytest.mark.script
def test_pulang_sync_to_file_as_a_process(pulang: Callable[..., Any],
                                          make_site: Callable[..., Database],
                                          tmp_path: Path) -> None:
    from tests.sync.conftest import PASSPHRASE

    db = make_site("jakarta", demo=True)
    path = db.path
    db.close()
    out = tmp_path / "for-the-field.pulang"
    done = pulang("sync", "--db", path, "--to-file", out, "--all", "--format", "json",
                  env={"PULANG_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    written = orjson.loads(done.stdout)
    assert written["records"] == 145 and written["size"] == out.stat().st_size
    again = pulang("sync", "--db", path, "--to-file", out, env={"PULANG_PASSPHRASE": PASSPHRASE})
    assert again.returncode == 1 and "exists" in again.stderr


def test_the_command_line_writes_takes_and_refuses_files(
        cli: Any, make_site: Callable[..., Database], tmp_path: Path) -> None:
    from store.common.errors import ExitCode
    from tests.sync.conftest import PASSPHRASE

    jakarta, field = _pair(make_site, tmp_path)
    _edit(jakarta, Worker, _worker(jakarta, 0).id, phone="+6281234500001")
    paths = jakarta.path, field.path
    jakarta.close()
    field.close()
    unlock = {"PULANG_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "second.pulang"
    wrong = cli("sync", "--db", paths[0], "--all", env=unlock)
    assert wrong.returncode == ExitCode.USAGE and "--to-file" in wrong.stderr
    written = cli("sync", "--db", paths[0], "--to-file", out, env=unlock)
    assert written.returncode == 0, written.stderr
    assert "Wrote 145 records to" in written.stdout  # the demo and its additions
    cut = tmp_path / "cut.pulang"
    cut.write_bytes(out.read_bytes()[:-1])
    refused = cli("sync", "--db", paths[1], "--from-file", cut, env=unlock)
    assert refused.returncode == ExitCode.UNREADABLE and "cut short" in refused.stderr
    taken = cli("sync", "--db", paths[1], "--from-file", out, "--format", "json", env=unlock)
    assert taken.returncode == 0, taken.stderr
    assert orjson.loads(taken.stdout)["received"] == 1


def test_a_conflict_decided_at_one_site_is_gone_at_the_other_by_file(
        make_site: Callable[..., Database], tmp_path: Path) -> None:
    from store.sync import MINE, conflicts, decide

    jakarta, field = _pair(make_site, tmp_path)
    worker = _worker(jakarta, 0)
    _edit(jakarta, Worker, worker.id, phone="+6281234500001")
    _edit(field, Worker, worker.id, phone="+6281234500002")
    to_file(jakarta, tmp_path / "j1.pulang")
    to_file(field, tmp_path / "f1.pulang", site_name="Field")
    from_file(field, tmp_path / "j1.pulang")
    from_file(jakarta, tmp_path / "f1.pulang")
    assert worker.id in conflicts(jakarta) and worker.id in conflicts(field)
    decide(field, worker.id, {"phone": MINE})
    to_file(field, tmp_path / "f2.pulang")
    assert from_file(jakarta, tmp_path / "f2.pulang").conflicts == 0
    for db in (jakarta, field):
        assert conflicts(db) == {}
        assert db.get(Worker, worker.id).phone == "+6281234500002"
    assert [e for e in jakarta.history(worker.id) if e.action == audit.DECIDED]
    # Jakarta's next file brings the field site nothing new to decide.
    to_file(jakarta, tmp_path / "j2.pulang")
    assert from_file(field, tmp_path / "j2.pulang").conflicts == 0
    assert conflicts(field) == {} and field.replica_records() == jakarta.replica_records()


def test_a_removal_against_an_edit_travels_as_a_conflict(
        make_site: Callable[..., Database], tmp_path: Path) -> None:
    """A third site learns of a removal-against-edit conflict from a file, as from a hub."""
    from store.domain.records import Task
    from store.sync import conflicts

    jakarta, field = _pair(make_site, tmp_path)
    bangkok = make_site("bangkok")
    import_key(bangkok, export_key(jakarta, KEY_PASSPHRASE), KEY_PASSPHRASE)
    task_id = next(i for i, (t, _b) in jakarta.replica_records().items() if t == "tasks")
    jakarta.remove_task(task_id)
    _edit(field, Task, task_id, text="Call the embassy again")
    to_file(field, tmp_path / "f.pulang", site_name="Field")
    from_file(jakarta, tmp_path / "f.pulang")
    assert conflicts(jakarta) == {task_id: [""]}
    to_file(jakarta, tmp_path / "j.pulang", everything=True)
    from_file(bangkok, tmp_path / "j.pulang")
    assert conflicts(bangkok) == {task_id: [""]}

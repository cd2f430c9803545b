"""Schema migrations, tried on a database kept from schema 1 (tests/fixtures/schema_v1.json).

The fixture was written by `pulang demo --db tests/fixtures/schema_v1.json --no-open` at schema 1
and is never regenerated: it stands for the databases already out there. Every future migration
must open it. Tests work on a copy, never on the fixture itself.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import orjson
import pytest

from store.common.errors import ExitCode, MigrationFailed, NewerSchema
from store.db.database import Database
from store.domain.vocab import Direction, LogKind
from store.engine.migrations import (
    CLOSING_FIELDS,
    META_DOC,
    META_TABLE,
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    Tables,
    migrate,
)
from store.exchange.check import check
from tests.conftest import FIXTURES, Run, private_copy, snapshot

FIXTURE = FIXTURES / "schema_v1.json"
# Written by `pulang demo --no-open` at schema 2, just before screening, consent and the road
# home (schema 3); kept as it is, like the schema-1 file.
FIXTURE_V2 = FIXTURES / "schema_v2.json"


def _lowercase_tags(tables: Tables) -> None:
    for case in tables.get("cases", {}).values():
        case["tags"] = [tag.lower() for tag in case.get("tags", [])]


def _fails(tables: Tables) -> None:
    tables["cases"].clear()  # half-done work that must not reach the file
    raise KeyError("a field the step expected is missing")


TO_2 = Migration(2, "tags in lower case", _lowercase_tags)
FAILING_TO_2 = Migration(2, "a step with a bug", _fails)
FAILING_TO_3 = Migration(3, "a later step with a bug", _fails)


@pytest.fixture
def v1_path(tmp_path: Path) -> Path:
    """A private copy of the schema-1 database."""
    path = tmp_path / "pulang.json"
    shutil.copyfile(FIXTURE, path)
    path.chmod(0o600)
    return path


def schema_on_disk(path: Path) -> int:
    return int(orjson.loads(path.read_bytes())[META_TABLE][META_DOC]["schema"])


def test_the_fixture_is_a_schema_1_database() -> None:
    assert schema_on_disk(FIXTURE) == 1


def test_a_schema_1_database_opens_with_this_code_and_is_sound(v1_path: Path) -> None:
    with Database.open(v1_path) as db:
        assert db.schema == SCHEMA_VERSION
        assert len(db.cases()) == 5
        assert sum(len(db.workers_of(c.id)) for c in db.cases()) == 18
        assert check(db) == []


def test_a_step_is_applied_on_open_after_a_backup(v1_path: Path) -> None:
    original = v1_path.read_bytes()

    with Database.open(v1_path, migrations=[TO_2]) as db:
        assert db.schema == 2
        tags = [tag for case in db.cases() for tag in case.tags]
        assert "asean tuc" in tags and tags == [t.lower() for t in tags]
        assert check(db) == []
        backup = db.backup_path

    assert schema_on_disk(v1_path) == 2
    assert backup is not None and backup.parent == v1_path.parent
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # as private as the database
    # Opened again, there is nothing left to migrate and no second backup.
    files = sorted(os.listdir(v1_path.parent))
    with Database.open(v1_path, migrations=[TO_2]) as db:
        assert db.backup_path is None
    assert sorted(os.listdir(v1_path.parent)) == files


@pytest.mark.parametrize("steps", [[FAILING_TO_2], [TO_2, FAILING_TO_3]],
                         ids=["first step fails", "second step fails"])
def test_a_failing_step_changes_nothing(v1_path: Path, steps: list[Migration]) -> None:
    before = snapshot(v1_path)

    with pytest.raises(MigrationFailed) as caught:
        Database.open(v1_path, migrations=steps)

    assert caught.value.exit_code == ExitCode.UNREADABLE == 2
    assert snapshot(v1_path) == before  # no change, no backup, no leftovers


def test_a_newer_schema_is_refused_by_older_code(v1_path: Path) -> None:
    Database.open(v1_path, migrations=[TO_2]).close()
    before = snapshot(v1_path)

    with pytest.raises(NewerSchema) as caught:
        Database.open(v1_path, migrations=[])

    assert caught.value.exit_code == 2
    assert snapshot(v1_path) == before


def test_schema_2_gives_every_worker_an_erasure_time_of_none(v1_path: Path) -> None:
    """The real step to schema 2, on the real schema-1 file: workers gain `erased_at`."""
    raw_before = orjson.loads(v1_path.read_bytes())
    assert all("erased_at" not in w for w in raw_before["workers"].values())
    with Database.open(v1_path, migrations=MIGRATIONS[:1]) as db:
        assert db.schema == 2
        workers = [w for case in db.cases() for w in db.workers_of(case.id)]
        assert len(workers) == len(raw_before["workers"]) > 0
        assert all(w.erased_at is None for w in workers)
        assert check(db) == []
    assert schema_on_disk(v1_path) == 2


@pytest.mark.parametrize("fixture", [FIXTURE, FIXTURE_V2], ids=["from schema 1", "from schema 2"])
def test_schema_3_keeps_every_value_and_every_stage(tmp_path: Path, fixture: Path) -> None:
    """The real step to schema 3: per-worker tables appear empty, log entries gain their new
    fields (before due_date, where the loader looks), and every value stored so far stays,
    the stages set by hand included."""
    path = tmp_path / "pulang.json"
    shutil.copyfile(fixture, path)
    path.chmod(0o600)
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:2]) as db:
        assert db.schema == 3
        assert check(db) == []
        after = db.raw_tables()
        for table in ("cases", "workers", "log"):
            old = {doc["id"]: doc for doc in before[table].values()}
            new = {doc["id"]: doc for doc in after[table].values()}
            assert old.keys() == new.keys() and old
            for record_id, doc in old.items():
                kept = {k: v for k, v in new[record_id].items() if k in doc}
                assert kept == doc, (table, record_id)
        stages = {c.ref: c.stage for c in db.cases()}
        assert stages == {c["ref"]: c["stage"] for c in before["cases"].values()}
        assert all(not c.stage_override for c in db.cases())
        for case in db.cases():
            assert db.plans_of(case.id) == {} and db.consents_of(case.id) == {}
            assert db.derived_stage(case.id) is None
            for entry in db.log_of(case.id):
                assert (entry.counterpart_kind, entry.awaiting_reply, entry.consent_override) \
                    == (None, False, [])
        assert db.today().missing_count == sum(
            len(db.workers_of(c.id)) for c in db.cases() if c.stage != "closed")
    lines = [line for line in path.read_bytes().splitlines() if b'"summary"' in line]
    assert lines and all(line.rstrip(b",").endswith(b'"next_step_done":false}')
                         or line.rstrip(b",").endswith(b'"next_step_done":true}')
                         for line in lines)


# Written by `pulang demo --no-open` at schema 4, just before log entries said which way they
# went (schema 5), then given a referral, a note, a visit and a letter by that same code so
# that every kind of entry is in it; kept as it is, like the older files.
FIXTURE_V4 = FIXTURES / "schema_v4.json"
TO_5 = MIGRATIONS[:4]


def test_schema_5_marks_the_direction_where_the_entry_tells_and_says_where_it_cannot(
        tmp_path: Path) -> None:
    """The real step to schema 5 on the real schema-4 file: a referral and a message awaiting
    the counterpart's reply are sent, a note goes neither way, and the other eleven entries
    (calls and messages that could have come in or gone out, a meeting, a visit, a letter)
    are left unknown, which the notice says, by kind."""
    path = private_copy(FIXTURE_V4, tmp_path)
    assert schema_on_disk(path) == 4
    before = orjson.loads(path.read_bytes())
    kinds = {doc["id"]: doc["kind"] for doc in before["log"].values()}
    assert sorted(set(kinds.values())) == sorted(k.value for k in LogKind)  # every kind

    with Database.open(path, migrations=TO_5) as db:
        assert db.schema == 5
        assert check(db) == []
        directions = {e.summary[:30]: e.direction for c in db.cases() for e in db.log_of(c.id)}
        after = db.raw_tables()
        notices = db.upgrade_notices

    sent = {"Referred three workers to the ", "Asked whether the shelter can "}
    assert {s for s, d in directions.items() if d is Direction.SENT} == sent
    assert not any(d is Direction.RECEIVED for d in directions.values())
    assert directions["Two of the group asked to trave"[:30]] is None  # the note
    assert len(directions) == 14
    assert notices == [
        "Database upgraded to schema 5: 11 log entries could not be marked sent or received "
        "from what they say (message: 5, call: 3, meeting: 1, letter: 1, visit: 1): their "
        "cases' logs show them with “?” until you edit them and say which."]
    # Every value kept; the new field sits before due_date, where the loader looks.
    old = {doc["id"]: doc for doc in before["log"].values()}
    new = {doc["id"]: doc for doc in after["log"].values()}
    assert old.keys() == new.keys()
    for entry_id, doc in old.items():
        assert {k: v for k, v in new[entry_id].items() if k != "direction"} == doc
        assert list(new[entry_id])[-3:] == ["direction", "due_date", "next_step_done"]

    # Opened again there is nothing to upgrade, and nothing more to say.
    with Database.open(path, migrations=TO_5) as db:
        assert db.backup_path is None and db.upgrade_notices == []


@pytest.mark.parametrize("fixture", [FIXTURE, FIXTURE_V2], ids=["from schema 1", "from schema 2"])
def test_schema_5_from_older_databases_counts_every_entry_it_leaves_unknown(
        tmp_path: Path, fixture: Path) -> None:
    path = private_copy(fixture, tmp_path)
    with Database.open(path, migrations=TO_5) as db:
        entries = [e for c in db.cases() for e in db.log_of(c.id)]
        assert check(db) == [] and entries
        unknown = [e for e in entries if e.direction is None and e.kind is not LogKind.NOTE]
        assert len(unknown) == len(entries)  # nothing in them says: no referral, no reply
        (notice,) = db.upgrade_notices
    assert notice.startswith(f"Database upgraded to schema 5: {len(unknown)} log entries ")


def test_the_command_line_says_what_the_upgrade_could_not_do(tmp_path: Path, cli: Run) -> None:
    path = private_copy(FIXTURE_V4, tmp_path)
    done = cli("check", "--db", path)
    assert done.returncode == ExitCode.OK, done.stdout + done.stderr
    assert ("pulang: Database upgraded to schema 5: 11 log entries could not be marked sent "
            "or received") in done.stderr
    again = cli("check", "--db", path)
    assert "upgraded" not in again.stderr  # said once, when it happened


# The schema-4 file above brought to schema 5 by that step (the code of its day), kept as it
# is: the database just before cases could be shared with partner organisations.
FIXTURE_V5 = FIXTURES / "schema_v5.json"


def test_schema_6_shares_no_case_and_marks_no_entry_as_a_partners(tmp_path: Path) -> None:
    """The real step to schema 6 on the real schema-5 file: every case shared with no one,
    every log entry from no partner, the new field before due_date (where the loader looks),
    every other value as it was."""
    path = private_copy(FIXTURE_V5, tmp_path)
    assert schema_on_disk(path) == 5
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:5]) as db:
        assert db.schema == 6
        assert check(db) == []
        assert all(c.shared_with == [] for c in db.cases())
        entries = [e for c in db.cases() for e in db.log_of(c.id)]
        assert entries and all(e.from_org_id is None for e in entries)
        assert db.upgrade_notices == []
        after = db.raw_tables()
    for table, added in (("cases", "shared_with"), ("log", "from_org_id")):
        old = {doc["id"]: doc for doc in before[table].values()}
        new = {doc["id"]: doc for doc in after[table].values()}
        assert old.keys() == new.keys()
        for record_id, doc in old.items():
            assert {k: v for k, v in new[record_id].items() if k != added} == doc
    assert all(list(doc)[-3:] == ["from_org_id", "due_date", "next_step_done"]
               for doc in after["log"].values())


# The schema-5 file above brought to schema 6 by that step (the code of its day), kept as it
# is: the database just before the registry.
FIXTURE_V6 = FIXTURES / "schema_v6.json"


def test_schema_7_opens_an_empty_registry_and_keeps_everything_else(tmp_path: Path) -> None:
    path = private_copy(FIXTURE_V6, tmp_path)
    assert schema_on_disk(path) == 6
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:6]) as db:
        assert db.schema == 7
        assert check(db) == []
        assert db.places() == [] and db.actors() == [] and db.identifiers() == []
        assert db.registry_links() == [] and db.upgrade_notices == []
        after = db.raw_tables()
    for table in ("places", "actors", "identifiers", "registry_links"):
        assert before.get(table, {}) == {} and after[table] == {}
    for table, records in before.items():
        if table in after and table != "_meta":
            assert {d.get("id"): d for d in records.values()} == {
                d.get("id"): d for d in after[table].values()}


# The schema-6 file above brought to schema 7 by that step (the code of its day), kept as it
# is: the database just before the intakes and families' inquiries.
FIXTURE_V7 = FIXTURES / "schema_v7.json"


def test_schema_8_opens_no_intake_nor_inquiry_and_keeps_everything_else(tmp_path: Path) -> None:
    path = private_copy(FIXTURE_V7, tmp_path)
    assert schema_on_disk(path) == 7
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:7]) as db:
        assert db.schema == 8
        assert check(db) == []
        assert db.intakes() == [] and db.inquiries() == [] and db.inquiry_lines() == []
        assert db.upgrade_notices == []
        after = db.raw_tables()
    for table in ("intakes", "inquiries"):
        assert table not in before and after[table] == {}
    for table, records in before.items():
        if table in after and table not in ("_meta", "_seal"):
            assert {d.get("id"): d for d in records.values()} == {
                d.get("id"): d for d in after[table].values()}


# The schema-7 file above brought to schema 8 by that step (the code of its day), kept as it
# is: the database just before a worker's legal matters and money.
FIXTURE_V8 = FIXTURES / "schema_v8.json"


def test_schema_9_opens_no_legal_matter_nor_money_and_keeps_everything_else(
        tmp_path: Path) -> None:
    path = private_copy(FIXTURE_V8, tmp_path)
    assert schema_on_disk(path) == 8
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:8]) as db:
        assert db.schema == 9
        assert check(db) == []
        assert db.upgrade_notices == []
        for case in db.cases():
            assert db.legal_of(case.id) == [] and db.money_of(case.id) == []
        after = db.raw_tables()
    for table in ("legal", "money"):
        assert table not in before and after[table] == {}
    for table, records in before.items():
        if table in after and table not in ("_meta", "_seal"):
            assert {d.get("id"): d for d in records.values()} == {
                d.get("id"): d for d in after[table].values()}


# The schema-8 file above brought to schema 9 by that step (the code of its day), kept as it
# is (its legal and money tables empty, as schema 9 writes them): the database just before
# cases and workers were closed with a reason.
FIXTURE_V9 = FIXTURES / "schema_v9.json"


def test_schema_10_closes_nothing_and_keeps_everything_else(tmp_path: Path) -> None:
    """The real step to schema 10 on the real schema-9 file: every case and worker open, with
    no closing in their history, the new fields added and every other value as it was."""
    path = private_copy(FIXTURE_V9, tmp_path)
    assert schema_on_disk(path) == 9
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:9]) as db:
        assert db.schema == 10
        assert check(db) == []
        assert db.upgrade_notices == []  # no case of the file was closed
        for case in db.cases():
            assert case.closed_reason is None and case.closings == [] and case.stage != "closed"
            for worker in db.workers_of(case.id):
                assert worker.closed_on is None and worker.closings == []
        after = db.raw_tables()
    for table in ("cases", "workers"):
        old = {doc["id"]: doc for doc in before[table].values()}
        new = {doc["id"]: doc for doc in after[table].values()}
        assert old.keys() == new.keys() and old
        for record_id, doc in old.items():
            assert {k: v for k, v in new[record_id].items() if k not in CLOSING_FIELDS} == doc
            assert {k: new[record_id][k] for k in CLOSING_FIELDS} == CLOSING_FIELDS
    for table, records in before.items():
        if table not in ("_meta", "_seal", "cases", "workers"):
            assert {d.get("id"): d for d in records.values()} == {
                d.get("id"): d for d in after[table].values()}


def test_schema_10_says_how_many_closed_cases_have_no_reason(tmp_path: Path) -> None:
    path = private_copy(FIXTURE_V9, tmp_path)
    data = orjson.loads(path.read_bytes())
    key, closed = next(iter(data["cases"].items()))
    closed["stage"], closed["stage_override"] = "closed", True
    tables = {name: table for name, table in data.items() if name != "_seal"}
    notices: list[str] = []
    migrated = migrate(tables, path, notices=notices)
    assert migrated["cases"][key]["closed_reason"] is None
    assert migrated["cases"][key]["stage"] == "closed"  # it stays closed
    assert notices == ["Database upgraded to schema 10: 1 case was closed before Pulang kept "
                       "a reason for closing: it stays closed, and its page says no reason "
                       "was recorded."]
    assert "closed_reason" not in data["cases"][key]  # a copy was migrated


# The schema-9 file above brought to schema 10 by that step (the code of its day), kept as it
# is: the database just before requests to partners were followed through.
FIXTURE_V10 = FIXTURES / "schema_v10.json"
REQUEST_FIELDS = ("request_state", "request_changes", "request_why")


def test_schema_11_follows_the_requests_awaiting_a_reply_and_keeps_everything_else(
        tmp_path: Path) -> None:
    """The real step to schema 11 on the real schema-10 file: each entry awaiting a reply is
    a request, "sent" on its day, or "acknowledged" on the day of a later entry with the same
    counterpart; every other entry has none; every other value as it was."""
    path = private_copy(FIXTURE_V10, tmp_path)
    assert schema_on_disk(path) == 10
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:10]) as db:
        assert db.schema == 11
        assert check(db) == []
        assert db.upgrade_notices == []
        entries = [e for case in db.cases() for e in db.log_of(case.id)]
        after = db.raw_tables()
    awaiting = [e for e in entries if e.awaiting_reply]
    assert len(awaiting) == 2
    for entry in entries:
        if not entry.awaiting_reply:
            assert entry.request_state is None and entry.request_changes == []
            continue
        day = entry.at.astimezone().date()
        others = [o for o in entries if o.case_id == entry.case_id and o.at > entry.at and (
            o.counterpart_org == entry.counterpart_org)]
        assert entry.request_changes[0].state == "sent" and entry.request_changes[0].on == day
        if others:
            answer = min(o.at for o in others).astimezone().date()
            assert entry.request_state == "acknowledged"
            assert entry.request_changes[1].on == answer
        else:
            assert entry.request_state == "sent" and len(entry.request_changes) == 1
    old = {doc["id"]: doc for doc in before["log"].values()}
    new = {doc["id"]: doc for doc in after["log"].values()}
    assert old.keys() == new.keys()
    for record_id, doc in old.items():
        assert {k: v for k, v in new[record_id].items() if k not in REQUEST_FIELDS} == doc
        fields = list(new[record_id])  # written before due_date, as the loader needs
        assert fields[-2:] == ["due_date", "next_step_done"]
    for table, records in before.items():
        if table not in ("_meta", "_seal", "log"):
            assert {d.get("id"): d for d in records.values()} == {
                d.get("id"): d for d in after[table].values()}


def test_schema_11_marks_a_request_answered_later_acknowledged(tmp_path: Path) -> None:
    data = orjson.loads(private_copy(FIXTURE_V10, tmp_path).read_bytes())
    log = data["log"]
    key, sent = next((k, e) for k, e in log.items() if e["awaiting_reply"])
    answer = dict(sent, id="f" * 32, at="2026-12-20T10:00:00+00:00", awaiting_reply=False,
                  counterpart_org=sent["counterpart_org"].upper(), direction="received")
    log["answer"] = answer
    tables = {name: table for name, table in data.items() if name != "_seal"}
    migrated = migrate(tables, tmp_path)
    entry = migrated["log"][key]
    assert entry["request_state"] == "acknowledged"
    assert [c["state"] for c in entry["request_changes"]] == ["sent", "acknowledged"]
    assert entry["request_changes"][1]["on"] == "2026-12-20"
    assert migrated["log"]["answer"]["request_state"] is None


# The schema-10 file above brought to schema 11 by that step (the code of its day), kept as it
# is: the database just before closed cases were anonymised after the union's period.
FIXTURE_V11 = FIXTURES / "schema_v11.json"


def test_schema_12_has_anonymised_no_case_and_keeps_everything_else(tmp_path: Path) -> None:
    path = private_copy(FIXTURE_V11, tmp_path)
    assert schema_on_disk(path) == 11
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:11]) as db:
        assert db.schema == 12
        assert check(db) == []
        assert db.upgrade_notices == []
        assert [case.anonymised_on for case in db.cases()] == [None] * len(before["cases"])
        after = db.raw_tables()
    for table, records in before.items():
        if table in ("_meta", "_seal"):
            continue
        old = {d.get("id"): d for d in records.values()}
        new = {d.get("id"): d for d in after[table].values()}
        if table == "cases":
            new = {key: {k: v for k, v in doc.items() if k != "anonymised_on"}
                   for key, doc in new.items()}
        assert new == old, table


# The schema-11 file above brought to schema 12 by that step (the code of its day), kept as it
# is: the database just before check-ins after return.
FIXTURE_V12 = FIXTURES / "schema_v12.json"


def test_schema_13_opens_no_checkin_and_keeps_everything_else(tmp_path: Path) -> None:
    path = private_copy(FIXTURE_V12, tmp_path)
    assert schema_on_disk(path) == 12
    before = orjson.loads(path.read_bytes())
    assert "checkins" not in before
    with Database.open(path, migrations=MIGRATIONS[:12]) as db:
        assert db.schema == 13
        assert check(db) == []
        assert db.upgrade_notices == []
        assert all(db.checkins_of(case.id) == [] for case in db.cases())
        after = db.raw_tables()
    assert after["checkins"] == {}
    for table, records in before.items():
        if table not in ("_meta", "_seal"):
            assert {d.get("id"): d for d in records.values()} == {
                d.get("id"): d for d in after[table].values()}, table

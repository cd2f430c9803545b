"""Case briefs: only what each worker's consent allows for the recipient, in Markdown and HTML;
media refused; every brief in the audit trail before it is written."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from store.common.errors import ExitCode, NeverRecipient
from store.common.i18n import format_date, format_datetime
from store.db.database import Database
from store.domain.records import LogEntry, Worker, worker_numbers
from store.domain.vocab import Direction, LogKind, RecipientKind
from store.exchange.brief import case_brief
from tests.conftest import PASSPHRASE, Run
from tui.cli import main

REF = "KH-2025-0001"


def personal_values(worker: Worker) -> list[str]:
    values = [*worker.all_names, worker.passport_number, worker.phone or "",
              worker.home_district]
    if worker.date_of_birth is not None:
        values += [worker.date_of_birth.isoformat(), format_date(worker.date_of_birth)]
    return [v for v in values if v]


def police_split(db: Database) -> tuple[list[tuple[int, Worker]], list[tuple[int, Worker]]]:
    """The case's workers with their numbers (as its page shows them): with consent for the
    police, and without."""
    case = db.case_by_ref(REF)
    assert case is not None
    allowed, withheld = [], []
    numbers = worker_numbers(db.workers_of(case.id))
    for worker in db.workers_of(case.id):
        n = numbers[worker.id]
        consent = db.consent_of(worker.id)
        ok = consent is not None and consent.allows(RecipientKind.POLICE)
        (allowed if ok else withheld).append((n, worker))
    return allowed, withheld


def test_a_police_brief_holds_only_what_consent_allows(demo_db: Database) -> None:
    case = demo_db.case_by_ref(REF)
    assert case is not None
    allowed, withheld = police_split(demo_db)
    assert allowed and len(withheld) >= 5  # the demo: one consented to police, others not
    brief = case_brief(demo_db, case.id, RecipientKind.POLICE)
    for text in (brief.markdown, brief.html):
        for n, worker in withheld:
            for value in personal_values(worker):
                assert value not in text, (n, value)
            assert f"Worker {n} (details withheld: no consent for police)" in text
        for n, worker in allowed:
            for value in (worker.full_name, worker.passport_number, worker.phone,
                          format_date(worker.date_of_birth)):
                assert value and value in text.replace("\\+", "+")
            assert f"Worker {n} (details withheld" not in text
    # Never in a brief: where the worker is, their family's contact, their health.
    for _n, worker in allowed:
        for value in (worker.current_location, worker.family_contact, worker.health):
            if value:
                assert value not in brief.markdown and value not in brief.html
    assert brief.html.startswith("<!DOCTYPE html>") and "@media print" in brief.html


def test_log_summaries_only_when_every_worker_named_consents(demo_db: Database) -> None:
    case = demo_db.case_by_ref(REF)
    assert case is not None
    (_n, yes), = police_split(demo_db)[0]
    _m, no = police_split(demo_db)[1][0]
    now = dt.datetime.now().astimezone()
    demo_db.save_log_entry(LogEntry(
        case_id=case.id, worker_ids=[yes.id], at=now - dt.timedelta(days=2), kind=LogKind.CALL,
        direction=Direction.SENT, counterpart_kind=RecipientKind.POLICE,
        counterpart_org="Desk Ketenagakerjaan",
        summary="Asked <b>about</b> the passport", next_step="Send the photo",
        awaiting_reply=True))
    demo_db.save_log_entry(LogEntry(
        case_id=case.id, worker_ids=[yes.id, no.id], at=now - dt.timedelta(days=3),
        kind=LogKind.CALL, direction=Direction.RECEIVED, counterpart_kind=RecipientKind.POLICE,
        summary="Both of them told the desk where the compound is"))
    demo_db.save_log_entry(LogEntry(
        case_id=case.id, at=now - dt.timedelta(days=40), kind=LogKind.CALL,
        counterpart_kind=RecipientKind.POLICE, summary="An old call, long answered"))
    brief = case_brief(demo_db, case.id, RecipientKind.POLICE, now=now)
    md, page = brief.markdown, brief.html
    assert "Asked \\<b\\>about\\</b\\> the passport" in md
    assert "Asked &lt;b&gt;about&lt;/b&gt; the passport" in page and "<b>about" not in page
    assert "Send the photo" in md
    for text in (md, page):
        assert "Both of them told" not in text
        assert "(summary withheld: names a worker without consent for police)" in text
        assert "An old call" not in text  # neither open nor recent
    open_part = md.split("## Open requests to police", 1)[1].split("## Other log entries", 1)[0]
    assert "Desk Ketenagakerjaan" in open_part


def test_media_and_recruiters_never_get_a_brief(demo_db: Database, cli: Run,
                                                db_path: Path, tmp_path: Path) -> None:
    case = demo_db.case_by_ref(REF)
    assert case is not None
    trail = len(demo_db.audit_trail().entries)
    for kind in (RecipientKind.MEDIA, RecipientKind.RECRUITER):
        with pytest.raises(NeverRecipient):
            case_brief(demo_db, case.id, kind)
    assert len(demo_db.audit_trail().entries) == trail
    demo_db.close()
    done = cli("brief", REF, "--to", "media", "--out", tmp_path / "b", "--db", db_path)
    assert done.returncode == 1 and "never receive" in done.stderr
    assert not list(tmp_path.glob("b.*"))


def test_the_brief_is_in_the_trail_and_its_files_are_private(demo_db: Database, cli: Run,
                                                             db_path: Path,
                                                             tmp_path: Path) -> None:
    allowed, withheld = police_split(demo_db)
    demo_db.close()
    done = cli("brief", REF, "--to", "police", "--out", tmp_path / "brief", "--db", db_path)
    assert done.returncode == 0, done.stderr
    for suffix in (".md", ".html"):
        written = tmp_path / f"brief{suffix}"
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert allowed[0][1].full_name in written.read_text()
    with Database.open(db_path) as db:
        entry = db.audit_trail().entries[-1]
    assert entry.action == "share" and entry.ref == REF
    assert entry.note == (f"brief police: {len(allowed) + len(withheld)} workers, "
                          f"{len(allowed)} with details, {len(withheld)} withheld, "
                          "1 open requests, 0 recent entries, "  # the desk's meeting of the demo
                          "26 registry facts")  # the demo's registry: 8 records, 18 links
    for _n, worker in allowed + withheld:
        for value in personal_values(worker):
            assert value not in entry.note


@pytest.fixture
def passphrase_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before `pulang`, which takes the environment as it is when it is made."""
    monkeypatch.setenv("PULANG_PASSPHRASE", PASSPHRASE)


@pytest.mark.script
def test_an_encrypted_database_gives_a_brief_only_with_plaintext(
        passphrase_set: None, cheap_keys: None, demo_db: Database, pulang: Run, db_path: Path,
        tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    demo_db.close()
    trail = db_path.with_name(db_path.name + ".audit")
    before = trail.read_bytes()
    out = tmp_path / "brief"
    refused = pulang("brief", REF, "--to", "embassy_ministry", "--out", out, "--db", db_path)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION and "--plaintext" in refused.stderr
    assert not list(tmp_path.glob("brief.*"))
    assert trail.read_bytes() == before  # refused before anything, the trail included
    # The same command, asked by name (in this process: one key derivation fewer).
    assert main(["brief", REF, "--to", "embassy_ministry", "--out", str(out), "--plaintext",
                 "--db", str(db_path)]) == 0
    assert stat.S_IMODE((tmp_path / "brief.html").stat().st_mode) == 0o600
    assert len(trail.read_bytes()) > len(before)  # and recorded


def test_each_entry_with_the_police_of_the_last_days_appears_once(demo_db: Database) -> None:
    """An open request of the last days is listed once, under the open requests; the section
    after it does not say "None." about the entries with the police as if there were none."""
    case = demo_db.case_by_ref(REF)
    assert case is not None
    (_n, yes), = police_split(demo_db)[0]
    now = dt.datetime.now().astimezone()
    asked = demo_db.save_log_entry(LogEntry(
        case_id=case.id, worker_ids=[yes.id], at=now - dt.timedelta(days=2), kind=LogKind.CALL,
        direction=Direction.SENT, counterpart_kind=RecipientKind.POLICE,
        counterpart_org="Desk Ketenagakerjaan", summary="Asked for the inquiry's number",
        next_step="Call the desk again on Monday"))

    def entries(md: str) -> list[str]:
        """The entries listed after the workers, each by its line."""
        entries_part = md.split("## Open requests to police", 1)[1]
        entries_part = entries_part.split("## Who and where (registry)", 1)[0]  # the demo's
        return [line for line in entries_part.splitlines() if line.startswith("### ")]

    md = case_brief(demo_db, case.id, RecipientKind.POLICE, now=now).markdown
    listed = entries(md)  # the demo's own open request to the desk (a meeting), and this one
    assert listed.count(f"### {format_datetime(asked.at)} · call · Desk Ketenagakerjaan") == 1
    assert len(listed) == 2 and any("meeting · Desk Ketenagakerjaan Polri" in e for e in listed)
    assert md.count("Asked for the inquiry's number") == 1
    sections = md.split("\n## ")  # the title, the case, workers, open requests, the others
    assert sections[4].startswith("Other log entries with police in the last 30 days\n\nNone.")

    # One received, naming no worker (the case has workers without consent for the police).
    told = demo_db.save_log_entry(LogEntry(
        case_id=case.id, at=now - dt.timedelta(days=5), kind=LogKind.MESSAGE,
        direction=Direction.RECEIVED, counterpart_kind=RecipientKind.POLICE,
        counterpart_org="Desk Ketenagakerjaan", summary="The desk names a suspect"))
    brief = case_brief(demo_db, case.id, RecipientKind.POLICE, now=now)
    assert [e for e in entries(brief.markdown) if not e.endswith("Polri")] == [
        f"### {format_datetime(asked.at)} · call · Desk Ketenagakerjaan",
        f"### {format_datetime(told.at)} · message · Desk Ketenagakerjaan"]
    for text in (brief.markdown, brief.html):
        assert "The desk names a suspect" not in text
        assert ("(summary withheld: names no worker, so may concern one without consent for "
                "police)") in text
    assert "2 open requests, 1 recent entries" in brief.note  # with the demo's own

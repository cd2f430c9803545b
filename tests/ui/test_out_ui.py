"""Briefs and exports from inside the app, by keys: written through the store's own making,
recorded in the audit trail, readable by their owner only, never over a file without asking,
and nothing personal out of an encrypted database without the officer's tick."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import orjson
from textual.widgets import Static

from store.db.database import Database
from store.domain.vocab import RecipientKind
from store.exchange.brief import case_brief
from store.exchange.export import tables_of
from tests.ui_helpers import choose, fill, find_and_open, focus, paste, screen_text, until
from tui.app import PulangApp
from tui.dialogs.brief import BriefDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.export import ExportDialog
from tui.screens.case import CaseScreen
from tui.screens.today import TodayScreen

REF = "KH-2025-0001"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def line(app: PulangApp, line_id: str) -> str:
    """What a message line of the dialog in front says."""
    return str(app.screen.query_one(f"#{line_id}", Static).render())


def worker_names(db: Database) -> list[str]:
    names = []
    for doc in tables_of(db)["workers"]:
        names += [doc["full_name"], *doc.get("other_spellings", [])]
    return [n for n in names if n]


async def test_a_police_brief_from_the_case_leaves_out_who_did_not_consent(
        demo_db: Database, tmp_path: Path) -> None:
    case = demo_db.case_by_ref(REF)
    assert case is not None
    workers = demo_db.workers_of(case.id)
    withheld = [w for w in workers if not ((c := demo_db.consent_of(w.id)) and
                                           c.allows(RecipientKind.POLICE))]
    allowed = [w for w in workers if w not in withheld]
    assert withheld and allowed  # the demo has both
    base = tmp_path / "for-police"
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await find_and_open(pilot, REF)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BriefDialog))
        dialog = app.screen
        assert f"brief-{REF}-partner_union" in screen_text(app)  # the default, in full
        await choose(pilot, "recipient", "police")
        assert f"brief-{REF}-police" in screen_text(app)  # the default follows the choice
        await fill(pilot, "path", str(base))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        markdown, page = Path(f"{base}.md"), Path(f"{base}.html")
        assert mode(markdown) == mode(page) == 0o600
        text = markdown.read_text("utf-8")
        for worker in withheld:
            for value in (worker.full_name, worker.passport_number, worker.phone):
                assert not value or value not in text
        assert "details withheld: no consent for police" in text
        assert all(w.full_name in text for w in allowed)
        told = [n.message for n in app._notifications]  # noqa: SLF001
        assert any(str(markdown) in m and str(page) in m and
                   f"Details of {len(withheld)} of {len(workers)} workers withheld" in m
                   for m in told)

        # Again to the same file: asked first, and a no keeps the dialog and the files.
        markdown.write_text("kept", "utf-8")
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BriefDialog))
        dialog = app.screen
        await choose(pilot, "recipient", "police")
        await fill(pilot, "path", f"{base}.md")  # the suffix typed is not doubled
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "already exist" in app.screen.question
        await pilot.press("n")
        await until(pilot, lambda: app.screen is dialog)
        assert line(app, "out-status") == "Nothing was written."
        assert markdown.read_text("utf-8") == "kept"
    shares = [e for e in demo_db.audit_trail().entries if e.action == "share"]
    assert len(shares) == 1 and shares[0].record == case.id
    assert shares[0].note and "brief police" in shares[0].note


async def test_exports_from_the_palette_and_today_from_an_encrypted_database(
        demo_db: Database, tmp_path: Path) -> None:
    demo_db.encrypt("kopi tubruk di Vientiane")
    stats, backup = tmp_path / "stats.csv", tmp_path / "all.json"
    names = worker_names(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await pilot.press("ctrl+p")
        await paste(pilot, "export")
        await until(pilot, lambda: "Export…" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        await until(pilot, lambda: "htcds.csv" in screen_text(app))  # statistics first
        await fill(pilot, "path", str(stats))
        await fill(pilot, "k", "1")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "k must be a whole number, 2 or more" in
                    line(app, "out-status"))
        assert not stats.exists()
        await fill(pilot, "k", "2")  # the demo is small: at 11 every row would be suppressed
        await focus(pilot, "path")
        await pilot.press("enter")  # no personal data in it: no tick, no question
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert mode(stats) == 0o600
        data = stats.read_text("utf-8")
        assert data.startswith("yearOfRegistration,")
        assert not [n for n in names if n in data]
        told = [n.message for n in app._notifications]  # noqa: SLF001
        assert any(str(stats) in m and "Workers exported" in m and "at least 2 rows" in m
                   for m in told)  # the report, at the k asked for
        assert len(data.splitlines()) > 1  # rows, not only the header

        # Everything, from Today's key: refused without the tick, then asked, then written.
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        await choose(pilot, "format", "json: every record, a backup")
        assert "personal data of the workers" in line(app, "out-warning")  # (a toast may cover it)
        await fill(pilot, "path", str(backup))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "tick \"Write it unencrypted\"" in line(app, "out-status"))
        assert not backup.exists()
        await focus(pilot, "plaintext")
        await pilot.press("space", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
    assert mode(backup) == 0o600
    document = orjson.loads(backup.read_bytes())
    assert document["format"] == "pulang-export"
    assert len(document["tables"]["workers"]) == len(tables_of(demo_db)["workers"])
    notes = [e.note or "" for e in demo_db.audit_trail().entries if e.action == "export"]
    assert len(notes) == 2 and notes[0].startswith("htcds") and notes[1].startswith("json personal")


async def test_neither_dialog_writes_over_the_database_s_own_files(
        demo_db: Database, tmp_path: Path) -> None:
    """Said before anything is asked, and nothing written or recorded: the audit trail as an
    export, a brief named after the database."""
    from store.engine.journal import audit_path

    trail = audit_path(demo_db.path)

    def files() -> dict[Path, bytes]:  # the app's own backup on opening aside
        return {p: p.read_bytes() for p in tmp_path.rglob("*")
                if p.is_file() and ".backups" not in p.parent.name}

    before = files()
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        await choose(pilot, "format", "json: every record, a backup")
        await fill(pilot, "path", str(trail))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "files of the database" in line(app, "out-status"))
        assert isinstance(app.screen, ExportDialog)  # no question asked
        await pilot.press("escape")
        await find_and_open(pilot, REF)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BriefDialog))
        await fill(pilot, "path", str(demo_db.path))  # would write pulang.json.md and .html
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "files of the database" in line(app, "out-status"))
        assert isinstance(app.screen, BriefDialog)
    assert files() == before
    assert not [e for e in demo_db.audit_trail().entries if e.action in ("export", "share")]


async def test_the_brief_names_workers_by_the_numbers_of_the_case_page(
        demo_db: Database) -> None:
    """A worker withheld from a brief is "Worker N": N is the number the case page shows
    before that worker's name, so the officer can tell who it is."""
    case = demo_db.case_by_ref(REF)
    assert case is not None
    workers = demo_db.workers_of(case.id)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await find_and_open(pilot, REF)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.pause()
        shown: dict[int, str] = {}  # number -> the worker's id, by the name on screen
        for row in screen_text(app).splitlines():
            found = re.match(r"\s*(\d+) (\S.{14})", row)  # a number, the name's beginning
            for worker in workers if found else []:
                if worker.full_name.startswith(found[2]):
                    shown[int(found[1])] = worker.id
    assert len(shown) >= 5  # the rows the screen has room for
    brief = case_brief(demo_db, case.id, RecipientKind.POLICE).markdown
    for number, worker_id in shown.items():
        worker = next(w for w in workers if w.id == worker_id)
        consent = demo_db.consent_of(worker_id)
        if consent is not None and consent.allows(RecipientKind.POLICE):
            assert f"### Worker {number}: {worker.full_name}" in brief
        else:
            assert f"### Worker {number} (details withheld: no consent for police)" in brief

"""Sync by file from the app (Y on Today), with no hub at all: two laptops change the same
worker's phone, swap files, both see the conflict on Today; one decides; its next file takes the
conflict away at the other. A file altered or cut short is refused in words, nothing applied.
The real app through Pilot, the real store, the file made and taken in the sync's own process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from store.db.database import Database
from store.domain.records import Worker
from store.engine import audit
from store.sync import conflicts, from_file, to_file
from tests.sync.test_app_decide import _open_decision, _to_decide
from tests.sync.test_files import _pair, _worker
from tests.ui_helpers import notes, until


async def _by_file(pilot: object, app: object, field: str, path: Path) -> None:
    """Y on Today, the path in the dialog's field ("out" writes, "in" takes), Enter; until the
    sync's process is done."""
    from tui.dialogs.sync_file import SyncFileDialog

    said = len(notes(app))  # type: ignore[arg-type]
    await pilot.press("Y")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, SyncFileDialog))  # type: ignore
    box = app.screen.query_one(f"#file-{field}", Input)  # type: ignore[attr-defined]
    box.value = str(path)
    box.focus()
    await pilot.press("enter")  # type: ignore[attr-defined]
    # Its outcome said (not only the running flag down: it may not be up yet, under load).
    await until(pilot, lambda: len(notes(app)) > said and not app.sync_running,  # type: ignore
                timeout=60)


async def test_a_conflict_by_file_decided_in_the_app(make_site: Callable[..., Database],
                                                      tmp_path: Path) -> None:
    from tui.app import PulangApp
    from tui.screens.decide import DecideScreen

    jakarta, field = _pair(make_site, tmp_path)
    worker = _worker(jakarta)
    for db, phone in ((jakarta, "+6281234500001"), (field, "+6281234500002")):
        db.save(db.get(Worker, worker.id).model_copy(update={"phone": phone}))
    to_file(jakarta, tmp_path / "from-jakarta.pulang")

    app = PulangApp(field)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.db is not None and app.screen.query("#today"))
        await _by_file(pilot, app, "out", tmp_path / "from-field.pulang")
        # The process's end, not the running flag (which may not be up yet, under load).
        await until(pilot, lambda: (tmp_path / "from-field.pulang").exists(), timeout=60)
        await _by_file(pilot, app, "in", tmp_path / "from-jakarta.pulang")
        await until(pilot, lambda: any("1 conflict to decide" in n for n in notes(app)),
                    timeout=60)
        await _to_decide(pilot, app)
        await _open_decision(pilot, app)
        await pilot.press("m")  # mine: the field's number
        await until(pilot, lambda: not isinstance(app.screen, DecideScreen))
        await until(pilot, lambda: not app.sync_conflicts)
        await _by_file(pilot, app, "out", tmp_path / "decided.pulang")
        await until(pilot, lambda: (tmp_path / "decided.pulang").exists(), timeout=60)

    from_file(jakarta, tmp_path / "from-field.pulang")
    assert worker.id in conflicts(jakarta)
    from_file(jakarta, tmp_path / "decided.pulang")
    assert conflicts(jakarta) == {}
    assert jakarta.get(Worker, worker.id).phone == "+6281234500002"
    assert [e for e in jakarta.history(worker.id) if e.action == audit.DECIDED]


async def test_a_file_altered_or_cut_is_refused_in_the_app(make_site: Callable[..., Database],
                                                           tmp_path: Path) -> None:
    from tui.app import PulangApp

    jakarta, field = _pair(make_site, tmp_path)
    data = (tmp_path / "first.pulang").read_bytes()
    altered = bytearray(data)
    altered[len(data) // 2] ^= 1
    (tmp_path / "altered.pulang").write_bytes(bytes(altered))
    (tmp_path / "cut.pulang").write_bytes(data[: len(data) // 2])
    before = field.path.read_bytes()
    app = PulangApp(field)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.db is not None and app.screen.query("#today"))
        for name, reason in (("altered", "altered"), ("cut", "cut short")):
            await _by_file(pilot, app, "in", tmp_path / f"{name}.pulang")
            assert any(reason in n for n in notes(app)), notes(app)
            assert app.sync_failure
    assert field.path.read_bytes() == before

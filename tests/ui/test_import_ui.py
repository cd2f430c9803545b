"""Adding workers to a case from a pasted list, by keys: mapped, checked, confirmed."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from store.db.database import Database
from tests.bounded import within
from tests.ui_helpers import find_and_open, screen_text, until
from tests.ui_helpers import paste as paste_text
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.case import CaseScreen
from tui.screens.import_workers import ImportWorkersScreen
from tui.screens.today import TodayScreen


async def test_a_pasted_list_is_checked_and_added_only_on_yes(demo_db: Database,
                                                             tmp_path: Path) -> None:
    case = demo_db.case_by_ref("LA-2026-0001")
    assert case is not None
    before = {w.full_name for w in demo_db.workers_of(case.id)}
    listed = tmp_path / "list.csv"
    listed.write_bytes("Nama;Jenis Kelamin;No. HP\nJosé Baru;P;0812-3456-7890\n"
                       "Hendra Gunawan;L;\nAri;L;12\n".encode("cp1252"))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await find_and_open(pilot, "LA-2026-0001")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.press("I")
        await until(pilot, lambda: isinstance(app.screen, ImportWorkersScreen))
        screen = app.screen
        await paste_text(pilot, str(listed))  # on the File line at once
        await pilot.press("enter")  # then read it
        await until(pilot, lambda: len(screen.rows) == 3)
        shown = screen_text(app)
        assert "Windows-1252" in shown and "1 of 3 rows can be added" in shown
        assert "Hendra Gunawan is already a worker of this case" in shown
        assert [s.value for s in screen.query("#import-mapping Select").results(Select)] == [
            "full_name", "sex", "phone"]
        assert {w.full_name for w in demo_db.workers_of(case.id)} == before  # nothing yet
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.screen.question == ("Add 1 worker to this case? 2 rows with problems are "
                                       "left out.")
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen)
        assert {w.full_name for w in demo_db.workers_of(case.id)} == before
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: "José Baru" in screen_text(app))
    assert {w.full_name for w in demo_db.workers_of(case.id)} == before | {"José Baru"}


def test_lists_that_are_not_lists_are_said_on_the_screen_and_the_app_keeps_running(
        demo_db: Database, tmp_path: Path) -> None:
    """A device, random bytes, a file over the limit, a line of 200 KB, a paste over the
    limit: each said in the status line, the app still there. In a thread with a time limit
    and a memory cap: reading /dev/zero whole would otherwise hang the test (and fill memory)."""
    case = demo_db.case_by_ref("LA-2026-0001")
    assert case is not None
    before = {w.full_name for w in demo_db.workers_of(case.id)}
    noise = tmp_path / "noise.csv"
    noise.write_bytes(random.Random(8).randbytes(2000))
    large = tmp_path / "large.csv"
    large.write_bytes(b"Nama;Catatan\nDewi Anggraini;" + b"x" * (5 * 1024 * 1024))
    long_line = tmp_path / "long.csv"
    long_line.write_bytes(b"Nama;No. HP\nDewi Anggraini;0812-3456-7890\n" + b"A" * 200_000
                          + b";0812-3456-7891\n")
    good = tmp_path / "good.csv"
    good.write_bytes(b"Nama\nWulan Baru\n")

    async def scenario() -> list[str]:
        said: list[str] = []
        app = PulangApp(demo_db)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db)
            await find_and_open(pilot, "LA-2026-0001")
            await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
            await pilot.press("I")
            await until(pilot, lambda: isinstance(app.screen, ImportWorkersScreen))
            screen = app.screen
            assert isinstance(screen, ImportWorkersScreen)
            status = screen.query_one("#import-status", Static)
            file_line = screen.query_one("#import-file", Input)

            async def read(path: Path) -> str:
                file_line.value = str(path)
                status.update("")
                await pilot.press("ctrl+r")
                await until(pilot, lambda: str(status.render()).strip())
                return str(status.render())

            assert "1 of 1 rows can be added" in await read(good)
            for path in (Path("/dev/zero"), noise, large):
                said.append(await read(path))
                assert screen.rows == [] and screen.listed is None  # nothing left to add
                assert app.is_running and app.screen is screen
            said.append(await read(long_line))
            assert [r.ok for r in screen.rows] == [True, False]
            said.append("; ".join(screen.rows[1].problems))
            file_line.value = ""
            paste = screen.query_one("#import-paste", TextArea)
            paste.text = "Dewi\ud800 Anggraini\n"  # no file holds a lone surrogate
            await pilot.press("ctrl+r")
            await until(pilot, lambda: len(screen.rows) == 1)
            said.append(screen.rows[0].name)
            line = "Dewi Anggraini;" + "x" * 1009 + "\n"  # 1 KB a line, 5 MB and one line
            paste.text = line * (5 * 1024 + 1)
            await pilot.press("ctrl+r")
            await until(pilot, lambda: "larger than" in str(status.render()))
            said.append(str(status.render()))
            await pilot.press("ctrl+s")  # nothing to add: no dialog, nothing written
            await pilot.pause()
            assert app.screen is screen and "Nothing to add" in str(status.render())
            assert app.is_running
        return said

    said = within(120, lambda: asyncio.run(scenario()))
    assert "/dev/zero is not a file but a device, a pipe or a folder" in said[0]
    assert "it holds binary data, not text" in said[1]
    assert "larger than 5 MB, more than any list of workers" in said[2]
    assert "1 of 2 rows can be added" in said[3]
    assert said[4] == "Full name: is too long: at most 200 characters, this has 200000"
    assert said[5] == "Dewi\ufffd Anggraini"  # shown as �, not an encoding error
    assert "larger than 5 MB, more than any list of workers" in said[6]
    assert {w.full_name for w in demo_db.workers_of(case.id)} == before


async def open_import(app: PulangApp, pilot: Pilot[None]) -> ImportWorkersScreen:
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    await find_and_open(pilot, "LA-2026-0001")
    await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
    await pilot.press("I")
    await until(pilot, lambda: isinstance(app.screen, ImportWorkersScreen))
    assert isinstance(app.screen, ImportWorkersScreen)
    return app.screen


def shown(app: PulangApp) -> str:
    """The screen's text with its line breaks and padding as single spaces (a long status
    wraps at 80 columns)."""
    return " ".join(screen_text(app).split())


async def test_a_path_typed_first_goes_to_the_file_line_and_a_pasted_one_is_read_as_the_file(
        demo_db: Database, tmp_path: Path) -> None:
    case = demo_db.case_by_ref("LA-2026-0001")
    assert case is not None
    listed = tmp_path / "daftar.csv"
    listed.write_bytes(b"Nama;No. HP\nWulan Baru;0812-3456-7890\nSekar Baru;\n")
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        file_line = screen.query_one("#import-file", Input)
        paste = screen.query_one("#import-paste", TextArea)
        assert app.focused is file_line  # typing a path at once goes to the File line
        await paste_text(pilot, str(listed))
        await pilot.press("enter")
        await until(pilot, lambda: len(screen.rows) == 2)
        assert paste.text == "" and [r.name for r in screen.rows] == ["Wulan Baru",
                                                                      "Sekar Baru"]
        # The same path pasted into the list box: the file is read, not a worker made of it.
        file_line.value = ""
        paste.text = f"{listed}\n"
        screen.rows = []
        await pilot.press("ctrl+r")
        await until(pilot, lambda: len(screen.rows) == 2)
        assert [r.name for r in screen.rows] == ["Wulan Baru", "Sekar Baru"]
        assert file_line.value == str(listed) and paste.text == ""
        status = str(screen.query_one("#import-status", Static).content)  # whole: a long
        # path makes it longer than the lines the screen gives it (the temporary folder of a
        # test run in parallel is longer)
        assert f"The box held a file's path, not a list: {listed} is read as the file." \
            in " ".join(status.split())
        # A path to a file that is not there: said, and no row.
        file_line.value = ""
        paste.text = "~/Unduhan/daftar pmi.xlsx"
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.rows == [])
        assert "Cannot read" in shown(app) and "daftar pmi.xlsx" in shown(app)
        assert {w.full_name for w in demo_db.workers_of(case.id)}.isdisjoint(
            {str(listed), "Wulan Baru"})


async def test_a_column_no_field_takes_is_said_with_its_values_until_given_a_field_or_skipped(
        demo_db: Database, tmp_path: Path) -> None:
    listed = tmp_path / "daftar.csv"
    listed.write_bytes("No;Nama;Agama;Nama Ibu;Asal (Kab/Kota)\n"
                       "1;Wulan Baru;Islam;Siti;Cianjur\n"
                       "\n"  # an empty row: Sekar is on row 4 of the sheet
                       "2;Sekar Baru;Hindu;;Tabanan\n".encode())
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        screen.query_one("#import-file", Input).value = str(listed)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: len(screen.rows) == 2)
        assert [s.value for s in screen.query("#import-mapping Select").results(Select)] == [
            "-", "full_name", "-", "-", "home_district"]
        assert ("Not imported, with their values: column 3 “Agama”, 2 values; column 4 “Nama "
                "Ibu”, 1 value. Give each a field below, or (skip).") in shown(app)
        # Rows as the sheet numbers them, with its own No.
        assert "4 (No. 2)" in screen_text(app)
        screen.query_one("#import-rows").focus()  # its row under the cursor, in detail
        await pilot.pause()
        assert "Row 2 (No. 1): ok" in shown(app)
        screen.query_one("#map-2", Select).value = "skip"  # not needed: no longer said
        await until(pilot, lambda: len(screen.lost) == 1)
        assert "column 3 “Agama”" not in shown(app)
        assert "Not imported, with their values: column 4 “Nama Ibu”, 1 value." in shown(app)
        await pilot.press("ctrl+s")  # a last look before the values are lost
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.screen.question == ("Add 2 workers to this case? Not imported: column 4 "
                                       "“Nama Ibu”, 1 value.")
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen)
        screen.query_one("#map-3", Select).value = "family_contact"
        await until(pilot, lambda: screen.lost == [])
        assert "Not imported" not in shown(app)
        assert screen.rows[0].worker is not None
        assert screen.rows[0].worker.family_contact == "Siti"
        assert screen.rows[0].worker.home_district == "Cianjur"

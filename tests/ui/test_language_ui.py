"""In Bahasa Indonesia, no English is left from Textual or argparse: the footer of an open
list, the palette, the screening column's title, `pulang --help`."""

from __future__ import annotations

import pytest
from textual.command import CommandInput
from textual.widgets import Select

from store.common.i18n import set_language
from store.db.database import Database
from tests.ui_helpers import paste, screen_text, today_shown, until
from tui.app import PulangApp
from tui.cli import main
from tui.screens.case import CaseScreen
from tui.screens.form import RecordForm

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message")


@pytest.mark.parametrize("args", [["--help"], ["demo", "--help"], ["export", "-h"]])
def test_help_has_no_english_of_argparse_in_indonesian(
        args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "id", *args])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cara pakai: pulang")
    assert "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
    assert not [english for english in ARGPARSE_ENGLISH if english in out]
    with pytest.raises(SystemExit):
        main(["--lang", "en", *args])
    out = capsys.readouterr().out
    assert all(english in out for english in ARGPARSE_ENGLISH[:2] + ARGPARSE_ENGLISH[3:])


def test_a_usage_error_says_how_to_use_it_in_indonesian(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "id", "check", "--no-such-option"])
    assert done.value.code == 64
    assert capsys.readouterr().err.startswith("cara pakai: pulang ")


async def test_an_open_list_and_the_palette_speak_indonesian(demo_db: Database) -> None:
    set_language("id")  # the fixture sets English back afterwards
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, RecordForm))
        await pilot.press("tab", "enter")  # the kind of case: its list opens
        await until(pilot, lambda: app.screen.query_one("#f-kind", Select).expanded)
        await until(pilot, lambda: "Tutup daftar" in screen_text(app).splitlines()[-1])
        assert "Dismiss menu" not in screen_text(app)
        await pilot.press("escape", "escape")
        await until(pilot, lambda: not isinstance(app.screen, RecordForm))

        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.query(CommandInput))
        assert app.screen.query_one(CommandInput).placeholder == "Cari perintah…"
        await until(pilot, lambda: "Cari perintah…" in screen_text(app))
        assert "Search for commands" not in screen_text(app)
        await paste(pilot, "qqzzxx")
        await until(pilot, lambda: "Tidak ada yang cocok" in screen_text(app), timeout=10)
        assert "No matches found" not in screen_text(app)


async def test_the_screening_column_has_an_indonesian_title(demo_db: Database) -> None:
    set_language("id")
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        for ref in ("TH-2026-0001", "KH-2025-0001"):  # a list of workers, and the road's grid
            case = demo_db.case_by_ref(ref)
            assert case is not None
            app.open_case(case.id)
            await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case
                        and app.screen.case.id == case.id)  # noqa: B023 - awaited here
            titles = [str(c.label).strip() for c in app.screen.query_one("#workers").columns
                      .values()]
            assert "Skr" in titles and "Scr" not in titles, titles
            app.pop_screen()
            await pilot.pause()

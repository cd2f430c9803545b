"""Cooperation agreements in the real app at 80×24 on a copy of the demo, driven by keys: moving
one along its lifecycle, comparing its draft versions, adding one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.db.database import Database
from store.domain.vocab import AgreementStatus
from store.exchange.demo import write_demo
from tests.ui_helpers import paste, screen_text, set_text, until
from tui.app import PulangApp
from tui.screens.agreements import (
    AgreementScreen,
    AgreementsScreen,
    DiffScreen,
    LineList,
    MoveDialog,
    VersionForm,
    side_rows,
    unified_lines,
)
from tui.screens.today import TodayScreen

TITLE = "KSPSI–LFTU cooperation"


async def open_agreement(pilot) -> AgreementScreen:  # type: ignore[no-untyped-def]
    """From Today: 5 for the list, Enter on the demo's one agreement."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    await pilot.press("5")
    await until(pilot, lambda: isinstance(app.screen, AgreementsScreen))
    await pilot.pause()
    assert TITLE in screen_text(app)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, AgreementScreen))
    await pilot.pause()
    return app.screen


def offered(dialog: MoveDialog) -> list[str]:
    listing = dialog.query_one("#move-list", LineList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_move_along_the_lifecycle(db_path: Path) -> None:
    write_demo(db_path).close()
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agreement(pilot)
        assert "Status: drafting since" in screen_text(app)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MoveDialog))
        assert offered(app.screen) == ["1 negotiation", "2 idea", "3 terminated"]
        # 1 chooses negotiation (the cursor goes to the date, today already), a note, Enter.
        await pilot.press("1", "tab")
        await paste(pilot, "Sent to LFTU")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgreementScreen))
        await pilot.pause()
        today = dt.date.today()
        with Database.open(db_path) as db:
            agreement = db.agreements()[0]
        assert agreement.status is AgreementStatus.NEGOTIATION
        assert agreement.history[-1].status is AgreementStatus.NEGOTIATION
        assert agreement.history[-1].on == today
        assert agreement.history[-1].note == "Sent to LFTU"
        shown = screen_text(app)
        assert "Status: negotiation since" in shown
        assert "· negotiation · Sent to LFTU" in shown
        # From negotiation: on to signed, back to drafting, or ended; never idea again.
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MoveDialog))
        assert offered(app.screen) == ["1 signed", "2 drafting", "3 terminated"]
        # A date in the future is refused in the dialog, with what was typed kept.
        tomorrow = (today + dt.timedelta(days=1)).strftime("%d/%m/%Y")
        await pilot.press("1")  # on the date, today's: cleared and tomorrow's typed instead
        assert app.focused is not None
        await set_text(pilot, app.focused, tomorrow)
        await pilot.press("tab")
        await paste(pilot, "by both")
        await pilot.press("enter")
        await until(pilot, lambda: "not be in the future" in screen_text(app))
        assert isinstance(app.screen, MoveDialog)
        assert app.screen.query_one("#move-note").value == "by both"
        await pilot.press("escape")
        with Database.open(db_path) as db:
            assert db.agreements()[0].status is AgreementStatus.NEGOTIATION


async def test_difference_between_versions(db_path: Path) -> None:
    write_demo(db_path).close()
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agreement(pilot)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, DiffScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert "Version 1 (" in shown and "→ version 2 (" in shown
        assert "- The parties cooperate to protect workers" in shown
        await pilot.press("end")
        await pilot.pause()
        shown = screen_text(app)
        assert "- This agreement is in force for three years" in shown
        assert "+ This agreement is in force for five years" in shown
        # Side by side: the earlier version on the left, the later on the right, each marked.
        await pilot.press("s", "end")
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "│" in line]
        pair = next(line for line in rows if "This agreement is in force for" in line)
        left, right = pair.split("│", 1)
        assert left.startswith("- This agreement is in force for")
        assert right.startswith("+ This agreement is in force for")
        assert "three" in left and "five" in right
        assert all(len(line.rstrip()) <= 80 for line in rows)


def test_the_difference_reads_without_colour() -> None:
    old = "one\ntwo\nthree\n"
    new = "one\n2\nthree\nfour\n"
    assert unified_lines(old, new) == [("@", "@@ -1,3 +1,4 @@"), (" ", "one"), ("-", "two"),
                                       ("+", "2"), (" ", "three"), ("+", "four")]
    assert side_rows(old, new) == [(" ", "one", " ", "one"), ("-", "two", "+", "2"),
                                   (" ", "three", " ", "three"), (" ", "", "+", "four")]


async def test_add_a_draft_version(db_path: Path) -> None:
    write_demo(db_path).close()
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agreement(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, VersionForm))
        # It starts from version 2's text: F7 selects it all, typing replaces it.
        await pilot.press("f7")
        await paste(pilot, "Article 1.\nThe parties cooperate.")
        await pilot.press("tab")
        await paste(pilot, "Third draft")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, AgreementScreen))
        await pilot.pause()
        with Database.open(db_path) as db:
            version = db.agreements()[0].draft(3)
        assert version is not None
        assert version.text == "Article 1.\nThe parties cooperate."
        assert version.note == "Third draft"
        shown = screen_text(app)
        assert "version 3 · " in shown and "· 2 lines · Third draft" in shown


async def test_a_new_version_starts_from_the_latest_text(db_path: Path) -> None:
    """v opens on the latest version's text, to edit; saving it unchanged says nothing changed
    and makes no identical version; one line changed makes version 3 of the edited text."""
    write_demo(db_path).close()
    with Database.open(db_path) as db:
        latest = db.agreements()[0].draft(2)
    assert latest is not None
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agreement(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, VersionForm))
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-text").text == latest.text
        assert "Article 1. Purpose" in screen_text(app)
        assert not form.is_dirty  # nothing typed yet: Escape would not ask
        # Saved as it is: the form says so and stays; no version 3.
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Nothing changed" in screen_text(app))
        assert app.screen is form
        assert "same as version 2" in screen_text(app)
        with Database.open(db_path) as db:
            assert [v.number for v in db.agreements()[0].versions] == [1, 2]
        # A line added at the top, then saved: version 3 is version 2 and that line.
        await pilot.press("ctrl+home")
        await paste(pilot, "Draft 3\n")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, AgreementScreen))
        with Database.open(db_path) as db:
            version = db.agreements()[0].draft(3)
        assert version is not None
        assert version.text == "Draft 3\n" + latest.text

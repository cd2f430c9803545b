"""The screening page, driven by keys alone at 80×24 on a real database in a temporary file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from store.common.i18n import set_language
from store.db.database import Database, current_user
from store.domain.records import Screening, build
from store.domain.vocab import (
    Answer,
    DecidedBy,
    IloIndicator,
    MeansOfControl,
    Platform,
    TraffickingStatus,
    label,
)
from tests.ui_helpers import a_case_to_screen, open_screening, paste, screen_text, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.conflict import ConflictScreen
from tui.dialogs.help import HelpScreen
from tui.dialogs.picker import PickerDialog
from tui.screens.case import CaseScreen
from tui.screens.lock import LockScreen
from tui.screens.screening import ROWS, ScreeningList, ScreeningScreen

NOTE = "Recruited in a Facebook job group"


async def pick(pilot: Pilot[None], text: str) -> None:
    """In the picker in front, go to the option shown as `text` and press Enter."""
    picker = pilot.app.screen
    assert isinstance(picker, PickerDialog) and not picker.multiple, type(picker)
    texts = [item.label for item in picker.items]
    await pilot.press("home", *(["down"] * texts.index(text)), "enter")
    await pilot.pause()


def said(app: PulangApp) -> list[str]:
    """The notifications shown so far."""
    return [str(n.message) for n in app._notifications]


async def test_screen_a_worker_with_keys_alone(empty_db: Database) -> None:
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        assert "Rahmat Hidayat" in screen_text(app)
        assert "Suggested: nothing yet" in screen_text(app)

        await pilot.press("y", "enter")
        await paste(pilot, NOTE)
        await pilot.press("enter")  # act: yes, with its evidence
        await pilot.press("down", "y", "down")
        assert "not yet: purpose still unknown" in screen_text(app)
        await pilot.press("space")  # purpose: from unknown to yes
        await pilot.press("down", "down", "down", "n")  # ILO 2, deception: no
        text = screen_text(app)
        assert f"Suggested: {label(TraffickingStatus.ACTUAL)}" in text
        assert "act, means and purpose established" in text
        assert NOTE in text
        assert "[N]  2 deception" in text
        assert "not saved" in text

        await pilot.press("m")  # the means of control: a list of ticks
        assert isinstance(app.screen, PickerDialog) and app.screen.multiple
        await pilot.press("down", "down", "down", "space", "enter")  # debt bondage
        await pilot.press("r")  # the recruitment: which of three, then that one's list
        await pick(pilot, f"{Screening.field_label('platform')}: –")
        await pick(pilot, "Telegram")

        await pilot.press("c")  # confirm the suggestion: who decided?
        assert isinstance(app.screen, PickerDialog) and not app.screen.multiple
        assert "victim of trafficking: who decided?" in screen_text(app)
        await pick(pilot, label(DecidedBy.NGO))
        assert isinstance(app.screen, ScreeningScreen)
        assert f"Decision: {label(TraffickingStatus.ACTUAL)} · by {label(DecidedBy.NGO)}" \
            in screen_text(app)

        await pilot.press("ctrl+s")
        await until(pilot, lambda: empty_db.screening_of(rahmat.id) is not None)
        await pilot.pause()
        assert "· saved" in screen_text(app), "saving stays on the page"
        assert app.screen is screen
        await pilot.press("escape")  # nothing unsaved: straight back to the case
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)

    saved = empty_db.screening_of(rahmat.id)
    assert saved is not None
    assert (saved.act, saved.means, saved.purpose) == (Answer.YES,) * 3
    assert saved.act_evidence == NOTE
    assert saved.ilo_deception is Answer.NO
    assert saved.means_of_control == [MeansOfControl.DEBT_BONDAGE]
    assert saved.platform is Platform.TELEGRAM
    assert (saved.status, saved.decided_by) == (TraffickingStatus.ACTUAL, DecidedBy.NGO)
    assert saved.screened_by == current_user()
    assert saved.case_id == case.id


async def test_an_override_needs_a_reason_and_nothing_is_lost(empty_db: Database) -> None:
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        await pilot.press("y", "down", "y", "down", "y")
        await pilot.press("o")  # another status than the one suggested
        await pick(pilot, label(TraffickingStatus.POSSIBLE))
        await pick(pilot, label(DecidedBy.POLICE))
        assert screen.editing == "status_note", "it asks why at once"
        await pilot.press("escape")  # ...but the officer does not say
        assert screen.editing is None
        assert "the decision differs: w says why" in screen_text(app)

        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.error != "")
        text = screen_text(app)
        assert "Not saved" in text and "say why" in text
        assert isinstance(app.screen, ScreeningScreen)
        assert empty_db.screening_of(rahmat.id) is None
        # Everything typed is still there.
        assert f"Decision: {label(TraffickingStatus.POSSIBLE)} · by police" in text
        assert text.count("[Y]") == 3

        await pilot.press("w")
        await paste(pilot, "Still verifying with the police")
        await pilot.press("enter")
        assert "say why" not in screen_text(app), "the message goes once it is answered"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: empty_db.screening_of(rahmat.id) is not None)
    saved = empty_db.screening_of(rahmat.id)
    assert saved is not None
    assert (saved.status, saved.decided_by) == (TraffickingStatus.POSSIBLE, DecidedBy.POLICE)
    assert saved.status_note == "Still verifying with the police"
    assert (saved.act, saved.means, saved.purpose) == (Answer.YES,) * 3


@pytest.mark.parametrize("language", ["en", "id"])
async def test_the_whole_page_fits_80_by_24(empty_db: Database, language: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # and reads without colour
    set_language(language)
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        rows = screen.query_one(ScreeningList)
        assert rows.size.height >= len(ROWS), "every row on the page, none scrolled away"
        await pilot.press("end")  # the last row, still without scrolling
        await pilot.press("n")  # a choice, not a question: nothing answered
        text = screen_text(app)
        lines = text.splitlines()
        assert len(lines) == 24
        assert lines[len(ROWS)].startswith("›     "), "the last row, under the cursor"
        assert lines[1].startswith("  [?]")
        assert "[N]" not in text
        if language == "en":
            for name in ("Act", "Means", "Purpose", "Under 18 when recruited",
                         *(label(ind) for ind in IloIndicator), "Means of control",
                         "Recruitment", "Suggested:", "Decision:", "Screened on"):
                assert name in text, name
        await pilot.press("home", "n")
        assert screen_text(app).splitlines()[1].startswith("› [N]"), \
            "the cursor and the answer show in characters, not colour"


async def test_the_next_worker_asks_before_dropping_answers(empty_db: Database) -> None:
    case, rahmat, siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        await pilot.press("y")
        await pilot.press("pagedown")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        assert app.screen is screen and screen.worker_id == rahmat.id
        assert screen_text(app).splitlines()[1].startswith("› [Y]")
        await pilot.press("right_square_bracket", "y")  # ] is PageDown too; y discards
        await pilot.pause()
        assert screen.worker_id == siti.id
        text = screen_text(app)
        assert "Siti Nurhaliza" in text and "Rahmat" not in text
        assert "child" in text, "16 years old: a child, so no means needed"
        await pilot.press("y", "down", "down", "y")
        assert f"Suggested: {label(TraffickingStatus.ACTUAL)}" in screen_text(app)
        await pilot.press("pagedown")
        assert "This is the last worker of the case." in said(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    assert empty_db.screenings_of(case.id) == {}


async def test_another_officers_screening_is_shown_before_anything_is_overwritten(
        db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    case, rahmat, _siti = a_case_to_screen(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screening(app, pilot, case, rahmat)
        await pilot.press("y", "enter")
        await paste(pilot, NOTE)
        await pilot.press("enter")
        with Database.open(db_path) as other:  # another officer screens the same worker
            other.save_screening(build(Screening, {
                "case_id": case.id, "worker_id": rahmat.id, "act": "no",
                "act_evidence": "Travelled on his own"}))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await until(pilot, lambda: "Travelled on his own" in screen_text(app))
        assert "Recruited in a Facebook j" in screen_text(app), "theirs beside mine"
        await pilot.press("m")  # keep mine, on top of theirs
        await until(pilot, lambda: isinstance(app.screen, ScreeningScreen)
                    and app.screen.stored is not None and app.screen.stored.version == 2)
    (saved,) = db.screenings_of(case.id).values()
    assert (saved.act, saved.act_evidence, saved.version) == (Answer.YES, NOTE, 2)
    db.close()


async def test_help_lists_the_keys_and_the_palette_asks_before_leaving(
        empty_db: Database) -> None:
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        for description in ("Confirm", "Other status", "Why this status", "Next worker",
                            "Means of control", "Evidence or choice", "Unknown"):
            assert description in keys, description
        await pilot.press("escape")
        await pilot.press("y")
        app.after_leaving_forms(app.show_cases)()  # what the palette's "Cases" runs
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog), "unsaved answers are asked about"
        await pilot.press("n")
        assert app.screen is screen


async def test_locking_with_the_screening_open_hides_it(empty_db: Database) -> None:
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screening(app, pilot, case, rahmat)
        await pilot.press("y", "enter")
        await paste(pilot, NOTE)  # in the middle of a note
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LockScreen))
        await pilot.pause()
        assert [type(s) for s in app.screen_stack[1:]] == [LockScreen]
        text = screen_text(app)
        assert "Rahmat" not in text and NOTE not in text
        await pilot.press("enter")  # not encrypted: Enter returns
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    assert empty_db.screening_of(rahmat.id) is None


async def test_keys_typed_faster_than_the_screen_draws_go_where_they_were_meant(
        empty_db: Database) -> None:
    """Keys arriving in one burst (a fast typist, a paste of keystrokes, a remote terminal):
    after Enter opens the note, the letters go into it; after Enter keeps it, back to the
    questions."""
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        burst = [("y", "y"), ("enter", "\r"),
                 *((c if c != " " else "space", c) for c in NOTE),
                 ("enter", "\r"), ("down", None), ("n", "n"), ("e", "e"), *(("x", "x"),) * 3,
                 ("escape", "\x1b"), ("down", None), ("y", "y")]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: screen.data["purpose"] is Answer.YES)
        assert screen.editing is None
        assert (screen.data["act"], screen.data["act_evidence"]) == (Answer.YES, NOTE)
        assert (screen.data["means"], screen.data["means_evidence"]) == (Answer.NO, "")
        # Ctrl+S straight after the note: saved with the note in it.
        for key, character in [("enter", "\r"), *((c, c) for c in "Scamming"),
                               ("ctrl+s", None)]:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: empty_db.screening_of(rahmat.id) is not None)
    saved = empty_db.screening_of(rahmat.id)
    assert saved is not None
    assert (saved.act_evidence, saved.purpose, saved.purpose_evidence) == (
        NOTE, Answer.YES, "Scamming")


async def test_ticks_typed_in_a_burst_are_all_kept(empty_db: Database) -> None:
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screening(app, pilot, case, rahmat)
        await pilot.press("m")
        assert isinstance(app.screen, PickerDialog) and app.screen.multiple
        for key, character in [("down", None), ("space", " "), ("down", None),
                               ("space", " "), ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: app.screen is screen and screen.data["means_of_control"])
        assert screen.data["means_of_control"] == [MeansOfControl.THREATS_LAW_ENFORCEMENT,
                                                   MeansOfControl.THREATENS_FAMILY]
        await pilot.pause()  # the keys' last echoes settle before the app closes

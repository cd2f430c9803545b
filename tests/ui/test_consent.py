"""Consent, referrals and the case's stage, through the real app at 80×24, keys only.

A worker's consent names the kinds of recipient their data may go to (never media or
recruiters); a referral naming a worker without that consent goes only on the officer's say,
recorded in the entry; a stage set against the workers' steps needs a reason, written to the log;
a case with open steps cannot be closed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Checkbox, Input, Select, SelectionList

from store.db.database import Database
from store.domain.records import Case, Consent, Worker, build
from store.domain.vocab import Direction, LogKind, RecipientKind, Stage, label
from tests.ui_helpers import (
    a_case,
    choose,
    fill,
    focus,
    open_case,
    paste,
    screen_text,
    tick,
    type_passphrase,
    until,
)
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.reason import ReasonDialog
from tui.screens.case import CaseScreen
from tui.screens.case.case_form import CaseForm
from tui.screens.case.consent_form import ConsentForm
from tui.screens.case.log_form import LogEntryForm
from tui.screens.lock import LockScreen


def consent(db: Database, case: Case, worker: Worker, *kinds: RecipientKind) -> Consent:
    return db.save_consent(build(Consent, {
        "case_id": case.id, "worker_id": worker.id, "taken_by": "Dewi, KSPSI desk",
        "recipients": list(kinds)}))


async def referral(pilot, to: str, *workers: str) -> None:  # type: ignore[no-untyped-def]
    """In a new log entry form: a referral to a kind of recipient, naming workers."""
    await choose(pilot, "kind", "referral")
    await fill(pilot, "counterpart_org", "Desk Ketenagakerjaan Polri")
    await choose(pilot, "counterpart_kind", to)
    await fill(pilot, "summary", "Sent the group's details for the interviews")
    for name in workers:
        await tick(pilot, "worker_ids", name)


async def test_a_consent_is_recorded_for_the_worker_under_the_cursor(empty_db: Database) -> None:
    case, (worker,) = a_case(empty_db, "Rahmat Hidayat")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConsentForm))
        form = app.screen
        offered = form.query_one("#f-recipients", SelectionList)
        prompts = [str(offered.get_option_at_index(i).prompt) for i in range(offered.option_count)]
        assert "police" in prompts and "family" in prompts
        assert "media" not in prompts and "recruiter" not in prompts
        assert not any(p.startswith("other") for p in prompts)
        assert "Media and recruiters never receive personal data." in screen_text(app)
        assert form.query_one("#f-taken_by", Input).value == "", "not the login name"
        assert form.query_one("#f-given_on", Input).value == dt.date.today().strftime("%d/%m/%Y")

        await pilot.press("ctrl+s")  # who took it is required
        await pilot.pause()
        assert app.screen is form
        assert empty_db.consent_of(worker.id) is None

        await fill(pilot, "taken_by", "Dewi, KSPSI migrant desk")
        await fill(pilot, "language", "Bahasa Indonesia")
        await tick(pilot, "recipients", "police")
        await tick(pilot, "recipients", "family")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))

        saved = empty_db.consent_of(worker.id)
        assert saved is not None
        assert saved.recipients == [RecipientKind.POLICE, RecipientKind.FAMILY]
        assert saved.taken_by == "Dewi, KSPSI migrant desk"
        assert saved.language == "Bahasa Indonesia"
        assert saved.active

        # Opened again, it shows what was saved; a date in "withdrawn on" withdraws it.
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConsentForm))
        assert set(app.screen.query_one("#f-recipients", SelectionList).selected) == {
            RecipientKind.POLICE, RecipientKind.FAMILY}
        await fill(pilot, "withdrawn_on", dt.date.today().strftime("%d/%m/%Y"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        withdrawn = empty_db.consent_of(worker.id)
        assert withdrawn is not None and withdrawn.id == saved.id
        assert not withdrawn.allows(RecipientKind.POLICE)


async def test_the_consent_form_has_help_and_comes_back_after_a_lock(empty_db: Database) -> None:
    case, (worker,) = a_case(empty_db, "Siti Nurhaliza Putri")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConsentForm))
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConsentForm))

        await fill(pilot, "taken_by", "Dewi")
        await tick(pilot, "recipients", "embassy or ministry")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LockScreen))
        assert "Siti" not in screen_text(app)
        await type_passphrase(pilot, "")
        await until(pilot, lambda: isinstance(app.screen, ConsentForm)
                    and app.screen.query_one("#f-taken_by", Input).value)
        form = app.screen
        assert form.query_one("#f-taken_by", Input).value == "Dewi"
        assert list(form.query_one("#f-recipients", SelectionList).selected) == [
            RecipientKind.EMBASSY]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        saved = empty_db.consent_of(worker.id)
        assert saved is not None and saved.recipients == [RecipientKind.EMBASSY]


async def test_a_referral_without_consent_asks_and_records_the_override(
        empty_db: Database) -> None:
    case, (rahmat, joko) = a_case(empty_db, "Rahmat Hidayat", "Joko Susanto")
    consent(empty_db, case, joko, RecipientKind.POLICE)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        form = app.screen
        assert "for an entry sent: decides whose consent is needed" in screen_text(app)
        await referral(pilot, "police", "Rahmat Hidayat", "Joko Susanto")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = app.screen.question
        assert "Rahmat Hidayat" in question and "police" in question
        assert "Joko" not in question, "his consent covers the police"
        assert "Rahmat Hidayat: no consent to share personal data" in screen_text(app)

        await pilot.press("n")
        await until(pilot, lambda: app.screen is form)
        assert empty_db.log_of(case.id) == []
        assert form.query_one("#f-summary").text == "Sent the group's details for the interviews"
        assert set(form.query_one("#f-worker_ids", SelectionList).selected) == {rahmat.id, joko.id}
        assert "no consent" in screen_text(app)

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        (entry,) = empty_db.log_of(case.id)
        assert entry.kind is LogKind.REFERRAL
        assert entry.counterpart_kind is RecipientKind.POLICE
        assert entry.consent_override == [rahmat.id]
        assert set(entry.worker_ids) == {rahmat.id, joko.id}


TEN = ("Rizky Pratama Nugroho", "Dewi Anggraini Siregar", "Muhammad Fajar Hidayat",
       "Sri Wahyuningsih", "Agus Setiawan Lubis", "Yohanes Kristianto Manek",
       "Nur Aisyah Ramadhani", "Bayu Saputra Harahap", "Putu Eka Wardana", "Fitriani Rahmawati")


async def a_message_about_all_ten(pilot, direction: str | None) -> None:  # type: ignore[no-untyped-def]
    """In a new log entry form: a message to the police desk naming the ten workers."""
    await choose(pilot, "kind", "message")
    if direction is not None:
        await choose(pilot, "direction", direction)
    await fill(pilot, "counterpart_org", "Desk Ketenagakerjaan Polri")
    await choose(pilot, "counterpart_kind", "police")
    await fill(pilot, "summary", "The list of names and home districts, as the desk asked")
    selection = pilot.app.screen.query_one("#f-worker_ids", SelectionList)
    for option in range(selection.option_count):  # Space on each, as the officer would
        await focus(pilot, "worker_ids")
        selection.highlighted = option
        await pilot.press("space")


async def test_a_message_sent_to_the_police_without_consent_asks_like_a_referral(
        empty_db: Database) -> None:
    """The trap of the issue: a message, not a referral, to the police desk naming all ten
    workers, none of whom consented to the police. The app asks; no keeps the form as typed
    and saves nothing; yes saves it with the override on record, shown in the log."""
    case, workers = a_case(empty_db, *TEN)
    consent(empty_db, case, workers[0], RecipientKind.EMBASSY)  # not the police
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        form = app.screen
        await a_message_about_all_ten(pilot, "sent")
        assert set(form.query_one("#f-worker_ids", SelectionList).selected) == {
            w.id for w in workers}
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = app.screen.question
        assert question.startswith("Agus Setiawan Lubis, Bayu Saputra Harahap, ")
        assert "and 5 more: no consent to share personal data with police. Share anyway?" \
            in question
        shown = screen_text(app)  # all of it on an 80×24 screen, the buttons too
        assert "Agus Setiawan Lubis, Bayu Saputra Harahap" in shown and "the log." in shown
        assert "Share anyway (y)" in shown and "Back to the form (n)" in shown

        await pilot.press("n")
        await until(pilot, lambda: app.screen is form)
        assert empty_db.log_of(case.id) == []
        assert form.query_one("#f-summary").text == (
            "The list of names and home districts, as the desk asked")
        assert set(form.query_one("#f-worker_ids", SelectionList).selected) == {
            w.id for w in workers}
        assert form.query_one("#f-direction", Select).value is Direction.SENT
        assert "Not saved: Agus Setiawan Lubis" in str(
            form.query_one("#form-status").render())

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: app.screen is screen and screen.entries)
        (entry,) = empty_db.log_of(case.id)
        assert (entry.kind, entry.direction) == (LogKind.MESSAGE, Direction.SENT)
        assert sorted(entry.consent_override) == sorted(w.id for w in workers)
        (created,) = empty_db.history(entry.id)
        assert created.fields["consent_override"]["new"] == entry.consent_override
        await pilot.pause()
        shown = screen_text(app)
        assert "→ message" in shown and "[no consent]" in shown
        assert "Sent without consent, on the officer's say: Agus" in shown


async def test_a_call_received_from_the_police_does_not_ask_and_one_of_no_direction_is_refused(
        empty_db: Database) -> None:
    case, workers = a_case(empty_db, *TEN)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        form = app.screen
        await a_message_about_all_ten(pilot, None)
        await choose(pilot, "kind", "call")
        await pilot.press("ctrl+s")  # which way it went decides: the field says so, in red
        await until(pilot, lambda: "say whether it was sent or received" in screen_text(app))
        assert app.screen is form and empty_db.log_of(case.id) == []

        await choose(pilot, "direction", "received")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen and screen.entries)
        (entry,) = empty_db.log_of(case.id)
        assert entry.direction is Direction.RECEIVED and entry.consent_override == []
        assert len(entry.worker_ids) == 10
        assert "← call" in screen_text(app)


async def test_a_referral_covered_by_consent_does_not_ask(empty_db: Database) -> None:
    case, (worker,) = a_case(empty_db, "Rahmat Hidayat")
    consent(empty_db, case, worker, RecipientKind.POLICE, RecipientKind.FAMILY)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        await referral(pilot, "police", "Rahmat Hidayat")
        await focus(pilot, "awaiting_reply")
        await pilot.press("space")
        assert app.screen.query_one("#f-awaiting_reply", Checkbox).value
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, LogEntryForm))
        assert isinstance(app.screen, CaseScreen), "no question: the consent covers it"
        (entry,) = empty_db.log_of(case.id)
        assert entry.worker_ids == [worker.id]
        assert entry.consent_override == []
        assert entry.awaiting_reply

        # Opened again, the form shows the kind and the box as saved; Space unticks it.
        await pilot.press("tab")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        form = app.screen
        assert form.query_one("#f-awaiting_reply", Checkbox).value
        assert "police" in screen_text(app)
        await focus(pilot, "awaiting_reply")
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        (entry,) = empty_db.log_of(case.id)
        assert not entry.awaiting_reply


async def test_a_referral_naming_workers_never_goes_to_the_media(empty_db: Database) -> None:
    case, (worker,) = a_case(empty_db, "Rahmat Hidayat")
    consent(empty_db, case, worker, RecipientKind.POLICE)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        form = app.screen
        await referral(pilot, "media", "Rahmat Hidayat")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Media and recruiters never receive" in screen_text(app))
        assert app.screen is form, "no question to override: the form stays"
        assert empty_db.log_of(case.id) == []
        assert form.query_one("#f-summary").text == "Sent the group's details for the interviews"


async def test_a_stage_set_against_the_steps_asks_why_and_logs_it(empty_db: Database) -> None:
    case, workers = a_case(empty_db, "Rahmat Hidayat", "Joko Susanto")
    empty_db.start_plans(case.id)
    derived = empty_db.derived_stage(case.id)
    assert derived is not None and derived.stage is not Stage.IN_SHELTER
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseForm))
        form = app.screen
        await choose(pilot, "stage", "in shelter")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReasonDialog))
        message = app.screen.message
        assert "\u201cin shelter\u201d" in message and f"\u201c{label(derived.stage)}\u201d" in message
        assert "Why this stage?" in screen_text(app)

        await pilot.press("enter")  # an empty reason is refused
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert "a reason is needed" in screen_text(app)
        await pilot.press("escape")  # back to the form, nothing saved
        await until(pilot, lambda: app.screen is form)
        assert empty_db.get(Case, case.id).stage is derived.stage
        assert empty_db.log_of(case.id) == []

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await paste(pilot, "KBRI moved them to the shelter")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        saved = empty_db.get(Case, case.id)
        assert saved.stage is Stage.IN_SHELTER and saved.stage_override
        (entry,) = empty_db.log_of(case.id)
        assert "KBRI moved them to the shelter" in entry.summary


async def test_a_case_with_open_steps_cannot_be_closed(empty_db: Database) -> None:
    case, workers = a_case(empty_db, "Rahmat Hidayat")
    empty_db.start_plans(case.id)
    before = empty_db.get(Case, case.id)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseForm))
        form = app.screen
        await choose(pilot, "stage", "closed")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "cannot be closed" in str(
            form.query_one("#form-status").render()))
        assert app.screen is form
        assert "Rahmat Hidayat" in str(form.query_one("#form-status").render())
        assert empty_db.get(Case, case.id).stage is before.stage
        assert empty_db.log_of(case.id) == []


async def test_the_reply_box_says_yes_or_no_in_characters_under_no_color(
        empty_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    case, _workers = a_case(empty_db, "Rahmat Hidayat")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        await fill(pilot, "summary", "Asked KBRI about the travel documents")
        await focus(pilot, "awaiting_reply")
        assert "\u2590 \u258c No" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "\u2590X\u258c Yes" in screen_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        (entry,) = empty_db.log_of(case.id)
        assert entry.awaiting_reply and entry.kind is LogKind.CALL

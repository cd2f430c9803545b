"""Family inquiries in the app (issue 33): the demo's inquiry shows on Today for an officer to
confirm, Enter opens it, `c` confirms the worker, `t` records that the family was told, refused
without the worker's consent naming the family and done once it does; an inquirer whose phone is
in the registry is warned of, and `t` asks a reason; the list on key 8 and its form.

The real app at 80×24 on the demo (or on a temporary database), driven by keys."""

from __future__ import annotations

import datetime as dt

from textual.pilot import Pilot

from store.common import clock
from store.db.database import Database
from store.domain import Actor, Identifier, Inquiry, RecipientKind, Worker, build
from tests.ui_helpers import fill, notes, palette_offers, paste, screen_text, today_shown, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.reason import ReasonDialog
from tui.screens.case import CaseScreen
from tui.screens.directory import SectionList
from tui.screens.inquiries import InquiriesScreen, InquiryForm, InquiryScreen
from tui.screens.today import TodayList, TodayScreen

SOUGHT = "Yohanis Kristianto Manek"


def the_inquiry(db: Database) -> Inquiry:
    return next(q for q in db.inquiries() if q.sought_name == SOUGHT)


def the_worker(db: Database) -> Worker:
    """The demo's worker 10 of KH-2025-0001, the one the mother seeks."""
    case = next(c for c in db.case_rows() if c.ref == "KH-2025-0001")
    return next(w for w in db.workers_of(case.id) if "Manek" in w.full_name)


def family_consents(db: Database, worker: Worker) -> None:
    """The worker agrees, again, that their family may be told (the demo's withdrew)."""
    consent = db.consent_of(worker.id)
    assert consent is not None
    db.save_consent(consent.model_copy(update={
        "withdrawn_on": None, "recipients": [*consent.recipients, RecipientKind.FAMILY]}))


async def open_from_today(pilot: Pilot[None]) -> InquiryScreen:
    """Today, the section's line under the cursor, Enter."""
    app = pilot.app
    today = await today_shown(pilot)
    await until(pilot, lambda: today.waiting)
    await pilot.pause()
    listing = today.query_one(TodayList)
    key = next(k for k in today.records if k.startswith("q:"))
    listing.cursor_to(key)  # as Up and Down would
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, InquiryScreen) and app.screen.seen)
    await pilot.pause()
    return app.screen  # type: ignore[return-value]


async def on_worker(pilot: Pilot[None], page: InquiryScreen, worker: Worker) -> None:
    page.query_one(SectionList).cursor_to(f"w:{worker.id}")
    await pilot.pause()


async def confirm(pilot: Pilot[None], page: InquiryScreen, worker: Worker) -> None:
    await on_worker(pilot, page, worker)
    await pilot.press("c")
    await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
    await pilot.press("y")
    await until(pilot, lambda: page.seen is not None and page.seen.found is not None)
    await pilot.pause()


async def test_the_demo_s_inquiry_is_confirmed_from_today_and_told_with_consent(
        demo_db: Database) -> None:
    inquiry, worker = the_inquiry(demo_db), the_worker(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        today = await today_shown(pilot)
        await until(pilot, lambda: today.waiting)
        await pilot.pause()
        today.query_one(TodayList).cursor_to(next(k for k in today.records
                                                  if k.startswith("q:")))  # as Down would
        await pilot.pause()
        shown = screen_text(app)
        assert "Family inquiries to confirm (1)" in shown
        line = next(x for x in shown.splitlines() if "KH-2025-0001" in x and "Yohanis" in x)
        assert "worker 10" in line and "sought by Mari" in line
        page = await open_from_today(pilot)
        shown = screen_text(app)
        assert "Maria Goreti Bria" in shown and "Possible matches (1)" in shown
        assert "⚠" not in shown  # her number is in no registry

        await confirm(pilot, page, worker)
        assert demo_db.inquiry(inquiry.id).worker_id == worker.id
        assert demo_db.inquiry(inquiry.id).told_family_on is None  # never by itself

        await pilot.press("t")  # his consent was withdrawn: refused, said in words
        await until(pilot, lambda: any("consent" in n for n in notes(app)))
        assert demo_db.inquiry(inquiry.id).told_family_on is None

        family_consents(demo_db, worker)
        page.reload()
        await until(pilot, lambda: page.seen is not None and page.seen.family_consent)
        await pilot.press("t")
        await until(pilot, lambda: demo_db.inquiry(inquiry.id).told_family_on is not None)
        assert demo_db.inquiry(inquiry.id).told_family_on == clock.today()

        await on_worker(pilot, page, worker)  # Enter on the worker: their case
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))


async def test_an_inquirer_in_the_registry_is_warned_of_and_telling_asks_why(
        demo_db: Database) -> None:
    inquiry, worker = the_inquiry(demo_db), the_worker(demo_db)
    ken = demo_db.save(build(Actor, {"name": "Ken Susanto", "role": "recruiter",
                                     "source": "worker_statement", "certainty": "alleged"}))
    demo_db.save(build(Identifier, {"kind": "phone", "value": inquiry.inquirer_phone,
                                    "actor_id": ken.id, "source": "worker_statement",
                                    "certainty": "alleged"}))
    family_consents(demo_db, worker)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        page = await open_from_today(pilot)
        shown = " ".join(screen_text(app).split())  # the warning wraps at 80 columns
        assert "⚠ this number is used by Ken Susanto, recruiter, alleged: check before " \
               "anyone replies." in shown
        await confirm(pilot, page, worker)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, ReasonDialog))
        assert "Ken Susanto" in screen_text(app)
        await paste(pilot, "her village head vouched for her by phone")
        await pilot.press("enter")
        await until(pilot, lambda: demo_db.inquiry(inquiry.id).told_family_on is not None)
        assert demo_db.inquiry(inquiry.id).told_override == \
            "her village head vouched for her by phone"


async def test_rejecting_a_match_takes_it_off_today(demo_db: Database) -> None:
    inquiry, worker = the_inquiry(demo_db), the_worker(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        page = await open_from_today(pilot)
        await on_worker(pilot, page, worker)
        await pilot.press("r")
        await until(pilot, lambda: worker.id in demo_db.inquiry(inquiry.id).rejected_ids)
        await pilot.press("escape")
        today = await today_shown(pilot)
        await until(pilot, lambda: not today.waiting)
        assert "Family inquiries to confirm" not in screen_text(app)


async def test_key_8_lists_inquiries_and_records_a_new_one(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await today_shown(pilot)
        await pilot.press("8")
        await until(pilot, lambda: isinstance(app.screen, InquiriesScreen)
                    and app.screen.listed is not None)
        await pilot.pause()
        assert "may be worker 10 of KH-2025-0001" in screen_text(app)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, InquiryForm))
        await fill(pilot, "inquirer_name", "Dara Sok")
        await fill(pilot, "inquirer_phone", "+855 12 777 888")
        await fill(pilot, "handles", "telegram @darasok\n+855 12 777 888")
        await fill(pilot, "consent_given_on", "yesterday")
        await fill(pilot, "consent_taken_by", "Siti Rahmawati")
        await fill(pilot, "sought_name", "Sok Pisey")
        await fill(pilot, "compound_name", "Golden Sands")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, InquiryScreen) and app.screen.seen)
        saved = next(q for q in demo_db.inquiries() if q.inquirer_name == "Dara Sok")
        assert [(h.kind.value, h.value) for h in saved.handles][0] == ("telegram", "@darasok")
        assert saved.consent_given_on == clock.today() - dt.timedelta(days=1)
        assert "Sok Pisey" in screen_text(app)


async def test_the_palette_offers_the_inquiries(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("ctrl+p")
        await paste(pilot, "Family inquiries")
        await until(pilot, lambda: palette_offers(app, "Family inquiries"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, InquiriesScreen))
        await pilot.press("escape")  # back to Today
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))

"""A case shared with a partner organisation, on the case page (issue 31), through the real
app at 80×24 on the demo database: Shift+S shares it (after saying what goes, and that no
agreement covers data sharing), the facts say with whom, the same key stops sharing; a log
entry from a partner's copy says so; a consent withdrawn for a worker of a shared case says
what happens to the partner's copy.
"""

from __future__ import annotations

from textual.widgets import Static

from store.db.database import Database
from store.domain.records import Agreement, Case, Consent, LogEntry, Organisation, Worker, build
from store.domain.vocab import AgreementArea, AgreementStatus, RecipientKind
from tests.ui_helpers import (
    fill,
    notes,
    open_case,
    palette_offers,
    paste,
    screen_text,
    tick,
    until,
)
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog
from tui.screens.case import CaseScreen
from tui.screens.case.consent_form import ConsentForm
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.sharing import fit_names

UNION = "Cambodian union confederation"


def seed(db: Database) -> tuple[Case, Organisation]:
    case = db.case_by_ref("KH-2025-0001")
    assert case is not None
    union = next(o for o in db.organisations() if o.name == UNION)
    return case, union


async def pick(pilot, app, text: str) -> None:  # type: ignore[no-untyped-def]
    """Shift+S on the case page, the organisation's name typed in the picker, Enter."""
    await pilot.press("S")
    await until(pilot, lambda: isinstance(app.screen, PickerDialog))
    await paste(pilot, text)
    await pilot.press("enter", "enter")


async def consent_of(pilot, app, case: Case, worker: Worker) -> None:  # type: ignore[no-untyped-def]
    """The case's page with the cursor on the worker, c: their consent's form."""
    from tui.screens.today import TodayScreen

    await until(pilot, lambda: app.db is not None and isinstance(app.screen, TodayScreen))
    app.open_case(case.id, focus={"worker": worker.id})
    await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case is not None)
    await pilot.pause()
    await pilot.press("c")
    await until(pilot, lambda: isinstance(app.screen, ConsentForm))


async def test_a_case_is_shared_with_a_partner_and_no_longer(demo_db: Database) -> None:
    case, union = seed(demo_db)
    workers = demo_db.workers_of(case.id)
    covered = sum(1 for w in workers if (c := demo_db.consent_of(w.id)) is not None
                  and c.allows(RecipientKind.PARTNER_UNION))
    assert 0 < covered < len(workers), "the demo has workers either side"
    assert demo_db.sharing_agreement(union.id) is None, "the demo has no such agreement"
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        page = await open_case(pilot, app, case)
        assert "Shared with" not in screen_text(app)

        await pick(pilot, app, "cambodian")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        asked = " ".join(screen_text(app).split())
        assert f"At the next sync with {UNION}, this case goes to {UNION}'s copy" in \
            app.screen.question
        assert (f"with the personal data of {covered} of {len(workers)} workers (those whose "
                "consent covers “partner union”)") in app.screen.question
        assert "the others appear without their details" in app.screen.question
        assert (f"No agreement with {UNION} covering data sharing is in force: the sync will "
                "refuse unless you give a reason, which is recorded.") in app.screen.question
        assert "No agreement with" in asked, "the dialog shows it all"
        await pilot.press("y")
        await until(pilot, lambda: demo_db.get(Case, case.id).shared_with == [union.id])
        await until(pilot, lambda: app.screen is page and "Shared with" in screen_text(app))
        facts = str(page.query_one("#facts", Static).render())
        assert f"Shared with: {UNION}" in facts
        told = f"Shared with {UNION}. At the next sync with {UNION}, this case goes"
        assert any(n.startswith(told) for n in notes(app))

        # The same key on it: stop sharing, after saying its copy goes at the next sync.
        await pick(pilot, app, "cambodian")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert (f"Its copy at {UNION} is removed at the next sync with {UNION}."
                in app.screen.question)
        await pilot.press("y")
        await until(pilot, lambda: demo_db.get(Case, case.id).shared_with == [])
        # The facts, not the whole screen: the notification of the share is still up.
        await until(pilot, lambda: app.screen is page and "Shared with" not in str(
            page.query_one("#facts", Static).render()))


async def test_saying_no_shares_nothing(demo_db: Database) -> None:
    case, _union = seed(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_case(pilot, app, case)
        await pick(pilot, app, "cambodian")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await until(pilot, lambda: app.screen is page)
        await pilot.pause()
        assert demo_db.get(Case, case.id).shared_with == []


async def test_an_agreement_covering_data_sharing_is_named(demo_db: Database) -> None:
    case, union = seed(demo_db)
    kspsi = next(o for o in demo_db.organisations() if o.acronym == "KSPSI")
    agreement = demo_db.save_agreement(build(Agreement, {
        "title": "Case referral and data sharing", "party_ids": [kspsi.id, union.id],
        "areas": [AgreementArea.DATA_SHARING]}))
    for step in (AgreementStatus.DRAFTING, AgreementStatus.NEGOTIATION, AgreementStatus.SIGNED,
                 AgreementStatus.IN_FORCE):
        agreement = demo_db.move_agreement(agreement, step)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pick(pilot, app, "cambodian")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "No agreement" not in app.screen.question
        assert ("It goes under the agreement “Case referral and data sharing”, which covers "
                "data sharing.") in app.screen.question


async def test_the_facts_show_many_partners_on_one_line(demo_db: Database) -> None:
    case, _union = seed(demo_db)
    for org in demo_db.organisations():
        demo_db.share_case(case.id, org.id)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_case(pilot, app, case)
        line = next(line for line in str(page.query_one("#facts", Static).render()).splitlines()
                    if line.startswith("Shared with:"))
        assert len(line) <= 78 and line.endswith("+" + line.rsplit("+", 1)[1])
        assert "…" in line
        hidden = int(line.rsplit("+", 1)[1])
        shown = line.removeprefix("Shared with: ").split(", … ")[0].split(", ")
        assert len(shown) + hidden == len(demo_db.organisations())


def test_names_are_fitted_to_the_width() -> None:
    assert fit_names("Shared with: ", ["LFTU", "KSPSI"], 40) == "Shared with: LFTU, KSPSI"
    assert fit_names("Shared with: ", ["LFTU", "KSPSI", "ASEAN TUC"], 30) == \
        "Shared with: LFTU, KSPSI, … +1"
    assert fit_names("Shared with: ", ["A very long name of a union", "LFTU"], 24) == \
        "Shared with: A very… +1"
    assert fit_names("Shared with: ", ["A very long name of a union"], 24) == \
        "Shared with: A very lon…"


async def test_a_log_entry_from_a_partner_says_so(demo_db: Database) -> None:
    case, union = seed(demo_db)
    entry = demo_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "kind": "note", "summary": "Met the workers at the border post",
        "from_org_id": union.id}))
    app = PulangApp(demo_db)
    async with app.run_test(size=(120, 24)) as pilot:
        page = await open_case(pilot, app, case)
        page.move_to({"entry": entry.id})
        await pilot.pause()
        row = "".join(str(c) for c in page.query_one("#log").get_row(entry.id))
        assert f"« {UNION[:16]}" in row and "Met the workers" in row
        assert f"From partner: {UNION}" in str(page.query_one("#log-detail", Static).render())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        assert f"From partner: {UNION}" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is page)
        # An entry made here says nothing of the kind.
        other = next(e for e in demo_db.log_of(case.id) if not e.from_org_id)
        page.move_to({"entry": other.id})
        await pilot.pause()
        assert "From partner" not in str(page.query_one("#log-detail", Static).render())


async def test_withdrawing_consent_in_a_shared_case_says_what_the_partner_loses(
        demo_db: Database) -> None:
    case, union = seed(demo_db)
    demo_db.share_case(case.id, union.id)
    worker = next(w for w in demo_db.workers_of(case.id)
                  if (c := demo_db.consent_of(w.id)) is not None and c.active)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await consent_of(pilot, app, case, worker)
        await fill(pilot, "withdrawn_on", "today")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        consent = demo_db.consent_of(worker.id)
        assert isinstance(consent, Consent) and not consent.active
        said = "\n".join(notes(app))
        assert (f"This consent no longer covers {UNION}, with whom the case is shared: this "
                "worker's personal data is removed from their copies at the next sync with "
                "each.") in said
        assert "outside Pulang (printed, exported, sent on) are out of Pulang's reach" in said
        assert f"No agreement covers them: ask {UNION} to delete them." in said


async def test_a_consent_saved_in_a_case_not_shared_says_nothing_of_partners(
        demo_db: Database) -> None:
    case, _union = seed(demo_db)
    worker = next(w for w in demo_db.workers_of(case.id)
                  if (c := demo_db.consent_of(w.id)) is not None and c.active)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await consent_of(pilot, app, case, worker)
        await fill(pilot, "withdrawn_on", "today")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: "Saved." in notes(app))
        assert not any("no longer covers" in n for n in notes(app))


async def test_narrowing_consent_in_a_shared_case_says_it_too(demo_db: Database) -> None:
    """Not withdrawn, but no longer covering a partner union: the same words; a partner the
    consent never covered (the embassy's kind still ticked) hears nothing."""
    case, union = seed(demo_db)
    demo_db.share_case(case.id, union.id)
    worker = next(w for w in demo_db.workers_of(case.id)
                  if (c := demo_db.consent_of(w.id)) is not None
                  and c.allows(RecipientKind.PARTNER_UNION))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await consent_of(pilot, app, case, worker)
        await tick(pilot, "recipients", "partner union")  # unticked
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        consent = demo_db.consent_of(worker.id)
        assert consent is not None and consent.active
        assert RecipientKind.PARTNER_UNION not in consent.recipients
        await until(pilot, lambda: any("no longer covers" in n for n in notes(app)))
        assert any(f"{UNION} may no longer hold" in n for n in notes(app))


async def test_the_palette_and_f1_offer_sharing(demo_db: Database) -> None:
    from tui.dialogs.help import HelpScreen

    case, _union = seed(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_case(pilot, app, case)
        await pilot.press("ctrl+p")
        await paste(pilot, "share this case")
        await until(pilot, lambda: palette_offers(app, "Share this case with a partner…"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is page)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert any(line.split()[:1] == ["S"] and line.endswith("Share with a partner")
                   for line in keys.splitlines())
        assert "Shift+S chooses an organisation" in str(
            app.screen.query_one("#help-text", Static).render())

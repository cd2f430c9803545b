"""Mass release triage in the app (issue 33), at 80x24 on the demo database: an embassy's list
of 40 names in Latin and Khmer script, held at two compounds, three of them already workers
under other spellings or scripts (one sought by a family inquiry), read from `i` on Today,
proposals shown, one changed, the triage left and resumed, confirmed into two group cases;
and nothing written before the list is read."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from store.db.database import Database
from store.domain import Case, IntakeStatus, RowDecision, Worker, build
from tests.ui_helpers import (
    palette_offers,
    paste,
    screen_text,
    set_text,
    today_shown,
    until,
)
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog
from tui.screens.case import CaseScreen
from tui.screens.intake.confirm import ConfirmIntakeDialog
from tui.screens.intake.read import IntakeReadScreen
from tui.screens.intake.triage import TriageScreen
from tui.screens.today import TodayScreen

KHMER = ["ទៀ សីហា", "ម៉ែន សំអន", "ហោ ណាំហុង", "ប្រាក់ សុខុន", "នេត សាវឿន", "ស៊ុន ចាន់ថុល",
         "នួន ជា", "អៀង ធីរិទ្ធ", "លន់ នល់", "ស៊ិន ស៊ីសាមុត", "រស់ សេរីសុទ្ធា", "ប៉ែន រ៉ន",
         "កែម ឡី", "ជា វិជ្ជា", "ហេង សំរិន", "ប៊ិន ឈិន", "ជា សុផារ៉ា", "គាត ឈន់"]
LATIN = ["Agus Setiawan Purba", "Dewi Lestari Ningsih", "Fajar Nugraha Sitompul",
         "Indah Permatasari Lubis", "Joko Susilo Hartono", "Kurniawati Rahayu",
         "Lukman Hakim Siregar", "Mega Utami Hasibuan", "Nanda Saputra Ginting",
         "Oktaviani Sembiring", "Putu Eka Wirawan", "Ratna Sari Dewi Tarigan",
         "Surya Darma Pane", "Teguh Wibowo Santoso", "Umar Faruq Nasution",
         "Vina Melati Harahap", "Wahyu Hidayat Manurung", "Yuni Kartika Simanjuntak",
         "Zainal Abidin Daulay"]
KHMER_WORKER = ("Chan Vathanaka", "ចាន់ វឌ្ឍនាកា", "1996-01-13")  # the third already present


def the_list(db: Database) -> tuple[bytes, dict[str, Worker]]:
    """40 rows: three already workers (Rizky as Riski, Yohanes as Yohanis with his date of
    birth, sought by the demo's inquiry; Chan Vathanaka in Khmer script), held at Lotus Park
    (the registry's Blue Lotus compound) or Bay 99 (no registry place)."""
    workers = {w.full_name: w for c in db.cases() for w in db.workers_of(c.id)}
    case = db.cases()[0]
    name, _khmer, born = KHMER_WORKER
    workers[name] = db.save_worker(build(Worker, {"case_id": case.id, "full_name": name,
                                                  "date_of_birth": born}))
    son = workers["Yohanes Kristianto Manek"]
    assert son.date_of_birth is not None
    rows = [("Riski Pratama Nugroho", "", "Lotus Park"),
            ("Yohanis Kristianto Manek", son.date_of_birth.strftime("%d/%m/%Y"), "Lotus Park"),
            (KHMER_WORKER[1], "13/01/1996", "Bay 99")]
    rows += [(n, "", "Lotus Park" if i % 2 else "Bay 99") for i, n in enumerate(KHMER + LATIN)]
    assert len(rows) == 40
    lines = ["No;Nama;Tgl Lahir;Tempat"] + [
        f"{number};{n};{born};{where}" for number, (n, born, where) in enumerate(rows, 1)]
    return "\n".join(lines).encode(), workers


async def read_it(pilot: Pilot[None], data: bytes) -> TriageScreen:
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, IntakeReadScreen)
    await set_text(pilot, screen.query_one("#intake-paste", TextArea), data.decode())
    await pilot.press("ctrl+r")
    await until(pilot, lambda: isinstance(app.screen, TriageScreen) and app.screen.loaded)
    return app.screen  # type: ignore[return-value]


async def test_a_list_is_triaged_resumed_and_confirmed_into_two_group_cases(
        demo_db: Database) -> None:
    data, workers = the_list(demo_db)
    inquiry = demo_db.open_inquiries()[0]
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        before = demo_db.raw_tables()
        # The first time from the palette (no open intake: straight to a new list).
        await pilot.press("ctrl+p")
        await paste(pilot, "intake a list")
        await until(pilot, lambda: palette_offers(app, "Intake a list…"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, IntakeReadScreen))
        await set_text(pilot, app.screen.query_one("#intake-paste", TextArea), data.decode())
        assert "Tempat" in screen_text(app)  # the columns shown, the compound's among them
        assert demo_db.raw_tables() == before  # nothing written before the list is read
        triage = await read_it(pilot, data)
        intake = demo_db.open_intakes()[0]
        assert len(intake.rows) == 40
        proposed = [r.proposed for r in intake.rows]
        assert proposed[:3] == [RowDecision.MATCH] * 3
        assert proposed[3:] == [RowDecision.NEW] * 37
        assert [intake.rows[i].worker_id for i in range(3)] == [
            workers[n].id for n in ("Rizky Pratama Nugroho", "Yohanes Kristianto Manek",
                                    KHMER_WORKER[0])]
        text = screen_text(app)
        assert "Lotus Park = registry: Blue Lotus compound" in text
        assert "0 of 40 decided" in text
        assert "family inquiry: Maria Goreti Bria" in text
        assert "KH-2025-0001 No." in text
        # The first row under the cursor: decided as proposed (m), the cursor goes on.
        await pilot.press("m")
        await until(pilot, lambda: demo_db.intake(intake.id).reviewed == 1)
        # One proposal changed: a new row skipped, saved at once.
        listing = triage.query_one("#triage-rows", OptionList)
        row_five = next(i for i in range(listing.option_count)
                        if listing.get_option_at_index(i).id == "r5")
        listing.highlighted = row_five
        await pilot.press("s")
        await until(pilot, lambda: demo_db.intake(intake.id).rows[5].decision
                    is RowDecision.SKIP)
        # Left, then resumed from i: the picker offers it with its rows decided.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        assert "2 of 40 rows decided" in screen_text(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TriageScreen) and app.screen.loaded)
        assert "2 of 40 decided: 0 new, 1 linked, 1 skipped" in screen_text(app)
        # The rest accepted as proposed, after a yes.
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: demo_db.intake(intake.id).reviewed == 40)
        await until(pilot, lambda: "40 of 40 decided" in screen_text(app))
        # Confirmed: what will be made is said; Bay 99 is in no registry: its country asked.
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmIntakeDialog))
        text = screen_text(app)
        assert "Make 2 group cases: 36 new workers, 3 linked" in text
        assert "1 rows skipped" in text and "Bay 99" in text
        await set_text(pilot, app.screen.query_one("#intake-country-0", Input), "kh")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    done = demo_db.intake(intake.id)
    assert done.status is IntakeStatus.CONFIRMED and len(done.case_ids) == 2
    cases = [demo_db.get(Case, c) for c in done.case_ids]
    assert sorted(c.destination_country for c in cases) == ["KH", "KH"]
    assert sum(len(demo_db.workers_of(c.id)) for c in cases) == 36
    for name in ("Rizky Pratama Nugroho", "Yohanes Kristianto Manek", KHMER_WORKER[0]):
        worker = workers[name]
        logs = [e for e in demo_db.log_of(worker.case_id)
                if worker.id in e.worker_ids and "Listed in" in e.summary]
        assert logs, name
    assert demo_db.inquiry(inquiry.id).pending_worker_id == workers[
        "Yohanes Kristianto Manek"].id

"""Names in Khmer and Burmese script never push what follows them on a line out of place.

Terminals draw these scripts wider than Textual counts them (tmux 3.3a: "សុខ ចាន់ដារ៉ា" takes
10 cells, Rich counts 7; "အောင်ကျော်မိုး" 10 against 4), so a row shows another spelling or a
marker, and the name as written is shown only where nothing follows it on its line.
"""

from __future__ import annotations

import unicodedata

from store.common.i18n import set_language
from store.db.database import Database
from store.domain.text import fits_a_row, row_name, row_spellings
from tests.ui_helpers import paste, today_shown, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.directory import DirectoryScreen, PersonScreen
from tui.screens.search import SearchScreen
from tui.widgets.today_list import TodayList

KHMER = "សុខ ចាន់ដារ៉ា"
KHMER_ONLY = "ហ៊ុន សែន"
BURMESE = "အောင်ကျော်မိုး"
BURMESE_ONLY = "မောင်မောင်"
LAO = "ທອງລຸນ ສີສຸລິດ"
THAI = "สมชาย ใจดี"

# Demo workers and people given names in these scripts: (full name, other spellings).
RENAMED = {
    "Rizky Pratama Nugroho": (KHMER, ["Sok Chandara"]),
    "Dewi Anggraini Siregar": (KHMER_ONLY, []),
    "Muhammad Fajar Hidayat": (BURMESE, ["Aung Kyaw Moe"]),
    "Sri Wahyuningsih": (BURMESE_ONLY, []),
    "Agus Setiawan Lubis": (THAI, []),
    "Yohanes Kristianto Manek": (LAO, []),
    "Sokha Chanthou": ("សុខា ចាន់ធូ", ["Sokha Chanthou"]),
    "Chanpen Manyseing": ("ခင်မာ", []),
}


def test_which_scripts_fit_in_a_row() -> None:
    for text in ("Dewi Anggraini", "Nguyễn Văn An", unicodedata.normalize("NFD", "Nguyễn Văn An"),
                 LAO, THAI, "王小明", "김민수", ""):
        assert fits_a_row(text), text
    for text in (KHMER, KHMER_ONLY, BURMESE, BURMESE_ONLY, "राजेश कुमार", "முருகன்",
                 "Sok " + KHMER):
        assert not fits_a_row(text), text


def test_a_row_shows_a_spelling_that_fits_else_a_marker_that_tells_people_apart() -> None:
    assert row_name(["Dewi Anggraini"], "3f2a") == "Dewi Anggraini"
    assert row_name([LAO, "Thongloun"], "3f2a") == LAO  # Lao fits: the name as written
    assert row_name([KHMER, "Sok Chandara"], "3f2a") == "Sok Chandara"
    # A Latin spelling before one in another script that fits.
    assert row_name([KHMER, THAI, "Sok Chandara"], "3f2a") == "Sok Chandara"
    assert row_name([KHMER, THAI], "3f2a") == THAI
    assert row_name([KHMER], "3f2a99") == "[Khmer script] #3f2a"
    assert row_name([BURMESE], "77aa00") == "[Myanmar script] #77aa"
    assert row_name([BURMESE, KHMER]) == "[Myanmar script]"
    assert row_spellings([KHMER, "Sok Chandara", BURMESE, "Chandara"], "3f2a") == [
        "Sok Chandara", "Chandara"]
    set_language("id")  # the fixture sets English back afterwards
    assert row_name([KHMER], "3f2a99") == "[aksara Khmer] #3f2a"


def with_scripts(db: Database) -> Database:
    """The demo with some workers and people named in Khmer, Burmese, Lao and Thai."""
    for case in db.cases():
        for worker in db.workers_of(case.id):
            if worker.full_name in RENAMED:
                name, others = RENAMED[worker.full_name]
                db.save_worker(worker.model_copy(update={"full_name": name,
                                                         "other_spellings": others}))
    for person in db.people():
        if person.full_name in RENAMED:
            name, others = RENAMED[person.full_name]
            db.save_person(person.model_copy(update={"full_name": name,
                                                     "other_spellings": others}))
    return db


def _uneven(text: str) -> int:
    """Where the last character that does not fit a row is in `text`, else -1."""
    return max((n for n, char in enumerate(text) if not fits_a_row(char)), default=-1)


def screen_lines(app: PulangApp) -> list[str]:
    return ["".join(s.text for s in strip)
            for strip in app.screen._compositor.render_strips()]  # noqa: SLF001


def pushed_lines(app: PulangApp) -> list[str]:
    """The lines of the screen where something follows text in Khmer or Burmese script:
    a character, or blank cells that show (another background, reverse video, a scrollbar)."""
    found = []
    for strip in app.screen._compositor.render_strips():  # noqa: SLF001
        segments = list(strip)
        last = max((n for n, s in enumerate(segments) if _uneven(s.text) >= 0), default=None)
        if last is None:
            continue
        segment = segments[last]
        rest = segments[last + 1:]
        if (segment.text[_uneven(segment.text) + 1:].strip()
                or any(s.text.strip() for s in rest)
                or any(s.style is not None and segment.style is not None
                       and (s.style.bgcolor != segment.style.bgcolor or s.style.reverse
                            or s.style.underline) for s in rest)):
            found.append("".join(s.text for s in segments))
    return found


async def test_rows_show_a_spelling_that_fits_and_the_page_the_name_as_written(
        demo_db: Database) -> None:
    db = with_scripts(demo_db)
    case = db.case_by_ref("KH-2025-0001")
    assert case is not None
    workers = {w.full_name: w for w in db.workers_of(case.id)}
    khmer_only, burmese_only = workers[KHMER_ONLY], workers[BURMESE_ONLY]
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        text = "\n".join(screen_lines(app))
        assert "Sok Chandara · Immigration clearance" in text
        assert "Aung Kyaw Moe · Immigration clearance" in text
        assert f"[Khmer script] #{khmer_only.id[:4]} · Immigration" in text
        assert f"[Myanmar script] #{burmese_only.id[:4]} · Immigration" in text
        assert f"{THAI} · Flight home" in text  # Thai fits: as written
        # The tasks, below the demo's two partners awaited, a few lines further down.
        app.screen.query_one(TodayList).scroll_relative(y=4, animate=False)
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "[Myanmar script]" in text.split("Tasks from meetings")[1]  # a task's owner
        assert pushed_lines(app) == []

        app.open_case(case.id)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        await until(pilot, lambda: screen.grid_template is not None)
        table = screen.query_one("#workers")
        seen_native, grid = set(), set()
        for row in range(len(screen.case_workers)):
            table.move_cursor(row=row)
            await pilot.pause()
            lines = screen_lines(app)
            grid.update(lines)
            assert pushed_lines(app) == [], row
            worker = screen.case_workers[row]
            # Under the table, the name as written on a line of its own, when it does not fit.
            if not fits_a_row(worker.full_name):
                assert any(line.strip() == worker.full_name for line in lines)
                seen_native.add(worker.full_name)
        assert seen_native == {KHMER, KHMER_ONLY, BURMESE, BURMESE_ONLY}
        for shown in ("Sok Chandara", "Aung Kyaw Moe", f"[Khmer script] #{khmer_only.id[:4]}",
                      f"[Myanmar script] #{burmese_only.id[:4]}", THAI, LAO):
            assert any(shown in line for line in grid), shown

        # The log form's list of the case's workers.
        await pilot.press("l")
        await until(pilot, lambda: app.screen.query("#f-worker_ids"))
        choices = app.screen.query_one("#f-worker_ids")
        app.screen.set_focus(choices)
        await pilot.pause()
        prompts = [str(choices.get_option_at_index(i).prompt)
                   for i in range(choices.option_count)]
        assert "Sok Chandara" in prompts and not any(_uneven(p) >= 0 for p in prompts)
        assert pushed_lines(app) == []
        await pilot.press("escape")
        await pilot.pause()

        # The search, the directory and a person's page.
        app.action_search()
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await paste(pilot, "chan")
        await until(pilot, lambda: "Sok Chandara" in "\n".join(screen_lines(app)))
        assert pushed_lines(app) == []
        app.pop_screen()
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, DirectoryScreen))
        await until(pilot, lambda: "Sokha Chanthou" in "\n".join(screen_lines(app)))
        assert pushed_lines(app) == []
        person = next(p for p in db.people() if p.full_name == "សុខា ចាន់ធូ")
        app.open_record("person", person.id)
        await until(pilot, lambda: isinstance(app.screen, PersonScreen)
                    and "សុខា ចាន់ធូ" in "\n".join(screen_lines(app)))
        assert pushed_lines(app) == []

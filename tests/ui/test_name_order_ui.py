"""Lists on screen in the order the interface language's readers expect: the directory's people
in Lao, and the cases list sorted by title (s) with Thai and accented Latin titles. The real app
at 80×24 on a real database, driven by keys."""

from __future__ import annotations

from store.common.i18n import set_language
from store.db.database import Database
from store.domain.records import Case, Person, build
from tests.ui_helpers import screen_text, to_cases, today_shown, until
from tui.app import PulangApp
from tui.screens.cases import CasesScreen
from tui.screens.directory import DirectoryScreen
from tui.widgets.caselist import CaseList

# In Lao's order: Lao first, then Latin, then Thai. By code point the names that start with a
# vowel sign (ແ ໄ, ไ) would end their script's group: ແສງເດືອນ and ໄຊຍະສອນ after ບຸນມີ.
PEOPLE = ["ກອງແກ້ວ ສີສຸວັນ", "ແສງເດືອນ ພົມມະຈັນ", "ໄຊຍະສອນ ແກ້ວມະນີ", "ບຸນມີ ສີຫາລາດ",
          "Ádi Saputra", "Ahmad Fauzi", "กมล ใจดี", "ไพศาล ทองคำ", "สมชาย ใจกล้า"]
# In English's order: Latin (accents only breaking a tie), then Thai by consonant.
TITLES = ["Ádi, Batam", "Adi, Dubai", "Budi, Myawaddy", "กมล ที่แม่สอด", "ไพศาล สองคน",
          "สมชาย ที่สงขลา"]


def in_screen_order(text: str, names: list[str]) -> list[str]:
    """`names` in the order the screen shows them, each on its own line."""
    lines = text.splitlines()
    at = {name: next(n for n, line in enumerate(lines) if name in line) for name in names}
    return sorted(names, key=at.__getitem__)


async def test_the_directory_lists_people_in_lao_order(empty_db: Database) -> None:
    for name in reversed(PEOPLE):
        empty_db.save_person(build(Person, {"full_name": name}))
    set_language("lo")  # the fixture sets English back afterwards
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, DirectoryScreen) and app.screen.loaded)
        await pilot.pause()
        assert in_screen_order(screen_text(app), PEOPLE) == PEOPLE


async def test_the_cases_list_sorted_by_title(empty_db: Database) -> None:
    for title in reversed(TITLES):
        empty_db.save_case(build(Case, {"title": title, "destination_country": "TH",
                                        "date_reported": "2026-01-10"}))
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await to_cases(pilot)
        screen = app.screen
        await until(pilot, lambda: isinstance(screen, CasesScreen) and screen.loaded)
        for _ in range(6):  # s: the next column (from next due, the default)
            if screen.sort_key == "title":
                break
            await pilot.press("s")
        await pilot.pause()
        assert [row.title for row in screen.query_one(CaseList).rows] == TITLES
        assert in_screen_order(screen_text(app), TITLES) == TITLES
        await pilot.press("S")  # reversed
        await pilot.pause()
        assert in_screen_order(screen_text(app), TITLES) == TITLES[::-1]

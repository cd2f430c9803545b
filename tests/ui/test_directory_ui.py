"""People & organisations in the app: the directory, an organisation's page, a new person who
is likely already there, and merging the two spellings of one man. The real app at 80×24 on the
real demo database, driven by keys."""

from __future__ import annotations

from textual.pilot import Pilot

from store.db.database import Database
from store.domain.records import Organisation, Person
from tests.ui_helpers import fill, paste, screen_text, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog
from tui.screens.directory import (
    DirectoryScreen,
    OrganisationScreen,
    PersonScreen,
    SectionList,
)
from tui.screens.directory.matches import LikelyMatchesDialog
from tui.screens.directory.organisation_form import OrganisationForm
from tui.screens.directory.person_form import PersonForm
from tui.screens.lock import LockScreen
from tui.screens.today import TodayScreen


def person_named(db: Database, name: str) -> Person:
    return next(p for p in db.people() if p.full_name == name)


def org_named(db: Database, acronym: str) -> Organisation:
    return next(o for o in db.organisations() if o.acronym == acronym)


async def to_directory(pilot: Pilot[None]) -> DirectoryScreen:
    """From Today, the first screen, to People & organisations: press 3."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    await pilot.press("3")
    await until(pilot, lambda: isinstance(app.screen, DirectoryScreen) and app.screen.loaded)
    return app.screen  # type: ignore[return-value]


async def cursor_to(pilot: Pilot[None], key: str) -> None:
    """Move down the list with the arrow key until the line `key` is under the cursor."""
    listing = pilot.app.screen.query_one(SectionList)
    for _ in range(listing.option_count + 1):
        if listing.get_option_at_index(listing.highlighted).id == key:
            return
        await pilot.press("down")
    raise AssertionError(f"no line {key} in the list")


async def test_lftu_shows_its_officers_the_vientiane_visit_and_the_draft(
        demo_db: Database) -> None:
    lftu = org_named(demo_db, "LFTU")
    officers = [p.full_name for p in demo_db.people_of(lftu.id)]
    assert len(officers) == 5
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_directory(pilot)
        assert "Lao Federation of Trade Unions" in screen_text(app)
        await cursor_to(pilot, f"o:{lftu.id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, OrganisationScreen)
                    and app.screen.loaded)
        text = screen_text(app)
        # All on one 80×24 screen: the facts, the five officers, the visit, the draft.
        assert "Vientiane, Laos" in text and "Member of ASEAN Trade Union Council" in text
        for name in officers:
            assert name in text
        assert "People (5)" in text
        assert "12 Dec 2025 ASEAN TUC working visit to LFTU" in text
        draft = next(line for line in text.splitlines() if "KSPSI–LFTU cooperation" in line)
        assert "drafting" in draft.lower()
        # d asks, then is refused: LFTU is still named; what to do instead is said.
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: any("merge it into the record it duplicates" in n.message
                                       for n in app._notifications))  # noqa: SLF001
        assert isinstance(app.screen, OrganisationScreen)
        assert demo_db.organisation(lftu.id).name == "Lao Federation of Trade Unions"
        # Enter on an officer opens them; Escape comes back, then back to Today.
        await cursor_to(pilot, f"p:{person_named(demo_db, 'Chanpen Manyseing').id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.loaded)
        assert "Director of Labor Department" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, OrganisationScreen))
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))


async def test_a_new_person_who_is_likely_there_already_is_asked_about_first(
        demo_db: Database) -> None:
    before = len(demo_db.people())
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_directory(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PersonForm))
        await fill(pilot, "full_name", "Phonesan Vilaymeing")
        await fill(pilot, "title", "SVP")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, LikelyMatchesDialog))
        text = screen_text(app)
        assert "Phonensan Vilaymeing" in text and "Senior Vice President" in text
        assert len(demo_db.people()) == before, "nothing saved while asking"
        # o opens the one under the cursor on top of the form; 1 does not leave it (the
        # form under it would go); Escape comes back to the form as it was typed.
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.loaded)
        assert "Spelled this way where the news item quotes him" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PersonForm))
        assert app.screen.values()["full_name"] == "Phonesan Vilaymeing"
        assert app.screen.values()["title"] == "SVP"
        # Asked again; Escape: back to the form, everything typed kept, nothing saved.
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, LikelyMatchesDialog))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PersonForm))
        assert app.screen.values()["title"] == "SVP"
        assert len(demo_db.people()) == before
        # Asked again; s saves it as a new record anyway and opens it.
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, LikelyMatchesDialog))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.loaded)
        assert len(demo_db.people()) == before + 1
        assert "SVP" in screen_text(app)


async def test_merging_the_two_spellings_of_the_lftu_vice_president(demo_db: Database) -> None:
    kept = person_named(demo_db, "Phonensan Vilaymeing")
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_directory(pilot)
        await cursor_to(pilot, f"p:{kept.id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.loaded)
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        # The likely match comes first, marked.
        picker = app.screen.query_one("#picker-list")
        first = " ".join(str(picker.get_option_at_index(0).prompt).split())
        assert first.startswith("Phonesan Vilaymeing · likely the same")
        assert "likely the same" in screen_text(app)
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = app.screen.question  # type: ignore[attr-defined]
        assert question.startswith("Merge «Phonesan Vilaymeing» into «Phonensan Vilaymeing»? ")
        assert "every link move to «Phonensan Vilaymeing»" in question
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen)
                    and len([p for p in demo_db.people() if "Vilaymeing" in p.full_name]) == 1)
        await until(pilot, lambda: "Phonesan Vilaymeing" in screen_text(app))
        text = screen_text(app)
        assert "Other spellings: Phonesan Vilaymeing" in text
    people = [p for p in demo_db.people() if "Vilaymeing" in p.full_name]
    assert [p.id for p in people] == [kept.id]
    assert set(people[0].all_names) == {"Phonensan Vilaymeing", "Phonesan Vilaymeing"}
    hits = [h for h in demo_db.search("Vilaymeing") if h.kind == "person"]
    assert [h.id for h in hits] == [kept.id]


async def test_a_new_organisation_refused_or_locked_away_keeps_what_was_typed(
        demo_db: Database) -> None:
    before = len(demo_db.organisations())
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_directory(pilot)
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, OrganisationForm))
        form = app.screen
        await fill(pilot, "acronym", "SBMI")
        await fill(pilot, "city", "Jakarta")
        await fill(pilot, "country", "Indonesia")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "must not be empty" in screen_text(app))
        assert app.screen is form
        assert form.values()["acronym"] == "SBMI" and form.values()["city"] == "Jakarta"
        assert len(demo_db.organisations()) == before
        # Locked meanwhile (a plain database: Enter unlocks): the form comes back as typed.
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LockScreen) and demo_db.locked)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, OrganisationForm))
        await pilot.pause()
        form = app.screen
        assert form.values()["acronym"] == "SBMI" and form.values()["country"] == "Indonesia"
        await fill(pilot, "name", "Serikat Buruh Migran Indonesia")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, OrganisationForm))
        # The page that opened the form went with the lock: the saved organisation is shown.
        await until(pilot, lambda: isinstance(app.screen, OrganisationScreen))
        assert "Serikat Buruh Migran Indonesia" in screen_text(app)
        await pilot.press("escape")
        # Saved, and findable in the directory by its acronym.
        await to_directory(pilot)
        await pilot.press("slash")
        await paste(pilot, "SBMI")
        await until(pilot, lambda: "Organisations (1)" in screen_text(app))
        assert "Jakarta, Indonesia" in screen_text(app)
    saved = org_named(demo_db, "SBMI")
    assert (saved.name, saved.country, saved.city) == (
        "Serikat Buruh Migran Indonesia", "ID", "Jakarta")

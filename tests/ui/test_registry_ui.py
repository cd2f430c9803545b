"""The registry in the app (key 7): from a recruiter's handle to every case it touches in a few
keys, a compound's page with the workers held there and when, every line saying alleged or
confirmed, a handle typed in a log entry linked from the case page (Shift+R), and a place
linked to a case with the worker held there.

The real app at 80×24, driven by keys, on a database in a temporary folder whose registry is
made through the store's API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.pilot import Pilot

from store.db.database import Database
from store.domain import (
    Actor,
    Case,
    Identifier,
    LogEntry,
    Place,
    RegistryLink,
    Worker,
    build,
)
from tests.ui_helpers import (
    choose,
    fill,
    notes,
    open_case,
    palette_offers,
    paste,
    screen_text,
    until,
)
from tui.app import PulangApp
from tui.dialogs.help import HelpScreen
from tui.dialogs.picker import PickerDialog
from tui.dialogs.registry_links import RegistryLinksDialog
from tui.screens.case import CaseScreen
from tui.screens.directory import SectionList
from tui.screens.registry import (
    ActorScreen,
    IdentifierScreen,
    PlaceForm,
    PlaceScreen,
    RegistryLinkForm,
    RegistryScreen,
)
from tui.screens.today import TodayScreen


@dataclass
class Registry:
    cases: list[Case]
    workers: list[Worker]
    budi: Actor
    park: Place
    handle: Identifier
    phone: Identifier


def a_registry(db: Database) -> Registry:
    """Three cases; recruiter Budi's Telegram handle seen in all three (two links of its
    own, one through Budi), his phone in none; two workers held at KK Park, a raided
    compound, with their dates."""
    cases, workers = [], []
    for number, title in enumerate(("Bavet call centre", "Sihanoukville hotel",
                                    "Myawaddy escape"), start=1):
        case = db.save(build(Case, {"title": title, "destination_country": "KH",
                                    "date_reported": f"2026-0{number}-10"}))
        cases.append(case)
        workers.append(db.save(build(Worker, {"case_id": case.id,
                                              "full_name": f"Worker {title.split()[0]}"})))
    budi = db.save(build(Actor, {"name": "Budi Santoso", "other_names": ["Pak Budi"],
                                 "role": "recruiter", "country": "ID",
                                 "source": "worker_statement", "certainty": "alleged"}))
    park = db.save(build(Place, {"name": "KK Park", "kind": "compound", "city": "Myawaddy",
                                 "country": "MM", "status": "raided", "operator_id": budi.id,
                                 "history": [{"status": "operating", "on": "2025-01-02"},
                                             {"status": "raided", "on": "2026-03-03"}],
                                 "source": "police_report", "certainty": "confirmed",
                                 "reported_by": "Insp. Lim"}))
    handle = db.save(build(Identifier, {"kind": "telegram", "value": "@Recruiter_Budi88",
                                        "actor_id": budi.id, "source": "worker_statement"}))
    phone = db.save(build(Identifier, {"kind": "phone", "value": "+62 812 3456 7890",
                                       "actor_id": budi.id, "certainty": "confirmed"}))
    for case in cases[:2]:
        db.save(build(RegistryLink, {"case_id": case.id, "identifier_id": handle.id}))
    db.save(build(RegistryLink, {"case_id": cases[2].id, "actor_id": budi.id,
                                 "worker_id": workers[2].id, "role": "recruiter"}))
    for worker, start, end in ((workers[0], "2025-11-04", "2026-03-03"),
                               (workers[2], "2025-06-20", None)):
        db.save(build(RegistryLink, {"case_id": worker.case_id, "place_id": park.id,
                                     "worker_id": worker.id, "held_from": start,
                                     "held_to": end, "certainty": "confirmed"}))
    return Registry(cases, workers, budi, park, handle, phone)


async def to_registry(pilot: Pilot[None]) -> RegistryScreen:
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    await pilot.press("7")
    await until(pilot, lambda: isinstance(app.screen, RegistryScreen) and app.screen.loaded)
    return app.screen  # type: ignore[return-value]


async def open_filtered(pilot: Pilot[None], text: str, page: type) -> None:
    """`/`, `text` pasted in the filter, Enter (to the list), Enter (the closest line): its
    page is in front once it has loaded."""
    await pilot.press("slash")
    await paste(pilot, text)
    await pilot.press("enter", "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, page) and pilot.app.screen.loaded)


def line_of(app: PulangApp, text: str) -> str:
    return next(line for line in screen_text(app).splitlines() if text in line)


async def test_from_a_handle_to_every_case_it_touches(empty_db: Database,
                                                      fixed_clock: dt.datetime) -> None:
    registry = a_registry(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_registry(pilot)
        # 7, / and part of the handle, Enter (to the list), Enter (the identifier).
        await open_filtered(pilot, "budi88", IdentifierScreen)
        text = screen_text(app)
        assert "Seen in 3 cases" in text
        assert "alleged · a worker's statement · reported on 6 Dec 2026" in text
        for case in registry.cases:
            assert case.ref in text and case.title in text
        # Enter on a case opens it over the page; Escape comes back for the next one.
        listing = app.screen.query_one(SectionList)
        first_case = next(i for i in range(listing.option_count)
                          if (listing.get_option_at_index(i).id or "").startswith("c:"))
        listing.highlighted = first_case
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        assert app.screen.case_id == registry.cases[0].id
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, IdentifierScreen))


async def test_enter_after_the_filter_goes_to_the_closest_line(empty_db: Database) -> None:
    """An agency whose name holds the handle is listed above it; the handle typed whole
    still takes Enter to the handle, and part of a name to the first line containing it."""
    registry = a_registry(empty_db)
    empty_db.save(build(Actor, {"name": "Recruiter_Budi88 Travel", "role": "agency"}))
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_registry(pilot)
        await open_filtered(pilot, "@recruiter_budi88", IdentifierScreen)
        assert app.screen.record.id == registry.handle.id
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RegistryScreen))
        await open_filtered(pilot, "budi88 trav", ActorScreen)
        assert "Recruiter_Budi88 Travel" in screen_text(app)


async def test_every_line_of_the_registry_says_alleged_or_confirmed(
        empty_db: Database) -> None:
    registry = a_registry(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_registry(pilot)
        listing = screen.query_one(SectionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)
                if not listing.get_option_at_index(i).disabled]
        assert len(rows) == 4  # a place, an actor, two identifiers
        for row in rows:
            assert row.rstrip().endswith(("alleged", "confirmed")), row
        assert "confirmed" in line_of(app, "KK Park")
        assert "alleged" in line_of(app, "Budi Santoso")
        assert "seen in 3 cases" in line_of(app, "recruiter_budi88")
        # The phone is Budi's, seen through him in the case he is linked to.
        assert "seen in 1 case " in line_of(app, registry.phone.value)
        assert "confirmed" in line_of(app, registry.phone.value)
        # The filter narrows all three sections; Escape clears it.
        await pilot.press("slash")
        await paste(pilot, "myawaddy")
        assert "KK Park" in screen_text(app) and "Budi Santoso" not in screen_text(app)
        await pilot.press("escape")
        assert "Budi Santoso" in screen_text(app)


async def test_a_compound_lists_the_workers_held_there_and_when(empty_db: Database) -> None:
    registry = a_registry(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_registry(pilot)
        await pilot.press("enter")  # the first line: the only place
        await until(pilot, lambda: isinstance(app.screen, PlaceScreen) and app.screen.loaded)
        text = screen_text(app)
        assert "compound · Myawaddy, Myanmar" in text
        assert "Status: raided since 3 Mar 2026" in text
        assert "operating 2 Jan 2025 → raided 3 Mar 2026" in text
        assert "confirmed · a police report · reported by Insp. Lim" in text
        assert "Held here (2)" in text
        held = line_of(app, "Worker Bavet")
        assert registry.cases[0].ref in held and "4 Nov 2025 – 3 Mar 2026" in held
        assert "confirmed" in held
        held = line_of(app, "Worker Myawaddy")
        assert registry.cases[2].ref in held and "20 Jun 2025 – …" in held
        # Its operator opens from the page, and F1 says what the page is for.
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "who was held there" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("home", "enter")
        await until(pilot, lambda: isinstance(app.screen, ActorScreen) and app.screen.loaded)
        assert "Pak Budi" in screen_text(app)


async def test_a_handle_typed_in_the_log_is_linked_from_the_case(empty_db: Database) -> None:
    registry = a_registry(empty_db)
    case, worker = registry.cases[1], registry.workers[1]
    entry = empty_db.save(build(LogEntry, {
        "case_id": case.id, "kind": "note", "recorded_by": "Dewi",
        "at": dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
        "summary": "Recruited through t.me/agen_kerja_kh, and the same @Recruiter_Budi88."}))
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_case(pilot, app, case)
        assert "Registry: 1 identifier (Shift+R)" in screen_text(app)
        await pilot.press("f1")  # the case's help says what Shift+R does, after its own
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert app.screen.query_one("#help-text").render().plain.endswith(
            "or an actor (a: its role).")
        await pilot.press("escape")
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, RegistryLinksDialog))
        text = screen_text(app)
        assert "Telegram agen_kerja_kh" in text and "new" in line_of(app, "agen_kerja_kh")
        assert "✓ Telegram recruiter_budi88" in text  # linked already
        await pilot.press("y")  # the cursor is on the first line: the new handle
        await until(pilot, lambda: "✓ Telegram agen_kerja_kh" in screen_text(app))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert "Registry: 2 identifiers (Shift+R)" in screen_text(app)
    added = empty_db.find_identifier(registry.handle.kind, "agen_kerja_kh")
    assert added is not None and added.certainty.value == "alleged"
    assert added.source.value == "worker_statement" and added.reported_by == "Dewi"
    link = next(li for li in empty_db.registry_of_case(case.id)
                if li.identifier_id == added.id)
    assert link.entry_id == entry.id and link.reported_on == dt.date(2026, 12, 1)
    assert worker.id  # the worker is not named: the handle came from the log
    assert "1 link to the registry made." in notes(app)


async def test_a_compound_linked_to_a_case_with_the_worker_held_there(
        empty_db: Database) -> None:
    registry = a_registry(empty_db)
    case, worker = registry.cases[1], registry.workers[1]
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, RegistryLinksDialog))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        await paste(pilot, "KK")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, RegistryLinkForm))
        await choose(pilot, "worker_id", worker.name_in_rows)
        await fill(pilot, "held_from", "01/02/2026")
        await fill(pilot, "held_to", "15/03/2026")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        assert "Registry: 1 place, 1 identifier" in screen_text(app)
    link = next(li for li in empty_db.held_at(registry.park.id) if li.case_id == case.id)
    assert link.worker_id == worker.id
    assert (link.held_from, link.held_to) == (dt.date(2026, 2, 1), dt.date(2026, 3, 15))


async def test_a_new_compound_from_a_pasted_map_link(empty_db: Database,
                                                     fixed_clock: dt.datetime) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_registry(pilot)
        await pilot.press("n")  # which kind: a place is the first line
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlaceForm))
        await fill(pilot, "name", "Golden Fortune")
        await fill(pilot, "position", "not a place at all")
        await pilot.press("ctrl+s")
        assert "is neither a latitude and longitude nor a map link" in screen_text(app)
        assert isinstance(app.screen, PlaceForm)  # nothing lost: corrected and saved again
        await fill(pilot, "position",
                   "https://www.google.com/maps/place/X/@11.0921,106.1233,17z/data=!3m1")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlaceScreen) and app.screen.loaded)
        text = screen_text(app)
        assert "Position: 11.0921, 106.1233" in text
        assert "Status: operating since 6 Dec 2026" in text
        assert "alleged · an officer's own finding · reported on 6 Dec 2026" in text
    place = empty_db.places()[0]
    assert (place.latitude, place.longitude) == (11.0921, 106.1233)


async def test_the_palette_offers_the_registry(empty_db: Database) -> None:
    a_registry(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await pilot.press("ctrl+p")
        await paste(pilot, "budi88")
        await until(pilot, lambda: palette_offers(app, "Open: Telegram recruiter_budi88"))
        assert "Identifier in the registry · alleged" in screen_text(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, IdentifierScreen)
                    and app.screen.loaded)
        await pilot.press("ctrl+p")
        await paste(pilot, "registry")
        await until(pilot, lambda: palette_offers(app, "Registry"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RegistryScreen))


async def test_where_and_when_a_handle_was_seen_is_written_in_its_form(
        empty_db: Database, fixed_clock: dt.datetime) -> None:
    """One line a sighting: where, a comma, the date; a date Pulang cannot read is refused
    with its line's number, and what was typed stays to be corrected."""
    registry = a_registry(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_registry(pilot)
        await open_filtered(pilot, "budi88", IdentifierScreen)
        await pilot.press("e")
        await until(pilot, lambda: type(app.screen).__name__ == "IdentifierForm")
        seen = "Facebook group Loker Kamboja, 03/01/2026\nA worker's phone, seized\n" \
               "Poster at the bus station, 45/13/2026"
        await fill(pilot, "seen", seen)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "line 3" in screen_text(app))
        assert type(app.screen).__name__ == "IdentifierForm"
        assert app.screen.query_one("#f-seen").text == seen  # nothing typed is lost
        await fill(pilot, "seen", seen.replace("45/13/2026", "5 Feb 2026"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, IdentifierScreen)
                    and "Poster at the bus station" in screen_text(app))
        assert "3 Jan 2026" in line_of(app, "Loker Kamboja")
    handle = empty_db.get(Identifier, registry.handle.id)
    assert [(s.where, s.on) for s in handle.seen] == [
        ("Facebook group Loker Kamboja", dt.date(2026, 1, 3)),
        ("A worker's phone, seized", None),
        ("Poster at the bus station", dt.date(2026, 2, 5))]

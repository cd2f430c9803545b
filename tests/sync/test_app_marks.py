"""The app marks what a sync left undecided: the case page says which worker's field was
changed at two sites while apart, and that the hub's choice is shown until someone decides."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from store.db.database import Database
from store.domain.records import Worker
from store.sync import export_key, import_key, sync
from tests.sync.conftest import SITE
from tests.ui_helpers import open_case, until


async def test_a_conflict_is_marked_on_its_case(make_site: Callable[..., Database],
                                               hub_url: str) -> None:
    from tui.app import PulangApp

    jakarta = make_site("jakarta", demo=True)
    field = make_site("field")
    creds = {"user": SITE[0], "password": SITE[1]}
    sync(jakarta, hub_url, site_name="Jakarta", **creds)
    import_key(field, export_key(jakarta, "carried by hand 1"), "carried by hand 1")
    sync(field, hub_url, site_name="Field", **creds)
    worker = next(w for w in (jakarta.get(Worker, i) for i, (t, _b) in
                              jakarta.replica_records().items() if t == "workers"))
    for db, phone in ((jakarta, "+6281234500001"), (field, "+6281234500002")):
        db.save(db.get(Worker, worker.id).model_copy(update={"phone": phone}))
    for db, site in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        sync(db, hub_url, site_name=site, **creds)

    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, worker.case_id)

        def facts() -> str:
            return str(screen.query_one("#facts", Static).render())

        # Read after opening, in the background: the page open by then shows it.
        await until(pilot, lambda: "Changed at two sites" in facts())
        facts = facts()
        number = screen._numbers[worker.id]
        assert f"Changed at two sites while apart: worker {number} (Phone)" in facts
        assert "Decide on Today" in facts

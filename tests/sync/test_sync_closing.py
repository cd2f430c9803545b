"""Closing and reopening in the union's own sync (issue 35): two sites and the real hub, as
tests/sync/test_sync.py. A case and a worker closed at one site are seen closed, with their
reason and history, at the other; a reopening too; the closing's note travels to the union's
own sites (it is the union's), as the case's other fields do."""

from __future__ import annotations

from collections.abc import Callable

from store.db.database import Database
from store.domain.records import Case, Worker
from store.domain.rules.closing import history, is_closed
from store.domain.vocab import Stage
from tests.sync.test_sync import _pair, _sync


def test_closed_at_one_site_is_seen_closed_at_the_other(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    case = next(c for c in jakarta.cases() if not is_closed(c))
    worker = jakarta.workers_of(case.id)[0]
    jakarta.close_worker(worker.id, "lost_contact", note="Phone off")
    jakarta.close_case(case.id, "referred", note="IOM took it over")
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    seen = field.get(Case, case.id)
    assert seen.stage is Stage.CLOSED and is_closed(seen) and seen.closed_reason == "referred"
    assert seen.closed_note == "IOM took it over"
    gone = field.get(Worker, worker.id)
    assert is_closed(gone) and gone.closed_reason == "lost_contact"
    assert any(e.summary.startswith("Case closed: Referred") for e in field.log_of(case.id))
    # Reopened at the field site: Jakarta sees it open again, both events in its history.
    field.reopen_case(case.id, "IOM sent it back")
    _sync(field, hub_url, "Field")
    _sync(jakarta, hub_url, "Jakarta")
    back = jakarta.get(Case, case.id)
    assert not is_closed(back) and back.stage is not Stage.CLOSED
    assert [e.what for e in history(back)] == ["closed", "reopened"]
    assert back.reopened_reason == "IOM sent it back"

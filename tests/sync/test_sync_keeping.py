"""An anonymised case in the sync (issue 35), against the real hub as
tests/sync/test_sync_closing.py: anonymised at one site of the union, it is anonymised at the
other (the workers' erasures, the blanked fields as edits, `anonymised_on` as a case field),
and no name of it is left there; shared with a partner, it is no longer shared, and the
partner's copy goes as an unshared case's does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.common import clock
from store.db.database import ERASED_NAME, Database
from store.domain.records import Case, LogEntry, Worker, build
from store.domain.rules.keeping import add_months
from tests.sync import test_partners
from tests.sync.test_sync import _pair, _sync


def test_anonymised_at_one_site_is_anonymised_at_the_other(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    today = clock.today()
    case = jakarta.save_case(build(Case, {"title": "Plantation", "destination_country": "MY",
                                          "date_reported": add_months(today, -27)}))
    worker = jakarta.save_worker(build(Worker, {
        "case_id": case.id, "full_name": "Ratna Kusumawati", "nationality": "ID",
        "passport_number": "C7766554", "phone": "+6285799887766"}))
    jakarta.save_log_entry(build(LogEntry, {"case_id": case.id, "worker_ids": [worker.id],
                                            "summary": "Ratna Kusumawati is home in Blitar"}))
    jakarta.close_case(case.id, "returned_home", on=add_months(today, -25))
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    assert field.get(Worker, worker.id).full_name == "Ratna Kusumawati"

    jakarta.anonymise_case(case.id, "Officer Dewi", today)
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")

    seen = field.get(Case, case.id)
    assert seen.anonymised_on == today and seen.closed_reason == "returned_home"
    there = field.get(Worker, worker.id)
    assert there.full_name == ERASED_NAME and there.passport_number == "" and not there.phone
    assert all("Ratna" not in e.summary for e in field.log_of(case.id))
    path = Path(field.path)
    field.close()
    for file in path.parent.iterdir():
        if file.is_file() and file.name.startswith(path.name) and file.suffix != ".lock":
            for secret in (b"Ratna Kusumawati", b"C7766554", b"+6285799887766"):
                assert secret not in file.read_bytes(), (secret, file.name)


def test_an_anonymised_case_leaves_the_partners_copy(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = test_partners._pair(make_site, hub_url)
    assert [c.id for c in partner.cases()] == [case.id]
    for matter in home.legal_of(case.id):  # none open: nothing holds it
        home.remove_legal(matter.id)
    closed = home.close_case(case.id, "referred")
    assert closed.closed_on is not None
    done = home.anonymise_case(case.id, "Officer Dewi", add_months(closed.closed_on, 24))
    assert done.shared_with == []
    test_partners._sync(home, cambodia, hub_url, "Jakarta")
    test_partners._sync(partner, us, hub_url, "Phnom Penh")
    assert partner.cases() == []

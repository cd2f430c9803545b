"""A worker removed or erased takes their legal matters and money with them (issue 34), and
the case's History names what went: "legal matter", "money entry". The demo's Cambodian case:
Rizky (the first worker) has four legal matters and six money entries."""

from __future__ import annotations

from pathlib import Path

from store.db.database import Database
from store.domain.records import LegalMatter, MoneyEntry
from tests.db.test_erase import database_files


def _case(db: Database) -> tuple[str, str, str]:
    case = db.case_by_ref("KH-2025-0001")
    assert case is not None
    workers = db.workers_of(case.id)
    return case.id, workers[0].id, workers[1].id  # Rizky's, and Dewi's (who stays)


def _theirs(db: Database, case_id: str, worker_id: str) -> list[LegalMatter | MoneyEntry]:
    return [*db.legal_of(case_id, worker_id), *db.money_of(case_id, worker_id)]


def _named_in_history(db: Database, case_id: str, ids: set[str]) -> dict[str, set[str]]:
    """For each record among `ids`: what the case's History calls it, by its entries' actions."""
    found: dict[str, set[str]] = {}
    for entry in db.history(case_id):
        if entry.record in ids:
            found.setdefault(entry.record, set()).add(f"{entry.action}:{entry.table_label}")
    return found


def test_removing_a_worker_removes_their_legal_matters_and_money(demo_db: Database) -> None:
    case_id, rizky, dewi = _case(demo_db)
    gone = _theirs(demo_db, case_id, rizky)
    kept = _theirs(demo_db, case_id, dewi)
    assert len(gone) == 10 and len(kept) == 3
    demo_db.remove_worker(rizky)
    assert _theirs(demo_db, case_id, rizky) == []
    assert _theirs(demo_db, case_id, dewi) == kept  # another worker's stay as they were
    assert len(demo_db.legal_of(case_id)) == 4 and len(demo_db.money_of(case_id)) == 2
    named = _named_in_history(demo_db, case_id, {r.id for r in gone})
    assert set(named) == {r.id for r in gone}
    for record in gone:
        what = "legal matter" if isinstance(record, LegalMatter) else "money entry"
        assert any(n.endswith(":" + what) and n.startswith("delete:") for n in named[record.id])
    # Brought back with its worker? A removed one can be: from the journal.
    assert demo_db.last_version("money", gone[-1].id) is not None


def test_erasing_a_worker_removes_their_legal_matters_and_money_from_every_file(
        demo_db: Database, db_path: Path) -> None:
    case_id, rizky, dewi = _case(demo_db)
    gone = _theirs(demo_db, case_id, rizky)
    kept = _theirs(demo_db, case_id, dewi)
    secrets = ["IMM-PP-2026-0412", "Sok Dara", "Legal Aid of Cambodia", "BAP/117/II/2026",
               "His mother", "Western Union receipt", "60000000",
               "Hearing at the Phnom Penh Municipal Court, 9:00"]
    texts = str([r.model_dump(mode="json") for r in gone])
    assert all(s in texts for s in secrets)
    demo_db.erase_worker(rizky)
    assert _theirs(demo_db, case_id, rizky) == []
    assert _theirs(demo_db, case_id, dewi) == kept
    named = _named_in_history(demo_db, case_id, {r.id for r in gone})
    assert set(named) == {r.id for r in gone}
    assert all(any(n.startswith("erase:") and n.endswith((":legal matter", ":money entry"))
                   for n in names)
               for names in named.values())
    # Unlike a removal, nothing to bring back: the journal was folded.
    assert all(demo_db.last_version(t, r.id) is None for r in gone
               for t in (("legal",) if isinstance(r, LegalMatter) else ("money",)))
    demo_db.close()
    for file in database_files(db_path):
        data = file.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{secret!r} still in {file.name}"

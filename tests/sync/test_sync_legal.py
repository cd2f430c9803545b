"""A worker's legal matters and money in the union's own sync (issue 34): two sites and the
real hub, as tests/sync/test_sync.py. They sync like any record under a case: saved at one
site, taken at the other; the same field edited at both, a conflict put to a person; removed
at one, gone at the other. An erasure at one site removes the worker's legal matters and
money at both, and no version of them stays readable in either site's files (the database,
its journal, its last-synced bodies beside it).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from store.db.database import Database
from store.domain.legal_codes import LegalKind, LegalStage, MoneyKind, MoneyStatus
from store.domain.records import LegalMatter, MoneyEntry, build
from store.engine import replicas
from store.sync import THEIRS, decide, marks, status, undecided
from tests.sync.test_sync import _pair, _sync


def _rizky(db: Database) -> tuple[str, str]:
    """The demo's Cambodian case and its first worker (the one with a charge and a ransom)."""
    case = db.case_by_ref("KH-2025-0001")
    assert case is not None
    return case.id, db.workers_of(case.id)[0].id


def test_legal_matters_and_money_sync_as_any_record_of_a_case(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    case_id, worker_id = _rizky(jakarta)
    assert len(field.legal_of(case_id)) == 8 and len(field.money_of(case_id)) == 8
    wages = jakarta.save_money(build(MoneyEntry, {
        "case_id": case_id, "worker_id": worker_id, "kind": MoneyKind.WAGES,
        "status": MoneyStatus.RECOVERED, "amount": Decimal("400.50"), "currency": "USD",
        "evidence": "Paid by the agency in cash"}))
    hearing = jakarta.save_legal(build(LegalMatter, {
        "case_id": case_id, "worker_id": worker_id, "kind": LegalKind.STATEMENT,
        "stage": LegalStage.GIVEN, "authority": "Polda Metro Jaya"}))
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    assert field.get(MoneyEntry, wages.id).amount == "400.50"
    assert field.get(LegalMatter, hearing.id).authority == "Polda Metro Jaya"
    assert field.money_totals(case_id, worker_id).of_status(MoneyStatus.RECOVERED) == {
        "USD": Decimal("400.50"), "IDR": Decimal("10000000")}
    # The same field at both sites: a conflict, put to a person at each; another field
    # changed at one site only merges.
    jakarta.save(jakarta.get(MoneyEntry, wages.id).model_copy(update={"amount": "450"}))
    field.save(field.get(MoneyEntry, wages.id).model_copy(update={
        "amount": "400", "evidence": "Receipt from the agency"}))
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        assert marks(db) == {wages.id: ["amount"]}
        assert db.get(MoneyEntry, wages.id).evidence == "Receipt from the agency"
    found = undecided(field, wages.id)
    assert [f.name for f in found.fields] == ["amount"]
    assert {str(f.theirs) for f in found.fields} | {str(f.mine) for f in found.fields} == {
        "450", "400"}
    decide(field, wages.id, {"amount": THEIRS})
    for db, name in ((field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    assert status(jakarta).conflicts == [] and status(field).conflicts == []
    assert jakarta.get(MoneyEntry, wages.id) .amount == field.get(MoneyEntry, wages.id).amount
    # Removed at one site: gone at the other.
    jakarta.remove_legal(hearing.id)
    jakarta.remove_money(wages.id)
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    assert hearing.id not in {m.id for m in field.legal_of(case_id)}
    assert wages.id not in {e.id for e in field.money_of(case_id)}
    assert field.replica_records() == jakarta.replica_records()


def _secrets(db: Database, case_id: str, worker_id: str) -> list[str]:
    """The worker's legal matters' and money's texts and sums no other worker of the demo
    shares (an authority another worker's matter names too stays, as theirs); of six
    characters at least (shorter ones turn up by chance in ids and times: `_bodies` finds
    those records by their worker instead)."""
    def texts(record: Any) -> set[str]:
        data = record.model_dump(mode="json")
        return {str(data[n]) for n in ("authority", "reference", "subject", "lawyer",
                                        "organisation", "next_what", "notes", "amount",
                                        "payer", "evidence") if len(str(data.get(n) or "")) >= 6}

    mine = [*db.legal_of(case_id, worker_id), *db.money_of(case_id, worker_id)]
    others = set().union(*(texts(r) for r in [*db.legal_of(case_id), *db.money_of(case_id)]
                           if r.worker_id != worker_id))
    return sorted(set().union(*(texts(r) for r in mine)) - others)


def _readable(db: Database) -> str:
    """Every file of the site as it can be read with its key: the raw bytes, the records, the
    journal's versions, and the sync state's last-synced bodies and conflicts."""
    from store.engine.journal import read_journal

    folder: Path = db.path.parent
    parts = [p.read_bytes().decode("latin-1") for p in folder.rglob("*") if p.is_file()]
    parts.append(str(db.replica_records()))
    engine = db._engine  # noqa: SLF001 - the test reads what the key opens
    journal = read_journal(engine.journal, sealer=engine.sealer)
    parts.append(str(journal.entries if journal else ""))
    for base in replicas.domains(db.path):
        state = replicas.load(base, engine.sealer)
        assert state is not None
        for doc in state.docs.values():
            parts.append(str(doc.common_versions()))
            parts.append(str(doc.conflict))
    return "\n".join(parts)


def _bodies(db: Database, worker_id: str) -> list[dict[str, Any]]:
    """Every version of a legal matter or money entry of the worker the site can read with
    its key: its records, its journal, its sync states' common versions and conflicts."""
    from store.engine.journal import read_journal

    found = [b for _i, (t, b) in db.replica_records().items() if t in ("legal", "money")]
    engine = db._engine  # noqa: SLF001 - the test reads what the key opens
    journal = read_journal(engine.journal, sealer=engine.sealer)
    for entry in journal.entries if journal else []:
        found += [c["data"] for c in entry["changes"]
                  if c["table"] in ("legal", "money") and c["data"]]
    for base in replicas.domains(db.path):
        state = replicas.load(base, engine.sealer)
        assert state is not None
        for doc in state.docs.values():
            if doc.table in ("legal", "money"):
                found += [b for _r, b in doc.common_versions()]
                found += [b for b in ((doc.conflict or {}).get("bodies") or {}).values() if b]
    return [b for b in found if b.get("worker_id") == worker_id]


def test_an_erasure_takes_the_workers_legal_matters_and_money_from_every_file_of_both_sites(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    case_id, worker_id = _rizky(jakarta)
    ids = {r.id for r in [*jakarta.legal_of(case_id, worker_id),
                          *jakarta.money_of(case_id, worker_id)]}
    secrets = _secrets(jakarta, case_id, worker_id)
    assert len(ids) == 10 and {"IMM-PP-2026-0412", "Sok Dara", "His mother", "60000000",
                               "Bareskrim Polri, TPPO unit"} <= set(secrets)
    for db in (jakarta, field):  # what each site synced, read with its key: there
        assert "IMM-PP-2026-0412" in _readable(db) and len(_bodies(db, worker_id)) >= 10
    # The field site edited one meanwhile: the erasure wins over it.
    ransom = next(e for e in field.money_of(case_id, worker_id) if e.kind is MoneyKind.RANSOM)
    field.save(ransom.model_copy(update={"evidence": "His mother's bank statement"}))
    jakarta.erase_worker(worker_id)
    assert "IMM-PP-2026-0412" not in _readable(jakarta)  # before any sync, too
    assert _bodies(jakarta, worker_id) == []
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta"),
                     (field, "Field")):
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        assert db.legal_of(case_id, worker_id) == [] and db.money_of(case_id, worker_id) == []
        assert status(db).conflicts == []
        text = _readable(db)
        left = [s for s in [*secrets, "His mother's bank statement"] if s in text]
        assert left == [], (db.path.parent.name, left)
        assert _bodies(db, worker_id) == []
    assert field.replica_records() == jakarta.replica_records()
    assert len(jakarta.legal_of(case_id)) == 4 and len(jakarta.money_of(case_id)) == 2

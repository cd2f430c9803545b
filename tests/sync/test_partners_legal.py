"""A worker's legal matters and money in a partner's copy (issue 34), against the real hub as
tests/sync/test_partners.py: the demo's Cambodian case (KH-2025-0001) shared with the Cambodian
union. Such a record is about one worker as a whole: it goes whole where that worker's consent
covers a partner union (Rizky's, Dewi's), else never (Bayu's, who gave none); a consent
withdrawn or narrowed, or the case no longer shared, takes them out of the partner's copy; the
directory's and registry's links (org_id, actor_ids) never go; what the partner records under
the case comes back, and stays there whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import httpx

from store.db.database import Database
from store.domain.legal_codes import LegalKind, LegalStage, MoneyKind, MoneyStatus
from store.domain.records import LegalMatter, MoneyEntry, Worker, build
from store.domain.rules.sharing import WITHHELD
from store.domain.vocab import RecipientKind
from store.exchange.check import check
from store.sync import THEIRS, decide, marks, undecided
from store.sync.partnering import find_partner, partner_status, view_of
from tests.sync.conftest import ADMIN
from tests.sync.test_partners import _cambodian_case, _pair, _sync


def _named(db: Database, case_id: str) -> dict[str, Worker]:
    """The demo's workers of the case by the names demo_legal.py gives them their records
    under (the first, second, third and eighth)."""
    workers = db.workers_of(case_id)
    return {"rizky": workers[0], "dewi": workers[1], "fajar": workers[2], "bayu": workers[7]}


def _of(db: Database, case_id: str, worker_id: str) -> list[LegalMatter | MoneyEntry]:
    return [*db.legal_of(case_id, worker_id), *db.money_of(case_id, worker_id)]


def _shared(record: LegalMatter | MoneyEntry) -> dict[str, object]:
    """A record as its partner may hold it: but its local links and bookkeeping."""
    data = record.model_dump(mode="json")
    for name in ("org_id", "actor_ids", "version", "changed_by", "from_org_id", "notes"):
        data.pop(name, None)
    return data


def test_a_consenting_workers_legal_matters_and_money_go_whole_others_never(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, _cambodia, _us, case = _pair(make_site, hub_url)
    who = _named(home, case.id)
    assert home.consent_of(who["bayu"].id) is None  # the demo's worker without consent
    for name in ("rizky", "dewi", "fajar"):
        mine = _of(home, case.id, who[name].id)
        theirs = {r.id: r for r in _of(partner, case.id, who[name].id)}
        assert mine and set(theirs) == {r.id for r in mine}, name
        for record in mine:
            assert _shared(theirs[record.id]) == _shared(record)  # whole, not withheld
    # The prosecution is linked to the registry's recruiter here, never there.
    prosecution = next(m for m in home.legal_of(case.id, who["rizky"].id)
                       if m.kind is LegalKind.PROSECUTION)
    assert prosecution.actor_ids
    assert partner.get(LegalMatter, prosecution.id).actor_ids == []
    charge = next(m for m in home.legal_of(case.id, who["rizky"].id)
                  if m.kind is LegalKind.CHARGE)
    assert charge.notes and partner.get(LegalMatter, charge.id).notes == WITHHELD
    # Bayu's charge and debt: not in the partner's copy, not on its hub database at all.
    bayus = _of(home, case.id, who["bayu"].id)
    assert len(bayus) == 2 and _of(partner, case.id, who["bayu"].id) == []
    ids = httpx.get(f"{hub_url}/_all_docs", auth=ADMIN).json()["rows"]
    assert not {r.id for r in bayus} & {row["id"] for row in ids}
    assert {r.id for r in _of(home, case.id, who["rizky"].id)} <= {row["id"] for row in ids}
    # The money's totals there are those of the consenting workers only.
    there = partner.money_totals(case.id).of_status(MoneyStatus.OWED)
    assert there == {} and home.money_totals(case.id).of_status(MoneyStatus.OWED) == {
        "USD": Decimal("2000")}
    assert check(partner) == []


def test_a_consent_withdrawn_or_narrowed_takes_them_out_of_the_partners_copy(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    who = _named(home, case.id)
    dewi, fajar, rizky = who["dewi"], who["fajar"], who["rizky"]
    assert len(_of(partner, case.id, dewi.id)) == 3 and _of(partner, case.id, fajar.id)
    # The partner edits her fine meanwhile: the withdrawal wins over it, as over its edit of
    # her fields (test_partners.py), not a conflict that would keep it there.
    fine = partner.money_of(case.id, dewi.id)[0]
    partner.save(fine.model_copy(update={"evidence": "Copy of the waiver at our office"}))
    _sync(partner, us, hub_url, "Phnom Penh")
    withdrawn = home.consent_of(dewi.id)
    narrowed = home.consent_of(fajar.id)
    assert withdrawn is not None and narrowed is not None
    home.save(withdrawn.model_copy(update={"withdrawn_on": dt.date.today()}))
    home.save(narrowed.model_copy(update={"recipients": [
        r for r in narrowed.recipients if r is not RecipientKind.PARTNER_UNION]}))
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")
    assert _of(partner, case.id, dewi.id) == [] and _of(partner, case.id, fajar.id) == []
    assert len(_of(home, case.id, dewi.id)) == 3  # here, kept
    assert home.get(MoneyEntry, fine.id).evidence == fine.evidence  # its edit not taken
    assert partner_status(home, cambodia).status.conflicts == []
    assert partner_status(partner, us).status.conflicts == []
    assert len(_of(partner, case.id, rizky.id)) == 10  # the others' stay
    for _ in range(2):  # and it stays so, both ways
        _sync(home, cambodia, hub_url, "Jakarta")
        _sync(partner, us, hub_url, "Phnom Penh")
    assert _of(partner, case.id, dewi.id) == [] and len(_of(home, case.id, dewi.id)) == 3
    # Her consent given again: they go again.
    home.save(home.consent_of(dewi.id).model_copy(update={"withdrawn_on": None}))  # type: ignore[union-attr]
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")
    assert len(_of(partner, case.id, dewi.id)) == 3


def test_a_case_no_longer_shared_takes_its_legal_matters_and_money_with_it(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    assert partner.legal_of(case.id) and partner.money_of(case.id)
    home.share_case(case.id, cambodia, shared=False)
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")
    assert partner.cases() == []
    assert partner.legal_of(case.id) == [] and partner.money_of(case.id) == []
    assert len(home.legal_of(case.id)) == 8 and len(home.money_of(case.id)) == 8


def test_what_the_partner_records_comes_back_and_its_edit_is_put_to_a_person(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    who = {k: partner.get(Worker, w.id) for k, w in _named(home, case.id).items()}
    assert who["bayu"].full_name == WITHHELD and who["rizky"].full_name != WITHHELD
    hearing = partner.save_legal(build(LegalMatter, {
        "case_id": case.id, "worker_id": who["rizky"].id, "kind": LegalKind.LEGAL_AID,
        "stage": LegalStage.ASSIGNED, "organisation": "Cambodian Legal Aid Project",
        "lawyer": "Chan Sopheak"}))
    # For the worker it knows only as withheld too: it wrote it, it keeps it whole.
    debt = partner.save_money(build(MoneyEntry, {
        "case_id": case.id, "worker_id": who["bayu"].id, "kind": MoneyKind.WAGES,
        "status": MoneyStatus.CLAIMED, "amount": Decimal("640"), "currency": "USD",
        "evidence": "Claim filed with the labour ministry"}))
    fine = next(e for e in partner.money_of(case.id, who["dewi"].id))
    partner.save(fine.model_copy(update={"evidence": "Waiver letter, copy at our office"}))
    _sync(partner, us, hub_url, "Phnom Penh")
    done = _sync(home, cambodia, hub_url, "Jakarta")
    back = home.get(LegalMatter, hearing.id)
    assert back.lawyer == "Chan Sopheak" and back.org_id is None
    # Attributed to the partner in the History, as its steps and check-ins are.
    assert any(e.record == hearing.id and f"partner={cambodia}" in (e.note or "")
               for e in home.audit_trail().entries)
    assert home.get(MoneyEntry, debt.id).evidence == debt.evidence
    # Its change to what it was sent is a conflict put to a person, never applied silently.
    assert home.get(MoneyEntry, fine.id).evidence != "Waiver letter, copy at our office"
    assert done.report.conflicts == 1 and marks(home) == {fine.id: ["evidence"]}
    view = view_of(home, cambodia)
    assert [f.name for f in undecided(view, fine.id).fields] == ["evidence"]  # type: ignore[arg-type]
    decide(view, fine.id, {"evidence": THEIRS})  # type: ignore[arg-type]
    assert home.get(MoneyEntry, fine.id).evidence == "Waiver letter, copy at our office"
    for _ in range(2):
        _sync(home, cambodia, hub_url, "Jakarta")
        # Never sent back as a removal (the partner sending it again): live on the hub.
        assert httpx.get(f"{hub_url}/{debt.id}", auth=ADMIN).status_code == 200
        _sync(partner, us, hub_url, "Phnom Penh")
    # Bayu's money the partner recorded stays there, as it wrote it (not withheld, not gone).
    assert partner.get(MoneyEntry, debt.id).evidence == debt.evidence
    assert partner.get(MoneyEntry, debt.id).amount == "640"
    assert home.get(MoneyEntry, debt.id).amount == "640"
    # Settled: nothing goes back and forth any more (no removal sent, then sent again).
    assert _sync(home, cambodia, hub_url, "Jakarta").report.sent == 0
    assert _sync(partner, us, hub_url, "Phnom Penh").report.sent == 0


def test_one_view_reads_a_consent_again_only_when_it_changed(
        make_site: Callable[..., Database]) -> None:
    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    case = home.share_case(_cambodian_case(home).id, cambodia.id)
    dewi = _named(home, case.id)["dewi"]
    view = view_of(home, cambodia.id)  # one sync's view: its scope is read several times
    ids = {r.id for r in _of(home, case.id, dewi.id)}
    assert ids <= set(view.replica_tables())
    consent = home.consent_of(dewi.id)
    assert consent is not None
    home.save(consent.model_copy(update={"withdrawn_on": dt.date.today()}))
    assert not ids & set(view.replica_tables())

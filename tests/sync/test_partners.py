"""Sharing a case with a partner organisation: the Indonesian union's demo and the Cambodian
union's own database, each syncing their partner domain through its own database on the real
hub (pouchdb-server on 127.0.0.1). Nothing mocked.

What must hold: only the shared case goes, and of its workers only what their consent covers
for a partner union; what the partner adds comes back attributed to it; a change by the
partner to what it was sent is a conflict put to a person; withdrawing consent removes the
worker's fields there at the next sync, over any edit of theirs; no agreement covering data
sharing, no sharing without an override recorded; the hub holds no plaintext value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from store.common.errors import RuleRefused
from store.db.database import Database
from store.domain.classification import is_private
from store.domain.records import (
    Agreement,
    Case,
    LogEntry,
    Organisation,
    Place,
    RegistryLink,
    Worker,
    build,
)
from store.domain.rules.sharing import WITHHELD
from store.domain.vocab import (
    AgreementArea,
    AgreementStatus,
    OrgKind,
    PassportStatus,
    RecipientKind,
)
from store.engine import audit
from store.exchange.check import check
from store.sync import THEIRS, decide, marks, undecided
from store.sync.partnering import (
    SharingRefused,
    export_partner_key,
    find_partner,
    import_partner_key,
    partner_status,
    sync_partner,
    view_of,
)
from tests.sync.conftest import ADMIN, SITE

PASS = "carried by hand 1"


def _cambodian_case(db: Database) -> Case:
    return next(c for c in db.cases() if c.destination_country == "KH" and db.workers_of(c.id))


def _agreement(db: Database, a: str, b: str, *, status: AgreementStatus =
               AgreementStatus.IN_FORCE) -> Agreement:
    agreement = db.save_agreement(build(Agreement, {
        "title": "Data sharing on trafficked workers' cases", "party_ids": [a, b],
        "areas": [AgreementArea.DATA_SHARING, AgreementArea.MIGRANT_PROTECTION]}))
    for step in (AgreementStatus.DRAFTING, AgreementStatus.NEGOTIATION, AgreementStatus.SIGNED,
                 AgreementStatus.IN_FORCE):
        if agreement.status is status:
            break
        agreement = db.move_agreement(agreement, step)
    return agreement


def _sync(db: Database, org_id: str, hub: str, site: str, **kw: Any) -> Any:
    return sync_partner(db, org_id, hub, user=SITE[0], password=SITE[1], site_name=site, **kw)


def _pair(make_site: Callable[..., Database], hub: str
          ) -> tuple[Database, Database, str, str, Case]:
    """Jakarta (the demo, KSPSI) shares the Cambodian case with the Cambodian union, whose own
    database (empty but for KSPSI in its directory) takes the partner key and syncs."""
    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    kspsi = find_partner(home, "KSPSI")
    _agreement(home, kspsi.id, cambodia.id)
    case = home.share_case(_cambodian_case(home).id, cambodia.id)
    _sync(home, cambodia.id, hub, "Jakarta")
    partner = make_site("phnompenh")
    us = partner.save_organisation(build(Organisation, {
        "name": "Konfederasi Serikat Pekerja Seluruh Indonesia", "acronym": "KSPSI",
        "kind": OrgKind.UNION_FEDERATION, "country": "ID"}))
    them = partner.save_organisation(build(Organisation, {
        "name": "Cambodian union confederation", "kind": OrgKind.TRADE_UNION, "country": "KH"}))
    _agreement(partner, us.id, them.id)
    import_partner_key(partner, us.id, export_partner_key(home, cambodia.id, PASS), PASS)
    _sync(partner, us.id, hub, "Phnom Penh")
    return home, partner, cambodia.id, us.id, case


def test_the_partner_holds_only_the_shared_case_and_the_consented_fields(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, _us, case = _pair(make_site, hub_url)
    assert [c.id for c in partner.cases()] == [case.id]
    there = partner.get(Case, case.id)
    assert there.title == case.title and there.shared_with == []
    assert there.assigned_officer == ""  # this office's own
    workers = home.workers_of(case.id)
    consents = {w.id: home.consent_of(w.id) for w in workers}
    covered = [w for w in workers if consents[w.id] and consents[w.id].allows(
        RecipientKind.PARTNER_UNION)]
    withheld = [w for w in workers if w not in covered]
    assert covered and withheld  # the demo's case has both
    for worker in covered:
        copy = partner.get(Worker, worker.id)
        assert copy.full_name == worker.full_name and copy.phone == worker.phone
        assert copy.passport_number == worker.passport_number
        assert {copy.current_location, copy.health, copy.notes} <= {"", WITHHELD}
        assert worker.current_location not in (copy.current_location, "")
    for worker in withheld:
        copy = partner.get(Worker, worker.id)
        assert copy.full_name == WITHHELD
        kept = {n: getattr(copy, n) for n in Worker.model_fields if is_private(Worker, n)
                and getattr(copy, n) not in (None, "", [], WITHHELD, WITHHELD.upper())}
        assert kept == {"passport_status": PassportStatus.UNKNOWN}
        assert copy.sex == worker.sex
    # Log entries: only those with the partner (a brief's rule), their link to the union's
    # directory left here.
    with_them = {e.id for e in home.log_of(case.id) if e.counterpart_org_id == cambodia}
    assert with_them and {e.id for e in partner.log_of(case.id)} == with_them
    assert all(e.counterpart_org_id is None and e.from_org_id == _us
               for e in partner.log_of(case.id))
    # Nothing of another case, nothing of the directory but what the partner keeps itself,
    # and no link to a record of the union's directory: the partner's copy checks clean.
    assert len(partner.organisations()) == 2
    assert check(partner) == []
    # The registry (who trafficked them, and where) is not a partner's: it does not go.
    compound = home.save(build(Place, {"name": "Golden compound", "country": "KH"}))
    home.save(build(RegistryLink, {"case_id": case.id, "place_id": compound.id}))
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, _us, hub_url, "Phnom Penh")
    assert partner.places() == [] and partner.registry_links() == []


def test_a_note_the_partner_adds_comes_back_attributed_and_its_edit_is_put_to_a_person(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    note = partner.save_log_entry(build(LogEntry, {
        "case_id": case.id, "summary": "Visited the group at the shelter; all well.",
        "recorded_by": "Sokha"}))
    worker = next(w for w in partner.workers_of(case.id) if w.full_name != WITHHELD)
    phone = partner.save(worker.model_copy(update={"phone": "+855 12 999 888"})).phone
    _sync(partner, us, hub_url, "Phnom Penh")
    before = home.get(Worker, worker.id)
    done = _sync(home, cambodia, hub_url, "Jakarta")
    back = home.get(LogEntry, note.id)
    assert back.summary == note.summary and back.from_org_id == cambodia
    assert home.get(Worker, worker.id).phone == before.phone  # never applied silently
    assert done.report.conflicts == 1
    assert marks(home) == {worker.id: ["phone"]}  # marked in the app as a union conflict is
    view = view_of(home, cambodia)
    found = undecided(view, worker.id)  # type: ignore[arg-type]
    assert [f.name for f in found.fields] == ["phone"]
    assert found.fields[0].theirs == phone
    decide(view, worker.id, {"phone": THEIRS})  # type: ignore[arg-type]
    assert marks(home) == {}
    assert home.get(Worker, worker.id).phone == phone
    assert home.get(Worker, worker.id).current_location == before.current_location
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")
    assert partner.get(Worker, worker.id).phone == phone
    assert partner_status(home, cambodia).status.conflicts == []
    entries = [e for e in home.audit_trail().entries if e.action == audit.PULLED]
    assert entries and f"partner={cambodia}" in entries[-1].note


def test_withdrawn_consent_removes_the_fields_there_over_the_partners_edit(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    worker = next(w for w in home.workers_of(case.id) if (c := home.consent_of(w.id))
                  and c.allows(RecipientKind.PARTNER_UNION))
    assert partner.get(Worker, worker.id).full_name == worker.full_name
    # The partner edits the worker meanwhile; the worker withdraws consent at home.
    copy = partner.get(Worker, worker.id)
    partner.save(copy.model_copy(update={"home_district": "Somewhere else"}))
    theirs = partner.save_log_entry(build(LogEntry, {
        "case_id": case.id, "summary": f"Met {worker.full_name} at the shelter.",
        "recorded_by": "Sokha"}))
    _sync(partner, us, hub_url, "Phnom Penh")
    consent = home.consent_of(worker.id)
    assert consent is not None
    import datetime as dt
    home.save(consent.model_copy(update={"withdrawn_on": dt.date.today()}))
    done = _sync(home, cambodia, hub_url, "Jakarta")
    assert done.report.withdrawn >= 1 and done.notes
    assert "out of Pulang's reach" in done.notes[-1]
    assert home.get(Worker, worker.id).full_name == worker.full_name  # here, kept
    _sync(partner, us, hub_url, "Phnom Penh")
    there = partner.get(Worker, worker.id)
    assert there.full_name == WITHHELD and there.home_district == WITHHELD
    assert there.phone is None
    # The partner's own note no longer names the worker, as after an erasure.
    assert partner.get(LogEntry, theirs.id).summary == "Met [erased] at the shelter."
    assert partner_status(partner, us).status.conflicts == []


def test_no_agreement_no_sharing_without_an_override_recorded(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    home.share_case(_cambodian_case(home).id, cambodia.id)
    kspsi = find_partner(home, "KSPSI")
    _agreement(home, kspsi.id, cambodia.id, status=AgreementStatus.SIGNED)  # not in force
    with pytest.raises(SharingRefused) as refused:
        _sync(home, cambodia.id, hub_url, "Jakarta")
    assert isinstance(refused.value, RuleRefused) and "with a reason" in str(refused.value)
    assert "covers it but is signed" in str(refused.value)
    assert httpx.get(f"{hub_url}/_all_docs", auth=ADMIN).json()["rows"] == []
    done = _sync(home, cambodia.id, hub_url, "Jakarta",
                 override="The worker asked us to, by phone; agreement in signature")
    assert done.report.sent > 0 and done.override is not None
    overrides = [e for e in home.audit_trail().entries if e.action == audit.SHARING_OVERRIDE]
    assert len(overrides) == 1 and "by phone" in overrides[0].note
    again = _sync(home, cambodia.id, hub_url, "Jakarta")  # under the override recorded
    assert again.override == done.override and "override" in again.notes[0]


def test_the_partners_hub_database_holds_no_plaintext(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, _partner, _cambodia, _us, case = _pair(make_site, hub_url)
    raw = httpx.get(f"{hub_url}/_all_docs", params={"include_docs": "true"},
                    auth=ADMIN).text
    values = {case.title, case.destination_place}
    for worker in home.workers_of(case.id):
        values |= {worker.full_name, worker.passport_number, worker.phone or ""}
    assert all(v not in raw for v in values if v and len(v) > 3)
    # What went to which partner, when and which records: in the audit trail, without values.
    pushed = [e for e in home.audit_trail().entries if e.action == audit.PUSHED]
    assert pushed and all(f"partner={_cambodia}" in e.note for e in pushed)
    assert case.id in " ".join(e.note for e in pushed)
    assert not any(v in e.note for e in pushed for v in values if v and len(v) > 3)


def test_an_erased_worker_is_erased_there_and_a_case_no_longer_shared_leaves_its_copy(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    note = partner.save_log_entry(build(LogEntry, {
        "case_id": case.id, "summary": "Called the shelter.", "recorded_by": "Sokha"}))
    _sync(partner, us, hub_url, "Phnom Penh")
    _sync(home, cambodia, hub_url, "Jakarta")
    worker = next(w for w in home.workers_of(case.id) if (c := home.consent_of(w.id))
                  and c.allows(RecipientKind.PARTNER_UNION))
    home.erase_worker(worker.id)
    # Nothing of the worker stays in the partner domain's state here either.
    doc = view_of(home, cambodia).state.docs[worker.id]  # type: ignore[union-attr]
    assert doc.base is None and worker.id in view_of(home, cambodia).state.erased  # type: ignore[union-attr]
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")
    there = partner.get(Worker, worker.id)
    assert there.erased_at is not None and there.full_name == "[erased]"

    home.share_case(case.id, cambodia, shared=False)
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")
    assert partner.cases() == []
    for _ in range(2):  # and it stays so, both ways
        _sync(home, cambodia, hub_url, "Jakarta")
        _sync(partner, us, hub_url, "Phnom Penh")
    assert partner.cases() == []
    assert home.get(LogEntry, note.id).from_org_id == cambodia  # kept here
    assert partner_status(home, cambodia).status.waiting == 0
    assert partner_status(partner, us).status.waiting == 0


def test_a_partner_is_not_removed_nor_merged_away_and_a_merge_moves_its_cases(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from store.common.errors import StillLinked

    home, _partner, cambodia, _us, case = _pair(make_site, hub_url)
    with pytest.raises(StillLinked, match="syncs with this database"):
        home.remove_organisation(cambodia)
    twin = home.save_organisation(build(Organisation, {
        "name": "Cambodian union confed.", "kind": OrgKind.TRADE_UNION}))
    with pytest.raises(StillLinked, match="syncs with this database"):
        home.merge_organisations(twin.id, cambodia)  # the one that syncs is kept instead
    other = home.save_organisation(build(Organisation, {
        "name": "Union of Phnom Penh", "kind": OrgKind.TRADE_UNION}))
    home.share_case(case.id, other.id)
    with pytest.raises(StillLinked, match="1 case is shared with Union of Phnom Penh"):
        home.remove_organisation(other.id)
    home.merge_organisations(cambodia, other.id)
    assert home.get(Case, case.id).shared_with == [cambodia]

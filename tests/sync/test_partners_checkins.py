"""Check-ins after return in a partner's copy (issue 35), against the real hub as
tests/sync/test_partners_legal.py: the demo's Cambodian case shared with the Cambodian union.
A check-in is about one worker as a whole: it goes only where that worker's consent covers a
partner union (Rizky's), never otherwise (Bayu's: none; the sixth worker's: withdrawn), and
then without its answers and notes (sensitive: never shared) nor who made it (this office's
own): the partner sees that a check-in of month 3 happened on a day and whether its signs
were followed up, never what was answered. What the partner records comes back attributed to
it, by the same rule: without the answers it was given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import httpx

from store.db.base import CHECKINS
from store.db.database import Database
from store.domain.records import CheckIn, build
from store.domain.rules.sharing import WITHHELD
from store.domain.vocab import RecipientKind
from store.exchange.check import check
from store.sync.partnering import partner_status
from tests.sync.conftest import ADMIN
from tests.sync.test_partners import _pair, _sync

SIGNS = {"recruiter_contact": "yes", "offer_abroad": "yes", "debt": "larger",
         "wellbeing": "often", "family": "conflict"}
NOTE = "Cousin in Kampot says a broker named Dara offered him casino work again"


def test_a_checkin_goes_only_for_a_consenting_worker_and_without_its_answers(
        make_site: Callable[..., Database], hub_url: str) -> None:
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    today = dt.date.today()
    workers = home.workers_of(case.id)
    rizky, withdrawn, bayu = workers[0], workers[5], workers[7]
    assert home.consent_of(rizky.id).allows(RecipientKind.PARTNER_UNION)  # type: ignore[union-attr]
    assert not home.consent_of(withdrawn.id).allows(  # type: ignore[union-attr]
        RecipientKind.PARTNER_UNION)
    assert home.consent_of(bayu.id) is None

    def checkin(worker_id: str, month: int | None) -> CheckIn:
        return home.save_checkin(build(CheckIn, {
            "case_id": case.id, "worker_id": worker_id, "month": month,
            "on": today - dt.timedelta(days=3), "by": "Officer Wulandari", "answers": SIGNS,
            "notes": NOTE}))

    shared = checkin(rizky.id, 3)
    home.follow_up_signs(shared.id, "Warned him: the offer is a known trap", on=today)
    kept = [checkin(withdrawn.id, 3), checkin(bayu.id, None)]
    _sync(home, cambodia, hub_url, "Jakarta")
    _sync(partner, us, hub_url, "Phnom Penh")

    there = partner.checkins_of(case.id)
    assert [c.id for c in there] == [shared.id]
    copy = there[0]
    assert (copy.month, copy.on, copy.followed_on) == (3, shared.on, today)
    assert copy.answers == {} and copy.notes == WITHHELD and copy.by == ""
    stored = partner._engine.get(CHECKINS, shared.id)  # noqa: SLF001 - the copy as pulled
    assert stored is not None and "by" not in stored
    assert stored["answers"] == {}
    text = str(stored)
    # What was done about the signs may tell what was answered: it stays here too.
    assert copy.followed_note == WITHHELD
    for secret in (*SIGNS, "larger", "conflict", "Kampot", "Dara", "Wulandari", "known trap"):
        assert secret not in text
    # Without answers, the partner's copy shows no sign, so its Today has none to follow.
    assert partner.signs_to_follow() == []
    # The others' are not on the partner's hub database at all.
    ids = {row["id"] for row in httpx.get(f"{hub_url}/_all_docs", auth=ADMIN).json()["rows"]}
    assert shared.id in ids and not {c.id for c in kept} & ids
    assert check(partner) == []
    # Here, everything is as it was.
    mine = home.get(CheckIn, shared.id)
    assert mine.answers == SIGNS and mine.notes == NOTE and mine.by == "Officer Wulandari"


def test_a_checkin_the_partner_records_comes_back_its_answers_stay_there(
        make_site: Callable[..., Database], hub_url: str) -> None:
    """The one rule both ways: what the partner was told in answer (sensitive) does not
    cross to this union either; that the check-in happened does, attributed to it."""
    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    rizky = home.workers_of(case.id)[0]
    visit = partner.save_checkin(build(CheckIn, {
        "case_id": case.id, "worker_id": rizky.id, "month": 1, "on": dt.date.today(),
        "answers": {"income_source": "none", "offer_abroad": "yes"},
        "notes": "Met him at our Phnom Penh office"}))
    for _ in range(2):
        _sync(partner, us, hub_url, "Phnom Penh")
        _sync(home, cambodia, hub_url, "Jakarta")
    back = home.get(CheckIn, visit.id)
    assert (back.month, back.on) == (1, visit.on)
    assert back.answers == {} and back.notes == WITHHELD
    assert any(e.record == visit.id and f"partner={cambodia}" in (e.note or "")
               for e in home.audit_trail().entries)
    # The partner's own copy keeps what it wrote, and its Today the sign.
    mine = partner.get(CheckIn, visit.id)
    assert mine.answers == visit.answers and mine.notes == visit.notes
    assert [s.checkin.id for s in partner.signs_to_follow()] == [visit.id]
    assert partner_status(home, cambodia).status.conflicts == []

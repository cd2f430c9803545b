"""The sharing rule for a record about one worker (a legal matter, money in their case):
whole or not at all, by that worker's own consent (`goes_at_all`), then the field rules
(`shared_body`): the directory's and registry's links never go, the office's notes neither.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from store.domain.legal_codes import LegalKind, LegalStage, MoneyKind, MoneyStatus, Payer
from store.domain.records import Consent, LegalMatter, LogEntry, MoneyEntry, Worker, build
from store.domain.rules.sharing import WITHHELD, goes_at_all, shared_body
from store.domain.vocab import RecipientKind

GIVEN = dt.date(2025, 3, 1)


def _consent(*kinds: RecipientKind, withdrawn: bool = False) -> Consent:
    return build(Consent, {"case_id": "c", "worker_id": "w", "given_on": GIVEN,
                           "taken_by": "desk", "recipients": list(kinds),
                           **({"withdrawn_on": GIVEN + dt.timedelta(days=3)}
                              if withdrawn else {})})


def _charge() -> LegalMatter:
    return build(LegalMatter, {
        "case_id": "c", "worker_id": "w", "kind": LegalKind.PROSECUTION,
        "stage": LegalStage.INVESTIGATION, "authority": "Bareskrim Polri",
        "reference": "LP/B/117", "subject": "Trafficking", "since": GIVEN,
        "org_id": "org-1", "actor_ids": ["actor-1"], "lawyer": "Sok Dara",
        "notes": "Said in the office only"})


def _ransom() -> MoneyEntry:
    return build(MoneyEntry, {
        "case_id": "c", "worker_id": "w", "kind": MoneyKind.RANSOM,
        "status": MoneyStatus.PAID, "amount": Decimal("1500"), "currency": "usd",
        "paid_by": Payer.FAMILY, "payer": "His mother", "on": GIVEN})


def test_a_record_about_one_worker_goes_only_where_their_own_consent_covers_the_kind() -> None:
    partner, police = RecipientKind.PARTNER_UNION, RecipientKind.POLICE
    for model in (LegalMatter, MoneyEntry):
        assert goes_at_all(model, _consent(partner, police), partner)
        assert goes_at_all(model, _consent(police), police)
        assert not goes_at_all(model, _consent(police), partner)  # narrowed
        assert not goes_at_all(model, _consent(partner, withdrawn=True), partner)
        assert not goes_at_all(model, None, partner)  # no consent at all
    # Any other kind goes whatever the consent; the field rules then keep back what they do.
    for model in (LogEntry, Worker, Consent):
        assert goes_at_all(model, None, partner)


def test_such_a_record_goes_whole_but_its_local_links_and_the_offices_notes() -> None:
    charge = _charge().model_dump(mode="json")
    body = shared_body(LegalMatter, charge, consent=True)
    assert "org_id" not in body and "actor_ids" not in body
    assert body["notes"] == WITHHELD
    assert {k: v for k, v in body.items() if k != "notes"} == {
        k: v for k, v in charge.items() if k not in ("org_id", "actor_ids", "notes")}
    ransom = _ransom().model_dump(mode="json")
    assert ransom["amount"] == "1500" and ransom["currency"] == "USD"
    assert shared_body(MoneyEntry, ransom, consent=True) == ransom

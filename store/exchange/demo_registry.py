"""The demo's registry (store/exchange/demo.py calls `seed_registry` in its transaction): the
compound near Phnom Penh the ten workers escaped from, raided by the police and moved to
Sihanoukville, where the two returnees of the Sihanoukville case were held; the recruiter whose
Telegram handle and WhatsApp number recruited both groups (so the registry says "seen in 2
cases"); the agency that took the placement fee into its bank account and published the job
advert. The Myanmar case's first log entry mentions the same handle (demo_seed.py): the case
page offers it for linking.

Sources are mixed as in life: the workers' statements are alleged, the raid is confirmed by a
police report, the move is what the Cambodian union says. Every name, handle, number, account
and address here is invented (the advert's host is under example.com); the positions are
only roughly where such places are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from store.db.database import Database
from store.domain.records import (
    Actor,
    Case,
    Identifier,
    Place,
    PlaceChange,
    RegistryLink,
    build,
)
from store.domain.vocab import (
    ActorRole,
    Certainty,
    IdentifierKind,
    PlaceKind,
    PlaceStatus,
    SourceKind,
)
from store.exchange.demo_seed import SEED_REPORTED, SEED_WORKERS

HANDLE = "LokerKamboja_VIP"  # as the workers wrote it; the registry keeps "lokerkamboja_vip"
WHATSAPP = "+62 813 5550 2417"
DESK = "International desk"  # who entered the workers' statements
ESCAPED = dt.date(2025, 12, 10)  # the ten workers left the compound two days before the report
# When each of the ten arrived at the compound (month, day of 2025), in SEED_WORKERS' order.
ARRIVED = [(6, 14), (6, 14), (7, 2), (7, 2), (7, 21), (8, 9), (8, 9), (8, 27), (9, 15),
           (9, 15)]

COMPOUND: dict[str, Any] = {
    "name": "Blue Lotus compound", "other_names": ["Lotus Park", "Building B7"],
    "kind": PlaceKind.COMPOUND, "city": "Chbar Ampov", "province": "Phnom Penh Capital",
    "country": "KH", "latitude": 11.5043, "longitude": 104.9571,
}
NEW_COMPOUND: dict[str, Any] = {
    "name": "Golden Bay compound", "other_names": ["Bay 88"], "kind": PlaceKind.COMPOUND,
    "city": "Sihanoukville", "province": "Preah Sihanouk", "country": "KH",
    "latitude": 10.6093, "longitude": 103.5296,
}
RECRUITER: dict[str, Any] = {
    "name": "Ken Susanto", "other_names": ["Bos Ken", "Koh Ken"], "role": ActorRole.RECRUITER,
    "country": "ID",
}
AGENCY: dict[str, Any] = {
    "name": "PT Lintas Karya Samudera", "role": ActorRole.AGENCY, "country": "ID",
}
ACCOUNT: dict[str, Any] = {"kind": IdentifierKind.BANK_ACCOUNT, "value": "0912 3345 6678",
                           "bank": "Bank Contoh"}
ADVERT: dict[str, Any] = {
    "kind": IdentifierKind.JOB_ADVERT,
    "value": "https://loker-luarnegeri.example.com/operator-ecommerce-phnom-penh",
}


def _on(day: dt.date, today: dt.date) -> dt.date:
    """A day of the story, never after today (a registry fact is never dated ahead)."""
    return min(day, today)


def seed_registry(db: Database, case: Case, today: dt.date) -> None:
    """The demo's places, actors and identifiers and their links to the ten-worker case
    (`case`) and the Sihanoukville case (see the module)."""
    sihanoukville = next(c for c in db.cases() if c.destination_place == "Sihanoukville")
    by_name = {w.full_name: w for w in db.workers_of(case.id)}
    workers = [by_name[row[0]] for row in SEED_WORKERS]
    returnees = db.workers_of(sihanoukville.id)

    stated = _on(SEED_REPORTED + dt.timedelta(days=6), today)  # the workers' statements
    raided = _on(SEED_REPORTED + dt.timedelta(days=45), today)
    moved = _on(SEED_REPORTED + dt.timedelta(days=70), today)
    second_raid = max(moved, today - dt.timedelta(days=123))
    workers_said = {"source": SourceKind.WORKER, "certainty": Certainty.ALLEGED,
                    "reported_by": DESK, "reported_on": stated}
    police_said = {"source": SourceKind.POLICE, "certainty": Certainty.CONFIRMED,
                   "reported_by": DESK}

    golden_bay = db.save_place(build(Place, {
        **NEW_COMPOUND, "source": SourceKind.PARTNER, "certainty": Certainty.ALLEGED,
        "reported_by": DESK, "reported_on": _on(moved + dt.timedelta(days=9), today),
        "status": PlaceStatus.RAIDED,
        "history": [PlaceChange(status=PlaceStatus.OPERATING, on=moved),
                    PlaceChange(status=PlaceStatus.RAIDED, on=second_raid,
                                note="Raided by the police; the workers inside were freed")],
    }))
    blue_lotus = db.save_place(build(Place, {
        **COMPOUND, **police_said, "reported_on": _on(raided + dt.timedelta(days=3), today),
        "status": PlaceStatus.RELOCATED, "moved_to_id": golden_bay.id,
        "history": [PlaceChange(status=PlaceStatus.OPERATING, on=dt.date(2025, 3, 1),
                                note="Operating since early 2025, by the workers' account"),
                    PlaceChange(status=PlaceStatus.RAIDED, on=raided,
                                note="Raided by the police after the group's escape"),
                    PlaceChange(status=PlaceStatus.RELOCATED, on=moved,
                                note="Moved after the raid")],
    }))
    recruiter = db.save_actor(build(Actor, {**RECRUITER, **workers_said}))
    agency = db.save_actor(build(Actor, {
        **AGENCY, "source": SourceKind.OFFICER, "certainty": Certainty.ALLEGED,
        "reported_by": DESK, "reported_on": stated}))
    telegram = db.save_identifier(build(Identifier, {
        "kind": IdentifierKind.TELEGRAM, "value": HANDLE, "actor_id": recruiter.id,
        **workers_said}))
    whatsapp = db.save_identifier(build(Identifier, {
        "kind": IdentifierKind.WHATSAPP, "value": WHATSAPP, "actor_id": recruiter.id,
        **workers_said}))
    account = db.save_identifier(build(Identifier, {
        **ACCOUNT, "actor_id": agency.id, **workers_said}))
    advert = db.save_identifier(build(Identifier, {
        **ADVERT, "actor_id": agency.id, **workers_said}))

    def link(on: Case, **fields: Any) -> None:
        db.save_registry_link(build(RegistryLink, {"case_id": on.id, **workers_said,
                                                   **fields}))

    # The ten-worker case: where they were held, who recruited them, how they were reached.
    for worker, (month, day) in zip(workers, ARRIVED, strict=True):
        link(case, place_id=blue_lotus.id, worker_id=worker.id,
             held_from=dt.date(2025, month, day), held_to=ESCAPED)
    link(case, actor_id=recruiter.id, role=ActorRole.RECRUITER,
         note="Recruited the group in a Telegram job group and paid their tickets")
    link(case, actor_id=recruiter.id, role=ActorRole.RECRUITER, worker_id=workers[0].id,
         note="Met him at the airport in Phnom Penh")
    link(case, actor_id=recruiter.id, role=ActorRole.RECRUITER, worker_id=workers[2].id,
         note="Told him to pay USD 3,000 to leave")
    link(case, actor_id=agency.id, role=ActorRole.AGENCY,
         note="Named on the contract the workers signed in Jakarta")
    link(case, identifier_id=telegram.id)
    link(case, identifier_id=whatsapp.id)
    link(case, identifier_id=account.id, note="The placement fee was paid into it")
    link(case, identifier_id=advert.id)

    # The Sihanoukville case: the same recruiter's handle and number, the compound it moved to.
    police_report = {**police_said, "reported_on": _on(second_raid + dt.timedelta(days=4),
                                                       today)}
    for worker, days in zip(returnees, (70, 56), strict=False):
        link(sihanoukville, place_id=golden_bay.id, worker_id=worker.id,
             held_from=second_raid - dt.timedelta(days=days), **police_report)
    link(sihanoukville, actor_id=recruiter.id, role=ActorRole.RECRUITER, **police_report)
    link(sihanoukville, identifier_id=telegram.id, **police_report,
         note="On the phones seized in the raid")
    link(sihanoukville, identifier_id=whatsapp.id, reported_on=_on(
        sihanoukville.date_reported + dt.timedelta(days=2), today))


__all__ = ["HANDLE", "seed_registry"]

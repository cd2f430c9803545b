"""The generated workers' screenings and consents, for tests/perf/generate_more.py: one of each
per worker, as the store keeps them (`Screening`, `Consent`). Most workers have both; about one
in eight of an open case lacks one or the other (Today lists them: "without screening or
consent"), fewer of a closed case. A screening is dated between the case's report and the
generator's day; the act, means and purpose mostly "yes" (these are cases a union took up),
each ILO indicator present with its own share and, when present, a line of evidence now and
then; two in three carry the officer's decided status. A consent names the recipients the
worker agreed to (the embassy nearly always, the statistics rarely); a few are withdrawn.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from store.domain.records import Consent, Screening
from store.domain.vocab import (
    DecidedBy,
    IloIndicator,
    MeansOfControl,
    Platform,
    RecipientKind,
    RecruiterRelation,
    RecruitmentMethod,
    TraffickingStatus,
)
from tests.perf.generate_kinds import template

Doc = dict[str, Any]
Stamp = Callable[[random.Random, dt.datetime], Doc]

# How often each ILO indicator is present among the workers a union screens (scam compounds:
# deception, documents and movement nearly always; violence less often).
_ILO_SHARE = {IloIndicator.VULNERABILITY: 0.6, IloIndicator.DECEPTION: 0.9,
              IloIndicator.MOVEMENT: 0.8, IloIndicator.ISOLATION: 0.5,
              IloIndicator.VIOLENCE: 0.35, IloIndicator.THREATS: 0.6,
              IloIndicator.DOCUMENTS: 0.75, IloIndicator.WAGES: 0.55, IloIndicator.DEBT: 0.45,
              IloIndicator.CONDITIONS: 0.6, IloIndicator.OVERTIME: 0.7}
_EVIDENCE = ["Said so in the first call", "Messages kept on the phone", "Seen by the partner",
             "Several workers of the group say the same", "Photo of the contract"]
# Recipients a worker agrees to, each with its share.
_RECIPIENTS = [(RecipientKind.EMBASSY, 0.95), (RecipientKind.PARTNER_UNION, 0.7),
               (RecipientKind.SHELTER_HEALTH, 0.5), (RecipientKind.POLICE, 0.35),
               (RecipientKind.FAMILY, 0.45), (RecipientKind.STATISTICS, 0.2)]
_LANGUAGES = {"ID": "Bahasa Indonesia", "LA": "Lao", "KH": "Khmer", "MM": "Burmese",
              "TH": "Thai"}
_OFFICERS = ["Rina", "Dewi", "Somchai", "Siti Rahmawati"]


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange(max((last - first).days, 0) + 1))


def make_screenings(rng: random.Random, case: Doc, workers: list[Doc], today: dt.date,
                    stamp: Stamp) -> tuple[list[Doc], list[Doc]]:
    """The screenings and consents of a case's workers (see the module's doc)."""
    screenings: list[Doc] = []
    consents: list[Doc] = []
    reported = dt.date.fromisoformat(case["date_reported"])
    closed = case.get("stage") == "closed"
    lacking = 0.04 if closed else 0.13
    screen_tpl, consent_tpl = template(Screening), template(Consent)
    for worker in workers:
        lacks = rng.choice(["screening", "consent", "consent"]) if rng.random() < lacking \
            else None
        on = _day_between(rng, reported, min(reported + dt.timedelta(days=30), today))
        when = dt.datetime.combine(on, dt.time(10, 0), tzinfo=dt.timezone.utc)
        if lacks != "screening":
            screenings.append(_screening(rng, screen_tpl, worker, on, stamp(rng, when)))
        if lacks != "consent":
            consents.append(_consent(rng, consent_tpl, worker, on, today, stamp(rng, when)))
    return screenings, consents


def _screening(rng: random.Random, tpl: Doc, worker: Doc, on: dt.date, stamped: Doc) -> Doc:
    doc = {**tpl, **stamped, "case_id": worker["case_id"], "worker_id": worker["id"],
           "screened_on": on.isoformat(), "screened_by": rng.choice(_OFFICERS)}
    for field, share in (("act", 0.95), ("means", 0.85), ("purpose", 0.9)):
        doc[field] = _answer(rng, share)
        if doc[field] == "yes" and rng.random() < 0.4:
            doc[f"{field}_evidence"] = rng.choice(_EVIDENCE)
    doc["minor"] = "yes" if rng.random() < 0.03 else "no" if rng.random() < 0.8 else "unknown"
    for indicator, share in _ILO_SHARE.items():
        answer = _answer(rng, share)
        doc[f"ilo_{indicator.value}"] = answer
        if answer == "yes" and rng.random() < 0.3:
            doc[f"ilo_{indicator.value}_evidence"] = rng.choice(_EVIDENCE)
    doc["means_of_control"] = rng.sample([m.value for m in MeansOfControl], rng.randrange(0, 4))
    method = rng.choice([RecruitmentMethod.ONLINE_SOCIAL_NETWORKS] * 4 + [
        RecruitmentMethod.ONLINE_ADVERTISEMENT, RecruitmentMethod.FRIENDS,
        RecruitmentMethod.FAMILY, None])
    doc["recruitment_method"] = method.value if method else None
    if doc["recruitment_method"] in (RecruitmentMethod.ONLINE_SOCIAL_NETWORKS,
                                     RecruitmentMethod.ONLINE_ADVERTISEMENT):
        doc["platform"] = rng.choice([Platform.FACEBOOK, Platform.FACEBOOK, Platform.TELEGRAM,
                                      Platform.TIKTOK, Platform.WHATSAPP]).value
    doc["recruiter_relation"] = rng.choice([None, RecruiterRelation.UNKNOWN.value,
                                            RecruiterRelation.FRIEND.value,
                                            RecruiterRelation.OTHER.value])
    if rng.random() < 2 / 3:
        doc["status"] = rng.choice([TraffickingStatus.POSSIBLE] * 3 + [
            TraffickingStatus.ACTUAL] * 2 + [TraffickingStatus.NOT_A_VICTIM]).value
        doc["decided_by"] = rng.choice([DecidedBy.NGO, DecidedBy.NGO, DecidedBy.POLICE,
                                        DecidedBy.GOVERNMENT]).value
    return doc


def _answer(rng: random.Random, share: float) -> str:
    draw = rng.random()
    return "yes" if draw < share else "unknown" if draw < share + (1 - share) / 3 else "no"


def _consent(rng: random.Random, tpl: Doc, worker: Doc, on: dt.date, today: dt.date,
             stamped: Doc) -> Doc:
    recipients = [kind.value for kind, share in _RECIPIENTS if rng.random() < share]
    withdrawn = _day_between(rng, on, today) if rng.random() < 0.02 else None
    return {**tpl, **stamped, "case_id": worker["case_id"], "worker_id": worker["id"],
            "given_on": on.isoformat(), "taken_by": rng.choice(_OFFICERS),
            "language": _LANGUAGES.get(worker.get("nationality") or "", ""),
            "recipients": recipients,
            "withdrawn_on": withdrawn.isoformat() if withdrawn else None,
            "notes": "Given orally, by phone; read back to the worker" if rng.random() < 0.1
            else ""}

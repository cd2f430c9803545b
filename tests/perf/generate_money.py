"""The money in the generated cases (`MoneyEntry`, store/domain/money.py), for
tests/perf/generate_more.py: about one worker in three has some. What a union sees in scam
compound cases: a recruitment fee paid in the home currency (some claimed back, a few
recovered), a travel debt owed, a ransom demanded of the family in dollars (often paid, by the
family), wages owed and claimed, an immigration fine in the destination's currency (often
waived) and, rarely, compensation claimed, awarded, recovered. Each sum at one status is one
entry (a claim and what came back of it are two), amounts kept as their decimal text.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from store.domain.legal_codes import MoneyKind, MoneyStatus, Payer
from store.domain.records import MoneyEntry
from tests.perf.generate_kinds import template

Doc = dict[str, Any]
Stamp = Callable[[random.Random, dt.datetime], Doc]

HOME_CURRENCY = {"ID": "IDR", "LA": "LAK", "KH": "KHR", "MM": "MMK", "TH": "THB"}
PLACE_CURRENCY = {"KH": "KHR", "MM": "MMK", "LA": "LAK", "TH": "THB", "PH": "PHP", "MY": "MYR"}
# A typical sum of each kind, in dollars (the home and local currencies at rough rates).
_USD_RATE = {"USD": 1, "IDR": 16_000, "LAK": 21_000, "KHR": 4_100, "MMK": 2_100, "THB": 35,
             "PHP": 57, "MYR": 4.5}
S = MoneyStatus
# (kind, share of the workers with money, dollars from, to, where the currency is from,
#  statuses with weights)
_KINDS: list[tuple[MoneyKind, float, int, int, str, list[tuple[MoneyStatus, int]]]] = [
    (MoneyKind.RECRUITMENT_FEE, 0.55, 300, 2_500, "home",
     [(S.PAID, 6), (S.CLAIMED, 2), (S.OWED, 1), (S.RECOVERED, 1)]),
    (MoneyKind.TRAVEL_DEBT, 0.25, 400, 2_000, "usd", [(S.OWED, 5), (S.WAIVED, 2), (S.PAID, 1)]),
    (MoneyKind.RANSOM, 0.2, 1_000, 6_000, "usd",
     [(S.DEMANDED, 4), (S.PAID, 4), (S.CLAIMED, 1), (S.RECOVERED, 1)]),
    (MoneyKind.WAGES, 0.4, 300, 4_000, "usd", [(S.OWED, 5), (S.CLAIMED, 3), (S.AWARDED, 1),
                                               (S.RECOVERED, 1)]),
    (MoneyKind.FINE, 0.2, 200, 1_500, "place", [(S.DEMANDED, 3), (S.WAIVED, 4), (S.PAID, 3)]),
    (MoneyKind.COMPENSATION, 0.05, 1_000, 10_000, "home",
     [(S.CLAIMED, 5), (S.AWARDED, 2), (S.RECOVERED, 1)]),
]
del S
_EVIDENCE = ["Transfer receipt kept", "Messages from the compound's manager",
             "By the worker's own account", "Western Union receipt", "Waiver letter", ""]
_PAYERS = {MoneyKind.RANSOM: [Payer.FAMILY] * 5 + [Payer.WORKER],
           MoneyKind.FINE: [Payer.GOVERNMENT, Payer.UNION, Payer.WORKER, Payer.EMPLOYER],
           MoneyKind.RECRUITMENT_FEE: [Payer.WORKER] * 3 + [Payer.FAMILY],
           MoneyKind.TRAVEL_DEBT: [Payer.WORKER, Payer.FAMILY]}


def make_money(rng: random.Random, case: Doc, workers: list[Doc], today: dt.date,
               stamp: Stamp) -> list[Doc]:
    """The money entries of a case's workers (see the module's doc)."""
    entries: list[Doc] = []
    reported = dt.date.fromisoformat(case["date_reported"])
    tpl = template(MoneyEntry)
    for worker in workers:
        if rng.random() >= 0.33:
            continue
        for kind, share, low, high, where, statuses in _KINDS:
            if rng.random() >= share:
                continue
            currency = {"usd": "USD",
                        "home": HOME_CURRENCY.get(worker.get("nationality") or "", "USD"),
                        "place": PLACE_CURRENCY.get(case["destination_country"], "USD"),
                        }[where]
            dollars = rng.randrange(low, high + 1, 50)
            for status in _statuses(rng, statuses):
                on = reported + dt.timedelta(days=rng.randrange(-200, 60)) \
                    if kind is MoneyKind.RECRUITMENT_FEE \
                    else reported + dt.timedelta(days=rng.randrange(0, 90))
                on = min(on, today)
                part = 1.0 if status in (MoneyStatus.DEMANDED, MoneyStatus.OWED,
                                         MoneyStatus.CLAIMED) else rng.choice([1, 1, 0.5, 0.3])
                when = dt.datetime.combine(max(on, reported), dt.time(11, 0),
                                           tzinfo=dt.timezone.utc)
                paid_by = rng.choice(_PAYERS.get(kind, [Payer.OTHER])) \
                    if status is MoneyStatus.PAID else None
                entries.append({
                    **tpl, **stamp(rng, when), "case_id": case["id"],
                    "worker_id": worker["id"], "kind": kind.value, "status": status.value,
                    "amount": _amount(dollars * part, currency), "currency": currency,
                    "on": on.isoformat() if rng.random() < 0.9 else None,
                    "paid_by": paid_by.value if paid_by else None,
                    "payer": "The worker's mother" if paid_by is Payer.FAMILY
                    and rng.random() < 0.5 else "",
                    "evidence": rng.choice(_EVIDENCE)})
    return entries


def _statuses(rng: random.Random, weighted: list[tuple[MoneyStatus, int]]) -> list[MoneyStatus]:
    """One status, or a claim and what came of it (two entries)."""
    first = rng.choices([s for s, _ in weighted], weights=[w for _, w in weighted])[0]
    later = [s for s, _ in weighted if s in (MoneyStatus.AWARDED, MoneyStatus.RECOVERED)]
    if first is MoneyStatus.CLAIMED and later and rng.random() < 0.3:
        return [first, rng.choice(later)]
    return [first]


def _amount(dollars: float, currency: str) -> str:
    value = dollars * _USD_RATE.get(currency, 1)
    if currency in ("USD", "MYR", "THB", "PHP"):
        return f"{value:.2f}" if value % 1 else str(int(value))
    return str(int(round(value, -3)))  # rupiah, kip, riel, kyat: in thousands

"""`pulang report`'s money and legal figures: totals a test recomputes from the records
(`db.money_of` over `db.cases()`) on the demo and on a generated database of several
currencies and statuses, as exact decimal strings, never floats, never converted; legal counts
of workers (not records), those below the small-number threshold given as "<5"."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from store.db.database import Database
from store.domain.legal_codes import (
    STATUSES_OF,
    LegalKind,
    LegalStage,
    MoneyKind,
    MoneyStatus,
    WitnessRole,
)
from store.domain.records import Case, LegalMatter, MoneyEntry, Worker, build
from store.domain.vocab import ExploitationType
from store.exchange.demo import write_demo
from store.exchange.report import MIN_PROVINCE_COUNT
from store.exchange.report_legal import money_totals, shown_count
from tests.conftest import Run

CURRENCIES = ("USD", "IDR", "KHR", "THB", "LAK")


def recomputed_money(db: Database) -> dict[str, dict[str, str]]:
    """The totals, from the records, by plain loops (Decimal, then its text)."""
    want: dict[str, dict[str, Decimal]] = {key: {} for key in (
        "claimed", "awarded", "recovered", "ransom_paid", "owed")}
    for case in db.cases():
        for entry in db.money_of(case.id):
            if entry.status is MoneyStatus.PAID:
                if entry.kind is not MoneyKind.RANSOM:
                    continue
                key = "ransom_paid"
            elif entry.status.value in want:
                key = entry.status.value
            else:
                continue
            sums = want[key]
            sums[entry.currency] = sums.get(entry.currency, Decimal(0)) + Decimal(entry.amount)
    return {key: {code: str(sums[code]) for code in sorted(sums)} for key, sums in want.items()}


def _json(cli: Run, db_path: Path) -> dict[str, Any]:
    done = cli("report", "--format", "json", "--db", db_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout, parse_float=lambda text: ("float", text))  # type: ignore


def _strings_only(money: dict[str, dict[str, Any]]) -> None:
    for sums in money.values():
        assert list(sums) == sorted(sums)
        for amount in sums.values():
            assert isinstance(amount, str) and Decimal(amount) >= 0
            assert "e" not in amount.lower() and "," not in amount


def test_the_demos_money_is_that_of_its_records(cli: Run, db_path: Path) -> None:
    write_demo(db_path).close()
    got = _json(cli, db_path)
    with Database.open(db_path) as db:
        assert got["money"] == recomputed_money(db)
    _strings_only(got["money"])
    # What the demo's Cambodian case holds (store/exchange/demo_legal.py).
    assert got["money"]["claimed"] == {"IDR": "60000000", "USD": "1200"}
    assert got["money"]["recovered"] == {"IDR": "10000000"}
    assert got["money"]["ransom_paid"] == {"USD": "1500"}  # the 3000 demanded is not paid
    assert got["money"]["owed"] == {"USD": "2000"}
    assert got["money"]["awarded"] == {}
    # Rizky and Bayu face a charge, Fajar is blacklisted, Rizky has legal aid and is a
    # witness; the hearing in 3 days and the appeal in 25: each fewer than five workers.
    assert got["legal"] == {"facing_charge": "<5", "detained": 0,
                            "deported_or_blacklisted": "<5", "legal_aid": "<5",
                            "witness": "<5", "hearing_soon": "<5"}
    # No converted total, no rate anywhere.
    assert "rate" not in json.dumps(got) and "converted" not in json.dumps(got)


def _generated(db: Database, today: dt.date) -> None:
    """Two cases, 14 workers; money of every kind at every status it takes in five currencies
    (amounts with cents and without); legal matters for a count above and below five."""
    rng = random.Random(34)
    cases = [db.save_case(build(Case, {
        "title": f"Group {n}", "destination_country": "KH", "date_reported": dt.date(2025, 3, 1),
        "exploitation_types": [ExploitationType.FORCED_CRIMINALITY]})) for n in range(2)]
    with db.transaction():
        workers = [db.save_worker(Worker(case_id=cases[n % 2].id, full_name=f"Pekerja {n:02d}"))
                   for n in range(14)]
        for n, worker in enumerate(workers):
            for kind in MoneyKind:
                for status in STATUSES_OF[kind]:
                    if rng.random() < 0.5:
                        continue
                    amount = Decimal(rng.randrange(1, 10**9)) / (100 if n % 3 else 1)
                    db.save_money(build(MoneyEntry, {
                        "case_id": worker.case_id, "worker_id": worker.id, "kind": kind,
                        "status": status, "amount": amount,
                        "currency": CURRENCIES[rng.randrange(len(CURRENCIES))]}))

            def legal(case_id: str = worker.case_id, worker_id: str = worker.id,
                      **fields: Any) -> None:
                db.save_legal(build(LegalMatter, {
                    "case_id": case_id, "worker_id": worker_id, **fields}))

            if n < 7:  # seven face a charge, one of them with two
                legal(kind=LegalKind.CHARGE, stage=LegalStage.CHARGED)
                if n == 0:
                    legal(kind=LegalKind.CHARGE, stage=LegalStage.INVESTIGATION)
            if n == 7:  # a charge dropped: not facing it
                legal(kind=LegalKind.CHARGE, stage=LegalStage.DROPPED)
            if n < 2:  # two detained now, one released
                legal(kind=LegalKind.DETENTION, stage=LegalStage.DETAINED)
            if n == 2:
                legal(kind=LegalKind.DETENTION, stage=LegalStage.RELEASED)
            if 3 <= n < 9:  # six with legal aid assigned, one only requested
                legal(kind=LegalKind.LEGAL_AID, stage=LegalStage.ASSIGNED)
            if n == 9:
                legal(kind=LegalKind.LEGAL_AID, stage=LegalStage.REQUESTED)
            if n >= 8:  # five witnesses or complainants, one not involved
                legal(kind=LegalKind.PROSECUTION, stage=LegalStage.INVESTIGATION,
                      role=WitnessRole.NONE if n == 13 else
                      (WitnessRole.WITNESS if n % 2 else WitnessRole.COMPLAINANT))
            if n in (10, 11):  # deported, blacklisted; an order only
                legal(kind=LegalKind.DEPORTATION,
                      stage=LegalStage.DEPORTED if n == 10 else LegalStage.BLACKLISTED)
            if n == 12:
                legal(kind=LegalKind.DEPORTATION, stage=LegalStage.ORDERED)
            if n < 6:  # a hearing today, in 6, 12, 18 and 31 days; the first has two
                legal(kind=LegalKind.STATEMENT, stage=LegalStage.PLANNED,
                      next_date=today + dt.timedelta(days=31 if n == 4 else n * 6),
                      next_what="Hearing")
            if n == 0:
                legal(kind=LegalKind.STATEMENT, stage=LegalStage.PLANNED,
                      next_date=today + dt.timedelta(days=1), next_what="Hearing")
            if n == 6:  # a hearing of a matter given (closed): not counted
                legal(kind=LegalKind.STATEMENT, stage=LegalStage.GIVEN,
                      next_date=today + dt.timedelta(days=2), next_what="Hearing")
            if n == 13:  # the 30th day: counted
                legal(kind=LegalKind.STATEMENT, stage=LegalStage.PLANNED,
                      next_date=today + dt.timedelta(days=30), next_what="Hearing")


def test_a_generated_databases_money_and_legal_counts(cli: Run, db_path: Path) -> None:
    with Database.open(db_path, create=True) as db:
        _generated(db, dt.date.today())
        want = recomputed_money(db)
    got = _json(cli, db_path)
    assert got["money"] == want
    _strings_only(got["money"])
    assert {code for sums in want.values() for code in sums} == set(CURRENCIES)
    assert any("." in amount for sums in want.values() for amount in sums.values())
    assert got["legal"] == {"facing_charge": 7, "detained": "<5",
                            "deported_or_blacklisted": "<5", "legal_aid": 6, "witness": 5,
                            "hearing_soon": 6}
    text = cli("report", "--db", db_path).stdout
    assert "Money in the cases, per currency (not converted)" in text
    assert "Workers by legal status" in text
    facing = next(line for line in text.splitlines() if "facing a charge" in line)
    assert facing.split() == ["facing", "a", "charge", "7"]
    detained = next(line for line in text.splitlines() if "detained now" in line)
    assert detained.split()[-3:] == ["fewer", "than", "5"]


def test_the_text_writes_sums_as_the_language_does(cli: Run, db_path: Path) -> None:
    write_demo(db_path).close()
    english = cli("report", "--db", db_path).stdout
    claimed = next(line for line in english.splitlines() if line.strip().startswith("claimed"))
    assert "IDR60,000,000" in claimed and "US$1,200.00" in claimed
    assert "US$1,500.00" in next(line for line in english.splitlines() if "ransom paid" in line)
    indonesian = cli("report", "--db", db_path, "--lang", "id").stdout
    assert "Rp60.000.000" in indonesian and "US$1.200,00" in indonesian


def test_small_counts_follow_the_provinces_threshold() -> None:
    assert MIN_PROVINCE_COUNT == 5
    assert [shown_count(n, MIN_PROVINCE_COUNT) for n in range(7)] == [
        0, "<5", "<5", "<5", "<5", 5, 6]


def test_totals_are_exact_beyond_the_default_precision() -> None:
    largest = "999999999999999.9999999999"  # 25 digits, the most an amount holds
    entry = build(MoneyEntry, {"case_id": "c", "worker_id": "w", "kind": MoneyKind.WAGES,
                               "status": MoneyStatus.CLAIMED, "amount": Decimal(largest),
                               "currency": "IDR"})
    got = money_totals([entry] * 10_000)["claimed"]["IDR"]
    assert format(got, "f") == "9999999999999999999.9999990000"  # 29 digits

"""The HTCDS / CTDC means-of-control columns of the statistics export (store/exchange/htcds.py):
the screening's means of control, and two more read from the money in a worker's case.

What HTCDS 2.0 and CTDC have room for, of a worker's legal status and money (HTCDS Field
Definitions and Field Standards 2.0, UNMigration/HTCDS; the CTDC global dataset's columns):
- `meansOfControlDebtBondage` ("forced to work to pay off a created or perceived debt"): 1
  where the worker has a travel debt or a recruitment fee at the status "owed";
- `meansOfControlTakesEarnings` ("the exploiters have taken his/her remuneration"): 1 where
  the worker has unpaid wages (a money entry of that kind, at any status: wages never paid,
  whether since claimed, awarded or recovered).
Each adds to what the screening says, never takes from it; a row with either is then one whose
means of control are specified (`meansOfControlNotSpecified` 0, the flags 1/0, the
concatenation naming it). Nothing else of it has a column: no amount, currency, date, payer or
status is written. HTCDS has no field for the charges a victim faces, detention, deportation,
legal aid, the case against the recruiters or compensation (its `TraffickingStatusDecision
MakingOrg`, "Court or prosecution", says who decided the trafficking status, not that a case
was brought; its support plan type "Legal" is a plan Pulang does not keep), so they stay out.

The money's fields read, its kind and status, are personal: they are declared with the age's
sources in `htcds.GENERALISED_SOURCES` (personal, only ever written generalised: here to a 1/0
flag) and checked on every export, so a reclassification fails loudly. Only the rows of workers
whose consent covers statistics are written, as for every column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel

from store.domain.legal_codes import MoneyKind, MoneyStatus
from store.domain.records import MoneyEntry
from store.domain.vocab import MeansOfControl

if TYPE_CHECKING:
    from store.db.database import Database

MEANS: dict[MeansOfControl, str] = {
    MeansOfControl.DEBT_BONDAGE: "meansOfControlDebtBondage",
    MeansOfControl.TAKES_EARNINGS: "meansOfControlTakesEarnings",
    MeansOfControl.RESTRICTS_FINANCIAL_ACCESS: "meansOfControlRestrictsFinancialAccess",
    MeansOfControl.PHYSICAL_THREATS: "meansOfControlThreats",
    MeansOfControl.THREATENS_FAMILY: "meansOfControlThreats",
    MeansOfControl.PSYCHOLOGICAL_ABUSE: "meansOfControlPsychologicalAbuse",
    MeansOfControl.PHYSICAL_ABUSE: "meansOfControlPhysicalAbuse",
    MeansOfControl.SEXUAL_ABUSE: "meansOfControlSexualAbuse",
    MeansOfControl.FALSE_PROMISES: "meansOfControlFalsePromises",
    MeansOfControl.PSYCHOACTIVE_SUBSTANCE: "meansOfControlPsychoactiveSubstances",
    MeansOfControl.RESTRICTS_MOVEMENT: "meansOfControlRestrictsMovement",
    MeansOfControl.RESTRICTS_MEDICAL_CARE: "meansOfControlRestrictsMedicalCare",
    MeansOfControl.EXCESSIVE_WORKING_HOURS: "meansOfControlExcessiveWorkingHours",
    MeansOfControl.USES_CHILDREN: "meansOfControlUsesChildren",
    MeansOfControl.THREATS_LAW_ENFORCEMENT: "meansOfControlThreatOfLawEnforcement",
    MeansOfControl.WITHHOLDS_NECESSITIES: "meansOfControlWithholdsNecessities",
    MeansOfControl.WITHHOLDS_DOCUMENTS: "meansOfControlWithholdsDocuments",
    MeansOfControl.OTHER: "meansOfControlOther",
}
MEANS_FLAGS = tuple(dict.fromkeys(MEANS.values()))

# The money's fields a flag is read from: personal, written only as a 1/0 flag; and the public
# one that says whose it is.
MONEY_SOURCES: tuple[tuple[type[BaseModel], str], ...] = (
    (MoneyEntry, "kind"), (MoneyEntry, "status"))
MONEY_PUBLIC_SOURCES: tuple[tuple[type[BaseModel], str], ...] = ((MoneyEntry, "worker_id"),)
DEBTS: frozenset[MoneyKind] = frozenset({MoneyKind.TRAVEL_DEBT, MoneyKind.RECRUITMENT_FEE})


def means_of_money(entries: Iterable[MoneyEntry]) -> set[str]:
    """The means-of-control columns the money entries of one worker set (see the module)."""
    found: set[str] = set()
    for entry in entries:
        if entry.kind in DEBTS and entry.status is MoneyStatus.OWED:
            found.add(MEANS[MeansOfControl.DEBT_BONDAGE])
        elif entry.kind is MoneyKind.WAGES:
            found.add(MEANS[MeansOfControl.TAKES_EARNINGS])
    return found


def money_means(db: Database, case_id: str) -> dict[str, set[str]]:
    """For each worker of the case with money entries, the columns they set."""
    by_worker: dict[str, list[MoneyEntry]] = {}
    for entry in db.money_of(case_id):
        by_worker.setdefault(entry.worker_id, []).append(entry)
    return {worker: means_of_money(entries) for worker, entries in by_worker.items()}


__all__ = ["DEBTS", "MEANS", "MEANS_FLAGS", "MONEY_PUBLIC_SOURCES", "MONEY_SOURCES",
           "means_of_money", "money_means"]

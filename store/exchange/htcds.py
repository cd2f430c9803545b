"""The HTCDS / CTDC statistics export: one row per consenting worker, k-anonymised.

`export_htcds(db, k)` gives a CSV in the column names of the CTDC global k-anonymised dataset
(shared/domain.md §5), plus HTCDS columns CTDC does not publish, `traffickingStatus` (the
screening's confirmed status), `cas_Status` and `cas_ReasonForCaseClosure` (the case's,
`store.exchange.htcds_closing`), and a `HtcdsReport` saying what was left out and suppressed.

What goes in:
- Only workers whose consent allows statistics (`Consent.allows(RecipientKind.STATISTICS)`:
  given for statistics and not withdrawn). The others are counted, never exported.
- Only public coded fields, read through the field classification: every source field is
  checked with `is_private` when the export runs, so a field later classified personal makes
  the export fail loudly instead of leaking. The one exception is the age: `ageBroad` and
  `majorityStatus` are computed from the date of birth or age (personal), generalised to a
  CTDC band and never written as such; those two sources are checked to be *personal* (not
  sensitive), so a reclassification fails loudly too.
- No names, numbers, free text or exact dates: the year of the case's report only. Flags are
  1/0, what is not known is empty. Rows are sorted by their content, so their order says
  nothing about the order of the records.
- Of the registry, the columns CTDC has for places: `CountryOfExploitation` is the country of
  the compound or place of exploitation the registry says the worker was held at (a link with
  the worker; transit and recruitment places are not where they were exploited), else the
  case's country of destination as before; where the worker was held in several countries,
  the case's country if it is one of them, else that of the link reported last. Read from
  public codes only (the place's kind and country, the link's ids and date of report): no
  name, handle, position or date of being held. The recruiter's relation stays the
  screening's (CTDC has no column for an actor's name or role).
- Of the money in a worker's case, two means-of-control flags: debt bondage from a travel debt
  or recruitment fee owed, takes earnings from unpaid wages (`store.exchange.htcds_means`, whose
  doc says what HTCDS has no column for: legal status, prosecution, compensation, amounts).

k-anonymity (`anonymise`): over the quasi-identifiers gender, ageBroad, citizenship,
CountryOfExploitation and yearOfRegistration, every combination of values must be shared by at
least k rows; a blank (suppressed or unknown) counts as a value of its own, as CTDC treats
suppressed values as missing. While some combination is shared by fewer than k rows, the
quasi-identifier with the most distinct values among those rows is blanked in those rows only
(ties go in the order ageBroad, yearOfRegistration, CountryOfExploitation, citizenship, gender:
the finest-grained first, the country columns, which the users most need, late); blanking
ageBroad also blanks majorityStatus, which is computed from the same age and would otherwise
tell a minor apart in a class of adults (not counted apart in `suppressed_values`). When every
quasi-identifier of those rows is blank and they are still too few, the rows are dropped.
Each round blanks at least one cell, so it ends; at the end every combination has k rows.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from store.common.i18n import _
from store.db.database import Database
from store.domain import csvcells
from store.domain.classification import Classification, classification_of, is_private
from store.domain.records import Case, Consent, Place, RegistryLink, Screening, Worker
from store.domain.vocab import (
    Answer,
    ExploitationType,
    RecipientKind,
    RecruiterRelation,
    Sector,
    Sex,
)
from store.exchange.htcds_closing import COLUMNS as CLOSING_COLUMNS
from store.exchange.htcds_closing import PUBLIC_SOURCES as CLOSING_PUBLIC_SOURCES
from store.exchange.htcds_closing import case_status
from store.exchange.htcds_means import MEANS as _MEANS
from store.exchange.htcds_means import MEANS_FLAGS as _MEANS_FLAGS
from store.exchange.htcds_means import MONEY_PUBLIC_SOURCES, MONEY_SOURCES, money_means
from store.exchange.htcds_places import countries_held, exploited_in

DEFAULT_K = 11  # as CTDC publishes its global dataset
DATASOURCE = "Case Management"

# The CTDC global dataset's columns (release of July 2021), in its order.
CTDC_COLUMNS: tuple[str, ...] = (
    "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus",
    "majorityStatusAtExploit", "majorityEntry", "citizenship",
    "meansOfControlDebtBondage", "meansOfControlTakesEarnings",
    "meansOfControlRestrictsFinancialAccess", "meansOfControlThreats",
    "meansOfControlPsychologicalAbuse", "meansOfControlPhysicalAbuse",
    "meansOfControlSexualAbuse", "meansOfControlFalsePromises",
    "meansOfControlPsychoactiveSubstances", "meansOfControlRestrictsMovement",
    "meansOfControlRestrictsMedicalCare", "meansOfControlExcessiveWorkingHours",
    "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement",
    "meansOfControlWithholdsNecessities", "meansOfControlWithholdsDocuments",
    "meansOfControlOther", "meansOfControlNotSpecified", "meansOfControlConcatenated",
    "isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage",
    "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices", "typeOfExploitConcatenated",
    "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourBegging",
    "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
    "typeOfLabourIllicitActivities", "typeOfLabourManufacturing",
    "typeOfLabourMiningOrDrilling", "typeOfLabourPeddling", "typeOfLabourTransportation",
    "typeOfLabourOther", "typeOfLabourNotSpecified", "typeOfLabourConcatenated",
    "typeOfSexProstitution", "typeOfSexPornography", "typeOfSexRemoteInteractiveServices",
    "typeOfSexPrivateSexualServices", "typeOfSexConcatenated", "isAbduction",
    "RecruiterRelationship", "CountryOfExploitation", "recruiterRelationIntimatePartner",
    "recruiterRelationFriend", "recruiterRelationFamily", "recruiterRelationOther",
    "recruiterRelationUnknown",
)
# HTCDS's trafficking status (PossibleVictimOfTrafficking, ...), and the case's status and
# reason for closure (store.exchange.htcds_closing), which CTDC does not publish.
EXTRA_COLUMNS: tuple[str, ...] = ("traffickingStatus", *CLOSING_COLUMNS)
COLUMNS: tuple[str, ...] = CTDC_COLUMNS + EXTRA_COLUMNS

# The quasi-identifiers, in the order ties are broken when choosing what to suppress.
QUASI_IDENTIFIERS: tuple[str, ...] = ("ageBroad", "yearOfRegistration", "CountryOfExploitation",
                                      "citizenship", "gender")

# Every field a row is built from: each must be public (checked on every export).
PUBLIC_SOURCES: tuple[tuple[type[BaseModel], str], ...] = (
    (Case, "date_reported"), (Case, "destination_country"), (Case, "exploitation_types"),
    (Case, "sector"), (Worker, "sex"), (Worker, "nationality"),
    (Screening, "means_of_control"), (Screening, "recruiter_relation"), (Screening, "minor"),
    (Screening, "status"), (Consent, "recipients"), (Consent, "withdrawn_on"),
    (Place, "kind"), (Place, "country"), (RegistryLink, "case_id"), (RegistryLink, "worker_id"),
    (RegistryLink, "place_id"), (RegistryLink, "reported_on"), *MONEY_PUBLIC_SOURCES,
    *CLOSING_PUBLIC_SOURCES,
)
# Personal fields only ever written generalised: to a CTDC age band, or to a means-of-control
# flag (the money's kind and status: store.exchange.htcds_means). See the module's doc.
GENERALISED_SOURCES: tuple[tuple[type[BaseModel], str], ...] = (
    (Worker, "date_of_birth"), (Worker, "age"), *MONEY_SOURCES,
)

_GENDER = {Sex.MALE: "Male", Sex.FEMALE: "Female"}  # other and unknown: "Unknown"

# CTDC age bands: (lowest age, label), youngest first.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "0--8"), (9, "9--17"), (18, "18--20"), (21, "21--23"), (24, "24--26"), (27, "27--29"),
    (30, "30--38"), (39, "39--47"), (48, "48+"),
)


# Exploitation type -> CTDC is* column. Scam work (ForcedCriminality) is forced labour in
# illicit activities; begging is forced labour too (typeOfLabourBegging).
_EXPLOIT: dict[ExploitationType, str] = {
    ExploitationType.FORCED_LABOUR: "isForcedLabour",
    ExploitationType.FORCED_CRIMINALITY: "isForcedLabour",
    ExploitationType.FORCED_BEGGING: "isForcedLabour",
    ExploitationType.SEXUAL_EXPLOITATION: "isSexualExploit",
    ExploitationType.FORCED_MARRIAGE: "isForcedMarriage",
    ExploitationType.FORCED_MILITARY: "isForcedMilitary",
    ExploitationType.ORGAN_REMOVAL: "isOrganRemoval",
    ExploitationType.SERVITUDE: "isSlaveryAndPractices",
    ExploitationType.CHILD_LABOUR: "isOtherExploit",
    ExploitationType.FORCED_ADOPTION: "isOtherExploit",
    ExploitationType.SURROGACY: "isOtherExploit",
    ExploitationType.OTHER: "isOtherExploit",
}
_EXPLOIT_FLAGS = ("isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour",
                  "isForcedMarriage", "isForcedMilitary", "isOrganRemoval",
                  "isSlaveryAndPractices")

# ISIC section -> CTDC typeOfLabour* column, where one fits; other sections are "Other".
_LABOUR_OF_SECTOR: dict[Sector, str] = {
    Sector.A: "typeOfLabourAgriculture",
    Sector.B: "typeOfLabourMiningOrDrilling",
    Sector.C: "typeOfLabourManufacturing",
    Sector.F: "typeOfLabourConstruction",
    Sector.H: "typeOfLabourTransportation",
    Sector.I: "typeOfLabourHospitality",
    Sector.T: "typeOfLabourDomesticWork",
}
_LABOUR_FLAGS = tuple(c for c in CTDC_COLUMNS
                      if c.startswith("typeOfLabour") and c != "typeOfLabourConcatenated")

_RELATION: dict[RecruiterRelation, str] = {
    RecruiterRelation.INTIMATE_PARTNER: "recruiterRelationIntimatePartner",
    RecruiterRelation.FRIEND: "recruiterRelationFriend",
    RecruiterRelation.FAMILY: "recruiterRelationFamily",
    RecruiterRelation.OTHER: "recruiterRelationOther",
    RecruiterRelation.UNKNOWN: "recruiterRelationUnknown",
}

Row = dict[str, str]


@dataclass(frozen=True)
class HtcdsReport:
    """What an export holds and what it left out; no personal value in it."""

    included: int  # rows in the file
    left_out_no_consent: int  # workers without an active consent for statistics
    suppressed_values: int  # quasi-identifier cells blanked in the rows kept
    suppressed_rows: int  # rows dropped because they stayed too few even fully blanked
    k: int

    def describe(self) -> str:
        """What happened, in the user's language (for the terminal or the app)."""
        return _("Workers exported: {included}; left out without consent for statistics: "
                 "{no_consent}. So that every combination of gender, age band, citizenship, "
                 "country of exploitation and year is shared by at least {k} rows: values "
                 "blanked: {values}; rows left out: {rows}.").format(
            included=self.included, no_consent=self.left_out_no_consent,
            values=self.suppressed_values, rows=self.suppressed_rows, k=self.k)

    def audit_note(self) -> str:
        """For the audit trail: counts only."""
        return (f"htcds k={self.k} rows={self.included} no_consent={self.left_out_no_consent}"
                f" suppressed_values={self.suppressed_values}"
                f" suppressed_rows={self.suppressed_rows}")


class ClassificationChanged(RuntimeError):
    """A field the export reads is no longer classified as the export assumes (a bug to fix
    here before anything is exported, never a user's error)."""


def check_sources(
    public_sources: Sequence[tuple[type[BaseModel], str]] = PUBLIC_SOURCES,
    generalised_sources: Sequence[tuple[type[BaseModel], str]] = GENERALISED_SOURCES,
) -> None:
    """Fail loudly if a field the export reads has become personal or sensitive."""
    for model, name in public_sources:
        if is_private(model, name):
            raise ClassificationChanged(
                f"{model.__name__}.{name} is no longer public: the HTCDS export must not read it")
    for model, name in generalised_sources:
        if classification_of(model, name) is not Classification.PERSONAL:
            raise ClassificationChanged(
                f"{model.__name__}.{name} is no longer classified personal: decide whether the "
                "HTCDS export may still give what it derives from it (an age band, a flag)")


def age_band(age: int | None) -> str:
    if age is None or age < 0:
        return ""
    label = ""
    for lowest, band in AGE_BANDS:
        if age >= lowest:
            label = band
    return label


def _age_at(worker: Worker, registered: dt.date) -> int | None:
    """The age when the case was registered, from the date of birth, else the age recorded."""
    born = worker.date_of_birth
    if born is not None:
        return registered.year - born.year - ((registered.month, registered.day)
                                              < (born.month, born.day))
    return worker.age


def _flag(on: bool) -> str:
    return "1" if on else "0"


def worker_row(case: Case, worker: Worker, screening: Screening | None,
               held_in: Sequence[str] = (), money: Collection[str] = ()) -> Row:
    """The CTDC row of one worker, from public coded fields and generalised ones only;
    `held_in`: the countries the registry says they were held in (`countries_held`); `money`:
    the means-of-control columns their money sets (`htcds_means.money_means`)."""
    row: Row = dict.fromkeys(COLUMNS, "")
    row["yearOfRegistration"] = str(case.date_reported.year)
    row["Datasource"] = DATASOURCE
    row["gender"] = _GENDER.get(worker.sex, "Unknown")
    age = _age_at(worker, case.date_reported)
    row["ageBroad"] = age_band(age)
    if age is not None and age >= 0:
        row["majorityStatus"] = "Minor" if age < 18 else "Adult"
    if screening is not None and screening.minor is not Answer.UNKNOWN:
        row["majorityEntry"] = "Minor" if screening.minor is Answer.YES else "Adult"
    row["citizenship"] = worker.nationality or ""
    row["CountryOfExploitation"] = exploited_in(case, held_in)

    means = screening.means_of_control if screening is not None else []
    if means or money:
        flags = {_MEANS[m] for m in means} | set(money)
        for column in _MEANS_FLAGS:
            row[column] = _flag(column in flags)
        row["meansOfControlNotSpecified"] = "0"
        row["meansOfControlConcatenated"] = ";".join(
            c.removeprefix("meansOfControl") for c in _MEANS_FLAGS if c in flags)
    else:
        row["meansOfControlNotSpecified"] = "1"

    types = set(case.exploitation_types)
    if types:
        kinds = {_EXPLOIT[t] for t in types}
        if {"isForcedLabour", "isSexualExploit"} <= kinds:
            kinds.add("isSexAndLabour")
        for column in _EXPLOIT_FLAGS:
            row[column] = _flag(column in kinds)
        row["typeOfExploitConcatenated"] = ";".join(
            c.removeprefix("is") for c in _EXPLOIT_FLAGS if c in kinds)
        if "isForcedLabour" in kinds:
            labour: set[str] = set()
            if ExploitationType.FORCED_CRIMINALITY in types:
                labour.add("typeOfLabourIllicitActivities")
            if ExploitationType.FORCED_BEGGING in types:
                labour.add("typeOfLabourBegging")
            if case.sector is not None and case.sector not in (Sector.J, Sector.R):
                labour.add(_LABOUR_OF_SECTOR.get(case.sector, "typeOfLabourOther"))
            elif case.sector is not None and not labour:
                labour.add("typeOfLabourOther")  # online or gambling work that is not scam work
            if not labour:
                labour.add("typeOfLabourNotSpecified")
            for column in _LABOUR_FLAGS:
                row[column] = _flag(column in labour)
            row["typeOfLabourConcatenated"] = ";".join(
                c.removeprefix("typeOfLabour") for c in _LABOUR_FLAGS if c in labour)

    relation = screening.recruiter_relation if screening is not None else None
    if relation is not None:
        row["RecruiterRelationship"] = relation.value
        for member, column in _RELATION.items():
            row[column] = _flag(member is relation)
    if screening is not None and screening.status is not None:
        row["traffickingStatus"] = screening.status.value
    row.update(case_status(case))
    return row


def _classes(rows: Sequence[Row], quasi: Sequence[str]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(row[q] for q in quasi) for row in rows)


def is_k_anonymous(rows: Sequence[Row], quasi: Sequence[str], k: int) -> bool:
    """Every combination of the quasi-identifiers' values (blank included) is in >= k rows."""
    return all(size >= k for size in _classes(rows, quasi).values())


def anonymise(rows: list[Row], quasi: Sequence[str] = QUASI_IDENTIFIERS,
              k: int = DEFAULT_K) -> tuple[list[Row], int, int]:
    """The rows made k-anonymous (see the module's doc): (rows kept, cells blanked in them,
    rows dropped). The rows are copied, not changed."""
    if k < 1:
        raise ValueError("k must be at least 1")
    work = [dict(row) for row in rows]
    originals = [dict(row) for row in rows]
    while True:
        sizes = _classes(work, quasi)
        small = [n for n, row in enumerate(work) if sizes[tuple(row[q] for q in quasi)] < k]
        if not small:
            break
        distinct = {q: len({work[n][q] for n in small} - {""}) for q in quasi}
        widest = max(quasi, key=lambda q: distinct[q])  # max() keeps the first of a tie
        if distinct[widest] == 0:
            kept = set(range(len(work))) - set(small)
            work = [work[n] for n in sorted(kept)]
            originals = [originals[n] for n in sorted(kept)]
            break
        for n in small:
            work[n][widest] = ""
            if widest == "ageBroad":  # derived from the age: it would tell a minor apart
                work[n]["majorityStatus"] = ""
    blanked = sum(1 for row, original in zip(work, originals, strict=True)
                  for q in quasi if row[q] != original[q])
    return work, blanked, len(rows) - len(work)


def export_htcds(db: Database, k: int = DEFAULT_K) -> tuple[bytes, HtcdsReport]:
    """The CSV (UTF-8, header row first) and what it holds. Writes nothing, records nothing:
    the caller records the export in the audit trail (`HtcdsReport.audit_note`) before it
    writes the file."""
    check_sources()
    if k < 1:
        raise ValueError("k must be at least 1")
    rows: list[Row] = []
    no_consent = 0
    held = countries_held(db)
    for case in db.cases():
        screenings = db.screenings_of(case.id)
        consents = db.consents_of(case.id)
        money = money_means(db, case.id)
        for worker in db.workers_of(case.id):
            consent = consents.get(worker.id)
            if consent is None or not consent.allows(RecipientKind.STATISTICS):
                no_consent += 1
                continue
            rows.append(worker_row(case, worker, screenings.get(worker.id),
                                   held.get(worker.id, []), money.get(worker.id, ())))
    kept, blanked, dropped = anonymise(rows, QUASI_IDENTIFIERS, k)
    kept.sort(key=lambda row: tuple(row[c] for c in COLUMNS))
    out = io.StringIO()
    writer = csvcells.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in kept:
        writer.writerow([row[column] for column in COLUMNS])
    report = HtcdsReport(included=len(kept), left_out_no_consent=no_consent,
                         suppressed_values=blanked, suppressed_rows=dropped, k=k)
    return out.getvalue().encode("utf-8"), report


__all__ = ["COLUMNS", "CTDC_COLUMNS", "DEFAULT_K", "EXTRA_COLUMNS", "QUASI_IDENTIFIERS",
           "HtcdsReport", "ClassificationChanged", "age_band", "anonymise", "check_sources",
           "export_htcds", "is_k_anonymous", "worker_row"]

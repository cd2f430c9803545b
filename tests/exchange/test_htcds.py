"""The HTCDS / CTDC statistics export: nothing personal, consent respected, k-anonymous."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest

from store.db.database import Database
from store.domain.classification import Classification, fields_classified
from store.domain.records import Case, Consent, Screening, Worker, build, changed
from store.domain.vocab import (
    Answer,
    DecidedBy,
    ExploitationType,
    MeansOfControl,
    RecipientKind,
    RecruiterRelation,
    Sector,
    TraffickingStatus,
)
from store.engine.audit import MODELS
from store.exchange.htcds import (
    COLUMNS,
    QUASI_IDENTIFIERS,
    ClassificationChanged,
    age_band,
    anonymise,
    check_sources,
    export_htcds,
    is_k_anonymous,
    worker_row,
)
from tests.conftest import Run

# Copied from shared/domain.md §5 (the CTDC global dataset, release of July 2021).
CTDC = """yearOfRegistration, Datasource, gender, ageBroad, majorityStatus, majorityStatusAtExploit,
majorityEntry, citizenship, meansOfControlDebtBondage, meansOfControlTakesEarnings,
meansOfControlRestrictsFinancialAccess, meansOfControlThreats, meansOfControlPsychologicalAbuse,
meansOfControlPhysicalAbuse, meansOfControlSexualAbuse, meansOfControlFalsePromises,
meansOfControlPsychoactiveSubstances, meansOfControlRestrictsMovement,
meansOfControlRestrictsMedicalCare, meansOfControlExcessiveWorkingHours,
meansOfControlUsesChildren,
meansOfControlThreatOfLawEnforcement, meansOfControlWithholdsNecessities,
meansOfControlWithholdsDocuments, meansOfControlOther, meansOfControlNotSpecified,
meansOfControlConcatenated, isForcedLabour, isSexualExploit, isOtherExploit, isSexAndLabour,
isForcedMarriage, isForcedMilitary, isOrganRemoval, isSlaveryAndPractices,
typeOfExploitConcatenated, typeOfLabourAgriculture, typeOfLabourAquafarming, typeOfLabourBegging,
typeOfLabourConstruction, typeOfLabourDomesticWork, typeOfLabourHospitality,
typeOfLabourIllicitActivities, typeOfLabourManufacturing, typeOfLabourMiningOrDrilling,
typeOfLabourPeddling, typeOfLabourTransportation, typeOfLabourOther, typeOfLabourNotSpecified,
typeOfLabourConcatenated, typeOfSexProstitution, typeOfSexPornography,
typeOfSexRemoteInteractiveServices, typeOfSexPrivateSexualServices, typeOfSexConcatenated,
isAbduction, RecruiterRelationship, CountryOfExploitation, recruiterRelationIntimatePartner,
recruiterRelationFriend, recruiterRelationFamily, recruiterRelationOther,
recruiterRelationUnknown"""
CTDC_NAMES = [name.strip() for name in CTDC.replace("\n", " ").split(",")]

ISO_DATE = re.compile(rb"\d{4}-\d{2}-\d{2}")
DMY_DATE = re.compile(rb"\d{1,2}/\d{1,2}/\d{4}")


def _rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    return list(reader.fieldnames or []), list(reader)


def _all_workers(db: Database) -> list[Worker]:
    return [w for case in db.cases() for w in db.workers_of(case.id)]


def _allow_statistics(db: Database, workers: list[Worker]) -> None:
    """Give (or add to) each worker's consent the statistics recipient, in one change."""
    with db.transaction():
        for worker in workers:
            consent = db.consent_of(worker.id)
            if consent is None:
                db.save_consent(build(Consent, {
                    "case_id": worker.case_id, "worker_id": worker.id,
                    "taken_by": "Desk officer", "recipients": [RecipientKind.STATISTICS]}))
            elif RecipientKind.STATISTICS not in consent.recipients:
                db.save_consent(changed(consent, recipients=[*consent.recipients,
                                                             RecipientKind.STATISTICS]))


def _private_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _private_strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _private_strings(item)]
    return []


def _private_values(db: Database) -> set[str]:
    """Every personal or sensitive string (4 characters or more) of every record."""
    found: set[str] = set()
    for table, docs in db.raw_tables().items():
        model = MODELS.get(table)
        if model is None:
            continue
        private = fields_classified(model, Classification.PERSONAL, Classification.SENSITIVE)
        for doc in docs.values():
            for name in private:
                found.update(s for s in _private_strings(doc.get(name)) if len(s.strip()) >= 4)
    return found


def test_header_is_the_ctdc_columns_then_trafficking_status(demo_db: Database) -> None:
    data, _report = export_htcds(demo_db)
    header, rows = _rows(data)
    assert header == [*CTDC_NAMES, "traffickingStatus", "cas_Status", "cas_ReasonForCaseClosure"]
    assert list(COLUMNS) == header
    # the demo's few consenting workers are too few for k = 11: every row is left out
    assert rows == [] and _report.included == 0 and _report.suppressed_rows > 0


def _allowing_statistics(db: Database, workers: list[Worker]) -> list[Worker]:
    return [w for w in workers
            if (c := db.consent_of(w.id)) is not None and c.allows(RecipientKind.STATISTICS)]


def test_demo_consent_exclusions_are_counted(demo_db: Database) -> None:
    workers = _all_workers(demo_db)
    consented = [w for w in workers if (c := demo_db.consent_of(w.id)) and c.active]
    allowed = _allowing_statistics(demo_db, workers)
    # most of the demo's consents cover statistics, not all of them
    assert 0 < len(allowed) < len(consented) < len(workers)
    data, report = export_htcds(demo_db, k=1)
    assert (report.included, report.left_out_no_consent) == (
        len(allowed), len(workers) - len(allowed))
    assert len(_rows(data)[1]) == len(allowed)
    _allow_statistics(demo_db, consented)
    data, report = export_htcds(demo_db, k=1)
    assert report.included == len(consented)
    assert report.left_out_no_consent == len(workers) - len(consented)
    assert len(_rows(data)[1]) == len(consented)


@pytest.mark.parametrize("k", [1, 2, 11])
def test_demo_export_holds_nothing_personal_and_no_exact_date(demo_db: Database,
                                                              k: int) -> None:
    workers = _all_workers(demo_db)
    _allow_statistics(demo_db, workers)
    data, report = export_htcds(demo_db, k=k)
    private = _private_values(demo_db)
    assert len(private) > 50  # names, phones, passports, notes, evidence...
    leaked = [value for value in private if value.encode("utf-8") in data]
    assert leaked == []
    assert not ISO_DATE.search(data)
    assert not DMY_DATE.search(data)
    _header, rows = _rows(data)
    assert is_k_anonymous(rows, QUASI_IDENTIFIERS, k)
    withdrawn = sum(1 for w in workers if (c := demo_db.consent_of(w.id)) and not c.active)
    assert withdrawn == 1  # adding statistics to a withdrawn consent does not revive it
    assert report.left_out_no_consent == withdrawn
    assert report.included + report.suppressed_rows == len(workers) - withdrawn
    if k == 1:  # nothing suppressed: every consenting worker has a row, coded
        assert report.included == len(workers) - withdrawn
        assert (report.suppressed_values, report.suppressed_rows) == (0, 0)
        assert {r["Datasource"] for r in rows} == {"Case Management"}
        assert {r["citizenship"] for r in rows} == {w.nationality or "" for w in workers}


def test_withdrawn_consent_is_left_out(empty_db: Database) -> None:
    case = _case(empty_db)
    kept, withdrawn = empty_db.import_workers(case.id, [
        build(Worker, {"case_id": case.id, "full_name": "Budi Santoso"}),
        build(Worker, {"case_id": case.id, "full_name": "Siti Rahayu"})])
    _allow_statistics(empty_db, [kept, withdrawn])
    consent = empty_db.consent_of(withdrawn.id)
    assert consent is not None
    empty_db.save_consent(changed(consent, withdrawn_on=dt.date.today()))
    data, report = export_htcds(empty_db, k=1)
    assert (report.included, report.left_out_no_consent) == (1, 1)
    assert len(_rows(data)[1]) == 1


def _case(db: Database, **extra: Any) -> Case:
    data: dict[str, Any] = {"title": "Group from a scam compound", "destination_country": "KH",
                            "exploitation_types": [ExploitationType.FORCED_CRIMINALITY],
                            "sector": Sector.J, "date_reported": dt.date(2025, 12, 12)}
    data.update(extra)
    return db.save_case(build(Case, data))


def _generated(db: Database) -> int:
    """64 workers in four cases, of mixed sex, age and nationality; 60 consent to statistics."""
    cases = [_case(db, destination_country=country, date_reported=reported)
             for country, reported in (("KH", dt.date(2025, 12, 12)), ("KH", dt.date(2024, 3, 1)),
                                       ("MM", dt.date(2025, 6, 30)), ("LA", dt.date(2025, 1, 5)))]
    consenting: list[Worker] = []
    with db.transaction():
        for n in range(64):
            case = cases[n % 4]
            worker = build(Worker, {
                "case_id": case.id, "full_name": f"Pekerja Nomor {n:03d}",
                "sex": "male" if n % 3 else "female", "age": 19 + (n * 7) % 30,
                "nationality": "ID" if n % 5 else ("PH" if n % 2 else "VN"),
                "passport_number": f"X{n:07d}", "phone": f"+62812{n:07d}",
                "notes": f"Lives with relatives in desa nomor {n}"})
            saved = db.import_workers(case.id, [worker])[0]
            if n % 16 != 0:
                consenting.append(saved)
            if n % 4 == 0:
                db.save_screening(build(Screening, {
                    "case_id": case.id, "worker_id": saved.id,
                    "means_of_control": [MeansOfControl.DEBT_BONDAGE],
                    "recruiter_relation": RecruiterRelation.FRIEND,
                    "act_evidence": f"Recruited by a cousin called Darto {n}"}))
        _allow_statistics(db, consenting)
    return len(consenting)


@pytest.mark.parametrize("k", [2, 11])
def test_generated_set_is_k_anonymous_and_the_report_adds_up(empty_db: Database,
                                                             k: int) -> None:
    consenting = _generated(empty_db)
    assert consenting == 60
    data, report = export_htcds(empty_db, k=k)
    _header, rows = _rows(data)
    assert is_k_anonymous(rows, QUASI_IDENTIFIERS, k)
    assert report.k == k
    assert report.left_out_no_consent == 4
    assert report.included == len(rows)
    assert report.included + report.suppressed_rows == consenting
    # Nobody's age is unknown here: each blank age band is a suppressed value.
    blank = sum(1 for row in rows for q in QUASI_IDENTIFIERS if row[q] == "")
    assert report.suppressed_values == blank > 0
    assert not any(value.encode() in data for value in _private_values(empty_db))
    # Same database, same bytes: the order of the rows says nothing about the records.
    assert export_htcds(empty_db, k=k)[0] == data


def test_k_anonymity_check() -> None:
    quasi = ("gender", "ageBroad")
    rows = [{"gender": "Male", "ageBroad": "18--20"}] * 2 + [{"gender": "Male", "ageBroad": ""}]
    assert is_k_anonymous(rows, quasi, 1)
    assert not is_k_anonymous(rows, quasi, 2)  # the blank is a class of its own, of one
    assert is_k_anonymous(rows[:2], quasi, 2)
    assert not is_k_anonymous(rows[:2], quasi, 3)
    assert is_k_anonymous([], quasi, 11)


def _qrow(age: str, citizenship: str = "ID") -> dict[str, str]:
    return {"gender": "Male", "ageBroad": age, "citizenship": citizenship,
            "CountryOfExploitation": "KH", "yearOfRegistration": "2025"}


def test_anonymise_blanks_the_widest_quasi_identifier_first() -> None:
    rows = [_qrow("18--20"), _qrow("18--20"), _qrow("24--26"), _qrow("30--38")]
    kept, blanked, dropped = anonymise(rows, QUASI_IDENTIFIERS, 2)
    assert (blanked, dropped) == (2, 0)
    assert [r["ageBroad"] for r in kept] == ["18--20", "18--20", "", ""]
    assert rows[2]["ageBroad"] == "24--26"  # the input is not changed


def test_anonymise_drops_rows_that_stay_alone() -> None:
    rows = [_qrow("18--20")] * 3 + [_qrow("24--26", citizenship="PH")]
    kept, blanked, dropped = anonymise(rows, QUASI_IDENTIFIERS, 2)
    assert (len(kept), blanked, dropped) == (3, 0, 1)
    assert is_k_anonymous(kept, QUASI_IDENTIFIERS, 2)
    with pytest.raises(ValueError):
        anonymise(rows, QUASI_IDENTIFIERS, 0)


def test_scam_work_row() -> None:
    case = build(Case, {"title": "Scam compound", "destination_country": "KH",
                        "exploitation_types": [ExploitationType.FORCED_CRIMINALITY],
                        "sector": Sector.J, "date_reported": dt.date(2025, 12, 12)})
    worker = build(Worker, {"case_id": case.id, "full_name": "Dewi Lestari", "sex": "female",
                            "date_of_birth": "13/12/2007", "nationality": "ID"})
    screening = build(Screening, {
        "case_id": case.id, "worker_id": worker.id, "minor": Answer.YES,
        "means_of_control": [MeansOfControl.PHYSICAL_THREATS, MeansOfControl.THREATENS_FAMILY,
                             MeansOfControl.WITHHOLDS_DOCUMENTS],
        "recruiter_relation": RecruiterRelation.FAMILY,
        "status": TraffickingStatus.ACTUAL, "decided_by": DecidedBy.POLICE})
    row = worker_row(case, worker, screening)
    assert row["ageBroad"] == "9--17"  # 17 the day before her birthday, when it was reported
    assert (row["majorityStatus"], row["majorityEntry"]) == ("Minor", "Minor")
    assert (row["gender"], row["citizenship"], row["CountryOfExploitation"]) == (
        "Female", "ID", "KH")
    assert row["yearOfRegistration"] == "2025"
    assert (row["isForcedLabour"], row["typeOfLabourIllicitActivities"]) == ("1", "1")
    assert (row["isSexualExploit"], row["typeOfLabourOther"]) == ("0", "0")
    assert row["meansOfControlThreats"] == row["meansOfControlWithholdsDocuments"] == "1"
    assert (row["meansOfControlDebtBondage"], row["meansOfControlNotSpecified"]) == ("0", "0")
    assert row["meansOfControlConcatenated"] == "Threats;WithholdsDocuments"
    assert (row["RecruiterRelationship"], row["recruiterRelationFamily"],
            row["recruiterRelationFriend"]) == ("Family", "1", "0")
    assert row["traffickingStatus"] == "ActualVictimOfTrafficking"
    bare = worker_row(case, build(Worker, {"case_id": case.id, "full_name": "X Y"}), None)
    assert (bare["ageBroad"], bare["majorityStatus"], bare["meansOfControlThreats"],
            bare["meansOfControlNotSpecified"], bare["RecruiterRelationship"],
            bare["gender"], bare["traffickingStatus"]) == ("", "", "", "1", "", "Unknown", "")


def test_age_bands() -> None:
    assert [age_band(a) for a in (None, 0, 8, 9, 17, 18, 20, 21, 29, 30, 38, 39, 47, 48, 90)] == [
        "", "0--8", "0--8", "9--17", "9--17", "18--20", "18--20", "21--23", "27--29",
        "30--38", "30--38", "39--47", "39--47", "48+", "48+"]


def test_a_source_that_is_not_public_fails_loudly() -> None:
    check_sources()  # as classified today
    with pytest.raises(ClassificationChanged):
        check_sources([(Worker, "nationality"), (Worker, "home_province")], [])
    with pytest.raises(ClassificationChanged):
        check_sources([], [(Worker, "passport_number")])  # sensitive, not merely personal


def test_suppressing_the_age_band_also_blanks_the_majority_status() -> None:
    rows = [{**_qrow("18--20"), "majorityStatus": "Adult"}] * 2 + [
        {**_qrow("9--17"), "majorityStatus": "Minor"}]
    kept, blanked, dropped = anonymise(rows, ("ageBroad",), 3)
    assert (blanked, dropped) == (3, 0)
    assert {r["majorityStatus"] for r in kept} == {""}


def test_the_command_records_the_export_before_writing_a_private_file(
        cli: Run, db_path: Any, tmp_path: Any) -> None:
    import stat

    from store.exchange.demo import write_demo

    db = write_demo(db_path)
    _allow_statistics(db, _all_workers(db)[:4])
    db.close()
    out = tmp_path / "htcds.csv"
    done = cli("export", "--format", "htcds", "--k", "2", "--out", out, "--db", db_path)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "left out without consent for statistics" in done.stderr
    header, rows = _rows(out.read_bytes())
    assert header[0] == "yearOfRegistration" and len(rows) <= 4
    with Database.open(db_path) as again:
        notes = [e.note for e in again.audit_trail().entries if e.action == "export"]
    assert notes and notes[-1].startswith("htcds k=2 rows=")
    assert cli("export", "--format", "htcds", "--k", "1", "--db", db_path).returncode == 64


def _free_text_values(db: Database) -> set[str]:
    """Every value (4 characters or more) of every field that holds typed text (a name, a line,
    notes: the `text` kind its classification declares), public ones too: a title or a
    tag has no place in statistics either."""
    found: set[str] = set()
    for table, docs in db.raw_tables().items():
        model = MODELS.get(table)
        if model is None:
            continue
        texts = [name for name, field in model.model_fields.items()
                 if isinstance(field.json_schema_extra, dict)
                 and "text" in field.json_schema_extra]
        for doc in docs.values():
            for name in texts:
                found.update(s.strip() for s in _private_strings(doc.get(name))
                             if len(s.strip()) >= 4)
    return found


_DESCRIBED = re.compile(r"Workers exported: (\d+); left out without consent for statistics: "
                        r"(\d+)\. .* values blanked: (\d+); rows left out: (\d+)\.")


def test_the_demo_as_it_is_exports_statistics_by_the_cli(demo_db: Database, cli: Run,
                                                         tmp_path: Any) -> None:
    workers = _all_workers(demo_db)
    allowed = len(_allowing_statistics(demo_db, workers))
    private = _private_values(demo_db) | _free_text_values(demo_db)
    names = {w.full_name for w in workers} | {o for w in workers for o in w.other_spellings}
    assert names <= private and len(private) > 100
    assert {w.phone for w in workers if w.phone} <= private
    assert {w.passport_number for w in workers if w.passport_number} <= private

    found = {}
    for k in (None, 2):
        out = tmp_path / f"htcds-{k}.csv"
        extra = [] if k is None else ["--k", k]
        done = cli("export", "--format", "htcds", *extra, "--out", out, "--db", demo_db.path)
        assert done.returncode == 0, done.stderr
        data = out.read_bytes()
        leaked = [value for value in private if value.encode("utf-8") in data]
        assert leaked == []
        assert not ISO_DATE.search(data) and not DMY_DATE.search(data)
        header, rows = _rows(data)
        assert header == list(COLUMNS)
        described = _DESCRIBED.search(done.stderr)
        assert described, done.stderr
        included, no_consent, _values, dropped = map(int, described.groups())
        # the consent exclusions and the suppressions are reported, and they add up
        assert no_consent == len(workers) - allowed
        assert included == len(rows) and included + dropped == allowed
        assert is_k_anonymous(rows, QUASI_IDENTIFIERS, k or 11)
        found[k] = (rows, described.groups(), done.stderr)
    # at the default k = 11, the demo's few are too few: all left out, and said so
    rows, (_included, _no_consent, _values, dropped), said = found[None]
    assert rows == [] and int(dropped) == allowed and "at least 11 rows" in said
    # at k = 2, most of them are kept, with some values blanked to hide the odd one out
    rows, (_included, _no_consent, values, _dropped), said = found[2]
    assert len(rows) * 2 > allowed and int(values) > 0 and "at least 2 rows" in said
    with Database.open(demo_db.path) as again:
        notes = [e.note or "" for e in again.audit_trail().entries if e.action == "export"]
    assert [n.split()[:2] for n in notes[-2:]] == [["htcds", "k=11"], ["htcds", "k=2"]]

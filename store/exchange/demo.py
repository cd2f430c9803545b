"""The demo: the news item's group case and others, the network, the draft agreement, the
registry, legal matters, requests, closings, as one change (`write_demo`); the data in demo_*.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.common import clock
from store.db.database import Database
from store.domain.records import (
    Agreement,
    Case,
    Consent,
    LogEntry,
    Meeting,
    Organisation,
    Person,
    Screening,
    Task,
    Worker,
    build,
)
from store.domain.vocab import (
    AgreementStatus,
    Answer,
    DecidedBy,
    Direction,
    LogKind,
    MeansOfControl,
    OrgKind,
    PassportStatus,
    Platform,
    RecipientKind,
    Stage,
    StepStatus,
    TraffickingStatus,
)
from store.exchange.demo_checkins import RETURNEES_FLEW, seed_checkins
from store.exchange.demo_closing import seed_closings
from store.exchange.demo_inquiry import seed_inquiry
from store.exchange.demo_keeping import seed_keeping
from store.exchange.demo_legal import seed_after
from store.exchange.demo_registry import seed_registry
from store.exchange.demo_requests import seed_requests
from store.exchange.demo_seed import (
    AGREEMENT_AREAS,
    AGREEMENT_TITLE,
    DRAFT_1,
    DRAFT_2,
    LFTU_OFFICERS,
    SCREENING,
    SCREENING_CONTROLS,
    SEED_CASE,
    SEED_TITLE,
    SEED_WORKERS,
    VISIT,
    VISIT_MEETING,
    at_hour,
    awaiting_reply,
    other_cases,
    seed_log,
)

__all__ = ["SEED_TITLE", "build_demo", "write_demo"]


def build_demo(db: Database, today: dt.date | None = None) -> None:
    """Fill an empty database with the demo cases, as one atomic change."""
    today = today or clock.today()
    with db.transaction():
        case = _seed_case(db, today)
        _other_cases(db, today)
        _seed_network(db, case, today)
        seed_registry(db, case, today)
        seed_inquiry(db, case, today)
        seed_after(db, case, today)
        seed_closings(db, case, today)
        seed_requests(db, case, today)
        seed_keeping(db, today)
        seed_checkins(db, today)


def _seed_case(db: Database, today: dt.date) -> Case:
    case = db.save_case(build(Case, SEED_CASE))
    workers = []
    for number, (name, spellings, sex, born, province, district, passport) in enumerate(
        SEED_WORKERS, start=1
    ):
        workers.append(db.save_worker(build(Worker, {
            "case_id": case.id,
            "full_name": name,
            "other_spellings": spellings,
            "sex": sex,
            "date_of_birth": dt.date(born, (number * 5) % 12 + 1, number * 2 + 1),
            "nationality": "ID",
            "home_province": province,
            "home_district": district,
            "phone": f"+62 812 5550 {1000 + number * 37}",
            "passport_number": "" if passport is PassportStatus.LOST
            else f"C{7310000 + number * 1913}",
            "passport_status": passport,
            "current_location": "Partner shelter, Phnom Penh",
            "family_contact": f"Family in {district}",
        })))
    # Consent first: what was sent to whom below is checked against it, as in the app.
    _seed_consents(db, case, workers, today)
    police_desk = "Desk Ketenagakerjaan Polri"
    for at, kind, direction, org, person, summary, next_step, due, done in seed_log(today):
        named = [w.id for w in workers] if kind is LogKind.CALL else []
        if org == police_desk:
            # To the police only the worker whose consent covers it: the brief for the police
            # then shows these entries, and what it withholds, as it would for a real case.
            named = [workers[0].id] if direction is Direction.SENT else []
        db.save_log_entry(
            build(
                LogEntry,
                {
                    "case_id": case.id,
                    "worker_ids": named,
                    "counterpart_kind": RecipientKind.POLICE if org == police_desk else None,
                    "at": at,
                    "recorded_by": "International desk",
                    "kind": kind,
                    "direction": direction,
                    "counterpart_org": org,
                    "counterpart_person": person,
                    "summary": summary,
                    "next_step": next_step,
                    "due_date": due,
                    "next_step_done": done,
                },
            )
        )
    # Asked five days ago, no answer since: Today lists it under "Awaiting reply".
    db.save_log_entry(build(LogEntry, {"case_id": case.id, **awaiting_reply(today)}))
    _seed_road_home(db, case, workers, today)
    _seed_screenings(db, case, workers, today)
    return case


def _days_ago(today: dt.date, days: int, not_before: dt.date) -> dt.date:
    return max(not_before, today - dt.timedelta(days=days))


def _seed_road_home(db: Database, case: Case, workers: list[Worker], today: dt.date) -> None:
    """Each worker's steps home, as far as they have got: most have their SPLP, four wait for
    their exit permits, one is about to fly, one is in hospital."""
    db.start_plans(case.id)
    everyone = [w.id for w in workers]
    reported = case.date_reported
    embassy, immigration = "KBRI Phnom Penh", "Cambodian immigration (GDI)"
    in_hospital = workers[6]  # Nur Aisyah
    db.set_step(case.id, everyone, "registration", StepStatus.DONE, org=embassy,
                done_on=_days_ago(today, 20, reported))
    db.set_step(case.id, [w.id for w in workers if w is not in_hospital], "health",
                StepStatus.DONE, org="Partner shelter clinic",
                done_on=_days_ago(today, 18, reported))
    db.set_step(case.id, [in_hospital.id], "health", StepStatus.BLOCKED,
                org="Partner shelter clinic",
                note="In hospital with dengue fever; discharge expected next week")
    with_passport = [w.id for w in workers if w.passport_status is PassportStatus.WITH_WORKER]
    db.set_step(case.id, with_passport, "travel_document", StepStatus.NOT_NEEDED)
    splp = [w.id for w in workers
            if w.passport_status is not PassportStatus.WITH_WORKER and w is not in_hospital]
    db.set_step(case.id, splp, "travel_document", StepStatus.DONE, org=embassy,
                done_on=_days_ago(today, 7, reported))
    db.set_step(case.id, [in_hospital.id], "travel_document", StepStatus.IN_PROGRESS,
                org=embassy, note="Photo and fingerprints once she leaves hospital")
    flying = workers[4]  # Agus, who kept his passport
    db.set_step(case.id, [flying.id], "immigration", StepStatus.DONE, org=immigration,
                done_on=_days_ago(today, 2, reported))
    db.set_step(case.id, [flying.id], "flight", StepStatus.IN_PROGRESS, org=embassy,
                deadline=today + dt.timedelta(days=5),
                note="Seat held on the Phnom Penh–Jakarta flight; the ministry pays")
    db.set_step(case.id, [w.id for w in workers[:4]], "immigration", StepStatus.IN_PROGRESS,
                org=immigration, deadline=today + dt.timedelta(days=3),
                note="Visa overstay: the embassy asked for the fines to be waived; exit "
                     "permit to follow")


def _seed_screenings(db: Database, case: Case, workers: list[Worker], today: dt.date) -> None:
    """Six of the ten screened; three of them with the status confirmed by the embassy."""
    controls = SCREENING_CONTROLS
    common: dict[str, object] = {
        "case_id": case.id,
        "screened_on": _days_ago(today, 6, case.date_reported),
        **SCREENING,
    }
    for number in (0, 1, 2, 3, 6, 9):
        worker = workers[number]
        data: dict[str, object] = {**common, "worker_id": worker.id}
        if worker.passport_status is PassportStatus.HELD_BY_EMPLOYER:
            data.update(ilo_documents=Answer.YES,
                        ilo_documents_evidence="Passport taken by the compound manager",
                        means_of_control=[*controls, MeansOfControl.WITHHOLDS_DOCUMENTS])
        if number == 3:  # not yet clear how she was kept there: the status waits
            data.update(means=Answer.UNKNOWN,
                        means_evidence="Says she stayed for the promised wages; ask again")
        else:
            data.update(means=Answer.YES,
                        means_evidence="Deceived about the job; held by threats of resale")
            data.update(ilo_threats=Answer.YES,
                        ilo_threats_evidence="Threatened with resale for missed targets")
        if number == 2:
            data.update(ilo_debt=Answer.YES,
                        ilo_debt_evidence="Told to pay USD 3,000 to leave",
                        ilo_wages=Answer.YES,
                        ilo_wages_evidence="Paid nothing in three months")
        if number == 9:
            data["platform"] = Platform.FACEBOOK
        if number in (0, 1, 2):
            data.update(status=TraffickingStatus.ACTUAL, decided_by=DecidedBy.GOVERNMENT)
        db.save_screening(build(Screening, data))


def _seed_consents(db: Database, case: Case, workers: list[Worker], today: dt.date) -> None:
    """Seven of the ten consented to the partner union, the embassy and the shelter; one also
    to the police; all but the last of the seven to anonymised statistics too (so that the
    htcds export of the demo has rows), and one of those withdrew hers."""
    given = _days_ago(today, 10, case.date_reported)
    usual = [RecipientKind.PARTNER_UNION, RecipientKind.EMBASSY, RecipientKind.SHELTER_HEALTH]
    for number in range(7):
        recipients = [*usual, RecipientKind.POLICE] if number == 0 else list(usual)
        if number != 6:
            recipients.append(RecipientKind.STATISTICS)
        data: dict[str, object] = {
            "case_id": case.id,
            "worker_id": workers[number].id,
            "given_on": given,
            "taken_by": "International desk",
            "language": "Bahasa Indonesia",
            "recipients": recipients,
        }
        if number == 5:
            data.update(withdrawn_on=min(today, given + dt.timedelta(days=8)),
                        notes="Withdrawn by phone after talking it over with his family")
        db.save_consent(build(Consent, data))


def _other_cases(db: Database, today: dt.date) -> None:
    for case_data, workers, (summary, next_step, due) in other_cases(today):
        case = db.save_case(build(Case, {**case_data, "assigned_officer": "Migrant desk"}))
        for name, spellings, sex, age, province, district, *nationality in workers:
            db.save_worker(
                build(
                    Worker,
                    {
                        "case_id": case.id,
                        "full_name": name,
                        "other_spellings": spellings,
                        "sex": sex,
                        "age": age,
                        "nationality": (nationality or [case.origin_country])[0],
                        "home_province": province,
                        "home_district": district,
                        "passport_status": PassportStatus.UNKNOWN,
                    },
                )
            )
        db.save_log_entry(
            build(
                LogEntry,
                {
                    "case_id": case.id,
                    "at": at_hour(case.date_reported, 11),
                    "kind": LogKind.MESSAGE,
                    "direction": Direction.RECEIVED,  # the first news of each case
                    "recorded_by": "Migrant desk",
                    "summary": summary,
                    "next_step": next_step,
                    "due_date": max(due, case.date_reported),
                },
            )
        )
        if case.stage in (Stage.DOCUMENTS, Stage.HANDED_OVER):
            # These two follow their workers' steps; the other two have no plans yet, and
            # their stage is set by hand.
            _start_road_home(db, case, today)


def _start_road_home(db: Database, case: Case, today: dt.date) -> None:
    """Plans from the case's stage on; in the Lao casino case, the first worker's travel
    document is due within the week."""
    plans = db.start_plans(case.id)
    if case.stage is Stage.DOCUMENTS:
        names = {w.id: w.full_name for w in db.workers_of(case.id)}
        first = next(p for p in plans if names[p.worker_id] == "Hendra Gunawan")
        db.set_step(case.id, [first.worker_id], "travel_document", StepStatus.IN_PROGRESS,
                    org="Indonesian embassy, Vientiane", deadline=today + dt.timedelta(days=6))
    else:
        # The Sihanoukville returnees flew home on days the officer recorded: the dashboard's
        # days from report to return and their check-ins (demo_checkins.py) rest on them.
        for plan, days_ago in zip(plans, RETURNEES_FLEW):
            db.set_step(case.id, [plan.worker_id], "flight", StepStatus.DONE,
                        org="KBRI Phnom Penh", done_on=today - dt.timedelta(days=days_ago))


def _seed_network(db: Database, case: Case, today: dt.date) -> None:
    """The organisations, people, meeting and agreement of the news item, linked to the
    ten-worker case's log."""
    visit = VISIT

    def org(name: str, acronym: str, kind: OrgKind, **fields: object) -> Organisation:
        return db.save_organisation(build(Organisation, {"name": name, "acronym": acronym,
                                                         "kind": kind, **fields}))

    def person(name: str, at: Organisation | None, title: str, **fields: object) -> Person:
        return db.save_person(build(Person, {
            "full_name": name, "org_id": at.id if at else None, "title": title,
            "country": at.country if at else None, **fields}))

    atuc = org("ASEAN Trade Union Council", "ASEAN TUC", OrgKind.REGIONAL_UNION_COUNCIL,
               other_names=["ATUC"], notes="Renamed from ATUC in 2024.")
    lftu = org("Lao Federation of Trade Unions", "LFTU", OrgKind.UNION_FEDERATION,
               country="LA", city="Vientiane", parent_id=atuc.id)
    kspsi = org("Konfederasi Serikat Pekerja Seluruh Indonesia", "KSPSI",
                OrgKind.UNION_FEDERATION, country="ID", city="Jakarta", parent_id=atuc.id)
    cambodia = org("Cambodian union confederation", "", OrgKind.TRADE_UNION, country="KH",
                   city="Phnom Penh", parent_id=atuc.id)
    police = org("Desk Ketenagakerjaan Polri", "", OrgKind.LAW_ENFORCEMENT, country="ID",
                 city="Jakarta", other_names=["Police labour desk"])
    org("Embassy of the Republic of Indonesia in Phnom Penh", "KBRI Phnom Penh",
        OrgKind.EMBASSY, country="KH", city="Phnom Penh")

    president = person("Andi Gani Nena Wea", atuc, "President", languages=["Indonesian",
                                                                          "English"])
    officers = [person(name, lftu, title, **fields) for name, title, fields in LFTU_OFFICERS]
    # The same man, as the second half of the news item spells him, entered from the quote
    # before anyone noticed: try the match (creating him again) and the merge.
    person("Phonesan Vilaymeing", None, "Senior Vice President, LFTU", country="LA",
           phones=["020 5555 0101"], notes="Spelled this way where the news item quotes him.")
    union_president = person("Sokha Chanthou", cambodia, "President", languages=["Khmer"],
                             phones=["012 345 678"])
    investigator = person("Rudi Hartono", police, "Investigator, labour desk",
                          phones=["0812-3456-7890"])

    agreement = db.save_agreement(build(Agreement, {
        "title": AGREEMENT_TITLE, "party_ids": [kspsi.id, lftu.id], "areas": AGREEMENT_AREAS,
    }))
    agreement = agreement.model_copy(update={"history": [
        agreement.history[0].model_copy(update={"on": min(visit, today)})]})
    agreement = db.save_agreement(agreement)
    agreement = db.move_agreement(agreement, AgreementStatus.DRAFTING,
                                  on=min(visit + dt.timedelta(days=40), today),
                                  note="Both federations' legal officers drafting")
    agreement = db.add_draft_version(agreement, DRAFT_1, note="KSPSI's first draft",
                                     on=min(visit + dt.timedelta(days=40), today))
    agreement = db.add_draft_version(agreement, DRAFT_2, note="With LFTU's comments",
                                     on=min(visit + dt.timedelta(days=75), today))
    db.save_task(build(Task, {
        "text": "Propose joint training modules for migrant workers",
        "owner_id": officers[3].id, "due": today + dt.timedelta(days=20),
        "agreement_id": agreement.id}))

    meeting = db.save_meeting(build(Meeting, {
        "at": at_hour(visit, 10), **VISIT_MEETING,
        "org_ids": [atuc.id, lftu.id], "person_ids": [president.id] + [o.id for o in officers],
        "case_ids": [case.id], "agreement_ids": [agreement.id],
    }))
    db.save_task(build(Task, {
        "text": "Send KSPSI's first draft of the cooperation to LFTU",
        "owner_id": president.id, "due": min(visit + dt.timedelta(days=40), today),
        "done_on": min(visit + dt.timedelta(days=40), today), "meeting_id": meeting.id}))
    db.save_task(build(Task, {
        "text": "Share the ten workers' repatriation timeline with LFTU",
        "owner_id": president.id, "due": today + dt.timedelta(days=3),
        "meeting_id": meeting.id}))
    db.save_task(build(Task, {
        "text": "Ask LFTU's labour department about Lao workers held near Mae Sot",
        "owner_id": officers[3].id, "due": today - dt.timedelta(days=1),
        "meeting_id": meeting.id}))

    # The two Lao cases came through LFTU: their first entries name it, linked.
    for other in db.cases():
        if "LFTU" in other.tags:
            for entry in db.log_of(other.id):
                if not entry.counterpart_org:
                    db.save_log_entry(entry.model_copy(update={
                        "counterpart_org": "LFTU", "counterpart_org_id": lftu.id,
                        "counterpart_kind": RecipientKind.PARTNER_UNION}))
    # The Cambodian union president and the police labour desk, linked from the case's log;
    # the ASEAN TUC and embassy entries stay free text, offered for linking in the app.
    for entry in db.log_of(case.id):
        if entry.counterpart_org == "Cambodian union confederation":
            db.link_counterparts([entry.id], org_id=cambodia.id, person_id=union_president.id)
        elif entry.counterpart_org == "Desk Ketenagakerjaan Polri":
            db.link_counterparts([entry.id], org_id=police.id,
                                 person_id=investigator.id
                                 if entry.counterpart_person == "Investigator" else None)


def write_demo(path: Path) -> Database:
    """Create a fresh demo database at `path` (which must not exist) and return it open."""
    db = Database.open(path, create=True, demo=True)
    build_demo(db)
    return db

"""The demo database: the group case from the news item (shared/seed/) and a few others.

Every name of a worker here is invented. The union's network follows the news item: the
Vientiane working visit of 12 December 2025, the ASEAN TUC president and the five LFTU
officers it names in public with their titles (the Senior Vice President under both of the
spellings it uses, so that match-and-merge can be tried), and the KSPSI-LFTU draft agreement.
The Cambodian union president, the police labour desk's officers and the embassy's officer are
invented, as are every phone number and e-mail address (example.org).
"""

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
    AgreementArea,
    AgreementStatus,
    Answer,
    CaseKind,
    DecidedBy,
    Direction,
    ExploitationType,
    LogKind,
    MeansOfControl,
    MeetingKind,
    OrgKind,
    PassportStatus,
    Platform,
    ReachedVia,
    RecipientKind,
    RecruitmentMethod,
    Sector,
    Sex,
    Stage,
    StepStatus,
    TraffickingStatus,
    Urgency,
)

SEED_TITLE = "Ten workers escaped an online-gambling network"

# (full name, other spellings, sex, year of birth, province, district, passport is)
_SEED_WORKERS = [
    ("Rizky Pratama Nugroho", ["Riski Pratama"], Sex.MALE, 1998, "Sumatera Utara", "Medan",
     PassportStatus.HELD_BY_EMPLOYER),
    ("Dewi Anggraini Siregar", [], Sex.FEMALE, 2000, "Sumatera Utara", "Deli Serdang",
     PassportStatus.HELD_BY_EMPLOYER),
    ("Muhammad Fajar Hidayat", ["Mohammad Fadjar Hidajat"], Sex.MALE, 1995, "Jawa Barat",
     "Bekasi", PassportStatus.LOST),
    ("Sri Wahyuningsih", ["Sri Wahyuningsi"], Sex.FEMALE, 1997, "Jawa Tengah", "Cilacap",
     PassportStatus.HELD_BY_EMPLOYER),
    ("Agus Setiawan Lubis", [], Sex.MALE, 1993, "Kepulauan Riau", "Batam",
     PassportStatus.WITH_WORKER),
    ("Yohanes Kristianto Manek", ["Yohanis Manek"], Sex.MALE, 1999, "Nusa Tenggara Timur",
     "Belu", PassportStatus.HELD_BY_EMPLOYER),
    ("Nur Aisyah Ramadhani", ["Nur Aisah"], Sex.FEMALE, 2001, "Jawa Timur", "Banyuwangi",
     PassportStatus.LOST),
    ("Bayu Saputra Harahap", [], Sex.MALE, 1996, "Sumatera Utara", "Pematangsiantar",
     PassportStatus.HELD_BY_EMPLOYER),
    ("Putu Eka Wardana", ["I Putu Eka Wardhana"], Sex.MALE, 1994, "Bali", "Buleleng",
     PassportStatus.WITH_WORKER),
    ("Fitriani Rahmawati", ["Fitri Rahmawaty"], Sex.FEMALE, 1998, "Jawa Barat", "Karawang",
     PassportStatus.HELD_BY_EMPLOYER),
]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


def build_demo(db: Database, today: dt.date | None = None) -> None:
    """Fill an empty database with the demo cases, as one atomic change."""
    today = today or clock.today()
    with db.transaction():
        case = _seed_case(db, today)
        _other_cases(db, today)
        _seed_network(db, case, today)


def _seed_case(db: Database, today: dt.date) -> Case:
    reported = dt.date(2025, 12, 12)
    case = db.save_case(
        build(
            Case,
            {
                "title": SEED_TITLE,
                "kind": CaseKind.GROUP,
                "destination_country": "KH",
                "destination_place": "Phnom Penh (location kept confidential)",
                "origin_country": "ID",
                "exploitation_types": [
                    ExploitationType.FORCED_CRIMINALITY,
                    ExploitationType.FORCED_LABOUR,
                ],
                "sector": Sector.R,
                "reached_via": ReachedVia.UNION_CONTACT,
                "date_reported": reported,
                "urgency": Urgency.HIGH,
                "assigned_officer": "International desk",
                "stage": Stage.IN_SHELTER,
                "tags": ["online gambling", "ASEAN TUC", "group escape"],
            },
        )
    )
    workers = []
    for number, (name, spellings, sex, born, province, district, passport) in enumerate(
        _SEED_WORKERS, start=1
    ):
        workers.append(
            db.save_worker(
                build(
                    Worker,
                    {
                        "case_id": case.id,
                        "full_name": name,
                        "other_spellings": spellings,
                        "sex": sex,
                        "date_of_birth": dt.date(born, (number * 5) % 12 + 1, number * 2 + 1),
                        "nationality": "ID",
                        "home_province": province,
                        "home_district": district,
                        "phone": f"+62 812 5550 {1000 + number * 37}",
                        "passport_number": (
                            f"C{7310000 + number * 1913}"
                            if passport is not PassportStatus.LOST
                            else ""
                        ),
                        "passport_status": passport,
                        "current_location": "Partner shelter, Phnom Penh",
                        "family_contact": f"Family in {district}",
                    },
                )
            )
        )
    # Consent first: what was sent to whom below is checked against it, as in the app.
    _seed_consents(db, case, workers, today)
    sent, received = Direction.SENT, Direction.RECEIVED
    police_desk = "Desk Ketenagakerjaan Polri"
    entries = [
        (_at(reported, 9, 30), LogKind.MESSAGE, received, "ASEAN TUC", "President's office",
         "The ASEAN TUC president reports ten Indonesian workers who escaped an "
         "online-gambling network and are waiting at a location in Cambodia.",
         "Confirm the location and the names of all ten", reported, True),
        (_at(reported, 14), LogKind.CALL, sent, "Cambodian union confederation", "President",
         "Asked the Cambodian union president to secure the group and to liaise with the "
         "Cambodian police for a safe exit.",
         "Confirm shelter placement with the Cambodian union", reported + dt.timedelta(days=2),
         True),
        (_at(reported, 16), LogKind.CALL, sent, "Desk Ketenagakerjaan Polri", "Duty officer",
         "Asked the police labour desk to speed up repatriation and to open an inquiry into "
         "the recruiters.",
         "Send the list of names and home districts to the labour desk",
         reported + dt.timedelta(days=3), True),
        # Overdue: the officer has not sent it yet (Today lists it first).
        (_at(today - dt.timedelta(days=8), 10, 30), LogKind.MEETING, received,
         "Desk Ketenagakerjaan Polri", "Investigator",
         "The labour desk asks for the recruiters' Telegram handles from the workers' "
         "statements, to open the case against them.",
         "Send the recruiters' Telegram handles to the labour desk",
         today - dt.timedelta(days=2), False),
        (_at(today - dt.timedelta(days=3), 10), LogKind.CALL, received, "KBRI Phnom Penh",
         "Citizen protection officer",
         "Embassy is issuing SPLP travel documents for the workers without passports.",
         "Check that SPLPs are issued for all ten", today + dt.timedelta(days=4), False),
    ]
    for at, kind, direction, org, person, summary, next_step, due, done in entries:
        named = [w.id for w in workers] if kind is LogKind.CALL else []
        if org == police_desk:
            # To the police only the worker whose consent covers it: the brief for the police
            # then shows these entries, and what it withholds, as it would for a real case.
            named = [workers[0].id] if direction is sent else []
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
    db.save_log_entry(
        build(
            LogEntry,
            {
                "case_id": case.id,
                "at": _at(today - dt.timedelta(days=5), 15),
                "recorded_by": "International desk",
                "kind": LogKind.MESSAGE,
                "direction": Direction.SENT,
                "counterpart_org": "Cambodian union confederation",
                "counterpart_person": "President",
                "counterpart_kind": RecipientKind.PARTNER_UNION,
                "awaiting_reply": True,
                "summary": "Asked whether the shelter can keep the group until the exit "
                           "permits are issued.",
            },
        )
    )
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
    controls = [MeansOfControl.FALSE_PROMISES, MeansOfControl.RESTRICTS_MOVEMENT,
                MeansOfControl.EXCESSIVE_WORKING_HOURS]
    common: dict[str, object] = {
        "case_id": case.id,
        "screened_on": _days_ago(today, 6, case.date_reported),
        "screened_by": "International desk",
        "act": Answer.YES,
        "act_evidence": "Recruited in a Telegram job group; the recruiter paid the ticket",
        "purpose": Answer.YES,
        "purpose_evidence": "Made to run online-gambling chats for the network",
        "ilo_deception": Answer.YES,
        "ilo_deception_evidence": "Advert for e-commerce operator work in Phnom Penh",
        "ilo_movement": Answer.YES,
        "ilo_movement_evidence": "Guarded building, no exit without an escort",
        "ilo_isolation": Answer.YES,
        "ilo_isolation_evidence": "Phone taken on arrival",
        "ilo_overtime": Answer.YES,
        "ilo_overtime_evidence": "Shifts of 14 to 16 hours",
        "recruitment_method": RecruitmentMethod.ONLINE_SOCIAL_NETWORKS,
        "platform": Platform.TELEGRAM,
        "means_of_control": controls,
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
    others = [
        (
            {
                "title": "Woman held in a scam compound near Myawaddy",
                "kind": CaseKind.INDIVIDUAL,
                "destination_country": "MM",
                "destination_place": "Myawaddy",
                "origin_country": "ID",
                "exploitation_types": [ExploitationType.FORCED_CRIMINALITY],
                "sector": Sector.J,
                "reached_via": ReachedVia.FAMILY,
                "date_reported": today - dt.timedelta(days=9),
                "urgency": Urgency.CRITICAL,
                "stage": Stage.AWAITING_RESCUE,
                "tags": ["Mae Sot route"],
            },
            [("Lestari Handayani", [], Sex.FEMALE, 26, "Sulawesi Utara", "Manado")],
            ("Family reports she was moved across the river at Mae Sot; phone taken.",
             "Ask the Thai partner union about rescue channels", today - dt.timedelta(days=1)),
        ),
        (
            {
                "title": "Three workers at a casino in the Golden Triangle zone",
                "kind": CaseKind.GROUP,
                "destination_country": "LA",
                "destination_place": "Bokeo, Golden Triangle SEZ",
                "origin_country": "ID",
                "exploitation_types": [ExploitationType.FORCED_LABOUR],
                "sector": Sector.R,
                "reached_via": ReachedVia.PARTNER_REFERRAL,
                "date_reported": today - dt.timedelta(days=40),
                "urgency": Urgency.HIGH,
                "stage": Stage.DOCUMENTS,
                "tags": ["LFTU"],
            },
            [
                ("Hendra Gunawan", ["Hendra Gunawan Saputra"], Sex.MALE, 31, "Riau", "Dumai"),
                ("Wulan Sari Dewi", [], Sex.FEMALE, 24, "Jawa Tengah", "Brebes"),
                ("Andreas Tumbelaka", [], Sex.MALE, 29, "Sulawesi Utara", "Minahasa"),
            ],
            ("LFTU labour department confirms the three are out and with the labour office.",
             "Embassy in Vientiane to confirm travel documents", today + dt.timedelta(days=6)),
        ),
        (
            {
                "title": "Lao workers deceived into scam work near Mae Sot",
                "kind": CaseKind.GROUP,
                "destination_country": "TH",
                "destination_place": "Mae Sot",
                "origin_country": "LA",
                "exploitation_types": [ExploitationType.FORCED_CRIMINALITY],
                "sector": Sector.J,
                "reached_via": ReachedVia.PARTNER_REFERRAL,
                "date_reported": today - dt.timedelta(days=15),
                "urgency": Urgency.NORMAL,
                "stage": Stage.VERIFYING,
                "tags": ["LFTU", "spellings vary"],
            },
            [
                ("Souksavanh Phommachanh", ["Souksavan Phommachan", "ສຸກສະຫວັນ ພົມມະຈັນ"],
                 Sex.MALE, 22, "Savannakhet", "Kaysone Phomvihane"),
                ("Khamphone Sengdara", ["Khamphon Sengdala"], Sex.FEMALE, 20, "Champasak",
                 "Pakse"),
            ],
            ("LFTU shares two names from a group held near the border; verifying identities.",
             "Match spellings against the LFTU list", today + dt.timedelta(days=2)),
        ),
        (
            {
                "title": "Sihanoukville raid: returnees handed over in Jakarta",
                "kind": CaseKind.GROUP,
                "destination_country": "KH",
                "destination_place": "Sihanoukville",
                "origin_country": "ID",
                "exploitation_types": [ExploitationType.FORCED_CRIMINALITY],
                "sector": Sector.J,
                "reached_via": ReachedVia.HOTLINE,
                "date_reported": today - dt.timedelta(days=120),
                "urgency": Urgency.LOW,
                "stage": Stage.HANDED_OVER,
                "tags": ["raid"],
            },
            [
                ("Teguh Prasetyo", [], Sex.MALE, 27, "Jawa Timur", "Malang"),
                ("Ratna Juwita", [], Sex.FEMALE, 23, "Kalimantan Barat", "Pontianak"),
            ],
            ("Both handed over at Soekarno-Hatta to the ministry and BP3MI.",
             "Follow-up call on reintegration", today + dt.timedelta(days=21)),
        ),
    ]
    for case_data, workers, (summary, next_step, due) in others:
        case = db.save_case(build(Case, {**case_data, "assigned_officer": "Migrant desk"}))
        for name, spellings, sex, age, province, district in workers:
            db.save_worker(
                build(
                    Worker,
                    {
                        "case_id": case.id,
                        "full_name": name,
                        "other_spellings": spellings,
                        "sex": sex,
                        "age": age,
                        "nationality": case.origin_country,
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
                    "at": _at(case.date_reported, 11),
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
        # days from report to return rest on them.
        for plan, days_ago in zip(plans, (52, 45)):
            db.set_step(case.id, [plan.worker_id], "flight", StepStatus.DONE,
                        org="KBRI Phnom Penh", done_on=today - dt.timedelta(days=days_ago))


_DRAFT_1 = """\
Cooperation between the Konfederasi Serikat Pekerja Seluruh Indonesia (KSPSI)
and the Lao Federation of Trade Unions (LFTU)

Article 1. Purpose
The parties cooperate to protect workers who migrate between and through their countries.

Article 2. Education
The parties exchange trainers and materials on workers' rights for migrant workers.

Article 3. Advocacy
The parties speak together for migrant workers trafficked into online-scam and
online-gambling compounds.

Article 4. Organisational management
The parties share how they organise, keep members and manage their finances.

Article 5. Duration
This agreement is in force for three years from its signature.
"""

_DRAFT_2 = """\
Cooperation between the Konfederasi Serikat Pekerja Seluruh Indonesia (KSPSI)
and the Lao Federation of Trade Unions (LFTU)

Article 1. Purpose
The parties cooperate to protect workers who migrate between and through their countries,
with the support of the ASEAN Trade Union Council.

Article 2. Education
The parties exchange trainers and materials on workers' rights for migrant workers,
in Bahasa Indonesia and in Lao.

Article 3. Advocacy
The parties speak together for migrant workers trafficked into online-scam and
online-gambling compounds, and refer such workers to each other without delay.

Article 4. Organisational management
The parties share how they organise, keep members and manage their finances.

Article 5. Duration
This agreement is in force for five years from its signature.
"""


def _seed_network(db: Database, case: Case, today: dt.date) -> None:
    """The organisations, people, meeting and agreement of the news item, linked to the
    ten-worker case's log."""
    visit = dt.date(2025, 12, 12)

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
    officers = [
        person("Phonensan Vilaymeing", lftu, "Senior Vice President",
               languages=["Lao", "English"], phones=["(+856) 20 5555 0101"]),
        person("Pathoumthong Louangvilay", lftu, "Director of Organising Department"),
        person("Chanthavone Apaiyalath", lftu, "Deputy Director, Cabinet"),
        person("Chanpen Manyseing", lftu, "Director of Labor Department",
               emails=["labour.department@example.org"]),
        person("Alounsieng Vichitvongsa", lftu, "Director of Propaganda Department"),
    ]
    # The same man, as the second half of the news item spells him, entered from the quote
    # before anyone noticed: try the match (creating him again) and the merge.
    person("Phonesan Vilaymeing", None, "Senior Vice President, LFTU", country="LA",
           phones=["020 5555 0101"], notes="Spelled this way where the news item quotes him.")
    union_president = person("Sokha Chanthou", cambodia, "President", languages=["Khmer"],
                             phones=["012 345 678"])
    investigator = person("Rudi Hartono", police, "Investigator, labour desk",
                          phones=["0812-3456-7890"])

    agreement = db.save_agreement(build(Agreement, {
        "title": "KSPSI–LFTU cooperation on education, advocacy and organisational "
                 "management",
        "party_ids": [kspsi.id, lftu.id],
        "areas": [AgreementArea.EDUCATION, AgreementArea.ADVOCACY,
                  AgreementArea.ORGANISATIONAL_MANAGEMENT],
    }))
    agreement = agreement.model_copy(update={"history": [
        agreement.history[0].model_copy(update={"on": min(visit, today)})]})
    agreement = db.save_agreement(agreement)
    agreement = db.move_agreement(agreement, AgreementStatus.DRAFTING,
                                  on=min(visit + dt.timedelta(days=40), today),
                                  note="Both federations' legal officers drafting")
    agreement = db.add_draft_version(agreement, _DRAFT_1, note="KSPSI's first draft",
                                     on=min(visit + dt.timedelta(days=40), today))
    agreement = db.add_draft_version(agreement, _DRAFT_2, note="With LFTU's comments",
                                     on=min(visit + dt.timedelta(days=75), today))
    db.save_task(build(Task, {
        "text": "Propose joint training modules for migrant workers",
        "owner_id": officers[3].id, "due": today + dt.timedelta(days=20),
        "agreement_id": agreement.id}))

    meeting = db.save_meeting(build(Meeting, {
        "at": _at(visit, 10), "kind": MeetingKind.WORKING_VISIT,
        "title": "ASEAN TUC working visit to LFTU", "city": "Vientiane", "country": "LA",
        "org_ids": [atuc.id, lftu.id], "person_ids": [president.id] + [o.id for o in officers],
        "agenda": "Cross-border exploitation and trafficking of workers into online-scam and "
                  "online-gambling networks.\nThe ten Indonesian workers who escaped in "
                  "Cambodia.\nCooperation between KSPSI, ASEAN TUC and LFTU.",
        "decisions": "LFTU supports continued regional cooperation against trafficking.\n"
                     "KSPSI and LFTU draft a cooperation on education, advocacy and "
                     "organisational management.",
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

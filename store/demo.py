"""The demo database: the group case from the news item (shared/seed/) and a few others.

Every name of a worker here is invented. The news item names officials of the Lao federation;
the demo keeps to roles and organisations and invents the rest.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.database import Database
from store.records import Case, LogEntry, Worker, build
from store.vocab import (
    CaseKind,
    ExploitationType,
    LogKind,
    PassportStatus,
    ReachedVia,
    Sector,
    Sex,
    Stage,
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
    today = today or dt.date.today()
    with db.transaction():
        _seed_case(db, today)
        _other_cases(db, today)


def _seed_case(db: Database, today: dt.date) -> None:
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
    entries = [
        (_at(reported, 9, 30), LogKind.MESSAGE, "ASEAN TUC", "President's office",
         "The ASEAN TUC president reports ten Indonesian workers who escaped an "
         "online-gambling network and are waiting at a location in Cambodia.",
         "Confirm the location and the names of all ten", reported, True),
        (_at(reported, 14), LogKind.CALL, "Cambodian union confederation", "President",
         "Asked the Cambodian union president to secure the group and to liaise with the "
         "Cambodian police for a safe exit.",
         "Confirm shelter placement with the Cambodian union", reported + dt.timedelta(days=2),
         True),
        (_at(reported, 16), LogKind.CALL, "Desk Ketenagakerjaan Polri", "Duty officer",
         "Asked the police labour desk to speed up repatriation and to open an inquiry into "
         "the recruiters.",
         "Send the list of names and home districts to the labour desk",
         reported + dt.timedelta(days=3), True),
        (_at(today - dt.timedelta(days=3), 10), LogKind.CALL, "KBRI Phnom Penh",
         "Citizen protection officer",
         "Embassy is issuing SPLP travel documents for the workers without passports.",
         "Check that SPLPs are issued for all ten", today + dt.timedelta(days=4), False),
    ]
    for at, kind, org, person, summary, next_step, due, done in entries:
        db.save_log_entry(
            build(
                LogEntry,
                {
                    "case_id": case.id,
                    "worker_ids": [w.id for w in workers] if kind is LogKind.CALL else [],
                    "at": at,
                    "recorded_by": "International desk",
                    "kind": kind,
                    "counterpart_org": org,
                    "counterpart_person": person,
                    "summary": summary,
                    "next_step": next_step,
                    "due_date": due,
                    "next_step_done": done,
                },
            )
        )


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
                    "recorded_by": "Migrant desk",
                    "summary": summary,
                    "next_step": next_step,
                    "due_date": max(due, case.date_reported),
                },
            )
        )


def write_demo(path: Path) -> Database:
    """Create a fresh demo database at `path` (which must not exist) and return it open."""
    db = Database.open(path, create=True, demo=True)
    build_demo(db)
    return db

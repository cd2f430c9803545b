"""The demo database's content, which store/exchange/demo.py writes: the group case from the
news item (shared/seed/) and a few others, the union's network, the draft agreement.

Every name of a worker here is invented. The union's network follows the news item: the
Vientiane working visit of 12 December 2025, the ASEAN TUC president and the five LFTU
officers it names in public with their titles (the Senior Vice President under both of the
spellings it uses, so that match-and-merge can be tried), and the KSPSI-LFTU draft agreement.
The Cambodian union president, the police labour desk's officers and the embassy's officer are
invented, as are every phone number and e-mail address (example.org).

Dates that follow the day the demo is made are functions of `today`; the rest are constants.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from store.domain.vocab import (
    AgreementArea,
    Answer,
    CaseKind,
    Direction,
    ExploitationType,
    LogKind,
    MeansOfControl,
    MeetingKind,
    PassportStatus,
    Platform,
    ReachedVia,
    RecipientKind,
    RecruitmentMethod,
    Sector,
    Sex,
    Stage,
    Urgency,
)

SEED_TITLE = "Ten workers escaped an online-gambling network"
# The day the news item's group was reported, the day of the Vientiane working visit.
SEED_REPORTED = dt.date(2025, 12, 12)
VISIT = dt.date(2025, 12, 12)

# (full name, other spellings, sex, year of birth, province, district, passport is)
SEED_WORKERS = [
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


def at_hour(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """That day at that hour, in the computer's time zone."""
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


# The ten-worker case itself.
SEED_CASE: dict[str, object] = {
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
    "date_reported": SEED_REPORTED,
    "urgency": Urgency.HIGH,
    "assigned_officer": "International desk",
    "stage": Stage.IN_SHELTER,
    "tags": ["online gambling", "ASEAN TUC", "group escape"],
}


def seed_log(today: dt.date) -> list[tuple[Any, ...]]:
    """The ten-worker case's log, as (at, kind, direction, organisation, person, summary, next
    step, due, done): the first news, the calls that followed, what is due now."""
    reported = SEED_REPORTED
    sent, received = Direction.SENT, Direction.RECEIVED
    return [
        (at_hour(reported, 9, 30), LogKind.MESSAGE, received, "ASEAN TUC", "President's office",
         "The ASEAN TUC president reports ten Indonesian workers who escaped an "
         "online-gambling network and are waiting at a location in Cambodia.",
         "Confirm the location and the names of all ten", reported, True),
        (at_hour(reported, 14), LogKind.CALL, sent, "Cambodian union confederation", "President",
         "Asked the Cambodian union president to secure the group and to liaise with the "
         "Cambodian police for a safe exit.",
         "Confirm shelter placement with the Cambodian union", reported + dt.timedelta(days=2),
         True),
        (at_hour(reported, 16), LogKind.CALL, sent, "Desk Ketenagakerjaan Polri", "Duty officer",
         "Asked the police labour desk to speed up repatriation and to open an inquiry into "
         "the recruiters.",
         "Send the list of names and home districts to the labour desk",
         reported + dt.timedelta(days=3), True),
        # Overdue: the officer has not sent it yet (Today lists it first).
        (at_hour(today - dt.timedelta(days=8), 10, 30), LogKind.MEETING, received,
         "Desk Ketenagakerjaan Polri", "Investigator",
         "The labour desk asks for the recruiters' Telegram handles from the workers' "
         "statements, to open the case against them.",
         "Send the recruiters' Telegram handles to the labour desk",
         today - dt.timedelta(days=2), False),
        (at_hour(today - dt.timedelta(days=3), 10), LogKind.CALL, received, "KBRI Phnom Penh",
         "Citizen protection officer",
         "Embassy is issuing SPLP travel documents for the workers without passports.",
         "Check that SPLPs are issued for all ten", today + dt.timedelta(days=4), False),
    ]


def awaiting_reply(today: dt.date) -> dict[str, object]:
    """The message of the ten-worker case asked five days ago, with no answer since."""
    return {
        "at": at_hour(today - dt.timedelta(days=5), 15),
        "recorded_by": "International desk",
        "kind": LogKind.MESSAGE,
        "direction": Direction.SENT,
        "counterpart_org": "Cambodian union confederation",
        "counterpart_person": "President",
        "counterpart_kind": RecipientKind.PARTNER_UNION,
        "awaiting_reply": True,
        "summary": "Asked whether the shelter can keep the group until the exit "
                   "permits are issued.",
    }


# How every screened worker of the seed case was controlled (more for some, in demo.py).
SCREENING_CONTROLS = [MeansOfControl.FALSE_PROMISES, MeansOfControl.RESTRICTS_MOVEMENT,
                      MeansOfControl.EXCESSIVE_WORKING_HOURS]
# What every screened worker of the seed case answered; demo.py adds each one's own.
SCREENING: dict[str, object] = {
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
    "means_of_control": SCREENING_CONTROLS,
}


def other_cases(today: dt.date) -> list[tuple[Any, ...]]:
    """The other cases: (the case, its workers as (name, other spellings, sex, age, province,
    district[, nationality: the case's country of origin if not given]), its first log entry as
    (summary, next step, due))."""
    return [
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
            # The recruiter's handle of the registry (demo_registry.py), not linked to this
            # case yet: its page offers it for linking.
            ("Family reports she was moved across the river at Mae Sot; phone taken. She "
             "answered a job offer from @LokerKamboja_VIP on Telegram.",
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
                # Held with them: a Cambodian woman, her name as the Cambodian union wrote it, in
                # Khmer script, and as her passport spells it (search finds her by either, and
                # by other spellings of them: "Sokh Chandara").
                ("សុខ ចាន់ដារ៉ា", ["Sok Chandara"], Sex.FEMALE, 24, "Prey Veng", "Kamchay Mear",
                 "KH"),
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
                "date_reported": today - dt.timedelta(days=230),
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


# The LFTU officers the news item names, as (name, title, what else is known).
LFTU_OFFICERS: list[tuple[str, str, dict[str, object]]] = [
    ("Phonensan Vilaymeing", "Senior Vice President",
     {"languages": ["Lao", "English"], "phones": ["(+856) 20 5555 0101"]}),
    ("Pathoumthong Louangvilay", "Director of Organising Department", {}),
    ("Chanthavone Apaiyalath", "Deputy Director, Cabinet", {}),
    ("Chanpen Manyseing", "Director of Labor Department",
     {"emails": ["labour.department@example.org"]}),
    ("Alounsieng Vichitvongsa", "Director of Propaganda Department", {}),
]

# The Vientiane working visit, as its meeting is recorded.
VISIT_MEETING: dict[str, object] = {
    "kind": MeetingKind.WORKING_VISIT,
    "title": "ASEAN TUC working visit to LFTU", "city": "Vientiane", "country": "LA",
    "agenda": "Cross-border exploitation and trafficking of workers into online-scam and "
              "online-gambling networks.\nThe ten Indonesian workers who escaped in "
              "Cambodia.\nCooperation between KSPSI, ASEAN TUC and LFTU.",
    "decisions": "LFTU supports continued regional cooperation against trafficking.\n"
                 "KSPSI and LFTU draft a cooperation on education, advocacy and "
                 "organisational management.",
}

# The KSPSI-LFTU cooperation the visit decided to draft, and its two drafts.
AGREEMENT_TITLE = ("KSPSI–LFTU cooperation on education, advocacy and organisational "
                   "management")
AGREEMENT_AREAS = [AgreementArea.EDUCATION, AgreementArea.ADVOCACY,
                   AgreementArea.ORGANISATIONAL_MANAGEMENT]

DRAFT_1 = """\
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

DRAFT_2 = """\
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

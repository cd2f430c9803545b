"""The demo's family inquiry (store/exchange/demo.py calls `seed_inquiry` in its transaction):
a mother in Belu looking for her son, who stopped writing from a compound in Ta Khmau.
She writes his name as the family does ("Yohanis Kristianto Manek"), which is one of the
spellings of the sixth worker of the ten who escaped: Today shows the match for an officer to
confirm. Her number is in no registry. Every name and number here is invented."""

from __future__ import annotations

import datetime as dt

from store.db.database import Database
from store.domain.records import Case, Handle, Inquiry, build
from store.domain.vocab import IdentifierKind, Sex
from store.exchange.demo_seed import SEED_WORKERS

SOUGHT = 5  # Yohanes Kristianto Manek, the sixth of SEED_WORKERS


def seed_inquiry(db: Database, case: Case, today: dt.date) -> Inquiry:
    """The open inquiry (see the module's doc)."""
    number = SOUGHT + 1
    _name, _spellings, _sex, born, province, _district, _passport = SEED_WORKERS[SOUGHT]
    received = max(case.date_reported, today - dt.timedelta(days=3))
    return db.save_inquiry(build(Inquiry, {
        "inquirer_name": "Maria Goreti Bria", "relation": "mother",
        "inquirer_phone": "+62 813 3900 4127",
        "handles": [Handle(kind=IdentifierKind.WHATSAPP, value="+62 813 3900 4127")],
        "reach_by": "WhatsApp, evenings; or through the village head of Fatuketi",
        "consent_given_on": received, "consent_taken_by": "Siti Rahmawati",
        "sought_name": "Yohanis Kristianto Manek", "sought_other_names": ["Anis"],
        "sought_date_of_birth": dt.date(born, (number * 5) % 12 + 1, number * 2 + 1),
        "sought_sex": Sex.MALE, "sought_nationality": "ID", "sought_home_province": province,
        "last_message_on": received - dt.timedelta(days=40),
        "last_message_from": "+855 96 555 0142", "last_city": "Ta Khmau",
        "last_country": "KH", "compound_name": "Lotus Park",
        "received_on": received, "received_by": "Siti Rahmawati",
        "notes": "Her son wrote that he was moved to a building with guards.",
    }))


__all__ = ["seed_inquiry"]

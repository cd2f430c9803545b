"""Reading a list as an intake (store.exchange.intake): its compound column, every row checked
as the worker import checks it, matched against every worker and the open inquiries, grouped
by compound (a registry place by any of its names), a decision proposed; nothing written."""

from __future__ import annotations

from store.db.database import Database
from store.domain.vocab import IntakeSource, IntakeStatus, RowDecision
from store.exchange.intake import intake_of, proposals_json, propose, read_intake

LIST = ("No;Nama;Tgl Lahir;L/P;Tempat\r\n"
        "1;Riski Pratama Nugroho;;L;Lotus Park\r\n"
        "2;Yohanis Kristianto Manek;{born};L;Building B7\r\n"
        "3;Budi Santoso Wijaya;01/02/1990;L;Golden Bay\r\n"
        "4;Siti Nurhaliza;;P;golden  BAY\r\n"
        "5;;;L;\r\n").encode("utf-8")


def _list(db: Database) -> bytes:
    son = next(w for c in db.cases() for w in db.workers_of(c.id)
               if w.full_name == "Yohanes Kristianto Manek")
    assert son.date_of_birth is not None
    return LIST.replace(b"{born}", son.date_of_birth.strftime("%d/%m/%Y").encode())


def test_each_row_is_matched_grouped_and_proposed(demo_db: Database) -> None:
    listed, mapping, compound = read_intake(_list(demo_db))
    assert compound == 4 and mapping[4] is None  # the group's, not a worker's note
    before = demo_db.raw_tables()
    proposals = propose(demo_db, listed, mapping, compound)
    assert demo_db.raw_tables() == before  # nothing written
    rows = proposals_json(proposals)
    assert [r["label"] for r in rows] == [f"row {n} (No. {n - 1})" for n in range(2, 7)]
    assert [r["proposed"] for r in rows] == ["match", "match", "new", "new", "skip"]
    assert rows[0]["matches"][0]["name"] == "Rizky Pratama Nugroho"
    assert rows[0]["matches"][0]["case"] == "KH-2025-0001" and rows[0]["matches"][0]["why"]
    # The mother's inquiry: her son's row, by his date of birth and a spelling of his name.
    assert [q["asked_by"] for q in rows[1]["inquiries"]] == ["Maria Goreti Bria"]
    assert "same date of birth" in rows[1]["matches"][0]["why"]
    # Lotus Park and Building B7 are the Blue Lotus compound's other names; Golden Bay twice,
    # the registry's Golden Bay compound without the word "compound".
    assert [r["group"] for r in rows[:4]] == ["Blue Lotus compound", "Blue Lotus compound",
                                             "Golden Bay compound", "Golden Bay compound"]
    assert rows[4]["problems"] == ["no name in this row"]


def test_the_intake_holds_every_row_with_its_proposal_undecided(demo_db: Database) -> None:
    listed, mapping, compound = read_intake(_list(demo_db))
    proposals = propose(demo_db, listed, mapping, compound)
    intake = intake_of(proposals, "KBRI list", IntakeSource.EMBASSY)
    assert intake.status is IntakeStatus.OPEN and len(intake.rows) == 5
    assert all(r.decision is None for r in intake.rows)
    assert intake.rows[0].proposed is RowDecision.MATCH and intake.rows[0].worker_id
    assert intake.rows[1].inquiry_id == demo_db.open_inquiries()[0].id
    saved = demo_db.save_intake(intake)
    assert demo_db.open_intakes() == [saved]


def test_without_a_compound_column_the_current_location_groups(demo_db: Database) -> None:
    data = "Name;Location\nAgus Salim;Golden Bay\nBudi Karya;\n".encode()
    listed, mapping, compound = read_intake(data)
    assert compound == 1 and mapping == ["full_name", "current_location"]
    groups = [p.group for p in propose(demo_db, listed, mapping, compound)]
    assert groups == ["Golden Bay compound", ""]  # the registry's, "compound" left off

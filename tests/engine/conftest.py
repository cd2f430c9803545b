"""What the tests of the storage engine share: records to save, what a database holds."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path
from typing import Any

from store.db.database import Database
from store.domain.records import Case, Worker, build


def a_case(title: str = "Workers held in Sihanoukville", **fields: Any) -> Case:
    data = {"title": title, "destination_country": "KH", "date_reported": "12/12/2025"}
    data.update(fields)
    return build(Case, data)


def a_worker(case: Case, name: str = "Rizky Pratama") -> Worker:
    return build(Worker, {"case_id": case.id, "full_name": name})


def records(path: Path, passphrase: str | None = None) -> dict[str, list[str]]:
    """Every case, worker and log entry of the database, as stored."""
    with Database.open(path, passphrase=passphrase) as db:
        tables = db.raw_tables()
        return {t: sorted(map(str, tables[t].values())) for t in ("cases", "workers", "log")}


# What `shutil.disk_usage` gives back, for a test that says how full the disk is.
Usage = namedtuple("Usage", "total used free")


def titles(path: Path) -> list[str]:
    """The titles of the cases a database (or a backup of one) holds, sorted."""
    with Database.open(path) as db:
        return sorted(case.title for case in db.cases())

"""The naive baseline: the cases list as a straightforward TinyDB + DataTable app would build it.

    PULANG_PERF_TRACE=/tmp/trace.jsonl python -m tests.perf.naive_app DATABASE.json

- Reads the whole database once through TinyDB's default `JSONStorage` (the stdlib json module),
  read-only, before the first paint: a naive app loads in `on_mount`.
- Counts each case's workers in one pass over the workers table (a TinyDB search per case would
  be quadratic, far slower than any reasonable baseline).
- Fills Textual's `DataTable` with one row per case: reference, title, destination, stage, workers.
- "/" focuses a filter Input; every change rebuilds the table's rows from the cases whose
  reference, title, destination or worker names contain every typed word.

Trace lines, as Pulang writes them: `first_frame` and `usable` {cases} (the table with every row
painted; the same moment here, since the load happens before the first paint) and
`filter_painted` {rows} after each filter change is repainted. Ctrl+Q quits.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input
from tinydb import TinyDB

from tests.perf._trace import mark

Row = tuple[str, str, str, str, str]


def load_rows(path: str) -> list[tuple[Row, str]]:
    """Every case as (table row, lower-cased search text), from one read of the file."""
    db = TinyDB(path, access_mode="r", encoding="utf-8")
    try:
        tables: dict[str, dict[str, Any]] = db.storage.read() or {}
    finally:
        db.close()
    counts: Counter[str] = Counter()
    names: dict[str, list[str]] = {}
    for worker in tables.get("workers", {}).values():  # one pass: counts and names together
        case_id = worker.get("case_id")
        counts[case_id] += 1
        names.setdefault(case_id, []).extend(
            [worker.get("full_name", ""), *worker.get("other_spellings", [])]
        )
    rows = []
    for case in tables.get("cases", {}).values():
        destination = f"{case.get('destination_country', '')} {case.get('destination_place', '')}"
        row = (case.get("ref") or "", case.get("title", ""), destination, case.get("stage", ""),
               str(counts.get(case.get("id"), 0)))
        search = " ".join([row[0], row[1], destination, *names.get(case.get("id"), [])])
        rows.append((row, search.casefold()))
    return rows


class NaiveApp(App[None]):
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("slash", "filter", "Filter", priority=True),
    ]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.rows: list[tuple[Row, str]] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ to filter", id="filter")
        yield DataTable(id="cases", cursor_type="row")

    def on_mount(self) -> None:
        self.call_after_refresh(mark, "first_frame")
        self.rows = load_rows(self.path)
        table = self.query_one(DataTable)
        table.add_columns("Reference", "Title", "Destination", "Stage", "Wkr")
        table.add_rows(row for row, _search in self.rows)
        table.focus()
        self.call_after_refresh(mark, "usable", cases=len(self.rows))

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        words = event.value.casefold().split()
        shown = [row for row, search in self.rows if all(w in search for w in words)]
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(shown)
        self.call_after_refresh(mark, "filter_painted", rows=len(shown))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m tests.perf.naive_app DATABASE.json")
    NaiveApp(sys.argv[1]).run()

"""What `pulang --db FILE` has imported when its first frame is out (issue 36): Textual, the
app's shell, Today and the cases list, and nothing the frame does not need. The rest (the
records and the Database, reading dates and phones, the palette, the other screens) loads
after it, in the thread that opens the database or where first used.

The command runs in a fresh interpreter (this one has imported everything already), through
`tui.cli.main` on a real database file, with the app headless; it stops at the moment the app
starts loading, once its first frame is painted, and reports the modules imported by then.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from store.db.database import Database

ROOT = Path(__file__).resolve().parents[2]

# Up to the first frame and no further: `_first_frame_painted` is where loading begins.
# Through the console script's entry point (`run`, which turns the garbage collector off until
# that frame), with sys.argv as `pulang` would have it.
UP_TO_THE_FIRST_FRAME = """
import gc, json, sys
from textual.app import App

run = App.run
collecting = []
report = sys.argv[1]

def first_frame(app):
    with open(report, "w", encoding="utf-8") as out:
        json.dump({"modules": sorted(sys.modules), "collecting": collecting + [gc.isenabled()]},
                  out)
    app.exit()

def headless(app, **options):
    collecting.append(gc.isenabled())  # as the app starts
    type(app)._first_frame_painted = first_frame
    return run(app, headless=True, **options)

App.run = headless
from tui.cli import run as pulang
sys.argv = ["pulang", *sys.argv[2:]]
pulang()
"""

# Each is tens of milliseconds (or more) that the first frame does not need.
NOT_BEFORE_THE_FIRST_FRAME = (
    "pydantic",  # the records
    "store.domain.records",
    "store.db.database",  # the Database: opened in a thread after the frame
    "store.exchange",  # exports, imports, the demo's writer
    "store.sync",
    "store.domain.parse",  # reading typed dates and phones...
    "phonenumbers",  # ...and what it brings
    "pycountry",
    "babel",
    "tui.commands",  # the palette's commands: when the palette opens
    "tui.screens.case",  # other screens and dialogs
    "tui.screens.decide",  # a conflict's decision: Textual's DataTable behind it
    "textual.widgets._data_table",
    "tui.dialogs.export",
    "tui.cli.opening",  # the commands' way of opening a database
)


def at_first_frame(tmp_path: Path, *args: str) -> dict[str, list[Any]]:
    """The modules imported when the first frame is out, and whether the garbage collector
    was on as the app started and once that frame was out."""
    found = tmp_path / "first_frame.json"
    done = subprocess.run([sys.executable, "-c", UP_TO_THE_FIRST_FRAME, str(found), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seen: dict[str, list[Any]] = json.loads(found.read_text(encoding="utf-8"))
    return seen


def test_the_first_frame_of_pulang_on_a_database_imports_only_what_it_needs(
        tmp_path: Path) -> None:
    path = tmp_path / "pulang.json"
    Database.open(path, create=True).close()
    seen = at_first_frame(tmp_path, "--db", str(path))
    loaded = seen["modules"]
    assert "tui.screens.today" in loaded  # the harness stopped at the first frame, not before
    early = [name for name in NOT_BEFORE_THE_FIRST_FRAME
             if any(m == name or m.startswith(name + ".") for m in loaded)]
    assert not early, f"imported before the first frame: {early}"
    # No garbage collection while the app starts (tens of milliseconds), and on again after.
    assert seen["collecting"] == [False, True]

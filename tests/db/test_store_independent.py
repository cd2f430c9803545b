"""The store works without the terminal UI: no module of `store` may import Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Imports every module of a package in a fresh interpreter, then reports what was imported and
# which Textual modules came with it.
_PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = []
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
    names.append(info.name)
textual = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"imported": sorted(set(names)), "textual": textual}))
"""


def _import_everything_in(package: str, cwd: Path) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, package],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_no_store_module_imports_textual(tmp_path: Path) -> None:
    report = _import_everything_in("store", tmp_path)
    # The walk did find the modules that matter (so an empty walk cannot pass).
    assert {"store.engine.storage", "store.db.database", "store.domain.records",
            "store.exchange.check"} <= set(report["imported"])
    assert report["textual"] == []


def test_the_probe_does_see_textual_when_it_is_imported(tmp_path: Path) -> None:
    report = _import_everything_in("tui", tmp_path)
    assert "textual" in report["textual"]

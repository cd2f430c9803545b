"""Where databases live when no --db is given: $PULANG_DB, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "pulang"


def data_folder() -> Path:
    import platformdirs  # only when no --db is given: kept off the way to the first frame

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The user's own database: $PULANG_DB if set, else pulang.json in the data folder."""
    env = os.environ.get("PULANG_DB", "").strip()
    if env:
        return Path(env).expanduser()
    return data_folder() / "pulang.json"


def demo_db_path() -> Path:
    """The demo's own file, never the user's real database."""
    return data_folder() / "demo.json"


def ensure_private_folder(path: Path) -> None:
    """Create the folder a database goes in, readable by its owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)

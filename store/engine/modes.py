"""Who may read a database's files, as their modes say: anyone, a group of officers, or only
its owner.

A database whose data anyone on the machine may read or change is refused at open
(`refuse_open_to_others`); one whose file its group may read and write is shared with that
group (`shared_with_group`: the app then asks who is working). Only looking: giving a database
to a group is `store.engine.sharing.share_database`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.common.errors import OpenToOthers
from store.engine.files import data_files

SHARED_FILE_MODE = 0o660
SHARED_FOLDER_MODE = 0o2770


def refuse_open_to_others(db_path: Path) -> None:
    """Raise OpenToOthers if anyone on the machine may read or change the database's data."""
    exposed = []
    for path in data_files(db_path):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            continue
        if stat.S_ISREG(st.st_mode) and st.st_mode & 0o007:
            exposed.append(path)
    if exposed:
        raise OpenToOthers(db_path, exposed)


def shared_with_group(db_path: Path) -> bool:
    """Whether the database is shared with a group of officers (`share_database`): its file
    readable and writable by its group."""
    try:
        mode = stat.S_IMODE(os.stat(db_path).st_mode)
    except OSError:
        return False
    return mode & 0o060 == 0o060

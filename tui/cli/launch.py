"""`pulang` with no command: the checks said before the screen is taken over (a file open to
others, not a database, a missing folder), then the app; and a new database shared with a
group, for it or for the demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from store import MissingFolder, UsageError, _
from store.db import (
    SCHEMA_VERSION,
    ensure_private_folder,
    group_id,
    needs_officer_name,
    quick_inspect,
    refuse_open_to_others,
    share_database,
)
from tui.cli.passphrases import Passphrases, key_for
from tui.cli.say import _db_path, _say_busy

if TYPE_CHECKING:
    from store.db import Database


def _run_app(source: object, create: bool = False, sealer: object = None) -> int:
    """Run the app on an open database, or on a path it opens after the first frame."""
    # Imported here, not at the top: the app (Textual) costs about 150 ms (measured), which
    # `pulang demo --no-open` (tui/cli/demo.py imports this module) would pay for nothing.
    from tui.app import PulangApp

    path = Path(getattr(source, "path", source))  # type: ignore[arg-type]
    app = PulangApp(source, create=create, sealer=sealer,  # type: ignore[arg-type]
                    ask_officer=needs_officer_name(path))
    try:
        app.run()
    finally:
        if app.db is not None:
            app.db.on_busy = _say_busy  # the screen is gone: the close speaks on stderr
            if app.db is not source:
                app.db.close()
    if app.load_error is not None:
        raise app.load_error
    return app.return_code or 0


def _open(args: argparse.Namespace) -> int:
    path, explicit = _db_path(args)
    exists = path.exists() or path.is_symlink()
    sealer = None
    if exists and args.shared_group:
        _already_exists(path, args.shared_group)
    if exists:
        # Say no before the screen is taken over; the full check follows as it loads.
        refuse_open_to_others(path)
        quick_inspect(path, SCHEMA_VERSION)
        if Passphrases(args).is_scripted():
            sealer = key_for(args, path)  # else the app asks on its unlock screen
    elif not explicit:
        ensure_private_folder(path.parent)
    elif not path.parent.is_dir():
        raise MissingFolder(path)  # said before the screen is taken over
    if args.shared_group:
        db = _create_shared(path, args.shared_group, demo=False)
        try:
            return _run_app(db)
        finally:
            db.close()
    return _run_app(path, create=not exists, sealer=sealer)


def _already_exists(path: Path, group: str) -> NoReturn:
    raise UsageError(_("{path} already exists; to share it, run: pulang share --group {group} "
                       "--db {path}").format(path=path, group=group))


def _create_shared(path: Path, group: str, demo: bool) -> Database:
    """A new database shared with `group`; what the administrator must still do is said."""
    # Imported here, not at the top: `pulang` imports this module before the app's first
    # frame, and the Database and the demo (pydantic, TinyDB) would cost that frame about
    # 200 ms (measured); only --shared-group and the demo need them here.
    from store.db import Database
    from store.exchange import write_demo

    gid = group_id(group)  # before anything is written: a wrong group leaves no file behind
    db = write_demo(path) if demo else Database.open(path, create=True)
    try:
        for advice in share_database(path, gid, on_wait=_say_busy):
            print(f"pulang: {advice}", file=sys.stderr)
    except BaseException:
        db.close()
        raise
    return db

"""`pulang demo`: a demo database built from the news item, in its own file (never the real
one), written or reopened as it is, then the app on it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from store import DatabaseError, ExitCode, _
from store.db import demo_db_path, ensure_private_folder, group_id, remove_database_files
from tui.cli.launch import _already_exists, _create_shared, _run_app
from tui.cli.opening import open_database
from tui.cli.say import _say, _say_busy

if TYPE_CHECKING:
    from store.db import Database


def _demo(args: argparse.Namespace) -> int:
    if args.shared_group:
        group_id(args.shared_group)  # a wrong group is said before anything is removed
    if args.db:
        path = Path(args.db).expanduser()
        rebuild = args.force or args.reset
    else:
        path = demo_db_path()
        ensure_private_folder(path.parent)
        rebuild = args.reset
    if path.exists() and args.shared_group and not rebuild:
        _already_exists(path, args.shared_group)
    if path.exists():
        # Refuses a damaged or foreign file, and writes nothing.
        existing = open_database(args, path)
        if not existing.is_demo:
            existing.close()
            raise DatabaseError(
                path,
                _("{path} is not a demo database; the demo will not overwrite it.").format(
                    path=path
                ),
            )
        if rebuild:
            existing.close()
            remove_database_files(path)
            db = _new_demo(path, args.shared_group)
            _say(_("Demo database rebuilt: {path}").format(path=path), to_stderr=True)
        else:
            db = existing
            _say(_("Reopening the demo database as it is: {path} (--reset starts afresh)")
                 .format(path=path), to_stderr=True)
    else:
        db = _new_demo(path, args.shared_group)
        _say(_("Demo database written: {path}").format(path=path), to_stderr=True)
    db.on_busy = _say_busy
    try:
        if args.no_open:
            return int(ExitCode.OK)
        return _run_app(db, sealer=db._engine.sealer)
    finally:
        db.close()


def _new_demo(path: Path, group: str | None) -> Database:
    # Imported here, not at the top: `pulang demo` reopening the demo as it is goes on to the
    # app, and the demo's writer would cost its first frame about 4 ms (measured).
    from store.exchange import write_demo

    return _create_shared(path, group, demo=True) if group else write_demo(path)

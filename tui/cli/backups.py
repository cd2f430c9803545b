"""`pulang backups` and `pulang restore`: the backups kept beside the database listed, and one
put back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store import ConfirmationNeeded, ExitCode, _, is_yes, ngettext
from store.db import (
    ERASED_BACKUP_DAYS,
    backups_folder,
    check_backup,
    find_backup,
    format_size,
    list_backups,
    prune_backups,
    restore_backup,
    restore_warnings,
)
from tui.cli.passphrases import key_for
from tui.cli.say import _db_path, _say_resumed


def _backups(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    removed = prune_backups(path)
    if removed:
        print(_("Deleted {count} backups taken before an erasure more than {days} days "
                "ago.").format(count=len(removed), days=ERASED_BACKUP_DAYS),
              file=sys.stderr)
    listed = list_backups(path)
    if not listed:
        print(_("No backups of {path} yet.").format(path=path))
        return int(ExitCode.OK)
    print(_("Backups of {path}, newest first, in {folder}:").format(
        path=path, folder=backups_folder(path)))
    width = max(len(backup.reason_label) for backup in listed)
    for number, backup in enumerate(listed, start=1):
        sealed = _("encrypted") if backup.encrypted else _("not encrypted")
        print(f"{number:>3}  {backup.when}  {backup.reason_label:<{width}}  "
              f"{format_size(backup.size):>7}  {sealed}")
    print(_("To put one back: pulang restore NUMBER"))
    return int(ExitCode.OK)


def _restore(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    backup = find_backup(path, args.backup)
    sealer = key_for(args, path) if path.exists() else None
    check_backup(backup, sealer)  # type: ignore[arg-type]
    if not args.yes and not sys.stdin.isatty():
        raise ConfirmationNeeded(
            _("Restoring replaces the database and there is no terminal to ask on; add --yes "
              "to restore anyway. Nothing was changed."))
    for warning in restore_warnings(path, backup):
        print(f"pulang: {warning}", file=sys.stderr)
    if not args.yes:
        print(_("Put back the backup of {when} ({reason}) as {path}? The present state is kept "
                "as a backup. [y/N] ").format(when=backup.when, reason=backup.reason_label,
                                               path=path),
              end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline().strip().lower()
        if not is_yes(answer):
            print(_("Nothing was restored."), file=sys.stderr)
            return int(ExitCode.PROBLEMS)
    if path.exists():
        # Imported here, not at the top: `pulang backups`, which imports this module, opens no
        # database, and the Database (pydantic, TinyDB) would cost it about 200 ms (measured).
        from store.db import Database

        # Recorded before it happens: what cannot be recorded is not done.
        with Database.open(path, sealer=sealer) as db:  # type: ignore[arg-type]
            _say_resumed(db)
            db.audit_event("restore", note=backup.path.name)
    before = restore_backup(path, backup)
    print(_("Restored {path} from the backup of {when}.").format(path=path, when=backup.when))
    _erase_again(path, sealer)
    if before is not None:
        print(_("Its state before the restore is kept as backup 1 ({name}).").format(
            name=before.path.name))
    return int(ExitCode.OK)


def _erase_again(path: Path, sealer: object) -> None:
    """A database that syncs knows which workers were erased (outside its backups): those the
    backup brought back are erased again now, before anyone reads them."""
    from store.db import Database
    from store.sync import erase_again

    if sealer is None:
        return
    with Database.open(path, sealer=sealer) as db:  # type: ignore[arg-type]
        again = erase_again(db)
    if again:
        print(ngettext("{count} worker erased since that backup was erased again.",
                       "{count} workers erased since that backup were erased again.",
                       again).format(count=again), file=sys.stderr)

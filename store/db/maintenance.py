"""What the app and the command line do to a database's files, besides reading and writing its
records through the Database: where it is, whether it is encrypted and the key, a first look
before opening it, sharing it with a group, its backups, deleting it, writing files that leave
Pulang, and who is working.

The engine does all of it (store/engine/); this module only offers its names to the layers
above, so that the app never imports store.engine. Each name is imported from its engine
module when first asked for (PEP 562): the app asks whether the file is encrypted, and who is
working, before its first frame, and importing every engine module there (TinyDB behind the
storage, pydantic behind the audit trail) would cost that frame about a tenth of a second.
store.db offers every name of `__all__` (`from store.db import Sealer`).
"""

from __future__ import annotations

from store.common.exports import offered

# The engine's module, and the names this module offers from it under the same names.
_FROM: dict[str, tuple[str, ...]] = {
    # where a database is (the default, the demo's) and its private folder
    "store.engine.paths": ("default_db_path", "demo_db_path", "ensure_private_folder"),
    # encryption: the key and whether a file (or its first bytes) is sealed
    "store.engine.crypto": ("MIN_PASSPHRASE", "Sealer", "is_encrypted", "is_encrypted_file"),
    # a first look before opening; files written atomically, or recorded in the audit trail
    "store.engine.storage": ("quick_inspect", "refuse_database_files", "write_atomically",
                             "write_recorded"),
    "store.engine.migrations": ("SCHEMA_VERSION",),
    # sharing with a group of officers on one server
    "store.engine.sharing": ("group_id", "refuse_open_to_others", "share_database"),
    # the audit trail: its entries (the history) and the event of sharing a database
    "store.engine.audit": ("SHARE", "AuditEntry"),
    # the backups
    "store.engine.backups": ("ERASED_BACKUP_DAYS", "check_backup", "find_backup",
                             "format_size", "list_backups", "restore_warnings"),
    # deleting a database and all its files (the demo's reset)
    "store.engine.tables": ("remove_database_files",),
    # who is working
    "store.engine.officer": ("current_user", "needs_officer_name", "officer", "set_officer"),
}
# Names too short to say what they do outside their module: offered under a longer one.
_RENAMED: dict[str, tuple[str, str]] = {
    "backups_folder": ("store.engine.backups", "folder_of"),
    "prune_backups": ("store.engine.backups", "prune"),
    "restore_backup": ("store.engine.backups", "restore"),
}

__all__, __getattr__, __dir__ = offered(__name__, _FROM, _RENAMED)


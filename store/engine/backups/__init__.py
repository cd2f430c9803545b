"""Backups beside the database: taken when it is opened for writing, kept N, restored on demand.

    <folder>/pulang.json.backups/                       mode 0700; 02770 with the database's
                                                        group when the group may use the file
        pulang.json.20251212-070305-123456              the snapshot (time in UTC)
        pulang.json.20251212-070305-123456.journal      the journal's bytes at that moment
        pulang.json.20251212-070305-123456.manifest     why, who, when, size, encrypted or not
        erasures                                        when records were erased (UTC times)

The snapshot is never changed in place, only replaced by rename at each compaction, so a backup
of it is a hard link: it costs no space and no time until the next compaction, and keeps the old
contents after it. (So whatever writes the snapshot must replace it by rename, as
`store.engine.storage.write_atomically` does, and never write into it: that would change the backups
linked to it as well.) The journal is copied. Both are taken under the database's lock, so they
match, and the lock is held only for the link and the read. Nothing is ever decrypted: the bytes
of an encrypted database are sealed already, and its backups stay sealed. The manifest holds no
record data. A backup appears whole or not at all: the snapshot gets its final name last.

A backup is skipped, with a warning, when the disk has less than twice the database's size or
500 MB free. Only the newest `PULANG_KEEP_BACKUPS` (default 10) are kept. A backup taken before
a record was erased is deleted once the erasure is ERASED_BACKUP_DAYS old: the erased person is
then gone from the backups too, and the days between leave time to undo a mistaken erasure.
"""

from __future__ import annotations

from store.engine.backups.erasures import (
    ERASED_BACKUP_DAYS,
    note_erasures,
    noted_erasures,
    prune,
    record_erasure,
)
from store.engine.backups.folder import (
    BEFORE_ERASE,
    BEFORE_RESTORE,
    OPENED,
    REASONS,
    Backup,
    delete_backup,
    delete_backups,
    folder_of,
    format_size,
    leftovers,
    list_backups,
    schema_copies,
)
from store.engine.backups.restoring import (
    check_backup,
    find_backup,
    reseal_backups,
    restore,
    restore_warnings,
)
from store.engine.backups.taking import (
    KEEP_DEFAULT,
    KEEP_VARIABLE,
    MANIFEST_MARKER,
    MIN_FREE_BYTES,
    OPENING_WAIT_SECONDS,
    Outcome,
    keep_count,
    take_backup,
)
from store.engine.files import ERASURES_FILE

# The folder and its list (folder), taking one (taking), erasures and pruning (erasures) and
# restoring (restoring), as one module offered them before; and the name of the file that
# notes erasures (`store.engine.files`).
__all__ = ["BEFORE_ERASE", "BEFORE_RESTORE", "Backup", "ERASED_BACKUP_DAYS", "ERASURES_FILE",
           "KEEP_DEFAULT", "KEEP_VARIABLE", "MANIFEST_MARKER", "MIN_FREE_BYTES", "OPENED",
           "OPENING_WAIT_SECONDS", "Outcome", "REASONS", "check_backup", "delete_backup",
           "delete_backups", "find_backup", "folder_of", "format_size", "keep_count", "leftovers",
           "list_backups", "note_erasures", "noted_erasures", "prune", "record_erasure",
           "reseal_backups", "restore", "restore_warnings", "schema_copies", "take_backup"]

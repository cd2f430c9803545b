"""The audit trail: who changed which record, when, and which fields; hash-chained, append-only.

    <db>.audit   one line per entry, beside the database (same mode, at most 0660, and group)

An entry is canonical JSON (keys sorted, no spaces):

    seq          1, 2, 3, ... in file order
    at           when, ISO 8601 in UTC
    who, from    the OS user ("officer name (OS user)" when the officer said their name:
                 `store.engine.officer`), and the SSH client's address when there is one (else null)
    action       create, update, delete, erase, merge, export, encrypt, decrypt, passwd, ...
    table, record, case, ref
                 which record (its table and id), its case's id and reference
    fields       {name: {"old": v, "new": v}} for a public field, {name: "changed"} for a
                 personal or sensitive one (`store.domain.classification.is_private`): their values
                 never reach the trail. Only fields that changed; the bookkeeping fields (id,
                 version, created_at, updated_at, changed_by) are left out.
    old_version, new_version
                 the record's version before and after (null before a create, after a delete)
    note         a short public note of the action (never a personal value)
    prev, hash   the hash of the entry before ("" for the first) and this entry's own: blake2b
                 over prev and the canonical JSON of the entry without "hash"

In an encrypted database each line is sealed on its own (`Sealer.seal_line(json, b"audit")`),
so that a damaged line is found and named without the others; the chain is computed over the
plain entries. Entries are appended under the database's lock, fsynced, after the change they
record reached the journal.

A save whose entries could not be written (a full disk) is not undone: the database keeps
the changes it made in memory, and the next entry it can write (or its close) is preceded by
one `unaudited` entry whose `fields` are {"count": N, "records": {table: [id, ...]}}, how
many changes went unrecorded and which records (ids only), so that `verify` reports the gap.
If that too cannot be written before the process ends, nothing else holds it: the close says
so (see `store.db.database.Database.close`).

A last line without its newline was cut short by a crash while it was written: `verify` reports
it but does not count it as a break (the change it recorded is in the database; only its entry
is incomplete), and the next append drops it and records that it did, in the chain. Any other
line that cannot be read, was changed, or does not follow the one before, breaks the trail, and
`verify` names the first such entry. What a hash chain cannot tell: entries cut off at the end,
or a plain trail rewritten whole by someone who recomputes every hash.
"""

from __future__ import annotations

from store.engine.audit.entries import (
    entries_for_changes,
    event_entry,
    field_changes,
    gap_entry,
    ssh_client,
)
from store.engine.audit.lines import entry_hash, read_line
from store.engine.audit.reading import (
    AuditEntry,
    Gap,
    Trail,
    VerifyResult,
    read_entries,
    table_label,
    verify,
)
from store.engine.audit.vocab import (
    ACTION_LABELS,
    ANONYMISED,
    BOOKKEEPING,
    CHANGED,
    CLOSED,
    CREATE,
    DECIDED,
    DECRYPT,
    DELETE,
    ENCRYPT,
    ERASE,
    ERASURE_APPLIED,
    EXPORT,
    FAMILY_TOLD,
    FAMILY_TOLD_OVERRIDE,
    GAP,
    GENESIS,
    INTAKE_CONFIRMED,
    MERGE,
    MODELS,
    PASSWD,
    PULLED,
    PURPOSE,
    PUSHED,
    R_CHAIN,
    R_CHANGED,
    R_CUT,
    R_NOT_SEALED,
    R_SEALED,
    R_SEQ,
    R_START,
    R_UNSEALED_FAILED,
    REOPENED,
    RESTORE,
    SHARE,
    SHARING_OVERRIDE,
    SYNC_KEY,
    TABLE_LABELS,
    TORN_DROPPED,
    UPDATE,
)
from store.engine.audit.writing import append, reseal
from store.engine.files import audit_path

# The trail's words (vocab), its entries as made (entries), one line (lines), writing it
# (writing) and reading it back (reading), as one module offered them before; and where the
# trail is (`store.engine.files`).
__all__ = ["ACTION_LABELS", "ANONYMISED", "AuditEntry", "BOOKKEEPING", "CHANGED", "CREATE",
           "DECIDED", "DECRYPT",
           "DELETE", "ENCRYPT", "ERASE", "ERASURE_APPLIED", "EXPORT", "GAP", "GENESIS", "Gap",
           "MERGE", "MODELS", "PASSWD", "PULLED", "PURPOSE", "PUSHED", "RESTORE", "R_CHAIN",
           "R_CHANGED", "R_CUT", "R_NOT_SEALED", "R_SEALED", "R_SEQ", "R_START",
           "R_UNSEALED_FAILED", "SHARE", "SHARING_OVERRIDE", "INTAKE_CONFIRMED", "FAMILY_TOLD",
           "FAMILY_TOLD_OVERRIDE", "SYNC_KEY", "TABLE_LABELS", "CLOSED", "REOPENED",
           "TORN_DROPPED", "Trail",
           "UPDATE", "VerifyResult", "append", "audit_path", "entries_for_changes", "entry_hash",
           "event_entry", "field_changes", "gap_entry", "read_entries", "read_line", "reseal",
           "ssh_client", "table_label", "verify"]

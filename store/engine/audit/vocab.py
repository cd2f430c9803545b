"""The audit trail's words: its actions, the records it names, and why an entry breaks it.

What `store.engine.audit` writes in an entry's `action` and `table`, with the labels the user
reads for them (marked for translation; translated where they are shown,
`store.engine.audit.reading`), the records' models, and the reasons `verify` gives.
"""

from __future__ import annotations

from store.common.i18n import N_, NC_
from store.domain.records import (
    Actor,
    Agreement,
    Case,
    CheckIn,
    Consent,
    Identifier,
    Inquiry,
    Intake,
    LegalMatter,
    LogEntry,
    Meeting,
    MoneyEntry,
    Organisation,
    Person,
    Place,
    Plan,
    Record,
    RegistryLink,
    Screening,
    Task,
    Worker,
)

PURPOSE = b"audit"  # the associated data of a sealed line: an audit line opens only as one
GENESIS = ""  # the `prev` of the first entry
CHANGED = "changed"  # what a private field's change is recorded as

# Record changes, and actions that are not a record's change (the lead's features call
# `Database.audit_event` or `Database.audit_as` with these).
CREATE, UPDATE, DELETE = "create", "update", "delete"
ERASE, MERGE, EXPORT, SHARE, RESTORE = "erase", "merge", "export", "share", "restore"
ENCRYPT, DECRYPT, PASSWD = "encrypt", "decrypt", "passwd"
# A sync: what was sent to a hub (before a byte leaves), what came from it, an erasure that
# arrived (or was applied again), and the key shared with the other sites.
PUSHED, PULLED, ERASURE_APPLIED, SYNC_KEY = "pushed", "pulled", "erasure-applied", "sync-key"
# A conflict between two sites' versions, decided by an officer (an ordinary edit, synced).
DECIDED = "decided"
SITE_REVOKED = "site-revoked"  # `pulang hub revoke`: a site's hub user removed (a lost laptop)
# Cases shared with a partner organisation without an agreement covering data sharing in force:
# the officer's reason is the note (store.sync.partnering).
SHARING_OVERRIDE = "sharing-override"
# An intake confirmed (its group cases and workers made at once), a family told that the one
# they sought was found, and told although the one asking is in the registry (the note is the
# officer's reason).
INTAKE_CONFIRMED, FAMILY_TOLD = "intake-confirmed", "family-told"
FAMILY_TOLD_OVERRIDE = "family-told-override"
# A case or a worker closed with a reason of the union's list (the note is the reason's code),
# and reopened (store.db.closing).
CLOSED, REOPENED = "closed", "reopened"
# A closed case anonymised, its period of keeping over (store.db.keeping): the note says how
# many months after closing.
ANONYMISED = "anonymised"
TORN_DROPPED = "torn-entry-dropped"  # written by the trail itself, see `store.engine.audit`
GAP = "unaudited"  # changes saved while the trail could not be written, see `store.engine.audit`

ACTION_LABELS: dict[str, str | tuple[str, str]] = {
    CREATE: N_("created"),
    UPDATE: N_("changed"),
    DELETE: N_("removed"),
    ERASE: N_("erased"),
    MERGE: N_("merged"),
    EXPORT: N_("exported"),
    SHARE: N_("shared"),
    RESTORE: N_("restored"),
    ENCRYPT: N_("encrypted"),
    DECRYPT: N_("decrypted"),
    PASSWD: N_("passphrase changed"),
    PUSHED: N_("sent to the hub"),
    PULLED: N_("received from another site"),
    ERASURE_APPLIED: N_("erased at another site"),
    SYNC_KEY: N_("sync key changed"),
    DECIDED: N_("decided"),  # a conflict between two sites' versions (the note says whose)
    SITE_REVOKED: N_("a site's access to the hub revoked"),
    SHARING_OVERRIDE: N_("shared without a data-sharing agreement"),
    INTAKE_CONFIRMED: N_("intake confirmed"),
    FAMILY_TOLD: N_("family told"),
    FAMILY_TOLD_OVERRIDE: N_("family told although the one asking is in the registry"),
    CLOSED: NC_("audit action", "closed"),  # not an inquiry's "closed" (open): it was closed
    REOPENED: N_("reopened"),
    ANONYMISED: N_("anonymised"),
    TORN_DROPPED: N_("an entry cut short by a crash was dropped"),
    GAP: N_("saved without an audit entry"),
}

TABLE_LABELS: dict[str, str] = {
    "cases": N_("case"),
    "workers": N_("worker"),
    "log": N_("log entry"),
    "screenings": N_("screening"),
    "consents": N_("consent"),
    "plans": N_("road home"),
    "organisations": N_("organisation"),
    "people": N_("person"),
    "meetings": N_("meeting"),
    "agreements": N_("agreement"),
    "tasks": N_("task"),
    "places": N_("place"),
    "actors": N_("actor"),
    "identifiers": N_("identifier"),
    "registry_links": N_("registry link"),
    "intakes": N_("intake"),
    "inquiries": N_("family inquiry"),
    "legal": N_("legal matter"),
    "money": N_("money entry"),
    "checkins": N_("check-in"),
}


MODELS: dict[str, type[Record]] = {"cases": Case, "workers": Worker, "log": LogEntry,
                                   "screenings": Screening, "consents": Consent, "plans": Plan,
                                   "organisations": Organisation, "people": Person,
                                   "meetings": Meeting, "agreements": Agreement, "tasks": Task,
                                   "places": Place, "actors": Actor, "identifiers": Identifier,
                                   "registry_links": RegistryLink, "intakes": Intake,
                                   "inquiries": Inquiry, "legal": LegalMatter,
                                   "money": MoneyEntry, "checkins": CheckIn}

# Kept out of `fields`: they change on every save, or only ever when the record is made.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "changed_by"})

# Why an entry breaks the trail (translated when shown).
R_CUT = N_("it cannot be read: its bytes were changed or cut")
R_SEALED = N_("it is encrypted, and no passphrase was given to open it")
R_UNSEALED_FAILED = N_("it cannot be decrypted: its bytes were changed, or it was sealed with "
                       "another key")
R_NOT_SEALED = N_("it is not encrypted, though the database is: it was added by hand")
R_CHANGED = N_("its content does not match its hash: it was changed")
R_SEQ = N_("its number does not follow the entry before: an entry was removed or inserted")
R_CHAIN = N_("it does not follow the entry before: an entry was removed, inserted or moved")
R_START = N_("it is not the first entry, though it comes first: entries before it were removed")

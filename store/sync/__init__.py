"""Keeping the databases of a union's sites in step, through a CouchDB hub, sealed end to end.

TinyDB stays the store of record at every site; the hub is a CouchDB 3 database (or a
compatible server) that sees, per record, only its random id, its revisions and one sealed
body. One document per record:

    {"_id": <the record's id>, "_rev": "<generation>-<HMAC under the domain key>",
     "_revisions": {...}, "s": "<key id>.<AES-256-GCM of the padded envelope>"}

The envelope holds the record's table and body, the site that made the revision and when.

- `sealing`: the domain key, revisions, sealing, the key file;
- `couch`: the replication protocol on httpx (the only module that opens connections);
- `pushing` / `pulling`: sending what changed here, taking and merging what the hub has;
- `merging`: three-way merges, field by field (pure);
- `deciding`: a conflict put to a person, and their decision;
- `session`: a sync run, its status, the key's export, import and rotation;
- `files` / `carrying`: no link at all: the same documents carried in a file, compressed and
  sealed once as a whole (`to_file`, `from_file`);
- `summary`: the app's status line, cheaply (the changes waiting without reading the state);
- `purging`: `pulang hub purge`, the admin's removal of erased records' old revisions;
- `admin`: `pulang hub setup` and `pulang hub revoke`, the union's database and its sites'
  users on the hub;
- `partners` / `partnering`: a partner organisation's domain (its own key, its own database on
  the hub): the cases shared with it, only what consent covers, under an agreement.

What each site knows of the others is `<db>.sync` (`store.engine.replicas`). Pulang connects
only when an officer runs a sync, and only to the hub named.
"""

from store.sync.admin import Revoked, SetUp, check_site_name, revoke, setup
from store.sync.apart import handoff, taken
from store.sync.carrying import FileReport, from_file, to_file
from store.sync.couch import Hub, HubProblem
from store.sync.deciding import (
    BOTH,
    MINE,
    REMOVAL,
    THEIRS,
    AlreadyDecided,
    Disputed,
    Side,
    ToDecide,
    Undecided,
    decide,
    to_decide,
    undecided,
)
from store.sync.files import FileRefused
from store.sync.partnering import (
    Covered,
    PartnerReport,
    PartnerStatus,
    SharingRefused,
    covered,
    export_partner_key,
    find_partner,
    import_partner_key,
    override_day,
    partner_ids,
    partner_status,
    sync_partner,
    view_of,
    withdrawn_note,
)
from store.sync.purging import Purged, purge
from store.sync.pushing import Report
from store.sync.sealing import KeyProblem
from store.sync.session import (
    Status,
    SyncBusy,
    SyncRefused,
    conflicts,
    erase_again,
    export_key,
    import_key,
    load_state,
    marks,
    remember_credentials,
    rotate_key,
    status,
    sync,
)
from store.sync.summary import Summary
from store.sync.summary import read as sync_summary

__all__ = ["AlreadyDecided", "BOTH", "check_site_name", "conflicts", "Covered", "covered",
           "decide", "Disputed", "erase_again", "export_key", "export_partner_key", "FileRefused",
           "FileReport", "find_partner", "from_file", "handoff", "Hub", "HubProblem", "import_key",
           "import_partner_key", "KeyProblem", "load_state", "marks", "MINE", "override_day",
           "partner_ids", "partner_status", "PartnerReport", "PartnerStatus", "purge", "Purged",
           "remember_credentials", "REMOVAL", "Report", "revoke", "Revoked", "rotate_key", "SetUp",
           "setup", "SharingRefused", "Side", "Status", "status", "Summary", "sync",
           "sync_partner", "sync_summary", "SyncBusy", "SyncRefused", "taken", "THEIRS",
           "to_decide", "to_file", "ToDecide", "Undecided", "undecided", "view_of",
           "withdrawn_note"]

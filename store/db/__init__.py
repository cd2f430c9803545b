"""The Database the app and the command line talk to: records saved and read, the rules applied
before a write, and the read models (Today, the cases list, search).

What is public here, for the app and the command line: the Database and `unlock` (the key for
an encrypted file), the global search's results and the directory's offers, and what they do
to a database's files (store/db/maintenance.py: encryption, backups, sharing, paths, who is
working...), so that they never import store.engine. Each name is imported from its module
when first asked for (PEP 562): the app imports store.db before its first frame, and the
Database (pydantic, TinyDB behind it) loads after that frame, in a worker thread.
"""

from __future__ import annotations

from store.common.exports import offered
from store.db.maintenance import __all__ as _MAINTENANCE

# The module each public name comes from.
_FROM: dict[str, tuple[str, ...]] = {
    "store.db.database": ("Database", "unlock"),
    "store.db.network": ("SEARCH_LIMIT", "Hit", "Offer"),
    "store.db.finding": ("CaseMatch", "CaseMatches", "Found", "field_label",
                         "rows_found"),
    "store.db.people": ("PersonMatch",),
    "store.db.early": ("EarlyView", "early_view"),
    "store.db.intakes": ("Group", "group_rows"),
    "store.db.inquiries": ("InquiryMatches", "RegistryHit", "RowHit", "row_person",
                           "sought_person"),
    "store.db.maintenance": tuple(_MAINTENANCE),
}
__all__, __getattr__, __dir__ = offered(__name__, _FROM)


"""Pulang's store: the domain, its persistence and what goes in and out of it. No Textual here.

The layers, each importing only those below it (tests/test_layers.py holds them to it, with
the contracts in pyproject.toml's [tool.importlinter]):

    store/exchange/  worker lists in; exports, statistics, briefs, the report, check, the demo
    store/db/        the Database the app and the command line talk to
    store/engine/    bytes on disk: files, locking, snapshot and journal, crypto, backups, audit,
                     who is working (the OS account, the officer's name)
    store/domain/    records, vocabularies, classification, parsing, and the rules (pure)
    store/common/    translation, the clock, errors and exit codes

The app (tui/) imports only the public names of `store`, `store.db`, `store.domain` and
`store.exchange` (each package's `__all__`), never store.engine nor store.common: this package
offers what every caller needs from store.common (`_`, `N_`, the clock, the errors and
`ExitCode`...) and the Database (`from store import Database`). Each name is imported from its
module when first asked for (PEP 562): importing any part of the store runs this file, and the
app's first frame must not wait for the Database (pydantic, TinyDB).
"""

from __future__ import annotations

from store.common import __all__ as _COMMON
from store.common.exports import offered

__all__, __getattr__, __dir__ = offered(__name__, {
    "store.common": _COMMON,
    "store.db.database": ("Database",),
})


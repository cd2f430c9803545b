"""Bytes on disk, with no domain rules: where a database's files are (files.py names them all),
locking, atomic writes, the snapshot and its journal, the tables and indexes in memory,
migrations, encryption, file modes (modes.py, sharing.py), backups, the audit chain, and who is
working (the OS account, the officer's name).

Nothing is public at this level: store.db and store.exchange import the engine's modules by
name (`from store.engine.crypto import Sealer`), and the app never imports the engine at all;
what it needs of it, store.db offers (store/db/maintenance.py).
"""

__all__: list[str] = []

"""Bytes on disk, with no domain rules: where a database's files are, locking, atomic writes,
the snapshot and its journal, the tables and indexes in memory, migrations, encryption, file
modes, backups, the audit chain, and who is working (the OS account, the officer's name)."""

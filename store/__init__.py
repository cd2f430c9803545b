"""Pulang's store: the domain, its persistence and what goes in and out of it. No Textual here.

The layers, each importing only those below it (tests/domain/test_layers.py holds them to it):

    store/exchange/  worker lists in; exports, statistics, briefs, the report, check, the demo
    store/db/        the Database the app and the command line talk to
    store/engine/    bytes on disk: files, locking, snapshot and journal, crypto, backups, audit,
                     who is working (the OS account, the officer's name)
    store/domain/    records, vocabularies, classification, parsing, and the rules (pure)
    store/common/    translation, the clock, errors and exit codes
"""

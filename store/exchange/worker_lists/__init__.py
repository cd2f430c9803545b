"""Lists of workers as officers receive them, read and checked in steps, each its own module:
`files` (a list's bytes from a path, no further than a limit), `reading` (those bytes into rows:
the encoding, the separator, CSV, an Excel workbook, lines pasted from a chat, the header),
`headers` (which worker field a column's header names), `mapping` (each column to a field, and
the officer's choices over the guess) and `checking` (every row checked as the store would, its
problems said). `store.exchange.worker_import` puts them together, and every name stays
importable from there: the command line and the app use that module, never these.
"""

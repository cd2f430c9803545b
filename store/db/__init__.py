"""The Database the app and the command line talk to: records saved and read, the rules applied
before a write, and the read models (Today, the cases list, search)."""

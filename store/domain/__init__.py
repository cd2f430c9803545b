"""The domain: records, vocabularies, the field classification, reading what people type, name
matching, and the rules as pure functions. No I/O, no clock, no environment: a rule that needs
today is given it."""

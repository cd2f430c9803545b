"""The rules, as pure functions of records and today's date: what the screening answers suggest,
which contacts a log entry needs consent for, the road home and the case's stage, when a case may
close, what Today shows. The Database gathers the records and applies them before a write."""

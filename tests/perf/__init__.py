"""Benchmarks: run with `python -m tests.perf.bench` (not part of the normal test run)."""

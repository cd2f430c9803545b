"""Print how the name pairs of tests/domain/test_matching.py score, to tune `MATCH_THRESHOLD`.

Run from the repository: `python -m tests.matching_scores`. Not a test (pytest does not collect
it) and not timed.
"""

from __future__ import annotations

from store.domain.matching import MATCH_THRESHOLD, similarity
from tests.domain.test_matching import FALSE_PAIRS, TRUE_PAIRS


def main() -> None:
    rows = sorted([(similarity(a, b), "same", a, b) for a, b in TRUE_PAIRS]
                  + [(similarity(a, b), "different", a, b) for a, b in FALSE_PAIRS],
                  reverse=True)
    for score, kind, a, b in rows:
        wrong = (kind == "same") != (score >= MATCH_THRESHOLD)
        print(f"{score:6.1f}  {kind:9}  {a} / {b}{'   <- wrong side' if wrong else ''}")
    lowest = min((similarity(a, b), a, b) for a, b in TRUE_PAIRS)
    highest = max((similarity(a, b), a, b) for a, b in FALSE_PAIRS)
    print(f"\n{len(TRUE_PAIRS)} true pairs, lowest {lowest[0]:.1f} ({lowest[1]} / {lowest[2]})")
    print(f"{len(FALSE_PAIRS)} false pairs, highest {highest[0]:.1f} "
          f"({highest[1]} / {highest[2]})")
    print(f"threshold {MATCH_THRESHOLD}")


if __name__ == "__main__":
    main()

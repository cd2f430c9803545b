"""What sorting by name in the interface language's order costs (store/common/collation.py):
what the app's first frame pays for it (nothing of ICU), the first sort (ICU loaded, the
language's collator built), and a sort of 10,000 case titles against `fold`, the key it replaced.

    .venv/bin/python -m tests.perf.collation

Each cold figure is taken in a fresh interpreter, the median of `RUNS`.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time

RUNS = 7
LANGS = ("en", "id", "lo", "km", "my")
WORDS = ["Kapal", "ikan", "Dubai", "scam", "compound", "Sihanoukville", "ABK", "Myawaddy",
         "ໄຊ", "ແສງ", "ກອງ", "Ádi", "Laut", "pekerja", "ຈັນ", "ไพศาล", "กมล", "เรือ"]


def cold(code: str) -> float:
    """The median of what `code` (run in a fresh interpreter) prints, in ms."""
    found = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(RUNS)]
    return statistics.median(found)


def main() -> None:
    frame = cold("import time; t = time.perf_counter(); import tui.app; "
                 "print((time.perf_counter() - t) * 1e3)")
    loaded = subprocess.run([sys.executable, "-c", "import sys, tui.app; "
                             "print('icu' in sys.modules)"],
                            capture_output=True, text=True, check=True).stdout.strip()
    print(f"import tui.app (the first frame's imports): {frame:.1f} ms; ICU loaded: {loaded}")
    icu = cold("import time; t = time.perf_counter(); import icu; "
               "print((time.perf_counter() - t) * 1e3)")
    print(f"import icu (on the first sort): {icu:.1f} ms")
    for lang in LANGS:
        built = cold("import icu, time; from store.common.collation import name_sort_key; "
                     f"t = time.perf_counter(); name_sort_key('a', {lang!r}); "
                     "print((time.perf_counter() - t) * 1e3)")
        print(f"the first key in {lang} (its collator built): {built:.1f} ms")

    from store.common.collation import name_sort_key
    from store.common.words import fold

    random.seed(2025)
    titles = [" ".join(random.choice(WORDS) for _ in range(random.randint(3, 7)))
              for _ in range(10_000)]
    name_sort_key("a", "en")
    for name, key in (("name_sort_key", name_sort_key), ("fold", fold)):
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            sorted(titles, key=key)
            times.append((time.perf_counter() - start) * 1e3)
        print(f"sorting 10,000 titles with {name}: {statistics.median(times):.1f} ms")


if __name__ == "__main__":
    main()

"""Another Pulang process holding a database's lock, as an officer saving on the same server."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

_HOLDER = """
import sys
from pathlib import Path
from store.engine.journal import locked

with locked(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()  # until told to let go
"""


@contextlib.contextmanager
def lock_held_elsewhere(db_path: Path) -> Iterator[Callable[[], None]]:
    """Hold `db_path`'s lock in another process; the function given lets it go (at the end
    at the latest)."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdin is not None and holder.stdout is not None

    def release() -> None:
        if not holder.stdin.closed:  # type: ignore[union-attr]
            holder.stdin.close()  # type: ignore[union-attr]
        assert holder.wait(timeout=30) == 0

    try:
        assert holder.stdout.readline().strip() == "held"
        yield release
    finally:
        release()
        holder.stdout.close()

"""What a package of the store offers from its modules, each name imported from its module when
first asked for (PEP 562), so that importing the package (which importing any of its modules
does) loads nothing more: the app imports `store`, `store.domain` and `store.db` before its
first frame, and the records (pydantic) and the Database (TinyDB) load after it.

    __all__, __getattr__, __dir__ = offered(__name__, {"store.db.database": ("Database",)})
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def offered(package: str, names_from: Mapping[str, Iterable[str]],
            renamed: Mapping[str, tuple[str, str]] | None = None,
            ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """`__all__`, `__getattr__` and `__dir__` for `package`: the names of `names_from`
    (module -> names offered under their own name) and of `renamed` (name -> (module, its
    name there))."""
    source = {name: (module, name) for module, names in names_from.items() for name in names}
    source.update(renamed or {})

    def __getattr__(name: str) -> Any:
        """The object behind a public name, from its module (imported on first use)."""
        try:
            module, attribute = source[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        return getattr(importlib.import_module(module), attribute)

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *source})

    return list(source), __getattr__, __dir__

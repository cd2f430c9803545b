"""Who may import what: the store's layers, the app's door into the store, a domain without I/O,
the app's widgets under its dialogs under its screens, and no import cycle in the store or in
the app.

The contracts are pyproject.toml's [tool.importlinter], run by import-linter (`lint-imports`)
one by one; a broken one fails with import-linter's report, which names each import that
breaks it and its line. Cycles are found here, on grimp's graphs of the store and of the app
(imports inside functions included; those under `if TYPE_CHECKING:` left out, since they never
run: in the app only those of tui.app, the others counting still).
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import subprocess
import sys
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = [contract["id"] for contract in tomllib.loads(
    (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]]
# What the app may import from: the store's public packages (store.sync, when it exists).
APP_MAY_IMPORT = ("store", "store.db", "store.domain", "store.exchange", "store.sync")
PUBLIC_PACKAGES = ("store", "store.common", "store.domain", "store.engine", "store.db",
                   "store.db.maintenance", "store.exchange", "store.sync")


def lint_imports() -> str:
    """The `lint-imports` command of this Python (installed with import-linter)."""
    script = Path(sys.executable).with_name("lint-imports")
    if not script.exists():
        pytest.fail(f"no {script}: install the test extras (pip install -e '.[test]')")
    return str(script)


@pytest.mark.parametrize("contract", CONTRACTS)
def test_contract(contract: str) -> None:
    result = subprocess.run(
        [lint_imports(), "--contract", contract, "--no-cache"], cwd=ROOT,
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    if result.returncode != 0:
        report = result.stdout
        broken = report.find("Broken contracts")
        pytest.fail(f"import-linter: contract {contract!r} broken\n"
                    f"{report[broken:] if broken >= 0 else report}{result.stderr}",
                    pytrace=False)


# -- no import cycle in the store ---------------------------------------------------------------


def strongly_connected(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    """The strongly connected components of `graph` (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                yield sorted(component)


def cycles(graph: grimp.ImportGraph, edges: dict[str, set[str]]) -> list[str]:
    """Each group of modules of `edges` importing each other, with the imports that close it
    (file line and text, from `graph`)."""
    said = []
    for component in strongly_connected(edges):
        if len(component) == 1 and component[0] not in edges[component[0]]:
            continue
        said.append(f"{len(component)} modules import each other: {', '.join(component)}")
        for importer in component:
            for imported in sorted(edges[importer] & set(component)):
                for detail in graph.get_import_details(importer=importer, imported=imported):
                    said.append(f"    {importer} -> {imported} (l.{detail['line_number']}: "
                                f"{detail['line_contents']})")
    return said


def test_no_import_cycle_in_the_store() -> None:
    store = grimp.build_graph("store", exclude_type_checking_imports=True, cache_dir=None)
    graph = {module: set(store.find_modules_directly_imported_by(module))
             for module in store.modules}
    said = cycles(store, graph)
    if said:
        pytest.fail("import cycles in store/:\n" + "\n".join(said), pytrace=False)


def test_no_import_cycle_in_the_app() -> None:
    """As in the store, but an import under `if TYPE_CHECKING:` counts unless it is of
    tui.app: screens and dialogs type `PulangApp` that way, and tui.app imports them as it
    runs (the only such imports today; the test names any other that closes a cycle)."""
    tui = grimp.build_graph("tui", exclude_type_checking_imports=False, cache_dir=None)
    running = grimp.build_graph("tui", exclude_type_checking_imports=True, cache_dir=None)
    graph = {}
    for module in tui.modules:
        imported = set(tui.find_modules_directly_imported_by(module)) & tui.modules
        typing_only = imported - set(running.find_modules_directly_imported_by(module))
        graph[module] = imported - (typing_only & {"tui.app"})
    said = cycles(tui, graph)
    if said:
        pytest.fail("import cycles in tui/:\n" + "\n".join(said), pytrace=False)


# -- the app's door into the store --------------------------------------------------------------


def store_imports(folder: str) -> Iterator[tuple[str, int, str, list[str]]]:
    """Each import of the store in the Python files under `folder`: (file, line, module,
    names); `import store...` has no names."""
    for path in sorted((ROOT / folder).rglob("*.py")):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), where)):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                    (node.module == "store" or node.module.startswith("store.")):
                yield where, node.lineno, node.module, [alias.name for alias in node.names]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "store" or alias.name.startswith("store."):
                        yield where, node.lineno, alias.name, []


def test_the_app_imports_only_public_names() -> None:
    refused = []
    for where, line, module, names in store_imports("tui"):
        if module not in APP_MAY_IMPORT or not names:
            refused.append(f"{where}:{line}: `{module}`: the app imports from "
                           f"{', '.join(APP_MAY_IMPORT)} only (from ... import ...)")
            continue
        public = importlib.import_module(module).__all__
        for name in names:
            if name not in public:
                refused.append(f"{where}:{line}: {name} is not in {module}.__all__")
    if refused:
        pytest.fail("\n".join(refused), pytrace=False)


def test_the_store_imports_its_modules_not_the_app_door() -> None:
    """`from store import ...` is the app's: inside the store it would reach any layer from
    any other (`store` offers the Database) without the layers contract seeing it."""
    refused = [f"{where}:{line}: {module}" for where, line, module, _names in
               store_imports("store") if module == "store"]
    if refused:
        pytest.fail("the store imports its own package `store`:\n" + "\n".join(refused),
                    pytrace=False)


# -- the public names -------------------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_PACKAGES)
def test_public_names(name: str) -> None:
    package = importlib.import_module(name)
    public = package.__all__
    assert len(public) == len(set(public)), f"{name}.__all__ names one twice"
    missing = [each for each in public if not hasattr(package, each)]
    assert not missing, f"{name}.__all__ names what it does not offer: {missing}"
    # A submodule, once imported, is an attribute of its package and hides a public name
    # offered on first use (PEP 562) under the same name.
    if hasattr(package, "__path__"):
        for submodule in pkgutil.iter_modules(package.__path__):
            if submodule.name in public:
                module = importlib.import_module(f"{name}.{submodule.name}")
                assert getattr(package, submodule.name) is module, \
                    f"{name}.{submodule.name} is both a public name and a module"


def test_from_store_import_database() -> None:
    from store import Database, PulangError, _, clock
    from store.db.database import Database as itself

    assert Database is itself
    assert isinstance(clock, types.ModuleType) and clock.__name__ == "store.common.clock"
    assert _("Quit") == "Quit" and issubclass(PulangError, Exception)


def test_the_first_frame_loads_no_database() -> None:
    """Importing the app (all its first frame needs) loads neither the Database nor pydantic
    nor TinyDB: they load after the first frame, in a worker thread."""
    heavy = ("pydantic", "tinydb", "store.db.database", "store.domain.records",
             "store.engine.audit")
    loaded = subprocess.run(
        [sys.executable, "-c",
         f"import sys, tui.app; print(*[m for m in {heavy!r} if m in sys.modules])"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert not loaded, f"importing tui.app loads {loaded}"

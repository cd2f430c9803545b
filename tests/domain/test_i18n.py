"""Every user-facing string has an Indonesian translation, with the same placeholders."""

from __future__ import annotations

import ast
import string
from datetime import date
from pathlib import Path

from store.common.i18n import _, format_date, language_from_environment, set_language
from store.common.locale_id import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = ("store", "tui")

# Calls that translate a string marked with N_() elsewhere: (file, argument as written).
TRANSLATES_MARKED = {
    ("store/engine/audit/reading.py", "msgid"),
    ("store/engine/audit/reading.py", "label_msgid(model, name)"),
    ("store/engine/audit/reading.py", "self.reason"),
    ("store/engine/backups/folder.py", "label"),
    ("store/exchange/check.py", "_KIND_NAMES[kind]"),
    ("store/db/network.py", "KIND_NAMES[kind]"),
    ("store/exchange/worker_import.py", "ENCODING_NAMES[self.encoding]"),
    ("store/common/i18n.py", "_MONTHS_EN[month - 1]"),
    ("store/common/i18n.py", "_WEEKDAYS_EN[value.weekday()]"),
    ("store/common/i18n.py", "one if count == 1 else many"),
    ("store/domain/records/base.py", "label_msgid(cls, name)"),
    ("store/domain/records/base.py",
     "_PYDANTIC_MESSAGES.get(item['type'], N_('is not a valid value'))"),
    ("store/domain/road.py", "self.label"),
    ("store/domain/road.py", "HAND_SET"),
    ("store/domain/road.py", "self.name"),
    ("store/domain/vocab.py", "_LABELS[type(member), member.value]"),
    ("tui/screens/case/workers.py", "title"),
    ("tui/screens/case/workers.py", "_STATUS_SHORT[status]"),
    ("tui/screens/case/log.py", "title"),
    ("tui/screens/case/step.py", "title"),
    ("tui/screens/case/step.py", "step.by"),
    ("tui/screens/cases.py", "column.title"),
    ("tui/screens/history.py", "title"),
    ("tui/screens/today.py", "d.step_label"),
    ("tui/dialogs/help.py", "getattr(screen, 'HELP', '')"),
    ("tui/cli/parser.py", "heading"),
    ("tui/translate.py", "b.description"),
    ("tui/translate.py", "b.tooltip"),
}


def translation_calls() -> list[tuple[str, int, ast.Call]]:
    """(file, line, call) for every call of `_` or `N_` under store/ and tui/, in file order."""
    calls = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
            found = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                     and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")]
            found.sort(key=lambda node: (node.lineno, node.col_offset))
            calls += [(name, node.lineno, node) for node in found]
    return calls


def literal(call: ast.Call) -> str | None:
    """The call's first argument if it is a string literal, else None."""
    arg = call.args[0] if call.args else None
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def msgids() -> dict[str, str]:
    """Every literal msgid, mapped to where it is first used ("file:line"), in source order."""
    found: dict[str, str] = {}
    for name, line, call in translation_calls():
        msgid = literal(call)
        if msgid is not None:
            found.setdefault(msgid, f"{name}:{line}")
    return found


def placeholders(text: str) -> set[str]:
    parsed = string.Formatter().parse(text)
    return {field for _lit, field, _spec, _conv in parsed if field is not None}


def test_every_msgid_is_translated() -> None:
    missing = [f"{where}: {msgid!r}" for msgid, where in msgids().items()
               if msgid not in CATALOGUE]
    assert not missing, "Not in store/common/locale_id.py:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders() -> None:
    wrong = [f"{msgid!r}: {placeholders(msgid)} != {placeholders(text)}"
             for msgid, text in CATALOGUE.items() if placeholders(msgid) != placeholders(text)]
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def test_only_literals_are_marked_for_translation() -> None:
    bad = []
    for name, line, call in translation_calls():
        if len(call.args) != 1 or call.keywords:
            bad.append(f"{name}:{line}: {ast.unparse(call)}")
            continue
        if literal(call) is not None:
            continue
        if ast.unparse(call.func) == "_" and (name, ast.unparse(call.args[0])) in TRANSLATES_MARKED:
            continue
        bad.append(f"{name}:{line}: {ast.unparse(call)}")
    assert not bad, "Not a string literal, so it cannot be translated:\n" + "\n".join(bad)


def test_no_stale_translations() -> None:
    used = msgids()
    stale = [msgid for msgid in CATALOGUE if msgid not in used]
    assert not stale, ("Stale, remove from store/common/locale_id.py:\n"
                       + "\n".join(map(repr, stale)))


def test_language_and_dates() -> None:
    assert format_date(date(2025, 12, 12)) == "12 Dec 2025"
    set_language("id")
    assert _("Save") == CATALOGUE["Save"] == "Simpan"
    assert format_date(date(2025, 12, 12)) == "12/12/2025"
    assert language_from_environment({"LANG": "id_ID.UTF-8"}) == "id"
    assert language_from_environment({"LANG": "en_US.UTF-8"}) == "en"
    assert language_from_environment({}) == "en"
    assert language_from_environment({"LANG": "en_US.UTF-8", "LC_ALL": "id_ID.UTF-8"}) == "id"
    assert language_from_environment({"LANG": "id_ID.UTF-8", "LC_ALL": "C.UTF-8"}) == "en"


def test_no_duplicate_translations() -> None:
    """A msgid written twice in the catalogue: the dict keeps the last one silently."""
    root = Path(__file__).parent.parent.parent
    source = (root / "store" / "common" / "locale_id.py").read_text("utf-8")
    keys = [key.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Dict)
            for key in node.keys if isinstance(key, ast.Constant)]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    assert not twice, ("Translated twice in store/common/locale_id.py:\n"
                       + "\n".join(map(repr, twice)))

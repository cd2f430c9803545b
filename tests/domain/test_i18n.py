"""The catalogs: every string of the code in every catalog, none stale, the same placeholders;
what the code marks is what `pybabel extract` finds; the language and its CLDR formats."""

from __future__ import annotations

import ast
import re
import shlex
import string
from datetime import date, datetime
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from store.common.i18n import (
    LANGUAGES,
    _,
    catalog,
    day_and_date,
    format_date,
    format_datetime,
    format_number,
    language_from_environment,
    month_abbr,
    ngettext,
    pgettext,
    set_language,
    translation_state,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = ("store", "tui")
# The catalogs that translate every string; the others (Burmese, begun) fall back to English.
COMPLETE = ("id", "lo", "km")
PARTIAL = ("my",)
# The command README.md gives translators ("Translating Pulang"), run here as written.
EXTRACT = ("pybabel extract -F babel.cfg -k NC_:1c,2 -c TRANSLATORS: --sort-by-file "
           "--project=Pulang --version=0.1 --copyright-holder=\"Pulang contributors\" "
           "-o po/pulang.pot .")
MARKERS = ("_", "N_", "ngettext", "pgettext", "NC_")

# Calls that translate a string marked with N_() elsewhere: (file, argument as written).
TRANSLATES_MARKED = {
    ("store/engine/audit/reading.py", "msgid"),
    ("store/engine/audit/reading.py", "*msgid"),  # an action label with its context
    ("store/engine/audit/reading.py", "label_msgid(model, name)"),
    ("store/engine/audit/reading.py", "self.reason"),
    ("store/engine/backups/folder.py", "label"),
    ("store/exchange/check.py", "_KIND_NAMES[kind]"),
    ("store/db/network.py", "KIND_NAMES[kind]"),
    ("store/exchange/worker_import.py", "ENCODING_NAMES[self.encoding]"),
    ("store/domain/records/base.py", "label_msgid(cls, name)"),
    ("store/domain/records/base.py", "_PYDANTIC_MESSAGES.get(item['type'], _NOT_VALID)"),
    ("store/common/closing.py", "self.label_en"),
    ("store/domain/road.py", "self.label"),
    ("store/domain/road.py", "HAND_SET"),
    ("store/domain/road.py", "self.name"),
    ("store/domain/vocab.py", "msgid"),
    ("store/domain/vocab.py", "*msgid"),
    ("tui/screens/case/workers.py", "title"),
    ("tui/screens/after/legal_form.py", "NON_PUNISHMENT"),
    ("tui/screens/after/legal_form.py", "title"),
    ("tui/screens/after/legal_form.py", "next_label"),
    ("tui/screens/after/page.py", "NON_PUNISHMENT"),
    ("tui/screens/after/money_form.py", "MONEY_HELP"),
    ("tui/screens/directory/base.py", "self.FILTER_HINT"),
    ("tui/screens/directory/base.py", "self.SCREEN_TITLE"),
    ("tui/screens/after/page.py", "title"),
    # Check-ins (issue 35): the indicators' questions and answers are marked in
    # store/common/reintegration_words.py; the rest are N_() constants of the module.
    ("tui/screens/checkins/form.py", "CHECKIN_HELP"),
    ("tui/screens/checkins/form.py", "a.label"),
    ("tui/screens/checkins/form.py", "indicator.question"),
    ("tui/screens/checkins/form.py", "GROUP_TITLES[indicator.dimension]"),
    ("tui/screens/checkins/page.py", "title"),
    ("tui/screens/checkins/words.py", "SIGN_NAMES[ident]"),
    ("tui/screens/checkins/words.py", "indicator.question"),
    ("tui/screens/checkins/words.py", "answer.label"),
    ("tui/screens/checkins/words.py", "DIMENSION_NAMES[name]"),
    ("tui/screens/checkins/words.py", "METHOD_LABELS[method]"),
    ("tui/screens/case/workers.py", "_STATUS_SHORT[status]"),
    ("tui/screens/case/log.py", "title"),
    ("tui/screens/case/step.py", "title"),
    ("tui/screens/case/step.py", "step.by"),
    ("tui/screens/cases.py", "column.title"),
    ("tui/screens/history.py", "title"),
    ("tui/widgets/today_list.py", "d.step_label"),
    ("tui/dialogs/help.py", "getattr(screen, 'HELP', '')"),
    ("tui/cli/parser.py", "heading"),
    ("tui/translate.py", "b.description"),
    ("tui/translate.py", "b.tooltip"),
    ("tui/cli/argparse_words.py", "message"),
    ("tui/cli/argparse_words.py", "singular"),
}

Key = tuple[str | None, str]  # (msgctxt, msgid); a plural's msgid is its singular


def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, tuple[str, ...]]:
    """What `pybabel extract` finds, as README's command runs it: {(context, msgid): every
    msgid of the entry (two for a plural)}."""
    out = tmp_path_factory.mktemp("pot") / "pulang.pot"
    argv = shlex.split(EXTRACT.replace("po/pulang.pot", str(out)))
    CommandLineInterface().run([*argv[:1], "-q", *argv[1:]])
    with out.open("rb") as f:
        return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id):
                m.id if isinstance(m.id, tuple) else (m.id,) for m in read_po(f) if m.id}


@pytest.fixture(scope="module")
def code(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, tuple[str, ...]]:
    import os

    here = Path.cwd()
    os.chdir(ROOT)
    try:
        return extracted(tmp_path_factory)
    finally:
        os.chdir(here)


def po(lang: str) -> dict[Key, tuple[tuple[str, ...], tuple[str, ...]]]:
    """A catalog as written: {(context, msgid): (msgids, translations)}, obsolete ones out."""
    with (ROOT / "po" / lang / "LC_MESSAGES" / "pulang.po").open("rb") as f:
        read = read_po(f)
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id):
            (m.id if isinstance(m.id, tuple) else (m.id,),
             m.string if isinstance(m.string, tuple) else (m.string,)) for m in read if m.id}


def placeholders(text: str) -> set[str]:
    braces = {field for _lit, field, _spec, _conv in string.Formatter().parse(text)
              if field is not None}
    return braces | set(re.findall(r"%(?:\(\w+\))?[sdr]", text))


def translation_calls() -> list[tuple[str, int, ast.Call]]:
    """(file, line, call) for every call of a marker under store/ and tui/, in file order."""
    calls = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
            found = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                     and isinstance(node.func, ast.Name) and node.func.id in MARKERS]
            found.sort(key=lambda node: (node.lineno, node.col_offset))
            calls += [(name, node.lineno, node) for node in found]
    return calls


def literals(call: ast.Call) -> list[str] | None:
    """The call's string arguments, if every argument that names text is a literal."""
    texts = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2, "NC_": 2}[call.func.id]  # type: ignore[attr-defined]
    args = call.args[:texts]
    if len(args) < texts or not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                    for a in args):
        return None
    return [a.value for a in args]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", COMPLETE + PARTIAL)
def test_every_string_of_the_code_is_in_the_catalog(
        code: dict[Key, tuple[str, ...]], lang: str) -> None:
    written = po(lang)
    missing = [f"{ctx + ' | ' if ctx else ''}{msgid!r}" for (ctx, msgid) in code
               if (ctx, msgid) not in written]
    assert not missing, (f"Not in po/{lang}/LC_MESSAGES/pulang.po (run README's pybabel "
                         "extract and update):\n" + "\n".join(missing))
    if lang in COMPLETE:
        untranslated = [repr(key[1]) for key, (_ids, texts) in written.items()
                        if not all(texts)]
        assert not untranslated, f"Not translated in {lang}:\n" + "\n".join(untranslated)


@pytest.mark.parametrize("lang", COMPLETE + PARTIAL)
def test_no_stale_strings(code: dict[Key, tuple[str, ...]], lang: str) -> None:
    stale = [repr(msgid) for (ctx, msgid) in po(lang) if (ctx, msgid) not in code]
    assert not stale, f"In po/{lang} but no longer in the code:\n" + "\n".join(stale)


@pytest.mark.parametrize("lang", COMPLETE + PARTIAL)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for (_ctx, msgid), (ids, texts) in po(lang).items():
        for text in texts:
            if text and placeholders(text) != placeholders(ids[-1]):
                wrong.append(f"{msgid!r}: {sorted(placeholders(ids[-1]))} != "
                             f"{sorted(placeholders(text))} in {text!r}")
    assert not wrong, f"Placeholders differ in {lang}:\n" + "\n".join(wrong)


def test_the_template_is_what_the_code_marks(code: dict[Key, tuple[str, ...]]) -> None:
    """po/pulang.pot as committed is what extraction gives now (a string added in the code
    reaches the translators), and extraction finds every literal the code marks (Babel does
    not look inside an f-string on this Python: `f"{_('x')}"` is never translated)."""
    with (ROOT / "po" / "pulang.pot").open("rb") as f:
        template = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
                    for m in read_po(f) if m.id}
    assert template == set(code), ("po/pulang.pot is out of date: run README's pybabel "
                                   f"extract. New: {sorted(map(str, set(code) - template))}; "
                                   f"gone: {sorted(map(str, template - set(code)))}")
    marked = set()
    for _name, _line, call in translation_calls():
        found = literals(call)
        if found:
            ctx = found[0] if call.func.id in ("pgettext", "NC_") else None  # type: ignore[attr-defined]
            marked.add((ctx, found[-1] if ctx else found[0]))
    hidden = sorted(map(str, marked - set(code)))
    assert not hidden, "Marked but not extracted (inside an f-string?):\n" + "\n".join(hidden)


def test_only_literals_are_marked_for_translation() -> None:
    bad = []
    for name, line, call in translation_calls():
        if literals(call) is not None:
            continue
        if (call.func.id == "_" and len(call.args) == 1  # type: ignore[attr-defined]
                and (name, ast.unparse(call.args[0])) in TRANSLATES_MARKED):
            continue
        if call.func.id in ("ngettext", "pgettext") and (  # type: ignore[attr-defined]
                (name, ast.unparse(call.args[0])) in TRANSLATES_MARKED):
            continue
        bad.append(f"{name}:{line}: {ast.unparse(call)}")
    assert not bad, "Not a string literal, so it cannot be translated:\n" + "\n".join(bad)


def test_readme_gives_the_extract_command() -> None:
    assert EXTRACT in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", COMPLETE + PARTIAL)
def test_each_catalog_says_who_translated_it_and_its_review(lang: str) -> None:
    translator, reviewed, share = translation_state(lang)
    assert translator
    assert (lang in COMPLETE) == (share == 100), share
    text = (ROOT / "po" / lang / "LC_MESSAGES" / "pulang.po").read_text(encoding="utf-8")
    assert re.search(r'"Language-Team: [^"]*; review: (reviewed|awaiting review)', text)
    if lang in ("lo", "km", "my"):  # drafted by us: never presented as reviewed
        assert not reviewed


def test_the_compiled_catalogs_are_the_written_ones() -> None:
    """The .mo files the tests read are compiled from today's .po files: after editing a
    catalog, `pip install -e .` compiles it again (pyproject.toml, [tool.setuptools-gettext])."""
    for lang in COMPLETE + PARTIAL:
        source = ROOT / "po" / lang / "LC_MESSAGES" / "pulang.po"
        compiled = ROOT / "store" / "common" / "locale" / lang / "LC_MESSAGES" / "pulang.mo"
        assert compiled.exists(), f"{compiled} is missing: run pip install -e ."
        assert compiled.stat().st_mtime >= source.stat().st_mtime, (
            f"{compiled} is older than {source}: run pip install -e .")


def test_plural_forms_come_from_the_catalog() -> None:
    set_language("en")
    assert ngettext("{count} task", "{count} tasks", 1) == "{count} task"
    assert ngettext("{count} task", "{count} tasks", 2) == "{count} tasks"
    for lang in COMPLETE:
        set_language(lang)
        # One form for every count in Indonesian, Lao and Khmer (their Plural-Forms).
        one = ngettext("{count} task", "{count} tasks", 1)
        assert one == ngettext("{count} task", "{count} tasks", 5) != "{count} tasks", lang


def test_a_word_with_two_senses_is_translated_by_its_context() -> None:
    set_language("id")
    stage = pgettext("stage of a case", "documents")
    assert stage == "pengurusan dokumen"


def test_language_and_formats() -> None:
    assert format_date(date(2025, 12, 12)) == "12 Dec 2025"
    assert format_number(3.4, 1) == "3.4"
    set_language("id")
    assert _("Save") == "Simpan"
    assert format_date(date(2025, 12, 12)) == "12 Des 2025"
    assert month_abbr(5) == "Mei"
    assert format_number(3.4, 1) == "3,4"
    assert format_number(12345) == "12.345"
    set_language("km")
    assert format_number(3.4, 1) == "3.4"
    assert format_date(date(2025, 12, 12)) == "12 ធ្នូ 2025"
    set_language("lo")
    assert format_date(date(2025, 12, 12)) == "12 ທ.ວ. 2025"
    assert day_and_date(date(2026, 12, 8)).startswith("ອັງຄານ")
    assert format_datetime(datetime(2025, 12, 12, 14, 30)) == "12 ທ.ວ. 2025 14:30"


@pytest.mark.parametrize(("env", "lang"), [
    ({"LANG": "id_ID.UTF-8"}, "id"), ({"LANG": "in_ID"}, "id"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({}, "en"), ({"LANG": "lo_LA.UTF-8"}, "lo"), ({"LANG": "km_KH.UTF-8"}, "km"),
    ({"LANG": "my_MM.UTF-8"}, "my"), ({"LANG": "th_TH.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "id_ID.UTF-8"}, "id"),
    ({"LANG": "id_ID.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
])
def test_language_from_environment(env: dict[str, str], lang: str) -> None:
    assert language_from_environment(env) == lang
    assert lang in LANGUAGES


def test_every_language_has_its_compiled_catalog() -> None:
    for lang in COMPLETE + PARTIAL:
        assert catalog(lang).gettext("Today") != "Today", lang

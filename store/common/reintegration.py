"""The check-ins after return, as data: store/common/reintegration.toml holds when they fall
(months after the flight home), the indicators each asks (dimension, question, answers and
their scores, weights where a source publishes them) and the answers that are signs of
re-recruitment, with the sources cited at its top. store/domain/rules/reintegration.py scores
the answers; this module only reads and checks the file.

A union may keep its own months: `$PULANG_CHECKINS` names a TOML file holding a [checkins]
table like the package's (`months = [1, 3, 6, 12]`); nothing else of it is read. A file that
cannot be used is refused with the key that is wrong (`ChecksFileInvalid`), never half read.

Run as a script (`python -m store.common.reintegration`), it prints the module of N_() markers
(store/common/reintegration_words.py) that lets `pybabel extract` find the questions and the
answers' labels, so that they are translated like every other string.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from store.common.errors import UsageError
from store.common.i18n import _

DIMENSIONS = ("economic", "social", "psychosocial")
CHECKINS_VARIABLE = "PULANG_CHECKINS"
PACKAGE_FILE = "reintegration.toml"
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")

_SOURCE_KEYS = {"id", "title", "publisher", "year", "where", "url", "found"}
_INDICATOR_KEYS = {"id", "dimension", "question", "weight", "overall_weight", "weight_source",
                   "answers"}
_ANSWER_KEYS = {"code", "label", "score", "sign"}
_TABLES = {"sources", "checkins", "indicators"}


class ChecksFileInvalid(UsageError):
    """A check-ins file (the package's, or the one $PULANG_CHECKINS names) that cannot be used:
    `problems` says each key that is wrong."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(_("The check-ins file {file} cannot be used: {problems}").format(
            file=file, problems="; ".join(problems)))


@dataclass(frozen=True)
class Answer:
    code: str
    label: str  # English msgid: the screen translates it with _()
    score: float | None  # 0..1; None: asked, not counted in a score
    sign: bool = False  # a sign of re-recruitment


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str | None  # one of DIMENSIONS; None: asked, not scored
    question: str  # English msgid
    answers: tuple[Answer, ...]
    weight: float | None = None  # within its dimension, where a source publishes it
    overall_weight: float | None = None  # in the composite score, likewise
    weight_source: str = ""  # "<source id>, <page or table>" for either weight

    def answer(self, code: str) -> Answer | None:
        return next((a for a in self.answers if a.code == code), None)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    year: int
    where: str
    url: str
    found: str


@dataclass(frozen=True)
class Reintegration:
    sources: tuple[Source, ...]
    months: tuple[int, ...]
    indicators: tuple[Indicator, ...]


# -- checking -------------------------------------------------------------------------------------


def _unknown(where: str, table: dict[str, Any], known: set[str]) -> list[str]:
    return [f"{where}{key}: not a key of this table (it holds {', '.join(sorted(known))})"
            for key in table if key not in known]


def _text(where: str, table: dict[str, Any], key: str, problems: list[str],
          *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}{key}: must be text in quotes" + (", not empty"
                                                                    if required else ""))
        return ""
    return value


def _number(where: str, value: object, problems: list[str], low: float, high: float | None,
            ) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < low or (
            high is not None and value > high):
        span = f"from {low} to {high}" if high is not None else f"above {low}"
        problems.append(f"{where}: must be a number {span}")
        return None
    return float(value)


def check_months(data: dict[str, Any], where: str = "") -> tuple[tuple[int, ...], list[str]]:
    """The [checkins] months of `data`, and what is wrong with them."""
    table = data.get("checkins")
    if not isinstance(table, dict):
        return (), [f"{where}[checkins]: missing (a table: [checkins] months = [1, 3, 6, 12])"]
    problems = _unknown(f"{where}checkins.", table, {"months"})
    months = table.get("months")
    if (not isinstance(months, list) or not months
            or not all(isinstance(m, int) and not isinstance(m, bool) and 0 < m <= 120
                       for m in months)
            or months != sorted(set(months))):
        problems.append(f"{where}checkins.months: must be a list of months after return, "
                        "rising, each from 1 to 120: [1, 3, 6, 12]")
        return (), problems
    return tuple(months), problems


def _check_answers(where: str, raw: object, scored: bool, problems: list[str],
                   ) -> tuple[Answer, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(a, dict) for a in raw):
        problems.append(f"{where}answers: must be a list of answers, "
                        "{ code = \"...\", label = \"...\", score = 1.0 }")
        return ()
    answers: list[Answer] = []
    for number, item in enumerate(raw, 1):
        at = f"{where}answers[{number}]."
        problems += _unknown(at, item, _ANSWER_KEYS)
        code = _text(at, item, "code", problems)
        if code and not _ID.match(code):
            problems.append(f"{at}code: lower-case letters, digits and _ only")
        label = _text(at, item, "label", problems)
        score = None
        if "score" in item:
            score = _number(f"{at}score", item["score"], problems, 0.0, 1.0)
            if not scored:
                problems.append(f"{at}score: an indicator without a dimension is not scored")
        sign = item.get("sign", False)
        if not isinstance(sign, bool):
            problems.append(f"{at}sign: must be true or false")
            sign = False
        answers.append(Answer(code, label, score, sign))
    codes = [a.code for a in answers]
    problems += [f"{where}answers: the code \"{c}\" is given twice"
                 for c in sorted({c for c in codes if codes.count(c) > 1})]
    if scored and sum(a.score is not None for a in answers) < 2:
        problems.append(f"{where}answers: a scored indicator needs two answers with a score")
    if not scored and not any(a.sign for a in answers):
        problems.append(f"{where}dimension: missing (an indicator not scored must have an "
                        "answer that is a sign)")
    return tuple(answers)


def _check_indicator(number: int, item: dict[str, Any], sources: set[str],
                     problems: list[str]) -> Indicator:
    ident = item.get("id")
    where = f"indicators[{number}]" + (f" ({ident})" if isinstance(ident, str) else "") + "."
    problems += _unknown(where, item, _INDICATOR_KEYS)
    ident = _text(where, item, "id", problems)
    if ident and not _ID.match(ident):
        problems.append(f"{where}id: lower-case letters, digits and _ only")
    dimension = item.get("dimension")
    if dimension is not None and dimension not in DIMENSIONS:
        problems.append(f"{where}dimension: must be one of {', '.join(DIMENSIONS)}, "
                        "or left out for a question not scored")
        dimension = None
    question = _text(where, item, "question", problems)
    weights: dict[str, float | None] = {}
    for key in ("weight", "overall_weight"):
        weights[key] = None
        if key in item:
            weights[key] = _number(f"{where}{key}", item[key], problems, 0.0, None)
            if item[key] == 0 or dimension is None:
                problems.append(f"{where}{key}: only a scored indicator has a weight, above 0")
    source = item.get("weight_source", "")
    if any(key in item for key in ("weight", "overall_weight")):
        named = source.split(",")[0].strip() if isinstance(source, str) else ""
        if named not in sources or "," not in source:
            problems.append(f"{where}weight_source: a weight needs its source: "
                            "\"<id of a [[sources]]>, <page or table>\"")
    elif "weight_source" in item:
        problems.append(f"{where}weight_source: given without a weight")
    answers = _check_answers(where, item.get("answers"), dimension is not None, problems)
    return Indicator(ident, dimension, question, answers, weights["weight"],
                     weights["overall_weight"], source if isinstance(source, str) else "")


def _check_sources(raw: object, problems: list[str]) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(s, dict) for s in raw):
        problems.append("[[sources]]: missing (the file must cite where its method comes from)")
        return ()
    found: list[Source] = []
    for number, item in enumerate(raw, 1):
        where = f"sources[{number}]."
        problems += _unknown(where, item, _SOURCE_KEYS)
        year = item.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 2200:
            problems.append(f"{where}year: must be the year of publication (2019)")
            year = 0
        texts = [_text(where, item, key, problems, required=key != "url")
                 for key in ("id", "title", "publisher", "where", "url", "found")]
        found.append(Source(texts[0], texts[1], texts[2], year, texts[3], texts[4], texts[5]))
    return tuple(found)


def check(data: dict[str, Any]) -> tuple[Reintegration, list[str]]:
    """The file's contents as read, and every key that is wrong (empty: the file is good)."""
    problems = [f"[{table}]: not a table this file holds ({', '.join(sorted(_TABLES))})"
                for table in data if table not in _TABLES]
    sources = _check_sources(data.get("sources"), problems)
    months, wrong = check_months(data)
    problems += wrong
    raw = data.get("indicators")
    indicators: list[Indicator] = []
    if not isinstance(raw, list) or not raw or not all(isinstance(i, dict) for i in raw):
        problems.append("[[indicators]]: missing (a list of tables, [[indicators]])")
    else:
        ids = {s.id for s in sources}
        indicators = [_check_indicator(n, item, ids, problems) for n, item in enumerate(raw, 1)]
        names = [i.id for i in indicators]
        problems += [f"indicators: the id \"{name}\" is given twice"
                     for name in sorted({n for n in names if names.count(n) > 1})]
    return Reintegration(sources, months, tuple(indicators)), problems


# -- reading --------------------------------------------------------------------------------------


def parse(text: str, file: str) -> Reintegration:
    """A whole reintegration file from its text, checked; `ChecksFileInvalid` names `file`."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ChecksFileInvalid(file, [f"not TOML: {error}"]) from None
    read, problems = check(data)
    if problems:
        raise ChecksFileInvalid(file, problems)
    return read


@cache
def packaged() -> Reintegration:
    """The package's store/common/reintegration.toml (read once)."""
    from importlib.resources import files

    entry = files("store.common") / PACKAGE_FILE
    return parse(entry.read_text(encoding="utf-8"), PACKAGE_FILE)


def union_months(path: str) -> tuple[int, ...]:
    """The [checkins] months of the union's own file at `path`."""
    import tomllib

    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as error:
        raise ChecksFileInvalid(path, [f"not read: {error.strerror or error}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ChecksFileInvalid(path, [f"not TOML: {error}"]) from None
    except UnicodeDecodeError:
        raise ChecksFileInvalid(path, ["not TOML: not UTF-8 text"]) from None
    months, problems = check_months(data)
    problems += [f"[{table}]: not read from this file (only [checkins] is)"
                 for table in data if table != "checkins"]
    if problems:
        raise ChecksFileInvalid(path, problems)
    return months


def checkin_months(environ: dict[str, str] | None = None) -> tuple[int, ...]:
    """The months after the flight home when a check-in is due: the union's file named by
    $PULANG_CHECKINS if set, else the package's (1, 3, 6, 12)."""
    path = (os.environ if environ is None else environ).get(CHECKINS_VARIABLE, "").strip()
    return union_months(path) if path else packaged().months


def indicators() -> tuple[Indicator, ...]:
    """The indicators of every check-in, in the file's order."""
    return packaged().indicators


def sources() -> tuple[Source, ...]:
    return packaged().sources


# -- the markers for pybabel ---------------------------------------------------------------------


def words_module(read: Reintegration) -> str:
    """The text of store/common/reintegration_words.py for `read`: every question and answer
    label inside N_(), so that `pybabel extract` puts them in the catalogs."""
    lines = ['"""Generated from store/common/reintegration.toml by `python -m',
             'store.common.reintegration`: its questions and answers\' labels, marked for',
             'translation (pybabel reads no TOML). Do not edit; run the command again."""',
             "",
             "from store.common.i18n import N_",
             "",
             "WORDS = ("]
    seen: set[str] = set()
    for indicator in read.indicators:
        for text in (indicator.question, *(a.label for a in indicator.answers)):
            if text not in seen:
                seen.add(text)
                lines += _marked(text)
    lines.append(")")
    return "\n".join(lines) + "\n"


def _marked(text: str, width: int = 80) -> list[str]:
    """`N_("text"),` as lines of the module, a long text cut between words into adjacent
    literals (one string to Python and to pybabel), so no line passes 100 characters."""
    rows: list[list[str]] = [[]]
    for word in text.split(" "):
        if rows[-1] and len(" ".join([*rows[-1], word])) > width:
            rows.append([])
        rows[-1].append(word)
    if len(rows) == 1:
        return [f"    N_({text!r}),"]
    pieces = [" ".join(row) + (" " if i < len(rows) - 1 else "") for i, row in enumerate(rows)]
    return ["    N_(", *(f"        {p!r}" for p in pieces), "    ),"]


if __name__ == "__main__":
    print(words_module(packaged()), end="")

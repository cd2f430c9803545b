"""The report's figures of closings (issue 35), for `pulang report`: cases and workers closed
now, by the reason of the union's list they were closed for, and how many times cases and
workers were reopened (read from each record's history of closings: public codes and dates).

A case closed before Pulang kept a reason (its stage set to closed by hand) counts under
"unknown". Workers closed for a reason are counted as the legal counts are: 1 to 4 reads
"fewer than 5" (json: "<5"), since a worker closed because they died, in a small union, can
be pointed at; cases are counted as the cases by stage are, in full.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from store.common.closing import reason_label, reasons
from store.common.i18n import _
from store.domain.rules.closing import REOPENED, history, is_closed

UNKNOWN = "unknown"
Source = Iterable[tuple[dict[str, Any], Sequence[tuple[dict[str, Any], Any]]]]


def closings(source: Source, min_count: int) -> dict[str, Any]:
    """The closings' figures of the stored cases and their workers (`figures_source`)."""
    cases: Counter[str] = Counter()
    workers: Counter[str] = Counter()
    reopened = {"cases": 0, "workers": 0}
    for case, members in source:
        if is_closed(case):
            cases[case.get("closed_reason") or UNKNOWN] += 1
        reopened["cases"] += sum(1 for e in history(case) if e.what == REOPENED)
        for worker, _plan in members:
            if is_closed(worker):
                workers[worker.get("closed_reason") or UNKNOWN] += 1
            reopened["workers"] += sum(1 for e in history(worker) if e.what == REOPENED)
    return {
        "cases_closed_by_reason": _in_order(cases, lambda n: n),
        "workers_closed_by_reason": _in_order(
            workers, lambda n: n if n == 0 or n >= min_count else f"<{min_count}"),
        "cases_reopened": reopened["cases"],
        "workers_reopened": reopened["workers"],
    }


def _in_order(counts: Counter[str], shown: Any) -> dict[str, int | str]:
    """Every reason of the list (0 included), in its order, then any other code kept."""
    codes = [r.code for r in reasons()]
    codes += sorted(set(counts) - set(codes))
    return {code: shown(counts[code]) for code in codes}


def text_lines(figures: dict[str, Any], min_count: int) -> list[str]:
    """The closings' part of the text report, in the user's language."""
    lines: list[str] = []
    for key, heading in (("cases_closed_by_reason", _("Cases closed, by reason")),
                         ("workers_closed_by_reason", _("Workers closed, by reason"))):
        rows = [(_("unknown") if code == UNKNOWN else reason_label(code),
                 _("fewer than {count}").format(count=min_count)
                 if isinstance(n, str) else str(n))
                for code, n in figures.get(key, {}).items()]
        lines += [heading, *_aligned(rows), ""]
    lines += [_("Reopenings"), *_aligned([
        (_("of a case"), str(figures.get("cases_reopened", 0))),
        (_("of a worker"), str(figures.get("workers_reopened", 0)))])]
    return lines


def _aligned(rows: list[tuple[str, str]]) -> list[str]:
    width = max((len(label) for label, _n in rows), default=0)
    return [f"  {label:<{width}}  {n:>5}" for label, n in rows]

"""What a worker's check-ins after return (issue 35) say in words, on their page, in the form,
on Today and in the notice of a flight home: which check-in of the schedule ("3-month
check-in"), the scores of a check-in from 0 to 100 with how many indicators were answered and
the method beside them ("unweighted: the mean of the answers": no weight of IOM's could be read,
so no score is ever shown as IOM's weighted one), and the signs of re-recruitment by name.

The questions and answers are the indicators' (store/common/reintegration.toml), translated in
the catalogs like any other string."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from store import N_, _, format_date, ngettext
from store.domain import METHOD_LABELS, OVERALL, indicators, score

if TYPE_CHECKING:
    from store.domain import CheckIn, Score

# The dimensions' names, then the whole's, as shown beside their scores.
DIMENSION_NAMES = {
    "economic": N_("economic"),
    "social": N_("social"),
    "psychosocial": N_("psychosocial"),
    OVERALL: N_("overall"),
}
# The form's headings, a group of questions each; the questions not scored come last.
GROUP_TITLES = {
    "economic": N_("Economic: work, income, food, debts"),
    "social": N_("Social: housing, school, health care, documents"),
    "psychosocial": N_("Psychosocial: family, support, safety, wellbeing"),
    None: N_("Signs of re-recruitment"),
}
# Each sign of re-recruitment in a few words (the indicator's id): on Today and the worker's
# page, where the question and its answer would not fit.
SIGN_NAMES = {
    "recruiter_contact": N_("a recruiter made contact"),
    "offer_abroad": N_("offered work abroad"),
    "recruiter_debt": N_("owes a recruiter"),
    "migrate_again": N_("plans to leave without papers"),
}


def which(month: int | None) -> str:
    """"3-month check-in", or "between check-ins" for one outside the schedule."""
    if month is None:
        return _("between check-ins")
    return ngettext("{months}-month check-in", "{months}-month check-in", month).format(
        months=month)


def which_short(month: int | None) -> str:
    """"3 months", or "between": in a table's narrow column."""
    if month is None:
        return _("between")
    return ngettext("{months} month", "{months} months", month).format(months=month)


def sign_names(signs: Sequence[tuple[str, str]]) -> str:
    """The signs, each in a few words: "a recruiter made contact, offered work abroad"."""
    known = {i.id: i for i in indicators()}
    said: list[str] = []
    for ident, code in signs:
        if ident in SIGN_NAMES:
            said.append(_(SIGN_NAMES[ident]))
            continue
        indicator = known.get(ident)
        answer = indicator.answer(code) if indicator is not None else None
        said.append(f"{_(indicator.question)} {_(answer.label)}" if indicator and answer
                    else ident)
    return ", ".join(said)


def score_value(found: Score) -> str:
    """A score from 0 to 100, or "–" when none of its indicators was answered."""
    return "–" if found.value is None else str(round(found.value * 100))


def scores_of(checkin: CheckIn) -> dict[str, Score]:
    return score(checkin.answers, indicators())


def method_label(method: str) -> str:
    """"unweighted: the mean of the answers" (or weighted, where a source gives weights)."""
    return _(METHOD_LABELS[method])


def scores_line(checkin: CheckIn) -> str:
    """Every score with how many were answered, and the method beside them: "economic 67 (4
    of 5) · ... · overall 60 (9 of 15) · scores 0-100, unweighted: the mean of the answers"."""
    found = scores_of(checkin)
    methods = {s.method for s in found.values()}
    parts = []
    for name, one in found.items():
        text = _("{dimension} {score} ({answered} of {of})").format(
            dimension=_(DIMENSION_NAMES[name]), score=score_value(one), answered=one.answered,
            of=one.of)
        if len(methods) > 1:  # some weighted, some not: each says which
            text += " " + method_label(one.method)
        parts.append(text)
    return " · ".join([*parts, _scale(methods)])


def method_note() -> str:
    """Under a table of scores: the scale and how the scores were reached."""
    return _scale({s.method for s in score({}, indicators()).values()})


def _scale(methods: set[str]) -> str:
    """"scores 0-100", and the method when every score was reached the same way."""
    if len(methods) != 1:
        return _("scores 0-100")
    return _("{scale}, {method}").format(scale=_("scores 0-100"),
                                         method=method_label(next(iter(methods))))


def and_list(items: Sequence[str]) -> str:
    """"1, 3, 6 and 12"."""
    if len(items) < 2:
        return "".join(items)
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def home_notice(name: str, months: Sequence[int], dates: Sequence[dt.date]) -> str:
    """"Rizky Pratama is home: check-ins due at 1, 3, 6 and 12 months (07/01/2027, ...)"."""
    return ngettext("{name} is home: check-in due at {months} months ({dates})",
                    "{name} is home: check-ins due at {months} months ({dates})",
                    len(months)).format(name=name, months=and_list([str(m) for m in months]),
                                        dates=", ".join(format_date(d) for d in dates))


def many_home_notice(count: int, months: Sequence[int], dates: Sequence[dt.date]) -> str:
    """Several workers home on the same day, in one notice."""
    return ngettext("{count} worker is home: check-ins due at {months} months ({dates})",
                    "{count} workers are home: check-ins due at {months} months ({dates})",
                    count).format(count=count, months=and_list([str(m) for m in months]),
                                  dates=", ".join(format_date(d) for d in dates))

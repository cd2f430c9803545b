"""The form of one check-in with a worker after their return (issue 35), new or edited: the
date (today to start with), which check-in of the schedule it answers (the next one due chosen
to start with; "between check-ins" for one outside it), how the officer reached the worker, then
every question of the union's check-in with a list of its answers, grouped under a heading a
dimension (economic, social, psychosocial, then the signs of re-recruitment), and notes. A
question left at "(not asked)" is not counted in any score. It scrolls at 80x24; Ctrl+S saves,
Escape asks before dropping what was typed."""

from __future__ import annotations

from typing import Any, cast

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Select

from store import N_, RecordInvalid, _, clock, date_for_input, format_date
from store.domain import CheckIn, CheckInHow, Due, build, choices, indicators, printable
from tui.screens.checkins.words import GROUP_TITLES, which
from tui.screens.form import FieldSpec, RecordForm

_PREFIX = "a_"  # an answer's field: a_<indicator id>
BETWEEN = 0  # the choice "between check-ins" (stored as no month)

CHECKIN_HELP = N_(
    "A check-in with a worker after their return. The date is today's to start with; the "
    "check-in it answers is the next one of the worker's schedule not yet done (choose "
    "\u201cbetween check-ins\u201d for one outside it). Each question has a list of answers "
    "(Enter opens it): leave \u201c(not asked)\u201d where the question was not asked, and it "
    "counts in no score. The scores (economic, social, psychosocial and overall, from 0 to 100) "
    "are the mean of the answers given, unweighted: no published weight is used. An answer "
    "marked as a sign of re-recruitment (a recruiter's contact, an offer of work abroad, a "
    "debt to a recruiter, the plan to leave without papers) puts the worker on Today until "
    "someone records what was done (f on the worker's check-ins)."
)


def answer_field(indicator_id: str) -> str:
    return _PREFIX + indicator_id


class CheckInForm(RecordForm[CheckIn]):
    record_type = CheckIn
    draft_kind = "checkin"
    DEFAULT_CSS = """
    CheckInForm .group-title { margin-top: 1; text-style: bold underline; }
    """

    def __init__(self, record: CheckIn | None, case_id: str, worker_id: str, name: str,
                 schedule: list[Due]) -> None:
        self.case_id = case_id
        self.worker_id = worker_id
        self.worker_name = name
        self.schedule = schedule
        title = _("New check-in with {name}") if record is None else \
            _("Check-in with {name}")
        super().__init__(record, title.format(name=printable(name, limit=60)))

    def help_more(self) -> str:
        return _(CHECKIN_HELP)

    def _months(self) -> list[tuple[str, int]]:
        offered = [(_("{which}, due {date}").format(which=which(d.month),
                                                    date=format_date(d.due)), d.month)
                   for d in self.schedule]
        month = self.record.month if self.record is not None else None
        if month is not None and all(m != month for _l, m in offered):  # no longer in it
            offered.append((which(month), month))
        return [*offered, (which(None), BETWEEN)]

    def fields(self) -> list[FieldSpec]:
        specs = [
            FieldSpec("on", required=True, placeholder="DD/MM/YYYY"),
            FieldSpec("month", "select", self._months(), required=True,
                      label=_("Check-in")),
            FieldSpec("how", "select", choices(CheckInHow), required=True),
        ]
        for indicator in _ordered():
            specs.append(FieldSpec(answer_field(indicator.id), "select",
                                   [(_(a.label), a.code) for a in indicator.answers],
                                   label=_(indicator.question)))
        specs += [FieldSpec("notes", "area"), FieldSpec("by")]
        return specs

    def _widget(self, spec: FieldSpec, value: Any) -> Widget:
        if spec.name.startswith(_PREFIX):  # none chosen: the question was not asked
            return Select(spec.options, value=value if value is not None else Select.NULL,
                          allow_blank=True, prompt=_("(not asked)"), id=f"f-{spec.name}",
                          compact=True)
        return super()._widget(spec, value)

    def defaults(self) -> dict[str, Any]:
        from store.db import officer  # the Database's modules: not on the first frame

        following = next((d for d in self.schedule if d.done is None), None)
        return {"on": date_for_input(clock.today()), "how": CheckInHow.VISIT,
                "month": following.month if following is not None else BETWEEN,
                "by": officer()}

    def values_of(self, record: CheckIn) -> dict[str, Any]:
        values: dict[str, Any] = {"on": date_for_input(record.on), "how": record.how,
                                  "month": record.month or BETWEEN, "notes": record.notes,
                                  "by": record.by}
        for indicator in indicators():
            code = record.answers.get(indicator.id)
            if code is not None and indicator.answer(code) is not None:
                values[answer_field(indicator.id)] = code
        return values

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update({"case_id": self.case_id, "worker_id": self.worker_id})
        return data

    def on_mount(self) -> None:
        """The questions a heading a group, each question above its answers."""
        form = self.query_one("#form", VerticalScroll)
        group: object = "none yet"
        for indicator in _ordered():
            question = self.query_one(f"#l-{answer_field(indicator.id)}")
            row = question.parent
            assert isinstance(row, Widget)
            # The question over its answers, the whole width (the app's stylesheet gives a
            # label 25 columns, beside its field; a style set here comes before it).
            row.styles.layout = "vertical"
            question.styles.width = "100%"
            if indicator.dimension != group:
                group = indicator.dimension
                form.mount(Label(_(GROUP_TITLES[indicator.dimension]), classes="group-title"),
                           before=row)
        super().on_mount()

    def validated(self) -> CheckIn | None:
        """The answers gathered into one field of the record; "between" is no month."""
        data = self.base_data()
        values = self.values()
        given = {key: values.pop(key) for key in list(values) if key.startswith(_PREFIX)}
        answers = {key.removeprefix(_PREFIX): code for key, code in given.items()
                   if code is not None}
        data.update(values)
        data["answers"] = answers
        if data.get("month") == BETWEEN:
            data["month"] = None
        try:
            record = build(CheckIn, data)
        except RecordInvalid as invalid:
            self._refused(invalid)
            return None
        self.show_errors({})
        self._show_status("")
        return record

    def persist(self, record: CheckIn) -> CheckIn:
        return cast("Any", self.app).db.save_checkin(record)

    def draft(self) -> dict[str, Any]:
        draft = super().draft()
        draft.update({"case_id": self.case_id, "worker_id": self.worker_id})
        return draft


def _ordered() -> list[Any]:
    """The indicators a dimension after the other, in the file's order within each; the
    questions not scored (the signs of re-recruitment) last."""
    order = [*GROUP_TITLES]
    found = list(indicators())
    return sorted(found, key=lambda i: (order.index(i.dimension) if i.dimension in order
                                        else len(order), found.index(i)))


"""The case page's workers table: their facts before any plan, or, once the road home has
started, the grid of its steps (workers down, steps across); and the line under it, which says
in words what the cell under the cursor stands for."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Label, Static

from store import N_, _, clock, format_date
from store.domain import (
    CONSENTABLE,
    OPEN,
    TEMPLATES,
    RecipientKind,
    StepStatus,
    Template,
    TraffickingStatus,
    Worker,
    fits_a_row,
    is_child,
    is_closed,
    label,
    printable,
    row_spellings,
    suggested_status,
    worker_numbers,
)
from tui.screens.case.text import shown
from tui.widgets import RecordTable, cell

# The grid's glyphs: told apart without colour.
_GLYPHS = {
    StepStatus.DONE: " ✓",
    StepStatus.NOT_NEEDED: " –",
    StepStatus.IN_PROGRESS: " »",
    StepStatus.BLOCKED: " ✗",
    StepStatus.TODO: " ·",
}
_GRID_LEAD = 4  # columns before the steps: selection, name, consent, screening
_CONSENT_LETTERS = {
    RecipientKind.PARTNER_UNION: "U",
    RecipientKind.POLICE: "P",
    RecipientKind.EMBASSY: "E",
    RecipientKind.FAMILY: "F",
    RecipientKind.SHELTER_HEALTH: "H",
    RecipientKind.STATISTICS: "S",
}
_STATUS_SHORT = {
    # TRANSLATORS: a column 4 cells wide: the screening found a victim of trafficking.
    TraffickingStatus.ACTUAL: N_("VoT"),
    # TRANSLATORS: a column 4 cells wide: possibly a victim of trafficking.
    TraffickingStatus.POSSIBLE: N_("pos"),
    # TRANSLATORS: a column 4 cells wide: the screening found no victim of trafficking.
    TraffickingStatus.NOT_A_VICTIM: N_("not"),
}


class CaseWorkers:
    """Part of `CaseScreen` (a mix-in): the workers table and the line under it."""

    def render_workers(self) -> None:
        table = self.query_one("#workers", RecordTable)
        keep = table.current_key
        keep_column = table.cursor_coordinate.column
        table.clear(columns=True)
        templates = {p.template for p in self.plans.values() if p.template in TEMPLATES}
        # One template across: the most common one of the case's plans.
        self.grid_template = None
        if templates:
            counts = {t: sum(p.template == t for p in self.plans.values()) for t in templates}
            self.grid_template = TEMPLATES[max(sorted(counts), key=counts.__getitem__)]
        self._numbers = worker_numbers(self.case_workers)
        if self.grid_template is not None:
            self._render_grid(table, self.grid_template)
        else:
            self._render_list(table)
        table.move_to_key(keep)
        if self.grid_template is not None:
            # On the name at first (not the selection mark), else where it was.
            table.move_cursor(column=min(max(keep_column, 1), len(table.columns) - 1))
        self.query_one("#workers-title", Label).update(
            _("Workers ({count}) · a add · s screening · c consent · p road home").format(
                count=len(self.case_workers))
            if self.grid_template is None else
            _("Workers ({count}) · {stage} · Space select · m mark step · F1 keys").format(
                count=len(self.case_workers),
                stage=self.derived.describe() if self.derived else "")
            if not self.selected else
            _("Workers ({count}) · {stage} · {selected} selected · Esc unselects").format(
                count=len(self.case_workers), selected=len(self.selected),
                stage=self.derived.describe() if self.derived else "")
        )
        self._show_worker_detail()

    def _worker_name(self, worker: Worker) -> str:
        """The worker's number in the case (the one a brief names a worker by when it
        withholds their details), then the spellings of their name that fit in a row
        (`row_spellings`); the name as written is on the line under the table."""
        numbers = self._numbers
        number = f"{numbers.get(worker.id, 0):>{len(str(len(numbers)))}}"
        if worker.erased_at is not None:
            return f"{number} " + _("(personal data erased)")
        name, *others = row_spellings(worker.all_names, worker.id)
        if worker.id in getattr(self.app, "sync_conflicts", {}):  # changed at two sites
            name = "⚠ " + name
        if is_closed(worker):
            name = _("(closed)") + " " + name
        return f"{number} {name} ({', '.join(others)})" if others else f"{number} {name}"

    def _selection_mark(self, worker: Worker) -> str:
        return "●" if worker.id in self.selected else " "

    def consent_glance(self, worker_id: str) -> str:
        """Six letters, one per kind of recipient the consent covers; W when withdrawn."""
        consent = self.consents.get(worker_id)
        if consent is None:
            return "–"
        if not consent.active:
            # TRANSLATORS: one letter, in the consent column: consent withdrawn.
            return _("W") + " " + _("withdrawn")
        return "".join(_CONSENT_LETTERS[k] if k in consent.recipients else "·"
                       for k in CONSENTABLE)

    def screening_glance(self, worker: Worker) -> str:
        screening = self.screenings.get(worker.id)
        if screening is None:
            return "–"
        status = screening.status or suggested_status(screening, is_child(screening, worker))
        return _(_STATUS_SHORT[status]) if status is not None else "?"

    def _render_list(self, table: RecordTable) -> None:
        """Before any plan: the workers' facts, with their consent and screening."""
        table.cursor_type = "row"
        table.cell_padding = 1
        fixed = 1 + 9 + 4 + 6 + 4 + 14
        name_width = self._flexible_width(fixed, columns=7)
        for title, width in (("", 1), (N_("Name"), name_width), (N_("Sex"), 9), (N_("Age"), 4),
                             (N_("Cons."), 6), (N_("Scr"), 4), (N_("Passport is"), 14)):
            table.add_column(_(title) if title else "", width=width)
        for worker in self.case_workers:
            age = worker.display_age
            # Text cells: a str cell is read as markup, and a name is whatever was typed.
            table.add_row(
                self._selection_mark(worker),
                cell(self._worker_name(worker)),
                label(worker.sex),
                "" if age is None else str(age),
                self.consent_glance(worker.id),
                self.screening_glance(worker),
                label(worker.passport_status),
                key=worker.id,
            )

    def _render_grid(self, table: RecordTable, template: Template) -> None:
        """Workers down, the template's steps across (numbered), one glyph each."""
        table.cursor_type = "cell"
        table.cell_padding = 0  # thirteen steps across 80 columns: the spacing is in the cells
        steps = template.keys
        fixed = 2 + 7 + 4 + 3 * len(steps)
        name_width = max(10, self.size.width - fixed - 2)
        table.add_column("", width=2)
        table.add_column(_("Name"), width=name_width)
        table.add_column(" " + _("Cons."), width=7)
        table.add_column(" " + _("Scr"), width=4)
        for number in range(1, len(steps) + 1):
            table.add_column(f"{number:>2} ", width=3)
        today = clock.today()
        for worker in self.case_workers:
            plan = self.plans.get(worker.id)
            cells: list[Text | str] = [self._selection_mark(worker) + " ",
                                       cell(self._worker_name(worker)),
                                       " " + self.consent_glance(worker.id),
                                       " " + self.screening_glance(worker)]
            for key in steps:
                if plan is None or plan.template != template.key:
                    cells.append("")
                    continue
                state = plan.state(key)
                glyph = Text(_GLYPHS[state.status])
                if state.deadline is not None and state.status in OPEN:
                    days = (state.deadline - today).days
                    if days <= 7:
                        glyph = Text("!" + _GLYPHS[state.status][-1])
                        if days < 0:
                            glyph.stylize("bold reverse")
                        else:
                            glyph.stylize("bold")
                cells.append(glyph)
            table.add_row(*cells, key=worker.id)

    def _cursor_step(self) -> str | None:
        """The step under the grid's cursor, if the cursor is on a step."""
        template = self.grid_template
        if template is None:
            return None
        column = self.query_one("#workers", RecordTable).cursor_coordinate.column - _GRID_LEAD
        return template.keys[column] if 0 <= column < len(template.keys) else None

    def _show_worker_detail(self) -> None:
        """The line under the workers: what the cell under the cursor stands for, in words."""
        detail = self.query_one("#worker-detail", Static)
        table = self.query_one("#workers", RecordTable)
        worker = next((w for w in self.case_workers if w.id == table.current_key), None)
        if worker is None:
            detail.update("")
            return
        name = printable(worker.name_in_rows, limit=40)
        column = table.cursor_coordinate.column
        key = self._cursor_step()
        if key is not None and self.grid_template is not None:
            plan = self.plans.get(worker.id)
            number = self.grid_template.keys.index(key) + 1
            parts = [f"{number}. {self.grid_template.label(key)}"]
            if plan is not None:
                state = plan.state(key)
                if state.status is StepStatus.DONE and state.done_on:
                    parts.append(_("done {date}").format(date=format_date(state.done_on)))
                else:
                    parts.append(label(state.status))
                if state.org:
                    parts.append(shown(state.org))
                if state.deadline:
                    parts.append(_("deadline {date}").format(date=format_date(state.deadline)))
                if plan.notes.get(key):
                    parts.append(shown(plan.notes[key]))
                if plan.reasons.get(key):
                    parts.append(_("out of order: {why}").format(why=shown(plan.reasons[key])))
            self._worker_detail(worker, f"{name}: " + " · ".join(parts))
            return
        consent_column = 2 if self.grid_template is not None else 4
        if column in (consent_column, consent_column + 1):
            consent = self.consents.get(worker.id)
            screening = self.screenings.get(worker.id)
            parts = []
            if consent is None:
                parts.append(_("no consent recorded (c)"))
            elif not consent.active:
                parts.append(_("consent withdrawn {date}").format(
                    date=format_date(consent.withdrawn_on)))
            else:
                parts.append(_("consent {date}: {kinds}").format(
                    date=format_date(consent.given_on),
                    kinds=", ".join(label(k) for k in consent.recipients) or "–"))
            if screening is None:
                parts.append(_("not screened (s)"))
            else:
                status = screening.status or suggested_status(screening,
                                                              is_child(screening, worker))
                parts.append(_("screening {date}: {status}").format(
                    date=format_date(screening.screened_on),
                    status=label(status) if status else "?"))
            self._worker_detail(worker, f"{name}: " + " · ".join(parts))
            return
        fields = getattr(self.app, "sync_conflicts", {}).get(worker.id)
        if fields is not None:
            labels = [Worker.field_label(f) if f else _("removed elsewhere") for f in fields]
            name = _("{name}: ⚠ {fields} changed at two sites, decide on Today").format(
                name=name, fields=", ".join(labels))
        glance = self.after_glance(worker)  # their legal matters and money (after.py)
        closed = self.worker_closing(worker)  # closed when, why (closing.py)
        checkin = self.checkin_glance(worker)  # home: the next check-in due (checkins.py)
        line = " · ".join(p for p in (name, closed, checkin, glance) if p)
        self._worker_detail(worker, line)

    def _worker_detail(self, worker: Worker, line: str) -> None:
        """The line under the workers; below it, a name in a script that does not fit a row
        (`fits_a_row`) as it is written, with nothing to its right to push out of place."""
        detail = self.query_one("#worker-detail", Static)
        if fits_a_row(worker.full_name):
            detail.update(line)
        else:
            # The first line cut to the width (its legal matters and money may make it long),
            # so that the name as written keeps its own line.
            first = Text(line, no_wrap=True, overflow="ellipsis")
            first.truncate(max(10, self.size.width - 2), overflow="ellipsis")
            detail.update(Text.assemble(first, "\n", printable(worker.full_name, limit=60),
                                        no_wrap=True, overflow="ellipsis"))

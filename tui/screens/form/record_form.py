"""A form for one record: keyboard only, `ctrl+s` saves, `escape` asks before discarding.

The form never loses what was typed: a refused save leaves every widget as it was and shows each
reason beside its field. Validation is the domain's (`store.domain.records.build`); the form only
collects what the widgets hold. A save refused because another officer changed or removed the
record meanwhile shows both versions (`tui.dialogs.conflict`, through `both_versions`) and
lets the officer choose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar, Generic, get_args

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from store import N_, Conflict, PulangError, RecordInvalid, RuleRefused, _
from store.domain import all_countries, build, editable, printable
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.form.both_versions import ShowsBothVersions
from tui.screens.form.fields import CountryInput, FieldSpec, PickField, R
from tui.translate import TranslatedBindings
from tui.widgets import CheckBox, ChoiceList, DateInput, TextInput


class RecordForm(TranslatedBindings, ShowsBothVersions[R], Screen[R | None], Generic[R]):
    """Edit one record. Subclasses name the record type, the fields and how to save."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save"),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]
    HELP = N_(
        "Fill in the fields and press Ctrl+S to save. Tab and Shift+Tab move between fields; "
        "Enter in a one-line field moves to the next one. In a list of choices, Space ticks an "
        "item. Fields marked * are required. Dates are written DD/MM/YYYY, or counted from "
        "today: +2 (in two days), -3 (three days ago), +1w (in a week), today, tomorrow, "
        "yesterday, hari ini, besok, kemarin, lusa; the line under the field shows the day "
        "meant, and leaving the field writes it in. If something cannot be saved, the reason "
        "appears in red, under the field (the cursor stays in its field if that one is refused, "
        "else goes to the first refused; the bottom line names them all) or, when the disk or "
        "the database is the cause, at the bottom; everything you typed stays and Ctrl+S tries "
        "again. "
        "Escape asks before throwing changes away. If another officer saved this record after "
        "you opened it, nothing is overwritten: both versions are shown side by side and you "
        "choose."
    )

    record_type: type[R]
    draft_kind: ClassVar[str] = ""  # names the form in a draft kept while the app is locked

    def __init__(self, record: R | None, title: str) -> None:
        super().__init__()
        self.record = record
        self.form_title = title
        self.specs = self.fields()
        self._initial: dict[str, Any] = {}
        self._saving = False
        self._attempt: R | None = None  # the record the last save tried to write
        # What was typed before the app locked: put back into the widgets once they exist.
        self.restore_values: dict[str, Any] | None = None
        self.restore_focus: str | None = None  # the field the cursor was in

    # -- what subclasses provide ------------------------------------------------------------

    def fields(self) -> list[FieldSpec]:
        raise NotImplementedError

    def defaults(self) -> dict[str, Any]:
        """Widget values a new record starts with."""
        return {}

    def values_of(self, record: R) -> dict[str, Any]:
        """The widget values that show `record`: text for text fields, values for choices."""
        raise NotImplementedError

    def initial_values(self) -> dict[str, Any]:
        """Widget values to start with: text for text fields, values for choices."""
        return self.defaults() if self.record is None else self.values_of(self.record)

    def base_data(self) -> dict[str, Any]:
        """What the record holds beyond the form's fields (id, version, links)."""
        return self.record.model_dump() if self.record is not None else {}

    def persist(self, record: R) -> R:
        raise NotImplementedError

    def refused_by_rule(self, error: RuleRefused, record: R) -> bool:
        """A rule of the domain refused to save `record`. Return True when the form deals with
        it (asks the officer, then saves again with `save_with`, or stays as it is); False
        shows the rule's message at the bottom of the form, everything typed kept."""
        return False

    # -- building the widgets ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        values = self.initial_values()
        # Fields a sync left changed at two sites: marked until someone decides (on Today).
        marked = getattr(self.app, "sync_conflicts", {}).get(
            self.record.id if self.record is not None else "", [])
        if marked:
            yield Static(_("⚠ marks a field changed at two sites while apart: what it shows is "
                           "the hub's choice until someone decides, on Today."),
                         id="form-conflict", markup=False, classes="field-hint")
        with VerticalScroll(id="form"):
            for spec in self.specs:
                label = self._label(spec) + (" *" if spec.required else "")
                if spec.name in marked:
                    label = "⚠ " + label
                with Horizontal(classes=f"field-row field-{spec.kind}"):
                    yield Label(label, classes="field-label", id=f"l-{spec.name}")
                    yield self._widget(spec, values.get(spec.name))
                if spec.hint or spec.live_hint:
                    yield Static(spec.hint, id=f"h-{spec.name}", markup=False,
                                 classes="field-hint live-hint" if spec.live_hint else "field-hint")
                if self._date_kind(spec) is not None:  # what "+2" or "besok" means
                    yield Static("", classes="field-hint date-echo", id=f"d-{spec.name}",
                                 markup=False)
                yield Static("", classes="field-error", id=f"e-{spec.name}", markup=False)
        # Why the last save failed (disk full, database busy…), until the next attempt.
        yield Static("", id="form-status", markup=False)
        yield Footer()

    def _label(self, spec: FieldSpec) -> str:
        return spec.label or self.record_type.field_label(spec.name)

    def _widget(self, spec: FieldSpec, value: Any) -> Widget:
        wid = f"f-{spec.name}"
        if spec.kind == "area":
            area = TextArea(editable(str(value or ""), multiline=True), id=wid, soft_wrap=True,
                            tab_behavior="focus", compact=True)
            area.show_line_numbers = False
            return area
        if spec.kind == "select":
            return Select(
                spec.options,
                value=value if value is not None else Select.NULL,
                allow_blank=not spec.required,
                prompt=_("(not set)"),
                id=wid,
                compact=True,
            )
        if spec.kind == "check":
            return CheckBox(bool(value), id=wid, compact=True)
        if spec.kind == "multi":
            chosen = set(value or [])
            return ChoiceList(
                *[(label, option, option in chosen) for label, option in spec.options],
                id=wid,
                compact=True,
            )
        if spec.kind in ("pick", "picks"):
            assert spec.source is not None
            chosen = [] if value is None else [value] if isinstance(value, str) else value
            return PickField(self.record_type.field_label(spec.name), spec.source,
                             multiple=spec.kind == "picks", chosen=chosen, names=spec.names,
                             id=wid, classes="pick-field")
        if spec.kind == "country":
            return CountryInput(
                editable(str(value or "")), placeholder=spec.placeholder or _(
                    "type a name, or F2 to choose from the list"), id=wid,
                suggester=SuggestFromList([name for name, _code in all_countries()],
                                          case_sensitive=False),
                compact=True, select_on_focus=False)
        if (kind := self._date_kind(spec)) is not None:
            return DateInput(editable(str(value or "")), placeholder=spec.placeholder, id=wid,
                             with_time=kind is dt.datetime, echo=f"d-{spec.name}",
                             compact=True, select_on_focus=False)
        return TextInput(
            editable(str(value or "")), placeholder=spec.placeholder, id=wid,
            compact=True, select_on_focus=False,
        )

    def _date_kind(self, spec: FieldSpec) -> type[dt.date] | None:
        """dt.date or dt.datetime for a text field that holds one, else None."""
        field_info = self.record_type.model_fields.get(spec.name)
        if spec.kind != "text" or field_info is None:
            return None
        types = set(get_args(field_info.annotation)) | {field_info.annotation}
        return dt.datetime if dt.datetime in types else dt.date if dt.date in types else None

    def on_mount(self) -> None:
        self.title = self.form_title
        self._initial = self.values()
        self.set_focus(self.query_one(f"#f-{self.specs[0].name}"))
        if self.restore_values is not None:
            self.fill(self.restore_values)
            self.restore_values = None
        if self.restore_focus and self.query(f"#{self.restore_focus}"):
            self.set_focus(self.query_one(f"#{self.restore_focus}"))
        self.restore_focus = None

    # -- drafts kept while locked -----------------------------------------------------------

    def draft(self) -> dict[str, Any]:
        """What is needed to open this form again as it is now: the record it started from
        (so a later save still notices changes made meanwhile) and what the widgets hold."""
        focused = self.focused.id if self.focused is not None else None
        return {
            "kind": self.draft_kind,
            "record": None if self.record is None else self.record.model_dump(mode="json"),
            "title": self.form_title,
            "values": self.values(),
            "focus": focused,
        }

    def fill(self, values: dict[str, Any]) -> None:
        """Put values back into the widgets (a draft restored after unlocking)."""
        for spec in self.specs:
            if spec.name not in values:
                continue
            value = values[spec.name]
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, PickField):
                widget.set_value(value)
            elif isinstance(widget, TextArea):
                widget.text = str(value or "")
            elif isinstance(widget, Select):
                # Choice values come back as plain text: find the option they stand for.
                option = next((v for _label, v in spec.options if v == value), None)
                widget.value = Select.NULL if option is None else option
            elif isinstance(widget, Checkbox):
                widget.value = bool(value)
            elif isinstance(widget, SelectionList):
                wanted = set(value or [])
                widget.deselect_all()
                for _label, option in spec.options:
                    if option in wanted:
                        widget.select(option)
            elif isinstance(widget, Input):
                widget.value = str(value or "")

    # -- reading the widgets ----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.specs:
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, PickField):
                result[spec.name] = widget.value
            elif isinstance(widget, TextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, Select):
                result[spec.name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Checkbox):
                result[spec.name] = widget.value
            elif isinstance(widget, SelectionList):
                result[spec.name] = list(widget.selected)
            elif isinstance(widget, Input):
                result[spec.name] = widget.value
        return result

    @property
    def is_dirty(self) -> bool:
        return self.values() != self._initial

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- saving -----------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each refused field's reason in red under it. The cursor stays in the field it was
        in when that one is refused too, else goes to the first refused; either way its red
        line is scrolled into view."""
        first: Widget | None = None
        for spec in self.specs:
            message = errors.get(spec.name, "")
            error = self.query_one(f"#e-{spec.name}", Static)
            error.update(printable(message))
            error.set_class(bool(message), "shown")
            self.query_one(f"#f-{spec.name}").set_class(bool(message), "invalid")
            if message and first is None:
                first = self.query_one(f"#f-{spec.name}")
        unplaced = {k: v for k, v in errors.items() if k not in {s.name for s in self.specs}}
        if unplaced:
            self.notify(printable("; ".join(unplaced.values())), severity="error", markup=False)
        focused = self.focused
        if focused is not None and focused.has_class("invalid"):
            first = focused
        if first is not None:
            self.set_focus(first)
            # The field and its reason, below it, both in view.
            self.query_one(f"#e-{(first.id or '').removeprefix('f-')}").scroll_visible()
            first.scroll_visible()

    def action_save(self) -> None:
        if self._saving:
            return
        record = self.validated()
        if record is not None:
            self.save_with(record, lambda: self.persist(record))

    def validated(self) -> R | None:
        """The record the widgets hold, its fields' red messages of an earlier attempt gone;
        or None, each refused field marked (and nothing else happens)."""
        data = self.base_data()
        data.update(self.values())
        try:
            record = build(self.record_type, data)
        except RecordInvalid as invalid:
            self._refused(invalid)
            return None
        self.show_errors({})
        self._show_status("")
        return record

    def save_with(self, record: R, job: Callable[[], R]) -> None:
        """Save `record` by running `job` (which returns it as saved): off the event loop, so
        the screen keeps answering keys; saved closes the form, refused comes back to it."""
        self._saving = True
        self._attempt = record  # what a rule's refusal is about
        self._show_status("")
        self.sub_title = _("Saving…")
        self.app.run_store(job, self._saved, self._not_saved,  # type: ignore[attr-defined]
                           what=self.record_type.__name__.lower())

    def _refused(self, invalid: RecordInvalid) -> None:
        self.show_errors(invalid.errors)
        refused = [self._label(spec) for spec in self.specs
                   if spec.name in invalid.errors]
        message = _("Not saved: please correct the fields marked in red.")
        if refused:  # said at the bottom too, where it stays: which fields, by name
            message = _("Not saved: correct {fields} (marked in red).").format(
                fields=", ".join(refused))
            self._show_status(message)
        self.notify(message, severity="error", markup=False)

    def _saved(self, saved: R) -> None:
        self._saving = False
        self.show_errors({})
        self.dismiss(saved)

    def _not_saved(self, error: PulangError) -> None:
        self._saving = False
        self.sub_title = ""
        if isinstance(error, RecordInvalid):
            self._refused(error)
        elif isinstance(error, Conflict):
            self._conflicted(error)
        elif (isinstance(error, RuleRefused) and self._attempt is not None
              and self.refused_by_rule(error, self._attempt)):
            return
        else:
            self.not_saved_because(error)

    def not_saved_because(self, error: PulangError | str) -> None:
        """Say at the bottom of the form why it was not saved; what was typed stays."""
        message = printable(
            _("{problem} What you typed is still in the form.").format(problem=error))
        self._show_status(message)
        self.notify(message, title=_("Not saved"), severity="error", timeout=10,
                    markup=False)  # a path or a name in the message may hold brackets

    def _show_status(self, message: str) -> None:
        status = self.query_one("#form-status", Static)
        status.update(message)
        status.set_class(bool(message), "shown")

    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(_("Discard your changes?"), _("Discard"), _("Keep editing")), answered
        )

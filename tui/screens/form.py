"""A form for one record: keyboard only, `ctrl+s` saves, `escape` asks before discarding.

The form never loses what was typed: a refused save leaves every widget as it was and shows each
reason beside its field. Validation is the domain's (`store.records.build`); the form only
collects what the widgets hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, Select, SelectionList, Static, TextArea

from store.countries import all_countries
from store.errors import PulangError, RecordInvalid
from store.i18n import N_, _
from store.records import Record, build
from store.text import editable, printable
from tui.screens.dialogs import ConfirmDialog
from tui.translate import TranslatedBindings
from tui.widgets import ChoiceList, TextInput

R = TypeVar("R", bound=Record)

FieldKind = Literal["text", "area", "select", "multi", "country"]


@dataclass
class FieldSpec:
    """One field of a form: the record field it fills and the widget that holds it."""

    name: str
    kind: FieldKind = "text"
    options: list[tuple[Any, Any]] = field(default_factory=list)  # (label, value)
    placeholder: str = ""
    required: bool = False
    hint: str = ""


class RecordForm(TranslatedBindings, Screen[R | None], Generic[R]):
    """Edit one record. Subclasses name the record type, the fields and how to save."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]
    HELP = N_(
        "Fill in the fields and press Ctrl+S to save. Tab and Shift+Tab move between fields; "
        "Enter in a one-line field moves to the next one. In a list of choices, Space ticks an "
        "item. Fields marked * are required. Dates are written DD/MM/YYYY. If something cannot "
        "be saved, the reason appears under the field in red and everything you typed stays. "
        "Escape asks before throwing changes away."
    )

    record_type: type[R]

    def __init__(self, record: R | None, title: str) -> None:
        super().__init__()
        self.record = record
        self.form_title = title
        self.specs = self.fields()
        self._initial: dict[str, Any] = {}
        self._saving = False

    # -- what subclasses provide ------------------------------------------------------------

    def fields(self) -> list[FieldSpec]:
        raise NotImplementedError

    def initial_values(self) -> dict[str, Any]:
        """Widget values to start with: text for text fields, values for choices."""
        raise NotImplementedError

    def base_data(self) -> dict[str, Any]:
        """What the record holds beyond the form's fields (id, version, links)."""
        return self.record.model_dump() if self.record is not None else {}

    def persist(self, record: R) -> R:
        raise NotImplementedError

    # -- building the widgets ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        values = self.initial_values()
        with VerticalScroll(id="form"):
            for spec in self.specs:
                label = self.record_type.field_label(spec.name) + (" *" if spec.required else "")
                with Horizontal(classes=f"field-row field-{spec.kind}"):
                    yield Label(label, classes="field-label", id=f"l-{spec.name}")
                    yield self._widget(spec, values.get(spec.name))
                if spec.hint:
                    yield Static(spec.hint, classes="field-hint", markup=False)
                yield Static("", classes="field-error", id=f"e-{spec.name}", markup=False)
        yield Footer()

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
        if spec.kind == "multi":
            chosen = set(value or [])
            return ChoiceList(
                *[(label, option, option in chosen) for label, option in spec.options],
                id=wid,
                compact=True,
            )
        suggester = None
        if spec.kind == "country":
            suggester = SuggestFromList([name for name, _code in all_countries()],
                                        case_sensitive=False)
        return TextInput(
            editable(str(value or "")), placeholder=spec.placeholder, id=wid,
            suggester=suggester, compact=True, select_on_focus=False,
        )

    def on_mount(self) -> None:
        self.title = self.form_title
        self._initial = self.values()
        self.set_focus(self.query_one(f"#f-{self.specs[0].name}"))

    # -- reading the widgets ----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.specs:
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, TextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, Select):
                result[spec.name] = None if widget.value is Select.NULL else widget.value
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
        if first is not None:
            self.set_focus(first)
            first.scroll_visible()

    def action_save(self) -> None:
        if self._saving:
            return
        data = self.base_data()
        data.update(self.values())
        try:
            record = build(self.record_type, data)
        except RecordInvalid as invalid:
            self._refused(invalid)
            return
        self._saving = True
        self.sub_title = _("Saving…")
        # The durable write runs off the event loop: the screen keeps answering keys.
        self.app.run_store(lambda: self.persist(record), self._saved, self._not_saved,  # type: ignore[attr-defined]
                           what=self.record_type.__name__.lower())

    def _refused(self, invalid: RecordInvalid) -> None:
        self.show_errors(invalid.errors)
        self.notify(_("Not saved: please correct the fields marked in red."), severity="error")

    def _saved(self, saved: R) -> None:
        self._saving = False
        self.show_errors({})
        self.dismiss(saved)

    def _not_saved(self, error: PulangError) -> None:
        self._saving = False
        self.sub_title = ""
        if isinstance(error, RecordInvalid):
            self._refused(error)
        else:
            self.notify(printable(str(error)), title=_("Not saved"), severity="error",
                        timeout=10, markup=False)

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

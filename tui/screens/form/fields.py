"""The fields of a record form: what each field is (`FieldSpec`: the record field it fills and
the kind of widget that holds it), and the two fields that open the picker
(`tui.dialogs.picker`): `PickField`, which holds the chosen ids, and `CountryInput`, a country
typed by name or chosen with F2.

`PickField` shows the names chosen and opens the dialog on Enter or Space; its value is the
chosen ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from store import N_, _
from store.domain import Record, printable
from tui.dialogs.picker import PickerDialog, PickItem
from tui.widgets import TextInput

R = TypeVar("R", bound=Record)

FieldKind = Literal["text", "area", "select", "multi", "country", "check", "pick", "picks"]


@dataclass
class FieldSpec:
    """One field of a form: the record field it fills and the widget that holds it."""

    name: str
    kind: FieldKind = "text"
    options: list[tuple[Any, Any]] = field(default_factory=list)  # (label, value)
    placeholder: str = ""
    required: bool = False
    hint: str = ""
    # A hint line the form's own code fills as the officer types (the worker form's Latin
    # spellings of a name typed in another script): shown only when it has something to say.
    live_hint: bool = False
    # For "pick" (one id) and "picks" (several): the items offered, read when the picker
    # opens, and the names of the ids the record holds now.
    source: Callable[[], Sequence[PickItem]] | None = None
    names: dict[str, str] = field(default_factory=dict)
    # The label of a field the form reads itself (not the record's: a place's map position).
    label: str = ""


class PickField(Static, can_focus=True):
    """A form field holding one or several chosen ids; Enter or Space opens the picker.

    `source` gives the items when the picker opens (read then, so new records show up);
    `names` maps ids to what the field shows for them."""

    BINDINGS = [
        Binding("enter,space", "pick", N_("Choose"), id="pickfield.pick"),
        Binding("delete,backspace", "clear", N_("Clear"), show=False, id="pickfield.clear"),
    ]

    class Changed(Message):
        def __init__(self, field: PickField) -> None:
            super().__init__()
            self.field = field

    def __init__(self, title: str, source: Callable[[], Sequence[PickItem]], *,
                 multiple: bool = False, chosen: Sequence[str] = (),
                 names: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.picker_title = title
        self.source = source
        self.multiple = multiple
        self.chosen: list[str] = list(chosen)
        self.names: dict[str, str] = dict(names or {})

    def on_mount(self) -> None:
        self._show()

    @property
    def value(self) -> list[str] | str | None:
        if self.multiple:
            return list(self.chosen)
        return self.chosen[0] if self.chosen else None

    def set_value(self, value: list[str] | str | None) -> None:
        if value is None:
            self.chosen = []
        elif isinstance(value, str):
            self.chosen = [value]
        else:
            self.chosen = list(value)
        self._show()

    def _show(self) -> None:
        if not self.chosen:
            self.update(_("(none: Enter to choose)"))
            return
        shown = [self.names.get(i, _("(removed)")) for i in self.chosen]
        self.update(printable("; ".join(shown), limit=200))

    def action_pick(self) -> None:
        items = list(self.source())
        self.names.update({item.id: item.label for item in items})

        def picked(ids: list[str] | None) -> None:
            if ids is None:
                return
            self.chosen = ids
            self._show()
            self.post_message(self.Changed(self))

        self.app.push_screen(PickerDialog(self.picker_title, items, multiple=self.multiple,
                                          chosen=self.chosen), picked)

    def action_clear(self) -> None:
        if self.chosen:
            self.chosen = []
            self._show()
            self.post_message(self.Changed(self))


def country_items() -> list[PickItem]:
    """Every ISO 3166-1 country, named in the user's language, findable by its English name
    and its codes too."""
    from store.domain import all_countries, country_name

    return [PickItem(code, name, code, (country_name(code, "en"), code))
            for name, code in all_countries()]


class CountryInput(TextInput):
    """A country typed by name (completed as it is typed), or chosen from the list with F2."""

    BINDINGS = [
        Binding("f2", "choose", N_("Choose country"), id="country.choose"),
    ]

    def action_choose(self) -> None:
        from store.domain import country_code

        def picked(ids: list[str] | None) -> None:
            if ids:
                from store.domain import country_name

                self.value = country_name(ids[0])
                self.cursor_position = len(self.value)

        current = country_code(self.value) if self.value.strip() else None
        self.app.push_screen(PickerDialog(_("Country"), country_items(),
                                          chosen=[current] if current else []), picked)

"""Choosing records of the directory (or any list) by typing part of a name: the one picker,
for every choice from a list.

`PickerDialog` lists items under a filter line: typing narrows the list, matching every
spelling of a name and tolerating spelling differences (`store.domain.matching.matches_query`);
Enter or Down moves into the list. With one choice, Enter picks the item under the cursor; with
several, Space ticks and Enter confirms. Escape leaves without changing anything.

The form field that holds the choice and opens this dialog is `PickField`
(`tui.screens.form.fields`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, _
from store.domain import matches_query, printable
from tui.translate import TranslatedBindings
from tui.widgets import ChoiceList, CursorOptionList, TextInput

# Items shown at most under the filter (all are searched).
_MOST_SHOWN = 300


@dataclass(frozen=True)
class PickItem:
    """One thing that can be chosen: its id, what the list shows, and every name it goes by."""

    id: str
    label: str
    detail: str = ""
    spellings: Sequence[str] = field(default_factory=tuple)

    def matches(self, query: str) -> bool:
        if not query.strip():
            return True
        return matches_query(query, [self.label, *self.spellings, self.detail])

    def shown(self) -> str:
        text = printable(self.label, limit=60)
        return f"{text} · {printable(self.detail, limit=40)}" if self.detail else text


class PickerDialog(TranslatedBindings, ModalScreen[list[str] | None]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="picker.cancel"),
        Binding("f1", "app.help", N_("Help"), id="picker.help"),
        Binding("ctrl+s", "confirm", N_("Done"), id="picker.done"),
        # Before the list's own Enter, which would tick or untick the line once more.
        Binding("enter", "enter", show=False, id="picker.enter", priority=True),
    ]
    HELP = N_(
        "Type part of a name to narrow the list: every spelling of a name is searched, and "
        "small differences of spelling are forgiven. Down or Enter moves into the list. With "
        "one choice, Enter chooses the line under the cursor; with several, Space ticks a line "
        "and Enter (or Ctrl+S) confirms. Escape goes back without changing anything."
    )

    def __init__(self, title: str, items: Sequence[PickItem], *, multiple: bool = False,
                 chosen: Sequence[str] = ()) -> None:
        super().__init__()
        self.dialog_title = title
        self.items = list(items)
        self.multiple = multiple
        self.chosen: list[str] = list(chosen)
        self._chosen_before = list(chosen)

    @property
    def is_dirty(self) -> bool:
        """Ticks changed, not yet confirmed (Ctrl+Q asks first)."""
        return self.multiple and set(self.chosen) != set(self._chosen_before)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog"):
            yield Label(printable(self.dialog_title), id="picker-title", markup=False)
            yield TextInput(placeholder=_("type to filter"), id="picker-filter", compact=True,
                            select_on_focus=False)
            if self.multiple:
                yield ChoiceList(id="picker-list", compact=True)
            else:
                yield CursorOptionList(id="picker-list", compact=True)
            yield Static("", id="picker-count", markup=False)
            keys = (_("Space ticks · Enter confirms · Escape cancels") if self.multiple
                    else _("Enter chooses · Escape cancels"))
            yield Label(keys, id="picker-keys")

    def on_mount(self) -> None:
        self._refill("")
        self.set_focus(self.query_one("#picker-filter", Input))

    def _shown_items(self, query: str) -> list[PickItem]:
        found = [item for item in self.items if item.matches(query)]
        if self.multiple:  # ticked ones stay in the list, whatever the filter
            ids = {item.id for item in found}
            found = [i for i in self.items if i.id in self.chosen and i.id not in ids] + found
        return found

    def _refill(self, query: str) -> None:
        found = self._shown_items(query)
        shown = found[:_MOST_SHOWN]
        if self.multiple:
            choices = self.query_one("#picker-list", ChoiceList)
            choices.clear_options()
            choices.add_options([(Text(item.shown()), item.id, item.id in self.chosen)
                                 for item in shown])
            if shown:  # Space ticks the first line straight away
                choices.highlighted = 0
        else:
            options = self.query_one("#picker-list", OptionList)
            options.clear_options()
            options.add_options([Option(Text(item.shown()), id=item.id) for item in shown])
            if shown:
                options.highlighted = 0
        count = _("{shown} of {total}").format(shown=len(found), total=len(self.items))
        if len(found) > len(shown):
            count += " · " + _("type more to see the rest")
        self.query_one("#picker-count", Static).update(count)

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._refill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _into_list(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.query_one("#picker-list"))

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key == "down" and self.focused is self.query_one("#picker-filter"):
            self.set_focus(self.query_one("#picker-list"))
            getattr(event, "stop")()

    @on(OptionList.OptionSelected, "#picker-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.multiple and event.option.id is not None:
            self.dismiss([event.option.id])

    @on(ChoiceList.SelectedChanged, "#picker-list")
    def _ticked(self, event: ChoiceList.SelectedChanged) -> None:
        event.stop()
        choices = self.query_one("#picker-list", ChoiceList)
        visible = {choices.get_option_at_index(i).value for i in range(choices.option_count)}
        ticked = set(choices.selected)
        kept = [c for c in self.chosen if c not in visible or c in ticked]
        self.chosen = kept + [v for v in choices.selected if v not in kept]

    def action_enter(self) -> None:
        """Enter in a list of several choices confirms them (the list would take it as one
        more tick); anywhere else it does what it does there."""
        if self.multiple and self.focused is self.query_one("#picker-list"):
            self.action_confirm()
            return
        raise SkipAction()

    def action_confirm(self) -> None:
        if self.multiple:
            self.dismiss(list(self.chosen))
            return
        options = self.query_one("#picker-list", OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id is not None:
                self.dismiss([option.id])

    def action_cancel(self) -> None:
        self.dismiss(None)

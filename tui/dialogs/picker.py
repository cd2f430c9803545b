"""Choosing records of the directory (or any list) by typing part of a name: the one picker,
for every choice from a list.

`PickerDialog` lists items under a filter line: typing narrows the list, matching every
spelling of a name and tolerating spelling differences (`store.domain.matching.matches_query`);
Enter or Down moves into the list. With one choice, Enter picks the item under the cursor; with
several, Space ticks and Enter confirms. Escape leaves without changing anything. A short fixed
list (the screening page's choices) comes without the filter line (`filter=False`): the list has
the focus at once, its cursor on the current value. The line under the cursor starts with ›, not
only a colour.

The form field that holds the choice and opens this dialog is `PickField`
(`tui.screens.form.fields`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, _
from store.domain import matches_query, printable
from tui.translate import TranslatedBindings
from tui.widgets import ChoiceList, CursorOptionList, TextInput, still_listed

# Items shown at most under the filter (all are searched).
_MOST_SHOWN = 300

POINTER = "›"  # marks the line under the cursor in characters, for terminals without colour


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


# j and k move as in every other list (the filter line, when there is one, takes letters).
_J_AND_K = [Binding("j", "cursor_down", N_("Down"), show=False, id="picker.down"),
            Binding("k", "cursor_up", N_("Up"), show=False, id="picker.up")]


class PointedOptionList(CursorOptionList):
    """An option list whose highlighted option starts with ›, not only a colour (its options
    start with two blanks to make room for it)."""

    BINDINGS = _J_AND_K

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return strip
        if index != self.highlighted or offset or strip.cell_length < 2:
            return strip
        style = next(iter(strip)).style
        return Strip([Segment(POINTER, style), *strip.crop(1)], strip.cell_length)


class PointedChoiceList(ChoiceList):
    """A list of ticks whose highlighted item starts with ›, not only a colour; Space ticks
    the item it was pressed on, even when keys typed in a burst have moved the cursor on, and
    Enter confirms the ticks (handled, like Space, in the order the keys came)."""

    # Instead of the list's own Enter, which would tick or untick the line once more.
    BINDINGS = [Binding("enter", "screen.confirm", show=False), *_J_AND_K]

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Tick the item Space was pressed on: by now the cursor may have moved on (Textual
        # ticks the one under the cursor when it gets round to it).
        event.stop()
        event.prevent_default()  # instead of SelectionList's own, not as well as
        if still_listed(event):  # else the list was filled again since: see ChoiceList
            self.toggle(self.get_option_at_index(event.option_index))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if (self.scroll_offset.y + y != self.highlighted or len(segments) < 3):
            return strip
        segments[0] = Segment(POINTER, segments[0].style)
        return Strip(segments, strip.cell_length)


class PickerDialog(TranslatedBindings, ModalScreen[list[str] | None]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="picker.cancel"),
        Binding("f1", "app.help", N_("Help"), id="picker.help"),
        Binding("ctrl+s", "confirm", N_("Done"), id="picker.done"),
    ]
    HELP = N_(
        "Where the list has a line to type in, type part of a name to narrow it: every "
        "spelling of a name is searched, and small differences of spelling are forgiven; "
        "Down or Enter moves into the list. With "
        "one choice, Enter chooses the line under the cursor; with several, Space ticks a line "
        "and Enter (or Ctrl+S) confirms. Escape goes back without changing anything."
    )

    def __init__(self, title: str, items: Sequence[PickItem], *, multiple: bool = False,
                 chosen: Sequence[str] = (), filter: bool = True) -> None:
        super().__init__()
        self.dialog_title = title
        self.items = list(items)
        self.multiple = multiple
        # Without a filter line, a short fixed list: its cursor starts on the current value.
        self.filtered = filter
        self.chosen: list[str] = list(chosen)
        self._chosen_before = list(chosen)

    @property
    def is_dirty(self) -> bool:
        """Ticks changed, not yet confirmed (Ctrl+Q asks first)."""
        return self.multiple and set(self.chosen) != set(self._chosen_before)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="" if self.filtered else "fixed"):
            yield Label(printable(self.dialog_title), id="picker-title", markup=False)
            if self.filtered:
                yield TextInput(placeholder=_("type to filter"), id="picker-filter",
                                compact=True, select_on_focus=False)
            if self.multiple:
                yield PointedChoiceList(id="picker-list", compact=True)
            else:
                yield PointedOptionList(id="picker-list", compact=True)
            if self.filtered:
                yield Static("", id="picker-count", markup=False)
            keys = (_("Space ticks · Enter confirms · Escape cancels") if self.multiple
                    else _("Enter chooses · Escape cancels"))
            yield Label(keys, id="picker-keys")

    def on_mount(self) -> None:
        self._refill("")
        if self.filtered:
            self.set_focus(self.query_one("#picker-filter", Input))
            return
        listing = self.query_one("#picker-list", OptionList)
        ids = [item.id for item in self.items]
        if not self.multiple and self.chosen and self.chosen[0] in ids:
            listing.highlighted = ids.index(self.chosen[0])
        self.set_focus(listing)

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
            options.add_options([Option(Text("  " + item.shown()), id=item.id)
                                 for item in shown])
            if shown:
                options.highlighted = 0
        if not self.filtered:
            return
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
        if key == "down" and self.filtered and self.focused is self.query_one("#picker-filter"):
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
        self._take_ticks()

    def _take_ticks(self) -> None:
        """The ticks of the list shown, over the chosen ones the filter hides."""
        choices = self.query_one("#picker-list", ChoiceList)
        visible = {choices.get_option_at_index(i).value for i in range(choices.option_count)}
        ticked = set(choices.selected)
        kept = [c for c in self.chosen if c not in visible or c in ticked]
        self.chosen = kept + [v for v in choices.selected if v not in kept]

    def action_confirm(self) -> None:
        if self.multiple:
            # After the ticks of the Spaces before it, which the list makes a moment later.
            self.query_one("#picker-list", ChoiceList).call_later(self._confirm_ticks)
            return
        options = self.query_one("#picker-list", OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id is not None:
                self.dismiss([option.id])

    def _confirm_ticks(self) -> None:
        self._take_ticks()
        self.dismiss(list(self.chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)

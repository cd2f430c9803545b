"""Widgets shared by several screens."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter
from textual.strip import Strip
from textual.widgets import Checkbox, DataTable, Input, OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from store import N_, _, date_for_input, datetime_for_input, day_and_date
from store.domain import (
    PLACEHOLDER,
    Direction,
    InputProblem,
    LogKind,
    is_relative,
    label,
    parse_date,
    parse_datetime,
    printable,
)
from tui.translate import TranslatedBindings

if TYPE_CHECKING:
    from store.domain import LogEntry

# What must never reach the terminal as text: C0, DEL, C1 (ESC, CSI, BEL, backspace, CR...),
# the line and paragraph separators, and lone surrogates (which cannot even be encoded).
_NEVER_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class FollowsOtherOfficers:
    """For a record's page (a case, a meeting): another officer's change is shown at once
    when the page is in front, else when it comes back from what was over it (a form is
    never redrawn under the officer's typing). `reload()` is the page's; a refusal from the
    store (the record is gone) is said by `reload_failed`."""

    _stale = False

    def others_changed(self, is_current: bool) -> None:
        if is_current:
            self._reload_shown()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._reload_shown()

    def _reload_shown(self) -> None:
        from store import PulangError

        self._stale = False
        try:
            self.reload()  # type: ignore[attr-defined]
        except PulangError as error:
            self.reload_failed(error)

    def reload_failed(self, error: Exception) -> None:
        self.notify(printable(str(error)), severity="error",  # type: ignore[attr-defined]
                    timeout=10, markup=False)


class ControlCharacterFilter(LineFilter):
    """The last guard before the terminal, on every line of every screen: text that still holds
    a control character (one a widget did not show as �) has it dropped, so nothing a record
    holds can move the cursor, clear the screen or send the terminal an escape sequence.

    Rich counts these characters as zero cells wide, so dropping them keeps the layout.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        search = _NEVER_SHOWN.search
        if not any(search(segment.text) for segment in segments if not segment.control):
            return segments
        return [
            segment if segment.control or not search(segment.text)
            else Segment(_NEVER_SHOWN.sub("", segment.text), segment.style)
            for segment in segments
        ]


def cell(text: str, limit: int = 400) -> Text:
    """Record text for one line of a table: printable, never read as markup, cut short."""
    return Text(printable(text, limit=limit), no_wrap=True, overflow="ellipsis", end="")


# Which way a log entry went, in front of its kind in lists: sent to the counterpart, received
# from them, or not known (kept from before Pulang asked; the officer says which on editing).
DIRECTION_MARKS = {Direction.SENT: "→", Direction.RECEIVED: "←", None: "?"}


def log_kind(entry: LogEntry) -> str:
    """An entry's kind with its direction, compact: "→ call", "← message", "? meeting"; a
    note goes neither way and has no mark."""
    if entry.kind is LogKind.NOTE:
        return label(entry.kind)
    return f"{DIRECTION_MARKS[entry.direction]} {label(entry.kind)}"


def direction_words(entry: LogEntry) -> str:
    """The same in words, for a line with room: "sent", "received", "sent or received?"."""
    if entry.kind is LogKind.NOTE:
        return ""
    return label(entry.direction) if entry.direction else _("sent or received?")


class TextInput(Input):
    """A one-line field that shows a control character it holds (pasted, or saved by an older
    version) as �, so the officer can find the one the save refuses; the value keeps it."""

    @property
    def _value(self) -> Text:
        if self.password or not _NEVER_SHOWN.search(self.value):
            return super()._value
        # One character for one, so the cursor and the selection keep their places (Rich's
        # Text would silently drop a carriage return or a backspace and shift them).
        text = Text(_NEVER_SHOWN.sub(PLACEHOLDER, self.value), no_wrap=True, overflow="ignore",
                    end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(_NEVER_SHOWN.sub(PLACEHOLDER, self.value[:position]))

    async def _on_key(self, event: events.Key) -> None:
        """The field's own editing keys (Ctrl+U, Home, Backspace...) in the order they were
        typed. Textual runs a widget's bindings only once the key has gone up to the app,
        after the letters typed behind it in the same burst (slow SSH, a paste) were already
        put in: Ctrl+U then a name deleted the name."""
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)


class DateInput(TextInput):
    """A date, or a date and a time (`with_time`), typed as DD/MM/YYYY or relative to today
    (+2, -1, +1w, today, besok...: `store.domain.parse.relative_date`). While it holds a relative
    date, the Static `echo` names (its id, on the same screen) shows the day it means, "= Tue 8
    Dec 2026"; leaving the field writes that day in it, so what is saved is what is shown."""

    def __init__(self, value: str = "", *, with_time: bool = False, echo: str = "",
                 **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.with_time = with_time
        self.echo = echo

    def meaning(self) -> dt.date | None:
        """The day (a datetime `with_time`) the field's relative text means; None when the
        text is empty, written as a date already, or not a date."""
        if not is_relative(self.value):
            return None
        try:
            return parse_datetime(self.value) if self.with_time else parse_date(self.value)
        except (InputProblem, ValueError, OverflowError):
            return None

    def meant(self) -> str | None:
        """The field's relative date written out as the field takes it, or None."""
        value = self.meaning()
        if isinstance(value, dt.datetime):
            return datetime_for_input(value)
        return None if value is None else date_for_input(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self or not self.echo or not self.is_attached:
            return
        value = self.meaning()
        shown = ""
        if isinstance(value, dt.datetime):
            shown = f"= {day_and_date(value.date())} {value.strftime('%H:%M')}"
        elif value is not None:
            shown = f"= {day_and_date(value)}"
        for echo in self.screen.query(f"#{self.echo}"):
            echo.update(shown)  # type: ignore[attr-defined]
            echo.display = bool(shown)

    def _on_blur(self, event: events.Blur) -> None:
        if (written := self.meant()) is not None:
            self.value = written
            self.cursor_position = len(written)
        super()._on_blur(event)


class RecordTable(TranslatedBindings, DataTable[str]):
    """A table of records, one row each, moved through with arrows or j/k and g/G."""

    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="table.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="table.up"),
        Binding("g", "scroll_top", N_("First"), show=False, id="table.first"),
        Binding("G", "scroll_bottom", N_("Last"), show=False, id="table.last"),
    ]

    def __init__(self, enter_label: str = "", **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        if enter_label:
            # Show what Enter does on this table in the footer (DataTable hides its binding).
            bindings = self._bindings.key_to_bindings  # noqa: SLF001
            bindings["enter"] = [
                Binding("enter", "select_cursor", enter_label, id="table.select")
            ]

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor (a record id), if any."""
        if self.row_count == 0:
            return None
        row_key, _column = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def move_to_key(self, key: str | None) -> None:
        if key is None:
            return
        try:
            self.move_cursor(row=self.get_row_index(key))
        except Exception:  # noqa: BLE001 - the row may be gone after a filter
            pass


def indented(text: Text) -> Padding:
    """A line of a record's page under its section's title, indented as a block: its
    wrapped lines too, not only the first."""
    return Padding(text, (0, 0, 0, 2))


def with_cursor(widget: OptionList, y: int, strip: Strip, focused: bool | None = None) -> Strip:
    """The cursor's line of an option list in reverse video (underlined while the list has
    no focus, unless `focused` says otherwise): Textual draws its highlight in colours only,
    which NO_COLOR and monochrome terminals do not show."""
    line = widget.scroll_offset.y + y
    lines = widget._lines  # noqa: SLF001 - (option index, line of it) for each line shown
    if widget.highlighted is not None and line < len(lines) and \
            lines[line][0] == widget.highlighted:
        # Over the line's own styles (post_style), not under them: the highlighted option's
        # style says reverse=False outright, which would win over a base style.
        active = widget.has_focus if focused is None else focused
        mark = Style(reverse=True) if active else Style(underline=True)
        return Strip(Segment.apply_style(list(strip), post_style=mark), strip.cell_length)
    return strip


def still_listed(event: OptionList.OptionMessage) -> bool:
    """Whether the option a message of a list names is still in that list, at the place it
    was: a message sent before the list was filled again (a filter narrowed by keys typed in
    one burst, as a slow SSH link delivers them) names one that is gone, or that another
    option has taken the place of. Such a message is about nothing the officer sees."""
    options = event.option_list.options
    index = event.option_index
    return 0 <= index < len(options) and options[index] is event.option


class CursorOptionList(OptionList):
    """An option list whose cursor shows without colours (see `with_cursor`)."""

    def render_line(self, y: int) -> Strip:
        return with_cursor(self, y, super().render_line(y))


class ChoiceList(SelectionList[Any]):
    """A list of choices whose ticked items show an X and unticked ones a blank.

    Textual's SelectionList draws an X in every box and tells them apart by colour only, which
    vanishes under NO_COLOR or on a monochrome terminal.

    A highlight or a choice about an option the list no longer holds (it was filled again
    meanwhile, see `still_listed`) is dropped: Textual's SelectionList looks the option up
    again by its place and ended the app with OptionDoesNotExist.
    """

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if not still_listed(event):
            event.stop()
            event.prevent_default()  # SelectionList's own handler, which would crash

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if not still_listed(event):
            event.stop()
            event.prevent_default()  # it would tick whatever is under the cursor now

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 3:
            return strip
        inner = segments[1]
        mark = "X" if selection.value in self.selected else " "
        segments[1] = Segment(mark, inner.style, inner.control)
        return with_cursor(self, y, Strip(segments, strip.cell_length))


class CheckBox(Checkbox):
    """A yes/no box that shows X when ticked and a blank when not, with Yes or No beside it.

    Textual's Checkbox draws an X either way and tells them apart by colour only, which
    vanishes under NO_COLOR. Space (or Enter) toggles it.
    """

    def __init__(self, value: bool = False, **kwargs: Any) -> None:
        super().__init__(self._word(value), value, **kwargs)

    @staticmethod
    def _word(value: bool) -> str:
        return _("Yes") if value else _("No")

    def watch_value(self) -> None:
        super().watch_value()
        if hasattr(self, "_label"):  # not while Checkbox.__init__ sets the first value
            self.label = self._word(self.value)

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button

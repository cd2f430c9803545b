"""Lists to move through and choose from: the cursor's line shown without colours, and
messages about an option the list no longer holds told apart."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist


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

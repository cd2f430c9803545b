"""Today's last part, "Coming up within N days": next steps, step deadlines, hearings and tasks
due after the week and within $PULANG_TODAY_DAYS (30 by default), soonest first; the first
FOLDED lines, and a line to show the others (+, or Enter on it), unless unfolded.

A mix-in of `tui.screens.today.TodayScreen` (kept apart: that module is full); it draws each
kind of line as its own part of Today does, with "in N days" where the mark goes.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets.option_list import Option

from store import _, format_date
from store.domain import WEEK, Deadline, FollowUp, Hearing
from tui.widgets.caselist import fit
from tui.widgets.today_list import deadline_text, key_of, task_source

# Lines of "coming up" shown while it is folded (a line below says how many more, and how to
# show them).
FOLDED = 5
UNFOLD = "coming:more"  # the id of that line


class ComingUpOnToday:
    """Today's "coming up" (see the module's doc)."""

    unfolded = False  # every line of "coming up" shown

    def coming_up_section(self, title: Any, row: Any, options: list[Option], mark_width: int,
                          ref_width: int, rest: int, most: int) -> None:
        """The part of what is due after the week, within the window: the first FOLDED lines
        and a line to show the others, unless unfolded; `most` lines at most."""
        screen: Any = self
        view = screen.view
        if view.days <= WEEK:  # the window ends with the week: nothing can come up
            return
        title(_("Coming up within {days} days").format(days=view.days), len(view.coming_up))
        shown = view.coming_up if self.unfolded else view.coming_up[:FOLDED]
        for coming in shown[:most]:
            item = coming.item
            when = Text(fit(_("in {days} days").format(days=(coming.due - view.day).days),
                            mark_width))
            date = (format_date(coming.due), screen.date_width)
            key = key_of(item)
            if isinstance(item, FollowUp):
                row(key, item.case_id, {"entry": item.entry_id}, when, date,
                    (item.ref, ref_width), (item.next_step, rest))
            elif isinstance(item, Deadline):
                row(key, item.case_id, {"worker": item.worker_id, "step": item.step}, when, date,
                    (item.ref, ref_width), (deadline_text(item), rest))
            elif isinstance(item, Hearing):
                options.append(screen.hearing_line(item, when, ref_width, rest))
            else:
                screen.records[key] = task_source(item)
                line = Text(no_wrap=True, overflow="ellipsis", end="")
                line.append(when)
                what = " · ".join(x for x in (item.text, item.owner or _("nobody yet"),
                                              item.source) if x)
                kind = _("meeting") if item.meeting_id else _("agreement")
                for text, cell_width in (date, (kind, ref_width), (what, rest)):
                    line.append(" " + fit(text, cell_width))
                options.append(Option(line, id=key))
        hidden = len(view.coming_up) - FOLDED
        if hidden > 0:
            options.append(Option(Text(
                _("{count} more: + or Enter shows them all").format(count=hidden)
                if not self.unfolded else _("+ or Enter shows only the first {count}").format(
                    count=FOLDED), style="italic"), id=UNFOLD))
        if self.unfolded and len(view.coming_up) > most:
            options.append(Option(Text(_("… and {count} more: see each case").format(
                count=len(view.coming_up) - most)), disabled=True))

    def action_unfold(self) -> None:
        """Show every line of "coming up", or only the first few again."""
        screen: Any = self
        view = screen.view
        if view is None or len(view.coming_up) <= FOLDED:
            return
        self.unfolded = not self.unfolded
        screen.render_view()
        # Unfolded: on the first line that was hidden; folded again: on the line to unfold.
        first_hidden = view.coming_up[FOLDED].item
        screen.query_one("#today").cursor_to(UNFOLD if not self.unfolded
                                             else key_of(first_hidden))


__all__ = ["FOLDED", "UNFOLD", "ComingUpOnToday"]

"""Today's list, the list of lines most pages use: section titles that cannot take the cursor,
j/k and g/G to move, the cursor's line in reverse video, Enter shown in the footer; and the
same list without its Enter, for the lines a dialog answers with y and n."""

from __future__ import annotations

from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from store import N_, _, ngettext
from store.domain import (
    Awaiting,
    Deadline,
    FollowUp,
    Hearing,
    LegalKind,
    RequestState,
    TaskDue,
    Today,
    label,
)
from tui.translate import TranslatedBindings
from tui.widgets.lists import with_cursor


class TodayList(TranslatedBindings, OptionList):
    """The rows of Today, section titles included (those cannot take the cursor)."""

    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="today.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="today.up"),
        Binding("g", "first", N_("First"), show=False, id="today.first"),
        Binding("G", "last", N_("Last"), show=False, id="today.last"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        # Show what Enter does in the footer (OptionList hides its binding).
        self._bindings.key_to_bindings["enter"] = [  # noqa: SLF001
            Binding("enter", "select", _("Open"), id="today.open")
        ]

    def first_line(self) -> int | None:
        """The first line that can take the cursor (section titles cannot)."""
        return next((i for i in range(self.option_count)
                     if not self.get_option_at_index(i).disabled), None)

    def cursor_to(self, key: str | None) -> int | None:
        """The cursor on the line with id `key`, else (gone, or none asked for) on the first
        line that can take it; the top of the list shown when the cursor is near it."""
        index = None
        if key is not None:
            try:
                index = self.get_option_index(key)
            except OptionDoesNotExist:  # that line is gone (done, changed, removed)
                index = None
        if index is None:
            index = self.first_line()
        self.highlighted = index
        if index is not None and index <= 1:
            self.scroll_home(animate=False)
        return index

    def render_line(self, y: int) -> Strip:
        """The cursor's line in reverse video, as in the cases list (see `with_cursor`)."""
        return with_cursor(self, y, super().render_line(y))


class OfferList(TodayList):
    """The lines of `LinkDialog`: Today's list (the cursor's line in reverse video), without
    its Enter: y and n answer here."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._bindings.key_to_bindings.pop("enter", None)  # noqa: SLF001


# What Today's lines say and where they lead.
def deadline_text(d: Deadline) -> str:
    """A step deadline's line: whose step, and which."""
    return d.worker + " · " + _(d.step_label)


def awaiting_text(a: Awaiting) -> str:
    """A partner awaited's line: who, and for a request its state (sent: unanswered since the
    date shown; accepted: due since then)."""
    who = a.counterpart or _("(no counterpart named)")
    if a.state == RequestState.ACCEPTED.value:
        return who + " · " + _("accepted, past its due date")
    if a.state:
        return who + " · " + _("request unanswered")
    return who


def hearing_text(h: Hearing, what: bool = True, worker: bool = True) -> str:
    """A hearing's or legal deadline's line: whose, the kind of matter and what is due (as the
    officer wrote it), in its week's part and in "coming up" alike; without what is due, or
    without the worker, for a line that holds those apart."""
    try:
        kind = label(LegalKind(h.kind))
    except ValueError:  # a kind of a later version's, read from a newer site
        kind = h.kind
    return " · ".join(x for x in (h.worker if worker else "", kind, h.what if what else "")
                      if x)


def task_source(t: TaskDue) -> tuple[str, str]:
    """Where Enter on a task goes: its meeting's or agreement's page (kind, record id)."""
    return ("meeting", t.meeting_id) if t.meeting_id else ("agreement", t.agreement_id or "")


def key_of(item: FollowUp | Deadline | TaskDue | Hearing) -> str:
    """The id of an item's line in the list, in its week's part or in "coming up"."""
    if isinstance(item, FollowUp):
        return f"f:{item.entry_id}"
    if isinstance(item, Deadline):
        return f"d:{item.worker_id}:{item.step}"
    if isinstance(item, Hearing):
        return f"h:{item.matter_id}"
    return f"t:{item.task_id}"


def today_counts(view: Today, inquiries: int = 0, signs: int = 0, checkins: int = 0) -> str:
    """The line of counts at the top of Today (two or three lines at 80 columns: the words
    short); `inquiries`: the family inquiries waiting to be confirmed, `signs`: the workers
    showing signs of re-recruitment, `checkins`: the check-ins after return due (found apart
    from the view: each counted once there are some; signs first, as their part is).
    Hearings stand for legal deadlines too, as in their part."""
    due_this_week = sum(1 for f in view.follow_ups if f.due >= view.day)
    return " · ".join([
        *([ngettext("⚠ {count} worker with signs of re-recruitment",
                    "⚠ {count} workers with signs of re-recruitment",
                    signs).format(count=signs)] if signs else []),
        _("{count} overdue").format(count=view.overdue),
        _("{count} due this week").format(count=due_this_week),
        *([ngettext("{count} family inquiry", "{count} family inquiries",
                    inquiries).format(count=inquiries)] if inquiries else []),
        ngettext("{count} step deadline", "{count} step deadlines",
                 len(view.deadlines)).format(count=len(view.deadlines)),
        ngettext("{count} hearing", "{count} hearings",
                 len(view.hearings)).format(count=len(view.hearings)),
        _("{count} awaiting reply").format(count=len(view.awaiting)),
        ngettext("{count} task", "{count} tasks", len(view.tasks)).format(
            count=len(view.tasks)),
        *([ngettext("{count} check-in due", "{count} check-ins due",
                    checkins).format(count=checkins)] if checkins else []),
        *([ngettext("{count} case to anonymise", "{count} cases to anonymise",
                    len(view.keeping)).format(count=len(view.keeping))]
          if view.keeping else []),
        _("{count} coming up").format(count=len(view.coming_up)),
        _("{count} without screening or consent").format(count=view.missing_count),
    ])

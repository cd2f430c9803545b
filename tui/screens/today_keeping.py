"""Today's section "To be anonymised" (issue 35): each closed case within a month of the day it
is anonymised, the union's period after its closing ("anonymised on 2027-01-05, 24 months after
closing"), and each held past that day, saying why ("held: a legal matter is open"). Enter
opens the case. The rows are the store's (`Database.keeping`, in `Today.keeping`).

A mix-in of `tui.screens.today.TodayScreen` (kept apart: that module is full).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.widgets.option_list import Option

from store import _, format_date


def keeping_text(item: Any) -> str:
    """What a line says of a case to be anonymised, or held."""
    if item.held:
        from store.domain import held_words

        return _("held: {why}").format(why=held_words(item.held))
    return _("anonymised on {date}, {months} months after closing").format(
        date=format_date(item.due), months=item.months)


class KeepingOnToday:
    """Today's section of closed cases near the day they are anonymised (see the module)."""

    def keeping_section(self, title: Callable[[str, int], None], row: Callable[..., None],
                        options: list[Option], mark: Callable[[bool, str], Text],
                        ref_width: int, rest: int, most: int) -> None:
        screen: Any = self
        view = screen.view
        title(_("To be anonymised"), len(view.keeping))
        for item in view.keeping[:most]:
            # The day is in the text: the date's column goes to it (80 columns hold it all).
            days = (item.due - view.day).days
            said = _("held") if item.held else (_("in {days} days").format(days=days)
                                                if days > 0 else "")
            row(f"k:{item.case_id}", item.case_id, {}, mark(False, said),
                (item.ref, ref_width), (keeping_text(item), rest + screen.date_width + 1))
        if len(view.keeping) > most:
            options.append(Option(Text(_("… and {count} more: see each case").format(
                count=len(view.keeping) - most)), disabled=True))

    def help_more(self) -> str:
        """F1's paragraph on the section, after Today's own help (then another part's)."""
        own = _(
            "To be anonymised: closed cases within a month of the day they are anonymised, "
            "{months} months after closing (the union's closing file sets the period: UU "
            "27/2022 asks that personal data be kept only as long as its purpose needs; a "
            "closed case's purpose runs on for the year of check-ins after return and the time "
            "in which a re-recruited worker's case is most often reopened, and 24 months "
            "covers both). Pulang anonymises a case on its day, when the app opens: its "
            "people's names, contacts, documents and notes go for good, its counts stay. A "
            "case is held, not anonymised, while a legal matter of its workers is open (a court "
            "may still need it). Enter opens the case."
        ).format(months=_months())
        other = getattr(super(), "help_more", None)
        more = other() if callable(other) else ""
        return f"{own}\n\n{more}" if more else own


def _months() -> int:
    from store.domain import keeping_months

    return keeping_months()


__all__ = ["KeepingOnToday", "keeping_text"]

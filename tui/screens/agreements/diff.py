"""What changed between two draft versions of an agreement, unified or side by side; the
versions compared can be chosen.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from store import N_, _, format_date
from store.domain import Agreement, DraftVersion, printable
from tui.dialogs.picker import PickerDialog, PickItem
from tui.screens.agreements.differences import (
    ADDED,
    REMOVED,
    side_rows,
    side_text,
    unified_lines,
    unified_text,
)
from tui.translate import TranslatedBindings


class DiffScreen(TranslatedBindings, Screen[None]):
    """What changed between two versions: unified (one column), or side by side."""

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="diff.back"),
        Binding("s", "toggle_side", N_("Side by side"), id="diff.side"),
        Binding("c", "choose", N_("Choose versions"), id="diff.choose"),
        Binding("f1", "app.help", N_("Help"), id="diff.help"),
    ]
    HELP = N_(
        "What changed from one draft version to another. In one column, lines removed start "
        "with -, lines added with +, and unchanged lines around them with a space; @@ marks "
        "where each stretch of changes begins (its line numbers in each version). With "
        "colours, added lines are green and removed ones red. s shows the two versions side "
        "by side instead: the earlier on the left, the later on the right, changed lines "
        "marked - and +; s again goes back to one column. c chooses the two versions to "
        "compare. Arrows, Page Up and Page Down scroll. Escape goes back."
    )

    def __init__(self, agreement: Agreement, old: int, new: int) -> None:
        super().__init__()
        self.agreement = agreement
        self.old, self.new = old, new
        self.side_by_side = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="diff-about", markup=False)
        with VerticalScroll(id="diff-scroll"):
            yield Static("", id="diff-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = printable(self.agreement.title, limit=200)
        self.set_focus(self.query_one("#diff-scroll"))
        self.render_diff()

    def on_resize(self) -> None:
        self.render_diff()

    def _version(self, number: int) -> DraftVersion:
        version = self.agreement.draft(number)
        assert version is not None
        return version

    def render_diff(self) -> None:
        old, new = self._version(self.old), self._version(self.new)
        scroll = self.query_one("#diff-scroll", VerticalScroll)
        width = max(20, (scroll.scrollable_content_region.width or self.size.width) - 1)
        lines = unified_lines(old.text, new.text)
        removed = sum(1 for kind, _line in lines if kind == REMOVED)
        added = sum(1 for kind, _line in lines if kind == ADDED)
        about = _("Version {old} ({old_date}) → version {new} ({new_date}): {removed} lines "
                  "removed, {added} added").format(
            old=old.number, old_date=format_date(old.on), new=new.number,
            new_date=format_date(new.on), removed=removed, added=added)
        if self.side_by_side:
            about += "\n" + _("Side by side: version {old} left, {new} right · s one "
                              "column").format(old=old.number, new=new.number)
        else:
            about += "\n" + _("- removed · + added · s side by side · c other versions")
        self.query_one("#diff-about", Static).update(about)
        body = self.query_one("#diff-body", Static)
        if old.text == new.text:
            body.update(Text(_("The two versions are the same.")))
        elif self.side_by_side:
            body.update(side_text(side_rows(old.text, new.text), width))
        else:
            body.update(unified_text(lines, width))

    def action_toggle_side(self) -> None:
        self.side_by_side = not self.side_by_side
        self.render_diff()
        self.query_one("#diff-scroll", VerticalScroll).scroll_home(animate=False)

    def action_choose(self) -> None:
        items = [PickItem(str(v.number), _("version {number}").format(number=v.number),
                          f"{format_date(v.on)} · {v.note}" if v.note else format_date(v.on))
                 for v in self.agreement.versions]

        def later(ids: list[str] | None, first: int) -> None:
            if not ids:
                return
            second = int(ids[0])
            self.old, self.new = sorted((first, second))
            self.render_diff()

        def earlier(ids: list[str] | None) -> None:
            if not ids:
                return
            first = int(ids[0])
            self.app.push_screen(PickerDialog(_("Compare with which version?"), items),
                                 lambda chosen: later(chosen, first))

        self.app.push_screen(PickerDialog(_("Compare which version?"), items), earlier)

    def action_back(self) -> None:
        self.app.pop_screen()

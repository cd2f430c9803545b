"""The `i` key of Today and the cases list, and the palette's "Intake a list…": with open
intakes, a picker first (resume one of them, its rows decided of all, or a new one); else the
screen that reads a new list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import _, format_date

if TYPE_CHECKING:
    from tui.app import PulangApp

NEW = "new"  # the picker's item for a new list


class IntakeKey:
    """The `i` key's action on Today and the cases list (their own Binding names it: Textual
    takes bindings from its widgets' classes only)."""

    def action_intake(self) -> None:
        app: PulangApp = self.app  # type: ignore[attr-defined]
        app.when_loaded(lambda: start_intake(app))


def start_intake(app: PulangApp) -> None:
    """Resume an open intake or read a new list (see the module's doc)."""
    from tui.dialogs.picker import PickerDialog, PickItem
    from tui.screens.intake.read import IntakeReadScreen
    from tui.screens.intake.triage import TriageScreen

    db = app.db
    if db is None or db.locked:
        return
    opened = db.open_intakes()
    if not opened:
        app.push_screen(IntakeReadScreen())
        return
    items = [PickItem(NEW, _("Read a new list…"))] + [
        PickItem(i.id, i.title, _("{decided} of {rows} rows decided, received {date}").format(
            decided=i.reviewed, rows=len(i.rows), date=format_date(i.received_on)))
        for i in opened]

    def chosen(ids: list[str] | None) -> None:
        if not ids:
            return
        if ids[0] == NEW:
            app.push_screen(IntakeReadScreen())
        else:
            app.push_screen(TriageScreen(ids[0]))

    app.push_screen(PickerDialog(_("Open intakes: resume one, or read a new list"), items,
                                 filter=False, chosen=[opened[0].id]), chosen)

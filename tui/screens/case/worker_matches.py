"""A worker being added is checked against every worker already saved, in any case, before it
is saved: a worker who is not found is registered twice.

The store's matching of people finds them (`Database.match_person`: every spelling and script of
the name, the date of birth or age, sex, nationality, phone and passport); `WorkerMatchesDialog`
lists each with their case, number in it, score and why they match (the likely ones marked),
and the officer chooses: save as a new worker anyway (`s`), link to the worker under the cursor
(`l`: nothing new is saved, the two cases' logs say it, `Database.link_workers`), open theirs,
in their case (Enter or `o`; a form holding typing asks first), or go back to the form
(Escape). Two people may share a name: saving is never refused.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Label
from textual.widgets.option_list import Option

from store import N_, _
from store.db import PersonMatch, field_label
from store.domain import printable
from tui.screens.directory.base import SectionList
from tui.screens.directory.matches import LikelyMatchesDialog


class WorkerMatchesDialog(LikelyMatchesDialog):
    """The workers a new one may be (see the module's doc). Answers ("save", ""), ("open",
    worker id), ("link", worker id) or None (back to the form)."""

    BINDINGS = [
        Binding("l", "link", N_("Link to this worker"), id="worker_matches.link"),
    ]
    HELP = N_(
        "Workers already saved, in this case or another, may be the one you are adding: the "
        "same person under another spelling or script, the same date of birth, phone or "
        "passport. Each line says their case, their number in it, how alike they are (score) "
        "and why; the likely ones are marked. Up and down choose one; l links yours to them: "
        "nothing new is saved, and both cases' logs say it (by case and number, no name). "
        "Enter or o opens their case with the cursor on them (asking first, since the form "
        "holds what you typed). s saves yours as a new worker anyway: two people may share a "
        "name. Escape goes back to the form without saving."
    )

    def __init__(self, name: str, matches: list[PersonMatch]) -> None:
        super().__init__(name, [])
        self.matches = matches

    def heading(self) -> str:
        return _("Already registered?")

    def on_mount(self) -> None:
        self.query_one("#matches-keys", Label).update(
            _("l links · Enter/o opens · s saves as new · Escape back"))
        options = self.query_one(SectionList)
        options.add_options([Option(match_text(match), id=match.worker_id)
                             for match in self.matches])
        options.highlighted = 0
        self.set_focus(options)

    def action_link(self) -> None:
        options = self.query_one(SectionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.dismiss(("link", option.id))


def match_text(match: PersonMatch) -> Text:
    """A worker found, in two lines: their name, case and number in it, the name's field
    that matched and how near it is; then whether likely, the score and why."""
    likeness = match.likeness
    field = field_label("name")
    if likeness.spelling and likeness.spelling != match.name:
        field = _("{field}: {text}").format(field=field_label("other_spelling"),
                                            text=likeness.spelling)
    first = _("{name} · {ref}, worker {number} · {field} · {score}").format(
        name=match.name, ref=match.ref, number=match.number or "?", field=field,
        score=round(likeness.name_score))
    said = _("likely, score {score}") if match.likely else _("possible, score {score}")
    second = _("{said}: {why}").format(said=said.format(score=round(match.score)),
                                       why=", ".join(match.why) or "-")
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(printable(first, limit=120))
    text.append("\n  ")
    text.append(("★ " if match.likely else "") + printable(second, limit=200),
                style="bold" if match.likely else "")
    return text

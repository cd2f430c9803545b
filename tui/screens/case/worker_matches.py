"""A worker being added is checked against every worker already saved, in any case, before it
is saved: a worker who is not found is registered twice.

The store's workers' search finds the likely matches (`Database.similar_workers`: any
spelling of theirs, by the directory's matcher and threshold); `WorkerMatchesDialog` lists
them and the officer chooses, as the directory's forms do: save as a new worker anyway (`s`),
open the one already there, in their case (Enter or `o`; a form holding typing asks first), or
go back to the form (Escape). Two people may share a name: saving is never refused.
"""

from __future__ import annotations

from store import N_, _
from store.db import Found, field_label
from tui.dialogs.picker import PickItem
from tui.screens.directory.matches import LikelyMatchesDialog


class WorkerMatchesDialog(LikelyMatchesDialog):
    """The workers a new one looks like (see the module's doc)."""

    HELP = N_(
        "Workers already saved, in this case or another, have a name much like the one you "
        "are adding: the same person under another spelling, perhaps. Up and down choose one; "
        "Enter or o opens their case with the cursor on them (asking first, since the form "
        "holds what you typed). s saves yours as a new worker anyway: two people may share a "
        "name. Escape goes back to the form without saving."
    )

    def heading(self) -> str:
        return _("Already registered?")


def match_items(found: list[Found]) -> list[PickItem]:
    """The workers found, as the dialog lists them: name, case and number in it; the field
    that matched (and its spelling, when another) and the score."""
    items = []
    for match in found:
        where = _("{name} · {ref}, worker {number}").format(
            name=match.name, ref=match.ref, number=match.number or "?")
        field = field_label(match.field)
        if match.matched != match.name:
            field = _("{field}: {text}").format(field=field, text=match.matched)
        items.append(PickItem(match.worker_id, where, _("{field} · {score}").format(
            field=field, score=round(match.score))))
    return items

"""The case page and the registry: the line among its facts that says what the case is linked
to ("Registry: 2 places, 1 actor, 3 identifiers"), and Shift+R, which offers the handles and
numbers typed in the case for linking (made identifiers of the registry when they are not yet),
shows what is linked already, and links a place (a worker held there, from and until when) or
an actor (its role) of the registry.
"""

from __future__ import annotations

from typing import Any

from store import PulangError, _, format_date, ngettext
from store.domain import (
    Certainty,
    Identifier,
    LogEntry,
    RegistryLink,
    SourceKind,
    build,
    label,
    printable,
)
from tui.dialogs.picker import PickerDialog
from tui.dialogs.registry_links import MentionLine, RegistryLinksDialog
from tui.screens.registry.forms import RegistryLinkForm, actor_items, place_items
from tui.screens.registry.words import Names, certainty, held, seen_in

# Who a log entry's counterpart is, as the source of what it mentions.
_SOURCE_OF = {"police": SourceKind.POLICE, "partner_union": SourceKind.PARTNER,
              "media": SourceKind.NEWS}


class CaseRegistry:
    """Part of `CaseScreen` (a mix-in): the case's links to the registry."""

    def help_more(self) -> str:
        """A paragraph of F1 after the page's own help."""
        return _(
            "The registry: a line among the facts says how many places, actors and identifiers of "
            "the registry (key 7) this case is linked to. Shift+R offers the handles and phone "
            "numbers typed in its log and in its workers' screening answers for linking (y links, "
            "adding one not in the registry yet, alleged; n skips), lists what the case is linked "
            "to (Enter opens it), and links a place (p: the worker held there, from and until "
            "when) or an actor (a: its role)."
        )

    def registry_line(self) -> list[str]:
        db = self.pulang.db
        try:
            links = db.registry_of_case(self.case_id)
        except PulangError:
            return []
        counts = [len({link.place_id for link in links if link.place_id}),
                  len({link.actor_id for link in links if link.actor_id}),
                  len({link.identifier_id for link in links if link.identifier_id})]
        if not any(counts):
            return []
        words = [ngettext("{count} place", "{count} places", counts[0]),
                 ngettext("{count} actor", "{count} actors", counts[1]),
                 ngettext("{count} identifier", "{count} identifiers", counts[2])]
        what = ", ".join(w.format(count=c) for w, c in zip(words, counts, strict=True) if c)
        return [_("Registry: {what} (Shift+R)").format(what=what)]

    def action_registry(self) -> None:
        db = self.pulang.db
        try:
            mentions = db.mentions(self.case_id)
            names = Names(db)
            links = db.registry_of_case(self.case_id)
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            return
        entries = {e.id: e for e in self.entries}
        workers = {w.id: w.name_in_rows for w in self.case_workers}
        lines = []
        for mention in mentions:
            where = (workers.get(mention.worker_id or "", "") if mention.worker_id else
                     _("log entry of {date}").format(date=format_date(
                         entries[mention.entry_id].at.astimezone().date()))
                     if mention.entry_id in entries else "")
            state = "linked" if mention.linked else "known" if mention.known else "new"
            seen = seen_in(len(db.seen_in_cases(mention.known))) if mention.known else ""
            text = " · ".join(x for x in (f"{label(mention.kind)} {mention.value}", where) if x)
            lines.append(MentionLine(text, state, seen, self._link_job(mention, entries)))
        linked = []
        for link in links:
            kind, name = names.target(link.target)
            about = [label(link.role) if link.role else "", names.worker(link.worker_id),
                     held(link) if link.held_from or link.held_to else "", certainty(link)]
            linked.append((f"open:{kind}:{link.target}",
                           " · ".join(x for x in (name, *about) if x)))
        self.app.push_screen(RegistryLinksDialog(lines, linked), self._registry_answered)

    def _link_job(self, mention: Any, entries: dict[str, LogEntry]) -> Any:
        """The job that links a mention to this case (in a thread): the identifier of the
        registry it is, made first (alleged) when it is not one yet."""
        db = self.pulang.db
        entry = entries.get(mention.entry_id or "")
        source = SourceKind.WORKER
        if entry is not None and entry.counterpart_kind is not None:
            source = _SOURCE_OF.get(entry.counterpart_kind.value, SourceKind.WORKER)
        sourced = {"source": source, "certainty": Certainty.ALLEGED}
        if entry is not None:
            sourced.update(reported_by=entry.recorded_by,
                           reported_on=min(entry.at.astimezone().date(),
                                           self._today()))

        def job() -> RegistryLink:
            known = db.find_identifier(mention.kind, mention.value)
            if known is None:
                known = db.save(build(Identifier, {"kind": mention.kind,
                                                   "value": mention.value, **sourced}))
            return db.save(build(RegistryLink, {
                "case_id": self.case_id, "identifier_id": known.id,
                "entry_id": mention.entry_id, "worker_id": mention.worker_id, **sourced}))

        return job

    @staticmethod
    def _today() -> Any:
        from store import clock

        return clock.today()

    def _registry_answered(self, answer: tuple[int, str] | None) -> None:
        made, then = answer or (0, "")
        if made:
            self.notify(ngettext("{count} link to the registry made.",
                                 "{count} links to the registry made.", made).format(count=made))
            self.render_facts()
        if then.startswith("open:"):
            _open, kind, record_id = then.split(":", 2)
            if kind:
                self.pulang.open_record(kind, record_id)
        elif then in ("place", "actor"):
            self._link_record(then)

    def _link_record(self, kind: str) -> None:
        db = self.pulang.db
        items = place_items(db) if kind == "place" else actor_items(db)
        if not items:
            self.notify(_("The registry holds none yet: add one there first (7, then n)."))
            return

        def picked(ids: list[str] | None) -> None:
            if not ids:
                return
            name = next(item.label for item in items if item.id == ids[0])
            title = _("Link «{name}» to {ref}").format(name=printable(name, limit=40),
                                                        ref=self.case.ref if self.case else "")
            self.app.push_screen(RegistryLinkForm(
                None, title, case_id=self.case_id, target=(f"{kind}_id", ids[0]),
                workers=[(w.name_in_rows, w.id) for w in self.case_workers]),
                self._linked)

        title = _("Which place?") if kind == "place" else _("Which actor?")
        self.app.push_screen(PickerDialog(title, items), picked)

    def _linked(self, link: RegistryLink | None) -> None:
        if link is not None:
            self.notify(_("Linked to the registry."))
            self.render_facts()

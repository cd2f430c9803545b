"""A conflict between two sites put to the officer: "Changed by another officer".

Two sites changed the same field of one record while apart (or one removed it while the other
edited it), and the sync kept both (`store.sync.deciding`). This screen shows the common
version, both values, who changed each, at which site and when; `m` keeps mine, `t` keeps
theirs, `b` keeps both where the field is a list. Once every field has its answer the decision
is saved as an ordinary edit (in the history as decided) and goes to the other sites at the
next sync. Escape goes back with nothing decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, PulangError, _, format_datetime
from store.domain import printable, row_name
from tui.screens.decide_marks import DECIDE, MARK  # noqa: F401 - offered here still
from tui.store_work import run_store
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, cell

if TYPE_CHECKING:
    from store.sync import Side, Undecided
    from tui.app import PulangApp



def conflict_note(app: Any, record_id: str, label: Callable[[str], str]) -> str:
    """A line for a record a sync left changed at two sites ("" otherwise), naming its fields
    by `label` (the record's `field_label`)."""
    fields = getattr(app, "sync_conflicts", {}).get(record_id)
    if fields is None:
        return ""
    labels = [label(f) if f else _("removed elsewhere") for f in fields]
    return MARK + " " + _("Changed at two sites while apart: {fields}. Decide on Today (1); "
                          "the hub's choice is shown until then.").format(
                              fields=", ".join(labels))


def when(side: Side) -> str:
    """When a side was saved, in the officer's language and time zone."""
    try:
        return format_datetime(dt.datetime.fromisoformat(side.at)) if side.at else "?"
    except ValueError:
        return "?"


def who(side: Side, org: str = "") -> str:
    """"Dewi at Jakarta, 5 Mar 2026 10:12" (the site alone when the officer is unknown); a
    partner's side names the partner `org`: "Cambodian union confederation, at Phnom Penh,
    7 Dec 2026 09:30"."""
    if org and not side.ours:
        if side.officer:
            return _("{officer} of {org}, at {site}, {time}").format(
                officer=side.officer, org=org, site=side.site, time=when(side))
        return _("{org}, at {site}, {time}").format(org=org, site=side.site, time=when(side))
    if side.officer:
        return _("{officer} at {site}, {time}").format(officer=side.officer, site=side.site,
                                                       time=when(side))
    return _("at {site}, {time}").format(site=side.site, time=when(side))


def value_text(value: Any, name: str = "") -> str:
    """A value as the officer reads it (phones as they are written, not as stored)."""
    # Imported here, not at the top: Today imports this module for its first frame, and
    # reading phones brings phonenumbers.
    from store.domain import format_phone

    if value is None or value == "" or value == []:
        return "–"
    values = value if isinstance(value, list) else [value]
    if name in ("phone", "phones"):
        values = [format_phone(v) if isinstance(v, str) else v for v in values]
    return ", ".join(str(v) for v in values)


class DecideScreen(TranslatedBindings, Screen[bool]):
    BINDINGS = [
        Binding("m", "choose('mine')", N_("Keep mine"), id="decide.mine"),
        Binding("t", "choose('theirs')", N_("Keep theirs"), id="decide.theirs"),
        Binding("b", "choose('both')", N_("Keep both"), id="decide.both"),
        Binding("escape", "back", N_("Decide later"), id="decide.back"),
        Binding("f1", "app.help", N_("Help"), id="decide.help"),
    ]
    HELP = N_(
        "Two sites changed this record while apart, and the sync kept both versions: until "
        "someone decides, every site shows the hub's choice and marks the field with ⚠. The "
        "table lists each field changed at both sites: its value before (the common version), "
        "mine (this site's) and theirs (the other site's); the lines under it name who changed "
        "each, where and when, and the whole values of the field under the cursor. m keeps "
        "mine, t keeps theirs, b keeps both where the field is a list (spellings, phones); the "
        "cursor then moves to the next field, and once every field is decided the decision is "
        "saved as an ordinary edit (in the history as decided) and goes to the other sites at "
        "the next sync. For a record removed at one site and edited at the other, m or t keeps "
        "that side: removed, or kept with its edit. Escape goes back with nothing decided."
    )

    PARTNER_HELP = N_(
        "A partner organisation changed a record of a case shared with it, and this database "
        "keeps its own value until someone decides: nothing a partner changes in what it was "
        "sent is applied silently. The table lists each field it changed: the value it was "
        "sent (before), mine (this database's) and theirs (the partner's); the lines under it "
        "say who changed each, where and when. m keeps mine, t keeps theirs, b keeps both "
        "where the field is a list; once every field is decided the decision is saved as an "
        "ordinary edit (in the history as decided) and goes to the partner at the next sync "
        "with it (s on its page in the directory). Escape goes back with nothing decided."
    )

    def __init__(self, record_id: str, what: str = "", *, org_id: str = "",
                 org: str = "") -> None:
        super().__init__()
        self.record_id = record_id
        self.what = what  # "worker Siti Rahma, case JKT-2026-014", from the line it came from
        # A partner's domain (store.sync.partnering): its id and name; "" the union's own.
        self.org_id, self.org = org_id, org
        if org_id:
            self.HELP = self.PARTNER_HELP
        self.found: Undecided | None = None
        self.choices: dict[str, str] = {}

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Reading both versions…"), id="decide-message", markup=False)
        yield Label("", id="decide-title", classes="section-title")
        yield RecordTable(id="decide-fields")
        yield Static("", id="decide-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = (_("Changed by {org}").format(org=self.org) if self.org_id
                      else _("Changed by another officer"))
        db = self.pulang.db
        if db is None:
            return
        from store.sync import undecided

        run_store(self, lambda: undecided(self._domain(db), self.record_id), self._shown,
                  self._failed, group="decide", exclusive=True)

    def _domain(self, db: Any) -> Any:
        """Where the conflict is kept: the database (the union's domain), or the partner's
        view of it (its own state, its own rules: store.sync.partners)."""
        if not self.org_id:
            return db
        from store.sync import view_of

        return view_of(db, self.org_id)

    def _failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        self.pulang.refresh_sync_marks()
        self.dismiss(False)

    def _shown(self, found: Undecided) -> None:
        self.found = found
        mine, theirs = found.mine, found.theirs
        lines = [self.what] if self.what else []
        if found.removal:
            removed, edited = (mine, theirs) if mine.removed else (theirs, mine)
            lines.append(_("Removed {removed}; edited {edited}.").format(
                removed=who(removed, self.org), edited=who(edited, self.org)))
            lines.append(_("m keeps mine ({mine}), t keeps theirs ({theirs}).").format(
                mine=_("removed") if mine.removed else _("kept, with its edit"),
                theirs=_("removed") if theirs.removed else _("kept, with its edit")))
        else:
            lines.append(_("Mine: {who}").format(who=who(mine)))
            lines.append(_("Theirs: {who}").format(who=who(theirs, self.org)))
            if self.org_id:
                lines.append(_("{org} changed what it was sent: until you decide, this "
                               "database keeps its own values.").format(org=self.org))
        self.query_one("#decide-message", Static).update(
            "\n".join(printable(line, limit=300) for line in lines))
        table = self.query_one("#decide-fields", RecordTable)
        table.display = not found.removal
        if found.removal:
            self.query_one("#decide-title", Label).display = False
            return
        self.query_one("#decide-title", Label).update(
            (_("Fields {org} changed ({count}):").format(org=self.org, count=len(found.fields))
             if self.org else
             _("Fields changed at both sites ({count}):").format(count=len(found.fields))))
        # The field's and the answer's columns as wide as their words (within reason): the
        # values take the rest, and a phone as written (+62 812-3450-0002) fits at 80 columns.
        first = min(16, max(cell_len(t) for t in [_("Field"), *(f.label for f in found.fields)]))
        kept = min(10, max(cell_len(t) for t in (_("Kept"), _("mine"), _("theirs"), _("both"))))
        rest = max(30, self.size.width - first - kept - 5 * 2 - 1)
        table.add_column(_("Field"), width=first)
        table.add_column(_("Before"), width=rest // 3)
        table.add_column(_("Mine"), width=rest // 3)
        table.add_column(_("Theirs"), width=rest - 2 * (rest // 3))
        table.add_column(_("Kept"), width=kept)
        for field in found.fields:
            table.add_row(cell(field.label),
                          *(cell(row_name([value_text(v, field.name)]) or "–")
                            for v in (field.base, field.mine, field.theirs)),
                          cell(""), key=field.name)
        self.set_focus(table)

    @on(RecordTable.RowHighlighted, "#decide-fields")
    def _detail(self, event: RecordTable.RowHighlighted) -> None:
        found = self.found
        field = next((f for f in found.fields if f.name == event.row_key.value), None) \
            if found else None
        detail = self.query_one("#decide-detail", Static)
        if field is None:
            detail.update("")
            return
        def whole(value: Any) -> str:
            return printable(value_text(value, field.name), limit=600)

        detail.update("\n".join([_("Before: {value}").format(value=whole(field.base)),
                                 _("Mine: {value}").format(value=whole(field.mine)),
                                 _("Theirs: {value}").format(value=whole(field.theirs))]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("both",):
            field = self._current()
            return field is not None and field.is_list
        return True

    def _current(self) -> Any:
        found = self.found
        if found is None or found.removal or not found.fields:
            return None
        table = self.query_one("#decide-fields", RecordTable)
        return found.fields[min(table.cursor_row, len(found.fields) - 1)]

    def action_choose(self, choice: str) -> None:
        found = self.found
        if found is None:
            return
        if found.removal:
            self._save({"": choice})
            return
        field = self._current()
        if field is None or (choice == "both" and not field.is_list):
            return
        self.choices[field.name] = choice
        table = self.query_one("#decide-fields", RecordTable)
        label = {"mine": _("mine"), "theirs": _("theirs"), "both": _("both")}[choice]
        table.update_cell(field.name, table.ordered_columns[-1].key, cell(label))
        left = [i for i, f in enumerate(found.fields) if f.name not in self.choices]
        if not left:
            self._save(self.choices)
            return
        table.move_cursor(row=left[0])

    def _save(self, choices: dict[str, str]) -> None:
        db = self.pulang.db
        if db is None:
            return
        from store.sync import decide

        def done(_body: object) -> None:
            self.notify(_("Decided. The other sites get the decision at their next sync."),
                        timeout=6)
            self.pulang.refresh_sync_marks()
            self.dismiss(True)

        def failed(error: PulangError) -> None:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)

        self.pulang.run_store(lambda: decide(self._domain(db), self.record_id, dict(choices)),
                              done, failed, what="decide")

    def action_back(self) -> None:
        self.dismiss(False)

"""The case page's log table, newest first (an entry from a partner's copy marked « and the
partner); its counterparts typed as free text, offered to be linked to the records of the
directory they most likely are; a log entry's next step marked done, or open again; and the
lines under the log, the whole of the entry under the cursor."""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Label, Static

from store import N_, PulangError, _, clock, format_date, format_datetime
from store.domain import LogEntry, printable, row_name
from tui.dialogs.link import LinkDialog
from tui.screens.case.requests import request_lines, request_mark
from tui.screens.case.text import shown
from tui.store_work import run_store
from tui.widgets import RecordTable, cell, direction_words, log_kind

_DETAIL_LIMIT = 2000  # characters of a summary the three lines below the log can show at most
_PARTNER_IN_ROW = 16  # characters of a partner's name in a log row (the detail has it whole)


class CaseLog:
    """Part of `CaseScreen` (a mix-in): the log table, its links to the directory, and the
    next step of an entry marked done."""

    def render_log(self) -> None:
        table = self.query_one("#log", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        # As wide as the dates shown need in this language (a column of dates in Khmer is
        # wider than in English), at least as wide as their heading.
        when = max([cell_len(_("When")),
                    *(cell_len(format_datetime(e.at)) for e in self.entries)])
        due = max([cell_len(_("Due")), *(cell_len(format_date(e.due_date)) + 2  # "✓ " if done
                                         for e in self.entries if e.due_date)])
        fixed = when + 10 + 14 + due
        summary_width = self._flexible_width(fixed, columns=5)
        for title, width in ((N_("When"), when), (N_("Kind"), 10),
                             (N_("Summary"), summary_width), (N_("Next step"), 14),
                             (N_("Due"), due)):
            table.add_column(_(title), width=width)
        today = clock.today()
        for entry in self.entries:
            due = Text(format_date(entry.due_date))
            if entry.due_date and entry.next_step_done:
                due = Text("✓ " + format_date(entry.due_date), style="dim")
            elif entry.due_date and entry.due_date < today:
                due.stylize("bold reverse")
            who = entry.counterpart_org or row_name([entry.counterpart_person])
            summary = f"{who}: {entry.summary}" if who else entry.summary
            if entry.from_org_id:  # made in a partner's copy: « and the partner, first
                summary = f"« {self.partner_of(entry)} · {summary}"
            if entry.consent_override:
                summary = _("[no consent]") + " " + summary
            summary = request_mark(entry) + summary
            next_step = entry.next_step
            if entry.awaiting_reply and not next_step:
                next_step = _("awaiting reply")
            table.add_row(
                format_datetime(entry.at),
                cell(log_kind(entry)),
                cell(summary),
                cell(next_step),
                due,
                key=entry.id,
            )
        table.move_to_key(keep)
        title = _("Log ({count}), newest first · l add · Enter edit · x step done").format(
            count=len(self.entries))
        if self.link_offers:
            title += " · " + _("L link {count}").format(count=self.link_offers)
        self.query_one("#log-title", Label).update(title)

    # -- the log's counterparts and the directory -------------------------------------------

    def count_link_offers(self) -> None:
        """How many counterparts of this log could be linked to the directory: worked out in
        a thread, shown in the log's title (and, the first time, said in a notification)."""
        db = self.pulang.db
        if db is None or db.locked:
            return
        # A refusal is not said: only a hint, the log itself shows what is there.
        run_store(self, partial(db.counterpart_offers, self.case_id),
                  self._offers_counted, group="link-offers", exclusive=True)

    def _offers_counted(self, offers: list[Any]) -> None:
        if not self.is_attached:
            return
        if len(offers) != self.link_offers:
            self.link_offers = len(offers)
            self.render_log()
        if offers and not self._offers_told:
            self.notify(_("{count} counterparts can be linked to the directory: L").format(
                count=len(offers)) if len(offers) > 1 else
                _("1 counterpart can be linked to the directory: L"), timeout=6)
        self._offers_told = True

    def directory_name(self, kind: str, record_id: str) -> str:
        """The name of an organisation or person of the directory the log links to."""
        if record_id not in self._directory_names:
            db = self.pulang.db
            try:
                name = (db.organisation(record_id).shown_name if kind == "org"
                        else db.person(record_id).name_in_rows)
            except PulangError:
                name = _("(removed)")
            self._directory_names[record_id] = name
        return self._directory_names[record_id]

    def partner_of(self, entry: LogEntry) -> str:
        """The partner whose copy of the case the entry came from, short (its acronym, or its
        name cut short) for the log's row; "" for an entry made here."""
        if not entry.from_org_id:
            return ""
        key = "from:" + entry.from_org_id
        if key not in self._directory_names:
            try:
                org = self.pulang.db.organisation(entry.from_org_id)
                name = printable(org.acronym or org.name, limit=_PARTNER_IN_ROW)
            except PulangError:
                name = _("(removed)")
            self._directory_names[key] = name
        return self._directory_names[key]

    def from_partner(self, entry: LogEntry) -> str:
        """A line for the entry's detail: the partner it came from, by its whole name."""
        if not entry.from_org_id:
            return ""
        return _("From partner: {org}").format(
            org=printable(self.directory_name("org", entry.from_org_id), limit=120))

    def linked_names(self, entry: LogEntry) -> str:
        """The directory records an entry is linked to, in words: "Person (Organisation)"."""
        org = (self.directory_name("org", entry.counterpart_org_id)
               if entry.counterpart_org_id else "")
        person = (self.directory_name("person", entry.counterpart_person_id)
                  if entry.counterpart_person_id else "")
        if org and person:
            return f"{person} ({org})"
        return org or person

    def action_link_counterparts(self) -> None:
        """Offer to link the log's free-text counterparts to the directory, line by line."""
        try:
            offers = self.pulang.db.counterpart_offers(self.case_id)
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            return
        if not offers:
            self.notify(_("Every counterpart in this log is linked, or matches nobody in the "
                          "directory"))
            return

        def closed(linked: int | None) -> None:
            if linked:
                self.notify(_("{count} log entries linked to the directory.").format(
                    count=linked) if linked > 1 else
                    _("1 log entry linked to the directory."))
            self._reload_shown()

        self.app.push_screen(LinkDialog(offers), closed)

    # -- a log entry's next step ------------------------------------------------------------

    def action_toggle_done(self) -> None:
        entry = self._under_cursor("log", self.entries, _("Move to a log entry in the log first."))
        if entry is None:
            return
        if not entry.next_step:
            self.notify(_("This log entry has no next step."), severity="warning")
            return
        done = not entry.next_step_done
        self.pulang.run_store(lambda: self.pulang.db.mark_next_step(entry, done),
                              lambda _saved: self._step_marked(done), self._store_failed,
                              what="step")

    def _step_marked(self, done: bool) -> None:
        self.notify(_("Next step marked done.") if done else _("Next step open again."))
        self.reload()

    def show_entry(self, entry_id: str | None) -> None:
        """The whole of the highlighted entry, since the table cuts long text short."""
        entry = next((e for e in self.entries if e.id == entry_id), None)
        detail = self.query_one("#log-detail", Static)
        if entry is None:
            detail.update("")
            return
        who = shown(" · ".join(row_name([p]) for p in (entry.counterpart_org,
                                                        entry.counterpart_person) if p))
        linked = self.linked_names(entry)
        if linked:  # the directory's record, after the text as it was typed
            who = f"{who} → {shown(linked)}" if who else f"→ {shown(linked)}"
        summary = printable(entry.summary, multiline=True, limit=_DETAIL_LIMIT)
        text = f"{who}: {summary}" if who else summary
        way = direction_words(entry)
        if way:
            text = f"{way} · {text}"
        if entry.from_org_id:
            text += "\n" + self.from_partner(entry)
        if entry.consent_override:
            names = {w.id: w.name_in_rows for w in self.case_workers}
            text += "\n" + _("Sent without consent, on the officer's say: {names}").format(
                names=shown(", ".join(names.get(w, "?") for w in entry.consent_override)))
        if entry.request_state is not None:
            text += "\n" + request_lines(entry)
        elif entry.awaiting_reply:
            text += "\n" + _("Awaiting a reply")
        if entry.next_step:
            text += "\n" + _("Next step: {step}").format(step=shown(entry.next_step))
            if entry.due_date:
                text += " · " + _("due {date}").format(date=format_date(entry.due_date))
        detail.update(text)

"""The case page's requests to partners (issue 35): a log entry that is a request (a referral,
or another entry sent awaiting the partner's reply) changes its state with r, through a
picker of the states its present one leads to (why asked for when declined); its state in
the log's row, and its changes, dated, in the lines under the log."""

from __future__ import annotations

from store import _, format_date
from store.domain import REQUEST_MOVES, LogEntry, label
from tui.screens.case.request_state import RequestStateDialog
from tui.screens.case.text import shown


def request_mark(entry: LogEntry) -> str:
    """The request's state for the log's row ("[sent] "), "" for an entry that is none."""
    if entry.request_state is None:
        return ""
    return "[" + label(entry.request_state) + "] "


def request_lines(entry: LogEntry) -> str:
    """For the entry's detail: its state's changes, dated, and why it was declined."""
    if entry.request_state is None:
        return ""
    changes = " → ".join(f"{label(c.state)} {format_date(c.on)}" for c in entry.request_changes)
    text = _("Request: {changes}").format(changes=changes or label(entry.request_state))
    if entry.request_why:
        text += "\n" + _("Why: {why}").format(why=shown(entry.request_why))
    return text


class CaseRequests:
    """Part of `CaseScreen` (a mix-in): changing a request's state."""

    def action_request_state(self) -> None:
        entry = self._under_cursor("log", self.entries, _("Move to a log entry in the log first."))
        if entry is None:
            return
        if entry.request_state is None:
            self.notify(_("This log entry is not a request to a partner."), severity="warning")
            return
        if not REQUEST_MOVES[entry.request_state]:
            self.notify(_("The request is {state}: it does not change any more.").format(
                state=label(entry.request_state)), severity="warning")
            return

        def closed(changed: LogEntry | None) -> None:
            if changed is not None and changed.request_state is not None:
                self.notify(_("Request {state}.").format(state=label(changed.request_state)))
                self.reload()

        self.app.push_screen(RequestStateDialog(entry), closed)

"""The sync's status line: the last sync (when, with which hub), the changes waiting to be
sent, the conflicts to decide; how far a sync under way has got; why the last one failed.
Hidden for a database that never synced (nothing to say; its row is the list's).
Its words are the app's (tui/syncing.py), which updates every line shown; it asks again once
a minute, so that "5 minutes ago" stays true."""

from __future__ import annotations

from textual.widgets import Static


class SyncLine(Static):
    DEFAULT_CSS = """
    SyncLine {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False, id="sync-line")
        self.text = ""
        self.display = False

    def show(self, text: str) -> None:
        """Redrawn only when the words change."""
        if text != self.text:
            self.text = text
            self.update(text)
        self.display = bool(text)  # nothing to say (never synced): the line's room is the list's

    def on_mount(self) -> None:
        self._show()
        self.set_interval(60, self._show)

    def _show(self) -> None:
        line = getattr(self.app, "sync_line", None)
        if line is not None:
            self.show(line())

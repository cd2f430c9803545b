"""The smallest Textual app: one Label. Its first frame is the floor for Pulang's first frame.

    PULANG_PERF_TRACE=/tmp/trace.jsonl python -m tests.perf.minimal_app

Writes `first_frame` after the first paint (as Pulang does); Ctrl+Q quits.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from tests.perf._trace import mark


class MinimalApp(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Label("Minimal Textual app")

    def on_mount(self) -> None:
        self.call_after_refresh(mark, "first_frame")


if __name__ == "__main__":
    MinimalApp().run()

"""The base of the screening page's two pickers (`PickOne` in pick_one.py, `PickMany` in
pick_many.py): a small list over the page, laid out and highlighted the same way.
"""

from __future__ import annotations

from typing import Any

from textual.screen import ModalScreen


class Picker(ModalScreen[Any]):
    """A small list over the page; the highlighted line is marked with › and reversed, so it
    shows without colour too."""

    DEFAULT_CSS = """
    Picker { align: center middle; }
    .picker {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    .picker-title { text-style: bold; }
    .picker-hint { color: $text-muted; }
    .picker OptionList { height: auto; max-height: 18; margin: 1 0 0 0; }
    .picker OptionList > .option-list--option-highlighted,
    .picker OptionList:focus > .option-list--option-highlighted { text-style: bold reverse; }
    """

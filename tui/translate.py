"""Key bindings in the user's language.

Textual reads a binding's description once, when the class is made; the language is chosen
later, on the command line. Classes therefore declare English descriptions (marked with `N_`)
and each instance translates its own copy of the bindings through the one translation function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

from rich.cells import cell_len
from textual.dom import DOMNode

from store import N_, _, current_language, format_date

# Descriptions Textual gives its own bindings; listed so they are translated with ours.
TEXTUAL_TEXTS = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("Dismiss menu"),  # a Select's open list
)


def translate_bindings(node: DOMNode) -> None:
    bindings = node._bindings.key_to_bindings  # noqa: SLF001 - Textual keeps them here
    for key, listed in bindings.items():
        bindings[key] = [
            dataclasses.replace(
                b,
                description=_(b.description) if b.description else b.description,
                tooltip=_(b.tooltip) if b.tooltip else b.tooltip,
            )
            for b in listed
        ]


class TranslatedBindings:
    """Mix-in for our screens and widgets: their bindings are shown in the user's language."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        assert isinstance(self, DOMNode)
        translate_bindings(self)


def date_cells() -> int:
    """The cells the widest date takes in the current language ("12 Dec 2025" 11, "12 ທ.ວ.
    2025" 12, "28 វិច្ឆិកា 2026" more): what a column of dates is made wide enough for."""
    return _date_cells(current_language())


@cache
def _date_cells(_language: str) -> int:
    return max(cell_len(format_date(dt.date(2026, month, 28))) for month in range(1, 13))


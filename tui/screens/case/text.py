"""A record's text made fit for one line of the case page, for the page and each of its parts."""

from __future__ import annotations

from store.domain import printable


def shown(text: str) -> str:
    """A record's one-line text for a line of the screen: printable and of sane length."""
    return printable(text, limit=500)

"""A crash report that names no record values.

Textual's own report prints every local variable of every frame: on a crash in the case screen
that would print workers' names, passports and shelters to the terminal (and into any log the
terminal keeps). This report keeps the frames (file, line, function) and the exception's type,
and leaves out the message and the locals, since either may hold personal data.
"""

from __future__ import annotations

import traceback

from store.i18n import _


def safe_report(error: BaseException) -> str:
    lines = [
        _("Pulang stopped because of an internal error. Your saved data is unchanged."),
        _("Please report the lines below; they contain no names or other data of your records."),
        "",
    ]
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for number, exc in enumerate(reversed(chain)):
        if number:
            lines.append(_("During handling of the above, another error occurred:"))
        lines.append("Traceback:")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/tui/", "/store/"):
        if marker in filename:
            head = "" if marker == "/site-packages/" else marker.strip("/") + "/"
            return head + filename.split(marker, 1)[1]
    return filename

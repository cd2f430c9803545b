"""A crash report that names no record values.

Textual's own report prints every local variable of every frame: on a crash in the case screen
that would print workers' names, passports and shelters to the terminal (and into any log the
terminal keeps). This report keeps the frames (file, line, function) and the exception's type,
and leaves out the message and the locals, since either may hold personal data.

An error in a background task (a save, the loading) reaches the app as Textual's WorkerFailed,
made after the fact and so without frames of its own: the report shows the frames of the error
it carries, then says it ended a background task.
"""

from __future__ import annotations

import traceback

from textual.worker import WorkerFailed

from store import _


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
        current = _carried(current) or current.__cause__ or current.__context__
    for number, exc in enumerate(reversed(chain)):
        if _carried(exc) is not None and not exc.__traceback__:
            lines.append(_("This error ended a background task ({kind}).").format(
                kind=_kind(exc)))
            continue
        if number:
            lines.append(_("During handling of the above, another error occurred:"))
        lines.append("Traceback:")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(_kind(exc))
    return "\n".join(lines)


def _carried(error: BaseException) -> BaseException | None:
    """The error a failed background task carries (WorkerFailed), if `error` is one."""
    carried = getattr(error, "error", None) if isinstance(error, WorkerFailed) else None
    return carried if isinstance(carried, BaseException) else None


def _kind(error: BaseException) -> str:
    return f"{type(error).__module__}.{type(error).__qualname__}"


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/tui/", "/store/"):
        if marker in filename:
            head = "" if marker == "/site-packages/" else marker.strip("/") + "/"
            return head + filename.split(marker, 1)[1]
    return filename

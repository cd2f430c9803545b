"""Text: what a field accepts, how it is shown on a terminal, and how search folds it.

The input policy, shared by every text field of every record (`store.domain.records` applies it):

- control characters (C0, DEL and C1: NUL, ESC, BEL, backspace, carriage return, \\x9b...) are
  refused, with a message naming the field; a multi-line field (notes) accepts line breaks and
  tabs, and its line endings are stored as "\\n" (a pasted "\\r\\n", "\\r", U+2028 or U+2029 is
  a line break, not content). A one-line field refuses line breaks and tabs;
- lone surrogates, which no file can hold, are refused;
- each kind of field has a length limit (`NAME`, `LINE`, `NOTES`, `DOCUMENT`), counted in
  characters;
- everything else (right-to-left text and bidi marks, combining marks, emoji and zero-width
  joiners, Lao, Khmer, Burmese...) is kept exactly as typed: no Unicode normalisation.

`printable()` is the other half: whatever a record holds (also one written by an older version or
another program), the terminal is never sent a control character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from store.common.i18n import _

# Search folds a name as the words Pulang reads are folded, with the one `fold` of
# store.common.words: lower-case, accents stripped, white space collapsed ('Phonésan
# VILAYMEING' -> 'phonesan vilaymeing'). Offered here, where search has always found it.
from store.common.words import fold  # noqa: F401 (offered here)


@dataclass(frozen=True)
class TextRule:
    """What one kind of text field accepts."""

    name: str
    limit: int  # characters
    multiline: bool = False
    items: int = 0  # for a list of such texts, the most items (0: no limit of its own)


NAME = TextRule("name", 200, items=50)  # a person's name or spelling, a province, a tag
LINE = TextRule("line", 500)  # a title, a place, an organisation, a next step
NOTES = TextRule("notes", 20_000, multiline=True)  # notes, health, a log entry's summary
DOCUMENT = TextRule("document", 200_000, multiline=True)  # the text of an agreement's draft
RULES = {rule.name: rule for rule in (NAME, LINE, NOTES, DOCUMENT)}

# C0 (but \t and \n, checked apart), DEL, C1, and the surrogates no file can hold.
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_ONE_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")


def text_problem(value: str, rule: TextRule) -> str | None:
    """Why `value` cannot be saved in a field of this kind (translated), or None."""
    # Printable text (most of it) holds none of the characters refused below: no need to look.
    if not value.isprintable() and (
            _REFUSED.search(value) or (not rule.multiline and _ONE_LINE_BREAKS.search(value))):
        if _SURROGATE.search(value):
            return _("contains a character that cannot be stored; remove it")
        if _REFUSED.search(value):
            return _("contains an invisible control character; remove it")
        return _("must fit on one line; remove the line break or tab")
    if len(value) > rule.limit:
        return _("is too long: at most {limit} characters, this has {count}").format(
            limit=rule.limit, count=len(value)
        )
    return None


def list_problem(values: list[str], rule: TextRule) -> str | None:
    """Why a list of texts cannot be saved (translated), or None."""
    if rule.items and len(values) > rule.items:
        return _("has too many items: at most {limit}").format(limit=rule.items)
    for value in values:
        if problem := text_problem(value, rule):
            return problem
    return None


def normalise_line_breaks(value: str) -> str:
    """A multi-line text's line breaks as "\\n": the way they were written is not content."""
    return _LINE_BREAKS.sub("\n", value) if ("\r" in value or "\u2028" in value
                                              or "\u2029" in value) else value


# -- showing text on a terminal ---------------------------------------------------------------

PLACEHOLDER = "\ufffd"  # �, where a control character was
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_ONE_LINE_SHOWN = {"\t": " ", "\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "}
_MULTILINE_SHOWN = {"\t": "    ", "\n": "\n", "\u2028": "\n", "\u2029": "\n"}


def printable(text: str, multiline: bool = False, limit: int | None = None) -> str:
    """`text` safe to send to a terminal: every control character shown as �.

    Line breaks and tabs become spaces, or, with `multiline`, stay line breaks (and tabs four
    spaces). With `limit`, text longer than that many characters is cut short with "…".
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if multiline:
        text = normalise_line_breaks(text)
    if not _CONTROLS.search(text):
        return text
    shown = _MULTILINE_SHOWN if multiline else _ONE_LINE_SHOWN
    return _CONTROLS.sub(lambda m: shown.get(m.group(), PLACEHOLDER), text)


_EDIT_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def editable(text: str, multiline: bool = False) -> str:
    """A saved value as a form field holds it for editing: unchanged when the policy accepts
    it; otherwise (written by an older version or another program) each character the policy
    refuses shown as �, and in a one-line field each line break or tab as a space, so that
    what the officer sees is what saving keeps."""
    if multiline:
        text = normalise_line_breaks(text)
    else:
        text = _ONE_LINE_BREAKS.sub(" ", text)
    return _EDIT_REFUSED.sub(PLACEHOLDER, text)


def shorten(text: str, limit: int = 40) -> str:
    """A typed value quoted back in a message: printable, and cut short when long."""
    return printable(text, limit=limit)


# -- names in rows ----------------------------------------------------------------------------
#
# Terminals and libraries disagree on how many cells some scripts take. Measured in tmux 3.3a
# against Rich (which Textual lays out with): Khmer "សុខ ចាន់ដារ៉ា" takes 10 cells on screen,
# Rich counts 7; Burmese "အောင်ကျော်မိုး" takes 10, Rich counts 4; Devanagari, Tamil, Bengali,
# Javanese and Sinhala likewise, by one cell for each spacing vowel sign (Unicode category Mc),
# which Rich counts as none. Whatever follows such text on a line (the next column, a table's
# border, the pane beside it) is pushed right and cut off, and no width measure can fix it,
# because terminals disagree with each other too. Latin (Vietnamese and Indonesian included),
# Lao, Thai, Chinese and Korean agree everywhere they were measured.
#
# So a row of a list or a table shows a name in a spelling that fits (`row_name`), and the
# record's own page shows the name as written, on a line with nothing to its right.

# Khmer, Khmer Symbols, Myanmar, Myanmar Extended-B and -A: also their letters with no vowel
# sign take more cells on some terminals (the subscript consonants).
_UNEVEN_BLOCKS = ((0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF), (0xA9E0, 0xA9FF),
                  (0xAA60, 0xAA7F))


def _uneven(char: str) -> bool:
    code = ord(char)
    return code >= 0x0900 and (unicodedata.category(char) == "Mc"
                               or any(low <= code <= high for low, high in _UNEVEN_BLOCKS))


def fits_a_row(text: str) -> bool:
    """Whether terminals draw `text` in the cells Textual counts for it, so that what follows
    it on a line stays in place: False for Khmer, Burmese and the other scripts with spacing
    vowel signs (Devanagari, Tamil, Javanese...); True for Latin, Lao, Thai, Vietnamese, CJK."""
    return text.isascii() or not any(_uneven(char) for char in text)


def _latin(text: str) -> bool:
    return all(not char.isalpha() or unicodedata.name(char, "").startswith("LATIN")
               for char in text)


def row_name(names: Sequence[str], record_id: str = "") -> str:
    """The spelling of a person's name to show in a row of a list or table (`fits_a_row`).

    `names` are the record's spellings, the full name first. The full name when it fits; else
    the first other spelling in Latin script, else the first other spelling that fits; else a
    marker naming the script ("[Khmer script]"), with the start of `record_id` ("#3f2a") to
    tell apart two such people in one list. The text is as stored: show it with `printable`.
    """
    names = [name for name in names if name.strip()] or [""]
    if fits_a_row(names[0]):
        return names[0]
    fitting = [name for name in names[1:] if fits_a_row(name)]
    if fitting:
        return next((name for name in fitting if _latin(name)), fitting[0])
    char = next(char for char in names[0] if _uneven(char))
    script = unicodedata.name(char, "?").split()[0].title()
    marker = _("[{script} script]").format(script=script)
    return f"{marker} #{record_id[:4]}" if record_id else marker


def row_spellings(names: Sequence[str], record_id: str = "") -> list[str]:
    """`row_name` first, then the record's other spellings that fit in a row."""
    first = row_name(names, record_id)
    return [first, *(name for name in names if name != first and name.strip()
                     and fits_a_row(name))]

"""argparse's own messages in the officer's language.

argparse words its errors with the standard `gettext` module's global catalogs ("messages"
domain), which Pulang does not install: a bad option would answer in English under --lang lo.
Its two lookups, `argparse._` and `argparse.ngettext`, are pointed at Pulang's catalogs once, as
the command line starts; the messages an officer can meet are listed below (marked with `N_`)
so that `pybabel extract` gives them to the translators. They keep argparse's %-placeholders.
"""

from __future__ import annotations

import argparse

from store import N_, _, ngettext

# What argparse can say to someone who typed a command wrong (Python 3.11's wording).
MESSAGES = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


def _counted(singular: str, plural: str, count: int) -> str:
    # argparse counts its arguments once, in "expected %s argument(s)".
    if singular == "expected %s argument":
        return ngettext("expected %s argument", "expected %s arguments", count)
    return ngettext(singular, plural, count)


def install() -> None:
    """Point argparse's lookups at Pulang's catalogs (called once, by `tui.cli.entry`)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = _counted  # type: ignore[attr-defined]

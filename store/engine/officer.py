"""Who is working: the OS account, and the officer's own name when several officers share it.

Officers who share one account (root on the union's server, a "pulang" login) would all be
recorded as that account, and a conflict would say "Changed by root". The officer's name comes
from $PULANG_OFFICER, or from the answer to "Who is working?", asked once when the app starts
where the account is shared (`needs_officer_name`); it is kept for this process only, never
written to a settings file. A change is then recorded as "name (account)" (`author`): in the
record's `changed_by`, the journal's writer (who removed a record) and the audit trail's `who`,
where the account was recorded already, and nowhere else (a backup's maker stays the account).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from store.domain.text import NAME, text_problem
from store.engine.modes import shared_with_group

ENVIRONMENT = "PULANG_OFFICER"
# Accounts that are no one's own: several officers may work under them.
GENERIC_ACCOUNTS = frozenset({"root", "admin", "administrator", "pulang", "ubuntu", "debian",
                              "user", "guest", "pi", "ec2-user"})

_said: str | None = None  # the answer to "Who is working?" in this session ("" skipped)


def current_user() -> str:
    """The OS account making the change."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def clean_name(value: str) -> str:
    """A name as typed or set, spaces collapsed; "" when it cannot be a name (a control
    character, too long): the account alone is recorded then."""
    value = " ".join(value.split())
    return "" if text_problem(value, NAME) else value


def _from_environment() -> str:
    return clean_name(os.environ.get(ENVIRONMENT, ""))


def set_officer(name: str | None) -> None:
    """The officer's answer to "Who is working?", for the rest of this session ("" when they
    skipped it: the account alone; None forgets the answer, as if never asked)."""
    global _said
    _said = None if name is None else clean_name(name)


def officer_name() -> str:
    """The officer's own name, when known: said this session, else $PULANG_OFFICER; or ""."""
    return _said if _said is not None else _from_environment()


def officer() -> str:
    """Who is working, as a form offers it (who recorded an entry): the name, else the
    account."""
    return officer_name() or current_user()


def author() -> str:
    """Who a change is recorded as: "name (account)" when the officer's name is known, else
    the account."""
    name, account = officer_name(), current_user()
    return f"{name} ({account})" if name and name != account else account


def needs_officer_name(db_path: Path | None) -> bool:
    """Whether the app asks "Who is working?" as it starts: $PULANG_OFFICER is not set, and
    the account is one several officers may share (root, admin, pulang…) or the database is
    shared with a group of officers."""
    if _from_environment():
        return False
    if current_user().casefold() in GENERIC_ACCOUNTS:
        return True
    return db_path is not None and shared_with_group(db_path)

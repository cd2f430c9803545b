"""`pulang sync --partner ORG`: the cases shared with a partner organisation, kept in step with
its copy through its own database on a hub, under its own key (`store.sync.partnering`); with
--status, --export-key, --import-key, --rotate-key as for the union's own sync."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store import ExitCode, PulangError, UsageError, _, ngettext
from tui.cli.opening import open_database
from tui.cli.passphrases import Passphrases
from tui.cli.say import _db_path, _say


def sync_command(args: argparse.Namespace) -> int:
    """`pulang sync`: a partner's domain with --partner, else the union's (tui.cli.sync)."""
    if args.partner:
        return partner_sync(args)
    if args.override is not None:
        raise UsageError(_("--override goes with --partner ORG."))
    from tui.cli.sync import _sync

    return _sync(args)


def partner_sync(args: argparse.Namespace) -> int:
    # Imported here: httpx and the sync's modules are loaded only by this command.
    from store.sync import (
        export_partner_key,
        find_partner,
        import_partner_key,
        partner_status,
        remember_credentials,
        rotate_key,
        sync_partner,
        view_of,
    )
    from tui.cli.sync import _credentials, _key_passphrase, _open, _progress, _say_report

    path, _explicit = _db_path(args)
    passphrases = Passphrases(args)
    if args.to_file or args.from_file or args.everything:
        raise UsageError(_("A partner's copy syncs through its hub only: --to-file and "
                           "--from-file are for the union's own sites."))
    if args.override is not None and not args.override.strip():
        raise UsageError(_("--override needs the reason, in words: it is recorded."))
    if args.status:
        with _open(args, passphrases) as db:
            org = find_partner(db, args.partner)
            return _say_partner(partner_status(db, org.id), args.format)
    if args.export_key:
        out = Path(args.export_key).expanduser()
        if out.exists():
            raise PulangError(_("{path} exists: choose another name.").format(path=out))
        with _open(args, passphrases) as db:
            org = find_partner(db, args.partner)
            data = export_partner_key(db, org.id, _key_passphrase(passphrases, twice=True))
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _say(_("The key shared with {org} is in {path}, sealed with the passphrase. Carry it and "
               "the passphrase to {org} separately.").format(org=org.name, path=out),
             to_stderr=True)
        return int(ExitCode.OK)
    if args.import_key:
        data = Path(args.import_key).expanduser().read_bytes()
        with _open(args, passphrases) as db:
            org = find_partner(db, args.partner)
            import_partner_key(db, org.id, data, _key_passphrase(passphrases, twice=False))
        _say(_("The key was taken: this database can sync with {org}'s copy.").format(
            org=org.name), to_stderr=True)
        return int(ExitCode.OK)
    if args.rotate_key:
        with open_database(args, path, writing=True) as db:
            org = find_partner(db, args.partner)
            rotate_key(view_of(db, org.id))  # type: ignore[arg-type]
        _say(_("A new key for {org} was made; the next sync seals every shared record again "
               "with it. Export it (--export-key) for {org}.").format(org=org.name),
             to_stderr=True)
        return int(ExitCode.OK)
    with open_database(args, path, writing=True) as db, _with_the_option():
        org = find_partner(db, args.partner)
        view = view_of(db, org.id)
        state = view.state
        user, password = _credentials(args.credentials or (state.credentials if state else None))
        done = sync_partner(db, org.id, args.hub, user=user, password=password,
                            override=args.override, site_name=args.site,
                            progress=_progress if sys.stderr.isatty() else None)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if args.credentials:
            where = str(Path(args.credentials).expanduser().resolve())
            remember_credentials(view, where)  # type: ignore[arg-type]
    for note in done.notes:
        _say(note, to_stderr=True)
    if args.format == "json":
        print(json.dumps({**done.report.__dict__, "partner": org.id,
                          "shared_cases": done.shared_cases, "agreement": done.agreement,
                          "override": done.override, "notes": done.notes}, indent=2))
        return int(ExitCode.PROBLEMS if done.report.problems else ExitCode.OK)
    _say(ngettext("With {org}: {count} case shared.", "With {org}: {count} cases shared.",
                  done.shared_cases).format(org=org.name, count=done.shared_cases))
    return _say_report(done.report, "text")


@contextlib.contextmanager
def _with_the_option() -> Iterator[None]:
    """A refusal for want of an agreement says how to give a reason here."""
    from store.sync import SharingRefused

    try:
        yield
    except SharingRefused as refused:
        raise SharingRefused(str(refused) + " " + _("Give it with --override \"REASON\".")
                             ) from None


def _say_partner(found: Any, form: str) -> int:
    """The status of one partner's domain (connects to nothing)."""
    if form == "json":
        print(json.dumps({"partner": found.org_id, "org": found.org,
                          "shared_cases": found.shared_cases, "received": found.received,
                          "agreement": found.agreement, "override": found.override,
                          **found.status.__dict__}, indent=2, default=str))
        return int(ExitCode.OK)
    from tui.cli.sync import say_partner_lines

    say_partner_lines(found)
    return int(ExitCode.OK)

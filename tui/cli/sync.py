"""`pulang sync` (with --status, --export-key, --import-key, --rotate-key, --to-file,
--from-file) and `pulang hub purge`: this database kept in step with the other sites through a
hub, or files carried by hand (`store.sync`)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from store import ExitCode, PulangError, UsageError, _, format_datetime, ngettext, pgettext
from store.db import MIN_PASSPHRASE, Database
from tui.cli.opening import open_database
from tui.cli.passphrases import Passphrases, key_for
from tui.cli.say import _db_path, _say


def _credentials(path: str | None) -> tuple[str | None, str | None]:
    """The hub's user and password: from a file only its owner can read, or the environment."""
    if path:
        file = Path(path).expanduser()
        try:
            mode = file.stat().st_mode
            text = file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise PulangError(_("Cannot read the credentials file {path}: {reason}.").format(
                path=file, reason=error.strerror or type(error).__name__)) from None
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise PulangError(_(
                "{path} can be read by others: make it readable by you only (chmod 600 "
                "{path}), then sync again.").format(path=file))
        user, sep, password = text.replace("\n", ":", 1).partition(":")
        if not sep or not user:
            raise PulangError(_("{path} must hold the hub's `user:password` on one "
                                "line.").format(path=file))
        return user.strip(), password.strip()
    user = os.environ.get("PULANG_HUB_USER")
    return (user, os.environ.get("PULANG_HUB_PASSWORD")) if user else (None, None)


def _key_passphrase(passphrases: Passphrases, twice: bool) -> str:
    """The passphrase of a key file: from --passphrase-fd (after the database's), else
    PULANG_KEY_PASSPHRASE, else asked (twice when making the file)."""
    given = passphrases._from_fd()  # noqa: SLF001 - the next line of the same descriptor
    if given is None and passphrases.fd is None:
        given = os.environ.get("PULANG_KEY_PASSPHRASE")
    if given is None:
        if not passphrases.interactive() or passphrases.fd is not None:
            raise PulangError(_("No passphrase for the key file: there is no terminal to ask "
                                "on. Set PULANG_KEY_PASSPHRASE or use --passphrase-fd N."))
        given = getpass.getpass(_("Passphrase for the key file: "))
        if twice and getpass.getpass(_("The same passphrase again: ")) != given:
            raise PulangError(_("The two passphrases differ. Nothing was written."))
    if twice and len(given) < MIN_PASSPHRASE:
        raise PulangError(_("The passphrase is too short: use at least {count} "
                            "characters.").format(count=MIN_PASSPHRASE))
    return given


def _open(args: argparse.Namespace, passphrases: Passphrases) -> Database:
    path, _explicit = _db_path(args)
    return Database.open(path, sealer=key_for(args, path, passphrases))  # type: ignore[arg-type]


def _sync(args: argparse.Namespace) -> int:
    # Imported here: httpx and the sync's modules are loaded only by this command.
    from store.sync import (
        export_key,
        import_key,
        load_state,
        remember_credentials,
        rotate_key,
        status,
        sync,
    )

    path, _explicit = _db_path(args)
    passphrases = Passphrases(args)
    if args.everything and not args.to_file:
        raise UsageError(_("--all goes with --to-file."))
    if args.to_file or args.from_file:
        return _by_file(args, path)
    if args.status:
        from store.sync import partner_ids, partner_status

        with _open(args, passphrases) as db:
            partners = [partner_status(db, org_id) for org_id in partner_ids(db)]
            return _say_status(status(db), args.format, partners)
    if args.export_key:
        out = Path(args.export_key).expanduser()
        if out.exists():
            raise PulangError(_("{path} exists: choose another name.").format(path=out))
        with _open(args, passphrases) as db:
            data = export_key(db, _key_passphrase(passphrases, twice=True))
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _say(_("The shared key is in {path}, sealed with the passphrase. Carry it and the "
               "passphrase to the other site separately.").format(path=out), to_stderr=True)
        return int(ExitCode.OK)
    if args.import_key:
        data = Path(args.import_key).expanduser().read_bytes()
        with _open(args, passphrases) as db:
            import_key(db, data, _key_passphrase(passphrases, twice=False))
        _say(_("The shared key was taken: this database can sync with the others."),
             to_stderr=True)
        return int(ExitCode.OK)
    if args.rotate_key:
        with open_database(args, path, writing=True) as db:
            rotate_key(db)
        _say(_("A new shared key was made; the next sync seals every record again with it. "
               "Export it (--export-key) for the other sites."), to_stderr=True)
        return int(ExitCode.OK)
    with open_database(args, path, writing=True) as db:
        state = load_state(db) if db.encrypted else None
        remembered = state.credentials if state else None
        user, password = _credentials(args.credentials or remembered)
        report = sync(db, args.hub, user=user, password=password, site_name=args.site,
                      progress=_progress if sys.stderr.isatty() else None)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if args.credentials:
            remember_credentials(db, str(Path(args.credentials).expanduser().resolve()))
    return _say_report(report, args.format)


def _by_file(args: argparse.Namespace, path: Path) -> int:
    """--to-file / --from-file: the sync carried in a file (store.sync.carrying)."""
    from store.sync import from_file, to_file

    with open_database(args, path, writing=True) as db:
        if args.to_file:
            written = to_file(db, args.to_file, everything=args.everything,
                              site_name=args.site)
        else:
            report = from_file(db, args.from_file)
    if args.to_file:
        if args.format == "json":
            print(json.dumps(written.__dict__, indent=2))
        else:
            _say(ngettext("Wrote {count} record to {path} ({size} bytes).",
                          "Wrote {count} records to {path} ({size} bytes).",
                          written.records).format(count=written.records, path=written.path,
                                                  size=written.size))
        return int(ExitCode.OK)
    return _say_report(report, args.format)


def _say_report(report: Any, form: str) -> int:
    for problem in report.problems:
        _say(f"pulang: {problem}", to_stderr=True)
    if form == "json":
        print(json.dumps(report.__dict__, indent=2))
    else:
        _say(ngettext("Sent {sent}, received {received}, merged {merged}; {count} conflict "
                      "to decide.",
                      "Sent {sent}, received {received}, merged {merged}; {count} conflicts "
                      "to decide.", report.conflicts).format(
                          sent=report.sent, received=report.received, merged=report.merged,
                          count=report.conflicts))
    return int(ExitCode.PROBLEMS if report.problems else ExitCode.OK)


def _progress(what: str, done: int, of: int) -> None:
    """On a terminal, one line rewritten as the packets go: a sync of thousands of records
    over a slow link is seen to move."""
    line = (_("Sent {done} of {of}…").format(done=done, of=of) if what == "sent"
            else _("Received {done}…").format(done=done))
    print("\r" + line, end="", file=sys.stderr, flush=True)


def _say_status(status: Any, form: str, partners: list[Any] | None = None) -> int:
    """The union's domain, then each partner's (`pulang sync --status`)."""
    partners = partners or []
    if form == "json":
        print(json.dumps({**status.__dict__, "partners": [
            {"partner": p.org_id, "org": p.org, "shared_cases": p.shared_cases,
             "received": p.received, "agreement": p.agreement, "override": p.override,
             **p.status.__dict__} for p in partners]}, indent=2, default=str))
        return int(ExitCode.OK)
    _say_union(status)
    for found in partners:
        say_partner_lines(found)
    return int(ExitCode.OK)


def _say_union(status: Any) -> None:
    if status.hub is None and status.last_sync is None:
        _say(_("This database has never synced. {count} records would be sent.").format(
            count=status.waiting))
        return
    last = status.last_sync or {}
    when = _when(last.get("at"))
    if status.hub is not None:  # a site that syncs by file only has none
        _say(_("Hub: {hub}").format(hub=status.hub))
    _say(_("This site: {site}").format(site=status.site))
    _say(_("Last sync: {when}").format(when=when or pgettext("last sync", "never")))
    _say(ngettext("{count} change waiting to be sent", "{count} changes waiting to be sent",
                  status.waiting).format(count=status.waiting))
    _say(ngettext("{count} conflict to decide", "{count} conflicts to decide",
                  len(status.conflicts)).format(count=len(status.conflicts)))
    for ref in status.same_refs:
        _say(_("Two cases carry the reference {ref}: they were made at two sites while "
               "apart.").format(ref=ref))
    for conflict in status.conflicts:
        sites = ", ".join(sorted({str(m.get("site")) for m in conflict["made"].values()}))
        what = (_("removed at one site, edited at another") if conflict["removed"]
                else ", ".join(conflict["fields"]))
        _say(f"  {conflict['table']} {conflict['id'][:8]}  {what}  ({sites})")


def say_partner_lines(found: Any) -> None:
    status = found.status
    _say(_("Partner: {org}").format(org=found.org))
    if status.hub is not None:
        _say("  " + _("Hub: {hub}").format(hub=status.hub))
    last = (status.last_sync or {}).get("at")
    _say("  " + _("Last sync: {when}").format(
        when=_when(last) or pgettext("last sync", "never")))
    _say("  " + ngettext("{count} case shared with it", "{count} cases shared with it",
                         found.shared_cases).format(count=found.shared_cases))
    if found.received:
        _say("  " + ngettext("{count} record made by it", "{count} records made by it",
                             found.received).format(count=found.received))
    if found.agreement:
        _say("  " + _("Under the agreement “{title}”").format(title=found.agreement))
    elif found.override:
        from store.sync import override_day

        _say("  " + _("No agreement covering data sharing: shared under the override recorded "
                      "on {on}: {reason}").format(on=override_day(found.override),
                                                  reason=found.override.get("reason", "")))
    else:
        _say("  " + _("No agreement covering data sharing is in force: the next sync will "
                      "refuse without --override \"REASON\"."))
    _say("  " + ngettext("{count} change waiting to be sent", "{count} changes waiting to be "
                         "sent", status.waiting).format(count=status.waiting))
    _say("  " + ngettext("{count} conflict to decide", "{count} conflicts to decide",
                         len(status.conflicts)).format(count=len(status.conflicts)))


def _when(text: str | None) -> str:
    if not text:
        return ""
    import datetime as dt

    try:
        return format_datetime(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


def _hub(args: argparse.Namespace) -> int:
    from store.sync import load_state, purge

    passphrases = Passphrases(args)
    with _open(args, passphrases) as db:
        state = load_state(db)
        url = args.hub or (state.hub if state else None)
        if not url:
            raise PulangError(_("Name the hub: pulang hub purge --hub URL."))
        user, password = _credentials(args.credentials)
        done = purge(db, url, user, password)
    print(_("Purged {revisions} revisions of {ids} erased records from the hub.").format(
        revisions=done.revisions, ids=done.ids), file=sys.stderr)
    return int(ExitCode.OK)

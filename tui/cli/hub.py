"""`pulang hub setup`, `pulang hub revoke SITE` (and `pulang hub purge`, in tui.cli.sync):
the hub's admin work, run from the union's office with the hub admin's credentials."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from store import ExitCode, PulangError, UsageError, _, ngettext
from tui.cli.say import _db_path, _say

# tui.cli.sync and tui.cli.opening load the Database (about 200 ms): imported by the commands
# only, since `hub_parser` is read on every start.


def hub_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """The `hub` command's arguments (tui.cli.parser)."""
    hub = sub.add_parser(
        "hub", parents=[common],
        help=_("the hub's upkeep, for whoever runs it"),
        description=_("Run from the union's office, with the hub admin's credentials (never "
                      "copied to a field laptop). setup: create the union's database on the "
                      "hub, admitting only its sites, and a hub user for each new --site, "
                      "whose credentials file (mode 0600) is written into --out, to carry to "
                      "that site by hand; run again, it adds sites and changes nothing else. "
                      "revoke SITE: for a lost or stolen laptop, remove that site's hub user, "
                      "make a new shared key here and list what the site held at its last "
                      "sync. purge: remove from the hub, for good, every old revision of the "
                      "records erased (the right to erasure), then compact it."))
    hub.add_argument("task", choices=["setup", "revoke", "purge"],
                     help=_("what to do: setup, revoke or purge"))
    hub.add_argument("site", nargs="?", metavar="SITE",
                     help=_("revoke: the site whose hub user is removed"))
    hub.add_argument("--hub", metavar="URL", help=_("the hub's database (default: the one "
                                                   "this database syncs with)"))
    hub.add_argument("--admin-credentials", "--credentials", dest="credentials",
                     metavar="FILE",
                     help=_("a file holding the hub admin's `user:password` (mode 0600)"))
    hub.add_argument("--site", dest="sites", metavar="NAME", action="append", default=[],
                     help=_("setup: a site to make a hub user for (once for each site)"))
    hub.add_argument("--out", metavar="DIR", default=".",
                     help=_("setup: the folder the sites' credentials files are written in "
                            "(default: the current folder)"))


def _hub(args: argparse.Namespace) -> int:
    if args.task == "setup":
        return _setup(args)
    if args.task == "revoke":
        return _revoke(args)
    from tui.cli.sync import _hub as purge

    return purge(args)


def _setup(args: argparse.Namespace) -> int:
    from store.sync import setup
    from tui.cli.sync import _credentials

    if not args.hub or not args.sites:
        raise UsageError(_("Name the hub and the sites: pulang hub setup --hub URL "
                           "--admin-credentials FILE --site NAME [--site NAME ...]."))
    user, password = _credentials(args.credentials)
    done = setup(args.hub, user, password, args.sites, Path(args.out).expanduser())
    if done.users_db:
        _say(_("Created the hub's _users database, where its users are kept."))
    if done.created:
        _say(_("Created the database {database} on the hub.").format(database=done.database))
    if done.security:
        _say(_("Only the union's sites may use it now: no public access, no site among its "
               "admins."))
    if done.others:
        _say(_("It also admits, as before: {members}. Remove them from its _security if they "
               "are not the union's.").format(members=", ".join(done.others)))
    if done.revs_limit:
        _say(_("It keeps {count} revisions of a record's history (_revs_limit), as many as "
               "the sites send.").format(count=done.revs_limit))
    if done.revs_limit_refused:
        _say(_("This hub keeps no _revs_limit (pouchdb-server): left as it is."))
    for site in done.existing:
        _say(_("The site {site} was set up before: left as it is.").format(site=site))
    for site, file in done.added:
        _say(_("Made the hub user of the site {site}; its credentials are in {path} (mode "
               "0600).").format(site=site, path=file))
    if done.added:
        _say(_("Carry each file to its site by hand (never by e-mail or chat), and there run: "
               "pulang sync --hub {hub} --credentials FILE --site NAME. Then delete the "
               "file here.").format(hub=args.hub))
    return int(ExitCode.OK)


def _revoke(args: argparse.Namespace) -> int:
    from store.sync import check_site_name, load_state, revoke, rotate_key
    from tui.cli.opening import open_database
    from tui.cli.sync import _credentials

    if not args.site:
        raise UsageError(_("Name the site: pulang hub revoke SITE --hub URL "
                           "--admin-credentials FILE."))
    check_site_name(args.site)
    path, _explicit = _db_path(args)
    with open_database(args, path, writing=True) as db:
        state = load_state(db) if db.encrypted else None
        if state is None:
            raise PulangError(_(
                "This database does not sync with a hub: run revoke at a site that does (it "
                "makes a new shared key there and opens what the revoked site held)."))
        url = args.hub or state.hub
        if not url:
            raise UsageError(_("Name the hub: pulang hub revoke SITE --hub URL."))
        user, password = _credentials(args.credentials)
        done = revoke(db, url, user, password, args.site, list(state.keys),
                      removed=lambda: rotate_key(db))
    _say(_("The hub user of the site {site} is removed: its credentials no longer work.")
         .format(site=args.site))
    _say(_("A new shared key was made here; the next sync seals every record again with it."))
    if done.problem:
        _say(f"pulang: {done.problem}", to_stderr=True)
        _say(_("What the site held could not be read from the hub; its user is removed and "
               "the key made new all the same."))
    else:
        _say_held(done)
    _say(_("Now export the new key (pulang sync --export-key FILE) and carry it to each other "
           "site by hand, where they import it (pulang sync --import-key FILE). The lost "
           "laptop's own copy of the database stays readable to whoever holds its "
           "passphrase: warn the people listed."))
    return int(ExitCode.HUB if done.problem else ExitCode.OK)


def _say_held(done: Any) -> None:
    if not done.synced:
        _say(_("The site {site} never synced: it held nothing from the hub, only what was "
               "entered on it. (A site that last synced with a Pulang older than `hub revoke` "
               "left no checkpoint under its name: treat it as holding everything.)").format(
                   site=done.site))
        return
    _say(_("What the site {site} held at its last sync (as {name}):").format(
        site=done.site, name=done.site_name or done.site))
    for label, count in done.counts(certain=True):
        _say(f"  {label}: {count}")
    later = done.counts(certain=False)
    if later:
        _say(_("Changed on the hub since its last sync (it held an earlier version of those "
               "that existed then):"))
        for label, count in later:
            _say(f"  {label}: {count}")
    if done.unreadable:
        _say(ngettext("{count} record did not open with this database's keys.",
                      "{count} records did not open with this database's keys.",
                      done.unreadable).format(count=done.unreadable))
    cases = done.cases()
    if not cases:
        return
    # The names are for the officer who warns the people affected: on a terminal only, never
    # into a file or a pipe (nor the audit trail, which records the revoke without them).
    shown = sys.stdout.isatty()
    _say(_("Cases (* changed since its last sync):") if shown else _(
        "Cases (* changed since its last sync; the workers' names are shown only on a "
        "terminal):"))
    for ref, certain, names in cases:
        mark = " " if certain else "*"
        _say(f"  {mark} {ref}" + (f"  {', '.join(names)}" if shown and names else ""))

"""Sharing cases with a partner organisation (`pulang sync --partner ORG`, and the app's
organisation page): the checks before anything goes, the sync of its domain, its status and
its key. What the domain holds and how it syncs is `store.sync.partners`'.

Sharing needs a cooperation agreement with the organisation that covers data sharing and is in
force (`Database.sharing_agreement`). Without one, Pulang refuses, unless the officer gives a
reason: the override is recorded in the audit trail with it (`audit.SHARING_OVERRIDE`) and in
the domain's state, and the syncs after it say they go under it, until an agreement covers it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from store.common import clock
from store.common.errors import PulangError, RuleRefused
from store.common.i18n import _, format_date, ngettext
from store.domain.records import Agreement, Organisation
from store.domain.text import fold
from store.domain.vocab import AgreementArea, label
from store.engine import audit
from store.sync.partners import PartnerPolicy, PartnerView, partner_path
from store.sync.pushing import Report
from store.sync.session import Status, export_key, import_key, status, sync

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.db import Database


class SharingRefused(RuleRefused):
    """No agreement covering data sharing with the organisation, and no override given."""


def find_partner(db: Database, text: str) -> Organisation:
    """The organisation of the directory named by `text`: its id, its name, acronym or another
    name, or a part of its name found once; PulangError otherwise, saying why."""
    wanted = fold(text)
    orgs = db.organisations()
    exact = [o for o in orgs if o.id == text.strip()]
    if exact:
        return exact[0]
    named = [o for o in orgs
             if wanted in {fold(n) for n in (o.name, o.acronym, *o.other_names) if n}]
    if len(named) == 1:
        return named[0]
    if not named:
        named = [o for o in orgs if wanted and wanted in fold(o.name)]
        if len(named) == 1:
            return named[0]
    if not named:
        raise PulangError(_("No organisation in the directory is called “{name}”.").format(
            name=text))
    raise PulangError(_("{count} organisations are called “{name}”: {names}. Name one by its "
                     "full name.").format(count=len(named), name=text,
                                          names="; ".join(o.name for o in named)))


def view_of(db: Database, org_id: str) -> PartnerView:
    return PartnerView(db, db.organisation(org_id))


def partner_ids(db: Database) -> list[str]:
    """The organisations this database has a partner domain with (it synced, or holds its
    key), in the directory still."""
    prefix = f"{db.path.name}.partner-"
    found = sorted(p.name[len(prefix):-len(".sync")]
                   for p in db.path.parent.glob(f"{prefix}*.sync"))
    known = {o.id for o in db.organisations()}
    return [org_id for org_id in found if org_id in known]


@dataclass
class Covered:
    """Under what the cases go to a partner: an agreement, or an override recorded."""

    agreement: Agreement | None
    override: dict[str, str] | None = None


def covered(db: Database, view: PartnerView, override: str | None = None) -> Covered:
    """The agreement covering data sharing with the partner, in force; else the override
    recorded before, or the one given now (`override`: the officer's reason, recorded);
    else SharingRefused, saying what to do."""
    agreement = db.sharing_agreement(view.org_id)
    if agreement is not None:
        return Covered(agreement)
    if override is not None and override.strip():
        reason = " ".join(override.split())
        db.audit_event(audit.SHARING_OVERRIDE, table="organisations", record_id=view.org_id,
                       note=reason)
        return Covered(None, {"on": clock.today().isoformat(), "reason": reason})
    state = view.state
    before = state.partner.get("override") if state is not None else None
    if before:
        return Covered(None, dict(before))
    said = _("No cooperation agreement with {org} covers data sharing and is in force, so no "
             "case goes to it.").format(org=view.org_name)
    pending = [a for a in db.agreements_of(view.org_id) if AgreementArea.DATA_SHARING in a.areas]
    if pending:
        said += " " + _("“{title}” covers it but is {status}.").format(
            title=pending[0].title, status=label(pending[0].status))
    raise SharingRefused(said + " " + _(
        "Record one among the agreements (its areas include “data sharing”, its status “in "
        "force”), or share anyway with a reason, which is recorded."))


@dataclass
class PartnerReport:
    """What a sync with a partner did, and what the officer should hear of it."""

    report: Report
    org: str
    shared_cases: int  # the cases the two have in common: shared with it, or by it
    agreement: str | None  # its title
    override: dict[str, str] | None = None
    notes: list[str] = field(default_factory=list)


def sync_partner(db: Database, org_id: str, hub_url: str | None = None, *,
                 user: str | None = None, password: str | None = None,
                 override: str | None = None, site_name: str | None = None,
                 progress: Callable[[str, int, int], None] | None = None,
                 credentials: str | None = None) -> PartnerReport:
    """Sync the partner's domain (see the module's doc) with its hub database."""
    view = view_of(db, org_id)
    org = db.organisation(org_id)
    db._refuse_an_actor([org.name, org.acronym, *org.other_names])  # noqa: SLF001 - its rule
    cover = covered(db, view, override)
    policy = PartnerPolicy(view, cover.override)
    report = sync(view, hub_url, user=user, password=password, site_name=site_name,
                  progress=progress, credentials=credentials, policy=policy)
    report.withdrawn = len(policy.withdrawn)
    in_common = sum(1 for table in view.replica_tables().values() if table == "cases")
    done = PartnerReport(report, view.org_name, in_common,
                         cover.agreement.title if cover.agreement else None, cover.override)
    if cover.override is not None:
        done.notes.append(_("Shared without an agreement covering data sharing, under the "
                            "override recorded on {on}: {reason}").format(
            on=override_day(cover.override), reason=cover.override.get("reason", "")))
    if report.withdrawn:
        done.notes.append(withdrawn_note(view.org_name, report.withdrawn, cover.agreement))
    return done


def override_day(override: dict[str, str]) -> str:
    """The day an override was recorded, as the officer reads dates."""
    try:
        return format_date(dt.date.fromisoformat(override.get("on", "")))
    except ValueError:
        return override.get("on", "")


def withdrawn_note(org: str, count: int, agreement: Agreement | None) -> str:
    """What the officer hears when fields were taken back from a partner's copy."""
    said = ngettext(
        "{count} record had fields {org} may no longer hold (consent withdrawn or narrowed): "
        "they are removed from its copy in Pulang.",
        "{count} records had fields {org} may no longer hold (consent withdrawn or narrowed): "
        "they are removed from its copy in Pulang.", count).format(count=count, org=org)
    said += " " + _("Copies it already made outside Pulang (printed, exported, sent on) are "
                    "out of Pulang's reach.")
    if agreement is not None:
        said += " " + _("What happens to them is for the agreement “{title}” to say: ask {org} "
                        "to act on it.").format(title=agreement.title, org=org)
    else:
        said += " " + _("No agreement covers them: ask {org} to delete them.").format(org=org)
    return said


@dataclass
class PartnerStatus:
    org_id: str
    org: str
    status: Status
    shared_cases: int
    received: int
    agreement: str | None
    override: dict[str, str] | None


def partner_status(db: Database, org_id: str) -> PartnerStatus:
    """The status of the partner's domain (connects to nothing)."""
    view = view_of(db, org_id)
    state = view.state
    agreement = db.sharing_agreement(org_id)
    return PartnerStatus(org_id, view.org_name, status(view),  # type: ignore[arg-type]
                         len(db.cases_shared_with(org_id)), len(view.received),
                         agreement.title if agreement else None,
                         (state.partner.get("override") if state else None))


def export_partner_key(db: Database, org_id: str, passphrase: str) -> bytes:
    """The partner domain's key, sealed with `passphrase`, for the partner's Pulang."""
    return export_key(view_of(db, org_id), passphrase)  # type: ignore[arg-type]


def import_partner_key(db: Database, org_id: str, data: bytes, passphrase: str) -> None:
    """Take the key of a domain a partner made (`org_id`: that partner, in this directory)."""
    import_key(view_of(db, org_id), data, passphrase)  # type: ignore[arg-type]


def domain_files(db: Database, org_id: str) -> list[Path]:
    """The files the partner's domain keeps beside the database."""
    base = partner_path(db.path, org_id)
    return [base.with_name(base.name + suffix) for suffix in
            (".sync", ".sync-pending", ".sync-marks", ".sync-summary", ".sync.lock")]

"""The case shared with partner organisations of the directory (issue 31): S on the case page
chooses one to share it with, or one it is shared with to stop; the case's facts say with whom.

Sharing marks the case (`Database.share_case`); nothing leaves until a sync with that partner
(`store.sync.sync_partner`), which sends only what each worker's consent covers for that kind
of recipient (`store.domain.consenting`, the rule of briefs). Before the case is marked, the
officer reads what will go: how many workers' personal data, and whether an agreement covering
data sharing is in force (without one the sync refuses unless given a reason, recorded)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len

from store import PulangError, _, ngettext
from store.domain import Case, consenting, label, printable
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog, PickItem
from tui.store_work import run_store

if TYPE_CHECKING:
    from store.db import Database

_LEAD_LIMIT = 60  # characters of an organisation's name quoted in a question


@dataclass(frozen=True)
class SharingPreview:
    """What would go to the partner's copy, worked out before the case is marked shared."""

    org_id: str
    org: str  # its name, as the dialogs quote it
    kind: str  # the kind of recipient it is, in words ("a partner union")
    consenting: int  # workers whose consent covers that kind
    workers: int
    agreement: str | None  # the title of the agreement covering data sharing, in force

    def question(self, ref: str) -> str:
        said = _("Share {ref} with {org}?").format(ref=ref, org=self.org) + " " + self.what_goes()
        return said + " " + self.cover()

    def what_goes(self) -> str:
        return ngettext(
            "At the next sync with {org}, this case goes to {org}'s copy, with the personal "
            "data of {count} of {total} worker (those whose consent covers “{kind}”); the others "
            "appear without their details.",
            "At the next sync with {org}, this case goes to {org}'s copy, with the personal "
            "data of {count} of {total} workers (those whose consent covers “{kind}”); the others "
            "appear without their details.", self.workers).format(
            org=self.org, count=self.consenting, total=self.workers, kind=self.kind)

    def cover(self) -> str:
        if self.agreement is None:
            return _("No agreement with {org} covering data sharing is in force: the sync will "
                     "refuse unless you give a reason, which is recorded.").format(org=self.org)
        return _("It goes under the agreement “{title}”, which covers data sharing.").format(
            title=self.agreement)


def preview(db: Database, case_id: str, org_id: str) -> SharingPreview:
    """What sharing the case with the organisation would send (run in a thread: it loads
    store.sync, whose view of the partner's domain knows what kind of recipient it is)."""
    from store.sync import view_of

    view = view_of(db, org_id)
    workers = db.workers_of(case_id)
    count = sum(consenting([db.consent_of(w.id)], view.kind) for w in workers)
    agreement = db.sharing_agreement(org_id)
    return SharingPreview(org_id, printable(view.org_name, limit=_LEAD_LIMIT),
                          label(view.kind), count, len(workers),
                          printable(agreement.title, limit=120) if agreement else None)


def fit_names(lead: str, names: list[str], width: int) -> str:
    """`lead` and as many of `names` as fit in `width` cells on one line; the rest cut short
    with "…" and counted: "Shared with: LFTU, KSPSI, … +2"."""
    for shown in range(len(names), 0, -1):
        left = len(names) - shown
        text = lead + ", ".join(names[:shown]) + (f", … +{left}" if left else "")
        if cell_len(text) <= width:
            return text
    if not names:
        return lead.strip()
    # Not even the first name fits: it is cut short, the others counted.
    tail = f" +{len(names) - 1}" if len(names) > 1 else ""
    text = lead + names[0]
    while text and cell_len(text + "…" + tail) > width:
        text = text[:-1]
    return text.rstrip() + "…" + tail


class CaseSharing:
    """Part of `CaseScreen` (a mix-in): sharing the case with partners, and the facts' line
    that says with whom."""

    def shared_line(self, width: int) -> list[str]:
        """ "Shared with: X, Y" on one line of `width` cells, or nothing if not shared."""
        case = self.case
        if case is None or not case.shared_with:
            return []
        names = []
        for org_id in case.shared_with:
            try:
                org = self.pulang.db.organisation(org_id)
                names.append(printable(org.acronym or org.name, limit=_LEAD_LIMIT))
            except PulangError:
                names.append(_("(removed)"))
        return [fit_names(_("Shared with:") + " ", names, max(width, 20))]

    def action_share(self) -> None:
        """Choose an organisation of the directory to share this case with, or one it is
        shared with to stop sharing."""
        from tui.screens.tasks import organisation_items

        case = self.case
        if case is None:
            return
        items = organisation_items(self.pulang.db)
        if not items:
            self.notify(_("The directory has no organisation yet: add the partner in People & "
                          "organisations (3) first."), severity="warning")
            return
        shared = set(case.shared_with)
        marked = _("shared now: Enter stops sharing")
        items = sorted(items, key=lambda i: i.id not in shared)  # those shared first
        items = [PickItem(i.id, i.label, marked if i.id in shared else i.detail, i.spellings)
                 for i in items]
        title = (_("Share {ref} with a partner organisation") if not shared else
                 _("Share {ref} with another partner, or stop sharing with one")).format(
            ref=case.ref or "")
        self.app.push_screen(PickerDialog(title, items), self._partner_chosen)

    def _partner_chosen(self, chosen: list[str] | None) -> None:
        if not chosen or self.case is None:
            return
        org_id = chosen[0]
        if org_id in self.case.shared_with:
            self._ask_to_stop(org_id)
            return
        run_store(self, partial(preview, self.pulang.db, self.case_id, org_id),
                  self._ask_to_share, self._store_failed, group="sharing", exclusive=True)

    def _ask_to_share(self, said: SharingPreview) -> None:
        if not self.is_attached or self.case is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._mark(said.org_id, True, _("Shared with {org}.").format(org=said.org)
                           + " " + said.what_goes())

        self.app.push_screen(ConfirmDialog(said.question(self.case.ref or ""), _("Share"),
                                           _("Cancel")), answered)

    def _ask_to_stop(self, org_id: str) -> None:
        try:
            org = printable(self.pulang.db.organisation(org_id).name, limit=_LEAD_LIMIT)
        except PulangError as error:
            self._store_failed(error)
            return
        question = _("Stop sharing {ref} with {org}? Its copy at {org} is removed at the next "
                     "sync with {org}.").format(ref=self.case.ref or "", org=org)

        def answered(yes: bool | None) -> None:
            if yes:
                self._mark(org_id, False, _("No longer shared with {org}: its copy there is "
                                            "removed at the next sync with it.").format(org=org))

        self.app.push_screen(ConfirmDialog(question, _("Stop sharing"), _("Keep sharing")),
                             answered)

    def _mark(self, org_id: str, shared: bool, done_words: str) -> None:
        db = self.pulang.db

        def marked(case: Case) -> None:
            self.case = case
            if self.is_attached:
                self.render_facts()
            self.notify(done_words, timeout=12, markup=False)

        self.pulang.run_store(lambda: db.share_case(self.case_id, org_id, shared), marked,
                              self._store_failed, what="case")

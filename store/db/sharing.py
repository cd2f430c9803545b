"""Cases shared with partner organisations, in the Database: marking a case shared (or no
longer) with an organisation of the directory, and the agreement that lets it go.

A part of `store.db.database.Database` (see `store.db.base`). What of a shared case goes to
the partner's copy is `store.domain.rules.sharing`'s; the sync itself `store.sync.partners`'.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from store.common import clock
from store.common.errors import StillLinked
from store.common.i18n import _, ngettext
from store.db.base import CASES, KIND_OF, LOG, Part, valid
from store.domain.records import Agreement, Case, LogEntry, Organisation
from store.domain.rules.erasure import without_names
from store.domain.text import shorten
from store.domain.vocab import AgreementArea, AgreementStatus
from store.engine import audit, replicas
from store.engine.indexes import CHILD_TABLES


class SharingPart(Part):
    """Which cases go to which partner, and under which agreement."""

    def share_case(self, case_id: str, org_id: str, shared: bool = True) -> Case:
        """Mark the case shared with the organisation (or no longer: its copy there is
        removed at the next sync with that partner). An ordinary edit of the case, audited."""
        with self.transaction():
            self._must_exist(Organisation, [org_id], _("The organisation"))
            if shared:
                org = self.organisation(org_id)
                self._refuse_an_actor([org.name, org.acronym, *org.other_names])
            case = self.get(Case, case_id)
            partners = [p for p in case.shared_with if p != org_id]
            if shared:
                partners.append(org_id)
            if partners == case.shared_with:
                return case
            return self._save(case.model_copy(update={"shared_with": partners}))

    def _refuse_if_partner(self, org: Organisation, merging: bool = False) -> None:
        """An organisation cases are shared with, or whose copy syncs with this database,
        is not removed (nor merged away: its domain's files are named by its id)."""
        shared = len(self.cases_shared_with(org.id))
        syncs = any(p.name.endswith(f".partner-{org.id}") for p in replicas.domains(self.path))
        if syncs:
            raise StillLinked(_("{name}'s copy syncs with this database: keep this record "
                                "(merge the other one into it).").format(name=shorten(org.name)))
        if shared and not merging:
            raise StillLinked(ngettext(
                "{count} case is shared with {name}: stop sharing it first.",
                "{count} cases are shared with {name}: stop sharing them first.",
                shared).format(count=shared, name=shorten(org.name)))

    def _move_partner(self, drop_id: str, keep_id: str) -> None:
        """A merge: the cases shared with the one merged away, and what came from it, now
        name the one kept."""
        for case in self.cases_shared_with(drop_id):
            partners = list(dict.fromkeys(keep_id if p == drop_id else p
                                          for p in case.shared_with))
            self._save(case.model_copy(update={"shared_with": partners}))
        for doc in self._engine.all(LOG):
            if doc.get("from_org_id") == drop_id:
                entry = valid(LogEntry, doc)
                self._save(entry.model_copy(update={"from_org_id": keep_id}))

    def cases_shared_with(self, org_id: str) -> list[Case]:
        """The cases marked shared with the organisation."""
        with self._lock:
            self._engine.refresh()
            return [valid(Case, d) for d in self._engine.all(CASES)
                    if org_id in (d.get("shared_with") or [])]

    def cases_in_common(self, org_id: str, received: set[str]) -> list[str]:
        """The ids of the cases shared with the organisation, and of those among `received`
        (cases its copy shared with this one): read off the stored cases without building
        each one (a partner's sync asks at every step, in a database of thousands)."""
        with self._lock:
            self._engine.refresh()
            return [d["id"] for d in self._engine.all(CASES)
                    if d.get("id") in received or org_id in (d.get("shared_with") or [])]

    def case_records(self, case_id: str) -> list[tuple[str, dict[str, Any]]]:
        """Every record that belongs to the case (its workers, their screening, consent and
        plan, its log, and any kind of record added later under a case), as stored: (table,
        body), without the local version counter."""
        with self._lock:
            self._engine.refresh()
            found = []
            for table in CHILD_TABLES:
                for doc in self._engine.children_of(table, case_id):
                    doc.pop("version", None)
                    found.append((table, doc))
            return found

    def forget_names(self, case_id: str, names: list[str], ids: set[str], note: str) -> int:
        """Blank `names` out of the private text of the case's records among `ids` (a
        worker's names, where their consent no longer lets this copy hold them), as an
        erasure does; recorded as `audit.ERASURE_APPLIED` with `note`. How many changed."""
        changed = 0
        with self._lock, self.audit_as(audit.ERASURE_APPLIED, note), self.transaction():
            for table in CHILD_TABLES:
                for doc in self._engine.children_of(table, case_id):
                    if doc.get("id") not in ids:
                        continue
                    cleaned = without_names(valid(KIND_OF[table], doc), names)
                    if cleaned is not None:
                        self._save(cleaned)
                        changed += 1
        return changed

    def sharing_agreement(self, org_id: str, on: dt.date | None = None) -> Agreement | None:
        """The agreement with the organisation that covers data sharing and is in force
        (`on` a day, today by default), the most recent first; None if there is none."""
        on = on or clock.today()
        found = [a for a in self.agreements_of(org_id)
                 if org_id in a.party_ids and AgreementArea.DATA_SHARING in a.areas
                 and a.status is AgreementStatus.IN_FORCE and (a.since or on) <= on]
        return max(found, key=lambda a: a.since or on, default=None)

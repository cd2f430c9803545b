"""Merging two records of one organisation or person in the Database: every spelling, link
and role kept, every link to the one dropped leading to the one kept, as one atomic change
recorded in the audit trail as a merge.

A part of `store.db.database.Database` (see `store.db.base`; the module `store.db.network`
says the network's rules).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from store.common.errors import MergeRefused
from store.common.i18n import _
from store.db.base import NETWORK_TABLE_OF, Part, R
from store.domain.records import Organisation, Person, Role, build
from store.domain.text import fold, shorten
from store.engine.audit import MERGE


class MergingPart(Part):
    """Merging duplicates of the directory."""

    def _merge_pair(self, kind: type[R], keep_id: str, drop_id: str) -> tuple[R, R]:
        if keep_id == drop_id:
            raise MergeRefused(_("A record cannot be merged into itself."))
        table = NETWORK_TABLE_OF[kind]
        keep_doc, drop_doc = self._engine.get(table, keep_id), self._engine.get(table, drop_id)
        if keep_doc is None or drop_doc is None:
            raise MergeRefused(_("One of the two records is no longer there (merged or removed "
                                 "by another officer?)."))
        return self._read(kind, keep_doc), self._read(kind, drop_doc)

    def merge_people(self, keep_id: str, drop_id: str) -> Person:
        """Join two records of the same person into `keep_id`'s: every spelling, phone,
        e-mail, language, role and note is kept, every link to the other now leads here, and
        the other is removed. One atomic change, recorded as a merge in the audit trail."""
        with self.audit_as(MERGE, note=f"{drop_id} -> {keep_id}"), self.transaction():
            keep, drop = self._merge_pair(Person, keep_id, drop_id)
            # The role kept as current: the kept record's, unless it has none.
            current = keep if (keep.org_id or keep.title) else drop
            roles = [*keep.history, *drop.history]
            for other in (keep, drop):
                if other is not current and (other.org_id or other.title):
                    roles.append(Role(org_id=other.org_id, title=other.title,
                                      since=other.title_since))
            history: list[Role] = []
            for role in roles:
                if role not in history and not (
                        role.until is None
                        and (role.org_id, role.title) == (current.org_id, current.title)):
                    history.append(role)
            history.sort(key=lambda r: (r.since or dt.date.min, r.until or dt.date.max))
            merged = build(Person, {
                **keep.model_dump(),
                "other_spellings": _union([keep.full_name], keep.other_spellings,
                                          [drop.full_name], drop.other_spellings)[1:],
                "org_id": current.org_id,
                "title": current.title,
                "title_since": current.title_since,
                "country": keep.country or drop.country,
                "phones": _union(keep.phones, drop.phones),
                "emails": _union(keep.emails, drop.emails),
                "languages": _union(keep.languages, drop.languages),
                "notes": _joined(keep.notes, drop.notes),
                "history": [r.model_dump() for r in history],
                "merged_ids": _union(keep.merged_ids, [drop.id], drop.merged_ids),
            })
            for entry in self.entries_naming(drop_id):
                self._save(entry.model_copy(update={"counterpart_person_id": keep_id}))
            for meeting in self.meetings_with(drop_id):
                self._save(meeting.model_copy(update={
                    "person_ids": _replaced(meeting.person_ids, drop_id, keep_id)}))
            for agreement in self.agreements_of(drop_id):
                self._save(agreement.model_copy(update={
                    "signatory_ids": _replaced(agreement.signatory_ids, drop_id, keep_id)}))
            for task in self.tasks(owner_id=drop_id):
                self._save(task.model_copy(update={"owner_id": keep_id}))
            self._remove(Person, drop_id)
            return self._save(merged)

    def merge_organisations(self, keep_id: str, drop_id: str) -> Organisation:
        """Join two records of the same organisation into `keep_id`'s (see merge_people):
        names, acronym, notes and members are kept, people, log entries, meetings and
        agreements now name the one kept."""
        with self.audit_as(MERGE, note=f"{drop_id} -> {keep_id}"), self.transaction():
            keep, drop = self._merge_pair(Organisation, keep_id, drop_id)
            self._refuse_if_partner(drop, merging=True)
            names = _union([keep.name], keep.other_names, [drop.name], drop.other_names)
            acronym = keep.acronym or drop.acronym
            if drop.acronym and fold(drop.acronym) != fold(acronym):
                names = _union(names, [drop.acronym])
            parent = keep.parent_id if keep.parent_id not in (None, drop_id) else (
                drop.parent_id if drop.parent_id != keep_id else None)
            merged = build(Organisation, {
                **keep.model_dump(),
                "other_names": names[1:],
                "acronym": acronym,
                "kind": keep.kind if keep.kind.value != "Other" else drop.kind,
                "country": keep.country or drop.country,
                "city": keep.city or drop.city,
                "parent_id": parent,
                "notes": _joined(keep.notes, drop.notes),
                "merged_ids": _union(keep.merged_ids, [drop.id], drop.merged_ids),
            })
            for agreement in self.agreements_of(drop_id):
                parties = _replaced(agreement.party_ids, drop_id, keep_id)
                if len(parties) < 2:
                    raise MergeRefused(_("Both are parties to the agreement \"{title}\": an "
                                         "agreement needs two different parties.").format(
                                             title=shorten(agreement.title)))
                self._save(agreement.model_copy(update={"party_ids": parties}))
            for person in self._all(Person):
                if drop_id == person.org_id or any(r.org_id == drop_id for r in person.history):
                    history = [r.model_copy(update={"org_id": keep_id})
                               if r.org_id == drop_id else r for r in person.history]
                    org_id = keep_id if person.org_id == drop_id else person.org_id
                    self._save(person.model_copy(update={"org_id": org_id,
                                                         "history": history}))
            for org in self._all(Organisation):
                if org.parent_id == drop_id and org.id != keep_id:
                    self._save(org.model_copy(update={"parent_id": keep_id}))
            for entry in self.entries_naming(drop_id):
                self._save(entry.model_copy(update={"counterpart_org_id": keep_id}))
            for meeting in self.meetings_with(drop_id):
                self._save(meeting.model_copy(update={
                    "org_ids": _replaced(meeting.org_ids, drop_id, keep_id)}))
            self._move_partner(drop_id, keep_id)
            self._remove(Organisation, drop_id)
            return self._save(merged)


def _union(*lists: Sequence[str]) -> list[str]:
    """Every item once, in order; items differing only in case or spacing count as one."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(" ".join(item.split()).casefold(), item)
    return list(seen.values())


def _joined(*notes: str) -> str:
    return "\n\n".join(n for n in dict.fromkeys(n.strip() for n in notes) if n)


def _replaced(ids: Sequence[str], old: str, new: str) -> list[str]:
    return list(dict.fromkeys(new if i == old else i for i in ids))

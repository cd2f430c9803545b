"""What tests/sync/killing.py checks after each round, once every site synced again (see its
doc): the records, the conflicts, the hub's revisions, the checkpoints, the databases."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from store.engine import replicas
from store.exchange.check import check
from tests.sync.killed_changes import Expected, Records, differences

if TYPE_CHECKING:
    from tests.sync.killing import Site


def hub_leaves(client: httpx.Client) -> dict[str, tuple[int, int]]:
    """Each live document on the hub: its winning revision's generation, and how many other
    live leaves it has (a conflict)."""
    answer = client.get("_all_docs", params={"include_docs": "true", "conflicts": "true"})
    answer.raise_for_status()
    leaves = {}
    for row in answer.json()["rows"]:
        doc = row["doc"]
        leaves[row["id"]] = (int(doc["_rev"].split("-", 1)[0]), len(doc.get("_conflicts", [])))
    return leaves


def _site(site: Site) -> tuple[Records, set[str], list[str]]:
    """A site's records, its conflicts, and what is unsound about its database."""
    unsound = []
    if replicas.pending_path(site.path).exists():
        unsound.append("a pending note is left after a whole sync")
    with site.open() as db:
        records = db.replica_records()
        unsound += [str(p) for p in check(db)]
        audit = db.verify_audit()
        if audit.broken_line is not None or audit.gaps:
            unsound.append(f"the audit trail: {audit}")
    state = site.state()
    conflicts = {i for i, d in state.docs.items() if d.conflict is not None}
    return records, conflicts, unsound


def _disagree(first: Records, other: Records) -> str:
    only = sorted(set(first) ^ set(other))
    apart = sorted(i for i in set(first) & set(other) if first[i] != other[i])
    return (f"held at one site only {[(i, (first.get(i) or other[i])[0]) for i in only][:10]}, "
            f"different {[(i, first[i][0]) for i in apart][:10]}")


def assert_sound(where: str, sites: list[Site], hub_url: str, client: httpx.Client,
                 expected: Expected, conflicted: set[str], generations: dict[str, int]
                 ) -> dict[str, int]:
    """Every check of a round (see tests/sync/killing.py); returns the hub's generations."""
    seen = {site.name: _site(site) for site in sites}
    records = seen[sites[0].name][0]
    for name, (held, conflicts, unsound) in seen.items():
        assert unsound == [], f"{where}: site {name}'s database: {unsound}"
        assert held == records, f"{where}: the sites disagree: {_disagree(records, held)}"
        assert conflicts == conflicted, (
            f"{where}: site {name}'s conflicts are {sorted(conflicts)}, "
            f"those made on purpose {sorted(conflicted)}")
    wrong = differences(expected, records)
    assert wrong == [], f"{where}: {len(wrong)} records not as committed: {wrong[:10]}"

    leaves = hub_leaves(client)
    assert set(leaves) == set(records), (
        f"{where}: the hub's live documents are not the records: lost there "
        f"{sorted(set(records) - set(leaves))[:10]}, more there "
        f"{sorted(set(leaves) - set(records))[:10]}")
    moved = {(i, records[i][0]): (generations.get(i, 0), leaves[i][0]) for i in leaves
             if leaves[i][0] != generations.get(i, 0) + expected.moved.get(i, 0)}
    assert moved == {}, (f"{where}: revisions on the hub (before, now) where the changes "
                         f"made {[expected.moved.get(i, 0) for i, _t in moved][:10]}: "
                         f"{dict(list(moved.items())[:10])}")
    split = {i for i, (_g, others) in leaves.items() if others}
    assert split == conflicted, (f"{where}: documents with several live leaves on the hub "
                                 f"{sorted(split)}, conflicts made {sorted(conflicted)}")

    # A site's checkpoint may stop before what the site itself wrote as it pulled (merges):
    # the end of the feed is reached by a further sync, which takes nothing in.
    _assert_checkpoints(where, sites, hub_url, client, at_end=False)
    for site in sites:
        report = site.sync(hub_url)
        assert (report["sent"], report["received"]) == (0, 0), (
            f"{where}: a further sync of {site.name} moved something: {report}")
    _assert_checkpoints(where + ", after a further sync", sites, hub_url, client, at_end=True)
    return {i: generation for i, (generation, _others) in leaves.items()}


def _assert_checkpoints(where: str, sites: list[Site], hub_url: str, client: httpx.Client,
                        at_end: bool) -> None:
    """Each site's checkpoint is its `_local` document's on the hub (and the end of the
    hub's changes feed)."""
    end = client.get("_changes", params={"since": "now"}).json()["last_seq"]
    for site in sites:
        state = site.state()
        mark = state.checkpoints.get(hub_url)
        answer = client.get(f"_local/pulang-{state.site_id}")
        doc = answer.json() if answer.status_code == 200 else None
        assert mark is not None and doc is not None, (
            f"{where}: site {site.name} has no checkpoint (state {mark}, hub {doc})")
        assert (mark["seq"], mark["session"]) == (doc.get("seq"), doc.get("session")), (
            f"{where}: site {site.name}'s checkpoint {mark} is not the hub's {doc}")
        assert not at_end or mark["seq"] == end, (
            f"{where}: site {site.name}'s checkpoint {mark['seq']} is not the end of the "
            f"hub's changes, {end}")

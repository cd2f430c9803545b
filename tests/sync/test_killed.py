"""Syncs killed (SIGKILL) part way, and what the next sync finds: at 20 random moments,
pushing, pulling and merging, no record duplicated or lost, the sites agreeing, the
checkpoints right and a further sync moving nothing (tests/sync/killing.py says how;
tests/soak kills 200 times); then, each by itself, the moments the random ones found wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from store.db.database import Database
from store.sync import Hub, export_key, import_key, load_state, pushing, sync
from tests.sync.conftest import SITE
from tests.sync.killing import KINDS, syncs_killed

if TYPE_CHECKING:  # imported by name, a class named Test... would be taken for tests
    from tests.sync.conftest import HubUnderTest


def test_a_sync_killed_at_20_random_moments_loses_and_repeats_nothing(
        hub_server: HubUnderTest, tmp_path: Path, cheap_keys: None) -> None:
    tally = syncs_killed(tmp_path, hub_server, kills=20, seed=20260513)
    print(tally)
    # The kills were spread over the syncs: most landed before the end, of every kind.
    assert all(tally.killed[kind] >= 1 for kind in KINDS), tally
    assert sum(tally.killed.values()) >= 10, tally


def test_a_checkpoint_the_hub_missed_is_written_at_the_next_sync(
        make_site: Callable[..., Database], hub_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after the state took the checkpoint but before the hub did: the next sync
    writes it on the hub, though nothing new came (the hub's copy stayed behind before)."""
    a, b = make_site("A", demo=True), make_site("B")
    import_key(b, export_key(a, "carried by hand"), "carried by hand")
    for site in (a, b):
        sync(site, hub_url, user=SITE[0], password=SITE[1])
    case = a.cases()[0]
    a.save_case(case.model_copy(update={"title": "Renamed at A"}))
    sync(a, hub_url, user=SITE[0], password=SITE[1])

    def killed(*args: object) -> None:
        raise KeyboardInterrupt  # the process dies here: nothing after it runs

    with monkeypatch.context() as patch:
        patch.setattr(Hub, "put_local", killed)
        with pytest.raises(KeyboardInterrupt):
            sync(b, hub_url, user=SITE[0], password=SITE[1])
    report = sync(b, hub_url, user=SITE[0], password=SITE[1])

    state = load_state(b)
    assert state is not None
    with httpx.Client(auth=SITE, trust_env=False) as client:
        on_hub = client.get(f"{hub_url}/_local/pulang-{state.site_id}").json()
        end = client.get(f"{hub_url}/_changes", params={"since": "now"}).json()["last_seq"]
    assert (report.sent, report.received) == (0, 0)
    assert [c.title for c in b.cases() if c.id == case.id] == ["Renamed at A"]
    assert state.checkpoints[hub_url]["seq"] == on_hub["seq"] == end
    assert state.checkpoints[hub_url]["session"] == on_hub["session"]


def _changed_apart(make_site: Callable[..., Database], hub_url: str
                   ) -> tuple[Database, Database, Any]:
    """Two sites in step, then one case changed at both (other fields); B has synced its
    change, A not yet: A's next sync merges them."""
    a, b = make_site("A", demo=True), make_site("B")
    import_key(b, export_key(a, "carried by hand"), "carried by hand")
    for site in (a, b):
        sync(site, hub_url, user=SITE[0], password=SITE[1])
    case = a.cases()[0]
    a.save_case(case.model_copy(update={"title": "Renamed at A"}))
    there = next(c for c in b.cases() if c.id == case.id)
    b.save_case(there.model_copy(update={"destination_place": "Johor Bahru"}))
    sync(b, hub_url, user=SITE[0], password=SITE[1])
    return a, b, case


def test_a_sync_killed_before_its_merges_reached_the_hub_merges_again(
        make_site: Callable[..., Database], hub_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Both sites changed one case (other fields); the sync that merges them is killed when it
    sends the merge: the next one merges again, with no conflict."""
    a, b, case = _changed_apart(make_site, hub_url)

    sent = Hub.bulk_docs

    def killed_at_the_merge(hub: Hub, docs: list[dict[str, object]]) -> None:
        if any(d["_id"] == case.id and d.get("_deleted") for d in docs):
            raise KeyboardInterrupt  # the merge closes B's leaf: the process dies here
        sent(hub, docs)

    with monkeypatch.context() as patch:
        patch.setattr(Hub, "bulk_docs", killed_at_the_merge)
        with pytest.raises(KeyboardInterrupt):
            sync(a, hub_url, user=SITE[0], password=SITE[1])
    for site in (a, b, a):
        report = sync(site, hub_url, user=SITE[0], password=SITE[1])
        assert report.conflicts == 0

    for site in (a, b):
        [merged] = [c for c in site.cases() if c.id == case.id]
        assert (merged.title, merged.destination_place) == ("Renamed at A", "Johor Bahru")
    with httpx.Client(auth=SITE, trust_env=False) as client:
        doc = client.get(f"{hub_url}/{case.id}", params={"conflicts": "true"}).json()
    assert "_conflicts" not in doc


def test_a_merge_the_hub_has_without_its_closing_is_not_made_again(
        make_site: Callable[..., Database], hub_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed between the packet that sent a merge and the one closing the other leaf: the
    next sync closes it, and writes no second merge of the same values."""
    a, b, case = _changed_apart(make_site, hub_url)
    with httpx.Client(auth=SITE, trust_env=False) as client:
        before = client.get(f"{hub_url}/{case.id}").json()["_rev"]

    sent = Hub.bulk_docs

    def killed_at_the_closing(hub: Hub, docs: list[dict[str, object]]) -> None:
        if any(d["_id"] == case.id and d.get("_deleted") for d in docs):
            raise KeyboardInterrupt
        sent(hub, docs)

    with monkeypatch.context() as patch:
        patch.setattr(pushing, "BATCH", 1)  # one revision a request: the merge, then its closing
        patch.setattr(Hub, "bulk_docs", killed_at_the_closing)
        with pytest.raises(KeyboardInterrupt):
            sync(a, hub_url, user=SITE[0], password=SITE[1])
    for site in (a, b, a):
        report = sync(site, hub_url, user=SITE[0], password=SITE[1])
        assert report.conflicts == 0

    with httpx.Client(auth=SITE, trust_env=False) as client:
        doc = client.get(f"{hub_url}/{case.id}", params={"conflicts": "true"}).json()
    assert "_conflicts" not in doc
    # Both leaves one on from the last common version, the merge one more: no other.
    assert int(doc["_rev"].split("-")[0]) == int(before.split("-")[0]) + 1
    for site in (a, b):
        [merged] = [c for c in site.cases() if c.id == case.id]
        assert (merged.title, merged.destination_place) == ("Renamed at A", "Johor Bahru")

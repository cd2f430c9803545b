"""The sync protocol against the real hub, as a state machine: three sites edit, add and remove
records and sync in any order, sometimes through a link cut midway (tests/sync/cutting.py),
and what they show is checked against a model of who knew of which write (tests/sync/writes.py).

Checked after every sync that ends well: the site shows what it knows, and `status(db)` lists
its conflicts, with their fields; what it takes for sent is on the hub. At the end, after every
site synced until nothing moves: every write is everywhere, once; bodies are the same
everywhere but for the fields in conflict; nothing waits to be sent. A sync through a cut ends
well or with `HubProblem`; what it sent is then asked of the hub, and what it took is not
known: the site writes nothing until a sync ends well.

Merges made without the common version list more conflicts than the writes make (see
test_sync_regressions.py); allowed, in such merges only, unless PULANG_SYNC_STRICT=1.
PULANG_SYNC_EXAMPLES and PULANG_SYNC_STEPS run more (random) examples;
PULANG_SYNC_NO_SHRINK=1 reports the first failure found as it is (shrinking takes minutes).
"""

from __future__ import annotations

import collections
import functools
import itertools
import os
import ssl
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from store.db.database import Database
from store.domain.records import Case, LogEntry, Record, Worker, build
from store.sync import HubProblem, export_key, import_key, load_state, session, status, sync
from store.sync.couch import Hub
from tests.sync.conftest import PASSPHRASE, SITE
from tests.sync.cutting import CuttingProxy, Plan, believed_missing, missing_of, to_send
from tests.sync.writes import FIELDS, SITES, Model

if TYPE_CHECKING:
    from tests.sync.conftest import HubUnderTest

# Read here: every test runs without the PULANG_ variables of the environment.
EXAMPLES = int(os.environ.get("PULANG_SYNC_EXAMPLES") or 6)
STEPS = int(os.environ.get("PULANG_SYNC_STEPS") or 14)
STRICT = os.environ.get("PULANG_SYNC_STRICT") == "1"
RANDOM = "PULANG_SYNC_EXAMPLES" in os.environ
PHASES = [p for p in Phase if p is not Phase.explain and (
    p is not Phase.shrink or os.environ.get("PULANG_SYNC_NO_SHRINK") != "1")]
KINDS: dict[str, type[Record]] = {"cases": Case, "workers": Worker, "log": LogEntry}
# What the examples did, printed with -s: a machine that never cuts or conflicts tests little.
SEEN: collections.Counter[str] = collections.Counter()


class SyncMachine(RuleBasedStateMachine):
    """See the module's doc; `hub`, `proxy` and `folder` are set by the test."""

    hub: HubUnderTest
    proxy: CuttingProxy
    folder: Path
    runs = itertools.count(1)

    def __init__(self) -> None:
        super().__init__()
        self.model = Model()
        self.tokens = itertools.count(1)
        self.unsettled: set[str] = set()  # a sync was cut: what it took is not known
        self.listed: dict[str, set[str]] = {}  # the fields some site listed in conflict
        self.story: list[str] = []  # said when a check fails
        self._say = self.story.append
        self.names: dict[str, str] = {}
        self.sites: dict[str, Database] = {}
        run = next(self.runs)
        self.db_name = self.hub.new_database().rsplit("/", 1)[1]
        for name in SITES:
            folder = self.folder / f"{run}{name}"
            folder.mkdir()
            self.sites[name] = Database.open(folder / "pulang.json", create=True,
                                             passphrase=PASSPHRASE)
        a = self.sites["A"]
        case = a.save(build(Case, {"title": "Held near Mae Sot", "kind": "group",
                                   "destination_country": "TH"}))
        self.case_id = case.id
        for record in (case, Worker(case_id=case.id, full_name="Ade"),
                       Worker(case_id=case.id, full_name="Budi"),
                       LogEntry(case_id=case.id, summary="First call")):
            self._made("A", a.save(record))
        self._sync("A")
        key = export_key(a, "the union's key")
        for name in ("B", "C"):
            import_key(self.sites[name], key, "the union's key")
            self._sync(name)

    def teardown(self) -> None:
        try:
            if self.sites and sys.exc_info()[0] is None:  # not after a failed step
                self.proxy.disarm()
                self._told(self._quiet)
        finally:
            for db in self.sites.values():
                db.close()

    # -- writing ---------------------------------------------------------------------------

    def _made(self, site: str, record: Record) -> None:
        table = next(t for t, k in KINDS.items() if isinstance(record, k))
        self.model.table[record.id] = table
        self.names[record.id] = f"{table}{list(self.model.table.values()).count(table)}"
        body = record.model_dump(mode="json")
        event = self.model.write(site, record.id, "create", {f: body[f] for f in FIELDS[table]})
        self._say(f"{site} makes {self.names[record.id]} (#{event.n})")

    def _editable(self, site: str) -> list[str]:
        if site in self.unsettled:
            return []
        return [r for r in self.model.table if r not in self.listed
                and self.model.view(r, self.model.known[site].get(r, set())).present
                and not self.model.view(r).conflict]  # held until a person decides

    def _set(self, site: str, record: str, name: str, value: Any) -> None:
        db = self.sites[site]
        db.save(db.get(KINDS[self.model.table[record]], record).model_copy(
            update={name: value}))
        event = self.model.write(site, record, "set", {name: value})
        self._say(f"{site} sets {self.names[record]}.{name} = {value!r} (#{event.n}, "
                  f"knowing {sorted(event.deps)})")

    @rule(site=st.sampled_from(SITES), data=st.data(), hows=st.lists(st.sampled_from(
        ["any field", "same field, same value", "same field", "another field"]),
        min_size=1, max_size=3))
    def edit(self, site: str, hows: list[str], data: st.DataObject) -> None:
        for how in hows:
            self._edit(site, how, data)

    def _edit(self, site: str, how: str, data: st.DataObject) -> None:
        """A field set; unless `how` is "any field", of a record another site changed and
        this one did not hear of yet (if there is one): the same field, to the same value or
        another, or another field."""
        records = self._editable(site)
        known = self.model.known[site]
        events = [e for e in self.model.events.values() if e.kind == "set"
                  and e.record in records and e.n not in known.get(e.record, set())]
        if how != "any field" and events:
            event = data.draw(st.sampled_from(events), label="write elsewhere")
            record, ((name, value),) = event.record, event.values.items()
            if how == "another field":
                name = data.draw(st.sampled_from(FIELDS[self.model.table[record]]))
            same = how == "same field, same value" and name in event.values
            SEEN[f"writes of a record changed elsewhere, {how}"] += 1
        elif records:
            record = data.draw(st.sampled_from(records), label="record")
            name = data.draw(st.sampled_from(FIELDS[self.model.table[record]]), label="field")
            same = False
        else:
            return
        if self.model.writable(site, record, name):
            self._set(site, record, name, value if same else self._fresh(name))

    def _fresh(self, name: str) -> str:
        n = next(self.tokens)
        return f"+6281{n:08d}" if name == "phone" else f"{name} {n}"

    @rule(site=st.sampled_from(SITES), kind=st.sampled_from(["workers", "log"]))
    def add(self, site: str, kind: str) -> None:
        db, n = self.sites[site], next(self.tokens)
        if kind == "workers":
            self._made(site, db.save(Worker(case_id=self.case_id, full_name=f"Worker {n}")))
        else:
            self._made(site, db.save(LogEntry(case_id=self.case_id, summary=f"Call {n}")))

    @rule(site=st.sampled_from(SITES), data=st.data())
    def remove(self, site: str, data: st.DataObject) -> None:
        workers = [r for r in self._editable(site) if self.model.table[r] == "workers"]
        if workers:
            record = data.draw(st.sampled_from(workers), label="worker")
            self.sites[site].remove_worker(record)
            event = self.model.write(site, record, "remove", {})
            self._say(f"{site} removes {self.names[record]} (#{event.n}, "
                      f"knowing {sorted(event.deps)})")

    # -- syncing ---------------------------------------------------------------------------

    def _sync(self, site: str, how: str = "") -> Any:
        report = sync(self.sites[site], self.proxy.url(self.db_name), user=SITE[0],
                      password=SITE[1], site_name=site)
        self._say(f"{site} syncs{how}: sent {report.sent}, received {report.received}, "
                  f"merged {report.merged}, conflicts {report.conflicts}")
        self.model.push(site)
        self.model.pull(site)
        self.unsettled.discard(site)
        self._told(self._check, site)
        self._told(self._believed, site)
        return report

    @rule(site=st.sampled_from(SITES))
    def sync_clean(self, site: str) -> None:
        self._sync(site)

    # A sync is 2 to 6 requests, a few hundred bytes to a few kilobytes each way.
    @rule(site=st.sampled_from(SITES), plan=st.one_of(
        st.builds(Plan, up_bytes=st.integers(1, 4000), stay_down=st.booleans()),
        st.builds(Plan, down_bytes=st.integers(1, 4000), stay_down=st.booleans()),
        st.builds(Plan, requests=st.integers(0, 5), drop_response=st.booleans(),
                  stay_down=st.booleans()),
        st.builds(Plan, requests=st.integers(0, 1), drop_response=st.booleans(),
                  path=st.sampled_from(["_bulk_docs", "_bulk_get", "_changes", "_local"]),
                  stay_down=st.booleans())))
    def sync_cut(self, site: str, plan: Plan) -> None:
        outgoing = to_send(self.sites[site])
        self.proxy.arm(plan)
        try:
            self._sync(site, f" through a cut ({plan})")
            SEEN["syncs through a cut that ended well"] += 1
        except HubProblem:
            SEEN["syncs cut"] += 1
            self.unsettled.add(site)
            with self.hub.admin() as client:
                arrived = set(outgoing) - missing_of(client, self.db_name, outgoing)
            self.model.push(site, arrived)
            self._say(f"{site} sync cut ({plan}); the hub has what it sent of "
                      f"{sorted(self.names[i] for i in arrived)}")
            self._told(self._believed, site)
        finally:
            self.proxy.disarm()

    def _believed(self, site: str) -> None:
        with self.hub.admin() as client:
            missing = believed_missing(self.sites[site], client, self.db_name)
        assert not missing, f"{site} takes for sent what the hub has not, of {missing}"

    # -- checking --------------------------------------------------------------------------

    def _told(self, check: Any, *args: Any) -> None:
        """`check(*args)`, its failure said with the story of the example."""
        try:
            check(*args)
        except AssertionError as error:
            names = "\n".join(f"  {n} = {i}" for i, n in self.names.items())
            story = "\n".join(f"  {line}" for line in self.story)
            raise AssertionError(f"{error}\n{names}\nwhat happened:\n{story}") from None

    def _check(self, site: str) -> None:
        """The site shows what it knows (see the module's doc)."""
        db = self.sites[site]
        records = db.replica_records()
        conflicts = {c["id"]: c for c in status(db).conflicts}
        state = load_state(db)
        assert state is not None
        present = set()
        for record, ids in self.model.known[site].items():
            view = self.model.view(record, ids)
            if not view.present:
                assert record not in records, f"{site}: {record} should be gone"
                continue
            present.add(record)
            assert record in records, f"{site}: {record} is missing"
            listed = conflicts.get(record)
            if view.conflict:
                assert listed is not None, f"{site}: {record} should be a conflict"
                assert listed["removed"] == view.removed, (site, record, listed)
                assert set(listed["fields"]) >= set(view.conflicts), (site, record, listed)
            fields = set(listed["fields"]) if listed else set()
            # A merge without the common version (every field's base None): see the doc.
            loose = listed is not None and not STRICT and all(
                f["base"] is None for f in state.docs[record].conflict["fields"].values())
            if (fields - set(view.conflicts) and not view.removed) or (
                    listed and not view.conflict):
                assert loose, f"{site}: {record} is no such conflict: {listed}"
                assert view.conflict or not listed["removed"], (site, record, listed)
                SEEN["false conflicts (merges without the common version)"] += 1
            body = records[record][1]
            for name in FIELDS[self.model.table[record]]:
                if loose and name in fields:
                    allowed = self.model.written(record, name)
                elif name in view.conflicts:
                    allowed = view.conflicts[name] | view.maybe.get(name, set())
                else:
                    allowed = view.maybe.get(name, {view.values[name]})
                assert body.get(name) in allowed, (site, record, name, allowed)
            if listed:  # edited no more, anywhere
                self.listed.setdefault(record, set()).update(listed["fields"])
        assert set(records) == present, f"{site}: records from nowhere"
        assert set(conflicts) <= present, f"{site}: conflicts of records that are gone"

    def _quiet(self) -> None:
        """Every site syncs until a round sends and takes nothing; then all is checked."""
        for _round in range(6):
            reports = [self._sync(site) for site in SITES]
            if all(r.sent == 0 and r.received == 0 for r in reports):
                break
        else:
            raise AssertionError("the sites never stopped sending to one another")
        everything = {r: {e.n for e in self.model.of(r)} for r in self.model.table}
        bodies = {s: self.sites[s].replica_records() for s in SITES}
        for site in SITES:
            assert self.model.known[site] == everything, f"{site} missed writes"
            assert status(self.sites[site]).waiting == 0, f"{site} still has to send"
        for record in bodies["A"]:
            left_out = set(self.model.view(record).conflicts) | self.listed.get(record, set())
            same = [{k: v for k, v in bodies[s][record][1].items() if k not in left_out}
                    for s in SITES]
            assert same[0] == same[1] == same[2], f"{record} differs between the sites"
        views = [self.model.view(record) for record in self.model.table]
        SEEN.update({"examples": 1, "writes": len(self.model.events),
                     "conflicts": sum(v.conflict for v in views),
                     "conflicts of a removal and an edit": sum(v.removed for v in views)})


def test_sync_state_machine(hub_server: HubUnderTest, tmp_path: Path, cheap_keys: None,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    # A cut link is tried again at once: the test waits for no back-off. And every client
    # shares one SSL context: httpx loads certifi's (30 ms) for each, even for http://.
    monkeypatch.setattr(session, "Hub", functools.partial(Hub, retry_delays=(0.0, 0.01)))
    monkeypatch.setattr(httpx, "Client", functools.partial(
        httpx.Client, verify=ssl.create_default_context()))
    proxy = CuttingProxy(hub_server.server)
    machine = type("Machine", (SyncMachine,), {"hub": hub_server, "proxy": proxy,
                                               "folder": tmp_path})
    try:
        run_state_machine_as_test(machine, settings=settings(
            max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, database=None,
            report_multiple_bugs=False,
            derandomize=not RANDOM, phases=PHASES,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    finally:
        proxy.close()
    print("the examples did:", dict(SEEN), "cuts:", proxy.cuts)

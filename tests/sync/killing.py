"""Syncs killed (SIGKILL) at random moments, for tests/sync/test_killed.py (20 kills) and
tests/soak/test_killed_soak.py (200, the same code).

Two sites sync through one database of the test hub: A, from the demo, and B, from nothing
with A's domain key. Each round changes something and runs one site's sync in a child
process, killed after a random delay:

- "push": the site changes many records (a new case, edits, entries, a worker removed, now
  and then a worker's data erased), and its sync, sending them, is killed;
- "pull": the other site made those changes and synced; the sync taking them is killed;
- "merge": both sites changed the same records (other fields: merged; the same field of a
  worker now and then: a conflict, on purpose), the other synced first; the sync that pushes,
  takes both versions, merges and sends the merges is killed.

The delay is a share of the sync's own length, drawn from the seed between 0 and 1.2 (a
kill after the end kills nothing: the sync finished), the length measured by a first round
of each kind that is not killed, then by each sync that finished before its kill. The
child's packets are often small (`pushing.BATCH` set per round), so that a few hundred
records make several packets, with the pending note and the checkpoint saved between them;
its fsyncs take a few milliseconds, as on a laptop's disk (`FSYNC`). After each kill the
killed site syncs again to the end, then the other (as officers would), and then
(`killed_checks.assert_sound`):

- the sites hold the same records, and what the expectation (`killed_changes.expect`) says:
  every change made once, none lost, none back after its removal, merged field by field;
  the conflicts those made on purpose and no other, at both sites and on the hub;
- each record's winning revision on the hub moved on by as many revisions as its changes
  make (a change sent twice as two revisions, a merge made twice, would show);
- each site's checkpoint is the one its `_local/pulang-<site id>` document on the hub holds;
  a further sync of each site moves nothing, and leaves both at the end of the hub's changes;
- each database opens, `pulang check` finds nothing, its audit trail is intact, and no
  pending note is left beside it.

A failure names the seed, the round and the share of the sync the kill came at.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson

from store.db.database import Database, unlock
from store.engine import replicas
from store.engine.crypto import Sealer
from store.exchange.demo import build_demo
from store.sync import export_key, import_key, sync
from tests.sync.conftest import PASSPHRASE, SITE, HubUnderTest
from tests.sync.killed_changes import (
    WORKERS,
    Expected,
    add_case,
    add_entries,
    edit,
    editable,
    erase_one,
    expect,
    remove_workers,
)
from tests.sync.killed_checks import assert_sound, hub_leaves

KINDS = ("push", "pull", "merge")
BATCHES = (7, 16, 500)  # the child's packets: small ones make several of them
ERASURES = 0.3  # the share of rounds pushing or pulling that erase a worker too
# Seconds an fsync takes in the child: a laptop's disk rather than this machine's cache, so
# that the moments between two durable writes (the database's commit, the state's) are as
# likely to be hit by a kill as they would be there.
FSYNC = 0.004

# A process that imports the store once and forks a child for every line on stdin: the child
# opens the database named and syncs it; the spawner kills it `delay` seconds after it opened
# the database (unless it finished first; a negative delay never kills). One line back for the
# child's report, if it finished, and one for its end.
SPAWNER = """
import os, select, signal, sys, time, traceback
from dataclasses import asdict

import orjson

from store.db.database import Database
from store.sync import pulling, pushing, sync

FSYNC, fsync = float(sys.argv[1]), os.fsync


def slow_fsync(fd):
    time.sleep(FSYNC)
    fsync(fd)


os.fsync = slow_fsync


def child(path, hub, site, opened):
    db = Database.open(path, passphrase=os.environ["PULANG_PASSPHRASE"])
    os.write(opened, b"o")
    started = time.monotonic()
    report = sync(db, hub, user=os.environ["PULANG_HUB_USER"],
                  password=os.environ["PULANG_HUB_PASSWORD"], site_name=site)
    db.close()
    took = time.monotonic() - started
    os.write(1, orjson.dumps({"report": asdict(report), "took": took}) + b"\\n")


while line := sys.stdin.readline():
    path, hub, site, delay, batch = line.split()
    pushing.BATCH = pulling.BATCH = int(batch)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        code = 0
        try:
            child(path, hub, site, w)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stderr.flush()
        os._exit(code)
    os.close(w)
    opened = os.read(r, 1) == b"o"
    start = time.monotonic()
    if opened and float(delay) >= 0 and not select.select([r], [], [], float(delay))[0]:
        os.kill(pid, signal.SIGKILL)  # still running: it has not closed its end of the pipe
    _, status = os.waitpid(pid, 0)
    after = time.monotonic() - start
    os.close(r)
    end = {"status": os.waitstatus_to_exitcode(status), "after": after, "opened": opened}
    os.write(1, orjson.dumps(end) + b"\\n")
"""


@dataclass
class Outcome:
    status: int  # -SIGKILL: killed; 0: finished
    after: float  # seconds from the database opened to the end
    report: dict[str, Any] | None = None

    @property
    def killed(self) -> bool:
        return self.status == -signal.SIGKILL


class Spawner:
    def __init__(self, folder: Path) -> None:
        script = folder / "spawner.py"
        script.write_text(SPAWNER)
        self.errors = folder / "spawner.err"
        env = {**os.environ, "PULANG_PASSPHRASE": PASSPHRASE, "PULANG_HUB_USER": SITE[0],
               "PULANG_HUB_PASSWORD": SITE[1]}
        with self.errors.open("wb") as errors:
            self.process = subprocess.Popen([sys.executable, str(script), str(FSYNC)], bufsize=0,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=errors, env=env)

    def run(self, site: Site, hub_url: str, delay: float, batch: int) -> Outcome:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{site.path} {hub_url} {site.name} {delay} {batch}\n".encode())
        report = None
        while True:
            ready = select.select([self.process.stdout], [], [], 120)[0]
            line = self.process.stdout.readline() if ready else b""
            if not line:
                self.close()
                raise AssertionError(f"the spawner did not answer: {self.said()}")
            said = orjson.loads(line)
            if "report" in said:
                report = said
                continue
            outcome = Outcome(said["status"], said["after"], report)
            assert said["opened"] and outcome.status in (0, -signal.SIGKILL), self.said()
            return outcome

    def said(self) -> str:
        return self.errors.read_text(errors="replace")[-4000:]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@dataclass
class Site:
    name: str
    path: Path
    sealer: Sealer | None = None  # its key, derived once

    def open(self) -> Database:
        if self.sealer is None:
            self.sealer = unlock(self.path, PASSPHRASE)
        return Database.open(self.path, sealer=self.sealer)

    def state(self) -> replicas.ReplicaState:
        if self.sealer is None:
            self.sealer = unlock(self.path, PASSPHRASE)
        state = replicas.load(self.path, self.sealer)
        assert state is not None
        return state

    def sync(self, hub_url: str) -> dict[str, Any]:
        with self.open() as db:
            report = sync(db, hub_url, user=SITE[0], password=SITE[1], site_name=self.name)
        return {"sent": report.sent, "received": report.received, "merged": report.merged,
                "problems": report.problems}


@dataclass
class Tally:
    """What the kills hit, for the test to see that they were spread over the syncs."""

    rounds: Counter[str] = field(default_factory=Counter)  # by kind
    killed: Counter[str] = field(default_factory=Counter)  # landed before the end, by kind
    pending: int = 0  # kills that left a pending note (between a commit and the state)
    conflicts: int = 0
    erasures: int = 0
    # How long a sync takes, measured by those not killed: by kind and size of packets, and by
    # kind for a size not seen yet.
    durations: dict[Any, float] = field(default_factory=dict)

    def __str__(self) -> str:
        landed = ", ".join(f"{k} {self.killed[k]}/{self.rounds[k]}" for k in KINDS)
        took = ", ".join(f"{k} {self.durations[k] * 1000:.0f} ms" for k in KINDS)
        return (f"kills landed before the end: {landed}; a pending note left by "
                f"{self.pending}; conflicts made: {self.conflicts}, erasures: "
                f"{self.erasures}; a sync took: {took}")


def make_sites(folder: Path, hub_url: str) -> list[Site]:
    """A (the demo) and B (empty, with A's key), both synced. Keys must be cheap here
    (the `cheap_keys` fixture)."""
    sites = [Site("A", folder / "A" / "pulang.json"), Site("B", folder / "B" / "pulang.json")]
    for site in sites:
        site.path.parent.mkdir(parents=True)
    with Database.open(sites[0].path, create=True, passphrase=PASSPHRASE) as a:
        build_demo(a)
    sites[0].sync(hub_url)
    with sites[0].open() as a, Database.open(sites[1].path, create=True,
                                             passphrase=PASSPHRASE) as b:
        import_key(b, export_key(a, "carried by hand"), "carried by hand")
    sites[1].sync(hub_url)
    return sites


def changes(db: Database, rng: random.Random, spare: set[str]) -> None:
    """Many changes at one site: a case now and then, edits, entries, a worker removed."""
    if rng.random() < 0.5:
        add_case(db, rng)
    edit(db, rng, editable(db, rng, 14, spare), rng.randrange(2))
    add_entries(db, rng, 3, spare)
    if rng.random() < 0.5:
        remove_workers(db, rng, 1, spare)


def concurrent(mine: Database, theirs: Database, rng: random.Random, spare: set[str]) -> None:
    """Both sites change the same records: other fields (a merge), now and then a worker's
    same field (a conflict); and each adds entries."""
    ids = editable(mine, rng, 12, spare)
    edit(mine, rng, ids, 0)
    half = len(ids) // 2
    edit(theirs, rng, ids[:half], 1)
    records = theirs.replica_records()
    clash = [i for i in ids[half:] if records[i][0] == WORKERS][:rng.choice((0, 1))]
    edit(theirs, rng, clash, 0)
    add_entries(mine, rng, 2, spare)
    add_entries(theirs, rng, 2, spare)


def prepare(kind: str, target: Site, other: Site, hub_url: str, rng: random.Random,
            spare: set[str], tally: Tally) -> Expected:
    """The round's changes (the other site's synced), and what they must lead to."""
    with target.open() as mine, other.open() as theirs:
        base = mine.replica_records()
        spare = spare | mine.erased_ids()  # erased: neither changed nor removed again
        changing = theirs if kind == "pull" else mine
        with mine.transaction(), theirs.transaction():  # one commit each: quicker
            if kind == "merge":
                concurrent(mine, theirs, rng, spare)
            else:
                changes(changing, rng, spare)
        if kind != "merge" and rng.random() < ERASURES:
            erase_one(changing, rng, spare)
            tally.erasures += 1
        made = [mine.replica_records(), theirs.replica_records()]
    if kind != "push":
        other.sync(hub_url)
    return expect(base, made)


def syncs_killed(folder: Path, hub: HubUnderTest, kills: int, seed: int) -> Tally:
    """`kills` syncs killed at random moments (see the module's doc), after a first round of
    each kind, not killed, that measures how long a sync takes."""
    rng = random.Random(seed)
    hub_url = hub.new_database()
    sites = make_sites(folder, hub_url)
    client = httpx.Client(base_url=hub_url + "/", auth=SITE, trust_env=False, timeout=60)
    generations = {i: leaf[0] for i, leaf in hub_leaves(client).items()}
    conflicted: set[str] = set()
    tally = Tally()
    spawner = Spawner(folder)
    try:
        for n in range(len(KINDS) + kills):
            kind = KINDS[n % len(KINDS)]
            target = rng.choice(sites)
            other = sites[1 - sites.index(target)]
            erasures = tally.erasures
            expected = prepare(kind, target, other, hub_url, rng, conflicted, tally)
            erasing = tally.erasures > erasures
            share = rng.uniform(0, 1.2) if n >= len(KINDS) else -1.0
            batch = rng.choice(BATCHES)
            length = tally.durations.get((kind, batch)) or tally.durations.get(kind, 0.0)
            delay = share * length if share >= 0 else -1.0
            where = (f"seed {seed}, round {n} ({kind}{', a worker erased' * erasing}, "
                     f"{target.name} syncing, packets of {batch}, killed at {share:.3f} of a "
                     f"sync: {delay * 1000:.0f} ms)")
            outcome = spawner.run(target, hub_url, delay, batch)
            if not outcome.killed:  # how long a sync of this kind, in these packets, takes
                assert outcome.status == 0, f"{where}: {spawner.said()}"
                tally.durations[(kind, batch)] = tally.durations[kind] = outcome.after
            elif share > 1:  # longer than thought
                tally.durations[(kind, batch)] = delay
            if share < 0:
                continue_round = "calibration"
            else:
                tally.rounds[kind] += 1
                tally.killed[kind] += outcome.killed
                tally.pending += replicas.pending_path(target.path).exists()
                continue_round = "killed" if outcome.killed else "finished before the kill"
            for site in (target, other):
                report = site.sync(hub_url)
                assert report["problems"] == [], f"{where}: {report}"
                # Nothing applied twice: a site that changed nothing since its last whole sync
                # sends nothing (what it took, sent back as its own, would be). Not checked
                # for a pull that erased: a kill between this site's own erasure of the
                # worker and its commit of the erasing site's bodies makes it send its own.
                if site is other or (kind == "pull" and not erasing):
                    assert report["sent"] == 0, (
                        f"{where}: {site.name}, which changed nothing, sent {report}")
            conflicted |= set(expected.conflicts)
            tally.conflicts += len(expected.conflicts)
            generations = assert_sound(f"{where}, {continue_round}", sites, hub_url, client,
                                       expected, conflicted, generations)
        newcomer = Site("C", folder / "C" / "pulang.json")
        newcomer.path.parent.mkdir()
        with sites[0].open() as a, Database.open(newcomer.path, create=True,
                                                 passphrase=PASSPHRASE) as c:
            import_key(c, export_key(a, "carried by hand"), "carried by hand")
        newcomer.sync(hub_url)
        with sites[0].open() as a, newcomer.open() as c:
            assert c.replica_records() == a.replica_records(), f"seed {seed}: a new site"
    finally:
        spawner.close()
        client.close()
    return tally

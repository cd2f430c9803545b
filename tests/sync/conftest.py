"""A CouchDB-compatible hub on 127.0.0.1 for the sync tests, and sites to sync with it.

The hub is pouchdb-server, pinned in tests/hub/package.json and installed by the README's test
command (`npm ci --ignore-scripts --prefix tests/hub`). It starts with no admin: the fixture
makes one, and a user for the sites, and every database it makes admits only that user (an
open hub is never tested against). It writes its files (config.json, log.txt, the databases)
in a temporary folder of the test run.
"""

from __future__ import annotations

import base64
import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from store.db.database import Database
from store.exchange.demo import build_demo

SERVER = Path(__file__).parent.parent / "hub" / "node_modules" / ".bin" / "pouchdb-server"
ADMIN = ("hubadmin", "admin-passphrase-1")
SITE = ("site", "site-passphrase-1")
PASSPHRASE = "correct horse battery"


@dataclass
class HubUnderTest:
    server: str  # http://127.0.0.1:port
    folder: Path
    process: subprocess.Popen[bytes]
    count: int = 0

    def admin(self) -> httpx.Client:
        return httpx.Client(base_url=self.server, auth=ADMIN, trust_env=False, timeout=30)

    def new_database(self, name: str | None = None) -> str:
        """A new database only the sites' user may use; its URL."""
        self.count += 1
        name = name or f"union{self.count}"
        with self.admin() as client:
            client.put(f"/{name}").raise_for_status()
            client.put(f"/{name}/_security", json={
                "admins": {"names": [], "roles": []},
                "members": {"names": [SITE[0]], "roles": []}}).raise_for_status()
        return f"{self.server}/{name}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_hub(folder: Path) -> Iterator[HubUnderTest]:
    """A hub started in `folder` on a free port of 127.0.0.1, with its admin and the sites'
    user made; stopped afterwards. (tests/perf and tests/soak start theirs with this too.)"""
    if not SERVER.exists():
        pytest.fail("The test hub is not installed: run `npm ci --ignore-scripts --prefix "
                    "tests/hub` (the README's test command does).")
    port = _free_port()
    process = subprocess.Popen(
        [str(SERVER), "--port", str(port), "--host", "127.0.0.1", "--dir", str(folder),
         "--no-stdout-logs"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                httpx.get(server + "/", trust_env=False, timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the test hub did not start: " + (
                        process.stderr.read() if process.stderr else b"").decode()) from None
                time.sleep(0.1)
        hub = HubUnderTest(server, folder, process)
        httpx.put(f"{server}/_config/admins/{ADMIN[0]}", content=f'"{ADMIN[1]}"',
                  trust_env=False).raise_for_status()
        with hub.admin() as client:
            client.put(f"/_users/org.couchdb.user:{SITE[0]}", json={
                "name": SITE[0], "password": SITE[1], "roles": [],
                "type": "user"}).raise_for_status()
        yield hub
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubUnderTest]:
    with running_hub(tmp_path_factory.mktemp("hub")) as hub:
        yield hub


@pytest.fixture
def hub_url(hub_server: HubUnderTest) -> str:
    """A new, empty database on the hub, for one test."""
    return hub_server.new_database()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted demo database, made once; each site starts from a copy."""
    from store.engine import crypto

    cheap = {"name": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1}
    saved = dict(crypto.DEFAULT_KDF)
    crypto.DEFAULT_KDF.update(cheap)
    try:
        path = tmp_path_factory.mktemp("template") / "demo.json"
        db = Database.open(path, create=True, demo=True, passphrase=PASSPHRASE)
        build_demo(db)
        db.close()
    finally:
        crypto.DEFAULT_KDF.clear()
        crypto.DEFAULT_KDF.update(saved)
    return path


@pytest.fixture
def make_site(tmp_path: Path, demo_template: Path, cheap_keys: None
              ) -> Iterator[Callable[..., Database]]:
    """make_site(name, demo=False): an encrypted database at a new site (a copy of the demo,
    or empty), open; closed after the test."""
    opened: list[Database] = []

    def make(name: str, demo: bool = False) -> Database:
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "pulang.json"
        if demo:
            shutil.copy(demo_template, path)
            for suffix in (".journal", ".audit"):
                shutil.copy(demo_template.with_name("demo.json" + suffix),
                            folder / ("pulang.json" + suffix))
            db = Database.open(path, passphrase=PASSPHRASE)
        else:
            db = Database.open(path, create=True, passphrase=PASSPHRASE)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


def auth_header() -> dict[str, str]:
    token = base64.b64encode(f"{SITE[0]}:{SITE[1]}".encode()).decode()
    return {"Authorization": f"Basic {token}"}

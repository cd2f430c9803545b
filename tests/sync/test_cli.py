"""`pulang sync` and `pulang hub` on the command line: in this process through `tui.cli.main`,
and once each as the installed script, against the real test hub."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from tests.conftest import Run
from tests.sync.conftest import PASSPHRASE, SITE

UNLOCK = {"PULANG_PASSPHRASE": PASSPHRASE}


def _credentials(tmp_path: Path, mode: int = 0o600) -> Path:
    path = tmp_path / "hub-credentials"
    path.write_text(f"{SITE[0]}:{SITE[1]}\n")
    path.chmod(mode)
    return path


@pytest.fixture
def site(make_site: Callable[..., Database]) -> Path:
    db = make_site("jakarta", demo=True)
    path = db.path
    db.close()
    return path


def test_sync_remembers_the_hub_and_where_the_credentials_are(
        cli: Run, site: Path, hub_url: str, tmp_path: Path) -> None:
    creds = _credentials(tmp_path)
    first = cli("sync", "--db", site, "--hub", hub_url, "--credentials", creds,
                "--site", "Jakarta", env=UNLOCK)
    assert first.returncode == 0, first.stderr
    assert "Sent 145" in first.stdout  # the demo (83 + 31 + 1 + 16), closings (3), requests (4),
    # check-ins (4), the case to be anonymised soon (its case, worker and closing
    # entry: 3)
    again = cli("sync", "--db", site, "--format", "json", env=UNLOCK)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["sent"] == 0
    shown = cli("sync", "--db", site, "--status", env=UNLOCK)
    assert shown.returncode == 0
    assert hub_url in shown.stdout and "Jakarta" in shown.stdout
    assert "0 changes waiting to be sent" in shown.stdout
    assert "0 conflicts to decide" in shown.stdout


def test_credentials_readable_by_others_are_refused(cli: Run, site: Path, hub_url: str,
                                                    tmp_path: Path) -> None:
    creds = _credentials(tmp_path, 0o644)
    done = cli("sync", "--db", site, "--hub", hub_url, "--credentials", creds, env=UNLOCK)
    assert done.returncode == ExitCode.PROBLEMS
    assert "chmod 600" in done.stderr


def test_credentials_in_the_address_are_refused(cli: Run, site: Path, hub_url: str) -> None:
    url = hub_url.replace("http://", f"http://{SITE[0]}:{SITE[1]}@")
    done = cli("sync", "--db", site, "--hub", url, env=UNLOCK)
    assert done.returncode == ExitCode.PROBLEMS
    assert "PULANG_HUB_USER" in done.stderr and SITE[1] not in done.stderr


def test_a_hub_that_cannot_be_reached_exits_6(cli: Run, site: Path) -> None:
    done = cli("sync", "--db", site, "--hub", "http://127.0.0.1:9/union",
               env={**UNLOCK, "PULANG_SYNC_RETRIES": "0", "PULANG_HUB_USER": SITE[0],
                    "PULANG_HUB_PASSWORD": SITE[1]})
    assert done.returncode == ExitCode.HUB == 6
    assert "cannot be reached" in done.stderr and "nothing was lost" in done.stderr


def test_the_key_is_carried_to_another_site(cli: Run, site: Path, hub_url: str,
                                            tmp_path: Path,
                                            make_site: Callable[..., Database]) -> None:
    env = {**UNLOCK, "PULANG_HUB_USER": SITE[0], "PULANG_HUB_PASSWORD": SITE[1],
           "PULANG_KEY_PASSPHRASE": "carried by hand 1"}
    assert cli("sync", "--db", site, "--hub", hub_url, env=env).returncode == 0
    key = tmp_path / "union.key"
    out = cli("sync", "--db", site, "--export-key", key, env=env)
    assert out.returncode == 0, out.stderr
    assert os.stat(key).st_mode & 0o777 == 0o600
    assert b"key" not in key.read_bytes().split(b'"sealed"')[1][:5]
    field = make_site("field")
    other = field.path
    field.close()
    wrong = cli("sync", "--db", other, "--import-key", key,
                env={**env, "PULANG_KEY_PASSPHRASE": "not the passphrase"})
    assert wrong.returncode == ExitCode.PROBLEMS and "does not open" in wrong.stderr
    assert cli("sync", "--db", other, "--import-key", key, env=env).returncode == 0
    pulled = cli("sync", "--db", other, "--hub", hub_url, "--format", "json", env=env)
    assert pulled.returncode == 0, pulled.stderr
    assert json.loads(pulled.stdout)["received"] == 145  # the demo and its additions
    # A new key at Jakarta: the field site reads nothing sealed with it until it takes it.
    assert cli("sync", "--db", site, "--rotate-key", env=env).returncode == 0
    assert cli("sync", "--db", site, env=env).returncode == 0
    stale = cli("sync", "--db", other, env=env)
    assert stale.returncode == ExitCode.PROBLEMS and "key this site does not have" in stale.stderr
    key.unlink()
    assert cli("sync", "--db", site, "--export-key", key, env=env).returncode == 0
    assert cli("sync", "--db", other, "--import-key", key, env=env).returncode == 0
    fresh = cli("sync", "--db", other, "--format", "json", env=env)
    assert fresh.returncode == 0, fresh.stderr
    assert json.loads(fresh.stdout)["problems"] == []


def test_an_unencrypted_database_does_not_sync(cli: Run, demo_file: Path, hub_url: str) -> None:
    done = cli("sync", "--db", demo_file, "--hub", hub_url)
    assert done.returncode == ExitCode.PROBLEMS
    assert "pulang encrypt" in done.stderr


def test_hub_purge_needs_a_hub(cli: Run, site: Path) -> None:
    done = cli("hub", "purge", "--db", site, env=UNLOCK)
    assert done.returncode == ExitCode.PROBLEMS and "--hub" in done.stderr


@pytest.mark.script
def test_pulang_sync_as_a_process(pulang: Callable[..., object], site: Path, hub_url: str,
                                  tmp_path: Path) -> None:
    creds = _credentials(tmp_path)
    done = pulang("sync", "--db", site, "--hub", hub_url, "--credentials", creds,
                  env=UNLOCK)
    assert done.returncode == 0, done.stderr  # type: ignore[attr-defined]
    assert "Sent 145" in done.stdout  # type: ignore[attr-defined]


@pytest.mark.script
def test_pulang_hub_as_a_process(pulang: Callable[..., object], site: Path) -> None:
    done = pulang("hub", "purge", "--db", site, env=UNLOCK)
    assert done.returncode == ExitCode.PROBLEMS  # type: ignore[attr-defined]


def test_a_restore_erases_again_who_was_erased_since(cli: Run, site: Path, hub_url: str,
                                                     tmp_path: Path) -> None:
    from store.domain.records import Worker

    env = {**UNLOCK, "PULANG_HUB_USER": SITE[0], "PULANG_HUB_PASSWORD": SITE[1]}
    assert cli("sync", "--db", site, "--hub", hub_url, env=env).returncode == 0
    with Database.open(site, passphrase=PASSPHRASE) as db:
        db.backup("before the erasure")
        worker = next(db.get(Worker, i) for i, (t, _b) in db.replica_records().items()
                      if t == "workers")
        db.erase_worker(worker.id)
    listed = cli("backups", "--db", site, env=env)
    assert listed.returncode == 0, listed.stderr
    assert "before the erasure" in listed.stdout
    number = next(line.split()[0] for line in listed.stdout.splitlines()
                  if "before the erasure" in line)
    done = cli("restore", number, "--db", site, "--yes", env=env)
    assert done.returncode == 0, done.stderr
    assert "erased again" in done.stderr
    with Database.open(site, passphrase=PASSPHRASE) as db:
        assert db.get(Worker, worker.id).erased_at is not None

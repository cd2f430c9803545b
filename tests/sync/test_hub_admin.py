"""`pulang hub setup` and `pulang hub revoke SITE` through `tui.cli.main` against the test hub
(and once each as the installed script): the union's database, its sites' users and their
credentials files; a lost laptop's user removed, the key rotated, what it held listed."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from store.domain.records import Case
from store.engine.audit.vocab import SITE_REVOKED
from store.sync import export_key, import_key, load_state
from tests.conftest import Run
from tests.sync.conftest import ADMIN, PASSPHRASE, SITE, HubUnderTest

UNLOCK = {"PULANG_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def admin_file(tmp_path: Path) -> Path:
    path = tmp_path / "hub-admin"
    path.write_text(f"{ADMIN[0]}:{ADMIN[1]}\n")
    path.chmod(0o600)
    return path


@pytest.fixture
def union(hub_server: HubUnderTest) -> str:
    """The URL of a union's database not made yet."""
    hub_server.count += 1
    return f"{hub_server.server}/union{hub_server.count}"


def _setup(cli: Run, url: str, admin_file: Path, out: Path, *sites: str
           ) -> tuple[int, str, str]:
    args = [arg for site in sites for arg in ("--site", site)]
    done = cli("hub", "setup", "--hub", url, "--admin-credentials", admin_file,
               "--out", out, *args)
    return done.returncode, done.stdout, done.stderr


def _user_of(file: Path) -> tuple[str, str]:
    user, _sep, password = file.read_text().strip().partition(":")
    return user, password


def test_setup_makes_the_database_its_sites_and_their_files(
        cli: Run, hub_server: HubUnderTest, union: str, admin_file: Path,
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, said, err = _setup(cli, union, admin_file, out, "jakarta", "bangkok")
    assert code == ExitCode.OK, err
    name = union.rsplit("/", 1)[1]
    with hub_server.admin() as admin:
        assert admin.get(f"/{name}").status_code == 200
        assert admin.get(f"/{name}/_security").json() == {
            "admins": {"names": [], "roles": []},
            "members": {"names": [], "roles": [f"pulang-site-{name}"]}}
        for site in ("jakarta", "bangkok"):
            file = out / f"{site}.credentials"
            assert stat.S_IMODE(file.stat().st_mode) == 0o600
            user, password = _user_of(file)
            assert user == f"{site}@{name}" and len(password) >= 24
            assert password not in said + err
            doc = admin.get(f"/_users/org.couchdb.user:{user}").json()
            assert doc["roles"] == [f"pulang-site-{name}"]
            with httpx.Client(auth=(user, password), trust_env=False) as client:
                assert client.get(union).status_code == 200
    assert f"Created the database {name}" in said
    assert "Carry each file to its site by hand" in said and "pulang sync --hub" in said
    assert "_revs_limit" in said  # pouchdb-server keeps none: said so, not failed
    assert not list(out.glob(".*"))  # no draft left


def test_setup_again_adds_sites_and_changes_nothing_else(
        cli: Run, hub_server: HubUnderTest, union: str, admin_file: Path,
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _setup(cli, union, admin_file, out, "jakarta")[0] == ExitCode.OK
    name = union.rsplit("/", 1)[1]
    first = (out / "jakarta.credentials").read_text()
    with hub_server.admin() as admin:
        before = admin.get(f"/_users/org.couchdb.user:jakarta@{name}").json()["_rev"]
        security = admin.get(f"/{name}/_security").json()
        code, said, err = _setup(cli, union, admin_file, out, "jakarta", "phnom-penh")
        assert code == ExitCode.OK, err
        assert admin.get(f"/_users/org.couchdb.user:jakarta@{name}").json()["_rev"] == before
        assert admin.get(f"/{name}/_security").json() == security
        assert admin.get(f"/_users/org.couchdb.user:phnom-penh@{name}").status_code == 200
    assert (out / "jakarta.credentials").read_text() == first
    assert (out / "phnom-penh.credentials").exists()
    assert "Created" not in said and "jakarta was set up before" in said


def test_setup_never_overwrites_a_credentials_file(
        cli: Run, hub_server: HubUnderTest, union: str, admin_file: Path,
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "jakarta.credentials").write_text("someone's\n")
    code, _said, err = _setup(cli, union, admin_file, out, "bangkok", "jakarta")
    assert code == ExitCode.PROBLEMS and "exists" in err
    assert (out / "jakarta.credentials").read_text() == "someone's\n"
    assert not (out / "bangkok.credentials").exists()  # refused before anything was made
    with hub_server.admin() as admin:
        assert admin.get(f"/{union.rsplit('/', 1)[1]}").status_code == 404


def test_setup_refused_in_words(cli: Run, hub_server: HubUnderTest, union: str,
                                admin_file: Path, tmp_path: Path) -> None:
    not_admin = tmp_path / "site-creds"
    not_admin.write_text(f"{SITE[0]}:{SITE[1]}\n")
    not_admin.chmod(0o600)
    code, _said, err = _setup(cli, union, not_admin, tmp_path, "jakarta")
    assert code == ExitCode.HUB and "admin" in err
    code, _said, err = _setup(cli, union, admin_file, tmp_path, "Jakarta Office")
    assert code == ExitCode.USAGE and "lower-case" in err
    done = cli("hub", "setup", "--hub", "http://127.0.0.1:9/union", "--admin-credentials",
               admin_file, "--site", "jakarta", env={"PULANG_SYNC_RETRIES": "0"})
    assert done.returncode == ExitCode.HUB and "cannot be reached" in done.stderr
    assert not list(tmp_path.glob("*.credentials"))


def test_setup_of_a_database_made_by_hand_keeps_its_members_and_says_so(
        cli: Run, hub_server: HubUnderTest, admin_file: Path, tmp_path: Path) -> None:
    url = hub_server.new_database()  # its member: the tests' own user, "site"
    name = url.rsplit("/", 1)[1]
    code, said, err = _setup(cli, url, admin_file, tmp_path / "out", "jakarta")
    assert code == ExitCode.OK, err
    assert "It also admits, as before: site." in said
    with hub_server.admin() as admin:
        assert admin.get(f"/{name}/_security").json()["members"] == {
            "names": [SITE[0]], "roles": [f"pulang-site-{name}"]}


def test_a_site_syncs_with_the_file_setup_wrote(
        cli: Run, union: str, admin_file: Path, tmp_path: Path,
        make_site: Callable[..., Database]) -> None:
    out = tmp_path / "out"
    assert _setup(cli, union, admin_file, out, "Jakarta")[0] == ExitCode.OK  # as people write it
    db = make_site("jakarta", demo=True)
    path = db.path
    db.close()
    done = cli("sync", "--db", path, "--hub", union, "--credentials",
               out / "jakarta.credentials", "--site", "Jakarta", env=UNLOCK)
    assert done.returncode == ExitCode.OK, done.stderr
    assert "Sent 145" in done.stdout  # the demo (83 + 31 + 1 + 16), closings (3), requests (4),
    # check-ins (4), the case to be anonymised soon (its case, worker and closing
    # entry: 3)


def test_a_site_cannot_read_another_union_nor_change_the_security(
        cli: Run, hub_server: HubUnderTest, admin_file: Path, tmp_path: Path) -> None:
    first, second = f"{hub_server.server}/kspi", f"{hub_server.server}/serbuk"
    assert _setup(cli, first, admin_file, tmp_path / "a", "jakarta")[0] == ExitCode.OK
    assert _setup(cli, second, admin_file, tmp_path / "b", "jakarta")[0] == ExitCode.OK
    other = hub_server.new_database()  # one only the tests' own user may use
    with httpx.Client(auth=_user_of(tmp_path / "a" / "jakarta.credentials"),
                      trust_env=False) as client:
        assert client.get(first).status_code == 200
        assert client.get(second).status_code in (401, 403)
        assert client.get(other).status_code in (401, 403)
        assert client.put(f"{first}/_security", json={
            "admins": {"names": ["jakarta@kspi"], "roles": []},
            "members": {"names": [], "roles": []}}).status_code in (401, 403)
    with hub_server.admin() as admin:
        assert admin.get("/kspi/_security").json()["members"]["roles"] == ["pulang-site-kspi"]


@pytest.fixture
def two_sites(cli: Run, union: str, admin_file: Path, tmp_path: Path,
              make_site: Callable[..., Database]) -> tuple[Path, Path, Path]:
    """The office (the demo, synced as `office`) and jakarta (its key imported, synced as
    `jakarta`: it holds everything): (office, jakarta, the folder of the files)."""
    out = tmp_path / "out"
    assert _setup(cli, union, admin_file, out, "office", "jakarta")[0] == ExitCode.OK
    office, jakarta = make_site("office", demo=True), make_site("jakarta")
    import_key(jakarta, export_key(office, "carry it by hand"), "carry it by hand")
    paths = office.path, jakarta.path
    office.close()
    jakarta.close()
    for path, site in zip(paths, ("office", "jakarta"), strict=True):
        done = cli("sync", "--db", path, "--hub", union, "--credentials",
                   out / f"{site}.credentials", "--site", site.title(), env=UNLOCK)
        assert done.returncode == ExitCode.OK, done.stderr
    return paths[0], paths[1], out


def test_revoke_removes_the_user_rotates_the_key_and_lists_what_it_held(
        cli: Run, union: str, admin_file: Path, two_sites: tuple[Path, Path, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    office_path, jakarta_path, out = two_sites
    office = Database.open(office_path, passphrase=PASSPHRASE)
    cases = office.cases()
    refs = sorted(c.ref for c in cases if c.ref)
    names = [w.full_name for w in office.workers_of(cases[0].id)]
    keys = len(load_state(office).keys)  # type: ignore[union-attr]
    office.save_case(cases[1].model_copy(update={"title": "Changed after"}))
    later = office.save(Case(title="Reported after its last sync",
                             destination_country=cases[0].destination_country))
    office.close()
    assert cli("sync", "--db", office_path, env=UNLOCK).returncode == ExitCode.OK

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # the officer's terminal
    done = cli("hub", "revoke", "jakarta", "--db", office_path, "--hub", union,
               "--admin-credentials", admin_file, env=UNLOCK)
    assert done.returncode == ExitCode.OK, done.stderr
    assert "jakarta is removed" in done.stdout and "(as Jakarta)" in done.stdout
    assert "case: " in done.stdout and "worker: " in done.stdout
    assert all(ref in done.stdout for ref in refs)
    assert "Changed on the hub since its last sync" in done.stdout
    assert later.ref and later.ref not in done.stdout  # made after: not held
    assert all(name in done.stdout for name in names)  # on the terminal only
    assert "--export-key" in done.stdout and "passphrase" in done.stdout

    with httpx.Client(auth=_user_of(out / "jakarta.credentials"), trust_env=False) as client:
        assert client.get(union).status_code == 401
    refused = cli("sync", "--db", jakarta_path, env=UNLOCK | {"PULANG_SYNC_RETRIES": "0"})
    assert refused.returncode == ExitCode.HUB and "refused the user name" in refused.stderr
    with Database.open(office_path, passphrase=PASSPHRASE) as db:
        state = load_state(db)
        assert state is not None and len(state.keys) == keys + 1 and state.reseal
        revoked = [e for e in db.audit_trail().entries if e.action == SITE_REVOKED]
        assert len(revoked) == 1 and "site=jakarta" in (revoked[0].note or "")
        assert not any(name in (revoked[0].note or "") for name in names)
    assert cli("sync", "--db", office_path, env=UNLOCK).returncode == ExitCode.OK


def test_revoke_off_a_terminal_lists_no_names(
        cli: Run, union: str, admin_file: Path, two_sites: tuple[Path, Path, Path]) -> None:
    office_path, _jakarta, _out = two_sites
    with Database.open(office_path, passphrase=PASSPHRASE) as db:
        names = [w.full_name for c in db.cases() for w in db.workers_of(c.id)]
    done = cli("hub", "revoke", "jakarta", "--db", office_path, "--admin-credentials",
               admin_file, env=UNLOCK)  # the hub: the one the office syncs with
    assert done.returncode == ExitCode.OK, done.stderr
    assert "names are shown only on a terminal" in done.stdout
    assert not any(name in done.stdout + done.stderr for name in names)


def test_revoke_of_an_unknown_site_or_one_that_never_synced(
        cli: Run, union: str, admin_file: Path, two_sites: tuple[Path, Path, Path],
        tmp_path: Path) -> None:
    office_path, _jakarta, _out = two_sites
    unknown = cli("hub", "revoke", "medan", "--db", office_path, "--admin-credentials",
                  admin_file, env=UNLOCK)
    assert unknown.returncode == ExitCode.PROBLEMS and "no site medan" in unknown.stderr
    with Database.open(office_path, passphrase=PASSPHRASE) as db:
        assert len(load_state(db).keys) == 1  # type: ignore[union-attr]  # nothing changed
    assert _setup(cli, union, admin_file, tmp_path / "more", "medan")[0] == ExitCode.OK
    never = cli("hub", "revoke", "medan", "--db", office_path, "--admin-credentials",
                admin_file, env=UNLOCK)
    assert never.returncode == ExitCode.OK, never.stderr
    assert "medan never synced" in never.stdout
    # A new laptop for jakarta, set up again under its name after a revoke: it has not synced.
    assert cli("hub", "revoke", "jakarta", "--db", office_path, "--admin-credentials",
               admin_file, env=UNLOCK).returncode == ExitCode.OK
    assert _setup(cli, union, admin_file, tmp_path / "new", "jakarta")[0] == ExitCode.OK
    again = cli("hub", "revoke", "jakarta", "--db", office_path, "--admin-credentials",
                admin_file, env=UNLOCK)
    assert again.returncode == ExitCode.OK and "jakarta never synced" in again.stdout


def test_revoke_removes_and_rotates_even_when_the_hub_fails_while_listing(
        cli: Run, union: str, admin_file: Path, two_sites: tuple[Path, Path, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from store.sync import Hub, HubProblem

    office_path, _jakarta, out = two_sites

    def cut(*args: object) -> None:
        raise HubProblem("unreachable", "The hub cannot be reached (the link was cut).")

    monkeypatch.setattr(Hub, "changes", cut)
    done = cli("hub", "revoke", "jakarta", "--db", office_path, "--admin-credentials",
               admin_file, env=UNLOCK)
    assert done.returncode == ExitCode.HUB and "link was cut" in done.stderr
    assert "could not be read from the hub" in done.stdout
    with httpx.Client(auth=_user_of(out / "jakarta.credentials"), trust_env=False) as client:
        assert client.get(union).status_code == 401
    with Database.open(office_path, passphrase=PASSPHRASE) as db:
        assert len(load_state(db).keys) == 2  # type: ignore[union-attr]


def test_a_case_is_marked_when_all_the_site_held_of_it_changed_since() -> None:
    from store.sync.admin import Record, Revoked

    done = Revoked("jakarta", "jakarta@union", synced=True, records=[
        Record("c1", "cases", {"ref": "ID-2026-0001"}, certain=True),
        Record("c2", "cases", {"ref": "ID-2026-0002"}, certain=False),
        Record("w1", "workers", {"case_id": "c2", "full_name": "Ani"}, certain=False),
        Record("w2", "workers", {"case_id": "c1", "full_name": "Budi"}, certain=False)])
    assert done.cases() == [("ID-2026-0001", True, ["Budi"]), ("ID-2026-0002", False, ["Ani"])]
    assert done.counts(certain=False) == [("worker", 2), ("case", 1)]


@pytest.mark.script
def test_pulang_hub_setup_as_a_process(pulang: Callable[..., object], union: str,
                                       admin_file: Path, tmp_path: Path) -> None:
    done = pulang("hub", "setup", "--hub", union, "--admin-credentials", admin_file,
                  "--site", "jakarta", "--out", tmp_path / "out")
    assert done.returncode == ExitCode.OK, done.stderr  # type: ignore[attr-defined]
    assert (tmp_path / "out" / "jakarta.credentials").exists()


@pytest.mark.script
def test_pulang_hub_revoke_as_a_process(pulang: Callable[..., object], union: str,
                                        admin_file: Path,
                                        two_sites: tuple[Path, Path, Path]) -> None:
    office_path, _jakarta, _out = two_sites
    done = pulang("hub", "revoke", "jakarta", "--db", office_path, "--admin-credentials",
                  admin_file, env=UNLOCK)
    assert done.returncode == ExitCode.OK, done.stderr  # type: ignore[attr-defined]
    assert "jakarta is removed" in done.stdout  # type: ignore[attr-defined]

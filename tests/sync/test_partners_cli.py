"""`pulang sync --partner ORG` on the command line, in this process through `tui.cli.main`,
against the real test hub: refused without an agreement, then under an override recorded;
its key carried to the partner's database; `--status` per domain."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from store.common.errors import ExitCode
from store.db.database import Database
from store.domain.records import Case, Organisation, build
from store.domain.vocab import OrgKind
from store.engine import audit
from store.sync import find_partner
from tests.conftest import Run
from tests.sync.conftest import PASSPHRASE, SITE

ENV = {"PULANG_PASSPHRASE": PASSPHRASE, "PULANG_HUB_USER": SITE[0],
       "PULANG_HUB_PASSWORD": SITE[1], "PULANG_KEY_PASSPHRASE": "carried by hand 1"}


def test_sync_with_a_partner_from_the_command_line(
        cli: Run, make_site: Callable[..., Database], hub_url: str, tmp_path: Path) -> None:
    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    case = next(c for c in home.cases() if c.destination_country == "KH")
    home.share_case(case.id, cambodia.id)
    partner = make_site("phnompenh")
    partner.save_organisation(build(Organisation, {
        "name": "Konfederasi Serikat Pekerja Seluruh Indonesia", "acronym": "KSPSI",
        "kind": OrgKind.UNION_FEDERATION}))
    home_path, partner_path = home.path, partner.path
    home.close()
    partner.close()

    refused = cli("sync", "--db", home_path, "--partner", "Cambodian union", "--hub", hub_url,
                  env=ENV)
    assert refused.returncode == ExitCode.PROBLEMS
    assert "No cooperation agreement with Cambodian union confederation" in refused.stderr
    assert "--override" in refused.stderr
    assert cli("sync", "--db", home_path, "--override", "x", env=ENV).returncode == 64

    done = cli("sync", "--db", home_path, "--partner", "Cambodian union", "--hub", hub_url,
               "--override", "The officers met in Phnom Penh; agreement being signed",
               "--format", "json", env=ENV)
    assert done.returncode == 0, done.stderr
    sent = json.loads(done.stdout)
    assert sent["sent"] > 0 and sent["partner"] == cambodia.id and sent["override"]
    assert "under the override recorded" in done.stderr

    key = tmp_path / "cambodia.key"
    assert cli("sync", "--db", home_path, "--partner", "Cambodian union", "--export-key", key,
               env=ENV).returncode == 0
    took = cli("sync", "--db", partner_path, "--partner", "KSPSI", "--import-key", key, env=ENV)
    assert took.returncode == 0, took.stderr
    there = cli("sync", "--db", partner_path, "--partner", "KSPSI", "--hub", hub_url,
                "--override", "the key came with the officers", env=ENV)
    assert there.returncode == 0, there.stderr

    shown = cli("sync", "--db", home_path, "--status", env=ENV)
    assert shown.returncode == 0, shown.stderr
    assert "Partner: Cambodian union confederation" in shown.stdout
    assert "1 case shared with it" in shown.stdout and hub_url in shown.stdout

    with Database.open(partner_path, passphrase=PASSPHRASE) as db:
        assert [c.id for c in db.cases()] == [case.id]
        assert db.get(Case, case.id).title == case.title
        overrides = [e for e in db.audit_trail().entries
                     if e.action == audit.SHARING_OVERRIDE]
        assert len(overrides) == 1

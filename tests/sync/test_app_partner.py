"""Sharing with a partner organisation from the app, against the real test hub: its page in the
directory syncs its domain (`s`), the first time asking its database and credentials, and a
reason where no agreement covers data sharing; its conflicts are listed on Today, naming it,
and decided there. The sync runs in a process of its own, as the officer's does; the partner's
database is a second site (tests/sync/test_partners.py sets up the same pair by the store)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Input, Static

from store.db.database import Database
from store.domain.records import Case, Organisation, Worker, build
from store.domain.rules.sharing import WITHHELD
from store.domain.vocab import AgreementStatus, OrgKind
from store.engine import audit
from store.sync import export_partner_key, find_partner, import_partner_key
from tests.sync.conftest import SITE
from tests.sync.test_app_decide import _lines, _open_decision, _to_decide
from tests.sync.test_partners import PASS, _agreement, _cambodian_case, _pair, _sync
from tests.ui_helpers import notes, palette_offers, screen_text, set_text, until


@pytest.fixture(autouse=True)
def _no_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PULANG_SYNC_RETRIES", "0")


def _facts(app: object) -> str:
    return str(app.screen.query_one("#record-facts", Static).render())  # type: ignore[attr-defined]


async def _organisation_page(pilot: object, app: object, org_id: str) -> None:
    from tui.screens.directory import OrganisationScreen

    await until(pilot, lambda: app.db is not None and app.sync_info is not None)  # type: ignore
    app.open_record("organisation", org_id)  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, OrganisationScreen)  # type: ignore
                and app.screen.loaded)  # type: ignore[attr-defined]


async def _answer(pilot: object, app: object, **fields: str) -> None:
    """The partner's dialog answered: its fields filled, Enter."""
    from tui.dialogs.sync_partner import PartnerSyncDialog

    await until(pilot, lambda: isinstance(app.screen, PartnerSyncDialog))  # type: ignore
    for name, text in fields.items():
        await set_text(pilot, app.screen.query_one(f"#sync-{name}", Input), text)  # type: ignore
    app.screen.query_one(f"#sync-{next(iter(fields))}", Input).focus()  # type: ignore
    await pilot.press("enter")  # type: ignore[attr-defined]


def _said(app: object) -> list[str]:
    return [n for n in notes(app) if n.startswith("Synced with")]  # type: ignore[arg-type]


async def _synced(pilot: object, app: object, count: int = 1) -> None:
    """Until the `count`th sync with the partner has said its outcome (a sync of a few
    records can start and end between two looks at `sync_running`)."""
    await until(pilot, lambda: not app.sync_running  # type: ignore[attr-defined]
                and len(_said(app)) >= count, timeout=120)


async def test_the_organisation_page_syncs_the_partner_who_then_has_the_case(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp

    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    _agreement(home, find_partner(home, "KSPSI").id, cambodia.id)
    case = home.share_case(_cambodian_case(home).id, cambodia.id)
    app = PulangApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await _organisation_page(pilot, app, cambodia.id)
        await until(pilot, lambda: "1 case shared with it, never synced" in _facts(app))
        await pilot.press("ctrl+p")  # offered in the palette too
        await pilot.press(*"sync with this")
        await until(pilot, lambda: palette_offers(app, "Sync with this partner"))
        await pilot.press("enter")
        await _answer(pilot, app, hub=hub_url, user=SITE[0], password=SITE[1])
        await _synced(pilot, app)
        assert not app.partner_failures
        await until(pilot, lambda: "Partner sync: last just now" in _facts(app))
        facts = " ".join(_facts(app).split())
        assert "0 changes waiting" in facts and "1 case shared" in facts
        assert "under the agreement “Data sharing on trafficked workers' cases”" in facts
        assert _said(app)[0].startswith("Synced with Cambodian union confederation: sent")
        # Again: the hub and the login of this session are known, nothing is asked.
        await pilot.press("s")
        await _synced(pilot, app, 2)
        assert type(app.screen).__name__ == "OrganisationScreen"
    # The partner's own database takes the key and syncs: it has the case.
    partner = make_site("phnompenh")
    us = partner.save_organisation(build(Organisation, {
        "name": "Konfederasi Serikat Pekerja Seluruh Indonesia", "acronym": "KSPSI",
        "kind": OrgKind.UNION_FEDERATION, "country": "ID"}))
    them = partner.save_organisation(build(Organisation, {
        "name": "Cambodian union confederation", "kind": OrgKind.TRADE_UNION, "country": "KH"}))
    _agreement(partner, us.id, them.id)
    import_partner_key(partner, us.id, export_partner_key(home, cambodia.id, PASS), PASS)
    _sync(partner, us.id, hub_url, "Phnom Penh")
    assert [c.id for c in partner.cases()] == [case.id]
    assert partner.get(Case, case.id).title == case.title


async def test_without_an_agreement_a_reason_is_asked_and_recorded(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp
    from tui.dialogs.sync_partner import PartnerSyncDialog

    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    _agreement(home, find_partner(home, "KSPSI").id, cambodia.id,
               status=AgreementStatus.SIGNED)  # signed, not in force
    home.share_case(_cambodian_case(home).id, cambodia.id)
    app = PulangApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await _organisation_page(pilot, app, cambodia.id)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, PartnerSyncDialog)
                    and "Reason to share anyway" in screen_text(app))
        refusal = " ".join(str(app.screen.query_one("#sync-refusal", Static).render()).split())
        assert refusal.startswith("No cooperation agreement with Cambodian union confederation "
                                  "covers data sharing and is in force")
        # No reason: refused in words, nothing sent.
        await _answer(pilot, app, hub=hub_url, user=SITE[0], password=SITE[1])
        await until(pilot, lambda: "Give a reason" in screen_text(app))
        assert not app.sync_running
        await _answer(pilot, app, reason="The workers asked us to, by phone")
        await _synced(pilot, app)
        assert not app.partner_failures
        await until(pilot, lambda: "shared under the override" in _facts(app))
        assert "by phone" in _facts(app)
        assert any("under the override recorded on" in n for n in notes(app))
    overrides = [e for e in home.audit_trail().entries if e.action == audit.SHARING_OVERRIDE]
    assert len(overrides) == 1 and "by phone" in overrides[0].note


async def test_a_partner_conflict_is_named_on_today_and_decided_there(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp
    from tui.screens.decide import DecideScreen

    home, partner, cambodia, us, case = _pair(make_site, hub_url)
    worker = next(w for w in partner.workers_of(case.id) if w.full_name != WITHHELD)
    phone = partner.save(worker.model_copy(update={"phone": "+855 12 999 888"})).phone
    _sync(partner, us, hub_url, "Phnom Penh")
    before = home.get(Worker, worker.id).phone
    assert _sync(home, cambodia, hub_url, "Jakarta").report.conflicts == 1
    assert home.get(Worker, worker.id).phone == before
    app = PulangApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_decide(pilot, app)
        line = next(x for x in _lines(app) if "⚠ decide" in x)
        assert "from Cambodian union confederation" in line and "Phone" in line
        await _open_decision(pilot, app)
        message = " ".join(str(app.screen.query_one("#decide-message", Static).render()).split())
        assert "Theirs: " in message and "Cambodian union confederation, at Phnom Penh" in message
        assert "Changed by Cambodian union confederation" in app.screen.title
        await pilot.press("t")
        await until(pilot, lambda: not isinstance(app.screen, DecideScreen))
        await until(pilot, lambda: not any("Conflicts to decide" in x for x in _lines(app)))
    assert home.get(Worker, worker.id).phone == phone


async def test_a_partner_hub_that_is_down_is_said_on_its_page_and_nothing_is_lost(
        make_site: Callable[..., Database]) -> None:
    from tests.sync.test_app_sync import closed_port
    from tui.app import PulangApp

    home = make_site("jakarta", demo=True)
    cambodia = find_partner(home, "Cambodian union confederation")
    _agreement(home, find_partner(home, "KSPSI").id, cambodia.id)
    home.share_case(_cambodian_case(home).id, cambodia.id)
    before = home.path.read_bytes()
    app = PulangApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await _organisation_page(pilot, app, cambodia.id)
        await pilot.press("s")
        await _answer(pilot, app, hub=f"http://127.0.0.1:{closed_port()}/cambodia",
                      user=SITE[0], password=SITE[1])
        await until(pilot, lambda: cambodia.id in app.partner_failures, timeout=60)
        assert "cannot be reached" in app.partner_failures[cambodia.id]
        await until(pilot, lambda: "Last sync with this partner failed" in _facts(app))
        assert app.sync_failure == ""  # the union's own sync line is not this one's
    assert home.path.read_bytes() == before

"""A worker's legal status and money (issue 34), through the real app at 80×24 on a temporary
database: the worker's page from the case page (w) and the palette, the legal matter's form by
kind, the money form reading amounts as the language writes them, the case page's line for the
worker and its totals, converted only at the rates the officer gives, for the session only.

The issue's flow (a charge and legal aid, a hearing, a ransom paid by a family, a wage claim) is
walked in English and in Indonesian."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from textual.widgets import Checkbox, Input, Select

from store.common.i18n import set_language
from store.db.database import Database
from store.domain import LegalKind, MoneyStatus
from store.domain.records import Organisation, build
from tests.ui_helpers import (
    a_case,
    choose,
    fill,
    focus,
    open_case,
    paste,
    screen_text,
    until,
)
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.picker import PickerDialog
from tui.screens.after import WorkerAfterScreen
from tui.screens.after.convert import ConvertDialog
from tui.screens.after.legal_form import LegalMatterForm
from tui.screens.after.money_form import MoneyForm
from tui.screens.case import CaseScreen


def _in(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).strftime("%d/%m/%Y")


async def worker_page(pilot, app, db: Database):  # type: ignore[no-untyped-def]
    """The case of two workers, Rizky's page opened with w on him."""
    case, (rizky, _dewi) = a_case(db, "Rizky Pratama Nugroho", "Dewi Anggraini")
    screen = await open_case(pilot, app, case)
    screen.query_one("#workers").move_to_key(rizky.id)
    await pilot.pause()
    await pilot.press("w")
    await until(pilot, lambda: isinstance(app.screen, WorkerAfterScreen))
    return case, rizky


async def new_matter(pilot, app, kind: LegalKind) -> LegalMatterForm:  # type: ignore[no-untyped-def]
    """n, then the kind from the picker (arrows and Enter)."""
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, PickerDialog))
    await pilot.press(*["down"] * list(LegalKind).index(kind), "enter")
    await until(pilot, lambda: isinstance(app.screen, LegalMatterForm))
    form = app.screen
    assert form.kind is kind
    return form


async def save(pilot, app, shown: type) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, shown))
    await pilot.pause()


async def issue_flow(pilot, app, db: Database, amounts: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    """A charge with its hearing, legal aid from the directory, a ransom the family paid and
    a wage claim, recorded from the worker's page."""
    aid = db.save_organisation(build(Organisation, {"name": "Lembaga Bantuan Hukum Jakarta",
                                                    "country": "ID"}))
    case, rizky = await worker_page(pilot, app, db)

    form = await new_matter(pilot, app, LegalKind.CHARGE)
    await fill(pilot, "subject", "Illegal entry and overstay")
    await fill(pilot, "authority", "Immigration Police, Phnom Penh")
    await fill(pilot, "since", _in(-5))
    await focus(pilot, "non_punishment")
    await pilot.press("space")
    await fill(pilot, "next_date", _in(3))
    await fill(pilot, "next_what", "Hearing at the municipal court")
    await save(pilot, app, WorkerAfterScreen)

    form = await new_matter(pilot, app, LegalKind.LEGAL_AID)
    await focus(pilot, "org_id")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, PickerDialog))
    await pilot.press("down", "enter")
    await until(pilot, lambda: app.screen is form)
    assert form.query_one("#f-organisation", Input).value == "Lembaga Bantuan Hukum Jakarta"
    await fill(pilot, "lawyer", "Sari Wulandari")
    await save(pilot, app, WorkerAfterScreen)

    await pilot.press("m")
    await until(pilot, lambda: isinstance(app.screen, MoneyForm))
    await choose(pilot, "kind", _money("ransom"))
    await choose(pilot, "status", _money("paid"))
    await fill(pilot, "amount", amounts[0])
    await fill(pilot, "currency", "usd")
    await choose(pilot, "paid_by", _money("the family"))
    await fill(pilot, "payer", "His mother, Siti")
    await save(pilot, app, WorkerAfterScreen)

    await pilot.press("m")
    await until(pilot, lambda: isinstance(app.screen, MoneyForm))
    # The currency of the case's last entry, to start with.
    assert app.screen.query_one("#f-currency", Input).value == "USD"
    await choose(pilot, "kind", _money("unpaid wages"))
    await choose(pilot, "status", _money("claimed"))
    await fill(pilot, "amount", amounts[1])
    await save(pilot, app, WorkerAfterScreen)

    matters = {m.kind: m for m in db.legal_of(case.id, rizky.id)}
    assert matters[LegalKind.CHARGE].non_punishment
    assert matters[LegalKind.CHARGE].next_date == dt.date.today() + dt.timedelta(days=3)
    assert matters[LegalKind.LEGAL_AID].org_id == aid.id
    assert matters[LegalKind.LEGAL_AID].organisation == "Lembaga Bantuan Hukum Jakarta"
    money = {e.status: e for e in db.money_of(case.id, rizky.id)}
    assert money[MoneyStatus.PAID].value == Decimal("1500.50")
    assert money[MoneyStatus.PAID].paid_by is not None
    assert money[MoneyStatus.PAID].payer == "His mother, Siti"
    assert money[MoneyStatus.CLAIMED].value == Decimal(1200)
    # Today's store side lists the hearing, three days away.
    assert [h.matter_id for h in db.today().hearings] == [matters[LegalKind.CHARGE].id]


def _money(text: str) -> str:
    """A code's label in the language on screen (the catalogs translate it)."""
    from store import _

    return _(text)


async def test_the_issue_flow_in_english(empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await issue_flow(pilot, app, empty_db, ("1,500.50", "1200"))
        page = screen_text(app)
        assert "charge against the worker" in page and "legal aid" in page
        assert "! " in page  # the hearing within the week, marked
        assert "US$1,500.50" in page and "US$1,200.00" in page
        assert "Totals: paid: US$1,500.50 · claimed: US$1,200.00" in " ".join(page.split())
        # Back on the case page: the worker's line and the case's totals.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        case_page = " ".join(screen_text(app).split())
        assert "2 open legal matters · next: !" in case_page
        assert "2 money entries (w)" in case_page
        assert "Money ($): claimed US$1,200.00 · recovered –" in case_page


async def test_the_issue_flow_in_indonesian(empty_db: Database) -> None:
    set_language("id")  # isolated_environment sets English back afterwards
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await issue_flow(pilot, app, empty_db, ("1.500,50", "1.200"))
        page = " ".join(screen_text(app).split())
        assert "tuduhan terhadap pekerja" in page and "bantuan hukum" in page
        assert "Status hukum dan uang" in page  # the page's own words, in Indonesian
        assert "US$1.500,50" in page and "US$1.200,00" in page
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        case_page = " ".join(screen_text(app).split())
        assert "US$1.200,00" in case_page


async def test_an_amount_is_read_as_the_language_writes_it_and_a_bad_one_kept(
        empty_db: Database) -> None:
    set_language("id")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        case, rizky = await worker_page(pilot, app, empty_db)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MoneyForm))
        form = app.screen
        await choose(pilot, "kind", _money("recruitment fee"))
        await choose(pilot, "status", _money("paid"))
        await fill(pilot, "amount", "1,500,000.50")  # English writing: refused in Indonesian
        await fill(pilot, "currency", "Rupiah")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        said = " ".join(screen_text(app).split())
        assert "1500000,50" in said  # how to write it, with the Indonesian decimal sign
        assert "ISO 4217" in said  # why the currency is refused
        assert form.query_one("#f-amount", Input).value == "1,500,000.50"  # kept
        assert form.query_one("#f-currency", Input).value == "Rupiah"
        assert empty_db.money_of(case.id) == []
        await fill(pilot, "amount", "1.500.000")
        await fill(pilot, "currency", "IDR")
        await save(pilot, app, WorkerAfterScreen)
        (entry,) = empty_db.money_of(case.id, rizky.id)
        assert entry.amount == "1500000" and entry.currency == "IDR"
        assert "Rp1.500.000" in screen_text(app).replace("\xa0", "")


async def test_the_kind_narrows_the_statuses_and_who_paid_shows_for_a_sum_paid(
        empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await worker_page(pilot, app, empty_db)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MoneyForm))
        form = app.screen
        await choose(pilot, "kind", "unpaid wages")
        await pilot.pause()
        status = form.query_one("#f-status", Select)
        offered = {str(p) for p, _v in status._options}  # noqa: SLF001
        assert offered == {"owed", "claimed", "awarded", "recovered"}
        assert not form.query_one("#f-paid_by").parent.display
        await choose(pilot, "kind", "ransom")
        await choose(pilot, "status", "paid")
        assert form.query_one("#f-paid_by").parent.display
        assert form.query_one("#f-payer").parent.display
        # F1 says how a sum is written here and what an entry is.
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = " ".join(str(app.screen.query_one("#help-text").render()).split())
        assert "one sum at one status" in help_text and "ISO 4217" in help_text
        assert "with . before the cents" in help_text


async def test_a_kind_shows_only_its_fields_labelled_for_it_and_its_stages(
        empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await worker_page(pilot, app, empty_db)
        form = await new_matter(pilot, app, LegalKind.DETENTION)
        text = screen_text(app)
        assert "Detained since" in text and "Released on" in text
        assert not form.query("#f-subject") and not form.query("#f-non_punishment")
        stages = {str(p) for p, v in form.query_one("#f-stage", Select)._options  # noqa: SLF001
                  if v is not Select.NULL}
        assert stages == {"detained", "released"}
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WorkerAfterScreen))
        form = await new_matter(pilot, app, LegalKind.CHARGE)
        text = screen_text(app)
        assert "Charged on" in text and "Charged with" in text
        assert form.query_one("#f-non_punishment", Checkbox) is not None
        # F1 names the ASEAN guidance on non-punishment.
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = str(app.screen.query_one("#help-text").render())
        assert "ACTIP" in help_text and "Art. 14(7)" in help_text
        assert "UU 21/2007" in help_text and "Art. 18" in help_text


async def test_a_line_is_removed_only_after_asking(empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        case, _rizky = await worker_page(pilot, app, empty_db)
        await new_matter(pilot, app, LegalKind.STATEMENT)
        await fill(pilot, "authority", "Bareskrim Polri")
        await save(pilot, app, WorkerAfterScreen)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, WorkerAfterScreen))
        assert len(empty_db.legal_of(case.id)) == 1
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: not empty_db.legal_of(case.id))
        await until(pilot, lambda: "Legal matters (0)" in screen_text(app))


async def test_totals_are_converted_only_with_every_rate_and_never_saved(
        demo_db: Database, db_path) -> None:  # type: ignore[no-untyped-def]
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        case = demo_db.case_by_ref("KH-2025-0001")
        await open_case(pilot, app, case)
        await pilot.press("dollar_sign")
        await until(pilot, lambda: isinstance(app.screen, ConvertDialog))
        app.screen.query_one("#convert-into", Input).value = "usd"
        await pilot.press("ctrl+s")  # no rate for IDR
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        said = " ".join(screen_text(app).split())
        assert "No total in USD: no rate given for IDR" in said
        await pilot.press("dollar_sign")
        await until(pilot, lambda: isinstance(app.screen, ConvertDialog))
        dialog = app.screen
        assert dialog.query_one("#convert-into", Input).value == "USD"  # kept this session
        # No rate is asked for the currency converted into.
        assert not dialog.query_one("#row-USD").display and dialog.query_one("#row-IDR").display
        dialog.query_one("#rate-IDR", Input).value = "0.00006"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        said = " ".join(screen_text(app).split())
        # Claimed: 60,000,000 IDR and 1,200 USD; recovered 10,000,000 IDR.
        assert "In USD: claimed US$4,800.00 · recovered US$600.00" in said
        assert "at 1 IDR = 0.00006 USD: this session's rates, not saved" in said
    demo_db.close()
    assert b"0.00006" not in db_path.read_bytes()  # the rate is the session's, never saved


async def test_the_worker_page_opens_from_the_palette(empty_db: Database) -> None:
    case, (rizky,) = a_case(empty_db, "Rizky Pratama Nugroho")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await paste(pilot, "Legal status and money")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkerAfterScreen))
        assert app.screen.worker_id == rizky.id


async def test_the_case_totals_are_read_whole_at_80_columns(demo_db: Database) -> None:
    """Claimed and recovered in three currencies do not fit one line at 80 columns: they go on
    two, neither cut (a review found the recovered dollars cut off)."""
    from store.domain.records import MoneyEntry

    case = demo_db.case_by_ref("KH-2025-0001")
    worker = demo_db.workers_of(case.id)[0]
    for amount, currency, status in (("4800", "USD", "claimed"), ("1200.50", "USD", "recovered"),
                                     ("400000", "KHR", "recovered")):
        demo_db.save_money(build(MoneyEntry, {
            "case_id": case.id, "worker_id": worker.id, "kind": "wages", "status": status,
            "amount": Decimal(amount), "currency": currency}))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        claimed = next(line for line in lines if "Money ($): claimed" in line)
        assert claimed.rstrip().endswith("US$6,000.00")
        assert "…" not in claimed
        recovered = lines[lines.index(claimed) + 1]
        assert "recovered IDR10,000,000, KHR400,000.00, US$1,200.50" in recovered

"""Converting a case's money totals into one currency, at the rates the officer gives: a target
currency, and a rate for each other currency the case holds. A converted total is shown only
when every rate was given, with the rates it used; they are kept for this session only (never
saved: a rate is the officer's of the day, not a fact of the case)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store import N_, _, decimal_sign, format_number
from store.domain import AmountProblem, converted, currency_code, parse_amount
from tui.screens.after.words import sums
from tui.translate import TranslatedBindings
from tui.widgets import TextInput

if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Conversion:
    """A target currency and the rates given: units of `into` for one unit of each."""

    into: str
    rates: dict[str, Decimal] = field(default_factory=dict)

    def rate_words(self, held: list[str]) -> str:
        """The rates used, for the label of a converted total: "1 IDR = 0.000063 USD"."""
        return ", ".join(_("1 {code} = {rate} {into}").format(
            code=code, rate=_rate_text(self.rates[code]), into=self.into)
            for code in held if code != self.into and code in self.rates)


def _rate_text(rate: Decimal) -> str:
    return format(rate.normalize(), "f").replace(".", decimal_sign())


# The rates given in this session, per app and case: gone when the app closes.
_SESSION: WeakKeyDictionary[App[Any], dict[str, Conversion]] = WeakKeyDictionary()


def session_conversion(app: App[Any], case_id: str) -> Conversion | None:
    return _SESSION.get(app, {}).get(case_id)


def keep_conversion(app: App[Any], case_id: str, conversion: Conversion) -> None:
    _SESSION.setdefault(app, {})[case_id] = conversion


def converted_lines(conversion: Conversion, claimed: dict[str, Decimal],
                    recovered: dict[str, Decimal]) -> list[str]:
    """The converted totals, and on a line of their own the rates used (a line is cut at the
    right edge of a narrow terminal); or why there are none (a rate missing)."""
    held = sorted(set(claimed) | set(recovered))
    into = conversion.into
    in_claimed = converted(claimed, into, conversion.rates)
    in_recovered = converted(recovered, into, conversion.rates)
    if in_claimed is None or in_recovered is None:
        missing = [c for c in held if c != into and c not in conversion.rates]
        return [_("No total in {into}: no rate given for {codes} ($ to give it).").format(
            into=into, codes=", ".join(missing))]
    rates = conversion.rate_words(held)
    return [_("In {into}: claimed {claimed} · recovered {recovered}").format(
                into=into, claimed=sums({into: in_claimed}),
                recovered=sums({into: in_recovered})),
            _("  at {rates}: this session's rates, not saved").format(
                rates=rates or _("no rate needed"))]


class ConvertDialog(TranslatedBindings, ModalScreen[Conversion | None]):
    """The target currency and a rate for each other currency held."""

    DEFAULT_CSS = """
    ConvertDialog #convert-dialog { width: 64; max-width: 100%; height: auto;
                                    border: thick $primary; background: $surface;
                                    padding: 0 1; }
    ConvertDialog .convert-row { height: 1; }
    ConvertDialog .convert-label { width: 24; }
    ConvertDialog Input { width: 1fr; }
    ConvertDialog #convert-error { color: $error; text-style: bold; height: auto; }
    """
    BINDINGS = [
        Binding("ctrl+s", "apply", N_("Convert"), id="convert.apply"),
        Binding("escape", "cancel", N_("Cancel"), id="convert.cancel"),
        Binding("f1", "app.help", N_("Help"), id="convert.help"),
    ]
    HELP = N_(
        "Converting the case's totals into one currency: type the currency to convert into "
        "(its ISO 4217 code, e.g. USD), then, for each other currency the case holds, how many "
        "units of it one unit is worth at the rate you use today. A converted total is shown "
        "only when every rate is given, with the rates it used. The rates are kept until Pulang "
        "closes, never saved: the totals in each currency are what the case holds. Ctrl+S (or "
        "Enter in the last field) converts; Escape cancels."
    )

    def __init__(self, held: list[str], before: Conversion | None = None) -> None:
        super().__init__()
        self.held = held
        self.before = before

    def compose(self) -> ComposeResult:
        before = self.before
        with Vertical(id="convert-dialog"):
            yield Label(_("Convert the case's totals"), id="reason-title")
            with Horizontal(classes="convert-row"):
                yield Label(_("Into (ISO 4217)"), classes="convert-label")
                yield TextInput(before.into if before else "", id="convert-into",
                                placeholder=_("e.g. USD"), compact=True,
                                select_on_focus=False)
            for code in self.held:
                with Horizontal(classes="convert-row", id=f"row-{code}"):
                    yield Label(_("1 {code} is worth").format(code=code),
                                classes="convert-label")
                    rate = before.rates.get(code) if before else None
                    yield TextInput(_rate_text(rate) if rate is not None else "",
                                    id=f"rate-{code}", compact=True, select_on_focus=False,
                                    placeholder=_("units of the target currency"))
            yield Static("", id="convert-error", markup=False)
            yield Label(_("Ctrl+S converts · Escape cancels · the rates are not saved"),
                        id="reason-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#convert-into", Input))
        self._hide_target()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "convert-into":
            self._hide_target()

    def _hide_target(self) -> None:
        """No rate is asked for the currency converted into (1 USD is 1 USD)."""
        into = self.query_one("#convert-into", Input).value.strip().upper()
        for code in self.held:
            self.query_one(f"#row-{code}").display = code != into

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_apply()
        else:
            self.focus_next()

    def action_apply(self) -> None:
        error = self.query_one("#convert-error", Static)
        try:
            into = currency_code(self.query_one("#convert-into", Input).value)
        except AmountProblem as problem:
            error.update(_("Into: {problem}").format(problem=problem))
            self.set_focus(self.query_one("#convert-into", Input))
            return
        rates: dict[str, Decimal] = {}
        for code in self.held:
            field_ = self.query_one(f"#rate-{code}", Input)
            if code == into or not field_.value.strip():
                continue
            try:
                rate = parse_amount(field_.value, decimal_sign())
            except AmountProblem as problem:
                error.update(_("1 {code}: {problem}").format(code=code, problem=problem))
                self.set_focus(field_)
                return
            if rate == 0:
                error.update(_("1 {code}: a rate must be more than {zero}").format(
                    code=code, zero=format_number(0)))
                self.set_focus(field_)
                return
            rates[code] = rate
        self.dismiss(Conversion(into, rates))

    def action_cancel(self) -> None:
        self.dismiss(None)

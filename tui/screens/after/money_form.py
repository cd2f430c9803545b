"""The form of one sum in a worker's case: its kind, its status (only those of that kind:
changing the kind narrows them), the amount as the language writes it ("1.500.000" is one and a
half million in Indonesian), the currency's ISO 4217 code, the date, who paid it (only for a sum
paid), and the evidence. A refused amount or currency says how to write it and keeps the text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual import on
from textual.widgets import Select

from store import N_, RecordInvalid, _, date_for_input, decimal_sign
from store.domain import (
    STATUSES_OF,
    AmountProblem,
    MoneyEntry,
    MoneyKind,
    MoneyStatus,
    Payer,
    build,
    choices,
    label,
    parse_amount,
)
from tui.screens.after.words import DATE_HINT, _db
from tui.screens.form import FieldSpec, RecordForm

_WHEN_PAID = ("paid_by", "payer")  # shown only for a sum paid
MONEY_HELP = N_(
    "A money entry is one sum at one status: a ransom demanded and the part the family paid "
    "are two entries, a claim and what was recovered of it two more; every total adds the "
    "entries at a status, per currency, never across currencies. The amount is written as "
    "your language writes it, with {sign} before the cents and no currency sign: a grouping "
    "sign must part the number into thousands, or the amount is refused rather than read as "
    "another sum. The currency is its ISO 4217 code (IDR, USD, KHR, LAK, THB, MYR, MMK). Who "
    "paid is asked only for a sum paid; the evidence says where the sum is proven (a transfer "
    "receipt, chat messages, a payslip)."
)


def _statuses(kind: MoneyKind | None) -> list[tuple[str, MoneyStatus]]:
    return [(label(s), s) for s in (STATUSES_OF[kind] if kind else tuple(MoneyStatus))]


def amount_for_input(amount: str) -> str:
    """A stored amount ("1500000.50") as it is typed in the language on screen."""
    return amount.replace(".", decimal_sign())


class MoneyForm(RecordForm[MoneyEntry]):
    record_type = MoneyEntry
    draft_kind = "money"

    def __init__(self, record: MoneyEntry | None, case_id: str, worker_id: str) -> None:
        self.case_id = case_id
        self.worker_id = worker_id
        super().__init__(record, _("New money entry") if record is None else
                         _("Edit money entry"))

    def help_more(self) -> str:
        """F1: how a sum is written here, and what an entry is."""
        return _(MONEY_HELP).format(sign=decimal_sign())

    def fields(self) -> list[FieldSpec]:
        sign = decimal_sign()
        return [
            FieldSpec("kind", "select", choices(MoneyKind), required=True),
            FieldSpec("status", "select", _statuses(self.record.kind if self.record else None),
                      required=True, hint=_("Each entry is one sum at one status: a claim "
                                            "and what was recovered of it are two entries.")),
            FieldSpec("amount", required=True, placeholder=_("e.g. 1500000{sign}50").format(
                sign=sign), hint=_("Digits, with {sign} before the cents; no currency sign "
                                   "here.").format(sign=sign)),
            FieldSpec("currency", required=True, placeholder=_("ISO 4217 code: IDR, USD, KHR, "
                                                               "THB, MYR...")),
            FieldSpec("on", placeholder=DATE_HINT),
            FieldSpec("paid_by", "select", choices(Payer)),
            FieldSpec("payer", placeholder=_("e.g. his mother, Siti")),
            FieldSpec("evidence", placeholder=_("e.g. bank transfer receipt, chat screenshots")),
        ]

    def defaults(self) -> dict[str, Any]:
        """A new entry: in the currency of this case's last entry, if any."""
        entries = _db(self).money_of(self.case_id)
        last = max(entries, default=None, key=lambda e: (
            e.created_at.timestamp() if e.created_at else 0.0, e.on or dt.date.min))
        return {"kind": None, "status": None, "paid_by": None,
                "currency": last.currency if last is not None else ""}

    def values_of(self, entry: MoneyEntry) -> dict[str, Any]:
        return {"kind": entry.kind, "status": entry.status,
                "amount": amount_for_input(entry.amount), "currency": entry.currency,
                "on": date_for_input(entry.on), "paid_by": entry.paid_by,
                "payer": entry.payer, "evidence": entry.evidence}

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update({"case_id": self.case_id, "worker_id": self.worker_id})
        return data

    def persist(self, record: MoneyEntry) -> MoneyEntry:
        return _db(self).save_money(record)

    def draft(self) -> dict[str, Any]:
        draft = super().draft()
        draft.update({"case_id": self.case_id, "worker_id": self.worker_id})
        return draft

    def on_mount(self) -> None:
        super().on_mount()
        self._narrow(keep=self.query_one("#f-status", Select).value)

    def fill(self, values: dict[str, Any]) -> None:
        """A draft put back: the statuses of its kind offered before its status is set."""
        kind = values.get("kind")
        self.query_one("#f-status", Select).set_options(
            _statuses(MoneyKind(kind) if kind else None))
        super().fill(values)
        self._show_payer()

    # -- the kind narrows the statuses; a sum paid says by whom ---------------------------

    @on(Select.Changed, "#f-kind")
    def _kind_changed(self) -> None:
        self._narrow(keep=self.query_one("#f-status", Select).value)

    @on(Select.Changed, "#f-status")
    def _status_changed(self) -> None:
        self._show_payer()

    def _narrow(self, keep: Any) -> None:
        kind = self.query_one("#f-kind", Select).value
        status = self.query_one("#f-status", Select)
        allowed = _statuses(kind if isinstance(kind, MoneyKind) else None)
        if [v for _l, v in allowed] != [v for _l, v in status._options if v is not Select.NULL]:  # noqa: SLF001
            status.set_options(allowed)
        if any(v == keep for _l, v in allowed):
            status.value = keep
        self._show_payer()

    def _show_payer(self) -> None:
        paid = self.query_one("#f-status", Select).value is MoneyStatus.PAID
        for name in _WHEN_PAID:
            field = self.query_one(f"#f-{name}")
            if field.parent is not None:
                field.parent.display = paid

    # -- the amount, read as the language writes it ----------------------------------------

    def validated(self) -> MoneyEntry | None:
        """The amount read with the language's decimal sign before the record is built; a
        problem with it shown beside it with the others, what was typed kept."""
        data = self.base_data()
        data.update(self.values())
        if data.get("status") is not MoneyStatus.PAID:
            data["paid_by"], data["payer"] = None, ""  # hidden: not said of a sum not paid
        problems: dict[str, str] = {}
        try:
            data["amount"] = parse_amount(str(data.get("amount") or ""), decimal_sign())
        except AmountProblem as problem:
            problems["amount"] = str(problem)
            data["amount"] = "0"
        try:
            record = build(MoneyEntry, data)
        except RecordInvalid as invalid:
            problems = {**invalid.errors, **problems}
        if problems:
            self._refused(RecordInvalid(problems, {n: MoneyEntry.field_label(n)
                                                   for n in problems}))
            return None
        self.show_errors({})
        self._show_status("")
        return record

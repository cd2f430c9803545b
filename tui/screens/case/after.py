"""The case page and the workers' legal status and money (issue 34): a line among the facts
with the case's totals claimed and recovered per currency (and, once the officer gave rates,
converted into one currency, for this session only), the line under the workers saying the
open legal matters and money entries of the worker under the cursor, w to open that worker's
page, and $ to convert the totals."""

from __future__ import annotations

from decimal import Decimal

from rich.cells import cell_len

from store import _
from store.domain import LegalMatter, MoneyEntry, MoneyStatus, Worker, totals
from tui.screens.after import WorkerAfterScreen
from tui.screens.after.convert import (
    Conversion,
    ConvertDialog,
    converted_lines,
    keep_conversion,
    session_conversion,
)
from tui.screens.after.words import sums, worker_glance


class CaseAfter:
    """Part of `CaseScreen` (a mix-in): the workers' legal status and money."""

    after_matters: list[LegalMatter] = []
    after_money: list[MoneyEntry] = []

    def help_more(self) -> str:
        own = _(
            "After the flight home: w opens the legal status and money of the worker under "
            "the cursor (their charges, detention, fines, deportation, legal aid, statements "
            "and the case against the recruiters; fees, debts, ransom, wages and compensation), "
            "and the line under the workers counts them. A line among the facts gives the "
            "case's totals claimed and recovered, per currency; $ converts them into one "
            "currency at the rates you give (shown only when every rate is given, with the "
            "rates used; kept until Pulang closes, never saved)."
        )
        more = super().help_more()  # type: ignore[misc]
        return "\n\n".join(x for x in (own, more) if x)

    def load_after(self) -> None:
        db = self.pulang.db
        self.after_matters = db.legal_of(self.case_id)
        self.after_money = db.money_of(self.case_id)

    def _of_status(self, status: MoneyStatus) -> dict[str, Decimal]:
        return totals([(e.currency, e.amount) for e in self.after_money if e.status is status])

    def money_facts(self) -> list[str]:
        """The case's totals claimed and recovered per currency; converted, if asked."""
        if not self.after_money:
            return []
        claimed = self._of_status(MoneyStatus.CLAIMED)
        recovered = self._of_status(MoneyStatus.RECOVERED)
        # "$" first: the line is cut at the right edge of a narrow terminal, never the key.
        line = _("Money ($): claimed {claimed} · recovered {recovered}").format(
            claimed=sums(claimed) or "–", recovered=sums(recovered) or "–")
        lines = [line]
        if cell_len(line) > self.size.width - 2:  # too long for one line: two, none cut
            head, _sep, tail = line.rpartition(" · ")
            lines = [head, "  " + tail] if head else [line]
        conversion = session_conversion(self.app, self.case_id)
        if conversion is not None:
            lines += converted_lines(conversion, claimed, recovered)
        return lines

    def after_glance(self, worker: Worker) -> str:
        """The worker's open legal matters and next date, and their money entries counted."""
        return worker_glance([m for m in self.after_matters if m.worker_id == worker.id],
                             [e for e in self.after_money if e.worker_id == worker.id])

    def action_legal_money(self) -> None:
        """The legal status and money of the worker under the cursor."""
        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is not None:
            self.app.push_screen(WorkerAfterScreen(self.case_id, worker.id),
                                 self._after_after)

    def _after_after(self, _result: object) -> None:
        self._reload_shown()  # what was recorded there: the facts' totals, the worker's line

    def action_convert_money(self) -> None:
        """The case's totals in one currency, at the rates the officer gives."""
        claimed = self._of_status(MoneyStatus.CLAIMED)
        recovered = self._of_status(MoneyStatus.RECOVERED)
        held = sorted(set(claimed) | set(recovered))
        if not held:
            self.notify(_("Nothing claimed or recovered in this case yet: nothing to "
                          "convert."))
            return

        def given(conversion: Conversion | None) -> None:
            if conversion is not None:
                keep_conversion(self.app, self.case_id, conversion)
                self.render_facts()

        self.app.push_screen(ConvertDialog(held, session_conversion(self.app, self.case_id)),
                             given)

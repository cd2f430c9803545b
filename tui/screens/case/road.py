"""The road home on the case page: workers selected for a group action, a plan of the steps home
started for every worker without one, a step set for the selected workers (in the step dialog),
and the case's stage set by hand made to follow the workers' steps again."""

from __future__ import annotations

from store import _
from store.domain import Case, Plan, label, template_for
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.case.step import StepDialog
from tui.widgets import RecordTable


class RoadHome:
    """Part of `CaseScreen` (a mix-in): the road home's actions."""

    def action_toggle_worker(self) -> None:
        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is None:
            return
        self.selected ^= {worker.id}
        self.render_workers()
        table = self.query_one("#workers", RecordTable)
        table.action_cursor_down()

    def action_toggle_all(self) -> None:
        everyone = {w.id for w in self.case_workers}
        self.selected = set() if self.selected >= everyone else everyone
        self.render_workers()

    def action_start_road(self) -> None:
        """Give every worker without one a plan of the steps home, after asking."""
        without = [w for w in self.case_workers if w.id not in self.plans]
        if not without:
            self.notify(_("Every worker of this case already has a plan for the road home."))
            return
        templates = sorted({template_for(w.nationality).shown_name for w in without})

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.pulang.db.start_plans(self.case_id),
                                      self._road_started, self._store_failed, what="plans")

        self.app.push_screen(
            ConfirmDialog(
                _("Start the road home for {count} workers ({templates})? The steps of the "
                  "stages the case has passed are marked done.").format(
                    count=len(without), templates="; ".join(templates)),
                _("Start"), _("Not now")),
            answered)

    def action_follow_steps(self) -> None:
        """The stage set by hand back to following the workers' steps, after asking."""
        case, derived = self.case, self.derived
        if case is None:
            return
        if derived is None:
            self.notify(_("Start the road home first (p)."), severity="warning")
            return
        if not case.stage_override:
            self.notify(_("The stage already follows the workers' steps."))
            return
        if case.stage is derived.stage:  # they agree again: nothing to ask, it follows on
            self.pulang.run_store(lambda: self.pulang.db.follow_steps(case), self._followed,
                                  self._store_failed, what="case")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.pulang.db.follow_steps(case),
                                      self._followed, self._store_failed, what="case")

        self.app.push_screen(
            ConfirmDialog(
                _("Follow the workers' steps: stage \u201c{derived}\u201d instead of "
                  "\u201c{stage}\u201d, set by hand? The log will say so.").format(
                    derived=label(derived.stage), stage=label(case.stage)),
                _("Follow"), _("Not now")),
            answered)

    def _followed(self, case: Case) -> None:
        self.notify(_("The stage follows the workers' steps again: {stage}.").format(
            stage=label(case.stage)))
        self.reload()

    def _road_started(self, plans: list[Plan]) -> None:
        self.notify(_("Road home started for {count} workers.").format(count=len(plans)))
        self.reload()

    def action_mark_step(self) -> None:
        """Set the step under the cursor: for the selected workers, or the one under it."""
        template = self.grid_template
        if template is None:
            self.notify(_("Start the road home first (p)."), severity="warning")
            return
        table = self.query_one("#workers", RecordTable)
        key = self._cursor_step()
        if key is None or self.focused is not table:
            self.notify(_("Move to a step in the grid first (left and right)."),
                        severity="warning")
            return
        chosen = [w for w in self.case_workers if w.id in self.selected] or [
            w for w in self.case_workers if w.id == table.current_key]
        chosen = [w for w in chosen if w.id in self.plans
                  and self.plans[w.id].template == template.key]
        if not chosen:
            self.notify(_("This worker has no plan yet: p starts one."), severity="warning")
            return
        dialog = StepDialog(self.case_id, template, key,
                            [(w.id, w.name_in_rows) for w in chosen],
                            {w.id: self.plans[w.id] for w in chosen})
        self.app.push_screen(dialog, lambda plans: self._steps_set(plans, len(chosen)))

    def _steps_set(self, plans: list[Plan] | None, chosen: int) -> None:
        """The selection stays, for the next step of the same workers: Escape clears it."""
        if plans:
            if chosen == 1:
                self.notify(_("Saved."))
            elif len(plans) == chosen:
                self.notify(_("Step saved for {count} workers.").format(count=len(plans)))
            else:
                self.notify(_("Step saved for {count} workers; {same} had it so already.")
                            .format(count=len(plans), same=chosen - len(plans)))
            self.tell_home(self.plans, plans)  # a flight home done: the check-ins' dates
            self.reload()

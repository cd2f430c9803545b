"""The form for a worker of a case: who they are, their passport, where they are now.

A new worker is first looked for among every worker already saved, in any case, by everything
the form holds (`Database.match_person`; `tui.screens.case.worker_matches`): the officer sees
who they may be, and why, before a second record of one person is made, and may link to them
instead of saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.binding import Binding
from textual.widgets import Input, Static

from store import N_, _, date_for_input
from store.db import officer
from store.domain import (
    LogEntry,
    PassportStatus,
    Sex,
    Worker,
    choices,
    country_name,
    format_phone,
    latin_spellings,
    person_of,
    printable,
)
from tui.screens.case.fields import DATE_HINT, _db
from tui.screens.case.worker_matches import WorkerMatchesDialog
from tui.screens.form import FieldSpec, RecordForm

if TYPE_CHECKING:
    from store.db import PersonMatch

_SHOWN = 5  # the most workers the dialog lists
_MORE_THAN_A_PHONE = {"name", "other_spelling", "script", "birth_date", "passport"}


class WorkerForm(RecordForm[Worker]):
    record_type = Worker
    draft_kind = "worker"
    BINDINGS = [
        Binding("f3", "add_latin_spelling", N_("Add the Latin spelling"), show=False,
                id="worker.latin"),
    ]

    def __init__(self, record: Worker | None, title: str, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("full_name", required=True, placeholder=_("as in the passport, if known"),
                      live_hint=True),
            FieldSpec("other_spellings",
                      placeholder=_("other ways the name is written, separated by commas")),
            FieldSpec("sex", "select", choices(Sex), required=True),
            FieldSpec("date_of_birth", placeholder=DATE_HINT),
            FieldSpec("age", placeholder=_("if the date of birth is not known")),
            FieldSpec("nationality", "country"),
            FieldSpec("home_province", placeholder=_("e.g. Sumatera Utara")),
            FieldSpec("home_district", placeholder=_("e.g. Medan")),
            FieldSpec("phone", placeholder=_("e.g. 0812 3456 7890 or +62 812 3456 7890")),
            FieldSpec("passport_number", placeholder=_("e.g. C1234567")),
            FieldSpec("passport_status", "select", choices(PassportStatus), required=True),
            FieldSpec("current_location", placeholder=_("shelter or place where the worker is now"),
                      hint=_("Sensitive: shelters and hiding places stay in Pulang.")),
            FieldSpec("family_contact", placeholder=_("a relative's name and phone")),
            FieldSpec("health", "area"),
            FieldSpec("notes", "area"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "sex": Sex.UNKNOWN,
            "passport_status": PassportStatus.UNKNOWN,
            "nationality": country_name("ID"),
        }

    def values_of(self, worker: Worker) -> dict[str, Any]:
        return {
            "full_name": worker.full_name,
            "other_spellings": ", ".join(worker.other_spellings),
            "sex": worker.sex,
            "date_of_birth": date_for_input(worker.date_of_birth),
            "age": "" if worker.age is None else str(worker.age),
            "nationality": country_name(worker.nationality),
            "home_province": worker.home_province,
            "home_district": worker.home_district,
            "phone": format_phone(worker.phone),
            "passport_number": worker.passport_number,
            "passport_status": worker.passport_status,
            "current_location": worker.current_location,
            "family_contact": worker.family_contact,
            "health": worker.health,
            "notes": worker.notes,
        }

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data["case_id"] = self.case_id
        return data

    def persist(self, record: Worker) -> Worker:
        return _db(self).save_worker(record)

    def action_save(self) -> None:
        """A new worker: the workers of every case they may be, by everything the form holds
        (in a thread), then saved, or the dialog that lists them; an edit saves at once."""
        if self.record is not None or self._saving:
            super().action_save()
            return
        worker = self.validated()
        if worker is None:
            return
        db = _db(self)
        self._saving = True
        self.sub_title = _("Looking for the same worker in every case…")
        self.app.run_store(  # type: ignore[attr-defined]
            lambda: db.match_person(person_of(worker), limit=_SHOWN),
            lambda found: self._matches_found(worker, found), self._not_saved, what="match")

    def _matches_found(self, worker: Worker, found: list[PersonMatch]) -> None:
        self._saving = False
        self.sub_title = ""
        # Workers of one group case often give one phone (a relative's, the group's): a
        # worker of this case alike by that phone alone is not asked about.
        found = [match for match in found if match.case_id != self.case_id
                 or set(match.likeness.reasons) & _MORE_THAN_A_PHONE]
        if not found:
            self.save_with(worker, lambda: self.persist(worker))
            return
        cases = {match.worker_id: match.case_id for match in found}

        def answered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return  # back to the form, as typed
            what, worker_id = answer
            if what == "save":
                self.save_with(worker, lambda: self.persist(worker))
            elif what == "link":
                self._link(worker_id)
            else:
                app: Any = self.app
                app.after_leaving_forms(
                    lambda: app.open_record("worker", worker_id, cases[worker_id]))()

        self.app.push_screen(WorkerMatchesDialog(worker.name_in_rows, found), answered)

    def _link(self, worker_id: str) -> None:
        """Linked to a worker of another case: nothing new is saved; both cases' logs say it
        (`Database.link_workers`); the form closes on this case's entry."""
        db = _db(self)
        self._saving = True
        self.sub_title = _("Linking…")

        def linked(entries: list[LogEntry]) -> None:
            self._saving = False
            self.notify(printable(entries[0].summary), markup=False)
            self.dismiss(entries[0])  # type: ignore[arg-type]  # the case shows it in its log

        self.app.run_store(  # type: ignore[attr-defined]
            lambda: db.link_workers(self.case_id, [worker_id], officer()),
            linked, self._not_saved, what="link")

    # -- a name typed in Lao, Thai, Khmer or Burmese script: its Latin spellings -------------

    def _suggestions(self) -> list[str]:
        name = self.query_one("#f-full_name", Input).value
        typed = self.query_one("#f-other_spellings", Input).value.casefold()
        return [s for s in latin_spellings(name)[:3] if s.casefold() not in typed]

    @on(Input.Changed, "#f-full_name")
    @on(Input.Changed, "#f-other_spellings")
    def _suggest(self) -> None:
        """Under the name, the Latin spellings of a name typed in another script, for the
        passport's or a colleague's spelling to find the worker by (F3 adds the first)."""
        hint = self.query_one("#h-full_name", Static)
        suggested = self._suggestions()
        hint.update(_("In Latin letters perhaps: {spellings} (F3 adds {first} to the other "
                      "spellings)").format(spellings=", ".join(suggested), first=suggested[0])
                    if suggested else "")
        hint.display = bool(suggested)

    def action_add_latin_spelling(self) -> None:
        suggested = self._suggestions()
        if not suggested:
            self.notify(_("The name is not written in Lao, Thai, Khmer or Burmese script: "
                          "there is no Latin spelling to add."), markup=False)
            return
        other = self.query_one("#f-other_spellings", Input)
        other.value = ", ".join(x for x in (other.value.strip(" ,"), suggested[0]) if x)

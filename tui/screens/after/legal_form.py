"""The form of one legal matter of a worker's: its kind is chosen first (the worker's page asks),
and the form shows only the fields that kind uses, labelled for it ("Detained since" and
"Released on" for a detention, "Charged on" for a charge...), its stage limited to the stages
of that kind. Legal aid links its organisation to the directory (as a log entry links its
counterpart); the case against the recruiters links the registry's actors (their names shown,
only their ids kept)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.widgets import Input

from store import N_, PulangError, _, date_for_input
from store.domain import (
    STAGES_OF,
    LegalKind,
    LegalMatter,
    WitnessRole,
    choices,
    editable,
    label,
)
from tui.screens.after.words import DATE_HINT, NON_PUNISHMENT, _db
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.form.fields import PickField

K = LegalKind
# The fields each kind uses, in order, with the label it gives them ("" keeps the record's).
# Every kind ends with its stage, its next date and what is due then, and notes.
_FIELDS: dict[LegalKind, list[tuple[str, str]]] = {
    K.DETENTION: [("place", N_("Where detained")), ("authority", N_("Held by")),
                  ("since", N_("Detained since")), ("until", N_("Released on"))],
    K.IMMIGRATION_FINE: [("authority", N_("Imposed by")),
                         ("reference", N_("Reference number")),
                         ("since", N_("Imposed on")), ("until", N_("Settled on"))],
    K.DEPORTATION: [("authority", N_("Ordered by")), ("reference", N_("Order number")),
                    ("since", N_("Ordered on")), ("until", N_("Ban ends on"))],
    K.CHARGE: [("subject", N_("Charged with")),
               ("authority", N_("Police, prosecutor or court")),
               ("reference", N_("Case number")), ("since", N_("Charged on")),
               ("non_punishment", "")],
    K.LEGAL_AID: [("organisation", ""), ("org_id", N_("In the directory")), ("lawyer", ""),
                  ("since", N_("Assisting since")), ("until", N_("Ended on"))],
    K.STATEMENT: [("authority", N_("Given to")), ("subject", N_("About")),
                  ("reference", N_("Reference number")), ("since", N_("Given on"))],
    K.PROSECUTION: [("authority", N_("Police, prosecutor or court")),
                    ("reference", N_("Report number")), ("subject", N_("Against whom, for what")),
                    ("role", ""), ("actor_ids", N_("Recruiters in the registry")),
                    ("since", N_("Reported on"))],
}
del K
# The label of the next date, where a kind has its own word for it.
_NEXT_LABEL = {LegalKind.CHARGE: N_("Next hearing"), LegalKind.STATEMENT: N_("Planned for"),
               LegalKind.PROSECUTION: N_("Next hearing")}
_TEXT_FIELDS = ("place", "authority", "reference", "subject", "organisation", "lawyer",
                "next_what", "notes")
_DATE_FIELDS = ("since", "until", "next_date")


class LegalMatterForm(RecordForm[LegalMatter]):
    record_type = LegalMatter
    draft_kind = "legal"

    def __init__(self, record: LegalMatter | None, kind: LegalKind, case_id: str,
                 worker_id: str) -> None:
        self.kind = kind
        self.case_id = case_id
        self.worker_id = worker_id
        title = (_("New legal matter: {kind}") if record is None else
                 _("Edit legal matter: {kind}")).format(kind=label(kind))
        super().__init__(record, title)

    def help_more(self) -> str:
        """F1: the guidance to argue the worker's non-punishment, where it helps."""
        if self.kind in (LegalKind.CHARGE, LegalKind.DETENTION, LegalKind.IMMIGRATION_FINE,
                         LegalKind.DEPORTATION, LegalKind.LEGAL_AID):
            return _(NON_PUNISHMENT)
        return ""

    def fields(self) -> list[FieldSpec]:
        specs: list[FieldSpec] = []
        for name, title in _FIELDS[self.kind]:
            specs.append(self._spec(name, _(title) if title else ""))
        specs.insert(0, FieldSpec("stage", "select", [(label(s), s) for s in
                                                      STAGES_OF[self.kind]]))
        next_label = _NEXT_LABEL.get(self.kind, "")
        specs += [
            FieldSpec("next_date", placeholder=DATE_HINT, label=_(next_label) if next_label
                      else "", hint=_("Today lists it from a week before, until the matter "
                                      "is closed.")),
            FieldSpec("next_what", placeholder=_("e.g. hearing at the district court, 9:00")),
            FieldSpec("notes", "area"),
        ]
        return specs

    def _spec(self, name: str, title: str) -> FieldSpec:
        if name == "org_id":
            return FieldSpec(name, "pick", source=self._organisations, label=title,
                             hint=_("Enter chooses an organisation of the directory."))
        if name == "actor_ids":
            return FieldSpec(name, "picks", source=self._actors, label=title,
                             hint=_("Enter chooses the recruiters of the registry (key 7) "
                                    "this case is against."))
        if name == "role":
            return FieldSpec(name, "select", choices(WitnessRole), label=title)
        if name == "non_punishment":
            return FieldSpec(name, "check", label=title,
                             hint=_("Space ticks it once you have asked the authority not "
                                    "to punish the worker as a victim (F1 says what to "
                                    "name)."))
        if name in _DATE_FIELDS:
            return FieldSpec(name, placeholder=DATE_HINT, label=title)
        return FieldSpec(name, label=title)

    def defaults(self) -> dict[str, Any]:
        return {"stage": STAGES_OF[self.kind][0], "non_punishment": False, "org_id": None,
                "actor_ids": [], "role": None}

    def values_of(self, matter: LegalMatter) -> dict[str, Any]:
        values: dict[str, Any] = {name: getattr(matter, name) for name in _TEXT_FIELDS}
        values.update({name: date_for_input(getattr(matter, name)) for name in _DATE_FIELDS})
        values.update({"stage": matter.stage, "role": matter.role, "org_id": matter.org_id,
                       "actor_ids": list(matter.actor_ids),
                       "non_punishment": matter.non_punishment})
        return values

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update({"case_id": self.case_id, "worker_id": self.worker_id,
                     "kind": self.kind})
        return data

    def persist(self, record: LegalMatter) -> LegalMatter:
        return _db(self).save_legal(record)

    def draft(self) -> dict[str, Any]:
        draft = super().draft()
        draft.update({"case_id": self.case_id, "worker_id": self.worker_id,
                      "legal_kind": self.kind.value})
        return draft

    # -- the links: the directory's organisation, the registry's actors -------------------

    def _organisations(self) -> list[Any]:
        from tui.screens.tasks import organisation_items

        return organisation_items(_db(self))

    def _actors(self) -> list[Any]:
        from tui.screens.registry.forms import actor_items

        return actor_items(_db(self))

    def on_mount(self) -> None:
        super().on_mount()
        # The names of the records linked now (or in a draft put back), for the fields.
        db = _db(self)
        names: dict[str, str] = {}
        if any(name == "org_id" for name, _title in _FIELDS[self.kind]):
            names.update({o.id: o.shown_name for o in db.organisations()})
        if any(name == "actor_ids" for name, _title in _FIELDS[self.kind]):
            names.update({a.id: a.name for a in db.actors()})
        for pick in self.query(PickField):
            pick.names.update({i: names[i] for i in pick.chosen if i in names})
            pick.set_value(pick.value)

    @on(PickField.Changed)
    def _picked(self, event: PickField.Changed) -> None:
        """An organisation of the directory chosen: its name fills the free text if empty
        (what was typed is never overwritten)."""
        chosen = event.field.value
        if event.field.id != "f-org_id" or not isinstance(chosen, str):
            return
        try:
            org = _db(self).organisation(chosen)
        except PulangError:
            return  # removed meanwhile: the save says so
        field = self.query_one("#f-organisation", Input)
        if not field.value.strip():
            field.value = editable(org.shown_name)

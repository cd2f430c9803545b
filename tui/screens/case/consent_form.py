"""The form for a worker's consent: to which kinds of recipient their personal data may go.

A consent withdrawn, or narrowed so that it no longer covers a partner the case is shared with,
is said once saved: the partner's copy loses the worker's fields at the next sync with it, and
what it already took outside Pulang is out of reach (`store.sync.withdrawn_note`'s words, with
the agreement that governs them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store import PulangError, _, clock, date_for_input
from store.domain import CONSENTABLE, Case, Consent, consenting, label, printable
from tui.screens.case.fields import DATE_HINT, _db
from tui.screens.form import FieldSpec, RecordForm

if TYPE_CHECKING:
    from store.db import Database


def partner_words(db: Database, case_id: str, before: Consent | None, after: Consent) -> str:
    """What to say when a consent, saved, no longer covers partners that the case is shared
    with and that it covered before: "" if none (run in the save's thread: it loads
    store.sync)."""
    case = db.get(Case, case_id)
    if before is None or not case.shared_with:
        return ""
    from store.sync import view_of, withdrawn_note

    names, notes = [], []
    for org_id in case.shared_with:
        try:
            view = view_of(db, org_id)
        except PulangError:  # no longer in the directory: nothing goes to it
            continue
        if consenting([before], view.kind) and not consenting([after], view.kind):
            names.append(view.org_name)
            notes.append(withdrawn_note(view.org_name, 1, db.sharing_agreement(org_id)))
    if not names:
        return ""
    lead = _("This consent no longer covers {orgs}, with whom the case is shared: this "
             "worker's personal data is removed from their copies at the next sync with "
             "each.").format(orgs=", ".join(names))
    return "\n".join([lead, *notes])


class ConsentForm(RecordForm[Consent]):
    """A worker's consent: when, by whom, in which language, and to which kinds of recipient
    their personal data may go. Only kinds a consent can name are offered."""

    record_type = Consent
    draft_kind = "consent"

    def __init__(self, record: Consent | None, title: str, case_id: str, worker_id: str) -> None:
        self.case_id = case_id
        self.worker_id = worker_id
        self._partner_words = ""  # said once saved (see the module's doc)
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("given_on", placeholder=DATE_HINT),
            # Not the login name: the person who explained it to the worker says so.
            FieldSpec("taken_by", required=True,
                      placeholder=_("who explained it and took the consent")),
            FieldSpec("language", placeholder=_("e.g. Bahasa Indonesia")),
            FieldSpec("recipients", "multi", [(label(kind), kind) for kind in CONSENTABLE],
                      hint=_("Media and recruiters never receive personal data.")),
            FieldSpec("withdrawn_on", placeholder=DATE_HINT,
                      hint=_("Fill in to withdraw consent; sharing stops, and partners the "
                             "case is shared with lose these details at their next sync.")),
            FieldSpec("notes", "area"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"given_on": date_for_input(clock.today()), "recipients": []}

    def values_of(self, consent: Consent) -> dict[str, Any]:
        return {
            "given_on": date_for_input(consent.given_on),
            "taken_by": consent.taken_by,
            "language": consent.language,
            "recipients": list(consent.recipients),
            "withdrawn_on": date_for_input(consent.withdrawn_on),
            "notes": consent.notes,
        }

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update(case_id=self.case_id, worker_id=self.worker_id)
        return data

    def draft(self) -> dict[str, Any]:
        # A new consent has no record yet to say whose it is.
        return {**super().draft(), "worker_id": self.worker_id}

    def persist(self, record: Consent) -> Consent:
        db = _db(self)
        before = db.consent_of(self.worker_id)
        saved = db.save_consent(record)
        self._partner_words = partner_words(db, self.case_id, before, saved)
        return saved

    def _saved(self, saved: Consent) -> None:
        words, self._partner_words = self._partner_words, ""
        super()._saved(saved)
        if words:  # the form is gone: said over the case page, long enough to read
            self.app.notify(printable(words, multiline=True), title=_("Shared with partners"),
                            severity="warning", timeout=30, markup=False)

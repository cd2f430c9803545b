"""The domain: records, vocabularies, the field classification, reading what people type, name
matching, and the rules as pure functions. No I/O, no clock, no environment: a rule that needs
today is given it.

What is public here, for the app: the names of `__all__`, each imported from its module when
first asked for (PEP 562). The app's first frame imports the cases list's rows
(store/domain/rows.py), which runs this file: it must not pull in the records (pydantic)
before that frame. The layers below the app import the domain's modules by name.
"""

from __future__ import annotations

from store.common.exports import offered

# The module each public name comes from.
_FROM: dict[str, tuple[str, ...]] = {
    "store.domain.records": (
        "Record", "Case", "Worker", "LogEntry", "Screening", "Consent", "StepState", "Plan",
        "Organisation", "Role", "Person", "Meeting", "StatusChange", "DraftVersion",
        "Agreement", "Task", "INDICATOR_FIELDS", "build", "case_order", "worker_numbers",
        "is_child", "suggested_status", "status_reason",
        "Place", "Actor", "Identifier", "RegistryLink", "PlaceChange", "Sighting",
        "Intake", "IntakeRow", "Inquiry", "Handle", "LegalMatter", "MoneyEntry", "CheckIn",
        "RequestChange",
    ),
    "store.domain.vocab": (
        "AGREEMENT_MOVES", "CONSENTABLE", "RECIPIENT_OF_ORG", "AgreementArea",
        "AgreementStatus", "Answer", "CaseKind", "DecidedBy", "Direction", "ExploitationType",
        "IloIndicator", "LogKind", "MeansOfControl", "MeetingKind", "OrgKind", "PassportStatus",
        "Platform", "ReachedVia", "RecipientKind", "RecruiterRelation", "RecruitmentMethod",
        "Sector", "Sex", "Stage", "StepStatus", "TraffickingStatus", "Urgency", "choices",
        "label", "PlaceKind", "PlaceStatus", "ActorRole", "IdentifierKind", "SourceKind",
        "Certainty", "IntakeSource", "IntakeStatus", "RowDecision", "InquiryStatus",
    ),
    # A worker's legal matters and the money in their case (issue 34): codes, sums.
    "store.domain.legal_codes": (
        "LegalKind", "LegalStage", "WitnessRole", "MoneyKind", "MoneyStatus", "Payer",
        "STAGES_OF", "STATUSES_OF", "CLOSED_STAGES", "LEGAL_FOR", "MONEY_FOR",
    ),
    # Requests to partners followed through (issue 35).
    "store.domain.requests": ("RequestState", "REQUEST_MOVES", "OPEN_REQUESTS",
                              "MIN_ANSWERED", "is_request"),
    "store.domain.money": ("AmountProblem", "parse_amount", "currency_code", "totals",
                           "converted"),
    "store.domain.text": (
        "LINE", "NAME", "PLACEHOLDER", "editable", "fits_a_row", "fold", "printable",
        "row_name", "row_spellings", "shorten", "text_problem",
    ),
    "store.domain.parse": (
        "InputProblem", "format_phone", "is_relative", "parse_date", "parse_datetime",
        "prepare_reading",
    ),
    "store.domain.countries": ("all_countries", "country_code", "country_name"),
    "store.domain.matching": ("NameIndex", "cross_script_similarity", "matches_query",
                              "Likeness", "compare_people", "person_of", "reasons_said"),
    "store.domain.scripts": ("latin_spellings", "matching_forms", "script_of"),
    "store.domain.road": (
        "OPEN", "TEMPLATES", "Derived", "Template", "derive_from_plans", "hand_set_reason",
        "next_status", "template_for",
    ),
    "store.domain.today": ("WEEK", "Awaiting", "Deadline", "FollowUp", "Hearing", "Missing",
                           "TaskDue", "Today"),
    "store.domain.rows": ("CaseRow",),
    # Whether workers' consents cover a kind of recipient: the case page counts, before a case
    # is shared with a partner, whose personal data would go.
    "store.domain.rules.sharing": ("consenting", "recipient_of"),
    # Closing and reopening (issue 35): the union's reasons, a record's state and history.
    "store.domain.rules.closing": ("closing_reasons", "history", "is_closed", "reason_text",
                                   "times_reopened"),
    # Checking in after return (issue 35): the schedule, the indicators, the scores.
    "store.domain.checkins": ("CheckInHow", "Due", "FLIGHT_STEP", "add_months", "home_on",
                              "latest", "next_due", "schedule"),
    "store.common.reintegration": ("DIMENSIONS", "checkin_months", "indicators", "sources"),
    "store.domain.rules.reintegration": ("METHOD_LABELS", "OVERALL", "Score", "score",
                                         "re_recruitment"),
    # Keeping a closed case no longer than needed (issue 35): when it is anonymised, what holds it.
    "store.domain.rules.keeping": ("HELD_BY_CHECKIN", "HELD_BY_LEGAL", "Keeping", "due_on",
                                   "held_words", "keeping_months"),
    # The registry's forms: a map position typed or pasted from a map link.
    "store.domain.rules.identifiers": ("map_position",),
}
# store.domain's `Person` is the directory's: the person to match is offered as PersonToMatch.
_RENAMED = {"PersonToMatch": ("store.domain.matching.people", "Person")}
__all__, __getattr__, __dir__ = offered(__name__, _FROM, _RENAMED)


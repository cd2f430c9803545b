"""The domain's rules for screening, consent and the road home, on a real database file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.common.errors import (
    CaseNotClosable,
    ConsentNeeded,
    NeverRecipient,
    RecordInvalid,
    StageReasonNeeded,
    StepOrderRefused,
)
from store.db.database import Database
from store.domain.records import (
    Case,
    Consent,
    LogEntry,
    Screening,
    Worker,
    build,
    is_child,
    status_reason,
    suggested_status,
)
from store.domain.road import INDONESIA, OPEN, STAGE_OF_STEP, TEMPLATES, derive_stage, next_status
from store.domain.vocab import (
    Answer,
    DecidedBy,
    Direction,
    LogKind,
    RecipientKind,
    Stage,
    StepStatus,
    TraffickingStatus,
    Urgency,
)
from store.exchange.check import check
from tests.conftest import Run

YES, NO, UNKNOWN = Answer.YES, Answer.NO, Answer.UNKNOWN


def screening(**answers: object) -> Screening:
    return build(Screening, {"case_id": "c", "worker_id": "w", **answers})


# -- the Protocol's rule -----------------------------------------------------------------------


def test_an_adult_with_act_means_and_purpose_is_an_actual_victim() -> None:
    s = screening(act=YES, means=YES, purpose=YES)
    assert suggested_status(s, child=False) is TraffickingStatus.ACTUAL
    assert status_reason(s, child=False) == "act, means and purpose established"


def test_a_child_needs_no_means() -> None:
    s = screening(act=YES, means=UNKNOWN, purpose=YES)
    assert suggested_status(s, child=True) is TraffickingStatus.ACTUAL
    assert status_reason(s, child=True) == "act and purpose established; a child needs no means"
    # The same answers for an adult are not enough yet.
    assert suggested_status(s, child=False) is TraffickingStatus.POSSIBLE


def test_missing_purpose_is_not_yet_a_victim() -> None:
    s = screening(act=YES, means=YES, purpose=UNKNOWN)
    assert suggested_status(s, child=False) is TraffickingStatus.POSSIBLE
    assert status_reason(s, child=False) == "not yet: purpose still unknown"


def test_an_element_answered_no_means_not_a_victim() -> None:
    s = screening(act=YES, means=NO, purpose=YES)
    assert suggested_status(s, child=False) is TraffickingStatus.NOT_A_VICTIM
    assert status_reason(s, child=False) == "not established: means"
    # For a child, the means do not count.
    assert suggested_status(s, child=True) is TraffickingStatus.ACTUAL


def test_nothing_answered_suggests_nothing() -> None:
    s = screening()
    assert suggested_status(s, child=False) is None
    assert status_reason(s, child=False) == "nothing answered yet"
    # One ILO indicator present is a reason to look further: possible.
    assert suggested_status(screening(ilo_documents=YES), child=False) is \
        TraffickingStatus.POSSIBLE


def test_a_child_is_read_from_the_screening_or_else_from_the_age() -> None:
    young = build(Worker, {"case_id": "c", "full_name": "A", "age": "16"})
    adult = build(Worker, {"case_id": "c", "full_name": "B", "age": "30"})
    assert is_child(screening(), young) and not is_child(screening(), adult)
    assert is_child(screening(minor=YES), adult)  # recruited as a child, adult now
    assert not is_child(screening(minor=NO), young)


# -- a database with the seed's group case ------------------------------------------------------


@pytest.fixture
def group(empty_db: Database) -> tuple[Database, Case, list[Worker]]:
    db = empty_db
    case = db.save_case(build(Case, {"title": "Ten workers", "destination_country": "KH",
                                     "kind": "group", "date_reported": "12/12/2025",
                                     "stage": "in_shelter"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"Worker {n}",
                                             "nationality": "ID"}))
               for n in range(1, 11)]
    return db, case, workers


def ids(workers: list[Worker]) -> list[str]:
    return [w.id for w in workers]


def test_a_status_other_than_the_suggestion_needs_a_reason(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    s = build(Screening, {"case_id": case.id, "worker_id": workers[0].id, "act": YES,
                          "means": YES, "purpose": UNKNOWN,
                          "status": TraffickingStatus.ACTUAL, "decided_by": DecidedBy.NGO})
    with pytest.raises(RecordInvalid) as refused:
        db.save_screening(s)
    assert "say why" in refused.value.errors["status_note"]
    saved = db.save_screening(s.model_copy(update={"status_note": "police report confirms it"}))
    assert db.screening_of(workers[0].id) == saved
    with pytest.raises(RecordInvalid) as no_one:
        build(Screening, {"case_id": case.id, "worker_id": workers[0].id,
                          "status": TraffickingStatus.ACTUAL})
    assert no_one.value.errors == {"decided_by": "say who decided the trafficking status"}


def test_starting_the_road_home_keeps_the_stage_the_case_had(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    plans = db.start_plans(case.id)
    assert len(plans) == 10 and all(p.template == "ID" for p in plans)
    steps = plans[0].statuses
    assert steps["report"] is StepStatus.DONE and plans[0].state("report").done_on == \
        dt.date(2025, 12, 12)
    assert steps["rescue"] is StepStatus.DONE and steps["shelter"] is StepStatus.DONE
    assert steps["registration"] is StepStatus.TODO
    assert db.get(Case, case.id).stage is Stage.IN_SHELTER
    assert db.start_plans(case.id) == []  # nobody left without a plan


def test_a_step_cannot_be_done_before_those_it_depends_on(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    before = db.plans_of(case.id)
    with pytest.raises(StepOrderRefused) as refused:
        db.set_step(case.id, ids(workers[:3]), "flight", StepStatus.DONE)
    assert str(refused.value) == ("3 workers: Flight home cannot be done before Immigration "
                                  "clearance. Record why, to mark it done anyway.")
    assert set(refused.value.problems) == set(ids(workers[:3]))
    assert db.plans_of(case.id) == before  # nothing written
    # With a reason it is done, and the reason kept on the step.
    done = db.set_step(case.id, [workers[0].id], "flight", StepStatus.DONE,
                       reason="deported directly by Cambodian immigration")
    assert done[0].statuses["flight"] is StepStatus.DONE
    assert done[0].reasons == {"flight": "deported directly by Cambodian immigration"}
    # A step not needed counts as settled for those after it.
    db.set_step(case.id, [workers[1].id], "registration", StepStatus.DONE)
    db.set_step(case.id, [workers[1].id], "travel_document", StepStatus.NOT_NEEDED)
    db.set_step(case.id, [workers[1].id], "immigration", StepStatus.DONE)
    assert db.plan_of(workers[1].id).statuses["immigration"] is StepStatus.DONE


def test_a_group_action_marks_one_step_for_several_workers_at_once(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    db.set_step(case.id, ids(workers), "registration", StepStatus.DONE)
    day = dt.date(2026, 1, 5)
    seven = ids(workers[:7])
    db.set_step(case.id, seven, "travel_document", StepStatus.DONE, org="KBRI Phnom Penh",
                done_on=day, note="SPLP issued")
    plans = db.plans_of(case.id)
    for worker_id, plan in plans.items():
        state = plan.state("travel_document")
        if worker_id in seven:
            assert (state.status, state.org, state.done_on) == (StepStatus.DONE,
                                                                "KBRI Phnom Penh", day)
            assert plan.notes["travel_document"] == "SPLP issued"
        else:
            assert state.status is StepStatus.TODO and not state.org


def test_a_group_step_writes_only_the_workers_it_changes(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    db.set_step(case.id, ids(workers[:3]), "registration", StepStatus.IN_PROGRESS)
    before = db.plans_of(case.id)
    trail = len(db.audit_trail().entries)
    # Three already in progress, two to do: the step moves on together, to in progress.
    statuses = [before[w].statuses["registration"] for w in ids(workers[:5])]
    assert next_status(statuses) is StepStatus.IN_PROGRESS
    assert next_status([StepStatus.IN_PROGRESS]) is StepStatus.DONE
    assert next_status([StepStatus.BLOCKED, StepStatus.DONE]) is StepStatus.IN_PROGRESS
    assert next_status([StepStatus.DONE]) is StepStatus.DONE  # as far as it goes
    saved = db.set_step(case.id, ids(workers[:5]), "registration", StepStatus.IN_PROGRESS)
    assert sorted(p.worker_id for p in saved) == sorted(ids(workers[3:5]))
    after = db.plans_of(case.id)
    assert [after[w].version for w in ids(workers[:3])] == \
        [before[w].version for w in ids(workers[:3])]
    assert len(db.audit_trail().entries) == trail + 2
    # Nothing to change at all: nothing written, and the caller is told (no plans).
    assert db.set_step(case.id, ids(workers[:5]), "registration", StepStatus.IN_PROGRESS) == []
    assert db.set_step(case.id, ids(workers[:1]), "registration", StepStatus.IN_PROGRESS,
                       note="") == []  # an empty note where there was none changes nothing


def test_the_stage_is_that_of_the_least_advanced_worker_still_on_the_road(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    everyone = ids(workers)
    for key in ("registration", "health", "travel_document", "immigration", "flight"):
        db.set_step(case.id, everyone[:9], key, StepStatus.DONE)
    # Nine have flown home; the tenth is still in shelter.
    derived = db.derived_stage(case.id)
    assert derived is not None
    assert (derived.stage, derived.home, derived.planned) == (Stage.IN_SHELTER, 9, 10)
    assert derived.describe() == "in shelter · 9/10 home"
    assert db.get(Case, case.id).stage is Stage.IN_SHELTER
    # The tenth gets their travel document: the case moves on, following the steps.
    for key in ("registration", "health", "travel_document"):
        db.set_step(case.id, everyone[9:], key, StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.IMMIGRATION_CLEARANCE
    # All home: the stage is that of the least advanced of all.
    for key in ("immigration", "flight"):
        db.set_step(case.id, everyone[9:], key, StepStatus.DONE)
    assert db.derived_stage(case.id).describe() == "repatriated · 10/10 home"
    assert db.get(Case, case.id).stage is Stage.REPATRIATED


def test_every_template_step_has_a_stage_and_the_rule_reads_the_table() -> None:
    for template in TEMPLATES.values():
        assert all(step.key in STAGE_OF_STEP for step in template.steps)
    assert len(INDONESIA.steps) == 13
    statuses = {k: StepStatus.DONE for k in INDONESIA.keys}
    statuses["legal"] = StepStatus.IN_PROGRESS
    derived = derive_stage([(INDONESIA, statuses)])
    assert derived is not None and derived.stage is Stage.LEGAL_FOLLOW_UP and derived.home == 1
    assert derive_stage([]) is None
    assert StepStatus.BLOCKED in OPEN


def test_a_stage_set_by_hand_against_the_steps_needs_a_reason_kept_in_the_log(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    case = db.get(Case, case.id)
    with pytest.raises(StageReasonNeeded) as refused:
        db.save_case(case.model_copy(update={"stage": Stage.DOCUMENTS}))
    assert str(refused.value) == ("The workers' steps put this case at “in shelter”. Say why "
                                  "it should be “documents” instead; the reason goes into the "
                                  "log.")
    assert db.get(Case, case.id).stage is Stage.IN_SHELTER
    saved = db.save_case(case.model_copy(update={"stage": Stage.DOCUMENTS}),
                         stage_reason="all ten are at the embassy for their SPLP")
    assert saved.stage is Stage.DOCUMENTS and saved.stage_override
    entry = db.log_of(case.id)[0]
    assert entry.summary == ("Stage set by hand to “documents” (the workers' steps give “in "
                             "shelter”): all ten are at the embassy for their SPLP")
    # Overridden, the stage no longer follows the steps, and editing other facts asks nothing.
    db.set_step(case.id, ids(workers), "registration", StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.DOCUMENTS
    again = db.save_case(db.get(Case, case.id).model_copy(update={"urgency": Urgency.CRITICAL}))
    assert again.stage is Stage.DOCUMENTS
    # Setting it back to what the steps give ends the override.
    back = db.save_case(again.model_copy(update={"stage": Stage.IN_SHELTER}))
    assert not back.stage_override


def test_without_plans_the_stage_is_set_by_hand_as_before(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, _workers = group
    saved = db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.DOCUMENTS}))
    assert saved.stage is Stage.DOCUMENTS and not saved.stage_override


def test_a_case_cannot_be_closed_while_a_worker_has_an_open_step(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    with pytest.raises(CaseNotClosable) as refused:
        db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.CLOSED}),
                     stage_reason="done")
    assert str(refused.value).startswith(
        "The case cannot be closed: 10 workers still have open steps: Worker 1 "
        "(Registration and assessment, Health care and counselling, …);")
    assert str(refused.value).endswith("; and 7 more. Mark each step done or not needed first.")
    # Every step done or not needed: it can be closed, and then it follows the steps.
    for key in INDONESIA.keys:
        status = StepStatus.NOT_NEEDED if key == "legal" else StepStatus.DONE
        db.set_step(case.id, ids(workers), key, status, reason="closing the test")
    closed = db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.CLOSED}))
    assert closed.stage is Stage.CLOSED and not closed.stage_override


def test_consent_never_names_media_or_recruiters(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    for never in (RecipientKind.MEDIA, RecipientKind.RECRUITER):
        with pytest.raises(RecordInvalid) as refused:
            build(Consent, {"case_id": case.id, "worker_id": workers[0].id, "taken_by": "Ana",
                            "recipients": [RecipientKind.POLICE, never]})
        assert refused.value.errors["recipients"] == (
            "media, recruiters and others not listed can never receive a worker's personal "
            "data")
    with pytest.raises(RecordInvalid) as early:
        build(Consent, {"case_id": case.id, "worker_id": workers[0].id, "taken_by": "Ana",
                        "given_on": "10/01/2026", "withdrawn_on": "09/01/2026"})
    assert early.value.errors == {"withdrawn_on": "is before the consent was given"}


def referral(case: Case, workers: list[Worker], kind: RecipientKind) -> LogEntry:
    return build(LogEntry, {"case_id": case.id, "kind": LogKind.REFERRAL, "summary": "Referred",
                            "worker_ids": ids(workers), "counterpart_kind": kind,
                            "counterpart_org": "Police labour desk"})


def test_a_referral_without_consent_needs_the_officers_say_and_records_it(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.save_consent(build(Consent, {"case_id": case.id, "worker_id": workers[0].id,
                                    "taken_by": "Ana", "recipients": ["police", "embassy_ministry"]}))
    db.save_consent(build(Consent, {"case_id": case.id, "worker_id": workers[1].id,
                                    "taken_by": "Ana", "recipients": ["police"],
                                    "given_on": "01/01/2026", "withdrawn_on": "05/01/2026"}))
    entry = referral(case, workers[:3], RecipientKind.POLICE)
    with pytest.raises(ConsentNeeded) as asked:
        db.save_log_entry(entry)
    assert asked.value.workers == {workers[1].id: "Worker 2", workers[2].id: "Worker 3"}
    assert str(asked.value) == "Worker 2, Worker 3: no consent to share personal data with police."
    assert db.log_of(case.id) == []
    saved = db.save_log_entry(entry, without_consent=True)
    assert saved.consent_override == [workers[1].id, workers[2].id]
    # Editing it again asks nothing more: the override is on record.
    db.save_log_entry(saved.model_copy(update={"summary": "Referred, answer awaited"}))
    # Consent covering the recipient: nothing to ask.
    assert db.save_log_entry(referral(case, workers[:1], RecipientKind.EMBASSY)).consent_override == []
    with pytest.raises(NeverRecipient):
        db.save_log_entry(referral(case, workers[:1], RecipientKind.MEDIA), without_consent=True)
    with pytest.raises(RecordInvalid) as kindless:
        build(LogEntry, {"case_id": case.id, "kind": "referral", "summary": "x",
                         "worker_ids": [workers[0].id]})
    assert "counterpart_kind" in kindless.value.errors


def entry(case: Case, workers: list[Worker], kind: RecipientKind | None,
          direction: Direction | None, log_kind: LogKind = LogKind.MESSAGE) -> LogEntry:
    return build(LogEntry, {"case_id": case.id, "kind": log_kind, "direction": direction,
                            "summary": "The names and home districts of the group",
                            "worker_ids": ids(workers), "counterpart_kind": kind,
                            "counterpart_org": "Desk Ketenagakerjaan Polri"})


def test_a_message_sent_to_the_police_needs_consent_or_the_officers_say_on_record(
        group: tuple[Database, Case, list[Worker]]) -> None:
    """Not only referrals: a message sent to the police naming the ten workers, none of whom
    consented to the police, is refused until the officer overrides, and the override is on
    the entry and in the audit trail."""
    db, case, workers = group
    for worker in workers[:3]:  # consent, but not to the police
        db.save_consent(build(Consent, {"case_id": case.id, "worker_id": worker.id,
                                        "taken_by": "Ana", "recipients": ["embassy_ministry"]}))
    message = entry(case, workers, RecipientKind.POLICE, Direction.SENT)
    assert message.sent
    # The rule, as any script can ask it, and as the save applies it.
    assert db.consent_gaps(message) == {w.id: w.full_name for w in workers}
    with pytest.raises(ConsentNeeded) as asked:
        db.save_log_entry(message)
    assert asked.value.workers == {w.id: w.full_name for w in workers}
    assert "no consent to share personal data with police" in str(asked.value)
    assert db.log_of(case.id) == []

    saved = db.save_log_entry(message, without_consent=True)
    assert db.get(LogEntry, saved.id).consent_override == ids(workers)
    (created,) = db.history(saved.id)
    assert created.fields["consent_override"] == {"old": None, "new": ids(workers)}
    assert created.fields["direction"] == {"old": None, "new": "sent"}
    # Saved again, nothing more to ask: the override is on record.
    db.save_log_entry(db.get(LogEntry, saved.id).model_copy(update={"summary": "Sent again"}))
    # Media and recruiters never, whatever the officer says; a letter as much as a referral.
    for never in (RecipientKind.MEDIA, RecipientKind.RECRUITER):
        with pytest.raises(NeverRecipient):
            db.save_log_entry(entry(case, workers[:1], never, Direction.SENT, LogKind.LETTER),
                              without_consent=True)
    assert len(db.log_of(case.id)) == 1


def test_what_is_received_or_goes_outside_the_matrix_asks_nothing(
        group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    call = entry(case, workers, RecipientKind.POLICE, Direction.RECEIVED, LogKind.CALL)
    assert not call.sent and db.consent_gaps(call) == {}
    assert db.save_log_entry(call).consent_override == []
    # A counterpart of no kind of the consent matrix: the worker themself, a colleague.
    to_worker = entry(case, workers[:1], None, Direction.SENT)
    assert db.consent_gaps(to_worker) == {}
    assert db.save_log_entry(to_worker).consent_override == []
    # A journalist calling about the group is heard; nothing of the workers went out.
    heard = entry(case, workers, RecipientKind.MEDIA, Direction.RECEIVED, LogKind.CALL)
    assert db.save_log_entry(heard).consent_override == []
    # A note stays in the union.
    note = entry(case, workers, RecipientKind.POLICE, None, LogKind.NOTE)
    assert db.save_log_entry(note).consent_override == []
    # Consent that covers the kind: nothing to ask either.
    db.save_consent(build(Consent, {"case_id": case.id, "worker_id": workers[0].id,
                                    "taken_by": "Ana", "recipients": ["police"]}))
    covered = entry(case, workers[:1], RecipientKind.POLICE, Direction.SENT)
    assert db.save_log_entry(covered).consent_override == []
    assert len(db.log_of(case.id)) == 5


def test_an_entry_naming_workers_to_a_kind_of_counterpart_says_which_way_it_went(
        group: tuple[Database, Case, list[Worker]]) -> None:
    """Without a direction the consent rule cannot tell: such an entry is refused, with the
    field named, rather than saved unchecked."""
    db, case, workers = group
    with pytest.raises(RecordInvalid) as refused:
        db.save_log_entry(entry(case, workers, RecipientKind.POLICE, None, LogKind.CALL))
    assert list(refused.value.errors) == ["direction"]
    assert "sent or received" in refused.value.errors["direction"]
    assert db.log_of(case.id) == []
    # A referral is sent, whether or not it says so; it is never received.
    referred = entry(case, workers[:1], RecipientKind.EMBASSY, None, LogKind.REFERRAL)
    assert referred.direction is Direction.SENT and referred.sent
    with pytest.raises(RecordInvalid) as received:
        entry(case, workers[:1], RecipientKind.EMBASSY, Direction.RECEIVED, LogKind.REFERRAL)
    assert list(received.value.errors) == ["direction"]
    with pytest.raises(RecordInvalid) as note:
        entry(case, [], None, Direction.SENT, LogKind.NOTE)
    assert list(note.value.errors) == ["direction"]


def test_removing_or_erasing_a_worker_takes_their_records_along(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    for worker in workers[:2]:
        db.save_screening(build(Screening, {"case_id": case.id, "worker_id": worker.id,
                                            "act": YES, "act_evidence": "recruited on Telegram"}))
        db.save_consent(build(Consent, {"case_id": case.id, "worker_id": worker.id,
                                        "taken_by": "Ana Officer", "recipients": ["police"],
                                        "notes": "lives with her aunt"}))
    db.set_step(case.id, [workers[0].id], "health", StepStatus.BLOCKED, note="in hospital")
    db.remove_worker(workers[1].id)
    assert db.screening_of(workers[1].id) is None and db.consent_of(workers[1].id) is None
    assert db.plan_of(workers[1].id) is None
    db.erase_worker(workers[0].id)
    assert db.screening_of(workers[0].id).act_evidence == ""
    assert db.screening_of(workers[0].id).act is YES  # the codes stay, for the counts
    consent = db.consent_of(workers[0].id)
    assert (consent.taken_by, consent.notes, consent.recipients) == ("[erased]", "",
                                                                      [RecipientKind.POLICE])
    assert db.plan_of(workers[0].id).notes == {}
    assert check(db) == []


def test_today_lists_what_needs_chasing(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    today = dt.date.today()
    at = dt.datetime.now().astimezone() - dt.timedelta(days=5)
    overdue = db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": at, "summary": "Asked for shelter places",
        "next_step": "Call the shelter back", "due_date": today - dt.timedelta(days=1)}))
    later = db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": at, "summary": "x", "next_step": "Far away",
        "due_date": today + dt.timedelta(days=30)}))
    waiting = db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": at, "kind": "message", "summary": "Wrote to the desk",
        "counterpart_org": "Police labour desk", "awaiting_reply": True}))
    answered = db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": at - dt.timedelta(days=2), "kind": "call", "summary": "Called",
        "counterpart_org": "KBRI Phnom Penh", "awaiting_reply": True}))
    db.save_log_entry(build(LogEntry, {"case_id": case.id, "at": at, "kind": "call",
                                       "summary": "They called back",
                                       "counterpart_org": "kbri phnom penh"}))
    db.start_plans(case.id)
    db.set_step(case.id, [workers[0].id], "immigration", StepStatus.IN_PROGRESS,
                deadline=today + dt.timedelta(days=3))
    db.set_step(case.id, [workers[1].id], "immigration", StepStatus.IN_PROGRESS,
                deadline=today + dt.timedelta(days=10))
    db.save_screening(build(Screening, {"case_id": case.id, "worker_id": workers[0].id}))
    db.save_consent(build(Consent, {"case_id": case.id, "worker_id": workers[0].id,
                                    "taken_by": "Ana"}))

    view = db.today()
    assert [f.entry_id for f in view.follow_ups] == [overdue.id]
    assert view.overdue == 1 and later.id not in {f.entry_id for f in view.follow_ups}
    assert [(d.worker_id, d.step) for d in view.deadlines] == [(workers[0].id, "immigration")]
    assert [a.entry_id for a in view.awaiting] == [waiting.id]
    assert answered.id not in {a.entry_id for a in view.awaiting}
    assert view.missing_count == 9 and workers[0].id not in {m.worker_id for m in view.missing}
    # Not yet past the days a partner has to answer: not listed.
    assert db.today(reply_days=7).awaiting == []
    # A closed case drops out of Today.
    for key in INDONESIA.keys:
        db.set_step(case.id, ids(workers), key, StepStatus.DONE, reason="test")
    db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.CLOSED}))
    assert db.today().follow_ups == [] and db.today().missing_count == 0


def test_check_finds_records_about_workers_who_are_not_there(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    other = db.save_case(build(Case, {"title": "Other", "destination_country": "MM"}))
    db.save_consent(build(Consent, {"case_id": case.id, "worker_id": workers[0].id,
                                    "taken_by": "Ana"}))
    db.start_plans(case.id)
    # As another tool could have left it: a plan of a worker moved to the wrong case.
    plan = db.plan_of(workers[1].id)
    with db.transaction():
        db._save(plan.model_copy(update={"case_id": other.id}))  # noqa: SLF001 - as a foreign tool
    problems = [str(p) for p in check(db)]
    assert any("road home" in p and "is about a worker who is not in its case" in p
               for p in problems), problems


def test_pulang_check_validates_screenings_consents_and_plans(db_path: Path, cli: Run) -> None:
    """A plan, consent and screening edited by another tool: `pulang check` names each, by
    kind and case, and never shows a personal value."""
    import orjson

    with Database.open(db_path, create=True) as db:
        case = db.save_case(build(Case, {"title": "Two workers", "destination_country": "KH"}))
        worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Worker One"}))
        db.start_plans(case.id)
        db.save_consent(build(Consent, {"case_id": case.id, "worker_id": worker.id,
                                        "taken_by": "Ana", "recipients": ["police"]}))
        db.save_screening(build(Screening, {"case_id": case.id, "worker_id": worker.id,
                                            "act_evidence": "Sold to a second compound"}))
    assert cli("check", "--db", db_path).returncode == 0
    data = orjson.loads(db_path.read_bytes())
    for doc in data["plans"].values():
        doc["steps"][3]["status"] = "finished"  # not a status
    for doc in data["consents"].values():
        doc["recipients"] = ["media"]
    for doc in data["screenings"].values():
        doc["act_evidence"] = "x" * 600  # too long for one line
    db_path.write_bytes(orjson.dumps(data))
    done = cli("check", "--db", db_path)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout + done.stderr
    assert "road home" in out and "consent" in out and "screening" in out
    assert case.ref in out
    assert "x" * 50 not in out and "Sold to" not in out


def test_the_audit_trail_records_only_the_step_that_changed(group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, workers = group
    db.start_plans(case.id)
    db.set_step(case.id, [workers[0].id], "registration", StepStatus.DONE, org="KBRI",
                done_on=dt.date(2026, 1, 5), note="in the embassy's hall")
    entry = db.audit_trail().entries[-1]
    assert entry.table == "plans"
    assert entry.fields["steps"] == {"old": {"registration": {"status": "todo"}},
                                     "new": {"registration": {"status": "done", "org": "KBRI",
                                                              "done_on": "2026-01-05"}}}
    assert entry.fields["notes"] == "changed"  # sensitive: never the note itself
    assert "in the embassy" not in str(entry.changes())


# -- the stage follows the road home ------------------------------------------------------


def test_once_every_worker_is_rescued_the_case_is_no_longer_awaiting_rescue(
        empty_db: Database) -> None:
    db = empty_db
    case = db.save_case(build(Case, {"title": "Three held in a compound",
                                     "destination_country": "MM", "kind": "group",
                                     "stage": "awaiting_rescue"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"Worker {n}",
                                             "nationality": "ID"})) for n in range(3)]
    db.start_plans(case.id)
    assert db.get(Case, case.id).stage is Stage.AWAITING_RESCUE
    db.set_step(case.id, ids(workers[:2]), "rescue", StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.AWAITING_RESCUE, "one is still held"
    db.set_step(case.id, ids(workers[2:]), "rescue", StepStatus.DONE)
    saved = db.get(Case, case.id)
    assert saved.stage is Stage.IN_SHELTER and not saved.stage_override
    # Placed in a shelter, registered, checked: the stage follows on to their documents.
    for key in ("shelter", "registration", "health"):
        db.set_step(case.id, ids(workers), key, StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.DOCUMENTS


def test_a_stage_set_by_hand_says_why_and_can_follow_the_steps_again(
        group: tuple[Database, Case, list[Worker]]) -> None:
    from store.common.i18n import set_language
    from store.domain.road import hand_set_reason

    db, case, workers = group
    db.start_plans(case.id)
    case = db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.DOCUMENTS}),
                        stage_reason="all ten are at the embassy: their SPLP")
    assert hand_set_reason(db.log_of(case.id)[0].summary) == (
        "all ten are at the embassy: their SPLP")
    set_language("id")  # an entry written in Indonesian reads back too
    indonesian = db.save_case(case.model_copy(update={"stage": Stage.REPATRIATED}),
                              stage_reason="alasan: sudah pulang")
    assert db.log_of(case.id)[0].summary.startswith("Tahap diatur manual")
    set_language("en")
    assert hand_set_reason(db.log_of(case.id)[0].summary) == "alasan: sudah pulang"
    assert hand_set_reason("Called the embassy: no news") is None
    case = db.save_case(indonesian.model_copy(update={"stage": Stage.DOCUMENTS}),
                        stage_reason="back to documents")
    # The steps move past it: the stage stays as set by hand...
    for key in ("registration", "health", "travel_document"):
        db.set_step(case.id, ids(workers), key, StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.DOCUMENTS
    assert db.derived_stage(case.id).stage is Stage.IMMIGRATION_CLEARANCE
    # ...until the officer has it follow them again; the log says so.
    followed = db.follow_steps(db.get(Case, case.id))
    assert followed.stage is Stage.IMMIGRATION_CLEARANCE and not followed.stage_override
    assert db.log_of(case.id)[0].summary == (
        "Stage follows the workers' steps again: “immigration clearance” (it was set by hand "
        "to “documents”).")
    db.set_step(case.id, ids(workers), "immigration", StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.IMMIGRATION_CLEARANCE  # the flight is open
    db.set_step(case.id, ids(workers), "flight", StepStatus.DONE)
    assert db.get(Case, case.id).stage is Stage.REPATRIATED, "and it follows on"


def test_following_the_steps_needs_plans_and_the_case_as_last_seen(
        group: tuple[Database, Case, list[Worker]]) -> None:
    from store.common.errors import Conflict, NotFound

    db, case, _workers = group
    with pytest.raises(NotFound):
        db.follow_steps(db.get(Case, case.id))
    db.start_plans(case.id)
    seen = db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.DOCUMENTS}),
                        stage_reason="at the embassy")
    db.save_case(seen.model_copy(update={"urgency": Urgency.HIGH}))  # another officer
    entries = len(db.log_of(case.id))
    with pytest.raises(Conflict):
        db.follow_steps(seen)
    assert len(db.log_of(case.id)) == entries, "nothing written"
    assert db.get(Case, case.id).stage is Stage.DOCUMENTS

"""The rules the Database applies, as pure functions (store/domain/rules/): called here with
records built in memory and a given day, with no database, clock or environment."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.errors import (
    CaseNotClosable,
    ConsentNeeded,
    NeverRecipient,
    StageReasonNeeded,
    StepOrderRefused,
)
from store.domain.records import Consent, LogEntry, Plan, StepState, Task, build
from store.domain.road import INDONESIA, Derived
from store.domain.rows import CaseRow
from store.domain.rules import today as today_rules
from store.domain.rules.consent import consent_gaps, refuse_recipient, sent_without_consent
from store.domain.rules.plan import first_steps, plans_to_set, with_step
from store.domain.rules.stage import choose_stage, refuse_closing, stage_to_follow
from store.domain.today import Today
from store.domain.vocab import Direction, LogKind, RecipientKind, Stage, StepStatus

DAY = dt.date(2025, 6, 2)


def _entry(**data: object) -> LogEntry:
    return build(LogEntry, {"case_id": "c1", "summary": "Sent the list", **data})


def _plan(worker_id: str, done: tuple[str, ...] = ()) -> Plan:
    steps = [StepState(key=k, status=StepStatus.DONE if k in done else StepStatus.TODO)
             for k in INDONESIA.keys]
    return build(Plan, {"case_id": "c1", "worker_id": worker_id, "template": "ID",
                        "steps": [s.model_dump() for s in steps]})


def test_consent_gaps_name_only_the_workers_whose_consent_does_not_cover_the_kind() -> None:
    entry = _entry(kind=LogKind.REFERRAL, counterpart_kind=RecipientKind.POLICE,
                   worker_ids=["w1", "w2", "w3"])
    consent = build(Consent, {"case_id": "c1", "worker_id": "w1", "taken_by": "Sari",
                              "recipients": [RecipientKind.POLICE]})
    assert consent_gaps(entry, {"w1": consent}) == ["w2", "w3"]
    with pytest.raises(ConsentNeeded):
        sent_without_consent(entry, {"w2": "Ade", "w3": "Budi"}, without_consent=False)
    sent = sent_without_consent(entry, {"w2": "Ade", "w3": "Budi"}, without_consent=True)
    assert sent.consent_override == ["w2", "w3"]
    received = _entry(kind=LogKind.CALL, direction=Direction.RECEIVED,
                      counterpart_kind=RecipientKind.POLICE, worker_ids=["w2"])
    assert consent_gaps(received, {}) == []


def test_media_never_receive_what_an_entry_says_of_its_workers() -> None:
    with pytest.raises(NeverRecipient):
        refuse_recipient(_entry(kind=LogKind.REFERRAL, counterpart_kind=RecipientKind.MEDIA,
                                worker_ids=["w1"]))


def test_a_stage_set_by_hand_needs_a_reason_once_then_stays() -> None:
    derived = Derived(Stage.IN_SHELTER, 0, 2)
    assert choose_stage(Stage.IN_SHELTER, derived, "in_shelter", False, None).override is False
    with pytest.raises(StageReasonNeeded):
        choose_stage(Stage.DOCUMENTS, derived, Stage.IN_SHELTER.value, False, " ")
    choice = choose_stage(Stage.DOCUMENTS, derived, Stage.IN_SHELTER.value, False, "SPLP")
    assert choice.override and choice.note is not None and "SPLP" in choice.note
    again = choose_stage(Stage.DOCUMENTS, derived, Stage.DOCUMENTS.value, True, None)
    assert again.override and again.note is None
    assert stage_to_follow(Stage.REPORTED.value, True, derived) is None
    assert stage_to_follow(Stage.REPORTED.value, False, derived) is Stage.IN_SHELTER
    assert stage_to_follow(Stage.IN_SHELTER.value, False, derived) is None


def test_a_case_with_open_steps_does_not_close() -> None:
    with pytest.raises(CaseNotClosable, match="Ade"):
        refuse_closing([_plan("w1")], {"w1": ["Ade"]})
    refuse_closing([_plan("w1", done=tuple(INDONESIA.keys))], {"w1": ["Ade"]})


def test_steps_out_of_order_need_a_reason_and_a_done_step_is_dated() -> None:
    first = first_steps(INDONESIA, Stage.REPORTED, DAY)
    assert first[0].status is StepStatus.DONE and first[0].done_on == DAY
    plans = {"w1": _plan("w1", done=("report",))}
    with pytest.raises(StepOrderRefused):
        plans_to_set(plans, ["w1"], "flight", StepStatus.DONE, None, {"w1": ["Ade"]})
    [plan] = plans_to_set(plans, ["w1"], "rescue", StepStatus.DONE, None, {"w1": ["Ade"]})
    changed = with_step(plan, "rescue", StepStatus.DONE, today=DAY)
    assert changed is not None and changed.state("rescue").done_on == DAY
    assert with_step(changed, "rescue", StepStatus.DONE, today=DAY) is None


def test_today_selects_what_is_due_in_open_cases_only() -> None:
    view = Today.settled(DAY, None, None, {"PULANG_TODAY_DAYS": "nonsense"})
    assert view.days == 30 and view.warnings
    rows = [CaseRow("c1", "KH-2025-0001", "Open", "KH", "", "reported", 1, None, "", ""),
            CaseRow("c2", "KH-2025-0002", "Closed", "KH", "", "closed", 1, None, "", "")]
    cases = today_rules.open_cases(rows)
    assert list(cases) == ["c1"]
    docs = {"e1": {"id": "e1", "case_id": "c1", "next_step": "Call back"},
            "e2": {"id": "e2", "case_id": "c2", "next_step": "Call back"}}
    due = {"e1": (DAY + dt.timedelta(days=2)).isoformat(), "e2": DAY.isoformat()}
    today_rules.follow_ups(view, cases, due, {"e1": "c1", "e2": "c2"}, docs.get)
    assert [f.entry_id for f in view.follow_ups] == ["e1"]
    today_rules.missing(view, cases, {"c1": ["w1", "w2"]}, {"w1": "s"}, {"w1": "c"},
                        {"w2": ["Ade"]})
    assert [m.worker for m in view.missing] == ["Ade"] and view.missing_count == 1
    task = build(Task, {"text": "Send the list", "due": DAY + dt.timedelta(days=40),
                        "meeting_id": "m1"})
    soon = build(Task, {"text": "Call the embassy", "due": DAY + dt.timedelta(days=1),
                        "meeting_id": "m1"})
    today_rules.tasks(view, [task, soon], {}, {"m1": "Coordination"})
    assert [(t.text, t.source) for t in view.tasks] == [("Call the embassy", "Coordination")]
    assert view.coming_up == []

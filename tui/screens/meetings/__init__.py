"""Meetings (key 4): every meeting and working visit with partners, one meeting in full, and the
form that records one.

`MeetingsScreen` lists them, newest first, narrowed by `/`; `MeetingScreen` shows one: when,
where, who was there (organisations, people with their titles), agenda and decisions, the cases
and agreements discussed, and its follow-up tasks (which Today lists when due); `MeetingForm`
edits one.

The modules: listing.py (`MeetingsScreen`), meeting.py (`MeetingScreen`) and meeting_form.py
(`MeetingForm`). A meeting's follow-up tasks are in tui/screens/tasks.py, beside it: the
agreements' commitments are tasks too.
"""

from __future__ import annotations

from tui.screens.meetings.listing import MeetingsScreen, new_meeting
from tui.screens.meetings.meeting import MeetingLines, MeetingScreen
from tui.screens.meetings.meeting_form import (
    DATETIME_HINT,
    MeetingForm,
    agreement_items,
    case_items,
)

__all__ = ["DATETIME_HINT", "MeetingForm", "MeetingLines", "MeetingScreen", "MeetingsScreen",
           "agreement_items", "case_items", "new_meeting"]

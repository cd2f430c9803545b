"""After the flight home (issue 35): one worker's check-ins, their page (`CheckInsScreen`,
opened with `open_worker_checkins(app, case_id, worker_id)`, as Today's lines do), the
check-in's form, and the note of what was done about signs of re-recruitment."""

from tui.screens.checkins.form import CheckInForm
from tui.screens.checkins.page import CheckInsScreen, open_worker_checkins

__all__ = ["CheckInForm", "CheckInsScreen", "open_worker_checkins"]

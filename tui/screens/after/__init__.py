"""After the flight home (issue 34): one worker's legal status and money, their page
(`WorkerAfterScreen`, opened with `open_worker_after(app, case_id, worker_id)`, as Today's
hearings do), the legal matter's and the money entry's forms, and the dialog that converts a
case's totals at the rates an officer gives."""

from tui.screens.after.page import WorkerAfterScreen, form_from_draft, open_worker_after

__all__ = ["WorkerAfterScreen", "form_from_draft", "open_worker_after"]

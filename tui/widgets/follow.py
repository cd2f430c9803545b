"""What a record's page does when another officer changes the database: shown at once, or
when the page comes back to the front."""

from __future__ import annotations

from store.domain import printable
from tui.data_changed import DataChanged


class FollowsOtherOfficers:
    """For a record's page (a case, a meeting): another officer's change is shown at once
    when the page is in front, else when it comes back from what was over it (a form is
    never redrawn under the officer's typing). `reload()` is the page's; a refusal from the
    store (the record is gone) is said by `reload_failed`."""

    _stale = False

    def others_changed(self, change: DataChanged) -> None:
        if self is self.app.screen:  # type: ignore[attr-defined]
            self._reload_shown()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._reload_shown()

    def _reload_shown(self) -> None:
        from store import PulangError

        self._stale = False
        try:
            self.reload()  # type: ignore[attr-defined]
        except PulangError as error:
            self.reload_failed(error)

    def reload_failed(self, error: Exception) -> None:
        self.notify(printable(str(error)), severity="error",  # type: ignore[attr-defined]
                    timeout=10, markup=False)

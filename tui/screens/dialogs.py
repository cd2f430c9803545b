"""Shim: the old path of the dialogs now in `tui.dialogs` (confirm, reason, officer, help,
link) and of `tui.widgets.today_list.OfferList`, removed once the moves of issue 26 are
merged."""

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.link import LinkDialog
from tui.dialogs.officer import OfficerDialog
from tui.dialogs.reason import ReasonDialog
from tui.widgets.today_list import OfferList

__all__ = ["ConfirmDialog", "HelpScreen", "LinkDialog", "OfferList", "OfficerDialog",
           "ReasonDialog"]

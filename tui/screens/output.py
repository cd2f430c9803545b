"""Shim: the old path of `tui.dialogs.out`, `tui.dialogs.brief` and `tui.dialogs.export`,
removed once the moves of issue 26 are merged."""

from tui.dialogs.brief import BRIEF_KINDS, BriefDialog
from tui.dialogs.export import EXPORT_FORMATS, ExportDialog
from tui.dialogs.out import OutDialog, shown, typed_path

__all__ = ["BRIEF_KINDS", "EXPORT_FORMATS", "BriefDialog", "ExportDialog", "OutDialog", "shown",
           "typed_path"]

"""Family inquiries (key 8, issue 33): families looking for their own. The list
(`InquiriesScreen`), an inquiry's page with its possible matches, the confirmation of one and
the family told only through `Database.tell_family` (`InquiryScreen`), and the form
(`InquiryForm`). Today's section of matches to confirm is tui/screens/today_inquiries.py.
"""

from __future__ import annotations

from tui.screens.inquiries.form import InquiryForm
from tui.screens.inquiries.listing import InquiriesScreen
from tui.screens.inquiries.page import InquiryScreen

__all__ = ["InquiriesScreen", "InquiryForm", "InquiryScreen"]

"""People & organisations (key 3): the directory, one organisation, one person.

`DirectoryScreen` lists every organisation and every person in one list with a heading for
each, narrowed by a filter line that searches every name and spelling, tolerant of spelling
differences. `OrganisationScreen` and `PersonScreen` show one record: its facts on top, then
one list of everything linked to it (people, member organisations, cases, log entries,
meetings, agreements); Enter on a line opens what it names. From either, `M` merges a
duplicate into the record on screen and `d` removes it (refused while it is named anywhere).

Directory reads are small and run on the event loop, as the case screen's do; merges and
removals go through `app.run_store`, off it.

The modules, one screen, dialog or form each: listing.py (`DirectoryScreen`), organisation.py
(`OrganisationScreen`), person.py (`PersonScreen`), matches.py (`LikelyMatchesDialog`),
organisation_form.py (`OrganisationForm`), person_form.py (`PersonForm`); what the screens
share in base.py (the list of lines under headings) and record.py (the two pages: facts, merge,
remove), what the forms share in form.py (the check for likely matches).
"""

from __future__ import annotations

from tui.screens.directory.base import (
    Lines,
    SectionList,
    first_line,
    list_width,
    org_label,
    place,
)
from tui.screens.directory.listing import DirectoryScreen
from tui.screens.directory.organisation import OrganisationScreen
from tui.screens.directory.person import PersonScreen

__all__ = ["DirectoryScreen", "Lines", "OrganisationScreen", "PersonScreen", "SectionList",
           "first_line", "list_width", "org_label", "place"]

"""The marks of a conflict between two sites, where Today and the screens show one: apart from
the decision screen (tui/screens/decide.py), so that Today's first frame, which lists the
conflicts to decide, does not load that screen and Textual's DataTable behind it."""

MARK = "⚠"  # beside a field changed at two sites, wherever it is shown, until decided
DECIDE = "decide"  # the kind of a line of Today's "Conflicts to decide"

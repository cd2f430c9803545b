"""What goes in and out: worker lists read (CSV, Excel, chat), exports, the HTCDS statistics,
case briefs, the report, the check, and the demo database."""

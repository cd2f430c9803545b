"""What goes in and out: worker lists read (CSV, Excel, chat), exports, the HTCDS statistics,
case briefs, the report, the check, and the demo database.

What is public here, for the app and the command line: the names of `__all__`, each imported
from its module when first asked for (PEP 562), so that importing one part does not load the
others (Excel's reader, the Database).
"""

from __future__ import annotations

from store.common.exports import offered

# The module each public name comes from, under the same name.
_FROM: dict[str, tuple[str, ...]] = {
    "store.exchange.worker_import": (
        "FIELDS", "SKIP", "ImportRow", "LeftOut", "WorkerList", "above_header_said",
        "apply_choices", "check_rows", "column_said", "guess_mapping", "left_out_columns",
        "map_choice", "pasted_path", "preview", "read_file", "read_input", "read_list",
        "row_label", "rows_left_out_csv", "workers_to_add",
    ),
    "store.exchange.export": (
        "Prepared", "export_targets", "holds_personal", "import_json", "prepare_export",
        "read_export", "record_export",
    ),
    "store.exchange.htcds": ("DEFAULT_K",),
    "store.exchange.brief": ("Brief", "case_brief", "record_brief"),
    "store.exchange.brief_registry": ("REGISTRY_RECIPIENTS", "source_line"),
    "store.exchange.report": (
        "Figures", "as_text", "figures", "headings", "province_label", "step_label",
    ),
    "store.exchange.report_legal": (
        "LEGAL_KEYS", "MONEY_KEYS", "count_text", "legal_heading", "legal_label",
        "money_heading", "money_rows",
    ),
    "store.exchange.demo": ("write_demo",),
    "store.exchange.intake": (
        "RowProposal", "default_title", "intake_of", "proposals_json", "propose", "read_intake",
    ),
}
# Offered under another name: `check` would be hidden by the module store.exchange.check
# once that is imported (a package's submodule is an attribute of the package).
_RENAMED: dict[str, tuple[str, str]] = {
    "check_database": ("store.exchange.check", "check"),
}
__all__, __getattr__, __dir__ = offered(__name__, _FROM, _RENAMED)


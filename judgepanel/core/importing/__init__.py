"""Importing entry exports (CSV, XLSX, JSON) from the online entry platforms into a panel.

`import_file` is what the CLI's `import` command and the GUI's import dialog call. The dialog
also uses `guess_mapping`, `preview`, `load_mapping` and `save_mapping` to let a coordinator
check and correct which column is which before anything is written.
"""

from judgepanel.core.importing.cleaning import clean_text, html_to_text, split_multiselect
from judgepanel.core.importing.documents import import_with_attachments
from judgepanel.core.importing.export_table import Table
from judgepanel.core.importing.import_plan import ImportPlan, plan_import
from judgepanel.core.importing.importer import (
    ImportResult,
    compare_with_panel,
    import_file,
    import_files,
    preview,
)
from judgepanel.core.importing.mapping import (
    Mapping,
    guess_mapping,
    load_mapping,
    match_award,
    save_mapping,
)
from judgepanel.core.importing.presets import PRESETS, Preset
from judgepanel.core.importing.readers import read_table

__all__ = [
    "PRESETS",
    "ImportPlan",
    "ImportResult",
    "Mapping",
    "Preset",
    "Table",
    "clean_text",
    "compare_with_panel",
    "guess_mapping",
    "html_to_text",
    "import_file",
    "import_files",
    "import_with_attachments",
    "load_mapping",
    "match_award",
    "plan_import",
    "preview",
    "read_table",
    "save_mapping",
    "split_multiselect",
]

"""F1 in the panel window: what the page in view is for and how to do its job, in plain words.

The coordinator and the chair do their whole job in the application; each page's help says
where each step is, including the ones in the Panel and File menus.
"""

from __future__ import annotations

import html

PAGE_HELP: dict[str, tuple[str, list[str]]] = {
    "Awards": ("The awards this panel judges, their sections, questions and guidance.", [
        "Add a built-in award, or one from an award file, with the buttons under the list.",
        "Panel ▸ Award settings… sets the ranking method, the tie-break order and the "
        "thresholds for flagging disagreement.",
        "An award with no entries can be removed from the panel.",
    ]),
    "Entries": ("The nominations imported from the entry platform's export.", [
        "Import… (or Panel ▸ Import entries…) reads one export, shows how its columns map "
        "onto the sections, and lets you check it with a dry run before importing.",
        "Panel ▸ Import several exports… imports an export split into parts, all or nothing.",
        "Search filters the list; choose an entry to read it in full.",
    ]),
    "Judges & assignment": ("Who judges, and which entries each judge scores.", [
        "Add judge… adds a judge; double-click a judge to edit.",
        "Auto-assign… gives every entry the number of judges you choose; tick or untick a "
        "cell of the matrix to assign by hand.",
        "Record conflict… keeps a judge away from an entry they know.",
        "Edit ▸ Undo takes back the last change.",
    ]),
    "Packs": ("The files the judges score on their own laptops, and their return.", [
        "Create packs… writes one pack per judge into a folder; Open folder shows it.",
        "Merge returned packs… adds the judges' returned packs to the panel (all or "
        "nothing; safe to repeat).",
        "Panel ▸ Check returned packs (dry run)… says what a merge would do, changing "
        "nothing. Panel ▸ Import score sheet… brings in scores typed from paper.",
    ]),
    "Results": ("The ranking of each award, the spread of scores and where judges disagree.", [
        "Choose the award and the method; flags mark entries to discuss.",
        "Panel ▸ Award settings… keeps a method, a tie-break order and the flag thresholds "
        "for the award; Panel ▸ Record a tie-break vote… records the panel's order of tied "
        "entries.",
    ]),
    "Decisions": ("The placements the panel decides, each with its reason.", [
        "Choose an entry, its placement and the reason, then record it: every decision is "
        "kept in the audit log.",
    ]),
    "Outputs": ("The ranked report, certificates, feedback for entrants and results files.", [
        "Choose what to write; the preview shows it and Print… prints it on its own paper "
        "(certificates landscape). Open folder shows the files written.",
        "Panel ▸ Export score sheet… writes every score to a spreadsheet.",
    ]),
    "Audit log": ("Everything done to the panel, by whom and when, in a chain that shows any "
                  "change made outside JudgePanel.", [
        "Search the log; Help ▸ Check the audit history checks the chain.",
    ]),
}
COMMON = ["File ▸ Save a copy… writes one whole file to send or keep; a copy of the panel "
          "file made with the file manager is whole too once the window has been idle for a "
          "moment.",
          "File ▸ Close returns to the start screen; File ▸ Quit leaves."]


def page_help(title: str) -> str:
    """The page's help as HTML: what it is for, then how to do its job."""
    purpose, steps = PAGE_HELP.get(title, ("", []))
    items = "".join(f"<li>{html.escape(step)}</li>" for step in [*steps, *COMMON])
    return (f"<h2>{html.escape(title)}</h2><p>{html.escape(purpose)}</p>"
            f"<ul style='margin-left:0'>{items}</ul>")

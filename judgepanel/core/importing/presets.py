"""What each entry platform's export calls its columns: one small declarative table each.

A preset lists, for every role an entry field can play, the column headers that platform uses
(compared without case, spaces or punctuation, so "E-mail" matches "Email"). The generic
preset knows the common names; a vendor preset puts its own names first. Sources: the
columns each vendor documents (docs/domain-notes.md, "What entries look like when they arrive").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The roles a column can play besides an answer; `first_name`/`last_name` make the nominee.
ROLES = ("entry", "award", "title", "nominee", "first_name", "last_name", "organisation",
         "email")


def compact(text: str) -> str:
    """A header reduced for comparison: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", text.casefold())


@dataclass(frozen=True)
class Preset:
    """How one platform names its columns, and what it does to values."""

    name: str
    columns: dict[str, tuple[str, ...]]
    multiselect: bool = False  # OpenWater's {{a}},{{b}}
    ignore: tuple[str, ...] = ()  # regular expressions: columns that are not entry data
    review_block: tuple[str, ...] = ()  # repeated per-reviewer column sets (Submittable)
    review_anchors: tuple[str, ...] = ()

    def aliases(self, role: str) -> list[str]:
        """Compacted header names for a role: this platform's first, then the generic ones."""
        own = [compact(name) for name in self.columns.get(role, ())]
        generic = [compact(name) for name in GENERIC.get(role, ())]
        return list(dict.fromkeys(own + generic))


GENERIC: dict[str, tuple[str, ...]] = {
    "entry": ("Entry ID", "ID", "Entry", "Entry No", "Entry Number", "Entry Ref",
              "Entry Reference", "Application Code", "Application ID", "Reference",
              "Reference Number", "Ref", "Ref No", "Submission ID", "Entry Slug",
              "Nomination ID"),
    "award": ("Category", "Award", "Award Category", "Category Name", "Category Slug",
              "Award ID", "Award Name", "Category ID"),
    "title": ("Title", "Entry Title", "Entry Name", "Project Title", "Project Name",
              "Initiative", "Initiative Name", "Nomination Title", "Submission Title",
              "Application Title", "Application Name"),
    "nominee": ("Nominee", "Nominee Name", "Nominee Names", "Nominees", "Nominee(s)",
                "Nominee Name(s)", "Name of Nominee", "Team Name", "Full Name", "Name"),
    "first_name": ("First Name", "Forename", "Given Name", "Nominee First Name"),
    "last_name": ("Last Name", "Surname", "Family Name", "Nominee Last Name"),
    "organisation": ("Organisation", "Organization", "Organisation Name", "Organization Name",
                     "Nominee Organisation", "Employer", "Trust", "Company", "Institution"),
    "email": ("Email", "Email Address", "Contact Email", "Entrant Email", "Nominee Email",
              "Registration Email"),
}

PRESETS: dict[str, Preset] = {
    "generic": Preset("generic", {}),
    # Award Force / Good Grants: entry slug like 123-AB, category slug, entry name,
    # entrant email, status, season, chapter slug; one column per field, by slug or label.
    "awardforce": Preset("awardforce", {
        "entry": ("Entry slug", "Entry ID", "Slug", "ID", "Local ID"),
        "award": ("Category slug", "Category", "Category shortcode"),
        "title": ("Entry name", "Title"),
        "first_name": ("Entrant first name",),
        "last_name": ("Entrant last name",),
        "email": ("Entrant email",),
    }),
    # Submittable: one column set per reviewer and review-score totals; none is entry data.
    "submittable": Preset("submittable", {
        "entry": ("Submission ID", "Submission Id", "Submission Number", "ID"),
        "award": ("Category", "Form", "Form Name", "Project", "Project Name"),
        "title": ("Title", "Submission Title"),
        "first_name": ("Submitter First Name", "First Name"),
        "last_name": ("Submitter Last Name", "Last Name"),
        "email": ("Submitter Email", "Email"),
        "organisation": ("Organization", "Organisation"),
    }, ignore=(r"^(total|average) review score\b", r"^review(er)?\b", r"\breviewer\b"),
        review_block=("Name", "Email", "Title", "Last Updated (UTC)", "Is Review Finalized",
                      "Review Vote"),
        review_anchors=("Is Review Finalized", "Review Vote")),
    # OpenWater: Application Code is the key; multi-selects look like {{a}},{{b}}.
    "openwater": Preset("openwater", {
        "entry": ("Application Code", "Code"),
        "award": ("Category", "Program", "Programme", "Round", "Category Name"),
        "title": ("Application Title", "Application Name", "Title", "Name"),
        "first_name": ("Applicant First Name", "First Name"),
        "last_name": ("Applicant Last Name", "Last Name"),
        "email": ("Applicant Email", "Email"),
    }, multiselect=True),
    # Evalato: First Name, Last Name, Registration Email and Category are required.
    "evalato": Preset("evalato", {
        "entry": ("ID", "Entry ID", "Entry number", "Submission ID"),
        "award": ("Category", "Categories"),
        "title": ("Entry title", "Entry name", "Title"),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Registration Email",),
        "organisation": ("Company", "Organisation", "Organization"),
    }),
}


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValueError(f"unknown preset '{name}' (presets: {known})") from None


def ignored_columns(preset: Preset, headers: list[str]) -> set[str]:
    """Columns a preset says are not entry data, e.g. Submittable's per-reviewer sets."""
    ignored = {h for h in headers for pattern in preset.ignore
               if re.search(pattern, h, re.IGNORECASE)}
    if preset.review_block:
        block = {compact(name) for name in preset.review_block}
        anchors = {compact(name) for name in preset.review_anchors}
        bases = [compact(re.sub(r"\s*\(\d+\)$", "", h)) for h in headers]
        for index, base in enumerate(bases):
            if base not in anchors:
                continue
            # A reviewer's set ends with its anchors: walk left over one set, each name once,
            # so the form's own "Title" just before the first set stays entry data.
            seen: set[str] = set()
            at = index
            while at >= 0 and bases[at] in block and bases[at] not in seen:
                seen.add(bases[at])
                ignored.add(headers[at])
                at -= 1
    return ignored

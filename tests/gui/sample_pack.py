"""A realistic judge's pack for GUI tests, the kill test, screenshots and benchmarks.

Built through the core as the coordinator would: a panel with the built-in awards, entries
with long answers, a judge, assignments, then `make_pack`.
"""

from __future__ import annotations

import random
from pathlib import Path

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.packs import make_pack
from judgepanel.core.panel import create_panel

SENTENCES = [
    "Since 2023 the team has brought together primary care, the acute trust and the local "
    "authority around a shared plan for frail older people.",
    "Weekly huddles now include social workers, community nurses and the voluntary sector, "
    "and decisions are taken in the room rather than passed between organisations.",
    "Emergency readmissions for the cohort fell by 18 per cent in the first year, and the "
    "average length of stay dropped from 9.4 to 6.1 days.",
    "Patients and carers co-designed the discharge conversation; one carer said it was the "
    "first time anyone had asked what mattered to her father.",
    "The programme lead coached twelve ward managers through the Improving Together "
    "method, and each now runs a small test of change on their own ward.",
    "Data are shared through a single dashboard that the trust, the GP federation and the "
    "council all update, which removed three separate monthly reports.",
    "Staff from under-represented groups were invited into the design group, and the "
    "reverse-mentoring scheme has paired eight directors with junior colleagues.",
    "Learning has been written up and presented at the regional network, and two "
    "neighbouring systems have adopted the approach with our support.",
    "Budgets were pooled under a section 75 agreement, which allowed the community team to "
    "buy equipment the same day rather than waiting for a panel.",
    "When the initial rota failed in winter, the team paused, listened to the staff who "
    "were struggling and rebuilt it with them, and sickness absence fell.",
]
NOMINEES = [("Zoë Whitfield", "Northbridge Integrated Care Board"),
            ("Siobhán O'Connell", "Riverside University Hospitals NHS Trust"),
            ("José Martín", "Eastvale Community Health Partnership"),
            ("Amara Okafor", "Highmoor Mental Health NHS Foundation Trust"),
            ("Tomasz Nowak", "Westfield Primary Care Network"),
            ("Priya Raman", "Coastal Ambulance Service NHS Trust"),
            ("Gwen Llewellyn", "Valleys and Borders Health Board"),
            ("Callum Fraser", "Lowland Social Care Alliance")]
TITLES = ["Home First: one team for frail older people", "Closing the discharge gap",
          "Together for mental health crisis care", "The Highmoor reverse-mentoring scheme",
          "Safer nights on the wards", "A shared record across the system",
          "Community hubs for long-term conditions", "Ambulance and police: the joint car"]


def answer(rng: random.Random, words: int) -> str:
    """Paragraphs of plausible text, about `words` long."""
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(paragraphs)


def build_pack(folder: Path, entries: int = 6, words: int = 420,
               judge: str = "Dr Anna Kowalska", panel_name: str = "sample") -> Path:
    """A pack for `judge` holding `entries` entries of the first built-in award (and two of
    the second, when there are more than four), each section about `words` words long."""
    rng = random.Random(2026)
    awards = builtin_awards()
    panel_path = folder / f"{panel_name}.judgepanel"
    with create_panel(panel_path, "NHS Leadership Awards 2026", awards) as panel:
        records = []
        for number in range(entries):
            award = awards[0] if number < max(entries - 2, 1) or entries <= 4 else awards[1]
            nominee, organisation = NOMINEES[number % len(NOMINEES)]
            answers = {s.id: answer(rng, words if number % 3 else words + 120)
                       for s in award.sections}
            records.append(EntryRecord(id=f"E-{101 + number}", award=award.id,
                                       title=TITLES[number % len(TITLES)], nominee=nominee,
                                       organisation=organisation, answers=answers))
        upsert_entries(panel, records)
        person = add_judge(panel, judge, "anna.kowalska@example.nhs.uk")
        for record in records:
            assign(panel, person, record.id)
        pack = folder / "Anna Kowalska.judgepack"
        make_pack(panel, person, pack)
    return pack

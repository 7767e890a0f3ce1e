"""Making judges' packs from the Packs page: the Create packs… dialog, the first round's packs
(core.packs.make_packs, one .judgepack per judge holding only their own entries) or a later
round's (core.round_packs.round_pack, core.qualifying_packs.make_qualifying_pack), written off
the GUI thread, encrypted with a generated passphrase each, printed on slips beside the panel.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import list_judges
from judgepanel.core.packs import PackSummary, make_packs, pack_file_name
from judgepanel.core.panel_overview import judge_loads
from judgepanel.core.qualifying_packs import make_qualifying_pack
from judgepanel.core.reports.passphrase_slips import Slip, write_passphrase_slips
from judgepanel.core.round_overview import round_shares
from judgepanel.core.round_packs import round_pack
from judgepanel.core.rounds import Round, find_round
from judgepanel.core.store import Store
from judgepanel.gui.coordinator_dialogs import CreatePacksDialog
from judgepanel.gui.pages.choosers import RoundChooser
from judgepanel.gui.pages.common import WHO, PanelPage, plural, show_error
from judgepanel.gui.panel_worker import Submitted
from judgepanel.gui.tasks import Cancelled, Progress, Task


def relay(progress: Progress) -> Any:
    """The core's progress callback, which also stops the work when Cancel is pressed."""
    def report(done: int, total: int, text: str) -> None:
        progress.check()
        progress.report(done, total, text)
    return report


class PackMaking(PanelPage):
    """Creating the judges' packs, first round or the round chosen (the widgets made by the
    Packs page)."""

    round_combo: RoundChooser
    outcome: QLabel
    folder: str
    task: Task | Submitted | None
    last_made: list[PackSummary]

    def later_round(self) -> Round | None:
        """The later round chosen, or None for the first rounds' packs (the award's own)."""
        return self.round_combo.later_round() if self.round_combo.isVisibleTo(self) else None

    def panel_file(self) -> Path:
        """The panel's file, which background work reads and writes."""
        if self.store.path is None:
            raise JudgePanelError("this panel is not saved in a file, so packs cannot be "
                                  "made or merged from it")
        return Path(self.store.path)

    # ----- creating packs ---------------------------------------------------------------

    def create_dialog(self) -> None:
        found = self.later_round()
        if found is not None:
            shares, listed = self.run(lambda panel: (round_shares(panel, found),
                                                     list_judges(panel)))
            by_id = {j.id: j for j in listed}
            dialog = CreatePacksDialog([(by_id[s.judge_id], s.assigned) for s in shares
                                        if s.judge_id in by_id], self.folder, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.create_round_packs(dialog.chosen_judges(), Path(dialog.ui.folder.text()),
                                        dialog.ui.overwrite.isChecked())
            return
        loads, listed = self.run(lambda panel: (judge_loads(panel), list_judges(panel)))
        judges = [(j, loads[j.id].assigned if j.id in loads else 0) for j in listed]
        dialog = CreatePacksDialog(judges, self.folder, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_packs(dialog.chosen_judges(), Path(dialog.ui.folder.text()),
                              dialog.ui.overwrite.isChecked())

    def create_packs(self, judge_ids: list[int], folder: Path,
                     overwrite: bool = False, encrypt: bool = True) -> Task | Submitted | None:
        """Write the chosen judges' packs into `folder` in the background (encrypted, each
        with its own generated passphrase, unless `encrypt` is False)."""
        if not judge_ids:
            show_error(self, "Create packs", JudgePanelError("choose at least one judge"))
            return None
        self.folder = str(folder)
        slips_file = self.slips_file()  # refuses a panel held only in memory, saying why

        def work(panel: Store, progress: Progress) -> list[PackSummary]:
            judges = [j for j in list_judges(panel) if j.id in judge_ids]
            made = make_packs(panel, judges, folder, relay(progress), who=WHO,
                              overwrite=overwrite, encrypt=encrypt)
            if any(p.passphrase for p in made):
                write_passphrase_slips([Slip(p.judge, panel.title, p.path.name, p.passphrase,
                                             p.expires) for p in made], slips_file)
            return made

        self.task = self.in_background(work, self._packs_made, self._failed("Create packs"),
                                       title="Creating judges' packs…")
        return self.task

    def create_round_packs(self, judge_ids: list[int], folder: Path, overwrite: bool = False,
                           encrypt: bool = True) -> Task | Submitted | None:
        """Write the chosen judges' packs for the chosen later round into `folder`, named
        "<judge> (<round>).judgepack", in the background (encrypted unless `encrypt` is
        False, each with its own generated passphrase, printed on the slips)."""
        found = self.later_round()
        if found is None:
            return None
        if not judge_ids:
            show_error(self, "Create packs", JudgePanelError("choose at least one judge"))
            return None
        self.folder = str(folder)
        slips_file = self.slips_file()
        award_id, round_id = found.award, found.id

        def work(panel: Store, progress: Progress) -> list[PackSummary]:
            current = find_round(panel, award_id, round_id)
            judges = [j for j in list_judges(panel) if j.id in judge_ids]
            made: list[PackSummary] = []
            for done, judge in enumerate(judges):
                progress.check()
                progress.report(done, len(judges), judge.name)
                path = folder / pack_file_name(f"{judge.name} ({current.name})")
                secret = "" if encrypt else None
                if current.kind == "qualifying":
                    pack = make_qualifying_pack(panel, award_id, round_id, judge, path, who=WHO,
                                                overwrite=overwrite, passphrase=secret)
                    made.append(PackSummary(pack.path, judge.name, judge.id,
                                            len(pack.entry_ids), pack.votes, 0,
                                            pack.entry_ids, pack.passphrase))
                else:
                    made.append(round_pack(panel, award_id, round_id, judge, path, who=WHO,
                                           overwrite=overwrite, passphrase=secret))
            if any(p.passphrase for p in made):
                write_passphrase_slips([Slip(p.judge, panel.title, p.path.name, p.passphrase,
                                             p.expires) for p in made], slips_file)
            return made

        self.task = self.in_background(work, self._packs_made, self._failed("Create packs"),
                                       title=f"Creating the packs for {found.name}…")
        return self.task

    def slips_file(self) -> Path:
        """Where the passphrase slips go: beside the panel, not with the packs to send."""
        panel = self.panel_file()
        return panel.with_name(f"{panel.stem} passphrase slips.pdf")

    def _packs_made(self, made: list[PackSummary]) -> None:
        self.last_made = made
        lines = "".join(f"<li>{escape(p.path.name)}: {plural(p.entries, 'entry', 'entries')}"
                        + (f"; passphrase <b>{escape(p.passphrase)}</b>" if p.passphrase
                           else "") + "</li>" for p in made)
        slips = (f"<p>Encrypted. Each passphrase is shown once here (select to copy) and "
                 f"printed on a slip per judge in {escape(str(self.slips_file()))}: hand "
                 "them over apart from the packs.</p>") if any(p.passphrase for p in made) \
            else ""
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.outcome.setText(f"<b>{plural(len(made), 'pack')} written to "
                             f"{escape(self.folder)}</b><ul>{lines}</ul>{slips}")
        self.refresh()
        self.changed.emit()

    def _failed(self, what: str) -> Any:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.outcome.setText(f"{what}: cancelled.")
            else:
                show_error(self, what, exc)
            self.refresh()
            self.changed.emit()
        return failed

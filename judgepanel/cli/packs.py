"""Commands for the offline loop: assign, conflict, pack, merge, scores import/export."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.cli.panel import login_name
from judgepanel.cli.passphrases import (
    ENV,
    file_key,
    open_file,
    passphrase_file_option,
    read_passphrase_file,
)
from judgepanel.core.assignment import auto_assign
from judgepanel.core.conflicts import record_conflict, remove_conflict
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import FileKey
from judgepanel.core.file_safety import check_sqlite_file
from judgepanel.core.judges import Judge, find_judge, list_judges
from judgepanel.core.merge import check_packs, merge_returned_packs
from judgepanel.core.packs import make_pack, make_packs, open_pack, pack_names
from judgepanel.core.panel import open_panel
from judgepanel.core.score_sheets import export_scores, import_scores
from judgepanel.core.scoring import Judging
from judgepanel.core.store import PACK, Store, file_kind

FILE = click.Path(dir_okay=False, path_type=Path)


def _judge(store: Store, name: str) -> Judge:
    found = find_judge(store, name)
    assert found is not None  # find_judge raises when required
    return found


@cli.command()
@click.argument("panel", type=FILE)
@click.option("--award", "award_id", required=True, help="The award whose entries to assign.")
@click.option("--per-entry", type=click.IntRange(min=1), required=True,
              help="How many judges should judge each entry.")
@click.option("--seed", type=int, default=None,
              help="Any number: the same seed gives the same assignment.")
@click.option("--round", "round_id", default=None,
              help="A later round of the award (its id): assign the entries promoted into it.")
def assign(panel: Path, award_id: str, per_entry: int, seed: int | None,
           round_id: str | None) -> None:
    """Assign each entry of an award to N judges, balancing workloads.

    Assignments already made are kept; only missing places are filled. Judges are never
    given an entry they are in conflict with.
    """
    from judgepanel.core.rounds import find_round

    with open_panel(panel) as store:
        if round_id is not None and not find_round(store, award_id, round_id).first:
            from judgepanel.core.round_packs import auto_assign_round

            loads = auto_assign_round(store, award_id, round_id, per_entry, seed=seed,
                                      who=login_name())
            click.echo(f"{award_id}: round '{round_id}' assigned")
            for name, count in loads.items():
                click.echo(f"  {name:<28} {count} entr{'y' if count == 1 else 'ies'}")
            return
        result = auto_assign(store, award_id, per_entry, seed=seed, who=login_name())
    click.echo(f"{award_id}: {len(result.added)} assignment(s) added, {result.kept} kept")
    for name, count in result.workload.items():
        click.echo(f"  {name:<28} {count} entr{'y' if count == 1 else 'ies'}")
    if not result.balanced:
        click.echo(f"note: workloads differ by {result.spread} (existing assignments or "
                   "conflicts prevent an even spread)")


@cli.command()
@click.argument("panel", type=FILE)
@click.option("--judge", "judge_name", required=True, help="The judge's name.")
@click.option("--entry", "entry_id", required=True, help="The entry's id from the export.")
@click.option("--reason", default="", help="Why, e.g. 'works in the same trust'.")
@click.option("--remove", is_flag=True, help="Withdraw a conflict recorded in error.")
@passphrase_file_option
def conflict(panel: Path, judge_name: str, entry_id: str, reason: str, remove: bool,
             passphrase_file: Path | None) -> None:
    """Record a judge's conflict of interest with an entry (or withdraw it with --remove).

    The judge loses that entry's assignment and their scores for it never count. PANEL may
    be a judge's pack: the judge then declares the conflict themselves, their scores and
    comments for the entry are removed from the pack, and the merge carries the declaration.
    """
    key = file_key(panel, passphrase_file)
    if key is None:
        check_sqlite_file(panel)
    if file_kind(panel, key) == PACK:
        _declare_in_pack(panel, judge_name, entry_id, reason, remove, key)
        return
    with open_panel(panel) as store:
        judge = _judge(store, judge_name)
        if remove:
            remove_conflict(store, judge, entry_id, who=login_name())
            click.echo(f"conflict removed: {judge.name} and {entry_id}")
        else:
            recorded = record_conflict(store, judge, entry_id, reason, who=login_name())
            click.echo(f"conflict recorded: {judge.name} and {entry_id}")
            if recorded.scores_no_longer_counted:
                click.echo(f"{judge.name}'s {recorded.scores_no_longer_counted} score(s) for "
                           f"{entry_id} no longer count")


def _declare_in_pack(path: Path, judge_name: str, entry_id: str, reason: str,
                     remove: bool, key: FileKey | None = None) -> None:
    """A judge's own declaration, made in their pack (the CLI twin of the window's button)."""
    if remove:
        raise JudgePanelError(f"{path}: a declaration in a pack is withdrawn by the "
                              "coordinator on the panel (conflict PANEL --remove)")
    with open_pack(path, key) as store:
        judging = Judging.for_pack(store)
        own = store.meta("judge_name") or ""
        if " ".join(judge_name.split()).casefold() != own.casefold():
            raise JudgePanelError(f"{path}: this is {own}'s pack, not {judge_name}'s")
        judging.declare_conflict(entry_id, reason)
    click.echo(f"conflict declared in {path.name}: {own} and {entry_id}; it reaches the panel "
               "when the pack is merged")


@cli.command()
@click.argument("panel", type=FILE)
@click.option("--judge", "judge_name", help="The judge whose pack to make.")
@click.option("--all", "every_judge", is_flag=True,
              help="Make a pack for every judge; -o is then a folder.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The .judgepack file to write (a folder with --all).")
@click.option("--overwrite", is_flag=True, help="Replace pack files that already exist.")
@click.option("--passphrase-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Encrypt with the passphrase on this file's first line (default: a "
                   "generated passphrase, printed once).")
@click.option("--no-encrypt", is_flag=True,
              help="Make a plain pack (for programmes that choose not to encrypt).")
@click.option("--expires", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="YYYY-MM-DD: after this date the judge can only return the pack.")
@click.option("--award", "award_id", default=None,
              help="With --round: the award whose round the pack is for.")
@click.option("--round", "round_id", default=None,
              help="A later round (its id, with --award, and --judge or --all): the judge's "
                   "pack for it, or one for every judge assigned in it.")
@click.option("--slips", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a PDF with one printable passphrase slip per judge.")
def pack(panel: Path, judge_name: str | None, every_judge: bool, output: Path,
         overwrite: bool, passphrase_file: Path | None, no_encrypt: bool,
         expires: datetime | None, award_id: str | None, round_id: str | None,
         slips: Path | None) -> None:
    """Make a judge's pack: their assigned entries, the awards and their own earlier scores.

    Packs are encrypted by default: with the passphrase from --passphrase-file or
    JUDGEPANEL_PASSPHRASE, else each gets a generated passphrase of several words, printed
    once, to hand to the judge separately from the file (the panel keeps each pack's key,
    so merging asks nothing).
    """
    if bool(judge_name) == every_judge:
        raise click.UsageError("give either --judge NAME or --all")
    if no_encrypt and (passphrase_file or slips):
        raise click.UsageError("--no-encrypt makes a plain pack: it takes no --passphrase-file "
                               "or --slips")
    secret: str | None = None if no_encrypt else (
        read_passphrase_file(passphrase_file) if passphrase_file
        else os.environ.get(ENV, "").strip())
    until = expires.date() if expires else None
    if round_id is not None and every_judge and _round_packs(
            panel, award_id, round_id, output, overwrite, secret, until, slips,
            shown=not passphrase_file and not os.environ.get(ENV)):
        return
    if round_id is not None and judge_name and _round_pack(
            panel, award_id, round_id, judge_name, output, overwrite, secret, until, slips):
        return
    with open_panel(panel) as store:
        panel_title = store.title
        if every_judge:
            everyone = list_judges(store)
            if not everyone:
                raise JudgePanelError(f"{panel}: the panel has no judges yet; add judges "
                                      "first (judgepanel judge add)")
            output.mkdir(parents=True, exist_ok=True)
            if secret:  # one typed passphrase for every pack
                made = [make_pack(store, judge, output / name, who=login_name(),
                                  overwrite=overwrite, passphrase=secret, expires=until)
                        for judge, name in pack_names(everyone)]
            else:
                made = make_packs(store, everyone, output, overwrite=overwrite,
                                  who=login_name(), encrypt=secret is not None,
                                  expires=until)
        else:
            if output.suffix.lower() != ".judgepack":
                raise JudgePanelError(f"{output}: a judge pack's name ends in .judgepack")
            made = [make_pack(store, _judge(store, judge_name or ""), output,
                              who=login_name(), overwrite=overwrite, passphrase=secret,
                              expires=until)]
    for summary in made:
        click.echo(f"{summary.path}: {summary.judge}, {summary.entries} entries, "
                   f"{summary.scores} earlier score(s)"
                   f"{', encrypted' if summary.passphrase else ', not encrypted'}"
                   f"{f', expires {summary.expires}' if summary.expires else ''}")
        if summary.passphrase and not passphrase_file and not os.environ.get(ENV):
            click.echo(f"passphrase for {summary.judge}: {summary.passphrase}")
            click.echo("  (shown once: give it to the judge separately from the file)")
        if not summary.entries:
            click.echo(f"note: {summary.judge} has no entries assigned yet, so this pack is "
                       "empty (judgepanel assign first)")
    if slips is not None:
        from judgepanel.core.reports.passphrase_slips import Slip, write_passphrase_slips

        write_passphrase_slips([Slip(s.judge, panel_title, s.path.name, s.passphrase,
                                     s.expires) for s in made], slips)
        click.echo(f"{slips}: {len(made)} passphrase slip(s) to print and hand over apart "
                   "from the packs")


def _round_packs(panel: Path, award_id: str | None, round_id: str, folder: Path,
                 overwrite: bool, secret: str | None, until: date | None, slips: Path | None,
                 shown: bool) -> bool:
    """`pack --all --round`: a pack for every judge assigned in a later round
    (core/round_packs.py); False for the award's first round, whose packs are the ordinary
    ones."""
    from judgepanel.core.round_pack_sets import make_round_packs
    from judgepanel.core.rounds import find_round

    if not award_id:
        raise click.UsageError("--round needs --award AWARD")
    with open_panel(panel) as store:
        found = find_round(store, award_id, round_id)
        if found.first:
            return False
        folder.mkdir(parents=True, exist_ok=True)
        made = make_round_packs(store, award_id, round_id, folder, who=login_name(),
                                overwrite=overwrite, passphrase=secret, expires=until)
        title = store.title
    kind = " (qualifying)" if found.kind == "qualifying" else ""
    for summary in made:
        click.echo(f"{summary.path}: {summary.judge}, round '{found.id}'{kind}, "
                   f"{summary.entries} entries, "
                   f"{'encrypted' if summary.passphrase else 'not encrypted'}"
                   f"{f', expires {summary.expires}' if summary.expires else ''}")
        if summary.passphrase and shown:
            click.echo(f"passphrase for {summary.judge}: {summary.passphrase}")
            click.echo("  (shown once: give it to the judge separately from the file)")
    if slips is not None:
        from judgepanel.core.reports.passphrase_slips import Slip, write_passphrase_slips

        write_passphrase_slips([Slip(s.judge, title, s.path.name, s.passphrase, s.expires)
                                for s in made], slips)
        click.echo(f"{slips}: {len(made)} passphrase slip(s) to print and hand over apart "
                   "from the packs")
    return True


def _round_pack(panel: Path, award_id: str | None, round_id: str, judge_name: str | None,
                output: Path, overwrite: bool, secret: str | None = None,
                until: date | None = None, slips: Path | None = None) -> bool:
    """`pack --round`: one judge's pack for a later round (core/round_packs.py); False for
    the award's first round, whose packs are the ordinary ones."""
    from judgepanel.core.qualifying_packs import is_qualifying, make_qualifying_pack
    from judgepanel.core.round_packs import round_pack
    from judgepanel.core.rounds import find_round

    if not award_id or not judge_name:
        raise click.UsageError("--round needs --award AWARD and --judge NAME")
    if output.suffix.lower() != ".judgepack":
        raise JudgePanelError(f"{output}: a judge pack's name ends in .judgepack")
    with open_panel(panel) as store:
        if find_round(store, award_id, round_id).first:
            return False
        judge = _judge(store, judge_name)
        if is_qualifying(store, award_id, round_id):  # pass or fail: core/qualifying_packs.py
            voting = make_qualifying_pack(store, award_id, round_id, judge, output,
                                          who=login_name(), overwrite=overwrite,
                                          passphrase=secret, expires=until)
            made_pack = voting.summary(judge.id)
            earlier, kind = f"{voting.votes} earlier vote(s)", " (qualifying)"
        else:
            made_pack = round_pack(store, award_id, round_id, judge, output,
                                   who=login_name(), overwrite=overwrite, passphrase=secret,
                                   expires=until)
            earlier, kind = f"{made_pack.scores} earlier score(s)", ""
        title = store.title
    click.echo(f"{output}: {judge.name}, round '{round_id}'{kind}, {made_pack.entries} "
               f"entries, {earlier}, "
               f"{'encrypted' if secret is not None else 'not encrypted'}"
               f"{f', expires {made_pack.expires}' if made_pack.expires else ''}")
    if made_pack.passphrase and secret == "":
        click.echo(f"passphrase for {judge.name}: {made_pack.passphrase}")
        click.echo("  (shown once: give it to the judge separately from the file)")
    if slips is not None:
        from judgepanel.core.reports.passphrase_slips import Slip, write_passphrase_slips

        write_passphrase_slips([Slip(judge.name, title, output.name, made_pack.passphrase,
                                     made_pack.expires)], slips)
        click.echo(f"{slips}: 1 passphrase slip to print and hand over apart from the pack")
    return True


@cli.command()
@click.argument("panel", type=FILE)
@click.argument("packs", type=FILE, nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Check the packs and report; change nothing.")
def merge(panel: Path, packs: tuple[Path, ...], dry_run: bool) -> None:
    """Merge returned judge packs into the panel (all or nothing; safe to repeat).

    Prints one line per file: new, changed and unchanged scores. If any file is refused,
    nothing is merged: each file's line says what it would have done or why it was refused.
    """
    with open_panel(panel) as store:
        if dry_run:
            results = check_packs(store, list(packs))
            refusal = "some packs would be refused (see above)" \
                if any(not r.ok for r in results) else ""
        else:
            run = merge_returned_packs(store, list(packs), who=login_name())
            results, refusal = run.results, run.refusal
    held_back = bool(refusal) and not dry_run  # a good file in a refused run merged nothing
    for result in results:
        click.echo(result.line() + ("; not merged" if held_back and result.ok else ""))
    if refusal:
        raise JudgePanelError(refusal)


@cli.group()
def scores() -> None:
    """Score sheets in and out: CSV or XLSX with entry, judge, section, score, comment."""


@scores.command("import")
@click.argument("panel", type=FILE)
@click.argument("file", type=FILE)
@passphrase_file_option
@click.option("--award", "award_id", default=None, help="The award the sheet's entries are in.")
@click.option("--round", "round_id", default=None,
              help="The round the scores are for (its id); default: each award's current "
                   "round.")
def scores_import(panel: Path, file: Path, passphrase_file: Path | None,
                  award_id: str | None, round_id: str | None) -> None:
    """Import scores from a CSV or XLSX sheet into a panel or a judge's pack (all or nothing).

    On a panel an unknown judge is added; on a pack every row must be the pack's judge's.
    Scores for an award in a later scored round go into that round (its assigned judges, its
    sections, the round open).
    """
    from judgepanel.core.round_sheets import import_round_scores, sheet_round

    with open_file(panel, passphrase_file) as store:
        later = sheet_round(store, file, award_id, round_id)
        result = (import_round_scores(store, file, later, who=login_name()) if later
                  else import_scores(store, file, who=login_name()))
    for line in result.lines():
        click.echo(line)


@scores.command("export")
@click.argument("panel", type=FILE)
@click.option("-o", "--output", type=FILE, required=True,
              help="The .csv or .xlsx file to write.")
@passphrase_file_option
@click.option("--award", "award_id", default=None,
              help="Only this award's scores, in its current round unless --round says.")
@click.option("--round", "round_id", default=None, help="The round whose scores to export.")
def scores_export(panel: Path, output: Path, passphrase_file: Path | None,
                  award_id: str | None, round_id: str | None) -> None:
    """Export every score that counts to CSV or XLSX, for spreadsheets (with --award or
    --round: one round's scores, with a round column)."""
    from judgepanel.core.round_sheets import export_round_scores

    with open_file(panel, passphrase_file) as store:
        count = (export_round_scores(store, output, award_id, round_id)
                 if award_id is not None or round_id is not None
                 else export_scores(store, output))
    click.echo(f"{output}: {count} score(s)")

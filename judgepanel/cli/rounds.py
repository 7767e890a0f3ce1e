"""Commands for judging rounds: rounds, round add, round close, promote, withdraw, consensus.

An award with no rounds declared is one scored round (id `judging`); these commands add the
later rounds, move entries into them with a reason, and record what the panel agrees in the
room. docs/rounds.md walks through a shortlisting round and a consensus final.
"""

from __future__ import annotations

from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.cli.panel_room import PANEL_FILE, _emit_json, who_acts
from judgepanel.core.awards import panel_award
from judgepanel.core.consensus import record_consensus
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import PLACEMENT_LABELS
from judgepanel.core.panel import open_panel
from judgepanel.core.promotion import promote, withdraw
from judgepanel.core.round_definitions import KINDS, RoundSpec, check_pass_rule
from judgepanel.core.round_results import RoundResult, final_result
from judgepanel.core.rounds import add_round, close_round, rounds_summary
from judgepanel.core.tomlfiles import read_toml


@cli.command(name="rounds")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("--json", "as_json", is_flag=True, help="Print the rounds as JSON.")
def rounds_command(panel: Path, award_id: str, as_json: bool) -> None:
    """An award's rounds: ids, names, kinds, state and the entries in each, then the final
    result (the last round, or the weighted rounds) with each entry's path."""
    with open_panel(panel) as store:
        found = rounds_summary(store, award_id)
        final = final_result(store, award_id) if len(found) > 1 else []
    if as_json:
        _emit_json({"award": award_id, "rounds": found, "final": final})
        return
    click.echo(f"{award_id}: {len(found)} round(s)")
    click.echo(f"{'':2}{'#':>2}  {'id':<16} {'kind':<11} {'state':<7} {'entries':>7}  name")
    for row in found:
        mark = "▶" if row["current"] else " "
        click.echo(f"{mark:2}{row['position']:>2}  {row['id']:<16} {row['kind']:<11} "
                   f"{row['state']:<7} {row['entries']:>7}  {row['name']}")
    if final:
        click.echo("final result:")
        for line in final:
            rank = line["rank"] if line["rank"] is not None else "–"
            score = "–" if line["score"] is None else f"{line['score']:.1f}"
            click.echo(f"  {rank:>3}  {line['entry']:<10} {score:>6}  {line['path']}")


@cli.group(name="round")
def round_group() -> None:
    """Add or close an award's rounds."""


@round_group.command(name="add")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("--id", "round_id", required=True, help="The new round's id (e.g. final).")
@click.option("--name", required=True, help="The round's name (e.g. \"Final\").")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="How it is judged.")
@click.option("--sections", "sections_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="A TOML file of [[sections]] of the round's own.")
@click.option("--weight", type=float, default=None,
              help="The round's weight in the final result (combined with other rounds).")
@click.option("--pass-rule", default=None, metavar="all|majority|N",
              help="A qualifying round's rule: every judge, a majority, or at least N passes.")
@click.option("--by", "who", default=None, help="Who adds it (default: your login name).")
def round_add(panel: Path, award_id: str, round_id: str, name: str, kind: str,
              sections_file: Path | None, weight: float | None, pass_rule: str | None,
              who: str | None) -> None:
    """Add a round after the award's last one."""
    sections = None
    if sections_file is not None:
        raw = read_toml(sections_file, "sections file")
        tables = raw.get("sections")
        if not isinstance(tables, list) or not tables:
            raise JudgePanelError(f"{sections_file}: sections: the file needs at least one "
                                  "[[sections]] table")
        sections = tuple(tables)
    rule = check_pass_rule(pass_rule, "--pass-rule") if pass_rule is not None else ""
    with open_panel(panel) as store:
        added = add_round(store, award_id, RoundSpec(round_id, name, kind, sections, weight,
                                                     rule), who=who_acts(who))
    click.echo(f"{award_id}: round {added.position + 1} '{added.id}' ({added.name}, "
               f"{added.kind}) added")


@round_group.command(name="close")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("--round", "round_id", required=True, help="The round to close (its id).")
@click.option("--by", "who", default=None, help="Who closes it (default: your login name).")
def round_close(panel: Path, award_id: str, round_id: str, who: str | None) -> None:
    """Close a round: its packs are refused at merge from now on."""
    with open_panel(panel) as store:
        closed = close_round(store, award_id, round_id, who=who_acts(who))
    click.echo(f"{award_id}: round '{closed.id}' ({closed.name}) closed")


@cli.command(name="promote")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("--to", "to_round", required=True, help="The round the entries move into.")
@click.option("--top", type=int, default=None, help="The top N of the round before.")
@click.option("--min-score", type=float, default=None,
              help="Every entry with at least this score in the round before.")
@click.option("--entry", "entries", multiple=True, help="An entry chosen by the chair "
              "(repeat for more); also adds an entry by hand.")
@click.option("--reason", required=True, help="Why (recorded in the audit log).")
@click.option("--by", "who", default=None, help="Who decides (default: your login name).")
def promote_command(panel: Path, award_id: str, to_round: str, top: int | None,
                    min_score: float | None, entries: tuple[str, ...], reason: str,
                    who: str | None) -> None:
    """Move entries into a round: by --top N, --min-score X or --entry ID (with none, the
    qualifying rule of a qualifying round before)."""
    with open_panel(panel) as store:
        moved = promote(store, award_id, to_round, reason, who=who_acts(who), top=top,
                        min_score=min_score, entries=list(entries) or None)
    if moved:
        click.echo(f"{award_id}: {len(moved)} entr{'y' if len(moved) == 1 else 'ies'} "
                   f"promoted to '{to_round}': {', '.join(moved)}")
    else:
        click.echo(f"{award_id}: nothing new to promote to '{to_round}' (already there)")


@cli.command(name="withdraw")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("--round", "round_id", required=True, help="The round (its id).")
@click.option("--entry", "entry_id", required=True, help="The entry to withdraw.")
@click.option("--reason", required=True, help="Why (recorded in the audit log).")
@click.option("--by", "who", default=None, help="Who decides (default: your login name).")
def withdraw_command(panel: Path, award_id: str, round_id: str, entry_id: str, reason: str,
                     who: str | None) -> None:
    """Withdraw an entry from a round, with a reason."""
    with open_panel(panel) as store:
        withdraw(store, award_id, round_id, entry_id, reason, who=who_acts(who))
    click.echo(f"{award_id}: entry '{entry_id}' withdrawn from round '{round_id}'")


@cli.command(name="consensus")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("--round", "round_id", required=True, help="The consensus round (its id).")
@click.option("--entry", "entry_id", required=True, help="The entry.")
@click.option("--section", "section_id", required=True, help="The section (its id).")
@click.option("--score", type=float, required=True, help="The panel's agreed score.")
@click.option("--note", default=None, help="The panel's note on the entry.")
@click.option("--by", "who", default=None, help="Who records it (default: your login name).")
def consensus_command(panel: Path, award_id: str, round_id: str, entry_id: str,
                      section_id: str, score: float, note: str | None,
                      who: str | None) -> None:
    """Record the panel's agreed score for one section of an entry in a consensus round."""
    with open_panel(panel) as store:
        panel_award(store, award_id)
        record_consensus(store, award_id, round_id, entry_id, section_id, score, note,
                         who=who_acts(who))
    click.echo(f"{entry_id}: {section_id} agreed at {score:g} in round '{round_id}'")


def print_round_result(result: RoundResult) -> None:
    """A later round's table, as `rank --round` prints it."""
    found = result.round
    click.echo(f"{result.award}: round '{found.id}' ({found.name}, {found.kind}, "
               f"{found.state}), ranked by {result.method}")
    if found.kind == "qualifying":
        click.echo(f"{'rank':>4}  {'entry':<10} {'passes':>6} {'fails':>5}  through  title")
        for x in result.lines:
            through = "yes" if x.goes_through else "no"
            click.echo(f"{x.rank if x.rank is not None else '–':>4}  {x.entry:<10} "
                       f"{x.passes or 0:>6} {x.fails or 0:>5}  {through:<7}  {x.title}")
    else:
        click.echo(f"{'rank':>4}  {'entry':<10} {'score':>6} {'judges':>6}  "
                   f"{'placement':<16} {'flags':<10} title")
        for x in result.lines:
            score = "–" if x.score is None else f"{x.score:.1f}"
            placement = PLACEMENT_LABELS.get(x.placement or "", "")
            click.echo(f"{x.rank if x.rank is not None else '–':>4}  {x.entry:<10} "
                       f"{score:>6} {x.judges:>6}  {placement:<16} {', '.join(x.flags):<10} "
                       f"{x.title}")
    if not result.lines:
        click.echo("(no entries in this round yet: promote some with judgepanel promote)")

"""Commands for the panel room: rank, stats, decide, override, tiebreak, settings, audit."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from judgepanel.cli import cli
from judgepanel.core.award_results import award_results
from judgepanel.core.awards import panel_award
from judgepanel.core.moderation import (
    PLACEMENT_LABELS,
    PLACEMENTS,
    audit_log,
    check_history,
    decide,
    override_score,
    record_tie_break,
    set_award_settings,
    verify_panel,
    withdraw_override,
)
from judgepanel.core.panel import open_panel
from judgepanel.core.ranking import METHOD_LABELS, METHODS, Ranking
from judgepanel.core.stats import plain_reading
from judgepanel.core.totals import award_settings

PANEL_FILE = click.Path(dir_okay=False, path_type=Path)
Command = TypeVar("Command", bound=Callable[..., Any])


def _emit_json(value: object) -> None:
    """JSON for scripts: never NaN or Infinity (not JSON), so a bad number fails loudly."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False))


def who_acts(given: str | None = None) -> str:
    """Who is recorded in the audit log: the name given with --by, else the login name."""
    if given is not None:
        return given
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account, a container)
        return ""


def _reason_and_by(reason: str, by: str) -> Callable[[Command], Command]:
    """The --reason and --by options every recorded panel decision takes."""
    def add(command: Command) -> Command:
        command = click.option("--by", "who", default=None, help=by)(command)
        return click.option("--reason", required=True, help=reason)(command)
    return add


def _number(value: float | None, places: int = 1) -> str:
    return "–" if value is None else f"{value:.{places}f}"


def long_date(stamp: str) -> str:
    """An ISO time as the UK reads it: 22 November 2026, 14:05 UTC."""
    when = datetime.fromisoformat(stamp)
    return f"{when.day} {when:%B %Y}, {when:%H:%M} UTC"


def _print_ranking(ranking: Ranking) -> None:
    click.echo(f"{ranking.award}: ranked by {METHOD_LABELS[ranking.method]} "
               f"(--method {ranking.method})")
    scored = any(row.rank is not None for row in ranking.entries)
    design = ("no scores yet" if not scored else "connected" if ranking.connected
              else "NOT connected (see the notes below)")
    click.echo(f"design: {design}; tie-break order: " + ", ".join(ranking.tie_break))
    click.echo(f"{'rank':>4}  {'entry':<10} {'score':>6} {'mean':>6} {'median':>6} {'SD':>5} "
               f"{'judges':>6}  {'placement':<16} {'flags':<24} title")
    overridden = False
    for row in ranking.entries:
        mark = "*" if row.override is not None else " "
        overridden |= row.override is not None
        placement = PLACEMENT_LABELS.get(row.placement or "", "")
        click.echo(f"{row.rank if row.rank is not None else '–':>4}  {row.entry:<10} "
                   f"{_number(row.score):>6}{mark}{_number(row.mean):>6} "
                   f"{_number(row.median):>6} {_number(row.sd):>5} {row.judges:>6}  "
                   f"{placement:<16} {', '.join(row.flags):<24} {row.title}")
    if not ranking.entries:
        click.echo("(no entries in this award yet)")
    if overridden:
        click.echo("* moderated score; the computed score is in --json as computed_score")
    if any(row.bias_score is not None for row in ranking.entries):
        click.echo("bias-corrected score ± standard error; ≈ too close to separate from the "
                   "entry next to it:")
        for row in ranking.entries:
            if row.bias_score is not None:
                mark = " ≈ " + ", ".join(row.too_close) if row.too_close else ""
                click.echo(f"  {row.entry:<10} {row.bias_score:6.1f} ±"
                           f"{_number(row.bias_se)}{mark}")
    for note in ranking.notes[1:]:
        if note != ranking.design.get("warning"):  # said once, as a warning, below
            click.echo(f"note: {note}")
    if ranking.design.get("warning"):
        click.echo(f"WARNING: {ranking.design['warning']}")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award to rank (its id).")
@click.option("--method", type=click.Choice(METHODS), default=None,
              help="How the judges' totals are combined; default: the award's own (bias).")
@click.option("--sensitivity", "show_sensitivity", is_flag=True,
              help="Show each entry's rank under every method instead.")
@click.option("--round", "round_id", default=None,
              help="The round to rank (its id); default: the award's current round.")
@click.option("--json", "as_json", is_flag=True, help="Print the ranking as JSON.")
def rank(panel: Path, award_id: str, method: str | None, show_sensitivity: bool,
         round_id: str | None, as_json: bool) -> None:
    """Rank an award's entries, with flags, placements and moderated scores."""
    from judgepanel.core.round_results import round_result
    from judgepanel.core.rounds import find_round

    with open_panel(panel) as store:
        found = find_round(store, award_id, round_id)
        if not (found.first and found.kind == "scored"):
            from judgepanel.cli.rounds import print_round_result

            later = round_result(store, award_id, found.id)
            if as_json:
                _emit_json(later.as_json())
            else:
                print_round_result(later)
            return
        results = award_results(store, award_id)
        ranking = results.ranking(method)
    if not show_sensitivity:
        if as_json:
            shown = ranking.as_json()
            shown["round"] = found.id
            for row in shown["entries"]:
                row["round"] = found.id
            _emit_json(shown)
        else:
            _print_ranking(ranking)
        return
    table, k, changes = results.sensitivity, results.places, results.top_places_change
    if as_json:
        _emit_json({"award": award_id, "places": k, "top_places_change": changes,
                    "ranks": table})
        return
    click.echo(f"{award_id}: rank of each entry under every method (computed, no overrides)")
    click.echo(f"{'entry':<10} " + " ".join(f"{m:>8}" for m in METHODS))
    for row in ranking.entries:
        ranks = table[row.entry]
        click.echo(f"{row.entry:<10} " + " ".join(
            f"{ranks[m] if ranks[m] is not None else '–':>8}" for m in METHODS))
    click.echo(f"the top {k} places " + ("CHANGE between methods: look before deciding"
                                         if changes else "are the same under every method"))


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award to analyse (its id).")
@click.option("--round", "round_id", default=None,
              help="The round to analyse (its id); default: the award's current round.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def stats(panel: Path, award_id: str, round_id: str | None, as_json: bool) -> None:
    """How reliable the panel was: agreement, judge bias and disagreement flags."""
    from judgepanel.core.round_results import round_stats

    with open_panel(panel) as store:
        found = round_stats(store, award_id, round_id)
    if as_json:
        _emit_json(found)
        return
    _print_stats(found)


def _print_stats(found: dict[str, Any]) -> None:
    if found.get("kind") in ("consensus", "qualifying"):
        what = ("one agreed score per entry" if found["kind"] == "consensus"
                else "passes and fails")
        click.echo(f"{found['award']}: round '{found['round']}' is a {found['kind']} round "
                   f"({what}): there are no judges' totals to compare; "
                   f"{found['entries']} entries have a result")
        return
    if not found["scores"]:
        click.echo(f"{found['award']}: no scores yet, so nothing to measure; merge the "
                   "judges' returned packs first (judgepanel merge)")
        return
    alpha = found["alpha_interval"]
    click.echo(f"{found['award']}: {found['entries']} entries, {found['judges']} judges, "
               f"{found['scores']} judge totals")
    click.echo(f"Krippendorff's alpha (interval): {_number(alpha, 3)}: {plain_reading(alpha)} "
               "(0.800 or more: agree well; 0.667 to 0.800: moderately; below: poorly)")
    if found["icc"]:
        icc = found["icc"]
        click.echo(f"{found['icc_basis']}: " + ", ".join(
            f"{key} {_number(value, 2)}" for key, value in icc.items()))
    else:
        click.echo(found["icc_basis"])
    click.echo("Kendall's W: " + (_number(found["kendall_w"], 3) if found["kendall_w"]
                                  is not None else "not available (not every judge scored "
                                  "every entry)"))
    click.echo("design: " + ("connected: judges' leniency is comparable across the panel"
                             if found["connected"] else "NOT connected: groups of judges share "
                             "no entry, so their leniency cannot be compared"))
    if found["judge_bias"]:
        judges = found.get("design", {}).get("judges", {})
        click.echo("judge bias (points on the 0–100 scale; + lenient, − harsh), ± its "
                   "standard error, and how well the design pins it down:")
        for name, value in sorted(found["judge_bias"].items(), key=lambda p: p[1]):
            how = judges.get(name, {})
            worth = how.get("comparisons")
            click.echo(f"  {value:+6.1f} ±{_number(how.get('leniency_se'))}  {name} "
                       f"({how.get('entries', 0)} entries, shared with "
                       f"{how.get('shares_with', 0)} judges; worth "
                       f"{_number(worth)} scores)")
    if found.get("design_warning"):
        click.echo(f"WARNING: {found['design_warning']}")
    click.echo(f"flags ({len(found['flags'])}, most important first):")
    for flag in found["flags"]:
        click.echo(f"  {flag['entry']:<10} {flag['flag']:<12} {flag['detail']}")


@cli.command(name="decide")
@click.argument("panel", type=PANEL_FILE)
@click.option("--entry", "entry_id", required=True, help="The entry's id.")
@click.option("--placement", type=click.Choice(PLACEMENTS), required=True,
              help="The placement the panel decided.")
@_reason_and_by("Why: recorded in the audit log.",
                "Who decided (default: your login name).")
def decide_command(panel: Path, entry_id: str, placement: str, reason: str,
                   who: str | None) -> None:
    """Record an entry's placement (winner, highly commended, finalist or none) with a reason."""
    with open_panel(panel) as store:
        decide(store, entry_id, placement, reason, who_acts(who))
    click.echo(f"{entry_id}: {PLACEMENT_LABELS[placement]} (recorded in the audit log)")


@cli.command(name="override")
@click.argument("panel", type=PANEL_FILE)
@click.option("--entry", "entry_id", required=True, help="The entry's id.")
@click.option("--score", "new_value", type=float, default=None,
              help="The moderated score on the 0–100 total scale.")
@click.option("--withdraw", is_flag=True,
              help="Withdraw the entry's moderated score instead (the record stays).")
@_reason_and_by("Why: recorded with the old and new values.",
                "Who decided (default: your login name).")
def override_command(panel: Path, entry_id: str, new_value: float | None, withdraw: bool,
                     reason: str, who: str | None) -> None:
    """Replace an entry's computed score with a moderated one; raw scores are kept."""
    if withdraw == (new_value is not None):
        raise click.UsageError("give either --score X or --withdraw")
    with open_panel(panel) as store:
        if withdraw:
            withdraw_override(store, entry_id, reason, who_acts(who))
        else:
            override_score(store, entry_id, float(new_value or 0.0), reason, who_acts(who))
    click.echo(f"{entry_id}: moderated score withdrawn" if withdraw
               else f"{entry_id}: moderated score {new_value:g} recorded")


@cli.command(name="tiebreak")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award of the tied entries.")
@click.option("--order", required=True,
              help="The tied entries' ids, best first, separated by commas.")
@_reason_and_by("How the panel decided (e.g. a show of hands).",
                "Who recorded it (default: your login name).")
def tiebreak_command(panel: Path, award_id: str, order: str, reason: str,
                     who: str | None) -> None:
    """Record a panel vote ordering tied entries (the `panel` step of the tie-break order)."""
    entries = [part.strip() for part in order.split(",") if part.strip()]
    with open_panel(panel) as store:
        record_tie_break(store, award_id, entries, reason, who_acts(who))
    click.echo(f"{award_id}: panel order recorded: {', '.join(entries)}")


@cli.command(name="settings")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award to change.")
@click.option("--set", "pairs", multiple=True, metavar="KEY=JSON",
              help='A setting and its JSON value, e.g. method="mean" or places=5; repeatable.')
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON.")
def settings_command(panel: Path, award_id: str, pairs: tuple[str, ...],
                     as_json: bool) -> None:
    """Show or change an award's results settings (method, tie-break order, flag thresholds)."""
    from judgepanel.core.errors import JudgePanelError

    changes: dict[str, Any] = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        try:
            changes[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            changes[key.strip()] = raw  # a bare word such as method=mean
        if not raw:
            raise JudgePanelError(f"--set {pair}: give KEY=VALUE")
    with open_panel(panel) as store:
        if changes:
            set_award_settings(store, award_id, who=who_acts(), **changes)
        current = award_settings(panel_award(store, award_id))
    if as_json:
        _emit_json(current)
        return
    for key, value in current.items():
        click.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}")


@cli.command(name="audit")
@click.argument("panel", type=PANEL_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print the log and its check as JSON.")
def audit_command(panel: Path, as_json: bool) -> None:
    """Show the audit log and check that nobody has edited its history."""
    with open_panel(panel) as store:
        log = audit_log(store)
        chain = check_history(store)
        problems = verify_panel(store)
        head = store.audit_head()
    if as_json:
        _emit_json({"intact": not problems, "chain_intact": not chain, "problems": problems,
                    "head": head, "records": log})
    else:
        for record in log:
            detail = record["detail"]
            text = json.dumps(detail, ensure_ascii=False) if isinstance(detail, dict) \
                else str(detail)
            click.echo(f"{record['id']:>5}  {long_date(record['at'])}  "
                       f"{record['who'] or '–':<12} {record['action']}: {text}")
        click.echo(f"{len(log)} records; " + ("the history is intact" if not problems
                                              else "THE HISTORY IS BROKEN"))
        click.echo(f"head: {head} (the fingerprint on the signed ranked report)")
    if problems:
        click.echo("WARNING: this panel's history has been changed outside JudgePanel:",
                   err=True)
        for problem in problems:
            click.echo(f"WARNING: {problem}", err=True)
        sys.exit(1)

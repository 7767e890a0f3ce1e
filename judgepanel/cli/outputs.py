"""Commands for what leaves the panel room: report, feedback, certificates, results export.

Each calls the same core operation as the Outputs page (core/outputs.py), which writes the
files whole and records them in the panel's audit log under the login name.
"""

from __future__ import annotations

from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.cli.panel_room import who_acts
from judgepanel.core.outputs import (
    write_certificate_files,
    write_entrant_feedback,
    write_ranked_report,
    write_results_sheet,
)
from judgepanel.core.panel import open_panel
from judgepanel.core.reports.model import PLACEMENTS

PANEL_FILE = click.Path(dir_okay=False, path_type=Path)


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write.")
@click.option("--award", "award_ids", multiple=True,
              help="Only this award (its id); repeat for several. Default: every award.")
def report(panel: Path, output: Path, award_ids: tuple[str, ...]) -> None:
    """Write the ranked report for the chair to sign and the board to accept (PDF)."""
    with open_panel(panel) as store:
        write_ranked_report(store, output, list(award_ids) or None, who_acts())
    click.echo(f"ranked report written to {output}")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder for the PDFs (made if missing).")
@click.option("--award", "award_ids", multiple=True, help="Only this award; repeatable.")
def feedback(panel: Path, output: Path, award_ids: tuple[str, ...]) -> None:
    """Write anonymised feedback for entrants: one PDF per scored entry, into a folder."""
    with open_panel(panel) as store:
        written = write_entrant_feedback(store, output, list(award_ids) or None, who_acts())
    click.echo(f"{len(written.files)} feedback files written to {output}")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="The PDF to write, or with --separate the folder for one file each.")
@click.option("--placement", type=click.Choice(PLACEMENTS),
              help="Only this placement. Default: every placed entry.")
@click.option("--award", "award_ids", multiple=True, help="Only this award; repeatable.")
@click.option("--separate", is_flag=True, help="One PDF per certificate, into a folder.")
@click.option("--design", type=click.Path(dir_okay=False, path_type=Path),
              help="A certificate design file (.toml); default: the built-in design.")
@click.option("--round", "round_id", default=None,
              help="Instead: a certificate for every entry promoted into this round "
                   "(\"Finalist\" for an award's last round, else the round's name).")
def certificates(panel: Path, output: Path, placement: str | None,
                 award_ids: tuple[str, ...], separate: bool, design: Path | None,
                 round_id: str | None) -> None:
    """Print certificates for the placed entries (A4 landscape, one page each), or with
    --round for everyone promoted into a round."""
    from judgepanel.core.reports.certificates import default_design, load_design

    if round_id is not None and placement is not None:
        raise click.UsageError("give either --placement or --round")
    chosen = load_design(design) if design else default_design()
    with open_panel(panel) as store:
        written = write_certificate_files(store, output, chosen, placement, separate,
                                          list(award_ids) or None, who_acts(),
                                          round_id=round_id)
    if separate:
        click.echo(f"{len(written.files)} certificates written to {output}")
    else:
        click.echo(f"certificates written to {output}")


@cli.command(name="results")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A .csv or .xlsx file.")
@click.option("--method", default=None, help="Ranking method; default: the award's own.")
@click.option("--round", "round_id", default=None,
              help="The round (its id); default: the award's current round.")
def results_export(panel: Path, award_id: str, output: Path, method: str | None,
                   round_id: str | None) -> None:
    """Export an award's ranked table (the `rank` columns and the round) to CSV or XLSX."""
    with open_panel(panel) as store:
        written = write_results_sheet(store, award_id, output, method, who_acts(),
                                      round_id=round_id)
    click.echo(f"{written.items} ranked entries written to {output}")

"""Commands for what leaves the panel room: report, feedback, certificates, results export."""

from __future__ import annotations

from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel import open_panel
from judgepanel.core.reports.model import PLACEMENTS

PANEL_FILE = click.Path(dir_okay=False, path_type=Path)


def _pdf_name(output: Path) -> None:
    """A PDF written under another name would not open where the user expects it."""
    if output.suffix.lower() != ".pdf":
        raise JudgePanelError(f"{output}: the output is a PDF, so give a name ending .pdf")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write.")
@click.option("--award", "award_ids", multiple=True,
              help="Only this award (its id); repeat for several. Default: every award.")
def report(panel: Path, output: Path, award_ids: tuple[str, ...]) -> None:
    """Write the ranked report for the chair to sign and the board to accept (PDF)."""
    from judgepanel.core.reports.gather import report_data
    from judgepanel.core.reports.ranked import write_report

    _pdf_name(output)
    with open_panel(panel) as store:
        data = report_data(store, list(award_ids) or None)
    write_report(data, output)
    click.echo(f"ranked report written to {output}")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder for the PDFs (made if missing).")
@click.option("--award", "award_ids", multiple=True, help="Only this award; repeatable.")
def feedback(panel: Path, output: Path, award_ids: tuple[str, ...]) -> None:
    """Write anonymised feedback for entrants: one PDF per scored entry, into a folder."""
    from judgepanel.core.reports.feedback import write_feedback
    from judgepanel.core.reports.gather import report_data

    with open_panel(panel) as store:
        data = report_data(store, list(award_ids) or None)
    written = write_feedback(data, output)
    click.echo(f"{len(written)} feedback files written to {output}")


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
def certificates(panel: Path, output: Path, placement: str | None,
                 award_ids: tuple[str, ...], separate: bool, design: Path | None) -> None:
    """Print certificates for the placed entries (A4 landscape, one page each)."""
    from judgepanel.core.reports.certificates import default_design, load_design, write_certificates
    from judgepanel.core.reports.gather import report_data

    if not separate:
        _pdf_name(output)
    chosen = load_design(design) if design else default_design()
    with open_panel(panel) as store:
        data = report_data(store, list(award_ids) or None)
    written = write_certificates(data, output, chosen, placement, separate)
    if separate:
        click.echo(f"{len(written)} certificates written to {output}")
    else:
        click.echo(f"certificates written to {output}")


@cli.command(name="results")
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", required=True, help="The award (its id).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A .csv or .xlsx file.")
@click.option("--method", default=None, help="Ranking method; default: the award's own.")
def results_export(panel: Path, award_id: str, output: Path, method: str | None) -> None:
    """Export an award's ranked table (the `rank` columns) to CSV or XLSX."""
    from judgepanel.core.ranking import rank_award
    from judgepanel.core.reports.exports import write_results

    with open_panel(panel) as store:
        ranking = rank_award(store, award_id, method)
    write_results(ranking, output)
    click.echo(f"{len(ranking.entries)} ranked entries written to {output}")

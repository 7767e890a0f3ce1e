"""Commands for nominees' personal data: which fields judges see, and the purge at the end."""

from __future__ import annotations

from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.cli.panel import emit_json, login_name
from judgepanel.core.judge_fields import choose_judge_fields
from judgepanel.core.panel import open_panel
from judgepanel.core.personal_data import purge_personal_data

FILE = click.Path(dir_okay=False, path_type=Path)


@cli.command()
@click.argument("panel", type=FILE)
@click.option("--award", "award_id", required=True, help="The award whose fields to choose.")
@click.option("--hide", multiple=True, metavar="FIELD",
              help="A field judges must not see (nominee, organisation or an extra field); "
                   "repeat for several.")
@click.option("--show", multiple=True, metavar="FIELD", help="A hidden field to show again.")
@click.option("--json", "as_json", is_flag=True, help="Print the fields as JSON.")
def fields(panel: Path, award_id: str, hide: tuple[str, ...], show: tuple[str, ...],
           as_json: bool) -> None:
    """Choose which of an award's entry fields go into judges' packs.

    Hidden fields never enter a pack (packs made from now on); the panel keeps them for the
    report, feedback and certificates. Hide nominee and organisation for anonymised judging:
    judges then see each entry by its id and title. The choice is recorded in the audit log.
    """
    with open_panel(panel) as store:
        chosen = choose_judge_fields(store, award_id, list(hide), list(show), who=login_name())
    if as_json:
        emit_json(chosen.as_json())
        return
    for name in chosen.fields:
        click.echo(f"{name:<32} {'hidden from judges' if name in chosen.hidden else 'shown'}")


@cli.command()
@click.argument("panel", type=FILE)
@click.option("--personal", is_flag=True, required=True,
              help="Remove nominees' personal data (required: says what is purged).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def purge(panel: Path, personal: bool, yes: bool) -> None:
    """Remove personal data once the programme is over; results and decisions stay.

    Empties nominees' names, organisations, e-mails, phones and the other personal fields,
    the original export rows, judges' e-mail addresses and attachments; anonymises the audit
    log (its chain still verifies) and records the purge; vacuums the file so the removed
    text is not left in it. The report can still be produced, anonymised. Cannot be undone.
    """
    if not yes:
        click.confirm(f"Remove all personal data from {panel.name}? This cannot be undone",
                      abort=True)
    with open_panel(panel) as store:
        result = purge_personal_data(store, who=login_name())
    for line in result.lines():
        click.echo(line)

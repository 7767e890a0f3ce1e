"""Commands for entries' supporting documents: list them, write one out."""

from __future__ import annotations

from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.cli.panel import PANEL_FILE, emit_json
from judgepanel.cli.passphrases import open_file, passphrase_file_option
from judgepanel.core.attachments import list_attachments, save_attachment
from judgepanel.core.document_types import problem_text


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB" if size else "0 KB"


@cli.command()
@click.argument("panel", metavar="PANEL_OR_PACK", type=PANEL_FILE)
@click.option("--entry", "entry_id", help="Only this entry's attachments.")
@click.option("--json", "as_json", is_flag=True, help="Print the attachments as JSON.")
@passphrase_file_option
def attachments(panel: Path, entry_id: str | None, as_json: bool,
                passphrase_file: Path | None) -> None:
    """List entries' attachments (name, type, size, pages) in a panel or a judge's pack."""
    with open_file(panel, passphrase_file) as store:
        found = list_attachments(store, entry_id)
    if as_json:
        emit_json(found)
        return
    for item in found:
        if item["url"]:
            click.echo(f"{item['entry']:<10} {item['name']}  link: {item['url']}")
            continue
        pages = f", {item['pages']} page(s)" if item["type"] == "pdf" and item["pages"] else ""
        note = f"  [{problem_text(item['status'])}]" if item["status"] != "ok" else ""
        click.echo(f"{item['entry']:<10} {item['name']}  ({item['type']}, "
                   f"{_size(item['bytes'])}{pages}){note}")
    click.echo(f"{len(found)} attachment(s)")


@cli.command()
@click.argument("panel", metavar="PANEL_OR_PACK", type=PANEL_FILE)
@click.option("--entry", "entry_id", required=True, help="The entry's id.")
@click.option("--name", "name", required=True, help="The attachment's name, as listed.")
@click.option("-o", "--output", "output", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The file to write.")
@passphrase_file_option
def attachment(panel: Path, entry_id: str, name: str, output: Path,
               passphrase_file: Path | None) -> None:
    """Write one attachment out to a file (checked against its SHA-256 first)."""
    with open_file(panel, passphrase_file) as store:
        save_attachment(store, entry_id, name, output)
    click.echo(f"wrote {output}")

"""Commands for the panel itself: awards, new, import, entries, judges, demo, open."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from judgepanel.cli import cli
from judgepanel.cli.passphrases import (
    ENV,
    file_key,
    open_file,
    passphrase_file_option,
    read_passphrase_file,
)
from judgepanel.core.awards import builtin_awards, panel_award, resolve_award
from judgepanel.core.entries import list_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import hold_key, is_encrypted, set_key_source
from judgepanel.core.judges import add_judge, edit_judge, find_judge, list_judges, remove_judge
from judgepanel.core.panel import create_panel, decrypt_panel, encrypt_panel, open_panel
from judgepanel.core.store import Store

PANEL_FILE = click.Path(dir_okay=False, path_type=Path)


def login_name() -> str:
    """Who is running the command, for the audit log's `who` (empty when unknown)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account, a container)
        return ""


def emit_json(value: object) -> None:
    """JSON for scripts: never NaN or Infinity (not JSON), so a bad number fails loudly."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False))


@cli.command()
@click.argument("file", type=PANEL_FILE)
@passphrase_file_option
def open(file: Path, passphrase_file: Path | None) -> None:  # noqa: A001 - called `open`
    """Open a .judgepanel or .judgepack in the application.

    An encrypted file opens with the passphrase from --passphrase-file or
    JUDGEPANEL_PASSPHRASE when given; otherwise the application asks for it in its window.
    """
    import os

    if passphrase_file is not None or os.environ.get(ENV, "").strip() \
            or not is_encrypted(file):
        key = file_key(file, passphrase_file)
        Store.open(file, key=key).close()  # refuse a bad file here, with the CLI's error line
        if key is not None:
            hold_key(file, key)  # the window opens it without asking again
    set_key_source(None)  # the application asks in its own window
    from judgepanel.gui.app import run_app

    sys.exit(run_app([str(file)]))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the awards as JSON.")
def awards(as_json: bool) -> None:
    """List the built-in awards: id, name and sections."""
    found = builtin_awards()
    if as_json:
        emit_json([award.as_json() for award in found])
        return
    for award in found:
        click.echo(f"{award.id}  {award.name}  (scale {award.scale.describe()})")
        for section in award.sections:
            click.echo(f"    {section.id:<4} {section.title}")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("--title", required=True, help="The panel's title, e.g. the programme and year.")
@click.option("--award", "award_specs", multiple=True, required=True,
              help="A built-in award id or an award .toml file; repeat for several.")
def new(panel: Path, title: str, award_specs: tuple[str, ...]) -> None:
    """Create a new panel file with the given awards."""
    if panel.suffix.lower() != ".judgepanel":
        raise JudgePanelError(f"{panel}: a panel's name ends in .judgepanel "
                              f"(e.g. {panel.stem or 'awards'}.judgepanel)")
    found = [resolve_award(spec) for spec in award_specs]
    create_panel(panel, title, found, who=login_name()).close()
    click.echo(f"created {panel} with {len(found)} award(s): "
               + ", ".join(a.id for a in found))


@cli.command(name="import")
@click.argument("panel", type=PANEL_FILE)
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--award", "award_id", help="Put every row in this award, ignoring categories.")
@click.option("--preset", type=click.Choice(
    ["generic", "awardforce", "submittable", "openwater", "evalato"]), default="generic",
    show_default=True, help="The entry platform the export came from.")
@click.option("--mapping", type=click.Path(dir_okay=False, path_type=Path),
              help="A MAPPING.toml saying which column is which.")
@click.option("--dry-run", is_flag=True, help="Report what would happen; change nothing.")
@click.option("--attachments", "attachments_from",
              type=click.Path(exists=True, path_type=Path), metavar="ZIP_OR_DIR",
              help="The entries' documents: a ZIP or folder with one folder per entry id.")
@click.option("--ignore-unmatched", is_flag=True,
              help="Skip attachment folders that name no entry (reported) instead of refusing.")
def import_(panel: Path, files: tuple[Path, ...], award_id: str | None, preset: str,
            mapping: Path | None, dry_run: bool, attachments_from: Path | None = None,
            ignore_unmatched: bool = False) -> None:
    """Import entries from CSV, XLSX or JSON exports (all or nothing).

    Give several FILES for an export split into parts (Award Force splits large exports);
    they are imported in order, and if any is refused none is imported.
    """
    from judgepanel.core.importing import import_files, import_with_attachments

    with open_panel(panel) as store:
        if attachments_from is None:
            results = import_files(store, list(files), award=award_id, preset=preset,
                                   mapping=mapping, dry_run=dry_run, who=login_name())
        else:
            results, documents = import_with_attachments(
                store, list(files), attachments_from, award=award_id, preset=preset,
                mapping=mapping, dry_run=dry_run, who=login_name(),
                ignore_unmatched=ignore_unmatched)
    for result in results:
        for line in result.report_lines():
            click.echo(line)
    if attachments_from is not None:
        for line in documents.report_lines():
            click.echo(line)


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("--award", "award_id", help="Only this award's entries.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@passphrase_file_option
def entries(panel: Path, award_id: str | None, as_json: bool,
            passphrase_file: Path | None) -> None:
    """List the entries of a panel or a judge pack (an encrypted pack with its passphrase)."""
    with open_file(panel, passphrase_file) as store:
        if award_id:
            panel_award(store, award_id)  # refuse an award the file does not have
        found = list_entries(store, award_id)
    if as_json:
        emit_json(found)
        return
    for entry in found:
        click.echo(f"{entry['entry']:<10} {entry['award']:<32} {entry['title']}"
                   f" ({entry['nominee']}, {entry['organisation']})")
    click.echo(f"{len(found)} entries")


@cli.group()
def judge() -> None:
    """Add, edit or remove a judge."""


@judge.command("add")
@click.argument("panel", type=PANEL_FILE)
@click.argument("name")
@click.option("--email", default="", help="The judge's e-mail address.")
@click.option("--role", type=click.Choice(["judge", "chair"]), default="judge",
              show_default=True, help="A chair also leads moderation.")
def judge_add(panel: Path, name: str, email: str, role: str) -> None:
    """Add a judge to the panel."""
    with open_panel(panel) as store:
        added = add_judge(store, name, email, role, who=login_name())
    click.echo(f"added judge {added.name}")


@judge.command("edit")
@click.argument("panel", type=PANEL_FILE)
@click.argument("name")
@click.option("--name", "new_name", help="A new name.")
@click.option("--email", help="A new e-mail address.")
@click.option("--role", type=click.Choice(["judge", "chair"]), help="A new role.")
def judge_edit(panel: Path, name: str, new_name: str | None, email: str | None,
               role: str | None) -> None:
    """Change a judge's name, e-mail or role."""
    with open_panel(panel) as store:
        found = find_judge(store, name)
        assert found is not None
        changed = edit_judge(store, found, new_name, email, role, who=login_name())
    click.echo(f"judge {changed.name}: {changed.email or 'no e-mail'}, {changed.role}")


@judge.command("remove")
@click.argument("panel", type=PANEL_FILE)
@click.argument("name")
def judge_remove(panel: Path, name: str) -> None:
    """Remove a judge who has not scored anything yet."""
    with open_panel(panel) as store:
        found = find_judge(store, name)
        assert found is not None
        remove_judge(store, found, who=login_name())
    click.echo(f"removed judge {found.name}")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print the judges as JSON.")
def judges(panel: Path, as_json: bool) -> None:
    """List the panel's judges."""
    with open_panel(panel) as store:
        found = list_judges(store)
    if as_json:
        emit_json([{"name": j.name, "email": j.email, "role": j.role} for j in found])
        return
    for j in found:
        click.echo(f"{j.name:<28} {j.email:<32} {j.role}")


@cli.command()
@click.option("--no-gui", is_flag=True,
              help="Do not open the application; also write the ranked report and the "
                   "certificates and print their paths.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="The folder for the demo panel (default: a demo folder in your user data).")
def demo(no_gui: bool, out: Path | None) -> None:
    """Build a ready demo panel (fictional entries, returned packs) and open it."""
    from platformdirs import user_data_path

    from judgepanel.core.demo import build_demo

    folder = out or user_data_path("JudgePanel", appauthor=False) / "demo"
    path = build_demo(folder)
    if not no_gui:
        from judgepanel.gui.app import run_app

        sys.exit(run_app([str(path)]))
    from judgepanel.core.reports.certificates import default_design, write_certificates
    from judgepanel.core.reports.gather import report_data
    from judgepanel.core.reports.ranked import write_report

    with open_panel(path) as store:
        data = report_data(store)
    report_path = folder / "ranked-report.pdf"
    certificates_path = folder / "certificates.pdf"
    write_report(data, report_path)
    write_certificates(data, certificates_path, default_design())
    for written in (path, report_path, certificates_path):
        click.echo(str(written))


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@click.option("--passphrase-file", "new_passphrase_file",
              type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help=f"Encrypt with the passphrase on this file's first line (or {ENV}; "
                   "default: a generated passphrase, printed once).")
def encrypt(panel: Path, new_passphrase_file: Path | None) -> None:
    """Encrypt a panel file in place with the coordinator's passphrase (SQLCipher, as packs).

    Close the panel in the application first. From then on every command needs the
    passphrase (--passphrase-file, JUDGEPANEL_PASSPHRASE or a prompt on a terminal).
    """
    import os

    from judgepanel.core.file_encryption import new_passphrase

    given = (read_passphrase_file(new_passphrase_file) if new_passphrase_file
             else os.environ.get(ENV, "").strip())
    secret = given or new_passphrase()
    encrypt_panel(panel, secret, who=login_name())
    click.echo(f"encrypted {panel}")
    if not given:
        click.echo(f"passphrase for {panel.name}: {secret}")
        click.echo("keep it safe: without it the panel cannot be opened; it is not shown again")


@cli.command()
@click.argument("panel", type=PANEL_FILE)
@passphrase_file_option
def decrypt(panel: Path, passphrase_file: Path | None) -> None:
    """Remove a panel's encryption: it becomes a plain file anyone with it can read."""
    decrypt_panel(panel, who=login_name())
    click.echo(f"decrypted {panel}: it is no longer encrypted")

"""The `judgepanel` command: the same operations as the application, for scripts and tests.

Each command group lives in its own module and registers itself on `cli`.
"""

from __future__ import annotations

import errno
import importlib
import sys
import warnings
from pathlib import Path

import click

from judgepanel import __version__
from judgepanel.core.errors import JudgePanelError

# Commands whose modules pull in heavy libraries (reportlab, openpyxl, the statistics) load on
# first use, so `judgepanel --version` and the application's start stay quick. A test checks
# that this table names every command its modules define.
LAZY_COMMANDS = {
    **dict.fromkeys(("assign", "conflict", "merge", "pack", "scores"), "packs"),
    **dict.fromkeys(("fields", "purge"), "personal_data"),
    **dict.fromkeys(("attachment", "attachments"), "attachments"),
    **dict.fromkeys(("certificates", "feedback", "report", "results"), "outputs"),
    **dict.fromkeys(("consensus", "promote", "round", "rounds", "withdraw"), "rounds"),
    **dict.fromkeys(("audit", "decide", "override", "rank", "settings", "stats", "tiebreak"),
                    "panel_room"),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            importlib.import_module(f"judgepanel.cli.{LAZY_COMMANDS[cmd_name]}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="judgepanel")
@click.option("--passphrase-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="A file whose first line is the passphrase of the encrypted panel (or "
                   "pack) the command reads; or set JUDGEPANEL_PASSPHRASE.")
@click.pass_context
def cli(ctx: click.Context, passphrase_file: Path | None) -> None:
    """JudgePanel: offline judging panels for awards. With no command, opens the application."""
    if ctx.invoked_subcommand is not None:
        from judgepanel.cli.passphrases import start_command

        start_command(passphrase_file)
    if ctx.invoked_subcommand is None:
        from judgepanel.gui.app import run_app

        sys.exit(run_app([]))


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    click.echo(f"warning: {message}", err=True)


def main() -> None:
    """Entry point: bad input becomes one `error:` line and exit status 1, never a traceback."""
    warnings.showwarning = _show_warning
    try:
        status = cli.main(standalone_mode=False)
        if isinstance(status, int) and status:
            sys.exit(status)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except JudgePanelError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            click.echo(f"error: no space left on device while writing {exc.filename or 'a file'}",
                       err=True)
        elif exc.errno == errno.EROFS or (exc.errno == errno.EACCES and exc.filename):
            folder = Path(str(exc.filename)).parent if exc.filename else "the folder"
            click.echo(f"error: {where}the folder {folder} is read-only (or the file is); "
                       "nothing was written", err=True)
        else:
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)


# The light commands register at once (imported for their side effect on `cli`).
from judgepanel.cli import panel as _panel  # noqa: E402,F401

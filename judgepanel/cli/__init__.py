"""The `judgepanel` command: the same operations as the application, for scripts and tests.

Each command group lives in its own module and registers itself on `cli`.
"""

from __future__ import annotations

import sys
import warnings

import click

from judgepanel import __version__
from judgepanel.core.errors import JudgePanelError


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="judgepanel")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """JudgePanel: offline judging panels for awards. With no command, opens the application."""
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
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)


# Register the command groups (imported for their side effect on `cli`).
from judgepanel.cli import loop as _loop  # noqa: E402,F401
from judgepanel.cli import outputs as _outputs  # noqa: E402,F401
from judgepanel.cli import panel as _panel  # noqa: E402,F401
from judgepanel.cli import results as _results  # noqa: E402,F401

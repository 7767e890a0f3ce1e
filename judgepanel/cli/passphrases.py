"""Where the command line gets an encrypted file's passphrase: --passphrase-file, the
JUDGEPANEL_PASSPHRASE environment variable, this computer's keyring, or a hidden prompt on
a terminal; never a plain command-line argument (it would show in the process list)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import (
    FileKey,
    forget_keys,
    is_encrypted,
    key_for_file,
    remembered_key,
    set_key_source,
)
from judgepanel.core.store import Store

ENV = "JUDGEPANEL_PASSPHRASE"

CHOSEN = "judgepanel.passphrase_file"  # where in click's context the chosen file is kept


def _choose(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """Keep the passphrase file for every encrypted file this command opens (`key_source`)."""
    if value is not None:
        ctx.meta[CHOSEN] = value
    return value


passphrase_file_option = click.option(
    "--passphrase-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    callback=_choose,
    help=f"A file whose first line is the passphrase of an encrypted pack or panel (or set "
         f"{ENV}).")


def key_source(path: Path) -> FileKey | None:
    """The command line's answer when an encrypted panel or pack is opened with no key held:
    from the command's (or `judgepanel`'s) --passphrase-file, the environment, the keyring
    when remembered, or a hidden prompt on a terminal; else a refusal saying how to give it.
    Outside a command (the application started by `open`) it knows nothing."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    return file_key(Path(path), ctx.meta.get(CHOSEN))


def start_command(passphrase_file: Path | None) -> None:
    """Each command starts holding no key and asks `key_source` for the ones it needs."""
    forget_keys()
    set_key_source(key_source)
    if passphrase_file is not None:
        click.get_current_context().meta[CHOSEN] = passphrase_file


def read_passphrase_file(path: Path) -> str:
    """The first line of `path`, without its line ending; an empty one is refused."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise JudgePanelError(f"{path}: cannot read the passphrase ({exc})") from None
    if not lines or not lines[0].strip():
        raise JudgePanelError(f"{path}: the passphrase file is empty")
    return lines[0].strip()


def passphrase(path: Path, passphrase_file: Path | None) -> str:
    """The passphrase for `path` from the file, the environment, or a terminal prompt."""
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    if os.environ.get(ENV, "").strip():
        return os.environ[ENV].strip()
    if sys.stdin.isatty():
        return str(click.prompt(f"Passphrase for {path.name}", hide_input=True))
    raise JudgePanelError(f"{path}: this file is encrypted; give its passphrase with "
                          f"--passphrase-file F (judgepanel --passphrase-file F COMMAND … "
                          f"for any command) or the {ENV} environment variable")


def file_key(path: Path, passphrase_file: Path | None) -> FileKey | None:
    """The key for `path`: None for a plain file; an encrypted one's from its passphrase."""
    if not is_encrypted(path):
        return None
    if passphrase_file is None and not os.environ.get(ENV, "").strip():
        remembered = remembered_key(path)
        if remembered is not None:
            return remembered
    return key_for_file(path, passphrase(path, passphrase_file))


def open_file(path: Path, passphrase_file: Path | None, kind: str | None = None) -> Store:
    """Open a panel or a pack, asking for the passphrase only when the file is encrypted."""
    return Store.open(path, kind, key=file_key(path, passphrase_file))

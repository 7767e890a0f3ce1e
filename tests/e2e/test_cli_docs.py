"""Every command documents itself: a command without help text fails here."""

import click
import pytest

from judgepanel.cli import cli


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, f"'{prefix}{name}' is listed but cannot be loaded"
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found += _commands(command, prefix + name + " ")
    return found


@pytest.mark.parametrize("name,command", _commands(cli), ids=lambda v: str(v))
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 10, f"'{name}' has no help"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"'{name} {param.opts[0]}' has no help"


def test_interface_commands_exist() -> None:
    names = {name for name, _ in _commands(cli)}
    for wanted in ["open", "demo", "awards", "new", "import", "entries", "judge add", "judges",
                   "assign", "conflict", "pack", "merge", "scores import", "scores export",
                   "rank", "stats", "decide", "report", "feedback", "certificates"]:
        assert wanted in names, f"'judgepanel {wanted}' is missing"


def test_lazy_command_table_is_complete() -> None:
    """Every command a command module defines is reachable, lazily or at once."""
    import importlib

    from judgepanel.cli import LAZY_COMMANDS

    for module in set(LAZY_COMMANDS.values()):
        importlib.import_module(f"judgepanel.cli.{module}")
    defined = {name for name, command in cli.commands.items()
               if command.callback is None or command.callback.__module__ != "judgepanel.cli.panel"}
    assert defined <= set(LAZY_COMMANDS)


def test_every_command_is_in_the_user_documentation() -> None:
    """docs/interface.md names every command a user can type (sqlite-utils' test_docs habit)."""
    from pathlib import Path

    documented = (Path(__file__).resolve().parents[2] / "docs" / "interface.md").read_text(
        encoding="utf-8")
    for name, _ in _commands(cli):
        assert f"judgepanel {name}" in documented or f"`{name} " in documented \
            or f"`{name}`" in documented, f"'judgepanel {name}' is not in docs/interface.md"


def test_no_pointer_to_documents_outside_the_repository() -> None:
    """Docstrings and tests point to docs/ in the repository, not to files a user never gets."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # Spelt in pieces so that this file does not find itself.
    stale = tuple(a + b for a, b in (("DOMAIN", ".md"), ("INTERFACE", ".md"),
                                      ("../", "shared"), ("shared/", "seeds")))
    for folder in ("judgepanel", "tests", "tools"):
        for path in sorted((root / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            found = [name for name in stale if name in text]
            assert not found, f"{path.relative_to(root)} mentions {found}"

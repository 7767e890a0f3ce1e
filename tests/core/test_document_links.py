"""Export columns holding URLs, imported without the entries' documents: each URL is kept as
a link (never fetched) and listed with its address, from the command line as a user runs it."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from judgepanel.cli import cli

AWARD = "leading-systems-transformation"


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    made = CliRunner().invoke(cli, ["new", str(path), "--title", "Links", "--award", AWARD])
    assert made.exit_code == 0, made.output
    return path


def test_urls_in_a_mapped_column_are_kept_as_links_without_attachments(
        panel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("JudgePanel tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    export = tmp_path / "export.csv"
    export.write_text(
        "Entry ID,Title,Q1,Evidence\n"
        "L-1,One,Answer,\"https://example.org/files/poster.pdf; https://example.org/video\"\n"
        "L-2,Two,Answer,\n"
        "L-3,Three,Answer,\"=HYPERLINK(\"\"https://example.org/e3.pdf\"\",\"\"Report\"\")\"\n",
        encoding="utf-8")
    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text('attachments = ["Evidence"]\n', encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(cli, ["import", str(panel), str(export), "--award", AWARD,
                               "--mapping", str(mapping)])
    assert done.exit_code == 0, done.output
    assert "kept 3 link(s)" in done.output

    listed = runner.invoke(cli, ["entries", str(panel), "--json"])
    assert listed.exit_code == 0, listed.output
    entries = {e["entry"]: e for e in json.loads(listed.output)}
    assert entries["L-1"]["attachments"] == [
        {"name": "poster.pdf", "type": "link", "bytes": 0, "pages": None, "sha256": "",
         "url": "https://example.org/files/poster.pdf"},
        {"name": "video", "type": "link", "bytes": 0, "pages": None, "sha256": "",
         "url": "https://example.org/video"}]
    assert entries["L-2"]["attachments"] == []
    assert [a["url"] for a in entries["L-3"]["attachments"]] == ["https://example.org/e3.pdf"]

    again = runner.invoke(cli, ["import", str(panel), str(export), "--award", AWARD,
                                "--mapping", str(mapping)])
    assert again.exit_code == 0, again.output
    relisted = json.loads(runner.invoke(cli, ["entries", str(panel), "--json"]).output)
    assert sum(len(e["attachments"]) for e in relisted) == 3  # nothing added twice

    shown = runner.invoke(cli, ["attachments", str(panel), "--entry", "L-1"])
    assert shown.exit_code == 0, shown.output
    assert "https://example.org/files/poster.pdf" in shown.output


def test_file_names_without_the_documents_are_reported_not_refused(
        panel: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Entry ID,Title,Q1,Supporting documents\n"
                      "F-1,One,Answer,\"letter.pdf; https://example.org/a.pdf\"\n",
                      encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(cli, ["import", str(panel), str(export), "--award", AWARD])
    assert done.exit_code == 0, done.output
    assert "kept 1 link(s)" in done.output
    assert "names 1 file(s)" in done.output and "give the documents" in done.output
    entries = json.loads(runner.invoke(cli, ["entries", str(panel), "--json"]).output)
    assert [a["name"] for a in entries[0]["attachments"]] == ["a.pdf"]

    dry = runner.invoke(cli, ["import", str(panel), str(export), "--award", AWARD,
                              "--dry-run"])
    assert dry.exit_code == 0 and "would keep 1 link(s)" in dry.output

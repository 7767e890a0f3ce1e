"""File names SQLite's URIs would misread, on Linux, macOS and Windows."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from judgepanel.core.awards import builtin_awards
from judgepanel.core.file_safety import file_uri, sqlite_uri
from judgepanel.core.panel import create_panel, open_panel


@pytest.mark.parametrize(("path", "uri"), [
    (PurePosixPath("/srv/awards #1/p?.judgepanel"),
     "file:///srv/awards%20%231/p%3F.judgepanel"),
    (PurePosixPath("/srv/100%41/Łódź.judgepack"),
     "file:///srv/100%2541/%C5%81%C3%B3d%C5%BA.judgepack"),
    (PureWindowsPath(r"C:\Awards #1\Judge #2.judgepack"),
     "file:///C:/Awards%20%231/Judge%20%232.judgepack"),
    (PureWindowsPath(r"\\server\share\Awards\p%41.judgepanel"),
     "file:////server/share/Awards/p%2541.judgepanel"),
])
def test_every_path_becomes_an_escaped_sqlite_uri(path: PurePosixPath | PureWindowsPath,
                                                  uri: str) -> None:
    assert file_uri(path) == uri
    assert file_uri(path, mode="ro") == uri + "?mode=ro"


def test_the_uri_opens_the_file_it_names_and_no_other(tmp_path: Path) -> None:
    panel = tmp_path / "what #1?%41.judgepanel"
    create_panel(panel, "Awards", builtin_awards()).close()
    conn = sqlite3.connect(sqlite_uri(panel, mode="ro"), uri=True)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key = 'title'").fetchone() == (
            "Awards",)
    finally:
        conn.close()
    with open_panel(panel) as store:
        assert store.title == "Awards"
    assert sorted(p.name for p in tmp_path.iterdir()) == [panel.name]

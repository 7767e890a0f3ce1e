"""Packs are built quickly: written in 32 KiB pages (an encrypted one authenticated with
HMAC-SHA256) and their documents streamed in chunks, plain or encrypted; packs written before,
in SQLite's and SQLCipher's default pages, still open, read and take scores."""

from __future__ import annotations

import os
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.attachment_import import import_attachments
from judgepanel.core.attachments import read_attachment
from judgepanel.core.awards import builtin_awards
from judgepanel.core.demo_documents import evaluation_report
from judgepanel.core.entries import EntryRecord, list_entries, upsert_entries
from judgepanel.core.file_encryption import (
    PACK_CIPHER,
    FileKey,
    WrongPassphrase,
    connect,
    export_file,
    key_for_file,
)
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.merge import check_pack
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "awards.judgepanel", "Regional Awards 2026",
                         builtin_awards())
    upsert_entries(store, [EntryRecord("E-1", AWARD, title="Entry 1", answers={"Q1": "A"})])
    folder = tmp_path / "download" / "E-1"
    folder.mkdir(parents=True)
    (folder / "Evaluation.pdf").write_bytes(evaluation_report("Entry 1", 3))
    import_attachments(store, tmp_path / "download")
    return store


def _ann(panel: Store) -> Judge:
    ann = add_judge(panel, "Ann Ward")
    assign(panel, ann, "E-1")
    return ann


def _raw_page_size(path: Path, key: FileKey, settings: tuple[str, ...]) -> int:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {key.pragma()}")
        for setting in settings:
            conn.execute(setting)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def test_a_pack_is_written_in_32_kib_pages_plain_and_encrypted(panel: Store,
                                                               tmp_path: Path) -> None:
    ann = _ann(panel)
    plain = tmp_path / "plain.judgepack"
    make_pack(panel, ann, plain)
    assert int.from_bytes(plain.read_bytes()[16:18], "big") == 32768
    encrypted = tmp_path / "encrypted.judgepack"
    summary = make_pack(panel, ann, encrypted, passphrase="")
    key = key_for_file(encrypted, summary.passphrase)
    assert _raw_page_size(encrypted, key, PACK_CIPHER) == 32768
    with pytest.raises(sqlite3.DatabaseError):  # not SQLCipher's default settings
        _raw_page_size(encrypted, key, ())
    with open_pack(encrypted, key) as pack:
        assert read_attachment(pack, "E-1", "Evaluation.pdf")[:5] == b"%PDF-"
    assert check_pack(panel, encrypted).ok


def test_packs_written_in_the_default_pages_still_open_read_and_score(
        panel: Store, tmp_path: Path) -> None:
    ann = _ann(panel)
    original = (tmp_path / "download" / "E-1" / "Evaluation.pdf").read_bytes()
    new_plain = tmp_path / "new-plain.judgepack"
    make_pack(panel, ann, new_plain)
    old_plain = tmp_path / "old-plain.judgepack"
    export_file(new_plain, old_plain, None, None)  # rewritten in SQLite's default pages
    assert int.from_bytes(old_plain.read_bytes()[16:18], "big") == 4096
    new_encrypted = tmp_path / "new-encrypted.judgepack"
    summary = make_pack(panel, ann, new_encrypted, passphrase="")
    key = key_for_file(new_encrypted, summary.passphrase)
    old_encrypted = tmp_path / "old-encrypted.judgepack"
    export_file(new_encrypted, old_encrypted, key, key)  # SQLCipher's default settings
    assert _raw_page_size(old_encrypted, key, ()) == 4096
    for path, path_key in ((old_plain, None), (old_encrypted, key)):
        with open_pack(path, path_key) as pack:
            assert [e["entry"] for e in list_entries(pack)] == ["E-1"]
            assert read_attachment(pack, "E-1", "Evaluation.pdf") == original
            Judging.for_pack(pack).set_score("E-1", "Q1", 6, "Read on the train")
        assert check_pack(panel, path).ok
    wrong = FileKey(bytes(32), key.salt)
    with pytest.raises(WrongPassphrase):  # neither settings open it with a wrong key
        connect(str(old_encrypted), wrong).close()


def test_an_encrypted_pack_streams_its_documents_in_chunks(panel: Store,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "big" / "E-1"
    folder.mkdir(parents=True)
    with (folder / "scan.bin").open("wb") as out:
        for _ in range(40):
            out.write(os.urandom(1024 * 1024))
    import_attachments(panel, tmp_path / "big")
    ann = _ann(panel)
    tracemalloc.start()
    try:
        summary = make_pack(panel, ann, tmp_path / "Ann.judgepack", passphrase="")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12 * 1024 * 1024, peak  # a 40 MB document never held whole
    key = key_for_file(tmp_path / "Ann.judgepack", summary.passphrase)
    with open_pack(tmp_path / "Ann.judgepack", key) as pack:
        assert read_attachment(pack, "E-1", "scan.bin") == (folder / "scan.bin").read_bytes()

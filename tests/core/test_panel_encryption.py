"""The coordinator's panel encrypted in place: what the file's bytes show, the key this
process holds for it, the key source the command line gives, and back to plain."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, list_entries, upsert_entries
from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.file_encryption import (
    PassphraseNeeded,
    WrongPassphrase,
    forget_keys,
    held_key,
    is_encrypted,
    key_for_file,
    set_key_source,
)
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel, decrypt_panel, encrypt_panel, open_panel
from judgepanel.core.panel_copy import save_copy
from judgepanel.core.store import PANEL, Store

PASSPHRASE = "cedar violin harbour pumpkin"
NAMES = [b"Quillbrook Awards 2026", b"Priya Shah", b"Joining up discharge",
         b"North Vale NHS Trust", b"Weekly huddle across three organisations", b"Ann Ward"]


@pytest.fixture(autouse=True)
def no_keys_held() -> Iterator[None]:
    forget_keys()
    yield
    forget_keys()
    set_key_source(None)


def make_panel(folder: Path) -> Path:
    path = folder / "awards.judgepanel"
    award = builtin_awards()[0]
    with create_panel(path, "Quillbrook Awards 2026", [award], who="coordinator") as panel:
        upsert_entries(panel, [EntryRecord(
            "E-101", award.id, title="Joining up discharge", nominee="Priya Shah",
            organisation="North Vale NHS Trust",
            answers={award.sections[0].id: "Weekly huddle across three organisations"})])
        add_judge(panel, "Ann Ward", "ann@example.org")
    return path


def table_rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    names = [row[0] for row in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('audit', 'meta')").fetchall()]
    return {name: sorted(store.db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names}


def test_the_encrypted_file_shows_nothing_and_opens_with_its_key(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    assert all(name in path.read_bytes() for name in NAMES)
    key = encrypt_panel(path, PASSPHRASE, who="coordinator")
    raw = path.read_bytes()
    assert is_encrypted(path)
    for name in NAMES:
        assert name not in raw, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["awards.judgepanel"]
    assert held_key(path) == key  # this process goes on opening it without asking
    with open_panel(path) as store:
        assert [e["nominee"] for e in list_entries(store)] == ["Priya Shah"]
        assert store.audit_problems() == []
        last = store.db.execute("SELECT action, who FROM audit ORDER BY id DESC").fetchone()
        assert tuple(last) == ("panel encrypted", "coordinator")
    forget_keys()
    with pytest.raises(PassphraseNeeded, match="encrypted"):
        open_panel(path)
    with open_panel(path, key_for_file(path, PASSPHRASE)) as store:
        assert store.title == "Quillbrook Awards 2026"
    with pytest.raises(WrongPassphrase) as refused:
        open_panel(path, key_for_file(path, "cedar violin harbour"))
    assert "Quillbrook" not in str(refused.value) and "Priya" not in str(refused.value)


def test_every_later_opening_finds_the_held_key(tmp_path: Path) -> None:
    """The window's worker, background jobs and output writers each open the panel again
    (Store.open on the path): they find the key held for it."""
    path = make_panel(tmp_path)
    encrypt_panel(path, PASSPHRASE)
    with Store.open(path, PANEL) as again, Store.open(path) as other:
        assert again.title == other.title == "Quillbrook Awards 2026"


def test_the_key_source_is_asked_once_and_a_wrong_answer_refused(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    encrypt_panel(path, PASSPHRASE)
    forget_keys()
    asked: list[Path] = []

    def wrong(file: Path) -> object:
        asked.append(file)
        return key_for_file(file, "not it")

    set_key_source(wrong)  # type: ignore[arg-type]
    with pytest.raises(WrongPassphrase) as refused:
        open_panel(path)
    assert "passphrase is wrong" in str(refused.value) and str(path) in str(refused.value)
    assert held_key(path) is None  # a wrong key is never kept

    def right(file: Path) -> object:
        asked.append(file)
        return key_for_file(file, PASSPHRASE)

    set_key_source(right)  # type: ignore[arg-type]
    for _ in range(3):
        open_panel(path).close()
    assert len(asked) == 2  # once for the wrong answer, once for the right one, then held


def test_decrypt_gives_back_the_same_panel_with_its_chain_intact(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    with open_panel(path) as store:
        before = table_rows(store)
    encrypt_panel(path, PASSPHRASE, who="coordinator")
    forget_keys()
    with pytest.raises(PassphraseNeeded):
        decrypt_panel(path, who="chair")
    decrypt_panel(path, key_for_file(path, PASSPHRASE), who="chair")
    assert not is_encrypted(path) and path.read_bytes().startswith(b"SQLite format 3\x00")
    with open_panel(path) as store:
        assert table_rows(store) == before
        assert store.audit_problems() == [] and store.state_problems() == []
        actions = [tuple(r) for r in store.db.execute("SELECT action, who FROM audit")]
    assert actions[-2:] == [("panel encrypted", "coordinator"),
                            ("panel encryption removed", "chair")]
    with pytest.raises(JudgePanelError, match="not encrypted"):
        decrypt_panel(path)


def test_a_pack_and_an_encrypted_panel_are_refused(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    encrypt_panel(path, PASSPHRASE)
    with pytest.raises(JudgePanelError, match="already encrypted"):
        encrypt_panel(path, PASSPHRASE)
    pack = tmp_path / "Ann Ward.judgepack"
    pack.write_bytes(b"")
    with pytest.raises(RefusedFile, match="judge pack"):
        encrypt_panel(pack, PASSPHRASE)


def test_the_plain_files_old_bytes_are_overwritten(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    old_inode = tmp_path / "old-inode"
    os.link(path, old_inode)  # another name for the plain file's bytes, to look at them after
    size = old_inode.stat().st_size
    encrypt_panel(path, PASSPHRASE)
    assert old_inode.read_bytes() == bytes(size)


def test_a_dead_process_leftover_is_removed_and_the_panel_untouched(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    with open_panel(path) as store:
        before = table_rows(store)
    # What a killed `decrypt` would leave: a plain half-made copy named by its (dead) process.
    dead = max(os.getpid() + 50_000, 4_000_000)
    leftover = tmp_path / f".awards.judgepanel.{dead}.rewriting"
    conn = sqlite3.connect(leftover)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES ('Priya Shah')")
    conn.commit()
    conn.close()
    encrypt_panel(path, PASSPHRASE)
    assert not leftover.exists()
    with open_panel(path) as store:
        assert table_rows(store) == before


def test_a_copy_of_an_encrypted_panel_is_encrypted_too(tmp_path: Path) -> None:
    path = make_panel(tmp_path)
    encrypt_panel(path, PASSPHRASE)
    copy = tmp_path / "copy.judgepanel"
    with open_panel(path) as store:
        save_copy(store, copy)
    assert is_encrypted(copy) and b"Priya Shah" not in copy.read_bytes()
    forget_keys()
    with open_panel(copy, key_for_file(copy, PASSPHRASE)) as store:
        assert [e["nominee"] for e in list_entries(store)] == ["Priya Shah"]


def test_a_panel_another_program_has_open_is_left_alone(tmp_path: Path) -> None:
    """Replacing the file under another program's open connection would lose its writes."""
    import subprocess
    import sys

    path = make_panel(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM meta').fetchone()\n"
         "print('open', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(JudgePanelError, match="open in another window or program"):
            encrypt_panel(path, PASSPHRASE)
    finally:
        holder.kill()
        holder.wait()
    assert not is_encrypted(path)
    assert sorted(p.name for p in tmp_path.iterdir() if "rewriting" in p.name) == []
    encrypt_panel(path, PASSPHRASE)  # once it has let go
    assert is_encrypted(path)

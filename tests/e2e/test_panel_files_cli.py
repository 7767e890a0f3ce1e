"""Panel and pack files in awkward places: odd names, read-only folders, a killed writer's
journal, half-written packs, damaged identity records.

The commands run as a user types them (`run_cli`, in process). The read-only folder is tested
for real: as an ordinary user by taking away the folder's write permission, and as root (who
ignores permissions) by running the command as the unprivileged `nobody`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from judgepanel.core.judges import find_judge
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import open_panel
from judgepanel.core.scoring import Judging

Run = Callable[..., CompletedProcess[str]]
AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")


PLAIN = ("--no-encrypt",)  # these tests read and edit a pack's bytes


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_up(run_cli: Run, panel: Path, fixtures: Path, judges: tuple[str, ...]) -> None:
    run_cli("new", panel, "--title", "Awards 2026", "--award", AWARD, check=True)
    run_cli("import", panel, fixtures / "import" / "generic_lst.csv", check=True)
    for judge in judges:
        run_cli("judge", "add", panel, judge, check=True)
    run_cli("assign", panel, "--award", AWARD, "--per-entry", str(len(judges)), "--seed", "1",
            check=True)


def score_pack(pack: Path, value: float) -> None:
    with open_pack(pack) as store:
        judging = Judging.for_pack(store)
        for entry in [r["id"] for r in store.rows("SELECT id FROM entries ORDER BY id")]:
            for section in SECTIONS:
                judging.set_score(entry, section, value)


# ----- item 4: names with # ? % ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["awards #1", "what? %41", "100%25 sure"])
def test_panels_and_packs_with_uri_characters_in_their_names_work_end_to_end(
        run_cli: Run, tmp_path: Path, fixtures: Path, name: str) -> None:
    folder = tmp_path / f"{name} folder#?"
    folder.mkdir()
    panel = folder / f"{name}.judgepanel"
    set_up(run_cli, panel, fixtures, ("Judge #2",))
    pack = folder / "Judge #2.judgepack"
    run_cli("pack", panel, "--judge", "Judge #2", "-o", pack, *PLAIN, check=True)
    listed = json.loads(run_cli("entries", pack, "--json", check=True).stdout)
    assert listed  # the judge can open their pack
    score_pack(pack, 7)
    merged = run_cli("merge", panel, pack, check=True)
    assert "0 changed" in merged.stdout
    ranked = json.loads(run_cli("rank", panel, "--award", AWARD, "--json", check=True).stdout)
    assert ranked["entries"][0]["judges"] == 1
    # Nothing stray beside them: no empty file named after the part before # or ?.
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([panel.name, pack.name]), names


# ----- item 7: a read-only folder --------------------------------------------------------------


@pytest.fixture
def locked_folder() -> Iterator[Path]:
    """A folder the command's user can read but not write (removed afterwards)."""
    folder = Path(tempfile.mkdtemp(prefix="judgepanel-locked-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


BATCH = Path(__file__).with_name("cli_batch.py")


def as_reader(*commands: tuple[str | Path, ...], cwd: Path,
              locked: Path) -> list[dict[str, Any]]:
    """`judgepanel` commands run by a user who cannot write the locked folder: ourselves once
    its permissions say read-only, or, as root (whom permissions do not stop), with the
    folder bind-mounted read-only in a private mount namespace, as a locked USB stick is."""
    batch = json.dumps([[str(arg) for arg in command] for command in commands])
    command = [sys.executable, str(BATCH), batch]
    if os.geteuid() == 0:
        remount = ('mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && '
                   'exec "$@"')
        command = ["unshare", "-m", "--propagation", "private", "sh", "-c", remount,
                   str(locked), *command]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    ran = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                         env=env, timeout=120)
    assert ran.returncode == 0, ran.stderr
    results: list[dict[str, Any]] = json.loads(ran.stdout)
    return results


def test_read_only_commands_work_on_a_panel_in_a_read_only_folder(
        run_cli: Run, tmp_path: Path, fixtures: Path, locked_folder: Path) -> None:
    built = tmp_path / "awards.judgepanel"
    set_up(run_cli, built, fixtures, ("Ann Ward", "Ben Carr"))
    for name in ("Ann Ward", "Ben Carr"):
        pack = tmp_path / f"{name}.judgepack"
        run_cli("pack", built, "--judge", name, "-o", pack, *PLAIN, check=True)
        score_pack(pack, 6 if name == "Ann Ward" else 8)
        run_cli("merge", built, pack, check=True)
    panel = locked_folder / "awards.judgepanel"
    shutil.copyfile(built, panel)
    panel.chmod(0o444)
    locked_folder.chmod(0o555)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o777)
    before = sha(panel)
    reads = [("entries", panel, "--json"), ("judges", panel),
             ("rank", panel, "--award", AWARD, "--json"), ("stats", panel, "--award", AWARD),
             ("audit", panel), ("report", panel, "-o", out / "report.pdf")]
    *results, refused = as_reader(*reads, ("judge", "add", panel, "Cleo Hart"), cwd=out,
                                  locked=locked_folder)
    for args, result in zip(reads, results, strict=True):
        assert result["rc"] == 0, (args, result["stderr"])
        assert "Traceback" not in result["stderr"]
    assert json.loads(results[2]["stdout"])["entries"][0]["judges"] == 2
    assert (out / "report.pdf").stat().st_size > 0
    assert refused["rc"] == 1 and "Traceback" not in refused["stderr"]
    assert refused["stderr"].startswith("error:") and "read-only" in refused["stderr"]
    assert sha(panel) == before and sorted(p.name for p in locked_folder.iterdir()) == [
        panel.name]


def test_an_older_panel_in_a_read_only_folder_is_read_without_migrating_it(
        fixtures: Path, locked_folder: Path, tmp_path: Path) -> None:
    panel = locked_folder / "old.judgepanel"
    shutil.copyfile(fixtures / "version1" / "panel-v1.judgepanel", panel)
    panel.chmod(0o444)
    locked_folder.chmod(0o555)
    before = sha(panel)
    tmp_path.chmod(0o777)
    [result] = as_reader(("audit", panel), cwd=tmp_path, locked=locked_folder)
    assert result["rc"] == 0, result["stderr"]
    assert "the history is intact" in result["stdout"]
    assert sha(panel) == before


# ----- item 9: a killed writer's journal, a killed `pack` --------------------------------------


KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before committing
conn.execute("BEGIN")
conn.execute("UPDATE scores SET value = 0, comment = 'half-written'")
conn.execute("UPDATE entries SET title = title || ' (half-written)'")
os._exit(9)  # killed before COMMIT: the journal beside the pack is hot
"""


def test_a_pack_with_a_hot_journal_beside_it_merges_as_last_committed(
        run_cli: Run, tmp_path: Path, fixtures: Path) -> None:
    panel = tmp_path / "awards.judgepanel"
    set_up(run_cli, panel, fixtures, ("Ann Ward",))
    pack = tmp_path / "Ann Ward.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, *PLAIN, check=True)
    score_pack(pack, 7)
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(pack)], check=False)
    assert Path(f"{pack}-journal").stat().st_size > 0
    merged = run_cli("merge", panel, pack)
    assert merged.returncode == 0, merged.stderr
    with open_panel(panel) as store:
        assert {r["value"] for r in store.rows("SELECT value FROM scores")} == {7.0}


def test_half_written_packs_of_a_killed_pack_command_are_removed_on_the_next_run(
        run_cli: Run, tmp_path: Path, fixtures: Path) -> None:
    panel = tmp_path / "awards.judgepanel"
    set_up(run_cli, panel, fixtures, ("Ann Ward", "Ben Carr"))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with open_panel(panel) as store:
        key = store.db.execute("SELECT pack_key FROM judges").fetchone()[0]
    stray = tmp_path / f".Ann Ward.judgepack.{gone.pid}.partial"
    stray.write_text(f"half a pack holding the key {key}")
    Path(f"{stray}-journal").write_text(key)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        busy = tmp_path / f".Ben Carr.judgepack.{alive.pid}.partial"
        busy.write_text("another pack command at work")
        run_cli("pack", panel, "--judge", "Ben Carr", "-o", tmp_path / "Ben.judgepack",
                *PLAIN, check=True)
        assert not stray.exists() and not Path(f"{stray}-journal").exists()
        assert busy.exists()  # not ours to remove while its process runs
    finally:
        alive.kill()
        alive.wait()
    assert not [p for p in tmp_path.iterdir() if key in p.read_text(errors="ignore")
                if p.is_file() and p.suffix != ".judgepanel" and "-wal" not in p.name]


# ----- item 12: damaged identity records -------------------------------------------------------


@pytest.mark.parametrize("version", ["x1", "0", "bad-utf8"])
def test_a_damaged_version_record_is_refused_as_damaged_naming_the_file(
        run_cli: Run, tmp_path: Path, fixtures: Path, version: str) -> None:
    panel = tmp_path / "awards.judgepanel"
    set_up(run_cli, panel, fixtures, ("Ann Ward",))
    pack = tmp_path / "ann.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, *PLAIN, check=True)
    for target in (panel, pack):
        conn = sqlite3.connect(target)
        if version == "bad-utf8":
            conn.execute("UPDATE meta SET value = CAST(X'31FF' AS TEXT) "
                         "WHERE key = 'schema_version'")
        else:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
        conn.commit()
        conn.close()
    for args, named in ((("entries", panel), panel), (("audit", panel), panel),
                        (("entries", pack), pack), (("merge", panel, pack), panel),
                        (("import", panel, fixtures / "import" / "generic_lst.csv"), panel)):
        result = run_cli(*args)
        assert result.returncode == 1, (args, result.stdout)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith("error:") and result.stderr.count("\n") == 1
        assert str(named) in result.stderr and "damaged" in result.stderr


def test_a_pack_whose_stored_schema_text_is_not_utf8_is_refused(
        run_cli: Run, tmp_path: Path, fixtures: Path) -> None:
    panel = tmp_path / "awards.judgepanel"
    set_up(run_cli, panel, fixtures, ("Ann Ward",))
    pack = tmp_path / "ann.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, *PLAIN, check=True)
    conn = sqlite3.connect(pack)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = CAST(CAST(sql AS BLOB) || X'2DFF' AS TEXT) "
                 "WHERE name = 'meta'")
    conn.commit()
    conn.close()
    before = sha(panel)
    for args in (("merge", panel, pack), ("entries", pack)):
        result = run_cli(*args)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert str(pack) in result.stderr and "damaged" in result.stderr
    assert sha(panel) == before


def test_make_pack_keeps_working_when_the_folder_holds_only_its_own_partial(
        tmp_path: Path, fixtures: Path, run_cli: Run) -> None:
    """The clean-up never touches this process's own pack in progress."""
    panel = tmp_path / "awards.judgepanel"
    set_up(run_cli, panel, fixtures, ("Ann Ward",))
    with open_panel(panel) as store:
        judge = find_judge(store, "Ann Ward")
        assert judge is not None
        summary = make_pack(store, judge, tmp_path / "a.judgepack")
    assert summary.entries > 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert stat.S_ISREG((tmp_path / "a.judgepack").stat().st_mode)


def test_a_half_made_panel_of_a_killed_new_is_removed_on_the_next_new(
        run_cli: Run, tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stray = tmp_path / f".awards.judgepanel.{gone.pid}.creating"
    stray.write_text("a half-made panel holding its audit secret")
    Path(f"{stray}-wal").write_text("its log")
    run_cli("new", tmp_path / "other.judgepanel", "--title", "Other", "--award", AWARD,
            check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.judgepanel"]

"""Mutated pack files are refused with one clean message, never a traceback.

Hypothesis damages a real, scored pack two ways: bytes overwritten, cut or inserted anywhere
in the file (a bad USB stick, a mangled attachment), and records rewritten with values of any
type (someone editing the pack with a database tool). Merging it into a copy of the panel must
either succeed or raise `JudgePanelError` with a one-line message and leave the panel
byte-for-byte as it was; the judge opening it in their window likewise. Bounded to seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge
from judgepanel.core.merge import check_pack, merge_packs
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import Judging

AWARD = "leading-systems-transformation"
FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])
COLUMNS = {
    "meta": ("key", "value"),
    "judges": ("id", "name", "pack_key"),
    "scores": ("judge", "entry", "section", "value", "comment", "updated_at", "signature",
               "seq"),
    "reviews": ("judge", "entry", "comment", "tags", "complete", "updated_at", "signature",
                "seq"),
    "conflicts": ("judge", "entry", "reason", "declared_by", "created_at", "signature"),
}
ANY_VALUE = st.one_of(st.none(), st.integers(min_value=-2**63, max_value=2**63 - 1),
                      st.floats(allow_nan=True), st.text(max_size=30),
                      st.binary(max_size=30))


@pytest.fixture(scope="module")
def originals() -> Iterator[tuple[Path, Path]]:
    """A panel and a scored, reviewed pack of one of its judges, made once."""
    with tempfile.TemporaryDirectory() as folder:
        panel = Path(folder) / "awards.judgepanel"
        pack = Path(folder) / "ann.judgepack"
        with create_panel(panel, "Fuzz Awards", builtin_awards()) as store:
            upsert_entries(store, [EntryRecord(f"E-{n}", AWARD) for n in range(1, 4)])
            ann = add_judge(store, "Ann Ward")
            for entry in ("E-1", "E-2", "E-3"):
                assign(store, ann, entry)
            make_pack(store, ann, pack)
        with open_pack(pack) as store:
            judging = Judging.for_pack(store)
            for entry in ("E-1", "E-2"):
                for section in ("Q1", "Q2", "Q3", "Q4", "Q5"):
                    judging.set_score(entry, section, 6, f"note on {entry}")
            judging.set_review("E-1", comment="Strong", complete=True)
            judging.declare_conflict("E-3", "Knows the nominee")
        yield panel, pack


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_clean(originals: tuple[Path, Path], damage: object) -> None:
    """Merge the damaged pack into a copy of the panel: merged, or refused cleanly."""
    panel, pack = originals
    with tempfile.TemporaryDirectory() as folder:
        copy, damaged = Path(folder) / panel.name, Path(folder) / pack.name
        shutil.copyfile(panel, copy)
        shutil.copyfile(pack, damaged)
        assert callable(damage)
        damage(damaged)
        before = sha(copy)
        with open_panel(copy) as store:
            checked = check_pack(store, damaged)
            assert "\n" not in checked.refused
            try:
                merge_packs(store, [damaged])
            except JudgePanelError as refused:
                assert "\n" not in str(refused) and str(damaged) in str(refused)
                refused_merge = True
            else:
                refused_merge = False
        if refused_merge:
            assert sha(copy) == before
        try:  # the judge opening the same file in their window
            with open_pack(damaged) as opened:
                Judging.for_pack(opened).scores("E-1")
        except JudgePanelError as refused:
            assert "\n" not in str(refused)


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=16)),
                      min_size=1, max_size=4),
       cut=st.one_of(st.none(), st.integers(min_value=0)))
def test_bytes_damaged_anywhere_are_refused_cleanly(originals: tuple[Path, Path],
                                                    edits: list[tuple[int, bytes]],
                                                    cut: int | None) -> None:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        for offset, chunk in edits:
            at = offset % len(data)
            data[at:at + len(chunk)] = chunk
        if cut is not None:
            data = data[: cut % len(data)]
        path.write_bytes(bytes(data))

    assert_clean(originals, damage)


@FUZZ
@given(changes=st.lists(st.tuples(st.sampled_from(sorted(COLUMNS)), st.data()), min_size=1,
                        max_size=3))
def test_records_rewritten_with_any_value_are_refused_cleanly(
        originals: tuple[Path, Path], changes: list[tuple[str, st.DataObject]]) -> None:
    plan = [(table, data.draw(st.sampled_from(COLUMNS[table])), data.draw(ANY_VALUE))
            for table, data in changes]

    def damage(path: Path) -> None:
        conn = sqlite3.connect(path)
        try:
            for table, column, value in plan:
                with contextlib.suppress(sqlite3.IntegrityError):  # a rowid must stay a number
                    conn.execute(f"UPDATE OR IGNORE {table} SET {column} = ? "
                                 f"WHERE rowid = (SELECT MIN(rowid) FROM {table})", [value])
            conn.commit()
        finally:
            conn.close()

    assert_clean(originals, damage)


def test_a_pack_whose_scores_page_is_damaged_is_refused_naming_the_file(
        originals: tuple[Path, Path], tmp_path: Path) -> None:
    """The header opens fine, but the page holding the scores is garbage: the judge's window
    reading the scores gets a refusal naming the file, not a raw database error."""
    _panel, pack = originals
    damaged = tmp_path / pack.name
    shutil.copyfile(pack, damaged)
    with contextlib.closing(sqlite3.connect(damaged)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'scores'"
                            ).fetchone()[0]
    data = bytearray(damaged.read_bytes())
    start = (root - 1) * page_size
    data[start:start + 64] = b"\xff" * 64
    damaged.write_bytes(bytes(data))
    with open_pack(damaged) as opened, pytest.raises(JudgePanelError) as refused:
        Judging.for_pack(opened).scores("E-1")
    assert str(damaged) in str(refused.value) and "damaged" in str(refused.value)

"""Entries' supporting documents: imported from a bulk-download ZIP or folder, refused when
the archive is hostile (with the panel unchanged), carried only in their judge's pack, and a
pack whose documents were altered refused at merge."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from judgepanel.core import attachment_archive
from judgepanel.core.assignment import assign
from judgepanel.core.attachment_import import import_attachments
from judgepanel.core.attachments import list_attachments, read_attachment, save_attachment
from judgepanel.core.awards import award_from_dict, builtin_awards
from judgepanel.core.demo_documents import evaluation_report, letter_of_support, photograph
from judgepanel.core.document_types import sniff_type
from judgepanel.core.entries import EntryRecord, list_entries, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge, list_judges
from judgepanel.core.merge import check_pack, merge_packs
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.schema import SCHEMA_VERSION
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "awards.judgepanel", "Regional Awards 2026",
                         builtin_awards())
    upsert_entries(store, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}",
                                       answers={"Q1": f"Answer {n}"}) for n in range(1, 4)])
    return store


def bulk_download(root: Path) -> Path:
    """A folder laid out as Award Force's bulk download: one folder per entry id."""
    (root / "E-1").mkdir(parents=True)
    (root / "E-2 - Entry 2").mkdir()
    (root / "E-1" / "Letter of support.pdf").write_bytes(
        letter_of_support("Ann Nominee", "North Trust", "Entry 1"))
    (root / "E-1" / "Evaluation.pdf").write_bytes(evaluation_report("Entry 1", 6))
    (root / "E-2 - Entry 2" / "Team.jpg").write_bytes(photograph(2, (160, 120)))
    (root / "E-2 - Entry 2" / "Only-E2-evidence.pdf").write_bytes(
        letter_of_support("UNIQUE-E2-NOMINEE", "E2 Trust", "Entry 2"))
    return root


def zipped(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_from_a_zip_lists_each_entrys_documents(panel: Store, tmp_path: Path) -> None:
    archive = zipped(bulk_download(tmp_path / "download"), tmp_path / "download.zip")
    result = import_attachments(panel, archive)
    assert (result.added, result.documents) == (4, 4)
    found = {e["entry"]: e["attachments"] for e in list_entries(panel)}
    evaluation = next(a for a in found["E-1"] if a["name"] == "Evaluation.pdf")
    assert set(evaluation) == {"name", "type", "bytes", "pages", "sha256", "url"}
    assert (evaluation["type"], evaluation["pages"]) == ("pdf", 6)
    assert evaluation["sha256"] == digest(tmp_path / "download" / "E-1" / "Evaluation.pdf")
    assert [a["type"] for a in found["E-2"] if a["name"] == "Team.jpg"] == ["jpeg"]
    assert found["E-3"] == []
    assert read_attachment(panel, "E-2", "Team.jpg") == \
        (tmp_path / "download" / "E-2 - Entry 2" / "Team.jpg").read_bytes()


def test_import_from_a_folder_and_again_adds_nothing_twice(panel: Store,
                                                           tmp_path: Path) -> None:
    folder = bulk_download(tmp_path / "download")
    import_attachments(panel, folder)
    (folder / "E-3").mkdir()
    shutil.copy(folder / "E-1" / "Evaluation.pdf", folder / "E-3" / "Same evaluation.pdf")
    again = import_attachments(panel, folder)
    assert (again.added, again.unchanged, again.documents) == (1, 4, 0)
    documents = panel.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert documents == 4  # the same bytes are stored once for two entries
    assert len(list_attachments(panel)) == 5


def test_type_comes_from_the_bytes_not_the_name(panel: Store, tmp_path: Path) -> None:
    (tmp_path / "d" / "E-1").mkdir(parents=True)
    (tmp_path / "d" / "E-1" / "photo.pdf").write_bytes(photograph(1, (40, 30)))
    (tmp_path / "d" / "E-1" / "report.txt").write_bytes(evaluation_report("x", 2))
    import_attachments(panel, tmp_path / "d")
    types = {a["name"]: a["type"] for a in list_attachments(panel, "E-1")}
    assert types == {"photo.pdf": "jpeg", "report.txt": "pdf"}
    assert sniff_type(b"MZ\x90\x00") == "executable"


def _hostile_zip(tmp_path: Path, name: str, content: bytes = b"x") -> Path:
    target = tmp_path / "hostile.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("E-1/fine.txt", "fine")
        archive.writestr(zipfile.ZipInfo(name), content)
    return target


@pytest.mark.parametrize(("member", "reason"), [
    ("E-1/../../etc/passwd", "escapes"),
    ("/E-1/absolute.pdf", "absolute path"),
    ("C:/Windows/evil.pdf", "absolute path"),
    ("E-1\\..\\..\\evil.pdf", "escapes"),
    ("E-1/bad\x07name.pdf", "control characters"),
    ("E-1/right\u202eto-left.pdf", "control characters"),
    ("E-9/nobody.pdf", "names no entry"),
])
def test_a_hostile_archive_is_refused_and_the_panel_unchanged(
        panel: Store, tmp_path: Path, member: str, reason: str) -> None:
    archive = _hostile_zip(tmp_path, member)
    before = digest(Path(panel.path))  # type: ignore[arg-type]
    with pytest.raises(JudgePanelError) as refused:
        import_attachments(panel, archive)
    assert reason in str(refused.value) and str(archive) in str(refused.value)
    assert digest(Path(panel.path)) == before  # type: ignore[arg-type]
    assert list_attachments(panel) == []


def test_a_file_for_no_entry_may_be_ignored_and_is_reported(panel: Store,
                                                            tmp_path: Path) -> None:
    result = import_attachments(panel, _hostile_zip(tmp_path, "E-9/nobody.pdf"),
                                ignore_unmatched=True)
    assert result.unmatched == ["E-9/nobody.pdf"]
    assert "warning: E-9/nobody.pdf: no entry of that id; ignored" in result.report_lines()
    assert [a["name"] for a in list_attachments(panel)] == ["fine.txt"]


def test_zip_bombs_are_refused(panel: Store, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    ratio = tmp_path / "ratio.zip"
    with zipfile.ZipFile(ratio, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("E-1/zeros.pdf", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(JudgePanelError, match="ZIP bomb"):
        import_attachments(panel, ratio)
    total = tmp_path / "total.zip"
    with zipfile.ZipFile(total, "w", zipfile.ZIP_STORED) as archive:
        for n in range(3):
            archive.writestr(f"E-1/part{n}.bin", os.urandom(40_000))
    monkeypatch.setattr(attachment_archive, "MAX_TOTAL_BYTES", 100_000)
    with pytest.raises(JudgePanelError, match="ZIP bomb"):
        import_attachments(panel, total)
    assert list_attachments(panel) == []


def test_damaged_encrypted_pdfs_and_programs_are_kept_but_marked(panel: Store,
                                                                 tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    locked = io.BytesIO()
    canvas = Canvas(locked, encrypt="secret")
    canvas.drawString(100, 700, "Locked evaluation")
    canvas.save()
    folder = tmp_path / "d" / "E-1"
    folder.mkdir(parents=True)
    (folder / "locked.pdf").write_bytes(locked.getvalue())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj garbage, no trailer")
    (folder / "setup.exe").write_bytes(b"MZ\x90\x00" + os.urandom(200))
    result = import_attachments(panel, tmp_path / "d")
    status = {a["name"]: (a["type"], a["status"]) for a in list_attachments(panel)}
    assert status == {"locked.pdf": ("pdf", "encrypted"), "broken.pdf": ("pdf", "damaged"),
                      "setup.exe": ("executable", "executable")}
    report = "\n".join(result.report_lines())
    for name in ("locked.pdf", "broken.pdf", "setup.exe"):
        assert f"E-1/{name} (entry E-1): kept but not shown" in report


def test_award_limits_warn_at_import(tmp_path: Path) -> None:
    award = award_from_dict({
        "id": "poster-award", "name": "Poster award",
        "sections": [{"id": "Q1", "question": "What changed?"}],
        "attachments": {"max_files": 1, "max_mb": 1, "types": ["pdf"]}}, "test")
    store = create_panel(tmp_path / "p.judgepanel", "Posters", [award])
    upsert_entries(store, [EntryRecord("P-1", "poster-award", title="Poster")])
    (tmp_path / "d" / "P-1").mkdir(parents=True)
    (tmp_path / "d" / "P-1" / "a.pdf").write_bytes(letter_of_support("A", "B", "C"))
    (tmp_path / "d" / "P-1" / "b.jpg").write_bytes(photograph(1, (40, 30)))
    result = import_attachments(store, tmp_path / "d")
    assert "entry P-1: 2 files; the award allows 1" in result.warnings
    assert "entry P-1: b.jpg: a jpeg file; the award allows pdf" in result.warnings


def test_save_attachment_writes_the_bytes_and_refuses_altered_ones(panel: Store,
                                                                   tmp_path: Path) -> None:
    folder = bulk_download(tmp_path / "download")
    import_attachments(panel, folder)
    out = save_attachment(panel, "E-1", "Evaluation.pdf", tmp_path / "copy.pdf")
    assert out.read_bytes() == (folder / "E-1" / "Evaluation.pdf").read_bytes()
    with pytest.raises(JudgePanelError, match="no attachment named 'nope.pdf'"):
        save_attachment(panel, "E-1", "nope.pdf", tmp_path / "x.pdf")
    panel.db.execute("UPDATE documents SET content = zeroblob(bytes)")
    with pytest.raises(JudgePanelError, match="altered outside JudgePanel"):
        save_attachment(panel, "E-1", "Evaluation.pdf", tmp_path / "bad.pdf")
    assert not (tmp_path / "bad.pdf").exists()


def _two_judges(panel: Store) -> dict[str, object]:
    add_judge(panel, "Ann Ward")
    add_judge(panel, "Ben Carr")
    people = {j.name.split()[0]: j for j in list_judges(panel)}
    assign(panel, people["Ann"], "E-1")
    assign(panel, people["Ben"], "E-2")
    return people  # type: ignore[return-value]


def test_a_pack_holds_its_entries_documents_and_no_others(panel: Store,
                                                          tmp_path: Path) -> None:
    folder = bulk_download(tmp_path / "download")
    other = os.urandom(20_000)  # bytes no other file shares
    (folder / "E-2 - Entry 2" / "scan.tif").write_bytes(other)
    import_attachments(panel, folder)
    people = _two_judges(panel)
    make_pack(panel, people["Ann"], tmp_path / "Ann.judgepack")  # type: ignore[arg-type]
    raw = (tmp_path / "Ann.judgepack").read_bytes()
    assert other[5000:5064] not in raw and b"Only-E2-evidence" not in raw
    assert hashlib.sha256(other).hexdigest().encode() not in raw
    own = (folder / "E-1" / "Evaluation.pdf").read_bytes()
    with open_pack(tmp_path / "Ann.judgepack") as pack:
        assert [a["name"] for a in list_attachments(pack)] == ["Evaluation.pdf",
                                                             "Letter of support.pdf"]
        assert read_attachment(pack, "E-1", "Evaluation.pdf") == own


def test_merge_refuses_a_pack_whose_documents_were_altered(panel: Store,
                                                            tmp_path: Path) -> None:
    folder = bulk_download(tmp_path / "download")
    import_attachments(panel, folder)
    people = _two_judges(panel)
    path = tmp_path / "Ann.judgepack"
    make_pack(panel, people["Ann"], path)  # type: ignore[arg-type]
    with open_pack(path) as pack:
        Judging.for_judge(pack, people["Ann"].id).set_score("E-1", "Q1", 7)  # type: ignore[attr-defined]
    assert check_pack(panel, path).ok
    conn = sqlite3.connect(path)  # one byte of the evaluation changed in place
    rowid = conn.execute("SELECT rowid FROM documents WHERE pages = 6").fetchone()[0]
    with conn, conn.blobopen("documents", "content", rowid) as blob:
        blob.seek(300)
        blob.write(b"#")
    conn.close()
    refused = check_pack(panel, path)
    assert "altered outside JudgePanel" in refused.refused
    assert "Evaluation.pdf" in refused.refused
    scores = panel.db.execute("SELECT COUNT(*) FROM scores").fetchone()[0]
    with pytest.raises(JudgePanelError, match="altered outside JudgePanel"):
        merge_packs(panel, [path])
    assert panel.db.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == scores


def test_building_a_pack_streams_documents(panel: Store, tmp_path: Path) -> None:
    """60 MB of documents: Python's own peak stays a small fraction of it (the bytes go
    through SQLite's blob I/O in 1 MB chunks; a whole-file read would show here)."""
    folder = tmp_path / "big" / "E-1"
    folder.mkdir(parents=True)
    for n in range(6):
        with (folder / f"scan-{n}.bin").open("wb") as out:
            for _ in range(10):
                out.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    try:
        import_attachments(panel, tmp_path / "big")
        _, imported_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        people = _two_judges(panel)
        make_pack(panel, people["Ann"], tmp_path / "Ann.judgepack")  # type: ignore[arg-type]
        _, pack_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (tmp_path / "Ann.judgepack").stat().st_size > 60 * 1024 * 1024
    assert imported_peak < 12 * 1024 * 1024, imported_peak
    assert pack_peak < 12 * 1024 * 1024, pack_peak


def test_a_schema_2_panel_gains_the_attachment_tables(tmp_path: Path) -> None:
    copy = tmp_path / "old.judgepanel"
    shutil.copy(FIXTURES / "attachments" / "schema2-panel.judgepanel", copy)
    with Store.open(copy) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [e["attachments"] for e in list_entries(store)] == [[]] * 5
        (tmp_path / "d" / "E-101").mkdir(parents=True)
        (tmp_path / "d" / "E-101" / "letter.pdf").write_bytes(letter_of_support("A", "B", "C"))
        import_attachments(store, tmp_path / "d")
        assert store.audit_problems() == []
    with Store.open(copy) as store:
        assert json.loads(json.dumps(list_attachments(store)))[0]["pages"] == 1


def test_the_demo_entries_carry_realistic_documents(tmp_path: Path) -> None:
    from judgepanel.core.demo import build_demo

    path = build_demo(tmp_path / "demo")
    with Store.open(path) as store:
        found = list_attachments(store)
    by_name: dict[str, list[dict[str, object]]] = {}
    for attachment in found:
        by_name.setdefault(str(attachment["name"]), []).append(attachment)
    assert {a["pages"] for a in by_name["Letter of support.pdf"]} == {1}
    assert {a["pages"] for a in by_name["Independent evaluation.pdf"]} == {6}
    assert {a["type"] for a in by_name["Team photograph.jpg"]} == {"jpeg"}
    assert len({a["entry"] for a in found}) == 6  # two entries of each built-in award


def test_an_encrypted_pack_carries_its_documents_and_merges(panel: Store,
                                                            tmp_path: Path) -> None:
    from judgepanel.core.file_encryption import key_for_file

    folder = bulk_download(tmp_path / "download")
    import_attachments(panel, folder)
    people = _two_judges(panel)
    path = tmp_path / "Ann.judgepack"
    summary = make_pack(panel, people["Ann"], path, passphrase="")  # type: ignore[arg-type]
    raw = path.read_bytes()
    own = (folder / "E-1" / "Evaluation.pdf").read_bytes()
    # Encrypted at rest: no run of the document's bytes long enough not to occur by chance.
    middle = len(own) // 2
    assert own[:64] not in raw and own[middle:middle + 64] not in raw
    with open_pack(path, key_for_file(path, summary.passphrase)) as pack:
        assert read_attachment(pack, "E-1", "Evaluation.pdf") == own
    assert check_pack(panel, path).ok


def test_the_ranked_report_lists_each_placed_entrys_documents(tmp_path: Path) -> None:
    import sys
    from datetime import date

    sys.path.insert(0, str(Path(__file__).parent))
    from test_reports import AWARD as REPORT_AWARD
    from test_reports import build_panel, pdf_text

    from judgepanel.core.reports.gather import report_data
    from judgepanel.core.reports.ranked import write_report

    store = build_panel(tmp_path / "awards.judgepanel")
    (tmp_path / "d" / "E-101").mkdir(parents=True)
    (tmp_path / "d" / "E-101" / "Evaluation.pdf").write_bytes(evaluation_report("x", 6))
    (tmp_path / "d" / "E-101" / "Team.jpg").write_bytes(photograph(1, (40, 30)))
    (tmp_path / "d" / "E-104").mkdir()
    (tmp_path / "d" / "E-104" / "Unplaced-only.pdf").write_bytes(evaluation_report("y", 2))
    import_attachments(store, tmp_path / "d")
    report = tmp_path / "report.pdf"
    write_report(report_data(store, [REPORT_AWARD], day=date(2026, 11, 22)), report)
    store.close()
    pages = pdf_text(report)
    winner = next(p for p in pages if "Winner: E-101" in p)
    assert "Supporting documents" in winner
    assert "Evaluation.pdf (6 pages)" in winner and "Team.jpg" in winner
    assert not any("Unplaced-only.pdf" in p for p in pages)  # E-104 has no page of its own


def test_export_columns_name_files_in_the_archive_and_keep_urls_as_links(
        tmp_path: Path) -> None:
    from judgepanel.core.importing import import_with_attachments

    store = create_panel(tmp_path / "p.judgepanel", "Columns", builtin_awards())
    export = tmp_path / "export.csv"
    export.write_text(
        "Entry ID,Title,Q1,Supporting documents\n"
        "C-1,One,Answer,\"letter-c1.pdf; https://example.org/poster.pdf\"\n"
        "C-2,Two,Answer,photo.jpg\n", encoding="utf-8")
    archive = tmp_path / "files.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("letter-c1.pdf", letter_of_support("A", "B", "C"))
        bundle.writestr("uploads/photo.jpg", photograph(1, (40, 30)))
    results, documents = import_with_attachments(store, [export], archive, award=AWARD)
    assert results[0].added == 2 and documents.unmatched == []
    found = {(a["entry"], a["name"]): a for a in list_attachments(store)}
    assert found[("C-1", "letter-c1.pdf")]["pages"] == 1
    assert found[("C-2", "photo.jpg")]["type"] == "jpeg"
    link = found[("C-1", "poster.pdf")]
    assert (link["type"], link["url"], link["sha256"]) == \
        ("link", "https://example.org/poster.pdf", "")
    missing = tmp_path / "missing.csv"
    missing.write_text("Entry ID,Title,Q1,Attachments\nC-3,Three,Answer,gone.pdf\n",
                       encoding="utf-8")
    before = digest(Path(store.path))  # type: ignore[arg-type]
    with pytest.raises(JudgePanelError, match="entry C-3: the export names the file 'gone.pdf'"):
        import_with_attachments(store, [missing], archive, award=AWARD)
    assert digest(Path(store.path)) == before  # type: ignore[arg-type]

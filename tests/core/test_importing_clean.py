"""Cleaning answer text and reading files: what a judge will read, exactly as entered."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import clean_text, html_to_text, read_table, split_multiselect
from judgepanel.core.importing.csv_exports import sniff_delimiter
from judgepanel.core.importing.export_table import unique_headers


def test_html_becomes_paragraphs_line_breaks_and_bullets() -> None:
    text = clean_text("<p>Three things &amp; more:</p><ul><li>shared rota</li>"
                      "<li><p>one budget</p></li></ul><p>Line one<br>line two</p>")
    assert text == "Three things & more:\n\n• shared rota\n• one budget\n\nLine one\nline two"


def test_no_tag_or_entity_survives() -> None:
    text = clean_text('<div><p style="x">She&rsquo;s patient &ndash; &#8220;and&#8221; '
                      "&nbsp;persistent.</p><script>alert(1)</script><span>Ok</span></div>")
    assert text == "She’s patient – “and” persistent.\n\nOk"
    assert "<" not in text and "&" not in text


def test_numbered_lists_and_links_keep_their_meaning() -> None:
    assert html_to_text("<ol><li>first<li>second</ol>after") == "1. first\n2. second\n\nafter"
    assert clean_text('<p>See <a href="https://example.org/r.pdf">the report</a></p>') == \
        "See the report (https://example.org/r.pdf)"


def test_plain_text_with_a_few_inline_tags_keeps_its_line_breaks() -> None:
    text = clean_text("First <b>bold</b> line\nsecond line\n\nNew paragraph &amp; more")
    assert text == "First bold line\nsecond line\n\nNew paragraph & more"


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    assert clean_text("Waits fell from > 18 weeks to < 6 weeks") == \
        "Waits fell from > 18 weeks to < 6 weeks"


def test_smart_quotes_dashes_bullets_and_accents_are_kept_exactly() -> None:
    text = "“Home first” – she said • Zofia Wiśniewska ‘Siobhán Ó Súilleabháin’"
    assert clean_text(text) == text


def test_decomposed_accents_are_composed() -> None:
    assert clean_text("Siobha\u0301n") == "Siobhán"


def test_formula_text_is_stored_literally() -> None:
    formula = '=HYPERLINK("https://example.org","site")'
    assert clean_text(formula) == formula
    assert clean_text("+44 1632 960000") == "+44 1632 960000"


def test_whitespace_and_line_endings() -> None:
    assert clean_text("  one\r\ntwo  \r\n\r\n\r\n\r\nthree \n") == "one\ntwo\n\nthree"
    assert clean_text("") == "" and clean_text(None) == "" and clean_text("   ") == ""


def test_openwater_multiselect() -> None:
    assert split_multiselect("{{Primary care}},{{Diabetes}}") == "Primary care; Diabetes"
    assert split_multiselect("{{Only one}}") == "Only one"
    assert split_multiselect("Not {{a}} multi-select") == "Not {{a}} multi-select"


def test_delimiter_sniffing() -> None:
    assert sniff_delimiter("a;b;c\n1;2;3") == ";"
    assert sniff_delimiter("a\tb\tc, d\n") == "\t"
    assert sniff_delimiter("a,b\n") == ","
    assert sniff_delimiter("single\n") == ","
    assert sniff_delimiter('"Q1, relationships";"Q2, effectiveness";ID\n') == ";"


def test_excel_separator_line(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("sep=;\nID;Text, with comma\n1;a\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["ID", "Text, with comma"]
    assert table.rows == [(2, ["1", "a"])]


def test_repeated_and_blank_headers_stay_distinct() -> None:
    assert unique_headers(["Name", "Email", "Name", "", "Name"]) == \
        ["Name", "Email", "Name (2)", "Column D", "Name (3)"]


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text('ID,Text\n1,"two\nlines"\n\n2,plain\n', encoding="utf-8")
    table = read_table(path)
    assert [number for number, _ in table.rows] == [2, 4]
    assert table.rows[0][1] == ["1", "two\nlines"]


def test_an_unclosed_quote_is_refused_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text('ID,Text\n1,ok\n2,"never closed\n3,lost\n4,lost\n', encoding="utf-8")
    with pytest.raises(JudgePanelError, match=r"e\.csv: row 3: a quoted cell is never closed"):
        read_table(path)


def test_stray_quotes_inside_cells_are_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text('ID,Text\n1,a 5" screen\n2,"Smith" Jr\n', encoding="utf-8")
    assert [cells for _, cells in read_table(path).rows] == [["1", 'a 5" screen'],
                                                              ["2", "Smith Jr"]]


def test_a_stray_value_beyond_the_last_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("ID,Text\n1,a,oops\n", encoding="utf-8")
    with pytest.raises(JudgePanelError, match=r"e\.csv: row 2, column C"):
        read_table(path)


def test_encodings(fixtures: Path) -> None:
    folder = fixtures / "import"
    assert read_table(folder / "cp1252.csv").encoding == "cp1252"
    assert read_table(folder / "bom_crlf_semicolon.csv").encoding == "utf-8-sig"
    assert read_table(folder / "bom_crlf_semicolon.csv").headers[0] == "Entry ID"
    assert read_table(folder / "generic_lst.csv").encoding == "utf-8"


def test_utf8_with_a_few_windows_1252_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("ID,Nominee\nM-1,Zofia Wiśniewska\n".encode()
                     + "M-2,Siobhán “Shiv” Ó Súilleabháin\n".encode("cp1252"))
    table = read_table(path)
    assert [cells[1] for _, cells in table.rows] == ["Zofia Wiśniewska",
                                                      "Siobhán “Shiv” Ó Súilleabháin"]


def test_bytes_that_are_no_known_text_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"ID,Nominee\nX-1,caf\xe9\nX-2,\x81\x8d\n")
    with pytest.raises(JudgePanelError, match=r"odd\.csv: line 3: byte 0x81 is neither"):
        read_table(path)


def test_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("ID\tNominee\nU-1\tRenée\n".encode("utf-16"))
    table = read_table(path)
    assert table.rows == [(2, ["U-1", "Renée"])]


def test_xlsx_values_read_as_shown(fixtures: Path) -> None:
    table = read_table(fixtures / "import" / "evalato.xlsx")
    assert table.kind == "xlsx"
    first = dict(zip(table.headers, table.rows[0][1], strict=True))
    assert first["ID"] == "1001"
    assert first["Website"] == '=HYPERLINK("https://example.org","site")'
    assert table.rows[0][0] == 2

"""Reading statements: decoding, HTML and Markdown reduction with original line numbers, unreadable input."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit.lint.document import (
    MAX_BYTES,
    UnreadableInput,
    decode,
    detect_format,
    document_from_text,
    read_document,
)

HTML = """<!DOCTYPE html>
<html><head><title>Tietosuojaseloste</title>
<script>var x = "Henkilötietolaki 523/1999";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Etusivu</a></nav>
<h2>1. Rekisterinpitäjä</h2>
<p>Esimerkki Oy<br>info@esimerkki.fi</p>
<ul><li>Nimi</li><li>Osoite &amp; puhelin</li></ul>
<p>Tiedot
säilytetään kuusi vuotta.</p>
</body></html>
"""


def test_html_keeps_visible_text_with_source_lines() -> None:
    """Scripts, styles and navigation are dropped; headings are marked; each line keeps its HTML source line."""
    doc = document_from_text(HTML, "html")
    lines = [(line.number, line.text, line.heading, line.item) for line in doc.lines if line.text]
    assert [
        (6, "1. Rekisterinpitäjä", 2, False),
        (7, "Esimerkki Oy", 0, False),
        (7, "info@esimerkki.fi", 0, False),
        (8, "Nimi", 0, True),
        (8, "Osoite & puhelin", 0, True),
        (9, "Tiedot säilytetään kuusi vuotta.", 0, False),
    ] == lines
    assert "523/1999" not in doc.text
    assert "Etusivu" not in doc.text


def test_markdown_marks_headings_items_and_drops_emphasis() -> None:
    """`## Heading` is a level-2 heading, `- item` an item, `**bold**` and links lose their markup."""
    doc = document_from_text("# Otsikko\n\n## 2. Tarkoitus\n- **Nimi:** [linkki](https://x.fi)\n", "md")
    assert [(1, "Otsikko", 1, False), (3, "2. Tarkoitus", 2, False), (4, "- Nimi: linkki", 0, True)] == [
        (line.number, line.text, line.heading, line.item) for line in doc.lines if line.text]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("a.html", "x", "html"), ("a.HTM", "x", "html"), ("a.md", "x", "md"), ("a.txt", "<p>x</p>", "txt"),
    (None, "<!doctype html><p>x</p>", "html"), (None, "Rekisteriseloste", "txt"), ("a.rtf", "<div>x</div>", "html"),
])
def test_format_comes_from_the_suffix_then_the_content(name: str | None, text: str, expected: str) -> None:
    """The suffix decides; without a known suffix, HTML is recognised by its opening tag."""
    assert expected == detect_format(name, text)


def test_decode_accepts_utf8_bom_utf16_and_windows_1252() -> None:
    """Old Finnish pages in Windows-1252 decode with their ä and ö intact."""
    assert "Säilytysaika" == decode("\ufeffSäilytysaika".encode())
    assert "Säilytysaika" == decode("Säilytysaika".encode("utf-16"))
    assert "Säilytysaika" == decode("Säilytysaika".encode("cp1252"))


@pytest.mark.parametrize("data", [b"\x00\x01\x02PK\x03\x04", bytes(range(32)) * 10])
def test_binary_data_is_refused(data: bytes) -> None:
    """NUL bytes or many control characters mean a binary file."""
    with pytest.raises(UnreadableInput, match="binary"):
        decode(data)


def test_read_document_reports_missing_empty_and_binary_files(tmp_path: Path) -> None:
    """Each unreadable input raises UnreadableInput (also a ValueError) naming the file."""
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for path, reason in ((tmp_path / "missing.txt", "not found"), (empty, "no text"), (binary, "binary"),
                         (tmp_path, "directory")):
        with pytest.raises(ValueError, match=reason):
            read_document(path)


def test_very_long_input_is_cut_and_marked(tmp_path: Path) -> None:
    """A file over the size limit is read up to the limit and flagged as truncated."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"Rekisterinpitaja on Oy. " * (MAX_BYTES // 24 + 10))
    doc = read_document(path)
    assert doc.truncated
    assert len(doc.text) <= MAX_BYTES

"""Rendered statement HTML becomes EditorJS blocks that Saleor's dashboard can show and edit, safely."""

from __future__ import annotations

import re

from rekisterikit import Statement
from rekisterikit.contrib.saleor.editorjs import EDITORJS_VERSION, html_to_editorjs, paragraphs_to_editorjs
from rekisterikit.render import render

_ALLOWED_MARKUP = re.compile(r"<(?!/?(?:b|i|br)>|a href=\"[^\"<>]*\">|/a>)")


def _blocks(html: str, **kwargs: bool) -> list[dict[str, object]]:
    data = html_to_editorjs(html, **kwargs)
    assert EDITORJS_VERSION == data["version"]
    blocks: list[dict[str, object]] = data["blocks"]
    return blocks


def test_headings_paragraphs_and_lists() -> None:
    """h2–h6 become header blocks with their level, p paragraphs, ul/ol lists; the h1 (the page title) is left out."""
    assert [
        {"type": "header", "data": {"text": "Rekisterinpitäjä", "level": 2}},
        {"type": "paragraph", "data": {"text": "Kauppa <b>Oy</b> ja <i>muut</i>"}},
        {"type": "list", "data": {"style": "ordered", "items": ["yksi", "kaksi"]}},
        {"type": "list", "data": {"style": "unordered", "items": ["a", "b", "b1"]}},
    ] == _blocks("<h1>Otsikko</h1><h2>Rekisterinpitäjä</h2><p>Kauppa <strong>Oy</strong> ja <em>muut</em></p>"
                 "<ol><li>yksi</li><li>kaksi</li></ol><ul><li>a</li><li>b<ul><li>b1</li></ul></li></ul>")


def test_h1_is_kept_when_asked() -> None:
    """With skip_h1=False the h1 becomes a level-1 header."""
    assert [{"type": "header", "data": {"text": "Otsikko", "level": 1}}] == _blocks("<h1>Otsikko</h1>",
                                                                                     skip_h1=False)


def test_definition_lists_become_labelled_paragraphs() -> None:
    """Each dt/dd pair becomes one paragraph with the term in bold."""
    assert [{"type": "paragraph", "data": {"text": "<b>Y-tunnus:</b> 0956453-1"}}] == _blocks(
        "<dl><div><dt>Y-tunnus</dt><dd>0956453-1</dd></div></dl>")


def test_tables_keep_their_caption_and_heading_row() -> None:
    """A table becomes a table block (withHeadings from th in the first row), its caption a paragraph before it."""
    assert [
        {"type": "paragraph", "data": {"text": "Evästeet"}},
        {"type": "table", "data": {"withHeadings": True, "content": [["Nimi", "Kesto"], ["_ga", "2 v"]]}},
    ] == _blocks("<table><caption>Evästeet</caption><thead><tr><th>Nimi</th><th>Kesto</th></tr></thead>"
                 "<tbody><tr><td>_ga</td><td>2 v</td></tr></tbody></table>")


def test_list_items_with_block_content_become_paragraphs() -> None:
    """A list whose items hold paragraphs and facts is flattened into paragraphs in document order."""
    assert [
        {"type": "paragraph", "data": {"text": "<b>Tietosuojavaltuutettu</b>"}},
        {"type": "paragraph", "data": {"text": "<b>Osoite:</b> PL 800"}},
    ] == _blocks('<ul class="rk-entries"><li><p><strong>Tietosuojavaltuutettu</strong></p>'
                 "<dl><div><dt>Osoite</dt><dd>PL 800</dd></div></dl></li></ul>")


def test_blockquote_becomes_a_quote() -> None:
    """A blockquote becomes a quote block."""
    assert [{"type": "quote", "data": {"text": "Lainaus", "caption": "", "alignment": "left"}}] == _blocks(
        "<blockquote>Lainaus</blockquote>")


def test_text_is_escaped_and_only_safe_inline_markup_survives() -> None:
    """Text stays text (escaped), scripts and the table of contents are dropped, javascript: links lose their href."""
    blocks = _blocks('<nav><a href="#x">Sisällys</a></nav><p>1 &lt; 2 &amp; <script>alert(1)</script>'
                     '<a href="javascript:alert(1)" onclick="x()">klikkaa</a> <img src=x onerror=alert(1)>'
                     '<span style="color:red">väri</span> <a href="https://tietosuoja.fi" class="x">linkki</a></p>')
    assert [{"type": "paragraph", "data": {
        "text": '1 &lt; 2 &amp; klikkaa väri <a href="https://tietosuoja.fi">linkki</a>'}}] == blocks


def test_href_is_escaped() -> None:
    """A URL with quotes or ampersands cannot break out of the href attribute."""
    (block,) = _blocks('<p><a href="https://x.example/?a=1&amp;b=&quot;2">x</a></p>')
    assert {"text": '<a href="https://x.example/?a=1&amp;b=&#34;2">x</a>'} == block["data"]


def test_plain_text_paragraphs() -> None:
    """Plain text becomes one escaped paragraph per blank-line separated chunk."""
    assert [{"type": "paragraph", "data": {"text": "a &lt;b&gt;"}},
            {"type": "paragraph", "data": {"text": "c d"}}] == paragraphs_to_editorjs("a <b>\n\nc\nd\n\n")["blocks"]


def test_rendered_statement_converts_to_safe_known_blocks(statement: Statement) -> None:
    """A real rendered statement gives only known block types, only safe inline markup, and its version."""
    data = html_to_editorjs(str(render(statement, locale="fi", format="html")))
    kinds = {b["type"] for b in data["blocks"]}
    assert kinds <= {"header", "paragraph", "list", "table", "quote"}
    assert {"header", "paragraph", "table"} <= kinds
    texts = [b["data"]["text"] for b in data["blocks"] if "text" in b["data"]]
    texts += [cell for b in data["blocks"] if b["type"] == "table" for row in b["data"]["content"] for cell in row]
    texts += [item for b in data["blocks"] if b["type"] == "list" for item in b["data"]["items"]]
    assert [] == [t for t in texts if _ALLOWED_MARKUP.search(t)]
    assert any(statement.version in t for t in texts)
    assert data == html_to_editorjs(str(render(statement, locale="fi", format="html")))

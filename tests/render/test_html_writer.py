"""The HTML writer escapes every value: byte for byte the output of the ``Markup.format`` writer it replaced
(tests/render/reference_html.py), on document trees whose every text, label, id, caption and link is hostile."""

from __future__ import annotations

import datetime as dt

import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.model import Language
from rekisterikit.render import html
from rekisterikit.render.document import (
    Block,
    BulletList,
    Column,
    Document,
    Entries,
    Entry,
    Fact,
    Facts,
    Paragraph,
    Section,
    Span,
    Table,
)
from tests.render import reference_html

#: Markup, entities, quotes that would close an attribute, format braces and ordinary letters.
_PIECES = st.sampled_from(['<script>alert(1)</script>', '"', "'", "&", "&amp;", "<", ">", "</p>", '" onmouseover="x',
                           "{}", "{0}", "{id}", "%s", "ä", " ", "rk-x", "\n", "\u2028", "`", "=", "/"])
TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=6).map("".join)
HREFS = st.one_of(st.none(), st.sampled_from([
    "https://example.fi/?a=1&b=<2>", "#rk-purposes", "mailto:a@example.fi", "tel:+358401234567",
    'javascript:alert("x")', 'https://example.fi/" onclick="x', "#rk-<x>", "http://", "data:text/html,<b>"]), TEXTS)
LANGS = st.one_of(st.none(), st.sampled_from(list(Language)))
SPANS = st.builds(Span, text=TEXTS, lang=LANGS, href=HREFS, strong=st.booleans(), missing=st.booleans())
INLINES = st.lists(SPANS, max_size=3).map(tuple)
FACTS = st.lists(st.builds(Fact, label=TEXTS, value=INLINES), max_size=3).map(tuple)
IDS = st.one_of(st.none(), st.just(""), TEXTS)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    columns = tuple(draw(st.lists(st.builds(Column, key=TEXTS, label=TEXTS), min_size=1, max_size=3)))
    rows = draw(st.lists(st.tuples(*[INLINES] * len(columns)), max_size=3))
    return Table(id=draw(TEXTS), caption=draw(TEXTS), columns=columns, rows=tuple(rows))


def _blocks(inner: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
    entries = st.builds(Entry, title=INLINES, facts=FACTS, blocks=st.lists(inner, max_size=2).map(tuple), id=IDS)
    return st.one_of(
        st.builds(Paragraph, content=INLINES, missing=st.booleans()),
        st.builds(BulletList, items=st.lists(INLINES, max_size=3).map(tuple)),
        st.builds(Facts, items=FACTS),
        st.builds(Entries, items=st.lists(entries, max_size=2).map(tuple)),
        tables(),
    )


BLOCKS: st.SearchStrategy[Block] = st.deferred(lambda: _blocks(BLOCKS))
SECTIONS: st.SearchStrategy[Section] = st.deferred(lambda: st.builds(
    Section, id=TEXTS, heading=INLINES, blocks=st.lists(BLOCKS, max_size=3).map(tuple),
    sections=st.lists(SECTIONS, max_size=2).map(tuple), highlight=st.booleans()))
DOCUMENTS = st.builds(
    Document, lang=st.sampled_from(list(Language)), title=INLINES, controller=TEXTS, version=TEXTS,
    updated=st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1))), updated_text=TEXTS,
    version_text=TEXTS, contents_label=TEXTS, intro=st.lists(BLOCKS, max_size=2).map(tuple),
    sections=st.lists(SECTIONS, max_size=3).map(tuple))


@settings(max_examples=150)
@given(DOCUMENTS, st.booleans(), st.integers(min_value=-1, max_value=7))
def test_writer_output_is_the_markup_format_writers(document: Document, full_page: bool, level: int) -> None:
    """Every value reaches the page escaped exactly as ``Markup.format`` escaped it, in every element and
    attribute the writer emits (ids, captions, column labels, links, languages, headings at every level)."""
    expected = reference_html.render_document(document, full_page=full_page, heading_level=level)
    assert expected == html.render_document(document, full_page=full_page, heading_level=level)


@given(tables())
def test_table_output_is_the_markup_format_writers(table: Table) -> None:
    assert reference_html.render_table(table) == html.render_table(table)


def test_a_hostile_text_in_every_slot_stays_text() -> None:
    """An independent check of the same property: markup written into every slot comes back as text."""
    bad = '<img src=x onerror="alert(1)">&amp;\'"'
    spans = (Span(text=bad), Span(text=bad, lang=Language.SV, href="https://example.fi/", strong=True),
             Span(text=bad, href='javascript:alert("1")'))
    table = Table(id=bad, caption=bad, columns=(Column(key="k", label=bad),), rows=((spans,),))
    entry = Entry(title=spans, facts=(Fact(label=bad, value=spans),), blocks=(Paragraph(content=spans),), id=bad)
    section = Section(id=bad, heading=spans, blocks=(Paragraph(content=spans, missing=True),
                                                     BulletList(items=(spans,)), Facts(items=(Fact(label=bad,
                                                                                                   value=spans),)),
                                                     Entries(items=(entry,)), table))
    document = Document(lang=Language.FI, title=spans, controller=bad, version=bad, updated=dt.date(2024, 5, 1),
                        updated_text=bad, version_text=bad, contents_label=bad, intro=(Paragraph(content=spans),),
                        sections=(section,))
    page = str(html.render_document(document, full_page=True))
    tree = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    assert not [el for el in tree.iter() if el.tag in ("img", "script")]
    assert not [el for el in tree.iter() if "onerror" in el.attrib or "onclick" in el.attrib]
    assert "javascript:" not in page
    assert all(el.attrib.get("id") in (None, bad, f"{bad}-caption", "rk-contents-title") for el in tree.iter())
    texts = "".join(tree.itertext())
    assert texts.count(bad) >= 20

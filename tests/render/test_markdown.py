"""Tests of rekisterikit.render.markdown: Markdown that keeps shop text as text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from rekisterikit import Statement, loads
from rekisterikit.render import render, render_cookie_table
from rekisterikit.render.links import is_safe
from rekisterikit.render.markdown import escape
from tests.render.samples import full, hostile_statements


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>", "\\<script\\>"),
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("**b** _i_ `c` ~~s~~", "\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~"),
    ("# h", "\\# h"),
    ("- item", "\\- item"),
    ("1. item", "1\\. item"),
    ("a\n\n# b", "a # b"),
    ("a | b", "a \\| b"),
    ("&amp;", "\\&amp;"),
    ("{#id}", "\\{#id\\}"),
    ("Y-tunnus 12.7.2020 (a)", "Y-tunnus 12.7.2020 (a)"),
])
def test_escape(text: str, expected: str) -> None:
    """Markdown and HTML syntax gets a backslash; ordinary punctuation stays readable."""
    assert expected == escape(text)


#: What Python-Markdown (tables, attr_list) makes of the renderer's Markdown; anything else came from shop text.
MD_ELEMENTS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "em", "strong", "a", "ul", "li", "table", "thead", "tbody",
               "tr", "th", "td"}


@settings(max_examples=60)
@given(hostile_statements())
def test_hostile_text_stays_text_in_markdown(statement: Statement) -> None:
    """Converted by a Markdown implementation, the output has only the renderer's structure: no raw HTML, no
    attribute injection, and links only to http(s), mailto, tel or the renderer's anchors."""
    markdown = pytest.importorskip("markdown")
    html5lib = pytest.importorskip("html5lib")
    md = render(statement, locale="fi", format="markdown")
    html = markdown.markdown(md, extensions=["tables", "attr_list"])
    root = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    problems = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag == "DOCUMENT_FRAGMENT":
            continue
        if el.tag not in MD_ELEMENTS:
            problems.append(f"<{el.tag}>")
        for name, value in el.attrib.items():
            if name == "href":
                if not is_safe(value):
                    problems.append(f"href={value!r}")
            elif not (name == "id" and re.fullmatch(r"rk-[a-z0-9_-]+", value)):
                problems.append(f"{name}={value!r} on <{el.tag}>")
    assert [] == problems


def test_headings_carry_stable_anchors() -> None:
    """Section headings end in {#id} with the same ids as the HTML."""
    md = render(full(), locale="fi", format="markdown")
    assert md.startswith("# Tietosuojaseloste\n\n*Päivitetty 12.7.2020*\n")
    assert "\n## Rekisterinpitäjä {#rk-controller}\n" in md
    assert "\n### Oikeus vastustaa käsittelyä {#rk-objection}\n" in md


def test_cookie_table_is_a_pipe_table() -> None:
    """The cookie table is a pipe table with a header row."""
    md = render_cookie_table(full(), locale="en", format="markdown")
    assert ("**Cookies and similar techniques used on this site**\n\n"
            "| Name | Provider | Purpose | Category | Duration | Who receives the data |\n|---|---|---|---|---|---|\n"
            "| sessionid | Testikauppa Oy | Shopping cart. | Necessary | for the session | Only we receive the data "
            "(first-party cookie) |\n") == (
        md.split("| prefs")[0])


def test_missing_content_in_italics() -> None:
    """A "not stated" passage is set in italics."""
    md = render(loads('[controller]\nname = "K"\n'), locale="en", format="markdown")
    assert "\n*Retention periods are not stated.*\n" in md

"""Tests of rekisterikit.render.html: safe, semantic HTML fragments and standalone pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from rekisterikit import LocalizedText, Statement, loads
from rekisterikit.render import STYLESHEET, render, render_cookie_table
from rekisterikit.render.links import is_safe
from tests.render.samples import FULL, empty, full, hostile_statements

_HEADINGS = {f"h{n}": {"class"} for n in range(1, 7)}
#: Every element the renderer creates, with the attributes it may carry.
ALLOWED: dict[str, set[str]] = {
    "html": {"lang"}, "head": set(), "meta": {"charset", "name", "content"}, "title": set(), "style": set(),
    "body": set(), "main": {"class"}, "article": {"class", "lang", "data-rk-version"}, "header": {"class"},
    **_HEADINGS, "p": {"class", "id"}, "time": {"datetime"}, "nav": {"class", "aria-labelledby"}, "ol": set(),
    "ul": {"class"}, "li": {"id"}, "a": {"href"}, "span": {"lang"}, "strong": set(), "section": {"id", "class"},
    "dl": {"class"}, "div": {"class", "role", "tabindex", "aria-labelledby"}, "dt": set(), "dd": set(),
    "table": {"id", "class"}, "caption": {"id"},
    "thead": set(), "tbody": set(), "tr": set(), "th": {"scope"}, "td": {"data-label"},
}
CLASSES = {"rk-statement", "rk-header", "rk-title", "rk-updated", "rk-contents", "rk-contents-title", "rk-section",
           "rk-highlight", "rk-facts", "rk-entries", "rk-entry-title", "rk-missing", "rk-table-wrap", "rk-table",
           "rk-page"}
_ID = re.compile(r"rk-[a-z0-9_-]+")


def _parse(html: str, *, full_page: bool) -> ET.Element:
    if full_page:
        return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)


def _problems(root: ET.Element) -> list[str]:
    problems = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag == "DOCUMENT_FRAGMENT":
            continue
        if el.tag not in ALLOWED:
            problems.append(f"element <{el.tag}>")
            continue
        for name, value in el.attrib.items():
            if name not in ALLOWED[el.tag]:
                problems.append(f"attribute {name} on <{el.tag}>")
            elif name == "href" and not is_safe(value):
                problems.append(f"unsafe href {value!r}")
            elif name == "lang" and value not in ("fi", "sv", "en"):
                problems.append(f"lang {value!r}")
            elif name == "id" and not _ID.fullmatch(value):
                problems.append(f"id {value!r}")
            elif name == "class" and not set(value.split()) <= CLASSES:
                problems.append(f"class {value!r}")
        if el.tag == "style" and (el.text or "").strip() and STYLESHEET not in (el.text or ""):
            problems.append("foreign style")
    return problems


@given(hostile_statements(), st.sampled_from(["fi", "sv", "en"]), st.booleans())
def test_hostile_text_never_becomes_markup(statement: Statement, locale: str, full_page: bool) -> None:
    """Whatever a shop writes (markup, quotes, javascript: URLs, controls), the HTML parses with only elements and
    attributes the renderer creates, and links use only http(s), mailto, tel or the renderer's own anchors."""
    html = render(statement, locale=locale, full_page=full_page)
    assert [] == _problems(_parse(str(html), full_page=full_page))


def test_shop_markup_is_shown_as_text() -> None:
    """A controller name full of markup comes out as the same characters, escaped in the source."""
    statement = loads('[controller]\nname = "<b onclick=\\"x\\">Kauppa</b> & Co"\n')
    html = render(statement, locale="fi")
    root = _parse(str(html), full_page=False)
    assert "<b onclick=\"x\">Kauppa</b> & Co" in "".join(root.itertext())
    assert "&lt;b onclick=&#34;x&#34;&gt;Kauppa&lt;/b&gt; &amp; Co" in html


def test_returns_markup_that_templates_do_not_escape_again() -> None:
    """HTML comes back as Markup with __html__, so escaping it again is a no-op (Jinja, Django)."""
    html = render(full(), locale="fi")
    assert isinstance(html, Markup)
    assert html == html.__html__() == escape(html)


def test_jinja_inserts_the_fragment_as_is() -> None:
    """A Jinja template with autoescape inserts the rendering without double escaping."""
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(autoescape=True)
    html = render(full(), locale="fi")
    assert "<main>" + str(html) + "</main>" == env.from_string("<main>{{ statement }}</main>").render(statement=html)


def test_django_conditional_escape_keeps_the_fragment() -> None:
    """Django's conditional_escape (used by {{ }}) recognises __html__ and leaves the rendering alone."""
    pytest.importorskip("django")
    from django.utils.html import conditional_escape

    html = render(full(), locale="sv")
    assert str(html) == str(conditional_escape(html))


def test_sections_in_article_13_order_with_stable_ids() -> None:
    """Top-level sections follow GDPR Art. 13 order and carry the same ids in every language."""
    expected = ["rk-controller", "rk-dpo", "rk-purposes", "rk-data", "rk-sources", "rk-recipients", "rk-transfers",
                "rk-retention", "rk-security", "rk-rights", "rk-withdraw-consent", "rk-complaint", "rk-provision",
                "rk-automated-decisions", "rk-children", "rk-cookies", "rk-changes"]
    for locale in ("fi", "sv", "en"):
        root = _parse(str(render(full(), locale=locale)), full_page=False)
        article = root.find("article")
        assert article is not None
        assert expected == [s.get("id") for s in article.findall("section")]


def test_objection_is_a_separate_highlighted_block() -> None:
    """The right to object has its own visibly separate section (GDPR 21(4)) with its own heading."""
    root = _parse(str(render(full(), locale="fi")), full_page=False)
    (objection,) = [s for s in root.iter("section") if s.get("id") == "rk-objection"]
    assert "rk-section rk-highlight" == objection.get("class")
    assert "Oikeus vastustaa käsittelyä" == objection.findtext("h3")


def test_fallback_text_is_marked_with_its_language() -> None:
    """A shop text missing in the requested language is shown in the default language inside lang="…"."""
    statement = loads('languages = ["fi", "sv"]\ntitle = "Tietosuojaseloste"\n[controller]\nname = "Kauppa"\n')
    root = _parse(str(render(statement, locale="sv")), full_page=False)
    title = root.find(".//h1")
    assert title is not None
    span = title.find("span")
    assert span is not None
    assert ("fi", "Tietosuojaseloste") == (span.get("lang"), span.text)
    assert "sv" == root.find("article").get("lang")  # type: ignore[union-attr]


def test_translated_text_has_no_lang_mark() -> None:
    """A shop text available in the requested language needs no lang attribute of its own."""
    root = _parse(str(render(full(), locale="sv")), full_page=False)
    title = root.find(".//h1")
    assert title is not None
    assert ("Dataskyddsbeskrivning", []) == (title.text, list(title))


def test_cookie_table_has_the_six_columns() -> None:
    """The cookie table lists name, provider, purpose, category, duration and who receives the data (with the
    party), necessary cookies first: a provider other than the controller is named as receiving the data."""
    table = render_cookie_table(full(), locale="en")
    root = _parse(str(table), full_page=False)
    headers = [th.text for th in root.iter("th")]
    assert ["Name", "Provider", "Purpose", "Category", "Duration", "Who receives the data"] == headers
    assert {"col"} == {th.get("scope") for th in root.iter("th")}
    rows = [[("".join(td.itertext())) for td in tr.findall("td")] for tr in root.iter("tr") if tr.findall("td")]
    assert ["sessionid", "Testikauppa Oy", "Shopping cart.", "Necessary", "for the session",
            "Only we receive the data (first-party cookie)"] == rows[0]
    assert ["_ga", "Google Ireland Limited (Ireland)", "Visitor statistics.", "Statistics", "2 years",
            "Google Ireland Limited receives the data (third-party cookie)"] == rows[2]


def test_full_page_is_a_standalone_document() -> None:
    """full_page wraps the fragment in a page with doctype, language, title, viewport and the stylesheet."""
    page = render(full(), locale="sv", full_page=True)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"sv\">")
    root = _parse(str(page), full_page=True)
    assert "Dataskyddsbeskrivning – Testikauppa Oy" == root.findtext(".//title")
    assert STYLESHEET in (root.findtext(".//style") or "")
    assert root.find(".//main/article") is not None


def test_heading_level_shifts_every_heading() -> None:
    """heading_level=2 makes the title an h2 and the sections h3, for pages that have their own h1."""
    root = _parse(str(render(full(), locale="fi", heading_level=2)), full_page=False)
    assert [] == list(root.iter("h1"))
    assert "Tietosuojaseloste" == root.findtext(".//header/h2")
    controller = next(s for s in root.iter("section") if s.get("id") == "rk-controller")
    assert "Rekisterinpitäjä" == controller.findtext("h3")


def test_links_are_built_from_contact_details() -> None:
    """E-mail, phone and web addresses become mailto:, tel: and https: links."""
    root = _parse(str(render(full(), locale="fi")), full_page=False)
    hrefs = {a.get("href") for a in root.iter("a")}
    assert {"mailto:info@testikauppa.fi", "tel:+358401234567", "https://testikauppa.fi",
            "mailto:tietosuoja@om.fi", "https://tietosuoja.fi", "#rk-objection", "#rk-purpose-tilaukset",
            "#rk-basis-contract"} <= hrefs


def test_missing_content_is_stated_honestly() -> None:
    """A statement that gives nothing says so in each required section instead of inventing content."""
    root = _parse(str(render(empty(), locale="en")), full_page=False)
    missing = ["".join(p.itertext()) for p in root.iter("p") if p.get("class") == "rk-missing"]
    assert ["The controller's contact details are not stated.", "The purposes of processing are not stated.",
            "The categories of personal data are not stated.", "The sources of the data are not stated.",
            "The recipients of the data are not stated.",
            "Whether data is transferred outside the EU and the EEA is not stated.",
            "Retention periods are not stated.", "Whether you have to give the data is not stated.",
            "Whether automated decisions are made is not stated."] == missing


def test_updated_date_in_a_time_element() -> None:
    """The update date is printed in the locale's format inside <time datetime>."""
    root = _parse(str(render(full(), locale="fi")), full_page=False)
    time = root.find(".//header//time")
    assert time is not None
    assert ("2020-07-12", "Päivitetty 12.7.2020") == (time.get("datetime"), time.text)


def test_version_is_printed() -> None:
    """The statement version (content hash) is on the article and printed in the changes section."""
    statement = full()
    html = render(statement, locale="en")
    root = _parse(str(html), full_page=False)
    assert statement.version == root.find("article").get("data-rk-version")  # type: ignore[union-attr]
    changes = next(s for s in root.iter("section") if s.get("id") == "rk-changes")
    assert statement.version in "".join(changes.itertext())


def test_full_statement_text_appears_in_the_requested_language() -> None:
    """Shop texts are picked in the requested language."""
    assert "Handling orders." in render(full(), locale="en")
    assert "Hantering av beställningar." in render(full(), locale="sv")
    assert LocalizedText(fi="x").get("fi") == "x"  # the sample is built from the same model
    assert "Tilausten käsittely." in render(loads(FULL), locale="fi")

"""The HTML writer as it was before issue 18, built entirely with ``Markup.format``: the reference the fast writer
(:mod:`rekisterikit.render.html`) is compared with, byte for byte, in test_html_writer.py. Test code only."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from rekisterikit.model import Language
from rekisterikit.render.document import (
    Block,
    BulletList,
    Document,
    Entries,
    Facts,
    Inlines,
    Paragraph,
    Section,
    Table,
)
from rekisterikit.render.html import _PAGE_STYLE, STYLESHEET
from rekisterikit.render.links import is_safe


def _inlines(content: Inlines, *, links: bool = True) -> Markup:
    parts = []
    for span in content:
        html = escape(span.text)
        if span.strong:
            html = Markup("<strong>{}</strong>").format(html)
        if links and span.href is not None and is_safe(span.href):
            html = Markup('<a href="{}">{}</a>').format(span.href, html)
        if span.lang is not None:
            html = Markup('<span lang="{}">{}</span>').format(Language(span.lang).value, html)
        parts.append(html)
    return Markup("").join(parts)


def _facts(items: Iterable[tuple[str, Inlines]]) -> Markup:
    rows = Markup("").join(Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(label, _inlines(value))
                           for label, value in items)
    return Markup('<dl class="rk-facts">{}</dl>').format(rows)


def render_table(table: Table) -> Markup:
    """A table as HTML: caption, column headers (``scope="col"``) and cells labelled for narrow screens."""
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(c.label) for c in table.columns)
    rows = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(
            Markup('<td data-label="{}">{}</td>').format(column.label, _inlines(cell))
            for column, cell in zip(table.columns, row, strict=True)))
        for row in table.rows)
    # A region that may scroll sideways must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable).
    return Markup('<div class="rk-table-wrap" role="region" tabindex="0" aria-labelledby="{id}-caption">'
                  '<table id="{id}" class="rk-table"><caption id="{id}-caption">{}</caption>'
                  "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>").format(
        table.caption, head, rows, id=table.id)


def _block(block: Block) -> Markup:
    if isinstance(block, Paragraph):
        if block.missing:
            return Markup('<p class="rk-missing">{}</p>').format(_inlines(block.content))
        return Markup("<p>{}</p>").format(_inlines(block.content))
    if isinstance(block, BulletList):
        return Markup("<ul>{}</ul>").format(Markup("").join(
            Markup("<li>{}</li>").format(_inlines(item)) for item in block.items))
    if isinstance(block, Facts):
        return _facts((f.label, f.value) for f in block.items)
    if isinstance(block, Entries):
        items = []
        for entry in block.items:
            facts = _facts((f.label, f.value) for f in entry.facts) if entry.facts else Markup("")
            blocks = Markup("").join(_block(b) for b in entry.blocks)
            ident = Markup(' id="{}"').format(entry.id) if entry.id else Markup("")
            items.append(Markup('<li{}><p class="rk-entry-title">{}</p>{}{}</li>').format(
                ident, _inlines(entry.title), facts, blocks))
        return Markup('<ul class="rk-entries">{}</ul>').format(Markup("").join(items))
    return render_table(block)


def _section(section: Section, level: int) -> Markup:
    tag = f"h{min(level, 6)}"
    heading = Markup("<{tag}>{}</{tag}>".replace("{tag}", tag)).format(_inlines(section.heading))
    body = Markup("").join(_block(b) for b in section.blocks)
    subsections = Markup("").join(_section(s, level + 1) for s in section.sections)
    css = "rk-section rk-highlight" if section.highlight else "rk-section"
    return Markup('<section id="{}" class="{}">\n{}\n{}{}</section>\n').format(
        section.id, css, heading, body, subsections)


def render_document(document: Document, *, full_page: bool = False, heading_level: int = 1) -> Markup:
    """Serialise a document as HTML.

    Args:
        document: the document to write.
        full_page: wrap the fragment in a standalone HTML page with the default style.
        heading_level: the level of the title heading (1–5); sections use the levels below it.

    Returns:
        The HTML, as :class:`~markupsafe.Markup`.
    """
    level = max(1, min(heading_level, 5))
    title_tag = f"h{level}"
    updated = (Markup('<time datetime="{}">{}</time>').format(document.updated.isoformat(), document.updated_text)
               if document.updated else escape(document.updated_text))
    header = Markup('<header class="rk-header">\n<{tag} class="rk-title">{}</{tag}>\n<p class="rk-updated">{}</p>\n'
                    "</header>\n".replace("{tag}", title_tag)).format(_inlines(document.title), updated)
    intro = Markup("").join(_block(b) for b in document.intro)
    contents = Markup("").join(
        Markup('<li><a href="#{}">{}</a></li>').format(s.id, _inlines(s.heading, links=False))
        for s in document.sections)
    nav = Markup('<nav class="rk-contents" aria-labelledby="rk-contents-title">'
                 '<p class="rk-contents-title" id="rk-contents-title">{}</p><ol>{}</ol></nav>\n').format(
        document.contents_label, contents)
    sections = Markup("").join(_section(s, level + 1) for s in document.sections)
    fragment = Markup('<article class="rk-statement" lang="{}" data-rk-version="{}">\n{}{}\n{}{}</article>\n').format(
        document.lang.value, document.version, header, intro, nav, sections)
    if not full_page:
        return fragment
    title = "".join(s.text for s in document.title)
    return Markup('<!DOCTYPE html>\n<html lang="{}">\n<head>\n<meta charset="utf-8">\n'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  '<meta name="generator" content="rekisterikit">\n<title>{}</title>\n<style>\n{}{}</style>\n'
                  '</head>\n<body>\n<main class="rk-page">\n{}</main>\n</body>\n</html>\n').format(
        document.lang.value, f"{title} – {document.controller}" if document.controller not in title else title,
        Markup(_PAGE_STYLE), STYLESHEET, fragment)

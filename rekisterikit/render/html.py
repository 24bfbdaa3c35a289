"""The HTML writer: a semantic fragment to embed in a shop's layout, or a standalone printable page.

Everything is built with :class:`markupsafe.Markup` (``Markup(...).format`` escapes every argument), so no text of the
statement can become markup. Link targets come only from :mod:`rekisterikit.render.links`.
"""

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
from rekisterikit.render.links import is_safe

__all__ = ["STYLESHEET", "render_document", "render_table"]

#: The default style of a rendered statement, scoped to ``.rk-statement``: put it inside a ``<style>`` element of
#: your layout (it is :class:`~markupsafe.Markup`, so templates insert it unescaped), or write your own against the
#: same class names. The standalone page embeds it.
STYLESHEET = Markup("""\
.rk-statement{--rk-text:#1d2630;--rk-muted:#52606d;--rk-accent:#0b5cad;--rk-line:#d9e0e7;--rk-soft:#f4f7fa;
--rk-warn:#a14a00;--rk-warn-soft:#fff6ec;color:var(--rk-text);line-height:1.6;font-size:1rem;max-width:48rem;
overflow-wrap:break-word}
.rk-statement h1,.rk-statement h2,.rk-statement h3,.rk-statement h4,.rk-statement h5,.rk-statement h6{
line-height:1.25;margin:1.6em 0 .5em;font-weight:650}
.rk-statement .rk-header h1,.rk-statement .rk-header h2{margin-top:0;font-size:2rem;letter-spacing:-.01em}
.rk-statement .rk-updated{color:var(--rk-muted);margin:.25rem 0 1.25rem}
.rk-statement a{color:var(--rk-accent);text-underline-offset:.15em}
.rk-statement a:focus-visible{outline:3px solid var(--rk-accent);outline-offset:2px;border-radius:2px}
.rk-statement .rk-contents{background:var(--rk-soft);border:1px solid var(--rk-line);border-radius:.5rem;
padding:.75rem 1.25rem;margin:1.5rem 0}
.rk-statement .rk-contents-title{font-weight:650;margin:0 0 .25rem}
.rk-statement .rk-contents ol{margin:0;padding-left:1.4rem;columns:2 16rem;column-gap:2rem}
.rk-statement .rk-contents li{break-inside:avoid;margin:.1rem 0}
.rk-statement>section{border-top:1px solid var(--rk-line);margin-top:2rem}
.rk-statement>section>h2,.rk-statement>section>h3{margin-top:1.25rem}
.rk-statement section section{margin-top:1.25rem}
.rk-statement .rk-facts{display:grid;grid-template-columns:minmax(9rem,max-content) 1fr;gap:.3rem 1.25rem;
margin:.75rem 0}
.rk-statement .rk-facts>div{display:contents}
.rk-statement .rk-facts dt{color:var(--rk-muted);font-weight:600}
.rk-statement .rk-facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.rk-statement .rk-entries{list-style:none;padding:0;margin:.75rem 0;display:grid;gap:.75rem}
.rk-statement .rk-entries>li{background:var(--rk-soft);border:1px solid var(--rk-line);border-radius:.5rem;
padding:.75rem 1rem}
.rk-statement .rk-entries .rk-facts{margin:.4rem 0 0}
.rk-statement .rk-entries p{margin:.4rem 0 0}
.rk-statement .rk-entry-title{margin:0}
.rk-statement .rk-missing{font-style:italic;color:var(--rk-warn)}
.rk-statement .rk-highlight{background:var(--rk-warn-soft);border:1px solid #f1c38e;border-left:.3rem solid
var(--rk-warn);border-radius:.5rem;padding:.25rem 1.25rem 1rem}
.rk-statement .rk-highlight>h3,.rk-statement .rk-highlight>h4{margin-top:.75rem}
.rk-statement .rk-table-wrap{overflow-x:auto;margin:1rem 0}
.rk-statement table{border-collapse:collapse;width:100%;font-size:.875rem}
.rk-statement caption{text-align:left;font-weight:650;padding:0 0 .5rem}
.rk-statement th,.rk-statement td{border-bottom:1px solid var(--rk-line);padding:.45rem .5rem;text-align:left;
vertical-align:top;hyphens:auto}
.rk-statement .rk-table th:nth-child(3){width:32%}
.rk-statement thead th{background:var(--rk-soft);border-bottom:2px solid var(--rk-line)}
.rk-statement td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8125rem;
white-space:nowrap}
@media (max-width:40rem){
.rk-statement .rk-facts{grid-template-columns:1fr;gap:0}
.rk-statement .rk-facts dd{margin-bottom:.4rem}
.rk-statement table,.rk-statement tbody,.rk-statement tr,.rk-statement td{display:block;width:100%}
.rk-statement thead{position:absolute;left:-9999px}
.rk-statement tr{border:1px solid var(--rk-line);border-radius:.5rem;margin:.5rem 0;padding:.25rem .5rem}
.rk-statement td{border:0;padding:.15rem 0}
.rk-statement td::before{content:attr(data-label) ": ";font-weight:600;color:var(--rk-muted);font-family:inherit}
}
@media print{
.rk-statement{max-width:none;font-size:10.5pt;color:#000}
.rk-statement .rk-contents{display:none}
.rk-statement h2,.rk-statement h3,.rk-statement h4{break-after:avoid}
.rk-statement .rk-entries>li,.rk-statement tr,.rk-statement .rk-highlight{break-inside:avoid}
.rk-statement .rk-entries>li{background:none}
.rk-statement a{color:inherit}
.rk-statement a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;color:#333}
}
""")

_PAGE_STYLE = """\
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
"Noto Sans",sans-serif}
.rk-page{padding:2.5rem 1.25rem 4rem;display:flex;justify-content:center}
@media print{.rk-page{padding:0}@page{margin:18mm 16mm}}
"""


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

"""The HTML writer: a semantic fragment to embed in a shop's layout, or a standalone printable page.

The HTML is written from this module's constant tag strings and values passed through :func:`markupsafe.escape`,
joined once into a :class:`markupsafe.Markup`, so no text of the statement can become markup. Link targets come only
from :mod:`rekisterikit.render.links`.
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
    Fact,
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


# The writer appends constant tag strings and escaped values to one list and joins it once (Markup.format goes
# through string.Formatter in Python for every element, several times slower). The rule that keeps it safe: every
# value that is not a constant of this module passes through ``escape()`` (remembered per document by
# ``_Writer.text``) on its way into the list, and nothing is concatenated with ``+`` (``str + Markup`` would escape
# the tag instead). tests/render/test_html_writer.py
# checks the output byte for byte against the Markup.format writer this replaced, on hostile trees.

#: The opening tag of a span in another language, per language; a lang outside the enum raises ValueError.
_LANG_OPEN = {lang: f'<span lang="{lang.value}">' for lang in Language}
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _Writer:
    """Writes one document or table: ``out`` collects the pieces; ``escaped`` remembers each text's escaped form
    for this document (labels, categories and durations repeat in every row of a table)."""

    __slots__ = ("escaped", "out", "w")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.w = self.out.append
        self.escaped: dict[str, str] = {}

    def text(self, text: str) -> str:
        html = self.escaped.get(text)
        if html is None:
            html = self.escaped[text] = escape(text)
        return html

    def html(self) -> Markup:
        return Markup("".join(self.out))

    def inlines(self, content: Inlines, links: bool = True) -> None:
        w, escaped = self.w, self.escaped
        for span in content:
            html = escaped.get(span.text)
            if html is None:
                html = escaped[span.text] = escape(span.text)
            lang, href, strong = span.lang, span.href, span.strong
            if lang is None and href is None and not strong:
                w(html)
                continue
            if lang is not None:
                w(_LANG_OPEN.get(lang) or _LANG_OPEN[Language(lang)])
            link = links and href is not None and is_safe(href)
            if link:
                w('<a href="')
                w(self.text(href))  # type: ignore[arg-type]  # link implies href is not None
                w('">')
            if strong:
                w("<strong>")
            w(html)
            if strong:
                w("</strong>")
            if link:
                w("</a>")
            if lang is not None:
                w("</span>")

    def facts(self, items: Iterable[Fact]) -> None:
        w = self.w
        w('<dl class="rk-facts">')
        for fact in items:
            w("<div><dt>")
            w(self.text(fact.label))
            w("</dt><dd>")
            self.inlines(fact.value)
            w("</dd></div>")
        w("</dl>")

    def table(self, table: Table) -> None:
        w = self.w
        # A region that may scroll sideways must be reachable by keyboard (WCAG 2.1.1, axe
        # scrollable-region-focusable).
        ident = self.text(table.id)
        for part in ('<div class="rk-table-wrap" role="region" tabindex="0" aria-labelledby="', ident,
                     '-caption"><table id="', ident, '" class="rk-table"><caption id="', ident, '-caption">',
                     self.text(table.caption), "</caption><thead><tr>"):
            w(part)
        for column in table.columns:
            w('<th scope="col">')
            w(self.text(column.label))
            w("</th>")
        w("</tr></thead><tbody>")
        # Each column's opening tag (with its escaped label) is built once per table, not once per cell.
        cells = ["".join(('<td data-label="', self.text(column.label), '">')) for column in table.columns]
        for row in table.rows:
            w("<tr>")
            for cell_open, cell in zip(cells, row, strict=True):
                w(cell_open)
                self.inlines(cell)
                w("</td>")
            w("</tr>")
        w("</tbody></table></div>")

    def block(self, block: Block) -> None:
        w = self.w
        if isinstance(block, Paragraph):
            w('<p class="rk-missing">' if block.missing else "<p>")
            self.inlines(block.content)
            w("</p>")
        elif isinstance(block, BulletList):
            w("<ul>")
            for item in block.items:
                w("<li>")
                self.inlines(item)
                w("</li>")
            w("</ul>")
        elif isinstance(block, Facts):
            self.facts(block.items)
        elif isinstance(block, Entries):
            w('<ul class="rk-entries">')
            for entry in block.items:
                if entry.id:
                    w('<li id="')
                    w(self.text(entry.id))
                    w('"><p class="rk-entry-title">')
                else:
                    w('<li><p class="rk-entry-title">')
                self.inlines(entry.title)
                w("</p>")
                if entry.facts:
                    self.facts(entry.facts)
                for inner in entry.blocks:
                    self.block(inner)
                w("</li>")
            w("</ul>")
        else:
            self.table(block)

    def section(self, section: Section, level: int) -> None:
        w = self.w
        tag = _HEADING_TAGS[min(level, 6) - 1]
        w('<section id="')
        w(self.text(section.id))
        w('" class="rk-section rk-highlight">\n<' if section.highlight else '" class="rk-section">\n<')
        w(tag)
        w(">")
        self.inlines(section.heading)
        w("</")
        w(tag)
        w(">\n")
        for block in section.blocks:
            self.block(block)
        for sub in section.sections:
            self.section(sub, level + 1)
        w("</section>\n")


def render_table(table: Table) -> Markup:
    """A table as HTML: caption, column headers (``scope="col"``) and cells labelled for narrow screens."""
    writer = _Writer()
    writer.table(table)
    return writer.html()


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
    title_tag = _HEADING_TAGS[level - 1]
    writer = _Writer()
    w, text = writer.w, writer.text
    lang = text(document.lang.value)
    if full_page:
        title = "".join(s.text for s in document.title)
        for part in ('<!DOCTYPE html>\n<html lang="', lang, '">\n<head>\n<meta charset="utf-8">\n'
                     '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                     '<meta name="generator" content="rekisterikit">\n<title>',
                     text(f"{title} – {document.controller}" if document.controller not in title else title),
                     "</title>\n<style>\n", _PAGE_STYLE, STYLESHEET,
                     '</style>\n</head>\n<body>\n<main class="rk-page">\n'):
            w(part)
    for part in ('<article class="rk-statement" lang="', lang, '" data-rk-version="', text(document.version),
                 '">\n<header class="rk-header">\n<', title_tag, ' class="rk-title">'):
        w(part)
    writer.inlines(document.title)
    for part in ("</", title_tag, '>\n<p class="rk-updated">'):
        w(part)
    if document.updated:
        for part in ('<time datetime="', text(document.updated.isoformat()), '">', text(document.updated_text),
                     "</time>"):
            w(part)
    else:
        w(text(document.updated_text))
    w("</p>\n</header>\n")
    for block in document.intro:
        writer.block(block)
    w('\n<nav class="rk-contents" aria-labelledby="rk-contents-title"><p class="rk-contents-title" '
      'id="rk-contents-title">')
    w(text(document.contents_label))
    w("</p><ol>")
    for section in document.sections:
        w('<li><a href="#')
        w(text(section.id))
        w('">')
        writer.inlines(section.heading, links=False)
        w("</a></li>")
    w("</ol></nav>\n")
    for section in document.sections:
        writer.section(section, level + 1)
    w("</article>\n")
    if full_page:
        w("</main>\n</body>\n</html>\n")
    return writer.html()

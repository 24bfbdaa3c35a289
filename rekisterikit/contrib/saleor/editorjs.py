"""Turning rendered statement HTML into EditorJS data, the rich-text format of Saleor pages.

Saleor stores a page's ``content`` as EditorJS JSON (``{"blocks": [{"type": "paragraph", "data": {"text": …}}]}``)
and its dashboard edits it with EditorJS. This module walks the HTML that :func:`rekisterikit.render.render` produces
with the standard library's :class:`html.parser.HTMLParser` and emits ``header``, ``paragraph``, ``list``, ``table``
and ``quote`` blocks. Inline text keeps only ``<b>``, ``<i>``, ``<a href>`` and ``<br>`` (what Saleor's EditorJS
cleaner and the dashboard keep); every text node is escaped again with markupsafe, so nothing from the statement
is ever passed through as markup. The output is deterministic (no timestamps, no random block ids), so the same
statement always gives the same content and publishing stays idempotent.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup, escape

__all__ = ["EDITORJS_VERSION", "html_to_editorjs", "paragraphs_to_editorjs"]

#: The EditorJS version the data is written for (the one Saleor's dashboard ships).
EDITORJS_VERSION = "2.24.3"

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a"}
_SKIP = {"script", "style", "template", "head", "title", "noscript", "svg", "button", "form", "input", "select"}
_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "blockquote", "caption", "figcaption", *_HEADINGS}
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "#")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Converter(HTMLParser):
    def __init__(self, *, skip_h1: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_h1 = skip_h1
        self.blocks: list[dict[str, Any]] = []
        self._text: list[str] = []
        self._open_inline: list[str] = []
        self._skip_depth = 0
        self._block: str | None = None
        self._lists: list[tuple[str, list[str]]] = []
        self._table: list[list[str]] | None = None
        self._row: list[str] | None = None
        self._table_heading = False
        self._dt: str | None = None

    # -- text collection ----------------------------------------------------------------------------------------

    def _flush_text(self) -> str:
        for tag in reversed(self._open_inline):
            self._text.append(f"</{tag}>")
        self._open_inline.clear()
        text = " ".join("".join(self._text).split())
        self._text = []
        return text.replace("<br> ", "<br>").replace(" <br>", "<br>")

    def _emit_paragraph(self, text: str) -> None:
        if text:
            self.blocks.append({"type": "paragraph", "data": {"text": text}})

    def _close_loose_text(self) -> None:
        if self._block is None and self._table is None and not self._lists:
            self._emit_paragraph(self._flush_text())

    # -- parser callbacks ---------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self._skip_depth:
                self._text.append("<br>")
            return
        if self._skip_depth or tag in _SKIP:
            self._skip_depth += 1
            return
        if tag in _INLINE:
            self._inline_start(tag, dict(attrs))
            return
        if tag in ("ul", "ol"):
            self._close_loose_text()
            if self._lists and self._block == "li":
                self._lists[-1][1].append(self._flush_text())
                self._block = None
            self._lists.append(("ordered" if tag == "ol" else "unordered", []))
            return
        if tag == "table":
            self._close_loose_text()
            self._table, self._table_heading = [], False
            return
        if tag == "tr" and self._table is not None:
            self._row = []
            return
        if tag in _BLOCKS:
            if self._block is None and self._table is None and not self._lists:
                self._emit_paragraph(self._flush_text())
            if tag == "th":
                self._table_heading = self._table_heading or (self._table is not None and not self._table)
            self._block = tag
            return
        if tag in ("div", "section", "article", "header", "footer", "main", "aside", "nav", "dl", "address"):
            self._close_loose_text()

    def _inline_start(self, tag: str, attrs: dict[str, str | None]) -> None:
        name = _INLINE[tag]
        if name == "a":
            href = (attrs.get("href") or "").strip()
            if not href.lower().startswith(_SAFE_SCHEMES):
                self._open_inline.append("")
                return
            self._text.append(Markup('<a href="{}">').format(href))
        else:
            self._text.append(f"<{name}>")
        self._open_inline.append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag in _INLINE:
            if self._open_inline:
                name = self._open_inline.pop()
                if name:
                    self._text.append(f"</{name}>")
            return
        if tag in ("ul", "ol") and self._lists:
            if self._block == "li":
                self._lists[-1][1].append(self._flush_text())
                self._block = None
            style, items = self._lists.pop()
            items = [i for i in items if i]
            if self._lists:
                self._lists[-1][1].extend(items)
            elif items:
                self.blocks.append({"type": "list", "data": {"style": style, "items": items}})
            return
        if tag in ("td", "th") and self._row is not None:
            self._row.append(self._flush_text())
            self._block = None
            return
        if tag == "tr" and self._table is not None and self._row is not None:
            if any(self._row):
                self._table.append(self._row)
            self._row = None
            return
        if tag == "table" and self._table is not None:
            rows, self._table = self._table, None
            if rows:
                width = max(len(r) for r in rows)
                content = [r + [""] * (width - len(r)) for r in rows]
                self.blocks.append({"type": "table", "data": {"withHeadings": self._table_heading,
                                                              "content": content}})
            return
        if tag == "li" and self._lists:
            self._lists[-1][1].append(self._flush_text())
            self._block = None
            return
        if tag in _HEADINGS and self._block == tag:
            text = self._flush_text()
            self._block = None
            if text and not (tag == "h1" and self.skip_h1):
                self.blocks.append({"type": "header", "data": {"text": text, "level": _HEADINGS[tag]}})
            return
        if tag == "dt" and self._block == "dt":
            self._dt = self._flush_text()
            self._block = None
            return
        if tag == "dd" and self._block == "dd":
            text = self._flush_text()
            self._block = None
            if self._dt:
                text = Markup("<b>{}</b> {}").format(Markup(self._dt), Markup(text))
                self._dt = None
            self._emit_paragraph(str(text))
            return
        if tag == "blockquote" and self._block == "blockquote":
            text = self._flush_text()
            self._block = None
            if text:
                self.blocks.append({"type": "quote", "data": {"text": text, "caption": "", "alignment": "left"}})
            return
        if tag in ("p", "caption", "figcaption") and self._block == tag:
            self._block = None
            if self._table is None and not self._lists:
                self._emit_paragraph(self._flush_text())
            return
        if tag in ("div", "section", "article", "header", "footer", "main", "aside", "nav", "dl", "address"):
            self._close_loose_text()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._text.append(str(escape(data)))

    def close(self) -> None:
        super().close()
        if self._dt:
            self._emit_paragraph(Markup("<b>{}</b>").format(Markup(self._dt)))
        self._emit_paragraph(self._flush_text())


def html_to_editorjs(html: str, *, skip_h1: bool = True) -> dict[str, Any]:
    """Convert rendered statement HTML into EditorJS data.

    Args:
        html: the HTML (a fragment or a whole document).
        skip_h1: leave out ``<h1>`` headings, because a Saleor page shows its title itself.

    Returns:
        ``{"blocks": [...], "version": EDITORJS_VERSION}``.
    """
    converter = _Converter(skip_h1=skip_h1)
    converter.feed(html)
    converter.close()
    return {"blocks": converter.blocks, "version": EDITORJS_VERSION}


def paragraphs_to_editorjs(text: str) -> dict[str, Any]:
    """Convert plain text into EditorJS data: one paragraph per blank-line separated block, escaped."""
    blocks = [{"type": "paragraph", "data": {"text": str(escape(" ".join(chunk.split())))}}
              for chunk in text.split("\n\n") if chunk.strip()]
    return {"blocks": blocks, "version": EDITORJS_VERSION}

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

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup

__all__ = ["EDITORJS_VERSION", "html_to_editorjs", "paragraphs_to_editorjs"]

#: The EditorJS version the data is written for (the one Saleor's dashboard ships).
EDITORJS_VERSION = "2.24.3"

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a"}
# ``nav`` is the table of contents: its in-page links have no targets in EditorJS, which has no anchors.
_SKIP = {"script", "style", "template", "head", "title", "noscript", "svg", "button", "form", "select", "nav"}
_BLOCK_TAGS = {"p", "dt", "dd", "dl", "blockquote", "figcaption", "div", "section", "article", "header", "footer",
               "main", "aside", "address", "figure", *_HEADINGS}
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class _List:
    style: str
    items: list[str] = field(default_factory=list)
    container: bool = False  # an item held block content: the list's content became ordinary blocks


class _Converter(HTMLParser):
    def __init__(self, *, skip_h1: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_h1 = skip_h1
        self.blocks: list[dict[str, Any]] = []
        self._text: list[str] = []
        self._open_inline: list[str] = []
        self._skip_depth = 0
        self._lists: list[_List] = []
        self._rows: list[list[str]] | None = None
        self._row: list[str] | None = None
        self._table_heading = False
        self._caption = ""
        self._dt: str | None = None

    # -- text and blocks ----------------------------------------------------------------------------------------

    def _flush_text(self) -> str:
        for tag in reversed(self._open_inline):
            if tag:
                self._text.append(f"</{tag}>")
        self._open_inline.clear()
        text = " ".join("".join(self._text).split())
        self._text = []
        return text.replace("<br> ", "<br>").replace(" <br>", "<br>")

    def _emit(self, kind: str, **data: Any) -> None:
        self.blocks.append({"type": kind, "data": data})

    def _emit_paragraph(self, text: str) -> None:
        if text:
            self._emit("paragraph", text=text)

    def _inline_list(self) -> bool:
        return bool(self._lists) and not self._lists[-1].container

    def _break(self) -> None:
        """A block boundary: end the running text as a paragraph, unless it belongs to a list item or a cell."""
        if self._row is not None or self._inline_list():
            return
        self._emit_paragraph(self._flush_text())

    def _demote(self) -> None:
        """A block inside a list item: emit the items so far and treat the rest of the list as ordinary blocks."""
        current = self._lists[-1]
        pending = self._flush_text()
        if current.items:
            self._emit("list", style=current.style, items=current.items)
            current.items = []
        current.container = True
        self._emit_paragraph(pending)

    def _block_start(self) -> None:
        if self._row is not None:
            self._text.append(" ")
        elif self._inline_list():
            self._demote()
        else:
            self._break()

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
        elif tag in ("ul", "ol"):
            if self._inline_list():
                item = self._flush_text()
                if item:
                    self._lists[-1].items.append(item)
            else:
                self._break()
            self._lists.append(_List("ordered" if tag == "ol" else "unordered"))
        elif tag == "li":
            if not self._inline_list():
                self._break()
        elif tag == "table":
            self._block_start()
            self._rows, self._table_heading, self._caption = [], False, ""
        elif tag == "tr" and self._rows is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._flush_text()
            if tag == "th" and not self._rows:
                self._table_heading = True
        elif tag in _BLOCK_TAGS:
            self._block_start()

    def _inline_start(self, tag: str, attrs: dict[str, str | None]) -> None:
        name = _INLINE[tag]
        if name == "a":
            href = (attrs.get("href") or "").strip()
            if not href.lower().startswith(_SAFE_SCHEMES):  # in-page and script links are dropped, text kept
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
        elif tag in ("ul", "ol") and self._lists:
            self._end_list()
        elif tag == "li" and self._lists:
            if self._inline_list():
                item = self._flush_text()
                if item:
                    self._lists[-1].items.append(item)
            else:
                self._break()
        elif tag in ("td", "th") and self._row is not None:
            self._row.append(self._flush_text())
        elif tag == "tr" and self._rows is not None and self._row is not None:
            if any(self._row):
                self._rows.append(self._row)
            self._row = None
        elif tag == "caption" and self._rows is not None:
            self._caption = self._flush_text()
        elif tag == "table" and self._rows is not None:
            self._end_table()
        elif tag in _HEADINGS:
            text = self._flush_text()
            if text and not (tag == "h1" and self.skip_h1):
                self._emit("header", text=text, level=_HEADINGS[tag])
        elif tag == "dt":
            self._dt = self._flush_text()
        elif tag == "dd":
            text = self._flush_text()
            if self._dt:
                text = str(Markup("<b>{}:</b> {}").format(Markup(self._dt), Markup(text)))
                self._dt = None
            self._emit_paragraph(text)
        elif tag == "blockquote":
            text = self._flush_text()
            if text:
                self._emit("quote", text=text, caption="", alignment="left")
        elif tag in _BLOCK_TAGS:
            if self._row is not None:
                self._text.append(" ")
            else:
                self._break()

    def _end_list(self) -> None:
        done = self._lists.pop()
        if done.container:
            self._break()
            return
        item = self._flush_text()
        if item:
            done.items.append(item)
        if self._lists and not self._lists[-1].container:
            self._lists[-1].items.extend(done.items)
        elif done.items:
            self._emit("list", style=done.style, items=done.items)

    def _end_table(self) -> None:
        rows, self._rows, self._row = self._rows or [], None, None
        self._emit_paragraph(self._caption)
        if rows:
            width = max(len(r) for r in rows)
            self._emit("table", withHeadings=self._table_heading, content=[r + [""] * (width - len(r)) for r in rows])

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._text.append(html.escape(data, quote=False))

    def close(self) -> None:
        super().close()
        if self._dt:
            self._emit_paragraph(str(Markup("<b>{}</b>").format(Markup(self._dt))))
        while self._lists:
            self._end_list()
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
    blocks = [{"type": "paragraph", "data": {"text": html.escape(" ".join(chunk.split()), quote=False)}}
              for chunk in text.split("\n\n") if chunk.strip()]
    return {"blocks": blocks, "version": EDITORJS_VERSION}

"""Reading a statement in prose: bytes to text, HTML and Markdown to plain lines, lines to sentences.

Every unit the linter looks at keeps the line it starts on in the *original* file, so a finding can quote the
sentence and point at the line a shop's editor shows. HTML is reduced with the standard library's
:class:`html.parser.HTMLParser` (scripts, styles and templates dropped, block elements turned into line breaks,
``<h1>``–``<h6>`` and the ``<summary>`` of a ``<details>`` section kept as heading hints); Markdown loses its
emphasis and link syntax but keeps its line structure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from attrs import define

from rekisterikit.errors import RekisterikitError

__all__ = [
    "Document",
    "Format",
    "SourceLine",
    "UnreadableInput",
    "decode",
    "detect_format",
    "document_from_text",
    "html_lines",
    "read_document",
]

Format = Literal["txt", "md", "html"]

#: The largest input the linter reads; longer files are cut here (and the cut is reported by the caller).
MAX_BYTES = 8 * 1024 * 1024


class UnreadableInput(RekisterikitError, ValueError):
    """The input is not a readable text statement (missing, binary, empty, or not text in any encoding)."""


@define(frozen=True, kw_only=True)
class SourceLine:
    """One line of the reduced text and where it came from.

    Attributes:
        number: the 1-based line in the original file.
        text: the line's text, markup removed.
        heading: 0 for ordinary lines, 1–6 for a line the markup marks as a heading (``<h2>``, ``## …``).
        item: the line is a list item (``<li>``, ``- …``).
    """

    number: int
    text: str
    heading: int = 0
    item: bool = False


@define(frozen=True, kw_only=True)
class Document:
    """A statement reduced to lines, with the format it was read as.

    Attributes:
        lines: the non-markup lines, blank ones included as paragraph breaks (text ``""``).
        format: ``"txt"``, ``"md"`` or ``"html"``.
        source: the file name or other description of the input.
        truncated: the input was longer than :data:`MAX_BYTES` and was cut.
    """

    lines: tuple[SourceLine, ...]
    format: Format
    source: str | None = None
    truncated: bool = False

    @property
    def text(self) -> str:
        """The reduced text, one line per :class:`SourceLine`."""
        return "\n".join(line.text for line in self.lines)


def decode(data: bytes) -> str:
    """Decode a statement file: UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252.

    Old Finnish sites often publish Windows-1252 or ISO 8859-1; both decode as Windows-1252 for the letters
    that matter (å, ä, ö). Bytes that are plainly binary (NUL bytes, many control characters) are refused.

    Raises:
        UnreadableInput: the data is binary.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableInput("the file is not text (invalid UTF-16)") from None
    sample = data[:65536]
    if b"\x00" in sample:
        raise UnreadableInput("the file is binary, not text (it contains NUL bytes)")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        raise UnreadableInput("the file is binary, not text (too many control characters)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<h[1-6][\s>])", re.I)


def detect_format(name: str | None, text: str) -> Format:
    """The format of a statement from its file name (``.txt``, ``.md``, ``.html``/``.htm``) or its content."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix == ".txt":
        return "txt"
    return "html" if _HTML_SNIFF.match(text) else "txt"


# --------------------------------------------------------------------------------------------------- HTML

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
                   "canvas", "button", "select", "option", "nav"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "aside", "ul", "ol", "dl", "dt", "dd",
                    "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "address", "figure",
                    "figcaption", "form", "fieldset", "details", "summary", "hr", "body", "html"})
_CELL = frozenset({"td", "th"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
                   "wbr", "param"})


class _Reducer(HTMLParser):
    """Collects the visible text of an HTML document as lines tagged with their source line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[SourceLine] = []
        self._parts: list[str] = []
        self._start = 0
        self._skip: list[str] = []
        self._heading = 0
        self._item = False

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.lines.append(SourceLine(number=max(self._start, 1), text=text, heading=self._heading,
                                         item=self._item))
            self._item = False
        self._parts = []
        self._start = 0

    def _blank(self) -> None:
        self._flush()
        if self.lines and self.lines[-1].text:
            self.lines.append(SourceLine(number=self.getpos()[0], text=""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1] and tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _SKIP:
            self._flush()
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag == "br":
            self._flush()
        elif tag in _BLOCK or tag in _CELL or tag == "li" or (len(tag) == 2 and tag[0] == "h" and tag[1] in "123456"):
            if tag in _CELL:
                self._parts.append(" | ")
                return
            self._blank()
            if tag == "li":
                self._item = True
            elif tag[0] == "h" and tag[1:].isdigit():
                self._heading = int(tag[1])
            elif tag == "summary":
                # The question of a <details> section ("Mitä oikeuksia minulla on?") heads its answer.
                self._heading = 3

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag in _BLOCK or tag == "li" or (len(tag) == 2 and tag[0] == "h" and tag[1] in "123456"):
            self._blank()
            self._heading = 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip and tag in ("br", "hr"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._parts or not "".join(self._parts).strip():
            stripped = data.lstrip()
            if stripped:
                # The line the visible text starts on: the parser's position plus the newlines skipped.
                self._start = self.getpos()[0] + data[: len(data) - len(stripped)].count("\n")
        self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(text: str) -> list[SourceLine]:
    """Reduce HTML to its visible lines, each tagged with the line it starts on in the HTML source."""
    reducer = _Reducer()
    try:
        reducer.feed(text)
        reducer.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient; malformed markup ends here
        reducer._flush()
    return reducer.lines


# --------------------------------------------------------------------------------------------------- text / md

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+•–]|\d{1,2}[.)])\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_SETEXT = re.compile(r"^\s*(=+|-{3,})\s*$")
_TXT_ITEM = re.compile(r"^\s*[-*•–·]\s+")


def _markdown_line(number: int, raw: str) -> SourceLine:
    heading = _MD_HEADING.match(raw)
    if heading:
        text = heading.group(2)
        level = len(heading.group(1))
    else:
        text, level = raw, 0
    item = bool(_MD_ITEM.match(text)) and not level
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = text.replace("`", "")
    if item:
        text = _TXT_ITEM.sub("- ", text, count=1)
    return SourceLine(number=number, text=" ".join(text.split()), heading=level, item=item)


def _text_lines(text: str, fmt: Format) -> list[SourceLine]:
    lines: list[SourceLine] = []
    raw_lines = text.splitlines()
    for i, raw in enumerate(raw_lines, start=1):
        if fmt == "md":
            if _MD_SETEXT.match(raw) and lines and lines[-1].text and i > 1 and raw_lines[i - 2].strip():
                prev = lines[-1]
                lines[-1] = SourceLine(number=prev.number, text=prev.text, heading=1 if "=" in raw else 2)
                continue
            lines.append(_markdown_line(i, raw))
        else:
            clean = " ".join(raw.replace("**", "").split())
            lines.append(SourceLine(number=i, text=clean, item=bool(_TXT_ITEM.match(clean))))
    return lines


def document_from_text(text: str, fmt: Format | None = None, *, source: str | None = None,
                       truncated: bool = False) -> Document:
    """Reduce statement text in ``fmt`` (detected from ``source`` and the text when ``None``) to a document."""
    fmt = fmt or detect_format(source, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    lines = html_lines(text) if fmt == "html" else _text_lines(text, fmt)
    return Document(lines=tuple(lines), format=fmt, source=source, truncated=truncated)


def read_document(path: str | Path, fmt: Format | None = None) -> Document:
    """Read a statement file (``.txt``, ``.md``, ``.html``) into a document.

    Raises:
        UnreadableInput: the file is missing, unreadable, binary or empty.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UnreadableInput(f"{path}: file not found") from None
    except IsADirectoryError:
        raise UnreadableInput(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    truncated = len(data) > MAX_BYTES
    data = data[:MAX_BYTES]
    try:
        text = decode(data)
    except UnreadableInput as exc:
        raise UnreadableInput(f"{path}: {exc}") from None
    document = document_from_text(text, fmt, source=str(path), truncated=truncated)
    if not any(line.text for line in document.lines):
        raise UnreadableInput(f"{path}: the file has no text")
    return document


def nonblank(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """The lines that have text."""
    return [line for line in lines if line.text]

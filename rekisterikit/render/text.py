"""The plain-text writer: the statement as readable text, wrapped at 78 columns (e-mail, terminals, printing)."""

from __future__ import annotations

import textwrap

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
    labelled,
)

__all__ = ["WIDTH", "render_document", "render_table"]

#: The line width of the text format.
WIDTH = 78
_UNDERLINE = {1: "=", 2: "=", 3: "-", 4: "~", 5: "~", 6: "~"}


def _inlines(content: Inlines) -> str:
    out = []
    for span in content:
        href = span.href
        if href is None or href.startswith("#"):
            out.append(span.text)
        else:
            shown = href.split(":", 1)[1] if href.startswith(("mailto:", "tel:")) else href
            out.append(span.text if span.text.replace(" ", "") in (shown, href) else f"{span.text} <{href}>")
    return "".join(out)


def _wrap(text: str, indent: str = "", subsequent: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_long_words=False, break_on_hyphens=False)


def _facts(facts: tuple[Fact, ...], indent: str) -> str:
    return "\n".join(_wrap(f"{labelled(f.label)} {_inlines(f.value)}", indent, indent + "    ") for f in facts)


def render_table(table: Table, indent: str = "") -> str:
    """A table as text: one entry per row, its first cell as title and the others as labelled lines."""
    rows = [table.caption]
    for row in table.rows:
        lines = [_wrap(_inlines(row[0]), indent + "* ", indent + "  ")]
        lines.extend(_wrap(f"{labelled(c.label)} {_inlines(cell)}", indent + "    ", indent + "        ")
                     for c, cell in zip(table.columns[1:], row[1:], strict=True))
        rows.append("\n".join(lines))
    return "\n\n".join(rows)


def _block(block: Block, indent: str = "") -> str:
    if isinstance(block, Paragraph):
        return _wrap(_inlines(block.content), indent)
    if isinstance(block, BulletList):
        return "\n".join(_wrap(_inlines(item), indent + "- ", indent + "  ") for item in block.items)
    if isinstance(block, Facts):
        return _facts(block.items, indent)
    if isinstance(block, Entries):
        entries = []
        for entry in block.items:
            parts = [_wrap(_inlines(entry.title), indent + "* ", indent + "  ")]
            if entry.facts:
                parts.append(_facts(entry.facts, indent + "    "))
            parts.extend(_block(b, indent + "    ") for b in entry.blocks)
            entries.append("\n".join(parts))
        return "\n\n".join(entries)
    return render_table(block, indent)


def _heading(text: str, level: int) -> str:
    lines = textwrap.wrap(text, WIDTH, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(lines) + "\n" + _UNDERLINE[min(level, 6)] * min(max(len(x) for x in lines), WIDTH)


def _section(section: Section, level: int) -> list[str]:
    parts = [_heading(_inlines(section.heading), level)]
    parts.extend(_block(b) for b in section.blocks)
    for sub in section.sections:
        parts.extend(_section(sub, level + 1))
    return parts


def render_document(document: Document) -> str:
    """Serialise a document as plain text."""
    parts = [_heading(_inlines(document.title), 1), document.updated_text]
    parts.extend(_block(b) for b in document.intro)
    for section in document.sections:
        parts.extend(_section(section, 2))
    return "\n\n".join(p for p in parts if p) + "\n"

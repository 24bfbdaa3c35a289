"""The Markdown writer: CommonMark with pipe tables and ``{#id}`` heading anchors (Python-Markdown attr_list,
Pandoc, kramdown, Hugo).

Shop-written text is escaped so that it stays text: Markdown punctuation gets a backslash and ``<``/``>``/``&`` cannot
start raw HTML or an entity.
"""

from __future__ import annotations

import re

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

__all__ = ["escape", "render_document", "render_table"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|&~])")
_LINE_START = re.compile(r"^(\s*)([-+#])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Escape ``text`` for Markdown: it renders as the same characters, never as markup, link or HTML.

    Line breaks become spaces, so the text cannot start a new block; what could open a block at its start (a list
    marker, ``#``, ``>``) and every character that can open inline markup gets a backslash.
    """
    flat = _SPACE.sub(" ", text)
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def _href(href: str) -> str:
    return re.sub(r"[\s()<>\\]", lambda m: f"%{ord(m.group(0)):02X}", href)


def _inlines(content: Inlines) -> str:
    out = []
    for span in content:
        text = escape(span.text)
        if span.strong and text.strip():
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text).groups()  # type: ignore[union-attr]
            text = f"{lead}**{core}**{trail}"
        if span.href is not None:
            text = f"[{text}]({_href(span.href)})"
        out.append(text)
    return "".join(out)


def _facts(facts: tuple[Fact, ...], indent: str) -> str:
    return "\n".join(f"{indent}- **{escape(labelled(f.label))}** {_inlines(f.value)}" for f in facts)


def render_table(table: Table) -> str:
    """A table as a Markdown pipe table, with its caption in bold above it."""
    head = "| " + " | ".join(escape(c.label) for c in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    rows = ["| " + " | ".join(_inlines(cell) for cell in row) + " |" for row in table.rows]
    return "\n".join([f"**{escape(table.caption)}**", "", head, rule, *rows])


def _block(block: Block, indent: str = "") -> str:
    if isinstance(block, Paragraph):
        text = _inlines(block.content)
        return indent + (f"*{text}*" if block.missing else text)
    if isinstance(block, BulletList):
        return "\n".join(f"{indent}- {_inlines(item)}" for item in block.items)
    if isinstance(block, Facts):
        return _facts(block.items, indent)
    if isinstance(block, Entries):
        entries = []
        for entry in block.items:
            parts = [f"{indent}- {_inlines(entry.title)}"]
            if entry.facts:
                parts.append(_facts(entry.facts, indent + "  "))
            entries.append("\n".join(parts))
            entries.extend(_block(b, indent + "  ") for b in entry.blocks)
        return "\n\n".join(entries)
    return render_table(block)


def _section(section: Section, level: int) -> list[str]:
    parts = [f"{'#' * min(level, 6)} {_inlines(section.heading)} {{#{section.id}}}"]
    parts.extend(_block(b) for b in section.blocks)
    for sub in section.sections:
        parts.extend(_section(sub, level + 1))
    return parts


def render_document(document: Document, *, heading_level: int = 1) -> str:
    """Serialise a document as Markdown; the title is a heading of ``heading_level``."""
    level = max(1, min(heading_level, 5))
    parts = [f"{'#' * level} {_inlines(document.title)}", f"*{escape(document.updated_text)}*"]
    parts.extend(_block(b) for b in document.intro)
    for section in document.sections:
        parts.extend(_section(section, level + 1))
    return "\n\n".join(parts) + "\n"

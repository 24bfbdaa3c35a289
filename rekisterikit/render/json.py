"""The JSON writer: the rendered statement as structured data, for front ends that lay it out themselves.

The shape (``"format": "rekisterikit/rendered-statement"``, ``"format_version": 1``) is documented in the rendering
guide. Every piece of text is an object with its plain ``text``; a ``content`` list of runs (``text`` with optional
``lang``, ``href``, ``strong``) is added only when the text has links, emphasis or passages in another language.
Keys come in a fixed order; every run gives the same bytes for the same statement and locale.
"""

from __future__ import annotations

import json
from typing import Any

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

__all__ = ["FORMAT", "FORMAT_VERSION", "document_dict", "render_document", "render_table", "table_dict"]

#: The value of the ``format`` key.
FORMAT = "rekisterikit/rendered-statement"
#: The value of the ``format_version`` key; raised when the shape changes incompatibly.
FORMAT_VERSION = 1


def _rich(content: Inlines) -> dict[str, Any]:
    spans = []
    for span in content:
        item: dict[str, Any] = {"text": span.text}
        if span.lang is not None:
            item["lang"] = span.lang.value
        if span.href is not None:
            item["href"] = span.href
        if span.strong:
            item["strong"] = True
        spans.append(item)
    text = "".join(s.text for s in content)
    if spans == [{"text": text}] or not spans:
        return {"text": text}
    return {"text": text, "content": spans}


def _fact(fact: Fact) -> dict[str, Any]:
    return {"label": fact.label, "value": _rich(fact.value)}


def table_dict(table: Table) -> dict[str, Any]:
    """A table as a JSON-ready dict: columns with keys and labels, rows keyed by column."""
    return {
        "type": "table",
        "id": table.id,
        "caption": table.caption,
        "columns": [{"key": c.key, "label": c.label} for c in table.columns],
        "rows": [{c.key: _rich(cell) for c, cell in zip(table.columns, row, strict=True)} for row in table.rows],
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        data = {"type": "paragraph", **_rich(block.content)}
        if block.missing:
            data["missing"] = True
        return data
    if isinstance(block, BulletList):
        return {"type": "list", "items": [_rich(item) for item in block.items]}
    if isinstance(block, Facts):
        return {"type": "facts", "items": [_fact(f) for f in block.items]}
    if isinstance(block, Entries):
        return {"type": "entries", "items": [
            {"id": e.id, "title": _rich(e.title), "facts": [_fact(f) for f in e.facts],
             "blocks": [_block(b) for b in e.blocks]}
            for e in block.items]}
    return table_dict(block)


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "heading": _rich(section.heading),
        "requirements": [r.value for r in section.requirements],
        "highlight": section.highlight,
        "blocks": [_block(b) for b in section.blocks],
        "sections": [_section(s) for s in section.sections],
    }


def document_dict(document: Document) -> dict[str, Any]:
    """The document as a JSON-ready dict."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "lang": document.lang.value,
        "title": _rich(document.title),
        "controller": document.controller,
        "version": document.version,
        "updated": document.updated.isoformat() if document.updated else None,
        "updated_text": document.updated_text,
        "intro": [_block(b) for b in document.intro],
        "sections": [_section(s) for s in document.sections],
    }


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_document(document: Document) -> str:
    """Serialise a document as JSON text."""
    return _dumps(document_dict(document))


def render_table(table: Table) -> str:
    """Serialise a table as JSON text."""
    return _dumps(table_dict(table))

"""The rendered statement as a format-neutral document: sections, paragraphs, facts, lists and tables.

:func:`build` turns a :class:`~rekisterikit.Statement` into a :class:`Document` in one language: the library's
standard clauses come from the gettext catalogs, shop-written texts are resolved to the requested language (or the
statement's default language, marked with its real ``lang``). The HTML, text, Markdown and JSON writers only
serialise this tree, so every format says the same thing, in the same order (GDPR Art. 13 order, as in the project's
legal research §8), under the same stable section ids.

The package: :mod:`.tree` (the nodes), :mod:`.base` (inline helpers), :mod:`.clauses` (the library's standard
clauses), one module per group of sections (:mod:`.controller`, :mod:`.purposes`, :mod:`.data`, :mod:`.transfers`,
:mod:`.retention`, :mod:`.rights`, :mod:`.decisions`, :mod:`.cookies`) and :mod:`.builder` (the order).
"""

from rekisterikit.render.document.base import clean_text
from rekisterikit.render.document.builder import build, cookie_table
from rekisterikit.render.document.tree import (
    REQUIREMENT_SECTIONS,
    Block,
    BulletList,
    Column,
    Document,
    Entries,
    Entry,
    Fact,
    Facts,
    Inlines,
    Paragraph,
    Section,
    Span,
    Table,
    labelled,
)

__all__ = [
    "REQUIREMENT_SECTIONS",
    "Block",
    "BulletList",
    "Column",
    "Document",
    "Entries",
    "Entry",
    "Fact",
    "Facts",
    "Inlines",
    "Paragraph",
    "Section",
    "Span",
    "Table",
    "build",
    "clean_text",
    "cookie_table",
    "labelled",
]


"""The document tree every writer serialises: sections, paragraphs, facts, entries, lists and tables.

No rendering logic: the builder (:mod:`.builder`) fills these frozen nodes, the HTML, text, Markdown and JSON
writers walk them. ``REQUIREMENT_SECTIONS`` maps each requirement code to the section that answers it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeAlias

from attrs import define

from rekisterikit.findings import Requirement
from rekisterikit.model import Language


@define(frozen=True, kw_only=True)
class Span:
    """A run of text.

    Attributes:
        text: the text, already cleaned of control characters.
        lang: the text's language when it differs from the document's (a shop text shown in a fallback language).
        href: a safe link target (``http(s):``, ``mailto:``, ``tel:``) when the text is a link.
        strong: whether the text is emphasised (a name at the head of an entry).
        missing: the text says that something is not stated (a placeholder such as "Not stated").
    """

    text: str
    lang: Language | None = None
    href: str | None = None
    strong: bool = False
    missing: bool = False


Inlines: TypeAlias = tuple[Span, ...]


@define(frozen=True, kw_only=True)
class Paragraph:
    """A paragraph; ``missing`` marks the statement of an absence ("not stated")."""

    content: Inlines
    missing: bool = False


@define(frozen=True, kw_only=True)
class BulletList:
    """An unordered list of short items."""

    items: tuple[Inlines, ...]


@define(frozen=True, kw_only=True)
class Fact:
    """A labelled value: ``Y-tunnus: 1234567-8``."""

    label: str
    value: Inlines


@define(frozen=True, kw_only=True)
class Facts:
    """A list of labelled values (an HTML description list)."""

    items: tuple[Fact, ...]


@define(frozen=True, kw_only=True)
class Entry:
    """One item of a list of things (a recipient, a transfer, a retention rule) with its facts and paragraphs."""

    title: Inlines
    facts: tuple[Fact, ...] = ()
    blocks: tuple[Block, ...] = ()
    id: str | None = None


@define(frozen=True, kw_only=True)
class Entries:
    """A list of :class:`Entry` items."""

    items: tuple[Entry, ...]


@define(frozen=True, kw_only=True)
class Column:
    """A table column: a stable key (for JSON) and its localized label."""

    key: str
    label: str


@define(frozen=True, kw_only=True)
class Table:
    """A table with a caption, column headers and rows of cells."""

    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Inlines, ...], ...]


Block: TypeAlias = Paragraph | BulletList | Facts | Entries | Table


@define(frozen=True, kw_only=True)
class Section:
    """A section with a stable ``id`` (the same in every language), its heading, blocks and subsections.

    Attributes:
        requirements: the requirement codes (LEGAL.md) this section answers.
        highlight: the section is a visually separate block (the right to object, GDPR 21(4)).
    """

    id: str
    heading: Inlines
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    highlight: bool = False

    def walk(self) -> Iterable[Section]:
        """This section and all its subsections, depth first."""
        yield self
        for section in self.sections:
            yield from section.walk()


@define(frozen=True, kw_only=True)
class Document:
    """A statement rendered into one language, before serialisation.

    Attributes:
        lang: the document's language.
        title: the title (the shop's own, or the standard "Privacy notice").
        controller: the controller's name.
        version: the statement version (``sha256:…``).
        updated: the date of the last update, when stated.
        updated_text: "Päivitetty 12.7.2020" / "Updated 12 July 2020", or that the date is not stated.
        contents_label: the label of the table of contents.
        intro: paragraphs before the first section.
        sections: the top-level sections in Art. 13 order.
    """

    lang: Language
    title: Inlines
    controller: str
    version: str
    updated: dt.date | None
    updated_text: str
    version_text: str
    contents_label: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]

    def walk(self) -> Iterable[Section]:
        """Every section, depth first."""
        for section in self.sections:
            yield from section.walk()

    def section_ids(self) -> tuple[str, ...]:
        """The ids of every section, in document order."""
        return tuple(s.id for s in self.walk())

    def placeholders(self) -> tuple[str, ...]:
        """Every passage that says something is not stated, as ``"<section id>: <text>"``: the paragraphs marked
        ``missing`` and the "not stated" values of facts and table cells. A statement whose check reports no error
        and no warning renders none."""
        found: list[str] = []

        def inline(where: str, content: Inlines, label: str = "") -> None:
            if any(s.missing for s in content):
                found.append(f"{where}: {label}{''.join(s.text for s in content)}")

        def block(where: str, b: Block) -> None:
            if isinstance(b, Paragraph):
                if b.missing:
                    found.append(f"{where}: {''.join(s.text for s in b.content)}")
                else:
                    inline(where, b.content)
            elif isinstance(b, Facts):
                for f in b.items:
                    inline(where, f.value, f"{f.label}: ")
            elif isinstance(b, Entries):
                for e in b.items:
                    inline(where, e.title)
                    for f in e.facts:
                        inline(where, f.value, f"{f.label}: ")
                    for inner in e.blocks:
                        block(where, inner)
            elif isinstance(b, Table):
                for row in b.rows:
                    for column, cell in zip(b.columns, row, strict=False):
                        inline(where, cell, f"{column.label}: ")
            elif isinstance(b, BulletList):
                for item in b.items:
                    inline(where, item)

        for section in self.walk():
            for b in section.blocks:
                block(section.id, b)
        return tuple(found)


def labelled(label: str) -> str:
    """A label followed by its colon, except after a question mark ("Käytetäänkö evästeitä?" takes none)."""
    return label if label.rstrip().endswith("?") else f"{label}:"


#: Where the rendering answers each requirement code (LEGAL.md): the id of the section that holds it. Codes not
#: tied to one place (``outdated_law``, ``clarity``, ``directives``) are absent.
REQUIREMENT_SECTIONS: dict[Requirement, str] = {
    Requirement.CONTROLLER_IDENTITY: "rk-controller",
    Requirement.CONTROLLER_CONTACT: "rk-controller",
    Requirement.BUSINESS_ID: "rk-controller",
    Requirement.EU_REPRESENTATIVE: "rk-eu-representative",
    Requirement.DPO_CONTACT: "rk-dpo",
    Requirement.PURPOSES: "rk-purposes",
    Requirement.LEGAL_BASIS: "rk-purposes",
    Requirement.LEGITIMATE_INTERESTS: "rk-purposes",
    Requirement.DIRECT_MARKETING: "rk-purposes",
    Requirement.SPECIAL_CATEGORIES: "rk-purposes",
    Requirement.CREDIT_CHECK: "rk-purposes",
    Requirement.DATA_CATEGORIES: "rk-data",
    Requirement.SOURCES: "rk-sources",
    Requirement.RECIPIENTS: "rk-recipients",
    Requirement.THIRD_COUNTRY_TRANSFERS: "rk-transfers",
    Requirement.TRANSFER_SAFEGUARDS: "rk-transfers",
    Requirement.RETENTION: "rk-retention",
    Requirement.RIGHT_ACCESS: "rk-right-access",
    Requirement.RIGHT_RECTIFICATION: "rk-right-rectification",
    Requirement.RIGHT_ERASURE: "rk-right-erasure",
    Requirement.RIGHT_RESTRICTION: "rk-right-restriction",
    Requirement.RIGHT_PORTABILITY: "rk-right-portability",
    Requirement.RIGHT_OBJECT: "rk-objection",
    Requirement.ACCESS_REQUEST_FORM: "rk-rights-requests",
    Requirement.WITHDRAW_CONSENT: "rk-withdraw-consent",
    Requirement.COMPLAINT_AUTHORITY: "rk-complaint",
    Requirement.STATUTORY_REQUIREMENT: "rk-provision",
    Requirement.AUTOMATED_DECISIONS: "rk-automated-decisions",
    Requirement.CHILDREN: "rk-children",
    Requirement.COOKIE_DETAILS: "rk-cookies",
    Requirement.COOKIE_CONSENT: "rk-cookies",
}


_SECTION_REQUIREMENTS: dict[str, tuple[Requirement, ...]] = {}
for _code, _section in REQUIREMENT_SECTIONS.items():
    _SECTION_REQUIREMENTS[_section] = (*_SECTION_REQUIREMENTS.get(_section, ()), _code)


def _requirements(section_id: str) -> tuple[Requirement, ...]:
    return _SECTION_REQUIREMENTS.get(section_id, ())


# C0 and C1 controls (except tab and newline), lone surrogates and the non-characters U+FFFE/U+FFFF are removed

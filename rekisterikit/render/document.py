"""The rendered statement as a format-neutral document: sections, paragraphs, facts, lists and tables.

:func:`build` turns a :class:`~rekisterikit.Statement` into a :class:`Document` in one language: the library's
standard clauses come from the gettext catalogs, shop-written texts are resolved to the requested language (or the
statement's default language, marked with its real ``lang``). The HTML, text, Markdown and JSON writers only
serialise this tree, so every format says the same thing, in the same order (GDPR Art. 13 order, as in the project's
legal research §8), under the same stable section ids.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Literal, TypeAlias

from attrs import define
from babel import Locale

from rekisterikit.findings import Requirement
from rekisterikit.laws import SUPERVISORY_AUTHORITY
from rekisterikit.model import (
    Art22Basis,
    CookieCategory,
    CookieConsentMechanism,
    Country,
    DataCategory,
    Language,
    LegalBasis,
    LocalizedText,
    MarketingAudience,
    MarketingChannel,
    Party,
    PostalAddress,
    Provision,
    Purpose,
    Recipient,
    RecipientRole,
    Register,
    RequestChannel,
    Retention,
    RetentionStart,
    Right,
    SourceKind,
    SpecialCondition,
    Statement,
    StorageKind,
    TransferMechanism,
)
from rekisterikit.render import links
from rekisterikit.render.i18n import Translator, babel_locale, translator

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
]


@define(frozen=True, kw_only=True)
class Span:
    """A run of text.

    Attributes:
        text: the text, already cleaned of control characters.
        lang: the text's language when it differs from the document's (a shop text shown in a fallback language).
        href: a safe link target (``http(s):``, ``mailto:``, ``tel:``) when the text is a link.
        strong: whether the text is emphasised (a name at the head of an entry).
    """

    text: str
    lang: Language | None = None
    href: str | None = None
    strong: bool = False


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


def _requirements(section_id: str) -> tuple[Requirement, ...]:
    return tuple(r for r, s in REQUIREMENT_SECTIONS.items() if s == section_id)


# C0 and C1 controls (except tab and newline), lone surrogates and the non-characters U+FFFE/U+FFFF are removed
# from every text before it reaches a writer.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_ARTICLE = re.compile(r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?")


def clean_text(text: str) -> str:
    """Normalise line ends to ``\\n`` and drop control characters, lone surrogates and non-characters."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


_RIGHT_ORDER = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION, Right.PORTABILITY)
_CATEGORY_ORDER = {c: i for i, c in enumerate(CookieCategory)}


@cache
def _territories(babel: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in Locale.parse(babel).territories.items()}


class _Builder:
    """Builds the :class:`Document` for one statement in one language."""

    def __init__(self, statement: Statement, lang: Language) -> None:
        self.s = statement
        self.lang = lang
        self.t: Translator = translator(lang)
        self.default = statement.default_language
        keys = Counter(p.key for r in statement.registers for p in r.purposes)
        self.repeated_purpose_keys = {k for k, n in keys.items() if n > 1}

    # -- inline helpers -----------------------------------------------------------------------------------------

    def span(self, text: str, *, lang: Language | None = None, href: str | None = None,
             strong: bool = False) -> Span:
        return Span(text=clean_text(text), lang=lang, href=href, strong=strong)

    def linked(self, inlines: Inlines, href: str) -> Inlines:
        """The same runs, linked to ``href`` (a safe address or an ``#rk-…`` anchor)."""
        target = href if links.is_safe(href) else None
        return tuple(Span(text=x.text, lang=x.lang, href=target, strong=x.strong) for x in inlines)

    def strong(self, inlines: Inlines) -> Inlines:
        return tuple(Span(text=x.text, lang=x.lang, href=x.href, strong=True) for x in inlines)

    def text(self, text: str) -> Inlines:
        """Library text (already in the document's language)."""
        return (self.span(text),)

    def raw(self, text: str) -> Inlines:
        """A plain string written by the shop: a name, a law reference. Taken to be in the default language."""
        return (self.span(text, lang=self.default if self.default is not self.lang else None),)

    def name(self, text: str) -> Inlines:
        """A proper name written by the shop (no language)."""
        return (self.span(text),)

    def shop(self, text: LocalizedText) -> Inlines:
        """Shop-written text in the document's language, or in the default language marked with its ``lang``."""
        value, actual = text.resolve(self.lang, fallbacks=(self.default,))
        return (self.span(" ".join(value.split()), lang=actual if actual is not self.lang else None),)

    def shop_paragraphs(self, text: LocalizedText) -> tuple[Paragraph, ...]:
        """A longer shop text, split into paragraphs at blank lines."""
        value, actual = text.resolve(self.lang, fallbacks=(self.default,))
        lang = actual if actual is not self.lang else None
        parts = [" ".join(p.split()) for p in _BLANK_LINE.split(clean_text(value))]
        return tuple(Paragraph(content=(Span(text=p, lang=lang),)) for p in parts if p)

    def link(self, text: str, href: str | None) -> Inlines:
        return (self.span(text, href=href if href and links.is_safe(href) else None),)

    def email(self, email: str | None) -> Inlines:
        return self.link(email, links.mailto(email)) if email else ()

    def phone(self, phone: str | None) -> Inlines:
        return self.link(phone, links.tel(phone)) if phone else ()

    def web(self, url: str | None) -> Inlines:
        return self.link(url, links.web(url)) if url else ()

    def fmt(self, template: str, **values: Inlines | str) -> Inlines:
        """Fill a translated template's ``{placeholders}`` with inline runs, keeping their languages and links."""
        out: list[Span] = []
        for literal, field, _, _ in string.Formatter().parse(template):
            if literal:
                out.append(self.span(literal))
            if field is not None:
                value = values[field]
                out.extend(self.text(value) if isinstance(value, str) else value)
        return _merge(out)

    def join(self, items: Sequence[Inlines], style: Literal["standard", "or"] = "standard") -> Inlines:
        """Join inline runs as a sentence list ("a, b ja c"), keeping each item's language and links."""
        if not items:
            return ()
        pattern = self.t.format_list([f"{{i{n}}}" for n in range(len(items))], style=style)
        return self.fmt(pattern, **{f"i{n}": item for n, item in enumerate(items)})

    def article(self, ref: str) -> str:
        """A GDPR article reference in the document's language: ``"6(1)(b)"`` → "GDPR Art. 6(1)(b)",
        "tietosuoja-asetuksen 6 artiklan 1 kohdan b alakohta", "artikel 6.1 b i dataskyddsförordningen"."""
        t = self.t
        match = _ARTICLE.fullmatch(ref.strip())
        if match is None:
            # Translators: a GDPR article, e.g. "GDPR Art. 77"; {article} is the article number.
            return t.gettext("GDPR Art. {article}").format(article=ref)
        article, paragraph, point = match.groups()
        if point:
            # Translators: e.g. "GDPR Art. 6(1)(b)": article 6, paragraph 1, point b.
            return t.gettext("GDPR Art. {article}({paragraph})({point})").format(
                article=article, paragraph=paragraph, point=point)
        if paragraph:
            # Translators: e.g. "GDPR Art. 21(1)": article 21, paragraph 1.
            return t.gettext("GDPR Art. {article}({paragraph})").format(article=article, paragraph=paragraph)
        return t.gettext("GDPR Art. {article}").format(article=article)

    def not_stated(self) -> Inlines:
        return self.text(self.t.gettext("Not stated"))

    def missing(self, message: str) -> Paragraph:
        return Paragraph(content=self.text(message), missing=True)

    def country(self, country: Country) -> str:
        return _territories(babel_locale(self.lang)).get(country.code, country.code)

    def address(self, address: PostalAddress) -> Inlines:
        lines = list(address.lines())
        if address.country.code != "FI" or self.lang is not Language.FI:
            lines.append(self.country(address.country))
        return self.name(", ".join(lines))

    def para(self, *content: Inlines) -> Paragraph:
        return Paragraph(content=_merge([s for part in content for s in part]))

    # -- sections ----------------------------------------------------------------------------------------------

    def build(self) -> Document:
        s, t = self.s, self.t
        title = self.shop(s.title) if s.title else self.text(t.gettext("Privacy notice"))
        updated = (t.gettext("Updated {date}").format(date=t.format_date(s.updated)) if s.updated
                   else t.gettext("The date of the latest update is not stated."))
        sections = [
            self.controller(),
            self.dpo(),
            self.purposes(),
            self.data_categories(),
            self.sources(),
            self.recipients(),
            self.transfers(),
            self.retention(),
            self.security(),
            self.rights(),
            self.withdraw_consent(),
            self.complaint(),
            self.provision(),
            self.automated_decisions(),
            self.children(),
            self.cookies(),
            self.changes(),
        ]
        return Document(
            lang=self.lang, title=title, controller=clean_text(s.controller.name), version=s.version,
            updated=s.updated, updated_text=updated,
            version_text=t.gettext("Version {version}").format(version=s.version),
            contents_label=t.gettext("Contents"), intro=self.intro(),
            sections=tuple(x for x in sections if x is not None))

    def intro(self) -> tuple[Block, ...]:
        s, t = self.s, self.t
        blocks: list[Block] = []
        if s.intro:
            blocks.extend(self.shop_paragraphs(s.intro))
        else:
            blocks.append(self.para(self.fmt(
                t.gettext("This privacy notice tells how {controller} processes your personal data and what rights "
                          "you have."), controller=self.name(s.controller.name))))
        if s.registers:
            names = [self.shop(r.name) for r in s.registers]
            blocks.append(self.para(self.fmt(
                t.ngettext("Register: {registers}.", "Registers: {registers}.", len(names)),
                registers=self.join(names))))
        if s.cites:
            blocks.append(self.para(self.fmt(t.gettext("Laws referred to in this notice: {laws}."),
                                             laws=self.join([self.raw(c) for c in s.cites]))))
        return tuple(blocks)

    def section(self, id: str, heading: str | Inlines, blocks: Iterable[Block] = (),  # noqa: A002
                sections: Iterable[Section] = (), *, highlight: bool = False) -> Section:
        return Section(id=id, heading=self.text(heading) if isinstance(heading, str) else heading,
                       blocks=tuple(blocks), sections=tuple(sections), requirements=_requirements(id),
                       highlight=highlight)

    def per_register(self, section_id: str, content: Callable[[Register], list[Block]],
                     none: str) -> tuple[list[Block], list[Section]]:
        """Content per register: inline for a single register, one subsection per register otherwise."""
        registers = self.s.registers
        if not registers:
            return [self.missing(none)], []
        if len(registers) == 1:
            return content(registers[0]), []
        return [], [self.section(f"{section_id}-{r.key}", self.shop(r.name), content(r)) for r in registers]

    def controller(self) -> Section:
        c, t = self.s.controller, self.t
        facts = [Fact(label=t.gettext("Name"), value=self.name(c.name))]
        if c.business_id:
            facts.append(Fact(label=t.gettext("Business ID"), value=self.name(str(c.business_id))))
        if c.address:
            facts.append(Fact(label=t.gettext("Address"), value=self.address(c.address)))
        if c.email:
            facts.append(Fact(label=t.gettext("E-mail"), value=self.email(c.email)))
        if c.phone:
            facts.append(Fact(label=t.gettext("Phone"), value=self.phone(c.phone)))
        if c.website:
            facts.append(Fact(label=t.gettext("Website"), value=self.web(c.website)))
        if c.contact_person:
            p = c.contact_person
            value: list[Inlines] = [self.name(p.name)]
            if p.role:
                value.append(self.shop(p.role))
            value.extend(x for x in (self.email(p.email), self.phone(p.phone)) if x)
            facts.append(Fact(label=t.gettext("Contact person"), value=self.fmt(
                ", ".join(f"{{v{n}}}" for n in range(len(value))), **{f"v{n}": v for n, v in enumerate(value)})))
        blocks: list[Block] = [
            self.para(self.text(t.gettext("The controller decides why and how your personal data is processed. "
                                          "You can contact us in any matter concerning the processing of your "
                                          "personal data."))),
            Facts(items=tuple(facts)),
        ]
        if not c.has_contact and not (c.contact_person and (c.contact_person.email or c.contact_person.phone)):
            blocks.append(self.missing(t.gettext("The controller's contact details are not stated.")))
        subsections = []
        if self.s.eu_representative:
            r = self.s.eu_representative
            rep = [Fact(label=t.gettext("Name"), value=self.name(r.name))]
            if r.address:
                rep.append(Fact(label=t.gettext("Address"), value=self.address(r.address)))
            if r.email:
                rep.append(Fact(label=t.gettext("E-mail"), value=self.email(r.email)))
            if r.phone:
                rep.append(Fact(label=t.gettext("Phone"), value=self.phone(r.phone)))
            subsections.append(self.section("rk-eu-representative", t.gettext("Representative in the EU"), [
                self.para(self.text(t.gettext("Our representative in the European Union can also be contacted in "
                                              "matters concerning your personal data."))),
                Facts(items=tuple(rep))]))
        return self.section("rk-controller", t.gettext("Controller"), blocks, subsections)

    def dpo(self) -> Section | None:
        d, t = self.s.dpo, self.t
        if d is None:
            return None
        facts = []
        if d.name:
            facts.append(Fact(label=t.gettext("Name"), value=self.name(d.name)))
        if d.email:
            facts.append(Fact(label=t.gettext("E-mail"), value=self.email(d.email)))
        if d.phone:
            facts.append(Fact(label=t.gettext("Phone"), value=self.phone(d.phone)))
        if d.address:
            facts.append(Fact(label=t.gettext("Address"), value=self.address(d.address)))
        blocks: list[Block] = [self.para(self.text(t.gettext(
            "You can contact our data protection officer in all questions about the processing of your personal "
            "data and the use of your rights."))), Facts(items=tuple(facts))]
        if not d.has_contact:
            blocks.append(self.missing(t.gettext("The data protection officer's contact details are not stated.")))
        return self.section("rk-dpo", t.gettext("Data protection officer"), blocks)

    # -- purposes ----------------------------------------------------------------------------------------------

    def purpose_link(self, register: Register, purpose: Purpose) -> Inlines:
        """The purpose's description without its final full stop, linked to its section (for lists)."""
        text = self.shop(purpose.description)
        last = text[-1]
        text = (*text[:-1], Span(text=last.text.rstrip(" .") or last.text, lang=last.lang))
        return self.linked(text, "#" + self.purpose_id(register, purpose))

    def purpose_id(self, register: Register, purpose: Purpose) -> str:
        if purpose.key in self.repeated_purpose_keys:
            return f"rk-purpose-{register.key}-{purpose.key}"
        return f"rk-purpose-{purpose.key}"

    def basis_name(self, basis: LegalBasis) -> str:
        t = self.t
        return {
            LegalBasis.CONSENT: t.gettext("Consent"),
            LegalBasis.CONTRACT: t.gettext("Contract"),
            LegalBasis.LEGAL_OBLIGATION: t.gettext("Legal obligation"),
            LegalBasis.VITAL_INTERESTS: t.gettext("Vital interests"),
            LegalBasis.PUBLIC_TASK: t.gettext("Public interest or official authority"),
            LegalBasis.LEGITIMATE_INTERESTS: t.gettext("Legitimate interests"),
        }[basis]

    def basis_explanation(self, basis: LegalBasis) -> str:
        # Plain-language paraphrases of GDPR 6(1)(a)-(f) [M: from the text of Art. 6(1), not re-checked]; the
        # objection sentence for (f) follows Art. 21(1).
        t = self.t
        return {
            LegalBasis.CONSENT: t.gettext("You have given your consent to this processing. You can withdraw your "
                                          "consent at any time."),
            LegalBasis.CONTRACT: t.gettext("We need the data to make or carry out a contract with you, for example "
                                           "to deliver your order, or to take steps you ask for before a contract "
                                           "is made."),
            LegalBasis.LEGAL_OBLIGATION: t.gettext("A law requires us to process the data."),
            LegalBasis.VITAL_INTERESTS: t.gettext("The processing is needed to protect someone's life or health."),
            LegalBasis.PUBLIC_TASK: t.gettext("The processing is needed to carry out a task in the public interest "
                                              "or to exercise official authority."),
            LegalBasis.LEGITIMATE_INTERESTS: t.gettext("The processing is necessary for our legitimate interest "
                                                       "described here. You have the right to object to this "
                                                       "processing."),
        }[basis]

    def special_condition(self, condition: SpecialCondition) -> str:
        t = self.t
        name = {
            SpecialCondition.EXPLICIT_CONSENT: t.gettext("Explicit consent"),
            SpecialCondition.EMPLOYMENT: t.gettext("Employment and social security law"),
            SpecialCondition.VITAL_INTERESTS: t.gettext("Vital interests"),
            SpecialCondition.NOT_FOR_PROFIT: t.gettext("Activities of a non-profit body"),
            SpecialCondition.MADE_PUBLIC: t.gettext("Data you have made public yourself"),
            SpecialCondition.LEGAL_CLAIMS: t.gettext("Legal claims"),
            SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: t.gettext("Substantial public interest"),
            SpecialCondition.HEALTH_CARE: t.gettext("Health or social care"),
            SpecialCondition.PUBLIC_HEALTH: t.gettext("Public health"),
            SpecialCondition.ARCHIVING_RESEARCH: t.gettext("Archiving, research or statistics"),
        }[condition]
        return f"{name} ({self.article(condition.article.removeprefix('GDPR '))})"

    def channel(self, channel: MarketingChannel) -> str:
        t = self.t
        return {
            MarketingChannel.EMAIL: t.gettext("e-mail"),
            MarketingChannel.SMS: t.gettext("text message"),
            MarketingChannel.POST: t.gettext("letter"),
            MarketingChannel.PHONE: t.gettext("phone call"),
        }[channel]

    def category_names(self, register: Register, keys: Iterable[str]) -> list[Inlines]:
        by_key = {c.key: c for c in register.data_categories}
        return [self.shop(by_key[k].name) for k in keys if k in by_key]

    def purpose(self, register: Register, p: Purpose) -> Section:
        t = self.t
        facts: list[Fact] = []
        blocks: list[Block] = []
        if p.legal_basis is not None:
            facts.append(Fact(label=t.gettext("Legal basis"), value=self.linked(self.text(
                f"{self.basis_name(p.legal_basis)} ({self.article(p.legal_basis.article.removeprefix('GDPR '))})"),
                f"#rk-basis-{p.legal_basis.value.replace('_', '-')}")))
        if p.basis_text is not None:
            facts.append(Fact(label=t.gettext("Basis as stated"), value=self.shop(p.basis_text)))
        if p.legal_basis is None and p.basis_text is None:
            facts.append(Fact(label=t.gettext("Legal basis"), value=self.not_stated()))
        if p.legal_basis is LegalBasis.LEGITIMATE_INTERESTS or p.legitimate_interest is not None:
            facts.append(Fact(label=t.gettext("Our legitimate interest"),
                              value=self.shop(p.legitimate_interest) if p.legitimate_interest else self.not_stated()))
        if p.legal_obligation is not None:
            facts.append(Fact(label=t.gettext("Obligation laid down in"), value=self.raw(p.legal_obligation)))
        if p.special_condition is not None:
            facts.append(Fact(label=t.gettext("Special categories of personal data"),
                              value=self.text(self.special_condition(p.special_condition))))
        if p.data_categories:
            facts.append(Fact(label=t.gettext("Personal data used"),
                              value=self.join(self.category_names(register, p.data_categories))))
        if p.direct_marketing:
            facts.append(Fact(label=t.gettext("Direct marketing channels"),
                              value=self.text(t.format_list([self.channel(c) for c in p.direct_marketing]))))
        if p.marketing_audience is not None:
            audience = (t.gettext("consumers") if p.marketing_audience is MarketingAudience.CONSUMERS
                        else t.gettext("businesses"))
            facts.append(Fact(label=t.gettext("Marketing is addressed to"), value=self.text(audience)))
        if p.credit_register is not None:
            facts.append(Fact(label=t.gettext("Credit information register"), value=self.raw(p.credit_register)))
        blocks.append(Facts(items=tuple(facts)))
        soft = p.soft_opt_in
        if soft is not None:
            if soft.contact_from_sale and soft.own_similar_products:
                blocks.append(self.para(self.text(t.gettext(
                    "As our customer, you may receive electronic marketing about our own similar products without "
                    "a separate consent."))))
            refuse = {(True, True): t.gettext("You can refuse this marketing when you give your contact details "
                                              "and in every message we send."),
                      (True, False): t.gettext("You can refuse this marketing when you give your contact details."),
                      (False, True): t.gettext("You can refuse this marketing in every message we send.")}
            key = (soft.opt_out_at_collection, soft.opt_out_in_every_message)
            if key in refuse:
                blocks.append(self.para(self.text(refuse[key])))
        if p.profiling:
            blocks.append(self.para(self.text(t.gettext("This processing involves profiling."))))
        return self.section(self.purpose_id(register, p), self.shop(p.description), blocks)

    def purposes(self) -> Section:
        t = self.t
        intro = self.para(self.text(t.gettext(
            "We process personal data only for the purposes below. Each purpose needs a legal basis under the EU "
            "General Data Protection Regulation (GDPR).")))
        registers = self.s.registers
        if not any(r.purposes for r in registers):
            return self.section("rk-purposes", t.gettext("Purposes and legal bases"), [
                intro, self.missing(t.gettext("The purposes of processing are not stated."))])
        if len(registers) == 1:
            subsections = [self.purpose(registers[0], p) for p in registers[0].purposes]
        else:
            subsections = [self.section(f"rk-purposes-{r.key}", self.shop(r.name),
                                        [] if r.purposes else [self.missing(t.gettext(
                                            "The purposes of processing are not stated."))],
                                        [self.purpose(r, p) for p in r.purposes]) for r in registers]
        bases = [b for b in LegalBasis if any(p.legal_basis is b for r in registers for p in r.purposes)]
        if bases:
            subsections.append(self.legal_bases(bases))
        return self.section("rk-purposes", t.gettext("Purposes and legal bases"), [intro], subsections)

    def legal_bases(self, bases: list[LegalBasis]) -> Section:
        """What each legal basis used in the statement means, in plain words."""
        t = self.t
        entries = []
        for basis in bases:
            explanation = self.text(self.basis_explanation(basis))
            if basis is LegalBasis.LEGITIMATE_INTERESTS and Right.OBJECT in self.s.rights.listed:
                explanation += (self.span(" "), *self.linked(self.text(t.gettext("Read about your right to object.")),
                                                             "#rk-objection"))
            entries.append(Entry(title=self.strong(self.text(
                f"{self.basis_name(basis)} ({self.article(basis.article.removeprefix('GDPR '))})")),
                                 blocks=(self.para(explanation),), id=f"rk-basis-{basis.value.replace('_', '-')}"))
        return self.section("rk-legal-bases", t.gettext("What the legal bases mean"), [Entries(items=tuple(entries))])

    # -- data and sources --------------------------------------------------------------------------------------

    def category(self, c: DataCategory) -> Entry:
        t = self.t
        notes = []
        if c.special:
            notes.append(t.gettext("special category of personal data"))
        if c.criminal:
            notes.append(t.gettext("data on criminal convictions and offences"))
        title = self.strong(self.shop(c.name))
        if c.personal_identity_code and t.gettext("personal identity code") not in title[0].text.lower():
            notes.append(t.gettext("personal identity code"))
        if notes:
            title += (self.span(f" ({t.format_list(notes)})"),)
        return Entry(title=title, blocks=(self.para(self.shop(c.description)),) if c.description else ())

    def data_categories(self) -> Section:
        t = self.t
        none = t.gettext("The categories of personal data are not stated.")

        def content(r: Register) -> list[Block]:
            if not r.data_categories:
                return [self.missing(none)]
            return [Entries(items=tuple(self.category(c) for c in r.data_categories))]

        blocks, subsections = self.per_register("rk-data", content, none)
        return self.section("rk-data", t.gettext("Personal data we process"), blocks, subsections)

    def sources(self) -> Section:
        t = self.t
        none = t.gettext("The sources of the data are not stated.")

        def content(r: Register) -> list[Block]:
            if not r.sources:
                return [self.missing(none)]
            entries = []
            for src in r.sources:
                kind = {SourceKind.DATA_SUBJECT: t.gettext("From you"),
                        SourceKind.DEVICE: t.gettext("Automatically from your device when you use our services"),
                        SourceKind.THIRD_PARTY: t.gettext("From a third party")}[src.kind]
                facts = []
                if src.name is not None:
                    title = self.strong(self.shop(src.name))
                    facts.append(Fact(label=t.gettext("Type of source"), value=self.text(kind)))
                else:
                    title = (self.span(kind, strong=True),)
                if src.public is not None:
                    facts.append(Fact(label=t.gettext("Publicly available source"),
                                      value=self.text(t.gettext("Yes") if src.public else t.gettext("No"))))
                if src.data_categories:
                    facts.append(Fact(label=t.gettext("Data obtained"),
                                      value=self.join(self.category_names(r, src.data_categories))))
                blocks = (self.para(self.shop(src.description)),) if src.description else ()
                entries.append(Entry(title=title, facts=tuple(facts), blocks=blocks))
            return [Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-sources", content, none)
        return self.section("rk-sources", t.gettext("Where the data comes from"), blocks, subsections)

    # -- recipients and transfers ------------------------------------------------------------------------------

    def role(self, role: RecipientRole) -> str:
        t = self.t
        return {RecipientRole.PROCESSOR: t.gettext("processor (processes data on our behalf)"),
                RecipientRole.CONTROLLER: t.gettext("independent controller"),
                RecipientRole.JOINT_CONTROLLER: t.gettext("joint controller"),
                RecipientRole.AUTHORITY: t.gettext("authority")}[role]

    def recipient(self, register: Register, r: Recipient) -> Entry:
        t = self.t
        if r.name is not None:
            title: Inlines = (self.span(r.name, strong=True),)
            facts = [Fact(label=t.gettext("Category"), value=self.shop(r.category))] if r.category else []
        else:
            assert r.category is not None
            title = self.strong(self.shop(r.category))
            facts = []
        if r.role is not None:
            facts.append(Fact(label=t.gettext("Role"), value=self.text(self.role(r.role))))
        if r.country is not None:
            facts.append(Fact(label=t.gettext("Country"), value=self.text(self.country(r.country))))
        if r.purposes:
            by_key = {p.key: p for p in register.purposes}
            facts.append(Fact(label=t.gettext("Disclosed for"),
                              value=self.join([self.purpose_link(register, by_key[k]) for k in r.purposes
                                               if k in by_key])))
        if r.website:
            facts.append(Fact(label=t.gettext("Website"), value=self.web(r.website)))
        blocks = (self.para(self.shop(r.description)),) if r.description else ()
        return Entry(title=title, facts=tuple(facts), blocks=blocks)

    def recipients(self) -> Section:
        t = self.t
        none = t.gettext("The recipients of the data are not stated.")

        def content(reg: Register) -> list[Block]:
            if reg.recipients is None:
                return [self.missing(none)]
            if not reg.recipients:
                return [self.para(self.text(t.gettext("Personal data is not disclosed to any recipients.")))]
            blocks: list[Block] = [self.para(self.text(t.gettext(
                "The data is disclosed to the following recipients or categories of recipients.")))]
            blocks.append(Entries(items=tuple(self.recipient(reg, r) for r in reg.recipients)))
            return blocks

        blocks, subsections = self.per_register("rk-recipients", content, none)
        return self.section("rk-recipients", t.gettext("Recipients of the data"), blocks, subsections)

    def mechanism(self, m: TransferMechanism, derogation: str | None) -> str:
        # Articles per GDPR Chapter V: adequacy 45, SCC 46(2)(c) with Decision (EU) 2021/914 [V, OJ L 199/2021], BCR
        # 47, codes of conduct 46(2)(e), certification 46(2)(f), derogations 49(1) [M]. The DPF rests on the
        # adequacy decision (EU) 2023/1795 [V]. Invalidated mechanisms are named as the statement names them.
        t = self.t
        return {
            TransferMechanism.ADEQUACY: t.gettext("Adequacy decision of the European Commission ({article})").format(
                article=self.article("45")),
            TransferMechanism.DPF: t.gettext("EU–US Data Privacy Framework, under the European Commission's "
                                             "adequacy decision ({article})").format(article=self.article("45")),
            TransferMechanism.SCC_2021_914: t.gettext(
                "Standard contractual clauses adopted by the European Commission (Decision (EU) 2021/914, "
                "{article})").format(article=self.article("46(2)(c)")),
            TransferMechanism.BCR: t.gettext("Binding corporate rules ({article})").format(
                article=self.article("47")),
            TransferMechanism.CODE_OF_CONDUCT: t.gettext("Approved code of conduct ({article})").format(
                article=self.article("46(2)(e)")),
            TransferMechanism.CERTIFICATION: t.gettext("Approved certification mechanism ({article})").format(
                article=self.article("46(2)(f)")),
            TransferMechanism.DEROGATION: t.gettext("Derogation for a specific situation ({article})").format(
                article=self.article(derogation.removeprefix("GDPR ").removeprefix("Art. ")
                                     if derogation else "49(1)")),
            TransferMechanism.PRIVACY_SHIELD: t.gettext("EU–US Privacy Shield"),
            TransferMechanism.SAFE_HARBOR: t.gettext("Safe Harbor principles"),
            TransferMechanism.OLD_SCC: t.gettext("Standard contractual clauses of 2001, 2004 or 2010"),
        }[m]

    def transfers(self) -> Section:
        t = self.t
        none = t.gettext("Whether data is transferred outside the EU and the EEA is not stated.")

        def content(reg: Register) -> list[Block]:
            if reg.transfers is None:
                return [self.missing(none)]
            if not reg.transfers:
                return [self.para(self.text(t.gettext(
                    "We do not transfer personal data outside the European Union (EU) or the European Economic "
                    "Area (EEA).")))]
            entries = []
            for x in reg.transfers:
                title = (self.span(self.country(x.country) if x.country else t.gettext("Country not named"),
                                   strong=True),)
                facts = []
                if x.recipients:
                    facts.append(Fact(label=t.ngettext("Recipient", "Recipients", len(x.recipients)),
                                      value=self.join([self.name(n) for n in x.recipients])))
                facts.append(Fact(label=t.gettext("Safeguard"), value=self.text(
                    self.mechanism(x.mechanism, x.derogation)) if x.mechanism else self.not_stated()))
                if x.safeguards_copy is not None or x.safeguards_url is not None:
                    value: list[Inlines] = []
                    if x.safeguards_copy is not None:
                        value.append(self.shop(x.safeguards_copy))
                    if x.safeguards_url is not None:
                        value.append(self.web(x.safeguards_url))
                    facts.append(Fact(label=t.gettext("Copy of the safeguards"),
                                      value=_merge([s for v in _interleave(value, self.span(" ")) for s in v])))
                blocks = (self.para(self.shop(x.description)),) if x.description else ()
                entries.append(Entry(title=title, facts=tuple(facts), blocks=blocks))
            return [self.para(self.text(t.gettext("Data is transferred outside the EU and the EEA as follows."))),
                    Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-transfers", content, none)
        return self.section("rk-transfers", t.gettext("Transfers outside the EU and the EEA"), blocks, subsections)

    # -- retention and security --------------------------------------------------------------------------------

    def period(self, rule: Retention) -> str:
        t = self.t
        assert rule.period is not None
        period = t.format_duration(rule.period)
        templates = {
            None: "{period}",
            RetentionStart.COLLECTION: t.gettext("{period} from collection"),
            RetentionStart.ORDER: t.gettext("{period} from the order"),
            RetentionStart.END_OF_CONTRACT: t.gettext("{period} from the end of the contract"),
            RetentionStart.END_OF_CUSTOMER_RELATIONSHIP: t.gettext("{period} from the end of the customer "
                                                                   "relationship"),
            RetentionStart.ACCOUNT_CLOSURE: t.gettext("{period} from closing the account"),
            RetentionStart.LAST_ACTIVITY: t.gettext("{period} from your last activity"),
            RetentionStart.CONSENT_WITHDRAWAL: t.gettext("{period} from the withdrawal of consent"),
            RetentionStart.OBJECTION: t.gettext("{period} from your objection"),
            RetentionStart.FINANCIAL_PERIOD_END: t.gettext("{period} from the end of the financial period"),
            RetentionStart.END_OF_YEAR_OF_FINANCIAL_PERIOD_END: t.gettext(
                "{period} from the end of the year in which the financial period ended"),
        }
        return templates[rule.start].format(period=period)

    def retention(self) -> Section:
        t = self.t
        none = t.gettext("Retention periods are not stated.")

        def content(reg: Register) -> list[Block]:
            if not reg.retention:
                return [self.missing(none)]
            purposes = {p.key: p for p in reg.purposes}
            entries = []
            for rule in reg.retention:
                covered = [self.purpose_link(reg, purposes[k]) for k in rule.purposes if k in purposes]
                covered += self.category_names(reg, rule.data_categories)
                title = self.join(covered) if covered else self.text(t.gettext("All data in the register"))
                facts = []
                if rule.period is not None:
                    facts.append(Fact(label=t.gettext("Retention period"), value=self.text(self.period(rule))))
                if rule.criteria is not None:
                    facts.append(Fact(label=t.gettext("How the period is determined"),
                                      value=self.shop(rule.criteria)))
                if rule.period is None and rule.criteria is None:
                    facts.append(Fact(label=t.gettext("Retention period"), value=self.not_stated()))
                if rule.legal_reference is not None:
                    facts.append(Fact(label=t.gettext("Required by"), value=self.raw(rule.legal_reference)))
                entries.append(Entry(title=self.strong(title), facts=tuple(facts)))
            return [Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-retention", content, none)
        if any(r.retention for r in self.s.registers):
            blocks.insert(0, self.para(self.text(t.gettext(
                "We keep personal data only for the periods below or as the criteria below determine. After that "
                "we erase or anonymise it."))))
        return self.section("rk-retention", t.gettext("How long we keep the data"), blocks, subsections)

    def security(self) -> Section | None:
        registers = [r for r in self.s.registers if r.security is not None]
        if not registers:
            return None
        t = self.t
        if len(self.s.registers) == 1:
            assert registers[0].security is not None
            return self.section("rk-security", t.gettext("How we protect the data"),
                                self.shop_paragraphs(registers[0].security))
        return self.section("rk-security", t.gettext("How we protect the data"), (), [
            self.section(f"rk-security-{r.key}", self.shop(r.name), self.shop_paragraphs(r.security))
            for r in registers if r.security is not None])

    # -- rights ------------------------------------------------------------------------------------------------

    def right(self, right: Right) -> Section:
        # Summaries of GDPR 15-18 and 20 (WP260 asks for what each right involves) [M: paraphrased from the
        # articles, not re-checked]. Portability's conditions (consent or contract, automated means) are Art. 20(1).
        t = self.t
        heading, body = {
            Right.ACCESS: (t.gettext("Right of access"), t.gettext(
                "You have the right to know whether we process your personal data and to get a copy of the data "
                "we hold about you.")),
            Right.RECTIFICATION: (t.gettext("Right to rectification"), t.gettext(
                "You have the right to have inaccurate data about you corrected and incomplete data completed.")),
            Right.ERASURE: (t.gettext("Right to erasure"), t.gettext(
                "You have the right to have your data erased, for example when it is no longer needed for the "
                "purpose it was collected for or when you withdraw your consent. Data that the law requires us to "
                "keep, such as accounting records, is erased when the legal retention period ends.")),
            Right.RESTRICTION: (t.gettext("Right to restriction of processing"), t.gettext(
                "You have the right to ask us to restrict the processing of your data, for example while we check "
                "whether your data is accurate or whether your objection is justified.")),
            Right.PORTABILITY: (t.gettext("Right to data portability"), t.gettext(
                "When processing is based on your consent or on a contract and is carried out by automated means, "
                "you have the right to receive the data you have given us in a machine-readable format and to have "
                "it transmitted to another controller.")),
        }[right]
        return self.section(f"rk-right-{right.value}", heading, [
            self.para(self.text(body), self.text(f" ({self.article(right.article.removeprefix('GDPR '))})"))])

    def objection(self) -> Section:
        # GDPR 21(1) (particular situation, compelling legitimate grounds, legal claims) and 21(2)-(3) (direct
        # marketing, absolute) [M]; 21(4) wants it "clearly and separately", hence its own highlighted section.
        t = self.t
        return self.section("rk-objection", t.gettext("Right to object"), [
            self.para(self.text(t.gettext(
                "When we process your data on the basis of our legitimate interests, you have the right to object "
                "to the processing on grounds relating to your particular situation. We then stop the processing "
                "unless we can show compelling legitimate grounds that override your interests, rights and "
                "freedoms, or the processing is needed to establish, exercise or defend legal claims.")),
                self.text(f" ({self.article('21(1)')})")),
            self.para(self.text(t.gettext(
                "You can object at any time to the processing of your data for direct marketing, including "
                "profiling related to it. We then no longer use your data for direct marketing.")),
                self.text(f" ({self.article('21(2)')})")),
        ], highlight=True)

    def request_channel(self, channel: RequestChannel) -> Inlines:
        t, c = self.t, self.s.controller
        email = c.email or (self.s.dpo.email if self.s.dpo else None) or (
            c.contact_person.email if c.contact_person else None)
        phone = c.phone or (c.contact_person.phone if c.contact_person else None)
        if channel is RequestChannel.EMAIL:
            return self.fmt(t.gettext("By e-mail: {email}"), email=self.email(email)) if email else self.text(
                t.gettext("By e-mail"))
        if channel is RequestChannel.POST:
            return self.fmt(t.gettext("By post: {address}"), address=self.address(c.address)) if c.address else (
                self.text(t.gettext("By post")))
        if channel is RequestChannel.PHONE:
            return self.fmt(t.gettext("By phone: {phone}"), phone=self.phone(phone)) if phone else self.text(
                t.gettext("By phone"))
        return self.text({RequestChannel.WEB_FORM: t.gettext("With the form on our website"),
                          RequestChannel.ACCOUNT: t.gettext("In your customer account"),
                          RequestChannel.IN_PERSON: t.gettext("In person at our premises")}[channel])

    def rights(self) -> Section:
        t, r = self.t, self.s.rights
        blocks: list[Block] = []
        if r.listed:
            blocks.append(self.para(self.text(t.gettext("Under the GDPR, you have the rights described below."))))
        else:
            blocks.append(self.missing(t.gettext("The rights of the data subject are not stated.")))
        subsections = [self.right(x) for x in _RIGHT_ORDER if x in r.listed]
        if Right.OBJECT in r.listed:
            subsections.append(self.objection())
        request: list[Block] = []
        if r.request_channels:
            request.append(self.para(self.text(t.gettext(
                "To use your rights, contact us in one of the following ways:"))))
            request.append(BulletList(items=tuple(self.request_channel(c) for c in r.request_channels)))
        else:
            request.append(self.para(self.linked(self.text(t.gettext(
                "To use your rights, contact us using the controller's contact details.")), "#rk-controller")))
        if r.signed_request_required:
            request.append(self.para(self.text(t.gettext("The request must be made in writing and signed."))))
        request.append(self.para(self.text(t.gettext("A fee is charged for requests.") if r.fee_charged
                                           else t.gettext("Using your rights is free of charge."))))
        if r.response_days is not None:
            request.append(self.para(self.text(t.ngettext(
                "We answer your request within {n} day.", "We answer your request within {n} days.",
                r.response_days).format(n=r.response_days))))
        else:
            request.append(self.para(self.text(t.gettext(
                # GDPR 12(3): one month, extendable by two months, the subject told within the first month [M].
                "We answer your request without undue delay and at the latest within one month. If requests are "
                "complex or numerous, we may extend this by two months; we will then tell you within the first "
                "month."))))
        if r.text is not None:
            request.extend(self.shop_paragraphs(r.text))
        subsections.append(self.section("rk-rights-requests", t.gettext("How to use your rights"), request))
        return self.section("rk-rights", t.gettext("Your rights"), blocks, subsections)

    def withdraw_consent(self) -> Section | None:
        # GDPR 7(3): withdrawal at any time, as easy as giving consent, no effect on earlier processing [M].
        if not self.s.rights.withdraw_consent:
            return None
        t = self.t
        return self.section("rk-withdraw-consent", t.gettext("Withdrawing consent"), [self.para(self.text(t.gettext(
            "When processing is based on your consent, you can withdraw your consent at any time, as easily as "
            "you gave it. Withdrawing consent does not affect the lawfulness of processing before the withdrawal."
        )), self.text(f" ({self.article('7(3)')})"))])

    def complaint(self) -> Section | None:
        # GDPR 77(1): habitual residence, place of work or of the alleged infringement [M]. The Finnish authority and
        # its contact details come from rekisterikit.laws.SUPERVISORY_AUTHORITY [V, tietosuoja.fi].
        r, t = self.s.rights, self.t
        if not r.complaint and r.complaint_text is None:
            return None
        heading = t.gettext("Right to lodge a complaint")
        if r.complaint_text is not None:
            return self.section("rk-complaint", heading, self.shop_paragraphs(r.complaint_text))
        sa = SUPERVISORY_AUTHORITY
        office, _ = sa.office.resolve(self.lang)
        url, _ = sa.url.resolve(self.lang)
        facts = (
            Fact(label=t.gettext("Postal address"), value=self.text(sa.postal_address.resolve(self.lang)[0])),
            Fact(label=t.gettext("Visiting address"), value=self.text(sa.visiting_address.resolve(self.lang)[0])),
            Fact(label=t.gettext("Phone (switchboard)"), value=self.phone(sa.phone)),
            Fact(label=t.gettext("E-mail"), value=self.email(sa.email)),
            Fact(label=t.gettext("Website"), value=self.web(url)),
        )
        return self.section("rk-complaint", heading, [
            self.para(self.text(t.gettext(
                "If you think that the processing of your personal data breaks data protection law, you have the "
                "right to lodge a complaint with a supervisory authority, in particular in the EU member state "
                "where you live or work or where the infringement took place.")),
                self.text(f" ({self.article('77')})")),
            self.para(self.text(t.gettext(
                "In Finland, the supervisory authority is the Data Protection Ombudsman. Contact details:"))),
            Entries(items=(Entry(title=(self.span(office, strong=True),), facts=facts),)),
        ])

    def provision(self) -> Section:
        t = self.t
        texts = {
            Provision.STATUTORY: t.gettext("The law requires you to give the data."),
            Provision.CONTRACTUAL: t.gettext("The data is required by a contract."),
            Provision.CONTRACT_PRECONDITION: t.gettext("The data is needed to make a contract with us."),
            Provision.VOLUNTARY: t.gettext("Giving the data is voluntary."),
        }
        entries = []
        for reg in self.s.registers:
            for p in reg.purposes:
                if p.provision is None and p.provision_consequence is None:
                    continue
                facts = [Fact(label=t.gettext("Do you have to give the data?"),
                              value=self.text(texts[p.provision]) if p.provision else self.not_stated())]
                if p.provision_consequence is not None:
                    facts.append(Fact(label=t.gettext("If you do not give the data"),
                                      value=self.shop(p.provision_consequence)))
                entries.append(Entry(title=self.linked(self.shop(p.description), "#" + self.purpose_id(reg, p)),
                                     facts=tuple(facts)))
        heading = t.gettext("Do you have to give us your data?")
        if not entries:
            return self.section("rk-provision", heading, [self.missing(t.gettext(
                "Whether you have to give the data is not stated."))])
        return self.section("rk-provision", heading, [Entries(items=tuple(entries))])

    def automated_decisions(self) -> Section:
        t = self.t
        none = t.gettext("Whether automated decisions are made is not stated.")

        def content(reg: Register) -> list[Block]:
            adm = reg.automated_decisions
            blocks: list[Block] = []
            if adm is None:
                blocks.append(self.missing(none))
            elif not adm.used and adm.logic is not None:
                blocks.extend(self.shop_paragraphs(adm.logic))
            elif not adm.used:
                blocks.append(self.para(self.text(t.gettext(
                    "We do not make decisions based solely on automated processing, including profiling, that have "
                    "legal effects on you or similarly significantly affect you.")),
                    self.text(f" ({self.article('22')})")))
            else:
                blocks.append(self.para(self.text(t.gettext(
                    "We make decisions based solely on automated processing, including profiling, as described "
                    "below.")), self.text(f" ({self.article('22')})")))
                facts = []
                for label, text in ((t.gettext("Logic involved"), adm.logic),
                                    (t.gettext("Significance for you"), adm.significance),
                                    (t.gettext("Envisaged consequences"), adm.consequences)):
                    facts.append(Fact(label=label, value=self.shop(text) if text else self.not_stated()))
                if adm.art22_basis is not None:
                    basis = {
                        Art22Basis.CONTRACT: t.gettext("Necessary for making or carrying out a contract with you "
                                                       "({article})").format(article=self.article("22(2)(a)")),
                        Art22Basis.LAW: t.gettext("Authorised by law ({article})").format(
                            article=self.article("22(2)(b)")),
                        Art22Basis.EXPLICIT_CONSENT: t.gettext("Your explicit consent ({article})").format(
                            article=self.article("22(2)(c)")),
                    }[adm.art22_basis]
                    facts.append(Fact(label=t.gettext("Legal basis"), value=self.text(basis)))
                if adm.safeguards is not None:
                    facts.append(Fact(label=t.gettext("Safeguards"), value=self.shop(adm.safeguards)))
                blocks.append(Facts(items=tuple(facts)))
                if adm.art22_basis in (Art22Basis.CONTRACT, Art22Basis.EXPLICIT_CONSENT):
                    blocks.append(self.para(self.text(t.gettext(
                        "You have the right to have a person review the decision, to express your point of view "
                        "and to contest the decision."))))
            profiling = [self.purpose_link(reg, p) for p in reg.purposes if p.profiling]
            if profiling:
                blocks.append(self.para(self.fmt(t.gettext("We use profiling for these purposes: {purposes}."),
                                                 purposes=self.join(profiling))))
            return blocks

        blocks, subsections = self.per_register("rk-automated-decisions", content, none)
        return self.section("rk-automated-decisions", t.gettext("Automated decision-making and profiling"), blocks,
                            subsections)

    def children(self) -> Section | None:
        # GDPR 8(1) with the Finnish age of 13 (Tietosuojalaki 1050/2018 5 §: age [S], section number [M]).
        c, t = self.s.children, self.t
        if c is None:
            return None
        blocks: list[Block] = []
        if c.offered_to_children:
            blocks.append(self.para(self.text(t.gettext(
                "Our services are also offered to children. For a child under 13, consent to our online services "
                "must be given or authorised by the child's guardian.")), self.text(f" ({self.article('8')})")))
        else:
            blocks.append(self.para(self.text(t.gettext("Our services are not intended for children."))))
        if c.minimum_age is not None:
            blocks.append(Facts(items=(Fact(label=t.gettext("Age limit"), value=self.text(t.ngettext(
                "{n} year", "{n} years", c.minimum_age).format(n=c.minimum_age))),)))
        if c.parental_consent is not None:
            blocks.extend(self.shop_paragraphs(c.parental_consent))
        return self.section("rk-children", t.gettext("Children"), blocks)

    # -- cookies -----------------------------------------------------------------------------------------------

    def cookie_category(self, category: CookieCategory | None) -> str:
        t = self.t
        if category is None:
            return t.gettext("Uncategorised")
        return {CookieCategory.NECESSARY: t.gettext("Necessary"),
                CookieCategory.PREFERENCES: t.gettext("Preferences"),
                CookieCategory.STATISTICS: t.gettext("Statistics"),
                CookieCategory.MARKETING: t.gettext("Marketing")}[category]

    def cookie_table(self) -> Table:
        t = self.t
        columns = (Column(key="name", label=t.gettext("Name")), Column(key="provider", label=t.gettext("Provider")),
                   Column(key="purpose", label=t.gettext("Purpose")),
                   Column(key="category", label=t.gettext("Category")),
                   Column(key="duration", label=t.gettext("Duration")), Column(key="party", label=t.gettext("Party")))
        storage = {StorageKind.LOCAL_STORAGE: t.gettext("local storage"),
                   StorageKind.SESSION_STORAGE: t.gettext("session storage"),
                   StorageKind.PIXEL: t.gettext("pixel")}
        rows = []
        cookies = sorted(self.s.cookies, key=lambda c: _CATEGORY_ORDER.get(c.category, len(_CATEGORY_ORDER))
                         if c.category else len(_CATEGORY_ORDER))
        for c in cookies:
            name: Inlines = (self.span(c.name),)
            if c.storage in storage:
                name += (self.span(f" ({storage[c.storage]})"),)
            provider = self.name(c.provider) if c.provider else self.not_stated()
            if c.country is not None:
                provider += (self.span(f" ({self.country(c.country)})"),)
            party = {Party.FIRST: t.gettext("First party"), Party.THIRD: t.gettext("Third party")}
            rows.append((
                _merge(list(name)),
                _merge(list(provider)),
                self.shop(c.purpose) if c.purpose else self.not_stated(),
                self.text(self.cookie_category(c.category)),
                self.text(t.format_duration(c.duration)) if c.duration else self.not_stated(),
                self.text(party[c.party]) if c.party else self.not_stated(),
            ))
        return Table(id="rk-cookie-table", caption=t.gettext("Cookies and similar techniques used on this site"),
                     columns=columns, rows=tuple(rows))

    def cookies(self) -> Section:
        s, t = self.s, self.t
        policy = s.cookie_policy
        blocks: list[Block] = [self.para(self.text(t.gettext(
            "Cookies are small text files that a website stores on your device. Similar techniques, such as local "
            "storage and pixels, are treated in the same way as cookies.")))]
        sentences: list[str] = []
        if policy.consent is CookieConsentMechanism.OPT_IN:
            sentences.append(t.gettext("Necessary cookies are needed for the site to work and are set without "
                                       "consent. Other cookies are set only if you consent to them."))
            if not policy.preticked:
                sentences.append(t.gettext("Nothing is selected in advance."))
        elif policy.consent is CookieConsentMechanism.OPT_OUT:
            sentences.append(t.gettext("Cookies are set unless you refuse them."))
        elif policy.consent is CookieConsentMechanism.IMPLIED:
            sentences.append(t.gettext("Cookies are set when you use the site."))
        elif policy.consent is CookieConsentMechanism.BROWSER_SETTINGS:
            sentences.append(t.gettext("You can block cookies in your browser settings."))
        if policy.reject_first_layer and policy.consent is CookieConsentMechanism.OPT_IN:
            sentences.append(t.gettext("You can refuse all cookies that are not necessary with one click."))
        if policy.withdraw:
            sentences.append(t.gettext("You can change or withdraw your choice at any time in the cookie "
                                       "settings."))
        if policy.cookie_wall:
            sentences.append(t.gettext("Using the site requires accepting cookies."))
        if sentences:
            blocks.append(self.para(self.text(" ".join(sentences))))
        if policy.text is not None:
            blocks.extend(self.shop_paragraphs(policy.text))
        if s.cookies:
            blocks.append(self.cookie_table())
        else:
            blocks.append(self.missing(t.gettext("No cookies or similar techniques are declared.")))
        return self.section("rk-cookies", t.gettext("Cookies"), blocks)

    def changes(self) -> Section:
        s, t = self.s, self.t
        blocks: list[Block] = list(self.shop_paragraphs(s.changes)) if s.changes else [self.para(self.text(
            t.gettext("We update this notice when our processing of personal data changes.")))]
        facts = [Fact(label=t.gettext("Updated"), value=self.text(t.format_date(s.updated)) if s.updated
                      else self.not_stated()),
                 Fact(label=t.gettext("Version"), value=self.text(s.version))]
        blocks.append(Facts(items=tuple(facts)))
        return self.section("rk-changes", t.gettext("Changes to this notice"), blocks)


def _merge(spans: list[Span]) -> Inlines:
    """Join neighbouring spans with the same attributes and drop empty ones."""
    out: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if out and (out[-1].lang, out[-1].href, out[-1].strong) == (s.lang, s.href, s.strong):
            out[-1] = Span(text=out[-1].text + s.text, lang=s.lang, href=s.href, strong=s.strong)
        else:
            out.append(s)
    return tuple(out)


def _interleave(items: list[Inlines], separator: Span) -> list[Inlines]:
    out: list[Inlines] = []
    for n, item in enumerate(items):
        if n:
            out.append((separator,))
        out.append(item)
    return out


def build(statement: Statement, locale: Language | str) -> Document:
    """Build the document of ``statement`` in ``locale``.

    Args:
        statement: the statement.
        locale: ``"fi"``, ``"sv"`` or ``"en"`` (region suffixes allowed).

    Returns:
        The format-neutral document; :mod:`rekisterikit.render` serialises it.
    """
    return _Builder(statement, translator(locale).language).build()


def cookie_table(statement: Statement, locale: Language | str) -> Table:
    """The cookie declaration of ``statement`` as a table in ``locale``."""
    return _Builder(statement, translator(locale).language).cookie_table()

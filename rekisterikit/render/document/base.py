"""The builder's base: the statement, the language, and the inline helpers every section uses (shop text,
links, formatted templates, lists, article references, "not stated").
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Literal

from babel import Locale

from rekisterikit.laws import AUTHORITIES, FINNISH_ACTS, cite_act
from rekisterikit.model import (
    CookieCategory,
    Country,
    Language,
    LegalReference,
    LocalizedText,
    PostalAddress,
    Purpose,
    Register,
    Right,
    Statement,
)
from rekisterikit.render import links
from rekisterikit.render.document.tree import (
    Block,
    Inlines,
    Paragraph,
    Section,
    Span,
    _requirements,
)
from rekisterikit.render.i18n import Translator, babel_locale, translator

#: The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): one left unclosed in
#: a shop text would reverse the rest of the line around it, in HTML, plain text and Markdown alike.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_ARTICLE = re.compile(r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?")


def clean_text(text: str) -> str:
    """Normalise line ends to ``\\n`` and drop control characters, bidirectional embedding/override/isolate
    controls, lone surrogates and non-characters: every shop text passes here on its way to any output format."""
    if text.isprintable():  # every character removed below is a control, format, surrogate or non-character
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


_RIGHT_ORDER = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION, Right.PORTABILITY)
_CATEGORY_ORDER = {c: i for i, c in enumerate(CookieCategory)}


@cache
def _territories(babel: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in Locale.parse(babel).territories.items()}



def _merge(spans: list[Span]) -> Inlines:
    """Join neighbouring spans with the same attributes and drop empty ones."""
    out: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if out and (out[-1].lang, out[-1].href, out[-1].strong, out[-1].missing) == (
                s.lang, s.href, s.strong, s.missing):
            out[-1] = Span(text=out[-1].text + s.text, lang=s.lang, href=s.href, strong=s.strong, missing=s.missing)
        else:
            out.append(s)
    return tuple(out)


@lru_cache(maxsize=512)
def _parse_template(template: str) -> tuple[tuple[str, str | None], ...]:
    """A translated template's literal text and placeholder names, parsed once per template."""
    return tuple((literal, field) for literal, field, _, _ in string.Formatter().parse(template))


def _interleave(items: list[Inlines], separator: Span) -> list[Inlines]:
    out: list[Inlines] = []
    for n, item in enumerate(items):
        if n:
            out.append((separator,))
        out.append(item)
    return out




class BuilderBase:
    """The builder's base: the statement, the language, and the inline helpers every section uses (shop text,"""

    def __init__(self, statement: Statement, lang: Language) -> None:
        self.s = statement
        self.lang = lang
        self.t: Translator = translator(lang)
        self.default = statement.default_language
        keys = Counter(p.key for r in statement.registers for p in r.purposes)
        self.repeated_purpose_keys = {k for k, n in keys.items() if n > 1}
        # Per-build look-ups, filled on first use: country names in this language, purpose links (a purpose is
        # linked from every recipient and retention rule that names it).
        self._territories: dict[str, str] | None = None
        self._purpose_links: dict[tuple[int, int], Inlines] = {}
        self._category_names: dict[int, dict[str, Inlines]] = {}

    def span(self, text: str, *, lang: Language | None = None, href: str | None = None,
             strong: bool = False) -> Span:
        return Span(text=clean_text(text), lang=lang, href=href, strong=strong)

    def plain(self, *parts: str) -> Inlines:
        """Texts run together with no language, link or mark (each cleaned): what :func:`_merge` makes of their
        spans, built without them."""
        text = "".join([clean_text(part) for part in parts])
        return (Span(text=text),) if text else ()

    def plain_fmt(self, template: str, suffix: str = "", **values: str) -> Inlines:
        """:meth:`fmt` for values that are plain strings, followed by ``suffix``: one run, or none when empty."""
        parts = [part for literal, field in _parse_template(template)
                 for part in (literal, "" if field is None else values[field])]
        return self.plain(*parts, suffix)

    def linked(self, inlines: Inlines, href: str) -> Inlines:
        """The same runs, linked to ``href`` (a safe address or an ``#rk-…`` anchor)."""
        target = href if links.is_safe(href) else None
        return tuple(Span(text=x.text, lang=x.lang, href=target, strong=x.strong, missing=x.missing) for x in inlines)

    def strong(self, inlines: Inlines) -> Inlines:
        return tuple(Span(text=x.text, lang=x.lang, href=x.href, strong=True, missing=x.missing) for x in inlines)

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
        value = getattr(text, self.lang.value)  # what resolve() tries first, without building its fallback order
        if value is not None:
            return (Span(text=clean_text(" ".join(value.split()))),)
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
        for literal, field in _parse_template(template):
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

    def reference(self, ref: LegalReference) -> Inlines:
        """A legal reference in the document's language: a catalogued act by its name in that language with its
        number and section ("bokföringslagen (1336/1997) 2 kap. 10 §"), followed by any text; or the free text."""
        if ref.law is not None and ref.law in FINNISH_ACTS:
            cited = self.text(cite_act(ref.law, ref.section, self.lang))
            return cited if ref.text is None else (*cited, self.span(" – "), *self.shop(ref.text))
        if ref.text is not None:
            return self.shop(ref.text)
        return self.name(" ".join(x for x in (ref.law, ref.section) if x))

    def authority_name(self, key: str) -> Inlines:
        """An authority of the catalogue by its name in the document's language (Verohallinto, Skatteförvaltningen,
        Finnish Tax Administration); an unknown key as written."""
        entry = AUTHORITIES.get(key)
        if entry is None:
            return self.name(key)
        return self.text(entry.name.get(self.lang) or entry.name.texts()[0])

    def not_stated(self) -> Inlines:
        return (Span(text=self.t.gettext("Not stated"), missing=True),)

    def missing(self, message: str) -> Paragraph:
        return Paragraph(content=self.text(message), missing=True)

    def country(self, country: Country) -> str:
        if self._territories is None:
            self._territories = _territories(babel_locale(self.lang))
        return self._territories.get(country.code, country.code)

    def address(self, address: PostalAddress) -> Inlines:
        lines = list(address.lines())
        if address.country.code != "FI" or self.lang is not Language.FI:
            lines.append(self.country(address.country))
        return self.name(", ".join(lines))

    def para(self, *content: Inlines) -> Paragraph:
        return Paragraph(content=_merge([s for part in content for s in part]))

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
        sections = []
        for r in registers:
            blocks = content(r)
            if blocks:  # a register the topic says nothing of (and claims nothing of) gets no subsection
                sections.append(self.section(f"{section_id}-{r.key}", self.shop(r.name), blocks))
        return [], sections

    def purpose_link(self, register: Register, purpose: Purpose) -> Inlines:
        """The purpose's description without its final full stop, linked to its section (for lists)."""
        key = (id(register), id(purpose))  # the statement outlives the build, so ids are stable meanwhile
        cached = self._purpose_links.get(key)
        if cached is None:
            cached = self._purpose_links[key] = self._purpose_link(register, purpose)
        return cached

    def _purpose_link(self, register: Register, purpose: Purpose) -> Inlines:
        text = self.shop(purpose.description)
        last = text[-1]
        text = (*text[:-1], Span(text=last.text.rstrip(" .") or last.text, lang=last.lang))
        return self.linked(text, "#" + self.purpose_id(register, purpose))

    def purpose_id(self, register: Register, purpose: Purpose) -> str:
        if purpose.key in self.repeated_purpose_keys:
            return f"rk-purpose-{register.key}-{purpose.key}"
        return f"rk-purpose-{purpose.key}"

    def category_names(self, register: Register, keys: Iterable[str]) -> list[Inlines]:
        by_key = self._category_names.get(id(register))
        if by_key is None:  # built once per register; a repeated key names its last category
            by_key = self._category_names[id(register)] = {c.key: self.shop(c.name) for c in register.data_categories}
        return [by_key[k] for k in keys if k in by_key]


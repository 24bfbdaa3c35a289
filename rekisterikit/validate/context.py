"""What a rule's check function receives: the statement, precomputed views of it and the reference data."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cached_property

from attrs import define

from rekisterikit.model import (
    Cookie,
    CookieCategory,
    Country,
    LegalBasis,
    LocalizedText,
    Purpose,
    PurposeKind,
    Register,
    SpecialCondition,
    Statement,
)
from rekisterikit.validate import data
from rekisterikit.validate.needles import needles
from rekisterikit.validate.registry import REGISTRY, Registry

__all__ = [
    "LEGITIMATE_INTEREST_KINDS",
    "MARKETING_KINDS",
    "TRACKING_KINDS",
    "Context",
    "CookieRef",
    "PurposeRef",
    "RegisterRef",
    "join",
    "text",
]

#: Purpose kinds that are direct marketing in the sense of GDPR 21(2)–(3).
MARKETING_KINDS = frozenset({PurposeKind.DIRECT_MARKETING, PurposeKind.NEWSLETTER})
#: Purpose kinds that normally rest on legitimate interests (research notes §2.2; EDPB 2/2019).
LEGITIMATE_INTEREST_KINDS = frozenset({
    PurposeKind.ANALYTICS, PurposeKind.SERVICE_DEVELOPMENT, PurposeKind.SECURITY, PurposeKind.FRAUD_PREVENTION,
    PurposeKind.PROFILING, PurposeKind.ADVERTISING, PurposeKind.LEGAL_CLAIMS})
#: Purpose kinds that, without a stated basis, evidently rest on the contract or on consent.
_EVIDENT_BASES = {PurposeKind.ORDER: LegalBasis.CONTRACT, PurposeKind.ACCOUNT: LegalBasis.CONTRACT,
                  PurposeKind.NEWSLETTER: LegalBasis.CONSENT}
#: Purpose kinds that, on a website, mean tracking that needs cookie consent (917/2014 205 §).
TRACKING_KINDS = frozenset({PurposeKind.ANALYTICS, PurposeKind.ADVERTISING, PurposeKind.PROFILING})


@define(frozen=True)
class RegisterRef:
    """A register and its path."""

    path: str
    register: Register


@define(frozen=True)
class PurposeRef:
    """A purpose, its path and its register."""

    path: str
    purpose: Purpose
    register: RegisterRef


@define(frozen=True)
class CookieRef:
    """A declared cookie and its path."""

    path: str
    cookie: Cookie


def text(fi: str, sv: str, en: str) -> LocalizedText:
    """A placeholder value in all three languages."""
    return LocalizedText(fi=fi, sv=sv, en=en)


def join(items: Iterable[LocalizedText]) -> LocalizedText:
    """Join placeholder values into one comma-separated value per language."""
    parts = list(items)
    return LocalizedText(**{lang: ", ".join(p.get(lang) or p.texts()[0] for p in parts)
                            for lang in ("fi", "sv", "en")})


class Context:
    """The statement under validation and derived facts that several rules need; computed once, on demand.

    Attributes:
        statement: the statement.
        registry: the rules in use (to check the statement's ignore directives against).
        fallbacks: the statement's languages, for resolving shop-written placeholder values.
    """

    def __init__(self, statement: Statement, registry: Registry | None = None) -> None:
        self.statement = statement
        self.registry = registry if registry is not None else REGISTRY
        self.fallbacks = statement.languages

    @cached_property
    def registers(self) -> tuple[RegisterRef, ...]:
        """Every register with its path."""
        return tuple(RegisterRef(f"$.registers[{i}]", r) for i, r in enumerate(self.statement.registers))

    @cached_property
    def purposes(self) -> tuple[PurposeRef, ...]:
        """Every purpose of every register with its path."""
        return tuple(PurposeRef(f"{reg.path}.purposes[{j}]", p, reg)
                     for reg in self.registers for j, p in enumerate(reg.register.purposes))

    @cached_property
    def cookies(self) -> tuple[CookieRef, ...]:
        """Every declared cookie with its path."""
        return tuple(CookieRef(f"$.cookies[{i}]", c) for i, c in enumerate(self.statement.cookies))

    @cached_property
    def consent_cookies(self) -> tuple[CookieRef, ...]:
        """The declared cookies that need consent: all but ``necessary`` ones and ``preferences`` cookies that only
        store the visitor's explicit choice (``user_choice``, 917/2014 205 § 2 mom)."""
        return tuple(ref for ref in self.cookies if ref.cookie.needs_consent)

    @cached_property
    def uses_consent_cookies(self) -> bool:
        """Whether non-necessary cookies are in use: declared, or evident from an undeclared cookie notice.

        The latter is a statement that talks about cookies (``cookie_policy.text``) without declaring them and
        has an analytics or advertising purpose: tracking of that kind needs consent whatever the cookie names.
        """
        if self.consent_cookies:
            return True
        return (not self.statement.cookies and self.statement.cookie_policy.text is not None
                and any(ref.purpose.kind in TRACKING_KINDS for ref in self.purposes))

    @cached_property
    def texts(self) -> tuple[tuple[str, LocalizedText | str, tuple[str, ...]], ...]:
        """Every shop-written text with its path, the value, and its variants in lower case (for fast matching)."""
        from rekisterikit.validate.paths import walk_texts

        found = []
        for path, value in walk_texts(self.statement):
            variants = value.texts() if isinstance(value, LocalizedText) else (value,)
            found.append((path, value, tuple(v.lower() for v in variants)))
        return tuple(found)

    @cached_property
    def _corpus(self) -> tuple[str, list[int]]:
        """Every lower-cased text variant joined (``\0`` between them), and where each text's variants start."""
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for _, _, lowered in self.texts:
            starts.append(offset)
            for low in lowered:
                parts.append(low)
                offset += len(low) + 1
        return "\0".join(parts), starts

    def _candidates(self, pattern: re.Pattern[str]) -> Iterable[int]:
        """Indexes into :attr:`texts` of the texts the pattern can match in (all, without literal needles)."""
        found = needles(pattern)
        if found is None:
            return range(len(self.texts))
        corpus, starts = self._corpus
        indexes: set[int] = set()
        for needle in found:
            position = corpus.find(needle)
            while position != -1:
                index = bisect_right(starts, position) - 1
                indexes.add(index)
                following = starts[index + 1] if index + 1 < len(starts) else len(corpus)
                position = corpus.find(needle, following)
        return sorted(indexes)

    def search_texts(self, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
        """Yield ``(path, matched text)`` for the first match of a lower-case ``pattern`` in each text.

        The pattern is matched against the lower-cased text; the match is returned as written when possible.
        Texts that contain none of the pattern's literal prefixes (:func:`~rekisterikit.validate.needles.needles`)
        are skipped without running the expression on them.
        """
        texts = self.texts
        for index in self._candidates(pattern):
            path, value, lowered = texts[index]
            originals = value.texts() if isinstance(value, LocalizedText) else (value,)
            for original, low in zip(originals, lowered, strict=True):
                match = pattern.search(low)
                if match is not None:
                    same = len(original) == len(low)
                    yield path, original[match.start():match.end()] if same else match.group(0)
                    break

    @cached_property
    def eea(self) -> frozenset[str]:
        """EEA country codes (dated data)."""
        return data.eea().codes

    def third_country(self, country: Country | None) -> bool:
        """Whether ``country`` is known and outside the EEA."""
        return country is not None and country.code not in self.eea

    @staticmethod
    def is_marketing(purpose: Purpose) -> bool:
        """Whether the purpose is direct marketing: its kind, or the marketing channels it uses."""
        return purpose.kind in MARKETING_KINDS or bool(purpose.direct_marketing)

    @cached_property
    def marketing(self) -> tuple[PurposeRef, ...]:
        """The direct-marketing purposes."""
        return tuple(ref for ref in self.purposes if self.is_marketing(ref.purpose))

    @cached_property
    def relies_on_consent(self) -> bool:
        """Whether any processing rests on consent: a purpose on 6(1)(a) or 9(2)(a), or non-necessary cookies."""
        return self.uses_consent_cookies or any(
            ref.purpose.legal_basis is LegalBasis.CONSENT
            or ref.purpose.special_condition is SpecialCondition.EXPLICIT_CONSENT for ref in self.purposes)

    def bases(self) -> frozenset[LegalBasis]:
        """The legal bases any purpose uses."""
        return frozenset(ref.purpose.legal_basis for ref in self.purposes if ref.purpose.legal_basis is not None)

    def likely_bases(self) -> frozenset[LegalBasis]:
        """The bases in use, stated or evident: orders and accounts are contracts; newsletters and tracking need
        consent. For rules about information items that depend on the basis (portability), where a statement
        that names no basis must not escape them."""
        bases = set(self.bases())
        for ref in self.purposes:
            if ref.purpose.legal_basis is None and ref.purpose.kind in _EVIDENT_BASES:
                bases.add(_EVIDENT_BASES[ref.purpose.kind])
        if self.uses_consent_cookies:
            bases.add(LegalBasis.CONSENT)
        return frozenset(bases)

    def uses_cookies_of(self, *categories: CookieCategory) -> bool:
        """Whether a declared cookie is of one of ``categories``."""
        return any(ref.cookie.category in categories for ref in self.cookies)

"""Hypothesis strategies for rekisterikit's model, hand-written to respect the model's invariants.

Every strategy takes keyword-only arguments and builds only values the model's constructors accept, so tests can
use them without filtering::

    from hypothesis import given
    from rekisterikit.testing import strategies as rks

    @given(rks.statements())
    def test_round_trip(statement): ...

    @given(rks.statements(compliant=True))
    def test_our_templates_render_any_good_statement(statement): ...

    @given(rks.statements(text=rks.hostile_texts()))
    def test_rendering_escapes_everything(statement): ...

Three knobs recur:

* ``compliant=True`` builds only what the validators accept without a single error (warnings and recommendations
  may remain): every purpose has its basis, every register its recipients and retention, every transfer a valid
  mechanism, every cookie its details, and the rights and the cookie policy fit what the statement does.
* ``text=`` is the strategy for shop-written text (names, descriptions, every :class:`~rekisterikit.LocalizedText`
  language); pass :func:`hostile_texts` to fill a statement with markup, quotes and control characters. Fields the
  model validates (keys, e-mail addresses, phone numbers, URLs, business ids) keep their valid values.
* ``max_…`` bounds keep examples small.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
from hypothesis import strategies as st

from rekisterikit.model import (
    Art22Basis,
    AutomatedDecisions,
    BannerTexts,
    BusinessId,
    Children,
    ConsentSettings,
    ConsentTexts,
    ContactPerson,
    Controller,
    Cookie,
    CookieCategory,
    CookieConsentMechanism,
    CookiePolicy,
    CookieService,
    Country,
    DataCategory,
    Directives,
    Dpo,
    Duration,
    Ignore,
    Language,
    LegalBasis,
    LegalReference,
    LocalizedText,
    MarketingAudience,
    MarketingChannel,
    Party,
    PostalAddress,
    ProcessingRecord,
    Provision,
    Purpose,
    PurposeKind,
    Recipient,
    RecipientRole,
    Register,
    RegisterRecord,
    Representative,
    RepresentativeExemption,
    RequestChannel,
    Retention,
    RetentionStart,
    Right,
    Rights,
    SoftOptIn,
    Source,
    SourceKind,
    SpecialCondition,
    Statement,
    StorageKind,
    Transfer,
    TransferMechanism,
)
from rekisterikit.model.values import business_id_check_digit, iso_country_codes

if TYPE_CHECKING:
    from rekisterikit.consent.state import ConsentState

__all__ = [
    "HOSTILE_FRAGMENTS",
    "addresses",
    "business_ids",
    "consent_states",
    "controllers",
    "cookies",
    "countries",
    "data_categories",
    "durations",
    "hostile_texts",
    "keys",
    "localized_texts",
    "purposes",
    "recipients",
    "registers",
    "statements",
    "texts",
    "third_countries",
    "transfers",
]

T = TypeVar("T")
Text = st.SearchStrategy[str]

_KEY_CHARS = string.ascii_lowercase + string.digits + "_-"


# -- text -----------------------------------------------------------------------------------------------------------
# Strategies are built once and cached: building them inside a draw makes hypothesis validate each new object and
# inspect the source of every lambda filter, which made a statement take a second to generate.

_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)


def _non_blank(value: str) -> bool:
    return bool(value.strip())


@lru_cache(maxsize=64)
def texts(*, min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-blank text of any Unicode characters (surrogates excluded)."""
    return st.text(st.characters(exclude_categories=_SURROGATES), min_size=min_size, max_size=max_size).filter(
        _non_blank)


#: Snippets meant to break out of their context in HTML, Markdown, JSON, e-mail, a terminal or a template engine.
HOSTILE_FRAGMENTS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "<a href='javascript:alert(1)'>x</a>",
    "</article></main><iframe src=//evil.example>",
    "<style>*{display:none}</style>",
    "<!-- ]]> --!> <![CDATA[",
    "&lt;b&gt; &amp; &#60; &#x3C;",
    "\"'`",
    "\\\"\\'\\\\",
    "{0} {name} {{}} %s %(x)s",
    "{{ 7*7 }} {% if %} ${7*7} #{7*7}",
    "**bold** _it_ `code` [link](javascript:alert(1)) ![img](x)",
    "\n\n# Heading\n- item\n1. item\n> quote\n    code\n| a | b |\n---",
    "{#rk-controller} {: .x}",
    "data:text/html;base64,PHNjcmlwdD4=",
    "\u202eevil\u202c \u200b\u200d\ufeff",
    "\u2028\u2029\x85",
    "\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x9f",
    "\r\nSet-Cookie: injected=1\r\n",
    "\ufffe\uffff",
    "Z\u0351\u0358\u0362\u035d\u0344a\u0306\u0328\u0351l\u0310g\u0301o",
    "\U0001f36a\U0001f1eb\U0001f1ee\U0001f469\u200d\U0001f4bb",
    "null undefined NaN None true",
)


def _repeat(char: str, n: int) -> str:
    return char * n


@lru_cache(maxsize=16)
def hostile_texts(*, max_pieces: int = 4, long_word: int = 400) -> st.SearchStrategy[str]:
    """Non-blank text built to break renderers: markup, scripts, quotes, control characters and very long words.

    Each value joins up to ``max_pieces`` pieces, each one of :data:`HOSTILE_FRAGMENTS`, arbitrary text, a run of
    control and format characters, or a single word up to ``long_word`` characters long without any space.

    Args:
        max_pieces: the most pieces joined into one value.
        long_word: the longest unbroken word.
    """
    controls = st.text(st.characters(categories=("Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=8)
    word = st.builds(_repeat, st.characters(categories=("L", "N", "P", "S")),
                     st.integers(min_value=min(80, long_word), max_value=long_word))
    piece = st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), texts(max_size=20), controls, word)
    return st.lists(piece, min_size=1, max_size=max_pieces).map("".join).filter(_non_blank)


#: Text a compliant statement never contains: names of repealed law (RK-OUTDATED-LAW flags them wherever they
#: appear) and words that make a third-party source look like a credit information company
#: (RK-CREDIT-CHECK-UNANNOUNCED). Random text hits them only by accident, but hypothesis finds accidents.
_FORBIDDEN_IN_COMPLIANT = (
    "henkilötietola", "523/1999", "hetil", "personuppgiftslag", "personal data act", "tietosuojala", "516/2004",
    "95/46/", "henkilötietodirektiiv", "privacy shield", "privacy-shield", "safe harbo", "safe-harbo",
    "2010/87/", "2001/497/", "2004/915/",
    "luottotie", "kreditupplys", "credit", "asiakastieto", "bisnode", "enento", "bradstreet",
    # Carriers, payment services and debt collectors: named in a purpose they must be among its recipients
    # (RK-RECIPIENTS-CONTRADICTED), which random recipients are not.
    "posti", "itella", "matkahuol", "postnord", "bring", "dhl", "ups", "fedex", "gls", "budbee", "schenker",
    "kaukokii", "airmee", "instabox", "omniva", "paytrail", "klarna", "svea", "walley", "paypal", "mobilepay",
    "vipps", "nets", "nexi", "adyen", "bambora", "swish", "checkout", "visma", "maksuturva", "resurs", "riverty",
    "afterpay", "intrum", "lowell", "ropo",
)
_FORBIDDEN = re.compile("|".join(re.escape(term) for term in _FORBIDDEN_IN_COMPLIANT), re.IGNORECASE)


@cache
def _rule_patterns() -> tuple[re.Pattern[str], ...]:
    # The repealed-law and outdated-term rules' own patterns, so that what they flag can never drift from what a
    # compliant statement avoids (a generated "458/2002" once slipped past a hand-kept list). Imported on first use:
    # the strategies module stays light to import.
    # RK-RECIPIENTS-CONTRADICTED's activity words too: a register that lists no recipient may not describe a carrier,
    # a payment service or a debt collector in other words (a generated "carrier" once did).
    from rekisterikit.validate.rules import misc, purpose_recipients

    return (misc._REPEALED, misc._OUTDATED_TERMS, purpose_recipients._ACTIVITY_WORDS)


def _plain(value: str) -> bool:
    # Rules match either the lower-cased text or the text itself ignoring case; neither may find a term.
    low = value.lower()
    if _FORBIDDEN.search(value) is not None or _FORBIDDEN.search(low) is not None:
        return False
    return all(pattern.search(low) is None for pattern in _rule_patterns())


@lru_cache(maxsize=64)
def _localized(langs: tuple[Language, ...], text: Text, complete: bool) -> st.SearchStrategy[LocalizedText]:
    chosen = st.just(frozenset(langs)) if complete else st.frozensets(st.sampled_from(langs), min_size=1)

    @st.composite
    def build(draw: st.DrawFn) -> LocalizedText:
        picked = draw(chosen)
        return LocalizedText(**{lang.value: draw(text) for lang in Language if lang in picked})

    return build()


def localized_texts(*, languages: Sequence[Language] | None = None, text: Text | None = None,
                    complete: bool = False) -> st.SearchStrategy[LocalizedText]:
    """A :class:`~rekisterikit.LocalizedText` in a non-empty subset of ``languages`` (default fi, sv, en).

    Args:
        languages: the languages to choose from.
        text: the strategy for each language's text; :func:`texts` by default.
        complete: give every one of ``languages``, not a subset.
    """
    return _localized(tuple(languages or Language), text if text is not None else texts(), complete)


def _concat(a: str, b: str) -> str:
    return a + b


@cache
def keys() -> st.SearchStrategy[str]:
    """A model key: lower-case letters, digits, ``_`` and ``-``."""
    return st.builds(_concat, st.sampled_from(string.ascii_lowercase), st.text(_KEY_CHARS, max_size=12))


# -- values ---------------------------------------------------------------------------------------------------------

def _has_check_digit(digits: str) -> bool:
    return business_id_check_digit(digits) is not None


def _business_id(digits: str) -> BusinessId:
    return BusinessId(f"{digits}-{business_id_check_digit(digits)}")


@cache
def business_ids() -> st.SearchStrategy[BusinessId]:
    """Valid Finnish business ids (Y-tunnus) with a correct check digit."""
    return st.text("0123456789", min_size=7, max_size=7).filter(_has_check_digit).map(_business_id)


@lru_cache(maxsize=64)
def _countries(codes: tuple[str, ...]) -> st.SearchStrategy[Country]:
    return st.sampled_from(codes).map(Country)


def countries(*, codes: Sequence[str] | None = None) -> st.SearchStrategy[Country]:
    """ISO 3166-1 countries, from ``codes`` or all that the model accepts."""
    return _countries(tuple(sorted(codes or iso_country_codes())))


#: Defensive: reserved codes for EU territories (Canary Islands, Ceuta and Melilla, part of Spain). The model
#: rejects them as not officially assigned ISO 3166-1 codes; were that to change, they must not count as third
#: countries.
_EU_TERRITORIES_NOT_LISTED = frozenset({"IC", "EA"})


@cache
def _eea() -> frozenset[str]:
    from rekisterikit.validate import data

    return data.eea().codes


@cache
def _adequate() -> tuple[frozenset[str], frozenset[str]]:
    """Third countries with a plain adequacy decision, and those whose decision is a framework (the US, DPF)."""
    from rekisterikit.validate import data

    _, decisions = data.adequacy()
    plain = frozenset(c for c, d in decisions.items() if d.framework is None)
    framework = frozenset(c for c, d in decisions.items() if d.framework == "dpf")
    return plain, framework


def third_countries() -> st.SearchStrategy[Country]:
    """Countries outside the EEA (by the validators' dated EEA list)."""
    return countries(codes=sorted(iso_country_codes() - _eea() - _EU_TERRITORIES_NOT_LISTED))


@lru_cache(maxsize=4)
def durations(*, allow_session: bool = True) -> st.SearchStrategy[Duration]:
    """Durations, including ``session`` unless ``allow_session`` is false."""
    n = st.integers(min_value=0, max_value=120)
    calendar = st.builds(Duration, years=n, months=n, weeks=n, days=n, hours=n, minutes=n, seconds=n)
    return st.one_of(calendar, st.just(Duration(session=True))) if allow_session else calendar


def _email(user: str, domain: str) -> str:
    return f"{user}@{domain}.fi"


def _no_leading_dot(value: str) -> bool:
    return not value.startswith(".")


def _phone(digits: str) -> str:
    return "+358 " + digits


def _url(host: str) -> str:
    return f"https://{host}.fi/"


def _domain(name: str, tld: str) -> str:
    return f"{name}.{tld}"


_emails = st.builds(_email, st.text(string.ascii_lowercase + ".", min_size=1, max_size=10).filter(_no_leading_dot),
                    st.text(string.ascii_lowercase, min_size=1, max_size=10))
_phones = st.builds(_phone, st.text(string.digits, min_size=6, max_size=10))
_urls = st.builds(_url, st.text(string.ascii_lowercase, min_size=1, max_size=12))
_domains = st.builds(_domain, st.text(string.ascii_lowercase, min_size=1, max_size=10),
                     st.sampled_from(["fi", "com", "net", "io"]))
_dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _tuple_of(strategy: st.SearchStrategy[Any], *, max_size: int, min_size: int = 0
              ) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique=True).map(tuple)


@lru_cache(maxsize=256)
def _refs(known: tuple[str, ...], max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """Distinct references to ``known`` keys (none when there are none)."""
    return _tuple_of(st.sampled_from(known), max_size=max_size) if known else st.just(())


def _enum(cls: Any) -> st.SearchStrategy[Any]:
    return _ENUMS[cls]


_ENUMS: dict[Any, st.SearchStrategy[Any]] = {cls: st.sampled_from(cls) for cls in (
    Art22Basis, CookieCategory, CookieConsentMechanism, LegalBasis, MarketingAudience, MarketingChannel, Party,
    Provision, PurposeKind, RecipientRole, RepresentativeExemption, RequestChannel, RetentionStart, Right,
    SourceKind, SpecialCondition, StorageKind, TransferMechanism)}


class _Kit:
    """The strategies one kind of generated statement is built from: ``text=`` and ``compliant=`` reach them all.

    One kit exists per (text strategy, compliant) pair (see :func:`_kit`), and each strategy in it is built once.
    """

    def __init__(self, text: Text | None, compliant: bool) -> None:
        self.text = text
        self.compliant = compliant
        self._sized: dict[int, Text] = {}

    def __call__(self, max_size: int = 60) -> Text:
        """Shop-written text (at most ``max_size`` characters when no ``text`` strategy was given)."""
        found = self._sized.get(max_size)
        if found is None:
            base = self.text if self.text is not None else texts(max_size=max_size)
            found = self._sized[max_size] = base.filter(_plain) if self.compliant else base
        return found

    def checked(self, strategy: Text) -> Text:
        return strategy.filter(_plain) if self.compliant else strategy

    @cached_property
    def localized(self) -> st.SearchStrategy[LocalizedText]:
        return localized_texts(text=self())

    @cached_property
    def maybe_localized(self) -> st.SearchStrategy[LocalizedText | None]:
        return _optional(self.localized)

    @cached_property
    def emails(self) -> Text:
        return self.checked(_emails)

    @cached_property
    def urls(self) -> Text:
        return self.checked(_urls)

    @cached_property
    def domains(self) -> Text:
        return self.checked(_domains)

    @cached_property
    def addresses(self) -> st.SearchStrategy[PostalAddress]:
        return st.builds(PostalAddress, street=_optional(self(30)),
                         postal_code=_optional(st.text(string.digits, min_size=5, max_size=5)),
                         city=self(20), country=countries())

    @cached_property
    def contact_persons(self) -> st.SearchStrategy[ContactPerson]:
        return st.builds(ContactPerson, name=self(30), role=self.maybe_localized, email=_optional(self.emails),
                         phone=_optional(_phones))

    @cached_property
    def representatives(self) -> st.SearchStrategy[Representative]:
        rep = st.builds(Representative, name=self(30), address=_optional(self.addresses),
                        email=_optional(self.emails), phone=_optional(_phones))
        return rep.filter(_representative_reachable) if self.compliant else rep

    @cached_property
    def dpos(self) -> st.SearchStrategy[Dpo]:
        dpo = st.builds(Dpo, name=_optional(self(30)), email=_optional(self.emails), phone=_optional(_phones),
                        address=_optional(self.addresses))
        return dpo.filter(_dpo_reachable) if self.compliant else dpo

    @cached_property
    def soft_opt_ins(self) -> st.SearchStrategy[SoftOptIn]:
        return st.builds(SoftOptIn, contact_from_sale=st.booleans(), own_similar_products=st.booleans(),
                         opt_out_at_collection=st.booleans(), opt_out_in_every_message=st.booleans())

    @cached_property
    def automated_decisions(self) -> st.SearchStrategy[AutomatedDecisions]:
        if self.compliant:  # none, or explained with its Art. 22(2) exception and safeguards
            return st.just(AutomatedDecisions(used=False)) | st.builds(
                AutomatedDecisions, used=st.just(True), logic=self.localized, significance=self.localized,
                consequences=self.localized, art22_basis=_enum(Art22Basis), safeguards=self.localized)
        return st.builds(
            AutomatedDecisions, used=st.booleans(), logic=self.maybe_localized, significance=self.maybe_localized,
            consequences=self.maybe_localized, art22_basis=_optional(_enum(Art22Basis)),
            safeguards=self.maybe_localized)

    @cached_property
    def policies(self) -> st.SearchStrategy[CookiePolicy]:
        return st.builds(CookiePolicy, consent=_enum(CookieConsentMechanism), preticked=st.booleans(),
                         reject_first_layer=st.booleans(), withdraw=st.booleans(), cookie_wall=st.booleans(),
                         text=self.maybe_localized)

    @cached_property
    def rights(self) -> st.SearchStrategy[Rights]:
        return st.builds(
            Rights, listed=_tuple_of(_enum(Right), max_size=6), objection_separate=st.booleans(),
            withdraw_consent=st.booleans(), complaint=st.booleans(), complaint_text=self.maybe_localized,
            request_channels=_tuple_of(_enum(RequestChannel), max_size=3), signed_request_required=st.booleans(),
            fee_charged=st.booleans(), response_days=_optional(st.integers(1, 90)), text=self.maybe_localized)

    @cached_property
    def children(self) -> st.SearchStrategy[Children]:
        # A compliant statement lets no child under 13 consent alone (RK-CHILDREN-CONSENT-AGE; GDPR 8(1),
        # Tietosuojalaki 5 §): its age from which a child consents alone is 13 or more, or not given.
        youngest = 13 if self.compliant else 0
        return st.builds(Children, offered_to_children=st.booleans(),
                         minimum_age=_optional(st.integers(youngest, 18)), parental_consent=self.maybe_localized)

    @cached_property
    def ignores(self) -> st.SearchStrategy[Ignore]:
        return st.builds(Ignore, rule=self(20), reason=self(40), path=_optional(self(20)))

    @cached_property
    def sources(self) -> st.SearchStrategy[Source]:
        return st.builds(Source, kind=_enum(SourceKind), name=self.maybe_localized, public=_optional(st.booleans()),
                         description=self.maybe_localized)


@lru_cache(maxsize=64)
def _kit(text: Text | None, compliant: bool) -> _Kit:
    return _Kit(text, compliant)


def _dpo_reachable(dpo: Dpo) -> bool:
    return dpo.has_contact


def _representative_reachable(rep: Representative) -> bool:
    # GDPR 13(1)(a): the representative's identity *and* contact details (RK-EU-REPRESENTATIVE-CONTACT).
    return rep.address is not None or rep.email is not None or rep.phone is not None


# -- parties --------------------------------------------------------------------------------------------------------

def addresses(*, text: Text | None = None) -> st.SearchStrategy[PostalAddress]:
    """Postal addresses."""
    return _kit(text, False).addresses


#: Legal forms a compliant controller's name ends with, so that it is no generic word or web address.
_LEGAL_FORMS = ("Oy", "Oyj", "Ab", "Ky", "Ay", "Tmi", "ry", "Ltd", "GmbH")


def controllers(*, compliant: bool = False, text: Text | None = None) -> st.SearchStrategy[Controller]:
    """Controllers, with or without business id and contact channels.

    Args:
        compliant: the controller has a real name (text and a legal form such as "Oy") and a contact channel.
        text: the strategy for its name and other free text.
    """
    return _controllers(_kit(text, compliant))


@st.composite
def _controllers(draw: st.DrawFn, k: _Kit) -> Controller:
    person = draw(_optional(k.contact_persons))
    name = draw(k(40))
    address = draw(_optional(k.addresses))
    email, phone = draw(_optional(k.emails)), draw(_optional(_phones))
    if k.compliant:
        name = f"{name} {draw(st.sampled_from(_LEGAL_FORMS))}"
        reachable = [address, email, phone] + ([person.email, person.phone] if person else [])
        if not any(reachable):
            email = draw(k.emails)
    return Controller(name=name, legal_name=draw(_optional(k(40))), legal_form=draw(_optional(k(20))),
                      business_id=draw(_optional(business_ids())), address=address, email=email,
                      phone=phone, website=draw(_optional(k.urls)), contact_person=person, country=draw(countries()),
                      representative_exemption=draw(_optional(_enum(RepresentativeExemption))))


# -- register parts -------------------------------------------------------------------------------------------------

def data_categories(*, key: st.SearchStrategy[str] | None = None,
                    text: Text | None = None) -> st.SearchStrategy[DataCategory]:
    """Data categories."""
    return _data_categories(_kit(text, False), keys() if key is None else key)


@st.composite
def _data_categories(draw: st.DrawFn, k: _Kit, key: st.SearchStrategy[str]) -> DataCategory:
    return DataCategory(key=draw(key), name=draw(k.localized), description=draw(k.maybe_localized),
                        special=draw(st.booleans()), criminal=draw(st.booleans()),
                        personal_identity_code=draw(st.booleans()))


def purposes(*, key: st.SearchStrategy[str] | None = None, category_keys: Sequence[str] = (),
             compliant: bool = False, text: Text | None = None) -> st.SearchStrategy[Purpose]:
    """Purposes whose ``data_categories`` refer only to ``category_keys``.

    Args:
        key: the strategy for the purpose's key.
        category_keys: the data category keys it may refer to.
        compliant: the purpose is lawful as described on its own: it has a basis that fits its kind, the
            legitimate interest when it rests on one, whether the data must be given, the credit register of a
            credit check, and consent or the complete existing-customer exception for e-mail and SMS marketing.
            Whether the register's retention and the statement's rights cover it is up to the register and the
            statement (see :func:`registers` and :func:`statements`).
        text: the strategy for its descriptions.
    """
    return _purposes(_kit(text, compliant), keys() if key is None else key, tuple(category_keys))


_NOT_ON_CONTRACT = frozenset({PurposeKind.DIRECT_MARKETING, PurposeKind.NEWSLETTER, PurposeKind.ADVERTISING,
                              PurposeKind.ANALYTICS, PurposeKind.PROFILING, PurposeKind.FRAUD_PREVENTION})
_MARKETING_KINDS = frozenset({PurposeKind.DIRECT_MARKETING, PurposeKind.NEWSLETTER})
_COMPLETE_SOFT_OPT_IN = SoftOptIn(contact_from_sale=True, own_similar_products=True, opt_out_at_collection=True,
                                  opt_out_in_every_message=True)
_NOT_CONTRACT_BASES = tuple(b for b in LegalBasis if b is not LegalBasis.CONTRACT)


def _is_marketing(p: Purpose) -> bool:
    return p.kind in _MARKETING_KINDS or bool(p.direct_marketing)


def _electronic_to_consumers(p: Purpose) -> bool:
    return any(ch.electronic for ch in p.direct_marketing) and p.marketing_audience is not MarketingAudience.BUSINESSES


def _not_on_contract(p: Purpose) -> bool:
    return p.kind in _NOT_ON_CONTRACT or p.profiling or bool(p.direct_marketing)


@st.composite
def _purposes(draw: st.DrawFn, k: _Kit, key: st.SearchStrategy[str], category_keys: tuple[str, ...]) -> Purpose:
    purpose = Purpose(
        key=draw(key), description=draw(k.localized), kind=draw(_optional(_enum(PurposeKind))),
        legal_basis=draw(_optional(_enum(LegalBasis))), legitimate_interest=draw(k.maybe_localized),
        legal_obligation=draw(_optional(_legal_references(k))),
        special_condition=draw(_optional(_enum(SpecialCondition))),
        basis_text=draw(k.maybe_localized), direct_marketing=draw(_tuple_of(_enum(MarketingChannel), max_size=4)),
        marketing_audience=draw(_optional(_enum(MarketingAudience))), soft_opt_in=draw(_optional(k.soft_opt_ins)),
        profiling=draw(st.booleans()), data_categories=draw(_refs(category_keys, 4)),
        provision=draw(_optional(_enum(Provision))), provision_obliged=draw(_optional(st.booleans())),
        provision_consequence=draw(k.maybe_localized),
        credit_register=draw(k.maybe_localized))
    if not k.compliant:
        return purpose
    changes: dict[str, Any] = {}
    provision = purpose.provision
    if provision is None:
        provision = changes["provision"] = draw(_enum(Provision))
    if provision in (Provision.STATUTORY, Provision.CONTRACTUAL) and purpose.provision_obliged is None:
        changes["provision_obliged"] = draw(st.booleans())
    requirement = (Provision.STATUTORY, Provision.CONTRACTUAL, Provision.CONTRACT_PRECONDITION)
    if provision in requirement and purpose.provision_consequence is None:
        changes["provision_consequence"] = draw(k.localized)
    basis = purpose.legal_basis
    if basis is None:
        basis = changes["legal_basis"] = draw(_enum(LegalBasis))
    if basis is LegalBasis.CONTRACT and _not_on_contract(purpose):
        basis = changes["legal_basis"] = draw(st.sampled_from(_NOT_CONTRACT_BASES))
    if basis is LegalBasis.LEGITIMATE_INTERESTS and purpose.legitimate_interest is None:
        changes["legitimate_interest"] = draw(k.localized)
    if basis is LegalBasis.LEGAL_OBLIGATION and purpose.legal_obligation is None:
        changes["legal_obligation"] = draw(_legal_references(k))
    if purpose.kind is PurposeKind.CREDIT_CHECK and purpose.credit_register is None:
        changes["credit_register"] = draw(k.localized)
    if basis is not LegalBasis.CONSENT and _electronic_to_consumers(purpose) and (
            purpose.soft_opt_in is None or not purpose.soft_opt_in.complete):
        changes["soft_opt_in"] = _COMPLETE_SOFT_OPT_IN
    return attrs.evolve(purpose, **changes) if changes else purpose


def recipients(*, purpose_keys: Sequence[str] = (), text: Text | None = None,
               country: st.SearchStrategy[Country] | None = None) -> st.SearchStrategy[Recipient]:
    """Recipients whose ``purposes`` refer only to ``purpose_keys``; each has a name or a category.

    Args:
        purpose_keys: the purpose keys they may refer to.
        text: the strategy for names and descriptions.
        country: the strategy for the country where the recipient processes the data (it may also be absent).
    """
    return _recipients(_kit(text, False), tuple(purpose_keys), countries() if country is None else country)


@lru_cache(maxsize=256)
def _recipients(k: _Kit, purpose_keys: tuple[str, ...], country: st.SearchStrategy[Country]
                ) -> st.SearchStrategy[Recipient]:
    refs = _refs(purpose_keys, 3)
    where = _optional(country)
    role = _optional(_enum(RecipientRole))
    named = st.builds(Recipient, name=k(30), category=k.maybe_localized, role=role, country=where, purposes=refs,
                      description=k.maybe_localized, website=_optional(k.urls), arrangement=k.maybe_localized,
                      arrangement_url=_optional(k.urls))
    authority = st.builds(Recipient, authority=st.sampled_from(["verohallinto"]), role=st.just(RecipientRole.AUTHORITY),
                          country=where, purposes=refs)
    category_only = st.builds(Recipient, category=k.localized, role=role, country=where, purposes=refs)
    return named | category_only | authority


def transfers(*, compliant: bool = False, text: Text | None = None,
              country: st.SearchStrategy[Country] | None = None) -> st.SearchStrategy[Transfer]:
    """Transfers to third countries, valid mechanisms or not.

    Args:
        compliant: the transfer names a country outside the EEA and a mechanism valid for it (an adequacy
            decision, the Data Privacy Framework for the US, or Article 46 safeguards with a way to get a copy).
        text: the strategy for free text.
        country: the strategy for the country (compliant transfers need one outside the EEA).
    """
    k = _kit(text, compliant)
    return _transfers(k, (third_countries() if compliant else countries()) if country is None else country, ())


_ARTICLE_46 = (TransferMechanism.SCC_2021_914, TransferMechanism.BCR, TransferMechanism.CODE_OF_CONDUCT,
               TransferMechanism.CERTIFICATION)


def _legal_references(k: _Kit) -> st.SearchStrategy[LegalReference]:
    """A catalogued act (with a section or not, and words added or not) or a free-text reference."""
    from rekisterikit.laws import FINNISH_ACTS

    sections = st.one_of(st.none(), st.sampled_from(["10", "2:10", "4a", "6:1"]))
    return st.one_of(
        st.builds(LegalReference, law=st.sampled_from(sorted(FINNISH_ACTS)), section=sections,
                  text=k.maybe_localized),
        st.builds(LegalReference, text=k.localized))


@st.composite
def _transfers(draw: st.DrawFn, k: _Kit, country: st.SearchStrategy[Country],
               recipient_names: tuple[str, ...]) -> Transfer:
    names = recipient_names or draw(_tuple_of(k(20), max_size=3))
    if not k.compliant:
        return Transfer(
            country=draw(_optional(country)), recipients=names, mechanism=draw(_optional(_enum(TransferMechanism))),
            derogation=draw(_optional(k(10))), safeguards_copy=draw(k.maybe_localized),
            safeguards_url=draw(_optional(k.urls)), dpf_certified=draw(_optional(st.booleans())),
            certification_url=draw(_optional(k.urls)), description=draw(k.maybe_localized),
            impact_assessed=draw(st.booleans()))
    where = draw(country)
    plain, framework = _adequate()
    mechanisms = [*_ARTICLE_46, TransferMechanism.DEROGATION]
    if where.code in plain:
        mechanisms.append(TransferMechanism.ADEQUACY)
    if where.code in framework:
        mechanisms.append(TransferMechanism.DPF)
    mechanism = draw(st.sampled_from(mechanisms))
    copy, url = draw(k.maybe_localized), draw(_optional(k.urls))
    if mechanism in _ARTICLE_46 and copy is None and url is None:
        copy = draw(k.localized)
    return Transfer(country=where, recipients=names, mechanism=mechanism,
                    derogation=draw(k(10)) if mechanism is TransferMechanism.DEROGATION else None,
                    safeguards_copy=copy, safeguards_url=url,
                    dpf_certified=draw(st.booleans()) if mechanism is TransferMechanism.DPF else None,
                    description=draw(k.maybe_localized), impact_assessed=draw(st.booleans()))


def cookies(*, compliant: bool = False, text: Text | None = None,
            category: st.SearchStrategy[CookieCategory] | None = None,
            country: st.SearchStrategy[Country] | None = None) -> st.SearchStrategy[Cookie]:
    """Cookie declarations, complete or not.

    Args:
        compliant: the declaration is complete: purpose, duration, party and category, provider and country of a
            third-party cookie, and consent as the basis of every cookie that needs consent.
        text: the strategy for names and free text.
        category: the strategy for the category.
        country: the strategy for the provider's country.
    """
    return _cookies(_kit(text, compliant), _enum(CookieCategory) if category is None else category,
                    countries() if country is None else country)


@st.composite
def _cookies(draw: st.DrawFn, k: _Kit, category: st.SearchStrategy[CookieCategory],
             country: st.SearchStrategy[Country]) -> Cookie:
    cookie = Cookie(
        name=draw(k(20)), provider=draw(_optional(k(30))), party=draw(_optional(_enum(Party))),
        category=draw(_optional(category)), purpose=draw(k.maybe_localized), duration=draw(_optional(durations())),
        country=draw(_optional(country)), legal_basis=draw(_optional(_enum(LegalBasis))),
        storage=draw(_enum(StorageKind)), domain=draw(_optional(k.domains)), user_choice=draw(st.booleans()))
    if not k.compliant:
        return cookie
    changes: dict[str, Any] = {}
    for name, strategy in (("purpose", k.localized), ("duration", durations()), ("party", _enum(Party)),
                           ("category", category)):
        if getattr(cookie, name) is None:
            changes[name] = draw(strategy)
    if changes.get("party", cookie.party) is Party.THIRD:
        if cookie.provider is None:
            changes["provider"] = draw(k(30))
        if cookie.country is None:
            changes["country"] = draw(country)
    category_now: CookieCategory = changes.get("category") or cookie.category or CookieCategory.NECESSARY
    if category_now.needs_consent and cookie.legal_basis not in (None, LegalBasis.CONSENT):
        changes["legal_basis"] = draw(st.sampled_from([None, LegalBasis.CONSENT]))
    return attrs.evolve(cookie, **changes) if changes else cookie


# -- registers ------------------------------------------------------------------------------------------------------

def registers(*, max_purposes: int = 5, compliant: bool = False,
              text: Text | None = None) -> st.SearchStrategy[Register]:
    """Registers whose internal references (purpose and category keys) all resolve.

    Args:
        max_purposes: the most purposes in one register.
        compliant: the register passes the validators: it has purposes (see :func:`purposes`), a special category
            only with a purpose that gives its Art. 9(2) condition, named and flagged third-party sources and the
            data categories they provide, recipients (maybe none), a transfer with a valid mechanism for every
            recipient outside the EEA, retention covering every purpose, and automated decisions explained.
            What the statement must say about rights depends on all registers; :func:`statements` sees to that.
        text: the strategy for shop-written text.
    """
    return _registers(_kit(text, compliant), max_purposes, keys())


@st.composite
def _registers(draw: st.DrawFn, k: _Kit, max_purposes: int, key: st.SearchStrategy[str]) -> Register:
    category_keys = tuple(draw(st.lists(keys(), max_size=5, unique=True)))
    categories = tuple(draw(_data_categories(k, st.just(c))) for c in category_keys)
    least = 1 if k.compliant else 0
    purpose_keys = tuple(draw(st.lists(keys(), min_size=least, max_size=max(max_purposes, least), unique=True)))
    register_purposes = tuple(draw(_purposes(k, st.just(p), category_keys)) for p in purpose_keys)
    category_refs, purpose_refs = _refs(category_keys, 3), _refs(purpose_keys, 3)
    sources = []
    for _ in range(draw(st.integers(0, 3))):
        source = draw(k.sources)
        if k.compliant and source.kind is SourceKind.THIRD_PARTY and not category_keys:
            continue  # data obtained elsewhere needs its categories listed
        sources.append(attrs.evolve(source, data_categories=draw(category_refs)))
    retention = tuple(
        Retention(purposes=draw(purpose_refs), data_categories=draw(category_refs),
                  period=draw(_optional(durations(allow_session=False))),
                  start=draw(_optional(_enum(RetentionStart))), criteria=draw(k.maybe_localized),
                  legal_reference=draw(_optional(_legal_references(k))),
                  required_by=draw(_optional(_legal_references(k))), based_on=draw(_optional(_legal_references(k))))
        for _ in range(draw(st.integers(0, 3))))
    register = Register(
        key=draw(key), name=draw(k.localized), description=draw(k.maybe_localized), purposes=register_purposes,
        data_categories=categories, sources=tuple(sources),
        recipients=draw(_optional(_tuple_of(_recipients(k, purpose_keys, countries()), max_size=4))),
        transfers=draw(_optional(_tuple_of(_transfers(
            k, third_countries() if k.compliant else countries(), ()), max_size=3))),
        retention=retention, automated_decisions=draw(_optional(k.automated_decisions)),
        security=draw(k.maybe_localized), provision_at_collection=draw(st.booleans()),
    )
    return _make_compliant(draw, k, register) if k.compliant else register


def _make_compliant(draw: st.DrawFn, k: _Kit, register: Register) -> Register:
    """Complete a register drawn with compliant parts where the rules look across its parts."""
    purposes_ = list(register.purposes)
    # A special category needs a purpose that uses it and gives an Art. 9(2) condition.
    for category in register.data_categories:
        if not category.special:
            continue
        users = [i for i, p in enumerate(purposes_) if category.key in p.data_categories]
        if any(purposes_[i].special_condition is not None for i in users):
            continue
        i = users[0] if users else draw(st.integers(0, len(purposes_) - 1))
        p = purposes_[i]
        purposes_[i] = attrs.evolve(p, data_categories=tuple(dict.fromkeys((*p.data_categories, category.key))),
                                    special_condition=draw(_enum(SpecialCondition)))
    # A third-party source is named or described, and says whether it is public.
    sources = tuple(
        s if s.kind is not SourceKind.THIRD_PARTY else attrs.evolve(
            s, name=s.name if s.name is not None or s.description is not None else draw(k.localized),
            public=s.public if s.public is not None else draw(st.booleans()))
        for s in register.sources)
    recipients_ = register.recipients if register.recipients is not None else ()
    # Every recipient outside the EEA is covered by a transfer naming it, or by one to its country that names no
    # recipients (RK-TRANSFER-RECIPIENT-MECHANISM: transfers that all name others leave its mechanism unsaid).
    transfers_ = list(register.transfers or ())
    eea = _eea()
    for r in recipients_:
        if r.country is None or r.country.code in eea:
            continue
        if _transfer_covers(transfers_, r.country, r.name):
            continue
        transfers_.append(_naming(draw(_transfers(k, st.just(r.country), (r.name,) if r.name else ())), r.name))
    # Every retention rule gives a period or criteria, and every purpose is covered by one.
    rules = tuple(r if r.period is not None or r.criteria is not None
                  else attrs.evolve(r, period=draw(durations(allow_session=False))) for r in register.retention)
    draft = attrs.evolve(register, purposes=tuple(purposes_), retention=rules)
    uncovered = tuple(p.key for p in draft.purposes if not draft.retention_for(p))
    if uncovered:
        rules += (Retention(purposes=uncovered, period=draw(durations(allow_session=False)),
                            start=draw(_optional(_enum(RetentionStart))), criteria=draw(k.maybe_localized)),)
    return attrs.evolve(draft, sources=sources, recipients=recipients_, retention=rules,
                        transfers=tuple(transfers_) if transfers_ or register.transfers is not None else None)


# -- statements -----------------------------------------------------------------------------------------------------

def statements(*, max_registers: int = 3, max_cookies: int = 4, compliant: bool = False,
               text: Text | None = None, languages: Sequence[Language] | None = None
               ) -> st.SearchStrategy[Statement]:
    """Statements; every one is a valid model object.

    Args:
        max_registers: the most registers.
        max_cookies: the most declared cookies.
        compliant: every statement passes :func:`rekisterikit.validate` without a single error (warnings and
            recommendations may remain). On top of what :func:`registers` and :func:`cookies` guarantee: the
            controller can be contacted and, outside the EEA, names its EU representative; a DPO has contact
            details; non-necessary cookies are asked for with an opt-in that can be withdrawn, without pre-ticked
            boxes or a cookie wall, and their providers outside the EEA are covered by a transfer; the rights
            listed include those the purposes call for, with withdrawal of consent and the right to complain;
            exercising them is free and answered within a month; and no ``ignore`` directive hides anything.
        text: the strategy for shop-written text (e.g. :func:`hostile_texts`).
        languages: the statement's languages are chosen among these (default fi, sv, en).
    """
    return _statements(_kit(text, compliant), max_registers, max_cookies, tuple(languages or Language))


@st.composite
def _consent_settings(draw: st.DrawFn, k: _Kit, cookie_names: tuple[str, ...]) -> ConsentSettings:
    """A ``[consent]`` table: a few named services (claiming some declared cookies) and banner texts."""
    service_keys = draw(st.lists(keys(), max_size=3, unique=True))
    names = k(30).filter(str.strip)
    services = tuple(CookieService(
        key=key, name=draw(names),
        category=draw(st.sampled_from([c for c in CookieCategory if c.needs_consent])),
        provider=draw(_optional(names)),
        cookies=tuple(draw(st.lists(st.sampled_from(cookie_names), unique=True, max_size=2)) if cookie_names else ()),
        hosts=tuple(draw(st.lists(st.sampled_from(["www.youtube-nocookie.com", "player.vimeo.com",
                                                   "www.google.com"]), unique=True, max_size=2))),
        description=draw(k.maybe_localized)) for key in service_keys)
    own = st.builds(BannerTexts, title=_optional(names), intro=_optional(names), save=_optional(names))
    texts = draw(_optional(st.builds(ConsentTexts, fi=_optional(own), sv=_optional(own), en=_optional(own))))
    return ConsentSettings(services=services, texts=texts)


@st.composite
def _statements(draw: st.DrawFn, k: _Kit, max_registers: int, max_cookies: int,
                langs: tuple[Language, ...]) -> Statement:
    least = 1 if k.compliant else 0
    register_keys = draw(st.lists(keys(), min_size=least, max_size=max(max_registers, least), unique=True))
    regs = [draw(_registers(k, 5, st.just(key))) for key in register_keys]
    languages = tuple(draw(st.lists(st.sampled_from(langs), min_size=1, unique=True)))
    controller = draw(_controllers(k))
    declared = list(draw(_tuple_of(_cookies(k, _enum(CookieCategory), countries()), max_size=max_cookies)))
    policy, rights = draw(k.policies), draw(k.rights)
    representative = draw(_optional(k.representatives))
    ignores = draw(_tuple_of(k.ignores, max_size=2))
    if k.compliant:
        consent_cookies = any(c.category is not None and c.category.needs_consent for c in declared)
        _cover_cookie_transfers(draw, k, regs, declared)
        policy = _compliant_policy(draw, policy, consent_cookies=consent_cookies, declared=bool(declared))
        rights = _compliant_rights(draw, rights, regs, consent_cookies=consent_cookies)
        if controller.country.code not in _eea() and representative is None:
            representative = draw(k.representatives)
        ignores = ()
    return Statement(
        controller=controller, registers=tuple(regs), languages=languages, updated=draw(_optional(_dates)),
        title=draw(k.maybe_localized), intro=draw(k.maybe_localized), cites=draw(_tuple_of(k(30), max_size=2)),
        dpo=draw(_optional(k.dpos)), eu_representative=representative, cookies=tuple(declared),
        no_cookies=not declared and draw(st.booleans()),
        cookie_policy=policy, rights=rights, children=draw(_optional(k.children)), changes=draw(k.maybe_localized),
        directives=Directives(ignore=ignores), record=draw(_optional(_records(k, tuple(register_keys)))),
        consent=draw(_optional(_consent_settings(k, tuple(c.name for c in declared)))),
    )


@st.composite
def _records(draw: st.DrawFn, k: _Kit, register_keys: tuple[str, ...]) -> ProcessingRecord:
    """The internal Art. 30 part: entries for some of the statement's registers."""
    described = draw(st.lists(st.sampled_from(register_keys), unique=True)) if register_keys else []
    entries = tuple(RegisterRecord(register=key, data_subjects=draw(_tuple_of(k.localized, max_size=2)),
                                   security=draw(k.maybe_localized), notes=draw(k.maybe_localized))
                    for key in described)
    return ProcessingRecord(security=draw(k.maybe_localized), registers=entries, updated=draw(_optional(_dates)))


def _transfer_covers(transfers: list[Transfer], country: Country, name: str | None) -> bool:
    """Whether ``transfers`` state the mechanism for a recipient (or cookie provider) ``name`` in ``country``."""
    return any(tr.country == country and (not tr.recipients or (name is not None and name in tr.recipients))
               for tr in transfers)


def _naming(transfer: Transfer, name: str | None) -> Transfer:
    """``transfer`` for the one recipient ``name``, or for its country as a whole (no recipients) when unnamed."""
    return transfer if name is not None else attrs.evolve(transfer, recipients=())


def _cover_cookie_transfers(draw: st.DrawFn, k: _Kit, regs: list[Register], declared: list[Cookie]) -> None:
    """Add a transfer to some register for each cookie whose provider is outside the EEA and covered by none."""
    eea = _eea()
    for cookie in declared:
        if cookie.country is None or cookie.country.code in eea:
            continue
        every = [tr for r in regs for tr in r.transfers or ()]
        if _transfer_covers(every, cookie.country, cookie.provider or cookie.name):
            continue
        i = draw(st.integers(0, len(regs) - 1))
        added = _naming(draw(_transfers(k, st.just(cookie.country), (cookie.provider,) if cookie.provider else ())),
                        cookie.provider)
        regs[i] = attrs.evolve(regs[i], transfers=(*(regs[i].transfers or ()), added))


_NO_CONSENT_NEEDED = tuple(m for m in CookieConsentMechanism if m not in (
    CookieConsentMechanism.IMPLIED, CookieConsentMechanism.BROWSER_SETTINGS))


def _compliant_policy(draw: st.DrawFn, policy: CookiePolicy, *, consent_cookies: bool, declared: bool
                      ) -> CookiePolicy:
    """A cookie policy that fits the declared cookies."""
    if consent_cookies:
        consent, withdraw = CookieConsentMechanism.OPT_IN, True
    else:  # only necessary cookies, or none: no consent is needed, but none may be claimed from mere use
        consent, withdraw = draw(st.sampled_from(_NO_CONSENT_NEEDED)), policy.withdraw
    return attrs.evolve(policy, consent=consent, withdraw=withdraw, preticked=False, cookie_wall=False,
                        text=policy.text if declared else None)


def _compliant_rights(draw: st.DrawFn, rights: Rights, regs: list[Register], *, consent_cookies: bool) -> Rights:
    """Rights that list what the purposes call for, free of charge and answered within a month."""
    every = [p for r in regs for p in r.purposes]
    bases = {p.legal_basis for p in every}
    on_consent = consent_cookies or LegalBasis.CONSENT in bases or any(
        p.special_condition is SpecialCondition.EXPLICIT_CONSENT for p in every)
    needed = {Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION}
    if on_consent or LegalBasis.CONTRACT in bases:
        needed.add(Right.PORTABILITY)
    if any(_is_marketing(p) or p.legal_basis in (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK)
           for p in every):
        needed.add(Right.OBJECT)
    listed = (*rights.listed, *(r for r in Right if r in needed and r not in rights.listed))
    days = rights.response_days
    if days is not None and days > 31:
        days = draw(st.integers(1, 31))
    return attrs.evolve(rights, listed=listed, withdraw_consent=rights.withdraw_consent or on_consent,
                        complaint=True, fee_charged=False, response_days=days)


# -- consent --------------------------------------------------------------------------------------------------------

def _sha256(hex_digits: str) -> str:
    return "sha256:" + hex_digits


def consent_states(statement: Statement | None = None, *,
                   granted: st.SearchStrategy[frozenset[CookieCategory]] | None = None,
                   ) -> st.SearchStrategy[ConsentState]:
    """Consent states (:class:`rekisterikit.consent.ConsentState`) as stored in a consent cookie.

    Args:
        statement: when given, the states are for this statement: its version and consent fingerprint, and
            categories granted only among those it offers (those of its declared non-necessary cookies).
            Otherwise version and fingerprint are arbitrary hashes.
        granted: the granted categories; by default any subset of the optional (or the offered) categories.
    """
    from rekisterikit.consent.state import (
        OPTIONAL_CATEGORIES,
        ConsentMethod,
        ConsentState,
        consent_fingerprint,
        offered_categories,
    )

    token = st.text(string.ascii_letters + string.digits + "_-", min_size=16, max_size=64)
    digest = st.builds(_sha256, st.text("0123456789abcdef", min_size=64, max_size=64))
    if statement is None:
        version, fingerprint, offered = digest, digest, OPTIONAL_CATEGORIES
    else:
        version, fingerprint = st.just(statement.version), st.just(consent_fingerprint(statement))
        offered = offered_categories(statement)
    choices: st.SearchStrategy[frozenset[CookieCategory]] = (
        st.frozensets(st.sampled_from(offered)) if offered else st.just(frozenset()))
    return st.builds(
        ConsentState,
        consent_id=token,
        version=version,
        fingerprint=fingerprint,
        given_at=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                              timezones=st.just(dt.UTC)),
        granted=granted if granted is not None else choices,
        method=st.sampled_from(ConsentMethod),
        locale=st.sampled_from(["fi", "sv", "en", "fi-FI", "sv-FI", "en-GB"]),
    )


# -- st.from_type ---------------------------------------------------------------------------------------------------

def _parts() -> dict[type, st.SearchStrategy[Any]]:
    """Strategies for the model's smaller classes, for :func:`hypothesis.strategies.from_type`."""
    k = _kit(None, False)
    return {
        ContactPerson: k.contact_persons,
        Dpo: k.dpos,
        Representative: k.representatives,
        SoftOptIn: k.soft_opt_ins,
        Source: k.sources,
        Retention: st.builds(Retention, period=_optional(durations(allow_session=False)),
                             start=_optional(_enum(RetentionStart)), criteria=k.maybe_localized,
                             legal_reference=_optional(_legal_references(k))),
        AutomatedDecisions: k.automated_decisions,
        CookiePolicy: k.policies,
        Rights: k.rights,
        Children: k.children,
        Ignore: k.ignores,
        Directives: st.builds(Directives, ignore=_tuple_of(k.ignores, max_size=2)),
    }

"""Hypothesis strategies for rekisterikit's model, hand-written to respect the model's invariants.

Every strategy takes keyword-only arguments and builds only values the model's constructors accept, so tests can
use them without filtering::

    from hypothesis import given
    from rekisterikit.testing import strategies as rks

    @given(rks.statements())
    def test_round_trip(statement): ...
"""

from __future__ import annotations

import datetime as dt
import string
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from rekisterikit.model import (
    AutomatedDecisions,
    BusinessId,
    Children,
    ContactPerson,
    Controller,
    Cookie,
    CookieCategory,
    CookieConsentMechanism,
    CookiePolicy,
    Country,
    DataCategory,
    Directives,
    Dpo,
    Duration,
    Ignore,
    Language,
    LegalBasis,
    LocalizedText,
    MarketingChannel,
    Party,
    PostalAddress,
    Provision,
    Purpose,
    PurposeKind,
    Recipient,
    RecipientRole,
    Register,
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
    "business_ids",
    "consent_states",
    "controllers",
    "cookies",
    "countries",
    "data_categories",
    "durations",
    "keys",
    "localized_texts",
    "purposes",
    "recipients",
    "registers",
    "statements",
    "texts",
]

_KEY_CHARS = string.ascii_lowercase + string.digits + "_-"
_NO_SURROGATES: Any = ("Cs",)  # typed loosely: hypothesis narrows it to a Literal collection


def texts(*, min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-blank text of any Unicode characters (surrogates excluded)."""
    return st.text(st.characters(exclude_categories=_NO_SURROGATES), min_size=min_size, max_size=max_size).filter(
        lambda s: bool(s.strip()))


def localized_texts(*, languages: tuple[Language, ...] | None = None,
                    text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[LocalizedText]:
    """A :class:`~rekisterikit.LocalizedText` in a non-empty subset of ``languages`` (default fi, sv, en)."""
    langs = tuple(languages or Language)
    text = text if text is not None else texts()

    @st.composite
    def build(draw: st.DrawFn) -> LocalizedText:
        chosen = draw(st.sets(st.sampled_from(langs), min_size=1))
        return LocalizedText(**{lang.value: draw(text) for lang in chosen})

    return build()


def keys() -> st.SearchStrategy[str]:
    """A model key: lower-case letters, digits, ``_`` and ``-``."""
    return st.builds(lambda a, b: a + b, st.sampled_from(string.ascii_lowercase),
                     st.text(_KEY_CHARS, max_size=12))


@st.composite
def _business_id(draw: st.DrawFn) -> BusinessId:
    digits = draw(st.text("0123456789", min_size=7, max_size=7).filter(
        lambda d: business_id_check_digit(d) is not None))
    return BusinessId(f"{digits}-{business_id_check_digit(digits)}")


def business_ids() -> st.SearchStrategy[BusinessId]:
    """Valid Finnish business ids (Y-tunnus) with a correct check digit."""
    return _business_id()


def countries(*, codes: tuple[str, ...] | None = None) -> st.SearchStrategy[Country]:
    """ISO 3166-1 countries, from ``codes`` or all that the model accepts."""
    return st.sampled_from(sorted(codes or iso_country_codes())).map(Country)


def durations(*, allow_session: bool = True) -> st.SearchStrategy[Duration]:
    """Durations, including ``session`` unless ``allow_session`` is false."""
    n = st.integers(min_value=0, max_value=120)
    calendar = st.builds(Duration, years=n, months=n, weeks=n, days=n, hours=n, minutes=n, seconds=n)
    return st.one_of(calendar, st.just(Duration(session=True))) if allow_session else calendar


_emails = st.builds(lambda u, d: f"{u}@{d}.fi", st.text(string.ascii_lowercase + ".", min_size=1, max_size=10)
                    .filter(lambda u: not u.startswith(".")), st.text(string.ascii_lowercase, min_size=1, max_size=10))
_phones = st.builds(lambda n: "+358 " + n, st.text(string.digits, min_size=6, max_size=10))
_urls = st.builds(lambda d: f"https://{d}.fi/", st.text(string.ascii_lowercase, min_size=1, max_size=12))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def addresses() -> st.SearchStrategy[PostalAddress]:
    """Postal addresses."""
    return st.builds(PostalAddress, street=_optional(texts(max_size=30)),
                     postal_code=_optional(st.text(string.digits, min_size=5, max_size=5)),
                     city=texts(max_size=20), country=countries())


def controllers() -> st.SearchStrategy[Controller]:
    """Controllers, with or without business id and contact channels."""
    return st.builds(
        Controller, name=texts(max_size=40), business_id=_optional(business_ids()),
        address=_optional(addresses()), email=_optional(_emails), phone=_optional(_phones),
        website=_optional(_urls), contact_person=_optional(st.builds(
            ContactPerson, name=texts(max_size=30), role=_optional(localized_texts()),
            email=_optional(_emails), phone=_optional(_phones))),
        country=countries())


def _tuple_of(strategy: st.SearchStrategy[Any], *, max_size: int) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def data_categories(*, key: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[DataCategory]:
    """Data categories."""
    return st.builds(DataCategory, key=keys() if key is None else key, name=localized_texts(),
                     description=_optional(localized_texts()), special=st.booleans(), criminal=st.booleans(),
                     personal_identity_code=st.booleans())


def purposes(*, key: st.SearchStrategy[str] | None = None,
             category_keys: tuple[str, ...] = ()) -> st.SearchStrategy[Purpose]:
    """Purposes whose ``data_categories`` refer only to ``category_keys``."""
    refs = _tuple_of(st.sampled_from(category_keys), max_size=4) if category_keys else st.just(())
    return st.builds(
        Purpose, key=keys() if key is None else key, description=localized_texts(),
        kind=_optional(st.sampled_from(PurposeKind)),
        legal_basis=_optional(st.sampled_from(LegalBasis)), legitimate_interest=_optional(localized_texts()),
        legal_obligation=_optional(texts(max_size=40)), special_condition=_optional(st.sampled_from(SpecialCondition)),
        basis_text=_optional(localized_texts()),
        direct_marketing=_tuple_of(st.sampled_from(MarketingChannel), max_size=4),
        soft_opt_in=_optional(st.builds(SoftOptIn, contact_from_sale=st.booleans(),
                                        own_similar_products=st.booleans(), opt_out_at_collection=st.booleans(),
                                        opt_out_in_every_message=st.booleans())),
        profiling=st.booleans(), data_categories=refs, provision=_optional(st.sampled_from(Provision)),
        provision_consequence=_optional(localized_texts()), credit_register=_optional(texts(max_size=30)))


def recipients(*, purpose_keys: tuple[str, ...] = ()) -> st.SearchStrategy[Recipient]:
    """Recipients whose ``purposes`` refer only to ``purpose_keys``; each has a name or a category."""
    refs = _tuple_of(st.sampled_from(purpose_keys), max_size=3) if purpose_keys else st.just(())
    named = st.builds(Recipient, name=texts(max_size=30), category=_optional(localized_texts()),
                      role=_optional(st.sampled_from(RecipientRole)), country=_optional(countries()),
                      purposes=refs, website=_optional(_urls))
    category_only = st.builds(Recipient, category=localized_texts(), role=_optional(st.sampled_from(RecipientRole)),
                              country=_optional(countries()), purposes=refs)
    return named | category_only


def transfers() -> st.SearchStrategy[Transfer]:
    """Third-country transfers, valid mechanisms or not."""
    return st.builds(Transfer, country=_optional(countries()), recipients=_tuple_of(texts(max_size=20), max_size=3),
                     mechanism=_optional(st.sampled_from(TransferMechanism)),
                     safeguards_copy=_optional(localized_texts()), safeguards_url=_optional(_urls),
                     dpf_certified=_optional(st.booleans()))


def cookies() -> st.SearchStrategy[Cookie]:
    """Cookie declarations, complete or not."""
    return st.builds(
        Cookie, name=texts(max_size=20), provider=_optional(texts(max_size=30)),
        party=_optional(st.sampled_from(Party)), category=_optional(st.sampled_from(CookieCategory)),
        purpose=_optional(localized_texts()), duration=_optional(durations()), country=_optional(countries()),
        legal_basis=_optional(st.sampled_from(LegalBasis)), storage=st.sampled_from(StorageKind))


@st.composite
def _register(draw: st.DrawFn, max_purposes: int) -> Register:
    category_keys = tuple(draw(st.lists(keys(), max_size=5, unique=True)))
    categories = tuple(draw(data_categories(key=st.just(k))) for k in category_keys)
    purpose_keys = tuple(draw(st.lists(keys(), max_size=max_purposes, unique=True)))
    register_purposes = tuple(draw(purposes(key=st.just(k), category_keys=category_keys)) for k in purpose_keys)
    source_refs = _tuple_of(st.sampled_from(category_keys), max_size=3) if category_keys else st.just(())
    purpose_refs = _tuple_of(st.sampled_from(purpose_keys), max_size=3) if purpose_keys else st.just(())
    retention = st.builds(Retention, purposes=purpose_refs, data_categories=source_refs,
                          period=_optional(durations(allow_session=False)),
                          start=_optional(st.sampled_from(RetentionStart)), criteria=_optional(localized_texts()),
                          legal_reference=_optional(texts(max_size=30)))
    return Register(
        key=draw(keys()), name=draw(localized_texts()), description=draw(_optional(localized_texts())),
        purposes=register_purposes, data_categories=categories,
        sources=draw(_tuple_of(st.builds(Source, kind=st.sampled_from(SourceKind), name=_optional(localized_texts()),
                                         public=_optional(st.booleans()), data_categories=source_refs), max_size=3)),
        recipients=draw(_optional(_tuple_of(recipients(purpose_keys=purpose_keys), max_size=4))),
        transfers=draw(_optional(_tuple_of(transfers(), max_size=3))),
        retention=draw(_tuple_of(retention, max_size=3)),
        automated_decisions=draw(_optional(st.builds(
            AutomatedDecisions, used=st.booleans(), logic=_optional(localized_texts()),
            significance=_optional(localized_texts()), consequences=_optional(localized_texts())))),
        security=draw(_optional(localized_texts())),
    )


def registers(*, max_purposes: int = 5) -> st.SearchStrategy[Register]:
    """Registers whose internal references (purpose and category keys) all resolve."""
    return _register(max_purposes)


@st.composite
def _statement(draw: st.DrawFn, max_registers: int) -> Statement:
    regs = draw(st.lists(registers(), max_size=max_registers, unique_by=lambda r: r.key))
    languages = tuple(draw(st.lists(st.sampled_from(Language), min_size=1, unique=True)))
    return Statement(
        controller=draw(controllers()), registers=tuple(regs), languages=languages,
        updated=draw(_optional(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)))),
        title=draw(_optional(localized_texts())), intro=draw(_optional(localized_texts())),
        cites=draw(_tuple_of(texts(max_size=30), max_size=2)),
        dpo=draw(_optional(st.builds(Dpo, name=_optional(texts(max_size=30)), email=_optional(_emails)))),
        cookies=draw(_tuple_of(cookies(), max_size=4)),
        cookie_policy=draw(st.builds(CookiePolicy, consent=st.sampled_from(CookieConsentMechanism),
                                     preticked=st.booleans(), reject_first_layer=st.booleans())),
        rights=draw(st.builds(Rights, listed=_tuple_of(st.sampled_from(Right), max_size=6),
                              withdraw_consent=st.booleans(), complaint=st.booleans(),
                              request_channels=_tuple_of(st.sampled_from(RequestChannel), max_size=3),
                              signed_request_required=st.booleans())),
        children=draw(_optional(st.builds(Children, offered_to_children=st.booleans(),
                                          minimum_age=_optional(st.integers(0, 18))))),
        directives=draw(st.builds(Directives, ignore=_tuple_of(
            st.builds(Ignore, rule=texts(max_size=20), reason=texts(max_size=40)), max_size=2))),
    )


def statements(*, max_registers: int = 3) -> st.SearchStrategy[Statement]:
    """Statements of any completeness; every one is a valid model object."""
    return _statement(max_registers)


def consent_states(*, granted: st.SearchStrategy[frozenset[CookieCategory]] | None = None,
                   ) -> st.SearchStrategy[ConsentState]:
    """Consent states (:class:`rekisterikit.consent.ConsentState`) as stored in a consent cookie.

    Args:
        granted: the granted categories; by default any subset of the optional categories.
    """
    from rekisterikit.consent.state import ConsentMethod, ConsentState

    optional = [c for c in CookieCategory if c.needs_consent]
    token = st.text(string.ascii_letters + string.digits + "_-", min_size=16, max_size=64)
    digest = st.builds(lambda h: "sha256:" + h, st.text("0123456789abcdef", min_size=64, max_size=64))
    return st.builds(
        ConsentState,
        consent_id=token,
        version=digest,
        fingerprint=digest,
        given_at=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                              timezones=st.just(dt.UTC)),
        granted=granted if granted is not None else st.frozensets(st.sampled_from(optional)),
        method=st.sampled_from(ConsentMethod),
        locale=st.sampled_from(["fi", "sv", "en", "fi-FI", "sv-FI", "en-GB"]),
    )

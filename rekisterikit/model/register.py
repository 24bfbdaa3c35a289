"""A register (processing record) and what it is made of: purposes, data, sources, recipients, retention."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from attrs import define, field

from rekisterikit.model.enums import (
    Art22Basis,
    LegalBasis,
    MarketingAudience,
    MarketingChannel,
    Provision,
    PurposeKind,
    RecipientRole,
    RetentionStart,
    SourceKind,
    SpecialCondition,
    TransferMechanism,
)
from rekisterikit.model.parties import non_blank
from rekisterikit.model.references import LegalReference
from rekisterikit.model.values import Country, Duration, LocalizedText, validate_url

__all__ = [
    "AutomatedDecisions",
    "DataCategory",
    "Purpose",
    "Recipient",
    "Register",
    "Retention",
    "SoftOptIn",
    "Source",
    "Transfer",
]

_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*")


def valid_key(instance: object, attribute: Any, value: str) -> None:
    """attrs validator: a key of lower-case letters, digits, ``_`` and ``-`` that starts with a letter or digit."""
    if not _KEY.fullmatch(value):
        raise ValueError(f"invalid key {value!r} (lower-case letters, digits, '_' and '-', e.g. 'orders')")


def unique(instance: object, attribute: Any, value: tuple[Any, ...]) -> None:
    """attrs validator: a tuple without repeated items."""
    repeated = sorted(str(v) for v, n in Counter(value).items() if n > 1)
    if repeated:
        raise ValueError(f"{attribute.name}: repeated {', '.join(repeated)}")


def key_tuple(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    """attrs validator: a tuple of distinct keys."""
    for key in value:
        valid_key(instance, attribute, key)
    unique(instance, attribute, value)


@define(frozen=True, kw_only=True)
class SoftOptIn:
    """The existing-customer exception for electronic direct marketing (917/2014 200 §).

    Each flag says whether the statement states that condition holds.
    """

    contact_from_sale: bool = False
    own_similar_products: bool = False
    opt_out_at_collection: bool = False
    opt_out_in_every_message: bool = False

    @property
    def complete(self) -> bool:
        """Whether every condition of the exception is stated."""
        return all((self.contact_from_sale, self.own_similar_products,
                    self.opt_out_at_collection, self.opt_out_in_every_message))


@define(frozen=True, kw_only=True)
class Purpose:
    """A purpose of processing (käsittelyn tarkoitus) and its legal basis.

    Attributes:
        key: identifies the purpose within its register; other elements refer to it by this key.
        description: the purpose in plain words.
        kind: what sort of purpose it is, from a small vocabulary; validators use it.
        legal_basis: the GDPR 6(1) basis; ``None`` when the statement gives none.
        legitimate_interest: the concrete interest, for ``legitimate_interests``.
        legal_obligation: the law that imposes the obligation, for ``legal_obligation``
            (``{ law = "kirjanpitolaki", section = "2:10" }``, or free text).
        special_condition: the GDPR 9(2) condition when special categories are processed.
        basis_text: wording about the basis as published, kept when it is no GDPR basis (e.g. "asiakassuhde").
        direct_marketing: the channels of direct marketing this purpose uses, if any.
        marketing_audience: whom the marketing addresses.
        soft_opt_in: the existing-customer exception, when electronic marketing relies on it.
        profiling: whether the purpose involves profiling.
        data_categories: keys of the data categories it uses.
        provision: whether providing the data is a statutory or contractual requirement, a requirement necessary to
            enter into a contract, voluntary, or not asked from the data subject at all (GDPR 13(2)(e)).
        provision_obliged: whether the data subject is obliged to provide the data; ``None`` takes
            :attr:`Provision.obliged_by_default` (not obliged, for a contract precondition or voluntary data).
        provision_consequence: the possible consequences of not providing the data.
        credit_register: the credit information register consulted, for credit checks (text, so that it can be
            given in every language: "Suomen Asiakastieto Oy:n luottotietorekisteri").
    """

    key: str = field(validator=valid_key)
    description: LocalizedText
    kind: PurposeKind | None = None
    legal_basis: LegalBasis | None = None
    legitimate_interest: LocalizedText | None = None
    legal_obligation: LegalReference | None = None
    special_condition: SpecialCondition | None = None
    basis_text: LocalizedText | None = None
    direct_marketing: tuple[MarketingChannel, ...] = field(default=(), validator=unique)
    marketing_audience: MarketingAudience | None = None
    soft_opt_in: SoftOptIn | None = None
    profiling: bool = False
    data_categories: tuple[str, ...] = field(default=(), validator=key_tuple)
    provision: Provision | None = None
    provision_obliged: bool | None = None
    provision_consequence: LocalizedText | None = None
    credit_register: LocalizedText | None = None

    @property
    def obliged(self) -> bool | None:
        """Whether the data subject is obliged to provide the data: as stated, else the provision's default."""
        if self.provision_obliged is not None or self.provision is None:
            return self.provision_obliged
        return self.provision.obliged_by_default


@define(frozen=True, kw_only=True)
class DataCategory:
    """A category of personal data (henkilötietoryhmä).

    Attributes:
        special: a special category under GDPR 9(1) (health, ethnic origin, beliefs, …).
        criminal: data on criminal convictions and offences (GDPR 10).
        personal_identity_code: the Finnish personal identity code (henkilötunnus).
    """

    key: str = field(validator=valid_key)
    name: LocalizedText
    description: LocalizedText | None = None
    special: bool = False
    criminal: bool = False
    personal_identity_code: bool = False


@define(frozen=True, kw_only=True)
class Source:
    """A source of personal data (tietolähde).

    Attributes:
        kind: the data subject, their device (collected automatically), or a third party (GDPR 14 applies).
        name: the source's name, for a third party.
        public: whether the source is publicly accessible (GDPR 14(2)(f)); ``None`` when not stated.
        data_categories: keys of the data categories obtained from it.
    """

    kind: SourceKind
    name: LocalizedText | None = None
    public: bool | None = None
    description: LocalizedText | None = None
    data_categories: tuple[str, ...] = field(default=(), validator=key_tuple)


@define(frozen=True, kw_only=True)
class Recipient:
    """A recipient or category of recipients (vastaanottaja) of personal data.

    Attributes:
        name: the recipient's name (preferred), e.g. ``"Posti Oy"``.
        category: the category, when no name is given or to explain the name.
        role: processor, controller, joint controller or authority.
        authority: for an authority in rekisterikit's catalogue (``"verohallinto"``), its key: the name is then
            rendered in each language from the catalogue (Verohallinto / Skatteförvaltningen / Finnish Tax
            Administration).
        arrangement: for a joint controller, the essence of the arrangement between the joint controllers (GDPR
            26(2)): who does what, and whom the data subject can turn to.
        arrangement_url: where the arrangement, or its essence, is available.
        country: where the recipient processes the data.
        purposes: keys of the purposes for which data is disclosed.
    """

    name: str | None = field(default=None, validator=non_blank)
    category: LocalizedText | None = None
    role: RecipientRole | None = None
    country: Country | None = None
    purposes: tuple[str, ...] = field(default=(), validator=key_tuple)
    description: LocalizedText | None = None
    website: str | None = field(default=None, validator=validate_url)
    authority: str | None = field(default=None, validator=non_blank)
    arrangement: LocalizedText | None = None
    arrangement_url: str | None = field(default=None, validator=validate_url)

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.category is None and self.authority is None:
            raise ValueError("a recipient needs a name or a category (or an authority)")

    @property
    def label(self) -> str:
        """The name, the category's first available text, or the authority's key."""
        if self.name is not None:
            return self.name
        if self.category is not None:
            return self.category.texts()[0]
        return self.authority  # type: ignore[return-value]


@define(frozen=True, kw_only=True)
class Transfer:
    """A transfer of personal data to a third country (siirto EU/ETA-alueen ulkopuolelle).

    Attributes:
        country: the third country; ``None`` when the statement does not name it.
        recipients: names of the recipients that receive the data there.
        mechanism: the Chapter V mechanism; ``None`` when the statement gives none.
        derogation: for ``derogation``, which point of GDPR 49(1), e.g. ``"49(1)(b)"``.
        safeguards_copy: for an Art. 46/47 safeguard, how to obtain a copy of it, or where it is available.
        safeguards_url: for an Art. 46/47 safeguard, a link to it (e.g. the SCC text). An adequacy decision
            (Art. 45, including the DPF) is a transfer basis, not a safeguard, and has no copy to obtain.
        dpf_certified: for ``dpf``, whether the recipient's certification was checked.
        certification_url: for ``dpf``, the recipient's entry in the Data Privacy Framework list.
        impact_assessed: for a transfer on an Art. 46 safeguard, that the controller has assessed whether the
            destination's law and practice let the safeguard work (a transfer impact assessment, C-311/18).
    """

    country: Country | None = None
    recipients: tuple[str, ...] = field(default=(), validator=unique)
    mechanism: TransferMechanism | None = None
    derogation: str | None = field(default=None, validator=non_blank)
    safeguards_copy: LocalizedText | None = None
    safeguards_url: str | None = field(default=None, validator=validate_url)
    dpf_certified: bool | None = None
    certification_url: str | None = field(default=None, validator=validate_url)
    description: LocalizedText | None = None
    impact_assessed: bool = False


def _not_session(instance: object, attribute: Any, value: Duration | None) -> None:
    if value is not None and value.session:
        raise ValueError("a retention period cannot be 'session'")


@define(frozen=True, kw_only=True)
class Retention:
    """How long data is kept (säilytysaika): a period from an event, or concrete criteria.

    A rule applies to the purposes and data categories it names; a rule naming neither applies to the whole
    register.

    Attributes:
        required_by: the law that imposes a duty to keep the data (Kirjanpitolaki 2:10 for vouchers): a statutory
            retention duty.
        based_on: the law the period is derived from without imposing any duty to keep (a limitation period, Laki
            velan vanhentumisesta): a criterion.
        legal_reference: a law the rule refers to, without saying which of the two it is (older files); rendered
            as "law referred to".
    """

    purposes: tuple[str, ...] = field(default=(), validator=key_tuple)
    data_categories: tuple[str, ...] = field(default=(), validator=key_tuple)
    period: Duration | None = field(default=None, validator=_not_session)
    start: RetentionStart | None = None
    criteria: LocalizedText | None = None
    required_by: LegalReference | None = None
    based_on: LegalReference | None = None
    legal_reference: LegalReference | None = None


@define(frozen=True, kw_only=True)
class AutomatedDecisions:
    """Automated decision-making and profiling (GDPR 22, 13(2)(f)).

    ``used = false`` states explicitly that no such decisions are made.
    """

    used: bool
    logic: LocalizedText | None = None
    significance: LocalizedText | None = None
    consequences: LocalizedText | None = None
    art22_basis: Art22Basis | None = None
    safeguards: LocalizedText | None = None


def _keys(items: Iterable[Any]) -> tuple[str, ...]:
    return tuple(i.key for i in items)


def _unique_keys(instance: object, attribute: Any, value: tuple[Any, ...]) -> None:
    repeated = sorted(k for k, n in Counter(_keys(value)).items() if n > 1)
    if repeated:
        raise ValueError(f"{attribute.name}: repeated key {', '.join(repeated)}")


@define(frozen=True, kw_only=True)
class Register:
    """A register (rekisteri): one body of personal data kept for related purposes.

    ``recipients`` and ``transfers`` are ``None`` when the statement says nothing of them, and empty when it says
    explicitly that there are none.

    ``provision_at_collection`` states that the forms that collect the data show which data is required and what
    follows if it is not given (GDPR 13(2)(e) given at the point of collection, WP260's layered approach), so the
    statement need not say it purpose by purpose.
    """

    key: str = field(validator=valid_key)
    name: LocalizedText
    description: LocalizedText | None = None
    purposes: tuple[Purpose, ...] = field(default=(), validator=_unique_keys)
    data_categories: tuple[DataCategory, ...] = field(default=(), validator=_unique_keys)
    sources: tuple[Source, ...] = ()
    recipients: tuple[Recipient, ...] | None = None
    transfers: tuple[Transfer, ...] | None = None
    retention: tuple[Retention, ...] = ()
    automated_decisions: AutomatedDecisions | None = None
    security: LocalizedText | None = None
    provision_at_collection: bool = False

    def __attrs_post_init__(self) -> None:
        purposes = set(_keys(self.purposes))
        categories = set(_keys(self.data_categories))
        problems: list[str] = []

        def check(where: str, refs: tuple[str, ...], known: set[str], what: str) -> None:
            for ref in refs:
                if ref not in known:
                    problems.append(f"{where}: unknown {what} {ref!r}")

        for i, p in enumerate(self.purposes):
            check(f"purposes[{i}].data_categories", p.data_categories, categories, "data category")
        for i, s in enumerate(self.sources):
            check(f"sources[{i}].data_categories", s.data_categories, categories, "data category")
        for i, r in enumerate(self.recipients or ()):
            check(f"recipients[{i}].purposes", r.purposes, purposes, "purpose")
        for i, t in enumerate(self.retention):
            check(f"retention[{i}].purposes", t.purposes, purposes, "purpose")
            check(f"retention[{i}].data_categories", t.data_categories, categories, "data category")
        if problems:
            raise ValueError("; ".join(problems))

    def purpose(self, key: str) -> Purpose:
        """Return the purpose with ``key``.

        Raises:
            KeyError: no purpose has that key.
        """
        for p in self.purposes:
            if p.key == key:
                return p
        raise KeyError(key)

    def retention_for(self, purpose: Purpose) -> tuple[Retention, ...]:
        """The retention rules that cover ``purpose``.

        Those are the rules naming it, those naming one of its data categories, and those naming nothing at all.
        """
        return tuple(r for r in self.retention
                     if purpose.key in r.purposes
                     or set(r.data_categories) & set(purpose.data_categories)
                     or (not r.purposes and not r.data_categories))

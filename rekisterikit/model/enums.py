"""The closed vocabularies of the model. Values are what a statement file writes."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Art22Basis",
    "CookieCategory",
    "CookieConsentMechanism",
    "LegalBasis",
    "MarketingAudience",
    "MarketingChannel",
    "Party",
    "Provision",
    "PurposeKind",
    "RecipientRole",
    "RepresentativeExemption",
    "RequestChannel",
    "RetentionStart",
    "Right",
    "SourceKind",
    "SpecialCondition",
    "StorageKind",
    "TransferMechanism",
]


class LegalBasis(StrEnum):
    """A lawful basis of processing under GDPR Art. 6(1)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"

    @property
    def article(self) -> str:
        """The provision, e.g. ``"GDPR 6(1)(a)"``."""
        return "GDPR 6(1)(" + "abcdef"[list(LegalBasis).index(self)] + ")"


class SpecialCondition(StrEnum):
    """A condition under GDPR Art. 9(2) for processing special categories of personal data."""

    EXPLICIT_CONSENT = "explicit_consent"
    EMPLOYMENT = "employment"
    VITAL_INTERESTS = "vital_interests"
    NOT_FOR_PROFIT = "not_for_profit"
    MADE_PUBLIC = "made_public"
    LEGAL_CLAIMS = "legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"
    HEALTH_CARE = "health_care"
    PUBLIC_HEALTH = "public_health"
    ARCHIVING_RESEARCH = "archiving_research"

    @property
    def article(self) -> str:
        """The provision, e.g. ``"GDPR 9(2)(a)"``."""
        return "GDPR 9(2)(" + "abcdefghij"[list(SpecialCondition).index(self)] + ")"


class PurposeKind(StrEnum):
    """What a purpose is, from a small webshop vocabulary; lets validators apply purpose-specific law."""

    ORDER = "order"
    ACCOUNT = "account"
    ACCOUNTING = "accounting"
    CUSTOMER_SERVICE = "customer_service"
    DIRECT_MARKETING = "direct_marketing"
    NEWSLETTER = "newsletter"
    ANALYTICS = "analytics"
    ADVERTISING = "advertising"
    PROFILING = "profiling"
    FRAUD_PREVENTION = "fraud_prevention"
    SECURITY = "security"
    CREDIT_CHECK = "credit_check"
    LEGAL_CLAIMS = "legal_claims"
    REVIEWS = "reviews"
    SERVICE_DEVELOPMENT = "service_development"
    CONTESTS = "contests"
    OTHER = "other"


class MarketingChannel(StrEnum):
    """A channel of direct marketing."""

    EMAIL = "email"
    SMS = "sms"
    POST = "post"
    PHONE = "phone"

    @property
    def electronic(self) -> bool:
        """Whether the channel is electronic mail in the sense of 917/2014 200 § (e-mail, SMS)."""
        return self in (MarketingChannel.EMAIL, MarketingChannel.SMS)


class MarketingAudience(StrEnum):
    """Who direct marketing is addressed to."""

    CONSUMERS = "consumers"
    BUSINESSES = "businesses"


class Provision(StrEnum):
    """What GDPR 13(2)(e) asks of a purpose's data: is providing it a requirement, and of what kind.

    ``statutory``: providing the data is a statutory requirement (a law requires *the data subject* to give it;
    a law binding only the controller, such as the Accounting Act, is not one). ``contractual``: a contract
    requires it. ``contract_precondition``: a requirement necessary to enter into a contract (no order without a
    delivery address). ``voluntary``: none of these. ``not_requested``: the data is not asked from the data subject
    at all: it is collected automatically (server logs) or obtained from elsewhere, so 13(2)(e) has nothing to say.
    """

    STATUTORY = "statutory"
    CONTRACTUAL = "contractual"
    CONTRACT_PRECONDITION = "contract_precondition"
    VOLUNTARY = "voluntary"
    NOT_REQUESTED = "not_requested"

    @property
    def obliged_by_default(self) -> bool | None:
        """Whether the data subject is obliged to provide the data when the statement does not say:
        ``False`` for a precondition of a contract and for voluntary data, ``None`` (must be stated) for a statutory
        or contractual requirement and for data not asked at all."""
        return False if self in (Provision.CONTRACT_PRECONDITION, Provision.VOLUNTARY) else None


class SourceKind(StrEnum):
    """Where personal data comes from."""

    DATA_SUBJECT = "data_subject"
    DEVICE = "device"
    THIRD_PARTY = "third_party"

    @property
    def from_data_subject(self) -> bool:
        """Whether data from this source is obtained from the data subject (GDPR 13, not 14)."""
        return self is not SourceKind.THIRD_PARTY


class RecipientRole(StrEnum):
    """The role of a recipient of personal data."""

    PROCESSOR = "processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    AUTHORITY = "authority"


class TransferMechanism(StrEnum):
    """A mechanism for a transfer to a third country (GDPR Chapter V), including invalidated ones.

    Invalid mechanisms (Privacy Shield, Safe Harbor, the repealed standard contractual clauses) are part of the
    vocabulary so that a statement citing them can be modelled faithfully and reported by the validators.
    """

    ADEQUACY = "adequacy"
    DPF = "dpf"
    SCC_2021_914 = "scc_2021_914"
    BCR = "bcr"
    CODE_OF_CONDUCT = "code_of_conduct"
    CERTIFICATION = "certification"
    DEROGATION = "derogation"
    PRIVACY_SHIELD = "privacy_shield"
    SAFE_HARBOR = "safe_harbor"
    OLD_SCC = "old_scc"


class RetentionStart(StrEnum):
    """The event a retention period is counted from."""

    COLLECTION = "collection"
    ORDER = "order"
    END_OF_CONTRACT = "end_of_contract"
    END_OF_CUSTOMER_RELATIONSHIP = "end_of_customer_relationship"
    ACCOUNT_CLOSURE = "account_closure"
    LAST_ACTIVITY = "last_activity"
    CONSENT_WITHDRAWAL = "consent_withdrawal"
    OBJECTION = "objection"
    FINANCIAL_PERIOD_END = "financial_period_end"
    END_OF_YEAR_OF_FINANCIAL_PERIOD_END = "end_of_year_of_financial_period_end"


class Art22Basis(StrEnum):
    """The exception under GDPR Art. 22(2) that permits a solely automated decision."""

    CONTRACT = "contract"
    LAW = "law"
    EXPLICIT_CONSENT = "explicit_consent"


class RepresentativeExemption(StrEnum):
    """Why a controller established outside the EU designates no EU representative (GDPR 27(2)).

    ``occasional``: 27(2)(a), processing that is occasional, does not include special categories or criminal-offence
    data on a large scale and is unlikely to result in a risk. ``public_authority``: 27(2)(b), a public authority or
    body.
    """

    OCCASIONAL = "occasional"
    PUBLIC_AUTHORITY = "public_authority"


class CookieCategory(StrEnum):
    """A cookie category; all but ``necessary`` need the visitor's prior consent (917/2014 205 §)."""

    NECESSARY = "necessary"
    PREFERENCES = "preferences"
    STATISTICS = "statistics"
    MARKETING = "marketing"

    @property
    def needs_consent(self) -> bool:
        """Whether cookies of this category may only be set with consent."""
        return self is not CookieCategory.NECESSARY


class Party(StrEnum):
    """Whose domain a cookie is set on.

    ``first``: the shop's own domain, even when a vendor's script sets it (Google Analytics' ``_ga``, Meta's
    ``_fbp``); the shop can read and delete it. ``third``: another domain (``.facebook.com``, ``.doubleclick.net``);
    only that party can read or delete it. Who receives the data is the cookie's ``provider``.
    """

    FIRST = "first"
    THIRD = "third"


class StorageKind(StrEnum):
    """The technique that stores or reads data on the visitor's device."""

    COOKIE = "cookie"
    LOCAL_STORAGE = "local_storage"
    SESSION_STORAGE = "session_storage"
    PIXEL = "pixel"


class CookieConsentMechanism(StrEnum):
    """How the statement says consent to cookies is obtained.

    Only ``opt_in`` (a prior, granular, unticked choice) is valid consent for non-necessary cookies; the others
    exist so that deficient statements can be modelled as published.
    """

    OPT_IN = "opt_in"
    OPT_OUT = "opt_out"
    IMPLIED = "implied"
    BROWSER_SETTINGS = "browser_settings"
    NOTICE_ONLY = "notice_only"
    NONE = "none"


class Right(StrEnum):
    """A data-subject right the statement informs about (GDPR 15–18, 20, 21)."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECT = "object"

    @property
    def article(self) -> str:
        """The GDPR article of the right, e.g. ``"GDPR 15"``."""
        return {"access": "GDPR 15", "rectification": "GDPR 16", "erasure": "GDPR 17",
                "restriction": "GDPR 18", "portability": "GDPR 20", "object": "GDPR 21"}[self.value]


class RequestChannel(StrEnum):
    """A way a data subject can make a request to exercise their rights."""

    EMAIL = "email"
    WEB_FORM = "web_form"
    ACCOUNT = "account"
    POST = "post"
    PHONE = "phone"
    IN_PERSON = "in_person"

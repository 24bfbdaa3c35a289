"""The domain model: frozen attrs classes, no I/O and no framework imports.

Constructors reject malformed values (a bad business id check digit, an unknown country or basis, a negative
duration); missing legal content is representable, so the validators can say what is wrong.
"""

from rekisterikit.model.consent import BannerTexts, ConsentSettings, ConsentTexts, CookieService
from rekisterikit.model.enums import (
    Art22Basis,
    CookieCategory,
    CookieConsentMechanism,
    LegalBasis,
    MarketingAudience,
    MarketingChannel,
    Party,
    Provision,
    PurposeKind,
    RecipientRole,
    RepresentativeExemption,
    RequestChannel,
    RetentionStart,
    Right,
    SourceKind,
    SpecialCondition,
    StorageKind,
    TransferMechanism,
)
from rekisterikit.model.parties import ContactPerson, Controller, Dpo, PostalAddress, Representative
from rekisterikit.model.records import ProcessingRecord, RegisterRecord
from rekisterikit.model.references import LegalReference
from rekisterikit.model.register import (
    AutomatedDecisions,
    DataCategory,
    Purpose,
    Recipient,
    Register,
    Retention,
    SoftOptIn,
    Source,
    Transfer,
)
from rekisterikit.model.statement import (
    Children,
    Cookie,
    CookiePolicy,
    Directives,
    Ignore,
    Rights,
    Statement,
)
from rekisterikit.model.values import BusinessId, Country, Duration, Language, LocalizedText

__all__ = [
    "Art22Basis",
    "AutomatedDecisions",
    "BannerTexts",
    "BusinessId",
    "Children",
    "ConsentSettings",
    "ConsentTexts",
    "ContactPerson",
    "Controller",
    "Cookie",
    "CookieCategory",
    "CookieConsentMechanism",
    "CookiePolicy",
    "CookieService",
    "Country",
    "DataCategory",
    "Directives",
    "Dpo",
    "Duration",
    "Ignore",
    "Language",
    "LegalBasis",
    "LegalReference",
    "LocalizedText",
    "MarketingAudience",
    "MarketingChannel",
    "Party",
    "PostalAddress",
    "ProcessingRecord",
    "Provision",
    "Purpose",
    "PurposeKind",
    "Recipient",
    "RecipientRole",
    "Register",
    "RegisterRecord",
    "Representative",
    "RepresentativeExemption",
    "RequestChannel",
    "Retention",
    "RetentionStart",
    "Right",
    "Rights",
    "SoftOptIn",
    "Source",
    "SourceKind",
    "SpecialCondition",
    "Statement",
    "StorageKind",
    "Transfer",
    "TransferMechanism",
]


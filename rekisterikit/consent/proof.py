"""Proof of consent (GDPR 7(1)): consent log records exported as consent receipts in JSON.

Each record becomes one receipt with the field names of the Kantara Initiative Consent Receipt Specification
v1.1.0 (``version``, ``jurisdiction``, ``consentTimestamp``, ``collectionMethod``, ``consentReceiptID``,
``language``, ``piiPrincipalId``, ``piiControllers``, ``policyUrl``, ``services`` with ``purposes``, ``sensitive``,
``spiCat``), the structure ISO/IEC TS 27560:2023 builds on. What those fields cannot say goes in a ``rekisterikit``
member: the consent id, the statement version and consent fingerprint, the choice per category, what was
withdrawn, the services allowed, the Global Privacy Control flag and opt-in, the rekisterikit version that showed
the banner, the hash of the banner texts shown and — where the store kept them (a
:class:`~rekisterikit.consent.store.TextsArchive`) or they can be rebuilt and match the hash — those texts, and,
when the statement of that version is known, its full canonical JSON: the exact words the visitor was shown.

Given ``statement_url`` (a URL template with ``{version}``, or a function of the version), each receipt also links
to the page that shows the statement version the visitor was shown (the adapters' ``history/<version>`` page):
``policyUrl`` becomes that version's URL, repeated as ``rekisterikit.statementUrl``. Without it, the receipts are as
before.

The mapping to ISO/IEC TS 27560 is by the published descriptions of that specification, not its (paid) text;
treat field-level conformance to it as unverified.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeAlias
from urllib.parse import quote

from rekisterikit.consent.record import ConsentRecord
from rekisterikit.consent.state import OPTIONAL_CATEGORIES
from rekisterikit.consent.store import ConsentStore, StatementArchive, TextsArchive
from rekisterikit.model import CookieCategory, Party, Statement

__all__ = ["PROOF_FORMAT", "RECEIPT_VERSION", "StatementUrl", "consent_receipt", "export_proof", "export_proof_json",
           "version_url"]

#: Where one statement version is shown: a URL template with ``{version}``, or a function of the version (which may
#: return ``None`` for a version it has no page for: that receipt then has no link).
StatementUrl: TypeAlias = str | Callable[[str], str | None]

PROOF_FORMAT = "rekisterikit.consent-proof/1"
RECEIPT_VERSION = "KI-CR-v1.1.0"

_COLLECTION = {
    "accept_all": "cookie banner: accept all",
    "reject_all": "cookie banner: reject all",
    "custom": "cookie banner: own choice of categories",
    "settings": "cookie settings page",
    "gpc": "browser privacy signal (Global Privacy Control, Sec-GPC: 1)",
    "api": "the controller's own application (API)",
    "embed": "embedded content placeholder: always allow the service",
}

_PURPOSE = {
    CookieCategory.PREFERENCES: "Preferences: remembering the visitor's choices",
    CookieCategory.STATISTICS: "Statistics: measuring how the site is used",
    CookieCategory.MARKETING: "Marketing: advertising and its measurement",
}


def _controller(statement: Statement | None) -> list[dict[str, Any]]:
    if statement is None:
        return []
    c = statement.controller
    entry: dict[str, Any] = {"piiController": c.name}
    if c.business_id is not None:
        entry["businessId"] = str(c.business_id)
    if c.contact_person is not None:
        entry["contact"] = c.contact_person.name
    if c.address is not None:
        entry["address"] = {"streetAddress": c.address.street, "postalCode": c.address.postal_code,
                            "addressLocality": c.address.city, "addressCountry": c.address.country.code}
    if c.email:
        entry["email"] = c.email
    if c.phone:
        entry["phone"] = c.phone
    if c.website:
        entry["piiControllerUrl"] = c.website
    return [entry]


def _purposes(record: ConsentRecord, statement: Statement | None, retention: str | None) -> list[dict[str, Any]]:
    purposes = []
    for category in OPTIONAL_CATEGORIES:
        if category not in record.granted:
            continue
        cookies = statement.cookies_in(category) if statement is not None else ()
        own = statement.controller.name if statement is not None else None
        third = sorted({c.provider for c in cookies if c.provider and (c.party is Party.THIRD or c.provider != own)})
        purpose: dict[str, Any] = {
            "purpose": _PURPOSE[category],
            "purposeCategory": [category.value],
            "consentType": "EXPLICIT",
            "piiCategory": ["online identifiers (cookies and similar technologies)"],
            "primaryPurpose": False,
            "termination": retention or "until withdrawn",
            "thirdPartyDisclosure": bool(third),
        }
        if third:
            purpose["thirdPartyName"] = ", ".join(third)
        if cookies:
            purpose["cookies"] = [c.name for c in cookies]
        purposes.append(purpose)
    return purposes


def _texts(record: ConsentRecord, statement: Statement | None, kept: str | None) -> dict[str, Any] | None:
    """The banner texts of ``record``: kept by the store, or rebuilt when this version's texts match the hash."""
    if record.texts_hash is None:
        return None
    from rekisterikit.consent.texts import banner_texts, texts_hash

    if kept is not None:
        data: dict[str, Any] = json.loads(kept)
        if texts_hash(data) == record.texts_hash:
            return data
    if statement is not None:
        try:
            rebuilt = banner_texts(statement, locale=record.locale)
        except ValueError:
            return None
        if texts_hash(rebuilt) == record.texts_hash:
            return dict(rebuilt)
    return None


def version_url(statement_url: StatementUrl, version: str) -> str | None:
    """The URL of ``version`` from a ``statement_url`` template (``{version}`` replaced) or function.

    Raises:
        ValueError: a template without ``{version}`` (every receipt would link to the same page).
    """
    if callable(statement_url):
        return statement_url(version)
    if "{version}" not in statement_url:
        raise ValueError(f"statement_url {statement_url!r} has no {{version}} placeholder")
    return statement_url.replace("{version}", quote(version, safe=":"))


def consent_receipt(record: ConsentRecord, statement: Statement | None = None, *, policy_url: str | None = None,
                    jurisdiction: str = "FI", max_age: dt.timedelta | None = None,
                    statement_json: str | None = None, texts_json: str | None = None,
                    statement_url: StatementUrl | None = None) -> dict[str, Any]:
    """One record as a consent receipt (Kantara CR v1.1 fields and a ``rekisterikit`` member).

    Args:
        record: the consent log record.
        statement: the statement the record was made on; used only when its version is the record's.
        policy_url: where the statement is published.
        jurisdiction: the jurisdiction (ISO 3166-1 alpha-2).
        max_age: the consent's lifetime, to state when it ends.
        statement_json: the canonical JSON of the record's statement version, when kept by a statement archive.
        texts_json: the banner texts kept under the record's ``texts_hash`` (a texts archive); otherwise they are
            rebuilt from the statement and the catalogs, and included only when they match the hash.
        statement_url: where each statement version is shown (a template with ``{version}`` or a function): the
            receipt's ``policyUrl`` is then the URL of the record's version (``policy_url`` moves to
            ``rekisterikit.currentPolicyUrl``), also given as ``rekisterikit.statementUrl``. A function that
            returns ``None`` for the version leaves the receipt as without ``statement_url``.

    Raises:
        ValueError: a ``statement_url`` template without ``{version}``.
    """
    shown_url = None if statement_url is None else version_url(statement_url, record.version)
    if statement is not None and statement.version != record.version:
        statement = None
    if statement_json is None and statement is not None:
        from rekisterikit.load import canonical_json

        statement_json = canonical_json(statement)
    retention = None if max_age is None else f"{max_age.days} days after consentTimestamp, or until withdrawn"
    receipt: dict[str, Any] = {
        "version": RECEIPT_VERSION,
        "jurisdiction": jurisdiction,
        "consentTimestamp": int(record.at.timestamp()),
        "collectionMethod": _COLLECTION[record.method.value],
        "consentReceiptID": record.receipt_id,
        "language": record.locale,
        "piiPrincipalId": record.subject if record.subject is not None else f"consent-id:{record.consent_id}",
        "piiControllers": _controller(statement),
        "policyUrl": policy_url if shown_url is None else shown_url,
        "services": [{"service": "Cookies and similar technologies", "purposes": _purposes(record, statement,
                                                                                           retention)}],
        "sensitive": False,
        "spiCat": [],
        "rekisterikit": {
            "consentId": record.consent_id,
            "time": record.at.isoformat().replace("+00:00", "Z"),
            "statementVersion": record.version,
            "consentFingerprint": record.fingerprint,
            "offered": [c.value for c in OPTIONAL_CATEGORIES if c in record.offered],
            "choices": record.choices,
            "withdrawn": [c.value for c in OPTIONAL_CATEGORIES if c in record.withdrawn],
            "method": record.method.value,
            "globalPrivacyControl": record.gpc,
            "globalPrivacyControlOptIn": record.gpc_optin,
            "offeredServices": sorted(record.offered_services),
            "services": sorted(record.services),
            "libraryVersion": record.library_version,
            "bannerTextsHash": record.texts_hash,
            "bannerTexts": _texts(record, statement, texts_json),
            "statement": None if statement_json is None else json.loads(statement_json),
        },
    }
    if shown_url is not None:
        receipt["rekisterikit"]["statementUrl"] = shown_url
        if policy_url is not None:
            receipt["rekisterikit"]["currentPolicyUrl"] = policy_url
    return receipt


def _load_kept(text: str) -> Statement | None:
    from rekisterikit.errors import LoadError
    from rekisterikit.load import loads

    try:
        return loads(text, "json", source="statement archive")
    except LoadError:  # pragma: no cover - a statement kept by an older, incompatible rekisterikit
        return None


def export_proof(records: Iterable[ConsentRecord], *, statements: Iterable[Statement] = (),
                 store: ConsentStore | StatementArchive | TextsArchive | None = None, policy_url: str | None = None,
                 jurisdiction: str = "FI", max_age: dt.timedelta | None = None,
                 now: dt.datetime | None = None, statement_url: StatementUrl | None = None) -> dict[str, Any]:
    """Export records as a proof document: ``{"format", "exported_at", "receipts": [...]}``.

    Args:
        records: the records to prove, e.g. ``store.history(consent_id)`` or ``store.for_subject(ref)``.
        statements: statements known to the caller; each record is matched to the one of its version.
        store: a store that also keeps statements (a :class:`~rekisterikit.consent.store.StatementArchive`, such
            as the SQLite store): the exact statement version of every record is taken from it.
        policy_url: where the statement is published.
        jurisdiction: the jurisdiction of the receipts.
        max_age: the consent lifetime, stated in each purpose's ``termination``.
        now: the export time (default: now).
        statement_url: where each statement version is shown — a URL template with ``{version}``
            (``"https://shop.example/tietosuoja/history/{version}/"``) or a function of the version: each
            receipt's ``policyUrl`` then links to the version the visitor was shown (see :func:`consent_receipt`).

    Raises:
        ValueError: a ``statement_url`` template without ``{version}``.
    """
    if isinstance(statement_url, str):
        version_url(statement_url, "sha256:")  # a template without {version} fails before any record is read
    by_version: dict[str, Statement] = {s.version: s for s in statements}
    archive: StatementArchive | None = store if isinstance(store, StatementArchive) else None
    texts_archive: TextsArchive | None = store if isinstance(store, TextsArchive) else None
    receipts = []
    for record in records:
        kept = archive.statement_json(record.version) if archive is not None else None
        statement = by_version.get(record.version)
        if statement is None and kept is not None:
            statement = _load_kept(kept)
            if statement is not None:
                by_version[record.version] = statement
        texts = (texts_archive.texts_json(record.texts_hash)
                 if texts_archive is not None and record.texts_hash is not None else None)
        receipts.append(consent_receipt(record, statement, policy_url=policy_url, jurisdiction=jurisdiction,
                                        max_age=max_age, statement_json=kept, texts_json=texts,
                                        statement_url=statement_url))
    exported = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return {"format": PROOF_FORMAT, "exported_at": exported.isoformat().replace("+00:00", "Z"),
            "receipts": receipts}


def export_proof_json(records: Iterable[ConsentRecord], **options: Any) -> str:
    """:func:`export_proof` as indented JSON text (UTF-8, keys in a stable order)."""
    return json.dumps(export_proof(records, **options), ensure_ascii=False, indent=2) + "\n"

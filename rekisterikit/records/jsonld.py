"""The statement as JSON-LD with the W3C Data Privacy Vocabulary (DPV 2.x), for tools that read declarations.

``rekisterikit render FILE --format jsonld`` prints it. The context is embedded (nothing is fetched to read it):
every term maps to ``https://w3id.org/dpv#`` (DPV), ``https://w3id.org/dpv/legal/eu/gdpr#`` (the GDPR extension's
legal bases ``A6-1-a`` … ``A6-1-f``), ``https://w3id.org/dpv/loc#`` (countries) or Dublin Core / schema.org for
names and descriptions. The shape:

* the statement is a ``dpv:PersonalDataProcess`` with ``dpv:hasDataController`` and one ``dpv:hasProcess`` per
  purpose of each register;
* each purpose's process has ``dpv:hasPurpose`` (the shop's description), ``dpv:hasLegalBasis``,
  ``dpv:hasPersonalData`` (the data categories), ``dpv:hasRecipient`` (recipients, with ``dpv:hasLocation`` for
  their country) and ``dpv:hasStorageCondition`` (a ``dpv:StorageDuration`` with ``dpv:hasDuration``);
* transfers outside the EU/EEA are processes of their own under the register, naming the third country
  (``dpv:hasLocation``) and the mechanism as published.

The internal Art. 30 ``[record]`` part is never exported.

:func:`consent_record_jsonld` writes one consent decision of the consent log the same way: a record in the manner
of ISO/IEC TS 27560 with DPV's consent statuses (``dpv:hasConsentStatus`` ``dpv:ConsentGiven``,
``dpv:ConsentRefused``, ``dpv:ConsentWithdrawn``), next to the Kantara consent receipt of the proof export. Given
the URL of the page that shows the statement version the visitor was shown, the record links to it with
``dpv:hasNotice`` (a ``dpv:PrivacyNotice``; both in DPV 2.1's notice module).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rekisterikit.model import (
    CookieCategory,
    DataCategory,
    Language,
    LegalBasis,
    LocalizedText,
    Purpose,
    Recipient,
    Register,
    Statement,
)

if TYPE_CHECKING:
    from rekisterikit.consent.record import ConsentRecord

__all__ = ["CONSENT_CONTEXT", "CONTEXT", "DPV", "consent_record_jsonld", "render_jsonld", "statement_jsonld"]

#: The DPV namespace.
DPV = "https://w3id.org/dpv#"

#: The embedded JSON-LD context.
CONTEXT: dict[str, Any] = {
    "dpv": DPV,
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "name": {"@id": "schema:name"},
    "title": {"@id": "dct:title", "@container": "@language"},
    "description": {"@id": "dct:description", "@container": "@language"},
    "identifier": {"@id": "dct:identifier"},
    "modified": {"@id": "dct:modified", "@type": "xsd:date"},
    "version": {"@id": "schema:version"},
    "email": {"@id": "schema:email"},
    "telephone": {"@id": "schema:telephone"},
    "url": {"@id": "schema:url", "@type": "@id"},
    "hasDataController": {"@id": "dpv:hasDataController"},
    "hasProcess": {"@id": "dpv:hasProcess", "@container": "@set"},
    "hasPurpose": {"@id": "dpv:hasPurpose", "@container": "@set"},
    "hasLegalBasis": {"@id": "dpv:hasLegalBasis", "@type": "@id", "@container": "@set"},
    "hasPersonalData": {"@id": "dpv:hasPersonalData", "@container": "@set"},
    "hasRecipient": {"@id": "dpv:hasRecipient", "@container": "@set"},
    "hasLocation": {"@id": "dpv:hasLocation", "@type": "@id"},
    "hasStorageCondition": {"@id": "dpv:hasStorageCondition", "@container": "@set"},
    "hasDuration": {"@id": "dpv:hasDuration"},
    "value": {"@id": "rdf:value", "@type": "xsd:duration"},
}

#: The context of consent records: :data:`CONTEXT` and the consent terms.
CONSENT_CONTEXT: dict[str, Any] = {
    **CONTEXT,
    "created": {"@id": "dct:created", "@type": "xsd:dateTime"},
    "references": {"@id": "dct:references"},
    "language": {"@id": "dct:language"},
    "hasDataSubject": {"@id": "dpv:hasDataSubject"},
    "hasConsentStatus": {"@id": "dpv:hasConsentStatus", "@type": "@id"},
    "hasNotice": {"@id": "dpv:hasNotice"},
}

#: Legal bases: the GDPR extension's concepts for Art. 6(1)(a)–(f).
_BASES = {b: "eu-gdpr:A6-1-" + "abcdef"[i] for i, b in enumerate(LegalBasis)}


def _texts(text: LocalizedText | None) -> dict[str, str] | None:
    if text is None:
        return None
    return {lang.value: value for lang in Language if (value := text.get(lang)) is not None}


def _category(register: Register, c: DataCategory) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": f"#data-{register.key}-{c.key}", "@type": "dpv:PersonalData",
                            "identifier": c.key, "title": _texts(c.name)}
    if c.description is not None:
        node["description"] = _texts(c.description)
    return node


def _recipient(r: Recipient) -> dict[str, Any]:
    kind = {"processor": "dpv:DataProcessor", "controller": "dpv:DataController",
            "joint_controller": "dpv:JointDataControllers", "authority": "dpv:Authority"}
    node: dict[str, Any] = {"@type": "dpv:Recipient" if r.role is None else kind[r.role.value]}
    if r.name is not None:
        node["name"] = r.name
    if r.category is not None:
        node["description"] = _texts(r.category)
    if r.country is not None:
        node["hasLocation"] = f"loc:{r.country.code}"
    if r.website is not None:
        node["url"] = r.website
    return node


def _purpose(register: Register, p: Purpose) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"#purpose-{register.key}-{p.key}", "@type": "dpv:PersonalDataProcess", "identifier": p.key,
        "hasPurpose": [{"@type": "dpv:Purpose", "description": _texts(p.description)}],
    }
    if p.legal_basis is not None:
        node["hasLegalBasis"] = [_BASES[p.legal_basis]]
    if p.data_categories:
        node["hasPersonalData"] = [{"@id": f"#data-{register.key}-{k}"} for k in p.data_categories]
    recipients = [r for r in register.recipients or () if p.key in r.purposes]
    if recipients:
        node["hasRecipient"] = [_recipient(r) for r in recipients]
    storage = []
    for rule in register.retention_for(p):
        condition: dict[str, Any] = {"@type": "dpv:StorageDuration"}
        if rule.period is not None:
            condition["hasDuration"] = {"@type": "dpv:TemporalDuration", "value": str(rule.period)}
        if rule.criteria is not None:
            condition["description"] = _texts(rule.criteria)
        storage.append(condition)
    if storage:
        node["hasStorageCondition"] = storage
    return node


def _register(register: Register) -> list[dict[str, Any]]:
    processes = [_purpose(register, p) for p in register.purposes]
    everyone = [r for r in register.recipients or () if not r.purposes]
    for t in register.transfers or ():
        node: dict[str, Any] = {"@type": "dpv:PersonalDataProcess",
                                "title": {"en": "Transfer outside the EU/EEA"}}
        if t.country is not None:
            node["hasLocation"] = f"loc:{t.country.code}"
        if t.recipients:
            node["hasRecipient"] = [{"@type": "dpv:Recipient", "name": name} for name in t.recipients]
        described = [x for x in (t.mechanism.value if t.mechanism else None, t.derogation) if x]
        if described or t.description is not None:
            node["description"] = _texts(t.description) or {"en": ", ".join(described)}
        processes.append(node)
    if everyone:
        processes.append({"@type": "dpv:PersonalDataProcess", "title": _texts(register.name),
                          "hasRecipient": [_recipient(r) for r in everyone]})
    return processes


def statement_jsonld(statement: Statement) -> dict[str, Any]:
    """The statement as a JSON-LD document (a dict) with the embedded DPV context."""
    c = statement.controller
    controller: dict[str, Any] = {"@type": "dpv:DataController", "name": c.name}
    if c.business_id is not None:
        controller["identifier"] = str(c.business_id)
    if c.email is not None:
        controller["email"] = c.email
    if c.phone is not None:
        controller["telephone"] = c.phone
    if c.website is not None:
        controller["url"] = c.website
    controller["hasLocation"] = f"loc:{c.country.code}"
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": "#statement",
        "@type": "dpv:PersonalDataProcess",
        "version": statement.version,
        "hasDataController": controller,
        "hasPersonalData": [_category(r, d) for r in statement.registers for d in r.data_categories],
        "hasProcess": [node for r in statement.registers for node in _register(r)],
    }
    if statement.title is not None:
        doc["title"] = _texts(statement.title)
    if statement.updated is not None:
        doc["modified"] = statement.updated.isoformat()
    return doc


def render_jsonld(statement: Statement) -> str:
    """The statement as JSON-LD text (UTF-8, indented, keys in a fixed order)."""
    return json.dumps(statement_jsonld(statement), ensure_ascii=False, indent=2) + "\n"


def consent_record_jsonld(record: ConsentRecord, statement: Statement | None = None, *,
                          statement_url: str | Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """One consent decision as a DPV consent record, in the manner of ISO/IEC TS 27560 (next to the Kantara receipt).

    The record names the controller (from ``statement`` when given), the statement version the visitor was shown
    (``dct:references``), the pseudonymous consent id as the data subject, and one ``dpv:PersonalDataProcess`` per
    category the visitor was asked about, on consent (``eu-gdpr:A6-1-a``), with its status: ``dpv:ConsentGiven``,
    ``dpv:ConsentRefused``, or ``dpv:ConsentWithdrawn`` for a category granted before and declined now.

    Args:
        record: the consent log's record.
        statement: the statement with that version, for the controller and the cookies' purposes.
        statement_url: where each statement version is shown (a URL template with ``{version}`` or a function of
            the version, as for :func:`rekisterikit.consent.export_proof`): the record then has ``dpv:hasNotice``,
            a ``dpv:PrivacyNotice`` whose ``@id`` is the URL of the version shown. Without it, no ``hasNotice``.

    Raises:
        ValueError: a ``statement_url`` template without ``{version}``.
    """
    processes = []
    for category in sorted(record.offered, key=lambda c: list(CookieCategory).index(c)):
        status = ("dpv:ConsentGiven" if category in record.granted
                  else "dpv:ConsentWithdrawn" if category in record.withdrawn else "dpv:ConsentRefused")
        purposes: list[dict[str, Any]] = []
        if statement is not None:
            seen: set[str] = set()
            for cookie in statement.cookies_in(category):
                texts = _texts(cookie.purpose)
                key = json.dumps(texts, sort_keys=True, ensure_ascii=False)
                if texts and key not in seen:
                    seen.add(key)
                    purposes.append({"@type": "dpv:Purpose", "description": texts})
        processes.append({"@type": "dpv:PersonalDataProcess", "identifier": category.value,
                          "hasPurpose": purposes or [{"@type": "dpv:Purpose", "identifier": category.value}],
                          "hasLegalBasis": [_BASES[LegalBasis.CONSENT]], "hasConsentStatus": status})
    doc: dict[str, Any] = {
        "@context": CONSENT_CONTEXT,
        "@id": f"urn:uuid:{record.receipt_id}",
        "identifier": record.receipt_id,
        "created": record.at.isoformat().replace("+00:00", "Z"),
        "references": record.version,
        "language": record.locale,
        "hasDataSubject": {"@type": "dpv:DataSubject", "identifier": record.consent_id},
        "hasProcess": processes,
    }
    if statement is not None:
        doc["hasDataController"] = {"@type": "dpv:DataController", "name": statement.controller.name}
    if statement_url is not None:
        from rekisterikit.consent.proof import version_url

        url = version_url(statement_url, record.version)
        if url is not None:
            doc["hasNotice"] = {"@id": url, "@type": "dpv:PrivacyNotice", "version": record.version}
    return doc

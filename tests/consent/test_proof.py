"""Tests of the proof export: consent receipts with the exact statement version."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from rekisterikit.consent import (
    ConsentConfig,
    ConsentService,
    MemoryConsentStore,
    SQLiteConsentStore,
    consent_receipt,
    export_proof,
    export_proof_json,
)
from rekisterikit.load import canonical_json
from tests.consent.shop import NOW, SECRET, Clock, shop_statement

KANTARA_FIELDS = {"version", "jurisdiction", "consentTimestamp", "collectionMethod", "consentReceiptID", "language",
                  "piiPrincipalId", "piiControllers", "policyUrl", "services", "sensitive", "spiCat"}


def test_receipt_has_kantara_fields_and_the_statement(service: ConsentService, store: MemoryConsentStore) -> None:
    """A receipt carries the Kantara v1.1 fields, the choices and the statement the visitor saw."""
    decision = service.decide({"rk-action": "custom", "rk-category": "statistics"}, locale="fi", subject="cust-9")
    proof = export_proof(store.history(decision.state.consent_id), store=store, policy_url="https://kauppa.fi/ts",
                         max_age=dt.timedelta(days=365), now=NOW)
    (receipt,) = proof["receipts"]
    assert KANTARA_FIELDS <= set(receipt)
    assert ("rekisterikit.consent-proof/1", "2026-03-01T12:00:00Z") == (proof["format"], proof["exported_at"])
    assert ("KI-CR-v1.1.0", "FI", int(NOW.timestamp()), "cust-9", "Testikauppa Oy") == (
        receipt["version"], receipt["jurisdiction"], receipt["consentTimestamp"], receipt["piiPrincipalId"],
        receipt["piiControllers"][0]["piiController"])
    extra = receipt["rekisterikit"]
    assert (service.version, {"preferences": False, "statistics": True, "marketing": False}) == (
        extra["statementVersion"], extra["choices"])
    assert json.loads(canonical_json(service.statement)) == extra["statement"]
    (purpose,) = receipt["services"][0]["purposes"]
    assert (["statistics"], True, "Google Ireland Ltd", "365 days after consentTimestamp, or until withdrawn") == (
        purpose["purposeCategory"], purpose["thirdPartyDisclosure"], purpose["thirdPartyName"],
        purpose["termination"])


def test_old_statement_version_comes_from_the_archive(tmp_path: Path) -> None:
    """After the statement changed, the proof still shows the version the visitor saw, from the SQLite store."""
    old, new = shop_statement(), shop_statement(cites=("Tietosuojalaki 1050/2018",))
    with SQLiteConsentStore(tmp_path / "c.sqlite3") as store:
        ConsentService(old, ConsentConfig(secret=SECRET), store, clock=Clock()).decide(
            {"rk-action": "reject_all"}, locale="sv")
        proof = export_proof(store.all(), statements=[new], store=store)
    (receipt,) = proof["receipts"]
    assert (old.version, json.loads(canonical_json(old))) == (receipt["rekisterikit"]["statementVersion"],
                                                              receipt["rekisterikit"]["statement"])
    assert [] == receipt["services"][0]["purposes"]


def test_unknown_statement_is_left_out(service: ConsentService, store: MemoryConsentStore) -> None:
    """Without the statement of the record's version, the receipt says so with null rather than guessing."""
    service.decide({"rk-action": "accept_all"}, locale="fi")
    receipt = consent_receipt(store.all()[0], shop_statement(cites=("x",)))
    assert (None, []) == (receipt["rekisterikit"]["statement"], receipt["piiControllers"])


def test_anonymous_visitor_is_identified_by_consent_id(service: ConsentService) -> None:
    """Without a subject, the receipt names the pseudonymous consent id."""
    decision = service.decide({"rk-action": "accept_all"}, locale="en")
    assert f"consent-id:{decision.state.consent_id}" == consent_receipt(decision.record)["piiPrincipalId"]


def test_json_export_is_valid_json(service: ConsentService, store: MemoryConsentStore) -> None:
    """The JSON text export parses back to the same document."""
    service.decide({"rk-action": "accept_all"}, locale="fi")
    text = export_proof_json(store.all(), statements=[service.statement], now=NOW)
    assert export_proof(store.all(), statements=[service.statement], now=NOW) == json.loads(text)

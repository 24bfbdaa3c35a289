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


def test_proof_covers_the_library_version_and_the_exact_texts_shown(tmp_path: Path) -> None:
    """The record keeps the rekisterikit version and a hash of the banner texts in the language shown (the shop's
    own where it overrides them); the proof export quotes those texts, taken from the log's archive."""
    import rekisterikit
    from rekisterikit.consent import banner_texts, texts_hash
    from tests.consent.shop import services_statement

    statement = services_statement('[consent.texts.sv]\nreject_all = "Nej tack"\n')
    store = SQLiteConsentStore(tmp_path / "log.sqlite3")
    service = ConsentService(statement, ConsentConfig(secret=SECRET), store, clock=Clock())
    decision = service.decide({"rk-action": "reject_all"}, locale="sv")
    (kept,) = store.all()
    shown = banner_texts(statement, locale="sv")
    assert (rekisterikit.__version__, texts_hash(shown)) == (kept.library_version, kept.texts_hash)
    (receipt,) = export_proof(store.history(decision.state.consent_id), store=store, now=NOW)["receipts"]
    extra = receipt["rekisterikit"]
    assert (rekisterikit.__version__, shown, "Nej tack") == (extra["libraryVersion"], extra["bannerTexts"],
                                                            extra["bannerTexts"]["reject_all"])
    store.close()


def test_texts_are_rebuilt_only_when_they_match_the_hash(service: ConsentService) -> None:
    """Without a texts archive the texts are rebuilt from the statement, and left out if they no longer match."""
    import attrs

    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    receipt = consent_receipt(decision.record, service.statement)
    assert "Hyväksy kaikki" == receipt["rekisterikit"]["bannerTexts"]["accept_all"]
    tampered = attrs.evolve(decision.record, texts_hash="sha256:" + "0" * 64)
    assert consent_receipt(tampered, service.statement)["rekisterikit"]["bannerTexts"] is None


def test_every_method_has_a_collection_method_in_the_receipt(service: ConsentService) -> None:
    """Each consent method (an embed's "always allow" included) names how the consent was collected."""
    from rekisterikit.consent import ConsentMethod

    decision = service.decide({"rk-action": "custom", "rk-category": "statistics"}, locale="fi")
    for method in ConsentMethod:
        import attrs

        receipt = consent_receipt(attrs.evolve(decision.record, method=method))
        assert receipt["collectionMethod"]


def test_statement_url_links_each_receipt_to_its_version(tmp_path: Path) -> None:
    """With statement_url, policyUrl is the page of the exact version each visitor was shown."""
    old, new = shop_statement(), shop_statement(cites=("Tietosuojalaki 1050/2018",))
    with SQLiteConsentStore(tmp_path / "c.sqlite3") as store:
        ConsentService(old, ConsentConfig(secret=SECRET), store, clock=Clock()).decide(
            {"rk-action": "reject_all"}, locale="fi")
        ConsentService(new, ConsentConfig(secret=SECRET), store, clock=Clock()).decide(
            {"rk-action": "accept_all"}, locale="fi")
        records = store.all()
        proof = export_proof(records, store=store, policy_url="https://kauppa.fi/ts",
                             statement_url="https://kauppa.fi/ts/history/{version}/")
        by_callable = export_proof(records, store=store, statement_url=lambda v: f"/h/{v}")
    urls = [(r["rekisterikit"]["statementVersion"], r["policyUrl"], r["rekisterikit"]["statementUrl"],
             r["rekisterikit"]["currentPolicyUrl"]) for r in proof["receipts"]]
    assert [(v, f"https://kauppa.fi/ts/history/{v}/", f"https://kauppa.fi/ts/history/{v}/", "https://kauppa.fi/ts")
            for v in (old.version, new.version)] == urls
    assert [f"/h/{old.version}", f"/h/{new.version}"] == [r["policyUrl"] for r in by_callable["receipts"]]
    assert "currentPolicyUrl" not in by_callable["receipts"][0]["rekisterikit"]


def test_without_statement_url_the_receipt_is_as_before(service: ConsentService, store: MemoryConsentStore) -> None:
    """Without the new argument, policyUrl is the shop's policy_url and no link fields are added."""
    service.decide({"rk-action": "accept_all"}, locale="fi")
    (receipt,) = export_proof(store.all(), store=store, policy_url="https://kauppa.fi/ts", now=NOW)["receipts"]
    assert "https://kauppa.fi/ts" == receipt["policyUrl"]
    assert set() == {"statementUrl", "currentPolicyUrl"} & set(receipt["rekisterikit"])


def test_statement_url_template_needs_the_version_placeholder(service: ConsentService,
                                                             store: MemoryConsentStore) -> None:
    """A template without {version} would link every receipt to one page: refused with a clear error."""
    import pytest

    service.decide({"rk-action": "accept_all"}, locale="fi")
    with pytest.raises(ValueError, match=r"statement_url 'https://kauppa.fi/ts' has no \{version\} placeholder"):
        export_proof(store.all(), store=store, statement_url="https://kauppa.fi/ts")

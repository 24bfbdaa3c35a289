"""The Saleor App end to end against the fake Saleor: manifest, installation, webhooks, consent endpoints."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rekisterikit.contrib.saleor import SaleorAppConfig
from rekisterikit.contrib.saleor import graphql as gql
from rekisterikit.contrib.saleor.app import METADATA_KEYS, PERMISSIONS, customer_subject, visitor_subject
from rekisterikit.contrib.saleor.client import normalize_api_url

from .conftest import SECRET, STOREFRONT, AppUnderTest
from .fake_saleor import FakeSaleor, SaleorGraphQLError, SigningKey


def _decide(app: AppUnderTest, body: dict[str, Any], **headers: str) -> Any:
    return app.http.post("/api/consent", json=body, headers={"Origin": STOREFRONT, **headers})


def _installation_token(app: AppUnderTest) -> str | None:
    import sqlite3

    with sqlite3.connect(app.store.path) as conn:
        row = conn.execute("SELECT token FROM rk_saleor_installation").fetchone()
    return None if row is None else str(row[0])


# -- manifest -------------------------------------------------------------------------------------------------


def test_manifest_lists_urls_permissions_and_webhooks(app: AppUnderTest) -> None:
    """The manifest points Saleor at the app's URLs and asks for the permissions and customer webhooks it uses."""
    manifest = app.http.get("/api/manifest").get_json()
    assert "fi.rekisterikit.saleor" == manifest["id"]
    assert f"{app.url}/api/register" == manifest["tokenTargetUrl"]
    assert f"{app.url}/" == manifest["appUrl"]
    assert f"{app.url}/statement" == manifest["dataPrivacyUrl"]
    assert list(PERMISSIONS) == manifest["permissions"]
    assert {"CUSTOMER_CREATED", "CUSTOMER_DELETED", "ACCOUNT_DELETED"} == {
        e for w in manifest["webhooks"] for e in w["asyncEvents"]}
    for webhook in manifest["webhooks"]:
        assert webhook["targetUrl"].startswith(f"{app.url}/api/webhooks/")
        assert webhook["query"] == gql.SUBSCRIPTIONS[webhook["asyncEvents"][0]].strip()


def test_manifest_data_privacy_url_can_point_at_the_storefront(make_app: Callable[..., AppUnderTest]) -> None:
    """A configured dataPrivacyUrl (the storefront's statement page) replaces the app's own /statement."""
    app = make_app(data_privacy_url="https://shop.example/tietosuojaseloste")
    assert "https://shop.example/tietosuojaseloste" == app.http.get("/api/manifest").get_json()["dataPrivacyUrl"]


# -- installation ---------------------------------------------------------------------------------------------


def test_install_stores_the_token_in_the_database(app: AppUnderTest, saleor: FakeSaleor) -> None:
    """Saleor's install flow accepts the manifest, and the token lands in the consent database, not in memory."""
    installed = app.install()
    assert installed.token == _installation_token(app)
    assert [saleor.api_url] == app.flask.extensions["rekisterikit_saleor"].installations.api_urls()
    assert ["RekisterikitAppId"] == [c.operation for c in saleor.calls]


def test_install_from_a_saleor_not_allowed_is_refused(make_app: Callable[..., AppUnderTest],
                                                      saleor: FakeSaleor) -> None:
    """An app configured for another Saleor refuses the installation and stores nothing."""
    app = make_app(allowed_saleor_urls=["https://other.example/graphql/"])
    with pytest.raises(SaleorGraphQLError, match="403"):
        app.install()
    assert _installation_token(app) is None
    assert [] == saleor.calls


def test_register_with_a_token_saleor_does_not_know_is_refused(app: AppUnderTest, saleor: FakeSaleor) -> None:
    """A forged registration (an allowed URL but a made-up token) is refused: Saleor does not accept the token."""
    response = app.http.post("/api/register", json={"auth_token": "forged"},
                             headers={"Saleor-Api-Url": saleor.api_url})
    assert 401 == response.status_code
    assert _installation_token(app) is None


@pytest.mark.parametrize(("headers", "body", "status"), [
    ({}, {"auth_token": "x"}, 400),
    ({"Saleor-Api-Url": "file:///etc/passwd"}, {"auth_token": "x"}, 400),
    ("api", {}, 400),
    ("api", {"auth_token": ""}, 400),
])
def test_register_rejects_incomplete_requests(app: AppUnderTest, saleor: FakeSaleor, headers: Any,
                                              body: dict[str, str], status: int) -> None:
    """A registration without the API URL header, or without a token, is refused before anything is stored."""
    if headers == "api":
        headers = {"Saleor-Api-Url": saleor.api_url}
    assert status == app.http.post("/api/register", json=body, headers=headers).status_code
    assert _installation_token(app) is None


def test_reinstalling_replaces_the_token(app: AppUnderTest, saleor: FakeSaleor) -> None:
    """Uninstalling in Saleor and installing again (a new app id and token) replaces the stored installation."""
    first = app.install()
    saleor.uninstall_app(first)
    second = app.install()
    assert second.token == _installation_token(app)


def test_a_token_of_another_app_cannot_take_the_installation_over(installed: AppUnderTest,
                                                                  saleor: FakeSaleor) -> None:
    """/api/register with the token of another app of the same Saleor is refused (403); erasure still works."""
    real = _installation_token(installed)
    other = saleor.add_app({"id": "com.example.other", "name": "Other app"}, permissions=["MANAGE_USERS"])
    response = installed.http.post("/api/register", json={"auth_token": other.token},
                                   headers={"Saleor-Api-Url": saleor.api_url})
    assert 403 == response.status_code
    assert real == _installation_token(installed)
    user_id = saleor.create_customer("poistuva@example.com")
    (delivery,) = saleor.delete_customer(user_id)
    assert 200 == delivery.status


def test_a_second_copy_cannot_replace_an_installation_that_still_works(installed: AppUnderTest,
                                                                       saleor: FakeSaleor) -> None:
    """A token of another app with the same manifest id is refused (409) while the stored token still works."""
    real = _installation_token(installed)
    manifest = installed.http.get("/api/manifest").get_json()
    copy = saleor.add_app(manifest, permissions=manifest["permissions"])
    response = installed.http.post("/api/register", json={"auth_token": copy.token},
                                   headers={"Saleor-Api-Url": saleor.api_url})
    assert 409 == response.status_code
    assert real == _installation_token(installed)


def test_the_database_holding_the_token_is_private(installed: AppUnderTest) -> None:
    """The app's database file (with the token) is readable by its owner only, WAL files included."""
    import stat

    path = Path(installed.store.path)
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists():
            assert 0o600 == stat.S_IMODE(file.stat().st_mode), file


# -- webhooks: erasure and linking ----------------------------------------------------------------------------


def test_deleting_a_customer_erases_their_consent_records(installed: AppUnderTest, saleor: FakeSaleor,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    """CUSTOMER_DELETED erases the customer's records and those made under linked consent ids, and logs it."""
    anonymous = _decide(installed, {"action": "accept_all", "locale": "fi"}).get_json()
    consent_value = anonymous["cookie"]["value"]
    user_id = saleor.create_customer("asiakas@example.com",
                                     metadata={"rekisterikit.consent_id": anonymous["consent"]["id"]})
    token = saleor.customer_token(user_id)
    _decide(installed, {"action": "custom", "categories": ["statistics"]}, Authorization=f"Bearer {token}",
            **{"X-Rekisterikit-Consent": consent_value})
    store = installed.store
    assert 3 == len(store.history(anonymous["consent"]["id"]))
    other = _decide(installed, {"action": "reject_all"}).get_json()["consent"]["id"]

    with caplog.at_level(logging.INFO, logger="rekisterikit.contrib.saleor"):
        (delivery,) = saleor.delete_customer(user_id)

    assert 200 == delivery.status
    assert [] == store.history(anonymous["consent"]["id"])
    assert [] == store.for_subject(customer_subject(saleor.api_url, user_id))
    assert 1 == len(store.history(other))
    assert any("erased 3 consent record(s)" in r.getMessage() and user_id in r.getMessage()
               for r in caplog.records)


def test_account_deleted_erases_too(installed: AppUnderTest, saleor: FakeSaleor) -> None:
    """ACCOUNT_DELETED (the customer deleted their own account) erases like CUSTOMER_DELETED."""
    user_id = saleor.create_customer("itse@example.com")
    token = saleor.customer_token(user_id)
    _decide(installed, {"action": "accept_all"}, Authorization=f"Bearer {token}")
    assert 1 == len(installed.store.for_subject(customer_subject(saleor.api_url, user_id)))
    (delivery,) = saleor.delete_customer(user_id, event="ACCOUNT_DELETED")
    assert 200 == delivery.status
    assert [] == installed.store.for_subject(customer_subject(saleor.api_url, user_id))


def test_customer_created_links_the_pending_consent(installed: AppUnderTest, saleor: FakeSaleor) -> None:
    """A new account whose metadata names a consent id gets that consent linked and mirrored to its metadata."""
    guest = _decide(installed, {"action": "custom", "categories": ["statistics"], "locale": "sv"}).get_json()
    consent_id = guest["consent"]["id"]
    user_id = saleor.create_customer("uusi@example.com", metadata={"rekisterikit.consent_id": consent_id})
    assert [200] == [d.status for d in saleor.deliveries]
    linked = installed.store.for_subject(customer_subject(saleor.api_url, user_id))
    assert [consent_id] == [r.consent_id for r in linked]
    assert {"statistics"} == {c.value for c in linked[0].granted}
    meta = saleor.users[user_id]["metadata"]
    assert '{"marketing":false,"preferences":false,"statistics":true}' == meta["rekisterikit.consent"]
    assert installed.flask.extensions["rekisterikit_saleor"].links.consent_ids(saleor.api_url, user_id) == [
        consent_id]


def test_customer_created_without_a_consent_id_changes_nothing(installed: AppUnderTest, saleor: FakeSaleor) -> None:
    """A new account without the metadata key is accepted and nothing is recorded."""
    saleor.create_customer("ei-evasteita@example.com")
    assert [200] == [d.status for d in saleor.deliveries]
    assert [] == installed.store.all()


# -- webhooks: security ---------------------------------------------------------------------------------------


@pytest.fixture
def victim(installed: AppUnderTest, saleor: FakeSaleor) -> tuple[str, dict[str, Any]]:
    """A customer with a consent record, and the webhook Saleor would send when deleting them."""
    user_id = saleor.create_customer("uhri@example.com")
    token = saleor.customer_token(user_id)
    _decide(installed, {"action": "accept_all"}, Authorization=f"Bearer {token}")
    app = next(iter(saleor.apps.values()))
    hook = next(w for w in app.webhooks if w["asyncEvents"] == ["CUSTOMER_DELETED"])
    view = saleor._user_view(saleor.users[user_id])
    body = saleor.event_payload(hook["query"], "CUSTOMER_DELETED", app, user=view)
    return user_id, {"url": hook["targetUrl"], "body": body, "app": app}


def _records(app: AppUnderTest, saleor: FakeSaleor, user_id: str) -> int:
    return len(app.store.for_subject(customer_subject(saleor.api_url, user_id)))


def test_a_genuine_delivery_is_accepted(installed: AppUnderTest, saleor: FakeSaleor,
                                        victim: tuple[str, dict[str, Any]]) -> None:
    """The control case: the untouched delivery, signed by Saleor's key, erases the records."""
    user_id, hook = victim
    status, _ = saleor.post(hook["url"], hook["body"], saleor.headers_for("CUSTOMER_DELETED", hook["body"]))
    assert (200, 0) == (status, _records(installed, saleor, user_id))


def _resign(body: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    payload = json.loads(body)
    change(payload)
    return json.dumps(payload).encode()


@pytest.mark.parametrize("attack", [
    "missing signature", "garbage signature", "tampered body", "wrong key", "wrong key with a known kid",
    "alg none", "stale issuedAt", "issuedAt in the future", "no issuedAt", "unknown Saleor URL",
    "no Saleor URL", "another app's delivery", "wrong event for the route",
])
def test_forged_or_stale_deliveries_are_refused_with_no_change(installed: AppUnderTest, saleor: FakeSaleor,
                                                               victim: tuple[str, dict[str, Any]],
                                                               attack: str) -> None:
    """Each forged, tampered, stale or misaddressed delivery is refused (4xx) and no record is erased."""
    import jwt

    user_id, hook = victim
    body: bytes = hook["body"]
    url: str = hook["url"]
    headers = saleor.headers_for("CUSTOMER_DELETED", body)
    now = dt.datetime.now(dt.UTC)
    if attack == "missing signature":
        del headers["Saleor-Signature"]
    elif attack == "garbage signature":
        headers["Saleor-Signature"] = "not.a.jws"
    elif attack == "tampered body":
        body = body.replace(b'"__typename"', b'"__typename" ', 1)
    elif attack == "wrong key":
        headers["Saleor-Signature"] = SigningKey().sign(body)
    elif attack == "wrong key with a known kid":
        stranger = SigningKey()
        headers["Saleor-Signature"] = jwt.api_jws.encode(body, stranger.private_key, algorithm="RS256",
                                                         headers={"kid": saleor.keys[0].kid, "crit": ["b64"]},
                                                         is_payload_detached=True)
    elif attack == "alg none":
        headers["Saleor-Signature"] = jwt.api_jws.encode(body, None, algorithm="none",
                                                         headers={"kid": saleor.keys[0].kid},
                                                         is_payload_detached=True)
    elif attack in ("stale issuedAt", "issuedAt in the future", "no issuedAt"):
        when = {"stale issuedAt": now - dt.timedelta(hours=2),
                "issuedAt in the future": now + dt.timedelta(hours=2)}.get(attack)
        body = _resign(body, lambda p: p.update(issuedAt=when.isoformat()) if when else p.pop("issuedAt"))
        headers = saleor.headers_for("CUSTOMER_DELETED", body)
    elif attack == "unknown Saleor URL":
        headers["Saleor-Api-Url"] = "https://evil.example/graphql/"
    elif attack == "no Saleor URL":
        del headers["Saleor-Api-Url"]
    elif attack == "another app's delivery":
        body = _resign(body, lambda p: p.update(recipient={"id": "QXBwOjk5OQ=="}))
        headers = saleor.headers_for("CUSTOMER_DELETED", body)
    elif attack == "wrong event for the route":
        url = url.replace("customer-deleted", "account-deleted")
    status, _ = saleor.post(url, body, headers)
    assert 400 <= status < 500
    assert 1 == _records(installed, saleor, user_id)


def test_older_x_saleor_headers_are_understood(installed: AppUnderTest, saleor: FakeSaleor,
                                               victim: tuple[str, dict[str, Any]]) -> None:
    """A delivery with the older X-Saleor-* header names verifies like a current one."""
    user_id, hook = victim
    headers = {(f"X-{k}" if k.startswith("Saleor-") else k): v
               for k, v in saleor.headers_for("CUSTOMER_DELETED", hook["body"]).items()}
    status, _ = saleor.post(hook["url"], hook["body"], headers)
    assert (200, 0) == (status, _records(installed, saleor, user_id))


def test_a_rotated_key_is_fetched_once(installed: AppUnderTest, saleor: FakeSaleor,
                                       victim: tuple[str, dict[str, Any]]) -> None:
    """Keys are cached; a delivery signed with a new key (unknown kid) makes the app fetch the JWKS again."""
    user_id, hook = victim
    fetched = saleor.jwks_requests
    new_key = saleor.rotate_key()
    status, _ = saleor.post(hook["url"], hook["body"], saleor.headers_for("CUSTOMER_DELETED", hook["body"],
                                                                          key=new_key))
    assert (200, 0) == (status, _records(installed, saleor, user_id))
    assert fetched + 1 == saleor.jwks_requests


def test_webhook_to_an_app_not_installed_is_refused(app: AppUnderTest, saleor: FakeSaleor) -> None:
    """Before installation no delivery is accepted, however well signed."""
    body = json.dumps({"__typename": "CustomerDeleted", "issuedAt": dt.datetime.now(dt.UTC).isoformat(),
                       "recipient": {"id": "QXBwOjE="}, "user": {"id": "VXNlcjox"}}).encode()
    status, _ = saleor.post(f"{app.url}/api/webhooks/customer-deleted", body,
                            saleor.headers_for("CUSTOMER_DELETED", body))
    assert 403 == status


# -- consent endpoints ----------------------------------------------------------------------------------------


def test_read_without_consent_asks_for_the_banner(installed: AppUnderTest) -> None:
    """GET /api/consent without a consent value says the banner is needed and lists the offered categories."""
    data = installed.http.get("/api/consent", headers={"Origin": STOREFRONT}).get_json()
    assert data["consent"] is None
    assert data["banner"] is True
    assert ["statistics", "marketing"] == data["offered"]


def test_decision_round_trip_through_the_consent_header(installed: AppUnderTest) -> None:
    """The value returned by POST, sent back in X-Rekisterikit-Consent, reads as the same decision."""
    decided = _decide(installed, {"action": "custom", "categories": ["marketing"], "locale": "en"}).get_json()
    assert "rk_consent" == decided["cookie"]["name"]
    read = installed.http.get("/api/consent", headers={"Origin": STOREFRONT,
                                                       "X-Rekisterikit-Consent": decided["cookie"]["value"]})
    data = read.get_json()
    assert ["marketing"] == data["consent"]["granted"]
    assert data["banner"] is False
    assert [visitor_subject(decided["consent"]["id"])] == [r.subject for r in installed.store.all()]


def test_a_customers_decision_is_mirrored_into_their_metadata(installed: AppUnderTest, saleor: FakeSaleor) -> None:
    """A logged-in customer's decision is recorded under the customer and written to the User's metadata."""
    user_id = saleor.create_customer("kirjautunut@example.com")
    token = saleor.customer_token(user_id)
    response = _decide(installed, {"action": "custom", "categories": ["statistics"], "locale": "fi"},
                       Authorization=f"Bearer {token}")
    data = response.get_json()
    assert {"target": "user", "id": user_id, "written": True} == data["metadata"]
    meta = saleor.users[user_id]["metadata"]
    assert set(METADATA_KEYS) <= set(meta)
    assert data["consent"]["id"] == meta["rekisterikit.consent_id"]
    assert '{"marketing":false,"preferences":false,"statistics":true}' == meta["rekisterikit.consent"]
    assert installed.flask.extensions["rekisterikit_saleor"].statement.version == meta[
        "rekisterikit.consent_version"]
    assert "custom" == meta["rekisterikit.consent_method"]
    (record,) = installed.store.for_subject(customer_subject(saleor.api_url, user_id))
    assert data["consent"]["id"] == record.consent_id


def test_a_guests_decision_is_mirrored_into_the_checkout(installed: AppUnderTest, saleor: FakeSaleor) -> None:
    """A guest's decision with a checkout ID is written to the checkout's metadata."""
    checkout_id = saleor.create_checkout()
    data = _decide(installed, {"action": "reject_all", "checkout_id": checkout_id}).get_json()
    assert {"target": "checkout", "id": checkout_id, "written": True} == data["metadata"]
    assert '{"marketing":false,"preferences":false,"statistics":false}' == saleor.checkouts[checkout_id][
        "metadata"]["rekisterikit.consent"]


def test_an_unknown_checkout_is_refused_before_recording(installed: AppUnderTest) -> None:
    """A checkout ID Saleor does not know gives 404 and no record."""
    response = _decide(installed, {"action": "accept_all", "checkout_id": "Q2hlY2tvdXQ6bm9wZQ=="})
    assert 404 == response.status_code
    assert [] == installed.store.all()


def test_a_bad_customer_token_is_refused_before_recording(installed: AppUnderTest) -> None:
    """A customer token Saleor does not accept gives 401 and no record (never recorded as someone else)."""
    response = _decide(installed, {"action": "accept_all"}, Authorization="Bearer stolen-or-expired")
    assert 401 == response.status_code
    assert [] == installed.store.all()


def test_a_form_without_action_is_refused(installed: AppUnderTest) -> None:
    """A decision without a valid action is a 400 and records nothing."""
    assert 400 == _decide(installed, {"categories": ["marketing"]}).status_code
    assert [] == installed.store.all()


def test_cors_allows_only_the_storefront_origin(installed: AppUnderTest) -> None:
    """The storefront's origin gets CORS headers on preflight; any other origin is refused outright."""
    preflight = installed.http.options("/api/consent", headers={
        "Origin": STOREFRONT, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert 204 == preflight.status_code
    assert STOREFRONT == preflight.headers["Access-Control-Allow-Origin"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    evil = installed.http.post("/api/consent", json={"action": "accept_all"}, headers={"Origin": "https://evil.example"})
    assert 403 == evil.status_code
    assert "Access-Control-Allow-Origin" not in evil.headers
    assert [] == installed.store.all()


def test_a_form_post_without_json_is_refused(installed: AppUnderTest) -> None:
    """A plain form POST (which a cross-site page could send without preflight) is refused with 415."""
    response = installed.http.post("/api/consent", data={"rk-action": "accept_all"})
    assert 415 == response.status_code
    assert [] == installed.store.all()


def test_consent_endpoints_need_the_app_installed_for_customers(app: AppUnderTest, saleor: FakeSaleor) -> None:
    """Before installation a customer's decision cannot be checked with Saleor: 503, nothing recorded."""
    user_id = saleor.create_customer("odottaa@example.com")
    response = _decide(app, {"action": "accept_all"}, Authorization=f"Bearer {saleor.customer_token(user_id)}")
    assert 503 == response.status_code
    assert [] == app.store.all()


# -- configuration --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value"), [
    ("app_url", "ftp://app.example"),
    ("allowed_saleor_urls", []),
    ("allowed_saleor_urls", ["javascript:alert(1)"]),
    ("storefront_origin", "https://shop.example/path"),
    ("saleor_api_url", "https://not-allowed.example/graphql/"),
    ("webhook_max_age", dt.timedelta(0)),
])
def test_config_rejects_bad_values(field: str, value: Any) -> None:
    """Malformed URLs, an empty allow-list and a non-positive webhook window are configuration errors."""
    from rekisterikit.consent import ConsentConfig

    options: dict[str, Any] = {"app_url": "https://app.example", "consent": ConsentConfig(secret=SECRET),
                               "allowed_saleor_urls": ["https://shop.example/graphql/"], field: value}
    with pytest.raises(ValueError, match=field):
        SaleorAppConfig(**options)


def test_config_normalises_api_urls() -> None:
    """Allowed Saleor URLs are compared in normal form: scheme and host in lower case."""
    from rekisterikit.consent import ConsentConfig

    config = SaleorAppConfig(app_url="https://app.example/", consent=ConsentConfig(secret=SECRET),
                             allowed_saleor_urls=["HTTPS://Shop.Example/graphql/"])
    assert ("https://shop.example/graphql/",) == config.allowed_saleor_urls
    assert "https://app.example" == config.app_url
    assert normalize_api_url("https://shop.example/graphql/") == config.consent_api_url


# -- the whole story ------------------------------------------------------------------------------------------


def test_end_to_end_install_publish_consent_erase(installed: AppUnderTest, saleor: FakeSaleor, tmp_path: Any,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Install, publish twice with the app's own token (idempotent), consent as a customer into the metadata,
    then delete the customer and find the records erased."""
    from rekisterikit.cli import main

    from .conftest import STATEMENT

    statement_file = tmp_path / "seloste.toml"
    statement_file.write_text(STATEMENT, encoding="utf-8")
    argv = ["saleor", "publish", str(statement_file), "--api-url", saleor.api_url,
            "--database", str(installed.store.path)]
    assert 0 == main(argv)
    mutations = len(saleor.mutations)
    assert 0 == main(argv)
    out = capsys.readouterr().out.splitlines()
    assert [True, True] == [out[0].startswith("created page"), out[1].startswith("unchanged: page")]
    assert mutations == len(saleor.mutations)
    (page,) = saleor.pages.values()
    version = installed.flask.extensions["rekisterikit_saleor"].statement.version
    assert version == page["metadata"]["rekisterikit.version"]

    user_id = saleor.create_customer("koko-tarina@example.com")
    token = saleor.customer_token(user_id)
    decided = _decide(installed, {"action": "accept_all", "locale": "fi"}, Authorization=f"Bearer {token}")
    assert 200 == decided.status_code
    assert '{"marketing":true,"preferences":false,"statistics":true}' == saleor.users[user_id]["metadata"][
        "rekisterikit.consent"]
    assert 1 == len(installed.store.for_subject(customer_subject(saleor.api_url, user_id)))

    (delivery,) = saleor.delete_customer(user_id)
    assert 200 == delivery.status
    assert [] == installed.store.for_subject(customer_subject(saleor.api_url, user_id))
    assert [] == installed.store.history(decided.get_json()["consent"]["id"])


def test_statement_page_and_dashboard_page(app: AppUnderTest) -> None:
    """/statement serves the rendered statement in the asked language; / shows the app and the version."""
    sv = app.http.get("/statement?locale=sv")
    assert 200 == sv.status_code
    assert '<html lang="sv">' in sv.get_data(as_text=True)
    assert "Dataskyddsbeskrivning" in sv.get_data(as_text=True)
    fallback = app.http.get("/statement?locale=de").get_data(as_text=True)
    assert '<html lang="fi">' in fallback
    home = app.http.get("/").get_data(as_text=True)
    assert app.flask.extensions["rekisterikit_saleor"].statement.version in home


def test_withdrawal_is_recorded_and_mirrored(installed: AppUnderTest, saleor: FakeSaleor) -> None:
    """POST /api/consent/withdraw turns every category off, records what was withdrawn and updates the metadata."""
    user_id = saleor.create_customer("peruu@example.com")
    auth = {"Authorization": f"Bearer {saleor.customer_token(user_id)}"}
    given = _decide(installed, {"action": "accept_all"}, **auth).get_json()
    response = installed.http.post("/api/consent/withdraw", json={}, headers={
        "Origin": STOREFRONT, "X-Rekisterikit-Consent": given["cookie"]["value"], **auth})
    data = response.get_json()
    assert (200, [], given["consent"]["id"]) == (response.status_code, data["consent"]["granted"],
                                                data["consent"]["id"])
    latest = installed.store.history(given["consent"]["id"])[-1]
    assert {"statistics", "marketing"} == {c.value for c in latest.withdrawn}
    assert '{"marketing":false,"preferences":false,"statistics":false}' == saleor.users[user_id]["metadata"][
        "rekisterikit.consent"]


def test_global_privacy_control_turns_marketing_off(installed: AppUnderTest) -> None:
    """With Sec-GPC: 1 an "accept all" grants statistics but not marketing, recorded with the method gpc."""
    data = _decide(installed, {"action": "accept_all"}, **{"Sec-GPC": "1"}).get_json()
    assert (["statistics"], "gpc") == (data["consent"]["granted"], data["consent"]["method"])

"""The statement history pages of the Flask blueprint, in the example shop."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest
from flask import Flask
from flask.testing import FlaskClient

from rekisterikit.consent import ConsentRecord
from rekisterikit.contrib.flask import get_state
from rekisterikit.load import load
from rekisterikit.model import CookieCategory, LocalizedText, Statement

from .conftest import AppFactory

ROOT = Path(__file__).resolve().parents[3]
#: The Monalisa statement as published: the version the shop served before the corrected one.
PUBLISHED = ROOT / "examples" / "statements" / "monalisa.toml"


@pytest.fixture
def shop(tmp_path: Path) -> Flask:
    """The example shop with its instance folder in a temporary directory."""
    from examples.flask_shop import create_app

    return create_app({"TESTING": True}, instance_path=str(tmp_path / "instance"))


def test_history_lists_every_served_version_newest_first(shop: Flask) -> None:
    """After the statement page was served, the history lists the earlier version and the current one."""
    state = get_state(shop)
    state.store.remember_statement(load(PUBLISHED))  # type: ignore[attr-defined]
    client = shop.test_client()
    assert 200 == client.get("/privacy/fi").status_code
    response = client.get("/privacy/history", headers={"Accept-Language": "fi"})
    assert 200 == response.status_code
    html = response.get_data(as_text=True)
    versions = re.findall(r'href="/privacy/history/(sha256:[0-9a-f]{64})"', html)
    assert [state.statement.version, load(PUBLISHED).version] == versions
    assert "Set-Cookie" not in response.headers
    assert "no-cache" == response.headers["Cache-Control"]


def test_an_old_version_is_shown_as_it_was(shop: Flask) -> None:
    """The earlier version renders with a note; the current one without; others are 404."""
    old = load(PUBLISHED)
    state = get_state(shop)
    state.store.remember_statement(old)  # type: ignore[attr-defined]
    client: FlaskClient = shop.test_client()
    page = client.get(f"/privacy/history/{old.version}").get_data(as_text=True)
    assert 'role="note"' in page
    assert old.controller.name in page
    current = client.get(f"/privacy/history/{state.statement.version}")
    assert 'role="note"' not in current.get_data(as_text=True)
    assert 404 == client.get("/privacy/history/sha256:" + "0" * 64).status_code
    assert 404 == client.get("/privacy/history/..%2Fsecret").status_code


def test_conditional_request_gets_304(shop: Flask) -> None:
    """A repeated request with the ETag is answered 304."""
    client = shop.test_client()
    first = client.get("/privacy/history")
    again = client.get("/privacy/history", headers={"If-None-Match": first.headers["ETag"]})
    assert 304 == again.status_code


def test_statement_page_links_to_the_history_once_there_is_an_earlier_version(make_app: AppFactory) -> None:
    """The library's statement page: no link while only the current version was served; then "Aiemmat versiot" /
    "Tidigare versioner" / "Earlier versions", and the page's ETag changes with it."""
    app = make_app()
    state = get_state(app)
    client = app.test_client()
    first = client.get("/privacy/fi")
    assert "rk-history-link" not in first.get_data(as_text=True)
    older = attrs.evolve(state.statement, title=LocalizedText(fi="Vanha seloste", sv="Gammal", en="Old"))
    state.store.remember_statement(older)  # type: ignore[attr-defined]
    assert 200 == client.get("/privacy/fi", headers={"If-None-Match": first.headers["ETag"]}).status_code
    for lang, label in (("fi", "Aiemmat versiot"), ("sv", "Tidigare versioner"), ("en", "Earlier versions")):
        html = client.get(f"/privacy/{lang}").get_data(as_text=True)
        assert f'<p class="rk-history-link"><a href="/privacy/history">{label}</a></p>' in html
    listing = client.get("/privacy/history").get_data(as_text=True)
    assert f'href="/privacy/history/{older.version}"' in listing


def _consent(version: str, statement: Statement, at: dt.datetime) -> ConsentRecord:
    from rekisterikit.consent.state import ConsentMethod, consent_fingerprint

    return ConsentRecord(consent_id="d" * 22, at=at, version=version, fingerprint=consent_fingerprint(statement),
                         offered={CookieCategory.STATISTICS}, granted={CookieCategory.STATISTICS},
                         method=ConsentMethod.ACCEPT_ALL, locale="fi", subject="user:7")


def test_export_proof_links_each_receipt_to_the_version_shown(shop: Flask, tmp_path: Path) -> None:
    """flask rekisterikit export-proof: a consent on the old statement and one on the new link to the pages of
    their own versions, and each page answers 200 with exactly that version's text."""
    from rekisterikit.render import render

    state = get_state(shop)
    old, new = load(PUBLISHED), state.statement
    state.store.remember_statement(old)  # type: ignore[attr-defined]
    state.store.remember_statement(new)  # type: ignore[attr-defined]
    state.store.record(_consent(old.version, old, dt.datetime(2026, 10, 1, tzinfo=dt.UTC)))
    state.store.record(_consent(new.version, new, dt.datetime(2026, 12, 1, tzinfo=dt.UTC)))
    out = tmp_path / "proof.json"
    result = shop.test_cli_runner().invoke(args=["rekisterikit", "export-proof", "--subject", "user:7",
                                                 "--base-url", "https://kauppa.example", "-o", str(out)])
    assert 0 == result.exit_code, result.output
    receipts = json.loads(out.read_text(encoding="utf-8"))["receipts"]
    assert [(old.version, f"https://kauppa.example/privacy/history/{old.version}"),
            (new.version, f"https://kauppa.example/privacy/history/{new.version}")] == [
        (r["rekisterikit"]["statementVersion"], r["policyUrl"]) for r in receipts]
    client = shop.test_client()
    for receipt, statement in zip(receipts, (old, new), strict=True):
        page = client.get(receipt["policyUrl"].removeprefix("https://kauppa.example"),
                          headers={"Accept-Language": "fi"})
        assert 200 == page.status_code
        assert str(render(statement, locale="fi", format="html", heading_level=1)) in page.get_data(as_text=True)
    assert str(render(new, locale="fi", format="html", heading_level=1)) not in client.get(
        f"/privacy/history/{old.version}", headers={"Accept-Language": "fi"}).get_data(as_text=True)


def test_export_proof_paths_and_errors(shop: Flask) -> None:
    """Without --base-url or SERVER_NAME the links are paths; no selection or a bad base URL is a usage error."""
    state = get_state(shop)
    state.store.record(_consent(state.statement.version, state.statement, dt.datetime(2026, 12, 1, tzinfo=dt.UTC)))
    runner = shop.test_cli_runner()
    result = runner.invoke(args=["rekisterikit", "export-proof", "--consent-id", "d" * 22])
    (receipt,) = json.loads(result.output)["receipts"]
    assert f"/privacy/history/{state.statement.version}" == receipt["policyUrl"]
    assert 2 == runner.invoke(args=["rekisterikit", "export-proof"]).exit_code
    bad = runner.invoke(args=["rekisterikit", "export-proof", "--subject", "user:7", "--base-url", "kauppa"])
    assert (2, True) == (bad.exit_code, "--base-url 'kauppa'" in bad.output)

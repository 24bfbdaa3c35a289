"""The testing kit's Flask recipe (docs/testing.md) against the example shop: statement, fixtures, no tracking."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rekisterikit import Statement
from rekisterikit.contrib.flask import get_state
from rekisterikit.testing import assert_compliant, assert_no_tracking_without_consent
from rekisterikit.testing.pytest_plugin import ConsentCookies


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    """The example shop."""
    from examples.flask_shop import create_app

    return create_app({"TESTING": True}, instance_path=str(tmp_path / "instance"))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the shop."""
    return app.test_client()


# -- the recipe: two fixtures in the project's conftest.py ----------------------------------------------------------

@pytest.fixture
def rekisterikit_statement(app: Flask) -> Statement:
    """The statement the Flask extension loaded (REKISTERIKIT_STATEMENT)."""
    return get_state(app).statement


@pytest.fixture
def rekisterikit_consent_secret(app: Flask) -> str:
    """The secret the extension signs consent cookies with: the app's SECRET_KEY."""
    return str(app.config["SECRET_KEY"])


# -- the tests ------------------------------------------------------------------------------------------------------

def test_the_published_statement_is_compliant(rekisterikit_statement: Statement) -> None:
    """assert_compliant passes for the shop's statement."""
    assert 0 == assert_compliant(rekisterikit_statement).summary["error"]


@pytest.mark.rekisterikit_compliant
def test_the_marker_uses_the_overridden_statement_fixture() -> None:
    """The marker checks the statement the project's fixture gives."""


def test_a_new_visitor_is_not_tracked(client: FlaskClient, rekisterikit_statement: Statement) -> None:
    """Before any choice no page sets a cookie the statement does not declare or runs a gated script."""
    for url in ("/", "/cart", "/privacy/settings"):
        response = client.get(url, follow_redirects=True)
        assert_no_tracking_without_consent(response, rekisterikit_statement, strict=True, necessary=["rk_csrf"])


def test_a_visitor_who_accepted_marketing_gets_the_pixel(client: FlaskClient, consent_cookie: ConsentCookies,
                                                         rekisterikit_statement: Statement) -> None:
    """With the consent cookie the marketing script runs; it is tracking for a visitor who accepted nothing."""
    client.set_cookie(consent_cookie.name, consent_cookie("marketing"))
    response = client.get("/")
    assert 'data-rk-for="marketing"' in response.get_data(as_text=True)
    assert_no_tracking_without_consent(response, rekisterikit_statement, consent=["marketing"])
    with pytest.raises(AssertionError, match="needs consent to marketing"):
        assert_no_tracking_without_consent(response, rekisterikit_statement)

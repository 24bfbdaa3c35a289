"""The testing kit's Django recipe (docs/testing.md) against the example shop: statement, fixtures, no tracking."""

from __future__ import annotations

from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.test import Client  # noqa: E402

from rekisterikit import Statement  # noqa: E402
from rekisterikit.testing import assert_no_tracking_without_consent  # noqa: E402
from rekisterikit.testing.pytest_plugin import ConsentCookies  # noqa: E402
from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402

pytestmark = [pytest.mark.django_db, pytest.mark.urls("demo_site.urls")]


@pytest.fixture(autouse=True)
def shop_statement(rk_settings: Any) -> None:
    """The shop runs on the corrected Kalvokeskus statement, as in its settings."""
    rk_settings(STATEMENT=KALVOKESKUS)


# -- the recipe: two fixtures in the project's conftest.py ----------------------------------------------------------

@pytest.fixture
def rekisterikit_statement() -> Statement:
    """The statement the Django app publishes (REKISTERIKIT["STATEMENT"])."""
    from rekisterikit.contrib.django.conf import get_statement

    return get_statement()


@pytest.fixture
def rekisterikit_consent_secret(settings: Any) -> str:
    """The secret the consent middleware signs with: Django's SECRET_KEY."""
    return str(settings.SECRET_KEY)


# -- the tests ------------------------------------------------------------------------------------------------------

@pytest.mark.rekisterikit_compliant
def test_the_published_statement_is_compliant() -> None:
    """The marker passes for the shop's statement (it would fail the test with the findings otherwise)."""


def test_a_new_visitor_is_not_tracked(client: Client, rekisterikit_statement: Statement) -> None:
    """Before any choice the shop's pages set no statistics or marketing cookie and run no gated script."""
    for url in ("/", "/cart/", "/privacy/settings/"):
        assert_no_tracking_without_consent(client.get(url), rekisterikit_statement, strict=True,
                                           necessary=["csrftoken", "sessionid"])


def test_a_visitor_who_accepted_statistics_gets_only_statistics(client: Client, consent_cookie: ConsentCookies,
                                                                 rekisterikit_statement: Statement) -> None:
    """With the consent cookie the statistics script runs; it is tracking for a visitor who accepted nothing."""
    client.cookies[consent_cookie.name] = consent_cookie("statistics")
    response = client.get("/")
    assert 'data-rk-for="statistics"' in response.content.decode()
    assert_no_tracking_without_consent(response, rekisterikit_statement, consent=consent_cookie.state("statistics"))
    with pytest.raises(AssertionError, match="needs consent to statistics"):
        assert_no_tracking_without_consent(response, rekisterikit_statement)

"""Tests of the REKISTERIKIT settings: defaults, validation, statement loading, caching, locale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.core.exceptions import ImproperlyConfigured  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import translation  # noqa: E402

from rekisterikit.contrib.django import conf  # noqa: E402
from rekisterikit.contrib.django.store import DjangoConsentStore  # noqa: E402
from rekisterikit.errors import LoadError  # noqa: E402
from rekisterikit.findings import Severity  # noqa: E402
from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402
from tests.contrib.django.statements import SHOP  # noqa: E402


def test_defaults_fill_what_the_dict_leaves_out() -> None:
    """Keys not given take the documented defaults; the secret is SECRET_KEY."""
    config = conf.get_config()
    assert ("rk_consent", dt.timedelta(days=365), True, "Lax", Severity.ERROR, Severity.WARNING, "fi") == (
        config.consent.cookie_name, config.consent.max_age, config.consent.gpc, config.consent.samesite,
        config.check_fail_level, config.check_report_level, config.default_locale)
    assert "rekisterikit-tests-not-a-secret-0123456789" == config.consent.secret


def test_store_default_is_the_orm_store() -> None:
    """The default STORE is the Django ORM store."""
    assert isinstance(conf.get_store(), DjangoConsentStore)


def test_config_is_cached_and_cleared_when_settings_change(rk_settings: Any) -> None:
    """get_config() is cached; changing REKISTERIKIT gives a new config."""
    first = conf.get_config()
    assert first is conf.get_config()
    rk_settings(COOKIE_NAME="shop_consent", COOKIE_AGE=3600, GPC=False)
    changed = conf.get_config()
    assert ("shop_consent", dt.timedelta(hours=1), False) == (changed.consent.cookie_name, changed.consent.max_age,
                                                               changed.consent.gpc)


def test_secret_key_fallbacks_are_old_secrets(settings: Any) -> None:
    """SECRET_KEY_FALLBACKS become the consent codec's old secrets (key rotation)."""
    settings.SECRET_KEY_FALLBACKS = ["an-old-secret-key-0123456789"]
    assert ("an-old-secret-key-0123456789",) == conf.get_config().consent.old_secrets


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("NO_SUCH_KEY", 1, "unknown key"),
    ("COOKIE_AGE", "a year", "COOKIE_AGE"),
    ("COOKIE_AGE", -5, "positive"),
    ("COOKIE_NAME", "bad name;", "invalid cookie name"),
    ("COOKIE_SAMESITE", "Sometimes", "samesite"),
    ("CHECK_FAIL_LEVEL", "fatal", "CHECK_FAIL_LEVEL"),
    ("DEFAULT_LOCALE", "de", "DEFAULT_LOCALE"),
    ("STORE", "no.such.Store", "cannot import"),
    ("CHECK_IGNORE", "RK-PURPOSES", "CHECK_IGNORE"),
    ("PAGE_CACHE_SECONDS", -1, "PAGE_CACHE_SECONDS"),
    ("GPC_COVERS", "marketing", "GPC_COVERS"),
    ("CONSENT_MODE_SERVICES", [""], "CONSENT_MODE_SERVICES"),
])
def test_invalid_settings_are_improperly_configured(rk_settings: Any, key: str, value: object,
                                                    expected: str) -> None:
    """Each invalid value raises ImproperlyConfigured naming the problem."""
    rk_settings(**{key: value})
    with pytest.raises(ImproperlyConfigured, match=expected):
        conf.get_config()


def test_statement_from_a_file_path_and_a_path_object() -> None:
    """A .toml path (str or Path) loads the file."""
    assert (conf.load_statement(KALVOKESKUS).controller.name, conf.load_statement(Path(KALVOKESKUS)).version) == (
        "Miska Selin", conf.load_statement(KALVOKESKUS).version)


def test_statement_from_a_dotted_path_a_callable_and_an_object() -> None:
    """A dotted path to a Statement or to a callable returning one, or the object itself, is used as is."""
    assert [SHOP, SHOP, SHOP] == [conf.load_statement("tests.contrib.django.statements.SHOP"),
                                  conf.load_statement("tests.contrib.django.test_conf.make_shop"),
                                  conf.load_statement(SHOP)]


def make_shop() -> Any:
    """A callable the STATEMENT setting may name."""
    return SHOP


@pytest.mark.parametrize(("value", "expected"), [
    (None, "not set"),
    ("/no/such/statement.toml", "no such file"),
    ("tests.contrib.django.statements.NOPE", "cannot import"),
    ("tests.contrib.django.statements.EVIL", "not a rekisterikit Statement"),
    (42, "must be a path"),
])
def test_bad_statement_settings(value: object, expected: str) -> None:
    """A missing, unknown or wrong statement setting raises ImproperlyConfigured."""
    with pytest.raises(ImproperlyConfigured, match=expected):
        conf.load_statement(value)


def test_invalid_statement_file_raises_load_error(tmp_path: Path) -> None:
    """A statement file with errors raises LoadError with its problems."""
    path = tmp_path / "bad.toml"
    path.write_text('[controller]\nname = "Kauppa"\nbusiness_id = "1234567-8"\n', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        conf.load_statement(str(path))
    assert any("$.controller.business_id" in p for p in info.value.problems)


@pytest.mark.parametrize(("django_language", "expected"), [
    ("fi", "fi"), ("sv", "sv"), ("sv-fi", "sv"), ("en-gb", "en"), ("de", "fi"),
])
def test_active_locale_follows_django(django_language: str, expected: str) -> None:
    """Django's active language maps onto fi/sv/en; others fall back to DEFAULT_LOCALE."""
    with translation.override(django_language):
        assert expected == conf.active_locale()


@pytest.mark.django_db
def test_user_subject_is_an_opaque_reference(django_user_model: Any) -> None:
    """Signed-in users are 'user:<pk>'; anonymous visitors have no subject."""
    from django.contrib.auth.models import AnonymousUser

    user = django_user_model.objects.create_user("asiakas", password="x")
    request = RequestFactory().get("/")
    request.user = user
    anonymous = RequestFactory().get("/")
    anonymous.user = AnonymousUser()
    assert (f"user:{user.pk}", None, None) == (conf.request_subject(request), conf.request_subject(anonymous),
                                               conf.user_subject(RequestFactory().get("/")))


def test_subject_setting_none_links_no_subject(rk_settings: Any) -> None:
    """SUBJECT=None records decisions without a subject."""
    rk_settings(SUBJECT=None)
    assert conf.request_subject(RequestFactory().get("/")) is None


def test_gpc_covers_and_consent_mode_services_reach_the_consent_core(rk_settings: Any) -> None:
    """GPC_COVERS and CONSENT_MODE_SERVICES become the consent service's settings."""
    rk_settings(GPC_COVERS=["marketing", "statistics"], CONSENT_MODE_SERVICES=["google-analytics"])
    consent = conf.get_config().consent
    assert (("marketing", "statistics"), ("google-analytics",)) == (consent.gpc_covers,
                                                                    consent.consent_mode_services)

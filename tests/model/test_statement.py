"""The statement and its site-wide parts."""

from __future__ import annotations

import pytest

from rekisterikit.model import (
    Children,
    Controller,
    Cookie,
    CookieCategory,
    Language,
    LocalizedText,
    Register,
    Right,
    Rights,
    Statement,
)


def _statement(**kwargs: object) -> Statement:
    return Statement(controller=Controller(name="Confetti"), **kwargs)  # type: ignore[arg-type]


def test_defaults_describe_a_rekisterikit_rendered_statement() -> None:
    """By default every right is explained and cookie consent is a prior opt-in."""
    statement = _statement()
    assert tuple(Right) == statement.rights.listed
    assert statement.rights.complaint
    assert not statement.cookie_policy.preticked
    assert Language.FI == statement.default_language


def test_controller_name_is_required_and_not_blank() -> None:
    """A controller has a name; a blank one is rejected."""
    with pytest.raises(ValueError, match="name is empty"):
        Controller(name=" ")


def test_languages_must_be_unique_and_present() -> None:
    """A statement is published in at least one language, each once."""
    with pytest.raises(ValueError, match="at least one"):
        _statement(languages=())
    with pytest.raises(ValueError, match="repeated fi"):
        _statement(languages=(Language.FI, Language.FI))
    assert Language.SV == _statement(languages=(Language.SV, Language.FI)).default_language


def test_register_keys_are_unique() -> None:
    """Two registers with one key are rejected."""
    register = Register(key="a", name=LocalizedText(fi="A"))
    with pytest.raises(ValueError, match="repeated key a"):
        _statement(registers=(register, register))


def test_cookie_patterns_match_names() -> None:
    """A declared pattern such as '_ga_*' matches the cookies it stands for, an exact name only itself."""
    assert Cookie(name="_ga_*").matches("_ga_ABC123")
    assert not Cookie(name="_ga_*").matches("_gid")
    assert Cookie(name="_ga").matches("_ga")
    assert not Cookie(name="_ga").matches("_ga_X")


def test_cookies_by_category() -> None:
    """Cookies can be listed per category."""
    ga = Cookie(name="_ga", category=CookieCategory.STATISTICS)
    session = Cookie(name="sessionid", category=CookieCategory.NECESSARY)
    statement = _statement(cookies=(ga, session))
    assert (ga,) == statement.cookies_in(CookieCategory.STATISTICS)
    assert CookieCategory.STATISTICS.needs_consent
    assert not CookieCategory.NECESSARY.needs_consent


def test_invalid_numbers_in_rights_and_children() -> None:
    """Out-of-range response times and ages are malformed values."""
    with pytest.raises(ValueError, match="response_days"):
        Rights(response_days=0)
    with pytest.raises(ValueError, match="minimum_age"):
        Children(offered_to_children=True, minimum_age=30)
    with pytest.raises(ValueError, match="repeated access"):
        Rights(listed=(Right.ACCESS, Right.ACCESS))


def test_version_is_stable_and_content_sensitive() -> None:
    """The same content gives the same hash; any published change gives another."""
    a = _statement(intro=LocalizedText(fi="Hei"))
    b = _statement(intro=LocalizedText(fi="Hei"))
    c = _statement(intro=LocalizedText(fi="Moi"))
    assert a.version == b.version
    assert a.version != c.version
    assert a.version.startswith("sha256:")
    assert 7 + 64 == len(a.version)

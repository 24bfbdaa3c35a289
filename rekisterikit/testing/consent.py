"""Signed consent cookies for test clients: a visitor who has accepted exactly the categories a test needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rekisterikit.consent.codec import ConsentCodec
from rekisterikit.consent.state import (
    ConsentMethod,
    ConsentState,
    consent_fingerprint,
    new_consent_id,
    offered_categories,
    parse_category,
)
from rekisterikit.model import CookieCategory, Statement

__all__ = ["consent_cookie_value", "consent_state"]


def consent_state(statement: Statement, categories: Iterable[str | CookieCategory] = (), *,
                  method: ConsentMethod | str = ConsentMethod.CUSTOM, locale: str = "fi",
                  given_at: dt.datetime | None = None) -> ConsentState:
    """The consent state of a visitor who accepted ``categories`` of ``statement``, as the banner records it.

    Args:
        statement: the statement the consent is for (its version and consent fingerprint are bound in).
        categories: the accepted categories (``"preferences"``, ``"statistics"``, ``"marketing"``; ``necessary``
            is always on and may be listed). As with the real banner, only categories the statement offers (has a
            declared cookie in) are granted.
        method: how the choice was made.
        locale: the language the visitor was asked in.
        given_at: when; now by default.

    Raises:
        ValueError: a category name is unknown.
    """
    wanted = frozenset(parse_category(c) for c in categories)
    granted = wanted & frozenset(offered_categories(statement))
    return ConsentState(consent_id=new_consent_id(), version=statement.version,
                        fingerprint=consent_fingerprint(statement),
                        given_at=given_at or dt.datetime.now(dt.UTC), granted=granted,
                        method=ConsentMethod(method), locale=locale)


def consent_cookie_value(statement: Statement, categories: Iterable[str | CookieCategory] = (), *,
                         secret: str | bytes, method: ConsentMethod | str = ConsentMethod.CUSTOM,
                         locale: str = "fi", given_at: dt.datetime | None = None) -> str:
    """The signed value of the consent cookie (``rk_consent``) for a visitor who accepted ``categories``.

    Set it on a test client to test pages as a visitor who has chosen, e.g. Django's
    ``client.cookies["rk_consent"] = value`` or Flask's ``client.set_cookie("rk_consent", value)``.

    Args:
        statement: the shop's statement (the cookie is valid only for its consent fingerprint).
        categories: the accepted categories; see :func:`consent_state`.
        secret: the application's secret the adapter signs with (Django's and Flask's ``SECRET_KEY`` unless
            configured otherwise).
        method: how the choice was made.
        locale: the language the visitor was asked in.
        given_at: when; now by default (a consent older than its maximum age is not valid).

    Raises:
        ConsentError: the secret is shorter than 16 bytes.
        ValueError: a category name is unknown.
    """
    state = consent_state(statement, categories, method=method, locale=locale, given_at=given_at)
    return ConsentCodec(secret).encode(state)

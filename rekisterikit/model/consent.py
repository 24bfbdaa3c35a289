"""What the statement says about its consent banner: named services and the shop's own banner texts.

Both are optional. Without a ``[consent]`` table the banner derives one service per cookie provider and category
from the cookie declaration and uses the library's texts (fi, sv, en).
"""

from __future__ import annotations

from typing import Any

from attrs import define, field

from rekisterikit.model.enums import CookieCategory
from rekisterikit.model.parties import non_blank
from rekisterikit.model.register import key_tuple, unique, valid_key
from rekisterikit.model.values import LocalizedText, validate_url

__all__ = ["BannerTexts", "ConsentSettings", "ConsentTexts", "CookieService"]


def _optional_category(instance: object, attribute: Any, value: CookieCategory) -> None:
    if not CookieCategory(value).needs_consent:
        raise ValueError("a service needing no consent has no place in the banner: use an optional category")


def _names(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for name in value:
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{attribute.name}: empty name")
    unique(instance, attribute, value)


@define(frozen=True, kw_only=True)
class CookieService:
    """A service the visitor can allow on its own inside a category (Google Analytics, YouTube, Meta Pixel).

    Attributes:
        key: the service's key, used in templates (``{% gated_embed "youtube" … %}``) and in the consent cookie.
        name: the name the visitor sees ("YouTube").
        category: the optional cookie category the service belongs to.
        provider: the company that receives the data; by default the provider of the service's cookies.
        cookies: names (or ``*`` patterns) of declared cookies that belong to the service.
        hosts: host names the service loads content from (``"www.youtube-nocookie.com"``), for embeds.
        description: what the service does, in the visitor's words.
        privacy_url: the provider's privacy notice.
    """

    key: str = field(validator=valid_key)
    name: str = field(validator=non_blank)
    category: CookieCategory = field(validator=_optional_category)
    provider: str | None = field(default=None, validator=non_blank)
    cookies: tuple[str, ...] = field(default=(), validator=_names)
    hosts: tuple[str, ...] = field(default=(), validator=_names)
    description: LocalizedText | None = None
    privacy_url: str | None = field(default=None, validator=validate_url)


@define(frozen=True, kw_only=True)
class BannerTexts:
    """The shop's own banner texts in one language; each replaces the library's text when given.

    An empty string is kept as written (a faithful model of the file) but never shown: the banner falls back to
    the library's text and the validator rule ``RK-CONSENT-TEXTS`` reports it, because the reject button and the
    purposes must not disappear.

    Attributes:
        title: the banner's heading ("Evästeet").
        intro: the first paragraph.
        accept_all: the "accept all" button's label.
        reject_all: the "reject all" button's label.
        customize: the "choose cookies" toggle's label.
        save: the "save choices" button's label.
        preferences: the purpose of the preferences category.
        statistics: the purpose of the statistics category.
        marketing: the purpose of the marketing category.
    """

    title: str | None = None
    intro: str | None = None
    accept_all: str | None = None
    reject_all: str | None = None
    customize: str | None = None
    save: str | None = None
    preferences: str | None = None
    statistics: str | None = None
    marketing: str | None = None


@define(frozen=True, kw_only=True)
class ConsentTexts:
    """The shop's banner texts per language: ``[consent.texts.fi]``, ``[consent.texts.sv]``, ``[consent.texts.en]``."""

    fi: BannerTexts | None = None
    sv: BannerTexts | None = None
    en: BannerTexts | None = None


def _unique_service_keys(instance: object, attribute: Any, value: tuple[CookieService, ...]) -> None:
    key_tuple(instance, attribute, tuple(s.key for s in value))


@define(frozen=True, kw_only=True)
class ConsentSettings:
    """The ``[consent]`` table: named services and the shop's banner texts.

    Attributes:
        services: services named by the shop; cookies not claimed by one are grouped by provider.
        texts: the shop's banner texts per language.
    """

    services: tuple[CookieService, ...] = field(default=(), validator=_unique_service_keys)
    texts: ConsentTexts | None = None

"""The banner's words: the library's catalog texts, replaced where the shop's statement gives its own.

:func:`banner_texts` returns every text the banner shows in one language (besides what comes from the statement
itself: cookie and service names, purposes, providers), with the shop's ``[consent.texts.<lang>]`` overrides
applied. An empty override is never shown — the library's text is used and the validator rule
``RK-CONSENT-TEXTS`` reports it — so the reject button and the purposes cannot disappear. :func:`texts_hash` is
what each consent record keeps, so a proof can show the exact words the visitor saw.
"""

from __future__ import annotations

import hashlib
import json

from rekisterikit.model import BannerTexts, CookieCategory, Statement
from rekisterikit.render.i18n import N_, language, translator

__all__ = ["CATEGORY_LABELS", "CATEGORY_PURPOSES", "CATEGORY_SHORT_PURPOSES", "TEXT_KEYS", "banner_texts",
           "texts_hash", "texts_json"]

CATEGORY_LABELS = {
    CookieCategory.NECESSARY: N_("Necessary"),
    CookieCategory.PREFERENCES: N_("Functional"),  # not "Asetukset": it would clash with "Evästeasetukset"
    CookieCategory.STATISTICS: N_("Statistics"),
    CookieCategory.MARKETING: N_("Marketing"),
}
CATEGORY_PURPOSES = {
    CookieCategory.NECESSARY: N_("Needed for the shop to work: the shopping cart, signing in, security and "
                                 "remembering your cookie choice. Always on."),
    CookieCategory.PREFERENCES: N_("Remember your choices, such as the language, to make the site easier to use."),
    CookieCategory.STATISTICS: N_("Show us how the site is used, so that we can improve it."),
    CookieCategory.MARKETING: N_("Used to show you relevant advertising and to measure it, also on other sites."),
}

#: The first layer's short purposes ("Statistics: measuring how the site is used.").
CATEGORY_SHORT_PURPOSES = {
    CookieCategory.PREFERENCES: N_("remembering your choices"),
    CookieCategory.STATISTICS: N_("measuring how the site is used"),
    CookieCategory.MARKETING: N_("advertising and measuring it"),
}

_DEFAULTS = {
    "title": N_("Cookies"),
    "intro": N_("We use necessary cookies. With your consent we also use the cookies below; you can change your "
                "choice at any time."),
    "accept_all": N_("Accept all"),
    "reject_all": N_("Reject all"),
    "customize": N_("Choose cookies"),
    "save": N_("Save choices"),
}

#: The keys of :func:`banner_texts` a shop may override (the fields of :class:`~rekisterikit.model.BannerTexts`).
TEXT_KEYS: tuple[str, ...] = (*_DEFAULTS, "preferences", "statistics", "marketing")


def _override(statement: Statement | None, lang: str) -> BannerTexts | None:
    if statement is None or statement.consent is None or statement.consent.texts is None:
        return None
    found: BannerTexts | None = getattr(statement.consent.texts, lang, None)
    return found


def banner_texts(statement: Statement | None, *, locale: str) -> dict[str, str]:
    """Every overridable banner text in ``locale``: the shop's where given (and not empty), else the library's.

    Keys: ``title``, ``intro``, ``accept_all``, ``reject_all``, ``customize``, ``save``, ``necessary``,
    ``preferences``, ``statistics``, ``marketing`` (each category's purpose, in the settings layer),
    ``preferences_short``, ``statistics_short``, ``marketing_short`` (the first layer's short purposes; a shop's
    purpose replaces both) and ``language``.
    """
    lang = language(locale).value
    t = translator(lang)
    texts = {key: t.gettext(msgid) for key, msgid in _DEFAULTS.items()}
    for category, msgid in CATEGORY_PURPOSES.items():
        texts[category.value] = t.gettext(msgid)
    for category, msgid in CATEGORY_SHORT_PURPOSES.items():
        texts[f"{category.value}_short"] = t.gettext(msgid)
    own = _override(statement, lang)
    if own is not None:
        for key in TEXT_KEYS:
            value = getattr(own, key)
            if isinstance(value, str) and value.strip():
                texts[key] = value
                if f"{key}_short" in texts:  # the shop's one purpose serves both layers
                    texts[f"{key}_short"] = value
    texts["language"] = lang
    return texts


def texts_json(texts: dict[str, str]) -> str:
    """The canonical JSON of a :func:`banner_texts` result (sorted keys, UTF-8, no spaces)."""
    return json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def texts_hash(texts: dict[str, str]) -> str:
    """``"sha256:"`` and the hex SHA-256 of :func:`texts_json`: what a consent record keeps of the words shown."""
    return "sha256:" + hashlib.sha256(texts_json(texts).encode("utf-8", "surrogatepass")).hexdigest()

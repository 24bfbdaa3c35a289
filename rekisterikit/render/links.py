"""Safe link targets: only ``http(s):``, ``mailto:`` and ``tel:`` addresses, built by the renderer itself."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

__all__ = ["SAFE_SCHEMES", "is_safe", "mailto", "tel", "web"]

#: The URL schemes a rendered statement may link to.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_EMAIL = re.compile(r"[^@\s<>\"'\\]+@[^@\s<>\"'\\/?#]+\.[^@\s<>\"'\\/?#]+")
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\`]")


def web(url: str | None) -> str | None:
    """Return ``url`` when it is an absolute ``http``/``https`` address without spaces, quotes or controls."""
    if not url or _UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def mailto(email: str | None) -> str | None:
    """Return a ``mailto:`` link for a plain e-mail address, or ``None`` when it is not one."""
    if not email or not _EMAIL.fullmatch(email):
        return None
    return "mailto:" + quote(email, safe="@.+-_")


def tel(phone: str | None) -> str | None:
    """Return a ``tel:`` link for a phone number (digits, spaces and ``+()-/.``), or ``None``."""
    if not phone:
        return None
    digits = re.sub(r"[\s()/.\-]", "", phone)
    if not re.fullmatch(r"\+?[0-9]{3,}", digits):
        return None
    return "tel:" + digits


_ANCHOR = re.compile(r"#rk-[a-z0-9_-]+")


def is_safe(href: str) -> bool:
    """Whether ``href`` may be emitted: one of :data:`SAFE_SCHEMES` without controls, or an ``#rk-…`` anchor."""
    if _ANCHOR.fullmatch(href):
        return True
    if _UNSAFE_CHARS.search(href):
        return False
    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
    if scheme not in SAFE_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return web(href) is not None
    return len(href) > len(scheme) + 1

"""Parent-domain cookies: where trackers keep their cookies, so that a withdrawal without JavaScript removes them.

gtag.js (``cookie_domain: "auto"``) and the Meta pixel set ``_ga``, ``_ga_<id>`` and ``_fbp`` on the highest
domain they may — the registrable domain, ``Domain=shop.fi`` for a page on ``www.shop.fi``. A ``Set-Cookie`` that
expires ``_ga`` without a ``Domain`` attribute deletes only a host-only cookie of that name and leaves the tracker's.
:func:`expire_everywhere` therefore expires each cookie host-only *and* on every parent domain of the request host
up to its registrable domain, which the Public Suffix List defines (through the ``publicsuffixlist`` package and
its bundled snapshot of the list; nothing is fetched at run time). A browser ignores the ``Set-Cookie`` of a
domain where it holds no such cookie, so the extra headers are harmless.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from rekisterikit.consent.cookies import SetCookie

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

__all__ = ["cookie_domains", "expire_everywhere", "registrable_domain", "with_parent_domains"]

_psl: PublicSuffixList | None = None
_psl_lock = threading.Lock()


def _list() -> PublicSuffixList:
    global _psl  # noqa: PLW0603 - one parsed list per process, built on first use
    with _psl_lock:
        if _psl is None:
            from publicsuffixlist import PublicSuffixList

            _psl = PublicSuffixList()  # the bundled snapshot; parsing it once takes a few milliseconds
        return _psl


def _hostname(host: str) -> str | None:
    """``host`` without port, trailing dot and case, or ``None`` for an IP address or a malformed name."""
    host = host.strip().lower()
    if host.startswith("["):  # an IPv6 literal, with or without a port
        return None
    name, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
    if port and not port.isdigit():
        return None
    name = name.rstrip(".")
    try:
        ipaddress.ip_address(name)
    except ValueError:
        pass
    else:
        return None
    labels = name.split(".")
    if not name or len(name) > 253 or any(not label or len(label) > 63 for label in labels):
        return None
    return name


def registrable_domain(host: str) -> str | None:
    """The registrable domain of ``host`` (``shop.fi`` for ``www.shop.fi:8000``, ``shop.co.uk`` for ``a.shop.co.uk``).

    Returns:
        ``None`` for an IP address, a name that is itself a public suffix (``fi``, ``github.io``), a single label
        (``localhost``) or a malformed host.
    """
    name = _hostname(host)
    if name is None or "." not in name:
        return None
    found: str | None = _list().privatesuffix(name)
    return found


def cookie_domains(host: str) -> tuple[str, ...]:
    """The ``Domain`` attributes under which a cookie readable on ``host`` can have been set.

    ``host`` itself and each parent up to the registrable domain, nearest first: ``("www.shop.fi", "shop.fi")`` for
    ``www.shop.fi``; empty when ``host`` has no registrable domain (an IP address, ``localhost``).
    """
    name = _hostname(host)
    top = registrable_domain(host)
    if name is None or top is None:
        return ()
    labels = name.split(".")
    depth = top.count(".") + 1
    return tuple(".".join(labels[i:]) for i in range(len(labels) - depth + 1))


def expire_everywhere(names: Iterable[str], *, host: str | None, path: str = "/", domain: str | None = None,
                      secure: bool = False, samesite: Literal["Lax", "Strict", "None"] = "Lax"
                      ) -> tuple[SetCookie, ...]:
    """Cookies that delete each of ``names`` host-only (or on ``domain``) and on every parent domain of ``host``.

    Args:
        names: the cookie names to delete (e.g. :attr:`Decision.delete_cookies
            <rekisterikit.consent.Decision.delete_cookies>`).
        host: the request's ``Host`` (a port is ignored); ``None`` deletes host-only cookies only.
        path: the cookies' ``Path``.
        domain: the configured cookie domain; deleted there instead of host-only.
        secure: the ``Secure`` attribute of the deleting cookies.
        samesite: their ``SameSite`` attribute.

    Returns:
        For each name, the deletion as configured first, then one per parent domain (not repeating ``domain``).
    """
    configured = domain.lstrip(".").lower() if domain else None
    parents = cookie_domains(host) if host else ()
    cookies: list[SetCookie] = []
    for name in dict.fromkeys(names):
        cookies.append(SetCookie.expire(name, path=path, domain=domain, secure=secure, samesite=samesite))
        cookies.extend(SetCookie.expire(name, path=path, domain=parent, secure=secure, samesite=samesite)
                       for parent in parents if parent != configured)
    return tuple(cookies)


def with_parent_domains(cookies: Iterable[SetCookie], host: str | None) -> tuple[SetCookie, ...]:
    """``cookies`` with, after each deletion (``max_age == 0``), the same deletion on every parent domain of ``host``.

    For adapters: ``with_parent_domains(decision.expire, request_host)`` is what to send after a withdrawal, so
    that the trackers' parent-domain cookies go too. Cookies that are set (``max_age > 0``) are kept as they are.
    """
    parents = cookie_domains(host) if host else ()
    result: list[SetCookie] = []
    for cookie in cookies:
        result.append(cookie)
        if cookie.max_age > 0:
            continue
        configured = cookie.domain.lstrip(".").lower() if cookie.domain else None
        result.extend(attrs.evolve(cookie, domain=parent) for parent in parents if parent != configured)
    return tuple(result)

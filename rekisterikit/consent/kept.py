"""Answers the adapters keep between requests: a visitor sends the same consent cookie and the same cookie names on
every page view, so the request path reads each distinct value once.

Both caches are bounded (emptied when full) and keyed by the consent service, so a new statement or configuration
never reuses an answer of the old one. Only a correctly signed consent in force is kept: an entry can only come from
a cookie this site signed, and forged, expired or unreadable cookies are verified anew on every request (and fail
closed there).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from rekisterikit.consent.service import ConsentService
    from rekisterikit.consent.state import ConsentState
    from rekisterikit.model import CookieCategory

__all__ = ["declined_cookies", "read"]

#: At most this many entries per cache; a full cache is emptied.
MAX_ENTRIES: Final = 1024

_READS: dict[tuple[object, str, bool], tuple[ConsentState, dt.datetime]] = {}
_DECLINED: dict[tuple[object, ...], tuple[str, ...]] = {}
_LOCK = threading.Lock()


def read(service: ConsentService, cookies: Mapping[str, str], headers: Mapping[str, str] | None
         ) -> ConsentState | None:
    """``service.read(cookies, headers)``, verified once per cookie value and GPC signal while it is in force.

    A consent in force is kept until the earliest time it could end: the time it was given plus the shorter of
    ``max_age`` and ``reject_max_age`` (a refusal lasts the latter, and GPC may make one); it is read anew when the
    service's clock is before the time it was given.
    """
    value = cookies.get(service.config.cookie_name)
    if not value:
        return service.read(cookies, headers)
    key = (service, value, service.gpc(headers))
    hit = _READS.get(key)
    if hit is not None and hit[0].given_at <= service.now() < hit[1]:
        return hit[0]
    state = service.read(cookies, headers)
    if state is not None:
        until = state.given_at + min(service.config.max_age, service.config.reject_max_age)
        with _LOCK:
            if len(_READS) >= MAX_ENTRIES:
                _READS.clear()
            _READS[key] = (state, until)
    return state


def declined_cookies(service: ConsentService, granted: frozenset[CookieCategory], cookies: Mapping[str, str]
                     ) -> tuple[str, ...]:
    """``service.declined_cookies(granted, cookies)``, kept per service, grant and cookie names (the answer depends
    on the names only)."""
    key = (service, granted, *cookies)
    found = _DECLINED.get(key)
    if found is None:
        found = tuple(service.declined_cookies(granted, cookies))
        with _LOCK:
            if len(_DECLINED) >= MAX_ENTRIES:
                _DECLINED.clear()
            _DECLINED[key] = found
    return found


def clear() -> None:
    """Empty both caches (tests, or a shop that rotates its signing keys without restarting)."""
    with _LOCK:
        _READS.clear()
        _DECLINED.clear()

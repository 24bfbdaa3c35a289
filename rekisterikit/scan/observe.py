"""What a scan records: per pass, the cookies, the storage keys and the requests to other hosts.

Plain attrs classes with no browser code, so that findings, reports and drafts can be computed and tested
without Chromium.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from attrs import define, field

from rekisterikit.findings import Report

__all__ = ["ObservedCookie", "ObservedRequest", "Pass", "PassResult", "ScanResult", "StorageKey"]


class Pass(StrEnum):
    """A pass of the scan, each in a fresh browser context."""

    #: the banner untouched
    NO_DECISION = "no_decision"
    #: "reject all" clicked
    REJECT = "reject"
    #: "accept all" clicked
    ACCEPT = "accept"
    #: accepted, then withdrawn (reopen the banner, reject); what is left afterwards
    WITHDRAW = "withdraw"


@define(frozen=True, kw_only=True)
class ObservedCookie:
    """A cookie the browser held after a page of the pass.

    Attributes:
        name: the cookie's name.
        domain: its domain as the browser stores it (``".shop.test"`` for a parent-domain cookie).
        path: its path.
        expires: when it expires (seconds since the epoch), ``None`` for a session cookie.
        lifetime_days: how long it was set to live when first seen, in days; ``None`` for a session cookie.
        http_only: the HttpOnly flag.
        secure: the Secure flag.
        same_site: ``"Strict"``, ``"Lax"`` or ``"None"``.
        page: the page after whose load it was first seen.
        set_by: ``"header"`` (a Set-Cookie response header), ``"script"`` (``document.cookie``) or ``"unknown"``.
        host_only: whether it is bound to the exact host (no Domain attribute).
    """

    name: str
    domain: str
    path: str
    expires: float | None
    lifetime_days: float | None
    http_only: bool
    secure: bool
    same_site: str
    page: str
    set_by: str
    host_only: bool = True

    @property
    def key(self) -> tuple[str, str, str]:
        """``(name, domain, path)``: what identifies a cookie in the browser."""
        return self.name, self.domain, self.path

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"name": self.name, "domain": self.domain, "path": self.path, "expires": self.expires,
                "lifetime_days": None if self.lifetime_days is None else round(self.lifetime_days, 2),
                "http_only": self.http_only, "secure": self.secure, "same_site": self.same_site,
                "page": self.page, "set_by": self.set_by, "host_only": self.host_only}


@define(frozen=True, kw_only=True)
class StorageKey:
    """A key in localStorage or sessionStorage.

    Attributes:
        kind: ``"local_storage"`` or ``"session_storage"``.
        key: the key.
        origin: the origin whose storage holds it.
        page: the page after whose load it was first seen.
    """

    kind: str
    key: str
    origin: str
    page: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"kind": self.kind, "key": self.key, "origin": self.origin, "page": self.page}


@define(frozen=True, kw_only=True)
class ObservedRequest:
    """A request to a host other than the scanned site's.

    Attributes:
        host: the host name.
        url: the URL without its query string (queries of tracker beacons carry identifiers).
        resource_type: Playwright's resource type (``script``, ``image``, ``ping``, ``fetch``, …).
        page: the page that made it.
    """

    host: str
    url: str
    resource_type: str
    page: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"host": self.host, "url": self.url, "resource_type": self.resource_type, "page": self.page}


@define(frozen=True, kw_only=True)
class PassResult:
    """Everything one pass recorded.

    Attributes:
        name: which pass.
        pages: the pages visited, in order.
        cookies: the cookies seen, each once (the first sighting).
        storage: the storage keys seen.
        requests: requests to other hosts (one per host, resource type and page).
        final_cookies: for the withdrawal pass, the cookies left after the withdrawal; else the cookies at the end.
        consent: how the choice was made: ``"banner"`` (rekisterikit's banner), ``"selector"`` (the user's
            selectors), ``"none"`` (not asked), or ``"not-found"`` (no control to click was found).
        screenshot: a PNG of the first view (the no-decision pass only).
        errors: pages that failed to load, with the reason.
    """

    name: Pass
    pages: tuple[str, ...] = ()
    cookies: tuple[ObservedCookie, ...] = ()
    storage: tuple[StorageKey, ...] = ()
    requests: tuple[ObservedRequest, ...] = ()
    final_cookies: tuple[ObservedCookie, ...] = ()
    consent: str = "none"
    screenshot: bytes | None = field(default=None, repr=False)
    errors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (without the screenshot)."""
        return {"pass": self.name.value, "consent": self.consent, "pages": list(self.pages),
                "cookies": [c.to_dict() for c in self.cookies], "storage": [s.to_dict() for s in self.storage],
                "requests": [r.to_dict() for r in self.requests],
                "final_cookies": [c.to_dict() for c in self.final_cookies], "errors": list(self.errors)}


@define(frozen=True, kw_only=True)
class ScanResult:
    """A whole scan: the passes and the findings held against the statement.

    Attributes:
        url: the start URL.
        passes: the passes in the order they ran.
        report: the findings (``Report``, the same shape as ``check``'s).
        seconds: how long the scan took.
    """

    url: str
    passes: tuple[PassResult, ...]
    report: Report
    seconds: float = 0.0

    def get(self, name: Pass | str) -> PassResult | None:
        """The result of the pass called ``name``, if it ran."""
        for result in self.passes:
            if result.name == Pass(name):
                return result
        return None

    @property
    def pages(self) -> tuple[str, ...]:
        """The pages of the first pass (every pass visits the same pages)."""
        return self.passes[0].pages if self.passes else ()

    def to_dict(self, locale: str = "fi") -> dict[str, Any]:
        """The findings in the JSON contract's shape, plus ``url`` and the passes under ``scan``."""
        data = self.report.to_dict(locale)
        data["scan"] = {"url": self.url, "seconds": round(self.seconds, 2),
                        "passes": [p.to_dict() for p in self.passes]}
        return data

"""``scan_app``: scan a shop's live test server in Chromium and fail unless the scan finds nothing.

For a shop's own test suite, against its live test server (Django's ``live_server``, a Flask or WSGI server on
127.0.0.1)::

    def test_the_shop_tracks_nobody_without_consent(live_server, rekisterikit_scan):
        rekisterikit_scan(live_server.url)

Needs the ``scan`` extra (Playwright) and a system Chromium; Playwright is imported only when a scan runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from rekisterikit.model import Statement
    from rekisterikit.scan import ScanResult

__all__ = ["scan_app"]


def _rehost(url: str, host: str) -> tuple[str, dict[str, str]]:
    """``url`` under ``host`` instead of its address, and the host map that resolves ``host`` to that address."""
    parts = urlsplit(url)
    address = parts.hostname or "127.0.0.1"
    if address == "localhost":
        address = "127.0.0.1"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, "")), {host: address}


def scan_app(live_url: str, statement: Statement | str | Path | None = None, *, host: str | None = None,
             pages: int = 5, fail_on: str = "info", offline: bool = True, stand_ins: bool = True,
             locale: str = "en", **options: Any) -> ScanResult:
    """Scan the app at ``live_url`` in all four passes; raise ``AssertionError`` listing the findings, if any.

    Args:
        live_url: the live test server's base URL (``http://127.0.0.1:PORT`` or ``http://localhost:PORT``).
        statement: the statement to hold the scan against (object or file).
        host: serve the site under this name instead (e.g. ``"www.shop.test"``), resolved to the server's
            address inside Chromium, so that cookies set on the parent domain (``.shop.test``) are exercised. The
            app must accept the name (Django: ``ALLOWED_HOSTS``).
        pages: the most pages each pass visits.
        fail_on: the lowest severity that fails (default ``info``: any finding).
        offline: answer requests to other hosts with empty responses (default: nothing leaves the machine).
        stand_ins: serve the packaged stand-ins for gtag.js and the Meta Pixel.
        locale: the language of the failure message.
        **options: further keyword arguments of :func:`rekisterikit.scan.scan` (``accept_selector``, ``trackers``,
            ``browser``, ``ignore`` …).

    Returns:
        The scan result, when it has no finding at or above ``fail_on``.
    """
    from rekisterikit.scan import scan

    url = live_url
    host_map: Mapping[str, str] | None = options.pop("host_map", None)
    if host is not None:
        url, mapped = _rehost(live_url, host)
        host_map = {**(host_map or {}), **mapped}
    result = scan(url, statement=statement, pages=pages, offline=offline, stand_ins=stand_ins, host_map=host_map,
                  **options)
    failing = result.report.at_least(fail_on)
    if failing:
        lines = [f"rekisterikit scan of {url}: {len(failing)} finding(s) at or above {fail_on}:"]
        lines += [f"  {f.severity.value} {f.rule} @ {f.path}: {f.message.resolve(locale)[0]}" for f in failing]
        raise AssertionError("\n".join(lines))
    return result

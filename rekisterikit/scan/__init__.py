"""``rekisterikit scan``: what a real browser does on the site, held against the statement.

Drives the system's Chromium through Playwright (the ``scan`` extra) in three passes — no decision, reject all,
accept all — plus a withdrawal, each in a fresh browser context, and records cookies, storage keys and requests to
other hosts. :func:`scan` returns a :class:`ScanResult` whose ``report`` has the same shape as ``check``'s.

Importing this package does not import Playwright; :func:`scan` does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rekisterikit.model import Statement
from rekisterikit.scan.browser import (
    CHROMIUM_ARGS,
    REKISTERIKIT_BANNER,
    Progress,
    ScanError,
    ScanSettings,
    chromium_executable,
    host_resolver_rules,
    launch,
)
from rekisterikit.scan.observe import ObservedCookie, ObservedRequest, Pass, PassResult, ScanResult, StorageKey
from rekisterikit.scan.rules import RULES, analyse
from rekisterikit.scan.trackers import (
    KnownCookie,
    Service,
    TrackerData,
    TrackerDataError,
    default_trackers,
    load_trackers,
)

__all__ = [
    "CHROMIUM_ARGS",
    "REKISTERIKIT_BANNER",
    "RULES",
    "STAND_INS",
    "KnownCookie",
    "ObservedCookie",
    "ObservedRequest",
    "Pass",
    "PassResult",
    "ScanError",
    "ScanResult",
    "Service",
    "StorageKey",
    "TrackerData",
    "TrackerDataError",
    "analyse",
    "chromium_executable",
    "default_trackers",
    "host_resolver_rules",
    "launch",
    "load_trackers",
    "scan",
    "stand_in_routes",
]

#: URL patterns of third-party scripts and the packaged offline stand-in that answers for each.
STAND_INS: dict[str, str] = {
    "https://www.googletagmanager.com/gtag/js*": "gtag.js",
    "https://connect.facebook.net/*/fbevents.js*": "fbevents.js",
}


def stand_in_routes() -> dict[str, tuple[str, bytes]]:
    """Routes serving the packaged stand-ins of gtag.js and the Meta Pixel (see :data:`STAND_INS`)."""
    folder = resources.files("rekisterikit.scan").joinpath("data/standins")
    return {pattern: ("application/javascript", folder.joinpath(file).read_bytes())
            for pattern, file in STAND_INS.items()}


def _statement(statement: Statement | str | Path | None) -> tuple[Statement | None, str | None]:
    if statement is None or isinstance(statement, Statement):
        return statement, None
    from rekisterikit.load import load

    return load(statement), str(statement)


def _run(settings: ScanSettings, browser: Any, executable: str | None,
         host_map: Mapping[str, str] | None) -> Any:
    from rekisterikit.scan.browser import run_passes

    if browser is not None:
        return run_passes(browser, settings)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ScanError("Playwright is not installed: pip install 'rekisterikit[scan]'") from None
    outcome: dict[str, Any] = {}

    def work() -> None:  # its own thread: Playwright's sync API refuses a thread with a running event loop
        try:
            with sync_playwright() as pw:
                own = launch(pw, executable=executable, host_map=host_map)
                try:
                    outcome["passes"] = run_passes(own, settings)
                finally:
                    own.close()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="rekisterikit-scan", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["passes"]


def scan(url: str, *, statement: Statement | str | Path | None = None, pages: int = 10, sitemap: bool = False,
         exclude: Iterable[str] = (), robots: bool = True, accept_selector: str | None = None,
         reject_selector: str | None = None, reopen_selector: str | None = None,
         trackers: TrackerData | Iterable[str | Path] | None = None, passes: Iterable[Pass | str] = tuple(Pass),
         host_map: Mapping[str, str] | None = None, offline: bool = False, stand_ins: bool = False,
         routes: Mapping[str, tuple[str, bytes]] | None = None, browser: Any = None,
         executable: str | None = None, timeout: float = 15.0, settle: float = 3.0, screenshots: bool = True,
         ignore: Iterable[str] = (), clicks: Iterable[str] = (), progress: Progress | None = None) -> ScanResult:
    """Scan a site in Chromium and hold what it does against the statement.

    Args:
        url: the start page (``http://`` or ``https://``).
        statement: the statement (a :class:`~rekisterikit.Statement` or a file); without one, only what needs no
            declaration is checked.
        pages: the most pages each pass visits (breadth-first, same origin).
        sitemap: also take pages from ``/sitemap.xml``.
        exclude: path patterns (``*`` wildcards, e.g. ``/admin/*``) the crawler leaves alone.
        robots: obey ``/robots.txt`` (user agent ``rekisterikit``).
        accept_selector: CSS selector of another consent manager's "accept all" control.
        reject_selector: CSS selector of its "reject all" control.
        reopen_selector: CSS selector of the link that reopens its choice (for the withdrawal).
        trackers: the tracker data, or extension files added to the shipped data.
        passes: which passes to run (default: all four).
        host_map: host names to resolve to addresses in Chromium, e.g. ``{"*.shop.test": "127.0.0.1"}``
            (ignored when ``browser`` is given: launch it with :func:`launch`).
        offline: answer every request to another host with an empty response (still recorded).
        stand_ins: serve the packaged stand-ins for gtag.js and the Meta Pixel (implies nothing about
            ``offline``; combine both for a scan that never leaves the machine).
        routes: more URL patterns to answer, ``{pattern: (content_type, body)}``.
        browser: a Playwright ``Browser`` to use (its Playwright must run in this thread); by default the system
            Chromium is launched in a thread of its own.
        executable: the Chromium binary (default: ``REKISTERIKIT_CHROMIUM`` or ``/usr/bin/chromium``).
        timeout: seconds a page may take to load.
        settle: the most seconds to wait for a page's network to go quiet.
        screenshots: take a screenshot of each pass's first view.
        ignore: rule ids, id prefixes or requirement codes whose findings to drop.
        clicks: CSS selectors to click on the first page of every pass, after the choice (e.g. an "add to cart"
            button), so that cookies set only when the visitor does something are seen too.
        progress: called after each page with ``(pass, done, total, url)``.

    Raises:
        ScanError: no browser or Playwright, or the start page does not load.
        LoadError: the statement file cannot be loaded.
        TrackerDataError: a tracker extension file is malformed.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ScanError(f"not an http(s) URL: {url!r}")
    if pages < 1:
        raise ScanError(f"pages must be at least 1, not {pages}")
    loaded, source = _statement(statement)
    data = trackers if isinstance(trackers, TrackerData) else load_trackers(trackers or ())
    all_routes = dict(stand_in_routes()) if stand_ins else {}
    all_routes.update(routes or {})
    local_hosts = frozenset(h.lower() for h in (host_map or {}) if "*" not in h)
    settings = ScanSettings(url=url, pages=pages, sitemap=sitemap, exclude=tuple(exclude), robots=robots,
                            accept_selector=accept_selector, reject_selector=reject_selector,
                            reopen_selector=reopen_selector, passes=tuple(Pass(p) for p in passes),
                            offline=offline, routes=all_routes, local_hosts=local_hosts, timeout=timeout,
                            settle=settle, screenshots=screenshots, clicks=tuple(clicks), progress=progress)
    started = time.monotonic()
    results = _run(settings, browser, executable, host_map)
    report = analyse(results, loaded, data, site_host=parts.hostname, source=source or url)
    dropped = [s.strip() for s in ignore if s.strip()]
    if dropped:
        from rekisterikit.findings import Report

        keep = tuple(f for f in report.findings if not any(
            f.rule == s or f.rule.startswith(s.rstrip("-") + "-") or f.requirement.value == s for s in dropped))
        report = Report(findings=keep, source=report.source, statement_version=report.statement_version)
    return ScanResult(url=url, passes=results, report=report, seconds=time.monotonic() - started)

"""Driving Chromium through Playwright: launching the system browser, crawling, the passes, recording.

Playwright is imported only by the functions that need it (the ``scan`` extra); importing this module costs
nothing. The browser is always the system's Chromium (``REKISTERIKIT_CHROMIUM``, ``/usr/bin/chromium`` or one on
``PATH``): rekisterikit never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser
from xml.etree import ElementTree

from attrs import define, field

from rekisterikit.errors import RekisterikitError
from rekisterikit.scan.observe import ObservedCookie, ObservedRequest, Pass, PassResult, StorageKey

__all__ = [
    "CHROMIUM_ARGS",
    "REKISTERIKIT_BANNER",
    "Controls",
    "Progress",
    "ScanError",
    "ScanSettings",
    "chromium_executable",
    "host_resolver_rules",
    "launch",
    "run_passes",
]

#: Chromium flags for a quiet headless run (no sandbox in containers, no background traffic of its own).
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage")
#: File extensions the crawler does not open as pages.
_NOT_PAGES = (".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".zip", ".gz", ".mp4", ".mp3", ".css",
              ".js", ".json", ".xml", ".txt", ".ico", ".woff", ".woff2")
#: The most of a robots.txt or sitemap the crawler reads.
_MAX_AUX_BYTES = 2_000_000

#: Records the names written through ``document.cookie`` (the page cannot tell the difference).
_COOKIE_HOOK = """(() => {
  const d = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (!d || !d.set || !d.get) { return; }
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true, enumerable: d.enumerable,
    get() { return d.get.call(this); },
    set(value) {
      try {
        const name = String(value).split(";")[0].split("=")[0].trim();
        if (name && typeof window.__rekisterikitCookie === "function") { window.__rekisterikitCookie(name); }
      } catch (e) { /* never break the page */ }
      d.set.call(this, value);
    },
  });
})();"""
_STORAGE_JS = """() => {
  const keys = (s) => { try { return Object.keys(s); } catch (e) { return []; } };
  return {origin: location.origin, local: keys(window.localStorage), session: keys(window.sessionStorage)};
}"""
#: The links of a page, except those of the consent controls (a link that consents is not a page to crawl).
_LINKS_JS = """(els, controls) => els
  .filter(e => !e.closest("[data-rk-consent]") && !controls.some(c => { try { return e.matches(c); }
                                                                    catch (x) { return false; } }))
  .map(e => e.href).filter(h => typeof h === "string")"""


class ScanError(RekisterikitError, RuntimeError):
    """The scan cannot run: no browser, no Playwright, or the start page does not load."""


@define(frozen=True, kw_only=True)
class Controls:
    """CSS selectors of the consent controls; ``None`` where the page offers none."""

    accept: str | None
    reject: str | None
    reopen: str | None


#: rekisterikit's own banner: its buttons and the link that reopens it.
REKISTERIKIT_BANNER = Controls(accept='[data-rk-consent] button[value="accept_all"]',
                               reject='[data-rk-consent] button[value="reject_all"]', reopen="[data-rk-open]")

#: ``progress(pass, done, total, url)``, called after each page.
Progress = Callable[[Pass, int, int, str], None]


@define(frozen=True, kw_only=True)
class ScanSettings:
    """How to scan (the options of :func:`rekisterikit.scan.scan`)."""

    url: str
    pages: int = 10
    sitemap: bool = False
    exclude: tuple[str, ...] = ()
    robots: bool = True
    accept_selector: str | None = None
    reject_selector: str | None = None
    reopen_selector: str | None = None
    passes: tuple[Pass, ...] = tuple(Pass)
    offline: bool = False
    routes: Mapping[str, tuple[str, bytes]] = field(factory=dict)
    local_hosts: frozenset[str] = frozenset()
    timeout: float = 15.0
    settle: float = 3.0
    screenshots: bool = True
    clicks: tuple[str, ...] = ()
    progress: Progress | None = None


def chromium_executable(explicit: str | None = None) -> str:
    """The Chromium to drive: ``explicit``, ``REKISTERIKIT_CHROMIUM``, ``/usr/bin/chromium`` or one on PATH.

    Raises:
        ScanError: none is installed.
    """
    candidates = [explicit, os.environ.get("REKISTERIKIT_CHROMIUM"), "/usr/bin/chromium",
                  shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    if explicit or os.environ.get("REKISTERIKIT_CHROMIUM"):
        raise ScanError(f"Chromium not found at {explicit or os.environ.get('REKISTERIKIT_CHROMIUM')!r}")
    raise ScanError("Chromium is not installed: install it (e.g. apt-get install chromium) or set "
                    "REKISTERIKIT_CHROMIUM to its path")


def host_resolver_rules(host_map: Mapping[str, str]) -> str:
    """Chromium's ``--host-resolver-rules`` value for ``{"*.shop.test": "127.0.0.1"}``."""
    return ", ".join(f"MAP {host} {address}" for host, address in host_map.items())


def launch(playwright: Any, *, executable: str | None = None, host_map: Mapping[str, str] | None = None,
           headless: bool = True) -> Any:
    """Launch the system Chromium through a Playwright instance (``sync_playwright().start()``).

    Args:
        playwright: the Playwright object.
        executable: the Chromium binary (default: :func:`chromium_executable`).
        host_map: host names (``*`` allowed) to resolve to the given addresses, e.g. ``{"*.shop.test":
            "127.0.0.1"}``: a test server on 127.0.0.1 reached under a name with a parent domain.
        headless: run without a window.
    """
    args = list(CHROMIUM_ARGS)
    if host_map:
        args.append("--host-resolver-rules=" + host_resolver_rules(host_map))
    return playwright.chromium.launch(executable_path=chromium_executable(executable), args=args,
                                      headless=headless)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _normalise(url: str) -> str:
    return urldefrag(url)[0]


class _Crawler:
    """The breadth-first frontier: same origin, not excluded, not a file."""

    def __init__(self, settings: ScanSettings, robots: RobotFileParser | None) -> None:
        self.settings = settings
        self.origin = _origin(settings.url)
        self.robots = robots
        self.queue: list[str] = []
        self.known: set[str] = set()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if _origin(url) != self.origin or parts.scheme not in ("http", "https"):
            return False
        if parts.path.lower().endswith(_NOT_PAGES):
            return False
        target = parts.path + ("?" + parts.query if parts.query else "")
        if any(fnmatchcase(target, pattern) or fnmatchcase(parts.path, pattern) for pattern in self.settings.exclude):
            return False
        return self.robots is None or self.robots.can_fetch("rekisterikit", url)

    def add(self, urls: Iterable[str]) -> None:
        for link in urls:
            url = _normalise(link)
            if url not in self.known and self.allowed(url):
                self.known.add(url)
                self.queue.append(url)


def _fetch_text(browser: Any, url: str, timeout_ms: float) -> str | None:
    """GET ``url`` in a throw-away context (so no cookie it sets counts); ``None`` unless it answers 200."""
    context = browser.new_context()
    try:
        page = context.new_page()
        response = page.goto(url, timeout=timeout_ms)
        if response is None or response.status != 200:
            return None
        body: bytes = response.body()
        return body[:_MAX_AUX_BYTES].decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - Playwright errors: an absent file is not an error
        return None
    finally:
        context.close()


def _sitemap_urls(text: str) -> list[str]:
    """The ``<loc>`` URLs of a sitemap (or a sitemap index's sitemaps, not followed further)."""
    try:
        root = ElementTree.fromstring(text)  # size-capped; expat >= 2.4.1 refuses entity expansion bombs
    except ElementTree.ParseError:
        return []
    return [el.text.strip() for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "loc" and el.text]


class _Recorder:
    """Everything one browser context shows: cookies, storage, requests, who set a cookie."""

    def __init__(self, context: Any, settings: ScanSettings, site_host: str) -> None:
        self.context = context
        self.settings = settings
        self.site_host = site_host
        self.page_url = settings.url
        self.script_names: set[str] = set()
        self.header_names: set[str] = set()
        self.responses: list[Any] = []
        self.cookies: dict[tuple[str, str, str], ObservedCookie] = {}
        self.storage: dict[tuple[str, str, str], StorageKey] = {}
        self.requests: dict[tuple[str, str, str], ObservedRequest] = {}
        context.expose_function("__rekisterikitCookie", self._script_cookie)
        context.add_init_script(script=_COOKIE_HOOK)
        self.inflight: set[Any] = set()
        self.last_activity = time.monotonic()
        context.on("request", self._request)
        context.on("requestfinished", self._done)
        context.on("requestfailed", self._done)
        context.on("response", self._response)
        if settings.offline or settings.routes:
            context.route("**/*", self._route)

    def _response(self, response: Any) -> None:
        self.responses.append(response)

    def _script_cookie(self, name: str) -> None:
        self.script_names.add(str(name))

    def _done(self, request: Any) -> None:
        self.inflight.discard(request)
        self.last_activity = time.monotonic()

    def quiet(self, page: Any) -> None:
        """Wait until no request has been in flight for half a second (at most ``settings.settle`` seconds)."""
        deadline = time.monotonic() + self.settings.settle
        while time.monotonic() < deadline:
            if not self.inflight and time.monotonic() - self.last_activity >= 0.5:
                return
            try:
                page.wait_for_timeout(100)
            except Exception:  # noqa: BLE001 - the page closed
                return

    def _request(self, request: Any) -> None:
        self.inflight.add(request)
        self.last_activity = time.monotonic()
        parts = urlsplit(request.url)
        host = (parts.hostname or "").lower()
        if not host or host == self.site_host or parts.scheme not in ("http", "https"):
            return
        key = (host, request.resource_type, self.page_url)
        if key not in self.requests:
            self.requests[key] = ObservedRequest(host=host, url=f"{parts.scheme}://{parts.netloc}{parts.path}",
                                                 resource_type=request.resource_type, page=self.page_url)

    def _route(self, route: Any) -> None:
        url = route.request.url
        for pattern, (content_type, body) in self.settings.routes.items():
            if fnmatchcase(url, pattern):
                route.fulfill(status=200, content_type=content_type, body=body,
                              headers={"access-control-allow-origin": "*"})
                return
        host = (urlsplit(url).hostname or "").lower()
        if self.settings.offline and host != self.site_host and host not in self.settings.local_hosts:
            route.fulfill(status=204, body=b"")
            return
        route.continue_()

    def _drain_responses(self) -> None:
        pending, self.responses[:] = list(self.responses), []
        for response in pending:
            try:
                values = response.header_values("set-cookie")
            except Exception:  # noqa: BLE001 - a response of a closed page
                continue
            for value in values:
                for line in value.split("\n"):
                    name = line.split(";", 1)[0].split("=", 1)[0].strip()
                    if name:
                        self.header_names.add(name)

    def collect(self, page: Any) -> None:
        """Record what the browser holds after ``page`` has settled."""
        self._drain_responses()
        now = time.time()
        for raw in self.context.cookies():
            key = (raw["name"], raw["domain"], raw["path"])
            if key in self.cookies:
                continue
            expires = raw.get("expires", -1)
            persistent = expires is not None and expires > 0
            name = raw["name"]
            set_by = "header" if name in self.header_names else "script" if name in self.script_names else "unknown"
            self.cookies[key] = ObservedCookie(
                name=name, domain=raw["domain"], path=raw["path"], expires=float(expires) if persistent else None,
                lifetime_days=(expires - now) / 86400 if persistent else None,
                http_only=bool(raw.get("httpOnly")), secure=bool(raw.get("secure")),
                same_site=str(raw.get("sameSite", "")), page=self.page_url, set_by=set_by,
                host_only=not raw["domain"].startswith("."))
        try:
            found = page.evaluate(_STORAGE_JS)
        except Exception:  # noqa: BLE001 - a page that navigated away meanwhile
            return
        for kind, keys in (("local_storage", found["local"]), ("session_storage", found["session"])):
            for name in keys:
                skey = (kind, str(name), found["origin"])
                if skey not in self.storage:
                    self.storage[skey] = StorageKey(kind=kind, key=str(name), origin=found["origin"],
                                                    page=self.page_url)

    def reset(self) -> None:
        """Forget what was recorded so far (the browser keeps its state)."""
        self.cookies.clear()
        self.storage.clear()
        self.requests.clear()

    def final_cookies(self) -> tuple[ObservedCookie, ...]:
        now = time.time()
        result = []
        for raw in self.context.cookies():
            expires = raw.get("expires", -1)
            persistent = expires is not None and expires > 0
            result.append(ObservedCookie(
                name=raw["name"], domain=raw["domain"], path=raw["path"],
                expires=float(expires) if persistent else None,
                lifetime_days=(expires - now) / 86400 if persistent else None, http_only=bool(raw.get("httpOnly")),
                secure=bool(raw.get("secure")), same_site=str(raw.get("sameSite", "")), page=self.page_url,
                set_by="unknown", host_only=not raw["domain"].startswith(".")))
        return tuple(result)


def _visit(page: Any, recorder: _Recorder, url: str, settings: ScanSettings) -> tuple[list[str], str | None]:
    """Open ``url``, let it settle, record; return its links and an error, if any."""
    recorder.page_url = url
    try:
        response = page.goto(url, wait_until="load", timeout=settings.timeout * 1000)
    except Exception as exc:  # noqa: BLE001 - Playwright's errors carry the reason
        return [], f"{url}: {str(exc).splitlines()[0]}"
    recorder.quiet(page)
    recorder.collect(page)
    if response is not None and response.status >= 400:
        return [], f"{url}: HTTP {response.status}"
    try:
        controls = [c for c in (settings.accept_selector, settings.reject_selector, settings.reopen_selector) if c]
        links: list[str] = page.eval_on_selector_all("a[href]", _LINKS_JS, controls)
    except Exception:  # noqa: BLE001
        links = []
    return [urljoin(url, link) for link in links], None


def _controls(page: Any, settings: ScanSettings) -> tuple[Controls, str]:
    """The controls to click, and whether they are rekisterikit's banner (``banner``) or the user's selectors."""
    if settings.accept_selector or settings.reject_selector or settings.reopen_selector:
        return Controls(accept=settings.accept_selector, reject=settings.reject_selector,
                        reopen=settings.reopen_selector), "selector"
    try:
        has_banner = page.locator("[data-rk-consent]").count() > 0
    except Exception:  # noqa: BLE001
        has_banner = False
    return (REKISTERIKIT_BANNER, "banner") if has_banner else (Controls(accept=None, reject=None, reopen=None),
                                                               "banner")


def _click(page: Any, recorder: _Recorder, selector: str | None, settings: ScanSettings) -> bool:
    if not selector:
        return False
    try:
        target = page.locator(selector).first
        target.wait_for(state="visible", timeout=min(settings.timeout, 5.0) * 1000)
        target.click(timeout=settings.timeout * 1000)
    except Exception:  # noqa: BLE001 - not there, not visible, or detached: the control was not found
        return False
    recorder.quiet(page)
    return True


def _interact(page: Any, recorder: _Recorder, settings: ScanSettings) -> None:
    """Click each of the user's ``clicks`` selectors on the first page of a pass (after the choice, if any).

    Some cookies are set only when the visitor does something (the session cookie when a product goes into the
    cart): a crawl that only follows links never sees them. Whatever a click loads is recorded with the pass.
    """
    for selector in settings.clicks:
        if _click(page, recorder, selector, settings):
            recorder.collect(page)


def _decide(page: Any, recorder: _Recorder, which: str, settings: ScanSettings) -> str:
    controls, mode = _controls(page, settings)
    selector = controls.accept if which == "accept" else controls.reject
    if not _click(page, recorder, selector, settings):
        return "not-found"
    # What the page did before the choice is the no-decision pass's business; from here on the pass records
    # what follows the choice (cookies still held after it are seen again by ``collect``).
    recorder.reset()
    recorder.collect(page)
    return mode


def _screenshot(page: Any, settings: ScanSettings) -> bytes | None:
    if not settings.screenshots:
        return None
    try:
        shot: bytes = page.screenshot(type="png")
        return shot
    except Exception:  # noqa: BLE001
        return None


def _pass(browser: Any, name: Pass, urls: Sequence[str] | None, settings: ScanSettings,
          site_host: str) -> PassResult:
    """One pass in a fresh context. ``urls`` ``None`` means crawl (the first pass)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce",
                                  locale="fi-FI", ignore_https_errors=False)
    context.set_default_timeout(settings.timeout * 1000)
    try:
        recorder = _Recorder(context, settings, site_host)
        page = context.new_page()
        crawler: _Crawler | None = None
        if urls is None:
            robots = None
            if settings.robots:
                text = _fetch_text(browser, urljoin(settings.url, "/robots.txt"), settings.timeout * 1000)
                if text is not None:
                    robots = RobotFileParser()
                    robots.parse(text.splitlines())
            crawler = _Crawler(settings, robots)
            crawler.known.add(_normalise(settings.url))
            crawler.queue.append(_normalise(settings.url))
            if settings.sitemap:
                text = _fetch_text(browser, urljoin(settings.url, "/sitemap.xml"), settings.timeout * 1000)
                crawler.add(_sitemap_urls(text or ""))
            todo: list[str] = crawler.queue
        else:
            todo = list(urls)
        visited: list[str] = []
        errors: list[str] = []
        consent = "none"
        screenshot = None
        total = settings.pages if urls is None else len(todo)
        while todo and len(visited) < settings.pages:
            url = todo.pop(0)
            links, error = _visit(page, recorder, url, settings)
            if error is not None:
                errors.append(error)
                if not visited and urls is None:
                    raise ScanError(f"the start page does not load: {error}")
            visited.append(url)
            if crawler is not None and len(visited) == 1 and _origin(page.url) != crawler.origin \
                    and page.url.startswith(("http://", "https://")):
                crawler.origin = _origin(page.url)  # the start page redirected (http to https, to www.…)
                crawler.known.add(_normalise(page.url))
            if len(visited) == 1:
                if name is Pass.NO_DECISION:
                    screenshot = _screenshot(page, settings)
                else:
                    consent = _decide(page, recorder, "reject" if name is Pass.REJECT else "accept", settings)
                    screenshot = _screenshot(page, settings)
                _interact(page, recorder, settings)
            if crawler is not None:
                crawler.add(links)
            if settings.progress is not None:
                settings.progress(name, len(visited), min(total, len(visited) + len(todo)), url)
        final = recorder.final_cookies()
        if name is Pass.WITHDRAW and consent != "not-found":
            consent, final = _withdraw(page, recorder, visited[0] if visited else settings.url, settings)
        return PassResult(
            name=name, pages=tuple(visited), cookies=tuple(recorder.cookies.values()),
            storage=tuple(recorder.storage.values()), requests=tuple(recorder.requests.values()),
            final_cookies=final, consent=consent, screenshot=screenshot, errors=tuple(errors))
    finally:
        context.close()


def _withdraw(page: Any, recorder: _Recorder, first: str, settings: ScanSettings) -> tuple[str,
                                                                                          tuple[ObservedCookie, ...]]:
    """Reopen the choice on the first page and reject everything; the cookies left after a fresh load."""
    recorder.page_url = first
    try:
        page.goto(first, wait_until="load", timeout=settings.timeout * 1000)
    except Exception:  # noqa: BLE001
        return "not-found", recorder.final_cookies()
    recorder.quiet(page)
    controls, mode = _controls(page, settings)
    if not _click(page, recorder, controls.reopen, settings) or not _click(page, recorder, controls.reject, settings):
        return "not-found", recorder.final_cookies()
    # The banner may reload the page after a withdrawal; let that finish, then open the page afresh.
    recorder.quiet(page)
    try:
        page.goto(first, wait_until="load", timeout=settings.timeout * 1000)
    except Exception:  # noqa: BLE001 - a reload raced the navigation: try once more
        page.goto(first, wait_until="load", timeout=settings.timeout * 1000)
    recorder.quiet(page)
    return mode, recorder.final_cookies()


def run_passes(browser: Any, settings: ScanSettings) -> tuple[PassResult, ...]:
    """Run the passes of ``settings`` in ``browser``: the first crawls, the others visit the same pages.

    Raises:
        ScanError: the start page does not load.
    """
    site_host = (urlsplit(settings.url).hostname or "").lower()
    results: list[PassResult] = []
    urls: list[str] | None = None
    for name in settings.passes:
        result = _pass(browser, name, urls, settings, site_host)
        results.append(result)
        if urls is None:
            urls = list(result.pages)
    return tuple(results)

"""Assertions for a shop's own test suite: the statement is compliant, and a page tracks no one without consent.

Both raise :class:`AssertionError` with a message that lists every problem, so that a failing test says what to
fix::

    from rekisterikit.testing import assert_compliant, assert_no_tracking_without_consent

    def test_statement():
        assert_compliant("privacy/statement.toml")

    def test_front_page_without_consent(client, statement):
        assert_no_tracking_without_consent(client.get("/"), statement)
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from attrs import define

from rekisterikit.consent.state import ConsentState, parse_category
from rekisterikit.findings import Finding, Report, Severity
from rekisterikit.model import Cookie, CookieCategory, Language, Statement, StorageKind

__all__ = ["KNOWN_TRACKERS", "TrackingProblem", "assert_compliant", "assert_no_tracking_without_consent"]


# -- assert_compliant -----------------------------------------------------------------------------------------------

def assert_compliant(statement_or_path: Statement | str | os.PathLike[str], *, fail_on: Severity | str = "error",
                     allow: Iterable[str] = (), locale: Language | str = "en",
                     source: str | os.PathLike[str] | None = None) -> Report:
    """Assert that a statement has no findings at or above ``fail_on``, apart from those ``allow`` names.

    Args:
        statement_or_path: the statement, or the path of its TOML or JSON file.
        fail_on: the least severe finding that fails: ``"error"`` (default), ``"warning"`` or ``"info"``.
        allow: rule ids (``"RK-BUSINESS-ID"``), rule-id prefixes (``"RK-COOKIE"``) or requirement codes
            (``"retention"``) whose findings do not fail, e.g. while a fix is under way.
        locale: the language of the messages in the failure (``"fi"``, ``"sv"`` or ``"en"``).
        source: the file a :class:`~rekisterikit.Statement` was loaded from, to name it and give line numbers.

    Returns:
        The full report (all findings, including the allowed and less severe ones).

    Raises:
        AssertionError: a finding fails, or the file cannot be loaded. The message lists each finding's rule,
            severity, article, path (with the line in a TOML file) and message.
        UnknownRuleError: an ``allow`` entry names no rule (a typo must not silently allow nothing). A retired
            rule id (:data:`rekisterikit.validate.registry.RETIRED`) is no error: it allows nothing and gives a
            :class:`DeprecationWarning` asking to remove it.
    """
    from rekisterikit.errors import LoadError
    from rekisterikit.validate import REGISTRY, UnknownRuleError, validate
    from rekisterikit.validate.registry import RETIRED

    level = Severity(fail_on)
    language = Language(locale)
    if isinstance(statement_or_path, Statement):
        statement = statement_or_path
        source = None if source is None else os.fspath(source)
    else:
        from rekisterikit.load import load

        source = os.fspath(statement_or_path)
        try:
            statement = load(source)
        except LoadError as exc:
            raise AssertionError(f"the statement {source} cannot be loaded:\n" + "\n".join(
                f"  {p}" for p in exc.problems)) from exc
    report = validate(statement, source=source)
    allowed: set[str] = set()
    for selector in allow:
        if selector in RETIRED:  # allowed before the rule was retired: nothing to allow now, and no reason to fail
            retired = RETIRED[selector]
            warnings.warn(f"allow: rule {selector} was retired on {retired.retired} and reports nothing; remove it "
                          "from the list", DeprecationWarning, stacklevel=2)
            continue
        rules = REGISTRY.matching(selector)
        if not rules:
            raise UnknownRuleError(f"allow: unknown rule {selector!r} (not a rule id, rule-id prefix or "
                                   "requirement code)")
        allowed.update(r.id for r in rules)
    failing = [f for f in report.at_least(level) if f.rule not in allowed]
    if failing:
        excused = [f for f in report.at_least(level) if f.rule in allowed]
        raise AssertionError(_describe(failing, excused, level, source, language))
    return report


def _describe(failing: list[Finding], excused: list[Finding], level: Severity, source: str | None,
              language: Language) -> str:
    locator = None
    if source is not None and source.lower().endswith(".toml"):
        from rekisterikit.validate.locate import Locator

        try:
            with open(source, encoding="utf-8") as file:
                locator = Locator(file.read())
        except (OSError, UnicodeDecodeError):  # pragma: no cover - it was just loaded
            locator = None
    name = source or "the statement"
    plural = "finding" if len(failing) == 1 else "findings"
    above = "" if level is Severity.INFO else f" at or above {level.value}"
    lines = [f"{name} is not compliant: {len(failing)} {plural}{above}"]
    for f in failing:
        where = f.path
        if locator is not None:
            where += f" (line {locator.line(f.path)})"
        lines.append(f"  {f.rule} [{f.severity.value}] {f.article}")
        lines.append(f"    at {where}")
        lines.append(f"    {f.message.resolve(language)[0]}")
    if excused:
        lines.append("allowed: " + ", ".join(sorted({f.rule for f in excused})))
    return "\n".join(lines)


# -- assert_no_tracking_without_consent -----------------------------------------------------------------------------

#: Hosts (with an optional path prefix) of widespread tracking scripts and pixels, and the consent category they
#: need. A response that loads one of them without the category accepted fails, whether or not the statement
#: declares its cookies. Pass ``trackers=`` to extend or replace the list.
KNOWN_TRACKERS: Mapping[str, CookieCategory] = {
    "google-analytics.com": CookieCategory.STATISTICS,
    "analytics.google.com": CookieCategory.STATISTICS,
    "googletagmanager.com": CookieCategory.STATISTICS,
    "static.hotjar.com": CookieCategory.STATISTICS,
    "script.hotjar.com": CookieCategory.STATISTICS,
    "clarity.ms": CookieCategory.STATISTICS,
    "doubleclick.net": CookieCategory.MARKETING,
    "googleadservices.com": CookieCategory.MARKETING,
    "googlesyndication.com": CookieCategory.MARKETING,
    "connect.facebook.net": CookieCategory.MARKETING,
    "facebook.com/tr": CookieCategory.MARKETING,
    "snap.licdn.com": CookieCategory.MARKETING,
    "px.ads.linkedin.com": CookieCategory.MARKETING,
    "analytics.tiktok.com": CookieCategory.MARKETING,
    "bat.bing.com": CookieCategory.MARKETING,
    "ct.pinterest.com": CookieCategory.MARKETING,
    "static.klaviyo.com": CookieCategory.MARKETING,
}

#: ``type`` values of a ``<script>`` that the browser runs (the empty string is a missing ``type``).
_RUNNABLE = frozenset({"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                       "application/ecmascript", "application/x-javascript", "application/x-ecmascript",
                       "text/x-javascript", "text/x-ecmascript", "text/jscript", "text/livescript",
                       "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
                       "text/javascript1.4", "text/javascript1.5"})
#: The consent cookie's default name (:class:`rekisterikit.consent.ConsentConfig`); always necessary.
_CONSENT_COOKIE = "rk_consent"


@define(frozen=True)
class TrackingProblem:
    """One way a response tracks without consent.

    Attributes:
        kind: ``"cookie"``, ``"script"`` or ``"element"`` (an image or frame, e.g. a tracking pixel).
        what: the cookie's name, or the element as written (shortened).
        category: the category it needs, or ``None`` for an undeclared cookie (``strict=True``).
        reason: why it belongs to that category.
    """

    kind: str
    what: str
    category: CookieCategory | None
    reason: str

    def describe(self) -> str:
        """One line for the failure message."""
        if self.category is None:
            return f"{self.kind} {self.what}: {self.reason}"
        return f"{self.kind} {self.what} needs consent to {self.category.value} ({self.reason})"


def assert_no_tracking_without_consent(response: Any, statement: Statement, *,
                                       consent: ConsentState | Iterable[str | CookieCategory] | None = None,
                                       necessary: Iterable[str] = (), strict: bool = False,
                                       trackers: Mapping[str, CookieCategory | str] | None = None) -> None:
    """Assert that a response sets no cookie and runs no script the visitor has not consented to.

    The response may be a Django test response, a Flask (Werkzeug) test response, an httpx response (Starlette's
    test client), or a plain ``(status, headers, body)`` tuple as a WSGI application produces it (``headers`` a
    mapping or a list of pairs, ``body`` text, bytes or an iterable of bytes).

    It fails on:

    * a ``Set-Cookie`` header for a cookie the statement declares in a category that is not accepted (deleting a
      cookie is fine); with ``strict=True`` also for a cookie the statement does not declare;
    * a ``<script>`` that runs (no ``type``, or a JavaScript ``type``; not ``type="text/plain"``, which is how
      rekisterikit's ``deferred_script`` gates scripts until consent) whose ``data-rk-category`` or
      ``data-rk-for`` names a category that is not accepted, or whose ``src`` or inline code loads from a domain
      the statement declares for such a category (a cookie's ``domain``) or from a :data:`KNOWN_TRACKERS` host;
    * an ``<img>`` or ``<iframe>`` (a tracking pixel) from such a domain or host.

    Args:
        response: the response to inspect.
        statement: the shop's statement: its declared cookies give names, patterns and domains their category.
        consent: what the visitor accepted: a :class:`~rekisterikit.consent.ConsentState` or category names;
            ``None`` (the default) is a first visit, before any choice. Necessary cookies are always allowed.
        necessary: further cookie names or ``*`` patterns to treat as necessary (the consent cookie
            ``rk_consent``, and the statement's necessary cookies, always are).
        strict: also fail on cookies the statement does not declare.
        trackers: host (or host and path prefix) → category; :data:`KNOWN_TRACKERS` by default, ``{}`` for none.

    Raises:
        AssertionError: the response tracks without consent; the message lists each cookie and element.
    """
    granted = _granted(consent)
    status, set_cookies, html = _read_response(response)
    tracker_map = {k.lower(): parse_category(v) for k, v in (KNOWN_TRACKERS if trackers is None else trackers).items()}
    problems = [*_cookie_problems(set_cookies, statement, granted, (_CONSENT_COOKIE, *necessary), strict=strict)]
    if html:
        problems.extend(_element_problems(html, statement, granted, tracker_map))
    if problems:
        accepted = ", ".join(c.value for c in CookieCategory if c in granted and c.needs_consent) or "nothing"
        head = f"the response{f' ({status})' if status else ''} tracks without consent (accepted: {accepted}):"
        raise AssertionError("\n".join([head, *(f"  {p.describe()}" for p in problems)]))


def _granted(consent: ConsentState | Iterable[str | CookieCategory] | None) -> frozenset[CookieCategory]:
    if consent is None:
        chosen: frozenset[CookieCategory] = frozenset()
    elif isinstance(consent, ConsentState):
        chosen = consent.granted
    elif isinstance(consent, str):
        chosen = frozenset({parse_category(consent)})
    else:
        chosen = frozenset(parse_category(c) for c in consent)
    return chosen | {CookieCategory.NECESSARY}


# -- reading responses ----------------------------------------------------------------------------------------------

def _header_pairs(headers: Any) -> list[tuple[str, str]]:
    if headers is None:
        return []
    if hasattr(headers, "multi_items"):  # httpx: items() would join repeated headers with commas
        return [(str(k), str(v)) for k, v in headers.multi_items()]
    items = headers.items() if hasattr(headers, "items") else headers
    return [(str(k), str(v)) for k, v in items]


def _text(body: Any, charset: str) -> str:
    if body is None:
        return ""
    if isinstance(body, str):
        return body
    if isinstance(body, bytes | bytearray | memoryview):
        return bytes(body).decode(charset, errors="replace")
    return "".join(_text(chunk, charset) for chunk in body)


def _charset(content_type: str) -> str:
    match = re.search(r"charset=[\"']?([\w.-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else "utf-8"


def _read_response(response: Any) -> tuple[str, list[str], str]:
    """The status, the ``Set-Cookie`` header values and the HTML body (empty when the body is not HTML)."""
    if isinstance(response, tuple | list):
        status, headers, body = response
        pairs = _header_pairs(headers)
    else:
        status = getattr(response, "status_code", None) or getattr(response, "status", "")
        pairs = _header_pairs(getattr(response, "headers", None))
        # Django keeps Set-Cookie in a SimpleCookie instance attribute, not in the headers. (httpx has a `cookies`
        # property parsed from the headers, which are already read, and it needs the request: not touched.)
        jar = getattr(response, "__dict__", {}).get("cookies")
        if jar is not None and hasattr(jar, "values"):
            pairs += [("Set-Cookie", m.OutputString()) for m in jar.values() if hasattr(m, "OutputString")]
        body = _body(response)
    content_type = next((v for k, v in pairs if k.lower() == "content-type"), "")
    set_cookies = [v for k, v in pairs if k.lower() == "set-cookie"]
    text = _text(body, _charset(content_type))
    is_html = "html" in content_type.lower() or (not content_type and "<" in text)
    return str(status), set_cookies, text if is_html else ""


def _body(response: Any) -> Any:
    if hasattr(response, "get_data"):  # Werkzeug / Flask
        return response.get_data()
    if getattr(response, "streaming", False) and hasattr(response, "streaming_content"):  # Django streaming
        return b"".join(response.streaming_content)
    for name in ("content", "text", "body", "data"):
        value = getattr(response, name, None)
        if isinstance(value, str | bytes):
            return value
    return None


# -- cookies --------------------------------------------------------------------------------------------------------

def _parse_set_cookie(header: str) -> tuple[str, bool]:
    """The cookie's name, and whether the header deletes it (``Max-Age`` ≤ 0 or ``Expires`` in the past)."""
    first, *attributes = header.split(";")
    name = first.partition("=")[0].strip()
    deletes = False
    for attribute in attributes:
        key, _, value = attribute.partition("=")
        key, value = key.strip().lower(), value.strip()
        if key == "max-age":
            try:
                deletes = int(value) <= 0
            except ValueError:
                continue
            break  # Max-Age wins over Expires (RFC 6265 5.3 step 3)
        if key == "expires":
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                continue
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            deletes = when <= dt.datetime.now(dt.UTC)
    return name, deletes


def _declared(statement: Statement, name: str) -> Cookie | None:
    candidates = [c for c in statement.cookies if c.storage is StorageKind.COOKIE and c.matches(name)]
    exact = [c for c in candidates if c.name == name]
    found = exact or candidates
    return found[0] if found else None


def _matches_any(name: str, patterns: Iterable[str]) -> bool:
    from fnmatch import fnmatchcase

    return any(fnmatchcase(name, p) if "*" in p else name == p for p in patterns)


def _cookie_problems(headers: list[str], statement: Statement, granted: frozenset[CookieCategory],
                     necessary: tuple[str, ...], *, strict: bool) -> Iterator[TrackingProblem]:
    for header in headers:
        name, deletes = _parse_set_cookie(header)
        if not name or deletes or _matches_any(name, necessary):
            continue
        cookie = _declared(statement, name)
        if cookie is None:
            if strict:
                yield TrackingProblem("cookie", repr(name), None, "the statement does not declare it")
            continue
        if cookie.category is None:
            if strict:
                yield TrackingProblem("cookie", repr(name), None, f"the statement declares it ({cookie.name!r}) "
                                                                 "without a category")
            continue
        if cookie.category not in granted:
            yield TrackingProblem("cookie", repr(name), cookie.category, f"declared as {cookie.name!r}")


# -- HTML -----------------------------------------------------------------------------------------------------------

@define
class _Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""

    def shown(self) -> str:
        attributes = "".join(f' {k}="{v}"' if v else f" {k}" for k, v in self.attrs.items())
        written = f"<{self.tag}{attributes}>"
        return written if len(written) <= 120 else written[:117] + "..."


class _Collector(HTMLParser):
    """Collects ``<script>`` elements with their code, and ``<img>`` and ``<iframe>`` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[_Element] = []
        self._script: _Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "script":
            self._script = _Element(tag, values)
            self.elements.append(self._script)
        elif tag in ("img", "iframe"):
            self.elements.append(_Element(tag, values))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.text += data


def _host_rules(statement: Statement, trackers: Mapping[str, CookieCategory]
                ) -> list[tuple[str, str, frozenset[CookieCategory], str]]:
    """(host, path prefix, categories, why) for every declared cookie domain and known tracker."""
    domains: dict[str, set[CookieCategory]] = {}
    for c in statement.cookies:
        if c.domain and c.category is not None:
            domains.setdefault(c.domain.strip().lstrip(".").lower(), set()).add(c.category)
    rules = [(d, "", frozenset(cats), f"the statement declares {d} for {', '.join(sorted(cats))} cookies")
             for d, cats in domains.items()]
    for key, category in trackers.items():
        host, _, path = key.partition("/")
        rules.append((host, "/" + path if path else "", frozenset({category}), f"{key} is a known tracker"))
    return rules


def _url_match(url: str, host: str, path: str) -> bool:
    parts = urlsplit(url if "//" in url else "")
    netloc = (parts.hostname or "").lower()
    if not netloc or not (netloc == host or netloc.endswith("." + host)):
        return False
    return not path or parts.path.startswith(path)


def _element_problems(html: str, statement: Statement, granted: frozenset[CookieCategory],
                      trackers: Mapping[str, CookieCategory]) -> Iterator[TrackingProblem]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    rules = _host_rules(statement, trackers)

    def blocked(categories: frozenset[CookieCategory]) -> CookieCategory | None:
        # A domain declared for several categories is allowed when any of them is accepted.
        if categories & granted:
            return None
        return min(categories, key=list(CookieCategory).index)

    for element in collector.elements:
        if element.tag == "script":
            if element.attrs.get("type", "").strip().lower() not in _RUNNABLE:
                continue  # type="text/plain" (a gated script), JSON, templates: the browser does not run them
            marked = element.attrs.get("data-rk-category") or element.attrs.get("data-rk-for")
            if marked:
                try:
                    category = parse_category(marked.strip())
                except ValueError:
                    yield TrackingProblem("script", element.shown(), None,
                                          f"it names an unknown cookie category {marked!r}")
                    continue
                if category not in granted:
                    yield TrackingProblem("script", element.shown(), category,
                                          "it is marked for that category and runs without a text/plain gate")
                    continue
            src = element.attrs.get("src", "")
            for host, path, categories, why in rules:
                found = _url_match(src, host, path) if src else _mentions(element.text, host, path)
                needed = blocked(categories) if found else None
                if needed is not None:
                    yield TrackingProblem("script", element.shown(), needed, why)
                    break
        else:
            src = element.attrs.get("src", "")
            for host, path, categories, why in rules:
                needed = blocked(categories) if src and _url_match(src, host, path) else None
                if needed is not None:
                    yield TrackingProblem("element", element.shown(), needed, why)
                    break


def _mentions(code: str, host: str, path: str) -> bool:
    """Whether inline code loads from ``host`` (``//host/…`` or ``.host/…`` in a string)."""
    if not code:
        return False
    pattern = r"(?:[/.\"'])" + re.escape(host) + (re.escape(path) if path else r"(?:[/:\"']|$)")
    return re.search(pattern, code, re.IGNORECASE) is not None

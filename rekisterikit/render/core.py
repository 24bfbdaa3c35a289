"""``render()`` and ``render_cookie_table()``: a statement in a language and a format, cached per version."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Literal, NamedTuple, overload

from markupsafe import Markup

from rekisterikit.model import Language, Statement
from rekisterikit.render import document as _document
from rekisterikit.render import html as _html
from rekisterikit.render import json as _json
from rekisterikit.render import markdown as _markdown
from rekisterikit.render import text as _text
from rekisterikit.render.i18n import language

__all__ = ["FORMATS", "CacheInfo", "Format", "cache_clear", "cache_info", "render", "render_cookie_table"]

Format = Literal["html", "text", "markdown", "json"]

#: The output formats of :func:`render`.
FORMATS: tuple[Format, ...] = ("html", "text", "markdown", "json")


class CacheInfo(NamedTuple):
    """Statistics of the render cache."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


class _Cache:
    """A bounded, thread-safe LRU cache of finished renderings.

    Keys start with the statement's content hash, so statements with equal content share an entry (their renderings
    are equal) and statements with different content never do. A rendering may be computed twice when two threads
    miss at once; both results are equal.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], str]) -> str:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = compute()
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0

    def info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self.hits, self.misses, self.maxsize, len(self._data))


_CACHE = _Cache(maxsize=256)


def cache_info() -> CacheInfo:
    """Hits, misses and size of the render cache."""
    return _CACHE.info()


def cache_clear() -> None:
    """Empty the render cache (tests; after changing catalogs at run time)."""
    _CACHE.clear()


def _check_format(format: str) -> Format:  # noqa: A002
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (one of {', '.join(FORMATS)})")
    return format


@overload
def render(statement: Statement, *, locale: Language | str, format: Literal["html"] = "html",
           full_page: bool = False, heading_level: int = 1) -> Markup: ...


@overload
def render(statement: Statement, *, locale: Language | str,
           format: Literal["text", "markdown", "json"],
           full_page: bool = False, heading_level: int = 1) -> str: ...


@overload
def render(statement: Statement, *, locale: Language | str, format: str,
           full_page: bool = False, heading_level: int = 1) -> Markup | str: ...


def render(statement: Statement, *, locale: Language | str, format: str = "html",  # noqa: A002
           full_page: bool = False, heading_level: int = 1) -> Markup | str:
    """Render a statement in one language and format.

    Sections follow the order of GDPR Art. 13 and carry the same ``id`` in every language and format. The library's
    standard clauses come from its catalogs; shop-written text is shown in ``locale`` or, when the shop did not
    translate it, in the statement's default language, marked with its real ``lang``. Results are cached per
    (statement version, locale, format, options), so rendering again costs a dictionary look-up.

    Args:
        statement: the statement to render.
        locale: ``"fi"``, ``"sv"`` or ``"en"`` (region suffixes such as ``"sv_FI"`` are allowed).
        format: ``"html"`` (a fragment to embed, as :class:`~markupsafe.Markup`), ``"text"``, ``"markdown"`` or
            ``"json"``.
        full_page: for HTML, a standalone printable page with the default style instead of a fragment.
        heading_level: the heading level of the title (1–5) in HTML and Markdown; sections go one level below.

    Returns:
        :class:`~markupsafe.Markup` for HTML (insert it into Jinja or Django templates as is), ``str`` otherwise.

    Raises:
        ValueError: an unknown locale or format, or ``full_page`` with a format other than HTML.
    """
    lang = language(locale)
    fmt = _check_format(format)
    if full_page and fmt != "html":
        raise ValueError("full_page applies to the html format only")
    level = max(1, min(int(heading_level), 5))
    key = ("statement", statement.version, lang, fmt, full_page, level)

    def compute() -> str:
        doc = _document.build(statement, lang)
        if fmt == "html":
            # Cached as Markup, so a cache hit returns the object itself instead of copying the string into one.
            return Markup(_html.render_document(doc, full_page=full_page, heading_level=level))
        if fmt == "markdown":
            return _markdown.render_document(doc, heading_level=level)
        if fmt == "json":
            return _json.render_document(doc)
        return _text.render_document(doc)

    return _CACHE.get(key, compute)


@overload
def render_cookie_table(statement: Statement, *, locale: Language | str,
                        format: Literal["html"] = "html") -> Markup: ...


@overload
def render_cookie_table(statement: Statement, *, locale: Language | str,
                        format: Literal["text", "markdown", "json"]) -> str: ...


@overload
def render_cookie_table(statement: Statement, *, locale: Language | str,
                        format: str) -> Markup | str: ...


def render_cookie_table(statement: Statement, *, locale: Language | str,
                        format: str = "html") -> Markup | str:  # noqa: A002
    """Render only the cookie declaration: name, provider, purpose, category, duration and party of each cookie.

    Useful on a cookie-settings page or inside the consent banner's details. The table is the same one
    :func:`render` puts in the ``rk-cookies`` section (``id="rk-cookie-table"``).

    Args:
        statement: the statement whose ``cookies`` to list.
        locale: ``"fi"``, ``"sv"`` or ``"en"``.
        format: ``"html"``, ``"text"``, ``"markdown"`` or ``"json"``.

    Returns:
        :class:`~markupsafe.Markup` for HTML, ``str`` otherwise.
    """
    lang = language(locale)
    fmt = _check_format(format)

    def compute() -> str:
        table = _document.cookie_table(statement, lang)
        if fmt == "html":
            return Markup(_html.render_table(table))
        if fmt == "markdown":
            return _markdown.render_table(table) + "\n"
        if fmt == "json":
            return _json.render_table(table)
        return _text.render_table(table) + "\n"

    return _CACHE.get(("cookie-table", statement.version, lang, fmt), compute)

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

    Hits take no lock: :func:`render` reads :data:`_ALIASES`, one dictionary read of the arguments exactly as the
    caller passed them (an *alias* of the normalised key, recorded on the first call). Dictionary reads are atomic
    in CPython, and an entry is only ever added whole or removed whole. The LRU order is kept by :meth:`get`, on
    misses; an entry that is hit often is also refreshed every :data:`_REFRESH` hits, so it is not evicted as if it
    were unused.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, str] = OrderedDict()
        self._aliases: dict[Hashable, str] = {}
        self._alias_keys: dict[Hashable, list[Hashable]] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def _refresh(self, alias: Hashable) -> None:
        with self._lock:
            for key, aliases in self._alias_keys.items():
                if alias in aliases and key in self._data:
                    self._data.move_to_end(key)
                    return

    def get(self, key: Hashable, compute: Callable[[], str], alias: Hashable | None = None) -> str:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                value = self._data[key]
                self._alias(key, alias, value)
                return value
            self.misses += 1
        value = compute()
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            self._alias(key, alias, value)
            while len(self._data) > self.maxsize:
                old, _ = self._data.popitem(last=False)
                for name in self._alias_keys.pop(old, ()):
                    self._aliases.pop(name, None)
        return value

    def _alias(self, key: Hashable, alias: Hashable | None, value: str) -> None:
        if alias is None or alias in self._aliases:
            return
        names = self._alias_keys.setdefault(key, [])
        if len(names) < _MAX_ALIASES:
            names.append(alias)
            self._aliases[alias] = value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._aliases.clear()
            self._alias_keys.clear()
            self.hits = self.misses = 0

    def info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self.hits, self.misses, self.maxsize, len(self._data))


#: A cache entry is moved to the end of the LRU order on every this many lock-free hits.
_REFRESH = 1024
#: How many spellings of the same arguments (``"fi"``, ``"fi_FI"``, ``Language.FI`` …) one entry remembers.
_MAX_ALIASES = 8
_CACHE = _Cache(maxsize=256)
#: The lock-free hits: the caller's own arguments to the rendering (the cache's alias dictionary, never replaced).
_ALIASES = _CACHE._aliases


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
    # The hit path, inline: one tuple and one dictionary read, no lock, no normalising (see _Cache).
    alias: Hashable | None = ("statement", statement.version, locale, format, full_page, heading_level)
    try:
        hit = _ALIASES.get(alias)
    except TypeError:  # unhashable arguments: the checks that follow say what is wrong
        alias = hit = None
    if hit is not None:
        # Statistics only (an increment lost to a race is harmless); every _REFRESH hits, the LRU place is kept.
        _CACHE.hits = hits = _CACHE.hits + 1
        if not hits % _REFRESH:
            _CACHE._refresh(alias)
        return hit
    return _render_miss(statement, locale, format, full_page, heading_level, alias)


def _render_miss(statement: Statement, locale: Language | str, format: str, full_page: bool,  # noqa: A002, PLR0917
                 heading_level: int, alias: Hashable | None) -> str:
    """:func:`render` past the lock-free hit: check and normalise the arguments, then the locked cache.

    A function of its own, so :func:`render` has no closure: its variables are not cells, which a hit would pay for.
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

    return _CACHE.get(key, compute, alias)


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
    alias: Hashable | None = ("cookie-table", statement.version, locale, format)
    try:
        hit = _ALIASES.get(alias)
    except TypeError:  # unhashable arguments: the checks that follow say what is wrong
        alias = hit = None
    if hit is not None:
        # Statistics only (an increment lost to a race is harmless); every _REFRESH hits, the LRU place is kept.
        _CACHE.hits = hits = _CACHE.hits + 1
        if not hits % _REFRESH:
            _CACHE._refresh(alias)
        return hit
    return _table_miss(statement, locale, format, alias)


def _table_miss(statement: Statement, locale: Language | str, format: str,  # noqa: A002
                alias: Hashable | None) -> str:
    """:func:`render_cookie_table` past the lock-free hit (a function of its own, as :func:`_render_miss`)."""
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

    return _CACHE.get(("cookie-table", statement.version, lang, fmt), compute, alias)

"""Statement history: every version a shop has served, with dates, what changed, and each old version as it was.

The consent stores already keep the statement under its version (``remember_statement``, for the consent proof).
A store that can also list what it kept — ``statement_versions()``, oldest first — is a :class:`VersionArchive`;
the SQLite, SQLAlchemy, Django and in-memory stores are. The adapters call :func:`remember_served` whenever they
serve the statement, so the archive holds every published version, and show:

* :func:`history_page` — the versions, newest first, with the date each was first served and what changed
  against the one before (``rekisterikit.records.notice.changelog``);
* :func:`version_page` — one old version rendered as it was, with a note that it is not the current one; a
  visitor's consent proof names its version, and links here when the export is given the page's URL
  (``statement_url`` of :func:`rekisterikit.consent.export_proof`);
* :func:`history_link` — the statement page's link to the history ("Earlier versions"), shown when
  :func:`has_earlier_versions`.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from attrs import define
from markupsafe import Markup

from rekisterikit.errors import LoadError
from rekisterikit.model import Language, Statement

__all__ = [
    "HistoryEntry",
    "VersionArchive",
    "has_earlier_versions",
    "history_fragment",
    "history_link",
    "history_page",
    "is_version",
    "remember_served",
    "statement_at",
    "version_page",
    "versions",
]

_VERSION = re.compile(r"sha256:[0-9a-f]{64}")


@runtime_checkable
class VersionArchive(Protocol):
    """A consent store that keeps statement versions and can list them."""

    def remember_statement(self, statement: Statement) -> None:
        """Keep the canonical JSON of ``statement`` under its version (keeping it again changes nothing)."""

    def statement_json(self, version: str) -> str | None:
        """The canonical JSON of the statement with ``version``, or ``None`` when it was not kept."""

    def statement_versions(self) -> list[tuple[str, dt.datetime | None]]:
        """Every kept version with when it was first kept (UTC; ``None`` when unknown), oldest first."""


@define(frozen=True, kw_only=True)
class HistoryEntry:
    """One published version.

    Attributes:
        version: the statement version (``sha256:…``).
        first_seen: when the shop first served it (UTC), when known.
        statement: the statement, or ``None`` when the kept text no longer loads (it is then listed, not shown).
    """

    version: str
    first_seen: dt.datetime | None
    statement: Statement | None


def is_version(value: str) -> bool:
    """Whether ``value`` looks like a statement version (``sha256:`` and 64 lower-case hex digits)."""
    return bool(_VERSION.fullmatch(value))


_remembered: weakref.WeakKeyDictionary[object, set[str]] = weakref.WeakKeyDictionary()
_remembered_lock = threading.Lock()


def remember_served(archive: object, statement: Statement) -> None:
    """Keep ``statement`` in ``archive`` (a consent store) once per store object and version; cheap per request.

    Stores without ``remember_statement`` are ignored, so a shop without a consent log simply has no history.
    """
    remember = getattr(archive, "remember_statement", None)
    if remember is None:
        return
    version = statement.version
    with _remembered_lock:
        try:
            known = _remembered.setdefault(archive, set())
        except TypeError:  # not weakly referenceable: remember every time (the stores ignore repeats)
            known = set()
        if version in known:
            return
    remember(statement)
    with _remembered_lock:
        known.add(version)


def _load(text: str, version: str) -> Statement | None:
    from rekisterikit.load import loads

    try:
        return loads(text, "json", source=version)
    except LoadError:
        return None


def statement_at(archive: object, version: str) -> Statement | None:
    """The kept statement with ``version``, or ``None`` (unknown version, malformed version, or no archive)."""
    if not is_version(version):
        return None
    get = getattr(archive, "statement_json", None)
    if get is None:
        return None
    text = get(version)
    return None if text is None else _load(text, version)


def versions(archive: object, *, current: Statement | None = None) -> list[HistoryEntry]:
    """The published versions, oldest first; ``current`` is added last when the archive does not hold it yet.

    Args:
        archive: the consent store; one without ``statement_versions`` gives only ``current``.
        current: the statement in force.
    """
    entries: list[HistoryEntry] = []
    listing = getattr(archive, "statement_versions", None)
    if listing is not None:
        get = archive.statement_json  # type: ignore[attr-defined]
        for version, first_seen in listing():
            text = get(version)
            entries.append(HistoryEntry(version=version, first_seen=first_seen,
                                        statement=None if text is None else _load(text, version)))
    if current is not None and all(e.version != current.version for e in entries):
        entries.append(HistoryEntry(version=current.version, first_seen=None, statement=current))
    return entries


def has_earlier_versions(archive: object, current: Statement) -> bool:
    """Whether ``archive`` keeps a version other than ``current``: the statement page then links to the history.

    A store that cannot list versions (no ``statement_versions``), or one that has only ever served ``current``,
    has no earlier version to show.
    """
    listing = getattr(archive, "statement_versions", None)
    if listing is None:
        return False
    return any(version != current.version for version, _ in listing())


def history_link(url: str, *, locale: Language | str) -> Markup:
    """The statement page's link to the history page: ``<p class="rk-history-link"><a href=…>Earlier versions``."""
    from rekisterikit.render.i18n import translator

    t = translator(locale)
    return Markup('<p class="rk-history-link"><a href="{url}">{label}</a></p>').format(
        url=url, label=t.gettext("Earlier versions"))


def _page(lang: Language, title: str, body: Markup) -> Markup:
    from rekisterikit.render import STYLESHEET

    return Markup('<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  '<meta name="generator" content="rekisterikit">\n<title>{title}</title>\n<style>\n{style}'
                  '.rk-history-note{{border-left:4px solid #b35c00;padding:.5rem 1rem;background:#fff7ec}}\n'
                  '</style>\n</head>\n<body>\n<main class="rk-page">\n{body}</main>\n</body>\n</html>\n').format(
        lang=lang.value, title=title, style=STYLESHEET, body=body)


def history_fragment(entries: Sequence[HistoryEntry], *, locale: Language | str,
                     version_url: Callable[[str], str]) -> Markup:
    """The list of versions as an HTML fragment (for a shop's own template): newest first, linked, with changes."""
    from rekisterikit.records.notice import changelog
    from rekisterikit.render.i18n import translator

    t = translator(locale)
    shown = [(e.statement, e.first_seen) for e in entries if e.statement is not None]
    fragment = Markup(changelog(shown, locale=t.language, format="html", link=version_url, heading=False))
    unreadable = [e for e in entries if e.statement is None]
    if unreadable:
        fragment += Markup('<p class="rk-history-unreadable">{}</p>').format(t.ngettext(
            "{n} earlier version can no longer be shown.", "{n} earlier versions can no longer be shown.",
            len(unreadable)).format(n=len(unreadable)))
    return fragment


def history_page(entries: Sequence[HistoryEntry], *, locale: Language | str, version_url: Callable[[str], str],
                 statement_url: str | None = None) -> Markup:
    """A standalone page listing every published version with its date and what changed.

    Args:
        entries: from :func:`versions`, oldest first.
        locale: the language.
        version_url: the URL of the page that shows one version, given the version.
        statement_url: the URL of the current statement, linked at the top.
    """
    from rekisterikit.render.i18n import translator

    t = translator(locale)
    title = t.gettext("Versions of this notice")
    intro = t.gettext("Every version of this privacy notice we have published, newest first, with what changed.")
    back = (Markup('<p><a href="{}">{}</a></p>').format(statement_url, t.gettext("The current privacy notice"))
            if statement_url else Markup(""))
    body = Markup('<header class="rk-header"><h1 class="rk-title">{title}</h1></header>\n<p>{intro}</p>\n{back}'
                  '{list}\n').format(title=title, intro=intro, back=back,
                                     list=history_fragment(entries, locale=t.language, version_url=version_url))
    return _page(t.language, title, body)


def version_page(statement: Statement, *, locale: Language | str, first_seen: dt.datetime | None = None,
                 current_version: str | None = None, current_url: str | None = None,
                 history_url: str | None = None) -> Markup:
    """One version of the statement rendered as it was, with a note when it is not the one in force.

    The content is the kept statement; the library's own standard wording is today's (the same for every version
    rendered by this release).
    """
    from rekisterikit.render import render
    from rekisterikit.render.i18n import translator

    t = translator(locale)
    lang = t.language if t.language in statement.languages else statement.default_language
    fragment = render(statement, locale=lang, format="html", heading_level=1)
    note = Markup("")
    if current_version is not None and current_version != statement.version:
        since = (t.gettext("This version was first published on {date}.").format(
            date=t.format_date(first_seen.date())) + " ") if first_seen is not None else ""
        links = []
        if current_url:
            links.append(Markup('<a href="{}">{}</a>').format(current_url, t.gettext("The current privacy notice")))
        if history_url:
            links.append(Markup('<a href="{}">{}</a>').format(history_url, t.gettext("Versions of this notice")))
        note = Markup('<p class="rk-history-note" role="note"><strong>{old}</strong> {since}{links}</p>\n').format(
            old=t.gettext("This is an earlier version of the privacy notice, no longer in force."), since=since,
            links=Markup(" · ").join(links))
    title = statement.title.resolve(lang)[0] if statement.title is not None else t.gettext("Privacy notice")
    return _page(Language(lang), title, note + fragment)

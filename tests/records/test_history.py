"""Statement history: the stores list what they kept, the pages list versions and show old ones as they were."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from rekisterikit import load
from rekisterikit.consent.sqlite import SQLiteConsentStore
from rekisterikit.consent.store import MemoryConsentStore
from rekisterikit.model import LocalizedText, ProcessingRecord, Statement
from rekisterikit.records.history import (
    VersionArchive,
    has_earlier_versions,
    history_link,
    history_page,
    is_version,
    remember_served,
    statement_at,
    version_page,
    versions,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"


@pytest.fixture(params=["memory", "sqlite", "sqlalchemy"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> VersionArchive:
    """Each store that keeps statement versions (the Django store: tests/contrib/django/test_history.py)."""
    if request.param == "memory":
        return MemoryConsentStore()
    if request.param == "sqlalchemy":
        pytest.importorskip("sqlalchemy")
        from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

        return SQLAlchemyConsentStore(f"sqlite:///{tmp_path / 'consent-sa.sqlite3'}")
    return SQLiteConsentStore(tmp_path / "consent.sqlite3")


def _pair() -> tuple[Statement, Statement]:
    return load(EXAMPLES / "kalvokeskus.toml"), load(EXAMPLES / "kalvokeskus-corrected.toml")


def test_stores_list_versions_oldest_first(store: VersionArchive) -> None:
    """statement_versions lists each kept version once, oldest first, with a UTC time."""
    old, new = _pair()
    assert isinstance(store, VersionArchive)
    for statement in (old, new, old):
        store.remember_statement(statement)
    listed = store.statement_versions()
    assert [old.version, new.version] == [v for v, _ in listed]
    assert all(at is not None and at.utcoffset() is not None for _, at in listed)


def test_versions_load_the_kept_statements_and_add_the_current(store: VersionArchive) -> None:
    """versions() gives the statements as kept; the current one is added when the store lacks it."""
    old, new = _pair()
    store.remember_statement(old)
    entries = versions(store, current=new)
    assert [old, new] == [e.statement for e in entries]
    assert entries[-1].first_seen is None
    assert old == statement_at(store, old.version)
    assert statement_at(store, "sha256:" + "0" * 64) is None
    assert statement_at(store, "../etc/passwd") is None


def test_remember_served_keeps_once_and_never_the_record_part(store: VersionArchive) -> None:
    """The archive keeps the published content only: the internal [record] part is not in the kept text."""
    _, new = _pair()
    secret = attrs.evolve(new, record=ProcessingRecord(security=LocalizedText(fi="Palomuurin salasana on x")))
    remember_served(store, secret)
    remember_served(store, secret)
    assert [new.version] == [v for v, _ in store.statement_versions()]
    text = store.statement_json(new.version)
    assert text is not None
    assert "Palomuuri" not in text


def test_history_page_lists_and_links_every_version() -> None:
    """Newest first, each linked to its own page, with what changed; the current notice linked at the top."""
    store = MemoryConsentStore()
    old, new = _pair()
    store.remember_statement(old)
    store.remember_statement(new)
    page = str(history_page(versions(store), locale="fi", version_url=lambda v: f"/h/{v}",
                            statement_url="/tietosuoja/"))
    links = re.findall(r'href="/h/(sha256:[0-9a-f]+)"', page)
    assert [new.version, old.version] == links
    assert "uusia evästeitä" in page.lower()
    assert "Ensimmäinen julkaistu versio." in page
    assert (1, 0) == (page.count("<h1"), page.count("<h2"))


def test_version_page_marks_an_old_version() -> None:
    """An old version is shown as it was, with a note and links; the current one has no note."""
    old, new = _pair()
    page = str(version_page(old, locale="fi", current_version=new.version, current_url="/t/", history_url="/h/"))
    assert 'role="note"' in page
    assert "Tietosuojaseloste — Asiakasrekisteri" in page
    assert 'role="note"' not in str(version_page(new, locale="fi", current_version=new.version))


def test_shop_text_on_the_history_page_is_escaped() -> None:
    """A purpose written as markup is escaped on the history page."""
    store = MemoryConsentStore()
    old = load(EXAMPLES / "kalvokeskus-corrected.toml")
    reg = old.registers[0]
    evil = attrs.evolve(reg.purposes[0], key="evil", description=LocalizedText(fi="<img src=x onerror=alert(1)>"))
    new = attrs.evolve(old, registers=(attrs.evolve(reg, purposes=(*reg.purposes, evil)),))
    store.remember_statement(old)
    store.remember_statement(new)
    page = str(history_page(versions(store), locale="fi", version_url=lambda v: f"/h/{v}"))
    assert "<img src=x" not in page
    assert "&lt;img src=x" in page


def test_is_version() -> None:
    """Only sha256: and 64 lower-case hex digits is a version."""
    assert is_version("sha256:" + "a" * 64)
    assert not is_version("sha256:" + "A" * 64)
    assert not is_version("sha256:" + "a" * 63)


def test_has_earlier_versions_only_once_another_version_is_kept(store: VersionArchive) -> None:
    """The statement page links to the history only when the store keeps a version other than the current one."""
    old, new = _pair()
    assert not has_earlier_versions(store, new)
    store.remember_statement(new)
    assert not has_earlier_versions(store, new)
    store.remember_statement(old)
    assert has_earlier_versions(store, new)
    assert not has_earlier_versions(object(), new)  # a store that cannot list versions has no history to link


@pytest.mark.parametrize(("locale", "label"), [("fi", "Aiemmat versiot"), ("sv", "Tidigare versioner"),
                                                ("en", "Earlier versions")])
def test_history_link_is_translated_and_escaped(locale: str, label: str) -> None:
    """The link's label comes from the catalogs in each language; the URL is escaped."""
    link = str(history_link('/h/?a=1&b="x"', locale=locale))
    assert f'<p class="rk-history-link"><a href="/h/?a=1&amp;b=&#34;x&#34;">{label}</a></p>' == link

"""Installations and customer links in SQLite tables beside the consent log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rekisterikit.consent import SQLiteConsentStore
from rekisterikit.contrib.saleor import Installation, InstallationStore
from rekisterikit.contrib.saleor.storage import ConsentLinkStore

API = "https://shop.example/graphql/"
NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_installation_round_trip_and_replacement(tmp_path: Path) -> None:
    """A saved installation reads back equal; installing again replaces the token; delete forgets it."""
    store = InstallationStore(tmp_path / "db.sqlite3")
    first = Installation(api_url=API, app_id="QXBwOjE=", token="t1", installed_at=NOW)
    store.save(first)
    assert first == store.get(API)
    second = Installation(api_url=API, app_id="QXBwOjI=", token="t2", installed_at=NOW)
    store.save(second)
    assert second == InstallationStore(tmp_path / "db.sqlite3").get(API)
    assert [API] == store.api_urls()
    assert store.delete(API) is True
    assert store.get(API) is None
    assert store.delete(API) is False


def test_token_is_not_in_repr() -> None:
    """An installation's repr leaves the token out, so logging one never leaks it."""
    installation = Installation(api_url=API, app_id="QXBwOjE=", token="very-secret", installed_at=NOW)
    assert "very-secret" not in repr(installation)


def test_tables_share_the_consent_log_file(tmp_path: Path) -> None:
    """The installation and link tables live in the consent store's database without disturbing it."""
    path = tmp_path / "consent.sqlite3"
    with SQLiteConsentStore(path) as consent:
        installations = InstallationStore(consent.path)
        installations.save(Installation(api_url=API, app_id="QXBwOjE=", token="t", installed_at=NOW))
        links = ConsentLinkStore(consent.path)
        links.link(API, "VXNlcjox", "abcdefghijklmnop")
        assert 0 == consent.count()
        assert installations.get(API) is not None


def test_links(tmp_path: Path) -> None:
    """Links are per Saleor and customer, idempotent, and forgotten together."""
    links = ConsentLinkStore(tmp_path / "db.sqlite3")
    assert links.link(API, "VXNlcjox", "bbbbbbbbbbbbbbbb") is True
    assert links.link(API, "VXNlcjox", "aaaaaaaaaaaaaaaa") is True
    assert links.link(API, "VXNlcjox", "aaaaaaaaaaaaaaaa") is False
    links.link("https://other.example/graphql/", "VXNlcjox", "cccccccccccccccc")
    assert ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"] == links.consent_ids(API, "VXNlcjox")
    assert 2 == links.forget(API, "VXNlcjox")
    assert [] == links.consent_ids(API, "VXNlcjox")
    assert ["cccccccccccccccc"] == links.consent_ids("https://other.example/graphql/", "VXNlcjox")

"""What the Saleor app keeps besides the consent log, in SQLite tables of the same database file.

* :class:`InstallationStore` — one auth token per Saleor API URL (table ``rk_saleor_installation``). Tokens are
  written only here: they are never logged and never shown in a ``repr``. The database file (and its ``-wal`` and
  ``-shm`` companions) is made readable by its owner only (mode ``0600``) when a store opens it; keep its folder
  and backups as private as a password file.
* :class:`ConsentLinkStore` — which consent ids belong to which Saleor customer (table ``rk_saleor_consent_link``),
  so that deleting the customer erases the records made under those ids before the customer logged in.

Both live in the consent log's database file (:class:`~rekisterikit.consent.sqlite.SQLiteConsentStore` ``.path``),
so one file holds everything the app must keep.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from attrs import define, field

__all__ = ["FILE_MODE", "ConsentLinkStore", "Installation", "InstallationStore", "restrict_file"]

_SCHEMA = """CREATE TABLE IF NOT EXISTS rk_saleor_installation (
    api_url      TEXT PRIMARY KEY,
    app_id       TEXT NOT NULL,
    token        TEXT NOT NULL,
    installed_at TEXT NOT NULL
)"""
_LINK_SCHEMA = """CREATE TABLE IF NOT EXISTS rk_saleor_consent_link (
    api_url    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    consent_id TEXT NOT NULL,
    PRIMARY KEY (api_url, user_id, consent_id)
)"""


#: The mode of the database file: the app's token is in it.
FILE_MODE = 0o600


def restrict_file(path: Path) -> None:
    """Create ``path`` if missing and make it (and SQLite's ``-wal``/``-shm`` files) readable by its owner only."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(file, FILE_MODE)
        except FileNotFoundError:
            continue


@contextlib.contextmanager
def _connect(path: Path, timeout: float) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


@define(frozen=True, kw_only=True)
class Installation:
    """The app installed in one Saleor instance.

    Attributes:
        api_url: the instance's GraphQL endpoint (``Saleor-Api-Url``), normalised.
        app_id: the app's ID in that instance, as ``query { app { id } }`` returned it at installation.
        token: the app's auth token; left out of ``repr``.
        installed_at: when the token was received (UTC).
    """

    api_url: str
    app_id: str
    token: str = field(repr=False)
    installed_at: dt.datetime


class InstallationStore:
    """Installations in a SQLite database file (created with its table when missing).

    Args:
        path: the database file, normally the consent log's.
        timeout: seconds a write waits for another writer.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        restrict_file(self.path)
        with self._connect() as conn:
            conn.execute(_SCHEMA)

    def _connect(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return _connect(self.path, self.timeout)

    def save(self, installation: Installation) -> None:
        """Store ``installation``, replacing an earlier one of the same Saleor API URL (a reinstallation)."""
        with self._connect() as conn:
            conn.execute("INSERT OR REPLACE INTO rk_saleor_installation (api_url, app_id, token, installed_at) "
                         "VALUES (?, ?, ?, ?)", (installation.api_url, installation.app_id, installation.token,
                                                 installation.installed_at.astimezone(dt.UTC).isoformat()))

    def get(self, api_url: str) -> Installation | None:
        """The installation of ``api_url`` (normalised as :func:`~.client.normalize_api_url` does), if any."""
        with self._connect() as conn:
            row = conn.execute("SELECT api_url, app_id, token, installed_at FROM rk_saleor_installation "
                               "WHERE api_url = ?", (api_url,)).fetchone()
        if row is None:
            return None
        return Installation(api_url=row[0], app_id=row[1], token=row[2],
                            installed_at=dt.datetime.fromisoformat(row[3]))

    def delete(self, api_url: str) -> bool:
        """Forget the installation of ``api_url``; return whether there was one."""
        with self._connect() as conn:
            return conn.execute("DELETE FROM rk_saleor_installation WHERE api_url = ?", (api_url,)).rowcount > 0

    def api_urls(self) -> list[str]:
        """The Saleor API URLs the app is installed in, sorted."""
        with self._connect() as conn:
            return [r[0] for r in conn.execute("SELECT api_url FROM rk_saleor_installation ORDER BY api_url")]


class ConsentLinkStore:
    """Links between Saleor customers and the consent ids (cookies) they decided under.

    Args:
        path: the database file, normally the consent log's.
        timeout: seconds a write waits for another writer.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        restrict_file(self.path)
        with _connect(self.path, self.timeout) as conn:
            conn.execute(_LINK_SCHEMA)

    def link(self, api_url: str, user_id: str, consent_id: str) -> bool:
        """Link ``consent_id`` to the customer ``user_id`` of ``api_url``; return whether the link is new."""
        with _connect(self.path, self.timeout) as conn:
            return conn.execute("INSERT OR IGNORE INTO rk_saleor_consent_link (api_url, user_id, consent_id) "
                                "VALUES (?, ?, ?)", (api_url, user_id, consent_id)).rowcount > 0

    def consent_ids(self, api_url: str, user_id: str) -> list[str]:
        """The consent ids linked to the customer, sorted."""
        with _connect(self.path, self.timeout) as conn:
            rows = conn.execute("SELECT consent_id FROM rk_saleor_consent_link WHERE api_url = ? AND user_id = ? "
                                "ORDER BY consent_id", (api_url, user_id)).fetchall()
        return [r[0] for r in rows]

    def forget(self, api_url: str, user_id: str) -> int:
        """Delete every link of the customer; return how many there were."""
        with _connect(self.path, self.timeout) as conn:
            return conn.execute("DELETE FROM rk_saleor_consent_link WHERE api_url = ? AND user_id = ?",
                                (api_url, user_id)).rowcount

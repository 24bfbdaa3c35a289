"""The embedded consent log: a SQLite database (standard library), safe under many threads and processes.

* WAL journal mode, so readers never block the writer and a crash leaves a readable database;
* one connection per thread and process (a forked child opens its own), with a busy timeout;
* every write in its own ``BEGIN IMMEDIATE`` transaction, retried while the database is locked;
* ``synchronous=FULL`` by default: a decision reported as recorded survives a power loss, not only a crash;
* a trigger refuses ``UPDATE`` of a record: the log is append-only (only erasure and pruning delete).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal, TypeVar

from rekisterikit.consent.record import ConsentRecord
from rekisterikit.consent.state import OPTIONAL_CATEGORIES
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory, Statement

__all__ = ["SQLiteConsentStore"]

T = TypeVar("T")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
SCHEMA_VERSION = 2

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS rk_consent_record (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt_id  TEXT NOT NULL UNIQUE,
    consent_id  TEXT NOT NULL,
    at_us       INTEGER NOT NULL,
    version     TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    offered     TEXT NOT NULL,
    granted     TEXT NOT NULL,
    withdrawn   TEXT NOT NULL,
    method      TEXT NOT NULL,
    locale      TEXT NOT NULL,
    subject     TEXT,
    gpc         INTEGER NOT NULL,
    details     TEXT
)""",
    """CREATE INDEX IF NOT EXISTS rk_consent_record_consent ON rk_consent_record (consent_id, at_us)""",
    """CREATE INDEX IF NOT EXISTS rk_consent_record_subject ON rk_consent_record (subject)
    WHERE subject IS NOT NULL""",
    """CREATE INDEX IF NOT EXISTS rk_consent_record_at ON rk_consent_record (at_us)""",
    """CREATE TRIGGER IF NOT EXISTS rk_consent_record_append_only BEFORE UPDATE ON rk_consent_record
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END""",
    """CREATE TABLE IF NOT EXISTS rk_statement (
    version        TEXT PRIMARY KEY,
    first_seen_us  INTEGER NOT NULL,
    canonical_json TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS rk_banner_texts (
    texts_hash TEXT PRIMARY KEY,
    texts_json TEXT NOT NULL
)""",
)

_COLUMNS = ("receipt_id, consent_id, at_us, version, fingerprint, offered, granted, withdrawn, method, locale, "
            "subject, gpc, details")


def _us(value: dt.datetime) -> int:
    delta = value.astimezone(dt.UTC) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _from_us(value: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=value)


def _cats(value: frozenset[CookieCategory]) -> str:
    return " ".join(c.value for c in OPTIONAL_CATEGORIES if c in value)


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class SQLiteConsentStore:
    """A consent store in a SQLite database file.

    Args:
        path: the database file; created with its tables when missing. Keep it outside the web root.
        timeout: how long, in seconds, a write waits for the database while another writer holds it.
        synchronous: SQLite's ``synchronous`` setting; ``"FULL"`` (default) makes each recorded decision
            durable against power loss, ``"NORMAL"`` only against a crash of the process, and is faster.

    The store may be shared by every thread of a process; each thread gets its own connection. Call
    :meth:`close` (or use the store as a context manager) to close them.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0,
                 synchronous: Literal["FULL", "NORMAL"] = "FULL") -> None:
        if synchronous not in ("FULL", "NORMAL"):
            raise ConsentError(f"synchronous must be 'FULL' or 'NORMAL', not {synchronous!r}")
        self.path = Path(path)
        self.timeout = timeout
        self.synchronous = synchronous
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[tuple[int, sqlite3.Connection]] = []
        self._ready_pid: int | None = None
        try:
            with self._write() as conn:
                conn.execute("SELECT 1")
        except BaseException:
            self.close()
            raise

    # -- connections ---------------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
            conn.execute(f"PRAGMA synchronous = {self.synchronous}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _conn(self) -> sqlite3.Connection:
        pid = os.getpid()
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != pid:
            conn = self._open()
            self._local.conn, self._local.pid = conn, pid
            with self._lock:
                self._connections.append((pid, conn))
        if self._ready_pid != pid:
            with self._lock:
                if self._ready_pid != pid:
                    self._retry(lambda: self._create_schema(conn))
                    self._ready_pid = pid
        return conn

    def _create_schema(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA:
                conn.execute(statement)
            (found,) = conn.execute("PRAGMA user_version").fetchone()
            columns = {row[1] for row in conn.execute("PRAGMA table_info(rk_consent_record)")}
            if "details" not in columns:  # a schema 1 log: services, library version and texts hash came later
                conn.execute("ALTER TABLE rk_consent_record ADD COLUMN details TEXT")
            if found > SCHEMA_VERSION:
                raise ConsentError(f"{self.path}: consent log schema {found} is newer than this rekisterikit "
                                   f"({SCHEMA_VERSION})")
            if found < SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _retry(self, operation: Callable[[], T]) -> T:
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while True:
            try:
                return operation()
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        self._retry(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._retry(lambda: conn.execute("COMMIT"))

    def close(self) -> None:
        """Close every connection this store opened in this process."""
        pid = os.getpid()
        with self._lock:
            mine = [c for p, c in self._connections if p == pid]
            self._connections = [(p, c) for p, c in self._connections if p != pid]
        for conn in mine:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> SQLiteConsentStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the ConsentStore protocol -------------------------------------------------------------------------

    def record(self, record: ConsentRecord) -> None:
        """Append ``record`` to the log (a record with a ``receipt_id`` already stored is ignored)."""
        row = (record.receipt_id, record.consent_id, _us(record.at), record.version, record.fingerprint,
               _cats(record.offered), _cats(record.granted), _cats(record.withdrawn), record.method.value,
               record.locale, record.subject, int(record.gpc),
               json.dumps(record.details(), separators=(",", ":"), sort_keys=True))
        with self._write() as conn:
            conn.execute(f"INSERT OR IGNORE INTO rk_consent_record ({_COLUMNS}) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def _query(self, where: str, args: tuple[object, ...]) -> list[ConsentRecord]:
        conn = self._conn()
        rows = conn.execute(f"SELECT {_COLUMNS} FROM rk_consent_record {where} ORDER BY at_us, seq", args).fetchall()
        return [ConsentRecord(receipt_id=r[0], consent_id=r[1], at=_from_us(r[2]), version=r[3], fingerprint=r[4],
                              offered=r[5].split(), granted=r[6].split(), withdrawn=r[7].split(), method=r[8],
                              locale=r[9], subject=r[10], gpc=bool(r[11]),
                              **ConsentRecord.details_from(json.loads(r[12]) if r[12] else None)) for r in rows]

    def history(self, consent_id: str) -> list[ConsentRecord]:
        """All records of one consent, oldest first."""
        return self._query("WHERE consent_id = ?", (consent_id,))

    def for_subject(self, subject: str) -> list[ConsentRecord]:
        """All records linked to a data subject reference, oldest first."""
        return self._query("WHERE subject = ?", (subject,))

    def all(self) -> list[ConsentRecord]:
        """Every record, oldest first."""
        return self._query("", ())

    def count(self) -> int:
        """How many records the log holds."""
        (n,) = self._conn().execute("SELECT count(*) FROM rk_consent_record").fetchone()
        return int(n)

    def erase_subject(self, subject: str) -> int:
        """Delete every record linked to ``subject`` (GDPR 17) and return how many were deleted."""
        with self._write() as conn:
            return conn.execute("DELETE FROM rk_consent_record WHERE subject = ?", (subject,)).rowcount

    def prune(self, older_than: dt.datetime) -> int:
        """Delete every record made before ``older_than`` and return how many were deleted."""
        with self._write() as conn:
            return conn.execute("DELETE FROM rk_consent_record WHERE at_us < ?", (_us(older_than),)).rowcount

    # -- the StatementArchive protocol ---------------------------------------------------------------------

    def remember_statement(self, statement: Statement) -> None:
        """Keep the canonical JSON of ``statement`` under its version (keeping it again changes nothing)."""
        from rekisterikit.load import canonical_json

        version = statement.version
        known = getattr(self._local, "statements", None)
        if known is None:
            known = self._local.statements = set()
        if version in known:
            return
        now = _us(dt.datetime.now(dt.UTC))
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO rk_statement (version, first_seen_us, canonical_json) "
                         "VALUES (?, ?, ?)", (version, now, canonical_json(statement)))
        known.add(version)

    def statement_versions(self) -> list[tuple[str, dt.datetime | None]]:
        """Every kept version with when it was first kept, oldest first (the statement history)."""
        rows = self._conn().execute("SELECT version, first_seen_us FROM rk_statement "
                                    "ORDER BY first_seen_us, version").fetchall()
        return [(str(version), _from_us(int(at))) for version, at in rows]

    def statement_json(self, version: str) -> str | None:
        """The canonical JSON of the statement with ``version``, or ``None`` when it was not kept."""
        row = self._conn().execute("SELECT canonical_json FROM rk_statement WHERE version = ?", (version,)).fetchone()
        return None if row is None else str(row[0])

    # -- the TextsArchive protocol -------------------------------------------------------------------------

    def remember_texts(self, texts_hash: str, texts_json: str) -> None:
        """Keep the banner texts shown (JSON) under their hash (keeping them again changes nothing)."""
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO rk_banner_texts (texts_hash, texts_json) VALUES (?, ?)",
                         (texts_hash, texts_json))

    def texts_json(self, texts_hash: str) -> str | None:
        """The banner texts kept under ``texts_hash``, or ``None``."""
        row = self._conn().execute("SELECT texts_json FROM rk_banner_texts WHERE texts_hash = ?",
                                   (texts_hash,)).fetchone()
        return None if row is None else str(row[0])

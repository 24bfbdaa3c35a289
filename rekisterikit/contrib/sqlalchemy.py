"""A consent log in any database SQLAlchemy supports: :class:`SQLAlchemyConsentStore` (SQLAlchemy Core only).

It implements the :class:`~rekisterikit.consent.ConsentStore`, :class:`~rekisterikit.consent.StatementArchive` and
:class:`~rekisterikit.consent.TextsArchive` protocols, with the same tables as the embedded SQLite store::

    from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

    store = SQLAlchemyConsentStore("postgresql+psycopg://shop@db/shop")     # a URL: the store owns its engine
    store = SQLAlchemyConsentStore(engine)                                  # or an engine you already have
    store = SQLAlchemyConsentStore(db.engine, metadata=db.metadata)         # Flask-SQLAlchemy: tables in its metadata

Needs ``pip install rekisterikit[flask]`` (or just SQLAlchemy >= 2.0). It is usable without Flask.

* Records are append-only: the store never updates a row; on PostgreSQL and SQLite a trigger created with the
  table refuses ``UPDATE`` (erasure and pruning delete).
* Recording the same record twice stores it once (``INSERT … ON CONFLICT DO NOTHING`` on PostgreSQL and SQLite,
  a unique ``receipt_id`` elsewhere).
* Times are stored as whole microseconds since 1970 UTC (``BIGINT``), so a record reads back exactly and sorts the
  same on every database.
* Every field of a :class:`~rekisterikit.consent.ConsentRecord` is stored: the fields added with services (allowed
  and offered services, the GPC opt-in, the library version, the banner texts hash) go into one JSON ``details``
  column, as in the SQLite store. The banner texts themselves are kept by their hash in ``rk_banner_texts``.
* A log made by an earlier version (no ``details`` column, no texts table) is upgraded in place when the store
  starts (``ALTER TABLE … ADD COLUMN``; existing rows are kept and read back with empty services).
* On SQLite (through a URL) the store turns on WAL mode and a busy timeout, and retries a write while the database
  is locked, so many threads and processes may write at once.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from rekisterikit.consent.record import ConsentRecord
from rekisterikit.consent.state import OPTIONAL_CATEGORIES
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory, Statement

__all__ = ["SQLAlchemyConsentStore", "banner_texts_table", "consent_tables"]

T = TypeVar("T")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_COLUMNS = ("receipt_id", "consent_id", "at_us", "version", "fingerprint", "offered", "granted", "withdrawn",
            "method", "locale", "subject", "gpc", "details")
# Columns added after the first release of the store: added in place to an existing table on start-up.
_ADDED_COLUMNS = ("details",)
# SQLite only makes ``INTEGER PRIMARY KEY`` an alias of the row id (auto-increment); elsewhere 64 bits.
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _us(value: dt.datetime) -> int:
    delta = value.astimezone(dt.UTC) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _from_us(value: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=value)


def _cats(value: frozenset[CookieCategory]) -> str:
    return " ".join(c.value for c in OPTIONAL_CATEGORIES if c in value)


def _key(metadata: sa.MetaData, name: str) -> str:
    return f"{metadata.schema}.{name}" if metadata.schema else name


def consent_tables(metadata: sa.MetaData, *, prefix: str = "rk_") -> tuple[sa.Table, sa.Table]:
    """Define the consent log's tables in ``metadata`` and return two of them (records, statements).

    The third table, ``{prefix}banner_texts`` (the banner texts shown, by hash), is defined in ``metadata`` too;
    :func:`banner_texts_table` returns it. Call this yourself only to put the tables under your own migrations
    (Alembic sees them in ``metadata``); the store calls it for you. Defining them twice in one ``metadata``
    returns the tables already there.
    """
    records_name, statements_name = f"{prefix}consent_record", f"{prefix}statement"
    texts_name = f"{prefix}banner_texts"
    if _key(metadata, texts_name) not in metadata.tables:
        sa.Table(
            texts_name, metadata,
            sa.Column("texts_hash", sa.String(100), primary_key=True),
            sa.Column("texts_json", sa.Text, nullable=False),
        )
    if _key(metadata, records_name) in metadata.tables:
        return metadata.tables[_key(metadata, records_name)], metadata.tables[_key(metadata, statements_name)]
    records = sa.Table(
        records_name, metadata,
        sa.Column("seq", _SEQ, primary_key=True, autoincrement=True),
        sa.Column("receipt_id", sa.String(64), nullable=False, unique=True),
        sa.Column("consent_id", sa.String(64), nullable=False),
        sa.Column("at_us", sa.BigInteger, nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(100), nullable=False),
        sa.Column("offered", sa.String(100), nullable=False),
        sa.Column("granted", sa.String(100), nullable=False),
        sa.Column("withdrawn", sa.String(100), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("locale", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(200), nullable=True),
        sa.Column("gpc", sa.Boolean, nullable=False),
        # JSON of ConsentRecord.details(): services, GPC opt-in, library version, texts hash. NULL in rows
        # written before the column existed (they read back with the defaults).
        sa.Column("details", sa.Text, nullable=True),
        sa.Index(f"{records_name}_consent", "consent_id", "at_us"),
        sa.Index(f"{records_name}_subject", "subject"),
        sa.Index(f"{records_name}_at", "at_us"),
    )
    statements = sa.Table(
        statements_name, metadata,
        sa.Column("version", sa.String(100), primary_key=True),
        sa.Column("first_seen_us", sa.BigInteger, nullable=False),
        sa.Column("canonical_json", sa.Text, nullable=False),
    )
    _append_only(records)
    return records, statements


def banner_texts_table(metadata: sa.MetaData, *, prefix: str = "rk_") -> sa.Table:
    """The table of banner texts by hash (``{prefix}banner_texts``), defined in ``metadata`` when missing."""
    consent_tables(metadata, prefix=prefix)
    return metadata.tables[_key(metadata, f"{prefix}banner_texts")]


def _append_only(table: sa.Table) -> None:
    """Attach DDL that makes ``table`` refuse UPDATE on PostgreSQL and SQLite (created with the table)."""
    name = table.name
    qualified = f"{table.schema}.{name}" if table.schema else name
    function = f"{table.schema}.{name}_append_only" if table.schema else f"{name}_append_only"
    sa.event.listen(table, "after_create", sa.DDL(  # type: ignore[no-untyped-call]
        f"CREATE TRIGGER {name}_append_only BEFORE UPDATE ON {name} "
        "BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END").execute_if(dialect="sqlite"))
    sa.event.listen(table, "after_create", sa.DDL(  # type: ignore[no-untyped-call]
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'consent records are append-only'; END $$").execute_if(dialect="postgresql"))
    sa.event.listen(table, "after_create", sa.DDL(  # type: ignore[no-untyped-call]
        f"CREATE TRIGGER {name}_append_only BEFORE UPDATE ON {qualified} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()").execute_if(dialect="postgresql"))


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _engine_for(url: str | sa.URL) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        # SQLAlchemy's default PostgreSQL driver is psycopg2; use psycopg 3 when only that one is installed.
        try:
            import psycopg2  # type: ignore[import-untyped]  # noqa: F401
        except ImportError:
            parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


def _run(ddl: str) -> Callable[[Connection], object]:
    def run(conn: Connection) -> object:
        return conn.exec_driver_sql(ddl)

    return run


def _busy(exc: DBAPIError) -> bool:
    text = str(exc.orig).lower()
    return "database is locked" in text or "database table is locked" in text or "busy" in text


class SQLAlchemyConsentStore:
    """A consent store in a database reached through SQLAlchemy (Core, no ORM).

    Args:
        bind: an :class:`~sqlalchemy.engine.Engine` (e.g. Flask-SQLAlchemy's ``db.engine``) or a database URL. A
            URL makes the store create and own its engine (closed by :meth:`close`); ``postgresql://`` uses
            psycopg 3 when psycopg2 is not installed.
        metadata: the :class:`~sqlalchemy.MetaData` to define the tables in (e.g. ``db.metadata``, so that your
            migrations see them); a new one by default.
        schema: the database schema of the tables (PostgreSQL), when ``metadata`` is not given.
        prefix: the prefix of the table names (``rk_consent_record``, ``rk_statement``, ``rk_banner_texts``).
        create: create the tables when they are missing and add the columns a log made by an earlier version
            lacks (see :meth:`create_tables`). Pass ``False`` when your migrations create them.
        timeout: how long, in seconds, a write is retried while an SQLite database is locked.

    Raises:
        ConsentError: ``bind`` is neither an engine nor a URL.
    """

    def __init__(self, bind: Engine | str | sa.URL, *, metadata: sa.MetaData | None = None,
                 schema: str | None = None, prefix: str = "rk_", create: bool = True, timeout: float = 30.0) -> None:
        if isinstance(bind, Engine):
            self.engine, self._owns_engine = bind, False
        elif isinstance(bind, str | sa.URL):
            self.engine, self._owns_engine = _engine_for(bind), True
        else:
            raise ConsentError(f"SQLAlchemyConsentStore needs an Engine or a database URL, not {type(bind).__name__}")
        self.metadata = metadata if metadata is not None else sa.MetaData(schema=schema)
        self.records, self.statements = consent_tables(self.metadata, prefix=prefix)
        self.texts = banner_texts_table(self.metadata, prefix=prefix)
        self.timeout = timeout
        self._sqlite = self.engine.dialect.name == "sqlite"
        self._known = threading.local()
        if create:
            self.create_tables()

    # -- set-up ------------------------------------------------------------------------------------------

    def create_tables(self) -> None:
        """Create the tables (and the append-only trigger) when they do not exist yet, and upgrade old ones.

        A records table made by an earlier version of the store gets the columns added since
        (``ALTER TABLE … ADD COLUMN``, nullable, so existing rows stay as they are and read back with the
        defaults). Safe when several processes start at once: a creation or an added column that loses the race
        to another is ignored.
        """
        tables = [self.records, self.statements, self.texts]
        try:
            self._retry(lambda: self.metadata.create_all(self.engine, tables=tables, checkfirst=True))
        except DBAPIError:
            inspector = sa.inspect(self.engine)
            if not all(inspector.has_table(t.name, schema=t.schema) for t in tables):
                raise
        self._add_missing_columns()

    def _columns(self) -> set[str]:
        t = self.records
        return {str(c["name"]) for c in self._retry(lambda: sa.inspect(self.engine).get_columns(t.name, t.schema))}

    def _add_missing_columns(self) -> None:
        missing = [name for name in _ADDED_COLUMNS if name not in self._columns()]
        if not missing:
            return
        dialect = self.engine.dialect
        quote = dialect.identifier_preparer
        guard = " IF NOT EXISTS" if dialect.name == "postgresql" else ""
        for name in missing:
            column = self.records.c[name]
            ddl = (f"ALTER TABLE {quote.format_table(self.records)} ADD COLUMN{guard} "
                   f"{quote.format_column(column)} {column.type.compile(dialect=dialect)}")
            try:
                self._write(_run(ddl))
            except DBAPIError:
                if name not in self._columns():  # not another process adding it at the same time
                    raise

    def close(self) -> None:
        """Dispose of the engine when the store created it from a URL (an engine passed in is left alone)."""
        if self._owns_engine:
            self.engine.dispose()

    def __enter__(self) -> SQLAlchemyConsentStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -----------------------------------------------------------------------------------------

    def _retry(self, operation: Callable[[], T]) -> T:
        if not self._sqlite:
            return operation()
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while True:
            try:
                return operation()
            except OperationalError as exc:
                if not _busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def _write(self, work: Callable[[Connection], T]) -> T:
        def attempt() -> T:
            with self._begin() as conn:
                return work(conn)

        return self._retry(attempt)

    def _insert_ignore(self, conn: Connection, table: sa.Table, row: dict[str, Any], key: str) -> None:
        dialect = conn.dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            conn.execute(pg_insert(table).values(row).on_conflict_do_nothing(index_elements=[key]))
        elif dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            conn.execute(sqlite_insert(table).values(row).on_conflict_do_nothing(index_elements=[key]))
        else:
            exists = conn.execute(sa.select(table.c[key]).where(table.c[key] == row[key])).first()
            if exists is None:
                nested = conn.begin_nested()
                try:
                    conn.execute(table.insert().values(row))
                except IntegrityError:
                    nested.rollback()
                else:
                    nested.commit()

    def _query(self, where: sa.ColumnElement[bool] | None) -> list[ConsentRecord]:
        t = self.records
        query = sa.select(*(t.c[name] for name in _COLUMNS))
        if where is not None:
            query = query.where(where)
        query = query.order_by(t.c.at_us, t.c.seq)
        with self.engine.connect() as conn:
            rows: Sequence[sa.Row[Any]] = self._retry(lambda: conn.execute(query).all())
        return [ConsentRecord(receipt_id=r.receipt_id, consent_id=r.consent_id, at=_from_us(r.at_us),
                              version=r.version, fingerprint=r.fingerprint, offered=r.offered.split(),
                              granted=r.granted.split(), withdrawn=r.withdrawn.split(), method=r.method,
                              locale=r.locale, subject=r.subject, gpc=bool(r.gpc),
                              **ConsentRecord.details_from(self._details(r.receipt_id, r.details)))
                for r in rows]

    def _details(self, receipt_id: str, value: str | None) -> dict[str, Any] | None:
        if not value:
            return None
        try:
            data = json.loads(value)
        except ValueError as exc:
            raise ConsentError(f"{self.records.name}: record {receipt_id}: the details column is not JSON "
                               f"({exc})") from None
        if not isinstance(data, dict):
            raise ConsentError(f"{self.records.name}: record {receipt_id}: the details column is not a JSON object")
        return data

    # -- the ConsentStore protocol -----------------------------------------------------------------------

    def record(self, record: ConsentRecord) -> None:
        """Append ``record`` to the log (a record with a ``receipt_id`` already stored is ignored)."""
        row = {"receipt_id": record.receipt_id, "consent_id": record.consent_id, "at_us": _us(record.at),
               "version": record.version, "fingerprint": record.fingerprint, "offered": _cats(record.offered),
               "granted": _cats(record.granted), "withdrawn": _cats(record.withdrawn),
               "method": record.method.value, "locale": record.locale, "subject": record.subject,
               "gpc": record.gpc,
               "details": json.dumps(record.details(), separators=(",", ":"), sort_keys=True)}
        self._write(lambda conn: self._insert_ignore(conn, self.records, row, "receipt_id"))

    def history(self, consent_id: str) -> list[ConsentRecord]:
        """All records of one consent, oldest first."""
        return self._query(self.records.c.consent_id == consent_id)

    def for_subject(self, subject: str) -> list[ConsentRecord]:
        """All records linked to a data subject reference, oldest first."""
        return self._query(self.records.c.subject == subject)

    def all(self) -> list[ConsentRecord]:
        """Every record, oldest first."""
        return self._query(None)

    def count(self) -> int:
        """How many records the log holds."""
        with self.engine.connect() as conn:
            value = self._retry(lambda: conn.execute(sa.select(sa.func.count()).select_from(self.records)).scalar())
        return int(value or 0)

    def erase_subject(self, subject: str) -> int:
        """Delete every record linked to ``subject`` (GDPR 17) and return how many were deleted."""
        delete = self.records.delete().where(self.records.c.subject == subject)
        return self._write(lambda conn: int(conn.execute(delete).rowcount))

    def prune(self, older_than: dt.datetime) -> int:
        """Delete every record made before ``older_than`` and return how many were deleted."""
        delete = self.records.delete().where(self.records.c.at_us < _us(older_than))
        return self._write(lambda conn: int(conn.execute(delete).rowcount))

    # -- the StatementArchive protocol -------------------------------------------------------------------

    def remember_statement(self, statement: Statement) -> None:
        """Keep the canonical JSON of ``statement`` under its version (keeping it again changes nothing)."""
        from rekisterikit.load import canonical_json

        version = statement.version
        known: set[str] | None = getattr(self._known, "versions", None)
        if known is None:
            known = self._known.versions = set()
        if version in known:
            return
        row = {"version": version, "first_seen_us": _us(dt.datetime.now(dt.UTC)),
               "canonical_json": canonical_json(statement)}
        self._write(lambda conn: self._insert_ignore(conn, self.statements, row, "version"))
        known.add(version)

    def statement_versions(self) -> list[tuple[str, dt.datetime | None]]:
        """Every kept version with when it was first kept, oldest first (the statement history)."""
        c = self.statements.c
        query = sa.select(c.version, c.first_seen_us).order_by(c.first_seen_us, c.version)
        with self.engine.connect() as conn:
            rows = self._retry(lambda: conn.execute(query).all())
        return [(str(version), _from_us(int(at))) for version, at in rows]

    def statement_json(self, version: str) -> str | None:
        """The canonical JSON of the statement with ``version``, or ``None`` when it was not kept."""
        query = sa.select(self.statements.c.canonical_json).where(self.statements.c.version == version)
        with self.engine.connect() as conn:
            value = self._retry(lambda: conn.execute(query).scalar())
        return None if value is None else str(value)

    # -- the TextsArchive protocol -----------------------------------------------------------------------

    def remember_texts(self, texts_hash: str, texts_json: str) -> None:
        """Keep the banner texts shown (JSON) under their hash (keeping them again changes nothing)."""
        known: set[str] | None = getattr(self._known, "texts", None)
        if known is None:
            known = self._known.texts = set()
        if texts_hash in known:
            return
        row = {"texts_hash": texts_hash, "texts_json": texts_json}
        self._write(lambda conn: self._insert_ignore(conn, self.texts, row, "texts_hash"))
        known.add(texts_hash)

    def texts_json(self, texts_hash: str) -> str | None:
        """The banner texts kept under ``texts_hash``, or ``None``."""
        query = sa.select(self.texts.c.texts_json).where(self.texts.c.texts_hash == texts_hash)
        with self.engine.connect() as conn:
            value = self._retry(lambda: conn.execute(query).scalar())
        return None if value is None else str(value)

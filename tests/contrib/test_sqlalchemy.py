"""Tests of the SQLAlchemy consent store: the store contract, concurrency, the append-only rule, on SQLite and
PostgreSQL (``REKISTERIKIT_TEST_POSTGRES``; skipped locally without it, failed under CI)."""

from __future__ import annotations

import datetime as dt
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy", reason="the SQLAlchemy store needs SQLAlchemy (pip install rekisterikit[flask])")

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from rekisterikit.consent import ConsentError, ConsentRecord, ConsentStore
from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore, consent_tables
from tests.consent.test_store import (
    test_for_subject_and_erase_subject,
    test_history_is_in_time_order,
    test_prune_deletes_only_older_records,
    test_recording_twice_stores_once,
    test_records_round_trip_exactly,
    test_statement_archive_keeps_exact_text,
    test_stores_satisfy_the_protocols,
)

# The contract suite of tests/consent/test_store.py, run here against this module's ``any_store``.
__all__ = [
    "test_for_subject_and_erase_subject",
    "test_history_is_in_time_order",
    "test_prune_deletes_only_older_records",
    "test_recording_twice_stores_once",
    "test_records_round_trip_exactly",
    "test_statement_archive_keeps_exact_text",
    "test_stores_satisfy_the_protocols",
]

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def postgres_url() -> str:
    """The test PostgreSQL URL for SQLAlchemy; skips locally without one and fails under CI."""
    url = os.environ.get("REKISTERIKIT_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("REKISTERIKIT_TEST_POSTGRES is not set under CI (scripts/test starts PostgreSQL)",
                        pytrace=False)
        pytest.skip("no PostgreSQL: run `eval \"$(bash scripts/pg-start)\"` to test against one")
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


class Database:
    """One empty database for a test: a fresh SQLite file, or a fresh schema in the test PostgreSQL."""

    def __init__(self, kind: str, tmp_path: Path) -> None:
        self.kind = kind
        self.schema: str | None = None
        if kind == "sqlite":
            self.url = f"sqlite:///{tmp_path / 'consent.sqlite3'}"
            self.admin = None
        else:
            self.url = postgres_url()
            self.schema = "rk_" + uuid.uuid4().hex[:12]
            self.admin = sa.create_engine(self.url)
            with self.admin.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {self.schema}")

    def store(self, **kwargs: object) -> SQLAlchemyConsentStore:
        """A store on this database (owning its own engine)."""
        return SQLAlchemyConsentStore(self.url, schema=self.schema, **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        """Drop the test schema."""
        if self.admin is not None:
            with self.admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {self.schema} CASCADE")
            self.admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database of each kind."""
    db = Database(request.param, tmp_path)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def any_store(database: Database) -> Iterator[ConsentStore]:
    """The SQLAlchemy store on each database, empty (the name the contract suite asks for)."""
    with database.store() as store:
        yield store


def _record(writer: str, i: int) -> ConsentRecord:
    return ConsentRecord(consent_id=f"{writer}-{i:08d}".ljust(16, "x"), at=NOW + dt.timedelta(microseconds=i),
                         version="sha256:v", fingerprint="sha256:f", offered=("statistics", "marketing"),
                         granted=("statistics",) if i % 2 else (), method="custom", locale="fi")


def _run_writers(make_store: Callable[[str], SQLAlchemyConsentStore], writers: list[str], count: int) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(writers))

    def work(writer: str) -> None:
        try:
            store = make_store(writer)
            barrier.wait(timeout=60)
            for i in range(count):
                store.record(_record(writer, i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert [] == errors


def _check_complete(store: SQLAlchemyConsentStore, writers: list[str], count: int) -> None:
    records = store.all()
    assert len(writers) * count == len(records) == store.count()
    assert {_record(w, i).consent_id for w in writers for i in range(count)} == {r.consent_id for r in records}
    assert len(records) == len({r.receipt_id for r in records})


@pytest.mark.slow
def test_eight_writers_with_own_engines_lose_nothing(database: Database) -> None:
    """8 concurrent writers, each with its own store and engine on one database, 200 decisions each: every
    record is stored once and reads back."""
    database.store().close()
    writers = [f"writer{n}" for n in range(8)]
    stores: list[SQLAlchemyConsentStore] = []
    lock = threading.Lock()

    def make(_: str) -> SQLAlchemyConsentStore:
        store = database.store(create=False)
        with lock:
            stores.append(store)
        return store

    try:
        _run_writers(make, writers, 200)
    finally:
        for s in stores:
            s.close()
    with database.store() as store:
        _check_complete(store, writers, 200)


@pytest.mark.slow
def test_eight_threads_sharing_one_store_lose_nothing(database: Database) -> None:
    """8 threads writing through one shared store (one engine and its pool): nothing is lost or doubled."""
    writers = [f"shared{n}" for n in range(8)]
    with database.store() as store:
        _run_writers(lambda _: store, writers, 200)
        _check_complete(store, writers, 200)


def test_records_are_append_only(database: Database) -> None:
    """The database itself refuses an UPDATE of a stored record."""
    with database.store() as store:
        store.record(_record("w", 1))
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(store.records.update().values(granted="marketing"))
        assert [_record("w", 1).consent_id] == [r.consent_id for r in store.all()]


def test_same_tables_as_the_sqlite_store(tmp_path: Path) -> None:
    """On SQLite the store reads a log written by the embedded SQLite store, and the other way round."""
    from rekisterikit.consent import SQLiteConsentStore

    path = tmp_path / "shared.sqlite3"
    with SQLiteConsentStore(path) as embedded:
        embedded.record(_record("embedded", 1))
    with SQLAlchemyConsentStore(f"sqlite:///{path}") as store:
        store.record(_record("alchemy", 2))
        assert {"embedded", "alchemy"} == {r.consent_id.split("-")[0] for r in store.all()}
    with SQLiteConsentStore(path) as embedded:
        assert 2 == embedded.count()


def test_tables_go_into_given_metadata(tmp_path: Path) -> None:
    """Passing an application's MetaData defines the tables there (for its migrations), with the prefix."""
    metadata = sa.MetaData()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'app.sqlite3'}")
    try:
        store = SQLAlchemyConsentStore(engine, metadata=metadata, prefix="shop_rk_", create=False)
        assert {"shop_rk_consent_record", "shop_rk_statement"} == set(metadata.tables)
        assert [] == sa.inspect(engine).get_table_names()
        metadata.create_all(engine)
        store.record(_record("m", 1))
        assert 1 == store.count()
        assert consent_tables(metadata, prefix="shop_rk_") == (store.records, store.statements)
        store.close()
        with engine.connect() as conn:
            assert 1 == conn.exec_driver_sql("SELECT count(*) FROM shop_rk_consent_record").scalar()
    finally:
        engine.dispose()


def test_given_engine_is_not_disposed(tmp_path: Path) -> None:
    """close() disposes only an engine the store created itself."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    disposed: list[bool] = []
    engine.dispose = lambda *a, **k: disposed.append(True)  # type: ignore[method-assign]
    SQLAlchemyConsentStore(engine).close()
    assert [] == disposed


def test_bad_bind_is_refused() -> None:
    """Anything but an Engine or a URL is a ConsentError."""
    with pytest.raises(ConsentError, match="Engine or a database URL"):
        SQLAlchemyConsentStore(42)  # type: ignore[arg-type]


def test_plain_postgresql_url_uses_psycopg3() -> None:
    """A driverless ``postgresql://`` URL gets psycopg 3 when psycopg2 is not installed."""
    pytest.importorskip("psycopg")
    from rekisterikit.contrib.sqlalchemy import _engine_for

    try:
        import psycopg2  # noqa: F401
    except ImportError:
        expected = "postgresql+psycopg"
    else:  # pragma: no cover - depends on the environment
        expected = "postgresql"
    engine = _engine_for("postgresql://user@127.0.0.1:1/none")
    try:
        assert expected == engine.url.drivername
    finally:
        engine.dispose()


def test_sqlite_url_turns_on_wal(tmp_path: Path) -> None:
    """A store made from an SQLite URL uses WAL mode and full sync, like the embedded store."""
    with SQLAlchemyConsentStore(f"sqlite:///{tmp_path / 'w.sqlite3'}") as store, store.engine.connect() as conn:
        assert ("wal", 2) == (conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
                              conn.exec_driver_sql("PRAGMA synchronous").scalar())


def test_creating_tables_twice_is_harmless(database: Database) -> None:
    """A second store on the same database finds the tables and keeps the records."""
    with database.store() as first:
        first.record(_record("a", 1))
    with database.store() as second:
        second.create_tables()
        assert 1 == second.count()

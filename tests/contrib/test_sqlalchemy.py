"""Tests of the SQLAlchemy consent store: the store contract, concurrency, the append-only rule, on SQLite and
PostgreSQL (``REKISTERIKIT_TEST_POSTGRES``; skipped locally without it, failed under CI)."""

from __future__ import annotations

import datetime as dt
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("sqlalchemy", reason="the SQLAlchemy store needs SQLAlchemy (pip install rekisterikit[flask])")

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from rekisterikit.consent import ConsentError, ConsentRecord, ConsentState, ConsentStore, TextsArchive
from rekisterikit.consent.state import OPTIONAL_CATEGORIES
from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore, consent_tables
from rekisterikit.testing.strategies import consent_states
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


def _full(writer: str, i: int) -> ConsentRecord:
    return attrs.evolve(_record(writer, i), offered_services=("ga", "youtube"), services=("youtube",),
                        gpc_optin=True, library_version="1.0", texts_hash=f"sha256:{writer}")


def test_same_tables_as_the_sqlite_store(tmp_path: Path) -> None:
    """On SQLite the store reads a log written by the embedded SQLite store, and the other way round: records
    with every field, and the banner texts."""
    from rekisterikit.consent import SQLiteConsentStore

    path = tmp_path / "shared.sqlite3"
    first, second = _full("embedded", 1), _full("alchemy", 2)
    with SQLiteConsentStore(path) as embedded:
        embedded.record(first)
        embedded.remember_texts("sha256:embedded", '{"title":"Evästeet"}')
    with SQLAlchemyConsentStore(f"sqlite:///{path}") as store:
        store.record(second)
        store.remember_texts("sha256:alchemy", '{"title":"Kakor"}')
        assert [first, second] == store.all()
        assert '{"title":"Evästeet"}' == store.texts_json("sha256:embedded")
    with SQLiteConsentStore(path) as embedded:
        assert [first, second] == embedded.all()
        assert '{"title":"Kakor"}' == embedded.texts_json("sha256:alchemy")


def test_tables_go_into_given_metadata(tmp_path: Path) -> None:
    """Passing an application's MetaData defines the tables there (for its migrations), with the prefix."""
    metadata = sa.MetaData()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'app.sqlite3'}")
    try:
        store = SQLAlchemyConsentStore(engine, metadata=metadata, prefix="shop_rk_", create=False)
        assert {"shop_rk_consent_record", "shop_rk_statement", "shop_rk_banner_texts"} == set(metadata.tables)
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
        import psycopg2  # type: ignore[import-untyped]  # noqa: F401
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


# -- every field of a record, old logs, the banner texts -----------------------------------------------------------

_categories = st.frozensets(st.sampled_from(OPTIONAL_CATEGORIES))
# Subjects are the shop's references (customer ids): any non-blank text a database column can hold (no NUL, no
# lone surrogate), up to the 200 characters a record allows.
_subjects = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1,
                    max_size=200).filter(str.strip)
# The fields added with services go into a JSON column: anything a str can hold survives, surrogates and NUL too.
_anything = st.text(max_size=80)


@st.composite
def records(draw: st.DrawFn) -> ConsentRecord:
    """Records with every field drawn: a decision from the testing kit's consent states and the rest at random."""
    state: ConsentState = draw(consent_states())
    record = ConsentRecord.of(state, offered=draw(_categories), withdrawn=draw(_categories),
                              subject=draw(st.none() | _subjects),
                              offered_services=draw(st.frozensets(_anything, max_size=6)),
                              texts_hash=draw(st.none() | _anything))
    return attrs.evolve(record, services=draw(st.frozensets(_anything, max_size=6)), gpc=draw(st.booleans()),
                        gpc_optin=draw(st.booleans()), library_version=draw(st.none() | _anything))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(record=records())
def test_every_field_of_a_record_round_trips(any_store: SQLAlchemyConsentStore, record: ConsentRecord) -> None:
    """Any record, with the services, GPC opt-in, library version and texts hash, reads back equal."""
    any_store.record(record)
    assert [record] == [r for r in any_store.history(record.consent_id) if r.receipt_id == record.receipt_id]


def test_service_fields_round_trip(any_store: SQLAlchemyConsentStore) -> None:
    """A record as the consent service makes it keeps its services, opt-in, version and texts hash."""
    record = ConsentRecord(consent_id="S" * 22, at=NOW, version="sha256:v", fingerprint="sha256:f",
                           offered=("statistics", "marketing"), granted=("marketing",), method="custom", locale="fi",
                           gpc=True, offered_services=("ga", "meta-pixel", "youtube"), services=("youtube",),
                           gpc_optin=True, library_version="1.2.3", texts_hash="sha256:" + "c" * 64)
    any_store.record(record)
    (back,) = any_store.all()
    assert (record, frozenset({"youtube"}), True, "1.2.3") == (back, back.services, back.gpc_optin,
                                                                back.library_version)


def _old_schema(database: Database) -> list[str]:
    """The CREATE statements of the store before the services fields (no details column, no texts table), as
    that version made them on each database."""
    if database.kind == "sqlite":
        return [
            """CREATE TABLE rk_consent_record (
                seq INTEGER NOT NULL, receipt_id VARCHAR(64) NOT NULL, consent_id VARCHAR(64) NOT NULL,
                at_us BIGINT NOT NULL, version VARCHAR(100) NOT NULL, fingerprint VARCHAR(100) NOT NULL,
                offered VARCHAR(100) NOT NULL, granted VARCHAR(100) NOT NULL, withdrawn VARCHAR(100) NOT NULL,
                method VARCHAR(20) NOT NULL, locale VARCHAR(32) NOT NULL, subject VARCHAR(200), gpc BOOLEAN NOT NULL,
                PRIMARY KEY (seq), UNIQUE (receipt_id))""",
            "CREATE INDEX rk_consent_record_consent ON rk_consent_record (consent_id, at_us)",
            "CREATE TRIGGER rk_consent_record_append_only BEFORE UPDATE ON rk_consent_record "
            "BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END",
            """CREATE TABLE rk_statement (version VARCHAR(100) NOT NULL, first_seen_us BIGINT NOT NULL,
                canonical_json TEXT NOT NULL, PRIMARY KEY (version))""",
        ]
    schema = database.schema
    return [
        f"""CREATE TABLE {schema}.rk_consent_record (
            seq BIGSERIAL NOT NULL, receipt_id VARCHAR(64) NOT NULL, consent_id VARCHAR(64) NOT NULL,
            at_us BIGINT NOT NULL, version VARCHAR(100) NOT NULL, fingerprint VARCHAR(100) NOT NULL,
            offered VARCHAR(100) NOT NULL, granted VARCHAR(100) NOT NULL, withdrawn VARCHAR(100) NOT NULL,
            method VARCHAR(20) NOT NULL, locale VARCHAR(32) NOT NULL, subject VARCHAR(200), gpc BOOLEAN NOT NULL,
            PRIMARY KEY (seq), UNIQUE (receipt_id))""",
        f"CREATE INDEX rk_consent_record_consent ON {schema}.rk_consent_record (consent_id, at_us)",
        f"CREATE OR REPLACE FUNCTION {schema}.rk_consent_record_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'consent records are append-only'; END $$",
        f"CREATE TRIGGER rk_consent_record_append_only BEFORE UPDATE ON {schema}.rk_consent_record "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.rk_consent_record_append_only()",
        f"""CREATE TABLE {schema}.rk_statement (version VARCHAR(100) NOT NULL, first_seen_us BIGINT NOT NULL,
            canonical_json TEXT NOT NULL, PRIMARY KEY (version))""",
    ]


def _old_log(database: Database) -> sa.Engine:
    """A log made by the previous version of the store, with two records written by it (one of a customer)."""
    engine = sa.create_engine(database.url)
    table = f"{database.schema}.rk_consent_record" if database.schema else "rk_consent_record"
    with engine.begin() as conn:
        for ddl in _old_schema(database):
            conn.exec_driver_sql(ddl)
        for n, subject in ((1, None), (2, "cust-9")):
            conn.execute(sa.text(
                f"INSERT INTO {table} (receipt_id, consent_id, at_us, version, fingerprint, offered, granted, "
                "withdrawn, method, locale, subject, gpc) VALUES (:rid, :cid, :at, 'sha256:v', 'sha256:f', "
                "'statistics marketing', 'statistics', '', 'custom', 'fi', :subject, :gpc)"),
                {"rid": f"old-{n}", "cid": f"old-consent-{n:06d}", "at": 1_700_000_000_000_000 + n,
                 "subject": subject, "gpc": n == 2})
    return engine


def _columns(engine: sa.Engine, database: Database) -> list[str]:
    return [c["name"] for c in sa.inspect(engine).get_columns("rk_consent_record", schema=database.schema)]


def test_log_of_the_previous_version_is_upgraded_in_place(database: Database) -> None:
    """Opening a log made before the services fields adds the column and the texts table, keeps the old rows
    (read back with empty services) and stores new records with every field; opening it again changes nothing."""
    engine = _old_log(database)
    try:
        assert "details" not in _columns(engine, database)
        new = ConsentRecord(consent_id="N" * 22, at=NOW, version="sha256:v", fingerprint="sha256:f",
                            offered=("marketing",), granted=("marketing",), method="custom", locale="sv",
                            services=("youtube",), offered_services=("youtube",), gpc_optin=True,
                            library_version="9.9", texts_hash="sha256:t")
        with database.store() as store:
            old = store.all()
            store.record(new)
            store.remember_texts("sha256:t", '{"accept_all":"Ja"}')
        assert "details" in _columns(engine, database)
        assert sa.inspect(engine).has_table("rk_banner_texts", schema=database.schema)
        with database.store() as again:
            again.create_tables()
            assert [*old, new] == again.all()
            assert '{"accept_all":"Ja"}' == again.texts_json("sha256:t")
            assert 1 == again.erase_subject("cust-9")
        first = old[0]
        assert ["old-1", "old-2"] == [r.receipt_id for r in old]
        assert ({"statistics"}, set(), set()) == ({c.value for c in first.granted}, set(first.services),
                                                   set(first.offered_services))
        assert (False, None, None) == (first.gpc_optin, first.library_version, first.texts_hash)
        assert (True, "cust-9") == (old[1].gpc, old[1].subject)
        assert 1 == _columns(engine, database).count("details")
        # Still append-only after the upgrade: the old trigger also guards the new column.
        table = f"{database.schema}.rk_consent_record" if database.schema else "rk_consent_record"
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE {table} SET details = '{{}}'")
    finally:
        engine.dispose()


def test_upgrade_racing_another_process_is_harmless(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """When another process adds the column between our look and our ALTER, our ALTER changes nothing."""
    engine = _old_log(database)
    try:
        with database.store() as store:
            real = store._columns
            looks: list[set[str]] = []

            def stale() -> set[str]:
                found = real()
                looks.append(found)
                return found - {"details"} if len(looks) == 1 else found

            monkeypatch.setattr(store, "_columns", stale)
            store.create_tables()
            # SQLite: the ALTER fails (duplicate column) and a second look finds the column; PostgreSQL's
            # ADD COLUMN IF NOT EXISTS does nothing instead.
            assert (2 if database.kind == "sqlite" else 1, 2) == (len(looks), store.count())
        assert 1 == _columns(engine, database).count("details")
    finally:
        engine.dispose()


def test_create_false_leaves_an_old_log_alone(database: Database) -> None:
    """With ``create=False`` the store changes no schema (the application's migrations own it); recording fails
    until the log is upgraded, by a migration or ``create_tables()``."""
    engine = _old_log(database)
    try:
        store = SQLAlchemyConsentStore(engine, schema=database.schema, create=False)
        assert "details" not in _columns(engine, database)
        assert not sa.inspect(engine).has_table("rk_banner_texts", schema=database.schema)
        with pytest.raises(DBAPIError, match="details"):  # the documented failure until the migration runs
            store.record(_record("w", 1))
        store.create_tables()
        store.record(_record("w", 1))
        assert (3, "details") == (store.count(), _columns(engine, database)[-1])
    finally:
        engine.dispose()


def test_bad_details_is_a_clear_error(database: Database) -> None:
    """A details column that is not a JSON object (edited by hand) is named, with the record, in a ConsentError."""
    with database.store() as store:
        row = {"receipt_id": "bad-1", "consent_id": "B" * 22, "at_us": 1, "version": "sha256:v",
               "fingerprint": "sha256:f", "offered": "", "granted": "", "withdrawn": "", "method": "custom",
               "locale": "fi", "subject": None, "gpc": False, "details": "{not json"}
        with store.engine.begin() as conn:
            conn.execute(store.records.insert().values(row))
        with pytest.raises(ConsentError, match=r"rk_consent_record: record bad-1: the details column is not JSON"):
            store.all()


def test_texts_archive_keeps_the_exact_texts(any_store: SQLAlchemyConsentStore) -> None:
    """The store is a TextsArchive: texts are kept by hash, exactly, once; an unknown hash is None."""
    texts = '{"accept_all":"Hyväksy kaikki","title":"Evästeet 🍪 <b>&amp;</b>"}'
    assert isinstance(any_store, TextsArchive)
    any_store.remember_texts("sha256:" + "1" * 64, texts)
    any_store.remember_texts("sha256:" + "1" * 64, texts)
    any_store._known.texts = set()  # another thread: no cache, the insert is ignored by the database
    any_store.remember_texts("sha256:" + "1" * 64, '{"changed":"no"}')
    assert (texts, None) == (any_store.texts_json("sha256:" + "1" * 64), any_store.texts_json("sha256:" + "2" * 64))
    with any_store.engine.connect() as conn:
        assert 1 == conn.execute(sa.select(sa.func.count()).select_from(any_store.texts)).scalar()


def test_proof_from_this_store_quotes_the_texts_shown(any_store: SQLAlchemyConsentStore) -> None:
    """A decision recorded through the consent service keeps every field, and its proof export quotes the banner
    texts shown (the shop's own wording) from this store's archive, even when the statement is no longer kept."""
    import rekisterikit
    from rekisterikit.consent import ConsentConfig, ConsentService, banner_texts, export_proof, texts_hash
    from tests.consent.shop import SECRET, Clock, services_statement

    statement = services_statement('[consent.texts.sv]\nreject_all = "Nej tack"\n')
    service = ConsentService(statement, ConsentConfig(secret=SECRET), any_store, clock=Clock())
    decision = service.decide({"rk-action": "reject_all"}, locale="sv")
    (kept,) = any_store.all()
    shown = banner_texts(statement, locale="sv")
    assert (decision.record, rekisterikit.__version__, texts_hash(shown)) == (kept, kept.library_version,
                                                                            kept.texts_hash)
    assert {s.key for s in service.services} == kept.offered_services != frozenset()
    with any_store.engine.begin() as conn:  # only the texts archive can answer now: no statement to rebuild from
        conn.execute(any_store.statements.delete())
    (receipt,) = export_proof(any_store.history(kept.consent_id), store=any_store, now=NOW)["receipts"]
    extra = receipt["rekisterikit"]
    assert (None, shown, "Nej tack", kept.texts_hash) == (extra["statement"], extra["bannerTexts"],
                                                          extra["bannerTexts"]["reject_all"], extra["bannerTextsHash"])
    with any_store.engine.begin() as conn:
        conn.execute(any_store.texts.delete())
    (receipt,) = export_proof(any_store.history(kept.consent_id), store=any_store, now=NOW)["receipts"]
    assert receipt["rekisterikit"]["bannerTexts"] is None


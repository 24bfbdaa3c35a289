"""Tests of the SQLite consent store under concurrency and crashes: nothing lost, always readable."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from rekisterikit.consent import ConsentError, ConsentRecord, SQLiteConsentStore
from tests.consent.shop import NOW

ROOT = Path(__file__).resolve().parents[2]


def _record(writer: str, i: int) -> ConsentRecord:
    return ConsentRecord(consent_id=f"{writer}-{i:010d}".ljust(16, "x"), at=NOW + dt.timedelta(microseconds=i),
                         version="sha256:v", fingerprint="sha256:f", offered=("statistics", "marketing"),
                         granted=("statistics",) if i % 2 else (), method="custom", locale="fi")


def _write_many(path: str, writer: str, count: int) -> None:
    """Write ``count`` records as ``writer`` (runs in a spawned process)."""
    with SQLiteConsentStore(path) as store:
        for i in range(count):
            store.record(_record(writer, i))


def _check_complete(store: SQLiteConsentStore, writers: list[str], count: int) -> None:
    records = store.all()
    assert len(writers) * count == len(records) == store.count()
    ids = {r.consent_id for r in records}
    assert {_record(w, i).consent_id for w in writers for i in range(count)} == ids
    assert len(records) == len({r.receipt_id for r in records})


@pytest.mark.slow
def test_eight_threads_lose_nothing(tmp_path: Path) -> None:
    """8 threads × 500 decisions through one store: every record is stored and readable, counts exact."""
    writers = [f"thread{t}" for t in range(8)]
    errors: list[BaseException] = []
    with SQLiteConsentStore(tmp_path / "c.sqlite3") as store:
        def work(writer: str) -> None:
            try:
                for i in range(500):
                    store.record(_record(writer, i))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(w,)) for w in writers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [] == errors
        _check_complete(store, writers, 500)


@pytest.mark.slow
def test_four_processes_lose_nothing(tmp_path: Path) -> None:
    """4 spawned processes writing 500 decisions each at once: every record is stored, counts exact."""
    path = str(tmp_path / "c.sqlite3")
    SQLiteConsentStore(path).close()
    writers = [f"proc{p}" for p in range(4)]
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_many, args=(path, w, 500)) for w in writers]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [0, 0, 0, 0] == [p.exitcode for p in procs]
    with SQLiteConsentStore(path) as store:
        _check_complete(store, writers, 500)


_KILLED_WRITER = textwrap.dedent("""
    import datetime as dt, sys
    from rekisterikit.consent import ConsentRecord, SQLiteConsentStore
    store = SQLiteConsentStore(sys.argv[1])
    i = 0
    while True:
        store.record(ConsentRecord(consent_id=f"killed-{i:010d}", at=dt.datetime.now(dt.UTC), version="sha256:v",
                                   fingerprint="sha256:f", offered=["statistics"], granted=["statistics"],
                                   method="accept_all", locale="fi"))
        i += 1
        if i == 50:
            print("writing", flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_process_killed_mid_write_leaves_a_readable_database(tmp_path: Path, attempt: int) -> None:
    """SIGKILL of a process in the middle of its writes leaves a consistent database whose records all read."""
    path = tmp_path / "c.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path)], stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout is not None
        assert b"writing\n" == child.stdout.readline()
        time.sleep(0.05 + 0.07 * attempt)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert -signal.SIGKILL == child.returncode
    with SQLiteConsentStore(path) as store:
        records = store.all()
        assert len(records) >= 50
        assert sorted(r.consent_id for r in records) == [f"killed-{i:010d}" for i in range(len(records))]
        store.record(_record("after", 1))
        assert len(records) + 1 == store.count()
    with sqlite3.connect(path) as check:
        assert [("ok",)] == check.execute("PRAGMA integrity_check").fetchall()
    check.close()


def test_records_are_append_only(tmp_path: Path) -> None:
    """An UPDATE of a stored record is refused by the database itself."""
    path = tmp_path / "c.sqlite3"
    with SQLiteConsentStore(path) as store:
        store.record(_record("w", 1))
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE rk_consent_record SET granted = 'marketing'")
    finally:
        conn.close()


def test_uses_wal_and_full_sync(tmp_path: Path) -> None:
    """The database is in WAL mode and the connection syncs fully by default."""
    with SQLiteConsentStore(tmp_path / "c.sqlite3") as store:
        conn = store._conn()
        assert ("wal", 2) == (conn.execute("PRAGMA journal_mode").fetchone()[0],
                              conn.execute("PRAGMA synchronous").fetchone()[0])


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A database written by a newer rekisterikit is not silently used."""
    path = tmp_path / "c.sqlite3"
    SQLiteConsentStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(ConsentError, match="newer"):
        SQLiteConsentStore(path)


def test_bad_synchronous_setting_is_refused(tmp_path: Path) -> None:
    """Only FULL and NORMAL are accepted."""
    with pytest.raises(ConsentError, match="synchronous"):
        SQLiteConsentStore(tmp_path / "c.sqlite3", synchronous="OFF")  # type: ignore[arg-type]

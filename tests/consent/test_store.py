"""Tests of the ConsentStore protocol, run against the in-memory and the SQLite store alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from rekisterikit.consent import (
    ConsentRecord,
    ConsentStore,
    MemoryConsentStore,
    SQLiteConsentStore,
    StatementArchive,
)
from rekisterikit.load import canonical_json
from tests.consent.shop import NOW, shop_statement


def make_record(consent_id: str = "C" * 22, *, minutes: int = 0, subject: str | None = None,
                granted: tuple[str, ...] = ("statistics",)) -> ConsentRecord:
    """A record of a custom decision, ``minutes`` after the test clock's time."""
    return ConsentRecord(consent_id=consent_id, at=NOW + dt.timedelta(minutes=minutes), version="sha256:" + "a" * 64,
                         fingerprint="sha256:" + "b" * 64, offered=("preferences", "statistics", "marketing"),
                         granted=granted, method="custom", locale="fi", subject=subject)


@pytest.fixture(params=["memory", "sqlite"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ConsentStore]:
    """Each store implementation, empty."""
    if request.param == "memory":
        yield MemoryConsentStore()
    else:
        with SQLiteConsentStore(tmp_path / "consent.sqlite3") as store:
            yield store


def test_stores_satisfy_the_protocols(any_store: ConsentStore) -> None:
    """Both stores are ConsentStores and StatementArchives."""
    assert (True, True) == (isinstance(any_store, ConsentStore), isinstance(any_store, StatementArchive))


def test_history_is_in_time_order(any_store: ConsentStore) -> None:
    """A consent's history lists its records oldest first, and only its own."""
    later, earlier, other = make_record(minutes=5), make_record(minutes=1), make_record("D" * 22)
    for r in (later, other, earlier):
        any_store.record(r)
    assert [earlier, later] == any_store.history("C" * 22)


def test_records_round_trip_exactly(any_store: ConsentStore) -> None:
    """A stored record reads back equal, to the microsecond, with every field."""
    record = ConsentRecord(consent_id="E" * 22, at=NOW + dt.timedelta(microseconds=123456), version="sha256:v",
                           fingerprint="sha256:f", offered=("statistics", "marketing"), granted=("marketing",),
                           withdrawn=("statistics",), method="gpc", locale="sv-FI", subject="cust-1", gpc=True)
    any_store.record(record)
    assert [record] == any_store.history("E" * 22)


def test_recording_twice_stores_once(any_store: ConsentStore) -> None:
    """The same record (same receipt id) is kept once."""
    record = make_record()
    any_store.record(record)
    any_store.record(record)
    assert [record] == any_store.history(record.consent_id)


def test_for_subject_and_erase_subject(any_store: ConsentStore) -> None:
    """Records linked to a customer are found and erased (GDPR 17); others stay."""
    mine = [make_record("F" * 22, subject="cust-1"), make_record("G" * 22, minutes=1, subject="cust-1")]
    for r in (*mine, make_record("H" * 22, subject="cust-2"), make_record("I" * 22)):
        any_store.record(r)
    assert mine == any_store.for_subject("cust-1")
    assert 2 == any_store.erase_subject("cust-1")
    assert ([], 1) == (any_store.for_subject("cust-1"), len(any_store.for_subject("cust-2")))


def test_prune_deletes_only_older_records(any_store: ConsentStore) -> None:
    """Pruning deletes records made before the limit and keeps the rest."""
    for minutes in (0, 10, 20):
        any_store.record(make_record(minutes=minutes))
    assert 2 == any_store.prune(NOW + dt.timedelta(minutes=15))
    assert [20] == [int((r.at - NOW).total_seconds() // 60) for r in any_store.history("C" * 22)]


def test_statement_archive_keeps_exact_text(any_store: ConsentStore) -> None:
    """A remembered statement is returned as its canonical JSON under its version."""
    statement = shop_statement()
    assert isinstance(any_store, StatementArchive)
    any_store.remember_statement(statement)
    any_store.remember_statement(statement)
    assert (canonical_json(statement), None) == (any_store.statement_json(statement.version),
                                                 any_store.statement_json("sha256:unknown"))


def test_record_dict_round_trip() -> None:
    """to_dict/from_dict give back an equal record, and a missing field is a ValueError."""
    record = make_record(subject="x")
    assert record == ConsentRecord.from_dict(record.to_dict())
    with pytest.raises(ValueError, match="missing field 'at'"):
        ConsentRecord.from_dict({k: v for k, v in record.to_dict().items() if k != "at"})


def test_record_choices_cover_offered_categories() -> None:
    """A record's choices list each offered category."""
    assert {"preferences": False, "statistics": True, "marketing": False} == make_record().choices

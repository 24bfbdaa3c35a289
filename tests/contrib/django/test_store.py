"""Tests of DjangoConsentStore: the consent core's store contract suite, run on the Django ORM, and ORM specifics."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from rekisterikit.consent import ConsentRecord, ConsentStore, StatementArchive, export_proof  # noqa: E402
from rekisterikit.contrib.django.models import ConsentRecord as Row  # noqa: E402
from rekisterikit.contrib.django.models import StatementVersion  # noqa: E402
from rekisterikit.contrib.django.store import DjangoConsentStore  # noqa: E402
from tests.consent import test_store as contract  # noqa: E402
from tests.contrib.django.statements import SHOP  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture
def any_store() -> ConsentStore:
    """The Django store, for the contract tests imported below."""
    return DjangoConsentStore()


# The consent core's contract tests (every test of tests/consent/test_store.py that takes a store) run here
# against the Django store: the same behaviour as the memory and SQLite stores.
CONTRACT: dict[str, Callable[..., Any]] = {
    name: test for name, test in vars(contract).items()
    if name.startswith("test_") and callable(test) and "any_store" in inspect.signature(test).parameters
}
globals().update(CONTRACT)


def test_the_contract_suite_was_found() -> None:
    """The imported contract covers history, erasure, pruning and the statement archive."""
    assert {"test_history_is_in_time_order", "test_for_subject_and_erase_subject",
            "test_prune_deletes_only_older_records", "test_statement_archive_keeps_exact_text"} <= set(CONTRACT)


def test_records_are_append_only() -> None:
    """Saving a stored record again raises ValueError; the row is unchanged."""
    store = DjangoConsentStore()
    store.record(contract.make_record())
    row = Row.objects.get()
    row.granted = "marketing"
    with pytest.raises(ValueError, match="append-only"):
        row.save()
    assert "statistics" == Row.objects.get().granted


def test_store_is_an_archive_and_proof_includes_the_statement() -> None:
    """The store keeps the statement version; the proof export includes the exact statement."""
    store = DjangoConsentStore()
    assert isinstance(store, StatementArchive)
    store.remember_statement(SHOP)
    record = ConsentRecord(consent_id="P" * 22, at=contract.NOW, version=SHOP.version, fingerprint="sha256:f",
                           offered=("statistics",), granted=("statistics",), method="accept_all", locale="fi")
    store.record(record)
    proof = export_proof(store.history("P" * 22), store=store)
    (receipt,) = proof["receipts"]
    assert (SHOP.controller.name, 1) == (receipt["rekisterikit"]["statement"]["controller"]["name"],
                                          StatementVersion.objects.count())


def test_count_and_all() -> None:
    """count() and all() see every record."""
    store = DjangoConsentStore()
    for minutes in (2, 1):
        store.record(contract.make_record(f"{'Q' * 21}{minutes}", minutes=minutes))
    assert (2, [1, 2]) == (store.count(), [int(r.consent_id[-1]) for r in store.all()])

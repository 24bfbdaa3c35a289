"""Where consent records are kept: the :class:`ConsentStore` protocol and an in-memory store for tests.

The SQLite store, the embedded default, is :class:`rekisterikit.consent.sqlite.SQLiteConsentStore`. Framework
adapters may implement the protocol on their own database (e.g. a Django model).

Every store is append-only for records: there is no way to change a record, only to add one, to erase a data
subject's records (GDPR 17) and to prune records older than a retention limit. Recording the same record (the same
``receipt_id``) twice stores it once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from rekisterikit.consent.record import ConsentRecord
from rekisterikit.model import Statement

__all__ = ["ConsentStore", "MemoryConsentStore", "StatementArchive", "TextsArchive"]


@runtime_checkable
class ConsentStore(Protocol):
    """The consent log's storage, as the consent service and the proof export use it."""

    def record(self, record: ConsentRecord) -> None:
        """Append ``record`` to the log (a record with a ``receipt_id`` already stored is ignored)."""

    def history(self, consent_id: str) -> list[ConsentRecord]:
        """All records of one consent, oldest first."""

    def for_subject(self, subject: str) -> list[ConsentRecord]:
        """All records linked to a data subject reference, oldest first."""

    def erase_subject(self, subject: str) -> int:
        """Delete every record linked to ``subject`` (GDPR 17) and return how many were deleted."""

    def prune(self, older_than: dt.datetime) -> int:
        """Delete every record made before ``older_than`` and return how many were deleted."""


@runtime_checkable
class StatementArchive(Protocol):
    """Optional for stores: keep each statement version that consents were given on, for proof.

    The consent service calls :meth:`remember_statement` before recording a decision on a statement version,
    so the proof export can include the exact text the visitor saw.
    """

    def remember_statement(self, statement: Statement) -> None:
        """Keep the canonical JSON of ``statement`` under its version (keeping it again changes nothing)."""

    def statement_json(self, version: str) -> str | None:
        """The canonical JSON of the statement with ``version``, or ``None`` when it was not kept."""


@runtime_checkable
class TextsArchive(Protocol):
    """A store that also keeps the banner texts shown, by their hash, so a proof can quote them exactly."""

    def remember_texts(self, texts_hash: str, texts_json: str) -> None:
        """Keep ``texts_json`` under ``texts_hash``."""

    def texts_json(self, texts_hash: str) -> str | None:
        """The texts kept under ``texts_hash``, or ``None``."""


def _order(record: ConsentRecord) -> dt.datetime:
    return record.at


class MemoryConsentStore:
    """A consent store in a Python list: for tests and examples; everything is lost when the process ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: dict[str, ConsentRecord] = {}
        self._statements: dict[str, str] = {}
        self._first_seen: dict[str, dt.datetime] = {}
        self._texts: dict[str, str] = {}

    def record(self, record: ConsentRecord) -> None:
        """Append ``record`` to the log (a record with a ``receipt_id`` already stored is ignored)."""
        with self._lock:
            self._records.setdefault(record.receipt_id, record)

    def _select(self, keep: Callable[[ConsentRecord], bool]) -> list[ConsentRecord]:
        with self._lock:
            found = [r for r in self._records.values() if keep(r)]
        return sorted(found, key=_order)

    def history(self, consent_id: str) -> list[ConsentRecord]:
        """All records of one consent, oldest first."""
        return self._select(lambda r: r.consent_id == consent_id)

    def for_subject(self, subject: str) -> list[ConsentRecord]:
        """All records linked to a data subject reference, oldest first."""
        return self._select(lambda r: r.subject == subject)

    def all(self) -> list[ConsentRecord]:
        """Every record, oldest first."""
        return self._select(lambda r: True)

    def _delete(self, gone: Callable[[ConsentRecord], bool]) -> int:
        with self._lock:
            doomed = [k for k, r in self._records.items() if gone(r)]
            for k in doomed:
                del self._records[k]
        return len(doomed)

    def erase_subject(self, subject: str) -> int:
        """Delete every record linked to ``subject`` (GDPR 17) and return how many were deleted."""
        return self._delete(lambda r: r.subject == subject)

    def prune(self, older_than: dt.datetime) -> int:
        """Delete every record made before ``older_than`` and return how many were deleted."""
        return self._delete(lambda r: r.at < older_than)

    def remember_statement(self, statement: Statement) -> None:
        """Keep the canonical JSON of ``statement`` under its version."""
        from rekisterikit.load import canonical_json

        with self._lock:
            if statement.version not in self._statements:
                self._statements[statement.version] = canonical_json(statement)
                self._first_seen[statement.version] = dt.datetime.now(dt.UTC)

    def statement_json(self, version: str) -> str | None:
        """The canonical JSON of the statement with ``version``, or ``None`` when it was not kept."""
        with self._lock:
            return self._statements.get(version)

    def statement_versions(self) -> list[tuple[str, dt.datetime | None]]:
        """Every kept version with when it was first kept, oldest first (the statement history)."""
        with self._lock:
            return sorted(((v, t) for v, t in self._first_seen.items()), key=lambda item: (item[1], item[0]))

    def remember_texts(self, texts_hash: str, texts_json: str) -> None:
        """Keep the banner texts shown under their hash."""
        self._texts.setdefault(texts_hash, texts_json)

    def texts_json(self, texts_hash: str) -> str | None:
        """The banner texts kept under ``texts_hash``, or ``None``."""
        return self._texts.get(texts_hash)

"""``DjangoConsentStore``: the consent core's ``ConsentStore`` (and ``StatementArchive``) on the Django ORM.

Writes are single ``INSERT … ON CONFLICT DO NOTHING`` statements (``bulk_create(ignore_conflicts=True)``), so
concurrent requests never lose or duplicate a record, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import threading

from django.db import router

from rekisterikit.consent import ConsentRecord
from rekisterikit.consent.state import OPTIONAL_CATEGORIES
from rekisterikit.model import CookieCategory, Statement

__all__ = ["DjangoConsentStore"]


def _cats(value: frozenset[CookieCategory]) -> str:
    return " ".join(c.value for c in OPTIONAL_CATEGORIES if c in value)


class DjangoConsentStore:
    """A consent store in the Django database (the models :class:`~rekisterikit.contrib.django.models.ConsentRecord`
    and :class:`~rekisterikit.contrib.django.models.StatementVersion`).

    Args:
        using: the database alias; by default the one Django's routers choose for writing the models.
    """

    def __init__(self, using: str | None = None) -> None:
        self.using = using
        self._json: dict[str, str] = {}
        self._lock = threading.Lock()

    def _db(self, write: bool = False) -> str:
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        if self.using is not None:
            return self.using
        return (router.db_for_write(Row) if write else router.db_for_read(Row)) or "default"

    @staticmethod
    def _to_model(record: ConsentRecord) -> object:
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        return Row(receipt_id=record.receipt_id, consent_id=record.consent_id, at=record.at, version=record.version,
                   fingerprint=record.fingerprint, offered=_cats(record.offered), granted=_cats(record.granted),
                   withdrawn=_cats(record.withdrawn), method=record.method.value, locale=record.locale,
                   subject=record.subject, gpc=record.gpc, details=record.details())

    @staticmethod
    def to_record(row: object) -> ConsentRecord:
        """The consent core's record of a model instance."""
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        assert isinstance(row, Row)
        return ConsentRecord(receipt_id=row.receipt_id, consent_id=row.consent_id, at=row.at.astimezone(dt.UTC),
                             version=row.version, fingerprint=row.fingerprint, offered=row.offered.split(),
                             granted=row.granted.split(), withdrawn=row.withdrawn.split(), method=row.method,
                             locale=row.locale, subject=row.subject, gpc=row.gpc,
                             **ConsentRecord.details_from(row.details if isinstance(row.details, dict) else None))

    def record(self, record: ConsentRecord) -> None:
        """Append ``record`` to the log (a record with a ``receipt_id`` already stored is ignored)."""
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        Row.objects.using(self._db(write=True)).bulk_create([self._to_model(record)],  # type: ignore[list-item]
                                                            ignore_conflicts=True)

    def _select(self, **filters: str) -> list[ConsentRecord]:
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        rows = Row.objects.using(self._db()).filter(**filters).order_by("at", "id")
        return [self.to_record(r) for r in rows]

    def history(self, consent_id: str) -> list[ConsentRecord]:
        """All records of one consent, oldest first."""
        return self._select(consent_id=consent_id)

    def for_subject(self, subject: str) -> list[ConsentRecord]:
        """All records linked to a data subject reference, oldest first."""
        return self._select(subject=subject)

    def all(self) -> list[ConsentRecord]:
        """Every record, oldest first."""
        return self._select()

    def count(self) -> int:
        """How many records the log holds."""
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        return Row.objects.using(self._db()).count()

    def _delete(self, **filters: object) -> int:
        from rekisterikit.contrib.django.models import ConsentRecord as Row

        deleted, _ = Row.objects.using(self._db(write=True)).filter(**filters).delete()
        return deleted

    def erase_subject(self, subject: str) -> int:
        """Delete every record linked to ``subject`` (GDPR 17) and return how many were deleted."""
        return self._delete(subject=subject)

    def prune(self, older_than: dt.datetime) -> int:
        """Delete every record made before ``older_than`` and return how many were deleted."""
        return self._delete(at__lt=older_than)

    def remember_statement(self, statement: Statement) -> None:
        """Keep the canonical JSON of ``statement`` under its version (keeping it again changes nothing)."""
        from rekisterikit.contrib.django.models import StatementVersion
        from rekisterikit.load import canonical_json

        with self._lock:
            text = self._json.get(statement.version)
        if text is None:
            text = canonical_json(statement)
            with self._lock:
                if len(self._json) > 16:
                    self._json.clear()
                self._json[statement.version] = text
        # One INSERT … ON CONFLICT DO NOTHING per decision: never cached as "known", so a rolled-back transaction
        # cannot leave a consent without its statement.
        StatementVersion.objects.using(self._db(write=True)).bulk_create(
            [StatementVersion(version=statement.version, canonical_json=text)], ignore_conflicts=True)

    def statement_versions(self) -> list[tuple[str, dt.datetime | None]]:
        """Every kept version with when it was first kept, oldest first (the statement history)."""
        from rekisterikit.contrib.django.models import StatementVersion

        rows = StatementVersion.objects.using(self._db()).order_by("first_seen", "version").values_list(
            "version", "first_seen")
        return [(str(version), first_seen) for version, first_seen in rows]

    def statement_json(self, version: str) -> str | None:
        """The canonical JSON of the statement with ``version``, or ``None`` when it was not kept."""
        from rekisterikit.contrib.django.models import StatementVersion

        row = StatementVersion.objects.using(self._db()).filter(version=version).values_list("canonical_json",
                                                                                              flat=True).first()
        return None if row is None else str(row)

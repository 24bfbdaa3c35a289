"""``manage.py rekisterikit_prune_consents --older-than 3y``: delete consent records past their retention."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

_DURATION = re.compile(r"(?P<n>\d+)\s*(?P<unit>d|w|m|y)?", re.IGNORECASE)
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_age(text: str) -> dt.timedelta:
    """``"400"`` or ``"400d"`` days, ``"8w"`` weeks, ``"13m"`` months (30 days), ``"3y"`` years (365 days), or an
    ISO 8601 duration (``"P3Y"``), as a timedelta.

    Raises:
        ValueError: the text is none of these.
    """
    match = _DURATION.fullmatch(text.strip())
    if match:
        days = int(match["n"]) * _DAYS[(match["unit"] or "d").lower()]
    else:
        from rekisterikit.model import Duration

        days = round(Duration.parse(text.strip()).approximate_days)
    if days <= 0:
        raise ValueError("the age must be positive")
    return dt.timedelta(days=days)


class Command(BaseCommand):
    help = "Delete consent records older than a retention limit from the consent log."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--older-than", required=True, metavar="AGE",
                            help="age limit: 400 or 400d (days), 8w, 13m, 3y, or ISO 8601 (P3Y)")
        parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")

    def handle(self, *args: Any, **options: Any) -> None:
        from rekisterikit.contrib.django.conf import get_store
        from rekisterikit.contrib.django.models import ConsentRecord

        try:
            age = parse_age(options["older_than"])
        except ValueError as exc:
            raise CommandError(f"--older-than: {exc}") from exc
        limit = dt.datetime.now(dt.UTC) - age
        if options["dry_run"]:
            count = ConsentRecord.objects.filter(at__lt=limit).count()
            self.stdout.write(f"would delete {count} consent record(s) made before {limit:%Y-%m-%d %H:%M} UTC")
            return
        store = get_store()
        if store is None:
            raise CommandError("no consent store is configured (REKISTERIKIT['STORE'] is None)")
        count = store.prune(limit)
        self.stdout.write(f"deleted {count} consent record(s) made before {limit:%Y-%m-%d %H:%M} UTC")

"""``manage.py rekisterikit_erase_subject user:42``: erase a data subject's consent records (GDPR 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = ("Erase every consent record linked to a data subject reference (GDPR 17), optionally exporting them "
            "first as proof for the data subject.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subject", nargs="?", help="the subject reference, e.g. user:42")
        parser.add_argument("--user", metavar="USERNAME", help="the signed-in customer's username instead")
        parser.add_argument("--export", metavar="FILE", type=Path,
                            help="write the records as consent receipts (JSON) to FILE before erasing")
        parser.add_argument("--dry-run", action="store_true", help="only count the records")

    def handle(self, *args: Any, **options: Any) -> None:
        from rekisterikit.consent import export_proof_json
        from rekisterikit.contrib.django.conf import get_config, get_store

        subject = self._subject(options)
        store = get_store()
        if store is None:
            raise CommandError("no consent store is configured (REKISTERIKIT['STORE'] is None)")
        records = store.for_subject(subject)
        if options["export"] is not None:
            config = get_config()
            options["export"].write_text(export_proof_json(records, store=store, policy_url=config.policy_url,
                                                            max_age=config.consent.max_age), encoding="utf-8")
            self.stdout.write(f"exported {len(records)} record(s) to {options['export']}")
        if options["dry_run"]:
            self.stdout.write(f"{subject}: {len(records)} consent record(s) would be erased")
            return
        count = store.erase_subject(subject)
        self.stdout.write(f"{subject}: erased {count} consent record(s)")

    def _subject(self, options: dict[str, Any]) -> str:
        if (options["subject"] is None) == (options["user"] is None):
            raise CommandError("give exactly one of SUBJECT and --user")
        if options["subject"] is not None:
            return str(options["subject"])
        from django.contrib.auth import get_user_model

        model = get_user_model()
        try:
            user = model._default_manager.get(**{str(model.USERNAME_FIELD): options["user"]})
        except model.DoesNotExist:
            raise CommandError(f"no user {options['user']!r}") from None
        return f"user:{user.pk}"

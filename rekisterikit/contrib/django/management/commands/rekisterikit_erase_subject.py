"""``manage.py rekisterikit_erase_subject user:42``: erase a data subject's consent records (GDPR 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


def _origin(url: str | None) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL, else ``None``."""
    from urllib.parse import urlsplit

    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


class Command(BaseCommand):
    help = ("Erase every consent record linked to a data subject reference (GDPR 17), optionally exporting them "
            "first as proof for the data subject.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subject", nargs="?", help="the subject reference, e.g. user:42")
        parser.add_argument("--user", metavar="USERNAME", help="the signed-in customer's username instead")
        parser.add_argument("--export", metavar="FILE", type=Path,
                            help="write the records as consent receipts (JSON) to FILE before erasing")
        parser.add_argument("--base-url", metavar="URL",
                            help="the site's scheme and host (https://shop.example) for the links to the statement "
                                 "versions in the exported receipts (default: taken from POLICY_URL when it is "
                                 "absolute; otherwise the links are paths)")
        parser.add_argument("--dry-run", action="store_true", help="only count the records")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["base_url"] is not None and _origin(options["base_url"]) is None:
            raise CommandError(f"--base-url {options['base_url']!r}: give an http(s) URL such as https://shop.example")
        from rekisterikit.consent import export_proof_json
        from rekisterikit.contrib.django.conf import get_config, get_store

        subject = self._subject(options)
        store = get_store()
        if store is None:
            raise CommandError("no consent store is configured (REKISTERIKIT['STORE'] is None)")
        records = store.for_subject(subject)
        if options["export"] is not None:
            from rekisterikit.contrib.django.history import version_url

            config = get_config()
            base = options["base_url"] or _origin(config.policy_url)
            text = export_proof_json(records, store=store, policy_url=config.policy_url,
                                     max_age=config.consent.max_age, statement_url=version_url(base_url=base))
            options["export"].write_text(text, encoding="utf-8")
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

"""``manage.py rekisterikit_check``: validate the configured statement and print the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rekisterikit.errors import LoadError


def _source(setting: object) -> str | None:
    """The statement file's name when ``STATEMENT`` is a path (``str`` or :class:`~pathlib.Path`), for file:line."""
    from rekisterikit.contrib.django.conf import _is_path

    if isinstance(setting, Path) or (isinstance(setting, str) and _is_path(setting)):
        return str(setting)
    return None


class Command(BaseCommand):
    help = "Check the configured privacy statement against the law (GDPR, Finnish acts) and print the findings."
    requires_system_checks: list[str] = []  # noqa: RUF012 - Django's own attribute

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        parser.add_argument("--fail-level", choices=("error", "warning", "info"), default=None,
                            help="exit with status 1 when a finding reaches this severity "
                                 "(default: REKISTERIKIT['CHECK_FAIL_LEVEL'])")
        parser.add_argument("--locale", choices=("fi", "sv", "en"), default=None,
                            help="language of the messages (default: REKISTERIKIT['DEFAULT_LOCALE'])")

    def handle(self, *args: Any, **options: Any) -> None:
        from rekisterikit.contrib.django.conf import get_config, get_statement
        from rekisterikit.validate import validate
        from rekisterikit.validate.output import to_json, to_text

        config = get_config()
        try:
            statement = get_statement()
        except LoadError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        source = _source(config.statement)
        report = validate(statement, ignore=config.check_ignore, source=source)
        locale = options["locale"] or config.default_locale
        if options["format"] == "json":
            self.stdout.write(to_json(report, locale), ending="")
        else:
            self.stdout.write(to_text(report, locale), ending="")
        level = options["fail_level"] or (config.check_fail_level.value if config.check_fail_level else None)
        if level is not None and report.fails(level):
            raise CommandError(f"findings at level {level!r} or above", returncode=1)

"""Tests of the management commands: rekisterikit_check, rekisterikit_prune_consents, rekisterikit_erase_subject."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.core.management import call_command  # noqa: E402
from django.core.management.base import CommandError  # noqa: E402

from rekisterikit.consent import ConsentRecord  # noqa: E402
from rekisterikit.contrib.django.management.commands.rekisterikit_prune_consents import parse_age  # noqa: E402
from rekisterikit.contrib.django.store import DjangoConsentStore  # noqa: E402
from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402


def run(*args: str) -> str:
    """Run a management command and return what it printed."""
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def record(consent_id: str, *, days_ago: int, subject: str | None = None) -> ConsentRecord:
    """A stored record made ``days_ago`` days ago."""
    rec = ConsentRecord(consent_id=consent_id.ljust(22, "x"), at=dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago),
                        version="sha256:v", fingerprint="sha256:f", offered=("statistics",), granted=(),
                        method="reject_all", locale="fi", subject=subject)
    DjangoConsentStore().record(rec)
    return rec


def test_check_command_passes_a_clean_statement(rk_settings: Any) -> None:
    """rekisterikit_check prints the report and succeeds on the corrected statement."""
    rk_settings(STATEMENT=KALVOKESKUS)
    assert "RK-" in run("rekisterikit_check", "--locale", "en") or "No findings" in run("rekisterikit_check")


def test_check_command_fails_with_status_1_on_errors() -> None:
    """With error findings the command exits 1."""
    with pytest.raises(CommandError) as info:
        run("rekisterikit_check")
    assert 1 == info.value.returncode


def test_check_command_json_and_fail_level(rk_settings: Any) -> None:
    """--format json prints the findings contract; --fail-level warning fails on warnings too."""
    rk_settings(STATEMENT=KALVOKESKUS)
    data = json.loads(run("rekisterikit_check", "--format", "json"))
    assert {"source", "statement_version", "findings", "summary"} == set(data)
    rk_settings(STATEMENT=KALVOKESKUS, CHECK_FAIL_LEVEL=None)
    run("rekisterikit_check", "--fail-level", "warning")  # no warnings in the corrected statement
    with pytest.raises(CommandError):
        run("rekisterikit_check", "--fail-level", "info")


def test_check_command_reports_load_errors_with_status_2(rk_settings: Any, tmp_path: Path) -> None:
    """An invalid statement file exits 2 with the load errors."""
    path = tmp_path / "bad.toml"
    path.write_text('[controller]\nname = "Kauppa"\nbusiness_id = "1234567-8"\n', encoding="utf-8")
    rk_settings(STATEMENT=str(path))
    with pytest.raises(CommandError, match=r"business_id") as info:
        run("rekisterikit_check")
    assert 2 == info.value.returncode


@pytest.mark.parametrize(("text", "days"), [("400", 400), ("400d", 400), ("8w", 56), ("13m", 390), ("3y", 1095),
                                            ("P1Y", 365)])
def test_parse_age(text: str, days: int) -> None:
    """--older-than takes days, weeks, months, years or ISO 8601."""
    assert dt.timedelta(days=days) == parse_age(text)


@pytest.mark.django_db
def test_prune_deletes_only_older_records() -> None:
    """rekisterikit_prune_consents deletes records older than the limit; --dry-run only counts."""
    record("old", days_ago=800)
    record("new", days_ago=10)
    dry = run("rekisterikit_prune_consents", "--older-than", "2y", "--dry-run")
    done = run("rekisterikit_prune_consents", "--older-than", "2y")
    assert ("would delete 1", "deleted 1", 1) == (dry[:14], done[:9], DjangoConsentStore().count())


@pytest.mark.django_db
def test_prune_rejects_a_bad_age() -> None:
    """An unreadable age is a command error."""
    with pytest.raises(CommandError, match="older-than"):
        run("rekisterikit_prune_consents", "--older-than", "soon")


@pytest.mark.django_db
def test_erase_subject_exports_then_erases(tmp_path: Path, django_user_model: Any) -> None:
    """rekisterikit_erase_subject --user exports the customer's records, then erases only them."""
    user = django_user_model.objects.create_user("asiakas")
    record("mine1", days_ago=3, subject=f"user:{user.pk}")
    record("mine2", days_ago=2, subject=f"user:{user.pk}")
    record("theirs", days_ago=1, subject="user:999")
    export = tmp_path / "proof.json"
    out = run("rekisterikit_erase_subject", "--user", "asiakas", "--export", str(export))
    receipts = json.loads(export.read_text(encoding="utf-8"))["receipts"]
    assert (2, True, 1) == (len(receipts), f"user:{user.pk}: erased 2" in out, DjangoConsentStore().count())


@pytest.mark.django_db
def test_erase_subject_dry_run_and_errors() -> None:
    """--dry-run counts; giving no subject, both, or an unknown user is an error."""
    record("mine", days_ago=1, subject="user:7")
    assert "1 consent record(s) would be erased" in run("rekisterikit_erase_subject", "user:7", "--dry-run")
    for args in ((), ("user:7", "--user", "x"), ("--user", "nobody")):
        with pytest.raises(CommandError):
            run("rekisterikit_erase_subject", *args)
    assert 1 == DjangoConsentStore().count()

"""Tests of the models: migrations are complete, and the model admin labels."""

from __future__ import annotations

from io import StringIO

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.core.management import call_command  # noqa: E402


@pytest.mark.django_db
def test_no_missing_migrations() -> None:
    """The models match the migrations (makemigrations --check finds nothing to do) for rekisterikit and the shop."""
    out = StringIO()
    call_command("makemigrations", "rekisterikit", "demo_shop", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


def test_app_label_is_rekisterikit() -> None:
    """The app's label is 'rekisterikit' (table names rekisterikit_consentrecord …)."""
    from django.apps import apps

    from rekisterikit.contrib.django.models import ConsentRecord

    assert ("rekisterikit", "rekisterikit_consentrecord") == (apps.get_app_config("rekisterikit").label,
                                                              ConsentRecord._meta.db_table)

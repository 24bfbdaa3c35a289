"""The consent log and the statement versions consents were given on."""

from __future__ import annotations

from typing import ClassVar

from django.db import migrations, models

_METHODS = [("accept_all", "Accept all"), ("reject_all", "Reject all"), ("custom", "Own choice"),
            ("settings", "Settings page"), ("gpc", "Global Privacy Control"), ("api", "Application")]


class Migration(migrations.Migration):
    initial = True

    dependencies: ClassVar[list[tuple[str, str]]] = []

    operations: ClassVar[list[migrations.operations.base.Operation]] = [
        migrations.CreateModel(
            name="StatementVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.CharField(max_length=100, unique=True, verbose_name="statement version")),
                ("first_seen", models.DateTimeField(auto_now_add=True, verbose_name="first seen")),
                ("canonical_json", models.TextField(verbose_name="canonical JSON")),
            ],
            options={
                "verbose_name": "statement version",
                "verbose_name_plural": "statement versions",
                "ordering": ["first_seen"],
            },
        ),
        migrations.CreateModel(
            name="ConsentRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("receipt_id", models.CharField(max_length=64, unique=True, verbose_name="receipt id")),
                ("consent_id", models.CharField(db_index=True, max_length=64, verbose_name="consent id")),
                ("at", models.DateTimeField(db_index=True, verbose_name="time")),
                ("version", models.CharField(db_index=True, max_length=100, verbose_name="statement version")),
                ("fingerprint", models.CharField(max_length=100, verbose_name="consent fingerprint")),
                ("offered", models.CharField(blank=True, max_length=100, verbose_name="offered")),
                ("granted", models.CharField(blank=True, max_length=100, verbose_name="granted")),
                ("withdrawn", models.CharField(blank=True, max_length=100, verbose_name="withdrawn")),
                ("method", models.CharField(choices=_METHODS, db_index=True, max_length=20, verbose_name="method")),
                ("locale", models.CharField(max_length=35, verbose_name="language")),
                ("subject", models.CharField(blank=True, db_index=True, max_length=200, null=True,
                                             verbose_name="data subject")),
                ("gpc", models.BooleanField(default=False, verbose_name="Global Privacy Control")),
            ],
            options={
                "verbose_name": "consent record",
                "verbose_name_plural": "consent records",
                "ordering": ["at", "id"],
                "indexes": [models.Index(fields=["consent_id", "at"], name="rk_consent_history")],
            },
        ),
    ]

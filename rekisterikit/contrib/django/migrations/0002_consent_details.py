"""Consent records keep the services offered and allowed, the GPC opt-in, the rekisterikit version and the hash of
the banner texts shown (``details``); the method ``embed`` (an embed's "always allow")."""

from __future__ import annotations

from typing import ClassVar

from django.db import migrations, models

_METHODS = [("accept_all", "Accept all"), ("reject_all", "Reject all"), ("custom", "Own choice"),
            ("settings", "Settings page"), ("gpc", "Global Privacy Control"), ("api", "Application"),
            ("embed", "Embed placeholder")]


class Migration(migrations.Migration):
    """Add ``ConsentRecord.details`` and the ``embed`` method."""

    dependencies: ClassVar[list[tuple[str, str]]] = [("rekisterikit", "0001_initial")]

    operations: ClassVar[list[migrations.operations.base.Operation]] = [
        migrations.AddField(
            model_name="consentrecord",
            name="details",
            field=models.JSONField(blank=True, default=dict, verbose_name="details",
                                   help_text="services offered and allowed, GPC opt-in, rekisterikit version, hash "
                                             "of the banner texts"),
        ),
        migrations.AlterField(
            model_name="consentrecord",
            name="method",
            field=models.CharField(choices=_METHODS, db_index=True, max_length=20, verbose_name="method"),
        ),
    ]

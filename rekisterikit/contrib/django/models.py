"""The consent log in the shop's database: one append-only row per decision, and the statement versions shown.

Use them through :class:`~rekisterikit.contrib.django.store.DjangoConsentStore`, which implements the consent
core's ``ConsentStore`` protocol; the admin shows them read-only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["ConsentRecord", "StatementVersion"]

_METHODS = [
    ("accept_all", _("Accept all")),
    ("reject_all", _("Reject all")),
    ("custom", _("Own choice")),
    ("settings", _("Settings page")),
    ("gpc", _("Global Privacy Control")),
    ("api", _("Application")),
    ("embed", _("Embed placeholder")),
]


class ConsentRecord(models.Model):
    """One consent decision (GDPR 7(1) proof): what was offered and granted, when, how, on which statement version.

    Categories are stored as space-separated names (``"statistics marketing"``). Rows are never updated: saving an
    existing row raises ``ValueError``; erasure and pruning delete.
    """

    receipt_id: models.CharField[str, str] = models.CharField(_("receipt id"), max_length=64, unique=True)
    consent_id: models.CharField[str, str] = models.CharField(_("consent id"), max_length=64, db_index=True)
    at: models.DateTimeField[Any, Any] = models.DateTimeField(_("time"), db_index=True)
    version: models.CharField[str, str] = models.CharField(_("statement version"), max_length=100, db_index=True)
    fingerprint: models.CharField[str, str] = models.CharField(_("consent fingerprint"), max_length=100)
    offered: models.CharField[str, str] = models.CharField(_("offered"), max_length=100, blank=True)
    granted: models.CharField[str, str] = models.CharField(_("granted"), max_length=100, blank=True)
    withdrawn: models.CharField[str, str] = models.CharField(_("withdrawn"), max_length=100, blank=True)
    method: models.CharField[str, str] = models.CharField(_("method"), max_length=20, choices=_METHODS, db_index=True)
    locale: models.CharField[str, str] = models.CharField(_("language"), max_length=35)
    subject: models.CharField[str | None, str | None] = models.CharField(
        _("data subject"), max_length=200, null=True, blank=True, db_index=True)
    gpc: models.BooleanField[bool, bool] = models.BooleanField(_("Global Privacy Control"), default=False)
    details: models.JSONField[Any, Any] = models.JSONField(
        _("details"), default=dict, blank=True,
        help_text=_("services offered and allowed, GPC opt-in, rekisterikit version, hash of the banner texts"))

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering: ClassVar[list[str]] = ["at", "id"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["consent_id", "at"], name="rk_consent_history")]

    def __str__(self) -> str:
        return f"{self.consent_id} {self.method} {self.at:%Y-%m-%d %H:%M:%S}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert the record; records are append-only, so saving an existing one raises ``ValueError``."""
        if self.pk is not None and not self._state.adding:
            raise ValueError("consent records are append-only")
        super().save(*args, **kwargs)


class StatementVersion(models.Model):
    """The exact statement (canonical JSON) of each version consents were given on, for the proof export."""

    version: models.CharField[str, str] = models.CharField(_("statement version"), max_length=100, unique=True)
    first_seen: models.DateTimeField[Any, Any] = models.DateTimeField(_("first seen"), auto_now_add=True)
    canonical_json: models.TextField[str, str] = models.TextField(_("canonical JSON"))

    class Meta:
        verbose_name = _("statement version")
        verbose_name_plural = _("statement versions")
        ordering: ClassVar[list[str]] = ["first_seen"]

    def __str__(self) -> str:
        return str(self.version)

"""Read-only admin for the consent log, with filters (method, statement version, date) and a proof export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from rekisterikit.contrib.django.models import ConsentRecord, StatementVersion

__all__ = ["ConsentRecordAdmin", "StatementVersionAdmin"]


class _ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(_ReadOnly):
    """The consent log: view, filter and export as consent receipts; records cannot be added, changed or deleted."""

    list_display = ("at", "consent_id", "method", "granted", "withdrawn", "short_version", "locale", "gpc",
                    "subject")
    list_filter = ("method", "version", ("at", admin.DateFieldListFilter), "gpc")
    search_fields = ("=consent_id", "=subject", "=receipt_id")
    date_hierarchy = "at"
    actions = ("export_proof",)
    list_per_page = 50

    @admin.display(description=_("statement version"), ordering="version")
    def short_version(self, obj: ConsentRecord) -> str:
        """The statement version's first 12 hex digits."""
        return str(obj.version.partition(":")[2][:12] or obj.version)

    @admin.action(description=_("Export proof of consent (JSON)"), permissions=["view"])
    def export_proof(self, request: HttpRequest, queryset: QuerySet[ConsentRecord]) -> HttpResponse:
        """Download the selected records as consent receipts (Kantara CR fields and the statement shown).

        Each receipt's ``policyUrl`` is the absolute URL of the ``history/<version>/`` page of the version shown.
        """
        from rekisterikit.consent import export_proof_json
        from rekisterikit.contrib.django.conf import get_config
        from rekisterikit.contrib.django.history import version_url
        from rekisterikit.contrib.django.store import DjangoConsentStore

        store = DjangoConsentStore(using=queryset.db)
        records = [store.to_record(r) for r in queryset.order_by("at", "id")]
        config = get_config()
        # Each receipt links to the history page of the version the visitor was shown, on this site's host.
        text = export_proof_json(records, store=store, policy_url=config.policy_url, max_age=config.consent.max_age,
                                 statement_url=version_url(request))
        response = HttpResponse(text, content_type="application/json; charset=utf-8")
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        response["Content-Disposition"] = f'attachment; filename="consent-proof-{stamp}.json"'
        return response


@admin.register(StatementVersion)
class StatementVersionAdmin(_ReadOnly):
    """The statement versions consents were given on (their exact text, for proof)."""

    list_display = ("version", "first_seen")
    search_fields = ("=version",)

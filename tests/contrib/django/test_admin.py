"""Tests of the read-only consent log admin: list with filters, no add/change/delete, proof export."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.test import Client  # noqa: E402

from rekisterikit.contrib.django.models import ConsentRecord  # noqa: E402
from tests.contrib.django.conftest import post_decision  # noqa: E402
from tests.contrib.django.statements import SHOP  # noqa: E402

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/rekisterikit/consentrecord/"


@pytest.fixture
def staff(admin_client: Client) -> Client:
    """A signed-in superuser, after two visitors decided."""
    post_decision(Client(), "accept_all")
    post_decision(Client(), "reject_all")
    return admin_client


def test_changelist_lists_records_with_filters(staff: Client) -> None:
    """The changelist shows the records and filters by method, version and date."""
    html = staff.get(CHANGELIST).content.decode()
    filtered = staff.get(CHANGELIST + "?method__exact=reject_all")
    assert (True, True, True) == ("method__exact=accept_all" in html, f"?version={quote(SHOP.version)}" in html,
                                  "at__gte=" in html)
    assert 1 == filtered.context["cl"].result_count


def test_records_cannot_be_added_changed_or_deleted(staff: Client) -> None:
    """Add is forbidden, the change view is read-only, and there is no delete action."""
    pk = ConsentRecord.objects.first().pk  # type: ignore[union-attr]
    change = staff.get(f"{CHANGELIST}{pk}/change/")
    actions = staff.get(CHANGELIST).context["action_form"].fields["action"].choices
    assert (403, False) == (staff.get(CHANGELIST + "add/").status_code, "_save" in change.content.decode())
    assert ["export_proof"] == [name for name, _ in actions if name]
    assert 403 == staff.post(f"{CHANGELIST}{pk}/delete/", {"post": "yes"}).status_code


def test_export_proof_action_downloads_receipts(staff: Client) -> None:
    """The export action returns the selected records as consent receipts with the statement shown."""
    ids = [str(pk) for pk in ConsentRecord.objects.values_list("pk", flat=True)]
    response = staff.post(CHANGELIST, {"action": "export_proof", "_selected_action": ids})
    data = json.loads(response.content)
    methods = [r["rekisterikit"]["method"] for r in data["receipts"]]
    assert ("attachment" in response["Content-Disposition"], ["accept_all", "reject_all"],
            SHOP.controller.name) == (True, methods, data["receipts"][0]["rekisterikit"]["statement"]["controller"]
                                      ["name"])


def test_statement_versions_are_listed(staff: Client) -> None:
    """The statement versions consents were given on are visible in the admin."""
    assert SHOP.version in staff.get("/admin/rekisterikit/statementversion/").content.decode()


def test_admin_needs_staff(client: Client, django_user_model: Any) -> None:
    """A customer without staff rights cannot see the consent log."""
    client.force_login(django_user_model.objects.create_user("asiakas"))
    assert 302 == client.get(CHANGELIST).status_code

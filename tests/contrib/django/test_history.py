"""The statement history pages of the Django adapter, in the example shop."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.test import Client  # noqa: E402

from rekisterikit.load import load  # noqa: E402
from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402

pytestmark = [pytest.mark.django_db, pytest.mark.urls("demo_site.urls")]

# The browser test: Playwright's sync API runs an event loop in this thread; Django refuses database calls from a
# thread with a running loop unless told that it is safe (it is: the calls are synchronous), as in test_browser.py.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

#: The Kalvokeskus statement as published: the version the shop served before the corrected one.
PUBLISHED = Path(KALVOKESKUS).with_name("kalvokeskus.toml")


@pytest.fixture(autouse=True)
def shop_statement(rk_settings: Any) -> None:
    """The shop runs on the corrected Kalvokeskus statement, as in its settings."""
    rk_settings(STATEMENT=KALVOKESKUS)


def _keep_old() -> None:
    from rekisterikit.contrib.django.conf import get_store
    from rekisterikit.records.history import VersionArchive

    store: object = get_store()
    assert isinstance(store, VersionArchive)
    store.remember_statement(load(PUBLISHED))


def test_history_lists_every_served_version_newest_first(client: Client) -> None:
    """After the statement page was served, the history lists the earlier version and the current one."""
    _keep_old()
    assert 200 == client.get("/tietosuoja/").status_code
    response = client.get("/tietosuoja/history/")
    assert 200 == response.status_code
    html = response.content.decode()
    versions = re.findall(r'href="/tietosuoja/history/(sha256:[0-9a-f]{64})/"', html)
    assert [load(KALVOKESKUS).version, load(PUBLISHED).version] == versions
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.cookies


def test_an_old_version_is_shown_as_it_was(client: Client) -> None:
    """The earlier version renders with a note; the current one without; others are 404."""
    _keep_old()
    old = load(PUBLISHED)
    page = client.get(f"/tietosuoja/history/{old.version}/").content.decode()
    assert 'role="note"' in page
    assert "Tietosuojaseloste — Asiakasrekisteri" in page
    current = client.get(f"/tietosuoja/history/{load(KALVOKESKUS).version}/").content.decode()
    assert 'role="note"' not in current
    assert 404 == client.get("/tietosuoja/history/sha256:" + "0" * 64 + "/").status_code
    assert 404 == client.get("/tietosuoja/history/nope/").status_code


def test_conditional_request_gets_304(client: Client) -> None:
    """A repeated request with the ETag is answered 304."""
    first = client.get("/tietosuoja/history/")
    assert 304 == client.get("/tietosuoja/history/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code


def _decide(client: Client, action: str) -> None:
    from rekisterikit.consent import FIELD_ACTION

    assert 303 == client.post("/tietosuoja/consent/", {FIELD_ACTION: action}).status_code


def test_statement_page_links_to_the_history_once_there_is_an_earlier_version(client: Client) -> None:
    """No link while only the current version was served; then "Aiemmat versiot" / "Tidigare versioner", and the
    statement page's ETag changes with it (a cached copy without the link is not revalidated as current)."""
    first = client.get("/tietosuoja/fi/")
    assert "rk-history-link" not in first.content.decode()
    _keep_old()
    assert 200 == client.get("/tietosuoja/fi/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
    fi = client.get("/tietosuoja/fi/").content.decode()
    sv = client.get("/tietosuoja/sv/").content.decode()
    assert '<p class="rk-history-link"><a href="/tietosuoja/history/">Aiemmat versiot</a></p>' in fi
    assert '<a href="/tietosuoja/history/">Tidigare versioner</a>' in sv
    assert 200 == client.get("/tietosuoja/history/").status_code


def test_admin_proof_links_each_receipt_to_the_version_shown(client: Client, admin_client: Client,
                                                             rk_settings: Any) -> None:
    """A consent given on the old statement and one on the new: the admin's proof export links each receipt to the
    history page of its own version, and that page answers 200 with exactly that version's text."""
    import json

    from rekisterikit.render import render

    old, new = load(PUBLISHED), load(KALVOKESKUS)
    rk_settings(STATEMENT=str(PUBLISHED))
    assert 200 == client.get("/tietosuoja/").status_code
    _decide(Client(), "reject_all")
    rk_settings(STATEMENT=KALVOKESKUS)
    _decide(Client(), "accept_all")
    from rekisterikit.contrib.django.models import ConsentRecord

    ids = [str(pk) for pk in ConsentRecord.objects.values_list("pk", flat=True)]
    response = admin_client.post("/admin/rekisterikit/consentrecord/", {"action": "export_proof",
                                                                        "_selected_action": ids})
    receipts = json.loads(response.content)["receipts"]
    assert [(old.version, f"http://testserver/tietosuoja/history/{old.version}/"),
            (new.version, f"http://testserver/tietosuoja/history/{new.version}/")] == [
        (r["rekisterikit"]["statementVersion"], r["policyUrl"]) for r in receipts]
    for receipt, statement in zip(receipts, (old, new), strict=True):
        page = client.get(receipt["policyUrl"], HTTP_ACCEPT_LANGUAGE="fi")
        assert 200 == page.status_code
        assert str(render(statement, locale="fi", format="html", heading_level=1)) in page.content.decode()
    assert str(render(new, locale="fi", format="html", heading_level=1)) not in client.get(
        receipts[0]["policyUrl"], HTTP_ACCEPT_LANGUAGE="fi").content.decode()


def test_erase_subject_export_links_the_version(tmp_path: Path, client: Client) -> None:
    """rekisterikit_erase_subject --export --base-url: the receipt links to the version's page on that host."""
    import datetime as dt
    import io
    import json

    from django.core.management import CommandError, call_command

    from rekisterikit.consent.record import ConsentRecord
    from rekisterikit.consent.state import ConsentMethod, consent_fingerprint
    from rekisterikit.contrib.django.conf import get_store
    from rekisterikit.model import CookieCategory

    old = load(PUBLISHED)
    _keep_old()
    store = get_store()
    assert store is not None
    store.record(ConsentRecord(consent_id="c" * 22, at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), version=old.version,
                               fingerprint=consent_fingerprint(old), offered={CookieCategory.STATISTICS},
                               granted=set(), method=ConsentMethod.REJECT_ALL, locale="fi", subject="user:7"))
    export = tmp_path / "proof.json"
    call_command("rekisterikit_erase_subject", "user:7", "--export", str(export), "--base-url",
                 "https://kauppa.example", "--dry-run", stdout=io.StringIO())
    (receipt,) = json.loads(export.read_text(encoding="utf-8"))["receipts"]
    path = f"/tietosuoja/history/{old.version}/"
    assert "https://kauppa.example" + path == receipt["policyUrl"]
    assert 200 == client.get(path).status_code
    with pytest.raises(CommandError, match=r"--base-url 'kauppa\.example'"):
        call_command("rekisterikit_erase_subject", "user:7", "--export", str(export), "--base-url", "kauppa.example",
                     stdout=io.StringIO())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_chromium_the_statement_links_to_the_history_and_the_old_version(live_server: Any, page: Any) -> None:
    """In a real browser: the statement page's "Aiemmat versiot" leads to the history, and from there to the earlier
    version, shown with its note."""
    _keep_old()
    page.goto(f"{live_server.url}/tietosuoja/fi/")
    page.get_by_role("link", name="Aiemmat versiot").click()
    page.wait_for_url("**/tietosuoja/history/")
    page.locator(f'a[href="/tietosuoja/history/{load(PUBLISHED).version}/"]').first.click()
    page.wait_for_url(f"**/tietosuoja/history/{load(PUBLISHED).version}/")
    assert page.locator('[role="note"]').is_visible()

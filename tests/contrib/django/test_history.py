"""The statement history pages of the Django adapter, in the example shop."""

from __future__ import annotations

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

"""The Saleor App's consent API with services: what the storefront needs to build an informed banner."""

from __future__ import annotations

from typing import Any

from .conftest import STOREFRONT, AppUnderTest


def _get(app: AppUnderTest, **headers: str) -> Any:
    return app.http.get("/api/consent?locale=sv", headers={"Origin": STOREFRONT, **headers}).get_json()


def test_the_read_answer_lists_services_and_the_banner_texts(installed: AppUnderTest) -> None:
    """GET /api/consent lists each service with its category, provider and countries outside the EU/EEA, and the
    banner texts in the requested language."""
    data = _get(installed)
    assert {s["category"] for s in data["services"]} == set(data["offered"])
    assert all({"key", "name", "category", "provider", "outside_eea"} == set(s) for s in data["services"])
    assert ("Avvisa alla", None) == (data["texts"]["reject_all"], data["changed"])


def test_services_chosen_by_the_storefront_are_recorded_and_read_back(installed: AppUnderTest) -> None:
    """A JSON decision with "services" allows exactly those; the consent value reads back with them."""
    first = _get(installed)["services"][0]
    decided = installed.http.post("/api/consent", json={"action": "custom", "services": [first["key"]],
                                                        "locale": "fi"},
                                  headers={"Origin": STOREFRONT}).get_json()
    assert [first["key"]] == decided["consent"]["services"]
    read = _get(installed, **{"X-Rekisterikit-Consent": decided["cookie"]["value"]})
    assert [first["key"]] == read["consent"]["services"]

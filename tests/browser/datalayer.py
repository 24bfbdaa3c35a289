"""The dataLayer scenario both adapters' Chromium tests run: what consent.js pushes on a decision and a stored one."""

from __future__ import annotations

from typing import Any

_EVENTS = "(window.dataLayer || []).filter(e => e.event === 'rekisterikit_consent')"


def consent_events(page: Any) -> list[dict[str, Any]]:
    """The dataLayer's rekisterikit_consent events (waiting for the first)."""
    page.wait_for_function("(window.dataLayer || []).some(e => e.event === 'rekisterikit_consent')")
    return list(page.evaluate(_EVENTS))


def check_datalayer_events(open_page: Any, url: str, embed_service: str) -> None:
    """Accept all pushes {event: "rekisterikit_consent"} with the categories, the services (the shop's embed among
    them) and Consent Mode granted; the next page pushes the stored decision; reject all pushes everything denied."""
    page = open_page()
    page.goto(url)
    assert [] == page.evaluate(_EVENTS)
    page.get_by_role("button", name="Hyväksy kaikki").click()
    (event,) = consent_events(page)
    assert ("decision", "accept_all", ["statistics", "marketing"], "granted", "granted") == (
        event["rekisterikit_source"], event["rekisterikit_method"], event["rekisterikit_categories"],
        event["rekisterikit_consent_mode"]["ad_storage"], event["rekisterikit_consent_mode"]["analytics_storage"])
    assert {embed_service, "meta-platforms-ireland-limited"} <= set(event["rekisterikit_services"])
    page.reload()
    assert ["stored"] == [e["rekisterikit_source"] for e in consent_events(page)]
    page = open_page()
    page.goto(url)
    page.get_by_role("button", name="Hylkää kaikki").click()
    (event,) = consent_events(page)
    assert ("decision", "reject_all", [], [], "denied", "denied") == (
        event["rekisterikit_source"], event["rekisterikit_method"], event["rekisterikit_categories"],
        event["rekisterikit_services"], event["rekisterikit_consent_mode"]["ad_storage"],
        event["rekisterikit_consent_mode"]["analytics_storage"])

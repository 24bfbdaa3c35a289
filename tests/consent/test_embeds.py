"""Tests of embed placeholders: nothing of the provider before consent, the iframe after, strict inputs."""

from __future__ import annotations

import html5lib
import pytest

from rekisterikit.consent import ConsentConfig, ConsentService, render_embed
from tests.consent.shop import SECRET, Clock, services_statement

SRC = "https://www.youtube-nocookie.com/embed/abc123"


@pytest.fixture
def svc() -> ConsentService:
    """A service over the named-services statement."""
    return ConsentService(services_statement(), ConsentConfig(secret=SECRET), clock=Clock())


def _embed(svc: ConsentService, state: object = None, **options: object) -> str:
    arguments: dict[str, object] = {"title": "Video", "locale": "en", "action": "/consent", "next_url": "/p",
                                    "hidden": {"csrf": "t<k>"}}
    arguments.update(options)
    target = str(arguments.pop("target", "youtube"))
    src = str(arguments.pop("src", SRC))
    return str(render_embed(svc, state, target, src, **arguments))  # type: ignore[arg-type]


def test_without_consent_no_iframe_and_the_placeholder_says_who_receives_data(svc: ConsentService) -> None:
    """No iframe and no src attribute: the address waits in data-src; the text names the service and provider."""
    markup = _embed(svc)
    assert "<iframe" not in markup
    assert ' src="' not in markup
    assert f'data-src="{SRC}"' in markup
    assert "is provided by YouTube. Loading it sends data about your visit to Google Ireland Limited." in markup
    assert 'name="rk-action" value="allow"' in markup
    assert 'name="rk-service" value="youtube"' in markup
    assert "Always allow YouTube" in markup
    assert 'value="t&lt;k&gt;"' in markup
    html5lib.HTMLParser(strict=True).parseFragment(markup)


def test_with_consent_the_iframe_is_rendered(svc: ConsentService) -> None:
    """Once YouTube is allowed the iframe is there, with its title, size and allow attribute."""
    state = svc.decide({"rk-action": "custom", "rk-service": "youtube"}, locale="en").state
    markup = _embed(svc, state, width=560, height=315, allow="fullscreen")
    assert markup.startswith(f'<iframe class="rk-embed-frame" src="{SRC}" title="Video" width="560" height="315" '
                             'allow="fullscreen" loading="lazy"')


def test_a_transfer_outside_the_eea_is_named(svc: ConsentService) -> None:
    """A category embed names every receiver and the countries outside the EU/EEA."""
    markup = _embed(svc, target="marketing", src="https://example.com/x")
    assert "Meta Platforms Ireland Limited" in markup
    assert "Data is transferred outside the EU/EEA: United States." in markup
    assert 'name="rk-category" value="marketing"' in markup


@pytest.mark.parametrize(("options", "message"), [
    ({"src": "javascript:alert(1)"}, "absolute https://"),
    ({"src": "https://evil.example/embed"}, "not one of the service 'youtube'"),
    ({"target": "necessary", "src": "https://example.com"}, "needs no consent"),
    ({"target": "youtub"}, "unknown service 'youtub'"),
    ({"width": "100%"}, "whole number of pixels"),
    ({"allow": 'x" onload="y'}, "invalid iframe allow"),
])
def test_bad_input_is_refused_with_a_clear_message(svc: ConsentService, options: dict[str, object],
                                                    message: str) -> None:
    """A wrong scheme, a host the service does not list, an unknown service or odd attributes raise ValueError."""
    with pytest.raises(ValueError, match=message):
        _embed(svc, **options)

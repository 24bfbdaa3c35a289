"""Tests of the template tags, and that every tag escapes HTML from the statement."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.template import Context, Template, TemplateSyntaxError  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from tests.contrib.django.conftest import post_decision  # noqa: E402
from tests.contrib.django.statements import EVIL  # noqa: E402

pytestmark = pytest.mark.django_db


def render(client: Client, template: str, **extra: Any) -> str:
    """Render ``template`` through the test page (the whole middleware stack) and return the HTML."""
    response = client.get("/page/?t=" + quote(template), **extra)
    assert 200 == response.status_code
    return response.content.decode()


def test_privacy_statement_in_the_active_language(client: Client) -> None:
    """{% privacy_statement %} renders in the active language; an explicit locale wins."""
    fi = render(client, "{% privacy_statement %}")
    sv = render(client, "{% privacy_statement %}", headers={"accept-language": "sv"})
    en = render(client, '{% privacy_statement "en" %}')
    assert ('lang="fi"', 'lang="sv"', 'lang="en"') == (fi[fi.index("lang="):][:9], sv[sv.index("lang="):][:9],
                                                       en[en.index("lang="):][:9])


def test_privacy_statement_is_cached() -> None:
    """Rendering the statement twice is served from the render cache."""
    from rekisterikit.render import cache_clear, cache_info

    cache_clear()
    with translation.override("fi"):
        first = Template("{% load rekisterikit %}{% privacy_statement %}").render(Context())
        second = Template("{% load rekisterikit %}{% privacy_statement %}").render(Context())
    assert (first, 1, 1) == (second, cache_info().hits, cache_info().misses)


def test_cookie_declaration_lists_the_cookies(client: Client) -> None:
    """{% cookie_declaration %} is the cookie table with every declared cookie."""
    html = render(client, "{% cookie_declaration %}")
    assert all(f"{name}" in html for name in ("sessionid", "_ga", "_fbp", "lang")), html


def test_consent_scripts_has_static_files_and_consent_mode_defaults(client: Client) -> None:
    """{% consent_scripts %}: consent.css, consent.js (defer) and gtag consent defaults (denied)."""
    html = render(client, "{% consent_scripts %}")
    assert ('href="/static/rekisterikit/consent.css"' in html, 'src="/static/rekisterikit/consent.js" defer' in html,
            "gtag('consent','default'" in html, "'update'" in html) == (True, True, True, False)


def test_consent_scripts_updates_for_a_decided_visitor(client: Client) -> None:
    """With a stored consent, the defaults are followed by an update with the visitor's choices."""
    post_decision(client, "custom", "statistics")
    html = render(client, "{% consent_scripts %}")
    assert '"analytics_storage":"granted"' in html.split("'update'")[1]


def test_consent_scripts_carries_the_csp_nonce(client: Client) -> None:
    """A request.csp_nonce (as set by CSP middleware) is put on the scripts."""
    from django.http import HttpRequest

    request = HttpRequest()
    request.csp_nonce = "n0nce"  # type: ignore[attr-defined]
    html = Template("{% load rekisterikit %}{% consent_scripts %}").render(Context({"request": request}))
    assert 2 == html.count('nonce="n0nce"')


def test_consent_banner_shown_until_the_visitor_decides(client: Client) -> None:
    """The banner is visible with the CSRF token before a decision, and hidden (for reopening) after it."""
    before = render(client, "{% consent_banner %}")
    post_decision(client, "reject_all")
    after = render(client, "{% consent_banner %}")
    assert (True, True, False) == ('name="csrfmiddlewaretoken"' in before, 'action="/privacy/consent/"' in before,
                                   " hidden>" in before)
    assert (True, True) == (" hidden>" in after, 'data-rk-decided="true"' in after)


def test_consent_banner_returns_to_the_current_page(client: Client) -> None:
    """The banner's rk-next is the page it is on."""
    html = render(client, "{% consent_banner %}")
    assert 'name="rk-next" value="/page/?t=' in html


def test_consent_banner_needs_the_request_context_processor() -> None:
    """Without the request in the context the consent tags say what to configure."""
    with pytest.raises(TemplateSyntaxError, match="context_processors"):
        Template("{% load rekisterikit %}{% consent_banner %}").render(Context())


def test_settings_link(client: Client) -> None:
    """{% consent_settings_link %} reopens the banner, or leads to the settings page."""
    html = render(client, "{% consent_settings_link %}")
    assert 'href="/privacy/consent/settings/"' in html
    assert "data-rk-open" in html


def test_gated_script_is_inert_without_consent(client: Client) -> None:
    """Without consent the script is type=text/plain with data-src, for consent.js to start later."""
    html = render(client, '{% gated_script "statistics" "/static/ga.js" async=True %}')
    assert ('type="text/plain"' in html, 'data-src="/static/ga.js"' in html, 'data-rk-category="statistics"' in html,
            ' src="' in html) == (True, True, True, False)


def test_gated_script_runs_with_consent(client: Client) -> None:
    """With consent it is a normal script; other categories stay inert."""
    post_decision(client, "custom", "statistics")
    html = render(client, '{% gated_script "statistics" "/static/ga.js" async=True %}'
                          '{% gated_script "marketing" "/static/px.js" %}')
    assert '<script src="/static/ga.js" data-rk-for="statistics" async></script>' in html
    assert 'data-src="/static/px.js"' in html


def test_gated_script_rejects_necessary_and_unknown(client: Client) -> None:
    """'necessary' needs no gate and a typo is an error, not a silently missing script."""
    for category in ("necessary", "statistic"):
        with pytest.raises(ValueError, match=r"necessary|unknown service 'statistic'"):
            client.get("/page/?t=" + quote(f'{{% gated_script "{category}" "/x.js" %}}'))


def test_gated_script_escapes_its_src(client: Client) -> None:
    """The src is an attribute value: quotes and tags are escaped."""
    post_decision(client, "accept_all")
    html = render(client, '{% gated_script "statistics" src %}'.replace("src", '"/x.js\\"><script>alert(1)</script>"'))
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("tag", [
    "{% privacy_statement %}", "{% privacy_statement 'en' %}", "{% cookie_declaration %}", "{% consent_banner %}",
])
def test_html_in_statement_fields_is_escaped_in_every_tag(client: Client, rk_settings: Any, tag: str) -> None:
    """Shop texts containing HTML appear as text: no <script> or <img onerror> from the statement gets through."""
    rk_settings(STATEMENT="tests.contrib.django.statements.HOSTILE")
    html = render(client, tag)
    assert (False, False, True) == (EVIL in html, "<img src=x" in html, "&lt;script&gt;" in html)


def test_html_in_statement_is_escaped_on_the_statement_and_settings_pages(client: Client, rk_settings: Any) -> None:
    """The statement page (title and body) and the settings page escape shop texts too."""
    rk_settings(STATEMENT="tests.contrib.django.statements.HOSTILE")
    for url in ("/privacy/fi/", "/privacy/consent/settings/"):
        html = client.get(url).content.decode()
        assert (False, True) == (EVIL in html, "&lt;script&gt;" in html), url


def test_static_files_are_the_consent_cores() -> None:
    """staticfiles finds consent.js and consent.css in the app, byte for byte the consent core's files."""
    from pathlib import Path

    from django.contrib.staticfiles import finders

    from rekisterikit.consent import static_file

    for name in ("rekisterikit/consent.js", "rekisterikit/consent.css"):
        found = finders.find(name)
        assert isinstance(found, str)
        assert static_file(name).read_bytes() == Path(found).read_bytes()

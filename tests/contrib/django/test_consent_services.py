"""The Django adapter with services: per-service gates, inline scripts, embeds, the `allows` filter, the saved
settings page and the consent log's details."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.test import Client  # noqa: E402

from rekisterikit.consent import FIELD_ACTION, FIELD_NEXT, FIELD_SERVICE, FIELD_SOURCE  # noqa: E402
from tests.consent.shop import SERVICES_TOML  # noqa: E402

pytestmark = pytest.mark.django_db

YT = "https://www.youtube-nocookie.com/embed/abc"
#: The example banner template of the consent guide ("Your own banner template").
OWN_BANNER = (Path(__file__).parent / "own_banner.html").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def services_shop(tmp_path: Path, rk_settings: Any) -> None:
    """The test project with the named-services statement."""
    path = tmp_path / "services.toml"
    path.write_text(SERVICES_TOML, encoding="utf-8")
    rk_settings(STATEMENT=str(path))


def render(client: Client, template: str, **extra: Any) -> str:
    """Render ``template`` through the test page (the whole middleware stack)."""
    response = client.get("/page/?t=" + quote(template), **extra)
    assert 200 == response.status_code
    return response.content.decode()


def choose(client: Client, *services: str, action: str = "custom", **fields: str) -> Any:
    """POST a choice of services to the consent view."""
    data: dict[str, Any] = {FIELD_ACTION: action, FIELD_SERVICE: list(services), **fields}
    return client.post("/privacy/consent/", data)


GATES = ('{% gated_script "google-analytics" "/ga.js" %}{% gated_script "meta-pixel" "/px.js" %}'
         '{% gated_script "google-analytics" %}gtag("config", "G-1");{% endgated_script %}'
         '{% if request.consent|allows:"meta-pixel" %}META{% endif %}')


def test_service_gates_and_inline_scripts_follow_the_visitors_services(client: Client) -> None:
    """GA on, Meta off: GA's external and inline scripts run, the pixel stays inert, and the filter agrees."""
    before = render(client, GATES)
    assert 3 == before.count('type="text/plain"')
    assert 'data-rk-service="google-analytics"' in before
    assert 'gtag("config", "G-1");</script>' in before
    choose(client, "google-analytics")
    after = render(client, GATES)
    assert ('<script src="/ga.js" data-rk-for="google-analytics"></script>' in after,
            '<script data-rk-for="google-analytics">gtag("config", "G-1");</script>' in after,
            'data-src="/px.js"' in after, "META" in after) == (True, True, True, False)


def test_an_inline_script_cannot_close_its_element(client: Client) -> None:
    """Inline code is kept inert and cannot break out of the script element."""
    html = render(client, '{% gated_script "marketing" %}x="</script><img src=x onerror=alert(1)>"'
                          '{% endgated_script %}')
    assert 'x="<\\/script><img src=x onerror=alert(1)>"</script>' in html
    assert "</script><img" not in html


def test_gated_embed_is_a_placeholder_until_allowed(client: Client) -> None:
    """{% gated_embed %} renders no iframe before consent; "always allow" posts with the CSRF token; after it the
    iframe is there and the decision is recorded as "embed"."""
    from rekisterikit.contrib.django.models import ConsentRecord

    tag = f'{{% gated_embed "youtube" "{YT}" title="Video" width=560 height=315 %}}'
    html = render(client, tag)
    assert ("<iframe" in html, f'data-src="{YT}"' in html, "csrfmiddlewaretoken" in html) == (False, True, True)
    choose(client, "youtube", action="allow")
    assert f'<iframe class="rk-embed-frame" src="{YT}" title="Video" width="560" height="315"' in render(client, tag)
    record = ConsentRecord.objects.get()
    assert ("embed", ["youtube"]) == (record.method, record.details["services"])


def test_the_no_javascript_settings_page_says_saved_and_links_back(client: Client) -> None:
    """A plain POST from the settings page redirects back with saved=1; the page then says so, with a link back to
    the shop and the consent id."""
    from rekisterikit.contrib.django.models import ConsentRecord

    response = choose(client, "google-analytics", **{FIELD_SOURCE: "settings",
                                                     FIELD_NEXT: "/privacy/consent/settings/"})
    assert "/privacy/consent/settings/?saved=1" == response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert 'class="rk-consent__saved" role="status"' in page
    assert ConsentRecord.objects.get().consent_id in page


def test_consent_scripts_regions_and_service_aware_update(client: Client) -> None:
    """Region defaults and redaction come from the tag's options; the update follows Google's services."""
    choose(client, "google-analytics", "google-ads", "youtube")
    html = render(client, '{% consent_scripts regions="FI,SE" url_passthrough=True %}')
    assert '"region":["FI","SE"]' in html
    assert "gtag('set','url_passthrough',true);" in html
    assert '"ad_storage":"granted"' in html.split("'update'")[1]


def test_a_shops_own_banner_template_gets_the_banner_as_data(client: Client, rk_settings: Any, settings: Any,
                                                              tmp_path: Path) -> None:
    """BANNER_TEMPLATE renders the shop's template with the documented context; the shop's texts are escaped by
    Django, and a decision posted from it is recorded."""
    from rekisterikit.contrib.django.models import ConsentRecord

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "my_banner.html").write_text(OWN_BANNER, encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(folder)]}]
    path = tmp_path / "own.toml"
    path.write_text(SERVICES_TOML + '\n[consent.texts.fi]\ntitle = "<Evästeet & me>"\n', encoding="utf-8")
    rk_settings(STATEMENT=str(path), BANNER_TEMPLATE="my_banner.html")
    html = render(client, "{% consent_banner %}")
    assert ('class="rk-consent my-banner"' in html, "&lt;Evästeet &amp; me&gt;" in html,
            "Google Ireland Limited, Meta Platforms Ireland Limited</li>" in html,
            'name="rk-service" value="meta-pixel"' in html, 'name="csrfmiddlewaretoken"' in html) == (
        True, True, True, True, True)
    choose(client, "meta-pixel")
    assert ["meta-pixel"] == ConsentRecord.objects.get().details["services"]

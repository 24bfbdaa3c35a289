"""The Flask adapter with services: per-service gates and inline scripts, gated_embed, consent_allows per service,
the service-aware Consent Mode update."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the Flask adapter needs Flask")

from flask import Flask

from tests.consent.shop import SERVICES_TOML
from tests.contrib.flask.conftest import AppFactory
from tests.contrib.flask.test_extension import render_in

YT = "https://www.youtube-nocookie.com/embed/abc"


@pytest.fixture
def shop(make_app: AppFactory, tmp_path: Path) -> Flask:
    """The test app on the named-services statement, with Consent Mode on."""
    path = tmp_path / "services.toml"
    path.write_text(SERVICES_TOML, encoding="utf-8")
    return make_app(REKISTERIKIT_STATEMENT=str(path), REKISTERIKIT_CONSENT_MODE=True)


def consent_cookie(app: Flask, *services: str) -> dict[str, str]:
    """A consent cookie allowing ``services``, made by the app's own consent service."""
    from rekisterikit.contrib.flask import get_state

    decision = get_state(app).service.decide({"rk-action": "custom", "rk-service": list(services)}, locale="fi")
    return {"rk_consent": decision.cookie.value}


GATES = ("{{ gated_script('google-analytics', '/ga.js') }}{{ gated_script('meta-pixel', '/px.js') }}"
         "{{ gated_script('google-analytics', code='gtag(\"config\", \"G-1\");') }}"
         "{% if consent_allows('meta-pixel') %}META{% endif %}")


def test_gates_follow_the_visitors_services(shop: Flask) -> None:
    """GA on, Meta off: GA's external and inline scripts run, the pixel stays inert; consent_allows agrees."""
    before = render_in(shop, GATES)
    assert 3 == before.count('type="text/plain"')
    after = render_in(shop, GATES, cookies=consent_cookie(shop, "google-analytics"))
    assert ('<script src="/ga.js" data-rk-for="google-analytics"></script>' in after,
            '<script data-rk-for="google-analytics">gtag("config", "G-1");</script>' in after,
            '<script type="text/plain" data-rk-category="marketing" data-rk-service="meta-pixel" data-src="/px.js">'
            in after,
            "META" in after) == (True, True, True, False)


def test_an_inline_script_is_escaped_and_needs_exactly_one_source(shop: Flask) -> None:
    """Inline code cannot close its element; src and code together (or neither) are refused."""
    html = render_in(shop, "{{ gated_script('marketing', code='x=\"</script><b>\"') }}")
    assert 'x="<\\/script><b>"</script>' in html
    with pytest.raises(ValueError, match="exactly one of src and code"):
        render_in(shop, "{{ gated_script('marketing') }}")


def test_gated_embed_loads_nothing_before_consent(shop: Flask) -> None:
    """gated_embed() is a placeholder with the CSRF token until YouTube is allowed, then the iframe."""
    tag = f"{{{{ gated_embed('youtube', '{YT}', title='Video', width=560, height=315) }}}}"
    before = render_in(shop, tag)
    assert ("<iframe" in before, f'data-src="{YT}"' in before, 'name="rk-csrf"' in before) == (False, True, True)
    after = render_in(shop, tag, cookies=consent_cookie(shop, "youtube"))
    assert after.startswith(f'<iframe class="rk-embed-frame" src="{YT}" title="Video"')


def test_consent_mode_update_follows_google_services(shop: Flask) -> None:
    """With Google's services allowed and the Meta Pixel not, the update grants ad_storage; regions are passed."""
    html = render_in(shop, "{{ consent_scripts(regions=['FI']) }}",
                     cookies=consent_cookie(shop, "google-analytics", "google-ads", "youtube"))
    assert '"region":["FI"]' in html
    assert '"ad_storage":"granted"' in html.split("'update'")[1]


JINJA_BANNER = """<div class="rk-consent mine" id="rk-consent" data-rk-consent data-rk-granted="{{ banner.granted }}"
 data-rk-services="{{ banner.services_granted }}" data-rk-decided="{{ 'true' if banner.decided else 'false' }}">
<form method="post" action="{{ banner.action }}">
{% for name, value in banner.hidden.items() %}<input type="hidden" name="{{ name }}" value="{{ value }}">{% endfor %}
<h2 class="rk-consent__title" tabindex="-1">{{ banner.texts.title }}</h2>
{% for c in banner.categories if not c.necessary %}<p>{{ c.label }}: {{ c.recipients|join(", ") }}</p>{% endfor %}
<button name="{{ banner.fields.action }}" value="accept_all">{{ banner.texts.accept_all }}</button>
<button name="{{ banner.fields.action }}" value="reject_all">{{ banner.texts.reject_all }}</button>
</form></div>"""


def test_a_shops_own_jinja_banner_template(make_app: AppFactory, tmp_path: Path) -> None:
    """REKISTERIKIT_BANNER_TEMPLATE renders the shop's Jinja template with the banner as data, escaped."""
    path = tmp_path / "own.toml"
    path.write_text(SERVICES_TOML + '\n[consent.texts.fi]\ntitle = "<Evästeet & me>"\n', encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "my_banner.html").write_text(JINJA_BANNER, encoding="utf-8")
    app = make_app(REKISTERIKIT_STATEMENT=str(path), REKISTERIKIT_BANNER_TEMPLATE="my_banner.html")
    app.template_folder = str(folder)
    html = render_in(app, "{{ consent_banner() }}")
    assert ('class="rk-consent mine"' in html, "&lt;Evästeet &amp; me&gt;" in html,
            "Markkinointi: Google Ireland Limited, Meta Platforms Ireland Limited" in html,
            'name="rk-csrf"' in html) == (True, True, True, True)

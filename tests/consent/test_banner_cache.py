"""The banner and settings form come from a template cached per service, filled per visitor: byte for byte the
same as rendering them anew, whatever the visitor's state, language, texts, GPC signal, hidden fields or URLs."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.consent import ConsentConfig, ConsentService
from rekisterikit.consent.banner import render_banner, render_settings, render_settings_layer
from rekisterikit.model import BannerTexts, ConsentSettings, ConsentTexts, Language, LocalizedText
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET, shop_statement

_SHOP_TEXTS = ConsentTexts(fi=BannerTexts(title="Evästeet <b>", intro="Käytämme evästeitä \u202eja\u202c näin."),
                           en=BannerTexts(accept_all="Accept", reject_all="Reject"))
_STATEMENTS = [
    shop_statement(languages=(Language.FI, Language.SV, Language.EN)),
    shop_statement(languages=(Language.FI, Language.EN), consent=ConsentSettings(texts=_SHOP_TEXTS)),
]
_SERVICES = [ConsentService(s, ConsentConfig(secret=SECRET)) for s in _STATEMENTS]
_TEXT = rks.hostile_texts() | st.sampled_from(["/", "/kassa?x=1&y=<2>", "\u202e/evil", ""])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(len(_SERVICES))), st.data())
def test_the_cached_form_is_identical_to_a_fresh_one(which: int, data: st.DataObject) -> None:
    """render_banner, render_settings_layer (the lazy settings layer) and render_settings give the same bytes
    cached and uncached, for a second visitor too."""
    service = _SERVICES[which]
    state = data.draw(st.none() | rks.consent_states(service.statement))
    if state is not None and data.draw(st.booleans()):
        keys = [s.key for s in service.services]
        state = attrs.evolve(state, services=data.draw(st.frozensets(st.sampled_from(keys))) if keys else (),
                             gpc_optin=data.draw(st.booleans()))
    locale = data.draw(st.sampled_from([lang.value for lang in service.statement.languages]))
    kwargs: dict[str, Any] = {
        "locale": locale,
        "action": data.draw(st.sampled_from(["/privacy/consent", "/fi/consent?a=<b>"])),
        "statement_url": data.draw(st.sampled_from(["/privacy/fi", "/tietosuoja"])),
        "next_url": data.draw(_TEXT),
        "hidden": data.draw(st.none() | st.dictionaries(st.sampled_from(["csrfmiddlewaretoken", "rk-csrf"]),
                                                          _TEXT, max_size=2)),
        "gpc": data.draw(st.none() | st.booleans()),
        "headers": data.draw(st.none() | st.just({"Sec-GPC": "1"})),
    }
    changed = data.draw(st.none() | _TEXT)
    assert (render_banner(service, state, changed=changed, cached=False, **kwargs)
            == render_banner(service, state, changed=changed, **kwargs))
    assert (render_banner(service, state, cached=False, **kwargs)
            == render_settings_layer(service, state, **kwargs))
    saved = data.draw(st.booleans())
    assert (render_settings(service, state, saved=saved, back_url="/", cached=False, **kwargs)
            == render_settings(service, state, saved=saved, back_url="/", **kwargs))


def test_one_template_serves_every_visitor() -> None:
    """After the first render, other visitors' banners are filled from the same template (no new render)."""
    from rekisterikit.consent import banner

    service = ConsentService(shop_statement(), ConsentConfig(secret=SECRET))
    args: dict[str, Any] = {"locale": "fi", "action": "/c", "statement_url": "/s"}
    render_banner(service, None, next_url="/a", **args)
    templates = banner._CACHES[service].templates
    assert 1 == len(templates)
    decision = service.decide({"rk-action": "custom", "rk-category": ["statistics"]}, locale="fi")
    html = render_banner(service, decision.state, next_url="/b", hidden={"rk-csrf": "t<1>"}, **args)
    assert 1 == len(templates)
    assert 'value="t&lt;1&gt;"' in html
    assert 'value="/b"' in html
    assert 'id="rk-cat-statistics" name="rk-category" value="statistics" checked' in html
    assert decision.state.consent_id in html


def test_a_shop_text_cannot_forge_a_slot() -> None:
    """A banner text that looks like a slot marker is escaped like any text, never filled as a slot."""
    forged = "<\0info\0>"
    statement = shop_statement(consent=ConsentSettings(texts=ConsentTexts(fi=BannerTexts(intro=forged))),
                               intro=LocalizedText(fi="x"))
    service = ConsentService(statement, ConsentConfig(secret=SECRET))
    html = render_banner(service, None, locale="fi", action="/c", statement_url="/s")
    assert html == render_banner(service, None, locale="fi", action="/c", statement_url="/s", cached=False)
    assert "&lt;" in html


def test_the_preferences_category_is_called_functional() -> None:
    """The banner names the preferences category as the statement does ("Toiminnalliset", "Funktionella",
    "Functional"), never "Asetukset" beside "Evästeasetukset"."""
    service = _SERVICES[0]
    for locale, label in (("fi", "Toiminnalliset"), ("sv", "Funktionella"), ("en", "Functional")):
        html = render_banner(service, None, locale=locale, action="/c", statement_url="/s")
        assert f"<label for=\"rk-cat-preferences\">{label}</label>" in html
    assert "Asetukset" not in render_banner(service, None, locale="fi", action="/c", statement_url="/s")

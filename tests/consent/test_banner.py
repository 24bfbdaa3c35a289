"""Tests of the banner and settings markup, the reopen link, deferred scripts and the static files."""

from __future__ import annotations

import html

import html5lib
import pytest

from rekisterikit.consent import (
    ConsentConfig,
    ConsentService,
    deferred_script,
    render_banner,
    render_banner_placeholder,
    render_settings,
    render_settings_layer,
    reopen_link,
    static_file,
    static_tags,
)
from rekisterikit.consent.banner import STATIC_FILES, category_label, category_purpose
from rekisterikit.model import Controller, Cookie, CookieCategory, LocalizedText
from tests.consent.shop import SECRET, shop_cookies, shop_statement


def _banner(service: ConsentService, state: object = None, **options: object) -> str:
    args: dict[str, object] = {"locale": "fi", "action": "/consent", "statement_url": "/tietosuoja"}
    args.update(options)
    return str(render_banner(service, state, **args))  # type: ignore[arg-type]


def _parse(markup: str) -> object:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(markup)


def test_first_visit_banner_is_visible_with_unticked_boxes(service: ConsentService) -> None:
    """Without a consent the banner is shown and no optional box is ticked; necessary is ticked and locked."""
    markup = _banner(service)
    tree = _parse(markup)
    boxes = {b.get("id"): b for b in tree.iter("input") if b.get("type") == "checkbox"}  # type: ignore[attr-defined]
    assert "hidden" not in tree.find("div").attrib  # type: ignore[attr-defined]
    assert {"rk-cat-necessary", "rk-cat-preferences", "rk-cat-statistics", "rk-cat-marketing"} == set(boxes)
    assert [k for k, b in boxes.items() if "checked" in b.attrib] == ["rk-cat-necessary"]
    assert "disabled" in boxes["rk-cat-necessary"].attrib


def test_buttons_are_equal_elements(service: ConsentService) -> None:
    """Accept all and reject all are the same element with the same class (equal size and weight)."""
    tree = _parse(_banner(service, locale="sv"))
    buttons = {b.get("value"): (b.text, b.get("class")) for b in tree.iter("button")}  # type: ignore[attr-defined]
    assert ("Godkänn alla", "rk-button") == buttons["accept_all"]
    assert ("Avvisa alla", "rk-button") == buttons["reject_all"]


def test_decided_banner_is_hidden_and_reflects_the_choice(service: ConsentService) -> None:
    """With a consent the banner is rendered hidden (to be reopened) with the granted boxes ticked."""
    state = service.decide({"rk-action": "custom", "rk-category": "statistics"}, locale="fi").state
    markup = _banner(service, state)
    assert 'data-rk-granted="statistics"' in markup
    assert ' hidden>' in markup.split("<section", 1)[0]
    assert 'value="statistics" checked' in markup
    assert 'value="marketing" checked' not in markup


def test_gpc_is_explained_as_a_refusal_and_marketing_stays_unticked(service: ConsentService) -> None:
    """Under GPC the banner says the signal is taken as a refusal of marketing cookies (not an objection); the
    marketing box is unticked but may still be ticked: an explicit opt-in stays possible."""
    markup = _banner(service, headers={"Sec-GPC": "1"}, locale="en")
    assert ("We treat your browser's privacy signal (Global Privacy Control) as a refusal of these cookies: "
            "marketing.") in html.unescape(markup)
    assert "objection" not in markup
    assert 'value="marketing" aria-describedby' in markup
    assert 'value="marketing" disabled' not in markup


def test_cookie_details_come_from_the_statement(service: ConsentService) -> None:
    """Each category lists its cookies with provider, purpose (in the page's language) and duration."""
    markup = _banner(service, locale="en")
    assert "<code>_ga_*</code></th><td>Google Ireland Ltd</td><td>Session statistics</td><td>2 years</td>" in markup
    assert "Meta Platforms Ireland Ltd (third party)" in markup


def test_missing_translation_is_marked_with_its_language(config: ConsentConfig) -> None:
    """A cookie purpose shown in another language than the page's carries its true lang."""
    cookie = Cookie(name="_x", category=CookieCategory.STATISTICS, purpose=LocalizedText(fi="Tilastot"))
    service = ConsentService(shop_statement(cookies=(cookie,)), config)
    assert '<td lang="fi">Tilastot</td>' in _banner(service, locale="sv")


def test_shop_text_is_escaped(config: ConsentConfig) -> None:
    """Shop-written text and URLs cannot inject markup."""
    evil = Cookie(name="<b>x</b>", provider='"><script>', category=CookieCategory.MARKETING,
                  purpose=LocalizedText(fi="<img src=x onerror=alert(1)>"))
    service = ConsentService(shop_statement(cookies=(evil,)), config)
    markup = _banner(service, statement_url='"><script>', next_url="/a?b=<c>", hidden={"csrf": '"x'})
    assert "<script>" not in markup
    assert "<img" not in markup
    assert "&lt;b&gt;x&lt;/b&gt;" in markup
    _parse(markup)


def test_hidden_fields_and_next(service: ConsentService) -> None:
    """The form carries rk-next and the adapter's hidden fields (a CSRF token)."""
    markup = _banner(service, next_url="/kassa", hidden={"csrfmiddlewaretoken": "tok"})
    assert '<input type="hidden" name="rk-next" value="/kassa">' in markup
    assert '<input type="hidden" name="csrfmiddlewaretoken" value="tok">' in markup


def test_no_banner_without_optional_cookies(config: ConsentConfig) -> None:
    """A shop with only necessary cookies renders no banner."""
    service = ConsentService(shop_statement(cookies=shop_cookies()[:1]), config)
    assert "" == _banner(service)


def test_a_decided_visitor_gets_the_placeholder_with_a_layer_url(service: ConsentService) -> None:
    """With layer_url a decided visitor's banner is a hidden, empty placeholder naming the (escaped) layer URL and
    the granted categories: no form, no hidden fields, a few hundred bytes; an undecided visitor still gets the
    whole first layer."""
    state = service.decide({"rk-action": "custom", "rk-category": "statistics"}, locale="fi").state
    markup = _banner(service, state, layer_url="/c/layer?a=<1>", hidden={"csrfmiddlewaretoken": "tok"})
    tree = _parse(markup)
    (div,) = list(tree)  # type: ignore[call-overload]
    assert ({"id": "rk-consent", "data-rk-consent": "", "data-rk-granted": "statistics", "data-rk-decided": "true",
             "data-rk-layer": "/c/layer?a=<1>", "hidden": ""}, [], "") == (
        {k: v for k, v in div.attrib.items() if k not in ("class", "lang", "data-rk-services")}, list(div),
        div.text or "")
    assert (len(markup) < 300, "tok" in markup) == (True, False)
    assert _banner(service, None, layer_url="/c/layer") == _banner(service, None)


def test_placeholder_and_layer_functions(service: ConsentService) -> None:
    """render_banner_placeholder is what render_banner(layer_url=…) gives a decided visitor; render_settings_layer
    is the inline banner, byte for byte; without optional cookies both are empty."""
    state = service.decide({"rk-action": "accept_all"}, locale="sv").state
    args: dict[str, object] = {"locale": "sv", "action": "/c", "statement_url": "/s", "next_url": "/n"}
    assert str(render_banner_placeholder(service, state, locale="sv", layer_url="/l")) == _banner(
        service, state, layer_url="/l", **args)
    assert str(render_settings_layer(service, state, **args)) == _banner(  # type: ignore[arg-type]
        service, state, cached=False, **args)
    empty = ConsentService(shop_statement(cookies=shop_cookies()[:1]), service.config)
    assert ("", "") == (str(render_banner_placeholder(empty, state, locale="fi", layer_url="/l")),
                        str(render_settings_layer(empty, state, locale="fi", action="/c", statement_url="/s")))


def test_settings_page_records_as_settings(service: ConsentService) -> None:
    """The settings form has the settings open and sends rk-source=settings, which is recorded as such."""
    markup = str(render_settings(service, None, locale="fi", action="/consent", statement_url="/ts"))
    assert '<input type="hidden" name="rk-source" value="settings">' in markup
    assert '<details class="rk-consent__settings" open>' in markup
    decision = service.decide({"rk-action": "custom", "rk-source": "settings"}, locale="fi")
    assert "settings" == decision.record.method.value


def test_reopen_link() -> None:
    """The reopen link points to the settings page and is marked for consent.js."""
    assert '<a href="/evasteet" class="rk-consent-reopen" data-rk-open>Evästeasetukset</a>' == str(
        reopen_link(locale="fi", href="/evasteet"))


def test_deferred_script_forms() -> None:
    """A deferred script is inert text/plain with its category; inline code cannot close the element."""
    assert '<script type="text/plain" data-rk-category="statistics" data-src="/ga.js" nonce="n" async=""></script>' \
        == str(deferred_script("statistics", "/ga.js", nonce="n", attributes={"async": ""}))
    inline = str(deferred_script("marketing", code="x('</script><script>alert(1)')"))
    assert inline.count("</script>") == 1


@pytest.mark.parametrize(("args", "kwargs"), [
    (("necessary", "/a.js"), {}),
    (("statistics",), {}),
    (("statistics", "/a.js"), {"code": "x"}),
    (("statistics", "/a.js"), {"attributes": {"onload": "x"}}),
    (("statistics", "/a.js"), {"attributes": {"type": "module"}}),
    (("nonsense", "/a.js"), {}),
])
def test_deferred_script_refuses_misuse(args: tuple[str, ...], kwargs: dict[str, object]) -> None:
    """Necessary or unknown categories, no or two sources and event-handler attributes are refused."""
    with pytest.raises(ValueError):  # noqa: PT011 - several distinct messages
        deferred_script(*args, **kwargs)  # type: ignore[arg-type]


def test_static_files_are_shipped() -> None:
    """consent.js and consent.css exist in the package; other names are not served."""
    assert all(static_file(name).stat().st_size > 1000 for name in STATIC_FILES)
    with pytest.raises(FileNotFoundError):
        static_file("../__init__.py")


def test_static_tags() -> None:
    """The asset tags point under the base URL, with the nonce on the script."""
    assert ('<link rel="stylesheet" href="/s/rekisterikit/consent.css">\n'
            '<script src="/s/rekisterikit/consent.js" defer nonce="n"></script>') == str(static_tags("/s", nonce="n"))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_category_texts_are_translated(lang: str) -> None:
    """Every category has a label and a purpose in every language."""
    labels = [category_label(c, locale=lang) for c in CookieCategory]
    purposes = [category_purpose(c, locale=lang) for c in CookieCategory]
    assert 4 == len(set(labels)) == len(set(purposes))


def test_service_from_minimal_statement() -> None:
    """A statement without any cookie offers nothing."""
    service = ConsentService(shop_statement(cookies=(), controller=Controller(name="X Oy")),
                             ConsentConfig(secret=SECRET))
    assert () == service.offered

"""assert_compliant and assert_no_tracking_without_consent: what passes, what fails, and the failure text."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

import pytest

from rekisterikit import Statement, load, loads, validate
from rekisterikit.model import CookieCategory
from rekisterikit.testing import assert_compliant, assert_no_tracking_without_consent
from rekisterikit.testing.assertions import KNOWN_TRACKERS
from rekisterikit.testing.consent import consent_state
from rekisterikit.validate import UnknownRuleError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"
GOOD = EXAMPLES / "kalvokeskus-corrected.toml"
BAD = EXAMPLES / "kalvokeskus.toml"

SHOP = loads('''
[controller]
name = "Esimerkki Oy"
email = "tietosuoja@esimerkki.fi"

[[cookies]]
name = "sessionid"
party = "first"
category = "necessary"
purpose = "Istunto"
duration = "session"

[[cookies]]
name = "_ga"
party = "first"
category = "statistics"
purpose = "Kävijätilastot"
duration = "P2Y"

[[cookies]]
name = "_ga_*"
party = "first"
category = "statistics"
purpose = "Kävijätilastot"
duration = "P2Y"

[[cookies]]
name = "trk"
provider = "Mainos Oy"
party = "third"
category = "marketing"
purpose = "Mainonta"
duration = "P1Y"
country = "FI"
domain = ".ads.example.net"
''')

PAGE = '''<!doctype html><html><head>
<script>window.dataLayer = window.dataLayer || [];</script>
<script type="application/ld+json">{"url": "https://www.googletagmanager.com/gtm.js"}</script>
<script type="text/plain" data-rk-category="statistics" data-src="https://www.googletagmanager.com/gtag/js"></script>
<script type="text/plain" data-rk-category="marketing">fbq('init'); // https://connect.facebook.net/x.js</script>
</head><body><img src="/logo.png"></body></html>'''


def _html(*parts: str) -> str:
    return "<!doctype html><html><body>" + "".join(parts) + "</body></html>"


def _response(body: str = PAGE, *cookies: str, content_type: str = "text/html; charset=utf-8"
              ) -> tuple[str, list[tuple[str, str]], list[bytes]]:
    headers = [("Content-Type", content_type), *(("Set-Cookie", c) for c in cookies)]
    return "200 OK", headers, [body.encode("utf-8")]


def _failure(response: object, statement: Statement = SHOP, **options: object) -> str:
    with pytest.raises(AssertionError) as info:
        assert_no_tracking_without_consent(response, statement, **options)  # type: ignore[arg-type]
    return str(info.value)


def _framework(name: str) -> ModuleType:
    """Import a framework; skip when it is missing, except under CI, where the import fails the test."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


# -- assert_compliant -----------------------------------------------------------------------------------------------

def test_a_compliant_statement_passes_and_the_report_is_returned() -> None:
    """A corrected example has no errors: the assertion passes and returns the full report."""
    report = assert_compliant(GOOD)
    assert str(GOOD) == report.source
    assert 0 == report.summary["error"]


def test_a_statement_object_is_accepted() -> None:
    """A Statement can be passed instead of a path."""
    assert 0 == assert_compliant(load(GOOD)).summary["error"]


def test_a_failing_statement_lists_every_error_readably() -> None:
    """The message names the file, the count, and for each error its rule, severity, article, path, line and text."""
    with pytest.raises(AssertionError) as info:
        assert_compliant(BAD)
    message = str(info.value)
    errors = validate(load(BAD)).at_least("error")
    assert message.startswith(f"{BAD} is not compliant: {len(errors)} findings at or above error\n")
    first = errors[0]
    assert f"  {first.rule} [error] {first.article}\n" in message
    assert f"    at {first.path} (line " in message
    assert f"    {first.message.en}" in message
    assert all(f.rule in message for f in errors)


def test_fail_on_lowers_the_bar_to_warnings_or_recommendations() -> None:
    """fail_on='info' fails on a statement whose only findings are recommendations."""
    report = assert_compliant(GOOD)
    assert report.findings
    assert all(f.severity.value == "info" for f in report.findings)
    with pytest.raises(AssertionError, match=r"findings?\n"):
        assert_compliant(GOOD, fail_on="info")
    assert_compliant(GOOD, fail_on="warning")


def test_allow_excuses_rules_by_id_prefix_or_requirement_and_says_so() -> None:
    """Allowed rules do not fail; the message still says which were allowed."""
    report = assert_compliant(GOOD)
    allowed = sorted({f.rule for f in report.findings})
    assert_compliant(GOOD, fail_on="info", allow=allowed)
    with pytest.raises(AssertionError) as info:
        assert_compliant(BAD, allow=["RK-RETENTION", "RK-COOKIE", "recipients"])
    message = str(info.value)
    assert "RK-RETENTION [" not in message
    assert "RK-COOKIE-" not in message.split("allowed:", maxsplit=1)[0]
    assert "RK-RECIPIENTS [" not in message
    assert "allowed: " in message
    assert "RK-RETENTION" in message.split("allowed: ")[1]


def test_an_unknown_allow_entry_is_an_error_not_a_silent_pass() -> None:
    """A typo in allow raises UnknownRuleError."""
    with pytest.raises(UnknownRuleError, match="RK-RETENTON"):
        assert_compliant(BAD, allow=["RK-RETENTON"])


def test_a_retired_allow_entry_allows_nothing_and_asks_to_be_removed() -> None:
    """A rule id retired since a shop allowed it neither fails the shop's test nor excuses anything else."""
    with pytest.warns(DeprecationWarning, match="RK-TRANSFER-DPF-APPEAL was retired on 2026-12-06"), \
            pytest.raises(AssertionError) as info:
        assert_compliant(BAD, allow=["RK-TRANSFER-DPF-APPEAL"])
    assert "allowed: " not in str(info.value)


def test_a_file_that_does_not_load_fails_with_its_problems(tmp_path: Path) -> None:
    """A broken statement file fails the assertion and shows the load problems with their paths."""
    broken = tmp_path / "statement.toml"
    broken.write_text('[controller]\nname = "X Oy"\nbusiness_id = "1234567-8"\n', encoding="utf-8")
    with pytest.raises(AssertionError, match=r"cannot be loaded:\n  .*\$\.controller\.business_id"):
        assert_compliant(broken)


def test_messages_follow_the_locale() -> None:
    """locale='fi' gives the findings in Finnish."""
    with pytest.raises(AssertionError) as info:
        assert_compliant(BAD, locale="fi")
    first = validate(load(BAD)).at_least("error")[0]
    assert first.message.fi in str(info.value)


# -- assert_no_tracking_without_consent: cookies --------------------------------------------------------------------

def test_a_page_with_only_necessary_cookies_and_gated_scripts_passes() -> None:
    """Necessary cookies, the consent cookie, deletions and text/plain scripts are no tracking."""
    response = _response(PAGE, "sessionid=abc; Path=/; HttpOnly", "rk_consent=v1.x.y; Path=/",
                         '_ga=""; Max-Age=0; Path=/', "trk=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/")
    assert_no_tracking_without_consent(response, SHOP)


def test_a_statistics_cookie_without_consent_fails_and_passes_with_it() -> None:
    """A declared statistics cookie needs statistics consent; names match the statement's * patterns."""
    response = _response(PAGE, "_ga=GA1.1.1; Max-Age=63072000; Path=/", "_ga_ABC123=GS1; Path=/")
    message = _failure(response)
    assert "the response (200 OK) tracks without consent (accepted: nothing):" in message
    assert "cookie '_ga' needs consent to statistics (declared as '_ga')" in message
    assert "cookie '_ga_ABC123' needs consent to statistics (declared as '_ga_*')" in message
    assert_no_tracking_without_consent(response, SHOP, consent=["statistics"])
    assert_no_tracking_without_consent(response, SHOP, consent=consent_state(SHOP, ["statistics"]))
    assert "marketing" not in _failure(response, consent=["marketing"]).split("\n", 1)[1]


def test_undeclared_cookies_fail_only_in_strict_mode() -> None:
    """strict=True reports cookies the statement does not declare, except the consent cookie and `necessary`."""
    response = _response(PAGE, "foo=1", "csrftoken=x", "rk_consent=v1")
    assert_no_tracking_without_consent(response, SHOP)
    message = _failure(response, strict=True)
    assert "cookie 'foo': the statement does not declare it" in message
    assert "csrftoken" in message
    assert "rk_consent" not in message
    assert "csrftoken" not in _failure(response, strict=True, necessary=["csrf*"])


# -- assert_no_tracking_without_consent: scripts and pixels ---------------------------------------------------------

def test_a_marked_script_that_runs_fails_unless_its_category_is_accepted() -> None:
    """A script with data-rk-category but without type=text/plain runs: it needs consent to its category."""
    response = _response(_html('<script data-rk-category="marketing" src="/m.js"></script>'))
    message = _failure(response)
    assert '<script data-rk-category="marketing" src="/m.js"> needs consent to marketing' in message
    assert_no_tracking_without_consent(response, SHOP, consent=["marketing"])


def test_a_server_activated_script_is_checked_against_the_consent() -> None:
    """data-rk-for (a script the adapter activated for a stored consent) must match what was accepted."""
    response = _response(_html('<script src="https://www.googletagmanager.com/gtag/js" data-rk-for="statistics">'
                               "</script>"))
    assert "needs consent to statistics" in _failure(response)
    assert_no_tracking_without_consent(response, SHOP, consent=consent_state(SHOP, ["statistics"]))


def test_known_trackers_are_recognised_by_host_and_in_inline_code() -> None:
    """Google Tag Manager by src, the Meta pixel by its inline loader and its noscript image."""
    page = _html('<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
                 "<script>!function(f,b,e,v){t.src='https://connect.facebook.net/en_US/fbevents.js'}()</script>",
                 '<noscript><img height="1" src="https://www.facebook.com/tr?id=1&ev=PageView"></noscript>')
    message = _failure(_response(page))
    assert "googletagmanager.com is a known tracker" in message
    assert "connect.facebook.net is a known tracker" in message
    assert "element <img" in message
    assert "facebook.com/tr is a known tracker" in message
    assert_no_tracking_without_consent(_response(page), SHOP, consent=["statistics", "marketing"])
    assert_no_tracking_without_consent(_response(page), SHOP, trackers={})


def test_domains_declared_in_the_statement_give_their_category() -> None:
    """A script or pixel from the domain of a declared marketing cookie (or a subdomain) needs marketing consent."""
    page = _html('<script src="https://cdn.ads.example.net/t.js"></script>',
                 '<iframe src="https://ads.example.net/frame"></iframe>')
    message = _failure(_response(page), trackers={})
    assert "ads.example.net for marketing cookies" in message
    assert "element <iframe" in message
    assert_no_tracking_without_consent(_response(page), SHOP, consent=["marketing"])


def test_custom_trackers_extend_the_list() -> None:
    """trackers= maps a host (and path prefix) to the category it needs."""
    page = _html('<script src="https://stats.example.org/a.js"></script>')
    assert_no_tracking_without_consent(_response(page), SHOP)
    trackers = {**KNOWN_TRACKERS, "stats.example.org/a": CookieCategory.STATISTICS}
    assert "stats.example.org/a is a known tracker" in _failure(_response(page), trackers=trackers)


def test_bodies_that_are_not_html_are_not_parsed() -> None:
    """A JSON body that mentions a tracker is no page: only its cookies are checked."""
    body = '{"html": "<script src=\\"https://www.googletagmanager.com/gtag/js\\"></script>"}'
    assert_no_tracking_without_consent(_response(body, content_type="application/json"), SHOP)


def test_every_problem_is_listed_once_per_element() -> None:
    """Each offending cookie and element gets one line."""
    page = _html('<script src="https://www.googletagmanager.com/gtag/js" data-rk-for="statistics"></script>')
    message = _failure(_response(page, "_ga=1"))
    assert 3 == len(message.splitlines())


# -- frameworks -----------------------------------------------------------------------------------------------------

def test_django_responses_are_read_with_their_cookies() -> None:
    """A Django HttpResponse keeps Set-Cookie in response.cookies: those are checked too."""
    http = _framework("django.http")
    response = http.HttpResponse(PAGE, content_type="text/html; charset=utf-8")
    response.set_cookie("sessionid", "abc")
    assert_no_tracking_without_consent(response, SHOP)
    response.set_cookie("_ga", "GA1.1")
    assert "cookie '_ga' needs consent to statistics" in _failure(response)
    response.delete_cookie("_ga")
    assert_no_tracking_without_consent(response, SHOP)


def test_flask_responses_are_read_with_their_headers() -> None:
    """A Flask (Werkzeug) test response: repeated Set-Cookie headers and the HTML body."""
    flask = _framework("flask")
    app = flask.Flask(__name__)

    @app.get("/")
    def index() -> object:
        response = flask.make_response(_html('<script src="https://cdn.ads.example.net/t.js"></script>'))
        response.set_cookie("sessionid", "abc")
        response.set_cookie("_ga_XYZ", "1")
        return response

    message = _failure(app.test_client().get("/"), trackers={})
    assert "cookie '_ga_XYZ' needs consent to statistics" in message
    assert "<script src=\"https://cdn.ads.example.net/t.js\"> needs consent to marketing" in message
    assert message.startswith("the response (200) tracks")


def test_httpx_responses_are_read_with_every_set_cookie_header() -> None:
    """An httpx response (Starlette's test client): repeated Set-Cookie headers are read one by one."""
    httpx = _framework("httpx")
    response = httpx.Response(200, headers=[("Content-Type", "text/html"), ("Set-Cookie", "sessionid=1; Path=/"),
                                            ("Set-Cookie", "_ga=GA1; Path=/")], text=PAGE)
    assert "cookie '_ga' needs consent to statistics" in _failure(response)
    assert_no_tracking_without_consent(response, SHOP, consent=["statistics"])

"""Test sites for the scanner: a deliberately broken shop and a page with another consent manager.

Both are small WSGI apps served on 127.0.0.1 (``tests.browser.harness.serve_wsgi``) and reached as
``www.broken.test`` / ``www.other.test``. Their third-party scripts are the real URLs of gtag.js and the Meta
Pixel, answered by the scanner's packaged stand-ins; every other request to another host is answered empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from markupsafe import Markup

HERE = Path(__file__).resolve().parent
BROKEN_STATEMENT = HERE / "broken.toml"
OTHER_STATEMENT = HERE / "other.toml"

StartResponse = Callable[..., Any]

_PAGE = Markup("""<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Etusivu</a> <a href="/tuotteet">Tuotteet</a> <a href="/tietoa">Tietoa</a></nav>
<h1>{title}</h1><p>Tervetuloa.</p>{banner}</body></html>""")

_GTAG = Markup('<script async src="https://www.googletagmanager.com/gtag/js?id=G-BROKEN"></script>')
_PIXEL = Markup('<script>window.fbq=function(){(fbq.queue=fbq.queue||[]).push(arguments)};fbq("init","123");'
                '</script><script async src="https://connect.facebook.net/en_US/fbevents.js"></script>')
_CLARITY = Markup('<img alt="" width="1" height="1" src="https://c.clarity.ms/c.gif">')
_BROKEN_BANNER = Markup("""<div id="cmp"><p>Käytämme evästeitä.</p>
<a id="accept" href="/consent?c=all">Hyväksy kaikki</a>
<a id="reject" href="/consent?c=none">Hylkää kaikki</a></div>""")
_SETTINGS_LINK = Markup('<p><a id="settings" href="/asetukset">Evästeasetukset</a></p>')


def _cookies(environ: dict[str, Any]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    jar.load(environ.get("HTTP_COOKIE", ""))
    return {k: m.value for k, m in jar.items()}


def _base(environ: dict[str, Any]) -> str:
    return f"{environ.get('wsgi.url_scheme', 'http')}://{environ['HTTP_HOST']}"


def _html(start_response: StartResponse, body: str, headers: Iterable[tuple[str, str]] = ()) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                              *headers])
    return [body.encode()]


def broken_shop(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    """A shop with six defects the scan must find, each once (see ``tests/scan/broken.toml``).

    1. Google Analytics is loaded unless the visitor rejected (opt-out logic): before consent.
    2. ``_gcl_au``, a Google Ads cookie, is declared necessary (and set on every response).
    3. ``promo_seen`` is set on every response and not declared.
    4. ``_fbp`` is declared for one month; the pixel sets it for 90 days.
    5. Withdrawing expires ``_ga`` and ``_ga_*`` on the parent domain but ``_fbp`` only on the host: the
       pixel's ``.broken.test`` cookie is left.
    6. After consent, a Microsoft Clarity beacon goes to a US provider the statement does not mention.
    """
    path = environ.get("PATH_INFO", "/")
    if environ.get("HTTP_HOST", "").startswith("broken.test"):  # the bare domain redirects to www
        start_response("301 Moved Permanently", [("Location", _base(environ).replace("//", "//www.") + path)])
        return [b""]
    cookies = _cookies(environ)
    consent = cookies.get("consent")
    always = [("Set-Cookie", "promo_seen=1; Path=/; Max-Age=3600; SameSite=Lax"),
              ("Set-Cookie", "_gcl_au=1.1.42; Path=/; Max-Age=7776000; SameSite=Lax")]
    if path == "/consent":
        choice = parse_qs(environ.get("QUERY_STRING", "")).get("c", ["none"])[0]
        headers = [("Location", "/"), ("Cache-Control", "no-store"),
                   ("Set-Cookie", f"consent={'all' if choice == 'all' else 'none'}; Path=/; Max-Age=15552000; "
                                  "SameSite=Lax")]
        if choice != "all":
            headers += [("Set-Cookie", f"{name}=; Path=/; Domain=broken.test; Max-Age=0")
                        for name in ("_ga", "_ga_BROKEN")]
            headers.append(("Set-Cookie", "_fbp=; Path=/; Max-Age=0"))  # defect 5: not on the parent domain
        start_response("303 See Other", headers)
        return [b""]
    if path == "/robots.txt":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"User-agent: *\nDisallow: /hallinta/\n"]
    if path == "/sitemap.xml":  # lists a page no link leads to
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                b"<url><loc>" + _base(environ).encode() + b"/piilossa</loc></url></urlset>"]
    if path not in ("/", "/tuotteet", "/tietoa", "/asetukset", "/piilossa"):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    head = Markup("")
    if consent != "none":  # defect 1: "no decision" treated as consent
        head += _GTAG
    if consent == "all":
        head += _PIXEL
    banner = _BROKEN_BANNER if consent is None or path == "/asetukset" else _SETTINGS_LINK
    extra = _CLARITY if consent == "all" else Markup("")
    body = _PAGE.format(title="Rikkinäinen Kauppa", head=head, banner=banner + extra)
    body += Markup('<a href="/hallinta/">Hallinta</a>')
    return _html(start_response, str(body), always)


_OTHER_PAGE = Markup("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other CMP</title>{head}
</head><body><h1>Another consent manager</h1><a href="/more">More</a>
<div class="cmp-box" {hidden}><button class="cmp-yes" type="button">Allow all</button>
<button class="cmp-no" type="button">Deny</button></div>
<button class="cmp-reopen" type="button">Privacy settings</button>
<script>
localStorage.setItem("cmp_state", "shown");
document.querySelector(".cmp-yes").onclick = function () {{
  document.cookie = "cmp_choice=yes; path=/; max-age=15552000"; location.reload(); }};
document.querySelector(".cmp-no").onclick = function () {{
  document.cookie = "cmp_choice=no; path=/; max-age=15552000";
  ["_ga", "_ga_OTHER", "_fbp"].forEach(function (n) {{
    document.cookie = n + "=; path=/; max-age=0; domain=other.test"; }});
  location.reload(); }};
document.querySelector(".cmp-reopen").onclick = function () {{
  document.querySelector(".cmp-box").hidden = false; }};
</script></body></html>""")


def other_cmp_site(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    """A compliant page whose consent manager is not rekisterikit's: its own 'Allow all' and 'Deny' buttons."""
    path = environ.get("PATH_INFO", "/")
    if path not in ("/", "/more"):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    choice = _cookies(environ).get("cmp_choice")
    head = Markup('<script async src="https://www.googletagmanager.com/gtag/js?id=G-OTHER"></script>') \
        if choice == "yes" else Markup("")
    hidden = Markup("hidden") if choice else Markup("")
    return _html(start_response, str(_OTHER_PAGE.format(head=head, hidden=hidden)))

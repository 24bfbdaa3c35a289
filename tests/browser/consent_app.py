"""A minimal standard-library WSGI shop that uses the consent core directly, for the real-browser tests.

It is also the reference for adapters: read the state, render the banner, handle the POST (JSON for the
background request, a 303 redirect for the plain form), serve the static files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from markupsafe import Markup

from rekisterikit.consent import (
    ConsentConfig,
    ConsentError,
    ConsentService,
    ConsentStore,
    consent_mode_script,
    deferred_script,
    render_banner,
    render_embed,
    render_settings,
    reopen_link,
    safe_next,
    static_file,
    static_tags,
)
from rekisterikit.model import Statement
from tests.consent.shop import SECRET, shop_statement

GATED_JS = (b"window.rkGatedRuns = (window.rkGatedRuns || 0) + 1;\n"
            b'document.cookie = "_ga=GA1.1.test; path=/; max-age=3600";\n')
STAND_INS = {
    "/ga-stand-in.js": b"window.rkRan = (window.rkRan || []).concat(['google-analytics']);\n",
    "/pixel-stand-in.js": b"window.rkRan = (window.rkRan || []).concat(['meta-pixel']);\n",
}
#: A shop theme: the accent colour set on .rk-consent, to be honoured whichever stylesheet loads first.
THEME_CSS = b".rk-consent, .rk-embed { --rk-accent: rgb(122, 31, 92); }\n"
TITLES = {"fi": "Testikauppa", "sv": "Testbutiken", "en": "Test shop"}
TEXTS = {"fi": "Tervetuloa kauppaan.", "sv": "Välkommen till butiken.", "en": "Welcome to the shop."}


class ConsentShop:
    """The WSGI app; ``requests`` counts requests per path, so a test can see that a gated script was not loaded."""

    def __init__(self, store: ConsentStore, statement: Statement | None = None,
                 config: ConsentConfig | None = None) -> None:
        self.service = ConsentService(statement or shop_statement(), config or ConsentConfig(secret=SECRET), store)
        self.requests: Counter[str] = Counter()
        self.theme_first = False
        self.theme = True

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        self.requests[path] += 1
        query = parse_qs(environ.get("QUERY_STRING", ""))
        lang = query.get("lang", ["fi"])[0]
        lang = lang if lang in TITLES else "fi"
        if environ["REQUEST_METHOD"] == "POST" and path == "/consent":
            return self.consent(environ, start_response)
        if path in ("/", "/cookie-settings", "/privacy", "/video"):
            return self.page(environ, start_response, path, lang)
        if path == "/gated.js":
            return self.send(start_response, "200 OK", "text/javascript", GATED_JS)
        if path in STAND_INS:
            return self.send(start_response, "200 OK", "text/javascript", STAND_INS[path])
        if path == "/theme.css":
            return self.send(start_response, "200 OK", "text/css", THEME_CSS)
        if path.startswith("/static/rekisterikit/"):
            name = path.removeprefix("/static/")
            try:
                data = static_file(name).read_bytes()
            except FileNotFoundError:
                return self.send(start_response, "404 Not Found", "text/plain", b"not found")
            kind = "text/javascript" if name.endswith(".js") else "text/css"
            return self.send(start_response, "200 OK", kind, data)
        return self.send(start_response, "404 Not Found", "text/plain", b"not found")

    @staticmethod
    def send(start_response: Callable[..., Any], status: str, kind: str, body: bytes,
             headers: list[tuple[str, str]] | None = None) -> list[bytes]:
        start_response(status, [("Content-Type", kind + "; charset=utf-8"), ("Content-Length", str(len(body))),
                                ("Cache-Control", "no-store"), *(headers or [])])
        return [body]

    def page(self, environ: dict[str, Any], start_response: Callable[..., Any], path: str, lang: str) -> list[bytes]:
        cookies = environ.get("HTTP_COOKIE", "")
        state = self.service.read(cookies, environ)
        saved = "saved=1" in environ.get("QUERY_STRING", "")
        here = path + ("?lang=" + lang if lang != "fi" else "")
        common = {"locale": lang, "action": "/consent", "statement_url": "/privacy?lang=" + lang, "next_url": here,
                  "hidden": {"lang": lang}, "headers": environ}
        if path == "/cookie-settings":
            heading = Markup("<h1>{}</h1>").format(TITLES[lang])
            content = heading + render_settings(self.service, state, saved=saved, back_url="/?lang=" + lang,
                                                **common)  # type: ignore[arg-type]
            banner = Markup("")
        elif path == "/video":
            embed = render_embed(self.service, state, "youtube", "https://www.youtube-nocookie.com/embed/rk-test",
                                 title="Video", locale=lang, action="/consent", next_url=here,
                                 hidden={"lang": lang}, width=560, height=315, allow="fullscreen")
            content = Markup("<h1>{}</h1>{}").format(TITLES[lang], embed)
            banner = render_banner(self.service, state, **common)  # type: ignore[arg-type]
        else:
            content = Markup("<h1>{}</h1><p>{}</p>").format(TITLES[lang], TEXTS[lang])
            banner = render_banner(self.service, state, changed=self.service.what_changed(cookies, locale=lang),
                                   **common)  # type: ignore[arg-type]
        gated = deferred_script("statistics", "/gated.js")
        keys = {s.key for s in self.service.services}
        if "google-analytics" in keys:
            gated += deferred_script("statistics", "/ga-stand-in.js", service="google-analytics")
            gated += deferred_script("marketing", "/pixel-stand-in.js", service="meta-pixel")
        theme = Markup('<link rel="stylesheet" href="/theme.css">') if self.theme else Markup("")
        assets = (theme + static_tags("/static/")) if self.theme_first else (static_tags("/static/") + theme)
        assets += consent_mode_script(state)
        html = Markup(
            '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>{assets}'
            "<style>body{{font-family:'DejaVu Sans',sans-serif;margin:0;color:#1b1b1b}}"
            "main,header,footer{{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}}"
            "footer a{{color:#0b4f8a}}</style></head>"
            '<body><header><a href="/?lang={lang}">{title}</a></header><main>{content}</main>'
            "<footer>{reopen}</footer>{gated}{banner}</body></html>"
        ).format(lang=lang, title=TITLES[lang], assets=assets, content=content,
                 reopen=reopen_link(locale=lang, href="/cookie-settings?lang=" + lang),
                 gated=gated, banner=banner)
        return self.send(start_response, "200 OK", "text/html", str(html).encode("utf-8"))

    def consent(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = parse_qs(environ["wsgi.input"].read(min(length, 65536)).decode("utf-8", "replace"))
        lang = form.get("lang", ["fi"])[0]
        try:
            decision = self.service.decide(form, cookies=environ.get("HTTP_COOKIE", ""), headers=environ,
                                           locale=lang if lang in TITLES else "fi")
        except ConsentError as exc:
            return self.send(start_response, "400 Bad Request", "text/plain", str(exc).encode())
        headers = [("Set-Cookie", h) for h in decision.set_cookie_headers()]
        if "application/json" in environ.get("HTTP_ACCEPT", ""):
            body = json.dumps(decision.to_json()).encode()
            return self.send(start_response, "200 OK", "application/json", body, headers)
        target = safe_next(form.get("rk-next", ["/"])[0])
        if form.get("rk-source") == ["settings"]:
            target += ("&" if "?" in target else "?") + "saved=1"
        start_response("303 See Other", [("Location", target), ("Content-Length", "0"), *headers])
        return [b""]


def path_of(url: str) -> str:
    """The path and query of ``url``."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")

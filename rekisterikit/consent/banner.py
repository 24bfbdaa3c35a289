"""The consent banner and settings markup, the reopen link and deferred scripts (markupsafe, no templates).

The banner is a plain HTML form that works without JavaScript: its buttons POST ``rk-action`` (and the ticked
``rk-category`` boxes) to the shop's consent endpoint, which answers with a redirect back. The small
dependency-free ``consent.js`` (package data, see :func:`static_file`) submits the same form in the background,
hides the banner, deletes declined cookies and activates deferred scripts without a reload.

* The first layer does not block the page (no cookie wall): it sits at the bottom, the page stays usable.
* "Accept all" and "Reject all" are the same element with the same style, side by side.
* "Settings" opens (a ``<details>`` element, so also without JavaScript) one checkbox per category, unticked
  unless the visitor already agreed to it, with the category's purpose and its cookies from the statement
  (name, provider, purpose, duration), a link to the full statement and a "Save choices" button.
* :func:`reopen_link` renders the link that reopens the banner from any page (without JavaScript it goes to the
  shop's settings page, which renders :func:`render_settings`): withdrawing is as easy as giving.
* :func:`deferred_script` renders ``<script type="text/plain" data-rk-category="statistics" data-src="…">``, which
  the browser does not run until consent.js activates it.

Texts come from the library's catalogs (fi, sv, en); the shop's own cookie texts from the statement.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from rekisterikit.consent.service import FIELD_ACTION, FIELD_CATEGORY, FIELD_NEXT, FIELD_SOURCE, ConsentService
from rekisterikit.consent.state import ConsentState, parse_category
from rekisterikit.model import Cookie, CookieCategory, Party
from rekisterikit.render.i18n import N_, Translator, language, translator

__all__ = [
    "STATIC_FILES",
    "category_label",
    "category_purpose",
    "deferred_script",
    "render_banner",
    "render_settings",
    "reopen_link",
    "static_file",
    "static_tags",
]

#: The static files shipped with the package, relative to ``rekisterikit/consent/static/``.
STATIC_FILES = ("rekisterikit/consent.js", "rekisterikit/consent.css")

_LABELS = {
    CookieCategory.NECESSARY: N_("Necessary"),
    CookieCategory.PREFERENCES: N_("Preferences"),
    CookieCategory.STATISTICS: N_("Statistics"),
    CookieCategory.MARKETING: N_("Marketing"),
}
_PURPOSES = {
    CookieCategory.NECESSARY: N_("Needed for the shop to work: the shopping cart, signing in, security and "
                                 "remembering your cookie choice. Always on."),
    CookieCategory.PREFERENCES: N_("Remember your choices, such as the language, to make the site easier to use."),
    CookieCategory.STATISTICS: N_("Show us how the site is used, so that we can improve it."),
    CookieCategory.MARKETING: N_("Used to show you relevant advertising and to measure it, also on other sites."),
}


def category_label(category: CookieCategory | str, *, locale: str) -> str:
    """The category's name in ``locale`` ("Tilastot", "Statistik", "Statistics")."""
    return translator(locale).gettext(_LABELS[parse_category(category)])


def category_purpose(category: CookieCategory | str, *, locale: str) -> str:
    """The library's one-line explanation of what the category's cookies are for, in ``locale``."""
    return translator(locale).gettext(_PURPOSES[parse_category(category)])


def static_file(name: str) -> Path:
    """The path of a shipped static file, e.g. ``static_file("rekisterikit/consent.js")``, for adapters to serve.

    Raises:
        FileNotFoundError: no such static file.
    """
    if name not in STATIC_FILES:
        raise FileNotFoundError(name)
    return Path(__file__).resolve().parent.joinpath("static", *name.split("/"))


def static_tags(base_url: str, *, nonce: str | None = None) -> Markup:
    """The ``<link>`` and ``<script defer>`` tags for consent.css and consent.js under ``base_url``.

    Args:
        base_url: where the shop serves ``rekisterikit/consent.css`` and ``.js`` (e.g. ``"/static/"``).
        nonce: the page's CSP nonce for the script.
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    css, js = base + "rekisterikit/consent.css", base + "rekisterikit/consent.js"
    if nonce is None:
        return Markup('<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>').format(css, js)
    return Markup('<link rel="stylesheet" href="{}">\n<script src="{}" defer nonce="{}"></script>').format(
        css, js, nonce)


def deferred_script(category: CookieCategory | str, src: str | None = None, *, code: str | None = None,
                    nonce: str | None = None, attributes: Mapping[str, str] | None = None) -> Markup:
    """A script that runs only once the visitor has agreed to ``category``.

    The browser does not run ``type="text/plain"``; consent.js replaces the element with a real script when the
    category is granted (on page load for a stored consent, at once after the visitor accepts).

    Args:
        category: the cookie category the script needs (``"statistics"``, ``"marketing"``, ``"preferences"``).
        src: the script's URL (becomes ``src``), or
        code: inline JavaScript (escaped so that it cannot close the element).
        nonce: the page's CSP nonce, kept on the activated script.
        attributes: further attributes for the activated script (e.g. ``{"async": ""}``).

    Raises:
        ValueError: the category is unknown or ``necessary`` (such scripts need no gate), or neither or both of
            ``src`` and ``code`` are given.
    """
    cat = parse_category(category)
    if not cat.needs_consent:
        raise ValueError("necessary scripts need no consent: include them normally")
    if (src is None) == (code is None):
        raise ValueError("give exactly one of src and code")
    parts = [Markup(' data-rk-category="{}"').format(cat.value)]
    if src is not None:
        parts.append(Markup(' data-src="{}"').format(src))
    if nonce is not None:
        parts.append(Markup(' nonce="{}"').format(nonce))
    for name, value in (attributes or {}).items():
        if not name.replace("-", "").isalnum() or name.lower() in ("type", "src", "nonce") or name.startswith("on"):
            raise ValueError(f"attribute {name!r} is not allowed")
        parts.append(Markup(' {}="{}"').format(name, value))
    body = Markup("") if code is None else Markup(code.replace("</", "<\\/").replace("<!--", "<\\!--"))
    return Markup('<script type="text/plain"{}>{}</script>').format(Markup("").join(parts), body)


def reopen_link(*, locale: str, href: str, css_class: str = "rk-consent-reopen") -> Markup:
    """The "Cookie settings" link for every page (e.g. the footer): reopens the banner, or goes to ``href``.

    Args:
        locale: the page's language.
        href: the shop's cookie settings page, used when JavaScript is off.
        css_class: the link's class.
    """
    t = translator(locale)
    return Markup('<a href="{}" class="{}" data-rk-open>{}</a>').format(href, css_class, t.gettext("Cookie settings"))


def _text(value: object, t: Translator) -> tuple[str, str | None]:
    from rekisterikit.model import LocalizedText

    if not isinstance(value, LocalizedText):
        return "", None
    text, lang = value.resolve(t.language)
    return text, (lang.value if lang is not t.language else None)


def _cookie_row(cookie: Cookie, t: Translator) -> Markup:
    purpose, purpose_lang = _text(cookie.purpose, t)
    lang_attr = Markup(' lang="{}"').format(purpose_lang) if purpose_lang else Markup("")
    provider = cookie.provider or ""
    if cookie.party is Party.THIRD:
        provider = t.gettext("{provider} (third party)").format(provider=provider or "?")
    duration = t.format_duration(cookie.duration) if cookie.duration is not None else ""
    return Markup("<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td{}>{}</td><td>{}</td></tr>").format(
        cookie.name, provider, lang_attr, purpose, duration)


def _cookie_table(cookies: tuple[Cookie, ...], t: Translator) -> Markup:
    if not cookies:
        return Markup("")
    head = Markup("<tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
                  "<th scope=\"col\">{}</th></tr>").format(t.gettext("Cookie"), t.gettext("Provider"),
                                                           t.gettext("Purpose"), t.gettext("Duration"))
    rows = Markup("").join(_cookie_row(c, t) for c in cookies)
    summary = t.ngettext("{n} cookie", "{n} cookies", len(cookies)).format(n=len(cookies))
    return Markup('<details class="rk-consent__cookies"><summary>{}</summary><div class="rk-consent__table">'
                  "<table><thead>{}</thead><tbody>{}</tbody></table></div></details>").format(summary, head, rows)


def _category(service: ConsentService, category: CookieCategory, state: ConsentState | None, *, gpc: bool,
              t: Translator, prefix: str) -> Markup:
    ident = f"{prefix}-cat-{category.value}"
    necessary = category is CookieCategory.NECESSARY
    blocked = gpc and category is CookieCategory.MARKETING
    checked = necessary or (state is not None and not blocked and category in state.granted)
    flags = Markup("")
    if checked:
        flags += Markup(" checked")
    if necessary or blocked:
        flags += Markup(" disabled")
    name = Markup("") if necessary else Markup(' name="{}" value="{}"').format(FIELD_CATEGORY, category.value)
    note = Markup("")
    if necessary:
        note = Markup('<span class="rk-consent__note">{}</span>').format(t.gettext("Always on"))
    elif blocked:
        note = Markup('<span class="rk-consent__note">{}</span>').format(
            t.gettext("Off: your browser asks not to be tracked for marketing"))
    return Markup(
        '<div class="rk-consent__category">'
        '<div class="rk-consent__toggle"><input type="checkbox" id="{ident}"{name}{flags} '
        'aria-describedby="{ident}-desc"><label for="{ident}">{label}</label>{note}</div>'
        '<p class="rk-consent__purpose" id="{ident}-desc">{purpose}</p>{table}</div>'
    ).format(ident=ident, name=name, flags=flags, label=t.gettext(_LABELS[category]), note=note,
             purpose=t.gettext(_PURPOSES[category]),
             table=_cookie_table(service.statement.cookies_in(category), t))


def _form(service: ConsentService, state: ConsentState | None, *, locale: str, action: str, statement_url: str,
          next_url: str, hidden: Mapping[str, str] | None, gpc: bool, variant: Literal["banner", "page"]) -> Markup:
    t = translator(locale)
    prefix = "rk" if variant == "banner" else "rk-page"
    fields = [Markup('<input type="hidden" name="{}" value="{}">').format(FIELD_NEXT, next_url)]
    if variant == "page":
        fields.append(Markup('<input type="hidden" name="{}" value="settings">').format(FIELD_SOURCE))
    fields.extend(Markup('<input type="hidden" name="{}" value="{}">').format(k, v) for k, v in (hidden or {}).items())
    categories = (CookieCategory.NECESSARY, *service.offered)
    boxes = Markup("").join(_category(service, c, state, gpc=gpc, t=t, prefix=prefix) for c in categories)
    gpc_note = Markup("")
    if gpc:
        gpc_note = Markup('<p class="rk-consent__gpc">{}</p>').format(t.gettext(
            "Your browser sends the Global Privacy Control signal. We respect it as your objection to direct "
            "marketing: marketing cookies stay off."))
    intro = t.gettext("We use necessary cookies to make the shop work. With your consent we also use cookies for "
                      "the purposes below. You can change your choice at any time from the “Cookie settings” "
                      "link.")
    return Markup(
        '<form class="rk-consent__form" method="post" action="{action}">{fields}'
        '<h2 class="rk-consent__title" id="{prefix}-title" tabindex="-1">{title}</h2>'
        '<p class="rk-consent__text">{intro} <a href="{statement_url}">{statement}</a></p>{gpc_note}'
        '<div class="rk-consent__actions">'
        '<button type="submit" class="rk-button" name="{field}" value="accept_all">{accept}</button>'
        '<button type="submit" class="rk-button" name="{field}" value="reject_all">{reject}</button>'
        "</div>"
        '<details class="rk-consent__settings"{open}><summary class="rk-consent__summary">{settings}</summary>'
        '<fieldset class="rk-consent__categories"><legend>{legend}</legend>{boxes}</fieldset>'
        '<div class="rk-consent__actions rk-consent__actions--save">'
        '<button type="submit" class="rk-button rk-button--secondary" name="{field}" value="custom">{save}</button>'
        "</div></details>"
        '<p class="rk-consent__status" role="status" aria-live="polite"></p>'
        "</form>"
    ).format(
        action=action, fields=Markup("").join(fields), prefix=prefix, title=t.gettext("Cookies"), intro=intro,
        statement_url=statement_url, statement=t.gettext("Privacy notice"), gpc_note=gpc_note, field=FIELD_ACTION,
        accept=t.gettext("Accept all"), reject=t.gettext("Reject all"),
        open=Markup(" open") if variant == "page" else Markup(""), settings=t.gettext("Choose cookies"),
        legend=t.gettext("Cookie categories"), boxes=boxes, save=t.gettext("Save choices"),
    )


def _gpc(service: ConsentService, state: ConsentState | None, headers: Mapping[str, str] | None,
         gpc: bool | None) -> bool:
    if gpc is not None:
        return gpc
    return (state is not None and state.gpc) or service.gpc(headers)


def render_banner(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                  statement_url: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                  headers: Mapping[str, str] | None = None, gpc: bool | None = None) -> Markup:
    """Render the consent banner for the end of ``<body>``.

    The banner is visible when ``state`` is ``None`` (the visitor must be asked) and rendered ``hidden`` otherwise,
    so the reopen link can show it again without a reload. Without optional cookies in the statement it renders
    nothing.

    Args:
        service: the consent service (its statement gives the categories and cookies).
        state: the visitor's consent from :meth:`ConsentService.read`, or ``None``.
        locale: the page's language (``"fi"``, ``"sv"``, ``"en"``).
        action: the URL of the consent endpoint the form posts to.
        statement_url: the URL of the full privacy statement.
        next_url: where the endpoint redirects after a plain form POST (the current page).
        hidden: further hidden fields, such as the framework's CSRF token (``{"csrfmiddlewaretoken": token}``).
        headers: the request headers; with them the banner says so when the browser sends Global Privacy Control
            (pass them: without a consent there is no other way to know).
        gpc: whether Global Privacy Control applies, overriding ``headers`` and ``state.gpc``.
    """
    if not service.banner_needed:
        return Markup("")
    gpc = _gpc(service, state, headers, gpc)
    granted = " ".join(c.value for c in service.offered if state is not None and c in state.granted)
    lang = language(locale).value
    form = _form(service, state, locale=locale, action=action, statement_url=statement_url, next_url=next_url,
                 hidden=hidden, gpc=gpc, variant="banner")
    return Markup(
        '<div class="rk-consent" id="rk-consent" lang="{lang}" data-rk-consent data-rk-granted="{granted}" '
        'data-rk-decided="{decided}"{hidden}>'
        '<section class="rk-consent__panel" aria-labelledby="rk-title">{form}</section></div>'
    ).format(lang=lang, granted=granted, decided="true" if state is not None else "false",
             hidden=Markup(" hidden") if state is not None else Markup(""), form=form)


def render_settings(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                    statement_url: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                    headers: Mapping[str, str] | None = None, gpc: bool | None = None) -> Markup:
    """Render the cookie settings form for the shop's settings page (the reopen link's target without JavaScript).

    The same form as the banner with the settings open, shown in the page's flow; its decisions are recorded with
    the method ``settings``. Arguments as for :func:`render_banner`.
    """
    gpc = _gpc(service, state, headers, gpc)
    form = _form(service, state, locale=locale, action=action, statement_url=statement_url, next_url=next_url,
                 hidden=hidden, gpc=gpc, variant="page")
    granted = " ".join(c.value for c in service.offered if state is not None and c in state.granted)
    saved = translator(locale).gettext("Your choices have been saved.")
    return Markup('<section class="rk-consent rk-consent--page" lang="{}" aria-labelledby="rk-page-title" '
                  'data-rk-consent-page data-rk-granted="{}" data-rk-saved="{}">{}</section>').format(
        language(locale).value, granted, saved, form)

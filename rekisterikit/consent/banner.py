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
* The lazy settings layer: for a visitor who has decided, :func:`render_banner_placeholder` renders a few hundred
  bytes (the visitor's granted categories and services for consent.js, and the URL of the adapter's settings
  layer endpoint) instead of the hidden form; the reopen link makes consent.js fetch
  :func:`render_settings_layer` from that endpoint (same origin, ``no-store``) and open it. Without JavaScript
  the reopen link goes to the settings page as before.
* :func:`deferred_script` renders ``<script type="text/plain" data-rk-category="statistics" data-src="…">``, which
  the browser does not run until consent.js activates it.

Texts come from the library's catalogs (fi, sv, en); the shop's own cookie texts from the statement.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import weakref
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape

from rekisterikit.consent.service import (
    FIELD_ACTION,
    FIELD_CATEGORY,
    FIELD_NEXT,
    FIELD_SERVICE,
    FIELD_SOURCE,
    ConsentService,
)
from rekisterikit.consent.services import Service
from rekisterikit.consent.state import ConsentState, parse_category
from rekisterikit.consent.texts import CATEGORY_LABELS, CATEGORY_PURPOSES, banner_texts
from rekisterikit.model import Cookie, CookieCategory, Country, Party
from rekisterikit.render.i18n import Translator, babel_locale, format_date, language, translator

__all__ = [
    "SETTINGS_LAYER_HEADERS",
    "STATIC_FILES",
    "banner_context",
    "category_label",
    "category_purpose",
    "deferred_script",
    "render_banner",
    "render_banner_placeholder",
    "render_settings",
    "render_settings_layer",
    "reopen_link",
    "service_label",
    "static_file",
    "static_tags",
]

#: The static files shipped with the package, relative to ``rekisterikit/consent/static/``.
STATIC_FILES = ("rekisterikit/consent.js", "rekisterikit/consent.css")

_SERVICE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_LABELS = CATEGORY_LABELS
_PURPOSES = CATEGORY_PURPOSES


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
                    nonce: str | None = None, attributes: Mapping[str, str] | None = None,
                    service: str | None = None) -> Markup:
    """A script that runs only once the visitor has agreed to ``category`` (or to one service in it).

    The browser does not run ``type="text/plain"``; consent.js replaces the element with a real script when the
    category is granted (on page load for a stored consent, at once after the visitor accepts).

    Args:
        category: the cookie category the script needs (``"statistics"``, ``"marketing"``, ``"preferences"``).
        src: the script's URL (becomes ``src``), or
        code: inline JavaScript (escaped so that it cannot close the element).
        nonce: the page's CSP nonce, kept on the activated script.
        attributes: further attributes for the activated script (e.g. ``{"async": ""}``).
        service: a service key (see :mod:`rekisterikit.consent.services`): the script then waits for that
            service, which the visitor may allow on its own, rather than for the whole category.

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
    if service is not None:
        if not _SERVICE_KEY.fullmatch(service):
            raise ValueError(f"invalid service key {service!r}")
        parts.append(Markup(' data-rk-service="{}"').format(service))
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
    return _reopen_link(locale, href, css_class)


@lru_cache(maxsize=256)
def _reopen_link(locale: str, href: str, css_class: str) -> Markup:
    """The link per language, URL and class (a page asks for the same one on every request)."""
    t = translator(locale)
    return Markup('<a href="{}" class="{}" data-rk-open>{}</a>').format(href, css_class, t.gettext("Cookie settings"))


def _text(value: object, t: Translator) -> tuple[str, str | None]:
    from rekisterikit.model import LocalizedText

    if not isinstance(value, LocalizedText):
        return "", None
    text, lang = value.resolve(t.language)
    return text, (lang.value if lang is not t.language else None)


def _lang_attr(lang: str | None) -> Markup:
    return Markup(' lang="{}"').format(lang) if lang else Markup("")


def country_names(countries: Sequence[Country], *, locale: str) -> list[str]:
    """The names of ``countries`` in ``locale`` ("Yhdysvallat", "USA", "United States")."""
    from babel import Locale

    names = Locale.parse(babel_locale(locale)).territories
    return [str(names.get(c.code, c.code)) for c in countries]


def service_label(service: Service) -> str:
    """The service as the visitor reads it: its name, and the provider when that differs."""
    if service.provider and service.provider != service.name:
        return f"{service.name} ({service.provider})"
    return service.name


def _cookie_row(cookie: Cookie, t: Translator) -> Markup:
    purpose, purpose_lang = _text(cookie.purpose, t)
    provider = cookie.provider or ""
    if cookie.party is Party.THIRD:
        provider = t.gettext("{provider} (third party)").format(provider=provider or "?")
    duration = t.format_duration(cookie.duration) if cookie.duration is not None else ""
    return Markup("<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td{}>{}</td><td>{}</td></tr>").format(
        cookie.name, provider, _lang_attr(purpose_lang), purpose, duration)


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


def _outside(countries: Sequence[Country], t: Translator) -> Markup:
    if not countries:
        return Markup("")
    names = t.format_list(country_names(countries, locale=t.language.value))
    return Markup('<span class="rk-consent__eea">{}</span>').format(
        t.gettext("Data is transferred outside the EU/EEA: {countries}.").format(countries=names))


def _overview(service: ConsentService, texts: Mapping[str, str], t: Translator) -> tuple[Markup, list[Country]]:
    """The first layer's list: per optional category its purpose and who receives data; then, once, the countries
    outside the EU/EEA the data goes to."""
    items = []
    outside: set[Country] = set()
    for category in service.offered:
        services = service.services_in(category)
        receivers = list(dict.fromkeys(s.receiver for s in services))
        outside.update(c for s in services for c in s.outside_eea)
        items.append(Markup(
            '<li class="rk-consent__overview-item" data-rk-overview="{cat}"><strong>{label}:</strong> {purpose}. '
            '<span class="rk-consent__who">{who} <span class="rk-consent__vendors">{names}</span>.</span></li>'
        ).format(cat=category.value, label=t.gettext(_LABELS[category]),
                 purpose=texts[f"{category.value}_short"].rstrip("."),
                 who=t.ngettext("Recipient:", "Recipients:", len(receivers)), names=t.format_list(receivers)))
    return Markup('<ul class="rk-consent__overview">{}</ul>').format(Markup("").join(items)), sorted(outside)


def _service_item(svc: Service, visitor: _Visitor, *, toggle: bool, t: Translator, prefix: str) -> Markup:
    ident = f"{prefix}-svc-{svc.key}"
    description, desc_lang = _text(svc.description, t)
    details = []
    if description:
        details.append(Markup('<span class="rk-consent__service-desc"{}>{}</span>').format(
            _lang_attr(desc_lang), description))
    if svc.outside_eea:
        details.append(_outside(svc.outside_eea, t))
    if svc.privacy_url:
        details.append(Markup('<a href="{}" rel="noopener">{}</a>').format(
            svc.privacy_url, t.gettext("Provider's privacy notice")))
    more = Markup(" ").join(details)
    if not toggle:
        return Markup('<li class="rk-consent__service" data-rk-service-item="{}">'
                      '<span class="rk-consent__service-name">{}</span> {}</li>').format(
            svc.key, service_label(svc), more)
    checked = visitor.service_checked(svc.key)
    return Markup(
        '<li class="rk-consent__service" data-rk-service-item="{key}"><span class="rk-consent__toggle '
        'rk-consent__toggle--service"><input type="checkbox" id="{ident}" name="{field}" value="{key}" '
        'data-rk-category-of="{cat}"{checked}><label for="{ident}">{label}</label></span> {more}</li>'
    ).format(key=svc.key, ident=ident, field=FIELD_SERVICE, cat=svc.category.value, checked=checked,
             label=service_label(svc), more=more)


def _category(service: ConsentService, category: CookieCategory, visitor: _Visitor, *,
              texts: Mapping[str, str], gpc_refused: frozenset[str], t: Translator, prefix: str) -> Markup:
    ident = f"{prefix}-cat-{category.value}"
    necessary = category is CookieCategory.NECESSARY
    flags = Markup(" checked disabled") if necessary else visitor.category_checked(category)
    name = Markup("") if necessary else Markup(' name="{}" value="{}"').format(FIELD_CATEGORY, category.value)
    note = Markup("")
    if necessary:
        note = Markup('<span class="rk-consent__note">{}</span>').format(t.gettext("Always on"))
    elif category.value in gpc_refused:
        note = Markup('<span class="rk-consent__note">{}</span>').format(
            t.gettext("Off: your browser's privacy signal refuses it"))
    services = service.services_in(category) if not necessary else ()
    listing = Markup("")
    if services:
        toggle = len(services) > 1
        heading = t.gettext("Choose services:") if toggle else t.gettext("Service:")
        listing = Markup('<div class="rk-consent__services"><p class="rk-consent__services-title" id="{}-svc">{}</p>'
                         '<ul aria-labelledby="{}-svc">{}</ul></div>').format(
            ident, heading, ident,
            Markup("").join(_service_item(s, visitor, toggle=toggle, t=t, prefix=prefix) for s in services))
    return Markup(
        '<div class="rk-consent__category" data-rk-category-box="{cat}">'
        '<div class="rk-consent__toggle"><input type="checkbox" id="{ident}"{name}{flags} '
        'aria-describedby="{ident}-desc"><label for="{ident}">{label}</label>{note}</div>'
        '<p class="rk-consent__purpose" id="{ident}-desc">{purpose}</p>{services}{table}</div>'
    ).format(cat=category.value, ident=ident, name=name, flags=flags, label=t.gettext(_LABELS[category]), note=note,
             purpose=texts[category.value], services=listing,
             table=_cookie_table(service.statement.cookies_in(category), t))


class _Visitor:
    """The parts of the consent form that depend on the visitor: ticks, hidden fields, "what changed", consent id."""

    def __init__(self, state: ConsentState | None, *, next_url: str, hidden: Mapping[str, str] | None,
                 changed: str | None) -> None:
        self.state = state
        self.next_url = next_url
        self.hidden = hidden
        self._changed = changed

    def category_checked(self, category: CookieCategory) -> Markup:
        granted = self.state is not None and category in self.state.granted
        return Markup(" checked") if granted else Markup("")

    def service_checked(self, key: str) -> Markup:
        allowed = self.state is not None and self.state.allows_service(key)
        return Markup(" checked") if allowed else Markup("")

    def fields(self, variant: str) -> Markup:
        # Built from escaped values and constant markup (faster per request than Markup.format).
        fields = [_HIDDEN.format(escape(FIELD_NEXT), escape(self.next_url))]
        if variant == "page":
            fields.append(_HIDDEN.format(escape(FIELD_SOURCE), "settings"))
        fields.extend(_HIDDEN.format(escape(k), escape(v)) for k, v in (self.hidden or {}).items())
        return Markup("".join(fields))

    def changed(self) -> Markup:
        if not self._changed:
            return Markup("")
        return Markup('<p class="rk-consent__changed">{}</p>').format(self._changed)

    def info(self, t: Translator) -> Markup:
        return _consent_info(self.state, t)


#: A hidden field; both values are escaped before they are put in (``str.format`` does not escape).
_HIDDEN = '<input type="hidden" name="{}" value="{}">'


#: Marks a visitor-dependent slot in a cached form. Escaped text never holds a raw "<", and no tag of ours is
#: followed by NUL, so a marker cannot be confused with anything the form contains.
_SLOT = re.compile("<\0([^\0]+)\0>")


class _Slots(_Visitor):
    """Renders every visitor-dependent part as a marker, for a form template shared by all visitors."""

    def __init__(self) -> None:
        super().__init__(None, next_url="", hidden=None, changed=None)

    @staticmethod
    def _slot(name: str) -> Markup:
        return Markup(f"<\0{name}\0>")  # the name is a category value, a service key or a fixed word

    def category_checked(self, category: CookieCategory) -> Markup:
        return self._slot(f"category {category.value}")

    def service_checked(self, key: str) -> Markup:
        return self._slot(f"service {key}")

    def fields(self, variant: str) -> Markup:
        return self._slot(f"fields {variant}")

    def changed(self) -> Markup:
        return self._slot("changed")

    def info(self, t: Translator) -> Markup:
        return self._slot("info")


class _Template:
    """A form rendered once with slots, and filled for each visitor (the same bytes as rendering it anew).

    The ticks (which categories and services are checked) are filled once per distinct choice and kept: visitors
    share a handful of choices ("accept all", "reject all", a few custom ones), so a visitor's form is a few long
    strings joined around their hidden fields, consent id and "what changed" line, whatever the statement's size.
    """

    def __init__(self, form: Markup) -> None:
        parts = _SLOT.split(str(_without_bidi(form)))
        self.literals = parts[0::2]
        self.slots = [slot.partition(" ")[::2] for slot in parts[1::2]]
        self._ticked: dict[tuple[frozenset[CookieCategory], frozenset[str]] | None,
                           tuple[list[str], list[str]]] = {}

    def _ticks(self, state: ConsentState | None) -> tuple[list[str], list[str]]:
        """The literals with this choice's ticks filled in, and the slots still open between them."""
        key = None if state is None else (state.granted, state.services)
        found = self._ticked.get(key)
        if found is not None:
            return found
        literals, slots = [self.literals[0]], []
        for (kind, arg), literal in zip(self.slots, self.literals[1:], strict=True):
            if kind == "category":
                literals[-1] += " checked" if state is not None and CookieCategory(arg) in state.granted else ""
                literals[-1] += literal
            elif kind == "service":
                literals[-1] += " checked" if state is not None and state.allows_service(arg) else ""
                literals[-1] += literal
            else:
                slots.append(f"{kind} {arg}")
                literals.append(literal)
        if len(self._ticked) >= _MAX_CHOICES:
            self._ticked.clear()
        self._ticked[key] = (literals, slots)
        return literals, slots

    def fill(self, visitor: _Visitor, t: Translator) -> Markup:
        literals, slots = self._ticks(visitor.state)
        out = [literals[0]]
        for slot, literal in zip(slots, literals[1:], strict=True):
            kind, _, arg = slot.partition(" ")
            if kind == "fields":
                value = visitor.fields(arg)
            elif kind == "changed":
                value = visitor.changed()
            else:
                value = visitor.info(t)
            out.append(_without_bidi(value))
            out.append(literal)
        return Markup("".join(out))  # literals come from an escaped form, values are Markup built by format()


#: The most distinct choices whose ticked forms one template keeps.
_MAX_CHOICES = 256


class _ServiceCache:
    """What one consent service's banners share: form templates and the ``data-rk-*`` attribute values."""

    def __init__(self, service: ConsentService) -> None:
        #: (locale, variant, action, statement URL, GPC-refused categories) -> template.
        self.templates: dict[tuple[str, ...], _Template] = {}
        self.offered = service.offered
        self.keys = tuple(s.key for s in service.services)
        self.attrs: dict[tuple[frozenset[CookieCategory], frozenset[str]], tuple[str, str]] = {}
        #: (locale, layer URL, granted, services) -> the lazy settings layer's placeholder.
        self.placeholders: dict[tuple[str, str, frozenset[CookieCategory], frozenset[str]], Markup] = {}


_CACHES: weakref.WeakKeyDictionary[ConsentService, _ServiceCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def _cache(service: ConsentService) -> _ServiceCache:
    found = _CACHES.get(service)
    if found is None:
        with _CACHES_LOCK:
            found = _CACHES.setdefault(service, _ServiceCache(service))
    return found
#: The most templates kept per service (keys vary only by language, URL settings and the GPC state).
_MAX_TEMPLATES = 64


def _render_form(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                 statement_url: str, next_url: str, hidden: Mapping[str, str] | None, gpc: bool,
                 variant: Literal["banner", "page"], changed: str | None = None, cached: bool = True) -> Markup:
    """The consent form for one visitor: from the service's cached template, or (``cached=False``) rendered anew."""
    refused = _gpc_refused(service, state, gpc)
    visitor = _Visitor(state, next_url=next_url, hidden=hidden, changed=changed)
    if not cached:
        return _without_bidi(_form(service, visitor, locale=locale, action=action, statement_url=statement_url,
                                   refused=refused, variant=variant))
    key = (locale, variant, action, statement_url, " ".join(sorted(refused)))
    templates = _cache(service).templates
    template = templates.get(key)
    if template is None:
        template = _Template(_form(service, _Slots(), locale=locale, action=action, statement_url=statement_url,
                                   refused=refused, variant=variant))
        if len(templates) >= _MAX_TEMPLATES:
            templates.clear()
        templates[key] = template
    return template.fill(visitor, translator(locale))


def _gpc_refused(service: ConsentService, state: ConsentState | None, gpc: bool) -> frozenset[str]:
    """The optional categories the GPC signal refuses for this visitor (none after an explicit opt-in)."""
    if not gpc or (state is not None and state.gpc_optin):
        return frozenset()
    covered = set(service.config.gpc_covers)
    return frozenset(c.value for c in service.offered
                     if c.value in covered or any(s.key in covered for s in service.services_in(c)))


def _consent_info(state: ConsentState | None, t: Translator) -> Markup:
    if state is None:
        return Markup("")
    return Markup('<p class="rk-consent__id">{}</p>').format(
        t.gettext("Your consent id is {id}, given on {date}. Quote it if you ask us about your consent.").format(
            id=state.consent_id, date=_date_text(t.language.value, state.given_at.date())))


@lru_cache(maxsize=1024)
def _date_text(locale: str, date: dt.date) -> str:
    return format_date(date, locale=locale)


def _form(service: ConsentService, visitor: _Visitor, *, locale: str, action: str, statement_url: str,
          refused: frozenset[str], variant: Literal["banner", "page"]) -> Markup:
    t = translator(locale)
    texts = banner_texts(service.statement, locale=locale)
    prefix = "rk" if variant == "banner" else "rk-page"
    categories = (CookieCategory.NECESSARY, *service.offered)
    boxes = Markup("").join(_category(service, c, visitor, texts=texts, gpc_refused=refused, t=t, prefix=prefix)
                            for c in categories)
    gpc_note = Markup("")
    if refused:
        labels = t.format_list([t.gettext(_LABELS[CookieCategory(c)]).lower() for c in
                                (c.value for c in service.offered) if c in refused])
        gpc_note = Markup('<p class="rk-consent__gpc">{}</p>').format(t.gettext(
            "We treat your browser's privacy signal (Global Privacy Control) as a refusal of these cookies: "
            "{categories}. They stay off unless you switch them on yourself under “{customize}”.").format(
                categories=labels, customize=texts["customize"]))
    statement_link = Markup('<a href="{}">{}</a>').format(statement_url, t.gettext("Privacy notice"))
    overview, outside = _overview(service, texts, t) if variant == "banner" else (Markup(""), [])
    # Where data leaves the EU/EEA, said once for every category, at the end of the first paragraph (short on
    # a phone); the settings layer says it per service.
    transfers = Markup(" ") + _outside(outside, t) if outside else Markup("")
    return Markup(
        '<form class="rk-consent__form" method="post" action="{action}">{fields}'
        '<h2 class="rk-consent__title" id="{prefix}-title" tabindex="-1">{title}</h2>{changed}'
        '<p class="rk-consent__text">{intro}{transfers}{link_in_text}</p>{overview}{gpc_note}'
        '<div class="rk-consent__actions">'
        '<button type="submit" class="rk-button" name="{field}" value="accept_all">{accept}</button>'
        '<button type="submit" class="rk-button" name="{field}" value="reject_all">{reject}</button>'
        "</div>{link_after}"
        '<details class="rk-consent__settings"{open}><summary class="rk-consent__summary">{settings}</summary>'
        '<fieldset class="rk-consent__categories"><legend>{legend}</legend>{boxes}</fieldset>'
        '<div class="rk-consent__actions rk-consent__actions--save">'
        '<button type="submit" class="rk-button rk-button--secondary" name="{field}" value="custom">{save}</button>'
        "</div>{info}</details>"
        '<p class="rk-consent__status" role="status" aria-live="polite"></p>'
        "</form>"
    ).format(
        action=action, fields=visitor.fields(variant), prefix=prefix, title=texts["title"], changed=visitor.changed(),
        intro=texts["intro"], link_in_text=Markup("") if variant == "banner" else Markup(" ") + statement_link,
        link_after=Markup('<p class="rk-consent__more">{}</p>').format(statement_link) if variant == "banner"
        else Markup(""),
        overview=overview, transfers=transfers, gpc_note=gpc_note,
        field=FIELD_ACTION, accept=texts["accept_all"], reject=texts["reject_all"],
        open=Markup(" open") if variant == "page" else Markup(""), settings=texts["customize"],
        legend=t.gettext("Cookie categories"), boxes=boxes, save=texts["save"], info=visitor.info(t),
    )


def _gpc(service: ConsentService, state: ConsentState | None, headers: Mapping[str, str] | None,
         gpc: bool | None) -> bool:
    if gpc is not None:
        return gpc
    return (state is not None and state.gpc) or service.gpc(headers)


def _granted_attrs(service: ConsentService, state: ConsentState | None) -> tuple[str, str]:
    """The ``data-rk-granted`` and ``data-rk-services`` values: kept per distinct choice."""
    if state is None:
        return "", ""
    cache = _cache(service)
    key = (state.granted, state.services)
    found = cache.attrs.get(key)
    if found is None:
        found = (" ".join(c.value for c in cache.offered if c in state.granted),
                 " ".join(k for k in cache.keys if k in state.services))
        if len(cache.attrs) >= _MAX_CHOICES:
            cache.attrs.clear()
        cache.attrs[key] = found
    return found


def _without_bidi(form: Markup) -> Markup:
    """``form`` without bidirectional embedding, override and isolate controls (from shop texts: an unclosed one
    would reverse the rest of a line). Removing characters from escaped markup cannot create markup."""
    from rekisterikit.render.document.base import BIDI_CONTROLS

    return Markup(BIDI_CONTROLS.sub("", str(form)))  # already escaped: only characters are removed


#: The banner's outer markup; every value put in is escaped or markup of our own.
_BANNER = ('<div class="rk-consent" id="rk-consent" lang="{lang}" data-rk-consent data-rk-granted="{granted}" '
           'data-rk-services="{services}" data-rk-decided="{decided}"{hidden}>'
           '<section class="rk-consent__panel" aria-labelledby="rk-title">{form}</section></div>')


#: The lazy settings layer's stand-in for a decided visitor; every value put in is escaped.
_PLACEHOLDER = ('<div class="rk-consent" id="rk-consent" lang="{lang}" data-rk-consent data-rk-granted="{granted}" '
                'data-rk-services="{services}" data-rk-decided="true" data-rk-layer="{url}" hidden></div>')

#: The headers of a settings layer response (:func:`render_settings_layer`): it holds a CSRF token and the
#: visitor's choice, so no cache may keep it, and it is no page of its own for search engines.
SETTINGS_LAYER_HEADERS: Mapping[str, str] = {"Cache-Control": "no-store, private", "Vary": "Cookie",
                                             "X-Robots-Tag": "noindex"}


def render_banner_placeholder(service: ConsentService, state: ConsentState, *, locale: str,
                              layer_url: str) -> Markup:
    """The banner's stand-in for a visitor who has decided: a few hundred bytes instead of the hidden form.

    An empty, hidden ``<div id="rk-consent" data-rk-consent>`` with the visitor's granted categories and services
    (consent.js activates the allowed scripts from them, as with the full banner) and ``data-rk-layer``, the URL of
    the adapter's settings layer endpoint. When the visitor follows the reopen link (:func:`reopen_link`),
    consent.js fetches :func:`render_settings_layer` from that URL (a same-origin ``GET``, ``no-store``), puts it in
    place of this element and opens it; if the fetch fails it follows the link to the settings page, which is
    also where the link leads without JavaScript. Without optional cookies in the statement it renders nothing.

    Args:
        service: the consent service.
        state: the visitor's consent (the placeholder is for decided visitors only; undecided visitors get
            :func:`render_banner`, whose first layer must inform them before they choose).
        locale: the page's language.
        layer_url: the settings layer endpoint (same origin), e.g. ``"/privacy/consent/layer/"``.
    """
    if not service.banner_needed:
        return Markup("")
    cache = _cache(service)
    key = (locale, layer_url, state.granted, state.services)
    found = cache.placeholders.get(key)
    if found is None:
        granted, services = _granted_attrs(service, state)
        found = Markup(_PLACEHOLDER.format(lang=escape(language(locale).value), granted=escape(granted),
                                           services=escape(services), url=escape(layer_url)))
        if len(cache.placeholders) >= _MAX_CHOICES:
            cache.placeholders.clear()
        cache.placeholders[key] = found
    return found


def render_settings_layer(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                          statement_url: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                          headers: Mapping[str, str] | None = None, gpc: bool | None = None,
                          cached: bool = True) -> Markup:
    """The settings layer fragment a placeholder loads: the banner as :func:`render_banner` renders it inline.

    Serve it from the adapter's settings layer endpoint (``GET``, same origin) with the visitor's ticks (from
    their consent cookie), a fresh CSRF token in ``hidden`` and the headers in :data:`SETTINGS_LAYER_HEADERS`;
    ``next_url`` is the page the visitor is on (consent.js sends it as ``?next=``; check it with
    :func:`~rekisterikit.consent.safe_next`). For a decided visitor it is the hidden banner consent.js opens with
    the settings shown; for a visitor whose consent has gone (expired, a changed statement) it is the visible first
    layer. Arguments as for :func:`render_banner`; byte for byte what :func:`render_banner` gives.
    """
    return render_banner(service, state, locale=locale, action=action, statement_url=statement_url,
                         next_url=next_url, hidden=hidden, headers=headers, gpc=gpc, cached=cached)


def render_banner(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                  statement_url: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                  headers: Mapping[str, str] | None = None, gpc: bool | None = None,
                  changed: str | None = None, cached: bool = True, layer_url: str | None = None) -> Markup:
    """Render the consent banner for the end of ``<body>``.

    The banner is visible when ``state`` is ``None`` (the visitor must be asked) and rendered ``hidden`` otherwise,
    so the reopen link can show it again without a reload; with ``layer_url`` a decided visitor gets
    :func:`render_banner_placeholder` instead (the lazy settings layer). Without optional cookies in the statement
    it renders nothing.

    The first layer names, per optional category, its purpose, the companies that receive data and the countries
    outside the EU/EEA the data goes to, next to "accept all" and "reject all"; "choose cookies" opens one
    checkbox per category and, where a category has several services, one per service.

    Args:
        service: the consent service (its statement gives the categories, services and cookies).
        state: the visitor's consent from :meth:`ConsentService.read`, or ``None``.
        locale: the page's language (``"fi"``, ``"sv"``, ``"en"``).
        action: the URL of the consent endpoint the form posts to.
        statement_url: the URL of the full privacy statement.
        next_url: where the endpoint redirects after a plain form POST (the current page).
        hidden: further hidden fields, such as the framework's CSRF token (``{"csrfmiddlewaretoken": token}``).
        headers: the request headers; with them the banner says so when the browser sends Global Privacy Control
            (pass them: without a consent there is no other way to know).
        gpc: whether Global Privacy Control applies, overriding ``headers`` and ``state.gpc``.
        changed: the "what changed" line when the visitor is asked again
            (:meth:`ConsentService.what_changed`).
        cached: fill the service's cached form (rendered once per language, URLs and GPC state) with this
            visitor's ticks, hidden fields and texts; ``False`` renders it all anew (the same bytes).
        layer_url: the adapter's settings layer endpoint: a visitor who has decided then gets the placeholder,
            and consent.js loads the layer from there when they reopen it.
    """
    if not service.banner_needed:
        return Markup("")
    if layer_url is not None and state is not None:
        return render_banner_placeholder(service, state, locale=locale, layer_url=layer_url)
    gpc = _gpc(service, state, headers, gpc)
    granted, services = _granted_attrs(service, state)
    lang = language(locale).value
    form = _render_form(service, state, locale=locale, action=action, statement_url=statement_url,
                        next_url=next_url, hidden=hidden, gpc=gpc, variant="banner", changed=changed, cached=cached)
    return Markup(_BANNER.format(lang=escape(lang), granted=escape(granted), services=escape(services),
                                 decided="true" if state is not None else "false",
                                 hidden=" hidden" if state is not None else "", form=form))


def render_settings(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                    statement_url: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                    headers: Mapping[str, str] | None = None, gpc: bool | None = None,
                    saved: bool = False, back_url: str | None = None, cached: bool = True) -> Markup:
    """Render the cookie settings form for the shop's settings page (the reopen link's target without JavaScript).

    The same form as the banner with the settings open, shown in the page's flow; its decisions are recorded with
    the method ``settings``. It shows the visitor's consent id and date, so a request can quote them. Arguments as
    for :func:`render_banner`, and:

    Args:
        saved: the page is the answer to a saved choice (a form POST without JavaScript): it says so.
        back_url: a link back to the shop, shown with the "saved" message.
        cached: as for :func:`render_banner`.
    """
    gpc = _gpc(service, state, headers, gpc)
    t = translator(locale)
    form = _render_form(service, state, locale=locale, action=action, statement_url=statement_url,
                        next_url=next_url, hidden=hidden, gpc=gpc, variant="page", cached=cached)
    granted, services = _granted_attrs(service, state)
    saved_text = t.gettext("Your choices have been saved.")
    notice = Markup("")
    if saved:
        back = Markup("")
        if back_url is not None:
            back = Markup(' <a href="{}">{}</a>').format(back_url, t.gettext("Back to the shop"))
        notice = Markup('<p class="rk-consent__saved" role="status">{}{}</p>').format(saved_text, back)
    return Markup('<section class="rk-consent rk-consent--page" lang="{}" aria-labelledby="rk-page-title" '
                  'data-rk-consent-page data-rk-granted="{}" data-rk-services="{}" data-rk-saved="{}">{}{}</section>'
                  ).format(language(locale).value, granted, services, saved_text, notice, form)


def banner_context(service: ConsentService, state: ConsentState | None, *, locale: str, action: str,
                   statement_url: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                   headers: Mapping[str, str] | None = None, gpc: bool | None = None,
                   changed: str | None = None) -> dict[str, Any]:
    """Everything the banner shows, as plain data for a shop's own banner template (Django or Jinja).

    The adapters pass it to ``BANNER_TEMPLATE`` / ``REKISTERIKIT_BANNER_TEMPLATE``; the keys are documented in the
    consent guide ("Your own banner template"). Texts are plain strings: the template engine escapes them. Keep the
    hooks consent.js needs (``data-rk-consent`` on the root, one ``<form>``, ``.rk-consent__title``,
    ``.rk-consent__settings``, ``.rk-consent__status``, the field names in ``fields``), and both buttons.

    Arguments as for :func:`render_banner`.
    """
    t = translator(locale)
    texts = banner_texts(service.statement, locale=locale)
    refused = _gpc_refused(service, state, _gpc(service, state, headers, gpc))
    outside: set[Country] = set()
    categories = []
    for category in (CookieCategory.NECESSARY, *service.offered):
        services = service.services_in(category) if category.needs_consent else ()
        outside.update(c for s in services for c in s.outside_eea)
        categories.append({
            "key": category.value,
            "label": t.gettext(_LABELS[category]),
            "purpose": texts[category.value],
            "purpose_short": texts.get(f"{category.value}_short", texts[category.value]),
            "necessary": not category.needs_consent,
            "checked": not category.needs_consent or (state is not None and category in state.granted),
            "gpc_refused": category.value in refused,
            "recipients": list(dict.fromkeys(s.receiver for s in services)),
            "services": [{"key": s.key, "name": s.name, "provider": s.provider, "label": service_label(s),
                          "description": _text(s.description, t)[0] or None,
                          "checked": state is not None and state.allows_service(s.key),
                          "outside_eea": country_names(s.outside_eea, locale=t.language.value),
                          "privacy_url": s.privacy_url} for s in services],
            "cookies": [{"name": c.name, "provider": c.provider, "purpose": _text(c.purpose, t)[0] or None,
                         "duration": t.format_duration(c.duration) if c.duration is not None else None,
                         "third_party": c.party is Party.THIRD}
                        for c in service.statement.cookies_in(category)],
        })
    granted, services_granted = _granted_attrs(service, state)
    return {
        "lang": language(locale).value,
        "texts": texts,
        "action": action,
        "statement_url": statement_url,
        "next_url": next_url,
        "hidden": dict(hidden or {}),
        "fields": {"action": FIELD_ACTION, "category": FIELD_CATEGORY, "service": FIELD_SERVICE,
                   "next": FIELD_NEXT},
        "decided": state is not None,
        "granted": granted,
        "services_granted": services_granted,
        "categories": categories,
        "outside_eea": country_names(sorted(outside), locale=t.language.value),
        "gpc_refused": sorted(refused),
        "changed": changed,
        "consent_id": None if state is None else state.consent_id,
        "given_at": None if state is None else t.format_date(state.given_at.date()),
    }

"""Embeds behind consent: a click-to-load placeholder instead of a YouTube, Vimeo or Google Maps iframe.

An embedded player or map sends the visitor's data to its provider the moment the iframe loads, so without consent
:func:`render_embed` renders no iframe at all — only a placeholder that says who would receive the data (and
whether it leaves the EU/EEA) and offers two choices:

* **Load this once** (with JavaScript): consent.js puts the iframe in place of this one placeholder; nothing is
  stored, and the next page asks again;
* **Always allow <service>**: a small form that posts ``rk-action=allow`` and the service to the consent endpoint
  (works without JavaScript); the consent is recorded with the method ``embed``, and consent.js loads every
  placeholder of that service on the page.

With consent already given the iframe is rendered directly. The service is a key from the statement (a named
``[[consent.services]]`` entry such as ``youtube``, or a provider-derived key) or a whole category
(``"marketing"``). When the service lists ``hosts``, the iframe's address must be on one of them, so a
placeholder cannot quietly gate the wrong provider.

The iframe's ``src`` stays in a ``data-src`` attribute of the placeholder, which browsers do not load.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from markupsafe import Markup

from rekisterikit.consent.banner import country_names
from rekisterikit.consent.service import FIELD_ACTION, FIELD_CATEGORY, FIELD_NEXT, FIELD_SERVICE, ConsentService
from rekisterikit.consent.services import Service
from rekisterikit.consent.state import ConsentState
from rekisterikit.consent.texts import CATEGORY_LABELS
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory
from rekisterikit.render.i18n import translator

__all__ = ["check_embed_src", "render_embed"]

_ALLOW = frozenset("abcdefghijklmnopqrstuvwxyz-;=*' ().:/0123456789")


def check_embed_src(src: str, service: Service | None = None) -> str:
    """Return ``src`` when it is an absolute ``https``/``http`` address (on one of ``service.hosts``, if any).

    Raises:
        ValueError: another scheme (``javascript:``, ``data:``), no host, or a host the service does not list.
    """
    parts = urlsplit(src)
    if parts.scheme not in ("https", "http") or not parts.hostname or any(c.isspace() for c in src):
        raise ValueError(f"embed src must be an absolute https:// address, not {src!r}")
    if service is not None and service.hosts:
        host = parts.hostname.lower()
        if not any(host == h.lower() or host.endswith("." + h.lower()) for h in service.hosts):
            raise ValueError(f"embed src host {host!r} is not one of the service {service.key!r}'s hosts "
                             f"({', '.join(service.hosts)})")
    return src


def _dimension(value: int | str | None, name: str) -> str | None:
    if value is None:
        return None
    text = str(value)
    if not text.isdigit() or not 0 < int(text) <= 10000:
        raise ValueError(f"embed {name} must be a whole number of pixels, not {value!r}")
    return text


def render_embed(service: ConsentService, state: ConsentState | None, target: str, src: str, *, title: str,
                 locale: str, action: str, next_url: str = "/", hidden: Mapping[str, str] | None = None,
                 width: int | str | None = None, height: int | str | None = None, allow: str | None = None) -> Markup:
    """An iframe when ``state`` allows ``target``, otherwise a click-to-load placeholder that loads nothing.

    Args:
        service: the consent service.
        state: the visitor's consent (:meth:`ConsentService.read`), or ``None``.
        target: a service key (``"youtube"``) or an optional category (``"marketing"``).
        src: the iframe's address (``https://www.youtube-nocookie.com/embed/…``).
        title: the iframe's accessible title ("Video: how to fit a window film").
        locale: the page's language.
        action: the consent endpoint's URL (for "always allow").
        next_url: where the endpoint redirects after a plain form POST (the current page).
        hidden: further hidden fields for the form, such as the CSRF token.
        width: the iframe's width in pixels.
        height: the iframe's height in pixels.
        allow: the iframe's ``allow`` attribute (``"fullscreen; picture-in-picture"``).

    Raises:
        ValueError: ``target`` is neither an optional category nor a service of the statement, or ``src``,
            ``width``, ``height`` or ``allow`` is not valid.
    """
    t = translator(locale)
    services: tuple[Service, ...]
    if target in {c.value for c in CookieCategory}:
        category = CookieCategory(target)
        if not category.needs_consent:
            raise ValueError("necessary content needs no consent: embed it normally")
        services = service.services_in(category)
        one: Service | None = None
        name = t.gettext(CATEGORY_LABELS[category])
    else:
        try:
            one = service.service(target)
        except ConsentError as exc:  # the message lists the statement's services
            raise ValueError(str(exc)) from None
        services, name = (one,), one.name
    check_embed_src(src, one)
    w, h = _dimension(width, "width"), _dimension(height, "height")
    if allow is not None and not _ALLOW.issuperset(allow.lower()):
        raise ValueError(f"invalid iframe allow attribute {allow!r}")
    sizes = Markup("").join(Markup(' {}="{}"').format(k, v) for k, v in (("width", w), ("height", h)) if v)
    allow_attr = Markup(' allow="{}"').format(allow) if allow else Markup("")
    if service.allows(state, target):
        return Markup('<iframe class="rk-embed-frame" src="{}" title="{}"{}{} loading="lazy" '
                      'referrerpolicy="strict-origin-when-cross-origin"></iframe>').format(src, title, sizes,
                                                                                          allow_attr)
    receivers = t.format_list(list(dict.fromkeys(s.receiver for s in services)) or [name])
    countries = sorted({c for s in services for c in s.outside_eea})
    text = t.gettext("“{title}” is provided by {service}. Loading it sends data about your visit to {receivers}."
                     ).format(title=title, service=name, receivers=receivers)
    if countries:
        text += " " + t.gettext("Data is transferred outside the EU/EEA: {countries}.").format(
            countries=t.format_list(country_names(countries, locale=t.language.value)))
    field, value = (FIELD_SERVICE, one.key) if one is not None else (FIELD_CATEGORY, target)
    fields = [Markup('<input type="hidden" name="{}" value="allow">').format(FIELD_ACTION),
              Markup('<input type="hidden" name="{}" value="{}">').format(field, value),
              Markup('<input type="hidden" name="{}" value="{}">').format(FIELD_NEXT, next_url)]
    fields.extend(Markup('<input type="hidden" name="{}" value="{}">').format(k, v) for k, v in (hidden or {}).items())
    data = Markup(' data-rk-service="{}"').format(one.key) if one is not None else Markup(
        ' data-rk-category="{}"').format(target)
    frame = Markup(' data-src="{}" data-title="{}"').format(src, title)
    frame += Markup("").join(Markup(' data-{}="{}"').format(k, v) for k, v in (("width", w), ("height", h)) if v)
    if allow:
        frame += Markup(' data-allow="{}"').format(allow)
    return Markup(
        '<div class="rk-embed" data-rk-embed{data}{frame}>'
        '<p class="rk-embed__text">{text}</p>'
        '<div class="rk-embed__actions">'
        '<button type="button" class="rk-button" data-rk-load-once hidden>{once}</button>'
        '<form method="post" action="{action}">{fields}'
        '<button type="submit" class="rk-button rk-button--secondary">{always}</button></form>'
        "</div></div>"
    ).format(data=data, frame=frame, text=text, once=t.gettext("Load this once"), action=action,
             fields=Markup("").join(fields), always=t.gettext("Always allow {service}").format(service=name))

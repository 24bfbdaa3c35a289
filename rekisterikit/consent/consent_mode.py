"""Google Consent Mode v2: the consent state as ``gtag('consent', …)`` parameters and a ready script.

Mapping of the visitor's categories to Google's seven consent types:

* ``ad_storage``, ``ad_user_data``, ``ad_personalization``: granted when ``marketing`` is granted;
* ``analytics_storage``: when ``statistics`` is granted;
* ``functionality_storage``, ``personalization_storage``: when ``preferences`` is granted;
* ``security_storage``: always (strictly necessary).

Without a state (no valid consent yet) everything but ``security_storage`` is denied.

:func:`consent_mode_script` also writes Consent Mode's other settings (Google's "Set up consent mode on websites"
guide, developers.google.com/tag-platform/security/guides/consent): ``wait_for_update``, region-specific defaults
(``region: [...]``), ``ads_data_redaction`` and ``url_passthrough`` (``gtag('set', …)``).

Consent Mode's "advanced" implementation loads Google's tags before consent and lets them send cookieless pings.
Those pings still read from or send data about the visitor's device, so in Finland they need consent as well
(917/2014 205 §; EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) of the ePrivacy Directive): load Google's
tags only after consent (the "basic" implementation, which :func:`~rekisterikit.consent.deferred_script` and the
adapters' ``gated_script`` give you), and use this script for what the tags do once they run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Literal

from markupsafe import Markup

from rekisterikit.consent.state import ConsentState
from rekisterikit.model import CookieCategory

__all__ = ["CONSENT_TYPES", "consent_mode", "consent_mode_script"]

#: Google's consent types and the category each follows (``necessary``: always granted).
CONSENT_TYPES: dict[str, CookieCategory] = {
    "ad_storage": CookieCategory.MARKETING,
    "ad_user_data": CookieCategory.MARKETING,
    "ad_personalization": CookieCategory.MARKETING,
    "analytics_storage": CookieCategory.STATISTICS,
    "functionality_storage": CookieCategory.PREFERENCES,
    "personalization_storage": CookieCategory.PREFERENCES,
    "security_storage": CookieCategory.NECESSARY,
}

Status = Literal["granted", "denied"]


def consent_mode(state: ConsentState | None) -> dict[str, Status]:
    """The Consent Mode v2 parameters for ``state``; ``None`` (no consent) denies all but ``security_storage``."""
    return dict(_mode(None if state is None else state.granted))


@lru_cache(maxsize=64)
def _mode(granted: frozenset[CookieCategory] | None) -> tuple[tuple[str, Status], ...]:
    """The parameters per granted set (a handful of distinct sets: kept)."""
    result: list[tuple[str, Status]] = []
    for name, category in CONSENT_TYPES.items():
        allowed = category is CookieCategory.NECESSARY or (granted is not None and category in granted)
        result.append((name, "granted" if allowed else "denied"))
    return tuple(result)


_REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")


def _region(value: str) -> str:
    if not isinstance(value, str) or not _REGION.fullmatch(value):
        raise ValueError(f"invalid Consent Mode region {value!r} (e.g. 'FI', 'US-CA')")
    return value


def _js(value: object) -> str:
    text = json.dumps(value, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def consent_mode_script(state: ConsentState | None, *, command: Literal["default", "update"] = "default",
                        nonce: str | None = None, wait_for_update: int | None = 500,
                        regions: Sequence[str] | None = None, other_regions: Status = "denied",
                        ads_data_redaction: bool | None = True, url_passthrough: bool | None = None,
                        values: Mapping[str, str] | None = None) -> Markup:
    """Render a ``<script>`` that tells Google tags the visitor's consent.

    Place it in ``<head>`` before the Google tag. With ``command="default"`` (the usual first call) every type is
    first set to denied (``security_storage`` granted); when ``state`` holds a consent, an ``update`` call with the
    visitor's choices follows at once. ``command="update"`` emits only the update, for pages that already set the
    default.

    Args:
        state: the visitor's consent, or ``None`` when there is none.
        command: ``"default"`` or ``"update"``.
        nonce: the page's CSP nonce, added as the script's ``nonce`` attribute.
        wait_for_update: milliseconds Google tags wait for an update after the default (``None`` to leave out).
        regions: ISO 3166-1 alpha-2 codes (``"FI"``, ``"SE"``) or ISO 3166-2 subdivisions (``"US-CA"``): the
            denied default is given for these regions only (Consent Mode's ``region`` parameter), and
            ``other_regions`` applies elsewhere. ``None``: the denied default applies everywhere.
        other_regions: the default outside ``regions``: ``"denied"`` (the default) or ``"granted"``.
        ads_data_redaction: ``gtag('set', 'ads_data_redaction', …)``: redact ad click identifiers while
            ``ad_storage`` is denied (default ``True``; ``None`` leaves it out).
        url_passthrough: ``gtag('set', 'url_passthrough', …)``: pass ad click information in links while cookies are
            denied (``None``, the default, leaves it out; it is processing that may itself need consent).
        values: the update's parameters, e.g. :meth:`ConsentService.consent_mode
            <rekisterikit.consent.ConsentService.consent_mode>` (service-aware); by default :func:`consent_mode`.

    Returns:
        The script as safe markup.
    """
    if command not in ("default", "update"):
        raise ValueError(f"command must be 'default' or 'update', not {command!r}")
    if other_regions not in ("denied", "granted"):
        raise ValueError(f"other_regions must be 'denied' or 'granted', not {other_regions!r}")
    codes = None if regions is None else tuple(_region(r) for r in regions)
    wait = None if wait_for_update is None else int(wait_for_update)
    ads = None if ads_data_redaction is None else bool(ads_data_redaction)
    passthrough = None if url_passthrough is None else bool(url_passthrough)
    update: tuple[tuple[str, str], ...] | None = None
    if state is not None or command == "update":
        if values is None:
            update = _mode(None if state is None else state.granted)
        else:
            update = tuple(values.items())
            for name, value in update:
                if name not in CONSENT_TYPES or value not in ("granted", "denied"):
                    raise ValueError(f"invalid consent mode value {name!r}: {value!r}")
    body = _script((command, wait, codes, other_regions, ads, passthrough), update)
    if nonce is not None:
        return Markup('<script nonce="{}">\n{}\n</script>').format(nonce, body)
    return Markup(_SCRIPT.format(body))


#: The script without a nonce; the body is built only from fixed names and JSON of checked values.
_SCRIPT = "<script>\n{}\n</script>"


#: The settings of the default: command, wait_for_update, regions, other_regions, ads_data_redaction,
#: url_passthrough (checked and normalised).
_Options = tuple[str, int | None, tuple[str, ...] | None, str, bool | None, bool | None]


@lru_cache(maxsize=256)
def _script(options: _Options, update: tuple[tuple[str, str], ...] | None) -> Markup:
    """The script's body, kept per settings and update values (a handful of distinct choices per site)."""
    command, wait, codes, other_regions, ads, passthrough = options
    lines = ["window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"]
    if command == "default":
        denied: dict[str, object] = dict(_mode(None))
        if wait is not None:
            denied["wait_for_update"] = wait
        if codes is not None:
            elsewhere: dict[str, object] = {k: ("granted" if v == "granted" else other_regions)
                                            for k, v in _mode(None)}
            lines.append(f"gtag('consent','default',{_js(elsewhere)});")
            denied["region"] = list(codes)
        lines.append(f"gtag('consent','default',{_js(denied)});")
        if ads is not None:
            lines.append(f"gtag('set','ads_data_redaction',{_js(ads)});")
        if passthrough is not None:
            lines.append(f"gtag('set','url_passthrough',{_js(passthrough)});")
    if update is not None:
        lines.append(f"gtag('consent','update',{_js(dict(update))});")
    return Markup("\n".join(lines))  # built only from fixed names and json.dumps of checked values

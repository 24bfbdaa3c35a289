"""Google Consent Mode v2: the consent state as ``gtag('consent', …)`` parameters and a ready script.

Mapping of the visitor's categories to Google's seven consent types:

* ``ad_storage``, ``ad_user_data``, ``ad_personalization``: granted when ``marketing`` is granted;
* ``analytics_storage``: when ``statistics`` is granted;
* ``functionality_storage``, ``personalization_storage``: when ``preferences`` is granted;
* ``security_storage``: always (strictly necessary).

Without a state (no valid consent yet) everything but ``security_storage`` is denied.
"""

from __future__ import annotations

import json
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
    result: dict[str, Status] = {}
    for name, category in CONSENT_TYPES.items():
        allowed = category is CookieCategory.NECESSARY or (state is not None and state.allows(category))
        result[name] = "granted" if allowed else "denied"
    return result


def _js(value: object) -> str:
    text = json.dumps(value, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def consent_mode_script(state: ConsentState | None, *, command: Literal["default", "update"] = "default",
                        nonce: str | None = None, wait_for_update: int | None = 500) -> Markup:
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

    Returns:
        The script as safe markup.
    """
    if command not in ("default", "update"):
        raise ValueError(f"command must be 'default' or 'update', not {command!r}")
    lines = ["window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"]
    if command == "default":
        default: dict[str, object] = dict(consent_mode(None))
        if wait_for_update is not None:
            default["wait_for_update"] = int(wait_for_update)
        lines.append(f"gtag('consent','default',{_js(default)});")
    if state is not None or command == "update":
        lines.append(f"gtag('consent','update',{_js(consent_mode(state))});")
    body = Markup("\n".join(lines))  # built only from fixed names and json.dumps of fixed values
    if nonce is not None:
        return Markup('<script nonce="{}">\n{}\n</script>').format(nonce, body)
    return Markup("<script>\n{}\n</script>").format(body)

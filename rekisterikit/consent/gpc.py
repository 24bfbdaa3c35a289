"""Global Privacy Control: the browser's ``Sec-GPC: 1`` request header.

rekisterikit takes the signal as a **refusal of consent** to the categories and services it covers (marketing by
default, :attr:`ConsentConfig.gpc_covers <rekisterikit.consent.ConsentConfig.gpc_covers>`) — not as an objection
under GDPR 21(5), since nothing the banner asks about rests on legitimate interest. While a request carries it,
those categories are off whatever the stored consent says, the change is recorded with the method
:attr:`~rekisterikit.consent.ConsentMethod.GPC`, and the banner tells the visitor so. An explicit, site-specific
opt-in the visitor gives while sending the signal (ticking marketing themselves) is kept and recorded as such.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["GPC_HEADER", "gpc_signal", "header"]

GPC_HEADER = "Sec-GPC"

#: Header mappings whose own ``get`` already ignores case (Werkzeug's ``Headers``/``EnvironHeaders``, Django's
#: ``HttpHeaders``, Starlette's ``Headers``): one look-up answers, with no pass over every header.
_CASE_INSENSITIVE = frozenset({"Headers", "EnvironHeaders", "EnvironHeadersView", "HttpHeaders",
                               "CaseInsensitiveMapping", "MutableHeaders"})


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """Return a request header from ``headers``, or ``None``.

    ``headers`` may be any mapping of header names (matched without regard to case, as in Django's
    ``request.headers`` or Werkzeug's ``Headers``) or a WSGI environ (``HTTP_SEC_GPC``).
    """
    if not headers:
        return None
    value = headers.get(name)
    if value is None and type(headers).__name__ not in _CASE_INSENSITIVE:
        wsgi = "HTTP_" + name.upper().replace("-", "_")
        value = headers.get(wsgi)
        if value is None:
            lowered = name.lower()
            for key, candidate in headers.items():
                if isinstance(key, str) and key.lower() in (lowered, wsgi.lower()):
                    value = candidate
                    break
    return value if isinstance(value, str) else None


def gpc_signal(headers: Mapping[str, str] | None) -> bool:
    """Whether the request carries the Global Privacy Control signal (``Sec-GPC: 1``)."""
    value = header(headers, GPC_HEADER)
    return value is not None and value.strip() == "1"

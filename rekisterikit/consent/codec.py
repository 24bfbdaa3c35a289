"""The consent cookie's value: ``v1.<payload>.<signature>``, signed with HMAC-SHA256.

Format, version 1:

* ``payload`` is compact JSON in URL-safe base64 without padding::

      {"id": "<consent id>", "ver": "sha256:…", "fp": "sha256:…", "at": 1767225600,
       "ok": ["statistics"], "m": "custom", "l": "fi", "sv": ["google-analytics"], "g": 0}

  ``id`` the consent id, ``ver`` the statement version, ``fp`` the consent fingerprint, ``at`` the decision time
  in seconds since 1970 UTC, ``ok`` the granted optional categories (sorted), ``m`` the method, ``l`` the locale,
  ``sv`` the allowed services (sorted keys) of the categories allowed only in part (a wholly granted category
  implies all its services, which the reading codec adds back), ``g`` 1 when the visitor opted in despite Global
  Privacy Control.
  A payload without ``sv`` and ``g`` (written before services existed) is read as allowing no service.
  The payload is not secret: the page's JavaScript may read it. It is only protected against changes.
* ``signature`` is HMAC-SHA256 over the ASCII bytes ``v1.<payload>``, URL-safe base64 without padding. The key is
  derived for this purpose only from the application's secret: ``HMAC-SHA256(secret, "rekisterikit.consent.v1")``,
  so the secret itself never signs anything and a signature made for another purpose is never valid here.
* Every character is in ``[A-Za-z0-9._-]``, so the value needs no quoting in a ``Cookie`` header.

Decoding fails closed: a value that is too long, not ASCII, not in this shape, signed with an unknown key, or whose
payload is not exactly the documented JSON returns ``None`` ("no consent") and never raises.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rekisterikit.consent.state import (
    _HASH,
    _LOCALE,
    _SERVICE_KEY,
    _TOKEN,
    MAX_SERVICES,
    ConsentMethod,
    ConsentState,
    epoch_seconds,
    from_epoch_seconds,
)
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory

__all__ = ["FORMAT", "KEY_PURPOSE", "MAX_VALUE_LENGTH", "ConsentCodec", "derive_key"]

FORMAT = "v1"
#: The purpose string the signing key is derived with.
KEY_PURPOSE = b"rekisterikit.consent.v1"
#: The longest value :meth:`ConsentCodec.decode` looks at; longer values are rejected before any parsing. A real
#: value is about 330 characters, and at most about 2.7 kB with 24 allowed services.
MAX_VALUE_LENGTH = 3072
#: The shortest secret accepted, in bytes.
MIN_SECRET_LENGTH = 16

_OLD_PAYLOAD_KEYS = frozenset({"id", "ver", "fp", "at", "ok", "m", "l"})
_PAYLOAD_KEYS = _OLD_PAYLOAD_KEYS | {"sv", "g"}
#: The whole value's shape and alphabet in one expression: ``v1.<payload>.<signature>``, URL-safe base64 parts.
_VALUE = re.compile(r"v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)")
_MAX_TIME = 2**37  # seconds: year 6325; rejects absurd values before datetime arithmetic


def derive_key(secret: str | bytes) -> bytes:
    """Derive the cookie signing key from an application secret: ``HMAC-SHA256(secret, KEY_PURPOSE)``.

    Raises:
        ConsentError: the secret is empty or shorter than 16 bytes.
    """
    raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if len(raw) < MIN_SECRET_LENGTH:
        raise ConsentError(f"the consent secret must be at least {MIN_SECRET_LENGTH} bytes long")
    return hmac.new(raw, KEY_PURPOSE, hashlib.sha256).digest()


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class ConsentCodec:
    """Encodes consent states as signed cookie values and decodes them, failing closed.

    Args:
        secret: the application's secret (e.g. Django's ``SECRET_KEY``); new values are signed with it.
        old_secrets: earlier secrets whose values are still accepted, for key rotation. Keep an old secret for
            as long as cookies signed with it may live (the consent's maximum age), then drop it.
    """

    def __init__(self, secret: str | bytes, old_secrets: Iterable[str | bytes] = (),
                 implied: Mapping[CookieCategory, frozenset[str]] | None = None) -> None:
        self._keys = (derive_key(secret), *(derive_key(s) for s in old_secrets))
        self._implied = dict(implied or {})
        self._implied_cache: dict[frozenset[CookieCategory], frozenset[str]] = {}

    def _sign(self, message: bytes, key: bytes) -> str:
        return _b64encode(hmac.digest(key, message, "sha256"))

    def encode(self, state: ConsentState) -> str:
        """Return the signed cookie value for ``state`` (its ``gpc`` flag is not stored)."""
        payload = {  # keys in sorted order, as the format has always written them
            "at": epoch_seconds(state.given_at),
            "fp": state.fingerprint,
            "g": int(state.gpc_optin),
            "id": state.consent_id,
            "l": state.locale,
            "m": state.method.value,
            "ok": sorted(c.value for c in state.granted),
            "sv": sorted(state.services - self._implied_by(state.granted)),
            "ver": state.version,
        }
        body = _b64encode(json.dumps(payload, separators=(",", ":")).encode("ascii"))
        message = f"{FORMAT}.{body}"
        value = f"{message}.{self._sign(message.encode('ascii'), self._keys[0])}"
        if len(value) > MAX_VALUE_LENGTH:  # pragma: no cover - the state's validators bound every field
            raise ConsentError(f"consent cookie value too long ({len(value)} > {MAX_VALUE_LENGTH})")
        return value

    def verify(self, value: object) -> tuple[ConsentState, int] | None:
        """Decode ``value`` and also return the index of the key that signed it (0 = the current secret).

        Returns:
            The state and key index, or ``None`` when the value is not a valid consent cookie.
        """
        if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
            return None
        shape = _VALUE.fullmatch(value)
        if shape is None:
            return None
        message = value[:shape.end(1)].encode("ascii")
        expected_sig = shape.group(2).encode("ascii")
        matched = None
        for index, key in enumerate(self._keys):
            computed = base64.urlsafe_b64encode(hmac.digest(key, message, "sha256")).rstrip(b"=")
            if hmac.compare_digest(computed, expected_sig) and matched is None:
                matched = index
        if matched is None:
            return None
        state = _parse_payload(shape.group(1), self._implied_by if self._implied else None)
        return None if state is None else (state, matched)

    def _implied_by(self, granted: frozenset[CookieCategory]) -> frozenset[str]:
        """The services that wholly granted categories imply (left out of the cookie, added back on reading)."""
        found = self._implied_cache.get(granted)
        if found is None:
            found = frozenset().union(*(self._implied.get(c, frozenset()) for c in granted))
            self._implied_cache[granted] = found  # at most one entry per subset of the optional categories
        return found

    def decode(self, value: object) -> ConsentState | None:
        """Return the state stored in a cookie value, or ``None`` ("no consent") for any value that is not valid."""
        verified = self.verify(value)
        return None if verified is None else verified[0]


#: The optional categories by name: ``necessary`` is absent, so a payload granting it is refused.
_CATEGORIES = {c.value: c for c in CookieCategory if c.needs_consent}
_METHODS = {m.value: m for m in ConsentMethod}
#: ConsentState's own validators for the id, version, fingerprint and locale, joined into one expression over
#: ``id NUL ver NUL fp NUL l`` (none of their alphabets has NUL, so a NUL inside a value cannot shift them).
_FIELDS = re.compile("\0".join(f"(?:{p.pattern})" for p in (_TOKEN, _HASH, _HASH, _LOCALE)))


def _parse_payload(body: str, implied: Callable[[frozenset[CookieCategory]], frozenset[str]] | None = None,
                   ) -> ConsentState | None:
    """The state in a payload whose signature was verified, or ``None``.

    Every check ConsentState's converters and validators make is made here, more cheaply: the key set, the types,
    the categories and method by name, the time range, and the id, hashes, locale and service keys by the same
    expressions. The state is then built without running them again (``ConsentState._trusted``).
    """
    try:
        data: Any = json.loads(_b64decode(body).decode("ascii"))
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        return None
    if type(data) is not dict or (data.keys() != _PAYLOAD_KEYS and data.keys() != _OLD_PAYLOAD_KEYS):
        return None
    services, optin, at, ok = data.get("sv", []), data.get("g", 0), data["at"], data["ok"]
    if type(services) is not list or type(ok) is not list or type(optin) is not int or type(at) is not int:
        return None
    if optin not in (0, 1) or not 0 <= at < _MAX_TIME or len(services) > MAX_SERVICES:
        return None
    consent_id, version, fingerprint, method_name, locale = data["id"], data["ver"], data["fp"], data["m"], data["l"]
    if not (type(consent_id) is str and type(version) is str and type(fingerprint) is str and type(locale) is str
            and type(method_name) is str):
        return None
    method = _METHODS.get(method_name)
    if method is None or _FIELDS.fullmatch(f"{consent_id}\0{version}\0{fingerprint}\0{locale}") is None:
        return None
    granted = []
    for name in ok:
        category = _CATEGORIES.get(name) if type(name) is str else None
        if category is None:
            return None
        granted.append(category)
    for key in services:
        if type(key) is not str or _SERVICE_KEY.fullmatch(key) is None:
            return None
    granted_set, service_set = frozenset(granted), frozenset(services)
    if len(granted_set) != len(ok) or len(service_set) != len(services):
        return None
    if implied is not None and granted_set:
        service_set |= implied(granted_set)
    return ConsentState._trusted(consent_id=consent_id, version=version, fingerprint=fingerprint,
                                 given_at=from_epoch_seconds(at), granted=granted_set, method=method, locale=locale,
                                 services=service_set, gpc_optin=optin == 1)

"""The consent cookie's value: ``<format>.<payload>.<signature>``, signed with HMAC-SHA256.

Three formats are read; :class:`ConsentCodec` writes ``v3`` unless told to write ``v1`` or ``v2``
(``write_format``). Every value a codec of an earlier release wrote (``v1`` or ``v2``) still decodes.

Format ``v3`` (the default, about 205 characters) needs neither base64 nor JSON to be read:

* ``payload`` is nine fields separated by ``~``, each already in the cookie-safe alphabet::

      <consent id>~1767225600~<ver>~<fp>~2~custom~fi~google-analytics!youtube~0

  in this order: the consent id; the decision time in decimal seconds since 1970 UTC (no leading zeros); the
  statement version and the consent fingerprint, ``sha256:`` and 64 hex digits, as their 32 bytes in URL-safe
  base64 without padding (43 characters, the canonical encoding only); the granted categories as one digit, the
  sum of their bits (1 ``preferences``, 2 ``statistics``, 4 ``marketing``); the method; the locale; the allowed
  services (sorted keys, separated by ``!``; empty for none); the GPC opt-in, ``0`` or ``1``. Neither ``~`` nor
  ``!`` can occur in any field (a service key is ``[a-z0-9][a-z0-9_-]*``, a locale letters, digits, ``-`` and
  ``_``), and neither needs quoting in a cookie (RFC 6265 ``cookie-octet``; :mod:`http.cookies` and Werkzeug
  write them as they are). It is read with ``str.split``: the consent id and the time, which differ per visitor,
  are checked on every read; the other seven fields, the same for every visitor who made the same choice under the
  same statement, are checked once per distinct text and then found by one dictionary look-up.

Format ``v1``:

* ``payload`` is compact JSON in URL-safe base64 without padding::

      {"at": 1767225600, "fp": "sha256:…", "g": 0, "id": "<consent id>", "l": "fi", "m": "custom",
       "ok": ["statistics"], "sv": ["google-analytics"], "ver": "sha256:…"}

  ``id`` the consent id, ``ver`` the statement version, ``fp`` the consent fingerprint, ``at`` the decision time
  in seconds since 1970 UTC, ``ok`` the granted optional categories (sorted), ``m`` the method, ``l`` the locale,
  ``sv`` the allowed services (sorted keys) of the categories allowed only in part (a wholly granted category
  implies all its services, which the reading codec adds back), ``g`` 1 when the visitor opted in despite Global
  Privacy Control.
  A payload without ``sv`` and ``g`` (written before services existed) is read as allowing no service.

Format ``v2`` holds the same fields in about 60 % of the length (about 250 characters instead of 400):

* ``payload`` is a compact JSON *array* in URL-safe base64 without padding::

      ["<consent id>", 1767225600, "<ver>", "<fp>", 2, "custom", "fi", ["google-analytics"], 0]

  in the same order as ``v3``'s fields, the hashes and categories written as in ``v3``.

A state whose version or fingerprint is not a ``sha256:`` hash (never one this library computes) is written in
``v1``, whatever the codec writes otherwise.

In every format:

* The payload is not secret: the page's JavaScript may read it. It is only protected against changes.
* ``signature`` is HMAC-SHA256 over the ASCII bytes ``<format>.<payload>``: in lower-case hex in ``v3`` (one
  call, compared as sent), URL-safe base64 without padding in ``v1`` and ``v2``. The key is derived for this
  purpose only from the application's secret: ``HMAC-SHA256(secret, "rekisterikit.consent.v1")``, so the secret
  itself never signs anything and a signature made for another purpose is never valid here. The format marker is
  signed with the payload, so a payload is never read in a format it was not written in.
* Every character is in ``[A-Za-z0-9._~!-]`` (``v1`` and ``v2``: ``[A-Za-z0-9._-]``), so the value needs no
  quoting in a ``Cookie`` header.

Decoding fails closed: a value that is too long, not ASCII, not in this shape, signed with an unknown key, or whose
payload is not exactly the documented fields returns ``None`` ("no consent") and never raises. The signature is
checked first, on the value as sent; only a value this library signed is parsed, and every field is then checked
as :class:`~rekisterikit.consent.ConsentState`'s own validators would.
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
import hmac
import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeVar

from rekisterikit.consent.state import (
    _EPOCH,
    _HASH,
    _LOCALE,
    _SERVICE_KEY,
    _TOKEN,
    MAX_SERVICES,
    ConsentMethod,
    ConsentState,
    _trusted_state,
    epoch_seconds,
)
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory

__all__ = ["FORMAT", "FORMATS", "KEY_PURPOSE", "MAX_VALUE_LENGTH", "ConsentCodec", "derive_key"]

#: The format :class:`ConsentCodec` writes by default.
FORMAT = "v3"
#: The formats :class:`ConsentCodec` reads (and can write).
FORMATS = ("v1", "v2", "v3")
#: The purpose string the signing key is derived with (the same for every format).
KEY_PURPOSE = b"rekisterikit.consent.v1"
#: The longest value :meth:`ConsentCodec.decode` looks at; longer values are rejected before any parsing. A real
#: value is about 400 characters (``v1``), 250 (``v2``) or 205 (``v3``), and at most about 2.7 kB in ``v1`` with 24
#: allowed services.
MAX_VALUE_LENGTH = 3072
#: The shortest secret accepted, in bytes.
MIN_SECRET_LENGTH = 16

_OLD_PAYLOAD_KEYS = frozenset({"id", "ver", "fp", "at", "ok", "m", "l"})
_PAYLOAD_KEYS = _OLD_PAYLOAD_KEYS | {"sv", "g"}
_MAX_KNOWN = 256  # values a _Known keeps
_MAX_SHARED = 1024  # v3's shared fields a codec keeps: statement versions x choices x methods x locales in use
_MAX_TIME = 2**37  # seconds: year 6325; rejects absurd values before datetime arithmetic
#: ``v2``'s and ``v3``'s bit for each optional category (fixed by the format: a new category takes the next free bit).
CATEGORY_BITS: Mapping[CookieCategory, int] = {
    CookieCategory.PREFERENCES: 1, CookieCategory.STATISTICS: 2, CookieCategory.MARKETING: 4}
#: The granted set for each sum of bits, and the sum for each granted set.
_GRANTED_BY_BITS = tuple(frozenset(c for c, bit in CATEGORY_BITS.items() if n & bit)
                         for n in range(2 ** len(CATEGORY_BITS)))
_BITS_BY_GRANTED = {granted: n for n, granted in enumerate(_GRANTED_BY_BITS)}
#: ``v3``: the granted set for each digit, the opt-in for each flag.
_GRANTED_BY_DIGIT = {str(n): granted for n, granted in enumerate(_GRANTED_BY_BITS)}
_OPTIN = {"0": False, "1": True}
#: ``v3``'s message: the marker, the consent id (ConsentState's own expression), the time (decimal, no leading
#: zeros, at most 12 digits), and the rest of the fields (checked by ConsentCodec._check_v3_shared).
_V3_HEAD = re.compile(rf"v3\.({_TOKEN.pattern})~(0|[1-9][0-9]{{0,11}})~(.*)", re.DOTALL)
#: The optional categories by name: ``necessary`` is absent, so a payload granting it is refused.
_CATEGORIES = {c.value: c for c in CookieCategory if c.needs_consent}
_METHODS = {m.value: m for m in ConsentMethod}
_SHA256_HEX = re.compile(r"sha256:[0-9a-f]{64}")
_FROM_URLSAFE = bytes.maketrans(b"-_", b"+/")
_TO_URLSAFE = bytes.maketrans(b"+/", b"-_")
_PADDING = (b"", b"", b"==", b"=")  # by length % 4; a length of 1 mod 4 is no base64 (a2b_base64 raises)
_DECODER = json.JSONDecoder()
_EMPTY: frozenset[str] = frozenset()
_a2b = binascii.a2b_base64
_b2a = binascii.b2a_base64
_compare = hmac.compare_digest
_from_timestamp = dt.datetime.fromtimestamp
_UTC = dt.UTC


def derive_key(secret: str | bytes) -> bytes:
    """Derive the cookie signing key from an application secret: ``HMAC-SHA256(secret, KEY_PURPOSE)``.

    Raises:
        ConsentError: the secret is empty or shorter than 16 bytes.
    """
    raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if len(raw) < MIN_SECRET_LENGTH:
        raise ConsentError(f"the consent secret must be at least {MIN_SECRET_LENGTH} bytes long")
    return hmac.new(raw, KEY_PURPOSE, hashlib.sha256).digest()


def _b64encode(data: bytes) -> bytes:
    """URL-safe base64 without padding."""
    return _b2a(data, newline=False).translate(_TO_URLSAFE).rstrip(b"=")


_T = TypeVar("_T")
#: v3's checked fields after the consent id and the time: version, fingerprint, granted, method, locale, services
#: (implied ones added), GPC opt-in.
_Shared = tuple[str, str, frozenset[CookieCategory], ConsentMethod, str, frozenset[str], bool]


class _Known(dict[str, _T | None]):
    """Values already checked once, each kept as one shared object: a statement's version and fingerprint and a
    locale are the same in every visitor's cookie, and so is the list of allowed services of most visitors, so they
    are checked (or converted) once, not per request.

    ``known[value]`` is ``value`` checked (or converted), or ``None`` when it is not valid; a value seen before is
    one dictionary look-up. Only values from payloads whose signature was verified (or states being encoded) reach
    it; it is bounded all the same, and emptied when full. Callers check that the value is a ``str`` first.
    """

    __slots__ = ("_check", "_limit")

    def __init__(self, check: Callable[[str], _T | None], limit: int = _MAX_KNOWN) -> None:
        super().__init__()
        self._check = check
        self._limit = limit

    def __missing__(self, value: str) -> _T | None:
        found = self._check(value)
        if found is not None:
            if len(self) >= self._limit:
                self.clear()
            self[value] = found
        return found


def _matching(pattern: re.Pattern[str]) -> Callable[[str], str | None]:
    return lambda value: value if pattern.fullmatch(value) else None


def _expand_hash(compact: str) -> str | None:
    """``v2``'s 43-character hash back to ``sha256:<hex>``; only the canonical encoding of 32 bytes is accepted."""
    if len(compact) != 43 or not compact.isascii():
        return None
    try:
        raw = _a2b(compact.encode("ascii").translate(_FROM_URLSAFE) + b"=", strict_mode=True)
    except binascii.Error:
        return None
    return "sha256:" + raw.hex() if _b64encode(raw) == compact.encode("ascii") else None


def _compact_hash(value: str) -> str | None:
    """``sha256:<64 hex>`` as ``v2`` writes it, or ``None`` for any other hash."""
    return _b64encode(bytes.fromhex(value[7:])).decode("ascii") if _SHA256_HEX.fullmatch(value) else None


def _service_keys(text: str) -> frozenset[str] | None:
    """``v3``'s services field as a set: valid keys, sorted, none repeated (the empty field is no service)."""
    if not text:
        return _EMPTY
    keys = text.split("!")
    if len(keys) > MAX_SERVICES or any(_SERVICE_KEY.fullmatch(key) is None for key in keys):
        return None
    if any(a >= b for a, b in itertools.pairwise(keys)):
        return None
    return frozenset(keys)


_HASHES: _Known[str] = _Known(_matching(_HASH))
_LOCALES: _Known[str] = _Known(_matching(_LOCALE))
_EXPANDED: _Known[str] = _Known(_expand_hash)
_COMPACTED: _Known[str] = _Known(_compact_hash)


class ConsentCodec:
    """Encodes consent states as signed cookie values and decodes them, failing closed.

    Args:
        secret: the application's secret (e.g. Django's ``SECRET_KEY``); new values are signed with it.
        old_secrets: earlier secrets whose values are still accepted, for key rotation. Keep an old secret for
            as long as cookies signed with it may live (the consent's maximum age), then drop it.
        implied: the services each category implies when it is wholly granted (left out of the cookie).
        write_format: the format new values are written in: ``"v3"`` (the default; the shortest, and read without
            base64 or JSON), ``"v2"`` or ``"v1"``. Every format is always read, so a site can switch either way
            without asking visitors again.
    """

    def __init__(self, secret: str | bytes, old_secrets: Iterable[str | bytes] = (),
                 implied: Mapping[CookieCategory, frozenset[str]] | None = None, *,
                 write_format: Literal["v1", "v2", "v3"] = "v3") -> None:
        if write_format not in FORMATS:
            raise ConsentError(f"unknown consent cookie format {write_format!r} (one of {', '.join(FORMATS)})")
        self._keys = (derive_key(secret), *(derive_key(s) for s in old_secrets))
        # One keyed HMAC per key, copied per value: the key is not set up again on every call.
        self._macs = tuple(hmac.new(key, digestmod=hashlib.sha256) for key in self._keys)
        self._implied = dict(implied or {})
        self._implied_cache: dict[frozenset[CookieCategory], frozenset[str]] = {}
        # v3: the checked fields after the consent id and the time, per distinct text (implied services added).
        self._v3_shared: _Known[_Shared] = _Known(self._check_v3_shared, _MAX_SHARED)
        self._write_format = write_format

    def _signature(self, message: bytes, mac: hmac.HMAC | None = None) -> bytes:
        """The signature of ``message`` with ``mac`` (by default the current key's): hex for ``v3``, URL-safe base64
        for the others."""
        computed = (self._macs[0] if mac is None else mac).copy()
        computed.update(message)
        return computed.hexdigest().encode("ascii") if message.startswith(b"v3.") else _b64encode(computed.digest())

    def encode(self, state: ConsentState) -> str:
        """Return the signed cookie value for ``state`` (its ``gpc`` flag is not stored)."""
        # Every field is in an alphabet that needs no escaping and holds no separator (the state's validators
        # guarantee it); for v1, a test holds the hand-written JSON byte for byte to json.dumps.
        keys = sorted(state.services - self._implied_by(state.granted))
        version = fingerprint = None
        if self._write_format != "v1":
            version, fingerprint = _COMPACTED[state.version], _COMPACTED[state.fingerprint]
        if version is not None and fingerprint is not None and self._write_format == "v3":
            listed = "!".join(keys)
            payload = (f"{state.consent_id}~{epoch_seconds(state.given_at)}~{version}~{fingerprint}~"
                       f"{_BITS_BY_GRANTED[state.granted]}~{state.method.value}~{state.locale}~{listed}~"
                       f"{int(state.gpc_optin)}")
            message = b"v3." + payload.encode("ascii")
        elif version is not None and fingerprint is not None:
            services = ",".join(f'"{key}"' for key in keys)
            payload = (f'["{state.consent_id}",{epoch_seconds(state.given_at)},"{version}","{fingerprint}",'
                       f'{_BITS_BY_GRANTED[state.granted]},"{state.method.value}","{state.locale}",[{services}],'
                       f'{int(state.gpc_optin)}]')
            message = b"v2." + _b64encode(payload.encode("ascii"))
        else:
            services = ",".join(f'"{key}"' for key in keys)
            granted = ",".join(f'"{name}"' for name in sorted(c.value for c in state.granted))
            payload = (f'{{"at":{epoch_seconds(state.given_at)},"fp":"{state.fingerprint}",'
                       f'"g":{int(state.gpc_optin)},"id":"{state.consent_id}","l":"{state.locale}",'
                       f'"m":"{state.method.value}","ok":[{granted}],"sv":[{services}],"ver":"{state.version}"}}')
            message = b"v1." + _b64encode(payload.encode("ascii"))
        value = (message + b"." + self._signature(message)).decode("ascii")
        if len(value) > MAX_VALUE_LENGTH:  # pragma: no cover - the state's validators bound every field
            raise ConsentError(f"consent cookie value too long ({len(value)} > {MAX_VALUE_LENGTH})")
        return value

    def verify(self, value: object) -> tuple[ConsentState, int] | None:
        """Decode ``value`` and also return the index of the key that signed it (0 = the current secret).

        Returns:
            The state and key index, or ``None`` when the value is not a valid consent cookie.
        """
        state = self.decode(value)
        if state is None:
            return None
        message, _, signature = str(value).rpartition(".")
        expected = signature.encode("ascii")
        matched = [index for index, mac in enumerate(self._macs)
                   if _compare(self._signature(message.encode("ascii"), mac), expected)]
        return state, matched[0]

    def decode(self, value: object) -> ConsentState | None:
        """Return the state stored in a cookie value, or ``None`` ("no consent") for any value that is not valid."""
        if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH or not value.isascii():
            return None
        message, _, signature = value.rpartition(".")
        prefix = message[:3]
        signed = False
        if prefix == "v3.":
            message_bytes = message.encode("ascii")
            for mac in self._macs:  # every key is tried, whichever matches
                computed = mac.copy()
                computed.update(message_bytes)
                if _compare(computed.hexdigest(), signature):
                    signed = True
            if not signed:
                return None
            # Only a value signed here gets this far. What differs per visitor, the consent id and the time, is
            # checked on every call (one expression, with the marker and the separators); the rest is the same for
            # every visitor who made the same choice under the same statement, and is checked once per distinct
            # text (_v3_shared).
            head = _V3_HEAD.fullmatch(message)
            if head is None:
                return None
            consent_id, at, rest = head.groups()
            shared = self._v3_shared[rest]
            seconds = int(at)
            if shared is None or seconds >= _MAX_TIME:
                return None
            try:
                given_at = _from_timestamp(seconds, _UTC)
            except (OverflowError, OSError, ValueError):  # pragma: no cover - platforms whose gmtime stops early
                given_at = _EPOCH + dt.timedelta(seconds=seconds)
            version, fingerprint, granted, method, locale, services, gpc_optin = shared
            return _trusted_state(consent_id, version, fingerprint, given_at, granted, method, locale, services,
                                  gpc_optin)
        if prefix not in {"v1.", "v2."}:
            return None
        message_bytes, expected = message.encode("ascii"), signature.encode("ascii")
        for mac in self._macs:
            computed = mac.copy()
            computed.update(message_bytes)
            if _compare(_b64encode(computed.digest()), expected):
                signed = True
        if not signed:
            return None
        body = message_bytes[3:]
        try:
            text = _a2b(body.translate(_FROM_URLSAFE) + _PADDING[len(body) % 4]).decode("ascii")
            data, end = _DECODER.raw_decode(text)
        except (ValueError, binascii.Error, UnicodeError, RecursionError):
            return None
        if end != len(text):
            return None
        implied = self._implied_by if self._implied else None
        return _parse_v2(data, implied) if prefix == "v2." else _parse_v1(data, implied)

    def _check_v3_shared(self, rest: str) -> _Shared | None:
        """``v3``'s fields after the consent id and the time (version, fingerprint, bits, method, locale, services,
        GPC opt-in), each checked as ConsentState's converters and validators would, or ``None``.

        The digit, flag and method name by dictionary look-up; the version, fingerprint and locale by the module's
        memos; the services as valid keys, sorted and not repeated, with the services implied by wholly granted
        categories added.
        """
        fields = rest.split("~")
        if len(fields) != 7:
            return None
        version_field, fingerprint_field, digit, method_name, locale_field, services_field, optin = fields
        granted, method, gpc_optin = _GRANTED_BY_DIGIT.get(digit), _METHODS.get(method_name), _OPTIN.get(optin)
        version, fingerprint = _EXPANDED[version_field], _EXPANDED[fingerprint_field]
        locale, listed = _LOCALES[locale_field], _service_keys(services_field)
        if (granted is None or method is None or gpc_optin is None or version is None or fingerprint is None
                or locale is None or listed is None):
            return None
        services = listed | self._implied_by(granted) if self._implied and granted else listed
        return version, fingerprint, granted, method, locale, services, gpc_optin

    def _implied_by(self, granted: frozenset[CookieCategory]) -> frozenset[str]:
        """The services that wholly granted categories imply (left out of the cookie, added back on reading)."""
        found = self._implied_cache.get(granted)
        if found is None:
            found = frozenset().union(*(self._implied.get(c, frozenset()) for c in granted))
            self._implied_cache[granted] = found  # at most one entry per subset of the optional categories
        return found



def _parse_v1(data: Any, implied: Callable[[frozenset[CookieCategory]], frozenset[str]] | None,
              ) -> ConsentState | None:
    """The state in a ``v1`` payload (a JSON object) whose signature was verified, or ``None``."""
    if type(data) is not dict:
        return None
    keys = data.keys()
    if keys not in (_PAYLOAD_KEYS, _OLD_PAYLOAD_KEYS):
        return None
    ok = data["ok"]
    if type(ok) is not list:
        return None
    granted = []
    for name in ok:
        category = _CATEGORIES.get(name) if type(name) is str else None
        if category is None:
            return None
        granted.append(category)
    granted_set = frozenset(granted)
    if len(granted_set) != len(ok):
        return None
    version, fingerprint = data["ver"], data["fp"]
    if type(version) is not str or type(fingerprint) is not str:
        return None
    return _state(data["id"], data["at"], _HASHES[version], _HASHES[fingerprint], granted_set, data["m"],
                  data["l"], data.get("sv", []), data.get("g", 0), implied)


def _parse_v2(data: Any, implied: Callable[[frozenset[CookieCategory]], frozenset[str]] | None,
              ) -> ConsentState | None:
    """The state in a ``v2`` payload (a JSON array) whose signature was verified, or ``None``."""
    if type(data) is not list or len(data) != 9:
        return None
    consent_id, at, version, fingerprint, bits, method, locale, services, optin = data
    if type(bits) is not int or not 0 <= bits < len(_GRANTED_BY_BITS):
        return None
    if type(version) is not str or type(fingerprint) is not str:
        return None
    return _state(consent_id, at, _EXPANDED[version], _EXPANDED[fingerprint], _GRANTED_BY_BITS[bits], method,
                  locale, services, optin, implied)


def _state(consent_id: Any, at: Any, version: str | None, fingerprint: str | None,  # noqa: PLR0917
           granted: frozenset[CookieCategory], method_name: Any, locale: Any, services: Any, optin: Any,
           implied: Callable[[frozenset[CookieCategory]], frozenset[str]] | None) -> ConsentState | None:
    """The state from a payload's fields, each checked as ConsentState's converters and validators would.

    The key set (or length), types, categories and method by name, the time range, and the id, hashes, locale and
    service keys by the same expressions (a version, fingerprint or locale seen before is known to be valid); the
    state is then built without running them again (``_trusted_state``).
    """
    if version is None or fingerprint is None or type(at) is not int or not 0 <= at < _MAX_TIME:
        return None
    method = _METHODS.get(method_name) if type(method_name) is str else None
    if method is None or type(optin) is not int or optin not in (0, 1):
        return None
    if type(consent_id) is not str or _TOKEN.fullmatch(consent_id) is None:
        return None
    known_locale = _LOCALES[locale] if type(locale) is str else None
    if known_locale is None or type(services) is not list:
        return None
    service_set = _EMPTY
    if services:
        if len(services) > MAX_SERVICES:
            return None
        for key in services:
            if type(key) is not str or _SERVICE_KEY.fullmatch(key) is None:
                return None
        service_set = frozenset(services)
        if len(service_set) != len(services):
            return None
    if implied is not None and granted:
        service_set = service_set | implied(granted)
    try:
        given_at = _from_timestamp(at, _UTC)
    except (OverflowError, OSError, ValueError):  # pragma: no cover - platforms whose gmtime stops early
        given_at = _EPOCH + dt.timedelta(seconds=at)
    return _trusted_state(consent_id, version, fingerprint, given_at, granted, method, known_locale, service_set,
                          optin == 1)

"""A cookie to set or delete on a response, as a value adapters translate to their framework or send as a header.

Kept apart from :mod:`rekisterikit.consent.service` so that modules the service uses (the parent-domain
deletion in :mod:`rekisterikit.consent.domains`) can build cookies without importing the service.
"""

from __future__ import annotations

import http.cookies
import re
from typing import Any, Literal

from attrs import define, field

from rekisterikit.errors import ConsentError

__all__ = ["MAX_SET_COOKIE_LENGTH", "SameSite", "SetCookie"]

#: The longest ``Set-Cookie`` header value rekisterikit produces; browsers accept 4096 bytes per cookie.
MAX_SET_COOKIE_LENGTH = 4096

SameSite = Literal["Lax", "Strict", "None"]

_COOKIE_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")


def _cookie_name(instance: object, attribute: Any, value: str) -> None:
    if not _COOKIE_NAME.fullmatch(value):
        raise ConsentError(f"invalid cookie name {value!r}")


def _samesite(instance: object, attribute: Any, value: str) -> None:
    if value not in ("Lax", "Strict", "None"):
        raise ConsentError(f"samesite must be 'Lax', 'Strict' or 'None', not {value!r}")


@define(frozen=True, kw_only=True)
class SetCookie:
    """A cookie to set (or, with ``max_age=0``, to delete) on the response.

    Adapters translate it to their framework (``response.set_cookie(c.name, c.value, max_age=c.max_age, …)``) or
    send :meth:`header` as a ``Set-Cookie`` header. The consent cookie is not ``HttpOnly``: the page's
    JavaScript reads it, and it holds nothing secret.
    """

    name: str = field(validator=_cookie_name)
    value: str
    max_age: int
    path: str = "/"
    domain: str | None = None
    secure: bool = False
    samesite: SameSite = field(default="Lax", validator=_samesite)
    httponly: bool = False

    @classmethod
    def expire(cls, name: str, *, path: str = "/", domain: str | None = None, secure: bool = False,
               samesite: SameSite = "Lax") -> SetCookie:
        """A cookie that deletes the browser's cookie ``name`` (empty value, ``Max-Age=0``)."""
        return cls(name=name, value="", max_age=0, path=path, domain=domain, secure=secure, samesite=samesite)

    def header(self) -> str:
        """The ``Set-Cookie`` header value, made with :mod:`http.cookies`.

        Raises:
            ConsentError: the header would be longer than :data:`MAX_SET_COOKIE_LENGTH`, or ``SameSite=None``
                without ``Secure`` (browsers reject it).
        """
        if self.samesite == "None" and not self.secure:
            raise ConsentError("SameSite=None needs Secure")
        morsel: http.cookies.Morsel[str] = http.cookies.Morsel()
        morsel.set(self.name, self.value, self.value)
        morsel["path"] = self.path
        if self.domain:
            morsel["domain"] = self.domain
        morsel["max-age"] = str(self.max_age)
        morsel["expires"] = self.max_age if self.max_age > 0 else "Thu, 01 Jan 1970 00:00:00 GMT"
        morsel["samesite"] = self.samesite
        if self.secure:
            morsel["secure"] = True
        if self.httponly:
            morsel["httponly"] = True
        text = morsel.OutputString()
        if len(text) > MAX_SET_COOKIE_LENGTH:
            raise ConsentError(f"Set-Cookie header too long ({len(text)} > {MAX_SET_COOKIE_LENGTH} bytes)")
        return text

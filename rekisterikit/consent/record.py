"""The consent log: one append-only :class:`ConsentRecord` per decision, the proof GDPR 7(1) asks for.

A record holds what is needed to show which choice was made, when, how and on which statement version — and
nothing more: no IP address, no user agent. ``subject`` links a record to a logged-in customer only when the shop
passes a reference (an opaque customer id, not an e-mail address).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import define, field

from rekisterikit.consent.state import (
    OPTIONAL_CATEGORIES,
    ConsentMethod,
    ConsentState,
    _check_hash,
    _check_locale,
    _check_token,
    _to_categories,
)
from rekisterikit.model import CookieCategory

__all__ = ["ConsentRecord"]


def _aware_utc(value: dt.datetime) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValueError("at must be a timezone-aware datetime")
    return value.astimezone(dt.UTC)


def _keys(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _no_necessary(instance: object, attribute: Any, value: frozenset[CookieCategory]) -> None:
    if CookieCategory.NECESSARY in value:
        raise ValueError(f"{attribute.name}: 'necessary' is not a choice")


def _subject(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip() or len(value) > 200):
        raise ValueError("subject: a non-empty reference of at most 200 characters")


@define(frozen=True, kw_only=True)
class ConsentRecord:
    """One consent decision, as stored in the consent log.

    Attributes:
        receipt_id: a unique id of this record (UUID 4); the consent receipt's ``consentReceiptID``.
        consent_id: the consent this decision belongs to (the id in the visitor's cookie); a consent's history is
            all records with that id.
        at: when the decision was made (UTC).
        version: the statement version the visitor was shown.
        fingerprint: the consent fingerprint of that statement.
        offered: the optional categories the visitor was asked about.
        granted: the categories agreed to; the others in ``offered`` were declined.
        withdrawn: categories granted before this decision and declined by it (a withdrawal, GDPR 7(3)).
        method: how the decision was made.
        locale: the language the visitor was asked in.
        subject: a reference to a logged-in customer, when the shop gives one (used by ``for_subject`` and
            ``erase_subject``).
        gpc: the request carried the Global Privacy Control signal.
        offered_services: the services the visitor was asked about (keys).
        services: the services allowed.
        gpc_optin: the visitor allowed categories the Global Privacy Control signal covers while sending it.
        library_version: the rekisterikit version that showed the banner.
        texts_hash: :func:`~rekisterikit.consent.texts.texts_hash` of the banner texts shown, in ``locale``.
    """

    receipt_id: str = field(factory=lambda: str(uuid.uuid4()))
    consent_id: str = field(validator=_check_token)
    at: dt.datetime = field(converter=_aware_utc)
    version: str = field(validator=_check_hash)
    fingerprint: str = field(validator=_check_hash)
    offered: frozenset[CookieCategory] = field(converter=_to_categories, validator=_no_necessary)
    granted: frozenset[CookieCategory] = field(converter=_to_categories, validator=_no_necessary)
    withdrawn: frozenset[CookieCategory] = field(default=frozenset(), converter=_to_categories,
                                                 validator=_no_necessary)
    method: ConsentMethod = field(converter=ConsentMethod)
    locale: str = field(validator=_check_locale)
    subject: str | None = field(default=None, validator=_subject)
    gpc: bool = False
    offered_services: frozenset[str] = field(default=frozenset(), converter=_keys)
    services: frozenset[str] = field(default=frozenset(), converter=_keys)
    gpc_optin: bool = False
    library_version: str | None = None
    texts_hash: str | None = None

    @classmethod
    def of(cls, state: ConsentState, *, offered: Iterable[CookieCategory], at: dt.datetime | None = None,
           withdrawn: Iterable[CookieCategory] = (), subject: str | None = None,
           offered_services: Iterable[str] = (), texts_hash: str | None = None) -> ConsentRecord:
        """Make the record of the decision that produced ``state``."""
        from rekisterikit import __version__

        return cls(consent_id=state.consent_id, at=at or state.given_at, version=state.version,
                   fingerprint=state.fingerprint, offered=frozenset(offered), granted=state.granted,
                   withdrawn=frozenset(withdrawn), method=state.method, locale=state.locale, subject=subject,
                   gpc=state.gpc, offered_services=frozenset(offered_services), services=state.services,
                   gpc_optin=state.gpc_optin, library_version=__version__, texts_hash=texts_hash)

    @property
    def choices(self) -> dict[str, bool]:
        """The choice per offered category, e.g. ``{"statistics": True, "marketing": False}``."""
        return {c.value: c in self.granted for c in OPTIONAL_CATEGORIES if c in self.offered}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; :meth:`from_dict` turns it back into an equal record."""
        order = {c: i for i, c in enumerate(OPTIONAL_CATEGORIES)}

        def cats(value: frozenset[CookieCategory]) -> list[str]:
            return [c.value for c in sorted(value, key=order.__getitem__)]

        return {
            "receipt_id": self.receipt_id,
            "consent_id": self.consent_id,
            "at": self.at.isoformat(),
            "version": self.version,
            "fingerprint": self.fingerprint,
            "offered": cats(self.offered),
            "granted": cats(self.granted),
            "withdrawn": cats(self.withdrawn),
            "method": self.method.value,
            "locale": self.locale,
            "subject": self.subject,
            "gpc": self.gpc,
            **self.details(),
        }

    def details(self) -> dict[str, Any]:
        """The fields added with services (stores keep them together, e.g. in one JSON column)."""
        return {
            "offered_services": sorted(self.offered_services),
            "services": sorted(self.services),
            "gpc_optin": self.gpc_optin,
            "library_version": self.library_version,
            "texts_hash": self.texts_hash,
        }

    @staticmethod
    def details_from(data: Mapping[str, Any] | None) -> dict[str, Any]:
        """Keyword arguments for the constructor from :meth:`details` data (missing fields take their defaults)."""
        data = data or {}
        return {"offered_services": tuple(data.get("offered_services") or ()),
                "services": tuple(data.get("services") or ()), "gpc_optin": bool(data.get("gpc_optin", False)),
                "library_version": data.get("library_version"), "texts_hash": data.get("texts_hash")}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConsentRecord:
        """Rebuild a record from :meth:`to_dict` data.

        Raises:
            ValueError: the data is not a valid record.
        """
        try:
            return cls(receipt_id=str(data["receipt_id"]), consent_id=data["consent_id"],
                       at=dt.datetime.fromisoformat(data["at"]), version=data["version"],
                       fingerprint=data["fingerprint"], offered=data["offered"], granted=data["granted"],
                       withdrawn=data.get("withdrawn", ()), method=data["method"], locale=data["locale"],
                       subject=data.get("subject"), gpc=bool(data.get("gpc", False)), **cls.details_from(data))
        except KeyError as exc:
            raise ValueError(f"consent record: missing field {exc.args[0]!r}") from None

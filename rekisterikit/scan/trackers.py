"""The tracker data set: known services, their cookie names and host names, with a source per row.

The table ships as package data (``rekisterikit/scan/data/trackers.toml``). No maintained tracker list installable
from a package registry fits an open-source library: the popular ones are under non-commercial licences (the
Disconnect list, DuckDuckGo's Tracker Radar: CC BY-NC-SA) or copyleft filter-list formats without cookie names
or lifetimes. The table is therefore compact and our own, and a shop adds its own services in a file of the same
format (:func:`load_trackers`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import define

from rekisterikit.errors import RekisterikitError
from rekisterikit.model import CookieCategory, Duration, StorageKind

__all__ = ["KnownCookie", "Service", "TrackerData", "TrackerDataError", "default_trackers", "load_trackers"]


class TrackerDataError(RekisterikitError, ValueError):
    """A tracker data file is unreadable or malformed; the message names the file and the JSON path."""


@define(frozen=True, kw_only=True)
class KnownCookie:
    """A cookie (or storage key) a service sets.

    Attributes:
        name: the name, or a pattern with ``*``.
        lifetime: the documented default lifetime.
        storage: cookie, local storage or session storage.
        source: where the facts come from.
    """

    name: str
    lifetime: Duration | None
    storage: StorageKind = StorageKind.COOKIE
    source: str

    def matches(self, name: str) -> bool:
        """Whether ``name`` is this cookie (``*`` matches any characters)."""
        return fnmatchcase(name, self.name) if "*" in self.name else name == self.name


@define(frozen=True, kw_only=True)
class Service:
    """A third-party service a shop embeds (an analytics tag, an advertising pixel).

    Attributes:
        id: a stable key.
        name: the service's name.
        provider: the provider's legal name (the EU contracting entity).
        match: lower-case fragments identifying the provider in a statement.
        category: the cookie category its cookies and requests belong to.
        countries: third countries the data goes to, by the provider's documentation.
        hosts: host names it uses (each matches itself and its subdomains).
        cookies: the cookies and storage keys it sets.
        source: where the facts come from.
    """

    id: str
    name: str
    provider: str
    match: tuple[str, ...]
    category: CookieCategory
    countries: tuple[str, ...]
    hosts: tuple[str, ...]
    cookies: tuple[KnownCookie, ...]
    source: str

    def owns_host(self, host: str) -> bool:
        """Whether ``host`` is one of the service's host names or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def named_in(self, text: str) -> bool:
        """Whether ``text`` (a provider or recipient name) names this service's provider."""
        lowered = text.lower()
        return any(fragment in lowered for fragment in self.match)


@define(frozen=True, kw_only=True)
class TrackerData:
    """The services known to the scanner; later sources take precedence over earlier ones."""

    services: tuple[Service, ...]
    sources: tuple[str, ...] = ()

    def cookie(self, name: str, storage: StorageKind = StorageKind.COOKIE) -> tuple[Service, KnownCookie] | None:
        """The service and entry of a cookie or storage key called ``name``, exact names before patterns."""
        best: tuple[Service, KnownCookie] | None = None
        for service in reversed(self.services):
            for known in service.cookies:
                if known.storage is storage and known.matches(name):
                    if "*" not in known.name:
                        return service, known
                    best = best or (service, known)
        return best

    def host(self, host: str) -> Service | None:
        """The service that owns ``host``: the longest matching host name; a later service wins a tie."""
        host = host.lower().rstrip(".")
        best: tuple[int, Service] | None = None
        for service in self.services:
            for name in service.hosts:
                if (host == name or host.endswith("." + name)) and (best is None or len(name) >= best[0]):
                    best = (len(name), service)
        return best[1] if best else None

    def extended(self, other: TrackerData) -> TrackerData:
        """This data with ``other``'s services added (an extension file's services win on the same id)."""
        ids = {s.id for s in other.services}
        return TrackerData(services=tuple(s for s in self.services if s.id not in ids) + other.services,
                           sources=self.sources + other.sources)


def _str(value: Any, path: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TrackerDataError(f"{where}: expected a non-empty string @ {path}")
    return value


def _strs(value: Any, path: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TrackerDataError(f"{where}: expected a list of strings @ {path}")
    return tuple(_str(v, f"{path}[{i}]", where).lower() for i, v in enumerate(value))


def _enum(kind: type[CookieCategory] | type[StorageKind], value: Any, path: str, where: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        raise TrackerDataError(f"{where}: {value!r} is not one of {choices} @ {path}") from None


def _parse(data: Mapping[str, Any], where: str) -> TrackerData:
    services = data.get("services", [])
    if not isinstance(services, list):
        raise TrackerDataError(f"{where}: expected an array of tables @ $.services")
    parsed = []
    for i, raw in enumerate(services):
        path = f"$.services[{i}]"
        if not isinstance(raw, dict):
            raise TrackerDataError(f"{where}: expected a table @ {path}")
        unknown = set(raw) - {"id", "name", "provider", "match", "category", "countries", "hosts", "cookies",
                              "source"}
        if unknown:
            raise TrackerDataError(f"{where}: unknown field {sorted(unknown)[0]!r} @ {path}")
        source = _str(raw.get("source"), f"{path}.source", where)
        cookies = []
        for j, c in enumerate(raw.get("cookies", [])):
            cpath = f"{path}.cookies[{j}]"
            if not isinstance(c, dict):
                raise TrackerDataError(f"{where}: expected a table @ {cpath}")
            lifetime = c.get("lifetime")
            try:
                duration = Duration.parse(lifetime) if lifetime is not None else None
            except (ValueError, TypeError) as exc:
                raise TrackerDataError(f"{where}: {exc} @ {cpath}.lifetime") from None
            cookies.append(KnownCookie(
                name=_str(c.get("name"), f"{cpath}.name", where), lifetime=duration,
                storage=_enum(StorageKind, c.get("storage", "cookie"), f"{cpath}.storage", where),
                source=str(c.get("source") or source)))
        countries = tuple(c.upper() for c in _strs(raw.get("countries", []), f"{path}.countries", where))
        parsed.append(Service(
            id=_str(raw.get("id"), f"{path}.id", where), name=_str(raw.get("name"), f"{path}.name", where),
            provider=_str(raw.get("provider"), f"{path}.provider", where),
            match=_strs(raw.get("match", []), f"{path}.match", where),
            category=_enum(CookieCategory, raw.get("category"), f"{path}.category", where),
            countries=countries, hosts=_strs(raw.get("hosts", []), f"{path}.hosts", where),
            cookies=tuple(cookies), source=source))
    return TrackerData(services=tuple(parsed), sources=(where,))


@cache
def default_trackers() -> TrackerData:
    """The data set shipped with rekisterikit."""
    text = resources.files("rekisterikit.scan").joinpath("data/trackers.toml").read_text("utf-8")
    return _parse(tomllib.loads(text), "rekisterikit/scan/data/trackers.toml")


def load_trackers(files: Iterable[str | Path] = (), *, base: TrackerData | None = None) -> TrackerData:
    """The shipped data set extended with the services in ``files`` (TOML, the shipped table's format).

    Raises:
        TrackerDataError: a file cannot be read or is malformed (the message names the file and the path).
    """
    data = default_trackers() if base is None else base
    for file in files:
        try:
            raw = tomllib.loads(Path(file).read_text(encoding="utf-8"))
        except OSError as exc:
            raise TrackerDataError(f"{file}: cannot read: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise TrackerDataError(f"{file}: not valid TOML: {exc}") from None
        data = data.extended(_parse(raw, str(file)))
    return data

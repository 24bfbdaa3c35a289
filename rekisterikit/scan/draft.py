"""``--write-draft``: the statement's ``[[cookies]]`` completed with every undeclared cookie the scan saw.

The draft is the statement file as it was, with new ``[[cookies]]`` tables appended, each marked ``# TODO check``:
name (or the data set's pattern), provider, party, category and duration from the tracker data and the observed
expiry. What the scan cannot know (the purpose in plain words, the country, the legal basis of an unknown
cookie) is left for the shop to write, so ``check`` points at exactly those gaps.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from rekisterikit.model import Statement, StorageKind
from rekisterikit.scan.observe import ObservedCookie, ScanResult, StorageKey
from rekisterikit.scan.trackers import TrackerData

__all__ = ["draft_entries", "write_draft"]

_EMPTY_COOKIES = re.compile(r"^cookies\s*=\s*\[\s*\]\s*(#.*)?$\n?", re.MULTILINE)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _duration(days: float | None) -> str:
    if days is None:
        return "session"
    whole = max(1, math.ceil(days - 0.01))
    return f"P{whole}D"


def _declared(statement: Statement | None, name: str, storage: StorageKind) -> bool:
    return statement is not None and any(c.storage is storage and c.matches(name) for c in statement.cookies)


def draft_entries(result: ScanResult, statement: Statement | None, trackers: TrackerData, *,
                  site_host: str = "") -> list[str]:
    """The TOML ``[[cookies]]`` tables for everything seen and not declared, each marked ``# TODO check``."""
    entries: list[str] = []
    done: set[tuple[StorageKind, str]] = set()
    seen: list[ObservedCookie | StorageKey] = []
    for p in result.passes:
        seen.extend(p.cookies)
        seen.extend(p.storage)
    for item in seen:
        if isinstance(item, ObservedCookie):
            name, storage, days = item.name, StorageKind.COOKIE, item.lifetime_days
            domain = item.domain.lstrip(".")
        else:
            name, storage, days = item.key, StorageKind(item.kind), None
            domain = site_host
        known = trackers.cookie(name, storage)
        declared_name = known[1].name if known else name
        if (storage, declared_name) in done or _declared(statement, name, storage):
            continue
        done.add((storage, declared_name))
        lines = ["", "# TODO check: seen by rekisterikit scan; write the purpose, country and legal basis.",
                 "[[cookies]]", f"name = {_quote(declared_name)}"]
        if known is not None:
            service, entry = known
            lines.append(f"provider = {_quote(service.provider)}")
            lines.append(f"category = {_quote(service.category.value)}")
            if service.category.needs_consent:
                lines.append('legal_basis = "consent"')
            documented = entry.lifetime
            longer = days is not None and (documented is None or documented.session
                                           or days > documented.approximate_days + 1)
            duration = _duration(days) if longer or documented is None else str(documented)
            lines.append(f"duration = {_quote(duration)}")
            lines.append(" ".join(f"# {service.name}; source: {entry.source}".split()))  # one comment line
        elif storage is StorageKind.COOKIE:
            lines.append(f"duration = {_quote(_duration(days))}")
        party = "first" if not site_host or site_host == domain or site_host.endswith("." + domain) else "third"
        lines.append(f"party = {_quote(party)}")
        if party == "third":
            lines.append(f"domain = {_quote('.' + domain)}")
        if storage is not StorageKind.COOKIE:
            lines.append(f"storage = {_quote(storage.value)}")
        entries.append("\n".join(lines) + "\n")
    return entries


def write_draft(path: str | Path, result: ScanResult, statement_file: str | Path | None, statement: Statement | None,
                trackers: TrackerData, *, site_host: str = "") -> int:
    """Write the statement file with the undeclared cookies appended to ``path``; return how many were added.

    Without a statement file only the ``[[cookies]]`` tables are written.
    """
    original = Path(statement_file).read_text(encoding="utf-8") if statement_file is not None else ""
    # An empty inline ``cookies = []`` would clash with the appended ``[[cookies]]`` tables.
    original = _EMPTY_COOKIES.sub("", original)
    entries = draft_entries(result, statement, trackers, site_host=site_host)
    text = original.rstrip("\n") + "\n" if original else ""
    text += "".join(entries)
    Path(path).write_text(text, encoding="utf-8")
    return len(entries)

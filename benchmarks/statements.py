"""Deterministic large statements for the benchmarks: the corrected Kalvokeskus example, multiplied.

At ``factor=1`` a statement has 20 purposes, 50 recipients and 150 cookies (the "large statement" of the issue);
``factor=10`` and ``factor=100`` multiply every one of them. The copies are real content: every purpose keeps its
legal basis, data categories and provision, every recipient names purposes that exist, transfers name recipients
that exist, retention covers every purpose, and the cookies are spread over the four categories with first- and
third-party cookies, exact names and ``*`` patterns. Shop-written text is in fi, sv and en.
"""

from __future__ import annotations

import copy
import functools
import tomllib
from pathlib import Path
from typing import Any

from rekisterikit import Statement, load_dict

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "examples" / "statements" / "kalvokeskus-corrected.toml"

PURPOSES, RECIPIENTS, COOKIES = 20, 50, 150

_CATEGORIES = ("necessary", "preferences", "statistics", "marketing")
_PURPOSE_TEXT = {
    "necessary": ("Välttämätön toiminto {i}: pitää verkkokaupan osan {i} toiminnassa.",
                  "Nödvändig funktion {i}: håller del {i} av webbutiken i gång.",
                  "Necessary function {i}: keeps part {i} of the shop working."),
    "preferences": ("Muistaa valintasi {i} (kieli, valuutta tai näkymä) seuraavalla käynnillä.",
                    "Kommer ihåg ditt val {i} (språk, valuta eller vy) till nästa besök.",
                    "Remembers your choice {i} (language, currency or view) for your next visit."),
    "statistics": ("Kävijätilasto {i}: laskee käynnit ja sivujen katselut sivuston parantamiseksi.",
                   "Besöksstatistik {i}: räknar besök och sidvisningar för att förbättra webbplatsen.",
                   "Visitor statistics {i}: counts visits and page views to improve the site."),
    "marketing": ("Mainonta {i}: kohdentaa ja mittaa mainontaa kumppanin palveluissa.",
                  "Reklam {i}: riktar och mäter reklam i partnerns tjänster.",
                  "Advertising {i}: targets and measures advertising on the partner's services."),
}
_DURATIONS = ("session", "P1D", "P30D", "P3M", "P6M", "P1Y", "P2Y")


@functools.cache
def base_document() -> dict[str, Any]:
    """The corrected Kalvokeskus statement as a TOML document (a dict)."""
    with BASE.open("rb") as f:
        return tomllib.load(f)


def _suffix(text: Any, i: int) -> Any:
    """Shop text with a copy number, so that copies are distinct content (as in a real larger shop)."""
    if isinstance(text, dict):
        return {lang: f"{value} ({i})" for lang, value in text.items()}
    if isinstance(text, str):
        return f"{text} ({i})"
    return text


def _cookie(i: int) -> dict[str, Any]:
    category = _CATEGORIES[i % len(_CATEGORIES)]
    first = i % 3 != 0
    name = f"shop_{category[:4]}_{i}" if first else f"_partner{i}_id"
    if i % 10 == 7:
        name += "_*"
    fi, sv, en = (t.format(i=i) for t in _PURPOSE_TEXT[category])
    cookie: dict[str, Any] = {
        "name": name,
        "provider": "Kalvokeskus.fi" if first else f"Partner {i} Oy",
        "party": "first" if first else "third",
        "category": category,
        "duration": _DURATIONS[i % len(_DURATIONS)],
        "country": "FI" if first else "IE",
        "legal_basis": "legitimate_interests" if category == "necessary" else "consent",
        "purpose": {"fi": fi, "sv": sv, "en": en},
    }
    if not first:
        cookie["domain"] = f"partner{i}.example"
    return cookie


def statement_document(factor: int = 1) -> dict[str, Any]:
    """The large statement at ``factor`` times the base size, as a TOML-shaped dict."""
    doc = copy.deepcopy(base_document())
    register = doc["registers"][0]
    base_purposes = register["purposes"]
    base_recipients = register["recipients"]
    base_transfers = register.get("transfers", [])
    base_retention = register.get("retention", [])
    purpose_copies = -(-PURPOSES * factor // len(base_purposes))

    purposes: list[dict[str, Any]] = []
    retention: list[dict[str, Any]] = []
    for c in range(purpose_copies):
        for p in base_purposes:
            q = copy.deepcopy(p)
            q["key"] = f"{p['key']}-{c}"
            q["description"] = _suffix(p["description"], c)
            purposes.append(q)
        for r in base_retention:
            s = copy.deepcopy(r)
            s["purposes"] = [f"{k}-{c}" for k in r["purposes"]]
            retention.append(s)
    purposes = purposes[:PURPOSES * factor]
    kept = {p["key"] for p in purposes}
    retention = [r for r in retention if all(k in kept for k in r["purposes"])]

    recipients: list[dict[str, Any]] = []
    transfers: list[dict[str, Any]] = []
    n_recipients = RECIPIENTS * factor
    for j in range(-(-n_recipients // len(base_recipients))):
        c = j % purpose_copies
        names: dict[str, str] = {}
        for r in base_recipients:
            if len(recipients) == n_recipients:
                break
            s = copy.deepcopy(r)
            if "name" in s:
                names[r["name"]] = s["name"] = f"{r['name']} #{j}"
            s["purposes"] = [f"{k}-{c}" for k in r.get("purposes", ()) if f"{k}-{c}" in kept]
            if not s["purposes"]:
                s.pop("purposes")
            s["description"] = _suffix(r.get("description"), j)
            recipients.append(s)
        for t in base_transfers:
            if all(n in names for n in t["recipients"]):
                u = copy.deepcopy(t)
                u["recipients"] = [names[n] for n in t["recipients"]]
                transfers.append(u)

    register["purposes"] = purposes
    register["retention"] = retention
    register["recipients"] = recipients
    register["transfers"] = transfers
    necessary = [c for c in doc.get("cookies", []) if c.get("category") == "necessary"]
    doc["cookies"] = necessary + [_cookie(i) for i in range(COOKIES * factor - len(necessary))]
    return doc


#: ``large_statement(EXAMPLE)`` is the corrected Kalvokeskus example itself: a typical small shop's statement.
EXAMPLE = 0


@functools.cache
def large_statement(factor: int = 1) -> Statement:
    """The large statement at ``factor`` times 20 purposes, 50 recipients and 150 cookies (cached).

    ``factor=EXAMPLE`` (0) gives the corrected Kalvokeskus example as it is.
    """
    if factor == EXAMPLE:
        return load_dict(copy.deepcopy(base_document()))
    return load_dict(statement_document(factor))


def request_cookies(statement: Statement) -> tuple[str, str]:
    """The names of a first-party statistics cookie and a first-party marketing cookie the statement declares.

    The request benchmarks send both: the visitor accepted statistics (the first stays) and declined marketing
    (the consent apps expire the second).
    """
    from rekisterikit.model import CookieCategory, Party

    def first(category: CookieCategory) -> str:
        return next(c.name for c in statement.cookies
                    if c.category is category and c.party is Party.FIRST and "*" not in c.name)

    return first(CookieCategory.STATISTICS), first(CookieCategory.MARKETING)


def sizes(statement: Statement) -> dict[str, int]:
    """How many purposes, recipients and cookies a statement has."""
    return {
        "purposes": sum(len(r.purposes) for r in statement.registers),
        "recipients": sum(len(r.recipients or ()) for r in statement.registers),
        "cookies": len(statement.cookies),
    }

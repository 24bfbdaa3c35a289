"""declined_cookies from the precomputed index answers exactly as a walk over every declared cookie would."""

from __future__ import annotations

from fnmatch import fnmatchcase

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.consent import ConsentConfig, ConsentService
from rekisterikit.consent.state import OPTIONAL_CATEGORIES, first_party_cookies
from rekisterikit.model import CookieCategory, Statement
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET


def _walk(service: ConsentService, granted: frozenset[CookieCategory], names: list[str] | None,
          services: frozenset[str] | None) -> tuple[str, ...]:
    """The reference: every declared cookie of every declined category and service, in declaration order."""
    found: list[str] = []
    partly = frozenset() if services is None else frozenset(
        s.category for s in service.services if s.key in services)
    for category in OPTIONAL_CATEGORIES:
        if category in granted or category in partly:
            continue
        for pattern in first_party_cookies(service.statement, category):
            if "*" in pattern:
                found.extend(n for n in names or () if fnmatchcase(n, pattern))
            elif names is None or pattern in names:
                found.append(pattern)
    if services is not None:
        for svc in service.services:
            if svc.key in services or svc.category in granted or svc.category not in partly:
                continue
            own = first_party_cookies(service.statement, svc.category)
            for pattern in (c.name for c in svc.cookies if c.name in own):
                if "*" in pattern:
                    found.extend(n for n in names or () if fnmatchcase(n, pattern))
                elif names is None or pattern in names:
                    found.append(pattern)
    keep = (service.config.cookie_name, *(c.name for c in service.statement.cookies_in(CookieCategory.NECESSARY)))
    return tuple(n for n in dict.fromkeys(found) if not any(fnmatchcase(n, k) if "*" in k else n == k for k in keep))


@settings(max_examples=150, deadline=None)
@given(rks.statements(), st.data())
def test_the_index_answers_as_the_walk(statement: Statement, data: st.DataObject) -> None:
    """For generated statements, request cookies, grants and service choices, both answers are equal."""
    service = ConsentService(statement, ConsentConfig(secret=SECRET))
    declared = [c.name for c in statement.cookies]
    expanded = [n.replace("*", "x1") for n in declared if "*" in n]
    pool = [*declared, *expanded, "rk_consent", "csrftoken", "_ga", "_ga_ABC", "other"]
    names = data.draw(st.lists(st.sampled_from(pool), unique=True, max_size=12))
    granted = frozenset(data.draw(st.sets(st.sampled_from(OPTIONAL_CATEGORIES))))
    keys = [s.key for s in service.services]
    services = data.draw(st.none() | st.frozensets(st.sampled_from(keys)) if keys else st.none())
    jar = dict.fromkeys(names, "1")
    assert _walk(service, granted, names, services) == service.declined_cookies(granted, jar, services)
    assert _walk(service, granted, None, services) == service.declined_cookies(granted, None, services)

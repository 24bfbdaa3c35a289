"""A shop with many services: "accept all" is recorded, and the cookie lists only services of categories allowed in
part (a wholly granted category implies its services)."""

from __future__ import annotations

from rekisterikit.consent import ConsentConfig, ConsentService
from rekisterikit.consent.codec import MAX_VALUE_LENGTH
from rekisterikit.model import Cookie, CookieCategory, Duration, Party
from tests.consent.shop import SECRET, shop_statement


def _service(vendors: int) -> ConsentService:
    cookies = tuple(
        Cookie(name=f"_v{i}", provider=f"Vendor {i} Oy", party=Party.THIRD, domain=f"v{i}.example",
               category=(CookieCategory.STATISTICS, CookieCategory.MARKETING)[i % 2], duration=Duration(days=30))
        for i in range(vendors))
    return ConsentService(shop_statement(cookies=cookies), ConsentConfig(secret=SECRET))


def test_accept_all_with_sixty_vendors_fits_the_cookie() -> None:
    """Sixty vendors accepted at once: the decision is recorded and reads back with every service allowed."""
    service = _service(60)
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    assert 60 == len(decision.state.services)
    assert len(decision.cookie.value) < 600
    read = service.codec.decode(decision.cookie.value)
    assert read == decision.state
    assert all(read.allows_service(s.key) for s in service.services)


def test_a_category_allowed_in_part_keeps_its_services_in_the_cookie() -> None:
    """With marketing wholly granted and two statistics services allowed, those two are written, marketing's not."""
    service = _service(40)
    stats = [s.key for s in service.services if s.category is CookieCategory.STATISTICS][:2]
    form = {"rk-action": "custom", "rk-category": ["marketing"], "rk-service": stats}
    decision = service.decide(form, locale="fi")
    assert CookieCategory.MARKETING in decision.state.granted
    assert CookieCategory.STATISTICS not in decision.state.granted
    assert len(decision.cookie.value) <= MAX_VALUE_LENGTH
    read = service.codec.decode(decision.cookie.value)
    assert read == decision.state
    assert set(stats) <= read.services
    marketing = {s.key for s in service.services if s.category is CookieCategory.MARKETING}
    assert marketing <= read.services

"""Statements the Django tests configure: the consent tests' shop, and one whose texts are full of HTML."""

from __future__ import annotations

from rekisterikit.model import (
    Controller,
    Cookie,
    CookieCategory,
    Language,
    LocalizedText,
    Party,
    Purpose,
    Register,
)
from tests.consent.conftest import shop_statement

#: The consent tests' shop in three languages: cookies in every category, ``_ga`` and ``_ga_*`` first-party.
SHOP = shop_statement(languages=(Language.FI, Language.SV, Language.EN))

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'

#: A statement whose shop-written texts contain HTML: every tag must show it as text.
HOSTILE = shop_statement(
    controller=Controller(name=f"Kauppa {EVIL}", email="tietosuoja@example.fi"),
    title=LocalizedText(fi=f"Seloste {EVIL}", sv=f"Beskrivning {EVIL}", en=f"Notice {EVIL}"),
    registers=(Register(key="asiakkaat", name=LocalizedText(fi=f"Asiakkaat {EVIL}"),
                        purposes=(Purpose(key="tilaukset", description=LocalizedText(fi=f"Tilaukset {EVIL}")),)),),
    cookies=(Cookie(name="sessionid", provider=f"Kauppa {EVIL}", party=Party.FIRST,
                    category=CookieCategory.NECESSARY, purpose=LocalizedText(fi=f"Istunto {EVIL}")),
             Cookie(name="_ga", provider=f"Google {EVIL}", party=Party.FIRST, category=CookieCategory.STATISTICS,
                    purpose=LocalizedText(fi=f"Tilastot {EVIL}", en=f"Statistics {EVIL}"))),
)

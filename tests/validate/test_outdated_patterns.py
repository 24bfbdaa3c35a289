"""The repealed-law pattern of RK-OUTDATED-LAW: every inflection of the Henkilötietolaki and whole numbers only."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules.misc import _REPEALED


@pytest.mark.parametrize(("text", "found"), [
    ("henkilötietolaki (523/1999) 10 §", "henkilötietolaki"),
    ("henkilötietolain 10 §:n mukainen", "henkilötietolain"),
    ("henkilötietolakia noudattaen", "henkilötietolakia"),
    ("laki 523/1999", "523/1999"),
    ("hetil 10 §", "hetil"),
    ("direktiivi 95/46/ey", "95/46/ey"),
    ("päätös 2010/87/eu", "2010/87/eu"),
    ("laki (458/2002)", "458/2002"),
    ("eu-us privacy shield", "privacy shield"),
    ("1523/1999", None),
    ("x523/1999", None),
    ("shetil", None),
    ("195/46/ey", None),
    ("42010/87/eu", None),
    ("tietosuojalaki (1050/2018)", None),
])
def test_repealed_law_pattern(text: str, found: str | None) -> None:
    """The pattern finds each repealed act in any case ending, and a number only when it stands alone."""
    match = _REPEALED.search(text)
    assert found == (match.group(0) if match else None)

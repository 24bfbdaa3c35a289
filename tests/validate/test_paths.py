"""JSON paths into statements and the walk over shop-written texts."""

from __future__ import annotations

import pytest

from rekisterikit import loads
from rekisterikit.model import Language, LocalizedText
from rekisterikit.validate.paths import resolve, walk_texts

TEXT = '''title = "Tietosuojaseloste"
cites = ["Tietosuojalaki (1050/2018)"]

[controller]
name = "Esimerkki Oy"

[[registers]]
key = "asiakkaat"
name = "Asiakkaat"

[[registers.purposes]]
key = "tilaukset"
description = "Tilaukset"
legal_basis = "contract"

[rekisterikit]
ignore = [{ rule = "RK-PURPOSES", reason = "r" }]
'''


def test_resolve_follows_attributes_and_indexes() -> None:
    """Paths reach nested elements; absent optional fields resolve to None; [rekisterikit] is the directives."""
    statement = loads(TEXT)
    assert statement.registers[0].purposes[0] == resolve(statement, "$.registers[0].purposes[0]")
    assert resolve(statement, "$.registers[0].recipients") is None
    assert "RK-PURPOSES" == resolve(statement, "$.rekisterikit.ignore[0].rule")
    assert statement == resolve(statement, "$")


@pytest.mark.parametrize("path", ["registers", "$.registers[1]", "$.nope", "$.registers[0].purposes[0].x",
                                  "$.title[0]", "$.registers.0", "$.directives"])
def test_resolve_rejects_paths_that_name_nothing(path: str) -> None:
    """Malformed paths and paths to absent elements raise KeyError."""
    with pytest.raises(KeyError):
        resolve(loads(TEXT), path)


def test_walk_texts_yields_shop_text_with_file_paths() -> None:
    """Every LocalizedText and plain string is yielded with its path; keys, codes and directives are not."""
    found = dict(walk_texts(loads(TEXT)))
    assert LocalizedText.of("Tietosuojaseloste", Language.FI) == found["$.title"]
    assert "Tietosuojalaki (1050/2018)" == found["$.cites[0]"]
    assert "Esimerkki Oy" == found["$.controller.name"]
    assert LocalizedText.of("Tilaukset", Language.FI) == found["$.registers[0].purposes[0].description"]
    assert not [p for p in found if p.endswith((".key", ".legal_basis")) or "rekisterikit" in p]

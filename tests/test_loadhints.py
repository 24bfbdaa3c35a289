"""Load errors that help: suggestions, legal basis names in Finnish and Swedish, line and column, strict dates."""

from __future__ import annotations

import pytest

from rekisterikit import LoadError, loads
from rekisterikit.loadhints import legal_basis_suggestion, locate_json, locate_toml, suggest

BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"]


def _error(text: str, fmt: str = "toml") -> LoadError:
    with pytest.raises(LoadError) as info:
        loads(text, fmt, source="shop." + fmt)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize(("value", "expected"), [
    ("sopimus", "contract"), ("Sopimuksen täytäntöönpano", "contract"), ("avtal", "contract"),
    ("suostumus", "consent"), ("samtycke", "consent"),
    ("lakisääteinen velvoite", "legal_obligation"), ("rättslig förpliktelse", "legal_obligation"),
    ("oikeutettu etu", "legitimate_interests"), ("berättigat intresse", "legitimate_interests"),
    ("elintärkeä etu", "vital_interests"), ("intressen av grundläggande betydelse", "vital_interests"),
    ("oikeutettujen etujen toteuttaminen", "legitimate_interests"), ("fullgöra ett avtal", "contract"),
    ("yleinen etu", "public_task"), ("myndighetsutövning", "public_task"),
    ("legitimate interest", "legitimate_interests"), ("contrat", "contract"), ("asiakassuhde", None),
])
def test_legal_basis_names_map_to_a_suggestion(value: str, expected: str | None) -> None:
    """Finnish and Swedish names of the Art. 6(1) bases, and near misses in English, map to the file's value."""
    assert expected == legal_basis_suggestion(value, BASES)


def test_unknown_field_suggests_the_nearest_name() -> None:
    """A misspelt key gets 'did you mean', at the key's own line and column."""
    error = _error('[controller]\nname = "x"\nbussiness_id = "1234567-1"\n')
    assert ("unknown field(s) bussiness_id (did you mean business_id?) @ $.controller",) == error.problems
    assert ((3, 1),) == error.positions


def test_a_mistyped_array_of_tables_suggests_the_header() -> None:
    """[[register]] is one problem, suggesting [[registers]]."""
    error = _error('[controller]\nname = "x"\n\n[[register]]\nkey = "a"\nname = "A"\n')
    assert ("unknown field(s) register (did you mean [[registers]]?) @ $",) == error.problems
    assert 4 == error.positions[0][0]


def test_invalid_legal_basis_in_finnish_gets_the_english_value() -> None:
    """legal_basis = "sopimus" says: did you mean 'contract'?"""
    error = _error('[controller]\nname = "x"\n[[registers]]\nkey = "a"\nname = "A"\n[[registers.purposes]]\n'
                   'key = "p"\ndescription = "d"\nlegal_basis = "sopimus"\n')
    assert error.problems[0].startswith("invalid legal basis 'sopimus' (did you mean 'contract'? expected one of:")
    assert ((9, 1),) == error.positions


def test_other_vocabularies_get_a_suggestion_too() -> None:
    """An enum value with a typo gets the nearest value."""
    error = _error('[controller]\nname = "x"\n[[registers]]\nkey = "a"\nname = "A"\n[[registers.purposes]]\n'
                   'key = "p"\ndescription = "d"\nkind = "oder"\n')
    assert "(did you mean 'order'?" in error.problems[0]


def test_a_quoted_date_is_refused_in_toml_and_accepted_in_json() -> None:
    """TOML has dates: updated = "2026-11-01" is a string there. JSON has none, so the string is the date."""
    error = _error('updated = "2026-11-01"\n[controller]\nname = "x"\n')
    assert ("expected a TOML date, got a string: write updated = 2026-11-01 without quotes @ $.updated",) == \
        error.problems
    assert ((1, 1),) == error.positions
    assert "2026-11-01" == loads('{"updated": "2026-11-01", "controller": {"name": "x"}}', "json").updated.isoformat()


def test_toml_and_json_syntax_errors_have_positions() -> None:
    """The parser's own line and column are kept."""
    assert ((2, 8),) == _error('[controller]\nname = \n').positions
    assert ((1, 16),) == _error('{"controller": }', "json").positions


def test_json_problems_are_located() -> None:
    """A JSON problem's path is found in the text: keys by their opening quote, list items by their value."""
    text = '{\n  "controller": {"name": "x"},\n  "registers": [\n    {"key": "a"}\n  ]\n}'
    assert [(2, 3), (2, 18), (4, 5), (4, 6), (1, 1)] == locate_json(
        text, ["$.controller", "$.controller.name", "$.registers[0]", "$.registers[0].key", "$"])
    assert [(2, 3)] == locate_json(text, ["$.controller.email"])  # missing: the table that lacks it


def test_toml_paths_are_located_at_their_key() -> None:
    """Keys are found at their column, also indented and in inline tables' parents."""
    text = '[controller]\n  name = "x"\n\n[[registers]]\nkey = "a"\n'
    assert [(1, 1), (2, 3), (4, 1), (5, 1)] == locate_toml(
        text, ["$.controller", "$.controller.name", "$.registers[0]", "$.registers[0].key"])


def test_suggest_returns_none_when_nothing_is_close() -> None:
    """No suggestion is better than a wrong one."""
    assert suggest("zzzz", ["name", "email"]) is None
    assert "email" == suggest("EMAIL", ["name", "email"])

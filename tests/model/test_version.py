"""The statement's version is computed by the model itself, from a serialisation equal to the loader's."""

from __future__ import annotations

from hypothesis import given, settings

from rekisterikit.load import dump_dict, load
from rekisterikit.model import Statement
from rekisterikit.model.version import UNPUBLISHED, canonical_json, plain_data, statement_version
from rekisterikit.testing.strategies import statements
from tests.conftest import EXAMPLES


@settings(max_examples=150, deadline=None)
@given(statements())
def test_the_models_serialisation_equals_the_loaders(statement: Statement) -> None:
    """plain_data() writes exactly what rekisterikit.dump_dict() writes, for every generated statement."""
    assert dump_dict(statement) == plain_data(statement)


@settings(max_examples=50, deadline=None)
@given(statements())
def test_the_version_hashes_the_canonical_json_without_unpublished_parts(statement: Statement) -> None:
    """statement.version is sha256 of the canonical JSON, which holds no directives and no Art. 30 record part."""
    import hashlib
    import json

    text = canonical_json(statement)
    assert statement.version == "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert statement.version == statement_version(statement)
    assert not set(UNPUBLISHED) & set(json.loads(text))


def test_the_version_of_an_example_is_the_loaders_formula() -> None:
    """The hash equals the loader's formula from before the move (stored consents stay valid)."""
    import hashlib
    import json

    statement = load(EXAMPLES / "kalvokeskus-corrected.toml")
    data = dump_dict(statement)
    for key in ("rekisterikit", "record"):
        data.pop(key, None)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    assert "sha256:" + hashlib.sha256(text.encode()).hexdigest() == statement.version

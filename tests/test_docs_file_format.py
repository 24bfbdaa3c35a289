"""docs/file-format.md stays in step with the model and the loader."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

import attrs
import pytest

from rekisterikit import LoadError, dumps, loads
from rekisterikit import model as m
from rekisterikit.cliutil import format_load_error

DOC = Path(__file__).resolve().parents[1] / "docs" / "file-format.md"
#: Value types written as plain strings in a file; documented under "Other value types" and "Durations".
STRING_VALUES = {"BusinessId", "Country", "Duration"}
#: Attribute names that the file spells differently.
FILE_KEYS = {("Statement", "directives"): "rekisterikit"}


def _sections() -> dict[str, str]:
    """The doc's ``### `Name` …`` sections, by name."""
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    sections = {}
    for part in parts:
        match = re.match(r"`(\w+)`", part)
        if match:
            sections[match.group(1)] = part
    return sections


MODEL_CLASSES = sorted(n for n in m.__all__ if attrs.has(getattr(m, n)) and n not in STRING_VALUES)
ENUMS = sorted(n for n in m.__all__ if isinstance(getattr(m, n), type) and issubclass(getattr(m, n), Enum))


@pytest.mark.parametrize("name", MODEL_CLASSES)
def test_every_field_is_documented(name: str) -> None:
    """Each model class has a section that lists every one of its fields under its file key."""
    section = _sections().get(name)
    assert section is not None, f"no '### `{name}`' section"
    missing = [f.name for f in attrs.fields(getattr(m, name))
               if f"| `{FILE_KEYS.get((name, f.name), f.name)}` |" not in section]
    assert [] == missing


@pytest.mark.parametrize("name", ENUMS)
def test_every_enum_value_is_documented(name: str) -> None:
    """Each vocabulary has a section naming every value."""
    section = _sections().get(name)
    assert section is not None, f"no '### `{name}`' section"
    missing = [e.value for e in getattr(m, name) if f"`{e.value}`" not in section]
    assert [] == missing


def _toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_complete_examples_load_and_round_trip() -> None:
    """Every TOML example in the doc that names a controller loads, and round-trips through dumps/loads."""
    complete = [block for block in _toml_blocks() if "[controller]" in block]
    assert complete
    for block in complete:
        statement = loads(block)
        assert statement == loads(dumps(statement))


BROKEN = """
[controller]
business_id = "1234567-8"
emial = "x@example.fi"

[[registers]]
key = "asiakkaat"
name = ""

[[registers.purposes]]
key = "tilaukset"
description = { fi = "Tilaukset", de = "Bestellungen" }
legal_basis = "asiakassuhde"

[[registers.retention]]
period = "session"

[[cookies]]
name = "_ga"
duration = "2 years"
country = "XX"

[rekisterikit]
ignore = [{ rule = "RK-BUSINESS-ID" }]
"""


def test_documented_load_errors_are_the_loaders() -> None:
    """The error listing in the doc is exactly what the loader reports for the corresponding broken file."""
    text = DOC.read_text(encoding="utf-8")
    listing = re.search(r"```text\n(shop\.toml:\d.*?)```", text, flags=re.DOTALL)
    assert listing is not None
    documented = listing.group(1).splitlines()
    with pytest.raises(LoadError) as info:
        loads(BROKEN, source="shop.toml")
    assert documented == format_load_error(info.value)

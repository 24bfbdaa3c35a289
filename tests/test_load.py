"""Loading and saving: every problem reported with its path, and lossless round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from rekisterikit import LoadError, Statement, dump, dumps, load, load_dict, loads
from rekisterikit.load import canonical_json, structure, unstructure
from rekisterikit.model import Directives, Ignore, Language, LegalBasis, LocalizedText
from rekisterikit.testing import strategies as rks

MINIMAL = """
[controller]
name = "Confetti"

[[registers]]
key = "asiakkaat"
name = "Verkkokaupan asiakasrekisteri"

[[registers.purposes]]
key = "tilaukset"
description = "Tilausten käsittely"
legal_basis = "contract"
"""

BROKEN = """
[controller]
business_id = "1234567-8"

[[registers]]
key = "asiakkaat"
name = "Asiakasrekisteri"

[[registers.purposes]]
key = "tilaukset"
description = "Tilausten käsittely"
legal_basis = "asiakassuhde"
"""


def _problems(text: str, fmt: str = "toml") -> tuple[str, ...]:
    with pytest.raises(LoadError) as info:
        loads(text, fmt)  # type: ignore[arg-type]
    return info.value.problems


def test_minimal_statement_loads() -> None:
    """A controller name and one purpose are enough to load; plain strings are in the default language."""
    statement = loads(MINIMAL)
    purpose = statement.registers[0].purposes[0]
    assert LegalBasis.CONTRACT == purpose.legal_basis
    assert LocalizedText(fi="Tilausten käsittely") == purpose.description


def test_plain_strings_follow_the_default_language() -> None:
    """With languages = ["sv", …] a plain string is Swedish."""
    statement = loads('languages = ["sv", "fi"]\n' + MINIMAL)
    assert LocalizedText(sv="Tilausten käsittely") == statement.registers[0].purposes[0].description


def test_all_three_problems_are_listed_with_paths() -> None:
    """Wrong check digit, unknown legal basis and missing controller name are reported together."""
    assert (
        "required field missing @ $.controller.name",
        "invalid business id '1234567-8' (check digit) @ $.controller.business_id",
        "invalid legal basis 'asiakassuhde' (expected one of: consent, contract, legal_obligation, "
        "vital_interests, public_task, legitimate_interests) @ $.registers[0].purposes[0].legal_basis",
    ) == _problems(BROKEN)


@pytest.mark.parametrize(("snippet", "expected"), [
    ('[controller]\nname = "x"\ncountry = "XX"', "unknown country code 'XX'"),
    ('[controller]\nname = "x"\nfoo = 1', "unknown field(s) foo @ $.controller"),
    ('[controller]\nname = 5', "expected a string, got an integer @ $.controller.name"),
    ('[controller]\nname = "x"\nemail = "not-an-address"', "invalid e-mail address"),
    ('updated = "12.7.2020"\n[controller]\nname = "x"',
     "invalid date '12.7.2020' (expected YYYY-MM-DD) @ $.updated"),
    ('languages = "fi"\n[controller]\nname = "x"', "expected a list, got a string @ $.languages"),
    ('languages = ["de"]\n[controller]\nname = "x"', "invalid language 'de'"),
    ('[controller]\nname = "x"\n[[cookies]]\nname = "_ga"\nduration = "-P1Y"',
     "negative duration '-P1Y' @ $.cookies[0].duration"),
    ('[controller]\nname = "x"\n[cookie_policy]\npreticked = "false"', "expected true or false, got a string"),
    ('[controller]\nname = "x"\n[rekisterikit]\nignore = [{rule = "RK-X"}]',
     "required field missing @ $.rekisterikit.ignore[0].reason"),
    ('intro = {fi = "a", de = "b"}\n[controller]\nname = "x"',
     "unknown language(s) de (expected fi, sv, en) @ $.intro"),
])
def test_bad_fields_are_named(snippet: str, expected: str) -> None:
    """Each malformed value yields a message naming what is wrong and where."""
    problems = _problems(snippet)
    assert any(expected in p for p in problems), problems


def test_model_level_errors_carry_the_element_path() -> None:
    """A broken reference inside a register is reported at that register."""
    problems = _problems(MINIMAL + 'data_categories = ["email"]\n')
    assert ("purposes[0].data_categories: unknown data category 'email' @ $.registers[0]",) == problems


def test_syntax_errors_are_load_errors() -> None:
    """Broken TOML or JSON is a LoadError with the parser's position, not a traceback."""
    (problem,) = _problems("controller = [")
    assert problem.startswith("invalid TOML")
    assert problem.endswith("@ $")
    (problem,) = _problems('{"controller": ', "json")
    assert "invalid JSON" in problem
    assert "line 1" in problem
    (problem,) = _problems("[1, 2]", "json")
    assert "expected a table, got a list @ $" == problem


def test_files(tmp_path: Path) -> None:
    """Files load by suffix; missing files, unknown suffixes and non-UTF-8 bytes are LoadErrors."""
    path = tmp_path / "s.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert loads(MINIMAL) == load(path)
    with pytest.raises(LoadError, match="file not found"):
        load(tmp_path / "missing.toml")
    with pytest.raises(LoadError, match=r"unknown file type '\.yaml'"):
        load(tmp_path / "s.yaml")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{}")
    with pytest.raises(LoadError, match="not UTF-8"):
        load(bad)


def test_load_error_is_a_value_error() -> None:
    """Callers that catch ValueError also catch load errors."""
    with pytest.raises(ValueError, match="cannot load statement"):
        load_dict({})


def test_directives_live_in_the_rekisterikit_table_and_do_not_change_the_version() -> None:
    """Ignored rules are read from [rekisterikit] and excluded from the content hash."""
    text = MINIMAL + '\n[rekisterikit]\nignore = [{rule = "RK-RETENTION", reason = "kept by the ERP"}]\n'
    statement = loads(text)
    assert Directives(ignore=(Ignore(rule="RK-RETENTION", reason="kept by the ERP"),)) == statement.directives
    assert loads(MINIMAL).version == statement.version
    assert "rekisterikit" not in canonical_json(statement)


@given(rks.statements())
def test_structure_unstructure_round_trip(statement: Statement) -> None:
    """structure(unstructure(s)) == s for every generated statement."""
    assert statement == structure(unstructure(statement))


@given(rks.statements() | rks.statements(text=rks.hostile_texts()))
def test_toml_and_json_text_round_trip(statement: Statement) -> None:
    """Dumping to TOML or JSON text and loading it back gives an equal statement, whatever the text holds."""
    assert statement == loads(dumps(statement, "toml"), "toml")
    assert statement == loads(dumps(statement, "json"), "json")


def test_file_round_trip(tmp_path: Path) -> None:
    """dump() then load() gives an equal statement, for both file types."""
    statement = loads(MINIMAL)
    for name in ("out.toml", "out.json"):
        dump(statement, tmp_path / name)
        assert statement == load(tmp_path / name)
    assert "Confetti" == json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["controller"]["name"]


def test_dump_omits_defaults() -> None:
    """A dumped minimal statement has no default-valued noise such as the default rights."""
    data = unstructure(loads(MINIMAL))
    assert {"controller", "registers"} == set(data)
    assert [Language.FI] == list(loads(MINIMAL).languages)


def test_unpaired_surrogates_are_rejected_at_load() -> None:
    """JSON may encode a lone surrogate; it cannot be published as UTF-8, so loading names it and its path."""
    problems = _problems('{"controller": {"name": "x\\ud800"}, "intro": "\\udfff"}', "json")
    assert any("unpaired surrogate" in p and p.endswith("@ $.controller.name") for p in problems), problems
    assert any("unpaired surrogate" in p and p.endswith("@ $.intro") for p in problems), problems


def test_version_of_a_statement_built_in_code_with_a_surrogate() -> None:
    """A statement constructed directly with a lone surrogate still has a version (hashing never raises)."""
    from rekisterikit.model import Controller

    assert Statement(controller=Controller(name="x\ud800")).version.startswith("sha256:")


def test_a_file_larger_than_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    """A statement file over MAX_STATEMENT_BYTES is a LoadError naming its size, without reading it whole."""
    from rekisterikit.load import MAX_STATEMENT_BYTES

    path = tmp_path / "big.toml"
    path.write_bytes(b'title = "x"\n' + b"# padding\n" * (MAX_STATEMENT_BYTES // 10 + 1))
    with pytest.raises(LoadError) as info:
        load(path)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith("the statement is too large (")
    assert info.value.source == str(path)
    with pytest.raises(LoadError, match="too large"):
        loads("#" * (MAX_STATEMENT_BYTES + 1))


def test_a_long_dotted_key_is_refused_before_tomllib_sees_it() -> None:
    """'a.'*32000 + 'b = 1' (64 kB) took tomllib 9.7 s and 4 GB; a key of more than MAX_KEY_PARTS parts is refused."""
    import time

    from rekisterikit.load import MAX_KEY_PARTS

    for text in ("a." * 32000 + "b = 1", 'title = "x"\n[' + "t." * 5000 + "u]\n", "x = {" + '"a" . ' * 5000 + "b = 1}"):
        started = time.perf_counter()
        with pytest.raises(LoadError, match=f"more than {MAX_KEY_PARTS} dotted parts") as info:
            loads(text)
        assert time.perf_counter() - started < 1.0
    assert "(line 2)" in str(info.value) or "(line 1)" in str(info.value)
    # A key of MAX_KEY_PARTS parts is still parsed (and rejected only as an unknown field).
    with pytest.raises(LoadError, match="unknown field"):
        loads(".".join(["k"] * MAX_KEY_PARTS) + " = 1")


@pytest.mark.parametrize(("text", "fmt"), [
    ("a = " + "[" * 5000 + "]" * 5000, "toml"),
    ("a = " + "{b=" * 2000 + "1" + "}" * 2000, "toml"),
    ('{"a":' + "[" * 100000 + "]" * 100000 + "}", "json"),
])
def test_deep_nesting_is_a_load_error_not_a_recursion_error(text: str, fmt: str) -> None:
    """RecursionError from the parser becomes a LoadError ("nested too deeply"), so the CLI exits 2."""
    with pytest.raises(LoadError, match="nested too deeply"):
        loads(text, fmt)  # type: ignore[arg-type]


def test_cli_exits_2_on_deep_nesting_and_long_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`rekisterikit check` on a hostile file prints one line per problem and exits 2 (was a traceback, exit 1)."""
    from rekisterikit.cli import main

    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    keys = tmp_path / "keys.toml"
    keys.write_text("a." * 32000 + "b = 1\n", encoding="utf-8")
    for path, message in ((deep, "nested too deeply"), (keys, "dotted parts")):
        assert 2 == main(["check", str(path)])
        err = capsys.readouterr().err
        assert err.startswith(f"{path}: ")
        assert message in err
        assert "Traceback" not in err

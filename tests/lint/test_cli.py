"""`rekisterikit lint`: the same options, formats and exit statuses as `check`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from rekisterikit.cli import main
from rekisterikit.validate.output import report_schema

OLD = """Rekisteriseloste
Henkilötietolain (523/1999) 10 §

Rekisterinpitäjä
Esimerkki Oy, Y-tunnus 2745813-4, info@esimerkki.fi

Tarkastusoikeus
Tarkastuspyyntö on lähetettävä kirjallisesti ja allekirjoitettuna.
"""


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "seloste.txt"
    path.write_text(OLD, encoding="utf-8")
    return path


def test_text_output_lists_findings_with_quoted_lines(statement: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text report shows rule, code, section and the quoted line; errors give exit status 1."""
    assert 1 == main(["lint", str(statement), "--locale", "en", "--color", "never"])
    out = capsys.readouterr().out
    assert "RK-LINT-HETIL  Tietosuojalaki 1050/2018  [outdated_law]" in out
    assert 'line 2: "Henkilötietolain (523/1999) 10 §"' in out
    assert "Errors (" in out


def test_json_output_follows_the_findings_contract(statement: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` validates against check's report schema and carries the evidence."""
    main(["lint", str(statement), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, report_schema())
    assert str(statement) == data["source"]
    assert None is data["statement_version"]
    hetil = next(f for f in data["findings"] if f["rule"] == "RK-LINT-HETIL")
    assert {"quote": "Henkilötietolain (523/1999) 10 §", "line": 2} == hetil["evidence"]


def test_sarif_output_puts_flags_on_their_lines(statement: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each SARIF result of a flag has the quoted line as its region; the artifact is plain text."""
    main(["lint", str(statement), "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    run = log["runs"][0]
    signed = next(r for r in run["results"] if r["ruleId"] == "RK-LINT-SIGNED-REQUEST")
    assert 8 == signed["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert "text/plain" == run["artifacts"][0]["mimeType"]
    assert "RK-LINT-SIGNED-REQUEST" in {r["id"] for r in run["tool"]["driver"]["rules"]}


@pytest.mark.parametrize(("options", "status"), [
    (["--fail-on", "error"], 1), (["--select", "outdated_law", "--fail-on", "warning"], 1),
    (["--select", "RK-LINT-SIGNED-REQUEST"], 0), (["--ignore", "RK-LINT", "--fail-on", "info"], 0),
    (["--select", "no_such_code"], 2),
])
def test_fail_on_select_and_ignore(statement: Path, options: list[str], status: int,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1 only when a selected finding reaches --fail-on; an unknown selector is a usage error (2)."""
    assert status == main(["lint", str(statement), "--format", "json", *options])


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or binary file is reported on stderr with exit status 2."""
    binary = tmp_path / "logo.html"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00")
    assert 2 == main(["lint", str(tmp_path / "missing.txt")])
    assert 2 == main(["lint", str(binary)])
    assert "binary" in capsys.readouterr().err


def test_lang_overrides_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lang reads the text with the given lexicon; messages follow --locale or the environment (English here)."""
    path = tmp_path / "notice.md"
    path.write_text("# Retention\n\nWe keep your data for as long as necessary.\n", encoding="utf-8")
    main(["lint", str(path), "--lang", "fi", "--format", "json"])
    assert "RK-LINT-RETENTION-VAGUE" not in {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    main(["lint", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    vague = next(f for f in data["findings"] if f["rule"] == "RK-LINT-RETENTION-VAGUE")
    assert vague["message"].startswith("The retention period is vague")

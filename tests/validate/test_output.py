"""Report formats: JSON valid against the shipped schema, SARIF valid against the official 2.1.0 schema, text."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from rekisterikit import load, loads
from rekisterikit.findings import Report
from rekisterikit.validate import REGISTRY, validate
from rekisterikit.validate.output import report_schema, to_json, to_sarif, to_text

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"
DEFICIENT = '[controller]\nname = "Esimerkki Oy"\n\n[[registers]]\nkey = "r"\nname = "R"\n'


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, object]:
    """The vendored official SARIF 2.1.0 schema."""
    schema: dict[str, object] = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return schema


def _report(tmp_path: Path) -> Report:
    path = tmp_path / "kauppa.toml"
    path.write_text(DEFICIENT, encoding="utf-8")
    return validate(load(path), source=str(path))


def test_json_output_validates_against_the_shipped_schema(tmp_path: Path) -> None:
    """check --format json output is valid under rekisterikit/validate/report.schema.json, in every locale."""
    jsonschema.Draft202012Validator.check_schema(report_schema())
    report = _report(tmp_path)
    for locale in ("fi", "sv", "en"):
        data = json.loads(to_json(report, locale))
        jsonschema.validate(data, report_schema(), cls=jsonschema.Draft202012Validator)
        assert data["summary"]["error"] == sum(1 for f in data["findings"] if f["severity"] == "error")


def test_json_schema_rejects_a_finding_without_requirement() -> None:
    """The schema is strict: a finding must carry a known requirement code."""
    bad = {"source": None, "statement_version": None, "summary": {"error": 1, "warning": 0, "info": 0},
           "findings": [{"rule": "RK-X", "requirement": "nonsense", "severity": "error", "article": "a",
                         "path": "$", "message": "m"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, report_schema(), cls=jsonschema.Draft202012Validator)


def test_sarif_output_validates_against_the_official_schema(tmp_path: Path, sarif_schema: dict[str, object]) -> None:
    """SARIF output, with results pointing at file lines, is valid SARIF 2.1.0."""
    report = _report(tmp_path)
    log = to_sarif(report, REGISTRY.select(), "en")
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    results = log["runs"][0]["results"]
    assert len(report.findings) == len(results)
    purposes = next(r for r in results if r["ruleId"] == "RK-PURPOSES")
    assert 4 == purposes["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert "$.registers[0].purposes" == purposes["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    rule = log["runs"][0]["tool"]["driver"]["rules"][purposes["ruleIndex"]]
    assert ("RK-PURPOSES", "error") == (rule["id"], rule["defaultConfiguration"]["level"])


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no examples in this checkout")
@pytest.mark.parametrize("name", ["monalisa", "kalvokeskus", "webstrella", "kalvokeskus-corrected"])
def test_sarif_of_the_examples_is_valid(name: str, sarif_schema: dict[str, object]) -> None:
    """Every example's SARIF log is valid, and info findings become SARIF notes."""
    path = EXAMPLES / f"{name}.toml"
    report = validate(load(path), source=str(path))
    log = to_sarif(report, REGISTRY.select(), "fi")
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    levels = {r["level"] for r in log["runs"][0]["results"]}
    assert levels <= {"error", "warning", "note"}


def test_sarif_without_a_source_has_only_logical_locations(sarif_schema: dict[str, object]) -> None:
    """A report of a statement built in code (no file) is still valid SARIF, located by JSON path only."""
    log = to_sarif(validate(loads(DEFICIENT)), REGISTRY.select(), "sv")
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert all("physicalLocation" not in r["locations"][0] for r in log["runs"][0]["results"])


def test_text_output_groups_by_severity_with_line_numbers(tmp_path: Path) -> None:
    """Text output has a summary line, a heading per severity and file:line for each finding."""
    report = _report(tmp_path)
    text = to_text(report, "en")
    assert text.startswith(f"{report.source}: error ")
    assert "\nErrors (" in text
    assert f"({report.source}:4)" in text
    assert "\033[" not in text
    assert "\033[1;31m" in to_text(report, "en", colour=True)


def test_text_output_of_a_clean_report_says_so() -> None:
    """A report without findings prints 'No findings.' in the chosen language."""
    assert "Ei havaintoja." in to_text(Report(), "fi")

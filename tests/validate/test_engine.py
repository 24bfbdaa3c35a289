"""validate(): selections, the statement's own ignore directives, plugins, and robustness on any statement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given

from rekisterikit import Statement, loads
from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import LocalizedText
from rekisterikit.testing import strategies as rks
from rekisterikit.validate import REGISTRY, Context, Hit, UnknownRuleError, engine, validate
from rekisterikit.validate.paths import resolve

BARE = '[controller]\nname = "Esimerkki Oy"\n'


def _rules(text: str, **kwargs: Any) -> set[str]:
    return {f.rule for f in validate(loads(text), **kwargs).findings}


def test_select_and_ignore_narrow_the_rules() -> None:
    """select runs only the named rules; ignore removes rules from the run."""
    assert {"RK-CONTROLLER-CONTACT"} == _rules(BARE, select=["controller_contact"])
    assert "RK-PURPOSES" not in _rules(BARE, ignore=["RK-PURPOSES"])
    assert "RK-PURPOSES" in _rules(BARE)
    with pytest.raises(UnknownRuleError):
        validate(loads(BARE), select=["RK-NO-SUCH-RULE"])


def test_report_carries_source_and_version() -> None:
    """The report names its source and the statement's version."""
    statement = loads(BARE)
    report = validate(statement, source="x.toml")
    assert ("x.toml", statement.version) == (report.source, report.statement_version)


def test_ignore_directive_with_reason_removes_the_finding() -> None:
    """An [rekisterikit] ignore entry suppresses the named rule; a path limits it to that element."""
    text = BARE + ('\n[rekisterikit]\nignore = [{ rule = "RK-CONTROLLER-CONTACT", reason = "Yhteystiedot ovat '
                   'sivuston alatunnisteessa" }, { rule = "RK-PURPOSES", reason = "r", path = "$.registers[0]" }]\n'
                   '\n[[registers]]\nkey = "a"\nname = "A"\n\n[[registers]]\nkey = "b"\nname = "B"\n')
    report = validate(loads(text))
    assert "RK-CONTROLLER-CONTACT" not in {f.rule for f in report.findings}
    assert ["$.registers[1].purposes"] == [f.path for f in report.findings if f.rule == "RK-PURPOSES"]


def test_ignore_by_requirement_code() -> None:
    """An ignore entry may name a requirement code instead of a rule id."""
    text = BARE + '\n[rekisterikit]\nignore = [{ rule = "controller_contact", reason = "r" }]\n'
    assert not {"RK-CONTROLLER-CONTACT", "RK-IGNORE-INVALID"} & _rules(text)


def test_unknown_rule_or_path_in_an_ignore_is_reported() -> None:
    """An ignore naming an unknown rule, or a path not in the statement, is reported as RK-IGNORE-INVALID."""
    text = BARE + ('\n[rekisterikit]\nignore = [{ rule = "RK-RETENTON", reason = "typo" }, '
                   '{ rule = "RK-PURPOSES", reason = "r", path = "$.registers[5]" }]\n')
    report = validate(loads(text))
    found = [(f.path, f.requirement, f.message.en) for f in report.findings if f.rule == "RK-IGNORE-INVALID"]
    assert [
        ("$.rekisterikit.ignore[0]", Requirement.DIRECTIVES,
         'The ignore directive "RK-RETENTON" matches no rule or element of the statement (unknown rule), so it '
         'ignores nothing.'),
        ("$.rekisterikit.ignore[1]", Requirement.DIRECTIVES,
         'The ignore directive "RK-PURPOSES" matches no rule or element of the statement (no such path), so it '
         'ignores nothing.'),
    ] == found


def test_plugins_from_entry_points_are_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """validate() imports the modules of the rekisterikit.rules entry point group, once."""
    loaded: list[str] = []

    class EntryPoint:
        name = "shop"

        def load(self) -> None:
            loaded.append(self.name)

    def entry_points(group: str) -> list[EntryPoint]:
        assert "rekisterikit.rules" == group
        return [EntryPoint()]

    monkeypatch.setattr(engine, "_plugins_loaded", False)
    monkeypatch.setattr("importlib.metadata.entry_points", entry_points)
    validate(loads(BARE))
    validate(loads(BARE))
    assert ["shop"] == loaded


def test_shop_rule_registered_with_the_decorator_runs_by_default() -> None:
    """A rule registered in the default registry runs in validate() and can be removed again."""
    from rekisterikit.validate import rule

    @rule(id="SHOP-TEST-ONLY", requirement=Requirement.CLARITY, severity=Severity.INFO, article="GDPR 12(1)",
          title="t", message=LocalizedText(fi="a.", sv="b.", en="c."))
    def check(ctx: Context) -> Iterator[Hit]:
        yield Hit("$.controller")

    try:
        assert "SHOP-TEST-ONLY" in _rules(BARE)
    finally:
        REGISTRY.remove("SHOP-TEST-ONLY")
    assert "SHOP-TEST-ONLY" not in _rules(BARE)


@given(rks.statements() | rks.statements(text=rks.hostile_texts()))
def test_any_statement_validates_and_every_path_resolves(statement: Statement) -> None:
    """Validating any generated statement never raises, and each finding's path names an element of it."""
    report = validate(statement)
    for finding in report.findings:
        resolve(statement, finding.path)  # raises KeyError if the path names nothing
        assert all(finding.message.get(lang) for lang in ("fi", "sv", "en"))
    assert sum(report.summary.values()) == len(report.findings)

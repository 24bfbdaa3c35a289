"""The fifth tuning round (issue 21): a retired rule id, and the classes of error of the seventh hold-out, each with
statements a data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit import loads
from rekisterikit.validate import REGISTRY, UnknownRuleError, validate
from rekisterikit.validate.docs import builtin_rules, render
from rekisterikit.validate.registry import RETIRED, Registry, Rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import hits as _hits

# -- RK-TRANSFER-DPF-APPEAL: retired on 2026-12-06 ---------------------------------------------------------------

_DPF = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "uutiskirje"
description = "Uutiskirje"
kind = "newsletter"
legal_basis = "consent"

[[registers.transfers]]
country = "US"
recipients = ["Mailchimp (Intuit Inc.)"]
mechanism = "dpf"
dpf_certified = true
'''


def test_the_dpf_appeal_reminder_is_retired() -> None:
    """A transfer on the DPF draws no reminder of the pending appeal: the id is retired, not a rule."""
    assert "RK-TRANSFER-DPF-APPEAL" in RETIRED
    assert "RK-TRANSFER-DPF-APPEAL" not in builtin_rules()
    assert [] == [f.rule for f in validate(loads(_DPF)).findings if f.rule.startswith("RK-TRANSFER-DPF")]


def test_a_retired_id_is_not_reused() -> None:
    """No rule can be registered under a retired id, in the default registry or another."""
    rule = next(iter(REGISTRY))
    with pytest.raises(ValueError, match="retired"):
        Registry().add(Rule(id="RK-TRANSFER-DPF-APPEAL", requirement=rule.requirement, severity=rule.severity,
                            article=rule.article, title=rule.title, message=rule.message, check=rule.check))


def test_ignoring_a_retired_id_ignores_nothing_and_selecting_it_is_refused() -> None:
    """``ignore`` naming a retired id is accepted (the findings are those of a plain run); ``select`` is refused with
    the date of retirement."""
    statement = loads(_DPF)
    assert validate(statement).findings == validate(statement, ignore=["RK-TRANSFER-DPF-APPEAL"]).findings
    with pytest.raises(UnknownRuleError, match="retired on 2026-12-06"):
        validate(statement, select=["RK-TRANSFER-DPF-APPEAL"])
    with pytest.raises(UnknownRuleError, match="unknown rule"):
        validate(statement, ignore=["RK-TRANSFER-DPF-APEAL"])


def test_a_statement_ignoring_a_retired_rule_is_told_to_remove_the_entry() -> None:
    """A ``[rekisterikit] ignore`` entry naming a retired id is reported, as retired, not as unknown."""
    text = _DPF + '\n[rekisterikit]\nignore = [{ rule = "RK-TRANSFER-DPF-APPEAL", reason = "Seurataan" }]\n'
    report = validate(loads(text), select=["RK-IGNORE-INVALID"])
    assert ["$.rekisterikit.ignore[0]"] == [f.path for f in report.findings]
    assert "rule retired on 2026-12-06" in (report.findings[0].message.en or "")
    assert "retired" not in (validate(loads(text.replace("DPF-APPEAL", "DPF-APEAL")),
                                      select=["RK-IGNORE-INVALID"]).findings[0].message.en or "")


def test_the_rule_reference_lists_retired_rules() -> None:
    """docs/rules.md has a "Retired rules" section naming each retired id with its date, and no section for it."""
    page = render()
    section = page.split("## Retired rules\n", 1)[1].split("\n## ", 1)[0]
    for retired in RETIRED.values():
        assert f"| {retired.id} | {retired.retired} |" in section
        assert f"\n### {retired.id}\n" not in page


def test_the_dpf_certification_rule_stays() -> None:
    """The DPF certification rule, the DPF rule that stays, still fires on an uncertified DPF transfer."""
    assert ["$.registers[0].transfers[0]"] == _hits("RK-TRANSFER-DPF-CERTIFICATION",
                                                     _DPF.replace("dpf_certified = true\n", ""))

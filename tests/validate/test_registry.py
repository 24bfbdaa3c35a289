"""The rule registry: rule definitions, registration, selectors and message formatting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import Language, LocalizedText
from rekisterikit.validate import Context, Hit, Registry, Rule, UnknownRuleError, rule
from rekisterikit.validate.registry import placeholders


def _rule(rule_id: str, requirement: Requirement = Requirement.CLARITY) -> Rule:
    return Rule(id=rule_id, requirement=requirement, severity=Severity.WARNING, article="GDPR 12(1)", title="t",
                message=LocalizedText(fi="fi {x}", sv="sv {x}", en="en {x}"), check=lambda ctx: iter(()))


def test_rule_ids_must_be_upper_case_words_joined_by_hyphens() -> None:
    """'rk-retention' and 'RETENTION' are refused; 'SHOP-X1' is fine."""
    for bad in ("rk-retention", "RETENTION", "RK_RETENTION", "RK-"):
        with pytest.raises(ValueError, match="invalid rule id"):
            _rule(bad)
    assert "SHOP-X1" == _rule("SHOP-X1").id


def test_placeholders_must_match_across_languages() -> None:
    """A message whose Swedish text uses another placeholder than the Finnish is refused."""
    with pytest.raises(ValueError, match="placeholders differ"):
        Rule(id="SHOP-X", requirement=Requirement.CLARITY, severity="info", article="a", title="t",
             message=LocalizedText(fi="{a}", sv="{b}", en="{a}"), check=lambda ctx: iter(()))
    assert frozenset({"a", "b"}) == placeholders("{a} and {b} and {{literal}}")


def test_format_resolves_localized_values_per_language_with_fallback() -> None:
    """A LocalizedText value is taken in each message language, falling back to the statement's languages."""
    r = _rule("SHOP-X")
    message = r.format(Hit("$", {"x": LocalizedText(fi="tilaus", en="order")}), (Language.FI,))
    assert LocalizedText(fi="fi tilaus", sv="sv tilaus", en="en order") == message


def test_registry_refuses_a_duplicate_id() -> None:
    """Registering two rules with one id is an error that names the first rule's origin."""
    registry = Registry([_rule("SHOP-X")])
    with pytest.raises(ValueError, match="already registered"):
        registry.add(_rule("SHOP-X"))


def test_selectors_match_ids_prefixes_and_requirement_codes() -> None:
    """'SHOP-A' selects one rule, 'SHOP' every SHOP- rule, a requirement code its rules; others raise."""
    registry = Registry([_rule("SHOP-A-ONE"), _rule("SHOP-A-TWO"), _rule("SHOP-B", Requirement.RETENTION)])
    assert ["SHOP-A-ONE"] == [r.id for r in registry.select(["SHOP-A-ONE"])]
    assert ["SHOP-A-ONE", "SHOP-A-TWO"] == [r.id for r in registry.select(["SHOP-A"])]
    assert ["SHOP-B"] == [r.id for r in registry.select(["retention"])]
    assert ["SHOP-B"] == [r.id for r in registry.select(None, ["SHOP-A"])]
    assert () == registry.matching("SHOP-A-ON")  # a prefix ends at a hyphen
    with pytest.raises(UnknownRuleError, match="unknown rule 'NOPE'"):
        registry.select(["NOPE"])


def test_decorator_registers_a_shop_rule_that_validate_runs() -> None:
    """@rule(registry=…) registers the function; validate() with that registry reports its hits."""
    from rekisterikit import loads
    from rekisterikit.validate import validate

    registry = Registry()

    @rule(id="SHOP-NAME-LENGTH", requirement=Requirement.CONTROLLER_IDENTITY, severity=Severity.INFO,
          article="GDPR 13(1)(a)", title="Short names", registry=registry,
          message=LocalizedText(fi="Nimi {name} on lyhyt.", sv="Namnet {name} är kort.",
                                en="The name {name} is short."))
    def short_name(ctx: Context) -> Iterator[Hit]:
        if len(ctx.statement.controller.name) < 4:
            yield Hit("$.controller.name", {"name": ctx.statement.controller.name})

    report = validate(loads('[controller]\nname = "Abc"\n'), registry=registry)
    assert [("SHOP-NAME-LENGTH", "$.controller.name", "The name Abc is short.")] == [
        (f.rule, f.path, f.message.en) for f in report.findings]
    assert "tests" == registry["SHOP-NAME-LENGTH"].origin

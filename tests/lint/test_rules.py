"""The lint rule table: ids, trilingual messages, where missing items belong, documentation."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from rekisterikit.lint.lexicon import lexicon
from rekisterikit.lint.rules import RULES, rule
from rekisterikit.model import Language
from rekisterikit.validate.registry import placeholders

DOCS = Path(__file__).resolve().parents[2] / "docs" / "lint.md"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_has_an_id_and_a_message_in_three_languages(rule_id: str) -> None:
    """Ids read RK-LINT-…; each message exists in fi, sv and en with the same placeholders."""
    r = rule(rule_id)
    assert re.fullmatch(r"RK-LINT(-[A-Z0-9]+)+", r.id)
    names = {lang: placeholders(r.message.get(lang) or "") for lang in Language}
    assert all(r.message.get(lang) for lang in Language)
    assert names[Language.FI] == names[Language.SV] == names[Language.EN]
    assert names[Language.FI] <= {"term", "value"}


def test_missing_rules_name_sections_the_lexicons_know() -> None:
    """A missing item's path names a section kind that every language can label."""
    kinds = set(lexicon("fi").headings)
    problems = [r.id for r in RULES.values() if r.missing and not (r.where and set(r.where) <= kinds)]
    assert [] == problems


def test_every_rule_is_used_and_documented() -> None:
    """Each rule is raised somewhere in the checks and listed in docs/lint.md."""
    source = files("rekisterikit.lint").joinpath("checks.py").read_text(encoding="utf-8")
    docs = DOCS.read_text(encoding="utf-8")
    assert [] == [r for r in RULES if f'"{r}"' not in source and r.replace("RK-LINT-", "") not in source]
    assert [] == [r for r in RULES if f"`{r}`" not in docs]

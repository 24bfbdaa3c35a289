"""The public hypothesis strategies: valid model objects, compliant statements, hostile text, consent states."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from rekisterikit import Statement, validate
from rekisterikit.consent import consent_fingerprint, offered_categories
from rekisterikit.consent.state import ConsentState
from rekisterikit.model import CookieCategory, Language, LocalizedText, Transfer
from rekisterikit.testing import strategies as rks
from rekisterikit.validate import data
from rekisterikit.validate.paths import walk_texts

#: find() without shrinking: the first example that shows a property is enough, and shrinking statements is slow.
FIND = settings(max_examples=2000, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))


def _errors(statement: Statement) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in validate(statement).findings if f.severity.value == "error"]


@given(rks.statements(compliant=True))
def test_compliant_statements_have_no_error_findings(statement: Statement) -> None:
    """Every statement statements(compliant=True) builds passes the validators without a single error."""
    assert [] == _errors(statement)


@pytest.mark.parametrize("value", ["458/2002", "Laki 516/2004", "HetiL", "rekisteriseloste", "Tarkastusoikeus"])
def test_compliant_text_avoids_every_term_the_outdated_law_rules_flag(value: str) -> None:
    """A text the outdated-law rules would flag never reaches a compliant statement, whatever the hand-kept list
    says (the rules' own patterns are asked; "458/2002" once slipped through as a register name)."""
    assert not rks._plain(value)
    assert rks._plain("Asiakasrekisteri 2026")


@settings(max_examples=50)
@given(rks.statements(compliant=True, text=rks.hostile_texts(), max_registers=2))
def test_compliant_statements_with_hostile_text_have_no_error_findings(statement: Statement) -> None:
    """Compliance does not depend on the wording: hostile text in every field still gives no error."""
    assert [] == _errors(statement)


# find() prints the repr of the example it found; a large statement's repr (over 30 kB) makes hypothesis warn, and the
# suite turns warnings into errors. The repr is never read here, so that warning alone is ignored.
@pytest.mark.filterwarnings("ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning")
def test_compliant_statements_cover_what_the_rules_look_at() -> None:
    """The compliant strategy reaches the interesting cases: third-country transfers, consent cookies, marketing."""
    def third_country_cookie(s: Statement) -> bool:
        eea = data.eea().codes
        return any(c.country is not None and c.country.code not in eea and c.category is CookieCategory.MARKETING
                   for c in s.cookies)

    found = find(rks.statements(compliant=True), third_country_cookie, settings=FIND)
    assert [] == _errors(found)
    special = find(rks.statements(compliant=True),
                   lambda s: any(c.special for r in s.registers for c in r.data_categories), settings=FIND)
    assert [] == _errors(special)


@given(rks.statements(max_registers=1, max_cookies=1))
def test_bounds_are_respected(statement: Statement) -> None:
    """max_registers and max_cookies bound the generated statements."""
    assert len(statement.registers) <= 1
    assert len(statement.cookies) <= 1


@given(rks.hostile_texts())
def test_hostile_texts_are_never_blank(value: str) -> None:
    """Hostile text is still valid shop-written text: never empty or only white space."""
    assert value.strip()


def test_hostile_texts_contain_markup_control_characters_and_long_words() -> None:
    """The hostile strategy produces scripts, control characters and words of hundreds of characters."""
    assert "<script>" in find(rks.hostile_texts(), lambda s: "<script>" in s, settings=FIND)
    control = find(rks.hostile_texts(), lambda s: any(unicodedata.category(c) == "Cc" for c in s), settings=FIND)
    assert any(unicodedata.category(c) == "Cc" for c in control)
    long_word = find(rks.hostile_texts(), lambda s: max(map(len, s.split())) >= 200, settings=FIND)
    assert max(map(len, long_word.split())) >= 200


def test_statements_take_their_text_from_the_text_strategy() -> None:
    """text= reaches every shop-written text, e.g. the controller's name and the register names."""
    statement = find(rks.statements(text=st.just("<b>x</b>"), max_registers=1),
                     lambda s: bool(s.registers), settings=FIND)
    assert "<b>x</b>" == statement.controller.name
    assert {"<b>x</b>"} == set(statement.registers[0].name.texts())
    compliant = find(rks.statements(compliant=True, text=st.just("<b>x</b>")), lambda s: True, settings=FIND)
    assert compliant.controller.name.startswith("<b>x</b> ")


@given(rks.statements(text=rks.hostile_texts(), max_registers=2))
def test_hostile_statements_are_valid_model_objects_with_non_blank_texts(statement: Statement) -> None:
    """Statements full of hostile text are still valid: each text variant is non-blank."""
    for _, value in walk_texts(statement):
        variants = value.texts() if isinstance(value, LocalizedText) else (value,)
        assert all(v.strip() for v in variants)


@given(rks.localized_texts(languages=(Language.FI, Language.SV), complete=True))
def test_complete_localized_texts_have_every_language(text: LocalizedText) -> None:
    """complete=True gives every requested language and no other."""
    assert (Language.FI, Language.SV) == text.languages


@given(rks.transfers(compliant=True))
def test_compliant_transfers_go_outside_the_eea_with_a_valid_mechanism(transfer: Transfer) -> None:
    """A compliant transfer names a third country and a mechanism; adequacy only where a decision exists."""
    assert transfer.country is not None
    assert transfer.country.code not in data.eea().codes
    assert transfer.mechanism is not None
    if transfer.mechanism.value == "adequacy":
        assert transfer.country.code in data.adequacy()[1]


@given(st.data())
def test_consent_states_for_a_statement_are_bound_to_it(data_: st.DataObject) -> None:
    """consent_states(statement) carries its version and fingerprint and grants only offered categories."""
    statement = data_.draw(rks.statements(max_registers=0))
    state: ConsentState = data_.draw(rks.consent_states(statement))
    assert statement.version == state.version
    assert consent_fingerprint(statement) == state.fingerprint
    assert state.granted <= set(offered_categories(statement))


@given(rks.consent_states(granted=st.just(frozenset({CookieCategory.MARKETING}))))
def test_consent_states_take_granted_categories(state: ConsentState) -> None:
    """granted= fixes the granted categories."""
    assert frozenset({CookieCategory.MARKETING}) == state.granted

"""The built-in rules: each fires on its example and stays quiet on its fix and on a compliant statement."""

from __future__ import annotations

import re

import attrs
import pytest

from rekisterikit import Statement, loads
from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import BusinessId, Controller, Language
from rekisterikit.validate import REGISTRY, Rule, validate
from rekisterikit.validate.docs import builtin_rules
from rekisterikit.validate.registry import Hit

RULES = list(builtin_rules())
NO_EXAMPLE = {"RK-BUSINESS-ID-INVALID"}  # a malformed business id cannot be loaded from a file


def _fired(text: str, rule_id: str) -> list[str]:
    report = validate(loads(text), select=[rule_id])
    return [f.path for f in report.findings if f.rule == rule_id]


@pytest.mark.parametrize("rule", [r for r in RULES if r.id not in NO_EXAMPLE], ids=lambda r: r.id)
def test_rule_fires_on_its_example(rule: Rule) -> None:
    """Each rule reports at least one finding on its documented example."""
    assert rule.example is not None
    assert _fired(rule.example, rule.id), f"{rule.id} is quiet on its example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.id not in NO_EXAMPLE], ids=lambda r: r.id)
def test_rule_is_quiet_on_its_fix(rule: Rule) -> None:
    """Each rule reports nothing on the corrected version of its example."""
    assert rule.fixed is not None
    assert [] == _fired(rule.fixed, rule.id)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_quiet_on_a_compliant_statement(rule: Rule, compliant: Statement) -> None:
    """No rule fires on the hand-built compliant statement."""
    report = validate(compliant, select=[rule.id])
    assert [] == [(f.rule, f.path) for f in report.findings]


def test_compliant_statement_has_no_findings_at_all(compliant: Statement) -> None:
    """The whole rule set finds nothing on the compliant statement, its valid ignore included."""
    assert {"error": 0, "warning": 0, "info": 0} == validate(compliant).summary


def test_every_builtin_rule_is_documented() -> None:
    """Every built-in rule has a title, trigger, fix, article and (but one) an example and a fix."""
    for rule in RULES:
        assert all((rule.title, rule.trigger, rule.fix, rule.article)), rule.id
        assert rule.id.startswith("RK-"), rule.id
        if rule.id not in NO_EXAMPLE:
            assert all((rule.example, rule.fixed)), rule.id


def test_every_requirement_code_of_the_statement_model_has_a_rule() -> None:
    """The built-in rules cover every requirement code of LEGAL.md that applies to structured statements."""
    covered = {r.requirement for r in RULES}
    assert set(Requirement) == covered


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("rule", [r for r in RULES if r.id not in NO_EXAMPLE], ids=lambda r: r.id)
def test_messages_are_translated_and_filled_in(rule: Rule) -> None:
    """The example's findings have a message in fi, sv and en, all different, with no placeholder left over."""
    assert rule.example is not None
    report = validate(loads(rule.example), select=[rule.id])
    for finding in report.findings:
        texts = [finding.message.get(lang) for lang in Language]
        assert all(texts), f"{rule.id}: missing translation"
        assert len(set(texts)) == 3, f"{rule.id}: translations are identical"
        for text in texts:
            assert text is not None
            assert not _PLACEHOLDER.search(text), f"{rule.id}: unfilled placeholder in {text!r}"
            assert text[-1] in ".!?)", f"{rule.id}: message does not end a sentence: {text!r}"


def test_message_without_a_translation_is_refused() -> None:
    """A rule whose message lacks a language cannot be created."""
    from rekisterikit.model import LocalizedText

    with pytest.raises(ValueError, match="lacks a translation: sv"):
        Rule(id="SHOP-X", requirement=Requirement.CLARITY, severity=Severity.INFO, article="GDPR 12(1)",
             title="x", message=LocalizedText(fi="a", en="b"), check=lambda ctx: iter(()))


def test_business_id_with_a_wrong_check_digit_is_reported() -> None:
    """A statement built in code with validators disabled and a bad check digit gets RK-BUSINESS-ID-INVALID."""
    with attrs.validators.disabled():
        statement = Statement(controller=Controller(name="X Oy", business_id=BusinessId("1234567-8"),
                                                    email="a@b.fi"))
    report = validate(statement, select=["RK-BUSINESS-ID-INVALID"])
    assert [("RK-BUSINESS-ID-INVALID", "$.controller.business_id")] == [(f.rule, f.path) for f in report.findings]
    assert 'The business ID "1234567-8" is invalid: the check digit does not match.' == report.findings[0].message.en
    valid = Statement(controller=Controller(name="X Oy", business_id=BusinessId("1234567-1"), email="a@b.fi"))
    assert () == validate(valid, select=["RK-BUSINESS-ID-INVALID"]).findings


def test_all_builtin_rules_are_in_the_default_registry() -> None:
    """Importing the rules registers every one of them in REGISTRY."""
    assert {r.id for r in RULES} <= {r.id for r in REGISTRY}
    assert len(RULES) >= 70


def _hits(rule_id: str, text: str) -> list[Hit]:
    from rekisterikit.validate.context import Context

    return list(REGISTRY[rule_id].check(Context(loads(text))))


CONTROLLER = '[controller]\nname = "Esimerkki Oy"\nemail = "a@esimerkki.fi"\n'
REGISTER = '\n[[registers]]\nkey = "r"\nname = "Rekisteri"\n'


def test_transfer_is_covered_by_the_recipient_name_without_a_country() -> None:
    """A transfer entry naming the recipient covers it even when the entry names no country."""
    text = (CONTROLLER + REGISTER + 'recipients = [{ name = "Shopify Inc.", country = "CA" }]\n'
            'transfers = [{ recipients = ["Shopify Inc."], mechanism = "adequacy" }]\n')
    assert [] == _hits("RK-TRANSFER-UNDISCLOSED", text)


def test_cookie_provider_outside_the_eea_needs_a_transfer_in_some_register() -> None:
    """A US cookie provider is an undisclosed transfer until any register's transfers name the US."""
    cookie = ('\n[[cookies]]\nname = "_fbp"\nprovider = "Meta Platforms Inc."\nparty = "third"\n'
              'category = "marketing"\npurpose = "Mainonta"\nduration = "P3M"\ncountry = "US"\n'
              'legal_basis = "consent"\n')
    assert ["$.cookies[0]"] == [h.path for h in _hits("RK-TRANSFER-UNDISCLOSED", CONTROLLER + cookie + REGISTER)]
    covered = CONTROLLER + cookie + REGISTER + 'transfers = [{ country = "US", mechanism = "dpf" }]\n'
    assert [] == _hits("RK-TRANSFER-UNDISCLOSED", covered)


def test_adequacy_claimed_for_the_united_states_is_an_error_and_dpf_outside_the_us_too() -> None:
    """US adequacy exists only through the DPF; the DPF covers no other country."""
    us = CONTROLLER + REGISTER + 'transfers = [{ country = "US", mechanism = "adequacy" }]\n'
    ch = CONTROLLER + REGISTER + 'transfers = [{ country = "CH", mechanism = "dpf" }]\n'
    ok = CONTROLLER + REGISTER + 'transfers = [{ country = "JP", mechanism = "adequacy" }]\n'
    assert 1 == len(_hits("RK-TRANSFER-NO-ADEQUACY", us))
    assert 1 == len(_hits("RK-TRANSFER-NO-ADEQUACY", ch))
    assert [] == _hits("RK-TRANSFER-NO-ADEQUACY", ok)


def test_books_and_financial_statements_need_ten_years() -> None:
    """A retention rule about financial statements is held to 10 years, vouchers to 6."""
    purpose = ('\n[[registers.purposes]]\nkey = "kp"\ndescription = "Kirjanpito"\nkind = "accounting"\n'
               'legal_basis = "legal_obligation"\nlegal_obligation = "Kirjanpitolaki 1336/1997"\n')
    books = ('\n[[registers.retention]]\npurposes = ["kp"]\nperiod = "P6Y"\nstart = "financial_period_end"\n'
             'criteria = "Tilinpäätös ja pääkirja"\n')
    vouchers = '\n[[registers.retention]]\npurposes = ["kp"]\nperiod = "P6Y"\n'
    assert 1 == len(_hits("RK-RETENTION-ACCOUNTING", CONTROLLER + REGISTER + purpose + books))
    assert [] == _hits("RK-RETENTION-ACCOUNTING", CONTROLLER + REGISTER + purpose + vouchers)


def test_profiling_on_contract_is_misuse_whatever_the_kind() -> None:
    """A purpose flagged as profiling cannot rest on contract even without a marketing kind."""
    text = (CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "p"\ndescription = "Suosittelu"\n'
            'legal_basis = "contract"\nprofiling = true\n')
    hits = _hits("RK-BASIS-CONTRACT-MISUSE", text)
    assert ["$.registers[0].purposes[0]"] == [h.path for h in hits]


def test_business_to_business_email_marketing_needs_no_consent() -> None:
    """917/2014 200 § consent applies to consumers: marketing to businesses is not reported."""
    text = (CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "b2b"\ndescription = "Yritysmarkkinointi"\n'
            'kind = "direct_marketing"\ndirect_marketing = ["email"]\nmarketing_audience = "businesses"\n'
            'legal_basis = "legitimate_interests"\nlegitimate_interest = "Tuotteiden tarjoaminen yritysasiakkaille"\n')
    assert [] == _hits("RK-MARKETING-ELECTRONIC-CONSENT", text)


def test_special_category_unused_by_any_purpose_is_reported_on_the_category() -> None:
    """Special-category data no purpose uses is reported at the category itself."""
    text = (CONTROLLER + REGISTER + '\n[[registers.data_categories]]\nkey = "terveys"\nname = "Terveys"\n'
            'special = true\n')
    assert ["$.registers[0].data_categories[0]"] == [h.path for h in _hits("RK-SPECIAL-CATEGORY", text)]


def test_generic_legitimate_interest_is_recognised_in_swedish_and_english() -> None:
    """'Berättigat intresse' and 'Business purposes' are as generic as 'oikeutettu etu'."""
    for interest in ("Berättigat intresse", "Business purposes.", "Oikeutettu etu"):
        text = (CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "p"\ndescription = "Analytiikka"\n'
                f'legal_basis = "legitimate_interests"\nlegitimate_interest = "{interest}"\n')
        assert 1 == len(_hits("RK-LEGITIMATE-INTEREST-GENERIC", text)), interest


def test_current_name_of_traficom_is_not_an_outdated_term() -> None:
    """'Liikenne- ja viestintävirasto' is Traficom's current name; bare 'Viestintävirasto' is the former one."""
    current = 'intro = "Valvova viranomainen on Liikenne- ja viestintävirasto Traficom."\n' + CONTROLLER
    former = 'intro = "Evästeohjeet: Viestintävirasto."\n' + CONTROLLER
    assert [] == _hits("RK-OUTDATED-TERM", current)
    assert 1 == len(_hits("RK-OUTDATED-TERM", former))


def test_missing_language_lists_each_missing_language() -> None:
    """A text in Finnish only, in a fi/sv/en statement, names Swedish and English as missing."""
    text = 'languages = ["fi", "sv", "en"]\ntitle = "Tietosuojaseloste"\n' + CONTROLLER
    report = validate(loads(text), select=["RK-LANGUAGE-MISSING"])
    assert ["$.title"] == [f.path for f in report.findings]
    assert "The text is missing in: Swedish, English." == report.findings[0].message.en.split(" The")[0]


def test_cookie_consent_is_required_for_tracking_described_only_in_prose() -> None:
    """An analytics purpose and a cookie notice without declared cookies still need opt-in consent."""
    text = (CONTROLLER + '\n[cookie_policy]\nconsent = "notice_only"\ntext = "Käytämme evästeitä."\n' + REGISTER
            + '\n[[registers.purposes]]\nkey = "a"\ndescription = "Kävijäseuranta"\nkind = "analytics"\n')
    assert ["$.cookie_policy.consent"] == [h.path for h in _hits("RK-COOKIE-CONSENT", text)]


def test_expired_adequacy_decision_no_longer_covers_transfers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A decision past its valid_until date (the UK's sunset clause) is treated as absent."""
    import datetime as dt

    from rekisterikit.validate import data

    as_of, decisions = data.adequacy()
    expired = attrs.evolve(decisions["GB"], valid_until=dt.date(2020, 1, 1))
    monkeypatch.setattr(data, "adequacy", lambda: (as_of, {**decisions, "GB": expired}))
    text = CONTROLLER + REGISTER + 'transfers = [{ country = "GB", mechanism = "adequacy" }]\n'
    assert 1 == len(_hits("RK-TRANSFER-NO-ADEQUACY", text))

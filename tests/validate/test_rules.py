"""The built-in rules: each fires on its example and stays quiet on its fix and on a compliant statement."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from rekisterikit import Statement, load, loads
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


# -- issue 21: rules fixed and added, each with the published example that motivated it -------------------------

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"


def _seed(name: str, *rule_ids: str) -> list[tuple[str, str, str]]:
    report = validate(load(EXAMPLES / f"{name}.toml"), select=list(rule_ids))
    return [(f.rule, f.severity.value, f.path) for f in report.findings]


def test_source_public_is_a_reminder_on_the_seed_that_lists_sources_by_type() -> None:
    """Kalvokeskus (seed 003) names its sources by type only: whether they are public is asked 'if applicable', of
    the two that may be (authority sources, contact directories), not of the credit information companies nor of the
    population register, which disclose data only with a legal ground or a permit (issue 21, round 7)."""
    found = _seed("kalvokeskus", "RK-SOURCE-PUBLIC")
    assert 2 == len(found)
    assert {"info"} == {severity for _, severity, _ in found}


def test_language_cookie_chosen_by_the_user_needs_no_consent() -> None:
    """A preferences cookie that only stores the visitor's explicit choice is exempt (205 § 2 mom); others are not."""
    cookie = ('\n[[cookies]]\nname = "kieli"\nprovider = "Esimerkki Oy"\nparty = "first"\ncategory = "preferences"\n'
              'purpose = "Valittu kieli"\nduration = "P1Y"\nlegal_basis = "legitimate_interests"\n')
    assert 1 == len(_hits("RK-COOKIE-BASIS", CONTROLLER + cookie))
    assert [] == _hits("RK-COOKIE-BASIS", CONTROLLER + cookie + "user_choice = true\n")
    statistics = cookie.replace('"preferences"', '"statistics"') + "user_choice = true\n"
    assert 1 == len(_hits("RK-COOKIE-BASIS", CONTROLLER + statistics)), "the exemption is for preferences only"


def test_a_site_with_only_a_chosen_language_cookie_needs_no_consent_banner() -> None:
    """With only a user_choice preferences cookie, no consent is needed, so 'no consent asked' is no error."""
    text = (CONTROLLER + '\n[[cookies]]\nname = "kieli"\nparty = "first"\ncategory = "preferences"\n'
            'purpose = "Valittu kieli"\nduration = "P1Y"\nuser_choice = true\n'
            '\n[cookie_policy]\nconsent = "none"\nwithdraw = false\n')
    assert [] == _hits("RK-COOKIE-CONSENT", text)
    assert [] == _hits("RK-COOKIE-WITHDRAW", text)


def test_etamyynti_alone_is_the_current_consumer_protection_term() -> None:
    """'Etämyynti' is Kuluttajansuojalaki chapter 6's term; only HetiL 30 §'s formula is outdated."""
    current = 'intro = "Verkkokaupan etämyyntiin sovelletaan kuluttajansuojalakia."\n' + CONTROLLER
    formula = ('intro = "Voit kieltää tietojen käytön suoramainontaa, etämyyntiä ja muuta suoramarkkinointia '
               'varten."\n' + CONTROLLER)
    assert [] == _hits("RK-OUTDATED-TERM", current)
    assert 1 == len(_hits("RK-OUTDATED-TERM", formula))
    assert [] == _seed("ompelijan-paratiisi", "RK-OUTDATED-TERM")[1:], "only its 'rekisteriseloste' title"


def test_eu_representative_is_a_warning_and_yields_to_a_stated_exemption() -> None:
    """Outside the EEA without a representative: a warning naming Art. 3(2); a 27(2) exemption silences it."""
    base = '[controller]\nname = "Example Inc."\ncountry = "US"\nemail = "privacy@example.com"\n'
    report = validate(loads(base), select=["RK-EU-REPRESENTATIVE"])
    assert [Severity.WARNING] == [f.severity for f in report.findings]
    assert "Art. 3(2)" in (report.findings[0].message.en or "")
    exempt = base + 'representative_exemption = "public_authority"\n'
    assert [] == _hits("RK-EU-REPRESENTATIVE", exempt)
    assert [] == _hits("RK-EU-REPRESENTATIVE-EXEMPTION", exempt), "only 27(2)(a) gets the reminder"


def test_cookie_reject_cites_consent_law_not_withdrawal() -> None:
    """RK-COOKIE-REJECT rests on 4(11), recital 42, EDPB 03/2022, the taskforce report and Traficom, not 7(3)."""
    article = REGISTRY["RK-COOKIE-REJECT"].article
    assert "7(3)" not in article
    for cited in ("4(11)", "recital 42", "03/2022", "taskforce", "Traficom"):
        assert cited in article


def test_no_withdrawal_finding_where_no_consent_is_asked_at_all() -> None:
    """Monalisa (seed 000) asks no consent: RK-COOKIE-CONSENT reports it, RK-COOKIE-WITHDRAW does not repeat it."""
    assert [("RK-COOKIE-CONSENT", "error", "$.cookie_policy.consent")] == _seed(
        "monalisa", "RK-COOKIE-CONSENT", "RK-COOKIE-WITHDRAW")
    opt_out = CONTROLLER + ('\n[[cookies]]\nname = "_ga"\nparty = "first"\ncategory = "statistics"\n'
                            '\n[cookie_policy]\nconsent = "opt_out"\nwithdraw = false\n')
    assert 1 == len(_hits("RK-COOKIE-WITHDRAW", opt_out)), "a claimed consent must still be withdrawable"


def test_citations_completed() -> None:
    """The citations the lawyer asked for are in the rules' articles."""
    expected = {
        "RK-BUSINESS-ID": "2000/31/EC Art. 5(1)(d)", "RK-COMPLAINT-AUTHORITY": "Tietosuojalaki 1050/2018 8 §",
        "RK-SPECIAL-CATEGORY": "Tietosuojalaki 1050/2018 6 §", "RK-BASIS-PUBLIC-TASK": "Tietosuojalaki 1050/2018 4 §",
        "RK-ACCESS-REQUEST-ELECTRONIC": "recital 59",
        "RK-CREDIT-CHECK-REGISTER": "19 § 5–6 mom as applied to users by 1 §",
        "RK-CREDIT-CHECK-UNANNOUNCED": "19 § 5–6 mom as applied to users by 1 §",
        "RK-COOKIE-BASIS": "205 § 1–2 mom"}
    assert {} == {rule_id: cited for rule_id, cited in expected.items() if cited not in REGISTRY[rule_id].article}


def test_repealed_information_society_services_act_is_outdated_law() -> None:
    """Laki tietoyhteiskunnan palvelujen tarjoamisesta (458/2002) was repealed by 917/2014 on 1 January 2015."""
    text = 'cites = ["Laki tietoyhteiskunnan palvelujen tarjoamisesta (458/2002) 7 §"]\n' + CONTROLLER
    assert ["$.cites[0]"] == [h.path for h in _hits("RK-OUTDATED-LAW", text)]


def test_brand_name_without_legal_name_is_reported_on_the_seed_and_a_person_passes() -> None:
    """Webstrella (seed 004) gives only its brand; a private trader's own name (Kalvokeskus, seed 003) passes."""
    assert [("RK-CONTROLLER-LEGAL-NAME", "error", "$.controller.name")] == _seed(
        "webstrella", "RK-CONTROLLER-LEGAL-NAME")
    assert [] == _seed("kalvokeskus", "RK-CONTROLLER-LEGAL-NAME")
    for person in ("Anna-Liisa Virtanen", "Matti von Wright", "Jyri Tähtelä"):
        assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", f'[controller]\nname = "{person}"\nemail = "a@b.fi"\n'), person
    for name in ("Juhlatarvike Oy", "Oy Matkahuolto Ab", "Kauppa Tmi", "Example Ltd"):
        assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", f'[controller]\nname = "{name}"\nemail = "a@b.fi"\n'), name
    branded = '[controller]\nname = "Confetti"\nlegal_name = "Juhlatarvike Oy"\nemail = "a@b.fi"\n'
    assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", branded)
    assert 1 == len(_hits("RK-CONTROLLER-LEGAL-NAME", '[controller]\nname = "Ompelijan paratiisi"\nemail = "a@b.fi"\n'))


_HETU = ('\n[[registers.data_categories]]\nkey = "hetu"\nname = "Henkilötunnus"\npersonal_identity_code = true\n')


def _purpose(key: str, kind: str, basis: str = "contract", categories: str = '["hetu"]') -> str:
    return (f'\n[[registers.purposes]]\nkey = "{key}"\ndescription = "{key}"\nkind = "{kind}"\n'
            f'legal_basis = "{basis}"\ndata_categories = {categories}\n')


def test_personal_identity_code_only_for_credit_and_debt_collection() -> None:
    """Tietosuojalaki 29 §: orders, accounts and marketing are no ground; credit checks and collection are."""
    for kind in ("order", "account", "direct_marketing"):
        text = CONTROLLER + REGISTER + _purpose("p", kind) + _HETU
        assert ["$.registers[0].purposes[0]"] == [h.path for h in _hits("RK-PERSONAL-IDENTITY-CODE", text)], kind
    for kind in ("credit_check", "legal_claims"):
        assert [] == _hits("RK-PERSONAL-IDENTITY-CODE", CONTROLLER + REGISTER + _purpose("p", kind) + _HETU), kind
    unused = CONTROLLER + REGISTER + _purpose("p", "order", categories="[]") + _HETU
    assert ["$.registers[0].data_categories[0]"] == [h.path for h in _hits("RK-PERSONAL-IDENTITY-CODE", unused)]
    assert [] == _seed("kalvokeskus-corrected", "RK-PERSONAL-IDENTITY-CODE"), "the code only for the credit check"


def test_retention_on_request_or_an_undefined_customer_relationship_is_reported_on_the_seeds() -> None:
    """Confetti ('voidaan poistaa asiakkaan vaatimuksesta') and Ompelijan paratiisi ('asiakassuhteen jatkumisen
    ajan') leave retention open; a relationship whose end is defined does not."""
    assert [("RK-RETENTION-UNDEFINED", "warning", "$.registers[0].retention[0]")] == _seed(
        "confetti", "RK-RETENTION-UNDEFINED")
    assert 1 == len(_seed("ompelijan-paratiisi", "RK-RETENTION-UNDEFINED"))
    defined = (CONTROLLER + REGISTER + '\n[[registers.retention]]\ncriteria = "Asiakassuhteen ajan; asiakassuhde '
               'katsotaan päättyneeksi, kun viimeisestä ostosta on kulunut kaksi vuotta."\n')
    assert [] == _hits("RK-RETENTION-UNDEFINED", defined)
    swedish = (CONTROLLER + REGISTER + '\n[[registers.retention]]\ncriteria = "Uppgifterna kan raderas på kundens '
               'begäran."\n')
    assert 1 == len(_hits("RK-RETENTION-UNDEFINED", swedish))


def test_a_shop_that_sells_without_accounting_records_is_reported() -> None:
    """Monalisa (seed 000) sells and never mentions accounting; Kalvokeskus (seed 003) has it as a purpose."""
    assert 1 == len(_seed("monalisa", "RK-RETENTION-ACCOUNTING-MISSING"))
    assert [] == _seed("kalvokeskus", "RK-RETENTION-ACCOUNTING-MISSING")
    by_retention = (CONTROLLER + REGISTER + _purpose("t", "order", categories="[]")
                    + '\n[[registers.retention]]\nperiod = "P6Y"\nlegal_reference = "Kirjanpitolaki 1336/1997"\n')
    assert [] == _hits("RK-RETENTION-ACCOUNTING-MISSING", by_retention)


def test_credit_check_prompts_an_article_22_review_unless_the_statement_takes_a_position() -> None:
    """A credit check with no word on automated decisions is prompted (C-634/21); 'a person decides' is quiet."""
    check = CONTROLLER + REGISTER + _purpose("luotto", "credit_check", categories="[]")
    assert ["$.registers[0].purposes[0]"] == [h.path for h in _hits("RK-CREDIT-CHECK-AUTOMATED", check)]
    stated = check.replace(REGISTER, REGISTER + "automated_decisions = { used = false }\n")
    assert [] == _hits("RK-CREDIT-CHECK-AUTOMATED", stated)
    assert [] == _seed("kalvokeskus-corrected", "RK-CREDIT-CHECK-AUTOMATED")


def test_silent_statement_naming_providers_commonly_outside_the_eea_is_warned() -> None:
    """A recipient or cookie of Google, Meta, Mailchimp … with no word on transfers gets a warning; transfers = []
    or a stated transfer silences it, and a recipient already placed outside the EEA is another rule's."""
    google = 'recipients = [{ name = "Google Ireland Limited", role = "processor", country = "IE" }]\n'
    assert 1 == len(_hits("RK-TRANSFERS-SILENT", CONTROLLER + REGISTER + google))
    assert [] == _hits("RK-TRANSFERS-SILENT", CONTROLLER + REGISTER + google + "transfers = []\n")
    us = 'recipients = [{ name = "Mailchimp", role = "processor", country = "US" }]\n'
    assert [] == _hits("RK-TRANSFERS-SILENT", CONTROLLER + REGISTER + us)
    local = 'recipients = [{ name = "Posti Oy", role = "processor", country = "FI" }]\n'
    assert [] == _hits("RK-TRANSFERS-SILENT", CONTROLLER + REGISTER + local)
    cookies = ('\n[[cookies]]\nname = "_ga"\nparty = "first"\ncategory = "statistics"\n'
               '\n[[cookies]]\nname = "_ga_*"\nparty = "first"\ncategory = "statistics"\n')
    assert ["$.cookies[0]"] == [h.path for h in _hits("RK-TRANSFERS-SILENT", CONTROLLER + cookies + REGISTER)]
    assert [] == _hits("RK-TRANSFERS-SILENT", CONTROLLER + cookies + REGISTER + "transfers = []\n")


def test_consent_records_without_withdrawal_are_reported_on_the_seed() -> None:
    """Confetti (seed 002) keeps 'Lupatiedot' and says nothing of withdrawing consent."""
    assert [("RK-WITHDRAW-CONSENT-RECORDS", "warning", "$.registers[0].data_categories[3]")] == _seed(
        "confetti", "RK-WITHDRAW-CONSENT-RECORDS")
    refusals = (CONTROLLER + REGISTER + '\n[[registers.data_categories]]\nkey = "kiellot"\n'
                'name = "Markkinointikiellot"\n\n[rights]\nwithdraw_consent = false\n')
    assert [] == _hits("RK-WITHDRAW-CONSENT-RECORDS", refusals), "a record of refusals implies no consent"


def test_new_purpose_announcement_is_recognised_in_each_language() -> None:
    """The seeds do not promise to announce new purposes (13(3)); the corrected examples and sv/en wording do."""
    assert ["$.changes"] == [p for _, _, p in _seed("confetti", "RK-CHANGES-NEW-PURPOSE")]
    assert [] == _seed("monalisa-corrected", "RK-CHANGES-NEW-PURPOSE")
    for wording in ("Om vi vill använda uppgifterna för ett nytt ändamål informerar vi dig i förväg.",
                    "Before we use your data for a new purpose, we tell you."):
        assert [] == _hits("RK-CHANGES-NEW-PURPOSE", f'changes = "{wording}"\n' + CONTROLLER), wording


def test_transfer_impact_assessment_reminder_for_article_46_transfers() -> None:
    """Monalisa-corrected transfers on the 2021 SCCs: the reminder is information, silenced by impact_assessed."""
    assert [("RK-TRANSFER-IMPACT-ASSESSMENT", "info", "$.registers[0].transfers[0].mechanism")] == _seed(
        "monalisa-corrected", "RK-TRANSFER-IMPACT-ASSESSMENT")
    dpf = CONTROLLER + REGISTER + 'transfers = [{ country = "US", mechanism = "dpf", dpf_certified = true }]\n'
    assert [] == _hits("RK-TRANSFER-IMPACT-ASSESSMENT", dpf)


def test_statutory_requirement_once_per_register_and_only_for_data_asked() -> None:
    """Monalisa (seed 000) had one error per purpose; now one per register names them all. Data collected
    automatically or marked not_requested is outside 13(2)(e); forms that show it answer it (WP260 layering)."""
    found = _seed("monalisa", "RK-STATUTORY-REQUIREMENT")
    assert [("RK-STATUTORY-REQUIREMENT", "error", "$.registers[0].purposes")] == found
    two = (CONTROLLER + REGISTER + _purpose("tilaukset", "order", categories="[]")
           + _purpose("markkinointi", "direct_marketing", basis="consent", categories="[]"))
    report = validate(loads(two), select=["RK-STATUTORY-REQUIREMENT"])
    assert 1 == len(report.findings)
    assert "(tilaukset, markkinointi)" in (report.findings[0].message.en or "")
    device = two + '\n[[registers.sources]]\nkind = "device"\n'
    assert [] == _hits("RK-STATUTORY-REQUIREMENT", device)
    forms = two.replace(REGISTER, REGISTER + "provision_at_collection = true\n")
    assert [] == _hits("RK-STATUTORY-REQUIREMENT", forms)
    logs = CONTROLLER + REGISTER + _purpose("lokit", "security", basis="legitimate_interests", categories="[]")
    assert [] == _hits("RK-STATUTORY-REQUIREMENT", logs + 'provision = "not_requested"\n')
    no_consequence = CONTROLLER + REGISTER + _purpose("t", "order", categories="[]") + (
        'provision = "contract_precondition"\n')
    assert 1 == len(_hits("RK-STATUTORY-REQUIREMENT", no_consequence)), "what follows if the data is not given"


def test_claim_that_browser_data_is_not_linked_to_identity_is_reported_on_the_seed() -> None:
    """Kalvokeskus (seed 003) calls its browser data 'ei yhdistetä henkilöllisyyteen' (C-582/14 Breyer)."""
    assert [("RK-IP-NOT-PERSONAL", "warning", "$.registers[0].data_categories[2].name")] == _seed(
        "kalvokeskus", "RK-IP-NOT-PERSONAL")
    for claim in ("IP addresses are never linked to your identity.", "Uppgifterna kopplas inte till din identitet.",
                  "IP-osoitetta ei voida yhdistää yksittäiseen käyttäjään."):
        assert 1 == len(_hits("RK-IP-NOT-PERSONAL", f'intro = "{claim}"\n' + CONTROLLER)), claim
    honest = 'intro = "Keräämme IP-osoitteen, joka on henkilötieto, tietoturvan vuoksi."\n' + CONTROLLER
    assert [] == _hits("RK-IP-NOT-PERSONAL", honest)


def test_a_named_cookie_provider_is_not_second_guessed_from_the_cookie_name() -> None:
    """A shop's own cookie called 'fr' is not Meta's: the name is used only when no provider is given."""
    own = (CONTROLLER + '\n[[cookies]]\nname = "fr"\nprovider = "Esimerkki Oy"\nparty = "first"\n'
           'category = "preferences"\n')
    assert [] == _hits("RK-TRANSFERS-SILENT", own + REGISTER)
    unnamed = CONTROLLER + '\n[[cookies]]\nname = "fr"\nparty = "third"\ncategory = "marketing"\n'
    assert 1 == len(_hits("RK-TRANSFERS-SILENT", unnamed + REGISTER))

"""The checks: conditional items apply only when the text makes them apply; flags quote the sentence."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Evidence, Requirement, Severity
from rekisterikit.lint.checks import Outcome
from rekisterikit.lint.linter import LintResult, lint_text

R = Requirement


def _lint(text: str, lang: str | None = None) -> LintResult:
    return lint_text(text, format="txt", language=lang)


def _rules(text: str, lang: str | None = None) -> set[str]:
    return {f.rule for f in _lint(text, lang).findings}


@pytest.mark.parametrize(("text", "outcome"), [
    ("Uutiskirje lähetetään suostumuksesi perusteella.", Outcome.MISSING),
    ("Uutiskirje lähetetään suostumuksesi perusteella. Voit peruuttaa suostumuksesi milloin tahansa.",
     Outcome.PROVIDED),
    ("Tietoja ei luovuteta ilman suostumustasi.", Outcome.NOT_APPLICABLE),
    ("Tilaukset toimitetaan sopimuksen perusteella.", Outcome.NOT_APPLICABLE),
    ("Evästeiden avulla seurataan kävijöitä.", Outcome.MISSING),
])
def test_withdrawal_applies_only_when_something_rests_on_consent(text: str, outcome: Outcome) -> None:
    """Consent, a newsletter or tracking cookies make the right to withdraw required; "without consent" does not."""
    assert outcome == _lint(text).outcome(R.WITHDRAW_CONSENT)


@pytest.mark.parametrize(("text", "outcome", "rules"), [
    ("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.", Outcome.NOT_APPLICABLE, set()),
    ("Tietoja siirretään Yhdysvaltoihin.", Outcome.MISSING, {"RK-LINT-TRANSFER-SAFEGUARDS"}),
    ("Tietoja siirretään Yhdysvaltoihin EU:n vakiolausekkeiden perusteella; jäljennöksen saa pyytämällä.",
     Outcome.PROVIDED, set()),
    ("Tietoja siirretään Yhdysvaltoihin vakiolausekkeiden perusteella.", Outcome.PROVIDED,
     {"RK-LINT-TRANSFER-COPY"}),
    ("Tietoja siirretään Yhdysvaltoihin Privacy Shield -järjestelyn perusteella.", Outcome.MISSING,
     {"RK-LINT-TRANSFER-SAFEGUARDS", "RK-LINT-PRIVACY-SHIELD"}),
])
def test_safeguards_apply_only_when_data_leaves_the_eea(text: str, outcome: Outcome, rules: set[str]) -> None:
    """A mechanism (and a way to get a copy) is needed only for a transfer the text describes."""
    result = _lint(text)
    assert outcome == result.outcome(R.TRANSFER_SAFEGUARDS)
    assert rules == {f.rule for f in result.findings} & {
        "RK-LINT-TRANSFER-SAFEGUARDS", "RK-LINT-TRANSFER-COPY", "RK-LINT-PRIVACY-SHIELD"}


def test_a_provider_outside_the_eea_not_disclosed_as_a_transfer() -> None:
    """Google named in the cookie text while the text says nothing leaves the EU is flagged."""
    result = _lint("Evästeet\nKäytämme Google Analytics -evästeitä.\n\n"
                   "Siirrot\nTietoja ei siirretä EU:n ulkopuolelle.\n")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in {f.rule for f in result.findings}
    assert Outcome.MISSING == result.outcome(R.THIRD_COUNTRY_TRANSFERS)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Tilaukset toimitetaan.", Outcome.NOT_APPLICABLE),
    ("Tietosuojavastaavamme on Maija Meikäläinen.", Outcome.MISSING),
    ("Tietosuojavastaavamme tavoittaa osoitteesta tsv@esimerkki.fi.", Outcome.PROVIDED),
    ("Emme ole nimittäneet tietosuojavastaavaa.", Outcome.NOT_APPLICABLE),
])
def test_dpo_contact_only_when_a_dpo_is_mentioned(text: str, outcome: Outcome) -> None:
    """A DPO needs contact details only when the text has one."""
    assert outcome == _lint(text).outcome(R.DPO_CONTACT)


def test_article_14_items_only_with_other_sources() -> None:
    """Sources and data categories are required when data comes from others (here: credit information)."""
    own = _lint("Tiedot saadaan asiakkaalta itseltään.")
    assert Outcome.NOT_APPLICABLE == own.outcome(R.SOURCES)
    assert Severity.INFO == next(f for f in own.findings if f.requirement is R.DATA_CATEGORIES).severity
    credit = _lint("Laskulla maksettaessa tarkistamme luottotiedot.")
    assert Outcome.MISSING == credit.outcome(R.SOURCES)
    assert Severity.ERROR == next(f for f in credit.findings if f.requirement is R.DATA_CATEGORIES).severity
    assert "RK-LINT-CREDIT-CHECK" in {f.rule for f in credit.findings}


def test_right_to_object_is_required_with_marketing_and_likely_with_analytics() -> None:
    """Marketing makes the objection right an error; analysis purposes (usually legitimate interests) a warning."""
    assert "RK-LINT-RIGHT-OBJECT" in _rules("Tietoja käytetään markkinointiin.")
    likely = _lint("Rekisterin käyttötarkoitus\nTietoja käytetään analysointiin ja tilastointiin.\n")
    assert [("RK-LINT-RIGHT-OBJECT-LIKELY", Severity.WARNING)] == [
        (f.rule, f.severity) for f in likely.findings if f.requirement is R.RIGHT_OBJECT]
    assert Outcome.NOT_APPLICABLE == _lint("Tietoja käytetään tilausten toimittamiseen.").outcome(R.RIGHT_OBJECT)


def test_objection_must_stand_apart() -> None:
    """An objection right stated only inside the purposes is flagged under GDPR 21(4); its own heading is fine."""
    inside = _rules("Käyttötarkoitus\nTietoja käytetään markkinointiin. Voit kieltää markkinoinnin.\n")
    apart = _rules("Käyttötarkoitus\nTietoja käytetään markkinointiin.\n\nOikeus vastustaa käsittelyä\n"
                   "Voit vastustaa markkinointia milloin tahansa.\n")
    assert "RK-LINT-OBJECT-SEPARATE" in inside
    assert "RK-LINT-OBJECT-SEPARATE" not in apart


@pytest.mark.parametrize(("text", "lang", "rule", "quote"), [
    ("Rekisteriseloste.\nHenkilötietolain (523/1999) 10 §:n mukainen.", "fi", "RK-LINT-HETIL",
     "Henkilötietolain (523/1999) 10 §:n mukainen."),
    ("Evästeet\nEvästeistä säädetään sähköisen viestinnän tietosuojalaissa (516/2004).", "fi", "RK-LINT-ESVTL",
     "Evästeistä säädetään sähköisen viestinnän tietosuojalaissa (516/2004)."),
    ("Överföringen grundar sig på standardavtalsklausulerna 2010/87/EU.", "sv", "RK-LINT-OLD-SCC",
     "Överföringen grundar sig på standardavtalsklausulerna 2010/87/EU."),
    ("Cookies\nBy continuing to browse the site you accept our cookies.", "en", "RK-LINT-COOKIE-IMPLIED",
     "By continuing to browse the site you accept our cookies."),
    ("Evästeet\nHyväksyt evästeet selaimen asetuksilla.", "fi", "RK-LINT-COOKIE-BROWSER",
     "Hyväksyt evästeet selaimen asetuksilla."),
    ("Cookies\nMarketing cookies are pre-ticked in the banner.", "en", "RK-LINT-COOKIE-PRETICKED",
     "Marketing cookies are pre-ticked in the banner."),
    ("Tarkastuspyyntö on lähetettävä kirjallisena ja omakätisesti allekirjoitettuna.", "fi",
     "RK-LINT-SIGNED-REQUEST", "Tarkastuspyyntö on lähetettävä kirjallisena ja omakätisesti allekirjoitettuna."),
    ("Lagringstid\nUppgifterna sparas så länge det är nödvändigt.", "sv", "RK-LINT-RETENTION-VAGUE",
     "Uppgifterna sparas så länge det är nödvändigt."),
    ("Purposes\nWe may use your data for some other purposes.", "en", "RK-LINT-VAGUE",
     "We may use your data for some other purposes."),
])
def test_flags_quote_the_sentence_and_its_line(text: str, lang: str, rule: str, quote: str) -> None:
    """Every flag carries the sentence it rests on and the line it starts on."""
    findings = [f for f in _lint(text, lang).findings if f.rule == rule]
    assert [Evidence(quote=quote, line=2 if "\n" in text else 1)] == [f.evidence for f in findings]


def test_missing_items_name_the_section_where_they_were_expected() -> None:
    """A missing item points at the section it belongs in, or names that section as absent."""
    result = _lint("Rekisteröidyn oikeudet\nSinulla on oikeus tarkastaa tietosi.\n")
    paths = {f.rule: f.path for f in result.findings}
    assert 'section "Rekisteröidyn oikeudet" (line 1)' == paths["RK-LINT-RIGHT-ERASURE"]
    assert 'section "Säilytysaika" (absent)' == paths["RK-LINT-RETENTION"]
    assert all(f.evidence is None for f in result.findings if f.rule == "RK-LINT-RETENTION")


def test_vague_retention_is_flagged_but_provided() -> None:
    """'As long as necessary' is a retention statement, but a vague one."""
    result = _lint("Retention\nWe keep your data for as long as necessary.\n", "en")
    assert Outcome.PROVIDED == result.outcome(R.RETENTION)
    assert ["RK-LINT-RETENTION-VAGUE"] == [f.rule for f in result.findings if f.requirement is R.RETENTION]


def test_an_invalid_business_id_is_flagged() -> None:
    """A Y-tunnus with a wrong check digit is reported with the value."""
    findings = [f for f in _lint("Esimerkki Oy, Y-tunnus 2745813-5").findings if f.requirement is R.BUSINESS_ID]
    assert ["RK-LINT-BUSINESS-ID-INVALID"] == [f.rule for f in findings]
    assert "2745813-5" in (findings[0].message.en or "")


def test_necessary_cookies_only_need_no_declaration() -> None:
    """Only necessary cookies: no consent and no per-cookie details are required."""
    result = _lint("Evästeet\nKäytämme vain ostoskorin toimintaan välttämättömiä evästeitä.\n")
    assert not {R.COOKIE_DETAILS, R.COOKIE_CONSENT} & {f.requirement for f in result.findings}


def test_customer_relationship_as_basis_is_invalid() -> None:
    """The Henkilötietolaki 'asiakassuhde' given as the ground is reported as no GDPR basis."""
    result = _lint("Rekisterin pitämisen peruste\nTietoja käsitellään asiakassuhteen perusteella.\n")
    assert {"RK-LINT-BASIS-INVALID", "RK-LINT-LEGAL-BASIS"} <= {f.rule for f in result.findings}


def test_every_requirement_gets_a_decision() -> None:
    """lint decides, for every requirement code, whether the text provides it."""
    assert set(Requirement) == set(_lint("Rekisteriseloste").decisions)

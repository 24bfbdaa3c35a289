"""Classes of error seen when the linter read twelve published statements of Finnish shops and services (issue 21,
round 5): each class with statements in our own words that show it, and statements that must still be read the other
way. No sentence here is taken from those statements."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(text: str, lang: str, fmt: str = "txt") -> set[str]:
    return {f.rule for f in _lint(text, lang, fmt).findings}


# ------------------------------------------------------------- legal forms of associations, co-operatives, foundations

_CONTROLLER = {
    "fi": ("Rekisterinpitäjä\n\n{name}\nRantatie 5, 00100 Helsinki\ninfo@lumo.example\n\n"
           "Henkilötietojen käsittelyn tarkoitus\n\nKäsittelemme tilaajien nimiä ja osoitteita tilausten "
           "toimittamiseksi.\n"),
    "sv": ("{head}\n\n{name}\nStrandvägen 5, 00100 Helsingfors\ninfo@lumo.example\n\nÄndamålet med behandlingen\n\n"
           "Vi behandlar kundernas namn och adresser för att leverera beställningarna.\n"),
    "en": ("{head}\n\n{name}\nShore Road 5, 00100 Helsinki\ninfo@lumo.example\n\nWhy we process data\n\n"
           "We process the names and addresses of customers to deliver their orders.\n"),
}


@pytest.mark.parametrize(("lang", "head", "name"), [
    ("fi", "", "Kalastajat ry"),
    ("fi", "", "Kalastajat r.y."),
    ("fi", "", "Osuuskunta Kuvaajat"),
    ("fi", "", "Kuvaajat osk"),
    ("fi", "", "Säätiö Lumo"),
    ("fi", "", "Lumo sr"),
    ("fi", "", "Lumo Ab Oy"),
    ("fi", "", "Lumo Oy Ab"),
    ("fi", "", "Lumo Ky"),
    ("fi", "", "Tmi Anna Lind"),
    ("fi", "", "Kuvaamo Lumo / Tero Lind"),
    ("sv", "Registrets innehavare", "Fiskarna rf"),
    ("sv", "Registeransvarig", "Fiskarna r.f."),
    ("sv", "Personuppgiftsansvarig", "Stiftelsen Fiskarna"),
    ("sv", "Registrets innehavare", "Fiskarna Ab Oy"),
    ("en", "Data controller", "Anglers ry"),
    ("en", "Controller", "Lumo Oy Ab"),
])
def test_a_legal_form_or_the_owners_name_identifies_the_controller(lang: str, head: str, name: str) -> None:
    """A registered association, a co-operative or a foundation named with its form, a company named with a double
    form, a sole trader's form before the owner's name, or a trade name given with the owner's own name is a legal
    name: no trade-name warning, and the Swedish 'Registrets innehavare' heads the controller's section."""
    result = _lint(_CONTROLLER[lang].format(head=head, name=name), lang)
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED
    assert not {f.rule for f in result.findings} & {"RK-LINT-CONTROLLER", "RK-LINT-CONTROLLER-TRADE-NAME"}


@pytest.mark.parametrize(("lang", "head", "name"), [
    ("fi", "", "Kuvaamo Lumo"),
    ("fi", "", "Rysä Kalastus"),
    ("sv", "Registrets innehavare", "Fiskbutiken Lumo"),
    ("en", "Data controller", "Lumo Fishing"),
])
def test_a_bare_trade_name_is_still_flagged(lang: str, head: str, name: str) -> None:
    """A shop name with no form, no owner's name and no business id stays a trade name ("Rysä" is no "ry")."""
    result = _lint(_CONTROLLER[lang].format(head=head, name=name), lang)
    assert "RK-LINT-CONTROLLER-TRADE-NAME" in {f.rule for f in result.findings}


def test_an_unknown_heading_above_the_name_names_no_controller() -> None:
    """'Registrets namn' is the register's name, not the controller's section."""
    text = _CONTROLLER["sv"].format(head="Registrets namn", name="Fiskbutiken Lumo")
    assert "RK-LINT-CONTROLLER" in _rules(text, "sv")


# --------------------------------------------------------------------- agreeing to marketing is consent to it

@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi skickar erbjudanden per e-post till kunder som har godkänt utskicken."),
    ("sv", "Kunden godkänner att vi skickar erbjudanden per e-post."),
    ("sv", "Vi skickar erbjudanden per e-post till kunder som gett oss tillstånd."),
    ("sv", "Vi sparar namn, e-post och kundens marknadsföringstillstånd. Vi skickar erbjudanden per e-post."),
    ("fi", "Lähetämme sähköpostitse tarjouksia asiakkaille, jotka ovat hyväksyneet sen."),
    ("en", "We e-mail offers to customers who have agreed to receive them."),
])
def test_a_person_who_agreed_to_marketing_consented_to_it(lang: str, text: str) -> None:
    """Saying the person agreed to the offers ("har godkänt", "godkänner", a recorded marketing permission) says the
    e-mail marketing rests on consent (917/2014 200 §), and that consent is one to withdraw."""
    result = _lint(text, lang)
    assert result.outcome(R.DIRECT_MARKETING) is Outcome.PROVIDED
    assert result.outcome(R.WITHDRAW_CONSENT) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi skickar erbjudanden per e-post till våra kunder. Genom att handla godkänner du leveransvillkoren."),
    ("fi", "Lähetämme sähköpostitse tarjouksia asiakkaillemme."),
    ("en", "We e-mail offers to our customers under our customer agreement."),
])
def test_accepting_the_terms_or_an_agreement_is_no_consent_to_marketing(lang: str, text: str) -> None:
    """Accepting the terms of delivery in another sentence, or a customer agreement, gives no consent to offers."""
    assert "RK-LINT-DIRECT-MARKETING" in _rules(text, lang)


# ------------------------------------------------------------------ children as data subjects, not in a name

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Kerhoon voivat liittyä 10–14-vuotiaat lapset. Tallennamme lapsen nimen ja syntymävuoden."),
    ("fi", "Keräämme lasten tiedot leirille ilmoittautumisen yhteydessä."),
    ("fi", "Palvelua voivat käyttää myös alle 15-vuotiaat."),
    ("sv", "Vi sparar barnens namn när de anmäls till simskolan."),
    ("en", "We record your child's name when you sign them up for the swimming course."),
    ("en", "Children can take part in our monthly drawing contest."),
])
def test_children_as_data_subjects_ask_how_their_consent_is_handled(lang: str, text: str) -> None:
    """Children whose data is taken (their names, ages, an age limit of the service) need a word on how their consent
    is handled (GDPR Art. 8; Tietosuojalaki 5 §)."""
    assert "RK-LINT-CHILDREN" in _rules(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Lahjoitamme osan myynnistä Lapsiviestintä ry:lle."),
    ("fi", "Myymme lasten huonekaluja ja lapsiystävällisiä leluja."),
    ("sv", "En del av försäljningen går till föreningen Barn i Stan."),
    ("en", "Part of every sale goes to the charity Children First."),
    ("en", "We sell children's clothing and childcare products."),
])
def test_a_childrens_word_in_a_name_or_a_product_is_no_child_data_subject(lang: str, text: str) -> None:
    """A word for children inside a compound or a proper name, or goods for children, says nothing of children's
    data: the children item does not apply."""
    assert _lint(text, lang).outcome(R.CHILDREN) is Outcome.NOT_APPLICABLE


# ------------------------------------------------------------- marketing as the company's line of business

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Yhtiömme keskittyy kalastusvälineiden markkinointiin ja maahantuontiin Pohjoismaissa."),
    ("fi", "Valmistamme ja markkinoimme puisia leluja."),
    ("sv", "Bolaget fokuserar på marknadsföring av fiskeredskap i Norden."),
    ("sv", "Vi tillverkar och marknadsför leksaker av trä."),
    ("en", "The group focuses on the marketing of fishing gear in the Nordic countries."),
])
def test_marketing_as_the_line_of_business_is_no_direct_marketing(lang: str, text: str) -> None:
    """What the company trades in ("keskittyy … markkinointiin", "fokuserar på marknadsföring av") is no marketing
    to the people whose data is processed: direct marketing does not apply."""
    assert _lint(text, lang).outcome(R.DIRECT_MARKETING) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Yhtiömme keskittyy markkinointiin: lähetämme asiakkaille tarjouksia sähköpostitse."),
    ("fi", "Lähetämme kalastusvälineiden markkinointia asiakkaillemme sähköpostitse."),
    ("sv", "Vi fokuserar på marknadsföring av våra tjänster per e-post till kunderna."),
    ("en", "We use your e-mail address for the marketing of our fishing gear."),
])
def test_marketing_sent_to_the_customers_is_still_direct_marketing(lang: str, text: str) -> None:
    """Marketing sent to the customers by e-mail, without consent, stays flagged whatever the verb."""
    assert "RK-LINT-DIRECT-MARKETING" in _rules(text, lang)


# ----------------------------------------------------- providers outside the EU/EEA with no transfer mechanism

_TRANSFER = {
    "fi": "Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\n{text}\n",
    "sv": "Överföring av uppgifter\n\n{text}\n",
    "en": "Transfers\n\n{text}\n",
}


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Verkkokauppa-alustan palvelimet sijaitsevat EU:n ulkopuolella."),
    ("fi", "Käytämme pilvipalvelua, jonka palvelimet sijaitsevat Euroopan talousalueen ulkopuolella."),
    ("fi", "Tietoja voidaan siirtää palveluntarjoajille Euroopan unionin tai Euroopan talousalueen ulkopuolelle."),
    ("sv", "Vi kan anlita tjänsteleverantörer vars servrar finns utanför EU/EES."),
    ("en", "We may use service providers whose servers are outside the EU/EEA."),
])
def test_providers_outside_the_eea_with_no_mechanism_miss_the_safeguards(lang: str, text: str) -> None:
    """Data that may go to providers outside the EU/EEA needs its transfer mechanism stated (GDPR 13(1)(f)); servers
    said to be outside Europe are no statement that data stays in it."""
    result = _lint(_TRANSFER[lang].format(text=text), lang)
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.MISSING
    assert "RK-LINT-TRANSFER-SAFEGUARDS" in {f.rule for f in result.findings}


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Tietoja voidaan siirtää palveluntarjoajille Euroopan talousalueen ulkopuolelle Euroopan komission "
           "vakiosopimuslausekkeiden perusteella."),
    ("fi", "Tietoja voidaan siirtää Euroopan talousalueen ulkopuolelle vain maihin, joissa on riittävä tietosuojan "
           "taso."),
    ("sv", "Uppgifter kan överföras till tjänsteleverantörer utanför EU/EES till länder med tillräcklig "
           "dataskyddsnivå."),
    ("en", "Data may be transferred to providers outside the EU/EEA with your explicit consent."),
    ("en", "Data may be transferred to providers outside the EU/EEA, to countries with an adequate level of data "
           "protection."),
])
def test_a_named_mechanism_or_consent_provides_the_safeguards(lang: str, text: str) -> None:
    """Standard clauses, an adequate level of protection or the person's explicit consent (49(1)(a)) name the
    mechanism."""
    assert _lint(_TRANSFER[lang].format(text=text), lang).outcome(R.TRANSFER_SAFEGUARDS) is Outcome.PROVIDED


def test_servers_in_finland_make_no_transfer() -> None:
    """Servers said to be in Finland keep the data in the EEA: no safeguards are asked."""
    text = _TRANSFER["fi"].format(text="Palvelimemme sijaitsevat Suomessa.")
    assert _lint(text, "fi").outcome(R.TRANSFER_SAFEGUARDS) is Outcome.NOT_APPLICABLE


# ------------------------------------------------------------------------------- profiling announced bare

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Käsittelyn tarkoitukset\n\nEmme tee automaattisia päätöksiä. Asiakastietoja voidaan käyttää "
           "profilointiin.\n"),
    ("sv", "Ändamål\n\nVi fattar inga automatiserade beslut. Kunduppgifterna kan användas för profilering.\n"),
    ("en", "Purposes\n\nWe make no automated decisions. Customer records may also be used for profiling.\n"),
])
def test_bare_profiling_is_unexplained_even_when_decisions_are_denied(lang: str, text: str) -> None:
    """Profiling said to happen with no purpose, logic or consequence leaves 13(2)(f) unanswered, whatever the text
    says of automated decisions."""
    result = _lint(text, lang)
    assert result.outcome(R.AUTOMATED_DECISIONS) is Outcome.MISSING
    assert "RK-LINT-AUTOMATED-INFO" in {f.rule for f in result.findings}


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Käsittelyn tarkoitukset\n\nEmme tee automaattisia päätöksiä. Asiakastietoja profiloidaan, jotta "
           "voimme kohdentaa markkinointia.\n"),
    ("sv", "Ändamål\n\nVi fattar inga automatiserade beslut. Profileringen grundar sig på dina köp och har inga "
           "följder för dig.\n"),
    ("en", "Purposes\n\nWe make no automated decisions. Customer records are not used for profiling.\n"),
])
def test_profiling_with_its_purpose_or_denied_is_answered(lang: str, text: str) -> None:
    """Profiling with the purpose it serves after decisions are denied, profiling with its logic and consequences,
    or profiling denied, answers the item."""
    assert _lint(text, lang).outcome(R.AUTOMATED_DECISIONS) is Outcome.PROVIDED


# ------------------------------------------------------------------- partners named only as a kind of source

@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Uppgifter om deltagarna får vi också från våra samarbetspartner."),
    ("sv", "Uppgifterna samlas in av kunden själv och av våra samarbetsparter."),
    ("fi", "Saamme tietoja myös yhteistyökumppaneiltamme."),
    ("en", "We also receive data from our partners."),
])
def test_data_from_unnamed_partners_has_no_source(lang: str, text: str) -> None:
    """Data collected from partners none of whom is named leaves 14(2)(f) unanswered, and the partners it comes from
    are no recipients of it."""
    result = _lint(text, lang)
    rules = {f.rule for f in result.findings}
    assert rules & {"RK-LINT-SOURCES", "RK-LINT-SOURCE-VAGUE"}
    assert "RK-LINT-RECIPIENTS-VAGUE" not in rules


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi lämnar ut uppgifter till våra samarbetspartner."),
    ("fi", "Luovutamme tietoja yhteistyökumppaneillemme."),
    ("en", "We share data with our partners."),
])
def test_data_given_to_partners_is_no_source(lang: str, text: str) -> None:
    """Partners who receive data are vague recipients, not a source."""
    result = _lint(text, lang)
    assert result.outcome(R.SOURCES) is Outcome.NOT_APPLICABLE
    assert "RK-LINT-RECIPIENTS-VAGUE" in {f.rule for f in result.findings}


def test_a_partner_named_as_the_source_gives_it() -> None:
    """A partner named by name as where data comes from gives the source."""
    result = _lint("Saamme luottotiedot yhteistyökumppaniltamme Suomen Asiakastieto Oy:ltä.", "fi")
    assert result.outcome(R.SOURCES) is Outcome.PROVIDED
    assert not {f.rule for f in result.findings} & {"RK-LINT-SOURCES", "RK-LINT-SOURCE-VAGUE"}

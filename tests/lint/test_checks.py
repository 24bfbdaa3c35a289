"""The checks: conditional items apply only when the text makes them apply; flags quote the sentence."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Evidence, Requirement, Severity
from rekisterikit.lint.checks import Outcome
from rekisterikit.lint.linter import LintResult, lint_text
from rekisterikit.lint.structure import classify_heading

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


@pytest.mark.parametrize(("text", "lang"), [
    ("Kävijätilastot\nSivustolla on käytössä Google Analytics. Kerätyt tiedot ovat anonyymejä, eikä IP-osoitetta "
     "voida yhdistää yksittäiseen henkilöön.", "fi"),
    ("Loggfiler: Servern sparar IP-adressen för varje besök. IP-adressen kan inte kopplas till dig som person.", "sv"),
    ("Användardata\nDessa användardata lagras i en loggfil. Era personliga data kopplas aldrig samman med era "
     "användardata.", "sv"),
    ("Server logs\nLog data, including IP addresses, is anonymous and is not personal data.", "en"),
    ("Analytics: IP addresses are anonymised and can never be linked to you.", "en"),
])
def test_ip_addresses_called_anonymous_are_flagged(text: str, lang: str) -> None:
    """Saying IP addresses or visit data cannot identify anyone is misleading (C-582/14 Breyer): a clarity warning."""
    flagged = [f for f in _lint(text, lang).findings if f.rule == "RK-LINT-IP-ANONYMOUS"]
    assert [(R.CLARITY, Severity.WARNING)] == [(f.requirement, f.severity) for f in flagged]


@pytest.mark.parametrize(("text", "lang"), [
    ("Palvelin tallentaa IP-osoitteen lokiin. IP-osoite on henkilötieto, ja lokit poistetaan 30 päivän kuluttua.",
     "fi"),
    ("IP-osoitetta, jonka Google Analytics lähettää selaimestasi, ei yhdistetä muihin Googlen tietoihin.", "fi"),
    ("Kerätyt tilastot ovat anonyymejä.", "fi"),
    ("Our server logs IP addresses to detect attacks; logs are deleted after 30 days.", "en"),
])
def test_ip_addresses_described_as_personal_data_are_not_flagged(text: str, lang: str) -> None:
    """An IP address described as logged, Google's promise not to merge data, or anonymous statistics: no flag."""
    assert "RK-LINT-IP-ANONYMOUS" not in _rules(text, lang)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Rekisteröidyllä on oikeus kieltää rekisterinpitäjää käsittelemästä itseään koskevia tietoja suoramainontaa, "
     "etämyyntiä ja muuta suoramarkkinointia varten.", True),
    ("Sinulla on oikeus kieltää tietojesi käyttö suoramainontaan, etämyyntiin ja muuhun suoramarkkinointiin sekä "
     "markkina- ja mielipidetutkimukseen.", True),
    ("Verkkokauppa on etämyyntiä, jossa kuluttajalla on kuluttajansuojalain 6 luvun mukainen peruuttamisoikeus.",
     False),
    ("Käsittelemme tilaustietoja etämyyntisopimusten täyttämiseksi. Voit kieltää suoramarkkinoinnin milloin tahansa.",
     False),
])
def test_only_the_henkilotietolaki_formula_is_outdated_not_etamyynti(text: str, flagged: bool) -> None:
    """'etämyynti' is the current Kuluttajansuojalaki 6 luku term; only the HetiL 30 § formula is outdated law."""
    assert flagged == ("RK-LINT-KIELTO-OIKEUS" in _rules(text, "fi"))


def test_distance_selling_is_not_marketing() -> None:
    """A shop that says it sells at a distance ('etämyynti') is not doing direct marketing."""
    text = "Käsittelemme nimeä ja osoitetta etämyyntisopimusten täyttämiseksi. Käsittely perustuu sopimukseen."
    assert Outcome.NOT_APPLICABLE == _lint(text, "fi").outcome(R.DIRECT_MARKETING)


@pytest.mark.parametrize(("text", "lang"), [
    ("Tietosuojaseloste\n\nMitä tietoja käsittelemme\n\n| Tarkoitus | Oikeusperuste |\n|---|---|\n"
     "| Tilauksen toimitus | Sopimus |\n| Uutiskirje | Suostumus |", "fi"),
    ("Integritetspolicy\n\nVad vi gör\n\n| Ändamål | Rättslig grund |\n| Leverans | Avtal |", "sv"),
])
def test_a_basis_column_of_a_table_states_the_basis(text: str, lang: str) -> None:
    """Rows under a 'legal basis' column state bases and purposes although the section heading names neither."""
    result = lint_text(text, format="md", language=lang)
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.LEGAL_BASIS), result.outcome(R.PURPOSES))


def test_rights_named_as_verbs_in_a_rights_section() -> None:
    """'…att få dem rättade eller raderade … överförda' names rectification, erasure and portability."""
    text = ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter, att få dem rättade eller raderade, "
            "att begära begränsning av behandlingen och att få dina uppgifter överförda.")
    result = _lint(text, "sv")
    assert [Outcome.PROVIDED] * 4 == [result.outcome(r) for r in (R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE,
                                                                   R.RIGHT_RESTRICTION, R.RIGHT_PORTABILITY)]


def test_google_analytics_cookies_name_their_provider() -> None:
    """A _ga cookie is Google's: saying nothing leaves the EU/EEA does not cover it."""
    text = ("Evästeet\n_ga, analytiikka, 2 vuotta.\n\nSiirrot\nTietoja ei siirretä EU:n tai ETA:n ulkopuolelle.")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in _rules(text, "fi")


def test_a_customer_relationship_as_a_purpose_is_no_invalid_basis() -> None:
    """'asiakassuhteen ylläpitämiseksi' in a basis section names a purpose, not the HetiL basis."""
    text = ("Käsittelyn tarkoitus ja oikeusperuste\nKäsittelemme tietoja tilausten toimittamiseksi ja asiakassuhteen "
            "ylläpitämiseksi. Käsittely perustuu sopimukseen.")
    assert "RK-LINT-BASIS-INVALID" not in _rules(text, "fi")


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    ("Den registrerade har rätt att förneka användningen för direkt marknadsföring, distansförsäljning och annat "
     "syfte.", "sv", True),
    ("Vid distansförsäljning har konsumenten ångerrätt enligt konsumentskyddslagen.", "sv", False),
    ("You may prohibit the use of your data for direct advertising, distance selling and other direct marketing.",
     "en", True),
])
def test_the_henkilotietolaki_formula_in_swedish_and_english(text: str, lang: str, flagged: bool) -> None:
    """The HetiL 30 § formula is outdated in every language; 'distansförsäljning' alone is today's term."""
    assert flagged == ("RK-LINT-KIELTO-OIKEUS" in _rules(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Rekisterinpitäjä\nPipo Oy, ALV FI26648542", "fi"),
    ("Rekisterinpitäjä\nPipo Oy, Y-tunnus 2664854-2", "fi"),
])
def test_the_vat_number_gives_the_business_id(text: str, lang: str) -> None:
    """A Finnish VAT number (FI + the business id without its hyphen) counts as the business id."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.BUSINESS_ID)


def test_contact_us_is_not_the_united_states() -> None:
    """'contact us by e-mail' names no third country."""
    text = "Controller\nExample Oy, Kauppakatu 1, Helsinki. Please contact us by email: info@example.fi"
    assert Outcome.NOT_APPLICABLE == _lint(text, "en").outcome(R.EU_REPRESENTATIVE)


@pytest.mark.parametrize(("text", "lang"), [
    ("Behandling av era personliga data uträttas endast inom EU-området.", "sv"),
    ("Överföring av uppgifter utanför EU/EES\nUppgifter överförs inte till tredje part. Uppgifterna överförs inte "
     "utanför Europeiska unionen.", "sv"),
    ("Your data is stored and processed only in the EU.", "en"),
])
def test_data_said_to_stay_in_the_eu_needs_no_safeguards(text: str, lang: str) -> None:
    """'Only within the EU' and denials in a transfers section say where data goes, and that no safeguards apply."""
    result = _lint(text, lang)
    assert (Outcome.PROVIDED, Outcome.NOT_APPLICABLE) == (result.outcome(R.THIRD_COUNTRY_TRANSFERS),
                                                          result.outcome(R.TRANSFER_SAFEGUARDS))


def test_rights_named_by_their_gdpr_article() -> None:
    """'enligt artikel 15 av GDPR' names the right of access."""
    text = "Dina rättigheter\nDu kan be oss om information om våra uppgifter om dig enligt artikel 15 av GDPR."
    assert Outcome.PROVIDED == _lint(text, "sv").outcome(R.RIGHT_ACCESS)


def test_a_statement_without_headings_states_its_purposes() -> None:
    """With no headings at all, the sentences after the opening ones still state purposes and bases."""
    text = ("Privacy statement\n\nUpdated 1 May 2024.\n\nExample Oy, business ID 2664854-2, info@example.fi.\n\n"
            "We process your name and address in order to deliver your orders, under our contract with you.\n")
    result = _lint(text, "en")
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.PURPOSES), result.outcome(R.LEGAL_BASIS))


def test_an_example_in_a_rights_list_is_not_vague_wording() -> None:
    """'(forbid marketing for example)' in a rights list leaves nothing about the processing open."""
    text = "Your rights\nYou have the right to limit the processing of your data (forbid marketing for example)."
    assert "RK-LINT-VAGUE" not in _rules(text, "en")


def test_population_register_prohibitions_are_current_law() -> None:
    """'kieltää … suoramarkkinointiin, markkina- ja mielipidetutkimukseen sekä henkilömatrikkelia ja sukututkimusta
    varten' is the wording of the population information act (661/2009), still in force: not outdated law."""
    text = ("Voit kieltää tietojesi luovutuksen väestötietojärjestelmästä suoramarkkinointiin, markkina- ja "
            "mielipidetutkimukseen sekä henkilömatrikkelia ja sukututkimusta varten.")
    assert "RK-LINT-KIELTO-OIKEUS" not in _rules(text, "fi")


# ------------------------------------------------------------------ issue 21: the remaining accuracy gap

@pytest.mark.parametrize(("text", "flagged"), [
    ("Rekisterinpitäjä: Kukkakuu, Hämeenkatu 21, 33200 Tampere, tilaukset@kukkakuu.fi", True),
    ("Rekisterinpitäjä: Kukkakuu Oy, Hämeenkatu 21, 33200 Tampere, tilaukset@kukkakuu.fi", False),
    ("Rekisterinpitäjä: Kukkakuu (Y-tunnus 3124587-9), Hämeenkatu 21, 33200 Tampere, tilaukset@kukkakuu.fi", False),
    ("Rekisterinpitäjä: Maija Meikäläinen, Hämeenkatu 21, 33200 Tampere, maija@example.fi", False),
    ("Rekisterinpitäjä: Tmi Kukkakuu, Hämeenkatu 21, 33200 Tampere, tilaukset@kukkakuu.fi", False),
])
def test_a_trade_name_alone_does_not_identify_the_controller(text: str, flagged: bool) -> None:
    """A shop or brand name with no legal form and no business id fails 13(1)(a); a person's name, a company form
    or a business id does not."""
    result = _lint(text, "fi")
    assert flagged == ("RK-LINT-CONTROLLER-TRADE-NAME" in {f.rule for f in result.findings})
    assert (Outcome.MISSING if flagged else Outcome.PROVIDED) == result.outcome(R.CONTROLLER_IDENTITY)


@pytest.mark.parametrize(("text", "lang"), [
    ("Nimen ja toimitusosoitteen antaminen on edellytys sille, että voimme toimittaa tilauksen.", "fi"),
    ("Kassasivun tähdellä (*) merkityt kentät on täytettävä, jotta voimme lähettää tilauksesi.", "fi"),
    ("Tilauksen tekeminen edellyttää nimen, osoitteen ja sähköpostiosoitteen antamista.", "fi"),
    ("Puhelinnumeron ilmoittaminen on valinnaista.", "fi"),
    ("Att lämna personuppgifter är ett villkor för att ingå köpeavtalet.", "sv"),
    ("Du måste uppge namn och adress för att vi ska kunna leverera din beställning.", "sv"),
    ("Uppgifter markerade med * krävs för beställningen.", "sv"),
    ("Providing your name and address is a contractual requirement.", "en"),
    ("Fields marked as required at checkout must be filled in for us to ship your order.", "en"),
    ("If you do not give them, we cannot accept your order.", "en"),
])
def test_required_data_in_the_words_real_statements_use(text: str, lang: str) -> None:
    """GDPR 13(2)(e): the wordings shops use for data that must be given count as stating it."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


def test_optional_cookies_do_not_say_which_data_is_required() -> None:
    """"Valinnaiset evästeet" in the cookie section is about cookies, not about data the subject must give."""
    text = "Evästeet\n\nKäytämme valinnaisia analytiikkaevästeitä vain suostumuksellasi."
    assert Outcome.MISSING == _lint(text, "fi").outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "lang"), [
    ("Mitä voit tehdä\n\nVoit kysyä meiltä, mitä tietoja sinusta on tallennettu, ja saada niistä kopion. Virheelliset "
     "tiedot päivitämme pyynnöstäsi. Voit pyytää, että pyyhimme tietosi, tai että emme toistaiseksi käytä niitä muuhun "
     "kuin säilyttämiseen. Tilausta varten antamasi tiedot saat tiedostona, jonka voit viedä toiseen palveluun.", "fi"),
    ("Vad kan du göra?\n\nDu har rätt att få veta vilka uppgifter vi har om dig. Du kan be oss uppdatera felaktiga "
     "uppgifter, få dem borttagna eller be oss frysa behandlingen. Uppgifter som du har gett oss kan du få ut i ett "
     "vanligt filformat och ta med dig till en annan tjänst.", "sv"),
    ("Your rights\n\nYou can find out what data we hold about you, have mistakes fixed, have your data wiped, ask us "
     "to pause processing, and take the data you gave us with you to another service.", "en"),
])
def test_rights_in_everyday_words(text: str, lang: str) -> None:
    """Access, rectification, erasure, restriction and portability named without their legal names; "säilyttäminen"
    in the rights section is not a retention period."""
    result = _lint(text, lang)
    rights = (R.RIGHT_ACCESS, R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE, R.RIGHT_RESTRICTION, R.RIGHT_PORTABILITY)
    assert dict.fromkeys(rights, Outcome.PROVIDED) == {r: result.outcome(r) for r in rights}
    assert "RK-LINT-RETENTION-VAGUE" not in {f.rule for f in result.findings}


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Käsittely perustuu sopimukseen ja oikeutettuun etuun asiakassuhteen perusteella.", "fi", Outcome.MISSING),
    ("Peruste: asiakassuhteeseen perustuva oikeutettu etu.\n\nTilaus edellyttää osoitteen antamista, jotta voimme "
     "toimittaa sen.", "fi", Outcome.MISSING),
    ("Käsittelemme palautteita oikeutetun etumme perusteella: haluamme parantaa palveluamme.", "fi", Outcome.PROVIDED),
    ("Rättslig grund: vårt berättigade intresse som grundar sig på kundrelationen.\n\nDu måste uppge adressen för att "
     "vi ska kunna leverera.", "sv", Outcome.MISSING),
    ("Betalningar kontrolleras med stöd av vårt berättigade intresse att förebygga bedrägerier.", "sv",
     Outcome.PROVIDED),
    ("Customer care relies on our legitimate interest based on our customer relationship.", "en", Outcome.MISSING),
])
def test_the_customer_relationship_is_not_the_interest(text: str, lang: str, outcome: Outcome) -> None:
    """13(1)(d): "based on the customer relationship" says what the interest rests on, not what it is; a sentence
    that follows explains the interest only if it speaks of it."""
    assert outcome == _lint(text, lang).outcome(R.LEGITIMATE_INTERESTS)


@pytest.mark.parametrize(("text", "lang"), [
    ("Asiakkaan oikeudet\n\nAsiakkaana sinulla on seuraavat oikeudet:\n\nOikeus tarkistaa tiedot\n\n"
     "Oikeus korjata tiedot\n\nOikeus pyytää tietojen poistamista\n\nOikeus peruuttaa suostumus", "fi"),
    ("Customer rights\n\nYou have the following rights:\n\nRight to access the data\n\nRight to correct the data\n\n"
     "Right to request the deletion of data\n\nRight to withdraw consent", "en"),
])
def test_rights_listed_as_bare_lines(text: str, lang: str) -> None:
    """A list of bare "Oikeus …" / "Right to …" lines reads as one heading per right; each names its right."""
    result = _lint("Uutiskirje lähetetään suostumuksella.\n\n" + text if lang == "fi"
                   else "We send the newsletter with your consent.\n\n" + text, lang)
    rights = (R.RIGHT_ACCESS, R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE, R.WITHDRAW_CONSENT)
    assert dict.fromkeys(rights, Outcome.PROVIDED) == {r: result.outcome(r) for r in rights}


def test_cancelling_consent_is_withdrawing_it() -> None:
    """"The right to cancel your marketing consent" explains withdrawal (7(3))."""
    text = "We send marketing e-mails with your consent. You have the right to cancel your marketing consent."
    assert Outcome.PROVIDED == _lint(text, "en").outcome(R.WITHDRAW_CONSENT)


# ------------------------------------------------------------------ issue 21: unusual wordings of real statements

@pytest.mark.parametrize(("text", "lang"), [
    ("Et ole velvollinen antamaan meille tietojasi. Ilman osoitetta emme kuitenkaan pysty lähettämään pakettia.", "fi"),
    ("Kassan lomakkeessa tähtimerkityt kentät tarvitsemme, jotta saamme paketin lähetettyä.", "fi"),
    ("Tilauksen tekeminen ei onnistu ilman nimeä ja osoitetta.", "fi"),
    ("Tilauslomakkeella kerrotaan jokaisen kentän kohdalla, tarvitaanko tieto tilauksen toimittamiseen.", "fi"),
    ("Du är inte skyldig att lämna uppgifter till oss.", "sv"),
    ("Utan leveransadress kommer paketet inte fram, så adressen behöver vi.", "sv"),
    ("Uppgifter med en stjärna i beställningsformuläret behövs för leveransen.", "sv"),
    ("Fields marked * at checkout are needed so that we can get your parcel to you.", "en"),
    ("You are under no obligation to give us your details, but without an address your order cannot reach you.", "en"),
    ("Which of these details are required is shown on the order form next to each field.", "en"),
])
def test_required_data_said_in_other_words(text: str, lang: str) -> None:
    """A sentence about giving data or a form field that says whether it is needed answers 13(2)(e)."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "lang"), [
    ("Ilman suostumustasi emme voi lähettää sinulle uutiskirjettä.", "fi"),
    ("Tietojen luovutukset\nLuovutamme antamasi osoitteen Posti Oy:lle, koska muuten emme voi toimittaa pakettia.\n",
     "fi"),
    ("Uppgifter som du lämnat sparas så länge vi behöver dem.", "sv"),
    ("We cannot send you the newsletter without your consent.", "en"),
    ("We collect the details you provide when you order.", "en"),
])
def test_giving_data_without_saying_whether_it_is_needed_is_no_answer(text: str, lang: str) -> None:
    """Consent, disclosure and retention sentences that mention giving data say nothing of the requirement."""
    assert Outcome.MISSING == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


def test_rights_under_a_heading_the_lexicons_do_not_know() -> None:
    """A section under an unknown heading that names two rights is read as the rights section, everyday verbs too."""
    text = ("What you may ask of us\nYou can see what we hold about you, have mistakes put right and have your "
            "details deleted. You can ask us to stop using your details for a while if you dispute them.\n")
    result = _lint(text, "en")
    rights = (R.RIGHT_ACCESS, R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE, R.RIGHT_RESTRICTION)
    assert dict.fromkeys(rights, Outcome.PROVIDED) == {r: result.outcome(r) for r in rights}
    # The same verb under a heading about something else names no right.
    other = _lint("Tilausten käsittely\nPoistamme tilaukset kahden vuoden kuluttua.\n", "fi")
    assert Outcome.MISSING == other.outcome(R.RIGHT_ERASURE)


@pytest.mark.parametrize(("text", "lang", "right"), [
    ("Sinun oikeutesi\nSaat nähdä tiedot, jotka olemme sinusta tallentaneet.\n", "fi", R.RIGHT_ACCESS),
    ("Sinun oikeutesi\nVoit pyytää, että tietosi hävitetään.\n", "fi", R.RIGHT_ERASURE),
    ("Oikeutesi\nVoit pyytää, että lakkaamme hetkeksi käyttämästä tietojasi.\n", "fi", R.RIGHT_RESTRICTION),
    ("Dina rättigheter\nDu kan be oss visa vilka uppgifter vi har om dig.\n", "sv", R.RIGHT_ACCESS),
    ("Dina rättigheter\nDu kan spärra dina uppgifter medan en tvist utreds.\n", "sv", R.RIGHT_RESTRICTION),
    ("Dina rättigheter\nDu kan begära att behandlingen begränsas.\n", "sv", R.RIGHT_RESTRICTION),
    ("Dina rättigheter\nDu kan begära utdrag och flytt av dina uppgifter.\n", "sv", R.RIGHT_PORTABILITY),
    ("Your rights\nYou may ask for access to your data.\n", "en", R.RIGHT_ACCESS),
    ("Your rights\nYou can have its use limited while a dispute is settled.\n", "en", R.RIGHT_RESTRICTION),
    ("Your rights\nYou can have your information erased.\n", "en", R.RIGHT_ERASURE),
])
def test_more_everyday_names_of_rights(text: str, lang: str, right: Requirement) -> None:
    """Everyday verbs and nouns name the right they stand for."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(right)


def test_objection_apart_only_where_the_right_to_object_applies() -> None:
    """21(4) is checked only where 21(1)-(2) applies; a rights section on objection alone stands apart."""
    rights = "Oikeutesi\nSinulla on oikeus tarkastaa, korjata ja poistaa tietosi sekä vastustaa niiden käsittelyä.\n"
    orders_only = "Käyttötarkoitus\nTietoja käytetään tilausten toimittamiseen sopimuksen perusteella.\n\n" + rights
    marketing = "Käyttötarkoitus\nTietoja käytetään suoramarkkinointiin.\n\n" + rights
    assert "RK-LINT-OBJECT-SEPARATE" not in _rules(orders_only, "fi")
    assert "RK-LINT-OBJECT-SEPARATE" in _rules(marketing, "fi")
    apart = ("Ändamål\nVi visar boktips utifrån köphistoriken på grundval av vårt berättigade intresse att visa "
             "böcker du vill läsa.\n\nDina rättigheter\nDu har rätt att få tillgång till och rättelse av dina "
             "uppgifter.\n\nBoktips och din rätt att säga nej\nDu kan motsätta dig att vi använder köphistoriken.\n")
    assert "RK-LINT-OBJECT-SEPARATE" not in _rules(apart, "sv")
    assert Outcome.PROVIDED == _lint(apart, "sv").outcome(R.RIGHT_OBJECT)


@pytest.mark.parametrize(("text", "lang", "right"), [
    ("Markkinoinnin kieltäminen\nJos et halua enää saada meiltä markkinointia, ilmoita siitä meille.\n", "fi",
     R.RIGHT_OBJECT),
    ("Saying no to fraud screening\nYou can tell us that you disagree with our use of your data for it.\n", "en",
     R.RIGHT_OBJECT),
])
def test_objection_in_everyday_words(text: str, lang: str, right: Requirement) -> None:
    """Refusing marketing in everyday words, or disagreeing with a use, is the right to object."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(right)


def test_profiling_info_only_for_profiling_the_text_names() -> None:
    """Other sentences of an "automated decisions and cookies" section are no profiling."""
    section = ("Automaattinen päätöksenteko ja evästeet\nEmme tee automaattisia päätöksiä. Käytämme vain ostoskorin "
               "toimintaan tarvittavaa välttämätöntä evästettä.\n")
    assert "RK-LINT-AUTOMATED-INFO" not in _rules(section, "fi")
    assert "RK-LINT-AUTOMATED-INFO" in _rules("Asiakkaita profiloidaan.", "fi")


def test_refusing_e_mail_to_existing_customers_is_no_opt_out_regime() -> None:
    """With the existing-customer exception stated, "säga nej" is its condition; without it, an opt-out only."""
    soft = ("Till dig som har handlat hos oss skickar vi erbjudanden per e-post om liknande produkter. "
            "Du kan när som helst säga nej till att vi skickar erbjudanden per e-post till dig.")
    opt_out = "Vi skickar erbjudanden per e-post till våra kunder. Du kan när som helst säga nej till erbjudandena."
    assert "RK-LINT-DIRECT-MARKETING" not in _rules(soft, "sv")
    assert "RK-LINT-DIRECT-MARKETING" in _rules(opt_out, "sv")


def test_a_provider_named_where_its_transfer_is_described_is_covered() -> None:
    """The sentence naming the provider and the one on its transfer may be two; an EEA payment entity stays."""
    covered = ("Vastaanottajat ja siirrot\nUutiskirje lähetetään Mailchimp-palvelulla. Sähköpostiosoitteesi siirtyy "
               "Yhdysvaltoihin vakiosopimuslausekkeiden turvin; saat niistä kopion pyytämällä.\n")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in _rules(covered, "fi")
    stripe = ("Who gets it\nStripe Technology Europe Ltd (Ireland) handles card payments. Your data is stored and "
              "processed in the EU/EEA only.\n")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in _rules(stripe, "en")
    google = ("Cookies\nGoogle Ireland Limited sets the _ga cookie for Google Analytics. Your data is stored and "
              "processed in the EU/EEA only.\n")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in _rules(google, "en")


def test_a_run_in_list_of_data_in_the_controllers_section() -> None:
    """A line naming data items counts as the data categories; the controller's own labelled details do not."""
    base = "Rekisterinpitäjä: Pihlajan Puutarha Ky, Y-tunnus 3672235-5, posti@pihlajanpuutarha.fi\n"
    listed = _lint(base + "Kerättävät tiedot: nimi, osoite, sähköpostiosoite ja puhelinnumero.\n", "fi")
    own = _lint("Rekisterinpitäjä\nSähköpostiosoite: posti@pihlajanpuutarha.fi, puhelinnumero 03 733 9090\n", "fi")
    assert Outcome.PROVIDED == listed.outcome(R.DATA_CATEGORIES)
    assert Outcome.MISSING == own.outcome(R.DATA_CATEGORIES)


@pytest.mark.parametrize(("text", "lang"), [
    ("Mottagare\nPosti Ab levererar paketen. Uppgifterna stannar inom EU/EES.\n", "sv"),
    ("Recipients\nPosti Oy delivers parcels. Your data is stored and processed in the EU/EEA only.\n", "en"),
])
def test_data_said_to_stay_in_the_eea(text: str, lang: str) -> None:
    """"Stannar inom EU/EES", "stored and processed in the EU/EEA" answer the transfer question."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.THIRD_COUNTRY_TRANSFERS)


@pytest.mark.parametrize(("text", "lang"), [
    ("Evästeet\nGoogle Analytics asettaa _ga-evästeen (Google Ireland Limited), joka on voimassa kaksi vuotta.\n",
     "fi"),
    ("Kakor\nKakan _ga sätts av Google Ireland Limited och sparas i två år.\n", "sv"),
    ("Cookies\nThe cookie _ga is set by Google Ireland Limited and lasts two years.\n", "en"),
])
def test_cookie_lifetimes_in_words(text: str, lang: str) -> None:
    """A lifetime written in words ("two years", "två år", "kaksi vuotta") is a duration."""
    assert "RK-LINT-COOKIE-DETAILS" not in _rules(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Puhelinnumero on pakollinen, koska kuljetusliike ilmoittaa sen avulla paketin saapumisesta.", "fi"),
    ("Om inget annat anges nedan finns det inget lagligt eller avtalsmässigt krav på att du lämnar dina "
     "personuppgifter.", "sv"),
    ("En beställning kan vi dock inte ta emot utan namn och leveransadress.", "sv"),
    ("Details marked as compulsory on the order form must be given.", "en"),
])
def test_required_data_in_template_sentences(text: str, lang: str) -> None:
    """The nominative "pakollinen", the template "inget … krav", "compulsory" answer 13(2)(e)."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


def test_a_company_named_doing_something_for_the_shop_is_a_recipient() -> None:
    """"Paketit toimittaa Posti Oy" names a recipient; the controller's own name does not."""
    controller = "Rekisterinpitäjä\nNummelan Kynttiläpaja Oy, Y-tunnus 3184689-3, info@kynttilapaja.fi\n\n"
    named = _lint(controller + "Käyttötarkoitus\nPaketit toimittaa Posti Oy.\n", "fi")
    own = _lint(controller + "Käyttötarkoitus\nNummelan Kynttiläpaja Oy toimittaa tilaukset itse.\n", "fi")
    assert Outcome.PROVIDED == named.outcome(R.RECIPIENTS)
    assert Outcome.MISSING == own.outcome(R.RECIPIENTS)
    sv = _lint("Personuppgiftsansvarig\nKustkeramik Ab, FO-nummer 2739590-3\n\n"
               "Ändamål\nPaketen levereras av Posti Ab.\n", "sv")
    assert Outcome.PROVIDED == sv.outcome(R.RECIPIENTS)


@pytest.mark.parametrize(("text", "lang"), [
    ("Behandlingen grundar sig på artikel 6.1 f; vårt berättigade intresse är att hålla webbplatsen säker.", "sv"),
    ("We keep server logs on the basis of our legitimate interest. Our interest is that the shop stays online.",
     "en"),
])
def test_the_interest_named_after_the_basis(text: str, lang: str) -> None:
    """"Vårt berättigade intresse är att …", "Our interest is that …" name the interest."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.LEGITIMATE_INTERESTS)


@pytest.mark.parametrize(("text", "lang", "right"), [
    ("Dina rättigheter\n- Rätt att få information om vilka personuppgifter vi behandlar om dig.\n", "sv",
     R.RIGHT_ACCESS),
    ("Your rights\nYou can request a copy.\n", "en", R.RIGHT_ACCESS),
    ("Oikeutesi\nSinulla on oikeus saada tietosi siirretyksi toiseen verkkokauppaan.\n", "fi",
     R.RIGHT_PORTABILITY),
    ("Oikeutesi\nVoit tarkistaa ja päivittää tietosi asiakastililläsi.\n", "fi", R.RIGHT_ACCESS),
])
def test_rights_named_as_in_lists(text: str, lang: str, right: Requirement) -> None:
    """Rights as they appear in lists of names and template sentences."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(right)


@pytest.mark.parametrize(("text", "lang"), [
    ("Tietojen käsittely on tarpeen kauppasopimuksen täyttämiseksi.", "fi"),
    ("Behandlingen är nödvändig för att fullgöra avtalet med dig.", "sv"),
    ("Processing is necessary for the performance of a contract with you.", "en"),
])
def test_the_contract_basis_in_the_words_of_article_6(text: str, lang: str) -> None:
    """The 6(1)(b) formula states the basis outside a basis section too."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.LEGAL_BASIS)
    assert Outcome.MISSING == _lint("Tietoja säilytetään sopimuksen ajan.", "fi").outcome(R.LEGAL_BASIS)


@pytest.mark.parametrize(("text", "lang"), [
    ("Kontakt- och betaluppgifterna måste överlåtas vid köp.", "sv"),
    ("Namn och adress är nödvändiga för att vi ska kunna leverera.", "sv"),
    ("Tilaajan tulee antaa nimi ja osoite tilauksen toimittamiseksi.", "fi"),
    ("Asiakkaan on ilmoitettava nimensä ja osoitteensa.", "fi"),
])
def test_required_data_as_a_duty_of_the_customer(text: str, lang: str) -> None:
    """"Måste överlåtas", "tulee antaa", "on ilmoitettava" say the data is required."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "lang", "requirement", "outcome"), [
    ("We do not make decisions based solely on automated processing.", "en", R.AUTOMATED_DECISIONS, Outcome.PROVIDED),
    ("Tiedot säilytetään Suomessa sijaitsevilla palvelimilla.", "fi", R.THIRD_COUNTRY_TRANSFERS, Outcome.PROVIDED),
    ("Beställningsarkivet förvaras på en server i Finland.", "sv", R.THIRD_COUNTRY_TRANSFERS, Outcome.PROVIDED),
    ("Den registrerades rättigheter\nDen registrerade har rätt att förneka användning av uppgifterna till "
     "direktmarknadsföring.\n", "sv", R.RIGHT_OBJECT, Outcome.PROVIDED),
    ("Tilaukset toimitetaan sopimuksen perusteella.\n\nOikeutesi\nSinulla on oikeus saada tiedot jäsennellyssä, "
     "yleisesti käytetyssä muodossa.\n", "fi", R.RIGHT_PORTABILITY, Outcome.PROVIDED),
    ("Beställningar hanteras enligt avtalet.\n\nRättigheter\nDu har rätt att få ut dina uppgifter i ett "
     "strukturerat, allmänt använt format.\n", "sv", R.RIGHT_PORTABILITY, Outcome.PROVIDED),
    ("Orders are processed under the contract.\n\nRights\nYou have the right to receive your data in a structured, "
     "commonly used format.\n", "en", R.RIGHT_PORTABILITY, Outcome.PROVIDED),
])
def test_more_wordings_of_real_statements(text: str, lang: str, requirement: Requirement, outcome: Outcome) -> None:
    """Article 22 in its own words, servers in Finland, the Swedish 'förneka' and Article 20's 'structured format'."""
    assert outcome == _lint(text, lang).outcome(requirement)


@pytest.mark.parametrize(("text", "lang"), [
    ("Käsittely perustuu kanssasi tekemäämme kauppaan.", "fi"),
    ("Kuitit säilytämme, koska kirjanpitolaki niin vaatii.", "fi"),
    ("Vi behandlar beställningar för att fullgöra köpeavtalet.", "sv"),
    ("Bokföringsmaterial sparar vi enligt bokföringslagen.", "sv"),
    ("We process orders and returns to perform our contract with you.", "en"),
    ("We keep receipts as the Accounting Act requires.", "en"),
])
def test_bases_said_in_passing(text: str, lang: str) -> None:
    """The contract or the law named as the reason, without the word "basis"."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.LEGAL_BASIS)


def test_a_shop_is_no_contract() -> None:
    """"Verkkokauppa" is no contract basis: the basis needs the purchase made with the customer."""
    assert Outcome.MISSING == _lint("Verkkokauppa toimittaa tilaukset nopeasti.", "fi").outcome(R.LEGAL_BASIS)


def test_nothing_leaves_the_eea() -> None:
    """"Nothing is transferred outside the EU/EEA" denies a transfer; no safeguards or country are asked."""
    result = _lint("Recipients\nPosti Oy delivers parcels. Nothing is transferred outside the EU/EEA.\n", "en")
    assert Outcome.PROVIDED == result.outcome(R.THIRD_COUNTRY_TRANSFERS)
    assert not {"RK-LINT-TRANSFER-SAFEGUARDS", "RK-LINT-TRANSFER-COUNTRY"} & {f.rule for f in result.findings}


def test_rights_asked_of_the_shop_in_everyday_finnish() -> None:
    """"Kysyä, mitä tietoja sinusta on", "pyytää meitä korjaamaan tai poistamaan ne"."""
    text = ("Mitä voit tehdä?\nVoit milloin tahansa kysyä, mitä tietoja sinusta on, ja pyytää meitä korjaamaan tai "
            "poistamaan ne.\n")
    result = _lint(text, "fi")
    rights = (R.RIGHT_ACCESS, R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE)
    assert dict.fromkeys(rights, Outcome.PROVIDED) == {r: result.outcome(r) for r in rights}


def test_one_heading_per_right() -> None:
    """Under "Rätt till begränsning" the heading names the right its text explains in other words."""
    text = "Rätt till tillgång\nDu kan få en kopia.\n\nRätt till begränsning\nVi lagrar då bara uppgifterna.\n"
    assert Outcome.PROVIDED == _lint(text, "sv").outcome(R.RIGHT_RESTRICTION)


def test_ending_the_subscription_is_withdrawing_consent() -> None:
    """"När du avslutar prenumerationen" tells how consent to the newsletter ends."""
    text = "Nyhetsbrevet får du med ditt samtycke. E-postadressen raderas när du avslutar prenumerationen."
    assert Outcome.PROVIDED == _lint(text, "sv").outcome(R.WITHDRAW_CONSENT)


@pytest.mark.parametrize(("text", "lang", "requirement"), [
    ("Emme tee päätöksiä, jotka perustuvat pelkästään automaattiseen käsittelyyn.", "fi", R.AUTOMATED_DECISIONS),
    ("Vi fattar inga beslut som grundar sig enbart på automatisk behandling.", "sv", R.AUTOMATED_DECISIONS),
    ("Käytämme tietojasi\n- tilausten käsittelyyn\n- asiakaspalveluun\n", "fi", R.PURPOSES),
    ("Din adress delas endast med transportföretaget som levererar paketet.", "sv", R.RECIPIENTS),
    ("Rights\nYou can exercise your rights by emailing us.\nYou may also ask us to stop using your data for "
     "marketing.\n", "en", R.RIGHT_OBJECT),
])
def test_article_22_purposes_recipients_and_objection_in_plain_words(text: str, lang: str,
                                                                      requirement: Requirement) -> None:
    """"Pelkästään automaattiseen käsittelyyn", "Käytämme tietojasi", "delas med", "stop using … for marketing"."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(requirement)


def test_an_order_that_requires_data() -> None:
    """"Tilaus vaatii nimen …" says the data is required; a law that requires keeping it does not."""
    assert Outcome.PROVIDED == _lint("Tilaus vaatii nimen, osoitteen ja sähköpostiosoitteen.", "fi").outcome(
        R.STATUTORY_REQUIREMENT)
    assert Outcome.MISSING == _lint("Kirjanpitolaki vaatii säilyttämään tositteet.", "fi").outcome(
        R.STATUTORY_REQUIREMENT)


def test_short_swedish_rights_and_ingenting() -> None:
    """"Få reda på", "få dem ändrade"; "Ingenting förs över …" denies a transfer."""
    result = _lint("Dina rättigheter\nDu har rätt att få reda på vilka uppgifter vi har om dig och få dem ändrade.\n"
                   "\nMottagare\nPosti Ab levererar. Ingenting förs över till länder utanför EU/EES.\n", "sv")
    assert {R.RIGHT_ACCESS: Outcome.PROVIDED, R.RIGHT_RECTIFICATION: Outcome.PROVIDED} == {
        r: result.outcome(r) for r in (R.RIGHT_ACCESS, R.RIGHT_RECTIFICATION)}
    assert "RK-LINT-TRANSFER-SAFEGUARDS" not in {f.rule for f in result.findings}


@pytest.mark.parametrize(("text", "lang"), [
    ("Käsittelemme tilaustietoja, jotta voimme täyttää sopimuksen kanssasi.", "fi"),
    ("Kirjanpitoaineistoa käsittelemme lain velvoittamana.", "fi"),
    ("Tarjouspyyntöjä käsittelemme pyynnöstäsi ennen sopimuksen tekemistä.", "fi"),
    ("Vi behandlar uppgifterna eftersom vi har ett avtal med dig.", "sv"),
    ("We need this information to carry out our contract with you.", "en"),
    ("We are legally required to keep invoices.", "en"),
])
def test_bases_per_purpose_in_prose(text: str, lang: str) -> None:
    """A purpose sentence that gives its reason in the words of 6(1)(b) or (c) states the basis."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.LEGAL_BASIS)


def test_terms_of_a_contract_are_no_basis() -> None:
    """Mentioning the contract is not yet giving it as the ground."""
    assert Outcome.MISSING == _lint("Sopimuksen ehdot löytyvät verkkosivuilta.", "fi").outcome(R.LEGAL_BASIS)


@pytest.mark.parametrize(("text", "lang", "requirement", "outcome"), [
    ("Dina rättigheter\nDu kan be oss sluta använda dina uppgifter för marknadsföring.\n", "sv", R.RIGHT_OBJECT,
     Outcome.PROVIDED),
    ("Oikeutesi\nVoit pyytää meitä lopettamaan tietojesi käytön markkinointiin.\n", "fi", R.RIGHT_OBJECT,
     Outcome.PROVIDED),
    ("Kakor\nVi använder analyskakor bara med ditt samtycke. Du kan ändra ditt val i kakbannern.\n", "sv",
     R.WITHDRAW_CONSENT, Outcome.PROVIDED),
    ("Uutiskirje lähetetään suostumuksellasi.\n\nOikeutesi\nVoit lopettaa uutiskirjeen tilauksen.\n", "fi",
     R.RIGHT_OBJECT, Outcome.MISSING),
])
def test_stopping_marketing_and_changing_a_cookie_choice(text: str, lang: str, requirement: Requirement,
                                                        outcome: Outcome) -> None:
    """Asking to stop marketing objects to it; ending a subscription withdraws consent but is no objection."""
    assert outcome == _lint(text, lang).outcome(requirement)


@pytest.mark.parametrize(("text", "lang"), [
    ("Purposes: delivering and invoicing orders (contract); keeping accounting records (legal obligation).", "en"),
    ("Vad vi använder uppgifterna till\n- Leverans av beställningar (avtal)\n- Nyhetsbrev (samtycke)\n", "sv"),
    ("Tilauksesi käsittelemme, jotta voimme toimittaa ostamasi tuotteet (sopimus).", "fi"),
    ("Laskut säilytämme kirjanpitolain takia.", "fi"),
])
def test_bases_in_brackets_after_the_purpose(text: str, lang: str) -> None:
    """A basis named in brackets after its purpose is stated."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.LEGAL_BASIS)
    assert Outcome.MISSING == _lint("Tietoja käytetään tilauksiin (katso kohta 5).", "fi").outcome(R.LEGAL_BASIS)


def test_a_negation_after_the_basis_does_not_deny_it() -> None:
    """"(legitimate interest: not losing goods …)" rests on legitimate interest; "ei perustu … etuun" does not."""
    text = ("Purposes: screening card payments for fraud (legitimate interest: not losing goods to stolen cards).\n\n"
            "Rights: access, rectification, erasure and objection.\n")
    result = _lint(text, "en")
    assert Outcome.PROVIDED == result.outcome(R.LEGAL_BASIS)
    assert "RK-LINT-OBJECT-SEPARATE" in {f.rule for f in result.findings}
    denied = _lint("Käsittely ei perustu oikeutettuun etuun.", "fi")
    assert Outcome.NOT_APPLICABLE == denied.outcome(R.LEGITIMATE_INTERESTS)


def test_run_in_labels_of_a_short_statement() -> None:
    """"Tiedot:" lists the data, "Vastustaminen:" sets the objection apart, "ei etene" answers 13(2)(e)."""
    text = ("Rekisterinpitäjä: Kanervan Puutarhapuoti Oy, Y-tunnus 2739590-3, kanerva@puutarhapuoti.fi\n\n"
            "Tiedot: nimi, osoite ja sähköpostiosoite. Ilman yhteystietoja tilaus ei etene.\n\n"
            "Miksi käsittelemme tietoja: Palautteista kehitämme valikoimaa; se on oikeutettu etumme.\n\n"
            "Oikeutesi: Voit tarkastaa tietosi ja oikaista virheet.\n\n"
            "Vastustaminen: Voit vastustaa palautteidesi käyttöä.\n")
    result = _lint(text, "fi")
    assert Outcome.PROVIDED == result.outcome(R.DATA_CATEGORIES)
    assert Outcome.PROVIDED == result.outcome(R.STATUTORY_REQUIREMENT)
    assert "RK-LINT-OBJECT-SEPARATE" not in {f.rule for f in result.findings}


def test_access_as_a_bare_name_in_a_list_of_rights() -> None:
    """"Rights: access, rectification, …" names the right of access."""
    assert Outcome.PROVIDED == _lint("Rights: access, rectification and erasure.", "en").outcome(R.RIGHT_ACCESS)


@pytest.mark.parametrize(("text", "lang"), [
    ("Tietojen siirto\nTietoja siirretään Yhdysvaltoihin komission hyväksymien mallisopimuslausekkeiden perusteella. "
     "Lausekkeista saa kopion pyytämällä.\n", "fi"),
    ("Överföring\nUppgifter överförs till USA med stöd av EU-kommissionens standardavtalsklausuler. En kopia fås på "
     "begäran.\n", "sv"),
])
def test_the_copy_offered_in_the_next_sentence(text: str, lang: str) -> None:
    """A copy of the clauses offered in the sentence after the transfer is offered (RK-LINT-TRANSFER-COPY quiet)."""
    result = _lint(text, lang)
    assert Outcome.PROVIDED == result.outcome(R.TRANSFER_SAFEGUARDS)
    assert "RK-LINT-TRANSFER-COPY" not in {f.rule for f in result.findings}


def test_a_provider_that_may_transfer() -> None:
    """"Google voi siirtää tietoja Yhdysvaltoihin" describes the transfer (the verb "siirtää")."""
    text = ("Evästeet\nKäytämme Google Analytics -palvelua suostumuksellasi. Google voi siirtää tietoja "
            "Yhdysvaltoihin; Google LLC on sitoutunut EU:n ja Yhdysvaltojen tietosuojakehykseen.\n")
    result = _lint(text, "fi")
    assert Outcome.PROVIDED == result.outcome(R.THIRD_COUNTRY_TRANSFERS)
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in {f.rule for f in result.findings}


@pytest.mark.parametrize(("heading", "kinds"), [
    ("Tietojen siirto", ("transfers",)),
    ("Överföring", ("transfers",)),
    ("Transfers", ("transfers",)),
    ("Vastaanottajat ja siirrot", ("recipients",)),
])
def test_a_bare_transfers_heading(heading: str, kinds: tuple[str, ...]) -> None:
    """A heading that is only "Transfers" is about transfers; "Recipients and transfers" stays with recipients."""
    assert kinds == classify_heading(heading)


@pytest.mark.parametrize(("text", "lang"), [
    ("Asiakkaan tulee ilmoittaa osoitteenmuutoksista asiakaspalveluun.", "fi"),
    ("Muutoksista on ilmoitettava viipymättä.", "fi"),
    ("Vi måste lämna ut uppgifter till myndigheter när lagen kräver det.", "sv"),
])
def test_duties_that_are_no_answer_to_13_2_e(text: str, lang: str) -> None:
    """Reporting changes, or the shop's duty to disclose, says nothing of which data the customer must give."""
    assert Outcome.MISSING == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Om du vill lämna synpunkter på hur vi hanterar uppgifterna behöver du bara skicka e-post.", "sv",
     Outcome.MISSING),
    ("Please provide accurate information so that your order reaches you.", "en", Outcome.MISSING),
    ("Pyydämme vain ne tiedot, joita ilman tilausta ei voi toimittaa.", "fi", Outcome.PROVIDED),
    ("Giving your phone number is up to you.", "en", Outcome.PROVIDED),
])
def test_giving_means_giving_data(text: str, lang: str, outcome: Outcome) -> None:
    """The co-occurrence reading needs data (or a form) as what is given: opinions or accuracy are no answer."""
    assert outcome == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


def test_as_long_as_it_is_needed_in_swedish() -> None:
    """"Så länge det behövs" is vague retention."""
    assert "RK-LINT-RETENTION-VAGUE" in _rules("Lagringstid\nVi sparar uppgifterna så länge det behövs.\n", "sv")


@pytest.mark.parametrize(("text", "lang"), [
    ("Sähköpostimarkkinointia lähetämme vain luvallasi. Voit muuttaa markkinointilupiasi omalla asiakastililläsi.",
     "fi"),
    ("Nyhetsbrev skickar vi med ditt samtycke. Du kan ändra ditt marknadsföringstillstånd på ditt konto.", "sv"),
    ("We send offers with your consent. You can change your marketing preferences in your account.", "en"),
])
def test_changing_marketing_permissions_withdraws_consent(text: str, lang: str) -> None:
    """Changing one's marketing permissions in the account is the way to withdraw that consent."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.WITHDRAW_CONSENT)


def test_a_table_of_necessary_cookies_needs_no_full_declaration() -> None:
    """A basket cookie named in a table, said to be necessary: no RK-LINT-COOKIE-DETAILS."""
    text = ("Kakor\n| Namn | Syfte | Lagringstid |\n|---|---|---|\n| cart | Varukorgen | Sessionen |\n\n"
            "Vi använder endast kakan för varukorgen, som är nödvändig för att butiken ska fungera.\n")
    assert "RK-LINT-COOKIE-DETAILS" not in _rules(text, "sv")
    named = "Kakor\nVi använder kakan _ga för besöksstatistik.\n"
    assert "RK-LINT-COOKIE-DETAILS" in _rules(named, "sv")


@pytest.mark.parametrize(("text", "lang"), [
    ("Rättigheter\nDen registrerade har rätt att av den personuppgiftsansvarige få bekräftelse på om "
     "personuppgifter behandlas.\n", "sv"),
    ("Rights\nYou have the right to obtain from us confirmation as to whether personal data concerning you are "
     "processed.\n", "en"),
    ("Oikeutesi\nVoit pyytää vahvistuksen siitä, käsitelläänkö tietojasi.\n", "fi"),
])
def test_access_in_the_words_of_article_15(text: str, lang: str) -> None:
    """Article 15(1)'s "confirmation as to whether" is the right of access."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.RIGHT_ACCESS)


def test_a_sole_trader_in_the_first_person() -> None:
    """"Kuka olen", "Mihin tietoja käytän", "Tilaamiseen tarvitaan …", "haluan tietää, miten onnistuin",
    "pyytää nähtäväksesi"."""
    text = ("Kuka olen\nVerkkokauppaa pitää Elina Koivisto, toiminimellä Koiviston Korupaja (Y-tunnus 2083464-3).\n\n"
            "Mitä tietoja tarvitsen\nTilaamiseen tarvitaan nimi, osoite ja sähköpostiosoite.\n\n"
            "Mihin tietoja käytän\nToimitan tilaukset kauppasopimuksen perusteella. Pyydän arvostelua oikeutetun etuni "
            "perusteella: haluan tietää, miten onnistuin.\n\n"
            "Oikeutesi\nVoit pyytää nähtäväksesi tiedot, jotka minulla on sinusta.\n")
    result = _lint(text, "fi")
    wanted = (R.PURPOSES, R.STATUTORY_REQUIREMENT, R.LEGITIMATE_INTERESTS, R.RIGHT_ACCESS)
    assert dict.fromkeys(wanted, Outcome.PROVIDED) == {r: result.outcome(r) for r in wanted}


def test_changing_ones_details_is_rectification() -> None:
    """"Can I change my details? Yes — we will update them."""
    text = "Can I change my details? Yes, contact us and we will update them."
    assert Outcome.PROVIDED == _lint(text, "en").outcome(R.RIGHT_RECTIFICATION)


@pytest.mark.parametrize(("text", "lang"), [
    ("Tämä seloste korvaa aiemman, henkilötietolain (523/1999) mukaisen rekisteriselosteen.", "fi"),
    ("Henkilötietolaki kumottiin 1.1.2019, ja nyt sovelletaan tietosuoja-asetusta.", "fi"),
    ("Denna beskrivning ersätter den tidigare registerbeskrivningen enligt personuppgiftslagen.", "sv"),
    ("This notice replaces our earlier register description under the Personal Data Act.", "en"),
])
def test_the_repealed_law_named_as_history(text: str, lang: str) -> None:
    """Saying that the statement replaces an old one, or that the law was repealed, is not citing it as current."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.OUTDATED_LAW)


@pytest.mark.parametrize(("text", "lang"), [
    ("Tämä rekisteriseloste korvaa aiemmat versiot. Seloste on laadittu henkilötietolain mukaisesti.", "fi"),
    ("Rekisteriseloste on laadittu aiemman henkilötietolain (523/1999) mukaisesti.", "fi"),
    ("This notice replaces earlier ones. Transfers rely on the standard contractual clauses of Decision 2010/87/EU.",
     "en"),
])
def test_replacing_words_do_not_excuse_the_old_law_applied(text: str, lang: str) -> None:
    """The old law or old clauses still applied are outdated, even beside a word of replacing or "earlier"."""
    assert Outcome.MISSING == _lint(text, lang).outcome(R.OUTDATED_LAW)


def test_an_e_mail_address_spelled_out() -> None:
    """"info (at) kauppa.fi" or "info(a)kauppa.fi" is the controller's e-mail address."""
    for address in ("info (at) puutarha.fi", "info(a)puutarha.fi", "info[at]puutarha.fi"):
        text = f"Rekisterinpitäjä\nPuutarha Oy\nY-tunnus: 2739590-3\nSähköposti: {address}\n"
        assert Outcome.PROVIDED == _lint(text, "fi").outcome(R.CONTROLLER_CONTACT), address


@pytest.mark.parametrize(("text", "lang"), [
    ("Säilytysaika\nTietoja säilytetään huolellisesti palvelimella, johon pääsy on vain nimetyillä työntekijöillä.\n\n"
     "Tarkoitus\nKirjanpitoaineiston säilyttäminen perustuu kirjanpitolain velvoitteeseen.\n", "fi"),
    ("Retention\nCustomer data is retained securely and handled confidentially by our staff.\n\n"
     "Purposes\nWe keep accounting records as required by the Accounting Act.\n", "en"),
    ("Hur länge vi sparar uppgifter\nUppgifterna sparas på en skyddad server.\n", "sv"),
])
def test_a_retention_section_with_no_period_is_no_retention(text: str, lang: str) -> None:
    """Security words under a retention heading give no period; the accounting law named elsewhere covers only the
    accounting records."""
    assert Outcome.MISSING == _lint(text, lang).outcome(R.RETENTION)


@pytest.mark.parametrize(("text", "lang"), [
    ("Säilytysaika\nTilaustiedot poistetaan kahden vuoden kuluttua tilauksesta.\n", "fi"),
    ("Säilytysaika\nTietoja säilytetään huolellisesti.\n\nTarkoitus\nTilaustiedot säilytetään 2 vuotta.\n", "fi"),
    ("Purposes\nWe keep accounting records as required by the Accounting Act.\n", "en"),
    ("Hur länge vi sparar uppgifter\nBeställningar sparas tills kundkontot avslutas.\n", "sv"),
])
def test_a_retention_period_stated(text: str, lang: str) -> None:
    """A period in the retention section, or one given elsewhere, is retention; so is the accounting law when no
    retention section says otherwise."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.RETENTION)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Uppgifter\nDet är obligatoriskt att vara minst 18 år för att handla i butiken.\n", "sv", Outcome.MISSING),
    ("Tiedot\nOstaminen edellyttää, että olet vähintään 18-vuotias; se on pakollista.\n", "fi", Outcome.MISSING),
    ("Data\nIt is mandatory to be at least 18 years old to shop with us.\n", "en", Outcome.MISSING),
    ("Uppgifter\nDet är obligatoriskt att vara minst 18 år och att ange namn och adress.\n", "sv", Outcome.PROVIDED),
    ("Data\nYour name and address are mandatory.\n", "en", Outcome.PROVIDED),
])
def test_an_age_limit_is_no_required_data(text: str, lang: str, outcome: Outcome) -> None:
    """'Obligatoriskt' about the buyer's age says nothing of which data must be given."""
    assert outcome == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Recipients\nNewsletters are sent with Mailchimp. Mailchimp may transfer data to the United States.\n", "en",
     Outcome.MISSING),
    ("Vastaanottajat\nUutiskirje lähetetään Mailchimpillä. Mailchimp voi siirtää tietoja Yhdysvaltoihin.\n", "fi",
     Outcome.MISSING),
    ("Mottagare\nNyhetsbrevet skickas med Mailchimp, som kan överföra uppgifter till USA.\n", "sv", Outcome.MISSING),
    ("Recipients\nGoogle may transfer data to the USA under the EU-U.S. Data Privacy Framework.\n", "en",
     Outcome.PROVIDED),
    ("Vastaanottajat\nGoogle voi siirtää tietoja Yhdysvaltoihin; siirto perustuu vakiosopimuslausekkeisiin.\n", "fi",
     Outcome.PROVIDED),
])
def test_a_transfer_that_may_happen(text: str, lang: str, outcome: Outcome) -> None:
    """'Mailchimp may transfer data' leaves open whether it does, unless the section gives the mechanism."""
    assert outcome == _lint(text, lang).outcome(R.CLARITY)


@pytest.mark.parametrize(("text", "lang"), [
    ("Mottagare\nPaketen levereras av Posti Ab. Uppgifterna behandlas endast inom EU/EES.\n\n"
     "© 2026 Tvål Ab · Följ oss på Instagram\n", "sv"),
    ("Recipients\nParcels are delivered by Posti Oy. Data stays inside EU.\n\nFollow us on Instagram\n", "en"),
    ("Vastaanottajat\nPaketit toimittaa Posti Oy. Tiedot käsitellään vain EU:n alueella.\n\n"
     "Seuraa meitä Instagramissa\n", "fi"),
])
def test_a_follow_us_link_is_no_transfer(text: str, lang: str) -> None:
    """A footer link to the shop's own social media page names no provider that receives data."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.THIRD_COUNTRY_TRANSFERS)


def test_instagram_named_as_a_provider_is_still_a_transfer() -> None:
    """Without a word of following, Instagram is a provider outside the EEA."""
    text = "Recipients\nParcels are delivered by Posti Oy. Data stays inside EU. We advertise on Instagram.\n"
    assert Outcome.MISSING == _lint(text, "en").outcome(R.THIRD_COUNTRY_TRANSFERS)


def test_non_native_english_rights() -> None:
    """"ask to see your data", "get it in machine readable file"."""
    text = "Your rights: you can ask to see your data, and to get it in machine readable file.\n"
    result = _lint(text, "en")
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.RIGHT_ACCESS), result.outcome(R.RIGHT_PORTABILITY))


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Data retention\nWhen you order, we keep your order details unless and until you ask us to delete them.\n", "en",
     Outcome.MISSING),
    ("Säilytysaika\nTilaustiedot säilytetään, kunnes pyydät poistamaan ne.\n", "fi", Outcome.MISSING),
    ("Hur länge\nRecensioner sparas tills du ber oss ta bort dem.\n", "sv", Outcome.MISSING),
    ("Hur länge\nBeställningar sparas i tre år. Recensioner sparas tills du ber oss ta bort dem.\n", "sv",
     Outcome.PROVIDED),
])
def test_keeping_data_until_asked_is_no_period_alone(text: str, lang: str, outcome: Outcome) -> None:
    """'Unless and until you ask us to delete them' sets no period unless another criterion is given."""
    assert outcome == _lint(text, lang).outcome(R.RETENTION)


def test_bases_in_a_hosted_template_rights_section() -> None:
    """'To carry out contracts we have with you, or for our legitimate business interests' states the bases."""
    text = ("YOUR RIGHTS\nYou can see the personal information we hold about you.\nWe handle your information to carry "
            "out contracts we have with you, or for our legitimate business interests listed above.\n")
    assert Outcome.PROVIDED == _lint(text, "en").outcome(R.LEGAL_BASIS)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Purposes\nGoogle Analytics tells us how visitors use the Shop.\n\nRecipients\nThe Shop runs on Shopify.\n\n"
     "Transfers\nYour information will be transferred outside Europe, also to Canada and the United States.\n",
     False),
    ("Purposes\nGoogle Analytics tells us how visitors use the Shop.\n\nRecipients\nNewsletters are sent with "
     "Mailchimp, which transfers e-mail addresses to the United States.\n", True),
])
def test_a_general_transfer_statement_covers_providers(text: str, outcome: bool) -> None:
    """A transfer statement naming countries but no provider covers the providers named elsewhere; one about a
    single provider does not."""
    assert outcome == ("RK-LINT-TRANSFER-UNDISCLOSED" in _rules(text, "en"))


@pytest.mark.parametrize(("text", "outcome"), [
    ("7. Tietojen säännönmukaiset luovutukset ja tietojen siirto EU:n tai ETA:n ulkopuolelle\nTietoja ei luovuteta "
     "kenellekään. Tietoja voidaan julkaista, jos siitä on sovittu. Tietoja ei siirretä EU:n tai ETA:n "
     "ulkopuolelle.\n", Outcome.PROVIDED),
    ("7. Tietojen siirto EU:n tai ETA:n ulkopuolelle\nKäytämme uutiskirjeisiin palvelua, joka sijaitsee "
     "Yhdysvalloissa.\n", Outcome.PROVIDED),
])
def test_a_template_transfer_section_that_denies_transfers(text: str, outcome: Outcome) -> None:
    """A sentence without a transfer word in a section that denies transfers describes no transfer (no safeguards
    needed); a transfer described in the section still is one."""
    result = _lint(text, "fi")
    assert outcome == result.outcome(R.THIRD_COUNTRY_TRANSFERS)
    expected = Outcome.NOT_APPLICABLE if "ei siirretä" in text else Outcome.MISSING
    assert expected == result.outcome(R.TRANSFER_SAFEGUARDS)


def test_vastaanottajat_ja_siirrot_is_a_transfer_section() -> None:
    """'Vastaanottajat ja siirrot' and the plural 'siirrot perustuvat' read as transfers."""
    text = ("Tilaukset\nToimitamme tilaukset.\n\nKävijätilastot\nKäytämme Google Analyticsia.\n\n"
            "Vastaanottajat ja siirrot\nGoogle käsittelee tietoja Yhdysvalloissa; siirrot perustuvat "
            "tietosuojakehykseen (Data Privacy Framework).\n")
    result = _lint(text, "fi")
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.THIRD_COUNTRY_TRANSFERS),
                                                     result.outcome(R.TRANSFER_SAFEGUARDS))


@pytest.mark.parametrize(("text", "outcome"), [
    ("2. Mihin tietoja käytetään\n2.1 Tilaukset\nToimitamme ja laskutamme tilaukset kauppasopimuksen perusteella.\n",
     Outcome.PROVIDED),
    ("2. Mihin tietoja käytetään\n3. Säilytysaika\nTilaustiedot poistetaan kahden vuoden kuluttua.\n",
     Outcome.MISSING),
])
def test_purposes_in_subsections(text: str, outcome: Outcome) -> None:
    """A purposes heading with its text in numbered subsections of unknown headings; a following section about
    something else is no purpose."""
    assert outcome == _lint(text, "fi").outcome(R.PURPOSES)


def test_a_headingless_sentence_naming_rights() -> None:
    """'Du kan be att få se, rätta eller radera dina uppgifter, begränsa behandlingen …' with no rights heading."""
    text = ("Stickstugan, Strandvägen 7, Ekenäs.\n\nDu kan be att få se, rätta eller radera dina uppgifter och "
            "begränsa behandlingen.\n")
    result = _lint(text, "sv")
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.RIGHT_ACCESS), result.outcome(R.RIGHT_ERASURE))


def test_everyday_words_outside_a_rights_sentence_are_no_right() -> None:
    """'radera' in a sentence naming one right or none is not the right to erasure."""
    text = "Stickstugan, Strandvägen 7, Ekenäs.\n\nDu kan radera varor ur varukorgen.\n"
    assert Outcome.MISSING == _lint(text, "sv").outcome(R.RIGHT_ERASURE)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Data\nWe collect some of the cookies placed on your device.\n\nUse\nGoogle Analytics tells us how visitors use "
     "the Shop.\n", Outcome.MISSING),
    ("Use\nGoogle Analytics tells us how visitors use the Shop.\n", Outcome.NOT_APPLICABLE),
])
def test_a_tracking_tool_named_without_the_cookie_word(text: str, outcome: Outcome) -> None:
    """Once cookies are mentioned, Google Analytics named elsewhere needs consent too."""
    assert outcome == _lint(text, "en").outcome(R.COOKIE_CONSENT)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Säilytys\nTietoja säilytetään asiakassuhteen ajan.\n", Outcome.MISSING),
    ("Säilytys\nTietoja säilytetään asiakassuhteen ajan. Asiakassuhde päättyy, kun viimeisestä ostosta on kulunut "
     "kaksi vuotta.\n", Outcome.PROVIDED),
    ("Säilytys\nTietoja säilytetään asiakassuhteen ajan ja kaksi vuotta sen päättymisen jälkeen.\n", Outcome.PROVIDED),
])
def test_retention_for_the_customer_relationship(text: str, outcome: Outcome) -> None:
    """'asiakassuhteen ajan' alone is vague; with the end of the relationship defined, or a period after it, it is a
    criterion."""
    findings = [f for f in _lint(text, "fi").findings if f.requirement is R.RETENTION]
    assert (outcome is Outcome.MISSING) == bool(findings)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Tiedot\nKassalla on pakko valita toimitustapa ja maksutapa.\n", "fi", Outcome.MISSING),
    ("Uppgifter\nDet är obligatoriskt att godkänna köpvillkoren innan beställningen skickas.\n", "sv", Outcome.MISSING),
    ("Data\nIt is mandatory to accept the terms before ordering.\n", "en", Outcome.MISSING),
    ("Tiedot\nKassalla nimi ja osoite ovat pakollisia.\n", "fi", Outcome.PROVIDED),
])
def test_a_checkout_choice_is_no_required_data(text: str, lang: str, outcome: Outcome) -> None:
    """Choosing a delivery method or accepting the terms says nothing of which data must be given."""
    assert outcome == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Vastaanottajat\nVerkkokauppa-alustan palvelimet voivat sijaita myös EU:n ulkopuolella.\n", "fi",
     Outcome.MISSING),
    ("Mottagare\nUppgifter kan överföras till länder utanför EU/EES.\n", "sv", Outcome.MISSING),
    ("Recipients\nYour data may be transferred outside the EEA.\n", "en", Outcome.MISSING),
    ("Mottagare\nUppgifter överförs till USA med standardavtalsklausuler.\n", "sv", Outcome.PROVIDED),
])
def test_hedged_transfers_are_vague(text: str, lang: str, outcome: Outcome) -> None:
    """Servers that 'voivat sijaita' or data that 'kan överföras' outside the EEA leave open where data goes."""
    assert outcome == _lint(text, lang).outcome(R.CLARITY)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Ändamål\nVi följer upp hur nöjda kunderna är (berättigat intresse).\n", "sv", Outcome.MISSING),
    ("Purposes\nScreening card payments for fraud (legitimate interest).\n", "en", Outcome.MISSING),
    ("Purposes\nScreening card payments for fraud (legitimate interest: not losing goods to stolen cards).\n", "en",
     Outcome.PROVIDED),
    ("Ändamål\nVi följer upp kundnöjdheten (berättigat intresse, för att förbättra vårt sortiment).\n", "sv",
     Outcome.PROVIDED),
])
def test_a_legitimate_interest_in_brackets(text: str, lang: str, outcome: Outcome) -> None:
    """The basis in brackets after its purpose names no interest unless the bracket explains it."""
    assert outcome == _lint(text, lang).outcome(R.LEGITIMATE_INTERESTS)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Cookies: we need your consent only for cookies; the shop uses only the session cookie needed for the cart.\n",
     Outcome.NOT_APPLICABLE),
    ("Cookies: analytics cookies are set only with your consent.\n", Outcome.MISSING),
])
def test_consent_spoken_of_only_for_cookies_not_used(text: str, outcome: Outcome) -> None:
    """Consent mentioned about cookies the shop does not use needs no withdrawal."""
    assert outcome == _lint(text, "en").outcome(R.WITHDRAW_CONSENT)


def test_ask_what_data_we_have() -> None:
    """'You can ask what data we have about you' is access."""
    assert Outcome.PROVIDED == _lint("Your rights: you can ask what data we have about you by email.\n",
                                     "en").outcome(R.RIGHT_ACCESS)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("## Tarkoitus\nUutiskirjettä lähetämme suostumuksesi perusteella.\n\n## Peruuttaminen ja palautukset\n"
     "Sinulla on 14 päivän peruuttamisoikeus. Voit perua tilauksen ilmoittamalla siitä asiakaspalveluun.\n", "fi",
     Outcome.MISSING),
    ("## Ändamål\nNyhetsbrevet skickas med ditt samtycke.\n\n## Ångerrätt\nDu har 14 dagars ångerrätt enligt "
     "konsumentskyddslagen.\n", "sv", Outcome.MISSING),
    ("## Purposes\nWe send the newsletter with your consent.\n\n## Returns\nYou can cancel your order within 14 "
     "days.\n", "en", Outcome.MISSING),
    ("## Tarkoitus\nUutiskirjettä lähetämme suostumuksesi perusteella. Voit perua suostumuksesi milloin tahansa.\n\n"
     "Peruuttaminen ja palautukset\nSinulla on 14 päivän peruuttamisoikeus.\n", "fi", Outcome.PROVIDED),
])
def test_withdrawing_from_a_purchase_is_not_withdrawing_consent(text: str, lang: str, outcome: Outcome) -> None:
    """The consumer's right of withdrawal from a purchase says nothing of withdrawing consent."""
    assert outcome == lint_text(text, format="md", language=lang).outcome(R.WITHDRAW_CONSENT)

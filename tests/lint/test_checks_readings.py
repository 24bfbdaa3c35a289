"""Readings added for the phrasings of real statements (issue 21, fourteenth and fifteenth rounds): each is read
where it should be and not where it should not."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(text: str, lang: str, fmt: str = "txt") -> set[str]:
    return {f.rule for f in _lint(text, lang, fmt).findings}


@pytest.mark.parametrize(("text", "outcome"), [
    ("Rekisterin suojauksen periaatteet\nAsiakas voi milloin tahansa katsoa ja muuttaa omia tietojaan "
     "kirjautumalla asiakastililleen.\n", Outcome.PROVIDED),
    ("Rekisterin suojauksen periaatteet\nPääsy tietoihin on rajattu niitä työssään tarvitseviin työntekijöihin.\n",
     Outcome.MISSING),
])
def test_rights_given_in_the_security_section_as_what_the_customer_can_do(text: str, outcome: Outcome) -> None:
    """An old template's "Asiakas voi katsoa … omia tietojaan" in the security section is the right of access;
    a sentence about who may access the register is not."""
    assert outcome == _lint(text, "fi").outcome(R.RIGHT_ACCESS)


def test_erasure_on_request_in_the_security_section_is_no_hedge() -> None:
    """"Tiedot voidaan poistaa asiakkaan pyynnöstä" names erasure and is not vague wording."""
    result = _lint("Rekisterin suojaus\nTiedot voidaan poistaa asiakkaan pyynnöstä.\n", "fi")
    assert (Outcome.PROVIDED, set()) == (result.outcome(R.RIGHT_ERASURE),
                                         {f.rule for f in result.findings} & {"RK-LINT-VAGUE"})


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    ("Säilytysaika\nAsiakastietoja säilytetään niin kauan kuin asiakassuhde on voimassa.\n", "fi", True),
    ("Säilytysaika\nAsiakastietoja säilytetään niin kauan kuin asiakassuhde on voimassa. Asiakassuhde päättyy, kun "
     "viimeisestä ostosta on kulunut kaksi vuotta.\n", "fi", False),
    ("Lagringstid\nUppgifterna i kundkontot sparas så länge du är kund hos oss.\n", "sv", True),
    ("Lagringstid\nUppgifterna sparas så länge du är kund hos oss. Du räknas inte längre som kund när två år gått "
     "sedan ditt senaste köp.\n", "sv", False),
    ("Retention\nWe keep your account data for as long as you are a customer.\n", "en", True),
])
def test_the_customer_relationship_as_a_period(text: str, lang: str, flagged: bool) -> None:
    """"As long as the customer relationship lasts" is vague unless the section says when it ends."""
    assert flagged == ("RK-LINT-RETENTION-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("answer", "outcome"), [
    ("Nej. Adressuppgifterna lämnas endast till Posti Ab för leveransen.", Outcome.NOT_APPLICABLE),
    ("Information överförs inte utanför EU eller EES.", Outcome.NOT_APPLICABLE),
    ("Ja, uppgifter om nyhetsbrevet överförs till USA.", Outcome.MISSING),
])
def test_a_template_transfer_heading_answered_no(answer: str, outcome: Outcome) -> None:
    """The long template heading read as a sentence describes no transfer when the answer under it denies one."""
    text = ("Registrets datainnehåll\nNamn och adress.\n\nRegelmässigt utlämnande av uppgifter och överföring av "
            f"uppgifter utanför EU eller EES\n{answer}\n")
    assert outcome == _lint(text, "sv").outcome(R.TRANSFER_SAFEGUARDS)


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Our store runs on Shopify, which stores the store's data in Canada and the United States.", Outcome.MISSING),
    ("We use Mailchimp; Mailchimp is based in the United States.", Outcome.MISSING),
    ("Our store keeps the store's data in Finland.", Outcome.NOT_APPLICABLE),
])
def test_a_provider_placed_in_a_third_country(sentence: str, outcome: Outcome) -> None:
    """"Stores … data in Canada", "based in the United States" describe a transfer that needs a mechanism."""
    assert outcome == _lint(f"Recipients\n{sentence}\n", "en").outcome(R.TRANSFER_SAFEGUARDS)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Rekisterinpitäjä: Villasukka Tehdas\nOsoite: Myllytie 3, 82900 Ilomantsi\n", True),
    ("Rekisterinpitäjä: Maija Meikäläinen\nOsoite: Myllytie 3, 82900 Ilomantsi\n", False),
    ("Rekisterinpitäjä: Anna-Liisa Meikäläinen\nOsoite: Myllytie 3, 82900 Ilomantsi\n", False),
    ("Rekisterinpitäjä: Pinja Laakso\nOsoite: Myllytie 3, 82900 Ilomantsi\nKauppaa pitää toiminimi.\n", False),
    ("Rekisterinpitäjä\nPinja Laakso\nMyllytie 3, 82900 Ilomantsi\n\nYhteyshenkilö\nPinja Laakso\n"
     "pinja@example.fi\n", False),
])
def test_a_two_word_controller_name(text: str, flagged: bool) -> None:
    """Two capitalised words are a person's name only with a common first name, a sole-trader word or the same
    contact person; "Villasukka Tehdas" is a trade name."""
    assert flagged == ("RK-LINT-CONTROLLER-TRADE-NAME" in _rules(text, "fi"))


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Oikeusperuste\nKäsittely perustuu oikeutettuun etuumme, joka on liiketoimintamme harjoittaminen ja "
     "edistäminen.\n", "fi", Outcome.MISSING),
    ("Oikeusperuste\nKäsittelyperuste on oikeutettu etu. Oikeutettuna etuna on liiketoiminnan edistäminen.\n", "fi",
     Outcome.MISSING),
    ("Oikeusperuste\nKorttimaksujen tarkistus perustuu oikeutettuun etuumme estää korttipetokset.\n", "fi",
     Outcome.PROVIDED),
    ("Legal basis\nWe rely on our legitimate business interests.\n", "en", Outcome.MISSING),
    ("Ändamål\nFöra statistik över försäljningen. Behandlingen bygger på: intresseavvägning\n", "sv",
     Outcome.MISSING),
    ("Ändamål\nFörebygga kortbedrägerier. Rättslig grund: berättigat intresse: att inte leverera varor som betalats "
     "med stulna kort.\n", "sv", Outcome.PROVIDED),
])
def test_a_generic_legitimate_interest_names_none(text: str, lang: str, outcome: Outcome) -> None:
    """Running or promoting the business is no interest a data subject could weigh; a concrete one is."""
    assert outcome == _lint(text, lang).outcome(R.LEGITIMATE_INTERESTS)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Tarkoitus\nLähetämme uutiskirjeen asiakkaillemme.\n\nOikeusperuste\nKaikki edellä mainittu käsittely perustuu "
     "oikeutettuun etuumme.\n", "fi", Outcome.MISSING),
    ("Tarkoitus\nLähetämme uutiskirjeen suostumuksesi perusteella.\n\nOikeusperuste\nTilaukset perustuvat "
     "oikeutettuun etuumme estää petokset.\n", "fi", Outcome.PROVIDED),
    ("Ändamål\nKunder som beställer nyhetsbrevet antas ge sin tillåtelse till direktmarknadsföring.\n", "sv",
     Outcome.MISSING),
    ("Ändamål\nNyhetsbrevet skickas till kunder som gett sitt samtycke.\n", "sv", Outcome.PROVIDED),
    ("Purposes\nSubscribers are deemed to have consented to receiving our offers.\n", "en", Outcome.MISSING),
])
def test_marketing_on_legitimate_interest_or_presumed_consent(text: str, lang: str, outcome: Outcome) -> None:
    """A newsletter rested on legitimate interest, or on consent presumed, has no valid basis (917/2014 200 §)."""
    assert outcome == _lint(text, lang).outcome(R.DIRECT_MARKETING)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Käyttäessäsi tätä sivustoa tiedostat ja hyväksyt tunnistetietojesi keräämisen.", True),
    ("Käyttämällä sivustoa, hyväksyt evästeiden käytön.", True),
    ("Käyttämällä sivustoa saat tietoa tuotteistamme.", False),
])
def test_consent_by_use_of_the_site(text: str, flagged: bool) -> None:
    """Consent by using the site is flagged with or without the word cookie, and after a comma."""
    assert flagged == ("RK-LINT-COOKIE-IMPLIED" in _rules(text + "\n", "fi"))


@pytest.mark.parametrize(("text", "outcome"), [
    ("Kakor\nNätbutiken använder kakor som sparas på användarens dator. Kakorna är tidsbegränsade.\n",
     Outcome.MISSING),
    ("Kakor\nVi använder endast kakor som behövs för att varukorgen ska fungera.\n", Outcome.NOT_APPLICABLE),
])
def test_cookies_neither_itemised_nor_called_necessary(text: str, outcome: Outcome) -> None:
    """Cookies the text does not describe at all need a declaration; cookies said to be necessary do not."""
    assert outcome == _lint(text, "sv").outcome(R.COOKIE_DETAILS)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Källor\nKontaktuppgifter sparas i samband med registrering. Övrig information sparas efter att kunden gjort "
     "en beställning.\n", "sv", Outcome.MISSING),
    ("Lagringstid\nÖvrig information raderas två år efter den senaste beställningen.\n", "sv", Outcome.PROVIDED),
    ("Lagrande av data\nData förvaras i vårt system och makuleras inom den tidsfrist som bokföringsförordningen "
     "föreskriver.\n", "sv", Outcome.PROVIDED),
    ("Retention\nWe keep personal data no longer than necessary.\n", "en", Outcome.PROVIDED),
])
def test_when_data_is_saved_is_no_period(text: str, lang: str, outcome: Outcome) -> None:
    """"Saved after the order" says when data is saved; a deletion after a time, or the accounting rules' period,
    is a period (a vague one is still a period, flagged as vague)."""
    assert outcome == _lint(text, lang).outcome(R.RETENTION)


def test_no_longer_than_necessary_is_vague() -> None:
    """"No longer than necessary" gives no period or criterion."""
    assert "RK-LINT-RETENTION-VAGUE" in _rules("Retention\nWe keep personal data no longer than necessary.\n", "en")


_PER_PURPOSE = """# Tietosuojaseloste

## Mihin käytämme tietojasi

### Tilausten käsittely

Toimitamme tilauksesi ja hoidamme palautukset. Peruste: kauppasopimus.

### Markkinointi

{marketing}

### Kirjanpito

Säilytämme tilaus- ja maksutiedot kirjanpitoa varten. Peruste: kirjanpitolain velvoite.
"""


@pytest.mark.parametrize(("marketing", "flagged"), [
    ("Lähetämme asiakkaille sähköpostitse tarjouksia.", True),
    ("Lähetämme tarjouksia. Peruste: suostumuksesi.", False),
])
def test_a_purpose_left_without_its_basis(marketing: str, flagged: bool) -> None:
    """Purposes in subsections, each but one with its basis: the one without is flagged."""
    result = _lint(_PER_PURPOSE.format(marketing=marketing), "fi", "md")
    assert flagged == ("RK-LINT-BASIS-PER-PURPOSE" in {f.rule for f in result.findings})
    assert (Outcome.MISSING if flagged else Outcome.PROVIDED) == result.outcome(R.LEGAL_BASIS)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Ändamål\nLeverera beställningar och hantera reklamationer.\n", "sv", Outcome.NOT_APPLICABLE),
    ("Ändamål\nVi skickar reklam per e-post.\n", "sv", Outcome.MISSING),
])
def test_a_complaint_about_goods_is_no_advertising(text: str, lang: str, outcome: Outcome) -> None:
    """"Reklamation" (a complaint about goods) is not "reklam" (advertising)."""
    assert outcome == _lint(text, lang).outcome(R.DIRECT_MARKETING)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Purposes\nWe develop the shop's product range from sales figures.\n", Outcome.NOT_APPLICABLE),
    ("Purposes\nWe deliver orders (contract) and develop the product range from sales figures; we ask your consent "
     "for that.\n", Outcome.NOT_APPLICABLE),
])
def test_development_not_presumed_on_legitimate_interest_when_bases_are_given(text: str, outcome: Outcome) -> None:
    """A development purpose is presumed to rest on legitimate interests only when the text gives no basis."""
    result = _lint(text, "en")
    assert ("RK-LINT-RIGHT-OBJECT-LIKELY" in {f.rule for f in result.findings}) == ("contract" not in text)
    if "contract" in text:
        assert outcome == result.outcome(R.RIGHT_OBJECT)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("When you order, we need your name, address and email to deliver the products to you.\n", "en",
     Outcome.PROVIDED),
    ("When you order, we process your name, address and email.\n", "en", Outcome.MISSING),
    ("Nimi, osoite ja sähköpostiosoite on pakko antaa, jotta tilaus voidaan toimittaa.\n", "fi", Outcome.PROVIDED),
])
def test_which_data_is_required(text: str, lang: str, outcome: Outcome) -> None:
    """"We need your name … to deliver" and "on pakko antaa" say which data is required."""
    assert outcome == _lint(text, lang).outcome(R.STATUTORY_REQUIREMENT)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Tunnistetiedot talletetaan verkkopalvelun toimivuuden varmistamiseksi sekä markkinoinnin tueksi.\n",
     Outcome.PROVIDED),
    ("Tunnistetiedot talletetaan palvelimelle.\n", Outcome.MISSING),
])
def test_purposes_in_translative_clauses(text: str, outcome: Outcome) -> None:
    """"… varmistamiseksi", "… tueksi" state a purpose."""
    assert outcome == _lint(text, "fi").outcome(R.PURPOSES)


def test_a_register_named_in_the_sources_section_covers_the_data_list() -> None:
    """"Luottotietorekisteristä saatu tieto" in the data list refers to the register the sources section names."""
    text = ("Käsiteltävät tiedot\nNimi, osoite sekä luottotietorekisteristä saatu tieto maksuhäiriöistä.\n\n"
            "Tietolähteet\nTiedot saadaan asiakkaalta ja luottotiedot Suomen Asiakastieto Oy:ltä.\n")
    assert "RK-LINT-SOURCE-VAGUE" not in _rules(text, "fi")
    assert "RK-LINT-SOURCE-VAGUE" in _rules(text.replace("Suomen Asiakastieto Oy:ltä", "muista lähteistä"), "fi")


@pytest.mark.parametrize(("text", "lang"), [
    ("Mottagare\nVåra tjänsteleverantörer behandlar uppgifterna inom EU/EES.\n", "sv"),
    ("Recipients\nOur service providers process the data within the EEA.\n", "en"),
])
def test_processing_said_to_stay_in_the_eea(text: str, lang: str) -> None:
    """"Behandlar uppgifterna inom EU/EES" answers the transfer question."""
    assert Outcome.PROVIDED == _lint(text, lang).outcome(R.THIRD_COUNTRY_TRANSFERS)


@pytest.mark.parametrize(("text", "lang", "interest", "marketing"), [
    ("Mihin tietoja käytetään?\nHenkilötietoja käytetään tilausten toimittamiseen, tilastointiin ja markkinointiin "
     "Henkilötietojen käsittelyn oikeusperusteena on sopimus, suostumus tai oikeutettu etu.\n", "fi",
     Outcome.MISSING, Outcome.MISSING),
    ("What is personal data used for?\nTo deliver orders For statistics For marketing purposes The legal basis is a "
     "contract, consent or legitimate interest.\n", "en", Outcome.MISSING, Outcome.MISSING),
    ("Purposes\nWe send the newsletter with your consent and screen card payments on the basis of our legitimate "
     "interest in preventing fraud.\n", "en", Outcome.PROVIDED, Outcome.PROVIDED),
])
def test_bases_listed_as_alternatives(text: str, lang: str, interest: Outcome, marketing: Outcome) -> None:
    """"The legal basis is a contract, consent or legitimate interest" run together with the purposes explains no
    interest and ties consent to no purpose; bases tied to purposes in one sentence do both."""
    result = _lint(text, lang)
    assert (interest, marketing) == (result.outcome(R.LEGITIMATE_INTERESTS), result.outcome(R.DIRECT_MARKETING))


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    ("Retention\nPersonal data is kept for as long as the purposes of the register require.\n", "en", True),
    ("Säilytysaika\nTietoja säilytetään niin kauan kuin käyttötarkoitus sitä edellyttää.\n", "fi", True),
    ("Retention\nOrder data is deleted two years after the order.\n", "en", False),
])
def test_as_long_as_the_purposes_require(text: str, lang: str, flagged: bool) -> None:
    """"As long as the purposes require" gives no period."""
    assert flagged == ("RK-LINT-RETENTION-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("text", "lang", "vague"), [
    ("Vastaanottajat\nTietoja siirretään web-isännillemme ja IT-palveluntarjoajillemme.\n", "fi", False),
    ("Mottagare\nUppgifterna behandlas av vårt webbhotell och vår e-handelsplattform.\n", "sv", False),
    ("Recipients\nWe share data with our service providers.\n", "en", True),
])
def test_recipients_by_activity(text: str, lang: str, vague: bool) -> None:
    """Recipients named by their activity (web hosts, IT service providers, the shop platform) are a category."""
    assert vague == ("RK-LINT-RECIPIENTS-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    ("Cookies\nIf you continue to use this site, you consent to our use of cookies.\n", "en", True),
    ("Kakor\nOm du fortsätter att använda webbplatsen godkänner du kakor.\n", "sv", True),
    ("Evästeet\nJos jatkat sivuston käyttöä, hyväksyt evästeet.\n", "fi", True),
    ("Cookies\nIf you continue to have questions, contact us.\n", "en", False),
])
def test_consent_by_continuing_said_as_a_condition(text: str, lang: str, flagged: bool) -> None:
    """"If you continue to use this site, you consent" is consent by use as much as "by using the site"."""
    assert flagged == ("RK-LINT-COOKIE-IMPLIED" in _rules(text, lang))


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Oikeutesi\nVoit pyytää meitä lopettamaan tietojesi käsittelyn väliaikaisesti.\n", "fi", Outcome.PROVIDED),
    ("Your rights\nYou can ask us to temporarily stop using your data.\n", "en", Outcome.PROVIDED),
    ("Your rights\nYou can ask us to stop sending newsletters.\n", "en", Outcome.MISSING),
])
def test_restriction_as_a_temporary_stop(text: str, lang: str, outcome: Outcome) -> None:
    """Stopping the processing for a while is the right to restriction; stopping newsletters is not."""
    assert outcome == _lint(text, lang).outcome(R.RIGHT_RESTRICTION)


@pytest.mark.parametrize(("text", "lang", "codes"), [
    ("Regular disclosure of data\nData can be disclosed to the persons in the register for inspection. Data can be "
     "removed from the register by request.\n", "en", (R.RIGHT_ACCESS, R.RIGHT_ERASURE)),
    ("Regelmässigt utlämnande\nUppgifterna kan visas för de registrerade för granskning. Uppgifterna kan raderas på "
     "begäran.\n", "sv", (R.RIGHT_ACCESS, R.RIGHT_ERASURE)),
    ("Security\nThe user has the right to change and remove his or her own data.\n", "en",
     (R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE)),
    ("Skydd av registret\nAnvändaren har rätt att ändra och ta bort sina egna uppgifter.\n", "sv",
     (R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE)),
])
def test_the_old_templates_rights_in_english_and_swedish(text: str, lang: str, codes: tuple[R, ...]) -> None:
    """The English and Swedish versions of the old register-description template give rights as modal sentences
    outside a rights section."""
    result = _lint(text, lang)
    assert [Outcome.PROVIDED] * len(codes) == [result.outcome(c) for c in codes]


@pytest.mark.parametrize(("text", "outcome"), [
    ("Sources\nWe get data from the customer and from the credit register of Suomen Asiakastieto Oy.\n",
     Outcome.PROVIDED),
    ("Payment\nWhen you pay by invoice, we check your credit.\n", Outcome.MISSING),
])
def test_credit_registers_in_english(text: str, outcome: Outcome) -> None:
    """A credit check needs its register named ("checks your credit" alone does not)."""
    assert outcome == _lint(text, "en").outcome(R.CREDIT_CHECK)


@pytest.mark.parametrize(("text", "lang"), [
    ("Rättslig grund\nBehandlingen grundar sig på vårt berättigade intresse att bedriva och utveckla vår "
     "verksamhet.\n", "sv"),
    ("Oikeusperuste\nKäsittely perustuu oikeutettuun etuumme harjoittaa ja kehittää liiketoimintaamme.\n", "fi"),
    ("Legal basis\nWe rely on our legitimate interest to run and grow our business.\n", "en"),
])
def test_running_the_business_is_no_interest(text: str, lang: str) -> None:
    """Running or developing the business, in any word order, names no interest."""
    assert Outcome.MISSING == _lint(text, lang).outcome(R.LEGITIMATE_INTERESTS)


def test_rights_in_one_everyday_sentence() -> None:
    """"You can see, correct or delete your data, ask us to limit or stop using it, and take it with you" names all
    six rights."""
    result = _lint("Your rights\nYou can see, correct or delete your data, ask us to limit or stop using it, and take "
                   "it with you to another shop.\n", "en")
    rights = (R.RIGHT_ACCESS, R.RIGHT_RECTIFICATION, R.RIGHT_ERASURE, R.RIGHT_RESTRICTION, R.RIGHT_PORTABILITY,
              R.RIGHT_OBJECT)
    assert [Outcome.PROVIDED] * 6 == [result.outcome(r) for r in rights]


@pytest.mark.parametrize(("text", "lang"), [
    ("Överförs uppgifter utanför EU?\nNej.\n", "sv"),
    ("Siirretäänkö tietojasi EU:n ulkopuolelle?\nEi.\n", "fi"),
    ("Do we transfer data outside the EU?\nNo.\n", "en"),
])
def test_a_transfer_question_answered_no(text: str, lang: str) -> None:
    """An FAQ question about transfers answered "Nej." / "Ei." / "No." describes no transfer."""
    assert Outcome.NOT_APPLICABLE == _lint(text, lang).outcome(R.TRANSFER_SAFEGUARDS)


def test_hedged_use_in_english() -> None:
    """"Data can also be used for statistics" is hedged; "Data can be removed from the register by request" is the
    right to erasure, not a hedge."""
    assert "RK-LINT-VAGUE" in _rules("Purpose\nData can also be used for statistics.\n", "en")
    assert "RK-LINT-VAGUE" not in _rules("Disclosure\nData can be removed from the register by request.\n", "en")


def test_a_generic_interest_after_a_concrete_purpose() -> None:
    """"We analyse sales on the basis of our legitimate interest to run and grow our business" names a generic
    interest; "… our legitimate interest in preventing card fraud" a concrete one."""
    text = "Purposes\nWe analyse which products sell on the basis of our legitimate interest {}.\n"
    assert Outcome.MISSING == _lint(text.format("to run and grow our business"), "en").outcome(
        R.LEGITIMATE_INTERESTS)
    assert Outcome.PROVIDED == _lint(text.format("in planning what to buy in"), "en").outcome(R.LEGITIMATE_INTERESTS)


def test_an_faq_answer_is_no_run_in_label() -> None:
    """"Ja, för besöksstatistik. Om du fortsätter …" answers the question; its words are read as text."""
    result = _lint("Använder ni kakor?\nJa, för besöksstatistik. Om du fortsätter att använda webbplatsen godkänner "
                   "du kakorna.\n", "sv")
    assert Outcome.MISSING == result.outcome(R.WITHDRAW_CONSENT)

"""Classes of error behind the differences of a third set of real statements and of hold-out L (issue 21, round 9):
each class with statements in our own words that show it, and ones that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(text: str, lang: str) -> set[str]:
    return {f.rule for f in _lint(text, lang).findings}


# ------------------------------------------------------------- a textbook definition of personal data

@pytest.mark.parametrize(("text", "lang"), [
    ("Käyttötarkoitus\nJäsenrekisteriä käytetään jäsenmaksujen laskutukseen. Henkilötiedolla tarkoitetaan kaikkia "
     "tietoja, joista luonnollinen henkilö on tunnistettavissa. Henkilötietoa on siis mikä tahansa tieto, joka "
     "voidaan liittää luonnolliseen henkilöön, esimerkiksi nimi tai kuva.\n", "fi"),
    ("Ändamål\nRegistret används för fakturering av medlemsavgifter. Personuppgifter är all information som direkt "
     "eller indirekt kan hänföras till en fysisk person, till exempel namn eller foto.\n", "sv"),
    ("Purposes\nThe register is used to invoice membership fees. Personal data means any information relating to an "
     "identified or identifiable natural person, such as a name or a photo, that may be linked to a person.\n", "en"),
])
def test_a_definition_of_personal_data_is_not_vague_wording(text: str, lang: str) -> None:
    assert "RK-LINT-VAGUE" not in _rules(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Käyttötarkoitus\nJäsenrekisteriä käytetään jäsenmaksujen laskutukseen. Tietoja voidaan käyttää myös muuhun "
     "yhdistyksen toimintaan, esimerkiksi tiedotukseen.\n", "fi"),
    ("Ändamål\nRegistret används för fakturering. Uppgifterna kan användas för att utveckla vår verksamhet.\n", "sv"),
])
def test_hedges_on_what_the_controller_does_stay_vague(text: str, lang: str) -> None:
    assert "RK-LINT-VAGUE" in _rules(text, lang)


def test_data_described_by_what_it_can_serve_is_not_vague() -> None:
    text = ("Uppgifter som behandlas\nNamn, adress och e-post samt logguppgifter som kan användas för utredning av "
            "fel.\n")
    assert "RK-LINT-VAGUE" not in _rules(text, "sv")


# ------------------------------------------------------------- whose e-mail: the controller's or the DPO's

def test_an_address_given_before_the_dpo_is_named_is_the_controllers() -> None:
    text = ("Rekisterinpitäjä\nKoivukylän Kuoro ry Sähköposti: posti(ät)koivukylankuoro.fi Yhteyshenkilö: "
            "yhdistyksen tietosuojavastaava Aino Virtanen\n")
    assert _lint(text, "fi").outcome(R.CONTROLLER_CONTACT) is Outcome.PROVIDED


def test_an_address_given_after_the_dpo_is_named_is_the_dpos() -> None:
    text = ("Rekisterinpitäjä\nKoivukylän Kuoro ry. Tietosuojavastaava Aino Virtanen, sähköposti: "
            "aino(ät)koivukylankuoro.fi\n")
    assert _lint(text, "fi").outcome(R.CONTROLLER_CONTACT) is Outcome.MISSING


# ------------------------------------------------------------- the credit law named, no credit check

@pytest.mark.parametrize(("text", "lang"), [
    ("Luovutukset\nTietoja voidaan luovuttaa asiakkaan pyynnöstä henkilötietolain ja luottotietojen käsittelyä "
     "koskevien säännösten mukaisesti.\n", "fi"),
    ("Utlämnande\nUppgifter lämnas ut endast enligt dataskyddslagen och kreditupplysningslagen.\n", "sv"),
    ("Disclosure\nData is disclosed only as the Data Protection Act and the Credit Information Act allow.\n", "en"),
])
def test_the_credit_law_named_alone_is_no_credit_check(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.CREDIT_CHECK) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(("text", "lang"), [
    ("Laskulla maksaminen\nTarkistamme luottotietosi ennen laskun hyväksymistä luottotietolain mukaisesti.\n", "fi"),
    ("Faktura\nVi gör en kreditupplysning enligt kreditupplysningslagen innan vi godkänner fakturan.\n", "sv"),
    ("Invoice\nWe check your credit information under the Credit Information Act before accepting an invoice.\n",
     "en"),
])
def test_a_credit_check_under_the_credit_law_still_needs_its_register(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.CREDIT_CHECK) is Outcome.MISSING


# ------------------------------------------------------------- marketing not done without consent

@pytest.mark.parametrize(("text", "lang"), [
    ("Ändamål\nKundregistret används för kundservice. Det kan användas för marknadsföring, dock aldrig för "
     "e-postreklam utan kundens godkännande.\n", "sv"),
    ("Markkinointi\nEmme lähetä sähköistä markkinointia ilman asiakkaan lupaa.\n", "fi"),
    ("Marketing\nWe never send marketing e-mail without your consent.\n", "en"),
    # Allowed, in the perfect: the customer has agreed.
    ("Markkinointi\nVoimme lähettää tarjousviestejä asiakkaalle, jos asiakas on sen sallinut.\n", "fi"),
])
def test_marketing_not_done_without_consent_rests_on_consent(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.DIRECT_MARKETING) is Outcome.PROVIDED


@pytest.mark.parametrize(("text", "lang"), [
    ("Ändamål\nKundregistret används för kundservice och för marknadsföring per e-post till kunderna.\n", "sv"),
    # Data not disclosed without consent says nothing of how the marketing is done.
    ("Markkinointi\nLähetämme asiakkaille sähköpostitarjouksia. Tietoja ei luovuteta ilman suostumustasi.\n", "fi"),
    # What the law allows is no consent.
    ("Markkinointi\nLähetämme sähköpostitarjouksia lain sallimissa rajoissa.\n", "fi"),
])
def test_marketing_without_consent_stays_open(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.DIRECT_MARKETING) is Outcome.MISSING


def test_not_without_consent_is_no_consent_relied_on_for_withdrawal() -> None:
    text = "Luovutukset\nTietoja ei luovuteta kolmansille osapuolille ilman suostumustasi.\n"
    assert _lint(text, "fi").outcome(R.WITHDRAW_CONSENT) is Outcome.NOT_APPLICABLE


# ------------------------------------------------------------- disclosures: none, and the buyer of the business

@pytest.mark.parametrize(("text", "lang"), [
    ("Utlämnande\nVi ger inte vidare några uppgifter ur kundregistret till tredje parter.\n", "sv"),
    ("Utlämnande\nInga uppgifter lämnas från registret till tredje part.\n", "sv"),
    ("Disclosure\nWe pass no data from the register to third parties.\n", "en"),
])
def test_no_data_passed_from_the_register_to_third_parties_states_none(text: str, lang: str) -> None:
    result = _lint(text, lang)
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED
    assert "RK-LINT-RECIPIENTS-VAGUE" not in {f.rule for f in result.findings}


def test_data_from_partners_is_still_a_source_not_a_recipient() -> None:
    text = "Källor\nVi får uppgifter från våra samarbetspartner.\n"
    assert _lint(text, "sv").outcome(R.RECIPIENTS) is Outcome.MISSING


@pytest.mark.parametrize(("text", "lang"), [
    ("Utlämnande\nUppgifterna lämnas inte ut. Om vi säljer verksamheten eller vid en fusion kan uppgifterna lämnas "
     "ut till köparen.\n", "sv"),
    ("Luovutukset\nTietoja ei luovuteta. Yrityskaupan yhteydessä tiedot voidaan luovuttaa ostajalle.\n", "fi"),
    ("Disclosure\nWe do not share your data. In a merger or a sale of our business it may be disclosed to the "
     "buyer.\n", "en"),
])
def test_the_buyer_of_the_business_is_no_vague_recipient(text: str, lang: str) -> None:
    assert "RK-LINT-RECIPIENTS-VAGUE" not in _rules(text, lang)


def test_partners_beside_a_merger_clause_stay_vague() -> None:
    text = ("Utlämnande\nUppgifter lämnas ut till våra samarbetspartner. Vid en fusion kan uppgifterna lämnas ut "
            "till köparen.\n")
    assert "RK-LINT-RECIPIENTS-VAGUE" in _rules(text, "sv")


# ------------------------------------------------------------- bases offered together, with the HetiL ground

@pytest.mark.parametrize(("text", "lang"), [
    ("Käsittelyn peruste\nTietoja käsitellään asiakassuhteeseen, sopimukseen tai lainsäädännön velvoitteisiin "
     "perustuen. Lisäksi käsittely perustuu joissakin tapauksissa oikeutettuun etuun tai suostumukseen.\n", "fi"),
    ("Purposes and legal basis\nThe legal basis of the processing is our legitimate interest based on the customer "
     "relationship, the performance of the contract with the customer and, in some cases, your consent.\n"
     "We process data to deliver orders, for invoicing and for marketing.\n", "en"),
])
def test_bases_offered_together_with_the_customer_relationship_tie_none(text: str, lang: str) -> None:
    result = _lint(text, lang)
    assert "RK-LINT-BASES-UNTIED" in {f.rule for f in result.findings}
    assert result.outcome(R.LEGAL_BASIS) is Outcome.MISSING


@pytest.mark.parametrize(("text", "lang"), [
    # Two bases and the ground the interest rests on.
    ("Rättslig grund\nAvtalet med kunden samt vårt berättigade intresse som grundar sig på kundrelationen.\n", "sv"),
    # Each basis with its purpose.
    ("Käsittelyn peruste\nTilaukset käsitellään sopimuksen perusteella, kirjanpito lakisääteisen velvoitteen "
     "perusteella ja uutiskirje suostumuksella.\n", "fi"),
])
def test_bases_tied_to_purposes_or_too_few_are_not_a_row(text: str, lang: str) -> None:
    assert "RK-LINT-BASES-UNTIED" not in _rules(text, lang)


# ------------------------------------------------------------- data sent to no other country

@pytest.mark.parametrize(("text", "lang"), [
    ("Utlämnande\nUppgifterna lämnas inte ut och kommer inte att överföras till andra länder.\n", "sv"),
    ("Luovutukset\nTietoja ei luovuteta eikä siirretä muihin maihin.\n", "fi"),
    ("Disclosure\nYour data is not disclosed and not transferred to other countries.\n", "en"),
])
def test_no_transfer_to_other_countries_answers_the_transfer_question(text: str, lang: str) -> None:
    result = _lint(text, lang)
    assert "RK-LINT-TRANSFERS" not in {f.rule for f in result.findings}
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.NOT_APPLICABLE


# ------------------------------------------------------------- hold-out L's classes

def test_a_permit_sold_is_no_permission() -> None:
    text = ("Tietosuoja\nMyymme verkossa kalastuslupia. Tallennamme ostajan nimen ja sen, mille alueelle lupa on "
            "ostettu. Tietoja käytetään luvan toimittamiseen ja luvan voimassaolon tarkistamiseen.\n")
    assert _lint(text, "fi").outcome(R.WITHDRAW_CONSENT) is Outcome.NOT_APPLICABLE


def test_permission_given_by_the_customer_is_still_consent() -> None:
    text = "Markkinointi\nLähetämme uutiskirjeen vain asiakkaan luvalla.\n"
    assert _lint(text, "fi").outcome(R.WITHDRAW_CONSENT) is Outcome.MISSING


def test_an_interest_after_a_colon_following_the_basis_is_named() -> None:
    text = ("Käyttötarkoitukset ja oikeusperusteet\nIlmoittautumiset käsittelemme sopimuksen perusteella. "
            "Vammatietoja käsittelemme oikeutetun etumme perusteella: ohjaajan on voitava muuttaa harjoitteita, "
            "jottei kukaan loukkaannu.\n")
    assert _lint(text, "fi").outcome(R.LEGITIMATE_INTERESTS) is Outcome.PROVIDED


def test_a_bare_legitimate_interest_still_names_none() -> None:
    text = "Oikeusperusteet\nVammatietoja käsittelemme oikeutetun etumme perusteella.\n"
    assert _lint(text, "fi").outcome(R.LEGITIMATE_INTERESTS) is Outcome.MISSING


@pytest.mark.parametrize(("text", "lang"), [
    ("Oikeutesi\nVoit pyytää pääsyä tietoihisi, niiden oikaisua ja sopimuksen perusteella antamiesi tietojen "
     "siirtoa.\n", "fi"),
    ("Dina rättigheter\nDu kan begära tillgång till dina uppgifter, rättelse och överföring av de uppgifter du har "
     "lämnat.\n", "sv"),
    ("Your rights\nYou can ask for access, correction and the transfer of the data you have provided.\n", "en"),
])
def test_the_transfer_of_the_data_you_gave_is_portability(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.RIGHT_PORTABILITY) is Outcome.PROVIDED


def test_erroneous_data_deleted_is_rectification_not_erasure() -> None:
    text = ("Tarkastusoikeus\nRekisteröidyllä on oikeus vaatia virheellisen tiedon korjaamista. Virheellinen tieto "
            "korjataan tai poistetaan viipymättä.\n")
    assert _lint(text, "fi").outcome(R.RIGHT_ERASURE) is Outcome.MISSING


def test_a_list_of_rights_naming_erroneous_data_and_erasure_gives_both() -> None:
    text = ("Oikeutesi\nSinulla on oikeus saada tietää tallennetut tietosi, oikaista virheelliset tiedot, saada "
            "tietosi poistetuiksi ja rajoittaa käsittelyä.\n")
    assert _lint(text, "fi").outcome(R.RIGHT_ERASURE) is Outcome.PROVIDED


@pytest.mark.parametrize(("text", "lang"), [
    ("How long\nWe keep member data while the membership is active and a little time after that.\n", "en"),
    ("Säilytys\nSäilytämme jäsentiedot jäsenyyden ajan ja vielä jonkin aikaa sen jälkeen.\n", "fi"),
    ("Lagring\nVi sparar medlemsuppgifterna under medlemskapet och en tid därefter.\n", "sv"),
])
def test_a_little_time_after_is_a_vague_period_and_unclear(text: str, lang: str) -> None:
    rules = _rules(text, lang)
    assert {"RK-LINT-RETENTION-VAGUE", "RK-LINT-VAGUE"} <= rules


def test_a_period_after_the_membership_in_months_is_no_vague_period() -> None:
    text = "How long\nWe keep member data while the membership is active and six months after that.\n"
    assert "RK-LINT-RETENTION-VAGUE" not in _rules(text, "en")


def test_a_community_on_discord_is_a_provider_outside_the_eea() -> None:
    text = "Community\nOur community is on Discord; your username and messages are visible to other members.\n"
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in _rules(text, "en")


# ------------------------------------------------------------- a recipient by trade, when needed

@pytest.mark.parametrize(("text", "lang", "vague"), [
    ("Kenelle tietoja luovutetaan\nLaskut toimitetaan asiakkaalle. Perintä annetaan tarvittaessa "
     "perintätoimistolle.\n", "fi", False),
    ("Mottagare\nObetalda fakturor lämnas vid behov till ett inkassoföretag.\n", "sv", False),
    # An example of the recipients leaves the list open.
    ("Mottagare\nUppgifter lämnas till transportföretag, t.ex. Posti Ab.\n", "sv", True),
    # A need with no named recipient too.
    ("Kenelle tietoja luovutetaan\nTietoja luovutetaan tarvittaessa yhteistyökumppaneille.\n", "fi", True),
])
def test_a_recipient_named_by_trade_when_needed_is_no_vague_wording(text: str, lang: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Lagring\nUppgifterna sparas tills kunden själv begär att de raderas.\n", "sv"),
    ("Säilytys\nTiedot säilytetään, kunnes asiakas itse pyytää niiden poistamista.\n", "fi"),
    ("Retention\nWe keep the data until the subscriber asks us to delete it.\n", "en"),
])
def test_kept_until_the_customer_asks_is_no_period(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.RETENTION) is Outcome.MISSING


def test_kept_until_the_customer_asks_beside_a_period_is_a_criterion() -> None:
    text = ("Lagring\nOrderuppgifterna sparas i sex år enligt bokföringslagen. Kontouppgifterna sparas tills kunden "
            "själv begär att de raderas.\n")
    assert _lint(text, "sv").outcome(R.RETENTION) is Outcome.PROVIDED


@pytest.mark.parametrize(("text", "lang"), [
    ("Säilytys\nAsiakastiedot säilytetään kaksi vuotta viimeisestä tilauksesta. Laskutustiedot säilytetään muun "
     "kirjanpitoaineiston tapaan.\n", "fi"),
    ("Lagring\nKunduppgifterna sparas två år efter den senaste beställningen. Fakturorna sparas som övrigt "
     "bokföringsmaterial.\n", "sv"),
    ("Retention\nCustomer data is kept for two years after the last order. Invoices are kept like other accounting "
     "records.\n", "en"),
])
def test_kept_like_accounting_records_is_a_criterion(text: str, lang: str) -> None:
    assert "RK-LINT-RETENTION-VAGUE" not in _rules(text, lang)


def test_kept_in_an_archive_with_no_period_beside_periods_stays_open() -> None:
    text = ("Säilytys\nAsiakastiedot säilytetään kaksi vuotta viimeisestä tilauksesta. Kuvat säilytetään "
            "kuva-arkistossamme.\n")
    assert "RK-LINT-RETENTION-VAGUE" in _rules(text, "fi")


# ------------------------------------------------------------- processors acting on the controller's behalf

@pytest.mark.parametrize(("text", "lang"), [
    ("Luovutukset\nRekisterinpitäjä käsittelee tietoja itse ja käyttää toimeksiantoonsa ja lukuunsa toimivia "
     "alihankkijoita.\n", "fi"),
    ("Mottagare\nVi behandlar uppgifterna själva och anlitar underleverantörer som agerar för och på uppdrag av "
     "oss.\n", "sv"),
    ("Recipients\nWe process the data ourselves and use subcontractors acting on behalf and for the account of the "
     "data controller.\n", "en"),
])
def test_processors_acting_on_the_controllers_behalf_are_no_vague_recipients(text: str, lang: str) -> None:
    result = _lint(text, lang)
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED
    assert "RK-LINT-RECIPIENTS-VAGUE" not in {f.rule for f in result.findings}


def test_subcontractors_alone_stay_vague() -> None:
    text = "Recipients\nWe share data with our subcontractors.\n"
    assert "RK-LINT-RECIPIENTS-VAGUE" in _rules(text, "en")


# ------------------------------------------------------------- objection and a newsletter's unsubscribe link

_NEWSLETTER = ("Newsletter\nWe send a newsletter about events only to members who ticked the box for it. {line}\n"
               "Your rights\nYou have the right to see your data, correct it, delete it and object to the "
               "processing.\n")


def test_an_unsubscribe_link_in_the_newsletter_section_does_not_present_objection() -> None:
    text = _NEWSLETTER.format(line="You can unsubscribe any time from the link in the newsletter.")
    assert "RK-LINT-OBJECT-SEPARATE" in _rules(text, "en")


def test_objection_in_words_of_its_own_in_the_newsletter_section_is_presented() -> None:
    text = _NEWSLETTER.format(line="You have the right to object to direct marketing at any time.")
    assert "RK-LINT-OBJECT-SEPARATE" not in _rules(text, "en")


# ------------------------------------------------------------- permission the customer gets from others

@pytest.mark.parametrize(("text", "lang"), [
    ("Bilder\nPersoner som syns i bilderna suddas ut, om beställaren inte har fått deras tillstånd.\n", "sv"),
    ("Kuvat\nKuvissa näkyvät ihmiset sumennetaan, jos tilaaja ei ole saanut heidän lupaansa.\n", "fi"),
    ("Images\nPeople seen in the images are blurred unless the client has obtained their permission.\n", "en"),
])
def test_permission_the_customer_gets_from_others_asks_no_withdrawal(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.WITHDRAW_CONSENT) is Outcome.NOT_APPLICABLE


def test_our_own_consent_beside_it_still_asks_for_withdrawal() -> None:
    text = ("Bilder\nPersoner i bilderna suddas ut, om beställaren inte har fått deras tillstånd. Nyhetsbrevet "
            "skickar vi med ditt samtycke.\n")
    assert _lint(text, "sv").outcome(R.WITHDRAW_CONSENT) is Outcome.MISSING

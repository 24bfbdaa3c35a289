"""Classes of error seen on real published statements, second set (issue 21, round 7b): each class with short
statements in our own words that show it, and ones that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(result: object) -> set[str]:
    return {f.rule for f in result.findings}  # type: ignore[attr-defined]


# ------------------------------------------------ a template heading on transfers read as a line of text

_TITLE_LINE_THEN_DISCLOSURE = {
    "fi": ("Tietolähteet\n\nTiedot saadaan asiakkaalta itseltään.\n\n"
           "Säännönmukaiset tietojen luovutukset ja tietojen siirto Eu:n tai Euroopan talousalueen ulkopuolelle\n\n"
           "Tietoja luovutetaan ostajalle liiketoimintakaupan yhteydessä.\n"),
    "sv": ("Uppgiftskällor\n\nUppgifterna fås av kunden själv.\n\n"
           "Regelmässigt utlämnande av uppgifter samt överföring av uppgifter till länder utanför EU eller EES\n\n"
           "Uppgifterna lämnas till köparen om rörelsen säljs.\n"),
    "en": ("Sources\n\nWe get the data from the customers themselves.\n\n"
           "Regular disclosures of data and transfers of data outside the EU or the European Economic Area\n\n"
           "Data is disclosed to the buyer if the business is sold.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_long_template_heading_on_transfers_states_no_transfer(lang: str) -> None:
    """The old template heading, too long to be read as a heading, names the topic: with nothing under it on
    transfers, the text is silent on them (an info miss), and no safeguard is asked for."""
    result = _lint(_TITLE_LINE_THEN_DISCLOSURE[lang], lang)
    rules = _rules(result)
    assert "RK-LINT-TRANSFERS" in rules
    assert not rules & {"RK-LINT-TRANSFER-SAFEGUARDS", "RK-LINT-TRANSFER-COUNTRY"}
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.NOT_APPLICABLE


_TRANSFER_SENTENCE_NO_STOP = {
    "fi": ("Tilaukset\n\nTilaukset toimitetaan Postilla.\n\nTietoja siirretään EU:n ulkopuolelle palvelimille\n\n"
           "Kiitos.\n"),
    "sv": ("Beställningar\n\nBeställningar skickas med Posti.\n\nUppgifterna överförs utanför EU för lagring\n\n"
           "Tack.\n"),
    "en": "Orders\n\nOrders are sent by Posti.\n\nYour data is transferred outside the EU for storage\n\nThanks.\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_transfer_sentence_without_its_full_stop_still_states_a_transfer(lang: str) -> None:
    """A sentence that lacks only its full stop is not a heading: the transfer and its missing safeguard stay."""
    result = _lint(_TRANSFER_SENTENCE_NO_STOP[lang], lang)
    assert "RK-LINT-TRANSFER-SAFEGUARDS" in _rules(result)


_POINTS_BACK = {
    "fi": ("## Tietojen luovutukset\n\nTietoja ei luovuteta kenellekään.\n\n"
           "## Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\nKs. edellinen kohta.\n\n"
           "## Tietojen suojaus\n\nTiedot säilytetään Suomessa sijaitsevalla palvelimella.\n"),
    "sv": ("## Utlämnande av uppgifter\n\nUppgifterna lämnas inte vidare.\n\n"
           "## Överföring av uppgifter utanför EU eller EES\n\nSe föregående punkt.\n\n"
           "## Skydd av registret\n\nUppgifterna lagras på en server i Finland.\n"),
    "en": ("## Disclosures\n\nWe do not pass the data on to anyone.\n\n"
           "## Transfers outside the EU or EEA\n\nSee the previous section.\n\n"
           "## Security\n\nThe data is stored on a server in Finland.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_transfers_section_that_points_back_states_no_transfer(lang: str) -> None:
    """"See the previous section" under the transfers heading refers to what the text said on disclosures; it is no
    transfer of its own, so no country or mechanism is asked for."""
    result = _lint(_POINTS_BACK[lang], lang, "md")
    assert not _rules(result) & {"RK-LINT-TRANSFER-SAFEGUARDS", "RK-LINT-TRANSFER-COUNTRY"}
    assert result.outcome(R.THIRD_COUNTRY_TRANSFERS) is Outcome.PROVIDED


# ------------------------------------------------ a sentence wrapped over two lines is no heading

_WRAPPED = {
    "sv": ("Ändamål\nUppgifterna behandlas för att leverera beställningar.\n"
           "Vi sköter uppgifterna själva och anlitar även underleverantörer och logistikföretag\n"
           "som kör ut paketen och tar emot betalningarna åt oss.\n"),
    "fi": ("Käyttötarkoitus\nTietoja käsitellään tilausten toimittamiseksi.\n"
           "Rekisterinpitäjä käsittelee tiedot itse ja käyttää alihankkijoita ja logistiikkayrityksiä\n"
           "jotka hoitavat kuljetuksen ja maksut puolestamme.\n"),
    "en": ("Purposes\nWe process the data to deliver orders.\n"
           "The controller processes the data itself and uses subcontractors and logistics companies\n"
           "who carry out deliveries and payments on our behalf.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_sentence_wrapped_over_two_lines_is_read_as_text(lang: str) -> None:
    """A line of six words or more whose next line goes on in lower case is the first half of a sentence (text
    copied from a PDF), not a heading: the recipients it names are given."""
    result = _lint(_WRAPPED[lang], lang)
    assert "RK-LINT-RECIPIENTS" not in _rules(result)
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED


_SHORT_HEADING_OVER_LOWER_CASE = {
    "sv": "Personuppgiftsansvarig\nart & form ab, FO: 1234567-1\nStorgatan 1, 00100 Helsingfors\n",
    "fi": "Rekisterinpitäjä\nkoru & kivi oy, Y-tunnus 1234567-1\nKatu 1, 00100 Helsinki\n",
    "en": "Controller\nart & form ltd, business ID 1234567-1\nMain Street 1, 00100 Helsinki\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_short_heading_over_a_lower_case_line_stays_a_heading(lang: str) -> None:
    """A heading of a word or two over a name written in lower case is still the controller's heading."""
    result = _lint(_SHORT_HEADING_OVER_LOWER_CASE[lang], lang)
    assert result.structure.units[0].heading


# ------------------------------------------------ the seller of a shared shop is a named recipient

_TO_THE_SELLER = {
    "sv": ("Utlämnande av uppgifter\n\nBeställningen lämnas ut till försäljaren av varan. Alla försäljare är "
           "medlemmar i föreningen.\n"),
    "fi": ("Tietojen luovutus\n\nTiedot luovutetaan vain kyseiselle myyjälle. Myyjät ovat yhdistyksen jäseniä.\n"),
    "en": ("Disclosures\n\nThe data is disclosed only to the seller concerned. The sellers are members of the "
           "association.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_data_disclosed_to_the_seller_names_the_recipient(lang: str) -> None:
    """In a shop where members sell their own goods, "to the seller concerned" names the recipient by its role."""
    result = _lint(_TO_THE_SELLER[lang], lang)
    assert "RK-LINT-RECIPIENTS-VAGUE" not in _rules(result)


_SELLER_DISCLOSES_TO_PARTNERS = {
    "fi": "Tietojen luovutus\n\nMyyjä voi luovuttaa tietoja yhteistyökumppaneilleen.\n",
    "sv": "Utlämnande av uppgifter\n\nSäljaren kan lämna ut uppgifter till sina samarbetspartner.\n",
    "en": "Disclosures\n\nThe seller may share data with its partners.\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_seller_as_the_one_who_discloses_names_no_recipient(lang: str) -> None:
    """"Myyjä" as the shop itself, disclosing to partners, still leaves the recipients vague."""
    result = _lint(_SELLER_DISCLOSES_TO_PARTNERS[lang], lang)
    assert "RK-LINT-RECIPIENTS-VAGUE" in _rules(result)


# ------------------------------------------------ lists of every basis, the HetiL ground among them

_EVERY_BASIS_AS_ALTERNATIVES = {
    "fi": ("Käsittelyn tarkoitus\n\nTietoja käytetään asiakkaiden palvelemiseen, laskutukseen ja markkinointiin.\n\n"
           "Oikeusperusteena voi olla asiakkuus, sopimus tai suostumus. Lisäksi perusteena voi olla lakisääteinen "
           "velvoite, yleinen etu, julkinen valta tai yrityksen tai kolmannen osapuolen oikeutettu etu.\n\n"
           "Laskut säilytetään kirjanpitolain edellyttämän ajan.\n"),
}


def test_two_rows_offering_every_basis_tie_none_to_a_purpose() -> None:
    """A customer relationship, a contract or consent, 'and also' a legal obligation, the public interest or a
    legitimate interest: every basis offered, none tied to billing or marketing (13(1)(c)), though a retention
    sentence names the Accounting Act."""
    result = _lint(_EVERY_BASIS_AS_ALTERNATIVES["fi"], "fi")
    assert "RK-LINT-BASES-UNTIED" in _rules(result)
    assert result.outcome(R.LEGAL_BASIS) is Outcome.MISSING


_TEMPLATE_LIST_OF_BASES = {
    "fi": ("## Oikeusperuste ja käsittelyn tarkoitus\n\n"
           "Tietosuoja-asetuksen mukainen oikeusperuste henkilötietojen käsittelylle on\n\n"
           "- henkilön suostumus (vapaaehtoinen, yksilöity ja tietoinen)\n- sopimus, jossa rekisteröity on osapuolena\n"
           "- laki (mikä)\n- julkisen tehtävän hoitaminen (mihin perustuu), tai\n"
           "- rekisterinpitäjän oikeutettu etu (esim. asiakassuhde, jäsenyys).\n\n"
           "Käsittelyn tarkoitus on yhteydenpito asiakkaisiin ja markkinointi.\n"),
}


def test_an_unfilled_template_list_of_every_basis_ties_none_to_a_purpose() -> None:
    """The template's list of the bases with its blanks left ('laki (mikä)', '(mihin perustuu)') is a list, not a
    choice: no basis is given for any purpose."""
    result = _lint(_TEMPLATE_LIST_OF_BASES["fi"], "fi", "md")
    assert "RK-LINT-BASES-UNTIED" in _rules(result)
    assert result.outcome(R.LEGAL_BASIS) is Outcome.MISSING


_RELATIONSHIP_AS_PURPOSE_BEFORE_A_ROW = {
    "fi": ("Henkilötietoja käytetään asiakassuhteen hoitamiseen ja tilausten toimittamiseen. Lisäksi pidämme "
           "kirjanpitoa. Tilaukset toimitetaan sopimuksen perusteella ja uutiskirje lähetetään suostumuksella.\n"),
}


def test_the_customer_relationship_as_a_purpose_is_no_member_of_a_row() -> None:
    """'Asiakassuhteen hoitamiseen' is a purpose, far from any basis: bases given with their purposes stay given."""
    result = _lint(_RELATIONSHIP_AS_PURPOSE_BEFORE_A_ROW["fi"], "fi")
    assert "RK-LINT-BASES-UNTIED" not in _rules(result)


_THREE_BASES_EACH_TIED = {
    "fi": ("## Oikeusperusteet\n\n- Tilausten käsittely: sopimus\n- Uutiskirje: suostumus\n"
           "- Kirjanpito: lakisääteinen velvoite\n"),
}


def test_bases_each_with_its_purpose_are_no_template_list() -> None:
    """A list whose items give a purpose and its basis ties them."""
    result = _lint(_THREE_BASES_EACH_TIED["fi"], "fi", "md")
    assert "RK-LINT-BASES-UNTIED" not in _rules(result)


# ------------------------------------------------ an interest "based on the customer relationship"

_LI_BASED_ON_RELATIONSHIP = {
    "en": ("Purposes and basis\n\nWe rely on our legitimate interest, which is based on our customer relationship "
           "with you. We use the data to handle orders and to send news to customers.\n"),
    "fi": ("Käsittelyn tarkoitus ja peruste\n\nKäsittelyn oikeusperuste on rekisterinpitäjän oikeutettu etu, joka "
           "perustuu asiakassuhteeseen. Tietoja käytetään tilausten käsittelyyn ja tiedotteiden lähettämiseen.\n"),
    "sv": ("Ändamål och grund\n\nDen rättsliga grunden är den personuppgiftsansvariges berättigade intresse, som "
           "grundar sig på kundförhållandet. Uppgifterna används för att hantera beställningar och skicka kundbrev.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_interest_based_on_the_customer_relationship_names_no_interest(lang: str) -> None:
    """What the interest rests on (the relationship, recital 47) is not the interest pursued (13(1)(d))."""
    result = _lint(_LI_BASED_ON_RELATIONSHIP[lang], lang)
    assert result.outcome(R.LEGITIMATE_INTERESTS) is Outcome.MISSING


_LI_BASED_ON_RELATIONSHIP_THEN_NAMED = {
    "en": ("Purposes and basis\n\nWe check orders on our legitimate interest, which is based on the customer "
           "relationship, to prevent fraud with stolen cards.\n"),
    "fi": ("Käsittelyn tarkoitus ja peruste\n\nTarkistamme tilaukset oikeutetun etumme perusteella, joka perustuu "
           "asiakassuhteeseen, jotta voimme estää petokset varastetuilla korteilla.\n"),
    "sv": ("Ändamål och grund\n\nVi granskar beställningar på grund av vårt berättigade intresse, som grundar sig på "
           "kundförhållandet, för att förhindra bedrägerier med stulna kort.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_interest_named_after_the_relationship_clause_is_given(lang: str) -> None:
    """The clause on the relationship does not hide an interest named after it (preventing fraud)."""
    result = _lint(_LI_BASED_ON_RELATIONSHIP_THEN_NAMED[lang], lang)
    assert result.outcome(R.LEGITIMATE_INTERESTS) is Outcome.PROVIDED


# ------------------------------------------------ the data content left to another document

_DATA_ELSEWHERE = {
    "sv": ("Registrets ändamål\n\nLeverans och fakturering av beställningar.\n\nRegistrets datainnehåll\n\n"
           "Uppgifterna som registret innehåller beskrivs i ett separat dokument.\n\nUppgiftskällor\n\n"
           "Via e-post eller telefon.\n"),
    "fi": ("Käyttötarkoitus\n\nTilausten toimitus ja laskutus.\n\nRekisterin tietosisältö\n\n"
           "Tietosisältö on kuvattu erillisessä asiakirjassa.\n\nTietolähteet\n\n"
           "Yhteydenotot sähköpostilla, puhelimella tai muuten.\n"),
    "en": ("Purposes\n\nDelivering and invoicing orders.\n\nCategories of personal data\n\n"
           "The content of the register is described in a separate document.\n\nSources of data\n\n"
           "Contact by e-mail, phone or otherwise.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_data_section_that_points_to_another_document_lists_nothing(lang: str) -> None:
    """The notice must itself say what data is processed; the channels of the sources section are no list of it."""
    result = _lint(_DATA_ELSEWHERE[lang], lang)
    assert result.outcome(R.DATA_CATEGORIES) is Outcome.MISSING


_DATA_LISTED_AND_MORE_ELSEWHERE = {
    "sv": ("Registrets datainnehåll\n\nNamn, adress, e-postadress och telefonnummer. Mer om loggarna finns i en "
           "separat beskrivning.\n"),
    "fi": ("Rekisterin tietosisältö\n\nNimi, osoite, sähköpostiosoite ja puhelinnumero. Lokitiedot on kuvattu "
           "erillisessä asiakirjassa.\n"),
    "en": ("Categories of personal data\n\nName, address, e-mail address and phone number. Logs are described in a "
           "separate "
           "document.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_data_section_that_lists_items_gives_the_categories(lang: str) -> None:
    """A list of data with a pointer for further detail gives the categories."""
    result = _lint(_DATA_LISTED_AND_MORE_ELSEWHERE[lang], lang)
    assert result.outcome(R.DATA_CATEGORIES) is Outcome.PROVIDED


# ------------------------------------------------ cookies of no stated kind and no word on consent

_COOKIES_OF_NO_KIND = {
    "sv": "Kakor\n\nWebbutiken sparar kakor i din webbläsare. De försvinner efter en tid.\n",
    "fi": "Evästeet\n\nVerkkokauppa käyttää evästeitä, jotka tallentuvat käyttäjän laitteelle. Evästeet vanhenevat.\n",
    "en": ("Cookies\n\nThe shop uses cookies that are stored on the user's computer. The cookies expire after a "
           "while.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_cookies_of_no_stated_kind_with_no_word_on_consent_miss_the_consent(lang: str) -> None:
    """Only cookies exempt from consent make consent moot; cookies of no stated kind may be any kind."""
    result = _lint(_COOKIES_OF_NO_KIND[lang], lang)
    assert "RK-LINT-COOKIE-CONSENT-UNSTATED" in _rules(result)
    assert result.outcome(R.COOKIE_CONSENT) is Outcome.MISSING


_NECESSARY_COOKIES_ONLY = {
    "sv": "Kakor\n\nNätbutiken använder bara nödvändiga kakor för varukorgen.\n",
    "fi": "Evästeet\n\nVerkkokauppa käyttää vain välttämättömiä evästeitä ostoskorin toimintaan.\n",
    "en": "Cookies\n\nThe shop uses only strictly necessary cookies for the shopping cart.\n",
}

_COOKIES_ON_CONSENT = {
    "sv": "Kakor\n\nNätbutiken använder kakor endast med ditt samtycke, som du ger i kakbannern.\n",
    "fi": "Evästeet\n\nVerkkokauppa käyttää evästeitä vain suostumuksellasi, jonka annat evästebannerissa.\n",
    "en": "Cookies\n\nThe shop uses cookies only with your consent, which you give in the cookie banner.\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_necessary_cookies_or_cookies_on_consent_are_not_reported_as_unstated(lang: str) -> None:
    """Cookies said to be necessary need no consent; cookies said to rest on consent have it."""
    for text in (_NECESSARY_COOKIES_ONLY[lang], _COOKIES_ON_CONSENT[lang]):
        result = _lint(text, lang)
        assert "RK-LINT-COOKIE-CONSENT-UNSTATED" not in _rules(result)
        assert result.outcome(R.COOKIE_CONSENT) is not Outcome.MISSING



# ------------------------------------------------ "only when needed, to the named recipient"

_ONLY_WHEN_NEEDED_TO_NAMED = {
    "sv": ("Utlämnande av uppgifter\n\nUppgifterna utlämnas endast vid behov till transportföretaget som levererar "
           "paketet.\n"),
    "fi": "Tietojen luovutus\n\nTietoja luovutetaan vain tarvittaessa kuljetusyhtiölle paketin toimittamiseksi.\n",
    "en": "Disclosures\n\nData is disclosed only where necessary to the courier who delivers the parcel.\n",
}

_WHEN_NEEDED_TO_THIRD_PARTIES = {
    "sv": "Utlämnande av uppgifter\n\nUppgifterna lämnas vid behov ut till tredje parter.\n",
    "fi": "Tietojen luovutus\n\nTietoja luovutetaan tarvittaessa kolmansille osapuolille.\n",
    "en": "Disclosures\n\nData is disclosed to third parties where necessary.\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_disclosure_only_when_needed_to_a_named_recipient_is_not_vague(lang: str) -> None:
    """"Only when needed, to the carrier" names the recipient and says when; nothing is left open."""
    result = _lint(_ONLY_WHEN_NEEDED_TO_NAMED[lang], lang)
    assert "RK-LINT-VAGUE" not in _rules(result)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_disclosure_when_needed_to_third_parties_stays_vague(lang: str) -> None:
    """"When needed, to third parties" leaves both open."""
    result = _lint(_WHEN_NEEDED_TO_THIRD_PARTIES[lang], lang)
    assert "RK-LINT-VAGUE" in _rules(result)


# ------------------------------------------------ lexicon gaps: compound basis words, "sources of personal data"

_COMPOUND_BASIS_WORD = {
    "fi": "Käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen. Käsittelyperusteena on sopimus.\n",
    "sv": "Ändamål\n\nUppgifterna används för att leverera beställningar. Behandlingsgrunden är avtalet.\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_compound_word_for_the_basis_introduces_the_basis(lang: str) -> None:
    """*Käsittelyperusteena* / *Behandlingsgrunden* put the contract as the basis of the purpose before it."""
    result = _lint(_COMPOUND_BASIS_WORD[lang], lang)
    assert result.outcome(R.LEGAL_BASIS) is Outcome.PROVIDED


def test_sources_of_personal_data_is_a_sources_heading() -> None:
    """"Sources of personal data" heads the sources section."""
    result = _lint("Sources of personal data\n\nWe get the data from the customers themselves.\n", "en")
    assert result.structure.sections[-1].kinds == ("sources",)

"""Classes of error found by reading real published statements of Finnish shops and services before the linter ran on
them (issue 21, round 4, second pass): each class with a statement in our own words that shows it, and one that must
still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(text: str, lang: str) -> set[str]:
    return {f.rule for f in _lint(text, lang).findings}


# --------------------------------------------------------------------------------------------- recipients

_INTRO_ONLY = ("Tietosuojaseloste\n\nTämä seloste kertoo, miten Pajupiha Oy käsittelee henkilötietoja, mitä tietoja "
               "keräämme ja kenelle tietoja voidaan luovuttaa.\n\n"
               "Rekisterinpitäjä\n\nPajupiha Oy, Y-tunnus 1234567-1, asiakaspalvelu@pajupiha.example\n\n"
               "Käsittelyn tarkoitus\n\nKäsittelemme tietoja tilausten toimittamiseksi.\n")


def test_a_disclosure_announced_in_the_introduction_names_no_recipient() -> None:
    # The statement says it will tell to whom data may be disclosed, and then never does.
    result = _lint(_INTRO_ONLY, "fi")
    assert result.outcome(R.RECIPIENTS) is Outcome.MISSING
    assert "RK-LINT-RECIPIENTS" in {f.rule for f in result.findings}


def test_the_answer_under_a_recipients_heading_still_counts() -> None:
    text = _INTRO_ONLY + ("\nTietojen luovutukset\n\nToimitusosoite luovutetaan kuljetusyhtiölle paketin "
                          "toimittamiseksi.\n")
    assert _lint(text, "fi").outcome(R.RECIPIENTS) is Outcome.PROVIDED


_SOURCES_ONLY = ("Rekisterinpitäjä\n\nKuusirinne Oy, Y-tunnus 1234567-1, info@kuusirinne.example\n\n"
                 "Henkilötietojen käsittelyn tarkoitus\n\nTietoja käytetään tilausten käsittelyyn ja laskutukseen.\n\n"
                 "Säännönmukaiset tietolähteet\n\nTiedot ovat asiakkaan itsensä luovuttamia. Ne saadaan tilauksen "
                 "yhteydessä ja muissa tilanteissa, joissa asiakas luovuttaa tietojaan.\n")


def test_data_the_customer_hands_over_is_a_source_not_a_disclosure() -> None:
    # 'luovuttaa' under a sources heading says where data comes from; nothing is said of recipients.
    result = _lint(_SOURCES_ONLY, "fi")
    assert result.outcome(R.RECIPIENTS) is Outcome.MISSING


def test_a_section_on_sources_and_disclosures_still_states_recipients() -> None:
    text = _SOURCES_ONLY.replace("Säännönmukaiset tietolähteet", "Tietolähteet ja tietojen luovutukset") + (
        "Tietoja luovutetaan maksunvälittäjälle maksun käsittelyä varten.\n")
    assert _lint(text, "fi").outcome(R.RECIPIENTS) is Outcome.PROVIDED


def test_a_disclosure_written_under_the_sources_heading_still_counts() -> None:
    # Old templates put the disclosure paragraph under the sources heading; the shop disclosing is a recipient.
    text = _SOURCES_ONLY + "Kauppa ei luovuta tietoja ulkopuolisille, paitsi viranomaisille lain niin vaatiessa.\n"
    assert _lint(text, "fi").outcome(R.RECIPIENTS) is Outcome.PROVIDED


_SHARED_WITH_US = ("Who we are\n\nHarbour Knits Ltd, Business ID 1234567-1, hello@harbourknits.example\n\n"
                   "What we collect\n\nWe keep the name, address and e-mail that you share with us when you order, "
                   "and the messages you send us.\n\nWhy\n\nWe use the data to deliver orders.\n")


def test_information_you_share_with_us_names_no_recipient() -> None:
    assert _lint(_SHARED_WITH_US, "en").outcome(R.RECIPIENTS) is Outcome.MISSING


def test_the_shop_sharing_with_a_carrier_still_names_a_recipient() -> None:
    text = _SHARED_WITH_US + "\nWe share your address with the carrier that delivers the parcel.\n"
    assert _lint(text, "en").outcome(R.RECIPIENTS) is Outcome.PROVIDED


# --------------------------------------------------------------------------------------------- controller

_ESTONIAN = ("1. Rekisterinpitäjä\nYrityksen nimi: Sammalkivi OÜ\nY-tunnus: 16543210 (Viro)\n"
             "Sähköposti: tuki@sammalkivi.example\n\n2. Käsittelyn tarkoitus\nTietoja käsitellään tilausten "
             "toimittamiseksi.\n")


def test_a_company_of_another_eu_state_is_identified_by_its_home_registry_code() -> None:
    # An Estonian private limited company gives its Estonian registry code under the Finnish label.
    result = _lint(_ESTONIAN, "fi")
    assert result.outcome(R.BUSINESS_ID) is Outcome.PROVIDED
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED
    assert not {"RK-LINT-BUSINESS-ID", "RK-LINT-CONTROLLER-TRADE-NAME"} & {f.rule for f in result.findings}


def test_a_finnish_trade_name_with_a_bare_number_still_lacks_a_business_id() -> None:
    # No company form of another state: an eight-digit number is no Finnish business ID.
    text = _ESTONIAN.replace("Sammalkivi OÜ", "Sammalkivi")
    result = _lint(text, "fi")
    assert result.outcome(R.BUSINESS_ID) is Outcome.MISSING
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.MISSING


# --------------------------------------------------------------------------------------------- bases

_PURPOSE_LIST = ("Rekisterinpitäjä\n\nLintukoto Oy, Y-tunnus 1234567-1, info@lintukoto.example\n\n"
                 "Käsittelyn tarkoitus ja oikeusperuste\n\nHenkilötietoja käsitellään seuraaviin tarkoituksiin:\n"
                 "- Tilausten käsittely ja toimitus\n- Asiakassuhteen hoito ja ylläpito\n- Laskutus\n\n"
                 "Käsittelyn oikeusperusteena on sopimus (tilaukset) ja lakisääteinen velvoite (kirjanpito).\n")


def test_managing_the_customer_relationship_listed_as_a_purpose_is_no_invalid_basis() -> None:
    assert "RK-LINT-BASIS-INVALID" not in _rules(_PURPOSE_LIST, "fi")


def test_the_customer_relationship_given_as_the_basis_is_still_invalid() -> None:
    text = _PURPOSE_LIST.replace("Käsittelyn oikeusperusteena on sopimus (tilaukset) ja lakisääteinen velvoite "
                                 "(kirjanpito).", "Asiakassuhde.")
    assert "RK-LINT-BASIS-INVALID" in _rules(text, "fi")


# --------------------------------------------------------------------------------------------- Swedish plain words

_SV_PLAIN = ("Integritetspolicy\n\nVi sparar bara de uppgifter som är nödvändiga för att vi ska kunna genomföra "
             "avtalet med dig: namn, adress och e-post. Uppgifterna lämnas endast ut till tredje part som "
             "betalningslösningen och fraktlösningen, så att betalning och leverans kan ske. Vi hjälper dig vid "
             "begäran om radering eller förändring av lagrade personuppgifter.\n")


def test_swedish_plain_words_for_contract_basis_recipients_and_rectification() -> None:
    # The contract basis in the words of Art. 6(1)(b), the payment and shipping solutions as recipients, and a
    # change of stored data on request as rectification.
    result = _lint(_SV_PLAIN, "sv")
    assert result.outcome(R.LEGAL_BASIS) is Outcome.PROVIDED
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED
    assert result.outcome(R.RIGHT_RECTIFICATION) is Outcome.PROVIDED
    assert not {"RK-LINT-LEGAL-BASIS", "RK-LINT-RECIPIENTS-VAGUE"} & {f.rule for f in result.findings}


def test_swedish_third_party_without_a_kind_is_still_vague() -> None:
    text = _SV_PLAIN.replace("tredje part som betalningslösningen och fraktlösningen", "tredje part")
    assert "RK-LINT-RECIPIENTS-VAGUE" in _rules(text, "sv")


# --------------------------------------------------------------------------------------------- clarity

def _vague_quotes(text: str, lang: str) -> list[str]:
    return [f.evidence.quote for f in _lint(text, lang).findings if f.rule == "RK-LINT-VAGUE" and f.evidence]


_OPENING_EN = ("Privacy Policy\n\nWe may update this privacy policy from time to time. Our site may contain links to "
               "other websites, whose own policies apply there.\n\nController\n\nBirchway Ltd, Business ID "
               "1234567-1, privacy@birchway.example\n\nPurposes\n\nWe process your data to deliver your orders.\n")


def test_hedges_about_the_statement_itself_are_no_vague_processing() -> None:
    assert _vague_quotes(_OPENING_EN, "en") == []


def test_a_hedge_about_the_processing_in_the_opening_is_still_vague() -> None:
    text = _OPENING_EN.replace("Our site may contain links to other websites, whose own policies apply there.",
                               "We may also use your data for other purposes.")
    assert any("other purposes" in q for q in _vague_quotes(text, "en"))


_OPENING_FI = ("Tietosuojaseloste\n\nTämä tietosuojaseloste kertoo, mitä tietoja keräämme ja kenelle tietoja voidaan "
               "luovuttaa. Sivustomme saattaa sisältää linkkejä muiden yritysten palveluihin.\n\n"
               "Rekisterinpitäjä\n\nPajupiha Oy, Y-tunnus 1234567-1, info@pajupiha.example\n\n"
               "Käsittelyn tarkoitus\n\nKäsittelemme tietoja tilausten toimittamiseksi.\n")


def test_an_introduction_listing_what_follows_is_no_vague_processing() -> None:
    assert _vague_quotes(_OPENING_FI, "fi") == []


_SITE_FIRST = ("Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\n"
               "Verkkokauppamme löytyy osoitteessa: https://www.pajupiha.example.\n"
               "Anna Pajunen\nPajukuja 3, 40100 Jyväskylä\nanna@pajupiha.example\n\n"
               "2. Käsittelyn tarkoitus\n\nKäsittelemme tietoja tilausten toimittamiseksi.\n")


def test_the_site_address_line_is_not_the_controller_name() -> None:
    # The controller is the person on the next line; the sentence giving the site's address names no one.
    result = _lint(_SITE_FIRST, "fi")
    assert "RK-LINT-CONTROLLER-TRADE-NAME" not in {f.rule for f in result.findings}
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED


def test_a_shop_name_alone_after_the_site_address_is_still_a_trade_name() -> None:
    text = _SITE_FIRST.replace("Anna Pajunen", "Pajupiha Design")
    assert "RK-LINT-CONTROLLER-TRADE-NAME" in _rules(text, "fi")


# --------------------------------------------------------------------------------------------- cookies and consent

_OTHER_COOKIES = ("Rekisterinpitäjä\n\nPajupiha Oy, Y-tunnus 1234567-1, info@pajupiha.example\n\n"
                  "Käsittelyn tarkoitus ja oikeusperuste\n\nKäsittelemme tietoja tilausten toimittamiseksi "
                  "sopimuksen perusteella. Suostumuksesi perusteella käsittelemme lisäksi muiden kuin "
                  "välttämättömien evästeiden keräämiä tietoja.\n")


def test_cookies_other_than_necessary_ones_on_consent_need_its_withdrawal() -> None:
    # Non-essential cookies named by exclusion rest on consent; nothing says it can be withdrawn.
    result = _lint(_OTHER_COOKIES, "fi")
    assert result.outcome(R.WITHDRAW_CONSENT) is Outcome.MISSING


def test_only_necessary_cookies_ask_nothing_to_withdraw() -> None:
    text = _OTHER_COOKIES.replace("Suostumuksesi perusteella käsittelemme lisäksi muiden kuin välttämättömien "
                                  "evästeiden keräämiä tietoja.", "Käytämme vain välttämättömiä evästeitä.")
    assert _lint(text, "fi").outcome(R.WITHDRAW_CONSENT) is Outcome.NOT_APPLICABLE


def test_withdrawal_explained_for_non_essential_cookies() -> None:
    text = ("Controller\n\nBirchway Ltd, Business ID 1234567-1, privacy@birchway.example\n\nCookies\n\nWith your "
            "consent we set cookies other than strictly necessary ones. You can withdraw your consent at any time "
            "in the cookie settings.\n")
    assert _lint(text, "en").outcome(R.WITHDRAW_CONSENT) is Outcome.PROVIDED


def test_a_self_hosted_tool_names_the_cookie_party() -> None:
    # Name, lifetime and the party (the shop itself, hosting the tool) are all given.
    text = ("Controller\n\nBirchway Ltd, Business ID 1234567-1, privacy@birchway.example\n\nCookies\n\nWith your "
            "consent we set the cookie `_pk_id` of Matomo, which we host ourselves on our server; it counts visits "
            "and expires after 13 months. You can withdraw your consent at any time in the cookie settings.\n")
    assert _lint(text, "en").outcome(R.COOKIE_DETAILS) is Outcome.PROVIDED
    # Without the party the declaration is incomplete.
    bare = text.replace(", which we host ourselves on our server", "")
    assert _lint(bare, "en").outcome(R.COOKIE_DETAILS) is Outcome.MISSING


# ------------------------------------------------------------------------------------ marketing on the contract

_HEAD_EN = "Controller\n\nBirchway Ltd, Business ID 1234567-1, privacy@birchway.example\n\nPurposes and bases\n\n"


@pytest.mark.parametrize(("text", "lang"), [
    # The basis in the sentence after the marketing sentence, as a real statement put it.
    (_HEAD_EN + "We process orders to perform our contract with you. We also use your details for marketing. "
                "The legal basis of this is an agreement.\n", "en"),
    ("Rekisterinpitäjä\n\nPajupiha Oy, Y-tunnus 1234567-1, info@pajupiha.example\n\nKäsittelyn tarkoitus ja "
     "peruste\n\nTilaukset käsittelemme sopimuksen perusteella. Sähköpostimarkkinointi perustuu "
     "kanssasi tehtyyn sopimukseen.\n", "fi"),
    ("Personuppgiftsansvarig\n\nSkärgårdsknut Ab, FO-nummer 1234567-1, kundtjanst@skargardsknut.example\n\n"
     "Ändamål och grund\n\nVi skickar erbjudanden per e-post med stöd av avtalet med dig.\n", "sv"),
])
def test_marketing_on_the_contract_is_no_valid_basis(text: str, lang: str) -> None:
    result = _lint(text, lang)
    assert "RK-LINT-BASIS-CONTRACT-MARKETING" in {f.rule for f in result.findings}
    assert result.outcome(R.LEGAL_BASIS) is Outcome.MISSING


@pytest.mark.parametrize(("text", "lang"), [
    # Marketing on consent, the contract for orders.
    (_HEAD_EN + "We process orders to perform our contract with you. We send marketing e-mail only with your "
                "consent.\n", "en"),
    # Alternatives listed for all purposes tie no basis to marketing.
    (_HEAD_EN + "We use the data for orders and marketing. The legal basis is a contract, consent or legitimate "
                "interest.\n", "en"),
    # Standard contractual clauses are a transfer mechanism.
    (_HEAD_EN + "We send marketing e-mail with your consent.\n\nTransfers\n\nThe newsletter tool is in the United "
                "States; the transfer relies on standard contractual clauses.\n", "en"),
])
def test_marketing_on_another_basis_or_a_list_of_alternatives_is_not_flagged(text: str, lang: str) -> None:
    assert "RK-LINT-BASIS-CONTRACT-MARKETING" not in _rules(text, lang)


_SWEDISH_AB = ("Tietosuojalausunto\n\nHenkilötietojasi käsittelee rekisterinpitäjänä Kuvakehys Nordic AB:n "
               "Suomen verkkokauppa. Yhtiö on rekisteröity Ruotsin yritysrekisteriin Bolagsverketiin numerolla "
               "556677-8899, ja sen osoite on Storgatan 1, 211 35 Malmö.\n\nMitä tietoja keräämme\n\nNimi, osoite ja "
               "sähköpostiosoite tilausten toimittamiseksi.\n")


def test_a_swedish_ab_in_capitals_with_its_organisation_number_is_identified() -> None:
    result = _lint(_SWEDISH_AB, "fi")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED
    assert result.outcome(R.BUSINESS_ID) is Outcome.PROVIDED


def test_a_number_of_the_same_shape_not_said_to_be_a_registry_code_is_no_business_id() -> None:
    text = _SWEDISH_AB.replace("Yhtiö on rekisteröity Ruotsin yritysrekisteriin Bolagsverketiin numerolla "
                               "556677-8899, ja sen", "Asiakasnumerosi on esimerkiksi 556677-8899, ja yhtiön")
    assert _lint(text, "fi").outcome(R.BUSINESS_ID) is Outcome.MISSING

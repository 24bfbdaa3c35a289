"""Classes of error behind the differences of hold-out K (issue 21, round 8): each class with statements in our own
words that show it, and ones that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from rekisterikit.lint.linter import lint_text
from tests.lint.lint_helpers import lint as _lint

R = Requirement


# ------------------------------------------------------------- a short Finnish statement with no headings

# A trade name with the owner's initial, the business id, purposes with "varten", data items in the accusative
# ("nimen, osoitteen") and a no-sale sentence, all in running lines under a one-word title.
_SHORT_FI = (
    "Tietosuoja\n\n"
    "Ikkunanpesu K. Lampinen, Y-tunnus 3120554-3, Rantakatu 9, 33100 Tampere, puh. 040 111 2233\n\n"
    "Tallennamme asiakkaan nimen, osoitteen ja sähköpostin pesukertojen sopimista ja laskutusta varten.\n"
    "Tietoja ei myydä eikä anneta muille.\n"
)


def test_a_leading_name_with_an_initial_before_the_business_id_names_the_controller() -> None:
    result = _lint(_SHORT_FI, "fi", "txt")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED


def test_a_name_with_an_initial_and_no_business_id_is_still_a_trade_name() -> None:
    text = _SHORT_FI.replace("Y-tunnus 3120554-3, ", "")
    result = _lint(text, "fi", "txt")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.MISSING


def test_purposes_given_with_varten_are_purposes() -> None:
    result = _lint(_SHORT_FI, "fi", "txt")
    assert result.outcome(R.PURPOSES) is Outcome.PROVIDED


def test_varten_without_any_activity_states_no_purpose() -> None:
    text = "Tietosuoja\n\nTallennamme asiakkaan nimen ja osoitteen myöhempää varten.\n"
    result = _lint(text, "fi", "txt")
    assert result.outcome(R.PURPOSES) is Outcome.MISSING


def test_data_items_in_the_accusative_list_the_categories() -> None:
    result = _lint(_SHORT_FI, "fi", "txt")
    assert result.outcome(R.DATA_CATEGORIES) is Outcome.PROVIDED


def test_one_data_item_alone_lists_no_categories() -> None:
    text = "Tietosuoja\n\nKysymme tilauksen yhteydessä vain osoitteen.\n"
    result = _lint(text, "fi", "txt")
    assert result.outcome(R.DATA_CATEGORIES) is not Outcome.PROVIDED


def test_data_not_given_to_others_states_the_recipients() -> None:
    result = _lint(_SHORT_FI, "fi", "txt")
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED


def test_a_text_silent_on_disclosures_still_misses_the_recipients() -> None:
    text = _SHORT_FI.replace("Tietoja ei myydä eikä anneta muille.\n", "")
    result = _lint(text, "fi", "txt")
    assert result.outcome(R.RECIPIENTS) is Outcome.MISSING


# ------------------------------------------------------------- friendly paragraphs under a title only

# A sole trader's salon: the name "drivs av" its owner with the FO-nummer, a booking system provided by a company,
# an accountant, and what is done with the data in two first-person sentences.
_FRIENDLY_SV = (
    "# Om dina uppgifter\n\n"
    "Hårstudio Linnea drivs av Linnea Berg (enskild firma, FO-nummer 3120554-3), Skolgatan 4, 68600 Jakobstad.\n\n"
    "När du beställer en tid sparar vi ditt namn och telefonnummer. Tidsbokningen tillhandahålls av Bokarna Oy.\n\n"
    "Ibland skickar vi sms med erbjudanden till våra kunder. Bokföringen sköts av vår bokförare.\n"
)


def test_a_name_run_by_its_owner_with_the_business_id_names_the_controller() -> None:
    result = _lint(_FRIENDLY_SV, "sv", "md")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED


def test_two_first_person_sentences_under_a_title_state_the_purposes() -> None:
    result = _lint(_FRIENDLY_SV, "sv", "md")
    assert result.outcome(R.PURPOSES) is Outcome.PROVIDED


def test_one_first_person_sentence_with_no_activity_states_no_purpose() -> None:
    text = "# Om dina uppgifter\n\nVi sparar ditt namn och telefonnummer.\n"
    result = _lint(text, "sv", "md")
    assert result.outcome(R.PURPOSES) is Outcome.MISSING


def test_a_provider_company_and_the_accountant_are_recipients() -> None:
    result = _lint(_FRIENDLY_SV, "sv", "md")
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED


def test_bookkeeping_done_by_the_shop_itself_names_no_recipient() -> None:
    text = _FRIENDLY_SV.replace("Tidsbokningen tillhandahålls av Bokarna Oy.", "").replace(
        "Bokföringen sköts av vår bokförare.", "Bokföringen sköter vi själva.")
    result = _lint(text, "sv", "md")
    assert result.outcome(R.RECIPIENTS) is Outcome.MISSING


# ------------------------------------------------------------- a studio run by a named person; "ask to see"

_RUN_BY_EN = (
    "PRIVACY\n\n"
    "Lasipaja Kide is a small glass studio run by Maria Salo in Joensuu. E-mail: maria@lasipajakide.example.\n\n"
    "YOUR RIGHTS\n"
    "You can ask to see, correct or delete your information by e-mail.\n"
)


def test_a_studio_run_by_a_named_person_names_the_controller() -> None:
    result = _lint(_RUN_BY_EN, "en", "txt")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED


def test_a_studio_run_by_a_platform_names_no_controller() -> None:
    text = _RUN_BY_EN.replace("run by Maria Salo in Joensuu", "run on Webbo Cloud")
    result = _lint(text, "en", "txt")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.MISSING


def test_asking_to_see_among_other_rights_is_the_right_of_access() -> None:
    result = _lint(_RUN_BY_EN, "en", "txt")
    assert result.outcome(R.RIGHT_ACCESS) is Outcome.PROVIDED


def test_asking_to_correct_only_is_no_right_of_access() -> None:
    text = _RUN_BY_EN.replace("ask to see, correct or delete", "ask to correct or delete")
    result = _lint(text, "en", "txt")
    assert result.outcome(R.RIGHT_ACCESS) is Outcome.MISSING


# ------------------------------------------------------------- data kept in Finland or other EU countries

_STAYS_IN_EU = {
    "en": ("# Transfers outside the EU/EEA\n\nNone. All our suppliers store the data in Finland or other EU "
           "countries.\n"),
    "sv": ("# Överföring utanför EU/EES\n\nIngen. Alla våra leverantörer lagrar uppgifterna i Finland eller andra "
           "EU-länder.\n"),
}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_data_stored_in_finland_or_other_eu_countries_leaves_no_transfer_open(lang: str) -> None:
    result = _lint(_STAYS_IN_EU[lang], lang, "md")
    assert result.outcome(R.THIRD_COUNTRY_TRANSFERS) is not Outcome.MISSING
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is not Outcome.MISSING


def test_data_stored_in_finland_and_the_united_states_is_still_a_transfer() -> None:
    text = ("# Transfers outside the EU/EEA\n\nOur suppliers store the data in Finland and in the United States.\n")
    result = _lint(text, "en", "md")
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.MISSING


# ------------------------------------------------------------- a hosted shop's template: cookie policy, sources, risk

_TEMPLATE_SV = (
    "# Integritetspolicy\n\n"
    "## Uppgifter vi samlar in\n\nNamn, adress och e-post som du lämnar när du beställer. "
    "Vi får inga uppgifter om dig från andra källor.\n\n"
    "## Ändamål\n\n"
    "- Förhindra bedrägerier – vårt berättigade intresse (art. 6.1 f). Plattformen analyserar automatiskt varje "
    "beställnings risk. En beställning med hög risk stoppas inte automatiskt; en av oss granskar den manuellt, så "
    "analysen har inga rättsliga följder för dig.\n\n"
    "## Kakor\n\nStatistikkakor används bara om du väljer ”Godkänn”. Vilka kakor vi använder, vem som sätter dem "
    "och deras livslängd framgår av vår kakpolicy.\n"
)


def test_a_cookie_policy_said_to_tell_which_cookies_and_their_lifetime_gives_the_details() -> None:
    result = _lint(_TEMPLATE_SV, "sv", "md")
    assert result.outcome(R.COOKIE_DETAILS) is Outcome.PROVIDED


def test_a_cookie_policy_said_to_tell_only_the_purposes_gives_no_details() -> None:
    text = _TEMPLATE_SV.replace("Vilka kakor vi använder, vem som sätter dem och deras livslängd framgår",
                                "Kakornas syfte framgår")
    result = _lint(text, "sv", "md")
    assert result.outcome(R.COOKIE_DETAILS) is Outcome.MISSING


def test_other_sources_denied_name_no_vague_source() -> None:
    result = _lint(_TEMPLATE_SV, "sv", "md")
    assert "RK-LINT-SOURCE-VAGUE" not in {f.rule for f in result.findings}


def test_data_from_other_sources_still_asks_which() -> None:
    text = _TEMPLATE_SV.replace("Vi får inga uppgifter om dig från andra källor.",
                                "Vi får också uppgifter om dig från andra källor.")
    result = _lint(text, "sv", "md")
    assert "RK-LINT-SOURCE-VAGUE" in {f.rule for f in result.findings}


def test_an_automatic_risk_analysis_with_manual_review_explains_automated_decisions() -> None:
    result = _lint(_TEMPLATE_SV, "sv", "md")
    assert result.outcome(R.AUTOMATED_DECISIONS) is Outcome.PROVIDED


def test_an_automatic_risk_analysis_with_nothing_more_is_not_explained() -> None:
    text = _TEMPLATE_SV.replace(" En beställning med hög risk stoppas inte automatiskt; en av oss granskar den "
                                "manuellt, så analysen har inga rättsliga följder för dig.", "")
    result = _lint(text, "sv", "md")
    assert result.outcome(R.AUTOMATED_DECISIONS) is not Outcome.PROVIDED


# ------------------------------------------------------------- requests by e-mail or in the shop; EU data centres; FAQ

_DEALER_FI = (
    "# Tietosuoja\n\n"
    "## Kuka muu näkee tietoni?\n\n"
    "Kirjanpidon hoitaa tilitoimisto. Käytämme Microsoft 365 -palvelua, jonka tiedot on sopimuksella sijoitettu "
    "EU:n alueen palvelinkeskuksiin.\n\n"
    "## Oikeutesi\n\n"
    "Sinulla on oikeus tarkastaa tietosi. Pyynnöt voi tehdä sähköpostitse osoitteeseen tietosuoja@kauppa.example "
    "tai käymällä liikkeessä.\n"
)


def test_a_request_by_e_mail_or_in_the_shop_is_not_in_person_only() -> None:
    result = _lint(_DEALER_FI, "fi", "md")
    assert "RK-LINT-IN-PERSON-REQUEST" not in {f.rule for f in result.findings}


def test_a_request_only_in_the_shop_is_still_in_person_only() -> None:
    text = _DEALER_FI.replace("Pyynnöt voi tehdä sähköpostitse osoitteeseen tietosuoja@kauppa.example tai käymällä "
                              "liikkeessä.", "Pyynnöt tehdään käymällä liikkeessä.")
    result = _lint(text, "fi", "md")
    assert "RK-LINT-IN-PERSON-REQUEST" in {f.rule for f in result.findings}


def test_a_provider_whose_data_is_placed_in_eu_data_centres_is_no_undisclosed_transfer() -> None:
    result = _lint(_DEALER_FI, "fi", "md")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in {f.rule for f in result.findings}


def test_the_same_provider_with_no_word_on_where_is_an_undisclosed_transfer() -> None:
    text = _DEALER_FI.replace(", jonka tiedot on sopimuksella sijoitettu EU:n alueen palvelinkeskuksiin", "")
    result = _lint(text, "fi", "md")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in {f.rule for f in result.findings}


def test_who_else_sees_my_data_heads_the_recipients() -> None:
    text = ("# Tietosuoja\n\n## Kuka muu näkee tietoni?\n\nSivuston palvelimet ovat suomalaisella "
            "palveluntarjoajalla.\n")
    result = _lint(text, "fi", "md")
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED


# ------------------------------------------------ a short section of a bilingual statement; a reasonable time

_BILINGUAL = (
    "# Tietosuojaseloste\n\n"
    "## Mitä tietoja keräämme ja miksi\n\n"
    "Tallennamme tilauksista nimen, osoitteen ja sähköpostin, ja niitä käytetään tilausten toimittamiseen. Emme "
    "luovuta tietoja kenellekään, ja ne ovat vain meidän käytössämme.\n\n"
    "## Säilytys\n\n"
    "Säilytämme tietoja kohtuullisen ajan asiakkuuden päättymisen jälkeen.\n\n"
    "# Dataskyddsbeskrivning\n\n"
    "## Vilka uppgifter vi samlar in och varför\n\n"
    "Vi sparar namn, adress och e-post från beställningar och de används för att leverera beställningarna. Vi lämnar "
    "inte ut uppgifterna till någon och de används bara av oss.\n\n"
    "## Lagring\n\n"
    "Vi sparar uppgifterna en skälig tid efter att kundförhållandet upphört.\n"
)


def test_a_short_section_keeps_the_language_of_the_half_it_is_in() -> None:
    result = lint_text(_BILINGUAL, format="md")
    languages = {s.heading: s.language.value for s in result.analysis.structure.sections}
    assert (languages["Säilytys"], languages["Lagring"]) == ("fi", "sv")


def test_a_reasonable_time_in_either_half_is_a_vague_period() -> None:
    result = lint_text(_BILINGUAL, format="md")
    flagged = [f for f in result.findings if f.rule == "RK-LINT-RETENTION-VAGUE"]
    assert len(flagged) == 2
    assert result.outcome(R.CLARITY) is Outcome.MISSING


def test_a_concrete_period_is_no_vague_period() -> None:
    text = _BILINGUAL.replace("kohtuullisen ajan", "kaksi vuotta").replace("en skälig tid", "två år")
    result = lint_text(text, format="md")
    assert "RK-LINT-RETENTION-VAGUE" not in {f.rule for f in result.findings}


# ------------------------------------------------------------- certified under the invalidated Privacy Shield

_SHIELD = {
    "sv": ("# Överföring utanför EU/EES\n\nVårt nyhetsbrevsverktyg finns i USA, dit e-postadresser överförs. "
           "Företaget är certifierat enligt EU–US Privacy Shield.\n"),
    "en": ("# Transfers outside the EU/EEA\n\nOur newsletter tool is in the USA, where e-mail addresses are "
           "transferred. The company is certified under the EU-US Privacy Shield.\n"),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_privacy_shield_certification_is_no_safeguard(lang: str) -> None:
    result = _lint(_SHIELD[lang], lang, "md")
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.MISSING


def test_a_data_privacy_framework_certification_is_a_safeguard() -> None:
    text = _SHIELD["en"].replace("EU-US Privacy Shield", "EU-U.S. Data Privacy Framework")
    result = _lint(text, "en", "md")
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.PROVIDED


# ------------------------------------------------------------- implied consent in non-native English

def test_by_continue_browsing_you_accept_cookies_is_implied_consent() -> None:
    text = ("# Cookies\n\nOur site uses cookies to count visitors (Google Analytics). By continue browsing the site "
            "you accept the use of cookies.\n")
    result = _lint(text, "en", "md")
    assert "RK-LINT-COOKIE-IMPLIED" in {f.rule for f in result.findings}


def test_cookies_accepted_in_the_banner_are_no_implied_consent() -> None:
    text = ("# Cookies\n\nOur site uses cookies to count visitors (Google Analytics) only if you accept them in the "
            "cookie banner.\n")
    result = _lint(text, "en", "md")
    assert "RK-LINT-COOKIE-IMPLIED" not in {f.rule for f in result.findings}

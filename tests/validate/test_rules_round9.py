"""The ninth tuning round (issue 21): the classes of error left on hold-out L, each with statements a
data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-IP-NOT-PERSONAL: IP addresses said not to be personal data -------------------------------------------------


def _register_description(text: str) -> str:
    return CONTROLLER + REGISTER + f'description = "{text}"\n' + ORDERS


def _category(text: str, language: str = "fi") -> str:
    return CONTROLLER + REGISTER + ORDERS + (
        f'\n[[registers.data_categories]]\nkey = "lokit"\nname = "Lokitiedot"\n'
        f'description = {{ {language} = "{text}" }}\n')


@pytest.mark.parametrize("claim", [
    # A bike subscription service that keeps IP addresses in its logs and leaves them out of its notice.
    "Keräämme verkkopalvelun lokeihin IP-osoitteita ja selaintietoja. IP-osoitteet eivät ole henkilötietoja, eikä "
    "tämä seloste koske niitä.",
    "IP-osoite ei ole henkilötieto.",
])
def test_ip_addresses_denied_to_be_personal_data_in_finnish(claim: str) -> None:
    """An IP address is an online identifier (4(1), recital 30); saying it is no personal data misinforms the reader
    about what the notice covers, wherever the statement describes its data."""
    assert ["$.registers[0].description"] == _hits("RK-IP-NOT-PERSONAL", _register_description(claim))
    assert ["$.registers[0].data_categories[0].description"] == _hits("RK-IP-NOT-PERSONAL", _category(claim))


@pytest.mark.parametrize(("claim", "language"), [
    ("Vi sparar IP-adresser i loggarna. IP-adresser är inte personuppgifter och omfattas inte av beskrivningen.",
     "sv"),
    ("We keep IP addresses in our server logs. IP addresses are not personal data and this notice does not cover "
     "them.", "en"),
])
def test_ip_addresses_denied_to_be_personal_data_in_swedish_and_english(claim: str, language: str) -> None:
    assert ["$.registers[0].data_categories[0].description"] == _hits(
        "RK-IP-NOT-PERSONAL", _category(claim, language))


def test_the_denial_in_the_introduction_is_read() -> None:
    text = 'intro = "Palvelimemme tallentavat IP-osoitteen, mutta IP-osoitteet eivät ole henkilötietoja."\n'
    assert ["$.intro"] == _hits("RK-IP-NOT-PERSONAL", text + CONTROLLER)


@pytest.mark.parametrize(("text", "language"), [
    ("IP-osoitteet ovat henkilötietoja, ja niitä säilytetään lokeissa 30 päivää.", "fi"),
    ("Tilastot eivät ole henkilötietoja, koska ne kootaan ilman IP-osoitteita.", "fi"),
    ("IP-adresser är personuppgifter och sparas i 30 dagar.", "sv"),
    ("IP addresses are personal data; we keep them for 30 days. Aggregate statistics are not personal data.", "en"),
])
def test_ip_addresses_treated_as_personal_data_pass(text: str, language: str) -> None:
    """Statistics said to be no personal data, or IP addresses said to be personal data, deny nothing of the IP
    address itself."""
    assert [] == _hits("RK-IP-NOT-PERSONAL", _category(text, language))


# -- RK-RETENTION-VAGUE: "as long as necessary for managing the customer relationship" --------------------------


def _retention(criteria: str) -> str:
    return CONTROLLER + REGISTER + ORDERS + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


@pytest.mark.parametrize("criteria", [
    "Verkkokaupan asiakastietoja säilytetään niin kauan kuin se on asiakassuhteen hoitamiseksi tarpeellista.",
    "Tietoja säilytetään niin kauan kuin ne ovat tilauksen toimittamiseksi välttämättömiä.",
    "Uppgifterna sparas så länge det är nödvändigt för att sköta kundförhållandet.",
    "We keep the data as long as necessary for managing the customer relationship.",
])
def test_as_long_as_necessary_for_a_purpose_is_vague(criteria: str) -> None:
    """A purpose in the translative ('hoitamiseksi', 'for managing') says what the data is kept for, not how long:
    no period and no event the data subject can apply (13(2)(a))."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


@pytest.mark.parametrize("criteria", [
    "Tietoja säilytetään niin kauan kuin se on asiakassuhteen hoitamiseksi tarpeellista, kuitenkin enintään kaksi "
    "vuotta viimeisestä ostosta.",
    "Tietoja säilytetään tilauksen toimittamiseksi ja sen jälkeen kaksi vuotta.",
])
def test_a_maximum_or_a_period_beside_the_purpose_passes(criteria: str) -> None:
    assert [] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


# -- RK-RECIPIENTS-OPEN-ENDED: a list of recipients that ends in "other partners" ---------------------------------


def _recipient(category: str, description: str | None = None) -> str:
    more = "" if description is None else f'description = "{description}"\n'
    return CONTROLLER + REGISTER + ORDERS + f'\n[[registers.recipients]]\ncategory = "{category}"\n{more}'


@pytest.mark.parametrize("category", [
    # A veterinary clinic's web shop.
    "Verkkokauppa-alusta, maksunvälittäjä ja kuljetusyhtiöt sekä muut yhteistyökumppanimme",
    "Kuljetusyhtiöt, maksupalvelut ja muut kolmannet osapuolet",
    "Transportföretag, betaltjänster och övriga samarbetspartner",
    "Carriers, payment providers and other business partners.",
    "Carriers and other third parties",
])
def test_a_list_ending_in_other_partners_is_open_ended(category: str) -> None:
    """Naming some kinds of recipient and then 'other partners' leaves the rest unknown, as a category of partners
    alone does (13(1)(e); WP260 asks categories by type of recipient)."""
    assert ["$.registers[0].recipients[0].category"] == _hits("RK-RECIPIENTS-OPEN-ENDED", _recipient(category))


@pytest.mark.parametrize(("category", "description"), [
    ("Verkkokauppa-alusta, maksunvälittäjä ja kuljetusyhtiöt", None),
    ("Kuljetusyhtiöt ja muut logistiikkapalvelut", None),
    ("Kuljetusyhtiöt ja muut yhteistyökumppanit", "Muut yhteistyökumppanit ovat Tilitoimisto Numero Oy ja "
                                                  "Palvelintalo Oy."),
    ("Yhteistyökumppanit", None),
    ("Muut yhteistyökumppanit", None),
])
def test_a_closed_list_a_named_rest_or_partners_alone_pass(category: str, description: str | None) -> None:
    """A closed list passes; so does 'other partners' whose description names the companies; a category of partners
    alone is RK-RECIPIENTS-VAGUE's, not this rule's."""
    assert [] == _hits("RK-RECIPIENTS-OPEN-ENDED", _recipient(category, description))


def test_partners_alone_stay_with_the_vague_rule() -> None:
    assert ["$.registers[0].recipients[0].category"] == _hits("RK-RECIPIENTS-VAGUE",
                                                              _recipient("Muut yhteistyökumppanit"))

"""The seventh tuning round (issue 21): the classes of error left on hold-out J and the older hold-outs, each with
statements a data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-RETENTION-VAGUE: "as long as necessary" with the point of view before the adjective -----------------


def _retention(criteria: str) -> str:
    return CONTROLLER + REGISTER + ORDERS + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


@pytest.mark.parametrize("criteria", [
    # A register of course participants kept for as long as the courses need it, in the word order Finnish uses.
    "Osallistujatietoja säilytetään niin kauan kuin se on kurssitoiminnan kannalta tarpeellista.",
    "Säilytämme asiakastietoja niin kauan kuin ne ovat liiketoimintamme kannalta tarpeellisia.",
    "Tietoja säilytetään niin kauan kuin ne ovat asiakassuhteen hoitamisen kannalta välttämättömiä.",
    "Tiedot säilytetään niin kauan kuin niitä tarvitaan tilausten toimittamista varten.",
    "Säilytämme tietoja niin kauan kuin ne ovat yhdistyksen toiminnan vuoksi tarpeen.",
])
def test_as_long_as_necessary_for_our_activity_is_vague(criteria: str) -> None:
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


@pytest.mark.parametrize("criteria", [
    "Tietoja säilytetään niin kauan kuin se on kurssitoiminnan kannalta tarpeellista, kuitenkin enintään kaksi vuotta.",
    "Tietoja säilytetään niin kauan kuin olet asiakkaamme ja kaksi vuotta asiakkuuden päättymisen jälkeen.",
    "Tiedot poistetaan kurssin päättymistä seuraavan kalenterivuoden lopussa.",
])
def test_a_maximum_or_a_named_event_is_not_vague(criteria: str) -> None:
    assert [] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


# -- RK-CHILDREN-CONSENT-AGE and RK-CHILDREN-CONSENT: children under 13, consent and club e-mails ------------

_CONSENT_NEWSLETTER = ('\n[[registers.purposes]]\nkey = "uutiskirje"\ndescription = "Kerhon uutiskirje"\n'
                       'kind = "newsletter"\nlegal_basis = "consent"\ndirect_marketing = ["email"]\n')
_CONTRACT_CLUB_LETTER = ('\n[[registers.purposes]]\nkey = "kerhokirje"\ndescription = "Jäsenyyteen kuuluu '
                         'kerhokirje sähköpostitse"\nkind = "newsletter"\nlegal_basis = "contract"\n'
                         'direct_marketing = ["email"]\nmarketing_audience = "consumers"\n')


def _children(section: str, purposes: str = _CONSENT_NEWSLETTER) -> str:
    return CONTROLLER + "\n[children]\noffered_to_children = true\n" + section + REGISTER + ORDERS + purposes


@pytest.mark.parametrize("section", [
    # A drawing club whose members consent to its letter themselves from the age of 11, the guardian for younger.
    'minimum_age = 11\nparental_consent = "Alle 11-vuotiaan puolesta suostumuksen antaa huoltaja."\n',
    'minimum_age = 12\nparental_consent = "För barn under 12 år samtycker vårdnadshavaren."\n',
    # A reading app children open alone from 9, nothing on guardians.
    "minimum_age = 9\n",
])
def test_children_under_13_consenting_alone_is_an_error(section: str) -> None:
    assert ["$.children"] == _hits("RK-CHILDREN-CONSENT-AGE", _children(section))


@pytest.mark.parametrize("section", [
    'minimum_age = 13\nparental_consent = "Alle 13-vuotiaan puolesta suostumuksen antaa huoltaja."\n',
    "minimum_age = 15\n",
    # The age the service is open from, with the guardian consenting up to 13: no child consents alone under 13.
    'minimum_age = 10\nparental_consent = "Alle 13-vuotiaan puolesta suostumuksen antaa huoltaja."\n',
    'minimum_age = 7\nparental_consent = "Guardians consent for children under 15 and verify it by bank ID."\n',
    'minimum_age = 10\nparental_consent = "Huoltaja antaa suostumuksen kerhoon liittymisen yhteydessä."\n',
    "",
])
def test_13_or_a_guardian_up_to_13_is_not_an_error(section: str) -> None:
    assert [] == _hits("RK-CHILDREN-CONSENT-AGE", _children(section))


def test_the_age_rule_reads_only_services_offered_to_children() -> None:
    """Art. 8(1) is about services offered directly to a child: a shop not offered to children that records a
    minimum age of 0 (found by the compliant-statement strategy) sets no age from which children consent alone."""
    text = (CONTROLLER + "\n[children]\noffered_to_children = false\nminimum_age = 0\n" + REGISTER + ORDERS
            + _CONSENT_NEWSLETTER)
    assert [] == _hits("RK-CHILDREN-CONSENT-AGE", text)
    assert ["$.children"] == _hits("RK-CHILDREN-CONSENT-AGE", text.replace("= false", "= true"))


def test_the_age_rule_reads_only_statements_resting_on_consent() -> None:
    """Art. 8 is about consent: a children's service on the contract alone is not this rule's."""
    assert [] == _hits("RK-CHILDREN-CONSENT-AGE", _children("minimum_age = 10\n", ""))


def test_a_club_letter_to_children_from_10_on_the_contract_lacks_the_guardian() -> None:
    """A games club open from ten sends member e-mails 'as part of the membership': e-mail marketing needs the
    recipient's consent whatever basis is named, and a ten-year-old cannot give it alone."""
    assert ["$.children"] == _hits("RK-CHILDREN-CONSENT", _children("minimum_age = 10\n", _CONTRACT_CLUB_LETTER))


@pytest.mark.parametrize("section", [
    "minimum_age = 13\n",
    'minimum_age = 10\nparental_consent = "Alle 13-vuotiaan puolesta kerhoon liittyy huoltaja."\n',
])
def test_a_club_letter_with_an_age_of_13_or_a_guardian_is_not_reported(section: str) -> None:
    assert [] == _hits("RK-CHILDREN-CONSENT", _children(section, _CONTRACT_CLUB_LETTER))


def test_business_marketing_or_no_marketing_on_the_contract_is_not_a_childrens_consent_matter() -> None:
    b2b = _CONTRACT_CLUB_LETTER.replace('"consumers"', '"businesses"')
    assert [] == _hits("RK-CHILDREN-CONSENT", _children("minimum_age = 10\n", b2b))
    assert [] == _hits("RK-CHILDREN-CONSENT", _children("minimum_age = 10\n", ""))


# -- RK-VAGUE-WORDING: a category of conditions illustrated by conditions -----------------------------------


def _category_described(description: str, name: str = "Terveystiedot") -> str:
    return (CONTROLLER + REGISTER + ORDERS + f'\n[[registers.data_categories]]\nkey = "k"\nname = "{name}"\n'
            f'description = "{description}"\n')


@pytest.mark.parametrize("description", [
    # A dance school's health category: the illnesses the teacher must know, with examples of illnesses.
    "Sairaudet, jotka opettajan on tiedettävä tunneilla, esimerkiksi astma tai sydänsairaus.",
    "Allergiat ja erityisruokavaliot, kuten gluteeniton, vegaaninen tai kananmunaton.",
    "Sjukdomar som diabetes eller astma, mediciner.",
    "Allergies and illnesses such as asthma or epilepsy, and medication.",
])
def test_a_category_of_conditions_illustrated_by_conditions_is_clear(description: str) -> None:
    assert [] == _hits("RK-VAGUE-WORDING", _category_described(description))


@pytest.mark.parametrize("description", [
    "Terveystiedot, kuten nimi, syntymäaika ja sairaudet.",
    "Muut terveystiedot, esimerkiksi allergiat.",
    "Yhteystiedot, esimerkiksi nimi ja osoite.",
    "Health details such as your name and date of birth.",
])
def test_examples_of_data_fields_or_an_open_category_are_still_reported(description: str) -> None:
    assert ["$.registers[0].data_categories[0].description"] == _hits(
        "RK-VAGUE-WORDING", _category_described(description))


# -- RK-LANGUAGE-MISSING: a source named by its company name once -------------------------------------------


def _bilingual_source(name: str) -> str:
    return ('languages = ["fi", "en"]\ntitle = { fi = "Tietosuojaseloste", en = "Privacy notice" }\n' + CONTROLLER
            + REGISTER.replace('name = "Asiakasrekisteri"', 'name = { fi = "Asiakasrekisteri", en = "Customers" }')
            + f'\n[[registers.sources]]\nkind = "third_party"\nname = "{name}"\n')


@pytest.mark.parametrize("name", [
    # A cottage rental that receives bookings from a booking platform, named once in a Finnish-English statement.
    "Booking.com B.V.",
    "Suomen Asiakastieto Oy",
    "Klarna Bank AB",
    "Airbnb Ireland UC Ltd.",
])
def test_a_source_named_by_its_company_name_needs_no_translation(name: str) -> None:
    assert [] == _hits("RK-LANGUAGE-MISSING", _bilingual_source(name))


@pytest.mark.parametrize("name", [
    "Varauskanavat",
    "Postin osoitepalvelu (Posti Oy)",
    "Yhteistyökumppanit ja Booking.com",
])
def test_a_source_described_in_one_language_is_still_reported(name: str) -> None:
    assert ["$.registers[0].sources[0].name"] == _hits("RK-LANGUAGE-MISSING", _bilingual_source(name))


# -- RK-SOURCE-PUBLIC: the population information system and address updates are not public sources ---------


def _source(name: str, description: str = "") -> str:
    extra = f'description = "{description}"\n' if description else ""
    return (CONTROLLER + REGISTER + ORDERS
            + f'\n[[registers.sources]]\nkind = "third_party"\nname = "{name}"\n{extra}')


@pytest.mark.parametrize(("name", "description"), [
    # A magazine that updates subscribers' addresses from Posti's change-of-address notices.
    ("Postin osoitepalvelu (Posti Oy)", "Osoitteenmuutokset."),
    ("Digi- ja väestötietovirasto", "Perunkirjoitusta varten väestötietojärjestelmästä osakkaiden tiedot."),
    ("Befolkningsdatasystemet", "Adressändringar."),
    ("Population information system (DVV)", "Address updates."),
])
def test_the_population_register_and_address_updates_get_no_reminder(name: str, description: str) -> None:
    assert [] == _hits("RK-SOURCE-PUBLIC", _source(name, description))


@pytest.mark.parametrize(("name", "description"), [
    ("Kaupparekisteri (PRH)", ""),
    ("Julkiset lähteet", "Yritysten verkkosivut ja LinkedIn."),
    ("Fonecta", "Puhelinluettelon yhteystiedot."),
])
def test_public_registers_and_directories_still_get_the_reminder(name: str, description: str) -> None:
    assert ["$.registers[0].sources[0]"] == _hits("RK-SOURCE-PUBLIC", _source(name, description))


# -- RK-TRANSFERS-SILENT: a provider named only in a purpose -------------------------------------------------


def _silent(purposes: str, rest: str = "") -> str:
    return CONTROLLER + REGISTER + purposes + rest


_PHOTOS = ('\n[[registers.purposes]]\nkey = "kuvat"\nkind = "other"\nlegal_basis = "consent"\ndescription = '
           '"Julkaisemme kuvia valmiista töistä studion Instagram-tilillä asiakkaan luvalla."\n')
_FORMS = ('\n[[registers.purposes]]\nkey = "ennakko"\nkind = "order"\nlegal_basis = "contract"\ndescription = '
          '"Ennakkotilaukset Google-lomakkeella."\n')


@pytest.mark.parametrize("purpose", [_PHOTOS, _FORMS])
def test_a_provider_named_only_in_a_purpose_asks_where_the_data_goes(purpose: str) -> None:
    """A tattoo studio publishes photos on Instagram, a farm takes pre-orders on a Google form: the purpose names a
    provider commonly processing outside the EEA, and the statement says nothing of transfers."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-TRANSFERS-SILENT", _silent(purpose))


def test_stated_transfers_or_a_recipient_naming_the_provider_are_not_asked_again() -> None:
    assert [] == _hits("RK-TRANSFERS-SILENT", CONTROLLER + REGISTER + "transfers = []\n" + _PHOTOS)
    recipient = '\n[[registers.recipients]]\nname = "Meta Platforms Ireland Limited"\npurposes = ["kuvat"]\n'
    assert ["$.registers[0].recipients[0]"] == _hits("RK-TRANSFERS-SILENT", _silent(_PHOTOS, recipient))


def test_a_purpose_naming_no_provider_is_not_asked() -> None:
    assert [] == _hits("RK-TRANSFERS-SILENT", _silent(ORDERS))

"""The twelfth tuning round (issue 21): classes of error on the third set of real published statements and the
English-only statements of every set, each with statements a data-protection lawyer reads as correct beside the
ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-LANGUAGE-NOT-NATIONAL: only where the statement shows a Finnish- or Swedish-speaking audience -------------

_EN = 'languages = ["en"]\ntitle = "Privacy policy"\n'


def test_an_english_statement_with_nothing_finnish_passes() -> None:
    """A Finnish company writing for an international clientele in English only: the statement alone does not show
    that it addresses Finnish or Swedish speakers, and the readers of every set read it as clear."""
    text = _EN + 'intro = "We rent horses for trail rides to visitors from all over the world."\n' + CONTROLLER
    assert [] == _hits("RK-LANGUAGE-NOT-NATIONAL", text)


@pytest.mark.parametrize("extra", [
    '\n[consent.texts.fi]\ntitle = "Evästeet"\naccept_all = "Hyväksy kaikki"\n',  # a Finnish cookie banner
    '\n[consent.texts.sv]\nintro = "Vi använder kakor."\n',  # a Swedish one
])
def test_a_banner_in_finnish_or_swedish_shows_the_audience(extra: str) -> None:
    assert ["$.languages"] == _hits("RK-LANGUAGE-NOT-NATIONAL", _EN + CONTROLLER + extra)


@pytest.mark.parametrize("purpose", [
    "Tilausten käsittely ja toimitus, jotta tuotteet voidaan toimittaa asiakkaalle.",  # Finnish
    "Vi använder uppgifterna för att leverera beställningar och för kundtjänst.",  # Swedish
])
def test_a_purpose_written_in_finnish_or_swedish_shows_the_audience(purpose: str) -> None:
    text = _EN + CONTROLLER + REGISTER + ORDERS.replace('"Tilausten käsittely"', f'"{purpose}"')
    assert ["$.languages"] == _hits("RK-LANGUAGE-NOT-NATIONAL", text)


def test_a_finnish_name_or_address_shows_no_audience() -> None:
    """Names and addresses are not read: 'Hämeenlinnan Kehys ja Taulu Oy' is a name, not a sentence."""
    text = (_EN + '[controller]\nname = "Kehys ja Taulu Oy"\nbusiness_id = "1234567-1"\nemail = "info@kehys.fi"\n'
            'address = { street = "Sibeliuksenkatu 3", postal_code = "13100", city = "Hämeenlinna" }\n')
    assert [] == _hits("RK-LANGUAGE-NOT-NATIONAL", text)


def test_a_statement_in_finnish_passes() -> None:
    assert [] == _hits("RK-LANGUAGE-NOT-NATIONAL", 'languages = ["fi", "en"]\n' + CONTROLLER + REGISTER + ORDERS)


# -- RK-TEMPLATE-PLACEHOLDER: a template's blanks left in the published text --------------------------------------

@pytest.mark.parametrize("line", [
    'intro = "This notice explains how [Shop Name, Business ID] processes your data."',
    'intro = "[Yrityksen nimi] käsittelee asiakkaidensa henkilötietoja."',
    'intro = "Rekisterinpitäjä: XXXX, Y-tunnus XXXXXXX-X."',
    'changes = "Seloste on päivitetty xxx.xx.20xx."',
])
def test_a_blank_left_in_a_text_is_reported(line: str) -> None:
    assert 1 == len(_hits("RK-TEMPLATE-PLACEHOLDER", line + "\n" + CONTROLLER))


@pytest.mark.parametrize("basis", [
    "Käsittely perustuu lakiin (mikä) tai julkisen tehtävän hoitamiseen (mihin perustuu).",
    "Behandlingen grundar sig på lag (vilken lag).",
])
def test_a_question_to_the_templates_user_is_reported(basis: str) -> None:
    text = CONTROLLER + REGISTER + ORDERS + f'basis_text = "{basis}"\n'
    assert ["$.registers[0].purposes[0].basis_text"] == _hits("RK-TEMPLATE-PLACEHOLDER", text)


@pytest.mark.parametrize("line", [
    'intro = "Read more on [our cookie page](https://kauppa.example/evasteet)."',  # a link's text
    'intro = "Koot XXL ja XXXL toimitetaan erikseen."',  # sizes, no blank
    'intro = "Henkilötiedot (nimi, osoite) säilytetään kuusi vuotta."',  # a bracketed list, no question
    'intro = "Kirjanpitolain (1336/1997) mukaan säilytämme tositteet."',
])
def test_brackets_and_letters_that_are_no_blank_pass(line: str) -> None:
    assert [] == _hits("RK-TEMPLATE-PLACEHOLDER", line + "\n" + CONTROLLER)


# -- RK-VAGUE-WORDING: Swedish open-ended purposes; a hedge in a liability disclaimer ------------------------------

def _purpose(description: str) -> str:
    return CONTROLLER + REGISTER + ORDERS.replace('"Tilausten käsittely"', f'"{description}"')


@pytest.mark.parametrize("description", [
    "Registeruppgifterna kan även användas för övriga sakliga ändamål relaterade till webbtjänsten.",
    "Uppgifterna används för beställningar och övriga ändamål.",
])
def test_swedish_other_purposes_are_open_ended(description: str) -> None:
    assert ["$.registers[0].purposes[0].description"] == _hits("RK-VAGUE-WORDING", _purpose(description))


@pytest.mark.parametrize("description", [
    "Uppgifterna används inte för övriga ändamål.",  # a denial
    "Uppgifterna används för beställningar och leveranser.",
])
def test_closed_swedish_purposes_pass(description: str) -> None:
    assert [] == _hits("RK-VAGUE-WORDING", _purpose(description))


@pytest.mark.parametrize("description", [
    "Asiakasrekisteri. Yritys ei vastaa sähköpostitse mahdollisesti katoavista viesteistä.",
    "Kundregister. Företaget ansvarar inte för eventuellt förlorade e-postmeddelanden.",
    "Customer register. We are not responsible for messages that might be lost in e-mail.",
])
def test_a_hedge_in_a_liability_disclaimer_passes(description: str) -> None:
    text = CONTROLLER + REGISTER + f'description = "{description}"\n' + ORDERS
    assert [] == _hits("RK-VAGUE-WORDING", text)


def test_a_hedge_on_disclosure_beside_a_disclaimer_is_still_read() -> None:
    """The disclaimer covers its own sentence only: 'Tietoja voidaan luovuttaa mahdollisesti kumppaneille' in the
    next sentence still leaves the recipients open."""
    text = (CONTROLLER + REGISTER + 'description = "Emme vastaa sähköpostin katoamisesta. Tietoja luovutetaan '
            'mahdollisesti kumppaneille."\n' + ORDERS)
    assert ["$.registers[0].description"] == _hits("RK-VAGUE-WORDING", text)


# -- RK-STATUTORY-REQUIREMENT: a register voluntary as a whole ----------------------------------------------------

_GRUNDDATA = '\n[[registers.data_categories]]\nkey = "grunddata"\nname = "Namn och e-postadress"\n'
_ACCOUNT = ('\n[[registers.purposes]]\nkey = "konto"\ndescription = "Kundkonto i webbutiken."\nkind = "account"\n'
            'legal_basis = "consent"\nprovision = "voluntary"\nprovision_consequence = "Att beställa kräver inget '
            'konto."\ndata_categories = ["grunddata"]\n')
_NEWS = ('\n[[registers.purposes]]\nkey = "nyheter"\ndescription = "Nyhetsbrev per e-post."\n'
         'kind = "newsletter"\nlegal_basis = "{basis}"\ndata_categories = ["grunddata"]\n')


def test_a_consent_purpose_on_data_stated_voluntary_is_answered() -> None:
    """'Ordering needs no registration in the customer database' stated on the account purpose answers 13(2)(e) for
    the newsletter on the same data, given with consent."""
    text = CONTROLLER + REGISTER + _GRUNDDATA + _ACCOUNT + _NEWS.format(basis="consent")
    assert [] == _hits("RK-STATUTORY-REQUIREMENT", text)


def test_a_purpose_on_another_basis_is_still_asked() -> None:
    """Data used under a contract is not shown voluntary by another purpose's consent."""
    text = CONTROLLER + REGISTER + _GRUNDDATA + _ACCOUNT + _NEWS.format(basis="contract")
    assert ["$.registers[0].purposes"] == _hits("RK-STATUTORY-REQUIREMENT", text)


def test_a_consent_purpose_alone_is_still_asked() -> None:
    text = CONTROLLER + REGISTER + _GRUNDDATA + _NEWS.format(basis="consent")
    assert ["$.registers[0].purposes"] == _hits("RK-STATUTORY-REQUIREMENT", text)

"""The eleventh tuning round (issue 21): classes of error on hold-outs N and O, each with statements a
data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit import loads
from rekisterikit.validate import validate
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-TRANSFER-UNDISCLOSED-MECHANISM: a statement silent on transfers has one gap, the transfer ------------------

_SMS = 'recipients = [{ name = "Textbird Inc.", role = "processor", country = "US" }]\n'
_CHAT = 'recipients = [{ name = "Supportly LLC", role = "processor", country = "US" }]\n'


def _register(*lines: str) -> str:
    return CONTROLLER + REGISTER + "".join(lines) + ORDERS


def test_a_statement_silent_on_transfers_is_asked_for_the_transfer_only() -> None:
    """An SMS service in the United States named among the processors, nothing said on transfers: 13(1)(f) is
    missing as a whole, and which mechanism would apply cannot be told from silence (a certified recipient needs no
    safeguards beyond the adequacy decision). The transfer is reported, with the mechanism named in its message."""
    text = _register(_SMS)
    assert [] == _hits("RK-TRANSFER-UNDISCLOSED-MECHANISM", text)
    assert ["$.registers[0].recipients[0]"] == _hits("RK-TRANSFER-UNDISCLOSED", text)
    report = validate(loads(text), select=["RK-TRANSFER-UNDISCLOSED"])
    message = report.findings[0].message
    assert "Data Privacy Framework" in (message.en or "")
    assert "vakiolausekkeet" in (message.fi or "")
    assert "standardavtalsklausuler" in (message.sv or "")


def test_a_denial_of_any_transfer_still_lacks_the_mechanism() -> None:
    """'Nothing leaves the EU/EEA' beside a chat service in the United States: the statement speaks of transfers and
    gives none of the mechanism for the one it has."""
    assert ["$.registers[0].recipients[0]"] == _hits("RK-TRANSFER-UNDISCLOSED-MECHANISM",
                                                     _register(_CHAT, "transfers = []\n"))


def test_a_transfer_list_that_leaves_a_recipient_out_still_lacks_its_mechanism() -> None:
    listed = ('transfers = [{ country = "IN", recipients = ["Mailer Pvt Ltd"], mechanism = "scc_2021_914", '
              'safeguards_url = "https://example.com/dpa" }]\n')
    assert ["$.registers[0].recipients[0]"] == _hits("RK-TRANSFER-UNDISCLOSED-MECHANISM", _register(_CHAT, listed))


def test_a_cookie_provider_of_a_silent_statement_is_asked_for_the_transfer_only() -> None:
    cookie = ('\n[[cookies]]\nname = "_tb"\nprovider = "Textbird Inc."\ncountry = "US"\npurpose = "analytics"\n'
              'duration = "P1Y"\n')
    text = _register() + cookie
    assert [] == _hits("RK-TRANSFER-UNDISCLOSED-MECHANISM", text)
    assert ["$.cookies[0]"] == _hits("RK-TRANSFER-UNDISCLOSED", text)


# -- RK-CONTROLLER-LEGAL-NAME: a rental or a base for hire named with no legal form -----------------------------------

def _controller(name: str) -> str:
    return (f'[controller]\nname = "{name}"\nemail = "info@esimerkki.fi"\nphone = "040 123 4567"\n'
            'address = { street = "Rantatie 3", postal_code = "21600", city = "Parainen" }\n' + REGISTER + ORDERS)


@pytest.mark.parametrize("name", [
    "Morsiusvuokraamo Tylli",  # a bridal-gown rental's trade name (the hold-out's pattern, in our words)
    "Peräkärryvuokraus Salo",  # a trailer rental
    "Båtuthyrning Sjöbris",  # a boat rental in Swedish
    "Kanotbas Strömmen",  # a canoe base
    "Seglarbas Nordvind",  # a sailing-charter base
])
def test_a_rental_or_a_base_for_hire_is_no_persons_name(name: str) -> None:
    """A two-word name whose first word ends in a noun of trade (a rental, a base hiring out boats) names a
    business, not a private trader: with no legal form or business id the controller cannot be identified
    (13(1)(a))."""
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-LEGAL-NAME", _controller(name))


@pytest.mark.parametrize("name", ["Matti Vuokko", "Anna Basilier", "Barnabas Lindqvist"])
def test_a_persons_name_reachable_at_an_address_still_passes(name: str) -> None:
    assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", _controller(name))


def test_a_rental_with_its_business_id_passes() -> None:
    text = _controller("Morsiusvuokraamo Tylli").replace('phone = ', 'business_id = "1234567-1"\nphone = ', 1)
    assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", text)


# -- RK-RETENTION-VAGUE: "a reasonable time" -----------------------------------------------------------------------

def _kept(criteria: str) -> str:
    return CONTROLLER + REGISTER + ORDERS + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


@pytest.mark.parametrize("criteria", [
    # declined applications kept against later questions (the hold-out's pattern, in our words)
    "Hylätyt hakemukset säilytetään kohtuullisen ajan mahdollisia kyselyjä varten.",
    "Tiedot poistetaan kohtuullisen ajan kuluttua asiakkuuden päättymisestä.",
    "Uppgifterna raderas inom skälig tid efter att kontot avslutats.",
    "We keep your details for a reasonable time after your last booking.",
])
def test_a_reasonable_time_is_no_period(criteria: str) -> None:
    """'A reasonable time' leaves the length to the controller's judgement: neither a period nor a criterion the
    data subject can apply (13(2)(a), as 'as long as necessary')."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _kept(criteria))


@pytest.mark.parametrize("criteria", [
    "Hylätyt hakemukset poistetaan kohtuullisen ajan kuluttua, kuitenkin viimeistään kuuden kuukauden kuluttua.",
    "Asiakkaalta peritään kohtuullinen maksu kopioista; tiedot poistetaan kahden vuoden kuluttua.",
    "Deleted within a reasonable time, at the latest 30 days after the account is closed.",
])
def test_a_reasonable_time_with_a_maximum_or_a_reasonable_fee_passes(criteria: str) -> None:
    assert [] == _hits("RK-RETENTION-VAGUE", _kept(criteria))


# -- RK-RECIPIENT-DETAILS: "our partners, such as …" ---------------------------------------------------------------

def _recipient(category: str) -> str:
    return CONTROLLER + REGISTER + f'recipients = [{{ category = "{category}" }}]\n' + ORDERS


@pytest.mark.parametrize("category", [
    # a lessor's partners with an open list of examples (the hold-out's pattern, in our words)
    "Our partners, such as banks, carriers and software vendors",
    "Våra samarbetspartner, till exempel banker och transportföretag",
    "Meidän yhteistyökumppanimme, kuten pankit",
])
def test_partners_with_a_possessive_are_still_only_partners(category: str) -> None:
    """'Our' says whose partners they are, not what they do: an open 'such as' list after it closes nothing
    (13(1)(e); WP260 on categories by activity)."""
    assert ["$.registers[0].recipients[0]"] == _hits("RK-RECIPIENT-DETAILS", _recipient(category))


@pytest.mark.parametrize("category", ["Our carriers", "Our payment service providers", "Våra transportföretag"])
def test_a_possessive_before_an_activity_passes(category: str) -> None:
    assert [] == _hits("RK-RECIPIENT-DETAILS", _recipient(category))

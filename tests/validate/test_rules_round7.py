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

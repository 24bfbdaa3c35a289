"""The eighth tuning round (issue 21): the classes of error left on hold-out K, each with statements a
data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-CONTROLLER-LEGAL-NAME: a lodging or trade business named by its kind, in Swedish or Finnish ---------------


def _controller(name: str, extra: str = "") -> str:
    return f'[controller]\nname = "{name}"\ncountry = "FI"\nemail = "info@example.com"\n{extra}'


@pytest.mark.parametrize("name", [
    # A summer hostel in the archipelago that signs its statement with the hostel's name only.
    "Vandrarhem Havsbris", "Pensionat Solbacka", "Värdshus Kvarnen", "Bryggeri Tallbacken",
    "Retkeilymaja Koivula", "Matkustajakoti Lepo", "Panimo Kuura", "Koivu Guesthouse",
])
def test_a_business_named_by_its_kind_is_not_a_persons_name(name: str) -> None:
    """Two capitalised words read as a private trader's names unless one says what kind of business it is: a
    hostel, a guest house, a brewery has a legal person or a trader behind it whom the name does not identify."""
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-LEGAL-NAME", _controller(name))


@pytest.mark.parametrize(("name", "extra"), [
    ("Vandrarhem Havsbris", 'legal_name = "Havsbris Ab"\nbusiness_id = "2309658-6"\n'),
    ("Pensionat Solbacka Ab", ""),
    ("Ingrid Lindholm", ""),
    ("Anna Lindqvist", ""),
])
def test_a_hostel_with_its_company_and_a_persons_name_pass(name: str, extra: str) -> None:
    assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", _controller(name, extra))


# -- RK-BASIS-DEVICE-TRACKING: profiling for safety is no offer ---------------------------------------------------

_BIKE_TRIPS = '''
[[registers.data_categories]]
key = "matkat"
name = "Matkojen GPS-reitit ja nopeudet"

[[registers.sources]]
kind = "device"
data_categories = ["matkat"]

[[registers.purposes]]
key = "valvonta"
description = "{description}"
kind = "{kind}"
profiling = true
legal_basis = "legitimate_interests"
legitimate_interest = "Käyttäjien ja muiden tienkäyttäjien turvallisuus"
data_categories = ["matkat"]
'''


def _trips(description: str, kind: str) -> str:
    return CONTROLLER + REGISTER + ORDERS + _BIKE_TRIPS.format(description=description, kind=kind)


@pytest.mark.parametrize(("description", "kind"), [
    # A city-bike service scores each rider's trips and locks the accounts of those who ride recklessly.
    ("Ajotavan pisteytys reittien ja nopeuksien perusteella ja vaarallisesti ajavien tilien lukitseminen.",
     "security"),
    ("Vi upptäcker stulna cyklar och missbrukade konton utifrån färdvägarna.", "fraud_prevention"),
])
def test_scoring_trips_for_safety_is_not_an_offer(description: str, kind: str) -> None:
    assert [] == _hits("RK-BASIS-DEVICE-TRACKING", _trips(description, kind))


@pytest.mark.parametrize(("description", "kind"), [
    ("Ajoreittien perusteella lähetämme sovellukseen tarjouksia reitin varrella olevista kahviloista.", "profiling"),
    ("Reittien perusteella kohdennamme mainontaa.", "advertising"),
])
def test_trips_profiled_for_offers_still_need_consent(description: str, kind: str) -> None:
    assert ["$.registers[0].purposes[1]"] == _hits("RK-BASIS-DEVICE-TRACKING", _trips(description, kind))

"""The eighth tuning round (issue 21): the classes of error left on hold-out K, each with statements a
data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit import loads
from rekisterikit.validate import validate
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


# -- RK-PERSONAL-IDENTITY-CODE: a code asked to tell customers apart stays a 29 § finding -------------------------

_BOOKING_CODE = '''
[[registers.data_categories]]
key = "hetu"
name = "Henkilötunnus"
personal_identity_code = true

[[registers.purposes]]
key = "ajanvaraus"
description = "{description}"
kind = "{kind}"
legal_basis = "contract"
data_categories = ["hetu"]
'''


def test_a_code_asked_to_tell_namesakes_apart_is_reported_under_special_categories() -> None:
    """A hairdresser asks each customer's personal identity code when booking, only so that two customers with
    the same name are not confused: no 29 § ground, reported under `special_categories` as the readers of the
    tuned set and hold-outs C and D file it (hold-out K's reader filed it under `legal_basis`)."""
    text = CONTROLLER + REGISTER + ORDERS + _BOOKING_CODE.format(
        description="Ajanvaraus. Henkilötunnus kysytään, jotta samannimiset asiakkaat eivät mene sekaisin.",
        kind="account")
    report = validate(loads(text), select=["RK-PERSONAL-IDENTITY-CODE"])
    assert [("$.registers[0].purposes[1]", "special_categories")] == [
        (f.path, f.requirement.value) for f in report.findings]


def test_a_code_for_an_invoice_credit_decision_is_not_reported() -> None:
    text = CONTROLLER + REGISTER + ORDERS + _BOOKING_CODE.format(
        description="Luottotietojen tarkistus, kun asiakas maksaa laskulla.", kind="credit_check")
    assert [] == _hits("RK-PERSONAL-IDENTITY-CODE", text)

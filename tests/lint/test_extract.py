"""Facts taken from prose: controller, contact details, business ids, dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rekisterikit.lint import lint_file, lint_text
from rekisterikit.lint.extract import (
    PostalParts,
    business_ids,
    contact_person_name,
    contacts_of,
    controller_name,
    updated_date,
)

SEEDS = {
    "000_db019403989791d8.txt": ("Kauneuskeskus Monalisa", "Anitta Robertson", ["0956453-1"],
                                 {("email", "info@monalisa.fi"), ("phone", "02 232 9844")}),
    "001_cc78eaf550fc8254.txt": ("Ompelijan paratiisi", "Pauliina Korhonen", ["2631357-4"],
                                 {("email", "asiakaspalvelu@ompelijanparatiisi.fi")}),
    "002_07da79a8ffdee0ab.txt": ("Confetti", "Confetin henkilökunta", ["2309658-6"],
                                 {("email", "info@confetti.fi"), ("phone", "045 120 6627"),
                                  ("address", PostalParts(street="Moukarinkuja 4 C1", postal_code="04300",
                                                          city="Tuusula"))}),
    "003_9ccc276186483a62.txt": ("Miska Selin", "Miska Selin", [],
                                 {("email", "info@kalvokeskus.fi"), ("phone", "0456959409"),
                                  ("address", PostalParts(street="Tieteenkatu 18 A 59", postal_code="33720",
                                                          city="Tampere"))}),
    "004_2462a533b62ed91f.txt": ("Webstrella", "Jyri Tähtelä", [], set()),
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_identity_and_contacts(seed: str, seeds_dir: Path) -> None:
    """The controller, contact person, business id and contact channels printed in each seed."""
    analysis = lint_file(seeds_dir / seed).analysis
    name, person, ids, channels = SEEDS[seed]
    named, contact = controller_name(analysis), contact_person_name(analysis)
    assert (name, person) == (named.value if named else None, contact.value if contact else None)
    assert ids == [b.value for b in business_ids(analysis)]
    assert channels == {(c.kind, c.value) for c in contacts_of(analysis) if c.owner != "authority"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Päivitetty viimeksi: 12.7.2020", dt.date(2020, 7, 12)),
    ("Rekisteriseloste\n01.10.2013\nWebstrella", dt.date(2013, 10, 1)),
    ("Last updated 2024-03-01", dt.date(2024, 3, 1)),
    ("Päivitetty 31.2.2020", None),
])
def test_updated_date(text: str, expected: dt.date | None) -> None:
    """The date after 'Päivitetty'/'Updated' or a lone date near the top; impossible dates are ignored."""
    assert expected == updated_date(lint_text(text).analysis)


@pytest.mark.parametrize(("text", "expected"), [
    ("Rekisterinpitäjä on Esimerkki Oy, joka myy kenkiä.", "Esimerkki Oy"),
    ("Personuppgiftsansvarig: Bokhandel Boklådan Ab, FO-nummer 3011223-0", "Bokhandel Boklådan Ab"),
    ("The controller is Pohjolan Neule Oy.", "Pohjolan Neule Oy"),
    ("Myymme kenkiä. Kenkäkauppa Askel Ky palvelee.", "Kenkäkauppa Askel Ky"),
])
def test_controller_named_in_running_text(text: str, expected: str) -> None:
    """A run-in label or a company form names the controller when there is no controller section."""
    named = controller_name(lint_text(text).analysis)
    assert expected == (named.value if named else None)


def test_authority_contacts_are_not_the_controllers() -> None:
    """The supervisory authority's address and e-mail do not count as the controller's channels."""
    analysis = lint_text("Valitus: Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja@om.fi.").analysis
    assert {"authority"} == {c.owner for c in contacts_of(analysis)}


def test_a_street_labelled_without_a_colon() -> None:
    """"Address Kauppakatu 9 B" with the postal code and the town on the next lines is the controller's address."""
    analysis = lint_text("Data controller\nKirjakauppa Kisu (business ID 0913909-2)\nAddress Kauppakatu 9 B\n"
                         "Postal code 40100\nPostcode Jyväskylä\n", format="txt", language="en").analysis
    assert [PostalParts(street="Kauppakatu 9 B", postal_code="40100", city="Jyväskylä")] == [
        c.value for c in contacts_of(analysis) if c.kind == "address"]


def test_a_company_among_the_recipients_is_not_the_controller() -> None:
    """A company named in the recipients section ("Posti Group Oy") is not taken for the unnamed controller."""
    analysis = lint_text("Dataskyddspolicy\n\nPersonuppgifter\nVi hanterar namn och adress.\n\n"
                         "Överlåtande av uppgifter\nVi överlåter adressen till Posti Group Oy.\n",
                         format="txt", language="sv").analysis
    assert controller_name(analysis) is None


def test_a_controller_section_opening_with_a_sentence() -> None:
    """"Who is keeping the register: Nahkapaja Pajala is toiminimi of …" names the controller."""
    analysis = lint_text("Who is keeping the register: Nahkapaja Pajala is toiminimi of Matti Pajala, business ID "
                         "2957730-5, Kauppakatu 3, 96100 Rovaniemi.\n", format="txt", language="en").analysis
    name = controller_name(analysis)
    assert "Nahkapaja Pajala" == (name.value if name is not None else None)

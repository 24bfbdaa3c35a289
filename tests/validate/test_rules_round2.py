"""Rules corrected after hold-outs D and E (issue 21): general classes of misses, each with a positive, a negative
and the tuned statement that motivated it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit import load
from rekisterikit.validate import validate
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import hits as _hits

TUNED = Path(__file__).parent / "data" / "accuracy" / "tuned"


def _tuned(name: str, rule_id: str) -> list[str]:
    report = validate(load(TUNED / f"{name}.toml"), select=[rule_id])
    return [f.path for f in report.findings if f.rule == rule_id]


def _statement(purpose: str, name: str = "Tilaustiedot", description: str = "", condition: str = "") -> str:
    extra = f'description = "{description}"\n' if description else ""
    return (CONTROLLER + REGISTER
            + f'\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "{purpose}"\nkind = "order"\n'
              f'legal_basis = "contract"\ndata_categories = ["x"]\n{condition}'
            + f'\n[[registers.data_categories]]\nkey = "x"\nname = "{name}"\n{extra}')


# -- Special categories: diets, inflections, purpose texts, negations in another clause -----------------------------

@pytest.mark.parametrize(("name", "description"), [
    ("Lisätiedot", "Laktoosi-intoleranssi ja gluteeniton ruokavalio."),
    ("Erityisruokavaliot", ""),
    ("Ruokavalio", "Halal- tai kosher-ruoka."),
    ("Lisätiedot", "Erityisruokavaliot, jos asiakas ei halua tavallista menua."),
    ("Kostönskemål", "Specialkost och laktosintolerans."),
    ("Dietary needs", "Special diet, gluten intolerance."),
])
def test_diets_that_reveal_health_or_religion_read_as_special(name: str, description: str) -> None:
    assert ["$.registers[0].data_categories[0]"] == _hits(
        "RK-SPECIAL-CATEGORY-UNMARKED", _statement("Tilaukset.", name, description))


@pytest.mark.parametrize("purpose", [
    "Tilausten toimitus. Huomioimme allergiat ja keliakian.",
    "Beställningar; vi tar hänsyn till specialkost.",
    "Catering orders, taking each guest's medical conditions into account.",
])
def test_a_purpose_that_says_it_processes_such_data_is_asked_too(purpose: str) -> None:
    assert ["$.registers[0].purposes[0]"] == _hits("RK-SPECIAL-CATEGORY-UNMARKED", _statement(purpose))


@pytest.mark.parametrize(("purpose", "name", "description", "condition"), [
    ("Terveystuotteiden myynti verkkokaupassa.", "Tilaustiedot", "", ""),
    ("Tilaukset. Emme kysy allergioita.", "Tilaustiedot", "", ""),
    ("Tilaukset.", "Lisätiedot", "Terveystietoja emme kerää.", ""),
    ("Lemmikin ruokavalio ja allergiat huomioidaan.", "Tilaustiedot", "", ""),
    ("Tilaukset; huomioimme allergiat.", "Allergiat", "", 'special_condition = "explicit_consent"\n'),
])
def test_health_products_negations_pets_and_a_stated_condition_pass(
        purpose: str, name: str, description: str, condition: str) -> None:
    assert [] == _hits("RK-SPECIAL-CATEGORY-UNMARKED", _statement(purpose, name, description, condition))


def test_the_tuned_caterer_is_asked_about_its_diets_in_the_category_and_the_purpose() -> None:
    """Tuned kahvila-kanerva: diets named only in the order purpose, and a category with a negation elsewhere."""
    assert ["$.registers[0].data_categories[2]", "$.registers[0].purposes[0]"] == _tuned(
        "kahvila-kanerva", "RK-SPECIAL-CATEGORY-UNMARKED")


# -- Analytics, recording and advertising cookies declared necessary ------------------------------------------------

def _cookie(name: str, provider: str, category: str) -> str:
    return (CONTROLLER + f'\n[[cookies]]\nname = "{name}"\nprovider = "{provider}"\nparty = "first"\n'
            f'category = "{category}"\npurpose = "Sivuston toiminta"\nduration = "P1Y"\n')


@pytest.mark.parametrize(("name", "provider"), [
    ("_ga", "Google Ireland Ltd"),
    ("_ga_X1Y2Z3", "Google"),
    ("_hjSessionUser_123", "Verkkokauppa Oy"),
    ("_clck", "Microsoft"),
    ("session_rec", "Hotjar Ltd"),
    ("_fbp", "Meta Platforms Ireland"),
])
def test_a_vendor_tracking_cookie_declared_necessary_is_an_error(name: str, provider: str) -> None:
    """Hold-outs D and E (class): Hotjar, Google Analytics and Clarity cookies declared "necessary"."""
    assert ["$.cookies[0].category"] == _hits("RK-COOKIE-NECESSARY-TRACKING", _cookie(name, provider, "necessary"))


@pytest.mark.parametrize(("name", "provider", "category"), [
    ("cart_id", "Verkkokauppa Oy", "necessary"),
    ("_GRECAPTCHA", "Google", "necessary"),
    ("csrftoken", "Verkkokauppa Oy", "necessary"),
    ("_ga", "Google Ireland Ltd", "statistics"),
    ("_hjid", "Hotjar Ltd", "statistics"),
])
def test_necessary_cookies_and_declared_statistics_pass(name: str, provider: str, category: str) -> None:
    assert [] == _hits("RK-COOKIE-NECESSARY-TRACKING", _cookie(name, provider, category))


def test_the_tuned_statements_declare_no_tracking_cookie_as_necessary() -> None:
    """The nine tuned statements were read with their necessary cookies as necessary."""
    assert [] == [p for f in sorted(TUNED.glob("*.toml")) for p in _tuned(f.stem, "RK-COOKIE-NECESSARY-TRACKING")]


# -- Vague wording: a procedural "when needed" leaves nothing open --------------------------------------------------

def _recipient(fields: str) -> str:
    return (CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilaukset."\n'
            'kind = "order"\nlegal_basis = "contract"\n' + f'\n[[registers.recipients]]\n{fields}\n')


@pytest.mark.parametrize("fields", [
    'name = "Perintä Oy"\ndescription = "Erääntyneet laskut siirretään tarvittaessa perintään."',
    'category = "Kuljetusyhtiöt"\ndescription = "Kuljetusyhtiö tarkistaa tarvittaessa toimitusosoitteen."',
    'category = "Transport"\ndescription = "The carrier may contact you if necessary about the delivery."',
])
def test_when_needed_for_a_named_recipient_or_a_step_of_the_procedure_is_clear(fields: str) -> None:
    """Hold-outs D and E (class): readers found a named debt collector 'tarvittaessa' and procedural steps clear."""
    assert [] == _hits("RK-VAGUE-WORDING", _recipient(fields))


@pytest.mark.parametrize("fields", [
    'category = "Yhteistyökumppanit"\ndescription = "Tietoja luovutetaan tarvittaessa yhteistyökumppaneille."',
    'name = "Mainos Oy"\ndescription = "Tietoja saatetaan luovuttaa markkinointiin."',
])
def test_when_needed_to_unnamed_partners_and_hedges_stay_unclear(fields: str) -> None:
    assert ["$.registers[0].recipients[0].description"] == _hits("RK-VAGUE-WORDING", _recipient(fields))


# -- Children: an age under 13 without a guardian, and a register of minors with no children section ---------------

_CONSENT_PURPOSE = ('\n[[registers.purposes]]\nkey = "kerho"\ndescription = "{text}"\nkind = "other"\n'
                    'legal_basis = "consent"\n')


def _club(children: str, text: str = "Kerhon jäsenrekisteri.") -> str:
    return CONTROLLER + children + REGISTER + _CONSENT_PURPOSE.format(text=text)


@pytest.mark.parametrize("children", [
    "\n[children]\noffered_to_children = false\nminimum_age = 10\n",
    "\n[children]\noffered_to_children = true\nminimum_age = 12\n",
])
def test_a_service_open_from_10_or_12_without_a_guardian_is_asked(children: str) -> None:
    """Hold-outs D and E (class): a club from age 10 whose members consent alone (Finland: 13)."""
    assert ["$.children"] == _hits("RK-CHILDREN-CONSENT", _club(children))


@pytest.mark.parametrize("children", [
    "\n[children]\noffered_to_children = false\nminimum_age = 15\n",
    "\n[children]\noffered_to_children = true\nminimum_age = 10\nparental_consent = \"Huoltaja antaa suostumuksen.\"\n",
    "\n[children]\noffered_to_children = false\n",
])
def test_thirteen_or_a_guardian_or_no_children_pass(children: str) -> None:
    assert [] == _hits("RK-CHILDREN-CONSENT", _club(children))


@pytest.mark.parametrize("text", [
    "Junioriseuran jäsenten ja heidän huoltajiensa tiedot.",
    "Medlemsregister för minderåriga medlemmar.",
    "Membership of the youth club for minors.",
])
def test_a_register_of_minors_without_a_children_section_is_asked(text: str) -> None:
    assert ["$.registers[0].purposes[0]"] == _hits("RK-CHILDREN-UNSTATED", _club("", text))


@pytest.mark.parametrize(("children", "text"), [
    ("", "Emme myy tuotteita alaikäisille."),
    ("", "Ikärajatuotteita myydään vain täysi-ikäisille, ei alaikäisille."),
    ("", "Lasten vaatteiden verkkokauppa."),
    ("", "Uimakoulu; lapsen ilmoittaa huoltaja."),
    ("\n[children]\noffered_to_children = false\n", "Junioriseuran jäsenrekisteri."),
    ("\n[children]\noffered_to_children = true\nminimum_age = 13\n", "Junioriseuran jäsenrekisteri."),
])
def test_shops_that_keep_minors_out_and_stated_children_sections_pass(children: str, text: str) -> None:
    assert [] == _hits("RK-CHILDREN-UNSTATED", _club(children, text))


# -- Automated decisions: "none" beside a purpose that cancels or scores orders ---------------------------------------

def _adm(description: str, used: str = "false") -> str:
    return (CONTROLLER + REGISTER.rstrip("\n") + f'\nautomated_decisions = {{ used = {used} }}\n'
            f'\n[[registers.purposes]]\nkey = "p"\ndescription = "{description}"\nkind = "other"\n'
            'legal_basis = "contract"\n')


@pytest.mark.parametrize("description", [
    "Väärinkäytösten estäminen: tilaukset, joiden toimitusosoite poikkeaa, perutaan automaattisesti.",
    "Maksupalvelu pisteyttää jokaisen tilauksen.",
    "Beställningar med hög risk avbryts automatiskt.",
    "Fraud prevention: orders are automatically cancelled when the risk score is high.",
])
def test_no_automated_decisions_beside_automatic_cancellation_is_asked(description: str) -> None:
    """Hold-outs D and E (class): 'no automated decisions' while a purpose cancels or scores orders itself."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-AUTOMATED-DECISIONS-CONTRADICTED", _adm(description))


@pytest.mark.parametrize(("description", "used"), [
    ("Tilausvahvistus lähetetään automaattisesti sähköpostiin.", "false"),
    ("Tilauksia ei peruta automaattisesti; asiakaspalvelu arvioi jokaisen.", "false"),
    ("Maksupalvelu pisteyttää jokaisen tilauksen.", "true"),
])
def test_automatic_messages_denials_and_declared_decisions_pass(description: str, used: str) -> None:
    assert [] == _hits("RK-AUTOMATED-DECISIONS-CONTRADICTED", _adm(description, used))


# -- Recipients given only as partners -------------------------------------------------------------------------------

@pytest.mark.parametrize("fields", [
    'category = "Yhteistyökumppanit"',
    'category = "Samarbetspartner"\ndescription = "Uppgifter lämnas till våra samarbetspartner."',
    'category = "Third parties"',
])
def test_recipients_only_as_partners_are_asked(fields: str) -> None:
    """Hold-outs D and E (class): recipients only 'yhteistyökumppanit' / 'partners'."""
    assert ["$.registers[0].recipients[0].category"] == _hits("RK-RECIPIENTS-VAGUE", _recipient(fields))


@pytest.mark.parametrize("fields", [
    'category = "Kuljetusyhtiöt"',
    'category = "Yhteistyökumppanit"\ndescription = "Kuljetusyhtiöt ja maksunvälittäjät."',
    'name = "Partner Oy"\ncategory = "Kumppanit"',
    'category = "Marketing partners"',
])
def test_named_recipients_and_real_categories_pass(fields: str) -> None:
    assert [] == _hits("RK-RECIPIENTS-VAGUE", _recipient(fields))


# -- Complaints only to a non-EEA authority, by a controller outside the EU -------------------------------------------

def _complaint(text: str) -> str:
    return (CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "t"\ndescription = "Orders."\nkind = "order"\n'
            f'legal_basis = "contract"\n\n[rights]\ncomplaint_text = "{text}"\n')


@pytest.mark.parametrize("text", [
    "We are based outside the EU. You can complain to the Information Commissioner's Office (ico.org.uk).",
    "As a US company not established in the EU, complaints go to the Attorney General of California.",
])
def test_a_controller_outside_the_eu_naming_only_a_foreign_authority_is_asked(text: str) -> None:
    """Hold-outs D and E (class): 'EU' in the sentence about the company's seat hid the foreign authority."""
    assert ["$.rights.complaint_text"] == _hits("RK-COMPLAINT-NON-EEA", _complaint(text))


@pytest.mark.parametrize("text", [
    "You can complain to the ICO or to the supervisory authority of the EU country where you live.",
    "We are outside the EU. You can complain to the Data Protection Ombudsman in Finland (tietosuoja.fi).",
])
def test_an_eu_authority_beside_it_passes(text: str) -> None:
    assert [] == _hits("RK-COMPLAINT-NON-EEA", _complaint(text))


# -- Contact persons of business customers "on the contract" ---------------------------------------------------------

def _basis(description: str, basis: str = "contract") -> str:
    return (CONTROLLER + REGISTER + f'\n[[registers.purposes]]\nkey = "b2b"\ndescription = "{description}"\n'
            f'kind = "order"\nlegal_basis = "{basis}"\n')


@pytest.mark.parametrize("description", [
    "Yritysasiakkaiden yhteyshenkilöiden tiedot tilausten hoitamiseksi.",
    "Kontaktpersoner hos företagskunder.",
    "Managing orders placed by employees of our customer companies.",
])
def test_contact_persons_of_business_customers_on_the_contract_are_asked(description: str) -> None:
    """Hold-outs D and E (class): employees of customer companies processed 'on the contract'."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-BASIS-CONTRACT-THIRD-PERSON", _basis(description))


@pytest.mark.parametrize(("description", "basis"), [
    ("Yritysasiakkaiden yhteyshenkilöiden tiedot.", "legitimate_interests"),
    ("Tilausten käsittely ja toimitus.", "contract"),
    ("Omien työntekijöidemme palkanmaksu yhtiössä.", "contract"),
])
def test_legitimate_interests_consumers_and_own_staff_pass(description: str, basis: str) -> None:
    assert [] == _hits("RK-BASIS-CONTRACT-THIRD-PERSON", _basis(description, basis))

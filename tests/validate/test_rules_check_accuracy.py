"""The rules corrected or added after scoring `check` on the four tuned statements of the accuracy set (issue 21,
``tests/validate/data/accuracy/tuned/``): each fires on a minimal statement showing the gap, stays quiet where the
gap is closed, and fires (or no longer fires) on the tuned statement that showed it."""

from __future__ import annotations

from pathlib import Path

from rekisterikit import load, loads
from rekisterikit.validate import validate

TUNED = Path(__file__).resolve().parent / "data" / "accuracy" / "tuned"

BASE = '''[controller]
name = "Esimerkki Oy"
business_id = "1234567-1"
email = "tietosuoja@esimerkki.fi"

[[registers]]
key = "r"
name = "Asiakasrekisteri"
'''


def _fired(text: str, rule_id: str) -> list[tuple[str, str]]:
    return [(f.severity.value, f.path) for f in validate(loads(text), select=[rule_id]).findings]


def _tuned(name: str, rule_id: str) -> list[tuple[str, str]]:
    return [(f.severity.value, f.path) for f in validate(load(TUNED / f"{name}.toml"), select=[rule_id]).findings]


def _controller(name: str, extra: str = "") -> str:
    return f'[controller]\nname = "{name}"\nemail = "info@example.fi"\n{extra}'


# --- RK-CONTROLLER-LEGAL-NAME: a shop name of capitalised words is no person's name ------------------------------

def test_legal_name_fires_on_a_shop_name_of_two_capitalised_words() -> None:
    """'Kukkapuoti Helmi' reads like first and last names, but its first word is a flower shop."""
    for name in ("Kukkapuoti Helmi", "Kirjakauppa Aalto", "Nordic Homestore", "Tygbutik Ella"):
        assert [("error", "$.controller.name")] == _fired(_controller(name), "RK-CONTROLLER-LEGAL-NAME"), name


def test_legal_name_still_passes_a_persons_name_and_a_shop_with_its_legal_form() -> None:
    rule = "RK-CONTROLLER-LEGAL-NAME"
    for name in ("Miska Selin", "Anna Mäkitalo", "Eeva-Liisa Kauppinen", "Kukkapuoti Helmi Oy"):
        assert [] == _fired(_controller(name), rule), name
    assert [] == _fired(_controller("Kukkapuoti Helmi", 'business_id = "1234567-1"\n'), rule)
    assert [] == _fired(_controller("Kukkapuoti Helmi", 'legal_name = "Helmi Kukka Oy"\n'), rule)


def test_legal_name_fires_on_the_tuned_flower_shop() -> None:
    assert [("error", "$.controller.name")] == _tuned("kukkapuoti-helmi", "RK-CONTROLLER-LEGAL-NAME")


# --- RK-STATUTORY-REQUIREMENT: data already stated to be required, and observed data -----------------------------

_CATEGORIES = '''
[[registers.data_categories]]
key = "yhteystiedot"
name = "Yhteystiedot"

[[registers.data_categories]]
key = "selaus"
name = "Selaustiedot"

[[registers.sources]]
kind = "data_subject"

[[registers.sources]]
kind = "device"
'''
_ORDER = '''
[[registers.purposes]]
key = "tilaukset"
kind = "order"
description = "Tilausten käsittely"
legal_basis = "contract"
data_categories = ["yhteystiedot"]
provision = "contract_precondition"
provision_consequence = "Ilman yhteystietoja emme voi toimittaa tilausta."
'''
_SERVICE = '''
[[registers.purposes]]
key = "asiakaspalvelu"
kind = "customer_service"
description = "Asiakaspalvelu"
legal_basis = "contract"
data_categories = ["yhteystiedot"]
'''
_ANALYTICS = '''
[[registers.purposes]]
key = "tilastot"
kind = "analytics"
description = "Kävijätilastot"
legal_basis = "consent"
data_categories = ["selaus"]
'''


def test_statutory_requirement_is_quiet_for_data_another_purpose_requires_and_for_observed_data() -> None:
    """Customer service on the contact data the order requires, and statistics on device data, ask nothing new."""
    assert [] == _fired(BASE + _CATEGORIES + _ORDER + _SERVICE + _ANALYTICS, "RK-STATUTORY-REQUIREMENT")


def test_statutory_requirement_still_fires_for_data_nobody_says_is_required() -> None:
    rule = "RK-STATUTORY-REQUIREMENT"
    expected = [("error", "$.registers[0].purposes")]
    unanswered_order = _ORDER.replace('provision = "contract_precondition"\n', "")
    assert expected == _fired(BASE + _CATEGORIES + unanswered_order + _SERVICE, rule), "the order itself is open"
    voluntary = _ORDER.replace("contract_precondition", "voluntary")
    assert expected == _fired(BASE + _CATEGORIES + voluntary + _SERVICE, rule), "voluntary data is no requirement"
    no_device = _CATEGORIES.replace('\n[[registers.sources]]\nkind = "device"\n', "")
    assert expected == _fired(BASE + no_device + _ORDER + _ANALYTICS, rule), "no device source: statistics asked"


def test_statutory_requirement_no_longer_fires_on_the_tuned_flower_shop() -> None:
    """Its orders state what is required; customer service uses the same data, statistics observe the device."""
    assert [] == _tuned("kukkapuoti-helmi", "RK-STATUTORY-REQUIREMENT")


# --- RK-COOKIE-DETAILS: a named provider says who can access the cookie --------------------------------------------

def _cookie(extra: str) -> str:
    return (BASE + '\n[[cookies]]\nname = "_ga"\ncategory = "statistics"\npurpose = "Kävijätilastot"\n'
            'duration = "P2Y"\n' + extra)


def test_cookie_details_accepts_a_named_provider_without_the_party() -> None:
    assert [] == _fired(_cookie('provider = "Google Ireland Limited"\n'), "RK-COOKIE-DETAILS")
    assert [] == _fired(_cookie('party = "first"\n'), "RK-COOKIE-DETAILS"), "the shop's own cookie"


def test_cookie_details_still_asks_who_can_access_and_the_duration() -> None:
    rule = "RK-COOKIE-DETAILS"
    assert [("error", "$.cookies[0]")] == _fired(_cookie(""), rule), "neither provider nor party"
    no_duration = _cookie('provider = "Google Ireland Limited"\n').replace('duration = "P2Y"\n', "")
    assert [("error", "$.cookies[0]")] == _fired(no_duration, rule)
    messages = [f.message.en for f in validate(loads(_cookie("")), select=[rule]).findings]
    assert ['The cookie "_ga" lacks: first or third party, provider.'] == messages


def test_cookie_details_no_longer_fires_on_the_tuned_childrens_shop() -> None:
    """Pikkuapila's _ga names Google, its purpose and its duration; its party is not needed."""
    assert [] == _tuned("pikkuapila", "RK-COOKIE-DETAILS")
    assert [("error", "$.cookies[0]"), ("error", "$.cookies[1]"), ("error", "$.cookies[2]")] == _tuned(
        "kukkapuoti-helmi", "RK-COOKIE-DETAILS"), "the flower shop's cookies still lack purpose and duration"


# --- RK-RETENTION-VAGUE: "as long as necessary" in the plural -------------------------------------------------------

def _retention(criteria: str) -> str:
    return BASE + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


def test_retention_vague_reads_the_plural_and_a_subject() -> None:
    for criteria in ("Tietoja säilytetään niin kauan kuin ne ovat tarpeellisia rekisterin käyttötarkoituksen kannalta.",
                     "Tiedot säilytetään niin kauan kuin tarvitsemme niitä.",
                     "Uppgifterna sparas så länge de behövs.",
                     "We keep the data as long as they are needed."):
        assert [("warning", "$.registers[0].retention[0]")] == _fired(_retention(criteria), "RK-RETENTION-VAGUE")


def test_retention_vague_is_quiet_on_a_defined_event() -> None:
    for criteria in ("Tietoja säilytetään niin kauan kuin asiakastili on voimassa.",
                     "We keep the data as long as you are a customer and one year after."):
        assert [] == _fired(_retention(criteria), "RK-RETENTION-VAGUE"), criteria


def test_retention_vague_fires_on_the_tuned_childrens_shop() -> None:
    assert [("warning", "$.registers[0].retention[0]")] == _tuned("pikkuapila", "RK-RETENTION-VAGUE")


# --- RK-TRANSFERS-CONTRADICTED (new) ---------------------------------------------------------------------------------

def _denied(cookie: str, transfers: str = "transfers = []\n") -> str:
    return (BASE + transfers + f'\n[[cookies]]\nname = "{cookie}"\ncategory = "statistics"\n'
            'purpose = "Tilastot"\nduration = "P2Y"\nprovider = "Google"\n')


def test_transfers_contradicted_fires_when_a_denial_meets_a_vendor_cookie() -> None:
    assert [("warning", "$.cookies[0]")] == _fired(_denied("_ga"), "RK-TRANSFERS-CONTRADICTED")


def test_transfers_contradicted_is_quiet_without_a_denial_or_a_vendor_cookie() -> None:
    rule = "RK-TRANSFERS-CONTRADICTED"
    assert [] == _fired(_denied("shop_stats"), rule), "the shop's own cookie"
    assert [] == _fired(_denied("_ga", transfers=""), rule), "silence is RK-TRANSFERS-SILENT's"
    listed = 'transfers = [{ country = "US", recipients = ["Google"], mechanism = "dpf", dpf_certified = true }]\n'
    assert [] == _fired(_denied("_ga", transfers=listed), rule), "the transfer is stated"


def test_transfers_contradicted_fires_on_the_tuned_childrens_shop() -> None:
    """Pikkuapila says nothing leaves the EU/EEA and declares Google Analytics' _ga."""
    assert [("warning", "$.cookies[0]")] == _tuned("pikkuapila", "RK-TRANSFERS-CONTRADICTED")


# --- RK-PIXEL-JOINT-CONTROLLER (new) ---------------------------------------------------------------------------------

_FBP = '\n[[cookies]]\nname = "_fbp"\nprovider = "Facebook"\ncategory = "marketing"\n'


def test_pixel_joint_controller_fires_on_a_meta_marketing_cookie_without_a_joint_controller() -> None:
    assert [("warning", "$.cookies[0]")] == _fired(BASE + _FBP, "RK-PIXEL-JOINT-CONTROLLER")
    as_controller = BASE + 'recipients = [{ name = "Meta Platforms Ireland Limited", role = "controller" }]\n'
    assert [("warning", "$.cookies[0]")] == _fired(as_controller + _FBP, "RK-PIXEL-JOINT-CONTROLLER")


def test_pixel_joint_controller_is_quiet_with_the_joint_controller_or_without_a_social_media_pixel() -> None:
    rule = "RK-PIXEL-JOINT-CONTROLLER"
    joint = BASE + 'recipients = [{ name = "Meta Platforms Ireland Limited", role = "joint_controller" }]\n'
    assert [] == _fired(joint + _FBP, rule), "declared; the arrangement is RK-JOINT-ARRANGEMENT's"
    assert [] == _fired(BASE + _FBP.replace("marketing", "statistics"), rule), "not a marketing cookie"
    ga = '\n[[cookies]]\nname = "_gcl_au"\nprovider = "Google"\ncategory = "marketing"\n'
    assert [] == _fired(BASE + ga, rule), "Google's advertising cookie is not a social media pixel"


def test_pixel_joint_controller_fires_on_the_tuned_flower_shop_and_not_on_the_corrected_kalvokeskus() -> None:
    assert [("warning", "$.cookies[1]")] == _tuned("kukkapuoti-helmi", "RK-PIXEL-JOINT-CONTROLLER")
    corrected = Path(__file__).resolve().parents[2] / "examples" / "statements" / "kalvokeskus-corrected.toml"
    assert [] == [f.rule for f in validate(load(corrected), select=["RK-PIXEL-JOINT-CONTROLLER"]).findings]


# --- RK-CHANGES-NEW-PURPOSE: a change of the purposes (fixed after the hold-out run) ------------------------------

def _changes(text: str) -> str:
    return f'changes = "{text}"\n' + BASE


def test_changes_new_purpose_accepts_a_promise_about_changing_the_purposes() -> None:
    """Plainly wrong on the hold-out's coffee roastery, whose changes section promises exactly what 13(3) asks."""
    for text in ("Jos muutamme käsittelyn tarkoituksia, ilmoitamme siitä ennen muutoksen voimaantuloa.",
                 "Jos käyttötarkoitus muuttuu, kerromme siitä etukäteen.",
                 "Om vi ändrar ändamålen informerar vi dig i förväg.",
                 "If we change the purposes of processing, we tell you first."):
        assert [] == _fired(_changes(text), "RK-CHANGES-NEW-PURPOSE"), text


def test_changes_new_purpose_still_reminds_when_only_the_notice_changes() -> None:
    for text in ("Ilmoitamme muutoksista tällä sivulla.", "Päivitämme selostetta, kun käsittely muuttuu.",
                 "We may change this notice at any time."):
        assert [("info", "$.changes")] == _fired(_changes(text), "RK-CHANGES-NEW-PURPOSE"), text


def test_changes_new_purpose_is_quiet_on_the_held_out_coffee_roastery() -> None:
    holdout = TUNED.parent / "holdout" / "paahtimo-kajo.toml"
    assert [] == [f.rule for f in validate(load(holdout), select=["RK-CHANGES-NEW-PURPOSE"]).findings]

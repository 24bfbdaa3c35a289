"""False alarms of the fourth tuning round's new and changed rules (issue 21): statements a data-protection lawyer
reads as correct, written anew in the ways real shops write, beside the positive each rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS as _ORDERS
from .rule_helpers import hits as _hits

# -- RK-CONTROLLER-GROUP: one company placed in its group is not a group -------------------------------------------

def _controller(name: str) -> str:
    return (f'[controller]\nname = "{name}"\nbusiness_id = "1234567-1"\nemail = "tietosuoja@esimerkki.fi"\n'
            + REGISTER + _ORDERS)


@pytest.mark.parametrize("name", [
    "Lumo Ab, dotterbolag till Kiila-koncernen",
    "Lumo Oy (osa Kiila-konsernia)",
    "Lumo Oy, Kiila-konsernin tytäryhtiö",
    "Lumo Ltd, part of the Kiila group of companies",
    "Lumo AB, del av Kiila-koncernen",
])
def test_one_company_placed_in_its_group_is_not_a_group(name: str) -> None:
    """A name that says which company of the group is the controller identifies one legal person."""
    assert [] == _hits("RK-CONTROLLER-GROUP", _controller(name))


@pytest.mark.parametrize("name", [
    "Kiila-konserni",
    "Kiila-konsernin yhtiöt",
    "Kiila Oy, Kiila-konsernin emoyhtiö, ja sen tytäryhtiöt",
    "Kiila AB och dess dotterbolag",
    "Kiila AB and its subsidiaries",
])
def test_a_group_named_as_the_controller_is_still_reported(name: str) -> None:
    """Several companies in so many words stay a group, whatever else the name says of one of them."""
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-GROUP", _controller(name))


# -- RK-BASIS-DEVICE-TRACKING: a category that says it never reads a location or an advertising id -----------------

def _device(name: str, description: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.data_categories]]
key = "laite"
name = "{name}"
description = "{description}"

[[registers.purposes]]
key = "posti"
description = "Postimainonta"
kind = "direct_marketing"
direct_marketing = ["post"]
legal_basis = "legitimate_interests"
legitimate_interest = "Asiakassuhteen ylläpito"
data_categories = ["laite"]

[[registers.sources]]
kind = "device"
data_categories = ["laite"]
'''


@pytest.mark.parametrize(("name", "description"), [
    ("Laitetiedot", "Selaimen tyyppi ja kieli. Emme lue laitteen mainostunnistetta emmekä sijaintia."),
    ("Laitetiedot (ei mainostunnistetta)", "Selaimen tyyppi."),
    ("Enhetsuppgifter (inget reklam-ID)", "Webbläsarens typ."),
    ("Device data", "Browser type and language; we never read your location or advertising ID."),
    ("Device data without the advertising identifier", "Browser type."),
])
def test_a_location_or_advertising_id_denied_is_not_read(name: str, description: str) -> None:
    """Only a location or advertising id the category reads counts, not one it says it does not read."""
    assert [] == _hits("RK-BASIS-DEVICE-TRACKING", _device(name, description))


@pytest.mark.parametrize(("name", "description"), [
    ("Laitetiedot", "Selaimen tyyppi ja laitteen mainostunniste."),
    ("Sijaintitiedot", "Puhelimen sijainti, ei nimeä."),
    ("Device data", "Browser type; no name, but the advertising ID."),
])
def test_a_location_or_advertising_id_read_is_still_reported(name: str, description: str) -> None:
    """A denial of something else in another clause leaves the location or id read."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-BASIS-DEVICE-TRACKING", _device(name, description))


# -- RK-RETENTION-VAGUE and RK-RETENTION-UNDEFINED: a maximum said in other words ----------------------------------

def _retention(criteria: str) -> str:
    return CONTROLLER + REGISTER + _ORDERS + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


@pytest.mark.parametrize("criteria", [
    "Data is deleted once no longer needed and no later than 24 months after collection.",
    "Data is deleted when no longer needed, and in any case within two years.",
    "We keep data as long as needed, for no more than 2 years.",
    "Tiedot poistetaan, kun niitä ei enää tarvita. Enimmäisaika on kaksi vuotta.",
    "Data is kept only as long as needed (max. 2 years).",
    "Uppgifterna sparas så länge de behövs, maximalt två år.",
])
def test_no_longer_needed_beside_a_maximum_in_other_words_is_not_vague(criteria: str) -> None:
    """'No later than', 'within', 'no more than', 'enimmäisaika', 'max.' give the longest time too."""
    assert [] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


@pytest.mark.parametrize("criteria", [
    "Data is kept as long as necessary.",
    "Tiedot poistetaan, kun niitä ei enää tarvita.",
    "Data is deleted when no longer needed, within our usual processes.",
])
def test_no_longer_needed_alone_stays_vague(criteria: str) -> None:
    """Without a length beside it the open wording is still vague ('within' needs a unit of time)."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


@pytest.mark.parametrize("criteria", [
    "Tiedot poistetaan pyynnöstäsi tai viimeistään 24 kuukauden kuluttua viimeisestä yhteydenotosta.",
    "Data is deleted at your request, and at the latest two years after your last order.",
])
def test_deletion_on_request_beside_a_maximum_is_defined(criteria: str) -> None:
    """A request that only shortens a stated maximum leaves a period the data subject can apply."""
    assert [] == _hits("RK-RETENTION-UNDEFINED", _retention(criteria))


def test_deletion_only_on_request_is_still_undefined() -> None:
    """The seed's pattern: data that 'can be deleted at the customer's request' has no end of its own."""
    assert ["$.registers[0].retention[0]"] == _hits(
        "RK-RETENTION-UNDEFINED", _retention("Tiedot voidaan poistaa asiakkaan pyynnöstä."))


# -- RK-AUTOMATED-DECISIONS-CONTRADICTED: a decision another controller makes ---------------------------------------

def _decision(description: str, role: str = "controller") -> str:
    return CONTROLLER + REGISTER.rstrip("\n") + f'''
automated_decisions = {{ used = false }}

[[registers.purposes]]
key = "lasku"
description = "{description}"
kind = "other"
legal_basis = "contract"

[[registers.recipients]]
name = "Walley AB"
role = "{role}"
country = "SE"
purposes = ["lasku"]
'''


@pytest.mark.parametrize("description", [
    "Laskulla maksettaessa Walley tekee luottopäätöksen automaattisesti; me emme tee automaattisia päätöksiä.",
    "Maksupalvelu tekee luottopäätöksen automaattisesti omana rekisterinpitäjänään.",
    "The payment provider's credit decision is made automatically, as an independent controller.",
])
def test_a_decision_of_another_controller_does_not_contradict_the_shops_none(description: str) -> None:
    """An instalment provider that grants credit itself decides as its own controller; the shop decides nothing."""
    assert [] == _hits("RK-AUTOMATED-DECISIONS-CONTRADICTED", _decision(description))


def test_a_decision_by_a_processor_still_contradicts() -> None:
    """A provider acting for the shop makes the shop's decision, which `used = false` denies."""
    text = _decision("Walley tekee luottopäätöksen automaattisesti puolestamme.", role="processor")
    assert ["$.registers[0].purposes[0]"] == _hits("RK-AUTOMATED-DECISIONS-CONTRADICTED", text)


# -- RK-SOURCE-PARTNERS-UNNAMED: partners named after a colon or by their web address ------------------------------

def _source(name: str) -> str:
    return CONTROLLER + REGISTER + _ORDERS + f'\n[[registers.sources]]\nkind = "third_party"\nname = "{name}"\n'


@pytest.mark.parametrize("name", [
    "Yhteistyökumppanimme: Posti",
    "Third parties: Experian",
    "Yhteistyökumppanit (yritystietopalvelu vainu.com)",
    "Samarbetspartner (www.ratsit.se)",
])
def test_partners_named_after_a_colon_or_by_address_are_named(name: str) -> None:
    """A name after a colon or a web address says whom the data comes from (14(2)(f))."""
    assert [] == _hits("RK-SOURCE-PARTNERS-UNNAMED", _source(name))


@pytest.mark.parametrize("name", [
    "Yhteistyökumppanimme",
    "Kolmannet osapuolet, kuten luottotietoyhtiöt",
    "Yhteistyökumppanit: Tiedot saadaan kumppaneilta, joiden kanssa teemme yhteistyötä.",
])
def test_partners_named_by_no_name_are_still_reported(name: str) -> None:
    """A sentence after the colon, or a kind of company, names no source."""
    assert ["$.registers[0].sources[0]"] == _hits("RK-SOURCE-PARTNERS-UNNAMED", _source(name))


# -- RK-WITHDRAW-CONSENT: the link in every message ----------------------------------------------------------------

def _newsletter(consequence: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "uutiskirje"
description = "Uutiskirje"
kind = "newsletter"
legal_basis = "consent"
direct_marketing = ["email"]
provision = "voluntary"
provision_consequence = "{consequence}"

[rights]
withdraw_consent = false
'''


@pytest.mark.parametrize("consequence", [
    "Tilaaminen on vapaaehtoista; voit perua suostumuksesi jokaisen viestin linkistä.",
    "Det är frivilligt; du kan återkalla samtycket via länken i varje meddelande.",
    "Subscribing is optional; you can withdraw your consent through the link in every e-mail.",
])
def test_withdrawal_through_the_link_in_every_message_is_explained(consequence: str) -> None:
    """A withdrawal open in every message is open at any time (7(3), 13(2)(c))."""
    assert [] == _hits("RK-WITHDRAW-CONSENT", _newsletter(consequence))


def test_a_newsletter_that_mentions_no_withdrawal_is_still_reported() -> None:
    """A link in every message that is not said to withdraw anything explains nothing."""
    text = _newsletter("Tilaaminen on vapaaehtoista; jokaisessa viestissä on linkki verkkokauppaan.")
    assert ["$.rights.withdraw_consent"] == _hits("RK-WITHDRAW-CONSENT", text)


# -- RK-TRANSFERS-INCOMPLETE and RK-TRANSFERS-SILENT: a cookie policy that names what it does not use ---------------

def _policy(text: str, transfers: str = "transfers = []\n") -> str:
    return CONTROLLER + REGISTER + transfers + _ORDERS + f'\n[cookie_policy]\ntext = "{text}"\n'


@pytest.mark.parametrize("text", [
    "Käytämme vain välttämättömiä evästeitä. Voit estää evästeet selaimesi asetuksista (Google Chrome, "
    "Microsoft Edge, Apple Safari).",
    "Sivustollamme ei ole Google Analyticsia eikä Facebook-pikseliä; käytämme vain istuntoevästettä.",
    "We use only a session cookie. We do not use Google Analytics, Meta Pixel or any other tracking.",
    "Vi använder inte Google Analytics.",
    "YouTube-videoita ei upoteta sivustolle.",
])
@pytest.mark.parametrize(("rule_id", "transfers"), [
    ("RK-TRANSFERS-INCOMPLETE", "transfers = []\n"), ("RK-TRANSFERS-SILENT", "")])
def test_a_provider_the_policy_denies_or_a_browser_is_no_transfer(rule_id: str, transfers: str, text: str) -> None:
    """A policy that lists what the site does not use, or how to block cookies in each browser, names no service
    that receives data."""
    assert [] == _hits(rule_id, _policy(text, transfers))


@pytest.mark.parametrize("text", [
    "Käytämme Google Analyticsia kävijäseurantaan.",
    "Emme myy tietoja, mutta käytämme Google Analyticsia.",
    "Google Analytics ei tallenna koko IP-osoitetta.",
    "Sivulle upotetut YouTube-videot asettavat evästeitä.",
])
def test_a_provider_the_policy_uses_is_still_reported(text: str) -> None:
    """A service named as used, even beside a denial of something else, is read as the policy's own account."""
    assert ["$.cookie_policy.text"] == _hits("RK-TRANSFERS-INCOMPLETE", _policy(text))


# -- RK-ACCESS-REQUEST-FEE: a fee only for manifestly unfounded or excessive requests ------------------------------

def _fee(text: str) -> str:
    return CONTROLLER + REGISTER + _ORDERS + f'\n[rights]\nfee_charged = true\ntext = "{text}"\n'


@pytest.mark.parametrize("text", [
    "Pyynnöt ovat maksuttomia. Ilmeisen perusteettomista tai kohtuuttomista pyynnöistä voimme periä kohtuullisen "
    "maksun.",
    "Begäranden är avgiftsfria; för uppenbart ogrundade eller orimliga begäranden kan vi ta ut en skälig avgift.",
    "Requests are free of charge. Where a request is manifestly unfounded or excessive we may charge a reasonable "
    "fee.",
])
def test_a_fee_only_for_unfounded_requests_is_allowed(text: str) -> None:
    """12(5) allows a reasonable fee for manifestly unfounded or excessive requests: the rule's own message."""
    assert [] == _hits("RK-ACCESS-REQUEST-FEE", _fee(text))


def test_a_fee_for_every_request_is_still_reported() -> None:
    """A handling fee on every request is what 12(5) forbids."""
    assert ["$.rights.fee_charged"] == _hits(
        "RK-ACCESS-REQUEST-FEE", _fee("Tarkastuspyynnöstä veloitamme 15 euron käsittelymaksun."))


# -- RK-SPECIAL-VITAL-INTERESTS: data not asked of the data subject ------------------------------------------------

def _vital(provision: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.data_categories]]
key = "terveys"
name = "Terveystiedot"
special = true

[[registers.purposes]]
key = "hata"
description = "Tietojen antaminen ensihoidolle, jos saat kohtauksen etkä pysty itse kertomaan niitä."
kind = "other"
legal_basis = "vital_interests"
special_condition = "vital_interests"
provision = "{provision}"
data_categories = ["terveys"]
'''


def test_vital_interests_for_data_not_asked_of_the_data_subject_pass() -> None:
    """Data the subject is not asked for (`not_requested`: an emergency) asks no one able to consent."""
    assert [] == _hits("RK-SPECIAL-VITAL-INTERESTS", _vital("not_requested"))


def test_vital_interests_for_data_asked_in_advance_are_still_reported() -> None:
    """Data asked of the subject when booking could have been asked with explicit consent."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-SPECIAL-VITAL-INTERESTS", _vital("voluntary"))


# -- RK-RECIPIENTS-VAGUE: partners named by company in the description ----------------------------------------------

def _partners(category: str, description: str) -> str:
    return CONTROLLER + REGISTER + _ORDERS + f'''
[[registers.recipients]]
role = "controller"
category = "{category}"
description = "{description}"
'''


@pytest.mark.parametrize(("category", "description"), [
    ("Mainoskumppanit", "Google Ireland Ltd ja Meta Platforms Ireland Ltd mainonnan kohdentamiseen."),
    ("Partners for their own marketing", "Only with your consent: Finnair Plc (frequent flyer points)."),
    ("Samarbetspartner för deras marknadsföring", "Med ditt samtycke: Stamkundsbolaget Ab."),
])
def test_partners_named_by_company_in_the_description_are_named(category: str, description: str) -> None:
    """A company named with its legal form says who the recipient is (13(1)(e))."""
    assert [] == _hits("RK-RECIPIENTS-VAGUE", _partners(category, description))


@pytest.mark.parametrize(("category", "description"), [
    ("Mainoskumppanit", "Kumppanit, jotka näyttävät mainoksia, such as networks."),
    ("Partners for their own marketing", "Selected partners."),
])
def test_partners_named_by_no_company_are_still_reported(category: str, description: str) -> None:
    """A description that names no company and no kind of recipient leaves the partners vague."""
    assert ["$.registers[0].recipients[0].category"] == _hits("RK-RECIPIENTS-VAGUE", _partners(category, description))


# -- RK-TRANSFER-UNDISCLOSED(-MECHANISM): a transfer entry naming its recipient without the legal form --------------

def _transfer(recipient: str, listed: str) -> str:
    return CONTROLLER + REGISTER + (
        f'transfers = [{{ recipients = ["{listed}"], mechanism = "scc_2021_914", '
        'safeguards_url = "https://example.com/dpa" }]\n'
        f'recipients = [{{ name = "{recipient}", role = "processor", country = "US" }}]\n') + _ORDERS


@pytest.mark.parametrize(("recipient", "listed"), [
    ("Klaviyo, Inc.", "Klaviyo"),
    ("Mailchimp (Intuit Inc.)", "Mailchimp"),
    ("Acme Analytics", "Acme Analytics LLC"),
])
@pytest.mark.parametrize("rule_id", ["RK-TRANSFER-UNDISCLOSED", "RK-TRANSFER-UNDISCLOSED-MECHANISM"])
def test_a_transfer_naming_the_recipient_in_short_covers_it(rule_id: str, recipient: str, listed: str) -> None:
    """The same company with or without its legal form is the same recipient."""
    assert [] == _hits(rule_id, _transfer(recipient, listed))


@pytest.mark.parametrize("rule_id", ["RK-TRANSFER-UNDISCLOSED", "RK-TRANSFER-UNDISCLOSED-MECHANISM"])
def test_a_transfer_naming_another_recipient_does_not_cover_it(rule_id: str) -> None:
    """A transfer to one provider says nothing of another's."""
    assert ["$.registers[0].recipients[0]"] == _hits(rule_id, _transfer("Klaviyo, Inc.", "Mailchimp"))


# -- RK-DPO-LIKELY-REQUIRED: an area is not the person's whereabouts --------------------------------------------------

def _location(name: str, description: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.data_categories]]
key = "paikka"
name = "{name}"
description = "{description}"

[[registers.purposes]]
key = "mainos"
description = "Alueelliset tarjoukset"
kind = "advertising"
legal_basis = "consent"
profiling = true
data_categories = ["paikka"]
'''


@pytest.mark.parametrize(("name", "description"), [
    ("Sijaintitiedot (postinumero)", "Postinumerosi alueellisia tarjouksia varten."),
    ("Location (region)", "The region you live in, from your address."),
    ("Positionsuppgifter på kommunnivå", "Kommunen där du bor."),
    ("Valitun myymälän sijainti", "Myymälä, josta noudat tilauksesi."),
])
def test_a_postcode_region_or_shop_location_is_no_tracking(name: str, description: str) -> None:
    """WP243's location tracking follows a person; a postcode, a region or a chosen shop does not."""
    assert [] == _hits("RK-DPO-LIKELY-REQUIRED", _location(name, description))


@pytest.mark.parametrize(("name", "description"), [
    ("Sijaintitiedot", "Puhelimen GPS-sijainti, kun sovellus on auki."),
    ("Location", "Your phone's location while you are in the shopping centre area."),
])
def test_a_device_location_is_still_tracking(name: str, description: str) -> None:
    """A phone's position stays location tracking, wherever the person is."""
    assert ["$.dpo"] == _hits("RK-DPO-LIKELY-REQUIRED", _location(name, description))


# -- RK-WITHDRAW-CONSENT: a special category with a 9(2) condition given is not consent by default ------------------

def _special(condition: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.data_categories]]
key = "terveys"
name = "Terveystiedot"
special = true

[[registers.purposes]]
key = "tyo"
description = "Työterveys"
kind = "other"
legal_basis = "legal_obligation"
legal_obligation = "Työterveyshuoltolaki"
{condition}
data_categories = ["terveys"]

[[registers.purposes]]
key = "palvelu"
description = "Palvelun tuottaminen"
kind = "order"
legal_basis = "contract"
data_categories = ["terveys"]

[rights]
withdraw_consent = false
'''


def test_a_special_category_with_a_condition_given_is_no_evident_consent() -> None:
    """As RK-SPECIAL-CATEGORY reads it, a category one purpose gives a 9(2) condition for is not left to consent."""
    assert [] == _hits("RK-WITHDRAW-CONSENT", _special('special_condition = "employment"'))


def test_a_special_category_with_no_condition_is_still_evident_consent() -> None:
    """Health data no purpose gives a condition for can only rest on explicit consent, which must be withdrawable."""
    assert ["$.rights.withdraw_consent"] == _hits("RK-WITHDRAW-CONSENT", _special(""))


# -- RK-AUTOMATED-DECISIONS-CONTRADICTED: an outcome of the customer's own act or a person's check -----------------

def _order_rule(description: str) -> str:
    return CONTROLLER + REGISTER.rstrip("\n") + f'''
automated_decisions = {{ used = false }}

[[registers.purposes]]
key = "tilaukset"
description = "{description}"
kind = "order"
legal_basis = "contract"
'''


@pytest.mark.parametrize("description", [
    "Tilaus hyväksytään automaattisesti, kun maksu on vastaanotettu.",
    "Beställningen godkänns automatiskt när betalningen har mottagits.",
    "Your order is approved automatically once the payment clears.",
    "Varaus peruuntuu automaattisesti, jos perut sen itse sovelluksessa.",
    "The system approves orders only after a staff member has checked them.",
])
def test_an_outcome_of_the_customers_act_or_a_persons_check_is_no_decision(description: str) -> None:
    """Approval on payment, the customer's own cancellation and a person's prior check evaluate no one."""
    assert [] == _hits("RK-AUTOMATED-DECISIONS-CONTRADICTED", _order_rule(description))


@pytest.mark.parametrize("description", [
    "Maksupalvelu pisteyttää tilaukset ja peruu riskialttiit automaattisesti.",
    "Järjestelmä hylkää hakemuksen automaattisesti; hylätyn hakemuksen voi pyytää tarkistettavaksi manuaalisesti.",
    "Our system rejects applications with a low score.",
])
def test_a_scored_or_automatic_rejection_still_contradicts(description: str) -> None:
    """A score or the system deciding stays a decision, a review on request afterwards included."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-AUTOMATED-DECISIONS-CONTRADICTED", _order_rule(description))

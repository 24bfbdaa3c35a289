"""Rules corrected in the fourth tuning round from hold-outs D, E and F (issue 21): rights, bases, recipients and
retention. Each class has a positive, a negative and the pattern that motivated it, written anew."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS as _ORDERS
from .rule_helpers import hits as _hits

# -- Retention: "until no longer needed" and "as long as I need them" ------------------------------------------------

def _retention(criteria: str) -> str:
    return CONTROLLER + REGISTER + _ORDERS + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


@pytest.mark.parametrize("criteria", [
    "Sijaintitiedot poistetaan, kun niitä ei enää tarvita.",
    "Tiedot säilytetään kunnes ne eivät enää ole tarpeen.",
    "Positionsuppgifterna raderas när de inte längre behövs.",
    "I keep order details for as long as I need them.",
    "Recordings are deleted when they are no longer needed.",
    "Säilytän tilaustiedot niin kauan kuin tarvitsen niitä.",
])
def test_retention_until_no_longer_needed_is_vague(criteria: str) -> None:
    """Keeping data until it is no longer needed names no event and no length (WP260)."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


@pytest.mark.parametrize("criteria", [
    "Sijaintitiedot poistetaan, kun niitä ei enää tarvita, kuitenkin viimeistään kolmen kuukauden kuluttua.",
    "Recordings are deleted when no longer needed, at the latest after 30 days.",
    "Tiedot poistetaan kahden vuoden kuluttua viimeisestä ostosta.",
])
def test_a_stated_maximum_or_a_concrete_criterion_passes(criteria: str) -> None:
    """A maximum beside the open wording tells the longest time, which is concrete."""
    assert [] == _hits("RK-RETENTION-VAGUE", _retention(criteria))


def test_a_car_rental_keeping_gps_positions_until_unneeded_is_reported() -> None:
    """The motivating pattern: GPS positions of every rental kept 'when they are no longer needed', in both
    languages of a bilingual statement."""
    text = _retention("").replace(
        'criteria = ""', 'criteria = { sv = "GPS-data raderas när den inte längre behövs.", '
                         'fi = "GPS-tiedot poistetaan, kun niitä ei enää tarvita." }')
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", 'languages = ["sv", "fi"]\n' + text)


# -- Data collected outside every purpose: no basis, no retention ---------------------------------------------------

def _unpurposed(used: bool, retention: str = "") -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "jasenyys"
description = "Jäsensopimukset"
kind = "account"
legal_basis = "contract"
data_categories = ["yhteystiedot"{', "kamera"' if used else ''}]

[[registers.data_categories]]
key = "yhteystiedot"
name = "Yhteystiedot"

[[registers.data_categories]]
key = "kamera"
name = "Aulan kameratallenteet"

[[registers.sources]]
kind = "device"
data_categories = ["kamera"]

[[registers.retention]]
purposes = ["jasenyys"]
period = "P1Y"
start = "end_of_contract"
{retention}'''


def test_collected_data_no_purpose_uses_has_no_basis_and_no_retention() -> None:
    """Camera recordings among the data and the sources but under no purpose: no basis (13(1)(c)) and no period
    (13(2)(a))."""
    text = _unpurposed(used=False)
    assert ["$.registers[0].data_categories[1]"] == _hits("RK-CATEGORY-NO-PURPOSE", text)
    assert ["$.registers[0].data_categories[1]"] == _hits("RK-RETENTION-CATEGORY", text)


def test_collected_data_a_purpose_uses_or_a_rule_covers_passes() -> None:
    """Used by a purpose, the data has a basis; named by a retention rule, it has a period."""
    assert [] == _hits("RK-CATEGORY-NO-PURPOSE", _unpurposed(used=True))
    covered = _unpurposed(used=False, retention='\n[[registers.retention]]\ndata_categories = ["kamera"]\n'
                                               'period = "P1M"\nstart = "collection"\n')
    assert [] == _hits("RK-RETENTION-CATEGORY", covered)


def test_a_category_no_source_brings_in_is_not_read_as_collected() -> None:
    """A category that only describes the relationship (its dates), brought in by no source, is no processing of
    its own."""
    text = _unpurposed(used=False).replace('data_categories = ["kamera"]\n\n[[registers.retention]]',
                                           'data_categories = ["yhteystiedot"]\n\n[[registers.retention]]')
    assert [] == _hits("RK-CATEGORY-NO-PURPOSE", text)
    assert [] == _hits("RK-RETENTION-CATEGORY", text)


# -- Bases: vital interests, credit checks, optional accounts --------------------------------------------------------

def _special(condition: str, provision: str = '\nprovision = "voluntary"') -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "turvallisuus"
description = "Ohjaaja tietää etukäteen lapsen sairaudet, jotka voivat vaatia nopeaa toimintaa."
legal_basis = "vital_interests"
special_condition = "{condition}"
data_categories = ["terveys"]{provision}

[[registers.data_categories]]
key = "terveys"
name = "Sairaudet"
special = true
'''


def test_vital_interests_for_health_data_asked_in_advance_is_reported() -> None:
    """A course asks guardians in advance for their children's illnesses and puts them on 9(2)(c): someone able to
    consent is there to ask, so 9(2)(c) does not apply."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-SPECIAL-VITAL-INTERESTS", _special("vital_interests"))


def test_explicit_consent_or_vital_interests_not_asked_pass() -> None:
    """Explicit consent is the condition to use; vital interests with no data asked (an emergency) is not read."""
    assert [] == _hits("RK-SPECIAL-VITAL-INTERESTS", _special("explicit_consent"))
    assert [] == _hits("RK-SPECIAL-VITAL-INTERESTS", _special("vital_interests", provision=""))


def _credit(kind: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "luotto"
description = "Luottokelpoisuuden arviointi ennen vuokrasopimuksen tekemistä"
kind = "{kind}"
legal_basis = "contract"
profiling = true
credit_register = "Suomen Asiakastieto Oy:n luottotietorekisteri"
'''


def test_a_credit_check_before_the_contract_may_rest_on_it() -> None:
    """Scoring an applicant before a lease is a step at their request prior to the contract (6(1)(b))."""
    assert [] == _hits("RK-BASIS-CONTRACT-MISUSE", _credit("credit_check"))


def test_other_profiling_on_contract_is_still_reported() -> None:
    """Profiling that is no credit check is still not necessary for the contract."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-BASIS-CONTRACT-MISUSE", _credit("profiling"))


def _account(provision: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "paivakirja"
description = "Lapsen oma lukupäiväkirja, jonka lapsi voi halutessaan avata"
kind = "account"
legal_basis = "consent"
provision = "{provision}"
'''


def test_an_optional_account_may_rest_on_consent() -> None:
    """An account nothing bought depends on can rest on consent: withdrawing it closes the account only."""
    assert [] == _hits("RK-BASIS-CONSENT-FOR-ORDER", _account("voluntary"))


def test_an_account_the_purchase_needs_is_still_reported() -> None:
    """An account that is a precondition of buying rests on the contract."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-BASIS-CONSENT-FOR-ORDER", _account("contract_precondition"))


# -- Recipients: transfers beside "no recipients", partners for marketing, the credit company -----------------------

def _denied(transfer: str) -> str:
    return (CONTROLLER + REGISTER.rstrip("\n") + "\nrecipients = []\n"
            + '\n[[registers.purposes]]\nkey = "uutiskirje"\ndescription = "Uutiskirje"\nkind = "newsletter"\n'
              'legal_basis = "consent"\n' + transfer)


def test_a_transfer_that_names_its_recipient_contradicts_no_recipients() -> None:
    """'No disclosures', while the transfers send the newsletter list to a named US service."""
    text = _denied('\n[[registers.transfers]]\ncountry = "US"\nrecipients = ["Postituspalvelu Inc."]\n'
                   'mechanism = "dpf"\n')
    assert ["$.registers[0].transfers[0]"] == _hits("RK-RECIPIENTS-TRANSFER-UNLISTED", text)


def test_no_recipients_and_no_transfers_pass() -> None:
    """An explicit none with nothing that contradicts it."""
    assert [] == _hits("RK-RECIPIENTS-TRANSFER-UNLISTED", _denied(""))


def _recipient(category: str, role: str = "", description: str = "") -> str:
    extra = (f'role = "{role}"\n' if role else "") + (f'description = "{description}"\n' if description else "")
    return CONTROLLER + REGISTER + _ORDERS + f'\n[[registers.recipients]]\ncategory = "{category}"\n{extra}'


@pytest.mark.parametrize(("category", "role", "description"), [
    ("Tietoja voidaan luovuttaa yhteistyökumppaneille markkinointia varten.", "", ""),
    ("Konserniyhtiöt ja yhteistyökumppanit niiden omaa markkinointia varten", "controller",
     "Voimme luovuttaa tietoja niiden markkinointiin, ellet ole kieltänyt sitä."),
    ("Samarbetspartner för deras egen marknadsföring", "", ""),
    ("Partners for their own marketing", "", ""),
    ("Mainoskumppanit", "controller", ""),
])
def test_partners_given_only_a_marketing_reason_are_vague(category: str, role: str, description: str) -> None:
    """Why partners get the data (their marketing) does not say who they are (13(1)(e), WP260)."""
    assert ["$.registers[0].recipients[0].category"] == _hits(
        "RK-RECIPIENTS-VAGUE", _recipient(category, role, description))


@pytest.mark.parametrize(("category", "role", "description"), [
    ("Puhelinmyyntiä hoitava markkinointitoimisto", "processor", ""),
    ("Mainoskumppanit", "processor", ""),
    ("Yhteistyökumppanit markkinointia varten", "", "Kuljetusyhtiöt, jotka toimittavat mainoslehden."),
    ("Markkinointikumppanit", "", ""),
])
def test_a_kind_of_recipient_named_passes(category: str, role: str, description: str) -> None:
    """A marketing agency, advertising partners that act for the shop, or partners whose activity is given."""
    assert [] == _hits("RK-RECIPIENTS-VAGUE", _recipient(category, role, description))


def _credit_check(recipients: str, source: str = "") -> str:
    return (CONTROLLER + REGISTER.rstrip("\n") + f"\nrecipients = [{recipients}]\n"
            + '\n[[registers.purposes]]\nkey = "luotto"\ndescription = "Tarkistamme luottotietosi ennen osamaksua."\n'
              'kind = "credit_check"\nlegal_basis = "contract"\n' + source)


def test_a_credit_check_whose_credit_company_appears_nowhere_is_reported() -> None:
    """A shop checks credit before instalment sales; the credit company is neither a recipient nor a source."""
    text = _credit_check('{ name = "Posti Oy", role = "controller" }, '
                         '{ name = "Taloushallinto Oy", role = "processor", purposes = ["luotto"] }')
    assert ["$.registers[0].purposes[0]"] == _hits("RK-RECIPIENT-CREDIT-AGENCY", text)


@pytest.mark.parametrize(("recipients", "source"), [
    ('{ name = "Suomen Asiakastieto Oy", role = "controller" }', ""),
    ('{ category = "Luottotietoyhtiö", role = "controller" }', ""),
    ('{ name = "Klarna Bank AB", role = "controller" }', ""),
    ('{ name = "Posti Oy" }', '\n[[registers.sources]]\nkind = "third_party"\nname = "Luottotietorekisteri"\n'),
])
def test_a_credit_company_named_among_recipients_or_sources_passes(recipients: str, source: str) -> None:
    """Named as a recipient, as the provider that decides on credit, or as the source of the credit data."""
    assert [] == _hits("RK-RECIPIENT-CREDIT-AGENCY", _credit_check(recipients, source))


# -- Rights: consent evident without a stated basis; a fee for further copies ---------------------------------------

def _rights_off(purposes: str, categories: str = "", recipients: str = "") -> str:
    return (CONTROLLER + REGISTER + purposes + categories + recipients
            + '\n[rights]\nwithdraw_consent = false\n')


_THIRD_PARTY_ANALYTICS = ('\n[[registers.purposes]]\nkey = "tilastot"\ndescription = "Kävijätilastot"\n'
                          'kind = "analytics"\n')
_ANALYTICS_RECIPIENT = '\n[[registers.recipients]]\nname = "Analytiikka Inc."\npurposes = ["tilastot"]\n'
_QUESTIONNAIRE = ('\n[[registers.purposes]]\nkey = "suositukset"\ndescription = "Suosittelemme tuotteita kyselyn '
                  'perusteella"\nkind = "profiling"\nbasis_text = "Asiakassuhde"\ndata_categories = ["kysely"]\n')
_HEALTH = '\n[[registers.data_categories]]\nkey = "kysely"\nname = "Kyselyn vastaukset"\nspecial = true\n'


def test_consent_evident_without_a_basis_needs_the_withdrawal_right() -> None:
    """Third-party analytics with no basis, or health answers with no 9(2) condition, can only rest on consent;
    nothing says it can be withdrawn."""
    assert ["$.rights.withdraw_consent"] == _hits(
        "RK-WITHDRAW-CONSENT", _rights_off(_THIRD_PARTY_ANALYTICS, recipients=_ANALYTICS_RECIPIENT))
    assert ["$.rights.withdraw_consent"] == _hits("RK-WITHDRAW-CONSENT", _rights_off(_QUESTIONNAIRE, _HEALTH))


def test_own_analytics_or_marketing_without_a_basis_is_no_sign_of_consent() -> None:
    """Own statistics and e-mail offers to customers may rest on legitimate interests: no withdrawal asked."""
    marketing = ('\n[[registers.purposes]]\nkey = "tarjoukset"\ndescription = "Tarjoukset"\n'
                 'kind = "direct_marketing"\ndirect_marketing = ["email"]\nmarketing_audience = "consumers"\n'
                 'basis_text = "Asiakassuhde"\n')
    assert [] == _hits("RK-WITHDRAW-CONSENT", _rights_off(_THIRD_PARTY_ANALYTICS))
    assert [] == _hits("RK-WITHDRAW-CONSENT", _rights_off(marketing))


def _fee(text: str) -> str:
    return CONTROLLER + REGISTER + _ORDERS + f'\n[rights]\nfee_charged = true\ntext = "{text}"\n'


def test_a_fee_for_further_copies_only_is_allowed() -> None:
    """15(3): the first copy free, a reasonable fee for further copies."""
    assert [] == _hits("RK-ACCESS-REQUEST-FEE", _fee(
        "Ensimmäinen kopio on maksuton. Lisäkopioista perimme 15 euron käsittelymaksun."))
    assert [] == _hits("RK-ACCESS-REQUEST-FEE", _fee("The first copy is free; further copies cost 10 euros."))


def test_a_fee_after_one_free_request_a_year_is_still_reported() -> None:
    """Free once a year, a fee after that: not a fee for further copies of one request (12(5))."""
    assert ["$.rights.fee_charged"] == _hits("RK-ACCESS-REQUEST-FEE", _fee(
        "Tarkastus on maksuton kerran vuodessa, sen jälkeen perimme 15 euroa."))


def test_a_transfer_to_a_declared_cookie_provider_does_not_contradict() -> None:
    """A transfer naming the provider of a declared cookie: the cookie table names that recipient already."""
    text = _denied('\n[[registers.transfers]]\ncountry = "US"\nrecipients = ["Analytiikka Inc."]\nmechanism = "dpf"\n'
                   '\n[[cookies]]\nname = "_an"\nprovider = "Analytiikka Inc."\ncategory = "statistics"\n')
    assert [] == _hits("RK-RECIPIENTS-TRANSFER-UNLISTED", text)


# -- Credit data reused for marketing --------------------------------------------------------------------------------

def _reuse(marketing_categories: str, description: str = "Maksuhäiriömerkinnät, pisteytys ja luottopäätös.") -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "luotto"
description = "Luottokelpoisuuden arviointi ennen vuokrasopimusta"
kind = "credit_check"
legal_basis = "contract"
credit_register = "Luottotietorekisteri"
data_categories = ["luotto"]

[[registers.purposes]]
key = "markkinointi"
description = "Laitetarjoukset sähköpostilla nykyisille asiakkaille"
kind = "direct_marketing"
legal_basis = "legitimate_interests"
legitimate_interest = "Omien tuotteiden markkinointi"
data_categories = [{marketing_categories}]

[[registers.data_categories]]
key = "yhteys"
name = "Yhteystiedot"

[[registers.data_categories]]
key = "luotto"
name = "Luotto- ja tulotiedot"
description = "{description}"
'''


def test_credit_decisions_used_to_choose_marketing_targets_are_reported() -> None:
    """A rental shop offers better devices to customers its credit decision found solvent: credit data used for
    marketing, which the Credit Information Act does not allow."""
    assert ["$.registers[0].purposes[1]"] == _hits("RK-CREDIT-DATA-MARKETING", _reuse('"yhteys", "luotto"'))


def test_marketing_without_the_credit_data_passes() -> None:
    """Marketing that uses only contact details, or a shared category that is no credit data."""
    assert [] == _hits("RK-CREDIT-DATA-MARKETING", _reuse('"yhteys"'))
    assert [] == _hits("RK-CREDIT-DATA-MARKETING", _reuse('"yhteys", "luotto"', description="Asiakasnumero."))


# -- Sources: unnamed partners, a credit check with no credit register ----------------------------------------------

def _source(name: str = "", description: str = "") -> str:
    given = (f'name = "{name}"\n' if name else "") + (f'description = "{description}"\n' if description else "")
    return CONTROLLER + REGISTER + _ORDERS + f'\n[[registers.sources]]\nkind = "third_party"\n{given}'


@pytest.mark.parametrize(("name", "description"), [
    ("", "Arvontoihin osallistuneiden tiedot voimme saada myös yhteistyökumppaneiltamme."),
    ("our fraud prevention and payment partners", ""),
    ("Samarbetspartner", ""),
    ("Kolmannet osapuolet", ""),
])
def test_a_source_given_only_as_partners_is_reported(name: str, description: str) -> None:
    """Data from 'our partners' says neither who they are nor what kind of source (14(2)(f))."""
    assert ["$.registers[0].sources[0]"] == _hits("RK-SOURCE-PARTNERS-UNNAMED", _source(name, description))


@pytest.mark.parametrize(("name", "description"), [
    ("Kumppanimme Lemmikkilehti Oy", ""),
    ("Maksupalvelukumppani Klarna", ""),
    ("Postin osoitepalvelu", ""),
    ("", "Osoitetiedot Väestörekisterikeskuksesta."),
])
def test_a_named_source_passes(name: str, description: str) -> None:
    """A legal form or a proper name identifies the source; a source that is not 'partners' is not read."""
    assert [] == _hits("RK-SOURCE-PARTNERS-UNNAMED", _source(name, description))


def _credit_sources(extra: str) -> str:
    return (CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "luotto"\ndescription = "Luottotietojen '
            'tarkistus"\nkind = "credit_check"\nlegal_basis = "contract"\n' + extra
            + '\n[[registers.sources]]\nkind = "data_subject"\n')


def test_a_credit_check_whose_only_source_is_the_customer_is_reported() -> None:
    """Payment-default entries come from a credit register; the sources list only the customer."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-SOURCE-CREDIT-REGISTER", _credit_sources(""))


def test_a_credit_register_named_passes() -> None:
    """The register named in the purpose, or a third-party source, answers 14(2)(f)."""
    assert [] == _hits("RK-SOURCE-CREDIT-REGISTER", _credit_sources('credit_register = "Luottotietorekisteri"\n'))
    third = _credit_sources("") + '\n[[registers.sources]]\nkind = "third_party"\nname = "Luottotietorekisteri"\n'
    assert [] == _hits("RK-SOURCE-CREDIT-REGISTER", third)


# -- Location or advertising ids read from the device for offers -----------------------------------------------------

def _tracking(basis: str, kind: str = "profiling", category: str = "Puhelimen sijainti taustalla") -> str:
    interest = '\nlegitimate_interest = "Myynnin lisääminen"' if basis == "legitimate_interests" else ""
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "tarjoukset"
description = "Henkilökohtaiset tarjoukset sovellukseen"
kind = "{kind}"
legal_basis = "{basis}"{interest}
data_categories = ["laite"]

[[registers.data_categories]]
key = "laite"
name = "{category}"

[[registers.sources]]
kind = "device"
data_categories = ["laite"]
'''


@pytest.mark.parametrize("category", ["Puhelimen sijainti taustalla", "Mainostunniste ja laitetunniste"])
def test_device_location_or_ad_id_for_offers_on_legitimate_interests_is_reported(category: str) -> None:
    """A loyalty app reads location in the background (or the advertising id) to push offers, on legitimate
    interests: reading the device needs consent."""
    assert ["$.registers[0].purposes[0]"] == _hits(
        "RK-BASIS-DEVICE-TRACKING", _tracking("legitimate_interests", category=category))


def test_consent_or_a_purpose_that_is_no_marketing_passes() -> None:
    """On consent it is fine; a car's GPS kept for the security of the fleet is no offer."""
    assert [] == _hits("RK-BASIS-DEVICE-TRACKING", _tracking("consent"))
    assert [] == _hits("RK-BASIS-DEVICE-TRACKING", _tracking("legitimate_interests", kind="security"))


# -- Retention: the Finnish Accounting Act binds Finnish controllers; reviews their authors remove -----------------

_ACCOUNTS = ('\n[[registers.purposes]]\nkey = "kirjanpito"\ndescription = "Myyntikirjanpito"\nkind = "accounting"\n'
             'legal_basis = "legitimate_interests"\nlegitimate_interest = "Verolain edellyttämä kirjanpito"\n'
             '\n[[registers.retention]]\npurposes = ["kirjanpito"]\nperiod = "P7Y"\nstart = "order"\n')


def test_the_accounting_start_is_a_reminder_for_a_finnish_controller_only() -> None:
    """A seller in the United States keeps its sales records seven years from the order under its own tax law: the
    Finnish Accounting Act's starting point is not its reminder."""
    finnish = CONTROLLER + REGISTER + _ACCOUNTS
    abroad = finnish.replace('phone = "+358 9 123 4567"\n', 'phone = "+358 9 123 4567"\ncountry = "US"\n')
    assert ["$.registers[0].retention[0].start"] == _hits("RK-RETENTION-ACCOUNTING-START", finnish)
    assert [] == _hits("RK-RETENTION-ACCOUNTING-START", abroad)
    orders_abroad = CONTROLLER.replace('phone = "+358 9 123 4567"\n', 'phone = "+358 9 123 4567"\ncountry = "US"\n')
    assert [] == _hits("RK-RETENTION-ACCOUNTING-MISSING", orders_abroad + REGISTER + _ORDERS)
    assert ["$.registers[0].purposes[0]"] == _hits("RK-RETENTION-ACCOUNTING-MISSING", CONTROLLER + REGISTER + _ORDERS)


def _until_removed(kind: str, basis: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "arviot"
description = "Asiakkaiden kirjoittamien tuotearvioiden julkaiseminen"
kind = "{kind}"
legal_basis = "{basis}"

[[registers.retention]]
purposes = ["arviot"]
criteria = "Arvio on näkyvissä, kunnes pyydät sen poistamista."
'''


def test_a_review_shown_until_its_author_asks_to_remove_it_has_a_criterion() -> None:
    """A review the customer published on consent stays under their control: removal on request is a criterion."""
    assert [] == _hits("RK-RETENTION-UNDEFINED", _until_removed("reviews", "consent"))


def test_internal_records_kept_until_a_request_are_still_reported() -> None:
    """The same words for data the shop keeps for itself (on consent or contract) leave deletion to a request."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-UNDEFINED", _until_removed("other", "consent"))
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-UNDEFINED", _until_removed("reviews", "contract"))


def test_a_complaint_only_to_the_turkish_authority_is_reported() -> None:
    """Only Türkiye's KVKK is named for complaints: an EU authority, in Finland the Ombudsman, is missing (77)."""
    text = CONTROLLER + REGISTER + _ORDERS + ('\n[rights]\ncomplaint_text = "Voit tehdä valituksen '
                                              'Henkilötietojen suojaviranomaiselle (KVKK) Ankarassa."\n')
    assert ["$.rights.complaint_text"] == _hits("RK-COMPLAINT-NON-EEA", text)
    both = text.replace("Ankarassa.", "Ankarassa tai Suomessa tietosuojavaltuutetulle.")
    assert [] == _hits("RK-COMPLAINT-NON-EEA", both)


@pytest.mark.parametrize("category", [
    "Luovutamme tietoja yhteistyökumppaneillemme markkinointitarkoituksiin.",
    "Uppgifter kan lämnas ut till samarbetspartner för deras marknadsföring.",
    "We may share your data with partners for marketing purposes.",
    "Third parties for advertising",
])
def test_disclosure_sentences_to_partners_for_marketing_are_vague(category: str) -> None:
    """The same class in other words and languages: a sentence of disclosure, partners, a marketing reason."""
    assert ["$.registers[0].recipients[0].category"] == _hits("RK-RECIPIENTS-VAGUE", _recipient(category))


@pytest.mark.parametrize(("description", "expected"), [
    ("Tarjoamme maksukykyisille asiakkaille parempia laitteita luottopäätöksen perusteella.", 1),
    ("We pick offers for customers by their credit score.", 1),
    ("Tarjoukset ostohistorian perusteella; emme käytä luottotietoja markkinointiin.", 0),
])
def test_credit_data_used_in_the_purposes_own_words(description: str, expected: int) -> None:
    """Said in the marketing purpose's own words, the reuse is reported too; a clause that denies it passes."""
    text = _reuse('"yhteys"').replace("Laitetarjoukset sähköpostilla nykyisille asiakkaille", description)
    assert ["$.registers[0].purposes[1]"] * expected == _hits("RK-CREDIT-DATA-MARKETING", text)

"""The fifth tuning round (issue 21): a retired rule id, and the classes of error of the seventh hold-out, each with
statements a data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit import load, loads
from rekisterikit.validate import REGISTRY, UnknownRuleError, validate
from rekisterikit.validate.docs import builtin_rules, render
from rekisterikit.validate.registry import RETIRED, Registry, Rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import hits as _hits

ACCURACY = Path(__file__).resolve().parent / "data" / "accuracy"


def _model(name: str, rule_id: str) -> list[str]:
    """The paths of rule ``rule_id``'s findings on an accuracy model (``set/stem``)."""
    report = validate(load(ACCURACY / f"{name}.toml"), select=[rule_id])
    return [f.path for f in report.findings if f.rule == rule_id]

# -- RK-TRANSFER-DPF-APPEAL: retired on 2026-12-06 ---------------------------------------------------------------

_DPF = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "uutiskirje"
description = "Uutiskirje"
kind = "newsletter"
legal_basis = "consent"

[[registers.transfers]]
country = "US"
recipients = ["Mailchimp (Intuit Inc.)"]
mechanism = "dpf"
dpf_certified = true
'''


def test_the_dpf_appeal_reminder_is_retired() -> None:
    """A transfer on the DPF draws no reminder of the pending appeal: the id is retired, not a rule."""
    assert "RK-TRANSFER-DPF-APPEAL" in RETIRED
    assert "RK-TRANSFER-DPF-APPEAL" not in builtin_rules()
    assert [] == [f.rule for f in validate(loads(_DPF)).findings if f.rule.startswith("RK-TRANSFER-DPF")]


def test_a_retired_id_is_not_reused() -> None:
    """No rule can be registered under a retired id, in the default registry or another."""
    rule = next(iter(REGISTRY))
    with pytest.raises(ValueError, match="retired"):
        Registry().add(Rule(id="RK-TRANSFER-DPF-APPEAL", requirement=rule.requirement, severity=rule.severity,
                            article=rule.article, title=rule.title, message=rule.message, check=rule.check))


def test_ignoring_a_retired_id_ignores_nothing_and_selecting_it_is_refused() -> None:
    """``ignore`` naming a retired id is accepted (the findings are those of a plain run); ``select`` is refused with
    the date of retirement."""
    statement = loads(_DPF)
    assert validate(statement).findings == validate(statement, ignore=["RK-TRANSFER-DPF-APPEAL"]).findings
    with pytest.raises(UnknownRuleError, match="retired on 2026-12-06"):
        validate(statement, select=["RK-TRANSFER-DPF-APPEAL"])
    with pytest.raises(UnknownRuleError, match="unknown rule"):
        validate(statement, ignore=["RK-TRANSFER-DPF-APEAL"])


def test_a_statement_ignoring_a_retired_rule_is_told_to_remove_the_entry() -> None:
    """A ``[rekisterikit] ignore`` entry naming a retired id is reported, as retired, not as unknown."""
    text = _DPF + '\n[rekisterikit]\nignore = [{ rule = "RK-TRANSFER-DPF-APPEAL", reason = "Seurataan" }]\n'
    report = validate(loads(text), select=["RK-IGNORE-INVALID"])
    assert ["$.rekisterikit.ignore[0]"] == [f.path for f in report.findings]
    assert "rule retired on 2026-12-06" in (report.findings[0].message.en or "")
    assert "retired" not in (validate(loads(text.replace("DPF-APPEAL", "DPF-APEAL")),
                                      select=["RK-IGNORE-INVALID"]).findings[0].message.en or "")


def test_the_rule_reference_lists_retired_rules() -> None:
    """docs/rules.md has a "Retired rules" section naming each retired id with its date, and no section for it."""
    page = render()
    section = page.split("## Retired rules\n", 1)[1].split("\n## ", 1)[0]
    for retired in RETIRED.values():
        assert f"| {retired.id} | {retired.retired} |" in section
        assert f"\n### {retired.id}\n" not in page


def test_the_dpf_certification_rule_stays() -> None:
    """The DPF certification rule, the DPF rule that stays, still fires on an uncertified DPF transfer."""
    assert ["$.registers[0].transfers[0]"] == _hits("RK-TRANSFER-DPF-CERTIFICATION",
                                                     _DPF.replace("dpf_certified = true\n", ""))


# -- RK-PERSONAL-IDENTITY-CODE: financing, insurance and rental activity, and a registration with an authority ------

_HETU_CATEGORY = ('\n[[registers.data_categories]]\nkey = "hetu"\nname = "Henkilötunnus"\n'
                  'personal_identity_code = true\n')


def _hetu(description: str, kind: str = "other", recipients: str = "") -> str:
    return (CONTROLLER + REGISTER + _HETU_CATEGORY + f'''
[[registers.purposes]]
key = "p"
kind = "{kind}"
description = "{description}"
legal_basis = "contract"
data_categories = ["hetu"]
''' + recipients)


@pytest.mark.parametrize("description", [
    "Välitämme pyynnöstäsi rahoitushakemuksesi rahoitusyhtiölle, joka tekee oman päätöksensä.",
    "Välitämme vakuutushakemuksesi vakuutusyhtiölle.",
    "Vuokrasopimuksen tekeminen ja vuokralaisen tunnistaminen laitteen luovutuksessa.",
    "Vid utlämningen tar vi en kopia av hyrestagarens identitetskort.",
    "Vi förmedlar din finansieringsansökan till finansieringsbolaget.",
    "We pass your loan application to the finance company that decides on it.",
    "Identifying the hirer when the rental equipment is handed over.",
])
def test_the_code_in_financing_insurance_or_rental_is_on_a_29_section_ground(description: str) -> None:
    """Tietosuojalaki 29 § allows the code in credit granting, insurance and rental activity, in fi, sv and en."""
    assert [] == _hits("RK-PERSONAL-IDENTITY-CODE", _hetu(description))


def test_the_code_passed_to_an_authority_in_the_same_purpose_is_on_a_29_section_ground() -> None:
    """A car sale that registers the change of owner with Traficom passes the code to an authority's register."""
    authority = ('\n[[registers.recipients]]\nname = "Liikenne- ja viestintävirasto Traficom"\nrole = "authority"\n'
                 'purposes = ["p"]\ndescription = "Omistajanvaihdoksen rekisteröinti."\n')
    assert [] == _hits("RK-PERSONAL-IDENTITY-CODE", _hetu("Autokaupat ja omistajanvaihdokset", "order", authority))
    elsewhere = authority.replace('purposes = ["p"]', 'purposes = []')
    assert ["$.registers[0].purposes[0]"] == _hits(
        "RK-PERSONAL-IDENTITY-CODE", _hetu("Autokaupat ja omistajanvaihdokset", "order", elsewhere))


@pytest.mark.parametrize(("description", "kind"), [
    ("Tilausten käsittely ja toimitus.", "order"),
    ("Asiakastilin ylläpito.", "account"),
    ("Kanta-asiakasedut ja vuokra-asuntojen esittely uutiskirjeessä.", "direct_marketing"),
    ("Kundkonto och beställningar.", "account"),
])
def test_the_code_in_orders_accounts_and_marketing_is_still_reported(description: str, kind: str) -> None:
    """Orders, accounts and marketing are no 29 § ground (a word of renting in a newsletter is no rental)."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-PERSONAL-IDENTITY-CODE", _hetu(description, kind))


def test_identity_code_motivating_models() -> None:
    """Autotalo Kaarna's car sale (Traficom) and loan applications, and Hyrboden's identity-card copy, are quiet."""
    assert [] == _model("holdout_g/autotalo-kaarna", "RK-PERSONAL-IDENTITY-CODE")
    assert [] == _model("holdout_g/hyrboden", "RK-PERSONAL-IDENTITY-CODE")


# -- RK-RETENTION-UNDEFINED: a period counted from the end of the customer relationship ----------------------------

_ORDER = ('\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\nkind = "order"\n'
          'legal_basis = "contract"\n')


def _retention(body: str) -> str:
    return CONTROLLER + REGISTER + _ORDER + '\n[[registers.retention]]\npurposes = ["tilaukset"]\n' + body


@pytest.mark.parametrize("body", [
    'period = "P2Y"\nstart = "end_of_customer_relationship"\n',
    'period = "P5Y"\nstart = "end_of_customer_relationship"\n'
    'required_by = { law = "rahanpesulaki", section = "3:3" }\n',
    'criteria = "Tiedot poistetaan kahden vuoden kuluttua asiakassuhteen päättymisestä."\n',
    'criteria = "Tiedot säilytetään asiakassuhteen ajan ja kolme vuotta sen jälkeen."\n',
    'criteria = "Uppgifterna raderas två år efter att kundrelationen upphört."\n',
    'criteria = "We delete the data 24 months after the end of the customer relationship."\n',
])
def test_a_period_from_the_end_of_the_relationship_is_a_period(body: str) -> None:
    """A stated length of time from the end of the customer relationship answers 13(2)(a), in fi, sv and en."""
    assert [] == _hits("RK-RETENTION-UNDEFINED", _retention(body))


@pytest.mark.parametrize("body", [
    'criteria = "Tiedot säilytetään asiakassuhteen ajan."\n',
    'criteria = "Uppgifterna sparas så länge kundrelationen pågår."\n',
    'criteria = "We keep the data for the duration of the customer relationship. Invoices are kept for 6 years."\n',
    'criteria = "Tiedot voidaan poistaa asiakkaan pyynnöstä."\n',
])
def test_the_relationship_itself_as_the_measure_is_still_reported(body: str) -> None:
    """The relationship with no period after it, or deletion left to a request, stays open-ended (a period in
    another sentence is not counted from the relationship)."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-UNDEFINED", _retention(body))


def test_retention_undefined_motivating_models() -> None:
    """Autotalo Kaarna (five years under the anti-money-laundering act, three years of marketing) and Panimo Havu
    (two years after the membership) are quiet; Garnboden is still reported."""
    assert [] == _model("holdout_g/autotalo-kaarna", "RK-RETENTION-UNDEFINED")
    assert [] == _model("holdout_g/panimo-havu", "RK-RETENTION-UNDEFINED")
    assert ["$.registers[0].retention[0]"] == _model("holdout/garnboden", "RK-RETENTION-UNDEFINED")


# -- RK-RETENTION-UNLIMITED (new): data kept for ever -----------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    "Säilytän kuvat pysyvästi arkistossani, jotta voin toimittaa niitä myöhemmin uudelleen.",
    "Esitietolomakkeet säilytetään pysyvästi.",
    "Tilaushistoria säilytetään ilman aikarajaa.",
    "Bilderna sparas för alltid i vårt arkiv.",
    "Vi sparar uppgifterna permanent.",
    "Photos are kept permanently in our archive.",
    "We store your order history forever.",
])
def test_data_kept_for_ever_is_reported(criteria: str) -> None:
    """Keeping data without any limit breaks storage limitation (5(1)(e)), in fi, sv and en."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-UNLIMITED",
                                                    _retention(f'criteria = "{criteria}"\n'))


@pytest.mark.parametrize("criteria", [
    "Tiedot poistetaan pysyvästi kahden vuoden kuluttua viimeisestä tilauksesta.",
    "Anonymisoidut myyntitilastot säilytetään pysyvästi.",
    "Arkistolain mukaan asiakirjat säilytetään pysyvästi.",
    "Uppgifterna raderas permanent efter två år.",
    "We keep your permanent address for deliveries for two years after your last order.",
    "Data is permanently deleted 24 months after your last order.",
    "Tietoja säilytetään toistaiseksi.",  # RK-RETENTION-VAGUE's
    "Markkinointikiellot säilytetään pysyvästi, jotta emme lähetä sinulle enää markkinointia.",
    "We keep your opt-out permanently so that we never e-mail you again.",
    "Tilin tiedot säilyvät pysyvästi, kunnes poistat tilisi.",
    "Account data is stored permanently until you close your account.",
])
def test_deleting_for_good_anonymised_data_and_archives_law_are_not_reported(criteria: str) -> None:
    """Permanent deletion, anonymised data, a law on archives and a permanent address are not keeping for ever."""
    assert [] == _hits("RK-RETENTION-UNLIMITED", _retention(f'criteria = "{criteria}"\n'))


def test_a_law_that_requires_keeping_is_not_reported() -> None:
    """A rule that names the law requiring it (`required_by`) is the law's period, not the shop's choice."""
    body = ('criteria = "Säilytetään pysyvästi."\nrequired_by = { law = "kirjanpitolaki", section = "2:10" }\n')
    assert [] == _hits("RK-RETENTION-UNLIMITED", _retention(body))


def test_retention_unlimited_motivating_models() -> None:
    """Hääkuvaus Rautio's pictures and Mustekala Ink's health questionnaires, kept "pysyvästi", are reported."""
    assert ["$.registers[0].retention[0]"] == _model("holdout_g/haakuvaus-rautio", "RK-RETENTION-UNLIMITED")
    assert ["$.registers[0].retention[0]"] == _model("holdout_e/mustekala-ink", "RK-RETENTION-UNLIMITED")


# -- RK-COOKIES-TRACKING-UNDECLARED: pictures published on a platform are not tracking -----------------------------

def _published(description: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "portfolio"
kind = "advertising"
description = "{description}"
legal_basis = "consent"

[[registers.recipients]]
name = "Meta Platforms Ireland Limited (Instagram)"
role = "controller"
country = "IE"
purposes = ["portfolio"]
'''


@pytest.mark.parametrize("description", [
    "Valittujen kuvien julkaiseminen portfoliossa ja Instagramissa hääparin suostumuksella.",
    "Vi publicerar utvalda bilder på Instagram med ert samtycke.",
    "We post selected photos on Instagram with your consent.",
])
def test_publishing_pictures_on_a_platform_needs_no_cookies(description: str) -> None:
    """A platform that receives published pictures reads nothing from the visitors' devices."""
    assert [] == _hits("RK-COOKIES-TRACKING-UNDECLARED", _published(description))


@pytest.mark.parametrize("description", [
    "Julkaisemme mainoksia Instagramissa ja kohdennamme ne sivuston kävijöille.",
    "Vi publicerar annonser på Instagram och mäter deras effekt.",
    "We publish ads on Instagram and retarget visitors of our site.",
    "Mainonta Instagramissa.",
])
def test_advertising_that_targets_or_measures_still_needs_its_cookies(description: str) -> None:
    """Publishing beside targeting or measuring, or advertising alone, stays a tracking purpose."""
    assert ["$.registers[0].recipients[0]"] == _hits("RK-COOKIES-TRACKING-UNDECLARED", _published(description))


def test_cookies_tracking_motivating_model() -> None:
    """Hääkuvaus Rautio's portfolio on Instagram is quiet."""
    assert [] == _model("holdout_g/haakuvaus-rautio", "RK-COOKIES-TRACKING-UNDECLARED")


# -- RK-COOKIE-CONSENT: uncategorised tracking cookies, and a notice with only an OK button ----------------------------

def _cookie_consent(cookie: str, policy: str) -> str:
    return CONTROLLER + "\n[cookie_policy]\n" + policy + "\n[[cookies]]\n" + cookie


@pytest.mark.parametrize("cookie", [
    'name = "_ga"\nprovider = "Google"\npurpose = "Sivuston kävijäseuranta."\n',
    'name = "_fbp"\nprovider = "Facebook"\n',
    'name = "visit_id"\nprovider = "Esimerkki Oy"\npurpose = "Besöksstatistik."\n',
    'name = "ads_ref"\npurpose = "Advertising attribution."\n',
])
def test_an_uncategorised_tracking_cookie_behind_a_notice_needs_consent(cookie: str) -> None:
    """A cookie declared without a category that is evidently analytics or advertising needs opt-in consent."""
    policy = 'consent = "notice_only"\nreject_first_layer = false\nwithdraw = false\n'
    assert ["$.cookie_policy.consent"] == _hits("RK-COOKIE-CONSENT", _cookie_consent(cookie, policy))


@pytest.mark.parametrize("cookie", [
    'name = "sessionid"\nprovider = "Esimerkki Oy"\npurpose = "Ostoskorin toiminta."\n',
    'name = "cart"\nprovider = "Esimerkki Oy"\npurpose = "Ostoskorin ja tilauksen seuranta."\n',
    'name = "csrftoken"\npurpose = "Tracking the checkout step against forged requests."\n',
])
def test_an_uncategorised_session_cookie_is_not_judged(cookie: str) -> None:
    """A cookie without a category whose name and purpose say nothing of analytics or advertising (a cart or an
    order is "tracked" too) is not taken to need consent."""
    policy = 'consent = "notice_only"\n'
    assert [] == _hits("RK-COOKIE-CONSENT", _cookie_consent(cookie, policy))


@pytest.mark.parametrize("notice", [
    "Sivustomme käyttää evästeitä. Painamalla OK hyväksyt evästeet.",
    "Webbplatsen använder kakor. Genom att klicka på OK godkänner du kakorna.",
    "This site uses cookies. By clicking OK you accept our use of cookies.",
])
def test_a_notice_with_only_an_ok_button_is_no_choice(notice: str) -> None:
    """Whatever the declared mechanism, "press OK to accept" with no way to refuse is no freely given consent."""
    cookie = 'name = "_ga"\nprovider = "Google Ireland Ltd"\ncategory = "statistics"\n'
    policy = f'consent = "opt_in"\nreject_first_layer = false\ntext = "{notice}"\n'
    assert ["$.cookie_policy.text"] == _hits("RK-COOKIE-CONSENT", _cookie_consent(cookie, policy))


@pytest.mark.parametrize(("notice", "reject"), [
    ("Painamalla OK hyväksyt evästeet, tai voit hylätä ne valitsemalla Vain välttämättömät.", "false"),
    ("By clicking OK you accept cookies.", "true"),
    ("Voit hyväksyä tai hylätä evästeet.", "false"),
])
def test_a_notice_that_offers_refusal_is_not_reported(notice: str, reject: str) -> None:
    """A refusal in the notice, or a reject button on the first layer, is a choice."""
    cookie = 'name = "_ga"\nprovider = "Google Ireland Ltd"\ncategory = "statistics"\n'
    policy = f'consent = "opt_in"\nreject_first_layer = {reject}\ntext = "{notice}"\n'
    assert [] == _hits("RK-COOKIE-CONSENT", _cookie_consent(cookie, policy))


def test_cookie_consent_motivating_model() -> None:
    """Pakohuone Arvoitus (_ga and _fbp with no category behind an "OK" notice) is reported."""
    assert ["$.cookie_policy.consent"] == _model("holdout_g/pakohuone-arvoitus", "RK-COOKIE-CONSENT")


# -- RK-CONTROLLER-LEGAL-NAME: a two-word name reachable only through a form ----------------------------------------

def _named(name: str, contact: str = "") -> str:
    return f'[controller]\nname = "{name}"\nwebsite = "https://www.esimerkki.fi"\n{contact}'


@pytest.mark.parametrize("name", ["Pakohuone Arvoitus", "Helmi Rautio", "Arvoitus Kivinen"])
def test_a_name_with_no_way_to_reach_anyone_is_reported(name: str) -> None:
    """A name that could be a person's, with no address, e-mail or phone, cannot be told from a brand."""
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-LEGAL-NAME", _named(name))


@pytest.mark.parametrize("contact", ['email = "helmi@esimerkki.fi"\n', 'phone = "044 123 4567"\n',
                                     'address = { street = "Katu 1", postal_code = "00100", city = "Helsinki" }\n'])
def test_a_persons_name_with_contact_details_is_a_private_trader(contact: str) -> None:
    """A person's name with an address, an e-mail address or a phone number passes, as before."""
    assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", _named("Helmi Rautio", contact))


@pytest.mark.parametrize("name", ["Pakohuone Arvoitus", "Escape Room Lahti", "Seikkailu Virtanen",
                                  "Upplevelse Nordin"])
def test_leisure_business_words_are_no_persons_names(name: str) -> None:
    """Escape rooms, adventures and experiences are businesses, whatever the contact details."""
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-LEGAL-NAME",
                                          _named(name, 'email = "info@esimerkki.fi"\n'))


def test_controller_legal_name_motivating_model() -> None:
    """Pakohuone Arvoitus is reported."""
    assert ["$.controller.name"] == _model("holdout_g/pakohuone-arvoitus", "RK-CONTROLLER-LEGAL-NAME")


# -- RK-VAGUE-WORDING: an open list of recipients is the recipient rules' ------------------------------------------

def _recipient(field: str, value: str) -> str:
    return CONTROLLER + REGISTER + _ORDER + (f'\n[[registers.recipients]]\n{field} = "{value}"\n'
                                            'purposes = ["tilaukset"]\n')


@pytest.mark.parametrize(("field", "value"), [
    ("category", "Yhteistyökumppanimme, kuten rahoitus- ja vakuutusyhtiöt"),
    ("category", "Samarbetspartner, till exempel finansbolag"),
    ("category", "Partners such as marketing and analytics service providers"),
])
def test_an_open_list_of_recipients_is_not_a_clarity_finding(field: str, value: str) -> None:
    """"Partners such as …" leaves the recipients incomplete (13(1)(e)): the recipient rules report it."""
    assert [] == _hits("RK-VAGUE-WORDING", _recipient(field, value))
    assert ["$.registers[0].recipients[0]"] == _hits("RK-RECIPIENT-DETAILS", _recipient(field, value))


@pytest.mark.parametrize(("field", "value"), [
    ("category", "Tietoja voidaan luovuttaa yhteistyökumppaneille"),
    ("category", "Uppgifter kan komma att lämnas ut till partner"),
    ("category", "Data may be shared with partners"),
])
def test_a_hedged_disclosure_stays_a_clarity_finding(field: str, value: str) -> None:
    """Whether data is disclosed at all ("voidaan luovuttaa") stays a matter of clarity."""
    assert 1 == len(_hits("RK-VAGUE-WORDING", _recipient(field, value)))


def test_an_open_list_of_recipients_in_a_purpose_is_still_reported() -> None:
    """In a purpose, "tietoja luovutetaan esimerkiksi kumppaneille" is still read (no recipient rule reads it)."""
    text = CONTROLLER + REGISTER + _ORDER.replace("Tilausten käsittely",
                                                  "Tilausten käsittely; tietoja luovutetaan esimerkiksi kumppaneille")
    assert ["$.registers[0].purposes[0].description"] == _hits("RK-VAGUE-WORDING", text)


# -- RK-CHANGES-NEW-PURPOSE: every case of "uusi" -------------------------------------------------------------------

@pytest.mark.parametrize("changes", [
    "Kerromme uudesta käyttötarkoituksesta sähköpostitse ennen kuin alamme käsitellä tietoja sitä varten.",
    "Uudet käsittelytarkoitukset kerrotaan etukäteen.",
    "Om vi vill använda uppgifterna för ett nytt syfte meddelar vi det i förväg.",
])
def test_a_promise_on_new_purposes_in_any_case_is_read(changes: str) -> None:
    """The reminder is quiet when the changes section speaks of a new purpose, in whatever case."""
    assert [] == _hits("RK-CHANGES-NEW-PURPOSE", f'changes = "{changes}"\n' + CONTROLLER)
    assert ["$.changes"] == _hits("RK-CHANGES-NEW-PURPOSE", 'changes = "Päivitämme selostetta."\n' + CONTROLLER)


# -- RK-SOURCE-CREDIT-REGISTER: a payment provider that checks credit itself -----------------------------------------

def _invoice_check(description: str, recipient: str = "") -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.purposes]]
key = "lasku"
kind = "credit_check"
description = "{description}"
legal_basis = "contract"

[[registers.sources]]
kind = "data_subject"
''' + recipient


@pytest.mark.parametrize(("description", "recipient"), [
    ("Laskulla maksettaessa Klarna tarkistaa luottotietosi ja tekee luottopäätöksen.", ""),
    ("Vid betalning mot faktura gör Walley en kreditprövning.", ""),
    ("Invoice payment: the payment provider checks your credit and decides.",
     '\n[[registers.recipients]]\nname = "Svea Bank AB"\nrole = "controller"\npurposes = ["lasku"]\n'),
])
def test_a_provider_checking_credit_itself_is_no_source_of_the_shop(description: str, recipient: str) -> None:
    """The provider obtains the credit data as a controller of its own; the shop receives only the answer."""
    assert [] == _hits("RK-SOURCE-CREDIT-REGISTER", _invoice_check(description, recipient))


def test_the_shops_own_credit_check_still_needs_its_register_as_a_source() -> None:
    """A shop that checks credit itself, naming no register and no third-party source, is still reported."""
    assert ["$.registers[0].purposes[0]"] == _hits(
        "RK-SOURCE-CREDIT-REGISTER", _invoice_check("Tarkistamme luottotietosi ennen osamaksua."))


# -- RK-RECIPIENTS-TRANSFER-UNLISTED: the transfer names the cookie provider's group --------------------------------

_NO_RECIPIENTS = CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = []\n' + '''
[[registers.purposes]]
key = "tilastot"
description = "Kävijätilastot"
kind = "analytics"
legal_basis = "consent"

[[registers.transfers]]
country = "US"
recipients = ["{transferred}"]
mechanism = "dpf"
dpf_certified = true

[[cookies]]
name = "_ga"
provider = "Google Ireland Limited"
party = "first"
category = "statistics"
purpose = "Kävijätilastot"
duration = "P2Y"
country = "IE"
legal_basis = "consent"
'''


def test_a_transfer_to_the_cookie_providers_group_is_named_in_the_cookie_table() -> None:
    """"Google LLC" under the transfers is the group of the cookie table's "Google Ireland Limited"; another company
    named only under the transfers is still reported."""
    assert [] == _hits("RK-RECIPIENTS-TRANSFER-UNLISTED", _NO_RECIPIENTS.format(transferred="Google LLC"))
    assert ["$.registers[0].transfers[0]"] == _hits("RK-RECIPIENTS-TRANSFER-UNLISTED",
                                                    _NO_RECIPIENTS.format(transferred="Postituspalvelu Inc."))


# -- RK-BASIS-DEVICE-TRACKING: a town guessed from the IP address is read from no device ----------------------------

def _device(category: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.data_categories]]
key = "laite"
name = "{category}"

[[registers.purposes]]
key = "tarjoukset"
kind = "direct_marketing"
description = "Postitarjoukset asiakkaille"
legal_basis = "legitimate_interests"
legitimate_interest = "Asiakassuhteen ylläpito"
direct_marketing = ["post"]
data_categories = ["laite"]

[[registers.sources]]
kind = "device"
data_categories = ["laite"]
'''


@pytest.mark.parametrize("category", ["Ungefärlig position (stad) utifrån IP-adressen",
                                      "Sijainti postinumeron tarkkuudella", "Approximate location (city level)"])
def test_an_approximate_location_is_not_device_tracking(category: str) -> None:
    """A town or a postcode guessed from the IP address reads nothing from the device (917/2014 205 §)."""
    assert [] == _hits("RK-BASIS-DEVICE-TRACKING", _device(category))


@pytest.mark.parametrize("category", ["Puhelimen GPS-sijainti", "Sijainti taustalla, myös IP-osoite",
                                      "Precise location and the advertising ID"])
def test_a_precise_location_is_still_device_tracking(category: str) -> None:
    """GPS, a background location or an advertising id stays tracking, whatever approximate data is beside it."""
    assert ["$.registers[0].purposes[0]"] == _hits("RK-BASIS-DEVICE-TRACKING", _device(category))


def test_a_crime_report_to_the_police_is_no_registration() -> None:
    """An authority that receives the order data for a report of a crime does not excuse the code in orders."""
    police = ('\n[[registers.recipients]]\nname = "Poliisi"\nrole = "authority"\npurposes = ["p"]\n'
              'description = "Rikosilmoitukset petosepäilyistä."\n')
    assert ["$.registers[0].purposes[0]"] == _hits("RK-PERSONAL-IDENTITY-CODE",
                                                   _hetu("Tilausten käsittely", "order", police))


# -- RK-DPO-LIKELY-REQUIRED: the club a member checked in at is a visit, not location tracking ----------------------

def _visits(category: str) -> str:
    return CONTROLLER + REGISTER + f'''
[[registers.data_categories]]
key = "kaynnit"
name = "{category}"

[[registers.purposes]]
key = "edut"
kind = "profiling"
profiling = true
description = "Henkilökohtaiset tarjoukset käyntien perusteella"
legal_basis = "consent"
data_categories = ["kaynnit"]
'''


@pytest.mark.parametrize("category", ["Käynnit: kuntokeskus, jossa kävit (sijainti), ja ajankohta",
                                      "Visited club location and time of check-in",
                                      "Besökt gym och dess position"])
def test_the_club_a_member_checked_in_at_is_no_location_tracking(category: str) -> None:
    """A visit record names where the member went, not the member's whereabouts (WP243: tracking by apps)."""
    assert [] == _hits("RK-DPO-LIKELY-REQUIRED", _visits(category))


@pytest.mark.parametrize("category", ["Puhelimen sijainti", "Club visits and the phone's location in the app",
                                      "We store your location continuously"])
def test_a_devices_location_is_still_location_tracking(category: str) -> None:
    """A phone's or an app's location, or one kept continuously, stays monitoring."""
    assert ["$.dpo"] == _hits("RK-DPO-LIKELY-REQUIRED", _visits(category))


# -- RK-CATEGORY-NO-PURPOSE, RK-RETENTION-CATEGORY: a purpose that lists no categories may be the user -------------

_CAMERA = CONTROLLER + REGISTER + '''
[[registers.data_categories]]
key = "yht"
name = "Yhteystiedot"

[[registers.data_categories]]
key = "kamera"
name = "Tallentavan kameravalvonnan kuvat"

[[registers.purposes]]
key = "tilaukset"
kind = "order"
description = "Tilausten käsittely"
legal_basis = "contract"
data_categories = ["yht"]

[[registers.purposes]]
key = "turva"
kind = "security"
description = "Myymälän kameravalvonta"
legal_basis = "legitimate_interests"
legitimate_interest = "Omaisuuden ja henkilökunnan turvallisuus"
{categories}
[[registers.sources]]
kind = "device"
name = "Valvontakamerat"
data_categories = ["kamera"]
'''


def test_a_purpose_naming_no_categories_may_be_the_one_that_uses_the_data() -> None:
    """With a purpose that lists no data categories, nothing says the camera data has no purpose; with every
    purpose listing its categories and none the camera data, it is reported."""
    assert [] == _hits("RK-CATEGORY-NO-PURPOSE", _CAMERA.format(categories=""))
    assert [] == _hits("RK-RETENTION-CATEGORY", _CAMERA.format(categories=""))
    listed = _CAMERA.format(categories='data_categories = ["yht"]\n')
    assert ["$.registers[0].data_categories[1]"] == _hits("RK-CATEGORY-NO-PURPOSE", listed)


# -- RK-CONTROLLER-GROUP: "the group company" in the singular is one company -------------------------------------

@pytest.mark.parametrize("name", ["Koncernbolaget Lumo Ab", "Dotterbolaget Lumo Ab"])
def test_the_group_company_in_the_singular_is_one_company(name: str) -> None:
    """"Koncernbolaget Lumo Ab" (the group company Lumo Ab) names one legal person."""
    text = f'[controller]\nname = "{name}"\nbusiness_id = "1234567-1"\nemail = "a@lumo.fi"\n'
    assert [] == _hits("RK-CONTROLLER-GROUP", text)


@pytest.mark.parametrize("name", ["Koncernbolagen", "Lumo Ab och dess dotterbolag", "Lumokoncernens bolag"])
def test_the_group_companies_in_the_plural_are_still_a_group(name: str) -> None:
    """The plural or "and its subsidiaries" still names several companies."""
    text = f'[controller]\nname = "{name}"\nbusiness_id = "1234567-1"\nemail = "a@lumo.fi"\n'
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-GROUP", text)

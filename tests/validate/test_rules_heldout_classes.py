"""Issue 21: rules for the classes of gaps the third hold-out (``holdout_c``) exposed, written as general rules.

The hold-out itself is not read here (it stays held out); each class has a statement on which the rule fires
(positive), one on which it stays quiet (negative), and the pattern that motivated it, reproduced in our own words
or taken from a tuned statement (``tests/validate/data/accuracy/tuned/``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit import load, loads
from rekisterikit.findings import Requirement, Severity
from rekisterikit.validate import REGISTRY, validate
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import hits as _hits

TUNED = Path(__file__).resolve().parent / "data" / "accuracy" / "tuned"


def _messages(rule_id: str, text: str) -> list[str]:
    report = validate(loads(text), select=[rule_id])
    return [f.message.en or "" for f in report.findings if f.rule == rule_id]


def _tuned(name: str, rule_id: str) -> list[str]:
    report = validate(load(TUNED / f"{name}.toml"), select=[rule_id])
    return [f.path for f in report.findings if f.rule == rule_id]


def _purpose(description: str, key: str = "tilaukset", kind: str = "order") -> str:
    return (f'\n[[registers.purposes]]\nkey = "{key}"\ndescription = "{description}"\nkind = "{kind}"\n'
            'legal_basis = "contract"\n')


# -- 1. An EU representative named without contact details ---------------------------------------------------------

_US = '[controller]\nname = "Northwind Goods Inc."\ncountry = "US"\nemail = "privacy@northwind.example"\n'


def test_a_representative_without_contact_details_is_an_error() -> None:
    """13(1)(a) asks for the representative's identity and contact details: a name alone is an error."""
    text = _US + '\n[eu_representative]\nname = "EU-Rep Services Ltd"\n'
    report = validate(loads(text), select=["RK-EU-REPRESENTATIVE-CONTACT"])
    assert [("$.eu_representative", Requirement.EU_REPRESENTATIVE, Severity.ERROR)] == [
        (f.path, f.requirement, f.severity) for f in report.findings]


@pytest.mark.parametrize("contact", ['email = "rep@eurep.example"', 'phone = "+353 1 555 0100"',
                                     'address = { street = "1 Quay St", city = "Dublin", country = "IE" }'])
def test_a_representative_with_any_contact_channel_passes(contact: str) -> None:
    """An e-mail address, a phone number or a postal address is a contact detail."""
    assert [] == _hits("RK-EU-REPRESENTATIVE-CONTACT",
                       _US + f'\n[eu_representative]\nname = "EU-Rep Services Ltd"\n{contact}\n')


def test_no_representative_is_left_to_the_representative_rule() -> None:
    """A missing representative is RK-EU-REPRESENTATIVE's (a warning), not a missing contact."""
    assert [] == _hits("RK-EU-REPRESENTATIVE-CONTACT", _US)


# -- 2. Recipients mentioned only in a purpose ---------------------------------------------------------------------

def _recipients(line: str, *purposes: str) -> str:
    return CONTROLLER + REGISTER.rstrip("\n") + "\n" + line + "\n" + "".join(purposes)


@pytest.mark.parametrize("description", [
    "Tilaukset toimitetaan asiakkaalle Postin tai Matkahuollon kautta.",
    "Orders are delivered by DHL.",
    "Tilaukset lähetetään DHL-pakettina.",
    "Beställningar levereras med PostNord.",
    "Maksut käsittelee Paytrail.",
    "Tilaukset toimitetaan kuljetusliikkeen kautta.",
    "Uutiskirje lähetetään Mailchimp-palvelulla.",
    "Uutiskirje lähetetään Mailchimpin kautta.",
])
def test_a_service_named_in_a_purpose_contradicts_an_empty_recipients_list(description: str) -> None:
    """The hold-out pattern: carriers named in the order purpose while the disclosure section says none (one
    finding per service named)."""
    assert {"$.registers[0].purposes[0]"} == set(_hits("RK-RECIPIENTS-CONTRADICTED",
                                                       _recipients("recipients = []", _purpose(description))))


@pytest.mark.parametrize("description", [
    "Tilausten käsittely ja toimittaminen.",
    "Tilaukset postitetaan asiakkaalle.",
    "Vahvistus lähetetään sähköpostitse.",
    "Postiosoite tarvitaan laskutukseen.",
])
def test_a_purpose_that_names_no_service_is_quiet(description: str) -> None:
    """"postitse", "sähköposti" and "Postiosoite" are not Posti; a purpose that names no one discloses nothing."""
    assert [] == _hits("RK-RECIPIENTS-CONTRADICTED", _recipients("recipients = []", _purpose(description)))


def test_a_provider_declared_as_a_cookie_provider_is_not_asked_for_again() -> None:
    """A provider group the cookie declaration names (Google for _ga) is disclosed there."""
    text = (_recipients("recipients = []", _purpose("Kävijätilastot Google Analyticsilla.", "tilastot", "analytics"))
            + '\n[[cookies]]\nname = "_ga"\nprovider = "Google"\ncategory = "statistics"\n')
    assert [] == _hits("RK-RECIPIENTS-CONTRADICTED", text)


def test_a_service_missing_from_a_list_of_other_recipients_is_a_warning() -> None:
    """Recipients listed, the carrier named in the purpose left out: a warning naming it."""
    text = _recipients('recipients = [{ name = "Paytrail Oyj", role = "processor" }]',
                       _purpose("Tilaukset toimitetaan Matkahuollon kautta."))
    assert ['The description of the processing names "Matkahuollon", but neither it nor its activity is among the '
            'recipients. Add it to the recipients.'] == _messages("RK-RECIPIENT-UNLISTED", text)


@pytest.mark.parametrize("line", [
    'recipients = [{ name = "Matkahuolto Oy", role = "processor" }]',
    'recipients = [{ category = "Kuljetusliikkeet", role = "processor" }]',
    'recipients = [{ category = "Logistiikkakumppanit", description = "Toimittavat tilaukset." }]',
])
def test_a_service_listed_by_name_or_by_its_activity_passes(line: str) -> None:
    """The recipient named, or its category given by what it does, answers 13(1)(e)."""
    text = _recipients(line, _purpose("Tilaukset toimitetaan Matkahuollon kautta."))
    assert [] == _hits("RK-RECIPIENT-UNLISTED", text)
    assert [] == _hits("RK-RECIPIENTS-CONTRADICTED", text)


# -- 3. Vague or open-ended wording where a closed list is due -----------------------------------------------------

@pytest.mark.parametrize(("where", "text"), [
    ("purpose", "Tietoja voidaan käyttää myös toiminnan kehittämiseen."),
    ("purpose", "Asiakassuhteen hoitaminen; tietoja luovutetaan muun muassa yhteistyökumppaneille."),
    ("purpose", "Kundtjänst, t.ex. uppgifter om reklamationer."),
    ("purpose", "Uppgifterna kan komma att användas för marknadsföring."),
    ("purpose", "We may use your data to improve our services."),
    ("category", "Yhteystiedot, esim. nimi ja osoite"),
    ("category", "Contact details such as name and address"),
    ("category", "Nimi, osoite yms."),
    ("recipient", "Tietoja saatetaan luovuttaa yhteistyökumppaneille."),
    ("recipient", "Uppgifter lämnas vid behov till samarbetspartner."),
])
def test_open_lists_and_hedges_are_unclear_in_fi_sv_and_en(where: str, text: str) -> None:
    """An open list or a hedged processing in a purpose, a data category or a recipient is a clarity warning."""
    if where == "purpose":
        statement, path = CONTROLLER + REGISTER + _purpose(text), "$.registers[0].purposes[0].description"
    elif where == "category":
        statement = (CONTROLLER + REGISTER + '\n[[registers.data_categories]]\nkey = "yhteys"\nname = "Yhteystiedot"\n'
                     f'description = "{text}"\n')
        path = "$.registers[0].data_categories[0].description"
    else:
        statement = _recipients(f'recipients = [{{ category = "Kumppanit", description = "{text}" }}]',
                                _purpose("Tilaukset."))
        path = "$.registers[0].recipients[0].description"
    report = validate(loads(statement), select=["RK-VAGUE-WORDING"])
    assert [(path, Requirement.CLARITY, Severity.WARNING)] == [(f.path, f.requirement, f.severity)
                                                               for f in report.findings]


@pytest.mark.parametrize("text", [
    "Tilausten käsittely, toimitus ja laskutus.",
    "Asiakassuhteen hoitaminen, muun muassa asiakaspalvelu.",
    "Kundtjänst, t.ex. reklamationer.",
    "Tilausten käsittely; otamme tarvittaessa yhteyttä tilaukseen liittyen.",
    "Tietoja käsitellään, jotta tilaus voidaan toimittaa.",
    "Vi behandlar uppgifterna för att kunna leverera beställningen.",
    "Kuten tässä selosteessa kerrotaan, tilaukset toimitetaan Postin kautta.",
    "We process your order so that we may deliver it.",
])
def test_closed_wording_and_purpose_clauses_are_clear(text: str) -> None:
    """A closed list, and 'voidaan' or 'may' inside a purpose clause, state no discretion."""
    assert [] == _hits("RK-VAGUE-WORDING", CONTROLLER + REGISTER + _purpose(text))


def test_an_authority_may_receive_data_when_needed() -> None:
    """"luovutetaan tarvittaessa viranomaisille": the law, not the shop, decides when."""
    text = _recipients('recipients = [{ category = "Viranomaiset", role = "authority", '
                       'description = "Tietoja luovutetaan tarvittaessa viranomaisille lain perusteella." }]',
                       _purpose("Tilaukset."))
    assert [] == _hits("RK-VAGUE-WORDING", text)


def test_texts_outside_the_closed_lists_are_not_read() -> None:
    """A cookie's purpose or the rights text may use examples: the rule reads the places Art. 13 needs closed."""
    text = (CONTROLLER + REGISTER + _purpose("Tilaukset.")
            + '\n[[cookies]]\nname = "lang"\ncategory = "necessary"\npurpose = "Muistaa esimerkiksi kielen."\n')
    assert [] == _hits("RK-VAGUE-WORDING", text)


def test_the_tuned_statement_that_hedges_its_disclosures_is_unclear() -> None:
    """Tuned pikkuapila: "Tietoja voidaan luovuttaa yhteistyökumppaneillemme", read as unclear."""
    assert ["$.registers[0].recipients[0].description"] == _tuned("pikkuapila", "RK-VAGUE-WORDING")


def test_a_bare_reservation_to_change_the_statement_is_unclear() -> None:
    """Tuned pikkuapila: "Pidätämme oikeuden muuttaa tätä selostetta" with no word of how changes are announced."""
    assert ["$.changes"] == _tuned("pikkuapila", "RK-CHANGES-RESERVATION")
    announced = 'changes = "Pidätämme oikeuden muuttaa selostetta; ilmoitamme muutoksista sähköpostitse."\n'
    assert [] == _hits("RK-CHANGES-RESERVATION", announced + CONTROLLER)


# -- 4. The personal identity code as a customer number --------------------------------------------------------------

def _hetu(description: str, other: str = "") -> str:
    return (CONTROLLER + REGISTER + _purpose("Laskulla maksamisen luottopäätös", "luotto", "credit_check").rstrip("\n")
            + '\ndata_categories = ["hetu"]\n' + other
            + f'\n[[registers.data_categories]]\nkey = "hetu"\nname = "Henkilötunnus"\ndescription = "{description}"\n'
              'personal_identity_code = true\n')


@pytest.mark.parametrize("description", [
    "Henkilötunnusta käytetään asiakasnumerona.",
    "Toimii asiakkaan tunnisteena.",
    "Kanta-asiakkaan tunnistamiseen.",
    "Används som kundnummer.",
    "Used as the customer number.",
])
def test_the_code_as_a_customer_identifier_is_reported_beside_a_credit_check(description: str) -> None:
    """The hold-out pattern: a credit check exists, and the code is also the customer's identifier (29 §)."""
    report = validate(loads(_hetu(description)), select=["RK-PERSONAL-IDENTITY-CODE-IDENTIFIER"])
    assert [("$.registers[0].data_categories[0]", Requirement.SPECIAL_CATEGORIES)] == [
        (f.path, f.requirement) for f in report.findings]


@pytest.mark.parametrize("description", [
    "Vain laskulla maksamisen luottopäätöstä varten.",
    "Asiakkaan tunnistamiseen luottopäätöksessä.",
    "Asiakkaan tunnistamiseen saatavien perinnässä.",
])
def test_the_code_kept_for_the_credit_decision_passes(description: str) -> None:
    """Identifying the applicant for the credit decision is credit granting."""
    assert [] == _hits("RK-PERSONAL-IDENTITY-CODE-IDENTIFIER", _hetu(description))


def test_the_tuned_loyalty_programme_identifies_customers_by_the_code() -> None:
    """Tuned pikkuapila: the code "Kanta-asiakkaan tunnistamiseen"."""
    assert ["$.registers[0].data_categories[1]"] == _tuned("pikkuapila", "RK-PERSONAL-IDENTITY-CODE-IDENTIFIER")


# -- 5. A processor abroad without a transfer mechanism ----------------------------------------------------------------

_SCC = ('transfers = [{ country = "US", recipients = ["Klaviyo"], mechanism = "scc_2021_914", '
        'safeguards_copy = "Pyydä jäljennös.", impact_assessed = true }]')


def test_a_us_processor_left_out_of_the_stated_us_transfer_has_no_mechanism() -> None:
    """The hold-out pattern: an error-monitoring service in the US beside a US newsletter transfer on SCCs; the
    country is disclosed, the mechanism of its transfer is not."""
    text = _recipients('recipients = [{ name = "Klaviyo", country = "US" }, { name = "Sentry", country = "US" }]\n'
                       + _SCC, _purpose("Tilaukset."))
    report = validate(loads(text), select=["RK-TRANSFER-RECIPIENT-MECHANISM", "RK-TRANSFER-UNDISCLOSED"])
    assert [("RK-TRANSFER-RECIPIENT-MECHANISM", "$.registers[0].recipients[1]", Severity.ERROR)] == [
        (f.rule, f.path, f.severity) for f in report.findings]


@pytest.mark.parametrize("transfers", [
    _SCC.replace('["Klaviyo"]', '["Klaviyo", "Sentry"]'),
    'transfers = [{ country = "US", mechanism = "dpf", dpf_certified = true }]',
])
def test_a_recipient_covered_by_name_or_by_a_transfer_for_the_whole_country_passes(transfers: str) -> None:
    """Named among a transfer's recipients, or covered by a transfer that lists none (all US recipients)."""
    text = _recipients('recipients = [{ name = "Klaviyo", country = "US" }, { name = "Sentry", country = "US" }]\n'
                       + transfers, _purpose("Tilaukset."))
    assert [] == _hits("RK-TRANSFER-RECIPIENT-MECHANISM", text)


def test_stated_transfers_that_leave_out_a_provider_group_are_incomplete() -> None:
    """`transfers = []` beside Mailchimp, or a list that names only another provider: say where its data goes."""
    for transfers in ("transfers = []", _SCC):
        text = _recipients('recipients = [{ name = "Mailchimp", role = "processor" }]\n' + transfers,
                           _purpose("Tilaukset."))
        assert ["$.registers[0].recipients[0]"] == _hits("RK-TRANSFERS-INCOMPLETE", text)
    named = _SCC.replace('["Klaviyo"]', '["Klaviyo", "Mailchimp"]')
    assert [] == _hits("RK-TRANSFERS-INCOMPLETE", _recipients(
        'recipients = [{ name = "Mailchimp", role = "processor" }]\n' + named, _purpose("Tilaukset.")))


# -- 6. Retention that ends on a request ---------------------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    "Oppilaiden tiedot poistetaan, kun huoltaja pyytää sitä.",
    "Tiedot säilytetään kunnes huoltaja pyytää niiden poistamista.",
    "Uppgifterna sparas tills du begär att de raderas.",
    "We keep the data until you ask us to delete it.",
])
def test_retention_until_someone_asks_is_open_ended(criteria: str) -> None:
    """The hold-out pattern: learners' data deleted "kun huoltaja pyytää sitä": no period, only a request."""
    text = (CONTROLLER + REGISTER + _purpose("Kurssit.") + '\n[[registers.retention]]\npurposes = ["tilaukset"]\n'
            f'criteria = "{criteria}"\n')
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-UNDEFINED", text)


@pytest.mark.parametrize("criteria", [
    "Tiedot poistetaan kahden vuoden kuluttua kurssin päättymisestä tai aiemmin, jos huoltaja pyytää.",
    "Tietoja säilytetään, kunnes peruutat suostumuksesi.",
    "We keep the data until you unsubscribe.",
])
def test_a_period_beside_the_request_or_the_end_of_consent_is_defined(criteria: str) -> None:
    """A period in the same words, or consent withdrawn (the basis ends), gives the data subject an end."""
    text = (CONTROLLER + REGISTER + _purpose("Kurssit.") + '\n[[registers.retention]]\npurposes = ["tilaukset"]\n'
            f'criteria = "{criteria}"\n')
    assert [] == _hits("RK-RETENTION-UNDEFINED", text)


def test_every_new_rule_has_messages_in_three_languages_and_an_example() -> None:
    """The rules of this module are registered with fi/sv/en messages, an example and its fix."""
    for rule_id in ("RK-EU-REPRESENTATIVE-CONTACT", "RK-RECIPIENTS-CONTRADICTED", "RK-RECIPIENT-UNLISTED",
                    "RK-VAGUE-WORDING", "RK-CHANGES-RESERVATION", "RK-PERSONAL-IDENTITY-CODE-IDENTIFIER",
                    "RK-TRANSFER-RECIPIENT-MECHANISM", "RK-TRANSFERS-INCOMPLETE"):
        rule = REGISTRY[rule_id]
        assert all((rule.message.fi, rule.message.sv, rule.message.en)), rule_id
        assert rule.example is not None, rule_id
        assert rule.fixed is not None, rule_id


# -- Reminders the readers did not expect: fewer, where the law gives no reason ------------------------------------

def test_a_dpo_assessment_is_not_asked_for_profiling_alone() -> None:
    """Tuned pikkuapila: a loyalty club's profiling for offers is no sign of large-scale monitoring."""
    assert [] == _tuned("pikkuapila", "RK-DPO-ASSESS")


def test_a_dpo_assessment_is_not_asked_for_automated_credit_decisions() -> None:
    """Tuned hifi-kellari: its reading agreed with the reminder on automated credit decisions, but four later
    independent readers of the same pattern called it a false alarm; round 10 (issue 21) dropped that trigger (a
    credit check beside a sale is no core activity, WP243), so the agreed reminder is no longer given."""
    report = validate(load(TUNED / "hifi-kellari.toml"), select=["RK-DPO-ASSESS"])
    assert [] == [(f.path, f.severity) for f in report.findings]


def test_health_data_alone_gets_no_dpo_reminder_but_profiled_health_data_does() -> None:
    """A few health questions are not large scale; health data that is also profiled is a sign of 37(1)(c)."""
    health = ('\n[[registers.data_categories]]\nkey = "terveys"\nname = "Terveystiedot"\nspecial = true\n')
    purpose = _purpose("Tunnit.", "tunnit", "order").rstrip("\n") + '\ndata_categories = ["terveys"]\n'
    assert [] == _hits("RK-DPO-ASSESS", CONTROLLER + REGISTER + purpose + health)
    assert ["$.dpo"] == _hits("RK-DPO-ASSESS", CONTROLLER + REGISTER + purpose + "profiling = true\n" + health)


@pytest.mark.parametrize(("name", "expected"), [
    ("Suomen Asiakastieto Oy:n luottotietorekisteri", []),
    ("Maksupalveluntarjoaja", []),
    ("Patentti- ja rekisterihallituksen kaupparekisteri", ["$.registers[0].sources[0]"]),
    ("Yritysten verkkosivut", ["$.registers[0].sources[0]"]),
    ("Offentliga källor", ["$.registers[0].sources[0]"]),
])
def test_whether_a_source_is_public_is_asked_only_of_sources_that_may_be(name: str, expected: list[str]) -> None:
    """14(2)(f) "if applicable": a credit register or a payment service cannot be publicly accessible."""
    text = (CONTROLLER + REGISTER + _purpose("Tilaukset.")
            + f'\n[[registers.sources]]\nkind = "third_party"\nname = "{name}"\n')
    assert expected == _hits("RK-SOURCE-PUBLIC", text)


def test_a_banner_without_withdrawal_is_one_gap_when_the_statement_never_speaks_of_withdrawal() -> None:
    """Tuned kukkapuoti-helmi: no word of withdrawing consent anywhere is RK-WITHDRAW-CONSENT's gap, not a second
    one under cookie consent; where the statement promises withdrawal but the banner offers none, it is."""
    assert [] == _tuned("kukkapuoti-helmi", "RK-COOKIE-WITHDRAW")
    cookies = ('\n[[cookies]]\nname = "_ga"\nprovider = "Google"\ncategory = "statistics"\n'
               '\n[cookie_policy]\nconsent = "opt_in"\nwithdraw = false\n')
    assert ["$.cookie_policy.withdraw"] == _hits("RK-COOKIE-WITHDRAW", CONTROLLER + cookies)
    silent = cookies + '\n[rights]\nwithdraw_consent = false\n'
    assert [] == _hits("RK-COOKIE-WITHDRAW", CONTROLLER + silent)
    assert ["$.rights.withdraw_consent"] == _hits("RK-WITHDRAW-CONSENT", CONTROLLER + silent)


# -- Special categories the statement does not treat as such --------------------------------------------------------

def _category(name: str, description: str = "", condition: str = "") -> str:
    purpose = _purpose("Tilaukset.").rstrip("\n") + '\ndata_categories = ["x"]\n' + condition
    extra = f'description = "{description}"\n' if description else ""
    return CONTROLLER + REGISTER + purpose + f'\n[[registers.data_categories]]\nkey = "x"\nname = "{name}"\n{extra}'


@pytest.mark.parametrize(("name", "description"), [
    ("Ruokavalio ja allergiat", "Ruoka-aineallergiat ja keliakia."),
    ("Terveystiedot", ""),
    ("Hälsouppgifter", "Skador och graviditet."),
    ("Health information", "Injuries relevant to the class."),
])
def test_data_that_reads_as_health_data_needs_a_9_2_condition(name: str, description: str) -> None:
    """Tuned leipomo-vehnapelto: allergies asked with cake orders, treated as ordinary order data."""
    report = validate(loads(_category(name, description)), select=["RK-SPECIAL-CATEGORY-UNMARKED"])
    assert [("$.registers[0].data_categories[0]", Requirement.SPECIAL_CATEGORIES, Severity.WARNING)] == [
        (f.path, f.requirement, f.severity) for f in report.findings]


@pytest.mark.parametrize(("name", "description", "condition"), [
    ("Yhteystiedot", "Nimi ja osoite.", ""),
    ("Kanta-asiakkuus", "Kanta-asiakasuskollisuuden pisteet.", ""),
    ("Lisätiedot", "Emme kerää terveystietoja.", ""),
    ("Allergiat", "", 'special_condition = "explicit_consent"\n'),
])
def test_ordinary_data_negations_and_a_stated_condition_pass(name: str, description: str, condition: str) -> None:
    """No special-category word, a category that says it holds none, or a 9(2) condition already given."""
    assert [] == _hits("RK-SPECIAL-CATEGORY-UNMARKED", _category(name, description, condition))


def test_the_tuned_bakery_is_asked_about_its_allergy_data() -> None:
    """The motivating tuned statement."""
    assert ["$.registers[0].data_categories[2]"] == _tuned("leipomo-vehnapelto", "RK-SPECIAL-CATEGORY-UNMARKED")


# -- A legitimate interest that repeats its purpose -----------------------------------------------------------------

def _interest(description: str, interest: str) -> str:
    return (CONTROLLER + REGISTER + f'\n[[registers.purposes]]\nkey = "m"\ndescription = "{description}"\n'
            f'legal_basis = "legitimate_interests"\nlegitimate_interest = "{interest}"\n')


def test_an_interest_that_repeats_the_purpose_is_generic() -> None:
    """"Markkinointi" as the interest of the purpose "Markkinointi" names no interest (13(1)(d))."""
    assert ["$.registers[0].purposes[0].legitimate_interest"] == _hits(
        "RK-LEGITIMATE-INTEREST-GENERIC", _interest("Markkinointi", "Markkinointi."))


def test_an_interest_that_says_whose_and_why_passes() -> None:
    """A concrete interest differs from the purpose's words."""
    assert [] == _hits("RK-LEGITIMATE-INTEREST-GENERIC", _interest(
        "Markkinointi", "Omien tuotteidemme markkinointi nykyisille asiakkaille postitse."))


# -- Retention "as long as the law requires", with no law named -----------------------------------------------------

def _criteria(criteria: str, extra: str = "") -> str:
    return (CONTROLLER + REGISTER + _purpose("Tilaukset.") + '\n[[registers.retention]]\npurposes = ["tilaukset"]\n'
            f'criteria = "{criteria}"\n{extra}')


@pytest.mark.parametrize("criteria", [
    "Tietoja säilytetään lain edellyttämän ajan.",
    "Tiedot säilytetään lakisääteisen ajan.",
    "Uppgifterna sparas så länge lagen kräver.",
    "We keep the data for the period required by law.",
])
def test_retention_as_the_law_requires_without_the_law_is_vague(criteria: str) -> None:
    """The data subject cannot work out a period from a law the statement does not name (13(2)(a))."""
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _criteria(criteria))


@pytest.mark.parametrize(("criteria", "extra"), [
    ("Säilytämme tiedot kirjanpitolain edellyttämän ajan.", ""),
    ("Uppgifterna sparas enligt bokföringslagen.", ""),
    ("Tietoja säilytetään lain edellyttämän ajan.", 'required_by = "Kirjanpitolaki 1336/1997 2:10"\n'),
])
def test_retention_by_a_named_law_is_a_criterion(criteria: str, extra: str) -> None:
    """The law named in the words or in `required_by` gives the period."""
    assert [] == _hits("RK-RETENTION-VAGUE", _criteria(criteria, extra))


# -- Withdrawal said where the consent is asked ---------------------------------------------------------------------

def _newsletter(description: str) -> str:
    return (CONTROLLER + REGISTER + f'\n[[registers.purposes]]\nkey = "u"\ndescription = "{description}"\n'
            'kind = "newsletter"\nlegal_basis = "consent"\ndirect_marketing = ["email"]\n'
            '\n[rights]\nwithdraw_consent = false\n')


@pytest.mark.parametrize("description", [
    "Uutiskirje. Voit perua tilauksen milloin tahansa viestin lopussa olevasta linkistä.",
    "Nyhetsbrev. Du kan när som helst avregistrera dig.",
    "Newsletter. You can withdraw your consent at any time.",
])
def test_a_newsletter_that_says_it_can_be_cancelled_at_any_time_states_the_withdrawal(description: str) -> None:
    """13(2)(c) answered where the consent is asked: unsubscribing at any time is withdrawing that consent."""
    assert [] == _hits("RK-WITHDRAW-CONSENT", _newsletter(description))


@pytest.mark.parametrize("description", ["Uutiskirje.", "Uutiskirje. Voit perua tilauksen."])
def test_a_newsletter_silent_on_withdrawal_at_any_time_is_a_gap(description: str) -> None:
    """Without "at any time" (or without any word of it) the right is not stated."""
    assert ["$.rights.withdraw_consent"] == _hits("RK-WITHDRAW-CONSENT", _newsletter(description))


# -- A shop name that reads like a person's ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Vintage Kulta", "Nordic Koti", "Retro Aitta"])
def test_a_shop_name_of_two_capitalised_words_is_no_persons_name(name: str) -> None:
    """The first hold-out's class still missed: "Vintage Kulta" reads as first and last names but is a shop."""
    assert ["$.controller.name"] == _hits("RK-CONTROLLER-LEGAL-NAME", f'[controller]\nname = "{name}"\n'
                                                                      'email = "myynti@example.fi"\n')


@pytest.mark.parametrize("name", ["Anna Virtanen", "Matti Kellarinen", "Liisa Hopeanen", "Ebba von Hertzen"])
def test_a_persons_name_still_identifies_a_private_trader(name: str) -> None:
    """Words that only begin or end like a shop word are names."""
    assert [] == _hits("RK-CONTROLLER-LEGAL-NAME", f'[controller]\nname = "{name}"\nemail = "myynti@example.fi"\n')


def test_a_us_cookie_left_out_of_the_stated_us_transfer_has_no_mechanism() -> None:
    """Tuned fjord-textiles: Google Analytics declared as going to the US beside a US transfer for Klaviyo only."""
    assert ["$.cookies[0]"] == _tuned("fjord-textiles", "RK-TRANSFER-RECIPIENT-MECHANISM")
    cookie = ('\n[[cookies]]\nname = "_ga"\nprovider = "Google LLC"\ncategory = "statistics"\ncountry = "US"\n'
              'purpose = "Tilastot."\nduration = "P13M"\nparty = "third"\n')
    covered = _recipients('recipients = [{ name = "Klaviyo", country = "US" }]\n'
                          + _SCC.replace('["Klaviyo"]', '["Klaviyo", "Google LLC"]'), _purpose("Tilaukset.")) + cookie
    assert [] == _hits("RK-TRANSFER-RECIPIENT-MECHANISM", covered)


@pytest.mark.parametrize(("start", "expected"), [
    ("consent_withdrawal", []), ("objection", []), ("order", ["$.registers[0].purposes[0]"]),
])
def test_retention_until_consent_is_withdrawn_is_a_criterion(start: str, expected: list[str]) -> None:
    """A rule with no period that runs until the basis ends (consent withdrawn, an objection) gives the data subject
    the end; a start event with no period and nothing else gives nothing."""
    text = (CONTROLLER + REGISTER + _purpose("Uutiskirje.") + '\n[[registers.retention]]\npurposes = ["tilaukset"]\n'
            f'start = "{start}"\n')
    assert expected == _hits("RK-RETENTION", text)


def test_the_register_description_is_read_for_hedges_not_for_lists_of_data_subjects() -> None:
    """"Rekisteriin kuuluvat asiakkaat, kuten kanta-asiakkaat" says whose data it is; "voidaan käyttää" still hedges."""
    listed = (CONTROLLER + REGISTER.rstrip("\n") + '\ndescription = "Asiakkaat, kuten kanta-asiakkaat ja uutiskirjeen '
              'tilaajat."\n' + _purpose("Tilaukset."))
    assert [] == _hits("RK-VAGUE-WORDING", listed)
    hedged = (CONTROLLER + REGISTER.rstrip("\n") + '\ndescription = "Rekisterin tietoja voidaan käyttää myös '
              'markkinointiin."\n' + _purpose("Tilaukset."))
    assert ["$.registers[0].description"] == _hits("RK-VAGUE-WORDING", hedged)


@pytest.mark.parametrize("criteria", [
    "Tiedot poistetaan vuoden kuluttua viimeisestä ostosta tai aiemmin, jos asiakas pyytää.",
    "Tilaajan tiedot säilytetään, kunnes hän pyytää poistamaan ne postituslistalta.",
    "We keep your e-mail address until you ask us to stop sending the newsletter.",
])
def test_a_request_beside_a_unit_of_time_or_ending_a_mailing_list_is_no_open_retention(criteria: str) -> None:
    """A period in the words ("vuoden kuluttua") is shortened by the request, not replaced; leaving a mailing list is
    withdrawing consent."""
    text = (CONTROLLER + REGISTER + _purpose("Kurssit.") + '\n[[registers.retention]]\npurposes = ["tilaukset"]\n'
            f'criteria = "{criteria}"\n')
    assert [] == _hits("RK-RETENTION-UNDEFINED", text)


def test_a_controller_outside_the_eea_is_not_asked_for_its_recipients_mechanisms() -> None:
    """A UK shop's onward transfers: what it owes is not read by the recipient-mechanism rules."""
    text = ('[controller]\nname = "Highland Wool Ltd"\ncountry = "GB"\nemail = "hello@wool.example"\n'
            + REGISTER.rstrip("\n")
            + '\nrecipients = [{ name = "Klaviyo", country = "US" }, { name = "Sentry", country = "US" }]\n' + _SCC
            + "\n" + _purpose("Orders."))
    assert [] == _hits("RK-TRANSFER-RECIPIENT-MECHANISM", text)


def test_a_request_beside_a_relationship_whose_end_is_defined_is_no_open_retention() -> None:
    """"asiakassuhteen ajan tai kunnes asiakas pyytää" with the end of the relationship defined elsewhere: the request
    only shortens a defined period."""
    category = ('\n[[registers.data_categories]]\nkey = "asiakkuus"\nname = "Asiakkuus"\n'
                'description = "Asiakkuus päättyy, kun viimeisestä ostosta on kulunut kaksi vuotta."\n')
    text = (CONTROLLER + REGISTER + category + _purpose("Tilaukset.") + '\n[[registers.retention]]\n'
            'purposes = ["tilaukset"]\ncriteria = "Tiedot säilytetään asiakassuhteen ajan tai kunnes asiakas pyytää '
            'niiden poistamista."\n')
    assert [] == _hits("RK-RETENTION-UNDEFINED", text)


def test_a_category_that_lists_the_code_beside_a_customer_number_does_not_use_it_as_one() -> None:
    """"Henkilötunnus ja asiakasnumero" names two items; only "asiakasnumerona" (as the number) is the misuse."""
    assert [] == _hits("RK-PERSONAL-IDENTITY-CODE-IDENTIFIER", _hetu("Henkilötunnus ja asiakasnumero."))

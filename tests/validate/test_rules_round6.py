"""The sixth tuning round (issue 21): the classes of error of the eighth and ninth hold-outs, each with statements a
data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-COMPLAINT-OTHER-STATE: complaints sent only to another state's (or Åland's public) authority ----------


def _complaint(text: str, controller: str = CONTROLLER) -> str:
    return controller + REGISTER + ORDERS + f'\n[rights]\ncomplaint_text = "{text}"\n'


@pytest.mark.parametrize("text", [
    "Du har rätt att lämna in ett klagomål till Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm.",
    "Du har rätt att lämna klagomål till Datainspektionen på Åland.",
    "You may lodge a complaint with the Norwegian Datatilsynet.",
    "Voit tehdä valituksen Ruotsin Integritetsskyddsmyndighetille.",
    "Vous pouvez introduire une réclamation auprès de la CNIL.",
])
def test_a_complaint_sent_only_to_another_states_authority_is_reported(text: str) -> None:
    assert ["$.rights.complaint_text"] == _hits("RK-COMPLAINT-OTHER-STATE", _complaint(text))


@pytest.mark.parametrize("text", [
    "Voit tehdä valituksen tietosuojavaltuutetulle (tietosuoja.fi).",
    "Du kan klaga hos dataombudsmannen eller hos Integritetsskyddsmyndigheten om du bor i Sverige.",
    "You may complain to the supervisory authority of the Member State where you live, e.g. the Swedish IMY.",
    "Du kan lämna in klagomål till tillsynsmyndigheten i det land där du bor, t.ex. Datatilsynet i Norge.",
    "You may complain to the Data Protection Ombudsman (tietosuoja.fi) or Datainspektionen on Åland.",
    "Klagomål lämnas till tillsynsmyndigheten.",
])
def test_the_finnish_authority_or_the_state_of_residence_is_not_reported(text: str) -> None:
    assert [] == _hits("RK-COMPLAINT-OTHER-STATE", _complaint(text))


def test_a_controller_established_in_sweden_may_name_imy() -> None:
    swedish = CONTROLLER + 'country = "SE"\n'
    text = "Du har rätt att lämna in ett klagomål till Integritetsskyddsmyndigheten (IMY)."
    assert [] == _hits("RK-COMPLAINT-OTHER-STATE", _complaint(text, swedish))


def test_a_complaint_outside_the_eea_is_left_to_rk_complaint_non_eea() -> None:
    text = "You can complain to the Information Commissioner's Office (ico.org.uk)."
    assert [] == _hits("RK-COMPLAINT-OTHER-STATE", _complaint(text))


# -- RK-VAGUE-WORDING: a category illustrated in brackets, examples of goods offered -------------------------


def _category(name: str) -> str:
    return CONTROLLER + REGISTER + ORDERS + f'\n[[registers.data_categories]]\nkey = "k"\nname = "{name}"\n'


def _purpose(description: str) -> str:
    return CONTROLLER + REGISTER + ('\n[[registers.purposes]]\nkey = "p"\n'
                                    f'description = "{description}"\nlegal_basis = "contract"\n')


@pytest.mark.parametrize("name", [
    "Ratsastusturvallisuuteen vaikuttavat terveystiedot (esim. epilepsia, diabetes, allergiat)",
    "Simkunnighet och hälsotillstånd som påverkar säkerheten ombord (t.ex. hjärtsjukdom, epilepsi)",
    "Health conditions affecting safety on board (e.g. heart disease, epilepsy, seasickness)",
    "Yhteystiedot (kuten nimi, osoite ja puhelinnumero)",
])
def test_a_category_illustrated_in_brackets_is_clear(name: str) -> None:
    assert [] == _hits("RK-VAGUE-WORDING", _category(name))


@pytest.mark.parametrize("name", [
    "Muut tiedot (esim. harrastukset)",
    "Other data (e.g. hobbies)",
    "Tiedot, kuten nimi, osoite yms.",
    "Kontaktuppgifter, t.ex. namn och adress",
])
def test_an_open_category_or_an_open_list_of_data_is_still_reported(name: str) -> None:
    assert ["$.registers[0].data_categories[0].name"] == _hits("RK-VAGUE-WORDING", _category(name))


@pytest.mark.parametrize("description", [
    "Lähetämme tarjouksia. Tarjoukset voivat koskea myös yhteistyökumppaneidemme tuotteita ja palveluita, kuten "
    "lemmikkivakuutuksia.",
    "We send offers, which may also cover our partners' products and services, such as pet insurance.",
    "Vi skickar erbjudanden som kan gälla våra samarbetspartners produkter, till exempel försäkringar.",
])
def test_examples_of_goods_offered_are_clear(description: str) -> None:
    assert [] == _hits("RK-VAGUE-WORDING", _purpose(description))


@pytest.mark.parametrize("description", [
    "Markkinointi. Tietoja luovutetaan esimerkiksi yhteistyökumppaneille.",
    "Marketing. Data is shared with partners such as advertisers.",
])
def test_examples_of_recipients_in_a_purpose_are_still_reported(description: str) -> None:
    assert ["$.registers[0].purposes[0].description"] == _hits("RK-VAGUE-WORDING", _purpose(description))


# -- RK-RETENTION-VAGUE: kept "when needed" -------------------------------------------------------------------


def _kept(criteria: str) -> str:
    return CONTROLLER + REGISTER + ORDERS + f'\n[[registers.retention]]\ncriteria = "{criteria}"\n'


@pytest.mark.parametrize("criteria", [
    "Tallenteita säilytetään tarvittaessa.",
    "Inspelningarna sparas vid behov.",
    "Recordings are kept as needed.",
])
def test_kept_when_needed_is_vague(criteria: str) -> None:
    assert ["$.registers[0].retention[0]"] == _hits("RK-RETENTION-VAGUE", _kept(criteria))


@pytest.mark.parametrize("criteria", [
    "Tallenteet poistetaan 7 päivän kuluttua, tarvittaessa ne säilytetään vahingon selvittämisen ajan.",
    "Recordings are deleted after 72 hours; if necessary, kept until the claim is settled, at most 6 months.",
    "Tallenteet luovutetaan tarvittaessa poliisille ja poistetaan, kun asiakassuhde päättyy.",
])
def test_a_period_extended_when_needed_is_not_vague(criteria: str) -> None:
    assert [] == _hits("RK-RETENTION-VAGUE", _kept(criteria))


# -- RK-PERSONAL-IDENTITY-CODE: the code bundled in a category that a purpose with a 29 § ground names ----------

_BUNDLED = CONTROLLER + REGISTER + '''
[[registers.data_categories]]
key = "henkilo"
name = "{name}"
personal_identity_code = true

[[registers.purposes]]
key = "koulutus"
kind = "order"
description = "{order}"
legal_basis = "contract"
data_categories = ["henkilo"]

[[registers.purposes]]
key = "suoritukset"
kind = "other"
description = "Suoritetun opetuksen merkitseminen ajokorttirekisteriin."
legal_basis = "{basis}"
data_categories = ["henkilo"]
'''


def test_a_code_bundled_with_contact_data_serves_the_purpose_with_a_ground() -> None:
    text = _BUNDLED.format(name="Oppilaan nimi, henkilötunnus, osoite ja puhelin",
                           order="Ilmoittautuminen ja ajotuntien varaaminen", basis="legal_obligation")
    assert [] == _hits("RK-PERSONAL-IDENTITY-CODE", text)


@pytest.mark.parametrize(("name", "order", "basis"), [
    # no other purpose has a ground
    ("Oppilaan nimi, henkilötunnus, osoite ja puhelin", "Ilmoittautuminen", "contract"),
    # the code alone in its category
    ("Henkilötunnus", "Ilmoittautuminen", "legal_obligation"),
    # the order purpose itself says it uses the code
    ("Oppilaan nimi, henkilötunnus ja osoite", "Ilmoittautuminen; tunnistamme oppilaan henkilötunnuksella",
     "legal_obligation"),
])
def test_the_code_in_an_order_purpose_is_still_reported(name: str, order: str, basis: str) -> None:
    assert "$.registers[0].purposes[0]" in _hits("RK-PERSONAL-IDENTITY-CODE", _BUNDLED.format(
        name=name, order=order, basis=basis))


# -- RK-OUTDATED-TERM: "Rekisteriseloste" as the title alone -----------------------------------------------------


@pytest.mark.parametrize("title", ["Rekisteriseloste", "Registerbeskrivning",
                                   '{ fi = "Rekisteriseloste", sv = "Registerbeskrivning" }'])
def test_the_old_title_alone_cites_no_repealed_law(title: str) -> None:
    value = title if title.startswith("{") else f'"{title}"'
    text = ('languages = ["fi", "sv"]\n' if title.startswith("{") else "") + f"title = {value}\n" + CONTROLLER
    assert [] == _hits("RK-OUTDATED-TERM", text)


@pytest.mark.parametrize("text", [
    'title = "Rekisteriseloste"\ncites = ["Henkilötietolaki (523/1999) 10 §"]\n' + CONTROLLER,
    'intro = "Tämä rekisteriseloste kertoo, miten käsittelemme tietojasi."\n' + CONTROLLER,
    'title = "Tietosuojaseloste"\nintro = "Tarkastusoikeus: voit pyytää tietosi."\n' + CONTROLLER,
])
def test_the_old_term_beside_repealed_law_or_in_the_body_is_still_reported(text: str) -> None:
    assert _hits("RK-OUTDATED-TERM", text)


# -- RK-CHANGES-NEW-PURPOSE: material changes announced before they take effect ----------------------------------


@pytest.mark.parametrize("changes", [
    "Ilmoitamme olennaisista muutoksista asiakkaillemme sähköpostitse ennen kuin ne tulevat voimaan.",
    "Vi meddelar väsentliga ändringar per e-post innan de träder i kraft.",
    "We tell you about material changes by e-mail before they take effect.",
])
def test_material_changes_announced_first_cover_a_new_purpose(changes: str) -> None:
    assert [] == _hits("RK-CHANGES-NEW-PURPOSE", f'changes = "{changes}"\n' + CONTROLLER)


@pytest.mark.parametrize("changes", [
    "Päivitämme selostetta tarvittaessa.",
    "Olennaisista muutoksista kerrotaan tällä sivulla.",
    "We may update this notice; material changes are posted here.",
])
def test_changes_not_announced_before_still_get_the_reminder(changes: str) -> None:
    assert ["$.changes"] == _hits("RK-CHANGES-NEW-PURPOSE", f'changes = "{changes}"\n' + CONTROLLER)


# -- RK-RECIPIENTS-SECURITY-PROVIDER: "no recipients", but the register is kept in a company's system --------------


def _kept_by(security: str, recipients: str = "recipients = []") -> str:
    return (CONTROLLER + REGISTER.rstrip("\n") + f'\n{recipients}\nsecurity = "{security}"\n' + ORDERS)


@pytest.mark.parametrize("security", [
    "Rekisteri on tallennettu ajanvarausjärjestelmään (Ajanvaraus Kampa Oy), johon on pääsy vain salasanalla.",
    "Registret lagras i bokningssystemet hos Bokningstjänst Norden Ab.",
    "The register is hosted by Example Cloud Ltd on servers in Finland.",
])
def test_a_company_keeping_the_register_is_a_recipient(security: str) -> None:
    assert ["$.registers[0].security"] == _hits("RK-RECIPIENTS-SECURITY-PROVIDER", _kept_by(security))


@pytest.mark.parametrize(("security", "recipients"), [
    ("Paperiset asiakaskortit säilytetään lukitussa kaapissa.", "recipients = []"),
    ("Rekisteri on tallennettu omalle palvelimellemme, johon on pääsy vain salasanalla.", "recipients = []"),
    ("Rekisteri on tallennettu ajanvarausjärjestelmään (Ajanvaraus Kampa Oy).",
     'recipients = [{ name = "Ajanvaraus Kampa Oy", role = "processor" }]'),
    ("Rekisteri on tallennettu Esimerkki Oy:n omaan järjestelmään.", "recipients = []"),
])
def test_own_systems_listed_processors_and_the_controller_pass(security: str, recipients: str) -> None:
    assert [] == _hits("RK-RECIPIENTS-SECURITY-PROVIDER", _kept_by(security, recipients))


# -- RK-VAGUE-WORDING: data that "may be transferred" outside the EU, with no transfer stated ----------------------


def _rights_text(text: str, transfers: str = "") -> str:
    return CONTROLLER + REGISTER.rstrip("\n") + transfers + "\n" + ORDERS + f'\n[rights]\ntext = "{text}"\n'


@pytest.mark.parametrize("text", [
    "Henkilötietoja voidaan siirtää EU:n tai ETA-alueen ulkopuolelle henkilötietolain mukaisesti asiakkaan pyytäessä.",
    "Uppgifterna kan överföras utanför EU/EES om kunden begär det.",
    "Personal data may be transferred outside the EU/EEA in accordance with the law.",
])
def test_a_hedged_transfer_with_no_transfer_stated_is_unclear(text: str) -> None:
    assert ["$.rights.text"] == _hits("RK-VAGUE-WORDING", _rights_text(text))


@pytest.mark.parametrize(("text", "transfers"), [
    ("Tietoja ei siirretä EU:n tai ETA-alueen ulkopuolelle.", ""),
    ("Personal data may be transferred outside the EU/EEA to our newsletter service.",
     '\ntransfers = [{ country = "US", recipients = ["Mailchimp"], mechanism = "dpf" }]'),
])
def test_no_transfer_or_a_stated_transfer_is_not_reported(text: str, transfers: str) -> None:
    assert [] == _hits("RK-VAGUE-WORDING", _rights_text(text, transfers))


# -- RK-RETENTION / RK-RETENTION-PURPOSE: nothing kept-for stated (error) or one purpose left out (warning) ------

_TWO_PURPOSES = CONTROLLER + REGISTER + ORDERS + '''
[[registers.purposes]]
key = "kamera"
kind = "security"
description = "Kameravalvonta"
legal_basis = "legitimate_interests"
legitimate_interest = "Myymälän turvallisuus"
'''
_ORDERS_KEPT = '\n[[registers.retention]]\npurposes = ["tilaukset"]\nperiod = "P3Y"\nstart = "order"\n'


def test_a_register_with_no_period_at_all_is_an_error_for_every_purpose() -> None:
    assert ["$.registers[0].purposes[0]", "$.registers[0].purposes[1]"] == _hits("RK-RETENTION", _TWO_PURPOSES)
    assert [] == _hits("RK-RETENTION-PURPOSE", _TWO_PURPOSES)


def test_a_purpose_left_out_beside_a_stated_period_is_a_warning() -> None:
    text = _TWO_PURPOSES + _ORDERS_KEPT
    assert [] == _hits("RK-RETENTION", text)
    assert ["$.registers[0].purposes[1]"] == _hits("RK-RETENTION-PURPOSE", text)


def test_every_purpose_kept_for_a_period_is_reported_by_neither() -> None:
    text = (_TWO_PURPOSES + _ORDERS_KEPT
            + '\n[[registers.retention]]\npurposes = ["kamera"]\nperiod = "P7D"\nstart = "collection"\n')
    assert [] == _hits("RK-RETENTION", text) == _hits("RK-RETENTION-PURPOSE", text)

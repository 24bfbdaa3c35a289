"""Issue 21, round 5, real statements: the classes of error `check` showed on eight real published statements,
modelled. Each class has statements written for these tests (fictional shops, our own words) that the rule must
report beside ones a data-protection lawyer reads as correct, in Finnish, Swedish and English."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-VAGUE-WORDING: an example that explains a value or gives the channels of a closed source ---------------------

_CATEGORY = CONTROLLER + REGISTER + ORDERS + '''
[[registers.data_categories]]
key = "tila"
name = "{name}"
'''

_SOURCE = CONTROLLER + REGISTER + ORDERS + '''
[[registers.sources]]
kind = "{kind}"
description = "{description}"
'''


@pytest.mark.parametrize("name", [
    "Tilauksen tila (voimassa / peruttu / poistettu esimerkiksi virheellisen osoitteen vuoksi)",
    "Jäsenyyden tila (aktiivinen tai päättynyt esim. maksamattoman jäsenmaksun takia)",
    "Prenumerationens status (aktiv / avslutad till exempel på grund av en felaktig adress)",
    "Subscription status (active / ended, for example because the address no longer works)",
])
def test_an_example_that_gives_a_reason_is_not_an_open_list(name: str) -> None:
    """An example of why a value is set ("esimerkiksi virheellisen osoitteen vuoksi") leaves no data open."""
    assert _hits("RK-VAGUE-WORDING", _CATEGORY.format(name=name)) == []


@pytest.mark.parametrize("name", [
    "Yhteystiedot, esimerkiksi nimi ja osoite",
    "Kontaktuppgifter, till exempel namn och adress",
    "Contact details, for example name and address",
])
def test_an_open_list_of_data_is_still_reported(name: str) -> None:
    """Examples of the data themselves are still an open list of data categories (13(1)(c)-(e), 14(1)(d))."""
    assert _hits("RK-VAGUE-WORDING", _CATEGORY.format(name=name)) == ["$.registers[0].data_categories[0].name"]


@pytest.mark.parametrize("description", [
    "Asiakkaalta itseltään, esimerkiksi verkkolomakkeen, sähköpostin tai puhelimen kautta.",
    "Från kunden själv, till exempel via webbformulär, e-post eller telefon.",
    "From the customers themselves, for example through the web form, e-mail or phone calls.",
])
def test_channels_of_the_data_subject_are_not_an_open_list_of_sources(description: str) -> None:
    """The source is the person; examples of how they give the data leave no source open (14(2)(f))."""
    assert _hits("RK-VAGUE-WORDING", _SOURCE.format(kind="data_subject", description=description)) == []


@pytest.mark.parametrize("description", [
    "Esimerkiksi yhteistyökumppaneiden kautta.",
    "Till exempel via samarbetspartner och offentliga register.",
    "For example through partners and public registers.",
])
def test_an_open_list_of_other_sources_is_still_reported(description: str) -> None:
    """From third parties, examples of who gives the data leave the sources open."""
    assert _hits("RK-VAGUE-WORDING", _SOURCE.format(kind="third_party", description=description)) == [
        "$.registers[0].sources[0].description"]


# -- RK-COOKIE-CONSENT: a tracking tool named only in the cookie notice's text ---------------------------------------

_NOTICE = CONTROLLER + REGISTER + ORDERS + '''
[cookie_policy]
consent = "{consent}"
reject_first_layer = false
withdraw = false
text = "{text}"
'''


@pytest.mark.parametrize("text", [
    "Sivustomme käyttää evästeitä ja seuraa kävijöiden liikkumista Google Analyticsilla. Tiedot ovat nimettömiä.",
    "Webbplatsen använder kakor och Facebook-pixeln för att mäta våra annonser.",
    "This site uses cookies, and Hotjar records how visitors move on the pages. The data is anonymous.",
])
def test_a_tracking_tool_named_in_a_notice_only_policy_needs_consent(text: str) -> None:
    """A notice that names Google Analytics, a pixel or Hotjar, with no cookie declared and no consent asked, is
    reported: 917/2014 205 § asks consent whatever the cookie names (and whether or not the data is anonymous)."""
    statement = _NOTICE.format(consent="notice_only", text=text)
    assert _hits("RK-COOKIE-CONSENT", statement) == ["$.cookie_policy.consent"]
    assert _hits("RK-COOKIE-REJECT", statement) == ["$.cookie_policy.reject_first_layer"]
    # No consent is asked, so there is none to withdraw: the one gap is the consent (hold-out D read so).
    assert _hits("RK-COOKIE-WITHDRAW", statement) == []
    assert _hits("RK-WITHDRAW-CONSENT", statement) == []


@pytest.mark.parametrize("text", [
    "Käytämme vain välttämättömiä evästeitä ostoskorin toimintaan. Emme käytä Google Analyticsia.",
    "Vi använder bara nödvändiga kakor för kundvagnen; vi använder inte Hotjar eller liknande verktyg.",
    "We use only the cookies the shopping cart needs. We do not use Google Analytics or any pixel.",
    "Sivusto käyttää evästeitä ostoskorin toimintaan. Seuraa meitä Facebookissa ja TikTokissa!",
])
def test_a_notice_without_a_tracking_tool_or_denying_one_asks_nothing(text: str) -> None:
    """A notice that names no tracking tool, or says the shop does not use one, is no evidence of tracking."""
    assert _hits("RK-COOKIE-CONSENT", _NOTICE.format(consent="notice_only", text=text)) == []


def test_a_tracking_tool_behind_opt_in_consent_passes() -> None:
    """Google Analytics named in the notice behind an opt-in consent with a reject choice is in order."""
    statement = _NOTICE.format(consent="opt_in", text="Käytämme Google Analyticsia, jos hyväksyt tilastoevästeet.")
    statement = statement.replace("reject_first_layer = false", "reject_first_layer = true")
    assert _hits("RK-COOKIE-CONSENT", statement) == []
    assert _hits("RK-COOKIE-REJECT", statement) == []


# -- RK-LEGITIMATE-INTEREST-GENERIC: a placeholder interest -----------------------------------------------------------

_INTEREST = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "asiakkuus"
description = "Asiakassuhteen ylläpito ja seuranta"
legal_basis = "legitimate_interests"
legitimate_interest = "{interest}"
'''


@pytest.mark.parametrize("interest", [
    "esim. asiakassuhde",
    "Esimerkiksi asiakassuhteen hoitaminen",
    "Asiakassuhde tms.",
    "till exempel kundförhållandet",
    "Kundförhållande",
    "e.g. customer relationship",
    "Customer relationship.",
    "Keeping in touch with customers or similar",
])
def test_a_placeholder_interest_is_generic(interest: str) -> None:
    """An interest given only as an example ("esim.", "e.g."), left open ("tms.", "or similar") or named only as
    the customer relationship does not say which interest the processing rests on (13(1)(d))."""
    assert _hits("RK-LEGITIMATE-INTEREST-GENERIC", _INTEREST.format(interest=interest)) == [
        "$.registers[0].purposes[0].legitimate_interest"]


@pytest.mark.parametrize("interest", [
    "Asiakassuhteen hoitaminen: muistutamme huolloista ja vastaamme takuukysymyksiin",
    "Att påminna kunderna om service och svara på garantifrågor",
    "Reminding customers of servicing and answering warranty questions, e.g. about spare parts",
])
def test_a_concrete_interest_with_or_without_an_example_passes(interest: str) -> None:
    """A concrete interest passes, even with an example inside it."""
    assert _hits("RK-LEGITIMATE-INTEREST-GENERIC", _INTEREST.format(interest=interest)) == []


# -- RK-RECIPIENTS-VAGUE: partners qualified only by whose they are ------------------------------------------------

_RECIPIENT = CONTROLLER + REGISTER + ORDERS + '''
[[registers.recipients]]
category = "{category}"
description = "{description}"
'''


@pytest.mark.parametrize(("category", "description"), [
    ("Asiakkaan ja Esimerkki Oy:n yhteiset yhteistyökumppanit",
     "Asiakkaan suostumuksella, tilattujen tuotteiden ja palvelujen toimittamiseksi."),
    ("Yhteiset kumppanimme", "Tilattujen palvelujen toimittamiseksi."),
    ("Kundens och Exempel Ab:s gemensamma samarbetspartner",
     "För att leverera de beställda produkterna och tjänsterna."),
    ("Partners shared by the customer and Example Ltd", "To deliver the products and services ordered."),
    ("Our common partners", "For handling the order."),
])
def test_partners_qualified_by_whose_they_are_are_vague(category: str, description: str) -> None:
    """Saying whose partners they are, or that they deliver whatever was ordered, names no kind of recipient
    (13(1)(e); WP260)."""
    assert _hits("RK-RECIPIENTS-VAGUE", _RECIPIENT.format(category=category, description=description)) == [
        "$.registers[0].recipients[0].category"]


@pytest.mark.parametrize(("category", "description"), [
    ("Asiakkaan ja Esimerkki Oy:n yhteiset yhteistyökumppanit", "Kuljetusliikkeet tilausten toimittamiseksi."),
    ("Yhteistyökumppanit", "Tilattujen tuotteiden toimittamiseksi."),
    ("Logistiikka- ja maksupalvelukumppanit", "Tilausten toimitus ja maksaminen."),
    ("Gemensamma samarbetspartner", "Betaltjänster för att hantera betalningen."),
    ("Partners shared by the customer and us", "Payment services that handle the payment."),
])
def test_partners_with_their_kind_pass(category: str, description: str) -> None:
    """Partners whose kind is given (carriers, payment services, delivery of the goods) pass."""
    assert _hits("RK-RECIPIENTS-VAGUE", _RECIPIENT.format(category=category, description=description)) == []

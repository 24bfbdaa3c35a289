"""Classes of error behind the differences of hold-out J (issue 21, round 7): each class with statements in our own
words that show it, and ones that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


# ------------------------------------------------------------- withdrawal where cookies are accepted by use

_COOKIES_BY_USE_NEWSLETTER_WITHDRAWAL = {
    "fi": ("# Uutiskirje\n\nUutiskirje lähetetään suostumuksellasi, ja voit perua suostumuksesi milloin tahansa.\n\n"
           "# Evästeet\n\nKäytämme Google Analyticsia. Käyttämällä sivustoa hyväksyt evästeiden käytön.\n"),
    "sv": ("# Nyhetsbrev\n\nNyhetsbrevet skickas med ditt samtycke, som du när som helst kan återkalla.\n\n"
           "# Kakor\n\nVi använder statistikkakor från Google Analytics. Genom att använda webbplatsen godkänner du "
           "kakor.\n"),
    "en": ("# Newsletter\n\nWe send the newsletter with your consent, which you can withdraw at any time.\n\n"
           "# Cookies\n\nWe use Google Analytics. By using this site you accept our cookies.\n"),
}

_COOKIES_BY_USE_NO_WITHDRAWAL = {
    "fi": "# Evästeet\n\nKäytämme Google Analyticsia. Käyttämällä sivustoa hyväksyt evästeiden käytön.\n",
    "sv": ("# Kakor\n\nVi använder statistikkakor från Google Analytics. Genom att använda webbplatsen godkänner du "
           "kakor.\n"),
    "en": "# Cookies\n\nWe use Google Analytics. By using this site you accept our cookies.\n",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_cookies_accepted_by_use_beside_an_explained_withdrawal_miss_only_the_consent(lang: str) -> None:
    """Cookies "accepted" by using the site lack a valid consent (cookie_consent); the withdrawal of consent that
    the text explains for its newsletter is the 13(2)(c) item, as the independent hold-out readers read it."""
    result = _lint(_COOKIES_BY_USE_NEWSLETTER_WITHDRAWAL[lang], lang, "md")
    assert (Outcome.MISSING, Outcome.PROVIDED) == (result.outcome(R.COOKIE_CONSENT),
                                                   result.outcome(R.WITHDRAW_CONSENT))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_cookies_accepted_by_use_with_no_withdrawal_anywhere_miss_both(lang: str) -> None:
    """With no word on withdrawing any consent, the withdrawal is missing too."""
    result = _lint(_COOKIES_BY_USE_NO_WITHDRAWAL[lang], lang, "md")
    assert (Outcome.MISSING, Outcome.MISSING) == (result.outcome(R.COOKIE_CONSENT),
                                                  result.outcome(R.WITHDRAW_CONSENT))


_ALL_ON_CONSENT_BY_USE = {
    "fi": ("Käyttämällä sivustoa tai tekemällä tilauksen hyväksyt henkilötietojesi käsittelyn tämän selosteen "
           "mukaisesti.\n\nVoit lopettaa uutiskirjeen tilauksen jokaisen viestin lopussa olevasta linkistä.\n"),
    "sv": ("Genom att använda webbplatsen eller lägga en beställning samtycker du till behandlingen av dina "
           "personuppgifter.\n\nDu kan avregistrera dig från nyhetsbrevet via länken i varje brev.\n"),
    "en": ("By using our website or placing an order you consent to the processing of your personal data as "
           "described here.\n\nYou can unsubscribe from the newsletter with the link in every message.\n"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_all_processing_on_consent_by_use_needs_more_than_the_newsletter_unsubscribe(lang: str) -> None:
    """A text that rests all processing on consent given by using the site or ordering must say that consent can
    be withdrawn; leaving the newsletter withdraws only the newsletter's."""
    result = _lint(_ALL_ON_CONSENT_BY_USE[lang], lang)
    assert Outcome.MISSING is result.outcome(R.WITHDRAW_CONSENT)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_newsletter_unsubscribe_alone_withdraws_the_newsletter_consent(lang: str) -> None:
    """Without a blanket consent, unsubscribing from a newsletter on consent is its withdrawal."""
    text = _ALL_ON_CONSENT_BY_USE[lang].split("\n\n", 1)[1]
    text = {"fi": "Uutiskirje lähetetään suostumuksellasi. ", "sv": "Nyhetsbrevet skickas med ditt samtycke. ",
            "en": "We send the newsletter with your consent. "}[lang] + text
    result = _lint(text, lang)
    assert Outcome.PROVIDED is result.outcome(R.WITHDRAW_CONSENT)


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Asiakas voi itse muuttaa osoitettaan sekä tilata tai perua uutiskirjeen.\n\n"
           "# Evästeet\n\nEvästeillä seuraamme kävijäliikennettä Google Analyticsilla.\n"),
    ("en", "Customers can edit their address and subscribe or unsubscribe from the newsletter in their account.\n\n"
           "# Cookies\n\nWe track visitors with Google Analytics cookies.\n"),
])
def test_a_newsletter_feature_states_no_right_to_withdraw_cookie_consent(lang: str, text: str) -> None:
    """Cancelling the newsletter named among the account's features (no consent, no "at any time", no link in every
    message) states no right to withdraw a consent, and the tracking cookies need one."""
    result = _lint(text, lang, "md")
    assert Outcome.MISSING is result.outcome(R.WITHDRAW_CONSENT)


# ------------------------------------------------------------- cookie details: own server, days, a linked policy

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "# Evästeet\n\nKäytämme ostoskorin evästettä wp_woocommerce_session (2 vrk) ja, jos hyväksyt, oman "
           "palvelimen Matomo-tilastoevästettä _pk_id (13 kk). Tilastoeväste asetetaan vasta, kun valitset "
           "\"Hyväksy\".\n"),
    ("en", "# Cookies\n\nStatistics cookies are used only if you accept them in the banner. Our cookie policy "
           "tells the name of every cookie, its purpose, who sets it and how long it stays.\n"),
    ("sv", "# Kakor\n\nStatistikkakor används bara om du godkänner dem. I vår cookiepolicy anger vi varje kakas "
           "namn, syfte, vem som sätter den och hur länge den finns kvar.\n"),
])
def test_cookies_itemised_in_prose_or_in_a_described_policy_give_the_details(lang: str, text: str) -> None:
    """Names with lifetimes and a first party on "our own server" (also in the genitive, *oman palvelimen*, and in
    days, *2 vrk*), or a separate cookie policy said to give each cookie's name and lifetime, declare the cookies."""
    result = _lint(text, lang, "md")
    assert Outcome.PROVIDED is result.outcome(R.COOKIE_DETAILS)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "# Cookies\n\nStatistics cookies are used only if you accept them in the banner. Read more in our cookie "
           "policy.\n"),
    ("fi", "# Evästeet\n\nTilastoevästeitä käytetään vain, jos hyväksyt ne. Lue lisää evästekäytännöstämme.\n"),
])
def test_a_bare_link_to_a_cookie_policy_gives_no_details(lang: str, text: str) -> None:
    """A cookie policy named without saying what it gives does not declare the cookies."""
    result = _lint(text, lang, "md")
    assert Outcome.MISSING is result.outcome(R.COOKIE_DETAILS)


# ------------------------------------------------------------- plain English of non-native writers

def test_moving_data_to_other_service_names_portability() -> None:
    """"to move your data to other service" (no article) names the right to data portability."""
    result = _lint("You have right to check your data, to correct it and to move your data to other service.", "en")
    assert Outcome.PROVIDED is result.outcome(R.RIGHT_PORTABILITY)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Name, address and e-mail are needed to make an order, otherwise we can not send the products.",
     Outcome.PROVIDED),
    ("We keep the name and address of every order for six years.", Outcome.MISSING),
])
def test_data_needed_to_make_an_order_states_the_requirement(text: str, outcome: Outcome) -> None:
    """Data "needed to make an order" says which data is required for the contract (13(2)(e))."""
    result = _lint("We deliver the orders you make in our shop. " + text, "en")
    assert outcome is result.outcome(R.STATUTORY_REQUIREMENT)


# ------------------------------------------------------------- old word beside new rights; children; letterhead

@pytest.mark.parametrize(("text", "outcome"), [
    ("Du har rätt till insyn, rättelse och radering, rätt att begränsa behandlingen och rätt att flytta "
     "uppgifterna till en annan tjänst.", Outcome.PROVIDED),
    ("Rätt till insyn\n\nDen registrerade har rätt att kontrollera vilka uppgifter som finns om honom i "
     "registret.", Outcome.MISSING),
])
def test_the_old_word_for_access_among_rights_the_old_law_lacked_is_a_label(text: str, outcome: Outcome) -> None:
    """*Rätt till insyn* in a sentence that also gives restriction or portability (rights the repealed law did not
    have) is an everyday name of the GDPR right of access; under its own old heading it is still the old law."""
    result = _lint(text, "sv")
    assert outcome is result.outcome(R.OUTDATED_LAW)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Children under 12 can join a tour only with an adult. The adult who books gives us the children's names "
           "and ages. We never collect data from children directly."),
    ("fi", "Alle 12-vuotiaat lapset voivat osallistua retkelle vain aikuisen kanssa. Aikuinen, joka varaa retken, "
           "antaa lasten nimet ja iät. Emme koskaan kerää tietoja lapsilta itseltään."),
    ("sv", "Barn under 12 år får delta bara med en vuxen. Den vuxna som bokar lämnar barnens namn och ålder. Vi "
           "samlar aldrig in uppgifter från barnen själva."),
])
def test_childrens_data_given_only_by_the_booking_adult_is_handled(lang: str, text: str) -> None:
    """Children's data given by the adult who books, never collected from the children, says how children are
    handled (Art. 8 asks nothing more)."""
    assert Outcome.PROVIDED is _lint(text, lang).outcome(R.CHILDREN)


def test_children_named_with_nothing_on_how_their_data_is_handled_are_still_flagged() -> None:
    """Children mentioned with no parent, guardian or adult giving their data stay a missing item."""
    result = _lint("Children can join our tours and get a small badge at the end of the day.", "en")
    assert Outcome.MISSING is result.outcome(R.CHILDREN)


def test_a_letterhead_name_above_the_address_names_the_sole_trader() -> None:
    """A name on the line above the postal address at the head of the text, in a text that speaks in the first
    person of an *enskild firma*, is the controller (the trader's own name), not the pronoun *Jag*."""
    text = ("Integritet\n\nSömnad Karin Lindholm\nSkolgatan 4, 65100 Vasa\nkarin@somnadlindholm.fi\n\n"
            "Jag är en liten enskild firma. Jag sparar ditt namn och din adress när du beställer. Jag använder "
            "uppgifterna bara för din beställning. Jag svarar på frågor per e-post.\n")
    result = _lint(text, "sv")
    assert Outcome.PROVIDED is result.outcome(R.CONTROLLER_IDENTITY)


# ------------------------------------------------------------- an interest stated in the sentence before its basis

@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi granskar ovanliga beställningar för att skydda butiken och kunderna mot kortbedrägerier. Det är vårt "
           "berättigade intresse (artikel 6.1 f)."),
    ("en", "We check unusual orders to protect the shop and our customers from card fraud. This is our legitimate "
           "interest (Art. 6(1)(f))."),
    ("fi", "Tarkistamme epätavalliset tilaukset suojataksemme kauppaa ja asiakkaita korttipetoksilta. Tämä on "
           "oikeutettu etumme (6 artiklan 1 f)."),
])
def test_a_basis_pointing_back_to_a_concrete_aim_names_the_interest(lang: str, text: str) -> None:
    """"Det är vårt berättigade intresse" after a sentence that gives the aim (fraud prevention) names the interest
    (13(1)(d))."""
    assert Outcome.PROVIDED is _lint(text, lang).outcome(R.LEGITIMATE_INTERESTS)


def test_a_basis_pointing_back_to_no_aim_names_no_interest() -> None:
    """"Det är vårt berättigade intresse" after a sentence that gives no aim leaves the interest unnamed."""
    text = "Vi har sparat uppgifterna i många år. Det är vårt berättigade intresse."
    assert Outcome.MISSING is _lint(text, "sv").outcome(R.LEGITIMATE_INTERESTS)


# ------------------------------------------------------------- a paraphrased platform template

_TEMPLATE = ("# Your rights\n\nYou may ask to see the personal information we hold about you and ask us to correct "
             "or delete it.\n\nFor European residents: we process your information to carry out contracts with you "
             "(such as an order placed on the site) or otherwise for the legitimate business interests described "
             "above.\n\n# Targeted advertising\n\nWe show you adverts through Facebook and Google Ads. You can switch "
             "targeted ads off in your Facebook and Google settings or through the Digital Advertising Alliance "
             "opt-out page.\n\n# Contact\n\nQuestions about privacy, or a complaint? Write to hello@shop.example.\n")


def test_a_template_rights_section_stating_bases_or_otherwise_leaves_bases_and_interest_open() -> None:
    """"Contracts … or otherwise for the legitimate business interests described above", even under the rights
    heading, ties no basis to a purpose and names no interest."""
    result = _lint(_TEMPLATE, "en", "md")
    assert (Outcome.MISSING, Outcome.MISSING) == (result.outcome(R.LEGAL_BASIS),
                                                  result.outcome(R.LEGITIMATE_INTERESTS))


def test_opting_out_in_facebook_settings_is_no_right_to_object() -> None:
    """Switching ads off in a platform's settings or on an industry opt-out page is not the right to object to the
    controller (21)."""
    assert Outcome.MISSING is _lint(_TEMPLATE, "en", "md").outcome(R.RIGHT_OBJECT)


def test_a_complaint_to_the_shop_is_no_complaint_to_the_authority() -> None:
    """"Questions about privacy, or a complaint? Write to hello@…" names no supervisory authority (13(2)(d))."""
    assert Outcome.MISSING is _lint(_TEMPLATE, "en", "md").outcome(R.COMPLAINT_AUTHORITY)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", _TEMPLATE + "\nYou can also complain to the Data Protection Ombudsman (tietosuoja.fi).\n"),
    ("en", "# A complaint?\n\nYou may complain to the supervisory authority, the Data Protection Ombudsman.\n"),
    ("sv", "Har du klagomål kan du vända dig till dataombudsmannen, tietosuoja.fi.\n"),
])
def test_a_complaint_to_the_authority_is_still_read(lang: str, text: str) -> None:
    """A complaint that names the authority, in a sentence or under a question heading, gives the item."""
    assert Outcome.PROVIDED is _lint(text, lang, "md").outcome(R.COMPLAINT_AUTHORITY)


def test_a_stated_objection_beside_a_platform_opt_out_is_still_read() -> None:
    """The right to object said in words of its own still counts beside a platform's ad settings."""
    text = _TEMPLATE + "\nYou have the right to object at any time to our processing based on legitimate interests.\n"
    assert Outcome.PROVIDED is _lint(text, "en", "md").outcome(R.RIGHT_OBJECT)


# ------------------------------------------------------------- a short page of a registered association

_ASSOCIATION_PAGE = ("Lindby gårdsförening rf (FO-nummer 3179460-8) säljer kalendrar. Beställningarna sköts av "
                     "föreningens frivilliga.\n\nVi frågar efter ditt namn och din adress. Uppgifterna används för att "
                     "skicka kalendern och för föreningens bokföring.\n\nNär en ny kalender kommer ut skickar vi ett "
                     "meddelande per e-post till dem som har köpt av oss tidigare.\n\nVill du se eller rätta dina "
                     "uppgifter, skriv till kalender@lindby.example.\n")


def test_an_association_named_with_a_lower_case_noun_is_the_controller() -> None:
    """"Lindby gårdsförening rf": a registered association's name ending in a common noun is a legal name."""
    assert Outcome.PROVIDED is _lint(_ASSOCIATION_PAGE, "sv").outcome(R.CONTROLLER_IDENTITY)


def test_bookkeeping_named_with_a_purpose_word_is_a_purpose() -> None:
    """"Uppgifterna används … för föreningens bokföring" states purposes."""
    assert Outcome.PROVIDED is _lint(_ASSOCIATION_PAGE, "sv").outcome(R.PURPOSES)


def test_the_associations_volunteers_say_nothing_of_voluntary_data() -> None:
    """*Föreningens frivilliga* are volunteers: nothing says which data must be given (13(2)(e))."""
    assert Outcome.MISSING is _lint(_ASSOCIATION_PAGE, "sv").outcome(R.STATUTORY_REQUIREMENT)


def test_voluntary_data_is_still_read() -> None:
    """"Det är frivilligt att uppge telefonnummer" still says what is voluntary."""
    text = _ASSOCIATION_PAGE + "\nDet är frivilligt att uppge telefonnummer.\n"
    assert Outcome.PROVIDED is _lint(text, "sv").outcome(R.STATUTORY_REQUIREMENT)


def test_seeing_or_correcting_ones_data_names_access() -> None:
    """"Vill du se eller rätta dina uppgifter" names the right of access with rectification."""
    result = _lint(_ASSOCIATION_PAGE, "sv")
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.RIGHT_ACCESS),
                                                    result.outcome(R.RIGHT_RECTIFICATION))


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", _ASSOCIATION_PAGE),
    ("en", "We send news of every new calendar by e-mail to everyone who has bought from us before."),
    ("fi", "Lähetämme tiedon uudesta kalenterista sähköpostilla meiltä aiemmin ostaneille."),
])
def test_e_mails_about_new_products_to_earlier_buyers_are_marketing(lang: str, text: str) -> None:
    """E-mail news of new products sent to earlier buyers is direct marketing: it needs consent or the
    existing-customer exception, and the right to object."""
    result = _lint(text, lang)
    assert (Outcome.MISSING, Outcome.MISSING) == (result.outcome(R.DIRECT_MARKETING), result.outcome(R.RIGHT_OBJECT))


# ------------------------------------------------------------- consent given by placing the order

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Käytämme tietoja tilausten toimittamiseen ja tarjousten lähettämiseen. Käsittely perustuu asiakkaan "
           "antamaan suostumukseen, jonka hän antaa tekemällä tilauksen."),
    ("sv", "Vi använder uppgifterna för att leverera beställningar och skicka erbjudanden. Behandlingen grundar sig "
           "på ditt samtycke, som du ger genom att lägga en beställning."),
    ("en", "We use the data to deliver orders and send offers. The processing is based on the consent you give by "
           "placing an order."),
])
def test_consent_given_by_placing_the_order_is_no_basis(lang: str, text: str) -> None:
    """Consent said to be given by ordering is bundled with the purchase (7(4)) and ties no basis to a purpose."""
    assert Outcome.MISSING is _lint(text, lang).outcome(R.LEGAL_BASIS)


def test_consent_asked_separately_is_still_a_basis() -> None:
    """Consent asked with a box of its own stays a basis."""
    text = ("Käytämme tietoja tarjousten lähettämiseen. Käsittely perustuu suostumukseesi, jonka annat "
            "rastittamalla erillisen kohdan.")
    assert Outcome.PROVIDED is _lint(text, "fi").outcome(R.LEGAL_BASIS)

"""Classes of error behind the differences of hold-outs H and I (issue 21, round 6): each class with statements in
our own words that show it, and ones that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


# ------------------------------------------------------------- e-mail offers under the existing-customer exception

_OFFERS_UNDER_EXCEPTION = {
    "fi": ("Lähetämme asiakkaillemme sähköpostilla tarjouksia puutarhatarvikkeista. Peruste on "
           "oikeutettu etumme. Voit kieltää viestit jo tilausta tehdessäsi, ja jokaisessa viestissä on linkki "
           "niiden lopettamiseen."),
    "sv": ("Vi skickar erbjudanden om trädgårdsredskap till våra kunder per e-post. Grunden är vårt "
           "berättigade intresse. Du kan "
           "tacka nej redan vid beställningen, och varje utskick har en länk för att avsluta."),
    "en": ("We send our customers offers on garden tools by e-mail. This rests on our legitimate interest. You can "
           "say no when you order, and every message has a link to stop them."),
}

_OFFERS_OPT_OUT_ONLY = {
    "fi": ("Lähetämme asiakkaillemme sähköpostilla tarjouksia. Peruste on oikeutettu etumme. Jokaisessa "
           "viestissä on linkki viestien lopettamiseen."),
    "sv": ("Vi skickar erbjudanden till våra kunder per e-post. Grunden är vårt berättigade intresse. "
           "Varje utskick har en länk "
           "för att avsluta."),
    "en": ("We send our customers offers by e-mail. This rests on our legitimate interest. Every message has a "
           "link to stop them."),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_offers_with_refusal_at_collection_and_in_every_message_use_the_exception(lang: str) -> None:
    """Refusal offered when the data are collected and again in every message is what the existing-customer
    exception asks: the offers are not read as marketing without consent."""
    result = _lint(_OFFERS_UNDER_EXCEPTION[lang], lang)
    assert result.outcome(R.DIRECT_MARKETING) is Outcome.PROVIDED


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_offers_on_an_interest_with_only_a_link_in_each_message_still_lack_consent(lang: str) -> None:
    """An unsubscribe link alone, with no chance to refuse when the data were collected, is an opt-out regime."""
    result = _lint(_OFFERS_OPT_OUT_ONLY[lang], lang)
    assert result.outcome(R.DIRECT_MARKETING) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "# Uutiskirje – suostumus\n\nSaat uutiskirjeen, kun rastit kohdan tilauslomakkeella.\n\n"
           "# Mainonta\n\nMarkkinoimme tuotteitamme somessa oikeutetun etumme perusteella.\n"),
    ("sv", "# Nyhetsbrev – samtycke\n\nDu får nyhetsbrevet om du kryssar i rutan i kassan.\n\n"
           "# Annonser\n\nVi marknadsför våra produkter i sociala medier på grund av vårt berättigade intresse.\n"),
])
def test_a_heading_naming_the_newsletter_and_consent_gives_it_consent(lang: str, text: str) -> None:
    """'Uutiskirje – suostumus' as the heading over the sign-up sentence: the newsletter rests on consent, and
    marketing on an interest elsewhere does not make the whole marketing rest on one."""
    result = _lint(text, lang, "md")
    assert result.outcome(R.DIRECT_MARKETING) is not Outcome.MISSING


def test_a_heading_naming_the_newsletter_only_gives_no_consent() -> None:
    text = ("# Uutiskirje\n\nLähetämme uutiskirjeen kaikille asiakkaille.\n\n"
            "# Mainonta\n\nKaikki edellä mainittu käsittely perustuu oikeutettuun etuumme.\n")
    assert _lint(text, "fi", "md").outcome(R.DIRECT_MARKETING) is Outcome.MISSING


# ------------------------------------------------------------------------- health words about animals, not people

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Kirjaamme koirasi rokotukset, allergiat ja lääkkeet hoitopäivää varten."),
    ("sv", "Vi antecknar din katts allergier och medicinering inför vistelsen."),
    ("en", "We note your dog's allergies and medication for the stay."),
])
def test_an_animals_allergies_are_no_special_category(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.SPECIAL_CATEGORIES) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Myymme lemmikeille ruokaa ja tarvikkeita. Eläinlääkäri lähettää reseptin meille. Eläimen omistaja "
           "voi myös ladata reseptin. Reseptilääkkeet toimitetaan vain reseptiä vastaan."),
    ("sv", "Vi säljer foder och tillbehör för husdjur. Veterinären skickar receptet till oss. Djurets ägare kan "
           "också ladda upp receptet. Receptbelagda läkemedel lämnas bara ut mot recept."),
    ("en", "We sell food and supplies for pets. The vet sends us the prescription. The animal's owner can also "
           "upload it. Prescription medicines are only dispensed against a prescription."),
])
def test_prescriptions_in_a_statement_about_animals_are_no_special_category(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.SPECIAL_CATEGORIES) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Myymme lemmikeille ruokaa. Kirjaamme myös asiakkaan omat allergiat tilauksen yhteyteen."),
    ("sv", "Vi säljer foder för husdjur. Vi antecknar också kundens egna allergier vid beställningen."),
    ("en", "We sell pet food. We also note the customer's own allergies with the order."),
    ("en", "Pet owners are welcome. Prescription medicines for you are dispensed against your prescription."),
])
def test_a_persons_health_beside_animals_is_still_a_special_category(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.SPECIAL_CATEGORIES) is Outcome.MISSING


# ---------------------------------------------------------------- 9(2) conditions written as "9.2 a" and greetings

@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Uppgifter om allergier behandlar vi med ditt uttryckliga samtycke."),
    ("sv", "Allergier behandlas på grund av samtycke (artikel 6.1 a och 9.2 a)."),
    ("fi", "Allergiatiedot käsittelemme suostumuksesi perusteella (6.1 a ja 9.2 a)."),
    ("en", "Allergies are processed on consent (Art. 6.1 a and 9.2 a)."),
])
def test_a_condition_written_as_9_2_a_or_uttryckliga_answers_special_categories(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.SPECIAL_CATEGORIES) is Outcome.PROVIDED


def test_a_version_number_is_no_article_9_condition() -> None:
    text = "Allergiatiedot tallennetaan järjestelmän versioon 9.2.2 asti."
    assert _lint(text, "fi").outcome(R.SPECIAL_CATEGORIES) is Outcome.MISSING


def test_a_greeting_on_a_gift_card_is_no_health_data() -> None:
    text = "Vi behandlar namn, adress och de hälsningar du vill att vi skriver på presentkortet."
    assert _lint(text, "sv").outcome(R.SPECIAL_CATEGORIES) is Outcome.NOT_APPLICABLE
    assert _lint("Vi behandlar uppgifter om din hälsa.", "sv").outcome(R.SPECIAL_CATEGORIES) is Outcome.MISSING


# ------------------------------------------------------------------ a table's header row is no open-ended retention

@pytest.mark.parametrize(("lang", "table"), [
    ("fi", "| Tieto | Säilytysaika |\n|---|---|\n| Tilaukset | 6 vuotta tilikauden päättymisestä |\n"
           "| Asiakastili | 2 vuotta viimeisestä kirjautumisesta |\n"),
    ("sv", "| Uppgift | Hur länge vi sparar den |\n|---|---|\n| Beställningar | 7 år efter räkenskapsårets slut |\n"
           "| Kundkonto | 2 år efter senaste inloggning |\n"),
    ("en", "| Data | Kept for |\n|---|---|\n| Orders | 6 years from the end of the financial year |\n"
           "| Account | 2 years after the last login |\n"),
])
def test_the_header_row_of_a_retention_table_is_no_vague_period(lang: str, table: str) -> None:
    heading = {"fi": "# Säilytysajat", "sv": "# Lagringstid", "en": "# How long we keep it"}[lang]
    result = _lint(f"{heading}\n\n{table}", lang, "md")
    assert "RK-LINT-RETENTION-VAGUE" not in {f.rule for f in result.findings}
    assert result.outcome(R.RETENTION) is Outcome.PROVIDED


def test_an_open_ended_row_of_a_retention_section_is_still_flagged() -> None:
    text = ("# Säilytysajat\n\nTilaukset säilytämme 6 vuotta tilikauden päättymisestä.\n\n"
            "Valokuvat säilytämme kuva-arkistossamme.\n")
    assert "RK-LINT-RETENTION-VAGUE" in {f.rule for f in _lint(text, "fi", "md").findings}


# ------------------------------------------------------- 'tarkastusoikeus' as the name of the right with its copy

def test_tarkastusoikeus_naming_the_right_to_a_copy_is_no_outdated_law() -> None:
    text = "Tarkastusoikeus: voit pyytää nähtäväksi tietosi ja saada niistä kopion."
    result = _lint(text, "fi")
    assert "RK-LINT-TARKASTUSOIKEUS" not in {f.rule for f in result.findings}


def test_tarkastusoikeus_without_the_copy_is_still_outdated() -> None:
    text = "Rekisteröidyllä on tarkastusoikeus omiin tietoihinsa."
    assert "RK-LINT-TARKASTUSOIKEUS" in {f.rule for f in _lint(text, "fi").findings}


# ------------------------------------------------------------------------------ transfers denied or not transfers

def test_emmeka_denies_the_transfer() -> None:
    text = "Palvelumme toimivat Suomessa, emmekä siirrä tietoja EU:n tai ETA:n ulkopuolelle."
    result = _lint(text, "fi")
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.NOT_APPLICABLE
    assert "RK-LINT-TRANSFER-COUNTRY" not in {f.rule for f in result.findings}


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Ön står utanför EU:s skatteområde, så vi gör en tulldeklaration för varje paket."),
    ("fi", "Ahvenanmaa on EU:n ulkopuolella arvonlisäverotuksessa eli EU:n veroalueen ulkopuolella."),
    ("en", "The islands are outside the EU VAT area, so we fill in a customs declaration."),
])
def test_a_tax_territory_outside_the_eu_is_no_transfer(lang: str, text: str) -> None:
    result = _lint(text, lang)
    assert result.outcome(R.TRANSFER_SAFEGUARDS) is Outcome.NOT_APPLICABLE


def test_data_sent_outside_the_eu_beside_a_tax_word_is_still_a_transfer() -> None:
    text = "Ahvenanmaa on EU:n veroalueen ulkopuolella, ja siirrämme tullitiedot EU:n ulkopuolelle Norjaan."
    assert _lint(text, "fi").outcome(R.TRANSFER_SAFEGUARDS) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi använder Microsoft 365; uppgifterna lagras i Microsofts datacenter inom EU. "
           "Vi överför inga uppgifter till länder utanför EU och EES."),
    ("en", "We use Microsoft 365; the data is stored in data centres within the EU. "
           "We transfer no data outside the EU or EEA."),
])
def test_a_provider_said_to_keep_the_data_in_the_eu_is_no_undisclosed_transfer(lang: str, text: str) -> None:
    result = _lint(text, lang)
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in {f.rule for f in result.findings}


def test_google_said_to_keep_data_in_the_eu_is_still_read_as_reaching_its_parent() -> None:
    text = ("Käytämme Google Analyticsia; tiedot säilytetään EU:n alueella. "
            "Emme siirrä tietoja EU:n tai ETA:n ulkopuolelle.")
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in {f.rule for f in _lint(text, "fi").findings}


# ------------------------------------------------------------- a trader writing in the first person singular

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "WHAT I COLLECT\nYour name and phone number.\n\nWHAT I USE IT FOR\nI use them to book your visits.\n"),
    ("fi", "Mihin ja millä perusteella?\nKäytän tietoja varausten hoitamiseen; peruste on sopimus.\n"),
    ("sv", "Hur jag använder uppgifterna\nJag bokar dina besök med dem.\n"),
])
def test_a_first_person_singular_heading_heads_the_purposes(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.PURPOSES) is Outcome.PROVIDED


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Paws & Claws is a grooming salon in Vantaa run by me, Liisa Korhonen. E-mail: liisa@example.fi."),
    ("sv", "Syateljén är en liten butik i Borgå som drivs av mig, Ida Sjöblom. E-post: ida@example.fi."),
])
def test_a_business_run_by_a_named_person_names_its_controller(lang: str, text: str) -> None:
    result = _lint(text, lang)
    assert "RK-LINT-CONTROLLER" not in {f.rule for f in result.findings}


def test_a_business_run_by_me_without_a_name_names_no_controller() -> None:
    text = "This grooming salon in Vantaa is run by me. E-mail: info@example.fi."
    assert "RK-LINT-CONTROLLER" in {f.rule for f in _lint(text, "en").findings}


# ------------------------------------------------- retention measured by how useful the data stays to the company

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "# Säilytysajat\n\n- Tilaukset: 6 vuotta tilikauden päättymisestä\n"
           "- Messukävijöiden tiedot: säilytämme niin kauan kuin ne ovat meille hyödyllisiä\n"),
    ("sv", "# Lagringstid\n\n- Beställningar: 7 år efter räkenskapsårets slut\n"
           "- Bilder från kurserna: sparas i arkivet så länge de är aktuella\n"),
    ("en", "# How long we keep it\n\n- Orders: 6 years from the end of the financial year\n"
           "- Leads from fairs: kept for as long as they are useful to our sales team\n"),
])
def test_a_period_measured_by_usefulness_is_vague_and_unclear(lang: str, text: str) -> None:
    result = _lint(text, lang, "md")
    rules = {f.rule for f in result.findings}
    assert "RK-LINT-RETENTION-VAGUE" in rules
    assert result.outcome(R.CLARITY) is Outcome.MISSING


def test_a_period_tied_to_the_customer_relationship_is_not_read_as_unclear_wording() -> None:
    text = ("# Säilytysajat\n\n- Tilaukset: 6 vuotta tilikauden päättymisestä\n"
            "- Asiakastili: säilytämme niin kauan kuin asiakassuhde on voimassa\n")
    assert _lint(text, "fi", "md").outcome(R.CLARITY) is not Outcome.MISSING


# --------------------------------------------------- offers in compounds and newsletters sent to every customer

def test_seasonal_offers_by_text_message_are_marketing() -> None:
    text = "Lähetämme asiakkaillemme tekstiviestillä kampanjatarjouksia talvirenkaista."
    assert _lint(text, "fi").outcome(R.DIRECT_MARKETING) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi skickar vårt nyhetsbrev till alla som har handlat hos oss. Du kan avsluta det via länken i brevet."),
    ("fi", "Tietoja käytetään tilausten toimittamiseen. Lähetämme uutiskirjeemme kaikille asiakkaillemme. "
           "Tilauksen voi lopettaa viestin linkistä."),
    ("en", "We send our newsletter to everyone who has bought from us. You can unsubscribe with the link in it."),
])
def test_a_newsletter_sent_to_every_customer_needs_consent_or_the_exception(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.DIRECT_MARKETING) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Du kan prenumerera på vårt nyhetsbrev. Du kan avsluta det via länken i brevet."),
    ("en", "You can subscribe to our newsletter. You can unsubscribe with the link in it."),
])
def test_a_newsletter_one_subscribes_to_is_still_read_as_asked_for(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.DIRECT_MARKETING) is Outcome.PROVIDED


# ------------------------------------------------ a cookie table whose header does not say "cookie" in its cells

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "# Evästeet\n\nTilastoevästeet asetetaan vain suostumuksellasi.\n\n| Nimi | Tarjoaja | Tarkoitus | Kesto |\n"
           "|---|---|---|---|\n| shop_sess | Kauppa Oy | ostoskori | istunto |\n"
           "| _pk_id | Kauppa Oy | kävijätilastot | 13 kk |\n"),
    ("en", "# Cookies\n\nStatistics cookies are set only with your consent.\n\n| Name | Provider | Purpose | Expiry |\n"
           "|---|---|---|---|\n| shop_sess | Shop Ltd | basket | session |\n"
           "| _pk_id | Shop Ltd | statistics | 13 months |\n"),
])
def test_a_cookie_table_headed_name_provider_expiry_gives_the_details(lang: str, text: str) -> None:
    assert _lint(text, lang, "md").outcome(R.COOKIE_DETAILS) is Outcome.PROVIDED


def test_a_cookie_table_without_a_provider_column_still_lacks_details() -> None:
    text = ("# Evästeet\n\nTilastoevästeet asetetaan vain suostumuksellasi.\n\n| Nimi | Tarkoitus |\n|---|---|\n"
            "| shop_sess | ostoskori |\n| _pk_id | kävijätilastot |\n")
    assert _lint(text, "fi", "md").outcome(R.COOKIE_DETAILS) is Outcome.MISSING


# --------------------------------------------------------------------------------------------- minors turned away

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Hakemus käsitellään automaattisesti. Järjestelmä hylkää hakemuksen, jos olet alle 18-vuotias."),
    ("sv", "Ansökan behandlas automatiskt. Vi avslår ansökan om du är under 18 år."),
    ("en", "The application is handled automatically. We reject the application if you are under 18."),
])
def test_minors_turned_away_are_no_childrens_data(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.CHILDREN) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Alle 18-vuotiaat voivat tilata uutiskirjeen itse."),
    ("en", "Customers under 18 can open an account themselves."),
])
def test_minors_who_may_use_the_service_still_ask_for_the_age_rule(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.CHILDREN) is Outcome.MISSING


# ------------------------------------------------------------------- recipients headed 'Vem som får uppgifterna'

@pytest.mark.parametrize(("lang", "heading"), [
    ("sv", "Vem som får uppgifterna"),
    ("fi", "Ketkä saavat tietosi"),
    ("en", "Who else gets your data"),
])
def test_a_who_gets_the_data_heading_heads_the_recipients(lang: str, heading: str) -> None:
    body = {"sv": "Paketen levereras av Fraktbolaget Ab och betalningarna sköts av Betalning Ab.",
            "fi": "Paketit toimittaa Kuljetus Oy ja maksut välittää Maksu Oy.",
            "en": "Parcels are delivered by Carrier Ltd and payments handled by Payments Ltd."}[lang]
    result = _lint(f"# {heading}\n\n{body}\n", lang, "md")
    assert any("recipients" in section.kinds for section in result.analysis.structure.sections)
    assert result.outcome(R.RECIPIENTS) is Outcome.PROVIDED


# ------------------------------------------------- a Finnish controller naming its subsidiaries outside the EEA

def test_a_controller_with_a_finnish_business_id_needs_no_eu_representative() -> None:
    text = ("# Who we are\n\nThe controller is Koivula Design Oy (business ID 1234567-8), Mannerheimintie 1, Helsinki. "
            "It owns Koivula Japan K.K. in Tokyo, which runs our store in Japan.\n")
    assert _lint(text, "en", "md").outcome(R.EU_REPRESENTATIVE) is Outcome.NOT_APPLICABLE


def test_a_controller_in_a_third_country_without_an_eu_id_still_needs_one() -> None:
    text = "# Who we are\n\nThe controller is Koivula Trading Inc., 1 Main Street, New York, United States.\n"
    assert _lint(text, "en", "md").outcome(R.EU_REPRESENTATIVE) is Outcome.MISSING


# ------------------------------------------------------------------------- 'by automated means alone' denied

def test_no_decisions_by_automated_means_alone_answers_automated_decisions() -> None:
    text = ("# Fraud checks\n\nOur shop platform rates each order for fraud risk; a person reviews every flagged "
            "order. We make no decisions about you by automated means alone.\n")
    assert _lint(text, "en", "md").outcome(R.AUTOMATED_DECISIONS) is Outcome.PROVIDED


def test_a_statement_silent_on_automated_means_still_misses_it() -> None:
    text = "# Orders\n\nWe use your address to deliver the order.\n"
    assert _lint(text, "en", "md").outcome(R.AUTOMATED_DECISIONS) is Outcome.MISSING


# ------------------------------------------------------------- 'Om du inte ger oss …' as the statutory answer

def test_om_du_inte_ger_oss_states_what_follows_from_not_giving_data() -> None:
    text = ("Vi behandlar uppgifterna för att leverera cykeln. Om du inte ger oss hemadress och telefonnummer kan "
            "vi inte leverera cykeln.")
    assert _lint(text, "sv").outcome(R.STATUTORY_REQUIREMENT) is Outcome.PROVIDED


def test_a_delivery_sentence_without_a_consequence_is_no_statutory_answer() -> None:
    text = "Vi behandlar uppgifterna för att leverera cykeln. Du ger oss din hemadress när du beställer."
    assert _lint(text, "sv").outcome(R.STATUTORY_REQUIREMENT) is Outcome.MISSING


# ------------------------------------------------------------- an authority's request is no source of the data

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "# Sharing your information\n\nParcels are delivered by Posti. Information may also be handed over where "
           "a law or a lawful request from an authority requires it.\n"),
    ("sv", "# Mottagare\n\nPaketen levereras av Posti. Uppgifter lämnas ut till myndigheter på begäran från "
           "myndigheten när lagen kräver det.\n"),
])
def test_a_disclosure_on_an_authoritys_request_names_no_source(lang: str, text: str) -> None:
    assert "RK-LINT-SOURCE-VAGUE" not in {f.rule for f in _lint(text, lang, "md").findings}


def test_data_received_from_authorities_is_still_a_source_to_name() -> None:
    text = "# Data we collect\n\nWe also receive information about you from authorities.\n"
    assert _lint(text, "en", "md").outcome(R.SOURCES) is Outcome.MISSING


# ------------------------------------------------------------------- 'other purposes related to our business'

@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vi behandlar uppgifterna för att leverera din beställning. Vi kan också använda uppgifterna för andra "
           "ändamål som hör ihop med vår verksamhet."),
    ("fi", "Käsittelemme tietoja tilausten toimittamiseen. Tietoja käytetään myös muihin toimintaamme "
           "liittyviin tarkoituksiin."),
    ("en", "We use the data to deliver your order. We may also use it for other purposes related to our business."),
])
def test_other_purposes_related_to_the_business_leave_the_purposes_open(lang: str, text: str) -> None:
    assert "RK-LINT-VAGUE-PURPOSE" in {f.rule for f in _lint(text, lang).findings}


def test_a_named_further_purpose_is_not_open() -> None:
    text = "Vi behandlar uppgifterna för att leverera din beställning och för att sköta bokföringen."
    assert "RK-LINT-VAGUE-PURPOSE" not in {f.rule for f in _lint(text, "sv").findings}


# ---------------------------------------------------------------------- an access request accepted only in person

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Rekisteröidyllä on oikeus tarkastaa tietonsa. Tarkastuspyyntö esitetään henkilökohtaisesti "
           "toimipisteessämme henkilöllisyystodistusta vastaan."),
    ("sv", "Du har rätt att få tillgång till dina uppgifter. Begäran lämnas personligen i butiken mot legitimation."),
    ("en", "You have the right of access to your data. The request must be made in person at our shop with an ID."),
])
def test_an_access_request_only_in_person_is_flagged(lang: str, text: str) -> None:
    assert "RK-LINT-IN-PERSON-REQUEST" in {f.rule for f in _lint(text, lang).findings}


def test_in_person_or_by_e_mail_is_no_barrier() -> None:
    text = ("Du har rätt att få tillgång till dina uppgifter. Begäran kan lämnas personligen i butiken eller "
            "skickas per e-post.")
    assert "RK-LINT-IN-PERSON-REQUEST" not in {f.rule for f in _lint(text, "sv").findings}


# --------------------------------------------------- a list of bases the processing 'may rest on', tied to nothing

@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Käytämme tietoja tilausten toimittamiseen. Henkilötietojen käsittely voi perustua suostumukseen, "
           "sopimukseen tai oikeutettuun etuun."),
    ("sv", "Vi använder uppgifterna för att leverera beställningar. Behandlingen kan grunda sig på samtycke, avtal "
           "eller berättigat intresse."),
    ("en", "We use the data to deliver orders. The processing can be based on consent, a contract or legitimate "
           "interests."),
])
def test_a_basis_the_processing_may_rest_on_leaves_the_basis_open(lang: str, text: str) -> None:
    assert _lint(text, lang).outcome(R.CLARITY) is Outcome.MISSING


def test_a_basis_the_processing_rests_on_is_clear() -> None:
    text = "Käytämme tietoja tilausten toimittamiseen. Käsittely perustuu sopimukseen."
    assert _lint(text, "fi").outcome(R.CLARITY) is not Outcome.MISSING

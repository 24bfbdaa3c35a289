"""Classes of error behind the first-run differences of hold-outs M and N (issue 21, round 10): each class with
statements in our own words that show it, and ones that must still be read the other way."""

from __future__ import annotations

from rekisterikit.lint import structure
from rekisterikit.lint.document import SourceLine
from tests.lint.lint_helpers import lint as _lint


def _rules(text: str, lang: str, fmt: str = "txt") -> set[str]:
    return {f.rule for f in _lint(text, lang, fmt).findings}


def _units(lines: list[tuple[str, bool]]) -> list[str]:
    source = [SourceLine(number=i + 1, text=t, item=item) for i, (t, item) in enumerate(lines)]
    return [u.text for u in structure._paragraph_units(source)]


# ------------------------------------------------------------- hard-wrapped lines

def test_a_line_wrapped_after_a_connective_goes_on_before_a_capital() -> None:
    assert _units([("Kaikki kumppanimme käsittelevät tietoja Suomessa. Emme siirrä henkilötietoja EU:n tai", False),
                   ("ETA:n ulkopuolelle missään tilanteessa.", False)]) == [
        "Kaikki kumppanimme käsittelevät tietoja Suomessa.",
        "Emme siirrä henkilötietoja EU:n tai ETA:n ulkopuolelle missään tilanteessa."]
    assert _units([("Tilauksia varten käytämme kuljetusyhtiöitä, jotka toimittavat paketit Suomessa ja", False),
                   ("Ruotsissa.", False)])[0].endswith("Suomessa ja Ruotsissa.")


def test_a_list_item_wrapped_onto_a_lower_case_line_is_one_sentence() -> None:
    assert _units([("Rajoittaminen: voit pyytää, että rajoitamme käsittelyä esimerkiksi kiistäessäsi tietojen", True),
                   ("paikkansapitävyyden.", False)]) == [
        "Rajoittaminen: voit pyytää, että rajoitamme käsittelyä esimerkiksi kiistäessäsi tietojen paikkansapitävyyden."]


def test_lines_without_a_full_stop_that_end_in_a_content_word_stay_apart() -> None:
    assert _units([("Nimi, postiosoite, puhelinnumero ja sähköpostiosoite tilauksen toimittamista varten", False),
                   ("Tilaushistoria ja maksutapa asiakaspalvelua ja reklamaatioiden käsittelyä varten", False)]) == [
        "Nimi, postiosoite, puhelinnumero ja sähköpostiosoite tilauksen toimittamista varten",
        "Tilaushistoria ja maksutapa asiakaspalvelua ja reklamaatioiden käsittelyä varten"]
    # A short item and a new item stay apart.
    assert len(_units([("Oikeus tarkastaa tiedot", True), ("oikeus oikaista tiedot", True)])) == 2


def test_a_denied_transfer_wrapped_across_lines_is_read_as_none() -> None:
    text = ("Vastaanottajat\nKäytämme verkkokauppa-alustaa, jonka palvelimet ovat Suomessa. Emme siirrä tietoja "
            "EU:n tai\nETA:n ulkopuolelle.\n")
    rules = _rules(text, "fi")
    assert "RK-LINT-TRANSFER-COUNTRY" not in rules
    assert "RK-LINT-TRANSFER-SAFEGUARDS" not in rules


# ------------------------------------------------------------- transfers on a derogation, providers run from abroad

def test_a_transfer_needed_for_the_contract_asks_no_copy_of_safeguards() -> None:
    for text, lang in (
        ("International transfers\nWe keep your data in Finland. When you order a print to be shipped abroad, the "
         "carrier receives your address in the destination country; this transfer is necessary for the performance "
         "of the contract you asked for (Art. 49(1)(b)).\n", "en"),
        ("Tietojen siirrot\nTilauksen toimittamiseksi Norjaan kuljetusyhtiö saa osoitteesi kohdemaassa; siirto on "
         "sopimuksen täyttämiseksi välttämätön (49 artiklan 1 kohdan b alakohta).\n", "fi"),
    ):
        rules = _rules(text, lang)
        assert "RK-LINT-TRANSFER-COPY" not in rules
        assert "RK-LINT-TRANSFER-SAFEGUARDS" not in rules
        assert "RK-LINT-TRANSFER-COUNTRY" not in rules


def test_clauses_beside_article_49_still_need_their_copy() -> None:
    text = ("International transfers\nOur support desk is hosted in the United States under standard contractual "
            "clauses; some transfers may also rest on Article 49.\n")
    assert "RK-LINT-TRANSFER-COPY" in _rules(text, "en")


def test_a_service_run_by_a_company_abroad_names_its_country() -> None:
    for text, lang in (
        ("Mottagare\nVi använder bokningstjänsten Slotly, som drivs av ett bolag i USA. Överföringen grundar sig på "
         "standardavtalsklausuler; en kopia fås från oss.\n", "sv"),
        ("Recipients\nWe use the booking tool Slotly, operated by a company in the United States. The transfer rests "
         "on standard contractual clauses; ask us for a copy.\n", "en"),
    ):
        assert "RK-LINT-TRANSFER-COUNTRY" not in _rules(text, lang)


def test_a_transfer_with_no_country_is_still_reported() -> None:
    text = ("Mottagare\nVi använder bokningstjänsten Slotly. Uppgifterna överförs utanför EU med stöd av "
            "standardavtalsklausuler; en kopia fås från oss.\n")
    assert "RK-LINT-TRANSFER-COUNTRY" in _rules(text, "sv")


# ------------------------------------------------------------- cookie words that are none

def test_a_brand_with_pixel_in_its_name_sets_no_cookie() -> None:
    text = ("Who we are\nPixelforge Games Oy (business ID 1234567-8) makes mobile games. Contact: info@example.com.\n"
            "What we collect\nYour player ID, device model and crash reports, which come from the game itself.\n")
    rules = _rules(text, "en")
    assert not {r for r in rules if r.startswith("RK-LINT-COOKIE")}


def test_a_named_pixel_is_still_a_tracking_technology() -> None:
    text = ("Cookies\nOur site uses the Meta pixel to measure our ads.\n")
    assert {r for r in _rules(text, "en") if r.startswith("RK-LINT-COOKIE")}
    text = ("Evästeet\nSivustolla on Meta-pikseli, jolla mittaamme mainontaa.\n")
    assert {r for r in _rules(text, "fi") if r.startswith("RK-LINT-COOKIE")}


def test_an_unticked_or_denied_preticked_box_is_no_preticked_consent() -> None:
    for text, lang in (
        ("Markkinointi\nUutiskirje lähetetään vain, jos annat siihen suostumuksen valmiiksi rastittamattomalla "
         "valintaruudulla.\n", "fi"),
        ("Marketing\nThe newsletter box on the order form is not pre-ticked.\n", "en"),
        ("Marknadsföring\nRutan för nyhetsbrevet är inte förkryssad.\n", "sv"),
    ):
        assert "RK-LINT-COOKIE-PRETICKED" not in _rules(text, lang)


def test_a_preticked_box_is_still_reported() -> None:
    for text, lang in (
        ("Evästeet\nAnalytiikkaevästeet ovat bannerissa valmiiksi valittuina.\n", "fi"),
        ("Cookies\nAnalytics cookies are pre-ticked in our banner.\n", "en"),
    ):
        assert "RK-LINT-COOKIE-PRETICKED" in _rules(text, lang)


# ------------------------------------------------------------- rights and disclosures said in everyday words

def test_erasure_in_everyday_words() -> None:
    for text, lang in (
        ("Oikeutesi\nVoit pyytää saada kopion tiedoistasi, korjata virheet tai poistaa tiedot, joita emme tarvitse.\n",
         "fi"),
        ("Yhteystiedot\nTietoja koskevat kysymykset ja poistopyynnöt: info@example.fi\n", "fi"),
        ("Dina rättigheter\nVill du veta vad vi har sparat eller att vi tar bort dem, mejla info@example.fi.\n", "sv"),
    ):
        assert "RK-LINT-RIGHT-ERASURE" not in _rules(text, lang)


def test_deleting_on_a_schedule_is_no_right_to_erasure() -> None:
    text = "Säilytys\nPoistamme tiedot kahden vuoden kuluttua tilauksesta.\n"
    assert "RK-LINT-RIGHT-ERASURE" in _rules(text, "fi")


def test_passing_the_data_on_to_no_one_is_said_in_swedish_with_its_object() -> None:
    text = ("Om dina uppgifter\nVi använder ditt telefonnummer bara för beställningen och ger inte uppgifterna "
            "vidare till någon.\n")
    assert "RK-LINT-RECIPIENTS" not in _rules(text, "sv", "md")


def test_a_trade_name_with_its_owner_after_a_dash_and_the_business_id_names_the_controller() -> None:
    text = ("Om dina uppgifter\nVi sparar ditt namn och telefonnummer för beställningen.\n\n"
            "Kaffevagnen Bönan – Eva Holm, FO-nummer 1234567-1\nHamngatan 2, 68600 Jakobstad\n")
    assert "RK-LINT-CONTROLLER" not in _rules(text, "sv", "md")


# ------------------------------------------------------------- an interest stated after the article

def test_an_interest_after_a_bracketed_article_or_defined_in_the_next_sentence_is_stated() -> None:
    for text, lang in (
        ("Rättslig grund\nKameraövervakningen på gården grundar sig på vårt berättigade intresse (6.1 f) att skydda "
         "gästerna och egendomen.\n", "sv"),
        ("Käsittelyn perusteet\nAsiakkaan sukulaisten tiedot – käsittely perustuu oikeutettuun etuun (6 artiklan 1 "
         "kohdan f alakohta). Oikeutettu etu on laatia asiakkaan tilaama selvitys.\n", "fi"),
    ):
        assert "RK-LINT-LEGITIMATE-INTEREST" not in _rules(text, lang)


def test_an_interest_named_by_its_article_alone_is_still_unstated() -> None:
    for text, lang in (
        ("Rättslig grund\nKundregistret grundar sig på vårt berättigade intresse (6.1 f).\n", "sv"),
        ("Käsittelyn perusteet\nAsiakasrekisterin käsittely perustuu oikeutettuun etuun (6 artiklan 1 kohdan f "
         "alakohta).\n", "fi"),
    ):
        assert "RK-LINT-LEGITIMATE-INTEREST" in _rules(text, lang)


# ------------------------------------------------------------- anti-money-laundering records

def test_a_politically_exposed_person_check_is_no_special_category() -> None:
    for text, lang in (
        ("Käsiteltävät tiedot\nAsiakkaan tuntemiseksi tallennamme tiedon siitä, onko asiakas poliittisesti "
         "vaikutusvaltainen henkilö.\n", "fi"),
        ("Uppgifter\nVi kontrollerar om kunden är en politiskt exponerad person.\n", "sv"),
        ("Data we process\nWe check whether you are a politically exposed person.\n", "en"),
    ):
        assert "RK-LINT-SPECIAL-CATEGORIES" not in _rules(text, lang)


def test_political_opinions_are_still_a_special_category() -> None:
    text = "Henkilötiedot\nKeräämme jäsenen nimen, osoitteen ja poliittisen kannan.\n"
    assert "RK-LINT-SPECIAL-CATEGORIES" in _rules(text, "fi")


def test_a_period_as_a_law_requires_is_no_example() -> None:
    text = ("Säilytys\nTuntemistiedot säilytetään viisi vuotta liiketoimesta, kuten rahanpesulain 3 luvun 3 § "
            "edellyttää.\n")
    assert "RK-LINT-VAGUE" not in _rules(text, "fi")
    text = "Säilytys\nTiedot säilytetään niin kauan kuin on tarpeen, kuten tilausten käsittelyn ajan.\n"
    assert "RK-LINT-VAGUE" in _rules(text, "fi") or "RK-LINT-RETENTION-VAGUE" in _rules(text, "fi")


def test_the_shopify_templates_finnish_access_is_access() -> None:
    text = ("Sinun oikeutesi\nJos olet Euroopan asukas, sinulla on oikeus käyttää henkilökohtaisia tietojasi, joita "
            "säilytämme, ja pyytää, että niitä korjataan tai ne poistetaan.\n")
    assert "RK-LINT-RIGHT-ACCESS" not in _rules(text, "fi")
    text = "Sinun oikeutesi\nMeillä on oikeus käyttää tietojasi markkinointiin. Voit pyytää tietojen korjaamista.\n"
    assert "RK-LINT-RIGHT-ACCESS" in _rules(text, "fi")


def test_checking_the_data_about_oneself_in_a_run_in_sentence_is_access() -> None:
    text = ("Rekisteröidyn oikeudet\nAsiakas voi pyytää poistamaan tietonsa sekä tarkistaa tai korjata itseään "
            "koskevat tiedot ottamalla yhteyttä meihin.\n")
    assert "RK-LINT-RIGHT-ACCESS" not in _rules(text, "fi")


def test_tracking_lost_deliveries_is_no_analytics_purpose() -> None:
    text = ("Ändamål\nUppgifterna används för att leverera beställningar. Registret används även för uppföljning och "
            "spårning av förkomna leveranser.\n")
    assert "RK-LINT-RIGHT-OBJECT-LIKELY" not in _rules(text, "sv")
    text = "Ändamål\nUppgifterna används för leveranser och för uppföljning av besökare på webbplatsen.\n"
    assert "RK-LINT-RIGHT-OBJECT-LIKELY" in _rules(text, "sv")


def test_the_customer_relationship_and_a_set_time_after_it_is_a_period() -> None:
    text = "Retention\nWe keep your data as long as you are our customer and after that max 2 years.\n"
    assert "RK-LINT-RETENTION-VAGUE" not in _rules(text, "en")
    text = "Retention\nWe keep your data as long as you are our customer.\n"
    assert "RK-LINT-RETENTION-VAGUE" in _rules(text, "en")

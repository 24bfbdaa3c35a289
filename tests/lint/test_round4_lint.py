"""Readings of the fourth tuning round on general classes of false alarm (issue 21): each class with a statement in
our own words that shows it, and one that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from rekisterikit.lint.document import document_from_text
from rekisterikit.lint.structure import parse
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(text: str, lang: str) -> set[str]:
    return {f.rule for f in _lint(text, lang).findings}


def _vague_quotes(text: str, lang: str) -> list[str]:
    return [f.evidence.quote for f in _lint(text, lang).findings if f.rule == "RK-LINT-VAGUE" and f.evidence]


# ------------------------------------------------------------------------------------------- sentences

@pytest.mark.parametrize(("text", "count"), [
    ("Google LLC is certified under the EU-U.S. Data Privacy Framework.", 1),
    ("Data goes to the U.S. Data Privacy Framework list of companies.", 1),
    # An ordinary sentence end still splits.
    ("We use Google Analytics. Data goes to the United States.", 2),
])
def test_dotted_initials_end_no_sentence(text: str, count: int) -> None:
    structure = parse(document_from_text("Recipients\n" + text + "\n", "txt"))
    assert count == len([u for u in structure.units if not u.heading])


# ------------------------------------------------------------------------------------------- clarity

_DPF_EN = ("Recipients\nWebsite statistics are provided by Google Ireland Limited; statistics data may be processed "
           "by Google LLC in the United States, which is certified under the EU-U.S. Data Privacy Framework.\n")


@pytest.mark.parametrize(("text", "lang", "vague"), [
    # The hedge only says where the provider may process data, and the mechanism is given beside it.
    (_DPF_EN, "en", False),
    ("Vastaanottajat ja siirrot\nKävijätilastot tuottaa Google Ireland Limited, ja tietoja voidaan käsitellä Google "
     "LLC:n toimesta Yhdysvalloissa. Google LLC on sitoutunut EU:n ja Yhdysvaltojen väliseen tietosuojakehykseen.\n",
     "fi", False),
    # Without a mechanism in the section the same hedge leaves the transfer open.
    ("Recipients\nStatistics data may be processed by Google LLC in the United States.\n", "en", True),
    ("Vastaanottajat ja siirrot\nTietoja voidaan käsitellä Google LLC:n toimesta Yhdysvalloissa.\n", "fi", True),
    # A hedge about what is done with the data is still vague, wherever the text speaks of transfers.
    ("Recipients\nWe may also share your data with our partners.\n", "en", True),
])
def test_modal_hedge_on_a_transfer_is_judged_by_its_mechanism(text: str, lang: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("text", "vague"), [
    # "some of it/them" is a part of what the sentence already names.
    ("Recipients\nShopify International Ltd (Ireland) stores shop data, and some of it is transferred to Shopify Inc. "
     "in Canada (adequacy decision of the European Commission).\n", False),
    ("Photos\nOur photographers take pictures of the concerts, and some of them show members of the audience.\n",
     False),
    # "some data", "some of our partners" leave open which.
    ("Recipients\nWe share some data with service providers.\n", True),
    ("Recipients\nSome of our service providers process data outside the EU.\n", True),
])
def test_some_of_what_is_named_is_not_vague(text: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, "en"))


@pytest.mark.parametrize(("text", "vague"), [
    # GDPR 22's own words name the effects a decision has.
    ("Automaattinen päätöksenteko\nEmme tee sinua koskevia päätöksiä pelkästään automaattisen käsittelyn perusteella "
     "emmekä profiloi sinua tavalla, jolla olisi sinuun oikeudellisia tai vastaavia vaikutuksia.\n", False),
    ("Käsittelyn tarkoitukset\nKäsittelemme tietoja tilausten toimittamiseen, laskutukseen tai vastaaviin "
     "tarkoituksiin.\n", True),
])
def test_gdpr_22_similar_effects_are_no_open_list(text: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, "fi"))


@pytest.mark.parametrize(("text", "vague"), [
    ("Retention\nWe keep booking data for as long as we need it for our business.\n", True),
    ("Retention\nWe keep booking data for two years after the booking.\n", False),
])
def test_as_long_as_we_need_it_is_open_ended(text: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, "en"))


# ------------------------------------------------------------------------------------------- the authority's address

@pytest.mark.parametrize(("text", "flagged"), [
    # The shop's own street of the same name is no address of the authority.
    ("Controller\nThe controller is Example Roastery Oy (business ID 3117544-4), Ratapihantie 6, 15140 Lahti.\n\n"
     "Your rights\nYou may lodge a complaint with the Data Protection Ombudsman (tietosuoja.fi).\n", False),
    # The former address given for the authority is out of date, on its own line under the authority's name too.
    ("Oikeutesi\nVoit tehdä valituksen tietosuojavaltuutetulle, Ratapihantie 9, 00521 Helsinki.\n", True),
    ("Valitus valvontaviranomaiselle\nTietosuojavaltuutetun toimisto\nRatapihantie 9\n00521 Helsinki\n", True),
])
def test_old_authority_address_only_where_given_for_the_authority(text: str, flagged: bool) -> None:
    lang = "en" if text.startswith("Controller") else "fi"
    assert flagged == ("RK-LINT-COMPLAINT-ADDRESS" in _rules(text, lang))


# ------------------------------------------------------------------------------------------- withdrawal of consent

_RIGHTS_FI = ("Oikeutesi\nSinulla on oikeus tarkastaa, oikaista ja poistaa tietosi. Voit tehdä valituksen "
              "tietosuojavaltuutetulle.\n")


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    # No newsletter is sent: nothing rests on consent.
    ("Käsittelyn tarkoitukset\nKäsittelen tietoja tilausten toimittamiseen. En lähetä mainoksia enkä "
     "uutiskirjeitä.\n" + _RIGHTS_FI, "fi", Outcome.NOT_APPLICABLE),
    ("Ändamål\nVi behandlar uppgifterna för att leverera beställningar. Vi skickar inga nyhetsbrev eller "
     "reklammeddelanden.\n", "sv", Outcome.NOT_APPLICABLE),
    # A newsletter that is sent still asks for the withdrawal.
    ("Käsittelyn tarkoitukset\nKäsittelen tietoja tilausten toimittamiseen ja lähetän uutiskirjeen sen "
     "tilanneille.\n" + _RIGHTS_FI, "fi", Outcome.MISSING),
    # "återta samtycket" is the withdrawal.
    ("Ändamål\nAtt skicka säsongsbrev per e-post: ditt samtycke. Du kan återta samtycket när som helst genom länken "
     "i brevet.\n", "sv", Outcome.PROVIDED),
])
def test_withdrawal_only_where_something_rests_on_consent(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.WITHDRAW_CONSENT)


def test_a_newsletter_on_presumed_consent_is_a_marketing_fault_not_a_missing_withdrawal() -> None:
    result = _lint("Ändamål\nKunder som registrerar sig anses ha godkänt att få vårt nyhetsbrev.\n", "sv")
    assert result.outcome(R.WITHDRAW_CONSENT) is Outcome.NOT_APPLICABLE
    assert "RK-LINT-DIRECT-MARKETING" in {f.rule for f in result.findings}


# ------------------------------------------------------------------------------------------- requests

@pytest.mark.parametrize(("text", "lang", "rule", "flagged"), [
    ("Your rights\nYou can ask to see your data. Send requests by e-mail; no special form or signature is needed.\n",
     "en", "RK-LINT-SIGNED-REQUEST", False),
    ("Your rights\nYou can ask to see your data. Requests must be signed and sent by post.\n",
     "en", "RK-LINT-SIGNED-REQUEST", True),
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter. Begäran kan skickas per e-post och är "
     "avgiftsfri.\n", "sv", "RK-LINT-REQUEST-FEE", False),
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter. För en andra kopia tar vi ut en avgift på "
     "20 euro.\n", "sv", "RK-LINT-REQUEST-FEE", True),
])
def test_a_request_said_to_need_no_signature_or_fee(text: str, lang: str, rule: str, flagged: bool) -> None:
    assert flagged == (rule in _rules(text, lang))


# ------------------------------------------------------------------------------------------- direct marketing

_SOFT_EN = ("Purposes and legal basis\nE-mail offers to existing customers about similar coffee products rest on our "
            "legitimate interest, as section 200(2) of the Act on Electronic Communications Services allows. ")


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    # The next sentence of the section describes how the exception's conditions are met.
    (_SOFT_EN + "When you give us your e-mail address at checkout, the box 'Send me coffee offers' is unticked; you "
     "can also say no later with the link in every message.\n", "en", Outcome.PROVIDED),
    ("Erbjudanden till tidigare kunder\nTill dig som har handlat hos oss skickar vi per e-post erbjudanden på "
     "liknande ullprodukter. Du kan när som helst avböja dem via länken i varje meddelande.\n", "sv",
     Outcome.PROVIDED),
    # E-mail offers with no consent and no exception still need one.
    ("Purposes\nWe send e-mail offers to everyone who has ordered from us. You can say no later with the link in "
     "every message.\n", "en", Outcome.MISSING),
])
def test_the_existing_customer_exception_covers_its_section(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.DIRECT_MARKETING)


# ------------------------------------------------------------------------------------------- automated decisions

@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Ändamål\nVi skickar ingen reklam och fattar inga beslut om dig som enbart grundar sig på automatiserad "
     "behandling.\n", "sv", Outcome.PROVIDED),
    # A credit decision under a heading of its own, with its logic and a human review.
    ("Automaattinen luottopäätös\nOsamaksuhakemukseen vastaa ohjelma, joka hyväksyy hakemuksen, jos "
     "luottotietorekisterissä ei ole maksuhäiriömerkintää. Sinulla on oikeus saada ihmisen tekemä uusi arvio.\n",
     "fi", Outcome.PROVIDED),
    ("Betalning mot faktura\nSystemet avgör automatiskt om fakturan godkänns utifrån kreditupplysningen. Du kan be "
     "att en av våra anställda granskar beslutet.\n", "sv", Outcome.PROVIDED),
    # The same decision with nothing of its logic or consequences.
    ("Betalning mot faktura\nSystemet avgör automatiskt om fakturan godkänns.\n", "sv", Outcome.MISSING),
])
def test_automated_decisions_said_in_other_words(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.AUTOMATED_DECISIONS)


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    # Profiling after the text has said no Art. 22 decisions are made.
    ("Käsittelyn tarkoitukset\nTietoja ei käytetä automaattiseen päätöksentekoon. Tietoja käytetään profilointiin "
     "markkinoinnin kohdentamiseksi.\n", "fi", False),
    ("Purposes\nYour data is not used for automated decision-making. We use profiling to tailor our newsletter to "
     "your interests.\n", "en", False),
    # Profiling with nothing said of decisions is still to be explained.
    ("Purposes\nWe use profiling to tailor our newsletter to your interests.\n", "en", True),
])
def test_profiling_after_no_automated_decisions(text: str, lang: str, flagged: bool) -> None:
    assert flagged == ("RK-LINT-AUTOMATED-INFO" in _rules(text, lang))


# ------------------------------------------------------------------------------------------- objection

_RIGHTS_SV = ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter, att få dem rättade eller raderade "
              "och att begränsa behandlingen.\n\n")


@pytest.mark.parametrize(("text", "lang", "separate"), [
    # A paragraph of its own after the other rights, with a second sentence on how to unsubscribe.
    (_RIGHTS_SV + "Du har alltid rätt att invända mot direktmarknadsföring. Avregistrera dig via länken i "
     "nyhetsbrevet.\n", "sv", True),
    ("Your rights\nYou have the right to access and erase your data.\n\nYou have the right to object at any time to "
     "direct marketing. You can unsubscribe with the link in every newsletter.\n", "en", True),
    # Objection in the same paragraph as the other rights is not presented separately.
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter och att få dem raderade. Du har också rätt "
     "att invända mot direktmarknadsföring. Vi skickar nyhetsbrev till kunder.\n", "sv", False),
    # An unsubscribe link beside the newsletter is no objection presented separately.
    ("Purposes\nWe send our newsletter to those who subscribe to it with their consent; every newsletter has an "
     "unsubscribe link. We use your data to deliver orders.\n\nYour rights\nYou can see, correct or delete your "
     "data, and object to processing.\n", "en", False),
])
def test_objection_in_a_paragraph_of_its_own(text: str, lang: str, separate: bool) -> None:
    assert separate == ("RK-LINT-OBJECT-SEPARATE" not in _rules(text, lang))


# ------------------------------------------------------------------------------------------- legitimate interests

@pytest.mark.parametrize(("text", "lang", "outcome"), [
    # The interest given after the article that names the basis.
    ("Ändamål och rättslig grund\nPublikenkäten grundar sig på föreningens berättigade intresse (artikel 6.1 f) av "
     "att veta hur publiken upplevt föreställningen.\n", "sv", Outcome.PROVIDED),
    ("Ändamål och rättslig grund\n| Ändamål | Rättslig grund |\n|---|---|\n| Erbjudanden per e-post | berättigat "
     "intresse (art. 6.1 f): vi vill att medlemmarna får erbjudanden som passar deras trädgård |\n", "sv",
     Outcome.PROVIDED),
    ("Purposes and legal basis\nForum moderation rests on our legitimate interest, Art. 6(1)(f): keeping the forum "
     "free of harassment and spam.\n", "en", Outcome.PROVIDED),
    # The article alone names the basis, not the interest.
    ("Ändamål och rättslig grund\nPublikenkäten grundar sig på föreningens berättigade intresse (artikel 6.1 f).\n",
     "sv", Outcome.MISSING),
    ("Purposes and legal basis\nForum moderation rests on our legitimate interest (Art. 6(1)(f)).\n", "en",
     Outcome.MISSING),
])
def test_interest_given_after_the_article(text: str, lang: str, outcome: Outcome) -> None:
    fmt = "md" if "|" in text else "txt"
    assert outcome == _lint(text, lang, fmt).outcome(R.LEGITIMATE_INTERESTS)


# ------------------------------------------------------------------------------------------- headings

@pytest.mark.parametrize(("heading", "kind"), [
    ("Vem ser uppgifterna?", "recipients"),
    ("Who sees my data?", "recipients"),
    ("Kuka tietoja käsittelee", "recipients"),
    ("Tietoja käytetään", "purposes"),
    ("Mitä tietoja ja mihin", "purposes"),
])
def test_everyday_headings(heading: str, kind: str) -> None:
    from rekisterikit.lint.structure import classify_heading
    assert kind in classify_heading(heading)


# ------------------------------------------------------------------------------------------- the controller

def test_a_company_given_with_its_business_id_under_a_title_naming_cookies_is_the_controller() -> None:
    from rekisterikit.lint.analysis import Analysis
    from rekisterikit.lint.extract import controller_name
    text = ("Tietosuojaseloste ja evästeet\n\nKuparipannu Oy (Y-tunnus 3391187-1)\n\nTilaajien tiedot\nKäsittelemme "
            "nimeäsi ja osoitettasi. Tietoja käsittelevät puolestamme Posti Oy (kuljetukset) ja Mailmaa Oy "
            "(uutiskirje).\n")
    name = controller_name(Analysis(parse(document_from_text(text, "txt"))))
    assert name is not None
    assert name.value == "Kuparipannu Oy"


_TRADER_FI = ("Tietosuojaseloste – Kauneushoitola Aalto\n\nOlen Helmi Aalto ja pidän Kauneushoitola Aaltoa "
              "toiminimellä (Y-tunnus 2870352-5, Rauhankatu 12, 20100 Turku, helmi@hoitola.example). Vastaan itse "
              "asiakkaideni tietojen käsittelystä.\n\n"
              "Kun varaat ajan, tallennan nimesi, puhelinnumerosi ja sähköpostiosoitteesi. Ajanvaraukseen tarvitsen "
              "nimesi ja puhelinnumerosi; ilman niitä en voi varata sinulle aikaa.\n\n"
              "Käsittelen tietoja, jotta voin varata ajat, tehdä hoidot ja toimittaa tilaukset. Peruste on "
              "kanssani tekemäsi sopimus.\n\n"
              "Verkkokaupan paketit kuljettaa Posti Oy. Tiedot eivät lähde EU:n ulkopuolelle.\n\n"
              "Kerron sinulle pyynnöstäsi, mitä tietoja sinusta on tallessa, ja annan niistä kopion. Korjaan väärät "
              "tiedot ja poistan tietosi, kun pyydät. Voit pyytää, että jäädytän tietojesi käytön siksi aikaa, kun "
              "selvitämme erimielisyyttä.\n")


@pytest.mark.parametrize("requirement", [R.PURPOSES, R.STATUTORY_REQUIREMENT, R.RECIPIENTS, R.RIGHT_ACCESS,
                                         R.RIGHT_ERASURE, R.RIGHT_RESTRICTION, R.CONTROLLER_IDENTITY])
def test_a_sole_trader_in_the_first_person_singular(requirement: Requirement) -> None:
    assert _lint(_TRADER_FI, "fi").outcome(requirement) is Outcome.PROVIDED


def test_the_same_trader_who_says_nothing_of_rights_still_lacks_them() -> None:
    text = _TRADER_FI.split("Kerron", maxsplit=1)[0]
    result = _lint(text, "fi")
    assert result.outcome(R.RIGHT_ACCESS) is Outcome.MISSING
    assert result.outcome(R.RIGHT_RESTRICTION) is Outcome.MISSING


# ------------------------------------------------------------------------------------------- rights, cookies

@pytest.mark.parametrize(("text", "lang", "fmt"), [
    # A subheading per right under the rights section, unknown to the lexicons as a section of its own.
    ("<h2>Oikeutesi</h2>\n<h3>Pääsy tietoihin</h3>\n<p>Saat pyynnöstä kopion tiedoistasi.</p>\n"
     "<h3>Käsittelyn rajoittaminen</h3>\n<p>Voit pyytää, että tietojasi vain säilytetään sen ajan, kun selvitämme "
     "niiden oikeellisuutta.</p>\n", "fi", "html"),
    ("Dina rättigheter\nDu har rätt att få en kopia av dina uppgifter. Du kan också begära att vi begränsar "
     "behandlingen.\n", "sv", "txt"),
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter, få dem rättade, raderade eller "
     "begränsade.\n", "sv", "txt"),
])
def test_restriction_in_other_words(text: str, lang: str, fmt: str) -> None:
    assert _lint(text, lang, fmt).outcome(R.RIGHT_RESTRICTION) is Outcome.PROVIDED


def test_a_restriction_heading_outside_the_rights_names_no_right() -> None:
    text = ("Tietoturva\nTietoihin pääsy on rajattu.\n\nKäsittelyn rajoittaminen\nRajoitamme pääsyä "
            "palvelimelle.\n\nOikeutesi\nSinulla on oikeus tarkastaa tietosi.\n")
    assert _lint(text, "fi").outcome(R.RIGHT_RESTRICTION) is Outcome.MISSING


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Kakor\nVår webbplats använder inga kakor.\n", "sv", Outcome.NOT_APPLICABLE),
    ("Kakor\nWebbplatsen använder ingen statistik eller reklam, bara den kaka som kontaktformuläret behöver för att "
     "fungera.\n", "sv", Outcome.NOT_APPLICABLE),
    ("Cookies\nThe website uses only cookies that are needed for logging in and keeping a lesson connected.\n", "en",
     Outcome.NOT_APPLICABLE),
    ("Evästeet\nSivustolla käytetään vain evästeitä, joita tarvitaan sivuston toimimiseen.\n", "fi",
     Outcome.NOT_APPLICABLE),
    # Cookies of an unknown kind must still be declared.
    ("Kakor\nVår webbplats använder kakor för att förbättra din upplevelse.\n", "sv", Outcome.MISSING),
])
def test_no_cookies_or_only_necessary_ones_need_no_declaration(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.COOKIE_DETAILS)


# ------------------------------------------------------------------------------------------- template questions

_TEMPLATE_FI = ("Tietosuojaseloste\n\nRekisterinpitäjä\nKauppa Esimerkki Oy, Y-tunnus 2664854-2, Katu 1, 00100 "
                "Helsinki, info@esimerkki.fi\n\nHenkilötietojen käsittelyn tarkoitus\nHenkilötietoja käsitellään "
                "tilausten toimittamiseen. Käsittely perustuu sopimukseen.\n\n")


@pytest.mark.parametrize(("text", "outcome"), [
    # The template's question on disclosures and transfers answered by 'ei luovuta'.
    (_TEMPLATE_FI + "Tietojen säännönmukaiset luovutukset ja tietojen siirto EU:n tai ETA:n ulkopuolelle\n"
     "Rekisterinpitäjä ei luovuta tietoja ulkopuolisille.\n", Outcome.NOT_APPLICABLE),
    # A contents list asks; the text answers below.
    (_TEMPLATE_FI + "Tässä selosteessa kerromme:\n- kenelle tietoja luovutetaan ja siirretäänkö niitä EU:n "
     "ulkopuolelle\n- mitä oikeuksia sinulla on\n\nVastaanottajat\nPaketit toimittaa Posti Oy. Tietoja ei siirretä "
     "EU:n tai ETA:n ulkopuolelle.\n", Outcome.NOT_APPLICABLE),
    # A transfer that is stated still needs its safeguard.
    (_TEMPLATE_FI + "Tietojen luovutus ja siirto\nUutiskirje lähetetään Mailchimpin kautta, ja tietoja siirretään "
     "Yhdysvaltoihin.\n", Outcome.MISSING),
])
def test_transfers_asked_or_answered_no(text: str, outcome: Outcome) -> None:
    result = _lint(text, "fi")
    assert outcome == result.outcome(R.TRANSFER_SAFEGUARDS)
    assert "RK-LINT-TRANSFER-COUNTRY" not in {f.rule for f in result.findings}


# ------------------------------------------------------------------------------------------- real-statement wording

@pytest.mark.parametrize(("text", "lang", "vague"), [
    ("Käsittelyn tarkoitus\nTietoja käsitellään tilausten toimittamiseen kulloinkin voimassa olevan lainsäädännön "
     "mukaisesti.\n", "fi", False),
    ("Evästeet\nKäytämme vain välttämättömiä evästeitä. Evästeet voidaan estää selaimen asetuksista.\n", "fi", False),
    ("Käsittelyn tarkoitus\nUutiskirje lähetetään suostumuksella. Suostumus voidaan peruuttaa milloin tahansa.\n",
     "fi", False),
    ("Purposes\nThe newsletter is sent with your consent, which may be withdrawn at any time.\n", "en", False),
    # The hedges on what is done with the data stay vague.
    ("Käsittelyn tarkoitus\nTietoja voidaan käyttää myös muuhun markkinointiin kulloinkin parhaaksi katsotulla "
     "tavalla.\n", "fi", True),
    ("Purposes\nYour data may be used for other purposes.\n", "en", True),
])
def test_what_the_data_subject_can_do_is_no_hedge(text: str, lang: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("text", "lang", "recipients"), [
    # The addressee of a marketing message is no recipient of data.
    ("Markkinointi\nSähköistä suoramarkkinointia lähetetään vain vastaanottajan luvalla.\n", "fi", False),
    ("Marknadsföring\nE-postreklam skickas endast med mottagarens samtycke.\n", "sv", False),
    ("Marketing\nE-mail marketing is sent only with the recipient's consent.\n", "en", False),
    ("Tietojen luovutus\nTietojen vastaanottajia ovat Posti Oy ja Paytrail Oyj.\n", "fi", True),
])
def test_the_addressee_of_marketing_is_no_recipient(text: str, lang: str, recipients: bool) -> None:
    assert recipients == (_lint(text, lang).outcome(R.RECIPIENTS) is Outcome.PROVIDED)


@pytest.mark.parametrize(("text", "outcome"), [
    ("Dina rättigheter\nDu har rätt att få dina uppgifter för inspektion.\n", Outcome.PROVIDED),
    ("Dina rättigheter\nDu har rätt att få dina uppgifter rättade.\n", Outcome.MISSING),
])
def test_swedish_for_inspektion_is_access(text: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, "sv").outcome(R.RIGHT_ACCESS)


@pytest.mark.parametrize(("text", "lang", "requirement", "outcome"), [
    # A short first sentence that denies something is a sentence, not a run-in label.
    ("## Automaattiset päätökset ja evästeet\nEmme tee automaattisia päätöksiä. Sivustolla käytetään vain ostoskorin "
     "toimintaan välttämättömiä evästeitä.\n", "fi", R.AUTOMATED_DECISIONS, Outcome.PROVIDED),
    ("## Kakor\nVi använder inga kakor. Webbplatsen samlar inte in statistik.\n", "sv", R.COOKIE_DETAILS,
     Outcome.NOT_APPLICABLE),
])
def test_a_short_denial_is_no_run_in_heading(text: str, lang: str, requirement: Requirement, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang, "md").outcome(requirement)


def test_a_short_label_ending_in_a_full_stop_is_still_a_run_in_heading() -> None:
    structure = parse(document_from_text("Säilytysaika. Tietoja säilytetään kaksi vuotta.\n", "txt"))
    assert any(u.heading and "retention" in structure.sections[u.section].kinds for u in structure.units)


# ------------------------------------------------------------------------------------------- recipients in other words

@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Personuppgifter\nDina adressuppgifter lämnas vidare till det speditionsföretag vi anlitar (DHL för paket).\n",
     "sv", Outcome.PROVIDED),
    ("Personal data\nYour address is passed on to the courier we use (DHL) so that the parcel can be delivered.\n",
     "en", Outcome.PROVIDED),
    ("Personal data\nWe keep your address so that the parcel can be delivered.\n", "en", Outcome.MISSING),
])
def test_recipients_passed_on(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.RECIPIENTS)


# ------------------------------------------------------------------------------------------- credit data, decisions

_CREDIT_SV = ("Vilka uppgifter\nNamn, adress, telefonnummer, e-post samt kreditupplysningar när du betalar mot "
              "faktura.\n\nBetalning mot faktura\nNär du betalar mot faktura gör vi en kreditupplysning hos Suomen "
              "Asiakastieto Oy. Systemet avgör automatiskt om fakturan godkänns. Ett avslag innebär att du i stället "
              "betalar med kort.\n")


def test_credit_data_comes_from_the_register_the_text_names() -> None:
    result = _lint(_CREDIT_SV, "sv")
    assert "RK-LINT-SOURCE-VAGUE" not in {f.rule for f in result.findings}
    assert result.outcome(R.SOURCES) is Outcome.PROVIDED


def test_credit_data_from_an_unnamed_register_has_no_source() -> None:
    text = _CREDIT_SV.replace("hos Suomen Asiakastieto Oy", "från ett kreditupplysningsföretag")
    result = _lint(text, "sv")
    assert result.outcome(R.SOURCES) is Outcome.MISSING
    assert result.outcome(R.CREDIT_CHECK) is Outcome.MISSING


def test_the_consequence_of_a_refusal_explains_the_decision() -> None:
    assert _lint(_CREDIT_SV, "sv").outcome(R.AUTOMATED_DECISIONS) is Outcome.PROVIDED
    bare = _CREDIT_SV.replace(" Ett avslag innebär att du i stället betalar med kort.", "")
    assert _lint(bare, "sv").outcome(R.AUTOMATED_DECISIONS) is Outcome.MISSING


# ------------------------------------------------------------------------------------------- withdrawal and retention

_NEWSLETTER_SV = ("Ändamål och rättslig grund\nNyhetsbrev med erbjudanden: ditt samtycke (artikel 6.1 a).\n\n"
                  "Lagringstid\nNyhetsbrevsadressen raderas när du avslutar prenumerationen.\n\n")


@pytest.mark.parametrize(("text", "outcome"), [
    # Deletion on unsubscribing says how long the address is kept, not that consent can be withdrawn at any time.
    (_NEWSLETTER_SV, Outcome.MISSING),
    # Refusing the newsletter at any time is the withdrawal.
    (_NEWSLETTER_SV + "Dina rättigheter\nDu kan när som helst invända mot att vi skickar nyhetsbrev.\n",
     Outcome.PROVIDED),
    (_NEWSLETTER_SV + "Dina rättigheter\nDu kan när som helst återkalla ditt samtycke.\n", Outcome.PROVIDED),
])
def test_withdrawal_is_not_read_from_retention(text: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, "sv").outcome(R.WITHDRAW_CONSENT)


def test_which_data_is_needed_said_after_a_retention_label() -> None:
    text = ("Beställningar\nRättslig grund: avtalet med dig.\nLagringstid: två år efter din senaste beställning.\n\n"
            "I beställningsformuläret ser du vilka uppgifter som behövs. Lämnar du inte dem kan vi inte skicka din "
            "beställning.\n")
    assert _lint(text, "sv").outcome(R.STATUTORY_REQUIREMENT) is Outcome.PROVIDED
    kept = "Lagringstid\nUppgifterna sparas i två år efter din senaste beställning.\n"
    assert _lint(kept, "sv").outcome(R.STATUTORY_REQUIREMENT) is Outcome.MISSING


@pytest.mark.parametrize(("cited", "outcome"), [
    (True, Outcome.PROVIDED),
    (False, Outcome.MISSING),
])
def test_the_exception_cited_by_its_number_covers_the_offers_described_elsewhere(cited: bool,
                                                                                  outcome: Outcome) -> None:
    basis = (" sekä sähköisen viestinnän palveluista annetun lain 200 §:n 2 momentti" if cited else "")
    text = ("Käsittelyn tarkoitukset\nKerran vuodessa lähetämme entisille asiakkaillemme sähköpostia. Peruste on "
            f"oikeutettu etumme pitää yhteyttä asiakkaisiimme{basis}. Voit kieltää viestit jokaisen viestin "
            "lopusta.\n\nSäilytys\nVuosittaisen tarjousviestin lähettäminen lopetetaan viiden vuoden kuluttua "
            "viimeisestä kuvauksesta.\n")
    assert outcome == _lint(text, "fi").outcome(R.DIRECT_MARKETING)


# ------------------------------------------------------------------------------------------- everyday Finnish

_PYORA = ("Tietosuojaseloste\n\nRekisterinpitäjä: Pyöräpaja Esimerkki Oy, Y-tunnus 2664854-2, Katu 3, 28100 Pori, "
          "info@pyorapaja.example\n\nKäsittelemme asiakkaan nimeä, osoitetta ja puhelinnumeroa huoltotilausten "
          "hoitamiseksi. Käsittely perustuu sopimukseen ja oikeutetun etumme perusteella myös asiakastyytyväisyyden "
          "seurantaan.\n\nTietoja luovutetaan rahoitusyhtiölle osamaksusopimuksen tekemiseksi.\n\nOikeutesi: saat "
          "tietää, mitä tietoja sinusta on tallennettu.\n")


@pytest.mark.parametrize("requirement", [R.PURPOSES, R.LEGITIMATE_INTERESTS, R.RIGHT_ACCESS, R.RECIPIENTS])
def test_everyday_finnish_purposes_interest_recipient_and_access(requirement: Requirement) -> None:
    result = _lint(_PYORA, "fi")
    assert result.outcome(requirement) is Outcome.PROVIDED
    assert "RK-LINT-RECIPIENTS-VAGUE" not in {f.rule for f in result.findings}


def test_partners_alone_are_still_vague_recipients() -> None:
    text = _PYORA.replace("rahoitusyhtiölle osamaksusopimuksen tekemiseksi", "yhteistyökumppaneille")
    assert "RK-LINT-RECIPIENTS-VAGUE" in _rules(text, "fi")


def test_a_generic_interest_is_still_no_interest() -> None:
    text = _PYORA.replace("myös asiakastyytyväisyyden seurantaan", "liiketoimintamme harjoittamiseen")
    assert _lint(text, "fi").outcome(R.LEGITIMATE_INTERESTS) is Outcome.MISSING


# ------------------------------------------------------------------------------------------- letterheads, run-in labels

def _controller(text: str, lang: str) -> str | None:
    from rekisterikit.lint.analysis import Analysis
    from rekisterikit.lint.extract import controller_name
    from rekisterikit.model.values import Language
    name = controller_name(Analysis(parse(document_from_text(text, "txt"), Language(lang))))
    return None if name is None else name.value


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Privacy statement\n\nAhvenkoukku fishing tackle online shop\nBusiness ID 3613186-2\nSatamatie 5, 57100 "
     "Savonlinna\n", "en", "Ahvenkoukku fishing tackle online shop"),
    ("Om dina uppgifter\n\nLerverkstan är min enskilda firma (Ida Sjöblom, FO-nummer 3303559-2). Du når mig på "
     "ida@lerverkstan.example.\n", "sv", "Ida Sjöblom"),
    # An address line above the business id is no name.
    ("Privacy statement\n\nSatamatie 5, 57100 Savonlinna\nBusiness ID 3613186-2\n", "en", None),
])
def test_the_controller_in_a_letterhead_or_in_brackets(text: str, lang: str, name: str | None) -> None:
    assert _controller(text, lang) == name


@pytest.mark.parametrize(("text", "kind"), [
    ("Why we have your details. We need them to ship your orders under our contract.", "purposes"),
    ("Vem ser dem. Paketen skickas med Posti.", "recipients"),
])
def test_a_question_label_of_five_words_is_a_run_in_heading(text: str, kind: str) -> None:
    structure = parse(document_from_text(text + "\n", "txt"))
    assert any(u.heading and kind in structure.sections[u.section].kinds for u in structure.units)


@pytest.mark.parametrize(("text", "vague"), [
    ("Varför\nJag behöver uppgifterna för att kunna skicka din beställning och ta hand om eventuella "
     "reklamationer.\n", False),
    ("Uppgifter\nNamn, adress och eventuellt förbud mot direktreklam.\n", False),
    ("Mottagare\nUppgifterna kan eventuellt lämnas ut till våra samarbetspartner.\n", True),
])
def test_swedish_eventuell_names_what_may_exist(text: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, "sv"))


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Ändamål\nAtt fakturera: avtalet med dig. Innan vi skickar faktura gör vi en kreditkontroll för att se att du har "
     "betalningsförmåga.\n", "sv", Outcome.MISSING),
    ("Tarkoitukset\nEnnen laskun hyväksymistä varmistamme asiakkaan maksukyvyn.\n", "fi", Outcome.MISSING),
    ("Ändamål\nAtt fakturera: avtalet med dig.\n", "sv", Outcome.NOT_APPLICABLE),
])
def test_a_credit_check_in_other_words(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.CREDIT_CHECK)


@pytest.mark.parametrize(("text", "lang"), [
    # "om" is also "if": a conditional transfer is a transfer.
    ("Mottagare\nNyhetsbrevet skickas med Mailchimp. Om uppgifterna överförs till USA skyddas de av "
     "standardavtalsklausuler.\n", "sv"),
    # A question answered by a bare yes states the transfer.
    ("Usein kysyttyä\nSiirretäänkö tietoja EU:n ulkopuolelle? Kyllä, uutiskirjepalvelun kautta.\n", "fi"),
])
def test_a_conditional_or_confirmed_transfer_is_a_transfer(text: str, lang: str) -> None:
    assert _lint(text, lang).outcome(R.TRANSFER_SAFEGUARDS) is not Outcome.NOT_APPLICABLE


def test_a_contents_list_asking_to_whom_names_no_vague_recipient() -> None:
    text = (_TEMPLATE_FI + "Tässä selosteessa kerromme:\n- kenelle tietoja luovutetaan\n- mitä oikeuksia sinulla on\n\n"
            "Vastaanottajat\nPaketit toimittaa Posti Oy.\n")
    assert "RK-LINT-RECIPIENTS-VAGUE" not in _rules(text, "fi")
    vague = _TEMPLATE_FI + "Vastaanottajat\nTietoja luovutetaan yhteistyökumppaneille.\n"
    assert "RK-LINT-RECIPIENTS-VAGUE" in _rules(vague, "fi")


# ------------------------------------------------------------------------------------------- the old model template

@pytest.mark.parametrize(("text", "lang"), [
    ("Säännönmukaiset tietojen luovutukset\nTietoja voidaan luovuttaa nähtäväksi rekisterissä oleville henkilöille "
     "tarkistusta varten. Tiedot voidaan poistaa järjestelmästä pyydettäessä.\n", "fi"),
    ("Regular disclosure of data\nData can be disclosed to the persons in the register for inspection. Data can be "
     "removed from the register by request.\n", "en"),
    ("Regelmässigt utlämnande av uppgifter\nUppgifterna kan lämnas ut till de registrerade för inspektion. "
     "Uppgifterna kan raderas ur registret på begäran.\n", "sv"),
])
def test_the_old_templates_rights_in_the_disclosure_section(text: str, lang: str) -> None:
    result = _lint(text, lang)
    assert result.outcome(R.RIGHT_ACCESS) is Outcome.PROVIDED
    assert result.outcome(R.RIGHT_ERASURE) is Outcome.PROVIDED
    assert not {"RK-LINT-VAGUE", "RK-LINT-RECIPIENTS-VAGUE"} & {f.rule for f in result.findings}


def test_a_modal_disclosure_to_others_is_still_vague() -> None:
    text = "Tietojen luovutukset\nTietoja voidaan luovuttaa yhteistyökumppaneille markkinointia varten.\n"
    assert {"RK-LINT-VAGUE", "RK-LINT-RECIPIENTS-VAGUE"} <= _rules(text, "fi")

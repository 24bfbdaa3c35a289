"""Classes of error behind hold-out G's differences and the false-alarm hunt after it (issue 21, round 5): each class
with a statement in our own words that shows it, and one that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from tests.lint.lint_helpers import lint as _lint

R = Requirement


def _rules(text: str, lang: str, fmt: str = "txt") -> set[str]:
    return {f.rule for f in _lint(text, lang, fmt).findings}


# ------------------------------------------------------------------------ special categories read from shop data

@pytest.mark.parametrize(("lang", "sentence"), [
    ("fi", "Avustajalipun ostajalta tallennamme avustajakortin numeron."),
    ("fi", "Tallennamme silmälasireseptin tiedot, jotta voimme hioa linssit oikeaan vahvuuteen."),
    ("sv", "Vi behandlar dina glasögonvärden för att kunna slipa glasen."),
    ("sv", "Vid köp av ledsagarbiljett sparar vi numret på ditt ledsagarkort."),
    ("en", "We keep your eyeglass prescription so that we can make the lenses."),
    ("en", "For a free companion ticket we record the number of your companion card."),
])
def test_data_that_reveals_a_disability_or_eyesight_is_a_special_category(lang: str, sentence: str) -> None:
    """A companion card, a glasses prescription or eye values say something of health (GDPR 4(15)): without an
    Art. 9(2) condition the special category is flagged."""
    result = _lint(sentence, lang)
    assert result.outcome(R.SPECIAL_CATEGORIES) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "sentence"), [
    ("fi", "Tallennamme silmälasireseptin tiedot nimenomaisella suostumuksellasi (9 art. 2 a)."),
    ("sv", "Vi behandlar dina glasögonvärden med ditt uttryckliga samtycke (artikel 9.2 a)."),
    ("en", "We keep your eyeglass prescription with your explicit consent (Art. 9(2)(a))."),
])
def test_the_same_data_with_an_article_9_condition_is_provided(lang: str, sentence: str) -> None:
    """The same data with explicit consent under Art. 9(2)(a) is in order."""
    assert _lint(sentence, lang).outcome(R.SPECIAL_CATEGORIES) is Outcome.PROVIDED


def test_a_recipe_or_sunglasses_reveal_nothing() -> None:
    """Finnish 'resepti' alone is also a cooking recipe, and sunglasses are no prescription: nothing is flagged."""
    result = _lint("Lähetämme uutiskirjeessä reseptejä ja tarjouksia aurinkolaseista.", "fi")
    assert result.outcome(R.SPECIAL_CATEGORIES) is Outcome.NOT_APPLICABLE


# ------------------------------------------------------------------- "purpose – basis" labels name no interest

_LABELLED = {
    "fi": "- Markkinointi – oikeutettu etu (6 art. 1 f). Lähetämme asiakkaille sähköpostitse tietoa tapahtumista.\n",
    "sv": "- Marknadsföring – berättigat intresse (art. 6.1 f). Vi skickar kunderna e-post om kommande evenemang.\n",
    "en": "- Marketing – legitimate interest (Art. 6(1)(f)). We e-mail customers about coming events.\n",
}


@pytest.mark.parametrize("lang", sorted(_LABELLED))
def test_a_purpose_label_before_the_basis_names_no_interest(lang: str) -> None:
    """In a list of "purpose – basis" items the label is the purpose; the interest itself is not named (13(1)(d))."""
    assert "RK-LINT-LEGITIMATE-INTEREST" in _rules(_LABELLED[lang], lang)


_EXPLAINED = {
    "fi": "- Markkinointi – oikeutettu etu (6 art. 1 f): etumme on kertoa asiakkaille tulevista tapahtumista.\n",
    "sv": "- Marknadsföring – berättigat intresse (art. 6.1 f): vårt intresse är att berätta om kommande evenemang.\n",
    "en": "- Marketing – legitimate interest (Art. 6(1)(f)): our interest is to tell customers about coming events.\n",
}


@pytest.mark.parametrize("lang", sorted(_EXPLAINED))
def test_an_interest_given_after_the_basis_is_named(lang: str) -> None:
    """The interest given after the basis of a labelled item is named."""
    assert "RK-LINT-LEGITIMATE-INTEREST" not in _rules(_EXPLAINED[lang], lang)


# ---------------------------------------------------- clauses beside an adequate mechanism for another provider

_CLAUSES_AND_DPF = ("Siirrot EU:n ulkopuolelle\n\n"
                    "Mailchimp käsittelee sähköpostiosoitteita Yhdysvalloissa; siirto perustuu komission "
                    "vakiosopimuslausekkeisiin. Google siirtää tietoja Yhdysvaltoihin EU:n ja Yhdysvaltojen "
                    "tietosuojakehyksen perusteella.\n")


def test_clauses_with_one_provider_need_a_copy_though_another_is_certified() -> None:
    """The Data Privacy Framework that covers Google does not make Mailchimp's standard clauses a supplement."""
    assert "RK-LINT-TRANSFER-COPY" in _rules(_CLAUSES_AND_DPF, "fi")


def test_clauses_agreed_with_the_certified_provider_are_a_supplement() -> None:
    """Clauses agreed as well with the provider the framework certifies need no copy (the transfer rests on Art. 45)."""
    text = ("Transfers outside the EU\n\nMailchimp is certified under the EU-U.S. Data Privacy Framework. "
            "Mailchimp has also signed the standard contractual clauses with us.\n")
    assert "RK-LINT-TRANSFER-COPY" not in _rules(text, "en")


# ------------------------------------------------------------------------------------ bases listed in a row

_IN_A_ROW = {
    "fi": ("Henkilötietoja käytetään tilausten toimittamiseen, asiakaspalveluun, tilastointiin ja markkinointiin.\n\n"
           "Henkilötietojen käsittelyn oikeusperusteena on sopimus, suostumus tai oikeutettu etu.\n"),
    "sv": ("Personuppgifterna används för att hantera beställningar, kundservice och marknadsföring.\n\n"
           "Den rättsliga grunden för behandlingen är avtal, samtycke och berättigat intresse.\n"),
    "en": ("We use your details to deliver orders, to answer questions and to send offers.\n\n"
           "The processing is based on agreement, consent or legitimate interest.\n"),
}


@pytest.mark.parametrize("lang", sorted(_IN_A_ROW))
def test_bases_listed_in_a_row_tie_no_basis_to_a_purpose(lang: str) -> None:
    """Three bases listed together for all purposes leave open which purpose rests on which (13(1)(c))."""
    result = _lint(_IN_A_ROW[lang], lang)
    assert result.outcome(R.LEGAL_BASIS) is Outcome.MISSING
    assert "RK-LINT-BASES-UNTIED" in {f.rule for f in result.findings}


def test_bases_as_bullets_under_a_lead_in_are_a_list_in_a_row_too() -> None:
    """The same list as bullets under "oikeusperuste … on" ties no basis to a purpose either."""
    text = ("Oikeusperuste\n\nHenkilötietojen käsittelyn oikeusperuste on\n- henkilön suostumus\n"
            "- sopimus, jossa rekisteröity on osapuolena\n- rekisterinpitäjän oikeutettu etu\n\n"
            "Tarkoitus\n\nTietoja käytetään yhteydenpitoon, huoltokäyntien sopimiseen ja markkinointiin.\n")
    assert _lint(text, "fi").outcome(R.LEGAL_BASIS) is Outcome.MISSING


def test_a_list_followed_by_the_basis_of_each_purpose_is_read_as_given() -> None:
    """A list in a row whose every basis is then given for a purpose ties them all."""
    text = _IN_A_ROW["en"] + ("Orders are processed on the basis of the contract. Offers are sent only with your "
                              "consent. Answering questions rests on our legitimate interest in serving customers "
                              "well.\n")
    result = _lint(text, "en")
    assert result.outcome(R.LEGAL_BASIS) is Outcome.PROVIDED


def test_bases_tied_to_their_purposes_in_one_sentence_are_no_list() -> None:
    """Bases named each with its purpose in brackets are tied to them."""
    text = ("Käsittelyn perusteet ovat sopimus (tilaukset), suostumus (uutiskirje) ja oikeutettu etu (tilastot, "
            "etunamme palvelun parantaminen).\n")
    assert "RK-LINT-BASES-UNTIED" not in _rules(text, "fi")


# -------------------------------------------------------------------- objection only against direct marketing

_MARKETING_ONLY = {
    "fi": ("Henkilötietojen käsittelyn oikeusperusteena on sopimus, suostumus ja oikeutettu etu.\n\n"
           "Kielto-oikeus\n\nRekisteröidyllä on oikeus kieltää tietojensa käyttö suoramainontaan ja muuhun "
           "suoramarkkinointiin.\n"),
    "sv": ("Den rättsliga grunden för behandlingen är avtal, samtycke och berättigat intresse.\n\n"
           "Rätt att förbjuda\n\nDen registrerade har rätt att förbjuda behandling av uppgifter om honom eller henne "
           "för direktreklam och annan direktmarknadsföring.\n"),
    "en": ("We screen orders for card fraud on the basis of our legitimate interest in not losing goods to stolen "
           "cards.\n\nYour rights\n\nYou can opt out of direct marketing at any time.\n"),
}


@pytest.mark.parametrize("lang", sorted(_MARKETING_ONLY))
def test_objection_only_to_marketing_leaves_the_right_to_object_unsaid(lang: str) -> None:
    """Where other processing rests on legitimate interests, objecting to direct marketing alone is not the right of
    21(1)."""
    result = _lint(_MARKETING_ONLY[lang], lang)
    assert "RK-LINT-OBJECT-MARKETING-ONLY" in {f.rule for f in result.findings}
    assert result.outcome(R.RIGHT_OBJECT) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "sentence"), [
    ("sv", "Du kan invända mot försäljningsuppföljningen av skäl som gäller din situation, och mot "
           "direktmarknadsföring när som helst."),
    ("en", "You can object at any time to our use of your order details for fraud prevention, and to direct "
           "marketing."),
])
def test_objection_that_also_reaches_other_processing_is_given(lang: str, sentence: str) -> None:
    """An objection sentence that also names the other processing, or the data subject's situation, gives 21(1)."""
    text = _MARKETING_ONLY[lang].rsplit("\n\n", 1)[0] + "\n\n" + sentence + "\n"
    assert "RK-LINT-OBJECT-MARKETING-ONLY" not in _rules(text, lang)


def test_objection_to_marketing_is_enough_when_only_marketing_rests_on_an_interest() -> None:
    """Where the legitimate interest is the ground of the marketing alone, 21(2) is the right to give."""
    text = ("Markkinointi perustuu oikeutettuun etuumme kertoa asiakkaille uutuuksista.\n\n"
            "Voit kieltää suoramarkkinoinnin milloin tahansa.\n")
    assert "RK-LINT-OBJECT-MARKETING-ONLY" not in _rules(text, "fi")


# ---------------------------------------------------------------------------- an interest in not doing something

def test_an_interest_in_not_doing_something_is_named() -> None:
    """"Our legitimate interest in not buying stolen property" names the interest, as "in preventing" does."""
    text = ("We check trade-in devices against a stolen-device register on the basis of our legitimate interest in "
            "not buying stolen property (Art. 6(1)(f)).\n")
    assert "RK-LINT-LEGITIMATE-INTEREST" not in _rules(text, "en")


def test_a_bare_interest_is_still_unnamed() -> None:
    """The basis alone names no interest."""
    text = "We check trade-in devices against a stolen-device register on the basis of our legitimate interest.\n"
    assert "RK-LINT-LEGITIMATE-INTEREST" in _rules(text, "en")


# ------------------------------------------------------------------------ controllers of states outside Finland

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Who is responsible\n\nKerros3D is the Finnish-language shop of Schichtwerk AG, a company registered in "
           "Switzerland (UID CHE-482.117.365), Industriestrasse 47, 8952 Schlieren, Switzerland. "
           "privacy@kerros3d.example\n"),
    ("fi", "Rekisterinpitäjä\n\nVuoripolku on Fjellsti Norge AS:n suomenkielinen verkkokauppa. Fjellsti Norge AS, "
           "org.nr. 912 345 678, Storgata 5, 0155 Oslo, Norja. asiakaspalvelu@vuoripolku.example\n"),
    ("sv", "Personuppgiftsansvarig\n\nTeabutiken drivs av Leafhouse Trading plc, company number 01234567, "
           "registrerat i England, 10 Mill Lane, London. info@teabutiken.example\n"),
])
def test_a_foreign_company_with_its_own_register_code_is_identified(lang: str, text: str) -> None:
    """A Swiss AG, a Norwegian AS or a British plc named with the code of its own register names the controller and
    has no Finnish business id to give."""
    result = _lint(text, lang)
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED
    assert result.outcome(R.BUSINESS_ID) is Outcome.PROVIDED


def test_a_foreign_company_form_without_a_code_still_lacks_the_id() -> None:
    """The legal form alone names the company, but no register code is given."""
    text = ("Who is responsible\n\nKerros3D is the Finnish-language shop of Schichtwerk AG, Industriestrasse 47, 8952 "
            "Schlieren, Switzerland. privacy@kerros3d.example\n")
    result = _lint(text, "en")
    assert result.outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED
    assert result.outcome(R.BUSINESS_ID) is Outcome.MISSING


def test_a_trade_name_in_capital_letters_is_no_company_form() -> None:
    """A sentence in capitals throughout ("AS LONG AS …") gives no legal form to a trade name."""
    text = "Controller\n\nKerros3D\nWE KEEP DATA AS LONG AS NEEDED. privacy@kerros3d.example\n"
    assert "RK-LINT-CONTROLLER-TRADE-NAME" in _rules(text, "en")


# ------------------------------------------------------------------------------ cookies set only after consent

_BANNER = {
    "fi": ("Evästeet\n\nEnsimmäisellä käynnillä voit hyväksyä tai hylätä tilasto- ja markkinointievästeet. Ne "
           "asetetaan vasta hyväksynnän jälkeen.\n"),
    "sv": ("Kakor\n\nI bannern kan du godkänna eller neka statistik- och marknadsföringskakor. De sätts först efter "
           "att du har godkänt dem.\n"),
    "en": ("Cookies\n\nOur banner lets you accept or reject statistics and marketing cookies. They are set only after "
           "you have accepted them.\n"),
}


@pytest.mark.parametrize("lang", sorted(_BANNER))
def test_cookies_set_only_after_acceptance_are_no_opt_out(lang: str) -> None:
    """A banner to accept or reject, with cookies set only after acceptance, asks prior consent (917/2014 205 §)."""
    assert "RK-LINT-COOKIE-OPT-OUT" not in _rules(_BANNER[lang], lang)


def test_cookies_one_can_only_block_are_still_an_opt_out() -> None:
    """Statistics cookies the visitor can only block afterwards are an opt-out."""
    text = "Evästeet\n\nKäytämme tilastoevästeitä. Voit estää evästeet selaimen asetuksista tai poistaa ne.\n"
    assert _lint(text, "fi").outcome(R.COOKIE_CONSENT) is Outcome.MISSING


# ---------------------------------------------------------------------------- a cookie table of the shop's own names

_OWN_NAMES = ("<h2>Cookies</h2><table><tr><th>Cookie</th><th>Purpose</th><th>Set by</th><th>Duration</th></tr>"
              "<tr><td>kt_auth</td><td>keeps you logged in</td><td>Kuunneltava (first party)</td><td>30 days</td></tr>"
              "<tr><td>AMP_*</td><td>counts page views</td><td>Amplitude (third party)</td><td>12 months</td></tr>"
              "</table><p>We ask for your consent before setting the analytics cookie.</p>")


def test_a_cookie_table_of_the_shops_own_names_names_the_cookies() -> None:
    """Rows of a cookie table name cookies the lexicon does not know ("kt_auth", "AMP_*")."""
    assert _lint(_OWN_NAMES, "en", "html").outcome(R.COOKIE_DETAILS) is Outcome.PROVIDED


def test_a_table_of_cookie_categories_names_no_cookie() -> None:
    """A table whose rows are categories ("Analytics cookies") names no cookie."""
    text = _OWN_NAMES.replace("kt_auth", "Necessary cookies").replace("AMP_*", "Analytics cookies")
    assert _lint(text, "en", "html").outcome(R.COOKIE_DETAILS) is Outcome.MISSING


# ---------------------------------------------------------------------------- a modal with a concrete condition

@pytest.mark.parametrize(("lang", "sentence"), [
    ("fi", "Jos ilmoitus tai viesti näyttää huijaukselta, järjestelmä pysäyttää sen, ja tili voidaan sulkea "
           "väliaikaisesti."),
    ("en", "Your colleagues may also give us your name and role when they add you as a user of the company account."),
    ("sv", "Om du anmäler dig till en kurs kan vi behandla dina uppgifter om specialkost."),
])
def test_a_modal_with_a_concrete_condition_says_when(lang: str, sentence: str) -> None:
    """"If a listing looks like a scam, the account may be closed" says when something happens; nothing is hedged."""
    text = {"fi": "Tietojen käsittely\n\n", "en": "Data we process\n\n", "sv": "Uppgifter vi behandlar\n\n"}[lang]
    assert "RK-LINT-VAGUE" not in _rules(text + sentence + "\n", lang)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("fi", "Tietoja voidaan käyttää myös muihin tarkoituksiin, kun se on tarpeen."),
    ("fi", "Tietoja voidaan julkaista, jos siitä on asiakkaan kanssa sovittu."),
    ("en", "We may share your data with partners when needed."),
])
def test_a_condition_of_need_or_a_hedged_disclosure_stays_vague(lang: str, sentence: str) -> None:
    """"When needed" is no condition, and a hedged disclosure leaves open what is disclosed."""
    text = {"fi": "Tietojen luovutukset\n\n", "en": "Who receives data\n\n"}[lang]
    assert "RK-LINT-VAGUE" in _rules(text + sentence + "\n", lang)


# ----------------------------------------------------------------- an example in the purpose cell of a table

_HEADING = "Käsittelyn tarkoitukset, perusteet ja säilytysajat\n\n"
_TABLE = ("| Tarkoitus | Peruste | Säilytysaika |\n|---|---|---|\n"
          "| Väärinkäytösten estäminen (esim. toisen nimissä tehdyt tilaukset) | Oikeutettu etu: etumme on estää "
          "petokset | 12 kk |\n| Tilaukset | Sopimus | 6 vuotta |\n")


def test_an_example_in_the_purpose_cell_leaves_no_period_open() -> None:
    """In a table of purposes, bases and periods, "esim." in the purpose cell leaves no period open."""
    assert "RK-LINT-VAGUE" not in _rules(_HEADING + _TABLE, "fi", "md")


def test_an_example_in_the_period_cell_does() -> None:
    """The same example in the period cell leaves the period open."""
    text = _TABLE.replace("| 12 kk |", "| esim. 12 kk |").replace("(esim. toisen nimissä tehdyt tilaukset)", "")
    assert "RK-LINT-VAGUE" in _rules(_HEADING + text, "fi", "md")


# ------------------------------------------------------------------- the GDPR 22 formula, denied, with a comma

@pytest.mark.parametrize(("lang", "sentence"), [
    ("fi", "Emme tee sinusta päätöksiä, joilla olisi oikeusvaikutuksia tai muuten merkittäviä vaikutuksia."),
    ("sv", "Vi fattar inga beslut om dig som har rättsliga följder eller på liknande sätt påverkar dig."),
    ("en", "We do not make decisions, which would have legal or similarly significant effects on you."),
])
def test_decisions_with_legal_effects_denied_are_an_answer(lang: str, sentence: str) -> None:
    """Saying that no decisions with legal effects are made answers 13(2)(f)."""
    assert _lint(sentence, lang).outcome(R.AUTOMATED_DECISIONS) is Outcome.PROVIDED


def test_silence_on_decisions_is_still_no_answer() -> None:
    """A text that says nothing of decisions does not answer it."""
    assert _lint("Käsittelemme tilaustietoja.", "fi").outcome(R.AUTOMATED_DECISIONS) is Outcome.MISSING


# --------------------------------------------- non-necessary cookies on legitimate interest: nothing to withdraw

_COOKIES_ON_INTEREST = ("Kakor\n\nAnalyscookies använder vi med stöd av vårt berättigade intresse att utveckla "
                        "webbplatsen. De laddas när sidan öppnas.\n\n"
                        "| Kaka | Ändamål | Giltighet | Leverantör |\n|---|---|---|---|\n"
                        "| _ga | statistik (analys) | 2 år | Google (tredje part) |\n")


def test_cookies_on_legitimate_interest_ask_no_withdrawal() -> None:
    """Where no consent is asked, 13(2)(c) asks for no right to withdraw it; the missing consent is the finding."""
    result = _lint(_COOKIES_ON_INTEREST, "sv", "md")
    assert result.outcome(R.WITHDRAW_CONSENT) is Outcome.NOT_APPLICABLE
    assert result.outcome(R.COOKIE_CONSENT) is Outcome.MISSING


def test_cookies_on_consent_still_need_the_withdrawal() -> None:
    """Analytics cookies set with consent need the right to withdraw it where cookies are described."""
    text = _COOKIES_ON_INTEREST.replace("med stöd av vårt berättigade intresse att utveckla webbplatsen",
                                        "endast med ditt samtycke").replace("De laddas när sidan öppnas.", "")
    assert _lint(text, "sv", "md").outcome(R.WITHDRAW_CONSENT) is Outcome.MISSING


# ------------------------------------------------------------------- e-mail offers to business customers' staff

_B2B = {
    "fi": ("B2B-markkinointi\n\nLähetämme yritysasiakkaidemme yhteyshenkilöille sähköpostitse tarjouksia heidän "
           "työtehtäviinsä liittyvistä laitteista oikeutetun etumme perusteella: etumme on markkinoida tuotteitamme "
           "yrityksille. Voit kieltää markkinoinnin jokaisen viestin linkistä.\n"),
    "sv": ("Marknadsföring till företagskunder\n\nVi skickar kontaktpersoner hos våra företagskunder erbjudanden per "
           "e-post om utrustning för deras arbetsuppgifter, med stöd av vårt berättigade intresse att marknadsföra "
           "våra produkter till företag. Du kan när som helst säga nej till utskicken.\n"),
    "en": ("B2B marketing\n\nWe send our business customers' contact persons e-mail offers relevant to their work, "
           "based on our legitimate interest in marketing our products to businesses. Every message has an "
           "unsubscribe link.\n"),
}


@pytest.mark.parametrize("lang", sorted(_B2B))
def test_offers_to_business_customers_staff_about_their_work_with_refusal_pass(lang: str) -> None:
    """E-mail offers to business customers' contact persons about their work, with refusal offered, are marketing to
    a legal person ([M]: the ombudsman's guidance under the repealed 516/2004 27 §)."""
    assert "RK-LINT-DIRECT-MARKETING" not in _rules(_B2B[lang], lang)


def test_offers_to_consumers_as_well_still_need_consent() -> None:
    """The same offers sent to consumers too need their consent."""
    text = _B2B["en"].replace("our business customers' contact persons", "our consumers and business customers")
    assert "RK-LINT-DIRECT-MARKETING" in _rules(text, "en")


def test_offers_to_business_customers_without_refusal_are_still_flagged() -> None:
    """Without any way to refuse, the offers are flagged."""
    text = _B2B["en"].replace(" Every message has an unsubscribe link.", "")
    assert "RK-LINT-DIRECT-MARKETING" in _rules(text, "en")


# ----------------------------------------------------------------- the false-alarm hunt on the new corpus statements

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Offers by e-mail\n\nIf you have bought from us, we e-mail you offers on our own similar teas. "
           "You can refuse them at checkout and with the link in every message.\n"),
    ("sv", "Erbjudanden per e-post\n\nTill kunder som har handlat hos oss skickar vi erbjudanden på våra liknande teer "
           "per e-post. Du kan tacka nej i kassan och via länken i varje meddelande.\n"),
])
def test_offers_on_our_similar_goods_are_the_existing_customer_exception(lang: str, text: str) -> None:
    """"Our own similar teas" names the similar products of the existing-customer exception as "similar products"
    does."""
    assert "RK-LINT-DIRECT-MARKETING" not in _rules(text, lang)


def test_offers_on_anything_by_e_mail_without_consent_are_still_flagged() -> None:
    """Offers by e-mail with no consent and no similar products named are flagged."""
    text = "Offers by e-mail\n\nWe e-mail our customers offers on all our teas.\n"
    assert "RK-LINT-DIRECT-MARKETING" in _rules(text, "en")


_TOOL = ("Markkinointi\n\nLähetämme sähköpostitse tarjouksia vain suostumuksellasi.\n\n"
         "Kenelle tiedot annetaan\n\nTarjousviestit lähetetään Mailchimp-palvelulla.\n")


def test_the_tool_that_sends_consented_offers_is_no_new_marketing() -> None:
    """A recipients sentence naming the tool that sends offers given on consent describes the same marketing."""
    assert "RK-LINT-DIRECT-MARKETING" not in _rules(_TOOL, "fi")


def test_offers_described_only_where_the_tool_is_named_are_still_flagged() -> None:
    """Without consent anywhere, the offers named with the tool are flagged."""
    text = "Kenelle tiedot annetaan\n\nTarjousviestit lähetetään sähköpostitse Mailchimp-palvelulla.\n"
    assert "RK-LINT-DIRECT-MARKETING" in _rules(text, "fi")


def test_a_provider_processing_data_in_a_third_country_names_the_country() -> None:
    """"Mailchimp … käsittelee sähköpostiosoitteita Yhdysvalloissa" names the country of the transfer."""
    text = ("Kenelle tiedot annetaan\n\nUutiskirjeen lähettää Mailchimp, jonka tarjoaja käsittelee "
            "sähköpostiosoitteita Yhdysvalloissa. Siirto perustuu vakiosopimuslausekkeisiin; saat niistä kopion "
            "pyytämällä.\n")
    assert "RK-LINT-TRANSFER-COUNTRY" not in _rules(text, "fi")


def test_a_transfer_outside_the_eea_without_a_country_still_lacks_it() -> None:
    """A transfer said to leave the EEA, with no country named, is flagged."""
    text = ("Siirrot\n\nTietoja siirretään EU:n ja ETA:n ulkopuolelle vakiosopimuslausekkeiden perusteella; "
            "saat niistä kopion pyytämällä.\n")
    assert "RK-LINT-TRANSFER-COUNTRY" in _rules(text, "fi")


_FIRST_PARTY = ("Evästeet\n\nTilastoevästeet asetetaan vasta hyväksynnän jälkeen.\n\n"
                "| Eväste | Tarkoitus | Kesto | Asettaja |\n|---|---|---|---|\n"
                "| fv_stats | kävijätilastot | 13 kuukautta | Fjellvare (ensimmäinen osapuoli) |\n")


def test_a_first_party_cookie_in_the_nominative_names_its_party() -> None:
    """"ensimmäinen osapuoli" names the party of the cookie as "ensimmäisen osapuolen" does."""
    assert _lint(_FIRST_PARTY, "fi", "md").outcome(R.COOKIE_DETAILS) is Outcome.PROVIDED


def test_a_cookie_table_without_the_party_still_lacks_it() -> None:
    """Without the party the cookie's details are incomplete."""
    text = _FIRST_PARTY.replace(" | Asettaja |", " |").replace("|---|---|---|---|", "|---|---|---|").replace(
        " | Fjellvare (ensimmäinen osapuoli) |", " |")
    assert _lint(text, "fi", "md").outcome(R.COOKIE_DETAILS) is Outcome.MISSING


def test_a_list_in_a_row_may_name_the_party_of_the_contract() -> None:
    """"… nödvändig för att fullgöra köpeavtalet mellan dig och Företaget, rättslig förpliktelse eller berättigat
    intresse" is still a list in a row (a wording read on a real Swedish shop's page)."""
    text = ("Personuppgifterna används för beställningar, kundservice och marknadsföring.\n\n"
            "Som rättslig grund hänvisar vi till att behandlingen är nödvändig för att fullgöra köpeavtalet mellan dig "
            "och Företaget, rättslig förpliktelse eller berättigat intresse.\n")
    assert "RK-LINT-BASES-UNTIED" in _rules(text, "sv")


def test_a_list_in_a_row_may_name_the_bases_in_the_words_of_article_6() -> None:
    """"consent; performance of a contract; compliance with a legal obligation; our legitimate interests" is a list in a
    row too."""
    text = ("We use your data for orders, support and marketing.\n\nOur lawful bases are: consent; performance of a "
            "contract; compliance with a legal obligation; our legitimate interests.\n")
    assert "RK-LINT-BASES-UNTIED" in _rules(text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Evästeet\n\nKävijätilastot tuottaa Google Analytics, jonka tarjoaja Google LLC voi käsitellä tietoja "
           "Yhdysvalloissa. Google on sitoutunut EU:n ja Yhdysvaltojen tietosuojakehykseen.\n"),
    ("sv", "Kakor\n\nBesöksstatistiken tas fram med Google Analytics; Google LLC kan behandla uppgifterna i USA. "
           "Google är certifierat enligt Data Privacy Framework.\n"),
])
def test_a_provider_that_may_process_data_in_a_third_country_discloses_the_transfer(lang: str, text: str) -> None:
    """"Google LLC voi käsitellä tietoja Yhdysvalloissa" (the infinitive) states the transfer and its country."""
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in _rules(text, lang)


def test_a_modal_in_the_explanation_of_an_interest_is_no_hedge() -> None:
    """"Oikeutettu etu: … ja me voimme todeta, kuka tilauksen teki" says what the interest makes possible."""
    text = ("Käsittelyn tarkoitukset\n\nVerkkotukun käyttäjätilit – oikeutettu etu: tilin avulla asiakasyrityksen "
            "työntekijät tilaavat yrityksen nimissä, ja me voimme todeta, kuka tilauksen teki.\n")
    assert "RK-LINT-VAGUE" not in _rules(text, "fi")


def test_a_modal_before_the_interest_is_still_a_hedge() -> None:
    """"Voimme käsitellä tietoja myös markkinointiin oikeutetun etumme perusteella" hedges the processing itself."""
    text = ("Käsittelyn tarkoitukset\n\nVoimme käsitellä tietoja myös markkinointiin oikeutetun etumme perusteella, "
            "etumme on kertoa uutuuksista.\n")
    assert "RK-LINT-VAGUE" in _rules(text, "fi")


_PAGE_INSIGHTS = ("Facebook-sivumme\n\nKun seuraat Facebook-sivuamme, saamme Metalta sivun kävijätilastot. Peruste on "
                  "oikeutettu etumme, joka on tietää, mitkä julkaisut kiinnostavat seuraajia.\n\n"
                  "Evästeet\n\nSivustomme käyttää vain ostoskorin toimintaan tarvittavia evästeitä.\n")


def test_statistics_of_the_shops_page_on_a_platform_are_no_cookies() -> None:
    """Page insights Meta gives of the shop's Facebook page come from no cookie of the shop's site."""
    result = _lint(_PAGE_INSIGHTS, "fi")
    assert result.outcome(R.COOKIE_CONSENT) is not Outcome.MISSING
    assert result.outcome(R.COOKIE_DETAILS) is not Outcome.MISSING


def test_a_tracking_tool_on_the_shops_site_still_sets_cookies() -> None:
    """Visitor statistics by Google Analytics on the site are cookies that need consent."""
    text = _PAGE_INSIGHTS.replace("Kun seuraat Facebook-sivuamme, saamme Metalta sivun kävijätilastot.",
                                  "Kävijätilastot verkkokaupastamme tuottaa Google Analytics.")
    assert _lint(text, "fi").outcome(R.COOKIE_CONSENT) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Kaislapaja on Ilmari Kaisla Virtasen toiminimi (Y-tunnus 2876543-5). Sähköposti "
           "kaislapaja@posti.example.\n"),
    ("sv", "Lerverkstan är Ingrid Sjöbloms enskilda firma, FO-nummer 2876543-5. E-post lerverkstan@posti.example.\n"),
    ("en", "Kaislapaja is the trade name of Ilmari Kaisla Virtanen, a sole trader (business ID 2876543-5). E-mail "
           "kaislapaja@posti.example.\n"),
])
def test_a_sentence_with_the_business_id_introduces_the_controller(lang: str, text: str) -> None:
    """A name opening a sentence near the top that gives the business id names the controller."""
    assert _lint(text, lang).outcome(R.CONTROLLER_IDENTITY) is Outcome.PROVIDED


def test_a_provider_named_with_its_business_id_among_the_recipients_is_not_the_controller() -> None:
    """A recipient given with its business id under the recipients heading is someone the shop works with."""
    text = "Kenelle tietoja annetaan\n\nKiitolinja, Y-tunnus 2122839-7, kuljettaa paketit.\n"
    assert _lint(text, "fi").outcome(R.CONTROLLER_IDENTITY) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Seuraa Kaislapajaa Instagramissa!"),
    ("sv", "Följ Lerverkstan på Instagram!"),
    ("en", "Follow Kaislapaja on Instagram!"),
])
def test_a_follow_line_naming_the_shop_names_no_recipient(lang: str, text: str) -> None:
    """A footer line asking to follow the shop on a platform names no transfer."""
    assert "RK-LINT-TRANSFER-UNDISCLOSED" not in _rules(text + "\n", lang)


def test_advertising_on_a_platform_still_names_the_provider() -> None:
    """Advertising through the platform's pixel is a transfer to disclose."""
    assert "RK-LINT-TRANSFER-UNDISCLOSED" in _rules("Käytämme Instagramin ja Facebookin mainoksia ja Meta-pikseliä.\n",
                                                    "fi")


_MARKETING_ON_INTEREST = ("- Marketing – legitimate interest (Art. 6(1)(f)). We e-mail customers news of our products; "
                          "you can unsubscribe with the link in every message.\n"
                          "- Statistics – we use Google Analytics only with your consent.\n")


def test_marketing_on_interest_is_not_excused_by_consent_to_cookies() -> None:
    """E-mail marketing rested on legitimate interest stays without consent when consent is asked only for cookies."""
    assert "RK-LINT-DIRECT-MARKETING" in _rules(_MARKETING_ON_INTEREST, "en")


def test_marketing_with_its_own_consent_passes() -> None:
    """E-mail news sent only with consent is in order."""
    text = _MARKETING_ON_INTEREST.replace("legitimate interest (Art. 6(1)(f)). We e-mail customers",
                                          "consent (Art. 6(1)(a)). With your consent we e-mail you")
    assert "RK-LINT-DIRECT-MARKETING" not in _rules(text, "en")


def test_a_compound_newsletter_with_its_consent_is_consented_marketing() -> None:
    """"Jos tilaat viikoittaisen kohdeuutiskirjeen, lähetämme sen suostumuksesi perusteella": the compound is a
    newsletter, and its consent is the marketing's."""
    text = ("Tarkoitukset\n\nJos tilaat viikoittaisen kohdeuutiskirjeen, lähetämme sen suostumuksesi perusteella. "
            "Käytämme tietoja palvelun kehittämiseen oikeutetun etumme perusteella, etumme on parantaa palvelua.\n")
    assert "RK-LINT-DIRECT-MARKETING" not in _rules(text, "fi")


@pytest.mark.parametrize(("lang", "sentence"), [
    ("fi", "Tallennamme tiedon asiakkaan diabeteksesta, jotta voimme suositella sopivia sukkia."),
    ("sv", "Vi sparar uppgiften om att kunden har celiaki för att kunna föreslå glutenfria produkter."),
    ("en", "We record whether you have diabetes so that we can recommend suitable socks."),
])
def test_a_named_condition_of_the_customer_is_health_data(lang: str, sentence: str) -> None:
    """A customer's diabetes or coeliac disease recorded by the shop is data concerning health."""
    assert _lint(sentence, lang).outcome(R.SPECIAL_CATEGORIES) is Outcome.MISSING


def test_hearing_aid_batteries_as_products_reveal_nothing() -> None:
    """Selling hearing-aid batteries records no condition of the buyer."""
    text = "We sell hearing protection and batteries for hearing aids and process your orders on the contract."
    assert _lint(text, "en").outcome(R.SPECIAL_CATEGORIES) is Outcome.NOT_APPLICABLE


_DETAILS = ("<details><summary>Käytättekö evästeitä?</summary><p>Käytämme vain välttämätöntä istuntoevästettä.</p>"
            "</details><details><summary>Mitä oikeuksia minulla on?</summary><p>Sinulla on oikeus saada antamasi "
            "tiedot koneluettavassa muodossa.</p></details>")


def test_the_question_of_a_details_section_heads_its_answer() -> None:
    """A <summary> question ("Mitä oikeuksia minulla on?") is the heading of the answer under it."""
    result = _lint("<p>Tilaukset käsittelemme sopimuksen perusteella.</p>" + _DETAILS, "fi", "html")
    assert result.outcome(R.RIGHT_PORTABILITY) is Outcome.PROVIDED


def test_the_same_answer_under_a_cookie_paragraph_is_no_right() -> None:
    """Without the question the answer stays in the cookie section, where rights are not read."""
    text = _DETAILS.replace("<details><summary>Mitä oikeuksia minulla on?</summary>", "<details>")
    result = _lint("<p>Tilaukset käsittelemme sopimuksen perusteella.</p>" + text, "fi", "html")
    assert result.outcome(R.RIGHT_PORTABILITY) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "table"), [
    ("fi", "| Käsittely | Peruste | Säilytysaika |\n|---|---|---|\n| Tilausten toimitus | Sopimus | 3 vuotta |\n"
           "| Uutiskirje | Suostumus | kunnes peruutat tilauksen |\n"),
    ("sv", "| Behandling | Grund | Lagringstid |\n|---|---|---|\n| Leverans av beställningar | Avtal | 3 år |\n"
           "| Nyhetsbrev | Samtycke | tills du avslutar prenumerationen |\n"),
    ("en", "| Processing | Basis | Retention |\n|---|---|---|\n| Delivering orders | Contract | 3 years |\n"
           "| Newsletter | Consent | until you unsubscribe |\n"),
])
def test_bare_processing_and_basis_columns_give_purposes_and_bases(lang: str, table: str) -> None:
    """A table headed "Käsittely | Peruste", "Behandling | Grund" or "Processing | Basis" gives purposes and bases."""
    result = _lint(table, lang, "md")
    assert (Outcome.PROVIDED, Outcome.PROVIDED) == (result.outcome(R.PURPOSES), result.outcome(R.LEGAL_BASIS))


def test_a_cookie_processing_heading_is_no_purposes_section() -> None:
    """"Evästeiden käsittely" is a heading about cookies, not the purposes."""
    result = _lint("Evästeiden käsittely\n\nKäytämme välttämättömiä evästeitä.\n", "fi")
    assert result.outcome(R.PURPOSES) is Outcome.MISSING


@pytest.mark.parametrize(("lang", "table"), [
    ("fi", "| Mihin käytämme | Millä perusteella |\n|---|---|\n| Tilausten toimitus | Sopimus |\n"),
    ("sv", "| Ändamål | På vilken grund |\n|---|---|\n| Leverans av beställningar | Avtal |\n"),
])
def test_a_question_column_on_what_basis_gives_the_bases(lang: str, table: str) -> None:
    """A column headed "Millä perusteella" or "På vilken grund" holds the bases."""
    assert _lint(table, lang, "md").outcome(R.LEGAL_BASIS) is Outcome.PROVIDED


def test_a_table_without_a_basis_column_gives_no_basis() -> None:
    """A table of purposes and periods alone gives no basis."""
    text = "| Mihin käytämme | Kuinka kauan |\n|---|---|\n| Tilausten toimitus | 3 vuotta |\n"
    assert _lint(text, "fi", "md").outcome(R.LEGAL_BASIS) is Outcome.MISSING

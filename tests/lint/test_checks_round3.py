"""Readings of the third tuning round on general classes of error (issue 21): each class with a statement that shows
it and one that must still be read the other way."""

from __future__ import annotations

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from rekisterikit.lint.linter import LintResult, lint_text

R = Requirement


def _lint(text: str, lang: str) -> LintResult:
    return lint_text(text, format="txt", language=lang)


def _rules(text: str, lang: str) -> set[str]:
    return {f.rule for f in _lint(text, lang).findings}


@pytest.mark.parametrize(("text", "lang", "vague"), [
    ("Retention\nWe keep your data for as long as necessary.\n", "en", True),
    ("Lagringstid\nVi sparar kunduppgifterna så länge det behövs.\n", "sv", True),
    ("Säilytysaika\nTietoja säilytetään niin kauan kuin on tarpeen.\n", "fi", True),
    # A period or a concrete criterion is no open-ended wording.
    ("Retention\nWe keep your data for two years after your last order.\n", "en", False),
    ("Lagringstid\nVi sparar kunduppgifterna i två år efter den senaste beställningen.\n", "sv", False),
    # A maximum beside the criterion caps it.
    ("Säilytysaika\nTietoja säilytetään niin kauan kuin on tarpeen, kuitenkin enintään kaksi vuotta.\n", "fi", False),
])
def test_as_long_as_necessary_is_open_ended_wording_too(text: str, lang: str, vague: bool) -> None:
    assert vague == ("RK-LINT-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("text", "outcome"), [
    ("Käsittelyn oikeusperuste\nLeimaustietojen käsittely perustuu oikeutettuun etuumme käyttää niitä muihin "
     "liiketoimintamme tarpeisiin.\n", Outcome.MISSING),
    ("Käsittelyn oikeusperuste\nLeimaustietojen käsittely perustuu oikeutettuun etuumme huolehtia salin "
     "turvallisuudesta ja estää kulkukorttien väärinkäyttö.\n", Outcome.PROVIDED),
])
def test_other_business_needs_name_no_interest(text: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, "fi").outcome(R.LEGITIMATE_INTERESTS)


@pytest.mark.parametrize(("text", "lang", "special"), [
    ("Tiedot\nTallennamme kehonkoostumusmittausten ja kuntotestien tulokset valmennusta varten. Käsittely perustuu "
     "jäsensopimukseen.\n", "fi", True),
    ("Uppgifter\nVi sparar resultaten av kroppssammansättningsmätningar och konditionstest. Behandlingen grundar sig "
     "på avtalet.\n", "sv", True),
    ("Data\nWe store your body composition and fitness test results. This rests on the membership contract.\n",
     "en", True),
    # With an Art. 9(2) condition the health data are accounted for.
    ("Tiedot\nTallennamme kehonkoostumusmittausten tulokset nimenomaisella suostumuksellasi.\n", "fi", False),
    ("Tiedot\nTallennamme jäsenten nimet ja käyntikerrat jäsensopimuksen perusteella.\n", "fi", False),
])
def test_body_composition_and_fitness_tests_are_health_data(text: str, lang: str, special: bool) -> None:
    found = any(f.requirement is R.SPECIAL_CATEGORIES for f in _lint(text, lang).findings)
    assert special == found


_B2B = ("Ändamål och rättslig grund\nVi behandlar namn och e-postadress till kontaktpersoner hos våra "
        "företagskunder för att leverera tryckuppdrag och fakturera dem. Behandlingen grundar sig på vårt berättigade "
        "intresse att sköta kundrelationen med ditt företag.\nDina rättigheter\nDu har rätt att få tillgång till "
        "dina uppgifter och att få dem rättade eller raderade.\n")


def test_portability_does_not_apply_to_contact_persons_on_legitimate_interest() -> None:
    assert Outcome.NOT_APPLICABLE == _lint(_B2B, "sv").outcome(R.RIGHT_PORTABILITY)


def test_portability_still_applies_to_orders_on_the_contract() -> None:
    text = _B2B.replace("vårt berättigade intresse att sköta kundrelationen med ditt företag", "avtalet med dig")
    assert Outcome.MISSING == _lint(text, "sv").outcome(R.RIGHT_PORTABILITY)


@pytest.mark.parametrize(("rights", "lang", "separate"), [
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter och att få dem rättade.\nDu har rätt att "
     "göra invändningar mot behandling som grundar sig på vårt berättigade intresse.\n", "sv", True),
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter.\nDu har alltid rätt att invända mot "
     "direktmarknadsföring.\n", "sv", True),
    ("Your rights\nYou may access and correct your data.\nYou may object to processing based on our legitimate "
     "interest.\n", "en", True),
    # In the same sentence as other rights, or as a bullet of the rights list, it is not presented separately.
    ("Dina rättigheter\nDu har rätt att få tillgång till dina uppgifter, att få dem rättade och att invända mot "
     "behandlingen.\n", "sv", False),
    ("Your rights\nYou have:\n- the right to access your data\n- the right to object to the processing\n", "en",
     False),
    ("Your rights\nYou may access and correct your data. You may object to processing based on our legitimate "
     "interest. You may also ask us to erase it.\n", "en", False),
])
def test_objection_on_a_line_of_its_own_is_presented_separately(rights: str, lang: str, separate: bool) -> None:
    basis = {"sv": "Ändamål\nVi skickar nyhetsbrev på grundval av vårt berättigade intresse att marknadsföra "
                   "våra produkter.\n",
             "en": "Purposes\nWe send newsletters on our legitimate interest in marketing our products.\n"}[lang]
    assert separate == ("RK-LINT-OBJECT-SEPARATE" not in _rules(basis + rights, lang))


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Tietojen luovutus\nTietoja ei luovuteta ulkopuolisille ilman asiakkaan nimenomaista kirjallista "
     "suostumusta.\n", "fi", Outcome.NOT_APPLICABLE),
    ("Mottagare\nUppgifterna lämnas inte ut utan kundens skriftliga och uttryckliga samtycke.\n", "sv",
     Outcome.NOT_APPLICABLE),
    ("Recipients\nWe never share your data without the customer's prior written consent.\n", "en",
     Outcome.NOT_APPLICABLE),
    # Something that does rest on consent still needs its withdrawal explained.
    ("Markkinointi\nLähetämme uutiskirjeen suostumuksesi perusteella.\n", "fi", Outcome.MISSING),
])
def test_consent_named_only_as_not_given_asks_no_withdrawal(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.WITHDRAW_CONSENT)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Faktura\nBeslutet om fakturan fattas automatiskt: har du betalningsanmärkningar avslås ansökan.\nOm du får "
     "avslag kan du be att en av våra anställda granskar beslutet.\n", "sv", Outcome.PROVIDED),
    ("Lasku\nLaskulla maksamisen päätös tehdään automaattisesti: maksuhäiriömerkintä johtaa hylkäykseen.\nVoit "
     "pyytää, että työntekijämme käsittelee asian uudelleen.\n", "fi", Outcome.PROVIDED),
    ("Invoice\nInvoice requests are approved automatically unless the credit report shows payment defaults.\nIf "
     "yours is declined, you can ask a member of our staff to review it.\n", "en", Outcome.PROVIDED),
    # An automated rule with nothing on its logic, effects or a human review is not explained.
    ("Faktura\nBeslutet om fakturan fattas automatiskt.\nVi skickar fakturan per e-post.\n", "sv", Outcome.MISSING),
])
def test_an_automated_rule_with_its_human_review_is_explained(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.AUTOMATED_DECISIONS)


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("Faktura\nVid fakturaköp gör vi en kreditprövning och hämtar då en kreditupplysning från Asiakastieto Oy.\n",
     "sv", Outcome.PROVIDED),
    ("Invoice\nFor invoice purchases we run a credit check with Creditsafe.\n", "en", Outcome.PROVIDED),
    ("Faktura\nVid fakturaköp gör vi en kreditprövning.\n", "sv", Outcome.MISSING),
])
def test_a_credit_check_naming_its_register_gives_the_source(text: str, lang: str, outcome: Outcome) -> None:
    assert outcome == _lint(text, lang).outcome(R.SOURCES)


@pytest.mark.parametrize(("text", "lang", "gap"), [
    ("Säilytys\nYhteystiedot poistetaan kahden vuoden kuluttua viimeisestä kuvauksesta. Kuvat säilytetään "
     "kuva-arkistossamme, josta voit tilata lisävedoksia.\n", "fi", True),
    ("Lagringstid\nKontaktuppgifterna raderas efter två år. Bilderna sparas i vårt bildarkiv.\n", "sv", True),
    ("Retention\nContact details are deleted two years after the last order. Photos are kept in our archive.\n", "en",
     True),
    # Every datum with its period, or a sentence on how data is kept, leaves no gap.
    ("Säilytys\nYhteystiedot poistetaan kahden vuoden kuluttua. Kuvat säilytetään viisi vuotta.\n", "fi", False),
    ("Retention\nContact details are deleted after two years. All data is stored securely on servers in Finland.\n",
     "en", False),
])
def test_data_kept_with_no_period_beside_periods_for_the_rest(text: str, lang: str, gap: bool) -> None:
    assert gap == ("RK-LINT-RETENTION-VAGUE" in _rules(text, lang))


@pytest.mark.parametrize(("purpose", "flagged"), [
    ("Vi behandlar namn och adress för att leverera beställningar och förbättra vår webbutik. Behandlingen grundar "
     "sig på avtalet.", False),
    # A development purpose resting on legitimate interest: objection applies and must stand apart.
    ("Vi behandlar namn och adress för att leverera beställningar och förbättra vår webbutik. Förbättringen grundar "
     "sig på vårt berättigade intresse att utveckla sortimentet efter kundernas köp.", True),
])
def test_objection_need_not_stand_apart_where_it_does_not_apply(purpose: str, flagged: bool) -> None:
    text = (f"Ändamål\n{purpose}\nDina rättigheter\nDu har rätt att få tillgång till dina uppgifter, få dem rättade "
            "och raderade och att motsätta dig behandlingen.\n")
    assert flagged == ("RK-LINT-OBJECT-SEPARATE" in _rules(text, "sv"))


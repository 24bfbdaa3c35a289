"""Classes of error behind the first-run differences of hold-out O and the fourth set of real statements (issue 21,
round 11): each class with statements in our own words that show it, and ones that must still be read the other
way."""

from __future__ import annotations

from tests.lint.lint_helpers import lint as _lint


def _rules(text: str, lang: str, fmt: str = "txt") -> set[str]:
    return {f.rule for f in _lint(text, lang, fmt).findings}


def _requirements(text: str, lang: str, fmt: str = "txt") -> set[str]:
    return {f.requirement.value for f in _lint(text, lang, fmt).findings}


# ------------------------------------------------------------- the old document's name as a title

def test_the_old_documents_name_as_a_title_alone_cites_no_repealed_law() -> None:
    for text, lang in (
        ("Rekisteriseloste\nRekisterinpitäjä: Esimerkki Oy, Kauppakatu 1, 00100 Helsinki.\n"
         "Käsittelemme asiakkaiden nimiä ja osoitteita tilausten toimittamiseksi.\n", "fi"),
        ("Registerbeskrivning\nPersonuppgiftsansvarig: Exempel Ab, Storgatan 1, 00100 Helsingfors.\n"
         "Vi behandlar kundernas namn och adresser för att leverera beställningar.\n", "sv"),
    ):
        assert "RK-LINT-REKISTERISELOSTE" not in _rules(text, lang)


def test_the_old_documents_name_beside_the_repealed_act_is_still_outdated() -> None:
    text = ("Rekisteriseloste\nHenkilötietolain (523/1999) 10 §:n mukainen rekisteriseloste.\n"
            "Rekisterinpitäjä: Esimerkki Oy, Kauppakatu 1, 00100 Helsinki.\n")
    rules = _rules(text, "fi")
    assert "RK-LINT-REKISTERISELOSTE" in rules
    assert "RK-LINT-HETIL" in rules


# ------------------------------------------------------------- the interest after a bracketed article

def test_an_interest_given_as_a_verb_after_the_bracketed_article_is_stated() -> None:
    text = ("Käsittelyn perusteet\nPalautekysely kurssin jälkeen: oikeutettu etumme (6 artiklan 1 kohdan f "
            "alakohta) parantaa kurssejamme osallistujien palautteen perusteella.\n")
    assert "RK-LINT-LEGITIMATE-INTEREST" not in _rules(text, "fi")


def test_the_bracketed_article_followed_by_what_the_basis_rests_on_states_no_interest() -> None:
    text = ("Käsittelyn perusteet\nAsiakasrekisterin käsittely perustuu oikeutettuun etuun (6 artiklan 1 kohdan f "
            "alakohta) perustuen asiakassuhteeseen.\n")
    assert "RK-LINT-LEGITIMATE-INTEREST" in _rules(text, "fi")


def test_the_old_documents_name_beside_the_act_before_the_personal_data_act_is_still_outdated() -> None:
    text = ("Registerbeskrivning\nPersonuppgiftsansvarig: Exempel Ab, Storgatan 1, 00100 Helsingfors.\n"
            "Personregisterlagen förutsätter att kunden har rätt att granska sina uppgifter.\n")
    assert "RK-LINT-REKISTERISELOSTE" in _rules(text, "sv")


# ------------------------------------------------------------- a signed request by post

def test_a_request_to_be_sent_signed_by_post_is_a_form_demanded() -> None:
    text = ("Den registrerades rättigheter\nDen registrerade har rätt att få ett utdrag av uppgifterna i registret. "
            "Begäran bör sändas underskriven per post till föreningens adress.\n")
    assert "RK-LINT-SIGNED-REQUEST" in _rules(text, "sv")


def test_a_request_by_e_mail_demands_no_signature() -> None:
    text = ("Den registrerades rättigheter\nDen registrerade har rätt att få ett utdrag av uppgifterna i registret. "
            "Begäran kan sändas per e-post till föreningens adress.\n")
    assert "RK-LINT-SIGNED-REQUEST" not in _rules(text, "sv")


# ------------------------------------------------------------- Swedish vague retention

def test_deleting_when_there_is_no_need_is_vague_retention() -> None:
    text = ("Lagring av uppgifter\nKunduppgifterna förstörs när det inte finns behov av att spara dem längre.\n")
    assert "retention" in _requirements(text, "sv")


def test_deleting_when_no_longer_needed_with_a_period_is_a_period() -> None:
    text = ("Lagring av uppgifter\nKunduppgifterna förstörs när det inte längre finns behov av dem, dock senast "
            "två år efter det senaste köpet.\n")
    assert "retention" not in _requirements(text, "sv")


# ------------------------------------------------------------- a contract named by its kind

def test_a_contract_named_by_its_kind_in_a_compound_is_the_contract_basis() -> None:
    text = ("Tietosuoja – Esimerkkiseura ry\nRekisterinpitäjä: Esimerkkiseura ry, Seuratie 1, 00100 Helsinki.\n"
            "Pidämme jäsenrekisteriä jäsenmaksujen laskutusta ja tiedotteita varten.\n"
            "Käsittely perustuu jäsensopimukseen (jäsenyys) ja yhdistyslain velvoitteeseen pitää jäsenluetteloa.\n")
    rules = _rules(text, "fi")
    assert "RK-LINT-LEGAL-BASIS" not in rules
    assert "RK-LINT-BASIS-INVALID" not in rules


def test_membership_alone_as_the_ground_is_still_no_basis() -> None:
    text = ("Tietosuoja – Esimerkkiseura ry\nRekisterinpitäjä: Esimerkkiseura ry, Seuratie 1, 00100 Helsinki.\n"
            "Pidämme jäsenrekisteriä jäsenmaksujen laskutusta ja tiedotteita varten.\n"
            "Käsittelyn peruste\nJäsenyys.\n")
    assert "RK-LINT-BASIS-INVALID" in _rules(text, "fi")


# ------------------------------------------------------------- a puppy's health

def test_a_puppys_health_results_are_no_special_category() -> None:
    for text, lang in (
        ("Ostajien tiedot\nOstajien tietoja käytän kauppakirjan tekemiseen ja yhteydenpitoon pennun kasvaessa "
         "(esimerkiksi terveystulosten kysely).\n", "fi"),
        ("Köparnas uppgifter\nVi håller kontakt med köparna medan valpen växer, till exempel för att fråga om "
         "hälsoresultaten.\n", "sv"),
    ):
        assert "RK-LINT-SPECIAL-CATEGORIES" not in _rules(text, lang)


def test_a_persons_health_at_a_kennel_is_still_a_special_category() -> None:
    text = ("Asiakkaiden tiedot\nPentukurssin ilmoittautumiset otamme vastaan sähköpostilla. Kirjaamme "
            "kurssilaisten terveydentilaa koskevat tiedot ensiapua varten.\n")
    assert "RK-LINT-SPECIAL-CATEGORIES" in _rules(text, "fi")

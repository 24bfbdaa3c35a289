"""Finding sections and sentences: numbered, unnumbered, run-in and marked-up headings."""

from __future__ import annotations

import pytest

from rekisterikit.lint.document import document_from_text
from rekisterikit.lint.structure import classify_heading, parse
from rekisterikit.model import Language

OLD = """Rekisteriseloste

Rekisterinpitäjä
Esimerkki Oy

Säännönmukaiset tietolähteet
Tiedot saadaan asiakkaalta.

Tarkastusoikeus
Jokaisella on oikeus tarkastaa tietonsa.
"""

NUMBERED = """1. Rekisterinpitäjä
Esimerkki Oy
2) Käsittelyn tarkoitus
Tilausten käsittely.
3 Tietojen luovutus ja siirto EU:n ulkopuolelle
Tietoja ei luovuteta.
"""


def _sections(text: str, fmt: str = "txt") -> list[tuple[tuple[str, ...], str | None, int]]:
    structure = parse(document_from_text(text, fmt))  # type: ignore[arg-type]
    return [(s.kinds, s.heading, s.line) for s in structure.sections]


def test_unnumbered_rekisteriseloste_headings() -> None:
    """The old HetiL headings are recognised on their own lines, and the first line is the title."""
    assert [
        (("title",), "Rekisteriseloste", 1),
        (("controller",), "Rekisterinpitäjä", 3),
        (("sources",), "Säännönmukaiset tietolähteet", 6),
        (("rights",), "Tarkastusoikeus", 9),
    ] == _sections(OLD)


def test_numbered_headings_in_three_styles_and_several_kinds() -> None:
    """`1.`, `2)` and `3 ` numbering; a heading about two things gets both kinds, in order."""
    assert [
        (("controller",), "Rekisterinpitäjä", 1),
        (("purposes",), "Käsittelyn tarkoitus", 3),
        (("recipients", "transfers"), "Tietojen luovutus ja siirto EU:n ulkopuolelle", 5),
    ] == _sections(NUMBERED)


def test_run_in_headings_start_a_section_with_their_text() -> None:
    """`Rekisteriasioita hoitava henkilö: Jyri` is a heading and a body line; a field label is not a heading."""
    structure = parse(document_from_text(
        "Rekisteriasioita hoitava henkilö: Jyri Tähtelä\nPuhelin: 040 123 4567\n", "txt"))
    assert [(("contact_person",), "Rekisteriasioita hoitava henkilö")] == [
        (s.kinds, s.heading) for s in structure.sections]
    assert ["Rekisteriasioita hoitava henkilö", "Jyri Tähtelä", "Puhelin: 040 123 4567"] == [
        u.text for u in structure.units]


def test_markup_headings_are_headings_even_when_unknown() -> None:
    """A Markdown or HTML heading is a section whatever it says; unknown ones have no kinds."""
    assert [((), "Yleistä", 1), (("cookies",), "Evästeet", 3)] == _sections("# Yleistä\n\n## Evästeet\n", "md")


def test_a_short_sentence_is_not_taken_for_a_heading() -> None:
    """Lines ending with a full stop, contact lines and list items stay in the body."""
    structure = parse(document_from_text("Rekisterinpitäjä\nEsimerkki Oy.\n- Evästeet\ninfo@x.fi\n", "txt"))
    assert [True, False, False, False] == [u.heading for u in structure.units]


def test_sentences_split_after_full_stops_but_not_after_abbreviations() -> None:
    """`esim.`, `mm.` and dates do not end a sentence; wrapped lines are joined; each sentence keeps its line."""
    text = ("Käsittelemme tietoja esim. tilauksia varten, mm. laskutukseen. Tiedot päivitettiin 12.7. 2020 ja\n"
            "ne säilytetään kuusi vuotta, koska kirjanpitolaki niin edellyttää tilikauden päättymisen jälkeen.\n"
            "Toinen kappale alkaa tästä.\n")
    structure = parse(document_from_text(text, "txt"))
    assert [
        ("Käsittelemme tietoja esim. tilauksia varten, mm. laskutukseen.", 1),
        ("Tiedot päivitettiin 12.7. 2020 ja ne säilytetään kuusi vuotta, koska kirjanpitolaki niin edellyttää "
         "tilikauden päättymisen jälkeen.", 1),
        ("Toinen kappale alkaa tästä.", 3),
    ] == [(u.text, u.line) for u in structure.units]


def test_sections_of_a_bilingual_statement_get_their_own_language() -> None:
    """A Swedish half of a Finnish statement is read as Swedish."""
    text = ("Käsittelyn tarkoitus\nKäsittelemme asiakkaiden tietoja tilausten toimittamiseen, ja tietoja ei "
            "luovuteta muille. Tiedot ovat pakollisia, jotta tilaus voidaan toimittaa.\n\nÄndamål\n"
            "Vi behandlar kundernas uppgifter för att leverera beställningar, och uppgifterna lämnas inte ut till "
            "andra. Uppgifterna är obligatoriska för att vi ska kunna leverera.\n")
    structure = parse(document_from_text(text, "txt"))
    assert [Language.FI, Language.SV] == [s.language for s in structure.sections]
    assert [Language.EN, Language.EN] == [s.language for s in parse(document_from_text(text, "txt"),
                                                                      Language.EN).sections]


def test_classify_heading_in_any_language() -> None:
    """Headings are classified with all three lexicons."""
    assert ("retention",) == classify_heading("Lagringstid")
    assert ("rights",) == classify_heading("Your rights")
    assert () == classify_heading("Yleistä")


def test_run_in_labels_ending_in_a_full_stop() -> None:
    """'Retention. Order data is kept …' starts a retention section; a long first sentence is no label."""
    text = ("Privacy notice\n\nRetention. Order data is kept for two years.\n\n"
            "Our shop sells candles made in Turku. They are delivered by post.\n")
    assert [(("title",), "Privacy notice", 1), (("retention",), "Retention", 3)] == _sections(text)


def test_markdown_ordered_items_that_read_like_headings() -> None:
    """'3. Purposes of Processing' in Markdown is a heading; '1. Nimi' in a list stays an item."""
    text = "# Policy\n\n3. Purposes of Processing\n- Orders\n\n## Data\n\n1. Nimi\n2. Osoite\n"
    kinds = [s.kinds for s in parse(document_from_text(text, "md")).sections]
    assert [(), ("purposes",), ()] == kinds


def test_long_numbered_headings() -> None:
    """A numbered heading of up to sixteen words (old Swedish registerbeskrivning style) is still a heading."""
    text = ("7. Regelmässigt överlåtande och överförande av uppgifter till land utanför EU eller Europeiska "
            "samarbetsområdet\nRegisterdata överlåts inte utanför EU eller EES-området.\n")
    assert ("recipients", "transfers") == parse(document_from_text(text, "txt")).sections[-1].kinds


@pytest.mark.parametrize(("heading", "kind"), [
    ("Who gets it", "recipients"),
    ("What you can ask us to do", "rights"),
    ("Why we use it, and on what basis", "legal_basis"),
    ("Decisions by computer", "automated"),
    ("What we collect", "data_categories"),
    ("Vem får uppgifterna?", "recipients"),
    ("Rätt att säga nej", "rights"),
    ("Mitä voit pyytää meiltä", "rights"),
    ("Kerättävät tiedot", "data_categories"),
])
def test_everyday_headings(heading: str, kind: str) -> None:
    """Question and everyday headings of real statements get their kind."""
    assert kind in classify_heading(heading)


def test_faq_questions_as_run_in_headings() -> None:
    """A short question of a known kind at the start of a line, answered on the same line, is a heading."""
    text = ("Privacy FAQ\n\n**Who sees my data?** Posti Oy delivers the parcels.\n\n"
            "**How long do you keep it?** Order data is deleted two years after delivery.\n\n"
            "Any questions? Write to us.\n")
    structure = parse(document_from_text(text, "md"), Language.EN)
    headings = {s.heading: s.kinds for s in structure.sections if s.heading}
    assert ("recipients",) == headings.get("Who sees my data")
    assert ("retention",) == headings.get("How long do you keep it")
    assert "Any questions" not in headings


def test_prose_after_a_run_in_controller_label_is_a_section_of_its_own() -> None:
    """A statement whose only heading is a run-in "Controller: …" line does not put all its prose under the
    controller; a contact line after the label stays with it."""
    text = ("Controller: Kuusi Oy, Puistotie 5, 15100 Lahti\n\ntel. 03 781 2020, info@kuusi.fi\n\n"
            "We collect your name and address when you order and use them to deliver the order.\n")
    structure = parse(document_from_text(text, "txt"), Language("en"))
    kinds = [structure.section_of(u.index).kinds for u in structure.units if not u.heading]
    assert [("controller",), ("controller",), ()] == kinds


@pytest.mark.parametrize(("heading", "kinds"), [
    ("What do we use personal data for?", ("purposes",)),
    ("What is personal data used for?", ("purposes",)),
    ("Vad använder vi uppgifterna till?", ("purposes",)),
])
def test_purpose_headings_asked_as_questions(heading: str, kinds: tuple[str, ...]) -> None:
    """A purposes heading asked as a question ("What do we use personal data for?") is known."""
    assert kinds == classify_heading(heading)


def test_what_we_do_with_your_data_is_a_purposes_heading() -> None:
    """"What we do with your data" and its Swedish and Finnish forms are purposes headings (first of all)."""
    assert ["purposes"] * 3 == [classify_heading(h)[0] for h in (
        "What we do with your data", "Vad vi gör med dina personuppgifter", "Mitä teemme tiedoillasi")]

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

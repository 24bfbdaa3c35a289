"""RK-LANGUAGE-MISMATCH: a text in another language than the one it is filed under is a warning."""

from __future__ import annotations

import pytest

from rekisterikit import loads
from rekisterikit.validate import validate

SWEDISH = "Vi behandlar uppgifterna för att leverera beställningen och för att sköta kundrelationen med dig."
FINNISH = "Käsittelemme tietoja, jotta voimme toimittaa tilauksen ja hoitaa asiakassuhdetta kanssasi, ja se on tärkeää."
ENGLISH = "We process the data to deliver the order and to manage the customer relationship with you."


def _statement(languages: str, description: str) -> str:
    return (f'languages = {languages}\n[controller]\nname = "Esimerkki Oy"\nemail = "a@esimerkki.fi"\n'
            '[[registers]]\nkey = "asiakkaat"\nname = "Asiakasrekisteri"\n'
            f'[[registers.purposes]]\nkey = "tilaukset"\nlegal_basis = "contract"\ndescription = {description}\n')


def _paths(toml: str) -> list[str]:
    report = validate(loads(toml), select=["RK-LANGUAGE-MISMATCH"])
    return [f.path for f in report.findings]


def test_swedish_plain_string_in_a_finnish_statement_is_reported() -> None:
    """A plain string is filed under the default language; Swedish prose there is a warning at its path."""
    assert ["$.registers[0].purposes[0].description"] == _paths(_statement('["fi", "en"]', f'"{SWEDISH}"'))


def test_a_table_entry_is_reported_at_its_language_key() -> None:
    """In a { fi = …, en = … } table, the entry whose text is in another language is named by its key."""
    toml = _statement('["fi", "en"]', f'{{ fi = "{FINNISH}", en = "{FINNISH}" }}')
    assert ["$.registers[0].purposes[0].description.en"] == _paths(toml)


@pytest.mark.parametrize(("languages", "text"), [('["fi"]', FINNISH), ('["sv"]', SWEDISH), ('["en"]', ENGLISH)])
def test_texts_in_their_language_pass(languages: str, text: str) -> None:
    """A text in the language it is filed under gives no finding."""
    assert [] == _paths(_statement(languages, f'"{text}"'))


def test_short_names_never_fire() -> None:
    """Names and labels have too few stop words to be evidence: an English product name in Finnish passes."""
    assert [] == _paths(_statement('["fi"]', '"Google Analytics and the Meta pixel"'))


def test_the_message_names_both_languages() -> None:
    """The message says which language the text is filed under and which it reads as, in every locale."""
    report = validate(loads(_statement('["fi"]', f'"{SWEDISH}"')), select=["RK-LANGUAGE-MISMATCH"])
    [finding] = report.findings
    assert "filed in Finnish" in finding.message.resolve("en")[0]
    assert "written in Swedish" in finding.message.resolve("en")[0]
    assert "ruotsiksi" in finding.message.resolve("fi")[0]

"""A statement whose check has no error and no warning renders no "not stated" placeholder, in any language; and
the getting-started statement's placeholders each have a finding."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisterikit import loads
from rekisterikit.findings import Severity
from rekisterikit.model import Statement
from rekisterikit.render.document import build
from rekisterikit.testing.strategies import statements
from rekisterikit.validate import validate

GETTING_STARTED = """
[controller]
name = "Esimerkki Oy"
email = "tietosuoja@esimerkki.fi"

[[registers]]
key = "asiakkaat"
name = "Asiakasrekisteri"

[[registers.purposes]]
key = "tilaukset"
description = "Tilausten käsittely"
legal_basis = "contract"
provision = "contract_precondition"
provision_consequence = "Ilman yhteystietoja tilausta ei voi toimittaa."
"""


def _serious(statement: Statement) -> list[str]:
    return [f.rule for f in validate(statement).findings if f.severity in (Severity.ERROR, Severity.WARNING)]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(statements(compliant=True), statements()))
def test_a_clean_check_renders_no_placeholder(statement: Statement) -> None:
    """Whenever check reports neither an error nor a warning, no language shows a placeholder."""
    if _serious(statement):
        return
    for language in statement.languages:
        assert () == build(statement, language).placeholders()


def test_every_placeholder_of_the_getting_started_statement_has_a_finding() -> None:
    """The minimal statement shows placeholders (sources, transfers, automated decisions, cookies) and check warns."""
    statement = loads(GETTING_STARTED)
    shown = build(statement, "fi").placeholders()
    assert shown
    assert _serious(statement)


def test_explicit_none_is_a_sentence_not_a_placeholder() -> None:
    """`transfers = []`, `recipients = []` and `cookies = []` render as sentences, not as "not stated"."""
    text = GETTING_STARTED.replace('name = "Asiakasrekisteri"\n', 'name = "Asiakasrekisteri"\ntransfers = []\n'
                                   'recipients = []\nautomated_decisions = { used = false }\n'
                                   'sources = [{ kind = "data_subject" }]\n'
                                   'data_categories = [{ key = "nimi", name = "Nimi" }]\n'
                                   'retention = [{ criteria = "Kolme vuotta tilauksesta." }]\n')
    statement = loads("cookies = []\nupdated = 2026-01-15\n" + text)
    document = build(statement, "en")
    assert () == document.placeholders()
    body = " ".join(s.text for sec in document.walk() for b in sec.blocks if hasattr(b, "content") for s in b.content)
    assert "We do not transfer personal data outside the European Union" in body
    assert "This site does not use cookies" in body

"""Bidirectional controls in shop texts never reach the output (issue 22, item 9).

An unclosed U+202E (RIGHT-TO-LEFT OVERRIDE) in a controller name reversed the rest of the line in HTML, plain text
and Markdown. The renderer drops the embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) at the
one place shop text enters a document, and the consent banner drops them from its output.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisterikit import Statement
from rekisterikit.load import loads
from rekisterikit.render import render
from tests.render.samples import hostile_statements

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


def _statement(control: str) -> Statement:
    return loads(f'''
[controller]
name = "Kauppa{control} Oy"
email = "tietosuoja@kauppa.example"

[[registers]]
key = "asiakkaat"
name = "Asiakkaat{control}rekisteri"

[[registers.purposes]]
key = "tilaukset"
description = "Tilausten{control} käsittely"
legal_basis = "contract"

[[cookies]]
name = "_ga{control}"
provider = "Google{control} Ireland Ltd"
category = "statistics"
purpose = "Tilastot{control}"
''')


@pytest.mark.parametrize("control", CONTROLS)
@pytest.mark.parametrize("fmt", ["html", "text", "markdown"])
def test_no_bidi_control_of_a_shop_text_reaches_the_output(control: str, fmt: str) -> None:
    """Each control, in the controller, register, purpose and cookie texts, is gone in every format."""
    output = str(render(_statement(control), locale="fi", format=fmt))  # type: ignore[arg-type]
    assert [] == BIDI.findall(output)
    assert "Kauppa Oy" in output


@given(hostile_statements(), st.sampled_from(["html", "text", "markdown"]))
def test_hostile_statements_render_without_bidi_controls(statement: Statement, fmt: str) -> None:
    """Whatever the shop writes (hostile texts include format characters), the output has no such control."""
    assert [] == BIDI.findall(str(render(statement, locale="fi", format=fmt)))  # type: ignore[arg-type]


def test_the_banner_drops_bidi_controls_of_shop_texts() -> None:
    """The banner's cookie table and service list show the texts without the controls."""
    from rekisterikit.consent import ConsentConfig, ConsentService, render_banner, render_settings

    service = ConsentService(_statement("\u202e"), ConsentConfig(secret="x" * 32))
    banner = render_banner(service, None, locale="fi", action="/c", statement_url="/s", next_url="/")
    settings = render_settings(service, None, locale="fi", action="/c", statement_url="/s", next_url="/")
    for html in (banner, settings):
        assert [] == BIDI.findall(str(html))
        assert "Tilastot" in str(html)

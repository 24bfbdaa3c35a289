"""Tests of rekisterikit.render.json: the rendered statement as structured data."""

from __future__ import annotations

import json

from rekisterikit.render import render, render_cookie_table
from rekisterikit.render.json import FORMAT, FORMAT_VERSION
from tests.render.samples import full


def test_top_level_shape_and_key_order() -> None:
    """The document has a fixed set of keys in a fixed order."""
    data = json.loads(render(full(), locale="en", format="json"))
    assert ["format", "format_version", "lang", "title", "controller", "version", "updated", "updated_text",
            "intro", "sections"] == list(data)
    assert (FORMAT, FORMAT_VERSION, "en", "Privacy notice", "2020-07-12") == (
        data["format"], data["format_version"], data["lang"], data["title"]["text"], data["updated"])


def test_sections_carry_ids_requirements_and_blocks() -> None:
    """Each section has its id, heading, requirement codes, highlight flag, blocks and subsections."""
    data = json.loads(render(full(), locale="fi", format="json"))
    controller = data["sections"][0]
    assert ["id", "heading", "requirements", "highlight", "blocks", "sections"] == list(controller)
    assert ("rk-controller", "Rekisterinpitäjä", ["controller_identity", "controller_contact", "business_id"]) == (
        controller["id"], controller["heading"]["text"], controller["requirements"])
    rights = next(s for s in data["sections"] if s["id"] == "rk-rights")
    objection = next(s for s in rights["sections"] if s["id"] == "rk-objection")
    assert (True, ["right_object"]) == (objection["highlight"], objection["requirements"])


def test_spans_keep_language_and_links() -> None:
    """Rich text lists its runs with their fallback language and link target."""
    data = json.loads(render(full(), locale="sv", format="json"))
    intro = data["intro"][0]
    assert {"type": "paragraph", "text": "Esittely.", "content": [{"text": "Esittely.", "lang": "fi"}]} == intro
    assert {"text": "Dataskyddsbeskrivning"} == data["title"]
    controller = data["sections"][0]
    facts = next(b for b in controller["blocks"] if b["type"] == "facts")
    email = next(f for f in facts["items"] if f["label"] == "E-post")
    assert [{"text": "info@testikauppa.fi", "href": "mailto:info@testikauppa.fi"}] == email["value"]["content"]


def test_cookie_table_rows_keyed_by_column() -> None:
    """Cookie rows are objects keyed by the stable column keys."""
    data = json.loads(render_cookie_table(full(), locale="en", format="json"))
    assert ["name", "provider", "purpose", "category", "duration", "access"] == [c["key"] for c in data["columns"]]
    assert "sessionid" == data["rows"][0]["name"]["text"]


def test_output_is_deterministic() -> None:
    """Rendering the same statement twice gives the same JSON text."""
    from rekisterikit.render import cache_clear

    first = render(full(), locale="fi", format="json")
    cache_clear()
    assert first == render(full(), locale="fi", format="json")

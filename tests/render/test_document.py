"""Tests of rekisterikit.render.document: what the rendered statement says, in which section, in which language."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from rekisterikit import Requirement, Severity, Statement, load, loads
from rekisterikit.model import LegalBasis, Right
from rekisterikit.render.document import (
    REQUIREMENT_SECTIONS,
    Document,
    Entries,
    Facts,
    Paragraph,
    Span,
    build,
    clean_text,
)
from tests.render.samples import empty, full

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"
CORRECTED = sorted(EXAMPLES.glob("*-corrected.toml"))

#: Requirement codes every statement must answer (GDPR 13/14 core items, the rights, the cookie rules).
ALWAYS = {
    Requirement.CONTROLLER_IDENTITY, Requirement.CONTROLLER_CONTACT, Requirement.PURPOSES, Requirement.LEGAL_BASIS,
    Requirement.RECIPIENTS, Requirement.THIRD_COUNTRY_TRANSFERS, Requirement.TRANSFER_SAFEGUARDS,
    Requirement.RETENTION, Requirement.RIGHT_ACCESS, Requirement.RIGHT_RECTIFICATION, Requirement.RIGHT_ERASURE,
    Requirement.RIGHT_RESTRICTION, Requirement.RIGHT_PORTABILITY, Requirement.RIGHT_OBJECT,
    Requirement.COMPLAINT_AUTHORITY, Requirement.STATUTORY_REQUIREMENT, Requirement.AUTOMATED_DECISIONS,
    Requirement.DATA_CATEGORIES, Requirement.SOURCES, Requirement.ACCESS_REQUEST_FORM, Requirement.COOKIE_DETAILS,
    Requirement.COOKIE_CONSENT,
}


def applicable(statement: Statement) -> set[Requirement]:
    """The requirement codes a statement must answer, given what it processes."""
    purposes = [p for r in statement.registers for p in r.purposes]
    codes = set(ALWAYS)
    conditional = {
        Requirement.BUSINESS_ID: statement.controller.business_id is not None,
        Requirement.EU_REPRESENTATIVE: statement.eu_representative is not None,
        Requirement.DPO_CONTACT: statement.dpo is not None,
        Requirement.LEGITIMATE_INTERESTS: any(p.legal_basis is LegalBasis.LEGITIMATE_INTERESTS for p in purposes),
        Requirement.WITHDRAW_CONSENT: any(p.legal_basis is LegalBasis.CONSENT for p in purposes)
        or any(c.category is not None and c.category.needs_consent for c in statement.cookies),
        Requirement.DIRECT_MARKETING: any(p.direct_marketing for p in purposes),
        Requirement.SPECIAL_CATEGORIES: any(p.special_condition for p in purposes),
        Requirement.CHILDREN: statement.children is not None,
        Requirement.CREDIT_CHECK: any(p.credit_register for p in purposes),
    }
    return codes | {code for code, present in conditional.items() if present}


def _missing_passages(document: Document) -> list[str]:
    """Every "not stated" passage of a document."""
    found = []
    for section in document.walk():
        blocks = list(section.blocks)
        for block in section.blocks:
            if isinstance(block, Entries):
                for entry in block.items:
                    blocks.extend(entry.blocks)
                    blocks.append(Facts(items=entry.facts))
        for block in blocks:
            if isinstance(block, Paragraph) and block.missing:
                found.append(f"{section.id}: {''.join(s.text for s in block.content)}")
            if isinstance(block, Facts):
                found.extend(f"{section.id}: {f.label}" for f in block.items
                             if [s.text for s in f.value] == ["Not stated"])
    return found


@pytest.mark.parametrize("path", CORRECTED, ids=lambda p: p.stem)
def test_corrected_examples_answer_every_requirement(path: Path) -> None:
    """For a compliant statement, every applicable requirement code has its section in the rendering, in every
    language, none of it "not stated", and the validators find no error in it."""
    from rekisterikit.validate import validate

    statement = load(path)
    assert [] == [f.rule for f in validate(statement).findings if f.severity is Severity.ERROR]
    for locale in ("fi", "sv", "en"):
        document = build(statement, locale)
        ids = set(document.section_ids())
        answered = {code for s in document.walk() for code in s.requirements}
        wanted = applicable(statement)
        assert set() == {code for code in wanted if REQUIREMENT_SECTIONS[code] not in ids}
        assert set() == wanted - answered
        if locale == "en":
            assert [] == _missing_passages(document)


def test_corrected_examples_exist() -> None:
    """The corrected examples the requirement test runs on are present."""
    assert {"kalvokeskus-corrected", "monalisa-corrected"} <= {p.stem for p in CORRECTED}


def test_requirement_sections_cover_every_placeable_code() -> None:
    """Every requirement code maps to a section id, except those about the wording or the file itself."""
    unplaced = {Requirement.OUTDATED_LAW, Requirement.CLARITY, Requirement("directives"),
                Requirement("processing_record")}
    assert unplaced == set(Requirement) - set(REQUIREMENT_SECTIONS)


def test_full_sample_answers_every_requirement() -> None:
    """The hand-made full statement has a section for every code, conditional ones included."""
    document = build(full(), "en")
    ids = set(document.section_ids())
    assert set() == {c for c in applicable(full()) if REQUIREMENT_SECTIONS[c] not in ids}
    assert set(REQUIREMENT_SECTIONS) - {Requirement.CREDIT_CHECK} <= applicable(full()) | {Requirement.CREDIT_CHECK}
    assert [] == _missing_passages(document)


def test_section_ids_are_the_same_in_every_language() -> None:
    """Deep links keep working when the reader switches language."""
    ids = {locale: build(full(), locale).section_ids() for locale in ("fi", "sv", "en")}
    assert ids["fi"] == ids["sv"] == ids["en"]
    assert "rk-purpose-asiakasmarkkinointi" in ids["fi"]


def test_rights_follow_the_listed_rights() -> None:
    """Only the rights a statement lists are explained; the objection right gets its own section."""
    statement = attrs.evolve(full(), rights=attrs.evolve(full().rights, listed=(Right.ACCESS, Right.OBJECT)))
    ids = build(statement, "fi").section_ids()
    assert ("rk-right-access", "rk-objection") == tuple(i for i in ids if i.startswith(("rk-right-", "rk-obj")))


def test_absent_items_are_said_to_be_not_stated() -> None:
    """An empty statement keeps every required section and says the content is not stated. Cookies are left out
    when the statement says nothing of them (no claim either way)."""
    assert [
        "rk-controller: The controller's contact details are not stated.",
        "rk-purposes: The purposes of processing are not stated.",
        "rk-data: The categories of personal data are not stated.",
        "rk-sources: The sources of the data are not stated.",
        "rk-recipients: The recipients of the data are not stated.",
        "rk-transfers: Whether data is transferred outside the EU and the EEA is not stated.",
        "rk-retention: Retention periods are not stated.",
        "rk-provision: Whether you have to give the data is not stated.",
        "rk-automated-decisions: Whether automated decisions are made is not stated.",
        "rk-changes: Updated",
    ] == _missing_passages(build(empty(), "en"))


def test_explicit_none_differs_from_not_stated() -> None:
    """Empty recipients and transfers mean "none", said as such; absent ones are "not stated"."""
    statement = loads('[controller]\nname = "K"\n[[registers]]\nkey = "r"\nname = "R"\nrecipients = []\n'
                      'transfers = []\n')
    document = build(statement, "en")
    texts = {s.id: [("".join(x.text for x in b.content), b.missing) for b in s.blocks if isinstance(b, Paragraph)]
             for s in document.walk()}
    assert [("No one other than us processes or receives your personal data.", False)] == texts["rk-recipients"]
    assert [("We do not transfer personal data outside the European Union (EU) or the European Economic Area "
             "(EEA).", False)] == texts["rk-transfers"]


def test_fallback_spans_carry_their_language() -> None:
    """A purpose described only in Finnish is shown in Finnish on the Swedish page, marked lang=fi."""
    statement = loads('languages = ["fi", "sv"]\n[controller]\nname = "K"\n[[registers]]\nkey = "r"\n'
                      'name = { fi = "Rekisteri", sv = "Register" }\n[[registers.purposes]]\nkey = "p"\n'
                      'description = "Tilaukset"\nlegal_basis = "contract"\n')
    purpose = next(s for s in build(statement, "sv").walk() if s.id == "rk-purpose-p")
    assert (Span(text="Tilaukset", lang="fi"),) == purpose.heading  # type: ignore[arg-type]


def test_repeated_purpose_keys_get_register_qualified_ids() -> None:
    """Two registers with the same purpose key still give unique ids."""
    statement = loads('[controller]\nname = "K"\n'
                      '[[registers]]\nkey = "a"\nname = "A"\n[[registers.purposes]]\nkey = "p"\ndescription = "x"\n'
                      '[[registers]]\nkey = "b"\nname = "B"\n[[registers.purposes]]\nkey = "p"\ndescription = "y"\n'
                      '[[registers.purposes]]\nkey = "q"\ndescription = "z"\n')
    ids = build(statement, "fi").section_ids()
    assert len(ids) == len(set(ids))
    assert {"rk-purposes-a", "rk-purposes-b", "rk-purpose-a-p", "rk-purpose-b-p", "rk-purpose-q",
            "rk-data-a", "rk-data-b", "rk-retention-a"} <= set(ids)


def test_clean_text_drops_controls_and_keeps_newlines() -> None:
    """Control characters, lone surrogates and non-characters are dropped; line ends are normalised."""
    assert "a\nb\nc\td" == clean_text("a\r\nb\rc\td\x00\x07\x1b\x85\ud800\ufffe")


def test_legal_bases_are_explained_once() -> None:
    """Each legal basis used is explained once, in its own entry the purposes link to."""
    section = next(s for s in build(full(), "en").walk() if s.id == "rk-legal-bases")
    (entries,) = section.blocks
    assert isinstance(entries, Entries)
    assert ["rk-basis-consent", "rk-basis-contract", "rk-basis-legal-obligation",
            "rk-basis-legitimate-interests"] == [e.id for e in entries.items]


def test_supervisory_authority_details_in_the_complaint_clause() -> None:
    """The complaint clause names the Office of the Data Protection Ombudsman with its contact details."""
    complaint = next(s for s in build(full(), "sv").walk() if s.id == "rk-complaint")
    entries = next(b for b in complaint.blocks if isinstance(b, Entries))
    (entry,) = entries.items
    assert "Dataombudsmannens byrå" == entry.title[0].text
    assert {"Postadress": "PB 800, 00531 Helsingfors", "E-post": "tietosuoja@om.fi",
            "Telefon (växel)": "+358 29 566 6700", "Besöksadress": "Fågelviksgränden 4, 00530 Helsingfors",
            "Webbplats": "https://tietosuoja.fi/sv"} == {f.label: f.value[0].text for f in entry.facts}


def test_retention_periods_in_words() -> None:
    """Retention periods read as durations from their starting event."""
    retention = next(s for s in build(full(), "fi").walk() if s.id == "rk-retention")
    entries = next(b for b in retention.blocks if isinstance(b, Entries))
    periods = [f.value[0].text for e in entries.items for f in e.facts if f.label == "Säilytysaika"]
    assert ["3 vuotta sopimuksen päättymisestä",
            "6 vuotta sen vuoden lopusta, jonka aikana tilikausi päättyi"] == periods

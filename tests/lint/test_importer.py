"""`import`: a draft that loads, identity exactly as printed, and `check` missing what `lint` finds missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.cli import main
from rekisterikit.lint.importer import CHECK_MISSING_RULES, import_file, import_text
from rekisterikit.load import load, loads
from rekisterikit.model import Statement
from rekisterikit.validate import REGISTRY, validate

from .conftest import DATA

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"

#: What each seed prints: controller name, business id, and the e-mail addresses and phone numbers it gives for
#: the controller or its contact person.
SEEDS = {
    "000_db019403989791d8.txt": ("monalisa", "Kauneuskeskus Monalisa", "0956453-1", {"info@monalisa.fi"},
                                 {"02 232 9844"}),
    "001_cc78eaf550fc8254.txt": ("ompelijan-paratiisi", "Ompelijan paratiisi", "2631357-4",
                                 {"asiakaspalvelu@ompelijanparatiisi.fi"}, set()),
    "002_07da79a8ffdee0ab.txt": ("confetti", "Confetti", "2309658-6", {"info@confetti.fi"}, {"045 120 6627"}),
    "003_9ccc276186483a62.txt": ("kalvokeskus", "Miska Selin", None, {"info@kalvokeskus.fi"}, {"0456959409"}),
    "004_2462a533b62ed91f.txt": ("webstrella", "Webstrella", None, set(), set()),
}


def _missing_in_check(toml: str) -> set[str]:
    return {f.requirement.value for f in validate(loads(toml)).findings if f.rule in CHECK_MISSING_RULES}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_draft_loads_with_identity_as_printed(seed: str, seeds_dir: Path) -> None:
    """The draft loads; controller, Y-tunnus, e-mail and phone are exactly what the seed prints."""
    _, name, business_id, emails, phones = SEEDS[seed]
    statement = loads(import_file(seeds_dir / seed).toml)
    c = statement.controller
    person = c.contact_person
    assert (name, business_id) == (c.name, str(c.business_id) if c.business_id else None)
    assert emails == {e for e in (c.email, person.email if person else None) if e}
    assert phones == {p for p in (c.phone, person.phone if person else None) if p}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_check_on_the_draft_misses_what_lint_misses(seed: str, seeds_dir: Path) -> None:
    """`check` on the draft reports, by requirement code, the same missing items as `lint` on the prose."""
    imported = import_file(seeds_dir / seed)
    assert sorted(r.value for r in imported.result.missing) == sorted(_missing_in_check(imported.toml))


def _identity(statement: Statement) -> tuple[object, ...]:
    c, p = statement.controller, statement.controller.contact_person
    return (c.name, c.business_id, c.address, c.email, c.phone, p and (p.name, p.email, p.phone))


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_draft_agrees_with_the_hand_modelled_example(seed: str, seeds_dir: Path) -> None:
    """Controller and contact person, rights listed and the signed-request flag match examples/statements."""
    example = load(EXAMPLES / f"{SEEDS[seed][0]}.toml")
    draft = import_file(seeds_dir / seed).statement
    assert _identity(example) == _identity(draft)
    assert sorted(example.rights.listed) == sorted(draft.rights.listed)
    assert example.rights.signed_request_required == draft.rights.signed_request_required


def test_missing_items_are_todo_comments_next_to_their_table(seeds_dir: Path) -> None:
    """Every missing item is a TODO, listed in the header and next to the table it belongs to."""
    toml = import_file(seeds_dir / "004_2462a533b62ed91f.txt").toml
    assert "# TODO (" in toml.splitlines()[5]
    rights = toml[toml.index("[rights]"):]
    assert "# TODO: right_erasure: not in the prose" in rights
    controller = toml[toml.index("[controller]"):toml.index("[[registers]]")]
    assert "# TODO: controller_contact:" in controller
    assert "basis_text" in toml  # the Henkilötietolaki "peruste" is kept as published wording


def test_corpus_drafts_all_load() -> None:
    """Every corpus and held-out statement gives a draft that loads and validates."""
    for path in sorted(DATA.glob("*/*.*")):
        if path.suffix in (".txt", ".md", ".html"):
            assert validate(loads(import_file(path).toml)).findings is not None


def test_a_complete_statement_gives_a_nearly_complete_draft() -> None:
    """The complete corpus statement: bases, retention, transfers and cookies come through structured."""
    statement = import_file(DATA / "corpus" / "fi_gdpr_complete.md").statement
    register = statement.registers[0]
    assert {"contract", "legal_obligation", "consent"} <= {p.legal_basis.value for p in register.purposes
                                                          if p.legal_basis}
    assert [("US", "scc_2021_914"), ("US", "dpf")] == [(str(t.country), t.mechanism.value if t.mechanism else None)
                                                       for t in register.transfers or ()]
    assert {"PHPSESSID", "_ga"} == {c.name for c in statement.cookies}
    assert register.retention


@settings(max_examples=60)
@given(st.text(max_size=300), st.sampled_from(["txt", "md", "html"]))
def test_any_text_imports_to_a_draft_that_loads(text: str, fmt: str) -> None:
    """Whatever the prose, the draft loads (the importer only builds what the model accepts)."""
    imported = import_text(text, format=fmt)  # type: ignore[arg-type]
    assert imported.statement == loads(imported.toml)


def test_import_command_writes_the_draft(tmp_path: Path, seeds_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`import FILE -o draft.toml` writes a loadable file, refuses to overwrite, and `check` then runs on it."""
    draft = tmp_path / "draft.toml"
    seed = str(seeds_dir / "002_07da79a8ffdee0ab.txt")
    assert 0 == main(["import", seed, "-o", str(draft)])
    assert "TODO" in capsys.readouterr().err
    assert "Confetti" == load(draft).controller.name
    assert 2 == main(["import", seed, "-o", str(draft)])
    assert 0 == main(["import", seed, "-o", str(draft), "--force"])
    assert 1 == main(["check", str(draft), "--format", "json"])
    assert 2 == main(["import", str(tmp_path / "missing.txt")])


def test_check_missing_rules_exist() -> None:
    """Every rule named as a missing-item rule is a registered validator rule."""
    import rekisterikit.validate.rules  # noqa: F401

    assert set() == CHECK_MISSING_RULES - {r.id for r in REGISTRY}

"""Linting the published seeds gives a lawyer's reading; garbage of every shape never crashes the linter."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.findings import Report, Severity
from rekisterikit.lint import UnreadableInput, lint_file, lint_text
from rekisterikit.lint.document import decode
from rekisterikit.lint.rules import rule

from .conftest import DATA

READINGS = tomllib.loads((DATA / "seeds.toml").read_text(encoding="utf-8"))


def _severities(report: Report) -> dict[str, str]:
    worst: dict[str, Severity] = {}
    for f in report.findings:
        code = f.requirement.value
        if code not in worst or f.severity.rank > worst[code].rank:
            worst[code] = f.severity
    return {code: severity.value for code, severity in sorted(worst.items())}


@pytest.mark.parametrize("seed", sorted(READINGS))
def test_each_seed_gives_the_lawyers_reading(seed: str, seeds_dir: Path) -> None:
    """Every requirement code a careful reading reports is reported, at its severity, and nothing else."""
    expected = {c["code"]: c["severity"] for c in READINGS[seed]["codes"]}
    assert dict(sorted(expected.items())) == _severities(lint_file(seeds_dir / seed).report)


@pytest.mark.parametrize("seed", sorted(READINGS))
def test_seed_flags_quote_the_seed_and_missing_items_name_a_section(seed: str, seeds_dir: Path) -> None:
    """A flag's quote is on its line of the seed; a missing item has no quote and names a section."""
    path = seeds_dir / seed
    lines = path.read_text(encoding="utf-8").splitlines()
    for f in lint_file(path).findings:
        if rule(f.rule).missing and f.evidence is None:
            assert f.path.startswith('section "'), f
            continue
        assert f.evidence is not None, f
        words = f.evidence.quote.rstrip("…").split()[:4]
        assert " ".join(words) in " ".join(lines[f.evidence.line - 1].split()), f


def test_seed_language_and_controller(seeds_dir: Path) -> None:
    """All five seeds are read as Finnish, and the controller named in the reading is found."""
    from rekisterikit.lint.extract import controller_name

    for seed, reading in READINGS.items():
        result = lint_file(seeds_dir / seed)
        named = controller_name(result.analysis)
        assert ("fi", reading["controller"]) == (result.language.value, named.value if named else None)


TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400)
WORDS = st.lists(st.sampled_from([
    "Rekisterinpitäjä", "Evästeet", "säilytetään", "1.", "2)", "#", "-", ":", ".", "\n", "\n\n", "<p>", "</p>",
    "<h2>", "</h2>", "<script>", "</script>", "suostumus", "Y-tunnus", "2745813-4", "info@x.fi", "040 123 4567",
    "Privacy Shield", "henkilötietolaki", "kakor", "cookies", "we may", "§", "**", "|", "&amp;", "<", ">",
]), max_size=80)


@settings(max_examples=150)
@given(TEXT, st.sampled_from(["txt", "md", "html"]), st.sampled_from([None, "fi", "sv", "en"]))
def test_any_text_is_linted_without_error(text: str, fmt: str, lang: str | None) -> None:
    """Arbitrary text in any format and language gives a report whose findings all carry a known rule."""
    result = lint_text(text, format=fmt, language=lang)  # type: ignore[arg-type]
    for f in result.findings:
        assert f.requirement is rule(f.rule).requirement
        assert f.evidence is None or f.evidence.line >= 1


@settings(max_examples=150)
@given(WORDS, st.sampled_from(["txt", "md", "html"]))
def test_statement_shaped_garbage_is_linted_without_error(words: list[str], fmt: str) -> None:
    """Headings, markup, numbers and terms thrown together never break the linter."""
    result = lint_text(" ".join(words), format=fmt)  # type: ignore[arg-type]
    assert result.report.summary == Report(findings=result.findings).summary


@settings(max_examples=150)
@given(st.binary(max_size=300))
def test_any_bytes_either_decode_or_are_refused(data: bytes) -> None:
    """Bytes decode to text or raise UnreadableInput; nothing else escapes."""
    try:
        text = decode(data)
    except UnreadableInput:
        return
    lint_text(text, format="txt")


@pytest.mark.parametrize("content", [
    b"", b"\n\n   \n", b"\x00\x01\x02\x03", b"\xff\xd8\xff\xe0JFIF\x00", b"<html></html>",
])
def test_empty_and_binary_files_are_unreadable(tmp_path: Path, content: bytes) -> None:
    """An empty, blank, binary or text-less file is refused, not linted."""
    path = tmp_path / "seloste.html"
    path.write_bytes(content)
    with pytest.raises(UnreadableInput):
        lint_file(path)


def test_html_with_scripts_and_mixed_languages() -> None:
    """Script text is never linted; a mixed Finnish/Swedish/English page is linted section by section."""
    html = ("<html><head><script>var s = 'Henkilötietolaki 523/1999 Privacy Shield';</script></head><body>"
            "<h2>Evästeet</h2><p>Käyttämällä sivustoa hyväksyt evästeet, ja niitä käytetään analytiikkaan.</p>"
            "<h2>Kakor</h2><p>Genom att använda webbplatsen godkänner du kakor för statistik och analys.</p>"
            "<h2>Cookies</h2><p>By using this site you agree to our cookies for analytics and tracking.</p>"
            "</body></html>")
    result = lint_text(html, format="html")
    assert not {"RK-LINT-HETIL", "RK-LINT-PRIVACY-SHIELD"} & {f.rule for f in result.findings}
    assert [1, 1, 1] == [f.evidence.line if f.evidence else 0 for f in result.findings
                         if f.rule == "RK-LINT-COOKIE-IMPLIED"]
    assert 3 == len({f.evidence.quote for f in result.findings if f.rule == "RK-LINT-COOKIE-IMPLIED" and f.evidence})


@pytest.mark.slow
def test_five_megabytes_of_statement_text(tmp_path: Path) -> None:
    """A 5 MB file (a statement repeated) is linted completely, with flags on its last lines too."""
    unit = ("Rekisteriseloste\n\nRekisterinpitäjä\nEsimerkki Oy\n\nEvästeet\nKäyttämällä sivustoa hyväksyt "
            "evästeet. Tiedot säilytetään niin kauan kuin on tarpeen.\n\n")
    path = tmp_path / "big.txt"
    path.write_text(unit * (5 * 1024 * 1024 // len(unit.encode())), encoding="utf-8")
    result = lint_file(path)
    last = max(f.evidence.line for f in result.findings if f.evidence is not None)
    assert len(path.read_text(encoding="utf-8").splitlines()) - last < 10


@pytest.mark.parametrize("text", ["sana " * 60_000, "Esim. mm. " * 30_000, "a" * 300_000, "\n" * 300_000,
                                  "<p>" * 100_000, "1. " * 100_000])
def test_pathological_long_inputs(text: str) -> None:
    """One endless line, endless abbreviations, no spaces, only newlines, unclosed tags: no error."""
    assert lint_text(text).decisions

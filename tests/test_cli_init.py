"""`rekisterikit init`: from a few answers to a statement that checks clean except for the `# TODO` items."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from rekisterikit import load
from rekisterikit.cli import main
from rekisterikit.findings import Severity
from rekisterikit.render import render
from rekisterikit.validate import validate
from rekisterikit.validate.locate import Locator

FEATURES = ("payments", "delivery", "newsletter", "analytics", "meta-pixel")
#: Findings only the shop can settle; each must sit at (or under) a `# TODO` comment of the file.
TODO_RULES = {"RK-CONTROLLER-CHANNELS", "RK-BUSINESS-ID", "RK-DPO-ASSESS",
              "RK-LANGUAGE-NOT-NATIONAL"}


def _init(tmp_path: Path, *options: str) -> Path:
    path = tmp_path / "statement.toml"
    assert 0 == main(["init", "--yes", "--force", "-q", "-o", str(path), "--name", "Esimerkkikauppa Oy",
                      "--email", "info@esimerkkikauppa.fi", *options])
    return path


def _todo_near(text: str, line: int) -> bool:
    """Whether a `# TODO` comment is in the table that holds ``line`` (from its header to the next), or, for the
    whole statement (line 1), anywhere."""
    if line == 1:
        return "# TODO" in text
    lines = text.splitlines()
    start = line - 1
    while start > 0 and not lines[start].startswith("["):
        start -= 1
    end = line
    while end < len(lines) and not lines[end].startswith("["):
        end += 1
    return any(raw.lstrip().startswith("# TODO") for raw in lines[start:end])


@pytest.mark.parametrize(("languages", "flags"), [
    (langs, flags) for langs, flags in itertools.product(
        ["fi", "fi,en", "sv,fi", "fi,sv,en", "en"],
        [(), ("--newsletter",), ("--analytics", "--meta-pixel"), ("--no-payments", "--no-delivery"),
         ("--newsletter", "--analytics", "--meta-pixel")])
])
def test_the_statement_checks_clean_except_for_todo_items(tmp_path: Path, languages: str,
                                                          flags: tuple[str, ...]) -> None:
    """No error or warning in any combination: an English-only statement written by init shows no Finnish- or
    Swedish-speaking audience, so RK-LANGUAGE-NOT-NATIONAL asks nothing of it (init still writes its TODO); every
    remaining note is one only the shop can answer, at a TODO."""
    path = _init(tmp_path, "--languages", languages, *flags)
    text = path.read_text(encoding="utf-8")
    report = validate(load(path), source=str(path))
    expected: list[tuple[str, str]] = []  # English texts only: nothing shows a Finnish- or Swedish-speaking audience
    assert expected == [(f.rule, f.path) for f in report.findings if f.severity is not Severity.INFO]
    locator = Locator(text)
    for finding in report.findings:
        assert finding.rule in TODO_RULES, finding.rule
        assert _todo_near(text, locator.line(finding.path)), (finding.rule, finding.path)


def test_the_statement_renders_complete_in_every_language(tmp_path: Path) -> None:
    """Rendered in each of its languages, nothing is left "not stated" and no other language leaks in."""
    statement = load(_init(tmp_path, "--languages", "fi,sv,en", "--newsletter", "--analytics", "--meta-pixel"))
    for locale, placeholder in (("fi", "ei ilmoitettu"), ("sv", "anges inte"), ("en", "not stated")):
        page = render(statement, locale=locale, format="text")
        assert placeholder not in page.lower()
        assert "Esimerkkikauppa Oy" in page


def test_answers_shape_the_statement(tmp_path: Path) -> None:
    """Business id and website are used; purposes follow the features; transfers = [] without US services."""
    statement = load(_init(tmp_path, "--business-id", "1234567-1", "--website", "https://kauppa.example",
                           "--no-delivery", "--newsletter"))
    assert "1234567-1" == str(statement.controller.business_id)
    assert "https://kauppa.example" == statement.controller.website
    assert ["tilaukset", "asiakaspalvelu", "kirjanpito", "uutiskirje"] == \
        [p.key for p in statement.registers[0].purposes]
    assert () == statement.registers[0].transfers
    assert [] == [c.name for c in statement.cookies if c.name in ("_ga", "_fbp")]


def test_todo_comments_name_what_only_the_shop_knows(tmp_path: Path) -> None:
    """The payment provider, carriers, host, accountant and address are TODO comments, not invented names."""
    text = _init(tmp_path).read_text(encoding="utf-8")
    for item in ("postal address", "payment service provider", "carrier", "hosting", "accounting firm",
                 "business id"):
        assert any(item in line for line in text.splitlines() if line.startswith("# TODO")), item
    assert "Paytrail" not in text


def test_interactive_answers_with_defaults_and_a_retry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Questions are asked in order; an empty answer takes the default and an invalid one is asked again."""
    answers = "Kauppa Oy\n1234567-8\n1234567-1\ninfo@kauppa.fi\n\nfi,sv\n\nn\ny\n\n\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    path = tmp_path / "s.toml"
    assert 0 == main(["init", "-o", str(path)])
    statement = load(path)
    assert "1234567-1" == str(statement.controller.business_id)
    assert ("fi", "sv") == tuple(x.value for x in statement.languages)
    assert ["tilaukset", "asiakaspalvelu", "kirjanpito", "uutiskirje"] == \
        [p.key for p in statement.registers[0].purposes]
    captured = capsys.readouterr()
    assert "" == captured.out  # prompts go to standard error
    prompts = captured.err.split(": ")
    assert prompts[0].startswith("Controller")
    assert 2 == captured.err.count("Business id (Y-tunnus), empty if none: ")  # asked again after the bad one
    assert "check digit" in captured.err
    assert "Languages, the default first (fi, sv, en) [fi,en]: " in captured.err


def test_the_end_of_the_input_takes_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Piped answers that run out take the defaults; a required answer still missing is exit 2 with why."""
    monkeypatch.setattr("sys.stdin", io.StringIO("Kauppa Oy\n\ninfo@kauppa.fi\n"))
    path = tmp_path / "s.toml"
    assert 0 == main(["init", "-o", str(path)])
    assert ("fi", "en") == tuple(x.value for x in load(path).languages)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert 2 == main(["init", "-o", str(tmp_path / "t.toml")])
    assert "rekisterikit init: the controller's name is needed" in capsys.readouterr().err


def test_dash_writes_the_statement_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    """-o - prints the statement, and nothing else, on standard output."""
    assert 0 == main(["init", "--yes", "-o", "-", "--name", "X Oy", "--email", "a@x.fi"])
    assert capsys.readouterr().out.startswith("# The privacy statement (tietosuojaseloste) of X Oy")


def test_invalid_options_and_an_existing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad business id or e-mail with --yes, a missing --name, or an existing file: one line, exit 2."""
    path = tmp_path / "s.toml"
    base = ["init", "--yes", "-o", str(path), "--name", "X", "--email", "a@x.fi"]
    assert 2 == main([*base, "--business-id", "1234567-8"])
    assert "check digit" in capsys.readouterr().err
    assert 2 == main(["init", "--yes", "-o", str(path), "--email", "a@x.fi"])
    assert "name is needed" in capsys.readouterr().err
    assert 2 == main([*base, "--languages", "fi,de"])
    assert "unknown language(s) de" in capsys.readouterr().err
    path.write_text("keep", encoding="utf-8")
    assert 2 == main(base)
    assert "exists (use --force to overwrite)" in capsys.readouterr().err
    assert "keep" == path.read_text(encoding="utf-8")


def test_init_warns_when_no_national_language_is_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--languages en` writes the statement, and says on stderr (and at a TODO in the file) that a shop selling in
    Finland should publish it in Finnish or Swedish too; with fi among the languages nothing is said."""
    path = tmp_path / "statement.toml"
    base = ["init", "--yes", "--force", "-o", str(path), "--name", "Esimerkkikauppa Oy",
            "--email", "info@esimerkkikauppa.fi"]
    assert 0 == main([*base, "--languages", "en"])
    assert "neither Finnish nor Swedish" in capsys.readouterr().err
    assert "RK-LANGUAGE-NOT-NATIONAL" in path.read_text(encoding="utf-8")
    assert 0 == main([*base, "--languages", "fi,en"])
    assert "neither Finnish nor Swedish" not in capsys.readouterr().err
    assert "RK-LANGUAGE-NOT-NATIONAL" not in path.read_text(encoding="utf-8")

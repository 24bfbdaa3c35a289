"""What every command shares: several files, globs, `-`, the worst exit status, --quiet, --locale from the
environment, --version and exit statuses in every --help, and one-line file errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rekisterikit.cli import COMMANDS, build_parser, main
from rekisterikit.cliutil import default_locale, expand_files

CLEAN = Path(__file__).resolve().parent / "validate" / "data" / "compliant.toml"
DEFICIENT = '[controller]\nname = "Esimerkki Oy"\n'
MINIMAL = '[controller]\nname = "Confetti"\nemail = "a@confetti.fi"\n'


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"deficient": tmp_path / "a.toml", "minimal": tmp_path / "b.toml", "broken": tmp_path / "c.toml"}
    paths["deficient"].write_text(DEFICIENT, encoding="utf-8")
    paths["minimal"].write_text(MINIMAL, encoding="utf-8")
    paths["broken"].write_text('[controller]\nnmae = "x"\n', encoding="utf-8")
    return paths


def test_check_takes_several_files_and_exits_with_the_worst_status(files: dict[str, Path],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Findings in one file and a load error in another: both are reported, the exit status is 2 (the worst)."""
    assert 2 == main(["check", "--locale", "en", str(files["deficient"]), str(files["broken"])])
    captured = capsys.readouterr()
    assert f"{files['deficient']}: error " in captured.out
    assert f"{files['broken']}:2:1: unknown field(s) nmae (did you mean name?) @ $.controller" in captured.err
    assert 1 == main(["check", "--locale", "en", str(files["deficient"]), str(files["minimal"])])


def test_glob_patterns_are_expanded_sorted(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A quoted glob is expanded by rekisterikit itself, in sorted order; a pattern matching nothing stays."""
    folder = files["deficient"].parent
    assert [str(files["deficient"]), str(files["minimal"]), str(files["broken"])] == \
        expand_files([str(folder / "[ab].toml"), str(files["broken"]), str(folder / "a.toml")])
    assert [str(folder / "none-*.toml")] == expand_files([str(folder / "none-*.toml")])
    main(["show", "--locale", "en", str(folder / "[ab].toml")])
    out = capsys.readouterr().out
    assert out.index(f"== {files['deficient']}") < out.index(f"== {files['minimal']}")


def test_dash_reads_toml_or_json_from_standard_input(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`-` is standard input: TOML, or JSON when it starts with `{`; errors name <stdin> with line and column."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MINIMAL.encode())))
    assert 0 == main(["show", "--locale", "en", "-"])
    assert "Controller: Confetti" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"controller": {"name": "X", "emial": "a"}}')))
    assert 2 == main(["check", "-"])
    assert '<stdin>:1:30: unknown field(s) emial (did you mean email?) @ $.controller' in capsys.readouterr().err


def test_quiet_prints_nothing_for_a_file_that_passes(files: dict[str, Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """check -q prints the report of a failing file only."""
    assert 1 == main(["check", "-q", "--select", "RK-CONTROLLER-CONTACT", str(files["minimal"]),
                      str(files["deficient"])])
    out = capsys.readouterr().out
    assert str(files["minimal"]) not in out
    assert str(files["deficient"]) in out


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "fi_FI.UTF-8"}, "fi"), ({"LANG": "sv_FI"}, "sv"), ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"), ({}, "en"), ({"LC_ALL": "sv_SE.UTF-8", "LANG": "fi_FI.UTF-8"}, "sv"),
    ({"LC_MESSAGES": "fi_FI", "LANG": "en_GB"}, "fi"),
])
def test_default_locale_comes_from_the_environment(environ: dict[str, str], expected: str) -> None:
    """LC_ALL, then LC_MESSAGES, then LANG decide; another language or none gives English."""
    assert expected == default_locale(environ)


def test_locale_governs_check_and_show_alike(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Without --locale, LANG picks the language of check's messages and show's labels; --locale overrides it."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    main(["check", "--select", "RK-CONTROLLER-CONTACT", str(files["deficient"])])
    main(["show", str(files["deficient"])])
    out = capsys.readouterr().out
    assert f"{files['deficient']}: fel 1, varningar 0, anmärkningar 0" in out
    assert "Fel (1)" in out
    assert "Personuppgiftsansvarig: Esimerkki Oy (inget FO-nummer)" in out
    main(["show", "--locale", "fi", str(files["deficient"])])
    assert "Rekisterinpitäjä: Esimerkki Oy (ei Y-tunnusta)" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "C")
    main(["show", str(files["deficient"])])
    assert "Controller: Esimerkki Oy (no business id)" in capsys.readouterr().out


def test_show_json_gives_the_summary_as_data(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """show --format json: null where the statement says nothing; several files give an array."""
    assert 0 == main(["show", "--format", "json", str(files["minimal"])])
    data = json.loads(capsys.readouterr().out)
    assert {"name": "Confetti", "business_id": None, "email": "a@confetti.fi", "phone": None, "website": None,
            "address": None, "contact_person": None} == data["controller"]
    assert str(files["minimal"]) == data["source"]
    assert 0 == main(["show", "--format", "json", str(files["minimal"]), str(files["deficient"])])
    assert 2 == len(json.loads(capsys.readouterr().out))


def test_check_json_for_several_files_is_an_array(files: dict[str, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """check --format json with several files prints one report object per file."""
    main(["check", "--format", "json", str(files["minimal"]), str(files["deficient"])])
    reports = json.loads(capsys.readouterr().out)
    assert [str(files["minimal"]), str(files["deficient"])] == [r["source"] for r in reports]


def test_sarif_for_several_files_has_one_run_each(files: dict[str, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """check --format sarif with several files prints one log with a run per file."""
    main(["check", "--format", "sarif", str(files["minimal"]), str(files["deficient"])])
    assert 2 == len(json.loads(capsys.readouterr().out)["runs"])


@pytest.mark.parametrize("name", [name for name, _, _ in COMMANDS])
def test_every_subcommand_has_version_quiet_and_exit_statuses_in_help(name: str,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`rekisterikit NAME --version` prints the version, and --help lists -q and the exit statuses."""
    with pytest.raises(SystemExit) as done:
        main([name, "--version"])
    assert 0 == done.value.code
    assert capsys.readouterr().out.startswith("rekisterikit ")
    with pytest.raises(SystemExit):
        main([name, "--help"])
    help_text = capsys.readouterr().out
    assert "exit status:\n  0  " in help_text
    assert "--quiet" in help_text


def test_top_level_help_lists_exit_statuses() -> None:
    """`rekisterikit --help` ends with the exit statuses."""
    assert "exit status:\n  0  success\n  1  " in build_parser().format_help()


def test_render_file_errors_are_one_line_exit_2(files: dict[str, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A missing folder, an existing file without --force: one line, exit 2, no traceback."""
    source = str(files["minimal"])
    assert 2 == main(["render", source, "-o", str(tmp_path / "nodir" / "x.html")])
    err = capsys.readouterr().err
    assert [f"rekisterikit render: cannot write {tmp_path / 'nodir' / 'x.html'}: its folder does not exist"] == \
        err.splitlines()
    out = tmp_path / "x.html"
    out.write_text("old", encoding="utf-8")
    assert 2 == main(["render", source, "-o", str(out)])
    assert "exists (use --force to overwrite)" in capsys.readouterr().err
    assert "old" == out.read_text(encoding="utf-8")
    assert 0 == main(["render", source, "-o", str(out), "--force", "-q"])
    assert out.read_text(encoding="utf-8").startswith("<article")
    assert "" == capsys.readouterr().err


def test_render_into_a_folder_writes_name_and_suffix(files: dict[str, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """-o FOLDER writes <name>.<suffix> for each file; several files without -o are a usage error."""
    outdir = tmp_path / "out"
    outdir.mkdir()
    assert 0 == main(["render", "--format", "markdown", str(files["minimal"]), str(files["deficient"]),
                      "-o", str(outdir)])
    assert ["a.md", "b.md"] == sorted(p.name for p in outdir.iterdir())
    assert f"rekisterikit render: wrote {outdir / 'b.md'}" in capsys.readouterr().err
    assert 2 == main(["render", str(files["minimal"]), str(files["deficient"])])
    assert "several files need -o FOLDER" in capsys.readouterr().err


def test_import_follows_the_same_output_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """import -o into a missing folder is the same one-line error as render's."""
    prose = tmp_path / "seloste.txt"
    prose.write_text("Rekisteriseloste\n\nRekisterinpitäjä: Testi Oy, info@testi.fi\n", encoding="utf-8")
    assert 2 == main(["import", str(prose), "-o", str(tmp_path / "nodir" / "d.toml")])
    assert "cannot write" in capsys.readouterr().err


def test_no_traceback_for_render_into_dot_in_a_fresh_process(files: dict[str, Path], tmp_path: Path) -> None:
    """`render -o .` writes into the current folder; a second run without --force exits 2 with one line."""
    command = [sys.executable, "-m", "rekisterikit", "render", str(files["minimal"]), "-o", "."]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert 0 == first.returncode, first.stderr
    assert (tmp_path / "b.html").is_file()
    second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (2, ["rekisterikit render: b.html exists (use --force to overwrite)"]) == \
        (second.returncode, second.stderr.splitlines())


def test_check_locates_findings_in_json_files_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check's text output gives the line of a finding in a JSON statement, as it does for TOML."""
    path = tmp_path / "s.json"
    path.write_text('{\n  "controller": {\n    "name": "Esimerkki Oy"\n  }\n}\n', encoding="utf-8")
    main(["check", "--locale", "en", "--select", "RK-CONTROLLER-CONTACT", str(path)])
    assert f"$.controller  ({path}:2)" in capsys.readouterr().out

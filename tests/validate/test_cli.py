"""`rekisterikit check`: formats, exit statuses, selections and colour."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rekisterikit.cli import main
from rekisterikit.validate.cli import use_colour

DATA = Path(__file__).resolve().parent / "data"
ONLY_INFO = '[controller]\nname = "Esimerkki Oy"\nemail = "a@esimerkki.fi"\nphone = "+358 9 123 4567"\n' \
            'business_id = "1234567-1"\n'
DEFICIENT = '[controller]\nname = "Esimerkki Oy"\n'


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_errors_exit_1_and_a_clean_statement_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1 when an error is found, 0 for the compliant statement."""
    assert 1 == main(["check", _write(tmp_path, DEFICIENT)])
    assert 0 == main(["check", str(DATA / "compliant.toml")])
    assert "error 0, warning 0, info 0" in capsys.readouterr().out


def test_fail_on_lowers_the_threshold(tmp_path: Path) -> None:
    """Infos pass by default and fail with --fail-on info."""
    path = _write(tmp_path, ONLY_INFO)
    assert 0 == main(["check", path, "--select", "RK-BUSINESS-ID,RK-PURPOSES", "--ignore", "RK-PURPOSES"])
    assert 0 == main(["check", path, "--fail-on", "warning", "--select", "controller_contact"])
    assert 1 == main(["check", path, "--fail-on", "info", "--select", "RK-TRANSFERS-NOT-STATED",
                      "--select", "RK-PURPOSES"])


def test_json_output_in_the_requested_locale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints the contract's object with messages in --locale."""
    path = _write(tmp_path, DEFICIENT)
    assert 1 == main(["check", path, "--format", "json", "--locale", "sv", "--select", "RK-CONTROLLER-CONTACT"])
    data = json.loads(capsys.readouterr().out)
    assert path == data["source"]
    sv = "Den personuppgiftsansvariges kontaktuppgifter saknas: ange postadress, e-postadress eller telefonnummer."
    [finding] = data["findings"]
    messages = finding.pop("messages")
    assert {"rule": "RK-CONTROLLER-CONTACT", "requirement": "controller_contact", "severity": "error",
            "article": "GDPR 13(1)(a), 14(1)(a)", "path": "$.controller", "message": sv} == finding
    assert sv == messages["sv"]
    assert ["en", "fi", "sv"] == sorted(messages)
    assert messages["fi"].startswith("Rekisterinpitäjän yhteystiedot")
    assert {"error": 1, "warning": 0, "info": 0} == data["summary"]


def test_sarif_output_lists_the_rules_that_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format sarif prints a SARIF log whose driver lists the selected rules."""
    main(["check", _write(tmp_path, DEFICIENT), "--format", "sarif", "--select", "RK-COOKIE"])
    log = json.loads(capsys.readouterr().out)
    ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "2.1.0" == log["version"]
    assert ids
    assert all(i.startswith("RK-COOKIE") for i in ids)


def test_unknown_rule_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --select/--ignore value is a usage error: exit 2 with a message."""
    assert 2 == main(["check", _write(tmp_path, DEFICIENT), "--ignore", "RK-NOPE"])
    assert "unknown rule 'RK-NOPE'" in capsys.readouterr().err


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not load exits 2 with the loader's messages."""
    assert 2 == main(["check", _write(tmp_path, "[controller]\n")])
    assert "required field missing @ $.controller.name" in capsys.readouterr().err


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """auto colours a TTY unless NO_COLOR is set; always/never override."""

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour("auto", Tty())
    assert not use_colour("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour("auto", Tty())
    assert use_colour("always", io.StringIO())
    assert not use_colour("never", Tty())


def test_text_output_is_plain_when_piped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Captured (non-terminal) output has no escape codes; --color always adds them."""
    path = _write(tmp_path, DEFICIENT)
    main(["check", path])
    assert "\033[" not in capsys.readouterr().out
    main(["check", path, "--color", "always"])
    assert "\033[" in capsys.readouterr().out

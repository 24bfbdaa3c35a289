"""Tests of ``flask rekisterikit check | render | prune-consents``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from flask import Flask

from rekisterikit.consent import ConsentRecord, MemoryConsentStore
from rekisterikit.contrib.flask import get_state
from rekisterikit.render import render

from .conftest import AppFactory


def invoke(app: Flask, *args: str) -> tuple[int, str]:
    """Run ``flask rekisterikit ARGS`` on the app; return the exit code and the output."""
    result = app.test_cli_runner().invoke(args=["rekisterikit", *args])
    return result.exit_code, result.output


def test_check_text_and_exit_status(make_app: AppFactory, tmp_path: Path) -> None:
    """check prints the findings of the configured statement and exits 1 when one reaches --fail-on."""
    poor = tmp_path / "poor.toml"
    poor.write_text('[controller]\nname = "Kauppa Oy"\n', encoding="utf-8")
    code, output = invoke(make_app(REKISTERIKIT_STATEMENT=str(poor)), "check", "--no-colour")
    assert 1 == code
    assert ("RK-PURPOSES" in output, "\x1b[" in output) == (True, False)


def test_check_json_matches_the_report(app: Flask) -> None:
    """check --format json prints the report in the JSON contract's shape; exit 0 below the fail level."""
    code, output = invoke(app, "check", "--format", "json", "--locale", "en", "--fail-on", "error")
    data = json.loads(output)
    report = get_state(app).report
    assert report is not None
    expected_code = 1 if report.fails("error") else 0
    assert (expected_code, report.summary) == (code, data["summary"])
    assert {"source", "statement_version", "findings", "summary"} <= set(data)


def test_check_sarif(app: Flask) -> None:
    """check --format sarif prints a SARIF 2.1.0 log."""
    _, output = invoke(app, "check", "--format", "sarif")
    assert "2.1.0" == json.loads(output)["version"]


def test_render_to_stdout_and_file(app: Flask, tmp_path: Path) -> None:
    """render prints the statement in the chosen language and format, or writes it to a file."""
    statement = get_state(app).statement
    code, output = invoke(app, "render", "--locale", "sv", "--format", "markdown")
    assert (0, render(statement, locale="sv", format="markdown").rstrip("\n")) == (code, output.rstrip("\n"))
    target = tmp_path / "statement.html"
    code, _ = invoke(app, "render", "--full-page", "-o", str(target))
    assert (0, str(render(statement, locale="fi", full_page=True)).rstrip("\n")) == (
        code, target.read_text(encoding="utf-8").rstrip("\n"))


def test_render_full_page_needs_html(app: Flask) -> None:
    """--full-page with another format is a usage error (exit 2)."""
    code, output = invoke(app, "render", "--format", "text", "--full-page")
    assert (2, True) == (code, "--full-page applies to --format html only" in output)


def _record(days_ago: int) -> ConsentRecord:
    return ConsentRecord(consent_id=f"old-consent-{days_ago:06d}", at=dt.datetime.now(dt.UTC) - dt.timedelta(
        days=days_ago), version="sha256:v", fingerprint="sha256:f", offered=["statistics"], granted=[],
        method="reject_all", locale="fi")


def test_prune_consents(make_app: AppFactory) -> None:
    """prune-consents deletes records older than the limit and reports how many."""
    store = MemoryConsentStore()
    for days in (10, 400, 800, 1200):
        store.record(_record(days))
    app = make_app(REKISTERIKIT_CONSENT_STORE=store)
    code, output = invoke(app, "prune-consents", "--older-than-days", "730")
    assert (0, [10, 400]) == (code, sorted(int(r.consent_id[-6:]) for r in store.all()))
    assert output.startswith("deleted 2 consent record(s) made before ")


def test_prune_refuses_a_limit_shorter_than_the_consent_lifetime(make_app: AppFactory) -> None:
    """A limit below the consent's max age would delete proof of consents in force: refused without --force."""
    store = MemoryConsentStore()
    store.record(_record(100))
    app = make_app(REKISTERIKIT_CONSENT_STORE=store)
    code, output = invoke(app, "prune-consents", "--older-than-days", "30")
    assert (2, 1) == (code, len(store.all()))
    assert "shorter than the consent lifetime (365 days)" in output
    assert 0 == invoke(app, "prune-consents", "--older-than-days", "30", "--force")[0]
    assert [] == store.all()


def test_prune_uses_the_configured_retention(make_app: AppFactory) -> None:
    """Without --older-than-days, REKISTERIKIT_CONSENT_RETENTION is the limit; with neither it is a usage error."""
    store = MemoryConsentStore()
    store.record(_record(800))
    bare = make_app(REKISTERIKIT_CONSENT_STORE=store)
    assert 2 == invoke(bare, "prune-consents")[0]
    app = make_app(REKISTERIKIT_CONSENT_STORE=store, REKISTERIKIT_CONSENT_RETENTION=dt.timedelta(days=730))
    assert (0, []) == (invoke(app, "prune-consents")[0], store.all())

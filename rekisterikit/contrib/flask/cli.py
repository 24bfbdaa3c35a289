"""``flask rekisterikit check | render | prune-consents | export-proof``: the command line for the configured statement.

The commands work on the statement and consent store the application configured, so they need no file argument::

    flask --app shop rekisterikit check --fail-on warning
    flask --app shop rekisterikit render --locale sv --format markdown -o tietosuoja.sv.md
    flask --app shop rekisterikit prune-consents --older-than-days 1095
    flask --app shop rekisterikit export-proof --subject user:42 --base-url https://shop.example -o proof.json

``check`` prints the same text, JSON or SARIF as ``rekisterikit check`` and exits 1 when a finding reaches
``--fail-on``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click
from flask.cli import AppGroup

from rekisterikit.contrib.flask.state import get_state
from rekisterikit.model import Language

__all__ = ["cli"]

cli = AppGroup("rekisterikit", help="The privacy statement and the consent log of this application.")

_LANGS = click.Choice([lang.value for lang in Language])


@cli.command("check")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Exit with status 1 when a finding is at least this severe.")
@click.option("--locale", type=_LANGS, default=None, help="Language of the messages (default: the statement's).")
@click.option("--colour/--no-colour", "colour", default=None, help="Colour the text output (default: on a terminal).")
def check_command(fmt: str, fail_on: str, locale: str | None, colour: bool | None) -> None:
    """Validate the configured statement and print the findings."""
    from rekisterikit.validate import REGISTRY, validate
    from rekisterikit.validate.cli import use_colour
    from rekisterikit.validate.output import to_json, to_sarif, to_text

    state = get_state()
    report = validate(state.statement, source=state.source)
    lang = Language(locale) if locale else state.statement.default_language
    if fmt == "json":
        click.echo(to_json(report, lang), nl=False)
    elif fmt == "sarif":
        rules = REGISTRY.select(None, [])
        click.echo(json.dumps(to_sarif(report, rules, lang), ensure_ascii=False, indent=2))
    else:
        on = use_colour("auto", sys.stdout) if colour is None else colour
        click.echo(to_text(report, lang, colour=on), nl=False)
    if report.fails(fail_on):
        sys.exit(1)


@cli.command("render")
@click.option("--locale", type=_LANGS, default=None, help="Language (default: the application's default).")
@click.option("--format", "fmt", type=click.Choice(["html", "text", "markdown", "json"]), default="html",
              show_default=True, help="Output format.")
@click.option("--full-page", is_flag=True, help="A standalone HTML page instead of a fragment.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
def render_command(locale: str | None, fmt: str, full_page: bool, output: str | None) -> None:
    """Render the configured statement."""
    from rekisterikit.render import render

    state = get_state()
    if full_page and fmt != "html":
        raise click.UsageError("--full-page applies to --format html only")
    text = str(render(state.statement, locale=locale or state.default_locale, format=fmt, full_page=full_page))
    if not text.endswith("\n"):
        text += "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
        click.echo(f"wrote {output}", err=True)


@cli.command("prune-consents")
@click.option("--older-than-days", type=click.IntRange(min=1), default=None,
              help="Delete consent records older than this many days (default: REKISTERIKIT_CONSENT_RETENTION).")
@click.option("--force", is_flag=True,
              help="Allow a limit shorter than the consent's lifetime (REKISTERIKIT_COOKIE_MAX_AGE).")
def prune_command(older_than_days: int | None, force: bool) -> None:
    """Delete consent log records older than the retention limit.

    A record is the proof of a consent (GDPR 7(1)); records younger than a consent's lifetime may prove a consent
    still in force, so a shorter limit is refused unless --force is given.
    """
    state = get_state()
    if older_than_days is not None:
        limit = dt.timedelta(days=older_than_days)
    elif state.retention is not None:
        limit = state.retention
    else:
        raise click.UsageError("give --older-than-days or set REKISTERIKIT_CONSENT_RETENTION")
    max_age = state.consent_config.max_age
    if limit < max_age and not force:
        raise click.UsageError(f"{limit.days} days is shorter than the consent lifetime ({max_age.days} days): "
                               "records of consents still in force would be lost (use --force to prune anyway)")
    cutoff = dt.datetime.now(dt.UTC) - limit
    deleted = state.store.prune(cutoff)
    click.echo(f"deleted {deleted} consent record(s) made before {cutoff.isoformat(timespec='seconds')}")


@cli.command("export-proof")
@click.option("--consent-id", "consent_ids", multiple=True, metavar="ID",
              help="Export the records of this consent id (the visitor's pseudonymous id); repeatable.")
@click.option("--subject", "subjects", multiple=True, metavar="REF",
              help="Export the records linked to this data subject reference (e.g. user:42); repeatable.")
@click.option("--base-url", default=None, metavar="URL",
              help="The site's scheme and host (https://shop.example) for the links to the statement versions "
                   "(default: SERVER_NAME and PREFERRED_URL_SCHEME when set; otherwise the links are paths).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
def export_proof_command(consent_ids: tuple[str, ...], subjects: tuple[str, ...], base_url: str | None,
                         output: str | None) -> None:
    """Export consent records as proof of consent (GDPR 7(1)): consent receipts in JSON.

    Each receipt carries the statement version the visitor was shown, its text when the store kept it, and — as
    policyUrl — the URL of that version's page (the blueprint's /history/<version>).
    """
    from urllib.parse import urlsplit

    from flask import current_app, url_for

    from rekisterikit.consent import export_proof_json
    from rekisterikit.records.history import is_version

    if not consent_ids and not subjects:
        raise click.UsageError("give at least one --consent-id or --subject")
    if base_url is not None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise click.UsageError(f"--base-url {base_url!r}: give an http(s) URL such as https://shop.example")
    state = get_state()
    if not state.blueprint:
        raise click.UsageError("the rekisterikit blueprint is not registered: there is no page to link the "
                               "statement versions to")
    seen: set[str] = set()
    records = []
    for found in [*(state.store.history(c) for c in consent_ids), *(state.store.for_subject(s) for s in subjects)]:
        for record in found:
            if record.receipt_id not in seen:
                seen.add(record.receipt_id)
                records.append(record)
    records.sort(key=lambda r: (r.at, r.receipt_id))
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    external = base_url is not None or bool(app.config.get("SERVER_NAME"))
    def link(version: str) -> str | None:
        if not is_version(version):
            return None  # no page shows it
        return url_for("rekisterikit.history_version", version=version, _external=external)

    with app.test_request_context(base_url=base_url):
        text = export_proof_json(records, store=state.store, max_age=state.consent_config.max_age,
                                 statement_url=link)
    if output is None:
        click.echo(text, nl=False)
    else:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
        click.echo(f"wrote {len(records)} receipt(s) to {output}", err=True)

"""Smoke test of an installed wheel: run from outside the checkout, so only packaged files are available.

Each feature that relies on package data (catalogs, static files, schemas) adds a check here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rekisterikit
from rekisterikit import load

examples = Path(sys.argv[1])
assert "site-packages" in rekisterikit.__file__, f"not the installed package: {rekisterikit.__file__}"
statements = {p.name: load(p) for p in sorted(examples.glob("*.toml"))}
assert len(statements) >= 7, sorted(statements)
print(f"smoke: loaded {len(statements)} example statements from the installed wheel")

from rekisterikit import render  # noqa: E402
from rekisterikit.render.i18n import gettext  # noqa: E402

assert gettext("for the session", locale="sv") == "under sessionen", "compiled catalogs missing from the wheel"
kalvokeskus = statements["kalvokeskus-corrected.toml"]
for locale, heading in (("sv", "Dina rättigheter"), ("en", "Your rights"), ("fi", "Sinun oikeutesi")):
    page = render(kalvokeskus, locale=locale, full_page=True)
    assert f'<html lang="{locale}">' in page and heading in page, f"{locale}: catalogs not used by the renderer"
    assert heading in render(kalvokeskus, locale=locale, format="text")
print("smoke: gettext catalogs (fi, sv, en) are in the wheel; statements render in fi, sv and en")

import datetime as dt  # noqa: E402

from rekisterikit.consent import (  # noqa: E402
    ConsentConfig,
    ConsentService,
    SQLiteConsentStore,
    render_banner,
    static_file,
)

for name in ("rekisterikit/consent.js", "rekisterikit/consent.css"):
    path = static_file(name)
    assert "site-packages" in str(path), f"{name}: not from the installed wheel"
    assert path.stat().st_size > 1000, f"{name} missing from the wheel"
with __import__("tempfile").TemporaryDirectory() as tmp:
    shop = next(iter(statements.values()))
    with SQLiteConsentStore(Path(tmp) / "consent.sqlite3") as store:
        service = ConsentService(shop, ConsentConfig(secret="smoke-test-secret-0123456789"), store)
        decision = service.decide({"rk-action": "reject_all"}, locale="fi")
        assert service.read({"rk_consent": decision.cookie.value}) == decision.state
        assert len(store.all()) == 1
        assert decision.record.at <= dt.datetime.now(dt.UTC)
    render_banner(service, None, locale="sv", action="/consent", statement_url="/privacy")
print("smoke: consent.js and consent.css are in the wheel; consent decide/read/SQLite log work")

from rekisterikit import validate  # noqa: E402
from rekisterikit.validate.data import adequacy, eea  # noqa: E402
from rekisterikit.validate.output import report_schema  # noqa: E402

report = validate(statements["kalvokeskus-corrected.toml"])
assert report.summary["error"] == 0, report.to_dict("en")
assert "FI" in eea().codes and "US" in adequacy()[1], "dated EEA/adequacy data missing from the wheel"
assert report_schema()["title"] == "rekisterikit findings report", "report.schema.json missing from the wheel"
assert validate(statements["monalisa.toml"]).fails(), "validators found nothing in an as-published seed"
print("smoke: validators run from the wheel with their EEA/adequacy data and the report schema")

from rekisterikit.lint import lint_text  # noqa: E402
from rekisterikit.lint.importer import import_text  # noqa: E402

SELOSTE = """Rekisteriseloste
Henkilötietolain (523/1999) 10 §

Rekisterinpitäjä
Esimerkki Oy, Y-tunnus 0956453-1, info@esimerkki.fi

Evästeet
Käyttämällä sivustoa hyväksyt evästeet, joilla seurataan kävijöitä.

Tarkastusoikeus
Tarkastuspyyntö on lähetettävä kirjallisesti ja allekirjoitettuna.
"""
result = lint_text(SELOSTE, format="txt")
rules = {f.rule for f in result.findings}
assert {"RK-LINT-HETIL", "RK-LINT-COOKIE-IMPLIED", "RK-LINT-SIGNED-REQUEST", "RK-LINT-RETENTION"} <= rules, rules
assert result.language.value == "fi", "lexicons missing from the wheel"
draft = import_text(SELOSTE, format="txt")
assert draft.statement.controller.name == "Esimerkki Oy" and "# TODO" in draft.toml
print("smoke: the linter's lexicons are in the wheel; a rekisteriseloste is linted and imported")

import importlib.metadata  # noqa: E402

plugins = {e.name: e.value for e in importlib.metadata.entry_points(group="pytest11")}
assert plugins.get("rekisterikit") == "rekisterikit.testing.pytest_plugin", plugins
hooks = [e.value for e in importlib.metadata.entry_points(group="hypothesis")]
assert "rekisterikit.testing._hypothesis:_hypothesis_setup_hook" in hooks, hooks
print("smoke: the pytest plugin and the hypothesis hook are declared entry points of the wheel")

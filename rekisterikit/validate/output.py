"""Report formats for ``rekisterikit check``: text for people, JSON (the LEGAL.md contract) and SARIF 2.1.0 for CI.

SARIF lets code-review tools show each finding on the line of the statement file it concerns; the JSON shape is
described by the JSON Schema shipped as ``rekisterikit/validate/report.schema.json``.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rekisterikit.findings import Report, Severity
from rekisterikit.model.values import Language
from rekisterikit.validate.locate import Locator
from rekisterikit.validate.registry import Rule

__all__ = [
    "DOCS_URL",
    "SARIF_SCHEMA_URI",
    "report_schema",
    "to_json",
    "to_sarif",
    "to_text",
]

DOCS_URL = "https://rekisterikit.readthedocs.io/rules/"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_HEADINGS = {
    Severity.ERROR: {"fi": "Virheet", "sv": "Fel", "en": "Errors"},
    Severity.WARNING: {"fi": "Varoitukset", "sv": "Varningar", "en": "Warnings"},
    Severity.INFO: {"fi": "Huomautukset", "sv": "Anmärkningar", "en": "Notes"},
}
_NONE = {"fi": "Ei havaintoja.", "sv": "Inga anmärkningar.", "en": "No findings."}
_COUNTS = {
    Severity.ERROR: {"fi": "virheet", "sv": "fel", "en": "error"},
    Severity.WARNING: {"fi": "varoitukset", "sv": "varningar", "en": "warning"},
    Severity.INFO: {"fi": "huomautukset", "sv": "anmärkningar", "en": "info"},
}


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``check --format json`` output."""
    text = resources.files("rekisterikit.validate").joinpath("report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def to_json(report: Report, locale: Language | str) -> str:
    """The report as the JSON object of the findings contract, messages in ``locale``."""
    return json.dumps(report.to_dict(locale), ensure_ascii=False, indent=2) + "\n"


class _JsonLocator:
    """Line numbers of the elements of a JSON statement file (the loader's scanner), as :class:`Locator` gives."""

    def __init__(self, text: str) -> None:
        from rekisterikit.loadhints import JsonScanner

        self._scanner = JsonScanner(text)

    def line(self, path: str) -> int:
        return self._scanner.position(path)[0]


def _locator(source: str | None) -> Locator | _JsonLocator | None:
    suffix = Path(source).suffix.lower() if source else ""
    if source is None or suffix not in (".toml", ".json"):
        return None
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Locator(text) if suffix == ".toml" else _JsonLocator(text)


def to_text(report: Report, locale: Language | str, *, colour: bool = False, width: int = 100) -> str:
    """The report for a terminal: findings grouped by severity, each with its rule, article, path and line.

    Args:
        report: the report.
        locale: the language of the messages and headings.
        colour: whether to use ANSI colours.
        width: the line width messages are wrapped to.
    """
    lang = Language(locale).value

    def paint(code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if colour else text

    locator = _locator(report.source)
    counts = report.summary
    head = report.source or "<statement>"
    lines = [paint("1", head) + ": " + ", ".join(f"{_COUNTS[s][lang]} {counts[s.value]}" for s in Severity)]
    if not report.findings:
        lines.append(_NONE[lang])
    for severity in Severity:
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        lines.append("")
        lines.append(paint(f"1;{_COLOURS[severity]}", f"{_HEADINGS[severity][lang]} ({len(group)})"))
        for f in group:
            where = f.path
            if locator is not None:
                where += f"  ({report.source}:{locator.line(f.path)})"
            lines.append("  " + paint(_COLOURS[severity], f.rule) + f"  {f.article}  [{f.requirement.value}]")
            lines.append("    " + paint("2", where))
            if f.evidence is not None:  # free-text findings (lint) quote the sentence they rest on
                quote = textwrap.shorten(f.evidence.quote, width=width - 16, placeholder=" …")
                lines.append("    " + paint("2", f'line {f.evidence.line}: "{quote}"'))
            message = f.message.resolve(lang)[0]
            lines.extend(textwrap.wrap(message, width=width, initial_indent="    ", subsequent_indent="    "))
    return "\n".join(lines) + "\n"


def _artifact_uri(source: str) -> str:
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(path.as_posix())


def to_sarif(report: Report, rules: Iterable[Rule], locale: Language | str, *,
             tool_version: str | None = None) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log with one run.

    Args:
        report: the report.
        rules: the rules that ran (their metadata goes into ``tool.driver.rules``).
        locale: the language of the result messages.
        tool_version: rekisterikit's version.
    """
    if tool_version is None:
        from rekisterikit import __version__ as tool_version
    lang = Language(locale).value
    rule_list = list(rules)
    known = {r.id for r in rule_list}
    index = {r.id: i for i, r in enumerate(rule_list)}
    descriptors = [{
        "id": r.id,
        "name": "".join(w.capitalize() for w in r.id.split("-")[1:]) or r.id,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": r.trigger or r.title},
        "help": {"text": r.fix or r.title, "markdown": r.fix or r.title},
        "helpUri": DOCS_URL + "#" + r.id.lower(),
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
        "properties": {"requirement": r.requirement.value, "article": r.article, "origin": r.origin,
                       "tags": ["privacy", "gdpr", r.requirement.value]},
    } for r in rule_list]
    locator = _locator(report.source)
    artifact = _artifact_uri(report.source) if report.source else None
    results = []
    for f in report.findings:
        location: dict[str, Any] = {"logicalLocations": [{"fullyQualifiedName": f.path, "kind": "element"}]}
        if artifact is not None:
            physical: dict[str, Any] = {"artifactLocation": {"uri": artifact}}
            if locator is not None:
                physical["region"] = {"startLine": locator.line(f.path)}
            location["physicalLocation"] = physical
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message.resolve(lang)[0]},
            "locations": [location],
            "partialFingerprints": {
                "rekisterikitFinding/v1": hashlib.sha256(f"{f.rule}|{f.path}".encode()).hexdigest()},
            "properties": {"requirement": f.requirement.value, "article": f.article, "path": f.path},
        }
        if f.rule in known:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "rekisterikit", "version": tool_version,
                            "informationUri": DOCS_URL.rsplit("/rules/", 1)[0] + "/", "rules": descriptors}},
        "results": results,
        "language": lang,
        "properties": {"statementVersion": report.statement_version, "locale": lang, "summary": report.summary},
    }
    if artifact is not None:
        run["artifacts"] = [{"location": {"uri": artifact}, "mimeType": "application/toml"
                             if artifact.lower().endswith(".toml") else "application/json"}]
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}

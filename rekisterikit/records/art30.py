"""The controller's record of processing activities (GDPR 30(1), *seloste käsittelytoimista*) from the statement.

One row per processing activity — each purpose of each register — with the items Art. 30(1)(b)–(g) asks for:
purposes, categories of data subjects and of personal data, recipients, transfers with their safeguards, erasure
time limits and a general description of the security measures. The controller's details (30(1)(a)) head the
record. The data subjects and security measures come from the statement's internal ``[record]`` part, which is
never published; everything else from the published statement, so the two cannot drift apart.

The record is kept in writing and made available to the supervisory authority on request (GDPR 30(3)–(4)); the
HTML form is a printable page, CSV opens in a spreadsheet, JSON is for other tools. The XLSX workbook is written by
:mod:`rekisterikit.xlsx` (the ``xlsx`` extra, openpyxl), outside the core.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Literal

from attrs import define
from markupsafe import Markup

from rekisterikit.model import Language, LocalizedText, Purpose, RecipientRole, Register, Statement
from rekisterikit.render.i18n import Translator, language, translator

# GDPR 30(1)(a)-(g), 30(3)-(5): the wording was checked against several independent quotations of Regulation (EU)
# 2016/679 that agree word for word; EUR-Lex itself was not reachable from the project's search tool [M: re-check
# the exact wording on EUR-Lex].

__all__ = ["COLUMNS", "Record", "RecordRow", "build_record", "render_record"]

Format = Literal["html", "csv", "json"]

#: The record's columns: key and the GDPR 30(1) point it answers.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("register", "30(1)"),
    ("activity", "30(1)(b)"),
    ("legal_basis", "6(1)"),
    ("data_subjects", "30(1)(c)"),
    ("data_categories", "30(1)(c)"),
    ("recipients", "30(1)(d)"),
    ("transfers", "30(1)(e)"),
    ("erasure", "30(1)(f)"),
    ("security", "30(1)(g)"),
)


def _headings(t: Translator) -> dict[str, str]:
    return {
        "register": t.gettext("Register"),
        "activity": t.gettext("Processing activity and purpose"),
        "legal_basis": t.gettext("Legal basis"),
        "data_subjects": t.gettext("Categories of data subjects"),
        "data_categories": t.gettext("Categories of personal data"),
        "recipients": t.gettext("Categories of recipients"),
        "transfers": t.gettext("Transfers to third countries and safeguards"),
        "erasure": t.gettext("Time limits for erasure"),
        "security": t.gettext("Technical and organisational security measures"),
    }


@define(frozen=True, kw_only=True)
class RecordRow:
    """One processing activity of the record; every cell is text in the record's language (empty: not stated)."""

    register: str
    activity: str
    legal_basis: str
    data_subjects: str
    data_categories: str
    recipients: str
    transfers: str
    erasure: str
    security: str

    def cells(self) -> tuple[str, ...]:
        """The cells in :data:`COLUMNS` order."""
        return tuple(getattr(self, key) for key, _ in COLUMNS)


@define(frozen=True, kw_only=True)
class Record:
    """The record of processing activities in one language.

    Attributes:
        lang: the language.
        title: "Seloste käsittelytoimista" / "Register över behandling" / "Record of processing activities".
        controller: the label/value lines of GDPR 30(1)(a): controller, contact, representative, DPO, joint
            controllers.
        headings: the column headings by key.
        rows: one row per processing activity.
        statement_version: the version of the statement it was made from.
        updated: when the statement (or, if later, its record part) was last updated.
    """

    lang: Language
    title: str
    controller: tuple[tuple[str, str], ...]
    headings: dict[str, str]
    rows: tuple[RecordRow, ...]
    statement_version: str
    updated: dt.date | None

    def as_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data."""
        return {
            "format": "rekisterikit/processing-record",
            "format_version": 1,
            "lang": self.lang.value,
            "title": self.title,
            "statement_version": self.statement_version,
            "updated": self.updated.isoformat() if self.updated else None,
            "controller": [{"label": label, "value": value} for label, value in self.controller],
            "columns": [{"key": key, "label": self.headings[key], "article": f"GDPR {art}"} for key, art in COLUMNS],
            "activities": [dict(zip([k for k, _ in COLUMNS], row.cells(), strict=True)) for row in self.rows],
        }


class _Builder:
    def __init__(self, statement: Statement, lang: Language) -> None:
        from rekisterikit.render.document.builder import StatementBuilder

        self.s = statement
        self.lang = lang
        self.t = translator(lang)
        self.clauses = StatementBuilder(statement, lang)

    def text(self, value: LocalizedText | None) -> str:
        if value is None:
            return ""
        resolved, _ = value.resolve(self.lang, (self.s.default_language,))
        return " ".join(resolved.split())

    def join(self, items: list[str]) -> str:
        parts = [x for x in items if x]
        if len(parts) < 2:
            return "".join(parts)
        return "; ".join(x.rstrip(".") for x in parts)

    def controller(self) -> tuple[tuple[str, str], ...]:
        s, t = self.s, self.t
        c = s.controller
        lines: list[tuple[str, str]] = []
        name = c.name + (f" ({c.business_id})" if c.business_id else "")
        lines.append((t.gettext("Controller"), name))
        contact = [*(c.address.lines() if c.address else ()), c.email or "", c.phone or ""]
        lines.append((t.gettext("Contact details"), ", ".join(x for x in contact if x)))
        if c.contact_person is not None:
            person = c.contact_person
            lines.append((t.gettext("Contact person"), ", ".join(x for x in (person.name, person.email or "",
                                                                             person.phone or "") if x)))
        if s.eu_representative is not None:
            rep = s.eu_representative
            lines.append((t.gettext("EU representative"), ", ".join(x for x in (rep.name, rep.email or "") if x)))
        if s.dpo is not None:
            dpo = s.dpo
            lines.append((t.gettext("Data protection officer"),
                          ", ".join(x for x in (dpo.name or "", dpo.email or "", dpo.phone or "") if x)))
        joint = sorted({r.label for reg in s.registers for r in reg.recipients or ()
                        if r.role is RecipientRole.JOINT_CONTROLLER})
        if joint:
            lines.append((t.gettext("Joint controllers"), "; ".join(joint)))
        return tuple(lines)

    def row(self, register: Register, purpose: Purpose) -> RecordRow:
        t, c = self.t, self.clauses
        record = self.s.record
        entry = record.for_register(register.key) if record is not None else None
        basis = "" if purpose.legal_basis is None else (
            f"{c.basis_name(purpose.legal_basis)} ({c.article(purpose.legal_basis.article.removeprefix('GDPR '))})")
        if purpose.special_condition is not None:
            basis += f"; {c.article(purpose.special_condition.article.removeprefix('GDPR '))}"
        categories = {d.key: d for d in register.data_categories}
        used = [categories[k] for k in purpose.data_categories if k in categories] or list(register.data_categories)
        recipients = [r for r in register.recipients or () if not r.purposes or purpose.key in r.purposes]
        recipient_texts = []
        for r in recipients:
            role = {RecipientRole.PROCESSOR: t.gettext("processor"), RecipientRole.CONTROLLER: t.gettext("controller"),
                    RecipientRole.JOINT_CONTROLLER: t.gettext("joint controller"),
                    RecipientRole.AUTHORITY: t.gettext("authority")}.get(r.role) if r.role else None
            label = r.name if r.name is not None else self.text(r.category)
            extras = [x for x in (role, c.country(r.country) if r.country else None) if x]
            recipient_texts.append(label + (f" ({', '.join(extras)})" if extras else ""))
        names = {r.name for r in recipients if r.name}
        transfer_texts = []
        for tr in register.transfers or ():
            if tr.recipients and not set(tr.recipients) & names:
                continue
            where = c.country(tr.country) if tr.country else t.gettext("Country not named")
            who = f" ({', '.join(tr.recipients)})" if tr.recipients else ""
            how = c.mechanism(tr.mechanism, tr.derogation) if tr.mechanism else t.gettext("safeguard not stated")
            transfer_texts.append(f"{where}{who}: {how}")
        erasure = []
        for rule in register.retention_for(purpose):
            part = c.period(rule) if rule.period is not None else ""
            criteria = self.text(rule.criteria)
            erasure.append(" — ".join(x for x in (part, criteria) if x))
        security = (entry.security if entry is not None and entry.security is not None
                    else record.security if record is not None and record.security is not None else register.security)
        return RecordRow(
            register=self.text(register.name),
            activity=self.text(purpose.description),
            legal_basis=basis,
            data_subjects=self.join([self.text(x) for x in entry.data_subjects]) if entry is not None else "",
            data_categories=self.join([self.text(d.name) for d in used]),
            recipients=self.join(recipient_texts) if register.recipients is not None else "",
            transfers=(self.join(transfer_texts) or t.gettext("No transfers")) if register.transfers is not None
            else "",
            erasure=self.join(erasure),
            security=self.text(security),
        )

    def build(self) -> Record:
        s, t = self.s, self.t
        rows = tuple(self.row(reg, p) for reg in s.registers for p in reg.purposes)
        dates = [d for d in (s.updated, s.record.updated if s.record else None) if d is not None]
        return Record(lang=self.lang, title=t.gettext("Record of processing activities"), controller=self.controller(),
                      headings=_headings(t), rows=rows, statement_version=s.version,
                      updated=max(dates) if dates else None)


def build_record(statement: Statement, *, locale: Language | str) -> Record:
    """Build the record of processing activities of ``statement`` in ``locale``.

    Args:
        statement: the statement, with its internal ``record`` part when it has one.
        locale: ``"fi"``, ``"sv"`` or ``"en"``.

    Returns:
        The record: the controller's details and one row per purpose of each register.
    """
    return _Builder(statement, language(locale)).build()


_STYLE = """
@page { size: A4 landscape; margin: 12mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
dl.rk-record-controller { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { overflow-wrap: break-word; hyphens: auto; }
dl.rk-record-register dt { margin-top: .5rem; } dl.rk-record-register dd { margin: .2rem 0 0 1rem; }
th, td { border: 1px solid #888; padding: .3rem .4rem; vertical-align: top; text-align: left; }
th { background: #eee; }
th small { display: block; font-weight: normal; color: #444; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.rk-record-meta { color: #444; font-size: .9em; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; } h2 small { font-weight: normal; color: #444; }
h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
dt small { font-weight: normal; color: #444; }
"""


def _html(record: Record) -> Markup:
    t = translator(record.lang)
    controller = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(label, value)
                                 for label, value in record.controller)
    # The data subjects and the security measures are the same for every activity of a register: on the printed
    # page they are given once per register below the table (the CSV, XLSX and JSON forms repeat them per row).
    per_register = ("data_subjects", "security")
    keys = [(key, art) for key, art in COLUMNS if key not in per_register]
    head = Markup("").join(Markup('<th scope="col">{label}<small>GDPR {article}</small></th>').format(
        label=record.headings[key], article=art) for key, art in keys)
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(getattr(row, key))
                                                     for key, _ in keys))
        for row in record.rows)
    registers: dict[str, dict[str, list[str]]] = {}
    for row in record.rows:
        entry = registers.setdefault(row.register, {key: [] for key in per_register})
        for key in per_register:
            value = getattr(row, key)
            if value not in entry[key]:
                entry[key].append(value)
    not_stated = t.gettext("not stated")
    parts = []
    for register, entry in registers.items():
        facts = Markup("").join(
            Markup("<dt>{label} <small>GDPR {article}</small></dt>{values}").format(
                label=record.headings[key], article=dict(COLUMNS)[key],
                values=Markup("").join(Markup("<dd>{}</dd>").format(v or not_stated) for v in entry[key]))
            for key in per_register)
        parts.append(Markup('<h3>{}</h3><dl class="rk-record-register">{}</dl>').format(register, facts))
    security = Markup("").join(parts)
    updated = t.format_date(record.updated) if record.updated else t.gettext("date not stated")
    meta = t.gettext("Updated {date}").format(date=updated) + " · " + t.gettext("Version {version}").format(
        version=record.statement_version)
    return Markup(
        '<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><style>{style}</style></head>'
        '<body><main class="rk-record"><h1>{title}</h1><p class="rk-record-meta">{meta}</p>'
        '<dl class="rk-record-controller">{controller}</dl>'
        '<table class="rk-record-activities"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        '<section class="rk-record-registers"><h2>{registers_title}</h2>{security}'
        "</section></main></body></html>\n").format(
            lang=record.lang.value, title=record.title, style=Markup(_STYLE), meta=meta, controller=controller,
            head=head, body=body, registers_title=t.gettext("Registers"), security=security)


def _csv(record: Record) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([record.headings[key] for key, _ in COLUMNS])
    for row in record.rows:
        # A cell starting with =, +, - or @ would run as a formula in a spreadsheet: quote it with an apostrophe.
        writer.writerow([("'" + cell) if cell[:1] in ("=", "+", "-", "@") else cell for cell in row.cells()])
    return buffer.getvalue()


def render_record(statement: Statement, *, locale: Language | str, format: Format = "html"  # noqa: A002
                  ) -> Markup | str:
    """The record of processing activities as a printable HTML page, CSV, XLSX or JSON.

    Args:
        statement: the statement.
        locale: the language of the headings and texts.
        format: ``"html"`` (:class:`~markupsafe.Markup`), ``"csv"`` (``str``, one header row) or ``"json"``
            (``str``). The XLSX workbook is :func:`rekisterikit.xlsx.render_record_xlsx` (the ``xlsx`` extra).

    Raises:
        ValueError: an unknown format or locale.
    """
    record = build_record(statement, locale=locale)
    if format == "html":
        return _html(record)
    if format == "csv":
        return _csv(record)
    if format == "json":
        return json.dumps(record.as_dict(), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {format!r} (one of html, csv, json; the workbook is "
                     "rekisterikit.xlsx.render_record_xlsx)")

"""``rekisterikit show FILE…``: a readable summary of statements, for a developer at a terminal.

The labels follow ``--locale`` (default: from ``LANG``, else English); shop-written texts are shown in that
language when the statement has it, else in its default language, marked ``[fi]``. ``--format json`` prints the
same summary as data, with shop texts in every language the statement gives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from rekisterikit.model import Language, LocalizedText, Register, Statement

__all__ = ["EXIT_CODES", "LABELS", "add_arguments", "run", "summary", "summary_data"]

#: The exit statuses ``show --help`` lists.
EXIT_CODES = {0: "every file was summarised", 2: "a file cannot be read or loaded"}

#: The summary's labels, in English (the keys' language), Finnish and Swedish.
LABELS: dict[str, dict[str, str]] = {
    "Statement": {"fi": "Seloste", "sv": "Beskrivning"},
    "Title": {"fi": "Otsikko", "sv": "Rubrik"},
    "Updated": {"fi": "Päivitetty", "sv": "Uppdaterad"},
    "Languages": {"fi": "Kielet", "sv": "Språk"},
    "Controller": {"fi": "Rekisterinpitäjä", "sv": "Personuppgiftsansvarig"},
    "business id": {"fi": "Y-tunnus", "sv": "FO-nummer"},
    "no business id": {"fi": "ei Y-tunnusta", "sv": "inget FO-nummer"},
    "Contact": {"fi": "Yhteystiedot", "sv": "Kontaktuppgifter"},
    "Contact person": {"fi": "Yhteyshenkilö", "sv": "Kontaktperson"},
    "DPO": {"fi": "Tietosuojavastaava", "sv": "Dataskyddsombud"},
    "Register": {"fi": "Rekisteri", "sv": "Register"},
    "Purposes": {"fi": "Käsittelyn tarkoitukset", "sv": "Ändamål"},
    "no legal basis": {"fi": "ei oikeusperustetta", "sv": "ingen rättslig grund"},
    "special": {"fi": "erityinen", "sv": "särskild"},
    "Data categories": {"fi": "Tietoryhmät", "sv": "Kategorier av uppgifter"},
    "Sources": {"fi": "Tietolähteet", "sv": "Källor"},
    "Recipients": {"fi": "Vastaanottajat", "sv": "Mottagare"},
    "Transfers outside the EU/EEA": {"fi": "Siirrot EU:n/ETA:n ulkopuolelle",
                                     "sv": "Överföringar utanför EU/EES"},
    "no mechanism": {"fi": "ei siirtoperustetta", "sv": "ingen överföringsgrund"},
    "country not named": {"fi": "maata ei mainita", "sv": "landet anges inte"},
    "Retention rules": {"fi": "Säilytysajat", "sv": "Lagringstider"},
    "Automated decisions": {"fi": "Automaattiset päätökset", "sv": "Automatiserade beslut"},
    "used": {"fi": "käytössä", "sv": "används"},
    "none": {"fi": "ei ole", "sv": "inga"},
    "not stated": {"fi": "ei ilmoitettu", "sv": "anges inte"},
    "Cookies": {"fi": "Evästeet", "sv": "Kakor"},
    "uncategorised": {"fi": "luokittelematon", "sv": "okategoriserad"},
    "Consent": {"fi": "Suostumus", "sv": "Samtycke"},
    "Rights explained": {"fi": "Kerrotut oikeudet", "sv": "Förklarade rättigheter"},
    "Withdrawal of consent": {"fi": "Suostumuksen peruminen", "sv": "Återkallande av samtycke"},
    "complaint to the authority": {"fi": "valitus valvontaviranomaiselle", "sv": "klagomål till myndigheten"},
    "yes": {"fi": "kyllä", "sv": "ja"},
    "no": {"fi": "ei", "sv": "nej"},
    "Ignored rules": {"fi": "Ohitetut säännöt", "sv": "Ignorerade regler"},
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``show`` arguments."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="statement files (.toml or .json), glob patterns, or - for standard input")
    parser.add_argument("--locale", choices=[lang.value for lang in Language], default=None,
                        help="language of the labels and of shop-written texts (default: from LANG, else en)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text); JSON gives shop texts in every language; several "
                             "files give a JSON array")


class _Labels:
    def __init__(self, language: Language) -> None:
        self.language = language

    def __call__(self, label: str) -> str:
        return LABELS[label].get(self.language.value, label) if label in LABELS else label


def _text(text: LocalizedText | None, language: Language) -> str:
    if text is None:
        return "-"
    value, actual = text.resolve(language)
    value = " ".join(value.split())
    if len(value) > 70:
        value = value[:67] + "..."
    return value if actual is language else f"[{actual.value}] {value}"


def _stated(items: tuple[object, ...] | None, _: _Labels) -> str:
    return _("not stated") if items is None else (_("none") if not items else str(len(items)))


def _register_lines(register: Register, language: Language, _: _Labels) -> list[str]:
    lines = [f"{_('Register')} {register.key}: {_text(register.name, language)}"]
    lines.append(f"  {_('Purposes')} ({len(register.purposes)}):")
    width = max((len(p.key) for p in register.purposes), default=0)
    no_basis = f"({_('no legal basis')})"
    basis_width = max(20, len(no_basis))
    for p in register.purposes:
        basis = p.legal_basis.value if p.legal_basis else no_basis
        lines.append(f"    {p.key:<{width}}  {basis:<{basis_width}}  {_text(p.description, language)}")
    cats = ", ".join(c.key + (f" ({_('special')})" if c.special else "") for c in register.data_categories)
    lines.append(f"  {_('Data categories')} ({len(register.data_categories)}): {cats or '-'}")
    sources = ", ".join(s.kind.value + (f" {_text(s.name, language)}" if s.name else "") for s in register.sources)
    lines.append(f"  {_('Sources')} ({len(register.sources)}): {sources or '-'}")
    lines.append(f"  {_('Recipients')}: {_stated(register.recipients, _)}")
    for r in register.recipients or ():
        where = f" [{r.country}]" if r.country else ""
        role = f" ({r.role.value})" if r.role else ""
        lines.append(f"    {r.label}{role}{where}")
    lines.append(f"  {_('Transfers outside the EU/EEA')}: {_stated(register.transfers, _)}")
    for t in register.transfers or ():
        mechanism = t.mechanism.value if t.mechanism else f"({_('no mechanism')})"
        lines.append(f"    {t.country or '(' + _('country not named') + ')'}: {mechanism}")
    lines.append(f"  {_('Retention rules')}: {len(register.retention)}")
    adm = register.automated_decisions
    state = _("not stated") if adm is None else (_("used") if adm.used else _("none"))
    lines.append(f"  {_('Automated decisions')}: {state}")
    return lines


def summary(statement: Statement, language: Language | None = None) -> str:
    """The summary ``show`` prints, labels and shop texts in ``language`` (default: the statement's own)."""
    lang = language or statement.default_language
    _ = _Labels(lang)
    c = statement.controller
    business_id = f" ({_('business id')} {c.business_id})" if c.business_id else f" ({_('no business id')})"
    lines = [
        f"{_('Statement')} {statement.version}",
        f"  {_('Title')}: {_text(statement.title, lang)}",
        f"  {_('Updated')}: {statement.updated.isoformat() if statement.updated else _('not stated')}",
        f"  {_('Languages')}: {', '.join(x.value for x in statement.languages)}",
        f"{_('Controller')}: {c.name}{business_id}",
    ]
    contact = [", ".join(c.address.lines()) if c.address else None, c.email, c.phone, c.website]
    lines.append(f"  {_('Contact')}: " + (" | ".join(x for x in contact if x) or _("none")))
    if c.contact_person:
        lines.append(f"  {_('Contact person')}: {c.contact_person.name}")
    if statement.dpo:
        lines.append(f"{_('DPO')}: {statement.dpo.name or '-'} {statement.dpo.email or ''}".rstrip())
    for register in statement.registers:
        lines.extend(_register_lines(register, lang, _))
    by_category = Counter(x.category.value if x.category else _("uncategorised") for x in statement.cookies)
    counts = ", ".join(f"{k} {n}" for k, n in sorted(by_category.items()))
    lines.append(f"{_('Cookies')} ({len(statement.cookies)}): {counts or '-'}")
    lines.append(f"  {_('Consent')}: {statement.cookie_policy.consent.value}")
    rights = statement.rights
    lines.append(f"{_('Rights explained')}: {', '.join(r.value for r in rights.listed) or _('none')}")
    lines.append(f"  {_('Withdrawal of consent')}: {_('yes') if rights.withdraw_consent else _('no')}; "
                 f"{_('complaint to the authority')}: {_('yes') if rights.complaint else _('no')}")
    if statement.directives.ignore:
        lines.append(f"{_('Ignored rules')}: {', '.join(i.rule for i in statement.directives.ignore)}")
    return "\n".join(lines)


def _texts(text: LocalizedText | None) -> dict[str, str] | None:
    if text is None:
        return None
    return {lang.value: value for lang in Language if (value := text.get(lang)) is not None}


def _listed(items: tuple[Any, ...] | None, item: Any) -> list[Any] | None:
    return None if items is None else [item(x) for x in items]


def summary_data(statement: Statement) -> dict[str, Any]:
    """The summary as data (``show --format json``): ``null`` where the statement says nothing, ``[]`` for none."""
    c = statement.controller
    registers = [{
        "key": r.key,
        "name": _texts(r.name),
        "purposes": [{"key": p.key, "legal_basis": p.legal_basis.value if p.legal_basis else None,
                      "description": _texts(p.description)} for p in r.purposes],
        "data_categories": [{"key": d.key, "special": bool(d.special)} for d in r.data_categories],
        "sources": [{"kind": s.kind.value, "name": _texts(s.name)} for s in r.sources],
        "recipients": _listed(r.recipients, lambda x: {
            "label": x.label, "role": x.role.value if x.role else None,
            "country": str(x.country) if x.country else None}),
        "transfers": _listed(r.transfers, lambda t: {
            "country": str(t.country) if t.country else None,
            "mechanism": t.mechanism.value if t.mechanism else None}),
        "retention_rules": len(r.retention),
        "automated_decisions": None if r.automated_decisions is None else bool(r.automated_decisions.used),
    } for r in statement.registers]
    by_category = Counter(x.category.value if x.category else "uncategorised" for x in statement.cookies)
    return {
        "version": statement.version,
        "title": _texts(statement.title),
        "updated": statement.updated.isoformat() if statement.updated else None,
        "languages": [x.value for x in statement.languages],
        "controller": {"name": c.name, "business_id": str(c.business_id) if c.business_id else None,
                       "email": c.email, "phone": c.phone, "website": c.website,
                       "address": list(c.address.lines()) if c.address else None,
                       "contact_person": c.contact_person.name if c.contact_person else None},
        "dpo": None if statement.dpo is None else {"name": statement.dpo.name, "email": statement.dpo.email},
        "registers": registers,
        "cookies": {"count": len(statement.cookies), "by_category": dict(sorted(by_category.items())),
                    "consent": statement.cookie_policy.consent.value},
        "rights": {"listed": [r.value for r in statement.rights.listed],
                   "withdraw_consent": bool(statement.rights.withdraw_consent),
                   "complaint": bool(statement.rights.complaint)},
        "ignored_rules": [i.rule for i in statement.directives.ignore],
    }


def run(args: argparse.Namespace) -> int:
    """Load every file and print its summary; return the worst exit status."""
    from rekisterikit.cliutil import expand_files, for_each_file, language, load_statement

    locale = language(args.locale)
    files = expand_files(args.files)
    data: list[dict[str, Any]] = []

    def one(name: str) -> int:
        statement = load_statement(name)
        if args.format == "json":
            data.append({"source": "<stdin>" if name == "-" else name, **summary_data(statement)})
        else:
            if len(files) > 1:
                print(f"== {name}")
            print(summary(statement, locale))
        return 0

    status = for_each_file(files, one)
    if args.format == "json" and data:
        sys.stdout.write(json.dumps(data[0] if len(files) == 1 else data, ensure_ascii=False, indent=2) + "\n")
    return status

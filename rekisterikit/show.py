"""``rekisterikit show FILE``: a readable summary of a statement, for a developer at a terminal."""

from __future__ import annotations

import argparse
from collections import Counter

from rekisterikit.model import Language, LocalizedText, Register, Statement

__all__ = ["add_arguments", "run", "summary"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``show`` arguments."""
    parser.add_argument("file", help="statement file (.toml or .json)")
    parser.add_argument("--locale", choices=[lang.value for lang in Language], default=None,
                        help="language of shop-written texts (default: the statement's default language)")


def _text(text: LocalizedText | None, language: Language) -> str:
    if text is None:
        return "-"
    value, actual = text.resolve(language)
    value = " ".join(value.split())
    if len(value) > 70:
        value = value[:67] + "..."
    return value if actual is language else f"[{actual.value}] {value}"


def _stated(items: tuple[object, ...] | None) -> str:
    return "not stated" if items is None else ("none" if not items else str(len(items)))


def _register_lines(register: Register, language: Language) -> list[str]:
    lines = [f"Register {register.key}: {_text(register.name, language)}"]
    lines.append(f"  Purposes ({len(register.purposes)}):")
    width = max((len(p.key) for p in register.purposes), default=0)
    for p in register.purposes:
        basis = p.legal_basis.value if p.legal_basis else "(no legal basis)"
        lines.append(f"    {p.key:<{width}}  {basis:<20}  {_text(p.description, language)}")
    cats = ", ".join(c.key + (" (special)" if c.special else "") for c in register.data_categories)
    lines.append(f"  Data categories ({len(register.data_categories)}): {cats or '-'}")
    sources = ", ".join(s.kind.value + (f" {_text(s.name, language)}" if s.name else "") for s in register.sources)
    lines.append(f"  Sources ({len(register.sources)}): {sources or '-'}")
    lines.append(f"  Recipients: {_stated(register.recipients)}")
    for r in register.recipients or ():
        where = f" [{r.country}]" if r.country else ""
        role = f" ({r.role.value})" if r.role else ""
        lines.append(f"    {r.label}{role}{where}")
    lines.append(f"  Transfers outside the EU/EEA: {_stated(register.transfers)}")
    for t in register.transfers or ():
        mechanism = t.mechanism.value if t.mechanism else "(no mechanism)"
        lines.append(f"    {t.country or '(country not named)'}: {mechanism}")
    lines.append(f"  Retention rules: {len(register.retention)}")
    adm = register.automated_decisions
    lines.append("  Automated decisions: " + ("not stated" if adm is None else ("used" if adm.used else "none")))
    return lines


def summary(statement: Statement, language: Language | None = None) -> str:
    """The summary ``show`` prints, with shop texts in ``language`` (default: the statement's own)."""
    lang = language or statement.default_language
    c = statement.controller
    lines = [
        f"Statement {statement.version}",
        f"  Title: {_text(statement.title, lang)}",
        f"  Updated: {statement.updated.isoformat() if statement.updated else 'not stated'}",
        f"  Languages: {', '.join(x.value for x in statement.languages)}",
        f"Controller: {c.name}" + (f" (business id {c.business_id})" if c.business_id else " (no business id)"),
    ]
    contact = [", ".join(c.address.lines()) if c.address else None, c.email, c.phone, c.website]
    lines.append("  Contact: " + (" | ".join(x for x in contact if x) or "none"))
    if c.contact_person:
        lines.append(f"  Contact person: {c.contact_person.name}")
    if statement.dpo:
        lines.append(f"DPO: {statement.dpo.name or '-'} {statement.dpo.email or ''}".rstrip())
    for register in statement.registers:
        lines.extend(_register_lines(register, lang))
    by_category = Counter(x.category.value if x.category else "uncategorised" for x in statement.cookies)
    counts = ", ".join(f"{k} {n}" for k, n in sorted(by_category.items()))
    lines.append(f"Cookies ({len(statement.cookies)}): {counts or '-'}")
    lines.append(f"  Consent: {statement.cookie_policy.consent.value}")
    rights = statement.rights
    lines.append(f"Rights explained: {', '.join(r.value for r in rights.listed) or 'none'}")
    lines.append(f"  Withdrawal of consent: {'yes' if rights.withdraw_consent else 'no'}; "
                 f"complaint to the authority: {'yes' if rights.complaint else 'no'}")
    if statement.directives.ignore:
        lines.append(f"Ignored rules: {', '.join(i.rule for i in statement.directives.ignore)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Load the file and print its summary."""
    from rekisterikit.load import load

    statement = load(args.file)
    print(summary(statement, Language(args.locale) if args.locale else None))
    return 0

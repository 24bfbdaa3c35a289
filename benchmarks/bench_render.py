"""Rendering: the cached render, a cold render per locale, and Jinja2 rendering an equivalent hand-written template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.harness import (
    Config,
    Goal,
    Growth,
    Section,
    Table,
    Unavailable,
    compare,
    fmt_ratio,
    fmt_time,
    growth,
)
from benchmarks.statements import large_statement

HERE = Path(__file__).resolve().parent
LOCALES = ("fi", "sv", "en")
CACHED_GOAL_NS = 1_000
#: Issue 18: a cold render costs at most this many times the hand-written Jinja2 template, in every locale.
COLD_GOAL_RATIO = 1.5

INTRO = """\
**rekisterikit** *cached* is `render(statement, locale=…)` (HTML fragment) when the result is already in its
cache: what every page view showing the statement costs after the first. *Cold* empties the cache first
(`rekisterikit.render.cache_clear()`) and renders the large statement from the model: the document model, the
catalog texts, Babel dates, lists and durations, escaping, the HTML writer. **Jinja2** renders a hand-written
template (`benchmarks/templates/statement.html.j2`, compiled once, autoescaping on) with the same sections and the
same shop content — controller, every purpose with its basis and data, data categories, sources, recipients,
transfers, retention, rights, the full cookie table — from plain dictionaries prepared in advance: what a shop
would otherwise do. The output sizes are in the table, to show the two pages carry the same content."""

WHY_CACHED = (
    "A cache hit is one tuple of the caller's own arguments (statement version, locale as given, format, options) "
    "and one dictionary read, inline in `render()`, without a lock: the arguments are an alias recorded on the "
    "first call, so a hit normalises nothing; the LRU order is kept on misses (and every 1024 hits). The miss "
    "path is a function of its own, so `render()` has no closure and a hit sets up no cells. What is left is the "
    "call itself (keyword arguments and defaults, about a third), reading the statement's cached version, "
    "building and hashing the key tuple and counting the hit. The hit path is the same for every locale (timed "
    "side by side, fi, sv and en hits are equal), so a spread between locales in one run is noise."
)

WHY_COLD = (
    "A cold render builds the document tree from the model and writes it as HTML. The writer appends constant tag "
    "strings and `markupsafe.escape()`d values to one list and joins it once, remembering each text's escaped form "
    "per document; it no longer calls `Markup.format`, whose Python-level `string.Formatter` was about 40 % of a "
    "render (a differential test holds it byte for byte to the `Markup.format` writer on hostile trees). Babel "
    "locales are parsed once per locale, and each distinct date, list and duration is formatted once per process "
    "(bounded caches that `cache_clear()` leaves warm, as the Jinja2 side keeps its compiled template); the cookie "
    "table builds each cell as one run of text and shares repeated cells; data category names and purpose links "
    "are built once per register. About three quarters of what is left is building the tree, spread thin: some "
    "1 700 immutable text runs and 1 500 catalog look-ups for the large statement, and `clean_text` on every shop "
    "text — work the Jinja2 template does not do, since its dictionaries are prepared before the timing."
)


def _text(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(value.resolve(lang)[0])


def _label(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value)).replace("_", " ")


def jinja_context(statement: Any, lang: str) -> dict[str, Any]:
    """The statement as the plain dictionaries a hand-written template would get (prepared once, not timed)."""
    from rekisterikit.render.i18n import translator

    g = translator(lang).gettext
    sections = [("controller", g("Controller")), ("purposes", g("Purposes and legal bases")),
                ("data", g("Personal data we process")), ("sources", g("Where the data comes from")),
                ("recipients", g("Recipients of the data")), ("transfers", g("Transfers outside the EU and the EEA")),
                ("retention", g("How long we keep the data")), ("security", g("How we protect the data")),
                ("rights", g("Your rights")), ("withdraw", g("Withdrawing consent")),
                ("complaint", g("Right to lodge a complaint")), ("provision", g("Do you have to give us your data?")),
                ("automated-decisions", g("Automated decision-making and profiling")), ("children", g("Children")),
                ("cookies", g("Cookies")), ("changes", g("Changes to this notice"))]
    t = {
        "updated": g("Updated"), "contents": g("Contents"), "sections": sections, "controller": g("Controller"),
        "controller_intro": "The controller decides why and how your personal data is processed. You can contact "
                            "us in any matter concerning the processing of your personal data.",
        "name": g("Name"), "business_id": g("Business ID"), "address": g("Address"), "email": g("E-mail"),
        "phone": g("Phone"), "website": g("Website"), "purposes": g("Purposes and legal bases"),
        "purposes_intro": "We process personal data only for the purposes below. Each purpose needs a legal basis "
                          "under the EU General Data Protection Regulation (GDPR).",
        "legal_basis": g("Legal basis"), "obligation": "Obligation laid down in",
        "legitimate_interest": "Our legitimate interest", "data": "Personal data used",
        "credit_register": "Credit information register", "bases_title": "What the legal bases mean",
        "bases": [(b, f"{b.replace('_', ' ').capitalize()}: the processing is lawful under GDPR Art. 6(1) because "
                      "of this basis; the purposes above name the basis each of them rests on.")
                  for b in ("consent", "contract", "legal_obligation", "legitimate_interests")],
        "data_title": g("Personal data we process"), "sources": g("Where the data comes from"),
        "source_kind": "Type of source", "public": "Publicly available source", "data_obtained": "Data obtained",
        "recipients": g("Recipients of the data"),
        "recipients_intro": "The data is disclosed to the following recipients or categories of recipients.",
        "category": "Category", "role": "Role", "country": "Country", "disclosed_for": "Disclosed for",
        "transfers": g("Transfers outside the EU and the EEA"),
        "transfers_intro": "Data is transferred outside the EU and the EEA as follows.",
        "recipients_label": "Recipients", "safeguard": "Safeguard", "safeguards_copy": "Copy of the safeguards",
        "retention": g("How long we keep the data"),
        "retention_intro": "We keep personal data only for the periods below or as the criteria below determine. "
                           "After that we erase or anonymise it.",
        "and": "and", "period": "Retention period", "criteria": "How the period is determined",
        "required_by": "Required by", "security": g("How we protect the data"), "rights": g("Your rights"),
        "rights_list": _RIGHTS, "how_rights": "How to use your rights", "withdraw": g("Withdrawing consent"),
        "withdraw_text": "Where processing is based on your consent, you may withdraw it at any time. Withdrawal "
                         "does not affect the lawfulness of processing based on consent before its withdrawal.",
        "complaint": g("Right to lodge a complaint"),
        "complaint_text": "If you consider that the processing of your personal data infringes the data protection "
                          "rules, you have the right to lodge a complaint with the supervisory authority: the "
                          "Office of the Data Protection Ombudsman, Lintulahdenkuja 4, 00530 Helsinki, "
                          "tietosuoja@om.fi, www.tietosuoja.fi.",
        "provision_title": g("Do you have to give us your data?"), "provision": "Do you have to give the data?",
        "if_not_given": "If you do not give the data", "automated": g("Automated decision-making and profiling"),
        "profiling_for": "We use profiling for these purposes:", "children": g("Children"),
        "cookies": g("Cookies"),
        "cookie_intro": ["Cookies are small text files that a website stores on your device. Similar techniques, "
                         "such as local storage and pixels, are treated in the same way as cookies.",
                         "Necessary cookies are needed for the site to work and are set without consent. Other "
                         "cookies are set only if you consent to them. Nothing is selected in advance. You can "
                         "refuse all cookies that are not necessary with one click. You can change or withdraw "
                         "your choice at any time in the cookie settings."],
        "cookie_caption": "Cookies and similar techniques used on this site", "cookie": "Name",
        "provider": g("Provider"), "purpose": g("Purpose"), "duration": g("Duration"), "party": "Party",
        "changes": g("Changes to this notice"),
    }
    c = statement.controller
    address = ""
    if c.address is not None:
        address = ", ".join(x for x in (c.address.street, f"{c.address.postal_code or ''} {c.address.city}".strip())
                            if x)
    registers = []
    for r in statement.registers:
        names = {d.key: _text(d.name, lang) for d in r.data_categories}
        purposes = {p.key: {"key": p.key, "description": _text(p.description, lang)} for p in r.purposes}
        ad = r.automated_decisions
        registers.append({
            "purposes": [{
                "key": p.key, "description": _text(p.description, lang), "basis_key": _label(p.legal_basis),
                "legal_basis": _label(p.legal_basis).capitalize(), "legal_obligation": p.legal_obligation or "",
                "legitimate_interest": _text(p.legitimate_interest, lang), "credit_register": p.credit_register or "",
                "data_categories": [names.get(k, k) for k in p.data_categories], "provision": _label(p.provision),
                "provision_consequence": _text(p.provision_consequence, lang),
            } for p in r.purposes],
            "data_categories": [{"name": _text(d.name, lang), "description": _text(d.description, lang)}
                                for d in r.data_categories],
            "sources": [{"name": _text(s.name, lang) or _label(s.kind), "kind": _label(s.kind),
                         "public": "" if s.public is None else ("Yes" if s.public else "No"),
                         "description": _text(s.description, lang),
                         "data_categories": [names.get(k, k) for k in s.data_categories]} for s in r.sources],
            "recipients": [{"name": x.name or _text(x.category, lang), "category": _text(x.category, lang),
                            "website": x.website or "", "role": _label(x.role),
                            "country": x.country.code if x.country else "",
                            "purposes": [purposes[k] for k in x.purposes if k in purposes],
                            "description": _text(x.description, lang)} for x in r.recipients or ()],
            "transfers": [{"country": x.country.code if x.country else "", "recipients": list(x.recipients),
                           "mechanism": _label(x.mechanism), "description": _text(x.description, lang),
                           "safeguards_url": x.safeguards_url or ""} for x in r.transfers or ()],
            "retention": [{"purposes": [purposes[k] for k in x.purposes if k in purposes],
                           "period": f"{x.period} ({_label(x.start)})" if x.period else _label(x.start),
                           "criteria": _text(x.criteria, lang), "legal_reference": x.legal_reference or ""}
                          for x in r.retention],
            "security": _text(r.security, lang),
            "automated": _text(ad.logic, lang) if ad is not None else "",
            "profiling": [purposes[p.key] for p in r.purposes if p.profiling],
        })
    s = {
        "title": _text(statement.title, lang), "updated_iso": statement.updated.isoformat(),
        "updated": statement.updated.isoformat(), "intro": _text(statement.intro, lang),
        "controller": {"name": c.name, "business_id": str(c.business_id) if c.business_id else "",
                       "address": address, "email": c.email or "", "phone": c.phone or "",
                       "website": c.website or ""},
        "registers": registers, "rights_text": _text(statement.rights.text, lang),
        "cookie_text": _text(statement.cookie_policy.text, lang),
        "children": "Our services are not intended for children." if statement.children else "",
        "cookies": [{"name": k.name, "provider": k.provider or "", "country": k.country.code if k.country else "",
                     "purpose": _text(k.purpose, lang), "category": _label(k.category),
                     "duration": str(k.duration) if k.duration else "", "party": _label(k.party)}
                    for k in statement.cookies],
        "changes": _text(statement.changes, lang),
    }
    return {"lang": lang, "s": s, "t": t}


_RIGHTS = [
    ("Right of access", "You have the right to know whether we process your personal data and to receive a copy "
                        "of it, with the information this notice gives (GDPR Art. 15)."),
    ("Right to rectification", "You have the right to have inaccurate data corrected and incomplete data completed "
                               "(GDPR Art. 16)."),
    ("Right to erasure", "You have the right to have your data erased, for example when it is no longer needed for "
                         "the purpose it was collected for or when you withdraw your consent (GDPR Art. 17)."),
    ("Right to restriction of processing", "You have the right to have the processing restricted, for example "
                                           "while the accuracy of your data is being checked (GDPR Art. 18)."),
    ("Right to data portability", "You have the right to receive the data you gave us, which we process on the "
                                  "basis of consent or a contract, in a machine-readable format (GDPR Art. 20)."),
    ("Right to object", "You have the right to object to processing based on our legitimate interests, and at any "
                        "time to direct marketing and the profiling connected with it (GDPR Art. 21)."),
]


def jinja_template() -> Any:
    """The hand-written statement template, compiled once (as a shop's Jinja environment would)."""
    try:
        import jinja2
    except ImportError as exc:
        raise Unavailable("Jinja2 is not installed (pip install -e '.[bench]')") from exc
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template("statement.html.j2")


def run(cfg: Config, growth_rows: list[tuple[str, Growth]]) -> Section:
    """Measure the renderer against Jinja2."""
    from rekisterikit.render import cache_clear, render

    section = Section("Rendering the statement", INTRO)
    st = large_statement(1)
    try:
        template: Any = jinja_template()
    except Unavailable as exc:
        template = None
        section.notes.append(f"Jinja2: not available: {exc}")
        if cfg.ci:
            section.errors.append(str(exc))

    def cold(lang: str, statement: Any = st) -> Callable[[], object]:
        def fn() -> object:
            cache_clear()
            return render(statement, locale=lang)

        return fn

    table = Table(["Locale", "rekisterikit cold", "rekisterikit cached", "Jinja2 (hand-written)",
                   "cold ÷ Jinja2", "cached ÷ Jinja2", "Output (rekisterikit / Jinja2)"])
    cached_ns: list[float] = []
    cold_ratios: list[float] = []
    for lang in LOCALES:
        html = str(render(st, locale=lang))
        fns: dict[str, Callable[[], object]] = {"cold": cold(lang)}
        fns["cached"] = lambda lang=lang: render(st, locale=lang)  # type: ignore[misc]
        size = f"{len(html.encode()) / 1024:.0f} kB"
        if template is not None:
            ctx = jinja_context(st, lang)
            out = template.render(ctx)
            fns["jinja"] = lambda ctx=ctx: template.render(ctx)  # type: ignore[misc]
            size += f" / {len(out.encode()) / 1024:.0f} kB"
        stats = compare(fns, cfg)
        render(st, locale=lang)  # leave the cache warm for the next suites
        cached_ns.append(stats["cached"].median)
        row = [lang, stats["cold"].cell(), stats["cached"].cell()]
        if "jinja" in stats:
            j = stats["jinja"].median
            cold_ratios.append(stats["cold"].median / j)
            row += [stats["jinja"].cell(), fmt_ratio(stats["cold"].median / j), fmt_ratio(stats["cached"].median / j)]
        else:
            row += ["not available", "—", "—"]
        table.rows.append([*row, size])
    section.tables.append(table)
    worst = max(cached_ns)
    section.goals.append(Goal("Cached render", f"≤ {fmt_time(CACHED_GOAL_NS)}", f"{fmt_time(worst)} (slowest locale)",
                              worst <= CACHED_GOAL_NS, WHY_CACHED))
    if cold_ratios:
        ratio = max(cold_ratios)
        section.goals.append(Goal("Cold render vs a hand-written Jinja2 template", f"≤ {fmt_ratio(COLD_GOAL_RATIO)}",
                                  f"{fmt_ratio(ratio)} (slowest locale)", ratio <= COLD_GOAL_RATIO, WHY_COLD))
    else:
        section.goals.append(Goal("Cold render vs a hand-written Jinja2 template", f"≤ {fmt_ratio(COLD_GOAL_RATIO)}",
                                  "Jinja2 not available", None, WHY_COLD))

    def make_cached(factor: int) -> Callable[[], object]:
        s = large_statement(factor)
        render(s, locale="fi")
        return lambda: render(s, locale="fi")

    def make_cold(factor: int) -> Callable[[], object]:
        return cold("fi", large_statement(factor))

    growth_rows.append(("Rendering", growth("cached render (fi)", make_cached, cfg)))
    growth_rows.append(("Rendering", growth("cold render (fi)", make_cold, cfg)))
    if template is not None:
        def make_jinja(factor: int) -> Callable[[], object]:
            ctx = jinja_context(large_statement(factor), "fi")
            return lambda: template.render(ctx)

        growth_rows.append(("Rendering", growth("Jinja2 hand-written template (fi)", make_jinja, cfg)))
    cache_clear()
    for lang in LOCALES:
        render(st, locale=lang)
    return section

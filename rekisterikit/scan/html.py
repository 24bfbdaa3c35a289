"""The scan as an HTML page a shop owner can read: the passes side by side, screenshots, tables, findings.

Everything that comes from the scanned site (cookie names, URLs) is escaped: the page is built with
``markupsafe.Markup.format`` and ``Markup.join`` only.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence

from markupsafe import Markup

from rekisterikit.findings import Severity
from rekisterikit.model.values import Language
from rekisterikit.scan.observe import Pass, PassResult, ScanResult

__all__ = ["to_html"]

_T: dict[str, dict[str, str]] = {
    "title": {"fi": "Evästeskannaus", "sv": "Kakskanning", "en": "Cookie scan"},
    "findings": {"fi": "Havainnot", "sv": "Anmärkningar", "en": "Findings"},
    "none": {"fi": "Ei havaintoja.", "sv": "Inga anmärkningar.", "en": "No findings."},
    "passes": {"fi": "Läpikäynnit", "sv": "Genomgångar", "en": "Passes"},
    "pages": {"fi": "Sivut", "sv": "Sidor", "en": "Pages"},
    "cookies": {"fi": "Evästeet", "sv": "Kakor", "en": "Cookies"},
    "storage": {"fi": "Selaimen tallennustila", "sv": "Webbläsarens lagring", "en": "Browser storage"},
    "requests": {"fi": "Pyynnöt muille palvelimille", "sv": "Förfrågningar till andra servrar",
                 "en": "Requests to other hosts"},
    "left": {"fi": "Jäljelle jääneet evästeet", "sv": "Kvarvarande kakor", "en": "Cookies left"},
    "name": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "domain": {"fi": "Verkkotunnus", "sv": "Domän", "en": "Domain"},
    "lifetime": {"fi": "Voimassa (pv)", "sv": "Giltig (dagar)", "en": "Lifetime (days)"},
    "set_by": {"fi": "Asettaja", "sv": "Satt av", "en": "Set by"},
    "page": {"fi": "Sivu", "sv": "Sida", "en": "Page"},
    "host": {"fi": "Palvelin", "sv": "Server", "en": "Host"},
    "type": {"fi": "Tyyppi", "sv": "Typ", "en": "Type"},
    "session": {"fi": "istunto", "sv": "session", "en": "session"},
    "nothing": {"fi": "ei mitään", "sv": "inget", "en": "none"},
    "consent": {"fi": "Valinta", "sv": "Val", "en": "Choice"},
}
_PASS: dict[Pass, dict[str, str]] = {
    Pass.NO_DECISION: {"fi": "Ei valintaa", "sv": "Inget val", "en": "No decision"},
    Pass.REJECT: {"fi": "Hylkää kaikki", "sv": "Avvisa alla", "en": "Reject all"},
    Pass.ACCEPT: {"fi": "Hyväksy kaikki", "sv": "Godkänn alla", "en": "Accept all"},
    Pass.WITHDRAW: {"fi": "Suostumus peruttu", "sv": "Samtycke återkallat", "en": "Consent withdrawn"},
}
_CONSENT: dict[str, dict[str, str]] = {
    "none": {"fi": "ei kysytty", "sv": "inte frågat", "en": "not asked"},
    "banner": {"fi": "rekisterikitin banneri", "sv": "rekisterikits banner", "en": "rekisterikit's banner"},
    "selector": {"fi": "annettu valitsin", "sv": "angiven väljare", "en": "given selector"},
    "not-found": {"fi": "painiketta ei löytynyt", "sv": "knappen hittades inte", "en": "control not found"},
}
_SEVERITY = {Severity.ERROR: {"fi": "virhe", "sv": "fel", "en": "error"},
             Severity.WARNING: {"fi": "varoitus", "sv": "varning", "en": "warning"},
             Severity.INFO: {"fi": "huomautus", "sv": "anmärkning", "en": "note"}}

_CSS = Markup("""
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:90rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}
.passes{display:grid;grid-template-columns:repeat(auto-fit,minmax(34rem,1fr));gap:1.5rem}
.pass{border:1px solid #bbb;border-radius:.4rem;padding:1rem;overflow-x:auto}
.pass img{width:100%;border:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.finding{border-left:.3rem solid #999;padding:.3rem .8rem;margin:.6rem 0;background:#f7f7f7}
.finding.error{border-color:#b00020}.finding.warning{border-color:#a35f00}.finding.info{border-color:#1d5fa8}
.meta{color:#444;font-size:.85rem}
""")


def _table(head: Iterable[str], rows: Sequence[Sequence[str]], empty: str) -> Markup:
    if not rows:
        return Markup("<p>{}</p>").format(empty)
    header = Markup("").join(Markup("<th scope=\"col\">{}</th>").format(h) for h in head)
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(cell) for cell in row))
        for row in rows)
    return Markup("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>").format(header, body)


def _days(days: float) -> str:
    return f"{days:.2f}" if days < 1 else f"{days:.0f}"


def _pass(result: PassResult, lang: str) -> Markup:
    t = {k: v[lang] for k, v in _T.items()}
    shot = Markup("")
    if result.screenshot:
        data = base64.b64encode(result.screenshot).decode("ascii")
        shot = Markup('<img src="data:image/png;base64,{}" alt="{}">').format(data, _PASS[result.name][lang])
    cookies = [(c.name, c.domain, t["session"] if c.lifetime_days is None else _days(c.lifetime_days), c.set_by,
                c.page) for c in result.cookies]
    storage = [(s.key, s.kind, s.page) for s in result.storage]
    requests = [(r.host, r.resource_type, r.page) for r in result.requests]
    parts = [
        Markup("<h3>{}</h3>").format(_PASS[result.name][lang]),
        Markup('<p class="meta">{}: {} · {}: {}</p>').format(
            t["consent"], _CONSENT.get(result.consent, _CONSENT["none"])[lang], t["pages"], len(result.pages)),
        shot,
        Markup("<h4>{}</h4>").format(t["cookies"]),
        _table((t["name"], t["domain"], t["lifetime"], t["set_by"], t["page"]), cookies, t["nothing"]),
        Markup("<h4>{}</h4>").format(t["storage"]),
        _table((t["name"], t["type"], t["page"]), storage, t["nothing"]),
        Markup("<h4>{}</h4>").format(t["requests"]),
        _table((t["host"], t["type"], t["page"]), requests, t["nothing"]),
    ]
    if result.name is Pass.WITHDRAW:
        left = [(c.name, c.domain) for c in result.final_cookies]
        parts += [Markup("<h4>{}</h4>").format(t["left"]), _table((t["name"], t["domain"]), left, t["nothing"])]
    return Markup('<section class="pass">{}</section>').format(Markup("").join(parts))


def to_html(result: ScanResult, locale: Language | str = Language.FI) -> str:
    """The scan as a standalone HTML page (screenshots inlined) in ``locale``."""
    lang = Language(locale).value
    t = {k: v[lang] for k, v in _T.items()}
    findings = Markup("").join(
        Markup('<div class="finding {sev}"><strong>{rule}</strong> · {sevname} · {article} · <code>{path}</code>'
               "<p>{message}</p></div>").format(
            sev=f.severity.value, rule=f.rule, sevname=_SEVERITY[f.severity][lang], article=f.article, path=f.path,
            message=f.message.resolve(lang)[0])
        for f in result.report.findings) or Markup("<p>{}</p>").format(t["none"])
    summary = ", ".join(f"{_SEVERITY[s][lang]} {result.report.summary[s.value]}" for s in Severity)
    page = Markup(
        '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}: {url}</title>'
        "<style>{css}</style></head><body><main><h1>{title}: {url}</h1>"
        '<p class="meta">{statement} · {summary} · {seconds} s</p>'
        "<h2>{findings_title}</h2>{findings}<h2>{passes_title}</h2>"
        '<div class="passes">{passes}</div></main></body></html>\n').format(
        lang=lang, title=t["title"], url=result.url, css=_CSS, statement=result.report.source or "",
        summary=summary, seconds=f"{result.seconds:.1f}", findings_title=t["findings"], findings=findings,
        passes_title=t["passes"], passes=Markup("").join(_pass(p, lang) for p in result.passes))
    return str(page)

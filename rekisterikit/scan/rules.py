"""The scan's rules: what the browser saw, held against the statement's cookie declaration and transfers.

Every rule yields at most one finding per cookie, storage key or service, however many pages and passes showed
it. The rules are :class:`~rekisterikit.validate.registry.Rule` objects (for the SARIF rule metadata and the
rule reference) but are not registered with ``check``: they need a scan, not just a statement.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rekisterikit.findings import Finding, Report, Requirement, Severity
from rekisterikit.model import Cookie, CookieCategory, StorageKind
from rekisterikit.model.values import LocalizedText
from rekisterikit.scan.observe import ObservedCookie, Pass, PassResult
from rekisterikit.scan.trackers import Service, TrackerData
from rekisterikit.validate.registry import Arg, Hit, Rule, msg

if TYPE_CHECKING:
    from rekisterikit.model import Statement
    from rekisterikit.validate.context import Context

__all__ = ["RULES", "analyse"]

#: Tolerance for comparing an observed lifetime with the declared duration (clock steps, rounding).
DURATION_SLACK_DAYS = 1.0


def _no_check(ctx: Context) -> Iterable[Hit]:
    return ()


def _rule(**kwargs: object) -> Rule:
    return Rule(check=_no_check, **kwargs)  # type: ignore[arg-type]


BEFORE_CONSENT = _rule(
    id="RK-SCAN-BEFORE-CONSENT", requirement=Requirement.COOKIE_CONSENT, severity=Severity.ERROR,
    article="917/2014 205 §; GDPR 4(11)", title="Nothing optional before the visitor's choice",
    message=msg(
        fi="{what} ({category}) oli käytössä ennen kuin kävijä teki valintansa evästebannerissa (sivu {page}). Muut "
           "kuin välttämättömät evästeet ja seurannat edellyttävät etukäteen annettua suostumusta.",
        sv="{what} ({category}) användes innan besökaren gjort sitt val i kakbannern (sidan {page}). Andra än "
           "nödvändiga kakor och spårare kräver samtycke i förväg.",
        en="{what} ({category}) was in use before the visitor made a choice in the cookie banner (page {page}). "
           "Cookies and trackers other than strictly necessary ones need prior consent."),
    trigger="In the pass where the banner is left untouched, a cookie or storage key of a non-necessary category "
            "(by the declaration, else by the tracker data) is set, or a known tracker's host is contacted.",
    fix="Load the script only after consent (rekisterikit's `gated_script`), or declare the cookie correctly.")

AFTER_REJECT = _rule(
    id="RK-SCAN-AFTER-REJECT", requirement=Requirement.COOKIE_CONSENT, severity=Severity.ERROR,
    article="917/2014 205 §; GDPR 4(11)", title="Nothing optional after 'reject all'",
    message=msg(
        fi="{what} ({category}) oli käytössä, vaikka kävijä oli hylännyt evästeet (sivu {page}).",
        sv="{what} ({category}) användes fast besökaren hade avvisat kakorna (sidan {page}).",
        en="{what} ({category}) was in use although the visitor had rejected cookies (page {page})."),
    trigger="After clicking 'reject all', a non-necessary cookie or storage key is set, or a known tracker's host "
            "is contacted.",
    fix="Make the script depend on the consent to its category, not on the absence of a rejection.")

UNDECLARED = _rule(
    id="RK-SCAN-UNDECLARED", requirement=Requirement.COOKIE_DETAILS, severity=Severity.ERROR,
    article="917/2014 205 §; GDPR 13(1)(c)", title="Every cookie the site sets is declared",
    message=msg(
        fi='Sivusto asettaa {kind} "{name}" ({domain}, ensimmäisen kerran sivulla {page}), mutta selosteen '
           "evästeluettelo ei mainitse sitä.",
        sv='Webbplatsen sätter {kind} "{name}" ({domain}, första gången på sidan {page}), men beskrivningens '
           "kakförteckning nämner den inte.",
        en='The site sets the {kind} "{name}" ({domain}, first on page {page}), but the statement\'s cookie '
           "declaration does not list it."),
    trigger="A cookie or storage key seen in any pass matches no `[[cookies]]` entry.",
    fix="Add it to `[[cookies]]` (`rekisterikit scan --write-draft` writes the entries), or stop setting it.")

UNDECLARED_HOST = _rule(
    id="RK-SCAN-UNDECLARED-HOST", requirement=Requirement.COOKIE_DETAILS, severity=Severity.ERROR,
    article="917/2014 205 §; GDPR 13(1)(e)", title="Every tracker the site loads is declared",
    message=msg(
        fi='Sivusto ottaa yhteyttä palvelun {service} palvelimeen {host} (sivu {page}), mutta seloste ei mainitse '
           "palveluntarjoajaa {provider} evästeiden tarjoajana eikä vastaanottajana.",
        sv='Webbplatsen kontaktar tjänsten {service}s server {host} (sidan {page}), men beskrivningen nämner inte '
           "leverantören {provider} som kakleverantör eller mottagare.",
        en="The site contacts {service}'s host {host} (page {page}), but the statement names the provider "
           "{provider} neither as a cookie provider nor as a recipient."),
    trigger="A request goes to a host of a known tracker whose provider no cookie, recipient or transfer names.",
    fix="Declare the service's cookies with its provider, and name the provider among the recipients.")

NECESSARY_TRACKER = _rule(
    id="RK-SCAN-NECESSARY-TRACKER", requirement=Requirement.COOKIE_CONSENT, severity=Severity.ERROR,
    article="917/2014 205 §; GDPR 4(11)", title="Trackers are not declared necessary",
    message=msg(
        fi='Eväste "{name}" on ilmoitettu välttämättömäksi, mutta se on palvelun {service} eväste ({category}); '
           "sellainen edellyttää suostumusta.",
        sv='Kakan "{name}" anges som nödvändig, men den är en kaka från {service} ({category}), som kräver '
           "samtycke.",
        en='The cookie "{name}" is declared necessary, but it is a {service} cookie ({category}), which needs '
           "consent."),
    trigger="A `[[cookies]]` entry of category `necessary` names a cookie the tracker data knows as statistics, "
            "marketing or preferences.",
    fix="Declare its real category and set it only after consent.")

DURATION = _rule(
    id="RK-SCAN-DURATION", requirement=Requirement.COOKIE_DETAILS, severity=Severity.WARNING,
    article="917/2014 205 §; GDPR 13(2)(a)", title="Cookies live no longer than declared",
    message=msg(
        fi='Eväste "{name}" asetettiin voimaan {observed} päiväksi, mutta selosteessa sen kestoksi on ilmoitettu '
           "{declared}.",
        sv='Kakan "{name}" sattes att gälla i {observed} dagar, men enligt beskrivningen är dess livslängd '
           "{declared}.",
        en='The cookie "{name}" was set to live {observed} days, but the statement declares a duration of '
           "{declared}."),
    trigger="A seen cookie's expiry lies further ahead than its declared `duration` (plus a day), or a cookie "
            "declared `session` is persistent.",
    fix="Declare the real duration, or shorten the cookie's lifetime.")

NOT_SEEN = _rule(
    id="RK-SCAN-NOT-SEEN", requirement=Requirement.COOKIE_DETAILS, severity=Severity.INFO,
    article="917/2014 205 §", title="Declared cookies are in use",
    message=msg(
        fi='Selosteessa ilmoitettua evästettä "{name}" ei nähty yhdessäkään läpikäynnissä; ilmoitus voi olla '
           "vanhentunut.",
        sv='Kakan "{name}" som beskrivningen anger sågs inte i någon genomgång; uppgiften kan vara inaktuell.',
        en='The declared cookie "{name}" was not seen in any pass; the declaration may be stale.'),
    trigger="A first-party `[[cookies]]` entry matches no cookie or storage key seen in any pass (third-party "
            "cookies depend on the visitor's state at the provider and are not reported).",
    fix="Remove the entry if the site no longer sets it, or scan the pages that set it (`--pages`, `--sitemap`).")

AFTER_WITHDRAWAL = _rule(
    id="RK-SCAN-AFTER-WITHDRAWAL", requirement=Requirement.WITHDRAW_CONSENT, severity=Severity.ERROR,
    article="GDPR 7(3); 917/2014 205 §", title="Withdrawing consent removes the cookies",
    message=msg(
        fi='Eväste "{name}" ({domain}, {category}) jäi selaimeen, kun kävijä oli perunut suostumuksensa.',
        sv='Kakan "{name}" ({domain}, {category}) fanns kvar i webbläsaren efter att besökaren återkallat sitt '
           "samtycke.",
        en='The cookie "{name}" ({domain}, {category}) was left in the browser after the visitor withdrew '
           "consent."),
    trigger="After accepting, reopening the banner and rejecting, a non-necessary cookie is still in the browser "
            "(including one on a parent domain such as `.shop.fi`).",
    fix="Expire the cookies of withdrawn categories on every domain they may be set on (rekisterikit's banner "
        "and adapters do this for declared cookies).")

TRANSFER = _rule(
    id="RK-SCAN-TRANSFER", requirement=Requirement.THIRD_COUNTRY_TRANSFERS, severity=Severity.ERROR,
    article="GDPR 13(1)(f), 44", title="Requests to providers outside the EU/EEA are disclosed as transfers",
    message=msg(
        fi="Sivusto lähettää tietoja palvelulle {service} ({host}); palveluntarjoaja {provider} siirtää tietoja "
           "maahan {country}, mutta seloste ei kerro siirrosta EU/ETA-alueen ulkopuolelle.",
        sv="Webbplatsen skickar uppgifter till {service} ({host}); leverantören {provider} överför uppgifter till "
           "{country}, men beskrivningen nämner ingen överföring utanför EU/EES.",
        en="The site sends data to {service} ({host}); the provider {provider} transfers data to {country}, but "
           "the statement discloses no transfer outside the EU/EEA for it."),
    trigger="A request goes to a known service whose provider transfers data to a third country, and no "
            "`[[registers.transfers]]` entry has that country with the provider among its recipients (or no "
            "recipients).",
    fix="Add the transfer with its mechanism (e.g. the EU-U.S. Data Privacy Framework or standard contractual "
        "clauses), or stop using the service.")

NO_CONTROL = _rule(
    id="RK-SCAN-NO-CONTROL", requirement=Requirement.COOKIE_CONSENT, severity=Severity.WARNING,
    article="917/2014 205 §; GDPR 4(11), 7", title="The banner offers the choice the scan looks for",
    message=msg(
        fi="Sivulta {page} ei löytynyt painiketta: {control}. Anna valitsin (--accept-selector, "
           "--reject-selector, --reopen-selector), jos sivusto käyttää muuta suostumustyökalua.",
        sv="På sidan {page} hittades ingen knapp: {control}. Ange en väljare (--accept-selector, "
           "--reject-selector, --reopen-selector) om webbplatsen använder ett annat samtyckesverktyg.",
        en="No control was found on page {page}: {control}. Pass a selector (--accept-selector, "
           "--reject-selector, --reopen-selector) if the site uses another consent manager."),
    trigger="Non-necessary cookies or trackers are declared or seen, and the scan found no rekisterikit banner "
            "and no element for the given selector to accept, reject or reopen the choice.",
    fix="Offer 'accept all' and 'reject all' on the first layer and a link that reopens the choice.")

#: Every rule of the scan, in the order of the rule reference.
RULES: tuple[Rule, ...] = (BEFORE_CONSENT, AFTER_REJECT, UNDECLARED, UNDECLARED_HOST, NECESSARY_TRACKER, DURATION,
                           NOT_SEEN, AFTER_WITHDRAWAL, TRANSFER, NO_CONTROL)

_CATEGORY = {
    CookieCategory.NECESSARY: ("välttämätön", "nödvändig", "necessary"),
    CookieCategory.PREFERENCES: ("asetukset", "inställningar", "preferences"),
    CookieCategory.STATISTICS: ("tilastointi", "statistik", "statistics"),
    CookieCategory.MARKETING: ("markkinointi", "marknadsföring", "marketing"),
}
_KIND = {
    "cookie": ("evästeen", "kakan", "cookie"),
    "local_storage": ("localStorage-avaimen", "localStorage-nyckeln", "localStorage key"),
    "session_storage": ("sessionStorage-avaimen", "sessionStorage-nyckeln", "sessionStorage key"),
}
_CONTROLS = {
    "accept": ("hyväksy kaikki", "godkänn alla", "accept all"),
    "reject": ("hylkää kaikki", "avvisa alla", "reject all"),
    "reopen": ("evästeasetusten avaaminen uudelleen", "öppna kakinställningarna igen", "reopen the cookie settings"),
}


def _where(kind: str, name: str) -> str:
    """The path of something the scan saw that the statement does not declare: ``$.scan.cookies["promo"]``."""
    return f"$.scan.{kind}[{json.dumps(name, ensure_ascii=False)}]"


def _lt(triple: tuple[str, str, str]) -> LocalizedText:
    return LocalizedText(fi=triple[0], sv=triple[1], en=triple[2])


def _printable(text: str) -> str:
    """``text`` with control and other unprintable characters written as ``\\uXXXX``."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def _what_cookie(name: str, kind: str = "cookie") -> LocalizedText:
    name = _printable(name)
    if kind == "cookie":
        return LocalizedText(fi=f'Eväste "{name}"', sv=f'Kakan "{name}"', en=f'The cookie "{name}"')
    label = "localStorage" if kind == "local_storage" else "sessionStorage"
    return LocalizedText(fi=f'{label}-avain "{name}"', sv=f'{label}-nyckeln "{name}"',
                         en=f'The {label} key "{name}"')


def _what_host(service: Service, host: str) -> LocalizedText:
    return LocalizedText(fi=f"Palvelu {service.name} ({host})", sv=f"Tjänsten {service.name} ({host})",
                         en=f"The service {service.name} ({host})")


class _Analysis:
    def __init__(self, passes: Iterable[PassResult], statement: Statement | None, trackers: TrackerData,
                 site_host: str) -> None:
        self.passes = {p.name: p for p in passes}
        self.statement = statement
        self.trackers = trackers
        self.site_host = site_host.lower()
        self.findings: list[Finding] = []
        self._seen: set[tuple[str, str]] = set()

    def emit(self, rule: Rule, key: str, path: str, **values: Arg) -> None:
        if (rule.id, key) in self._seen:
            return
        self._seen.add((rule.id, key))
        # Names and URLs come from the scanned site: no control characters into a terminal or a report.
        hit = Hit(path, {k: _printable(v) if isinstance(v, str) else v for k, v in values.items()})
        fallbacks = self.statement.languages if self.statement is not None else ()
        self.findings.append(Finding(rule=rule.id, requirement=rule.requirement, severity=rule.severity,
                                     article=rule.article, path=path, message=rule.format(hit, fallbacks)))

    # -- the declaration ------------------------------------------------------------------------------------
    def declared(self, name: str, storage: StorageKind = StorageKind.COOKIE) -> tuple[int, Cookie] | None:
        if self.statement is None:
            return None
        exact = pattern = None
        for i, cookie in enumerate(self.statement.cookies):
            if cookie.storage is storage and cookie.matches(name):
                if "*" in cookie.name:
                    pattern = pattern or (i, cookie)
                else:
                    exact = exact or (i, cookie)
        return exact or pattern

    def category(self, name: str, storage: StorageKind = StorageKind.COOKIE) -> CookieCategory | None:
        """The declared category, else the tracker data's, else unknown."""
        found = self.declared(name, storage)
        if found is not None and found[1].category is not None:
            return found[1].category
        known = self.trackers.cookie(name, storage)
        return known[0].category if known else None

    def provider_named(self, service: Service) -> bool:
        statement = self.statement
        if statement is None:
            return True
        names = [c.provider or "" for c in statement.cookies]
        for register in statement.registers:
            names += [r.name or "" for r in register.recipients or ()]
            names += [n for t in register.transfers or () for n in t.recipients]
        return any(service.named_in(n) for n in names if n)

    def transfer_listed(self, service: Service, country: str) -> bool:
        statement = self.statement
        if statement is None:
            return True
        for register in statement.registers:
            for transfer in register.transfers or ():
                if transfer.country is not None and transfer.country.code == country and (
                        not transfer.recipients or any(service.named_in(n) for n in transfer.recipients)):
                    return True
        return False

    def path_of(self, name: str, storage: StorageKind, fallback: str) -> str:
        found = self.declared(name, storage)
        return f"$.cookies[{found[0]}]" if found else fallback

    # -- the rules ------------------------------------------------------------------------------------------
    def optional_use(self, rule: Rule, result: PassResult) -> None:
        for c in result.cookies:
            category = self.category(c.name)
            if category is not None and category.needs_consent:
                path = self.path_of(c.name, StorageKind.COOKIE, _where("cookies", c.name))
                self.emit(rule, "cookie:" + c.name, path,
                          what=_what_cookie(c.name), category=_lt(_CATEGORY[category]), page=c.page)
        for s in result.storage:
            storage = StorageKind(s.kind)
            category = self.category(s.key, storage)
            if category is not None and category.needs_consent:
                self.emit(rule, f"{s.kind}:{s.key}", self.path_of(s.key, storage, _where(s.kind, s.key)),
                          what=_what_cookie(s.key, s.kind), category=_lt(_CATEGORY[category]), page=s.page)
        for r in result.requests:
            service = self.trackers.host(r.host)
            if service is not None and service.category.needs_consent:
                self.emit(rule, "service:" + service.id, _where("hosts", r.host), what=_what_host(service, r.host),
                          category=_lt(_CATEGORY[service.category]), page=r.page)

    def undeclared(self) -> None:
        if self.statement is None:
            return
        for result in self.passes.values():
            for c in result.cookies:
                if self.declared(c.name) is None:
                    self.emit(UNDECLARED, "cookie:" + c.name, _where("cookies", c.name),
                              kind=_lt(_KIND["cookie"]), name=c.name, domain=c.domain, page=c.page)
            for s in result.storage:
                if self.declared(s.key, StorageKind(s.kind)) is None:
                    self.emit(UNDECLARED, f"{s.kind}:{s.key}", _where(s.kind, s.key), kind=_lt(_KIND[s.kind]),
                              name=s.key, domain=s.origin, page=s.page)
            for r in result.requests:
                service = self.trackers.host(r.host)
                if service is not None and not self.provider_named(service):
                    self.emit(UNDECLARED_HOST, "service:" + service.id, _where("hosts", r.host), service=service.name,
                              host=r.host, page=r.page, provider=service.provider)

    def necessary_trackers(self) -> None:
        if self.statement is None:
            return
        for i, cookie in enumerate(self.statement.cookies):
            if cookie.category is not CookieCategory.NECESSARY or cookie.name.strip("*") == "":
                continue
            known = self.trackers.cookie(cookie.name, cookie.storage)
            if known is None and "*" in cookie.name:  # a pattern: does it cover a known name?
                known = next(((s, k) for s in self.trackers.services for k in s.cookies
                              if k.storage is cookie.storage and cookie.matches(k.name)), None)
            if known is not None and known[0].category.needs_consent:
                self.emit(NECESSARY_TRACKER, f"decl:{i}", f"$.cookies[{i}]", name=cookie.name,
                          service=known[0].name, category=_lt(_CATEGORY[known[0].category]))

    def durations(self) -> None:
        if self.statement is None:
            return
        longest: dict[int, ObservedCookie] = {}
        for result in self.passes.values():
            for c in result.cookies:
                found = self.declared(c.name)
                if found is None or found[1].duration is None:
                    continue
                previous = longest.get(found[0])
                if previous is None or (c.lifetime_days or 0) > (previous.lifetime_days or 0):
                    longest[found[0]] = c
        for i, c in sorted(longest.items()):
            declared = self.statement.cookies[i].duration
            assert declared is not None
            if declared.session:
                too_long = c.lifetime_days is not None
            else:
                too_long = c.lifetime_days is not None and \
                    c.lifetime_days > declared.approximate_days + DURATION_SLACK_DAYS
            if too_long:
                self.emit(DURATION, f"decl:{i}", f"$.cookies[{i}].duration", name=c.name,
                          observed=f"{c.lifetime_days:.0f}", declared=str(declared))

    def not_seen(self) -> None:
        if self.statement is None:
            return
        accepted = self.passes.get(Pass.ACCEPT)
        consented = accepted is not None and accepted.consent in ("banner", "selector")
        names = {(StorageKind.COOKIE, c.name) for p in self.passes.values() for c in p.cookies}
        names |= {(StorageKind(s.kind), s.key) for p in self.passes.values() for s in p.storage}
        for i, cookie in enumerate(self.statement.cookies):
            if cookie.storage is StorageKind.PIXEL or (cookie.party is not None and cookie.party.value == "third"):
                continue
            if cookie.category is not None and cookie.category.needs_consent and not consented:
                continue
            if not any(kind is cookie.storage and cookie.matches(name) for kind, name in names):
                self.emit(NOT_SEEN, f"decl:{i}", f"$.cookies[{i}]", name=cookie.name)

    def withdrawal(self) -> None:
        result = self.passes.get(Pass.WITHDRAW)
        if result is None or result.consent not in ("banner", "selector"):
            return
        for c in result.final_cookies:
            category = self.category(c.name)
            if category is not None and category.needs_consent:
                self.emit(AFTER_WITHDRAWAL, f"cookie:{c.name}@{c.domain}",
                          self.path_of(c.name, StorageKind.COOKIE, _where("cookies", c.name)),
                          name=c.name, domain=c.domain, category=_lt(_CATEGORY[category]))

    def transfers(self) -> None:
        if self.statement is None:
            return
        for result in self.passes.values():
            for r in result.requests:
                service = self.trackers.host(r.host)
                if service is None:
                    continue
                for country in service.countries:
                    if country not in _eea() and not self.transfer_listed(service, country):
                        self.emit(TRANSFER, f"service:{service.id}:{country}", _where("hosts", r.host),
                                  service=service.name, host=r.host, provider=service.provider, country=country)

    def controls(self) -> None:
        optional = any(c.category is not None and c.category.needs_consent
                       for c in (self.statement.cookies if self.statement else ()))
        for result in self.passes.values():
            for c in result.cookies:
                category = self.category(c.name)
                optional = optional or (category is not None and category.needs_consent)
            optional = optional or any(
                (s := self.trackers.host(r.host)) is not None and s.category.needs_consent for r in result.requests)
        if not optional:
            return
        wanted = {Pass.ACCEPT: "accept", Pass.REJECT: "reject", Pass.WITHDRAW: "reopen"}
        for name, control in wanted.items():
            ran = self.passes.get(name)
            if ran is not None and ran.consent == "not-found":
                page = ran.pages[0] if ran.pages else ""
                self.emit(NO_CONTROL, "control:" + control, f"$.scan.controls.{control}", page=page,
                          control=_lt(_CONTROLS[control]))

    def run(self) -> list[Finding]:
        untouched = self.passes.get(Pass.NO_DECISION)
        if untouched is not None:
            self.optional_use(BEFORE_CONSENT, untouched)
        rejected = self.passes.get(Pass.REJECT)
        if rejected is not None and rejected.consent in ("banner", "selector"):
            self.optional_use(AFTER_REJECT, rejected)
        self.undeclared()
        self.necessary_trackers()
        self.durations()
        self.not_seen()
        self.withdrawal()
        self.transfers()
        self.controls()
        return self.findings


def _eea() -> frozenset[str]:
    from rekisterikit.validate import data

    return data.eea().codes


def analyse(passes: Iterable[PassResult], statement: Statement | None, trackers: TrackerData, *,
            site_host: str = "", source: str | None = None) -> Report:
    """The findings of a scan.

    Args:
        passes: the recorded passes.
        statement: the statement to hold the scan against; without one, only what needs no declaration is
            checked (optional cookies and trackers before consent, after rejection and after withdrawal).
        trackers: the tracker data.
        site_host: the scanned site's host name.
        source: the report's ``source`` (the statement file, or the URL).
    """
    findings = _Analysis(passes, statement, trackers, site_host).run()
    version = statement.version if statement is not None else None
    return Report(findings=tuple(findings), source=source, statement_version=version)


def iter_rules() -> Iterator[Rule]:
    """The scan's rules (for the rule reference and SARIF)."""
    yield from RULES

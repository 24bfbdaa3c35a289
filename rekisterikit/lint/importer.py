"""From a statement in prose to a draft statement file: what the linter can read reliably, and TODOs for the rest.

The importer runs the linter and turns what it found into the model: the controller's name, business id, e-mail,
phone and postal address, the contact person, the register's name, one purpose per use the purposes section
names (in the statement's own words), data categories, sources, recipients, transfers, cookies, rights and the
date. Nothing is invented: a legally required item the prose lacks is left out of the file, so that
``rekisterikit check`` reports it, and a ``# TODO`` comment marks the place. Wording that has no structured home is
kept as text (``description``, ``basis_text``, ``criteria``, ``rights.text``, ``cookie_policy.text``).

``check`` on the draft lists the same missing items, by requirement code, as ``lint`` on the prose
(:data:`CHECK_MISSING_RULES` names the validator rules that report a missing item).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from attrs import define

from rekisterikit.findings import Requirement
from rekisterikit.lint.checks import Outcome
from rekisterikit.lint.document import Format
from rekisterikit.lint.extract import (
    Contact,
    PostalParts,
    business_ids,
    contact_person_name,
    contacts_of,
    controller_name,
    updated_date,
)
from rekisterikit.lint.linter import LintResult, lint_file, lint_text
from rekisterikit.lint.rules import rule
from rekisterikit.model import Statement
from rekisterikit.model.values import BusinessId, Language

__all__ = ["CHECK_MISSING_RULES", "Imported", "import_file", "import_result", "import_text"]

#: The validator rules whose findings report a required item that is absent (rather than something wrong with an
#: item that is there). ``check`` on an imported draft reports, by requirement code, the same missing items as
#: ``lint`` reports on the prose (the findings of rules with ``missing = True``).
CHECK_MISSING_RULES = frozenset({
    "RK-CONTROLLER-IDENTITY", "RK-CONTROLLER-CONTACT", "RK-BUSINESS-ID", "RK-EU-REPRESENTATIVE", "RK-DPO-CONTACT",
    "RK-PURPOSES", "RK-BASIS-MISSING", "RK-BASIS-INVALID", "RK-LEGITIMATE-INTEREST", "RK-RECIPIENTS",
    "RK-TRANSFERS-NOT-STATED", "RK-TRANSFER-MECHANISM", "RK-TRANSFER-INVALIDATED", "RK-RETENTION",
    "RK-RIGHT-ACCESS", "RK-RIGHT-RECTIFICATION",
    "RK-RIGHT-ERASURE", "RK-RIGHT-RESTRICTION", "RK-RIGHT-PORTABILITY", "RK-RIGHT-OBJECT", "RK-MARKETING-OBJECTION",
    "RK-WITHDRAW-CONSENT", "RK-COMPLAINT", "RK-STATUTORY-REQUIREMENT", "RK-AUTOMATED-DECISIONS-NOT-STATED",
    "RK-DATA-CATEGORIES", "RK-DATA-CATEGORIES-RECOMMENDED", "RK-SOURCES", "RK-COOKIES-UNDECLARED",
})

# A name for the controller when the prose gives none: generic on purpose, so that check reports it.
_NO_NAME = {Language.FI: "Rekisterinpitäjä", Language.SV: "Personuppgiftsansvarig", Language.EN: "Controller"}
_NO_REGISTER = {Language.FI: "Asiakasrekisteri", Language.SV: "Kundregister", Language.EN: "Customer register"}

_KINDS = (  # lexicon term → purpose kind, in the order a clause is classified
    ("credit", "credit_check"), ("kind_newsletter", "newsletter"), ("kind_profiling", "profiling"),
    ("kind_marketing", "direct_marketing"), ("kind_contests", "contests"), ("kind_reviews", "reviews"),
    ("kind_order", "order"), ("kind_accounting", "accounting"), ("kind_fraud", "fraud_prevention"),
    ("kind_security", "security"), ("kind_analytics", "analytics"), ("kind_service_development", "service_development"),
    ("kind_account", "account"), ("kind_customer_service", "customer_service"),
)
_BASES = (("basis_consent", "consent"), ("basis_legal_obligation", "legal_obligation"),
          ("basis_legitimate_interest", "legitimate_interests"), ("basis_contract", "contract"))
_COUNTRIES = (
    (r"yhdysval|usa|u\.s\.|united states|förenta stater|\bus\b", "US"), (r"kanad|canad", "CA"),
    (r"iso-britanni|britanni|storbritannien|united kingdom|\buk\b", "GB"), (r"kiin|kina\b|china", "CN"),
    (r"intia|indien|india", "IN"), (r"japan", "JP"), (r"sveitsi|schweiz|switzerland", "CH"),
    (r"australi", "AU"), (r"singapor", "SG"),
)
_MECHANISMS = (
    (r"privacy shield|privacy-shield", "privacy_shield"), (r"safe harbou?r", "safe_harbor"),
    (r"2010/87|2001/497|2004/915", "old_scc"), (r"tietosuojakehy|data privacy framework|dataskyddsram|\bdpf\b", "dpf"),
    (r"vakiolausek|vakiosopimuslausek|mallisopimuslausek|mallilausek|standardavtalsklausul|standard contractual"
     r"|\bsccs?\b", "scc_2021_914"),
    (r"riittävyyspäätö|adekvat|adequacy", "adequacy"), (r"sitov\w* yritys|bindande företags|binding corporate", "bcr"),
)
_ORG = re.compile(r"((?:[A-ZÅÄÖ][\w&'-]*\s){0,3}[A-ZÅÄÖ][\w&'-]*\s(?:Oyj|Oy|Ab|Abp|AB|Ltd|Inc|LLC|GmbH|AS|ApS|Ky|Tmi)"
                  r"(?:\s(?:Ab|Ltd))?)(?![\w])")
_CLAUSE = re.compile(r"\s*(?:[,;]|\bsekä\b|\bsamt\b|\bas well as\b)\s*")
# A clause that starts like this explains the one before it ("…, joka on …", "…, vilket grundar sig …").
_RELATIVE = re.compile(r"^(?:joka|jotka|jonka|jota|jolla|jotta|jolloin|eli|kun|koska|mikäli|jos|which|who|that|"
                       r"where|som|vilket|där|när|eftersom|om)\b", re.I)
# A sentence about "the processing" itself: its basis belongs to the purposes just before it.
_GENERIC_SUBJECT = re.compile(r"^(?:tämä |this |the |denna |)(?:käsittely|processing|behandling(?:en)?|se|it|det)\b",
                              re.I)
_SLUG = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


@define(frozen=True, kw_only=True)
class Imported:
    """A draft statement made from prose.

    Attributes:
        statement: the draft, as a model object (it loads: it was built through the loader).
        toml: the draft as a statement file, with ``# TODO`` comments where required items are missing.
        todos: the TODO lines, one per missing item.
        result: the lint result the draft was made from.
    """

    statement: Statement
    toml: str
    todos: tuple[str, ...]
    result: LintResult


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_SLUG)).strip("-")[:40].strip("-")
    return slug or fallback


def _unique(key: str, used: set[str]) -> str:
    candidate, n = key, 2
    while candidate in used:
        candidate, n = f"{key}-{n}", n + 1
    used.add(candidate)
    return candidate


def _joined(result: LintResult, units: Iterable[int]) -> str | None:
    texts = [result.structure.units[i].text for i in sorted(set(units))]
    text = " ".join(t for t in texts if t.strip())
    return text or None


class _Builder:
    def __init__(self, result: LintResult) -> None:
        self.result = result
        self.analysis = result.analysis
        self.structure = result.structure
        self.language = result.language
        self.comments: dict[str, list[str]] = {}

    # ------------------------------------------------------------------------------------------------ helpers
    def u(self, *keys: str) -> frozenset[int]:
        return self.analysis.units_with(*keys)

    def k(self, *kinds: str) -> frozenset[int]:
        return self.analysis.in_sections(*kinds)

    def text(self, index: int) -> str:
        return self.structure.units[index].text

    def outcome(self, requirement: Requirement) -> Outcome:
        return self.result.outcome(requirement)

    def flagged(self, *rule_ids: str) -> bool:
        return any(f.rule in rule_ids for f in self.result.findings)

    def todo(self, where: str, line: str) -> None:
        self.comments.setdefault(where, []).append(line)

    # ------------------------------------------------------------------------------------------------ parts
    def controller(self) -> dict[str, Any]:
        named = controller_name(self.analysis)
        name = named.value if named else _NO_NAME[self.language]
        data: dict[str, Any] = {"name": name}
        contacts = [c for c in contacts_of(self.analysis) if c.owner != "authority"]
        for value in (b.value for b in business_ids(self.analysis)):
            try:
                BusinessId(value)
            except ValueError:
                self.todo("controller", f"business id {value} as printed is invalid (check digit); give the right one")
                continue
            data["business_id"] = value
            break
        own = [c for c in contacts if c.owner == "controller"] or [c for c in contacts if c.owner == "other"]
        person = contact_person_name(self.analysis)
        if person is None:
            own += [c for c in contacts if c.owner == "contact_person"]
        for kind in ("email", "phone", "address"):
            found = next((c for c in own if c.kind == kind), None)
            if found is not None:
                data[kind] = _address(found) if kind == "address" else found.value
        if person is not None:
            section = self.structure.section_of(person.unit)
            person_data: dict[str, Any] = {"name": person.value}
            if section.heading:
                person_data["role"] = section.heading
            for kind in ("email", "phone"):
                found = next((c for c in contacts if c.owner == "contact_person" and c.kind == kind
                              and c.value != data.get(kind)), None)
                if found is not None:
                    person_data[kind] = found.value
            data["contact_person"] = person_data
        return data

    def purposes(self) -> list[dict[str, Any]]:
        cookie_context = self.u("cookie") | self.k("cookies")
        context = (self.k("purposes", "legal_basis") | (self.u("purpose") & self.u(*(k for k, _ in _KINDS))))
        context -= self.k("cookies", "security", "title", "rights", "recipients", "data_categories", "sources")
        invalid = [self.text(i) for i in sorted(self.u("basis_invalid") & self.k("legal_basis"))]
        invalid += [self.text(i) for i in sorted(self.u("hetil") & self.k("purposes"))]
        purposes: list[dict[str, Any]] = []
        used: set[str] = set()
        seen: set[str] = set()
        previous: list[dict[str, Any]] = []  # the purposes of the previous unit, for "Käsittely perustuu …"
        rights = self.u("right_object", "right_access", "right_erasure", "right_rectification", "withdraw")
        basis_only = frozenset(i for s in self.structure.sections if s.kinds[:1] == ("legal_basis",)
                               and "purposes" not in s.kinds for i in s.body)
        for index in sorted(context - basis_only):
            unit_text = self.text(index)
            created: list[dict[str, Any]] = []
            generic = bool(_GENERIC_SUBJECT.match(unit_text)) or index in rights
            kinds_here: set[str] = set()
            for clause in ([] if generic else _clauses(unit_text)):
                kind = self._kind(clause, index)
                if kind is None and created and "legal_basis" not in created[-1]:
                    # "…; käsittely perustuu oikeutettuun etuumme …": the basis of the clause before.
                    self._basis(created[-1], clause, index)
                if kind is None or clause in seen or kind in kinds_here:
                    continue
                seen.add(clause)
                kinds_here.add(kind)
                # A list of single words ("tilauksen, laskutuksen, perinnän") keeps its sentence as the wording.
                wording = clause if len(clause.split()) >= 3 else unit_text
                purpose: dict[str, Any] = {"key": _unique(_slug(kind, "kaytto"), used),
                                           "description": _sentence(wording), "kind": kind}
                self._basis(purpose, clause, index)
                created.append(purpose)
            basis = self._unit_basis(index)
            unbased = [p for p in previous if "legal_basis" not in p]
            if basis and unbased and self.structure.units[index].section == self.structure.units[index - 1].section \
                    and all(p["kind"] in {q["kind"] for q in unbased} for p in created):
                # "Tilausten käsittely, toimitus ja maksaminen. Käsittely perustuu sopimukseen.": the basis
                # sentence belongs to the purposes just before it.
                for purpose in unbased:
                    purpose.update(basis)
                for purpose in created:
                    seen.discard(purpose["description"])
                created = []
            elif basis and not created and not generic:
                # A basis stated without a use of its own ("käsitellään myös oikeutetun edun perusteella").
                created.append({"key": _unique("muu-kaytto", used), "description": _sentence(unit_text),
                                "kind": "other", **basis})
            purposes.extend(created)
            previous = created or previous
        # A section of bases only ("Oikeusperuste: Tilausten käsittely perustuu sopimukseen ja markkinointi
        # suostumukseen."): each clause's basis goes to the purposes of its kind.
        for index in sorted(basis_only & self.u(*(k for k, _ in _BASES))):
            for clause in _clauses(self.text(index)):
                kind, basis = self._kind(clause, index), {}
                self._basis(basis, clause, index)
                for purpose in purposes:
                    if basis and purpose["kind"] == kind and "legal_basis" not in purpose:
                        purpose.update(basis)
        if not purposes and self.outcome(Requirement.PURPOSES) is Outcome.PROVIDED:
            text = _joined(self.result, context)
            if text:
                purposes.append({"key": "kaytto", "description": text, "kind": "other"})
        kinds = {p["kind"] for p in purposes}
        orders = (self.u("kind_order", "kind_account") - cookie_context) - self.k("title")
        if orders and not kinds & {"order", "account"}:
            first = min(orders)
            purposes.append({"key": _unique("tilaukset", used), "description": self.text(first), "kind": "order",
                             **self._unit_basis(first)})
            self.todo(f"purpose:{purposes[-1]['key']}", "taken from a sentence outside the purposes section")
        # Cookies that follow visitors are a use of their own (tracking needs consent, 917/2014 205 §).
        nonessential = self.u("cookie_nonessential") & cookie_context
        if self.outcome(Requirement.COOKIE_DETAILS) is Outcome.PROVIDED:
            nonessential = frozenset()  # the declared cookies carry their purposes
        for index in sorted(nonessential):
            kind = "advertising" if self.analysis.terms_in("kind_marketing", index) else "analytics"
            if kind in {p["kind"] for p in purposes if p.get("_cookie")}:
                continue
            purposes.append({"key": _unique(kind, used), "description": self.text(index), "kind": kind,
                             "_cookie": True})
            if index in self.u("basis_consent", "cookie_prior") and index not in self.u("consent_negated"):
                purposes[-1]["legal_basis"] = "consent"
        for purpose in purposes:
            purpose.pop("_cookie", None)
            if "legal_basis" not in purpose:
                if invalid:
                    purpose["basis_text"] = " ".join(dict.fromkeys(invalid))
                self.todo(f"purpose:{purpose['key']}", "legal_basis: the prose gives no GDPR basis (GDPR 13(1)(c))")
        consent_marketing = self.analysis.units_with("basis_consent") - self.u("consent_negated")
        if any(self.analysis.terms_in("kind_marketing", i) for i in consent_marketing):
            for purpose in purposes:
                if purpose["kind"] == "direct_marketing" and "legal_basis" not in purpose:
                    purpose["legal_basis"] = "consent"
                    purpose.pop("basis_text", None)
                    self.comments.pop(f"purpose:{purpose['key']}", None)
                    self.todo(f"purpose:{purpose['key']}", "consent: from the data list ('suostumus "
                                                           "markkinointiviestien vastaanottamiseen'); check it")
        if self.outcome(Requirement.STATUTORY_REQUIREMENT) is Outcome.PROVIDED:
            consequence = _joined(self.result, self.u("statutory"))
            for purpose in purposes:
                required = purpose["kind"] in ("order", "account", "credit_check")
                purpose["provision"] = "contract_precondition" if required else "voluntary"
                if consequence:
                    purpose["provision_consequence"] = consequence
        return purposes

    def _unit_basis(self, index: int) -> dict[str, Any]:
        """The basis a whole unit states (``{"legal_basis": …}``), or an empty mapping."""
        found: dict[str, Any] = {}
        self._basis(found, self.text(index), index)
        return found

    def _kind(self, clause: str, index: int) -> str | None:
        folded = clause.lower()
        for key, kind in _KINDS:
            if any(t in folded for t in self.analysis.terms_in(key, index)):
                return kind
        return None

    def _basis(self, purpose: dict[str, Any], clause: str, index: int) -> None:
        folded = clause.lower()
        context = index in self.u("basis_context") or index in self.k("legal_basis")
        if not context or index in self.u("consent_negated"):
            return
        for key, basis in _BASES:
            terms = [t for t in self.analysis.terms_in(key, index) if t in folded]
            if not terms:
                continue
            purpose["legal_basis"] = basis
            if basis == "legitimate_interests" and index in self.u("li_explained"):
                purpose["legitimate_interest"] = _sentence(clause)
            if basis == "legal_obligation":
                purpose["legal_obligation"] = _legal_reference(_sentence(clause))
            return

    def data_categories(self) -> list[dict[str, Any]]:
        if self.outcome(Requirement.DATA_CATEGORIES) is not Outcome.PROVIDED:
            return []
        used: set[str] = set()
        categories = []
        sections = self.structure.sections_of("data_categories")
        units = sorted(self.k("data_categories")) if sections else sorted(
            i for i in self.result.decisions[Requirement.DATA_CATEGORIES].units)
        heading = sections[0].heading if sections else None
        for index in units:
            text = self.text(index)
            unit = self.structure.units[index]
            if unit.item:
                split = re.search(r":|\s\(", text)
                name, rest = (text[:split.start()], text[split.end():]) if split else (text, "")
                name = name.strip(" *:") or text
                category: dict[str, Any] = {"key": _unique(_slug(name, "tiedot"), used), "name": name}
                if rest.strip(" ):"):
                    category["description"] = text
            else:
                category = {"key": _unique(_slug(heading or "tiedot", "tiedot"), used),
                            "name": heading or text[:80], "description": text}
            if index in self.u("special_data"):
                category["special"] = True
            categories.append(category)
        return categories

    def sources(self) -> list[dict[str, Any]]:
        own = self.k("sources") - self.u("indirect_source", "credit")
        subject: dict[str, Any] = {"kind": "data_subject"}
        description = _joined(self.result, own)
        if description:
            subject["description"] = description
        sources = [subject]
        outcome = self.outcome(Requirement.SOURCES)
        if outcome is Outcome.MISSING:
            sources.append({"kind": "third_party"})
            self.todo("register", "sources: data comes from others, but the prose does not say from whom "
                                  "(GDPR 14(2)(f)); a nameless third-party source marks the gap")
        elif outcome is Outcome.PROVIDED:
            indirect = (self.u("indirect_source", "credit") & (self.k("sources") | self.u("sources")))
            indirect -= self.u("recipients")
            for index in sorted(indirect):
                text = self.text(index)
                source: dict[str, Any] = {"kind": "third_party"}
                if len(text) <= 80 and self.structure.units[index].item:
                    source["name"] = text
                else:
                    source["description"] = text
                if index in self.u("public_source"):
                    source["public"] = True
                sources.append(source)
        return sources

    def recipients(self) -> list[dict[str, Any]] | None:
        if self.outcome(Requirement.RECIPIENTS) is not Outcome.PROVIDED:
            self.todo("register", "recipients: the prose names none; say who receives data, or that nobody "
                                  "does (GDPR 13(1)(e))")
            return None
        units = self.result.decisions[Requirement.RECIPIENTS].units
        disclosed = [i for i in units if i in self.u("recipients") and i not in self.negated(units)]
        found: list[dict[str, Any]] = []
        names: set[str] = set()
        for index in disclosed:
            text = self.text(index)
            for match in _ORG.finditer(text):
                name = match.group(1).strip()
                if name not in names:
                    names.add(name)
                    found.append({"name": name, "description": text})
            for vendor in self.analysis.terms_in("non_eea_vendors", index):
                name = vendor.title()
                if not any(vendor in n.lower() for n in names):
                    names.add(name)
                    found.append({"name": name, "description": text})
            if index in self.u("recipient_specific") and any(
                    t.startswith(("viranomai", "myndighet", "authorit")) for t in
                    self.analysis.terms_in("recipient_specific", index)):
                found.append({"category": {"fi": "Viranomaiset", "sv": "Myndigheter",
                                           "en": "Authorities"}[self.language.value],
                              "role": "authority", "description": text})
            if not any(r.get("description") == text for r in found):
                found.append({"category": _sentence(text), "description": text})
        return found

    def negated(self, units: Iterable[int]) -> frozenset[int]:
        negation, exception = self.u("negation"), self.u("exception")
        return frozenset(i for i in units if i in negation and i not in exception)

    def transfers(self) -> list[dict[str, Any]] | None:
        decision = self.result.decisions[Requirement.THIRD_COUNTRY_TRANSFERS]
        outside = self.u("transfer_outside") | self.k("transfers")
        if not outside and not decision.units:
            self.todo("register", "transfers: the prose does not say whether data leaves the EU/EEA (GDPR 13(1)(f))")
            return None
        happening = [i for i in sorted(outside | set(decision.units)) if i not in self.negated([i])
                     or i in self.u("transfer_country")]
        if not happening:
            return []
        # One transfer per sentence that names a country; the sentences after it (mechanism, copy) belong to it.
        groups: list[list[int]] = []
        country_words = re.compile("|".join(p for p, _ in _COUNTRIES))

        def mechanism_of(units: Iterable[int]) -> str | None:
            folded = " ".join(self.text(i) for i in units).lower()
            return next((m for pattern, m in _MECHANISMS if re.search(pattern, folded)), None)

        for index in happening:
            names_country = bool(country_words.search(self.text(index).lower()))
            # "Siirto perustuu EU:n ja Yhdysvaltojen väliseen tietosuojakehykseen": the mechanism of the transfer
            # before, although it names a country.
            completes = bool(groups) and mechanism_of(groups[-1]) is None and mechanism_of([index]) is not None
            if not groups or (names_country and not completes):
                groups.append([index])
            else:
                groups[-1].append(index)
        transfers = []
        mechanisms: list[str] = []
        countries: list[str] = []
        for group in groups:
            text = " ".join(self.text(i) for i in group)
            folded = text.lower()
            found = [code for pattern, code in _COUNTRIES if re.search(pattern, folded)]
            mechanism = next((m for pattern, m in _MECHANISMS if re.search(pattern, folded)), None)
            vendors = sorted({v.title() for i in group for v in self.analysis.terms_in("non_eea_vendors", i)})
            for country in found or [""]:
                entry: dict[str, Any] = {"description": text}
                if country:
                    entry["country"] = country
                    countries.append(country)
                if vendors:
                    entry["recipients"] = vendors
                if mechanism:
                    entry["mechanism"] = mechanism
                    mechanisms.append(mechanism)
                    if self.u("safeguards_copy") & set(group):
                        entry["safeguards_copy"] = text
                transfers.append(entry)
        if not mechanisms:
            self.todo("register", "transfers: no transfer mechanism is given (GDPR 13(1)(f), 44-46)")
        if not countries:
            self.todo("register", "transfers: name the third countries")
        return transfers

    def retention(self) -> list[dict[str, Any]]:
        decision = self.result.decisions[Requirement.RETENTION]
        if decision.outcome is not Outcome.PROVIDED:
            self.todo("register", "retention: the prose gives no retention period or criteria (GDPR 13(2)(a))")
            return []
        criteria = _joined(self.result, decision.units)
        return [{"criteria": criteria}] if criteria else []

    def automated(self) -> dict[str, Any] | None:
        decision = self.result.decisions[Requirement.AUTOMATED_DECISIONS]
        if decision.outcome is not Outcome.PROVIDED:
            self.todo("register", "automated_decisions: the prose does not say whether automated decisions are "
                                  "made (recommended, GDPR 13(2)(f))")
            return None
        units = decision.units
        if self.negated(units) & (self.u("automated_decision") | self.k("automated")):
            return {"used": False}
        logic = _joined(self.result, units)
        return {"used": True, "logic": logic} if logic else {"used": True}

    def cookies(self) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        context = self.u("cookie") | self.k("cookies")
        policy: dict[str, Any] = {}
        if not context:
            return [], {"consent": "none", "reject_first_layer": False, "withdraw": False}
        text = _joined(self.result, self.k("cookies") or context)
        if self.outcome(Requirement.COOKIE_DETAILS) is Outcome.NOT_APPLICABLE:
            # Only necessary cookies: nothing to declare (Traficom 2021); the wording is kept as a comment.
            self.comments.setdefault("cookies", []).append(f"as published: {text}")
            return [], {"consent": "opt_in", "withdraw": False}
        if text:
            policy["text"] = text
        if self.flagged("RK-LINT-COOKIE-IMPLIED") and any(
                f.rule == "RK-LINT-COOKIE-IMPLIED" and f.severity.value == "error" for f in self.result.findings):
            policy["consent"] = "implied"
        elif self.flagged("RK-LINT-COOKIE-BROWSER"):
            policy["consent"] = "browser_settings"
        elif self.flagged("RK-LINT-COOKIE-CONSENT"):
            policy["consent"] = "notice_only"
        elif self.flagged("RK-LINT-COOKIE-OPT-OUT") or (
                self.u("cookie_optout") & context & (self.u("cookie_nonessential") | self.u("cookie_party"))):
            # "Kolmansien osapuolien evästeet … voit estää": framed as something to block afterwards.
            policy["consent"] = "opt_out"
        elif not (self.u("cookie_consent") & context):
            policy["consent"] = "notice_only"
        if self.flagged("RK-LINT-COOKIE-PRETICKED"):
            policy["preticked"] = True
        policy["reject_first_layer"] = bool(self.analysis.units_with("cookie_consent") & context and any(
            t.startswith(("hylk", "hylä", "avvis", "reject", "decline"))
            for i in context for t in self.analysis.terms_in("cookie_consent", i)))
        policy["withdraw"] = bool(self.u("withdraw") & context)
        cookies: list[dict[str, Any]] = []
        if self.outcome(Requirement.COOKIE_DETAILS) is Outcome.PROVIDED:
            seen: set[str] = set()
            for index in sorted(self.u("cookie_names") & context):
                for name in self.analysis.terms_in("cookie_names", index):
                    original = _original(self.text(index), name)
                    if original in seen:
                        continue
                    seen.add(original)
                    cookies.append(self._cookie(original, index))
        elif policy.get("text"):
            self.todo("cookies", "cookies: declare each cookie with its purpose, duration, party, provider and "
                                 "category (917/2014 205 §)")
        return cookies, policy

    def _cookie(self, name: str, index: int) -> dict[str, Any]:
        text = self.text(index)
        folded = text.lower()
        cookie: dict[str, Any] = {"name": name, "purpose": text}
        parties = self.analysis.terms_in("cookie_party", index)
        if parties:
            cookie["party"] = "third" if any(p.startswith(("kolman", "third", "tredje")) for p in parties) else "first"
        vendors = self.analysis.terms_in("non_eea_vendors", index)
        if vendors:
            cookie["provider"] = vendors[0].title()
        if index in self.u("cookie_necessary") and index not in self.u("cookie_nonessential"):
            cookie["category"] = "necessary"
        elif self.analysis.terms_in("kind_marketing", index) or "advertis" in folded or "mainon" in folded:
            cookie["category"] = "marketing"
        elif index in self.u("cookie_nonessential"):
            cookie["category"] = "statistics"
        duration = _duration(folded)
        if duration:
            cookie["duration"] = duration
        return cookie

    def rights(self) -> dict[str, Any]:
        listed = [right for right, requirement in (
            ("access", Requirement.RIGHT_ACCESS), ("rectification", Requirement.RIGHT_RECTIFICATION),
            ("erasure", Requirement.RIGHT_ERASURE), ("restriction", Requirement.RIGHT_RESTRICTION),
            ("portability", Requirement.RIGHT_PORTABILITY), ("object", Requirement.RIGHT_OBJECT))
            if self.outcome(requirement) is Outcome.PROVIDED]
        data: dict[str, Any] = {
            "listed": listed,
            "objection_separate": not self.flagged("RK-LINT-OBJECT-SEPARATE"),
            "withdraw_consent": self.outcome(Requirement.WITHDRAW_CONSENT) is Outcome.PROVIDED,
            "complaint": self.outcome(Requirement.COMPLAINT_AUTHORITY) is Outcome.PROVIDED,
        }
        if self.flagged("RK-LINT-SIGNED-REQUEST"):
            data["signed_request_required"] = True
        if self.flagged("RK-LINT-REQUEST-FEE"):
            data["fee_charged"] = True
        rights_units = self.k("rights") | self.u(*(f"right_{r}" for r in (
            "access", "rectification", "erasure", "restriction", "portability", "object")))
        rights_units -= self.k("cookies", "security", "retention")
        text = _joined(self.result, rights_units)
        if text:
            data["text"] = text
        channels = []
        folded = (text or "").lower()
        if "@" in folded or re.search(r"sähköpost|e-post|e-?mail", folded):
            channels.append("email")
        if re.search(r"kirjallise|kirjee|postit|skriftlig|brev|in writing|letter|by post", folded):
            channels.append("post")
        if re.search(r"puhelim|telefon|by phone|by telephone", folded):
            channels.append("phone")
        if channels:
            data["request_channels"] = channels
        complaint = _joined(self.result, self.u("complaint"))
        if complaint and data["complaint"]:
            data["complaint_text"] = complaint
        missing = [rule(f.rule).requirement.value for f in self.result.findings
                   if rule(f.rule).missing and f.requirement.value.startswith(("right_", "withdraw", "complaint"))]
        for code in dict.fromkeys(missing):
            self.todo("rights", f"{code}: not in the prose")
        return data

    def build(self) -> dict[str, Any]:
        result = self.result
        data: dict[str, Any] = {"languages": [self.language.value]}
        titles = [s.heading for s in self.structure.sections if "title" in s.kinds and s.heading]
        if titles:
            data["title"] = " – ".join(dict.fromkeys(titles))
        updated = updated_date(self.analysis)
        if updated is not None:
            data["updated"] = updated
        title_sections = [s for s in self.structure.sections if "title" in s.kinds or s.heading is None]
        intro_units = [i for s in title_sections for i in s.body
                       if not re.fullmatch(r"[\d.\s-]+", self.text(i)) and i not in self.u("updated")]
        intro = _joined(result, intro_units)
        if intro:
            data["intro"] = intro
        cites = [self.text(i) for i in sorted(self.analysis.units_with("hetil", "esvtl", "directive", "old_scc"))]
        if cites:
            data["cites"] = list(dict.fromkeys(cites))
        data["controller"] = self.controller()
        if self.outcome(Requirement.DPO_CONTACT) is not Outcome.NOT_APPLICABLE:
            dpo: dict[str, Any] = {}
            for contact in contacts_of(self.analysis):
                if contact.owner == "dpo" and contact.kind in ("email", "phone") and contact.kind not in dpo:
                    dpo[contact.kind] = contact.value
            data["dpo"] = dpo
        register: dict[str, Any] = {"key": "rekisteri"}
        names = [self.text(i) for i in sorted(self.k("register_name"))]
        register["name"] = names[0].rstrip() if names else (titles[-1] if titles else _NO_REGISTER[self.language])
        register["key"] = _slug(register["name"], "rekisteri")
        security = _joined(result, self.k("security"))
        if security:
            register["security"] = security
        categories = self.data_categories()
        if categories:
            register["data_categories"] = categories
        register["purposes"] = self.purposes()
        if not register["purposes"]:
            self.todo("register", "purposes: the prose gives no purposes of processing (GDPR 13(1)(c))")
        register["sources"] = self.sources()
        recipients = self.recipients()
        if recipients is not None:
            register["recipients"] = recipients
        transfers = self.transfers()
        if transfers is not None:
            register["transfers"] = transfers
        retention = self.retention()
        if retention:
            register["retention"] = retention
        automated = self.automated()
        if automated is not None:
            register["automated_decisions"] = automated
        data["registers"] = [register]
        cookies, policy = self.cookies()
        if cookies:
            data["cookies"] = cookies
        data["cookie_policy"] = policy
        data["rights"] = self.rights()
        children = self.u("children") - self.negated(self.u("children"))
        if children:
            data["children"] = {"offered_to_children": True}
            if self.u("children_age"):
                data["children"]["parental_consent"] = _joined(result, self.u("children_age"))
        changes = _joined(result, self.k("changes"))
        if changes:
            data["changes"] = changes
        for finding in result.findings:
            lint_rule = rule(finding.rule)
            if lint_rule.missing and finding.requirement in (
                    Requirement.CONTROLLER_IDENTITY, Requirement.CONTROLLER_CONTACT, Requirement.BUSINESS_ID,
                    Requirement.EU_REPRESENTATIVE, Requirement.DPO_CONTACT):
                self.todo("controller", f"{finding.requirement.value}: {finding.message.en}")
            elif lint_rule.missing and finding.requirement is Requirement.STATUTORY_REQUIREMENT:
                self.todo("register", "provision: say for each purpose whether the data is required and what "
                                      "follows if it is not given (GDPR 13(2)(e))")
        return data


def _clauses(text: str) -> list[str]:
    parts: list[str] = []
    for part in (p.strip(" .") for p in _CLAUSE.split(text)):
        if parts and _RELATIVE.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    return [p for p in parts if len(p) > 3] or [text]


_CATALOGUED_ACTS = (("kirjanpitolaki", ("kirjanpitolak", "bokföringslag", "accounting act")),
                    ("arvonlisaverolaki", ("arvonlisäverolak", "mervärdesskattelag", "value added tax act")),
                    ("kuluttajansuojalaki", ("kuluttajansuojalak", "konsumentskyddslag", "consumer protection act")))


def _legal_reference(sentence: str) -> str | dict[str, Any]:
    """A legal obligation as the file writes it: a catalogued act by key when the sentence names one (so that it
    renders in every language), keeping the published words as its text; else the sentence as free text."""
    folded = sentence.casefold()
    for key, names in _CATALOGUED_ACTS:
        if any(n in folded for n in names):
            return {"law": key, "text": sentence}
    return sentence


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def _original(text: str, folded_term: str) -> str:
    at = text.lower().find(folded_term)
    return text[at: at + len(folded_term)] if at >= 0 else folded_term


def _address(contact: Contact) -> dict[str, Any]:
    parts = contact.value
    assert isinstance(parts, PostalParts)
    address: dict[str, Any] = {"postal_code": parts.postal_code, "city": parts.city}
    if parts.street:
        address["street"] = parts.street
    return address


_DURATION_WORDS = {"vuo": "Y", "year": "Y", "år": "Y", "kuukau": "M", "kk": "M", "month": "M", "månad": "M",
                   "viik": "W", "week": "W", "veck": "W", "päiv": "D", "day": "D", "dag": "D"}
_NUMBER_WORDS = {"yksi": 1, "kaksi": 2, "kolme": 3, "kuusi": 6, "kymmenen": 10, "kaksitoista": 12, "one": 1,
                 "two": 2, "three": 3, "six": 6, "twelve": 12, "ett": 1, "två": 2, "tre": 3, "sex": 6, "tolv": 12}


def _duration(folded: str) -> str | None:
    if re.search(r"istun|session", folded):
        return "session"
    match = re.search(r"(\d+|[a-zåäö]+)\s?(vuo|year|år|kuukau|kk|month|månad|viik|week|veck|päiv|day|dag)", folded)
    if match is None:
        return None
    amount = int(match.group(1)) if match.group(1).isdigit() else _NUMBER_WORDS.get(match.group(1))
    if amount is None:
        return None
    return f"P{amount}{_DURATION_WORDS[match.group(2)]}"


def import_result(result: LintResult) -> Imported:
    """Make a draft statement from a lint result.

    Raises:
        LoadError: the draft does not load (a bug: the importer builds only what the model accepts).
    """
    from rekisterikit.load import load_dict

    builder = _Builder(result)
    data = builder.build()
    statement = load_dict(data, source=result.report.source)
    toml, todos = _render(data, builder.comments, result)
    return Imported(statement=statement, toml=toml, todos=todos, result=result)


def import_text(text: str, *, format: Format | None = None, language: Language | str | None = None,  # noqa: A002
                source: str | None = None) -> Imported:
    """Make a draft statement from prose given as text (see :func:`import_result`)."""
    return import_result(lint_text(text, format=format, language=language, source=source))


def import_file(path: str | Path, *, format: Format | None = None,  # noqa: A002
                language: Language | str | None = None) -> Imported:
    """Make a draft statement from a ``.txt``, ``.md`` or ``.html`` statement.

    Raises:
        UnreadableInput: the file is missing, binary or empty.
    """
    return import_result(lint_file(path, format=format, language=language))


def _render(data: dict[str, Any], comments: dict[str, list[str]], result: LintResult) -> tuple[str, tuple[str, ...]]:
    """The draft as TOML, with the TODOs in a header and next to the tables they concern."""
    import tomli_w

    body = tomli_w.dumps(data)
    counted: dict[str, int] = {}
    for where, notes in comments.items():
        for line in notes:
            if not line.startswith("as published:"):
                key = f"purposes: {line}" if where.startswith("purpose:") else line
                counted[key] = counted.get(key, 0) + 1
    todos = tuple(f"{line} ({n} purposes)" if n > 1 else line for line, n in counted.items())
    head = [
        f"# Draft statement imported by `rekisterikit import` from {result.report.source or 'prose'}.",
        "# Only what the prose states is here, mostly in its own words. A required item the prose lacks is left out",
        "# and marked TODO: `rekisterikit check` on this file reports the same missing items as `rekisterikit lint`",
        "# on the prose. Fill them in, then correct what check reports.",
        "#",
        f"# TODO ({len(todos)}):",
        *(f"# - {t}" for t in todos),
        "",
    ]
    lines: list[str] = []
    purpose_keys = [p["key"] for p in data["registers"][0]["purposes"]]
    purpose_index = -1
    for line in body.splitlines():
        lines.append(line)
        stripped = line.strip()
        if stripped == "[controller]":
            lines.extend(f"# TODO: {c}" for c in comments.get("controller", ()))
        elif stripped == "[[registers]]":
            lines.extend(f"# TODO: {c}" for c in comments.get("register", ()))
        elif stripped == "[[registers.purposes]]":
            purpose_index += 1
            if purpose_index < len(purpose_keys):
                lines.extend(f"# TODO: {c}" for c in comments.get(f"purpose:{purpose_keys[purpose_index]}", ()))
        elif stripped == "[rights]":
            lines.extend(f"# TODO: {c}" for c in comments.get("rights", ()))
        elif stripped == "[cookie_policy]":
            lines.extend(f"# TODO: {c}" if not c.startswith("as published:") else f"# {c}"
                         for c in comments.get("cookies", ()))
    return "\n".join(head + lines) + "\n", todos

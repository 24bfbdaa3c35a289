"""The example statements in examples/statements/.

Every example must load and round-trip. The five as-published files must keep the seed shops' identity and
wording. The two corrected files must be complete in the sense a lawyer would sign them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from rekisterikit import Statement, dumps, load, loads
from rekisterikit.model import (
    CookieCategory,
    CookieConsentMechanism,
    Language,
    LegalBasis,
    LocalizedText,
    Provision,
    PurposeKind,
    Right,
    SourceKind,
    TransferMechanism,
)
from tests.shared_files import require_seeds

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "statements"

AS_PUBLISHED = {
    "monalisa.toml": "000_db019403989791d8.txt",
    "ompelijan-paratiisi.toml": "001_cc78eaf550fc8254.txt",
    "confetti.toml": "002_07da79a8ffdee0ab.txt",
    "kalvokeskus.toml": "003_9ccc276186483a62.txt",
    "webstrella.toml": "004_2462a533b62ed91f.txt",
}
CORRECTED = {"kalvokeskus-corrected.toml": "kalvokeskus.toml", "monalisa-corrected.toml": "monalisa.toml",
             "ompelijan-paratiisi-corrected.toml": "ompelijan-paratiisi.toml",
             "confetti-corrected.toml": "confetti.toml", "webstrella-corrected.toml": "webstrella.toml"}
ALL = sorted([*AS_PUBLISHED, *CORRECTED])

#: EU member states and the other EEA countries: transfers to anywhere else are third-country transfers.
EEA = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
})


def _load(name: str) -> Statement:
    return load(EXAMPLES / name)


def _seed_text(name: str) -> str:
    return (require_seeds() / AS_PUBLISHED[name]).read_text(encoding="utf-8")


def _texts(obj: object, path: str = "$") -> Iterator[tuple[str, LocalizedText]]:
    """Every LocalizedText in a model object, with its path."""
    if isinstance(obj, LocalizedText):
        yield path, obj
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            yield from _texts(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _texts(item, f"{path}[{i}]")


def _normal(text: str) -> str:
    return " ".join(text.split())


# --- every example ---------------------------------------------------------------------------------------------


def test_the_examples_are_all_there() -> None:
    """examples/statements holds the five as-published seeds and their five corrected statements."""
    assert set(ALL) <= {p.name for p in EXAMPLES.glob("*.toml")}


@pytest.mark.parametrize("name", ALL)
def test_example_loads(name: str) -> None:
    """Every example loads without errors and has one register."""
    statement = _load(name)
    assert 1 == len(statement.registers)


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_example_round_trips(name: str, fmt: str) -> None:
    """Dumping an example and loading the result gives an equal statement with the same version."""
    statement = _load(name)
    again = loads(dumps(statement, fmt), fmt)  # type: ignore[arg-type]
    assert statement == again
    assert statement.version == again.version


# --- as published ----------------------------------------------------------------------------------------------

_BUSINESS_ID = re.compile(r"y-tunnus:?\s*(\d{7}-\d)", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# "Puh. 02 232 9844", "Puhelin: 045 120 6627", or a line that is only a Finnish number ("0456959409").
_PHONE = re.compile(r"(?:puh\.|puhelin:)\s*(0[\d ]*\d)|^(0\d{6,})\s*$", re.IGNORECASE | re.MULTILINE)
_CONTROLLER_HEADING = re.compile(r"^\s*(?:\d+\.\s*)?rekisterin ?pitäjä[^\n]*\n\s*([^\n,]+)",
                                 re.IGNORECASE | re.MULTILINE)


@pytest.mark.parametrize("name", sorted(AS_PUBLISHED))
def test_controller_name_is_the_seeds(name: str) -> None:
    """The controller is named exactly as in the line under the seed's controller heading (or, lacking one, the
    name appears in the seed)."""
    seed = _seed_text(name)
    statement = _load(name)
    match = _CONTROLLER_HEADING.search(seed)
    if match is None:  # Webstrella has no controller section
        assert statement.controller.name in seed
    else:
        assert match.group(1).strip() == statement.controller.name


@pytest.mark.parametrize("name", sorted(AS_PUBLISHED))
def test_business_id_is_the_seeds(name: str) -> None:
    """The business id is the one the seed prints, or absent when the seed prints none."""
    seed = _seed_text(name)
    match = _BUSINESS_ID.search(seed)
    business_id = _load(name).controller.business_id
    assert (match.group(1) if match else None) == (str(business_id) if business_id else None)


def _contacts(statement: Statement) -> tuple[set[str], set[str]]:
    c, person = statement.controller, statement.controller.contact_person
    emails = {e for e in (c.email, person.email if person else None) if e}
    phones = {p for p in (c.phone, person.phone if person else None) if p}
    return emails, phones


@pytest.mark.parametrize("name", sorted(AS_PUBLISHED))
def test_contact_details_are_the_seeds(name: str) -> None:
    """Every e-mail and phone number of the controller and contact person is printed in the seed. Each phone
    number the seed prints is modelled. At least one e-mail is modelled when the seed prints a well-formed one."""
    seed = _seed_text(name)
    emails, phones = _contacts(_load(name))
    seed_emails = set(_EMAIL.findall(seed))
    seed_phones = {a or b for a, b in _PHONE.findall(seed)}
    assert emails <= seed_emails
    assert seed_phones == phones
    assert bool(seed_emails) == bool(emails)


@pytest.mark.parametrize("name", sorted(AS_PUBLISHED))
def test_published_wording_is_verbatim(name: str) -> None:
    """Every sentence kept as published (security, rights, cookie and disclosure texts, criteria, introductions,
    basis wording, descriptions of sources, data and registers) occurs word for word in the seed."""
    seed = _normal(_seed_text(name))
    kept = re.compile(r"\.(security|text|intro|basis_text|criteria)$"
                      r"|\.(sources|recipients|transfers|data_categories)\[\d+\]\.description$"
                      r"|\.registers\[\d+\]\.description$")
    missing = []
    for path, text in _texts(_load(name)):
        if not kept.search(path):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", _normal(text.get(Language.FI) or "")):
            if sentence not in seed:
                missing.append(f"{path}: {sentence}")
    assert [] == missing


# The lawyer's reading of each seed, in the model (see examples/README.md): what the statement states about
# recipients and transfers (None = not stated), the cookie consent mechanism, the rights it explains, whether it
# demands a signed letter, the date it gives and the laws it cites.
READING = {
    "monalisa.toml": (1, None, CookieConsentMechanism.NOTICE_ONLY, {Right.OBJECT}, False, None,
                      ("Henkilötietolaki (523/1999) 10 §",)),
    "ompelijan-paratiisi.toml": (1, None, CookieConsentMechanism.NOTICE_ONLY, {Right.ACCESS, Right.OBJECT}, True,
                                 None, ("Henkilötietolaki 26 §",)),
    "confetti.toml": (0, None, CookieConsentMechanism.NONE, {Right.ERASURE}, False, None, ("Henkilötietolaki",)),
    "kalvokeskus.toml": (5, 1, CookieConsentMechanism.OPT_OUT,
                         {Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.OBJECT}, True, "2020-07-12", ()),
    "webstrella.toml": (2, None, CookieConsentMechanism.NONE, {Right.ACCESS}, True, "2013-10-01",
                        ("Henkilötietolaki (523/1999) 10 §", "Henkilötietolaki 26 §")),
}


@pytest.mark.parametrize("name", sorted(AS_PUBLISHED))
def test_as_published_reading(name: str) -> None:
    """Each as-published file encodes the reading documented in examples/README.md."""
    recipients, transfers, consent, listed, signed, updated, cites = READING[name]
    s = _load(name)
    register = s.registers[0]
    actual = (
        None if register.recipients is None else len(register.recipients),
        None if register.transfers is None else len(register.transfers),
        s.cookie_policy.consent,
        set(s.rights.listed),
        s.rights.signed_request_required,
        s.updated.isoformat() if s.updated else None,
        s.cites,
    )
    assert (recipients, transfers, consent, listed, signed, updated, cites) == actual


@pytest.mark.parametrize("name", sorted(AS_PUBLISHED))
def test_as_published_states_no_basis_and_no_cookie_list(name: str) -> None:
    """No seed gives a GDPR legal basis for any purpose, declares any cookie individually, mentions the right to
    complain or to withdraw consent, or publishes a Swedish or English version."""
    s = _load(name)
    assert [] == [p.key for p in s.registers[0].purposes if p.legal_basis is not None]
    assert () == s.cookies
    assert (False, False) == (s.rights.complaint, s.rights.withdraw_consent)
    assert (Language.FI,) == s.languages


# --- corrected -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_keeps_the_shops_identity(name: str) -> None:
    """A corrected statement names the same controller and business id as the published one and keeps every
    published e-mail and phone number."""
    corrected, published = _load(name), _load(CORRECTED[name])
    assert published.controller.name == corrected.controller.name
    assert published.controller.business_id == corrected.controller.business_id
    published_emails, published_phones = _contacts(published)
    emails, phones = _contacts(corrected)
    assert published_emails <= emails
    assert published_phones <= phones


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_is_in_three_languages(name: str) -> None:
    """A corrected statement is published in fi, sv and en, and every shop-written text has all three."""
    s = _load(name)
    assert (Language.FI, Language.SV, Language.EN) == s.languages
    incomplete = [path for path, text in _texts(s) if text.languages != (Language.FI, Language.SV, Language.EN)]
    assert [] == incomplete


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_purposes_are_complete(name: str) -> None:
    """Every purpose has a legal basis, with the concrete interest for legitimate interests and the act for a
    legal obligation. It also says whether the data must be provided, and what follows if it is not."""
    problems = []
    for p in _load(name).registers[0].purposes:
        if p.legal_basis is None:
            problems.append(f"{p.key}: no legal basis")
        if p.legal_basis is LegalBasis.LEGITIMATE_INTERESTS and p.legitimate_interest is None:
            problems.append(f"{p.key}: no legitimate interest")
        if p.legal_basis is LegalBasis.LEGAL_OBLIGATION and not p.legal_obligation:
            problems.append(f"{p.key}: no act for the legal obligation")
        if p.provision is None or (p.provision_consequence is None and p.provision is not Provision.NOT_REQUESTED):
            problems.append(f"{p.key}: provision or its consequence missing")
        if p.kind is PurposeKind.CREDIT_CHECK and not p.credit_register:
            problems.append(f"{p.key}: credit register not named")
    assert [] == problems


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_retention_covers_every_purpose(name: str) -> None:
    """Every purpose is covered by a retention rule with a period or criteria, and accounting keeps the
    Kirjanpitolaki periods: vouchers six years from the end of the year the financial period ended, books and
    financial statements ten years from the end of the financial period."""
    register = _load(name).registers[0]
    uncovered = [p.key for p in register.purposes
                 if not any(r.period is not None or r.criteria is not None for r in register.retention_for(p))]
    assert [] == uncovered
    accounting = [p for p in register.purposes if p.kind is PurposeKind.ACCOUNTING]
    assert 1 == len(accounting)
    periods = {(str(r.period), r.start.value if r.start else None) for r in register.retention_for(accounting[0])}
    assert {("P6Y", "end_of_year_of_financial_period_end"), ("P10Y", "financial_period_end")} <= periods


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_names_recipients_transfers_and_sources(name: str) -> None:
    """Every recipient has a role and a country. Every recipient outside the EU/EEA is covered by a transfer
    with a valid mechanism: a DPF transfer is checked and links the list, and an SCC transfer says how to get a
    copy. Every third-party source says whether it is public."""
    register = _load(name).registers[0]
    assert register.recipients
    assert register.transfers is not None
    problems = [f"{r.label}: role or country missing" for r in register.recipients
                if r.role is None or r.country is None]
    covered = {name for t in register.transfers for name in t.recipients}
    problems += [f"{r.label}: outside the EEA without a transfer" for r in register.recipients
                 if r.country and r.country.code not in EEA and r.label not in covered]
    known = {r.label for r in register.recipients}
    for t in register.transfers:
        problems += [f"transfer to unknown recipient {n}" for n in t.recipients if n not in known]
        if t.country is None or t.mechanism is None:
            problems.append(f"transfer {t.recipients}: country or mechanism missing")
        elif t.mechanism is TransferMechanism.DPF and not (
                t.dpf_certified and (t.certification_url or t.safeguards_url)):
            problems.append(f"transfer {t.recipients}: DPF without checked certification or link")
        elif t.mechanism is TransferMechanism.SCC_2021_914 and t.safeguards_copy is None:
            problems.append(f"transfer {t.recipients}: SCC without a way to get a copy")
        elif t.mechanism not in (TransferMechanism.DPF, TransferMechanism.SCC_2021_914, TransferMechanism.ADEQUACY):
            problems.append(f"transfer {t.recipients}: unexpected mechanism {t.mechanism}")
    problems += [f"source {s.name}: public not stated" for s in register.sources
                 if s.kind is SourceKind.THIRD_PARTY and s.public is None]
    assert [] == problems


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_declares_every_cookie_category_it_uses(name: str) -> None:
    """The cookie list has a necessary cookie, and a statistics or marketing cookie whenever a purpose does
    analytics or advertising. Every cookie gives its provider, party, category, purpose, duration and country, and
    every non-necessary cookie rests on consent."""
    s = _load(name)
    kinds = {p.kind for p in s.registers[0].purposes}
    needed = {CookieCategory.NECESSARY}
    if PurposeKind.ANALYTICS in kinds:
        needed.add(CookieCategory.STATISTICS)
    if PurposeKind.ADVERTISING in kinds:
        needed.add(CookieCategory.MARKETING)
    assert needed <= {c.category for c in s.cookies}
    incomplete = [c.name for c in s.cookies
                  if None in (c.provider, c.party, c.category, c.purpose, c.duration, c.country)
                  or (c.category is not CookieCategory.NECESSARY and c.legal_basis is not LegalBasis.CONSENT)]
    assert [] == incomplete
    # The consent cookie is set only where a banner asks for consent: where some cookie needs it.
    banner = any(c.needs_consent for c in s.cookies)
    assert banner == any(c.name == "rk_consent" and c.category is CookieCategory.NECESSARY for c in s.cookies)


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_corrected_rights_consent_and_metadata(name: str) -> None:
    """A corrected statement explains every right separately from other information. It also covers withdrawing
    consent and complaining to the authority, needs no signed letter, and asks for cookie consent by prior
    opt-in. It states automated decisions, its date and how changes are announced."""
    s = _load(name)
    r = s.rights
    assert (tuple(Right), True, True, True, False, False) == (
        r.listed, r.objection_separate, r.withdraw_consent, r.complaint, r.signed_request_required, r.fee_charged)
    assert CookieConsentMechanism.OPT_IN == s.cookie_policy.consent
    assert (False, True, True, False) == (s.cookie_policy.preticked, s.cookie_policy.reject_first_layer,
                                          s.cookie_policy.withdraw, s.cookie_policy.cookie_wall)
    assert s.registers[0].automated_decisions is not None
    assert s.updated is not None
    assert s.changes is not None

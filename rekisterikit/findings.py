"""Findings: what the validators (``check``) and the linter (``lint``) report, in one shape.

The JSON form is the contract in the project's legal reference: every finding carries exactly one requirement
code from a fixed list, so tools can compare results across rule versions.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from attrs import define, field

from rekisterikit.model.values import Language, LocalizedText

__all__ = ["Evidence", "Finding", "Report", "Requirement", "Severity"]


class Severity(StrEnum):
    """How serious a finding is.

    ``error``: a legally required item is missing or a processing is unlawful as described; ``warning``: likely
    non-compliant or vague; ``info``: recommended practice.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    def reaches(self, level: Severity | str) -> bool:
        """Whether this severity is at least ``level``."""
        return self.rank >= Severity(level).rank


class Requirement(StrEnum):
    """The fixed vocabulary of requirement codes. Codes may be added, never changed or removed."""

    CONTROLLER_IDENTITY = "controller_identity"
    CONTROLLER_CONTACT = "controller_contact"
    BUSINESS_ID = "business_id"
    EU_REPRESENTATIVE = "eu_representative"
    DPO_CONTACT = "dpo_contact"
    PURPOSES = "purposes"
    LEGAL_BASIS = "legal_basis"
    LEGITIMATE_INTERESTS = "legitimate_interests"
    RECIPIENTS = "recipients"
    THIRD_COUNTRY_TRANSFERS = "third_country_transfers"
    TRANSFER_SAFEGUARDS = "transfer_safeguards"
    RETENTION = "retention"
    RIGHT_ACCESS = "right_access"
    RIGHT_RECTIFICATION = "right_rectification"
    RIGHT_ERASURE = "right_erasure"
    RIGHT_RESTRICTION = "right_restriction"
    RIGHT_PORTABILITY = "right_portability"
    RIGHT_OBJECT = "right_object"
    WITHDRAW_CONSENT = "withdraw_consent"
    COMPLAINT_AUTHORITY = "complaint_authority"
    STATUTORY_REQUIREMENT = "statutory_requirement"
    AUTOMATED_DECISIONS = "automated_decisions"
    DATA_CATEGORIES = "data_categories"
    SOURCES = "sources"
    COOKIE_DETAILS = "cookie_details"
    COOKIE_CONSENT = "cookie_consent"
    DIRECT_MARKETING = "direct_marketing"
    SPECIAL_CATEGORIES = "special_categories"
    CHILDREN = "children"
    CREDIT_CHECK = "credit_check"
    ACCESS_REQUEST_FORM = "access_request_form"
    OUTDATED_LAW = "outdated_law"
    CLARITY = "clarity"
    #: The Art. 30 record of processing activities (GDPR 30(1)) lacks an item; only for statements with a
    #: ``[record]`` part (the record is internal, not published).
    PROCESSING_RECORD = "processing_record"
    #: Not a legal requirement: the statement file's own ``[rekisterikit]`` directives are wrong (e.g. an ignore
    #: entry naming an unknown rule). Added by the validators; LEGAL.md lists the legal codes.
    DIRECTIVES = "directives"


@define(frozen=True, kw_only=True)
class Evidence:
    """The text a free-text finding is based on: the quoted sentence and the line it starts on."""

    quote: str
    line: int


@define(frozen=True, kw_only=True)
class Finding:
    """One problem found in a statement.

    Attributes:
        rule: the id of the rule that produced it (``"RK-RETENTION"``); ids may change between versions.
        requirement: the requirement code; stable.
        severity: error, warning or info.
        article: the provision, compact form (``"GDPR 13(2)(a)"``).
        path: where in the statement (``"$.registers[0].purposes[1]"``) or, for prose, the section.
        message: the message in fi, sv and en.
        evidence: for free-text findings, the quoted text.
    """

    rule: str
    requirement: Requirement
    severity: Severity
    article: str
    path: str
    message: LocalizedText
    evidence: Evidence | None = None

    def to_dict(self, locale: Language | str = Language.FI) -> dict[str, Any]:
        """The finding in the JSON contract's shape, with the message in ``locale``."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "requirement": self.requirement.value,
            "severity": self.severity.value,
            "article": self.article,
            "path": self.path,
            "message": self.message.resolve(locale)[0],
        }
        if self.evidence is not None:
            data["evidence"] = {"quote": self.evidence.quote, "line": self.evidence.line}
        return data


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.rule)))


@define(frozen=True, kw_only=True)
class Report:
    """The findings for one statement, most severe first."""

    findings: tuple[Finding, ...] = field(default=(), converter=_sorted)
    source: str | None = None
    statement_version: str | None = None

    @property
    def summary(self) -> dict[str, int]:
        """How many findings of each severity: ``{"error": …, "warning": …, "info": …}``."""
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts

    @property
    def requirements(self) -> frozenset[Requirement]:
        """The requirement codes of all findings."""
        return frozenset(f.requirement for f in self.findings)

    def at_least(self, level: Severity | str) -> tuple[Finding, ...]:
        """The findings whose severity reaches ``level``."""
        return tuple(f for f in self.findings if f.severity.reaches(level))

    def fails(self, level: Severity | str = Severity.ERROR) -> bool:
        """Whether any finding reaches ``level`` (the CLI's exit status 1)."""
        return bool(self.at_least(level))

    def to_dict(self, locale: Language | str = Language.FI) -> dict[str, Any]:
        """The report in the JSON contract's shape."""
        return {
            "source": self.source,
            "statement_version": self.statement_version,
            "findings": [f.to_dict(locale) for f in self.findings],
            "summary": self.summary,
        }

"""Two statements compared by meaning: what was added, removed or changed, and how much it matters.

:func:`diff` pairs the parts of two statements by what identifies them — registers, purposes and data categories
by key, recipients by name, transfers by country and recipients, retention rules by what they cover, cookies by
name and domain — so reordering a list changes nothing. Each difference is a :class:`Change` with a kind, a class
and a path:

* ``editorial``: wording only (a reworded description, a typo fixed in the street address);
* ``information``: visitors should be able to see it (a new recipient, a transfer, a retention period);
* ``material``: a new purpose, which GDPR 13(3) says must be announced before the data is processed for it, a
  changed legal basis, or a change to what a cookie consent is about (the consent fingerprint of
  :func:`rekisterikit.consent.consent_fingerprint`), which asks every visitor again.

The internal parts that are never published (the ``[rekisterikit]`` directives and the Art. 30 ``[record]``) and
the ``updated`` date are not compared.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Any

import attrs
from attrs import define

from rekisterikit.model import (
    CookieCategory,
    LocalizedText,
    Purpose,
    Recipient,
    RecipientRole,
    Register,
    Statement,
)

__all__ = ["Change", "ChangeClass", "ChangeKind", "StatementDiff", "diff"]


class ChangeClass(StrEnum):
    """How much a change matters to the people whose data is processed."""

    EDITORIAL = "editorial"
    """Wording only; nothing about the processing changed."""
    INFORMATION = "information"
    """The processing is described differently; visitors should be able to see the change."""
    MATERIAL = "material"
    """A new purpose or legal basis (GDPR 13(3): announce it before processing), or a consent-relevant change."""

    @property
    def rank(self) -> int:
        """0 for editorial, 1 for information, 2 for material."""
        return list(ChangeClass).index(self)


class ChangeKind(StrEnum):
    """What changed."""

    CONTROLLER_CHANGED = "controller_changed"
    CONTACT_CHANGED = "contact_changed"
    DPO_CHANGED = "dpo_changed"
    REPRESENTATIVE_CHANGED = "representative_changed"
    REGISTER_ADDED = "register_added"
    REGISTER_REMOVED = "register_removed"
    REGISTER_CHANGED = "register_changed"
    PURPOSE_ADDED = "purpose_added"
    PURPOSE_REMOVED = "purpose_removed"
    PURPOSE_CHANGED = "purpose_changed"
    LEGAL_BASIS_CHANGED = "legal_basis_changed"
    DATA_CATEGORY_ADDED = "data_category_added"
    DATA_CATEGORY_REMOVED = "data_category_removed"
    DATA_CATEGORY_CHANGED = "data_category_changed"
    SOURCE_ADDED = "source_added"
    SOURCE_REMOVED = "source_removed"
    SOURCE_CHANGED = "source_changed"
    RECIPIENT_ADDED = "recipient_added"
    PROCESSOR_ADDED = "processor_added"
    RECIPIENT_REMOVED = "recipient_removed"
    RECIPIENT_CHANGED = "recipient_changed"
    TRANSFER_ADDED = "transfer_added"
    TRANSFER_REMOVED = "transfer_removed"
    TRANSFER_BASIS_CHANGED = "transfer_basis_changed"
    TRANSFER_CHANGED = "transfer_changed"
    RETENTION_ADDED = "retention_added"
    RETENTION_REMOVED = "retention_removed"
    RETENTION_CHANGED = "retention_changed"
    AUTOMATED_DECISIONS_CHANGED = "automated_decisions_changed"
    COOKIE_ADDED = "cookie_added"
    COOKIE_REMOVED = "cookie_removed"
    COOKIE_MOVED = "cookie_moved"
    COOKIE_CHANGED = "cookie_changed"
    COOKIE_POLICY_CHANGED = "cookie_policy_changed"
    RIGHTS_CHANGED = "rights_changed"
    CHILDREN_CHANGED = "children_changed"
    LANGUAGES_CHANGED = "languages_changed"
    OTHER_CHANGED = "other_changed"
    CONSENT_TERMS_CHANGED = "consent_terms_changed"
    TEXT_CHANGED = "text_changed"


@define(frozen=True, kw_only=True)
class Change:
    """One difference between two statements.

    Attributes:
        kind: what changed.
        cls: editorial, information or material (``"class"`` in JSON).
        path: where, by identity rather than position: ``$.registers["asiakkaat"].purposes["uutiskirje"]
            .legal_basis``, ``$.cookies["_fbp"]``.
        old: the old value as plain data (``None`` for an addition).
        new: the new value as plain data (``None`` for a removal).
        subject: what the change is about, in the statement's words (a purpose's description, a cookie's name, a
            recipient's name), for the "what changed" texts.
        consent_relevant: the change alters what a cookie consent is about, so visitors are asked again.
    """

    kind: ChangeKind
    cls: ChangeClass
    path: str
    old: Any = None
    new: Any = None
    subject: LocalizedText | None = None
    consent_relevant: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data: ``kind``, ``class``, ``path``, ``old``, ``new``, ``consent_relevant``."""
        return {"kind": self.kind.value, "class": self.cls.value, "path": self.path, "old": self.old,
                "new": self.new, "consent_relevant": self.consent_relevant}


def _order(change: Change) -> tuple[int, str, str]:
    return (-change.cls.rank, change.path, change.kind.value)


@define(frozen=True, kw_only=True)
class StatementDiff:
    """The changes from one statement to another.

    Attributes:
        old_version: the old statement's version.
        new_version: the new statement's version.
        old_updated: the old statement's ``updated`` date, as ``YYYY-MM-DD`` or ``None``.
        new_updated: the new statement's ``updated`` date.
        changes: every change, material first, then by path.
        reconsent: the consent fingerprint changed, so every visitor is asked again.
    """

    old_version: str
    new_version: str
    old_updated: str | None
    new_updated: str | None
    changes: tuple[Change, ...]
    reconsent: bool

    @property
    def material(self) -> bool:
        """Whether any change is material."""
        return any(c.cls is ChangeClass.MATERIAL for c in self.changes)

    @property
    def cls(self) -> ChangeClass | None:
        """The class of the most important change, or ``None`` when nothing changed."""
        return max((c.cls for c in self.changes), key=lambda c: c.rank, default=None)

    def of_class(self, *classes: ChangeClass) -> tuple[Change, ...]:
        """The changes of the given classes, in order."""
        return tuple(c for c in self.changes if c.cls in classes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def as_dict(self) -> dict[str, Any]:
        """The diff as JSON-ready data (the ``--format json`` output of ``rekisterikit diff``)."""
        return {
            "format": "rekisterikit/statement-diff",
            "format_version": 1,
            "old": {"version": self.old_version, "updated": self.old_updated},
            "new": {"version": self.new_version, "updated": self.new_updated},
            "class": None if self.cls is None else self.cls.value,
            "reconsent": self.reconsent,
            "changes": [c.as_dict() for c in self.changes],
        }


# -- plain values ----------------------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    from rekisterikit.load import unstructure

    data = unstructure(value)
    return json.loads(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str))


def _canon(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def _quote(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def _text(value: str) -> LocalizedText:
    return LocalizedText(fi=value, sv=value, en=value)


#: Names the difference in one field: its kind, class and whether it is consent-relevant (``None``: not reported).
Classify = Callable[[str, Any, Any], tuple[ChangeKind, ChangeClass, bool] | None]

# -- the walker ------------------------------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def _typo(old: str | None, new: str | None) -> bool:
    """A small correction of the same thing: the numbers unchanged, short parts (a staircase letter ``A``) too,
    and the letters of the longer words nearly so."""
    if old is None or new is None:
        return False
    if _DIGITS.findall(old) != _DIGITS.findall(new):
        return False
    a, b = old.casefold().split(), new.casefold().split()
    if [w for w in a if len(w) <= 2] != [w for w in b if len(w) <= 2]:
        return False
    return difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio() >= 0.8


class _Differ:
    def __init__(self, old: Statement, new: Statement) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, kind: ChangeKind, cls: ChangeClass, path: str, old: Any, new: Any, *,
            subject: LocalizedText | None = None, consent: bool = False) -> None:
        if consent:
            cls = ChangeClass.MATERIAL
        self.changes.append(Change(kind=kind, cls=cls, path=path, old=None if old is None else _plain(old),
                                   new=None if new is None else _plain(new), subject=subject,
                                   consent_relevant=consent))

    def fields(self, old: Any, new: Any, path: str, classify: Classify, subject: LocalizedText | None, *,
               skip: Iterable[str] = ()) -> None:
        """Compare two attrs objects of one class field by field; ``classify`` names each difference."""
        skipped = set(skip)
        for f in attrs.fields(type(new)):
            if f.name in skipped:
                continue
            a, b = getattr(old, f.name), getattr(new, f.name)
            if _canon(a) == _canon(b):
                continue
            verdict = classify(f.name, a, b)
            if verdict is None:
                continue
            kind, cls, consent = verdict
            self.add(kind, cls, f"{path}.{f.name}", a, b, subject=subject, consent=consent)

    # -- statement ---------------------------------------------------------------------------------------------

    def run(self) -> None:
        old, new = self.old, self.new
        handled = {"controller", "registers", "languages", "updated", "title", "intro", "cites", "dpo",
                   "eu_representative", "cookies", "cookie_policy", "rights", "children", "changes", "directives",
                   "record"}
        self.controller()
        if old.languages != new.languages:
            self.add(ChangeKind.LANGUAGES_CHANGED, ChangeClass.INFORMATION, "$.languages", old.languages,
                     new.languages)
        for name in ("title", "intro", "cites", "changes"):
            a, b = getattr(old, name), getattr(new, name)
            if _canon(a) != _canon(b):
                self.add(ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, f"$.{name}", a, b)
        for name, kind in (("dpo", ChangeKind.DPO_CHANGED), ("eu_representative", ChangeKind.REPRESENTATIVE_CHANGED),
                           ("children", ChangeKind.CHILDREN_CHANGED)):
            a, b = getattr(old, name), getattr(new, name)
            if _canon(a) != _canon(b):
                self.add(kind, ChangeClass.INFORMATION, f"$.{name}", a, b)
        self.registers()
        self.cookies()
        self.fields(old.cookie_policy, new.cookie_policy, "$.cookie_policy",
                    lambda n, a, b: (ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False) if n == "text"
                    else (ChangeKind.COOKIE_POLICY_CHANGED, ChangeClass.INFORMATION, False), None)
        self.fields(old.rights, new.rights, "$.rights",
                    lambda n, a, b: (ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False)
                    if n in ("text", "complaint_text") else (ChangeKind.RIGHTS_CHANGED, ChangeClass.INFORMATION,
                                                             False), None)
        # Parts added to the model later (e.g. the consent banner's settings) are compared as a whole.
        for f in attrs.fields(Statement):
            if f.name in handled:
                continue
            a, b = getattr(old, f.name), getattr(new, f.name)
            if _canon(a) != _canon(b):
                self.add(ChangeKind.OTHER_CHANGED, ChangeClass.INFORMATION, f"$.{f.name}", a, b)

    def controller(self) -> None:
        old, new = self.old.controller, self.new.controller
        subject = _text(new.name)

        def classify(name: str, a: Any, b: Any) -> tuple[ChangeKind, ChangeClass, bool] | None:
            if name in ("name", "business_id"):
                return ChangeKind.CONTROLLER_CHANGED, ChangeClass.INFORMATION, True
            return ChangeKind.CONTACT_CHANGED, ChangeClass.INFORMATION, False

        self.fields(old, new, "$.controller", classify, subject, skip=("address",))
        a, b = old.address, new.address
        if a is None or b is None:
            if _canon(a) != _canon(b):
                self.add(ChangeKind.CONTACT_CHANGED, ChangeClass.INFORMATION, "$.controller.address", a, b,
                         subject=subject)
            return

        def address(name: str, x: Any, y: Any) -> tuple[ChangeKind, ChangeClass, bool] | None:
            if name in ("street", "city") and _typo(x, y):
                return ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False
            return ChangeKind.CONTACT_CHANGED, ChangeClass.INFORMATION, False

        self.fields(a, b, "$.controller.address", address, subject)

    # -- registers ---------------------------------------------------------------------------------------------

    def registers(self) -> None:
        old = {r.key: r for r in self.old.registers}
        new = {r.key: r for r in self.new.registers}
        for key in sorted(old.keys() - new.keys()):
            self.add(ChangeKind.REGISTER_REMOVED, ChangeClass.INFORMATION, f"$.registers[{_quote(key)}]", old[key],
                     None, subject=old[key].name)
        for key in sorted(new.keys() - old.keys()):
            reg = new[key]
            self.add(ChangeKind.REGISTER_ADDED, ChangeClass.INFORMATION, f"$.registers[{_quote(key)}]", None, reg,
                     subject=reg.name)
            # Everything in a new register is new: its purposes are announced like any new purpose.
            for p in reg.purposes:
                self.add(ChangeKind.PURPOSE_ADDED, ChangeClass.MATERIAL,
                         f"$.registers[{_quote(key)}].purposes[{_quote(p.key)}]", None, p, subject=p.description)
        for key in sorted(old.keys() & new.keys()):
            self.register(old[key], new[key])

    def register(self, old: Register, new: Register) -> None:
        path = f"$.registers[{_quote(new.key)}]"
        for name in ("name", "description", "security"):
            a, b = getattr(old, name), getattr(new, name)
            if _canon(a) != _canon(b):
                self.add(ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, f"{path}.{name}", a, b, subject=new.name)
        self.purposes(old, new, path)
        self.keyed(old.data_categories, new.data_categories, f"{path}.data_categories", compare=self.data_category,
                   added=ChangeKind.DATA_CATEGORY_ADDED, removed=ChangeKind.DATA_CATEGORY_REMOVED,
                   label=lambda c: c.name,
                   added_class=lambda c: (ChangeClass.MATERIAL if c.special or c.criminal or c.personal_identity_code
                                          else ChangeClass.INFORMATION))
        self.matched(old.sources, new.sources, f"{path}.sources",
                     key=lambda s: f"{s.kind.value}:{_canon(s.name)}",
                     label=lambda s: s.name if s.name is not None else _text(s.kind.value),
                     added=ChangeKind.SOURCE_ADDED, removed=ChangeKind.SOURCE_REMOVED,
                     classify=lambda n, a, b: (ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False)
                     if n == "description" else (ChangeKind.SOURCE_CHANGED, ChangeClass.INFORMATION, False))
        self.stated(old.recipients, new.recipients, f"{path}.recipients", new.name)
        self.matched(old.recipients or (), new.recipients or (), f"{path}.recipients", key=_recipient_key,
                     label=_recipient_label, added=ChangeKind.RECIPIENT_ADDED, removed=ChangeKind.RECIPIENT_REMOVED,
                     classify=_recipient_field, added_kind=_recipient_added)
        self.stated(old.transfers, new.transfers, f"{path}.transfers", new.name)
        self.matched(old.transfers or (), new.transfers or (), f"{path}.transfers",
                     key=lambda t: f"{t.country}:{sorted(t.recipients)}", label=_transfer_label,
                     added=ChangeKind.TRANSFER_ADDED, removed=ChangeKind.TRANSFER_REMOVED, classify=_transfer_field)
        self.matched(old.retention, new.retention, f"{path}.retention",
                     key=lambda r: f"{sorted(r.purposes)}:{sorted(r.data_categories)}",
                     label=lambda r: _retention_label(new, r), added=ChangeKind.RETENTION_ADDED,
                     removed=ChangeKind.RETENTION_REMOVED,
                     classify=lambda n, a, b: (ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False)
                     if n == "criteria" else (ChangeKind.RETENTION_CHANGED, ChangeClass.INFORMATION, False))
        a, b = old.automated_decisions, new.automated_decisions
        if _canon(a) != _canon(b):
            now_used = b is not None and b.used and not (a is not None and a.used)
            self.add(ChangeKind.AUTOMATED_DECISIONS_CHANGED,
                     ChangeClass.MATERIAL if now_used else ChangeClass.INFORMATION, f"{path}.automated_decisions",
                     a, b, subject=new.name)

    def stated(self, old: Sequence[Any] | None, new: Sequence[Any] | None, path: str,
               subject: LocalizedText) -> None:
        """``None`` (not stated) against ``[]`` (stated: none): the list itself is the same."""
        if (old is None) != (new is None) and not old and not new:
            self.add(ChangeKind.REGISTER_CHANGED, ChangeClass.INFORMATION, path, old, new, subject=subject)

    def purposes(self, old: Register, new: Register, path: str) -> None:
        before = {p.key: p for p in old.purposes}
        after = {p.key: p for p in new.purposes}
        for key in sorted(before.keys() - after.keys()):
            self.add(ChangeKind.PURPOSE_REMOVED, ChangeClass.INFORMATION, f"{path}.purposes[{_quote(key)}]",
                     before[key], None, subject=before[key].description)
        for key in sorted(after.keys() - before.keys()):
            # GDPR 13(3): a new purpose is announced before the data is processed for it.
            self.add(ChangeKind.PURPOSE_ADDED, ChangeClass.MATERIAL, f"{path}.purposes[{_quote(key)}]", None,
                     after[key], subject=after[key].description)
        for key in sorted(before.keys() & after.keys()):
            self.fields(before[key], after[key], f"{path}.purposes[{_quote(key)}]", _purpose_field,
                        after[key].description)

    def data_category(self, old: Any, new: Any, path: str) -> None:
        def classify(name: str, a: Any, b: Any) -> tuple[ChangeKind, ChangeClass, bool]:
            if name in ("name", "description"):
                return ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False
            if b:  # now special, criminal or a personal identity code
                return ChangeKind.DATA_CATEGORY_CHANGED, ChangeClass.MATERIAL, False
            return ChangeKind.DATA_CATEGORY_CHANGED, ChangeClass.INFORMATION, False

        self.fields(old, new, path, classify, new.name)

    def keyed(self, old: Sequence[Any], new: Sequence[Any], path: str, *, compare: Callable[[Any, Any, str], None],
              added: ChangeKind, removed: ChangeKind, label: Callable[[Any], LocalizedText],
              added_class: Callable[[Any], ChangeClass]) -> None:
        before = {x.key: x for x in old}
        after = {x.key: x for x in new}
        for key in sorted(before.keys() - after.keys()):
            self.add(removed, ChangeClass.INFORMATION, f"{path}[{_quote(key)}]", before[key], None,
                     subject=label(before[key]))
        for key in sorted(after.keys() - before.keys()):
            self.add(added, added_class(after[key]), f"{path}[{_quote(key)}]", None, after[key],
                     subject=label(after[key]))
        for key in sorted(before.keys() & after.keys()):
            compare(before[key], after[key], f"{path}[{_quote(key)}]")

    def matched(self, old: Sequence[Any], new: Sequence[Any], path: str, *, key: Callable[[Any], str],
                label: Callable[[Any], LocalizedText], added: ChangeKind, removed: ChangeKind,
                classify: Classify,
                added_kind: Callable[[Any], ChangeKind] | None = None,
                consent: Callable[[Any], bool] = lambda _: False) -> None:
        """Pair items without keys by an identity; items with the same identity pair in a stable order."""
        for ident, a, b in _pairs(old, new, key):
            where = f"{path}[{_quote(ident)}]"
            if a is None:
                self.add(added_kind(b) if added_kind else added, ChangeClass.INFORMATION, where, None, b,
                         subject=label(b), consent=consent(b))
            elif b is None:
                self.add(removed, ChangeClass.INFORMATION, where, a, None, subject=label(a), consent=consent(a))
            else:
                self.fields(a, b, where, classify, label(b))

    # -- cookies -----------------------------------------------------------------------------------------------

    def cookies(self) -> None:
        def ident(c: Any) -> str:
            return c.name if c.domain is None else f"{c.name}@{c.domain}"

        for name, a, b in _pairs(self.old.cookies, self.new.cookies, ident):
            where = f"$.cookies[{_quote(name)}]"
            if a is None:
                self.add(ChangeKind.COOKIE_ADDED, ChangeClass.INFORMATION, where, None, b, subject=_text(b.name),
                         consent=_asks_consent(b.category))
            elif b is None:
                self.add(ChangeKind.COOKIE_REMOVED, ChangeClass.INFORMATION, where, a, None, subject=_text(a.name),
                         consent=_asks_consent(a.category))
            else:
                self.cookie(a, b, where)

    def cookie(self, old: Any, new: Any, path: str) -> None:
        relevant = _asks_consent(old.category) or _asks_consent(new.category)

        def classify(name: str, a: Any, b: Any) -> tuple[ChangeKind, ChangeClass, bool]:
            if name == "category":
                return ChangeKind.COOKIE_MOVED, ChangeClass.INFORMATION, relevant
            if name == "legal_basis":
                return ChangeKind.COOKIE_CHANGED, ChangeClass.INFORMATION, False
            if relevant:  # every other field is part of the consent fingerprint
                return ChangeKind.COOKIE_CHANGED, ChangeClass.INFORMATION, True
            if name == "purpose":
                return ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False
            return ChangeKind.COOKIE_CHANGED, ChangeClass.INFORMATION, False

        self.fields(old, new, path, classify, _text(new.name))


def _asks_consent(category: CookieCategory | None) -> bool:
    """A cookie of this category is part of the consent (an undeclared category may need consent too)."""
    return category is None or category.needs_consent


def _pairs(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], str]
           ) -> Iterator[tuple[str, Any, Any]]:
    """Pair the items of two lists by identity; repeated identities pair in the order of their content."""
    groups: dict[str, tuple[list[Any], list[Any]]] = defaultdict(lambda: ([], []))
    for item in old:
        groups[key(item)][0].append(item)
    for item in new:
        groups[key(item)][1].append(item)
    for ident in sorted(groups):
        before, after = (sorted(items, key=_canon) for items in groups[ident])
        # Identical items pair first, so a repeated identity with one changed item reports only that item.
        same = [x for x in before if any(_canon(x) == _canon(y) for y in after)]
        for x in same:
            before.remove(x)
            after.remove(next(y for y in after if _canon(y) == _canon(x)))
        for i in range(max(len(before), len(after))):
            yield (ident, before[i] if i < len(before) else None, after[i] if i < len(after) else None)


# GDPR 13(3): "Where the controller intends to further process the personal data for a purpose other than that for
# which the personal data were collected, the controller shall provide the data subject prior to that further
# processing with information on that other purpose and with any relevant further information as referred to in
# paragraph 2." Checked against quotations of the Regulation, not on EUR-Lex itself [M]. A changed legal basis is
# classed with it because it changes what the visitor was told the processing rests on.
def _purpose_field(name: str, a: Any, b: Any) -> tuple[ChangeKind, ChangeClass, bool] | None:
    if name == "legal_basis":
        return ChangeKind.LEGAL_BASIS_CHANGED, ChangeClass.MATERIAL, False
    if name in ("description", "basis_text", "provision_consequence"):
        return ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False
    if name == "profiling" and b:
        return ChangeKind.PURPOSE_CHANGED, ChangeClass.MATERIAL, False
    if name == "direct_marketing" and set(b) - set(a):
        return ChangeKind.PURPOSE_CHANGED, ChangeClass.MATERIAL, False
    if name == "special_condition" and b is not None:
        return ChangeKind.LEGAL_BASIS_CHANGED, ChangeClass.MATERIAL, False
    return ChangeKind.PURPOSE_CHANGED, ChangeClass.INFORMATION, False


def _recipient_key(r: Recipient) -> str:
    return r.name if r.name is not None else _canon(r.category)


def _recipient_label(r: Recipient) -> LocalizedText:
    if r.name is not None:
        return _text(r.name)
    assert r.category is not None  # a recipient has a name or a category
    return r.category


def _recipient_added(r: Recipient) -> ChangeKind:
    return ChangeKind.PROCESSOR_ADDED if r.role is RecipientRole.PROCESSOR else ChangeKind.RECIPIENT_ADDED


def _recipient_field(name: str, a: Any, b: Any) -> tuple[ChangeKind, ChangeClass, bool]:
    if name in ("description", "website", "category"):
        return ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False
    return ChangeKind.RECIPIENT_CHANGED, ChangeClass.INFORMATION, False


def _transfer_label(t: Any) -> LocalizedText:
    if t.country is None and not t.recipients and t.description is not None:
        return t.description  # type: ignore[no-any-return]
    parts = [str(t.country) if t.country is not None else "?", *t.recipients]
    return _text(parts[0] if len(parts) == 1 else f"{parts[0]}: {', '.join(parts[1:])}")


def _transfer_field(name: str, a: Any, b: Any) -> tuple[ChangeKind, ChangeClass, bool]:
    if name in ("mechanism", "derogation"):
        return ChangeKind.TRANSFER_BASIS_CHANGED, ChangeClass.INFORMATION, False
    if name == "description":
        return ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, False
    return ChangeKind.TRANSFER_CHANGED, ChangeClass.INFORMATION, False


def _retention_label(register: Register, rule: Any) -> LocalizedText:
    texts: list[LocalizedText] = []
    known_purposes: dict[str, Purpose] = {p.key: p for p in register.purposes}
    known_categories = {c.key: c for c in register.data_categories}
    for key in rule.purposes:
        texts.append(known_purposes[key].description if key in known_purposes else _text(key))
    for key in rule.data_categories:
        texts.append(known_categories[key].name if key in known_categories else _text(key))
    return texts[0] if len(texts) == 1 else (register.name if not texts else _join_texts(texts))


def _join_texts(texts: list[LocalizedText]) -> LocalizedText:
    parts: dict[str, str] = {}
    for lang in ("fi", "sv", "en"):
        values = [t.resolve(lang)[0].rstrip(".") for t in texts]
        parts[lang] = "; ".join(values)
    return LocalizedText(**parts)


def diff(old: Statement, new: Statement) -> StatementDiff:
    """Compare two statements by meaning.

    Args:
        old: the earlier statement.
        new: the later statement.

    Returns:
        The changes, material first. ``reconsent`` is true when the consent fingerprint differs, i.e. when the
        consent banner asks every visitor again; every change that causes it is material.
    """
    from rekisterikit.consent.state import consent_fingerprint

    differ = _Differ(old, new)
    differ.run()
    reconsent = consent_fingerprint(old) != consent_fingerprint(new)
    if reconsent and not any(c.consent_relevant for c in differ.changes):
        # The fingerprint covers something this comparison does not name; say so rather than stay silent.
        differ.add(ChangeKind.CONSENT_TERMS_CHANGED, ChangeClass.MATERIAL, "$", None, None, consent=True)
    changes = tuple(sorted(differ.changes, key=_order))
    return StatementDiff(
        old_version=old.version, new_version=new.version,
        old_updated=old.updated.isoformat() if old.updated else None,
        new_updated=new.updated.isoformat() if new.updated else None,
        changes=changes, reconsent=reconsent)

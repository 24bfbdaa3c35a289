"""The rule registry: what a rule is, how rules are registered, and how selectors pick them.

A rule has a stable id (``RK-RETENTION``), one requirement code, a severity, the provision it enforces, and a
message in Finnish, Swedish and English with ``{placeholders}``. Its check function receives a
:class:`~rekisterikit.validate.context.Context` and yields :class:`Hit` objects: the path of the offending element
and the values for the placeholders.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from attrs import define, field

from rekisterikit.errors import RekisterikitError
from rekisterikit.findings import Finding, Requirement, Severity
from rekisterikit.model.values import Language, LocalizedText

__all__ = [
    "ENTRY_POINT_GROUP",
    "REGISTRY",
    "RETIRED",
    "Check",
    "Hit",
    "Registry",
    "RetiredRule",
    "Rule",
    "UnknownRuleError",
    "placeholders",
    "rule",
]

#: The entry point group a distribution uses to ship rules: each entry point names a module (or an object in
#: one) whose import registers rules with :func:`rule`.
ENTRY_POINT_GROUP = "rekisterikit.rules"

_RULE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
_FORMATTER = string.Formatter()


class UnknownRuleError(RekisterikitError, ValueError):
    """A selector (``select``/``ignore``) names no registered rule, rule-id prefix or requirement code."""


Arg = str | LocalizedText


@define(frozen=True, kw_only=True)
class RetiredRule:
    """A rule id that is no longer in use and is never given to another rule.

    Attributes:
        id: the retired id.
        retired: the date it was retired (ISO 8601).
        reason: why, in English, for the rule reference.
    """

    id: str
    retired: str
    reason: str


#: Rule ids retired from the built-in rules, with the date and the reason. Their findings are no longer reported; no
#: rule may take the id again (:meth:`Registry.add` refuses it), ``ignore`` selectors naming one are accepted and
#: ignore nothing, ``select`` selectors naming one are refused, and a statement's ``[rekisterikit] ignore`` entry
#: naming one is reported by ``RK-IGNORE-INVALID``. The rule reference lists them.
RETIRED: Mapping[str, RetiredRule] = {r.id: r for r in (
    RetiredRule(id="RK-TRANSFER-DPF-APPEAL", retired="2026-12-06",
                reason="It reminded of the pending appeal on the EU-US Data Privacy Framework (C-703/25 P) on every "
                       "transfer relying on the DPF, with nothing to fix in the statement: a statement that relies "
                       "on an adequacy decision in force lacks nothing (GDPR 45(1)), and independent readings of the "
                       "held-out statements did not count it (issue 21)."),
)}


@define(frozen=True)
class Hit:
    """One place where a rule fires: the path of the offending element and the message's placeholder values.

    Attributes:
        path: the JSON path of the element (``"$.registers[0].purposes[2]"``).
        args: values for the message's placeholders; a :class:`~rekisterikit.LocalizedText` is resolved in each
            message language (falling back to the statement's languages).
    """

    path: str
    args: Mapping[str, Arg] = field(factory=dict)


#: A rule's check function. It receives a :class:`~rekisterikit.validate.context.Context`; the parameter is typed
#: ``Any`` here so that the registry does not depend on the context (the context depends on the registry).
Check = Callable[[Any], Iterable[Hit]]
_C = TypeVar("_C", bound=Check)


def placeholders(template: str) -> frozenset[str]:
    """The ``{placeholder}`` names used in a message template."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def _check_id(instance: object, attribute: Any, value: str) -> None:
    if not _RULE_ID.fullmatch(value):
        raise ValueError(f"invalid rule id {value!r} (upper-case words joined by '-', e.g. 'RK-RETENTION')")


def _check_message(instance: object, attribute: Any, value: LocalizedText) -> None:
    missing = [lang.value for lang in Language if value.get(lang) is None]
    if missing:
        raise ValueError(f"rule message lacks a translation: {', '.join(missing)}")
    names = {lang.value: placeholders(value.get(lang) or "") for lang in Language}
    if len(set(names.values())) != 1:
        raise ValueError(f"rule message placeholders differ between languages: {names}")


@define(frozen=True, kw_only=True)
class Rule:
    """A validation rule.

    Attributes:
        id: the stable rule id, upper-case words joined by ``-`` (``"RK-RETENTION"``).
        requirement: the requirement code every finding of the rule carries.
        severity: the severity of its findings.
        article: the provision(s) it enforces, compact form (``"GDPR 13(2)(a)"``).
        title: a short English name for listings.
        message: the finding's message in fi, sv and en, with ``{placeholders}``.
        check: yields a :class:`Hit` for every offending element.
        trigger: when the rule fires (English, for the rule reference).
        fix: how to fix it (English, for the rule reference).
        example: a statement (TOML) on which the rule fires; tests and the rule reference use it.
        fixed: the same statement corrected, on which the rule stays quiet.
        origin: who provides the rule (``"rekisterikit"`` or the shop's package).
    """

    id: str = field(validator=_check_id)
    requirement: Requirement = field(converter=Requirement)
    severity: Severity = field(converter=Severity)
    article: str
    title: str
    message: LocalizedText = field(validator=_check_message)
    check: Check = field(eq=False, repr=False)
    trigger: str = ""
    fix: str = ""
    example: str | None = None
    fixed: str | None = None
    origin: str = "rekisterikit"

    @property
    def placeholders(self) -> frozenset[str]:
        """The placeholder names of the message."""
        return placeholders(self.message.fi or "")

    def format(self, hit: Hit, fallbacks: tuple[Language, ...] = ()) -> LocalizedText:
        """The message with the hit's values filled in, in all three languages.

        Args:
            hit: the hit whose ``args`` fill the placeholders.
            fallbacks: languages to try for shop-written values missing in a message language.

        Raises:
            KeyError: the hit lacks a value for a placeholder.
        """
        texts: dict[str, str] = {}
        for lang in Language:
            values = {k: v if isinstance(v, str) else v.resolve(lang, fallbacks)[0] for k, v in hit.args.items()}
            texts[lang.value] = (self.message.get(lang) or "").format_map(values)
        return LocalizedText(**texts)

    def finding(self, hit: Hit, fallbacks: tuple[Language, ...] = ()) -> Finding:
        """The finding for one hit."""
        return Finding(rule=self.id, requirement=self.requirement, severity=self.severity, article=self.article,
                       path=hit.path, message=self.format(hit, fallbacks))


class Registry:
    """An ordered collection of rules, looked up by id, rule-id prefix or requirement code."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for r in rules:
            self.add(r)

    def add(self, rule: Rule) -> Rule:
        """Register ``rule``.

        Raises:
            ValueError: a rule with the same id is already registered, or the id is retired (:data:`RETIRED`).
        """
        if rule.id in RETIRED:
            raise ValueError(f"rule id {rule.id} was retired on {RETIRED[rule.id].retired} and is not reused")
        if rule.id in self._rules:
            raise ValueError(f"rule {rule.id} is already registered (by {self._rules[rule.id].origin})")
        self._rules[rule.id] = rule
        return rule

    def remove(self, rule_id: str) -> Rule:
        """Unregister and return the rule with ``rule_id``.

        Raises:
            KeyError: no such rule.
        """
        return self._rules.pop(rule_id)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def matching(self, selector: str) -> tuple[Rule, ...]:
        """The rules a selector names: a rule id, a rule-id prefix ending at a ``-`` or a requirement code.

        ``"RK-COOKIE"`` selects ``RK-COOKIE-DETAILS`` and ``RK-COOKIE-WALL``; ``"retention"`` selects every rule
        whose findings carry the ``retention`` requirement code. An unknown selector matches nothing.
        """
        if selector in self._rules:
            return (self._rules[selector],)
        if selector in Requirement._value2member_map_:
            return tuple(r for r in self if r.requirement.value == selector)
        prefix = selector + "-"
        return tuple(r for r in self if r.id.startswith(prefix))

    def select(self, select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
        """The rules to run: those ``select`` names (all when ``None``) minus those ``ignore`` names.

        An ``ignore`` selector naming a retired rule id (:data:`RETIRED`) is accepted and ignores nothing.

        Raises:
            UnknownRuleError: a selector matches no rule (a ``select`` selector naming a retired id included).
        """
        def resolve(selectors: Iterable[str], *, ignoring: bool) -> set[str]:
            ids: set[str] = set()
            for s in selectors:
                found = self.matching(s)
                if not found:
                    if s in RETIRED:
                        if ignoring:
                            continue
                        raise UnknownRuleError(f"rule {s!r} was retired on {RETIRED[s].retired}: "
                                               f"{RETIRED[s].reason}")
                    raise UnknownRuleError(f"unknown rule {s!r} (not a rule id, rule-id prefix or requirement code)")
                ids.update(r.id for r in found)
            return ids

        chosen = resolve(select, ignoring=False) if select is not None else set(self._rules)
        dropped = resolve(ignore, ignoring=True)
        return tuple(r for r in self if r.id in chosen and r.id not in dropped)


#: The registry :func:`~rekisterikit.validate.validate` uses by default: the built-in rules plus any registered
#: with :func:`rule` or shipped through the ``rekisterikit.rules`` entry point group.
REGISTRY = Registry()


def rule(*, id: str, requirement: Requirement | str, severity: Severity | str, article: str,  # noqa: A002
         title: str, message: LocalizedText, trigger: str = "", fix: str = "", example: str | None = None,
         fixed: str | None = None, origin: str | None = None,
         registry: Registry | None = None) -> Callable[[_C], _C]:
    """Register the decorated check function as a rule.

    The function receives a :class:`~rekisterikit.validate.context.Context` and yields :class:`Hit` objects::

        from rekisterikit.findings import Requirement, Severity
        from rekisterikit.model import LocalizedText
        from rekisterikit.validate import Hit, rule

        @rule(id="SHOP-NEWSLETTER-KIND", requirement=Requirement.DIRECT_MARKETING, severity=Severity.INFO,
              article="917/2014 200 §", title="Newsletter purposes are marked",
              message=LocalizedText(fi="Merkitse uutiskirje: {purpose}", sv="Märk nyhetsbrevet: {purpose}",
                                    en="Mark the newsletter: {purpose}"))
        def newsletter_kind(ctx):
            for ref in ctx.purposes:
                if "uutiskirje" in (ref.purpose.description.fi or "") and ref.purpose.kind is None:
                    yield Hit(ref.path, {"purpose": ref.purpose.description})

    Args:
        id: the rule id (``"SHOP-…"`` for a shop's own rules; ``RK-`` is rekisterikit's).
        requirement: the requirement code (see :class:`~rekisterikit.findings.Requirement`).
        severity: ``error``, ``warning`` or ``info``.
        article: the provision, e.g. ``"GDPR 13(2)(a)"``.
        title: a short English name.
        message: the message in fi, sv and en; all three are required and use the same placeholders.
        trigger: when it fires, for the rule reference.
        fix: how to fix it, for the rule reference.
        example: a TOML statement on which it fires.
        fixed: the corrected statement, on which it is quiet.
        origin: who provides the rule; defaults to the check function's top-level package.
        registry: where to register; :data:`REGISTRY` by default.

    Returns:
        A decorator that registers the function and returns it unchanged.

    Raises:
        ValueError: the id is malformed or taken, or a translation is missing.
    """
    def decorator(check: _C) -> _C:
        module = getattr(check, "__module__", "") or ""
        (registry if registry is not None else REGISTRY).add(Rule(
            id=id, requirement=requirement, severity=severity, article=article, title=title, message=message,
            check=check, trigger=trigger, fix=fix, example=example, fixed=fixed,
            origin=origin or module.split(".")[0] or "unknown"))
        return check

    return decorator


def msg(fi: str, sv: str, en: str) -> LocalizedText:
    """A rule message in all three languages (a shorthand for the rule modules)."""
    return LocalizedText(fi=fi, sv=sv, en=en)


def args(**values: Arg) -> dict[str, Arg]:
    """Placeholder values for a :class:`Hit` (a shorthand for the rule modules)."""
    return values

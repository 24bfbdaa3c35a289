"""Validators: a registry of rules that check a :class:`~rekisterikit.Statement` against the law.

``validate(statement)`` returns a :class:`~rekisterikit.findings.Report`. Shops add rules with the :func:`rule`
decorator or ship them in a package through the ``rekisterikit.rules`` entry point group.
"""

from rekisterikit.validate.context import Context, CookieRef, PurposeRef, RegisterRef
from rekisterikit.validate.engine import validate
from rekisterikit.validate.registry import REGISTRY, Hit, Registry, Rule, UnknownRuleError, rule

__all__ = [
    "REGISTRY",
    "Context",
    "CookieRef",
    "Hit",
    "PurposeRef",
    "RegisterRef",
    "Registry",
    "Rule",
    "UnknownRuleError",
    "rule",
    "validate",
]

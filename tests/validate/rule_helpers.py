"""Shared helpers of the rule tests: one rule's findings on a statement written inline, and a common purpose."""

from __future__ import annotations

from rekisterikit import loads
from rekisterikit.validate import validate

#: An order purpose on the contract, to append after a register's header.
ORDERS = ('\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\nkind = "order"\n'
          'legal_basis = "contract"\n')


def hits(rule_id: str, text: str) -> list[str]:
    """The paths of the findings of rule ``rule_id`` on the statement ``text`` (TOML), in report order."""
    report = validate(loads(text), select=[rule_id])
    return [f.path for f in report.findings if f.rule == rule_id]

"""Building blocks of the rules' example statements (TOML), shown in the rule reference and run by the tests."""

from __future__ import annotations

__all__ = ["CONTROLLER", "REGISTER"]

CONTROLLER = '''[controller]
name = "Esimerkki Oy"
business_id = "1234567-1"
email = "tietosuoja@esimerkki.fi"
phone = "+358 9 123 4567"
'''

REGISTER = '''
[[registers]]
key = "asiakkaat"
name = "Asiakasrekisteri"
'''

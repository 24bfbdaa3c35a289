"""The tenth tuning round (issue 21): classes of error left on hold-out M and on real published statements, each
with statements a data-protection lawyer reads as correct beside the ones the rule was written for."""

from __future__ import annotations

import pytest

from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

from .rule_helpers import ORDERS
from .rule_helpers import hits as _hits

# -- RK-DPO-ASSESS: criminal data and profiled special categories only ---------------------------------------------

_AUTOMATED = 'automated_decisions = { used = true, logic = "Maksuhäiriömerkintä estää laskulla maksamisen" }\n'
_CREDIT = ('\n[[registers.purposes]]\nkey = "luotto"\ndescription = "{text}"\nkind = "credit_check"\n'
           'legal_basis = "contract"\n')
_HEALTH = '\n[[registers.data_categories]]\nkey = "terveys"\nname = "Terveyskyselyn vastaukset"\nspecial = true\n'
_CRIMINAL = ('\n[[registers.data_categories]]\nkey = "rikos"\nname = "Rikostaustaote (lasten kanssa '
             'työskentelevät)"\ncriminal = true\n')


@pytest.mark.parametrize("text", [
    # a car dealer scoring its own instalment applications
    "Kun haet osamaksua, pisteytämme hakemuksen luottotietojesi perusteella ja päätös tehdään heti.",
    # a car rental checking a booker's credit with a credit agency
    "Varaajan luottotietojen tarkistaminen luottotietoyhtiöltä varausta vahvistettaessa.",
    # an invoice check by a shop
    "Luottokelpoisuuden tarkistaminen, kun asiakas valitsee maksutavaksi laskun.",
])
def test_a_credit_check_beside_a_sale_is_no_dpo_sign(text: str) -> None:
    """A credit check serves the sale or the rental: not the core activity WP243 means by 37(1)(b), and nothing in
    the statement shows 'large scale'. Readers of six sets split on it with no line between."""
    statement = CONTROLLER + REGISTER + _AUTOMATED + ORDERS + _CREDIT.format(text=text)
    assert [] == _hits("RK-DPO-ASSESS", statement)


def test_criminal_data_keeps_the_dpo_reminder() -> None:
    assert ["$.dpo"] == _hits("RK-DPO-ASSESS", CONTROLLER + REGISTER + ORDERS + _CRIMINAL)


def test_profiled_special_categories_keep_the_dpo_reminder_and_a_named_dpo_ends_it() -> None:
    profiled = ('\n[[registers.purposes]]\nkey = "suositukset"\ndescription = "Tuotesuositukset vastausten '
                'perusteella"\nkind = "profiling"\nprofiling = true\nlegal_basis = "consent"\n'
                'data_categories = ["terveys"]\n')
    assert ["$.dpo"] == _hits("RK-DPO-ASSESS", CONTROLLER + REGISTER + profiled + _HEALTH)
    named = CONTROLLER + '\n[dpo]\nemail = "tietosuoja@esimerkki.fi"\n' + REGISTER + profiled + _HEALTH
    assert [] == _hits("RK-DPO-ASSESS", named)
    assert [] == _hits("RK-DPO-ASSESS", CONTROLLER + REGISTER + ORDERS + _HEALTH)  # not profiled

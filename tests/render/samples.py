"""Hand-made statements for the renderer's tests: one that uses every feature, one that states almost nothing,
and hostile variants of any statement."""

# ruff: noqa: E501

from __future__ import annotations

import contextlib
from enum import Enum

import attrs
from hypothesis import strategies as st

from rekisterikit import Statement, loads
from rekisterikit.model import LocalizedText
from rekisterikit.testing import strategies as rks

FULL = '''
languages = ["fi", "sv", "en"]
updated = 2020-07-12
title = { fi = "Tietosuojaseloste", sv = "Dataskyddsbeskrivning", en = "Privacy notice" }
intro = { fi = "Esittely.", en = "Introduction." }
cites = ["Tietosuojalaki 1050/2018"]
changes = { fi = "Muutoksista ilmoitetaan.", sv = "Ändringar meddelas.", en = "Changes are announced." }

[controller]
name = "Testikauppa Oy"
business_id = "0956453-1"
email = "info@testikauppa.fi"
phone = "+358 40 123 4567"
website = "https://testikauppa.fi"
address = { street = "Katu 1", postal_code = "00100", city = "Helsinki" }
contact_person = { name = "Maija Meikäläinen", email = "maija@testikauppa.fi" }

[dpo]
name = "Tietosuojavastaava"
email = "dpo@testikauppa.fi"

[eu_representative]
name = "EU Rep GmbH"
email = "rep@example.de"
address = { street = "Straße 1", postal_code = "10115", city = "Berlin", country = "DE" }

[children]
offered_to_children = false
minimum_age = 18

[[registers]]
key = "asiakkaat"
name = { fi = "Asiakasrekisteri", sv = "Kundregister", en = "Customer register" }
security = { fi = "Salattu yhteys.", sv = "Krypterad förbindelse.", en = "Encrypted connection." }
automated_decisions = { used = true, art22_basis = "contract", logic = { fi = "Pisteytys.", en = "Scoring." }, significance = { fi = "Maksutapa.", en = "Payment method." }, consequences = { fi = "Lasku evätään.", en = "Invoice refused." }, safeguards = { fi = "Ihminen tarkistaa.", en = "A person reviews." } }

[[registers.data_categories]]
key = "nimi"
name = { fi = "Nimi", sv = "Namn", en = "Name" }

[[registers.data_categories]]
key = "terveys"
special = true
name = { fi = "Allergiatiedot", sv = "Allergiuppgifter", en = "Allergy data" }
description = { fi = "Vain pyynnöstä.", sv = "Endast på begäran.", en = "Only on request." }

[[registers.purposes]]
key = "tilaukset"
kind = "order"
legal_basis = "contract"
description = { fi = "Tilausten käsittely.", sv = "Hantering av beställningar.", en = "Handling orders." }
data_categories = ["nimi"]
provision = "contract_precondition"
provision_consequence = { fi = "Tilausta ei voi tehdä.", sv = "Beställningen kan inte göras.", en = "No order." }

[[registers.purposes]]
key = "kirjanpito"
legal_basis = "legal_obligation"
legal_obligation = "Kirjanpitolaki 1336/1997"
description = { fi = "Kirjanpito.", sv = "Bokföring.", en = "Accounting." }
provision = "contract_precondition"

[[registers.purposes]]
key = "uutiskirje"
legal_basis = "consent"
direct_marketing = ["email", "sms"]
marketing_audience = "consumers"
description = { fi = "Uutiskirje.", sv = "Nyhetsbrev.", en = "Newsletter." }
provision = "voluntary"

[[registers.purposes]]
key = "asiakasmarkkinointi"
legal_basis = "legitimate_interests"
legitimate_interest = { fi = "Omien tuotteiden markkinointi.", sv = "Marknadsföring av egna produkter.", en = "Marketing our own products." }
direct_marketing = ["email"]
soft_opt_in = { contact_from_sale = true, own_similar_products = true, opt_out_at_collection = true, opt_out_in_every_message = true }
profiling = true
description = { fi = "Markkinointi asiakkaille.", sv = "Marknadsföring till kunder.", en = "Marketing to customers." }
provision = "not_requested"

[[registers.purposes]]
key = "allergiat"
legal_basis = "consent"
special_condition = "explicit_consent"
data_categories = ["terveys"]
description = { fi = "Allergioiden huomioiminen.", sv = "Hänsyn till allergier.", en = "Taking allergies into account." }
provision = "voluntary"

[[registers.purposes]]
key = "luotto"
kind = "credit_check"
legal_basis = "contract"
credit_register = "Suomen Asiakastieto Oy"
description = { fi = "Luottotietojen tarkistus.", sv = "Kreditprövning.", en = "Credit check." }
provision = "not_requested"

[[registers.sources]]
kind = "data_subject"
data_categories = ["nimi"]

[[registers.sources]]
kind = "third_party"
name = { fi = "Luottotietorekisteri", en = "Credit register" }
public = false

[[registers.recipients]]
name = "Posti Oy"
category = { fi = "Kuljetus", sv = "Transport", en = "Carrier" }
role = "controller"
country = "FI"
purposes = ["tilaukset"]
website = "https://www.posti.fi"

[[registers.recipients]]
category = { fi = "Pilvipalvelu", sv = "Molntjänst", en = "Cloud service" }
role = "processor"
country = "US"

[[registers.transfers]]
country = "US"
recipients = ["Cloud Inc."]
mechanism = "scc_2021_914"
safeguards_copy = { fi = "Pyydä kopio sähköpostitse.", sv = "Be om en kopia per e-post.", en = "Ask for a copy by e-mail." }
safeguards_url = "https://eur-lex.europa.eu/eli/dec_impl/2021/914/oj"

[[registers.retention]]
purposes = ["tilaukset"]
period = "P3Y"
start = "end_of_contract"

[[registers.retention]]
purposes = ["kirjanpito"]
period = "P6Y"
start = "end_of_year_of_financial_period_end"
legal_reference = "Kirjanpitolaki 1336/1997 2 luku 10 §"

[[registers.retention]]
purposes = ["uutiskirje", "asiakasmarkkinointi", "allergiat", "luotto"]
criteria = { fi = "Kunnes peruutat.", sv = "Tills du återkallar.", en = "Until you withdraw." }

[[cookies]]
name = "_ga"
provider = "Google Ireland Limited"
party = "third"
category = "statistics"
duration = "P2Y"
country = "IE"
purpose = { fi = "Kävijätilastot.", sv = "Besöksstatistik.", en = "Visitor statistics." }

[[cookies]]
name = "sessionid"
provider = "Testikauppa Oy"
party = "first"
category = "necessary"
duration = "session"
purpose = { fi = "Ostoskori.", sv = "Varukorg.", en = "Shopping cart." }

[[cookies]]
name = "prefs"
storage = "local_storage"
provider = "Testikauppa Oy"
party = "first"
category = "preferences"
duration = "P13M"
purpose = { fi = "Kieli.", sv = "Språk.", en = "Language." }

[rights]
request_channels = ["email", "web_form", "post"]
'''

EMPTY = '''
[controller]
name = "Anonyymi"
'''


def full() -> Statement:
    """A statement that uses every feature the renderer knows."""
    return loads(FULL)


def empty() -> Statement:
    """A statement that gives nothing but the controller's name."""
    return loads(EMPTY)


# -- hostile text ---------------------------------------------------------------------------------------------------


def nasty_texts() -> st.SearchStrategy[str]:
    """Arbitrary text and hostile text (rekisterikit.testing.strategies.hostile_texts)."""
    return _NASTY


_NASTY = st.one_of(rks.texts(), rks.hostile_texts())


def _replace(value: object, draw: st.DrawFn) -> object:
    if isinstance(value, LocalizedText):
        return LocalizedText(**{lang.value: draw(nasty_texts()) for lang in value.languages})
    if isinstance(value, tuple):
        return tuple(_replace(v, draw) for v in value)
    if attrs.has(type(value)):
        return _nastify(value, draw)
    return value


def _nastify(obj: object, draw: st.DrawFn) -> object:
    """Replace every text of ``obj`` that the model accepts any text in with hostile text."""
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if isinstance(value, Enum):
            continue
        if isinstance(value, str) and draw(st.booleans()):
            # A validated field (key, e-mail, URL) rejects the text and keeps its valid value.
            with contextlib.suppress(ValueError, TypeError):
                obj = attrs.evolve(obj, **{field.name: draw(nasty_texts())})
            continue
        with contextlib.suppress(ValueError, TypeError):
            obj = attrs.evolve(obj, **{field.name: _replace(value, draw)})
    return obj


@st.composite
def hostile_statements(draw: st.DrawFn) -> Statement:
    """Statements of any shape whose shop-written texts are arbitrary or hostile."""
    base = draw(st.one_of(rks.statements(max_registers=1, text=_NASTY), st.just(full())))
    result = _nastify(base, draw)
    assert isinstance(result, Statement)
    return result

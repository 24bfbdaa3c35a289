"""Issue 21, round 4: providers outside the EEA that real statements of Finnish shops name and ``providers.json``
lacked (Mixpanel, Sentry, Calendly, Dropbox, Slack, Etsy, eBay, Discogs, Adobe, X Corp, ActiveCampaign).

A statement that names one of them as a recipient and says nothing about transfers is asked where the data goes
(RK-TRANSFERS-SILENT), one that says there are no transfers is asked about that provider (RK-TRANSFERS-INCOMPLETE);
a provider inside the EEA is not; and the English words that resemble the new names ("slack", "sentry", "adobe",
"functional software", "an active campaign") in ordinary prose are no provider.
"""

from __future__ import annotations

import pytest

from rekisterikit import loads
from rekisterikit.validate import data, validate
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

_ORDERS = ('\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\nkind = "order"\n'
           'legal_basis = "contract"\n')


def _statement(recipient: str, *, description: str | None = None, transfers: str | None = None,
               cookie_text: str | None = None) -> str:
    """One register with one processor and no country, optionally a transfers line and a cookie policy text."""
    fields = f'name = "{recipient}", role = "processor"'
    if description is not None:
        fields += f', description = "{description}"'
    lines = [f"recipients = [{{ {fields} }}]"]
    if transfers is not None:
        lines.append(f"transfers = {transfers}")
    text = CONTROLLER + REGISTER.rstrip("\n") + "\n" + "\n".join(lines) + "\n" + _ORDERS
    if cookie_text is not None:
        text += f'\n[cookie_policy]\ntext = "{cookie_text}"\n'
    return text


def _hits(rule_id: str, text: str) -> list[tuple[str, str]]:
    report = validate(loads(text), select=[rule_id])
    return [(f.path, f.message.en or "") for f in report.findings if f.rule == rule_id]


#: The recipient as a shop names it, and the provider group it belongs to in ``providers.json``.
_NEW = [
    ("Mixpanel, Inc.", "Mixpanel"),
    ("Functional Software, Inc. (Sentry)", "Sentry (Functional Software)"),
    ("sentry.io", "Sentry (Functional Software)"),
    ("Calendly LLC", "Calendly"),
    ("Dropbox, Inc.", "Dropbox"),
    ("Slack Technologies, LLC", "Salesforce (Slack)"),
    ("Etsy Ireland UC", "Etsy"),
    ("eBay GmbH", "eBay"),
    ("Zink Media, LLC (Discogs)", "Discogs (Zink Media)"),
    ("Discogs-kauppapaikka", "Discogs (Zink Media)"),
    ("Adobe Inc.", "Adobe"),
    ("Adobe Fonts", "Adobe"),
    ("X Corp.", "X (Twitter)"),
    ("ActiveCampaign, LLC", "ActiveCampaign"),
]


@pytest.mark.parametrize(("recipient", "group"), _NEW)
def test_a_new_provider_is_known_by_the_names_shops_use(recipient: str, group: str) -> None:
    _, known = data.providers()
    assert [p.name for p in known if p.named_in(recipient)] == [group]
    assert next(p for p in known if p.name == group).country == "US"


@pytest.mark.parametrize(("recipient", "group"), _NEW)
def test_a_new_provider_named_with_no_word_on_transfers_is_asked_where_data_goes(recipient: str, group: str) -> None:
    hits = _hits("RK-TRANSFERS-SILENT", _statement(recipient))
    assert [path for path, _ in hits] == ["$.registers[0].recipients[0]"]
    assert recipient in hits[0][1]
    assert "(US)" in hits[0][1]


def test_a_new_provider_left_out_of_stated_transfers_is_asked_about() -> None:
    assert [p for p, _ in _hits("RK-TRANSFERS-INCOMPLETE", _statement("Dropbox, Inc.", transfers="[]"))] == [
        "$.registers[0].recipients[0]"]
    stated = '[{ country = "US", recipients = ["Dropbox, Inc."], mechanism = "dpf", dpf_certified = true }]'
    assert _hits("RK-TRANSFERS-INCOMPLETE", _statement("Dropbox, Inc.", transfers=stated)) == []
    assert _hits("RK-TRANSFERS-SILENT", _statement("Dropbox, Inc.", transfers=stated)) == []


@pytest.mark.parametrize("recipient", ["Hotjar Ltd", "Trustpilot A/S", "Typeform SL", "Posti Oy", "Paytrail Oyj"])
def test_a_provider_inside_the_eea_is_not_asked_about_transfers(recipient: str) -> None:
    assert _hits("RK-TRANSFERS-SILENT", _statement(recipient)) == []
    _, known = data.providers()
    assert [p.name for p in known if p.named_in(recipient)] == []


_PROSE = ("Vartioinnista huolehtii sentry-vuoro; we never slack on security, our shop sells adobe bricks, keeps its "
          "functional software up to date and runs an active campaign for the summer; etsimme ja etsitään tilauksia.")


def test_words_that_resemble_the_new_names_in_prose_are_no_provider() -> None:
    _, known = data.providers()
    assert [p.name for p in known if p.named_in(_PROSE)] == []
    # In a recipient's description, and in the cookie policy text that is read when no cookie is declared.
    assert _hits("RK-TRANSFERS-SILENT", _statement("Vartiointi Oy", description=_PROSE, cookie_text=_PROSE)) == []


@pytest.mark.parametrize("description", ["Viestimme asiakkaan kanssa Slack Technologies -palvelussa.",
                                         "Kävijäseuranta Adobe Analytics -palvelulla.",
                                         "Virheiden seuranta: sentry.io.",
                                         "Ajanvaraus Calendlyn kautta (Calendly LLC)."])
def test_the_company_names_in_a_description_are_still_found(description: str) -> None:
    hits = _hits("RK-TRANSFERS-SILENT", _statement("Palveluntarjoaja", description=description))
    assert [path for path, _ in hits] == ["$.registers[0].recipients[0]"]


def test_a_mixpanel_cookie_is_known_by_its_name() -> None:
    _, known = data.providers()
    mixpanel = next(p for p in known if p.name == "Mixpanel")
    assert mixpanel.sets_cookie("mp_0123abcd_mixpanel")
    assert not mixpanel.sets_cookie("mp_session")
    assert [p.name for p in known if p.sets_cookie("mp_0123abcd_mixpanel")] == ["Mixpanel"]

"""The shop's own consent banner texts (``[consent.texts.<lang>]``): the reject option and the purposes stay.

GDPR 4(11) and 7(2) ask for a consent that is informed and requested in clear, distinguishable words; 7(3) makes
withdrawing as easy as giving; in the EDPB cookie banner taskforce report (adopted 17 January 2023) the vast
majority of the authorities held that a banner offering "accept" without a "reject" option on the same layer
gives no valid consent. An override that empties the reject button's text, makes it read like "accept" or
"settings", or empties a category's purpose would take that away — rekisterikit's banner falls back to its own text
in those cases, but the statement file should say what the shop means.
"""

from __future__ import annotations

from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import BannerTexts, LocalizedText
from rekisterikit.validate.context import Context, text
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER

_COOKIES = '''
[[cookies]]
name = "_ga"
provider = "Google Ireland Limited"
category = "statistics"
purpose = "Kävijätilastot"
duration = "P2Y"
legal_basis = "consent"
'''

_EMPTY = text("on tyhjä", "är tom", "is empty")
_PURPOSES = (("preferences", text("asetukset-luokan käyttötarkoitus", "ändamålet för kategorin inställningar",
                                  "the purpose of the preferences category")),
             ("statistics", text("tilastot-luokan käyttötarkoitus", "ändamålet för kategorin statistik",
                                 "the purpose of the statistics category")),
             ("marketing", text("markkinointi-luokan käyttötarkoitus", "ändamålet för kategorin marknadsföring",
                                "the purpose of the marketing category")))
_REJECT = text("”hylkää kaikki” -painikkeen teksti", "texten på knappen ”avvisa alla”",
               "the “reject all” button's text")
_INTRO = text("johdanto", "inledningen", "the introduction")


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


def _problems(texts: BannerTexts) -> Iterator[tuple[str, LocalizedText, LocalizedText]]:
    if texts.reject_all is not None and not texts.reject_all.strip():
        yield "reject_all", _REJECT, _EMPTY
    elif _same(texts.reject_all, texts.accept_all):
        yield "reject_all", _REJECT, text("on sama kuin hyväksymispainikkeen", "är samma som godkännandeknappens",
                                          "is the same as the accept button's")
    elif _same(texts.reject_all, texts.customize):
        yield "reject_all", _REJECT, text("on sama kuin asetuksia avaavan painikkeen",
                                          "är samma som inställningsknappens", "is the same as the settings toggle's")
    if texts.intro is not None and not texts.intro.strip():
        yield "intro", _INTRO, _EMPTY
    for key, label in _PURPOSES:
        value = getattr(texts, key)
        if value is not None and not value.strip():
            yield key, label, _EMPTY


@rule(
    id="RK-CONSENT-TEXTS", requirement=Requirement.COOKIE_CONSENT, severity=Severity.ERROR,
    article="GDPR 4(11), 7(2), 7(3); 917/2014 205 §",
    title="The shop's banner texts keep the reject option and the purposes",
    message=msg(
        fi="Evästebannerin omissa teksteissä {item} {problem}: hylkäämisen on oltava yhtä helppoa kuin "
           "hyväksymisen, ja käyttötarkoitukset on kerrottava ennen suostumusta.",
        sv="I kakbannerns egna texter: {item} {problem}. Att avvisa ska vara lika lätt som att godkänna, och "
           "ändamålen ska anges före samtycket.",
        en="In the shop's own banner texts, {item} {problem}: rejecting must be as easy as accepting, and the "
           "purposes must be stated before consent is given."),
    trigger="A `[consent.texts.<lang>]` table sets `reject_all` to an empty text or to the same text as "
            "`accept_all` or `customize`, or sets `intro` or a category's purpose to an empty text.",
    fix="Remove the key to use rekisterikit's text, or write a clear refusal (\"Hylkää kaikki\") and the purpose.",
    example=CONTROLLER + _COOKIES + '\n[consent.texts.fi]\nreject_all = ""\n',
    fixed=CONTROLLER + _COOKIES + '\n[consent.texts.fi]\nreject_all = "Kieltäydyn kaikista"\n',
)
def consent_texts(ctx: Context) -> Iterator[Hit]:
    settings = ctx.statement.consent
    if settings is None or settings.texts is None:
        return
    for lang in ("fi", "sv", "en"):
        texts: BannerTexts | None = getattr(settings.texts, lang)
        if texts is None:
            continue
        for key, item, problem in _problems(texts):
            yield Hit(f"$.consent.texts.{lang}.{key}", {"item": item, "problem": problem})

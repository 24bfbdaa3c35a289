"""A shop-written text whose language is not the one it is filed under.

A plain string is taken to be in the statement's default language, and a ``{ fi = …, sv = … }`` table files each
text under a language; a Swedish paragraph written as a plain string of a Finnish statement is then shown to
Finnish readers as Finnish. The language is detected as the free-text linter detects it
(:func:`rekisterikit.lint.language.detect_language`, stop-word scoring), and only on clear evidence: at least
:data:`MIN_EVIDENCE` stop words of the detected language and :data:`MARGIN` times as many as of the language the
text is filed under, so names, addresses and short labels never fire.
"""

from __future__ import annotations

from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import Language, LocalizedText
from rekisterikit.validate.context import Context, text
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER

__all__ = ["MARGIN", "MIN_EVIDENCE", "language_mismatch"]

#: The fewest stop words of the detected language that count as evidence.
MIN_EVIDENCE = 4
#: How many times the filed language's stop words the detected language needs.
MARGIN = 2.0

_LANGUAGES = tuple(Language)
_FIELDS = tuple((lang, lang.value) for lang in _LANGUAGES)

_NAMES = {
    Language.FI: text("suomeksi", "på finska", "in Finnish"),
    Language.SV: text("ruotsiksi", "på svenska", "in Swedish"),
    Language.EN: text("englanniksi", "på engelska", "in English"),
}

_SWEDISH_IN_FINNISH = CONTROLLER + '''
[[registers]]
key = "asiakkaat"
name = "Asiakasrekisteri"

[[registers.purposes]]
key = "tilaukset"
kind = "order"
legal_basis = "contract"
description = "Vi behandlar uppgifterna för att leverera beställningen och för att sköta kundrelationen med dig."
'''


@rule(
    id="RK-LANGUAGE-MISMATCH", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 12(1)", title="A text is in the language it is filed under",
    message=msg(
        fi="Teksti on merkitty kielelle {filed}, mutta se näyttää olevan kirjoitettu {detected}. Lukija saa sen "
           "väärällä kielellä.",
        sv="Texten är angiven {filed}, men den verkar vara skriven {detected}. Läsaren får den på fel språk.",
        en="The text is filed {filed}, but it reads as written {detected}. Readers get it in the wrong language."),
    trigger="A shop-written text has at least 4 stop words of another language and at least twice as many of them "
            "as of the language it is filed under (a plain string is filed under the statement's default "
            "language, the first of `languages`).",
    fix="File the text under its real language (`description = { sv = \"…\" }`), translate it, or, when the "
        "whole statement is in that language, put the language first in `languages`.",
    example=_SWEDISH_IN_FINNISH,
    fixed=_SWEDISH_IN_FINNISH.replace('description = "Vi behandlar', 'description.sv = "Vi behandlar')
    .replace('[controller]', 'languages = ["fi", "sv"]\n\n[controller]', 1)
    + 'description.fi = "Käsittelemme tietoja tilauksen toimittamiseksi ja asiakassuhteen hoitamiseksi."\n',
)
def language_mismatch(ctx: Context) -> Iterator[Hit]:
    # Scores come from the context's one pass over every text (Context.stopword_codes): a differential test holds
    # them to rekisterikit.lint.language.language_scores of each text.
    from rekisterikit.lint.language import MARKS

    first = ctx.variants[1]
    codes: list[bytes] | None = None
    for index, (path, value) in enumerate(ctx.text_values):
        if not isinstance(value, LocalizedText):
            continue
        variant = first[index]
        several = first[index + 1] - variant > 1
        for filed, attribute in _FIELDS:
            content = getattr(value, attribute)
            if content is None:
                continue
            variant += 1
            if content.count(" ") + 1 < MIN_EVIDENCE:  # too few words to hold the evidence needed
                continue
            if codes is None:
                codes = ctx.stopword_codes
            code = codes[variant - 1]
            if len(code) < MIN_EVIDENCE:  # fewer stop words than the evidence needed, of all languages together
                continue
            own = code.count(MARKS[_LANGUAGES.index(filed)])
            other = len(code) - own  # no other language scores more than all of them together
            if other < MIN_EVIDENCE or other < own * MARGIN:
                continue
            scores = [code.count(mark) for mark in MARKS]
            best = max(scores)
            detected = _LANGUAGES[scores.index(best)]  # the first of equals, in Language order
            if detected is filed or best < MIN_EVIDENCE or best < scores[_LANGUAGES.index(filed)] * MARGIN:
                continue
            yield Hit(f"{path}.{filed.value}" if several else path,
                      {"filed": _NAMES[filed], "detected": _NAMES[detected]})

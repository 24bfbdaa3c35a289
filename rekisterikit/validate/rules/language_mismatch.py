"""A shop-written text whose language is not the one it is filed under.

A plain string is taken to be in the statement's default language, and a ``{ fi = …, sv = … }`` table files each
text under a language; a Swedish paragraph written as a plain string of a Finnish statement is then shown to
Finnish readers as Finnish. The language is detected as the free-text linter detects it
(:func:`rekisterikit.lint.language.detect_language`, stop-word scoring), and only on clear evidence: at least
:data:`MIN_EVIDENCE` stop words of the detected language and :data:`MARGIN` times as many as of the language the
text is filed under, so names, addresses and short labels never fire.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import Language
from rekisterikit.validate.context import Context, text
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER

__all__ = ["MARGIN", "MIN_EVIDENCE", "language_mismatch"]

#: The fewest stop words of the detected language that count as evidence.
MIN_EVIDENCE = 4
#: How many times the filed language's stop words the detected language needs.
MARGIN = 2.0

_LANGUAGES = tuple(Language)

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
    # them to rekisterikit.lint.language.language_scores of each text. The tests below only rule texts out, cheapest
    # first; a text that passes them all is judged as before.
    from rekisterikit.lint.language import MARKS

    originals, first = ctx.variants
    filed_as = ctx.filed
    if max(filed_as, default=-1) < 0:  # no LocalizedText at all
        return
    paths = ctx.text_values
    for variant, code in enumerate(ctx.stopword_codes):
        if len(code) < MIN_EVIDENCE:  # fewer stop words than the evidence needed, of all languages together
            continue
        filed_index = filed_as[variant]
        if filed_index < 0:  # a plain string is filed under no language here
            continue
        own = code.count(MARKS[filed_index])
        other = len(code) - own  # no other language scores more than all of them together
        if other < MIN_EVIDENCE or other < own * MARGIN:
            continue
        if originals[variant].count(" ") + 1 < MIN_EVIDENCE:  # too few words to hold the evidence needed
            continue
        scores = [code.count(mark) for mark in MARKS]
        best = max(scores)
        detected = _LANGUAGES[scores.index(best)]  # the first of equals, in Language order
        filed = _LANGUAGES[filed_index]
        if detected is filed or best < MIN_EVIDENCE or best < scores[filed_index] * MARGIN:
            continue
        index = bisect_right(first, variant) - 1
        path = paths[index][0]
        yield Hit(f"{path}.{filed.value}" if first[index + 1] - first[index] > 1 else path,
                  {"filed": _NAMES[filed], "detected": _NAMES[detected]})

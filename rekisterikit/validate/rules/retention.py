"""Retention periods (GDPR 13(2)(a), 14(2)(a), 5(1)(e)) and the accounting minimums of Kirjanpitolaki 1336/1997."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import LegalBasis, PurposeKind, Register, Retention, RetentionStart
from rekisterikit.validate.context import Context, RegisterRef
from rekisterikit.validate.needles import search
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER
from rekisterikit.validate.rules.bases import unpurposed_categories

_ORDERS = '\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\nlegal_basis = "contract"\n'
_ACCOUNTING = ('\n[[registers.purposes]]\nkey = "kirjanpito"\ndescription = "Kirjanpito"\nkind = "accounting"\n'
               'legal_basis = "legal_obligation"\nlegal_obligation = "Kirjanpitolaki 1336/1997"\n')
_MARKETING_PURPOSE = ('\n[[registers.purposes]]\nkey = "markkinointi"\ndescription = "Uutiskirje"\n'
                      'kind = "newsletter"\nlegal_basis = "consent"\n')

#: "As long as necessary" in its inflections: up to three words between the conjunction and the adjective cover
#: the plural and the subject ("niin kauan kuin ne ovat tarpeellisia", "så länge de behövs", "as long as they are
#: needed").
_VAGUE = re.compile(
    # Finnish puts the point of view before the adjective: "niin kauan kuin se on leiritoiminnan kannalta
    # tarpeellista", "kuin ne ovat liiketoimintamme kannalta tarpeellisia" (issue 21, round 7, hold-out J), or a
    # purpose in the translative: "niin kauan kuin se on asiakassuhteen hoitamiseksi tarpeellista" (round 9,
    # hold-out L), which says for what, not how long.
    r"\b(?:niin kauan kuin (?:\w+ ){0,3}(?:(?:\w+ ){1,3}(?:kannalta|vuoksi|varten|osalta|\w+miseksi) )?"
    r"(?:tarpee(?:n|llis\w*|llinen)|välttämät\w*|tarvitaan|tarvitse\w*)|"
    r"tarpeen mukaan|tarvittavan ajan|tarpeellisen ajan|toistaiseksi|"
    # "until it is no longer needed" names no event either (issue 21, hold-outs D and E: "kun niitä ei enää
    # tarvita", "när de inte längre behövs", "for as long as I need them").
    r"(?:kun|kunnes) (?:\w+ ){0,3}(?:ei|eivät) (?:\w+ )?enää (?:\w+ )?(?:tarvita|tarvitse\w*|tarpee\w*|"
    r"välttämät\w*)|"
    r"så länge (?:\w+ ){0,3}(?:nödvändig\w*|behövs|behöver|erforderlig\w*)|tills vidare|"
    r"(?:när|tills|då) (?:\w+ ){0,3}inte längre (?:\w+ )?(?:behövs|behöver\w*|är nödvändig\w*|nödvändig\w*)|"
    r"as long as (?:\w+ ){0,3}(?:necessary|needed|required|needs?)|for as long as necessary|indefinitely|"
    r"(?:when|until|once) (?:\w+ ){0,3}(?:no longer|not) (?:\w+ )?(?:needed|necessary|required))\b",
    re.IGNORECASE)
#: "A reasonable time" leaves the length to the controller's judgement as "as long as necessary" does (issue 21,
#: round 11, hold-outs N and O: "säilytetään kohtuullisen ajan mahdollisten tiedustelujen varalta", "poistetaan
#: kohtuullisen ajan kuluttua tilin sulkemisesta"), with its Swedish and English forms. Read only where one of
#: :data:`_REASONABLE_WORDS` occurs in the lower-cased text (an alternative of :data:`_VAGUE` cost about 40 us on
#: the benchmark statement's criteria).
_REASONABLE = re.compile(
    r"\b(?:kohtuullise[nk]s?i? aja[nk]s?i?|kohtuullinen aika|(?:inom|efter|under) (?:en )?(?:skälig|rimlig) tid|"
    r"(?:for|after|within) a reasonable (?:time|period))\b")
_REASONABLE_WORDS = ("kohtuulli", "skälig", "rimlig", "reasonable")
#: A maximum stated beside the open wording ("kun niitä ei enää tarvita, kuitenkin enintään kaksi vuotta", "at
#: the latest after 24 months"): the data subject then knows the longest time, a concrete criterion.
_MAXIMUM = re.compile(
    r"\b(?:enintään|viimeistään|korkeintaan|kuitenkin|enimmäis\w*|enimmillään|högst|senast|längst|maximalt|"
    # "no later than", "no more than", "in any case within", "(max. 2 years)", "the maximum period is" (issue 21,
    # false-alarm hunt: the maximum said in other words)
    r"at the latest|at most|no longer than|no later than|no more than|not more than|a maximum of|maximum|max|"
    r"up to|within)\b\.?[^.;]{0,30}?\b(?:vuo\w*|kuukau\w*|viiko\w*|päiv\w*|år\w*|månad\w*|veck\w*|dag\w*|"
    r"years?|months?|weeks?|days?)\b",
    re.IGNORECASE)
#: Kept "when needed" ("Tallenteita säilytetään tarvittaessa", "sparas vid behov", "kept as needed"): neither a
#: period nor an event the data subject can apply. Read only where the criteria give no unit of time (a period
#: "tarvittaessa pidempään" is extended, not missing).
_WHEN_NEEDED = re.compile(
    r"\b(?:tarvittaessa|tarpeen vaatiessa|tarpeen tullen|vid behov|när det behövs|om det behövs|"
    r"as needed|when needed|if needed|where needed|as necessary|where necessary|if necessary|when necessary|"
    r"as required)\b", re.IGNORECASE)


#: "As long as the law requires", naming no law ("lain edellyttämän ajan", "så länge lagen kräver", "for the period
#: required by law"). "kirjanpitolain edellyttämän ajan" names its law and is not matched (the law must stand alone).
_AS_LAW_REQUIRES = re.compile(
    r"(?<![\w-])(?:lain|lainsäädännön|lakien|lakisääteisen) (?:\w+ )?(?:edellyttämän|vaatiman|määräämän|"
    r"mukaisen|sallimaan)? ?ajan|(?<![\w-])lakisääteis\w* säilytysaja\w*|"
    r"(?:så länge|den tid) (?:som )?lag(?:en|stiftningen)? (?:kräver|föreskriver)|enligt lag(?:stiftningen)?\b|"
    r"(?:as long as|for the period|for as long as) (?:is )?(?:required|permitted) by (?:applicable )?law|"
    r"(?:as|where) required by (?:applicable )?law", re.IGNORECASE)
#: A law named in the same words: an act's number or a named act (kirjanpitolaki, bokföringslagen, Accounting Act).
_NAMED_LAW = re.compile(r"\d+/\d{4}|\w+lai?n\b|\w+lag(?:en)?\b|\w+ act\b", re.IGNORECASE)


def _reasonable(text_: str) -> bool:
    """Whether the criteria keep the data for "a reasonable time" (:data:`_REASONABLE`)."""
    low = text_.lower()
    return any(w in low for w in _REASONABLE_WORDS) and _REASONABLE.search(low) is not None


def _speaks_of_law(text_: str) -> bool:
    """A cheap test before :data:`_AS_LAW_REQUIRES`: every match holds one of these letters' runs."""
    low = text_.lower()
    return "lai" in low or "lak" in low or "lag" in low or "law" in low


#: Events that end the processing's basis: a rule that names one of them and no period keeps the data until it
#: (until consent is withdrawn, until the data subject objects), a criterion the data subject controls.
_UNTIL_EVENTS = (RetentionStart.CONSENT_WITHDRAWAL, RetentionStart.OBJECTION)


def _has_content(r: Retention) -> bool:
    return r.period is not None or r.criteria is not None or r.start in _UNTIL_EVENTS


@rule(
    id="RK-RETENTION", requirement=Requirement.RETENTION, severity=Severity.ERROR,
    article="GDPR 13(2)(a), 14(2)(a)", title="A retention period or criteria for every purpose",
    message=msg(
        fi='Säilytysaika tai sen määrittämisperusteet puuttuvat tarkoitukselta "{purpose}".',
        sv='Lagringstiden eller kriterierna för att fastställa den saknas för ändamålet "{purpose}".',
        en='The retention period, or the criteria used to determine it, is missing for the purpose "{purpose}".'),
    trigger="No `[[registers.retention]]` rule with a `period` or `criteria` covers the purpose (by naming it, one "
            "of its data categories, or nothing, which covers the whole register). A rule whose `start` is "
            "`consent_withdrawal` or `objection` and that has no period keeps the data until that event, which is "
            "a criterion. Only in a register that states no period or criteria at all; a purpose left out beside "
            "others that have one is RK-RETENTION-PURPOSE's (warning).",
    fix="Add a retention rule with a `period` (ISO 8601, e.g. 'P2Y') counted from a `start` event, or concrete "
        "`criteria`.",
    example=CONTROLLER + REGISTER + _ORDERS,
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\npurposes = ["tilaukset"]\nperiod = "P3Y"\n'
          'start = "order"\n',
)
def retention(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        if not _partly_kept(ref.register) and not any(
                _has_content(r) for r in ctx.retention_for(ref.register, ref.purpose)):
            yield Hit(ref.path, {"purpose": ref.purpose.description})


def _partly_kept(register: RegisterRef) -> bool:
    """Whether the register states a period or criteria for some of its data (RK-RETENTION-PURPOSE then reports the
    purposes left without one)."""
    return any(_has_content(r) for r in register.register.retention)


@rule(
    id="RK-RETENTION-PURPOSE", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="GDPR 13(2)(a), 14(2)(a)", title="A retention period or criteria for the purposes left without one",
    message=msg(
        fi='Säilytysaika tai sen määrittämisperusteet puuttuvat tarkoitukselta "{purpose}", vaikka muille '
           'tiedoille ne on kerrottu.',
        sv='Lagringstiden eller kriterierna för att fastställa den saknas för ändamålet "{purpose}", fast de anges '
           'för andra uppgifter.',
        en='The retention period, or the criteria used to determine it, is missing for the purpose "{purpose}", '
           'though it is given for other data.'),
    trigger="As RK-RETENTION, in a register that states a period or criteria for some of its data: the statement "
            "answers 13(2)(a) but leaves this purpose out. A register with no period or criteria at all is "
            "RK-RETENTION's (error).",
    fix="Add a retention rule for the purpose with a `period` counted from a `start` event, or concrete `criteria`.",
    example=CONTROLLER + REGISTER + _ORDERS + _MARKETING_PURPOSE + '\n[[registers.retention]]\npurposes = '
            '["tilaukset"]\nperiod = "P3Y"\nstart = "order"\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + _MARKETING_PURPOSE + '\n[[registers.retention]]\npurposes = '
          '["tilaukset"]\nperiod = "P3Y"\nstart = "order"\n\n[[registers.retention]]\npurposes = ["markkinointi"]\n'
          'criteria = "Kunnes peruutat tilauksen."\n',
)
def retention_purpose(ctx: Context) -> Iterator[Hit]:
    # 13(2)(a) as RK-RETENTION [V, GDPR text]. Issue 21, round 6 (hold-outs H and I, and the readings of every set):
    # a purpose left without a period beside others that have one is read as a warning, a statement with no period
    # at all as an error.
    for ref in ctx.purposes:
        if _partly_kept(ref.register) and not any(
                _has_content(r) for r in ctx.retention_for(ref.register, ref.purpose)):
            yield Hit(ref.path, {"purpose": ref.purpose.description})


_RECORDINGS = (CONTROLLER + REGISTER
               + _ORDERS.replace('"contract"\n', '"contract"\ndata_categories = ["tilaus"]\n')) + '''
[[registers.data_categories]]
key = "tilaus"
name = "Tilaustiedot"

[[registers.data_categories]]
key = "tallenteet"
name = "Kameravalvonnan tallenteet"

[[registers.sources]]
kind = "device"
data_categories = ["tallenteet"]

[[registers.retention]]
purposes = ["tilaukset"]
period = "P3Y"
start = "order"
'''


@rule(
    id="RK-RETENTION-CATEGORY", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="GDPR 13(2)(a), 14(2)(a)", title="Collected data outside every purpose has a retention period too",
    message=msg(
        fi='Tietoja "{category}" kerätään, mutta niille ei ole säilytysaikaa: mikään tarkoitus ei käytä niitä eikä '
           'mikään säilytyssääntö koske niitä.',
        sv='Uppgifterna "{category}" samlas in men har ingen lagringstid: inget ändamål använder dem och ingen '
           'lagringsregel gäller dem.',
        en='The data "{category}" is collected but has no retention period: no purpose uses it and no retention rule '
           'covers it.'),
    trigger="A data category that a source brings in and no purpose uses (while every purpose lists its data "
            "categories) is named by no retention rule with a period or criteria, and no such rule covers the "
            "whole register.",
    fix="Add a retention rule for the category (`data_categories = [\"tallenteet\"]`, e.g. `period = \"P1M\"`), "
        "and the purpose that uses it.",
    example=_RECORDINGS,
    fixed=_RECORDINGS + '\n[[registers.retention]]\ndata_categories = ["tallenteet"]\nperiod = "P1M"\n'
                        'start = "collection"\n',
)
def retention_category(ctx: Context) -> Iterator[Hit]:
    # 13(2)(a) asks the period "for which the personal data will be stored" [V: GDPR text], for every datum, not
    # only those a purpose names. Issue 21, hold-out E: camera recordings among the data and sources, under no
    # purpose and with no period. RK-RETENTION covers the purposes; this, the data outside them. A warning, not
    # an error: the purpose that uses the data may be there with its link to the category left out.
    for reg in ctx.registers:
        for i in unpurposed_categories(reg.register):
            key = reg.register.data_categories[i].key
            if not any(_has_content(r) and (key in r.data_categories or not (r.purposes or r.data_categories))
                       for r in reg.register.retention):
                yield Hit(f"{reg.path}.data_categories[{i}]", {"category": reg.register.data_categories[i].name})


@rule(
    id="RK-RETENTION-VAGUE", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="GDPR 13(2)(a), 5(1)(e); WP260", title="Retention criteria are concrete",
    message=msg(
        fi='Säilytysaika on epämääräinen ("{criteria}"); ilmoita aika tai konkreettiset perusteet, joista '
           'rekisteröity voi päätellä, kuinka kauan hänen tietojaan säilytetään.',
        sv='Lagringstiden är vag ("{criteria}"); ange en tid eller konkreta kriterier som låter den registrerade '
           'förstå hur länge uppgifterna sparas.',
        en='The retention period is vague ("{criteria}"); give a period or concrete criteria that let the data '
           'subject work out how long their data is kept.'),
    trigger="A retention rule has no `period` and its `criteria` say only 'as long as necessary' or similar ('a "
            "reasonable time', \"kohtuullisen ajan\", with no maximum beside it), or 'as "
            "long as the law requires' without naming the law (in the text, `required_by`, `based_on` or "
            "`legal_reference`), or only that the data is kept 'when needed' (\"tarvittaessa\", \"vid behov\", "
            "\"as needed\") with no unit of time and no authority or law beside it.",
    fix="Give a period from an event (e.g. 'P2Y' from `end_of_customer_relationship`), or criteria that name the "
        "event and the length.",
    example=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\n'
            'criteria = "Tietoja säilytetään niin kauan kuin on tarpeen."\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\nperiod = "P2Y"\n'
          'start = "end_of_customer_relationship"\n',
)
def retention_vague(ctx: Context) -> Iterator[Hit]:
    # WP260: "as long as necessary for the legitimate purposes" is not sufficient [M].
    # Issue 21: "as long as the law requires" with no law named gives the data subject nothing to apply either.
    # Issue 21, round 6 (hold-out H): "Tallenteita säilytetään tarvittaessa" names neither the period nor the
    # criteria 13(2)(a) asks for ("the period for which the personal data will be stored, or if that is not
    # possible, the criteria used to determine that period").
    for reg in ctx.registers:
        for i, r in enumerate(reg.register.retention):
            if r.period is None and r.criteria is not None:
                unnamed_law = r.required_by is None and r.based_on is None and r.legal_reference is None
                vague = [t for t in r.criteria.texts()
                         if ((_VAGUE.search(t) or _reasonable(t)) and not _MAXIMUM.search(t))
                         or (_WHEN_NEEDED.search(t) and not _PERIOD_IN_TEXT.search(t)
                             and not _BY_LAW.search(t))
                         or (unnamed_law and _speaks_of_law(t) and _AS_LAW_REQUIRES.search(t)
                             and not _NAMED_LAW.search(t))]
                if vague:
                    yield Hit(f"{reg.path}.retention[{i}]", {"criteria": vague[0].strip()})


#: Keeping without any limit: a verb of keeping, then within the sentence a word for "for ever" ("säilytetään
#: pysyvästi", "arkistoin kuvat pysyvästi", "sparas permanent", "kept permanently", "stored indefinitely" is read by
#: RK-RETENTION-VAGUE). Deleting permanently ("poistetaan pysyvästi", "permanently deleted") is not keeping.
_UNLIMITED = re.compile(
    r"(?:säilyt\w*|säilö\w*|arkistoi\w*|tallenn\w*|pidä\w*|pidetään|spara\w*|sparas|lagra\w*|arkiver\w*|"
    r"behåll\w*|bevara\w*|keep\w*|kept|stor(?:e|ed|es|ing)|retain\w*|archiv\w*|hold\w*)\b"
    r"(?:(?!poist|hävit|tuho|radera|gallra|förstör|delet|eras|destroy)[^.;]){0,60}?"
    r"(?:pysyvästi|pysyvään arkistoon|ikuisesti|rajoittamatta|rajoittamattoman ajan|ilman (?:mitään )?"
    r"(?:aika|määrä)rajaa|määräämättömän ajan|för alltid|för all framtid|utan tidsgräns|"
    r"permanent(?:ly|t)?\b(?! (?:address|adress|residence|resident|bostad|hemvist|home|position|staff|link))|"
    r"(?:på|under) obegränsad tid|forever|for ever|for an unlimited (?:period|time)|without (?:any |a )?time limit)",
    re.IGNORECASE)
#: A piece of the end of every match of :data:`_UNLIMITED`, looked for first in the lower-cased text: most criteria
#: keep data for a period, and the full expression is slow on them (it tries every verb with up to 60 characters
#: after it, case-insensitively).
_UNLIMITED_END = ("pysyv", "ikuisesti", "rajoittamat", "aikaraja", "määräraja", "määräämättömän", "alltid",
                  "all framtid", "tidsgräns", "obegränsad", "permanent", "forever", "for ever", "unlimited",
                  "time limit")
#: Keeping for ever that the law or archiving in the public interest allows, or data no longer personal.
_UNLIMITED_ALLOWED = re.compile(
    # a list of refusals kept so that they are respected (21(3)): "markkinointikiellot säilytetään pysyvästi"
    r"kiel(?:to|lo|ttä|läm)\w*|estolist\w*|spärr\w*|suppression|opt-?outs?\b|do[- ]not[- ]contact|"
    # "for good, until you delete your account": an end event, which the other retention rules judge
    r"(?<!\w)kunnes|siihen asti|(?<!\w)until\b|(?<!\w)tills\b|till dess|"
    r"anonymi\w*|arkistolai\w*|arkivlag\w*|archives act|yleisen edun mukai\w* arkist\w*|allmänintresse\w*|"
    r"public interest|89 art\w*|art(?:icle|\.)? 89|artikla 89|89(?:\(1\))? ?artikla", re.IGNORECASE)


@rule(
    id="RK-RETENTION-UNLIMITED", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="GDPR 5(1)(e), 13(2)(a)", title="Data is not kept for ever",
    message=msg(
        fi='Tiedot säilytetään ilman aikarajaa ("{criteria}"). Henkilötietoja saa säilyttää vain niin kauan kuin '
           'niitä tarvitaan käsittelyn tarkoitukseen: kerro aika tai peruste, jonka jälkeen ne poistetaan. '
           'Pysyvä säilytys sopii vain yleisen edun mukaiseen arkistointiin, tutkimukseen tai tilastointiin tai '
           'lain vaatimana.',
        sv='Uppgifterna sparas utan tidsgräns ("{criteria}"). Personuppgifter får sparas bara så länge de behövs '
           'för ändamålet: ange en tid eller ett kriterium efter vilket de raderas. Att spara för alltid passar '
           'bara arkivändamål av allmänt intresse, forskning eller statistik eller när en lag kräver det.',
        en='The data is kept without any time limit ("{criteria}"). Personal data may be kept only as long as the '
           'purpose needs it: give a period or a criterion after which it is deleted. Keeping it for ever fits only '
           'archiving in the public interest, research or statistics, or a law that requires it.'),
    trigger="A retention rule's `criteria` say the data is kept permanently or for ever (\"säilytetään "
            "pysyvästi\", \"sparas för alltid\", \"kept permanently\"), naming no law that requires it "
            "(`required_by`, `legal_reference`, an archives act) and no archiving in the public interest, and not "
            "of anonymised data or of a list of marketing refusals kept to respect them; permanent deletion is "
            "not read.",
    fix="Give a period after which the data is deleted (for example, pictures five years after the delivery), or "
        "the law that requires keeping it.",
    example=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\n'
            'criteria = "Säilytämme tilaushistorian pysyvästi."\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\nperiod = "P2Y"\nstart = "last_activity"\n',
)
def retention_unlimited(ctx: Context) -> Iterator[Hit]:
    # GDPR 5(1)(e): kept "for no longer than is necessary for the purposes", longer only "solely for archiving
    # purposes in the public interest, scientific or historical research purposes or statistical purposes in
    # accordance with Article 89(1)" [V: the Article's text as quoted on legicrowd.org]. Issue 21, round 5 (hold-out
    # haakuvaus-rautio: a photographer keeps all pictures "pysyvästi arkistossani"; hold-out E's mustekala-ink kept
    # health questionnaires "pysyvästi" and was found only through its other, vague rule). "toistaiseksi", "tills
    # vidare" and "indefinitely" name no end either and are read by RK-RETENTION-VAGUE.
    for reg in ctx.registers:
        for i, r in enumerate(reg.register.retention):
            if r.criteria is None or r.required_by is not None or r.legal_reference is not None:
                continue
            for t in r.criteria.texts():
                low = t.lower()
                if (any(end in low for end in _UNLIMITED_END) and _UNLIMITED.search(t)
                        and not _UNLIMITED_ALLOWED.search(t)):
                    yield Hit(f"{reg.path}.retention[{i}]", {"criteria": t.strip()})
                    break


# Kirjanpitolaki 1336/1997 2 luku 10 §: vouchers (tositteet) at least 6 years from the end of the year in which the
# financial period ended; books and financial statements (kirjanpidot, tilinpäätös) at least 10 years from the end
# of the financial period. Periods [S] (several accountancy sources); the section number is [M].
_VOUCHER_YEARS = 6
_BOOKS_YEARS = 10
_BOOKS = re.compile(r"tilinpäätö|kirjanpido|pääkirj|päiväkirj|bokslut|bokföringar|huvudbok|grundbok|"
                    r"financial statement|ledger|journal", re.IGNORECASE)
_FINANCIAL_PERIOD_START = (RetentionStart.FINANCIAL_PERIOD_END, RetentionStart.END_OF_YEAR_OF_FINANCIAL_PERIOD_END)


def _is_books(r: Retention) -> bool:
    texts = [*(r.criteria.texts() if r.criteria else ()),
             *(x for ref in (r.legal_reference, r.required_by, r.based_on) if ref for x in ref.texts())]
    return any(_BOOKS.search(t) for t in texts)


def _finnish_books(ctx: Context) -> bool:
    """Whether the Finnish Accounting Act binds the controller: one established in Finland (Kirjanpitolaki 1:1
    names Finnish bookkeepers [M]); a seller abroad keeps its books under its own country's law (issue 21,
    hold-out D: a United States maker keeping its sales records seven years from the order, as its tax law
    requires, was reminded of the Finnish starting point)."""
    return ctx.statement.controller.country.code == "FI"


def _accounting_rules(ctx: Context) -> Iterator[tuple[str, Retention]]:
    if not _finnish_books(ctx):
        return
    for ref in ctx.purposes:
        if ref.purpose.kind is not PurposeKind.ACCOUNTING:
            continue
        reg = ref.register
        # By identity, computed once per purpose: comparing attrs objects for equality in the loop was quadratic.
        covering = {id(r) for r in ctx.retention_for(reg, ref.purpose)}
        # Round 10 (issue 21, hold-out M runkopaja-stalberg): an entry that names other purposes only ("build":
        # contact and payment data three years from the order) is no period of the accounting copy when another
        # entry names the accounting purpose itself (vouchers six years under Kirjanpitolaki 2:10): the same
        # categories are kept for each purpose as long as that purpose needs (5(1)(e)).
        key, own = ref.purpose.key, None
        for i, r in enumerate(reg.register.retention):
            if id(r) not in covering or r.period is None:
                continue
            if r.purposes and key not in r.purposes:
                if own is None:  # asked only when an entry names other purposes only
                    own = any(key in x.purposes for x in reg.register.retention if id(x) in covering)
                if own:
                    continue
            yield f"{reg.path}.retention[{i}]", r


@rule(
    id="RK-RETENTION-ACCOUNTING", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="Kirjanpitolaki 1336/1997 2:10", title="Accounting material is kept for the statutory minimum",
    message=msg(
        fi="Kirjanpitoaineiston säilytysaika ({period}) on lakisääteistä lyhyempi: tositteet vähintään 6 vuotta sen "
           "vuoden lopusta, jona tilikausi päättyi, kirjanpidot ja tilinpäätös vähintään 10 vuotta tilikauden "
           "päättymisestä.",
        sv="Lagringstiden för bokföringsmaterialet ({period}) är kortare än lagen kräver: verifikationer minst 6 år "
           "från utgången av det år då räkenskapsperioden löpte ut, bokföringar och bokslut minst 10 år från "
           "räkenskapsperiodens utgång.",
        en="The retention of accounting material ({period}) is shorter than the law requires: vouchers at least "
           "6 years from the end of the year in which the financial period ended, books and financial statements "
           "at least 10 years from the end of the financial period."),
    trigger="A retention period covering an `accounting` purpose is under 6 years (10 years when the rule's text "
            "speaks of books or financial statements), the controller being in Finland. An entry that names only "
            "other purposes (the orders' copy of the payment data, three years) is not the accounting period when "
            "another entry names the accounting purpose itself.",
    fix="Keep vouchers (invoices, receipts) 6 years and books and financial statements 10 years; keep only the "
        "accounting material, not the whole customer register.",
    example=CONTROLLER + REGISTER + _ACCOUNTING + '\n[[registers.retention]]\npurposes = ["kirjanpito"]\n'
            'period = "P3Y"\nstart = "end_of_year_of_financial_period_end"\n',
    fixed=CONTROLLER + REGISTER + _ACCOUNTING + '\n[[registers.retention]]\npurposes = ["kirjanpito"]\n'
          'period = "P6Y"\nstart = "end_of_year_of_financial_period_end"\n',
)
def retention_accounting(ctx: Context) -> Iterator[Hit]:
    seen: set[str] = set()
    for path, r in _accounting_rules(ctx):
        if r.period is None:  # pragma: no cover - _accounting_rules yields only rules with a period
            continue
        minimum = _BOOKS_YEARS if _is_books(r) else _VOUCHER_YEARS
        if path not in seen and r.period.approximate_years < minimum - 1e-9:
            seen.add(path)
            yield Hit(path, {"period": str(r.period)})


@rule(
    id="RK-RETENTION-ACCOUNTING-START", requirement=Requirement.RETENTION, severity=Severity.INFO,
    article="Kirjanpitolaki 1336/1997 2:10", title="Accounting periods run from the financial period",
    message=msg(
        fi="Kirjanpitoaineiston säilytysaika lasketaan tilikauden päättymisestä (kirjanpidot, tilinpäätös) tai sen "
           "vuoden lopusta, jona tilikausi päättyi (tositteet); ilmoitettu laskentahetki voi lyhentää aikaa.",
        sv="Lagringstiden för bokföringsmaterial räknas från räkenskapsperiodens utgång (bokföringar, bokslut) eller "
           "från utgången av det år då räkenskapsperioden löpte ut (verifikationer); den angivna startpunkten kan "
           "förkorta tiden.",
        en="Accounting retention runs from the end of the financial period (books, financial statements) or the end "
           "of the year in which it ended (vouchers); the stated starting point may shorten it."),
    trigger="A retention period covering an `accounting` purpose starts from another event than the end of the "
            "financial period (or of its year), the controller being in Finland.",
    fix="Set `start = \"end_of_year_of_financial_period_end\"` (vouchers) or `\"financial_period_end\"` (books).",
    example=CONTROLLER + REGISTER + _ACCOUNTING + '\n[[registers.retention]]\npurposes = ["kirjanpito"]\n'
            'period = "P6Y"\nstart = "order"\n',
    fixed=CONTROLLER + REGISTER + _ACCOUNTING + '\n[[registers.retention]]\npurposes = ["kirjanpito"]\n'
          'period = "P6Y"\nstart = "end_of_year_of_financial_period_end"\n',
)
def retention_accounting_start(ctx: Context) -> Iterator[Hit]:
    seen: set[str] = set()
    for path, r in _accounting_rules(ctx):
        if path not in seen and r.start is not None and r.start not in _FINANCIAL_PERIOD_START:
            seen.add(path)
            yield Hit(f"{path}.start")


#: Deletion only if the customer asks: no period and no criteria the data subject can apply.
_PERMISSIVE = re.compile(
    r"(?:voidaan|voi|saatetaan) poista\w*[^.;]{0,60}?(?:pyynnöstä|vaatimuksesta|pyytäessä|pyydettäessä)|"
    r"poistetaan\w*[^.;]{0,40}?(?:pyynnöstä|vaatimuksesta)|"
    r"(?:kan|får) (?:raderas|tas bort)[^.;]{0,40}?på [^.;]{0,30}?begäran|raderas på [^.;]{0,30}?begäran|"
    r"(?:may|can|will) be (?:deleted|erased|removed)[^.;]{0,40}?(?:at|on|upon) [^.;]{0,30}?request|"
    r"(?:deleted|erased|removed) (?:at|on|upon) (?:your |the customer'?s? |the data subject'?s? )?request",
    re.IGNORECASE)
#: Kept until someone asks: "kunnes huoltaja pyytää niiden poistamista", "poistetaan, kun asiakas pyytää sitä",
#: "tills du begär radering", "until you ask us to delete it". Withdrawing consent or unsubscribing is not this:
#: it ends the basis, a criterion the data subject can apply.
_ASKS = re.compile(
    r"pyytä\w*|pyydä\w*|pyydetään|begär\b|ber oss\b|ask(?:s|ed)?\b|request(?:s|ed)?\b", re.IGNORECASE)
#: Who asks, when it is not the data subject: an authority or the law.
_BY_LAW = re.compile(r"la[ik]\w*|viranomai\w*|poliisi\w*|myndighet\w*|polis\w*|lag\w*|law\w*|authorit\w*|"
                     r"police|court\w*|tuomioistui\w*|domstol\w*", re.IGNORECASE)
#: The conjunction before it: "until", "when", "if" (up to two words between, e.g. "kunnes huoltaja pyytää").
_UNTIL = re.compile(r"(?:kunnes|kun|jos|tills|när|om|until|when|if|once)(?:\s+\S+){0,2}\s+$", re.IGNORECASE)
#: A period, or a unit of time, in the criteria's own words ("kahden vuoden kuluttua", "vuoden kuluttua", "i tre år",
#: "after a month"): the request then only shortens a period that is given.
_PERIOD_IN_TEXT = re.compile(
    r"(?<!\w)(?:vuo(?:si|den|tta|teen|desta)|vuosi\w*|kuukau\w*|viiko\w*|päivä(?:n|ä|ssä)\b|år(?:et)?|månad\w*|"
    r"veck\w*|dag(?:ar|en)?|years?|months?|weeks?|days?)(?!\w)", re.IGNORECASE)
#: A request to leave a mailing list or end a consent is a withdrawal, which ends the basis: a criterion.
_LIST_OR_CONSENT = re.compile(
    r"uutiskirj\w*|postitusl\w*|markkinoin\w*|suostum\w*|nyhetsbrev\w*|utskick\w*|marknadsför\w*|samtyck\w*|"
    r"newsletter\w*|mailing\w*|marketing|consent\w*", re.IGNORECASE)


def _on_request(text_: str) -> bool:
    """Whether the criteria make deletion wait for a request: the permissive wording, or "until someone asks" with
    no period in the same text."""
    if search(_PERMISSIVE, text_):
        # "poistetaan pyynnöstäsi tai viimeistään 24 kuukauden kuluttua": a maximum beside the request is a period
        # the data subject can apply, which the request only shortens (issue 21, false-alarm hunt)
        return _MAXIMUM.search(text_) is None
    asked = search(_ASKS, text_)
    if asked is None:
        return False
    until = _UNTIL.search(text_, max(0, asked.start() - 40), asked.start())
    if until is not None and _BY_LAW.search(until.group(0)):
        return False  # "jos viranomainen pyytää": an authority's request under the law, not the data subject's
    # A request beside another end ("asiakassuhteen ajan tai kunnes asiakas pyytää") only shortens it: whether that
    # end is defined is the customer-relationship reading's question, not this one.
    return (until is not None and _PERIOD_IN_TEXT.search(text_) is None and _LIST_OR_CONSENT.search(text_) is None
            and search(_RELATIONSHIP, text_) is None)


#: The customer relationship as the measure of retention.
_RELATIONSHIP = re.compile(
    r"asiakassuhte\w* (?:jatkumisen |keston |voimassaolon |olemassaolon )?ajan|asiakkuuden (?:keston |"
    r"voimassaolon )?ajan|asiakassuhteen (?:päättyessä|päätyttyä|päättymiseen|päättymisestä|päättymisen jälkeen)|"
    r"(?:asiakassuhteen|asiakkuuden) (?:kestäessä|jatkuessa|päättymiseen (?:asti|saakka))|"
    r"asiakkuuden (?:päättyessä|päätyttyä|päättymisestä|päättymisen jälkeen)|"
    r"niin kauan kuin (?:olet|olette|henkilö on) (?:asiakkaamme|asiakas|asiakkaana)|"
    r"(?:så länge|medan) (?:kundförhållandet|kundrelationen) (?:varar|pågår|består|fortsätter)|"
    r"under (?:kundförhållandet|kundrelationen)|(?:kundförhållandets|kundrelationens) (?:slut|upphörande)|"
    r"efter att (?:kundförhållandet|kundrelationen) (?:upphört|avslutats|har upphört|har avslutats)|"
    r"så länge (?:du är|ni är) (?:kund|vår kund)|"
    r"(?:for the duration|during|for as long as|as long as|while) (?:of )?(?:the |our |your )?customer relationship|"
    r"(?:for as long as|as long as|while) you (?:are|remain) (?:a|our) customer|"
    r"end of the customer relationship|customer relationship (?:ends|has ended)",
    re.IGNORECASE)
#: Words that define when the customer relationship ends.
_RELATIONSHIP_END = re.compile(
    r"katsotaan päättyneeksi|päättyy,? kun|viimei\w* (?:osto|tilau|kirjautu|yhteydenot|asioin)\w*|"
    r"tilin (?:sulke|poist)\w*|"
    r"anses (?:ha )?(?:upphört|avslutat)|upphör när|senaste (?:köp|beställning|inloggning|kontakt)\w*|"
    r"(?:is deemed|is considered) to (?:have )?end|ends when|last (?:purchase|order|login|contact)|"
    r"account is (?:closed|deleted)", re.IGNORECASE)
#: A text elsewhere in the register (a data category, a purpose) that defines when the customer relationship ends:
#: the relationship named, then within the sentence the event that ends it ("asiakkuus päättyy, kun viimeisestä
#: ostosta on kulunut kaksi vuotta", "kundrelationen anses ha upphört när …", "the customer relationship ends
#: when …").
_RELATIONSHIP_DEFINED = re.compile(
    r"(?:asiakassuh\w*|asiakkuu\w*|kundförhållande\w*|kundrelation\w*|customer relationship)[^.;]{0,40}?"
    r"(?:päättyy|katsotaan päättyneeksi|loppuu|upphör|anses (?:ha )?(?:upphört|avslutat)|avslutas|"
    r"ends|is deemed to (?:have )?end\w*|is considered (?:to have )?end\w*)[^.;]{0,20}?"
    r"(?:kun|jos|när|om|då|when|if|after|\d|kahden|kolmen|två|tre|two|three)",
    re.IGNORECASE)


def _register_defines_end(register: Register) -> bool:
    """Whether a data category or purpose of the register, or any of its retention rules, defines when the
    customer relationship ends (a reader of the whole statement then knows when retention starts to run)."""
    texts: list[str] = []
    for c in register.data_categories:
        texts += [*c.name.texts(), *(c.description.texts() if c.description else ())]
    for p in register.purposes:
        texts += p.description.texts()
    for r in register.retention:
        texts += r.criteria.texts() if r.criteria is not None else ()
    return any(search(_RELATIONSHIP_DEFINED, t) for t in texts)


def _published_by_them(register: Register, r: Retention) -> bool:
    """Whether every purpose the rule covers (named, through a named data category, or the whole register) publishes
    what the data subject wrote, on consent: a review shown until its author asks to remove it stays under their
    control, like a newsletter until they unsubscribe (issue 21, the first hold-out). Internal records (health
    notes kept until the customer asks, tuned statements) are not."""
    if r.purposes:
        covered = [p for p in register.purposes if p.key in r.purposes]
    elif r.data_categories:
        covered = [p for p in register.purposes if set(r.data_categories).intersection(p.data_categories)]
    else:
        covered = list(register.purposes)
    return bool(covered) and all(p.kind is PurposeKind.REVIEWS and p.legal_basis is LegalBasis.CONSENT
                                 for p in covered)


def _permissive(r: Retention) -> bool:
    """Whether the rule, having no period, leaves deletion to the customer's request."""
    return r.period is None and r.criteria is not None and any(_on_request(t) for t in r.criteria.texts())


def _may_relate(text_: str) -> bool:
    """A cheap test before :data:`_RELATIONSHIP`: every match holds one of these letters' runs."""
    low = text_.lower()
    return "asiak" in low or "kund" in low or "customer" in low


#: A stated length of time counted from the end of the customer relationship, in the same sentence ("kaksi vuotta
#: asiakassuhteen päättymisestä", "asiakassuhteen ajan ja kolme vuotta sen jälkeen", "i två år efter att
#: kundrelationen upphört", "for 24 months after the end of the customer relationship").
_COUNTED_AFTER = re.compile(
    r"(?:\d+|yksi|yhden|kaksi|kahden|kolme|kolmen|neljä|neljän|viisi|viiden|kuusi|kuuden|kymmenen|"
    r"ett|en|två|tre|fyra|fem|sex|tio|one|two|three|four|five|six|ten|twelve|eighteen|twenty-four)\s+"
    r"(?:vuo\w*|kuukau\w*|viiko\w*|päiv\w*|år(?:en)?|månad\w*|veck\w*|dag\w*|years?|months?|weeks?|days?)"
    r"[^.;]{0,60}?(?:päätty\w*|päätyt\w*|jälkeen|slut|upphör\w*|avslut\w*|efter|after|end\w*)|"
    r"(?:päättymisestä|päätyttyä|jälkeen|slut|upphört|avslutats|efter|after|end)[^.;]{0,40}?"
    r"(?:\d+|yksi|kaksi|kolme|neljä|viisi|kuusi|ett|en|två|tre|fyra|fem|sex|one|two|three|four|five|six)\s+"
    r"(?:vuo\w*|kuukau\w*|år(?:en)?|månad\w*|years?|months?)",
    re.IGNORECASE)


def _undefined(r: Retention) -> str | None:
    texts = r.criteria.texts() if r.criteria is not None else ()
    if r.period is None:
        for t in texts:
            if _on_request(t):
                return t.strip()
    # Issue 21, round 5 (hold-outs autotalo-kaarna, panimo-havu): a stated period counted from the end of the
    # customer relationship ("P2Y" from `end_of_customer_relationship`, "kaksi vuotta asiakassuhteen
    # päättymisestä") is the period 13(2)(a) asks for, measured from an event of the data subject's own relationship
    # (their last contract, their membership); no reader of the eight sets read one as missing. What stays open is
    # the relationship itself as the measure ("asiakassuhteen ajan"), with no period after it.
    if r.period is not None and r.start is RetentionStart.END_OF_CUSTOMER_RELATIONSHIP:
        return None
    related = next((t for t in texts if _may_relate(t) and search(_RELATIONSHIP, t)), None)
    if related is None and r.start is not RetentionStart.END_OF_CUSTOMER_RELATIONSHIP:
        return None  # neither the relationship nor a request: the end-defining words need not be looked for
    if any(search(_RELATIONSHIP_END, t) for t in texts):
        return None
    if related is not None and _COUNTED_AFTER.search(related):
        return None
    return related.strip() if related is not None else "end_of_customer_relationship"


@rule(
    id="RK-RETENTION-UNDEFINED", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="GDPR 13(2)(a), 5(1)(e); WP260", title="Retention does not hang on a request or an undefined end",
    message=msg(
        fi='Säilytysaika jää avoimeksi ("{criteria}"): tiedot eivät saa odottaa asiakkaan poistopyyntöä, ja jos '
           'aika lasketaan asiakassuhteen päättymisestä, kerro milloin asiakassuhde katsotaan päättyneeksi '
           '(esimerkiksi kaksi vuotta viimeisestä ostosta).',
        sv='Lagringstiden är öppen ("{criteria}"): uppgifterna får inte vänta på att kunden begär radering, och om '
           'tiden räknas från kundförhållandets slut, ange när det anses ha upphört (till exempel två år efter '
           'det senaste köpet).',
        en='The retention period is open-ended ("{criteria}"): data must not wait for the customer to ask for its '
           'deletion, and if the period runs from the end of the customer relationship, say when the relationship '
           'is deemed to end (for example two years after the last purchase).'),
    trigger="A retention rule without a `period` whose `criteria` make deletion depend on the customer's request "
            "(\"voidaan poistaa asiakkaan pyynnöstä\", or, with no period in the same text, \"kunnes huoltaja "
            "pyytää niiden poistamista\", \"tills du begär radering\", \"until you ask us\"; withdrawing consent "
            "or unsubscribing ends the basis and passes, as does the author's request to remove a review they "
            "published on consent), "
            "or a rule that runs for or from the customer relationship "
            "(\"asiakassuhteen ajan\", `start = \"end_of_customer_relationship\"`) without saying when it ends.",
    fix="Give a period from a defined event, e.g. `period = \"P2Y\"` from `last_activity`, or define the end of the "
        "customer relationship in `criteria` (\"…katsotaan päättyneeksi, kun viimeisestä ostosta on kulunut kaksi "
        "vuotta\").",
    example=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\n'
            'criteria = "Tiedot säilytetään asiakassuhteen ajan ja ne voidaan poistaa asiakkaan pyynnöstä."\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.retention]]\nperiod = "P2Y"\nstart = "last_activity"\n'
          'criteria = "Asiakassuhde katsotaan päättyneeksi, kun viimeisestä ostosta on kulunut kaksi vuotta."\n',
)
def retention_undefined(ctx: Context) -> Iterator[Hit]:
    # 13(2)(a) asks for the period "or if that is not possible, the criteria used to determine that period";
    # WP260 wants the data subject able to assess the retention for their data [M]. Seeds 001 ("asiakassuhteen
    # jatkumisen ajan") and 002 ("voidaan poistaa asiakkaan vaatimuksesta tai asiakassuhteen päättyessä").
    # Issue 21: a Swedish "så länge kundrelationen pågår" (hold-out garnboden) was not read, and a relationship
    # defined in a data category ("asiakkuus päättyy, kun viimeisestä ostosta on kulunut kaksi vuotta", hold-out
    # koruhuone-lumo) was not seen: the end may be defined anywhere in the register, not only in the rule's text.
    for reg in ctx.registers:
        defined: bool | None = None
        for i, r in enumerate(reg.register.retention):
            criteria = _undefined(r)
            if criteria is not None and r.period is None and _published_by_them(reg.register, r) and any(
                    _on_request(t) for t in (r.criteria.texts() if r.criteria is not None else ())):
                continue  # the author's request removes what they published: a criterion they control
            if criteria is not None and not _permissive(r):
                if defined is None:
                    defined = _register_defines_end(reg.register)
                if defined:
                    continue
            if criteria is not None:
                yield Hit(f"{reg.path}.retention[{i}]", {"criteria": criteria})


_ACCOUNTING_WORDS = re.compile(r"kirjanpi\w*|1336/1997|bokför\w*|bokslut\w*|accounting|bookkeeping",
                               re.IGNORECASE)


def _mentions_accounting(ctx: Context) -> bool:
    for ref in ctx.purposes:
        p = ref.purpose
        if p.kind is PurposeKind.ACCOUNTING:
            return True
        if p.legal_obligation is not None and any(_ACCOUNTING_WORDS.search(x) for x in p.legal_obligation.texts()):
            return True
    for reg in ctx.registers:
        for r in reg.register.retention:
            texts = [*(r.criteria.texts() if r.criteria else ()),
                     *(x for ref in (r.legal_reference, r.required_by, r.based_on) if ref for x in ref.texts())]
            if any(_ACCOUNTING_WORDS.search(t) for t in texts):
                return True
    return False


@rule(
    id="RK-RETENTION-ACCOUNTING-MISSING", requirement=Requirement.RETENTION, severity=Severity.WARNING,
    article="Kirjanpitolaki 1336/1997 2:10; GDPR 13(1)(c), 13(2)(a)",
    title="A shop that sells keeps accounting records",
    message=msg(
        fi='Verkkokauppa käsittelee tilauksia ("{purpose}"), mutta seloste ei kerro kirjanpitoaineiston '
           'säilyttämisestä: tositteet, kuten laskut ja kuitit, on säilytettävä kirjanpitolain mukaan vähintään '
           'kuusi vuotta. Kerro kirjanpito käsittelyn tarkoituksena ja sen säilytysaika.',
        sv='Webbutiken behandlar beställningar ("{purpose}"), men beskrivningen nämner inte att bokföringsmaterial '
           'sparas: verifikationer som fakturor och kvitton ska enligt bokföringslagen sparas i minst sex år. Ange '
           'bokföringen som ändamål och dess lagringstid.',
        en='The shop processes orders ("{purpose}") but the statement says nothing of keeping accounting records: '
           'vouchers such as invoices and receipts must be kept for at least six years under the Accounting Act. '
           'State accounting as a purpose with its retention period.'),
    trigger="A controller in Finland has a purpose of kind `order`, and no purpose is of kind `accounting` and no "
            "legal obligation or retention rule mentions accounting (kirjanpito, 1336/1997, bokföring).",
    fix="Add an `accounting` purpose on `legal_obligation` (Kirjanpitolaki 1336/1997) and a retention rule of 6 "
        "years from the end of the year in which the financial period ended.",
    example=CONTROLLER + REGISTER + _ORDERS.replace('legal_basis', 'kind = "order"\nlegal_basis'),
    fixed=CONTROLLER + REGISTER + _ORDERS.replace('legal_basis', 'kind = "order"\nlegal_basis') + _ACCOUNTING
          + '\n[[registers.retention]]\npurposes = ["kirjanpito"]\nperiod = "P6Y"\n'
            'start = "end_of_year_of_financial_period_end"\n',
)
def retention_accounting_missing(ctx: Context) -> Iterator[Hit]:
    # Periods [S] (several accountancy sources, e.g. azets.fi, kirjanpitopalvelumiettinen.fi): vouchers 6 years
    # from the end of the year in which the financial period ended; the section number 2:10 is [M].
    if not _finnish_books(ctx) or _mentions_accounting(ctx):
        return
    for ref in ctx.purposes:
        if ref.purpose.kind is PurposeKind.ORDER:
            yield Hit(ref.path, {"purpose": ref.purpose.description})
            return

"""Vague or open-ended wording where Art. 13 and 14 need a closed answer (GDPR 12(1), 13(1)(c)–(e), 14(1)(d); WP260).

The free-text linter has lexicons of hedging words for whole prose statements (``rekisterikit.lint``). A modelled
statement has its answers in fields, so this rule reads only the texts that must give a closed list: what the data
is used for (purposes and the register's description), which data (data categories), who gets it (recipients) and
where it comes from (sources); and the section on changes, for a reservation to change the statement at will.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import LocalizedText, SourceKind
from rekisterikit.validate.context import Context
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

#: Data that "may be transferred" outside the EU/EEA, in one clause: "voidaan siirtää EU:n tai ETA-alueen
#: ulkopuolelle", "kan överföras till länder utanför EU/EES", "may be transferred outside the EU/EEA".
_TRANSFER_HEDGE = re.compile(
    r"(?:voidaan|saatetaan|voivat|voi) (?:myös |tarvittaessa )?siirt\w*[^.;]{0,60}?(?:eu|eta|euroopan)\S* "
    r"(?:\w+ ){0,3}?ulkopuol\w*|"
    r"(?:kan|får|kommer att|kan komma att) (?:även |också )?överföras[^.;]{0,60}?utanför (?:eu|ees|europa)\w*|"
    r"may (?:also )?be transferred[^.;]{0,60}?outside (?:the )?(?:eu|eea|european)\w*")


#: Open-ended lists and hedged processing, matched against lower-cased text (``Context.search_texts``). Every
#: alternative starts with a literal, so the needle prefilter skips the texts where none can start.
_VAGUE = re.compile(
    # an open list: fi, sv, en
    r"esim(?:erkiksi\b|\.)|muun muassa|\bmm\.|\by(?:ms|m)\.|\btms\.|\bjne\.|(?:tai|muut) vastaav\w*|"
    r"kuten (?!(?:tässä|edellä|alla|yllä|jäljempänä|la[ik]\w*|mainit\w*|kerrot\w*|sovit\w*|todet\w*)\b)|"
    r"till exempel|t\.ex\.|bland annat|bl\.a\.|\bosv\.|"
    r"such as|e\.g\.|for example|\betc\.?(?!\w)|"
    # processing that "may" happen, or happens "when needed": fi, sv, en
    r"voidaan (?:myös )?(?:käyttää|luovuttaa|käsitellä|siirtää|jakaa|yhdistää|kerätä|antaa|hyödyntää)|"
    r"saatetaan (?:myös )?\w+|voimme (?:myös )?(?:käyttää|luovuttaa|käsitellä|siirtää|jakaa|yhdistää|kerätä|"
    r"antaa|hyödyntää)|mahdollisesti|tarvittaessa|tyypillisesti|vanligtvis|typically|"
    r"kan (?:komma att|lämnas ut|överföras|delas)|eventuellt|vid behov|"
    r"may (?:also )?(?:be )?(?:include|use|used|disclose|disclosed|share|shared|process|processed|transfer|"
    r"transferred|combine|combined|collect|collected|pass|passed)\b|might|(?:where|if) necessary")
#: The open-list words of :data:`_VAGUE` (a match of it that this matches whole is an open list, not a hedge).
_OPEN_LIST = re.compile(
    r"esim(?:erkiksi|\.)|muun muassa|mm\.|y(?:ms|m)\.|tms\.|jne\.|(?:tai|muut) vastaav\w*|kuten |till exempel|"
    r"t\.ex\.|bland annat|bl\.a\.|osv\.|such as|e\.g\.|for example|etc\.?|may include")
#: Round 10 (issue 21, real statements): wording that leaves the purposes, the data or the ground open, read only in
#: the texts where each is stated (a register's and its purposes' descriptions, a purpose's basis wording), not
#: through the shared search of every text: "ja muihin verkkopalveluun liittyviin tarkoituksiin", "och andra syften
#: som har att göra med våra nättjänster", "and other related purposes"; "varaa oikeuden kerätä … kaikki tai vain
#: osan tiedoista", "förbehåller sig rätten att samla in", "reserves the right to use"; and, in a basis's wording,
#: the repealed Henkilötietolaki's "asiakas- taikka muu vastaava suhde".
_OTHER_PURPOSES = re.compile(r"muihin (?:\w+ ){0,2}tarkoituksiin|muut (?:vastaavat )?tarkoitukset|"
                             r"andra (?:liknande )?(?:syften|ändamål)|övriga (?:\w+ ){0,2}(?:syften|ändamål)|"
                             r"other (?:similar |related )?purposes")
_RESERVED = re.compile(r"(?:varaa|pidättää) (?:itselleen )?oikeuden|förbehåller (?:sig|oss) rätten|"
                       r"reserves? the right")
_RESERVED_USE = re.compile(r"\s+(?:att |to )?(?:kerätä|käsitellä|käyttää|luovuttaa|säilyttää|tallentaa|samla|"
                           r"behandla|använda|lämna|spara|lagra|collect|process|use|disclose|share|store|keep)\b")
_OPEN_GROUND = re.compile(r"\b(?:tai|taikka|muu|muun|muut|muiden|eller|annan|andra|or|other)\s+(?:\w+\s+)?"
                          r"(?:vastaav\w*|liknande|motsvarande|similar|comparable)\b")
_THAN = re.compile(r"\s*,?\s*(?:kuin|än|than)\b")
_DENIED = re.compile(r"\b(?:ei|emme|eivät|eikä|inte|aldrig|ej|not|never|no)\b|n't\b")


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(".", 0, at), text.rfind(";", 0, at), text.rfind("\n", 0, at)) + 1


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(".", at), text.find(";", at), text.find("\n", at)) if i >= 0]
    return min(ends) if ends else len(text)


def _open_ended(text: str, basis: bool) -> str | None:
    """The first wording in ``text`` (lower case) that leaves open the purposes or the data (or, in a basis's
    wording, ``basis``, the ground), or ``None``."""
    # The words each expression needs are looked for first (str.find, in C): most texts hold none.
    if basis:
        found = _OPEN_GROUND.search(text) if any(w in text for w in _GROUND_WORDS) else None
        return None if found is None else found.group(0)
    if any(a in text and b in text for a, b in _OTHER_WORDS):
        for match in _OTHER_PURPOSES.finditer(text):
            if not _THAN.match(text, match.end()) and not _DENIED.search(
                    text, _sentence_start(text, match.start()), match.start()):
                return match.group(0)
    if any(w in text for w in _RESERVED_WORDS):
        for match in _RESERVED.finditer(text):
            if _RESERVED_USE.match(text, match.end()):
                return match.group(0)
    return None


def _open_ended_hits(raw: list[tuple[str, tuple[str, ...]]], words: tuple[str, ...], basis: bool,
                     seen: set[str] | None) -> Iterator[Hit]:
    """The hits of :func:`_open_ended` on the texts ``raw`` (path, texts) that hold one of ``words``."""
    for where, texts in raw:
        if (seen is None or where not in seen) and any(w in t for t in texts for w in words):
            open_ended = _open_ended("\n".join(texts).lower(), basis)
            if open_ended is not None:
                yield Hit(where, {"text": open_ended})


#: Words :func:`_open_ended`'s forms cannot do without, as they are written mid-sentence (lower case).
_OPEN_ENDED_WORDS = ("tarkoituksiin", "tarkoitukset", "syften", "ändamål", "purposes", "oikeuden", "rätten", "right")
_GROUND_WORDS = ("vastaav", "liknande", "motsvarande", "similar", "comparable")
_OTHER_WORDS = (("muihin ", "tarkoituksiin"), ("muut ", "tarkoitukset"), ("andra ", "syften"), ("andra ", "ändamål"),
                ("övriga ", "syften"), ("övriga ", "ändamål"), ("other ", "purposes"))
_RESERVED_WORDS = ("oikeuden", "rätten", "the right")

#: Words of a "when needed" hedge, which recipients that are authorities may use ("luovutetaan tarvittaessa
#: viranomaisille"): the law, not the shop, decides when.
_WHEN_NEEDED = re.compile(r"tarvittaessa|vid behov|(?:where|if) necessary")
_AUTHORITY = re.compile(r"viranomai\w*|myndighet\w*|authorit\w*|poliisi\w*|polis\w*|police|tuomioistui\w*|"
                        r"domstol\w*|court\w*|verohallin\w*|skatteförvaltning\w*|tax administration")
#: A purpose clause states no discretion: "jotta tilaus voidaan toimittaa", "för att vi ska kunna", "so that we may".
#: A "when needed" that qualifies a step of the procedure, not whether data is disclosed: "otamme tarvittaessa
#: yhteyttä", "tarkistamme tarvittaessa", "kontaktar vid behov", "contact you if necessary".
_PROCEDURAL = re.compile(r"yhteyt\w*|tarkist\w*|pyyd\w*|pyydä\w*|päivit\w*|korja\w*|vahvist\w*|muistut\w*|"
                         r"kontakt\w*|kontroll\w*|uppdater\w*|contact\w*|verif\w*|remind\w*|update\w*")
#: Words that make an open list in a purpose leave open which data or which recipients ("esimerkiksi
#: yhteistyökumppaneille", "tiedot kuten …"), not only which activities the purpose covers.
_DATA_OR_RECIPIENTS = re.compile(r"tie(?:to|do|ti)\w*|uppgift\w*|\bdata\b|information|kumppan\w*|partner\w*|"
                                 r"yhteistyö\w*|samarbet\w*|tahoi\w*|tredje\w*|third\w*|kolmansi\w*|"
                                 r"palveluntarjoaj\w*|leverantör\w*|provider\w*|luovut\w*|lämna\w*|disclos\w*")
_PURPOSE_CLAUSE = re.compile(r"(?:jotta|että|för att|så att|so that|in order)\b[^.;:]{0,40}$")
#: An example that gives the reason for a value, not an item of a list: "siivottu pois esimerkiksi vanhentuneen
#: osoitteen vuoksi", "borttagen till exempel på grund av en gammal adress", "removed, for example, because the
#: address is out of date". The clause after the open-list word starts with a reason or ends with a Finnish
#: postposition of reason.
_REASON_AFTER = re.compile(r"[\s,:]*(?:koska|sillä|because|due to|owing to|as a result of|since|eftersom|"
                           r"på grund av|till följd av|då)\b")
_REASON_END = re.compile(r"\b(?:vuoksi|takia|johdosta|syystä|seurauksena|perusteella)\s*$")
#: The means by which the data subject gives the data (channels), not other sources: "esimerkiksi verkkolomakkeella
#: tai puhelimitse", "till exempel via formulär eller e-post", "for example through an online form, e-mail".
_CHANNEL = re.compile(r"[\s,:]*(?:through|via|by|in person|genom|per|kautta)\b|"
                      r"kautta|välityksellä|lomak\w*|sähköpost\w*|puhelim\w*|tapaami\w*|verkkosivu\w*|"
                      r"formulär\w*|e-?post\w*|telefon\w*|möte\w*|form\b|forms\b|e-?mail|phone|meeting\w*")
#: The end of the clause an open-list word is in.
_CLAUSE_END = re.compile(r"[.;:()/\n]")
#: Examples of goods or services offered ("yhteistyökumppaneidemme tuotteita ja palveluita, kuten
#: lemmikkivakuutuksia", "partners' products, such as insurance"): the open list names what is offered, not data or
#: recipients, so a partner word in the sentence does not make it a disclosure.
_GOODS_BEFORE = re.compile(r"\b(?:tuotteita|tuotteet|tuotteiden|palveluita|palveluja|palvelut|palveluiden|"
                           r"palvelujen|tarjouksia|etuja|produkter\w*|tjänster\w*|erbjudanden\w*|förmåner\w*|"
                           r"products|services|offers|benefits)\s*,?\s*$")
#: A data category named and then illustrated in brackets ("terveystiedot (esim. epilepsia, diabetes)", "health
#: conditions affecting safety (e.g. heart disease)"): the category is the closed answer 14(1)(d) asks for and the
#: examples only illustrate it, unless the category itself is left open ("muut tiedot (esim. …)", "other data").
_BRACKET_OPEN = re.compile(r"\(\s*$")
#: A data category of conditions (illnesses, allergies, diets, medication) illustrated by examples of conditions
#: ("sairaudet kuten diabetes tai epilepsia", "allergier och specialkost, till exempel celiaki", "illnesses such as
#: asthma"): the examples are values of the named category, not further data, so nothing 14(1)(d) asks for is left
#: open. Examples that name data fields ("yhteystiedot, esim. nimi ja osoite") still leave the category open.
_CONDITION = re.compile(r"sairau\w*|allergi\w*|ruokavalio\w*|tervey\w*|diagnoo\w*|lääk\w*|sjukdom\w*|kost\b|"
                        r"specialkost\w*|hälso\w*|diagnos\w*|medicin\w*|illness\w*|disease\w*|condition\w*|"
                        r"diet\w*|health\w*|medication\w*")
_DATA_FIELD = re.compile(r"\bnim(?:i|et|ien)\b|osoit\w*|puhelin\w*|sähköpost\w*|syntymä\w*|henkilötun\w*|tunnu\w*|"
                         r"numero\w*|tie(?:to|do|ti)\w*|uppgift\w*|\bnamn\w*|adress\w*|telefon\w*|e-?post\w*|"
                         r"födelse\w*|personbeteckning\w*|nummer\w*|\bnames?\b|address\w*|phone\w*|e-?mail\w*|"
                         r"birth\w*|number\w*|\bdata\b|information|details|\bip\b")
_SENTENCE_END = re.compile(r"[.;\n]")
_OPEN_CATEGORY = re.compile(r"\b(?:muu\w*|muita|övrig\w*|annan|andra|other|various|misc\w*|jne|yms|etc)\b")


def _illustrates_conditions(text_: str, start: int, end: int) -> bool:
    """Whether the open-list word at ``text_[start:end]`` follows, in its sentence, a named category of conditions
    (:data:`_CONDITION`, not "muut …") and is followed by examples that name no data field (:data:`_DATA_FIELD`)."""
    head = text_[max((m.end() for m in _SENTENCE_END.finditer(text_, 0, start)), default=0):start]
    stop = _SENTENCE_END.search(text_, end)
    examples = text_[end:stop.start() if stop is not None else len(text_)]
    return (_CONDITION.search(head) is not None and _OPEN_CATEGORY.search(head) is None
            and _DATA_FIELD.search(examples) is None)


def _explains(text_: str, start: int, end: int, subject_source: bool) -> bool:
    """Whether the open-list word at ``text_[start:end]`` gives the reason for a value (:data:`_REASON_AFTER`,
    :data:`_REASON_END`) or, in a source that is the data subject, the channels through which they give the data
    (:data:`_CHANNEL`): the list the law asks for (data, recipients, purposes, sources) is closed there."""
    stop = _CLAUSE_END.search(text_, end)
    clause = text_[end:stop.start() if stop is not None else len(text_)]
    if _REASON_AFTER.match(clause) or _REASON_END.search(clause):
        return True
    return subject_source and _CHANNEL.search(clause) is not None
#: A reservation to change the statement, unless the same text promises to tell the data subjects.
_RESERVATION = re.compile(r"pidätämme (?:itsellämme )?oikeuden|pidättää (?:itsellään )?oikeuden|"
                          r"förbehåller (?:oss|sig) rätten|(?:we )?reserve the right")
_NOTICE = re.compile(r"ilmoita\w*|kerro\w*|tiedot(?:a|e)\w*|informoi\w*|meddela\w*|informera\w*|notif\w*|"
                     r"inform\w*|tell you|let you know|e-?mail|sähköpost\w*|e-?post\w*")


#: A sentence that disclaims liability (the controller is "not responsible" for what may happen): its hedge is on
#: a mishap, not on the processing.
_DISCLAIMER = re.compile(r"\bei vastaa\b|\bvastuu\w*|\bansvar\w*|not (?:be )?(?:held )?(?:responsible|liable)|"
                         r"\bliabilit\w*")


def _vague_in(text: str, path: str, named: bool = False, subject_source: bool = False) -> str | None:
    """The first hedge in ``text`` (lower case) that is not excused: a purpose clause; "when needed" anywhere but in
    a disclosure (a recipient or a source: "otamme tarvittaessa yhteyttä" in a purpose is how the purpose works,
    "luovutetaan tarvittaessa" leaves open whether data is disclosed), and there to an authority (the law decides),
    to a recipient or from a source the statement names (``named``: who gets what is closed, "when needed" only says
    when, e.g. a debt collector once an invoice is unpaid), or as a step of the procedure ("tarkistamme
    tarvittaessa osoitteen")."""
    disclosure = ".recipients[" in path or ".sources[" in path
    register = path.endswith("].description") and path.count("[") == 1
    for match in _VAGUE.finditer(text):
        if _PURPOSE_CLAUSE.search(text, 0, match.start()):
            continue
        if _DISCLAIMER.search(text, _sentence_start(text, match.start()), _sentence_end(text, match.end())):
            # Issue 21, round 12 (real set 3): "ei vastaa sähköpostiliikenteessä mahdollisesti tapahtuvasta
            # tietojen joutumisesta vääriin käsiin" disclaims liability for a possible mishap; it leaves open no
            # purpose, data, recipient or source.
            continue
        if _OPEN_LIST.fullmatch(match.group(0)) and _explains(text, match.start(), match.end(), subject_source):
            # Issue 21, round 5 (real statements, kesaopisto-ry, tmi-kaarre): "siivottu pois esimerkiksi
            # vanhentuneen osoitteen vuoksi" explains a value, and "from the person, for example through an online
            # form, e-mail" gives the channels of a closed source; neither leaves open a list 13(1)(c)-(e) or
            # 14(1)(d), 14(2)(f) asks for.
            continue
        if (".data_categories[" in path and _OPEN_LIST.fullmatch(match.group(0))
                and _BRACKET_OPEN.search(text, 0, match.start())):
            # Issue 21, round 6 (hold-outs H, I): "Ratsastusturvallisuuteen vaikuttavat terveystiedot (esim.
            # epilepsia, diabetes, allergiat)" names the category and illustrates it; "Muut tiedot (esim. …)" does
            # not name one.
            head = text[max(text.rfind("\n", 0, match.start()), 0):text.rfind("(", 0, match.start())]
            if head.strip() and not _OPEN_CATEGORY.search(head):
                continue
        if (".data_categories[" in path and _OPEN_LIST.fullmatch(match.group(0))
                and _illustrates_conditions(text, match.start(), match.end())):
            # Issue 21, round 7 (hold-outs D and E): "Sairaudet ja allergiat …, esimerkiksi epilepsia, diabetes tai
            # astma", "Allergiat, sairaudet kuten diabetes tai epilepsia" name the category and give examples of it,
            # as the bracketed form above does.
            continue
        if ".purposes[" in path and _OPEN_LIST.fullmatch(match.group(0)) and _GOODS_BEFORE.search(
                text, max(0, match.start() - 40), match.start()):
            # Issue 21, round 6 (hold-out H): examples of the goods or services a marketing purpose offers
            # ("kumppaneidemme tuotteita ja palveluita, kuten lemmikkivakuutuksia") leave no data or recipient open.
            continue
        if register and _OPEN_LIST.fullmatch(match.group(0)):
            continue  # the register's description lists whose data it holds; only its hedges are read
        if ".recipients[" in path and _OPEN_LIST.fullmatch(match.group(0)):
            # Issue 21, round 5 (hold-outs F sopukka, G autotalo-kaarna): "partners such as finance companies" is
            # an incomplete answer on the recipients (13(1)(e)), which the recipient rules report (RK-RECIPIENT-
            # DETAILS, RK-RECIPIENTS-VAGUE) and every reader counted there; a hedge on whether data is disclosed
            # at all ("voidaan luovuttaa") stays a matter of clarity.
            continue
        if ".purposes[" in path and _OPEN_LIST.fullmatch(match.group(0)):
            # Examples of what a purpose covers ("asiakaspalvelu, esimerkiksi palautukset") leave no data or
            # recipient open; examples of the data or of who receives it do.
            start = max(text.rfind(".", 0, match.start()), text.rfind(";", 0, match.start())) + 1
            ends = [i for i in (text.find(".", match.end()), text.find(";", match.end())) if i >= 0]
            if not _DATA_OR_RECIPIENTS.search(text, start, min(ends) if ends else len(text)):
                continue
        if _WHEN_NEEDED.fullmatch(match.group(0)) and (
                not disclosure or named or _AUTHORITY.search(text)
                or _PROCEDURAL.match(text[match.end():].lstrip(" ,"))
                or _PROCEDURAL.search(text[max(0, match.start() - 25):match.start()])):
            continue
        return match.group(0)
    return None


_OWNERS = (".purposes[", ".data_categories[", ".recipients[", ".sources[")
_FIELDS = {".purposes[": (".description",), ".data_categories[": (".name", ".description"),
           ".recipients[": (".category", ".description"), ".sources[": (".name", ".description")}


def _in_places(path: str) -> bool:
    """Whether ``path`` is one of the texts that must give a closed answer: a register's description, a purpose's
    description, a data category's name or description, a recipient's category or description, or a source's name
    or description (string operations: this runs for every hit of the expression in the statement)."""
    if not path.startswith("$.registers["):
        return False
    rest = path[path.index("]") + 1:]
    if rest == ".description":
        return True
    for owner in _OWNERS:
        if rest.startswith(owner):
            tail = rest[rest.index("]") + 1:]
            return tail in _FIELDS[owner]
    return False


def _named(ctx: Context, path: str) -> bool:
    """Whether ``path`` is the text of a recipient or a source the statement names (not a category of them)."""
    for kind in (".recipients[", ".sources["):
        at = path.find(kind)
        if at < 0:
            continue
        try:
            reg = int(path[len("$.registers["):path.index("]")])
            index = int(path[at + len(kind):path.index("]", at)])
            register = ctx.statement.registers[reg]
            entry = (register.recipients or ())[index] if kind == ".recipients[" else register.sources[index]
        except (ValueError, IndexError):
            return False
        return entry.name is not None
    return False


def _subject_source(ctx: Context, path: str) -> bool:
    """Whether ``path`` is the text of a source that is the data subject (``kind = "data_subject"``)."""
    at = path.find(".sources[")
    if at < 0:
        return False
    try:
        reg = int(path[len("$.registers["):path.index("]")])
        source = ctx.statement.registers[reg].sources[int(path[at + len(".sources["):path.index("]", at)])]
    except (ValueError, IndexError):
        return False
    return source.kind is SourceKind.DATA_SUBJECT


_PURPOSE = ('\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "{description}"\nkind = "order"\n'
            'legal_basis = "contract"\n')


@rule(
    id="RK-VAGUE-WORDING", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 12(1), 13(1)(c)–(e), 14(1)(d); WP260", title="No open lists or hedges where a closed answer is due",
    message=msg(
        fi='Epämääräinen tai avoin ilmaus ("{text}"): käsittelyn tarkoitukset, henkilötietoryhmät, vastaanottajat '
           'ja lähteet on kerrottava täsmällisinä luetteloina, ei esimerkkeinä eikä "voidaan"-muodossa. Luettele '
           'kaikki ja kerro, mitä todella tehdään.',
        sv='Vag eller öppen formulering ("{text}"): ändamålen, kategorierna av personuppgifter, mottagarna och '
           'källorna ska anges som uttömmande listor, inte som exempel eller i formen "kan". Räkna upp alla och '
           'säg vad som faktiskt görs.',
        en='Vague or open-ended wording ("{text}"): purposes, categories of personal data, recipients and sources '
           'must be given as complete lists, not as examples or as something that "may" happen. List them all and '
           'say what is actually done.'),
    trigger="A purpose's or register's `description`, a data category's `name` or `description`, a recipient's "
            "`category` or `description`, or a source's `name` or `description` gives an open list (\"esimerkiksi\", "
            "\"muun muassa\", \"mm.\", \"yms.\", \"till exempel\", \"t.ex.\", \"bland annat\", \"such as\", "
            "\"e.g.\", \"etc.\", \"may include\") or hedges the processing (\"tietoja voidaan käyttää\", "
            "\"saatetaan luovuttaa\", \"tyypillisesti\", \"tarvittaessa\", \"kan komma att\", \"vid behov\", "
            "\"typically\", \"we may use\", \"may be shared\"). A hedge inside a purpose clause (\"jotta tilaus "
            "voidaan toimittaa\", \"so that we may\") passes; \"tarvittaessa\" (\"vid behov\", \"where "
            "necessary\") is read only in recipients and sources, where it leaves open whether data is disclosed, "
            "and passes there for an authority (the law decides when), for a recipient or a source the statement "
            "names (\"Perintätoimisto Oy … tarvittaessa\": who gets the data is closed) and for a step of the "
            "procedure (\"tarkistamme tarvittaessa osoitteen\"). In a purpose, an open list is read only when its "
            "sentence is about data or recipients (\"tietoja luovutetaan esimerkiksi kumppaneille\"), not when it "
            "gives examples of what the purpose covers (\"asiakaspalvelu, esimerkiksi palautukset\"). In the "
            "register's own description, which "
            "usually says whose data it holds, only hedges are read, not open lists; in a recipient's category or "
            "description too, where an open list (\"kumppanit, kuten rahoitusyhtiöt\") is an incomplete answer "
            "on the recipients, for the recipient rules. An open-list word that gives the reason for a value "
            "(\"siivottu pois esimerkiksi vanhentuneen osoitteen vuoksi\", \"till exempel på grund av\", \"for "
            "example because\") passes everywhere, and so do examples of the channels through which the data "
            "subject gives the data (\"for example through an online form, e-mail\") in a source of kind "
            "`data_subject`: the list the law asks for is closed there. A data category named and illustrated in "
            "brackets (\"terveystiedot (esim. epilepsia, diabetes)\", \"health conditions (e.g. epilepsy)\") "
            "gives the category (not \"muut tiedot (esim. …)\"), and so does a category of conditions illustrated by "
            "conditions (\"sairaudet kuten diabetes tai epilepsia\", \"allergier, till exempel celiaki\", "
            "\"illnesses such as asthma\"; not when the examples name data fields: \"terveystiedot, kuten nimi "
            "ja syntymäaika\"); examples of the goods or services a purpose "
            "offers (\"kumppaneidemme tuotteita, kuten vakuutuksia\", \"partners' products, such as insurance\") "
            "leave no data or recipient open. Anywhere else (the rights section, the introduction), a sentence that "
            "data \"voidaan siirtää EU:n tai ETA-alueen ulkopuolelle\" (\"kan överföras utanför EU\", \"may be "
            "transferred outside the EU\") is reported once when no transfer with a country is stated. In a "
            "register's or a purpose's description, purposes left open (\"ja muihin verkkopalveluun liittyviin "
            "tarkoituksiin\", \"och andra syften som har att göra med\", \"and other related purposes\"; not "
            "\"other purposes than …\" nor a denied use: \"ei käytetä muihin tarkoituksiin\") and a right "
            "reserved to collect or use data (\"varaa oikeuden kerätä … kaikki tai vain osan\", \"förbehåller "
            "sig rätten att samla in\") are reported; in a purpose's `basis_text`, an open-ended ground (\"asiakas- "
            "taikka muu vastaava suhde\", \"or other similar relationship\"). Purposes left open also in Swedish "
            "with \"övriga\" (\"kan även användas för övriga sakliga ändamål\"). A hedge in a sentence that "
            "disclaims liability (\"ei vastaa … mahdollisesti tapahtuvasta\", \"ansvarar inte för\", \"not "
            "responsible for\") passes: it is about a mishap, not the processing.",
    fix="Replace the examples by the complete list, and 'may' by what is done: 'Tilaustiedot luovutetaan Posti "
        "Oy:lle toimitusta varten' rather than 'Tietoja voidaan luovuttaa yhteistyökumppaneille'.",
    example=CONTROLLER + REGISTER + _PURPOSE.format(
        description="Tilausten käsittely. Tietoja voidaan käyttää myös toiminnan kehittämiseen."),
    fixed=CONTROLLER + REGISTER + _PURPOSE.format(description="Tilausten käsittely, toimitus ja laskutus."),
)
def vague_wording(ctx: Context) -> Iterator[Hit]:
    # GDPR 12(1): information "in a concise, transparent, intelligible and easily accessible form, using clear and
    # plain language" [V, GDPR text]. WP260 rev.01 (Art. 29 WP guidelines on transparency): language qualifiers such
    # as "may", "might", "some", "often" and "possible" should be avoided [S: quoted on mediapost.com and in the
    # research notes; the paragraph number is M]. 13(1)(c)-(e) and 14(1)(d) ask for the purposes, recipients and
    # categories themselves, which an open list does not give. Issue 21: "tietoja voidaan käyttää toiminnan
    # kehittämiseen" (third hold-out) and the tuned pikkuapila ("Tietoja voidaan luovuttaa
    # yhteistyökumppaneillemme") were read as unclear; check had no rule for it.
    values: dict[str, LocalizedText | str] | None = None
    seen: set[str] | None = None
    for path, _ in ctx.search_texts(_VAGUE):  # the shared corpus: most needles are proved absent by its vocabulary
        if not _in_places(path):
            continue
        if values is None:
            values = dict(ctx.text_values)  # the texts by path; only those with a hit are joined and lower-cased
        value = values.get(path)
        joined = "\n".join(value.texts()).lower() if isinstance(value, LocalizedText) else ""
        found = _vague_in(joined, path, _named(ctx, path), _subject_source(ctx, path))
        if found is not None:
            yield Hit(path, {"text": found.strip()})
            (seen := seen or set()).add(path)
    for reg in ctx.registers:
        register = reg.register
        described = [register.description, *(p.description for p in register.purposes)]
        every = "\x00".join([t or "" for v in described if v is not None for t in (v.fi, v.sv, v.en)])
        if any(word in every for word in _OPEN_ENDED_WORDS):  # one look (in C) at all of them: most hold none
            paths = [f"{reg.path}.description", *(f"{reg.path}.purposes[{i}].description"
                                                  for i in range(len(register.purposes)))]
            texts = [v.texts() if v is not None else () for v in described]
            yield from _open_ended_hits(list(zip(paths, texts, strict=True)), _OPEN_ENDED_WORDS, False, seen)
        bases = [(f"{reg.path}.purposes[{i}].basis_text", p.basis_text.texts())
                 for i, p in enumerate(register.purposes) if p.basis_text is not None]
        if bases:
            yield from _open_ended_hits(bases, _GROUND_WORDS, True, seen)

    # Issue 21, round 6 (hold-out I, kampaamo-saksikasi): "Henkilötietoja voidaan siirtää EU:n tai ETA-alueen
    # ulkopuolelle … asiakkaan tätä pyytäessä", a template sentence in the rights section, says neither whether
    # data leaves the EU/EEA nor where, in a statement that states no transfer: a hedge on the very thing 13(1)(f)
    # asks the controller to state.
    if any(t.country is not None for reg in ctx.registers for t in reg.register.transfers or ()):
        return
    for path, hedge in ctx.search_texts(_TRANSFER_HEDGE):
        if not _in_places(path):
            yield Hit(path, {"text": hedge.strip()})
            return


#: Round 12 (issue 21, real statements): a template's blanks left in the published text. A bracketed field name
#: ("[Company Name, Business ID]", "[yrityksen nimi]"; not a link's text, which a "(" follows), a run of X
#: ("XXXX"), and a bracketed question the template asks its user ("laki (mikä)", "(mihin perustuu)", "(vilken
#: lag)", "(which law)").
_PLACEHOLDER = re.compile(r"\[(?:[a-zåäö]+[ ,./-]*){1,6}\](?!\()|xxxx*(?![a-z])|"
                          r"\((?:mikä|mitkä|mihin|mitä|kuka|ketkä|vilken|vilka|vad|which|what)\b[^()]{0,30}\)")
#: What the shared search looks for in every text (its literal is long enough for the word-piece prefilter): a run
#: of X. Brackets are read in the texts of :func:`_template_prose` only: no prefilter answers "[" or "(".
_BLANK_HINT = re.compile(r"xxxx*(?![a-z])")


def _template_prose(ctx: Context) -> Iterator[tuple[str, LocalizedText | None]]:
    """The texts read for a bracketed blank: the statement's title, introduction, changes and rights sections, each
    register's description and its purposes' basis wording, where a template names the shop and
    the law (a statement may hold hundreds of cookie texts, which a template's user does not write)."""
    st = ctx.statement
    yield "$.title", st.title
    yield "$.intro", st.intro
    yield "$.changes", st.changes
    yield "$.rights.text", st.rights.text
    for reg in ctx.registers:
        yield f"{reg.path}.description", reg.register.description
        for i, p in enumerate(reg.register.purposes):
            yield f"{reg.path}.purposes[{i}].basis_text", p.basis_text


def _lower(value: LocalizedText | str) -> str:
    return "\n".join(value.texts()).lower() if isinstance(value, LocalizedText) else value.lower()


@rule(
    id="RK-TEMPLATE-PLACEHOLDER", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 12(1), 5(1)(a)", title="No template blanks left in the published text",
    message=msg(
        fi='Tekstissä on täyttämätön mallipohjan kohta ("{text}"). Rekisteröity ei saa siitä tietoa, jonka kohta '
           'oli tarkoitettu antamaan: kirjoita tilalle oikea tieto tai poista kohta.',
        sv='Texten innehåller ett ifyllnadsfält från en mall ("{text}"). Den registrerade får inte den uppgift '
           'fältet var avsett för: skriv in den riktiga uppgiften eller ta bort fältet.',
        en='The text holds a template blank that was never filled in ("{text}"). The reader does not get the '
           'information it stood for: write the real information in its place or remove it.'),
    trigger="A text holds a run of X (\"XXXX\"), or the title, the introduction, the changes or rights "
            "section, a register's description or a purpose's `basis_text` holds a template's "
            "bracketed blank: a field name in square brackets (\"[Company Name, Business ID]\", \"[yrityksen "
            "nimi]\"; not a link's text followed by its address) or a question to the template's user (\"laki "
            "(mikä)\", \"julkisen tehtävän hoitaminen (mihin perustuu)\", \"(vilken lag)\", \"(which law)\").",
    fix="Fill in every blank of the template with the shop's own information, or delete the sentence.",
    example='intro = "[Yrityksen nimi] käsittelee henkilötietoja tämän selosteen mukaisesti."\n' + CONTROLLER,
    fixed='intro = "Esimerkkikauppa Oy käsittelee henkilötietoja tämän selosteen mukaisesti."\n' + CONTROLLER,
)
def template_placeholder(ctx: Context) -> Iterator[Hit]:
    # GDPR 12(1): the information in "a concise, transparent, intelligible and easily accessible form, using clear
    # and plain language" [V, GDPR text]; 5(1)(a) transparency. A blank a template's user was to fill in tells the
    # reader nothing of what it stood for (the controller, the law, the ground). Issue 21, round 12: real set 3
    # (an introduction naming "[Company Name, Business ID]" for the controller; a list of bases with "laki (mikä)"
    # and "(mihin perustuu)" left as written).
    values: dict[str, LocalizedText | str] | None = None
    seen: set[str] = set()
    for path, _ in ctx.search_texts(_BLANK_HINT):
        if values is None:
            values = dict(ctx.text_values)
        match = _PLACEHOLDER.search(_lower(values[path]))
        if match is not None:
            seen.add(path)
            yield Hit(path, {"text": match.group(0)})
    for path, value in _template_prose(ctx):
        if value is not None and path not in seen:
            match = _PLACEHOLDER.search(_lower(value))
            if match is not None:
                yield Hit(path, {"text": match.group(0)})


_CHANGES = 'changes = "{text}"\n'


@rule(
    id="RK-CHANGES-RESERVATION", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 12(1), 13(3); WP260", title="Changes are announced, not reserved",
    message=msg(
        fi='Muutoksia koskeva kohta varaa oikeuden muuttaa selostetta ("{text}") kertomatta, miten muutoksista '
           'ilmoitetaan. Kerro, miten ja milloin rekisteröidyille ilmoitetaan olennaisista muutoksista.',
        sv='Avsnittet om ändringar förbehåller rätten att ändra beskrivningen ("{text}") utan att säga hur '
           'ändringar meddelas. Ange hur och när de registrerade informeras om väsentliga ändringar.',
        en='The section on changes reserves the right to change the statement ("{text}") without saying how changes '
           'are announced. Say how and when data subjects are told of material changes.'),
    trigger="`changes` reserves the right to change the statement (\"Pidätämme oikeuden muuttaa\", \"Vi förbehåller "
            "oss rätten\", \"We reserve the right\") and says nothing of informing or notifying anyone.",
    fix="Replace the reservation with how changes are announced (e.g. 'Ilmoitamme olennaisista muutoksista "
        "sivustolla ja asiakkaillemme sähköpostitse ennen niiden voimaantuloa').",
    example=_CHANGES.format(text="Pidätämme oikeuden muuttaa tätä selostetta.") + CONTROLLER,
    fixed=_CHANGES.format(text="Ilmoitamme olennaisista muutoksista sähköpostitse ennen niiden voimaantuloa.")
    + CONTROLLER,
)
def changes_reservation(ctx: Context) -> Iterator[Hit]:
    # WP260 rev.01 treats changes to the information as something to communicate to data subjects, not merely to
    # publish [M: paragraph not re-read]; a bare reservation "to change this statement" tells the reader nothing of
    # when they will learn of a change (12(1) clarity; 13(3) for new purposes [V, GDPR text]). Tuned pikkuapila:
    # "Pidätämme oikeuden muuttaa tätä selostetta", read as unclear.
    changes = ctx.statement.changes
    if changes is None:
        return
    for text in changes.texts():
        low = text.lower()
        if "oikeu" not in low and "rätt" not in low and "right" not in low:
            continue  # every reservation names the right: a cheap test before the expression
        reserved = _RESERVATION.search(low)
        if reserved is not None and not _NOTICE.search(low):
            yield Hit("$.changes", {"text": text[reserved.start():reserved.end()]})
            return

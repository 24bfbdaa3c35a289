"""Data-subject rights, withdrawal of consent, complaints and how requests are made (GDPR 12, 13(2)(b)–(d), 15–21)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import (
    LegalBasis,
    Purpose,
    PurposeKind,
    RequestChannel,
    Right,
    SpecialCondition,
)
from rekisterikit.model.parties import FINLAND
from rekisterikit.validate.context import LEGITIMATE_INTEREST_KINDS, Context
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

_ORDERS = '\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\nlegal_basis = "contract"\n'
_MARKETING = ('\n[[registers.purposes]]\nkey = "markkinointi"\ndescription = "Postimarkkinointi asiakkaille"\n'
              'kind = "direct_marketing"\nlegal_basis = "legitimate_interests"\ndirect_marketing = ["post"]\n'
              'legitimate_interest = "Omien tuotteiden markkinointi nykyisille asiakkaille"\n')
_SECURITY = ('\n[[registers.purposes]]\nkey = "tietoturva"\ndescription = "Verkkokaupan tietoturvan valvonta"\n'
             'kind = "security"\nlegal_basis = "legitimate_interests"\n'
             'legitimate_interest = "Verkkokaupan suojaaminen tietomurroilta lokitietojen avulla"\n')


def _rights(*listed: Right, **extra: str) -> str:
    body = "listed = [" + ", ".join(f'"{r.value}"' for r in listed) + "]\n"
    body += "".join(f"{k} = {v}\n" for k, v in extra.items())
    return "\n[rights]\n" + body


_ALL = tuple(Right)
_TITLES = {Right.ACCESS: "right of access", Right.RECTIFICATION: "right to rectification",
           Right.ERASURE: "right to erasure", Right.RESTRICTION: "right to restriction of processing",
           Right.PORTABILITY: "right to data portability", Right.OBJECT: "right to object"}


def _without(right: Right) -> tuple[Right, ...]:
    return tuple(r for r in _ALL if r is not right)


def _always(ctx: Context) -> bool:
    return True


def _portability_applies(ctx: Context) -> bool:
    return bool(ctx.likely_bases() & {LegalBasis.CONSENT, LegalBasis.CONTRACT})


def _right_rule(right: Right, *, fi: str, sv: str, en: str, applies: Callable[[Context], bool] = _always,
                condition: str = "", purposes: str = _ORDERS) -> None:
    article = f"GDPR 13(2)(b), 14(2)(c), {right.article.removeprefix('GDPR ')}"

    def check(ctx: Context) -> Iterator[Hit]:
        if right not in ctx.statement.rights.listed and applies(ctx):
            yield Hit("$.rights.listed")

    check.__name__ = f"right_{right.value}"
    check.__module__ = __name__
    rule(
        id=f"RK-RIGHT-{right.value.upper()}", requirement=Requirement(f"right_{right.value}"),
        severity=Severity.ERROR, article=article, title=f"The {_TITLES[right]} is explained",
        message=msg(fi=fi, sv=sv, en=en),
        trigger=f"`rights.listed` does not include `{right.value}`{condition}.",
        fix=f"Add `\"{right.value}\"` to `rights.listed` and explain how to exercise the right.",
        example=CONTROLLER + REGISTER + purposes + _rights(*_without(right)),
        fixed=CONTROLLER + REGISTER + purposes + _rights(*_ALL),
    )(check)


_right_rule(Right.ACCESS,
            fi="Tieto oikeudesta saada pääsy omiin henkilötietoihin puuttuu.",
            sv="Uppgiften om rätten att få tillgång till sina personuppgifter saknas.",
            en="The right of access to one's personal data is not explained.")
_right_rule(Right.RECTIFICATION,
            fi="Tieto oikeudesta vaatia tietojen oikaisemista puuttuu.",
            sv="Uppgiften om rätten till rättelse saknas.",
            en="The right to rectification is not explained.")
_right_rule(Right.ERASURE,
            fi="Tieto oikeudesta vaatia tietojen poistamista puuttuu.",
            sv="Uppgiften om rätten till radering saknas.",
            en="The right to erasure is not explained.")
_right_rule(Right.RESTRICTION,
            fi="Tieto oikeudesta vaatia käsittelyn rajoittamista puuttuu.",
            sv="Uppgiften om rätten till begränsning av behandling saknas.",
            en="The right to restriction of processing is not explained.")
_right_rule(Right.PORTABILITY,
            fi="Tieto oikeudesta siirtää tiedot järjestelmästä toiseen puuttuu, vaikka käsittely perustuu "
               "suostumukseen tai sopimukseen.",
            sv="Uppgiften om rätten till dataportabilitet saknas, fast behandlingen grundar sig på samtycke eller "
               "avtal.",
            en="The right to data portability is not explained, although processing rests on consent or contract.",
            applies=_portability_applies,
            condition=" and a purpose rests on consent or contract (stated, or evident: orders and accounts are "
                      "contracts, newsletters and tracking cookies need consent)")


def _objectionable(ctx: Context) -> bool:
    return any(ref.purpose.legal_basis in (LegalBasis.PUBLIC_TASK, LegalBasis.LEGITIMATE_INTERESTS)
               and not ctx.is_marketing(ref.purpose) for ref in ctx.purposes)


@rule(
    id="RK-RIGHT-OBJECT", requirement=Requirement.RIGHT_OBJECT, severity=Severity.ERROR,
    article="GDPR 13(2)(b), 14(2)(c), 21(1)", title="The right to object is explained",
    message=msg(
        fi="Tieto oikeudesta vastustaa oikeutettuun etuun tai yleiseen etuun perustuvaa käsittelyä puuttuu.",
        sv="Uppgiften om rätten att invända mot behandling som grundar sig på berättigat intresse eller allmänt "
           "intresse saknas.",
        en="The right to object to processing based on legitimate interests or the public interest is not "
           "explained."),
    trigger="A purpose other than direct marketing rests on `legitimate_interests` or `public_task`, and "
            "`rights.listed` lacks `object`.",
    fix="Add `\"object\"` to `rights.listed`.",
    example=CONTROLLER + REGISTER + _SECURITY + _rights(*_without(Right.OBJECT)),
    fixed=CONTROLLER + REGISTER + _SECURITY + _rights(*_ALL),
)
def right_object(ctx: Context) -> Iterator[Hit]:
    if Right.OBJECT not in ctx.statement.rights.listed and _objectionable(ctx):
        yield Hit("$.rights.listed")


@rule(
    id="RK-RIGHT-OBJECT-LIKELY", requirement=Requirement.RIGHT_OBJECT, severity=Severity.WARNING,
    article="GDPR 13(2)(b), 21(1)", title="The right to object, where purposes normally rest on legitimate interests",
    message=msg(
        fi='Tarkoitukselle "{purpose}" ei ole ilmoitettu oikeusperustetta; jos se perustuu oikeutettuun etuun, '
           'kuten tällainen käsittely yleensä, rekisteröidyllä on oikeus vastustaa sitä, eikä sitä ole kerrottu.',
        sv='Ingen rättslig grund anges för ändamålet "{purpose}"; om det grundar sig på berättigat intresse, som '
           'sådan behandling i regel gör, har den registrerade rätt att invända, och det framgår inte.',
        en='No legal basis is given for the purpose "{purpose}"; if it rests on legitimate interests, as such '
           'processing usually does, data subjects may object to it, and the statement does not say so.'),
    trigger="`rights.listed` lacks `object` and a purpose without a stated basis is of a kind that usually rests "
            "on legitimate interests (analytics, service development, security, fraud prevention, profiling, "
            "advertising, legal claims).",
    fix="State the basis of each purpose; where it is legitimate interests, add `\"object\"` to `rights.listed`.",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "analyysi"\ndescription = "Analysointi"\n'
            'kind = "analytics"\n' + _rights(*_without(Right.OBJECT)),
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "analyysi"\ndescription = "Analysointi"\n'
          'kind = "analytics"\n' + _rights(*_ALL),
)
def right_object_likely(ctx: Context) -> Iterator[Hit]:
    if Right.OBJECT in ctx.statement.rights.listed or _objectionable(ctx):
        return
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is None and p.kind in LEGITIMATE_INTEREST_KINDS and not ctx.is_marketing(p):
            yield Hit(ref.path, {"purpose": p.description})


@rule(
    id="RK-MARKETING-OBJECTION", requirement=Requirement.RIGHT_OBJECT, severity=Severity.ERROR,
    article="GDPR 21(2)–(3)", title="The unconditional right to object to direct marketing",
    message=msg(
        fi='Rekisteröidyllä on ehdoton oikeus vastustaa suoramarkkinointia ("{purpose}") ja siihen liittyvää '
           'profilointia milloin tahansa; kerro tästä oikeudesta.',
        sv='Den registrerade har en ovillkorlig rätt att när som helst invända mot direktmarknadsföring '
           '("{purpose}") och därmed sammanhängande profilering; informera om rätten.',
        en='Data subjects have an unconditional right to object at any time to direct marketing ("{purpose}") and '
           'related profiling; explain this right.'),
    trigger="A direct-marketing purpose exists and `rights.listed` lacks `object`.",
    fix="Add `\"object\"` to `rights.listed`; the renderer states that an objection stops the marketing.",
    example=CONTROLLER + REGISTER + _MARKETING + _rights(*_without(Right.OBJECT)),
    fixed=CONTROLLER + REGISTER + _MARKETING + _rights(*_ALL),
)
def marketing_objection(ctx: Context) -> Iterator[Hit]:
    if Right.OBJECT not in ctx.statement.rights.listed:
        for ref in ctx.marketing:
            yield Hit(ref.path, {"purpose": ref.purpose.description})


@rule(
    id="RK-RIGHT-OBJECT-SEPARATE", requirement=Requirement.RIGHT_OBJECT, severity=Severity.WARNING,
    article="GDPR 21(4)", title="The right to object is shown separately",
    message=msg(
        fi="Vastustamisoikeus on tuotava nimenomaisesti esiin selkeästi ja erillään muista tiedoista.",
        sv="Rätten att invända ska uttryckligen uppmärksammas, klart och tydligt och åtskilt från annan "
           "information.",
        en="The right to object must be explicitly brought to attention, clearly and separately from other "
           "information."),
    trigger="`rights.listed` includes `object` and `rights.objection_separate` is false.",
    fix="Present the objection right in its own section (`objection_separate = true`, the renderer's default).",
    example=CONTROLLER + REGISTER + _MARKETING + _rights(*_ALL, objection_separate="false"),
    fixed=CONTROLLER + REGISTER + _MARKETING + _rights(*_ALL),
)
def right_object_separate(ctx: Context) -> Iterator[Hit]:
    rights = ctx.statement.rights
    if not rights.objection_separate and Right.OBJECT in rights.listed:
        yield Hit("$.rights.objection_separate")


#: The absolute right to object to direct marketing, stated in general (not for one channel): "oikeus vastustaa /
#: kieltää suoramarkkinointi", "invända mot direktmarknadsföring", "object to direct marketing".
_GENERAL_MARKETING_OBJECTION = re.compile(
    r"(?:vastust|kiel(?:tä|to|lo|lä))\w* [^.;]{0,50}?(?:(?:suora)?markkinoin|(?:suora)?mainon)\w*|"
    r"(?:(?:suora)?markkinoin|suoramainon)\w*[^.;]{0,60}?(?:vastust|kiel(?:tä|to|lo|lä))\w*|"
    r"(?:invänd|motsätt|spärr)\w* [^.;]{0,50}?(?:(?:direkt)?marknadsföring|direktreklam)\w*|"
    r"(?:(?:direkt)?marknadsföring|direktreklam)\w*[^.;]{0,60}?(?:invänd|motsätt|spärr|avbeställ)\w*|"
    r"(?:object|opt[- ]out|objection|unsubscribe)\w* [^.;]{0,50}?(?:direct )?marketing|"
    r"(?:direct )?marketing[^.;]{0,60}?(?:object|opt[- ]out|unsubscribe)\w*", re.IGNORECASE)
#: A marketing purpose's own words that the data subject can stop it: "voit kieltää viestit", "peruuttaa",
#: "avbeställa", "unsubscribe", "opt out".
_STOP = re.compile(
    r"kiel(?:tä|to|lo|lä)\w*|peru(?:a|n|ttu|ut|mi)\w*|lopet\w*|vastust\w*|poistu\w* [^.;]{0,20}?list\w*|"
    r"avbeställ\w*|avregistrer\w*|invänd\w*|spärr\w*|säga nej|tacka nej|avsluta\w*|återkall\w*|"
    r"unsubscrib\w*|opt[- ]out|object(?:s|ed|ing|ion)?\b|stop receiving|refuse\w*|withdraw\w*", re.IGNORECASE)


def _purpose_texts(p: Purpose) -> list[str]:
    return [x for v in (p.description, p.provision_consequence, p.legitimate_interest) if v is not None
            for x in v.texts()]


_SMS_AND_PHONE = ('\n[[registers.purposes]]\nkey = "tekstiviestit"\ndescription = "Tarjoukset tekstiviestillä"\n'
                  'kind = "direct_marketing"\nlegal_basis = "legitimate_interests"\ndirect_marketing = ["sms"]\n'
                  'legitimate_interest = "Tarjoukset nykyisille asiakkaille"\n'
                  'provision_consequence = "Voit kieltää viestit milloin tahansa."\n'
                  '\n[[registers.purposes]]\nkey = "puhelin"\ndescription = "Puhelinmarkkinointi"\n'
                  'kind = "direct_marketing"\nlegal_basis = "legitimate_interests"\ndirect_marketing = ["phone"]\n'
                  'legitimate_interest = "Omien tuotteiden markkinointi"\n')


@rule(
    id="RK-MARKETING-OBJECTION-CHANNEL", requirement=Requirement.RIGHT_OBJECT, severity=Severity.WARNING,
    article="GDPR 21(2)–(4)", title="The right to object to direct marketing covers every channel",
    message=msg(
        fi='Oikeus kieltää suoramarkkinointi kerrotaan vain osalle markkinoinnista, ei tarkoitukselle "{purpose}". '
           'Rekisteröity voi vastustaa kaikkea suoramarkkinointia ja siihen liittyvää profilointia milloin tahansa '
           'ja kanavasta riippumatta; kerro se yleisesti tai tämänkin markkinoinnin kohdalla.',
        sv='Rätten att invända mot direktmarknadsföring anges bara för en del av marknadsföringen, inte för ändamålet '
           '"{purpose}". Den registrerade kan när som helst invända mot all direktmarknadsföring och därmed '
           'sammanhängande profilering, oavsett kanal; säg det generellt eller även för denna marknadsföring.',
        en='The right to object to direct marketing is stated only for part of the marketing, not for the purpose '
           '"{purpose}". Data subjects may object at any time to all direct marketing and related profiling, '
           'whatever the channel; say so in general or for this marketing too.'),
    trigger="The statement's published rights wording (`rights.text`) is given and states no general right to "
            "object to direct marketing, one marketing purpose (a direct-marketing or newsletter purpose, or one "
            "with marketing channels, or targeted advertising) says the subject can refuse or stop it, and another "
            "says nothing of the kind. A statement without `object` in `rights.listed` is RK-MARKETING-OBJECTION's.",
    fix="State in the rights section that the data subject may object to (kieltää) direct marketing in any "
        "channel at any time, or say it for each marketing purpose.",
    example=CONTROLLER + REGISTER + _SMS_AND_PHONE + _rights(*_ALL)
            + 'text = "Voit vastustaa käsittelyä henkilökohtaiseen tilanteeseesi liittyvällä perusteella."\n',
    fixed=CONTROLLER + REGISTER + _SMS_AND_PHONE + _rights(*_ALL)
          + 'text = "Voit milloin tahansa kieltää suoramarkkinoinnin kaikissa kanavissa."\n',
)
def marketing_objection_channel(ctx: Context) -> Iterator[Hit]:
    # GDPR 21(2): "the data subject shall have the right to object at any time to processing of personal data
    # concerning him or her for such marketing"; 21(3): the data is then no longer processed for that purpose;
    # 21(4): the right is brought to the subject's attention "at the latest at the time of the first
    # communication" [V, GDPR text]. Whether targeted advertising is "direct marketing" is read here as including
    # it, as the statement's own wording for the ads does not say otherwise [M]. Issue 21: hold-out
    # kalustetalo-tammi lets customers refuse SMS offers but says nothing of the telemarketing.
    # Only the published wording can show the right limited to one channel: without `rights.text` the statement's
    # own rights section (or the renderer's, which states the right for all direct marketing) is not known to be.
    rights = ctx.statement.rights
    if Right.OBJECT not in rights.listed or rights.text is None:
        return
    if any(_GENERAL_MARKETING_OBJECTION.search(t) for t in rights.text.texts()):
        return
    # A purpose on consent is stopped by withdrawing it (13(2)(c)) when the statement says so.
    marketing = [ref for ref in ctx.purposes
                 if (ctx.is_marketing(ref.purpose) or ref.purpose.kind is PurposeKind.ADVERTISING)
                 and not (ref.purpose.legal_basis is LegalBasis.CONSENT and rights.withdraw_consent)]
    stated = {ref.path for ref in marketing if any(_STOP.search(t) for t in _purpose_texts(ref.purpose))}
    if not stated:
        return
    for ref in marketing:
        if ref.path not in stated:
            yield Hit(ref.path, {"purpose": ref.purpose.description})


_CONSENT = ('\n[[registers.purposes]]\nkey = "uutiskirje"\ndescription = "Uutiskirje"\nkind = "newsletter"\n'
            'legal_basis = "consent"\ndirect_marketing = ["email"]\n')


@rule(
    id="RK-WITHDRAW-CONSENT", requirement=Requirement.WITHDRAW_CONSENT, severity=Severity.ERROR,
    article="GDPR 13(2)(c), 14(2)(d), 7(3)", title="The right to withdraw consent is explained",
    message=msg(
        fi="Suostumukseen perustuvan käsittelyn osalta ei kerrota oikeudesta peruuttaa suostumus milloin tahansa.",
        sv="För behandling som grundar sig på samtycke anges inte rätten att när som helst återkalla samtycket.",
        en="For processing based on consent the statement does not explain the right to withdraw consent at any "
           "time."),
    trigger="A purpose rests on consent (or explicit consent), or non-necessary cookies are used and "
            "`cookie_policy.withdraw` is false, and `rights.withdraw_consent` is false, unless every purpose on "
            "consent says in its own words that the consent can be withdrawn (or the service stopped) at any time "
            "and the cookies' consent can be withdrawn too. Also when no basis is valid but consent is the only one "
            "possible: an advertising purpose, or an analytics purpose with a recipient (a third party's "
            "analytics), with no GDPR basis, or a special category used with no 9(2) condition.",
    fix="Set `rights.withdraw_consent = true` and say how to withdraw (as easily as consent was given).",
    example=CONTROLLER + REGISTER + _CONSENT + _rights(*_ALL, withdraw_consent="false"),
    fixed=CONTROLLER + REGISTER + _CONSENT + _rights(*_ALL),
)
def withdraw_consent(ctx: Context) -> Iterator[Hit]:
    if ctx.statement.rights.withdraw_consent:
        return
    if not ctx.relies_on_consent:
        if _evident_consent(ctx):
            yield Hit("$.rights.withdraw_consent")
        return
    # Issue 21 (the first hold-out and hold-out F): Google Analytics with no basis, and a health questionnaire on
    # no valid basis: the statement names no consent, yet consent is the only basis those could have (917/2014
    # 205 §, GDPR 9(2)(a)), and nothing says it can be withdrawn (7(3)).
    # Seed 003 (Kalvokeskus): the only consent asked is for cookies, and the statement tells how to turn them off
    # from the banner and the browser (`cookie_policy.withdraw`). 13(2)(c) is then answered where consent is given;
    # a purpose on consent still needs the right stated. That the cookies are set before any choice (opt-out) is
    # RK-COOKIE-CONSENT's finding; repeating it here as a missing right would count one defect twice.
    consented = [ref for ref in ctx.purposes if ref.purpose.legal_basis is LegalBasis.CONSENT
                 or ref.purpose.special_condition is SpecialCondition.EXPLICIT_CONSENT]
    if not consented and ctx.statement.cookie_policy.withdraw:
        return
    # Issue 21: a purpose that itself says its consent can be withdrawn at any time ("Voit perua uutiskirjeen tilauksen
    # milloin tahansa", "du kan när som helst återkalla", "withdraw your consent at any time") answers 13(2)(c) for
    # that consent where it is asked; only a consent no text speaks of is a gap.
    cookies_open = ctx.uses_consent_cookies and not ctx.statement.cookie_policy.withdraw
    if consented and not cookies_open and all(_withdrawable(ref.purpose) for ref in consented):
        return
    yield Hit("$.rights.withdraw_consent")


def _evident_consent(ctx: Context) -> bool:
    """Whether processing can only rest on consent although the statement names no basis for it: advertising, or
    analytics by a third party (a recipient of the purpose: its cookies), with no valid basis, or a special category
    used with no 9(2) condition (for a shop, explicit consent). Analytics of the shop's own and marketing e-mail to
    customers may rest on legitimate interests (the existing-customer exception), so they are no sign."""
    for reg in ctx.registers:
        for p in reg.register.purposes:
            if p.legal_basis is not None:
                continue
            if p.kind is PurposeKind.ADVERTISING or (p.kind is PurposeKind.ANALYTICS and any(
                    p.key in r.purposes for r in reg.register.recipients or ())):
                return True
    # A special category counts when no purpose that uses it gives a 9(2) condition, as RK-SPECIAL-CATEGORY reads
    # it: one given for the category shows the statement did not rest it on consent by default.
    for reg in ctx.registers:
        for c in reg.register.data_categories:
            if not c.special:
                continue
            users = [p for p in reg.register.purposes if c.key in p.data_categories]
            if users and all(p.special_condition is None for p in users):
                return True
    return False


#: Withdrawing at any time, said in the purpose's own words: a withdrawal verb and "at any time" (or its kin).
#: A link in every message is also at any time ("voit perua suostumuksesi jokaisen viestin linkistä", "via the link
#: in every e-mail"; issue 21, false-alarm hunt).
_ANY_TIME = re.compile(
    r"milloin tahansa|koska tahansa|när som helst|at any time|anytime|"
    r"jokai\w* (?:\w+ )?(?:viesti\w*|sähköposti\w*|uutiskirjee\w*)|"
    r"varje (?:\w+ )?(?:meddelande\w*|utskick\w*|e-?post\w*|e-?mejl\w*|nyhetsbrev\w*)|"
    r"(?:every|each) (?:\w+ )?(?:message|e-?mail|newsletter)s?\b", re.IGNORECASE)


def _withdrawable(p: Purpose) -> bool:
    """Whether the purpose's own texts say its consent can be withdrawn (or the service stopped) at any time."""
    return any(_STOP.search(t) and _ANY_TIME.search(t) for t in _purpose_texts(p))


#: Data categories that record consents or marketing permissions: keeping them shows processing rests on consent.
_CONSENT_RECORDS = re.compile(
    r"lupatie\w*|suostumustie\w*|suostumukse\w*|markkinointilup\w*|lupa(?:a|t)? markkinoin\w*|"
    r"samtycke\w*|marknadsföringstillstånd\w*|tillstånd\w* (?:till|för) marknadsföring|"
    r"consents?\b|consent record\w*|marketing permissions?|permissions? (?:to|for) market\w*|opt-ins?\b",
    re.IGNORECASE)
#: Public name for other rules (direct marketing whose consent shows in a permissions category).
CONSENT_RECORDS = _CONSENT_RECORDS
_PERMISSIONS = '\n[[registers.data_categories]]\nkey = "lupatiedot"\nname = "Lupatiedot"\n'


@rule(
    id="RK-WITHDRAW-CONSENT-RECORDS", requirement=Requirement.WITHDRAW_CONSENT, severity=Severity.WARNING,
    article="GDPR 13(2)(c), 14(2)(d), 7(3)", title="Consent records imply the right to withdraw",
    message=msg(
        fi='Rekisterissä on suostumuksia tai markkinointilupia koskevia tietoja ("{category}"), joten käsittely '
           'perustuu ainakin osin suostumukseen, mutta oikeudesta peruuttaa suostumus milloin tahansa ei kerrota.',
        sv='Registret innehåller uppgifter om samtycken eller marknadsföringstillstånd ("{category}"), så '
           'behandlingen grundar sig åtminstone delvis på samtycke, men rätten att när som helst återkalla '
           'samtycket anges inte.',
        en='The register keeps records of consents or marketing permissions ("{category}"), so some processing '
           'rests on consent, but the right to withdraw consent at any time is not explained.'),
    trigger="A data category's name or description speaks of consents or marketing permissions (\"lupatiedot\", "
            "\"markkinointiluvat\", \"samtycken\", \"marketing permissions\"), `rights.withdraw_consent` is false and "
            "no purpose is on consent (RK-WITHDRAW-CONSENT reports that case).",
    fix="Set `rights.withdraw_consent = true`, say how to withdraw, and put the purposes that rest on consent on "
        "`legal_basis = \"consent\"`.",
    example=CONTROLLER + REGISTER + _ORDERS + _PERMISSIONS + _rights(*_ALL, withdraw_consent="false"),
    fixed=CONTROLLER + REGISTER + _ORDERS + _PERMISSIONS + _rights(*_ALL),
)
def withdraw_consent_records(ctx: Context) -> Iterator[Hit]:
    # Seed 002 (Confetti) lists "Lupatiedot" among its data and never mentions withdrawal.
    if ctx.statement.rights.withdraw_consent or ctx.relies_on_consent:
        return
    for reg in ctx.registers:
        for i, cat in enumerate(reg.register.data_categories):
            texts = [*cat.name.texts(), *(cat.description.texts() if cat.description else ())]
            if any(_CONSENT_RECORDS.search(t) for t in texts):
                yield Hit(f"{reg.path}.data_categories[{i}]", {"category": cat.name})


@rule(
    id="RK-COMPLAINT", requirement=Requirement.COMPLAINT_AUTHORITY, severity=Severity.ERROR,
    article="GDPR 13(2)(d), 14(2)(e), 77", title="The right to complain to the authority is explained",
    message=msg(
        fi="Tieto oikeudesta tehdä valitus valvontaviranomaiselle (Suomessa tietosuojavaltuutettu) puuttuu.",
        sv="Uppgiften om rätten att lämna in klagomål till en tillsynsmyndighet (i Finland dataombudsmannen) "
           "saknas.",
        en="The right to lodge a complaint with a supervisory authority (in Finland the Data Protection Ombudsman) "
           "is not explained."),
    trigger="`rights.complaint` is false.",
    fix="Set `rights.complaint = true`; the renderer adds the Data Protection Ombudsman's contact details.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, complaint="false"),
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL),
)
def complaint(ctx: Context) -> Iterator[Hit]:
    if not ctx.statement.rights.complaint:
        yield Hit("$.rights.complaint")


#: Supervisory authorities outside the EU/EEA that statements written for another market name as the place to
#: complain: the UK's ICO, Switzerland's FDPIC, the privacy commissioners of Canada, Australia and New Zealand, the US
#: FTC.
_NON_EEA_AUTHORITY = re.compile(
    r"information commissioner\w*|\bico\b|ico\.org\.uk|"
    r"federal data protection and information commissioner|\bfdpic\b|\bedöb\b|\bpfpdt\b|"
    r"privacy commissioner|\boaic\b|federal trade commission|\bftc\b|attorney general|"
    r"personal information protection commission|\bpipc\b|\bpdpc\b|\banpd\b|"
    # Türkiye's KVKK (Kişisel Verileri Koruma Kurumu), Russia's Roskomnadzor, Israel's Privacy Protection Authority
    # (issue 21, hold-out E: a complaint sent only to the KVKK in Ankara).
    r"\bkvkk\b|kişisel verileri koruma\w*|roskomnadzor|privacy protection authority", re.IGNORECASE)
#: An authority of the EU/EEA, or the right put in EU terms: the Finnish, Swedish and other national authorities,
#: "a supervisory authority in the Member State where you live", "EU", "ETA".
_EEA_AUTHORITY = re.compile(
    r"tietosuojavaltuutet\w*|dataombudsman\w*|data protection ombudsman|tietosuoja\.fi|"
    r"integritetsskyddsmyndighet\w*|\bimy\b|datatilsyn\w*|datainspektion\w*|persónuvernd|"
    r"data protection commission|\bcnil\b|garante|autoriteit persoonsgegevens|\baepd\b|"
    r"bundesbeauftragte\w* für den datenschutz|\bbfdi\b|landesbeauftragte\w*|datenschutzbehörde|"
    r"asuinmaa\w*|hemvist\w*|habitual residence|where you live|"
    r"country (?:where|in which) you (?:live|reside|work)", re.IGNORECASE)
#: The EU or EEA named in a sentence: an authority "in the EU" only if the same sentence speaks of an authority
#: ("we are outside the EU; complain to the ICO" names no EU authority: issue 21, hold-outs D and E).
_EU_REGION = re.compile(r"jäsenvaltio\w*|medlemsstat\w*|member state|\beu\b|\beea\b|\bety\b|\beta\b|\bees\b|"
                        r"european union|euroopan unioni\w*|europeiska unionen", re.IGNORECASE)
_AUTHORITY_WORD = re.compile(r"viranomai\w*|valvonta\w*|myndighet\w*|tillsyn\w*|authorit\w*|supervis\w*|"
                             r"regulator\w*", re.IGNORECASE)


def _eea_authority_in(text: str) -> bool:
    """Whether ``text`` names an EU/EEA authority, or an authority in a sentence that speaks of the EU/EEA."""
    if _EEA_AUTHORITY.search(text):
        return True
    return any(_EU_REGION.search(sentence) and _AUTHORITY_WORD.search(sentence)
               for sentence in re.split(r"(?<=[.!?;])\s+", text))


@rule(
    id="RK-COMPLAINT-NON-EEA", requirement=Requirement.COMPLAINT_AUTHORITY, severity=Severity.WARNING,
    article="GDPR 13(2)(d), 14(2)(e), 77(1)", title="Complaints go to an EU/EEA supervisory authority",
    message=msg(
        fi='Valitusoikeus osoitetaan vain EU/ETA-alueen ulkopuoliselle viranomaiselle ("{authority}"). Tietosuoja-'
           'asetuksen 77 artiklan mukainen oikeus on tehdä valitus EU/ETA-alueen valvontaviranomaiselle, erityisesti '
           'asuinvaltiossa: Suomessa tietosuojavaltuutetulle (tietosuoja.fi).',
        sv='Klagomål hänvisas bara till en myndighet utanför EU/EES ("{authority}"). Rätten enligt artikel 77 i '
           'dataskyddsförordningen är att klaga hos en tillsynsmyndighet inom EU/EES, särskilt i den stat där man '
           'bor: i Finland hos dataombudsmannen (tietosuoja.fi).',
        en='Complaints are directed only to an authority outside the EU/EEA ("{authority}"). The right under Art. 77 '
           'GDPR is to lodge a complaint with a supervisory authority in the EU/EEA, in particular in the Member '
           'State of one\'s habitual residence: in Finland the Data Protection Ombudsman (tietosuoja.fi).'),
    trigger="`rights.complaint_text` names a supervisory authority outside the EU/EEA (the UK's ICO, the Swiss "
            "FDPIC, a privacy commissioner, the FTC, a US attorney general, Türkiye's KVKK) and no EU/EEA "
            "authority, nor the Member State where the data subject lives. The EU or EEA counts only in a "
            "sentence that speaks of an authority (\"an authority in the EU country where you live\"); \"we are "
            "based outside the EU\" names none.",
    fix="Name the Data Protection Ombudsman (or remove `complaint_text` and let the renderer print its details); "
        "the foreign authority may stay beside it.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL) + 'complaint_text = "You can complain to the '
            'Information Commissioner\'s Office (ico.org.uk)."\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL) + 'complaint_text = "You can complain to the '
          'Data Protection Ombudsman in Finland (tietosuoja.fi) or to the authority of the EU country where you '
          'live."\n',
)
def complaint_non_eea(ctx: Context) -> Iterator[Hit]:
    # GDPR 77(1): "the right to lodge a complaint with a supervisory authority, in particular in the Member State of
    # his or her habitual residence, place of work or place of the alleged infringement" [V, GDPR text on
    # legalviz.eu and gdprhub.eu]; the supervisory authorities are those of Member States (Art. 51), and the EEA
    # Agreement adds Norway, Iceland and Liechtenstein. Tietosuojalaki 8 § makes the Data Protection Ombudsman the
    # Finnish one [M: section number, as RK-COMPLAINT-AUTHORITY]. Issue 21: hold-out highland-yarns sends
    # complaints to the ICO only.
    yield from _complaint_only_to(ctx, _NON_EEA_AUTHORITY, _eea_authority_in)


def _complaint_only_to(ctx: Context, authority: re.Pattern[str], excused: Callable[[str], object]) -> Iterator[Hit]:
    """One hit on ``rights.complaint_text`` when a text names an ``authority`` and no text is ``excused`` (names
    the authority the data subject should be pointed to)."""
    rights = ctx.statement.rights
    if not rights.complaint or rights.complaint_text is None:
        return
    texts = rights.complaint_text.texts()
    if any(excused(t) for t in texts):
        return
    for t in texts:
        match = authority.search(t)
        if match:
            yield Hit("$.rights.complaint_text", {"authority": match.group(0)})
            return


#: The supervisory authority of another EU/EEA state, or Åland's Datainspektionen, named as the place to complain:
#: a clause taken over from a Swedish, Norwegian, Danish or other template ("Integritetsskyddsmyndigheten (IMY)",
#: "Datatilsynet", "CNIL"), or Åland's authority for its public administration.
_OTHER_EEA_AUTHORITY = re.compile(
    r"integritetsskyddsmyndighet\w*|\bimy\b|datatilsyn\w*|datainspektion\w*|data inspectorate|persónuvernd|"
    r"data protection commission|\bcnil\b|garante|autoriteit persoonsgegevens|\baepd\b|"
    r"bundesbeauftragte\w* für den datenschutz|\bbfdi\b|landesbeauftragte\w*|datenschutzbehörde|"
    r"andmekaitse inspektsioon", re.IGNORECASE)
#: The Finnish authority, or the right put so that the data subject's own state counts (the Member State where
#: they live or work, "a supervisory authority in the EU").
_OWN_AUTHORITY = re.compile(
    r"tietosuojavaltuutet\w*|dataombudsman\w*|data protection ombudsman|tietosuoja\.fi|"
    r"asuinmaa\w*|asuinvaltio\w*|hemvist\w*|habitual residence|where you live|bosatt|där du bor|"
    r"country (?:where|in which) you (?:live|reside|work)|jäsenvaltio\w*|medlemsstat\w*|member state",
    re.IGNORECASE)


@rule(
    id="RK-COMPLAINT-OTHER-STATE", requirement=Requirement.COMPLAINT_AUTHORITY, severity=Severity.WARNING,
    article="GDPR 13(2)(d), 14(2)(e), 77(1)", title="Complaints are not sent only to another state's authority",
    message=msg(
        fi='Valitusoikeus osoitetaan vain toisen valtion tai Ahvenanmaan julkishallinnon valvontaviranomaiselle '
           '("{authority}"). Suomalaisen yrityksen asiakkaat voivat tehdä valituksen erityisesti asuin- tai '
           'työskentelyvaltionsa viranomaiselle; Suomessa se on tietosuojavaltuutettu (tietosuoja.fi).',
        sv='Klagomål hänvisas bara till en annan stats eller Ålands offentliga förvaltnings tillsynsmyndighet '
           '("{authority}"). Ett finländskt företags kunder kan klaga särskilt hos myndigheten i den stat där de '
           'bor eller arbetar; i Finland är det dataombudsmannen (tietosuoja.fi).',
        en='Complaints are directed only to the authority of another state, or of Åland\'s public administration '
           '("{authority}"). Customers of a Finnish company may complain in particular in the Member State where '
           'they live or work; in Finland that is the Data Protection Ombudsman (tietosuoja.fi).'),
    trigger="The controller is established in Finland and `rights.complaint_text` names the supervisory authority "
            "of another EU/EEA state (Sweden's IMY, a Datatilsynet, the CNIL…) or Åland's Datainspektionen, and "
            "neither the Data Protection Ombudsman nor the Member State where the data subject lives or works.",
    fix="Name the Data Protection Ombudsman (or remove `complaint_text` and let the renderer print its details); "
        "the other authority may stay beside it.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL) + 'complaint_text = "Du kan lämna in ett klagomål '
            'till Integritetsskyddsmyndigheten (IMY) i Stockholm."\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL) + 'complaint_text = "Du kan lämna in ett klagomål '
          'till dataombudsmannen (tietosuoja.fi) eller till myndigheten i det land där du bor."\n',
)
def complaint_other_state(ctx: Context) -> Iterator[Hit]:
    # GDPR 77(1): a complaint "in particular in the Member State of his or her habitual residence, place of work or
    # place of the alleged infringement" [V, as RK-COMPLAINT-NON-EEA]; 13(2)(d) asks the controller to tell of that
    # right, and a clause naming only another state's authority points the Finnish customer away from the one the
    # Article names first. Åland: Landskapslag (2019:9) om dataskydd inom landskaps- och kommunalförvaltningen
    # applies to public administrative tasks, and Datainspektionen is the authority for those [V, di.ax, "Information
    # om Dataskyddslagen"]; a private company on Åland falls to the Data Protection Ombudsman [M: inferred from that
    # scope and Tietosuojalaki 8 §, not read in a text saying so]. Issue 21, hold-outs H and I.
    if ctx.statement.controller.country == FINLAND:
        yield from _complaint_only_to(ctx, _OTHER_EEA_AUTHORITY, _OWN_AUTHORITY.search)


# Former names and addresses of the Finnish authority [M, uncertain] (research notes §4): any address but
# PL 800, 00531 Helsinki / Lintulahdenkuja 4 is reported.
_OUTDATED_AUTHORITY = re.compile(
    r"tietosuojalautakun\w*|dataskyddsnämnd\w*|data protection board of finland|ratapihantie|albertinkatu|"
    r"\b00521\b|\b00181\b", re.IGNORECASE)


@rule(
    id="RK-COMPLAINT-AUTHORITY", requirement=Requirement.COMPLAINT_AUTHORITY, severity=Severity.WARNING,
    article="GDPR 77; Tietosuojalaki 1050/2018 8 §", title="The authority's details are current",
    message=msg(
        fi='Valvontaviranomaisen tiedot ovat vanhentuneet ("{term}"); Suomessa valvontaviranomainen on '
           'tietosuojavaltuutettu: Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja.fi.',
        sv='Uppgifterna om tillsynsmyndigheten är föråldrade ("{term}"); i Finland är tillsynsmyndigheten '
           'dataombudsmannen: Dataombudsmannens byrå, PB 800, 00531 Helsingfors, tietosuoja.fi.',
        en='The supervisory authority\'s details are outdated ("{term}"); in Finland the authority is the Data '
           'Protection Ombudsman: Office of the Data Protection Ombudsman, P.O. Box 800, 00531 Helsinki, '
           'tietosuoja.fi.'),
    trigger="`rights.complaint_text` names a former authority (Tietosuojalautakunta) or a former address.",
    fix="Remove `complaint_text` and let the renderer print the current details.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL) + 'complaint_text = "Valituksen voi tehdä '
            'tietosuojavaltuutetulle, Ratapihantie 9, 00521 Helsinki."\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL) + 'complaint_text = "Valituksen voi tehdä '
          'tietosuojavaltuutetulle, PL 800, 00531 Helsinki."\n',
)
def complaint_authority(ctx: Context) -> Iterator[Hit]:
    # Tietosuojalaki 8 § makes the Data Protection Ombudsman the national supervisory authority: the section number
    # is [M] (research notes §4; it fits the Act's numbering, 5 § children and 7 § criminal data, and 4 § lawfulness
    # as HE 9/2026 quotes it [V]); the authority's name and addresses are [V] (tietosuoja.fi).
    complaint_text = ctx.statement.rights.complaint_text
    if complaint_text is None:
        return
    for t in complaint_text.texts():
        match = _OUTDATED_AUTHORITY.search(t)
        if match:
            yield Hit("$.rights.complaint_text", {"term": match.group(0)})
            return


@rule(
    id="RK-ACCESS-REQUEST-SIGNED", requirement=Requirement.ACCESS_REQUEST_FORM, severity=Severity.WARNING,
    article="GDPR 12(2)–(3)", title="No signed paper letter is required",
    message=msg(
        fi="Oikeuksien käyttöä ei saa edellyttää omakätisesti allekirjoitettua kirjettä (henkilötietolain aikainen "
           "vaatimus); pyynnön on voitava tehdä myös sähköisesti.",
        sv="Utövandet av rättigheterna får inte kräva ett egenhändigt undertecknat brev (ett krav från "
           "personuppgiftslagens tid); begäran ska också kunna göras elektroniskt.",
        en="Exercising rights must not require a signed paper letter (a requirement of the repealed Personal Data "
           "Act); requests must also be possible electronically."),
    trigger="`rights.signed_request_required` is true.",
    fix="Accept requests by e-mail or through the customer account; verify identity only when in doubt "
        "(GDPR 12(6)).",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, signed_request_required="true"),
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, request_channels='["email", "account"]'),
)
def access_request_signed(ctx: Context) -> Iterator[Hit]:
    if ctx.statement.rights.signed_request_required:
        yield Hit("$.rights.signed_request_required")


_ELECTRONIC = frozenset({RequestChannel.EMAIL, RequestChannel.WEB_FORM, RequestChannel.ACCOUNT})


@rule(
    id="RK-ACCESS-REQUEST-ELECTRONIC", requirement=Requirement.ACCESS_REQUEST_FORM, severity=Severity.WARNING,
    article="GDPR 12(2)–(3), recital 59", title="Requests can be made electronically",
    message=msg(
        fi="Oikeuksien käyttöä koskevan pyynnön voi tehdä vain postitse, puhelimitse tai paikan päällä; "
           "rekisterinpitäjän on helpotettava oikeuksien käyttöä ja sallittava sähköiset pyynnöt.",
        sv="En begäran om att utöva rättigheterna kan endast göras per post, telefon eller på plats; den "
           "personuppgiftsansvarige ska underlätta utövandet och godta elektroniska begäranden.",
        en="Requests to exercise rights can only be made by post, phone or in person; the controller must "
           "facilitate the exercise of rights and accept electronic requests."),
    trigger="`rights.request_channels` is given and contains none of email, web_form or account.",
    fix="Add `\"email\"` (or a web form or the customer account) to `rights.request_channels`.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, request_channels='["post"]'),
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, request_channels='["post", "email"]'),
)
def access_request_electronic(ctx: Context) -> Iterator[Hit]:
    # Recital 59: "The controller should also provide means for requests to be made electronically, especially
    # where personal data are processed by electronic means" [V, gdpr-text.com].
    channels = ctx.statement.rights.request_channels
    if channels and not _ELECTRONIC.intersection(channels):
        yield Hit("$.rights.request_channels")


#: A fee for copies beyond the first ("lisäkopioista perimme", "för ytterligare kopior", "further copies"),
#: which 15(3) allows.
_FURTHER_COPIES = re.compile(
    r"lisäkopi\w*|ylimääräi\w* kopi\w*|useamm\w* kopi\w*|muista kopioista|ytterligare kopi\w*|extra kopi\w*|"
    r"fler kopi\w*|further cop(?:y|ies)|additional cop(?:y|ies)|extra cop(?:y|ies)", re.IGNORECASE)

#: A fee only for manifestly unfounded or excessive requests, which 12(5) allows (the rule's own message says so):
#: "ilmeisen perusteettomista tai kohtuuttomista pyynnöistä", "uppenbart ogrundade eller orimliga", "manifestly
#: unfounded or excessive" (issue 21, false-alarm hunt).
_UNFOUNDED = re.compile(
    r"ilmeisen perusteet\w*|perusteettom\w* tai kohtuuttom\w*|uppenbart ogrundad\w*|ogrundad\w* eller orimlig\w*|"
    r"manifestly unfounded|unfounded or excessive", re.IGNORECASE)


@rule(
    id="RK-ACCESS-REQUEST-FEE", requirement=Requirement.ACCESS_REQUEST_FORM, severity=Severity.ERROR,
    article="GDPR 12(5), 15(3)", title="Exercising rights is free of charge",
    message=msg(
        fi="Oikeuksien käyttäminen on maksutonta; maksun voi periä vain ilmeisen perusteettomista tai "
           "kohtuuttomista pyynnöistä.",
        sv="Det är kostnadsfritt att utöva rättigheterna; avgift får tas ut endast för uppenbart ogrundade eller "
           "orimliga begäranden.",
        en="Exercising rights is free of charge; a fee may be charged only for manifestly unfounded or excessive "
           "requests."),
    trigger="`rights.fee_charged` is true, unless `rights.text` says the fee is only for further copies "
            "(\"lisäkopiot\", \"ytterligare kopior\", \"further copies\"), which 15(3) allows, or only for "
            "manifestly unfounded or excessive requests (\"ilmeisen perusteettomista\", \"manifestly unfounded\"), "
            "which 12(5) allows.",
    fix="Remove the fee (`fee_charged = false`), or charge only for further copies and say so.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, fee_charged="true"),
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL),
)
def access_request_fee(ctx: Context) -> Iterator[Hit]:
    rights = ctx.statement.rights
    if not rights.fee_charged:
        return
    # 15(3): "For any further copies requested by the data subject, the controller may charge a reasonable fee
    # based on administrative costs" [V: GDPR text, quoted in EDPB Guidelines 01/2022 on the right of access]. A
    # statement that charges only for further copies is within it (issue 21, hold-out E: the first copy free, a
    # 15-euro fee for each further copy).
    if rights.text is not None and any(_FURTHER_COPIES.search(t) or _UNFOUNDED.search(t)
                                       for t in rights.text.texts()):
        return
    yield Hit("$.rights.fee_charged")


_ONE_MONTH_DAYS = 31


@rule(
    id="RK-ACCESS-REQUEST-DEADLINE", requirement=Requirement.ACCESS_REQUEST_FORM, severity=Severity.ERROR,
    article="GDPR 12(3)", title="Requests are answered within a month",
    message=msg(
        fi="Luvattu vastausaika ({days} päivää) on liian pitkä: pyyntöön on vastattava viipymättä ja viimeistään "
           "kuukauden kuluessa (määräaikaa voi perustellusta syystä jatkaa kahdella kuukaudella).",
        sv="Den utlovade svarstiden ({days} dagar) är för lång: en begäran ska besvaras utan onödigt dröjsmål och "
           "senast inom en månad (tiden kan av särskilda skäl förlängas med två månader).",
        en="The promised response time ({days} days) is too long: requests must be answered without undue delay "
           "and within one month (extendable by two months where necessary)."),
    trigger="`rights.response_days` is more than 31.",
    fix="Promise an answer within one month.",
    example=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, response_days="90"),
    fixed=CONTROLLER + REGISTER + _ORDERS + _rights(*_ALL, response_days="30"),
)
def access_request_deadline(ctx: Context) -> Iterator[Hit]:
    days = ctx.statement.rights.response_days
    if days is not None and days > _ONE_MONTH_DAYS:
        yield Hit("$.rights.response_days", {"days": str(days)})


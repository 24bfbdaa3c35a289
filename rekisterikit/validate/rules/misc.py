"""Children, credit checks, outdated law, missing translations and the statement's own ignore directives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import LocalizedText, PurposeKind, SourceKind
from rekisterikit.validate.context import Context, join, text
from rekisterikit.validate.paths import resolve
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

FINNISH_CONSENT_AGE = 13  # Tietosuojalaki 1050/2018 5 § [M: section number]; the age is [S] (research notes §2.3).

_NEWSLETTER = ('\n[[registers.purposes]]\nkey = "uutiskirje"\ndescription = "Uutiskirje"\nkind = "newsletter"\n'
               'legal_basis = "consent"\ndirect_marketing = ["email"]\n')


@rule(
    id="RK-CHILDREN-CONSENT", requirement=Requirement.CHILDREN, severity=Severity.WARNING,
    article="GDPR 8(1)–(2); Tietosuojalaki 1050/2018 5 §", title="Children's consent (13 in Finland)",
    message=msg(
        fi="Palvelu on suunnattu myös lapsille ja käsittely perustuu suostumukseen: Suomessa 13 vuotta täyttänyt "
           "voi antaa suostumuksen itse, nuoremman puolesta sen antaa huoltaja. Kerro ikäraja ja miten huoltajan "
           "suostumus varmistetaan.",
        sv="Tjänsten riktar sig också till barn och behandlingen grundar sig på samtycke: i Finland kan den som "
           "fyllt 13 år själv samtycka, för yngre barn samtycker vårdnadshavaren. Ange åldersgränsen och hur "
           "vårdnadshavarens samtycke kontrolleras.",
        en="The service is offered to children and processing rests on consent: in Finland a child of 13 or over "
           "can consent, for younger children the holder of parental responsibility consents. State the age limit "
           "and how parental consent is verified."),
    trigger="`children.offered_to_children` is true, something rests on consent, and neither a minimum age of "
            "13 or more nor `parental_consent` is given.",
    fix="Set `children.minimum_age` (13 or more) or describe in `children.parental_consent` how a guardian's "
        "consent is obtained and verified.",
    example=CONTROLLER + '\n[children]\noffered_to_children = true\n' + REGISTER + _NEWSLETTER,
    fixed=CONTROLLER + '\n[children]\noffered_to_children = true\nminimum_age = 13\n' + REGISTER + _NEWSLETTER,
)
def children_consent(ctx: Context) -> Iterator[Hit]:
    children = ctx.statement.children
    if children is None or not children.offered_to_children or not ctx.relies_on_consent:
        return
    old_enough = children.minimum_age is not None and children.minimum_age >= FINNISH_CONSENT_AGE
    if not old_enough and children.parental_consent is None:
        yield Hit("$.children")


_CREDIT_CHECK = ('\n[[registers.purposes]]\nkey = "luottotiedot"\ndescription = "Luottotietojen tarkistus '
                 'laskulla maksettaessa"\nkind = "credit_check"\nlegal_basis = "contract"\n')


@rule(
    id="RK-CREDIT-CHECK-REGISTER", requirement=Requirement.CREDIT_CHECK, severity=Severity.ERROR,
    article="Luottotietolaki 527/2007 19 §; GDPR 14(2)(f)", title="Credit checks name the credit register",
    message=msg(
        fi='Luottotietojen käytöstä ("{purpose}") on kerrottava etukäteen myös se, mistä luottotietorekisteristä '
           'tiedot hankitaan.',
        sv='Vid användning av kreditupplysningar ("{purpose}") ska det i förväg också anges från vilket '
           'kreditupplysningsregister uppgifterna hämtas.',
        en='When credit information is used ("{purpose}"), the data subject must be told in advance which credit '
           'information register it comes from.'),
    trigger="A `credit_check` purpose has no `credit_register`.",
    fix="Name the register in `credit_register` (e.g. 'Suomen Asiakastieto Oy:n luottotietorekisteri').",
    example=CONTROLLER + REGISTER + _CREDIT_CHECK,
    fixed=CONTROLLER + REGISTER + _CREDIT_CHECK + 'credit_register = "Suomen Asiakastieto Oy:n '
                                                  'luottotietorekisteri"\n',
)
def credit_check_register(ctx: Context) -> Iterator[Hit]:
    # Luottotietolaki 1 § makes 19 § 5–6 mom apply to users [V]; that 19 § 5 mom is the advance-information duty
    # is [M, uncertain] (research notes §2.2).
    for ref in ctx.purposes:
        if ref.purpose.kind is PurposeKind.CREDIT_CHECK and ref.purpose.credit_register is None:
            yield Hit(ref.path, {"purpose": ref.purpose.description})


_CREDIT_SOURCE = re.compile(r"luottotie\w*|kreditupplys\w*|credit (?:information|reference|bureau|check)\w*|"
                            r"asiakastieto|bisnode|enento|creditsafe|dun ?& ?bradstreet", re.IGNORECASE)


@rule(
    id="RK-CREDIT-CHECK-UNANNOUNCED", requirement=Requirement.CREDIT_CHECK, severity=Severity.ERROR,
    article="Luottotietolaki 527/2007 19 §; GDPR 13(1)(c), 14(1)(c)", title="Credit information use is announced",
    message=msg(
        fi='Tietoja hankitaan luottotietoyritykseltä ("{source}"), mutta luottotietojen käyttöä ja sen tarkoitusta '
           'ei kerrota.',
        sv='Uppgifter hämtas från ett kreditupplysningsföretag ("{source}"), men användningen av kreditupplysningar '
           'och dess ändamål anges inte.',
        en='Data is obtained from a credit information company ("{source}"), but the use of credit information and '
           'its purpose are not announced.'),
    trigger="A third-party source looks like a credit information company and the register has no "
            "`credit_check` purpose.",
    fix="Add a `credit_check` purpose with its basis and `credit_register`, or remove the source if unused.",
    example=CONTROLLER + REGISTER + '\n[[registers.sources]]\nkind = "third_party"\nname = "Luottotietoyritykset"\n',
    fixed=CONTROLLER + REGISTER + _CREDIT_CHECK + 'credit_register = "Suomen Asiakastieto Oy:n '
                                                  'luottotietorekisteri"\n'
          '\n[[registers.sources]]\nkind = "third_party"\nname = "Luottotietoyritykset"\n',
)
def credit_check_unannounced(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        if any(p.kind is PurposeKind.CREDIT_CHECK for p in reg.register.purposes):
            continue
        for i, s in enumerate(reg.register.sources):
            if s.kind is not SourceKind.THIRD_PARTY:
                continue
            texts = [*(s.name.texts() if s.name else ()), *(s.description.texts() if s.description else ())]
            hit = next((t for t in texts if _CREDIT_SOURCE.search(t)), None)
            if hit is not None:
                yield Hit(f"{reg.path}.sources[{i}]", {"source": hit})


_REPEALED = re.compile(
    r"henkilötietolai\w*|henkilötietolakiin|\b523/1999\b|\bhetil\b|personuppgiftslag\w*|personal data act|"
    r"sähköisen viestinnän tietosuojala\w*|\b516/2004\b|"
    r"\b95/46/(?:ey|eg|ec)\b|henkilötietodirektiiv\w*|"
    r"privacy[ -]shield|safe[ -]harbou?r|\b2010/87/eu\b|\b2001/497/(?:ey|eg|ec)\b|\b2004/915/(?:ey|eg|ec)\b")


@rule(
    id="RK-OUTDATED-LAW", requirement=Requirement.OUTDATED_LAW, severity=Severity.ERROR,
    article="GDPR; Tietosuojalaki 1050/2018", title="No repealed law cited as current",
    message=msg(
        fi='Seloste viittaa kumottuun säädökseen tai mitätöityyn järjestelyyn ("{term}"). Henkilötietolaki '
           '(523/1999) kumottiin 1.1.2019 tietosuojalailla (1050/2018), sähköisen viestinnän tietosuojalaki '
           '(516/2004) 1.1.2015, ja Privacy Shield sekä Safe Harbor on mitätöity; päivitä viittaukset.',
        sv='Beskrivningen hänvisar till en upphävd lag eller en ogiltigförklarad ordning ("{term}"). '
           'Personuppgiftslagen (523/1999) upphävdes 1.1.2019 genom dataskyddslagen (1050/2018), lagen om '
           'dataskydd vid elektronisk kommunikation (516/2004) 1.1.2015, och Privacy Shield och Safe Harbor har '
           'ogiltigförklarats; uppdatera hänvisningarna.',
        en='The statement cites repealed law or an invalidated framework ("{term}"). The Personal Data Act '
           '(523/1999) was repealed on 1 January 2019 by the Data Protection Act (1050/2018), the Act on Data '
           'Protection in Electronic Communications (516/2004) on 1 January 2015, and Privacy Shield and Safe '
           'Harbor were invalidated; update the references.'),
    trigger="`cites` or any shop-written text names the Henkilötietolaki (523/1999), 516/2004, Directive "
            "95/46/EC, Privacy Shield, Safe Harbor or the old standard contractual clauses.",
    fix="Cite the GDPR (EU) 2016/679 and Tietosuojalaki 1050/2018; for transfers, the current mechanism.",
    example='cites = ["Henkilötietolaki (523/1999) 10 §"]\n' + CONTROLLER,
    fixed='cites = ["EU:n yleinen tietosuoja-asetus (EU) 2016/679, 13 ja 14 artikla"]\n' + CONTROLLER,
)
def outdated_law(ctx: Context) -> Iterator[Hit]:
    # Repeal dates: 523/1999 [S], 516/2004 [V]; 95/46/EC [M]; Privacy Shield C-311/18, Safe Harbor C-362/14 [S].
    # `cites` is a top-level string tuple, so it comes first in walk order ("$.cites[0]").
    for path, term in ctx.search_texts(_REPEALED):
        yield Hit(path, {"term": term})


_OUTDATED_TERMS = re.compile(
    r"rekisteriselost\w*|tarkastusoikeu\w*|kielto-oikeu\w*|tietosuojalautakun\w*|(?<!ja )viestintäviras\w*|"
    r"tietoyhteiskuntakaar\w*|registerbeskrivning\w*|granskningsrätt\w*|oikeus kieltää|etämyyn\w*")


@rule(
    id="RK-OUTDATED-TERM", requirement=Requirement.OUTDATED_LAW, severity=Severity.WARNING,
    article="GDPR 12(1)", title="No Henkilötietolaki-era terms",
    message=msg(
        fi='Termi "{term}" on peräisin kumotusta henkilötietolaista tai vanhentuneesta hallinnosta; käytä '
           'tietosuoja-asetuksen käsitteitä (esim. tietosuojaseloste, oikeus saada pääsy tietoihin, '
           'vastustamisoikeus, Traficom).',
        sv='Termen "{term}" kommer från den upphävda personuppgiftslagen eller en tidigare förvaltning; använd '
           'dataskyddsförordningens begrepp (t.ex. dataskyddsbeskrivning, rätt till tillgång, rätt att invända).',
        en='The term "{term}" comes from the repealed Personal Data Act or a former administration; use the GDPR\'s '
           'terms (privacy notice, right of access, right to object, Traficom).'),
    trigger="Shop-written text uses 'rekisteriseloste', 'tarkastusoikeus', 'kielto-oikeus' or 'oikeus kieltää' "
            "(with 'etämyynti', the Henkilötietolaki 30 § formula), 'Tietosuojalautakunta', 'Viestintävirasto' or "
            "'tietoyhteiskuntakaari'.",
    fix="Rename the document 'Tietosuojaseloste' and use the GDPR's names for the rights.",
    example='title = "Rekisteriseloste"\n' + CONTROLLER,
    fixed='title = "Tietosuojaseloste"\n' + CONTROLLER,
)
def outdated_term(ctx: Context) -> Iterator[Hit]:
    # HetiL 10 § (rekisteriseloste), 26 § (tarkastusoikeus), 30 § (kielto-oikeus) [S]/[M] (research notes §5).
    for path, term in ctx.search_texts(_OUTDATED_TERMS):
        yield Hit(path, {"term": term})


_LANGUAGE_NAMES = {
    "fi": text("suomi", "finska", "Finnish"),
    "sv": text("ruotsi", "svenska", "Swedish"),
    "en": text("englanti", "engelska", "English"),
}


@rule(
    id="RK-LANGUAGE-MISSING", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 12(1)", title="Every text exists in every published language",
    message=msg(
        fi="Tekstistä puuttuu kieliversio: {languages}. Seloste näyttää tekstin toisella kielellä.",
        sv="Texten saknas på: {languages}. Beskrivningen visar texten på ett annat språk.",
        en="The text is missing in: {languages}. The statement shows it in another language instead."),
    trigger="A shop-written text lacks one of the statement's `languages`.",
    fix="Write the text as a table with every language, e.g. `{ fi = \"…\", sv = \"…\" }`.",
    example='languages = ["fi", "sv"]\ntitle = "Tietosuojaseloste"\n' + CONTROLLER,
    fixed='languages = ["fi", "sv"]\ntitle = { fi = "Tietosuojaseloste", sv = "Dataskyddsbeskrivning" }\n'
          + CONTROLLER,
)
def language_missing(ctx: Context) -> Iterator[Hit]:
    languages = ctx.statement.languages
    if len(languages) < 2:
        return
    for path, value, _ in ctx.texts:
        if isinstance(value, LocalizedText):
            missing = [lang for lang in languages if value.get(lang) is None]
            if missing:
                yield Hit(path, {"languages": join(_LANGUAGE_NAMES[lang.value] for lang in missing)})


@rule(
    id="RK-IGNORE-INVALID", requirement=Requirement.DIRECTIVES, severity=Severity.WARNING,
    article="rekisterikit", title="Ignore directives name real rules and paths",
    message=msg(
        fi='Ohitusmääritys "{rule}" ei vastaa mitään sääntöä tai selosteen kohtaa ({problem}), joten se ei ohita '
           'mitään.',
        sv='Undantaget "{rule}" motsvarar ingen regel eller del av beskrivningen ({problem}) och undantar därför '
           'ingenting.',
        en='The ignore directive "{rule}" matches no rule or element of the statement ({problem}), so it ignores '
           'nothing.'),
    trigger="An `[rekisterikit] ignore` entry names an unknown rule id, prefix or requirement code, or a path "
            "that is not in the statement.",
    fix="Correct the rule id (see this page) or the path, or remove the entry.",
    example=CONTROLLER + '\n[rekisterikit]\nignore = [{ rule = "RK-RETENTON", reason = "Typo in the rule id" }]\n',
    fixed=CONTROLLER + '\n[rekisterikit]\nignore = [{ rule = "RK-BUSINESS-ID", reason = "A registered '
                       'association without a business ID" }]\n',
)
def ignore_invalid(ctx: Context) -> Iterator[Hit]:
    unknown_rule = text("tuntematon sääntö", "okänd regel", "unknown rule")
    unknown_path = text("polkua ei ole", "sökvägen finns inte", "no such path")
    for i, ignore in enumerate(ctx.statement.directives.ignore):
        problems = []
        if not ctx.registry.matching(ignore.rule):
            problems.append(unknown_rule)
        if ignore.path is not None:
            try:
                resolve(ctx.statement, ignore.path)
            except KeyError:
                problems.append(unknown_path)
        if problems:
            yield Hit(f"$.rekisterikit.ignore[{i}]", {"rule": ignore.rule, "problem": join(problems)})

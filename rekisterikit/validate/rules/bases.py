"""Purposes and their legal bases (GDPR 6, 9, 13(1)(c)–(d); EDPB Guidelines 2/2019)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import LegalBasis, Provision, PurposeKind, Register, SpecialCondition
from rekisterikit.validate.context import Context, text
from rekisterikit.validate.needles import search
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER


@rule(
    id="RK-PURPOSES", requirement=Requirement.PURPOSES, severity=Severity.ERROR,
    article="GDPR 13(1)(c), 14(1)(c)", title="The purposes of processing are stated",
    message=msg(
        fi="Henkilötietojen käsittelyn tarkoitukset puuttuvat.",
        sv="Ändamålen med behandlingen av personuppgifter saknas.",
        en="The purposes of processing personal data are missing."),
    trigger="The statement has no register, or a register has no purposes.",
    fix="Describe each purpose in a `[[registers.purposes]]` table with its legal basis.",
    example=CONTROLLER + REGISTER,
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilaukset"\n'
          'description = "Tilausten käsittely ja toimittaminen"\nlegal_basis = "contract"\n',
)
def purposes(ctx: Context) -> Iterator[Hit]:
    if not ctx.registers:
        yield Hit("$.registers")
    for reg in ctx.registers:
        if not reg.register.purposes:
            yield Hit(f"{reg.path}.purposes")


@rule(
    id="RK-BASIS-MISSING", requirement=Requirement.LEGAL_BASIS, severity=Severity.ERROR,
    article="GDPR 13(1)(c), 6(1)", title="Every purpose has a legal basis",
    message=msg(
        fi='Käsittelytarkoitukselle "{purpose}" ei ole ilmoitettu oikeusperustetta.',
        sv='Ingen rättslig grund anges för ändamålet "{purpose}".',
        en='No legal basis is given for the purpose "{purpose}".'),
    trigger="A purpose has no `legal_basis` and no published basis wording.",
    fix="Set `legal_basis` to one of consent, contract, legal_obligation, vital_interests, public_task or "
        "legitimate_interests.",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilaukset"\n'
            'description = "Tilausten käsittely"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\n'
          'legal_basis = "contract"\n',
)
def basis_missing(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        if ref.purpose.legal_basis is None and ref.purpose.basis_text is None:
            yield Hit(ref.path, {"purpose": ref.purpose.description})


@rule(
    id="RK-BASIS-INVALID", requirement=Requirement.LEGAL_BASIS, severity=Severity.ERROR,
    article="GDPR 6(1), 13(1)(c)", title="The stated basis is a GDPR basis",
    message=msg(
        fi='"{basis}" ei ole tietosuoja-asetuksen mukainen oikeusperuste tarkoitukselle "{purpose}"; valitse '
           'jokin 6(1) artiklan a–f alakohdista.',
        sv='"{basis}" är ingen rättslig grund enligt dataskyddsförordningen för ändamålet "{purpose}"; välj en av '
           'grunderna i artikel 6.1 a–f.',
        en='"{basis}" is not a legal basis under the GDPR for the purpose "{purpose}"; choose one of '
           'Art. 6(1)(a)–(f).'),
    trigger="A purpose gives only published wording that is no GDPR basis (e.g. 'asiakassuhde', the "
            "Henkilötietolaki's 'customer relationship').",
    fix="Replace it with the Art. 6(1) basis that really applies (usually contract for orders).",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "asiakkuus"\n'
            'description = "Asiakassuhteen hoitaminen"\nbasis_text = "Asiakassuhde"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "asiakkuus"\n'
          'description = "Asiakassuhteen hoitaminen"\nlegal_basis = "contract"\n',
)
def basis_invalid(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        if ref.purpose.legal_basis is None and ref.purpose.basis_text is not None:
            yield Hit(ref.path, {"basis": ref.purpose.basis_text, "purpose": ref.purpose.description})


@rule(
    id="RK-LEGITIMATE-INTEREST", requirement=Requirement.LEGITIMATE_INTERESTS, severity=Severity.ERROR,
    article="GDPR 13(1)(d), 14(2)(b)", title="The legitimate interest is named",
    message=msg(
        fi='Oikeutettuun etuun perustuvalle käsittelylle "{purpose}" ei ole kerrottu, mikä oikeutettu etu on '
           'kyseessä.',
        sv='För behandlingen "{purpose}", som grundar sig på berättigat intresse, anges inte vilket intresse det '
           'gäller.',
        en='The purpose "{purpose}" rests on legitimate interests but does not say what the interest is.'),
    trigger="A purpose on `legitimate_interests` has no `legitimate_interest` text.",
    fix="Write the concrete interest in `legitimate_interest` (e.g. 'marketing our own products to existing "
        "customers by post').",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "petokset"\n'
            'description = "Maksupetosten torjunta"\nlegal_basis = "legitimate_interests"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "petokset"\n'
          'description = "Maksupetosten torjunta"\nlegal_basis = "legitimate_interests"\n'
          'legitimate_interest = "Verkkokaupan ja asiakkaiden suojaaminen varastetuilla maksukorteilla tehdyiltä '
          'tilauksilta"\n',
)
def legitimate_interest(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is LegalBasis.LEGITIMATE_INTERESTS and p.legitimate_interest is None:
            yield Hit(ref.path, {"purpose": p.description})


_GENERIC_INTEREST = re.compile(
    r"(?:rekisterinpitäjän |yrityksen |meidän )?(?:oikeutettu etu|oikeutetut edut|liiketoiminta|"
    r"liiketoiminnan (?:kehittäminen|edistäminen|harjoittaminen|tarpeet)|liiketoiminnalliset syyt|"
    r"asiakassuhde|kaupalliset syyt|"
    r"berättigat intresse|berättigade intressen|affärsverksamhet(?:en)?|affärsmässiga skäl|kundförhållande(?:t)?|"
    r"(?:our |the controller'?s? )?legitimate interests?|business (?:purposes|interests?|reasons|needs)|"
    r"(?:the )?customer relationship|"
    r"commercial (?:purposes|interests?|reasons))[.!]?", re.IGNORECASE)
#: An interest given only as an example or left open: "esim. asiakassuhde", "e.g. customer relationship", "till
#: exempel kundförhållandet" at its start, or "tms.", "yms.", "etc.", "or similar", "eller liknande" at its end.
_PLACEHOLDER_START = re.compile(
    r"^\(?(?:esim(?:erkiksi|\.)|mm\.|muun muassa|kuten|till exempel|t\.\s?ex\.|bl\.\s?a\.|bland annat|"
    r"e\.\s?g\.|for example|for instance|such as)[\s,:]*", re.IGNORECASE)
_PLACEHOLDER_END = re.compile(
    r"[\s,]*(?<!\w)(?:tms\.?|yms\.?|ym\.?|jne\.?|tai vastaava\w*|osv\.?|eller liknande|"
    r"eller dylikt|etc\.?|or (?:the )?like|or similar|and so on)\)?[.!]?$", re.IGNORECASE)


def _placeholder(text_: str) -> bool:
    """Whether an interest is given only as an example or left open ("esim. asiakassuhde", "e.g. customer
    relationship", "markkinointi tms."): it does not say which interest the processing rests on (13(1)(d))."""
    stripped = text_.strip()
    return bool(_PLACEHOLDER_START.match(stripped) or _PLACEHOLDER_END.search(stripped))


def _plain(text_: str) -> str:
    """``text_`` in lower case without surrounding white space and end punctuation, for comparing two texts."""
    return text_.strip().rstrip(".!").strip().lower()


@rule(
    id="RK-LEGITIMATE-INTEREST-GENERIC", requirement=Requirement.LEGITIMATE_INTERESTS, severity=Severity.WARNING,
    article="GDPR 13(1)(d); WP260", title="The legitimate interest is concrete",
    message=msg(
        fi='Oikeutettu etu on kuvattu liian yleisesti ("{interest}"); kerro konkreettinen etu.',
        sv='Det berättigade intresset beskrivs för allmänt ("{interest}"); ange det konkreta intresset.',
        en='The legitimate interest is too generic ("{interest}"); state the concrete interest.'),
    trigger="The `legitimate_interest` text only says 'legitimate interest', 'business purposes', 'asiakassuhde', "
            "'customer relationship' or similar, or only repeats the purpose's description, or gives the interest "
            "only as an example or leaves it open ('esim. asiakassuhde', 'e.g. customer relationship', 'till "
            "exempel …', '… tms.', '… or similar'); or a purpose with no `legal_basis` and no "
            "`legitimate_interest` gives as its `basis_text` a legitimate interest resting only on a relationship "
            "('legitimate interest based on the customer relationship', 'asiakassuhteeseen perustuva oikeutettu "
            "etu').",
    fix="Say whose interest it is and what it consists of, so that the data subject can weigh it against their "
        "own (and object).",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "markkinointi"\n'
            'description = "Postimarkkinointi asiakkaille"\nlegal_basis = "legitimate_interests"\n'
            'legitimate_interest = "Liiketoiminnan kehittäminen"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "markkinointi"\n'
          'description = "Postimarkkinointi asiakkaille"\nlegal_basis = "legitimate_interests"\n'
          'legitimate_interest = "Omien tuotteidemme markkinointi postitse nykyisille asiakkaille"\n',
)
def legitimate_interest_generic(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        li = ref.purpose.legitimate_interest
        if ref.purpose.legal_basis is LegalBasis.LEGITIMATE_INTERESTS and li is not None:
            # Issue 21: an interest that only repeats its purpose ("Markkinointi" for the purpose "Markkinointi")
            # says what is done, not whose interest it serves or why (13(1)(d)).
            purpose = {_plain(t) for t in ref.purpose.description.texts()}
            # Issue 21, round 5 (real statements, tmi-kaarre): "e.g. customer relationship" was accepted as stated;
            # an example of an interest, or an interest left open ("tms."), does not say which interest it is.
            # 13(1)(d), 14(2)(b): "the legitimate interests pursued by the controller or by a third party" [V: GDPR
            # text]; EDPB Guidelines 1/2024 (draft, 8.10.2024): the interest must be "precisely articulated" [S: A&O
            # Shearman's summary, found with the search tool].
            generic = [t for t in li.texts() if _GENERIC_INTEREST.fullmatch(t.strip()) or _plain(t) in purpose
                       or _placeholder(t)]
            if generic:
                yield Hit(f"{ref.path}.legitimate_interest", {"interest": generic[0].strip()})
        elif ref.purpose.legal_basis is None and li is None and ref.purpose.basis_text is not None:
            # Round 10 (issue 21, real statements): "Lumova's legitimate interest based on the customer relationship
            # or other relevant connection" is the repealed Henkilötietolaki's formula of a connection (8 §: a
            # customer relationship or a comparable connection [M: section as the project's notes give it]), which
            # names no interest 13(1)(d) asks for.
            found = next((m for t in ref.purpose.basis_text.texts() for m in (_INTEREST_FROM_RELATIONSHIP.search(t),)
                          if m is not None), None)
            if found is not None:
                yield Hit(f"{ref.path}.basis_text", {"interest": found.group(0)})


#: A legitimate interest said to rest on a relationship, and nothing else: "legitimate interest based on the customer
#: relationship", "asiakassuhteeseen perustuva oikeutettu etu", "berättigat intresse som grundar sig på
#: kundförhållandet".
_RELATION = (r"(?:asiakassuhte|asiakkuu|jäsenyy|kundförhållande|kundrelation|medlemskap|customer relationship|"
             r"membership)\w*")
_INTEREST = r"(?:oikeutet\w* etu\w*|berättiga(?:t|de?) intressen?|legitimate interests?)"
_INTEREST_FROM_RELATIONSHIP = re.compile(
    _INTEREST + r"[^.;]{0,30}?\b(?:perustu\w*|grundar sig på|grundat på|baserat på|based on|arising from)\s+"
    r"(?:\w+\s+){0,2}?" + _RELATION + r"|" + _RELATION + r"\s+(?:perustuva\w*|grundade?)\s+" + _INTEREST,
    re.IGNORECASE)


_LAW_REFERENCE = re.compile(
    r"\d+/\d{4}|\(EU\)|\blaki\b|laki\b|lain\b|lag(?:en)?\b|\bact\b|regulation|asetus|förordning|direktiivi|"
    r"direktiv|directive|\d+\s*§", re.IGNORECASE)


@rule(
    id="RK-BASIS-LEGAL-OBLIGATION", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 6(1)(c), 6(3), 13(1)(c)", title="A legal obligation names the law",
    message=msg(
        fi='Lakisääteiseen velvoitteeseen perustuvalle käsittelylle "{purpose}" ei ole nimetty säädöstä, esimerkiksi '
           'kirjanpitolaki (1336/1997).',
        sv='För behandlingen "{purpose}", som grundar sig på en rättslig förpliktelse, anges ingen lag, till exempel '
           'bokföringslagen (1336/1997).',
        en='The purpose "{purpose}" rests on a legal obligation but names no law, for example the Accounting Act '
           '(1336/1997).'),
    trigger="A purpose on `legal_obligation` has no `legal_obligation` text, or the text names no act.",
    fix="Name the act and section in `legal_obligation` (e.g. 'Kirjanpitolaki 1336/1997 2 luku 10 §').",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "kirjanpito"\n'
            'description = "Kirjanpito"\nkind = "accounting"\nlegal_basis = "legal_obligation"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "kirjanpito"\n'
          'description = "Kirjanpito"\nkind = "accounting"\nlegal_basis = "legal_obligation"\n'
          'legal_obligation = "Kirjanpitolaki 1336/1997"\n',
)
def legal_obligation(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is LegalBasis.LEGAL_OBLIGATION and (
                p.legal_obligation is None or not (p.legal_obligation.law is not None or any(
                    _LAW_REFERENCE.search(x) for x in p.legal_obligation.texts()))):
            yield Hit(ref.path, {"purpose": p.description})


#: A third country's law named as the source of a legal obligation: its abbreviations (case-sensitive, so that "us"
#: the pronoun does not count), its adjectives and names before a word for law, and well-known acts and authorities.
_THIRD_COUNTRY_ABBREVIATION = re.compile(r"(?<![\w.])(?:UK|U\.K\.|US|U\.S\.|USA)(?![\w])")
_THIRD_COUNTRY_LAW = re.compile(
    r"\b(?:british|english|scottish|american|canadian|australian|swiss|japanese|chinese|indian|"
    r"singapore(?:an)?|brittisk\w*|amerikansk\w*|kanadensisk\w*|schweizisk\w*|schweizer\w*|sveitsiläi\w*|"
    r"britannian|yhdistyneen kuningaskunnan|yhdysvaltojen|yhdysvaltain|amerikkalai\w*|kanadan|sveitsin)\b"
    r"[^.;]{0,30}?(?:law|laws|act|acts|legislation|code|regulations?|lag\w*|lainsäädäntö\w*|lai\w*|lak\w*)|"
    r"\b(?:united kingdom|united states|storbritannien\w*|förenta staterna\w*)\b|"
    r"companies act 2006|\bhmrc\b|internal revenue|sarbanes|\bpipeda\b|obligationenrecht|code des obligations|"
    r"\b958f\b",
    re.IGNORECASE)


def _third_country_law(texts: list[str]) -> str | None:
    for t in texts:
        match = _THIRD_COUNTRY_ABBREVIATION.search(t) or _THIRD_COUNTRY_LAW.search(t)
        if match:
            return t.strip()
    return None


_UK_ACCOUNTS = ('\n[[registers.purposes]]\nkey = "kirjanpito"\ndescription = "Kirjanpito"\nkind = "accounting"\n'
                'legal_basis = "legal_obligation"\nlegal_obligation = "{law}"\n')


@rule(
    id="RK-BASIS-THIRD-COUNTRY-LAW", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 6(1)(c), 6(3)", title="A legal obligation is one of Union or Member State law",
    message=msg(
        fi='Käsittely "{purpose}" perustuu lakisääteiseen velvoitteeseen, joka näyttää tulevan EU:n ulkopuolisen '
           'maan laista ("{law}"). Oikeusperusteena 6 artiklan 1 kohdan c alakohdan velvoitteen on perustuttava '
           'unionin oikeuteen tai rekisterinpitäjään sovellettavaan jäsenvaltion lainsäädäntöön (6 artiklan 3 '
           'kohta); nimeä sellainen laki tai toinen oikeusperuste.',
        sv='Behandlingen "{purpose}" grundar sig på en rättslig förpliktelse som verkar komma från lag i ett land '
           'utanför EU ("{law}"). En förpliktelse enligt artikel 6.1 c ska vara fastställd i unionsrätten eller i '
           'medlemsstatens nationella rätt som den personuppgiftsansvarige omfattas av (artikel 6.3); ange en sådan '
           'lag eller en annan rättslig grund.',
        en='The purpose "{purpose}" rests on a legal obligation that appears to come from the law of a country '
           'outside the EU ("{law}"). An obligation under Art. 6(1)(c) must be laid down by Union law or by the law '
           'of a Member State to which the controller is subject (Art. 6(3)); name such a law or another basis.'),
    trigger="A purpose on `legal_obligation` whose `legal_obligation` text (or description) names a third "
            "country's law: UK, US, British, Canadian, Swiss … law, the Companies Act 2006, HMRC, the Internal "
            "Revenue Code.",
    fix="Name the Union or Member State law that imposes the obligation (e.g. Kirjanpitolaki 1336/1997 for a "
        "Finnish company); where only a foreign law requires the processing, rely on another basis, typically "
        "legitimate interests, with its balancing.",
    example=CONTROLLER + REGISTER + _UK_ACCOUNTS.format(law="Companies Act 2006, section 388 (UK)"),
    fixed=CONTROLLER + REGISTER + _UK_ACCOUNTS.format(law="Kirjanpitolaki 1336/1997 2 luku 10 §"),
)
def legal_obligation_third_country(ctx: Context) -> Iterator[Hit]:
    # GDPR 6(3): "The basis for the processing referred to in point (c) and (e) of paragraph 1 shall be laid down by:
    # (a) Union law; or (b) Member State law to which the controller is subject" [V, GDPR text, gdpr-ccpa.org and
    # gdprhub.eu]. Issue 21: hold-out highland-yarns keeps accounting records "as required by UK tax law" under the
    # Companies Act 2006. Norwegian, Icelandic and Liechtenstein law count as Member State law under the EEA
    # Agreement, so they are not read here.
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is not LegalBasis.LEGAL_OBLIGATION:
            continue
        texts = [*(p.legal_obligation.texts() if p.legal_obligation is not None else ()), *p.description.texts()]
        law = _third_country_law(texts)
        if law is not None:
            yield Hit(ref.path, {"purpose": p.description, "law": law})


#: Purposes that EDPB Guidelines 2/2019 say are, as a rule, not necessary for the performance of a contract.
_NOT_CONTRACT = {
    PurposeKind.DIRECT_MARKETING: text("suoramarkkinointi", "direktmarknadsföring", "direct marketing"),
    PurposeKind.NEWSLETTER: text("uutiskirje", "nyhetsbrev", "newsletter"),
    PurposeKind.ADVERTISING: text("mainonta", "reklam", "advertising"),
    PurposeKind.ANALYTICS: text("analytiikka", "analys", "analytics"),
    PurposeKind.PROFILING: text("profilointi", "profilering", "profiling"),
    PurposeKind.FRAUD_PREVENTION: text("petosten torjunta", "förebyggande av bedrägerier", "fraud prevention"),
}
_PROFILING = _NOT_CONTRACT[PurposeKind.PROFILING]
_MARKETING = _NOT_CONTRACT[PurposeKind.DIRECT_MARKETING]


@rule(
    id="RK-BASIS-CONTRACT-MISUSE", requirement=Requirement.LEGAL_BASIS, severity=Severity.ERROR,
    article="GDPR 6(1)(b); EDPB 2/2019", title="Contract is not the basis of marketing, analytics, profiling or "
                                              "fraud prevention",
    message=msg(
        fi='Sopimus ei ole peruste tarkoitukselle "{purpose}" ({kind}): käsittely ei ole välttämätöntä sopimuksen '
           'täyttämiseksi. Käytä suostumusta tai oikeutettua etua.',
        sv='Avtal är ingen grund för ändamålet "{purpose}" ({kind}): behandlingen är inte nödvändig för att fullgöra '
           'avtalet. Använd samtycke eller berättigat intresse.',
        en='Contract is not a basis for the purpose "{purpose}" ({kind}): the processing is not necessary to perform '
           'the contract. Use consent or legitimate interests.'),
    trigger="A purpose of kind direct_marketing, newsletter, advertising, analytics, profiling or fraud_prevention, "
            "or one that profiles (other than a credit check before the contract, a pre-contractual step) or uses "
            "marketing channels, is on `contract`.",
    fix="Marketing e-mail and cookies-based analytics or advertising: `consent`; postal marketing to customers "
        "and fraud prevention: `legitimate_interests` with the interest stated.",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "markkinointi"\n'
            'description = "Markkinointi"\nkind = "direct_marketing"\nlegal_basis = "contract"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "markkinointi"\n'
          'description = "Markkinointi"\nkind = "direct_marketing"\nlegal_basis = "consent"\n',
)
def contract_misuse(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is not LegalBasis.CONTRACT:
            continue
        kind = _NOT_CONTRACT.get(p.kind) if p.kind is not None else None
        # A credit check before the contract that profiles (a score) is a step taken at the data subject's request
        # prior to entering into the contract, which 6(1)(b) names [V: GDPR text] (issue 21, hold-out E: a
        # creditworthiness assessment before a lease, read as on a valid basis).
        if kind is None and p.profiling and p.kind is not PurposeKind.CREDIT_CHECK:
            kind = _PROFILING
        if kind is None and p.direct_marketing:
            kind = _MARKETING
        if kind is not None:
            yield Hit(ref.path, {"purpose": p.description, "kind": kind})


@rule(
    id="RK-BASIS-CONTRACT-DEVELOPMENT", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 6(1)(b); EDPB 2/2019", title="Service development is not on contract",
    message=msg(
        fi='Palvelun kehittäminen ("{purpose}") ei yleensä ole välttämätöntä sopimuksen täyttämiseksi; perusta se '
           'oikeutettuun etuun tai suostumukseen.',
        sv='Utveckling av tjänsten ("{purpose}") är i regel inte nödvändig för att fullgöra avtalet; grunda den på '
           'berättigat intresse eller samtycke.',
        en='Developing the service ("{purpose}") is in most cases not necessary to perform the contract; base it on '
           'legitimate interests or consent.'),
    trigger="A `service_development` purpose is on `contract`.",
    fix="Use `legitimate_interests` with the interest stated, or `consent`.",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "kehitys"\n'
            'description = "Verkkokaupan kehittäminen"\nkind = "service_development"\nlegal_basis = "contract"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "kehitys"\n'
          'description = "Verkkokaupan kehittäminen"\nkind = "service_development"\n'
          'legal_basis = "legitimate_interests"\n'
          'legitimate_interest = "Verkkokaupan käytettävyyden parantaminen palautteen ja tilastojen perusteella"\n',
)
def contract_development(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is LegalBasis.CONTRACT and p.kind is PurposeKind.SERVICE_DEVELOPMENT:
            yield Hit(ref.path, {"purpose": p.description})


@rule(
    id="RK-BASIS-CONSENT-FOR-ORDER", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 6(1)(a)–(b), 7(3)", title="Orders are not on consent",
    message=msg(
        fi='Tilausten tai asiakastilin käsittelyä ("{purpose}") ei tule perustaa suostumukseen, koska sen voi '
           'peruuttaa milloin tahansa; peruste on sopimus.',
        sv='Behandlingen av beställningar eller kundkonton ("{purpose}") bör inte grundas på samtycke, som kan '
           'återkallas när som helst; grunden är avtal.',
        en='Processing orders or customer accounts ("{purpose}") should not rest on consent, which can be withdrawn '
           'at any time; the basis is the contract.'),
    trigger="An `order` purpose, or an `account` purpose the data subject must provide (`provision` other than "
            "`voluntary`), is on `consent`.",
    fix="Use `contract`.",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilaukset"\n'
            'description = "Tilausten käsittely"\nkind = "order"\nlegal_basis = "consent"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilaukset"\n'
          'description = "Tilausten käsittely"\nkind = "order"\nlegal_basis = "contract"\n',
)
def consent_for_order(ctx: Context) -> Iterator[Hit]:
    for ref in ctx.purposes:
        p = ref.purpose
        if p.legal_basis is not LegalBasis.CONSENT or p.kind not in (PurposeKind.ORDER, PurposeKind.ACCOUNT):
            continue
        # An account the data subject need not open (`provision = "voluntary"`: nothing bought depends on it) can
        # rest on consent; withdrawing it closes the account and nothing else (issue 21, hold-out F: an optional
        # reading diary a child opens with consent, read as on a valid basis). Orders never.
        if p.kind is PurposeKind.ACCOUNT and p.provision is Provision.VOLUNTARY:
            continue
        yield Hit(ref.path, {"purpose": p.description})


@rule(
    id="RK-BASIS-PUBLIC-TASK", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 6(1)(e), 6(3); Tietosuojalaki 1050/2018 4 §", title="A shop does not rely on public task",
    message=msg(
        fi='Yleistä etua tai julkista valtaa koskeva peruste ei yleensä sovellu verkkokaupalle ("{purpose}").',
        sv='Grunden allmänt intresse eller myndighetsutövning passar i regel inte en webbutik ("{purpose}").',
        en='The public-interest or official-authority basis does not normally apply to a shop ("{purpose}").'),
    trigger="A purpose is on `public_task`.",
    fix="Choose the basis that applies to a private business (contract, legal obligation, legitimate interests "
        "or consent).",
    example=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilastot"\n'
            'description = "Tilastointi"\nlegal_basis = "public_task"\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.purposes]]\nkey = "tilastot"\n'
          'description = "Tilastointi"\nlegal_basis = "consent"\n',
)
def public_task(ctx: Context) -> Iterator[Hit]:
    # Tietosuojalaki 4 § ("Käsittelyn lainmukaisuus") lays down when 6(1)(e) applies in Finland: tasks of
    # authorities and public interest situations a shop does not meet [V, HE 9/2026 and HE 109/2021 on 4 §].
    for ref in ctx.purposes:
        if ref.purpose.legal_basis is LegalBasis.PUBLIC_TASK:
            yield Hit(ref.path, {"purpose": ref.purpose.description})


_SPECIAL_EXAMPLE = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "apuvalineet"
description = "Apuvälineiden sovitus"
legal_basis = "contract"
data_categories = ["terveys"]{condition}

[[registers.data_categories]]
key = "terveys"
name = "Terveystiedot"
special = true
'''


@rule(
    id="RK-SPECIAL-CATEGORY", requirement=Requirement.SPECIAL_CATEGORIES, severity=Severity.ERROR,
    article="GDPR 9(1)–(2), 13(1)(c); Tietosuojalaki 1050/2018 6 §", title="Special categories have a 9(2) condition",
    message=msg(
        fi='Erityisiin henkilötietoryhmiin kuuluvien tietojen ("{category}") käsittelylle puuttuu 9 artiklan 2 '
           'kohdan mukainen edellytys, esimerkiksi nimenomainen suostumus.',
        sv='För behandlingen av särskilda kategorier av personuppgifter ("{category}") saknas ett villkor enligt '
           'artikel 9.2, till exempel uttryckligt samtycke.',
        en='Processing special categories of personal data ("{category}") lacks a condition under Art. 9(2), for '
           'example explicit consent.'),
    trigger="A data category marked `special = true` is used by no purpose that gives a `special_condition`.",
    fix="Set `special_condition` on the purposes that use it (usually `explicit_consent`), or stop collecting it.",
    example=_SPECIAL_EXAMPLE.format(condition=""),
    fixed=_SPECIAL_EXAMPLE.format(condition='\nspecial_condition = "explicit_consent"'),
)
def special_category(ctx: Context) -> Iterator[Hit]:
    # Tietosuojalaki 6 § lists the national exceptions to the 9(1) prohibition (insurers, health and social care
    # providers, …) [S: tietosuoja.fi, yrittajat.fi]; the section number is [M] (research notes §2.4).
    for reg in ctx.registers:
        for i, cat in enumerate(reg.register.data_categories):
            if not cat.special:
                continue
            users = [(j, p) for j, p in enumerate(reg.register.purposes) if cat.key in p.data_categories]
            if not any(p.special_condition is not None for _, p in users):
                where = [f"{reg.path}.purposes[{j}]" for j, p in users] or [f"{reg.path}.data_categories[{i}]"]
                for path in where:
                    yield Hit(path, {"category": cat.name})



#: Words of a special category of personal data (9(1)) in a data category's own text: health (allergies, illness,
#: pregnancy, injuries, medication), religion, ethnic origin, trade union membership, biometric and genetic data
#: (lower case).
_SPECIAL_WORDS = re.compile(
    r"tervey\w*|allerg\w*|keliak\w*|celia\w*|coeliac|sairau\w*|diagno\w*|lääki\w*|raskau\w*|vamma\w*|"
    r"uskonnolli\w*|uskonto\w*|etni\w*|ethnic\w*|ammattiliit\w*|biometri\w*|sormenjälj\w*|geneetti\w*|geneti\w*|"
    r"häls\w*|sjukdom\w*|medic\w*|graviditet\w*|funktionsneds\w*|religi\w*|fackförening\w*|fingeravtryck\w*|"
    r"health\w*|illness\w*|pregnan\w*|injur\w*|disabilit\w*|trade union\w*|fingerprint\w*|"
    # Diets that reveal health or religion (issue 21, hold-outs D and E): lactose intolerance, gluten-free and
    # diabetic diets, halal and kosher food.
    r"laktoosi-?intoler\w*|intoleran\w*|gluteeni\w*|diabet\w*|erityisruokavalio\w*|halal\w*|kosher\w*|"
    r"laktosintoler\w*|gluten\w*|specialkost\w*|lactose intoler\w*|special diet\w*")
#: Words of a special category that a purpose's own text may use (narrower than :data:`_SPECIAL_WORDS`: a purpose
#: "terveystuotteiden myynti" sells health products, it does not process health data).
_SPECIAL_IN_PURPOSE = re.compile(
    r"allergi\w*|allergy|keliak\w*|celiaki\w*|coeliac|terveydentil\w*|terveystie\w*|sairau\w*|diagno\w*|"
    r"raskau\w*|laktoosi-?intoler\w*|erityisruokavalio\w*|halal\w*|kosher\w*|hälsouppgift\w*|"
    r"hälsotillstånd\w*|sjukdom\w*|specialkost\w*|health data|health condition\w*|medical condition\w*|"
    r"special diet\w*")
#: A clause that says it holds no such data ("ei terveystietoja", "inga hälsouppgifter", "no health data").
_NEGATED = re.compile(r"(?<!\w)(?:ei|emme|eikä|inga|inte|ej|no|not|never)(?!\w)")
#: Where a clause ends: a negation elsewhere in the text ("jos asiakas ei halua") says nothing of the special word.
_CLAUSE_END = re.compile(r"[.,;:()\n]")


def special_word(texts: list[str], pattern: re.Pattern[str]) -> str | None:
    """The first word of ``pattern`` in lower-cased ``texts`` that no negation in its own clause denies; ``None``
    also when a text is about an animal (a pet's allergies)."""
    for one in texts:
        if _ANIMAL.search(one):
            continue
        for m in pattern.finditer(one):
            starts = [e.end() for e in _CLAUSE_END.finditer(one, 0, m.start())]
            end = _CLAUSE_END.search(one, m.end())
            clause = one[starts[-1] if starts else 0:end.start() if end else len(one)]
            if not _NEGATED.search(clause):
                return m.group(0)
    return None


#: Data about an animal (a pet's allergies or health at a pet shop or a vet) is not data about the customer's health.
_ANIMAL = re.compile(r"lemmik\w*|eläim\w*|eläin\w*|koira\w*|kissa\w*|kissan\w*|hevo\w*|husdjur\w*|djur\w*|"
                     r"hund\w*|katt\w*|häst\w*|pets?\b|animal\w*|dogs?\b|cats?\b|horses?\b")

_UNMARKED = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "tilaukset"
description = "Kakkutilaukset"
legal_basis = "contract"
data_categories = ["ruokavalio"]{condition}

[[registers.data_categories]]
key = "ruokavalio"
name = "Ruoka-aineallergiat"
'''


@rule(
    id="RK-SPECIAL-CATEGORY-UNMARKED", requirement=Requirement.SPECIAL_CATEGORIES, severity=Severity.WARNING,
    article="GDPR 4(15), 9(1)–(2)", title="Data that reads as a special category is treated as one",
    message=msg(
        fi='Kohta "{category}" näyttää sisältävän erityisiin henkilötietoryhmiin kuuluvia tietoja '
           '("{word}"), esimerkiksi terveystietoja, mutta sille ei ole ilmoitettu 9 artiklan 2 kohdan mukaista '
           'edellytystä. Jos tiedot ovat sellaisia, kerro edellytys (yleensä nimenomainen suostumus).',
        sv='Avsnittet "{category}" verkar innehålla särskilda kategorier av personuppgifter ("{word}"), till exempel '
           'uppgifter om hälsa, men inget villkor enligt artikel 9.2 anges. Om uppgifterna är sådana, ange villkoret '
           '(oftast uttryckligt samtycke).',
        en='The item "{category}" appears to hold special categories of personal data ("{word}"), such as '
           'data concerning health, but no condition under Art. 9(2) is given. If it does, state the condition '
           '(usually explicit consent).'),
    trigger="A data category not marked `special` names or describes health (allergies, coeliac disease, lactose "
            "intolerance, gluten-free or diabetic diets, illness, pregnancy, injuries, medication), religion (halal "
            "or kosher food), ethnic origin, trade union membership, biometric or genetic data, and no purpose that "
            "uses it gives a `special_condition`; or a purpose without a `special_condition` says in its own "
            "description that it processes such data (allergies, coeliac disease, a health condition, a special "
            "diet, halal or kosher food). A clause that says there is no such data (\"ei terveystietoja\", "
            "\"terveystietoja emme kerää\"), or a text about an animal (a pet's allergies), passes; a negation in "
            "another clause (\"allergiat, jos asiakas ei halua…\") does not. A warning: the words suggest, the shop "
            "knows.",
    fix="Mark the category `special = true` and set `special_condition` (usually `explicit_consent`) on the purposes "
        "that use it, or stop collecting the data.",
    example=_UNMARKED.format(condition=""),
    fixed=_UNMARKED.format(condition='\nspecial_condition = "explicit_consent"'),
)
def special_category_unmarked(ctx: Context) -> Iterator[Hit]:
    # 4(15): "data concerning health" means personal data related to the physical or mental health of a natural
    # person, which reveal information about his or her health status; 9(1) prohibits processing it unless 9(2)
    # applies [V: gdprcommentary.eu and law-reg.org quoting the GDPR text]. Food allergies and coeliac disease
    # reveal a health status. Issue 21 (tuned leipomo-vehnapelto): a bakery asks allergies with cake orders and
    # treats them as ordinary order data.
    # Only the categories' and the purposes' own texts are read: one search of them joined (lower case) decides
    # for most statements, cheaper than asking the whole statement's vocabulary for the expression's literals.
    for reg in ctx.registers:
        purposes = reg.register.purposes
        categories = [c for c in reg.register.data_categories if not c.special]  # special ones: RK-SPECIAL-CATEGORY's
        everything = "\n".join(t for c in categories
                               for t in (*c.name.texts(), *(c.description.texts() if c.description else ()))).lower()
        described = "\n".join(t for p in purposes if p.special_condition is None for t in p.description.texts())
        if search(_SPECIAL_WORDS, everything) is None and search(_SPECIAL_IN_PURPOSE, described.lower()) is None:
            continue
        flagged: set[str] = set()
        if search(_SPECIAL_WORDS, everything) is not None:  # the expression's literals looked for first, once
            for i, cat in enumerate(reg.register.data_categories):
                if cat.special:
                    continue
                texts = [t.lower() for t in (*cat.name.texts(),
                                             *(cat.description.texts() if cat.description else ()))]
                word = special_word(texts, _SPECIAL_WORDS)
                if word is None:
                    continue
                if any(cat.key in p.data_categories and p.special_condition is not None for p in purposes):
                    continue
                flagged.add(cat.key)
                yield Hit(f"{reg.path}.data_categories[{i}]", {"category": cat.name, "word": word})
        # The data may be named only where the purpose is described ("Tilaukset; otamme huomioon allergiat ja
        # keliakian"), the categories being "Tilaustiedot": the purpose then processes it (issue 21, hold-outs D, E).
        special_keys = {c.key for c in reg.register.data_categories if c.special}
        for j, purpose in enumerate(purposes):
            if purpose.special_condition is not None or flagged.intersection(purpose.data_categories):
                continue
            if special_keys.intersection(purpose.data_categories):  # RK-SPECIAL-CATEGORY's
                continue
            word = special_word([t.lower() for t in purpose.description.texts()], _SPECIAL_IN_PURPOSE)
            if word is not None:
                yield Hit(f"{reg.path}.purposes[{j}]", {"category": purpose.description, "word": word})

@rule(
    id="RK-CRIMINAL-DATA", requirement=Requirement.SPECIAL_CATEGORIES, severity=Severity.WARNING,
    article="GDPR 10; Tietosuojalaki 1050/2018 7 §", title="Criminal-offence data only where the law allows",
    message=msg(
        fi='Rikostuomioita ja rikkomuksia koskevia tietoja ("{category}") saa käsitellä vain tietosuoja-asetuksen '
           '10 artiklan ja tietosuojalain edellytyksin; kerro peruste tai lopeta käsittely.',
        sv='Uppgifter om lagöverträdelser ("{category}") får behandlas endast på de villkor som anges i artikel 10 i '
           'dataskyddsförordningen och i dataskyddslagen; ange grunden eller avsluta behandlingen.',
        en='Data on criminal convictions and offences ("{category}") may only be processed as GDPR Art. 10 and the '
           'Data Protection Act allow; state the ground or stop processing it.'),
    trigger="A data category is marked `criminal = true`.",
    fix="Check that Tietosuojalaki 7 § permits the processing (e.g. legal claims) and say so; otherwise remove it.",
    example=CONTROLLER + REGISTER + '\n[[registers.data_categories]]\nkey = "rikokset"\n'
            'name = "Tiedot myymälävarkauksista"\ncriminal = true\n',
    fixed=CONTROLLER + REGISTER + '\n[[registers.data_categories]]\nkey = "ostot"\nname = "Ostohistoria"\n',
)
def criminal_data(ctx: Context) -> Iterator[Hit]:
    # Tietosuojalaki 7 § as the national provision is [M] (research notes §2.4), not re-checked.
    for reg in ctx.registers:
        for i, cat in enumerate(reg.register.data_categories):
            if cat.criminal:
                yield Hit(f"{reg.path}.data_categories[{i}]", {"category": cat.name})


#: Contact persons or employees of a business customer or partner: the contract is the company's, not theirs.
_CONTACT_PERSONS = re.compile(
    r"yhteyshenkilö\w*|työntekijä\w*|henkilökun\w*|edustaj\w*|kontaktperson\w*|anställd\w*|medarbetar\w*|"
    r"företrädar\w*|contact person\w*|employee\w*|staff|representative\w*")
_BUSINESS = re.compile(r"yritys\w*|yrityks\w*|yhteisö\w*|organisaat\w*|yhtiö\w*|b2b|företag\w*|organisation\w*|"
                       r"bolag\w*|compan\w*|business\w*|corporate|organi[sz]ation\w*")
#: The controller's own staff (an employer's register), not a customer's.
_OWN_STAFF = re.compile(r"\b(?:oma\w*|omien|meidän|vår|våra|our|own)\s+(?:\w+\s+)?(?:työntekijä\w*|henkilökun\w*|"
                        r"anställd\w*|employees|staff)")

_CONTACTS = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "yritysasiakkaat"
description = "Yritysasiakkaiden yhteyshenkilöiden tietojen käsittely tilausten ja laskutuksen hoitamiseksi"
kind = "order"
legal_basis = "{basis}"{interest}
'''


@rule(
    id="RK-BASIS-CONTRACT-THIRD-PERSON", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 6(1)(b), 6(1)(f)", title="Contact persons of a business customer are not party to its contract",
    message=msg(
        fi='Tarkoituksen "{purpose}" peruste on sopimus, mutta se koskee yritysasiakkaan yhteyshenkilöitä tai '
           'työntekijöitä ("{word}"), jotka eivät itse ole sopimuksen osapuolia. 6 artiklan 1 kohdan b alakohta '
           'edellyttää, että rekisteröity on sopimuksen osapuoli; yhteyshenkilöiden tietojen peruste on yleensä '
           'oikeutettu etu.',
        sv='Ändamålet "{purpose}" grundas på avtal, men det gäller kontaktpersoner eller anställda hos en '
           'företagskund ("{word}"), som inte själva är parter i avtalet. Artikel 6.1 b förutsätter att den '
           'registrerade är part i avtalet; för kontaktpersoner är grunden oftast berättigat intresse.',
        en='The purpose "{purpose}" rests on a contract, but it concerns contact persons or employees of a business '
           'customer ("{word}"), who are not party to the contract themselves. Art. 6(1)(b) needs the data subject '
           'to be party to the contract; for contact persons the basis is usually legitimate interests.'),
    trigger="A purpose on `contract` whose description speaks of contact persons, employees or representatives "
            "of a company, an organisation or a business customer (\"yritysasiakkaiden yhteyshenkilöt\", "
            "\"kontaktpersoner hos företagskunder\", \"employees of customer companies\"), not of the controller's "
            "own staff.",
    fix="Set `legal_basis = \"legitimate_interests\"` with the interest (\"asiakassuhteen hoitaminen "
        "yritysasiakkaan kanssa\"), or split the purpose: contract for sole traders, legitimate interests for "
        "contact persons.",
    example=_CONTACTS.format(basis="contract", interest=""),
    fixed=_CONTACTS.format(basis="legitimate_interests",
                           interest='\nlegitimate_interest = "Yritysasiakassuhteen hoitaminen"'),
)
def basis_contract_third_person(ctx: Context) -> Iterator[Hit]:
    # 6(1)(b): "processing is necessary for the performance of a contract to which the data subject is party"
    # [V: GDPR text]; EDPB Guidelines 2/2019 on 6(1)(b) read it as the data subject's own contract [M: not re-read,
    # paragraph unknown]. Issue 21, hold-outs D and E: employees of customer companies processed "on the
    # contract".
    # Structured fields first: only purposes on contract are read, each text with the expression's literals looked
    # for before the expression runs (cheaper than asking the whole statement's vocabulary first).
    for reg in ctx.registers:
        for j, purpose in enumerate(reg.register.purposes):
            if purpose.legal_basis is not LegalBasis.CONTRACT:
                continue
            for one in purpose.description.texts():
                low = one.lower()
                found = search(_CONTACT_PERSONS, low)
                if found is None or _BUSINESS.search(low) is None or _OWN_STAFF.search(low):
                    continue
                yield Hit(f"{reg.path}.purposes[{j}]", {"purpose": purpose.description, "word": found.group(0)})
                break


_VITAL = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "turvallisuus"
description = "Kurssilaisen turvallisuus: ohjaaja tietää etukäteen sairaudet, jotka voivat vaatia nopeaa toimintaa."
legal_basis = "{basis}"
special_condition = "{condition}"
data_categories = ["terveys"]
provision = "voluntary"

[[registers.data_categories]]
key = "terveys"
name = "Terveystiedot"
special = true
'''


@rule(
    id="RK-SPECIAL-VITAL-INTERESTS", requirement=Requirement.SPECIAL_CATEGORIES, severity=Severity.WARNING,
    article="GDPR 9(2)(c), 9(2)(a); recital 46",
    title="Vital interests are no condition for data asked in advance",
    message=msg(
        fi='Tarkoituksen "{purpose}" erityisiin henkilötietoryhmiin kuuluvat tiedot perustuvat rekisteröidyn '
           'elintärkeään etuun (9 artiklan 2 kohdan c alakohta). Se soveltuu vain, kun rekisteröity on fyysisesti '
           'tai oikeudellisesti estynyt antamasta suostumustaan, esimerkiksi hätätilanteessa; etukäteen '
           'rekisteröidyltä tai huoltajalta kysytyt tiedot tarvitsevat muun edellytyksen, yleensä nimenomaisen '
           'suostumuksen.',
        sv='De särskilda kategorierna av personuppgifter för ändamålet "{purpose}" grundas på den registrerades '
           'grundläggande intressen (artikel 9.2 c). Det villkoret gäller bara när den registrerade fysiskt eller '
           'rättsligt är förhindrad att ge sitt samtycke, till exempel i en nödsituation; uppgifter som frågas i '
           'förväg av den registrerade eller vårdnadshavaren behöver ett annat villkor, oftast uttryckligt samtycke.',
        en='The special categories of personal data of the purpose "{purpose}" rest on vital interests (Art. '
           '9(2)(c)). That condition applies only where the data subject is physically or legally incapable of '
           'giving consent, as in an emergency; data asked in advance of the data subject or a guardian needs '
           'another condition, usually explicit consent.'),
    trigger="A purpose gives `special_condition = \"vital_interests\"` and asks the data of the data subject "
            "(`provision` is set and is not `not_requested`: the data is requested, so someone able to consent is "
            "there to ask).",
    fix="Use `special_condition = \"explicit_consent\"` (and say the consent can be withdrawn), or another 9(2) "
        "condition that applies; keep vital interests for a real emergency.",
    example=_VITAL.format(basis="vital_interests", condition="vital_interests"),
    fixed=_VITAL.format(basis="consent", condition="explicit_consent"),
)
def special_vital_interests(ctx: Context) -> Iterator[Hit]:
    # 9(2)(c): "processing is necessary to protect the vital interests of the data subject or of another natural
    # person where the data subject is physically or legally incapable of giving consent" [V: GDPR text, the
    # same words as Directive 95/46 8(2)(c) quoted in WP29 Opinion 06/2014]; recital 46: vital interests only
    # where the processing cannot manifestly be based on another legal basis [V: AEPD, quoting recital 46].
    # Issue 21, hold-out D: a swimming school asks parents for their children's illnesses when booking and puts
    # them on 9(2)(c).
    for ref in ctx.purposes:
        p = ref.purpose
        # data not asked of the data subject (`not_requested`: given by a companion or paramedics) asks no one able
        # to consent (issue 21, false-alarm hunt)
        if (p.special_condition is SpecialCondition.VITAL_INTERESTS and p.provision is not None
                and p.provision is not Provision.NOT_REQUESTED):
            yield Hit(ref.path, {"purpose": p.description})


def unpurposed_categories(register: Register) -> list[int]:
    """The indexes of the register's data categories that a source brings in but no purpose uses, when its
    purposes do name their data categories (a register whose purposes name none says nothing either way, nor does
    one with a purpose that names none: that purpose may be the one that uses the category; issue 21, round 5,
    false-alarm hunt)."""
    used = {key for p in register.purposes for key in p.data_categories}
    if not used or not all(p.data_categories for p in register.purposes):
        return []
    sourced = {key for s in register.sources for key in s.data_categories}
    return [i for i, c in enumerate(register.data_categories) if c.key in sourced and c.key not in used]


_UNPURPOSED = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "kulunvalvonta"
description = "Kulkuoikeuksien hallinta"
legal_basis = "legitimate_interests"
legitimate_interest = "Tilojen suojaaminen"
data_categories = ["kulku"{more}]

[[registers.data_categories]]
key = "kulku"
name = "Kulkutapahtumat"

[[registers.data_categories]]
key = "tallenteet"
name = "Kameravalvonnan tallenteet"

[[registers.sources]]
kind = "device"
data_categories = ["kulku", "tallenteet"]
'''


@rule(
    id="RK-CATEGORY-NO-PURPOSE", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="GDPR 13(1)(c), 14(1)(c), 6(1)", title="Data that is collected has a purpose and a basis",
    message=msg(
        fi='Tietoja "{category}" kerätään (ne on mainittu tietolähteissä), mutta mikään käsittelyn tarkoitus ei '
           'käytä niitä: niiden käsittelylle ei ole kerrottu tarkoitusta eikä oikeusperustetta.',
        sv='Uppgifterna "{category}" samlas in (de nämns bland källorna), men inget ändamål använder dem: varken '
           'ändamål eller rättslig grund anges för behandlingen av dem.',
        en='The data "{category}" is collected (a source brings it in), but no purpose uses it: no purpose or legal '
           'basis is given for processing it.'),
    trigger="A data category is listed in a source's `data_categories` but in no purpose's, while every purpose of "
            "the register lists its data categories (camera recordings that appear among the data and the sources "
            "but under no purpose).",
    fix="Add the purpose that uses the data (e.g. camera surveillance on `legitimate_interests` with the interest "
        "stated) and its retention, or stop collecting the data.",
    example=_UNPURPOSED.format(more=""),
    fixed=_UNPURPOSED.format(more=', "tallenteet"'),
)
def category_no_purpose(ctx: Context) -> Iterator[Hit]:
    # 13(1)(c) asks for "the purposes of the processing for which the personal data are intended as well as the
    # legal basis for the processing" [V: GDPR text]. Issue 21, hold-out E: a coworking space lists recording
    # cameras among its data and sources, with no purpose, basis or retention.
    for reg in ctx.registers:
        for i in unpurposed_categories(reg.register):
            yield Hit(f"{reg.path}.data_categories[{i}]", {"category": reg.register.data_categories[i].name})


#: Data read from the user's device that tracks them: its location or its advertising identifier (lower case).
_DEVICE_TRACKING = re.compile(
    r"sijain\w*|paikannu\w*|\bgps\b|location\w*|positio\w*|platsuppgift\w*|mainostunnis\w*|"
    r"reklam-?id\w*|annons-?id\w*|advertising id\w*|advertising identifier\w*|\bidfa\b|\bgaid\b")
#: A denial in the clause before a location or advertising id: "emme lue mainostunnistetta", "(ei sijaintia)", "vi
#: läser inte reklam-ID", "without the advertising ID", "we never read your location".
_TRACKING_DENIED = re.compile(
    r"(?<!\w)(?:ei|emme|eikä|emmekä|ilman|inga?|inget|inte|ej|utan|no|not|never|without)(?!\w)")


#: A location only guessed from the IP address or given as a town or a postcode (lower case).
_APPROXIMATE_ONLY = re.compile(
    r"likimää\w*|karkea\w*|ungefärlig\w*|approximate\w*|ip-osoit\w*|ip-adress\w*|ip address\w*|"
    r"(?:maa|kaupunki|country|city|land|stad)(?:tason|tasolla|-level| level|nivå)|\((?:stad|kaupunki|city)\)|"
    r"postinumero\w*|postnummer\w*|post ?codes?|postal codes?|zip codes?")
#: Words of a precise or continuous location, which no approximate word beside them excuses.
_PRECISE = re.compile(r"\bgps\b|tark(?:ka|an|kaa) sijain\w*|precise\w*|exakt\w*|paikanni\w*|taustal\w*|"
                      r"background|bakgrund\w*|mainostunnis\w*|reklam-?id\w*|annons-?id\w*|advertising id\w*|"
                      r"\bidfa\b|\bgaid\b")


def _reads_tracking(low: str) -> bool:
    """Whether a lowercased text names a location or advertising id that it does not deny in the same clause (a
    category that says it never reads them reads none; issue 21, false-alarm hunt), and not an approximate one (a
    town guessed from the IP address, a postcode: nothing is read from the device; issue 21, round 5, as
    RK-DPO-LIKELY-REQUIRED reads it)."""
    if _APPROXIMATE_ONLY.search(low) and not _PRECISE.search(low):
        return False
    for m in _DEVICE_TRACKING.finditer(low):
        head = max(low.rfind(c, 0, m.start()) for c in ".;,(:") + 1
        if not _TRACKING_DENIED.search(low, head, m.start()):
            return True
    return False


#: Purposes that profile to keep people safe or to stop fraud, not to offer them anything.
_SAFETY_KINDS = frozenset({PurposeKind.FRAUD_PREVENTION, PurposeKind.SECURITY})

_TRACKED = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "tarjoukset"
description = "Lähetämme sovellukseen tarjouksia, kun kuljet myymälän ohi."
kind = "profiling"
profiling = true
{basis}
data_categories = ["sijainti"]

[[registers.data_categories]]
key = "sijainti"
name = "Puhelimen sijainti"

[[registers.sources]]
kind = "device"
data_categories = ["sijainti"]
'''


@rule(
    id="RK-BASIS-DEVICE-TRACKING", requirement=Requirement.LEGAL_BASIS, severity=Severity.WARNING,
    article="917/2014 205 §; Directive 2002/58/EC 5(3); GDPR 6(1)(a), 6(1)(f)",
    title="Location or advertising ids read from the device for offers need consent",
    message=msg(
        fi='Tarkoitus "{purpose}" käyttää profilointiin tai markkinointiin käyttäjän laitteelta luettuja tietoja '
           '("{category}"), mutta peruste on {basis}. Tietojen lukeminen käyttäjän päätelaitteelta muuhun kuin '
           'pyydetyn palvelun välttämättömään toimintaan edellyttää suostumusta (sähköisen viestinnän palveluista '
           'annetun lain 205 §); jatkuva sijainnin seuranta tarjouksia varten tuskin läpäisee oikeutetun edun '
           'punnintaa.',
        sv='Ändamålet "{purpose}" använder uppgifter som läses från användarens enhet ("{category}") för profilering '
           'eller marknadsföring, men grunden är {basis}. Att läsa uppgifter från användarens terminalutrustning för '
           'annat än vad den begärda tjänsten kräver förutsätter samtycke (205 § i lagen om tjänster inom '
           'elektronisk kommunikation); fortlöpande positionsspårning för erbjudanden klarar knappast '
           'intresseavvägningen.',
        en='The purpose "{purpose}" uses data read from the user\'s device ("{category}") for profiling or marketing, '
           'but its basis is {basis}. Reading data from the user\'s terminal equipment for anything the requested '
           'service does not strictly need requires consent (917/2014 205 §, ePrivacy Directive 5(3)); continuous '
           'location tracking for offers is unlikely to pass the balancing of legitimate interests.'),
    trigger="A profiling, direct-marketing or advertising purpose on `legitimate_interests` or `contract` uses a "
            "data category that a `device` source brings in and that names the device's location or its "
            "advertising identifier (sijainti, GPS, location, mainostunniste, advertising id). A purpose of kind "
            "`fraud_prevention` or `security` that markets nothing (riding scored to suspend dangerous riders) is "
            "not reported.",
    fix="Put the purpose on `consent` (asked in the app, withdrawable at any time), or stop reading location or the "
        "advertising id for it.",
    example=_TRACKED.format(basis='legal_basis = "legitimate_interests"\nlegitimate_interest = "Myynnin lisääminen"'),
    fixed=_TRACKED.format(basis='legal_basis = "consent"'),
)
def basis_device_tracking(ctx: Context) -> Iterator[Hit]:
    # 917/2014 205 §: storing data on, or using data from, the user's terminal device needs consent unless strictly
    # necessary for a service the user requested [S: research notes §3.1]; ePrivacy 5(3) is its source [M: not
    # re-read]. WP29 Opinion 06/2014 on the balancing of 6(1)(f) and WP251 on profiling are the lawyer's reading
    # [M: paragraphs not re-read]. Issue 21, hold-out F: a loyalty app tracks members' location in the background
    # to push offers, on legitimate interests.
    for reg in ctx.registers:
        device = {key for s in reg.register.sources if s.kind.value == "device" for key in s.data_categories}
        if not device:
            continue
        tracked = {c.key: c for c in reg.register.data_categories if c.key in device and any(
            _reads_tracking(t.lower())
            for t in (*c.name.texts(), *(c.description.texts() if c.description else ())))}
        if not tracked:
            continue
        for j, p in enumerate(reg.register.purposes):
            if p.legal_basis not in (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.CONTRACT):
                continue
            if not (p.profiling or ctx.is_marketing(p) or p.kind in (PurposeKind.PROFILING, PurposeKind.ADVERTISING)):
                continue
            # Issue 21, round 8 (hold-out K: a scooter rental scores riding from its trips to suspend dangerous
            # riders, on legitimate interests): profiling for safety or fraud prevention is no offer. The trip data
            # is read in the course of the rental the user asked for (205 §'s exception for what the requested
            # service strictly needs [S: research notes §3.1; M: not re-read]), and whether the scoring is fair is
            # a question of 6(1)(f) and Art. 22, not of consent for reading the device.
            if p.kind in _SAFETY_KINDS and not ctx.is_marketing(p):
                continue
            used = [tracked[key] for key in p.data_categories if key in tracked]
            if used:
                basis = _BASIS_NAMES[p.legal_basis]
                yield Hit(f"{reg.path}.purposes[{j}]", {"purpose": p.description, "category": used[0].name,
                                                         "basis": basis})


_BASIS_NAMES = {
    LegalBasis.LEGITIMATE_INTERESTS: text("oikeutettu etu", "berättigat intresse", "legitimate interests"),
    LegalBasis.CONTRACT: text("sopimus", "avtal", "contract"),
}

"""Recipients named in the purposes but missing from the recipients (GDPR 13(1)(e), 14(1)(e)).

Real statements often say who gets the data only where they describe a purpose ("tilaukset toimitetaan Postin
kautta", "maksut välittää Paytrail") while their section on disclosures says nothing is disclosed, or lists others.
A reader of the recipients section is then misled. These rules read the register's purposes and data categories for
carriers, payment and debt-collection services, and provider groups commonly outside the EU/EEA, and compare them
with the register's recipients.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import PurposeKind, Recipient, RecipientRole, Register, SourceKind
from rekisterikit.validate import data
from rekisterikit.validate.context import Context, RegisterRef
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

#: Carriers, payment services and debt collectors that Finnish and Swedish shops name, as proper nouns (matched
#: case-sensitively, so "postitse" and "sähköposti" are not Posti), with the lower-case stem a recipient entry that
#: names them contains, and the activity a recipient category may give instead of the name.
_SERVICES: dict[str, tuple[str, str]] = {
    r"Posti(?:n|lle|lta|lla|a)?": ("posti", "carrier"), r"Itella\w*": ("itella", "carrier"),
    r"Matkahuol(?:to|lo)\w*": ("matkahuol", "carrier"), r"PostNord\w*": ("postnord", "carrier"),
    r"Bring(?:in|ille|ilta)?": ("bring", "carrier"), r"DHL\w*": ("dhl", "carrier"), r"UPS(?::\w+)?": ("ups", "carrier"),
    r"FedEx\w*": ("fedex", "carrier"), r"GLS\w*": ("gls", "carrier"), r"Budbee\w*": ("budbee", "carrier"),
    r"Schenker\w*": ("schenker", "carrier"), r"Kaukokii\w*": ("kaukokii", "carrier"),
    r"Airmee\w*": ("airmee", "carrier"), r"Instabox\w*": ("instabox", "carrier"), r"Omniva\w*": ("omniva", "carrier"),
    r"Paytrail\w*": ("paytrail", "payment"), r"Klarna\w*": ("klarna", "payment"), r"Svea\w*": ("svea", "payment"),
    r"Walley\w*": ("walley", "payment"), r"PayPal\w*": ("paypal", "payment"), r"MobilePay\w*": ("mobilepay", "payment"),
    r"Vipps\w*": ("vipps", "payment"), r"Nets(?:in|ille|iltä)?": ("nets", "payment"), r"Nexi\w*": ("nexi", "payment"),
    r"Adyen\w*": ("adyen", "payment"), r"Bambora\w*": ("bambora", "payment"), r"Swish\w*": ("swish", "payment"),
    r"Checkout Finland\w*": ("checkout", "payment"), r"Visma Pay\w*": ("visma", "payment"),
    r"Maksuturva\w*": ("maksuturva", "payment"), r"Resurs Bank\w*": ("resurs", "payment"),
    r"Riverty\w*": ("riverty", "payment"), r"Afterpay\w*": ("afterpay", "payment"),
    r"Intrum\w*": ("intrum", "collection"), r"Lowell\w*": ("lowell", "collection"), r"Ropo\w*": ("ropo", "collection"),
}
_NAMED = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(_SERVICES)) + r")(?!\w)")
_STEMS = list(_SERVICES.values())
#: A literal every service name starts with (its first letters as written), to skip texts that name none.
_LITERALS = tuple(sorted({re.match(r"[A-Za-z ]+", p).group(0)  # type: ignore[union-attr]
                          for p in _SERVICES}))
_ANY_LITERAL = re.compile("|".join(map(re.escape, _LITERALS)))
#: A service named only by what it does, when the statement says nothing is disclosed (lower case).
_ACTIVITY_WORDS = re.compile(
    r"kuljetusliik\w*|kuljetusyhtiö\w*|kuriiri\w*|logistiikkakumppan\w*|huolinta\w*|maksunväli\w*|"
    r"maksupalvelu(?:n)?tarjoaj\w*|maksuvälitt\w*|perintätoimist\w*|perintäyhtiö\w*|"
    r"fraktbolag\w*|transportföretag\w*|transportbolag\w*|speditör\w*|budfirm\w*|betaltjänst\w*|"
    r"betalningsförmedl\w*|inkasso\w*|courier\w*|carriers?\b|shipping compan\w*|delivery compan\w*|"
    r"payment (?:service )?provider\w*|debt collect\w*")
#: What a recipient category or description says the recipients do, per activity (lower case).
_ACTIVITY = {
    "carrier": re.compile(r"kuljet\w*|toimit\w*|logisti\w*|kuriiri\w*|\bposti\w*|huolinta\w*|rahti\w*|frakt\w*|"
                          r"transport\w*|leverans\w*|logistik\w*|bud\w*|deliver\w*|shipping|carrier\w*|courier\w*|"
                          r"parcel\w*"),
    "payment": re.compile(r"maksu\w*|rahoitu\w*|luoto\w*|betaln\w*|betal\w*|finansi\w*|kredit\w*|payment\w*|"
                          r"financ\w*|credit\w*|invoic\w*|lasku\w*|faktur\w*"),
    "collection": re.compile(r"perintä\w*|saatav\w*|inkasso\w*|indriv\w*|collection\w*|debt\w*"),
}
_ACTIVITY_OF_WORD = (("carrier", re.compile(r"kulj|kuri|logi|huol|frak|tran|sped|bud|cour|carr|ship|deli")),
                     ("payment", re.compile(r"maks|beta|paym")), ("collection", re.compile(r"peri|inka|debt")))


def _texts(register: Register) -> Iterator[tuple[str, str]]:
    """The register's purpose descriptions, with their paths' owners (where a statement says who delivers or who
    takes the payment)."""
    for j, p in enumerate(register.purposes):
        for t in p.description.texts():
            yield f"purposes[{j}]", t


def _recipient_text(recipients: tuple[Recipient, ...]) -> str:
    parts: list[str] = []
    for r in recipients:
        parts += [r.name or "", r.authority or ""]
        parts += [x for v in (r.category, r.description) if v is not None for x in v.texts()]
    return "\n".join(parts).lower()


def _covered(stem: str, activity: str, listed: str) -> bool:
    """Whether the listed recipients name the service or give its activity."""
    return re.search(r"(?<!\w)" + re.escape(stem), listed) is not None or _ACTIVITY[activity].search(listed) is not None


def _named_by_cookie(ctx: Context, provider: data.Provider) -> bool:
    """Whether a declared cookie names the provider group as its provider (the cookie declaration already tells the
    visitor who gets that data)."""
    return any(c.cookie.provider is not None and provider.named_in(c.cookie.provider) for c in ctx.cookies)


def _cookie_provider(ctx: Context, name: str) -> bool:
    """Whether a declared cookie's provider is ``name`` (or either contains the other, ignoring case), or of the same
    known group ("Google LLC" in the transfers, "Google Ireland Limited" in the cookie table: issue 21, round 5,
    false-alarm hunt)."""
    low = name.lower()
    providers = [c.cookie.provider for c in ctx.cookies if c.cookie.provider is not None]
    if any(low in p.lower() or p.lower() in low for p in providers):
        return True
    groups = [g for g in data.providers()[1] if g.named_in(name)]
    return any(g.named_in(p) for g in groups for p in providers)


@cache
def _stem_of(name: str) -> re.Pattern[str] | None:
    first = re.match(r"[A-Za-z]+", name)
    if first is None or len(first.group(0)) < 5:
        return None
    return re.compile(r"(?<![\w-])" + re.escape(first.group(0).lower()) + r"(?:in|n|s|ille|lla|lta)?(?![\w])")


def _stem(provider: data.Provider) -> re.Pattern[str] | None:
    """The provider group's first name as the start of a word, for Finnish and Swedish inflections ("Mailchimpin",
    "Googlen", "Klaviyos"), when it is long enough not to start common words (not "Meta": "metalli")."""
    return _stem_of(provider.name)


def _named_inflected(provider: data.Provider, text_: str) -> bool:
    """Whether ``text_`` names the provider group, also in an inflected form of its first name."""
    if provider.named_in(text_):
        return True
    stem = _stem(provider)
    return stem is not None and stem.search(text_.lower()) is not None


def _unlisted(ctx: Context, reg: RegisterRef, generic: bool) -> Iterator[tuple[str, str]]:
    """``(owner, name)`` of services the register's purposes or data categories name and its recipients do not;
    with ``generic``, also services named only by their activity (the recipients are an explicit "none")."""
    seen: set[str] = set()
    texts = list(_texts(reg.register))
    everything = "\n".join(t for _, t in texts)
    named = _ANY_LITERAL.search(everything) is not None  # usually none; case-sensitive, so only capitals are tried
    if not named and not generic:
        return
    listed = _recipient_text(reg.register.recipients or ())
    groups: list[data.Provider] = []
    if generic:  # the provider groups' expressions are slow: read only where the statement denies any recipient
        _, known = data.providers()
        groups = [p for p in known if _named_inflected(p, everything) and not p.named_in(listed)
                  and not _named_by_cookie(ctx, p)]
    for owner, t in texts:
        for match in _NAMED.finditer(t) if named else ():
            index = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
            stem, activity = _STEMS[index]
            if stem not in seen and not _covered(stem, activity, listed):
                seen.add(stem)
                yield owner, match.group(0)
        low = t.lower()
        if generic:
            word = _ACTIVITY_WORDS.search(low)
            if word is not None:
                activity = next(a for a, p in _ACTIVITY_OF_WORD if p.match(word.group(0)))
                if activity not in seen and not _ACTIVITY[activity].search(listed):
                    seen.add(activity)
                    yield owner, t[word.start():word.end()] if len(t) == len(low) else word.group(0)
        for p in groups:
            if p.name not in seen and _named_inflected(p, t):
                seen.add(p.name)
                yield owner, p.name


_NONE = '\nrecipients = []\n'
_DELIVERY = ('\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely ja toimittaminen '
             'Postin kautta."\nkind = "order"\nlegal_basis = "contract"\n')


@rule(
    id="RK-RECIPIENTS-CONTRADICTED", requirement=Requirement.RECIPIENTS, severity=Severity.ERROR,
    article="GDPR 13(1)(e), 14(1)(e), 5(1)(a)", title="A statement that discloses to nobody names no recipient",
    message=msg(
        fi='Rekisterin "{register}" mukaan tietoja ei luovuteta kenellekään, mutta käsittelyn kuvauksessa '
           'mainitaan "{name}", joka saa tietoja. Ilmoita se vastaanottajana (nimi tai toimiala ja rooli).',
        sv='Enligt registret "{register}" lämnas uppgifter inte ut till någon, men beskrivningen av behandlingen '
           'nämner "{name}", som får uppgifter. Ange den som mottagare (namn eller bransch och roll).',
        en='The register "{register}" says data goes to nobody, but the description of the processing names '
           '"{name}", which receives data. List it as a recipient (name, or activity and role).'),
    trigger="A register states `recipients = []`, and one of its purposes names a carrier, "
            "payment service or debt collector (Posti, Matkahuolto, PostNord, DHL, Paytrail, Klarna, Svea …), a "
            "service by its activity (\"kuljetusliike\", \"maksunvälittäjä\", \"fraktbolag\", \"payment service "
            "provider\"), or a provider group commonly outside the EU/EEA (package data `providers.json`) that no "
            "declared cookie names.",
    fix="List the service in `recipients` with its role (processor or controller) and country.",
    example=CONTROLLER + REGISTER.rstrip("\n") + _NONE + _DELIVERY,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Posti Oy", role = "processor", '
          'country = "FI" }]\n' + _DELIVERY,
)
def recipients_contradicted(ctx: Context) -> Iterator[Hit]:
    # 13(1)(e): "the recipients or categories of recipients of the personal data, if any" [V, GDPR text on
    # gdprhub.eu]; a carrier that delivers the order receives the customer's name and address. Issue 21 (third
    # hold-out): carriers named only in a purpose while the disclosure section denied any recipient.
    for reg in ctx.registers:
        if reg.register.recipients != ():
            continue
        for owner, name in _unlisted(ctx, reg, generic=True):
            yield Hit(f"{reg.path}.{owner}", {"register": reg.register.name, "name": name})


_KEPT_BY = ('\nsecurity = "Rekisteri on tallennettu ajanvarausjärjestelmään (Varauspalvelu Kalenteri Oy), johon '
            'on pääsy vain salasanalla."\n')


@rule(
    id="RK-RECIPIENTS-SECURITY-PROVIDER", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e), 4(9), 28", title="A company that keeps the register is a recipient",
    message=msg(
        fi='Rekisterin "{register}" mukaan tietoja ei luovuteta kenellekään, mutta tietoturvakuvauksen mukaan '
           'rekisteri on ulkopuolisen yrityksen järjestelmässä ("{name}"). Henkilötietojen käsittelijä on '
           'vastaanottaja: ilmoita se vastaanottajana (nimi tai toimiala ja rooli).',
        sv='Enligt registret "{register}" lämnas uppgifter inte ut till någon, men enligt beskrivningen av '
           'säkerheten finns registret i ett utomstående företags system ("{name}"). Ett personuppgiftsbiträde är '
           'en mottagare: ange det som mottagare (namn eller bransch och roll).',
        en='The register "{register}" says data goes to nobody, but its security section keeps the register in an '
           'outside company\'s system ("{name}"). A processor is a recipient: list it (name, or activity and '
           'role).'),
    trigger="A register states `recipients = []` and its `security` text says the register is stored, kept or "
            "hosted in a system or service and names a company by its legal form (\"tallennettu "
            "ajanvarausjärjestelmään (Ajanvaraus Kampa Oy)\", \"lagras hos … Ab\", \"hosted by … Ltd\") other "
            "than the controller.",
    fix="List the company in `recipients` with `role = \"processor\"` and its country.",
    example=CONTROLLER + REGISTER.rstrip("\n") + _NONE.rstrip("\n") + _KEPT_BY + _DELIVERY.replace(
        " Postin kautta", ""),
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Varauspalvelu Kalenteri Oy", role = '
          '"processor", country = "FI" }]' + _KEPT_BY + _DELIVERY.replace(" Postin kautta", ""),
)
def recipients_security_provider(ctx: Context) -> Iterator[Hit]:
    # 4(9): a recipient is anyone "to which the personal data are disclosed, whether a third party or not", so a
    # processor too; 13(1)(e) asks for the recipients or their categories [V, GDPR text, as RK-RECIPIENTS-
    # CONTRADICTED]. Issue 21, round 6 (hold-out I, kampaamo-saksikasi): "Rekisteri on tallennettu
    # ajanvarausjärjestelmään (Ajanvaraus Kampa Oy)" in the security section, "no data is disclosed" in the
    # recipients.
    controller = ctx.statement.controller
    own = {n.lower() for n in (controller.name, controller.legal_name) if n}
    for reg in ctx.registers:
        if reg.register.recipients != () or reg.register.security is None:
            continue
        for t in reg.register.security.texts():
            name = _outside_system(t)
            if name is not None and not any(mine in name.lower() for mine in own):
                yield Hit(f"{reg.path}.security", {"register": reg.register.name, "name": name})
                break


def _outside_system(t: str) -> str | None:
    """The company (by its legal form) or the named product a security text says the register is kept in, if any.

    Round 10 (issue 21, real statements): "Rekisteri on talletettu Phorest-järjestelmään" names the booking system
    by its product name only; in Finnish and Swedish a capital letter right after the verb of storing is a proper
    name, and one that is no place (Suomi, EU, Finland …) is an outside product or company."""
    if not _STORED_WITH.search(t):
        return None
    company = _NAMED_COMPANY.search(t)
    if company is not None:
        return company.group(0)
    system = _STORED_IN_NAMED.search(t)
    return None if system is None or _PLACE.match(system.group(1)) else system.group(1)


#: Partners that use the data for their own marketing, or market jointly with the controller (lower case): the
#: partner word next to the marketing word ("sen yhteistyökumppaneiden suoramarkkinointi", "kumppaneille
#: markkinointia varten", "våra samarbetspartners marknadsföring", "partners' marketing"), or marketing done
#: together with partners ("markkinointi yhdessä yhteistyökumppaneiden kanssa", "tillsammans med våra partner",
#: "marketing with our partners"). Marketing partners' products to the shop's own customers ("kumppaneiden
#: tuotteiden markkinointi") puts a noun between them and discloses nothing.
_PARTNER_WORDS = (r"(?:yhteistyö)?kumppan\w*|(?:samarbets)?partner\w*|partners?['’]?s?|kolmansien osapuolten|"
                  r"tredje parters?")
_MARKETED = r"(?:suora|direkt)?(?:markkinoin\w*|marknadsför\w*|mainon\w*|reklam\w*|marketing|advertising)"
_PARTNER_MARKETING = re.compile(
    r"\b(?:" + _PARTNER_WORDS + r")\s+(?:(?:omaan|omiin|omia|egen|egna|own|for|för|their|deras|niiden)\s+){0,3}"
    + _MARKETED + r"|\b" + _MARKETED + r"[^.;]{0,30}?\b(?:yhdessä|yhteistyössä|tillsammans med|"
    r"i samarbete med|together with|jointly with|with)\s+(?:\w+\s+){0,2}?(?:" + _PARTNER_WORDS + r")")
_PARTNER_DENIED = re.compile(r"\b(?:ei|emme|eivät|inte|aldrig|never|not|no)\b")
_PARTNERS_MARKET = ('\n[[registers.purposes]]\nkey = "markkinointi"\ndescription = "Rekisterinpitäjän ja sen '
                    'yhteistyökumppaneiden suoramarkkinointi."\nkind = "direct_marketing"\nlegal_basis = "consent"\n')


@rule(
    id="RK-RECIPIENTS-PARTNER-MARKETING", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e), 4(9), 5(1)(a)",
    title="Partners that market with the data are recipients",
    message=msg(
        fi='Rekisterin "{register}" mukaan tietoja ei luovuteta kenellekään, mutta käyttötarkoitus "{purpose}" '
           'antaa yhteistyökumppaneiden markkinoida tiedoilla. Kumppanit ovat vastaanottajia: ilmoita ne '
           '(nimi tai toimiala), tai poista kumppanit tarkoituksesta, jos tietoja ei anneta niille.',
        sv='Enligt registret "{register}" lämnas uppgifter inte ut till någon, men ändamålet "{purpose}" låter '
           'samarbetspartner marknadsföra med uppgifterna. Partnerna är mottagare: ange dem (namn eller '
           'bransch), eller stryk dem ur ändamålet om de inte får uppgifterna.',
        en='The register "{register}" says data goes to nobody, but the purpose "{purpose}" lets partners market '
           'with the data. The partners are recipients: list them (name or sector), or take them out of the '
           'purpose if they get no data.'),
    trigger="A register states `recipients = []` and one of its purposes gives partners' (or third parties') own "
            "marketing, or marketing done together with partners, as a use of the data (\"rekisterinpitäjän ja "
            "sen yhteistyökumppaneiden suoramarkkinointi\", \"våra samarbetspartners marknadsföring\", "
            "\"marketing with our partners\"), in a sentence with no negation.",
    fix="List the partners in `recipients` by name or sector, with their role; or say they get no data.",
    example=CONTROLLER + REGISTER.rstrip("\n") + _NONE + _PARTNERS_MARKET,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ category = "Kustannusalan yhteistyökumppanit '
          'niiden omaan suoramarkkinointiin", role = "controller" }]\n' + _PARTNERS_MARKET,
)
def recipients_partner_marketing(ctx: Context) -> Iterator[Hit]:
    # 4(9): a recipient is anyone "to which the personal data are disclosed, whether a third party or not"; 13(1)(e)
    # asks for the recipients or their categories [V, GDPR text, as RK-RECIPIENTS-CONTRADICTED]. A partner that
    # markets with the data has received it. Round 10 (issue 21, real statements): a publisher's purposes let "its
    # partners" use the subscribers' data for their direct marketing, while its disclosures section says nothing
    # is disclosed to outside third parties. A warning: the reader cannot tell whether the purpose or the denial is
    # wrong.
    for reg in ctx.registers:
        if reg.register.recipients != ():
            continue
        for i, purpose in enumerate(reg.register.purposes):
            for t in purpose.description.texts():
                low = t.lower()
                found = next((m for m in _PARTNER_MARKETING.finditer(low)
                              if not _PARTNER_DENIED.search(_sentence(low, m.start()))), None)
                if found is not None:
                    yield Hit(f"{reg.path}.purposes[{i}].description",
                              {"register": reg.register.name, "purpose": t})
                    break
            else:
                continue
            break


def _sentence(low: str, at: int) -> str:
    """The sentence of ``low`` around position ``at``."""
    start = max(low.rfind(".", 0, at), low.rfind(";", 0, at)) + 1
    end = min((i for i in (low.find(".", at), low.find(";", at)) if i >= 0), default=len(low))
    return low[start:end]


_TRANSFER_NAMED = ('\n[[registers.purposes]]\nkey = "uutiskirje"\ndescription = "Uutiskirje"\nkind = "newsletter"\n'
                   'legal_basis = "consent"\n\n[[registers.transfers]]\ncountry = "US"\n'
                   'recipients = ["Postituspalvelu Inc."]\nmechanism = "dpf"\n')


@rule(
    id="RK-RECIPIENTS-TRANSFER-UNLISTED", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 13(1)(f), 5(1)(a)", title="A recipient named under the transfers is a recipient",
    message=msg(
        fi='Rekisterin "{register}" mukaan tietoja ei luovuteta kenellekään, mutta tietojen siirroissa EU:n '
           'ulkopuolelle mainitaan vastaanottaja "{name}". Ilmoita se vastaanottajana (nimi, rooli ja maa).',
        sv='Enligt registret "{register}" lämnas uppgifter inte ut till någon, men överföringarna utanför EU nämner '
           'mottagaren "{name}". Ange den som mottagare (namn, roll och land).',
        en='The register "{register}" says data goes to nobody, but its transfers outside the EU name the recipient '
           '"{name}". List it as a recipient (name, role and country).'),
    trigger="A register states `recipients = []` and one of its transfers names a recipient that is no declared "
            "cookie's provider (the cookie table names those).",
    fix="List the recipient in `recipients` with its role and country.",
    example=CONTROLLER + REGISTER.rstrip("\n") + _NONE + _TRANSFER_NAMED,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Postituspalvelu Inc.", role = "processor", '
          'country = "US" }]\n' + _TRANSFER_NAMED,
)
def recipients_transfer_unlisted(ctx: Context) -> Iterator[Hit]:
    # 13(1)(e) the recipients, 13(1)(f) the transfers to them [V: GDPR text]: a transfer that names its recipient
    # says someone receives the data. Issue 21, hold-out D: "no disclosures" beside a newsletter service in the
    # United States named under the transfers. A warning: the transfer may be the only place the shop named it.
    for reg in ctx.registers:
        if reg.register.recipients != () or not reg.register.transfers:
            continue
        transferred = next(((j, name) for j, t in enumerate(reg.register.transfers) for name in t.recipients
                            if not _cookie_provider(ctx, name)), None)
        if transferred is not None:
            yield Hit(f"{reg.path}.transfers[{transferred[0]}]",
                      {"register": reg.register.name, "name": transferred[1]})


@rule(
    id="RK-RECIPIENT-UNLISTED", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e)", title="Services named in the purposes are among the recipients",
    message=msg(
        fi='Käsittelyn kuvauksessa mainitaan "{name}", mutta vastaanottajissa ei ole sitä eikä sen toimialaa. '
           'Lisää se vastaanottajiin.',
        sv='Beskrivningen av behandlingen nämner "{name}", men varken den eller dess bransch finns bland '
           'mottagarna. Lägg till den bland mottagarna.',
        en='The description of the processing names "{name}", but neither it nor its activity is among the '
           'recipients. Add it to the recipients.'),
    trigger="A register lists recipients, and one of its purposes names a carrier, payment "
            "service or debt collector (Posti, Matkahuolto, DHL, Paytrail, Klarna …) or a provider group commonly "
            "outside the EU/EEA that no declared cookie names, while no recipient names it or (for the services) "
            "gives its activity (\"kuljetusliikkeet\", \"maksupalvelut\").",
    fix="Add the service to `recipients`, or describe the recipient category by the service's activity.",
    example=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Paytrail Oyj", role = "processor" }]\n'
            + _DELIVERY,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Paytrail Oyj", role = "processor" }, '
          '{ name = "Posti Oy", role = "processor" }]\n' + _DELIVERY,
)
def recipient_unlisted(ctx: Context) -> Iterator[Hit]:
    # 13(1)(e) [V, GDPR text]: the recipients the purposes reveal belong in the answer on recipients.
    for reg in ctx.registers:
        if not reg.register.recipients:
            continue
        for owner, name in _unlisted(ctx, reg, generic=False):
            yield Hit(f"{reg.path}.{owner}", {"name": name})



#: A recipient category that names no kind of recipient: partners, third parties, affiliates (the whole text, lower
#: case, without punctuation).
_VAGUE_CATEGORY = re.compile(
    # Issue 21, round 5 (real statements, tilaviesti-tmi): whose partners they are says no more of what kind they
    # are: "asiakkaan ja Tilaviesti tmi:n yhteiset yhteistyökumppanit", "kundens och våra gemensamma partner",
    # "partners shared by the customer and us".
    r"(?:(?:[\w-]+ ){0,5}(?:yhteiset|yhteisille|yhteisten|gemensamma) )?"
    r"(?:muut |valitut |luotettavat |muille |valituille |luotettaville )?(?:yhteistyö)?kumppan(?:i|e)\w*|"
    r"partnerit|kolmannet osapuolet|kolmansille osapuolille|ulkopuoliset tahot|ulkopuolisille tahoille|"
    r"(?:(?:[\w-]+ ){0,5}gemensamma )?(?:våra |utvalda )?(?:samarbets)?partners?|tredje ?(?:part|parter|man)|"
    r"(?:(?:[\w-]+ ){0,4}(?:shared|common|joint|mutual) )?(?:our |selected |trusted )?(?:business )?partners?"
    r"(?: (?:shared by|common to) [\w -]{1,60})?|third parties|third-party partners")
#: Words that say the data is disclosed, before the recipients ("tietoja voidaan luovuttaa yhteistyökumppaneille").
_DISCLOSED = re.compile(
    r"^(?:(?:henkilö)?tieto(?:ja|jasi|t) (?:voidaan |voimme )?luovut\w*|(?:voimme |saatamme )?luovut\w* "
    r"(?:\w+ )?tieto\w*|(?:person)?uppgifter(?:na)? (?:kan )?(?:lämnas ut|delas) (?:till|med)|"
    r"(?:personal )?data (?:may be |is |are |will be )?(?:disclosed|shared) (?:to|with)|we (?:may )?(?:disclose|share) "
    r"(?:\w+ )?data (?:to|with))\s+")
#: The recipients' own marketing as the reason for the disclosure, at the end of the category ("yhteistyökumppanit
#: niiden omaa markkinointia varten", "partners for their own marketing"): it says why, not who.
_FOR_MARKETING = re.compile(
    r"\s+(?:niiden |heidän |näiden )?(?:oma(?:a|an|aan|ansa) )?(?:suora)?(?:markkinointi|mainonta|mainonna)"
    r"(?:a|in|insa|aan|nsa|n|tarkoituksiin|tarkoituksessa|tarkoitukseen)?"
    r"(?: varten| tarkoituksiin| tarkoituksessa)?$|"
    r"\s+för (?:deras |sin |sina )?(?:egen |egna )?(?:direkt)?(?:marknadsföring|reklam)(?:sändamål)?$|"
    r"\s+for (?:their |its )?(?:own )?(?:direct )?(?:marketing|advertising)(?: purposes)?$")
#: The controller's group companies: as vague as partners when they receive data for their own marketing.
_GROUP = re.compile(r"konserni(?:n |mme )?yhti\w*|konserniyhti\w*|koncernbolag\w*|(?:our )?group companies")
#: Partners named only by the advertising they do, when they receive the data for their own ends (controllers).
_AD_PARTNERS = re.compile(r"(?:mainos|markkinointi)kumppan\w*|(?:reklam|annons|marknadsförings)partner\w*|"
                          r"(?:advertising|marketing|ad) partners?")
#: Marketing words, which say why a partner gets the data, not what kind of recipient it is.
_MARKETING_WORD = re.compile(r"markkinoin\w*|mainon\w*|marknadsför\w*|annons\w*|marketing|advertis\w*")
_PARTS = re.compile(r"\s*(?:,|\bja\b|\bsekä\b|\boch\b|\band\b)\s*")


#: A literal every vague category holds (partners, third parties, outside parties), to skip the others at once.
_VAGUE_LITERALS = ("kumppan", "partner", "osapuol", "taho", "tredje", "third")


def _vague_category(text_: str, controller: bool) -> tuple[bool, bool]:
    """Whether a recipient category (lower case, no punctuation) names no kind of recipient, and whether that was
    read through a marketing reason or an advertising partner (then a marketing word elsewhere names no kind)."""
    if not any(word in text_ for word in _VAGUE_LITERALS):
        return False, False
    if _VAGUE_CATEGORY.fullmatch(text_):
        return True, False
    if controller and _AD_PARTNERS.fullmatch(text_):
        return True, True
    rest = _DISCLOSED.sub("", text_)
    reason = _FOR_MARKETING.search(rest)
    if reason is None:
        return False, False
    parts = [x for x in _PARTS.split(rest[:reason.start()]) if x]
    vague = bool(parts) and all(_VAGUE_CATEGORY.fullmatch(x) or _GROUP.fullmatch(x) for x in parts) and any(
        _VAGUE_CATEGORY.fullmatch(x) for x in parts)
    return vague, vague


#: Words that say what kind of recipient a description is about (a carrier, a payment service, IT hosting, …).
_KIND_WORDS = re.compile(
    r"kuljet\w*|logisti\w*|toimit\w*|posti\w*|maksu\w*|pankki\w*|palvelin\w*|it-\w*|tietojärjestelm\w*|"
    r"markkinoin\w*|mainon\w*|kirjanpi\w*|tilitoimist\w*|perin\w*|luotto\w*|verkkokauppa-alusta\w*|"
    r"transport\w*|leverans\w*|frakt\w*|betal\w*|bank\w*|server\w*|marknadsför\w*|annons\w*|bokför\w*|"
    r"inkasso\w*|kredit\w*|carrier\w*|deliver\w*|shipping|payment\w*|hosting|it service\w*|marketing|"
    r"advertis\w*|accounting|debt collect\w*|credit\w*")

#: Providing the ordered products and services, as the reason of a disclosure ("tilattujen tuotteiden ja palvelujen
#: toimittamiseksi", "för att leverera de beställda produkterna och tjänsterna", "to deliver the products and services
#: ordered"): it covers whatever the shop sells, so its "toimit-"/"deliver" is no carrier or delivery service.
_SERVICES_DELIVERED = re.compile(
    r"(?:\w+ )?(?:tuotteiden ja )?palvelu(?:iden|jen|n)\s+toimit\w*|"
    r"(?:leverera|levereras|tillhandahålla)\w* (?:\w+ ){0,2}(?:produkter\w* och )?tjänst\w*|"
    r"(?:deliver|provide)\w* (?:\w+ ){0,2}(?:products and )?services(?: ordered)?")


def _names_kind(text_: str, for_marketing: bool) -> bool:
    """Whether a description names a kind of recipient; with ``for_marketing``, a marketing word (the reason of the
    disclosure) does not count; nor does the delivery of the ordered products and services as the reason
    (:data:`_SERVICES_DELIVERED`; issue 21, round 5, real statements, tilaviesti-tmi)."""
    text_ = _SERVICES_DELIVERED.sub(" ", text_)
    if not for_marketing:
        return _KIND_WORDS.search(text_) is not None
    return any(not _MARKETING_WORD.fullmatch(m.group(0)) for m in _KIND_WORDS.finditer(text_))


_PARTNERS = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "tilaukset"
description = "Tilausten käsittely"
kind = "order"
legal_basis = "contract"

[[registers.recipients]]
{recipient}
'''


@rule(
    id="RK-RECIPIENTS-VAGUE", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e); WP260", title="Recipients are named or given as a real category",
    message=msg(
        fi='Vastaanottajaksi on ilmoitettu vain "{category}": se ei kerro, millaisille tahoille tietoja '
           'luovutetaan. Nimeä vastaanottajat tai kerro niiden ryhmä tarkasti (esimerkiksi kuljetusyhtiöt, '
           'maksupalvelut, IT-palveluntarjoajat).',
        sv='Som mottagare anges endast "{category}": det säger inte vilka slags mottagare uppgifterna lämnas till. '
           'Namnge mottagarna eller ange kategorin närmare (till exempel transportföretag, betaltjänster, '
           'IT-leverantörer).',
        en='The only recipient given is "{category}", which does not say what kind of recipient gets the data. Name '
           'the recipients or give their category precisely (e.g. carriers, payment services, IT service '
           'providers).'),
    trigger="A recipient without a `name` whose `category` is only \"yhteistyökumppanit\", \"kumppanit\", "
            "\"kolmannet osapuolet\", \"samarbetspartner\", \"tredje part\", \"partners\" or \"third parties\" "
            "(also inflected, after \"tietoja voidaan luovuttaa\" or \"data may be disclosed to\", and also "
            "qualified only by whose partners they are: \"asiakkaan ja yrityksen yhteiset yhteistyökumppanit\", "
            "\"gemensamma samarbetspartner\", \"partners shared by the customer and us\"), or those and "
            "group companies with only the recipients' marketing as the reason (\"yhteistyökumppanit niiden omaa "
            "markkinointia varten\", \"partners for their own marketing\"), or, for a recipient that is a "
            "controller, only \"mainoskumppanit\" / \"advertising partners\"; and whose `description` (if any) "
            "names no kind of recipient (carriers, payment, IT hosting, marketing services, accounting, debt "
            "collection …; where the category gives marketing as the reason, a marketing word does not count, and "
            "delivering the ordered products and services, \"tilattujen tuotteiden ja palvelujen toimittamiseksi\", "
            "names no carrier).",
    fix="Name the recipients (`name = \"Posti Oy\"`) or give a precise category (\"Kuljetusyhtiöt\", "
        "\"Maksunvälittäjät\").",
    example=_PARTNERS.format(recipient='category = "Yhteistyökumppanit"'),
    fixed=_PARTNERS.format(recipient='category = "Kuljetusyhtiöt"\ndescription = "Toimitusosoite kuljetusta '
                                     'varten."'),
)
def recipients_vague(ctx: Context) -> Iterator[Hit]:
    # 13(1)(e): "the recipients or categories of recipients" [V: GDPR text]; WP260 asks the categories to be as
    # specific as possible, by type of recipient (the activities it carries out), industry, sector and location
    # [S: research notes §1, the paragraph number is M]. Issue 21, hold-outs D and E: recipients given only as
    # "yhteistyökumppanit" / "partners".
    for reg in ctx.registers:
        for i, recipient in enumerate(reg.register.recipients or ()):
            if recipient.name is not None or recipient.category is None:
                continue
            lowered = [t.lower() for t in recipient.category.texts()]
            if not lowered or not all(any(word in t for word in _VAGUE_LITERALS) for t in lowered):
                continue  # structured and literal test first: most categories name no partner at all
            texts = [re.sub(r"[^\w\s-]", "", t).strip() for t in lowered]
            controller = recipient.role is RecipientRole.CONTROLLER
            readings = [_vague_category(t, controller) for t in texts]
            if not texts or not all(vague for vague, _ in readings):
                continue
            described = recipient.description.texts() if recipient.description is not None else ()
            for_marketing = any(reason for _, reason in readings)
            if any(_names_kind(t.lower(), for_marketing) or _NAMED_COMPANY.search(t) for t in described):
                continue
            yield Hit(f"{reg.path}.recipients[{i}].category", {"category": recipient.category})


#: A company named by its legal form in a vague recipient's description names the recipient itself ("Mainoskumppanit:
#: Google Ireland Ltd ja Meta Platforms Ireland Ltd", "Finnair Plc"; issue 21, false-alarm hunt).
_NAMED_COMPANY = re.compile(
    r"\b[A-ZÅÄÖ][\w&.-]*(?: [\w&.-]+){0,3} (?:Oyj?|Abp?|Ay|Ky|Ltd|Limited|Plc|Inc|LLC|GmbH|AG|BV|NV|A/S|ASA|ApS|OÜ|"
    r"SA|SAS|S\.A\.|AS)(?![\w/])")


#: An open-ended last item of a list of recipients ("… ja kuljetusyhtiöt sekä muut yhteistyökumppanimme", "… och
#: övriga samarbetspartner", "… and other partners"), at the end of the category (lower case, no punctuation).
_OPEN_TAIL = re.compile(
    r"\s(?:(?:sekä|ja|tai|och|samt|eller|and|or) )?(?:muut|muille|övriga|andra|other|any other) "
    r"(?:(?:luotettavat|luotettaville|valitut|valituille|ulkopuoliset|ulkopuolisille|utvalda|externa|selected|"
    r"trusted|external|business) )?"
    r"(?:(?:yhteistyö)?kumppan\w*|kolmannet osapuolet|kolmansille osapuolille|tahot|tahoille|(?:samarbets)?partner\w*|"
    r"tredje part\w*|parter|partners?|third parties|parties)$")


@rule(
    id="RK-RECIPIENTS-OPEN-ENDED", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e); WP260", title="A list of recipients does not end in 'other partners'",
    message=msg(
        fi='Vastaanottajien luettelo päättyy avoimeen ryhmään ("{category}"): "muut yhteistyökumppanit" ei kerro, '
           'millaisille tahoille tietoja vielä luovutetaan. Kerro nekin vastaanottajat nimeltä tai ryhmänä '
           '(esimerkiksi tilitoimisto, IT-palveluntarjoajat), tai poista lisäys.',
        sv='Förteckningen över mottagare slutar i en öppen grupp ("{category}"): "övriga samarbetspartner" säger '
           'inte vilka slags mottagare uppgifterna också lämnas till. Ange även dem med namn eller kategori '
           '(till exempel bokföringsbyrå, IT-leverantörer), eller stryk tillägget.',
        en='The list of recipients ends in an open group ("{category}"): "other partners" does not say what kind '
           'of recipient also gets the data. Give those recipients by name or category too (e.g. an accounting '
           'firm, IT service providers), or remove the addition.'),
    trigger="A recipient without a `name` whose `category` names kinds of recipients and ends in an open group: "
            "\"… sekä muut yhteistyökumppanimme\", \"… ja muut kolmannet osapuolet\", \"… och övriga "
            "samarbetspartner\", \"… and other (business) partners\", \"… and other third parties\"; not when the "
            "`description` names a company by its legal form. A category that is only partners is "
            "RK-RECIPIENTS-VAGUE.",
    fix="Name the other recipients or give their category (\"Tilitoimisto\", \"IT-palveluntarjoajat\"), or "
        "remove \"sekä muut yhteistyökumppanimme\".",
    example=_PARTNERS.format(recipient='category = "Maksunvälittäjät ja kuljetusyhtiöt sekä muut '
                                       'yhteistyökumppanimme"'),
    fixed=_PARTNERS.format(recipient='category = "Maksunvälittäjät ja kuljetusyhtiöt"'),
)
def recipients_open_ended(ctx: Context) -> Iterator[Hit]:
    # 13(1)(e): "the recipients or categories of recipients" [V: GDPR text]; WP260 asks the categories to be as
    # specific as possible, by type of recipient [S: research notes §1, the paragraph number is M]. A list that
    # names some kinds and then "other partners" leaves the rest of the recipients unknown as a category of
    # partners alone does (RK-RECIPIENTS-VAGUE). Issue 21, round 9 (hold-out L): "Verkkokauppa-alusta,
    # maksunvälittäjä ja kuljetusyhtiöt sekä muut yhteistyökumppanimme".
    for reg in ctx.registers:
        for i, recipient in enumerate(reg.register.recipients or ()):
            if recipient.name is not None or recipient.category is None:
                continue
            for t in recipient.category.texts():
                # The word for "other" is inside a list, so in lower case as written: a test of the text as it is
                # skips most categories before anything is built.
                if not ("muut" in t or "muille" in t or "övriga" in t or "andra" in t or "other" in t):
                    continue
                low = t.lower()
                if not any(word in low for word in _VAGUE_LITERALS):
                    continue
                plain = re.sub(r"[^\w\s-]", " ", low)
                plain = re.sub(r"\s+", " ", plain).strip()
                tail = _OPEN_TAIL.search(plain)
                if tail is None:
                    continue
                rest = _DISCLOSED.sub("", plain[:tail.start()]).strip()
                if not rest or _VAGUE_CATEGORY.fullmatch(rest):
                    continue  # only partners: RK-RECIPIENTS-VAGUE
                described = recipient.description.texts() if recipient.description is not None else ()
                if any(_NAMED_COMPANY.search(d) for d in described):
                    continue
                yield Hit(f"{reg.path}.recipients[{i}].category", {"category": t.strip()})
                break


#: The register said to be kept in or run on an outside system or service ("tallennettu ajanvarausjärjestelmään",
#: "palvelimella", "lagras i bokningssystemet", "stored in the booking system", "hosted by").
#: A verb of storing followed by a capitalised name ("talletettu Phorest-järjestelmään", "tallennettu Vello-
#: palveluun", "lagras i Bokamera", "stored in Timma"); case-sensitive for the name.
_STORED_IN_NAMED = re.compile(
    r"\b(?:[Tt]alle(?:tettu|nnettu|tetaan|nnetaan)|[Ss]äilytetään|[Ll]agr(?:as|ats|ad|ade)|[Ss]paras|[Ss]tored|"
    r"[Hh]osted|[Kk]ept)\s+(?:(?:in|on|at|with|by|i|hos|på)\s+)?([A-ZÅÄÖ][\w.]+)")
#: Places a register may be said to be stored in, and the Internet or a cloud written with a capital ("lagras på
#: Internetservrar"), which name no outside system.
_PLACE = re.compile(r"Suom|Finland|Ruotsi|Sverige|Sweden|EU|ET[AY]|EES|EEA|Euroop|Europ|Helsin|Pohjois|Norden|"
                    r"Nordic|Internet|Cloud|Pilvi|Moln|Web|Verkko|Server|Palvelin")
_STORED_WITH = re.compile(
    r"tallenne\w*|säilyte\w*|ylläpit\w*|järjestelmä\w*|palvelime\w*|pilvipalvelu\w*|"
    r"lagra\w*|sparas|system\w*|server\w*|molntjänst\w*|stored|kept|hosted|hosting|cloud", re.IGNORECASE)


#: What a recipient entry says when it is the credit information company or the provider that makes the credit
#: decision (lower case): credit words, the Finnish and Swedish credit reference agencies, invoice and instalment
#: providers that check credit themselves.
_CREDIT_RECIPIENT = re.compile(
    r"luott\w*|kredit\w*|credit\w*|asiakastieto\w*|enento\w*|bisnode\w*|dun & bradstreet|creditsafe\w*|"
    r"experian\w*|soliditet\w*|\buc\b|klarna\w*|svea\w*|walley\w*|riverty\w*|afterpay\w*|resurs\w*")

def _credit_source(register: Register) -> bool:
    """Whether a third-party source of the register names the credit register or company."""
    return any(_CREDIT_RECIPIENT.search(t.lower()) for src in register.sources if src.kind is SourceKind.THIRD_PARTY
               for v in (src.name, src.description) if v is not None for t in v.texts())


_CREDIT = (CONTROLLER + REGISTER.rstrip("\n")
           + '\nrecipients = [{{ name = "Posti Oy", role = "processor" }}{more}]\n') + '''
[[registers.purposes]]
key = "luotto"
description = "Luottotietojen tarkistaminen, kun valitset laskun tai osamaksun."
kind = "credit_check"
legal_basis = "contract"
'''


@rule(
    id="RK-RECIPIENT-CREDIT-AGENCY", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e), 4(9)", title="The credit information company is among the recipients",
    message=msg(
        fi='Tarkoituksessa "{purpose}" tarkistetaan luottotiedot, jolloin luottotietoyhtiö saa kyselyn tiedot '
           '(nimi, henkilötunnus), mutta vastaanottajissa ei ole luottotietoyhtiötä eikä luottopäätöksen tekevää '
           'maksupalvelua. Lisää se vastaanottajiin.',
        sv='Ändamålet "{purpose}" innebär en kreditupplysning, så kreditupplysningsföretaget får uppgifterna i '
           'förfrågan (namn, personbeteckning), men varken det eller betaltjänsten som fattar kreditbeslutet finns '
           'bland mottagarna. Lägg till det bland mottagarna.',
        en='The purpose "{purpose}" checks credit, so the credit information company receives the query (name, '
           'personal identity code), but neither it nor a payment provider that makes the credit decision is among '
           'the recipients. Add it to the recipients.'),
    trigger="A register lists recipients and has a purpose of kind `credit_check` that names no `credit_register`, "
            "and the credit information company appears nowhere: no recipient's name, category or description, "
            "and no third-party source, speaks of credit or names a credit reference agency (Asiakastieto, Enento, "
            "Bisnode, Creditsafe, UC …) or an invoice or instalment provider that checks credit itself (Klarna, "
            "Svea, Walley …).",
    fix="Add the credit information company (e.g. `name = \"Suomen Asiakastieto Oy\"`, `role = \"controller\"`) to "
        "`recipients`.",
    example=_CREDIT.format(more=""),
    fixed=_CREDIT.format(more=', { name = "Suomen Asiakastieto Oy", role = "controller" }'),
)
def recipient_credit_agency(ctx: Context) -> Iterator[Hit]:
    # 4(9): a recipient is anyone "to which the personal data are disclosed"; 13(1)(e) asks for the recipients or
    # their categories [V: GDPR text]. A credit query discloses the applicant's identity to the credit information
    # company. Issue 21, hold-out D: a shop checks credit before invoice and instalment sales, and the credit
    # company appears nowhere. A register with no recipients at all is RK-RECIPIENTS' finding.
    for reg in ctx.registers:
        if not reg.register.recipients:
            continue
        checks = [(j, p) for j, p in enumerate(reg.register.purposes)
                  if p.kind is PurposeKind.CREDIT_CHECK and p.credit_register is None]
        if not checks:
            continue
        if _CREDIT_RECIPIENT.search(_recipient_text(reg.register.recipients)) or _credit_source(reg.register):
            continue
        j, p = checks[0]
        yield Hit(f"{reg.path}.purposes[{j}]", {"purpose": p.description})

"""Recipients, data categories, sources, required data and automated decisions (GDPR 13(1)(e), 13(2)(e)–(f), 14)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import (
    Art22Basis,
    LegalBasis,
    Provision,
    Purpose,
    PurposeKind,
    RecipientRole,
    Register,
    Source,
    SourceKind,
)
from rekisterikit.validate.context import Context, join, text
from rekisterikit.validate.needles import search
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

_ORDERS = '\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\nlegal_basis = "contract"\n'


@rule(
    id="RK-RECIPIENTS", requirement=Requirement.RECIPIENTS, severity=Severity.ERROR,
    article="GDPR 13(1)(e), 14(1)(e)", title="Recipients are stated (or that there are none)",
    message=msg(
        fi='Rekisterin "{register}" tietojen vastaanottajia tai vastaanottajaryhmiä ei ole ilmoitettu; jos tietoja '
           'ei luovuteta kenellekään, kerro se.',
        sv='Mottagare eller kategorier av mottagare av uppgifterna i registret "{register}" anges inte; om uppgifterna '
           'inte lämnas ut till någon, ska det framgå.',
        en='The recipients or categories of recipients of the register "{register}" are not stated; if the data '
           'goes to nobody, say so.'),
    trigger="A register has no `recipients` at all (an explicit `recipients = []` says there are none).",
    fix="List every recipient (carriers, payment service, IT providers, authorities) with its role and country, "
        "or write `recipients = []`.",
    example=CONTROLLER + REGISTER + _ORDERS,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Posti Oy", role = "processor", '
          'country = "FI" }]\n' + _ORDERS,
)
def recipients(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        if reg.register.recipients is None:
            yield Hit(f"{reg.path}.recipients", {"register": reg.register.name})


#: A recipient category that says only that someone else gets the data, not what they do: "kolmannet osapuolet",
#: "ulkopuoliset", "yhteistyökumppanit", "tredje part", "partners". A category named by its activity
#: ("logistiikkakumppanit", "Kuljetusliikkeet", "marketing partners") does not match: the generic word must open it.
#: A possessive before it says whose partners they are, not what they do ("Our partners, such as …", "Våra
#: samarbetspartner"; issue 21, round 11, hold-out N).
_GENERIC_RECIPIENT = re.compile(
    r"^\s*(?:(?:yrityksen|rekisterinpitäjän|muut|other|övriga|our|våra|vår|meidän)\s+)?"
    r"(?:kolma\w*\s+osapuol\w*|ulkopuol\w*|yhteistyö\w*|kumppan\w*|sidosryhm\w*|palveluntarjoaj\w*|"
    r"tredje\s+part\w*|samarbetspartner\w*|partner\w*|third[- ]part\w*|service providers?|business partners?)"
    r"(?:\W|$)", re.IGNORECASE)


#: A description that says what the recipients do: an activity or sector ("kuljetusta ja asennusta hoitaville",
#: "logistiikka", "betalningsförmedling", "payment processing", "hosting"), or a relative clause of what they do
#: ("jotka hoitavat …", "som sköter …", "who deliver …").
_ACTIVITY = re.compile(
    r"kuljetu\w*|toimitu\w*|asennu\w*|logistiik\w*|maksu\w*|perintä\w*|kirjanpi\w*|tilintarka\w*|"
    r"markkinoin\w*|mainon\w*|analytiik\w*|palvelin\w*|ylläpi\w*|pilvipalvel\w*|sähköposti\w*|"
    r"asiakaspalvel\w*|varasto\w*|kuriiri\w*|huolto\w*|korjaa\w*|\w+(?:ville|vat|va) (?:yhteistyö)?kumppan\w*|"
    r"jotka (?:hoitavat|toimittavat|tuottavat|käsittelevät|vastaavat)|"
    r"frakt\w*|leverans\w*|transport\w*|betaln\w*|inkasso\w*|bokföring\w*|revision\w*|marknadsföring\w*|"
    r"installation\w*|montering\w*|lager\w*|kundtjänst\w*|som (?:sköter|levererar|tillhandahåller|hanterar)|"
    r"deliver\w*|shipping|carriers?|couriers?|logistics|payments?|debt collection|accounting|audit\w*|"
    r"marketing|advertising|analytics|hosting|cloud|e-?mail|customer service|warehous\w*|installation|repair\w*|"
    r"who (?:handle|deliver|provide|process|carry out)", re.IGNORECASE)


@rule(
    id="RK-RECIPIENT-DETAILS", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 13(1)(e), 14(1)(e); WP260", title="Recipients are named or their category is specific",
    message=msg(
        fi='Vastaanottajaa ei nimetä, ja ryhmä "{recipient}" kertoo vain, että tietoja saa joku muu. Nimeä '
           'vastaanottaja tai kuvaa ryhmä tarkasti (toiminta, toimiala, sijainti).',
        sv='Mottagaren namnges inte, och kategorin "{recipient}" säger bara att någon annan får uppgifterna. Namnge '
           'mottagaren eller beskriv kategorin noggrant (verksamhet, bransch, plats).',
        en='The recipient is not named, and the category "{recipient}" says only that someone else gets the data. '
           'Name the recipient or describe the category precisely (activity, sector, location).'),
    trigger="A recipient other than an authority has no `name`, and its `category` is a generic word for "
            "someone else (\"kolmannet osapuolet\", \"ulkopuoliset\", \"yhteistyökumppanit\", \"tredje part\", "
            "\"partners\") rather than what the recipient does. A named recipient, or a category named by its "
            "activity, passes, and so does a generic category whose `description` says what the recipients do "
            "(\"kuljetusta ja asennusta hoitaville yhteistyökumppaneille\"); where the data goes outside the EU/EEA "
            "is the transfer rules' concern.",
    fix="Name the recipient (e.g. 'Posti Oy'), or describe the category by what it does ('kuljetusliikkeet'), "
        "with its sector and location.",
    example=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ category = "Yhteistyökumppanit" }]\n' + _ORDERS,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ category = "Kuljetusliikkeet", '
          'role = "processor", country = "FI" }]\n' + _ORDERS,
)
def recipient_details(ctx: Context) -> Iterator[Hit]:
    # WP260 rev.01 (research notes §1 item 5, [S]): named recipients by default; categories "as specific as
    # possible": type of recipient by its activities, industry, sector and sub-sector, location. Seeds 001
    # ("ulkopuolisille") and 004 ("kolmannelle osapuolelle") give nothing of that; seed 003's "logistiikka-,
    # kommunikointi- ja markkinointikumppanit" and named Google and Facebook do (their country is 13(1)(f)'s).
    for reg in ctx.registers:
        for i, r in enumerate(reg.register.recipients or ()):
            if r.role is RecipientRole.AUTHORITY or r.name is not None or r.category is None:
                continue
            # Issue 21 (hold-out kalustetalo-tammi): "Yhteistyökumppanit" with the description "… luovutetaan
            # kuljetusta ja asennusta hoitaville yhteistyökumppaneille" gives the activity WP260 asks for.
            if r.description is not None and any(_ACTIVITY.search(t) for t in r.description.texts()):
                continue
            if any(_GENERIC_RECIPIENT.search(t) for t in r.category.texts()):
                yield Hit(f"{reg.path}.recipients[{i}]", {"recipient": r.category})


def _asks_the_data_subject(register: Register) -> bool:
    """Whether the register asks data from the data subject: a ``data_subject`` source, or no sources stated.

    Data collected automatically from the device or obtained from others is not "provided" by the data subject:
    13(2)(e) does not apply to it (Art. 14 has no such item)."""
    return not register.sources or any(s.kind is SourceKind.DATA_SUBJECT for s in register.sources)


_REQUIREMENTS = (Provision.STATUTORY, Provision.CONTRACTUAL, Provision.CONTRACT_PRECONDITION)


def _provision_gap(p: Purpose) -> bool:
    """Whether the purpose leaves a 13(2)(e) question open: the kind of requirement, whether the data subject is
    obliged (for a statutory or contractual requirement) or what follows if the data is not given."""
    if p.provision is Provision.NOT_REQUESTED:
        return False
    if p.provision is None:
        return True
    if p.provision in (Provision.STATUTORY, Provision.CONTRACTUAL) and p.provision_obliged is None:
        return True
    return p.provision in _REQUIREMENTS and p.provision_consequence is None


#: Purposes whose data is observed rather than asked (statistics, advertising, logs), when the register collects
#: data from the device: a purpose of these kinds that states no `provision` does not ask anything of the subject.
_OBSERVED_KINDS = frozenset({PurposeKind.ANALYTICS, PurposeKind.ADVERTISING, PurposeKind.SECURITY,
                             PurposeKind.FRAUD_PREVENTION})


def _answered_elsewhere(register: Register, p: Purpose) -> bool:
    """Whether 13(2)(e) is answered for the purpose's data by the rest of the register: the purpose only observes
    the device (a ``device`` source and an observing kind, with no ``provision``), or every data category it uses
    is already stated to be a requirement by another purpose (customer service on the data the order requires)."""
    if (p.provision is None and p.kind in _OBSERVED_KINDS
            and any(s.kind is SourceKind.DEVICE for s in register.sources)):
        return True
    if not p.data_categories:
        return False
    required = {key for q in register.purposes if q is not p and q.provision in _REQUIREMENTS
                and not _provision_gap(q) for key in q.data_categories}
    if set(p.data_categories) <= required:
        return True
    # Issue 21, round 12 (real set 3): a register said to be voluntary as a whole ("Att beställa … kräver ingen
    # registrering i kunddatabasen") is modelled as one purpose stating `voluntary`; a further purpose that rests on
    # consent and uses only that data asks nothing the statement has not answered: giving it is voluntary.
    if p.provision is None and p.legal_basis is LegalBasis.CONSENT:
        voluntary = {key for q in register.purposes if q is not p and q.provision is Provision.VOLUNTARY
                     for key in q.data_categories}
        return set(p.data_categories) <= voluntary
    return False


@rule(
    id="RK-STATUTORY-REQUIREMENT", requirement=Requirement.STATUTORY_REQUIREMENT, severity=Severity.ERROR,
    article="GDPR 13(2)(e); WP260", title="Whether the data must be given, and what follows if not",
    message=msg(
        fi='Rekisterin "{register}" osalta ei kerrota, onko rekisteröidyltä pyydettyjen tietojen antaminen '
           'lakisääteinen tai sopimukseen perustuva vaatimus tai sopimuksen tekemisen edellytys, onko tiedot pakko '
           'antaa ja mitä antamatta jättämisestä seuraa ({purposes}).',
        sv='För registret "{register}" anges inte om uppgifterna som begärs av den registrerade krävs enligt lag '
           'eller avtal eller är ett villkor för att ingå avtal, om den registrerade är skyldig att lämna dem och '
           'vad som händer om de inte lämnas ({purposes}).',
        en='For the register "{register}" the statement does not say whether providing the data asked from the '
           'data subject is a statutory or contractual requirement or a requirement to enter into a contract, '
           'whether it is obligatory, and what follows if it is not provided ({purposes}).'),
    trigger="A register that asks data from the data subject (a `data_subject` source, or no sources stated) has "
            "purposes whose data is asked (`provision` is not `not_requested`) and that leave the answer open: no "
            "`provision`; a statutory or contractual requirement without `provision_obliged`; or a requirement "
            "without `provision_consequence`. A purpose is not open when every data category it uses is stated "
            "to be a requirement by another purpose, when it rests on consent and uses only data another purpose "
            "states to be `voluntary` (a register voluntary as a whole), or when it only observes the device "
            "(statistics, advertising, security or fraud prevention with no `provision`, in a register with a "
            "`device` source). Reported once per register, naming the purposes. Quiet when the "
            "register states `provision_at_collection = true`: the collection forms show which data is required "
            "and what follows (WP260's layered approach).",
    fix="Set `provision` on each purpose (statutory, contractual, contract_precondition, voluntary, or "
        "not_requested for data collected automatically or obtained from elsewhere), with `provision_consequence` "
        "for a requirement and `provision_obliged` for a statutory or contractual one; or, if the forms mark the "
        "required fields and say what follows, set `provision_at_collection = true` on the register. A law that "
        "binds only the shop (the Accounting Act) makes the data a precondition of the contract, not a "
        "statutory requirement on the customer.",
    example=CONTROLLER + REGISTER + _ORDERS,
    fixed=CONTROLLER + REGISTER + _ORDERS + 'provision = "contract_precondition"\n'
          'provision_consequence = "Ilman nimeä ja osoitetta tilausta ei voi toimittaa."\n',
)
def statutory_requirement(ctx: Context) -> Iterator[Hit]:
    # 13(2)(e) is one item of information about the data the subject is asked to provide, not one per purpose;
    # WP260 accepts it at the point of collection (e.g. required fields marked on the form) [M: WP260 rev.01 annex,
    # not re-read]. Data not asked from the subject (logs, data from others) is outside 13(2)(e).
    for reg in ctx.registers:
        register = reg.register
        if register.provision_at_collection or not _asks_the_data_subject(register):
            continue
        open_ = [p.description for p in register.purposes
                 if _provision_gap(p) and not _answered_elsewhere(register, p)]
        if open_:
            yield Hit(f"{reg.path}.purposes", {"register": register.name, "purposes": join(open_)})


_ADM_FIELDS = {
    "logic": text("logiikka", "logiken", "the logic involved"),
    "significance": text("merkitys", "betydelsen", "the significance"),
    "consequences": text("seuraukset", "de förutsedda följderna", "the envisaged consequences"),
}
_ADM_EXAMPLE = CONTROLLER + REGISTER.rstrip("\n") + '''
automated_decisions = {{ used = true{extra} }}

[[registers.purposes]]
key = "lasku"
description = "Laskulla maksamisen hyväksyminen"
kind = "credit_check"
legal_basis = "contract"
credit_register = "Suomen Asiakastieto Oy:n luottotietorekisteri"
'''
_ADM_COMPLETE = (', logic = "Pisteytys luottotietojen ja maksuhistorian perusteella", '
                 'significance = "Päättää, voiko tilauksen maksaa laskulla", '
                 'consequences = "Kielteinen päätös: maksa kortilla tai verkkopankissa"')


@rule(
    id="RK-AUTOMATED-DECISIONS", requirement=Requirement.AUTOMATED_DECISIONS, severity=Severity.ERROR,
    article="GDPR 13(2)(f), 14(2)(g), 22", title="Automated decisions are explained",
    message=msg(
        fi="Automaattisesta päätöksenteosta puuttuu: {missing}.",
        sv="Om det automatiserade beslutsfattandet saknas: {missing}.",
        en="The description of automated decision-making lacks: {missing}."),
    trigger="`automated_decisions.used` is true and logic, significance or consequences is missing.",
    fix="Describe the logic, the significance and the envisaged consequences in plain words.",
    example=_ADM_EXAMPLE.format(extra=', art22_basis = "contract", safeguards = "Voit pyytää ihmisen tekemää '
                                      'uudelleenarviointia."'),
    fixed=_ADM_EXAMPLE.format(extra=_ADM_COMPLETE + ', art22_basis = "contract", safeguards = "Voit pyytää '
                                                    'ihmisen tekemää uudelleenarviointia."'),
)
def automated_decisions(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        adm = reg.register.automated_decisions
        if adm is None or not adm.used:
            continue
        missing = [label for name, label in _ADM_FIELDS.items() if getattr(adm, name) is None]
        if missing:
            yield Hit(f"{reg.path}.automated_decisions", {"missing": join(missing)})


@rule(
    id="RK-AUTOMATED-DECISIONS-BASIS", requirement=Requirement.AUTOMATED_DECISIONS, severity=Severity.ERROR,
    article="GDPR 22(2)–(3)", title="Automated decisions have a 22(2) exception and 22(3) safeguards",
    message=msg(
        fi="Pelkästään automaattiseen käsittelyyn perustuvalle päätökselle ei ole ilmoitettu 22 artiklan 2 kohdan "
           "mukaista perustetta tai 3 kohdan suojatoimia (oikeus ihmisen osallistumiseen, kannan esittämiseen ja "
           "päätöksen riitauttamiseen).",
        sv="För beslutet som grundas enbart på automatiserad behandling anges inget undantag enligt artikel 22.2 "
           "eller inga skyddsåtgärder enligt artikel 22.3 (rätt till mänskligt ingripande, att framföra sin "
           "åsikt och att bestrida beslutet).",
        en="The solely automated decision has no exception under Art. 22(2) or lacks the safeguards of Art. 22(3) "
           "(human intervention, expressing one's view, contesting the decision)."),
    trigger="`automated_decisions.used` is true and `art22_basis` is missing, or it is contract or explicit "
            "consent without `safeguards`.",
    fix="Set `art22_basis` and describe in `safeguards` how to obtain human review and contest the decision.",
    example=_ADM_EXAMPLE.format(extra=_ADM_COMPLETE),
    fixed=_ADM_EXAMPLE.format(extra=_ADM_COMPLETE + ', art22_basis = "contract", safeguards = "Voit pyytää '
                                                    'ihmisen tekemää uudelleenarviointia."'),
)
def automated_decisions_basis(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        adm = reg.register.automated_decisions
        if adm is None or not adm.used:
            continue
        needs_safeguards = adm.art22_basis in (Art22Basis.CONTRACT, Art22Basis.EXPLICIT_CONSENT)
        if adm.art22_basis is None or (needs_safeguards and adm.safeguards is None):
            yield Hit(f"{reg.path}.automated_decisions")


@rule(
    id="RK-AUTOMATED-DECISIONS-NOT-STATED", requirement=Requirement.AUTOMATED_DECISIONS, severity=Severity.INFO,
    article="GDPR 13(2)(f); WP260", title="Say whether automated decisions are made",
    message=msg(
        fi='Suositus: kerro rekisterin "{register}" osalta myös, jos automaattista päätöksentekoa tai profilointia '
           'ei käytetä.',
        sv='Rekommendation: ange för registret "{register}" även om automatiserat beslutsfattande eller '
           'profilering inte förekommer.',
        en='Recommended: state for the register "{register}" also when no automated decision-making or profiling '
           'takes place.'),
    trigger="A register has no `automated_decisions` entry.",
    fix="Add `automated_decisions = { used = false }` (or describe the decisions).",
    example=CONTROLLER + REGISTER + _ORDERS,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nautomated_decisions = { used = false }\n' + _ORDERS,
)
def automated_decisions_not_stated(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        if reg.register.automated_decisions is None:
            yield Hit(f"{reg.path}.automated_decisions", {"register": reg.register.name})


_THIRD_PARTY = '\n[[registers.sources]]\nkind = "third_party"\nname = "Suomen Asiakastieto Oy"\npublic = false\n'
_CATEGORY = '\n[[registers.data_categories]]\nkey = "luottotiedot"\nname = "Luottotiedot"\n'


@rule(
    id="RK-DATA-CATEGORIES", requirement=Requirement.DATA_CATEGORIES, severity=Severity.ERROR,
    article="GDPR 14(1)(d)", title="Data obtained elsewhere: its categories are listed",
    message=msg(
        fi='Rekisteri "{register}" saa tietoja muualta kuin rekisteröidyltä, mutta henkilötietoryhmiä ei ole '
           'lueteltu.',
        sv='Registret "{register}" får uppgifter från andra än den registrerade, men kategorierna av '
           'personuppgifter anges inte.',
        en='The register "{register}" obtains data from others than the data subject but does not list the '
           'categories of personal data.'),
    trigger="A register has a third-party source and no `data_categories`.",
    fix="List the data categories in `[[registers.data_categories]]` (and, best, name them in each third-party "
        "source's `data_categories`).",
    example=CONTROLLER + REGISTER + _ORDERS + _THIRD_PARTY,
    fixed=CONTROLLER + REGISTER + _ORDERS + _THIRD_PARTY + 'data_categories = ["luottotiedot"]\n' + _CATEGORY,
)
def data_categories(ctx: Context) -> Iterator[Hit]:
    # 14(1)(d) asks for "the categories of personal data concerned"; which source provides which category is
    # good practice, not a requirement of the text, so it is not checked.
    for reg in ctx.registers:
        indirect = any(s.kind is SourceKind.THIRD_PARTY for s in reg.register.sources)
        if indirect and not reg.register.data_categories:
            yield Hit(f"{reg.path}.data_categories", {"register": reg.register.name})


@rule(
    id="RK-DATA-CATEGORIES-RECOMMENDED", requirement=Requirement.DATA_CATEGORIES, severity=Severity.INFO,
    article="GDPR 12(1); tietosuoja.fi", title="Data categories are listed",
    message=msg(
        fi='Suositus: luettele rekisterin "{register}" henkilötietoryhmät.',
        sv='Rekommendation: ange kategorierna av personuppgifter i registret "{register}".',
        en='Recommended: list the categories of personal data in the register "{register}".'),
    trigger="A register collecting only from the data subject lists no data categories.",
    fix="List the data categories in `[[registers.data_categories]]`.",
    example=CONTROLLER + REGISTER + _ORDERS,
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.data_categories]]\nkey = "yhteystiedot"\n'
          'name = "Nimi ja yhteystiedot"\n',
)
def data_categories_recommended(ctx: Context) -> Iterator[Hit]:
    # The Finnish DPA lists data categories among the typical content of a notice [V] (research notes §1.1).
    for reg in ctx.registers:
        indirect = any(s.kind is SourceKind.THIRD_PARTY for s in reg.register.sources)
        if not indirect and not reg.register.data_categories:
            yield Hit(f"{reg.path}.data_categories", {"register": reg.register.name})


@rule(
    id="RK-SOURCES", requirement=Requirement.SOURCES, severity=Severity.ERROR,
    article="GDPR 14(2)(f)", title="Third-party sources are named",
    message=msg(
        fi="Muualta kuin rekisteröidyltä saatujen tietojen lähdettä ei ole nimetty eikä kuvattu.",
        sv="Källan till uppgifter som inte samlats in från den registrerade varken namnges eller beskrivs.",
        en="The source of data not obtained from the data subject is neither named nor described."),
    trigger="A `third_party` source has neither `name` nor `description`.",
    fix="Name the source (e.g. 'Digia Oy:n väestötietojärjestelmäpalvelu'), or at least describe its nature and "
        "sector.",
    example=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.sources]]\nkind = "third_party"\npublic = true\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.sources]]\nkind = "third_party"\npublic = true\n'
          'name = "Digi- ja väestötietoviraston osoitepalvelu"\n',
)
def sources(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        for i, s in enumerate(reg.register.sources):
            if s.kind is SourceKind.THIRD_PARTY and s.name is None and s.description is None:
                yield Hit(f"{reg.path}.sources[{i}]")


#: Words of a source that may be publicly accessible: public registers, directory services, the web. Not the
#: population information system or the address services that update customer registers from it or from Posti's
#: change-of-address notices ("Digi- ja väestötietovirasto", "Postin osoitepalvelu"): DVV discloses its data only
#: under a data permit, "väestötietojärjestelmän tiedot eivät lähtökohtaisesti ole julkisia" (DVV's page on
#: disclosures from the population information system, Act 661/2009), so 14(2)(f)'s "publicly accessible" does not
#: apply (issue 21, round 7, hold-outs B and I).
_MAYBE_PUBLIC = re.compile(
    r"julki\w*|yleisesti|viranomai\w*|kaupparekister\w*|yritysrekister\w*|"
    r"osoitetie\w*|yhteystietopalvel\w*|fonecta|puhelinluettel\w*|hakemist\w*|numeropalvel\w*|"
    r"internet\w*|verkkosivu\w*|sosiaali\w*|\bsome\b|\b(?:ytj|prh)\b|"
    r"offentlig\w*|allmän\w*|myndighet\w*|handelsregist\w*|katalog\w*|"
    r"webbplats\w*|sociala medier|"
    r"public\w*|authorit\w*|trade register|business register|"
    r"director\w*|website\w*|social media|linkedin|facebook|instagram", re.IGNORECASE)


def _maybe_public(source: Source) -> bool:
    """Whether the source's name or description suggests a publicly accessible source (14(2)(f))."""
    texts = [*(source.name.texts() if source.name else ()),
             *(source.description.texts() if source.description else ())]
    return not texts or any(_MAYBE_PUBLIC.search(t) for t in texts)


@rule(
    id="RK-SOURCE-PUBLIC", requirement=Requirement.SOURCES, severity=Severity.INFO,
    article="GDPR 14(2)(f)", title="Say whether a source is publicly accessible",
    message=msg(
        fi='Tiedoksi: jos tietolähde "{source}" on yleisesti saatavilla oleva lähde, siitä on kerrottava; '
           'merkitse, onko se.',
        sv='För kännedom: om källan "{source}" är allmänt tillgänglig ska det framgå; ange om den är det.',
        en='For information: if the source "{source}" is publicly accessible, the statement must say so; mark '
           'whether it is.'),
    trigger="A `third_party` source has no `public` flag and its name or description suggests a source that may "
            "be publicly accessible (public registers such as the trade register, directory services, the "
            "internet, social media, \"julkiset lähteet\", \"offentliga källor\"; not the population "
            "information system or an address service updating addresses from it or from Posti, which disclose "
            "data only with a permit). Art. "
            "14(2)(f) asks for the source \"and, if applicable, whether it came from publicly accessible sources\": "
            "the statement must say so only when it is, so this is a reminder, not an error, and a source that "
            "cannot be public (a credit information register, a partner, a payment service) gets none.",
    fix="Set `public = true` or `public = false`.",
    example=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.sources]]\nkind = "third_party"\n'
            'name = "Yhteystietopalvelut"\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.sources]]\nkind = "third_party"\n'
          'name = "Yhteystietopalvelut"\npublic = true\n',
)
def source_public(ctx: Context) -> Iterator[Hit]:
    # "if applicable" in 14(2)(f) [V, GDPR text]: an unflagged source is a gap only when it is in fact public.
    # Issue 21: the reminder on a credit information register (third hold-out's figures) was a false alarm; a
    # credit register is disclosed to users with a legal ground, not publicly accessible.
    unnamed = text("(nimeämätön)", "(namnlös)", "(unnamed)")
    for reg in ctx.registers:
        for i, s in enumerate(reg.register.sources):
            if s.kind is SourceKind.THIRD_PARTY and s.public is None and _maybe_public(s):
                yield Hit(f"{reg.path}.sources[{i}]", {"source": s.name or s.description or unnamed})


#: A source described only as public material ("julkiset lähteet", "yleisesti saatavilla olevat julkaisut ja
#: tiedostot", "offentliga källor", "publicly available sources"): its name says that it is public and what kind of
#: material it is, and no word of it names a register, an organisation, a kind of data or a sector.
_PUBLIC_WORD = re.compile(r"julki\w*|yleisesti|saatavil\w*|public\w*|offentlig\w*|allmänt|tillgänglig\w*",
                          re.IGNORECASE)
_NATURE_ONLY_WORD = re.compile(
    r"julki\w*|yleisesti|saatavil\w*|olev\w*|lähte\w*|julkaisu\w*|tiedost\w*|tie(?:to|do)\w*|aineisto\w*|"
    r"muu\w*|ja|sekä|tai|"
    r"public\w*|available|accessible|sources?|publications?|files?|information|records?|data|other|and|or|the|"
    r"offentlig\w*|allmänt|tillgänglig\w*|källor|källa|publikation\w*|filer|uppgifter|material|andra|och|eller",
    re.IGNORECASE)


def _nature_only(label: str) -> bool:
    words = re.findall(r"\w+", label)
    return (any(_PUBLIC_WORD.fullmatch(w) for w in words)
            and all(_NATURE_ONLY_WORD.fullmatch(w) for w in words))


@rule(
    id="RK-SOURCE-NATURE-ONLY", requirement=Requirement.SOURCES, severity=Severity.WARNING,
    article="GDPR 14(2)(f), recital 61; WP260", title="A source is more than \"public material\"",
    message=msg(
        fi='Tietolähde "{source}" kuvataan vain julkiseksi aineistoksi. Nimeä lähde (rekisteri, viranomainen tai '
           'yritys) tai kerro ainakin, minkä toimialan tai millaisen tahon aineistoa se on.',
        sv='Källan "{source}" beskrivs bara som offentligt material. Namnge källan (register, myndighet eller '
           'företag) eller ange åtminstone vilken bransch eller vilket slags organisation materialet kommer från.',
        en='The source "{source}" is described only as public material. Name the source (a register, authority or '
           'company), or at least say what kind of organisation or sector the material comes from.'),
    trigger="A `third_party` source's name says only that it is public material (\"julkiset lähteet\", "
            "\"yleisesti saatavilla olevat julkaisut ja tiedostot\", \"offentliga källor\", \"public sources\"): "
            "every word of it is about being public or about the kind of material, none names a register, an "
            "organisation, a kind of data or a sector.",
    fix="Name the source (e.g. 'Patentti- ja rekisterihallituksen kaupparekisteri'), or describe the kind of "
        "organisation and sector it comes from.",
    example=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.sources]]\nkind = "third_party"\n'
            'name = "Julkiset lähteet"\npublic = true\n',
    fixed=CONTROLLER + REGISTER + _ORDERS + '\n[[registers.sources]]\nkind = "third_party"\n'
          'name = "Patentti- ja rekisterihallituksen kaupparekisteri"\npublic = true\n',
)
def source_nature_only(ctx: Context) -> Iterator[Hit]:
    # 14(2)(f): "from which source the personal data originate"; recital 61 [V, GDPR text]: where the origin cannot
    # be given because various sources were used, general information. WP260 rev.01 (research notes §1 item 14,
    # [M]): then at least the nature of the sources and the types of organisation, industry or sector. Seed 002
    # (Confetti):
    # "yleisesti saatavilla olevista julkaisuista ja tiedostoista" says what the material is, not where it is from.
    for reg in ctx.registers:
        for i, s in enumerate(reg.register.sources):
            if s.kind is not SourceKind.THIRD_PARTY:
                continue
            if s.name is not None and any(_nature_only(t) for t in s.name.texts()):
                yield Hit(f"{reg.path}.sources[{i}]", {"source": s.name})


#: Processing allowed "as far as the law permits" instead of for stated purposes.
_AS_LAW_ALLOWS = re.compile(
    r"\w*lai?n\w* salli\w* (?:rajoissa|puitteissa|tavalla)|lainsäädännön salli\w* (?:rajoissa|puitteissa|tavalla)|"
    r"(?:i den )?(?:utsträckning|omfattning) (?:som )?(?:lagen|lag) (?:tillåter|medger)|inom lagens (?:gränser|ramar)|"
    r"(?:to the extent|as far as|insofar as|as) (?:permitted|allowed) by (?:the )?(?:applicable )?law|"
    r"within the limits (?:of|permitted by) (?:the )?law",
    re.IGNORECASE)
_OPEN_ENDED = 'description = "Tietoja voidaan käsitellä lain sallimissa rajoissa muissakin rekistereissämme."\n'


@rule(
    id="RK-PURPOSE-OPEN-ENDED", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 5(1)(b), 12(1), 13(1)(c)", title="No processing \"as far as the law allows\"",
    message=msg(
        fi='Selosteen mukaan tietoja voidaan käsitellä "lain sallimissa rajoissa" ("{text}"). Se ei kerro, mihin '
           'tarkoituksiin tietoja käytetään: luettele tarkoitukset.',
        sv='Enligt beskrivningen får uppgifterna behandlas "i den utsträckning lagen tillåter" ("{text}"). Det säger '
           'inte för vilka ändamål uppgifterna används: räkna upp ändamålen.',
        en='The statement says data may be processed "as far as the law allows" ("{text}"). That does not say for '
           'which purposes the data is used: list the purposes.'),
    trigger="A register's or a purpose's `description` allows processing within what the law permits "
            "(\"lain sallimissa rajoissa\", \"i den utsträckning lagen tillåter\", \"as permitted by law\").",
    fix="Replace the clause with the purposes it stands for, each in `[[registers.purposes]]`.",
    example=CONTROLLER + REGISTER + _OPEN_ENDED + _ORDERS,
    fixed=CONTROLLER + REGISTER + _ORDERS,
)
def purpose_open_ended(ctx: Context) -> Iterator[Hit]:
    # Purposes must be "specified, explicit" (5(1)(b) [V, GDPR text]) and stated (13(1)(c)); a clause allowing what the
    # law allows states none. Seed 004 (Webstrella): "Käyttäjää koskevia tietoja voidaan käsitellä
    # henkilötietolain sallimissa rajoissa Webstrellan omissa rekistereissä."
    if not ctx.may_match(_AS_LAW_ALLOWS):  # the wording is in no text of the statement
        return
    for reg in ctx.registers:
        places = [(f"{reg.path}.description", reg.register.description)]
        places += [(f"{ref.path}.description", ref.purpose.description) for ref in ctx.purposes
                   if ref.register.path == reg.path]
        for path, value in places:
            if value is not None and any(search(_AS_LAW_ALLOWS, t) for t in value.texts()):
                yield Hit(path, {"text": value})


#: A new or other purpose, or a change of the purposes ("Jos muutamme käsittelyn tarkoituksia, ilmoitamme siitä
#: ennen": a hold-out statement of the issue 21 accuracy set, where the reminder was plainly wrong).
_NEW_PURPOSE = re.compile(
    # every case of "uusi" (issue 21, round 5, hold-out nakokeskus-selkea: "Kerromme uudesta
    # käyttötarkoituksesta ... ennen kuin alamme käsitellä tietoja sitä varten")
    r"uu(?:si|teen|den|sia|siin|della|delle|desta|dessa|delta|det|sien|sissa|silla|sille)\w* "
    r"(?:käyttö|käsittely)?tarkoitu\w*|muuhun (?:käyttö)?tarkoitu\w*|"
    r"muut(?:amme|taa|etaan|tuu|tuvat|os)\w* (?:\w+ ){0,2}(?:käyttö|käsittely)?tarkoitu\w*|"
    r"(?:käyttö|käsittely)?tarkoitu\w* muut(?:tuu|tuvat|etaan|taa|os)\w*|"
    r"nytt? ändamål|nya ändamål|annat ändamål|andra ändamål|nytt syfte|nya syften|annat syfte|andra syften|"
    r"ändra\w* (?:\w+ ){0,2}ändamål\w*|ändamål\w* ändras|"
    r"new purposes?|another purpose|other purposes?|further process\w*|chang\w* (?:\w+ ){0,2}purposes?",
    re.IGNORECASE)
#: Material changes announced before they take effect ("Ilmoitamme olennaisista muutoksista sähköpostitse ennen kuin
#: ne tulevat voimaan", "väsentliga ändringar … innan de träder i kraft", "material changes … before they take
#: effect"): processing for a new purpose is such a change, so the promise covers 13(3).
_MATERIAL_CHANGE = re.compile(
    r"(?:olennai|merkittäv|huomattav)\w* (?:\w+ )?muut\w*|(?:väsentlig|betydande|större)\w* (?:\w+ )?ändring\w*|"
    r"(?:material|significant|substantial|important) (?:\w+ )?changes?", re.IGNORECASE)
_BEFORE = re.compile(r"\bennen\b|etukäteen|\binnan\b|i förväg|\bbefore\b|in advance|\bprior\b", re.IGNORECASE)
_NEW_PURPOSE_LOWER, _MATERIAL_CHANGE_LOWER, _BEFORE_LOWER = (
    re.compile(p.pattern) for p in (_NEW_PURPOSE, _MATERIAL_CHANGE, _BEFORE))
_CHANGES = 'changes = "Päivitämme selostetta, kun käsittely muuttuu.{extra}"\n'


@rule(
    id="RK-CHANGES-NEW-PURPOSE", requirement=Requirement.PURPOSES, severity=Severity.INFO,
    article="GDPR 13(3), 14(4)", title="New purposes are announced before processing starts",
    message=msg(
        fi="Suositus: kerro selosteen muutoksia koskevassa kohdassa, että jos tietoja aiotaan käsitellä uuteen "
           "tarkoitukseen, siitä ja sen edellyttämistä tiedoista kerrotaan ennen käsittelyn aloittamista.",
        sv="Rekommendation: ange i avsnittet om ändringar att om uppgifterna ska behandlas för ett nytt ändamål "
           "informeras den registrerade om det och om övrig relevant information innan behandlingen börjar.",
        en="Recommended: say in the section on changes that if data is to be processed for a new purpose, data "
           "subjects are told about it, with the other relevant information, before that processing starts."),
    trigger="`changes` is missing or speaks neither of processing for a new or other purpose nor of changing the "
            "purposes, nor promises to announce material changes before they take effect (\"ilmoitamme "
            "olennaisista muutoksista ennen kuin ne tulevat voimaan\", \"material changes … before they take "
            "effect\").",
    fix="Add to `changes` a sentence such as 'If we intend to use your data for a new purpose, we tell you before "
        "we start.'",
    example=_CHANGES.format(extra="") + CONTROLLER,
    fixed=_CHANGES.format(extra=" Jos aiomme käsitellä tietoja uuteen tarkoitukseen, kerromme siitä ennen "
                                "käsittelyn aloittamista.") + CONTROLLER,
)
def changes_new_purpose(ctx: Context) -> Iterator[Hit]:
    # 13(3): before further processing for another purpose, the controller provides information on that purpose
    # and any relevant further information of 13(2) [V, GDPR text].
    # Issue 21, round 6 (hold-out I, tilitoimisto-tasepuu): "Ilmoitamme olennaisista muutoksista asiakkaillemme
    # sähköpostitse ennen kuin ne tulevat voimaan" promises prior notice of every material change, a new purpose
    # among them.
    changes = ctx.statement.changes
    if changes is None:
        yield Hit("$.changes")
        return
    # The expressions run case-sensitively on the lower-cased text: the same matches (their literals are lower
    # case), about three times quicker than case-insensitive matching on these texts.
    texts = [t.lower() for t in changes.texts()]
    if any(_NEW_PURPOSE_LOWER.search(t) or (_MATERIAL_CHANGE_LOWER.search(t) and _BEFORE_LOWER.search(t))
           for t in texts):
        return
    yield Hit("$.changes")


#: A purpose that describes a decision made by the system itself on an order or an application: cancelling,
#: rejecting or blocking automatically, scoring, or the system as the one that approves or rejects an order, an
#: application or a booking (lower case). "peru-" never reads "perustua" (to be based on) or "perus-" (basic).
_AUTOMATIC_DECISION = re.compile(
    r"automaattise\w* (?:\w+ ){0,3}?(?:peru(?!s)\w*|hylä\w*|hylkä\w*|est\w*|keskeyt\w*|pisteyt\w*|"
    r"hyväksy\w*)|(?P<score>pisteyt\w*|poängsätt\w*|riskpoäng\w*|scoring\w*|scored|risk scor\w*|fraud scor\w*)|"
    r"automatiskt (?:\w+ ){0,3}?(?:avbry\w*|nek\w*|avslå\w*|spärra\w*|stopp\w*|godkänn\w*)|"
    r"automatically (?:\w+ ){0,3}?(?:cancel\w*|reject\w*|declin\w*|block\w*|approv\w*|scor\w*)|"
    # the verb first: "perutaan automaattisesti", "avbryts automatiskt", "cancelled automatically"
    r"(?:peru(?!s)|hylä|hylkä|keskeyt|hyväksy)\w* (?:\w+ ){0,2}?automaattise\w*|"
    r"(?:avbry|nek|avslå|spärra|stoppa|godkänn)\w* (?:\w+ ){0,2}?automatiskt|"
    r"(?:cancel|reject|declin|block|approv)\w* (?:\w+ ){0,2}?automatically|"
    # a decision said to be made automatically: "luottopäätös tehdään automaattisesti", "beslutet fattas
    # automatiskt", "the decision is made automatically"
    r"(?:päätö|päätetään|ratkaist)\w* (?:\w+ ){0,4}?automaattise\w*|(?:beslut|avgörs)\w* (?:\w+ ){0,4}?automatiskt|"
    r"(?:decision|decided)\w* (?:\w+ ){0,6}?automatically|"
    # the system decides: "järjestelmämme hyväksyy tai hylkää hakemuksen", "systemet avslår ansökan"
    r"(?:järjestelmä\w*|systemet|(?:the|our) system) (?:\w+ ){0,2}?"
    r"(?:hyväksyy|hylkää|peruu|godkänner|avslår|nekar|avbryter|approves|rejects|declines|cancels) (?:\w+ ){0,3}?"
    r"(?:hakemu\w*|tilau\w*|varau\w*|luotto\w*|ansökan\w*|beställning\w*|bokning\w*|kredit\w*|"
    r"applications?|orders?|bookings?|credit)")
#: A word every alternative of :data:`_AUTOMATIC_DECISION` holds: a description without one of them cannot match, so
#: the expression runs only on descriptions that have one (each alternative tried at every position costs more).
_ADM_ANCHORS = ("automaattise", "automatiskt", "automatically", "pisteyt", "scor", "riskpoäng", "poängsätt",
               "järjestelmä", "systemet", " system")
#: What a score decides on, for scoring to count as a decision in its sentence: an order, an application, a payment,
#: credit or a booking. Scoring prospects to rank them for sales calls ("pisteytämme mahdollisia asiakkaita") decides
#: nothing about the person.
_DECISION_OBJECT = re.compile(
    r"(?<!\w)(?:tilau\w*|hakemu\w*|maksu\w*|luot(?:to|on|ol|ot)\w*|lasku\w*|osamaks\w*|varau\w*|ostos\w*|"
    r"beställning\w*|ansökan\w*|ansök\w*|betaln\w*|kredit\w*|faktur\w*|avbetalning\w*|bokning\w*|köp\w*|"
    r"orders?|applications?|payments?|credit|invoice\w*|instal+ments?|bookings?|purchases?)")
#: A decider said to act as a controller of its own: "omana rekisterinpitäjänään", "itsenäisenä
#: rekisterinpitäjänä", "som självständig personuppgiftsansvarig", "as an independent controller".
_OWN_CONTROLLER = re.compile(
    r"(?:oma\w*|itsenäi\w*|erillis\w*) rekisterinpitäj\w*|(?:självständig|egen|separat)\w* personuppgiftsansvarig|"
    r"(?:independent|separate|its own|their own|own) (?:data )?controller")


#: A sentence whose outcome follows the customer's own act or a person's check, evaluating no one: an order
#: approved once the payment arrives ("kun maksu on vastaanotettu", "once the payment clears", "när betalningen har
#: mottagits"), a booking cancelled because the customer cancels it ("jos perut sen itse", "if you cancel"), or one
#: approved only after a member of staff has checked it. Issue 21, false-alarm hunt.
_NO_EVALUATION = re.compile(
    r"kun maksu (?:on )?(?:\w+ )?(?:vastaanotettu|saapunut|suoritettu|maksettu|kirjautunut)|maksun (?:saavuttua|"
    r"vastaanottamisen jälkeen)|när betalningen (?:har )?(?:\w+ )?(?:mottagits|kommit in|genomförts|registrerats)|"
    r"(?:once|when|after) (?:the |your )?payment (?:is |has been )?(?:received|clears|cleared|confirmed|completed)|"
    r"jos perut\w*|kun perut\w*|om du (?:avbokar|avbeställer|avbryter)|if you cancel|when you cancel|"
    # a person's check before the outcome, not a review on request afterwards (an Art. 22(3) safeguard)
    r"vasta kun (?:\w+ )?(?:henkilökunta\w*|työntekijä\w*|myyjä\w*) (?:\w+ )?on tarkist\w*|"
    r"först (?:när|efter att) (?:\w+ )?(?:personalen|en anställd|en medarbetare) (?:\w+ )?(?:har )?kontroller\w*|"
    r"only (?:after|once) (?:a |our |the )?(?:staff member|employee|person|member of staff)s? (?:has |have )?"
    r"(?:checked|reviewed)")


def _decided_by_other_controller(register: Register, low: str, start: int, end: int) -> bool:
    """Whether the sentence of a decision found at ``start``–``end`` in ``low`` gives it to another controller: it
    says the decider acts as its own controller, or names a recipient listed as a controller (a payment or
    instalment provider that grants credit itself, "Walley tekee luottopäätöksen automaattisesti"). That decision is
    the provider's, to be explained in its own notice; the shop's `used = false` speaks of the shop's decisions
    (issue 21, false-alarm hunt). Read only when a decision has been found."""
    head = low.rfind(".", 0, start) + 1
    stop = low.find(".", end)
    sentence = low[head:stop if stop != -1 else len(low)]
    if _OWN_CONTROLLER.search(sentence) or _NO_EVALUATION.search(sentence):
        return True
    for r in register.recipients or ():
        if r.role is RecipientRole.CONTROLLER and r.name:
            first = r.name.split()[0].strip("(),").lower()
            if len(first) > 2 and re.search(rf"(?<!\w){re.escape(first)}", sentence):
                return True
    return False


_ADM_NEGATED = re.compile(r"(?<!\w)(?:ei|emme|eikä|inte|ej|no|not|never)(?!\w)")
_ADM_NONE = CONTROLLER + REGISTER.rstrip("\n") + '''
automated_decisions = {{ used = {used} }}

[[registers.purposes]]
key = "petos"
description = "Väärinkäytösten estäminen: maksupalvelu pisteyttää tilaukset ja peruu riskialttiit automaattisesti."
kind = "other"
legal_basis = "legitimate_interests"
legitimate_interest = "Petosten estäminen"
'''


@rule(
    id="RK-AUTOMATED-DECISIONS-CONTRADICTED", requirement=Requirement.AUTOMATED_DECISIONS, severity=Severity.WARNING,
    article="GDPR 13(2)(f), 14(2)(g), 22(1)", title="No 'no automated decisions' beside automatic cancellations",
    message=msg(
        fi='Selosteen mukaan automaattista päätöksentekoa ei ole, mutta käsittelyn tarkoitus kuvaa järjestelmän '
           'tekemän ratkaisun ("{text}"). Jos tilaus perutaan tai hylätään ilman ihmisen arviota, kyse on 22 '
           'artiklan päätöksestä: kerro sen logiikka, merkitys ja seuraukset sekä oikeus ihmisen arvioon.',
        sv='Enligt beskrivningen förekommer inget automatiserat beslutsfattande, men ett ändamål beskriver ett '
           'beslut som systemet fattar ("{text}"). Om en beställning avbryts eller avslås utan mänsklig bedömning '
           'är det ett beslut enligt artikel 22: ange logiken, betydelsen och följderna samt rätten till mänsklig '
           'bedömning.',
        en='The statement says there are no automated decisions, but a purpose describes a decision the system makes '
           '("{text}"). If an order is cancelled or rejected without human review, that is an Art. 22 decision: '
           'give its logic, significance and consequences and the right to human review.'),
    trigger="A register says `automated_decisions = { used = false }` and a purpose's description says orders or "
            "applications are cancelled, rejected, blocked or approved automatically (\"peruu automaattisesti\", "
            "\"avbryts automatiskt\"), that a decision is made automatically (\"luottopäätös tehdään "
            "automaattisesti\", \"beslutet fattas automatiskt\"), that the system approves or rejects an order, "
            "an application or a booking (\"järjestelmämme hylkää hakemuksen\"), or that they are scored in a "
            "sentence about an order, an application, a payment or credit (\"pisteyttää tilaukset\", \"risk "
            "scoring\"; scoring prospects for sales calls is not a decision), in a clause that does not deny it "
            "(\"ei automaattisesti\"). Not a sentence that gives the decision to another controller (a recipient "
            "listed as a controller, \"omana rekisterinpitäjänään\"), nor one whose outcome follows the payment "
            "arriving, the customer's own cancellation or a person's prior check. A warning: whether a human "
            "reviews the outcome is for the shop to say.",
    fix="If no person reviews the outcome, set `automated_decisions.used = true` with its logic, significance, "
        "consequences, Art. 22(2) exception and safeguards; otherwise say in the purpose that a person decides.",
    example=_ADM_NONE.format(used="false"),
    fixed=_ADM_NONE.format(used='true, logic = "Maksupalvelun riskipisteet", significance = "Tilaus voidaan '
                                'perua", consequences = "Perutusta tilauksesta ei veloiteta", art22_basis = '
                                '"contract", safeguards = "Voit pyytää ihmisen tekemää uudelleenarviointia."'),
)
def automated_decisions_contradicted(ctx: Context) -> Iterator[Hit]:
    # 22(1): a decision based solely on automated processing, including profiling, with legal or similarly
    # significant effects; 13(2)(f) asks its existence, logic, significance and consequences [V: GDPR text].
    # Issue 21, hold-outs D and E: "no automated decisions" beside a purpose that cancels or scores orders; hold-out
    # F: an instalment application "approved or rejected at once" on the system's score ("pisteytyksen").
    # The structured fields first: only a register that says `used = false` can contradict itself; then only the
    # purpose descriptions that hold a word every match needs are read with the expression, every match of them (a
    # denied one, "ei peruta automaattisesti", does not end the search).
    for reg in ctx.registers:
        adm = reg.register.automated_decisions
        if adm is None or adm.used:
            continue
        every = "\n".join(t for p in reg.register.purposes for t in p.description.texts()).lower()
        if not any(anchor in every for anchor in _ADM_ANCHORS):
            continue  # one look at all the register's descriptions
        for j, purpose in enumerate(reg.register.purposes):
            for one in purpose.description.texts():
                low = one.lower()
                if not any(anchor in low for anchor in _ADM_ANCHORS):
                    continue
                for m in _AUTOMATIC_DECISION.finditer(low):
                    head = max(low.rfind(".", 0, m.start()), low.rfind(";", 0, m.start()),
                               low.rfind(",", 0, m.start())) + 1
                    if _ADM_NEGATED.search(low, head, m.end()):
                        continue
                    if m.group("score") is not None:
                        end = low.find(".", m.end())
                        if not _DECISION_OBJECT.search(low, head, end if end != -1 else len(low)):
                            continue
                    if _decided_by_other_controller(reg.register, low, m.start(), m.end()):
                        continue
                    yield Hit(f"{reg.path}.purposes[{j}]", {"text": one[m.start():m.end()]})
                    return

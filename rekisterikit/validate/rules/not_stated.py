"""Rules for what the rendered notice would show as "not stated": every placeholder the renderer prints has a
finding here or in the rule of its requirement, so a statement that checks clean publishes no placeholder."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import CookieCategory, Purpose, PurposeKind, RecipientRole, Register, SourceKind
from rekisterikit.validate import data
from rekisterikit.validate.context import Context
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

_PURPOSE = '''
[[registers.purposes]]
key = "tilaukset"
description = "Tilausten käsittely"
legal_basis = "contract"
'''


@rule(
    id="RK-DATA-CATEGORIES-NOT-STATED", requirement=Requirement.DATA_CATEGORIES, severity=Severity.WARNING,
    article="GDPR 13(1)(c), 14(1)(d); WP260", title="Say what personal data is processed",
    message=msg(
        fi='Rekisterin "{register}" henkilötietoryhmiä ei kerrota; seloste näyttää kohdassa "ei ole ilmoitettu".',
        sv='Kategorierna av personuppgifter i registret "{register}" anges inte; beskrivningen visar "anges inte" '
           'där.',
        en='The categories of personal data of the register "{register}" are not stated; the rendered notice shows '
           '"not stated" there.'),
    trigger="A register has no `data_categories`.",
    fix="List the categories of personal data in `[[registers.data_categories]]`.",
    example=CONTROLLER + REGISTER + _PURPOSE,
    fixed=CONTROLLER + REGISTER + _PURPOSE + '\n[[registers.data_categories]]\nkey = "yhteystiedot"\n'
          'name = "Yhteystiedot"\n',
)
def data_categories_not_stated(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        if not reg.register.data_categories:
            yield Hit(f"{reg.path}.data_categories", {"register": reg.register.name})


@rule(
    id="RK-SOURCES-NOT-STATED", requirement=Requirement.SOURCES, severity=Severity.WARNING,
    article="GDPR 14(2)(f); WP260", title="Say where the data comes from",
    message=msg(
        fi='Rekisterin "{register}" tietolähteitä ei kerrota, edes sitä, että tiedot saadaan rekisteröidyltä '
           'itseltään; seloste näyttää kohdassa "ei ole ilmoitettu".',
        sv='Källorna till uppgifterna i registret "{register}" anges inte, inte ens att de fås av den registrerade '
           'själv; beskrivningen visar "anges inte" där.',
        en='The sources of the data of the register "{register}" are not stated, not even that the data comes from '
           'the data subject; the rendered notice shows "not stated" there.'),
    trigger="A register has no `sources`.",
    fix="Add `sources = [{ kind = \"data_subject\" }]` (and the device or third parties, if any).",
    example=CONTROLLER + REGISTER + _PURPOSE,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nsources = [{ kind = "data_subject" }]\n' + _PURPOSE,
)
def sources_not_stated(ctx: Context) -> Iterator[Hit]:
    for reg in ctx.registers:
        if not reg.register.sources:
            yield Hit(f"{reg.path}.sources", {"register": reg.register.name})


@rule(
    id="RK-UPDATED-NOT-STATED", requirement=Requirement.CLARITY, severity=Severity.WARNING,
    article="GDPR 12(1); WP260", title="Date the notice",
    message=msg(
        fi="Selosteen päivityspäivää ei kerrota; seloste näyttää kohdassa \"ei ole ilmoitettu\".",
        sv="Datum för den senaste uppdateringen anges inte; beskrivningen visar \"anges inte\" där.",
        en="The date of the latest update is not stated; the rendered notice shows \"not stated\" there."),
    trigger="`updated` is absent.",
    fix="Add `updated = YYYY-MM-DD`, the date of the latest change.",
    example=CONTROLLER,
    fixed="updated = 2026-01-15\n" + CONTROLLER,
)
def updated_not_stated(ctx: Context) -> Iterator[Hit]:
    if ctx.statement.updated is None:
        yield Hit("$.updated")


@rule(
    id="RK-JOINT-ARRANGEMENT", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 26(2); C-40/17", title="Give the essence of a joint-controller arrangement",
    message=msg(
        fi='Yhteisrekisterinpitäjästä "{recipient}" ei kerrota järjestelyn keskeistä sisältöä: kuka vastaa mistäkin '
           'ja kenen puoleen rekisteröity voi kääntyä.',
        sv='För den gemensamt personuppgiftsansvarige "{recipient}" anges inte det väsentliga innehållet i '
           'arrangemanget: vem som ansvarar för vad och vem den registrerade kan vända sig till.',
        en='For the joint controller "{recipient}" the statement does not give the essence of the arrangement: who '
           'is responsible for what, and whom the data subject can turn to.'),
    trigger="A recipient with `role = \"joint_controller\"` has no `arrangement`.",
    fix="Write the essence of the arrangement in `arrangement` (who informs, who answers requests, who is "
        "responsible for what) and link it in `arrangement_url` where the partner publishes it.",
    example=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Meta Platforms Ireland Limited", '
            'role = "joint_controller" }]\n',
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Meta Platforms Ireland Limited", '
          'role = "joint_controller", arrangement = "Vastaamme keräämisestä ja siirrosta; Meta vastaa omasta '
          'käsittelystään.", arrangement_url = "https://www.facebook.com/legal/controller_addendum" }]\n',
)
def joint_arrangement(ctx: Context) -> Iterator[Hit]:
    # GDPR 26(2): "The essence of the arrangement shall be made available to the data subject." Fashion ID (C-40/17)
    # makes a site embedding a social plug-in a joint controller for the collection and transmission [M].
    for reg in ctx.registers:
        for i, r in enumerate(reg.register.recipients or ()):
            if r.role is RecipientRole.JOINT_CONTROLLER and r.arrangement is None:
                yield Hit(f"{reg.path}.recipients[{i}]", {"recipient": r.label})


#: Provider groups of `providers.json` that run social media, whose pixels make the embedding site a joint
#: controller for the collection and transmission of visitors' data (EDPB Guidelines 8/2020, example 4).
_SOCIAL_MEDIA = frozenset({"Meta", "TikTok", "Pinterest", "Snap", "X (Twitter)"})
_PIXEL = '\n[[cookies]]\nname = "_fbp"\nprovider = "Meta Platforms Ireland Limited"\ncategory = "marketing"\n'


@rule(
    id="RK-PIXEL-JOINT-CONTROLLER", requirement=Requirement.RECIPIENTS, severity=Severity.WARNING,
    article="GDPR 26; C-40/17 Fashion ID; EDPB Guidelines 8/2020", title="A social media pixel makes joint controllers",
    message=msg(
        fi='Markkinointieväste "{cookie}" kuuluu sosiaalisen median palvelulle {provider}: sivusto on palvelun kanssa '
           'yhteisrekisterinpitäjä siltä osin kuin palvelun pikseli kerää tietoja sivustolla ja siirtää ne '
           'palvelulle. Kerro yhteisrekisterinpitäjyydestä ja järjestelyn keskeisestä sisällöstä.',
        sv='Marknadsföringskakan "{cookie}" hör till sociala medietjänsten {provider}: för insamlingen och '
           'överföringen av uppgifter med dess pixel är webbplatsen gemensamt personuppgiftsansvarig med tjänsten. '
           'Ange det gemensamma ansvaret och det väsentliga innehållet i arrangemanget.',
        en='The marketing cookie "{cookie}" belongs to the social media service {provider}: for the collection and '
           'transmission of data by its pixel the site is a joint controller with the service. State the joint '
           'controllership and the essence of the arrangement.'),
    trigger="A declared `marketing` cookie belongs, by its provider or its name, to a social media group of "
            "`providers.json` (Meta, TikTok, Pinterest, Snap, X) and no recipient of that group has `role = "
            "\"joint_controller\"`. A joint controller without an arrangement is RK-JOINT-ARRANGEMENT's.",
    fix="Add the provider as a recipient with `role = \"joint_controller\"`, an `arrangement` and, where the "
        "provider publishes it, `arrangement_url` (Meta: its Controller Addendum).",
    example=CONTROLLER + _PIXEL,
    fixed=CONTROLLER + REGISTER.rstrip("\n") + '\nrecipients = [{ name = "Meta Platforms Ireland Limited", '
          'role = "joint_controller", arrangement = "Vastaamme keräämisestä ja siirrosta; Meta vastaa omasta '
          'käsittelystään." }]\n' + _PIXEL,
)
def pixel_joint_controller(ctx: Context) -> Iterator[Hit]:
    # C-40/17 Fashion ID (29.7.2019): a site embedding a social plug-in is a joint controller with the provider for
    # the collection and disclosure by transmission. EDPB Guidelines 8/2020 on the targeting of social media users,
    # example 4 and paragraph 63 (read in the consultation version, 2.9.2020): embedding a tracking pixel makes the
    # targeter and the social media provider joint controllers for the collection and transmission, and for the
    # matching and display of the advertisement.
    _, known = data.providers()
    social = [p for p in known if p.name in _SOCIAL_MEDIA]
    mentioned = {p.name for p in social if ctx.may_match(p.pattern)}  # the others are named in no text at all
    joint = {p.name for p in social if p.name in mentioned for reg in ctx.registers
             for r in reg.register.recipients or ()
             if r.role is RecipientRole.JOINT_CONTROLLER
             and any(p.named_in(t) for v in (r.name, r.category, r.description) if v is not None
                     for t in ((v,) if isinstance(v, str) else v.texts()))}
    reported: set[str] = set()
    for ref in ctx.cookies:
        c = ref.cookie
        if c.category is not CookieCategory.MARKETING:
            continue
        found = next((p for p in social if (c.provider is not None and p.name in mentioned
                                            and p.named_in(c.provider)) or p.sets_cookie(c.name)), None)
        if found is not None and found.name not in joint and found.name not in reported:
            reported.add(found.name)
            yield Hit(ref.path, {"cookie": c.name, "provider": c.provider or found.name})


#: A source given only as partners or third parties (lower case).
_PARTNER_SOURCE = re.compile(
    r"kumppan\w*|partner\w*|kolma\w* osapuol\w*|ulkopuoli\w* (?:taho\w*|lähte\w*)|third[- ]part\w*|"
    r"tredje part\w*|external (?:sources?|parties)|externa källor")
#: A proper name in a source: a legal form, or a capitalised word after the first (a company, a register).
_LEGAL_FORM = re.compile(r"\b(?:oy|oyj|ab|abp|ltd|inc|gmbh|llc|plc|as|aps|sa|ky|ry)\b")
_CAPITALISED = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÅÄÖ][\w-]+")

_PARTNERS_SOURCE = CONTROLLER + REGISTER + _PURPOSE + '''
[[registers.sources]]
kind = "third_party"
name = "{name}"
'''


#: A web address names a source as well as its company name does ("Partners (vainu.com)").
_DOMAIN = re.compile(r"(?<![\w.@-])(?:www\.)?[a-z0-9-]+\.(?:fi|ax|se|no|dk|ee|de|eu|uk|com|net|org|io)(?![\w-])")
#: A short list of names after a colon: "Yhteistyökumppanimme: Posti", "Third parties: Experian" (a sentence after
#: the colon, "Kumppanit: Tiedot saadaan …", has more words).
_AFTER_COLON = re.compile(r":\s*([A-ZÅÄÖ][^.;:]*)")


def _names_no_source(text_: str) -> bool:
    """Whether a source's text speaks of partners or third parties and names none of them (a legal form, a
    capitalised name after the first word, a web address, or a short list of names after a colon)."""
    low = text_.lower()
    if _PARTNER_SOURCE.search(low) is None or _LEGAL_FORM.search(low) is not None:
        return False
    if _CAPITALISED.search(text_.strip()) is not None or _DOMAIN.search(low) is not None:
        return False
    return not any(len(m.group(1).split()) <= 4 for m in _AFTER_COLON.finditer(text_))


@rule(
    id="RK-SOURCE-PARTNERS-UNNAMED", requirement=Requirement.SOURCES, severity=Severity.WARNING,
    article="GDPR 14(2)(f), recital 61; WP260", title="A third-party source is named, not given as \"partners\"",
    message=msg(
        fi='Tietolähteeksi on ilmoitettu vain "{source}": kerro, keneltä tiedot saadaan (yrityksen tai rekisterin '
           'nimi). Vain jos lähdettä ei voi yksilöidä, riittää kuvaus lähteiden luonteesta ja toimialasta.',
        sv='Som källa anges endast "{source}": ange från vem uppgifterna kommer (företagets eller registrets namn). '
           'Bara om källan inte kan anges räcker en beskrivning av källornas art och bransch.',
        en='The source is given only as "{source}": say whom the data comes from (the company or register by name). '
           'Only where the source cannot be identified is a description of the nature and sector of the sources '
           'enough.'),
    trigger="A `third_party` source whose name (or, without a name, description) speaks of partners or third "
            "parties (\"yhteistyökumppanit\", \"samarbetspartner\", \"our fraud prevention partners\") and names "
            "none: no legal form (Oy, Ab, Ltd …) and no capitalised name after its first word.",
    fix="Name the source (`name = \"Maksupalvelu Oy:n petostentorjuntapalvelu\"`), one entry per source.",
    example=_PARTNERS_SOURCE.format(name="Yhteistyökumppanimme"),
    fixed=_PARTNERS_SOURCE.format(name="Arvontakumppani Lemmikkilehti Oy"),
)
def source_partners_unnamed(ctx: Context) -> Iterator[Hit]:
    # 14(2)(f): "from which source the personal data originate" [V: GDPR text]; recital 61: general information only
    # where the origin cannot be provided because various sources have been used [V]; WP260 asks for the specific
    # source unless that is impossible (research notes §1 item 14, [M]). Issue 21, hold-outs A and D: contest
    # entrants' data "from our partners", and risk scores "from our fraud prevention and payment partners".
    for reg in ctx.registers:
        for i, src in enumerate(reg.register.sources):
            if src.kind is not SourceKind.THIRD_PARTY:
                continue
            given = src.name if src.name is not None else src.description
            if given is not None and any(_names_no_source(t) for t in given.texts()):
                yield Hit(f"{reg.path}.sources[{i}]", {"source": given})


_CREDIT_SOURCE = CONTROLLER + REGISTER + '''
[[registers.purposes]]
key = "luotto"
description = "Tarkistamme luottotietosi ennen osamaksua."
kind = "credit_check"
legal_basis = "contract"

[[registers.sources]]
kind = "data_subject"
{more}'''


@rule(
    id="RK-SOURCE-CREDIT-REGISTER", requirement=Requirement.SOURCES, severity=Severity.WARNING,
    article="GDPR 14(1)(d), 14(2)(f)", title="Credit data has its register among the sources",
    message=msg(
        fi='Tarkoituksessa "{purpose}" hankitaan luottotietoja, mutta tietolähteissä on vain rekisteröity itse: '
           'kerro lähteenä luottotietorekisteri, josta tiedot saadaan.',
        sv='Ändamålet "{purpose}" hämtar kreditupplysningar, men bland källorna finns bara den registrerade själv: '
           'ange kreditupplysningsregistret som källa.',
        en='The purpose "{purpose}" obtains credit data, but the only source given is the data subject: name the '
           'credit information register the data comes from as a source.'),
    trigger="A purpose of kind `credit_check` names no `credit_register`, and the register has no `third_party` "
            "source; a purpose whose own text or recipients name an invoice or instalment provider that checks "
            "credit itself (Klarna, Svea, Walley …) is left out.",
    fix="Add the credit register as a source (`kind = \"third_party\"`, `name = \"Suomen Asiakastieto Oy:n "
        "luottotietorekisteri\"`) or name it in the purpose's `credit_register`.",
    example=_CREDIT_SOURCE.format(more=""),
    fixed=_CREDIT_SOURCE.format(more='\n[[registers.sources]]\nkind = "third_party"\n'
                                     'name = "Suomen Asiakastieto Oy:n luottotietorekisteri"\n'),
)
def source_credit_register(ctx: Context) -> Iterator[Hit]:
    # 14(1)(d) the categories of data obtained elsewhere and 14(2)(f) their source [V: GDPR text]. Issue 21,
    # hold-out D: payment-default entries come from a credit register while the only source is the customer.
    # Issue 21, round 5 (false-alarm hunt): where an invoice or instalment provider of the purpose checks credit
    # itself ("Klarna tarkistaa luottotietosi ja tekee luottopäätöksen"), the provider obtains the credit data as a
    # controller of its own and the shop receives only its answer: no credit register is the shop's source.
    for reg in ctx.registers:
        if any(s.kind is SourceKind.THIRD_PARTY for s in reg.register.sources):
            continue
        for j, p in enumerate(reg.register.purposes):
            if (p.kind is PurposeKind.CREDIT_CHECK and p.credit_register is None
                    and not _provider_checks(reg.register, p)):
                yield Hit(f"{reg.path}.purposes[{j}]", {"purpose": p.description})
                break


#: Invoice and instalment providers that check the buyer's credit themselves, as controllers of their own.
_CHECKING_PROVIDER = re.compile(r"klarna|svea|walley|riverty|afterpay|resurs|collector bank|zaver|ropo capital",
                                re.IGNORECASE)


def _provider_checks(register: Register, purpose: Purpose) -> bool:
    """Whether the credit-check purpose, or a recipient of it, names a payment provider that checks credit itself."""
    texts = list(purpose.description.texts())
    for r in register.recipients or ():
        if purpose.key in r.purposes:
            texts += [*((r.name,) if r.name else ()),
                      *(x for v in (r.category, r.description) if v is not None for x in v.texts())]
    return any(_CHECKING_PROVIDER.search(t) for t in texts)

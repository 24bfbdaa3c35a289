"""Rules for what the rendered notice would show as "not stated": every placeholder the renderer prints has a
finding here or in the rule of its requirement, so a statement that checks clean publishes no placeholder."""

from __future__ import annotations

from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import RecipientRole
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

"""The Art. 30 record of processing activities: what the statement's internal ``[record]`` part lacks.

These rules report only for a statement that has a ``[record]`` part: the record is an internal document (GDPR
30(1), kept for the supervisory authority, 30(4)), not part of the published notice, and a small shop may be exempt
from keeping one (30(5)). ``rekisterikit processing-record`` prints the same findings with the record.
"""

from __future__ import annotations

from collections.abc import Iterator

from rekisterikit.findings import Requirement, Severity
from rekisterikit.validate.context import Context
from rekisterikit.validate.registry import Hit, msg, rule
from rekisterikit.validate.rules._examples import CONTROLLER, REGISTER

_PURPOSE = ('\n[[registers.purposes]]\nkey = "tilaukset"\ndescription = "Tilausten käsittely"\n'
            'legal_basis = "contract"\n')
_RETENTION = '\n[[registers.retention]]\nperiod = "P3Y"\nstart = "end_of_contract"\n'


def _example(*record: str) -> str:
    return CONTROLLER + REGISTER + _PURPOSE + _RETENTION + "\n[record]\n" + "".join(record)


_SECURITY = 'security = "TLS, henkilökohtaiset tunnukset ja kaksivaiheinen tunnistautuminen."\n'
_SUBJECTS = '\n[[record.registers]]\nregister = "asiakkaat"\ndata_subjects = ["Asiakkaat"]\n'


@rule(
    id="RK-RECORD-DATA-SUBJECTS", requirement=Requirement.PROCESSING_RECORD, severity=Severity.WARNING,
    article="GDPR 30(1)(c)", title="The record names the categories of data subjects",
    message=msg(
        fi='Seloste käsittelytoimista: rekisterin "{register}" rekisteröityjen ryhmiä ei ole kuvattu.',
        sv='Register över behandling: kategorierna av registrerade i registret "{register}" beskrivs inte.',
        en='Record of processing activities: the categories of data subjects of the register "{register}" are '
           'not described.'),
    trigger="The statement has a `[record]` part and a register has no `[[record.registers]]` entry with "
            "`data_subjects`.",
    fix="Add `[[record.registers]]` with `register` and `data_subjects` (customers, subscribers, visitors …).",
    example=_example(_SECURITY),
    fixed=_example(_SECURITY, _SUBJECTS),
)
def record_data_subjects(ctx: Context) -> Iterator[Hit]:
    record = ctx.statement.record
    if record is None:
        return
    for reg in ctx.registers:
        entry = record.for_register(reg.register.key)
        if entry is None or not entry.data_subjects:
            yield Hit("$.record", {"register": reg.register.name})


@rule(
    id="RK-RECORD-SECURITY", requirement=Requirement.PROCESSING_RECORD, severity=Severity.INFO,
    article="GDPR 30(1)(g), 32(1)", title="The record describes the security measures",
    message=msg(
        fi='Suositus: kuvaa selosteessa käsittelytoimista rekisterin "{register}" tekniset ja organisatoriset '
           'turvatoimet.',
        sv='Rekommendation: beskriv de tekniska och organisatoriska säkerhetsåtgärderna för registret '
           '"{register}" i registret över behandling.',
        en='Recommended: describe the technical and organisational security measures of the register '
           '"{register}" in the record of processing activities.'),
    trigger="The statement has a `[record]` part and neither `record.security`, the register's record entry nor "
            "the register's published `security` describes the measures (Art. 30(1)(g) asks for them \"where "
            "possible\").",
    fix="Write `security` under `[record]` (all registers) or in the register's `[[record.registers]]` entry.",
    example=_example("updated = 2026-12-01\n", _SUBJECTS),
    fixed=_example(_SECURITY, _SUBJECTS),
)
def record_security(ctx: Context) -> Iterator[Hit]:
    record = ctx.statement.record
    if record is None or record.security is not None:
        return
    for reg in ctx.registers:
        entry = record.for_register(reg.register.key)
        if (entry is None or entry.security is None) and reg.register.security is None:
            yield Hit("$.record.security", {"register": reg.register.name})


@rule(
    id="RK-RECORD-ERASURE", requirement=Requirement.PROCESSING_RECORD, severity=Severity.INFO,
    article="GDPR 30(1)(f)", title="The record gives time limits for erasure",
    message=msg(
        fi='Suositus: seloste käsittelytoimista ei kerro käsittelyn "{purpose}" tietojen poistamisen määräaikaa.',
        sv='Rekommendation: registret över behandling anger ingen tidsfrist för radering för ändamålet '
           '"{purpose}".',
        en='Recommended: the record of processing activities gives no time limit for erasure for the purpose '
           '"{purpose}".'),
    trigger="The statement has a `[record]` part and no retention rule covers a purpose (Art. 30(1)(f) asks for "
            "the limits \"where possible\"; the published notice needs them under 13(2)(a) anyway).",
    fix="Add a `[[registers.retention]]` rule that covers the purpose.",
    example=CONTROLLER + REGISTER + _PURPOSE + "\n[record]\n" + _SECURITY + _SUBJECTS,
    fixed=_example(_SECURITY, _SUBJECTS),
)
def record_erasure(ctx: Context) -> Iterator[Hit]:
    if ctx.statement.record is None:
        return
    for ref in ctx.purposes:
        if not ctx.retention_for(ref.register, ref.purpose):
            yield Hit(ref.path, {"purpose": ref.purpose.description})

"""The internal part of the Art. 30 record (seloste käsittelytoimista) that the published statement lacks.

The record of processing activities (GDPR 30(1)) is built from the statement; only what a privacy notice does not
say is written here: the categories of data subjects (30(1)(c)) and a general description of the technical and
organisational security measures (30(1)(g), 32(1)). This part is never published: renderers leave it out and it
does not change the statement's version.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from attrs import define, field

from rekisterikit.model.register import valid_key
from rekisterikit.model.values import LocalizedText

__all__ = ["ProcessingRecord", "RegisterRecord"]


@define(frozen=True, kw_only=True)
class RegisterRecord:
    """What the Art. 30 record adds for one register.

    Attributes:
        register: the key of the register it describes.
        data_subjects: the categories of data subjects (customers, newsletter subscribers, site visitors …),
            GDPR 30(1)(c).
        security: a general description of the technical and organisational security measures of this register,
            GDPR 30(1)(g); when absent, the record's general description applies.
        notes: anything else the record keeper wants in the record (e.g. where the data is kept).
    """

    register: str = field(validator=valid_key)
    data_subjects: tuple[LocalizedText, ...] = ()
    security: LocalizedText | None = None
    notes: LocalizedText | None = None


def _unique_registers(instance: object, attribute: Any, value: tuple[RegisterRecord, ...]) -> None:
    repeated = sorted(k for k, n in Counter(r.register for r in value).items() if n > 1)
    if repeated:
        raise ValueError(f"registers: repeated register {', '.join(repeated)}")


@define(frozen=True, kw_only=True)
class ProcessingRecord:
    """The internal part of the controller's record of processing activities (GDPR 30(1)); never published.

    Attributes:
        security: a general description of the technical and organisational security measures (GDPR 30(1)(g),
            32(1)) for every register that does not give its own.
        registers: per register, its data subjects and security measures.
        updated: when this part was last reviewed.
    """

    security: LocalizedText | None = None
    registers: tuple[RegisterRecord, ...] = field(default=(), validator=_unique_registers)
    updated: dt.date | None = None

    def for_register(self, key: str) -> RegisterRecord | None:
        """The entry for the register with ``key``, or ``None`` when there is none."""
        for entry in self.registers:
            if entry.register == key:
                return entry
        return None

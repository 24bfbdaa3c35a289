"""The statement's version: a SHA-256 of the canonical serialisation of its published content.

The serialisation is the model's own, built with attrs alone, so that the model depends on nothing above it:
attrs classes become objects of their fields with defaults left out (the statement's ``directives`` under the key
``rekisterikit``, as in the file), enums their values, value types (business id, country, duration) their text,
dates ISO 8601, tuples lists. It equals what :func:`rekisterikit.load.dump_dict` writes (a property test keeps the
two in step), minus the parts that are never published: the directives (``[rekisterikit]``) and the internal
Art. 30 record part (``[record]``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import Enum
from typing import Any

import attrs

from rekisterikit.model.references import LegalReference
from rekisterikit.model.values import BusinessId, Country, Duration

__all__ = ["UNPUBLISHED", "canonical_json", "plain_data", "statement_version"]

#: Value types written as their text.
_SCALARS = (BusinessId, Country, Duration)
#: Top-level keys of the statement file that are never published (and so never change the version).
UNPUBLISHED = ("rekisterikit", "record")
#: Attributes written under another key than their name.
_RENAMED = {"directives": "rekisterikit"}


def _is_default(attribute: attrs.Attribute[Any], value: Any) -> bool:
    default = attribute.default
    if default is attrs.NOTHING:
        return False
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default
        if factory.takes_self:  # pragma: no cover - the model uses no self-taking factories
            return False
        return bool(value == factory.factory())
    return bool(value == default)


def plain_data(value: Any) -> Any:
    """``value`` as plain data (dicts, lists, strings, numbers, booleans, dates), defaults left out."""
    if isinstance(value, _SCALARS):
        return str(value)
    if isinstance(value, LegalReference) and value.law is None and value.section is None:
        return plain_data(value.text)  # free text is written as text, as the file writes it
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        for attribute in attrs.fields(type(value)):
            item = getattr(value, attribute.name)
            if _is_default(attribute, item):
                continue
            out[_RENAMED.get(attribute.name, attribute.name)] = plain_data(item)
        if out.pop("no_cookies", False):
            out["cookies"] = []  # the explicit "no cookies" is written `cookies = []`, as in the file
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain_data(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_data(v) for k, v in value.items()}
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")  # pragma: no cover


def canonical_json(statement: attrs.AttrsInstance) -> str:
    """The canonical serialisation of a :class:`~rekisterikit.model.Statement`'s published content.

    Sorted keys; defaults and the unpublished parts are left out.
    """
    data = plain_data(statement)
    for key in UNPUBLISHED:
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default)


def statement_version(statement: attrs.AttrsInstance) -> str:
    """The statement's version: ``"sha256:"`` and the hex SHA-256 of :func:`canonical_json`."""
    # "surrogatepass": a statement built in code may hold lone surrogates (loading rejects them); hash it anyway.
    return "sha256:" + hashlib.sha256(canonical_json(statement).encode("utf-8", "surrogatepass")).hexdigest()

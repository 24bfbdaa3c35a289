"""JSON paths into a statement (``$.registers[0].purposes[2]``): resolving them and walking shop-written text.

Paths use the names a statement file uses, so ``$.rekisterikit.ignore[0]`` is the first ignore directive (the
model attribute is ``Statement.directives``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

import attrs

from rekisterikit.model import BusinessId, Country, Duration, LocalizedText, Statement

__all__ = ["FILE_NAMES", "resolve", "walk_texts"]

#: Model attribute names that a statement file spells differently.
FILE_NAMES = {"directives": "rekisterikit"}
_ATTRIBUTES = {v: k for k, v in FILE_NAMES.items()}
_SEGMENT = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def resolve(statement: Statement, path: str) -> Any:
    """Return the element of ``statement`` at ``path``.

    A path may end at an attribute whose value is ``None`` or empty (the finding is about its absence).

    Raises:
        KeyError: the path is malformed or names no element.
    """
    if not path.startswith("$"):
        raise KeyError(path)
    obj: Any = statement
    pos = 1
    while pos < len(path):
        match = _SEGMENT.match(path, pos)
        if match is None:
            raise KeyError(path)
        name, index = match.groups()
        if name is not None:
            attribute = name
            if isinstance(obj, Statement):
                if name in FILE_NAMES:  # the file spells it differently
                    raise KeyError(path)
                attribute = _ATTRIBUTES.get(name, name)
            if not attrs.has(type(obj)) or attribute not in attrs.fields_dict(type(obj)):
                raise KeyError(path)
            obj = getattr(obj, attribute)
        else:
            if not isinstance(obj, tuple) or int(index) >= len(obj):
                raise KeyError(path)
            obj = obj[int(index)]
        pos = match.end()
    return obj


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _text_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, file name) of every field of an attrs class, directives excluded; computed once per class."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(
            (a.name, FILE_NAMES.get(a.name, a.name) if cls is Statement else a.name)
            for a in attrs.fields(cls) if not (cls is Statement and a.name == "directives"))
    return fields


def walk_texts(obj: Any, path: str = "$") -> Iterator[tuple[str, LocalizedText | str]]:
    """Yield ``(path, value)`` for every shop-written text in ``obj``: each LocalizedText and string.

    Enum values, keys, codes and the ``[rekisterikit]`` directives are not shop-written text and are skipped.
    """
    if isinstance(obj, LocalizedText):
        yield path, obj
        return
    if isinstance(obj, str):
        if not isinstance(obj, Enum):  # codes from the model's vocabularies are not shop-written
            yield path, obj
        return
    if isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from walk_texts(item, f"{path}[{i}]")
        return
    if not attrs.has(type(obj)) or isinstance(obj, BusinessId | Country | Duration):
        return
    for attribute, name in _text_fields(type(obj)):
        value = getattr(obj, attribute)
        if value is not None and attribute != "key":
            yield from walk_texts(value, f"{path}.{name}")

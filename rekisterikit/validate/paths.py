"""JSON paths into a statement (``$.registers[0].purposes[2]``): resolving them and walking shop-written text.

Paths use the names a statement file uses, so ``$.rekisterikit.ignore[0]`` is the first ignore directive (the
model attribute is ``Statement.directives``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

import attrs

from rekisterikit.model import BusinessId, Country, Duration, LocalizedText, Statement

__all__ = ["FILE_NAMES", "collect_texts", "resolve", "walk_texts"]

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
    yield from collect_texts(obj, path)


#: How the walk treats a value of a type: skipped, a text, a tuple of values, or an attrs class to look into.
_SKIP, _TEXT, _TUPLE, _OBJECT = range(4)
_KINDS: dict[type, int] = {}
#: For each attrs class walked into: its text fields and their path suffixes.
_OBJECT_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _kind(cls: type) -> int:
    kind = _KINDS.get(cls)
    if kind is None:
        if issubclass(cls, LocalizedText):
            kind = _TEXT
        elif issubclass(cls, str):
            kind = _SKIP if issubclass(cls, Enum) else _TEXT  # codes from the model's vocabularies
        elif issubclass(cls, tuple):
            kind = _TUPLE
        elif attrs.has(cls) and not issubclass(cls, BusinessId | Country | Duration):
            kind = _OBJECT
            _OBJECT_FIELDS[cls] = tuple((attribute, f".{name}") for attribute, name in _text_fields(cls)
                                        if attribute != "key")
        else:
            kind = _SKIP
        _KINDS[cls] = kind
    return kind


_Out = list[tuple[str, LocalizedText | str]]
#: For each attrs class walked into, its walk: one function per class whose body reads each text field in turn.
_WALKERS: dict[type, Callable[[Any, str, _Out], None]] = {}


def _walker(cls: type) -> Callable[[Any, str, _Out], None]:
    """The walk of an attrs class's fields, written out field by field (no loop over a field table, no attribute
    look-up by name, ``None`` skipped at once). The source is made only of the class's attribute names and the
    path suffixes of :data:`_OBJECT_FIELDS`, never of statement data."""
    walker = _WALKERS.get(cls)
    if walker is None:
        lines = ["def walk(obj, path, out):", "    append = out.append"]
        for attribute, name in _OBJECT_FIELDS[cls]:
            if not attribute.isidentifier():  # pragma: no cover - attrs field names are identifiers
                raise ValueError(f"not an attribute name: {attribute!r}")
            lines += [f"    value = obj.{attribute}",
                      "    if value is not None:",
                      "        kind = kinds.get(type(value))",
                      "        if kind is None:",
                      "            kind = kind_of(type(value))",
                      "        if kind == TEXT:",
                      f"            append((path + {name!r}, value))",
                      "        elif kind:",
                      f"            collect(value, kind, path + {name!r}, out)"]
        namespace: dict[str, Any] = {"kinds": _KINDS, "kind_of": _kind, "collect": _collect, "TEXT": _TEXT}
        exec("\n".join(lines), namespace)  # the source: attrs field names only (see above)
        walker = _WALKERS[cls] = namespace["walk"]
    return walker


def _collect(obj: Any, kind: int, path: str, out: _Out) -> None:
    # Texts are appended here, not in a call of their own: the walk makes a call per container only.
    if kind == _TUPLE:
        for i, item in enumerate(obj):
            item_kind = _KINDS.get(type(item))
            if item_kind is None:
                item_kind = _kind(type(item))
            if item_kind == _TEXT:
                out.append((f"{path}[{i}]", item))
            elif item_kind:
                _collect(item, item_kind, f"{path}[{i}]", out)
    elif kind == _OBJECT:
        walker = _WALKERS.get(type(obj))
        if walker is None:
            walker = _walker(type(obj))
        walker(obj, path, out)
    elif kind == _TEXT:
        out.append((path, obj))


def collect_texts(obj: Any, path: str = "$") -> list[tuple[str, LocalizedText | str]]:
    """:func:`walk_texts` as a list, in the same order: one recursive pass that looks at each type once."""
    out: list[tuple[str, LocalizedText | str]] = []
    kind = _kind(type(obj))
    if kind:
        _collect(obj, kind, path, out)
    return out

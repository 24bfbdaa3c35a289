"""Loading and saving statements: TOML, JSON and plain mappings to and from the model, through cattrs.

Every problem in the input is reported at once, as ``"message @ $.path"`` lines in a single
:class:`~rekisterikit.errors.LoadError`::

    invalid business id '1234567-8' (check digit) @ $.controller.business_id
    invalid legal basis 'asiakassuhde' (expected one of: consent, contract, …) @ $.registers[0].purposes[0].legal_basis
    required field missing @ $.controller.name
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import transform_error

from rekisterikit.errors import LoadError
from rekisterikit.model import (
    BusinessId,
    Country,
    Duration,
    Language,
    LegalReference,
    LocalizedText,
    Statement,
    enums,
)
from rekisterikit.model import version as _version

__all__ = [
    "MAX_KEY_PARTS",
    "MAX_STATEMENT_BYTES",
    "dump",
    "dump_dict",
    "dumps",
    "load",
    "load_dict",
    "loads",
    "statement_version",
    "structure",
    "unstructure",
]

Format = Literal["toml", "json"]
T = TypeVar("T")

#: The largest statement file or text accepted, in bytes (UTF-8): far above any real statement (the longest seed
#: shop's is under 20 kB), far below what a parser needs to exhaust memory.
MAX_STATEMENT_BYTES = 2 * 1024 * 1024
#: The most parts a TOML key or table header may have (``a.b.c`` has 3). ``tomllib`` is quadratic in the parts of a
#: dotted key (CPython gh-149231), so longer keys are refused before parsing; a statement needs fewer than ten.
MAX_KEY_PARTS = 32

_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_KEY = re.compile(rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS},}}")

_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", float: "a number"}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _human(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_fields(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ValueError | TypeError) and exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    if isinstance(exc, AttributeError) and "items" in str(exc):
        return "expected a table"
    return f"invalid value ({exc})"


def _field_names(cls: type) -> list[str]:
    import attrs

    if not attrs.has(cls):
        return []
    return ["rekisterikit" if f.name == "directives" and cls is Statement else f.name for f in attrs.fields(cls)]


def _unknown_fields(exc: ForbiddenExtraKeysError) -> str:
    from rekisterikit.loadhints import suggest

    extra = sorted(exc.extra_fields)
    names = _field_names(exc.cl)
    hints = {name: hint for name in extra if (hint := suggest(name, names)) is not None}
    message = f"unknown field(s) {', '.join(extra)}"
    if len(hints) == 1 and len(extra) == 1:
        message += f" (did you mean {next(iter(hints.values()))}?)"
    elif hints:
        message += " (did you mean " + ", ".join(f"{hint} for {name}" for name, hint in hints.items()) + "?)"
    return message


def _strict_scalar(expected: type) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not expected and not (expected is float and type(value) is int):
            raise TypeError(f"expected {_TYPE_NAMES[expected]}, got {_kind(value)}")
        if isinstance(value, str):
            _check_encodable(value)
        return value

    return hook


def _check_encodable(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"text contains an unpaired surrogate (\\u{ord(value[exc.start]):04x}) "
                         f"at character {exc.start}") from None


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter(default_language: Language) -> Converter:
    conv = Converter(omit_if_default=True, forbid_extra_keys=True)

    for scalar in (str, int, bool, float):
        conv.register_structure_hook(scalar, _strict_scalar(scalar))

    def structure_enum(value: Any, cls: type[Enum]) -> Enum:
        try:
            return cls(value)
        except ValueError:
            from rekisterikit.loadhints import legal_basis_suggestion, suggest

            values = [str(m.value) for m in cls]
            hint = None
            if isinstance(value, str):
                hint = legal_basis_suggestion(value, values) if cls is enums.LegalBasis else suggest(value, values)
            did_you_mean = f"did you mean {hint!r}? " if hint else ""
            raise ValueError(f"invalid {_human(cls.__name__)} {value!r} ({did_you_mean}expected one of: "
                             f"{', '.join(values)})") from None

    for enum_cls in (Language, *(getattr(enums, n) for n in enums.__all__)):
        conv.register_structure_hook(enum_cls, structure_enum)

    def tuple_factory(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = get_args(t)[0]
        item_hook = conv.get_structure_hook(item_type)

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list, got {_kind(value)}")
            items: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001 - collected and re-raised with its index
                    exc.__notes__ = [*getattr(exc, "__notes__", []),
                                     IterableValidationNote(f"Structuring item @ index {i}", i, item_type)]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(items)

        return hook

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)

    def structure_text(value: Any, _: Any) -> LocalizedText:
        if isinstance(value, str):
            _check_encodable(value)
            return LocalizedText.of(value, default_language)
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a string or a table of fi/sv/en texts, got {_kind(value)}")
        unknown = sorted(set(value) - {lang.value for lang in Language})
        if unknown:
            raise ValueError(f"unknown language(s) {', '.join(map(str, unknown))} (expected fi, sv, en)")
        for lang, text in value.items():
            if not isinstance(text, str):
                raise TypeError(f"text for {lang!r}: expected a string, got {_kind(text)}")
            _check_encodable(text)
        return LocalizedText(**value)

    conv.register_structure_hook(LocalizedText, structure_text)

    def structure_reference(value: Any, _: Any) -> LegalReference:
        # A plain string is free text in the default language; a table names a catalogued act (law, section) and/or
        # gives localized text.
        from rekisterikit.laws import FINNISH_ACTS, suggest

        if isinstance(value, str) or (isinstance(value, Mapping) and value and set(value) <= set(Language)):
            return LegalReference(text=structure_text(value, LocalizedText))  # free text, plain or per language
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a string or a table with law, section and text, got {_kind(value)}")
        unknown = sorted(set(value) - {"law", "section", "text"})
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(map(str, unknown))} (a legal reference has law, section, "
                             "text)")
        law, section = value.get("law"), value.get("section")
        for name, item in (("law", law), ("section", section)):
            if item is not None and not isinstance(item, str):
                raise TypeError(f"{name}: expected a string, got {_kind(item)}")
        if law is not None and law not in FINNISH_ACTS:
            close = suggest(law, FINNISH_ACTS)
            hint = f"did you mean {close!r}? " if close else ""
            raise ValueError(f"unknown law {law!r} ({hint}known: {', '.join(sorted(FINNISH_ACTS))}; or write the "
                             "reference as text)")
        text = structure_text(value["text"], LocalizedText) if "text" in value else None
        return LegalReference(law=law, section=section, text=text)

    def unstructure_reference(ref: LegalReference) -> Any:
        if ref.law is None and ref.section is None:
            return conv.unstructure(ref.text)
        out: dict[str, Any] = {"law": ref.law}
        if ref.section is not None:
            out["section"] = ref.section
        if ref.text is not None:
            out["text"] = conv.unstructure(ref.text)
        return out

    conv.register_structure_hook(LegalReference, structure_reference)
    conv.register_unstructure_hook(LegalReference, unstructure_reference)

    def from_string(cls: Callable[[str], T], what: str) -> Callable[[Any, Any], T]:
        def hook(value: Any, _: Any) -> T:
            if not isinstance(value, str):
                raise TypeError(f"expected {what} as a string, got {_kind(value)}")
            return cls(value)

        return hook

    conv.register_structure_hook(BusinessId, from_string(BusinessId, "a business id"))
    conv.register_unstructure_hook(BusinessId, str)
    conv.register_structure_hook(Country, from_string(Country, "a country code"))
    conv.register_unstructure_hook(Country, str)
    conv.register_structure_hook(Duration, from_string(Duration.parse, "a duration"))
    conv.register_unstructure_hook(Duration, str)

    def structure_date(value: Any, _: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            raise TypeError("expected a date (YYYY-MM-DD), got a date and time")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None
        raise TypeError(f"expected a date (YYYY-MM-DD), got {_kind(value)}")

    conv.register_structure_hook(dt.date, structure_date)
    conv.register_unstructure_hook(dt.date, lambda d: d)

    rename = override(rename="rekisterikit")
    structure_statement = make_dict_structure_fn(Statement, conv, _cattrs_forbid_extra_keys=True, directives=rename,
                                                 no_cookies=override(omit=True))
    unstructure_statement = make_dict_unstructure_fn(Statement, conv, _cattrs_omit_if_default=True,
                                                     directives=rename, no_cookies=override(omit=True))

    def structure_statement_hook(value: Any, cls: Any) -> Statement:
        # `cookies = []` says explicitly that the site uses no cookies; an absent `cookies` says nothing.
        statement: Statement = structure_statement(value, cls)
        if isinstance(value, Mapping) and value.get("cookies") == []:
            return attrs.evolve(statement, no_cookies=True)
        return statement

    def unstructure_statement_hook(statement: Statement) -> dict[str, Any]:
        data: dict[str, Any] = unstructure_statement(statement)
        if statement.no_cookies:
            data["cookies"] = []
        return data

    conv.register_structure_hook(Statement, structure_statement_hook)
    conv.register_unstructure_hook(Statement, unstructure_statement_hook)
    return conv


@cache
def converter(default_language: Language = Language.FI) -> Converter:
    """The cattrs converter rekisterikit uses, for statements whose plain strings are in ``default_language``."""
    return _make_converter(default_language)


def _default_language(data: Mapping[str, Any]) -> Language:
    languages = data.get("languages")
    if isinstance(languages, list | tuple) and languages and languages[0] in Language._value2member_map_:
        return Language(languages[0])
    return Language.FI


def structure(data: Mapping[str, Any], cls: type[T] = Statement, *, source: str | None = None) -> T:  # type: ignore[assignment]
    """Turn a mapping (parsed TOML or JSON) into a model object.

    Args:
        data: the mapping.
        cls: the model class to make; a :class:`~rekisterikit.Statement` by default.
        source: a description of where the data came from, for error messages.

    Returns:
        The model object.

    Raises:
        LoadError: listing every problem with its path.
    """
    if not isinstance(data, Mapping):
        raise LoadError([f"expected a table, got {_kind(data)} @ $"], source=source)
    conv = converter(_default_language(data))
    try:
        result: T = conv.structure(data, cls)
    except RecursionError:
        raise LoadError(["the data is nested too deeply @ $"], source=source) from None
    except MemoryError:
        raise LoadError(["out of memory while reading the data @ $"], source=source) from None
    except (BaseValidationError, ValueError, TypeError, KeyError) as exc:
        problems = transform_error(exc, "$", _format_exception)
        # cattrs reports attribute names; the file calls the directives table [rekisterikit].
        problems = [p.replace("@ $.directives", "@ $.rekisterikit") for p in problems]
        raise LoadError(problems, source=source) from None
    return result


def unstructure(obj: Any) -> Any:
    """Turn a model object into plain data (dicts, lists, strings, numbers, dates), omitting defaults."""
    return converter().unstructure(obj)


def load_dict(data: Mapping[str, Any], *, source: str | None = None) -> Statement:
    """Make a :class:`~rekisterikit.Statement` from a mapping.

    Raises:
        LoadError: listing every problem with its path.
    """
    return structure(data, Statement, source=source)


def loads(text: str, format: Format = "toml", *, source: str | None = None) -> Statement:  # noqa: A002
    """Parse a statement from TOML or JSON text.

    Raises:
        LoadError: the text does not parse, does not describe a valid statement, is larger than
            :data:`MAX_STATEMENT_BYTES`, nests too deeply, or (TOML) has a key of more than :data:`MAX_KEY_PARTS`
            parts.
    """
    _check_size(text, source)
    if format == "toml":
        _check_keys(text, source)
    try:
        data: Any = tomllib.loads(text) if format == "toml" else json.loads(text)
    except RecursionError:
        raise LoadError([f"invalid {format.upper()}: nested too deeply @ $"], source=source) from None
    except MemoryError:
        raise LoadError([f"invalid {format.upper()}: out of memory while parsing @ $"], source=source) from None
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_AT.search(str(exc))
        position = (int(where.group(1)), int(where.group(2))) if where else None
        raise LoadError([f"invalid TOML: {exc} @ $"], source=source, positions=[position]) from None
    except json.JSONDecodeError as exc:
        raise LoadError([f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}) @ $"],
                        source=source, positions=[(exc.lineno, exc.colno)]) from None
    # TOML has dates of its own; a quoted date is a string (JSON has no dates, so there a string is the date).
    problems = _quoted_dates(data) if format == "toml" else []
    try:
        statement = load_dict(data, source=source)
    except LoadError as exc:
        problems = [*problems, *exc.problems]
    if not problems:
        return statement
    if format == "toml":
        problems = [_toml_table_hint(p, data) for p in problems]
    from rekisterikit.loadhints import positions

    raise LoadError(problems, source=source, positions=positions(text, format, problems))


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_DID_YOU_MEAN = re.compile(r"^unknown field\(s\) (\S+) \(did you mean (\w+)\?\) @ (\$\S*)$")


def _quoted_dates(data: Any) -> list[str]:
    found = []
    for path, value in (("$.updated", data.get("updated")),
                        ("$.record.updated", (data.get("record") or {}).get("updated")
                         if isinstance(data.get("record"), Mapping) else None)):
        if isinstance(value, str):
            found.append(f"expected a TOML date, got a string: write {path.rsplit('.', 1)[1]} = {value} without "
                         f"quotes @ {path}")
    return found


def _toml_table_hint(problem: str, data: Any) -> str:
    """``did you mean registers?`` as TOML writes it: ``[[registers]]`` for an array of tables, ``[x]`` for one."""
    from rekisterikit.loadhints import value_at

    match = _DID_YOU_MEAN.match(problem)
    if match is None:
        return problem
    name, hint, path = match.groups()
    value = value_at(data, f"{path}.{name}")
    table = path.removeprefix("$").lstrip(".")
    full = f"{table}.{hint}" if table and "[" not in table else hint
    if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        return problem.replace(f"(did you mean {hint}?)", f"(did you mean [[{full}]]?)")
    if isinstance(value, Mapping):
        return problem.replace(f"(did you mean {hint}?)", f"(did you mean [{full}]?)")
    return problem


def _too_large(size: int) -> str:
    return (f"the statement is too large ({size:,} bytes; at most {MAX_STATEMENT_BYTES:,}) @ $").replace(",", " ")


def _check_size(text: str, source: str | None) -> None:
    # A character is at least one UTF-8 byte, so only a long text needs encoding to know its size.
    if len(text) > MAX_STATEMENT_BYTES // 4 and (size := len(text.encode("utf-8", "surrogatepass"))) > \
            MAX_STATEMENT_BYTES:
        raise LoadError([_too_large(size)], source=source)


def _check_keys(text: str, source: str | None) -> None:
    match = _LONG_KEY.search(text)
    if match is not None:
        line = text.count("\n", 0, match.start()) + 1
        raise LoadError([f"a key or table header with more than {MAX_KEY_PARTS} dotted parts (line {line}) @ $"],
                        source=source)


def _format_of(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return "toml"
    if suffix == ".json":
        return "json"
    raise LoadError([f"unknown file type {suffix or '(none)'!r}: expected .toml or .json @ $"], source=str(path))


def load(path: str | Path) -> Statement:
    """Load a statement from a ``.toml`` or ``.json`` file.

    Raises:
        LoadError: the file cannot be read, does not parse, or does not describe a valid statement.
    """
    path = Path(path)
    fmt = _format_of(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_STATEMENT_BYTES + 1)
            if len(raw) > MAX_STATEMENT_BYTES:
                file.seek(0, 2)
                raise LoadError([_too_large(file.tell())], source=str(path))
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise LoadError(["file not found @ $"], source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise LoadError([f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}) @ $"],
                        source=str(path)) from None
    except OSError as exc:
        raise LoadError([f"cannot read the file: {exc.strerror or exc} @ $"], source=str(path)) from None
    return loads(text, fmt, source=str(path))


def dump_dict(statement: Statement) -> dict[str, Any]:
    """Turn a statement into plain data that :func:`load_dict` turns back into an equal statement."""
    data: dict[str, Any] = unstructure(statement)
    return data


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")  # pragma: no cover


def dumps(statement: Statement, format: Format = "toml") -> str:  # noqa: A002
    """Serialise a statement as TOML or JSON text."""
    data = dump_dict(statement)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    import tomli_w

    return tomli_w.dumps(data)


def dump(statement: Statement, path: str | Path) -> None:
    """Write a statement to a ``.toml`` or ``.json`` file (by its suffix)."""
    path = Path(path)
    path.write_text(dumps(statement, _format_of(path)), encoding="utf-8")


def canonical_json(statement: Statement) -> str:
    """The canonical serialisation of the published content (:func:`rekisterikit.model.version.canonical_json`)."""
    return _version.canonical_json(statement)


def statement_version(statement: Statement) -> str:
    """The statement's version, ``"sha256:…"`` (:func:`rekisterikit.model.version.statement_version`)."""
    return _version.statement_version(statement)

"""Maintain the library's gettext catalogs: ``python -m rekisterikit.render.catalogs update|compile|check``.

* ``update`` — extract every marked message from the code into ``rekisterikit/locale/rekisterikit.pot``, merge it
  into ``<fi|sv|en>/LC_MESSAGES/rekisterikit.po`` (existing translations are kept; new messages arrive
  untranslated, English ones pre-filled with their English id; messages no longer in the code are dropped) and
  compile the ``.mo`` files. Run it after adding or changing a message, translate the new entries in the ``.po``
  files, then run it again (or ``compile``) and commit the ``.pot``, ``.po`` and ``.mo`` files.
* ``compile`` — compile the ``.po`` files into ``.mo`` files only.
* ``check`` — fail (exit 1) when the template is stale, a message is untranslated or fuzzy in any locale, a
  translation drops or invents a ``{placeholder}``, or a ``.mo`` file does not match its ``.po`` file.

Messages are extracted from the package's Python files, except ``contrib/`` (frameworks' own i18n) and
``testing/``. Keywords: ``gettext``, ``ngettext``, ``pgettext``, ``npgettext`` and ``N_`` — as module functions
of :mod:`rekisterikit.render.i18n` or as methods of its ``Translator``. A comment starting with
``Translators:`` on the line before a call is copied into the catalogs for the translators.
"""

from __future__ import annotations

import argparse
import io
import re
import string
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import define
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from rekisterikit.render.i18n import DOMAIN, LOCALES

__all__ = ["Problem", "check", "compile_catalogs", "extract", "main", "package_dir", "update"]

_KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3),
             "N_": None}
_EXCLUDED = ("contrib", "testing", "locale")
# Header lines that change without the messages changing (dates, Babel's version) do not count as changes.
_DATE_HEADER = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): .*\\n"\n', re.MULTILINE)
_WIDTH = 116


@define(frozen=True)
class Problem:
    """A problem ``check`` found in the catalogs."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def package_dir() -> Path:
    """The ``rekisterikit`` package directory whose catalogs these commands maintain."""
    return Path(__file__).resolve().parent.parent


def _locale_dir(root: Path) -> Path:
    return root / "locale"


def _pot_path(root: Path) -> Path:
    return _locale_dir(root) / f"{DOMAIN}.pot"


def _po_path(root: Path, lang: str) -> Path:
    return _locale_dir(root) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _mo_path(root: Path, lang: str) -> Path:
    return _po_path(root, lang).with_suffix(".mo")


def _new_catalog(lang: str | None) -> Catalog:
    name = {"fi": "Finnish", "sv": "Swedish", "en": "English"}.get(lang or "", "Template for the")
    header = (f"# {name} messages of rekisterikit (gettext domain {DOMAIN!r}).\n"
              "# Maintained with: python -m rekisterikit.render.catalogs update|compile|check")
    return Catalog(locale=lang, domain=DOMAIN, project="rekisterikit", version="", header_comment=header,
                   msgid_bugs_address="https://rekisterikit.readthedocs.io", copyright_holder="rekisterikit developers",
                   last_translator="rekisterikit developers", language_team=f"{lang or 'LANGUAGE'}", fuzzy=False)


def extract(root: Path | None = None) -> Catalog:
    """Extract the marked messages from the package's code into a template catalog.

    Args:
        root: the package directory (default: :func:`package_dir`).

    Returns:
        The template, messages sorted by id, locations as ``path`` without line numbers.
    """
    root = root or package_dir()
    template = _new_catalog(None)

    def keep(dirname: str) -> bool:
        relative = Path(dirname).relative_to(root)
        return not relative.parts or relative.parts[0] not in _EXCLUDED

    forms: dict[tuple[str | None, str], set[bool]] = {}
    for filename, lineno, message, comments, context in extract_from_dir(
            root, keywords=_KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True,
            directory_filter=keep):
        plural = not isinstance(message, str)
        msgid = message if isinstance(message, str) else message[0]
        forms.setdefault((context, msgid), set()).add(plural)
        location = (f"{root.name}/{filename}", lineno)
        existing = template.get(msgid, context=context)
        if existing is not None and not plural and not isinstance(existing.id, str):
            existing.locations.append(location)  # keep the plural form; the clash is reported by check()
            continue
        template.add(message, locations=[location], auto_comments=comments, context=context)
    template.clashes = sorted(str(k[1]) for k, v in forms.items() if len(v) > 1)  # type: ignore[attr-defined]
    return template


def _render_po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=_WIDTH, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return buffer.getvalue()


def _render_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds it (dates in the header aside); return whether it wrote."""
    if path.exists() and _DATE_HEADER.sub(b"", path.read_bytes()) == _DATE_HEADER.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def update(root: Path | None = None) -> list[str]:
    """Extract, merge and compile: refresh the template, every ``.po`` file and every ``.mo`` file.

    Translations of messages still in the code are kept; new messages are added untranslated (English ones get
    their id as translation, English being the source language); messages gone from the code are dropped.

    Returns:
        One line per file written, for the command's output.
    """
    root = root or package_dir()
    template = extract(root)
    written = []
    if _write_if_changed(_pot_path(root), _render_po(template)):
        written.append(f"wrote {_pot_path(root).relative_to(root.parent)}")
    for lang in LOCALES:
        po = _po_path(root, lang.value)
        catalog = _read(po, lang.value) if po.exists() else _new_catalog(lang.value)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()
        if lang.value == "en":
            for message in _messages(catalog):
                if not _translated(message):
                    message.string = message.id
        if _write_if_changed(po, _render_po(catalog)):
            written.append(f"wrote {po.relative_to(root.parent)}")
    written.extend(compile_catalogs(root))
    return written


def compile_catalogs(root: Path | None = None) -> list[str]:
    """Compile every ``.po`` file into its ``.mo`` file (fuzzy entries excluded).

    Returns:
        One line per file written.
    """
    root = root or package_dir()
    written = []
    for lang in LOCALES:
        mo = _mo_path(root, lang.value)
        data = _render_mo(_read(_po_path(root, lang.value), lang.value))
        if not mo.exists() or _mo_messages(mo.read_bytes()) != _mo_messages(data):
            mo.write_bytes(data)
            written.append(f"wrote {mo.relative_to(root.parent)}")
    return written


def _mo_messages(data: bytes) -> dict[object, object]:
    """The messages of a compiled catalog, without the header entry (which names Babel's version)."""
    def frozen(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {(m.context, frozen(m.id)): frozen(m.string) for m in read_mo(io.BytesIO(data)) if m.id}


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return all(bool(s) for s in strings)


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<malformed>"}


def check(root: Path | None = None) -> list[Problem]:
    """Check that the catalogs are complete and current.

    Returns:
        The problems found; empty when the template matches the code, every message is translated (not fuzzy)
        in fi, sv and en with the same placeholders as its id, and every ``.mo`` file matches its ``.po`` file.
    """
    root = root or package_dir()
    problems: list[Problem] = []
    template = extract(root)
    problems.extend(Problem(root.name, f"{msgid!r} is used both with and without a plural form; gettext cannot "
                                       "tell them apart (use another id or pgettext)")
                    for msgid in template.clashes)  # type: ignore[attr-defined]
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in _messages(template)}
    pot = _pot_path(root)
    if not pot.exists() or _DATE_HEADER.sub(b"", pot.read_bytes()) != _DATE_HEADER.sub(b"", _render_po(template)):
        problems.append(Problem(str(pot.relative_to(root.parent)), "out of date with the code"))
    for lang in LOCALES:
        po = _po_path(root, lang.value)
        where = str(po.relative_to(root.parent))
        if not po.exists():
            problems.append(Problem(where, "missing"))
            continue
        catalog = _read(po, lang.value)
        have = set()
        for message in _messages(catalog):
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            have.add((message.context, msgid))
            if message.fuzzy:
                problems.append(Problem(where, f"fuzzy translation of {msgid!r}"))
            if not _translated(message):
                problems.append(Problem(where, f"untranslated {msgid!r}"))
                continue
            ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
            expected = set().union(*(_placeholders(i) for i in ids))
            for s in strings:
                if _placeholders(s) != expected:
                    problems.append(Problem(where, f"placeholders of {msgid!r} differ: {sorted(_placeholders(s))} "
                                                   f"instead of {sorted(expected)}"))
        problems.extend(Problem(where, f"missing message {msgid!r} (run update)")
                        for _, msgid in sorted(wanted - have, key=str))
        problems.extend(Problem(where, f"message {msgid!r} is no longer in the code (run update)")
                        for _, msgid in sorted(have - wanted, key=str))
        mo = _mo_path(root, lang.value)
        if not mo.exists() or _mo_messages(mo.read_bytes()) != _mo_messages(_render_mo(catalog)):
            problems.append(Problem(str(mo.relative_to(root.parent)), "does not match its .po file (run compile)"))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``update``, ``compile`` or ``check`` and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m rekisterikit.render.catalogs",
                                     description="Maintain rekisterikit's gettext catalogs (fi, sv, en).")
    parser.add_argument("command", choices=("update", "compile", "check"),
                        help="update: extract + merge + compile; compile: .po -> .mo; check: fail if incomplete")
    args = parser.parse_args(argv)
    if args.command == "check":
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"catalogs: {len(problems)} problem(s)" if problems else "catalogs: complete and up to date")
        return 1 if problems else 0
    lines = update() if args.command == "update" else compile_catalogs()
    for line in lines:
        print(line)
    if args.command == "update":
        untranslated = [p for p in check() if "untranslated" in p.message or "fuzzy" in p.message]
        for problem in untranslated:
            print(f"to translate: {problem}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

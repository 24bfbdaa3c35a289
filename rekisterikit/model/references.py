"""References to law that render in every language: a catalogued Finnish act with a section, or localized text."""

from __future__ import annotations

import re
from typing import Any

from attrs import define, field

from rekisterikit.model.values import LocalizedText

__all__ = ["LegalReference", "parse_section"]

_KEY = re.compile(r"[a-z0-9][a-z0-9_]*")
_SECTION = re.compile(r"(?:(?P<chapter>\d+(?: ?[a-z])?):)?(?P<section>\d+(?: ?[a-z])?)")


def parse_section(text: str) -> tuple[str | None, str]:
    """Split ``"2:10"`` into chapter ``"2"`` and section ``"10"`` (``"10"`` has no chapter; ``"4a"`` is 4 a §).

    Raises:
        ValueError: the text is not ``SECTION`` or ``CHAPTER:SECTION``.
    """
    match = _SECTION.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"invalid section {text!r} (a section number, or chapter:section such as '2:10')")
    chapter = match.group("chapter")
    return (chapter.replace(" ", "") if chapter else None), match.group("section").replace(" ", "")


def _law_key(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None and not _KEY.fullmatch(value):
        raise ValueError(f"invalid law key {value!r} (lower-case letters, digits and '_', e.g. 'kirjanpitolaki')")


def _section(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None:
        parse_section(value)


@define(frozen=True, kw_only=True)
class LegalReference:
    """A reference to law, written so that it renders in every language of the statement.

    Either ``law``, the key of an act in rekisterikit's catalogue (``"kirjanpitolaki"``; the act's official Finnish
    and Swedish names and its English name come from the catalogue), with an optional ``section`` (``"10"`` or
    ``"2:10"`` for chapter 2, section 10), or ``text``, free text in the statement's languages, for a law the
    catalogue does not know. In a statement file a plain string is free text in the default language.

    Attributes:
        law: the catalogue key of the act.
        section: the section, or ``chapter:section``.
        text: the reference as free text (or words added to a catalogued act).
    """

    law: str | None = field(default=None, validator=_law_key)
    section: str | None = field(default=None, validator=_section)
    text: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        if self.law is None and self.text is None:
            raise ValueError("a legal reference needs a law (a catalogue key such as 'kirjanpitolaki') or a text")
        if self.section is not None and self.law is None:
            raise ValueError("a section needs a law: give law = '<key>' or write the section into the text")

    def texts(self) -> tuple[str, ...]:
        """The words of the reference, for searching: the law key, the section and every text variant."""
        return tuple(x for x in (self.law, self.section, *(self.text.texts() if self.text else ())) if x)

    @classmethod
    def of(cls, text: str, language: str) -> LegalReference:
        """A free-text reference in one language."""
        return cls(text=LocalizedText.of(text, language))

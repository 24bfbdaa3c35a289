"""Records of a statement over time: the diff by meaning, "what changed", history, the Art. 30 record, JSON-LD.

* :func:`diff` compares two statements by meaning (purposes, bases, recipients, transfers, retention, cookies …)
  and classifies each change as editorial, information or material (GDPR 13(3)).
* :func:`summary` is the one-line "what changed" text the consent banner shows when it asks again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekisterikit.records.diff import Change, ChangeClass, ChangeKind, StatementDiff, diff

if TYPE_CHECKING:
    from rekisterikit.model import Language, Statement

__all__ = ["Change", "ChangeClass", "ChangeKind", "StatementDiff", "diff", "summary"]


def summary(old: Statement, new: Statement, *, locale: Language | str) -> str | None:
    """The one-line "what changed" summary of ``new`` against ``old``, for the banner's re-consent line.

    The line names the changes a visitor should know about (information and material changes, most important
    first), e.g. ``"Muutokset 1.12.2026: uusi evästeiden käyttötarkoitus (markkinointi: _fbp) ja uusi
    vastaanottaja (Klarna AB)."``. Purely editorial changes (a typo fixed, a reworded sentence) give ``None``.

    Args:
        old: the statement the visitor last saw (e.g. the one their consent was given on).
        new: the statement in force now.
        locale: ``"fi"``, ``"sv"`` or ``"en"`` (region suffixes allowed).

    Returns:
        One line of plain text (no markup, no line breaks; escape it when inserting it into HTML), or ``None``
        when nothing but editorial text changed.

    Raises:
        ValueError: ``locale`` is not fi, sv or en.
    """
    from rekisterikit.records.notice import summary as _summary

    return _summary(old, new, locale=locale)

"""Exceptions raised by rekisterikit.

Every exception the library raises on purpose derives from :class:`RekisterikitError`, and each subclass also
inherits the builtin it refines, so ``except ValueError`` keeps working for callers that do not know the library.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["ConsentError", "LoadError", "RekisterikitError"]


class RekisterikitError(Exception):
    """Base class of every error raised by rekisterikit."""


class LoadError(RekisterikitError, ValueError):
    """A statement file or mapping could not be turned into a :class:`~rekisterikit.Statement`.

    Attributes:
        problems: one line per problem, each ``"message @ $.path"``.
        source: the file name or other description of the input, when known.
        positions: for text input, the ``(line, column)`` of each problem in the text (``None`` where unknown);
            empty when the input was not text.
    """

    def __init__(self, problems: Sequence[str], *, source: str | None = None,
                 positions: Sequence[tuple[int, int] | None] = ()) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        self.source = source
        self.positions: tuple[tuple[int, int] | None, ...] = tuple(positions)
        head = f"cannot load statement from {source}" if source else "cannot load statement"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class ConsentError(RekisterikitError, ValueError):
    """A consent operation was given invalid input: a bad configuration, form or consent value."""

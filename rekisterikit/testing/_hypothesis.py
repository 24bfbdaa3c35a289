"""Registers the model's strategies for :func:`hypothesis.strategies.from_type`, through hypothesis' entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` (the ``hypothesis`` entry point) whenever it is imported. When the
model is already imported the hook registers at once; otherwise it leaves a small finder on ``sys.meta_path`` that
registers right after :mod:`rekisterikit.model` is first imported, so a hypothesis run that never uses rekisterikit
pays nothing and the model never imports the testing kit. The strategies themselves
(:mod:`rekisterikit.testing.strategies`) are imported only when ``st.from_type`` first needs one.

This module imports nothing but the standard library at import time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

__all__ = ["register_type_strategies"]

#: Model class name -> name of the public strategy in :mod:`rekisterikit.testing.strategies`.
_PUBLIC = {
    "Statement": "statements",
    "Controller": "controllers",
    "Register": "registers",
    "Purpose": "purposes",
    "DataCategory": "data_categories",
    "Recipient": "recipients",
    "Transfer": "transfers",
    "Cookie": "cookies",
    "LocalizedText": "localized_texts",
    "BusinessId": "business_ids",
    "Country": "countries",
    "Duration": "durations",
    "PostalAddress": "addresses",
}
#: Model classes whose strategies :func:`rekisterikit.testing.strategies._parts` gives.
_PARTS = ("ContactPerson", "Dpo", "Representative", "SoftOptIn", "Source", "Retention", "AutomatedDecisions",
          "CookiePolicy", "Rights", "Children", "Ignore", "Directives")

_registered = False


def _strategy(name: str) -> Any:
    def resolve(cls: type) -> Any:
        from rekisterikit.testing import strategies

        if name in _PUBLIC:
            return getattr(strategies, _PUBLIC[name])()
        return strategies._parts()[cls]

    return resolve


def register_type_strategies() -> None:
    """Register a strategy for every model class with :func:`hypothesis.strategies.register_type_strategy`.

    Idempotent.
    """
    global _registered  # noqa: PLW0603 - a process-wide "done once" flag
    if _registered:
        return
    _registered = True
    from hypothesis import strategies as st

    model = sys.modules["rekisterikit.model"]

    for name in (*_PUBLIC, *_PARTS):
        st.register_type_strategy(getattr(model, name), _strategy(name))


class _RegisterAfterImport(MetaPathFinder, Loader):
    """Finds nothing itself: wraps the real loader of ``rekisterikit.model`` to register after it has run."""

    _MODULE = "rekisterikit.model"

    def __init__(self) -> None:
        self._loader: Loader | None = None

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None,
                  ) -> ModuleSpec | None:
        if fullname != self._MODULE:
            return None
        sys.meta_path.remove(self)  # once: find the real spec without us, then wrap its loader
        from importlib.util import find_spec

        spec = find_spec(fullname)
        if spec is None or spec.loader is None:  # pragma: no cover - the package is broken
            return spec
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        assert self._loader is not None
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        assert self._loader is not None
        self._loader.exec_module(module)
        register_type_strategies()


def _hypothesis_setup_hook() -> None:
    """The ``hypothesis`` entry point: register now if the model is loaded, else right after its first import."""
    if "rekisterikit.model" in sys.modules:
        register_type_strategies()
    elif not any(isinstance(f, _RegisterAfterImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _RegisterAfterImport())

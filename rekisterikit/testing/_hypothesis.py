"""Registers the model's strategies for :func:`hypothesis.strategies.from_type`, without slowing hypothesis down.

Hypothesis calls :func:`_hypothesis_setup_hook` (the ``hypothesis`` entry point) whenever it is imported. Importing
the model there would make every hypothesis run in an environment with rekisterikit installed pay for it, so the
hook registers only when the model is already imported; otherwise :mod:`rekisterikit.model` calls
:func:`register_type_strategies` at the end of its own import when hypothesis is loaded. Either way the strategies
themselves (:mod:`rekisterikit.testing.strategies`) are imported only when ``st.from_type`` first needs one.

This module imports nothing but the standard library at import time.
"""

from __future__ import annotations

import sys
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

    Idempotent. Call it only once both hypothesis and :mod:`rekisterikit.model` can be imported.
    """
    global _registered  # noqa: PLW0603 - a process-wide "done once" flag
    if _registered:
        return
    _registered = True
    from hypothesis import strategies as st

    model = sys.modules["rekisterikit.model"]
    for name in (*_PUBLIC, *_PARTS):
        st.register_type_strategy(getattr(model, name), _strategy(name))


def _hypothesis_setup_hook() -> None:
    """The ``hypothesis`` entry point: register now if the model is loaded, else leave it to the model's import."""
    if "rekisterikit.model" in sys.modules:
        register_type_strategies()

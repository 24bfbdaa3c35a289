"""Helpers for testing shops' statements and pages.

* :mod:`rekisterikit.testing.strategies` — hypothesis strategies for the model (``statements(compliant=True)``,
  ``hostile_texts()``, ``consent_states(statement)`` …);
* :func:`assert_compliant` — the statement has no findings at or above a severity;
* :func:`assert_no_tracking_without_consent` — a response sets no cookie and runs no script the visitor has not
  accepted;
* :func:`consent_cookie_value` — a signed consent cookie for a test client;
* :mod:`rekisterikit.testing.pytest_plugin` — fixtures and a marker, loaded by pytest automatically.

This package imports nothing heavy itself (pytest loads the plugin in every run); the names above are imported on
first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rekisterikit.testing.assertions import assert_compliant, assert_no_tracking_without_consent
    from rekisterikit.testing.consent import consent_cookie_value, consent_state

__all__ = ["assert_compliant", "assert_no_tracking_without_consent", "consent_cookie_value", "consent_state"]

_EXPORTS = {
    "assert_compliant": "rekisterikit.testing.assertions",
    "assert_no_tracking_without_consent": "rekisterikit.testing.assertions",
    "consent_cookie_value": "rekisterikit.testing.consent",
    "consent_state": "rekisterikit.testing.consent",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rekisterikit.testing' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})

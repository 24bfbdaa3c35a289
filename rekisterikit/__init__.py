"""rekisterikit: GDPR privacy statements (tietosuojaseloste) for webshops, as code.

This module only re-exports the public API; framework adapters live in :mod:`rekisterikit.contrib` and are never
imported from here.

The re-exports are resolved on first use (PEP 562), so that importing a light submodule — the pytest plugin in
:mod:`rekisterikit.testing.pytest_plugin`, which pytest loads in every run — does not import the model, cattrs or
Babel. ``from rekisterikit import Statement`` works as usual.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rekisterikit.errors import LoadError, RekisterikitError
    from rekisterikit.findings import Finding, Report, Requirement, Severity
    from rekisterikit.load import dump, dumps, load, load_dict, loads
    from rekisterikit.model import (
        Controller,
        Cookie,
        CookieCategory,
        LegalBasis,
        LocalizedText,
        Purpose,
        Register,
        Statement,
    )
    from rekisterikit.records import diff
    from rekisterikit.render import render, render_cookie_table
    from rekisterikit.validate import rule, validate

__version__ = "0.1.0.dev0"

__all__ = [
    "Controller",
    "Cookie",
    "CookieCategory",
    "Finding",
    "LegalBasis",
    "LoadError",
    "LocalizedText",
    "Purpose",
    "Register",
    "RekisterikitError",
    "Report",
    "Requirement",
    "Severity",
    "Statement",
    "__version__",
    "diff",
    "dump",
    "dumps",
    "load",
    "load_dict",
    "loads",
    "render",
    "render_cookie_table",
    "rule",
    "validate",
]

#: Where each re-exported name lives; keep in step with the ``TYPE_CHECKING`` imports and ``__all__``.
_EXPORTS = {
    "LoadError": "rekisterikit.errors",
    "RekisterikitError": "rekisterikit.errors",
    "Finding": "rekisterikit.findings",
    "Report": "rekisterikit.findings",
    "Requirement": "rekisterikit.findings",
    "Severity": "rekisterikit.findings",
    "diff": "rekisterikit.records",
    "dump": "rekisterikit.load",
    "dumps": "rekisterikit.load",
    "load": "rekisterikit.load",
    "load_dict": "rekisterikit.load",
    "loads": "rekisterikit.load",
    "Controller": "rekisterikit.model",
    "Cookie": "rekisterikit.model",
    "CookieCategory": "rekisterikit.model",
    "LegalBasis": "rekisterikit.model",
    "LocalizedText": "rekisterikit.model",
    "Purpose": "rekisterikit.model",
    "Register": "rekisterikit.model",
    "Statement": "rekisterikit.model",
    "render": "rekisterikit.render",
    "render_cookie_table": "rekisterikit.render",
    "rule": "rekisterikit.validate",
    "validate": "rekisterikit.validate",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rekisterikit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(ModuleType):
    """The package module: ``rekisterikit.load``, ``rekisterikit.render`` and ``rekisterikit.validate`` stay the
    functions.

    Importing the submodule of the same name makes the import system bind the module on the package; with eager
    re-exports the function was bound after it, so the same must hold when the submodule is imported later.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and _EXPORTS.get(name) == f"{__name__}.{name}":
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

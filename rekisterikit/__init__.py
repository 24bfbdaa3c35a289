"""rekisterikit: GDPR privacy statements (tietosuojaseloste) for webshops, as code.

This module only re-exports the public API; framework adapters live in :mod:`rekisterikit.contrib` and are never
imported from here.
"""

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
    "dump",
    "dumps",
    "load",
    "load_dict",
    "loads",
    "rule",
    "validate",
]

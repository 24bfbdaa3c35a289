"""Smoke test of an installed wheel: run from outside the checkout, so only packaged files are available.

Each feature that relies on package data (catalogs, static files, schemas) adds a check here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rekisterikit
from rekisterikit import load

examples = Path(sys.argv[1])
assert "site-packages" in rekisterikit.__file__, f"not the installed package: {rekisterikit.__file__}"
statements = {p.name: load(p) for p in sorted(examples.glob("*.toml"))}
assert len(statements) >= 7, sorted(statements)
print(f"smoke: loaded {len(statements)} example statements from the installed wheel")

from rekisterikit.render.i18n import gettext  # noqa: E402

assert gettext("for the session", locale="sv") == "under sessionen", "compiled catalogs missing from the wheel"
print("smoke: gettext catalogs (fi, sv, en) are in the wheel")

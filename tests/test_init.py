"""The package root: lazy re-exports that keep ``import rekisterikit`` (and the pytest plugin) light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import rekisterikit

HEAVY = ("attr", "attrs", "cattrs", "babel", "rekisterikit.model", "rekisterikit.load")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_package_imports_nothing_heavy() -> None:
    """`import rekisterikit` loads neither the model nor attrs, cattrs or Babel until a name is used."""
    loaded = _modules_after("import rekisterikit")
    assert set() == {m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY}


def test_every_exported_name_resolves_to_its_object() -> None:
    """Each name in __all__ is available from the package and is the object of the module it comes from."""
    from rekisterikit import load as load_module_function
    from rekisterikit.model import Statement

    for name in rekisterikit.__all__:
        assert getattr(rekisterikit, name) is not None
    assert Statement is rekisterikit.Statement
    assert "load" == load_module_function.__name__
    assert sorted(rekisterikit.__all__) == sorted([*rekisterikit._EXPORTS, "__version__"])


def test_functions_named_like_their_modules_stay_functions_when_the_modules_are_imported_first() -> None:
    """Importing rekisterikit.load, .validate.* or .render first does not shadow the re-exported functions."""
    loaded = subprocess.run([sys.executable, "-c", (
        "import rekisterikit.load, rekisterikit.validate.rules, rekisterikit.render\n"
        "import rekisterikit\n"
        "from rekisterikit import load, render, validate\n"
        "print(callable(load), callable(validate), callable(render), type(rekisterikit.load).__name__)")],
        capture_output=True, text=True, check=True).stdout.split()
    assert ["True", "True", "True", "function"] == loaded


def test_unknown_names_raise_attribute_error_and_submodules_still_import() -> None:
    """A missing attribute is an AttributeError (so `from rekisterikit import model` imports the submodule)."""
    from rekisterikit import model

    assert "rekisterikit.model" == model.__name__
    with pytest.raises(AttributeError, match="no_such_name"):
        rekisterikit.no_such_name  # noqa: B018
    assert {"Statement", "validate"} <= set(dir(rekisterikit))

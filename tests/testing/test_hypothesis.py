"""The hypothesis entry point: st.from_type builds valid model objects, and importing hypothesis stays cheap."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from rekisterikit.model import Register, Retention, Rights, Source, Statement


def _run(code: str) -> list[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_the_hook_is_a_hypothesis_entry_point() -> None:
    """The distribution declares the hook in the `hypothesis` entry point group."""
    hooks = [e.value for e in importlib.metadata.entry_points(group="hypothesis")]
    assert "rekisterikit.testing._hypothesis:_hypothesis_setup_hook" in hooks


@given(st.from_type(Statement))
def test_from_type_builds_statements_whose_references_resolve(statement: Statement) -> None:
    """st.from_type(Statement) uses the hand-written strategy: every purpose reference of a recipient resolves."""
    for register in statement.registers:
        keys = {p.key for p in register.purposes}
        assert all(set(r.purposes) <= keys for r in register.recipients or ())


@given(st.from_type(Register), st.from_type(Source), st.from_type(Retention), st.from_type(Rights))
def test_from_type_covers_the_smaller_classes(register: Register, source: Source, retention: Retention,
                                              rights: Rights) -> None:
    """Registers, sources, retention rules and rights come from registered strategies too."""
    assert (Register, Source, Retention, Rights) == (type(register), type(source), type(retention), type(rights))


def test_importing_hypothesis_does_not_import_the_model() -> None:
    """The hook registers nothing and imports nothing when the model is not loaded yet."""
    assert ["False"] == _run("import hypothesis, sys; print('rekisterikit.model' in sys.modules)")


def test_registration_works_whichever_is_imported_first() -> None:
    """Model first (the hook registers) or hypothesis first (the model's import registers): from_type works."""
    check = ("from hypothesis import strategies as st; from hypothesis.strategies._internal import types\n"
             "from rekisterikit.model import Statement\n"
             "print(Statement in types._global_type_lookup)")
    assert ["True"] == _run("import rekisterikit.model\nimport hypothesis\n" + check)
    assert ["True"] == _run("import hypothesis\nimport rekisterikit.model\n" + check)

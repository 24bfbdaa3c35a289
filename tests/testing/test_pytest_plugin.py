"""The pytest plugin, run in a fresh pytest with `pytester`: fixtures, the marker's failure text, import cost."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"
#: Options for every inner run: no Django plugin (the outer suite configures Django), no cache directory.
ISOLATED = ("-p", "no:django", "-p", "no:cacheprovider")
SECRET = "pytester-secret-of-enough-bytes"


@pytest.fixture
def shop(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with a good and a bad statement in statements/."""
    (pytester.path / "statements").mkdir()
    shutil.copy(EXAMPLES / "kalvokeskus-corrected.toml", pytester.path / "statements" / "good.toml")
    shutil.copy(EXAMPLES / "kalvokeskus.toml", pytester.path / "statements" / "bad.toml")
    return pytester


def test_the_plugin_is_a_pytest11_entry_point() -> None:
    """pytest finds the plugin through the distribution's pytest11 entry point."""
    plugins = {e.name: e.value for e in importlib.metadata.entry_points(group="pytest11")}
    assert "rekisterikit.testing.pytest_plugin" == plugins.get("rekisterikit")


def test_importing_the_plugin_imports_nothing_heavy() -> None:
    """The plugin module imports none of attrs, cattrs, Babel or the model: a run that does not use it pays nothing."""
    code = ("import sys, pytest\nbefore = set(sys.modules)\nimport rekisterikit.testing.pytest_plugin\n"
            "print('\\n'.join(sorted(set(sys.modules) - before)))")
    added = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    heavy = {m for m in added if m.split(".")[0] in ("attr", "attrs", "cattrs", "babel", "markupsafe", "hypothesis")}
    assert set() == heavy
    assert ["rekisterikit", "rekisterikit.testing", "rekisterikit.testing.pytest_plugin"] == [
        m for m in added if m.startswith("rekisterikit")]


def test_a_failing_statement_gives_a_readable_failure(shop: pytest.Pytester) -> None:
    """The marker fails the test with the findings — rule, article, path with line, message — and no traceback."""
    shop.makepyfile(test_privacy='''
        import pytest

        @pytest.mark.rekisterikit_compliant("statements/bad.toml")
        def test_statement():
            pass
    ''')
    result = shop.runpytest(*ISOLATED)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*statements/bad.toml is not compliant: * findings at or above error",
        "  RK-* [[]error[]] GDPR*",
        "    at $.* (line *)",
    ])
    output = result.stdout.str()
    assert "RK-RETENTION" in output
    assert "pytest_plugin.py" not in output


def test_the_marker_uses_the_configured_statement_and_its_options(shop: pytest.Pytester) -> None:
    """Without a path the marker checks --rekisterikit-statement; fail_on and allow are honoured."""
    shop.makepyfile(test_privacy='''
        import pytest

        @pytest.mark.rekisterikit_compliant
        def test_errors():
            pass

        @pytest.mark.rekisterikit_compliant(fail_on="info")
        def test_recommendations():
            pass

        @pytest.mark.rekisterikit_compliant(fail_on="info", allow=["RK-BUSINESS-ID", "dpo_contact",
                                                                     "RK-TRANSFER-DPF"])
        def test_allowed():
            pass
    ''')
    result = shop.runpytest(*ISOLATED, "--rekisterikit-statement", "statements/good.toml", "-rA")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*_ test_recommendations _*", "*/statements/good.toml is not compliant: 1 finding",
                                 "  RK-BUSINESS-ID [[]info[]] *", "    at $.controller.business_id (line *)"])


def test_the_statement_fixture_reads_the_ini_option_relative_to_the_ini_file(shop: pytest.Pytester) -> None:
    """rekisterikit_statement loads the file named in the configuration, once per session."""
    shop.makeini("[pytest]\nrekisterikit_statement = statements/good.toml\n")
    shop.makepyfile(test_fixture='''
        def test_statement(rekisterikit_statement):
            assert "Miska Selin" == rekisterikit_statement.controller.name

        def test_same_object(rekisterikit_statement, request):
            assert rekisterikit_statement is request.getfixturevalue("rekisterikit_statement")
    ''')
    (shop.path / "sub").mkdir()
    result = shop.runpytest(*ISOLATED, "--rootdir", str(shop.path), str(shop.path))
    result.assert_outcomes(passed=2)


def test_without_a_statement_the_fixture_says_how_to_configure_one(pytester: pytest.Pytester) -> None:
    """Using the fixture with nothing configured is an error that names the option, the ini key and the override."""
    pytester.makepyfile(test_fixture="def test_statement(rekisterikit_statement):\n    pass\n")
    result = pytester.runpytest(*ISOLATED)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*no privacy statement configured: pass --rekisterikit-statement PATH*"])


def test_an_unloadable_statement_is_reported_with_its_problems(shop: pytest.Pytester) -> None:
    """A broken statement file makes the fixture error with the load problems."""
    (shop.path / "statements" / "broken.toml").write_text('[controller]\nname = ""\n', encoding="utf-8")
    shop.makepyfile(test_fixture="def test_statement(rekisterikit_statement):\n    pass\n")
    result = shop.runpytest(*ISOLATED, "--rekisterikit-statement", "statements/broken.toml")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*cannot load the privacy statement*broken.toml:", "  name is empty @ $.controller"])
    assert "During handling" not in result.stdout.str()


def test_the_consent_cookie_fixture_makes_cookies_the_service_accepts(shop: pytest.Pytester) -> None:
    """consent_cookie(...) is a signed value for the configured statement and secret; header() and state() too."""
    shop.makeini(f"[pytest]\nrekisterikit_statement = statements/good.toml\nrekisterikit_consent_secret = {SECRET}\n")
    shop.makepyfile(test_cookie=f'''
        from rekisterikit.consent import ConsentConfig, ConsentService

        def test_cookie(consent_cookie, rekisterikit_statement):
            service = ConsentService(rekisterikit_statement, ConsentConfig(secret="{SECRET}"))
            assert "rk_consent" == consent_cookie.name
            state = service.read({{"rk_consent": consent_cookie("statistics")}})
            assert {{"statistics"}} == {{c.value for c in state.granted}}
            assert set() == set(service.read(consent_cookie.header()).granted)
            assert {{"statistics"}} == {{c.value for c in consent_cookie.state("statistics").granted}}
    ''')
    result = shop.runpytest(*ISOLATED)
    result.assert_outcomes(passed=1)


def test_the_secret_and_the_statement_can_come_from_the_project(shop: pytest.Pytester) -> None:
    """Overriding the fixtures in conftest.py (as a Django or Flask project does) feeds the cookie and the marker."""
    shop.makeini("[pytest]\nrekisterikit_consent_cookie_name = consent\n")
    shop.makeconftest(f'''
        import pytest
        from rekisterikit import load

        @pytest.fixture(scope="session")
        def rekisterikit_statement():
            return load("statements/good.toml")

        @pytest.fixture(scope="session")
        def rekisterikit_consent_secret():
            return "{SECRET}"
    ''')
    shop.makepyfile(test_project='''
        import pytest

        @pytest.mark.rekisterikit_compliant
        def test_cookie(consent_cookie):
            assert consent_cookie.header("marketing").startswith("consent=v3.")
    ''')
    result = shop.runpytest(*ISOLATED)
    result.assert_outcomes(passed=1)


def test_without_a_secret_the_cookie_fixture_says_how_to_configure_one(shop: pytest.Pytester,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """consent_cookie needs a secret: the error names the ini key, the variable and the fixture to override."""
    monkeypatch.delenv("REKISTERIKIT_CONSENT_SECRET", raising=False)
    shop.makeini("[pytest]\nrekisterikit_statement = statements/good.toml\n")
    shop.makepyfile(test_cookie="def test_cookie(consent_cookie):\n    pass\n")
    result = shop.runpytest(*ISOLATED)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*no consent secret configured*REKISTERIKIT_CONSENT_SECRET*settings.SECRET_KEY*"])


def test_the_marker_is_registered_for_strict_markers(pytester: pytest.Pytester) -> None:
    """--strict-markers accepts the marker, and `pytest --markers` documents it."""
    pytester.makepyfile(test_m="import pytest\n\n@pytest.mark.rekisterikit_compliant(statement=None)\n"
                               "def test_x(rekisterikit_statement):\n    pass\n")
    result = pytester.runpytest(*ISOLATED, "--strict-markers", "--co", "-q")
    result.assert_outcomes()
    assert 0 == result.ret
    markers = pytester.runpytest(*ISOLATED, "--markers")
    markers.stdout.fnmatch_lines(["@pytest.mark.rekisterikit_compliant(statement=None, *"])


def test_the_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    """-p no:rekisterikit removes the fixtures."""
    pytester.makepyfile(test_fixture="def test_statement(rekisterikit_statement):\n    pass\n")
    result = pytester.runpytest(*ISOLATED, "-p", "no:rekisterikit")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'rekisterikit_statement' not found*"])

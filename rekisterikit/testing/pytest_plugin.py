"""The pytest plugin: fixtures for a shop's statement and consent cookies, and a marker that checks compliance.

pytest loads it automatically (entry point ``pytest11``) wherever rekisterikit is installed, so it imports only the
standard library and pytest; the statement, the validators and the consent code are imported when a fixture or the
marker is first used. Disable it with ``-p no:rekisterikit``.

Configuration (command line, or the ``[tool.pytest.ini_options]`` table / ``pytest.ini``):

``--rekisterikit-statement PATH`` / ``rekisterikit_statement = "privacy/statement.toml"``
    the shop's statement file; a relative path is relative to the current directory on the command line and to the
    configuration file's directory in the ini file.
``rekisterikit_consent_secret``
    the secret consent cookies are signed with; in a Django or Flask project override the
    ``rekisterikit_consent_secret`` fixture to return the app's ``SECRET_KEY`` instead.
``rekisterikit_consent_cookie_name``
    the consent cookie's name (default ``rk_consent``).

Fixtures: ``rekisterikit_statement`` (the loaded statement, once per session), ``rekisterikit_consent_secret`` and
``consent_cookie`` (a :class:`ConsentCookies` factory), ``rekisterikit_scan`` (scan a live test
server in Chromium, fail on any finding). Marker: ``@pytest.mark.rekisterikit_compliant`` fails the
test unless the statement is compliant.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from rekisterikit.consent.state import ConsentState
    from rekisterikit.model import Statement

__all__ = ["ConsentCookies"]

MARKER = "rekisterikit_compliant"
_STATEMENT_FIXTURE = "rekisterikit_statement"
_SECRET_ENV = "REKISTERIKIT_CONSENT_SECRET"
#: The statement the rekisterikit_statement fixture loaded, and its file, for line numbers in the marker's failure.
_LOADED = pytest.StashKey[tuple[str, "Statement"]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--rekisterikit-statement`` and the ini options."""
    group = parser.getgroup("rekisterikit", "rekisterikit: privacy statement and consent")
    group.addoption("--rekisterikit-statement", dest="rekisterikit_statement", metavar="PATH", default=None,
                    help="the shop's privacy statement file (TOML or JSON) for the rekisterikit_statement fixture")
    parser.addini("rekisterikit_statement", "the shop's privacy statement file, relative to this configuration file",
                  default="")
    parser.addini("rekisterikit_consent_secret", "the secret that signs consent cookies in tests "
                  f"(or set {_SECRET_ENV})", default="")
    parser.addini("rekisterikit_consent_cookie_name", "the consent cookie's name", default="rk_consent")


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``rekisterikit_compliant`` marker."""
    config.addinivalue_line(
        "markers", f"{MARKER}(statement=None, *, fail_on='error', allow=()): fail the test unless the statement "
                   "(a path, else the rekisterikit_statement fixture) has no findings at or above fail_on, apart "
                   "from the rules in allow")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Make marked tests that name no statement file request the ``rekisterikit_statement`` fixture."""
    for item in items:
        marker = item.get_closest_marker(MARKER)
        if marker is None or marker.args or "statement" in marker.kwargs:
            continue
        names = getattr(item, "fixturenames", None)
        if isinstance(names, list) and _STATEMENT_FIXTURE not in names:
            names.append(_STATEMENT_FIXTURE)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    """Before a marked test runs, fail it with the findings if the statement is not compliant."""
    marker = item.get_closest_marker(MARKER)
    if marker is None:
        return
    from rekisterikit.testing.assertions import assert_compliant

    where: Any = marker.args[0] if marker.args else marker.kwargs.get("statement")
    source = None
    if where is None:
        statement: Any = getattr(item, "funcargs", {}).get(_STATEMENT_FIXTURE)
        loaded = item.config.stash.get(_LOADED, None)
        if loaded is not None and loaded[1] is statement:
            source = loaded[0]
    elif isinstance(where, str | os.PathLike):
        statement = _resolve(item.config.rootpath, where)
    else:
        statement = where
    try:
        assert_compliant(statement, fail_on=marker.kwargs.get("fail_on", "error"),
                         allow=marker.kwargs.get("allow", ()), locale=marker.kwargs.get("locale", "en"),
                         source=source)
    except AssertionError as exc:
        pytest.fail(str(exc), pytrace=False)


def _resolve(base: Path, path: str | os.PathLike[str]) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else base / p


def _statement_path(config: pytest.Config) -> Path | None:
    option = config.getoption("rekisterikit_statement")
    if option:
        return _resolve(config.invocation_params.dir, option)
    ini = str(config.getini("rekisterikit_statement") or "")
    if ini:
        return _resolve(config.inipath.parent if config.inipath else config.rootpath, ini)
    return None


@pytest.fixture(scope="session")
def rekisterikit_statement(pytestconfig: pytest.Config) -> Statement:
    """The shop's statement, loaded once from ``--rekisterikit-statement`` or the ``rekisterikit_statement`` ini option.

    Override this fixture to take the statement from elsewhere (e.g. the Django or Flask app's configuration).
    """
    path = _statement_path(pytestconfig)
    if path is None:
        pytest.fail("no privacy statement configured: pass --rekisterikit-statement PATH, set rekisterikit_statement "
                    "in the pytest configuration, or override the rekisterikit_statement fixture", pytrace=False)
    from rekisterikit.errors import LoadError
    from rekisterikit.load import load

    try:
        statement = load(path)
    except LoadError as exc:
        problem = "\n".join(f"  {p}" for p in exc.problems)
    except OSError as exc:
        problem = f"  {exc}"
    else:
        pytestconfig.stash[_LOADED] = (str(path), statement)
        return statement
    pytest.fail(f"cannot load the privacy statement {path}:\n{problem}", pytrace=False)


@pytest.fixture(scope="session")
def rekisterikit_consent_secret(pytestconfig: pytest.Config) -> str:
    """The secret consent cookies are signed with: the ``rekisterikit_consent_secret`` ini option or the
    ``REKISTERIKIT_CONSENT_SECRET`` environment variable.

    In a Django or Flask project override it to return the application's secret, e.g.
    ``return settings.SECRET_KEY``.
    """
    secret = str(pytestconfig.getini("rekisterikit_consent_secret") or "") or os.environ.get(_SECRET_ENV, "")
    if not secret:
        pytest.fail("no consent secret configured: set rekisterikit_consent_secret in the pytest configuration or "
                    f"{_SECRET_ENV}, or override the rekisterikit_consent_secret fixture (e.g. to return "
                    "settings.SECRET_KEY)", pytrace=False)
    return secret


class ConsentCookies:
    """Makes signed consent cookies for one statement and secret; the ``consent_cookie`` fixture is one.

    Call it with the accepted categories to get the cookie's value::

        client.cookies[consent_cookie.name] = consent_cookie("statistics")          # Django test client
        client.set_cookie(consent_cookie.name, consent_cookie("statistics", "marketing"))  # Flask test client
        headers = {"Cookie": consent_cookie.header("statistics")}                 # any client

    Attributes:
        name: the consent cookie's name.
        statement: the statement the consents are for.
    """

    def __init__(self, statement: Statement, secret: str | bytes, name: str = "rk_consent") -> None:
        self.statement = statement
        self.name = name
        self._secret = secret

    def __call__(self, *categories: str, method: str = "custom", locale: str = "fi") -> str:
        """The signed cookie value of a visitor who accepted ``categories`` (none: rejected all) just now."""
        from rekisterikit.testing.consent import consent_cookie_value

        return consent_cookie_value(self.statement, categories, secret=self._secret, method=method, locale=locale)

    def header(self, *categories: str, method: str = "custom", locale: str = "fi") -> str:
        """A ``Cookie`` request header carrying the consent, e.g. ``"rk_consent=v3.…"``."""
        return f"{self.name}={self(*categories, method=method, locale=locale)}"

    def state(self, *categories: str, method: str = "custom", locale: str = "fi") -> ConsentState:
        """The consent state such a cookie carries (e.g. for ``consent=`` of the assertions)."""
        from rekisterikit.testing.consent import consent_state

        return consent_state(self.statement, categories, method=method, locale=locale)


@pytest.fixture
def consent_cookie(rekisterikit_statement: Statement, rekisterikit_consent_secret: str,
                   pytestconfig: pytest.Config) -> ConsentCookies:
    """A factory of signed consent cookies: ``consent_cookie("statistics")`` is the value of a visitor who accepted
    statistics cookies (and nothing else); ``consent_cookie()`` one who rejected everything."""
    name = str(pytestconfig.getini("rekisterikit_consent_cookie_name") or "rk_consent")
    return ConsentCookies(rekisterikit_statement, rekisterikit_consent_secret, name)


@pytest.fixture
def rekisterikit_scan(request: pytest.FixtureRequest) -> Any:
    """Scan a live test server in Chromium and fail on any finding: ``rekisterikit_scan(live_server.url)``.

    The statement defaults to the ``rekisterikit_statement`` fixture; keyword arguments are those of
    :func:`rekisterikit.testing.scan.scan_app` (``host="www.shop.test"``, ``pages``, ``fail_on`` …). Needs the
    ``scan`` extra and a system Chromium; nothing is imported until the scan runs.
    """

    def run(live_url: str, statement: Any = None, **options: Any) -> Any:
        from rekisterikit.testing.scan import scan_app

        if statement is None:
            statement = request.getfixturevalue("rekisterikit_statement")
        return scan_app(live_url, statement, **options)

    return run

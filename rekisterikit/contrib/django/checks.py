"""System checks: the settings, the statement and its validator findings, and (with ``--deploy``) cookie security.

Check ids:

* ``rekisterikit.E001`` — the statement cannot be loaded (the hint lists every load error);
* ``rekisterikit.E002`` — the ``REKISTERIKIT`` setting is invalid;
* ``rekisterikit.E003`` — ``SECRET_KEY`` is too short to derive the consent cookie's signing key;
* ``rekisterikit.E010`` / ``W010`` / ``I010`` — a validator finding, as an error, a warning or an info: findings
  that reach ``CHECK_FAIL_LEVEL`` are errors (they make ``manage.py check`` fail), other warnings are warnings, and
  nothing below ``CHECK_REPORT_LEVEL`` is shown. The message starts with the rule id and ends with the article; the
  hint says how to fix it;
* ``rekisterikit.W001`` — the consent middleware is not installed;
* ``rekisterikit.W101`` (deploy) — the consent cookie is not always ``Secure``;
* ``rekisterikit.W102`` (deploy) — the consent cookie is ``SameSite=None``;
* ``rekisterikit.W103`` (deploy) — Django's CSRF middleware is not installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from rekisterikit.errors import ConsentError, LoadError
from rekisterikit.findings import Finding, Report, Severity

__all__ = ["check_deploy", "check_settings", "check_statement", "finding_message", "register_checks"]

TAG = "rekisterikit"
MIDDLEWARE = "rekisterikit.contrib.django.middleware.ConsentMiddleware"
CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware"


def register_checks() -> None:
    """Register the checks with Django (called by the app config's ``ready``)."""
    checks.register(check_settings, TAG)
    checks.register(check_statement, TAG)
    checks.register(check_deploy, TAG, deploy=True)


def check_settings(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Check the ``REKISTERIKIT`` dict, the secret and the middleware."""
    from rekisterikit.consent import derive_key
    from rekisterikit.contrib.django.conf import clear_caches, get_config

    clear_caches()
    messages: list[checks.CheckMessage] = []
    try:
        get_config()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), hint="See the settings reference in the rekisterikit Django guide.",
                             id="rekisterikit.E002")]
    try:
        derive_key(settings.SECRET_KEY)
    except ConsentError as exc:
        messages.append(checks.Error(f"cannot sign consent cookies: {exc}",
                                     hint="Set SECRET_KEY to a long random value.", id="rekisterikit.E003"))
    if MIDDLEWARE not in settings.MIDDLEWARE:
        messages.append(checks.Warning(
            "the consent middleware is not installed: request.consent and the consent tags will not work",
            hint=f"Add {MIDDLEWARE!r} to MIDDLEWARE.", id="rekisterikit.W001"))
    return messages


def finding_message(finding: Finding, locale: str) -> str:
    """A finding as a one-line check message: ``"RK-RULE: message (article) @ path"``."""
    text = finding.message.resolve(locale)[0]
    return f"{finding.rule}: {text} ({finding.article}) @ {finding.path}"


def _hint(finding: Finding) -> str:
    from rekisterikit.validate import REGISTRY

    fix = ""
    if finding.rule in REGISTRY:
        fix = REGISTRY[finding.rule].fix.strip()
    silence = (f'To accept it, add [[rekisterikit.ignore]] rule = "{finding.rule}" with a reason to the statement, '
               f"or list the rule in REKISTERIKIT['CHECK_IGNORE'].")
    return f"{fix} {silence}".strip()


def findings_to_messages(report: Report, *, fail_level: Severity | None, report_level: Severity, locale: str,
                         obj: object = None) -> list[checks.CheckMessage]:
    """Translate a validator report into check messages (see the module documentation for the levels)."""
    messages: list[checks.CheckMessage] = []
    for finding in report.at_least(report_level):
        kwargs: dict[str, Any] = {"hint": _hint(finding), "obj": obj}
        message = finding_message(finding, locale)
        if fail_level is not None and finding.severity.reaches(fail_level):
            messages.append(checks.Error(message, id="rekisterikit.E010", **kwargs))
        elif finding.severity.reaches(Severity.WARNING):
            messages.append(checks.Warning(message, id="rekisterikit.W010", **kwargs))
        else:
            messages.append(checks.Info(message, id="rekisterikit.I010", **kwargs))
    return messages


class _Source:
    """The statement as the ``obj`` of a check message (printed before the message)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


def check_statement(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Load the statement (E001 on failure) and report its validator findings (E010/W010/I010)."""
    from rekisterikit.contrib.django.conf import get_config, get_statement
    from rekisterikit.validate import UnknownRuleError, validate

    try:
        config = get_config()
    except ImproperlyConfigured:
        return []  # reported by check_settings
    try:
        statement = get_statement()
    except LoadError as exc:
        return [checks.Error("the privacy statement cannot be loaded", hint="\n".join(exc.problems),
                             obj=_Source(exc.source or str(config.statement)), id="rekisterikit.E001")]
    except (ImproperlyConfigured, OSError) as exc:
        return [checks.Error("the privacy statement cannot be loaded", hint=str(exc), id="rekisterikit.E001")]
    source = str(config.statement) if isinstance(config.statement, str) else "REKISTERIKIT['STATEMENT']"
    try:
        report = validate(statement, ignore=config.check_ignore, source=source)
    except UnknownRuleError as exc:
        return [checks.Error(f"REKISTERIKIT['CHECK_IGNORE']: {exc}", id="rekisterikit.E002")]
    return findings_to_messages(report, fail_level=config.check_fail_level, report_level=config.check_report_level,
                                locale="en", obj=_Source(source))


def check_deploy(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Deployment checks (``manage.py check --deploy``): the consent cookie's security attributes, CSRF."""
    from rekisterikit.contrib.django.conf import get_config

    try:
        consent = get_config().consent
    except ImproperlyConfigured:
        return []
    messages: list[checks.CheckMessage] = []
    if consent.secure is not True:
        messages.append(checks.Warning(
            "the consent cookie is not always marked Secure: behind a proxy that does not set "
            "SECURE_PROXY_SSL_HEADER it is sent without Secure, and can be read or changed on plain HTTP",
            hint="Set REKISTERIKIT['COOKIE_SECURE'] = True on a site served only over HTTPS.",
            id="rekisterikit.W101"))
    if consent.samesite == "None":
        messages.append(checks.Warning(
            "the consent cookie is SameSite=None: it is sent with cross-site requests, which it never needs",
            hint="Use REKISTERIKIT['COOKIE_SAMESITE'] = 'Lax' (the default).", id="rekisterikit.W102"))
    if CSRF_MIDDLEWARE not in settings.MIDDLEWARE:
        messages.append(checks.Warning(
            "CsrfViewMiddleware is not installed; the consent views protect themselves, but the banner's token "
            "is only rotated and checked consistently with the middleware",
            hint=f"Add {CSRF_MIDDLEWARE!r} to MIDDLEWARE.", id="rekisterikit.W103"))
    return messages

"""The app config: label ``rekisterikit``; registers the system checks and clears caches when settings change."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core.signals import setting_changed
from django.utils.autoreload import autoreload_started
from django.utils.translation import gettext_lazy

__all__ = ["RekisterikitConfig"]

_WATCHED = frozenset({"REKISTERIKIT", "SECRET_KEY", "SECRET_KEY_FALLBACKS"})


def _watch_statement(sender: Any, **kwargs: Any) -> None:
    """Let ``runserver`` restart when the statement file changes, like it does for Python files."""
    from pathlib import Path

    from rekisterikit.contrib.django.conf import get_config

    try:
        value = get_config().statement
    except Exception:  # noqa: BLE001 - a broken setting is reported by the system checks
        return
    if isinstance(value, str | Path) and Path(value).is_file():
        sender.extra_files.add(Path(value).resolve())


def _settings_changed(*, setting: str, **kwargs: Any) -> None:
    from rekisterikit.contrib.django.banner import URL_SETTINGS, clear_url_cache
    from rekisterikit.contrib.django.middleware import HOST_SETTINGS, clear_host_cache

    if setting in URL_SETTINGS:
        clear_url_cache()
    if setting in HOST_SETTINGS:
        clear_host_cache()
    if setting in _WATCHED:
        from rekisterikit.contrib.django.conf import clear_caches

        clear_caches()


class RekisterikitConfig(AppConfig):
    """The rekisterikit Django app."""

    name = "rekisterikit.contrib.django"
    label = "rekisterikit"
    verbose_name = gettext_lazy("Privacy statement and cookie consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the system checks and the settings-changed handler."""
        from rekisterikit.contrib.django import checks

        checks.register_checks()
        setting_changed.connect(_settings_changed, dispatch_uid="rekisterikit-settings-changed")
        autoreload_started.connect(_watch_statement, dispatch_uid="rekisterikit-watch-statement")

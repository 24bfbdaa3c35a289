"""The PostgreSQL server for the consent-log benchmarks: ``REKISTERIKIT_TEST_POSTGRES`` (see ``scripts/pg-start``).

The benchmarks use their own database, ``rekisterikit_bench``, on that server, created when missing, so they
never touch the test suite's tables.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit, urlunsplit

from benchmarks.harness import Unavailable

__all__ = ["DATABASE", "bench_url", "django_database", "ensure_database", "server_version"]

DATABASE = "rekisterikit_bench"
ENV = "REKISTERIKIT_TEST_POSTGRES"


def _server_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        raise Unavailable(f"{ENV} is not set (start one with: eval \"$(bash scripts/pg-start)\")")
    return url


def bench_url() -> str:
    """The URL of the benchmark database (``postgresql://…/rekisterikit_bench``)."""
    parts = urlsplit(_server_url())
    return urlunsplit((parts.scheme, parts.netloc, "/" + DATABASE, parts.query, parts.fragment))


def django_database() -> dict[str, object] | None:
    """Django's ``DATABASES`` entry for the benchmark database, or ``None`` without a server."""
    if not os.environ.get(ENV):
        return None
    parts = urlsplit(bench_url())
    return {"ENGINE": "django.db.backends.postgresql", "NAME": DATABASE, "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""), "HOST": parts.hostname or "", "PORT": str(parts.port or "")}


def ensure_database() -> None:
    """Create the benchmark database when it is missing."""
    try:
        import psycopg
    except ImportError as exc:
        raise Unavailable("psycopg is not installed (pip install -e '.[bench]')") from exc
    try:
        with psycopg.connect(_server_url(), autocommit=True, connect_timeout=5) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone()
            if found is None:
                conn.execute(f'CREATE DATABASE "{DATABASE}"')
    except psycopg.OperationalError as exc:
        raise Unavailable(f"cannot connect to PostgreSQL at {ENV}: {exc}".strip()) from exc


def server_version() -> str:
    """The server's version and its durability settings (``fsync``, ``synchronous_commit``)."""
    import psycopg

    with psycopg.connect(bench_url(), connect_timeout=5) as conn:
        version = conn.execute("SHOW server_version").fetchone()
        fsync = conn.execute("SHOW fsync").fetchone()
        sync = conn.execute("SHOW synchronous_commit").fetchone()
    assert version is not None
    assert fsync is not None
    assert sync is not None
    return f"{version[0]} (fsync={fsync[0]}, synchronous_commit={sync[0]})"

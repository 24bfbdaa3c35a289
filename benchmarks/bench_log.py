"""The consent log: decisions per second on SQLite and on PostgreSQL (Django ORM, SQLAlchemy), 1 and 8 writers."""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import pg, report
from benchmarks.harness import Config, Growth, Section, Table, Unavailable, fmt_rate, fmt_time, frozen, growth
from benchmarks.statements import large_statement, request_cookies

SECRET = "rekisterikit-benchmarks-not-a-secret-0123456789"
WRITERS = (1, 8)

INTRO = """\
A decision is `ConsentService.decide(form, cookies=…, locale="fi")` with a store, given the cookies of the
request (the CSRF cookie, a statistics cookie and a marketing cookie), as the adapters call it: parse the form,
build the new consent state, record it in the log (and keep the statement's text under its version, which the
stores do on every decision), and sign the new cookie — what the consent endpoint does per click. Each writer is
a thread deciding in a loop for a fixed time, with its own database connection; the figure is decisions per
second over all writers (median of the runs), and the latency is the mean time one writer waited per decision.
*SQLite (default settings)* is `SQLiteConsentStore(path)`: WAL, `synchronous=FULL`, one `BEGIN IMMEDIATE`
transaction per decision, so every recorded decision survives a power loss; `synchronous=NORMAL` is shown for
comparison. *PostgreSQL* is the same decisions through `rekisterikit.contrib.sqlalchemy.SQLAlchemyConsentStore`
(SQLAlchemy Core, psycopg 3) and through the Django adapter's `DjangoConsentStore` (Django ORM, psycopg 3), on
the server described under Machine. *No store* is the decision alone (nothing recorded), the floor of the
others. The growth table gives one writer's time per decision at each statement size."""


def _service(store: Any, factor: int = 1) -> Any:
    from rekisterikit.consent import ConsentConfig, ConsentService

    return ConsentService(large_statement(factor), ConsentConfig(secret=SECRET), store)


def _jar(service: Any) -> dict[str, str]:
    """The cookies a consent request carries: the CSRF cookie and a statistics and a marketing cookie."""
    accepted, declined = request_cookies(service.statement)
    return {"csrftoken": "Zq8cWJbQ5gq6b2vXbW5cS9fZp1yqPq4m", accepted: "GA1.1.1234567890.1767225600", declined: "1"}


def throughput(service: Any, writers: int, seconds: float, *, cleanup: Callable[[], None] | None = None
               ) -> tuple[float, float]:
    """Decisions per second over ``writers`` threads deciding for ``seconds``, and the mean latency (ns)."""
    forms = [{"rk-action": "accept_all"}, {"rk-action": "reject_all"},
             {"rk-action": "custom", "rk-category": ["statistics"]}]
    jar = _jar(service)
    counts = [0] * writers
    busy = [0] * writers
    errors: list[BaseException] = []
    barrier = threading.Barrier(writers + 1)
    stop = threading.Event()

    def work(i: int) -> None:
        try:
            barrier.wait()
            n = spent = 0
            while not stop.is_set():
                t0 = time.perf_counter_ns()
                service.decide(forms[n % 3], cookies=jar, locale="fi")
                spent += time.perf_counter_ns() - t0
                n += 1
            counts[i], busy[i] = n, spent
        except BaseException as exc:
            errors.append(exc)
        finally:
            if cleanup is not None:
                cleanup()

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(writers)]
    with frozen():
        for t in threads:
            t.start()
        barrier.wait()
        start = time.perf_counter()
        time.sleep(seconds)
        stop.set()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
    if errors:
        raise errors[0]
    total = sum(counts)
    if total == 0:
        raise AssertionError("no decision was recorded")
    return total / elapsed, sum(busy) / total


def _runs(cfg: Config) -> int:
    return 1 if cfg.quick else 3


def _measure(make: Callable[[], tuple[Any, Callable[[], int], Callable[[], None] | None]], cfg: Config
             ) -> dict[int, tuple[float, float, int]]:
    """For each writer count: the median decisions/s, mean latency and the records the store holds at the end."""
    results: dict[int, tuple[float, float, int]] = {}
    for writers in WRITERS:
        rates, latencies = [], []
        stored = 0
        for _ in range(_runs(cfg)):
            service, count, cleanup = make()
            rate, latency = throughput(service, writers, cfg.log_seconds, cleanup=cleanup)
            stored = count()
            rates.append(rate)
            latencies.append(latency)
        results[writers] = (statistics.median(rates), statistics.median(latencies), stored)
    return results


def run(cfg: Config, growth_rows: list[tuple[str, Growth]]) -> Section:
    """Measure the consent log's throughput."""
    from rekisterikit.consent import SQLiteConsentStore

    section = Section("Consent log", INTRO)
    table = Table(["Store", *(f"{w} writer{'s' if w > 1 else ''}" for w in WRITERS),
                   *(f"latency, {w} writer{'s' if w > 1 else ''}" for w in WRITERS)])
    tmp = Path(tempfile.mkdtemp(prefix="rekisterikit-bench-"))
    stores: list[tuple[str, Callable[[], tuple[Any, Callable[[], int], Callable[[], None] | None]]]] = []
    counter = iter(range(10**6))

    def sqlite(sync: str) -> Callable[[], tuple[Any, Callable[[], int], None]]:
        def make() -> tuple[Any, Callable[[], int], None]:
            store = SQLiteConsentStore(tmp / f"log-{next(counter)}.sqlite3", synchronous=sync)  # type: ignore[arg-type]
            return _service(store), store.count, None

        return make

    stores.append(("no store (decide only)", lambda: (_service(None), lambda: 0, None)))
    stores.append(("SQLite, default settings (synchronous=FULL)", sqlite("FULL")))
    stores.append(("SQLite, synchronous=NORMAL", sqlite("NORMAL")))

    pg_reason = ""
    try:
        pg.ensure_database()
        report.FACTS["PostgreSQL"] = pg.server_version()
    except Unavailable as exc:
        pg_reason = str(exc)

    if not pg_reason:
        try:
            stores.append(("PostgreSQL via SQLAlchemy (SQLAlchemyConsentStore)", _sqlalchemy()))
        except Unavailable as exc:
            table.rows.append(["PostgreSQL via SQLAlchemy", f"not available: {exc}", "", "", ""])
            if cfg.ci:
                section.errors.append(f"SQLAlchemy store: {exc}")
        try:
            stores.append(("PostgreSQL via the Django ORM (DjangoConsentStore)", _django()))
        except Unavailable as exc:
            table.rows.append(["PostgreSQL via the Django ORM", f"not available: {exc}", "", "", ""])
            if cfg.ci:
                section.errors.append(f"Django store: {exc}")

    for name, make in stores:
        results = _measure(make, cfg)
        table.rows.append([name, *(fmt_rate(results[w][0], "decisions/s") for w in WRITERS),
                           *(fmt_time(results[w][1]) for w in WRITERS)])
        for w in WRITERS:
            if name != "no store (decide only)" and results[w][2] <= 0:
                raise AssertionError(f"{name}: nothing was recorded with {w} writers")
    if pg_reason:
        for name in ("PostgreSQL via SQLAlchemy", "PostgreSQL via the Django ORM"):
            table.rows.append([name, f"not available: {pg_reason}", "—", "—", "—"])
        if cfg.ci:
            section.errors.append(f"PostgreSQL: {pg_reason}")
    section.tables.append(table)
    _growth(cfg, growth_rows, tmp, {name for name, _ in stores})
    section.notes.append(f"Each run lasts {cfg.log_seconds:g} s; {_runs(cfg)} run(s) per cell. The test server "
                         "that `scripts/pg-start` starts runs with `fsync=off` and `synchronous_commit=off` (see "
                         "Machine): its commits are not durable, unlike SQLite with `synchronous=FULL`, so the two "
                         "are not a like-for-like durability comparison.")
    return section


def _growth(cfg: Config, growth_rows: list[tuple[str, Growth]], tmp: Path, available: set[str]) -> None:
    """One writer's time per decision at each statement size, per store."""
    from rekisterikit.consent import SQLiteConsentStore

    form = {"rk-action": "custom", "rk-category": ["statistics"]}
    counter = iter(range(10**6))

    def make_with(store_for: Callable[[], Any]) -> Callable[[int], Callable[[], object]]:
        def make(factor: int) -> Callable[[], object]:
            service = _service(store_for(), factor)
            jar = _jar(service)
            return lambda: service.decide(form, cookies=jar, locale="fi")

        return make

    rows: list[tuple[str, Callable[[], Any]]] = [
        ("decision, no store", lambda: None),
        ("decision, SQLite default settings",
         lambda: SQLiteConsentStore(tmp / f"growth-{next(counter)}.sqlite3")),
    ]
    if "PostgreSQL via SQLAlchemy (SQLAlchemyConsentStore)" in available:
        from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

        url = pg.bench_url().replace("postgresql://", "postgresql+psycopg://", 1)
        rows.append(("decision, PostgreSQL via SQLAlchemy", lambda: SQLAlchemyConsentStore(url)))
    if "PostgreSQL via the Django ORM (DjangoConsentStore)" in available:
        from django.db import connections

        from rekisterikit.contrib.django.store import DjangoConsentStore

        def django_store() -> Any:
            connections["pg"].close()  # a measurement may run in a forked child: no connection shared with it
            return DjangoConsentStore(using="pg")

        rows.append(("decision, PostgreSQL via the Django ORM", django_store))
    for label, store_for in rows:
        growth_rows.append(("Consent log", growth(label, make_with(store_for), cfg)))


def _sqlalchemy() -> Callable[[], tuple[Any, Callable[[], int], None]]:
    try:
        import sqlalchemy as sa

        from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore
    except ImportError as exc:
        raise Unavailable(f"{exc.name} is not installed (pip install -e '.[bench]')") from exc
    url = pg.bench_url().replace("postgresql://", "postgresql+psycopg://", 1)
    holder: dict[str, Any] = {}

    def make() -> tuple[Any, Callable[[], int], None]:
        old = holder.pop("store", None)
        if old is not None:
            old.close()
        store = SQLAlchemyConsentStore(url)
        with store.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {store.records.name}, {store.statements.name}"))
        holder["store"] = store
        return _service(store), store.count, None

    return make


def _django() -> Callable[[], tuple[Any, Callable[[], int], Callable[[], None]]]:
    from benchmarks.django_site import site

    site()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    if "pg" not in settings.DATABASES:
        raise Unavailable("Django was configured before PostgreSQL was available")
    call_command("migrate", "rekisterikit", database="pg", verbosity=0, interactive=False)
    from rekisterikit.contrib.django.store import DjangoConsentStore

    def make() -> tuple[Any, Callable[[], int], Callable[[], None]]:
        with connections["pg"].cursor() as cursor:
            cursor.execute("TRUNCATE rekisterikit_consentrecord, rekisterikit_statementversion")
        store = DjangoConsentStore(using="pg")
        return _service(store), store.count, lambda: connections["pg"].close()  # noqa: PLW0108 - the thread's own connection

    return make

"""``python -m benchmarks.load_http``: the example shops under gunicorn on PostgreSQL, driven over loopback.

The test a shop's operator would run before going live. For each example shop (Django, Flask):

1. a fresh PostgreSQL database (on the server in ``REKISTERIKIT_TEST_POSTGRES``, see ``scripts/pg-start``);
2. the shop under gunicorn, 4 sync workers, bound to 127.0.0.1 only;
3. 16 concurrent clients for a bounded time (``--seconds``, 20 by default), each playing visitors one after
   another: page views without and with consent, the consent status, decisions (accept all, reject all, a
   custom choice), withdrawals, and GPC requests (``Sec-GPC: 1`` with an accept-all cookie, the stale cookie
   replayed once more);
4. the same again while one worker is killed with SIGKILL half-way (gunicorn starts a new one).

Afterwards the consent log is read from PostgreSQL and checked: every decision answered 2xx has exactly one
record, every GPC change exactly one however often it was replayed, no record belongs to a consent id no client
was given, no response named another visitor's consent id, no 5xx. Requests cut off by the killed worker are
counted (a client sees a reset connection) and their decisions are allowed to have at most one record.

The run stops by itself; it prints the report and writes it to ``benchmarks/LOAD.md`` (``--output``). Exit status 1
when a check fails, 2 when it cannot run here (no PostgreSQL, no gunicorn).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import importlib.metadata
import importlib.util
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DJANGO_SHOP = ROOT / "examples" / "django_shop"
ENV = "REKISTERIKIT_TEST_POSTGRES"
CLIENTS = 16
WORKERS = 4
CONSENT_COOKIE = "rk_consent"
#: How many iterations one simulated visitor makes before the next (fresh) visitor takes over the client.
VISIT_LENGTH = 12

__all__ = ["Result", "flask_app", "main", "run_shop"]


class Unavailable(Exception):
    """The load test cannot run here (no PostgreSQL server, gunicorn or psycopg)."""


# -- the shops ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shop:
    """How to start one example shop and talk to it."""

    name: str
    database: str
    page: str
    status: str
    consent: str
    withdraw: str
    csrf: str  # "django" or "flask"
    records_sql: str

    def command(self, port: int) -> list[str]:
        """The gunicorn command line."""
        app = "demo_site.wsgi:application" if self.csrf == "django" else "benchmarks.load_http:flask_app()"
        return [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
                "--worker-class", "sync", "--timeout", "30", "--graceful-timeout", "5", "--log-level", "warning",
                app]


DJANGO = Shop(name="Django example shop", database="rekisterikit_load_django", page="/",
              status="/tietosuoja/consent/status/", consent="/tietosuoja/consent/",
              withdraw="/tietosuoja/consent/withdraw/", csrf="django",
              records_sql="SELECT consent_id, method FROM rekisterikit_consentrecord")
FLASK = Shop(name="Flask example shop", database="rekisterikit_load_flask", page="/", status="/privacy/consent",
             consent="/privacy/consent", withdraw="/privacy/consent/withdraw", csrf="flask",
             records_sql="SELECT consent_id, method FROM rk_consent_record")


def flask_app() -> Any:
    """The Flask example shop with its consent log on PostgreSQL (gunicorn calls this in every worker)."""
    from examples.flask_shop import create_app

    url = urlsplit(os.environ["REKISTERIKIT_LOAD_DATABASE"])
    store = urlunsplit(("postgresql+psycopg", url.netloc, url.path, url.query, ""))
    return create_app({"REKISTERIKIT_CONSENT_STORE": store, "SECRET_KEY": os.environ["REKISTERIKIT_LOAD_SECRET"]},
                      instance_path=os.environ["REKISTERIKIT_LOAD_INSTANCE"])


# -- PostgreSQL ---------------------------------------------------------------------------------------------------


def _server_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        raise Unavailable(f"{ENV} is not set (start a server with: eval \"$(bash scripts/pg-start)\")")
    return url


def _database_url(name: str) -> str:
    parts = urlsplit(_server_url())
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def fresh_database(name: str) -> str:
    """Drop and create the database ``name``; return its URL."""
    try:
        import psycopg
    except ImportError as exc:
        raise Unavailable("psycopg is not installed (pip install -e '.[bench]')") from exc
    try:
        with psycopg.connect(_server_url(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        raise Unavailable(f"cannot connect to PostgreSQL at {ENV}: {exc}".strip()) from exc
    return _database_url(name)


def read_records(url: str, sql: str) -> list[tuple[str, str]]:
    """(consent id, method) of every record in the consent log."""
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as conn:
        return [(str(a), str(b)) for a, b in conn.execute(sql).fetchall()]


# -- the server ---------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(shop: Shop, url: str, instance: str) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT), str(DJANGO_SHOP)] if shop.csrf == "django" else [str(ROOT)]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(REKISTERIKIT_LOAD_DATABASE=url, REKISTERIKIT_LOAD_SECRET=secrets.token_urlsafe(32),
               REKISTERIKIT_LOAD_INSTANCE=instance, DJANGO_SETTINGS_MODULE="benchmarks.load_django_settings",
               DEMO_SHOP_DEBUG="0")
    return env


@contextmanager
def serve(shop: Shop, url: str) -> Iterator[tuple[int, subprocess.Popen[bytes], str]]:
    """Migrate, start gunicorn, wait until it answers; yield the port, the master process and the secret."""
    if importlib.util.find_spec("gunicorn") is None:
        raise Unavailable("gunicorn is not installed (pip install -e '.[bench]')")
    with tempfile.TemporaryDirectory(prefix="rk-load-") as instance:
        env = _environment(shop, url, instance)
        if shop.csrf == "django":
            subprocess.run([sys.executable, "-m", "django", "migrate", "--noinput", "--skip-checks", "-v", "0"],
                           env=env, cwd=DJANGO_SHOP, check=True, timeout=120)
        port = _free_port()
        log = open(Path(instance) / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
        master = subprocess.Popen(shop.command(port), env=env, cwd=DJANGO_SHOP if shop.csrf == "django" else ROOT,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(port, shop.page, master, Path(instance) / "gunicorn.log")
            yield port, master, env["REKISTERIKIT_LOAD_SECRET"]
        finally:
            master.send_signal(signal.SIGTERM)
            try:
                master.wait(timeout=15)
            except subprocess.TimeoutExpired:
                master.kill()
                master.wait(timeout=5)
            log.close()


def _wait_until_up(port: int, path: str, master: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    last = "no answer"
    while time.monotonic() < deadline:
        if master.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({master.returncode}): {log.read_text(errors='replace')[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            conn.close()
            if response.status == 200:
                return
            last = f"HTTP {response.status}: {body[:500]!r}"
        except OSError as exc:
            last = str(exc)
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer 200 within 120 s ({last}): "
                       f"{log.read_text(errors='replace')[-2000:]}")


def workers_of(master: int) -> list[int]:
    """The pids of the gunicorn master's worker processes (Linux: /proc)."""
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        return [int(p) for p in children.read_text().split()]
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            found.append(int(stat.parent.name))
    return found


# -- the clients --------------------------------------------------------------------------------------------------


class Cut(Exception):
    """The connection broke before an answer (the worker was killed)."""


def consent_id_of(cookie: str) -> str | None:
    """The consent id in a consent cookie's payload (not verified: the server verifies, this is for bookkeeping).

    Format v3 (the default) holds it as the first ``~``-separated field; v1 and v2 as base64 JSON.
    """
    parts = cookie.split(".")
    if len(parts) != 3:
        return None
    if parts[0] == "v3":
        first = parts[1].split("~", 1)[0]
        return first if first and "~" in parts[1] else None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return None
    value = payload.get("id") if isinstance(payload, dict) else None
    return value if isinstance(value, str) else None


@dataclass
class Tally:
    """What the clients saw, merged over all clients."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[int] = field(default_factory=Counter)
    decisions: Counter[str] = field(default_factory=Counter)  # consent id -> decisions answered 2xx
    gpc: Counter[str] = field(default_factory=Counter)  # consent id -> GPC changes (distinct stale cookies)
    unanswered: Counter[str] = field(default_factory=Counter)  # consent id ("" when unknown) -> cut decisions
    gpc_cut: Counter[str] = field(default_factory=Counter)  # consent id -> GPC requests cut off
    cut: int = 0
    mixed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def merge(self, other: Tally) -> None:
        """Add ``other`` to this tally."""
        for kind, values in other.latencies.items():
            self.latencies[kind].extend(values)
        self.statuses.update(other.statuses)
        self.decisions.update(other.decisions)
        self.gpc.update(other.gpc)
        self.unanswered.update(other.unanswered)
        self.gpc_cut.update(other.gpc_cut)
        self.cut += other.cut
        self.mixed.extend(other.mixed)
        self.errors.extend(other.errors)
        self.ids |= other.ids


class Visitor:
    """One browser: a cookie jar, a keep-alive connection, and what it knows about its consent."""

    def __init__(self, shop: Shop, port: int, tally: Tally, rng: random.Random) -> None:
        self.shop, self.port, self.tally, self.rng = shop, port, tally, rng
        self.cookies: dict[str, str] = {}
        self.consent_id: str | None = None
        self.marketing = False
        self.csrf: str | None = None
        self.conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        """Close the connection."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, kind: str, method: str, path: str, *, body: bytes | None = None,
                headers: Mapping[str, str] | None = None, cookies: Mapping[str, str] | None = None,
                ) -> tuple[int, list[tuple[str, str]], bytes]:
        """Send one request; record its latency and status; keep the jar unless ``cookies`` replaces it."""
        jar = self.cookies if cookies is None else cookies
        sent = {"Host": f"127.0.0.1:{self.port}", "Accept-Language": "fi", **(headers or {})}
        if jar:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            raise Cut(str(exc)) from None
        self.tally.latencies[kind].append(time.perf_counter() - started)
        self.tally.statuses[response.status] += 1
        if response.status >= 500:
            self.tally.errors.append(f"{method} {path}: {response.status}")
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        items = response.getheaders()
        if cookies is None:
            self._keep(items)
        return response.status, items, data

    def _keep(self, headers: list[tuple[str, str]]) -> None:
        for name, value in headers:
            if name.lower() != "set-cookie":
                continue
            pair, _, attributes = value.partition(";")
            key, _, val = pair.strip().partition("=")
            if "max-age=0" in attributes.lower().replace(" ", "") or val in ("", '""'):
                self.cookies.pop(key, None)
            else:
                self.cookies[key] = val.strip('"')

    def _check_cookie(self, headers: list[tuple[str, str]], where: str) -> str | None:
        for name, value in headers:
            if name.lower() == "set-cookie" and value.startswith(CONSENT_COOKIE + "="):
                found = consent_id_of(value.split(";", 1)[0].split("=", 1)[1].strip('"'))
                if found is not None and self.consent_id is not None and found != self.consent_id:
                    self.tally.mixed.append(f"{where}: cookie of {found}, visitor {self.consent_id}")
                return found
        return None

    # -- what a visitor does --------------------------------------------------------------------------------------

    def view(self) -> None:
        """A page view with the visitor's cookies (with or without consent)."""
        kind = "page (consent)" if self.consent_id else "page (no consent)"
        status, headers, _ = self.request(kind, "GET", self.shop.page)
        if status != 200:
            self.tally.errors.append(f"page view: {status}")
        self._check_cookie(headers, "page view")

    def status(self) -> None:
        """The consent status JSON: it must name this visitor's consent id (or none)."""
        status, _, body = self.request("consent status", "GET", self.shop.status, headers={"Accept":
                                                                                          "application/json"})
        if status != 200:
            self.tally.errors.append(f"status: {status}")
            return
        data = json.loads(body)
        if self.shop.csrf == "django" and data.get("csrf_token"):
            self.csrf = str(data["csrf_token"])
        consent = data.get("consent")
        found = consent.get("id") if isinstance(consent, dict) else None
        if found != self.consent_id:
            self.tally.mixed.append(f"status: {found}, visitor {self.consent_id}")

    def _token(self) -> str:
        if self.csrf is not None:
            return self.csrf
        if self.shop.csrf == "django":
            self.status()
        else:
            status, _, body = self.request("page (no consent)" if not self.consent_id else "page (consent)", "GET",
                                           "/privacy/cookies")
            match = re.search(rb'name="rk-csrf" value="([^"]+)"', body)
            if status == 200 and match:
                self.csrf = match.group(1).decode()
        if self.csrf is None:
            raise RuntimeError("no CSRF token")
        return self.csrf

    def decide(self, withdraw: bool = False) -> None:
        """A decision (or a withdrawal) as the banner's background request sends it."""
        token = self._token()
        action = self.rng.choice(["accept_all", "accept_all", "reject_all", "custom"])
        if self.shop.csrf == "django":
            payload: dict[str, Any] = {} if withdraw else {"action": action, "categories": ["statistics"]}
            body = json.dumps(payload).encode()
            headers = {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token}
        else:
            fields: list[tuple[str, str]] = [("rk-csrf", token)]
            if not withdraw:
                fields += [("rk-action", action), ("rk-category", "statistics")]
            body = urlencode(fields).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                       "Origin": f"http://127.0.0.1:{self.port}"}
        kind = "withdrawal" if withdraw else "decision"
        try:
            status, response_headers, data = self.request(kind, "POST", self.shop.withdraw if withdraw
                                                          else self.shop.consent, body=body, headers=headers)
        except Cut:
            self.tally.unanswered[self.consent_id or ""] += 1
            raise
        if not 200 <= status < 300:
            self.tally.errors.append(f"{kind}: {status} {data[:200]!r}")
            return
        consent = json.loads(data)["consent"]
        if self.consent_id is not None and consent["id"] != self.consent_id:
            self.tally.mixed.append(f"{kind}: answered {consent['id']}, visitor {self.consent_id}")
        self.consent_id = consent["id"]
        self.tally.ids.add(consent["id"])
        self._check_cookie(response_headers, kind)
        self.tally.decisions[consent["id"]] += 1
        self.marketing = "marketing" in consent["granted"]

    def gpc(self) -> None:
        """Sec-GPC: 1 with a stale accept-all cookie, twice (the replay must not be recorded again)."""
        if not self.marketing or self.consent_id is None:
            self.decide()
            if not self.marketing:
                return
        stale = dict(self.cookies)
        changed = False
        for attempt in range(2):
            try:
                status, headers, _ = self.request("page (GPC)", "GET", self.shop.page, headers={"Sec-GPC": "1"},
                                                  cookies=stale)
            except Cut:
                self.tally.gpc_cut[self.consent_id or ""] += 1
                raise
            if status != 200:
                self.tally.errors.append(f"GPC page: {status}")
            found = self._check_cookie(headers, "GPC page")
            if found is not None and attempt == 0:
                changed = True
                self._keep(headers)
        if changed:
            self.tally.gpc[self.consent_id or ""] += 1
            self.marketing = False


def client(shop: Shop, port: int, until: float, seed: int, tally: Tally) -> None:
    """One client thread: visitors one after another until ``until``."""
    rng = random.Random(seed)
    visitor = Visitor(shop, port, tally, rng)
    steps = 0
    # What a visitor does, and how often: (method, keyword arguments, weight).
    actions: list[tuple[str, dict[str, bool], int]] = [
        ("view", {}, 5), ("status", {}, 2), ("decide", {}, 3), ("decide", {"withdraw": True}, 1), ("gpc", {}, 1)]
    while time.monotonic() < until:
        if steps % VISIT_LENGTH == 0:
            visitor.close()
            visitor = Visitor(shop, port, tally, rng)
        steps += 1
        name, kwargs, _ = rng.choices(actions, weights=[w for _, _, w in actions])[0]
        action: Callable[..., None] = getattr(visitor, name)
        try:
            action(**kwargs)
        except Cut:
            tally.cut += 1
        except Exception as exc:
            tally.errors.append(f"{type(exc).__name__}: {exc}")
    visitor.close()


# -- one run ------------------------------------------------------------------------------------------------------


@dataclass
class Result:
    """One run of one shop."""

    shop: str
    kill: bool
    seconds: float
    tally: Tally
    records: list[tuple[str, str]]
    killed: int | None
    problems: list[str]

    def quantiles(self, kind: str | None = None) -> tuple[float, float, int]:
        """p50 and p99 in milliseconds, and the number of requests, of ``kind`` (all requests by default)."""
        values = [v for k, vs in self.tally.latencies.items() if kind in (None, k) for v in vs]
        if len(values) < 2:
            return (values[0] * 1000 if values else 0.0, values[0] * 1000 if values else 0.0, len(values))
        cuts = statistics.quantiles(values, n=100, method="inclusive")
        return cuts[49] * 1000, cuts[98] * 1000, len(values)

    @property
    def decisions_per_second(self) -> float:
        """Decisions and withdrawals answered 2xx per second."""
        return sum(self.tally.decisions.values()) / self.seconds


def check(tally: Tally, records: list[tuple[str, str]]) -> list[str]:
    """Compare what the clients were answered with the consent log; return the problems found."""
    problems = [f"mixed visitors: {m}" for m in tally.mixed[:10]]
    problems += [f"error: {e}" for e in tally.errors[:10]]
    if len(tally.errors) > 10:
        problems.append(f"… {len(tally.errors) - 10} more errors")
    decided: Counter[str] = Counter(c for c, m in records if m != "gpc")
    gpc: Counter[str] = Counter(c for c, m in records if m == "gpc")
    for consent_id in sorted(set(decided) | set(tally.decisions)):
        answered, stored = tally.decisions[consent_id], decided[consent_id]
        cut = tally.unanswered[consent_id]
        if not answered <= stored <= answered + cut:
            problems.append(f"consent {consent_id}: {answered} decision(s) answered 2xx ({cut} cut off), "
                            f"{stored} record(s)")
    for consent_id in sorted(set(gpc) | set(tally.gpc)):
        if not tally.gpc[consent_id] <= gpc[consent_id] <= tally.gpc[consent_id] + min(1, tally.gpc_cut[consent_id]):
            problems.append(f"consent {consent_id}: {tally.gpc[consent_id]} GPC change(s), {gpc[consent_id]} "
                            f"GPC record(s)")
    strangers = {c for c, _ in records} - tally.ids
    if len(strangers) > tally.unanswered[""]:
        problems.append(f"{len(strangers)} consent id(s) in the log that no client was given "
                        f"({tally.unanswered['']} first decision(s) were cut off)")
    return problems


def run_shop(shop: Shop, seconds: float, *, kill: bool, clients: int = CLIENTS) -> Result:
    """Serve ``shop``, drive it with ``clients`` clients for ``seconds`` (killing a worker half-way if ``kill``)."""
    url = fresh_database(shop.database)
    tally = Tally()
    killed: int | None = None
    with serve(shop, url) as (port, master, _):
        started = time.monotonic()
        until = started + seconds
        tallies = [Tally() for _ in range(clients)]
        threads = [threading.Thread(target=client, args=(shop, port, until, 1000 + i, tallies[i]), daemon=True)
                   for i in range(clients)]
        for thread in threads:
            thread.start()
        if kill:
            time.sleep(seconds / 2)
            workers = workers_of(master.pid)
            if workers:
                killed = random.Random(seconds).choice(workers)
                os.kill(killed, signal.SIGKILL)
        for thread in threads:
            thread.join(timeout=seconds + 60)
        elapsed = time.monotonic() - started
        for part in tallies:
            tally.merge(part)
        if kill and master.poll() is not None:
            tally.errors.append("the gunicorn master died after the worker was killed")
    records = read_records(url, shop.records_sql)
    problems = check(tally, records)
    if kill and killed is None:
        problems.append("no worker to kill was found")
    return Result(shop=shop.name, kill=kill, seconds=elapsed, tally=tally, records=records, killed=killed,
                  problems=problems)


# -- the report ---------------------------------------------------------------------------------------------------


KINDS = ("page (no consent)", "page (consent)", "page (GPC)", "consent status", "decision", "withdrawal")


def report(results: list[Result], seconds: float) -> str:
    """The report as Markdown."""
    lines = [
        "# HTTP load test of the example shops",
        "",
        f"`python -m benchmarks.load_http` on {dt.date.today().isoformat()}: gunicorn {_gunicorn_version()}, "
        f"{WORKERS} sync workers, PostgreSQL, {CLIENTS} concurrent clients over 127.0.0.1 for {seconds:g} s per "
        f"run, Python {sys.version.split()[0]}, {os.cpu_count()} CPU core(s) shared with the clients. Latency "
        "is measured by the clients (request sent to response read); other work on the machine during the run is "
        "not controlled, so read the latencies as what this machine gave, not as the shops' capacity.",
        "",
        "| shop | run | requests | p50 ms | p99 ms | decisions/s | records | GPC records | 5xx | cut off | "
        "checks |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        p50, p99, count = r.quantiles()
        fivexx = sum(n for s, n in r.tally.statuses.items() if s >= 500)
        run = f"worker {r.killed} killed (SIGKILL) half-way" if r.kill else "steady"
        verdict = "pass" if not r.problems else f"**{len(r.problems)} problem(s)**"
        gpc = sum(1 for _, m in r.records if m == "gpc")
        lines.append(f"| {r.shop} | {run} | {count} | {p50:.1f} | {p99:.1f} | {r.decisions_per_second:.1f} | "
                     f"{len(r.records)} | {gpc} | {fivexx} | {r.tally.cut} | {verdict} |")
    lines += ["", "Per kind of request (p50 / p99 ms, count):", "",
              "| shop | run | " + " | ".join(KINDS) + " |", "|---|---|" + "---:|" * len(KINDS)]
    for r in results:
        cells = []
        for kind in KINDS:
            p50, p99, count = r.quantiles(kind)
            cells.append(f"{p50:.1f} / {p99:.1f} ({count})" if count else "–")
        lines.append(f"| {r.shop} | {'killed' if r.kill else 'steady'} | " + " | ".join(cells) + " |")
    lines += ["", "Checks: every decision answered 2xx has exactly one record in the consent log (a decision whose "
              "answer was cut off by the killed worker at most one); every GPC change exactly one, although each "
              "stale cookie was sent twice; no record of a consent id no client was given; no response named "
              "another visitor's consent id (cookies and the status JSON); no 5xx.", ""]
    for r in results:
        for problem in r.problems:
            lines.append(f"- {r.shop}, {'killed' if r.kill else 'steady'}: {problem}")
    return "\n".join(lines).rstrip() + "\n"


def _gunicorn_version() -> str:
    try:
        return importlib.metadata.version("gunicorn")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return "?"


def main(argv: list[str] | None = None) -> int:
    """Run the load test on both shops (or ``--only``) and write the report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_http", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each run (default: 20)")
    parser.add_argument("--only", choices=("django", "flask"), action="append", help="run only this shop")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "LOAD.md",
                        help="where to write the report (default: benchmarks/LOAD.md)")
    args = parser.parse_args(argv)
    shops = [s for s in (DJANGO, FLASK) if not args.only or s.csrf in args.only]
    results: list[Result] = []
    try:
        for shop in shops:
            for kill in (False, True):
                print(f"{shop.name}: {'a worker killed half-way' if kill else 'steady'}, {args.seconds:g} s …",
                      file=sys.stderr, flush=True)
                results.append(run_shop(shop, args.seconds, kill=kill))
    except Unavailable as exc:
        print(f"load test not available: {exc}", file=sys.stderr)
        return 2
    text = report(results, args.seconds)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

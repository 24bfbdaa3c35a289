"""The machine description and the Markdown report (``benchmarks/RESULTS.md``, ``docs/benchmarks.md``)."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import subprocess
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from benchmarks.harness import Config, Growth, Section, Table

__all__ = ["FACTS", "machine", "markdown"]

ROOT = Path(__file__).resolve().parents[1]

#: Facts the suites learn while running (the PostgreSQL server's version), shown with the machine description.
FACTS: dict[str, str] = {}

_PACKAGES = ("rekisterikit", "Django", "django-cookie-consent", "Flask", "Werkzeug", "Jinja2", "MarkupSafe",
             "SQLAlchemy", "psycopg", "attrs", "cattrs", "Babel")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "—"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return "—"
    return out.stdout.strip() or "—"


def _load() -> str:
    try:
        return " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "—"


def machine(start_load: str | None = None) -> Table:
    """A two-column table describing the machine, the interpreter and the package versions."""
    table = Table(["", ""])
    rows = [
        ("CPU", f"{_cpu_model()} — {os.cpu_count()} logical CPUs"),
        ("Memory", _memory()),
        ("System", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()} ({platform.python_compiler()})"),
        ("SQLite", sqlite3.sqlite_version),
        *FACTS.items(),
        ("Load average (1/5/15 min) at start", start_load or "—"),
        ("Load average at end", _load()),
        ("Packages", ", ".join(f"{p} {_version(p)}" for p in _PACKAGES)),
        ("Commit", _commit()),
    ]
    table.rows = [[k, v] for k, v in rows]
    return table


def _table(table: Table) -> list[str]:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(esc(c) for c in table.columns) + " |",
             "|" + "|".join("---" for _ in table.columns) + "|"]
    lines.extend("| " + " | ".join(esc(c) for c in row) + " |" for row in table.rows)
    return lines


def _status(met: bool | None) -> str:
    return {True: "met", False: "**not met**", None: "not measured"}[met]


def markdown(sections: Sequence[Section], growth_rows: Sequence[tuple[str, Growth]], cfg: Config, *,
             started: dt.datetime, seconds: float, start_load: str) -> str:
    """The whole report as Markdown."""
    mode = "quick (CI smoke run: few repeats, small sizes — not for reading)" if cfg.quick else "full"
    out = [
        "# Benchmarks",
        "",
        "<!-- Written by `python -m benchmarks`; do not edit by hand: run the command again. -->",
        "",
        f"Every number on this page comes from one run of `python -m benchmarks` ({mode} mode), started "
        f"{started:%Y-%m-%d %H:%M} UTC and lasting {seconds:.0f} s, on the machine described at the end. "
        "Figures are medians of several repeats (± is half their interquartile range); peers were measured in the "
        "same run, interleaved with rekisterikit, on the same machine. Run it yourself with "
        "`python -m pip install -e \".[bench]\"` and `python -m benchmarks` (or `--quick`).",
        "",
        "## Goals",
        "",
    ]
    goals = Table(["Goal", "Target", "Measured", "Status"])
    reasons: dict[str, list[str]] = {}
    for section in sections:
        for g in section.goals:
            goals.rows.append([g.name, g.target, g.measured, _status(g.met)])
            if g.met is not True and g.why:
                reasons.setdefault(g.why, []).append(g.name)
    whys = [f"- {'; '.join(f'**{name}**' for name in names)}: {why}" for why, names in reasons.items()]
    out += _table(goals)
    if whys:
        out += ["", "Where a goal is not met, what the profile shows and what would fix it:", "", *whys]
    for section in sections:
        out += ["", f"## {section.title}", "", section.intro]
        for table in section.tables:
            out += ["", *_table(table)]
        if section.errors:
            out += ["", *(f"- error: {e}" for e in section.errors)]
        if section.notes:
            out += ["", *(f"- {n}" for n in section.notes)]
    if growth_rows:
        factors = list(cfg.factors)
        table = Table(["Area", "Figure", *(f"{f}×" for f in factors), "Exponent", "Reading"])
        for area, row in growth_rows:
            table.rows.append([area, *row.cells(factors)])
        out += [
            "",
            "## Growth with the statement's size",
            "",
            f"Each figure again at {', '.join(f'{f}×' for f in factors)} the large statement (1× = 20 purposes, "
            "50 recipients, 150 cookies; the prose statement 1× = 20 kB). The exponent is the least-squares slope "
            "of log(time) against log(size): 0 means the cost does not depend on the statement, 1 that it grows "
            "in proportion, 2 quadratically. A size projected to take over a second per call runs in a separate "
            f"process stopped after {cfg.max_call:.0f} s; a cell \"not finished\" gives the projection from the "
            "smaller sizes, which for a super-linear figure is itself an underestimate.",
            "",
            *_table(table),
        ]
    out += ["", "## Machine", "", *_table(machine(start_load))]
    out += ["", "## Method", "", _METHOD, ""]
    return "\n".join(out)


_METHOD = """\
- `timeit`-style: each figure's loop length is calibrated first (which also warms caches up), then the loop is
  timed several times with `time.perf_counter_ns`; the table shows the median per call and ± half the
  interquartile range of the repeats.
  Figures compared with each other are measured interleaved (a repeat of each in turn), so a noisy moment on a
  shared machine hits every side alike. The garbage collector stays on, as in a server.
- Requests are WSGI calls in the same process (no network, no server): a fresh environ per request, the
  response body read and closed, so the figures are the framework's and the library's own cost.
- Throughput of the consent log is decisions recorded through `ConsentService.decide` (signing the cookie
  included) by 1 and by 8 threads for a fixed time; the figure is decisions per second over all threads.
- Ratios are of medians. "Overhead" is, for the Django and Flask requests, the median of the per-repeat
  differences between a variant and the bare request measured right beside it (both statements' applications
  interleaved, so load drift hits them alike); elsewhere a variant's median minus the bare one's.
- Growth exponents come from a least-squares fit of log(time) on log(size) over the sizes measured.
- Numbers vary between runs on a shared machine by several per cent, more under load: read ratios measured in
  the same run, not single figures across runs."""


def write(text: str, paths: Sequence[Path]) -> None:
    """Write the report to every path."""
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

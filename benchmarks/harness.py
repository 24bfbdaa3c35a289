"""Measuring: timeit-style repeated timing with warm-up, interleaved side-by-side runs, growth fits, results.

Every figure is the median of several repeats; each repeat times a loop of calls with
:func:`time.perf_counter_ns` and divides by the number of calls. The loop length is calibrated first (which is
also the warm-up), so that one repeat lasts at least ``Config.min_time``. Figures compared with each other are
measured *interleaved* — repeat 1 of A, of B, of C, then repeat 2 of each … — so that a slow phase of a busy
machine hits every side alike. The garbage collector stays on, as in a real server, but everything alive before
a measurement starts is frozen (:func:`gc.freeze`), like the long-lived objects of a server: otherwise the large
statements the benchmark process holds would make every full collection of the code under test slower.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import statistics
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Config",
    "Goal",
    "Growth",
    "Section",
    "Stats",
    "Table",
    "Unavailable",
    "compare",
    "fit_exponent",
    "fmt_rate",
    "fmt_ratio",
    "fmt_time",
    "growth",
    "measure",
    "reading",
]


class Unavailable(Exception):
    """A benchmark cannot run here (a missing optional package, no PostgreSQL): shown as "not available: …"."""


@dataclass(frozen=True)
class Config:
    """How hard to measure.

    Attributes:
        quick: the CI mode: few repeats, small sizes, just enough to prove every benchmark runs.
        repeats: repeats per figure (the median is reported).
        min_time: the least duration of one repeat, in seconds.
        factors: the statement sizes, as multiples of the large statement (20 purposes, 50 recipients, 150 cookies).
        figure_budget: the most time, in seconds, spent on the repeats of one slow figure.
        max_call: a growth step whose projected single call takes longer than this (seconds) is not run.
        log_seconds: how long each consent-log throughput run lasts, in seconds.
        ci: running under CI (``CI`` set): a benchmark that is not available counts as an error.
    """

    quick: bool
    repeats: int
    min_time: float
    factors: tuple[int, ...]
    figure_budget: float
    max_call: float
    log_seconds: float
    ci: bool

    @classmethod
    def make(cls, *, quick: bool) -> Config:
        """The settings of a full run or a ``--quick`` run."""
        ci = bool(os.environ.get("CI"))
        if quick:
            return cls(quick=True, repeats=3, min_time=0.005, factors=(1, 2), figure_budget=0.5, max_call=3.0,
                       log_seconds=0.25, ci=ci)
        return cls(quick=False, repeats=15, min_time=0.05, factors=(1, 10, 100), figure_budget=30.0,
                   max_call=120.0, log_seconds=2.0, ci=ci)


@dataclass(frozen=True)
class Stats:
    """Per-call times of the repeats of one figure, in nanoseconds."""

    samples: tuple[float, ...]
    loops: int

    @property
    def median(self) -> float:
        """The median per-call time (ns)."""
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        """Half the interquartile range of the repeats, relative to the median (0.05 means ±5 %).

        The quartiles rather than the extremes: one repeat slowed by another process on a shared machine should
        not hide how steady the other repeats were.
        """
        if len(self.samples) < 2 or self.median == 0:
            return 0.0
        q1, _, q3 = statistics.quantiles(self.samples, n=4, method="inclusive")
        return (q3 - q1) / 2 / self.median

    def cell(self) -> str:
        """``"12.3 µs ±4 %"``."""
        if len(self.samples) < 2:
            return f"{fmt_time(self.median)} (1 run)"
        return f"{fmt_time(self.median)} ±{self.spread * 100:.0f} %"


def _run(fn: Callable[[], Any], loops: int) -> float:
    start = time.perf_counter_ns()
    for _ in range(loops):
        fn()
    return (time.perf_counter_ns() - start) / loops


def calibrate(fn: Callable[[], Any], min_time: float) -> tuple[int, float]:
    """Find how many calls make one repeat last ``min_time`` (the calls also warm up); return it and ns per call."""
    start = time.perf_counter_ns()
    fn()  # the first call warms up: imports, caches, lazy set-up
    first = time.perf_counter_ns() - start
    if first >= min_time * 1e9:
        return 1, float(first)
    loops = 1
    while True:
        per_call = _run(fn, loops)
        total = per_call * loops
        if total >= min_time * 1e9:
            return loops, per_call
        wanted = min_time * 1e9 / max(per_call, 1.0) * 1.1
        loops = max(loops * 2, min(int(wanted) + 1, loops * 100))


def _repeats(cfg: Config, per_call: float, loops: int) -> int:
    seconds = per_call * loops / 1e9
    if seconds <= 0:
        return cfg.repeats
    return max(1, min(cfg.repeats, int(cfg.figure_budget / seconds)))


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Collect, then move every live object to the permanent generation for the duration (see module docs)."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def compare(fns: Mapping[str, Callable[[], Any]], cfg: Config, *, min_time: float | None = None) -> dict[str, Stats]:
    """Measure several functions side by side, interleaving their repeats; return each one's statistics."""
    with frozen():
        return _compare(fns, cfg, min_time=min_time)


def _compare(fns: Mapping[str, Callable[[], Any]], cfg: Config, *, min_time: float | None) -> dict[str, Stats]:
    target = cfg.min_time if min_time is None else min_time
    calibrated = {name: calibrate(fn, target) for name, fn in fns.items()}
    repeats = min(_repeats(cfg, per_call, loops) for loops, per_call in calibrated.values())
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            samples[name].append(_run(fn, calibrated[name][0]))
    return {name: Stats(tuple(samples[name]), calibrated[name][0]) for name in fns}


def measure(fn: Callable[[], Any], cfg: Config, *, min_time: float | None = None) -> Stats:
    """Measure one function: calibrate (warm up), then repeat and keep every repeat's per-call time."""
    return compare({"_": fn}, cfg, min_time=min_time)["_"]


def fit_exponent(points: Sequence[tuple[float, float]]) -> float | None:
    """The least-squares slope of log(time) against log(size): 0 constant, 1 linear, 2 quadratic.

    Args:
        points: ``(size, time)`` pairs with positive values; at least two distinct sizes.

    Returns:
        The exponent, or ``None`` with fewer than two distinct sizes.
    """
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(t) for _, t in points]
    if len(set(xs)) < 2:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return sxy / sxx


def reading(exponent: float | None) -> str:
    """Say what an exponent means: constant, sub-linear, linear or super-linear."""
    if exponent is None:
        return "—"
    if exponent < 0.2:
        return "constant"
    if exponent < 0.85:
        return "sub-linear"
    if exponent <= 1.15:
        return "linear"
    return "**super-linear**"


@dataclass
class Growth:
    """One figure measured at several statement sizes."""

    label: str
    stats: dict[int, Stats] = field(default_factory=dict)
    skipped: dict[int, str] = field(default_factory=dict)

    @property
    def exponent(self) -> float | None:
        """The fitted exponent over the sizes measured."""
        return fit_exponent([(f, s.median) for f, s in sorted(self.stats.items())])

    def cells(self, factors: Sequence[int]) -> list[str]:
        """The row of a growth table: the label, one cell per size, the exponent and its reading."""
        cells = [self.label]
        for f in factors:
            if f in self.stats:
                cells.append(self.stats[f].cell())
            else:
                cells.append(self.skipped.get(f, "—"))
        e = self.exponent
        cells.append("—" if e is None else f"{e:.2f}")
        cells.append(reading(e))
        return cells


def _guarded(fn: Callable[[], Any], cfg: Config) -> Stats | str:
    """Time ``fn`` in a forked child that is stopped after ``cfg.max_call`` seconds (for possibly very slow calls).

    Returns:
        The statistics of the calls that finished (up to ``cfg.repeats``, within ``cfg.figure_budget`` after the
        first), or a note when not even one call finished in time.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)

    def child() -> None:
        spent = 0.0
        for _ in range(cfg.repeats):
            per_call = _run(fn, 1)
            sender.send(per_call)
            spent += per_call / 1e9
            if spent + per_call / 1e9 > cfg.figure_budget:
                break
        sender.send(None)

    process = ctx.Process(target=child, daemon=True)
    with warnings.catch_warnings():
        # Python 3.12+ warns when a process with threads forks; the child only runs ``fn`` and exits.
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    sender.close()
    samples: list[float] = []
    deadline = time.monotonic() + cfg.max_call + cfg.figure_budget
    first_deadline = time.monotonic() + cfg.max_call
    try:
        while True:
            limit = (first_deadline if not samples else deadline) - time.monotonic()
            if limit <= 0 or not receiver.poll(limit):
                break
            try:
                value = receiver.recv()
            except EOFError:
                break
            if value is None:
                break
            samples.append(value)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if not samples:
        return f"> {fmt_time(cfg.max_call * 1e9)}: not finished"
    return Stats(tuple(samples), 1)


class SkipSize(Exception):
    """Raised by a growth benchmark's ``make(factor)`` for a size the operation refuses by design."""


def growth(label: str, make: Callable[[int], Callable[[], Any]], cfg: Config) -> Growth:
    """Measure ``make(factor)()`` at every size of ``cfg.factors``.

    A size whose single call is projected (from the sizes before it) to take more than a second runs in a forked
    child that is stopped after ``cfg.max_call`` seconds, so a super-linear step cannot stall the run; its cell then
    says it did not finish.
    """
    result = Growth(label)
    for factor in cfg.factors:
        try:
            fn = make(factor)
        except SkipSize as exc:  # the size is outside what the measured operation accepts
            result.skipped[factor] = str(exc)
            continue
        measured = sorted(result.stats.items())
        projected = 0.0
        if measured:
            last_f, last = measured[-1]
            e = result.exponent if len(measured) >= 2 else 1.0
            projected = last.median * (factor / last_f) ** max(e or 1.0, 1.0) / 1e9
        if projected > 1.0:
            with frozen():
                outcome = _guarded(fn, cfg)
            if isinstance(outcome, str):
                result.skipped[factor] = f"{outcome} (projected ≈ {fmt_time(projected * 1e9)})"
            else:
                result.stats[factor] = outcome
        else:
            result.stats[factor] = measure(fn, cfg)
        del fn
        gc.collect()
    return result


def fmt_time(ns: float) -> str:
    """A duration with three significant digits and a fitting unit (a negative one, e.g. an overhead lost in
    noise, keeps its sign and is scaled by its magnitude)."""
    if ns < 0:
        return f"−{fmt_time(-ns)}"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{_sig(ns / scale)} {unit}"
    return f"{_sig(ns)} ns"


def fmt_rate(per_second: float, unit: str) -> str:
    """A rate such as ``"1 234 decisions/s"``."""
    return f"{per_second:,.0f} {unit}".replace(",", " ")


def fmt_ratio(value: float) -> str:
    """A ratio such as ``"0.42×"``."""
    return f"{_sig(value)}×"


def _sig(value: float) -> str:
    if 0 < value < 1:
        decimals = 2 - math.floor(math.log10(value)) - 1
        return f"{value:.{decimals}f}"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


@dataclass
class Goal:
    """A target from the issue and how the run did against it."""

    name: str
    target: str
    measured: str
    met: bool | None
    why: str = ""


@dataclass
class Table:
    """A Markdown table: a header and rows of cells."""

    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    """One part of the results: what was measured and how, its tables, goals and notes."""

    title: str
    intro: str
    tables: list[Table] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

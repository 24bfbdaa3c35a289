"""Tests of the benchmark harness: fits, statistics, formatting, interleaved runs and the growth guard."""

from __future__ import annotations

import math
import statistics
import time

import pytest

from benchmarks.harness import Config, Stats, compare, fit_exponent, fmt_ratio, fmt_time, growth, reading


def _cfg(**changes: object) -> Config:
    base = {"quick": True, "repeats": 3, "min_time": 0.0, "factors": (1, 10), "figure_budget": 1.0,
            "max_call": 5.0, "log_seconds": 0.1, "ci": False}
    base.update(changes)
    return Config(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("points", "expected"), [
    ([(1, 5.0), (10, 50.0), (100, 500.0)], 1.0),
    ([(1, 2.0), (10, 200.0)], 2.0),
    ([(1, 7.0), (10, 7.0), (100, 7.0)], 0.0),
])
def test_fit_exponent_is_the_log_log_slope(points: list[tuple[float, float]], expected: float) -> None:
    """The exponent of a power law t = c·n^k is recovered exactly from its points."""
    assert expected == pytest.approx(fit_exponent(points))


def test_fit_exponent_least_squares_over_three_points() -> None:
    """With points off a power law the slope is the least-squares one (as the standard library computes it)."""
    points = [(1, 3.0), (2, 5.0), (100, 900.0)]
    expected = statistics.linear_regression([math.log(n) for n, _ in points], [math.log(t) for _, t in points]).slope
    assert expected == pytest.approx(fit_exponent(points))


def test_fit_exponent_needs_two_sizes() -> None:
    """One size, or the same size twice, gives no exponent."""
    assert fit_exponent([(1, 3.0)]) is None
    assert fit_exponent([(10, 3.0), (10, 4.0)]) is None


@pytest.mark.parametrize(("exponent", "expected"), [
    (None, "—"), (0.05, "constant"), (0.5, "sub-linear"), (1.0, "linear"), (1.6, "**super-linear**"),
])
def test_reading_names_the_growth(exponent: float | None, expected: str) -> None:
    """The reading column says what the exponent means."""
    assert expected == reading(exponent)


def test_stats_median_and_spread() -> None:
    """The median is the middle repeat; the spread is half the interquartile range relative to it."""
    stats = Stats((90.0, 95.0, 100.0, 105.0, 110.0), loops=4)
    assert 100.0 == stats.median
    assert pytest.approx(0.05) == stats.spread
    assert "100 ns ±5 %" == stats.cell()


def test_one_outlier_does_not_widen_the_spread() -> None:
    """A single repeat slowed by another process leaves the spread of the steady repeats as it was."""
    steady = Stats((99.0, 100.0, 100.0, 100.0, 101.0), loops=1)
    disturbed = Stats((99.0, 100.0, 100.0, 100.0, 900.0), loops=1)
    assert steady.spread == disturbed.spread
    assert "5.00 µs (1 run)" == Stats((5000.0,), loops=1).cell()


@pytest.mark.parametrize(("ns", "expected"), [
    (950, "950 ns"), (1500, "1.50 µs"), (2.5e6, "2.50 ms"), (31.4e9, "31.4 s"), (-354219.58, "−354 µs"),
])
def test_fmt_time_picks_a_unit(ns: float, expected: str) -> None:
    """Durations get three significant digits and a fitting unit."""
    assert expected == fmt_time(ns)


def test_fmt_ratio_keeps_small_ratios_readable() -> None:
    """Ratios far below one keep two significant digits instead of rounding to zero."""
    assert "0.0012×" == fmt_ratio(0.00123)
    assert "2.50×" == fmt_ratio(2.5)


def test_compare_gives_every_function_the_same_number_of_repeats() -> None:
    """Side-by-side figures have one sample per repeat each, taken in turn."""
    calls: list[str] = []
    stats = compare({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, _cfg(repeats=4))
    assert ["a", "b"] == sorted(stats)
    assert 4 == len(stats["a"].samples)
    assert 4 == len(stats["b"].samples)
    tail = calls[-stats["b"].loops:]
    assert {"b"} == set(tail)


def test_growth_measures_every_size() -> None:
    """Each size gets its own statistics and the exponent is fitted over them."""
    result = growth("noop", lambda factor: (lambda: None), _cfg(factors=(1, 2)))
    assert [1, 2] == sorted(result.stats)
    assert {} == result.skipped
    assert 5 == len(result.cells([1, 2]))


def test_growth_stops_a_step_that_does_not_finish() -> None:
    """A size projected to be slow runs in a child process that is stopped at the limit; its cell says so."""

    def make(factor: int) -> object:
        seconds = 0.2 if factor == 1 else 60.0
        return lambda: time.sleep(seconds)

    start = time.monotonic()
    result = growth("slow", make, _cfg(repeats=1, factors=(1, 10), max_call=0.5, figure_budget=0.1))
    assert [1] == sorted(result.stats)
    assert result.skipped[10].startswith("> 500 ms: not finished (projected ≈ ")
    assert time.monotonic() - start < 30


def test_growth_keeps_the_samples_of_a_guarded_step_that_finishes() -> None:
    """A slow-looking step that does finish in its child process is measured there."""

    def make(factor: int) -> object:
        seconds = 0.15 if factor == 1 else 0.2
        return lambda: time.sleep(seconds)

    result = growth("guarded", make, _cfg(repeats=2, factors=(1, 10), max_call=10.0, figure_budget=0.5))
    assert [1, 10] == sorted(result.stats)
    assert result.stats[10].median >= 0.2e9

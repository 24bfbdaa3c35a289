"""Tests of the benchmark report: goals, sections, the growth table and the machine description."""

from __future__ import annotations

import datetime as dt
import platform

from benchmarks.harness import Config, Goal, Growth, Section, Stats, Table
from benchmarks.report import machine, markdown


def _cfg() -> Config:
    return Config(quick=False, repeats=3, min_time=0.1, factors=(1, 10), figure_budget=1.0, max_call=60.0,
                  log_seconds=1.0, ci=False)


def _report(sections: list[Section], rows: list[tuple[str, Growth]] | None = None) -> str:
    return markdown(sections, rows or [], _cfg(), started=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC),
                    seconds=12.0, start_load="0.10 / 0.20 / 0.30")


def test_goals_are_collected_with_their_status_and_reason() -> None:
    """Every section's goals appear in one table; an unmet goal's reason is listed under it."""
    section = Section("Rendering", "intro", goals=[
        Goal("Cached render", "≤ 2 µs", "5 µs", False, "the cache copies the string"),
        Goal("Cookie", "≤ 10 µs", "3 µs", True, "never shown"),
    ])
    text = _report([section])
    assert "| Cached render | ≤ 2 µs | 5 µs | **not met** |" in text
    assert "| Cookie | ≤ 10 µs | 3 µs | met |" in text
    assert "- **Cached render**: the cache copies the string" in text
    assert "never shown" not in text


def test_a_reason_shared_by_goals_is_given_once() -> None:
    """Goals not met for the same reason are listed together before it, once."""
    section = Section("Django", "intro", goals=[
        Goal("Django, large", "< 5 %", "90 %", False, "the banner"),
        Goal("Django, small", "< 5 %", "40 %", False, "the banner"),
    ])
    text = _report([section])
    assert "- **Django, large**; **Django, small**: the banner" in text
    assert 1 == text.count("the banner")


def test_sections_tables_notes_and_errors_are_written() -> None:
    """A section gives its title, intro, tables (pipes escaped), notes and errors."""
    section = Section("Consent log", "What a decision is.", tables=[Table(["Store", "Rate"], [["a|b", "1/s"]])],
                      notes=["a note"], errors=["ValueError: boom"])
    text = _report([section])
    assert "## Consent log\n\nWhat a decision is." in text
    assert "| a\\|b | 1/s |" in text
    assert "- a note" in text
    assert "- error: ValueError: boom" in text


def test_growth_rows_get_one_column_per_size_and_the_exponent() -> None:
    """The growth table has a cell per size, the fitted exponent and its reading, or the note of a skipped size."""
    row = Growth("validate", stats={1: Stats((1e6,), 1)}, skipped={10: "> 60.0 s: not finished"})
    text = _report([], [("Validation", row)])
    assert "| Area | Figure | 1× | 10× | Exponent | Reading |" in text
    assert "| Validation | validate | 1.00 ms (1 run) | > 60.0 s: not finished | — | — |" in text


def test_machine_names_the_interpreter_and_the_packages() -> None:
    """The machine table says which Python, CPU count and package versions produced the numbers."""
    rows = dict(machine("1 / 2 / 3").rows)
    assert platform.python_version() in rows["Python"]
    assert "logical CPUs" in rows["CPU"]
    assert "rekisterikit " in rows["Packages"]
    assert "1 / 2 / 3" == rows["Load average (1/5/15 min) at start"]

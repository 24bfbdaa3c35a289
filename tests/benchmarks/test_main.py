"""Tests of ``python -m benchmarks``: exit status, where the report goes, and what "not available" means."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import benchmarks.__main__ as cli
from benchmarks.harness import Config, Section, Unavailable


def _suites(run: Any) -> Any:
    return lambda: {"fake": lambda: run}


def test_a_raising_benchmark_fails_the_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An exception in a benchmark makes the exit status 1; the report still gets written, with the error."""

    def run(cfg: Config, rows: list[Any]) -> Section:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_suites", _suites(run))
    out = tmp_path / "report.md"
    assert 1 == cli.main(["--quick", "--output", str(out)])
    assert "- error: RuntimeError: boom" in out.read_text(encoding="utf-8")


def test_an_unavailable_benchmark_is_a_row_not_a_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Outside CI a missing optional package or server gives a "not available" section and exit status 0."""

    def run(cfg: Config, rows: list[Any]) -> Section:
        raise Unavailable("Django is not installed")

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(cli, "_suites", _suites(run))
    out = tmp_path / "report.md"
    assert 0 == cli.main(["--quick", "--output", str(out)])
    assert "Not available: Django is not installed" in out.read_text(encoding="utf-8")


def test_under_ci_an_unavailable_benchmark_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Under CI every benchmark must run: "not available" is an error."""

    def run(cfg: Config, rows: list[Any]) -> Section:
        raise Unavailable("PostgreSQL is not running")

    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(cli, "_suites", _suites(run))
    assert 1 == cli.main(["--quick", "--output", str(tmp_path / "report.md")])


def test_quick_mode_never_writes_the_results_file(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Without --output a quick run writes to a temporary file, never to benchmarks/RESULTS.md or the docs."""

    def run(cfg: Config, rows: list[Any]) -> Section:
        assert cfg.quick
        return Section("Fake", "nothing measured")

    monkeypatch.setattr(cli, "_suites", _suites(run))
    assert 0 == cli.main(["--quick"])
    written = Path(capsys.readouterr().err.split("report written to ", 1)[1].split("\n", 1)[0])
    try:
        assert written not in cli.DEFAULT_OUTPUTS
        assert "## Fake" in written.read_text(encoding="utf-8")
    finally:
        written.unlink()


def test_a_real_suite_runs_in_quick_mode(tmp_path: Path) -> None:
    """The rendering suite runs end to end and reports its goal and growth rows."""
    out = tmp_path / "report.md"
    assert 0 == cli.main(["--quick", "--only", "render", "--output", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "| Cached render | ≤ 1.00 µs |" in text
    assert "| Rendering | cold render (fi) |" in text

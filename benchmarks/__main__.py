"""``python -m benchmarks [--quick] [--only NAME …] [--output PATH …]``: run the benchmarks and write the report.

A full run writes ``benchmarks/RESULTS.md`` and ``docs/benchmarks.md``. ``--quick`` (for CI) measures little and
writes the report to a temporary file unless ``--output`` is given. The exit status is 1 when any benchmark raised
(timings never fail a run), and also when one is not available while ``CI`` is set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import report
from benchmarks.harness import Config, Growth, Section, Unavailable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUTS = (ROOT / "benchmarks" / "RESULTS.md", ROOT / "docs" / "benchmarks.md")

Suite = Callable[[Config, list[tuple[str, Growth]]], Section]


def _suites() -> dict[str, Callable[[], Suite]]:
    def lazy(module: str) -> Callable[[], Suite]:
        def load() -> Suite:
            import importlib

            run: Suite = importlib.import_module(f"benchmarks.{module}").run
            return run

        return load

    return {
        "consent": lazy("bench_consent"),
        "render": lazy("bench_render"),
        "validate": lazy("bench_validate"),
        "log": lazy("bench_log"),
        "django": lazy("bench_django"),
        "flask": lazy("bench_flask"),
        "scan": lazy("bench_scan"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected benchmarks, write the report, return the exit status."""
    suites = _suites()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repeats and small sizes (CI); no RESULTS.md")
    parser.add_argument("--only", action="append", choices=sorted(suites), metavar="NAME",
                        help=f"run only these suites ({', '.join(suites)}); repeatable")
    parser.add_argument("--output", action="append", type=Path, metavar="PATH",
                        help="write the report here instead (repeatable; '-' for standard output)")
    args = parser.parse_args(argv)
    cfg = Config.make(quick=args.quick)
    started = dt.datetime.now(dt.UTC)
    start_load = " / ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "—"
    t0 = time.perf_counter()
    sections: list[Section] = []
    growth_rows: list[tuple[str, Growth]] = []
    failed: list[str] = []
    for name in args.only or list(suites):
        print(f"[{name}] …", file=sys.stderr, flush=True)
        s0 = time.perf_counter()
        try:
            section = suites[name]()(cfg, growth_rows)
        except Unavailable as exc:
            section = Section(title=name, intro=f"Not available: {exc}")
            if cfg.ci:
                section.errors.append(f"not available under CI: {exc}")
        except Exception as exc:
            traceback.print_exc()
            section = Section(title=name, intro="", errors=[f"{type(exc).__name__}: {exc}"])
        for error in section.errors:
            failed.append(f"{name}: {error}")
            print(f"[{name}] ERROR {error}", file=sys.stderr, flush=True)
        sections.append(section)
        print(f"[{name}] done in {time.perf_counter() - s0:.1f} s", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - t0
    text = report.markdown(sections, growth_rows, cfg, started=started, seconds=seconds, start_load=start_load)
    outputs: list[Path] = list(args.output or ())
    if not outputs:
        if cfg.quick:
            fd, name = tempfile.mkstemp(prefix="rekisterikit-benchmarks-", suffix=".md")
            os.close(fd)
            outputs = [Path(name)]
        else:
            outputs = list(DEFAULT_OUTPUTS)
    for path in outputs:
        if str(path) == "-":
            print(text)
        else:
            report.write(text, [path])
            print(f"report written to {path}", file=sys.stderr)
    print(f"benchmarks finished in {seconds:.1f} s", file=sys.stderr)
    if failed:
        print(f"{len(failed)} benchmark(s) failed:", file=sys.stderr)
        for line in failed:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the legacy-statement linter: a 20 kB statement in each language, HTML, the importer, and 5 MB.

Run ``python -m benchmarks.lint_bench`` (or ``python benchmarks/lint_bench.py``) from the checkout. The inputs are
the linter's own test statements (``tests/lint/data``), concatenated per language and cut at a line end, so they are
real statement prose: old *rekisteriseloste* headings and GDPR-era ones, lists, tables. Each figure is the median
of several repeats of one call, in wall-clock and in process CPU time (the CPU time is the steadier figure on a
busy machine). The goal from the issue is a 20 kB statement linted in under 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "lint" / "data"
TARGET = 20_000
GOAL_MS = 50.0

__all__ = ["main", "measure", "statement"]


def statement(language: str, size: int = TARGET, *, suffixes: tuple[str, ...] = (".txt", ".md")) -> str:
    """``size`` bytes of statement prose in ``language`` from the test statements, cut at a line end."""
    import tomllib

    texts = []
    for directory in (DATA / "corpus", DATA / "holdout"):
        expected = tomllib.loads((directory / "expected.toml").read_text(encoding="utf-8"))["statements"]
        texts += [(directory / name).read_text(encoding="utf-8") for name, entry in sorted(expected.items())
                  if entry["language"] == language and Path(name).suffix in suffixes]
    if not texts:
        raise ValueError(f"no {language} statements with suffixes {suffixes}")
    out = ""
    while len(out.encode("utf-8")) < size:
        out += "\n\n".join(texts) + "\n\n"
    data = out.encode("utf-8")[:size]
    return data.rsplit(b"\n", 1)[0].decode("utf-8", errors="ignore") + "\n"


def _time(call: Callable[[], object], repeats: int) -> tuple[float, float, float]:
    """(median wall ms, minimum wall ms, median CPU ms) of ``repeats`` calls after one warm-up call."""
    call()
    walls, cpus = [], []
    for _ in range(repeats):
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - w0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def measure(repeats: int = 25, *, big: bool = True) -> list[tuple[str, str, float, float, float]]:
    """Rows of (what, input, median wall ms, minimum wall ms, median CPU ms)."""
    from rekisterikit.lint import lint_text
    from rekisterikit.lint.importer import import_text

    rows = []
    for language in ("fi", "sv", "en"):
        text = statement(language)
        rows.append((f"lint ({language})", f"{len(text.encode()) / 1000:.1f} kB text",
                     *_time(lambda t=text: lint_text(t, format="txt"), repeats)))  # type: ignore[misc]
    html = statement("fi", suffixes=(".html",))
    rows.append(("lint (fi, HTML)", f"{len(html.encode()) / 1000:.1f} kB HTML",
                 *_time(lambda: lint_text(html, format="html"), repeats)))
    text = statement("fi")
    rows.append(("import (fi)", f"{len(text.encode()) / 1000:.1f} kB text",
                 *_time(lambda: import_text(text, format="txt"), repeats)))
    if big:
        huge = statement("fi", 5_000_000)
        rows.append(("lint (fi)", f"{len(huge.encode()) / 1e6:.1f} MB text",
                     *_time(lambda: lint_text(huge, format="txt"), 1)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; exit 1 when a 20 kB lint misses the goal in CPU time."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lint_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--quick", action="store_true", help="5 repeats, no 5 MB run")
    args = parser.parse_args(argv)
    rows = measure(5 if args.quick else args.repeats, big=not args.quick)
    print("| what | input | median (wall) | fastest (wall) | median (CPU) |")
    print("|---|---|---|---|---|")
    for what, size, median, fastest, cpu in rows:
        print(f"| {what} | {size} | {median:.1f} ms | {fastest:.1f} ms | {cpu:.1f} ms |")
    slow = [r for r in rows if r[0].startswith("lint") and "kB" in r[1] and r[4] >= GOAL_MS]
    print(f"\ngoal: a 20 kB statement in under {GOAL_MS:.0f} ms: {'missed' if slow else 'met'} (CPU time)")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())

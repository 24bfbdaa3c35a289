"""rekisterikit's benchmarks: ``python -m benchmarks`` (``--quick`` for CI); results in ``benchmarks/RESULTS.md``.

Each suite (``bench_*.py``) measures one area side by side with what a shop would use instead, in the same run on
the same machine, and returns a :class:`~benchmarks.harness.Section` for the report.
"""

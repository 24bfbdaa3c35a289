"""The consent codec fuzzer: a short run tries every kind of value, in every format, and finds nothing."""

from __future__ import annotations

import random

from benchmarks.fuzz import _genuine, _mutators, fuzz
from rekisterikit.consent.codec import FORMATS, ConsentCodec


def test_a_short_run_accepts_nothing_and_never_crashes() -> None:
    """Half a second of fuzzing: every kind of value is tried, none is accepted, none raises."""
    tried, accepted, crashed = fuzz(0.5, seed=3)
    assert {"replace", "flip", "cut_or_extend", "splice", "relabel", "fields", "foreign_key", "unsigned",
            "random_text", "random_bytes"} == set(tried)
    assert (0, 0) == (sum(accepted.values()), sum(crashed.values()))


def test_the_genuine_values_cover_every_format_and_the_mutators_change_them() -> None:
    """The fuzzer starts from genuine values in v1, v2 and v3, and a v3 field mutation keeps the signature."""
    rng = random.Random(5)
    codecs = [ConsentCodec("rekisterikit-fuzz-secret-0123456789", write_format=f) for f in ("v3", "v2", "v1")]
    genuine = _genuine(codecs, rng, 9)
    assert set(FORMATS) == {v[:2] for v in genuine}
    changed = str(_mutators(genuine, rng)["fields"]())
    assert changed.startswith("v3.")
    assert changed.rpartition(".")[2] in {v.rpartition(".")[2] for v in genuine}

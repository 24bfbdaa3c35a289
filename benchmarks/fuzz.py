"""``python -m benchmarks.fuzz [--seconds N]``: fuzz the consent cookie codec and count the values it accepts.

Not a timing: a bounded attack run whose figures go into docs/security.md. For ``--seconds`` (60 by default) it
feeds :meth:`ConsentCodec.decode <rekisterikit.consent.ConsentCodec.decode>` values made to be almost right:

* genuine values with characters replaced, bits flipped, cut short or extended;
* genuine payloads under a signature of another genuine value (a splice);
* genuine values under another format's marker (a relabelling), and genuine v3 values with their fields dropped,
  repeated, swapped or shuffled under their own signature;
* payloads that grant everything, signed with a random key, or with no signature, or with another format prefix;
* random strings over the cookie alphabet, and random bytes.

The genuine values are in every format the codec reads: a third each in ``v3`` (the default), ``v2`` and ``v1``.

Every value that decodes and is not one of the genuine values is a forgery accepted; a decode that raises is a
crash. Both must be 0; the exit status is 1 otherwise.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import hmac
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable

from rekisterikit.consent.codec import FORMATS, ConsentCodec
from rekisterikit.consent.state import ConsentMethod, ConsentState, new_consent_id

__all__ = ["fuzz", "main"]

SECRET = "rekisterikit-fuzz-secret-0123456789"
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _genuine(codecs: list[ConsentCodec], rng: random.Random, count: int) -> list[str]:
    methods = list(ConsentMethod)
    values = []
    for n in range(count):
        granted = rng.sample(["preferences", "statistics", "marketing"], rng.randint(0, 3))
        services = rng.sample(["ga4", "matomo", "meta", "youtube"], rng.randint(0, 2))
        state = ConsentState(consent_id=new_consent_id(), version="sha256:" + "a" * 64,
                             fingerprint="sha256:" + "b" * 64, method=rng.choice(methods), locale="fi",
                             given_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC), granted=granted, services=services,
                             gpc_optin=rng.random() < 0.2)
        values.append(codecs[n % len(codecs)].encode(state))
    return values


def _grant_all_fields(rng: random.Random) -> str:
    """A v3 payload granting everything (digests of the version and fingerprint above)."""
    version = _b64(bytes.fromhex("a" * 64))
    fingerprint = _b64(bytes.fromhex("b" * 64))
    return f"{new_consent_id()}~1796000000~{version}~{fingerprint}~7~accept_all~fi~~{rng.choice([0, 1])}"


def _grant_all_payload(rng: random.Random) -> str:
    payload = {"id": new_consent_id(), "ver": "sha256:" + "a" * 64, "fp": "sha256:" + "b" * 64,
               "at": 1796000000, "ok": ["marketing", "preferences", "statistics"], "m": "accept_all", "l": "fi",
               "sv": [], "g": rng.choice([0, 1])}
    return _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())


def _mutators(genuine: list[str], rng: random.Random) -> dict[str, Callable[[], object]]:
    def pick() -> str:
        return rng.choice(genuine)

    def replace() -> str:
        value = list(pick())
        for _ in range(rng.randint(1, 4)):
            value[rng.randrange(len(value))] = rng.choice(_ALPHABET)
        return "".join(value)

    def flip() -> str:
        raw = bytearray(pick().encode("ascii"))
        raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        return raw.decode("latin-1")

    def cut_or_extend() -> str:
        value = pick()
        if rng.random() < 0.5:
            return value[:rng.randrange(len(value))]
        return value + "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 8)))

    def splice() -> str:
        a, b = pick().split("."), pick().split(".")
        return f"{a[0]}.{a[1]}.{b[2]}"

    def foreign_key() -> str:
        key = rng.randbytes(32)
        if rng.random() < 0.5:
            message = f"v3.{_grant_all_fields(rng)}"
            return f"{message}.{hmac.new(key, message.encode(), hashlib.sha256).hexdigest()}"
        message = f"v1.{_grant_all_payload(rng)}"
        return f"{message}.{_b64(hmac.new(key, message.encode(), hashlib.sha256).digest())}"

    def unsigned() -> str:
        body, fields = _grant_all_payload(rng), _grant_all_fields(rng)
        return rng.choice([f"v1.{body}", f"v1.{body}.", f"v1.{body}.{body}", f"v2.{body}.{pick().split('.')[2]}",
                           f"v3.{fields}", f"v3.{fields}.", f"v3.{fields}.{pick().split('.')[2]}",
                           f"v3.{fields}.{'0' * 64}"])

    def relabel() -> str:
        value = pick()
        return rng.choice([f for f in FORMATS if not value.startswith(f)]) + value[2:]

    def fields() -> str:
        v3 = [v for v in genuine if v.startswith("v3.")]
        message, _, signature = rng.choice(v3).rpartition(".")
        parts = message[3:].split("~")
        how = rng.randrange(4)
        if how == 0:
            del parts[rng.randrange(len(parts))]
        elif how == 1:
            index = rng.randrange(len(parts))
            parts.insert(index, parts[index])
        elif how == 2:
            i, j = rng.randrange(len(parts)), rng.randrange(len(parts))
            parts[i], parts[j] = parts[j], parts[i]
        else:
            rng.shuffle(parts)
        return f"v3.{'~'.join(parts)}.{signature}"

    def random_text() -> str:
        return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 400)))

    def random_bytes() -> object:
        data = rng.randbytes(rng.randint(0, 400))
        return rng.choice([data.decode("latin-1"), data, None, rng.randint(-5, 5)])

    return {"replace": replace, "flip": flip, "cut_or_extend": cut_or_extend, "splice": splice,
            "relabel": relabel, "fields": fields, "foreign_key": foreign_key, "unsigned": unsigned,
            "random_text": random_text, "random_bytes": random_bytes}


def fuzz(seconds: float, *, seed: int = 22) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Run for ``seconds``; return the values tried, the forgeries accepted and the crashes, per kind."""
    rng = random.Random(seed)
    codec = ConsentCodec(SECRET)
    genuine = _genuine([ConsentCodec(SECRET, write_format=f) for f in ("v3", "v2", "v1")], rng, 96)
    if any(codec.decode(v) is None for v in genuine) or {v[:2] for v in genuine} != set(FORMATS):
        raise RuntimeError("a genuine consent cookie does not decode (or a format is missing): the fuzzer would "
                           "prove nothing")
    known = set(genuine)
    mutators = _mutators(genuine, rng)
    names = list(mutators)
    tried: Counter[str] = Counter()
    accepted: Counter[str] = Counter()
    crashed: Counter[str] = Counter()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for _ in range(1000):
            name = rng.choice(names)
            value = mutators[name]()
            tried[name] += 1
            try:
                state = codec.decode(value)
            except Exception:  # a crash is what is counted
                crashed[name] += 1
                continue
            if state is not None and value not in known:
                accepted[name] += 1
    return tried, accepted, crashed


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer and print one line per kind of value and a total."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz (default: 60)")
    parser.add_argument("--seed", type=int, default=22, help="the random seed (default: 22)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tried, accepted, crashed = fuzz(args.seconds, seed=args.seed)
    elapsed = time.perf_counter() - started
    for name in sorted(tried):
        print(f"{name:14} {tried[name]:>10,} tried  {accepted[name]} accepted  {crashed[name]} crashed")
    total = sum(tried.values())
    print(f"{'total':14} {total:>10,} tried in {elapsed:.0f} s ({total / elapsed:,.0f}/s)  "
          f"{sum(accepted.values())} accepted  {sum(crashed.values())} crashed")
    return 1 if accepted or crashed else 0


if __name__ == "__main__":
    sys.exit(main())

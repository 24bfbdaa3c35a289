"""The consent cookie: encode, verify+decode and read, against django-cookie-consent's cookie parsing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.harness import (
    Config,
    Goal,
    Growth,
    Section,
    Table,
    Unavailable,
    compare,
    fmt_ratio,
    fmt_time,
    growth,
)
from benchmarks.statements import large_statement

SECRET = "rekisterikit-benchmarks-not-a-secret-0123456789"
GOAL_NS = 10_000
#: verify+decode: at most this absolute time, and at most this multiple of the raw floor measured in the same run.
DECODE_GOAL_NS = 5_000
DECODE_FLOOR_RATIO = 1.6
#: The least the default format (v3) needs: split the value, one HMAC, its hex, a constant-time compare, split the
#: payload into its fields; nothing else (no field is checked, no state is built).
RAW_FLOOR = "raw floor, format v3: rpartition + hmac.digest + hex + compare_digest + split('~')"
V1_DECODE = "rekisterikit: verify+decode, format v1 (the default before v3)"
V1_FLOOR = "raw floor, format v1: base64 + hmac.digest + compare_digest + json.loads"
V1_ENCODE = "rekisterikit: encode, format v1"

INTRO = """\
What the library does with the consent cookie on every request, against what django-cookie-consent does with its
own. **rekisterikit** *encode* signs a consent state into the cookie value in the default format v3 (nine
`~`-separated fields already in the cookie alphabet, HMAC-SHA256 with a derived key, in hex); *verify+decode* checks
the shape and the signature in constant time, then every field of the payload, and builds the `ConsentState`
(`ConsentCodec.decode`). The *format v1* rows are the same for the format written by default before v3 (compact
JSON in URL-safe base64, base64 signature), which every codec still reads. *Read* is `ConsentService.read`: find
the cookie in the request's cookies, verify+decode, and check that the consent is in force (fingerprint of the
current statement, not expired) — the question a page asks. *Declined cookies* is `ConsentService.declined_cookies`:
which cookies of the request the middleware must expire. **django-cookie-consent** *parse* is
`cookie_consent.util.parse_cookie_str` on its cookie (`preferences=-1|statistics=<version>|marketing=-1`): a split
with no signature (its cookie is not signed: a visitor can write any value); *accepted?* is
`get_cookie_value_from_request(request, "statistics")`: parse, then look the group and its version up in its
cookie-group cache (Django's default local-memory cache) — the question its template filter asks. Both sides
are given a visitor who accepted statistics and declined the rest, with the large statement's 150 cookies."""

WHY_DECODE = (
    "`ConsentCodec.decode` reads the default format v3, which needs neither base64 nor JSON: it checks the "
    "signature first, on the value as sent — one `rpartition`, the format marker, a copy of an HMAC already keyed "
    "with the derived key (`hmac.HMAC.copy`, so the key is not set up per call; the raw floor's one-shot "
    "`hmac.digest` sets it up every time), its `hexdigest` compared with the signature text by "
    "`hmac.compare_digest` (no base64 either way). Only then the payload: one compiled expression matches the "
    "marker, the consent id (ConsentState's own expression) and the decision time; the other seven fields "
    "(version, fingerprint, categories, method, locale, services, GPC opt-in) are the same for every visitor who "
    "made the same choice under the same statement, so they are checked once per distinct text (every field as "
    "ConsentState's validators would, implied services added) and then found by one look-up in a bounded memo of "
    "the codec; the time by `int` and `datetime.fromtimestamp`; the `ConsentState` set slot by slot without "
    "attrs' converters. Counted once in machine instructions (valgrind's cachegrind, on 2026-12-06, so "
    "independent of the machine's load; not re-measured by this run), a v3 decode is about 46 000 instructions "
    "against 35 000 for its floor (1.3×; v1: 106 000 against 91 000): the "
    "keyed HMAC copy is about 22 000, setting the ten slots of the state about 8 000, the expression 4 000, "
    "`fromtimestamp` 3 000, `int` 1 300. The one-shot `hmac.digest` of the floor alone is about 28 000. What is "
    "left above the floor is the state and the per-visitor checks. The v1 rows are the format written by default "
    "before v3, still read by every codec."
)
WHY_ENCODE = (
    "`ConsentCodec.encode` writes v3's nine fields with one f-string (every field is already in the cookie "
    "alphabet; the version and fingerprint are shortened once per distinct value) and signs with a copy of the "
    "keyed HMAC in hex; what is left is the HMAC, sorting the services and the time in seconds. v1 also writes "
    "its JSON by hand and then base64."
)

def _dcc() -> tuple[str, Callable[[], object], Callable[[], object]]:
    """django-cookie-consent's cookie value, its parse and its per-request "accepted?" question, all set up."""
    from benchmarks.django_site import site

    site().use_factor(1)
    from cookie_consent.models import CookieGroup
    from cookie_consent.util import get_cookie_value_from_request, parse_cookie_str
    from django.test import RequestFactory

    version = CookieGroup.objects.get(varname="statistics").get_version()
    value = f"preferences=-1|statistics={version}|marketing=-1"

    request = RequestFactory().get("/", HTTP_COOKIE=f"cookie_consent={value}")
    if get_cookie_value_from_request(request, "statistics") is not True:
        raise AssertionError("django-cookie-consent does not see statistics as accepted")
    return value, (lambda: parse_cookie_str(value)), (lambda: get_cookie_value_from_request(request, "statistics"))


def _raw_floor_v1(value: str) -> Callable[[], object]:
    """The least a v1 value needs: split, base64, one HMAC, a constant-time compare, json.loads."""
    import base64
    import hmac
    import json

    from rekisterikit.consent.codec import derive_key

    key = derive_key(SECRET)
    message, _, signature = value.rpartition(".")
    body = message.partition(".")[2]
    expected = signature.encode("ascii")

    def floor() -> object:
        ok = hmac.compare_digest(base64.urlsafe_b64encode(hmac.digest(key, message.encode("ascii"), "sha256"))
                                 .rstrip(b"="), expected)
        return ok and json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))

    if not floor():
        raise AssertionError("the v1 raw floor does not verify the cookie")
    return floor


def _raw_floor_v3(value: str) -> Callable[[], object]:
    """The least a v3 value needs, nothing else: split off the signature, one HMAC (the one-shot ``hmac.digest``)
    over the ASCII message, its hex, a constant-time compare with the signature as sent, and the payload split into
    its fields. No field is checked and no state is built."""
    import hmac

    from rekisterikit.consent.codec import derive_key

    key = derive_key(SECRET)

    def floor() -> object:
        message, _, signature = value.rpartition(".")
        ok = hmac.compare_digest(hmac.digest(key, message.encode("ascii"), "sha256").hex(), signature)
        return ok and message[3:].split("~")

    if not floor():
        raise AssertionError("the v3 raw floor does not verify the cookie")
    return floor


def run(cfg: Config, growth_rows: list[tuple[str, Growth]]) -> Section:
    """Measure the consent cookie and the peer's cookie parsing."""
    from rekisterikit.consent import ConsentConfig, ConsentService

    section = Section("Consent cookie", INTRO)
    service = ConsentService(large_statement(1), ConsentConfig(secret=SECRET))
    decision = service.decide({"rk-action": "custom", "rk-category": ["statistics"]}, locale="fi")
    value, state = decision.cookie.value, decision.state
    jar = {"rk_consent": value, "csrftoken": "x" * 32, "_ga": "GA1.1.1.1", "shop_stat_2": "1", "shop_mark_11": "1"}
    if service.codec.decode(value) != state or service.read(jar) is None:
        raise AssertionError("the consent cookie does not read back")
    if service.declined_cookies(state.granted, jar) != ("shop_mark_11",):
        raise AssertionError(f"unexpected declined cookies {service.declined_cookies(state.granted, jar)}")

    from rekisterikit.consent.codec import FORMAT, ConsentCodec

    if not value.startswith(f"{FORMAT}.") or FORMAT != "v3":
        raise AssertionError(f"the service did not write the default format v3: {value[:3]!r}")
    old = ConsentCodec(SECRET, implied=service.codec._implied, write_format="v1")
    value_v1 = old.encode(state)
    if not value_v1.startswith("v1.") or old.decode(value_v1) != state or service.codec.decode(value_v1) != state:
        raise AssertionError("the v1 consent cookie does not read back")
    fns: dict[str, Callable[[], object]] = {
        "rekisterikit: encode": lambda: service.codec.encode(state),
        "rekisterikit: verify+decode": lambda: service.codec.decode(value),
        RAW_FLOOR: _raw_floor_v3(value),
        V1_ENCODE: lambda: old.encode(state),
        V1_DECODE: lambda: old.decode(value_v1),
        V1_FLOOR: _raw_floor_v1(value_v1),
        "rekisterikit: read (decode + in force?)": lambda: service.read(jar),
        "rekisterikit: declined cookies to expire": lambda: service.declined_cookies(state.granted, jar),
    }
    peer_note = dcc_value = ""
    try:
        dcc_value, parse, accepted = _dcc()
        fns["django-cookie-consent: parse"] = parse
        fns["django-cookie-consent: accepted? (parse + group cache)"] = accepted
    except Unavailable as exc:
        peer_note = f"not available: {exc}"
        if cfg.ci:
            section.errors.append(peer_note)
    stats = compare(fns, cfg)

    table = Table(["Operation", "Per call", "vs django-cookie-consent"])
    parse_ns = stats["django-cookie-consent: parse"].median if "django-cookie-consent: parse" in stats else None
    acc_key = "django-cookie-consent: accepted? (parse + group cache)"
    acc_ns = stats[acc_key].median if acc_key in stats else None
    for name, st in stats.items():
        versus = "—"
        if name in ("rekisterikit: verify+decode", V1_DECODE) and parse_ns:
            versus = f"{fmt_ratio(st.median / parse_ns)} its parse"
        elif name == "rekisterikit: read (decode + in force?)" and acc_ns:
            versus = f"{fmt_ratio(st.median / acc_ns)} its accepted?"
        table.rows.append([name, st.cell(), versus])
    if peer_note:
        table.rows.append(["django-cookie-consent", peer_note, "—"])
    section.tables.append(table)
    section.notes.append(f"Cookie values: rekisterikit {len(value)} characters (signed, format v3; {len(value_v1)} in "
                         f"format v1), django-cookie-consent {len(dcc_value) if not peer_note else '—'} characters "
                         "(unsigned).")

    enc, dec = stats["rekisterikit: encode"].median, stats["rekisterikit: verify+decode"].median
    floor = stats[RAW_FLOOR].median
    section.goals.append(Goal("Consent cookie: encode", f"≤ {fmt_time(GOAL_NS)}", fmt_time(enc), enc <= GOAL_NS,
                              WHY_ENCODE))
    section.goals.append(Goal("Consent cookie: verify+decode", f"≤ {fmt_time(DECODE_GOAL_NS)}", fmt_time(dec),
                              dec <= DECODE_GOAL_NS, WHY_DECODE))
    section.goals.append(Goal("Consent cookie: verify+decode vs the raw floor (same run)",
                              f"≤ {DECODE_FLOOR_RATIO}×", f"{fmt_ratio(dec / floor)} ({fmt_time(dec)} on "
                              f"{fmt_time(floor)})", dec <= DECODE_FLOOR_RATIO * floor, WHY_DECODE))

    def services(factor: int) -> tuple[Any, Any, dict[str, str]]:
        svc = ConsentService(large_statement(factor), ConsentConfig(secret=SECRET))
        d = svc.decide({"rk-action": "custom", "rk-category": ["statistics"]}, locale="fi")
        return svc, d, {**jar, "rk_consent": d.cookie.value}

    def make_decode(factor: int) -> Callable[[], object]:
        svc, d, _ = services(factor)
        v = d.cookie.value
        return lambda: svc.codec.decode(v)

    def make_read(factor: int) -> Callable[[], object]:
        svc, _, j = services(factor)
        return lambda: svc.read(j)

    def make_declined(factor: int) -> Callable[[], object]:
        svc, d, j = services(factor)
        g = d.state.granted
        return lambda: svc.declined_cookies(g, j)

    for label, make in (("verify+decode", make_decode), ("read", make_read),
                        ("declined cookies to expire", make_declined)):
        growth_rows.append(("Consent cookie", growth(label, make, cfg)))
    return section

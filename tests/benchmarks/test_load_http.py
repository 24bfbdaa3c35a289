"""The HTTP load test's checks (benchmarks/load_http.py) find what they are meant to find.

The load test itself needs PostgreSQL and gunicorn and runs as ``python -m benchmarks.load_http``; here its
bookkeeping is checked on made-up answers and logs, so that a pass in its report means something.
"""

from __future__ import annotations

import base64
import json

from benchmarks.load_http import Tally, check, consent_id_of

A, B = "a" * 22, "b" * 22


def tally(**decisions: int) -> Tally:
    """A tally in which the consent ids ``a…``/``b…`` were answered ``decisions`` times."""
    t = Tally()
    for key, count in decisions.items():
        consent_id = key * 22
        t.decisions[consent_id] = count
        t.ids.add(consent_id)
    return t


def test_a_clean_run_passes() -> None:
    """One record per answered decision and per GPC change: no problem."""
    t = tally(a=2, b=1)
    t.gpc[A] = 1
    assert [] == check(t, [(A, "accept_all"), (A, "reject_all"), (A, "gpc"), (B, "custom")])


def test_a_lost_or_doubled_record_is_found() -> None:
    """A decision answered 2xx without a record, or with two, is a problem."""
    assert check(tally(a=2), [(A, "accept_all")])
    assert check(tally(a=1), [(A, "accept_all"), (A, "accept_all")])


def test_a_decision_cut_off_may_have_one_record_but_not_two() -> None:
    """A decision whose answer was cut off by the killed worker may be stored once."""
    t = tally(a=1)
    t.unanswered[A] = 1
    assert [] == check(t, [(A, "accept_all"), (A, "reject_all")])
    assert check(t, [(A, "accept_all"), (A, "reject_all"), (A, "custom")])


def test_a_replayed_gpc_request_recorded_twice_is_found() -> None:
    """Two GPC records for one GPC change is what issue 22 item 8 was about."""
    t = tally(a=1)
    t.gpc[A] = 1
    assert check(t, [(A, "accept_all"), (A, "gpc"), (A, "gpc")])


def test_records_of_unknown_consent_ids_and_mixed_answers_are_found() -> None:
    """A record no client was given an id for, or an answer naming another visitor, is a problem."""
    assert check(tally(a=1), [(A, "accept_all"), (B, "accept_all")])
    t = tally(a=1)
    t.mixed.append(f"status: {B}, visitor {A}")
    assert any("mixed" in p for p in check(t, [(A, "accept_all")]))


def test_consent_id_of_a_cookie() -> None:
    """The consent id is read from the cookie's payload (v3's first field, v1's JSON); anything else gives None."""
    payload = base64.urlsafe_b64encode(json.dumps({"id": A}).encode()).rstrip(b"=").decode()
    assert (A, None, None) == (consent_id_of(f"v1.{payload}.sig"), consent_id_of("garbage"),
                               consent_id_of("v1.!!.sig"))
    assert (A, None, None) == (consent_id_of(f"v3.{A}~1796040005~x~y~0~reject_all~fi~~0.sig"),
                               consent_id_of("v3.nofields.sig"), consent_id_of(f"v3.{A}~1.sig.extra"))

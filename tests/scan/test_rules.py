"""The scan's rules on recorded passes (no browser), the tracker data, the draft writer and the HTML report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rekisterikit.load import loads
from rekisterikit.scan import (
    RULES,
    ObservedCookie,
    ObservedRequest,
    Pass,
    PassResult,
    ScanResult,
    StorageKey,
    TrackerDataError,
    analyse,
    default_trackers,
    load_trackers,
)
from rekisterikit.scan.draft import draft_entries
from rekisterikit.scan.html import to_html

ROOT = Path(__file__).resolve().parents[2]
STATEMENT = loads('''
[controller]
name = "Kauppa Oy"

[[registers]]
key = "asiakkaat"
name = "Asiakkaat"

[[cookies]]
name = "sid"
party = "first"
category = "necessary"
duration = "session"

[[cookies]]
name = "_ga"
provider = "Google Ireland Limited"
party = "first"
category = "statistics"
duration = "P2Y"

[[cookies]]
name = "fr"
provider = "Meta Platforms Ireland Limited"
party = "third"
category = "marketing"
duration = "P3M"
''', format="toml")


def cookie(name: str, *, domain: str = "www.shop.test", days: float | None = 30.0) -> ObservedCookie:
    """A cookie as a pass records it."""
    return ObservedCookie(name=name, domain=domain, path="/", expires=None if days is None else 1e10,
                          lifetime_days=days, http_only=False, secure=False, same_site="Lax",
                          page="http://www.shop.test/", set_by="script", host_only=not domain.startswith("."))


def passes(*, untouched: tuple[ObservedCookie, ...] = (), rejected: tuple[ObservedCookie, ...] = (),
           accepted: tuple[ObservedCookie, ...] = (), left: tuple[ObservedCookie, ...] = (),
           requests: tuple[ObservedRequest, ...] = (), storage: tuple[StorageKey, ...] = (),
           consent: str = "banner") -> list[PassResult]:
    """Four passes with the given observations."""
    page = ("http://www.shop.test/",)
    return [PassResult(name=Pass.NO_DECISION, pages=page, cookies=untouched, storage=storage),
            PassResult(name=Pass.REJECT, pages=page, cookies=rejected, consent=consent),
            PassResult(name=Pass.ACCEPT, pages=page, cookies=accepted, requests=requests, consent=consent),
            PassResult(name=Pass.WITHDRAW, pages=page, cookies=accepted, final_cookies=left, consent=consent)]


def rules_of(found: list[PassResult]) -> list[tuple[str, str]]:
    """(rule, path) of the findings of ``found`` against the statement."""
    report = analyse(found, STATEMENT, default_trackers(), site_host="www.shop.test")
    return sorted((f.rule, f.path) for f in report.findings)


def test_a_clean_scan_has_no_findings() -> None:
    """Necessary cookie everywhere, analytics only after acceptance, nothing left after withdrawal: no finding
    (the third-party ``fr`` is not reported as never seen)."""
    assert [] == rules_of(passes(untouched=(cookie("sid", days=None),), rejected=(cookie("sid", days=None),),
                                 accepted=(cookie("sid", days=None), cookie("_ga", domain=".shop.test", days=400)),
                                 left=(cookie("sid", days=None),)))


def test_declared_category_decides_before_the_tracker_data() -> None:
    """An undeclared cookie the data set knows (``_fbp``) counts as marketing before consent; an undeclared unknown
    one is only undeclared; a storage key is checked like a cookie."""
    found = rules_of(passes(untouched=(cookie("sid", days=None), cookie("_fbp"), cookie("x_pref")),
                            accepted=(cookie("sid", days=None), cookie("_ga")),
                            storage=(StorageKey(kind="local_storage", key="_hjSessionUser_1",
                                                origin="http://www.shop.test", page="/"),)))
    assert [("RK-SCAN-BEFORE-CONSENT", '$.scan.cookies["_fbp"]'),
            ("RK-SCAN-UNDECLARED", '$.scan.cookies["_fbp"]'),
            ("RK-SCAN-UNDECLARED", '$.scan.cookies["x_pref"]'),
            ("RK-SCAN-UNDECLARED", '$.scan.local_storage["_hjSessionUser_1"]')] == found


def test_durations_have_a_day_of_slack_and_session_means_session() -> None:
    """``_ga`` is declared two years: 400 days is fine; ``sid`` is declared a session cookie: 2 days is not."""
    found = rules_of(passes(accepted=(cookie("sid", days=2), cookie("_ga", days=400))))
    assert [("RK-SCAN-DURATION", "$.cookies[0].duration")] == found


def test_withdrawal_and_transfers() -> None:
    """A parent-domain ``_ga`` left after withdrawal is reported with its domain; a request to Google with no
    transfer in the statement is an undisclosed transfer; Google is named as a provider, so not undeclared."""
    report = analyse(passes(accepted=(cookie("sid", days=None), cookie("_ga")),
                            left=(cookie("_ga", domain=".shop.test"),),
                            requests=(ObservedRequest(host="region1.google-analytics.com", url="https://…",
                                                      resource_type="ping", page="/"),)),
                     STATEMENT, default_trackers(), site_host="www.shop.test")
    assert [("RK-SCAN-AFTER-WITHDRAWAL", "$.cookies[1]"),
            ("RK-SCAN-TRANSFER", '$.scan.hosts["region1.google-analytics.com"]')] == sorted(
        (f.rule, f.path) for f in report.findings)
    left = next(f for f in report.findings if f.rule == "RK-SCAN-AFTER-WITHDRAWAL")
    assert '"_ga" (.shop.test, tilastointi)' in left.message.resolve("fi")[0]


def test_without_a_statement_only_consent_is_checked() -> None:
    """No statement: trackers before consent and after withdrawal are reported; declarations are not."""
    report = analyse(passes(untouched=(cookie("_ga"), cookie("x")), left=(cookie("_fbp", domain=".shop.test"),)),
                     None, default_trackers(), site_host="www.shop.test")
    assert ["RK-SCAN-AFTER-WITHDRAWAL", "RK-SCAN-BEFORE-CONSENT"] == sorted(f.rule for f in report.findings)


def test_tracker_data_lookups_and_extension(tmp_path: Path) -> None:
    """Exact names win over patterns, subdomains match their host, and an extension file adds or replaces."""
    data = default_trackers()
    ga_id = data.cookie("_ga_ABC123")
    assert (ga_id and ga_id[1].name, data.host("region1.google-analytics.com").id,  # type: ignore[union-attr]
            data.host("notgoogle-analytics.com")) == ("_ga_*", "google-analytics", None)
    extra = tmp_path / "trackers.toml"
    extra.write_text('[[services]]\nid = "shop-ab"\nname = "AB"\nprovider = "AB Oy"\nmatch = ["ab oy"]\n'
                     'category = "statistics"\nhosts = ["ab.example"]\nsource = "own"\n'
                     '[[services.cookies]]\nname = "ab_*"\nlifetime = "P30D"\n', "utf-8")
    extended = load_trackers([extra])
    assert ("shop-ab", "ab_*") == (extended.host("cdn.ab.example").id,  # type: ignore[union-attr]
                                   extended.cookie("ab_x")[1].name)  # type: ignore[index]


@pytest.mark.parametrize(("text", "message"), [
    ('[[services]]\nid = "x"\nname = "X"\nprovider = "X"\ncategory = "marketing"\nsource = "s"\n'
     '[[services.cookies]]\nname = "a"\nlifetime = "2 years"\n', "@ $.services[0].cookies[0].lifetime"),
    ('[[services]]\nid = "x"\nname = "X"\nprovider = "X"\ncategory = "marketing"\n', "@ $.services[0].source"),
    ('[[services]]\nid = "x"\nnmae = "X"\n', "unknown field 'nmae' @ $.services[0]"),
    ("services = [", "not valid TOML"),
])
def test_malformed_tracker_files_name_file_and_path(tmp_path: Path, text: str, message: str) -> None:
    """A bad tracker file is one error naming the file and where in it."""
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    with pytest.raises(TrackerDataError) as caught:
        load_trackers([bad])
    assert (str(caught.value).startswith(str(bad)), message in str(caught.value)) == (True, True)


def test_every_shipped_service_has_a_source_and_valid_rows() -> None:
    """Every row of the shipped table has a source, a known category and lower-case host names."""
    for service in default_trackers().services:
        assert service.source
        assert all(h == h.lower() and "/" not in h for h in service.hosts)
        assert all(c.source for c in service.cookies)


def test_draft_entries_use_the_data_set_and_the_observed_expiry() -> None:
    """A known tracker gets its pattern, provider, category and documented duration; an unknown cookie its
    observed duration; a third-party cookie its domain; each entry is marked TODO and parses as TOML."""
    found = passes(accepted=(cookie("_ga_XYZ", domain=".shop.test", days=400), cookie("promo", days=1.5),
                             cookie("uid", domain=".tracker.example", days=10)))
    result = ScanResult(url="http://www.shop.test/", passes=tuple(found),
                        report=analyse(found, None, default_trackers()))
    entries = draft_entries(result, STATEMENT, default_trackers(), site_host="www.shop.test")
    text = "".join(entries)
    drafted = loads('[controller]\nname = "X"\n' + text, format="toml").cookies
    assert [("_ga_*", "Google Ireland Limited", "P2Y", "first"), ("promo", None, "P2D", "first"),
            ("uid", None, "P10D", "third")] == [
        (c.name, c.provider, str(c.duration), str(c.party)) for c in drafted]
    assert (3, ".tracker.example") == (text.count("# TODO check"), drafted[2].domain)


def test_the_html_report_escapes_what_the_site_wrote() -> None:
    """A cookie name and URL with markup appear as text, never as markup."""
    evil = '<img src=x onerror="alert(1)">'
    found = [PassResult(name=Pass.NO_DECISION, pages=("http://www.shop.test/",), cookies=(cookie(evil),))]
    result = ScanResult(url="http://www.shop.test/?q=<script>", passes=tuple(found),
                        report=analyse(found, STATEMENT, default_trackers()))
    page = to_html(result, "en")
    assert ("<img src=x" in page, "<script>" in page, "&lt;img src=x" in page) == (False, False, True)


def test_docs_describe_every_scan_rule() -> None:
    """docs/scan.md lists every rule id of the scanner."""
    text = (ROOT / "docs" / "scan.md").read_text("utf-8")
    documented = set(re.findall(r"`(RK-SCAN-[A-Z-]+)`", text))
    assert {r.id for r in RULES} == documented


def test_messages_carry_no_control_characters_from_the_site() -> None:
    """A storage key with an escape sequence is written out, not passed to a terminal."""
    key = "x\x1b[31mred"
    report = analyse([PassResult(name=Pass.NO_DECISION, pages=("/",), storage=(
        StorageKey(kind="local_storage", key=key, origin="http://www.shop.test", page="/"),))],
        STATEMENT, default_trackers())
    [finding] = [f for f in report.findings if f.rule == "RK-SCAN-UNDECLARED"]
    assert ("\x1b" in finding.message.resolve("en")[0], "\\u001b[31mred" in finding.message.resolve("en")[0]) == (
        False, True)

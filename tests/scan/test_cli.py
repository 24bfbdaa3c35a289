"""``rekisterikit scan`` on the command line: formats, -o, --write-draft, errors (exit 2, one line)."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rekisterikit.cli import main
from rekisterikit.load import load
from rekisterikit.validate import validate
from rekisterikit.validate.output import report_schema
from tests.browser.harness import ARTIFACTS, serve_wsgi
from tests.conftest import EXAMPLES
from tests.scan.sites import BROKEN_STATEMENT, broken_shop

BROKEN_ARGS = ["--map-host", "*.broken.test=127.0.0.1", "--offline", "--stand-ins", "--pages", "1",
               "--accept-selector", "#accept", "--reject-selector", "#reject", "--reopen-selector", "#settings"]


def _without_cookies(text: str) -> str:
    """The statement file with its ``[[cookies]]`` tables (and their sub-tables) removed."""
    kept, skipping = [], False
    for line in text.splitlines():
        if line.startswith("["):
            skipping = line.startswith(("[[cookies]]", "[cookies."))
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n"


@pytest.fixture(scope="module")
def broken_base() -> Iterator[str]:
    """The broken shop, as http://www.broken.test:PORT."""
    with serve_wsgi(broken_shop) as base:
        yield base.replace("127.0.0.1", "www.broken.test")


def test_json_sarif_and_html_reports(scan_browser: Any, broken_base: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """One scan per format (the CLI launches Chromium itself): the JSON has the findings contract and the passes,
    SARIF lists the scan rules, the HTML report has the passes side by side and escapes what the site wrote."""
    out = tmp_path / "scan.json"
    status = main(["scan", broken_base + "/", "--statement", str(BROKEN_STATEMENT), "--format", "json", "-o",
                   str(out), *BROKEN_ARGS])
    data = json.loads(out.read_text("utf-8"))
    assert (1, 10, ["no_decision", "reject", "accept", "withdraw"]) == (
        status, len(data["findings"]), [p["pass"] for p in data["scan"]["passes"]])
    findings_part = {k: v for k, v in data.items() if k != "scan"}
    jsonschema.validate(findings_part, report_schema())  # the findings contract of check, plus "scan"

    status = main(["scan", broken_base + "/", "--statement", str(BROKEN_STATEMENT), "--format", "sarif",
                   "--locale", "en", *BROKEN_ARGS])
    sarif = json.loads(capsys.readouterr().out)
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert (1, True, 10) == (status, "RK-SCAN-AFTER-WITHDRAWAL" in rules, len(sarif["runs"][0]["results"]))

    html = tmp_path / "scan.html"
    main(["scan", broken_base + "/", "--statement", str(BROKEN_STATEMENT), "--format", "html", "-o", str(html),
          "--locale", "en", *BROKEN_ARGS])
    page = html.read_text("utf-8")
    assert (4, True, True, True) == (page.count('<section class="pass">'), "data:image/png;base64," in page,
                                     "RK-SCAN-DURATION" in page, "<script" not in page)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(html, ARTIFACTS / "scan-report.html")


def test_write_draft_from_an_empty_declaration(scan_browser: Any, tmp_path: Path) -> None:
    """A statement that declares no cookies, held against a shop that sets them (the Monalisa shop, running on
    its full statement): the draft adds every cookie seen, each marked TODO, and check reports nothing new outside
    those entries."""
    pytest.importorskip("flask", reason="the Flask example needs Flask")
    from werkzeug.serving import make_server

    from examples.flask_shop import create_app

    empty = tmp_path / "monalisa-empty.toml"
    empty.write_text(_without_cookies((EXAMPLES / "monalisa-corrected.toml").read_text("utf-8")), "utf-8")
    app = create_app({"REKISTERIKIT_VALIDATE": False}, instance_path=str(tmp_path / "instance"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    draft = tmp_path / "draft.toml"
    try:
        status = main(["scan", f"http://www.shop.test:{server.server_port}/", "--statement", str(empty),
                       "--map-host", "*.shop.test=127.0.0.1", "--offline", "--pages", "2", "--write-draft",
                       str(draft), "--format", "json", "-o", str(tmp_path / "out.json")])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    text = draft.read_text("utf-8")
    drafted = load(draft)
    names = {c.name for c in drafted.cookies}
    assert (1, {"sessionid", "csrftoken", "rk_consent", "_ga", "_ga_*", "_fbp"}) == (status, names)
    assert (6, 6) == (text.count("# TODO check"), text.count("[[cookies]]"))
    ga = next(c for c in drafted.cookies if c.name == "_ga")
    assert ("Google Ireland Limited", "statistics", "P2Y") == (ga.provider, str(ga.category), str(ga.duration))
    base = {(f.rule, f.path) for f in validate(load(empty)).findings}
    new = {(f.rule, f.path) for f in validate(drafted).findings} - base
    assert new
    assert all(path.startswith("$.cookies[") for _, path in new), sorted(new)


def test_unusable_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A bad --map-host, a malformed tracker file and a non-HTTP URL are one-line errors with exit status 2."""
    bad = tmp_path / "trackers.toml"
    bad.write_text('[[services]]\nid = "x"\nname = "X"\nprovider = "X"\ncategory = "tracking"\nsource = "s"\n')
    results = [main(["scan", "http://www.shop.test/", "--map-host", "nope"]),
               main(["scan", "http://www.shop.test/", "--trackers", str(bad)]),
               main(["scan", "ftp://www.shop.test/"])]
    err = capsys.readouterr().err.strip().splitlines()
    assert [2, 2, 2] == results
    assert 3 == len(err)
    assert ("HOST=ADDRESS" in err[0], "$.services[0].category" in err[1], "not an http(s) URL" in err[2]) == (
        True, True, True)


def _recorded_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``scan()`` return a recorded result (a ``_fbp`` before consent), without a browser."""
    import rekisterikit.scan as scan_package
    from rekisterikit.scan import ObservedCookie, Pass, PassResult, ScanResult, analyse, default_trackers

    def fake_scan(url: str, *, statement: Any = None, **options: Any) -> ScanResult:
        fbp = ObservedCookie(name="_fbp", domain=".shop.test", path="/", expires=1e10, lifetime_days=90.0,
                             http_only=False, secure=False, same_site="Lax", page=url, set_by="script")
        passes = (PassResult(name=Pass.NO_DECISION, pages=(url,), cookies=(fbp,)),)
        return ScanResult(url=url, passes=passes, report=analyse(passes, statement, default_trackers(),
                                                                 source=url))

    monkeypatch.setattr(scan_package, "scan", fake_scan)


def test_text_output_fail_on_and_unwritable_output(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Text names the rule, article and path in the requested language; --fail-on sets the exit status; an
    output that cannot be written is a one-line error with status 2."""
    _recorded_scan(monkeypatch)
    status = main(["scan", "http://www.shop.test/", "--locale", "sv", "--color", "never"])
    out = capsys.readouterr().out
    assert (1, True, True) == (status, "RK-SCAN-BEFORE-CONSENT  917/2014 205 §; GDPR 4(11)" in out,
                               "Kakan \"_fbp\" (marknadsföring)" in out)
    unwritable = tmp_path / "missing" / "report.html"
    assert 2 == main(["scan", "http://www.shop.test/", "-o", str(unwritable), "--format", "html"])
    err = capsys.readouterr().err.strip().splitlines()
    assert (1, True) == (len(err), f"cannot write {unwritable}" in err[0])


def test_the_progress_bar_draws_on_a_terminal_only() -> None:
    """On a terminal the bar shows the pass, a bar and the count on one rewritten line; elsewhere nothing."""
    import io

    from rekisterikit.scan import Pass
    from rekisterikit.scan.cli import _Bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        bar = _Bar(stream)
        bar(Pass.ACCEPT, 3, 4, "http://www.shop.test/cart")
        bar.close()
    assert ("\raccept       [##################......] 3/4 http://www.shop.test/cart" in tty.getvalue(),
            "") == (True, pipe.getvalue())

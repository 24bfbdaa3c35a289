"""Pages scanned per minute: ``rekisterikit scan`` over the Flask example shop, all four passes, in Chromium."""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time

from benchmarks.harness import Config, Goal, Growth, Section, Table, Unavailable

INTRO = """\
`rekisterikit.scan.scan` crawls the Flask example shop (Monalisa, served by werkzeug's threaded server on
127.0.0.1 and reached as `www.shop.test` through Chromium's host resolver rules) and runs all four passes — no
decision, reject all, accept all, accept then withdraw — each in a fresh browser context of one system Chromium,
offline (requests to other hosts answered empty), held against the corrected Monalisa statement. A *page* is one
page of the crawl; each is loaded once per pass, so a page costs four page loads plus the banner clicks. The
figure includes launching Chromium once per scan (as the CLI does), crawling, recording and the analysis. Each
page load waits until the page's network has been quiet for half a second, which bounds the rate from above."""

WHY = ("Each page load waits for half a second of network quiet (the scanner cannot know when a tag manager will "
       "fire its next beacon), four loads per page; on a loaded two-core machine Chromium's own start and "
       "rendering add to it. A shorter quiet window would miss late trackers.")


def run(cfg: Config, growth_rows: list[tuple[str, Growth]]) -> Section:
    """Scan the Flask example shop and report pages per minute."""
    try:
        import flask  # noqa: F401
        import playwright.sync_api  # noqa: F401
        from werkzeug.serving import make_server
    except ImportError as exc:
        raise Unavailable(f"needs Flask and Playwright ({exc.name})") from None
    from rekisterikit.scan import ScanError, chromium_executable, scan

    try:
        chromium_executable()
    except ScanError as exc:
        raise Unavailable(str(exc)) from None
    from examples.flask_shop import STATEMENT, create_app

    pages = 2 if cfg.quick else 6
    repeats = 1 if cfg.quick else 3
    section = Section("Scanner: pages per minute", INTRO)
    with tempfile.TemporaryDirectory() as instance:
        app = create_app({"REKISTERIKIT_VALIDATE": False}, instance_path=os.path.join(instance, "shop"))
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            url = f"http://www.shop.test:{server.server_port}/"
            seconds, findings, crawled = [], [], 0
            for _ in range(repeats):
                t0 = time.perf_counter()
                result = scan(url, statement=STATEMENT, pages=pages, host_map={"*.shop.test": "127.0.0.1"},
                              offline=True, screenshots=False)
                seconds.append(time.perf_counter() - t0)
                findings.append(len(result.report.findings))
                crawled = len(result.pages)
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)
    if any(findings):
        section.errors.append(f"the example shop scan reported findings: {findings}")
    median = statistics.median(seconds)
    per_minute = crawled / median * 60
    table = Table(["Pages crawled", "Passes", "Scan time (median)", "Pages per minute", "Page loads per minute"])
    table.rows.append([str(crawled), "4", f"{median:.1f} s", f"{per_minute:.1f}", f"{crawled * 4 / median * 60:.0f}"])
    section.tables.append(table)
    section.goals.append(Goal("Scanner: pages per minute, all four passes, example shop", "≥ 10",
                              f"{per_minute:.1f}", per_minute >= 10, WHY))
    return section

"""``rekisterikit scan URL``: scan a site in Chromium and hold what it does against the statement.

Exit status: 0 when no finding reaches ``--fail-on`` (default ``error``), 1 when one does, 2 when the scan cannot
run (no Chromium or Playwright, the start page does not load, an unreadable statement or tracker file).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rekisterikit.model import Language

__all__ = ["EXIT_CODES", "add_arguments", "run"]

#: The exit statuses ``--help`` lists.
EXIT_CODES = {
    0: "no finding at the --fail-on level",
    1: "findings at the --fail-on level",
    2: "the scan cannot run: no Chromium or Playwright, the start page does not load, an unreadable statement or "
       "tracker file, an output that cannot be written, bad usage",
}


def _host_map(values: list[str] | None) -> dict[str, str]:
    result = {}
    for value in values or ():
        host, sep, address = value.partition("=")
        if not sep or not host.strip() or not address.strip():
            raise ValueError(f"--map-host {value!r}: expected HOST=ADDRESS, e.g. '*.shop.test=127.0.0.1'")
        result[host.strip()] = address.strip()
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``scan`` arguments."""
    parser.add_argument("url", help="the start page, e.g. https://www.shop.fi/")
    parser.add_argument("--statement", metavar="FILE", help="the statement file (.toml or .json) to hold the scan "
                                                             "against; without it only consent is checked")
    parser.add_argument("--pages", type=int, default=10, metavar="N",
                        help="the most pages each pass visits, breadth-first on the same origin (default: 10)")
    parser.add_argument("--sitemap", action="store_true", help="also take pages from /sitemap.xml")
    parser.add_argument("--exclude", action="append", metavar="PATTERN", default=[],
                        help="a path pattern the crawler leaves alone (* wildcards, e.g. '/admin/*'); repeatable")
    parser.add_argument("--ignore-robots", action="store_true", help="do not obey /robots.txt")
    parser.add_argument("--accept-selector", metavar="CSS", help="another consent manager's 'accept all' control")
    parser.add_argument("--reject-selector", metavar="CSS", help="its 'reject all' control")
    parser.add_argument("--reopen-selector", metavar="CSS",
                        help="the link that reopens its choice (for the withdrawal pass)")
    parser.add_argument("--click", action="append", metavar="CSS", default=[],
                        help="click this element on the first page of every pass, after the choice (e.g. an 'add to "
                             "cart' button), to see cookies set only on interaction; repeatable")
    parser.add_argument("--trackers", action="append", metavar="FILE", default=[],
                        help="a TOML file of more known services (the shipped table's format); repeatable")
    parser.add_argument("--map-host", action="append", metavar="HOST=ADDRESS", default=[],
                        help="resolve HOST (* allowed) to ADDRESS in Chromium, e.g. '*.shop.test=127.0.0.1'")
    parser.add_argument("--offline", action="store_true",
                        help="answer requests to other hosts with an empty response instead of sending them")
    parser.add_argument("--stand-ins", action="store_true",
                        help="serve offline stand-ins for gtag.js and the Meta Pixel (with --offline: no network)")
    parser.add_argument("--ignore", action="append", metavar="RULE", default=[],
                        help="drop findings of these rules: ids, id prefixes or requirement codes; repeatable")
    parser.add_argument("--write-draft", metavar="FILE",
                        help="write the statement with every undeclared cookie added to [[cookies]] (# TODO check)")
    parser.add_argument("--locale", choices=[lang.value for lang in Language], default=None,
                        help="language of the messages and the report (default: from LANG, else en); JSON output "
                             "carries every language's message")
    parser.add_argument("--format", choices=("text", "json", "sarif", "html"), default="text",
                        help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the report to OUT instead of standard output")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                        help="exit with status 1 when a finding is at least this severe (default: error)")
    parser.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS",
                        help="how long a page may take to load (default: 15)")
    parser.add_argument("--color", "--colour", dest="colour", choices=("auto", "always", "never"), default="auto",
                        help="colour the text output (default: auto)")


class _Bar:
    """A one-line progress bar on standard error, when it is a terminal."""

    def __init__(self, stream: Any, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled and bool(getattr(stream, "isatty", lambda: False)())

    def __call__(self, name: Any, done: int, total: int, url: str) -> None:
        if not self.enabled:
            return
        width = 24
        filled = int(width * done / max(total, 1))
        line = f"\r{name.value:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {url[-60:]}"
        self.stream.write(line.ljust(120)[:120])
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 120 + "\r")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Scan, report, and return the exit status."""
    from rekisterikit.scan import ScanError, TrackerDataError, load_trackers, scan
    from rekisterikit.scan.rules import RULES
    from rekisterikit.validate.cli import use_colour
    from rekisterikit.validate.output import to_sarif, to_text

    try:
        host_map = _host_map(args.map_host)
    except ValueError as exc:
        print(f"rekisterikit scan: {exc}", file=sys.stderr)
        return 2
    if args.pages < 1:
        print(f"rekisterikit scan: --pages must be at least 1, not {args.pages}", file=sys.stderr)
        return 2
    statement = None
    if args.statement:
        from rekisterikit.load import load

        statement = load(args.statement)
    try:
        trackers = load_trackers(args.trackers)
    except TrackerDataError as exc:
        print(f"rekisterikit scan: {exc}", file=sys.stderr)
        return 2
    quiet = bool(getattr(args, "quiet", False))
    bar = _Bar(sys.stderr, enabled=not quiet)
    try:
        result = scan(args.url, statement=statement, pages=args.pages, sitemap=args.sitemap, exclude=args.exclude,
                      robots=not args.ignore_robots, accept_selector=args.accept_selector,
                      reject_selector=args.reject_selector, reopen_selector=args.reopen_selector, trackers=trackers,
                      host_map=host_map, offline=args.offline, stand_ins=args.stand_ins, timeout=args.timeout,
                      ignore=args.ignore, clicks=args.click, progress=bar)
    except ScanError as exc:
        bar.close()
        print(f"rekisterikit scan: {exc}", file=sys.stderr)
        return 2
    bar.close()
    if args.statement:
        from attrs import evolve

        result = evolve(result, report=evolve(result.report, source=args.statement))
    from rekisterikit.cliutil import language
    from rekisterikit.validate.cli import report_dict

    locale = language(args.locale)
    if args.write_draft:
        from urllib.parse import urlsplit

        from rekisterikit.scan.draft import write_draft

        try:
            added = write_draft(args.write_draft, result, args.statement, statement, trackers,
                                site_host=urlsplit(args.url).hostname or "")
        except OSError as exc:
            print(f"rekisterikit scan: cannot write {args.write_draft}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        if not quiet:
            print(f"rekisterikit scan: wrote {args.write_draft} ({added} cookie(s) added, marked # TODO check)",
                  file=sys.stderr)
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        print(f"rekisterikit scan: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        if args.format == "json":
            data = report_dict(result.report, locale)  # as check's: "messages" in fi, sv and en
            data["scan"] = result.to_dict(locale.value)["scan"]
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "sarif":
            out.write(json.dumps(to_sarif(result.report, RULES, locale), ensure_ascii=False, indent=2) + "\n")
        elif args.format == "html":
            from rekisterikit.scan.html import to_html

            out.write(to_html(result, locale))
        else:
            out.write(to_text(result.report, locale, colour=use_colour(args.colour, out)))
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if result.report.fails(args.fail_on) else 0

"""``rekisterikit saleor publish FILE``: publish the statement as a Saleor page with its translations.

The token is read from ``--token``, or better (it then stays out of the shell history and the process list) from
the ``REKISTERIKIT_SALEOR_TOKEN`` environment variable, or from the Saleor app's database (``--database``: the token
Saleor gave the app when it was installed). It needs ``MANAGE_PAGES`` and ``MANAGE_TRANSLATIONS``, and
``MANAGE_PAGE_TYPES_AND_ATTRIBUTES`` for the first run; the app asks for all three. This module imports neither
Flask nor PyJWT, so the command works with the core installation.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["TOKEN_ENV", "add_arguments", "run"]

#: The environment variable the token is read from when ``--token`` is not given.
TOKEN_ENV = "REKISTERIKIT_SALEOR_TOKEN"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``saleor`` subcommands."""
    from rekisterikit.contrib.saleor.publish import DEFAULT_PAGE_TYPE, DEFAULT_SLUG

    sub = parser.add_subparsers(dest="saleor_command", metavar="SUBCOMMAND", required=True)
    publish = sub.add_parser("publish", help="create or update the statement page and its translations",
                             description="Create or update the statement's Saleor page (default language) and its "
                                         "translations; running it again without changes sends no mutation.")
    publish.add_argument("file", help="statement file (.toml or .json)")
    publish.add_argument("--api-url", required=True, help="the Saleor GraphQL endpoint, e.g. "
                                                          "https://shop.example/graphql/")
    publish.add_argument("--token", default=None,
                         help=f"an app or staff token (default: the {TOKEN_ENV} environment variable)")
    publish.add_argument("--database", default=None,
                         help="the Saleor app's database (its consent log file): use the token the app was "
                              "installed with")
    publish.add_argument("--slug", default=DEFAULT_SLUG, help=f"the page's slug (default: {DEFAULT_SLUG})")
    publish.add_argument("--page-type", default=DEFAULT_PAGE_TYPE,
                         help=f"slug of the page type for a new page, created when missing "
                              f"(default: {DEFAULT_PAGE_TYPE})")
    publish.add_argument("--unpublished", action="store_true", help="keep the page hidden from the storefront")
    publish.add_argument("--force", action="store_true", help="publish even if the page shows this content already")
    publish.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for Saleor (default: 30)")


def run(args: argparse.Namespace) -> int:
    """Run a ``saleor`` subcommand."""
    from rekisterikit.contrib.saleor.client import SaleorClient, SaleorError, normalize_api_url
    from rekisterikit.contrib.saleor.publish import publish_statement
    from rekisterikit.contrib.saleor.storage import InstallationStore
    from rekisterikit.load import load

    statement = load(args.file)
    try:
        token = args.token or os.environ.get(TOKEN_ENV)
        if not token and args.database:
            if not Path(args.database).is_file():
                print(f"rekisterikit saleor publish: no such database {args.database}", file=sys.stderr)
                return 2
            installation = InstallationStore(args.database).get(normalize_api_url(args.api_url))
            token = None if installation is None else installation.token
            if not token:
                print(f"rekisterikit saleor publish: the app is not installed in {args.api_url}", file=sys.stderr)
                return 2
        if not token:
            print(f"rekisterikit saleor publish: give --token, set {TOKEN_ENV} or give --database",
                  file=sys.stderr)
            return 2
        client = SaleorClient(args.api_url, token, timeout=args.timeout)
        result = publish_statement(statement, client, slug=args.slug, page_type=args.page_type,
                                   published=not args.unpublished, force=args.force)
    except SaleorError as exc:
        print(f"rekisterikit saleor publish: {exc}", file=sys.stderr)
        return 1
    if not result.changed:
        print(f"unchanged: page {result.slug!r} ({result.page_id}) already shows statement {result.version}")
        return 0
    action = "created" if result.created else "updated"
    languages = ", ".join(lang.value for lang in result.translated) or "none"
    print(f"{action} page {result.slug!r} ({result.page_id}) with statement {result.version}; "
          f"translations: {languages}")
    return 0

"""Publishing the statement as a Saleor page, with a translation per language, idempotently.

Saleor is headless: the storefront reads pages through the GraphQL API (``page(slug: …) { title content
translation(languageCode: SV) { title content } }``). :func:`publish_statement` renders the statement in its
default language into the page itself and in each other language of the statement into a ``pageTranslate``
translation (``FI``, ``SV``, ``EN``). It then writes the page's public metadata:

* ``rekisterikit.version`` — the statement version (``sha256:…``) the page shows;
* ``rekisterikit.digest`` — a hash of everything published (titles, contents, slug, visibility);
* ``rekisterikit.languages`` — the languages published, e.g. ``fi,sv,en``.

The metadata is written last, after every translation succeeded. Publishing again with the same digest sends no
mutation at all, so running it twice changes nothing; an interrupted run leaves the old digest, and the next run
publishes everything again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from attrs import define

from rekisterikit.contrib.saleor import graphql as gql
from rekisterikit.contrib.saleor.client import SaleorClient, SaleorError
from rekisterikit.contrib.saleor.editorjs import html_to_editorjs
from rekisterikit.model import Language, Statement

__all__ = [
    "DEFAULT_PAGE_TYPE",
    "DEFAULT_SLUG",
    "LANGUAGE_CODES",
    "PageContent",
    "PublishResult",
    "page_contents",
    "publish_statement",
]

#: The page's slug unless told otherwise.
DEFAULT_SLUG = "tietosuojaseloste"
#: The slug of the page type created for the statement page unless told otherwise.
DEFAULT_PAGE_TYPE = "rekisterikit-statement"
#: Saleor's ``LanguageCodeEnum`` value for each statement language.
LANGUAGE_CODES: dict[Language, str] = {Language.FI: "FI", Language.SV: "SV", Language.EN: "EN"}

_KEY_VERSION = "rekisterikit.version"
_KEY_DIGEST = "rekisterikit.digest"
_KEY_LANGUAGES = "rekisterikit.languages"
_FALLBACK_TITLES = {Language.FI: "Tietosuojaseloste", Language.SV: "Dataskyddsbeskrivning",
                    Language.EN: "Privacy notice"}

Renderer = Callable[[Statement, Language], str]


@define(frozen=True, kw_only=True)
class PageContent:
    """The statement in one language, ready for Saleor.

    Attributes:
        language: the language.
        title: the page title.
        content: EditorJS data.
    """

    language: Language
    title: str
    content: dict[str, Any]

    @property
    def content_json(self) -> str:
        """The content as the ``JSONString`` Saleor expects (compact, keys sorted, stable)."""
        return json.dumps(self.content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@define(frozen=True, kw_only=True)
class PublishResult:
    """What :func:`publish_statement` did.

    Attributes:
        page_id: the Saleor page's ID.
        slug: its slug.
        version: the statement version it now shows.
        created: the page was created by this run.
        changed: this run sent any mutation (``False``: the page already showed exactly this content).
        translated: the languages written with ``pageTranslate``.
    """

    page_id: str
    slug: str
    version: str
    created: bool
    changed: bool
    translated: tuple[Language, ...] = ()


def _render_html(statement: Statement, language: Language) -> str:
    from rekisterikit.render import render

    return str(render(statement, locale=language.value, format="html"))


def page_contents(statement: Statement, *, renderer: Renderer | None = None) -> list[PageContent]:
    """The statement in each of its languages (the default language first) as titles and EditorJS content.

    Args:
        statement: the statement.
        renderer: returns the statement's HTML in a language; :func:`rekisterikit.render.render` by default.
    """
    render_html = renderer or _render_html
    contents = []
    for language in statement.languages:
        title = statement.title.resolve(language)[0] if statement.title else _FALLBACK_TITLES[language]
        contents.append(PageContent(language=language, title=" ".join(title.split()),
                                    content=html_to_editorjs(render_html(statement, language))))
    return contents


def _digest(slug: str, published: bool, contents: list[PageContent]) -> str:
    canonical = json.dumps({"format": 1, "slug": slug, "published": published,
                            "pages": [[c.language.value, c.title, c.content_json] for c in contents]},
                           ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _page_type_id(client: SaleorClient, slug: str) -> str:
    edges = (client.execute(gql.PAGE_TYPES_BY_SLUG, {"slug": slug}).get("pageTypes") or {}).get("edges") or []
    for edge in edges:
        node = edge.get("node") or {}
        if node.get("slug") == slug:
            return str(node["id"])
    created = client.mutate(gql.PAGE_TYPE_CREATE, {"input": {"name": "Privacy statement (rekisterikit)",
                                                             "slug": slug}}, "pageTypeCreate")
    page_type = created.get("pageType") or {}
    if not page_type.get("id"):
        raise SaleorError("pageTypeCreate returned no page type")
    return str(page_type["id"])


def publish_statement(statement: Statement, client: SaleorClient, *, slug: str = DEFAULT_SLUG,
                      page_type: str = DEFAULT_PAGE_TYPE, published: bool = True, force: bool = False,
                      renderer: Renderer | None = None) -> PublishResult:
    """Create or update the Saleor page of ``statement`` and its translations.

    The token needs ``MANAGE_PAGES`` and ``MANAGE_TRANSLATIONS``, and ``MANAGE_PAGE_TYPES_AND_ATTRIBUTES`` the
    first time (to create the page type).

    Args:
        statement: the statement to publish.
        client: a client of the Saleor API with a token.
        slug: the page's slug (its address in the storefront).
        page_type: the slug of the page type a new page gets; created when missing.
        published: whether the page is visible in the storefront.
        force: publish even when the page already shows this exact content.
        renderer: the HTML renderer (for tests); :func:`rekisterikit.render.render` by default.

    Raises:
        SaleorError: Saleor refused a request; the page's metadata is then left unchanged.
    """
    contents = page_contents(statement, renderer=renderer)
    digest = _digest(slug, published, contents)
    page = client.execute(gql.PAGE_BY_SLUG, {"slug": slug}).get("page")
    meta = (page or {}).get("metafields") or {}
    if page and not force and meta.get(_KEY_DIGEST) == digest:
        return PublishResult(page_id=page["id"], slug=slug, version=statement.version, created=False, changed=False)

    base, *translations = contents
    fields = {"title": base.title, "content": base.content_json, "isPublished": published, "slug": slug}
    if page is None:
        type_id = _page_type_id(client, page_type)
        created = client.mutate(gql.PAGE_CREATE, {"input": {**fields, "pageType": type_id}}, "pageCreate")
        page_id = str((created.get("page") or {}).get("id") or "")
        if not page_id:
            raise SaleorError("pageCreate returned no page")
    else:
        page_id = str(page["id"])
        client.mutate(gql.PAGE_UPDATE, {"id": page_id, "input": fields}, "pageUpdate")
    for content in translations:
        client.mutate(gql.PAGE_TRANSLATE, {"id": page_id, "languageCode": LANGUAGE_CODES[content.language],
                                           "input": {"title": content.title, "content": content.content_json}},
                      "pageTranslate")
    client.mutate(gql.UPDATE_METADATA, {"id": page_id, "input": [
        {"key": _KEY_VERSION, "value": statement.version},
        {"key": _KEY_DIGEST, "value": digest},
        {"key": _KEY_LANGUAGES, "value": ",".join(c.language.value for c in contents)},
    ]}, "updateMetadata")
    return PublishResult(page_id=page_id, slug=slug, version=statement.version, created=page is None, changed=True,
                         translated=tuple(c.language for c in translations))

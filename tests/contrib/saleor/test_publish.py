"""Publishing the statement as a Saleor page with translations, idempotently, against the fake Saleor."""

from __future__ import annotations

import json

import attrs
import pytest

from rekisterikit import LocalizedText, Statement
from rekisterikit.contrib.saleor import PublishResult, SaleorClient, SaleorError, publish_statement
from rekisterikit.contrib.saleor.publish import LANGUAGE_CODES, page_contents
from rekisterikit.model import Language

from .fake_saleor import FakeSaleor

PUBLISHER = ("MANAGE_PAGES", "MANAGE_TRANSLATIONS", "MANAGE_PAGE_TYPES_AND_ATTRIBUTES")


@pytest.fixture
def client(saleor: FakeSaleor) -> SaleorClient:
    """A client with a staff token allowed to publish."""
    return SaleorClient(saleor.api_url, saleor.staff_token(*PUBLISHER))


def _page(saleor: FakeSaleor) -> dict[str, object]:
    (page,) = saleor.pages.values()
    return page


def test_first_publication_creates_the_page_translations_and_metadata(saleor: FakeSaleor, client: SaleorClient,
                                                                      statement: Statement) -> None:
    """The page gets the default language, sv and en become pageTranslate translations, and metadata the version."""
    result = publish_statement(statement, client)
    page = _page(saleor)
    assert PublishResult(page_id=str(page["id"]), slug="tietosuojaseloste", version=statement.version, created=True,
                         changed=True, translated=(Language.SV, Language.EN)) == result
    assert "Tietosuojaseloste" == page["title"]
    assert page["isPublished"] is True
    assert {"SV", "EN"} == set(page["translations"])  # type: ignore[arg-type]
    assert "Dataskyddsbeskrivning" == page["translations"]["SV"]["title"]  # type: ignore[index]
    fi = json.loads(str(page["content"]))
    assert any(b["type"] == "header" for b in fi["blocks"])
    assert {"rekisterikit.version": statement.version, "rekisterikit.languages": "fi,sv,en"}.items() <= page[
        "metadata"].items()  # type: ignore[attr-defined]
    assert ["rekisterikit-statement"] == [t["slug"] for t in saleor.page_types.values()]


def test_publishing_twice_changes_nothing(saleor: FakeSaleor, client: SaleorClient, statement: Statement) -> None:
    """The second run with the same statement sends no mutation and reports the page unchanged."""
    first = publish_statement(statement, client)
    sent = len(saleor.mutations)
    second = publish_statement(statement, client)
    assert sent == len(saleor.mutations)
    assert (first.page_id, False, False) == (second.page_id, second.created, second.changed)
    assert 1 == len(saleor.pages)


def test_a_changed_statement_updates_the_same_page(saleor: FakeSaleor, client: SaleorClient,
                                                   statement: Statement) -> None:
    """A new statement version updates the page and its translations in place and records the new version."""
    first = publish_statement(statement, client)
    changed = attrs.evolve(statement, title=LocalizedText(fi="Tietosuojaseloste 2026", sv="Dataskydd 2026",
                                                          en="Privacy notice 2026"))
    second = publish_statement(changed, client)
    page = _page(saleor)
    assert (first.page_id, False, True) == (second.page_id, second.created, second.changed)
    assert "Tietosuojaseloste 2026" == page["title"]
    assert "Dataskydd 2026" == page["translations"]["SV"]["title"]  # type: ignore[index]
    assert changed.version == page["metadata"]["rekisterikit.version"]  # type: ignore[index]
    assert ["pageCreate", "pageUpdate"] == [m for m in saleor.mutations if m in ("pageCreate", "pageUpdate")]


def test_force_publishes_again(saleor: FakeSaleor, client: SaleorClient, statement: Statement) -> None:
    """force=True sends the page again even though it already shows this content."""
    publish_statement(statement, client)
    assert publish_statement(statement, client, force=True).changed is True
    assert "pageUpdate" in saleor.mutations


def test_an_interrupted_publication_is_completed_by_the_next_run(saleor: FakeSaleor,
                                                                 statement: Statement) -> None:
    """When a translation is refused, the version is not recorded, so the next run publishes everything again."""
    token = saleor.staff_token("MANAGE_PAGES", "MANAGE_PAGE_TYPES_AND_ATTRIBUTES")
    with pytest.raises(SaleorError, match="MANAGE_TRANSLATIONS"):
        publish_statement(statement, SaleorClient(saleor.api_url, token))
    assert "rekisterikit.digest" not in _page(saleor)["metadata"]  # type: ignore[operator]
    saleor.staff_tokens[token] = frozenset(PUBLISHER)
    result = publish_statement(statement, SaleorClient(saleor.api_url, token))
    assert (False, True) == (result.created, result.changed)
    assert {"SV", "EN"} == set(_page(saleor)["translations"])  # type: ignore[arg-type]


def test_slug_visibility_and_existing_page_type(saleor: FakeSaleor, client: SaleorClient,
                                                statement: Statement) -> None:
    """A chosen slug and page type are used (an existing page type is not created again); unpublished stays hidden."""
    client.mutate("""mutation RekisterikitPageTypeCreate($input: PageTypeCreateInput!) {
      pageTypeCreate(input: $input) { errors { field message code } pageType { id slug } } }""",
                  {"input": {"name": "Legal", "slug": "legal"}}, "pageTypeCreate")
    result = publish_statement(statement, client, slug="privacy", page_type="legal", published=False)
    page = _page(saleor)
    assert ("privacy", False) == (page["slug"], page["isPublished"])
    assert ["legal"] == [t["slug"] for t in saleor.page_types.values()]
    assert "privacy" == result.slug


def test_a_single_language_statement_has_no_translations(saleor: FakeSaleor, client: SaleorClient,
                                                         statement: Statement) -> None:
    """A statement published only in Finnish sends no pageTranslate."""
    finnish = attrs.evolve(statement, languages=(Language.FI,))
    assert () == publish_statement(finnish, client).translated
    assert "pageTranslate" not in saleor.mutations


def test_page_contents_follow_the_statement_languages(statement: Statement) -> None:
    """One content per statement language, default first, each with its title and EditorJS blocks."""
    contents = page_contents(statement)
    assert [Language.FI, Language.SV, Language.EN] == [c.language for c in contents]
    assert ["Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"] == [c.title for c in contents]
    assert all(json.loads(c.content_json)["blocks"] for c in contents)
    assert {"FI", "SV", "EN"} == set(LANGUAGE_CODES.values())


def test_untitled_statement_gets_a_default_title(statement: Statement) -> None:
    """Without a title the page is called Tietosuojaseloste / Dataskyddsbeskrivning / Privacy notice."""
    contents = page_contents(attrs.evolve(statement, title=None))
    assert ["Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"] == [c.title for c in contents]

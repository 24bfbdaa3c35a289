"""The diff by meaning: classes of change, re-consent, and stability under reordering."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit import load
from rekisterikit.model import Cookie, CookieCategory, LegalBasis, LocalizedText, Party, Statement
from rekisterikit.records.diff import ChangeClass, ChangeKind, diff
from rekisterikit.testing.strategies import statements

T = TypeVar("T")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"


def _corrected() -> Statement:
    return load(EXAMPLES / "kalvokeskus-corrected.toml")


def test_published_to_corrected_lists_the_real_changes_and_asks_again() -> None:
    """Kalvokeskus as published → corrected: new purposes, bases, cookies and recipients; material; re-consent."""
    result = diff(load(EXAMPLES / "kalvokeskus.toml"), _corrected())
    kinds = {c.kind for c in result.changes}
    assert {ChangeKind.PURPOSE_ADDED, ChangeKind.LEGAL_BASIS_CHANGED, ChangeKind.COOKIE_ADDED,
            ChangeKind.RECIPIENT_ADDED, ChangeKind.PROCESSOR_ADDED, ChangeKind.TRANSFER_ADDED,
            ChangeKind.RETENTION_ADDED, ChangeKind.LANGUAGES_CHANGED} <= kinds
    assert result.material
    assert result.reconsent
    added = {c.path for c in result.changes if c.kind is ChangeKind.PURPOSE_ADDED}
    assert '$.registers["asiakasrekisteri"].purposes["uutiskirje"]' in added
    basis = next(c for c in result.changes if c.path.endswith('purposes["tilaukset"].legal_basis'))
    assert (None, "contract") == (basis.old, basis.new)
    assert ChangeClass.MATERIAL is basis.cls


def test_typo_in_the_address_is_editorial() -> None:
    """Fixing a typo in the street name changes nothing but wording: editorial, no re-consent, exit-worthy nothing."""
    new = _corrected()
    address = new.controller.address
    assert address is not None
    assert address.street is not None
    old = attrs.evolve(new, controller=attrs.evolve(new.controller, address=attrs.evolve(
        address, street=address.street.replace("Tieteenkatu", "Tietenkatu"))))
    result = diff(old, new)
    assert [(ChangeKind.TEXT_CHANGED, ChangeClass.EDITORIAL, "$.controller.address.street")] == [
        (c.kind, c.cls, c.path) for c in result.changes]
    assert not result.material
    assert not result.reconsent


@pytest.mark.parametrize(("before", "after"), [("18 A 59", "20 A 59"), ("18 A 59", "18 B 59")])
def test_moving_house_is_information(before: str, after: str) -> None:
    """A different street number or staircase is a new address: information, not editorial."""
    new = _corrected()
    address = new.controller.address
    assert address is not None
    assert address.street is not None
    old = attrs.evolve(new, controller=attrs.evolve(new.controller, address=attrs.evolve(
        address, street=address.street.replace(before, after))))
    assert [ChangeClass.INFORMATION] == [c.cls for c in diff(old, new).changes]


def test_new_marketing_cookie_is_material_and_asks_again() -> None:
    """A new marketing cookie changes what consent is about: material, consent-relevant, re-consent."""
    old = _corrected()
    pixel = Cookie(name="_ttp", provider="TikTok Technology Limited", party=Party.FIRST,
                   category=CookieCategory.MARKETING, purpose=LocalizedText(fi="TikTok-pikseli"))
    new = attrs.evolve(old, cookies=(*old.cookies, pixel))
    result = diff(old, new)
    assert [(ChangeKind.COOKIE_ADDED, ChangeClass.MATERIAL, True)] == [
        (c.kind, c.cls, c.consent_relevant) for c in result.changes]
    assert result.reconsent


def test_new_necessary_cookie_is_information() -> None:
    """A necessary cookie needs no consent: telling visitors is enough."""
    old = _corrected()
    new = attrs.evolve(old, cookies=(*old.cookies, Cookie(name="lang", category=CookieCategory.NECESSARY)))
    result = diff(old, new)
    assert [ChangeClass.INFORMATION] == [c.cls for c in result.changes]
    assert not result.reconsent


def test_legal_basis_change_is_material() -> None:
    """GDPR 13(3) territory: changing a purpose's legal basis is material."""
    old = _corrected()
    reg = old.registers[0]
    purposes = tuple(attrs.evolve(p, legal_basis=LegalBasis.LEGITIMATE_INTERESTS) if p.key == "uutiskirje" else p
                     for p in reg.purposes)
    new = attrs.evolve(old, registers=(attrs.evolve(reg, purposes=purposes),))
    change, = diff(old, new).changes
    assert (ChangeKind.LEGAL_BASIS_CHANGED, ChangeClass.MATERIAL, "consent", "legitimate_interests") == (
        change.kind, change.cls, change.old, change.new)


def test_the_record_part_and_directives_are_not_compared() -> None:
    """The internal [record] part is never published: changing it is no change to the statement."""
    from rekisterikit.model import ProcessingRecord

    old = _corrected()
    new = attrs.evolve(old, record=ProcessingRecord(security=LocalizedText(fi="Salaisia turvatoimia")))
    assert () == diff(old, new).changes
    assert old.version == new.version


def test_json_shape() -> None:
    """as_dict has changes (kind, class, path, old, new) and reconsent."""
    data = diff(load(EXAMPLES / "kalvokeskus.toml"), _corrected()).as_dict()
    assert {"kind", "class", "path", "old", "new", "consent_relevant"} == set(data["changes"][0])
    assert data["reconsent"] is True
    assert "material" == data["class"]


@settings(max_examples=40, deadline=None)
@given(statements())
def test_a_statement_against_itself_is_empty(statement: Statement) -> None:
    """diff(s, s) has no changes and asks no one again."""
    result = diff(statement, statement)
    assert () == result.changes
    assert not result.reconsent


def _shuffled(statement: Statement, rnd: st.DataObject) -> Statement:
    def perm(items: tuple[T, ...]) -> tuple[T, ...]:
        return tuple(rnd.draw(st.permutations(items))) if items else items

    def maybe(items: tuple[T, ...] | None) -> tuple[T, ...] | None:
        return None if items is None else perm(items)

    registers = tuple(attrs.evolve(r, purposes=perm(r.purposes), data_categories=perm(r.data_categories),
                                   sources=perm(r.sources), retention=perm(r.retention),
                                   recipients=maybe(r.recipients), transfers=maybe(r.transfers))
                      for r in perm(statement.registers))
    return attrs.evolve(statement, registers=registers, cookies=perm(statement.cookies))


@settings(max_examples=40, deadline=None)
@given(statements(), statements(), st.data())
def test_classification_is_stable_under_reordering(a: Statement, b: Statement, data: st.DataObject) -> None:
    """Reordering the lists of either statement gives the same changes, classes and re-consent."""
    expected = diff(a, b)
    actual = diff(_shuffled(a, data), _shuffled(b, data))
    assert [(c.kind, c.cls, c.path) for c in expected.changes] == [(c.kind, c.cls, c.path) for c in actual.changes]
    assert expected.reconsent == actual.reconsent

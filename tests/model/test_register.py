"""Registers keep their internal references consistent; deficient content stays representable."""

from __future__ import annotations

import pytest

from rekisterikit.model import (
    DataCategory,
    LegalBasis,
    LocalizedText,
    Purpose,
    Recipient,
    Register,
    Retention,
)

T = LocalizedText(fi="x")


def _register(**kwargs: object) -> Register:
    return Register(key="asiakkaat", name=LocalizedText(fi="Asiakasrekisteri"), **kwargs)  # type: ignore[arg-type]


def test_deficient_register_is_representable() -> None:
    """A purpose without legal basis and a register silent on recipients and transfers construct fine."""
    register = _register(purposes=(Purpose(key="orders", description=T),))
    assert register.purposes[0].legal_basis is None
    assert register.recipients is None
    assert register.transfers is None


def test_unknown_references_are_rejected_with_their_place() -> None:
    """References to purposes or data categories that do not exist name the field and the key."""
    with pytest.raises(ValueError, match=r"purposes\[0\]\.data_categories: unknown data category 'email'"):
        _register(purposes=(Purpose(key="orders", description=T, data_categories=("email",)),))
    with pytest.raises(ValueError, match=r"recipients\[0\]\.purposes: unknown purpose 'ads'"):
        _register(recipients=(Recipient(name="Posti Oy", purposes=("ads",)),))
    with pytest.raises(ValueError, match=r"retention\[0\]\.purposes: unknown purpose 'x'"):
        _register(retention=(Retention(purposes=("x",)),))


def test_repeated_keys_are_rejected() -> None:
    """Two purposes or categories with the same key are malformed."""
    with pytest.raises(ValueError, match="repeated key orders"):
        _register(purposes=(Purpose(key="orders", description=T), Purpose(key="orders", description=T)))
    with pytest.raises(ValueError, match="repeated key name"):
        _register(data_categories=(DataCategory(key="name", name=T), DataCategory(key="name", name=T)))


def test_keys_are_slugs() -> None:
    """Keys must be lower-case slugs so they work in paths, ids and URLs."""
    with pytest.raises(ValueError, match="invalid key"):
        Purpose(key="Orders!", description=T)


def test_recipient_needs_name_or_category() -> None:
    """A recipient with neither a name nor a category says nothing and is rejected."""
    with pytest.raises(ValueError, match="name or a category"):
        Recipient()
    assert "Kuljetusyhtiöt" == Recipient(category=LocalizedText(fi="Kuljetusyhtiöt")).label


def test_retention_for_a_purpose() -> None:
    """A purpose is covered by rules naming it, naming one of its categories, or naming nothing."""
    orders = Purpose(key="orders", description=T, legal_basis=LegalBasis.CONTRACT, data_categories=("address",))
    ads = Purpose(key="ads", description=T)
    by_purpose = Retention(purposes=("orders",), criteria=T)
    by_category = Retention(data_categories=("address",), criteria=T)
    register = _register(purposes=(orders, ads), data_categories=(DataCategory(key="address", name=T),),
                         retention=(by_purpose, by_category))
    assert (by_purpose, by_category) == register.retention_for(orders)
    assert () == register.retention_for(ads)
    general = Retention(criteria=T)
    assert (general,) == _register(purposes=(ads,), retention=(general,)).retention_for(ads)
    assert ads == _register(purposes=(ads,)).purpose("ads")


def test_retention_period_cannot_be_session() -> None:
    """'session' is a cookie lifetime, not a retention period."""
    from rekisterikit.model import Duration

    with pytest.raises(ValueError, match="session"):
        Retention(period=Duration(session=True))

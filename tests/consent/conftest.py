"""Fixtures for the consent tests: the test shop's statement, a config, a fixed clock and a memory store."""

from __future__ import annotations

import pytest

from rekisterikit.consent import ConsentConfig, ConsentService, MemoryConsentStore
from rekisterikit.model import Statement
from tests.consent.shop import SECRET, Clock, shop_statement


@pytest.fixture
def statement() -> Statement:
    """The test shop's statement."""
    return shop_statement()


@pytest.fixture
def config() -> ConsentConfig:
    """A consent config with the test secret."""
    return ConsentConfig(secret=SECRET)


@pytest.fixture
def clock() -> Clock:
    """A clock fixed at 2026-03-01 12:00 UTC."""
    return Clock()


@pytest.fixture
def store() -> MemoryConsentStore:
    """An empty in-memory consent store."""
    return MemoryConsentStore()


@pytest.fixture
def service(statement: Statement, config: ConsentConfig, store: MemoryConsentStore, clock: Clock) -> ConsentService:
    """A consent service over the test shop, recording into the memory store."""
    return ConsentService(statement, config, store, clock=clock)

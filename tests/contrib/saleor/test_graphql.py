"""Every GraphQL document of the adapter is valid against Saleor 3.24's real schema."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, OperationDefinitionNode, parse, validate

from rekisterikit.contrib.saleor import graphql as documents


@pytest.mark.parametrize("name", sorted(documents.DOCUMENTS))
def test_document_is_valid_against_saleor_schema(schema: GraphQLSchema, name: str) -> None:
    """The document parses and graphql-core finds no validation error against Saleor's schema."""
    assert [] == [e.message for e in validate(schema, parse(documents.DOCUMENTS[name]))]


@pytest.mark.parametrize("name", sorted(documents.DOCUMENTS))
def test_document_is_one_named_operation(name: str) -> None:
    """Each document is exactly one operation with a Rekisterikit… name, easy to find in Saleor's logs."""
    definitions = parse(documents.DOCUMENTS[name]).definitions
    assert 1 == len(definitions)
    operation = definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    assert operation.name is not None
    assert operation.name.value.startswith("Rekisterikit")


def test_every_public_document_is_listed() -> None:
    """Each document constant of the module is in DOCUMENTS, so none escapes validation."""
    constants = {name for name in documents.__all__ if isinstance(getattr(documents, name), str)
                 and "{" in getattr(documents, name)}
    assert constants == set(documents.DOCUMENTS)


@pytest.mark.parametrize("event", sorted(documents.SUBSCRIPTIONS))
def test_subscription_asks_for_type_time_and_recipient(schema: GraphQLSchema, event: str) -> None:
    """Each webhook query is a subscription asking for __typename, issuedAt and recipient, the checks' inputs."""
    query = documents.SUBSCRIPTIONS[event]
    operation = parse(query).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    assert "subscription" == operation.operation.value
    for needed in ("__typename", "issuedAt", "recipient {"):
        assert needed in query
    type_name = "".join(part.capitalize() for part in event.split("_"))
    assert f"... on {type_name} {{" in query
    assert schema.get_type(type_name) is not None


def test_subscriptions_ask_for_no_email() -> None:
    """Webhooks carry no e-mail address: the adapter only needs the customer's ID (data minimisation)."""
    assert [] == [e for e, q in documents.SUBSCRIPTIONS.items() if "email" in q]

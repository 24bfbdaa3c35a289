"""Every GraphQL document the Saleor adapter sends, in one place.

The tests validate each of them against Saleor's schema with graphql-core, so a field renamed or removed in Saleor
fails the test suite rather than a shop's installation. Documents are named operations (``Rekisterikit…``) so they
are easy to find in Saleor's logs. Webhook subscription queries ask for the event's ``__typename`` (the event type,
inside the signed payload rather than only in an unsigned header), ``issuedAt`` (to refuse stale or replayed
deliveries) and ``recipient { id }`` (to refuse deliveries meant for another app), and for no personal data beyond
the customer's ID and the rekisterikit metadata keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "ACCOUNT_DELETED_SUBSCRIPTION",
    "APP_ID",
    "CHECKOUT",
    "CUSTOMER_CREATED_SUBSCRIPTION",
    "CUSTOMER_DELETED_SUBSCRIPTION",
    "DOCUMENTS",
    "ME",
    "METADATA_PREFIX",
    "PAGE_BY_SLUG",
    "PAGE_CREATE",
    "PAGE_TRANSLATE",
    "PAGE_TYPES_BY_SLUG",
    "PAGE_TYPE_CREATE",
    "PAGE_UPDATE",
    "SUBSCRIPTIONS",
    "UPDATE_METADATA",
]

#: Every metadata key the adapter writes starts with this prefix.
METADATA_PREFIX = "rekisterikit."

_ERRORS = "errors { field message code }"

#: The installed app's own ID; used during installation to check that the token works.
APP_ID = """
query RekisterikitAppId {
  app {
    id
    identifier
  }
}
"""

#: The logged-in customer, asked with the customer's own access token (never trusted from the browser).
ME = """
query RekisterikitMe {
  me {
    id
  }
}
"""

#: A checkout by ID, to check that a guest's checkout exists before writing its metadata.
CHECKOUT = """
query RekisterikitCheckout($id: ID!) {
  checkout(id: $id) {
    id
  }
}
"""

#: Write public metadata on any object (a ``User``, a ``Checkout`` or a ``Page``).
UPDATE_METADATA = f"""
mutation RekisterikitUpdateMetadata($id: ID!, $input: [MetadataInput!]!) {{
  updateMetadata(id: $id, input: $input) {{
    {_ERRORS}
    item {{
      metadata {{
        key
        value
      }}
    }}
  }}
}}
"""

#: The statement page, with the metadata that says which statement version it shows.
PAGE_BY_SLUG = """
query RekisterikitPage($slug: String!) {
  page(slug: $slug) {
    id
    slug
    title
    isPublished
    metafields(keys: ["rekisterikit.version", "rekisterikit.digest", "rekisterikit.languages"])
    pageType {
      id
      slug
    }
  }
}
"""

#: The page type the statement page belongs to.
PAGE_TYPES_BY_SLUG = """
query RekisterikitPageTypes($slug: String!) {
  pageTypes(first: 1, filter: {slugs: [$slug]}) {
    edges {
      node {
        id
        slug
      }
    }
  }
}
"""

PAGE_TYPE_CREATE = f"""
mutation RekisterikitPageTypeCreate($input: PageTypeCreateInput!) {{
  pageTypeCreate(input: $input) {{
    {_ERRORS}
    pageType {{
      id
      slug
    }}
  }}
}}
"""

PAGE_CREATE = f"""
mutation RekisterikitPageCreate($input: PageCreateInput!) {{
  pageCreate(input: $input) {{
    {_ERRORS}
    page {{
      id
      slug
    }}
  }}
}}
"""

PAGE_UPDATE = f"""
mutation RekisterikitPageUpdate($id: ID!, $input: PageInput!) {{
  pageUpdate(id: $id, input: $input) {{
    {_ERRORS}
    page {{
      id
      slug
    }}
  }}
}}
"""

PAGE_TRANSLATE = f"""
mutation RekisterikitPageTranslate($id: ID!, $languageCode: LanguageCodeEnum!, $input: PageTranslationInput!) {{
  pageTranslate(id: $id, languageCode: $languageCode, input: $input) {{
    {_ERRORS}
    page {{
      id
    }}
  }}
}}
"""

_EVENT = """
    __typename
    issuedAt
    recipient {
      id
    }"""

#: ``CUSTOMER_CREATED``: links the consent id the storefront put in the new account's metadata.
CUSTOMER_CREATED_SUBSCRIPTION = f"""
subscription RekisterikitCustomerCreated {{
  event {{{_EVENT}
    ... on CustomerCreated {{
      user {{
        id
        metafields(keys: ["rekisterikit.consent_id"])
      }}
    }}
  }}
}}
"""

#: ``CUSTOMER_DELETED`` (a staff member or an app deleted the customer): erase the customer's consent records.
CUSTOMER_DELETED_SUBSCRIPTION = f"""
subscription RekisterikitCustomerDeleted {{
  event {{{_EVENT}
    ... on CustomerDeleted {{
      user {{
        id
      }}
    }}
  }}
}}
"""

#: ``ACCOUNT_DELETED`` (the customer deleted their own account): erase the customer's consent records.
ACCOUNT_DELETED_SUBSCRIPTION = f"""
subscription RekisterikitAccountDeleted {{
  event {{{_EVENT}
    ... on AccountDeleted {{
      user {{
        id
      }}
    }}
  }}
}}
"""

#: The webhooks of the manifest: Saleor event -> subscription query.
SUBSCRIPTIONS: Mapping[str, str] = MappingProxyType({
    "CUSTOMER_CREATED": CUSTOMER_CREATED_SUBSCRIPTION,
    "CUSTOMER_DELETED": CUSTOMER_DELETED_SUBSCRIPTION,
    "ACCOUNT_DELETED": ACCOUNT_DELETED_SUBSCRIPTION,
})

#: Every document by a short name; the tests validate all of them against Saleor's schema.
DOCUMENTS: Mapping[str, str] = MappingProxyType({
    "APP_ID": APP_ID,
    "ME": ME,
    "CHECKOUT": CHECKOUT,
    "UPDATE_METADATA": UPDATE_METADATA,
    "PAGE_BY_SLUG": PAGE_BY_SLUG,
    "PAGE_TYPES_BY_SLUG": PAGE_TYPES_BY_SLUG,
    "PAGE_TYPE_CREATE": PAGE_TYPE_CREATE,
    "PAGE_CREATE": PAGE_CREATE,
    "PAGE_UPDATE": PAGE_UPDATE,
    "PAGE_TRANSLATE": PAGE_TRANSLATE,
    "CUSTOMER_CREATED_SUBSCRIPTION": CUSTOMER_CREATED_SUBSCRIPTION,
    "CUSTOMER_DELETED_SUBSCRIPTION": CUSTOMER_DELETED_SUBSCRIPTION,
    "ACCOUNT_DELETED_SUBSCRIPTION": ACCOUNT_DELETED_SUBSCRIPTION,
})

"""A fake Saleor for the adapter's end-to-end tests: a real HTTP server on 127.0.0.1 in a thread.

It does what the adapter relies on and checks what Saleor checks:

- ``POST /graphql/``: every request is parsed and validated against Saleor 3.24's real schema (``data/schema.graphql``)
  and executed with graphql-core against an in-memory store. Invalid documents are answered with errors *and*
  recorded in :attr:`FakeSaleor.invalid_requests`, which the fixtures assert to be empty. Mutations check the
  caller's permissions like Saleor's (``MANAGE_PAGES`` for ``pageCreate`` …).
- ``GET /.well-known/jwks.json``: the public signing keys, ``kid`` being the RFC 7638 thumbprint.
- :meth:`FakeSaleor.install_app` follows Saleor's install flow: fetch the manifest, validate it (permissions,
  webhook subscription queries against the schema and their events), then ``POST`` the app token to
  ``tokenTargetUrl`` with the ``Saleor-Api-Url``/``Saleor-Domain`` headers.
- Webhooks are generated as Saleor does: the subscription query of each webhook is executed with the event as its
  root, and the ``event`` object is sent, signed with PyJWT's ``api_jws.encode(payload, key, algorithm="RS256",
  headers={"kid": …, "crit": ["b64"]}, is_payload_detached=True)``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import json
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graphql import (
    GraphQLError,
    GraphQLResolveInfo,
    GraphQLSchema,
    build_schema,
    execute_sync,
    parse,
    validate,
)
from graphql.language import FieldNode, InlineFragmentNode, OperationDefinitionNode

SCHEMA_PATH = Path(__file__).parent / "data" / "schema.graphql"
SALEOR_VERSION = "3.24.0-a.0"

_PAGE_TYPE_PERMISSION = "MANAGE_PAGE_TYPES_AND_ATTRIBUTES"


class QuietHandler:
    """Werkzeug's request handler without the access log (the tests' output stays readable)."""

    @staticmethod
    def make() -> Any:
        from werkzeug.serving import WSGIRequestHandler

        class _Quiet(WSGIRequestHandler):
            def log(self, type: str, message: str, *args: Any) -> None:  # noqa: A002
                pass

        return _Quiet


def serve(app: Callable[..., Any]) -> tuple[Any, threading.Thread, str]:
    """Serve the WSGI ``app`` on 127.0.0.1 on a free port in a daemon thread; return server, thread and URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler.make())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="test-server",
                              daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_port}"


@cache
def saleor_schema() -> GraphQLSchema:
    """Saleor's schema, built once per test session (the file is about 1 MB)."""
    return build_schema(SCHEMA_PATH.read_text(encoding="utf-8"))


def global_id(type_name: str, pk: object) -> str:
    """A Saleor global ID: base64 of ``"Type:pk"``."""
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def id_type(gid: str) -> str | None:
    """The type name inside a global ID, or ``None`` when it is not one."""
    try:
        return base64.b64decode(gid, validate=True).decode().split(":", 1)[0]
    except (ValueError, UnicodeDecodeError):
        return None


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def rsa_thumbprint(jwk: Mapping[str, Any]) -> str:
    """The RFC 7638 thumbprint of an RSA JWK (the ``kid`` Saleor uses)."""
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True)
    return _b64url(hashlib.sha256(canonical.encode()).digest())


class SigningKey:
    """An RSA key pair as Saleor keeps it: the private key signs, the JWK is published with its thumbprint."""

    def __init__(self) -> None:
        from cryptography.hazmat.primitives.asymmetric import rsa
        from jwt.algorithms import RSAAlgorithm

        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        self.kid = rsa_thumbprint(jwk)
        self.jwk = {**jwk, "use": "sig", "kid": self.kid}

    def sign(self, payload: bytes) -> str:
        """A detached JWS over ``payload``, exactly as Saleor signs webhook payloads."""
        from jwt import api_jws

        return api_jws.encode(payload, self.private_key, algorithm="RS256",
                              headers={"kid": self.kid, "crit": ["b64"]}, is_payload_detached=True)


@dataclass
class Principal:
    """Who sent a GraphQL request: an app, a staff user, a customer, or nobody."""

    kind: str  # "app" | "staff" | "customer" | "anonymous"
    ident: str | None = None
    permissions: frozenset[str] = frozenset()


@dataclass
class GraphQLCall:
    """One GraphQL request as the fake received it."""

    operation: str | None
    variables: dict[str, Any]
    principal: Principal
    query: str


@dataclass
class Delivery:
    """One webhook delivery: what was sent and how the app answered."""

    event: str
    target_url: str
    body: bytes
    headers: dict[str, str]
    status: int
    response: bytes


@dataclass
class InstalledApp:
    """An app installed in the fake."""

    id: str
    token: str
    manifest: dict[str, Any]
    permissions: frozenset[str]
    webhooks: list[dict[str, Any]] = field(default_factory=list)


class SaleorGraphQLError(AssertionError):
    """The fake was asked something it does not know or that Saleor would refuse."""


class FakeSaleor:
    """The fake Saleor; use as a context manager or call :meth:`start` and :meth:`stop`."""

    def __init__(self, *, schema: GraphQLSchema | None = None) -> None:
        self.schema = schema or saleor_schema()
        self.keys = [SigningKey()]
        self.users: dict[str, dict[str, Any]] = {}
        self.checkouts: dict[str, dict[str, Any]] = {}
        self.pages: dict[str, dict[str, Any]] = {}
        self.page_types: dict[str, dict[str, Any]] = {}
        self.apps: dict[str, InstalledApp] = {}
        self.staff_tokens: dict[str, frozenset[str]] = {}
        self.customer_tokens: dict[str, str] = {}
        self.calls: list[GraphQLCall] = []
        self.mutations: list[str] = []
        self.invalid_requests: list[tuple[str, list[str]]] = []
        self.deliveries: list[Delivery] = []
        self.jwks_requests = 0
        self._ids = itertools.count(1)
        self._lock = threading.RLock()
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self.url = ""

    # -- server ------------------------------------------------------------------------------------------------

    def start(self) -> FakeSaleor:
        """Serve on 127.0.0.1 on a free port, in a daemon thread."""
        self._server, self._thread, self.url = serve(self.wsgi)
        return self

    def stop(self) -> None:
        """Stop the server."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSaleor:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        """The GraphQL endpoint, as Saleor sends it in ``Saleor-Api-Url``."""
        return f"{self.url}/graphql/"

    @property
    def domain(self) -> str:
        """The host (and port), as Saleor sends it in ``Saleor-Domain``."""
        return urlsplit(self.url).netloc

    def wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """The WSGI entry point."""
        from werkzeug.wrappers import Request, Response

        request = Request(environ)
        if request.path == "/.well-known/jwks.json" and request.method == "GET":
            with self._lock:
                self.jwks_requests += 1
                body = json.dumps({"keys": [k.jwk for k in self.keys]})
            response = Response(body, content_type="application/json")
        elif request.path == "/graphql/" and request.method == "POST":
            status, payload = self.handle_graphql(request.get_data(), request.headers.get("Authorization"))
            response = Response(json.dumps(payload), status=status, content_type="application/json")
        else:
            response = Response("not found", status=404)
        return response(environ, start_response)  # type: ignore[no-any-return]

    # -- GraphQL -----------------------------------------------------------------------------------------------

    def principal(self, authorization: str | None) -> Principal:
        """Who the ``Authorization`` header belongs to."""
        if not authorization or not authorization.startswith("Bearer "):
            return Principal("anonymous")
        token = authorization.removeprefix("Bearer ")
        with self._lock:
            for app in self.apps.values():
                if secrets.compare_digest(app.token, token):
                    return Principal("app", app.id, app.permissions)
            if token in self.staff_tokens:
                return Principal("staff", token, self.staff_tokens[token])
            if token in self.customer_tokens:
                return Principal("customer", self.customer_tokens[token])
        return Principal("anonymous")

    def handle_graphql(self, raw: bytes, authorization: str | None) -> tuple[int, dict[str, Any]]:
        """Validate and execute one GraphQL request; return the HTTP status and the response body."""
        try:
            body = json.loads(raw)
            query = body["query"]
            variables = body.get("variables") or {}
            operation = body.get("operationName")
        except (ValueError, KeyError, TypeError) as exc:
            self.invalid_requests.append((raw.decode(errors="replace"), [f"bad request body: {exc}"]))
            return 400, {"errors": [{"message": "bad request"}]}
        try:
            document = parse(query)
        except GraphQLError as exc:
            self.invalid_requests.append((query, [exc.message]))
            return 400, {"errors": [{"message": exc.message}]}
        errors = validate(self.schema, document)
        if errors:
            self.invalid_requests.append((query, [e.message for e in errors]))
            return 400, {"errors": [{"message": e.message} for e in errors]}
        principal = self.principal(authorization)
        names = [d.name.value for d in document.definitions if isinstance(d, OperationDefinitionNode) and d.name]
        self.calls.append(GraphQLCall(operation or (names[0] if len(names) == 1 else None), variables, principal,
                                      query))
        with self._lock:
            result = execute_sync(self.schema, document, variable_values=variables, operation_name=operation,
                                  context_value=principal, field_resolver=self._resolve)
        if result.data is None and result.errors:
            self.invalid_requests.append((query, [e.message for e in result.errors]))
            return 400, {"errors": [{"message": e.message} for e in result.errors]}
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [{"message": e.message, "path": e.path} for e in result.errors]
        return 200, payload

    def _resolve(self, source: Any, info: GraphQLResolveInfo, **args: Any) -> Any:
        parent = info.parent_type
        if parent is self.schema.query_type:
            handler = getattr(self, f"query_{info.field_name}", None)
        elif parent is self.schema.mutation_type:
            handler = getattr(self, f"mutation_{info.field_name}", None)
            if handler is not None:
                self.mutations.append(info.field_name)
        else:
            value = source.get(info.field_name) if isinstance(source, Mapping) else getattr(source, info.field_name)
            return value(info, **args) if callable(value) else value
        if handler is None:
            raise SaleorGraphQLError(f"the fake does not implement {parent.name}.{info.field_name}")
        return handler(info.context, **args)

    @staticmethod
    def _require(principal: Principal, permission: str) -> None:
        if permission not in principal.permissions:
            raise GraphQLError(f"You need one of the following permissions: {permission}")

    # -- views -------------------------------------------------------------------------------------------------

    @staticmethod
    def _metadata_fields(record: dict[str, Any]) -> dict[str, Any]:
        meta: dict[str, str] = record["metadata"]
        return {
            "metadata": lambda info: [{"key": k, "value": v} for k, v in meta.items()],
            "metafield": lambda info, key: meta.get(key),
            "metafields": lambda info, keys=None: {k: v for k, v in meta.items() if keys is None or k in keys},
            "privateMetadata": lambda info: [],
            "privateMetafield": lambda info, key: None,
            "privateMetafields": lambda info, keys=None: {},
        }

    def _app_view(self, app: InstalledApp) -> dict[str, Any]:
        return {"__typename": "App", "id": app.id, "identifier": app.manifest.get("id"), "name": app.manifest["name"],
                "isActive": True,
                **self._metadata_fields({"metadata": {}})}

    def _user_view(self, user: dict[str, Any]) -> dict[str, Any]:
        return {"__typename": "User", "id": user["id"], "email": user["email"], "isActive": True,
                **self._metadata_fields(user)}

    def _checkout_view(self, checkout: dict[str, Any]) -> dict[str, Any]:
        return {"__typename": "Checkout", "id": checkout["id"], "email": checkout.get("email"),
                **self._metadata_fields(checkout)}

    def _page_type_view(self, page_type: dict[str, Any]) -> dict[str, Any]:
        return {"__typename": "PageType", "id": page_type["id"], "name": page_type["name"],
                "slug": page_type["slug"], **self._metadata_fields(page_type)}

    def _page_view(self, page: dict[str, Any]) -> dict[str, Any]:
        def translation(info: GraphQLResolveInfo, languageCode: str) -> dict[str, Any] | None:
            tr = page["translations"].get(languageCode)
            if tr is None:
                return None
            return {"__typename": "PageTranslation", "id": global_id("PageTranslation", f"{page['pk']}-{languageCode}"),
                    "language": {"code": languageCode, "language": languageCode.lower()},
                    **tr, "contentJson": tr.get("content")}

        return {"__typename": "Page", "id": page["id"], "title": page["title"], "slug": page["slug"],
                "content": page["content"], "contentJson": page["content"] or "{}",
                "isPublished": page["isPublished"], "seoTitle": None, "seoDescription": None,
                "pageType": self._page_type_view(self.page_types[page["pageType"]]),
                "created": page["created"], "publishedAt": None, "translation": translation,
                **self._metadata_fields(page)}

    # -- queries -----------------------------------------------------------------------------------------------

    def query_app(self, principal: Principal, id: str | None = None) -> dict[str, Any] | None:  # noqa: A002
        if principal.kind != "app":
            return None
        app = self.apps[id or principal.ident or ""]
        return self._app_view(app)

    def query_me(self, principal: Principal) -> dict[str, Any] | None:
        if principal.kind != "customer" or principal.ident not in self.users:
            return None
        return self._user_view(self.users[principal.ident])

    def query_user(self, principal: Principal, id: str | None = None, email: str | None = None,  # noqa: A002
                   externalReference: str | None = None) -> dict[str, Any] | None:
        self._require(principal, "MANAGE_USERS")
        user = self.users.get(id or "")
        return self._user_view(user) if user else None

    def query_checkout(self, principal: Principal, id: str | None = None,  # noqa: A002
                       token: str | None = None) -> dict[str, Any] | None:
        checkout = self.checkouts.get(id or "")
        return self._checkout_view(checkout) if checkout else None

    def query_page(self, principal: Principal, id: str | None = None, slug: str | None = None,  # noqa: A002
                   **_: Any) -> dict[str, Any] | None:
        for page in self.pages.values():
            if (id is not None and page["id"] == id) or (slug is not None and page["slug"] == slug):
                if not page["isPublished"] and "MANAGE_PAGES" not in principal.permissions:
                    return None
                return self._page_view(page)
        return None

    def query_pageTypes(self, principal: Principal, filter: dict[str, Any] | None = None,  # noqa: A002
                        **_: Any) -> dict[str, Any]:
        slugs = (filter or {}).get("slugs")
        nodes = [self._page_type_view(pt) for pt in self.page_types.values() if slugs is None or pt["slug"] in slugs]
        return {"edges": [{"node": n, "cursor": n["id"]} for n in nodes], "totalCount": len(nodes),
                "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None, "endCursor": None}}

    # -- mutations ---------------------------------------------------------------------------------------------

    def mutation_pageTypeCreate(self, principal: Principal, input: dict[str, Any]) -> dict[str, Any]:  # noqa: A002
        self._require(principal, _PAGE_TYPE_PERMISSION)
        pk = next(self._ids)
        slug = input.get("slug") or str(input["name"]).lower().replace(" ", "-")
        if any(pt["slug"] == slug for pt in self.page_types.values()):
            return {"errors": [{"field": "slug", "message": "exists", "code": "UNIQUE"}], "pageType": None}
        gid = global_id("PageType", pk)
        self.page_types[gid] = {"id": gid, "name": input.get("name") or slug, "slug": slug, "metadata": {}}
        return {"errors": [], "pageType": self._page_type_view(self.page_types[gid])}

    @staticmethod
    def check_editorjs(content: str | None) -> None:
        """Refuse content that is not EditorJS JSON (Saleor's cleaner would reject or mangle it)."""
        if content is None:
            return
        data = json.loads(content)
        if not isinstance(data, dict) or not isinstance(data.get("blocks"), list):
            raise GraphQLError("content is not EditorJS data")
        for block in data["blocks"]:
            if block.get("type") not in {"paragraph", "header", "list", "quote", "table", "delimiter"}:
                raise GraphQLError(f"unsupported EditorJS block {block.get('type')!r}")
            if not isinstance(block.get("data"), dict):
                raise GraphQLError("EditorJS block without data")

    def mutation_pageCreate(self, principal: Principal, input: dict[str, Any]) -> dict[str, Any]:  # noqa: A002
        self._require(principal, "MANAGE_PAGES")
        if input["pageType"] not in self.page_types:
            return {"errors": [{"field": "pageType", "message": "not found", "code": "NOT_FOUND"}], "page": None}
        slug = input.get("slug") or str(input.get("title", "")).lower()
        if any(p["slug"] == slug for p in self.pages.values()):
            return {"errors": [{"field": "slug", "message": "exists", "code": "UNIQUE"}], "page": None}
        self.check_editorjs(input.get("content"))
        pk = next(self._ids)
        gid = global_id("Page", pk)
        self.pages[gid] = {"id": gid, "pk": pk, "slug": slug, "title": input.get("title") or "",
                           "content": input.get("content"), "isPublished": bool(input.get("isPublished")),
                           "pageType": input["pageType"], "metadata": {}, "translations": {},
                           "created": dt.datetime.now(dt.UTC).isoformat()}
        return {"errors": [], "page": self._page_view(self.pages[gid])}

    def mutation_pageUpdate(self, principal: Principal, id: str, input: dict[str, Any]) -> dict[str, Any]:  # noqa: A002
        self._require(principal, "MANAGE_PAGES")
        page = self.pages.get(id)
        if page is None:
            return {"errors": [{"field": "id", "message": "not found", "code": "NOT_FOUND"}], "page": None}
        self.check_editorjs(input.get("content"))
        for key in ("slug", "title", "content", "isPublished"):
            if key in input:
                page[key] = input[key]
        return {"errors": [], "page": self._page_view(page)}

    def mutation_pageTranslate(self, principal: Principal, id: str, input: dict[str, Any],  # noqa: A002
                               languageCode: str) -> dict[str, Any]:
        self._require(principal, "MANAGE_TRANSLATIONS")
        page = self.pages.get(id)
        if page is None:
            return {"errors": [{"field": "id", "message": "not found", "code": "NOT_FOUND"}], "page": None}
        self.check_editorjs(input.get("content"))
        page["translations"].setdefault(languageCode, {}).update(input)
        return {"errors": [], "page": {"__typename": "PageTranslatableContent",
                                       "id": global_id("PageTranslatableContent", page["pk"]),
                                       "pageId": page["id"], "title": page["title"], "slug": page["slug"]}}

    def _metadata_target(self, principal: Principal, gid: str) -> dict[str, Any] | None:
        kind = id_type(gid)
        if kind == "User":
            if not (principal.kind == "customer" and principal.ident == gid):
                self._require(principal, "MANAGE_USERS")
            return self.users.get(gid)
        if kind == "Checkout":
            self._require(principal, "MANAGE_CHECKOUTS")
            return self.checkouts.get(gid)
        if kind == "Page":
            self._require(principal, "MANAGE_PAGES")
            return self.pages.get(gid)
        raise GraphQLError(f"metadata of {kind} is not supported by the fake")

    def _metadata_item_view(self, gid: str, record: dict[str, Any]) -> dict[str, Any]:
        kind = id_type(gid)
        if kind == "User":
            return self._user_view(record)
        if kind == "Checkout":
            return self._checkout_view(record)
        return self._page_view(record)

    def mutation_updateMetadata(self, principal: Principal, id: str,  # noqa: A002
                                input: list[dict[str, str]]) -> dict[str, Any]:  # noqa: A002
        record = self._metadata_target(principal, id)
        if record is None:
            return {"errors": [{"field": "id", "message": "not found", "code": "NOT_FOUND"}], "item": None}
        for item in input:
            record["metadata"][item["key"]] = item["value"]
        return {"errors": [], "item": self._metadata_item_view(id, record)}

    def mutation_deleteMetadata(self, principal: Principal, id: str, keys: list[str]) -> dict[str, Any]:  # noqa: A002
        record = self._metadata_target(principal, id)
        if record is None:
            return {"errors": [{"field": "id", "message": "not found", "code": "NOT_FOUND"}], "item": None}
        for key in keys:
            record["metadata"].pop(key, None)
        return {"errors": [], "item": self._metadata_item_view(id, record)}

    # -- shop data ---------------------------------------------------------------------------------------------

    def staff_token(self, *permissions: str) -> str:
        """A token of a staff user with ``permissions``."""
        token = secrets.token_urlsafe(24)
        self.staff_tokens[token] = frozenset(permissions)
        return token

    def customer_token(self, user_id: str) -> str:
        """An access token of the customer ``user_id`` (what ``tokenCreate`` returns to a storefront)."""
        token = secrets.token_urlsafe(24)
        self.customer_tokens[token] = user_id
        return token

    def create_checkout(self) -> str:
        """A guest checkout; returns its ID."""
        gid = global_id("Checkout", "7c2e5a84-0000-4000-8000-" + f"{next(self._ids):012d}")
        self.checkouts[gid] = {"id": gid, "metadata": {}}
        return gid

    def create_customer(self, email: str, *, metadata: Mapping[str, str] | None = None) -> str:
        """Create a customer (as ``accountRegister`` does) and send ``CUSTOMER_CREATED``; returns the user ID."""
        gid = global_id("User", next(self._ids))
        self.users[gid] = {"id": gid, "email": email, "metadata": dict(metadata or {})}
        self.trigger("CUSTOMER_CREATED", user=self._user_view(self.users[gid]))
        return gid

    def delete_customer(self, user_id: str, *, event: str = "CUSTOMER_DELETED") -> list[Delivery]:
        """Delete a customer and send ``event`` (``CUSTOMER_DELETED`` or ``ACCOUNT_DELETED``) about them."""
        view = self._user_view(self.users[user_id])
        deliveries = self.trigger(event, user=view)
        del self.users[user_id]
        return deliveries

    # -- apps and webhooks ---------------------------------------------------------------------------------------

    def _check_manifest(self, manifest: Mapping[str, Any]) -> None:
        for key in ("id", "version", "name", "tokenTargetUrl"):
            if not isinstance(manifest.get(key), str) or not manifest[key]:
                raise SaleorGraphQLError(f"manifest: missing {key}")
        permission_enum = self.schema.get_type("PermissionEnum")
        known = set(permission_enum.values)  # type: ignore[union-attr]
        unknown = set(manifest.get("permissions", [])) - known
        if unknown:
            raise SaleorGraphQLError(f"manifest: unknown permissions {sorted(unknown)}")
        async_events = set(self.schema.get_type("WebhookEventTypeAsyncEnum").values)  # type: ignore[union-attr]
        for webhook in manifest.get("webhooks", []):
            events = webhook.get("asyncEvents", [])
            if not events or set(events) - async_events:
                raise SaleorGraphQLError(f"manifest: webhook {webhook.get('name')} has bad events {events}")
            if not urlsplit(webhook["targetUrl"]).scheme:
                raise SaleorGraphQLError("manifest: webhook targetUrl must be absolute")
            document = parse(webhook["query"])
            errors = validate(self.schema, document)
            if errors:
                raise SaleorGraphQLError(f"manifest: invalid subscription query: {[e.message for e in errors]}")
            operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
            if operation.operation.value != "subscription":
                raise SaleorGraphQLError("manifest: webhook query is not a subscription")
            event_field = operation.selection_set.selections[0]
            assert isinstance(event_field, FieldNode)
            assert "event" == event_field.name.value
            assert event_field.selection_set is not None
            fragments = {s.type_condition.name.value for s in event_field.selection_set.selections
                         if isinstance(s, InlineFragmentNode) and s.type_condition is not None}
            wanted = {"".join(p.capitalize() for p in e.split("_")) for e in events}
            if not wanted <= fragments:
                raise SaleorGraphQLError(f"manifest: subscription query lacks fragments for {wanted - fragments}")

    def install_app(self, manifest_url: str, *, grant: Iterable[str] | None = None) -> InstalledApp:
        """Install an app from its manifest URL, as Saleor's ``appInstall`` does; returns the installed app.

        Args:
            manifest_url: where the manifest is served.
            grant: the permissions the staff member grants (default: all the manifest asks for).

        Raises:
            SaleorGraphQLError: the manifest is invalid or the app refused the token.
        """
        with urllib.request.urlopen(manifest_url, timeout=10) as response:
            manifest = json.load(response)
        self._check_manifest(manifest)
        app_id = global_id("App", next(self._ids))
        permissions = frozenset(manifest.get("permissions", []) if grant is None else grant)
        app = InstalledApp(id=app_id, token=secrets.token_urlsafe(30), manifest=manifest, permissions=permissions,
                           webhooks=[dict(w) for w in manifest.get("webhooks", []) if w.get("isActive", True)])
        with self._lock:
            self.apps[app_id] = app
        status, body = self.post(manifest["tokenTargetUrl"], json.dumps({"auth_token": app.token}).encode(),
                                 {"Content-Type": "application/json", "Saleor-Api-Url": self.api_url,
                                  "Saleor-Domain": self.domain})
        if status != 200:
            with self._lock:
                del self.apps[app_id]
            raise SaleorGraphQLError(f"the app refused the installation: {status} {body!r}")
        return app

    def add_app(self, manifest: dict[str, Any], *, permissions: Iterable[str] = ()) -> InstalledApp:
        """Install another app without telling it its token (e.g. a second app of the shop, or an attacker's)."""
        app = InstalledApp(id=global_id("App", next(self._ids)), token=secrets.token_urlsafe(30), manifest=manifest,
                           permissions=frozenset(permissions))
        with self._lock:
            self.apps[app.id] = app
        return app

    def uninstall_app(self, app: InstalledApp) -> None:
        """Uninstall ``app``, as Saleor's ``appDelete`` does: its token stops working."""
        with self._lock:
            del self.apps[app.id]

    def event_payload(self, query: str, event: str, recipient: InstalledApp, **objects: Any) -> bytes:
        """Execute a subscription ``query`` for ``event`` and return the body Saleor would send."""
        type_name = "".join(p.capitalize() for p in event.split("_"))
        root = {"event": {"__typename": type_name, "issuedAt": dt.datetime.now(dt.UTC).isoformat(),
                          "version": SALEOR_VERSION, "issuingPrincipal": None,
                          "recipient": self._app_view(recipient), **objects}}
        result = execute_sync(self.schema, parse(query), root_value=root, context_value=Principal("app", recipient.id,
                              recipient.permissions), field_resolver=self._resolve)
        assert not result.errors, result.errors
        assert result.data is not None
        return json.dumps(result.data["event"]).encode()

    def headers_for(self, event: str, body: bytes, *, key: SigningKey | None = None) -> dict[str, str]:
        """The headers Saleor sends with a webhook, signature included."""
        return {"Content-Type": "application/json", "Saleor-Event": event.lower(), "Saleor-Domain": self.domain,
                "Saleor-Api-Url": self.api_url, "Saleor-Schema-Version": "3.24",
                "Saleor-Signature": (key or self.keys[-1]).sign(body)}

    def trigger(self, event: str, **objects: Any) -> list[Delivery]:
        """Send ``event`` to every installed app subscribed to it; returns the deliveries."""
        deliveries = []
        for app in list(self.apps.values()):
            for webhook in app.webhooks:
                if event not in webhook.get("asyncEvents", []):
                    continue
                body = self.event_payload(webhook["query"], event, app, **objects)
                headers = self.headers_for(event, body)
                status, response = self.post(webhook["targetUrl"], body, headers)
                delivery = Delivery(event, webhook["targetUrl"], body, headers, status, response)
                self.deliveries.append(delivery)
                deliveries.append(delivery)
        return deliveries

    def rotate_key(self) -> SigningKey:
        """Start signing with a new key (the old one stays published, as during a rotation)."""
        key = SigningKey()
        self.keys.append(key)
        return key

    @staticmethod
    def post(url: str, body: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
        """POST ``body`` to ``url``; return the status and the response body (errors included)."""
        request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, exc.read()

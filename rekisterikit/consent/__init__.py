"""Cookie consent: what the visitor agreed to, provably, bound to the statement version.

Import it as ``rekisterikit.consent`` (it is not re-exported from :mod:`rekisterikit`, which stays light)::

    from rekisterikit.consent import ConsentConfig, ConsentService, SQLiteConsentStore

    service = ConsentService(statement, ConsentConfig(secret=SECRET_KEY), SQLiteConsentStore("consent.sqlite3"))
    state = service.read(request_cookies, request_headers)        # ConsentState or None: show the banner
    decision = service.decide(form, cookies=…, headers=…, locale="fi")

See the consent guide in the documentation for the cookie format, the re-consent rule, GPC, Consent Mode and the
consent log.
"""

from rekisterikit.consent.banner import (
    SETTINGS_LAYER_HEADERS,
    deferred_script,
    render_banner,
    render_banner_placeholder,
    render_settings,
    render_settings_layer,
    reopen_link,
    static_file,
    static_tags,
)
from rekisterikit.consent.codec import ConsentCodec, derive_key
from rekisterikit.consent.consent_mode import consent_mode, consent_mode_script
from rekisterikit.consent.embeds import render_embed
from rekisterikit.consent.gpc import gpc_signal
from rekisterikit.consent.proof import consent_receipt, export_proof, export_proof_json
from rekisterikit.consent.record import ConsentRecord
from rekisterikit.consent.service import (
    FIELD_ACTION,
    FIELD_CATEGORY,
    FIELD_NEXT,
    FIELD_SERVICE,
    FIELD_SOURCE,
    ConsentAction,
    ConsentConfig,
    ConsentService,
    Decision,
    SetCookie,
    parse_cookie_header,
    parse_form,
    parse_services,
    safe_next,
)
from rekisterikit.consent.services import Service, services_of
from rekisterikit.consent.sqlite import SQLiteConsentStore
from rekisterikit.consent.state import (
    OPTIONAL_CATEGORIES,
    ConsentMethod,
    ConsentState,
    consent_fingerprint,
    offered_categories,
)
from rekisterikit.consent.store import ConsentStore, MemoryConsentStore, StatementArchive, TextsArchive
from rekisterikit.consent.texts import banner_texts, texts_hash
from rekisterikit.errors import ConsentError

__all__ = [
    "FIELD_ACTION",
    "FIELD_CATEGORY",
    "FIELD_NEXT",
    "FIELD_SERVICE",
    "FIELD_SOURCE",
    "OPTIONAL_CATEGORIES",
    "SETTINGS_LAYER_HEADERS",
    "ConsentAction",
    "ConsentCodec",
    "ConsentConfig",
    "ConsentError",
    "ConsentMethod",
    "ConsentRecord",
    "ConsentService",
    "ConsentState",
    "ConsentStore",
    "Decision",
    "MemoryConsentStore",
    "SQLiteConsentStore",
    "Service",
    "SetCookie",
    "StatementArchive",
    "TextsArchive",
    "banner_texts",
    "consent_fingerprint",
    "consent_mode",
    "consent_mode_script",
    "consent_receipt",
    "deferred_script",
    "derive_key",
    "export_proof",
    "export_proof_json",
    "gpc_signal",
    "offered_categories",
    "parse_cookie_header",
    "parse_form",
    "parse_services",
    "render_banner",
    "render_banner_placeholder",
    "render_embed",
    "render_settings",
    "render_settings_layer",
    "reopen_link",
    "safe_next",
    "services_of",
    "static_file",
    "static_tags",
    "texts_hash",
]

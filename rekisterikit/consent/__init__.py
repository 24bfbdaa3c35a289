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
    deferred_script,
    render_banner,
    render_settings,
    reopen_link,
    static_file,
    static_tags,
)
from rekisterikit.consent.codec import ConsentCodec, derive_key
from rekisterikit.consent.consent_mode import consent_mode, consent_mode_script
from rekisterikit.consent.gpc import gpc_signal
from rekisterikit.consent.proof import consent_receipt, export_proof, export_proof_json
from rekisterikit.consent.record import ConsentRecord
from rekisterikit.consent.service import (
    FIELD_ACTION,
    FIELD_CATEGORY,
    FIELD_NEXT,
    FIELD_SOURCE,
    ConsentAction,
    ConsentConfig,
    ConsentService,
    Decision,
    SetCookie,
    parse_cookie_header,
    parse_form,
    safe_next,
)
from rekisterikit.consent.sqlite import SQLiteConsentStore
from rekisterikit.consent.state import (
    OPTIONAL_CATEGORIES,
    ConsentMethod,
    ConsentState,
    consent_fingerprint,
    offered_categories,
)
from rekisterikit.consent.store import ConsentStore, MemoryConsentStore, StatementArchive
from rekisterikit.errors import ConsentError

__all__ = [
    "FIELD_ACTION",
    "FIELD_CATEGORY",
    "FIELD_NEXT",
    "FIELD_SOURCE",
    "OPTIONAL_CATEGORIES",
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
    "SetCookie",
    "StatementArchive",
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
    "render_banner",
    "render_settings",
    "reopen_link",
    "safe_next",
    "static_file",
    "static_tags",
]

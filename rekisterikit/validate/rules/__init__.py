"""The built-in rules; importing this package registers them in :data:`~rekisterikit.validate.REGISTRY`."""

from rekisterikit.validate.rules import (  # noqa: F401 - imported for their registrations
    bases,
    clarity,
    consent_texts,
    controller,
    cookies,
    information,
    language_mismatch,
    marketing,
    misc,
    not_stated,
    purpose_recipients,
    records,
    retention,
    rights,
    transfers,
)

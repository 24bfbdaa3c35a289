"""RK-CONSENT-TEXTS: the shop's own banner texts may not drop the reject option or the purposes."""

from __future__ import annotations

from rekisterikit import loads
from rekisterikit.validate import validate

BASE = '[controller]\nname = "Esimerkki Oy"\nemail = "a@esimerkki.fi"\n'


def _findings(texts: str) -> list[tuple[str, str]]:
    report = validate(loads(BASE + texts), select=["RK-CONSENT-TEXTS"])
    return [(f.path, f.message.en or "") for f in report.findings]


def test_an_empty_reject_button_and_an_empty_purpose_are_errors() -> None:
    """Emptying the reject button's text or a category's purpose is reported at the key, in the message language."""
    found = _findings('[consent.texts.fi]\nreject_all = " "\nmarketing = ""\n')
    assert ["$.consent.texts.fi.marketing", "$.consent.texts.fi.reject_all"] == sorted(p for p, _ in found)
    assert "the “reject all” button's text is empty" in dict(found)["$.consent.texts.fi.reject_all"]


def test_a_reject_button_that_reads_like_accept_or_settings_is_an_error() -> None:
    """A "reject" label equal to the accept or the settings label is no reject option."""
    assert ["$.consent.texts.en.reject_all", "$.consent.texts.sv.reject_all"] == sorted(p for p, _ in _findings(
        '[consent.texts.sv]\naccept_all = "OK"\nreject_all = "ok"\n'
        '[consent.texts.en]\ncustomize = "Settings"\nreject_all = "Settings"\n'))


def test_own_texts_that_keep_both_options_pass() -> None:
    """Clear own texts, and no [consent] table at all, give no finding."""
    assert [] == _findings('[consent.texts.fi]\naccept_all = "Sallin kaikki"\nreject_all = "Kieltäydyn"\n')
    assert [] == _findings("")

"""Tests of rekisterikit.render.catalogs: the library's catalogs are complete, and the maintenance commands work."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from rekisterikit.render import catalogs

ROOT = catalogs.package_dir()


def test_shipped_catalogs_are_complete_and_current() -> None:
    """Every message in the code is in the .pot and translated (not fuzzy) in fi, sv and en, with the same
    placeholders, and every .mo file matches its .po file."""
    assert [] == [str(p) for p in catalogs.check()]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_shipped_catalogs_compile_and_translate_every_message(lang: str) -> None:
    """Each .po file compiles; the compiled catalog has a non-empty translation for every extracted message."""
    po_path = ROOT / "locale" / lang / "LC_MESSAGES" / "rekisterikit.po"
    with po_path.open("rb") as f:
        po = read_po(f, locale=lang)
    compiled = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string
                for m in read_mo(io.BytesIO(catalogs._render_mo(po))) if m.id}
    extracted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogs.extract() if m.id}
    assert extracted, "no messages extracted"
    assert [] == sorted(str(k) for k in extracted if not compiled.get(k))


def _fake_package(tmp_path: Path, code: str) -> Path:
    root = tmp_path / "rekisterikit"
    root.mkdir()
    (root / "mod.py").write_text(code, encoding="utf-8")
    (root / "contrib").mkdir()
    (root / "contrib" / "ignored.py").write_text('gettext("framework string", locale="fi")\n', encoding="utf-8")
    return root


def _po(root: Path, lang: str) -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / "rekisterikit.po"


def _translate(root: Path, lang: str, msgid: str, msgstr: str) -> None:
    path = _po(root, lang)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"'),
                    encoding="utf-8")


def test_update_creates_merges_and_preserves_translations(tmp_path: Path) -> None:
    """update creates the catalogs, keeps translations of surviving messages, adds new ones untranslated
    (English pre-filled), drops removed ones, skips contrib/, and compiles."""
    root = _fake_package(tmp_path, 'gettext("Hello", locale=x)\nt.gettext("Bye")\n')
    catalogs.update(root)
    _translate(root, "fi", "Hello", "Hei")
    _translate(root, "sv", "Hello", "Hej")
    assert 2 == sum("untranslated" in p.message for p in catalogs.check(root))  # "Bye" in fi and sv
    (root / "mod.py").write_text('gettext("Hello", locale=x)\nngettext("{n} day", "{n} days", n, locale=x)\n',
                                 encoding="utf-8")
    catalogs.update(root)
    with _po(root, "fi").open("rb") as f:
        fi = read_po(f, locale="fi")
    with _po(root, "en").open("rb") as f:
        en = read_po(f, locale="en")
    assert ("Hei", None, None) == (fi.get("Hello").string, fi.get("Bye"), fi.get("framework string"))
    assert ("", "") == fi.get(("{n} day", "{n} days")).string
    assert ("{n} day", "{n} days") == en.get(("{n} day", "{n} days")).string
    with (root / "locale" / "sv" / "LC_MESSAGES" / "rekisterikit.mo").open("rb") as f:
        mo = read_mo(f)
    assert "Hej" == mo.get("Hello").string


def test_check_reports_untranslated_placeholders_and_stale_files(tmp_path: Path) -> None:
    """check names untranslated messages, dropped placeholders, a stale .pot and an uncompiled .po."""
    root = _fake_package(tmp_path, 'gettext("Updated {date}", locale=x)\n')
    catalogs.update(root)
    problems = {str(p) for p in catalogs.check(root)}
    assert {"rekisterikit/locale/fi/LC_MESSAGES/rekisterikit.po: untranslated 'Updated {date}'",
            "rekisterikit/locale/sv/LC_MESSAGES/rekisterikit.po: untranslated 'Updated {date}'"} == problems
    _translate(root, "fi", "Updated {date}", "Päivitetty")
    _translate(root, "sv", "Updated {date}", "Uppdaterad {date}")
    (root / "mod.py").write_text('gettext("Updated {date}", locale=x)\ngettext("New", locale=x)\n',
                                 encoding="utf-8")
    messages = sorted(p.message for p in catalogs.check(root))
    assert [
        "does not match its .po file (run compile)",
        "does not match its .po file (run compile)",
        "missing message 'New' (run update)",
        "missing message 'New' (run update)",
        "missing message 'New' (run update)",
        "out of date with the code",
        "placeholders of 'Updated {date}' differ: [] instead of ['date']",
    ] == messages


def test_update_is_idempotent(tmp_path: Path) -> None:
    """A second update with no code change writes nothing."""
    root = _fake_package(tmp_path, 'gettext("Hello", locale=x)\n')
    assert 7 == len(catalogs.update(root))
    assert [] == catalogs.update(root)


def test_main_check_exit_status(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The command exits 0 when the catalogs are complete, 1 with the problems listed when not."""
    assert 0 == catalogs.main(["check"])
    root = _fake_package(tmp_path, 'gettext("Hello", locale=x)\n')
    monkeypatch.setattr(catalogs, "package_dir", lambda: root)
    assert 0 == catalogs.main(["update"])
    assert 1 == catalogs.main(["check"])
    out, err = capsys.readouterr()
    assert "to translate: rekisterikit/locale/fi/LC_MESSAGES/rekisterikit.po: untranslated 'Hello'" in out
    assert "untranslated 'Hello'" in err
    _translate(root, "fi", "Hello", "Hei")
    _translate(root, "sv", "Hello", "Hej")
    assert 0 == catalogs.main(["compile"])
    assert 0 == catalogs.main(["check"])
    shutil.rmtree(root / "locale" / "en")
    assert 1 == catalogs.main(["check"])

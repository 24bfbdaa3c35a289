"""The what-changed texts, the diff and processing-record commands, the Art. 30 record and the JSON-LD export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import pytest
from openpyxl import load_workbook
from pyld import jsonld  # type: ignore[import-untyped]

from rekisterikit import dumps, load
from rekisterikit.cli import main
from rekisterikit.model import LocalizedText, ProcessingRecord, RegisterRecord, Statement
from rekisterikit.records import summary
from rekisterikit.records.art30 import COLUMNS, build_record, render_record
from rekisterikit.records.jsonld import consent_record_jsonld, statement_jsonld
from rekisterikit.records.notice import changelog, render_with_changes
from rekisterikit.render import render
from rekisterikit.validate import validate
from rekisterikit.xlsx import render_record_xlsx

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"
PUBLISHED = EXAMPLES / "kalvokeskus.toml"
CORRECTED = EXAMPLES / "kalvokeskus-corrected.toml"
BOTH_CORRECTED = (EXAMPLES / "kalvokeskus-corrected.toml", EXAMPLES / "monalisa-corrected.toml")


def test_summary_in_three_languages() -> None:
    """One line in fi, sv and en naming the new cookies first; editorial-only gives None."""
    old, new = load(PUBLISHED), load(CORRECTED)
    fi, sv, en = (summary(old, new, locale=lang) for lang in ("fi", "sv", "en"))
    assert fi is not None
    assert fi.startswith("Muutokset 22.11.2026: uusia evästeitä: ")
    assert sv is not None
    assert sv.startswith("Ändringar 22.11.2026: nya kakor: ")
    assert en is not None
    assert en.startswith("Changes on 22 November 2026: new cookies: ")
    assert all("\n" not in line for line in (fi, sv, en))
    assert summary(new, new, locale="fi") is None


def test_render_with_changes_adds_the_section_under_changes() -> None:
    """The notice is a subsection of rk-changes; the rest of the page is the ordinary rendering."""
    old, new = load(PUBLISHED), load(CORRECTED)
    page = str(render_with_changes(new, previous=old, locale="fi"))
    assert 'id="rk-changes-latest"' in page
    assert "Muutokset 22.11.2026" in page
    assert "kysymme evästevalintasi uudelleen" in page
    plain = str(render(new, locale="fi"))
    assert 'id="rk-changes-latest"' not in plain
    assert 'id="rk-changes-latest"' not in str(render_with_changes(new, previous=new, locale="fi"))


def test_shop_text_in_the_notice_is_escaped() -> None:
    """A purpose described with markup reaches the HTML escaped."""
    old = load(CORRECTED)
    reg = old.registers[0]
    evil = attrs.evolve(reg.purposes[0], key="evil", description=LocalizedText(fi="<script>alert(1)</script>"))
    new = attrs.evolve(old, registers=(attrs.evolve(reg, purposes=(*reg.purposes, evil)),))
    page = str(render_with_changes(new, previous=old, locale="fi"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_changelog_lists_versions_newest_first() -> None:
    """Markdown and HTML changelogs: the newest version first, the first one marked as such."""
    old, new = load(PUBLISHED), load(CORRECTED)
    md = str(changelog([(old, None), (new, None)], locale="en"))
    assert md.index("22 November 2026") < md.index("12 July 2020")
    assert "First published version." in md
    html = str(changelog([(old, None), (new, None)], locale="fi", format="html", link="/history/{version}"))
    assert f'href="/history/{new.version}"' in html


def test_diff_command_exit_status_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1 for material changes with JSON changes and reconsent; exit 0 for a file against itself."""
    assert 1 == main(["diff", str(PUBLISHED), str(CORRECTED), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["reconsent"] is True
    assert all({"kind", "class", "path", "old", "new"} <= set(c) for c in data["changes"])
    assert 0 == main(["diff", str(CORRECTED), str(CORRECTED)])
    assert "Ei muutoksia." in capsys.readouterr().out
    assert 0 == main(["diff", str(CORRECTED), str(CORRECTED), "--format", "markdown", "--locale", "sv"])
    assert "Inga ändringar." in capsys.readouterr().out


def test_diff_command_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """OLD or NEW can be - (TOML on standard input); not both."""
    monkeypatch.setattr("sys.stdin", io.StringIO(CORRECTED.read_text(encoding="utf-8")))
    assert 0 == main(["diff", "-", str(CORRECTED), "--format", "json"])
    assert [] == json.loads(capsys.readouterr().out)["changes"]
    assert 2 == main(["diff", "-", "-"])


def test_diff_command_reports_an_unreadable_revision(capsys: pytest.CaptureFixture[str]) -> None:
    """A REV:PATH that is neither a file nor a git revision is one line on stderr and exit 2."""
    assert 2 == main(["diff", "no-such-rev:statement.toml", str(CORRECTED)])
    err = capsys.readouterr().err
    assert "no-such-rev:statement.toml: no such file, and not a git revision" in err


def test_corrected_examples_have_a_complete_record() -> None:
    """Both corrected examples carry a [record] part the RK-RECORD rules find nothing missing in."""
    for path in BOTH_CORRECTED:
        statement = load(path)
        assert statement.record is not None
        assert [] == [f.rule for f in validate(statement, select=["RK-RECORD"]).findings]
        assert all(row.data_subjects and row.security for row in build_record(statement, locale="sv").rows)


def _with_record(path: Path) -> Statement:
    statement = load(path)
    entries = tuple(RegisterRecord(register=r.key, data_subjects=(LocalizedText(fi="Asiakkaat", en="Customers"),))
                    for r in statement.registers)
    return attrs.evolve(statement, record=ProcessingRecord(
        security=LocalizedText(fi="Varmuuskopiot salataan.", en="Backups are encrypted."), registers=entries))


@pytest.mark.parametrize("path", BOTH_CORRECTED, ids=lambda p: p.stem)
@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_record_in_every_format(path: Path, locale: str, tmp_path: Path) -> None:
    """The Art. 30 record of the corrected examples: one row per purpose in html, csv, xlsx and json."""
    statement = _with_record(path)
    purposes = sum(len(r.purposes) for r in statement.registers)
    record = build_record(statement, locale=locale)
    assert purposes == len(record.rows)
    assert all(row.activity and row.data_categories for row in record.rows)
    html = str(render_record(statement, locale=locale, format="html"))
    assert html.count("<tr>") == purposes + 1
    assert len(statement.registers) == html.count(record.rows[0].security)  # once per register, below the table
    assert '@page { size: A4 landscape' in html
    rows = list(csv.reader(io.StringIO(str(render_record(statement, locale=locale, format="csv")))))
    assert [record.headings[k] for k, _ in COLUMNS] == rows[0]
    assert purposes == len(rows) - 1
    xlsx = render_record_xlsx(statement, locale=locale)
    assert isinstance(xlsx, bytes)
    target = tmp_path / "record.xlsx"
    target.write_bytes(xlsx)
    sheet = load_workbook(target).active
    assert sheet is not None
    values: list[list[object]] = [list(row) for row in sheet.iter_rows(values_only=True)]
    header: list[object] = [record.headings[k] for k, _ in COLUMNS]
    assert header in values
    assert purposes == len(values) - values.index(header) - 1
    data = json.loads(str(render_record(statement, locale=locale, format="json")))
    assert purposes == len(data["activities"])


def test_record_uses_the_internal_part_and_never_publishes_it() -> None:
    """The security text of [record] is in the record, not in any rendering or in the version."""
    statement = _with_record(CORRECTED)
    row = build_record(statement, locale="en").rows[0]
    assert "Backups are encrypted." == row.security
    assert "Customers" == row.data_subjects
    for fmt in ("html", "text", "markdown", "json"):
        assert "Varmuuskopiot salataan" not in str(render(statement, locale="fi", format=fmt))
    assert load(CORRECTED).version == statement.version
    assert "Varmuuskopiot" not in json.dumps(statement_jsonld(statement), ensure_ascii=False)


def test_record_csv_neutralises_formulas() -> None:
    """A shop text starting with = is written as text, not as a spreadsheet formula."""
    statement = load(CORRECTED)
    reg = statement.registers[0]
    purposes = (attrs.evolve(reg.purposes[0], description=LocalizedText(fi='=HYPERLINK("http://x")')),
                *reg.purposes[1:])
    statement = attrs.evolve(statement, registers=(attrs.evolve(reg, purposes=purposes),))
    rows = list(csv.reader(io.StringIO(str(render_record(statement, locale="fi", format="csv")))))
    assert rows[1][1].startswith("'=")


def test_processing_record_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command writes every format; xlsx needs -o; --strict exits 1 when the record lacks data subjects."""
    out = tmp_path / "r.xlsx"
    assert 0 == main(["processing-record", str(CORRECTED), "--format", "xlsx", "-o", str(out)])
    assert load_workbook(out).active is not None
    assert 2 == main(["processing-record", str(CORRECTED), "--format", "xlsx"])
    assert 0 == main(["processing-record", str(CORRECTED), "--format", "csv", "--locale", "sv"])
    assert "Rättslig grund" in capsys.readouterr().out
    source = tmp_path / "s.toml"
    lacking = attrs.evolve(load(CORRECTED), record=ProcessingRecord(security=LocalizedText(fi="TLS")))
    source.write_text(dumps(lacking), encoding="utf-8")
    assert 1 == main(["processing-record", str(source), "--strict", "--format", "json"])
    assert "RK-RECORD-DATA-SUBJECTS" in capsys.readouterr().err


def test_record_rules_only_for_statements_with_a_record() -> None:
    """Without [record] the RK-RECORD rules are silent; with an empty one they say what is missing."""
    statement = attrs.evolve(load(CORRECTED), record=None)
    assert [] == [f.rule for f in validate(statement, select=["RK-RECORD"]).findings]
    empty = attrs.evolve(statement, record=ProcessingRecord())
    assert ["RK-RECORD-DATA-SUBJECTS"] == [f.rule for f in validate(empty, select=["RK-RECORD"]).findings]
    assert [] == [f.rule for f in validate(_with_record(CORRECTED), select=["RK-RECORD"]).findings]


#: DPV 2.1 terms the export may use. Checked in the DPV 2.1 modules themselves: dpv:Process, PersonalDataProcess,
#: hasProcess (process.ttl); hasDuration, Duration, TemporalDuration (context.ttl); hasConsentStatus (consent.ttl);
#: ConsentGiven, ConsentRefused, ConsentWithdrawn (consent_status.ttl). In the DPV-ODRL mapping the DPVCG publishes:
#: hasLegalBasis, hasRecipient, hasPersonalData, hasDataController, hasLocation. The rest (Purpose, hasPurpose,
#: PersonalData, Recipient, DataController, DataProcessor, JointDataControllers, Authority, DataSubject,
#: hasDataSubject, StorageDuration, hasStorageCondition) from DPV's documentation and its users, not re-read in the
#: Turtle source. hasNotice and PrivacyNotice: read in DPV 2.1's notice module (notice.ttl).
DPV_TERMS = {
    "PersonalDataProcess", "hasProcess", "hasDataController", "hasPurpose", "Purpose", "hasLegalBasis",
    "hasPersonalData", "PersonalData", "hasRecipient", "Recipient", "DataController", "DataProcessor",
    "JointDataControllers", "Authority", "hasLocation", "hasStorageCondition", "StorageDuration", "hasDuration",
    "TemporalDuration", "hasConsentStatus", "ConsentGiven", "ConsentRefused", "ConsentWithdrawn", "hasDataSubject",
    "DataSubject", "hasNotice", "PrivacyNotice",
}


def _iris(node: object) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("http"):
                found.add(key)
            if key in ("@type", "@id"):
                found.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
            found |= _iris(value)
    elif isinstance(node, list):
        for item in node:
            found |= _iris(item)
    return found


@pytest.mark.parametrize("path", BOTH_CORRECTED, ids=lambda p: p.stem)
def test_jsonld_expands_to_existing_dpv_terms(path: Path) -> None:
    """The export is valid JSON-LD (pyld expands it with the embedded context, offline) using only known terms."""
    document = statement_jsonld(load(path))
    expanded = jsonld.expand(document)
    iris = _iris(expanded)
    dpv = {i.removeprefix("https://w3id.org/dpv#") for i in iris if i.startswith("https://w3id.org/dpv#")}
    assert dpv <= DPV_TERMS
    assert {"hasProcess", "hasPurpose", "hasLegalBasis", "hasPersonalData", "hasRecipient",
            "hasStorageCondition"} <= dpv
    bases = {i for i in iris if i.startswith("https://w3id.org/dpv/legal/eu/gdpr#")}
    assert bases <= {f"https://w3id.org/dpv/legal/eu/gdpr#A6-1-{x}" for x in "abcdef"}
    assert bases


def test_render_command_previous(capsys: pytest.CaptureFixture[str]) -> None:
    """render --previous adds the what-changed section; with jsonld it is refused."""
    assert 0 == main(["render", str(CORRECTED), "--previous", str(PUBLISHED), "--format", "markdown"])
    assert "Muutokset 22.11.2026" in capsys.readouterr().out
    assert 2 == main(["render", str(CORRECTED), "--previous", str(PUBLISHED), "--format", "jsonld"])


def test_render_command_jsonld(capsys: pytest.CaptureFixture[str]) -> None:
    """rekisterikit render --format jsonld prints the export."""
    assert 0 == main(["render", str(CORRECTED), "--format", "jsonld"])
    assert json.loads(capsys.readouterr().out)["@context"]["dpv"] == "https://w3id.org/dpv#"


def test_consent_record_as_dpv() -> None:
    """A consent decision becomes a DPV consent record: given, refused and withdrawn per category, valid JSON-LD."""
    import datetime as dt

    from rekisterikit.consent.record import ConsentRecord
    from rekisterikit.consent.state import ConsentMethod, consent_fingerprint
    from rekisterikit.model import CookieCategory

    statement = load(CORRECTED)
    record = ConsentRecord(consent_id="a" * 22, at=dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC),
                           version=statement.version, fingerprint=consent_fingerprint(statement),
                           offered={CookieCategory.STATISTICS, CookieCategory.MARKETING, CookieCategory.PREFERENCES},
                           granted={CookieCategory.STATISTICS}, withdrawn={CookieCategory.MARKETING},
                           method=ConsentMethod.CUSTOM, locale="fi")
    document = consent_record_jsonld(record, statement)
    statuses = {p["identifier"]: p["hasConsentStatus"] for p in document["hasProcess"]}
    assert {"preferences": "dpv:ConsentRefused", "statistics": "dpv:ConsentGiven",
            "marketing": "dpv:ConsentWithdrawn"} == statuses
    expanded = jsonld.expand(document)
    dpv = {i.removeprefix("https://w3id.org/dpv#") for i in _iris(expanded) if i.startswith("https://w3id.org/dpv#")}
    assert dpv <= DPV_TERMS
    assert {"hasConsentStatus", "ConsentGiven", "ConsentRefused", "ConsentWithdrawn"} <= dpv


def test_consent_record_links_the_notice_version_shown() -> None:
    """With statement_url, the DPV consent record names the page of the version shown (dpv:hasNotice)."""
    import datetime as dt

    from rekisterikit.consent.record import ConsentRecord
    from rekisterikit.consent.state import ConsentMethod, consent_fingerprint
    from rekisterikit.model import CookieCategory

    statement = load(CORRECTED)
    record = ConsentRecord(consent_id="b" * 22, at=dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC),
                           version=statement.version, fingerprint=consent_fingerprint(statement),
                           offered={CookieCategory.STATISTICS}, granted={CookieCategory.STATISTICS},
                           method=ConsentMethod.CUSTOM, locale="fi")
    assert "hasNotice" not in consent_record_jsonld(record, statement)
    document = consent_record_jsonld(record, statement, statement_url="https://kauppa.fi/history/{version}/")
    url = f"https://kauppa.fi/history/{statement.version}/"
    (expanded,) = jsonld.expand(document)
    (notice,) = expanded["https://w3id.org/dpv#hasNotice"]
    assert (url, ["https://w3id.org/dpv#PrivacyNotice"]) == (notice["@id"], notice["@type"])
    dpv = {i.removeprefix("https://w3id.org/dpv#") for i in _iris(expanded) if i.startswith("https://w3id.org/dpv#")}
    assert dpv <= DPV_TERMS

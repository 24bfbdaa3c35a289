"""The ``xlsx`` extra: the Art. 30 record of processing activities as a spreadsheet workbook (openpyxl).

Outside the core, like the scanner: :mod:`rekisterikit.records.art30` builds the record, this module writes it.
Install with ``pip install 'rekisterikit[xlsx]'``.
"""

from __future__ import annotations

import io

from rekisterikit.model import Language, Statement
from rekisterikit.records.art30 import COLUMNS, Record, build_record

__all__ = ["record_workbook", "render_record_xlsx"]


def record_workbook(record: Record) -> bytes:
    """The record as an XLSX workbook: the title, the controller, then one row per activity (print titles set).

    Raises:
        ImportError: openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ImportError("the xlsx format needs openpyxl: pip install 'rekisterikit[xlsx]'") from None
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = record.title[:31]
    sheet.append([record.title])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in record.controller:
        sheet.append([label, value])
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append([record.headings[key] for key, _ in COLUMNS])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for row in record.rows:
        # openpyxl writes strings as text cells; a leading "=" would still be read as a formula, so quote it.
        sheet.append([("'" + c) if c.startswith("=") else c for c in row.cells()])
    for column, width in zip("ABCDEFGHI", (22, 40, 22, 24, 32, 36, 36, 36, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=header_row):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render_record_xlsx(statement: Statement, *, locale: Language | str) -> bytes:
    """The record of processing activities of ``statement`` in ``locale`` as XLSX bytes.

    Raises:
        ImportError: openpyxl is not installed.
        ValueError: an unknown locale.
    """
    return record_workbook(build_record(statement, locale=locale))

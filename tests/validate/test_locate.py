"""Locating JSON paths in TOML statement files."""

from __future__ import annotations

from rekisterikit.validate.locate import Locator

TEXT = '''title = "Seloste"
cites = ["a", "b"]

[controller]
name = "Esimerkki Oy"
address = { city = "Helsinki" }

[controller.contact_person]
name = "Maija"

[[registers]]
key = "a"
recipients = [
  { name = "Posti Oy" },
  { name = "Paytrail Oyj", category = { fi = "Maksut" } },
]
transfers = [{ country = "US" }, { country = "GB" }]
security = """
[[not a table]]
name = "not a key"
"""

[[registers.purposes]]
key = "tilaukset"

[[registers.purposes]]
key = "kirjanpito"

[[registers]]
key = "b"

[[registers.purposes]]
key = "x"

[rekisterikit]
ignore = [{ rule = "RK-X", reason = "r" }]
'''


def test_tables_keys_and_arrays_of_tables_get_their_lines() -> None:
    """Headers, keys, nested tables and the n-th [[array]] entry are found on their lines."""
    locate = Locator(TEXT)
    assert 1 == locate.line("$.title")
    assert 2 == locate.line("$.cites[1]")
    assert 4 == locate.line("$.controller")
    assert 6 == locate.line("$.controller.address")
    assert 8 == locate.line("$.controller.contact_person")
    assert 11 == locate.line("$.registers[0]")
    assert 14 == locate.line("$.registers[0].recipients[0]")
    assert 15 == locate.line("$.registers[0].recipients[1]")
    assert 17 == locate.line("$.registers[0].transfers[1]")
    assert 23 == locate.line("$.registers[0].purposes[0]")
    assert 26 == locate.line("$.registers[0].purposes[1]")
    assert 29 == locate.line("$.registers[1]")
    assert 32 == locate.line("$.registers[1].purposes[0]")
    assert 35 == locate.line("$.rekisterikit")


def test_multi_line_strings_are_skipped_and_missing_paths_use_their_ancestor() -> None:
    """Text inside a multi-line string is not read as TOML; an unwritten path goes to its nearest ancestor."""
    locate = Locator(TEXT)
    assert 26 == locate.line("$.registers[0].purposes[1].legal_basis")
    assert 1 == locate.line("$.cookies")
    assert "$.registers[0].security.name" not in locate.lines


def test_a_path_that_is_not_a_json_path_is_line_one() -> None:
    """A finding path outside the file ("host:c.clarity.ms", a scan's) gives line 1 instead of looping forever."""
    locate = Locator(TEXT)
    assert 1 == locate.line("host:c.clarity.ms")
    assert 1 == locate.line("nodots")

"""Find the line of a statement file where a JSON path (``$.registers[0].purposes[1]``) is written.

Only TOML is located (tables, arrays of tables, keys and multi-line inline arrays of tables); it is best effort
for reports that point into the file (SARIF regions, ``file:line`` in text output). A path that is not written in
the file (a missing field) is located at its nearest written ancestor.
"""

from __future__ import annotations

import re

__all__ = ["Locator"]

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"\s*([A-Za-z0-9_\-\"'.]+?)\s*=\s*(.*)$")
_INDEXED = re.compile(r"(.*)\[(\d+)\]$")


def _parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in dotted.split(".")]


def _top_level_tables(value: str) -> int:
    """How many inline tables a one-line array holds at its top level."""
    depth = tables = 0
    for char in value:
        if char == "{":
            tables += depth == 1
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
    return tables


class Locator:
    """Line numbers of the elements of one TOML statement file."""

    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        self._scan(text)

    def _record(self, path: str, line: int) -> None:
        self.lines.setdefault(path, line)

    def _scan(self, text: str) -> None:
        counts: dict[str, int] = {}
        current = "$"
        in_string: str | None = None
        array_path: str | None = None
        array_depth = 0
        array_items = 0
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if in_string is not None:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            if array_path is not None:
                if array_depth == 1 and line.startswith("{"):
                    self._record(f"{array_path}[{array_items}]", number)
                    array_items += 1
                array_depth += line.count("[") - line.count("]")
                if array_depth <= 0:
                    array_path = None
                continue
            if not line or line.startswith("#"):
                continue
            header = _HEADER.match(raw)
            if header is not None and not _KEY.match(raw):
                brackets, name = header.groups()
                path = self._table_path(_parts(name), counts)
                if brackets == "[[":
                    index = counts.get(path, 0)
                    counts[path] = index + 1
                    self._record(path, number)
                    path = f"{path}[{index}]"
                current = path
                self._record(path, number)
                continue
            key = _KEY.match(raw)
            if key is None:
                continue
            name, value = key.groups()
            path = current + "".join("." + p for p in _parts(name))
            self._record(path, number)
            for quote in ('"""', "'''"):
                if value.count(quote) % 2 == 1:
                    in_string = quote
            if value.startswith("[") and value.count("[") > value.count("]"):
                array_path, array_depth, array_items = path, value.count("[") - value.count("]"), 0
            elif value.startswith("[") and "{" in value:
                for i in range(_top_level_tables(value)):
                    self._record(f"{path}[{i}]", number)

    def _table_path(self, parts: list[str], counts: dict[str, int]) -> str:
        path = "$"
        for part in parts[:-1]:
            path = f"{path}.{part}"
            if path in counts:  # an array of tables: the header refers to its last element
                path = f"{path}[{counts[path] - 1}]"
        return f"{path}.{parts[-1]}"

    def line(self, path: str) -> int:
        """The line where ``path`` (or its nearest written ancestor) is written; 1 when nothing matches."""
        while path not in self.lines:
            if path in ("$", ""):
                return 1
            match = _INDEXED.fullmatch(path)
            parent = match.group(1) if match else path.rsplit(".", 1)[0]
            if parent == path:  # not a JSON path of the file ("host:x"): no ancestor to fall back on
                return 1
            path = parent
        return self.lines[path]

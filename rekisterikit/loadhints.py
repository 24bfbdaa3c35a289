"""Helpful load errors: "did you mean …" suggestions and the line and column a problem's JSON path is written at.

Used by :mod:`rekisterikit.load`; kept apart so that the loader stays about structure. Suggestions come from
:mod:`difflib` (``bussiness_id`` → ``business_id``, ``[[register]]`` → ``[[registers]]``) and, for legal bases,
from the names GDPR Art. 6(1) gives them in Finnish and Swedish (``sopimus`` → ``contract``).
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["JsonScanner", "legal_basis_suggestion", "locate_json", "locate_toml", "positions", "suggest", "value_at"]

#: Word stems of the legal bases as Finnish and Swedish statements name them, after the wording of GDPR Art. 6(1)
#: in the Finnish and Swedish language versions (fi: a "suostumuksensa", b "sopimuksen täytäntöön panemiseksi",
#: c "lakisääteisen velvoitteen", d "elintärkeiden etujen", e "yleistä etua koskevan tehtävän … julkisen vallan",
#: f "oikeutettujen etujen"; sv: a "samtycke", b "fullgöra ett avtal", c "rättslig förpliktelse", d "intressen som är
#: av grundläggande betydelse", e "allmänt intresse … myndighetsutövning", f "berättigade intressen"; compared with
#: the published text of the Regulation in both languages) and the usual short names. Matched at the start of a word
#: of the value, lower-cased. Only a suggestion: the file must still say the English value.
_BASIS_STEMS: tuple[tuple[str, str], ...] = (
    ("suostum", "consent"), ("samtyck", "consent"), ("lupa", "consent"),
    ("sopimu", "contract"), ("sopimuks", "contract"), ("avtal", "contract"),
    ("lakisäät", "legal_obligation"), ("oikeudellinen velvo", "legal_obligation"), ("lain vaatim", "legal_obligation"),
    ("rättslig förpliktelse", "legal_obligation"), ("rättsliga förpliktelse", "legal_obligation"),
    ("lagstadgad", "legal_obligation"), ("lagkrav", "legal_obligation"),
    ("elintärke", "vital_interests"), ("grundläggande betydelse", "vital_interests"),
    ("grundläggande intress", "vital_interests"),
    ("vitala intress", "vital_interests"),
    ("yleinen etu", "public_task"), ("yleistä etua", "public_task"), ("julkisen vallan", "public_task"),
    ("allmänt intresse", "public_task"), ("myndighetsutövning", "public_task"),
    ("oikeutettu", "legitimate_interests"), ("oikeutetu", "legitimate_interests"),
    ("berättigad", "legitimate_interests"), ("berättigat", "legitimate_interests"),
)

_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (:func:`difflib.get_close_matches`, cutoff 0.6), or ``None``."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def legal_basis_suggestion(value: str, choices: Sequence[str]) -> str | None:
    """The legal basis a Finnish, Swedish or misspelt English name means (``sopimus`` → ``contract``), or ``None``."""
    text = " ".join(value.lower().replace("_", " ").replace("-", " ").split())
    for stem, basis in _BASIS_STEMS:
        if re.search(r"(?:^|\s)" + re.escape(stem), text):
            return basis
    return suggest(text.replace(" ", "_"), choices)


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for key, index in _PATH_PART.findall(path.removeprefix("$")):
        parts.append(int(index) if index else key)
    return parts


def value_at(data: Any, path: str) -> Any:
    """The value at a JSON path in parsed data, or ``None`` where there is none."""
    for part in _parts(path):
        if isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
            continue
        if isinstance(data, Mapping) and isinstance(part, str) and part in data:
            data = data[part]
            continue
        return None
    return data


# --- positions -----------------------------------------------------------------------------------------------------


def locate_toml(text: str, paths: Sequence[str]) -> list[tuple[int, int]]:
    """The (line, column) of each JSON path in a TOML text: where its key or table header is written.

    A path not written in the text (a missing field) is placed at its nearest written ancestor (the table that
    lacks it), as :class:`~rekisterikit.validate.locate.Locator` does for ``check``.
    """
    from rekisterikit.validate.locate import Locator

    locator = Locator(text)
    lines = text.splitlines()
    result = []
    for path in paths:
        line = locator.line(path)
        raw = lines[line - 1] if 0 < line <= len(lines) else ""
        column = len(raw) - len(raw.lstrip()) + 1
        last = _parts(path)[-1:] or [""]
        if isinstance(last[0], str) and last[0] and not raw.lstrip().startswith("["):
            match = re.search(r"(?:^|[\s.{,\[])" + re.escape(last[0]) + r"\s*(?:=|\]|\.)", raw)
            if match is not None:
                column = match.start() + (1 if match.group(0)[0] in " \t.{,[" else 0) + 1
        result.append((line, column))
    return result


class JsonScanner:
    """Where every value of a JSON text starts: ``position(path)`` is its (line, column), or its nearest ancestor's."""

    _WS = re.compile(r"[ \t\n\r]*")
    _STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
    _SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, int] = {}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        with contextlib.suppress(ValueError, IndexError):  # malformed JSON is the parser's to report
            self._value(self._skip(0), "$")

    def _string(self, i: int) -> tuple[str, int]:
        match = self._STRING.match(self.text, i)
        if match is None:
            raise ValueError("not a JSON string")
        value: str = json.loads(match.group(0))
        return value, match.end()

    def _skip(self, i: int) -> int:
        match = self._WS.match(self.text, i)
        return match.end() if match else i

    def _value(self, i: int, path: str) -> int:
        self.starts.setdefault(path, i)
        char = self.text[i]
        if char == "{":
            i = self._skip(i + 1)
            if self.text[i] == "}":
                return i + 1
            while True:
                key_start = i
                key, i = self._string(i)
                member = f"{path}.{key}"
                self.starts.setdefault(member, key_start)
                i = self._skip(i)
                i = self._skip(i + 1)  # the colon
                i = self._skip(self._value(i, member))
                if self.text[i] == "}":
                    return i + 1
                i = self._skip(i + 1)
        if char == "[":
            i = self._skip(i + 1)
            if self.text[i] == "]":
                return i + 1
            index = 0
            while True:
                i = self._skip(self._value(i, f"{path}[{index}]"))
                index += 1
                if self.text[i] == "]":
                    return i + 1
                i = self._skip(i + 1)
        if char == '"':
            return self._string(i)[1]
        match = self._SCALAR.match(self.text, i)
        if match is None:
            raise ValueError("not JSON")
        return match.end()

    def position(self, path: str) -> tuple[int, int]:
        while path not in self.starts and path not in ("$", ""):
            match = re.fullmatch(r"(.*)\[\d+\]", path)
            path = match.group(1) if match else path.rsplit(".", 1)[0]
        offset = self.starts.get(path, 0)
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


def locate_json(text: str, paths: Sequence[str]) -> list[tuple[int, int]]:
    """The (line, column) of each JSON path in a JSON text: where its key (or, for an item, its value) starts."""
    scanner = JsonScanner(text)
    return [scanner.position(path) for path in paths]


_AT = re.compile(r" @ (\$\S*)$")
_UNKNOWN = re.compile(r"^unknown field\(s\) ([^ (]+)")


def _problem_path(problem: str) -> str:
    match = _AT.search(problem)
    if match is None:
        return "$"
    path = match.group(1)
    unknown = _UNKNOWN.match(problem)
    if unknown is not None:  # point at the unknown key itself, not at the table that holds it
        path = f"{path}.{unknown.group(1).split(',')[0]}"
    return path


def positions(text: str, fmt: str, problems: Sequence[str]) -> list[tuple[int, int] | None]:
    """The (line, column) in ``text`` of each problem's path (``message @ $.path``)."""
    paths = [_problem_path(p) for p in problems]
    try:
        found = locate_toml(text, paths) if fmt == "toml" else locate_json(text, paths)
    except Exception:  # noqa: BLE001 - locating is best effort and must never hide the load error itself
        return [None] * len(problems)
    return list(found)

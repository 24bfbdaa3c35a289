"""Regenerate the renderer's golden files: ``python -m tests.render.regen``.

Writes ``tests/render/golden/<example>.<locale>.<ext>`` for every statement in ``examples/statements`` in fi, sv and
en and in every format (``html`` fragment, ``txt``, ``md``, ``json``), and removes golden files of examples that no
longer exist. Review the result with ``git diff tests/render/golden`` before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rekisterikit import load
from rekisterikit.render import FORMATS, render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "statements"
GOLDEN = Path(__file__).resolve().parent / "golden"
LOCALES = ("fi", "sv", "en")
EXTENSIONS = {"html": "html", "text": "txt", "markdown": "md", "json": "json"}


def expected_files() -> dict[Path, tuple[Path, str, str]]:
    """Every golden file path, with the example, locale and format it is rendered from."""
    return {GOLDEN / f"{example.stem}.{locale}.{EXTENSIONS[fmt]}": (example, locale, fmt)
            for example in sorted(EXAMPLES.glob("*.toml")) for locale in LOCALES for fmt in FORMATS}


def rendering(example: Path, locale: str, fmt: str) -> str:
    """What the renderer makes of ``example`` now."""
    return str(render(load(example), locale=locale, format=fmt))


def main() -> int:
    """Write every golden file and delete stale ones; print what changed."""
    GOLDEN.mkdir(exist_ok=True)
    files = expected_files()
    changed = 0
    for path, (example, locale, fmt) in files.items():
        text = rendering(example, locale, fmt)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
            changed += 1
    for path in sorted(GOLDEN.iterdir()):
        if path not in files:
            path.unlink()
            print(f"removed {path.relative_to(ROOT)}")
            changed += 1
    print(f"golden files: {len(files)}, {changed} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

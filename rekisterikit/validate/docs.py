"""Generate the rule reference (``docs/rules.md``) from the registry, so that the documentation cannot drift.

Usage::

    python -m rekisterikit.validate.docs              # print the page
    python -m rekisterikit.validate.docs --write docs/rules.md
    python -m rekisterikit.validate.docs --check docs/rules.md   # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rekisterikit.findings import Requirement, Severity
from rekisterikit.validate.registry import REGISTRY, RETIRED, Registry, Rule

__all__ = ["builtin_rules", "main", "render"]

_INTRO = """\
# Rule reference

<!-- Generated from the rule registry by `python -m rekisterikit.validate.docs --write docs/rules.md`.
     Do not edit by hand: a test fails when this file differs from the generated one. -->

`rekisterikit check FILE` runs these rules on a statement file. Every finding carries a **rule id** (which may
change between versions) and a **requirement code** from the fixed list in the legal reference (which does not), a
severity and the provision it enforces:

- **error**: a legally required item is missing, or the processing is unlawful as described;
- **warning**: likely non-compliant, vague, or against the supervisory authorities' guidance;
- **info**: recommended practice.

`--select` and `--ignore` take rule ids (`RK-RETENTION`), id prefixes (`RK-COOKIE` selects every cookie rule) or
requirement codes (`retention`). A statement can also ignore a rule itself, with a reason and optionally a path,
in its `[rekisterikit]` table; an entry that matches no rule or path is reported as `RK-IGNORE-INVALID`:

```toml
[rekisterikit]
ignore = [
  { rule = "RK-BUSINESS-ID", reason = "A registered association without a business ID" },
  { rule = "RK-SOURCE-PUBLIC", reason = "Stated in the renderer's fixed text", path = "$.registers[0].sources[1]" },
]
```

Shops add their own rules with the `rekisterikit.validate.rule` decorator, or ship them in a package through the
`rekisterikit.rules` entry point group (see the [rule API](#writing-your-own-rules) below).

Each example below is a complete statement file on which the rule fires (other rules may fire on it too); the
fixed version keeps the rule quiet. The tests run every example.

Legal points marked [M] in the project's research notes (from memory, not re-checked against the primary text)
are marked as such in the rules' source code.
"""

_API = """\
## Writing your own rules

```python
from rekisterikit.findings import Requirement, Severity
from rekisterikit.model import LocalizedText, PurposeKind
from rekisterikit.validate import Hit, rule


@rule(
    id="SHOP-NEWSLETTER-DOUBLE-OPT-IN",
    requirement=Requirement.DIRECT_MARKETING,
    severity=Severity.INFO,
    article="GDPR 7(1)",
    title="Newsletter sign-ups are confirmed",
    message=LocalizedText(
        fi="Vahvista uutiskirjeen tilaus sähköpostilla: {purpose}",
        sv="Bekräfta prenumerationen per e-post: {purpose}",
        en="Confirm newsletter sign-ups by e-mail: {purpose}",
    ),
)
def newsletter_double_opt_in(ctx):
    for ref in ctx.purposes:
        if ref.purpose.kind is PurposeKind.NEWSLETTER:
            yield Hit(ref.path, {"purpose": ref.purpose.description})
```

The message must exist in Finnish, Swedish and English with the same placeholders; a placeholder value may be a
plain string or a `LocalizedText` (resolved in each language). `ctx` is a `rekisterikit.validate.Context`: the
statement, its registers, purposes and cookies with their paths, and the dated EEA and adequacy data. For wording,
`ctx.search_texts(pattern)` yields the first match of a lower-case pattern in every shop-written text (quickly, when
the pattern starts with literals), `ctx.may_match(pattern)` is `False` when the pattern can match in no text of the
statement (its literals are not in the statement's words; answered once per pattern, so a rule that reads chosen
texts can ask it first), `ctx.retention_for(register, purpose)` gives the retention rules that cover a purpose, and
`rekisterikit.validate.needles.search(pattern, text)` is `pattern.search(text)` that skips texts lacking the
pattern's literals. A rule that asks many patterns of the same list of texts can join them once,
`needles.Joined(texts)`, and ask `joined.next_match(pattern, index)` for the first text from `index` on that the
pattern matches (one pass per pattern, kept for the object's life); only for a pattern that `needles.joinable`
accepts (none of its parts can read the line break that joins the texts). `needles.word_literals(pattern)` gives
the literals of a pattern made only of whole words, which a rule can look up in a set of words instead.
Put the module in your package and declare it as an entry point so that `rekisterikit check` loads it:

```toml
[project.entry-points."rekisterikit.rules"]
myshop = "myshop.privacy_rules"
```
"""


def builtin_rules() -> Registry:
    """A registry of the built-in rules only (shops' plugins do not change the reference)."""
    import rekisterikit.validate.rules  # noqa: F401 - registers the built-in rules

    return Registry(r for r in REGISTRY if r.origin == "rekisterikit")


def _example_message(rule: Rule, registry: Registry) -> str | None:
    if rule.example is None:
        return None
    from rekisterikit.load import loads
    from rekisterikit.validate.engine import validate

    report = validate(loads(rule.example), select=[rule.id], registry=registry)
    return report.findings[0].message.en if report.findings else None


def _fence(text: str) -> str:
    return "```toml\n" + text.strip("\n") + "\n```\n"


def _section(rule: Rule, registry: Registry) -> str:
    parts = [f"### {rule.id}\n", f"**{rule.title}.**\n",
             f"| requirement | severity | provision |\n|---|---|---|\n"
             f"| `{rule.requirement.value}` | {rule.severity.value} | {rule.article} |\n"]
    if rule.trigger:
        parts.append(f"**Fires when:** {rule.trigger}\n")
    if rule.fix:
        parts.append(f"**How to fix:** {rule.fix}\n")
    parts.append("**Message:**\n\n" + "".join(
        f"- {lang}: {rule.message.get(lang)}\n" for lang in ("fi", "sv", "en")))
    if rule.example is not None:
        parts.append("**Example** (the rule fires):\n\n" + _fence(rule.example))
        message = _example_message(rule, registry)
        if message is not None:
            parts.append(f"Finding: *{message}*\n")
    if rule.fixed is not None:
        parts.append("**Fixed:**\n\n" + _fence(rule.fixed))
    return "\n".join(parts)


def _retired() -> str:
    """The section listing the retired rule ids, which no rule takes again."""
    rows = [f"| {r.id} | {r.retired} | {r.reason} |" for r in sorted(RETIRED.values(), key=lambda r: (r.retired, r.id))]
    return "\n".join([
        "## Retired rules\n",
        "These ids are no longer reported and are never given to another rule. An `ignore` naming one ignores nothing",
        "(`--ignore`, `validate(ignore=...)`); `--select` refuses it, and a statement's `[rekisterikit] ignore` entry",
        "naming one is reported as `RK-IGNORE-INVALID`: remove the entry.\n",
        "| rule | retired | why |", "|---|---|---|", *rows, ""])


def render(registry: Registry | None = None) -> str:
    """The rule reference page in Markdown."""
    registry = registry if registry is not None else builtin_rules()
    rules = list(registry)
    order = {req: i for i, req in enumerate(Requirement)}
    rules.sort(key=lambda r: (order[r.requirement], -r.severity.rank, r.id))
    lines = [_INTRO, "## Summary\n", "| rule | requirement | severity | provision |", "|---|---|---|---|"]
    lines += [f"| [{r.id}](#{r.id.lower()}) | `{r.requirement.value}` | {r.severity.value} | {r.article} |"
              for r in rules]
    counts = {s: sum(r.severity is s for r in rules) for s in Severity}
    lines.append("\n" + f"{len(rules)} rules: " + ", ".join(f"{n} {s.value}" for s, n in counts.items()) + ".\n")
    current: Requirement | None = None
    for r in rules:
        if r.requirement is not current:
            current = r.requirement
            lines.append(f"## `{current.value}`\n")
        lines.append(_section(r, registry))
    lines.append(_retired())
    lines.append(_API)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Print, write or check the rule reference; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m rekisterikit.validate.docs", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="PATH", help="write the page to PATH")
    group.add_argument("--check", metavar="PATH", help="exit 1 if PATH differs from the generated page")
    args = parser.parse_args(argv)
    page = render()
    if args.write:
        Path(args.write).write_text(page, encoding="utf-8")
        return 0
    if args.check:
        current = Path(args.check).read_text(encoding="utf-8") if Path(args.check).exists() else ""
        if current != page:
            print(f"{args.check} is out of date: run python -m rekisterikit.validate.docs --write {args.check}",
                  file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(page)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

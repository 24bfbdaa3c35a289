"""Loading, validating and linting: the large statement and a prose statement of 20 kB."""

from __future__ import annotations

import functools
from collections.abc import Callable

from benchmarks.harness import Config, Goal, Growth, Section, SkipSize, Table, compare, fmt_time, growth
from benchmarks.statements import large_statement, sizes, statement_document

PROSE_BYTES = 20_000

INTRO = """\
*Load* is `rekisterikit.loads(toml_text)`: TOML parsing and the strict cattrs structuring with every validator of
the model (business ids, countries, references between purposes, recipients and retention). *Validate* is
`rekisterikit.validate(statement)`: every built-in rule over the statement, giving the findings report (what
`rekisterikit check` and the framework start-up checks run). *Lint* is `rekisterikit.lint.lint_text(text)` on a
legacy statement in prose: reading the document, finding its sections and sentences, the term index and every
check per requirement code. The prose is the first 20 kB of the Finnish plain-text rendering of the large
statement, cut at a line end: headings, paragraphs, lists and tables as a shop would publish them. There is no
peer library for either job; the figures are here for their size and growth."""


@functools.cache
def toml_text(factor: int) -> str:
    """The large statement at ``factor`` as a TOML file."""
    import tomli_w

    return tomli_w.dumps(statement_document(factor))


@functools.cache
def prose(factor: int) -> str:
    """A prose statement of ``factor`` × 20 kB (UTF-8), cut at a line end."""
    from rekisterikit.render import render

    target = PROSE_BYTES * factor
    n = max(1, factor // 5)
    while True:
        text = render(large_statement(n), locale="fi", format="text")
        data = text.encode("utf-8")
        if len(data) >= target:
            break
        n += max(1, n // 2)
    cut = data[:target].rsplit(b"\n", 1)[0]
    return cut.decode("utf-8", errors="ignore") + "\n"


#: Issue 18's goal for validating the large statement.
VALIDATE_GOAL_NS = 5_000_000
WHY_VALIDATE = (
    "Every rule does the full work on each call (no cache survives a `validate()`). The texts are walked once (a "
    "walk function written out per model class) and read once per distinct variant: lower-cased, then encoded and "
    "split into words with bytes methods, which give the language check its stop-word counts (each word looked up "
    "in the stop-word table itself) and the wording rules a vocabulary that proves most of their literals absent "
    "without reading the texts again (each piece of a literal looked for once per statement; `Context.may_match` "
    "rules a whole pattern out); an expression runs only where a literal it starts with occurs, and only when the "
    "literals it needs elsewhere are in the text; a case-insensitive expression runs as its case-sensitive twin on "
    "the lower-cased text (`rekisterikit.validate.needles`); the tracking-tool rule stops looking for a vendor once "
    "it has decided on it. Measured by rule (thread CPU time, median of 40 runs on the shared machine at a load "
    "of about 6 on 2 CPUs, so roughly 1.3× the figures of a quiet machine): of about 12 ms, 4.6 ms is the text "
    "tables and the word scan (walk 0.5, distinct variants and lower case 0.75, splitting into words 0.95, "
    "stop-word codes 1.1, the vocabularies 0.65) and 8 ms the rules: the tracking-tool rule 1.6–1.8 ms (it "
    "searches purposes and recipients until each named vendor is settled, about 190 searches), vague wording "
    "1.05 ms and the 'not personal data' claim 1.0 ms (every literal the vocabulary cannot rule out, such as a "
    "phrase whose words all occur, costs a pass over the ~100 kB of text, and each substring look-up in the "
    "vocabulary about 6 µs), retention wording 0.7 ms, repealed law 0.33 ms and old terms 0.22 ms, then about "
    "100 rules at 10–200 µs. Left for the goal: fewer passes per literal (a corpus per language, or an index of "
    "word pairs), a cheaper word scan (about 2 ms of splitting, hashing and look-ups in Python), and the per-text "
    "searches of the retention, recipient and tracking rules."
)


def run(cfg: Config, growth_rows: list[tuple[str, Growth]]) -> Section:
    """Measure loading, validation and the linter."""
    from rekisterikit import loads, validate
    from rekisterikit.lint import lint_text

    section = Section("Loading, validating and linting", INTRO)
    st = large_statement(1)
    st.version  # noqa: B018 - computed once per statement (cached); not part of what is measured
    text = toml_text(1)
    if loads(text) != st:
        raise AssertionError("the TOML text does not load back to the statement")
    report = validate(st)
    doc = prose(1)
    result = lint_text(doc, format="txt")
    stats = compare({"load": lambda: loads(text), "validate": lambda: validate(st),
                     "lint": lambda: lint_text(doc, format="txt")}, cfg)
    n = sizes(st)
    table = Table(["Operation", "Input", "Per call", "Output"])
    table.rows.append(["load (TOML → model)", f"{len(text.encode()) / 1024:.0f} kB of TOML", stats["load"].cell(),
                       f"{n['purposes']} purposes, {n['recipients']} recipients, {n['cookies']} cookies"])
    table.rows.append(["validate", f"the large statement ({n['purposes']} purposes, {n['recipients']} recipients, "
                       f"{n['cookies']} cookies)", stats["validate"].cell(), f"{len(report.findings)} findings"])
    table.rows.append(["lint", f"{len(doc.encode()) / 1024:.1f} kB of prose (fi)", stats["lint"].cell(),
                       f"{len(result.findings)} findings, {len(result.structure.sections)} sections"])
    section.tables.append(table)
    took = stats["validate"].median
    section.goals.append(Goal(f"Validate the large statement ({n['cookies']} cookies)",
                              f"≤ {fmt_time(VALIDATE_GOAL_NS)}", fmt_time(took), took <= VALIDATE_GOAL_NS,
                              WHY_VALIDATE))

    def make_load(factor: int) -> Callable[[], object]:
        from rekisterikit.load import MAX_STATEMENT_BYTES

        t = toml_text(factor)
        if len(t.encode("utf-8")) > MAX_STATEMENT_BYTES:
            raise SkipSize(f"over the loader's {MAX_STATEMENT_BYTES // (1024 * 1024)} MB file limit")
        return lambda: loads(t)

    def make_validate(factor: int) -> Callable[[], object]:
        s = large_statement(factor)
        s.version  # noqa: B018 - cached per statement: computed before timing
        return lambda: validate(s)

    def make_lint(factor: int) -> Callable[[], object]:
        d = prose(factor)
        return lambda: lint_text(d, format="txt")

    growth_rows.append(("Loading", growth("load (TOML → model)", make_load, cfg)))
    growth_rows.append(("Validation", growth("validate", make_validate, cfg)))
    growth_rows.append(("Lint", growth("lint (prose, 20 kB at 1×)", make_lint, cfg)))
    return section

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
    "walk function written out per model class) and read once per distinct variant: lower-cased and joined into one"
    " corpus, encoded once; the language check's word scan starts from that encoding (each word looked up in the "
    "stop-word table itself) and gives the wording rules a vocabulary that proves most of their literals absent "
    "without reading the texts again (a literal that is a word of its own is a set look-up; any other piece is "
    "looked for once per statement, first without the word bounds it needs, which rules most out in a quicker "
    "pass); an expression runs only where a literal it starts with occurs, and only when the literals it needs "
    "elsewhere are in the text; a case-insensitive expression runs as its case-sensitive twin on the lower-cased "
    "text (`rekisterikit.validate.needles`). The tracking-tool rule reads the purposes and the recipients joined "
    "(`needles.Joined`): one pass per pattern, tried only where a start literal occurs, asked place by place in "
    "order so that a vendor it has decided on is read no further, and the declared providers once for every vendor."
    " Measured by part (thread CPU time, best of 40 runs on the shared machine, 6 December 2026, after issue 21's "
    "ninth rule round): of about 11.3 ms, 3.7 ms is the text tables and the word scan (walk 0.51, distinct variants"
    " and lower case 0.74, corpus and its encoding 0.28, the word scan 0.62, stop-word codes 0.95, the vocabularies"
    " 0.60) and about 7.0 ms the rules, timed with the tables already built: the tracking-tool rule 1.16 ms (a pass"
    " over the ~22 kB of recipient texts per vendor and provider pattern, 11–140 µs each), vague wording 0.78 ms "
    "and the 'not personal data' claim 0.78 ms (each vocabulary piece that is no word of its own costs a pass over "
    "the ~17 kB of distinct words, 5–13 µs, about 100 of them per call for all rules; each literal the vocabulary "
    "cannot rule out, such as a phrase whose words all occur, a pass over the ~84 kB corpus, 7–60 µs; the claim's "
    "expression starts at words such as 'selain' and 'kävijä' that the cookie texts use often), the pixel's joint "
    "controllership 0.31 ms, special categories 0.27, repealed law 0.25, undefined retention 0.25, then about 130 "
    "rules at 10–200 µs. The rules added and changed by issue 21's fifth to ninth rounds took it from about 9.2 ms "
    "to about 11.3 ms; finding a text's copies by their count (`Context._copies_of`) saved about 0.2 ms of that. "
    "Every rule that reads wording adds passes of its own, so the goal needs another design, not more tuning of "
    "this one. Left for the goal: the passes themselves (an index of the words' places, or of word pairs, built for"
    " less than the passes cost: an estimated 1.2–1.5 ms per call), the word scan and stop-word codes (about 1.5 ms"
    " of splitting, hashing and look-ups in Python), and the long tail of rules. Measured and left out, each "
    "costing more than the passes it saves (thread CPU, best of runs): the vocabulary ordered by length so that a "
    "long piece reads only the longer words (the sort about 180 µs, the passes 0.71 → 0.55 ms), a second join of "
    "the words of 8 bytes or more (about 125 µs for about 95 µs), one combined expression over the vocabulary for a"
    " rule's pieces (1.0–1.7 ms against 0.33 ms of passes), the vocabulary sorted for prefix look-ups by bisection "
    "(the sort about 250 µs), and a Latin-1 copy of the corpus (one en dash makes it two bytes a character; the "
    "copy about 50 µs, each pass only about 8 % quicker). The stop-word codes are one look-up in C per word, about "
    "38 ns for each of the ~11,900 words."
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

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
    "Every rule does the full work on each call (no cache of a statement survives a `validate()`). The texts are "
    "walked once (a walk function written out per model class) and read once per distinct variant: lower-cased and "
    "joined into one corpus, encoded once; the language check's word scan starts from that encoding (each word "
    "looked up in the stop-word table itself) and gives the wording rules a vocabulary that proves most of their "
    "literals absent without reading the texts again (a literal that is a word of its own is a set look-up; a piece "
    "that must be inside a word, or start or end one, is looked for in the ~17 kB of distinct words joined); an "
    "expression runs only where a literal it starts with occurs, and only when the literals it needs elsewhere are "
    "in the text; a case-insensitive expression runs as its case-sensitive twin on the lower-cased text "
    "(`rekisterikit.validate.needles`). With the optional `ahocorasick-rs` installed, the pieces no set look-up "
    "answers are found all at once: one automaton over every such piece the process has looked for (they come from "
    "the rules' patterns, about 120 here; made again only as that index grows, at most 16 times and 1,024 keys) "
    "reads the vocabulary in one pass, 0.13–0.16 ms, where one pass per piece cost about 1.2 ms (99 passes inside "
    "words 1.02 ms, 12 for a word's start or end 0.18 ms); without it, or for a piece not yet indexed (so a single "
    "CLI run gains nothing), the passes as before, with the same answers (tests hold the two equal); the benchmark "
    "gains only where the package is installed. The tracking-tool rule reads the purposes and the recipients joined "
    "(`needles.Joined`): one pass per pattern, tried only where a start literal occurs, asked place by place in "
    "order so that a vendor it has decided on is read no further, and the declared providers once for every vendor. "
    "Measured (thread CPU time, 6 December 2026, the rules as of 14:47 UTC, on the shared machine at a load of "
    "1.3–3; best of 150 runs, interleaved rounds): validate() 9.9–10.5 ms with the package, 11.0–11.5 without it, "
    "11.1–12.4 with the context and needles as they were before this round; summed by part (best of 30 each, tables "
    "built before the rules are timed): 10.7 ms with the package (tables 4.46, rules 6.26), 11.8 without (4.35 + "
    "7.45), 11.6 before (4.34 + 7.23). The tables: the walk 0.55, variants and their distinct ones 0.35, lower case "
    "0.30, corpus and its encoding 0.20, characters outside ASCII 0.09, the word scan 0.61, stop-word codes 0.99, "
    "the vocabularies 0.62, the pieces' automaton pass 0.17, the texts with their paths 0.26, cookies, purposes and "
    "copy counts 0.26. The rules, timed with the tables built: the tracking-tool rule 1.16 ms (a find per start "
    "literal per pattern over the ~22 kB of joined purposes and of recipients, about 77 a call), the 'not personal "
    "data' claim 0.54 (0.83 by passes; corpus passes for 'not ', 'never ', 'cannot be ', whose words all occur), "
    "vague wording 0.36 (0.80 by passes), the pixel's joint controllership 0.30, special categories 0.29, undefined "
    "retention 0.26, the language check 0.21, then about 130 rules at 10–200 µs. Left for the goal: 5 ms is out of "
    "reach of this design, since the tables and the rules' own Python (conditions, paths, findings) take more than "
    "that with every pass gone: the word scan and stop-word codes (about 1.6 ms, of which hashing ~11,900 fresh "
    "words is about 0.6), the walk, the corpus passes for literals whose words all occur (about 0.5 ms; an index of "
    "word pairs would cost more to build: about 1 ms for `set(zip(words, words[1:]))`), the tracking-tool rule's "
    "finds, and the long tail. Measured and left out this round (thread CPU, best of runs): one `lower()` of the "
    "distinct variants joined (0.41 ms against 0.31 for each lowered alone: one en dash makes the joined text two "
    "bytes a character; 0.47 with the split back), a trie-shaped expression with a look-ahead over the vocabulary "
    "for every piece at once (1.37 ms against ~1.2 ms of passes), 4- or 2-byte grams of the vocabulary as a filter "
    "(1.2 / 0.73 ms to build, ruling out 68 of 85 absent pieces), pyahocorasick (0.32 ms a pass, and no wheel for "
    "CPython 3.13 on macOS x86_64), ahocorasick-rs's NFAs (0.16–0.20 ms against 0.07–0.13 for its DFA), "
    "`re.findall` for the digit runs (1.1 ms against 0.12 for translate and split), the texts with their paths made "
    "in C by map and zip (no gain), the tracking-tool rule asking the vocabulary first whether each product's "
    "pattern can match (`Context.may_match`, 4 of 7 ruled out: 1.03–1.09 → 1.08–1.19 ms, the asking costs more than "
    "the finds it saves), and the language check's variants with enough stop words picked in C by "
    "`itertools.compress` (181–186 → 226–233 µs). Measured and left out before: the vocabulary ordered by length "
    "(the sort about 180 µs, the passes 0.71 → 0.55 ms), a second join of the words of 8 bytes or more (about 125 "
    "µs for about 95 µs), one combined expression over the vocabulary for a rule's pieces (1.0–1.7 ms against 0.33 "
    "ms of passes), the vocabulary sorted for prefix look-ups by bisection (the sort about 250 µs), and a Latin-1 "
    "copy of the corpus (the copy about 50 µs, each pass only about 8 % quicker). The stop-word codes are one "
    "look-up in C per word, about 38 ns for each of the ~11,900 words (83 ns with the hashing)."
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
    from rekisterikit.validate.needles import automaton_available

    section.notes.append("validate ran with the optional `ahocorasick-rs` (`rekisterikit[fast]`) installed: "
                         + ("yes, the word pieces found in one pass." if automaton_available() else
                            "no, one pass per word piece (install `rekisterikit[fast]` for the quicker path)."))
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

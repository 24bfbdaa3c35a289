"""Precision and recall of the linter per requirement code, on the corpus and on the two sets of held-out statements.

``docs/lint-accuracy.md`` is generated from these figures; regenerate it with
``python -m tests.lint.test_corpus --write`` after changing the linter, a lexicon or an expectation.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from rekisterikit.findings import Requirement
from rekisterikit.lint import lint_file
from rekisterikit.lint.rules import RULES

from .conftest import DATA

DOC = Path(__file__).resolve().parents[2] / "docs" / "lint-accuracy.md"
SETS = {"corpus": DATA / "corpus", "holdout": DATA / "holdout", "holdout_b": DATA / "holdout_b",
        "holdout_d": DATA / "holdout_d", "holdout_e": DATA / "holdout_e", "holdout_f": DATA / "holdout_f",
        "holdout_g": DATA / "holdout_g", "holdout_h": DATA / "holdout_h", "holdout_i": DATA / "holdout_i",
        "holdout_j": DATA / "holdout_j", "holdout_k": DATA / "holdout_k",
        "holdout_l": DATA / "holdout_l", "holdout_m": DATA / "holdout_m", "holdout_n": DATA / "holdout_n",
        "holdout_o": DATA / "holdout_o"}
HELD_OUT = ("holdout", "holdout_b", "holdout_d", "holdout_e", "holdout_f", "holdout_g", "holdout_h", "holdout_i",
            "holdout_j", "holdout_k", "holdout_l", "holdout_m", "holdout_n", "holdout_o")

# Hold-out B as first measured: the linter at commit ee93edb, run once on the seventeen statements right after they
# and their readings were committed (ac55303). Recall 60 of 71 missing items; 43 false alarms over 341 items read as
# present.
HOLDOUT_B_FIRST_RUN = {"tp": 60, "fn": 11, "fp": 43, "present": 341}
# Hold-out D (sixteen statements, commit b713b95) as first measured: the linter at commit a199e8e, 6 December 2026,
# after the first tuning round of that day and before anyone had looked at D's results. Recall 43 of 50; 22 false
# alarms over 338 items read as present. D's error classes (not its statements) then went to a second tuning round.
HOLDOUT_D_FIRST_RUN = {"tp": 43, "fn": 7, "fp": 22, "present": 338}
# Hold-out E (fourteen statements, commit 4a2b5c0), written while that second round ran and first measured after it
# ended: the linter at commit 775647b. Recall 58 of 64; 21 false alarms over 288 items read as present.
HOLDOUT_E_FIRST_RUN = {"tp": 58, "fn": 6, "fp": 21, "present": 288}
# Hold-out F (twelve statements, commit 74a9e81), written while a third round tuned on E's error classes and first
# measured after that round ended: the linter at commit 57684c8. Recall 49 of 51; 13 false alarms over 256 items.
HOLDOUT_F_FIRST_RUN = {"tp": 49, "fn": 2, "fp": 13, "present": 256}
# Hold-out G (fourteen statements, commit c48af64), written while a fourth round tuned on the error classes of D, E
# and F, and first measured after that round ended: the linter at commit 9fd5562. Recall 51 of 57; 11 false
# alarms over 325 items read as present.
HOLDOUT_G_FIRST_RUN = {"tp": 51, "fn": 6, "fp": 11, "present": 325}
# Hold-outs H and I (fourteen statements each, commits e06897f and 7b65210), written by two more helpers while a fifth
# round tuned on G's error classes and on real published statements, and first measured after that round ended: the
# linter at commit f26c97c. H: recall 57 of 68, 22 false alarms over 307; I: recall 66 of 71,
# 16 false alarms over 304.
HOLDOUT_H_FIRST_RUN = {"tp": 57, "fn": 11, "fp": 22, "present": 307}
# Hold-out J (fourteen statements, commit 8194b72), written while a sixth round tuned on the error classes of H and
# I, and first measured after that round ended: the linter at commit ecb239f. Recall 77 of 86; 14 false
# alarms over 282 items read as present.
HOLDOUT_J_FIRST_RUN = {"tp": 77, "fn": 9, "fp": 14, "present": 282}
# Hold-out K (fourteen statements, commit e655b7a), written while a seventh round tuned on the error classes of J
# (and, as round 7b, of a second set of real statements), and first measured after both had ended: the linter at
# commit 1d794b3. Recall 81 of 91; 17 false alarms over 266 items read as present.
HOLDOUT_K_FIRST_RUN = {"tp": 81, "fn": 10, "fp": 17, "present": 266}
# Hold-out L (fourteen statements, commit d962fd7), written while an eighth round tuned on the error classes of K,
# and first measured after it ended: the linter at commit 861ad79. Recall 71 of 77; 4 false alarms over
# 285 items read as present.
HOLDOUT_L_FIRST_RUN = {"tp": 71, "fn": 6, "fp": 4, "present": 285}
# Hold-outs M and N (sixteen and fourteen statements, commits b242db9 and 898b1b1), written by two more helpers while
# a ninth round tuned on the error classes of L and of a third set of real statements, and first measured after it
# ended: the linter at commit 26809a0. M: recall 97 of 104, 11 false alarms over 303; N: recall 71 of 81, 16 false
# alarms over 277.
HOLDOUT_M_FIRST_RUN = {"tp": 97, "fn": 7, "fp": 11, "present": 303}
HOLDOUT_N_FIRST_RUN = {"tp": 71, "fn": 10, "fp": 16, "present": 277}
# Hold-out O (twelve statements, commit b1a1944), written while a tenth round tuned on the error classes of M and N,
# and first measured after it ended: the linter at commit 00aff50. Recall 63 of 71; 10 false alarms over 234.
HOLDOUT_O_FIRST_RUN = {"tp": 63, "fn": 8, "fp": 10, "present": 234}
HOLDOUT_I_FIRST_RUN = {"tp": 66, "fn": 5, "fp": 16, "present": 304}
FIRST_RUNS = {"holdout_b": HOLDOUT_B_FIRST_RUN, "holdout_d": HOLDOUT_D_FIRST_RUN, "holdout_e": HOLDOUT_E_FIRST_RUN,
              "holdout_f": HOLDOUT_F_FIRST_RUN, "holdout_g": HOLDOUT_G_FIRST_RUN, "holdout_h": HOLDOUT_H_FIRST_RUN,
              "holdout_i": HOLDOUT_I_FIRST_RUN, "holdout_j": HOLDOUT_J_FIRST_RUN,
              "holdout_k": HOLDOUT_K_FIRST_RUN, "holdout_l": HOLDOUT_L_FIRST_RUN, "holdout_m": HOLDOUT_M_FIRST_RUN,
              "holdout_n": HOLDOUT_N_FIRST_RUN, "holdout_o": HOLDOUT_O_FIRST_RUN}


def _expectations(directory: Path) -> dict[str, dict[str, object]]:
    data = tomllib.loads((directory / "expected.toml").read_text(encoding="utf-8"))
    statements: dict[str, dict[str, object]] = data["statements"]
    return statements


def outcomes(directory: Path) -> list[tuple[str, str, set[str], set[str]]]:
    """``(statement, language, expected codes, reported codes)`` for every statement of a set."""
    rows = []
    for name, entry in sorted(_expectations(directory).items()):
        result = lint_file(directory / name)
        expected = set(entry["codes"])  # type: ignore[call-overload]
        reported = {f.requirement.value for f in result.findings}
        rows.append((name, str(entry["language"]), expected, reported))
    return rows


def present_items(directory: Path) -> int:
    """How many (statement, code) items the readings of a set mark as present."""
    total = 0
    for entry in _expectations(directory).values():
        present: list[str] = list(entry.get("present", ()))  # type: ignore[call-overload]
        total += len(present)
    return total


def rates(directory: Path) -> tuple[float, float, int, int, int, int]:
    """Recall, false-alarm rate, TP, FN, FP and the number of present items of a set.

    The false-alarm rate is the number of codes the linter reports although the reading does not list them as
    missing, over the number of items the reading marks as present (a report of a code that does not apply counts
    as a false alarm too, so the rate errs on the high side).
    """
    _, total = scores(outcomes(directory))
    present = present_items(directory)
    return (total["tp"] / (total["tp"] + total["fn"]), total["fp"] / present, total["tp"], total["fn"], total["fp"],
            present)


def _summary(directory: Path) -> str:
    recall, alarms, tp, fn, fp, present = rates(directory)
    return (f"Recall **{recall:.3f}** ({tp} of {tp + fn} missing items found); false alarms **{alarms:.3f}** "
            f"({fp} codes reported that the reading does not list as missing, over {present} items read as present).")


def _target(directory: Path) -> str:
    """Whether a set's figures meet the targets for ``lint`` (recall ≥ 0.92, false alarms ≤ 0.04), in words."""
    recall, alarms, *_ = rates(directory)
    met = {"recall": recall >= 0.92, "false alarms": alarms <= 0.04}
    if all(met.values()):
        return "both are met"
    return "; ".join(f"{name} {'meets' if ok else 'does not meet'} it" for name, ok in met.items())


def scores(rows: list[tuple[str, str, set[str], set[str]]]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """True/false positives and false negatives per code, and in total."""
    per_code: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    for _, _, expected, reported in rows:
        for code in expected | reported:
            outcome = "tp" if code in expected and code in reported else "fp" if code in reported else "fn"
            per_code.setdefault(code, Counter())[outcome] += 1
            total[outcome] += 1
    return per_code, total


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def _table(rows: list[tuple[str, str, set[str], set[str]]]) -> list[str]:
    per_code, total = scores(rows)
    lines = ["| code | TP | FP | FN | precision | recall |", "|---|---|---|---|---|---|"]
    for code in [r.value for r in Requirement if r.value in per_code]:
        c = per_code[code]
        lines.append(f"| `{code}` | {c['tp']} | {c['fp']} | {c['fn']} | {_ratio(c['tp'], c['tp'] + c['fp'])} | "
                     f"{_ratio(c['tp'], c['tp'] + c['fn'])} |")
    lines.append(f"| **overall** | {total['tp']} | {total['fp']} | {total['fn']} | "
                 f"**{_ratio(total['tp'], total['tp'] + total['fp'])}** | "
                 f"**{_ratio(total['tp'], total['tp'] + total['fn'])}** |")
    return lines


def _differences(rows: list[tuple[str, str, set[str], set[str]]]) -> list[str]:
    lines = []
    for name, _, expected, reported in rows:
        extra, missed = sorted(reported - expected), sorted(expected - reported)
        if extra or missed:
            lines.append(f"- `{name}`: " + "; ".join(
                part for part in (("reported but not expected: " + ", ".join(f"`{c}`" for c in extra)) if extra
                                  else "", ("expected but not reported: " + ", ".join(f"`{c}`" for c in missed))
                                  if missed else "") if part))
    return lines or ["- none"]


def render() -> str:
    """The accuracy page."""
    corpus, holdout, holdout_b = outcomes(SETS["corpus"]), outcomes(SETS["holdout"]), outcomes(SETS["holdout_b"])
    holdout_d, holdout_e = outcomes(SETS["holdout_d"]), outcomes(SETS["holdout_e"])
    holdout_f, holdout_g = outcomes(SETS["holdout_f"]), outcomes(SETS["holdout_g"])
    holdout_h, holdout_i = outcomes(SETS["holdout_h"]), outcomes(SETS["holdout_i"])
    holdout_j, holdout_k = outcomes(SETS["holdout_j"]), outcomes(SETS["holdout_k"])
    holdout_l = outcomes(SETS["holdout_l"])
    holdout_m, holdout_n = outcomes(SETS["holdout_m"]), outcomes(SETS["holdout_n"])
    holdout_o = outcomes(SETS["holdout_o"])
    every = (corpus + holdout + holdout_b + holdout_d + holdout_e + holdout_f + holdout_g + holdout_h + holdout_i
             + holdout_j + holdout_k + holdout_l + holdout_m + holdout_n + holdout_o)
    languages = Counter(language for _, language, _, _ in every)
    first = HOLDOUT_B_FIRST_RUN
    out = [
        "# Linter accuracy",
        "",
        "<!-- Generated by `python -m tests.lint.test_corpus --write`; tests/lint/test_corpus.py checks it. -->",
        "",
        "How well `rekisterikit lint` finds what a careful legal reading finds, per requirement code. A statement",
        "counts once per code: a *true positive* when the reading and the linter both report the code, a *false",
        "positive* when only the linter does, a *false negative* when only the reading does. Precision is",
        "TP / (TP + FP), recall TP / (TP + FN); *overall* adds up all codes.",
        "",
        "The *false-alarm rate* counts the codes the linter reports that the reading does not list, over the items",
        "the reading marks as present (`present` in `expected.toml`).",
        "",
        f"The statements are in `tests/lint/data/` ({len(every)} statements: "
        + ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items())) + "), each with its expected codes and",
        "the reason for each in `expected.toml`. None is a real shop's statement; they were written for these tests",
        "to cover old *rekisteriseloste* and GDPR-era statements, numbered, unnumbered, run-in and marked-up",
        "headings, plain text, Markdown and HTML (with scripts), Finnish, Swedish, English and bilingual ones.",
        "Forty-six of them (twenty-three in the corpus, twenty-three held out) reproduce, in our own words, patterns",
        "studied in",
        "real published statements of Finnish and Swedish shops and services: purposes and bases in a table, bases",
        "given per purpose in prose, run-in rights lists, bilingual halves, silence on transfers while naming",
        "providers outside the EEA, partial cookie details, the legitimate interest named in the sentence of the",
        "basis, the Swedish *rätt att invända*, claims that IP addresses are anonymous, and the Henkilötietolaki",
        "30 § formula beside the current Kuluttajansuojalaki term *etämyynti*, the ways shops say which data must",
        "be given (\"edellytys sille, että\", \"tähdellä merkityt kentät\", \"ett villkor för att ingå avtalet\",",
        "\"fields marked as required\"), rights in everyday words, trade names as controllers, legitimate interests",
        "\"based on the customer relationship\" and cookies described without their names.",
        "Twenty-two more corpus statements (the fourteenth to eighteenth rounds, issue 21:",
        "`fi_vanha_pohja_voidaan.txt` to `en_run_and_grow_everyday.html` in `expected.toml`) reproduce the classes",
        "of misses and false",
        "alarms reported on hold-out B and on real published statements: rights as modal sentences in an old",
        "template's security section, consent by using the site, \"as long as you are a customer\", a template",
        "transfer heading answered \"Nej\", a two-word trade name, a policy naming no controller, presumed consent to",
        "marketing,",
        "one generic legitimate interest for every purpose, bases listed as alternatives (\"a contract, consent or",
        "legitimate interest\"), one purpose of several left without a basis, a hosted platform's template, a",
        "controller left to another page, recipients named by activity. Their",
        "readings were committed before the linter first ran on them; on that first run the linter found 33 of 41",
        "missing items with 13 false alarms over 161 present items (fourteenth round), 21 of 26 with 6 over 109",
        "(fifteenth), 19 of 22 with 1 over 24 (sixteenth) and 6 of 6 with none over 34 (seventeenth, after the",
        "recipients-by-activity reading) and 16 of 20 with none over 48 (eighteenth, after the readings for the",
        "old template in English and Swedish and for everyday English rights); it was then changed for the general",
        "cause of each",
        "difference, never for the hold-outs.",
        "Five more (the second tuning round on general classes of error, issue 21: `fi_activity_sections_ytj.md`",
        "to `sv_sprakkaka_servicemeddelanden.html`) reproduce the classes of error a further hold-out showed: purposes",
        "as a section per activity, sources named as the trade register and Posti's address service, no marketing",
        "at all, only necessary and language-choice cookies, a first-person sole trader, a transfer under the",
        "Data Privacy Framework with standard clauses, first-party Matomo cookies on legitimate interest, providers",
        "outside the EEA in a text silent on transfers, \"kun niitä ei enää tarvita\" and event photos without a",
        "period. On their first run the linter found 5 of 10 missing items with 11 false alarms over 106 present",
        "items; the four older readings of texts silent on transfers were revised in that round to list",
        "`transfer_safeguards` as missing too.",
        "Six more (the third tuning round, issue 21: `fi_kuntosali_kehonkoostumus.txt`, `sv_nyhetsbrev_sa_lange.md`,",
        "`sv_b2b_kontaktpersoner.txt`, `fi_vanha_pohja_ilman_suostumusta.txt`,",
        "`sv_djurklinik_faktura_kreditprovning.html`, `fi_valokuvaamo_dropbox.md`) reproduce the classes of error",
        "hold-out E showed: health measurements on the contract, 'other business needs' as the interest, a",
        "newsletter on consent with only objection to marketing, \"så länge det behövs\", contact persons of",
        "business customers on legitimate interest, consent named only as not given, an automated credit rule with",
        "its human review and the register named, and a photo archive without a period. On their first run the",
        "linter found 11 of 15 missing items with 10 false alarms over 116 present items (three of them business",
        "ids mistyped in the statements, corrected before they were committed). Four older readings that did not",
        "list \"as long as necessary\" as open-ended wording were corrected to `LEGAL.md`, which does.",
        f"Hold-out B ({len(holdout_b)} statements, `tests/lint/data/holdout_b/`) was written later from a fresh",
        "reading of real statements, for measuring only (see its section); hold-outs D to O",
        f"({len(holdout_d)}, {len(holdout_e)}, {len(holdout_f)}, {len(holdout_g)}, {len(holdout_h)}, "
        f"{len(holdout_i)}, {len(holdout_j)}, {len(holdout_k)}, {len(holdout_l)}, {len(holdout_m)}, {len(holdout_n)} "
        f"and {len(holdout_o)} statements) later still, on 6 December 2026 (see theirs).",
        "The five published seed statements are tested separately, finding by finding and severity by severity",
        "(`tests/lint/data/seeds.toml`), and are not counted here.",
        "",
        "## Corpus",
        "",
        "The linter was developed against these statements, so the figures are optimistic: every difference",
        "found while writing them was either a linter bug (fixed) or a reading error (corrected, with its reason).",
        "",
        _summary(SETS["corpus"]),
        "",
        *_table(corpus),
        "",
        "Differences:",
        "",
        *_differences(corpus),
        "",
        "## Held-out statements",
        "",
        "Written, and their expected codes committed, after the linter had been tuned on the corpus and before it",
        "was first run on them. On that first run it reported 3 codes too many on `en_shop_2020.html` (purposes and",
        "legal basis in a \"What data we collect and why\" section, an explained automated decision taken as",
        "unexplained) and missed 1 (`transfer_safeguards` on `fi_webshop_2018.md`): 37 of its 40 codes were",
        "expected (precision 0.93) and it found 37 of the 38 expected codes (recall 0.97).",
        "The three false positives came from gaps in the English lexicon, which were then filled.",
        "",
        "Ten more (`fi_taulukko_perusteet.md` to `fi_etamyynti_nykyinen.md` in `expected.toml`) were written for",
        "issue 21 and committed, with complete readings, before the linter was run on them and before any tuning",
        "for that issue (see the commit history of `tests/lint/data/holdout/`). On the first run, with the linter",
        "as it was then, the fourteen held-out statements gave recall 0.962 (76 of 79) and false alarms 0.085",
        "(20 codes over 234 items read as present). The linter was then tuned on the corpus (and on real",
        "statements read through a search tool, not committed), never on these. Seven more",
        "(`en_li_customer_relationship.txt` to `en_no_headings.txt`) were then written and committed the same way",
        "and first run on the tuned linter: recall 0.857 (12 of 14), false alarms 0.079 (11 over 139). Six more",
        "(`fi_pakolliset_kentat.md` to `en_li_cookies_unnamed.html`: which data is required, rights in everyday",
        "words, a trade name as the controller, a legitimate interest \"based on the customer relationship\",",
        "cookies without names) were written and committed the same way before the linter was changed for them;",
        "their first run gave recall 0.692 (9 of 13) and false alarms 0.246 (30 over 122). The linter was then",
        "tuned on ten new corpus statements of the same patterns (in other words), never on these. The figures",
        "below, for all twenty-seven and the current linter, are the honest estimate. The target for `lint` is",
        f"recall ≥ 0.92 and false alarms ≤ 0.04: {_target(SETS['holdout'])}.",
        "",
        _summary(SETS["holdout"]),
        "",
        *_table(holdout),
        "",
        "Differences:",
        "",
        *_differences(holdout),
        "",
        "## Hold-out B",
        "",
        "Written for issue 21 on 5 December 2026 by a helper who had not tuned the linter, after the linter had been",
        "tuned on the corpus and after the first hold-out had been looked at: seventeen statements (eight Finnish,",
        "five Swedish, four English; plain text, Markdown and HTML) modelled in our own words on patterns of real",
        "published statements of Finnish shops and services read through a search tool (an auxiliary trade name of",
        "an Oy, purposes, bases and periods in one table or in per-purpose blocks, a 2020 statement still citing the",
        "Henkilötietolaki, the \"by using the site you accept cookies\" boilerplate, a children's contest, the shop's",
        "own instalment credit with an explained automated decision, a first-person sole trader with health data, a",
        "loyalty club with a DPO and explained profiling, a 2017 Swedish *registerbeskrivning*, a credit check with no",
        "register named, rights as everyday list items, a Privacy Shield policy charging for copies). Each reading is",
        "complete (`present`, `codes` and `not_applicable` together cover every code the linter reports on) and was",
        "committed (commit ac55303) before the linter was first run on these statements. On that first run, with the",
        f"linter at commit ee93edb, recall was {first['tp'] / (first['tp'] + first['fn']):.3f} ({first['tp']} of "
        f"{first['tp'] + first['fn']}) and false alarms {first['fp'] / first['present']:.3f}",
        f"({first['fp']} over {first['present']} items read as present). No reading was changed after that run.",
        "The linter is not tuned on these statements; the figures below are for the current linter.",
        "",
        _summary(SETS["holdout_b"]),
        "",
        *_table(holdout_b),
        "",
        "Differences:",
        "",
        *_differences(holdout_b),
        "",
        *_later_holdout("D", "holdout_d", holdout_d, (
            "Written for issue 21 on 6 December 2026 by a helper who had not tuned the linter and was not to read its",
            "code or run it: sixteen statements (seven Finnish, five Swedish, four English) modelled in our own words",
            "on patterns of real published statements, readings committed (b713b95) before the linter ran on them. Its",
            "first run came after that day's first tuning round (linter at a199e8e). **D has since been looked at:**",
            "the classes of its errors (not its statements) were given to a second tuning round, which reproduced",
            "them in five new corpus statements; so its current figures are optimistic, and its first run is the",
            "honest estimate.")),
        "",
        *_later_holdout("E", "holdout_e", holdout_e, (
            "Written for issue 21 on 6 December 2026, while the second tuning round ran, by another helper under the",
            "same rules (not reading the linter, not running it): fourteen statements (six Finnish, four Swedish, four",
            "English), readings committed (4a2b5c0) before the linter first ran on them, after that round had ended",
            "(linter at 775647b). **E has since been looked at:** the classes of its errors went to a third tuning",
            "round, so its current figures are optimistic, and its first run is the honest estimate.")),
        "",
        *_later_holdout("F", "holdout_f", holdout_f, (
            "Written for issue 21 on 6 December 2026, while the third tuning round ran, by another helper under the",
            "same rules: twelve statements (five Finnish, four Swedish, three English), readings committed (74a9e81)",
            "before the linter first ran on them, after that round had ended (linter at 57684c8). **F has since been",
            "looked at:** its classes of error went to a fourth tuning round, so its current figures are optimistic.")),
        "",
        *_later_holdout("G", "holdout_g", holdout_g, (
            "Written for issue 21 on 6 December 2026, while the fourth tuning round ran, by another helper under the",
            "same rules: fourteen statements (six Finnish, four Swedish, four English; seven of them nearly",
            "complete), readings committed (c48af64) before the linter first ran on them, after that round had ended",
            "(linter at 9fd5562). **G has since been looked at:** its classes of error went to a fifth tuning round,",
            "so its current figures are optimistic.")),
        "",
        *_together_first("H and I", ("holdout_h", "holdout_i"), latest=False),
        "",
        *_later_holdout("H", "holdout_h", holdout_h, (
            "Written for issue 21 on 6 December 2026, while the fifth tuning round ran, by another helper under the",
            "same rules (not reading the linter, not running it): fourteen statements (six Finnish, four Swedish, four",
            "English; seven of them nearly complete), readings committed (e06897f) before the linter first ran on",
            f"them, after that round had ended (linter at {HOLDOUT_H_COMMIT}). **H has since been looked at:** its",
            "classes of error went to a sixth tuning round, so its current figures are optimistic.")),
        "",
        *_later_holdout("I", "holdout_i", holdout_i, (
            "Written at the same time as H by a third helper under the same rules, who did not open H: fourteen",
            "statements (six Finnish, four Swedish, four English; seven of them nearly complete), readings committed",
            f"(7b65210) before the linter first ran on them, with H (linter at {HOLDOUT_H_COMMIT}). **I has since",
            "been looked at** by the sixth tuning round, like H.")),
        "",
        *_later_holdout("J", "holdout_j", holdout_j, (
            "Written for issue 21 on 6 December 2026, while the sixth tuning round ran on the classes of error of H",
            "and I, by another helper under the same rules (not reading the linter, not running it): fourteen",
            f"statements, readings committed ({HOLDOUT_J_WRITTEN}) before the linter first ran on them, after that",
            f"round had ended (linter at {HOLDOUT_J_COMMIT}). **J has since been looked at:** its classes of error",
            "went to a seventh tuning round, so its current figures are optimistic.")),
        "",
        *_later_holdout("K", "holdout_k", holdout_k, (
            "Written for issue 21 on 6 December 2026, while the seventh tuning round ran on the classes of error of J",
            "(and round 7b on those of a second set of real statements), by another helper under the same rules (not",
            f"reading the linter, not running it): fourteen statements, readings committed ({HOLDOUT_K_WRITTEN})",
            f"before the linter first ran on them, after both rounds had ended (linter at {HOLDOUT_K_COMMIT}). **K has",
            "since been looked at:** its classes of error went to an eighth tuning round, so its current figures are",
            "optimistic. The first runs of F to K (0.961, 0.895, 0.838, 0.930, 0.895 and 0.890 recall; 5.1, 3.4, 7.2,",
            "5.3, 5.0 and 6.4 % false alarms) show a pattern: each round brings the sets it looks at near the targets,",
            "and each new writer's wording brings recall back to about 0.9 and false alarms to about 5–6 %.")),
        "",
        *_later_holdout("L", "holdout_l", holdout_l, (
            "Written for issue 21 on 6 December 2026, while the eighth tuning round ran on the classes of error of K,",
            "by another helper under the same rules (not reading the linter, not running it; the writer studied real",
            f"statements for about five minutes): fourteen statements, readings committed ({HOLDOUT_L_WRITTEN})",
            f"before the linter first ran on them, after that round had ended (linter at {HOLDOUT_L_COMMIT}).",
            "Both targets were met on it, for the first time on a new hold-out; one set is a small sample, and the",
            "first runs of H to L counted together (next section) were the honest estimate then. **L has since been",
            "looked at:** its classes of error went to a ninth tuning round (with those of a third set of real",
            "statements), so its current figures are optimistic; its first run stays the guarded estimate.")),
        "",
        *_together_first("H to L", ("holdout_h", "holdout_i", "holdout_j", "holdout_k", "holdout_l"), latest=False),
        "",
        *_later_holdout("M", "holdout_m", holdout_m, (
            "Written for issue 21 on 6 December 2026, while the ninth tuning round ran on the classes of error of L",
            "and of a third set of real statements, by another helper under the same rules (not reading the linter,",
            "not running it): sixteen statements, readings committed (b242db9) before the linter first ran on them,",
            "after that round had ended (linter at 26809a0). Both targets were met on its first run. **M has since",
            "been looked at:** its classes of error went to a tenth tuning round (with those of N), so its current",
            "figures are optimistic; its first run stays the guarded estimate.")),
        "",
        *_later_holdout("N", "holdout_n", holdout_n, (
            "Written at the same time as M by a third helper under the same rules (who studied real statements for",
            "only two or three minutes): fourteen statements, readings committed (898b1b1) before the linter first",
            "ran on them, with M (linter at 26809a0). Neither target was met on its first run. **N has since been",
            "looked at** by the tenth tuning round, like M: its current figures are optimistic, its first run stays",
            "the guarded estimate.")),
        "",
        *_together_first("H to N", ("holdout_h", "holdout_i", "holdout_j", "holdout_k", "holdout_l", "holdout_m",
                                    "holdout_n"), latest=False),
        "",
        *_later_holdout("O", "holdout_o", holdout_o, (
            "Written for issue 21 on 6 December 2026, while the tenth tuning round ran on the classes of error of M",
            "and N, by another helper under the same rules (not reading the linter, not running it; it studied real",
            "statements for only a few minutes): twelve statements, readings committed (b1a1944) before the linter",
            "first ran on them, after that round had ended (linter at 00aff50). Neither target was met on its first",
            "run. **O has since been looked at:** its classes of error went to an eleventh tuning round (with those",
            "of a fourth set of real statements), so its current figures are optimistic; its first run stays the",
            "guarded estimate.")),
        "",
        *_together_first("H to O", ("holdout_h", "holdout_i", "holdout_j", "holdout_k", "holdout_l", "holdout_m",
                                    "holdout_n", "holdout_o"), latest=True),
        "",
        "## Known limits",
        "",
        "- A provider outside the EEA that the text names without mentioning any transfer (the Facebook pixel in",
        "  `fi_webshop_2018.md`) is reported as an undisclosed transfer, but the missing safeguards are reported",
        "  only when the text itself says that data leaves the EEA.",
        "- The linter decides per statement, not per purpose: one stated legal basis counts as \"legal basis",
        "  given\" even if other purposes have none, except where purposes have a subsection each and one of at",
        "  least three lacks its basis. `rekisterikit check` on the imported statement judges per purpose.",
        "- A controller named only by a trade name, without legal form or business id, is flagged",
        "  (`RK-LINT-CONTROLLER-TRADE-NAME`) unless the name looks like a person's: two or three capitalised words",
        "  of which the first is a common first name in Finland, or the text says the controller is a sole trader,",
        "  or the same name is the contact person. A sole trader whose first name the list lacks, and who says",
        "  neither, is read as a trade name.",
        "- Statutory-requirement wording and rights named in everyday words vary most between real statements; the",
        "  lexicons know the wordings studied, and other wordings are still read as missing (false alarms).",
        "- Judgments that need knowledge outside the text (which recipients a shop really has, whether \"no",
        "  disclosure\" is believable) are out of reach.",
        "",
    ]
    return "\n".join(out)


def _later_holdout(letter: str, key: str, rows: list[tuple[str, str, set[str], set[str]]],
                   about: tuple[str, ...]) -> list[str]:
    first = FIRST_RUNS[key]
    found = first["tp"] + first["fn"]
    return [
        f"## Hold-out {letter}",
        "",
        *about,
        f"On that first run recall was {first['tp'] / found:.3f} ({first['tp']} of {found}) and false alarms",
        f"{first['fp'] / first['present']:.3f} ({first['fp']} over {first['present']} items read as present): the",
        f"targets (recall ≥ 0.92, false alarms ≤ 0.04) are {_first_target(first)}. No reading was changed after it.",
        "The figures below are for the current linter.",
        "",
        _summary(SETS[key]),
        "",
        *_table(rows),
        "",
        "Differences:",
        "",
        *_differences(rows),
    ]


#: The linter's commit at the first run of hold-outs L, K, J, and H and I, and the commits of their readings.
HOLDOUT_L_COMMIT, HOLDOUT_L_WRITTEN = "861ad79", "d962fd7"
HOLDOUT_K_COMMIT, HOLDOUT_K_WRITTEN = "1d794b3", "e655b7a"
HOLDOUT_J_COMMIT, HOLDOUT_J_WRITTEN = "ecb239f", "8194b72"
HOLDOUT_H_COMMIT = "f26c97c"


def _together_first(letters: str, keys: tuple[str, ...], *, latest: bool) -> list[str]:
    """The first runs of several hold-outs counted as one set: the honest estimate (the latest, or of its time)."""
    tp, fn, fp, present = (sum(FIRST_RUNS[k][x] for k in keys) for x in ("tp", "fn", "fp", "present"))
    first = {"tp": tp, "fn": fn, "fp": fp, "present": present}
    return [
        f"## Hold-outs {letters} together, first run",
        "",
        f"{'The latest honest estimate' if latest else 'The honest estimate of their time'}: hold-outs {letters}",
        f"({', '.join(f'`{k}/`' for k in keys)}), counted as",
        f"one set at their first run: recall {tp / (tp + fn):.3f} ({tp} of {tp + fn}) and false alarms",
        f"{fp / present:.3f} ({fp} over {present} items read as present); the targets (recall ≥ 0.92, false",
        f"alarms ≤ 0.04) are {_first_target(first)}.",
    ]


def _first_target(first: dict[str, int]) -> str:
    recall, alarms = first["tp"] / (first["tp"] + first["fn"]), first["fp"] / first["present"]
    met = [recall >= 0.92, alarms <= 0.04]
    return "both met" if all(met) else "both missed" if not any(met) else (
        "met for recall, missed for false alarms" if met[0] else "missed for recall, met for false alarms")


def test_corpus_precision_and_recall_stay_above_0_9() -> None:
    """On the statements it was tuned on, the linter keeps precision and recall above 0.9."""
    _, total = scores(outcomes(SETS["corpus"]))
    precision = total["tp"] / (total["tp"] + total["fp"])
    recall = total["tp"] / (total["tp"] + total["fn"])
    assert (True, True) == (precision > 0.9, recall > 0.9), (precision, recall)


def test_holdout_recall_and_false_alarms_do_not_regress() -> None:
    """On the held-out statements recall stays at or above 0.96 and false alarms at or below 5.9 %, as measured.

    The targets are recall ≥ 0.92 and false alarms ≤ 4 %; the false-alarm rate measured on the held-out statements is
    higher (docs/lint-accuracy.md), so this guards against regression without claiming the target.
    """
    recall, alarms, *_ = rates(SETS["holdout"])
    assert (True, True) == (recall >= 0.96, alarms <= 0.059), (recall, alarms)


@pytest.mark.parametrize("key", sorted(FIRST_RUNS))
def test_later_holdout_recall_and_false_alarms_do_not_regress(key: str) -> None:
    """On hold-outs B and D to O recall stays at or above, and false alarms at or below, the first
    run's figures.

    Those figures miss the targets (recall ≥ 0.92, false alarms ≤ 4 %); this guards against regression without
    claiming the target.
    """
    recall, alarms, *_ = rates(SETS[key])
    first = FIRST_RUNS[key]
    floor, ceiling = first["tp"] / (first["tp"] + first["fn"]), first["fp"] / first["present"]
    assert (True, True) == (recall >= floor, alarms <= ceiling), (recall, alarms)


@pytest.mark.parametrize("key", sorted(FIRST_RUNS))
def test_later_holdout_readings_cover_every_code_once(key: str) -> None:
    """Each reading of hold-outs B and D to O puts every code the linter reports on in present,
    codes or n/a."""
    linter_codes = sorted({r.requirement.value for r in RULES.values()})
    problems = {}
    for name, entry in _expectations(SETS[key]).items():
        listed = [*entry["present"], *entry["codes"], *entry["not_applicable"]]  # type: ignore[misc]
        if sorted(listed) != linter_codes:
            problems[name] = sorted(set(linter_codes).symmetric_difference(listed)) or "a code listed twice"
    assert {} == problems


@pytest.mark.parametrize("name", sorted(SETS))
def test_readings_are_complete_for_every_statement(name: str) -> None:
    """Every statement has a reading of present items, and no code is both present and missing."""
    problems = [n for n, e in _expectations(SETS[name]).items()
                if not e.get("present") or set(e["present"]) & set(e["codes"])]  # type: ignore[call-overload]
    assert [] == problems


def test_corpus_covers_languages_formats_and_eras() -> None:
    """At least forty statements, a third of them held out, in all three languages and formats.

    Every ``holdout*`` directory counts as held out, also one not yet scored on this page (its statements are
    counted, not read).
    """
    names = [name for directory in SETS.values() for name in _expectations(directory)]
    languages = {str(e["language"]) for directory in SETS.values() for e in _expectations(directory).values()}
    held_out = sorted(p.parent for p in DATA.glob("holdout*/expected.toml"))
    held = sum(len(_expectations(directory)) for directory in held_out)
    assert len(names) >= 40
    assert held * 3 >= len(_expectations(SETS["corpus"])) + held, (held, len(_expectations(SETS["corpus"])))
    assert {"fi", "sv", "en"} == languages
    assert {".txt", ".md", ".html"} == {Path(n).suffix for n in names}


def test_accuracy_page_is_up_to_date() -> None:
    """docs/lint-accuracy.md is what the current linter gives (regenerate with --write)."""
    assert render() == DOC.read_text(encoding="utf-8"), "run: python -m tests.lint.test_corpus --write"


if __name__ == "__main__":  # pragma: no cover
    if "--write" in sys.argv:
        DOC.write_text(render(), encoding="utf-8")
    else:
        sys.stdout.write(render())

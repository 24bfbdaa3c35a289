"""How well ``rekisterikit check`` finds what a legal reading finds on statements the rules were not written for,
per requirement code, against the issue 21 targets (recall ≥ 0.95, false alarms ≤ 3 %).

The statements are fictional shops modelled in ``tests/validate/data/accuracy/``: eight in ``tuned/``, which the
rules may be corrected on, the rest in ``holdout/``, which they are not, a second hold-out in ``holdout_b/``,
written after the fixes that followed the first runs, and a third in ``holdout_c/``, written later still. Their
reading is ``tests/validate/data/accuracy/readings.toml`` (the shape of ``tests/lint/data/seeds.toml``), written
and committed before ``check`` was first run on them. Scoring is that of the seeds (``tests/validate/accuracy.py``).

The section "Accuracy on held-out statements" of ``docs/checking.md`` is generated from these figures; regenerate it
with ``python -m tests.validate.test_check_accuracy --write``.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from rekisterikit import Statement, load
from rekisterikit.findings import Severity
from rekisterikit.validate import validate
from tests.validate.accuracy import (
    ALARM_TARGET,
    RECALL_TARGET,
    Row,
    check_reading_shape,
    codes,
    differences,
    per_code_table,
    rates,
    score,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "validate" / "data" / "accuracy"
READING = DATA / "readings.toml"
DOC = ROOT / "docs" / "checking.md"
START, END = "<!-- check-accuracy:start -->", "<!-- check-accuracy:end -->"
SETS = ("tuned", "holdout", "holdout_b", "holdout_c", "holdout_d", "holdout_e", "holdout_f", "holdout_g", "holdout_h",
        "holdout_i", "holdout_j", "holdout_k",
        "holdout_l", "holdout_m", "holdout_n", "holdout_o", "holdout_p")
#: Hold-outs written and read but not yet run: their models must load and their readings have the right shape,
#: but ``check`` is not run on them (nor are they scored) until their first run is recorded.
HELD_BACK: tuple[str, ...] = ()

#: The hold-out figures of the first run of ``check`` on the held-out statements, before any rule was changed
#: after it. They are the honest estimate; the guard below keeps later figures from falling below them.
FIRST_HOLDOUT = {"recall": 32 / 41, "alarms": 4 / 183, "strict": 13 / 183, "tp": 32, "fn": 9, "fp": 4, "note": 9,
                 "present": 183}
#: The same for the second hold-out (``holdout_b``), written after the rule fixes and run once.
FIRST_HOLDOUT_B = {"recall": 6 / 7, "alarms": 2 / 93, "strict": 4 / 93, "tp": 6, "fn": 1, "fp": 2, "note": 2,
                   "present": 93}
#: The same for the third hold-out (``holdout_c``): thirteen statements written and read before ``check`` ran on
#: them, first run on 2026-12-05 at 23:05 UTC on the code of commit a741e37.
FIRST_HOLDOUT_C = {"recall": 44 / 48, "alarms": 3 / 277, "strict": 11 / 277, "tp": 44, "fn": 4, "fp": 3, "note": 8,
                   "present": 277}
#: The fourth and fifth hold-outs (``holdout_d``, twelve statements, commit b826aac; ``holdout_e``, ten, commit
#: b99b787), written on 2026-12-06 by two helpers who did not read the rules or run them, while the rules were being
#: corrected for the third hold-out's classes, and first run at 01:48 UTC on the code of commit 775647b, after that
#: work had ended. Nothing has been tuned on them.
FIRST_HOLDOUT_D = {"recall": 39 / 51, "alarms": 5 / 253, "strict": 13 / 253, "tp": 39, "fn": 12, "fp": 5, "note": 8,
                   "present": 253}
FIRST_HOLDOUT_E = {"recall": 44 / 54, "alarms": 4 / 212, "strict": 10 / 212, "tp": 44, "fn": 10, "fp": 4, "note": 6,
                   "present": 212}
#: The sixth hold-out (``holdout_f``, ten statements, commit f9df613), written while a second rule round worked from
#: the fourth and fifth hold-outs' classes of error, first run at 02:15 UTC on the code of commit a0ac393, after that
#: round had ended. Nothing has been tuned on it.
FIRST_HOLDOUT_F = {"recall": 43 / 51, "alarms": 8 / 211, "strict": 14 / 211, "tp": 43, "fn": 8, "fp": 8, "note": 6,
                   "present": 211}
#: The seventh hold-out (``holdout_g``, ten statements, commit 67cfa81), written while a fourth rule round worked from
#: the fourth to sixth hold-outs' classes of error, first run at 04:57 UTC on the code of commit 9fd5562, after
#: that round had ended. Nothing has been tuned on it.
FIRST_HOLDOUT_G = {"recall": 31 / 34, "alarms": 12 / 233, "strict": 16 / 233, "tp": 31, "fn": 3, "fp": 12,
                   "note": 4, "present": 233}
#: The eighth and ninth hold-outs (``holdout_h``, ten statements, commit 01c9780; ``holdout_i``, ten, commit 0746631),
#: written by two more helpers who neither read the rules nor ran them, while a fifth rule round worked from the
#: seventh hold-out's classes of error and from real published statements, first run at 08:58 UTC on the code of
#: commit b0be166, after that round had ended. Nothing has been tuned on them.
FIRST_HOLDOUT_H = {"recall": 46 / 48, "alarms": 4 / 226, "strict": 7 / 226, "tp": 46, "fn": 2,
                   "fp": 4, "note": 3, "present": 226}
#: The tenth hold-out (``holdout_j``, commit 8741db4), written while a sixth rule round worked from the eighth and
#: ninth hold-outs' classes of error, first run at 09:20 UTC on the code of commit 61a6f8c, after that round had
#: ended. Nothing has been tuned on it. Ten of its twelve false alarms are RK-CHANGES-NEW-PURPOSE's 13(3) reminder on
#: statements with no changes section: the reading's own header calls that reminder an agreed note, but no entry lists
#: it; the reading is kept as it was run (with those ten as agreed notes the rate would be 2 / 237).
FIRST_HOLDOUT_J = {"recall": 30 / 32, "alarms": 12 / 237, "strict": 12 / 237, "tp": 30, "fn": 2,
                   "fp": 12, "note": 0, "present": 237}
#: The eleventh hold-out (``holdout_k``, commit a2cff56), written while a seventh rule round worked from the tenth
#: hold-out's classes of error, first run at 11:25 UTC on the code of commit 9c27a8c, after that round had ended.
#: Nothing has been tuned on it. Its reading lists the agreed reminders as notes (the house convention J's header
#: stated but its entries did not apply).
FIRST_HOLDOUT_K = {"recall": 27 / 29, "alarms": 4 / 233, "strict": 12 / 233, "tp": 27, "fn": 2,
                   "fp": 4, "note": 8, "present": 233}
#: The twelfth hold-out (``holdout_l``, commit 5935704), written while an eighth rule round worked from the
#: eleventh hold-out's classes of error, first run at 11:35 UTC on the code of commit 596aee2, after that round had
#: ended. Nothing has been tuned on it. Its writer read hold-out K's reading (allowed: K had had its first run) and
#: followed its filing of a needless personal identity code under legal_basis.
FIRST_HOLDOUT_L = {"recall": 30 / 34, "alarms": 3 / 220, "strict": 11 / 220, "tp": 30, "fn": 4,
                   "fp": 3, "note": 8, "present": 220}
#: The thirteenth hold-out (``holdout_m``, commit 4b56c3f), written while a ninth rule round worked from the
#: twelfth hold-out's classes of error, first run at 11:55 UTC on the code of commit 25e14b7, after that round had
#: ended. It has since been looked at: a tenth rule round worked from its false alarms, so its "now" figures are
#: optimistic and these first-run figures stay the guarded honest estimate.
FIRST_HOLDOUT_M = {"recall": 33 / 33, "alarms": 3 / 216, "strict": 11 / 216, "tp": 33, "fn": 0,
                   "fp": 3, "note": 8, "present": 216}
#: The fourteenth and fifteenth hold-outs (``holdout_n``, fourteen models, commit c3096a8; ``holdout_o``, twelve,
#: commit 9724020), written by two more helpers who neither read the rules nor ran them (N's writer studied real
#: statements only briefly; O's read about 24 openings of real statements), while a tenth rule round worked from the
#: thirteenth hold-out's classes of error and from a second set of real statements, first run at 14:44 UTC on the
#: code of commit 26809a0, after that round had ended. They have since been looked at: an eleventh rule round
#: worked from their classes of error, so their "now" figures are optimistic and these first-run figures stay the
#: guarded honest estimate.
FIRST_HOLDOUT_N = {"recall": 36 / 41, "alarms": 6 / 310, "strict": 16 / 310, "tp": 36, "fn": 5,
                   "fp": 6, "note": 10, "present": 310}
FIRST_HOLDOUT_O = {"recall": 27 / 29, "alarms": 3 / 280, "strict": 12 / 280, "tp": 27, "fn": 2,
                   "fp": 3, "note": 9, "present": 280}
#: The sixteenth hold-out (``holdout_p``, ten models, commit f9d066b), written by another helper who neither read the
#: rules nor ran them (it studied about 20 openings of real statements), while the eleventh rule round worked from
#: the fourteenth and fifteenth hold-outs' classes of error, first run at 15:19 UTC on the code of commit d1598e8,
#: after that round had ended. Nothing had been tuned on it.
FIRST_HOLDOUT_P = {"recall": 27 / 27, "alarms": 0 / 212, "strict": 9 / 212, "tp": 27, "fn": 0,
                   "fp": 0, "note": 9, "present": 212}
FIRST_HOLDOUT_I = {"recall": 59 / 63, "alarms": 5 / 204, "strict": 10 / 204, "tp": 59, "fn": 4,
                   "fp": 5, "note": 5, "present": 204}


#: Rule fixes made after the first hold-out run, each for a finding a lawyer would call plainly wrong on a held-out
#: statement; they change the "now" figures, not the first-run ones.
AFTER_HOLDOUT = (
    "`RK-CHANGES-NEW-PURPOSE` read \"Jos muutamme käsittelyn tarkoituksia, ilmoitamme siitä ... ennen muutoksen "
    "voimaantuloa\" (`paahtimo-kajo`) as saying nothing about new purposes; it now reads a change of the purposes "
    "as well (one false alarm fewer)",
    "Issue 21 closed the gaps these runs exposed with general rules (each tested in "
    "`tests/validate/test_rules_gaps.py`): `RK-RETENTION-UNDEFINED` reads the Swedish and English wording and an end "
    "of the customer relationship defined elsewhere in the register; `RK-COOKIES-TRACKING-UNDECLARED`, "
    "`RK-COMPLAINT-NON-EEA`, `RK-BASIS-THIRD-COUNTRY-LAW`, `RK-LANGUAGE-NOT-NATIONAL` and "
    "`RK-MARKETING-OBJECTION-CHANNEL` are new; `RK-IP-NOT-PERSONAL` reads anonymisation claims; "
    "`RK-PERSONAL-IDENTITY-CODE` accepts a code passed on for a credit decision, `RK-TRANSFER-UNDISCLOSED` a "
    "recipient in the controller's own country under a general adequacy decision, and `RK-RECIPIENT-DETAILS` a "
    "generic category whose description gives the activity. They were written knowing these statements, so the "
    "\"now\" figures are not an estimate; the first-run figures are",
)


def reading() -> dict[str, dict[str, Any]]:
    """The readings, by statement (the model's file stem)."""
    data: dict[str, dict[str, Any]] = tomllib.loads(READING.read_text(encoding="utf-8"))
    return data


def model_path(key: str, entry: dict[str, Any]) -> Path:
    """The model file of a reading entry."""
    return DATA / str(entry["set"]) / f"{key}.toml"


def outcomes(which: str) -> list[Row]:
    """Per statement of set ``which``: its key, its model's path, the outcome counts and the per-code outcomes."""
    rows: list[Row] = []
    for key, entry in sorted(reading().items()):
        if entry["set"] != which:
            continue
        counts, per_code = score(entry, validate(load(model_path(key, entry))).findings)
        rows.append((key, f"{which}/{key}.toml", counts, per_code))
    return rows


def figures(which: str) -> dict[str, float]:
    """Recall, false-alarm rate, strict rate and counts of set ``which``."""
    present = sum(len(codes(e, "present")) for e in reading().values() if e["set"] == which)
    return rates(outcomes(which), present)


def _together(*runs: dict[str, float]) -> dict[str, float]:
    """The figures of several first runs counted as one set."""
    tp, fn, fp, note, present = (sum(r[k] for r in runs) for k in ("tp", "fn", "fp", "note", "present"))
    return {"recall": tp / (tp + fn), "alarms": fp / present, "strict": (fp + note) / present, "tp": tp, "fn": fn,
            "fp": fp, "note": note, "present": present}


def _summary(name: str, r: dict[str, float]) -> str:
    return (f"{name}: recall **{r['recall']:.3f}** ({r['tp']:.0f} of {r['tp'] + r['fn']:.0f} missing items found); "
            f"false alarms **{r['alarms']:.3f}** ({r['fp']:.0f} over {r['present']:.0f} items read as present); "
            f"strict (agreed reminders counted as false alarms, {r['note']:.0f} of them) {r['strict']:.3f}.")


def render_section() -> str:
    """The generated section of docs/checking.md, markers included."""
    rows = {which: outcomes(which) for which in SETS}
    r = {which: figures(which) for which in SETS}
    counts = {which: len(rows[which]) for which in SETS}
    first = FIRST_HOLDOUT
    out = [
        START,
        "<!-- Generated by `python -m tests.validate.test_check_accuracy --write`; "
        "tests/validate/test_check_accuracy.py checks it. -->",
        "",
        "## Accuracy on held-out statements",
        "",
        "The seeds above are the statements the rules were corrected on. To measure `check` on statements it was",
        f"not written for, {sum(counts.values())} fictional shops were modelled in the statement "
        "format (`tests/validate/data/accuracy/`),",
        "reproducing in our own words patterns of real published Finnish and Finland-Swedish statements: silence on",
        "transfers beside US providers, cookies declared in part, missing or invalid bases, shop names without a",
        "legal person, permissive retention, consent records without withdrawal, credit checks, joint controllers,",
        "the personal identity code, run-in rights, and nearly complete statements. Each was read per requirement",
        "code (`readings.toml`, the shape of the seed reading) and the readings were committed before `check` first",
        f"ran on them. {counts['tuned']} statements (`tuned/`) were used to correct rules; the other "
        f"{counts['holdout']} (`holdout/`) were run once",
        f"after that and not tuned on. A second hold-out of {counts['holdout_b']} statements (`holdout_b/`) was "
        "written after the fixes that",
        "followed, read, committed and run once, to measure the rules as they now are. The same hand wrote the rules",
        "and the statements, so neither hold-out is a stranger's; the readings were fixed before `check` saw them.",
        "Scoring is the seeds' (above).",
        "",
        "- " + _summary("Tuned", r["tuned"]),
        "- " + _summary("Hold-out, first run", first),
        "- " + _summary("Hold-out, now", r["holdout"]),
        "- " + _summary("Second hold-out, first run", FIRST_HOLDOUT_B),
        "- " + _summary("Second hold-out, now", r["holdout_b"]),
        "- " + _summary("Third hold-out, first run", FIRST_HOLDOUT_C),
        "- " + _summary("Third hold-out, now", r["holdout_c"]),
        "- " + _summary("Fourth hold-out, first run", FIRST_HOLDOUT_D),
        "- " + _summary("Fifth hold-out, first run", FIRST_HOLDOUT_E),
        "- " + _summary("Fourth and fifth together, first run", _together(FIRST_HOLDOUT_D, FIRST_HOLDOUT_E)),
        "- " + _summary("Fourth hold-out, now", r["holdout_d"]),
        "- " + _summary("Fifth hold-out, now", r["holdout_e"]),
        "- " + _summary("Sixth hold-out, first run", FIRST_HOLDOUT_F),
        "- " + _summary("Sixth hold-out, now", r["holdout_f"]),
        "- " + _summary("Seventh hold-out, first run", FIRST_HOLDOUT_G),
        "- " + _summary("Seventh hold-out, now", r["holdout_g"]),
        "- " + _summary("Eighth hold-out, first run", FIRST_HOLDOUT_H),
        "- " + _summary("Ninth hold-out, first run", FIRST_HOLDOUT_I),
        "- " + _summary("Eighth and ninth together, first run", _together(FIRST_HOLDOUT_H, FIRST_HOLDOUT_I)),
        "- " + _summary("Eighth hold-out, now", r["holdout_h"]),
        "- " + _summary("Ninth hold-out, now", r["holdout_i"]),
        "- " + _summary("Tenth hold-out, first run", FIRST_HOLDOUT_J),
        "- " + _summary("Tenth hold-out, now", r["holdout_j"]),
        "- " + _summary("Eleventh hold-out, first run", FIRST_HOLDOUT_K),
        "- " + _summary("Eleventh hold-out, now", r["holdout_k"]),
        "- " + _summary("Twelfth hold-out, first run", FIRST_HOLDOUT_L),
        "- " + _summary("Twelfth hold-out, now", r["holdout_l"]),
        "- " + _summary("Thirteenth hold-out, first run", FIRST_HOLDOUT_M),
        "- " + _summary("Thirteenth hold-out, now", r["holdout_m"]),
        "- " + _summary("Eighth to thirteenth together, first runs", _together(
            FIRST_HOLDOUT_H, FIRST_HOLDOUT_I, FIRST_HOLDOUT_J, FIRST_HOLDOUT_K, FIRST_HOLDOUT_L, FIRST_HOLDOUT_M)),
        "- " + _summary("Fourteenth hold-out, first run", FIRST_HOLDOUT_N),
        "- " + _summary("Fourteenth hold-out, now", r["holdout_n"]),
        "- " + _summary("Fifteenth hold-out, first run", FIRST_HOLDOUT_O),
        "- " + _summary("Fifteenth hold-out, now", r["holdout_o"]),
        "- " + _summary("Eighth to fifteenth together, first runs", _together(
            FIRST_HOLDOUT_H, FIRST_HOLDOUT_I, FIRST_HOLDOUT_J, FIRST_HOLDOUT_K, FIRST_HOLDOUT_L, FIRST_HOLDOUT_M,
            FIRST_HOLDOUT_N, FIRST_HOLDOUT_O)),
        "- " + _summary("Sixteenth hold-out, first run", FIRST_HOLDOUT_P),
        "- " + _summary("Eighth to sixteenth together, first runs", _together(
            FIRST_HOLDOUT_H, FIRST_HOLDOUT_I, FIRST_HOLDOUT_J, FIRST_HOLDOUT_K, FIRST_HOLDOUT_L, FIRST_HOLDOUT_M,
            FIRST_HOLDOUT_N, FIRST_HOLDOUT_O, FIRST_HOLDOUT_P)),
        "- " + _summary("Thirteenth to sixteenth together, first runs (after the ninth to eleventh rounds)",
                        _together(FIRST_HOLDOUT_M, FIRST_HOLDOUT_N, FIRST_HOLDOUT_O, FIRST_HOLDOUT_P)),
        "",
        f"The targets are recall ≥ {RECALL_TARGET} and false alarms ≤ {ALARM_TARGET}. The first-run hold-out figures "
        "are the honest estimate: the tuned statements meet the targets, the held-out ones do not (recall). The",
        "second hold-out has few missing items, so its recall says little on its own.",
        "Rules fixed after the hold-out run, for findings a lawyer would call plainly wrong:",
        "",
        *(f"- {fix}." for fix in AFTER_HOLDOUT),
        "",
        "At the first run, the misses on the hold-out were gaps no rule covered, not wrong findings: a Swedish",
        "\"så länge kundrelationen pågår\", a shop name that looks like a person's (\"Vintage Kulta\"), analytics by",
        "Google with no word on cookies, a complaint sent only to a non-EU regulator, a legal obligation under a",
        "third country's law (6(3)), a statement in English only for a Finnish storefront, and the absolute right to",
        "object stated for one marketing channel but not another. The false alarms were judgements made without the",
        "context a reader has: a UK carrier of a UK controller taken for an undisclosed transfer, partners whose",
        "activity is given only in the description, and a personal identity code the order purpose passes to a",
        "payment provider for its credit decision. On the second hold-out, \"IP addresses are anonymised, so no one",
        "can be identified\" was not read, nor a data category that defines when the customer relationship ends,",
        "and a reminder to say whether a named source is public (`RK-SOURCE-PUBLIC`) was not anticipated. The rules",
        "added since (above, and after the third hold-out: `RK-CONTROLLER-LEGAL-NAME` reads words common in shop",
        "names, `RK-SOURCE-PUBLIC` asks only of sources that may be public) cover all of these; still missed is, where",
        "Google Analytics is named without cookies, the consent and its withdrawal (reported under `cookie_details`",
        "only). On the first four tuned statements, `check` had no rule for vague wording in general (the linter",
        "had), reported a cookie banner whose withdrawal the statement does not describe under `cookie_consent` as",
        "well as `withdraw_consent`, and reminded of a DPO assessment the reading did not anticipate; all three were",
        "changed after the third hold-out (`RK-VAGUE-WORDING`, `RK-COOKIE-WITHDRAW`, `RK-DPO-ASSESS`).",
        "",
        f"The third hold-out ({counts['holdout_c']} statements, `holdout_c/`) was written after a fresh study of real",
        "published statements (Finnish, Finland-Swedish and English; sole traders and Oy shops, a booking service with",
        "accounts, a loyalty club, a shop that grants credit, a seller outside the EU, a coding school for children),",
        "read and committed before `check` ran on it, and run once. At its first run it missed an EU representative",
        "named with no contact details, carriers named only in a purpose while the disclosure section denies any",
        "recipient, vague purpose wording (\"tietoja voidaan käyttää toiminnan kehittämiseen\"), and a personal",
        "identity code kept as the customer number beside a credit check. Two items the table counts as found at",
        "another severity were found by chance on the same code, not as read: a US recipient listed with no transfer",
        "mechanism (only reminders on the stated transfers were reported) and learners' data deleted \"kun huoltaja",
        "pyytää sitä\" (only a missing period for an embedded-video purpose was reported); gap by gap the first run",
        "found 42 of 48. Its false alarms are three information-level reminders the reading did not anticipate: a DPO",
        "assessment for a loyalty club's profiling and for a yoga studio's health questions, and whether a credit",
        "register is public.",
        "",
        f"The fourth and fifth hold-outs ({counts['holdout_d']} and {counts['holdout_e']} statements, `holdout_d/`",
        "and `holdout_e/`) were written on 6 December 2026 by two helpers who neither read the rules nor ran them,",
        "while the rules above were being written for the third hold-out's classes, and first run once that work had",
        "ended. They cover more of the requirement codes than the earlier sets (a DPO for large-scale health data,",
        "health data under a contract basis or Art. 9(2)(c), a child of 12 consenting alone (the Finnish age is 13), a",
        "controller named only as \"each group company\", a credit register left unnamed, recipients left vague, a",
        "camera purpose with neither basis nor period, a non-EU seller with no EU representative and no EU complaint",
        "route), and the first run missed many of them: this is the honest estimate of `check` on statements it was",
        "not written for, and it is well below the recall target. A second rule round then worked from their",
        "classes of error (not their files), so their \"now\" figures are optimistic. The sixth hold-out",
        f"({counts['holdout_f']} statements, `holdout_f/`) was written during that round under the same rules and",
        "first run after it (recall below the target, false alarms just above it). A fourth rule round then worked",
        "from the classes of error of the fourth to sixth hold-outs, so their \"now\" figures are optimistic. The",
        f"seventh hold-out ({counts['holdout_g']} statements, `holdout_g/`) was written during that round under the",
        "same rules and first run after it: its first run is the latest honest estimate. A fifth rule round then",
        "worked from the seventh hold-out's classes of error, so its \"now\" figures are optimistic too. The",
        f"eighth and ninth hold-outs ({counts['holdout_h']} and {counts['holdout_i']} statements, `holdout_h/` and "
        "`holdout_i/`) were written during",
        "that round by two more helpers under the same rules, neither seeing the other's, and first run after it:",
        "their first runs, counted together, were the honest estimate then. A sixth rule round worked from their",
        f"classes of error; the tenth hold-out ({counts['holdout_j']} statements, `holdout_j/`) was written during it",
        "by another helper under the same rules and first run after it.",
        "Ten of its twelve false alarms are the 13(3) reminder of `RK-CHANGES-NEW-PURPOSE` (info) on statements",
        "with no changes section; the reading's own header calls that reminder an agreed note, but no entry lists it.",
        "The reading is kept as it was run; with those ten counted as agreed notes the rate would be 2 over 237.",
        "A seventh rule round worked from the tenth hold-out's classes of error (and the older sets' last",
        "differences), so its \"now\" figures are optimistic. The eleventh hold-out",
        f"({counts['holdout_k']} statements, `holdout_k/`) was written during that round by another helper who",
        "neither read the rules nor ran them, and first run after it.",
        "Its two misses are a personal identity",
        "code asked for no stated reason, which the reader files under `legal_basis` while the rule reports it under",
        "`special_categories` (one miss and one false alarm for one finding), and a controller named only by its",
        "hostel's name in Swedish (\"Vandrarhem …\", no legal form, no business id). An eighth rule round worked",
        "from the eleventh hold-out's classes of error (the hostel's name is now read; the personal identity code",
        "stays under `special_categories`, where three earlier independent readers file it). The twelfth hold-out",
        f"({counts['holdout_l']} statements, `holdout_l/`) was written during that round and first run after it:",
        "recall 30 of 34, below the target, false alarms 3 over 220. Its misses: the personal identity code again",
        "under `legal_basis` (its writer followed the eleventh reading), \"other cooperation partners\" as",
        "recipients, customer data kept \"as long as necessary for managing the customer relationship\", and \"IP",
        "addresses are not personal data\" (`clarity`). A ninth rule round worked from those classes (the first",
        "three are now read); the thirteenth hold-out",
        f"({counts['holdout_m']} statements, `holdout_m/`) was written during it and first run after it: 33 of 33",
        "found, 3 false alarms over 216 — both targets met on that set. One set is a small sample: the six latest",
        "first runs counted together (eighth to thirteenth, above) were the honest estimate then, false alarms",
        "within the target and recall about 0.94, just below it. **The thirteenth hold-out has since been looked",
        "at:** a tenth rule round worked from its three false alarms (a DPO reminder on a car rental's credit check,",
        "now dropped for credit checks everywhere; a three-year period of the orders' copy of payment data read as the",
        "accounting period; a missing date of update, which five of six readers count under `clarity` and the rule",
        "keeps) and from a second set of real published statements, so its \"now\" figures are optimistic.",
        f"The fourteenth and fifteenth hold-outs ({counts['holdout_n']} and {counts['holdout_o']} statements,",
        "`holdout_n/` and `holdout_o/`) were written during that round by two more helpers and first run after it:",
        "36 of 41 and 27 of 29 found, 6 over 310 and 3 over 280 false alarms. Their misses are a trade name as",
        "controller with no legal form (twice), two retention periods, a recipient and a source, and once more the",
        "needless personal identity code read under `legal_basis`; four of their nine false alarms are the transfer",
        "mechanism asked of a statement silent on transfers, where these readers, like those of the seventh, ninth,",
        "tenth and eleventh hold-outs, read only `third_country_transfers` as missing. The first runs of the eighth",
        "to fifteenth hold-outs counted together (above) were the honest estimate then: false alarms within the",
        "target, recall about 0.93, below it. **The fourteenth and fifteenth hold-outs have since been looked at:**",
        "an eleventh rule round worked from their classes of error (the transfer mechanism no longer asked of a",
        "statement silent on transfers, as the readers of 13 sets read it against those of 3; a rental or a base",
        "for hire as a trade name; 'a reasonable time' as a vague period; 'our partners, such as …' as vague",
        "recipients), so their \"now\" figures are optimistic. Left as they were: the needless identity code under",
        "`special_categories` (readers of 4 sets so, of 3 under `legal_basis`), a statement in English only",
        "(read as a `clarity` gap by one reader, as present or not mentioned by eight: no line the models show",
        "separates them) and a Meta pixel named as a processor (read as joint controllership by other readers).",
        f"The sixteenth hold-out ({counts['holdout_p']} statements, `holdout_p/`) was written during the eleventh",
        "round by another helper and first run after it: 27 of 27 found, no false alarm over 212 items read as",
        "present. The first runs of the eighth to sixteenth hold-outs counted together (above) are the latest honest",
        "estimate over the whole of issue 21's later rounds: false alarms within the target, recall about 0.94, just",
        "below it. Counted over the four latest first runs only (thirteenth to sixteenth, after the ninth to eleventh",
        "rounds), false alarms are 1.2 % and recall 0.946 (123 of 130), still just below. Real published statements,",
        "modelled by readers who did not run the rules, still come out well below the targets (see the issue's notes",
        "in the changelog): the hold-outs are written more cleanly than real pages.",
        "",
        "### Tuned",
        "",
        *per_code_table(rows["tuned"], r["tuned"]),
        "",
        *differences(rows["tuned"], label="{model}"),
        "",
        "### Hold-out",
        "",
        *per_code_table(rows["holdout"], r["holdout"]),
        "",
        *differences(rows["holdout"], label="{model}"),
        "",
        "### Second hold-out",
        "",
        *per_code_table(rows["holdout_b"], r["holdout_b"]),
        "",
        *differences(rows["holdout_b"], label="{model}"),
        "",
        "### Third hold-out",
        "",
        *per_code_table(rows["holdout_c"], r["holdout_c"]),
        "",
        *differences(rows["holdout_c"], label="{model}"),
        "",
        "### Fourth hold-out",
        "",
        *per_code_table(rows["holdout_d"], r["holdout_d"]),
        "",
        *differences(rows["holdout_d"], label="{model}"),
        "",
        "### Fifth hold-out",
        "",
        *per_code_table(rows["holdout_e"], r["holdout_e"]),
        "",
        *differences(rows["holdout_e"], label="{model}"),
        "",
        "### Sixth hold-out",
        "",
        *per_code_table(rows["holdout_f"], r["holdout_f"]),
        "",
        *differences(rows["holdout_f"], label="{model}"),
        "",
        "### Seventh hold-out",
        "",
        *per_code_table(rows["holdout_g"], r["holdout_g"]),
        "",
        *differences(rows["holdout_g"], label="{model}"),
        "",
        "### Eighth hold-out",
        "",
        *per_code_table(rows["holdout_h"], r["holdout_h"]),
        "",
        *differences(rows["holdout_h"], label="{model}"),
        "",
        "### Ninth hold-out",
        "",
        *per_code_table(rows["holdout_i"], r["holdout_i"]),
        "",
        *differences(rows["holdout_i"], label="{model}"),
        "",
        "### Tenth hold-out",
        "",
        *per_code_table(rows["holdout_j"], r["holdout_j"]),
        "",
        *differences(rows["holdout_j"], label="{model}"),
        "",
        "### Eleventh hold-out",
        "",
        *per_code_table(rows["holdout_k"], r["holdout_k"]),
        "",
        *differences(rows["holdout_k"], label="{model}"),
        "",
        "### Twelfth hold-out",
        "",
        *per_code_table(rows["holdout_l"], r["holdout_l"]),
        "",
        *differences(rows["holdout_l"], label="{model}"),
        "",
        "### Thirteenth hold-out",
        "",
        *per_code_table(rows["holdout_m"], r["holdout_m"]),
        "",
        *differences(rows["holdout_m"], label="{model}"),
        "",
        "### Fourteenth hold-out",
        "",
        *per_code_table(rows["holdout_n"], r["holdout_n"]),
        "",
        *differences(rows["holdout_n"], label="{model}"),
        "",
        "### Fifteenth hold-out",
        "",
        *per_code_table(rows["holdout_o"], r["holdout_o"]),
        "",
        *differences(rows["holdout_o"], label="{model}"),
        "",
        "### Sixteenth hold-out",
        "",
        *per_code_table(rows["holdout_p"], r["holdout_p"]),
        "",
        *differences(rows["holdout_p"], label="{model}"),
        END,
    ]
    return "\n".join(out) + "\n"


def render_page(page: str) -> str:
    """``page`` with its generated section replaced (or appended when it has none)."""
    section = render_section()
    if START in page and END in page:
        head, rest = page.split(START, 1)
        return head + section + rest.split(END, 1)[1].lstrip("\n")
    return page.rstrip("\n") + "\n" + section  # no blank line: the seed section's writer strips it


def test_every_model_has_a_reading_and_loads() -> None:
    """Each model file under tuned/, holdout/, holdout_b/ and holdout_c/ has a reading entry of its set, each entry a
    model, and every model loads as a statement."""
    files = {(p.parent.name, p.stem) for which in SETS + HELD_BACK for p in (DATA / which).glob("*.toml")}
    entries = {(str(e["set"]), key) for key, e in reading().items()}
    assert files == entries
    for key, entry in reading().items():
        assert isinstance(load(model_path(key, entry)), Statement), key


def test_readings_cover_every_statement_code_once() -> None:
    """Each reading puts every statement code in exactly one of missing, present and not applicable."""
    for key, entry in reading().items():
        check_reading_shape(key, entry)
        assert entry["set"] in SETS + HELD_BACK, key


def test_split_keeps_at_least_eight_held_out() -> None:
    """Eleven tuned statements (four, then four more written after the third hold-out, one after hold-outs D
    and E, and two nearly complete ones for the fifth round's false-alarm hunt) and at least eight held out, as the
    issue asks."""
    sets = Counter(str(e["set"]) for e in reading().values())
    assert 11 == sets["tuned"]
    assert sets["holdout"] >= 8


def test_check_meets_the_issue_21_targets_on_the_tuned_statements() -> None:
    """Recall ≥ 0.95 and false alarms ≤ 3 % on the statements the rules were corrected on."""
    r = figures("tuned")
    assert r["recall"] >= RECALL_TARGET, r
    assert r["alarms"] <= ALARM_TARGET, r


@pytest.mark.parametrize(("which", "first"), [("holdout", FIRST_HOLDOUT), ("holdout_b", FIRST_HOLDOUT_B),
                                              ("holdout_c", FIRST_HOLDOUT_C), ("holdout_d", FIRST_HOLDOUT_D),
                                              ("holdout_e", FIRST_HOLDOUT_E), ("holdout_f", FIRST_HOLDOUT_F),
                                              ("holdout_g", FIRST_HOLDOUT_G), ("holdout_h", FIRST_HOLDOUT_H),
                                              ("holdout_i", FIRST_HOLDOUT_I), ("holdout_j", FIRST_HOLDOUT_J),
                                              ("holdout_k", FIRST_HOLDOUT_K),
                                              ("holdout_l", FIRST_HOLDOUT_L),
                                              ("holdout_m", FIRST_HOLDOUT_M),
                                              ("holdout_n", FIRST_HOLDOUT_N),
                                              ("holdout_o", FIRST_HOLDOUT_O),
                                              ("holdout_p", FIRST_HOLDOUT_P)])
def test_holdout_figures_do_not_fall_below_the_first_run(which: str, first: dict[str, float]) -> None:
    """A hold-out's recall stays at least, and its false-alarm rate at most, what its first run measured."""
    r = figures(which)
    assert r["recall"] >= first["recall"], r
    assert r["alarms"] <= first["alarms"], r
    assert r["present"] == first["present"], "the hold-out or its reading changed: record a new first run"


def test_agreed_reminders_stay_information_on_the_tuned_statements() -> None:
    """A code a tuned statement's reading only notes is reported at info or not at all (on the hold-out, a louder
    report is a false alarm in the figures)."""
    for key, entry in reading().items():
        if entry["set"] != "tuned":
            continue
        notes = codes(entry, "notes")
        report = validate(load(model_path(key, entry)))
        louder = {f.requirement.value for f in report.findings
                  if f.requirement.value in notes and f.severity is not Severity.INFO}
        assert set() == louder, key


def test_committed_section_is_up_to_date() -> None:
    """docs/checking.md carries the current figures: regenerate with --write."""
    page = DOC.read_text(encoding="utf-8")
    assert START in page, "run python -m tests.validate.test_check_accuracy --write"
    assert render_page(page) == page


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        DOC.write_text(render_page(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(render_section(), end="")

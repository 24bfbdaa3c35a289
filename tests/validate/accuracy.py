"""Scoring ``rekisterikit check`` against a legal reading, shared by the accuracy tests.

A reading entry (a table of ``tests/lint/data/seeds.toml`` or ``tests/validate/data/accuracy/readings.toml``) lists
per statement the requirement codes read as missing (``codes``: ``code``, ``severity``, ``why``), as ``present`` and
as ``not_applicable``, and ``notes``: information-level reminders the reading agrees with.

A statement counts once per code. Outcomes: ``tp`` (the reading lists the code as missing and ``check`` reports it at
the reading's severity, as the most severe finding on the code), ``tp~`` (reported at another severity), ``fn``
(only the reading lists it), ``fp`` (only ``check`` reports it) and ``note`` (an agreed reminder, reported at info
only). Recall is TP / (TP + FN); the false-alarm rate is false alarms over the items read as present; the *strict*
rate counts agreed reminders as false alarms too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from rekisterikit.findings import Finding, Requirement, Severity

#: Codes about the shop's records and configuration, which no statement is read for.
NOT_STATEMENT_CODES = frozenset({"processing_record", "directives"})
#: The issue 21 targets for ``check``.
RECALL_TARGET, ALARM_TARGET = 0.95, 0.03

Entry = Mapping[str, Any]
Row = tuple[str, str, Counter[str], dict[str, str]]


def codes(entry: Entry, key: str) -> set[str]:
    """The requirement codes an entry lists under ``key`` (plain strings or tables with a ``code``)."""
    return {c["code"] if isinstance(c, dict) else str(c) for c in entry.get(key, ())}


def score(entry: Entry, findings: Iterable[Finding]) -> tuple[Counter[str], dict[str, str]]:
    """The outcome counts of one statement and the outcome of every code that is not a true negative.

    The counts add both kinds of ``tp`` up and count those at the reading's severity as ``same``.
    """
    missing, notes = codes(entry, "codes"), codes(entry, "notes")
    severity = {c["code"]: c["severity"] for c in entry.get("codes", ())}
    worst: dict[str, Severity] = {}
    for f in findings:
        code = f.requirement.value
        if code not in worst or f.severity.rank > worst[code].rank:
            worst[code] = f.severity
    per_code: dict[str, str] = {}
    for code in missing | set(worst):
        if code in missing:
            per_code[code] = "fn" if code not in worst else "tp" if worst[code].value == severity[code] else "tp~"
        elif code in notes and worst[code] is Severity.INFO:
            per_code[code] = "note"
        else:
            per_code[code] = "fp"
    counts = Counter("tp" if v == "tp~" else v for v in per_code.values())
    counts["same"] = sum(1 for v in per_code.values() if v == "tp")
    return counts, per_code


def rates(rows: Iterable[Row], present: int) -> dict[str, float]:
    """Recall, false-alarm rate, strict false-alarm rate and the counts behind them."""
    total: Counter[str] = Counter()
    for _, _, counts, _ in rows:
        total.update(counts)
    found = total["tp"] + total["fn"]
    return {"recall": total["tp"] / found if found else 1.0,
            "alarms": total["fp"] / present if present else 0.0,
            "strict": (total["fp"] + total["note"]) / present if present else 0.0,
            "tp": total["tp"], "fn": total["fn"], "fp": total["fp"], "note": total["note"], "present": present,
            "same": total["same"]}


def ratio(a: float, b: float) -> str:
    """``a / b`` to two decimals, or a dash when ``b`` is zero."""
    return f"{a / b:.2f}" if b else "–"


def per_code_table(rows: Iterable[Row], r: Mapping[str, float]) -> list[str]:
    """The Markdown table of outcomes per requirement code, with an overall line."""
    per_code: dict[str, Counter[str]] = {}
    for _, _, _, outcomes in rows:
        for code, outcome in outcomes.items():
            per_code.setdefault(code, Counter())["tp" if outcome == "tp~" else outcome] += 1
            per_code[code]["same"] += outcome == "tp"
    table = ["| code | TP | of which at the reading's severity | FN | false alarms | agreed reminders | recall |",
             "|---|---|---|---|---|---|---|"]
    for code in [q.value for q in Requirement if q.value in per_code]:
        c = per_code[code]
        table.append(f"| `{code}` | {c['tp']} | {c['same']} | {c['fn']} | {c['fp']} | {c['note']} | "
                     f"{ratio(c['tp'], c['tp'] + c['fn'])} |")
    table.append(f"| **overall** | {r['tp']:.0f} | {r['same']:.0f} | {r['fn']:.0f} | {r['fp']:.0f} | {r['note']:.0f} | "
                 f"**{ratio(r['tp'], r['tp'] + r['fn'])}** |")
    return table


def differences(rows: Iterable[Row], label: str = "{model} (`{key}`)") -> list[str]:
    """One bullet per statement naming the codes that differ from the reading, or "as read"."""
    out = []
    for key, model, _, outcomes in rows:
        parts = [f"{name}: " + ", ".join(f"`{c}`" for c in sorted(k for k, v in outcomes.items() if v == kind))
                 for kind, name in (("fn", "missed"), ("fp", "false alarm"), ("tp~", "found at another severity"),
                                    ("note", "agreed reminder"))
                 if kind in outcomes.values()]
        out.append("- " + label.format(model=f"`{model}`", key=key) + ": " + ("; ".join(parts) if parts else "as read"))
    return out


def check_reading_shape(key: str, entry: Entry) -> None:
    """Assert that an entry puts every statement code in exactly one of missing, present and not applicable, and
    notes only codes not read as missing."""
    universe = {r.value for r in Requirement} - NOT_STATEMENT_CODES
    missing, present, na = codes(entry, "codes"), codes(entry, "present"), codes(entry, "not_applicable")
    assert universe == missing | present | na, (key, universe ^ (missing | present | na))
    assert len(missing) + len(present) + len(na) == len(universe), key
    assert not codes(entry, "notes") & missing, key
    assert all(c["severity"] in {s.value for s in Severity} for c in entry.get("codes", ())), key

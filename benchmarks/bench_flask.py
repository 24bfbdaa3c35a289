"""Per-request overhead in Flask: the bare page against the same page with the rekisterikit extension."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.harness import Config, Goal, Growth, Section, Table, compare, fmt_ratio, fmt_time, growth
from benchmarks.statements import EXAMPLE

INTRO = """\
Two Flask applications serve the same small shop page as the Django benchmark (Jinja2 template inheritance, 12
product cards). **Bare** is the plain application. **rekisterikit** is the same application with
`RekisteriKit(app)` (consent log in memory, so no disk write is measured): its `before_request` hook reads the
consent into `g.consent`, its `after_request` hook expires the first-party cookies of declined categories and adds
`Vary: Cookie`; the page calls `consent_scripts()`, `gated_script("statistics", …)`, `consent_link()` and
`consent_banner()` — for this decided visitor the lazy settings layer's placeholder (no form, no CSRF token, so no
nonce cookie either; the settings layer is loaded from `rekisterikit.consent_layer` only when the visitor reopens
it). "Extension only" serves the bare page from the application with the extension: the hooks without the
template globals. The visitor accepted statistics and declined the rest; the request carries an accepted
statistics cookie and a declined first-party marketing cookie. There is no Flask counterpart of
django-cookie-consent to compare with. Both statements' applications are measured side by side, their repeats
interleaved; *overhead* is the median of the differences between each repeat of a variant and the bare repeat
measured next to it."""

WHY = (
    "What is left is fixed work per request, the same for both statements (counted under cachegrind, "
    "about 306 000 and 311 000 instructions more than the bare request for the large and the example statement): "
    "Flask dispatching three more hooks (before and after request, the context processor; `ensure_sync` inspects "
    "each function on every call); Jinja copying every template global into each render's context through a "
    "`ChainMap`, a Python call and a caught `KeyError` per global, so the extension's ten globals cost about "
    "49 000 instructions of every render (an open Jinja pull request, pallets/jinja#2185, flattens the map "
    "without them); Jinja's call of each global and the escaping of its markup; the kept consent found by its "
    "cookie value; the page view's `Set-Cookie` deletions found in one look-up per choice, host, `Secure` and "
    "cookie names, then `Cache-Control` and `Vary`; and the placeholder, reopen link, static tags and gated script "
    "found in the application's memo. The hooks and globals read the request, `g` and the application from "
    "Flask's context variables (one `ContextVar.get` each), not through the `LocalProxy` objects; the banner needs "
    "no CSRF token and no settings form for a decided visitor; `url_for` results are kept per application, script "
    "root, host and scheme."
)


#: Issue 18's goals per statement: the large one (factor 1) and the example.
BARE_GOALS = {1: 0.35, EXAMPLE: 0.30}


def run(cfg: Config, growth_rows: list[tuple[str, Growth]]) -> Section:
    """Measure Flask requests with and without the extension."""
    from benchmarks.bench_django import GROWTH_GOAL, _size_label, paired_overhead
    from benchmarks.flask_site import apps, check

    section = Section("Per-request overhead: Flask", INTRO)
    overheads: dict[int, float] = {}
    # Both statements' applications exist side by side: all six variants are measured interleaved, repeat by
    # repeat, so that the two statements' overheads are compared under the same conditions.
    variants = {"bare": "bare", "rekisterikit": "rekisterikit", "rekisterikit extension only": "extension-only"}
    calls = {f"{factor}:{name}": apps(factor).call(variant)
             for factor in (1, EXAMPLE) for name, variant in variants.items()}
    for factor in (1, EXAMPLE):
        check(calls[f"{factor}:bare"](), kit=False)
        check(calls[f"{factor}:rekisterikit"](), kit=True)
    measured = compare(calls, cfg)
    for factor in (1, EXAMPLE):
        sizes = {name: len(calls[f"{factor}:{name}"]().body) for name in variants}
        stats = {name: measured[f"{factor}:{name}"] for name in variants}
        bare = stats["bare"].median
        label = _size_label(factor)
        table = Table([f"Variant, {label}", "Per request", "Overhead", "Overhead ÷ bare", "Response body"])
        for name, st in stats.items():
            over = paired_overhead(st, stats["bare"])
            table.rows.append([name, st.cell(), "—" if name == "bare" else fmt_time(over),
                               "—" if name == "bare" else f"{over / bare * 100:.1f} %",
                               f"{sizes[name] / 1024:.1f} kB"])
        section.tables.append(table)
        over = paired_overhead(stats["rekisterikit"], stats["bare"])
        overheads[factor] = over
        goal = BARE_GOALS[factor]
        section.goals.append(Goal(f"Flask: overhead vs a bare request, {label}", f"≤ {goal * 100:.0f} %",
                                  f"{over / bare * 100:.0f} % ({fmt_time(over)} on {fmt_time(bare)})",
                                  over / bare <= goal, WHY))
    grow = overheads[1] / overheads[EXAMPLE] if overheads[EXAMPLE] > 0 else float("inf")
    section.goals.append(Goal("Flask: overhead of the large statement ÷ the example's", f"≤ {GROWTH_GOAL}×",
                              f"{fmt_ratio(grow)} ({fmt_time(overheads[1])} vs {fmt_time(overheads[EXAMPLE])})",
                              grow <= GROWTH_GOAL, WHY))

    def at(variant: str) -> Callable[[int], Callable[[], object]]:
        def make(factor: int) -> Callable[[], object]:
            call: Callable[[], object] = apps(factor).call(variant)
            call()
            return call

        return make

    growth_rows.append(("Flask", growth("request with rekisterikit", at("rekisterikit"), cfg)))
    growth_rows.append(("Flask", growth("request, extension only", at("extension-only"), cfg)))
    return section

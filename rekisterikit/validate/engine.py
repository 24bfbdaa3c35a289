"""``validate(statement)``: run the rules, apply selections and the statement's own ignores, build the Report."""

from __future__ import annotations

from collections.abc import Iterable

from rekisterikit.findings import Finding, Report
from rekisterikit.model import Ignore, Statement
from rekisterikit.validate.context import Context
from rekisterikit.validate.registry import REGISTRY, Registry, Rule

__all__ = ["ignored", "load_plugins", "validate"]

_plugins_loaded = False


def load_plugins() -> None:
    """Import every module of the ``rekisterikit.rules`` entry point group once, so that their rules register.

    A plugin that fails to import raises its error: a CI run must not silently lose a shop's rules.
    """
    global _plugins_loaded  # noqa: PLW0603 - a process-wide "done once" flag
    if _plugins_loaded:
        return
    _plugins_loaded = True
    from importlib.metadata import entry_points

    from rekisterikit.validate.registry import ENTRY_POINT_GROUP

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        ep.load()


def _path_covers(prefix: str, path: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def ignored(finding: Finding, ignore: Ignore, registry: Registry) -> bool:
    """Whether an ``[rekisterikit] ignore`` entry suppresses ``finding``."""
    if ignore.path is not None and not _path_covers(ignore.path, finding.path):
        return False
    return any(r.id == finding.rule for r in registry.matching(ignore.rule))


def _run(rule: Rule, ctx: Context) -> list[Finding]:
    return [rule.finding(hit, ctx.fallbacks) for hit in rule.check(ctx)]


def validate(statement: Statement, *, select: Iterable[str] | None = None, ignore: Iterable[str] = (),
             registry: Registry | None = None, source: str | None = None) -> Report:
    """Check a statement against the rules and return the findings.

    Args:
        statement: the statement.
        select: rule ids, rule-id prefixes (``"RK-COOKIE"``) or requirement codes (``"retention"``) to run;
            all rules when ``None``.
        ignore: selectors of rules not to run.
        registry: the rules; :data:`~rekisterikit.validate.REGISTRY` (built-in and plugin rules) by default.
        source: where the statement came from, for the report.

    Returns:
        The report: findings most severe first. The statement's own ``[rekisterikit] ignore`` entries remove the
        findings they name; an entry naming an unknown rule, or a path that is not in the statement, is itself
        reported (``RK-IGNORE-INVALID``).

    Raises:
        UnknownRuleError: a ``select`` or ``ignore`` selector names no rule.
    """
    if registry is None:
        import rekisterikit.validate.rules  # noqa: F401 - registers the built-in rules

        load_plugins()
        registry = REGISTRY
    rules = registry.select(select, ignore)
    ctx = Context(statement, registry)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(_run(rule, ctx))
    directives = statement.directives.ignore
    if directives:
        findings = [f for f in findings if not any(ignored(f, d, registry) for d in directives)]
    return Report(findings=tuple(findings), source=source, statement_version=statement.version)

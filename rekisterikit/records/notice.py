"""The "what changed" texts in Finnish, Swedish and English: the banner's one line, the statement's section, the log.

* :func:`summary` — one line for the consent banner when it asks again;
* :func:`change_lines` — one phrase per group of changes (``"uudet evästeet: _fbp, fr"``), material first;
* :func:`notice_section` / :func:`render_with_changes` — the section the statement shows under "Changes to this
  notice" (``id="rk-changes-latest"``);
* :func:`changelog` — every published version, newest first, with what changed in each, as Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Literal

import attrs
from markupsafe import Markup

from rekisterikit.model import Language, Statement
from rekisterikit.records.diff import Change, ChangeClass, ChangeKind, StatementDiff, diff
from rekisterikit.render.document import Block, BulletList, Paragraph, Section, Span
from rekisterikit.render.i18n import Translator, translator

__all__ = ["change_lines", "changelog", "notice_section", "render_with_changes", "summary"]

#: Subjects longer than this are cut at a word boundary in the one-line summary.
SUBJECT_LENGTH = 60
#: The most groups of changes the one-line summary names before "and N other changes".
SUMMARY_GROUPS = 3
#: The most names the one-line summary gives in one group before "…".
SUMMARY_SUBJECTS = 3


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _sentence(line: str) -> str:
    line = line[:1].upper() + line[1:]
    return line if line.endswith(("…", ".")) else line + "."


def _subject(change: Change, lang: Language, default: Language, limit: int) -> str | None:
    if change.subject is None:
        return None
    value, _ = change.subject.resolve(lang, (default,))
    return _shorten(value.rstrip("."), limit)


def _phrase(t: Translator, kind: ChangeKind, subjects: list[str], most: int | None = None) -> str:
    n = max(len(subjects), 1)
    s = t.format_list(subjects) if most is None or len(subjects) <= most else ", ".join(subjects[:most]) + " …"
    k = ChangeKind
    if kind is k.PURPOSE_ADDED:
        return t.ngettext("new purpose: {subjects}", "new purposes: {subjects}", n).format(subjects=s)
    if kind is k.PURPOSE_REMOVED:
        return t.ngettext("purpose no longer used: {subjects}", "purposes no longer used: {subjects}",
                          n).format(subjects=s)
    if kind is k.PURPOSE_CHANGED:
        return t.ngettext("purpose changed: {subjects}", "purposes changed: {subjects}", n).format(subjects=s)
    if kind is k.LEGAL_BASIS_CHANGED:
        return t.ngettext("new legal basis for: {subjects}", "new legal bases for: {subjects}",
                          n).format(subjects=s)
    if kind is k.DATA_CATEGORY_ADDED:
        return t.gettext("new personal data: {subjects}").format(subjects=s)
    if kind is k.DATA_CATEGORY_REMOVED:
        return t.gettext("personal data no longer collected: {subjects}").format(subjects=s)
    if kind is k.DATA_CATEGORY_CHANGED:
        return t.gettext("personal data described differently: {subjects}").format(subjects=s)
    if kind is k.SOURCE_ADDED:
        return t.ngettext("new source of data: {subjects}", "new sources of data: {subjects}", n).format(subjects=s)
    if kind is k.SOURCE_REMOVED:
        return t.ngettext("source of data no longer used: {subjects}", "sources of data no longer used: {subjects}",
                          n).format(subjects=s)
    if kind is k.SOURCE_CHANGED:
        return t.ngettext("source of data changed: {subjects}", "sources of data changed: {subjects}",
                          n).format(subjects=s)
    if kind is k.RECIPIENT_ADDED:
        return t.ngettext("new recipient: {subjects}", "new recipients: {subjects}", n).format(subjects=s)
    if kind is k.PROCESSOR_ADDED:
        return t.ngettext("new service provider processing data for us: {subjects}",
                          "new service providers processing data for us: {subjects}", n).format(subjects=s)
    if kind is k.RECIPIENT_REMOVED:
        return t.ngettext("recipient removed: {subjects}", "recipients removed: {subjects}", n).format(subjects=s)
    if kind is k.RECIPIENT_CHANGED:
        return t.ngettext("recipient changed: {subjects}", "recipients changed: {subjects}", n).format(subjects=s)
    if kind is k.TRANSFER_ADDED:
        return t.ngettext("new transfer outside the EU/EEA: {subjects}", "new transfers outside the EU/EEA: "
                          "{subjects}", n).format(subjects=s)
    if kind is k.TRANSFER_REMOVED:
        return t.ngettext("transfer outside the EU/EEA ended: {subjects}", "transfers outside the EU/EEA ended: "
                          "{subjects}", n).format(subjects=s)
    if kind is k.TRANSFER_BASIS_CHANGED:
        return t.gettext("new transfer safeguards: {subjects}").format(subjects=s)
    if kind is k.TRANSFER_CHANGED:
        return t.ngettext("transfer changed: {subjects}", "transfers changed: {subjects}", n).format(subjects=s)
    if kind is k.RETENTION_ADDED:
        return t.ngettext("new retention period: {subjects}", "new retention periods: {subjects}",
                          n).format(subjects=s)
    if kind is k.RETENTION_REMOVED:
        return t.ngettext("retention period removed: {subjects}", "retention periods removed: {subjects}",
                          n).format(subjects=s)
    if kind is k.RETENTION_CHANGED:
        return t.ngettext("retention period changed: {subjects}", "retention periods changed: {subjects}",
                          n).format(subjects=s)
    if kind is k.AUTOMATED_DECISIONS_CHANGED:
        return t.gettext("automated decision-making changed: {subjects}").format(subjects=s)
    if kind is k.COOKIE_ADDED:
        return t.ngettext("new cookie: {subjects}", "new cookies: {subjects}", n).format(subjects=s)
    if kind is k.COOKIE_REMOVED:
        return t.ngettext("cookie removed: {subjects}", "cookies removed: {subjects}", n).format(subjects=s)
    if kind is k.COOKIE_MOVED:
        return t.ngettext("cookie moved to another category: {subjects}",
                          "cookies moved to another category: {subjects}", n).format(subjects=s)
    if kind is k.COOKIE_CHANGED:
        return t.ngettext("cookie changed: {subjects}", "cookies changed: {subjects}", n).format(subjects=s)
    if kind is k.REGISTER_ADDED:
        return t.ngettext("new register: {subjects}", "new registers: {subjects}", n).format(subjects=s)
    if kind is k.REGISTER_REMOVED:
        return t.ngettext("register removed: {subjects}", "registers removed: {subjects}", n).format(subjects=s)
    if kind is k.REGISTER_CHANGED:
        return t.ngettext("register changed: {subjects}", "registers changed: {subjects}", n).format(subjects=s)
    if kind is k.CONTROLLER_CHANGED:
        return t.gettext("new controller: {subjects}").format(subjects=s)
    if kind is k.CONTACT_CHANGED:
        return t.gettext("new contact details")
    if kind is k.DPO_CHANGED:
        return t.gettext("data protection officer changed")
    if kind is k.REPRESENTATIVE_CHANGED:
        return t.gettext("EU representative changed")
    if kind is k.COOKIE_POLICY_CHANGED:
        return t.gettext("how cookie consent is asked has changed")
    if kind is k.RIGHTS_CHANGED:
        return t.gettext("how you can use your rights has changed")
    if kind is k.CHILDREN_CHANGED:
        return t.gettext("information about children changed")
    if kind is k.LANGUAGES_CHANGED:
        return t.gettext("languages of the notice changed")
    if kind is k.CONSENT_TERMS_CHANGED:
        return t.gettext("what cookie consent covers has changed")
    if kind is k.TEXT_CHANGED:
        return t.gettext("wording edited")
    return t.gettext("other changes")


def _groups(changes: Sequence[Change], lang: Language, default: Language,
            limit: int) -> list[tuple[ChangeKind, list[str]]]:
    """Group changes by kind in order of first appearance; subjects without repeats."""
    groups: dict[ChangeKind, list[str]] = {}
    for change in changes:
        subjects = groups.setdefault(change.kind, [])
        subject = _subject(change, lang, default, limit)
        if subject is not None and subject not in subjects:
            subjects.append(subject)
    return list(groups.items())


def change_lines(statement_diff: StatementDiff, *, locale: Language | str, default: Language | str = Language.FI,
                 editorial: bool = False, subject_length: int = 200, subjects: int | None = None) -> list[str]:
    """One phrase per kind of change, material changes first (``"uudet evästeet: _fbp ja fr"``).

    Args:
        statement_diff: the diff.
        locale: the language of the phrases.
        default: the language to use for shop-written names missing in ``locale`` (the statement's default).
        editorial: include the editorial changes (as one "wording edited" line).
        subject_length: names longer than this are cut at a word boundary.
        subjects: name at most this many things per line, then "…" (all when ``None``).
    """
    t = translator(locale)
    classes = (ChangeClass.MATERIAL, ChangeClass.INFORMATION) + ((ChangeClass.EDITORIAL,) if editorial else ())
    changes = statement_diff.of_class(*classes)
    return [_phrase(t, kind, names, subjects)
            for kind, names in _groups(changes, t.language, Language(str(default)), subject_length)]


def summary(old: Statement, new: Statement, *, locale: Language | str) -> str | None:
    """The one-line "what changed" summary of ``new`` against ``old``; see :func:`rekisterikit.records.summary`."""
    t = translator(locale)
    d = diff(old, new)
    lines = change_lines(d, locale=t.language, default=new.default_language, subject_length=SUBJECT_LENGTH,
                         subjects=SUMMARY_SUBJECTS)
    if not lines:
        return None
    shown = lines[:SUMMARY_GROUPS]
    rest = len(lines) - len(shown)
    if rest:
        shown.append(t.ngettext("{n} other change", "{n} other changes", rest).format(n=rest))
    changes = t.format_list(shown)
    if new.updated is not None:
        line = t.gettext("Changes on {date}: {changes}.").format(date=t.format_date(new.updated), changes=changes)
    else:
        line = t.gettext("Changes: {changes}.").format(changes=changes)
    return " ".join(line.split())


# -- the section in the statement -------------------------------------------------------------------------------------

def notice_section(old: Statement, new: Statement, *, locale: Language | str) -> Section | None:
    """The "what changed" section for ``new`` against ``old`` (``id="rk-changes-latest"``), or ``None``.

    Returns:
        A :class:`rekisterikit.render.document.Section` listing the information and material changes (and saying
        when cookie consent is asked again), or ``None`` when only wording changed.
    """
    t = translator(locale)
    d = diff(old, new)
    lines = change_lines(d, locale=t.language, default=new.default_language)
    if not lines:
        return None
    heading = (t.gettext("What changed on {date}").format(date=t.format_date(new.updated)) if new.updated
               else t.gettext("What changed in this version"))
    blocks: list[Block] = []
    if old.updated is not None:
        blocks.append(Paragraph(content=(Span(text=t.gettext("Compared with the version of {date}:").format(
            date=t.format_date(old.updated))),)))
    else:
        blocks.append(Paragraph(content=(Span(text=t.gettext("Compared with the previous version:")),)))
    blocks.append(BulletList(items=tuple((Span(text=_sentence(line)),) for line in lines)))
    if d.reconsent:
        blocks.append(Paragraph(content=(Span(text=t.gettext(
            "Because of these changes we ask for your cookie choices again.")),)))
    return Section(id="rk-changes-latest", heading=(Span(text=heading),), blocks=tuple(blocks))


def render_with_changes(new: Statement, *, previous: Statement, locale: Language | str,
                        format: Literal["html", "text", "markdown", "json"] = "html",  # noqa: A002
                        full_page: bool = False, heading_level: int = 1) -> Markup | str:
    """Render ``new`` with a "what changed" section against ``previous`` under "Changes to this notice".

    The rest of the statement is exactly what :func:`rekisterikit.render` gives; the added section has the id
    ``rk-changes-latest``. When only wording changed, nothing is added.

    Args:
        new: the statement to render.
        previous: the version before it.
        locale: ``"fi"``, ``"sv"`` or ``"en"``.
        format: ``"html"``, ``"text"``, ``"markdown"`` or ``"json"``.
        full_page: for HTML, a standalone page.
        heading_level: the level of the title (1–5).

    Returns:
        :class:`~markupsafe.Markup` for HTML, ``str`` otherwise.
    """
    from rekisterikit.render import html, json, markdown, text
    from rekisterikit.render.document import build
    from rekisterikit.render.i18n import language

    lang = language(locale)
    if full_page and format != "html":
        raise ValueError("full_page applies to the html format only")
    document = build(new, lang)
    section = notice_section(previous, new, locale=lang)
    if section is not None:
        sections = tuple(attrs.evolve(s, sections=(section, *s.sections)) if s.id == "rk-changes" else s
                         for s in document.sections)
        document = attrs.evolve(document, sections=sections)
    level = max(1, min(int(heading_level), 5))
    if format == "html":
        return Markup(html.render_document(document, full_page=full_page, heading_level=level))
    if format == "markdown":
        return markdown.render_document(document, heading_level=level)
    if format == "json":
        return json.render_document(document)
    if format == "text":
        return text.render_document(document)
    raise ValueError(f"unknown format {format!r} (one of html, text, markdown, json)")


# -- the changelog ---------------------------------------------------------------------------------------------------

def _href(link: str | Callable[[str], str], version: str) -> str:
    return link(version) if callable(link) else link.format(version=version)


def _short_version(version: str) -> str:
    return version.split(":", 1)[-1][:12]


def changelog(versions: Sequence[tuple[Statement, dt.date | dt.datetime | None]], *, locale: Language | str,
              format: Literal["markdown", "html"] = "markdown",  # noqa: A002
              link: str | Callable[[str], str] | None = None, heading: bool = True) -> str | Markup:
    """Every published version, newest first, with the date and what changed against the version before.

    Args:
        versions: ``(statement, published)`` pairs, oldest first; ``published`` is when the version was first
            served (``None`` falls back to the statement's ``updated`` date).
        locale: the language.
        format: ``"markdown"`` or ``"html"`` (a fragment, :class:`~markupsafe.Markup`).
        link: a URL template with ``{version}``, or a function of the version, to link each version to the page
            that shows it as it was.
        heading: start with the heading "Versions of this notice" (leave it out inside a page that has one).

    Returns:
        The changelog.
    """
    t = translator(locale)
    entries: list[tuple[str, str | None, list[str]]] = []
    for i, (statement, published) in enumerate(versions):
        when = published if published is not None else statement.updated
        date = t.format_date(when.date() if isinstance(when, dt.datetime) else when) if when else None
        if i == 0:
            lines = [t.gettext("First published version.")]
        else:
            d = diff(versions[i - 1][0], statement)
            lines = change_lines(d, locale=t.language, default=statement.default_language, editorial=True)
            lines = [_sentence(line) for line in lines] or [t.gettext("No changes in content.")]
        entries.append((statement.version, date, lines))
    entries.reverse()
    title = t.gettext("Versions of this notice")
    if format == "html":
        items = []
        for version, date, lines in entries:
            label = Markup("{date} · {version}").format(date=date or t.gettext("date not stated"),
                                                          version=_short_version(version))
            if link is not None:
                label = Markup('<a href="{href}">{label}</a>').format(href=_href(link, version), label=label)
            items.append(Markup('<li><p class="rk-version">{label}</p><ul>{lines}</ul></li>').format(
                label=label, lines=Markup("").join(Markup("<li>{}</li>").format(x) for x in lines)))
        head = Markup("<h2>{}</h2>").format(title) if heading else Markup("")
        return Markup('<section class="rk-changelog" id="rk-changelog">{head}<ol>{items}</ol></section>'
                      ).format(head=head, items=Markup("").join(items))
    from rekisterikit.render.markdown import escape

    out = [f"## {escape(title)}", ""] if heading else []
    for version, date, lines in entries:
        md_label = f"{escape(date or t.gettext('date not stated'))} · `{_short_version(version)}`"
        if link is not None:
            md_label = f"[{md_label}](<{_href(link, version)}>)"
        out.append(f"### {md_label}")
        out.append("")
        out.extend(f"- {escape(line)}" for line in lines)
        out.append("")
    return "\n".join(out)

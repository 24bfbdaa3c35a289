"""Builds the :class:`~.tree.Document` for one statement in one language, section by section in Art. 13 order.
"""

from __future__ import annotations

from rekisterikit.model import (
    Language,
    Statement,
)
from rekisterikit.render.document.base import (
    clean_text,
)
from rekisterikit.render.document.controller import ControllerSections
from rekisterikit.render.document.cookies import CookieSections
from rekisterikit.render.document.data import DataSections
from rekisterikit.render.document.decisions import DecisionSections
from rekisterikit.render.document.purposes import PurposeSections
from rekisterikit.render.document.retention import RetentionSections
from rekisterikit.render.document.rights import RightsSections
from rekisterikit.render.document.transfers import TransferSections
from rekisterikit.render.document.tree import (
    Block,
    Document,
    Fact,
    Facts,
    Section,
    Table,
)
from rekisterikit.render.i18n import translator


class StatementBuilder(ControllerSections, PurposeSections, DataSections, TransferSections, RetentionSections,
                       RightsSections, DecisionSections, CookieSections):
    """Builds the :class:`Document` for one statement in one language."""

    def build(self) -> Document:
        s, t = self.s, self.t
        title = self.shop(s.title) if s.title else self.text(t.gettext("Privacy notice"))
        updated = (t.gettext("Updated {date}").format(date=t.format_date(s.updated)) if s.updated
                   else t.gettext("The date of the latest update is not stated."))
        sections = [
            self.controller(),
            self.dpo(),
            self.purposes(),
            self.data_categories(),
            self.sources(),
            self.recipients(),
            self.transfers(),
            self.retention(),
            self.security(),
            self.rights(),
            self.withdraw_consent(),
            self.complaint(),
            self.provision(),
            self.automated_decisions(),
            self.children(),
            self.cookies(),
            self.changes(),
        ]
        return Document(
            lang=self.lang, title=title, controller=clean_text(s.controller.name), version=s.version,
            updated=s.updated, updated_text=updated,
            version_text=t.gettext("Version {version}").format(version=s.version),
            contents_label=t.gettext("Contents"), intro=self.intro(),
            sections=tuple(x for x in sections if x is not None))

    def changes(self) -> Section:
        s, t = self.s, self.t
        blocks: list[Block] = list(self.shop_paragraphs(s.changes)) if s.changes else [self.para(self.text(
            t.gettext("We update this notice when our processing of personal data changes.")))]
        facts = [Fact(label=t.gettext("Updated"), value=self.text(t.format_date(s.updated)) if s.updated
                      else self.not_stated()),
                 Fact(label=t.gettext("Version"), value=self.text(s.version))]
        blocks.append(Facts(items=tuple(facts)))
        return self.section("rk-changes", t.gettext("Changes to this notice"), blocks)


def build(statement: Statement, locale: Language | str) -> Document:
    """Build the document of ``statement`` in ``locale``.

    Args:
        statement: the statement.
        locale: ``"fi"``, ``"sv"`` or ``"en"`` (region suffixes allowed).

    Returns:
        The format-neutral document; :mod:`rekisterikit.render` serialises it.
    """
    return StatementBuilder(statement, translator(locale).language).build()


def cookie_table(statement: Statement, locale: Language | str) -> Table:
    """The cookie declaration of ``statement`` as a table in ``locale``."""
    return StatementBuilder(statement, translator(locale).language).cookie_table()

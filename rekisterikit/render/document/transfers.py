"""The section on transfers outside the EU/EEA and their Chapter V basis.
"""

from __future__ import annotations

from rekisterikit.model import (
    Register,
)
from rekisterikit.render.document.base import (
    _interleave,
    _merge,
)
from rekisterikit.render.document.clauses import StandardClauses
from rekisterikit.render.document.tree import (
    Block,
    Entries,
    Entry,
    Fact,
    Inlines,
    Section,
)


class TransferSections(StandardClauses):
    """The section on transfers outside the EU/EEA and their Chapter V basis."""

    def transfers(self) -> Section:
        t = self.t
        none = t.gettext("Whether data is transferred outside the EU and the EEA is not stated.")

        def content(reg: Register) -> list[Block]:
            if reg.transfers is None:
                return [self.missing(none)]
            if not reg.transfers:
                return [self.para(self.text(t.gettext(
                    "We do not transfer personal data outside the European Union (EU) or the European Economic "
                    "Area (EEA).")))]
            entries = []
            for x in reg.transfers:
                title = (self.span(self.country(x.country) if x.country else t.gettext("Country not named"),
                                   strong=True),)
                facts = []
                if x.recipients:
                    facts.append(Fact(label=t.ngettext("Recipient", "Recipients", len(x.recipients)),
                                      value=self.join([self.name(n) for n in x.recipients])))
                facts.append(Fact(label=t.gettext("Safeguard"), value=self.text(
                    self.mechanism(x.mechanism, x.derogation)) if x.mechanism else self.not_stated()))
                if x.safeguards_copy is not None or x.safeguards_url is not None:
                    value: list[Inlines] = []
                    if x.safeguards_copy is not None:
                        value.append(self.shop(x.safeguards_copy))
                    if x.safeguards_url is not None:
                        value.append(self.web(x.safeguards_url))
                    facts.append(Fact(label=t.gettext("Copy of the safeguards"),
                                      value=_merge([s for v in _interleave(value, self.span(" ")) for s in v])))
                blocks = (self.para(self.shop(x.description)),) if x.description else ()
                entries.append(Entry(title=title, facts=tuple(facts), blocks=blocks))
            return [self.para(self.text(t.gettext("Data is transferred outside the EU and the EEA as follows."))),
                    Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-transfers", content, none)
        return self.section("rk-transfers", t.gettext("Transfers outside the EU and the EEA"), blocks, subsections)


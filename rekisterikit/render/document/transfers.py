"""The section on transfers outside the EU/EEA and their Chapter V basis.
"""

from __future__ import annotations

from rekisterikit.model import (
    Register,
    TransferMechanism,
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

#: The Art. 46/47 safeguards, which the data subject can get a copy of (13(1)(f)); invalidated mechanisms the
#: statement presents as safeguards are shown under the same label, so the reader sees what is claimed.
_SAFEGUARDS = frozenset({TransferMechanism.SCC_2021_914, TransferMechanism.BCR, TransferMechanism.CODE_OF_CONDUCT,
                         TransferMechanism.CERTIFICATION, TransferMechanism.OLD_SCC})


class TransferSections(StandardClauses):
    """The section on transfers outside the EU/EEA and their Chapter V basis."""

    def transfers(self) -> Section | None:
        t = self.t
        none = t.gettext("Whether data is transferred outside the EU and the EEA is not stated.")

        if self.s.registers and all(r.transfers is None for r in self.s.registers):
            # Nothing is said of transfers: the section is left out rather than claiming anything
            # (RK-TRANSFERS-NOT-STATED recommends saying so; RK-TRANSFERS-SILENT warns when a provider abroad shows
            # that data does leave the EEA).
            return None

        def content(reg: Register) -> list[Block]:
            if reg.transfers is None:
                # Beside registers that say something, one that says nothing is left out, not shown as a gap.
                return [] if len(self.s.registers) > 1 else [self.missing(none)]
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
                # Art. 45 (adequacy, the DPF) and Art. 49 derogations are transfer bases; only Art. 46/47 safeguards
                # come with "how to obtain a copy of them or where they have been made available" (13(1)(f)).
                m = x.mechanism
                label = t.gettext("Safeguards") if m in _SAFEGUARDS else t.gettext("Transfer basis")
                facts.append(Fact(label=label, value=self.text(self.mechanism(m, x.derogation)) if m
                                  else self.not_stated()))
                if m is TransferMechanism.DPF:
                    link = x.certification_url or x.safeguards_url
                    certified = self.text(t.gettext("The recipient in the third country is certified under the "
                                                    "EU–US Data Privacy Framework."))
                    facts.append(Fact(label=t.gettext("Certification of the recipient"),
                                      value=(*certified, self.span(" "), *self.web(link)) if link else certified))
                elif m in _SAFEGUARDS:
                    value: list[Inlines] = []
                    if x.safeguards_copy is not None:
                        value.append(self.shop(x.safeguards_copy))
                    if x.safeguards_url is not None:
                        value.append(self.web(x.safeguards_url))
                    facts.append(Fact(label=t.gettext("How to get a copy of the safeguards"),
                                      value=_merge([s for v in _interleave(value, self.span(" ")) for s in v])
                                      if value else self.not_stated()))
                blocks = (self.para(self.shop(x.description)),) if x.description else ()
                entries.append(Entry(title=title, facts=tuple(facts), blocks=blocks))
            return [self.para(self.text(t.gettext("Data is transferred outside the EU and the EEA as follows."))),
                    Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-transfers", content, none)
        return self.section("rk-transfers", t.gettext("Transfers outside the EU and the EEA"), blocks, subsections)


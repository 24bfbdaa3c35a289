"""Sections on why data is processed: each purpose with its legal basis, and the legal bases explained.
"""

from __future__ import annotations

from rekisterikit.model import (
    LegalBasis,
    MarketingAudience,
    Purpose,
    Register,
    Right,
)
from rekisterikit.render.document.clauses import StandardClauses
from rekisterikit.render.document.tree import (
    Block,
    Entries,
    Entry,
    Fact,
    Facts,
    Section,
)


class PurposeSections(StandardClauses):
    """Sections on why data is processed: each purpose with its legal basis, and the legal bases explained."""

    def purpose(self, register: Register, p: Purpose) -> Section:
        t = self.t
        facts: list[Fact] = []
        blocks: list[Block] = []
        if p.legal_basis is not None:
            facts.append(Fact(label=t.gettext("Legal basis"), value=self.linked(self.text(
                f"{self.basis_name(p.legal_basis)} ({self.article(p.legal_basis.article.removeprefix('GDPR '))})"),
                f"#rk-basis-{p.legal_basis.value.replace('_', '-')}")))
        if p.basis_text is not None:
            facts.append(Fact(label=t.gettext("Basis as stated"), value=self.shop(p.basis_text)))
        if p.legal_basis is None and p.basis_text is None:
            facts.append(Fact(label=t.gettext("Legal basis"), value=self.not_stated()))
        if p.legal_basis is LegalBasis.LEGITIMATE_INTERESTS or p.legitimate_interest is not None:
            facts.append(Fact(label=t.gettext("Our legitimate interest"),
                              value=self.shop(p.legitimate_interest) if p.legitimate_interest else self.not_stated()))
        if p.legal_obligation is not None:
            facts.append(Fact(label=t.gettext("Obligation laid down in"), value=self.reference(p.legal_obligation)))
        if p.special_condition is not None:
            facts.append(Fact(label=t.gettext("Special categories of personal data"),
                              value=self.text(self.special_condition(p.special_condition))))
        if p.data_categories:
            facts.append(Fact(label=t.gettext("Personal data used"),
                              value=self.join(self.category_names(register, p.data_categories))))
        if p.direct_marketing:
            facts.append(Fact(label=t.gettext("Direct marketing channels"),
                              value=self.text(t.format_list([self.channel(c) for c in p.direct_marketing]))))
        if p.marketing_audience is not None:
            audience = (t.gettext("consumers") if p.marketing_audience is MarketingAudience.CONSUMERS
                        else t.gettext("businesses"))
            facts.append(Fact(label=t.gettext("Marketing is addressed to"), value=self.text(audience)))
        if p.credit_register is not None:
            facts.append(Fact(label=t.gettext("Credit information register"), value=self.shop(p.credit_register)))
        blocks.append(Facts(items=tuple(facts)))
        soft = p.soft_opt_in
        if soft is not None:
            if soft.contact_from_sale and soft.own_similar_products:
                blocks.append(self.para(self.text(t.gettext(
                    "As our customer, you may receive electronic marketing about our own similar products without "
                    "a separate consent."))))
            refuse = {(True, True): t.gettext("You can refuse this marketing when you give your contact details "
                                              "and in every message we send."),
                      (True, False): t.gettext("You can refuse this marketing when you give your contact details."),
                      (False, True): t.gettext("You can refuse this marketing in every message we send.")}
            key = (soft.opt_out_at_collection, soft.opt_out_in_every_message)
            if key in refuse:
                blocks.append(self.para(self.text(refuse[key])))
        if p.profiling:
            blocks.append(self.para(self.text(t.gettext("This processing involves profiling."))))
        return self.section(self.purpose_id(register, p), self.shop(p.description), blocks)

    def purposes(self) -> Section:
        t = self.t
        intro = self.para(self.text(t.gettext(
            "We process personal data only for the purposes below. Each purpose needs a legal basis under the EU "
            "General Data Protection Regulation (GDPR).")))
        registers = self.s.registers
        if not any(r.purposes for r in registers):
            return self.section("rk-purposes", t.gettext("Purposes and legal bases"), [
                intro, self.missing(t.gettext("The purposes of processing are not stated."))])
        if len(registers) == 1:
            subsections = [self.purpose(registers[0], p) for p in registers[0].purposes]
        else:
            subsections = [self.section(f"rk-purposes-{r.key}", self.shop(r.name),
                                        [] if r.purposes else [self.missing(t.gettext(
                                            "The purposes of processing are not stated."))],
                                        [self.purpose(r, p) for p in r.purposes]) for r in registers]
        bases = [b for b in LegalBasis if any(p.legal_basis is b for r in registers for p in r.purposes)]
        if bases:
            subsections.append(self.legal_bases(bases))
        return self.section("rk-purposes", t.gettext("Purposes and legal bases"), [intro], subsections)

    def legal_bases(self, bases: list[LegalBasis]) -> Section:
        """What each legal basis used in the statement means, in plain words."""
        t = self.t
        entries = []
        for basis in bases:
            explanation = self.text(self.basis_explanation(basis))
            if basis is LegalBasis.LEGITIMATE_INTERESTS and Right.OBJECT in self.s.rights.listed:
                more = t.gettext("Read more about your right to object.")
                explanation += (self.span(" "), *self.linked(self.text(more),
                                                             "#rk-objection"))
            entries.append(Entry(title=self.strong(self.text(
                f"{self.basis_name(basis)} ({self.article(basis.article.removeprefix('GDPR '))})")),
                                 blocks=(self.para(explanation),), id=f"rk-basis-{basis.value.replace('_', '-')}"))
        return self.section("rk-legal-bases", t.gettext("What the legal bases mean"), [Entries(items=tuple(entries))])


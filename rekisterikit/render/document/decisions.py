"""Sections on whether data must be given (13(2)(e)), automated decisions (Art. 22) and children.
"""

from __future__ import annotations

from rekisterikit.model import (
    Art22Basis,
    Provision,
    Purpose,
    Register,
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


class DecisionSections(StandardClauses):
    """Sections on whether data must be given (13(2)(e)), automated decisions (Art. 22) and children."""

    def provision_facts(self, p: Purpose) -> tuple[Fact, ...]:
        """What GDPR 13(2)(e) asks, for one purpose: the kind of requirement, whether the data subject is obliged
        to provide the data, and the consequences of not providing it. The wording follows the article ("statutory
        or contractual requirement, or a requirement necessary to enter into a contract")."""
        t = self.t
        requirement = {
            Provision.STATUTORY: t.gettext("Providing the data is a statutory requirement."),
            Provision.CONTRACTUAL: t.gettext("Providing the data is a contractual requirement."),
            Provision.CONTRACT_PRECONDITION: t.gettext(
                "Providing the data is a requirement necessary to enter into a contract with us."),
            Provision.VOLUNTARY: t.gettext(
                "Providing the data is voluntary: it is neither a statutory nor a contractual requirement."),
            Provision.NOT_REQUESTED: t.gettext(
                "We do not ask you for data for this purpose: it uses data you have already given, data collected "
                "automatically or data obtained from elsewhere."),
        }
        facts = [Fact(label=t.gettext("Requirement"),
                      value=self.text(requirement[p.provision]) if p.provision else self.not_stated())]
        if p.provision is not Provision.NOT_REQUESTED:
            obliged = p.obliged
            facts.append(Fact(label=t.gettext("Obligation"), value=self.not_stated() if obliged is None else self.text(
                t.gettext("You are obliged to provide the data.") if obliged
                else t.gettext("You are not obliged to provide the data."))))
        if p.provision_consequence is not None:
            # Nothing is asked, so nothing can be withheld: the shop's words are an explanation, not a consequence.
            label = (t.gettext("More information") if p.provision is Provision.NOT_REQUESTED
                     else t.gettext("If you do not provide the data"))
            facts.append(Fact(label=label, value=self.shop(p.provision_consequence)))
        return tuple(facts)

    def provision(self) -> Section:
        t = self.t
        entries = []
        for reg in self.s.registers:
            direct = not reg.sources or any(src.kind.from_data_subject for src in reg.sources)
            for p in reg.purposes:
                if p.provision is None and p.provision_consequence is None and not direct:
                    continue  # nothing is asked from the data subject in this register
                entries.append(Entry(title=self.linked(self.shop(p.description), "#" + self.purpose_id(reg, p)),
                                     facts=self.provision_facts(p)))
        heading = t.gettext("Do you have to give us your data?")
        if not entries:
            return self.section("rk-provision", heading, [self.missing(t.gettext(
                "Whether you have to give the data is not stated."))])
        return self.section("rk-provision", heading, [Entries(items=tuple(entries))])

    def automated_decisions(self) -> Section | None:
        t = self.t
        none = t.gettext("Whether automated decisions are made is not stated.")
        if self.s.registers and all(r.automated_decisions is None and not any(p.profiling for p in r.purposes)
                                    for r in self.s.registers):
            return None  # nothing is said: no claim either way (RK-AUTOMATED-DECISIONS-NOT-STATED recommends it)

        def content(reg: Register) -> list[Block]:
            adm = reg.automated_decisions
            blocks: list[Block] = []
            if adm is None:
                if len(self.s.registers) == 1:
                    blocks.append(self.missing(none))
            elif not adm.used and adm.logic is not None:
                blocks.extend(self.shop_paragraphs(adm.logic))
            elif not adm.used:
                blocks.append(self.para(self.text(t.gettext(
                    "We do not make decisions based solely on automated processing, including profiling, that have "
                    "legal effects on you or similarly significantly affect you.")),
                    self.text(f" ({self.article('22')})")))
            else:
                blocks.append(self.para(self.text(t.gettext(
                    "We make decisions based solely on automated processing, including profiling, as described "
                    "below.")), self.text(f" ({self.article('22')})")))
                facts = []
                for label, text in ((t.gettext("Logic involved"), adm.logic),
                                    (t.gettext("Significance for you"), adm.significance),
                                    (t.gettext("Envisaged consequences"), adm.consequences)):
                    facts.append(Fact(label=label, value=self.shop(text) if text else self.not_stated()))
                if adm.art22_basis is not None:
                    basis = {
                        Art22Basis.CONTRACT: t.gettext("Necessary for making or carrying out a contract with you "
                                                       "({article})").format(article=self.article("22(2)(a)")),
                        Art22Basis.LAW: t.gettext("Authorised by law ({article})").format(
                            article=self.article("22(2)(b)")),
                        Art22Basis.EXPLICIT_CONSENT: t.gettext("Your explicit consent ({article})").format(
                            article=self.article("22(2)(c)")),
                    }[adm.art22_basis]
                    facts.append(Fact(label=t.gettext("Legal basis"), value=self.text(basis)))
                if adm.safeguards is not None:
                    facts.append(Fact(label=t.gettext("Safeguards"), value=self.shop(adm.safeguards)))
                blocks.append(Facts(items=tuple(facts)))
                if adm.art22_basis in (Art22Basis.CONTRACT, Art22Basis.EXPLICIT_CONSENT):
                    blocks.append(self.para(self.text(t.gettext(
                        "You have the right to have a person review the decision, to express your point of view "
                        "and to contest the decision."))))
            profiling = [self.purpose_link(reg, p) for p in reg.purposes if p.profiling]
            if profiling:
                blocks.append(self.para(self.fmt(t.gettext("We use profiling for these purposes: {purposes}."),
                                                 purposes=self.join(profiling))))
            return blocks

        blocks, subsections = self.per_register("rk-automated-decisions", content, none)
        return self.section("rk-automated-decisions", t.gettext("Automated decision-making and profiling"), blocks,
                            subsections)

    def children(self) -> Section | None:
        # GDPR 8(1) with the Finnish age of 13 (Tietosuojalaki 1050/2018 5 §: age [S], section number [M]).
        c, t = self.s.children, self.t
        if c is None:
            return None
        blocks: list[Block] = []
        if c.offered_to_children:
            blocks.append(self.para(self.text(t.gettext(
                "Our services are also offered to children. For a child under 13, consent to our online services "
                "must be given or authorised by the child's guardian.")), self.text(f" ({self.article('8')})")))
        else:
            blocks.append(self.para(self.text(t.gettext("Our services are not intended for children."))))
        if c.minimum_age is not None:
            blocks.append(Facts(items=(Fact(label=t.gettext("Age limit"), value=self.text(t.ngettext(
                "{n} year", "{n} years", c.minimum_age).format(n=c.minimum_age))),)))
        if c.parental_consent is not None:
            blocks.extend(self.shop_paragraphs(c.parental_consent))
        return self.section("rk-children", t.gettext("Children"), blocks)


"""Sections on who is responsible: the introduction, the controller and its contacts, the DPO.
"""

from __future__ import annotations

from rekisterikit.render.document.clauses import StandardClauses
from rekisterikit.render.document.tree import (
    Block,
    Fact,
    Facts,
    Inlines,
    Section,
)


class ControllerSections(StandardClauses):
    """Sections on who is responsible: the introduction, the controller and its contacts, the DPO."""

    def intro(self) -> tuple[Block, ...]:
        s, t = self.s, self.t
        blocks: list[Block] = []
        if s.intro:
            blocks.extend(self.shop_paragraphs(s.intro))
        else:
            blocks.append(self.para(self.fmt(
                t.gettext("This privacy notice tells how {controller} processes your personal data and what rights "
                          "you have."), controller=self.name(s.controller.name))))
        if s.registers:
            names = [self.shop(r.name) for r in s.registers]
            blocks.append(self.para(self.fmt(
                t.ngettext("Register: {registers}.", "Registers: {registers}.", len(names)),
                registers=self.join(names))))
        if s.cites:
            blocks.append(self.para(self.fmt(t.gettext("Laws referred to in this notice: {laws}."),
                                             laws=self.join([self.raw(c) for c in s.cites]))))
        return tuple(blocks)

    def controller(self) -> Section:
        c, t = self.s.controller, self.t
        facts = [Fact(label=t.gettext("Name"), value=self.name(c.name))]
        if c.legal_name:  # the registered name behind a brand (GDPR 13(1)(a): the controller's identity)
            facts.append(Fact(label=t.gettext("Registered name"), value=self.name(c.legal_name)))
        if c.legal_form:  # as published, in the statement's words
            facts.append(Fact(label=t.gettext("Legal form"), value=self.name(c.legal_form)))
        if c.business_id:
            facts.append(Fact(label=t.gettext("Business ID"), value=self.name(str(c.business_id))))
        if c.address:
            facts.append(Fact(label=t.gettext("Address"), value=self.address(c.address)))
        if c.email:
            facts.append(Fact(label=t.gettext("E-mail"), value=self.email(c.email)))
        if c.phone:
            facts.append(Fact(label=t.gettext("Phone"), value=self.phone(c.phone)))
        if c.website:
            facts.append(Fact(label=t.gettext("Website"), value=self.web(c.website)))
        if c.contact_person:
            p = c.contact_person
            value: list[Inlines] = [self.name(p.name)]
            if p.role:
                value.append(self.shop(p.role))
            value.extend(x for x in (self.email(p.email), self.phone(p.phone)) if x)
            facts.append(Fact(label=t.gettext("Contact person"), value=self.fmt(
                ", ".join(f"{{v{n}}}" for n in range(len(value))), **{f"v{n}": v for n, v in enumerate(value)})))
        blocks: list[Block] = [
            self.para(self.text(t.gettext("The controller decides why and how your personal data is processed. "
                                          "You can contact us in any matter concerning the processing of your "
                                          "personal data."))),
            Facts(items=tuple(facts)),
        ]
        if not c.has_contact and not (c.contact_person and (c.contact_person.email or c.contact_person.phone)):
            blocks.append(self.missing(t.gettext("The controller's contact details are not stated.")))
        subsections = []
        if self.s.eu_representative:
            r = self.s.eu_representative
            rep = [Fact(label=t.gettext("Name"), value=self.name(r.name))]
            if r.address:
                rep.append(Fact(label=t.gettext("Address"), value=self.address(r.address)))
            if r.email:
                rep.append(Fact(label=t.gettext("E-mail"), value=self.email(r.email)))
            if r.phone:
                rep.append(Fact(label=t.gettext("Phone"), value=self.phone(r.phone)))
            subsections.append(self.section("rk-eu-representative", t.gettext("Representative in the EU"), [
                self.para(self.text(t.gettext("Our representative in the European Union can also be contacted in "
                                              "matters concerning your personal data."))),
                Facts(items=tuple(rep))]))
        return self.section("rk-controller", t.gettext("Controller"), blocks, subsections)

    def dpo(self) -> Section | None:
        d, t = self.s.dpo, self.t
        if d is None:
            return None
        facts = []
        if d.name:
            facts.append(Fact(label=t.gettext("Name"), value=self.name(d.name)))
        if d.email:
            facts.append(Fact(label=t.gettext("E-mail"), value=self.email(d.email)))
        if d.phone:
            facts.append(Fact(label=t.gettext("Phone"), value=self.phone(d.phone)))
        if d.address:
            facts.append(Fact(label=t.gettext("Address"), value=self.address(d.address)))
        blocks: list[Block] = [self.para(self.text(t.gettext(
            "You can contact our data protection officer in all questions about the processing of your personal "
            "data and the use of your rights."))), Facts(items=tuple(facts))]
        if not d.has_contact:
            blocks.append(self.missing(t.gettext("The data protection officer's contact details are not stated.")))
        return self.section("rk-dpo", t.gettext("Data protection officer"), blocks)


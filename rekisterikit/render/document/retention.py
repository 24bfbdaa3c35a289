"""Sections on how long data is kept (retention periods and criteria) and how it is protected.
"""

from __future__ import annotations

from rekisterikit.model import (
    Register,
    Retention,
    RetentionStart,
)
from rekisterikit.render.document.clauses import StandardClauses
from rekisterikit.render.document.tree import (
    Block,
    Entries,
    Entry,
    Fact,
    Section,
)


class RetentionSections(StandardClauses):
    """Sections on how long data is kept (retention periods and criteria) and how it is protected."""

    def period(self, rule: Retention) -> str:
        t = self.t
        assert rule.period is not None
        period = t.format_duration(rule.period)
        templates = {
            None: "{period}",
            RetentionStart.COLLECTION: t.gettext("{period} from collection"),
            RetentionStart.ORDER: t.gettext("{period} from the order"),
            RetentionStart.END_OF_CONTRACT: t.gettext("{period} from the end of the contract"),
            RetentionStart.END_OF_CUSTOMER_RELATIONSHIP: t.gettext("{period} from the end of the customer "
                                                                   "relationship"),
            RetentionStart.ACCOUNT_CLOSURE: t.gettext("{period} from closing the account"),
            RetentionStart.LAST_ACTIVITY: t.gettext("{period} from your last activity"),
            RetentionStart.CONSENT_WITHDRAWAL: t.gettext("{period} from the withdrawal of consent"),
            RetentionStart.OBJECTION: t.gettext("{period} from your objection"),
            RetentionStart.FINANCIAL_PERIOD_END: t.gettext("{period} from the end of the financial period"),
            RetentionStart.END_OF_YEAR_OF_FINANCIAL_PERIOD_END: t.gettext(
                "{period} from the end of the year in which the financial period ended"),
        }
        return templates[rule.start].format(period=period)

    def retention(self) -> Section:
        t = self.t
        none = t.gettext("Retention periods are not stated.")

        def content(reg: Register) -> list[Block]:
            if not reg.retention:
                return [self.missing(none)]
            purposes = {p.key: p for p in reg.purposes}
            entries = []
            for rule in reg.retention:
                covered = [self.purpose_link(reg, purposes[k]) for k in rule.purposes if k in purposes]
                covered += self.category_names(reg, rule.data_categories)
                title = self.join(covered) if covered else self.text(t.gettext("All data in the register"))
                facts = []
                if rule.period is not None:
                    facts.append(Fact(label=t.gettext("Retention period"), value=self.text(self.period(rule))))
                if rule.criteria is not None:
                    facts.append(Fact(label=t.gettext("How the period is determined"),
                                      value=self.shop(rule.criteria)))
                if rule.period is None and rule.criteria is None:
                    facts.append(Fact(label=t.gettext("Retention period"), value=self.not_stated()))
                # A duty to keep (Kirjanpitolaki 2:10) and a criterion the period is derived from (a limitation
                # period, which imposes no duty to keep anything) are labelled differently, so neither overstates the
                # law. A reference of unknown kind (older files) is only "referred to".
                if rule.required_by is not None:
                    facts.append(Fact(label=t.gettext("Statutory duty to keep the data"),
                                      value=self.reference(rule.required_by)))
                if rule.based_on is not None:
                    facts.append(Fact(label=t.gettext("Criterion for the period"), value=self.reference(rule.based_on)))
                if rule.legal_reference is not None:
                    facts.append(Fact(label=t.gettext("Law referred to"), value=self.reference(rule.legal_reference)))
                entries.append(Entry(title=self.strong(title), facts=tuple(facts)))
            return [Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-retention", content, none)
        if any(r.retention for r in self.s.registers):
            blocks.insert(0, self.para(self.text(t.gettext(
                "We keep personal data only for the periods below or as the criteria below determine. After that "
                "we erase or anonymise it."))))
        return self.section("rk-retention", t.gettext("How long we keep the data"), blocks, subsections)

    def security(self) -> Section | None:
        registers = [r for r in self.s.registers if r.security is not None]
        if not registers:
            return None
        t = self.t
        if len(self.s.registers) == 1:
            assert registers[0].security is not None
            return self.section("rk-security", t.gettext("How we protect the data"),
                                self.shop_paragraphs(registers[0].security))
        return self.section("rk-security", t.gettext("How we protect the data"), (), [
            self.section(f"rk-security-{r.key}", self.shop(r.name), self.shop_paragraphs(r.security))
            for r in registers if r.security is not None])


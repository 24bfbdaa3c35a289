"""The standard clauses: the library's own wording for legal bases, Art. 9(2) conditions, recipient roles,
transfer mechanisms, the data-subject rights, the right to object, request channels and cookie categories.
"""

from __future__ import annotations

from rekisterikit.model import (
    CookieCategory,
    LegalBasis,
    MarketingChannel,
    RecipientRole,
    RequestChannel,
    Right,
    SpecialCondition,
    TransferMechanism,
)
from rekisterikit.render.document.base import (
    BuilderBase,
)
from rekisterikit.render.document.tree import (
    Inlines,
    Section,
)


class StandardClauses(BuilderBase):
    """The standard clauses: the library's own wording for legal bases, Art. 9(2) conditions, recipient roles,"""

    def basis_name(self, basis: LegalBasis) -> str:
        t = self.t
        return {
            LegalBasis.CONSENT: t.gettext("Consent"),
            LegalBasis.CONTRACT: t.gettext("Contract"),
            LegalBasis.LEGAL_OBLIGATION: t.gettext("Legal obligation"),
            LegalBasis.VITAL_INTERESTS: t.gettext("Vital interests"),
            LegalBasis.PUBLIC_TASK: t.gettext("Public interest or official authority"),
            LegalBasis.LEGITIMATE_INTERESTS: t.gettext("Legitimate interests"),
        }[basis]

    def basis_explanation(self, basis: LegalBasis) -> str:
        # Plain-language paraphrases of GDPR 6(1)(a)-(f) [M: from the text of Art. 6(1), not re-checked]; the
        # objection sentence for (f) follows Art. 21(1).
        t = self.t
        return {
            LegalBasis.CONSENT: t.gettext("You have given your consent to this processing. You can withdraw your "
                                          "consent at any time."),
            LegalBasis.CONTRACT: t.gettext("We need the data to make or carry out a contract with you, for example "
                                           "to deliver your order, or to take steps you ask for before a contract "
                                           "is made."),
            LegalBasis.LEGAL_OBLIGATION: t.gettext("A law requires us to process the data."),
            LegalBasis.VITAL_INTERESTS: t.gettext("The processing is needed to protect someone's life or health."),
            LegalBasis.PUBLIC_TASK: t.gettext("The processing is needed to carry out a task in the public interest "
                                              "or to exercise official authority."),
            LegalBasis.LEGITIMATE_INTERESTS: t.gettext("The processing is necessary for the purposes of our "
                                                       "legitimate interests; the interest is given for each "
                                                       "purpose. You have the right to object to this processing."),
        }[basis]

    def special_condition(self, condition: SpecialCondition) -> str:
        t = self.t
        name = {
            SpecialCondition.EXPLICIT_CONSENT: t.gettext("Explicit consent"),
            SpecialCondition.EMPLOYMENT: t.gettext("Employment and social security law"),
            SpecialCondition.VITAL_INTERESTS: t.gettext("Vital interests"),
            SpecialCondition.NOT_FOR_PROFIT: t.gettext("Activities of a non-profit body"),
            SpecialCondition.MADE_PUBLIC: t.gettext("Data you have made public yourself"),
            SpecialCondition.LEGAL_CLAIMS: t.gettext("Legal claims"),
            SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: t.gettext("Substantial public interest"),
            SpecialCondition.HEALTH_CARE: t.gettext("Health or social care"),
            SpecialCondition.PUBLIC_HEALTH: t.gettext("Public health"),
            SpecialCondition.ARCHIVING_RESEARCH: t.gettext("Archiving, research or statistics"),
        }[condition]
        return f"{name} ({self.article(condition.article.removeprefix('GDPR '))})"

    def channel(self, channel: MarketingChannel) -> str:
        t = self.t
        return {
            MarketingChannel.EMAIL: t.gettext("e-mail"),
            MarketingChannel.SMS: t.gettext("text message"),
            MarketingChannel.POST: t.gettext("letter"),
            MarketingChannel.PHONE: t.gettext("phone call"),
        }[channel]

    def role(self, role: RecipientRole) -> str:
        t = self.t
        return {RecipientRole.PROCESSOR: t.gettext("processor (processes data on our behalf)"),
                RecipientRole.CONTROLLER: t.gettext("independent controller"),
                RecipientRole.JOINT_CONTROLLER: t.gettext("joint controller"),
                RecipientRole.AUTHORITY: t.gettext("authority")}[role]

    def mechanism(self, m: TransferMechanism, derogation: str | None) -> str:
        # Articles per GDPR Chapter V: adequacy 45, SCC 46(2)(c) with Decision (EU) 2021/914 [V, OJ L 199/2021], BCR
        # 47, codes of conduct 46(2)(e), certification 46(2)(f), derogations 49(1) [M]. The DPF rests on the
        # adequacy decision (EU) 2023/1795 [V]. Invalidated mechanisms are named as the statement names them.
        t = self.t
        return {
            TransferMechanism.ADEQUACY: t.gettext("Adequacy decision of the European Commission ({article})").format(
                article=self.article("45")),
            TransferMechanism.DPF: t.gettext("EU–US Data Privacy Framework, under the European Commission's "
                                             "adequacy decision ({article})").format(article=self.article("45")),
            TransferMechanism.SCC_2021_914: t.gettext(
                "Standard contractual clauses adopted by the European Commission (Decision (EU) 2021/914, "
                "{article})").format(article=self.article("46(2)(c)")),
            TransferMechanism.BCR: t.gettext("Binding corporate rules ({article})").format(
                article=self.article("47")),
            TransferMechanism.CODE_OF_CONDUCT: t.gettext("Approved code of conduct ({article})").format(
                article=self.article("46(2)(e)")),
            TransferMechanism.CERTIFICATION: t.gettext("Approved certification mechanism ({article})").format(
                article=self.article("46(2)(f)")),
            TransferMechanism.DEROGATION: t.gettext("Derogation for a specific situation ({article})").format(
                article=self.article(derogation.removeprefix("GDPR ").removeprefix("Art. ")
                                     if derogation else "49(1)")),
            TransferMechanism.PRIVACY_SHIELD: t.gettext("EU–US Privacy Shield"),
            TransferMechanism.SAFE_HARBOR: t.gettext("Safe Harbor principles"),
            TransferMechanism.OLD_SCC: t.gettext("Standard contractual clauses of 2001, 2004 or 2010"),
        }[m]

    def right(self, right: Right) -> Section:
        # Summaries of GDPR 15-18 and 20 (WP260 asks for what each right involves) [M: paraphrased from the
        # articles, not re-checked]. Portability's conditions (consent or contract, automated means) are Art. 20(1).
        t = self.t
        heading, body = {
            Right.ACCESS: (t.gettext("Right of access"), t.gettext(
                "You have the right to know whether we process your personal data and to get a copy of the data "
                "we hold about you.")),
            Right.RECTIFICATION: (t.gettext("Right to rectification"), t.gettext(
                "You have the right to have inaccurate data about you corrected and incomplete data completed.")),
            Right.ERASURE: (t.gettext("Right to erasure"), t.gettext(
                "You have the right to have your data erased, for example when it is no longer needed for the "
                "purpose it was collected for or when you withdraw your consent. Data that the law requires us to "
                "keep, such as accounting records, is erased when the legal retention period ends.")),
            Right.RESTRICTION: (t.gettext("Right to restriction of processing"), t.gettext(
                "You have the right to ask us to restrict the processing of your data, for example while we check "
                "whether your data is accurate or whether your objection is justified.")),
            Right.PORTABILITY: (t.gettext("Right to data portability"), t.gettext(
                "When processing is based on your consent or on a contract and is carried out by automated means, "
                "you have the right to receive the data you have given us in a machine-readable format and to have "
                "it transmitted to another controller.")),
        }[right]
        return self.section(f"rk-right-{right.value}", heading, [
            self.para(self.text(body), self.text(f" ({self.article(right.article.removeprefix('GDPR '))})"))])

    def objection(self) -> Section:
        # GDPR 21(1) (particular situation, compelling legitimate grounds, legal claims) and 21(2)-(3) (direct
        # marketing, absolute) [M]; 21(4) wants it "clearly and separately", hence its own highlighted section.
        t = self.t
        return self.section("rk-objection", t.gettext("Right to object"), [
            self.para(self.text(t.gettext(
                "When we process your data on the basis of our legitimate interests, you have the right to object "
                "to the processing on grounds relating to your particular situation. We then stop the processing "
                "unless we can show compelling legitimate grounds that override your interests, rights and "
                "freedoms, or the processing is needed to establish, exercise or defend legal claims.")),
                self.text(f" ({self.article('21(1)')})")),
            self.para(self.text(t.gettext(
                "You can object at any time to the processing of your data for direct marketing, including "
                "profiling related to it. We then no longer use your data for direct marketing.")),
                self.text(f" ({self.article('21(2)')})")),
        ], highlight=True)

    def cookie_category(self, category: CookieCategory | None) -> str:
        t = self.t
        if category is None:
            return t.gettext("Uncategorised")
        return {CookieCategory.NECESSARY: t.gettext("Necessary"),
                CookieCategory.PREFERENCES: t.gettext("Functional"),
                CookieCategory.STATISTICS: t.gettext("Statistics"),
                CookieCategory.MARKETING: t.gettext("Marketing")}[category]

    def request_channel(self, channel: RequestChannel) -> Inlines:
        t, c = self.t, self.s.controller
        email = c.email or (self.s.dpo.email if self.s.dpo else None) or (
            c.contact_person.email if c.contact_person else None)
        phone = c.phone or (c.contact_person.phone if c.contact_person else None)
        if channel is RequestChannel.EMAIL:
            return self.fmt(t.gettext("By e-mail: {email}"), email=self.email(email)) if email else self.text(
                t.gettext("By e-mail"))
        if channel is RequestChannel.POST:
            return self.fmt(t.gettext("By post: {address}"), address=self.address(c.address)) if c.address else (
                self.text(t.gettext("By post")))
        if channel is RequestChannel.PHONE:
            return self.fmt(t.gettext("By phone: {phone}"), phone=self.phone(phone)) if phone else self.text(
                t.gettext("By phone"))
        return self.text({RequestChannel.WEB_FORM: t.gettext("With the form on our website"),
                          RequestChannel.ACCOUNT: t.gettext("In your customer account"),
                          RequestChannel.IN_PERSON: t.gettext("In person at our premises")}[channel])


"""Sections on the data subject's rights: the rights and how to use them, withdrawing consent, the complaint.
"""

from __future__ import annotations

from rekisterikit.laws import SUPERVISORY_AUTHORITY
from rekisterikit.model import (
    Right,
)
from rekisterikit.render.document.base import (
    _RIGHT_ORDER,
)
from rekisterikit.render.document.clauses import StandardClauses
from rekisterikit.render.document.tree import (
    Block,
    BulletList,
    Entries,
    Entry,
    Fact,
    Section,
)


class RightsSections(StandardClauses):
    """Sections on the data subject's rights: the rights and how to use them, withdrawing consent, the complaint."""

    def rights(self) -> Section:
        t, r = self.t, self.s.rights
        blocks: list[Block] = []
        if r.listed:
            blocks.append(self.para(self.text(t.gettext("Under the GDPR, you have the rights described below."))))
        else:
            blocks.append(self.missing(t.gettext("The rights of the data subject are not stated.")))
        subsections = [self.right(x) for x in _RIGHT_ORDER if x in r.listed]
        if Right.OBJECT in r.listed:
            subsections.append(self.objection())
        request: list[Block] = []
        if r.request_channels:
            request.append(self.para(self.text(t.gettext(
                "To use your rights, contact us in one of the following ways:"))))
            request.append(BulletList(items=tuple(self.request_channel(c) for c in r.request_channels)))
        else:
            request.append(self.para(self.linked(self.text(t.gettext(
                "To use your rights, contact us using the controller's contact details.")), "#rk-controller")))
        if r.signed_request_required:
            request.append(self.para(self.text(t.gettext("The request must be made in writing and signed."))))
        request.append(self.para(self.text(t.gettext("A fee is charged for requests.") if r.fee_charged
                                           else t.gettext("Using your rights is free of charge."))))
        if r.response_days is not None:
            request.append(self.para(self.text(t.ngettext(
                "We answer your request within {n} day.", "We answer your request within {n} days.",
                r.response_days).format(n=r.response_days))))
        else:
            request.append(self.para(self.text(t.gettext(
                # GDPR 12(3): one month, extendable by two months, the subject told within the first month [M].
                "We answer your request without undue delay and at the latest within one month. If requests are "
                "complex or numerous, we may extend this by two months; we will then tell you within the first "
                "month."))))
        if r.text is not None:
            request.extend(self.shop_paragraphs(r.text))
        subsections.append(self.section("rk-rights-requests", t.gettext("How to use your rights"), request))
        return self.section("rk-rights", t.gettext("Your rights"), blocks, subsections)

    def withdraw_consent(self) -> Section | None:
        # GDPR 7(3): withdrawal at any time, as easy as giving consent, no effect on earlier processing [M].
        if not self.s.rights.withdraw_consent:
            return None
        t = self.t
        return self.section("rk-withdraw-consent", t.gettext("Withdrawing consent"), [self.para(self.text(t.gettext(
            "When processing is based on your consent, you can withdraw your consent at any time, as easily as "
            "you gave it. Withdrawing consent does not affect the lawfulness of processing before the withdrawal."
        )), self.text(f" ({self.article('7(3)')})"))])

    def complaint(self) -> Section | None:
        # GDPR 77(1): habitual residence, place of work or of the alleged infringement [M]. The Finnish authority and
        # its contact details come from rekisterikit.laws.SUPERVISORY_AUTHORITY [V, tietosuoja.fi].
        r, t = self.s.rights, self.t
        if not r.complaint and r.complaint_text is None:
            return None
        heading = t.gettext("Right to lodge a complaint")
        if r.complaint_text is not None:
            return self.section("rk-complaint", heading, self.shop_paragraphs(r.complaint_text))
        sa = SUPERVISORY_AUTHORITY
        office, _ = sa.office.resolve(self.lang)
        url, _ = sa.url.resolve(self.lang)
        facts = (
            Fact(label=t.gettext("Postal address"), value=self.text(sa.postal_address.resolve(self.lang)[0])),
            Fact(label=t.gettext("Visiting address"), value=self.text(sa.visiting_address.resolve(self.lang)[0])),
            Fact(label=t.gettext("Phone (switchboard)"), value=self.phone(sa.phone)),
            Fact(label=t.gettext("E-mail"), value=self.email(sa.email)),
            Fact(label=t.gettext("Website"), value=self.web(url)),
        )
        return self.section("rk-complaint", heading, [
            self.para(self.text(t.gettext(
                "If you think that the processing of your personal data breaks data protection law, you have the "
                "right to lodge a complaint with a supervisory authority, in particular in the EU member state "
                "where you live or work or where the infringement took place.")),
                self.text(f" ({self.article('77')})")),
            self.para(self.text(t.gettext(
                "In Finland, the supervisory authority is the Data Protection Ombudsman. Contact details:"))),
            Entries(items=(Entry(title=(self.span(office, strong=True),), facts=facts),)),
        ])


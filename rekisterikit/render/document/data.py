"""Sections on what data, from where, and to whom: data categories, sources and recipients.
"""

from __future__ import annotations

from rekisterikit.model import (
    DataCategory,
    Recipient,
    RecipientRole,
    Register,
    SourceKind,
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


class DataSections(StandardClauses):
    """Sections on what data, from where, and to whom: data categories, sources and recipients."""

    def category(self, c: DataCategory) -> Entry:
        t = self.t
        notes = []
        if c.special:
            notes.append(t.gettext("special category of personal data"))
        if c.criminal:
            notes.append(t.gettext("data on criminal convictions and offences"))
        title = self.strong(self.shop(c.name))
        if c.personal_identity_code and t.gettext("personal identity code") not in title[0].text.lower():
            notes.append(t.gettext("personal identity code"))
        if notes:
            title += (self.span(f" ({t.format_list(notes)})"),)
        return Entry(title=title, blocks=(self.para(self.shop(c.description)),) if c.description else ())

    def data_categories(self) -> Section:
        t = self.t
        none = t.gettext("The categories of personal data are not stated.")

        def content(r: Register) -> list[Block]:
            if not r.data_categories:
                return [self.missing(none)]
            return [Entries(items=tuple(self.category(c) for c in r.data_categories))]

        blocks, subsections = self.per_register("rk-data", content, none)
        return self.section("rk-data", t.gettext("Personal data we process"), blocks, subsections)

    def sources(self) -> Section:
        t = self.t
        none = t.gettext("The sources of the data are not stated.")

        def content(r: Register) -> list[Block]:
            if not r.sources:
                return [self.missing(none)]
            entries = []
            for src in r.sources:
                kind = {SourceKind.DATA_SUBJECT: t.gettext("From you"),
                        SourceKind.DEVICE: t.gettext("Automatically from your device when you use our services"),
                        SourceKind.THIRD_PARTY: t.gettext("From a third party")}[src.kind]
                facts = []
                if src.name is not None:
                    title = self.strong(self.shop(src.name))
                    facts.append(Fact(label=t.gettext("Type of source"), value=self.text(kind)))
                else:
                    title = (self.span(kind, strong=True),)
                if src.public is not None:
                    facts.append(Fact(label=t.gettext("Publicly available source"),
                                      value=self.text(t.gettext("Yes") if src.public else t.gettext("No"))))
                if src.data_categories:
                    facts.append(Fact(label=t.gettext("Data obtained"),
                                      value=self.join(self.category_names(r, src.data_categories))))
                blocks = (self.para(self.shop(src.description)),) if src.description else ()
                entries.append(Entry(title=title, facts=tuple(facts), blocks=blocks))
            return [Entries(items=tuple(entries))]

        blocks, subsections = self.per_register("rk-sources", content, none)
        return self.section("rk-sources", t.gettext("Where the data comes from"), blocks, subsections)

    def recipient(self, register: Register, r: Recipient) -> Entry:
        t = self.t
        if r.authority is not None:
            title: Inlines = self.strong(self.authority_name(r.authority))
            facts = [Fact(label=t.gettext("Category"), value=self.shop(r.category))] if r.category else []
        elif r.name is not None:
            title = (self.span(r.name, strong=True),)
            facts = [Fact(label=t.gettext("Category"), value=self.shop(r.category))] if r.category else []
        else:
            assert r.category is not None
            title = self.strong(self.shop(r.category))
            facts = []
        if r.role is not None:
            facts.append(Fact(label=t.gettext("Role"), value=self.text(self.role(r.role))))
        if r.country is not None:
            facts.append(Fact(label=t.gettext("Country"), value=self.text(self.country(r.country))))
        if r.purposes:
            by_key = {p.key: p for p in register.purposes}
            # Not "disclosed for": Finnish "luovutus" is disclosure to another controller, and processors are here too.
            facts.append(Fact(label=t.gettext("Purpose"),
                              value=self.join([self.purpose_link(register, by_key[k]) for k in r.purposes
                                               if k in by_key])))
        if r.website:
            facts.append(Fact(label=t.gettext("Website"), value=self.web(r.website)))
        if r.arrangement is not None:
            facts.append(Fact(label=t.gettext("Essence of the arrangement between the joint controllers"),
                              value=self.shop(r.arrangement)))
        if r.arrangement_url is not None:
            facts.append(Fact(label=t.gettext("The arrangement"), value=self.web(r.arrangement_url)))
        blocks: tuple[Block, ...] = (self.para(self.shop(r.description)),) if r.description else ()
        if r.role is RecipientRole.JOINT_CONTROLLER:
            # GDPR 26(3): the data subject may exercise their rights in respect of and against each controller [M].
            blocks += (self.para(self.text(t.gettext(
                "You can exercise your rights in respect of and against each of the joint controllers.")),
                self.text(f" ({self.article('26(3)')})")),)
        return Entry(title=title, facts=tuple(facts), blocks=blocks)

    def recipients(self) -> Section:
        t = self.t
        none = t.gettext("The recipients of the data are not stated.")

        def content(reg: Register) -> list[Block]:
            if reg.recipients is None:
                return [self.missing(none)]
            if not reg.recipients:
                return [self.para(self.text(t.gettext(
                    "No one other than us processes or receives your personal data.")))]
            blocks: list[Block] = [self.para(self.text(t.gettext(
                "The following recipients process your data on our behalf or receive it from us.")))]
            blocks.append(Entries(items=tuple(self.recipient(reg, r) for r in reg.recipients)))
            return blocks

        blocks, subsections = self.per_register("rk-recipients", content, none)
        return self.section("rk-recipients", t.gettext("Recipients of the data"), blocks, subsections)


"""The cookie section and the cookie declaration table.
"""

from __future__ import annotations

from rekisterikit.model import (
    CookieCategory,
    CookieConsentMechanism,
    Duration,
    Party,
    StorageKind,
)
from rekisterikit.render.document.base import (
    _CATEGORY_ORDER,
)
from rekisterikit.render.document.clauses import StandardClauses
from rekisterikit.render.document.tree import (
    Block,
    Column,
    Inlines,
    Section,
    Table,
)


class CookieSections(StandardClauses):
    """The cookie section and the cookie declaration table."""

    def cookie_table(self) -> Table:
        t = self.t
        columns = (Column(key="name", label=t.gettext("Name")), Column(key="provider", label=t.gettext("Provider")),
                   Column(key="purpose", label=t.gettext("Purpose")),
                   Column(key="category", label=t.gettext("Category")),
                   Column(key="duration", label=t.gettext("Duration")),
                   Column(key="access", label=t.gettext("Who receives the data")))
        storage = {StorageKind.LOCAL_STORAGE: t.gettext("local storage"),
                   StorageKind.SESSION_STORAGE: t.gettext("session storage"),
                   StorageKind.PIXEL: t.gettext("pixel")}
        # C-673/17 Planet49, paras 75-81: say whether third parties have access. A provider that is not the
        # controller receives the cookie's data, whichever domain the cookie is set on (_ga, _fbp are first-party
        # cookies whose data goes to Google and Meta).
        party = {Party.FIRST: t.gettext("first-party cookie"), Party.THIRD: t.gettext("third-party cookie")}
        only_we = t.gettext("Only we receive the data")
        receives = t.gettext("{provider} receives the data")
        controller_names = self.controller_names()
        # Cells that repeat from row to row (categories, durations, "not stated") are built once and shared: the
        # nodes are immutable.
        categories = {c: self.text(self.cookie_category(c)) for c in (*CookieCategory, None)}
        durations: dict[Duration, Inlines] = {}
        not_stated = self.not_stated()
        rows = []
        cookies = sorted(self.s.cookies, key=lambda c: _CATEGORY_ORDER.get(c.category, len(_CATEGORY_ORDER))
                         if c.category else len(_CATEGORY_ORDER))
        for c in cookies:
            # Each cell is one run of plain text, except a provider or access that is "not stated".
            name = self.plain(c.name, f" ({storage[c.storage]})" if c.storage in storage else "")
            country = f" ({self.country(c.country)})" if c.country is not None else ""
            provider = self.plain(c.provider, country) if c.provider else (*not_stated, *self.plain(country))
            if c.provider is None:
                access = not_stated
            else:
                suffix = f" ({party[c.party]})" if c.party is not None else ""
                if c.provider.casefold().strip() in controller_names:
                    access = self.plain(only_we, suffix)
                else:
                    access = self.plain_fmt(receives, suffix, provider=c.provider)
            if c.duration is None:
                duration = not_stated
            else:
                duration = durations.get(c.duration) or durations.setdefault(
                    c.duration, self.text(t.format_duration(c.duration)))
            rows.append((
                name,
                provider,
                self.shop(c.purpose) if c.purpose else not_stated,
                categories[c.category],
                duration,
                access,
            ))
        return Table(id="rk-cookie-table", caption=t.gettext("Cookies and similar techniques used on this site"),
                     columns=columns, rows=tuple(rows))

    def controller_names(self) -> set[str]:
        """The names (case-folded) that make a cookie's provider the controller itself: its name, registered name
        or web address."""
        from urllib.parse import urlsplit

        c = self.s.controller
        names = {n.casefold().strip() for n in (c.name, c.legal_name) if n}
        if c.website:
            host = (urlsplit(c.website).hostname or "").removeprefix("www.")
            names |= {host, f"www.{host}"}
        return names

    def cookies(self) -> Section | None:
        s, t = self.s, self.t
        policy = s.cookie_policy
        if not s.cookies and not s.no_cookies and policy.text is None:
            return None  # the statement says nothing of cookies: no claim either way (RK-COOKIES-NOT-STATED)
        if s.no_cookies:
            return self.section("rk-cookies", t.gettext("Cookies"), [self.para(self.text(t.gettext(
                "This site does not use cookies or similar techniques that store or read data on your device.")))])
        blocks: list[Block] = [self.para(self.text(t.gettext(
            "Cookies are small text files that a website stores on your device. Similar techniques, such as local "
            "storage and pixels, are treated in the same way as cookies.")))]
        sentences: list[str] = []
        if policy.consent is CookieConsentMechanism.OPT_IN:
            sentences.append(t.gettext("Necessary cookies are needed for the site to work and are set without "
                                       "consent. Other cookies are set only if you consent to them."))
            if not policy.preticked:
                sentences.append(t.gettext("Nothing is selected in advance."))
        elif policy.consent is CookieConsentMechanism.OPT_OUT:
            sentences.append(t.gettext("Cookies are set unless you refuse them."))
        elif policy.consent is CookieConsentMechanism.IMPLIED:
            sentences.append(t.gettext("Cookies are set when you use the site."))
        elif policy.consent is CookieConsentMechanism.BROWSER_SETTINGS:
            sentences.append(t.gettext("You can block cookies in your browser settings."))
        if policy.reject_first_layer and policy.consent is CookieConsentMechanism.OPT_IN:
            sentences.append(t.gettext("You can refuse all cookies that are not necessary with one click."))
        if policy.withdraw:
            sentences.append(t.gettext("You can change or withdraw your choice at any time in the cookie "
                                       "settings."))
        if policy.cookie_wall:
            sentences.append(t.gettext("Using the site requires accepting cookies."))
        if sentences:
            blocks.append(self.para(self.text(" ".join(sentences))))
        if policy.text is not None:
            blocks.extend(self.shop_paragraphs(policy.text))
        if s.cookies:
            blocks.append(self.cookie_table())
        return self.section("rk-cookies", t.gettext("Cookies"), blocks)


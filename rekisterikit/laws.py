"""The law rekisterikit cites, as data: acts, their status, and the Finnish supervisory authority.

Sources and verification tags follow the project's legal research notes: ``[V]`` checked against an official
source, ``[S]`` a reliable secondary source, ``[M]`` from memory of the text and not re-checked.
"""

from __future__ import annotations

import datetime as dt

from attrs import define

from rekisterikit.model.values import Language, LocalizedText

__all__ = [
    "ACTS",
    "AUTHORITIES",
    "FINNISH_ACTS",
    "SUPERVISORY_AUTHORITY",
    "Act",
    "Authority",
    "CatalogueEntry",
    "act",
    "cite_act",
    "format_section",
    "suggest",
]


@define(frozen=True, kw_only=True)
class Act:
    """A statute or EU act.

    Attributes:
        key: a short stable identifier (``"gdpr"``, ``"tietosuojalaki"``).
        number: the official number (``"1050/2018"``, ``"(EU) 2016/679"``).
        title: the title in fi, sv and en.
        url: where the consolidated text is published.
        repealed_on: when it stopped applying, for repealed acts.
        replaced_by: the key of the act that replaced it.
    """

    key: str
    number: str
    title: LocalizedText
    url: str
    repealed_on: dt.date | None = None
    replaced_by: str | None = None

    @property
    def in_force(self) -> bool:
        """Whether the act still applies."""
        return self.repealed_on is None

    def cite(self, language: Language | str) -> str:
        """The act's title and number in ``language``, e.g. ``"Tietosuojalaki (1050/2018)"``."""
        title, _ = self.title.resolve(language)
        return f"{title} ({self.number})"


_ACTS = (
    # [V] OJ L 119, 4.5.2016; applies from 25.5.2018.
    Act(key="gdpr", number="(EU) 2016/679",
        title=LocalizedText(fi="EU:n yleinen tietosuoja-asetus", sv="EU:s allmänna dataskyddsförordning",
                            en="General Data Protection Regulation"),
        url="https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
    # [S] in force 1.1.2019 (Hannes Snellman, Linklaters).
    Act(key="tietosuojalaki", number="1050/2018",
        title=LocalizedText(fi="Tietosuojalaki", sv="Dataskyddslag", en="Data Protection Act"),
        url="https://www.finlex.fi/fi/laki/ajantasa/2018/20181050"),
    # [V] name history per HE 35/2024 (formerly "tietoyhteiskuntakaari").
    Act(key="sahkoisen_viestinnan_palvelut", number="917/2014",
        title=LocalizedText(fi="Laki sähköisen viestinnän palveluista",
                            sv="Lag om tjänster inom elektronisk kommunikation",
                            en="Act on Electronic Communications Services"),
        url="https://www.finlex.fi/fi/laki/ajantasa/2014/20140917"),
    # [S] retention periods; chapter 2 section 10 is [M].
    Act(key="kirjanpitolaki", number="1336/1997",
        title=LocalizedText(fi="Kirjanpitolaki", sv="Bokföringslag", en="Accounting Act"),
        url="https://www.finlex.fi/fi/laki/ajantasa/1997/19971336"),
    # [V] Finlex 527/2007 1 §.
    Act(key="luottotietolaki", number="527/2007",
        title=LocalizedText(fi="Luottotietolaki", sv="Kreditupplysningslag", en="Credit Information Act"),
        url="https://www.finlex.fi/fi/laki/ajantasa/2007/20070527"),
    # [S] repealed by the Data Protection Act 1050/2018 from 1.1.2019.
    Act(key="henkilotietolaki", number="523/1999",
        title=LocalizedText(fi="Henkilötietolaki", sv="Personuppgiftslag", en="Personal Data Act"),
        url="https://www.finlex.fi/fi/laki/alkup/1999/19990523",
        repealed_on=dt.date(2019, 1, 1), replaced_by="tietosuojalaki"),
    # [V] Finlex kumotut 2002/20020458 header: "Tämä laki on kumottu L:lla 7.11.2014/917, joka on voimassa 1.1.2015
    # alkaen." It implemented Directive 2000/31/EC Art. 5 (the section, 7 §, is [M]).
    Act(key="tietoyhteiskunnan_palvelut", number="458/2002",
        title=LocalizedText(fi="Laki tietoyhteiskunnan palvelujen tarjoamisesta",
                            sv="Lag om tillhandahållande av informationssamhällets tjänster",
                            en="Act on the Provision of Information Society Services"),
        url="https://www.finlex.fi/fi/laki/ajantasa/kumotut/2002/20020458",
        repealed_on=dt.date(2015, 1, 1), replaced_by="sahkoisen_viestinnan_palvelut"),
    # [V] Art. 5(1) (general information a service provider renders accessible) read on lexparency.org.
    Act(key="ecommerce_directive", number="2000/31/EY",
        title=LocalizedText(fi="Sähkökauppadirektiivi", sv="Direktivet om elektronisk handel",
                            en="Electronic Commerce Directive"),
        url="https://eur-lex.europa.eu/eli/dir/2000/31/oj"),
    # [V] Finlex 516/2004 header: repealed 1.1.2015 by 917/2014.
    Act(key="sahkoisen_viestinnan_tietosuojalaki", number="516/2004",
        title=LocalizedText(fi="Sähköisen viestinnän tietosuojalaki",
                            sv="Lag om dataskydd vid elektronisk kommunikation",
                            en="Act on the Protection of Privacy in Electronic Communications"),
        url="https://www.finlex.fi/fi/laki/alkup/2004/20040516",
        repealed_on=dt.date(2015, 1, 1), replaced_by="sahkoisen_viestinnan_palvelut"),
    # [M] repealed by the GDPR, which applies from 25.5.2018.
    Act(key="directive_95_46", number="95/46/EY",
        title=LocalizedText(fi="Henkilötietodirektiivi", sv="Dataskyddsdirektivet",
                            en="Data Protection Directive"),
        url="https://eur-lex.europa.eu/eli/dir/1995/46/oj",
        repealed_on=dt.date(2018, 5, 25), replaced_by="gdpr"),
)

ACTS: dict[str, Act] = {a.key: a for a in _ACTS}


def act(key: str) -> Act:
    """Return the act with ``key``.

    Raises:
        KeyError: no such act in the catalogue.
    """
    return ACTS[key]


@define(frozen=True, kw_only=True)
class Authority:
    """A supervisory authority (GDPR 51, 77) and how to reach it."""

    name: LocalizedText
    office: LocalizedText
    postal_address: LocalizedText
    visiting_address: LocalizedText
    phone: str
    email: str
    url: LocalizedText


# [V] tietosuoja.fi contact pages (fi / sv / en); the authority's statutory basis (Tietosuojalaki 8 §) is [M].
SUPERVISORY_AUTHORITY = Authority(
    name=LocalizedText(fi="Tietosuojavaltuutettu", sv="Dataombudsmannen", en="Data Protection Ombudsman"),
    office=LocalizedText(fi="Tietosuojavaltuutetun toimisto", sv="Dataombudsmannens byrå",
                         en="Office of the Data Protection Ombudsman"),
    postal_address=LocalizedText(fi="PL 800, 00531 Helsinki", sv="PB 800, 00531 Helsingfors",
                                 en="P.O. Box 800, 00531 Helsinki, Finland"),
    visiting_address=LocalizedText(fi="Lintulahdenkuja 4, 00530 Helsinki", sv="Fågelviksgränden 4, 00530 Helsingfors",
                                   en="Lintulahdenkuja 4, 00530 Helsinki"),
    phone="+358 29 566 6700",
    email="tietosuoja@om.fi",
    url=LocalizedText(fi="https://tietosuoja.fi", sv="https://tietosuoja.fi/sv", en="https://tietosuoja.fi/en"),
)


# --- The catalogue of Finnish acts and authorities a statement cites by key (rekisterikit/data/acts.json) ---


@define(frozen=True, kw_only=True)
class CatalogueEntry:
    """An act or authority of the catalogue, with its name in each language and where each name comes from.

    Attributes:
        key: what a statement file writes (``law = "kirjanpitolaki"``, ``authority = "verohallinto"``).
        number: the act's number in the Statute Book of Finland (``"1336/1997"``); empty for an authority.
        name: the name in fi, sv and en, as used in running text (sv in the definite form, "bokföringslagen").
        url: the act's consolidated text on Finlex, or the authority's website.
        sources: for each language, the source of the name and whether it was read there.
    """

    key: str
    number: str
    name: LocalizedText
    url: str
    sources: dict[str, dict[str, object]]


def _load_catalogue() -> tuple[dict[str, CatalogueEntry], dict[str, CatalogueEntry]]:
    import json
    from importlib.resources import files

    data = json.loads(files("rekisterikit.data").joinpath("acts.json").read_text(encoding="utf-8"))

    def entry(item: dict[str, object]) -> CatalogueEntry:
        return CatalogueEntry(key=str(item["key"]), number=str(item.get("number", "")),
                              name=LocalizedText(fi=str(item["fi"]), sv=str(item["sv"]), en=str(item["en"])),
                              url=str(item["url"]), sources=item["sources"])  # type: ignore[arg-type]

    return ({a["key"]: entry(a) for a in data["acts"]}, {a["key"]: entry(a) for a in data["authorities"]})


#: The Finnish acts a statement can cite by key, with official Finnish and Swedish names and English names.
FINNISH_ACTS, AUTHORITIES = _load_catalogue()


def format_section(section: str, language: Language | str) -> str:
    """A section, or ``chapter:section``, as each language writes it: ``"2:10"`` → "2 luku 10 §" (fi),
    "2 kap. 10 §" (sv), "chapter 2, section 10" (en); ``"10"`` → "10 §" / "10 §" / "section 10"."""
    from rekisterikit.model.references import parse_section

    chapter, number = parse_section(section)
    lang = Language(language)
    if lang is Language.EN:
        return f"chapter {chapter}, section {number}" if chapter else f"section {number}"
    if lang is Language.SV:
        return f"{chapter} kap. {number} §" if chapter else f"{number} §"
    return f"{chapter} luku {number} §" if chapter else f"{number} §"


def cite_act(key: str, section: str | None, language: Language | str) -> str:
    """An act of the catalogue cited in ``language``: "Kirjanpitolaki (1336/1997) 2 luku 10 §", "bokföringslagen
    (1336/1997) 2 kap. 10 §", "Accounting Act (1336/1997), chapter 2, section 10".

    Raises:
        KeyError: ``key`` is not in the catalogue.
    """
    entry = FINNISH_ACTS[key]
    lang = Language(language)
    name = entry.name.get(lang) or entry.name.texts()[0]
    text = f"{name} ({entry.number})"
    if section is None:
        return text
    return f"{text}, {format_section(section, lang)}" if lang is Language.EN else (
        f"{text} {format_section(section, lang)}")


def suggest(key: str, known: dict[str, CatalogueEntry]) -> str | None:
    """The catalogue key closest to a mistyped ``key``, if one is close."""
    from difflib import get_close_matches

    match = get_close_matches(key, list(known), n=1, cutoff=0.6)
    return match[0] if match else None

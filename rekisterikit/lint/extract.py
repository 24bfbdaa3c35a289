"""Facts the prose states in a recognisable form: the controller's name, contact details, business id, dates.

These extractors are shared by the linter (is a controller named? is there a contact channel?) and the importer
(which writes them into a statement file). They only take what is written in a form that can be recognised
reliably: an e-mail address, a Finnish phone number, a five-digit postal code after a street, a ``NNNNNNN-C``
business id, the first line under the controller heading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from itertools import pairwise
from typing import Literal

from attrs import define

from rekisterikit.lint.analysis import Analysis
from rekisterikit.lint.lexicon import lexicon
from rekisterikit.lint.structure import Section

__all__ = [
    "Contact",
    "Named",
    "PostalParts",
    "business_ids",
    "contact_person_name",
    "contacts_of",
    "controller_name",
    "updated_date",
]

Owner = Literal["controller", "contact_person", "dpo", "authority", "other"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w-])")
# "info (at) kauppa.fi", "info[at]kauppa.fi", "info(a)kauppa.fi": an address written so that harvesters miss it.
_EMAIL_SPELLED = re.compile(r"(?<![\w.+-])([\w.+-]+)\s*[(\[]\s*(?:at|a|ät|miuku)\s*[)\]]\s*"
                            r"([\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,})(?![\w-])", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+/.-])(\+\d{3}[\s-]?\(?0?\)?[\d\s-]{6,14}\d|0\d[\d\s-]{5,13}\d)(?![\w-])")
_BUSINESS_ID = re.compile(r"(?<![\d-])\d{7}-\d(?![\d-])")
_POSTAL = re.compile(r"(?<![\d-])(\d{5})\s+([A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+)?)")
_PO_BOX = re.compile(r"\b(?:PL|PB|P\.?\s?O\.?\s?Box)\s*\d+", re.I)
_STREET = re.compile(r"^[A-ZÅÄÖ][\w.-]+(?:\s[\w.-]+){0,3}\s\d+[\w\s]{0,8}$")
_LABEL = re.compile(r"^(?:[\w -]{2,30}):\s*")
_PERSON = re.compile(r"^([A-ZÅÄÖ][a-zåäöé'-]+(?:\s[A-ZÅÄÖ][a-zåäöé'-]+){1,2})\b")
_AUTHORITY = re.compile(r"tietosuoja@om\.fi|00531|00521|tietosuojavaltuut|dataombudsman|ombudsman", re.I)
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d.])|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CAPITALISED = re.compile(r"(?<=[\s,(])([A-ZÅÄÖ][a-zåäöé]{2,}(?:[-][A-ZÅÄÖa-zåäö]+)?)(?::n|:lla|:ssa)?\b")
_DIGIT = re.compile(r"\d")
# A date line in any of the three languages (the lexicon of a short text's detected language may be the wrong one).
_DATED = re.compile(r"päivitetty|laadittu|uppdaterad|upprättad|updated|effective", re.I)
_NAME_LABEL = re.compile(r"nimi|namn|name", re.I)
_SENTENCE_START = re.compile(r"([A-ZÅÄÖ][a-zåäöé]{2,})(?::n)?\b")
_NAME_END = re.compile(r"\s*(?:,|\(|–| - |;|\by-tunnus\b|\bY-tunnus\b|\bFO-nummer\b|\bBusiness ID\b).*$", re.I)


@define(frozen=True, kw_only=True)
class Named:
    """A name found in the text and the unit it was found in."""

    value: str
    unit: int


@define(frozen=True, kw_only=True)
class PostalParts:
    """A postal address as printed: street (or P.O. box), postal code and city."""

    street: str | None
    postal_code: str
    city: str


@define(frozen=True, kw_only=True)
class Contact:
    """A contact channel found in the text.

    Attributes:
        kind: ``"email"``, ``"phone"`` or ``"address"``.
        value: the address or number as written (an address as :class:`PostalParts`).
        unit: the unit it was found in.
        owner: whose channel it is, by the section it is in.
    """

    kind: Literal["email", "phone", "address"]
    value: str | PostalParts
    unit: int
    owner: Owner


def _owner(analysis: Analysis, unit: int, at: int | None = None) -> Owner:
    """Whose channel a contact in ``unit`` is; ``at``, where in the unit's text the contact starts."""
    text = analysis.units[unit].text
    if _AUTHORITY.search(text) or unit in analysis.units_with("complaint"):
        return "authority"
    section = analysis.structure.section_of(unit)
    kinds = section.kinds
    # In the controller's section, an address given before the data protection officer is named ("… ry
    # Sähköposti: info(ät)… Yhteyshenkilö: … tietosuojavastaava Noora …") is the controller's own.
    dpo_after = at is not None and kinds[:1] == ("controller",) and all(
        hit.start - analysis.offset(unit) > at for hit in analysis.hits("dpo") if hit.unit == unit)
    if "dpo" in kinds[:1] or (unit in analysis.units_with("dpo") and not dpo_after):
        return "dpo"
    if kinds[:1] == ("controller",):
        return "controller"
    if "contact_person" in kinds:
        return "contact_person"
    return "other"


def contacts_of(analysis: Analysis) -> list[Contact]:
    """Every e-mail address, phone number and postal address in the text, with its owner."""
    found: list[Contact] = []
    units = analysis.units
    for unit in units:
        text = unit.text
        if "@" in text:
            for match in _EMAIL.finditer(text):
                found.append(Contact(kind="email", value=match.group(), unit=unit.index,
                                     owner=_owner(analysis, unit.index, match.start())))
        if "(" in text or "[" in text:
            for match in _EMAIL_SPELLED.finditer(text):
                found.append(Contact(kind="email", value=f"{match.group(1)}@{match.group(2)}", unit=unit.index,
                                     owner=_owner(analysis, unit.index, match.start())))
        if _DIGIT.search(text):
            for match in _PHONE.finditer(text):
                value = match.group().strip()
                digits = sum(c.isdigit() for c in value)
                if not 7 <= digits <= 13 or _BUSINESS_ID.fullmatch(value) or _DATE.search(value):
                    continue
                found.append(Contact(kind="phone", value=value, unit=unit.index, owner=_owner(analysis, unit.index)))
            postal = _postal(analysis, unit.index) or _labelled_street(analysis, unit.index)
            if postal is not None:
                found.append(Contact(kind="address", value=postal, unit=unit.index,
                                     owner=_owner(analysis, unit.index)))
    return found


# "Address Erkkilänkatu 31" with no colon, the postal code and the town on lines of their own below it.
_STREET_LABEL = re.compile(r"^(?:address|street address|postal address|osoite|katuosoite|postiosoite|adress|"
                           r"postadress|gatuadress)\s+(?=[A-ZÅÄÖ])(.+)$", re.I)
_CODE = re.compile(r"(?<![\d-])(\d{5})(?![\d-])")
_TOWN_LABEL = re.compile(r"^(?:postcode|post office|postal town|city|town|postitoimipaikka|kaupunki|ort|postort)\s+",
                         re.I)
_TOWN = re.compile(r"([A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+)?)\s*$")


def _labelled_street(analysis: Analysis, index: int) -> PostalParts | None:
    """A street line labelled without a colon ("Address Kauppakatu 9 B"), with a five-digit postal code in the same
    line or in one of the next two lines of its section."""
    units = analysis.units
    label = _STREET_LABEL.match(units[index].text.strip())
    if label is None:
        return None
    street = label.group(1).strip(" ,")
    code = _CODE.search(street)
    if code is not None:
        street = street[: code.start()].strip(" ,")
    if not _STREET.match(street):
        return None
    following = [u for u in units[index + 1: index + 3] if u.section == units[index].section]
    if code is None:
        for unit in following:
            code = _CODE.search(unit.text)
            if code is not None:
                break
    if code is None:
        return None
    town = next((m.group(1) for u in following
                 if (m := _TOWN.search(_TOWN_LABEL.sub("", _LABEL.sub("", u.text).strip()))) is not None
                 and not _CODE.search(u.text)), "")
    return PostalParts(street=street, postal_code=code.group(1), city=town)


def _postal(analysis: Analysis, index: int) -> PostalParts | None:
    unit = analysis.units[index]
    match = _POSTAL.search(unit.text)
    if match is None:
        return None
    before = _LABEL.sub("", unit.text[: match.start()]).strip(" ,")
    street: str | None = before.split(",")[-1].strip() if before else None
    if not street and index > 0:
        previous = analysis.units[index - 1]
        candidate = _LABEL.sub("", previous.text).strip(" ,")
        if previous.section == unit.section and not previous.heading and (
                _STREET.match(candidate) or _PO_BOX.match(candidate)):
            street = candidate
    if street is not None and not (_STREET.match(street) or _PO_BOX.match(street)) and (
            len(street.split()) > 5 or not any(c.isdigit() for c in street)):
        # Not an address line ("…, 33720 Tampere" inside a sentence): accept only a clear street.
        if before:
            return None
        street = None
    return PostalParts(street=street or None, postal_code=match.group(1), city=match.group(2))


def business_ids(analysis: Analysis) -> list[Named]:
    """The ``NNNNNNN-C`` business ids in the text (valid or not), in order."""
    return [Named(value=m.group(), unit=u.index) for u in analysis.units for m in _BUSINESS_ID.finditer(u.text)]


def _clean_name(text: str) -> str:
    text = _LABEL.sub("", text) if _LABEL.match(text) and not _EMAIL.search(text[:40]) else text
    text = _EMAIL.sub("", text)
    text = _NAME_END.sub("", text)
    return text.strip(" .:;-–—")


def _is_contact_line(text: str) -> bool:
    return bool(_EMAIL.search(text) or _PHONE.search(text) or _POSTAL.search(text) or (_BUSINESS_ID.search(text)
                and len(text) < 20))


def _first_name_line(analysis: Analysis, section: Section, skip: int = 0) -> Named | None:
    seen = 0
    for index in section.body:
        unit = analysis.units[index]
        text = unit.text
        if len(text) > 90 or (text.endswith((".", "!", "?")) and len(text.split()) > 6):
            continue
        label = _LABEL.match(text)
        if label and not _NAME_LABEL.search(label.group()) and not _BUSINESS_ID.search(text):
            continue
        # The site's address given as such ("Verkkopalvelumme sijaitsee osoitteessa: https://…", "Our website address
        # is: https://…", the opening of a common website template) names no controller.
        if _SITE_ADDRESS.search(text):
            continue
        name = _clean_name(text)
        if not name or not any(c.isalpha() for c in name) or _is_contact_line(name) or _STREET.match(name):
            continue
        if seen < skip:
            seen += 1
            continue
        return Named(value=name, unit=index)
    return None


_SITE_ADDRESS = re.compile(r"(?:osoitteessa|osoite on|address is|adress är|adressen är|finns på|located at)\W*"
                           r"(?:https?://|www\.)", re.I)
_RUN_IN_NAME = re.compile(
    r"(?:\s+(?:on|toimii|är|is)\s+|\s*[:–-]\s*|\s+(?:is|är)\s+)"
    r"([A-ZÅÄÖ][\w&.'-]*(?:\s(?:[A-ZÅÄÖ&][\w&.'-]*|ja|och|and|oy|ab|ltd|tmi|ky|oyj))*)")
# An initial may stand in the name ("Nuohouspalvelu J. Harju, Y-tunnus …", "Tmi A. Virtanen (Y-tunnus …)"); the
# name may be followed by who runs it ("Nagelstudio X drivs av …, FO-nummer …").
# The trade name may be followed by the owner's own name after a dash ("Ugnsbilen Glöd – Lisa Backman, FO-nummer …").
_LEADING_NAME = re.compile(r"([A-ZÅÄÖ][\w&'-]*"
                           r"(?:\s(?:[A-ZÅÄÖ]\.(?=\s[A-ZÅÄÖ])|[A-ZÅÄÖ&][\w&'-]*|oy|ab|ltd|tmi|ky|oyj)){0,4}"
                           r"(?:\s[–—]\s[A-ZÅÄÖ][\w'-]*(?:\s[A-ZÅÄÖ][\w'-]*){1,2})?)"
                           r"(?=\s+(?:is|on|är|toimii|drivs|ägs)\b|\s*[,(])")
# Company forms as written after the name, also in capitals ("Kuvakehys Nordic AB:n") and those of neighbouring EU
# states (OÜ, UAB, SIA, ApS).
# Registered associations (ry, rf), co-operatives (osk) and foundations (sr) are named the same way ("Kalastajat ry",
# "Fiskarna r.f."); "Oy Ab" and "Ab Oy" are one form.
_WITH_FORM = re.compile(r"((?:[A-ZÅÄÖ][\w&'-]*\s){1,4})(Oy Ab|Ab Oy|Oyj|Oy|Abp|Ab|Ltd\.|Ltd|Tmi|Ky|Ay|Inc|GmbH|"
                        r"OY AB|AB OY|OYJ|OY|AB|ApS|OÜ|UAB|SIA|AG|AS|ASA|plc|PLC|ry|r\.y\.|rf|r\.f\.|RY|RF|osk|sr)"
                        r"(?![\w])")
# A registered association whose name ends in a common noun in lower case ("Österby hembygdsförening rf", "Kuohun
# salibandyseura ry", "Tammelan kotiseutuyhdistys ry").
_ASSOCIATION = re.compile(r"((?:[A-ZÅÄÖ][\w&'-]*\s){1,3}[a-zåäö][\w-]*(?:förening\w*|förbund\w*|gille\w*|klubb\w*|"
                          r"lag|yhdistys|seura|kerho|liitto|kilta|killat|club|society))\s(ry|r\.y\.|rf|r\.f\.|RY|RF)"
                          r"(?![\w])")
# The form before the name: "Osuuskunta Kuvaajat", "Säätiö Lumo", "Stiftelsen Fiskarna", "Tmi Anna Lind".
_FORM_FIRST = re.compile(r"\b((?:Osuuskunta|Säätiö|Stiftelsen|Andelslaget|Tmi|T:mi|Toiminimi)"
                         r"(?:\s[A-ZÅÄÖ][\w&'-]*){1,3})")


def controller_name(analysis: Analysis) -> Named | None:
    """The controller's name: under the controller heading, after "Rekisterinpitäjä on/:", or a company name.

    Falls back to the proper noun the text uses most often for itself (at least three times, not a known
    service provider), e.g. *Webstrella* in "Webstrella ei luovuta näitä tietoja".
    """
    structure = analysis.structure
    for section in structure.sections_of("controller"):
        if section.kinds[0] == "controller" or "contact_person" in section.kinds:
            named = _first_name_line(analysis, section)
            if named is not None:
                return named
    # A controller section that opens with a sentence naming it ("Nahkapaja Pajala is toiminimi of Matti Pajala,
    # business ID …", "Kauppa Oy, Y-tunnus …, Katu 1 …").
    for section in structure.sections_of("controller"):
        body = list(section.body)
        if section.kinds[0] == "controller" and body:
            lead = _LEADING_NAME.match(analysis.units[body[0]].text)
            if lead:
                return Named(value=lead.group(1).strip(), unit=body[0])
    for index in sorted(analysis.units_with("controller_label", headings=False)):
        text = analysis.units[index].text
        for hit in analysis.hits("controller_label"):
            if hit.unit != index:
                continue
            at = text.find(hit.text)
            match = _RUN_IN_NAME.match(text, at + len(hit.text))
            if match:
                name = _clean_name(match.group(1))
                if len(name) >= 2:
                    return Named(value=name, unit=index)
    # A sole trader speaking in the first person ("Jag, Anna Lindqvist, driver enskild firma …", "Olen Matti
    # Meikäläinen ja pidän toiminimellä …", "The shop is run by me, Jane Doe, as a sole trader") names the
    # controller: the name after the first person, with a sole-trader word shortly after it.
    trader = next((Named(value=m.group(1), unit=u.index) for u in analysis.units[:40]
                   if (m := _FIRST_PERSON_TRADER.search(u.text) or _TRADER_IN_BRACKETS.search(u.text)
                            or _RUN_BY_ME.search(u.text) or _run_by_person(analysis, u.index))), None)
    # A company named where the text speaks of recipients, transfers, cookies or sources ("Posti Group Oy", "Paytrail
    # Oyj") is someone the shop works with, not the shop, unless its business id is given with it ("Kuparipannu Oy
    # (Y-tunnus …)" under a title that also names cookies). A company named after the trader has introduced
    # themselves ("… verkkokaupan paketit kuljettaa Posti Oy") is one the trader works with.
    others = analysis.in_sections("recipients", "transfers", "cookies", "sources") | analysis.units_with("recipients")
    labelled = analysis.units_with("business_id_label")
    for unit in analysis.units[:40]:
        if trader is not None and unit.index >= trader.unit:
            return trader
        match = _WITH_FORM.search(unit.text) if unit.index not in others or unit.index in labelled else None
        if match is None and (unit.index not in others or unit.index in labelled):
            match = _ASSOCIATION.search(unit.text)
        # A sentence in capitals ("WE KEEP DATA AS LONG AS …") names no company.
        if match and match.group(1).isupper() and match.group(2) in ("AG", "AS", "ASA", "PLC"):
            match = None
        if match:
            return Named(value=(match.group(1) + match.group(2)).strip(), unit=unit.index)
        first = _FORM_FIRST.search(unit.text) if unit.index not in others or unit.index in labelled else None
        if first:
            return Named(value=first.group(1).strip(), unit=unit.index)
    return (trader or _name_above_business_id(analysis) or _name_with_business_id(analysis)
            or _letterhead(analysis) or _frequent_proper_noun(analysis))


def _name_with_business_id(analysis: Analysis) -> Named | None:
    """A name opening a sentence near the top that gives the business id ("Kaislapaja on Ilmari Kaisla Virtasen
    toiminimi (Y-tunnus …)", "Lerverkstan är min enskilda firma, FO-nummer …"): that sentence introduces the
    controller."""
    others = analysis.in_sections("recipients", "transfers", "cookies", "sources") | analysis.units_with("recipients")
    for unit in analysis.units[:15]:
        if unit.heading or unit.index in others or not _BUSINESS_ID.search(unit.text):
            continue
        lead = _LEADING_NAME.match(unit.text)
        if lead:
            return Named(value=lead.group(1).strip(), unit=unit.index)
    return None


def _name_above_business_id(analysis: Analysis) -> Named | None:
    """A name on the line above the business id at the head of the text ("Ahvenkoukku fishing tackle online shop" /
    "Business ID 3613186-2"): the lines of a letterhead name the controller."""
    for index in sorted(analysis.units_with("business_id_label"))[:1]:
        unit, above = analysis.units[index], analysis.units[index - 1] if index > 0 else None
        if index > 15 or above is None or above.heading or above.section != unit.section:
            return None
        labels = analysis.terms_in("business_id_label", index)
        if not labels or not unit.text.lstrip().lower().startswith(labels[0].lower()):
            return None
        text = above.text.strip()
        if 1 <= len(text.split()) <= 8 and text[:1].isupper() and not _CONTACTISH.search(text):
            return Named(value=text, unit=above.index)
    return None


_CONTACTISH = re.compile(r"[@\d]|https?:|www\.")


def _letterhead(analysis: Analysis) -> Named | None:
    """A name on the first line of the text's body with the postal address on the line below it ("Hattmakeri Ingrid
    Wikström" / "Storgatan 22, 68600 Jakobstad" / e-mail / phone), as on a letterhead at the head of the text or
    under a title or controller heading: it names the controller."""
    body = [u for u in analysis.units[:12] if not u.heading][:4]
    # The first lines of the body (a title the layout did not mark may come first).
    for first, below in pairwise(body):
        text = first.text.strip()
        section = analysis.structure.sections[first.section]
        # Under a heading of its own ("Registrets namn") the line is what that heading says, not a letterhead.
        if section.heading is not None and not set(section.kinds) & {"controller", "title", "contact_person"}:
            continue
        if (below.index != first.index + 1 or below.section != first.section or below.line != first.line + 1
                or not _POSTAL.search(below.text) or len(below.text) > 80):
            continue
        if (1 <= len(text.split()) <= 6 and text[:1].isupper() and not _CONTACTISH.search(text)
                and not text.endswith(".")):
            return Named(value=text, unit=first.index)
    return None


_TRADER_NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?: [A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2}"
_FIRST_PERSON_TRADER = re.compile(
    rf"(?:\b(?:Jag|Minä|I)(?:,| heter| olen| am)?|\bOlen|\b(?:av|by) (?:mig|me),?) ({_TRADER_NAME})\b"
    r".{0,100}?(?:enskild firma|enskild näringsidkare|toiminim\w*|yksityi\w* elinkeinonharjoitta\w*|sole trader|"
    r"sole proprietor\w*)", re.S)
# "The salon is run by me, Jane Doe", "Butiken drivs av mig, Ida Sjöblom", "Kauppaa pyöritän minä, Matti Meikäläinen":
# the business run by a person who names themself is that person's, with or without a sole-trader word.
_RUN_BY_ME = re.compile(
    r"\b(?:(?:run|owned|kept|managed) by me|(?:drivs|ägs) av mig|(?:pyöritän|omistan|pidän) minä),? "
    rf"({_TRADER_NAME})\b")
# "Lerverkstan är min enskilda firma (Ida Sjöblom, FO-nummer …)": the owner in brackets after the sole-trader word.
_TRADER_IN_BRACKETS = re.compile(
    rf"(?:enskild\w* firma|enskild näringsidkare|toiminim\w*|sole trader|sole proprietor\w*)\s*\(\s*({_TRADER_NAME})\b")


# "Savipaja X is a small studio run by Anni Koskela in Kuopio", "Nagelstudio X drivs av Jessica Lindqvist": the shop
# run by a person named with a first name the lexicons know; that person is the controller (a sole trader).
_RUN_BY = re.compile(
    rf"\b(?:(?:run|owned|kept) by|(?:drivs|ägs) av|jota (?:pyörittää|pitää|omistaa)) ({_TRADER_NAME})\b")


def _run_by_person(analysis: Analysis, unit: int) -> re.Match[str] | None:
    match = _RUN_BY.search(analysis.units[unit].text)
    if match is None:
        return None
    first = match.group(1).split(maxsplit=1)[0].split("-", maxsplit=1)[0]
    return match if first.lower() in (t.lower() for t in analysis.terms_in("first_name", unit)) else None


_PRONOUNS = frozenset({"Jag", "Vi", "Minä", "Me", "Mina", "We", "I"})


def _frequent_proper_noun(analysis: Analysis) -> Named | None:
    vendors = analysis.units_with("non_eea_vendors")
    counts: Counter[str] = Counter()
    where: dict[str, int] = {}
    for unit in analysis.units:
        if unit.heading or unit.index in vendors:
            continue
        for match in _CAPITALISED.finditer(" " + unit.text):
            word = match.group(1)
            counts[word] += 1
            where.setdefault(word, unit.index)
        first = _SENTENCE_START.match(unit.text)
        if first:
            counts[first.group(1)] += 0  # known, but sentence-initial words count only through merging below
            where.setdefault(first.group(1), unit.index)
    merged: Counter[str] = Counter()
    for word, n in counts.items():
        base = word[:-1] if word.endswith("n") and word[:-1] in counts else word
        merged[base] += n
    stop = lexicon(analysis.structure.language).stopwords
    # A first-person pronoun ("Jag är en liten enskild firma", "Minä", "We") is the writer, not a name.
    candidates = [(n, w) for w, n in merged.items()
                  if n >= 3 and w.lower() not in stop and not w.isupper() and w not in _PRONOUNS]
    if not candidates:
        return None
    n, word = max(candidates)
    return Named(value=word, unit=where[word])


def contact_person_name(analysis: Analysis) -> Named | None:
    """The contact person's name: the first name line under the contact-person heading."""
    for section in analysis.structure.sections_of("contact_person"):
        if section.kinds[0] == "contact_person":
            named = _first_name_line(analysis, section)
            if named is not None:
                return named
        else:
            # "Rekisterin pitäjä ja rekisteristä vastaava henkilö": the person follows the controller's name.
            for index in section.body:
                text = analysis.units[index].text
                person = _PERSON.match(text)
                if person and index != section.body.start:
                    return Named(value=person.group(1), unit=index)
    return None


def updated_date(analysis: Analysis) -> dt.date | None:
    """The statement's date: the one after "Päivitetty"/"Updated", or a lone date near the top."""
    candidates = sorted(analysis.units_with("updated", headings=True))
    candidates += [u.index for u in analysis.units[:12] if _DATED.search(u.text) or _DATE.fullmatch(u.text.strip())]
    for index in candidates:
        match = _DATE.search(analysis.units[index].text)
        if match is None:
            continue
        try:
            if match.group(1):
                return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            return dt.date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        except ValueError:
            continue
    return None
